/* doc-int.h - the document model, shared by its writers (doc.c for PDF, doc-docx.c for Word) */
#ifndef QUIRE_DOC_INT_H
#define QUIRE_DOC_INT_H

#include <glib.h>

#include "doc.h"
#include "typeface.h"

/*
 * The theme of every document, in points: the geometry and the type of
 * its text blocks, which both writers set (doc.c on the PDF's pages,
 * doc-docx.c in Word's styles).  DOC_FONT(DOC_BODY_FACE, DOC_SIZE_BODY) is
 * the Pango description "Noto Serif, ... 10.5".
 */
#define DOC_MARGIN_TOP 68.0
#define DOC_MARGIN_BOTTOM 64.0
#define DOC_MARGIN_SIDE 68.0
#define DOC_NUMBER_INDENT 34.0	/* hanging paragraph numbers */
#define DOC_PARA_GAP 7.0
#define DOC_BODY_LEADING 0.6	/* points between a paragraph's lines, beyond the font's own */
#define DOC_BOX_COLUMN 18.0	/* a choice's tick box and the gap after it */

#define DOC_HEAD_FACE TYPEFACE_SANS
#define DOC_BODY_FACE TYPEFACE_SERIF
#define DOC_TABLE_FACE TYPEFACE_SANS
#define DOC_SIZE_BODY 10.5
#define DOC_SIZE_CHOICE 10
#define DOC_SIZE_QUOTE 9.5
#define DOC_SIZE_NOTE 8.5
#define DOC_SIZE_TABLE 9
#define DOC_SIZE_MONO 6.8
#define DOC_SIZE_HEADING1 13.5
#define DOC_SIZE_HEADING2 11
#define DOC_SIZE_HEADING3 10

#define DOC_STR_(x) #x
#define DOC_STR(x) DOC_STR_(x)
#define DOC_FONT(face, size) face " " DOC_STR(size)
#define DOC_FONT_STYLED(face, style, size) face " " style " " DOC_STR(size)

/*
 * A struct doc is a list of blocks, added by the doc_*() functions of
 * doc.h.  The fields before "filled by layout" are the model: what was
 * added, which every writer reads and none changes.  The layout fields
 * belong to the PDF writer's pagination (doc.c).
 */

enum block_kind {
	BLOCK_HEADING,
	BLOCK_PARAGRAPH,
	BLOCK_NOTE,
	BLOCK_QUOTE,
	BLOCK_SPACE,
	BLOCK_BREAK,
	BLOCK_FIGURE,
	BLOCK_TABLE,
	BLOCK_COVER,
	BLOCK_CHOICES,
	BLOCK_CAPTION,		/* "Table 3. ...": kept with the block after it */
	BLOCK_CONTENTS,		/* the headings after it, with their pages (doc_contents) */
};

struct table_row {
	char **cells;
	bool bold;
	bool header;
};

struct doc_table {
	size_t n_cols;
	double *widths;		/* fractions of the text width */
	enum doc_align *align;
	bool *mono;
	struct table_row *header;	/* NULL when none */
	GPtrArray *rows;	/* struct table_row * */
};

struct block {
	enum block_kind kind;
	int level;
	char *number, *text, *attribution;
	double space;
	int group;		/* 0, or the id of its keep-together group */
	bool loose;		/* its group may start at a page's foot (doc_group_begin_loose) */
	struct doc_cover cover;	/* strings owned when kind == BLOCK_COVER */
	doc_draw_fn draw;
	doc_draw_rows_fn draw_rows;	/* FIGURE of rows (doc_figure_rows), or NULL */
	double *rows;		/* their heights */
	size_t n_rows;
	double overhead;	/* what each part adds to its rows */
	void *data;
	void (*free_data)(void *);
	struct doc_table *table;
	char **items;		/* choices: their labels */
	enum doc_box box;
	bool rtl;		/* CHOICES: the list reads right to left, boxes on the right */
	bool ragged;		/* PARAGRAPH: set ragged right, not justified (doc_item) */
	bool flows;		/* COVER: a title block, the body under it (doc_title_block) */
	bool captions;		/* CONTENTS: lists the captions, not the headings */
	char *footnote;		/* PARAGRAPH: its footnote (doc_footnote), or NULL */
	/* filled by layout */
	GPtrArray *slices;	/* text blocks: PangoLayout *, see SLICE_BYTES */
	GArray *lines;		/* text blocks: struct text_line, borrowed from SLICES */
	double height;		/* whole height */
	GArray *marks;		/* split points: y offset of each line or row start, then the end */
	double header_height;	/* tables: the header row */
	bool too_tall;		/* tables: taller than a page, so it splits whatever its rows */
	GArray *item_lines;	/* choices: the index of each item's first line, then the count */
	int footnote_number;	/* paragraphs with a footnote: 1, 2, ... (doc_number_footnotes) */
	struct _PangoLayout *foot;	/* PDF: the footnote (the title block's, "*"), laid out */
};

struct doc {
	enum doc_paper paper;
	double page_w, page_h;
	GPtrArray *blocks;
	int group_id, open_group;
	bool open_loose;
	char *title, *author, *subject, *creator, *date, *keywords;
	char *lang;		/* BCP 47; NULL: not said */
	char *head_left, *head_right;
	GPtrArray *pages;	/* GPtrArray of struct piece * per page */
	size_t insert_at;	/* where the next block goes (doc_insert_at()); DOC_END: last */
	int n_pages;
	struct block *last_added;	/* what doc_footnote() notes */
};

/*
 * Numbers the footnotes of D's paragraphs 1, 2, ... in the order the
 * paragraphs stand (blocks may be inserted before others); both writers
 * call it first.  Returns how many there are.
 */
int doc_number_footnotes(struct doc *d);

/* Draws rows FIRST to LAST - 1 of figure B (all: 0, G_MAXSIZE), HEIGHT high; false on failure. */
bool doc_figure_draw(const struct block *b, cairo_t *cr, double width, double height,
		     size_t first, size_t last);

/* The mark of footnote N as set in running text, raised: "¹", "¹²". A new string. */
char *doc_footnote_mark(int n);

/*
 * Whether contents block C lists block H: a heading after it of level 1,
 * or of level 2 with a number (a section, not an annex's sub-heading),
 * when C goes down to level 2; or, for a list of tables and figures, a
 * caption.  Both writers ask this.
 */
bool doc_contents_lists(const struct block *c, const struct block *h);

#endif
