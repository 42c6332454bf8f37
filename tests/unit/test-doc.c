/* test-doc.c - unit tests for the paginated document: pages, text, outline */
#include <config.h>
#include "doc.h"

#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>

#include "msg.h"
#include "tap.h"

static bool draw_box(void *data, cairo_t *cr, double width, double height)
{
	(void)data;
	cairo_rectangle(cr, 0, 0, width, height);
	cairo_stroke(cr);
	return true;
}

static bool draw_fail(void *data, cairo_t *cr, double width, double height)
{
	(void)data;
	(void)cr;
	(void)width;
	(void)height;
	return false;
}

/* Runs a command and returns its standard output, or NULL when it cannot run. */
static char *run(const char *cmd)
{
	char *out = NULL;
	int status;
	if (!g_spawn_command_line_sync(cmd, &out, NULL, &status, NULL) || status != 0) {
		g_free(out);
		return NULL;
	}
	return out;
}

static struct doc *sample_doc(int paragraphs)
{
	struct doc *d = doc_new(DOC_A4);
	doc_set_info(d, "Test title", "The Rapporteur", "A subject", "quire test",
		     "2019-09-02T00:00:00Z");
	doc_set_running_head(d, "Organisation", "SYM/1");
	struct doc_cover c = { "Asian-African Legal Consultative Organization", "SYM/1",
			       "2 September 2019", "Fourth Meeting", "Hangzhou, 2-4 September 2019",
			       "Special Needs", "Summary of replies", "Prepared by the Rapporteur",
			       "The replies are fictional." };
	doc_cover(d, &c);
	doc_heading(d, 1, "1", "Summary of replies");
	for (int i = 0; i < paragraphs; i++) {
		char num[16];
		g_snprintf(num, sizeof num, "1.%d", i + 1);
		doc_paragraph(d, num, "Seven of the nine replying Member States had formulated or "
			      "amended domestic law on cybercrime. The number of States which had "
			      "joined the Budapest Convention was one.");
	}
	doc_heading(d, 2, "1.1", "A figure and a table");
	doc_group_begin(d);
	doc_figure(d, 120, draw_box, NULL, NULL);
	struct doc_table *t = doc_table_new(3, (double[]){ 0.6, 0.2, 0.2 });
	doc_table_align(t, 1, DOC_RIGHT);
	doc_table_header(t, (const char *[]){ "Answer", "States", "%" });
	doc_table_row(t, (const char *[]){ "Yes", "7", "78" }, false);
	doc_table_row(t, (const char *[]){ "No", "2", "22" }, false);
	doc_table_row(t, (const char *[]){ "Total", "9", "100" }, true);
	doc_table(d, t);
	doc_note(d, "Base: nine replying Member States.");
	doc_group_end(d);
	doc_heading(d, 1, "A", "Annex");
	doc_quote(d, "State A", "We welcome the questionnaire.");
	return d;
}

int main(void)
{
	char *dir = g_dir_make_tmp("quire-doc-XXXXXX", NULL);
	char *path = g_build_filename(dir, "t.pdf", NULL);

	struct doc *d = sample_doc(3);
	check_int(doc_write_pdf(d, path), 0);
	if (getenv("QUIRE_TEST_KEEP")) {
		/* Keep a copy to look at: QUIRE_TEST_KEEP=out.pdf tests/unit/test-doc */
		char *bytes;
		gsize n;
		if (g_file_get_contents(path, &bytes, &n, NULL))
			g_file_set_contents(getenv("QUIRE_TEST_KEEP"), bytes, (gssize)n, NULL);
		g_free(bytes);
	}
	check_int(doc_page_count(d), 2);
	doc_free(d);

	char *cmd = g_strdup_printf("pdftotext -layout %s -", path);
	char *text = run(cmd);
	if (text) {
		ok(strstr(text, "Asian-African Legal Consultative Organization") != NULL,
		   "the cover text is extractable");
		ok(strstr(text, "1.2") && strstr(text, "Seven of the nine replying Member"),
		   "numbered paragraphs are extractable");
		ok(g_regex_match_simple("\\b2 ?/ ?2\\b", text, 0, 0), "pages are numbered n / N");
		ok(strstr(text, "Total") != NULL, "table rows are extractable");
	} else {
		for (int i = 0; i < 4; i++)
			tap_skip("pdftotext is not installed", "text check %d", i + 1);
	}
	g_free(text);
	g_free(cmd);

	cmd = g_strdup_printf("pdfinfo %s", path);
	text = run(cmd);
	if (text) {
		ok(strstr(text, "Title:           Test title") != NULL, "the title is in the metadata");
		ok(strstr(text, "Author:          The Rapporteur") != NULL, "the author is set");
		ok(strstr(text, "Creator:         quire test") != NULL, "the creator is set");
	} else {
		for (int i = 0; i < 3; i++)
			tap_skip("pdfinfo is not installed", "metadata check %d", i + 1);
	}
	g_free(text);
	g_free(cmd);

	/* Many paragraphs flow over pages, and the document stays reproducible. */
	d = sample_doc(60);
	check_int(doc_write_pdf(d, path), 0);
	ok(doc_page_count(d) >= 4, "sixty paragraphs take several pages (%d)", doc_page_count(d));
	doc_free(d);
	char *first = NULL, *second = NULL;
	gsize n1 = 0, n2 = 0;
	g_file_get_contents(path, &first, &n1, NULL);
	d = sample_doc(60);
	doc_write_pdf(d, path);
	doc_free(d);
	g_file_get_contents(path, &second, &n2, NULL);
	ok(n1 == n2 && memcmp(first, second, n1) == 0, "two writes give identical bytes");
	g_free(first);
	g_free(second);

	/*
	 * A narrow column is widened to its longest word, taking width from
	 * columns that can spare it: no word is cut in two.
	 */
	d = doc_new(DOC_A4);
	struct doc_table *wide = doc_table_new(7, NULL);
	doc_table_header(wide, (const char *[]){ "Answer", "Intergovernmental organizations",
						 "Yes", "No", "Other", "Unknown", "Total" });
	doc_table_row(wide, (const char *[]){ "Yes", "2", "1", "0", "0", "0", "3" }, false);
	doc_table(d, wide);
	check_int(doc_write_pdf(d, path), 0);
	doc_free(d);
	cmd = g_strdup_printf("pdftotext -raw %s -", path);
	text = run(cmd);
	if (text)
		ok(strstr(text, "Intergovernmental\n") != NULL,
		   "a long word in a narrow column stays whole");
	else
		tap_skip("pdftotext is not installed", "a long word stays whole");
	g_free(text);
	g_free(cmd);

	/* A failing figure fails the write and leaves the old file alone. */
	d = doc_new(DOC_LETTER);
	doc_figure(d, 50, draw_fail, NULL, NULL);
	GString *errors = g_string_new(NULL);
	msg_capture(errors);
	check_int(doc_write_pdf(d, path), -1);
	msg_capture(NULL);
	ok(strstr(errors->str, "cannot write the PDF: a figure could not be drawn") != NULL,
	   "the failure is reported");
	ok(g_file_test(path, G_FILE_TEST_EXISTS), "the previous file is still there");
	g_string_free(errors, TRUE);
	doc_free(d);

	unlink(path);
	rmdir(dir);
	g_free(path);
	g_free(dir);
	return tap_done();
}
