/* test-pdflang.c - unit tests for the document language of a PDF (/Lang) */
#include <config.h>
#include "pdflang.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <qpdf/qpdf-c.h>

#include "tap.h"

static cairo_status_t append(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* A PDF of PAGES A4 pages, each with a box and a line of text, made by cairo. */
static GByteArray *make_pdf(int pages)
{
	GByteArray *pdf = g_byte_array_new();
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(append, pdf, 595, 842);
	cairo_t *cr = cairo_create(s);
	for (int i = 0; i < pages; i++) {
		cairo_rectangle(cr, 72, 72, 200, 100);
		cairo_stroke(cr);
		cairo_move_to(cr, 72, 200);
		cairo_show_text(cr, "Bonjour");
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	return pdf;
}

static GByteArray *copy_of(const GByteArray *a)
{
	GByteArray *c = g_byte_array_sized_new(a->len);
	g_byte_array_append(c, a->data, a->len);
	return c;
}

static bool same_bytes(const GByteArray *a, const GByteArray *b)
{
	/* an empty GByteArray may hold no buffer at all, which memcmp() must not see */
	return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

/*
 * What qpdf reads in PDF: its Catalog's /Lang (a new string, or NULL when
 * there is none or qpdf cannot read PDF) and its number of pages (-1 when
 * it cannot).
 */
static char *read_lang(const GByteArray *pdf, int *pages)
{
	char *lang = NULL;
	*pages = -1;
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, "test", (const char *)pdf->data, pdf->len, NULL) & QPDF_ERRORS)
		goto out;
	qpdf_oh root = qpdf_get_root(q);
	if (qpdf_oh_has_key(q, root, "/Lang")) {
		qpdf_oh l = qpdf_oh_get_key(q, root, "/Lang");
		if (qpdf_oh_is_string(q, l))
			lang = g_strdup(qpdf_oh_get_utf8_value(q, l));
	}
	*pages = qpdf_get_num_pages(q);
out:
	if (qpdf_has_error(q)) {
		tap_diag("qpdf: %s", qpdf_get_error_full_text(q, qpdf_get_error(q)));
		*pages = -1;
	}
	qpdf_cleanup(&q);
	return lang;
}

/* Standard error goes to a file between capture_begin() and capture_end(). */
static int saved_stderr = -1;
static char *capture_path;

static void capture_begin(void)
{
	fflush(stderr);
	int fd = g_file_open_tmp("test-pdflang.XXXXXX", &capture_path, NULL);
	saved_stderr = dup(STDERR_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
}

/* What was written to standard error since capture_begin(). */
static char *capture_end(void)
{
	char *text = NULL;
	fflush(stderr);
	dup2(saved_stderr, STDERR_FILENO);
	close(saved_stderr);
	g_file_get_contents(capture_path, &text, NULL, NULL);
	g_unlink(capture_path);
	g_free(capture_path);
	return text ? text : g_strdup("(not read)");
}

static void test_sets_lang(void)
{
	GByteArray *pdf = make_pdf(1);
	int pages;
	char *lang = read_lang(pdf, &pages);
	ok(lang == NULL && pages == 1, "cairo's PDF has one page and no /Lang");
	g_free(lang);

	GError *error = NULL;
	capture_begin();
	int r = pdflang_set(pdf, "fr", &error);
	char *printed = capture_end();
	check_int(r, 0);
	ok(error == NULL, "no error: %s", error ? error->message : "");
	check_str(printed, "");
	lang = read_lang(pdf, &pages);
	check_str(lang, "fr");
	check_int(pages, 1);
	ok(pdf->len > 5 && memcmp(pdf->data, "%PDF-", 5) == 0, "the output is a PDF");
	g_free(lang);

	/* A /Lang already there is replaced. */
	check_int(pdflang_set(pdf, "zh-Hans", NULL), 0);
	lang = read_lang(pdf, &pages);
	check_str(lang, "zh-Hans");
	check_int(pages, 1);
	g_free(lang);
	g_free(printed);
	g_clear_error(&error);
	g_byte_array_unref(pdf);

	/* Three pages stay three. */
	pdf = make_pdf(3);
	check_int(pdflang_set(pdf, "ar", NULL), 0);
	lang = read_lang(pdf, &pages);
	check_str(lang, "ar");
	check_int(pages, 3);
	g_free(lang);
	g_byte_array_unref(pdf);
}

/* The same input gives the same bytes, /ID included. */
static void test_deterministic(void)
{
	GByteArray *pdf = make_pdf(1);
	GByteArray *a = copy_of(pdf);
	GByteArray *b = copy_of(pdf);
	check_int(pdflang_set(a, "fr", NULL), 0);
	/* qpdf's other /ID is made from the time in seconds, among others. */
	g_usleep(1100 * 1000);
	check_int(pdflang_set(b, "fr", NULL), 0);
	ok(same_bytes(a, b), "twice on the same PDF: the same %u bytes", a->len);
	ok(!same_bytes(a, pdf), "and not the bytes given");
	check_int(pdflang_set(b, "en", NULL), 0);
	ok(!same_bytes(a, b), "another language, other bytes");
	g_byte_array_unref(a);
	g_byte_array_unref(b);
	g_byte_array_unref(pdf);
}

/* PDF is refused: -1, an error of CODE, PDF unchanged, nothing printed. */
static void check_refused(GByteArray *pdf, const char *lang, int code, const char *what)
{
	GByteArray *before = copy_of(pdf);
	GError *error = NULL;
	capture_begin();
	int r = pdflang_set(pdf, lang, &error);
	char *printed = capture_end();
	ok(r == -1, "%s: refused", what);
	ok(error && error->domain == PDFLANG_ERROR && error->code == code, "%s: error %d: %s", what,
	   code, error ? error->message : "(none)");
	ok(same_bytes(pdf, before), "%s: the bytes are unchanged", what);
	check_str(printed, "");
	g_free(printed);
	g_clear_error(&error);
	g_byte_array_unref(before);
}

static void test_refused(void)
{
	GByteArray *pdf = g_byte_array_new();
	g_byte_array_append(pdf, (const guint8 *)"not a pdf", 9);
	check_refused(pdf, "fr", PDFLANG_ERROR_PDF, "\"not a pdf\"");
	GError *error = NULL;
	pdflang_set(pdf, "fr", &error);
	ok(error && g_str_has_prefix(error->message, "cannot read the PDF: "),
	   "the message says the PDF cannot be read: %s", error ? error->message : "(none)");
	g_clear_error(&error);
	g_byte_array_unref(pdf);

	pdf = g_byte_array_new();
	check_refused(pdf, "fr", PDFLANG_ERROR_PDF, "no bytes");
	g_byte_array_unref(pdf);

	/* A PDF that stops before its Catalog: whatever qpdf makes of it, nothing is printed. */
	pdf = make_pdf(1);
	g_byte_array_set_size(pdf, 200);
	check_refused(pdf, "fr", PDFLANG_ERROR_PDF, "200 bytes of a PDF");
	g_byte_array_unref(pdf);

	pdf = make_pdf(1);
	const char *bad[] = { "", "en_GB", "en-", "-en", "fr--CA", "123", "français", "toolongtag",
			      "en GB" };
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		char *what = g_strdup_printf("the tag '%s'", bad[i]);
		check_refused(pdf, bad[i], PDFLANG_ERROR_TAG, what);
		g_free(what);
	}
	check_refused(pdf, NULL, PDFLANG_ERROR_TAG, "no tag");
	const char *good[] = { "en", "sr-Latn-RS", "x-private", "i-klingon", "de-CH-1996" };
	for (size_t i = 0; i < G_N_ELEMENTS(good); i++)
		ok(pdflang_set(pdf, good[i], NULL) == 0, "the tag '%s' is taken", good[i]);
	g_byte_array_unref(pdf);
}

int main(void)
{
	test_sets_lang();
	test_deterministic();
	test_refused();
	return tap_done();
}
