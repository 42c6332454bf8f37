/* chart-int.h - what the chart files share: the model's fields and the drawing kit */
#ifndef QUIRE_CHART_INT_H
#define QUIRE_CHART_INT_H

#include <stdbool.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "chart.h"
#include "chart-scale.h"

/* The model (chart.c) */

struct chart_series {
	char *label;		/* NULL for the one series of a bar or pie */
	double base;
	GArray *values;		/* double per category; missing entries are 0 */
};

struct chart_run {
	double value, count;
};

struct chart_date {
	int day;
	bool late;
};

struct chart {
	enum chart_type type;
	enum chart_label label;
	char *title, *base, *note;
	char *texts[CHART_N_TEXTS];	/* NULL: the English default */
	GPtrArray *categories;	/* char * */
	GPtrArray *series;	/* struct chart_series * */
	GArray *runs;		/* struct chart_run, in the order given */
	GArray *dates;		/* struct chart_date, in the order given */
	int cutoff;		/* INT_MAX when none */
	size_t window_first, window_last;	/* the rows drawn (chart_set_window); last 0: all */
};

static inline size_t chart_n_categories(const struct chart *c)
{
	return c->categories->len;
}

/* The rows of C's N to lay out and draw: [*FIRST, *LAST), all unless a window is set. */
static inline void chart_window(const struct chart *c, size_t n, size_t *first, size_t *last)
{
	*last = c->window_last ? MIN(c->window_last, n) : n;
	*first = MIN(c->window_first, *last);
}

static inline size_t chart_n_series(const struct chart *c)
{
	return c->series->len;
}

static inline const struct chart_series *chart_series_at(const struct chart *c, size_t i)
{
	return g_ptr_array_index(c->series, i);
}

static inline const char *chart_category(const struct chart *c, size_t i)
{
	return g_ptr_array_index(c->categories, i);
}

/* The count of CATEGORY in SERIES (0 when unset). */
double chart_value(const struct chart *c, size_t series, size_t category);
/*
 * What a series' counts are out of: its base, or their sum when it has
 * none.  (A select_multiple's counts sum past its base.)
 */
double chart_series_total(const struct chart *c, size_t series);
/* The sum of a series' counts: the whole of a 100% stacked bar. */
double chart_series_sum(const struct chart *c, size_t series);
/* The text WHICH with "{k}", "{n}" and "{date}" replaced (each may be NULL); g_free() it. */
char *chart_words(const struct chart *c, enum chart_text which, const char *k, const char *n,
		  const char *date);
/* K out of N as the chart's labels ask: "7 of 9" or "78%"; g_free() it. */
char *chart_value_label(const struct chart *c, double k, double n);
/* The label of a segment of a stacked bar: K alone ("7"), or its percentage of N. */
char *chart_segment_label(const struct chart *c, double k, double n);
/* "30 Jun 2019" (FULL) or "30 Jun", in the chart's month names; g_free() it. */
char *chart_date_label(const struct chart *c, int day, bool with_year);
/* The month name of MONTH (1-12) in the chart's words; g_free() it. */
char *chart_month_name(const struct chart *c, int month);

/* The drawing kit (chart-draw.c) */

/* Sizes, in points. */
#define CHART_MARGIN 14.0	/* around the whole chart */
#define CHART_GAP 6.0		/* between a label and what it labels */
#define CHART_LINE 0.75		/* axis and leader lines */

enum chart_font {
	CHART_FONT_TITLE,	/* Noto Sans Bold 11 */
	CHART_FONT_BASE,	/* Noto Sans 9 */
	CHART_FONT_LABEL,	/* Noto Sans 9: categories, series */
	CHART_FONT_VALUE,	/* Noto Sans Bold 8.5: counts and shares */
	CHART_FONT_TICK,	/* Noto Sans 8: axis ticks */
	CHART_FONT_NOTE,	/* Noto Sans Italic 8 */
	CHART_FONT_BIG,		/* Noto Sans Bold 16: the donut's centre */
	CHART_N_FONTS,
};

/* Alignment as it looks on the page, whatever the direction of the script. */
enum chart_align {
	CHART_ALIGN_LEFT,
	CHART_ALIGN_CENTER,
	CHART_ALIGN_RIGHT,
};

struct chart_rgb {
	double r, g, b;
};

/* Ink for text, axes and grids; the colours of the theme. */
extern const struct chart_rgb chart_ink, chart_ink_soft, chart_axis, chart_grid, chart_track,
	chart_white;

/*
 * Colour I of the Okabe-Ito palette (colour-blind safe), starting with
 * blue; past its eight colours, lighter tints of them.
 */
struct chart_rgb chart_colour(size_t i);
/* Whether text on FILL should be white rather than dark. */
bool chart_colour_is_dark(struct chart_rgb fill);

/*
 * A drawing context: the chart, the cairo context (NULL while only
 * measuring) and the Pango context every layout is made in.  Layouts are
 * measured and drawn alike at any scale: no hinting, no rounding.
 */
struct chart_dc {
	const struct chart *c;
	cairo_t *cr;
	PangoContext *pango;
	PangoFontDescription *fonts[CHART_N_FONTS];
	/*
	 * In a language written right to left the chart is drawn mirrored
	 * (chart_draw()): categories and their labels on the right, bars
	 * growing to the left, a time axis running right to left.  Shapes are
	 * mirrored by the drawing matrix; text is not, only moved to its
	 * mirrored place with its alignment swapped (chart_text(),
	 * chart_text_show()).  MIRROR_WIDTH is the width mirrored about; 0
	 * while measuring or left to right.
	 */
	bool rtl;
	double mirror_width;
};

/*
 * A layout of TEXT in FONT.  WIDTH > 0 wraps it at word (or, failing
 * that, character) boundaries to WIDTH points and aligns each line by
 * ALIGN within WIDTH; WIDTH <= 0 leaves it on one line.  Free it with
 * g_object_unref().
 */
PangoLayout *chart_text(struct chart_dc *dc, enum chart_font font, const char *text,
			double width, enum chart_align align);
/* The logical width and height of L in points. */
double chart_text_width(PangoLayout *l);
double chart_text_height(PangoLayout *l);
/* The natural (unwrapped) width of TEXT in FONT. */
double chart_text_natural(struct chart_dc *dc, enum chart_font font, const char *text);
/* Draws L with its logical top-left corner at X, Y (nothing while measuring). */
void chart_text_show(struct chart_dc *dc, PangoLayout *l, double x, double y,
		     struct chart_rgb colour);
/* Measures, draws at X, Y and frees, in one: returns the height used. */
double chart_text_put(struct chart_dc *dc, enum chart_font font, const char *text, double x,
		      double y, double width, enum chart_align align, struct chart_rgb colour);

void chart_set_colour(struct chart_dc *dc, struct chart_rgb colour);
/* A straight line from X0, Y0 to X1, Y1. */
void chart_line(struct chart_dc *dc, double x0, double y0, double x1, double y1, double width,
		struct chart_rgb colour);
void chart_fill_rect(struct chart_dc *dc, double x, double y, double w, double h,
		     struct chart_rgb colour);

/*
 * Value axes.  A horizontal one maps A onto X .. X + W, with grid lines
 * from TOP down to BOTTOM and the tick labels under BOTTOM, each followed
 * by SUFFIX (e.g. "%"; may be NULL).  A vertical one maps A onto BOTTOM
 * .. BOTTOM - H, with grid lines from LEFT to RIGHT and the tick labels
 * before LEFT.  The _height and _width functions measure the labels.
 */
double chart_haxis_height(struct chart_dc *dc);
void chart_haxis(struct chart_dc *dc, const struct chart_axis *a, const char *suffix, double x,
		 double w, double top, double bottom);
double chart_vaxis_width(struct chart_dc *dc, const struct chart_axis *a);
void chart_vaxis(struct chart_dc *dc, const struct chart_axis *a, double left, double right,
		 double bottom, double h);

/*
 * A legend: swatches of the palette's colours followed by LABELS, laid
 * out in rows that wrap within WIDTH.  Returns its height; draws it at X,
 * Y unless measuring.
 */
double chart_legend(struct chart_dc *dc, char *const *labels, size_t n, double x, double y,
		    double width);
/* Only measures the legend, even while drawing. */
double chart_legend_height(struct chart_dc *dc, char *const *labels, size_t n, double width);

/*
 * The plots of each type: the natural height of the plot WIDTH wide, and
 * drawing it into X, Y, W, H.
 */
double chart_bar_height(struct chart_dc *dc, double width);
void chart_bar_draw(struct chart_dc *dc, double x, double y, double w, double h);
double chart_stacked_height(struct chart_dc *dc, double width);
void chart_stacked_draw(struct chart_dc *dc, double x, double y, double w, double h);
double chart_grouped_height(struct chart_dc *dc, double width);
void chart_grouped_draw(struct chart_dc *dc, double x, double y, double w, double h);
double chart_pie_height(struct chart_dc *dc, double width);
void chart_pie_draw(struct chart_dc *dc, double x, double y, double w, double h);
double chart_numeric_height(struct chart_dc *dc, double width);
void chart_numeric_draw(struct chart_dc *dc, double x, double y, double w, double h);
double chart_timeline_height(struct chart_dc *dc, double width);
void chart_timeline_draw(struct chart_dc *dc, double x, double y, double w, double h);

/* A context for measuring and drawing C on CR (NULL: measure only); release it after. */
void chart_dc_init(struct chart_dc *dc, const struct chart *c, cairo_t *cr);
void chart_dc_release(struct chart_dc *dc);

#endif
