/* i18n.c - the language of quire's own words (see i18n.h) */
#include <config.h>

#include "i18n.h"

#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <unicode/uloc.h>

/*
 * GNU gettext caches translations per domain and locale, not per LANGUAGE;
 * this counter, bumped, tells it that the catalogs in use have changed
 * (the gettext manual's "Changing the language at runtime").
 */
extern int _nl_msg_cat_cntr;

static char *user_language;	/* LANGUAGE as the user set it, or NULL */
static char *current_language;	/* the first of the languages in use, for i18n_language() */
static bool in_document;	/* between i18n_begin_language() and i18n_end_language() */
static char *locale_dir;	/* where the catalogs are */
static GPtrArray *missing;	/* msgids the document's catalog lacks, first use first */
static GHashTable *missing_set;	/* the same, for lookups */
static char *fallback_mark;	/* put before a missing message, or NULL */
static bool noting;		/* a document in a language other than English is being written */

/* The directory that holds LL/LC_MESSAGES/quire.mo. */
static char *find_locale_dir(void)
{
	const char *env = g_getenv("QUIRE_LOCALEDIR");
	if (env && *env)
		return g_strdup(env);
	if (g_file_test(LOCALEDIR, G_FILE_TEST_IS_DIR)) {
		char *probe = g_build_filename(LOCALEDIR, "fr", "LC_MESSAGES",
					       GETTEXT_PACKAGE ".mo", NULL);
		gboolean installed = g_file_test(probe, G_FILE_TEST_EXISTS);
		g_free(probe);
		if (installed)
			return g_strdup(LOCALEDIR);
	}
	return g_strdup(BUILD_LOCALEDIR);
}

/* "fr_FR.UTF-8@euro" -> "fr_FR"; NULL for "", "C" and "POSIX". */
static char *language_of_locale(const char *name)
{
	if (!name || !*name || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 ||
	    strncmp(name, "C.", 2) == 0)
		return NULL;
	return g_strndup(name, strcspn(name, ".@"));
}

static void set_language(const char *lang)
{
	if (lang)
		g_setenv("LANGUAGE", lang, TRUE);
	else
		g_unsetenv("LANGUAGE");
	++_nl_msg_cat_cntr;
	g_free(current_language);
	current_language = lang && *lang ? g_strndup(lang, strcspn(lang, ":")) : NULL;
}

void i18n_init(void)
{
	locale_dir = find_locale_dir();
	bindtextdomain(GETTEXT_PACKAGE, locale_dir);
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");

	const char *language = g_getenv("LANGUAGE");
	if (language && *language) {
		user_language = g_strdup(language);
	} else {
		const char *name = g_getenv("LC_ALL");
		if (!name || !*name)
			name = g_getenv("LC_MESSAGES");
		if (!name || !*name)
			name = g_getenv("LANG");
		user_language = language_of_locale(name);
	}
	/*
	 * gettext ignores LANGUAGE under the C locale, which is what a user
	 * whose own locale is not installed has; C.UTF-8 keeps C's rules
	 * and lets LANGUAGE name the catalog.
	 */
	const char *messages = setlocale(LC_MESSAGES, NULL);
	if (!messages || strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	set_language(user_language);
}

void i18n_begin_language(const char *lang)
{
	set_language(lang);
	in_document = true;
	if (missing)
		g_ptr_array_unref(missing);
	if (missing_set)
		g_hash_table_destroy(missing_set);
	missing = g_ptr_array_new();
	missing_set = g_hash_table_new(g_str_hash, g_str_equal);
	noting = strcmp(i18n_language(), "en") != 0;
}

void i18n_end_language(void)
{
	set_language(user_language);
	in_document = false;
	noting = false;
}

GPtrArray *i18n_missing(void)
{
	if (!missing || !missing->len)
		return NULL;
	return g_ptr_array_ref(missing);
}

void i18n_mark_fallback(const char *mark)
{
	g_free(fallback_mark);
	fallback_mark = g_strdup(mark);
}

/*
 * TEXT, the catalog's answer for MSGID, as the document shows it: noted
 * and marked when the catalog had none (gettext then answers with the
 * argument itself).
 */
static const char *noted(const char *msgid, const char *text, bool untranslated)
{
	if (!noting || !untranslated)
		return text;
	if (!g_hash_table_contains(missing_set, msgid)) {
		g_hash_table_add(missing_set, (char *)msgid);
		g_ptr_array_add(missing, (char *)msgid);
	}
	if (!fallback_mark)
		return text;
	char *marked = g_strconcat(fallback_mark, text, NULL);
	const char *interned = g_intern_string(marked);
	g_free(marked);
	return interned;
}

const char *i18n_gettext(const char *msgid)
{
	const char *t = dgettext(GETTEXT_PACKAGE, msgid);
	return noted(msgid, t, t == msgid);
}

const char *i18n_gettext_list(const char *msgid)
{
	const char *t = dgettext(GETTEXT_PACKAGE, msgid);
	noted(msgid, t, t == msgid);
	return t;
}

const char *i18n_ngettext(const char *msgid, const char *plural, unsigned long n)
{
	const char *t = dngettext(GETTEXT_PACKAGE, msgid, plural, n);
	return noted(msgid, t, t == msgid || t == plural);
}

int i18n_has_catalog(const char *lang)
{
	if (strcmp(lang, "en") == 0)
		return 1;
	char *path = g_build_filename(locale_dir ? locale_dir : LOCALEDIR, lang, "LC_MESSAGES",
				      GETTEXT_PACKAGE ".mo", NULL);
	int has = g_file_test(path, G_FILE_TEST_EXISTS);
	g_free(path);
	return has;
}

const char *i18n_language(void)
{
	return current_language ? current_language : "en";
}

bool i18n_is_rtl(const char *lang)
{
	return lang && *lang && uloc_isRightToLeft(lang);
}

/* dngettext() in the user's language, whatever document is being written (PLURAL NULL: dgettext()). */
static const char *in_user_language(const char *msgid, const char *plural, unsigned long n)
{
	char *document = in_document && current_language ? g_strdup(current_language) : NULL;
	if (document)
		set_language(user_language);
	const char *t = plural ? dngettext(GETTEXT_PACKAGE, msgid, plural, n)
			       : dgettext(GETTEXT_PACKAGE, msgid);
	if (document) {
		set_language(document);
		g_free(document);
	}
	return t;
}

const char *i18n_terminal(const char *msgid)
{
	if (!msgid || !*msgid)
		return msgid;
	return in_user_language(msgid, NULL, 0);
}

const char *i18n_terminal_n(const char *msgid, const char *plural, unsigned long n)
{
	return in_user_language(msgid, plural, n);
}
