/* test-doc.c - unit tests for the paginated document: pages, text, outline */
#include <config.h>
#include "doc.h"

#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

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
			       "The replies are fictional.", { NULL }, "Distr.: General",
			       "Original: English", "Item 3 of the provisional agenda", NULL };
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


/* Keeps a copy of PATH as $QUIRE_TEST_KEEP_DIR/NAME, to look at. */
static void keep(const char *path, const char *name)
{
	const char *dir = getenv("QUIRE_TEST_KEEP_DIR");
	char *bytes, *to;
	gsize n;
	if (!dir || !g_file_get_contents(path, &bytes, &n, NULL))
		return;
	to = g_build_filename(dir, name, NULL);
	g_file_set_contents(to, bytes, (gssize)n, NULL);
	g_free(to);
	g_free(bytes);
}

/*
 * N_WORDS words of VOCAB, space-separated, with a marker "mK" as word K
 * for every K that is a multiple of 1000, and "END" last.
 */
static char *long_text(int n_words, const char *const *vocab, int n_vocab)
{
	GString *s = g_string_new(NULL);
	for (int i = 0; i < n_words; i++) {
		if (i)
			g_string_append_c(s, ' ');
		if (i == n_words - 1)
			g_string_append(s, "END");
		else if (i % 1000 == 0)
			g_string_append_printf(s, "m%d", i);
		else
			g_string_append(s, vocab[(i * 7 + i / 13) % n_vocab]);
	}
	return g_string_free(s, FALSE);
}

/*
 * Whether the words pdftotext finds in PATH, from the first of TEXT on and
 * leaving out the running head and the page numbers, start with exactly
 * the words of TEXT: nothing lost, nothing out of order.
 */
static bool all_words(const char *path, const char *text)
{
	char *cmd = g_strdup_printf("pdftotext -raw %s -", path);
	char *out = run(cmd);
	g_free(cmd);
	if (!out)
		return false;
	char **want = g_strsplit(text, " ", -1);
	char **got = g_strsplit_set(out, " \n\f", -1);
	guint k = 0, i = 0;
	while (got[i] && strcmp(got[i], want[0]) != 0)
		i++;
	for (; got[i] && want[k]; i++) {
		if (!*got[i] || strcmp(got[i], "Organisation") == 0 || strcmp(got[i], "SYM/1") == 0 ||
		    strcmp(got[i], "/") == 0 || g_ascii_isdigit(*got[i]))
			continue;
		if (strcmp(got[i], want[k]) != 0) {
			tap_diag("word %u is '%s', not '%s'", k, got[i], want[k]);
			break;
		}
		k++;
	}
	bool all = want[k] == NULL;
	if (!all)
		tap_diag("%u of %u words found", k, g_strv_length(want));
	g_strfreev(want);
	g_strfreev(got);
	g_free(out);
	return all;
}

/* The text pdftotext finds on page PAGE of PATH, or NULL. */
static char *page_text(const char *path, int page)
{
	char *cmd = g_strdup_printf("pdftotext -f %d -l %d -layout %s -", page, page, path);
	char *out = run(cmd);
	g_free(cmd);
	return out;
}

static const char *const english[] = {
	"cooperation", "against", "cybercrime", "requires", "mutual", "legal", "assistance",
	"between", "Member", "States", "and", "the", "preservation", "of", "electronic",
	"evidence", "under", "domestic", "law",
};

/*
 * A paragraph of 60,000 words, and a quote of 40,000 long words, flow over
 * as many pages as they need, each page with its running head and number.
 * Pango alone lays such a paragraph out as one line running off the page.
 */
static void test_long_texts(const char *path)
{
	char *text = long_text(60000, english, G_N_ELEMENTS(english));
	struct doc *d = doc_new(DOC_A4);
	doc_set_running_head(d, "Organisation", "SYM/1");
	doc_heading(d, 1, "1", "A long paragraph");
	doc_paragraph(d, "1.1", text);
	doc_paragraph(d, "1.2", "After it.");
	check_int(doc_write_pdf(d, path), 0);
	keep(path, "long-paragraph.pdf");
	int pages = doc_page_count(d);
	ok(pages >= 120, "a paragraph of 60,000 words takes %d pages", pages);
	doc_free(d);
	char *page = page_text(path, pages / 2);
	if (page) {
		ok(all_words(path, text), "every word of the paragraph is printed, in order");
		char *number = g_strdup_printf("%d / %d", pages / 2, pages);
		ok(strstr(page, "SYM/1") && strstr(page, number),
		   "a page in the middle has the running head and its number");
		g_free(number);
	} else {
		tap_skip("pdftotext is not installed", "the words of the paragraph");
		tap_skip("pdftotext is not installed", "the furniture of its pages");
	}
	g_free(page);
	g_free(text);

	static const char *const long_words[] = { "intergovernmental", "internationally",
						  "characteristically", "telecommunications" };
	text = long_text(40000, long_words, G_N_ELEMENTS(long_words));
	d = doc_new(DOC_LETTER);
	doc_set_running_head(d, "Organisation", "SYM/1");
	doc_quote(d, "State A", text);
	check_int(doc_write_pdf(d, path), 0);
	keep(path, "long-quote.pdf");
	pages = doc_page_count(d);
	ok(pages >= 150, "a quote of 40,000 long words takes %d pages", pages);
	doc_free(d);
	char *first = page_text(path, 1);
	if (first) {
		ok(all_words(path, text), "every word of the quote is printed, in order");
		ok(strstr(first, "State A") != NULL, "the attribution heads the quote");
	} else {
		tap_skip("pdftotext is not installed", "the words of the quote");
		tap_skip("pdftotext is not installed", "its attribution");
	}
	g_free(first);
	g_free(text);
}

/*
 * An Arabic quote laid out in many slices stays right to left to its end,
 * even where a slice starts with one of its many Latin words: every line
 * ends at the right edge of the column (527.3 points on A4), and short
 * ones start further right.
 */
static void test_long_arabic(const char *path)
{
	static const char *const mixed[] = { "التعاون", "UN", "ICT", "CERT", "INTERPOL", "G7",
					     "MLA" };
	char *words = long_text(8000, mixed, G_N_ELEMENTS(mixed));
	/* An Arabic word first: it sets the direction (the marker "m0" would not) */
	char *text = g_strconcat(mixed[0], " ", words, NULL);
	g_free(words);
	struct doc *d = doc_new(DOC_A4);
	doc_quote(d, NULL, text);
	check_int(doc_write_pdf(d, path), 0);
	keep(path, "long-arabic.pdf");
	int pages = doc_page_count(d);
	doc_free(d);
	g_free(text);
	char *cmd = g_strdup_printf("pdftotext -bbox-layout %s -", path);
	char *out = run(cmd);
	g_free(cmd);
	if (!out) {
		tap_skip("pdftotext is not installed", "an Arabic quote stays right to left");
		return;
	}
	GRegex *re = g_regex_new("<line xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\"",
				 0, 0, NULL);
	GMatchInfo *m;
	int lines = 0, right = 0, ragged = 0;
	for (g_regex_match(re, out, 0, &m); g_match_info_matches(m); g_match_info_next(m, NULL)) {
		char *x0 = g_match_info_fetch(m, 1), *y0 = g_match_info_fetch(m, 2);
		char *x1 = g_match_info_fetch(m, 3);
		double y = g_ascii_strtod(y0, NULL);
		if (y > 60 && y < 770) {	/* between the running head and the page number */
			lines++;
			right += g_ascii_strtod(x1, NULL) > 526;
			ragged += g_ascii_strtod(x0, NULL) > 150;
		}
		g_free(x0);
		g_free(y0);
		g_free(x1);
	}
	g_match_info_free(m);
	g_regex_unref(re);
	ok(pages > 8 && lines > 8 * 40 && right == lines && ragged > 0,
	   "an Arabic quote of %d pages stays right to left (%d of %d lines at the right edge, "
	   "%d short)", pages, right, lines, ragged);
	g_free(out);
}

/*
 * A run of characters that cannot be broken (emoji joined by zero-width
 * joiners form one grapheme) and is wider than the page is refused: it
 * would run off the page.
 */
static void test_unbreakable(const char *path)
{
	GString *run_of = g_string_new("Start ");
	for (int i = 0; i < 300; i++)
		g_string_append(run_of, "\U0001F600\u200D");
	g_string_append(run_of, " end");
	struct doc *d = doc_new(DOC_A4);
	doc_paragraph(d, "1", "A paragraph before it.");
	doc_note(d, run_of->str);
	GString *errors = g_string_new(NULL);
	msg_capture(errors);
	check_int(doc_write_pdf(d, path), -1);
	msg_capture(NULL);
	char *shown = msg_value(run_of->str);
	char *want = g_strdup_printf("quire:%s: cannot lay out the text '%s': it holds a run of "
				     "characters wider than the page, with no place to break it\n",
				     path, shown);
	check_str(errors->str, want);
	ok(g_file_test(path, G_FILE_TEST_EXISTS), "the previous file is still there");
	g_string_free(errors, TRUE);
	doc_free(d);

	/* the same run in a choice: the message names that choice */
	d = doc_new(DOC_A4);
	doc_choices(d, DOC_BOX_ROUND, (const char *[]){ "Yes", run_of->str, "No" }, 3);
	errors = g_string_new(NULL);
	msg_capture(errors);
	check_int(doc_write_pdf(d, path), -1);
	msg_capture(NULL);
	check_str(errors->str, want);
	g_free(want);
	g_free(shown);
	g_string_free(errors, TRUE);
	g_string_free(run_of, TRUE);
	doc_free(d);
}

/*
 * A heading before a group whose first paragraph is longer than a page
 * goes with that paragraph's first lines: never alone at the foot of a
 * page, wherever the page ends.
 */
static void test_heading_with_long_group(const char *path)
{
	GString *big = g_string_new("First");
	for (int i = 0; i < 1500; i++)
		g_string_append(big, " word");
	int alone = 0, tried = 0;
	for (int space = 500; space <= 640; space += 4, tried++) {
		struct doc *d = doc_new(DOC_A4);
		doc_paragraph(d, "1", "A paragraph before.");
		doc_space(d, space);
		doc_heading(d, 2, "2", "Heading");
		doc_group_begin(d);
		doc_paragraph(d, "2.1", big->str);
		doc_figure(d, 100, draw_box, NULL, NULL);
		doc_group_end(d);
		doc_write_pdf(d, path);
		doc_free(d);
		char *cmd = g_strdup_printf("pdftotext %s -", path);
		char *text = run(cmd);
		g_free(cmd);
		if (!text) {
			tap_skip("pdftotext is not installed", "a heading stays with a long paragraph");
			g_string_free(big, TRUE);
			return;
		}
		char **pages = g_strsplit(text, "\f", -1);
		for (char **p = pages; *p; p++)
			if (strstr(*p, "Heading") && !strstr(*p, "First")) {
				tap_diag("with %d points of space the heading stands alone", space);
				alone++;
			}
		g_strfreev(pages);
		g_free(text);
	}
	ok(alone == 0, "a heading never stands alone at the foot of a page (%d of %d)", alone, tried);
	g_string_free(big, TRUE);
}

/*
 * A loose group -- a question, its rule, forty choices and a note -- may
 * start at the foot of a page: the question goes with at least two of its
 * choices, a page never holds a single choice, and every choice is
 * printed once, in order.
 */
static void test_loose_choices(const char *path)
{
	const char *labels[40];
	char names[40][16];
	for (int i = 0; i < 40; i++) {
		g_snprintf(names[i], sizeof names[i], "Choice%02d", i + 1);
		labels[i] = names[i];
	}
	int bad = 0, tried = 0, started_at_foot = 0;
	for (int space = 300; space <= 640; space += 20, tried++) {
		struct doc *d = doc_new(DOC_A4);
		doc_paragraph(d, "1", "Before.");
		doc_space(d, space);
		doc_group_begin_loose(d);
		doc_paragraph(d, "1.1", "Which apply?");
		doc_note(d, "Tick all that apply.");
		doc_choices(d, DOC_BOX_SQUARE, labels, 40);
		doc_note(d, "After the choices.");
		doc_group_end(d);
		doc_write_pdf(d, path);
		doc_free(d);
		char *cmd = g_strdup_printf("pdftotext %s -", path);
		char *text = run(cmd);
		g_free(cmd);
		if (!text) {
			tap_skip("pdftotext is not installed", "a loose group of choices");
			return;
		}
		char **pages = g_strsplit(text, "\f", -1);
		int next = 0;
		for (char **p = pages; *p; p++) {
			int on_page = 0;
			for (char *c = strstr(*p, "Choice"); c; c = strstr(c + 1, "Choice"), on_page++)
				if (atoi(c + 6) != ++next)
					bad++;
			if (on_page == 1 || (strstr(*p, "Which apply?") && on_page < 2)) {
				tap_diag("with %d points of space a page has %d choices", space, on_page);
				bad++;
			}
			if (p == pages && strstr(*p, "Which apply?"))
				started_at_foot++;
		}
		if (next != 40)
			bad++;
		g_strfreev(pages);
		g_free(text);
	}
	ok(bad == 0, "a question goes with two choices at least, and a page never holds one (%d of %d)",
	   bad, tried);
	ok(started_at_foot > 0, "a loose group starts at the foot of a page (%d of %d)",
	   started_at_foot, tried);
}

/*
 * A title block is the head of page 1, with the body under it: one page
 * where a cover takes two; its masthead, title and first paragraph are on
 * page 1, in that order, and page 1 has no running head.
 */
static void test_title_block(const char *path)
{
	struct doc_cover c = { "Asian-African Legal Consultative Organization", "SYM/1",
			       "2 September 2019", "Fourth Meeting", "Hangzhou, 2-4 September 2019",
			       "Special Needs", "Summary of replies", "Prepared by the Rapporteur",
			       "The replies are fictional.", { NULL }, "Distr.: General",
			       "Original: English", "Item 3 of the provisional agenda", NULL };
	for (int flows = 0; flows <= 1; flows++) {
		struct doc *d = doc_new(DOC_A4);
		doc_set_running_head(d, "Running head", "SYM/1");
		if (flows)
			doc_title_block(d, &c);
		else
			doc_cover(d, &c);
		doc_heading(d, 1, "I.", "Summary of main findings");
		doc_paragraph(d, "1", "Seven of the nine replying Member States had formulated or "
			      "amended domestic law on cybercrime.");
		check_int(doc_write_pdf(d, path), 0);
		check_int(doc_page_count(d), flows ? 1 : 2);
		doc_free(d);
	}
	char *cmd = g_strdup_printf("pdftotext -f 1 -l 1 %s -", path);
	char *text = run(cmd);
	if (text) {
		char *flat = g_strdelimit(g_strdup(text), "\n", ' ');
		const char *sym = strstr(flat, "SYM/1"), *title = strstr(flat, "Special Needs");
		const char *para = strstr(flat, "Seven of the nine");
		ok(sym && title && para && sym < title && title < para,
		   "page 1 holds the masthead, the title, then the text");
		ok(!strstr(flat, "Running head"), "and no running head");
		g_free(flat);
	} else {
		tap_skip("pdftotext is not installed", "page 1 holds the masthead, the title, then the text");
		tap_skip("pdftotext is not installed", "and no running head");
	}
	g_free(text);
	g_free(cmd);
}

/*
 * Footnotes: the title block's agenda line marked "*" with its note at the
 * foot of page 1; a paragraph's numbered in the order the paragraphs
 * stand (one inserted before another takes the lower number), each at the
 * foot of the page where its paragraph starts, under everything else on it.
 */
/* The parts of a figure of rows as drawn: "first-last@height", space-separated. */
static bool record_rows(void *data, cairo_t *cr, double width, double height, size_t first,
			size_t last)
{
	(void)cr;
	(void)width;
	g_string_append_printf(data, "%s%zu-%zu@%.0f", ((GString *)data)->len ? " " : "", first,
			       last, height);
	return true;
}

static void free_record(void *data)
{
	g_string_free(data, TRUE);
}

/*
 * A figure of rows splits between its rows where the page ends, each part
 * as high as its rows and the overhead, never leaving fewer than
 * DOC_FIGURE_KEEP / 2 rows on a side; one of DOC_FIGURE_KEEP rows or fewer
 * moves whole; the Word document draws it whole.  In a loose group, the
 * paragraph and caption before it stay with its first part.
 */
static void test_figure_rows(const char *path)
{
	double rows[12];
	for (size_t i = 0; i < G_N_ELEMENTS(rows); i++)
		rows[i] = 40;
	for (int keep = 0; keep <= 1; keep++) {
		struct doc *d = doc_new(DOC_A4);
		/* room for the paragraph, the caption and about 5 rows on page 1 */
		doc_figure(d, doc_text_height(d) - 300, draw_box, NULL, NULL);
		GString *parts = g_string_new(NULL);
		doc_group_begin_loose(d);
		doc_paragraph(d, "1", "The paragraph of the figure.");
		doc_caption(d, "Figure 1. Its caption");
		size_t n = keep ? DOC_FIGURE_KEEP + 2 : G_N_ELEMENTS(rows);
		if (keep)	/* a figure of 6 rows, each of them 50 points: whole, 330 high */
			for (size_t i = 0; i < n; i++)
				rows[i] = 50;
		doc_figure_rows(d, 30, rows, n, record_rows, parts, free_record);
		doc_group_end(d);
		check_int(doc_write_pdf(d, path), 0);
		check_int(doc_page_count(d), 2);
		char *first = page_text(path, 1);
		size_t split = 0;
		sscanf(parts->str, "0-%zu", &split);
		char want[64];
		g_snprintf(want, sizeof want, "0-%zu@%.0f %zu-%zu@%.0f", split, 30 + rows[0] * split,
			   split, n, 30 + rows[0] * (n - split));
		check_str(parts->str, want);
		ok(split >= DOC_FIGURE_KEEP / 2 && n - split >= DOC_FIGURE_KEEP / 2,
		   "a figure of %zu rows is split between rows, at least %d on either side "
		   "(%zu and %zu)", n, DOC_FIGURE_KEEP / 2, split, n - split);
		ok(first && strstr(first, "The paragraph of the figure.") &&
			   strstr(first, "Figure 1. Its caption"),
		   "its paragraph and caption stay on page 1, with its first part");
		g_free(first);
		g_string_truncate(parts, 0);
		char *docx = g_strconcat(path, ".docx", NULL);
		check_int(doc_write_docx(d, docx), 0);
		g_unlink(docx);
		g_free(docx);
		g_snprintf(want, sizeof want, "0-%zu@%.0f 0-%zu@%.0f", n, 30 + rows[0] * n, n,
			   30 + rows[0] * n);
		check_str(parts->str, want);	/* Word's, whole: as SVG, then as PNG */
		doc_free(d);
	}

	/* A figure of DOC_FIGURE_KEEP rows moves whole to the next page, with its paragraph. */
	struct doc *d = doc_new(DOC_A4);
	doc_figure(d, doc_text_height(d) - 150, draw_box, NULL, NULL);
	GString *parts = g_string_new(NULL);
	doc_group_begin_loose(d);
	doc_paragraph(d, "1", "The paragraph of the short figure.");
	doc_figure_rows(d, 30, rows, DOC_FIGURE_KEEP, record_rows, parts, free_record);
	doc_group_end(d);
	check_int(doc_write_pdf(d, path), 0);
	char want[32];
	g_snprintf(want, sizeof want, "0-%d@%.0f", DOC_FIGURE_KEEP, 30 + rows[0] * DOC_FIGURE_KEEP);
	check_str(parts->str, want);
	char *first = page_text(path, 1);
	ok(first && !strstr(first, "The paragraph of the short figure."),
	   "a short figure is not split: its paragraph goes on with it");
	g_free(first);
	doc_free(d);
}

/* TEXT on one line, each run of blanks one space; a new string. */
static char *squeezed(const char *text)
{
	GRegex *blanks = g_regex_new("\\s+", 0, 0, NULL);
	char *s = g_regex_replace_literal(blanks, text, -1, 0, " ", 0, NULL);
	g_regex_unref(blanks);
	return s;
}

static void test_footnotes(const char *path)
{
	struct doc_cover c = { "Organisation", "SYM/1", "2 September 2019", "Fourth Meeting",
			       "Hangzhou", "Special Needs", NULL, NULL, NULL, { NULL },
			       "Distr.: General", "Original: English",
			       "Item 3 of the provisional agenda", "SYM/AGENDA/1." };
	struct doc *d = doc_new(DOC_A4);
	doc_title_block(d, &c);
	doc_heading(d, 1, "I.", "Summary");
	ok(!doc_footnote(d, "To a heading."), "a heading takes no footnote");
	size_t at = doc_mark(d);
	doc_paragraph(d, "2", "The first paragraph added.");
	ok(doc_footnote(d, "Note to the first added."), "a paragraph takes a footnote");
	ok(!doc_footnote(d, "Another."), "one only");
	doc_insert_at(d, at);
	doc_paragraph(d, "1", "A paragraph inserted before it.");
	doc_footnote(d, "Note to the inserted.");
	doc_insert_at(d, DOC_END);
	for (int i = 0; i < 70; i++)
		doc_paragraph(d, "3", "Filler of the first pages, one line of text.");
	doc_paragraph(d, "4", "The last paragraph.");
	doc_footnote(d, "Note to the last.");
	check_int(doc_write_pdf(d, path), 0);
	int pages = doc_page_count(d);
	ok(pages >= 2, "the filler runs past page 1 (%d pages)", pages);
	doc_free(d);
	char *first = page_text(path, 1), *last = page_text(path, pages);
	if (first && last) {
		char *flat = squeezed(first);
		const char *inserted = strstr(flat, "inserted before it.\xc2\xb9");
		const char *added = strstr(flat, "first paragraph added.\xc2\xb2");
		ok(strstr(flat, "provisional agenda*") != NULL, "the agenda line is marked *");
		ok(inserted && added && inserted < added,
		   "footnotes are numbered in the order their paragraphs stand");
		const char *filler = g_strrstr(flat, "Filler of the first pages");
		const char *n1 = strstr(flat, "\xc2\xb9 Note to the inserted.");
		const char *n2 = strstr(flat, "\xc2\xb2 Note to the first added.");
		const char *star = strstr(flat, "* SYM/AGENDA/1.");
		if (!ok(filler && star && n1 && n2 && filler < star && filler < n1 && n1 < n2,
			"page 1's footnotes stand under its text"))
			tap_diag("page 1: %s", flat);
		ok(!strstr(flat, "Note to the last."), "a footnote is not on a page before its paragraph");
		g_free(flat);
		flat = squeezed(last);
		const char *para = strstr(flat, "The last paragraph.\xc2\xb3");
		const char *note = strstr(flat, "\xc2\xb3 Note to the last.");
		if (!ok(para && note && para < note,
			"the last footnote is on its paragraph's page, under it"))
			tap_diag("page %d: %s", pages, flat);
		g_free(flat);
	} else {
		for (int i = 0; i < 5; i++)
			tap_skip("pdftotext is not installed", "footnote check %d", i + 1);
	}
	g_free(first);
	g_free(last);
}

/*
 * A table of few rows but taller than a page (long labels) splits between
 * its rows whatever their number: its caption never stands alone at the
 * foot of a page, no page holds a single one of its rows, and every row is
 * printed once, in order.
 */
static void test_tall_table(const char *path)
{
	GString *label = g_string_new(NULL);
	for (int w = 0; w < 250; w++)
		g_string_append(label, "long ");
	int bad = 0, tried = 0;
	for (int space = 0; space <= 600; space += 60, tried++) {
		struct doc *d = doc_new(DOC_A4);
		doc_paragraph(d, "1", "Before.");
		doc_space(d, space);
		doc_caption(d, "Table 1. Tall");
		struct doc_table *t = doc_table_new(2, (const double[]){ 0.8, 0.2 });
		doc_table_header(t, (const char *const[]){ "Answer", "States" });
		for (int r = 0; r < 6; r++) {
			char *cell = g_strdup_printf("Row%02d %s", r + 1, label->str);
			doc_table_row(t, (const char *const[]){ cell, "5" }, false);
			g_free(cell);
		}
		doc_table(d, t);
		doc_write_pdf(d, path);
		doc_free(d);
		char *cmd = g_strdup_printf("pdftotext %s -", path);
		char *text = run(cmd);
		g_free(cmd);
		if (!text) {
			tap_skip("pdftotext is not installed", "a table taller than a page");
			g_string_free(label, TRUE);
			return;
		}
		char **pages = g_strsplit(text, "\f", -1);
		int next = 0;
		for (char **p = pages; *p; p++) {
			int on_page = 0;
			for (char *c = strstr(*p, "Row"); c; c = strstr(c + 1, "Row"), on_page++)
				if (atoi(c + 3) != ++next)
					bad++;
			if (on_page == 1 || (strstr(*p, "Table 1. Tall") && on_page == 0)) {
				tap_diag("with %d points of space a page has %d rows", space, on_page);
				bad++;
			}
		}
		if (next != 6)
			bad++;
		g_strfreev(pages);
		g_free(text);
	}
	g_string_free(label, TRUE);
	ok(bad == 0, "a table taller than a page: its caption with rows, never one row on a page "
	   "(%d of %d)", bad, tried);
}

int main(void)
{
	char *dir = g_dir_make_tmp("quire-doc-XXXXXX", NULL);
	char *path = g_build_filename(dir, "t.pdf", NULL);

	/* A text reads as its first letter with a strong direction. */
	check_int(doc_reads_rtl("\u0645\u0643\u062A\u0628 UNODC"), 1);
	check_int(doc_reads_rtl("2019 \u0645\u0643\u062A\u0628"), 1);
	check_int(doc_reads_rtl("Body \u0645\u0643\u062A\u0628"), 0);
	check_int(doc_reads_rtl("\u8054\u5408\u56FD"), 0);
	check_int(doc_reads_rtl(""), 0);
	check_int(doc_reads_rtl(NULL), 0);

	test_footnotes(path);
	test_figure_rows(path);
	test_tall_table(path);
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

	/* A footnote of more than half a page is refused; the old file stays. */
	d = doc_new(DOC_A4);
	doc_paragraph(d, "1", "A paragraph with a footnote of 4,000 words.");
	GString *words = g_string_new(NULL);
	for (int i = 0; i < 4000; i++)
		g_string_append(words, "word ");
	doc_footnote(d, words->str);
	g_string_free(words, TRUE);
	GString *notes = g_string_new(NULL);
	msg_capture(notes);
	check_int(doc_write_pdf(d, path), -1);
	msg_capture(NULL);
	char *said = g_strdup_printf("quire:%s: the footnote 'word word word word word word word "
				     "word word word word word ... (20000 bytes)' is 2443 points "
				     "high, more than the half of a page's text area (355 points) a "
				     "footnote may take\n", path);
	check_str(notes->str, said);	/* a footnote taller than half a page is refused */
	g_free(said);
	ok(g_file_test(path, G_FILE_TEST_EXISTS), "the previous file is still there");
	g_string_free(notes, TRUE);
	doc_free(d);

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

	/* A figure taller than a page's text area is refused, never drawn past the foot. */
	d = doc_new(DOC_A4);
	doc_paragraph(d, "1", "Before it.");
	doc_figure(d, doc_text_height(d) + 1, draw_box, NULL, NULL);
	errors = g_string_new(NULL);
	msg_capture(errors);
	check_int(doc_write_pdf(d, path), -1);
	msg_capture(NULL);
	char *want = g_strdup_printf("quire:%s: a figure 711 points high does not fit on a page, "
				     "whose text area is 710 points high\n", path);
	check_str(errors->str, want);
	ok(g_file_test(path, G_FILE_TEST_EXISTS), "the previous file is still there");
	g_free(want);
	g_string_free(errors, TRUE);
	doc_free(d);
	d = doc_new(DOC_A4);
	doc_figure(d, doc_text_height(d), draw_box, NULL, NULL);
	check_int(doc_write_pdf(d, path), 0);
	check_int(doc_page_count(d), 1);
	doc_free(d);

	test_long_texts(path);
	test_long_arabic(path);
	test_unbreakable(path);
	test_heading_with_long_group(path);
	test_loose_choices(path);
	test_title_block(path);

	unlink(path);
	rmdir(dir);
	g_free(path);
	g_free(dir);
	return tap_done();
}
