/* doc-int.h - the document model, shared by its writers (doc.c for PDF, doc-docx.c for Word) */
#ifndef QUIRE_DOC_INT_H
#define QUIRE_DOC_INT_H

#include <glib.h>

#include "doc.h"

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
	void *data;
	void (*free_data)(void *);
	struct doc_table *table;
	char **items;		/* choices: their labels */
	enum doc_box box;
	bool rtl;		/* CHOICES: the list reads right to left, boxes on the right */
	bool ragged;		/* PARAGRAPH: set ragged right, not justified (doc_item) */
	/* filled by layout */
	GPtrArray *slices;	/* text blocks: PangoLayout *, see SLICE_BYTES */
	GArray *lines;		/* text blocks: struct text_line, borrowed from SLICES */
	double height;		/* whole height */
	GArray *marks;		/* split points: y offset of each line or row start, then the end */
	double header_height;	/* tables: the header row */
	GArray *item_lines;	/* choices: the index of each item's first line, then the count */
};

struct doc {
	enum doc_paper paper;
	double page_w, page_h;
	GPtrArray *blocks;
	int group_id, open_group;
	bool open_loose;
	char *title, *author, *subject, *creator, *date;
	char *head_left, *head_right;
	GPtrArray *pages;	/* GPtrArray of struct piece * per page */
	int n_pages;
};

#endif
