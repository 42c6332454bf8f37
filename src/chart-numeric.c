/* chart-numeric.c - numeric answers: histograms, and dot plots for a few of them */
#include <config.h>
#include "chart.h"

#include <math.h>

#include "chart-int.h"
#include "chart-scale.h"

/*
 * Both plot along a value axis.  A histogram counts the answers in 1-2-5
 * bins and labels each bar with its count; with integer answers and bins
 * of 1 each bar is centred on its value.  A dot plot draws one dot per
 * answer at its value; dots closer than a diameter are stacked:
 *
 *      o
 *      o     o                   o
 *     -+-----+------+------+-----+-
 *      0    50    100    150   200
 */

#define HIST_HEIGHT 150.0
#define DOT 7.5			/* diameter */
#define DOT_MIN_HEIGHT 30.0
#define MIN_BINS 5		/* a histogram spans at least this many bins' width */

struct numbers {
	double min, max, n;
	bool integer;
};

static struct numbers numbers_of(const struct chart *c)
{
	struct numbers s = { INFINITY, -INFINITY, 0, true };
	for (guint i = 0; i < c->runs->len; i++) {
		const struct chart_run *r = &g_array_index(c->runs, struct chart_run, i);
		if (!(r->count > 0))
			continue;
		s.min = MIN(s.min, r->value);
		s.max = MAX(s.max, r->value);
		s.n += r->count;
		s.integer &= r->value == floor(r->value);
	}
	return s;
}

static int max_ticks(double w)
{
	return (int)CLAMP(w / 55, 2, 11);
}

/*
 * The value axis spans [LO, HI] exactly; its ticks are the 1-2-5 ones that
 * fall inside.
 */
struct span {
	double lo, hi;
	struct chart_axis ticks;
};

static struct span span_of(double lo, double hi, double w, bool integer)
{
	struct span s = { lo, hi, chart_scale_axis(lo, hi, max_ticks(w), integer) };
	return s;
}

static double span_x(const struct span *s, double v, double x, double w)
{
	return x + (s->hi > s->lo ? (v - s->lo) / (s->hi - s->lo) : 0.5) * w;
}

static void draw_span(struct chart_dc *dc, const struct span *s, double x, double w, double top,
		      double bottom)
{
	for (int i = 0; i < s->ticks.n_ticks; i++) {
		double v = chart_axis_tick(&s->ticks, i);
		if (v < s->lo - 1e-9 || v > s->hi + 1e-9)
			continue;
		double tx = span_x(s, v, x, w);
		if (top < bottom)
			chart_line(dc, tx, top, tx, bottom, 0.5, chart_grid);
		chart_line(dc, tx, bottom, tx, bottom + 3, CHART_LINE, chart_axis);
		char buf[64];
		chart_scale_format(v, s->ticks.decimals, buf, sizeof buf);
		PangoLayout *l = chart_text(dc, CHART_FONT_TICK, buf, 0, CHART_ALIGN_LEFT);
		chart_text_show(dc, l, tx - chart_text_width(l) / 2, bottom + 4, chart_ink_soft);
		g_object_unref(l);
	}
	chart_line(dc, x, bottom, x + w, bottom, CHART_LINE, chart_axis);
}

/* Histogram */

struct histogram {
	struct chart_bins bins;
	double *counts;
	double top;		/* the largest count */
	bool integer;
	bool centred;		/* integer bins of 1, bars centred on their values */
	double min;		/* the smallest answer */
};

static void histogram_init(struct histogram *h, const struct chart *c)
{
	struct numbers s = numbers_of(c);
	h->bins = chart_scale_bins(s.min, s.max, s.n, s.integer);
	h->counts = g_new0(double, h->bins.n_bins + 1);
	h->top = 0;
	for (guint i = 0; i < c->runs->len; i++) {
		const struct chart_run *r = &g_array_index(c->runs, struct chart_run, i);
		if (r->count > 0)
			h->counts[chart_bins_index(&h->bins, r->value)] += r->count;
	}
	for (int i = 0; i < h->bins.n_bins; i++)
		h->top = MAX(h->top, h->counts[i]);
	h->integer = s.integer;
	h->min = s.min;
	h->centred = s.integer && h->bins.width == 1;
}

/*
 * The value axis of H for a plot W wide: the bins' edges, widened to
 * MIN_BINS bins so that one or two bars are not drawn as wide as the
 * chart.  The room goes to either side, but not below 0 for answers that
 * are never negative.
 */
static struct span histogram_span(const struct histogram *h, double w, double min)
{
	double half = h->centred ? 0.5 : 0;
	double lo = h->bins.start - half, hi = lo + h->bins.n_bins * h->bins.width;
	int extra = MIN_BINS - h->bins.n_bins;
	if (extra > 0) {
		int left = extra / 2;
		if (min >= 0)
			left = MIN(left, (int)floor((lo + half) / h->bins.width + 1e-9));
		lo -= left * h->bins.width;
		hi += (extra - left) * h->bins.width;
	}
	return span_of(lo, hi, w, h->integer);
}

/* Dot plot */

struct dots {
	struct span span;
	double *x;		/* one per dot, along the plot, ascending */
	size_t n, *stack, n_stacks;
	double *centre;		/* per stack */
	int *height;		/* dots per stack */
	int tallest;
};

static int compare_doubles(gconstpointer a, gconstpointer b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void dots_init(struct dots *d, const struct chart *c, double w)
{
	struct numbers s = numbers_of(c);
	double lo = s.min, hi = s.max;
	if (hi == lo) {
		lo -= 1;
		hi += 1;
		if (s.min >= 0 && lo < 0)
			lo = 0;
	}
	struct chart_axis a = chart_scale_axis(lo, hi, max_ticks(w), s.integer);
	d->span = (struct span){ a.lo, a.hi, a };
	GArray *xs = g_array_new(FALSE, FALSE, sizeof(double));
	for (guint i = 0; i < c->runs->len; i++) {
		const struct chart_run *r = &g_array_index(c->runs, struct chart_run, i);
		double x = span_x(&d->span, r->value, 0, w);
		for (long k = 0; k < lround(r->count); k++)
			g_array_append_val(xs, x);
	}
	g_array_sort(xs, compare_doubles);
	d->n = xs->len;
	d->x = (double *)g_array_free(xs, FALSE);
	d->stack = g_new(size_t, d->n + 1);
	d->n_stacks = chart_scale_dot_stacks(d->x, d->n, DOT, d->stack);
	d->centre = g_new0(double, d->n_stacks + 1);
	d->height = g_new0(int, d->n_stacks + 1);
	double *first = g_new0(double, d->n_stacks + 1), *size = g_new(double, d->n_stacks + 1);
	for (size_t i = 0; i < d->n; i++) {
		size_t k = d->stack[i];
		if (!d->height[k]++)
			first[k] = d->x[i];
		d->centre[k] = (first[k] + d->x[i]) / 2;
	}
	d->tallest = 0;
	for (size_t k = 0; k < d->n_stacks; k++) {
		size[k] = DOT;
		d->tallest = MAX(d->tallest, d->height[k]);
	}
	/* Stacks set at the middle of their dots may crowd; part them. */
	chart_scale_spread(d->centre, size, d->n_stacks, -DOT / 2, w + DOT / 2, 0.5);
	g_free(first);
	g_free(size);
}

static void dots_release(struct dots *d)
{
	g_free(d->x);
	g_free(d->stack);
	g_free(d->centre);
	g_free(d->height);
}

static double dots_height(const struct dots *d)
{
	return MAX(DOT_MIN_HEIGHT, d->tallest * DOT + 16);
}

double chart_numeric_height(struct chart_dc *dc, double width)
{
	double axis = chart_haxis_height(dc) + 2;
	if (dc->c->type == CHART_HISTOGRAM)
		return HIST_HEIGHT + axis;
	struct dots d;
	dots_init(&d, dc->c, width - DOT);
	double h = dots_height(&d) + axis;
	dots_release(&d);
	return h;
}

static void draw_histogram(struct chart_dc *dc, double x, double y, double w, double h)
{
	struct histogram hist;
	histogram_init(&hist, dc->c);
	struct chart_axis counts = chart_scale_axis(0, hist.top, (int)CLAMP(h / 30, 2, 8), true);
	double left = x + chart_vaxis_width(dc, &counts), pw = x + w - left;
	double bottom = y + h - chart_haxis_height(dc) - 2, top = y + 14, ph = bottom - top;
	struct span span = histogram_span(&hist, pw, hist.min);
	chart_vaxis(dc, &counts, left, left + pw, bottom, ph);
	draw_span(dc, &span, left, pw, bottom, bottom);
	double first = hist.bins.start - (hist.centred ? 0.5 : 0);
	for (int i = 0; i < hist.bins.n_bins; i++) {
		double v0 = first + i * hist.bins.width;
		double x0 = span_x(&span, v0, left, pw);
		double x1 = span_x(&span, v0 + hist.bins.width, left, pw);
		double bh = chart_axis_fraction(&counts, hist.counts[i]) * ph;
		chart_fill_rect(dc, x0 + 0.5, bottom - bh, x1 - x0 - 1, bh, chart_colour(0));
		if (hist.counts[i] > 0) {
			char buf[32];
			chart_scale_format_count(hist.counts[i], buf, sizeof buf);
			PangoLayout *l = chart_text(dc, CHART_FONT_VALUE, buf, 0, CHART_ALIGN_LEFT);
			chart_text_show(dc, l, (x0 + x1 - chart_text_width(l)) / 2,
					bottom - bh - chart_text_height(l) - 1, chart_ink);
			g_object_unref(l);
		}
	}
	g_free(hist.counts);
}

static void draw_dots(struct chart_dc *dc, double x, double y, double w, double h)
{
	/* Half a dot of room at each end, so end dots are not cut. */
	double left = x + DOT / 2 + 1, pw = w - DOT - 2;
	double bottom = y + h - chart_haxis_height(dc) - 2;
	struct dots d;
	dots_init(&d, dc->c, pw);
	draw_span(dc, &d.span, left, pw, bottom, bottom);
	for (size_t k = 0; k < d.n_stacks && dc->cr; k++) {
		for (int j = 0; j < d.height[k]; j++) {
			cairo_new_sub_path(dc->cr);
			cairo_arc(dc->cr, left + d.centre[k], bottom - DOT / 2 - 1.5 - j * DOT,
				  DOT / 2 - 0.6, 0, 2 * G_PI);
		}
	}
	if (dc->cr) {
		chart_set_colour(dc, chart_colour(0));
		cairo_fill(dc->cr);
	}
	dots_release(&d);
}

void chart_numeric_draw(struct chart_dc *dc, double x, double y, double w, double h)
{
	if (dc->c->type == CHART_HISTOGRAM)
		draw_histogram(dc, x, y, w, h);
	else
		draw_dots(dc, x, y, w, h);
}
