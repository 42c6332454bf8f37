/* doc-docx.c - the document model written as an Office Open XML (Word) document */
#include <config.h>
#include "doc.h"

#include <cairo.h>
#include <cairo-svg.h>
#include <errno.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "atomic.h"
#include "doc-int.h"
#include "i18n.h"
#include "msg.h"

/*
 * The blocks of doc-int.h become WordprocessingML: paragraphs in named
 * styles (Heading1 to Heading3, so that Word's table of contents finds the
 * headings), real tables whose header row repeats, and each figure drawn
 * by its callback into a 300-dpi PNG placed inline at its size.  Word does
 * the pagination; what the PDF writer's rules say (a heading stays with
 * what follows, a group stays on one page, a short table is not split)
 * becomes "keep with next" and "do not split the row".
 *
 * Every part is written with libxml2's xmlTextWriter, which escapes the
 * text, and the package is built in memory with libzip, then written
 * through atomic.h.
 *
 * Measures: Word counts in twentieths of a point (twips), font sizes in
 * half points, and drawings in EMU (12700 to the point).  The geometry is
 * doc.c's: the same margins and indents.
 */

#define MARGIN_TOP DOC_MARGIN_TOP
#define MARGIN_BOTTOM DOC_MARGIN_BOTTOM
#define MARGIN_SIDE DOC_MARGIN_SIDE
#define NUMBER_INDENT DOC_NUMBER_INDENT
#define BOX_COLUMN DOC_BOX_COLUMN
#define PARA_GAP DOC_PARA_GAP
/* Word takes one family per script slot: the first of each of the theme's faces. */
#define HEAD_FONT "Noto Sans"
#define BODY_FONT "Noto Serif"
#define TABLE_FONT "Noto Sans"
#define MONO_FONT TYPEFACE_MONO	/* checksums and codes, as in the PDF */
#define FIGURE_DPI 300.0
#define EMU_PER_POINT 12700.0

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_WP "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define NS_PKG_RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_TYPE NS_R "/"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* One part of the package, its bytes malloc'ed (libzip frees them). */
struct part {
	char *name;
	void *data;
	size_t len;
};

/* An XML part being written; BAD is set by the first call that fails. */
struct xml {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
	bool bad;
};

struct docx {
	struct doc *d;
	GArray *parts;		/* struct part */
	GPtrArray *images;	/* GByteArray * of PNG, word/media/image<i+1>.png */
	GPtrArray *svgs;	/* GByteArray * of SVG, word/media/image<i+1>.svg, the same figures */
	guint placed;		/* the figures placed in document.xml so far */
	bool page_break;	/* the next paragraph starts a page */
	bool last_rtl;		/* the last paragraph or heading read right to left */
	bool rtl;		/* the document's language is written right to left: every paragraph and table is */
	bool has_head;
	/*
	 * The footnotes, ids in the order of their references, as LibreOffice
	 * reads them: the title block's marked "*", id 1, then the paragraphs'
	 * numbered ones (which a custom mark does not count).
	 */
	int n_footnotes;	/* numbered footnotes */
	bool agenda_note;	/* the title block's */
};

static long twips(double points)
{
	return lround(points * 20);
}

/* XML writing: each helper notes a failure in X->bad. */

static void xml_begin(struct xml *x)
{
	x->buf = xmlBufferCreate();
	x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
	x->bad = !x->w || xmlTextWriterStartDocument(x->w, NULL, "UTF-8", "yes") < 0;
}

static void el(struct xml *x, const char *name)
{
	if (!x->bad && xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
		x->bad = true;
}

static void end(struct xml *x)
{
	if (!x->bad && xmlTextWriterEndElement(x->w) < 0)
		x->bad = true;
}

static void attr(struct xml *x, const char *name, const char *value)
{
	if (!x->bad && xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value) < 0)
		x->bad = true;
}

static void attr_long(struct xml *x, const char *name, long value)
{
	char s[32];
	g_snprintf(s, sizeof s, "%ld", value);
	attr(x, name, s);
}

static void text(struct xml *x, const char *s)
{
	if (!x->bad && xmlTextWriterWriteString(x->w, BAD_CAST s) < 0)
		x->bad = true;
}

/* An empty element with up to one attribute "w:val" (VAL may be NULL). */
static void val(struct xml *x, const char *name, const char *value)
{
	el(x, name);
	if (value)
		attr(x, "w:val", value);
	end(x);
}

static void val_long(struct xml *x, const char *name, long value)
{
	el(x, name);
	attr_long(x, "w:val", value);
	end(x);
}

/* An element holding only TEXT. */
static void text_el(struct xml *x, const char *name, const char *s)
{
	el(x, name);
	text(x, s);
	end(x);
}

/* Ends the document of X and adds it to the package as NAME.  Returns false on failure. */
static bool xml_finish(struct docx *dx, struct xml *x, const char *name)
{
	if (!x->bad && xmlTextWriterEndDocument(x->w) < 0)
		x->bad = true;
	if (x->w)
		xmlFreeTextWriter(x->w);	/* flushes into the buffer */
	bool ok = !x->bad && x->buf;
	if (ok) {
		struct part p = { g_strdup(name), NULL, (size_t)xmlBufferLength(x->buf) };
		p.data = malloc(p.len ? p.len : 1);
		if (p.data) {
			memcpy(p.data, xmlBufferContent(x->buf), p.len);
			g_array_append_val(dx->parts, p);
		} else {
			g_free(p.name);
			ok = false;
		}
	}
	if (x->buf)
		xmlBufferFree(x->buf);
	return ok;
}

/*
 * TEXT as it can stand in XML 1.0: invalid UTF-8 and the control
 * characters XML cannot hold (all of C0 but tab and the line ends,
 * U+FFFE, U+FFFF) become U+FFFD.  Returns a new string.
 */
static char *xml_safe(const char *s)
{
	char *valid = g_utf8_make_valid(s ? s : "", -1);
	GString *out = g_string_sized_new(strlen(valid));
	for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
			g_string_append(out, "\xef\xbf\xbd");
		else
			g_string_append_len(out, p, g_utf8_next_char(p) - p);
	}
	g_free(valid);
	return g_string_free(out, FALSE);
}

/* Run properties */

struct run_style {
	const char *font;	/* NULL: the paragraph style's */
	double size;		/* points; 0: the style's */
	bool bold, italic, rtl;
	const char *color;	/* RRGGBB or NULL */
};

/* The run properties RS, and the language LANG (BCP 47) unless NULL. */
static void run_props_lang(struct xml *x, const struct run_style *rs, const char *lang)
{
	if (!rs)
		return;
	el(x, "w:rPr");
	if (rs->font) {
		el(x, "w:rFonts");
		attr(x, "w:ascii", rs->font);
		attr(x, "w:hAnsi", rs->font);
		attr(x, "w:cs", rs->font);
		end(x);
	}
	if (rs->bold) {
		val(x, "w:b", NULL);
		val(x, "w:bCs", NULL);
	}
	if (rs->italic) {
		val(x, "w:i", NULL);
		val(x, "w:iCs", NULL);
	}
	if (rs->color)
		val(x, "w:color", rs->color);
	if (rs->size > 0) {
		val_long(x, "w:sz", lround(rs->size * 2));
		val_long(x, "w:szCs", lround(rs->size * 2));
	}
	if (rs->rtl)
		val(x, "w:rtl", NULL);
	if (lang)
		val(x, "w:lang", lang);
	end(x);
}

static void run_props(struct xml *x, const struct run_style *rs)
{
	run_props_lang(x, rs, NULL);
}

/*
 * Runs of S in style RS: a line end (\n, \r\n, \r, U+2029) becomes a line
 * break and a tab a tab, everything else text that libxml2 escapes.
 */
static void runs(struct xml *x, const char *s, const struct run_style *rs)
{
	char *safe = xml_safe(s);
	GString *piece = g_string_new(NULL);
	el(x, "w:r");
	run_props(x, rs);
	for (const char *p = safe;; p++) {
		size_t sep = *p == '\r' && p[1] == '\n' ? 2
			     : *p == '\r' || *p == '\n' || *p == '\t' ? 1
			     : strncmp(p, "\xe2\x80\xa9", 3) == 0 ? 3
									: 0;
		if (*p && !sep) {
			g_string_append_c(piece, *p);
			continue;
		}
		if (piece->len) {
			el(x, "w:t");
			attr(x, "xml:space", "preserve");
			text(x, piece->str);
			end(x);
			g_string_truncate(piece, 0);
		}
		if (!*p)
			break;
		val(x, *p == '\t' ? "w:tab" : "w:br", NULL);
		p += sep - 1;
	}
	end(x);
	g_string_free(piece, TRUE);
	g_free(safe);
}

/* Paragraphs */

struct para {
	const char *style;	/* NULL: Normal */
	const char *jc;		/* "both", "center", "right", NULL */
	double left, hanging;	/* indents, points */
	double tab;		/* a left tab stop, points; 0 = none */
	double before, after;	/* spacing, points; < 0 = the style's */
	bool rtl, keep_next;
	const char *border;	/* "box", "bottom" or NULL */
	int footnote;		/* the id of the footnote referred to at its end, or 0 */
	const char *mark;	/* that reference's own mark ("*"), or NULL: its number */
	bool whole_words;	/* never hyphenated by Word (a title, a masthead line) */
};

#define PARA_INIT { NULL, NULL, 0, 0, 0, -1, -1, false, false, NULL, 0, NULL, false }

static void border(struct xml *x, const char *side, long eighths)
{
	el(x, side);
	attr(x, "w:val", "single");
	attr_long(x, "w:sz", eighths);
	attr(x, "w:space", "6");
	attr(x, "w:color", "404040");
	end(x);
}

/* Starts a paragraph and writes its properties. */
static void para_begin(struct docx *dx, struct xml *x, const struct para *pp)
{
	el(x, "w:p");
	el(x, "w:pPr");
	if (pp->style)
		val(x, "w:pStyle", pp->style);
	if (pp->keep_next)
		val(x, "w:keepNext", NULL);
	if (dx->page_break) {
		val(x, "w:pageBreakBefore", NULL);
		dx->page_break = false;
	}
	if (pp->border) {
		el(x, "w:pBdr");
		if (strcmp(pp->border, "box") == 0) {
			border(x, "w:top", 5);
			border(x, "w:left", 5);
			border(x, "w:bottom", 5);
			border(x, "w:right", 5);
		} else {
			border(x, "w:bottom", 5);
		}
		end(x);
	}
	if (pp->tab > 0) {
		el(x, "w:tabs");
		el(x, "w:tab");
		attr(x, "w:val", "left");
		attr_long(x, "w:pos", twips(pp->tab));
		end(x);
		end(x);
	}
	if (pp->whole_words)
		val(x, "w:suppressAutoHyphens", NULL);
	if (pp->rtl)
		val(x, "w:bidi", NULL);
	if (pp->before >= 0 || pp->after >= 0) {
		el(x, "w:spacing");
		if (pp->before >= 0)
			attr_long(x, "w:before", twips(pp->before));
		if (pp->after >= 0)
			attr_long(x, "w:after", twips(pp->after));
		end(x);
	}
	if (pp->left > 0 || pp->hanging > 0) {
		el(x, "w:ind");
		attr_long(x, "w:left", twips(pp->left));	/* the leading edge, either way */
		if (pp->hanging > 0)
			attr_long(x, "w:hanging", twips(pp->hanging));
		end(x);
	}
	if (pp->jc)
		val(x, "w:jc", pp->jc);
	end(x);
}

/*
 * A paragraph of TEXT with NUMBER (may be NULL) before it, set off by a
 * tab: with PP's hanging indent the number hangs in the margin.
 */
/*
 * A reference to footnote ID, raised by the FootnoteReference style: Word
 * numbers it, or with a MARK ("*") it shows that mark instead.
 */
static void footnote_reference(struct xml *x, int id, const char *mark)
{
	el(x, "w:r");
	el(x, "w:rPr");
	val(x, "w:rStyle", "FootnoteReference");
	end(x);
	el(x, "w:footnoteReference");
	if (mark)
		attr(x, "w:customMarkFollows", "1");
	attr_long(x, "w:id", id);
	end(x);
	if (mark) {
		el(x, "w:t");
		text(x, mark);
		end(x);
	}
	end(x);
}

static void para(struct docx *dx, struct xml *x, const struct para *pp, const char *number,
		 const char *s, const struct run_style *rs)
{
	para_begin(dx, x, pp);
	if (number) {
		runs(x, number, rs);
		el(x, "w:r");
		run_props(x, rs);
		val(x, "w:tab", NULL);
		end(x);
	}
	if (s && *s)
		runs(x, s, rs);
	if (pp->footnote)
		footnote_reference(x, pp->footnote, pp->mark);
	end(x);
}

/* Whether block I is kept on the page of the block after it. */
static bool keep_with_next(const struct doc *d, guint i)
{
	if (i + 1 >= d->blocks->len)
		return false;
	const struct block *b = g_ptr_array_index(d->blocks, i);
	const struct block *n = g_ptr_array_index(d->blocks, i + 1);
	if (b->kind == BLOCK_HEADING)
		return true;
	if ((b->kind == BLOCK_FIGURE || b->kind == BLOCK_TABLE) && n->kind == BLOCK_NOTE)
		return true;
	return b->group && b->group == n->group && !b->loose;
}

/* Whether a paragraph of TEXT reads right to left: in a right-to-left document all do. */
static bool para_rtl(const struct docx *dx, const char *text)
{
	return dx->rtl || doc_reads_rtl(text);
}

/* The cover */

static void cover_line(struct docx *dx, struct xml *x, const char *s, const char *jc,
		       double before, const struct run_style *rs, const char *style)
{
	if (!s)
		return;
	struct para pp = PARA_INIT;
	pp.style = style;
	pp.jc = jc;
	pp.before = before;
	pp.after = 0;
	pp.whole_words = true;
	pp.rtl = para_rtl(dx, s);
	struct run_style r = *rs;
	r.rtl = doc_reads_rtl(s);
	para(dx, x, &pp, NULL, s, &r);
}

/* The cover, or with COMPACT the title block of a first page that the text goes on with. */
static void write_cover(struct docx *dx, struct xml *x, const struct doc_cover *c, bool compact)
{
	struct run_style sym = { HEAD_FONT, 10, true, false, false, NULL };
	struct run_style small = { HEAD_FONT, 9, false, false, false, NULL };
	struct run_style org = { HEAD_FONT, 13, true, false, false, NULL };
	struct run_style meeting = { BODY_FONT, 12, false, false, false, NULL };
	struct run_style italic = { BODY_FONT, 11, false, true, false, NULL };
	struct run_style plain = { NULL, 0, false, false, false, NULL };
	/* the symbol and date, right, over a rule */
	struct para pp = PARA_INIT;
	pp.jc = "right";
	pp.after = 0;
	pp.border = "bottom";
	pp.before = 0;
	para_begin(dx, x, &pp);
	if (c->symbol)
		runs(x, c->symbol, &sym);
	const char *lines[] = { c->distribution, c->date_line, c->original };
	bool any = c->symbol != NULL;
	for (size_t i = 0; i < G_N_ELEMENTS(lines); i++) {
		if (!lines[i])
			continue;
		if (any) {
			el(x, "w:r");
			val(x, "w:br", NULL);
			end(x);
		}
		runs(x, lines[i], &small);
		any = true;
	}
	end(x);
	if (c->agenda) {
		struct para ap = PARA_INIT;
		ap.whole_words = true;
		ap.jc = "left";
		ap.before = 14;
		ap.after = 0;
		if (c->agenda_note) {	/* its footnote, marked "*" */
			ap.footnote = 1;
			ap.mark = "*";
		}
		para(dx, x, &ap, NULL, c->agenda, &small);
	}
	/* the space above each line, on a cover and in a title block (as doc.c sets them) */
	cover_line(dx, x, c->organisation, "center", compact ? 18 : 34, &org, NULL);
	cover_line(dx, x, c->meeting, "center", compact ? 10 : 60, &meeting, NULL);
	cover_line(dx, x, c->place_date, "center", compact ? 3 : 6, &italic, NULL);
	cover_line(dx, x, c->title, "center", compact ? 22 : 100, &plain, "Title");
	cover_line(dx, x, c->subtitle, "center", compact ? 8 : 14, &plain, "Subtitle");
	cover_line(dx, x, c->prepared_by, "center", compact ? 12 : 34, &italic, NULL);
	/* the lines to fill in by hand: a label, then a rule to write on */
	for (size_t i = 0; i < DOC_COVER_BLANKS && c->blanks[i]; i++) {
		cover_line(dx, x, c->blanks[i], NULL, i ? 12 : 48, &small, NULL);
		struct para line = PARA_INIT;
		line.before = 14;
		line.after = 0;
		line.border = "bottom";
		para(dx, x, &line, NULL, NULL, NULL);
	}
	if (c->notice) {
		struct run_style note = { TABLE_FONT, 8.5, false, false, doc_reads_rtl(c->notice),
					  NULL };
		struct para box = PARA_INIT;
		box.before = compact ? 18 : 48;
		box.after = 0;
		box.border = "box";
		box.rtl = note.rtl;
		para(dx, x, &box, NULL, c->notice, &note);
	}
}

/* Tables */

static const char *align_jc(enum doc_align a)
{
	return a == DOC_RIGHT ? "right" : a == DOC_CENTER ? "center" : "left";
}

static void cell_border(struct xml *x, const char *side, long eighths)
{
	el(x, side);
	attr(x, "w:val", "single");
	attr_long(x, "w:sz", eighths);
	attr(x, "w:space", "0");
	attr(x, "w:color", "737373");
	end(x);
}

/*
 * One row of T.  RULE_ABOVE, RULE_BELOW: the thickness of a rule over or
 * under it in eighths of a point (0 = none).
 */
static void table_row(struct docx *dx, struct xml *x, const struct doc_table *t,
		      const struct table_row *r, double width, long rule_above, long rule_below,
		      bool keep)
{
	el(x, "w:tr");
	el(x, "w:trPr");
	val(x, "w:cantSplit", NULL);
	if (r->header)
		val(x, "w:tblHeader", NULL);
	end(x);
	for (size_t c = 0; c < t->n_cols; c++) {
		el(x, "w:tc");
		el(x, "w:tcPr");
		el(x, "w:tcW");
		attr_long(x, "w:w", twips(t->widths[c] * width));
		attr(x, "w:type", "dxa");
		end(x);
		if (rule_above || rule_below) {
			el(x, "w:tcBorders");
			if (rule_above)
				cell_border(x, "w:top", rule_above);
			if (rule_below)
				cell_border(x, "w:bottom", rule_below);
			end(x);
		}
		end(x);
		const char *s = r->cells[c];
		struct para pp = PARA_INIT;
		pp.style = "TableText";
		pp.rtl = para_rtl(dx, s);
		pp.jc = align_jc(t->align[c]);
		pp.keep_next = keep;
		bool mono = t->mono[c] && !r->header;
		struct run_style rs = { mono ? MONO_FONT : NULL, mono ? DOC_SIZE_MONO : 0, r->bold, false,
					doc_reads_rtl(s), NULL };
		para(dx, x, &pp, NULL, s, &rs);
		end(x);
	}
	end(x);
}

static void write_table(struct docx *dx, struct xml *x, const struct doc_table *t, bool keep_next)
{
	double width = doc_text_width(dx->d);
	el(x, "w:tbl");
	el(x, "w:tblPr");
	val(x, "w:tblStyle", "TableGrid");
	if (dx->rtl)
		val(x, "w:bidiVisual", NULL);	/* the first column on the right */
	el(x, "w:tblW");
	attr_long(x, "w:w", twips(width));
	attr(x, "w:type", "dxa");
	end(x);
	el(x, "w:tblLayout");
	attr(x, "w:type", "fixed");
	end(x);
	el(x, "w:tblLook");
	attr(x, "w:val", "0020");
	attr(x, "w:firstRow", t->header ? "1" : "0");
	attr(x, "w:lastRow", "0");
	attr(x, "w:firstColumn", "0");
	attr(x, "w:lastColumn", "0");
	attr(x, "w:noHBand", "1");
	attr(x, "w:noVBand", "1");
	end(x);
	end(x);
	el(x, "w:tblGrid");
	for (size_t c = 0; c < t->n_cols; c++) {
		el(x, "w:gridCol");
		attr_long(x, "w:w", twips(t->widths[c] * width));
		end(x);
	}
	end(x);
	/* a table short enough to stay on one page is kept whole, as the PDF does */
	bool whole = t->rows->len <= DOC_TABLE_KEEP;
	guint n = t->rows->len;
	if (t->header)
		table_row(dx, x, t, t->header, width, 0, 4, whole || n > 0);
	for (guint i = 0; i < n; i++) {
		const struct table_row *r = g_ptr_array_index(t->rows, i);
		long above = r->bold && i > 0 ? 3 : 0;
		bool last = i + 1 == n;
		table_row(dx, x, t, r, width, above, 0, (whole && !last) || (last && keep_next));
	}
	end(x);
}

/* Figures */

static cairo_status_t png_sink(void *closure, const unsigned char *data, unsigned int length)
{
	g_byte_array_append(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/*
 * Draws figure B as SVG, in points, kept in DX->svgs: the vector picture
 * that Word 2016 and later show, the PNG being the fallback for the
 * others.  Returns false on failure.
 */
static bool render_svg(struct docx *dx, const struct block *b, double width)
{
	GByteArray *svg = g_byte_array_new();
	cairo_surface_t *s = cairo_svg_surface_create_for_stream(png_sink, svg, width, b->height);
	cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
	cairo_t *cr = cairo_create(s);
	bool ok = doc_figure_draw(b, cr, width, b->height, 0, G_MAXSIZE);
	ok = ok && cairo_status(cr) == CAIRO_STATUS_SUCCESS;
	cairo_destroy(cr);
	cairo_surface_finish(s);
	ok = ok && cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(s);
	if (!ok) {
		g_byte_array_unref(svg);
		return false;
	}
	g_ptr_array_add(dx->svgs, svg);
	return true;
}

/* Draws figure B at FIGURE_DPI into a PNG, kept in DX->images, and as SVG.  Returns false on failure. */
static bool render_figure(struct docx *dx, const struct block *b, double width)
{
	if (!render_svg(dx, b, width))
		return false;
	double scale = FIGURE_DPI / 72.0;
	int w = (int)ceil(width * scale), h = (int)ceil(b->height * scale);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, MAX(w, 1), MAX(h, 1));
	cairo_t *cr = cairo_create(s);
	/* white paper under the figure; the callback starts from cairo's defaults (black ink) */
	cairo_save(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_restore(cr);
	cairo_scale(cr, scale, scale);
	bool ok = doc_figure_draw(b, cr, width, b->height, 0, G_MAXSIZE);
	ok = ok && cairo_status(cr) == CAIRO_STATUS_SUCCESS;
	cairo_destroy(cr);
	cairo_surface_flush(s);
	GByteArray *png = g_byte_array_new();
	ok = ok && cairo_surface_write_to_png_stream(s, png_sink, png) == CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(s);
	if (!ok) {
		g_byte_array_unref(png);
		return false;
	}
	g_ptr_array_add(dx->images, png);
	return true;
}

/* Draws every figure of the document, in order.  Returns false when one fails. */
static bool render_figures(struct docx *dx)
{
	for (guint i = 0; i < dx->d->blocks->len; i++) {
		const struct block *b = g_ptr_array_index(dx->d->blocks, i);
		if (b->kind == BLOCK_FIGURE && !render_figure(dx, b, doc_text_width(dx->d)))
			return false;
	}
	return true;
}

static void write_figure(struct docx *dx, struct xml *x, const struct block *b, bool keep_next)
{
	double width = doc_text_width(dx->d);
	guint n = ++dx->placed;	/* its PNG is image<n>.png, drawn by render_figures() */
	long cx = lround(width * EMU_PER_POINT), cy = lround(b->height * EMU_PER_POINT);
	char name[40], rid[40];
	g_snprintf(name, sizeof name, "image%u.png", n);
	g_snprintf(rid, sizeof rid, "rIdImage%u", n);
	struct para pp = PARA_INIT;
	pp.style = "Figure";
	pp.keep_next = keep_next;
	para_begin(dx, x, &pp);
	el(x, "w:r");
	el(x, "w:drawing");
	el(x, "wp:inline");
	attr(x, "distT", "0");
	attr(x, "distB", "0");
	attr(x, "distL", "0");
	attr(x, "distR", "0");
	el(x, "wp:extent");
	attr_long(x, "cx", cx);
	attr_long(x, "cy", cy);
	end(x);
	el(x, "wp:effectExtent");
	attr(x, "l", "0");
	attr(x, "t", "0");
	attr(x, "r", "0");
	attr(x, "b", "0");
	end(x);
	el(x, "wp:docPr");
	attr_long(x, "id", (long)n);
	attr(x, "name", name);
	end(x);
	el(x, "wp:cNvGraphicFramePr");
	el(x, "a:graphicFrameLocks");
	attr(x, "noChangeAspect", "1");
	end(x);
	end(x);
	el(x, "a:graphic");
	el(x, "a:graphicData");
	attr(x, "uri", NS_PIC);
	el(x, "pic:pic");
	el(x, "pic:nvPicPr");
	el(x, "pic:cNvPr");
	attr_long(x, "id", (long)n);
	attr(x, "name", name);
	end(x);
	el(x, "pic:cNvPicPr");
	end(x);
	end(x);
	el(x, "pic:blipFill");
	el(x, "a:blip");
	attr(x, "r:embed", rid);
	/* the SVG, for Word 2016 and later; the PNG for the others */
	el(x, "a:extLst");
	el(x, "a:ext");
	attr(x, "uri", "{96DAC541-7B7A-43D3-8B79-37D633B846F1}");
	el(x, "asvg:svgBlip");
	attr(x, "xmlns:asvg", "http://schemas.microsoft.com/office/drawing/2016/SVG/main");
	char svg_rid[40];
	g_snprintf(svg_rid, sizeof svg_rid, "rIdSvg%u", n);
	attr(x, "r:embed", svg_rid);
	end(x);
	end(x);
	end(x);
	end(x);
	el(x, "a:stretch");
	el(x, "a:fillRect");
	end(x);
	end(x);
	end(x);
	el(x, "pic:spPr");
	el(x, "a:xfrm");
	el(x, "a:off");
	attr(x, "x", "0");
	attr(x, "y", "0");
	end(x);
	el(x, "a:ext");
	attr_long(x, "cx", cx);
	attr_long(x, "cy", cy);
	end(x);
	end(x);
	el(x, "a:prstGeom");
	attr(x, "prst", "rect");
	el(x, "a:avLst");
	end(x);
	end(x);
	end(x);
	end(x);		/* pic:pic */
	end(x);		/* a:graphicData */
	end(x);		/* a:graphic */
	end(x);		/* wp:inline */
	end(x);		/* w:drawing */
	end(x);		/* w:r */
	end(x);		/* w:p */
}

/* The body */

static void write_choices(struct docx *dx, struct xml *x, const struct block *b, bool keep_next)
{
	const char *box = b->box == DOC_BOX_ROUND ? "\xe2\x97\x8b" : "\xe2\x98\x90";
	size_t n = g_strv_length(b->items);
	for (size_t i = 0; i < n; i++) {
		struct para pp = PARA_INIT;
		pp.style = "Choice";
		pp.rtl = dx->last_rtl;
		pp.left = NUMBER_INDENT + BOX_COLUMN;
		pp.hanging = BOX_COLUMN;
		pp.tab = NUMBER_INDENT + BOX_COLUMN;
		bool last = i + 1 == n;
		/* a short list stays whole, as in the PDF */
		pp.keep_next = n <= DOC_CHOICES_KEEP ? !last || keep_next : last && keep_next;
		struct run_style rs = { NULL, 0, false, false, doc_reads_rtl(b->items[i]), NULL };
		para(dx, x, &pp, box, b->items[i], &rs);
	}
}

/* A paragraph of text block B in STYLE, its number hanging; JC as para. */
static void text_block(struct docx *dx, struct xml *x, const struct block *b, const char *style,
		       double left, const char *jc, bool keep_next)
{
	struct para pp = PARA_INIT;
	pp.style = style;
	pp.jc = jc;
	pp.rtl = para_rtl(dx, b->text);
	pp.keep_next = keep_next;
	pp.left = left;
	if (b->number) {
		pp.hanging = NUMBER_INDENT;
		pp.tab = left;
	}
	if (b->kind == BLOCK_PARAGRAPH && b->footnote)
		pp.footnote = b->footnote_number + dx->agenda_note;
	struct run_style rs = { NULL, 0, false, false, doc_reads_rtl(b->text), NULL };
	para(dx, x, &pp, b->number, b->text, &rs);
}

static void field_char(struct xml *x, const char *type)
{
	el(x, "w:r");
	el(x, "w:fldChar");
	attr(x, "w:fldCharType", type);
	if (strcmp(type, "begin") == 0)
		attr(x, "w:dirty", "true");	/* Word fills in the pages on opening */
	end(x);
	end(x);
}

/*
 * The contents at block AT: its title, then a TOC field over the headings
 * down to its level, whose result lists them -- number, tab, text --
 * until Word updates it with their pages.
 */
static void write_contents(struct docx *dx, struct xml *x, guint at)
{
	const struct block *b = g_ptr_array_index(dx->d->blocks, at);
	struct run_style title = { HEAD_FONT, DOC_SIZE_HEADING1, true, false, false, NULL };
	struct para pp = PARA_INIT;
	pp.before = 16;
	pp.after = 8;
	pp.keep_next = true;
	pp.rtl = para_rtl(dx, b->text);
	para(dx, x, &pp, NULL, b->text, &title);
	/* headings by their outline level; the list of tables and figures by the Caption style */
	char *instr = b->captions ? g_strdup(" TOC \\h \\z \\t \"Caption,1\" ")
				  : g_strdup_printf(" TOC \\o \"1-%d\" \\h \\z \\u ", b->level);
	GPtrArray *entries = g_ptr_array_new();
	for (guint i = at + 1; i < dx->d->blocks->len; i++) {
		const struct block *h = g_ptr_array_index(dx->d->blocks, i);
		if (doc_contents_lists(b, h))
			g_ptr_array_add(entries, (gpointer)h);
	}
	for (guint i = 0; i < MAX(entries->len, 1); i++) {
		const struct block *h = entries->len ? g_ptr_array_index(entries, i) : NULL;
		struct para line = PARA_INIT;
		line.after = 2;
		line.rtl = dx->rtl;
		if (h && !b->captions) {
			line.left = h->level * NUMBER_INDENT;
			line.hanging = NUMBER_INDENT;
			line.tab = line.left;
		}
		para_begin(dx, x, &line);
		if (i == 0) {
			field_char(x, "begin");
			el(x, "w:r");
			el(x, "w:instrText");
			attr(x, "xml:space", "preserve");
			text(x, instr);
			end(x);
			end(x);
			field_char(x, "separate");
		}
		if (h && !b->captions) {
			if (h->number)
				runs(x, h->number, NULL);
			el(x, "w:r");
			val(x, "w:tab", NULL);
			end(x);
		}
		if (h)
			runs(x, h->text, NULL);
		if (i + 1 >= entries->len)
			field_char(x, "end");
		end(x);
	}
	g_ptr_array_free(entries, TRUE);
	g_free(instr);
}

static void write_block(struct docx *dx, struct xml *x, guint i)
{
	const struct block *b = g_ptr_array_index(dx->d->blocks, i);
	bool keep = keep_with_next(dx->d, i);
	switch (b->kind) {
	case BLOCK_COVER:
		write_cover(dx, x, &b->cover, b->flows);
		break;
	case BLOCK_CONTENTS:
		write_contents(dx, x, i);
		break;
	case BLOCK_HEADING: {
		static const char *const styles[] = { "Heading1", "Heading2", "Heading3" };
		text_block(dx, x, b, styles[CLAMP(b->level, 1, 3) - 1],
			   b->number ? NUMBER_INDENT : 0, NULL, true);
		dx->last_rtl = para_rtl(dx, b->text);
		break;
	}
	case BLOCK_PARAGRAPH:
		text_block(dx, x, b, NULL, NUMBER_INDENT, b->ragged ? NULL : "both", keep);
		dx->last_rtl = para_rtl(dx, b->text);
		break;
	case BLOCK_NOTE:
		text_block(dx, x, b, "Note", NUMBER_INDENT, NULL, keep);
		break;
	case BLOCK_CAPTION:
		text_block(dx, x, b, "Caption", NUMBER_INDENT, NULL, true);
		break;
	case BLOCK_QUOTE:
		if (b->attribution) {
			struct para pp = PARA_INIT;
			pp.style = "Quote";
			pp.keep_next = true;
			pp.after = 0;
			pp.rtl = para_rtl(dx, b->attribution);
			struct run_style rs = { NULL, 0, true, false, pp.rtl, NULL };
			para(dx, x, &pp, NULL, b->attribution, &rs);
		}
		text_block(dx, x, b, "Quote", 0, NULL, keep);
		break;
	case BLOCK_SPACE: {
		struct para pp = PARA_INIT;
		pp.style = "Space";
		pp.keep_next = keep;
		pp.before = MAX(b->space - 1, 0);
		pp.after = 0;
		para(dx, x, &pp, NULL, NULL, NULL);
		break;
	}
	case BLOCK_BREAK:
		dx->page_break = true;
		break;
	case BLOCK_TABLE:
		if (dx->page_break) {
			/* a table cannot start a page itself: an empty paragraph does */
			struct para pp = PARA_INIT;
			pp.style = "Space";
			pp.after = 0;
			para(dx, x, &pp, NULL, NULL, NULL);
		}
		write_table(dx, x, b->table, keep);
		const struct block *next = i + 1 < dx->d->blocks->len
						   ? g_ptr_array_index(dx->d->blocks, i + 1)
						   : NULL;
		if (!next || next->kind == BLOCK_TABLE) {
			/* Word joins tables with nothing between them, and ends a body with text */
			struct para pp = PARA_INIT;
			pp.style = "Space";
			para(dx, x, &pp, NULL, NULL, NULL);
		}
		break;
	case BLOCK_FIGURE:
		write_figure(dx, x, b, keep);
		break;
	case BLOCK_CHOICES:
		write_choices(dx, x, b, keep);
		break;
	}
}

static void write_section(struct docx *dx, struct xml *x, bool cover)
{
	struct doc *d = dx->d;
	el(x, "w:sectPr");
	if (dx->has_head) {
		el(x, "w:headerReference");
		attr(x, "w:type", "default");
		attr(x, "r:id", "rIdHeader");
		end(x);
	}
	el(x, "w:footerReference");
	attr(x, "w:type", "default");
	attr(x, "r:id", "rIdFooter");
	end(x);
	el(x, "w:pgSz");
	attr_long(x, "w:w", twips(d->page_w));
	attr_long(x, "w:h", twips(d->page_h));
	end(x);
	el(x, "w:pgMar");
	attr_long(x, "w:top", twips(MARGIN_TOP));
	attr_long(x, "w:right", twips(MARGIN_SIDE));
	attr_long(x, "w:bottom", twips(MARGIN_BOTTOM));
	attr_long(x, "w:left", twips(MARGIN_SIDE));
	attr_long(x, "w:header", twips(MARGIN_TOP - 40));
	attr_long(x, "w:footer", twips(MARGIN_BOTTOM - 40));
	attr(x, "w:gutter", "0");
	end(x);
	if (cover)
		val(x, "w:titlePg", NULL);	/* no head or page number on the cover */
	end(x);
}

static void root_namespaces(struct xml *x)
{
	attr(x, "xmlns:w", NS_W);
	attr(x, "xmlns:r", NS_R);
	attr(x, "xmlns:wp", NS_WP);
	attr(x, "xmlns:a", NS_A);
	attr(x, "xmlns:pic", NS_PIC);
}

static bool write_document(struct docx *dx)
{
	struct doc *d = dx->d;
	struct xml x;
	xml_begin(&x);
	el(&x, "w:document");
	root_namespaces(&x);
	el(&x, "w:body");
	for (guint i = 0; i < d->blocks->len; i++)
		write_block(dx, &x, i);
	if (dx->page_break) {
		struct para pp = PARA_INIT;
		para(dx, &x, &pp, NULL, NULL, NULL);
	}
	bool cover = d->blocks->len &&
		     ((struct block *)g_ptr_array_index(d->blocks, 0))->kind == BLOCK_COVER;
	write_section(dx, &x, cover);
	end(&x);
	end(&x);
	return xml_finish(dx, &x, "word/document.xml");
}

/* The running head and the page number "n / N" */

static void field(struct xml *x, const char *instr, const struct run_style *rs)
{
	el(x, "w:fldSimple");
	attr(x, "w:instr", instr);
	runs(x, "1", rs);
	end(x);
}

static bool write_header(struct docx *dx)
{
	struct doc *d = dx->d;
	struct xml x;
	xml_begin(&x);
	el(&x, "w:hdr");
	root_namespaces(&x);
	struct para pp = PARA_INIT;
	pp.style = "Header";
	para_begin(dx, &x, &pp);
	struct run_style left = { NULL, 0, false, false, false, NULL };
	struct run_style right = { NULL, 0, true, false, false, NULL };
	if (d->head_left)
		runs(&x, d->head_left, &left);
	el(&x, "w:r");
	val(&x, "w:tab", NULL);
	end(&x);
	if (d->head_right)
		runs(&x, d->head_right, &right);
	end(&x);
	end(&x);
	return xml_finish(dx, &x, "word/header1.xml");
}

static bool write_footer(struct docx *dx)
{
	struct xml x;
	xml_begin(&x);
	el(&x, "w:ftr");
	root_namespaces(&x);
	struct para pp = PARA_INIT;
	pp.style = "Footer";
	para_begin(dx, &x, &pp);
	struct run_style rs = { NULL, 0, false, false, false, NULL };
	field(&x, " PAGE ", &rs);
	runs(&x, " / ", &rs);
	field(&x, " NUMPAGES ", &rs);
	end(&x);
	end(&x);
	return xml_finish(dx, &x, "word/footer1.xml");
}

/* Styles */

struct style_def {
	const char *id, *name, *type, *based_on, *next;
	const char *font;
	double size;		/* points */
	bool bold, italic;
	const char *color;
	double before, after;	/* points, < 0 = inherited */
	double left;		/* indent, points */
	const char *jc;
	int outline;		/* heading level 1-3, or 0 */
	bool keep_next;
};

static const struct style_def styles[] = {
	{ "Normal", "Normal", "paragraph", NULL, NULL, BODY_FONT, DOC_SIZE_BODY, false, false, "1F1F1F",
	  0, PARA_GAP, 0, NULL, 0, false },
	{ "Title", "Title", "paragraph", "Normal", "Normal", BODY_FONT, 21, true, false, NULL,
	  0, 0, 0, "center", 0, false },
	{ "Subtitle", "Subtitle", "paragraph", "Normal", "Normal", BODY_FONT, 13, false, false,
	  NULL, 14, 0, 0, "center", 0, false },
	{ "Heading1", "heading 1", "paragraph", "Normal", "Normal", HEAD_FONT, DOC_SIZE_HEADING1, true, false,
	  NULL, 18, 8, 0, NULL, 1, true },
	{ "Heading2", "heading 2", "paragraph", "Normal", "Normal", HEAD_FONT, DOC_SIZE_HEADING2, true, false,
	  NULL, 14, 6, 0, NULL, 2, true },
	{ "Heading3", "heading 3", "paragraph", "Normal", "Normal", HEAD_FONT, DOC_SIZE_HEADING3, true, true,
	  NULL, 10, 4, 0, NULL, 3, true },
	{ "Note", "Note", "paragraph", "Normal", NULL, TABLE_FONT, DOC_SIZE_NOTE, false, false, "4D4D4D",
	  3, PARA_GAP, 0, NULL, 0, false },
	{ "Quote", "Quote", "paragraph", "Normal", NULL, BODY_FONT, DOC_SIZE_QUOTE, false, false, NULL,
	  PARA_GAP, 4, 2 * NUMBER_INDENT, NULL, 0, false },
	{ "Caption", "caption", "paragraph", "Normal", NULL, TABLE_FONT, 8.5, true, false, NULL,
	  4, 4, 0, NULL, 0, false },
	{ "Choice", "Choice", "paragraph", "Normal", NULL, BODY_FONT, DOC_SIZE_CHOICE, false, false, NULL,
	  0, 3, 0, NULL, 0, false },
	{ "TableText", "Table Text", "paragraph", "Normal", NULL, TABLE_FONT, DOC_SIZE_TABLE, false, false,
	  NULL, 2, 2, 0, NULL, 0, false },
	{ "Figure", "Figure", "paragraph", "Normal", NULL, NULL, 0, false, false, NULL,
	  4, 4, 0, "center", 0, false },
	{ "Space", "Space", "paragraph", "Normal", NULL, NULL, 1, false, false, NULL,
	  0, 0, 0, NULL, 0, false },
	{ "Header", "header", "paragraph", "Normal", NULL, HEAD_FONT, 8, false, false, "595959",
	  0, 0, 0, NULL, 0, false },
	{ "Footer", "footer", "paragraph", "Normal", NULL, HEAD_FONT, 8.5, false, false, "595959",
	  0, 0, 0, "center", 0, false },
	{ "FootnoteText", "footnote text", "paragraph", "Normal", NULL, TABLE_FONT, DOC_SIZE_NOTE, false,
	  false, NULL, 0, 2, 0, NULL, 0, false },
	{ "FootnoteReference", "footnote reference", "character", NULL, NULL, NULL, 0, false, false,
	  NULL, -1, -1, 0, NULL, 0, false },
	{ "TableGrid", "Table Grid", "table", NULL, NULL, NULL, 0, false, false, NULL, -1, -1, 0,
	  NULL, 0, false },
};

static void write_style(struct docx *dx, struct xml *x, const struct style_def *s)
{
	el(x, "w:style");
	attr(x, "w:type", s->type);
	attr(x, "w:styleId", s->id);
	if (strcmp(s->id, "Normal") == 0)
		attr(x, "w:default", "1");
	val(x, "w:name", s->name);
	if (s->based_on)
		val(x, "w:basedOn", s->based_on);
	if (s->next)
		val(x, "w:next", s->next);
	val(x, "w:qFormat", NULL);
	if (strcmp(s->type, "character") == 0) {	/* the footnote reference, raised */
		el(x, "w:rPr");
		val(x, "w:vertAlign", "superscript");
		end(x);
		end(x);
		return;
	}
	if (strcmp(s->type, "table") == 0) {
		/* rules over and under the table, none between columns: the PDF's tables */
		el(x, "w:tblPr");
		el(x, "w:tblBorders");
		cell_border(x, "w:top", 6);
		cell_border(x, "w:bottom", 6);
		end(x);
		el(x, "w:tblCellMar");
		el(x, "w:left");
		attr_long(x, "w:w", twips(3));
		attr(x, "w:type", "dxa");
		end(x);
		el(x, "w:right");
		attr_long(x, "w:w", twips(3));
		attr(x, "w:type", "dxa");
		end(x);
		end(x);
		end(x);
		end(x);
		return;
	}
	el(x, "w:pPr");
	if (s->keep_next)
		val(x, "w:keepNext", NULL);
	if (strcmp(s->id, "Header") == 0) {
		el(x, "w:pBdr");
		border(x, "w:bottom", 3);
		end(x);
		el(x, "w:tabs");
		el(x, "w:tab");
		attr(x, "w:val", "right");
		attr_long(x, "w:pos", twips(doc_text_width(dx->d)));
		end(x);
		end(x);
	}
	/* Word hyphenates running text only: body, notes, quotes, footnotes */
	static const char *const hyphenated[] = { "Normal", "Note", "Quote", "FootnoteText" };
	bool hyphens = false;
	for (size_t i = 0; i < G_N_ELEMENTS(hyphenated); i++)
		hyphens |= strcmp(s->id, hyphenated[i]) == 0;
	if (!hyphens)
		val(x, "w:suppressAutoHyphens", NULL);
	if (s->before >= 0 || s->after >= 0) {
		el(x, "w:spacing");
		if (s->before >= 0)
			attr_long(x, "w:before", twips(s->before));
		if (s->after >= 0)
			attr_long(x, "w:after", twips(s->after));
		if (strcmp(s->id, "Space") == 0) {
			attr(x, "w:line", "20");
			attr(x, "w:lineRule", "exact");
		}
		end(x);
	}
	if (s->left > 0) {
		el(x, "w:ind");
		attr_long(x, "w:left", twips(s->left));
		attr_long(x, "w:right", twips(s->left / 2));
		end(x);
	}
	if (s->jc)
		val(x, "w:jc", s->jc);
	if (s->outline)
		val_long(x, "w:outlineLvl", s->outline - 1);
	end(x);
	struct run_style rs = { s->font, s->size, s->bold, s->italic, false, s->color };
	run_props(x, &rs);
	end(x);
}

static bool write_styles(struct docx *dx)
{
	struct xml x;
	xml_begin(&x);
	el(&x, "w:styles");
	attr(&x, "xmlns:w", NS_W);
	el(&x, "w:docDefaults");
	el(&x, "w:rPrDefault");
	struct run_style rs = { BODY_FONT, DOC_SIZE_BODY, false, false, false, NULL };
	run_props_lang(&x, &rs, doc_language(dx->d));	/* Word's proofing and hyphenation */
	end(&x);
	el(&x, "w:pPrDefault");
	end(&x);
	end(&x);
	for (size_t i = 0; i < G_N_ELEMENTS(styles); i++)
		write_style(dx, &x, &styles[i]);
	end(&x);
	return xml_finish(dx, &x, "word/styles.xml");
}

static bool write_settings(struct docx *dx)
{
	struct xml x;
	xml_begin(&x);
	el(&x, "w:settings");
	attr(&x, "xmlns:w", NS_W);
	val_long(&x, "w:defaultTabStop", twips(NUMBER_INDENT));
	/* Word hyphenates justified text by the language's rules; never acronyms. */
	val(&x, "w:autoHyphenation", NULL);
	val_long(&x, "w:consecutiveHyphenLimit", 2);
	val(&x, "w:doNotHyphenateCaps", NULL);
	val(&x, "w:characterSpacingControl", "doNotCompress");
	if (dx->n_footnotes || dx->agenda_note) {	/* the separators of footnotes.xml */
		el(&x, "w:footnotePr");
		val_long(&x, "w:footnote", -1);
		val_long(&x, "w:footnote", 0);
		end(&x);
	}
	el(&x, "w:compat");
	el(&x, "w:compatSetting");
	attr(&x, "w:name", "compatibilityMode");
	attr(&x, "w:uri", "http://schemas.microsoft.com/office/word");
	attr(&x, "w:val", "15");
	end(&x);
	end(&x);
	end(&x);
	return xml_finish(dx, &x, "word/settings.xml");
}

/* The package: content types, relationships, properties */

static void relationship(struct xml *x, const char *id, const char *type, const char *target)
{
	el(x, "Relationship");
	attr(x, "Id", id);
	attr(x, "Type", type);
	attr(x, "Target", target);
	end(x);
}

static bool write_document_rels(struct docx *dx)
{
	struct xml x;
	xml_begin(&x);
	el(&x, "Relationships");
	attr(&x, "xmlns", NS_PKG_RELS);
	relationship(&x, "rIdStyles", REL_TYPE "styles", "styles.xml");
	relationship(&x, "rIdSettings", REL_TYPE "settings", "settings.xml");
	if (dx->has_head)
		relationship(&x, "rIdHeader", REL_TYPE "header", "header1.xml");
	relationship(&x, "rIdFooter", REL_TYPE "footer", "footer1.xml");
	if (dx->n_footnotes || dx->agenda_note)
		relationship(&x, "rIdFootnotes", REL_TYPE "footnotes", "footnotes.xml");
	for (guint i = 0; i < dx->images->len; i++) {
		char id[40], target[40];
		g_snprintf(id, sizeof id, "rIdImage%u", i + 1);
		g_snprintf(target, sizeof target, "media/image%u.png", i + 1);
		relationship(&x, id, REL_TYPE "image", target);
		g_snprintf(id, sizeof id, "rIdSvg%u", i + 1);
		g_snprintf(target, sizeof target, "media/image%u.svg", i + 1);
		relationship(&x, id, REL_TYPE "image", target);
	}
	end(&x);
	return xml_finish(dx, &x, "word/_rels/document.xml.rels");
}

static bool write_package_rels(struct docx *dx)
{
	struct xml x;
	xml_begin(&x);
	el(&x, "Relationships");
	attr(&x, "xmlns", NS_PKG_RELS);
	relationship(&x, "rId1", REL_TYPE "officeDocument", "word/document.xml");
	relationship(&x, "rId2",
		     "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
		     "core-properties",
		     "docProps/core.xml");
	relationship(&x, "rId3", REL_TYPE "extended-properties", "docProps/app.xml");
	end(&x);
	return xml_finish(dx, &x, "_rels/.rels");
}

static void override(struct xml *x, const char *part, const char *type)
{
	el(x, "Override");
	attr(x, "PartName", part);
	attr(x, "ContentType", type);
	end(x);
}

static bool write_content_types(struct docx *dx)
{
	struct xml x;
	xml_begin(&x);
	el(&x, "Types");
	attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
	el(&x, "Default");
	attr(&x, "Extension", "rels");
	attr(&x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
	end(&x);
	el(&x, "Default");
	attr(&x, "Extension", "xml");
	attr(&x, "ContentType", "application/xml");
	end(&x);
	el(&x, "Default");
	attr(&x, "Extension", "png");
	attr(&x, "ContentType", "image/png");
	end(&x);
	el(&x, "Default");
	attr(&x, "Extension", "svg");
	attr(&x, "ContentType", "image/svg+xml");
	end(&x);
	override(&x, "/word/document.xml", CT_WML "document.main+xml");
	override(&x, "/word/styles.xml", CT_WML "styles+xml");
	override(&x, "/word/settings.xml", CT_WML "settings+xml");
	if (dx->has_head)
		override(&x, "/word/header1.xml", CT_WML "header+xml");
	override(&x, "/word/footer1.xml", CT_WML "footer+xml");
	if (dx->n_footnotes || dx->agenda_note)
		override(&x, "/word/footnotes.xml", CT_WML "footnotes+xml");
	override(&x, "/docProps/core.xml",
		 "application/vnd.openxmlformats-package.core-properties+xml");
	override(&x, "/docProps/app.xml",
		 "application/vnd.openxmlformats-officedocument.extended-properties+xml");
	end(&x);
	return xml_finish(dx, &x, "[Content_Types].xml");
}

static void optional_el(struct xml *x, const char *name, const char *s)
{
	if (s) {
		char *safe = xml_safe(s);
		text_el(x, name, safe);
		g_free(safe);
	}
}

static bool write_core(struct docx *dx)
{
	const struct doc *d = dx->d;
	struct xml x;
	xml_begin(&x);
	el(&x, "cp:coreProperties");
	attr(&x, "xmlns:cp",
	     "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	attr(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	attr(&x, "xmlns:dcterms", "http://purl.org/dc/terms/");
	attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	optional_el(&x, "dc:title", d->title);
	optional_el(&x, "dc:subject", d->subject);
	optional_el(&x, "dc:creator", d->author);
	optional_el(&x, "cp:keywords", d->keywords);
	const char *stamps[] = { "dcterms:created", "dcterms:modified" };
	for (size_t i = 0; d->date && i < G_N_ELEMENTS(stamps); i++) {
		el(&x, stamps[i]);
		attr(&x, "xsi:type", "dcterms:W3CDTF");
		char *safe = xml_safe(d->date);
		text(&x, safe);
		g_free(safe);
		end(&x);
	}
	end(&x);
	return xml_finish(dx, &x, "docProps/core.xml");
}

static bool write_app(struct docx *dx)
{
	struct xml x;
	xml_begin(&x);
	el(&x, "Properties");
	attr(&x, "xmlns",
	     "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
	optional_el(&x, "Application", dx->d->creator);
	end(&x);
	return xml_finish(dx, &x, "docProps/app.xml");
}

/* Zipping */

static void parts_free(GArray *parts)
{
	for (guint i = 0; i < parts->len; i++) {
		struct part *p = &g_array_index(parts, struct part, i);
		g_free(p->name);
		free(p->data);
	}
	g_array_free(parts, TRUE);
}

/* Moves the PNGs into DX->parts as word/media/imageN.png. */
static bool add_image(struct docx *dx, const GByteArray *bytes, guint n, const char *ext)
{
	struct part p = { g_strdup_printf("word/media/image%u.%s", n, ext),
			  malloc(bytes->len ? bytes->len : 1), bytes->len };
	if (!p.data) {
		g_free(p.name);
		return false;
	}
	memcpy(p.data, bytes->data, bytes->len);
	g_array_append_val(dx->parts, p);
	return true;
}

static bool add_images(struct docx *dx)
{
	for (guint i = 0; i < dx->images->len; i++)
		if (!add_image(dx, g_ptr_array_index(dx->images, i), i + 1, "png") ||
		    !add_image(dx, g_ptr_array_index(dx->svgs, i), i + 1, "svg"))
			return false;
	return true;
}

/* The time stamp of every member: the document's date, so that equal runs give equal files. */
static time_t stamp(const struct doc *d)
{
	GDateTime *t = d->date ? g_date_time_new_from_iso8601(d->date, NULL) : NULL;
	time_t when = t ? (time_t)g_date_time_to_unix(t) : 315532800;	/* 1980, zip's epoch */
	if (t)
		g_date_time_unref(t);
	return when;
}

/*
 * Zips DX->parts into memory, the content types first.  Returns the
 * archive's bytes (g_free) and sets *LEN, or NULL with *WHY set.
 */
static void *zip_parts(struct docx *dx, size_t *len, char **why)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &err) : NULL;
	if (!z) {
		*why = g_strdup(zip_error_strerror(&err));
		zip_error_fini(&err);
		if (src)
			zip_source_free(src);
		return NULL;
	}
	zip_source_keep(src);
	time_t when = stamp(dx->d);
	bool ok = true;
	for (guint i = 0; i < dx->parts->len && ok; i++) {
		struct part *p = &g_array_index(dx->parts, struct part, i);
		zip_source_t *s = zip_source_buffer(z, p->data, p->len, 1);
		if (!s) {
			ok = false;
			break;
		}
		p->data = NULL;	/* the source frees it */
		zip_int64_t at = zip_file_add(z, p->name, s, ZIP_FL_ENC_UTF_8);
		if (at < 0) {
			zip_source_free(s);
			ok = false;
			break;
		}
		zip_file_set_mtime(z, (zip_uint64_t)at, when, 0);
		if (g_str_has_suffix(p->name, ".png"))
			zip_set_file_compression(z, (zip_uint64_t)at, ZIP_CM_STORE, 0);
	}
	if (!ok) {
		*why = g_strdup(zip_strerror(z));
		zip_discard(z);
		zip_source_free(src);
		zip_error_fini(&err);
		return NULL;
	}
	if (zip_close(z) < 0) {
		*why = g_strdup(zip_strerror(z));
		zip_discard(z);
		zip_source_free(src);
		zip_error_fini(&err);
		return NULL;
	}
	zip_stat_t st;
	void *bytes = NULL;
	if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
	    zip_source_open(src) == 0) {
		bytes = g_malloc(st.size ? st.size : 1);
		if (zip_source_read(src, bytes, st.size) != (zip_int64_t)st.size) {
			g_free(bytes);
			bytes = NULL;
		}
		zip_source_close(src);
		*len = st.size;
	}
	if (!bytes)
		*why = g_strdup(zip_error_strerror(zip_source_error(src)));
	zip_source_free(src);
	zip_error_fini(&err);
	return bytes;
}

/* A footnote: ID, then its mark (Word's number, or MARK) and TEXT. */
static void footnote(struct docx *dx, struct xml *x, int id, const char *mark, const char *s)
{
	el(x, "w:footnote");
	attr_long(x, "w:id", id);
	struct para pp = PARA_INIT;
	pp.style = "FootnoteText";
	pp.left = 14;
	pp.hanging = 14;
	pp.tab = 14;
	pp.rtl = para_rtl(dx, s);
	para_begin(dx, x, &pp);
	el(x, "w:r");
	el(x, "w:rPr");
	val(x, "w:rStyle", "FootnoteReference");
	end(x);
	if (mark) {
		el(x, "w:t");
		text(x, mark);
		end(x);
	} else
		val(x, "w:footnoteRef", NULL);
	end(x);
	el(x, "w:r");
	val(x, "w:tab", NULL);
	end(x);
	struct run_style rs = { NULL, 0, false, false, doc_reads_rtl(s), NULL };
	runs(x, s, &rs);
	end(x);
	end(x);
}

/* The separators, then the footnotes in the order they are referred to. */
static bool write_footnotes(struct docx *dx)
{
	struct xml x;
	xml_begin(&x);
	el(&x, "w:footnotes");
	attr(&x, "xmlns:w", NS_W);
	const char *const kinds[] = { "separator", "continuationSeparator" };
	for (int i = 0; i < 2; i++) {
		el(&x, "w:footnote");
		attr(&x, "w:type", kinds[i]);
		attr_long(&x, "w:id", i - 1);
		el(&x, "w:p");
		el(&x, "w:r");
		val(&x, i == 0 ? "w:separator" : "w:continuationSeparator", NULL);
		end(&x);
		end(&x);
		end(&x);
	}
	for (guint i = 0; i < dx->d->blocks->len; i++) {
		const struct block *b = g_ptr_array_index(dx->d->blocks, i);
		if (b->kind == BLOCK_COVER && b->cover.agenda_note)
			footnote(dx, &x, 1, "*", b->cover.agenda_note);
		if (b->kind == BLOCK_PARAGRAPH && b->footnote)
			footnote(dx, &x, b->footnote_number + dx->agenda_note, NULL, b->footnote);
	}
	end(&x);
	return xml_finish(dx, &x, "word/footnotes.xml");
}

static bool has_agenda_note(const struct doc *d)
{
	for (guint i = 0; i < d->blocks->len; i++) {
		const struct block *b = g_ptr_array_index(d->blocks, i);
		if (b->kind == BLOCK_COVER && b->cover.agenda_note)
			return true;
	}
	return false;
}

int doc_write_docx(struct doc *d, const char *path)
{
	struct atomic_file *out = atomic_open(path);
	if (!out)
		return -1;
	struct docx dx = { 0 };
	dx.d = d;
	dx.parts = g_array_new(FALSE, FALSE, sizeof(struct part));
	dx.images = g_ptr_array_new_with_free_func((GDestroyNotify)g_byte_array_unref);
	dx.svgs = g_ptr_array_new_with_free_func((GDestroyNotify)g_byte_array_unref);
	dx.has_head = d->head_left || d->head_right;
	dx.rtl = i18n_is_rtl(doc_language(d));
	dx.n_footnotes = doc_number_footnotes(d);
	dx.agenda_note = has_agenda_note(d);
	/* the figures first, for the relationships to name them; then the parts in order */
	char *why = NULL;
	bool ok = render_figures(&dx);
	if (!ok)
		/* TRANSLATORS: after "cannot write the Word document: ". */
		why = g_strdup(E_("a figure could not be drawn"));
	ok = ok && write_content_types(&dx) && write_package_rels(&dx) && write_core(&dx) &&
	     write_app(&dx) && write_styles(&dx) && write_settings(&dx) &&
	     write_document_rels(&dx) && write_document(&dx) &&
	     (!dx.has_head || write_header(&dx)) && write_footer(&dx) &&
	     (!(dx.n_footnotes || dx.agenda_note) || write_footnotes(&dx)) && add_images(&dx);
	size_t len = 0;
	void *zip = ok ? zip_parts(&dx, &len, &why) : NULL;
	parts_free(dx.parts);
	g_ptr_array_free(dx.images, TRUE);
	g_ptr_array_free(dx.svgs, TRUE);
	if (!zip) {
		/* TRANSLATORS: %s is why: libzip's words (English), or a reason of quire's. */
		msg_error_at(path, 0, "cannot write the Word document: %s",
			     /* TRANSLATORS: after "cannot write the Word document: ". */
			     why ? why : E_("out of memory"));
		g_free(why);
		atomic_abort(out);
		return -1;
	}
	FILE *fp = atomic_stream(out);
	errno = 0;
	if (fwrite(zip, 1, len, fp) != len) {
		msg_error_at(path, 0, "write error: %s", g_strerror(errno ? errno : EIO));
		g_free(zip);
		atomic_abort(out);
		return -1;
	}
	g_free(zip);
	return atomic_commit(out);
}
