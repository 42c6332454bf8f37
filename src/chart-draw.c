/* chart-draw.c - the frame every chart shares (title, base, note) and the drawing kit */
#include <config.h>
#include "chart.h"

#include <math.h>

#include "chart-int.h"
#include "chart-scale.h"
#include "i18n.h"
#include "typeface.h"

/* Theme */

const struct chart_rgb chart_ink = { 0.13, 0.13, 0.13 };
const struct chart_rgb chart_ink_soft = { 0.33, 0.33, 0.33 };
const struct chart_rgb chart_axis = { 0.45, 0.45, 0.45 };
const struct chart_rgb chart_grid = { 0.87, 0.87, 0.87 };
const struct chart_rgb chart_track = { 0.94, 0.94, 0.94 };
const struct chart_rgb chart_white = { 1, 1, 1 };

/* Okabe & Ito (2008), "Color Universal Design", in an order that keeps neighbours apart. */
static const struct chart_rgb palette[] = {
	{ 0 / 255.0, 114 / 255.0, 178 / 255.0 },	/* blue */
	{ 230 / 255.0, 159 / 255.0, 0 / 255.0 },	/* orange */
	{ 0 / 255.0, 158 / 255.0, 115 / 255.0 },	/* bluish green */
	{ 204 / 255.0, 121 / 255.0, 167 / 255.0 },	/* reddish purple */
	{ 86 / 255.0, 180 / 255.0, 233 / 255.0 },	/* sky blue */
	{ 213 / 255.0, 94 / 255.0, 0 / 255.0 },	/* vermillion */
	{ 240 / 255.0, 228 / 255.0, 66 / 255.0 },	/* yellow */
	{ 0.40, 0.40, 0.40 },				/* black, softened to grey */
};

static const char *const font_names[CHART_N_FONTS] = {
	[CHART_FONT_TITLE] = TYPEFACE_SANS " Bold 11",
	[CHART_FONT_BASE] = TYPEFACE_SANS " 9",
	[CHART_FONT_LABEL] = TYPEFACE_SANS " 9",
	[CHART_FONT_VALUE] = TYPEFACE_SANS " Bold 8.5",
	[CHART_FONT_TICK] = TYPEFACE_SANS " 8",
	[CHART_FONT_NOTE] = TYPEFACE_SANS " Italic 8",
	[CHART_FONT_BIG] = TYPEFACE_SANS " Bold 16",
};

struct chart_rgb chart_colour(size_t i)
{
	struct chart_rgb c = palette[i % G_N_ELEMENTS(palette)];
	/* Past the palette, tints: halfway to white, then three quarters. */
	double t = 1 - pow(0.5, (double)(i / G_N_ELEMENTS(palette)));
	c.r += (1 - c.r) * t;
	c.g += (1 - c.g) * t;
	c.b += (1 - c.b) * t;
	return c;
}

static double channel(double v)
{
	return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(struct chart_rgb c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

bool chart_colour_is_dark(struct chart_rgb fill)
{
	/* Whichever of white and the ink contrasts more (WCAG contrast ratio). */
	double l = luminance(fill);
	return 1.05 / (l + 0.05) > (l + 0.05) / (luminance(chart_ink) + 0.05);
}

/* The drawing context */

void chart_dc_init(struct chart_dc *dc, const struct chart *c, cairo_t *cr)
{
	dc->c = c;
	dc->cr = cr;
	dc->rtl = i18n_is_rtl(i18n_language());
	dc->mirror_width = 0;
	dc->pango = pango_font_map_create_context(pango_cairo_font_map_get_default());
	typeface_set_context(dc->pango);
	for (int i = 0; i < CHART_N_FONTS; i++)
		dc->fonts[i] = pango_font_description_from_string(font_names[i]);
}

void chart_dc_release(struct chart_dc *dc)
{
	for (int i = 0; i < CHART_N_FONTS; i++)
		pango_font_description_free(dc->fonts[i]);
	g_object_unref(dc->pango);
}

/* Text */

static bool is_rtl(PangoLayout *l)
{
	PangoLayoutLine *line = pango_layout_get_line_readonly(l, 0);
	return line && line->resolved_dir == PANGO_DIRECTION_RTL;
}

PangoLayout *chart_text(struct chart_dc *dc, enum chart_font font, const char *text,
			double width, enum chart_align align)
{
	PangoLayout *l = pango_layout_new(dc->pango);
	pango_layout_set_font_description(l, dc->fonts[font]);
	pango_layout_set_auto_dir(l, TRUE);
	pango_layout_set_text(l, text ? text : "", -1);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		/*
		 * With auto-dir Pango reads LEFT and RIGHT relative to a
		 * paragraph's direction; swap them for a right-to-left one so the
		 * text lands where asked (an Arabic label beside a bar, say).
		 */
		if (dc->rtl && align != CHART_ALIGN_CENTER)	/* mirrored: the other side */
			align = align == CHART_ALIGN_RIGHT ? CHART_ALIGN_LEFT : CHART_ALIGN_RIGHT;
		PangoAlignment a = align == CHART_ALIGN_CENTER ? PANGO_ALIGN_CENTER
				 : (align == CHART_ALIGN_RIGHT) != is_rtl(l) ? PANGO_ALIGN_RIGHT
									     : PANGO_ALIGN_LEFT;
		pango_layout_set_alignment(l, a);
	}
	return l;
}

double chart_text_width(PangoLayout *l)
{
	PangoRectangle logical;
	pango_layout_get_extents(l, NULL, &logical);
	return (double)logical.width / PANGO_SCALE;
}

double chart_text_height(PangoLayout *l)
{
	PangoRectangle logical;
	pango_layout_get_extents(l, NULL, &logical);
	return (double)logical.height / PANGO_SCALE;
}

double chart_text_natural(struct chart_dc *dc, enum chart_font font, const char *text)
{
	PangoLayout *l = chart_text(dc, font, text, 0, CHART_ALIGN_LEFT);
	double w = chart_text_width(l);
	g_object_unref(l);
	return w;
}

void chart_text_show(struct chart_dc *dc, PangoLayout *l, double x, double y,
		     struct chart_rgb colour)
{
	if (!dc->cr)
		return;
	chart_set_colour(dc, colour);
	if (dc->mirror_width <= 0) {
		cairo_move_to(dc->cr, x, y);
		pango_cairo_show_layout(dc->cr, l);
		return;
	}
	/* Undo the mirroring matrix, and draw at the mirrored place. */
	double w = pango_units_to_double(pango_layout_get_width(l));
	if (w < 0)
		w = chart_text_width(l);
	cairo_save(dc->cr);
	cairo_scale(dc->cr, -1, 1);
	cairo_translate(dc->cr, -dc->mirror_width, 0);
	cairo_move_to(dc->cr, dc->mirror_width - x - w, y);
	pango_cairo_show_layout(dc->cr, l);
	cairo_restore(dc->cr);
}

double chart_text_put(struct chart_dc *dc, enum chart_font font, const char *text, double x,
		      double y, double width, enum chart_align align, struct chart_rgb colour)
{
	PangoLayout *l = chart_text(dc, font, text, width, align);
	double h = chart_text_height(l);
	chart_text_show(dc, l, x, y, colour);
	g_object_unref(l);
	return h;
}

/* Shapes */

void chart_set_colour(struct chart_dc *dc, struct chart_rgb colour)
{
	if (dc->cr)
		cairo_set_source_rgb(dc->cr, colour.r, colour.g, colour.b);
}

void chart_line(struct chart_dc *dc, double x0, double y0, double x1, double y1, double width,
		struct chart_rgb colour)
{
	if (!dc->cr)
		return;
	chart_set_colour(dc, colour);
	cairo_set_line_width(dc->cr, width);
	cairo_move_to(dc->cr, x0, y0);
	cairo_line_to(dc->cr, x1, y1);
	cairo_stroke(dc->cr);
}

void chart_fill_rect(struct chart_dc *dc, double x, double y, double w, double h,
		     struct chart_rgb colour)
{
	if (!dc->cr || w <= 0 || h <= 0)
		return;
	chart_set_colour(dc, colour);
	cairo_rectangle(dc->cr, x, y, w, h);
	cairo_fill(dc->cr);
}

/* Axes */

#define TICK 3.0		/* length of a tick mark */

static char *tick_label(const struct chart_axis *a, int i, const char *suffix)
{
	char buf[64];
	chart_scale_format(chart_axis_tick(a, i), a->decimals, buf, sizeof buf);
	return g_strconcat(buf, suffix ? suffix : "", NULL);
}

double chart_haxis_height(struct chart_dc *dc)
{
	PangoLayout *l = chart_text(dc, CHART_FONT_TICK, "0", 0, CHART_ALIGN_LEFT);
	double h = TICK + 1 + chart_text_height(l);
	g_object_unref(l);
	return h;
}

void chart_haxis(struct chart_dc *dc, const struct chart_axis *a, const char *suffix, double x,
		 double w, double top, double bottom)
{
	for (int i = 0; i < a->n_ticks; i++) {
		double tx = x + chart_axis_fraction(a, chart_axis_tick(a, i)) * w;
		chart_line(dc, tx, top, tx, bottom, 0.5, chart_grid);
		chart_line(dc, tx, bottom, tx, bottom + TICK, CHART_LINE, chart_axis);
		char *s = tick_label(a, i, suffix);
		PangoLayout *l = chart_text(dc, CHART_FONT_TICK, s, 0, CHART_ALIGN_LEFT);
		chart_text_show(dc, l, tx - chart_text_width(l) / 2, bottom + TICK + 1,
				chart_ink_soft);
		g_object_unref(l);
		g_free(s);
	}
	chart_line(dc, x, bottom, x + w, bottom, CHART_LINE, chart_axis);
}

double chart_vaxis_width(struct chart_dc *dc, const struct chart_axis *a)
{
	double w = 0;
	for (int i = 0; i < a->n_ticks; i++) {
		char *s = tick_label(a, i, NULL);
		w = MAX(w, chart_text_natural(dc, CHART_FONT_TICK, s));
		g_free(s);
	}
	return w + TICK + 2;
}

void chart_vaxis(struct chart_dc *dc, const struct chart_axis *a, double left, double right,
		 double bottom, double h)
{
	for (int i = 0; i < a->n_ticks; i++) {
		double ty = bottom - chart_axis_fraction(a, chart_axis_tick(a, i)) * h;
		if (i > 0)
			chart_line(dc, left, ty, right, ty, 0.5, chart_grid);
		chart_line(dc, left - TICK, ty, left, ty, CHART_LINE, chart_axis);
		char *s = tick_label(a, i, NULL);
		PangoLayout *l = chart_text(dc, CHART_FONT_TICK, s, 0, CHART_ALIGN_LEFT);
		chart_text_show(dc, l, left - TICK - 2 - chart_text_width(l),
				ty - chart_text_height(l) / 2, chart_ink_soft);
		g_object_unref(l);
		g_free(s);
	}
	chart_line(dc, left, bottom, left, bottom - h, CHART_LINE, chart_axis);
}

/* Legend */

#define SWATCH 9.0

double chart_legend(struct chart_dc *dc, char *const *labels, size_t n, double x, double y,
		    double width)
{
	double cx = 0, row_y = 0, row_h = 0;
	for (size_t i = 0; i < n; i++) {
		double room = width - SWATCH - 4;
		PangoLayout *l = chart_text(dc, CHART_FONT_LABEL, labels[i], 0, CHART_ALIGN_LEFT);
		if (chart_text_width(l) > room) {
			g_object_unref(l);
			l = chart_text(dc, CHART_FONT_LABEL, labels[i], room, CHART_ALIGN_LEFT);
		}
		double item = SWATCH + 4 + chart_text_width(l);
		if (cx > 0 && cx + item > width) {
			row_y += row_h + 3;
			cx = row_h = 0;
		}
		double th = chart_text_height(l);
		/* The swatch sits on the first line of the label. */
		double line_h = MIN(th, 13.0);
		chart_fill_rect(dc, x + cx, y + row_y + (line_h - SWATCH) / 2, SWATCH, SWATCH,
				chart_colour(i));
		chart_text_show(dc, l, x + cx + SWATCH + 4, y + row_y, chart_ink);
		cx += item + 14;
		row_h = MAX(row_h, th);
		g_object_unref(l);
	}
	return n ? row_y + row_h : 0;
}

double chart_legend_height(struct chart_dc *dc, char *const *labels, size_t n, double width)
{
	struct chart_dc measure = *dc;
	measure.cr = NULL;
	return chart_legend(&measure, labels, n, 0, 0, width);
}

/* The frame: title, base, plot, note */

#define EMPTY_HEIGHT 64.0
#define MIN_WIDTH 160.0

static double plot_height(struct chart_dc *dc, double width)
{
	if (chart_is_empty(dc->c))
		return EMPTY_HEIGHT;
	switch (dc->c->type) {
	case CHART_BAR: return chart_bar_height(dc, width);
	case CHART_STACKED: return chart_stacked_height(dc, width);
	case CHART_GROUPED: return chart_grouped_height(dc, width);
	case CHART_PIE:
	case CHART_DONUT: return chart_pie_height(dc, width);
	case CHART_HISTOGRAM:
	case CHART_DOTPLOT: return chart_numeric_height(dc, width);
	case CHART_TIMELINE: return chart_timeline_height(dc, width);
	}
	return EMPTY_HEIGHT;
}

static void draw_empty(struct chart_dc *dc, double x, double y, double w, double h)
{
	if (dc->cr) {
		cairo_set_source_rgb(dc->cr, chart_track.r, chart_track.g, chart_track.b);
		cairo_rectangle(dc->cr, x, y, w, h);
		cairo_fill(dc->cr);
	}
	char *s = chart_words(dc->c, CHART_TEXT_NO_DATA, NULL, NULL, NULL);
	PangoLayout *l = chart_text(dc, CHART_FONT_LABEL, s, w - 2 * CHART_GAP, CHART_ALIGN_CENTER);
	chart_text_show(dc, l, x + CHART_GAP, y + (h - chart_text_height(l)) / 2, chart_ink_soft);
	g_object_unref(l);
	g_free(s);
}

static void draw_plot(struct chart_dc *dc, double x, double y, double w, double h)
{
	if (chart_is_empty(dc->c)) {
		draw_empty(dc, x, y, w, h);
		return;
	}
	switch (dc->c->type) {
	case CHART_BAR: chart_bar_draw(dc, x, y, w, h); break;
	case CHART_STACKED: chart_stacked_draw(dc, x, y, w, h); break;
	case CHART_GROUPED: chart_grouped_draw(dc, x, y, w, h); break;
	case CHART_PIE:
	case CHART_DONUT: chart_pie_draw(dc, x, y, w, h); break;
	case CHART_HISTOGRAM:
	case CHART_DOTPLOT: chart_numeric_draw(dc, x, y, w, h); break;
	case CHART_TIMELINE: chart_timeline_draw(dc, x, y, w, h); break;
	}
}

/* Title and base, drawn at X, Y unless measuring; returns their height and the gap after. */
static double header(struct chart_dc *dc, double x, double y, double width)
{
	double h = 0;
	if (dc->c->title)
		h += chart_text_put(dc, CHART_FONT_TITLE, dc->c->title, x, y, width,
				    CHART_ALIGN_LEFT, chart_ink) + 2;
	if (dc->c->base)
		h += chart_text_put(dc, CHART_FONT_BASE, dc->c->base, x, y + h, width,
				    CHART_ALIGN_LEFT, chart_ink_soft);
	return h ? h + 12 : 0;
}

static double footer(struct chart_dc *dc, double x, double y, double width)
{
	if (!dc->c->note)
		return 0;
	return 10 + chart_text_put(dc, CHART_FONT_NOTE, dc->c->note, x, y + 10, width,
				   CHART_ALIGN_LEFT, chart_ink_soft);
}

/*
 * The margins above and below: less without a title, as under a caption
 * that a document sets over the chart ("Figure 3. ..."), which says what
 * the title would and keeps its own space, as the note under it does.
 */
static double top_margin(const struct chart_dc *dc)
{
	return dc->c->title ? CHART_MARGIN : CHART_MARGIN / 3;
}

static double bottom_margin(const struct chart_dc *dc)
{
	return top_margin(dc);
}

static double natural_height(struct chart_dc *dc, double width)
{
	double inner = width - 2 * CHART_MARGIN;
	return top_margin(dc) + bottom_margin(dc) + header(dc, 0, 0, inner) + plot_height(dc, inner) +
	       footer(dc, 0, 0, inner);
}

double chart_natural_height(const struct chart *c, double width)
{
	struct chart_dc dc;
	chart_dc_init(&dc, c, NULL);
	double h = natural_height(&dc, MAX(width, MIN_WIDTH));
	chart_dc_release(&dc);
	return h * (width < MIN_WIDTH ? width / MIN_WIDTH : 1);
}

void chart_release_caches(void)
{
	PangoFontMap *map = pango_cairo_font_map_get_default();
	g_object_ref(map);
	pango_cairo_font_map_set_default(NULL);
	/*
	 * Pango matches and sorts fonts in worker threads that hold the font
	 * map while they run.  Freed while one still does, the map would only
	 * go when that thread lets go of it, after quire may have exited; wait
	 * for them (at most 5 s), so that it goes here and now.
	 */
	for (int waited_ms = 0; waited_ms < 5000 && g_atomic_int_get(&G_OBJECT(map)->ref_count) > 1;
	     waited_ms++)
		g_usleep(1000);
	g_object_unref(map);
}

cairo_status_t chart_draw(const struct chart *c, cairo_t *cr, double x, double y, double width,
			  double height)
{
	cairo_status_t st = cairo_status(cr);
	if (st != CAIRO_STATUS_SUCCESS)
		return st;
	struct chart_dc dc;
	chart_dc_init(&dc, c, NULL);
	/*
	 * Too narrow, or less than the natural height: lay out in a larger
	 * box and scale the whole chart down, so nothing collides or clips.
	 */
	double w = MAX(width, MIN_WIDTH);
	double scale = width / w;
	double natural = natural_height(&dc, w);
	if (height > 0 && height < natural * scale)
		scale = height / natural;
	w = width / scale;
	double h = MAX(height / scale, natural_height(&dc, w));

	double inner = w - 2 * CHART_MARGIN;
	double note_h = footer(&dc, 0, 0, inner);
	dc.cr = cr;
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, scale, scale);
	if (dc.rtl) {
		cairo_translate(cr, w, 0);
		cairo_scale(cr, -1, 1);
		dc.mirror_width = w;
	}
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
	cairo_set_dash(cr, NULL, 0, 0);
	double top = top_margin(&dc) + header(&dc, CHART_MARGIN, top_margin(&dc), inner);
	double plot_h = h - top - bottom_margin(&dc) - note_h;
	draw_plot(&dc, CHART_MARGIN, top, inner, plot_h);
	footer(&dc, CHART_MARGIN, top + plot_h, inner);
	cairo_restore(cr);
	chart_dc_release(&dc);
	return cairo_status(cr);
}
