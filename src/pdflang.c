/* pdflang.c - the language of a PDF document (/Lang in its Catalog) */
#include <config.h>
#include "pdflang.h"

#include <stdbool.h>
#include <string.h>
#include <qpdf/qpdf-c.h>

#include "i18n.h"

G_DEFINE_QUARK(quire-pdflang-error-quark, pdflang_error)

static bool is_subtag(const char *s, size_t len, bool letters_only)
{
	if (len < 1 || len > 8)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!(letters_only ? g_ascii_isalpha(s[i]) : g_ascii_isalnum(s[i])))
			return false;
	return true;
}

/*
 * Whether LANG has the shape of a BCP 47 tag: subtags of 1 to 8 ASCII
 * letters and digits joined by '-', the first of letters only.  Every
 * well-formed tag has it ("en", "zh-Hans", "sr-Latn-RS", "x-private",
 * "i-klingon"); "", "en_GB", "en-", "-en" and "français" do not.
 */
static bool is_tag(const char *lang)
{
	const char *p = lang;
	bool first = true;
	for (;;) {
		const char *dash = strchr(p, '-');
		size_t len = dash ? (size_t)(dash - p) : strlen(p);
		if (!is_subtag(p, len, first))
			return false;
		if (!dash)
			return true;
		p = dash + 1;
		first = false;
	}
}

/*
 * Sets ERROR from the error Q holds, met while DOING ("read", "write"):
 * "cannot read the PDF: REASON", with the byte of the PDF qpdf names when
 * it names one.  MISSING stands for the reason when qpdf holds no error.
 * DOING and MISSING are in the user's language (E_()).  Taking the error
 * empties Q's slot (see free_qpdf()).
 */
static void set_qpdf_error(qpdf_data q, const char *doing, const char *missing, GError **error)
{
	qpdf_error e = qpdf_has_error(q) ? qpdf_get_error(q) : NULL;
	if (!e) {
		/*
		 * TRANSLATORS: %s is a verb, "read", "change" or "write" (translated
		 * on their own), then why: "cannot write the PDF: no output".
		 */
		g_set_error(error, PDFLANG_ERROR, PDFLANG_ERROR_PDF, E_("cannot %s the PDF: %s"),
			    doing, missing);
		return;
	}
	const char *reason = qpdf_get_error_message_detail(q, e);
	unsigned long long at = qpdf_get_error_file_position(q, e);
	if (at > 0)
		g_set_error(error, PDFLANG_ERROR, PDFLANG_ERROR_PDF,
			    /*
			     * TRANSLATORS: as "cannot %s the PDF: %s": a verb, then qpdf's
			     * words (English), then where in the file.
			     */
			    E_("cannot %s the PDF: %s (at byte %llu)"), doing, reason, at);
	else
		g_set_error(error, PDFLANG_ERROR, PDFLANG_ERROR_PDF, E_("cannot %s the PDF: %s"),
			    doing, reason);
}

/*
 * A qpdf_data that prints nothing: errors come back through
 * qpdf_has_error() only (qpdf_silence_errors(), qpdf 10.5), and warnings
 * are kept in it, unread, and freed with it.  (A discarding qpdflogger
 * would need qpdf 11 and stop nothing more: qpdf_cleanup() writes to the
 * default logger, see free_qpdf().)
 */
static qpdf_data quiet_qpdf(void)
{
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	return q;
}

/*
 * Frees *Q.  An error still held is taken first: qpdf_cleanup() writes
 * "WARNING: application did not handle error" to the default logger
 * (stderr), whatever the silencing, when one is left.
 */
static void free_qpdf(qpdf_data *q)
{
	if (qpdf_has_error(*q))
		qpdf_get_error(*q);
	qpdf_cleanup(q);
}

int pdflang_set(GByteArray *pdf, const char *lang, GError **error)
{
	if (!lang || !is_tag(lang)) {
		/* TRANSLATORS: %s is the tag as given ("fr_FR"). */
		g_set_error(error, PDFLANG_ERROR, PDFLANG_ERROR_TAG, E_("not a language tag: '%s'"),
			    lang ? lang : "(null)");
		return -1;
	}

	qpdf_data q = quiet_qpdf();

	/*
	 * qpdf reads PDF's bytes where they are, without a copy, for as long
	 * as Q lives: PDF is not touched until Q is gone.
	 */
	int ret = -1;
	const char *bytes = pdf->len ? (const char *)pdf->data : "";
	if (qpdf_read_memory(q, "PDF", bytes, pdf->len, NULL) & QPDF_ERRORS) {
		/* TRANSLATORS: the verb in "cannot %s the PDF: %s". */
		set_qpdf_error(q, E_("read"),
			       /*
			        * TRANSLATORS: the reason in "cannot %s the PDF: %s" when qpdf gives
			        * none.
			        */
			       E_("no reason given"), error);
		goto out;
	}
	qpdf_oh root = qpdf_get_root(q);
	if (qpdf_has_error(q) || !qpdf_oh_is_dictionary(q, root)) {
		set_qpdf_error(q, E_("read"),
			       /*
				* TRANSLATORS: the reason in "cannot read the PDF: %s"; Catalog
				* and dictionary are PDF's terms.
				*/
			       E_("its Catalog is not a dictionary"), error);
		goto out;
	}
	qpdf_oh tag = qpdf_oh_new_unicode_string(q, lang);
	qpdf_oh_replace_key(q, root, "/Lang", tag);
	if (qpdf_has_error(q)) {
		/* TRANSLATORS: the verb in "cannot %s the PDF: %s" (to set its language). */
		set_qpdf_error(q, E_("change"), E_("no reason given"), error);
		goto out;
	}

	if (qpdf_init_write_memory(q) & QPDF_ERRORS) {
		/* TRANSLATORS: the verb in "cannot %s the PDF: %s". */
		set_qpdf_error(q, E_("write"), E_("no reason given"), error);
		goto out;
	}
	/* The /ID is a digest of the contents, not of the time and a random number. */
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	if (qpdf_write(q) & QPDF_ERRORS) {
		set_qpdf_error(q, E_("write"), E_("no reason given"), error);
		goto out;
	}

	/* The buffer belongs to Q: copied out before Q and it are freed. */
	size_t len = qpdf_get_buffer_length(q);
	const unsigned char *out = qpdf_get_buffer(q);
	if (!out || len == 0 || len > G_MAXUINT) {
		set_qpdf_error(q, E_("write"),
			       /* TRANSLATORS: the reason in "cannot write the PDF: %s". */
			       E_("no output"), error);
		goto out;
	}
	GByteArray *written = g_byte_array_sized_new((guint)len);
	g_byte_array_append(written, out, (guint)len);
	free_qpdf(&q);

	g_byte_array_set_size(pdf, 0);
	g_byte_array_append(pdf, written->data, written->len);
	g_byte_array_unref(written);
	ret = 0;
out:
	if (q)
		free_qpdf(&q);
	return ret;
}
