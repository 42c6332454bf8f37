/* test-i18n.c - unit tests for the language of quire's own words */
#include <config.h>
#include "i18n.h"

#include <locale.h>
#include <stdlib.h>
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

/*
 * Words for the terminal (E_()) stay in the user's language while a
 * document in another is written, and are never noted as its missing words.
 */
static void test_terminal(void)
{
	const char *french = E_("warning: ");
	ok(strcmp(french, "warning: ") != 0, "the French catalog has the terminal's words (%s)", french);
	i18n_begin_language("ru");
	check_str(E_("warning: "), french);
	check_str(E_("A terminal message no catalog has"), "A terminal message no catalog has");
	ok(i18n_missing() == NULL, "and none is noted as the Russian document's");
	ok(strcmp(_("Replies to the questionnaire"), in_french) != 0,
	   "while the document's words are Russian");
	check_str(i18n_language(), "ru");
	i18n_end_language();
	check_str(E_("warning: "), french);
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
	check_str(i18n_gettext_list("Jan Feb and no catalog"), "Jan Feb and no catalog");
	GPtrArray *noted = i18n_missing();
	ok(noted && noted->len == 3, "a list is never marked, as the mark would become an item, "
	   "but noted");
	if (noted)
		g_ptr_array_unref(noted);
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

/*
 * Every count of tests/data/i18n/counts.tsv in every language, as its
 * catalog's plural forms give it: six forms in Arabic, three in Russian.
 */
static void test_counts(void)
{
	const char *dir = g_getenv("QUIRE_TEST_DATA");
	char *path = g_build_filename(dir ? dir : "tests/data", "i18n", "counts.tsv", NULL);
	char *text = NULL;
	if (!g_file_get_contents(path, &text, NULL, NULL)) {
		ok(false, "read %s", path);
		g_free(path);
		return;
	}
	char **lines = g_strsplit(text, "\n", -1);
	unsigned checked = 0;
	for (char **l = lines; *l; l++) {
		if (**l == '#' || !**l)
			continue;
		char **f = g_strsplit(*l, "\t", 3);
		if (g_strv_length(f) == 3) {
			unsigned long n = strtoul(f[1], NULL, 10);
			i18n_begin_language(f[0]);
			char *got = g_strdup_printf(P_("n = %lu replying Member State",
						       "n = %lu replying Member States", n), n);
			i18n_end_language();
			ok(strcmp(got, f[2]) == 0, "%s, %lu: %s", f[0], n, f[2]);
			if (strcmp(got, f[2]) != 0)
				tap_diag("got %s", got);
			g_free(got);
			checked++;
		}
		g_strfreev(f);
	}
	check_int(checked, 60);
	g_strfreev(lines);
	g_free(text);
	g_free(path);
}

int main(void)
{
	g_setenv("LANGUAGE", "fr:en", TRUE);
	setlocale(LC_ALL, "");
	i18n_init();
	test_user_and_document();
	test_terminal();
	test_missing();
	test_catalogs();
	test_counts();
	return tap_done();
}
