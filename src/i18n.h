/* i18n.h - the language of quire's own words: gettext for messages and for documents */
#ifndef QUIRE_I18N_H
#define QUIRE_I18N_H

#include <stdbool.h>

#include <libintl.h>
#include <glib.h>

/*
 * quire's words -- a report's headings, captions, notes and annexes, the
 * printed questionnaire's furniture, the CLI's messages -- are GNU gettext
 * messages of the domain GETTEXT_PACKAGE ("quire").  The form's own texts
 * (labels, hints, summary phrases) are not: the form carries them per
 * language.
 *
 * Mark a message with _() where it is used, N_() where it is only named
 * (a table of messages), and P_(one, many, n) for a message that holds a
 * count: the catalog carries every plural form of its language (three in
 * Russian, six in Arabic), so a count never takes an English "s".  Every
 * count's message is a whole phrase with its number ("%s Member States"),
 * never a number glued to a noun chosen elsewhere.
 */
#define _(msgid) i18n_gettext(msgid)
#define N_(msgid) (msgid)
#define P_(msgid, plural, n) i18n_ngettext(msgid, plural, n)

/*
 * Words for the terminal -- a diagnostic, a usage error, --help -- are in
 * the user's language even while a document in another is being written,
 * and are never noted as a document's missing message: E_() marks them.
 * msg.c's functions and cli_usage_error() look their format up the same
 * way, so a literal format passed to them needs no mark of its own (xgettext
 * knows them as keywords, po/Makevars).
 */
#define E_(msgid) i18n_terminal(msgid)
#define EP_(msgid, plural, n) i18n_terminal_n(msgid, plural, n)
const char *i18n_terminal(const char *msgid) __attribute__((format_arg(1)));
const char *i18n_terminal_n(const char *msgid, const char *plural, unsigned long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));

/*
 * A message that is data as well as words -- a list split into its items,
 * such as the months' names -- is looked up with i18n_gettext_list(): noted
 * when missing, as any, but never marked, as a mark would become an item.
 */
const char *i18n_gettext_list(const char *msgid) __attribute__((format_arg(1)));

/* dgettext() and dngettext() of GETTEXT_PACKAGE, noting a message the catalog lacks (below). */
const char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));
const char *i18n_ngettext(const char *msgid, const char *plural, unsigned long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));

/*
 * Binds the domain to its catalogs and takes the user's language for
 * messages: LANGUAGE, else LC_ALL, LC_MESSAGES or LANG.  Catalogs are read
 * from $QUIRE_LOCALEDIR when it is set (the build tree's, for tests), else
 * from the installed LOCALEDIR, else from the build tree's locale/ when
 * quire runs uninstalled.  Works without the user's locale being installed:
 * messages are looked up by language name under the C.UTF-8 locale.  Call
 * once, after setlocale(LC_ALL, "").
 */
void i18n_init(void);

/*
 * Switches gettext to LANG ("fr", "zh", "ar"; "en" for the English
 * messages themselves) until i18n_end_language(), for a document written
 * in a language other than the user's.  Calls do not nest.  Not thread
 * safe: the language is the process's.
 */
void i18n_begin_language(const char *lang);
/* Back to the user's language. */
void i18n_end_language(void);

/*
 * The language quire's words are being written in now: the document's
 * between i18n_begin_language() and i18n_end_language(), else the user's
 * first choice, else "en".  A language tag such as "fr" or "zh_CN", for
 * Pango (shaping, line breaking, the Chinese cut of a CJK font) and for a
 * document's metadata.  The string stays valid until the language changes.
 */
const char *i18n_language(void);

/*
 * Between i18n_begin_language() and i18n_end_language() for a language
 * other than English, every message the catalog lacks is noted, once:
 * a document must be wholly in its language, and its writer lists what is
 * missing instead of mixing English in.  i18n_missing() returns the
 * messages noted since i18n_begin_language() (their msgids, borrowed), in
 * the order first used; NULL when there are none.  The array is the
 * caller's to free with g_ptr_array_unref().
 *
 * With i18n_mark_fallback(MARK), a missing message comes out as MARK
 * followed by the English, so that a draft made anyway shows each one
 * (quire report --allow-fallback); NULL turns marking off.
 */
GPtrArray *i18n_missing(void);
void i18n_mark_fallback(const char *mark);

/*
 * Whether a catalog for LANG is installed where i18n_init() looks, by its
 * header's language.  "en" always has one: English is the messages' own
 * language.
 */
int i18n_has_catalog(const char *lang);

/*
 * Whether LANG ("ar", "ar-EG", "fr") is written right to left (ICU's
 * locale data): a document in it flows right to left, page and charts.
 */
bool i18n_is_rtl(const char *lang);

#endif
