/* chart-timeline.c - replies received over time, cumulated, with the cut-off marked */
#include <config.h>
#include "chart.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart-int.h"
#include "chart-scale.h"
#include "i18n.h"
#include "isodate.h"

/*
 * A step line climbs by one for each reply on the day it was received.
 * Replies by the cut-off are solid blue with round markers; late ones are
 * dashed vermilion with hollow diamonds, so they differ in shape and
 * stroke as well as colour.  The cut-off is a dashed vertical line at the
 * end of its day, named in a band above the plot, and the counts on each
 * side of it are written beside the line:
 *
 *                      Cut-off 30 Jun 2019
 *                             :       2 late
 *                  9 by the cut-off  ◇- - -◇
 *               ●-------------●
 *          ●----+             :
 *     -----+                  :
 *     Apr     May     Jun     Jul     Aug
 */

#define PLOT_HEIGHT 160.0
#define BAND 16.0		/* above the plot, for the cut-off's name */
#define MARK 3.2		/* marker radius */

struct timeline {
	struct chart_date *dates;	/* sorted by day */
	size_t n;
	int first, last;	/* the days the x axis spans */
	size_t on_time, late;
};

static int compare_dates(gconstpointer a, gconstpointer b)
{
	const struct chart_date *x = a, *y = b;
	if (x->day != y->day)
		return (x->day > y->day) - (x->day < y->day);
	return (int)x->late - (int)y->late;
}

static void timeline_init(struct timeline *t, const struct chart *c)
{
	t->n = c->dates->len;
	t->dates = g_new(struct chart_date, t->n + 1);
	memcpy(t->dates, c->dates->data, t->n * sizeof(struct chart_date));
	qsort(t->dates, t->n, sizeof(struct chart_date), compare_dates);
	t->on_time = t->late = 0;
	for (size_t i = 0; i < t->n; i++)
		t->dates[i].late ? t->late++ : t->on_time++;
	int lo = t->dates[0].day, hi = t->dates[t->n - 1].day;
	if (c->cutoff != INT_MAX) {
		lo = MIN(lo, c->cutoff);
		hi = MAX(hi, c->cutoff + 1);
	}
	/* A little room either side, so the first and last steps are seen. */
	int pad = MAX(2, (hi - lo) / 25);
	t->first = lo - pad;
	t->last = hi + pad;
}

double chart_timeline_height(struct chart_dc *dc, double width)
{
	(void)width;
	return BAND + PLOT_HEIGHT + chart_haxis_height(dc) + 2;
}

struct frame {
	double left, w, bottom, h;
	int first, last;
	struct chart_axis counts;
};

static double fx(const struct frame *f, double day)
{
	return f->left + (day - f->first) / (f->last - f->first) * f->w;
}

static double fy(const struct frame *f, double count)
{
	return f->bottom - chart_axis_fraction(&f->counts, count) * f->h;
}

static void date_axis(struct chart_dc *dc, const struct frame *f)
{
	int ticks[16];
	enum chart_date_unit unit;
	int max = (int)CLAMP(f->w / 62, 2, 12);
	int n = chart_scale_date_ticks(f->first, f->last, max, ticks, &unit);
	for (int i = 0; i < n; i++) {
		double tx = fx(f, ticks[i]);
		int y, m, d;
		isodate_split(ticks[i], &y, &m, &d);
		char *s;
		if (unit == CHART_YEARS) {
			s = g_strdup_printf("%d", y);
		} else if (unit == CHART_MONTHS) {
			char *name = chart_month_name(dc->c, m);
			if (i == 0 || m == 1)
				/*
				 * TRANSLATORS: under a chart's time axis: a month's abbreviated
				 * name and its year, "Jan 2019".
				 */
				s = g_strdup_printf(_("%s %d"), name, y);
			else
				s = g_strdup(name);
			g_free(name);
		} else {
			s = chart_date_label(dc->c, ticks[i], false);
		}
		chart_line(dc, tx, f->bottom - f->h, tx, f->bottom, 0.5, chart_grid);
		chart_line(dc, tx, f->bottom, tx, f->bottom + 3, CHART_LINE, chart_axis);
		PangoLayout *l = chart_text(dc, CHART_FONT_TICK, s, 0, CHART_ALIGN_LEFT);
		chart_text_show(dc, l, tx - chart_text_width(l) / 2, f->bottom + 4, chart_ink_soft);
		g_object_unref(l);
		g_free(s);
	}
	chart_line(dc, f->left, f->bottom, f->left + f->w, f->bottom, CHART_LINE, chart_axis);
}

static void set_style(struct chart_dc *dc, bool late)
{
	static const double dash[] = { 4, 2.5 };
	chart_set_colour(dc, chart_colour(late ? 5 : 0));
	cairo_set_line_width(dc->cr, 1.6);
	cairo_set_dash(dc->cr, dash, late ? 2 : 0, 0);
}

static void stroke_run(struct chart_dc *dc, double x0, double x1, double y, bool late)
{
	if (x1 <= x0)
		return;
	set_style(dc, late);
	cairo_move_to(dc->cr, x0, y);
	cairo_line_to(dc->cr, x1, y);
	cairo_stroke(dc->cr);
}

/*
 * The steps: along at the old count to the day of a reply, then up to the
 * new one.  A stretch is drawn late from the cut-off on.
 */
static void draw_steps(struct chart_dc *dc, const struct timeline *t, const struct frame *f,
		       int cutoff)
{
	double cut = cutoff != INT_MAX ? fx(f, cutoff + 0.5) : INFINITY;
	double x = fx(f, f->first), y = fy(f, 0);
	/* After the last reply the line runs on to the cut-off, if later, and stops. */
	double end = MAX(x, cutoff != INT_MAX ? cut : x);
	for (size_t i = 0; i <= t->n; i++) {
		double nx = i < t->n ? fx(f, t->dates[i].day) : MAX(x, end);
		stroke_run(dc, x, MIN(nx, cut), y, false);
		stroke_run(dc, MAX(x, cut), nx, y, true);
		if (i == t->n)
			break;
		double ny = fy(f, (double)i + 1);
		set_style(dc, t->dates[i].late);
		cairo_move_to(dc->cr, nx, y);
		cairo_line_to(dc->cr, nx, ny);
		cairo_stroke(dc->cr);
		x = nx;
		y = ny;
	}
	cairo_set_dash(dc->cr, NULL, 0, 0);
}

static void draw_marker(struct chart_dc *dc, double x, double y, bool late)
{
	cairo_t *cr = dc->cr;
	if (late) {
		double r = MARK * 1.25;
		cairo_move_to(cr, x, y - r);
		cairo_line_to(cr, x + r, y);
		cairo_line_to(cr, x, y + r);
		cairo_line_to(cr, x - r, y);
		cairo_close_path(cr);
		chart_set_colour(dc, chart_white);
		cairo_fill_preserve(cr);
		chart_set_colour(dc, chart_colour(5));
		cairo_set_line_width(cr, 1.3);
		cairo_stroke(cr);
	} else {
		cairo_arc(cr, x, y, MARK, 0, 2 * G_PI);
		chart_set_colour(dc, chart_colour(0));
		cairo_fill(cr);
	}
}

/* One marker per day and kind, at the count reached that day. */
static void draw_markers(struct chart_dc *dc, const struct timeline *t, const struct frame *f)
{
	for (size_t i = 0; i < t->n; i++) {
		bool last_of_day = i + 1 == t->n || t->dates[i + 1].day != t->dates[i].day ||
				   t->dates[i + 1].late != t->dates[i].late;
		if (last_of_day)
			draw_marker(dc, fx(f, t->dates[i].day), fy(f, (double)i + 1),
				    t->dates[i].late);
	}
}

static void draw_cutoff(struct chart_dc *dc, const struct frame *f, int cutoff, double band_y)
{
	static const double dash[] = { 2, 2 };
	double x = fx(f, cutoff + 0.5);
	if (dc->cr) {
		chart_set_colour(dc, chart_ink_soft);
		cairo_set_line_width(dc->cr, 0.9);
		cairo_set_dash(dc->cr, dash, 2, 0);
		cairo_move_to(dc->cr, x, band_y + 2);
		cairo_line_to(dc->cr, x, f->bottom);
		cairo_stroke(dc->cr);
		cairo_set_dash(dc->cr, NULL, 0, 0);
	}
	char *date = chart_date_label(dc->c, cutoff, true);
	char *s = chart_words(dc->c, CHART_TEXT_CUTOFF, NULL, NULL, date);
	PangoLayout *l = chart_text(dc, CHART_FONT_LABEL, s, 0, CHART_ALIGN_LEFT);
	double tw = chart_text_width(l);
	/* Right of the line if it fits, else left of it. */
	double tx = x + 4 + tw <= f->left + f->w ? x + 4 : x - 4 - tw;
	chart_text_show(dc, l, tx, band_y, chart_ink);
	g_object_unref(l);
	g_free(s);
	g_free(date);
}

/*
 * Writes TEXT above the level Y, clear of the markers on it, its right end
 * at RIGHT but not left of LEFT.
 */
static void annotate(struct chart_dc *dc, const char *text, double right, double left, double y,
		     struct chart_rgb colour)
{
	PangoLayout *l = chart_text(dc, CHART_FONT_VALUE, text, 0, CHART_ALIGN_LEFT);
	double tx = MAX(left, right - chart_text_width(l));
	chart_text_show(dc, l, tx, y - chart_text_height(l) - MARK * 1.25 - 3, colour);
	g_object_unref(l);
}

static void draw_counts(struct chart_dc *dc, const struct timeline *t, const struct frame *f)
{
	const struct chart *c = dc->c;
	char k[32];
	double end = t->n ? fx(f, t->dates[t->n - 1].day) : f->left;
	if (c->cutoff == INT_MAX) {
		chart_scale_format_count((double)t->n, k, sizeof k);
		char *s = chart_words(c, CHART_TEXT_TOTAL, k, NULL, NULL);
		annotate(dc, s, end, f->left, fy(f, (double)t->n), chart_ink);
		g_free(s);
		return;
	}
	double cut = fx(f, c->cutoff + 0.5);
	chart_scale_format_count((double)t->on_time, k, sizeof k);
	char *s = chart_words(c, CHART_TEXT_ON_TIME, k, NULL, NULL);
	annotate(dc, s, cut - 5, f->left, fy(f, (double)t->on_time), chart_colour(0));
	g_free(s);
	if (t->late) {
		chart_scale_format_count((double)t->late, k, sizeof k);
		s = chart_words(c, CHART_TEXT_LATE, k, NULL, NULL);
		annotate(dc, s, end + MARK * 1.25, cut + 5, fy(f, (double)t->n), chart_colour(5));
		g_free(s);
	}
}

void chart_timeline_draw(struct chart_dc *dc, double x, double y, double w, double h)
{
	struct timeline t;
	timeline_init(&t, dc->c);
	struct frame f;
	f.first = t.first;
	f.last = t.last;
	f.bottom = y + h - chart_haxis_height(dc) - 2;
	f.h = f.bottom - y - BAND - 4;
	/* Headroom over the last count, for the words written above it. */
	f.counts = chart_scale_axis(0, (double)t.n * 1.15 + 0.5, (int)CLAMP(f.h / 22, 2, 8), true);
	f.left = x + chart_vaxis_width(dc, &f.counts);
	f.w = x + w - f.left;
	chart_vaxis(dc, &f.counts, f.left, f.left + f.w, f.bottom, f.h);
	date_axis(dc, &f);
	if (dc->c->cutoff != INT_MAX)
		draw_cutoff(dc, &f, dc->c->cutoff, y);
	if (dc->cr) {
		draw_steps(dc, &t, &f, dc->c->cutoff);
		draw_markers(dc, &t, &f);
	}
	draw_counts(dc, &t, &f);
	g_free(t.dates);
}
