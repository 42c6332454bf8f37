/* test-i18n.c - unit tests for the language of quire's own words */
#include <config.h>
#include "i18n.h"

#include <locale.h>
#include <string.h>
#include <glib.h>

#include "tap.h"

static const char *const in_french = "Réponses au questionnaire";

/* The user's language is LANGUAGE's first; a document's replaces it until its end. */
static void test_user_and_document(void)
{
	check_str(i18n_language(), "fr");
	check_str(_("Replies to the questionnaire"), in_french);
	i18n_begin_language("en");
	check_str(i18n_language(), "en");
	check_str(_("Replies to the questionnaire"), "Replies to the questionnaire");
	ok(i18n_missing() == NULL, "English lacks nothing: the messages are English");
	i18n_end_language();
	check_str(i18n_language(), "fr");
	check_str(_("Replies to the questionnaire"), in_french);
}

static void test_missing(void)
{
	static const char *const absent = "A message no catalog has";
	i18n_begin_language("ru");
	ok(_(absent) == absent, "a message the catalog lacks comes out as it is");
	ok(_(absent) == absent, "twice");
	ok(strcmp(P_("%lu thing no catalog has", "%lu things no catalog has", 5),
		  "%lu things no catalog has") == 0, "and a plural one in English's plural");
	GPtrArray *missing = i18n_missing();
	ok(missing && missing->len == 2, "each is noted once");
	if (missing && missing->len == 2) {
		check_str(g_ptr_array_index(missing, 0), absent);
		check_str(g_ptr_array_index(missing, 1), "%lu thing no catalog has");
	}
	if (missing)
		g_ptr_array_unref(missing);
	i18n_mark_fallback("[en] ");
	check_str(_(absent), "[en] A message no catalog has");
	check_str(P_("%lu thing no catalog has", "%lu things no catalog has", 1),
		  "[en] %lu thing no catalog has");
	i18n_mark_fallback(NULL);
	check_str(_(absent), absent);
	i18n_end_language();
	i18n_begin_language("es");
	ok(i18n_missing() == NULL, "a new document starts with nothing missing");
	i18n_end_language();
	ok(_(absent) == absent, "outside a document nothing is marked");
}

static void test_catalogs(void)
{
	ok(i18n_has_catalog("en"), "English needs no catalog");
	const char *const six[] = { "ar", "es", "fr", "ru", "zh" };
	for (size_t i = 0; i < G_N_ELEMENTS(six); i++)
		ok(i18n_has_catalog(six[i]), "a catalog for %s", six[i]);
	ok(!i18n_has_catalog("de"), "none for German");
}

int main(void)
{
	g_setenv("LANGUAGE", "fr:en", TRUE);
	setlocale(LC_ALL, "");
	i18n_init();
	test_user_and_document();
	test_missing();
	test_catalogs();
	return tap_done();
}
