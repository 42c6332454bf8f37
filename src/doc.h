/* doc.h - a paginated document of headings, paragraphs, tables and figures: PDF or Word */
#ifndef QUIRE_DOC_H
#define QUIRE_DOC_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The document model knows nothing of forms or replies: the report builds
 * it from text, tables and figure callbacks, then doc_write_pdf() lays it
 * out and renders it with cairo and Pango (every string through a
 * PangoLayout).  Layout happens in two passes -- pagination, then drawing
 * -- so page numbers read "n / N" and the outline points at the right
 * pages.  Text is plain UTF-8, never markup.
 *
 * Pagination rules: a heading stays with what follows it; a group of
 * blocks (doc_group_begin/end) that fits on one page is not split; a
 * paragraph, note or quote splits between lines with at least two lines on
 * each page, and flows over as many pages as it needs, whatever its length;
 * a table of more than DOC_TABLE_KEEP rows splits between rows, repeating
 * its header, with at least three rows on each page; a figure of rows
 * (doc_figure_rows) of more than DOC_FIGURE_KEEP splits between rows, each
 * part with its overhead (a chart's axis); any other figure never splits;
 * a footnote goes at the foot of the page where its paragraph starts.
 *
 * Every function copies the strings it is given.  A struct doc owns
 * everything added to it.
 */

#define DOC_TABLE_KEEP 15
#define DOC_COVER_BLANKS 4

enum doc_paper {
	DOC_A4,
	DOC_LETTER,
};

struct doc;
struct doc_table;
typedef struct _cairo cairo_t;

struct doc *doc_new(enum doc_paper paper);
void doc_free(struct doc *d);

/* The width available to text and figures, in points. */
double doc_text_width(const struct doc *d);
/* The height of a page's text area: a figure must fit in it (doc_write_pdf() refuses one that does not). */
double doc_text_height(const struct doc *d);

/* PDF metadata.  DATE is an ISO 8601 date-time ("2019-09-02T00:00:00Z"). */
void doc_set_info(struct doc *d, const char *title, const char *author, const char *subject,
		  const char *creator, const char *date);
/* The document's keywords, separated by "; " (PDF Keywords, Word's cp:keywords). */
void doc_set_keywords(struct doc *d, const char *keywords);
/*
 * The document's language, a BCP 47 tag ("en", "fr"): the PDF's /Lang,
 * and Word's proofing and hyphenation language.  Unset, the document
 * says none.
 */
void doc_set_language(struct doc *d, const char *lang);
const char *doc_language(const struct doc *d);
/* Text at the top left and right of every page but the first (e.g. the document symbol). */
void doc_set_running_head(struct doc *d, const char *left, const char *right);

/* The cover page; NULL fields are left out.  The body starts on the next page. */
struct doc_cover {
	const char *organisation;
	const char *symbol;
	const char *date_line;	/* e.g. "2 September 2019" under the symbol */
	const char *meeting;
	const char *place_date;
	const char *title;
	const char *subtitle;
	const char *prepared_by;
	const char *notice;	/* framed, at the foot of the page */
	/* labels of lines left blank to be filled in by hand, above the notice; NULL ends */
	const char *blanks[DOC_COVER_BLANKS];
	/* The masthead of a UN document, right, with the symbol and the date. */
	const char *distribution;	/* "Distr.: General", over the date */
	const char *original;	/* "Original: English", under it */
	const char *agenda;	/* "Item 3 of the provisional agenda", left, under the rule */
	const char *agenda_note;	/* its footnote, marked "*" ("AALCO/WG/ILC/4/2019/L.1") */
};
void doc_cover(struct doc *d, const struct doc_cover *cover);

/*
 * As doc_cover(), the head of a document whose text starts on its first
 * page, as a UN document's does: the masthead, then the organisation,
 * meeting, title, subtitle and author set compactly, and the notice
 * framed under them; the body follows on the same page.  The first page
 * has no running head and no page number, as with a cover.  Blanks are
 * not drawn.
 */
void doc_title_block(struct doc *d, const struct doc_cover *cover);

/*
 * A heading of LEVEL 1 to 3, numbered NUMBER ("2", "2.1"; may be NULL).
 * It gets a PDF outline entry, nested under the last heading of the level
 * above.
 */
void doc_heading(struct doc *d, int level, const char *number, const char *text);

/*
 * A table of contents headed TITLE: every heading of level 1 that comes
 * after it and, when LEVELS is 2, every numbered heading of level 2 (the
 * sections, not an annex's sub-headings), with its number, its text and
 * its page (PDF; Word fills in the pages of its TOC field, marked to be
 * updated on opening).  It splits between entries, two at least on each
 * side; taller than a page, it lists only the level-1 headings.
 */
void doc_contents(struct doc *d, const char *title, int levels);

/*
 * As doc_contents(), a list of the tables and figures: every caption
 * (doc_caption()) after it, with its page (in Word, a TOC field over the
 * Caption style).
 */
void doc_list_of_captions(struct doc *d, const char *title);

/* A body paragraph, with NUMBER (may be NULL) hanging in the left margin. */
void doc_paragraph(struct doc *d, const char *number, const char *text);
/*
 * A footnote to the paragraph just added (TEXT typeset as a paragraph's
 * is).  Footnotes are numbered through the document in the order their
 * paragraphs stand, the number raised after the paragraph's text; the
 * PDF sets each at the foot of the page where its paragraph starts, and
 * Word's are real footnotes.  Returns false, adding nothing, when the
 * block just added is no paragraph or already has its footnote.
 */
bool doc_footnote(struct doc *d, const char *text);
/*
 * As doc_paragraph(), set ragged right: an item of a list, such as a
 * question of a printed form, whose few long words justified would gape.
 */
void doc_item(struct doc *d, const char *number, const char *text);
/*
 * Whether TEXT reads right to left as a paragraph of it is set: its first
 * letter with a strong direction is Arabic, Hebrew, ... (Pango's rule).
 */
bool doc_reads_rtl(const char *text);
/* Where the text of a numbered paragraph starts, from the left of the text width. */
double doc_indent(const struct doc *d);

/*
 * A list of N choices, each LABELS[i] with a box to tick before it (after
 * it in a right-to-left label), set under a numbered paragraph's text.  A
 * list of more than DOC_CHOICES_KEEP choices splits between choices, with
 * at least two on each page; a shorter one never splits.
 */
#define DOC_CHOICES_KEEP 6
enum doc_box {
	DOC_BOX_ROUND,		/* one answer */
	DOC_BOX_SQUARE,		/* several answers, or a figure to write */
};
void doc_choices(struct doc *d, enum doc_box box, const char *const *labels, size_t n);

/* A paragraph in small type, for notes under tables and figures. */
void doc_note(struct doc *d, const char *text);
/* The caption over a table or figure ("Table 3. Domestic law"), kept on its page. */
void doc_caption(struct doc *d, const char *text);
/* An indented quotation (verbatim answers), with an attribution line above it. */
void doc_quote(struct doc *d, const char *attribution, const char *text);
/* Vertical space of POINTS. */
void doc_space(struct doc *d, double points);
void doc_page_break(struct doc *d);

/*
 * Where blocks are added.  doc_mark() names the place after the last
 * block; after doc_insert_at(D, MARK), blocks are added there, before
 * those added after the mark was taken, until doc_insert_at(D, DOC_END).
 * For a part written last that reads first: a summary that cites the
 * numbers of the paragraphs after it.
 */
#define DOC_END ((size_t)-1)
size_t doc_mark(const struct doc *d);
void doc_insert_at(struct doc *d, size_t mark);

/* Blocks added between these stay on one page when they fit on one. */
void doc_group_begin(struct doc *d);
void doc_group_end(struct doc *d);
/*
 * As doc_group_begin(), for a group that may start at the foot of a page
 * and go on over the next when it does not fit whole: its blocks up to
 * the first that may split, with that block's first lines or choices,
 * must fit.
 */
void doc_group_begin_loose(struct doc *d);

/*
 * A figure HEIGHT points high across the text width, drawn by DRAW with
 * the origin at its top left.  DRAW returns false on failure (the write
 * then fails).  FREE (may be NULL) releases DATA when the document is
 * freed.
 */
typedef bool (*doc_draw_fn)(void *data, cairo_t *cr, double width, double height);
void doc_figure(struct doc *d, double height, doc_draw_fn draw, void *data,
		void (*free_data)(void *data));

/*
 * A figure of N_ROWS rows (a bar chart's bars) that a page break may fall
 * between, as between a table's rows: ROWS[i] is row i's height, and each
 * part, the whole one too, is OVERHEAD higher (its margins and axis).  The
 * PDF splits it only when it has more than DOC_FIGURE_KEEP rows, leaving
 * DOC_FIGURE_KEEP / 2 at least on either side; the Word document has it
 * whole.  DRAW draws rows FIRST to LAST - 1 as a part HEIGHT high.
 */
#define DOC_FIGURE_KEEP 4
typedef bool (*doc_draw_rows_fn)(void *data, cairo_t *cr, double width, double height,
				 size_t first, size_t last);
void doc_figure_rows(struct doc *d, double overhead, const double *rows, size_t n_rows,
		     doc_draw_rows_fn draw, void *data, void (*free_data)(void *data));

/* Tables */

enum doc_align {
	DOC_LEFT,
	DOC_RIGHT,
	DOC_CENTER,
};

/*
 * A new table of N_COLS columns whose widths are the fractions WIDTHS of
 * the text width (NULL = equal).  Add it with doc_table(), which takes it.
 */
struct doc_table *doc_table_new(size_t n_cols, const double *widths);
void doc_table_align(struct doc_table *t, size_t col, enum doc_align align);
/* Sets column COL in a monospaced face (checksums, codes). */
void doc_table_mono(struct doc_table *t, size_t col);
/* The header row (CELLS has N_COLS strings; NULL cells are empty). */
void doc_table_header(struct doc_table *t, const char *const *cells);
/* A body row; BOLD for totals. */
void doc_table_row(struct doc_table *t, const char *const *cells, bool bold);
void doc_table(struct doc *d, struct doc_table *t);

/*
 * Lays out and writes the document to PATH as PDF, atomically.  Returns 0,
 * or -1 after reporting "quire:PATH: ..." (a text holding a run of
 * characters wider than the page that cannot be broken, a cairo error, a
 * figure that failed, a write error); PATH is then left as it was.
 */
int doc_write_pdf(struct doc *d, const char *path);

/*
 * Writes the document to PATH as an Office Open XML (Word) document,
 * atomically: the blocks in named styles (Heading1 to Heading3, Title,
 * Note, Quote ...), tables as Word tables whose header row repeats, each
 * figure drawn into a 300-dpi PNG placed at its size.  Word paginates it.
 * Returns 0, or -1 after reporting "quire:PATH: ..." (a figure that
 * failed, a write error); PATH is then left as it was.
 */
int doc_write_docx(struct doc *d, const char *path);

/*
 * The writer for PATH by its extension, in any case: doc_write_pdf for
 * .pdf, doc_write_docx for .docx; NULL for any other.  PATH "-" (standard
 * output) and a target that exists and is neither a file nor a directory
 * (/dev/null, a pipe) get the PDF writer.
 */
typedef int (*doc_write_fn)(struct doc *d, const char *path);
doc_write_fn doc_writer_for(const char *path);

/* The number of pages of the last doc_write_pdf(). */
int doc_page_count(const struct doc *d);

#endif
