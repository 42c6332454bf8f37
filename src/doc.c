/* doc.c - a paginated document of headings, paragraphs, tables and figures, written as PDF */
#include <config.h>
#include "doc.h"

#include <errno.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "atomic.h"
#include "pdflang.h"
#include "doc-int.h"
#include "i18n.h"
#include "typeface.h"
#include "msg.h"

/* Geometry and type, in points.  One theme for every report. */
#define MARGIN_TOP DOC_MARGIN_TOP
#define MARGIN_BOTTOM DOC_MARGIN_BOTTOM
#define MARGIN_SIDE DOC_MARGIN_SIDE
#define NUMBER_INDENT DOC_NUMBER_INDENT
#define PARA_GAP DOC_PARA_GAP
#define HEAD_FONT DOC_HEAD_FACE
#define BODY_FONT DOC_BODY_FACE
#define TABLE_FONT DOC_TABLE_FACE
#define INK 0.12		/* grey level of text */
#define RULE 0.45		/* grey level of table rules */

/* A line of a text block, in the block's coordinates (points). */
struct text_line {
	PangoLayoutLine *line;	/* owned by one of the block's slices */
	double x;		/* the left of its logical box: alignment, direction */
	double top, bottom, baseline;
};

/* A placed part of a block: units [FIRST, LAST) of its marks, at Y on a page. */
struct piece {
	struct block *block;
	guint first, last;
	double y;
};

static char *copy(const char *s)
{
	return s ? g_strdup(s) : NULL;
}

struct doc *doc_new(enum doc_paper paper)
{
	struct doc *d = g_new0(struct doc, 1);
	d->paper = paper;
	d->page_w = paper == DOC_LETTER ? 612 : 595.276;
	d->page_h = paper == DOC_LETTER ? 792 : 841.89;
	d->blocks = g_ptr_array_new();
	d->insert_at = DOC_END;
	return d;
}

double doc_text_width(const struct doc *d)
{
	return d->page_w - 2 * MARGIN_SIDE;
}

double doc_text_height(const struct doc *d)
{
	return d->page_h - MARGIN_TOP - MARGIN_BOTTOM;
}

static double body_height(const struct doc *d)
{
	return d->page_h - MARGIN_TOP - MARGIN_BOTTOM;
}

static void table_row_free(struct table_row *r)
{
	if (!r)
		return;
	g_strfreev(r->cells);
	g_free(r);
}

static void table_free(struct doc_table *t)
{
	if (!t)
		return;
	table_row_free(t->header);
	for (guint i = 0; i < t->rows->len; i++)
		table_row_free(g_ptr_array_index(t->rows, i));
	g_ptr_array_free(t->rows, TRUE);
	g_free(t->widths);
	g_free(t->align);
	g_free(t->mono);
	g_free(t);
}

/* Forgets what layout found for B. */
static void unmeasure(struct block *b)
{
	if (b->slices)
		g_ptr_array_free(b->slices, TRUE);
	if (b->lines)
		g_array_free(b->lines, TRUE);
	if (b->marks)
		g_array_free(b->marks, TRUE);
	if (b->item_lines)
		g_array_free(b->item_lines, TRUE);
	b->item_lines = NULL;
	if (b->foot)
		g_object_unref(b->foot);
	b->foot = NULL;
	b->slices = NULL;
	b->lines = NULL;
	b->marks = NULL;
}

static void block_free(struct block *b)
{
	g_free(b->number);
	g_free(b->text);
	g_free(b->footnote);
	g_free(b->rows);
	g_free(b->attribution);
	if (b->kind == BLOCK_COVER) {
		const char **f = (const char **)&b->cover;
		for (size_t i = 0; i < sizeof b->cover / sizeof(char *); i++)
			g_free((char *)f[i]);
	}
	if (b->free_data)
		b->free_data(b->data);
	table_free(b->table);
	g_strfreev(b->items);
	unmeasure(b);
	g_free(b);
}

static void free_pages(struct doc *d)
{
	if (!d->pages)
		return;
	for (guint p = 0; p < d->pages->len; p++)
		g_ptr_array_free(g_ptr_array_index(d->pages, p), TRUE);
	g_ptr_array_free(d->pages, TRUE);
	d->pages = NULL;
}

void doc_free(struct doc *d)
{
	if (!d)
		return;
	for (guint i = 0; i < d->blocks->len; i++)
		block_free(g_ptr_array_index(d->blocks, i));
	g_ptr_array_free(d->blocks, TRUE);
	free_pages(d);
	g_free(d->title);
	g_free(d->author);
	g_free(d->subject);
	g_free(d->keywords);
	g_free(d->lang);
	g_free(d->creator);
	g_free(d->date);
	g_free(d->head_left);
	g_free(d->head_right);
	g_free(d);
}

void doc_set_keywords(struct doc *d, const char *keywords)
{
	g_free(d->keywords);
	d->keywords = copy(keywords);
}

void doc_set_language(struct doc *d, const char *lang)
{
	g_free(d->lang);
	d->lang = copy(lang);
}

const char *doc_language(const struct doc *d)
{
	return d->lang;
}

void doc_set_info(struct doc *d, const char *title, const char *author, const char *subject,
		  const char *creator, const char *date)
{
	g_free(d->title);
	g_free(d->author);
	g_free(d->subject);
	g_free(d->creator);
	g_free(d->date);
	d->title = copy(title);
	d->author = copy(author);
	d->subject = copy(subject);
	d->creator = copy(creator);
	d->date = copy(date);
}

void doc_set_running_head(struct doc *d, const char *left, const char *right)
{
	g_free(d->head_left);
	g_free(d->head_right);
	d->head_left = copy(left);
	d->head_right = copy(right);
}

static struct block *add(struct doc *d, enum block_kind kind)
{
	struct block *b = g_new0(struct block, 1);
	b->kind = kind;
	b->group = d->open_group;
	b->loose = d->open_loose;
	if (d->insert_at == DOC_END)
		g_ptr_array_add(d->blocks, b);
	else {
		size_t at = MIN(d->insert_at, d->blocks->len);
		g_ptr_array_insert(d->blocks, (gint)at, b);
		d->insert_at = at + 1;
	}
	d->last_added = b;
	return b;
}

size_t doc_mark(const struct doc *d)
{
	return d->blocks->len;
}

void doc_insert_at(struct doc *d, size_t mark)
{
	d->insert_at = mark;
}

static char *typeset_in(const struct doc *d, const char *text);
static char *isolated_in(const struct doc *d, const char *text);
static char *own_direction(const char *text);

static struct block *cover_block(struct doc *d, const struct doc_cover *c)
{
	struct block *b = add(d, BLOCK_COVER);
	b->cover.organisation = copy(c->organisation);
	b->cover.symbol = copy(c->symbol);
	b->cover.date_line = copy(c->date_line);
	b->cover.distribution = copy(c->distribution);
	b->cover.original = copy(c->original);
	b->cover.agenda = copy(c->agenda);
	b->cover.agenda_note = c->agenda ? typeset_in(d, c->agenda_note) : NULL;
	b->cover.meeting = typeset_in(d, c->meeting);
	b->cover.place_date = copy(c->place_date);
	b->cover.title = typeset_in(d, c->title);
	b->cover.subtitle = typeset_in(d, c->subtitle);
	b->cover.prepared_by = typeset_in(d, c->prepared_by);
	b->cover.notice = typeset_in(d, c->notice);
	for (size_t i = 0; i < DOC_COVER_BLANKS && c->blanks[i]; i++)
		b->cover.blanks[i] = copy(c->blanks[i]);
	return b;
}

void doc_cover(struct doc *d, const struct doc_cover *c)
{
	cover_block(d, c);
	add(d, BLOCK_BREAK);
}

void doc_title_block(struct doc *d, const struct doc_cover *c)
{
	cover_block(d, c)->flows = true;
}

void doc_heading(struct doc *d, int level, const char *number, const char *text)
{
	struct block *b = add(d, BLOCK_HEADING);
	b->level = CLAMP(level, 1, 3);
	b->number = isolated_in(d, number);
	b->text = typeset_in(d, text);
}

bool doc_contents_lists(const struct block *c, const struct block *h)
{
	if (c->captions)
		return h->kind == BLOCK_CAPTION;
	return h->kind == BLOCK_HEADING && h->level <= c->level && (h->level == 1 || h->number);
}

static struct block *contents_block(struct doc *d, const char *title, int levels)
{
	struct block *b = add(d, BLOCK_CONTENTS);
	b->text = g_strdup(title);
	b->level = CLAMP(levels, 1, 2);
	return b;
}

void doc_list_of_captions(struct doc *d, const char *title)
{
	contents_block(d, title, 1)->captions = true;
}

void doc_contents(struct doc *d, const char *title, int levels)
{
	contents_block(d, title, levels);
}

/*
 * typeset()'s replacement, by the group of its pattern that matched: an
 * operator or "of" between no-break spaces, a no-break space, one space,
 * or a typographic apostrophe or quotation mark, or nothing next to a
 * full-width mark.
 */
static gboolean tighten(const GMatchInfo *match, GString *out, gpointer data)
{
	(void)data;
	gint group = 1, start = -1, end = -1;
	for (; group <= 9; group++)
		if (g_match_info_fetch_pos(match, group, &start, &end) && start >= 0)
			break;
	char *word = g_match_info_fetch(match, group);
	switch (group) {
	case 1:
	case 2:
		g_string_append_printf(out, "\u00a0%s\u00a0", word);
		break;
	case 3:
		g_string_append(out, "\u00a0");
		break;
	case 4:
		g_string_append_c(out, ' ');
		break;
	case 5:
		g_string_append(out, "\u2019");
		break;
	case 6:
		g_string_append(out, "\u201c");
		break;
	case 7:
		g_string_append(out, "\u201d");
		break;
	default:	/* no space around a full-width mark: it holds its own */
		break;
	}
	g_free(word);
	return FALSE;
}

/*
 * TEXT as a typesetter would set it: no-break spaces where a line must not
 * break -- inside "p = 0.45", "p < 0.0001", "n = 9" and "V = 0.31",
 * inside "7 of 9", and after "para." before its number; one space, not
 * two, after a sentence; and typographic apostrophes and double quotation
 * marks ("Fisher’s", “State A”) for straight ones; no space after a
 * full-width (Chinese) comma, full stop, colon or closing parenthesis, nor
 * before one or an opening parenthesis, which carry their own.  The document's own
 * sentences, headings, captions, notes and cover get this, with the labels
 * they quote; a verbatim answer (doc_quote) and a table (file names,
 * codes) are left as written.
 */
static char *typeset(const char *text)
{
	static GRegex *tight;
	if (!text)
		return NULL;
	if (g_once_init_enter(&tight)) {
		GRegex *re = g_regex_new("(*UCP)(?<=\\b[pnV]) ([=<]) (?=[0-9])|(?<=[0-9]) (of) (?=[0-9])|"
					 "(?<=\\bpara\\.)( )(?=[0-9])|(?<=[.:;!?])(  +)(?=\\S)|"
					 "(?<=\\w)(')(?=\\w)|(\")(?=[\\w\\[(\u2018])|"
					 "(?<=[\\w.,!?)\\]%\u2019])(\")|"
					 "(?<=[\u3001\u3002\uff01\uff09\uff0c\uff1a\uff1b\uff1f])( +)|"
					 "( +)(?=[\u3001\u3002\uff08\uff0c\uff1a\uff1b])",
					 G_REGEX_OPTIMIZE, 0, NULL);
		g_once_init_leave(&tight, re);
	}
	return g_regex_replace_eval(tight, text, -1, 0, 0, tighten, NULL, NULL);
}

/* Whether C is a letter of a script written right to left. */
static bool is_rtl_letter(gunichar c)
{
	switch (g_unichar_get_script(c)) {
	case G_UNICODE_SCRIPT_ARABIC:
	case G_UNICODE_SCRIPT_HEBREW:
	case G_UNICODE_SCRIPT_SYRIAC:
	case G_UNICODE_SCRIPT_THAANA:
	case G_UNICODE_SCRIPT_NKO:
		return g_unichar_isalpha(c);
	default:
		return false;
	}
}

static bool is_ltr_letter(gunichar c)
{
	return g_unichar_isalpha(c) && !is_rtl_letter(c);
}

/* Whether C goes on a left-to-right insert it follows with no space: "2019/1", "L.1", "(ISO)". */
static bool is_attached(gunichar c)
{
	return g_unichar_isdigit(c) || (c < 128 && c && strchr("/.-_)]", (int)c)) || c == 0x201D;
}

/* Whether C opens a left-to-right insert it comes right before: "(ISO", "[en", "“Yes". */
static bool is_opening(gunichar c)
{
	return c == '(' || c == '[' || c == 0x201C;
}

/*
 * TEXT with each left-to-right insert in a right-to-left document -- a
 * code, a Latin name, "AALCO/WG/ILC/4/2019/L.1" -- isolated between FSI
 * and PDI (U+2068, U+2069), so that the bidirectional algorithm keeps it
 * whole and in its own order, and the right-to-left text around it is not
 * reordered by it.  An insert runs from a left-to-right letter to the last
 * one before the next right-to-left letter, with the digits and marks
 * attached to its end ("2019/L.1"), but not a mark that ends it (a
 * sentence's full stop).  A new string.
 */
/* Appends TEXT's insert [RUN, RUN_END) between FSI and PDI, less the marks at its end; returns where TEXT goes on. */
static const char *put_isolated(GString *out, const char *run, const char *run_end)
{
	while (run_end - run > 1 && strchr("./-_", run_end[-1]))
		run_end--;	/* "2019/L.1." ends a sentence: its full stop stays outside */
	g_string_append(out, "\u2068");
	g_string_append_len(out, run, run_end - run);
	g_string_append(out, "\u2069");
	return run_end;
}

static char *isolate_ltr(const char *text)
{
	GString *out = g_string_new(NULL);
	const char *run = NULL, *run_end = NULL, *p = text;
	for (; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (is_ltr_letter(c)) {
			if (!run) {
				run = p;
				const char *before = p > text ? g_utf8_prev_char(p) : NULL;
				if (before && is_opening(g_utf8_get_char(before)))
					run = before;
			}
			run_end = g_utf8_next_char(p);
		} else if (run && p == run_end && is_attached(c)) {
			run_end = g_utf8_next_char(p);
		} else if (run && is_rtl_letter(c)) {
			g_string_append_len(out, text, run - text);
			text = put_isolated(out, run, run_end);
			run = NULL;
		}
	}
	if (run) {
		g_string_append_len(out, text, run - text);
		text = put_isolated(out, run, run_end);
	}
	g_string_append(out, text);
	return g_string_free(out, FALSE);
}

/*
 * A verbatim TEXT in a document that reads right to left, each of its
 * paragraphs between FSI and PDI: a paragraph takes the direction of its
 * own first letter, so an answer given in English reads left to right,
 * its full stop at its end.  A new string.
 */
static char *own_direction(const char *text)
{
	GString *out = g_string_new(NULL);
	while (*text) {
		size_t n = strcspn(text, "\r\n");
		if (n)
			g_string_append_printf(out, "\u2068%.*s\u2069", (int)n, text);
		text += n;
		size_t sep = strspn(text, "\r\n");
		g_string_append_len(out, text, (gssize)sep);
		text += sep;
	}
	return g_string_free(out, FALSE);
}

/* TEXT isolated as isolate_ltr() does when D reads right to left, else a copy. */
static char *isolated_in(const struct doc *d, const char *text)
{
	return text && i18n_is_rtl(d->lang) ? isolate_ltr(text) : copy(text);
}

/* TEXT typeset(), and its left-to-right inserts isolated in a document that reads right to left. */
static char *typeset_in(const struct doc *d, const char *text)
{
	char *set = typeset(text);
	if (!set || !i18n_is_rtl(d->lang))
		return set;
	char *isolated = isolate_ltr(set);
	g_free(set);
	return isolated;
}

static struct block *paragraph(struct doc *d, const char *number, const char *text)
{
	struct block *b = add(d, BLOCK_PARAGRAPH);
	b->number = copy(number);
	b->text = typeset_in(d, text);
	return b;
}

void doc_paragraph(struct doc *d, const char *number, const char *text)
{
	paragraph(d, number, text);
}

bool doc_footnote(struct doc *d, const char *text)
{
	struct block *b = d->last_added;
	if (!b || b->kind != BLOCK_PARAGRAPH || b->footnote || !text)
		return false;
	b->footnote = typeset_in(d, text);
	return true;
}

int doc_number_footnotes(struct doc *d)
{
	int n = 0;
	for (guint i = 0; i < d->blocks->len; i++) {
		struct block *b = g_ptr_array_index(d->blocks, i);
		b->footnote_number = b->footnote ? ++n : 0;
	}
	return n;
}

char *doc_footnote_mark(int n)
{
	static const char *const raised[] = { "\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3",
					      "\xe2\x81\xb4", "\xe2\x81\xb5", "\xe2\x81\xb6",
					      "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9" };
	char digits[24];
	g_snprintf(digits, sizeof digits, "%d", n);
	GString *s = g_string_new(NULL);
	for (const char *p = digits; *p; p++)
		if (*p >= '0' && *p <= '9')
			g_string_append(s, raised[*p - '0']);
	return g_string_free(s, FALSE);
}

void doc_item(struct doc *d, const char *number, const char *text)
{
	paragraph(d, number, text)->ragged = true;
}

double doc_indent(const struct doc *d)
{
	(void)d;
	return NUMBER_INDENT;
}

void doc_choices(struct doc *d, enum doc_box box, const char *const *labels, size_t n)
{
	if (n == 0)
		return;
	struct block *b = add(d, BLOCK_CHOICES);
	b->box = box;
	b->items = g_new0(char *, n + 1);
	for (size_t i = 0; i < n; i++)
		b->items[i] = g_strdup(labels[i] ? labels[i] : "");
}

void doc_note(struct doc *d, const char *text)
{
	add(d, BLOCK_NOTE)->text = typeset_in(d, text);
}

void doc_caption(struct doc *d, const char *text)
{
	add(d, BLOCK_CAPTION)->text = typeset_in(d, text);
}

void doc_quote(struct doc *d, const char *attribution, const char *text)
{
	struct block *b = add(d, BLOCK_QUOTE);
	b->attribution = copy(attribution);
	b->text = i18n_is_rtl(d->lang) && text ? own_direction(text) : g_strdup(text);
}

void doc_space(struct doc *d, double points)
{
	add(d, BLOCK_SPACE)->space = points;
}

void doc_page_break(struct doc *d)
{
	add(d, BLOCK_BREAK);
}

void doc_group_begin(struct doc *d)
{
	d->open_group = ++d->group_id;
	d->open_loose = false;
}

void doc_group_begin_loose(struct doc *d)
{
	doc_group_begin(d);
	d->open_loose = true;
}

void doc_group_end(struct doc *d)
{
	d->open_group = 0;
	d->open_loose = false;
}

void doc_figure(struct doc *d, double height, doc_draw_fn draw, void *data,
		void (*free_data)(void *data))
{
	struct block *b = add(d, BLOCK_FIGURE);
	b->height = height;
	b->draw = draw;
	b->data = data;
	b->free_data = free_data;
}

void doc_figure_rows(struct doc *d, double overhead, const double *rows, size_t n_rows,
		     doc_draw_rows_fn draw, void *data, void (*free_data)(void *data))
{
	struct block *b = add(d, BLOCK_FIGURE);
	b->overhead = overhead;
	b->rows = g_memdup2(rows, n_rows * sizeof *rows);
	b->n_rows = n_rows;
	b->height = overhead;
	for (size_t i = 0; i < n_rows; i++)
		b->height += rows[i];
	b->draw_rows = draw;
	b->data = data;
	b->free_data = free_data;
}

bool doc_figure_draw(const struct block *b, cairo_t *cr, double width, double height,
		     size_t first, size_t last)
{
	if (b->draw_rows)
		return b->draw_rows(b->data, cr, width, height, first, MIN(last, b->n_rows));
	return b->draw && b->draw(b->data, cr, width, height);
}

struct doc_table *doc_table_new(size_t n_cols, const double *widths)
{
	struct doc_table *t = g_new0(struct doc_table, 1);
	t->n_cols = n_cols;
	t->widths = g_new(double, n_cols);
	t->align = g_new0(enum doc_align, n_cols);
	t->mono = g_new0(bool, n_cols);
	for (size_t i = 0; i < n_cols; i++)
		t->widths[i] = widths ? widths[i] : 1.0 / (double)n_cols;
	t->rows = g_ptr_array_new();
	return t;
}

void doc_table_align(struct doc_table *t, size_t col, enum doc_align align)
{
	if (col < t->n_cols)
		t->align[col] = align;
}

void doc_table_mono(struct doc_table *t, size_t col)
{
	if (col < t->n_cols)
		t->mono[col] = true;
}

static struct table_row *make_row(const struct doc_table *t, const char *const *cells, bool bold)
{
	struct table_row *r = g_new0(struct table_row, 1);
	r->cells = g_new0(char *, t->n_cols + 1);
	for (size_t i = 0; i < t->n_cols; i++)
		r->cells[i] = g_strdup(cells[i] ? cells[i] : "");
	r->bold = bold;
	return r;
}

void doc_table_header(struct doc_table *t, const char *const *cells)
{
	table_row_free(t->header);
	t->header = make_row(t, cells, true);
	t->header->header = true;
}

void doc_table_row(struct doc_table *t, const char *const *cells, bool bold)
{
	g_ptr_array_add(t->rows, make_row(t, cells, bold));
}

void doc_table(struct doc *d, struct doc_table *t)
{
	add(d, BLOCK_TABLE)->table = t;
}

/*
 * Right to left.  A document in a language written right to left (Arabic)
 * is drawn mirrored: every column, number, table column, rule and figure
 * stands where a left-to-right page has it, reflected about the page's
 * middle, and every text is set with a right-to-left base direction and
 * its alignment swapped.  The cairo context a document is measured and
 * drawn with carries it (set_mirrored()), so that each function that
 * places something asks mirrored() and none needs a flag of its own.
 */
static const cairo_user_data_key_t mirror_key;

static void set_mirrored(cairo_t *cr, const struct doc *d)
{
	cairo_set_user_data(cr, &mirror_key, (void *)d, NULL);
}

/* The document CR draws mirrored, or NULL when it reads left to right. */
static const struct doc *mirrored(cairo_t *cr)
{
	return cairo_get_user_data(cr, &mirror_key);
}

/* X of something W wide, as it stands on CR's page. */
static double placed_x(cairo_t *cr, double x, double w)
{
	const struct doc *d = mirrored(cr);
	return d ? d->page_w - x - w : x;
}

/* Text layouts */

static PangoLayout *text_layout(cairo_t *cr, const char *font, const char *text, double width,
				PangoAlignment align)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	typeface_set_context(pango_layout_get_context(l));
	pango_layout_context_changed(l);
	PangoFontDescription *fd = pango_font_description_from_string(font);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	pango_layout_set_auto_dir(l, TRUE);
	if (mirrored(cr)) {
		pango_layout_set_auto_dir(l, FALSE);
		pango_context_set_base_dir(pango_layout_get_context(l), PANGO_DIRECTION_RTL);
		pango_layout_context_changed(l);
		pango_layout_set_alignment(l, align == PANGO_ALIGN_LEFT    ? PANGO_ALIGN_RIGHT
					      : align == PANGO_ALIGN_RIGHT ? PANGO_ALIGN_LEFT
									   : align);
	}
	/* No hyphens of our own: they would enter the text pdftotext extracts. */
	PangoAttrList *attrs = pango_attr_list_new();
	pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

static double layout_height(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/*
 * Long texts.  Pango lays a paragraph out as one run before it breaks it
 * into lines, and when that run is wider than about a million and a half
 * points (some 300,000 Latin or 150,000 Chinese characters) it gives up:
 * one line, running off the page.  So a text is laid out in slices of
 * about SLICE_BYTES.  A slice that ends inside a paragraph keeps its lines
 * but the last, which the cut may have changed, and the next slice starts
 * where that line starts.  Pango breaks lines greedily, each from its own
 * start, so the lines are those one layout of the whole text would have;
 * a slice that starts inside a paragraph keeps the paragraph's direction
 * (Arabic stays right to left) and ends with the paragraph.
 */
#define SLICE_BYTES 16384

/* How a text block is set. */
struct text_style {
	const char *font;
	double width;		/* of the column */
	double spacing;		/* between lines */
	bool justify;
};

/* The length of the paragraph separator at P (\n, \r, \r\n, U+2029), or 0. */
static size_t separator_length(const char *p)
{
	if (p[0] == '\r')
		return p[1] == '\n' ? 2 : 1;
	if (p[0] == '\n')
		return 1;
	return strncmp(p, "\xe2\x80\xa9", 3) == 0 ? 3 : 0;
}

/*
 * Where the slice of TEXT (LEN bytes) from START ends: SIZE bytes on, at a
 * character, never between \r and \n; at the end of the paragraph when the
 * slice continues one (DIR is then its direction).
 */
static size_t slice_end(const char *text, size_t len, size_t start, size_t size,
			PangoDirection dir)
{
	size_t end = len - start <= size ? len : start + size;
	while (end < len && end > start + 1 && (text[end] & 0xC0) == 0x80)
		end--;
	if (end < len && end > start + 1 && text[end] == '\n' && text[end - 1] == '\r')
		end--;
	if (dir != PANGO_DIRECTION_NEUTRAL) {
		gint delim, next;
		pango_find_paragraph_boundary(text + start, (gint)(end - start), &delim, &next);
		end = start + (size_t)delim;
	}
	return end;
}

static bool is_rtl(PangoDirection dir)
{
	return dir == PANGO_DIRECTION_RTL || dir == PANGO_DIRECTION_WEAK_RTL;
}

bool doc_reads_rtl(const char *text)
{
	if (!text)
		return false;
	PangoContext *ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
	PangoLayout *l = pango_layout_new(ctx);
	pango_layout_set_text(l, text, -1);
	bool rtl = is_rtl(pango_layout_get_line_readonly(l, 0)->resolved_dir);
	g_object_unref(l);
	g_object_unref(ctx);
	return rtl;
}

static PangoLayout *slice_layout(cairo_t *cr, const struct text_style *st, const char *text,
				 size_t len, PangoDirection dir)
{
	PangoLayout *l = text_layout(cr, st->font, NULL, st->width, PANGO_ALIGN_LEFT);
	pango_layout_set_spacing(l, (int)(st->spacing * PANGO_SCALE));
	pango_layout_set_justify(l, st->justify);
	if (dir != PANGO_DIRECTION_NEUTRAL) {
		/* What auto_dir decided at the paragraph's start, alignment included. */
		pango_layout_set_auto_dir(l, FALSE);
		pango_context_set_base_dir(pango_layout_get_context(l), dir);
		pango_layout_context_changed(l);
		if (is_rtl(dir))
			pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	}
	pango_layout_set_text(l, text, (int)len);
	return l;
}

/*
 * Appends the first KEEP lines of slice L to B, L's top at OFFSET, and
 * returns the top of the line after them.  *FITS becomes false when one is
 * wider than the column: a run of characters with no place to break (a
 * chain of joined emoji, say) that no page can hold.
 */
static double keep_lines(struct block *b, PangoLayout *l, int keep, double offset, double width,
			 bool *fits)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	PangoRectangle box;
	for (int i = 0;; i++) {
		pango_layout_iter_get_line_extents(it, NULL, &box);
		if (i == keep)
			break;
		struct text_line t = {
			pango_layout_iter_get_line_readonly(it),
			(double)box.x / PANGO_SCALE,
			offset + (double)box.y / PANGO_SCALE,
			offset + (double)(box.y + box.height) / PANGO_SCALE,
			offset + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE,
		};
		g_array_append_val(b->lines, t);
		if ((double)box.width / PANGO_SCALE > width + 0.5)
			*fits = false;
		if (!pango_layout_iter_next_line(it))
			break;
	}
	pango_layout_iter_free(it);
	return offset + (double)box.y / PANGO_SCALE;
}

/*
 * Lays out TEXT in style ST as the next paragraphs of text block B, the
 * top of its first line at *Y; sets *Y to where a paragraph after it
 * would start.  Returns false when a line does not fit the column.
 */
static bool add_text(cairo_t *cr, struct block *b, const struct text_style *st, const char *text,
		     double *y)
{
	size_t len = strlen(text), start = 0, size = SLICE_BYTES;
	PangoDirection dir = PANGO_DIRECTION_NEUTRAL;	/* a paragraph starts: auto_dir */
	bool fits = true;
	do {
		size_t end = slice_end(text, len, start, size, dir);
		PangoLayout *l = slice_layout(cr, st, text + start, end - start, dir);
		int n = pango_layout_get_line_count(l);
		bool cut = end < len && !separator_length(text + end);
		if (cut && n == 1) {
			/* one line longer than the slice: lay it out whole */
			g_object_unref(l);
			size *= 2;
			continue;
		}
		if (cut) {
			PangoLayoutLine *next = pango_layout_get_line_readonly(l, n - 1);
			*y = keep_lines(b, l, n - 1, *y, st->width, &fits);
			start += (size_t)next->start_index;
			dir = next->is_paragraph_start ? PANGO_DIRECTION_NEUTRAL : next->resolved_dir;
		} else {
			keep_lines(b, l, n, *y, st->width, &fits);
			*y += layout_height(l) + st->spacing;
			start = end + (end < len ? separator_length(text + end) : 0);
			dir = PANGO_DIRECTION_NEUTRAL;
		}
		g_ptr_array_add(b->slices, l);
		size = SLICE_BYTES;
	} while (start < len);
	return fits;
}

/*
 * B's split points from its lines: the middle of the space between two
 * lines, then the bottom of the last.  B is as high as that.
 */
static void line_marks(struct block *b)
{
	const struct text_line *t = (const struct text_line *)(void *)b->lines->data;
	guint n = b->lines->len;
	b->marks = g_array_sized_new(FALSE, FALSE, sizeof(double), n + 1);
	double m = 0;
	g_array_append_val(b->marks, m);
	for (guint i = 1; i < n; i++) {
		m = (t[i - 1].bottom + t[i].top) / 2;
		g_array_append_val(b->marks, m);
	}
	b->height = t[n - 1].bottom;
	g_array_append_val(b->marks, b->height);
}

static const char *heading_font(int level)
{
	static const char *const fonts[] = { DOC_FONT_STYLED(HEAD_FONT, "Bold", DOC_SIZE_HEADING1), DOC_FONT_STYLED(HEAD_FONT, "Bold", DOC_SIZE_HEADING2),
					     DOC_FONT_STYLED(HEAD_FONT, "Bold Italic", DOC_SIZE_HEADING3) };
	return fonts[level - 1];
}

static double heading_space_above(int level)
{
	return level == 1 ? 16 : level == 2 ? 10 : 6;
}

/* Tables */

static double col_x(const struct doc_table *t, size_t col, double width)
{
	double x = 0;
	for (size_t i = 0; i < col; i++)
		x += t->widths[i] * width;
	return x;
}

#define CELL_PAD_X 4.0
#define CELL_PAD_Y 2.6

static const char *cell_font(const struct doc_table *t, const struct table_row *r, size_t col)
{
	return t->mono[col] && !r->header ? DOC_FONT(TYPEFACE_MONO, DOC_SIZE_MONO)
	       : r->bold		  ? DOC_FONT_STYLED(TABLE_FONT, "Bold", DOC_SIZE_TABLE)
					  : DOC_FONT(TABLE_FONT, DOC_SIZE_TABLE);
}

static PangoLayout *cell_layout(cairo_t *cr, const struct doc_table *t, const struct table_row *r,
				size_t col, double width)
{
	static const PangoAlignment aligns[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT,
						 PANGO_ALIGN_CENTER };
	double w = t->widths[col] * width - 2 * CELL_PAD_X;
	return text_layout(cr, cell_font(t, r, col), r->cells[col], MAX(w, 10),
			   aligns[t->align[col]]);
}

/*
 * The width of the widest word of a cell, padding included: laid out one
 * word to a line and never broken inside a word, the layout is as wide
 * as that word.
 */
static double cell_min_width(cairo_t *cr, const struct doc_table *t, const struct table_row *r,
			     size_t col)
{
	PangoLayout *l = text_layout(cr, cell_font(t, r, col), r->cells[col], 1, PANGO_ALIGN_LEFT);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	PangoRectangle ink, logical;
	pango_layout_get_extents(l, &ink, &logical);
	g_object_unref(l);
	return (double)logical.width / PANGO_SCALE + 2 * CELL_PAD_X + 0.5;
}

/*
 * Widens the columns too narrow for their widest word, taking the width
 * from the others in proportion to what they can spare, so that no word
 * is cut in two ("cybercrim/e").  When the words cannot all fit, the
 * widths stay as asked and long words break.
 */
static void fit_widths(cairo_t *cr, struct doc_table *t, double width)
{
	double *need = g_new0(double, t->n_cols);
	double needed = 0;
	for (size_t c = 0; c < t->n_cols; c++) {
		if (t->header)
			need[c] = cell_min_width(cr, t, t->header, c);
		for (guint i = 0; i < t->rows->len; i++)
			need[c] = MAX(need[c], cell_min_width(cr, t, g_ptr_array_index(t->rows, i), c));
		need[c] /= width;
		needed += need[c];
	}
	double deficit = 0, spare = 0;
	for (size_t c = 0; c < t->n_cols; c++) {
		if (t->widths[c] < need[c])
			deficit += need[c] - t->widths[c];
		else
			spare += t->widths[c] - need[c];
	}
	if (deficit > 0 && needed <= 1 && spare >= deficit)
		for (size_t c = 0; c < t->n_cols; c++) {
			if (t->widths[c] < need[c])
				t->widths[c] = need[c];
			else
				t->widths[c] -= (t->widths[c] - need[c]) * deficit / spare;
		}
	g_free(need);
}

static double row_height(cairo_t *cr, const struct doc_table *t, const struct table_row *r,
			 double width)
{
	double h = 0;
	for (size_t c = 0; c < t->n_cols; c++) {
		PangoLayout *l = cell_layout(cr, t, r, c, width);
		h = MAX(h, layout_height(l));
		g_object_unref(l);
	}
	return h + 2 * CELL_PAD_Y;
}

/* Measuring: each block's height and its split points. */

static void measure_table(cairo_t *cr, struct block *b, double width)
{
	struct doc_table *t = b->table;
	fit_widths(cr, t, width);
	b->marks = g_array_new(FALSE, FALSE, sizeof(double));
	b->header_height = t->header ? row_height(cr, t, t->header, width) : 0;
	double y = 0;
	for (guint i = 0; i < t->rows->len; i++) {
		g_array_append_val(b->marks, y);
		y += row_height(cr, t, g_ptr_array_index(t->rows, i), width);
	}
	g_array_append_val(b->marks, y);
	b->height = b->header_height + y;
}

/*
 * Lays out a text block: FIRST (may be NULL), a paragraph in FIRST_FONT
 * (a quote's attribution), then the block's text in style ST.  Returns
 * false when a line does not fit the column.
 */
static bool measure_text(cairo_t *cr, struct block *b, const struct text_style *st,
			 const char *first, const char *first_font, const char *text)
{
	b->slices = g_ptr_array_new_with_free_func(g_object_unref);
	b->lines = g_array_new(FALSE, FALSE, sizeof(struct text_line));
	double y = 0;
	bool fits = true;
	if (first) {
		struct text_style head = *st;
		head.font = first_font;
		fits = add_text(cr, b, &head, first, &y);
	}
	fits &= add_text(cr, b, st, text ? text : b->text, &y);
	line_marks(b);
	return fits;
}

/* Choices: the box in a column of its own, beside the label. */
#define BOX_COLUMN DOC_BOX_COLUMN
#define BOX_SIZE 8.5
#define CHOICE_FONT DOC_FONT(BODY_FONT, DOC_SIZE_CHOICE)
#define CHOICE_GAP 3.0

/*
 * Lays out the labels of a list of choices one under the other; the split
 * points fall between choices, never inside one.
 */
static bool measure_choices(cairo_t *cr, struct block *b, double width)
{
	struct text_style st = { CHOICE_FONT, width - NUMBER_INDENT - BOX_COLUMN, 0, false };
	b->slices = g_ptr_array_new_with_free_func(g_object_unref);
	b->lines = g_array_new(FALSE, FALSE, sizeof(struct text_line));
	b->item_lines = g_array_new(FALSE, FALSE, sizeof(guint));
	b->marks = g_array_new(FALSE, FALSE, sizeof(double));
	double y = 0, m = 0;
	bool fits = true;
	for (char **item = b->items; *item; item++) {
		guint first = b->lines->len;
		g_array_append_val(b->item_lines, first);
		if (!add_text(cr, b, &st, **item ? *item : " ", &y) && fits) {
			fits = false;
			b->text = g_strdup(*item);	/* for the message */
		}
		if (first > 0) {
			const struct text_line *t = (const struct text_line *)(void *)b->lines->data;
			m = (t[first - 1].bottom + t[first].top) / 2;
		}
		g_array_append_val(b->marks, m);
		y += CHOICE_GAP;
	}
	g_array_append_val(b->item_lines, b->lines->len);
	const struct text_line *last =
		&g_array_index(b->lines, struct text_line, b->lines->len - 1);
	b->height = last->bottom;
	g_array_append_val(b->marks, b->height);
	return fits;
}

/*
 * Whether the paragraph or heading before B, measured already (its
 * question), reads right to left: a list of choices reads as its question
 * does, not as its first choice.
 */
static bool reads_rtl_before(const struct doc *d, const struct block *b)
{
	guint at;
	if (!g_ptr_array_find(d->blocks, b, &at))
		return false;
	while (at-- > 0) {
		const struct block *p = g_ptr_array_index(d->blocks, at);
		if ((p->kind == BLOCK_PARAGRAPH || p->kind == BLOCK_HEADING) && p->lines &&
		    p->lines->len)
			return is_rtl(g_array_index(p->lines, struct text_line, 0).line->resolved_dir);
	}
	return false;
}

static double put_title_block(cairo_t *cr, struct doc *d, const struct doc_cover *c, bool draw);
static double put_contents(cairo_t *cr, struct doc *d, struct block *b, guint first, guint last,
			   double y, bool draw);

/* Footnotes, at the foot of the page: a short rule, then each, its mark hanging. */
#define FOOT_INDENT 14.0	/* the text after the mark */
#define FOOT_RULE_ABOVE 10.0	/* the body's foot to the rule */
#define FOOT_RULE_BELOW 4.0	/* the rule to the first footnote */
#define FOOT_GAP 2.0		/* between footnotes */
#define FOOT_RULE_WIDTH 0.25	/* of the text width */

static PangoLayout *footnote_layout(cairo_t *cr, const struct doc *d, const char *mark,
				    const char *text)
{
	char *line = g_strdup_printf("%s\t%s", mark, text);
	PangoLayout *l = text_layout(cr, DOC_FONT(TABLE_FONT, DOC_SIZE_NOTE), line,
				     doc_text_width(d), PANGO_ALIGN_LEFT);
	g_free(line);
	PangoTabArray *tabs = pango_tab_array_new_with_positions(1, FALSE, PANGO_TAB_LEFT,
								 (int)(FOOT_INDENT * PANGO_SCALE));
	pango_layout_set_tabs(l, tabs);
	pango_tab_array_free(tabs);
	pango_layout_set_indent(l, (int)(-FOOT_INDENT * PANGO_SCALE));	/* hanging */
	return l;
}

/* The room B's footnote takes on a page whose footnotes take FOOT so far. */
static double footnote_room(const struct block *b, double foot)
{
	if (!b->foot)
		return 0;
	return layout_height(b->foot) + (foot > 0 ? FOOT_GAP : FOOT_RULE_ABOVE + FOOT_RULE_BELOW);
}

/* Measures B.  Returns false when a text block does not fit the column. */
static bool measure(cairo_t *cr, struct doc *d, struct block *b)
{
	double width = doc_text_width(d);
	unmeasure(b);
	switch (b->kind) {
	case BLOCK_HEADING: {
		struct text_style st = { heading_font(b->level),
					 width - (b->number ? NUMBER_INDENT : 0), 0, false };
		return measure_text(cr, b, &st, NULL, NULL, NULL);
	}
	case BLOCK_PARAGRAPH: {
		struct text_style st = { DOC_FONT(BODY_FONT, DOC_SIZE_BODY), width - NUMBER_INDENT,
					 DOC_BODY_LEADING, !b->ragged };
		if (!b->footnote)
			return measure_text(cr, b, &st, NULL, NULL, NULL);
		char *mark = doc_footnote_mark(b->footnote_number);
		char *marked = g_strconcat(b->text, mark, NULL);
		bool fits = measure_text(cr, b, &st, NULL, NULL, marked);
		g_free(marked);
		b->foot = footnote_layout(cr, d, mark, b->footnote);
		g_free(mark);
		return fits;
	}
	case BLOCK_NOTE: {
		struct text_style st = { DOC_FONT(TABLE_FONT, DOC_SIZE_NOTE), width - NUMBER_INDENT, 0, false };
		return measure_text(cr, b, &st, NULL, NULL, NULL);
	}
	case BLOCK_CAPTION: {
		struct text_style st = { DOC_FONT_STYLED(TABLE_FONT, "Bold", DOC_SIZE_TABLE),
					 width - NUMBER_INDENT, 0, false };
		return measure_text(cr, b, &st, NULL, NULL, NULL);
	}

	case BLOCK_QUOTE: {
		struct text_style st = { DOC_FONT(BODY_FONT, DOC_SIZE_QUOTE), width - 2 * NUMBER_INDENT, 1.5, false };
		return measure_text(cr, b, &st, b->attribution, DOC_FONT_STYLED(BODY_FONT, "Bold", DOC_SIZE_QUOTE), NULL);
	}
	case BLOCK_CHOICES:
		b->rtl = reads_rtl_before(d, b);
		return measure_choices(cr, b, width);
	case BLOCK_TABLE:
		measure_table(cr, b, width);
		b->too_tall = b->height > body_height(d);
		break;
	case BLOCK_SPACE:
		b->height = b->space;
		break;
	case BLOCK_COVER:
		if (b->flows)
			b->height = put_title_block(cr, d, &b->cover, false);
		if (b->cover.agenda_note)
			b->foot = footnote_layout(cr, d, "*", b->cover.agenda_note);
		break;
	case BLOCK_CONTENTS:
		b->height = put_contents(cr, d, b, 0, G_MAXUINT, 0, false);
		if (b->height > body_height(d) && b->level > 1 && !b->captions) {
			b->level = 1;	/* the chapters alone, then */
			b->height = put_contents(cr, d, b, 0, G_MAXUINT, 0, false);
		}
		break;
	case BLOCK_FIGURE:
		if (b->draw_rows) {	/* split points between its rows, as a table's */
			b->marks = g_array_sized_new(FALSE, FALSE, sizeof(double), b->n_rows + 1);
			double m = 0;
			g_array_append_val(b->marks, m);
			for (size_t i = 0; i < b->n_rows; i++) {
				m += b->rows[i];
				g_array_append_val(b->marks, m);
			}
			b->header_height = b->overhead;
		}
		break;
	default:
		break;
	}
	return true;
}

/* The gap above a block, which disappears at the top of a page. */
static double gap_above(const struct block *b)
{
	switch (b->kind) {
	case BLOCK_HEADING:
		return heading_space_above(b->level);
	case BLOCK_PARAGRAPH:
	case BLOCK_QUOTE:
		return PARA_GAP;
	case BLOCK_NOTE:
	case BLOCK_CHOICES:
		return 3;
	case BLOCK_TABLE:
	case BLOCK_FIGURE:
	case BLOCK_CAPTION:
		return 6;
	case BLOCK_CONTENTS:
		return heading_space_above(1);
	default:
		return 0;
	}
}

/* Pagination */

struct flow {
	struct doc *d;
	GPtrArray *page;	/* the page being filled */
	double y;		/* next free y, from the top of the body */
	double foot;		/* the room its footnotes take at its foot */
};

static void new_page(struct flow *f)
{
	f->page = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(f->d->pages, f->page);
	f->y = 0;
	f->foot = 0;
}

static void place(struct flow *f, struct block *b, guint first, guint last, double height)
{
	struct piece *p = g_new(struct piece, 1);
	p->block = b;
	p->first = first;
	p->last = last;
	p->y = f->y;
	g_ptr_array_add(f->page, p);
	f->y += height;
}

static double mark(const struct block *b, guint i)
{
	return g_array_index(b->marks, double, i);
}

static double piece_height(const struct block *b, guint first, guint last)
{
	if (!b->marks)
		return b->height;
	double h = mark(b, last) - mark(b, first);
	return b->kind == BLOCK_TABLE || b->kind == BLOCK_FIGURE ? h + b->header_height : h;
}

static guint units(const struct block *b)
{
	return b->marks ? b->marks->len - 1 : 1;
}

/* The smallest part of B that may stand at the foot of a page. */
static guint min_units(const struct block *b)
{
	guint n = units(b);
	if (b->kind == BLOCK_TABLE)
		return n <= DOC_TABLE_KEEP && !b->too_tall ? n : MIN(n, 3);
	if (b->kind == BLOCK_CHOICES)
		return n <= DOC_CHOICES_KEEP ? n : 2;
	if (b->kind == BLOCK_FIGURE)
		return n <= DOC_FIGURE_KEEP ? n : DOC_FIGURE_KEEP / 2;
	if (b->kind == BLOCK_PARAGRAPH || b->kind == BLOCK_QUOTE || b->kind == BLOCK_NOTE ||
	    b->kind == BLOCK_CONTENTS)
		return n < 4 ? n : 2;
	return n;
}

/* Places block B from unit FROM on, splitting it across pages where allowed. */
static void flow_block(struct flow *f, struct block *b)
{
	double room_total = body_height(f->d);
	guint n = units(b), from = 0;
	while (from < n) {
		double gap = f->y > 0 ? gap_above(b) : 0;
		/* a footnote goes on the page where its paragraph starts */
		double note = from == 0 ? footnote_room(b, f->foot) : 0;
		double room = room_total - f->foot - note - f->y - gap;
		guint last = from;
		/* as many units as fit, keeping at least MIN on each side of a split */
		while (last < n && piece_height(b, from, last + 1) <= room)
			last++;
		guint fit = last;
		guint min = MIN(min_units(b), n - from);
		if (last < n && n - last < min)
			last = n > min ? n - min : 0;
		if (last - from < min || last <= from) {
			if (f->y == 0) {
				/* It cannot fit even on an empty page: place what fits, or one. */
				last = MAX(fit, from + 1);
			} else {
				new_page(f);
				continue;
			}
		}
		f->y += gap;
		f->foot += note;
		place(f, b, from, last, piece_height(b, from, last));
		from = last;
		if (from < n)
			new_page(f);
	}
}

/* The height of the blocks of B's group starting at index I (with gaps). */
static double group_height(const GPtrArray *blocks, guint i)
{
	const struct block *first = g_ptr_array_index(blocks, i);
	double h = 0;
	for (guint k = i; k < blocks->len; k++) {
		const struct block *b = g_ptr_array_index(blocks, k);
		if (b->group != first->group)
			break;
		h += (k > i ? gap_above(b) : 0) + b->height;
	}
	return h;
}

/* The least of B that may stand at the foot of a page: its first units. */
static double head_height(const struct block *b)
{
	return piece_height(b, 0, MIN(min_units(b), units(b)));
}

/*
 * A group taller than a page cannot stay whole; its first two blocks (a
 * paragraph and its chart, say) then keep together instead, and when they
 * are taller than ROOM too, only the head of the first (a long paragraph
 * flows on from its first lines).
 */
static double group_lead_height(const GPtrArray *blocks, guint i, double room)
{
	const struct block *first = g_ptr_array_index(blocks, i);
	double h = first->height;
	if (i + 1 < blocks->len) {
		const struct block *next = g_ptr_array_index(blocks, i + 1);
		if (next->group == first->group)
			h += gap_above(next) + head_height(next);
	}
	return h <= room ? h : head_height(first);
}

/*
 * The start of the loose group at block I: its first block whole (a
 * question's text), then the blocks up to the next that may split, with
 * that block's first units.
 */
static double loose_lead_height(const GPtrArray *blocks, guint i)
{
	const struct block *first = g_ptr_array_index(blocks, i);
	double h = 0;
	for (guint k = i; k < blocks->len; k++) {
		const struct block *b = g_ptr_array_index(blocks, k);
		if (b->group != first->group)
			break;
		h += k > i ? gap_above(b) : 0;
		if (k > i && min_units(b) < units(b))
			return h + head_height(b);
		h += b->height;
	}
	return h;
}

/* A heading with the first part of what follows it must fit, or it moves on. */
static double heading_need(const GPtrArray *blocks, guint i, double room)
{
	const struct block *h = g_ptr_array_index(blocks, i);
	double need = h->height;
	if (i + 1 < blocks->len) {
		const struct block *next = g_ptr_array_index(blocks, i + 1);
		double gap = gap_above(next);
		if (next->kind == BLOCK_HEADING)
			need += gap + heading_need(blocks, i + 1, room);
		else if (next->group && next->group != h->group) {
			double whole = group_height(blocks, i + 1);
			need += gap + (next->loose		      ? loose_lead_height(blocks, i + 1)
				       : whole + need + gap <= room ? whole
				       : group_lead_height(blocks, i + 1, room - need - gap));
		}
		else if (next->kind != BLOCK_BREAK)
			need += gap + head_height(next);
	}
	return need;
}

static void paginate(struct doc *d)
{
	free_pages(d);
	d->pages = g_ptr_array_new();
	struct flow f = { d, NULL, 0, 0 };
	new_page(&f);
	double room = body_height(d);
	int last_group = 0;
	for (guint i = 0; i < d->blocks->len; i++) {
		struct block *b = g_ptr_array_index(d->blocks, i);
		if (b->kind == BLOCK_BREAK) {
			if (f.y > 0 || f.page->len)
				new_page(&f);
			continue;
		}
		if (b->kind == BLOCK_COVER) {
			f.foot += footnote_room(b, f.foot);
			place(&f, b, 0, 1, b->flows ? b->height : room);
			continue;
		}
		double need = 0;
		if (b->kind == BLOCK_HEADING || b->kind == BLOCK_CAPTION)
			need = heading_need(d->blocks, i, room);
		else if (i + 1 < d->blocks->len && min_units(b) == units(b) &&
			 ((struct block *)g_ptr_array_index(d->blocks, i + 1))->kind == BLOCK_NOTE) {
			/* A note stays under the table or figure it explains. */
			const struct block *note = g_ptr_array_index(d->blocks, i + 1);
			need = b->height + gap_above(note) + note->height;
		}
		if (b->group && b->group != last_group && b->kind != BLOCK_HEADING) {
			need = MAX(need, group_height(d->blocks, i));
			if (b->loose && f.y + gap_above(b) + need > room)
				need = loose_lead_height(d->blocks, i);
			else if (need > room)
				need = group_lead_height(d->blocks, i, room);
		}
		if (need > 0 && need <= room && f.y > 0 &&
		    f.y + gap_above(b) + need + footnote_room(b, f.foot) > room - f.foot)
			new_page(&f);
		last_group = b->group;
		if (b->kind == BLOCK_SPACE && f.y == 0)
			continue;
		flow_block(&f, b);
	}
	d->n_pages = (int)d->pages->len;
}

/* Drawing */

static void ink(cairo_t *cr, double grey)
{
	cairo_set_source_rgb(cr, grey, grey, grey);
}

/* Draws L with the left of its box (its width, or its text's) at X, or mirrored. */
static void show(cairo_t *cr, PangoLayout *l, double x, double y)
{
	double w = pango_units_to_double(pango_layout_get_width(l));
	if (w < 0) {
		PangoRectangle logical;
		pango_layout_get_extents(l, NULL, &logical);
		w = pango_units_to_double(logical.x + logical.width);
	}
	cairo_move_to(cr, placed_x(cr, x, w), y);
	pango_cairo_show_layout(cr, l);
}

/*
 * The left of a text column that starts at X and, as every column of the
 * body does, runs to the right margin; mirrored, it runs from the left
 * margin to the page's width less X.
 */
static double column_x(cairo_t *cr, double x)
{
	return mirrored(cr) ? MARGIN_SIDE : x;
}

/*
 * Draws lines [FIRST, LAST) of text block B, line FIRST's split point at
 * Y and the column's left at X: line by line, as Pango's own renderer
 * does, so that a page draws only its own lines.
 */
static void show_lines(cairo_t *cr, const struct block *b, guint first, guint last, double x,
		       double y)
{
	double top = mark(b, first);
	x = column_x(cr, x);
	for (guint i = first; i < last; i++) {
		const struct text_line *t = &g_array_index(b->lines, struct text_line, i);
		cairo_move_to(cr, x + t->x, y - top + t->baseline);
		pango_cairo_show_layout_line(cr, t->line);
	}
}

/* TEXT centred at Y, drawn only when DRAW; *BOTTOM is set under it (left alone when TEXT is NULL). */
static void put_centered(cairo_t *cr, const char *font, const char *text, double y, double width,
			 double x, double *bottom, bool draw)
{
	if (!text)
		return;
	PangoLayout *l = text_layout(cr, font, text, width, PANGO_ALIGN_CENTER);
	if (draw)
		show(cr, l, x, y);
	*bottom = y + layout_height(l);
	g_object_unref(l);
}

static void draw_centered(cairo_t *cr, const char *font, const char *text, double y, double width,
			  double x, double *bottom)
{
	put_centered(cr, font, text, y, width, x, bottom, true);
}

static void draw_rule(cairo_t *cr, double x0, double x1, double y, double width)
{
	ink(cr, RULE);
	cairo_set_line_width(cr, width);
	cairo_move_to(cr, placed_x(cr, x0, 0), y);
	cairo_line_to(cr, placed_x(cr, x1, 0), y);
	cairo_stroke(cr);
}

static int n_blanks(const struct doc_cover *c)
{
	int n = 0;
	while (n < DOC_COVER_BLANKS && c->blanks[n])
		n++;
	return n;
}

/*
 * The cover's lines to fill in, from Y down: each a label, then a rule to
 * write on.  Returns their height; draws them only when DRAW.
 */
static double draw_blanks(cairo_t *cr, const struct doc_cover *c, double x, double w, double y,
			  bool draw)
{
	double top = y;
	for (int i = 0; i < n_blanks(c); i++) {
		ink(cr, INK);
		PangoLayout *l = text_layout(cr, HEAD_FONT " 9", c->blanks[i], w, PANGO_ALIGN_LEFT);
		if (draw)
			show(cr, l, x, y);
		y += layout_height(l) + 20;
		g_object_unref(l);
		if (draw)
			draw_rule(cr, x, x + w, y, 0.6);
		y += 10;
	}
	return y - top;
}

static double title_height(cairo_t *cr, const char *font, const char *title, double width)
{
	PangoLayout *l = text_layout(cr, font, title, width, PANGO_ALIGN_CENTER);
	double h = layout_height(l);
	g_object_unref(l);
	return h;
}

/* MASTHEAD_TOP is where the masthead starts, above the text area. */
#define MASTHEAD_TOP (MARGIN_TOP - 20)

/*
 * The masthead from the top of the page: the symbol, Distr., the date and
 * Original, right, over a rule, then the agenda line; nothing without a
 * symbol or an agenda line.  Returns its bottom; draws it only when DRAW.
 */
static double put_masthead(cairo_t *cr, struct doc *d, const struct doc_cover *c, bool draw)
{
	double x = MARGIN_SIDE, w = doc_text_width(d), y = MASTHEAD_TOP, bottom = y;
	ink(cr, INK);
	if (c->symbol) {
		PangoLayout *l = text_layout(cr, HEAD_FONT " Bold 10", c->symbol, w, PANGO_ALIGN_RIGHT);
		if (draw)
			show(cr, l, x, y);
		bottom = y + layout_height(l);
		g_object_unref(l);
		/* Distr., date, then Original after a gap, as a UN masthead has them. */
		const char *lines[] = { c->distribution, c->date_line, c->original };
		const double gaps[] = { 2, 2, 8 };
		for (size_t i = 0; i < G_N_ELEMENTS(lines); i++) {
			if (!lines[i])
				continue;
			l = text_layout(cr, HEAD_FONT " 9", lines[i], w, PANGO_ALIGN_RIGHT);
			if (draw)
				show(cr, l, x, bottom + gaps[i]);
			bottom += gaps[i] + layout_height(l);
			g_object_unref(l);
		}
	}
	if (!c->symbol && !c->agenda)
		return bottom;	/* no masthead: the rule would rule off nothing */
	if (draw) {
		cairo_set_line_width(cr, 1.2);
		cairo_move_to(cr, x, bottom + 8);
		cairo_line_to(cr, x + w, bottom + 8);
		cairo_stroke(cr);
	}
	bottom += 8;
	if (c->agenda) {
		char *marked = g_strconcat(c->agenda, c->agenda_note ? "*" : "", NULL);
		PangoLayout *l = text_layout(cr, HEAD_FONT " 9", marked, w, PANGO_ALIGN_LEFT);
		g_free(marked);
		if (draw)
			show(cr, l, x, bottom + 6);
		bottom += 6 + layout_height(l);
		g_object_unref(l);
	}
	return bottom;
}

/*
 * The head of a document whose text starts on its first page, as a UN
 * document's does: the masthead, then the organisation, the meeting, the
 * title, the subtitle and who prepared it, compact, and the notice framed
 * under them.  Returns its height below the top of the text area (where
 * the body's first block goes after it); draws it only when DRAW.
 */
static double put_title_block(cairo_t *cr, struct doc *d, const struct doc_cover *c, bool draw)
{
	double x = MARGIN_SIDE, w = doc_text_width(d);
	double bottom = put_masthead(cr, d, c, draw);
	ink(cr, INK);
	put_centered(cr, HEAD_FONT " Bold 11", c->organisation, bottom + 18, w, x, &bottom, draw);
	put_centered(cr, BODY_FONT " 10.5", c->meeting, bottom + 10, w * 0.85, x + w * 0.075,
		     &bottom, draw);
	put_centered(cr, BODY_FONT " Italic 10", c->place_date, bottom + 3, w, x, &bottom, draw);
	put_centered(cr, BODY_FONT " Bold 16", c->title, bottom + 22, w * 0.9, x + w * 0.05,
		     &bottom, draw);
	put_centered(cr, BODY_FONT " 11.5", c->subtitle, bottom + 8, w * 0.85, x + w * 0.075,
		     &bottom, draw);
	put_centered(cr, BODY_FONT " Italic 10", c->prepared_by, bottom + 12, w, x, &bottom, draw);
	if (c->notice) {
		PangoLayout *l = text_layout(cr, TABLE_FONT " 8.5", c->notice, w - 24,
					     PANGO_ALIGN_LEFT);
		double top = bottom + 18, h = layout_height(l);
		if (draw) {
			cairo_set_line_width(cr, 0.6);
			cairo_rectangle(cr, x, top, w, h + 16);
			cairo_stroke(cr);
			show(cr, l, x + 12, top + 8);
		}
		bottom = top + h + 16;
		g_object_unref(l);
	}
	return bottom + 20 - MARGIN_TOP;
}

static void draw_cover(cairo_t *cr, struct doc *d, const struct doc_cover *c)
{
	double x = MARGIN_SIDE, w = doc_text_width(d), y, bottom = put_masthead(cr, d, c, true);
	bottom -= 6;	/* the cover's agenda line sat 14 under the rule: keep it there */
	y = bottom + 34;
	draw_centered(cr, HEAD_FONT " Bold 13", c->organisation, y, w, x, &bottom);
	y = bottom + 60;
	draw_centered(cr, BODY_FONT " 12", c->meeting, y, w * 0.85, x + w * 0.075, &bottom);
	draw_centered(cr, BODY_FONT " Italic 11", c->place_date, bottom + 6, w, x, &bottom);
	/* lines to fill in take the lower third: the title moves up */
	y = MAX(bottom + 70, d->page_h * (n_blanks(c) ? 0.28 : 0.40));
	double notice_top = d->page_h - MARGIN_BOTTOM;
	PangoLayout *notice = c->notice ? text_layout(cr, TABLE_FONT " 8.5", c->notice, w - 24,
						      PANGO_ALIGN_LEFT)
					: NULL;
	if (notice)
		notice_top -= layout_height(notice) + 16;
	double blanks = draw_blanks(cr, c, x, w, 0, false);
	/* a long title is set smaller, so that it leaves room for what follows */
	double room = notice_top - 24 - blanks - y - 100;
	const char *font = BODY_FONT " Bold 21";
	if (c->title && title_height(cr, font, c->title, w * 0.9) > room)
		font = BODY_FONT " Bold 15";
	if (c->title && title_height(cr, font, c->title, w * 0.9) > room)
		font = BODY_FONT " Bold 11";
	draw_centered(cr, font, c->title, y, w * 0.9, x + w * 0.05, &bottom);
	draw_centered(cr, BODY_FONT " 13", c->subtitle, bottom + 14, w * 0.85, x + w * 0.075,
		      &bottom);
	draw_centered(cr, BODY_FONT " Italic 11", c->prepared_by, bottom + 34, w, x, &bottom);
	draw_blanks(cr, c, x, w, MAX(bottom + 30, notice_top - 24 - blanks), true);
	if (notice) {
		PangoLayout *l = notice;
		double h = layout_height(l);
		double top = notice_top;
		ink(cr, INK);
		cairo_set_line_width(cr, 0.6);
		cairo_rectangle(cr, x, top, w, h + 16);
		cairo_stroke(cr);
		show(cr, l, x + 12, top + 8);
		g_object_unref(l);
	}
}

/*
 * Draws choices [FIRST, LAST) of B, choice FIRST's split point at Y and
 * the text column's left at X (under a numbered paragraph's text).  A
 * right-to-left label has its box on the right.
 */
static void draw_choices(cairo_t *cr, const struct block *b, guint first, guint last, double x,
			 double y, double width)
{
	double top = mark(b, first), column = width - NUMBER_INDENT - BOX_COLUMN;
	bool rtl = b->rtl || mirrored(cr);
	x = column_x(cr, x);
	double text_x = rtl ? x : x + BOX_COLUMN;
	double box_x = rtl ? x + column + BOX_COLUMN - BOX_SIZE : x;
	for (guint i = first; i < last; i++) {
		guint from = g_array_index(b->item_lines, guint, i);
		guint to = g_array_index(b->item_lines, guint, i + 1);
		const struct text_line *t = &g_array_index(b->lines, struct text_line, from);
		double box_y = y - top + (t->top + t->bottom) / 2 - BOX_SIZE / 2;
		ink(cr, INK);
		for (guint k = from; k < to; k++) {
			const struct text_line *l = &g_array_index(b->lines, struct text_line, k);
			double lx = l->x;
			if (rtl && !is_rtl(l->line->resolved_dir)) {
				PangoRectangle box;
				pango_layout_line_get_extents(l->line, NULL, &box);
				lx = column - (double)box.width / PANGO_SCALE;
			} else if (!rtl && is_rtl(l->line->resolved_dir)) {
				lx = 0;	/* an Arabic choice in a list that reads left to right */
			}
			cairo_move_to(cr, text_x + lx, y - top + l->baseline);
			pango_cairo_show_layout_line(cr, l->line);
		}
		cairo_new_path(cr);
		if (b->box == DOC_BOX_ROUND)
			cairo_arc(cr, box_x + BOX_SIZE / 2, box_y + BOX_SIZE / 2, BOX_SIZE / 2, 0,
				  2 * G_PI);
		else
			cairo_rectangle(cr, box_x, box_y, BOX_SIZE, BOX_SIZE);
		cairo_set_line_width(cr, 0.8);
		cairo_stroke(cr);
	}
}

static void draw_row(cairo_t *cr, const struct doc_table *t, const struct table_row *r, double x,
		     double y, double width)
{
	ink(cr, INK);
	for (size_t c = 0; c < t->n_cols; c++) {
		PangoLayout *l = cell_layout(cr, t, r, c, width);
		show(cr, l, x + col_x(t, c, width) + CELL_PAD_X, y + CELL_PAD_Y);
		g_object_unref(l);
	}
}

static void draw_table(cairo_t *cr, struct doc *d, const struct piece *p, double x, double y)
{
	const struct block *b = p->block;
	const struct doc_table *t = b->table;
	double width = doc_text_width(d);
	double top = y;
	draw_rule(cr, x, x + width, y, 0.8);
	if (t->header) {
		draw_row(cr, t, t->header, x, y, width);
		y += b->header_height;
		draw_rule(cr, x, x + width, y, 0.5);
	}
	for (guint i = p->first; i < p->last; i++) {
		const struct table_row *r = g_ptr_array_index(t->rows, i);
		if (r->bold && i > 0)
			draw_rule(cr, x, x + width, y, 0.4);
		draw_row(cr, t, r, x, y, width);
		y += mark(b, i + 1) - mark(b, i);
	}
	draw_rule(cr, x, x + width, y, 0.8);
	(void)top;
}

/* The page of heading block B (1 on), and where on it; 0 before pagination. */
static int page_of(const struct doc *d, const struct block *b, double *y)
{
	for (guint p = 0; d->pages && p < d->pages->len; p++) {
		GPtrArray *page = g_ptr_array_index(d->pages, p);
		for (guint i = 0; i < page->len; i++) {
			const struct piece *piece = g_ptr_array_index(page, i);
			if (piece->block == b && piece->first == 0) {
				*y = MARGIN_TOP + piece->y;
				return (int)p + 1;
			}
		}
	}
	return 0;
}

/*
 * The contents B: its title, then a line for each entry (a heading after
 * it down to B's level, or a caption) -- the number, the text (level 2
 * indented under level 1), a dotted leader and the page, the line a link
 * to its place.  Each entry is a unit that pagination may split before
 * (the title goes with the first).  Measuring (DRAW false) sets B's split
 * points and returns its height; drawing (after pagination) draws units
 * [FIRST, LAST) from Y.
 */
static double put_contents(cairo_t *cr, struct doc *d, struct block *b, guint first, guint last,
			   double y, bool draw)
{
	enum { PAGE_COLUMN = 28 };
	double x = MARGIN_SIDE, w = doc_text_width(d), at_y = 0;
	if (!draw) {
		if (b->marks)
			g_array_free(b->marks, TRUE);
		b->marks = g_array_new(FALSE, FALSE, sizeof(double));
		g_array_append_val(b->marks, at_y);
	}
	double shift = draw ? mark(b, first) : 0;
	ink(cr, INK);
	PangoLayout *l = text_layout(cr, heading_font(1), b->text, w, PANGO_ALIGN_LEFT);
	if (draw && first == 0)
		show(cr, l, x, y);
	at_y += layout_height(l) + 8;
	g_object_unref(l);
	guint at;
	if (!g_ptr_array_find(d->blocks, b, &at))
		return at_y;
	const char *font = DOC_FONT(BODY_FONT, DOC_SIZE_BODY);
	guint entry = 0;
	for (guint i = at + 1; i < d->blocks->len; i++) {
		const struct block *h = g_ptr_array_index(d->blocks, i);
		if (!doc_contents_lists(b, h))
			continue;
		if (entry > 0 && !draw)
			g_array_append_val(b->marks, at_y);	/* unit ENTRY starts here */
		bool shown = draw && entry >= first && entry < last;
		entry++;
		double indent = b->captions ? 0 : (h->level - 1) * NUMBER_INDENT;
		double text_x = x + indent + (b->captions ? 0 : NUMBER_INDENT);
		if (h->level == 1 && !b->captions)
			at_y += 4;
		l = text_layout(cr, font, h->text, x + w - text_x - PAGE_COLUMN - 8, PANGO_ALIGN_LEFT);
		double height = layout_height(l), top = y + at_y - shift;
		if (shown) {
			double to_y = 0;
			int page = page_of(d, h, &to_y);
			char *link = g_strdup_printf("page=%d pos=[%.1f %.1f]", page, x, to_y);
			cairo_tag_begin(cr, CAIRO_TAG_LINK, link);
			if (h->number) {
				PangoLayout *n = text_layout(cr, font, h->number, NUMBER_INDENT,
							     PANGO_ALIGN_LEFT);
				show(cr, n, x + indent, top);
				g_object_unref(n);
			}
			show(cr, l, text_x, top);
			/* the leader runs from the end of the last line to the page */
			PangoLayoutLine *line = pango_layout_get_line_readonly(
				l, pango_layout_get_line_count(l) - 1);
			PangoRectangle ink_rect, logical;
			pango_layout_line_get_extents(line, &ink_rect, &logical);
			double end = text_x + pango_units_to_double(logical.x + logical.width) + 4;
			double base = top + height - 3;
			char *number = g_strdup_printf("%d", page);
			PangoLayout *pg = text_layout(cr, font, number, PAGE_COLUMN, PANGO_ALIGN_RIGHT);
			show(cr, pg, x + w - PAGE_COLUMN, top + height - layout_height(pg));
			g_object_unref(pg);
			g_free(number);
			if (end < x + w - PAGE_COLUMN - 4) {
				cairo_save(cr);
				ink(cr, RULE);
				cairo_set_line_width(cr, 0.8);
				cairo_set_dash(cr, (double[]){ 0.8, 3.2 }, 2, 0);
				cairo_move_to(cr, placed_x(cr, end, 0), base);
				cairo_line_to(cr, placed_x(cr, x + w - PAGE_COLUMN - 4, 0), base);
				cairo_stroke(cr);
				cairo_restore(cr);
			}
			cairo_tag_end(cr, CAIRO_TAG_LINK);
			g_free(link);
			ink(cr, INK);
		}
		at_y += height + 2;
		g_object_unref(l);
	}
	if (!draw)
		g_array_append_val(b->marks, at_y);
	return at_y;
}

struct outline {
	int parent[4];		/* last outline id per level (0 = root) */
};

static void draw_heading(cairo_t *cr, cairo_surface_t *s, const struct piece *p, double x,
			 double y, int page, struct outline *o)
{
	const struct block *b = p->block;
	ink(cr, INK);
	show_lines(cr, b, p->first, p->last, x + (b->number ? NUMBER_INDENT : 0), y);
	if (p->first > 0)
		return;		/* the rest of a heading taller than a page */
	if (b->number) {
		PangoLayout *n = text_layout(cr, heading_font(b->level), b->number, NUMBER_INDENT,
					     PANGO_ALIGN_LEFT);
		show(cr, n, x, y);
		g_object_unref(n);
	}
	char *name = b->number ? g_strdup_printf("%s %s", b->number, b->text) : g_strdup(b->text);
	char *dest = g_strdup_printf("page=%d pos=[%.1f %.1f]", page, x, y);
	int parent = b->level > 1 ? o->parent[b->level - 1] : CAIRO_PDF_OUTLINE_ROOT;
	/* Chapters open: a reader sees the sections of each in the outline at once. */
	int id = cairo_pdf_surface_add_outline(s, parent, name, dest,
					       b->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
	for (int l = b->level; l < 4; l++)
		o->parent[l] = id;
	g_free(dest);
	g_free(name);
}

static bool draw_piece(cairo_t *cr, cairo_surface_t *s, struct doc *d, const struct piece *p,
		       int page, struct outline *o)
{
	const struct block *b = p->block;
	double x = MARGIN_SIDE, y = MARGIN_TOP + p->y;
	switch (b->kind) {
	case BLOCK_COVER:
		if (b->flows)
			put_title_block(cr, d, &b->cover, true);
		else
			draw_cover(cr, d, &b->cover);
		break;
	case BLOCK_HEADING:
		draw_heading(cr, s, p, x, y, page, o);
		break;
	case BLOCK_PARAGRAPH:
		ink(cr, INK);
		if (b->number && p->first == 0) {
			PangoLayout *n = text_layout(cr, DOC_FONT(BODY_FONT, DOC_SIZE_BODY), b->number,
						     NUMBER_INDENT, PANGO_ALIGN_LEFT);
			show(cr, n, x, y);
			g_object_unref(n);
		}
		show_lines(cr, b, p->first, p->last, x + NUMBER_INDENT, y);
		break;
	case BLOCK_NOTE:
		ink(cr, 0.3);
		show_lines(cr, b, p->first, p->last, x + NUMBER_INDENT, y);
		break;
	case BLOCK_CAPTION:
		ink(cr, INK);
		show_lines(cr, b, p->first, p->last, x + NUMBER_INDENT, y);
		break;
	case BLOCK_QUOTE:
		ink(cr, INK);
		show_lines(cr, b, p->first, p->last, x + 2 * NUMBER_INDENT, y);
		break;
	case BLOCK_TABLE:
		draw_table(cr, d, p, x, y);
		break;
	case BLOCK_CHOICES:
		draw_choices(cr, b, p->first, p->last, x + NUMBER_INDENT, y, doc_text_width(d));
		break;
	case BLOCK_CONTENTS:
		put_contents(cr, d, (struct block *)b, p->first, p->last, y, true);
		break;
	case BLOCK_FIGURE: {
		cairo_save(cr);
		cairo_translate(cr, x, y);
		bool ok = doc_figure_draw(b, cr, doc_text_width(d), piece_height(b, p->first, p->last),
					  p->first, p->last);
		cairo_restore(cr);
		if (!ok)
			return false;
		break;
	}
	default:
		break;
	}
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}

static void draw_furniture(cairo_t *cr, struct doc *d, int page)
{
	double x = MARGIN_SIDE, w = doc_text_width(d);
	ink(cr, 0.35);
	if (page > 1 && (d->head_left || d->head_right)) {
		double y = MARGIN_TOP - 34;
		if (d->head_left) {
			PangoLayout *l = text_layout(cr, HEAD_FONT " 8", d->head_left, w * 0.6,
						     PANGO_ALIGN_LEFT);
			pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
			show(cr, l, x, y);
			g_object_unref(l);
		}
		if (d->head_right) {
			PangoLayout *l = text_layout(cr, HEAD_FONT " Bold 8", d->head_right, w * 0.4,
						     PANGO_ALIGN_RIGHT);
			pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
			show(cr, l, x + w * 0.6, y);
			g_object_unref(l);
		}
		draw_rule(cr, x, x + w, y + 13, 0.4);
		ink(cr, 0.35);
	}
	char *num = g_strdup_printf("%d / %d", page, d->n_pages);
	PangoLayout *l = text_layout(cr, HEAD_FONT " 8.5", num, w, PANGO_ALIGN_CENTER);
	show(cr, l, x, d->page_h - MARGIN_BOTTOM + 22);
	g_object_unref(l);
	g_free(num);
}

/* Where cairo writes the PDF; ERR keeps the reason of a failed write for the message. */
/*
 * The PDF is made in memory and written out whole: cairo 1.16 asserts, and
 * so aborts, when its stream fails part-way through a document with an
 * outline (a full disk, /dev/full), so the stream cairo writes to never
 * fails, and a write error is met and reported here.
 */
struct sink {
	GByteArray *bytes;
};

static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int length)
{
	struct sink *k = closure;
	g_byte_array_append(k->bytes, data, length);
	return CAIRO_STATUS_SUCCESS;
}

static void set_metadata(cairo_surface_t *s, const struct doc *d)
{
	static const cairo_pdf_metadata_t keys[] = {
		CAIRO_PDF_METADATA_TITLE, CAIRO_PDF_METADATA_AUTHOR, CAIRO_PDF_METADATA_SUBJECT,
		CAIRO_PDF_METADATA_CREATOR, CAIRO_PDF_METADATA_CREATE_DATE,
		CAIRO_PDF_METADATA_MOD_DATE, CAIRO_PDF_METADATA_KEYWORDS,
	};
	const char *values[] = { d->title,   d->author, d->subject, d->creator,
				 d->date, d->date,   d->keywords };
	for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
		if (values[i])
			cairo_pdf_surface_set_metadata(s, keys[i], values[i]);
}

/*
 * The footnotes of page PAGE, those of the blocks that start on it, set at
 * the foot of its text area under a short rule, in the order they stand.
 */
static void draw_footnotes(cairo_t *cr, const struct doc *d, const GPtrArray *page)
{
	double total = 0;
	for (guint i = 0; i < page->len; i++) {
		const struct piece *p = g_ptr_array_index(page, i);
		if (p->first == 0)
			total += footnote_room(p->block, total);
	}
	if (total == 0)
		return;
	double x = MARGIN_SIDE, y = MARGIN_TOP + body_height(d) - total + FOOT_RULE_ABOVE;
	ink(cr, RULE);
	cairo_set_line_width(cr, 0.5);
	cairo_move_to(cr, placed_x(cr, x, 0), y);
	cairo_line_to(cr, placed_x(cr, x + doc_text_width(d) * FOOT_RULE_WIDTH, 0), y);
	cairo_stroke(cr);
	y += FOOT_RULE_BELOW;
	ink(cr, INK);
	bool first = true;
	for (guint i = 0; i < page->len; i++) {
		const struct piece *p = g_ptr_array_index(page, i);
		if (p->first != 0 || !p->block->foot)
			continue;
		if (!first)
			y += FOOT_GAP;
		show(cr, p->block->foot, x, y);
		y += layout_height(p->block->foot);
		first = false;
	}
}

/* The least part of figure B a page must hold: all of it, or its tallest rows and overhead. */
static double figure_least_height(const struct block *b)
{
	if (!b->draw_rows || b->n_rows <= DOC_FIGURE_KEEP)
		return b->height;
	double least = 0;
	for (size_t i = 0; i + DOC_FIGURE_KEEP / 2 <= b->n_rows; i++) {
		double part = b->overhead;
		for (size_t k = i; k < i + DOC_FIGURE_KEEP / 2; k++)
			part += b->rows[k];
		least = MAX(least, part);
	}
	return least;
}

static bool render(struct doc *d, cairo_surface_t *s, cairo_t *cr)
{
	struct outline o = { { 0 } };
	for (guint p = 0; p < d->pages->len; p++) {
		GPtrArray *page = g_ptr_array_index(d->pages, p);
		for (guint i = 0; i < page->len; i++)
			if (!draw_piece(cr, s, d, g_ptr_array_index(page, i), (int)p + 1, &o))
				return false;
		bool cover = page->len && ((struct piece *)g_ptr_array_index(page, 0))->block->kind ==
						  BLOCK_COVER;
		draw_footnotes(cr, d, page);
		if (!cover)
			draw_furniture(cr, d, (int)p + 1);
		cairo_show_page(cr);
		if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
			return false;
	}
	return true;
}

int doc_write_pdf(struct doc *d, const char *path)
{
	struct atomic_file *out = atomic_open(path);
	if (!out)
		return -1;
	struct sink sink = { g_byte_array_new() };
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_stream, &sink, d->page_w,
								 d->page_h);
	cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
	set_metadata(s, d);
	cairo_t *cr = cairo_create(s);
	if (i18n_is_rtl(d->lang))
		set_mirrored(cr, d);
	doc_number_footnotes(d);
	const struct block *unfit = NULL, *tall = NULL, *long_note = NULL;
	for (guint i = 0; i < d->blocks->len; i++) {
		const struct block *b = g_ptr_array_index(d->blocks, i);
		if (!measure(cr, d, g_ptr_array_index(d->blocks, i)) && !unfit)
			unfit = b;
		if (b->kind == BLOCK_FIGURE && figure_least_height(b) > doc_text_height(d) && !tall)
			tall = b;
		if (b->foot && layout_height(b->foot) > doc_text_height(d) / 2 && !long_note)
			long_note = b;
	}
	if (long_note && !unfit) {	/* a page holds its paragraph's start above it */
		double h = layout_height(long_note->foot);
		char *shown = msg_value(long_note->footnote ? long_note->footnote
							   : long_note->cover.agenda_note);
		cairo_destroy(cr);
		cairo_surface_destroy(s);
		g_byte_array_free(sink.bytes, TRUE);
		atomic_abort(out);
		/*
		 * TRANSLATORS: the footnote's text (its start), its height, then the
		 * most a footnote may take, in points.
		 */
		msg_error_at(path, 0, "the footnote '%s' is %.0f points high, more than the half of "
			     "a page's text area (%.0f points) a footnote may take", shown, h,
			     doc_text_height(d) / 2);
		g_free(shown);
		return -1;
	}
	if (tall && !unfit) {	/* never drawn past the page's foot */
		cairo_destroy(cr);
		cairo_surface_destroy(s);
		g_byte_array_free(sink.bytes, TRUE);
		atomic_abort(out);
		return msg_error_at(path, 0, "a figure %.0f points high does not fit on a page, "
				    "whose text area is %.0f points high", figure_least_height(tall),
				    doc_text_height(d));
	}
	if (unfit) {
		cairo_destroy(cr);
		cairo_surface_destroy(s);
		g_byte_array_free(sink.bytes, TRUE);
		atomic_abort(out);
		char *shown = msg_value(unfit->text);
		msg_error_at(path, 0, "cannot lay out the text '%s': it holds a run of characters "
			     "wider than the page, with no place to break it", shown);
		g_free(shown);
		return -1;
	}
	paginate(d);
	bool ok = render(d, s, cr);
	cairo_status_t status = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (!ok || status != CAIRO_STATUS_SUCCESS) {
		/*
		 * TRANSLATORS: %s is why: cairo's words (English), or "a figure could not be
		 * drawn".
		 */
		msg_error_at(path, 0, "cannot write the PDF: %s",
			     status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string(status)
			     /* TRANSLATORS: after "cannot write the PDF: ". */
							    : E_("a figure could not be drawn"));
		g_byte_array_free(sink.bytes, TRUE);
		atomic_abort(out);
		return -1;
	}
	GError *lang_error = NULL;
	if (d->lang && pdflang_set(sink.bytes, d->lang, &lang_error) != 0) {	/* cairo cannot say it */
		/* TRANSLATORS: a language tag ("fr"), then the problem. */
		msg_error_at(path, 0, "cannot set the PDF's language '%s': %s", d->lang,
			     lang_error->message);
		g_error_free(lang_error);
		g_byte_array_free(sink.bytes, TRUE);
		atomic_abort(out);
		return -1;
	}
	errno = 0;
	size_t written = fwrite(sink.bytes->data, 1, sink.bytes->len, atomic_stream(out));
	int err = errno ? errno : EIO;
	bool whole = written == sink.bytes->len;
	g_byte_array_free(sink.bytes, TRUE);
	if (!whole) {
		msg_error_at(path, 0, "write error: %s", g_strerror(err));
		atomic_abort(out);
		return -1;
	}
	return atomic_commit(out);
}

int doc_page_count(const struct doc *d)
{
	return d->n_pages;
}
