/* redact.h - hiding the names of States in free text */
#ifndef QUIRE_REDACT_H
#define QUIRE_REDACT_H

struct roster;

/*
 * A redaction replaces, in answers quoted anonymously, every way of naming
 * a State of a roster by "[State]".  For every member, at any date, it
 * hides:
 *
 *   - the name and its short forms: the part after each " of "
 *     ("Republic of Aldmere" -> "Aldmere"), the part before " (" ("Bolivia
 *     (Plurinational State of)" -> "Bolivia"), a title ending in "of" or
 *     "of the", in parentheses or after a comma, put first ("Korea,
 *     Republic of" -> "Republic of Korea"; "Netherlands (Kingdom of the)"
 *     -> "Kingdom of the Netherlands"), each without a leading "The ";
 *   - every alias (roster column "aliases"), with the same short forms;
 *   - the roster code.
 *
 * Matches are whole words: no letter, mark or digit may touch them, except
 * on the side of a script written without spaces (Chinese, Japanese,
 * Korean, Thai, Lao, Khmer, Myanmar), and for a name in Arabic script the
 * one-letter prefixes wa-, fa-, bi-, li- and ka- are kept in front of the
 * "[State]" that replaces it (also li- joined to the article al-, which
 * drops its alif).  Names and aliases match in any case; one
 * written in capitals of at most four letters ("XKE", "UAE", "DPRK") only
 * as written, so that the code CAN leaves the word "can" alone.  A name or
 * alias ending in a Latin letter also matches with a plural "s"
 * ("Kestrians"), which is hidden with it; a possessive keeps its ending
 * ("[State]'s").  In a name, a blank matches any run of blanks and line
 * breaks, an apostrophe matches ' ’ and ʼ, a hyphen - ‐ and ‑, and an
 * accented letter matches itself, its decomposed form and the bare letter
 * ("Türkiye", "Turkiye").  Where several names start at the same place,
 * the longest is hidden ("Republic of Aldmere", not "Republic of
 * [State]").
 */
struct redact;

#define REDACT_MAX_NAME 200	/* characters in a name or alias */

/*
 * The redaction of ROSTER's names, aliases and codes, built once.  A NULL
 * roster or one without members gives a redaction that hides nothing.
 * Reports and returns NULL when a name or alias is longer than
 * REDACT_MAX_NAME characters, or if the regular expression engine refuses
 * the pattern of a single name (names too many for one pattern are spread
 * over several).  The roster is not kept: it may be freed before the
 * redaction.  Free the result with redact_free().
 */
struct redact *redact_new(const struct roster *roster);

/*
 * TEXT with every name hidden by RD, as a new string (g_free).  Invalid
 * UTF-8 in TEXT is replaced by U+FFFD first.  Returns NULL, without a
 * message, only if the search fails (the regular expression engine gives
 * up), and then the text must not be shown.
 */
char *redact_text(const struct redact *rd, const char *text);

/* Frees RD; NULL is allowed. */
void redact_free(struct redact *rd);

#endif
