/* pdflang.h - the language of a PDF document (/Lang in its Catalog) */
#ifndef QUIRE_PDFLANG_H
#define QUIRE_PDFLANG_H

#include <glib.h>

/*
 * cairo 1.16 cannot set a document's language, which screen readers and
 * the PDF/UA rules want in the Catalog.  This module adds it afterwards to
 * a PDF held in memory, rewriting the file with libqpdf: nothing here
 * writes or parses PDF syntax by hand.
 */

#define PDFLANG_ERROR (pdflang_error_quark())
GQuark pdflang_error_quark(void);

enum pdflang_error {
	PDFLANG_ERROR_TAG,	/* LANG is not a language tag */
	PDFLANG_ERROR_PDF,	/* qpdf could not read or write the PDF */
};

/*
 * Replaces the bytes of PDF with the same document whose Catalog has
 * /Lang (LANG), LANG a BCP 47 tag such as "en", "fr", "ar", "zh-Hans"; a
 * /Lang already there is replaced.  Returns 0, or -1 with ERROR set
 * (domain PDFLANG_ERROR, a message such as "not a language tag: 'en_GB'"
 * or "cannot read the PDF: ...") and PDF unchanged.
 *
 * LANG is checked for the shape of a tag only (subtags of 1 to 8 ASCII
 * letters and digits joined by '-', the first letters only), not against
 * the registry.
 *
 * The output is deterministic: the same PDF and LANG give the same bytes,
 * the trailer's /ID included.  Object streams and compression are kept as
 * qpdf keeps them by default.  Nothing is printed: qpdf's warnings (about a
 * damaged file it recovers, say) are dropped, and its errors only reach
 * ERROR.
 */
int pdflang_set(GByteArray *pdf, const char *lang, GError **error);

#endif
