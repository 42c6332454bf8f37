/* chart-bar.c - horizontal bars: simple, 100% stacked and grouped */
#include <config.h>
#include "chart.h"

#include <math.h>

#include "chart-int.h"
#include "chart-scale.h"
#include "i18n.h"

/*
 * The three share one layout, a column of labels and a plot of bars on a
 * value axis, with room kept right of the plot for the value labels:
 *
 *     label column  gap  plot (axis from 0 to max)      values
 *     ------------       ------------------------------ -------
 *       Yes, a law |     ██████████████████░░░░░░░░░░░  7 of 9
 *     No, a draft  |     ████░░░░░░░░░░░░░░░░░░░░░░░░░  2 of 9
 *                        |      |      |      |      |
 *                        0      2      4      6      8
 *
 * The light track behind a bar runs to the bar's base, so the base is in
 * view on every bar.  Labels wrap within the column, which is as wide as
 * the widest label but at most LABEL_CAP of the chart.
 */

#define LABEL_CAP 0.4		/* of the plot's width */
#define BAR 12.0		/* thickness of a simple bar */
#define STACK_BAR 17.0		/* of a stacked bar, which holds labels */
#define GROUP_BAR 9.0		/* of each bar in a group */
#define GROUP_GAP 2.0		/* between the bars of a group */
#define ROW_GAP 7.0		/* between rows */
#define MAX_GROW 12.0		/* extra row gap taken from a taller box */

/* The label column: each label laid out at the column's width. */
struct column {
	double width;
	size_t n;
	PangoLayout **layouts;
};

static void column_init(struct column *col, struct chart_dc *dc, const char *const *labels,
			size_t n, double plot_width)
{
	double *widths = g_new(double, n + 1);
	for (size_t i = 0; i < n; i++)
		widths[i] = chart_text_natural(dc, CHART_FONT_LABEL, labels[i]);
	col->width = ceil(chart_scale_label_column(widths, n, LABEL_CAP * plot_width));
	col->n = n;
	col->layouts = g_new(PangoLayout *, n + 1);
	for (size_t i = 0; i < n; i++)
		col->layouts[i] = chart_text(dc, CHART_FONT_LABEL, labels[i], col->width,
					     CHART_ALIGN_RIGHT);
	g_free(widths);
}

static void column_release(struct column *col)
{
	for (size_t i = 0; i < col->n; i++)
		g_object_unref(col->layouts[i]);
	g_free(col->layouts);
}

static double column_height(const struct column *col, size_t i)
{
	return chart_text_height(col->layouts[i]);
}

static void column_show(struct chart_dc *dc, const struct column *col, size_t i, double x,
			double row_y, double row_h)
{
	double th = column_height(col, i);
	chart_text_show(dc, col->layouts[i], x, row_y + (row_h - th) / 2, chart_ink);
}

/* A value axis for a plot W wide: 0 to MAX, in percent or in counts. */
static struct chart_axis value_axis(double max, double w, bool percent)
{
	int ticks = (int)CLAMP(w / 36, 2, 11);
	if (percent)
		return chart_scale_axis(0, 100, ticks, false);
	return chart_scale_axis(0, max, ticks, true);
}

static bool percent(const struct chart_dc *dc)
{
	return dc->c->label == CHART_LABEL_PERCENT;
}

/* Where value V of a base N ends on the plot, from X0 over W along A. */
static double bar_end(const struct chart_axis *a, double v, double n, bool pct, double x0,
		      double w)
{
	double u = pct ? (n > 0 ? 100 * v / n : 0) : v;
	return x0 + chart_axis_fraction(a, u) * w;
}

static double text_width_of(struct chart_dc *dc, enum chart_font font, const char *s)
{
	double w = chart_text_natural(dc, font, s);
	return w;
}

/* Extra gap per row when the box is taller than needed, within reason. */
static double grow(double natural, double h, size_t rows)
{
	return rows && h > natural ? MIN((h - natural) / rows, MAX_GROW) : 0;
}

/* Simple bars */

struct bars {
	struct column col;
	char **values;		/* value labels */
	double reserve;		/* room right of the plot for them */
	double total;
	struct chart_axis axis;
	double x0, pw;		/* the plot */
};

static void bars_init(struct bars *b, struct chart_dc *dc, double width)
{
	const struct chart *c = dc->c;
	size_t n = chart_n_categories(c);
	column_init(&b->col, dc, (const char *const *)c->categories->pdata, n, width);
	b->total = chart_series_total(c, 0);
	b->values = g_new0(char *, n + 1);
	b->reserve = 0;
	for (size_t k = 0; k < n; k++) {
		b->values[k] = chart_value_label(c, chart_value(c, 0, k), b->total);
		b->reserve = MAX(b->reserve, text_width_of(dc, CHART_FONT_VALUE, b->values[k]));
	}
	b->reserve += CHART_GAP + 2;
	b->x0 = b->col.width + CHART_GAP + 2;
	b->pw = width - b->x0 - b->reserve;
	b->axis = value_axis(b->total, b->pw, percent(dc));
}

static void bars_release(struct bars *b)
{
	column_release(&b->col);
	g_strfreev(b->values);
}

static double bars_row(const struct bars *b, size_t k)
{
	return MAX(column_height(&b->col, k), BAR);
}

static double bars_natural(const struct bars *b, struct chart_dc *dc)
{
	size_t first, last;
	chart_window(dc->c, b->col.n, &first, &last);
	double h = 0;
	for (size_t k = first; k < last; k++)
		h += bars_row(b, k) + ROW_GAP;
	return h + chart_haxis_height(dc);
}

double chart_bar_height(struct chart_dc *dc, double width)
{
	struct bars b;
	bars_init(&b, dc, width);
	double h = bars_natural(&b, dc);
	bars_release(&b);
	return h;
}

void chart_bar_draw(struct chart_dc *dc, double x, double y, double w, double h)
{
	const struct chart *c = dc->c;
	struct bars b;
	bars_init(&b, dc, w);
	size_t first, last;
	chart_window(c, b.col.n, &first, &last);
	double x0 = x + b.x0, extra = grow(bars_natural(&b, dc), h, last - first);
	bool pct = percent(dc);
	double track_end = bar_end(&b.axis, b.total, b.total, pct, x0, b.pw);
	/* Tracks first, then the grid over them, then the bars over both. */
	double ry = y + (ROW_GAP + extra) / 2;
	for (size_t k = first; k < last; k++) {
		double rh = bars_row(&b, k);
		chart_fill_rect(dc, x0, ry + (rh - BAR) / 2, track_end - x0, BAR, chart_track);
		ry += rh + ROW_GAP + extra;
	}
	chart_haxis(dc, &b.axis, pct ? "%" : NULL, x0, b.pw, y, ry - (ROW_GAP + extra) / 2);
	ry = y + (ROW_GAP + extra) / 2;
	for (size_t k = first; k < last; k++) {
		double rh = bars_row(&b, k), by = ry + (rh - BAR) / 2;
		column_show(dc, &b.col, k, x, ry, rh);
		double end = bar_end(&b.axis, chart_value(c, 0, k), b.total, pct, x0, b.pw);
		chart_fill_rect(dc, x0, by, end - x0, BAR, chart_colour(0));
		PangoLayout *l = chart_text(dc, CHART_FONT_VALUE, b.values[k], 0, CHART_ALIGN_LEFT);
		chart_text_show(dc, l, MAX(end, track_end) + CHART_GAP,
				by + (BAR - chart_text_height(l)) / 2, chart_ink);
		g_object_unref(l);
		ry += rh + ROW_GAP + extra;
	}
	bars_release(&b);
}

/* 100% stacked bars: one per series, cut into the categories */

/*
 * A segment's label goes inside it when it fits; otherwise into a row of
 * call-outs under the bar, spread so that none overlaps, each tied to its
 * segment by a short line.
 */
struct stack_row {
	PangoLayout *label;	/* the series' label */
	PangoLayout *n;		/* "n = 6", right of the bar */
	PangoLayout **values;	/* per category; NULL for a count of 0 */
	bool *inside;
	double *centre;		/* call-out centres, spread */
	size_t n_out;
	double callout_h;
	double total;
};

struct stacks {
	struct column col;
	struct stack_row *rows;
	size_t n_rows, n_cats;
	double legend_h, reserve, x0, pw;
	struct chart_axis axis;
};

static void stack_row_init(struct chart_dc *dc, struct stacks *s, size_t i)
{
	const struct chart *c = dc->c;
	struct stack_row *r = &s->rows[i];
	r->total = chart_series_sum(c, i);
	r->values = g_new0(PangoLayout *, s->n_cats + 1);
	r->inside = g_new0(bool, s->n_cats + 1);
	r->centre = g_new0(double, s->n_cats + 1);
	double *want = g_new(double, s->n_cats + 1), *size = g_new(double, s->n_cats + 1);
	double at = 0;
	r->n_out = 0;
	r->callout_h = 0;
	for (size_t k = 0; k < s->n_cats; k++) {
		double v = chart_value(c, i, k), seg = r->total > 0 ? v / r->total * s->pw : 0;
		if (v > 0) {
			char *label = chart_segment_label(c, v, r->total);
			r->values[k] = chart_text(dc, CHART_FONT_VALUE, label, 0, CHART_ALIGN_LEFT);
			g_free(label);
			double tw = chart_text_width(r->values[k]);
			r->inside[k] = tw + 6 <= seg;
			if (!r->inside[k]) {
				want[r->n_out] = at + seg / 2;
				size[r->n_out++] = tw;
				double th = chart_text_height(r->values[k]);
				r->callout_h = MAX(r->callout_h, th + 5);
			}
		}
		at += seg;
	}
	chart_scale_spread(want, size, r->n_out, 0, s->pw, 6);
	for (size_t j = 0; j < r->n_out; j++)
		r->centre[j] = want[j];
	g_free(want);
	g_free(size);
	char nb[32];
	chart_scale_format_count(chart_series_at(c, i)->base, nb, sizeof nb);
	char *n = chart_words(c, CHART_TEXT_N, NULL, nb, NULL);
	r->n = chart_text(dc, CHART_FONT_LABEL, n, 0, CHART_ALIGN_LEFT);
	g_free(n);
}

static void stacks_init(struct stacks *s, struct chart_dc *dc, double width)
{
	const struct chart *c = dc->c;
	s->n_rows = chart_n_series(c);
	s->n_cats = chart_n_categories(c);
	const char **labels = g_new0(const char *, s->n_rows + 1);
	for (size_t i = 0; i < s->n_rows; i++)
		labels[i] = chart_series_at(c, i)->label ? chart_series_at(c, i)->label : "";
	column_init(&s->col, dc, labels, s->n_rows, width);
	g_free(labels);
	s->rows = g_new0(struct stack_row, s->n_rows + 1);
	/* The widest "n = ..." sets the room right of the bars. */
	s->reserve = 0;
	for (size_t i = 0; i < s->n_rows; i++) {
		char nb[32];
		chart_scale_format_count(chart_series_at(c, i)->base, nb, sizeof nb);
		char *n = chart_words(c, CHART_TEXT_N, NULL, nb, NULL);
		s->reserve = MAX(s->reserve, chart_text_natural(dc, CHART_FONT_LABEL, n));
		g_free(n);
	}
	s->reserve += CHART_GAP + 2;
	s->x0 = s->col.width + CHART_GAP + 2;
	s->pw = width - s->x0 - s->reserve;
	s->axis = value_axis(100, s->pw, true);
	s->legend_h = chart_legend_height(dc, (char **)c->categories->pdata, s->n_cats,
					  width - s->x0);
	for (size_t i = 0; i < s->n_rows; i++)
		stack_row_init(dc, s, i);
}

static void stacks_release(struct stacks *s)
{
	for (size_t i = 0; i < s->n_rows; i++) {
		struct stack_row *r = &s->rows[i];
		for (size_t k = 0; k < s->n_cats; k++)
			if (r->values[k])
				g_object_unref(r->values[k]);
		g_free(r->values);
		g_free(r->inside);
		g_free(r->centre);
		g_object_unref(r->n);
	}
	g_free(s->rows);
	column_release(&s->col);
}

/* A row: the bar (or its label, if taller) and the call-outs under the bar. */
static double stack_row_height(const struct stacks *s, size_t i)
{
	return MAX(column_height(&s->col, i), STACK_BAR + s->rows[i].callout_h);
}

static double stacks_natural(const struct stacks *s, struct chart_dc *dc)
{
	double h = s->legend_h + 8;
	for (size_t i = 0; i < s->n_rows; i++)
		h += stack_row_height(s, i) + ROW_GAP;
	return h + chart_haxis_height(dc);
}

double chart_stacked_height(struct chart_dc *dc, double width)
{
	struct stacks s;
	stacks_init(&s, dc, width);
	double h = stacks_natural(&s, dc);
	stacks_release(&s);
	return h;
}

static void draw_stack(struct chart_dc *dc, const struct stacks *s, size_t i, double x0,
		       double by)
{
	const struct stack_row *r = &s->rows[i];
	if (!(r->total > 0)) {
		chart_fill_rect(dc, x0, by, s->pw, STACK_BAR, chart_track);
		char *none = chart_words(dc->c, CHART_TEXT_NO_REPLIES, NULL, NULL, NULL);
		PangoLayout *l = chart_text(dc, CHART_FONT_LABEL, none, 0, CHART_ALIGN_LEFT);
		chart_text_show(dc, l, x0 + CHART_GAP, by + (STACK_BAR - chart_text_height(l)) / 2,
				chart_ink_soft);
		g_object_unref(l);
		g_free(none);
		return;
	}
	double at = x0;
	size_t out = 0;
	for (size_t k = 0; k < s->n_cats; k++) {
		double seg = chart_value(dc->c, i, k) / r->total * s->pw;
		struct chart_rgb fill = chart_colour(k);
		chart_fill_rect(dc, at, by, seg, STACK_BAR, fill);
		/* A hairline of white keeps neighbouring segments apart. */
		if (k > 0 && seg > 0)
			chart_line(dc, at, by, at, by + STACK_BAR, 0.75, chart_white);
		PangoLayout *l = r->values[k];
		if (l && r->inside[k]) {
			chart_text_show(dc, l, at + (seg - chart_text_width(l)) / 2,
					by + (STACK_BAR - chart_text_height(l)) / 2,
					chart_colour_is_dark(fill) ? chart_white : chart_ink);
		} else if (l) {
			double cx = x0 + r->centre[out++];
			chart_line(dc, at + seg / 2, by + STACK_BAR, cx, by + STACK_BAR + 4, 0.5,
				   chart_axis);
			chart_text_show(dc, l, cx - chart_text_width(l) / 2, by + STACK_BAR + 4,
					chart_ink);
		}
		at += seg;
	}
}

void chart_stacked_draw(struct chart_dc *dc, double x, double y, double w, double h)
{
	struct stacks s;
	stacks_init(&s, dc, w);
	double x0 = x + s.x0, extra = grow(stacks_natural(&s, dc), h, s.n_rows);
	chart_legend(dc, (char **)dc->c->categories->pdata, s.n_cats, x0, y, w - s.x0);
	double top = y + s.legend_h + 8, rows_h = 0;
	for (size_t i = 0; i < s.n_rows; i++)
		rows_h += stack_row_height(&s, i) + ROW_GAP + extra;
	chart_haxis(dc, &s.axis, "%", x0, s.pw, top, top + rows_h);
	double ry = top + (ROW_GAP + extra) / 2;
	for (size_t i = 0; i < s.n_rows; i++) {
		double rh = stack_row_height(&s, i);
		double by = ry + (rh - STACK_BAR - s.rows[i].callout_h) / 2;
		chart_text_show(dc, s.col.layouts[i], x,
				by + (STACK_BAR - column_height(&s.col, i)) / 2, chart_ink);
		draw_stack(dc, &s, i, x0, by);
		PangoLayout *n = s.rows[i].n;
		chart_text_show(dc, n, x0 + s.pw + CHART_GAP,
				by + (STACK_BAR - chart_text_height(n)) / 2, chart_ink_soft);
		ry += rh + ROW_GAP + extra;
	}
	stacks_release(&s);
}

/* Grouped bars: per category, one bar per series */

/*
 * Groups differ in size, so bar lengths are shares of their group's base
 * whatever the labels say ("5 of 6" or "83%"), and bars of different
 * groups compare fairly.  Each bar's value label names its series too
 * ("5 of 6 Asia"), so the series is told by words as well as by colour.
 */
struct groups {
	struct column col;
	char **legend;		/* "Asia (n = 6)" */
	size_t n_series;
	size_t *shown, n_shown;	/* the series with replies, which get bars */
	double pitch;		/* from one bar of a group to the next */
	double legend_h, reserve, x0, pw;
	struct chart_axis axis;
};

static char *group_value(struct chart_dc *dc, size_t s, size_t k)
{
	return chart_value_label(dc->c, chart_value(dc->c, s, k), chart_series_total(dc->c, s));
}

/*
 * A series with a base of 0 (a group none of whose States replied) stays
 * in the legend, marked, but gets no bars: a row of "0 of 0" says nothing.
 */
static char *group_legend(struct chart_dc *dc, const struct chart_series *se)
{
	char nb[32];
	chart_scale_format_count(se->base, nb, sizeof nb);
	char *n = se->base > 0 ? chart_words(dc->c, CHART_TEXT_N, NULL, nb, NULL)
			       : chart_words(dc->c, CHART_TEXT_NO_REPLIES, NULL, NULL, NULL);
	/* TRANSLATORS: a group in a chart's legend: its name and its base, "Asia (n = 6)". */
	char *s = g_strdup_printf(_("%s (%s)"), se->label ? se->label : "", n);
	g_free(n);
	return s;
}

static void groups_init(struct groups *g, struct chart_dc *dc, double width)
{
	const struct chart *c = dc->c;
	size_t n = chart_n_categories(c);
	g->n_series = chart_n_series(c);
	column_init(&g->col, dc, (const char *const *)c->categories->pdata, n, width);
	g->legend = g_new0(char *, g->n_series + 1);
	g->shown = g_new0(size_t, g->n_series + 1);
	g->n_shown = 0;
	g->reserve = 0;
	double text_h = 0;
	for (size_t s = 0; s < g->n_series; s++) {
		const struct chart_series *se = chart_series_at(c, s);
		g->legend[s] = group_legend(dc, se);
		if (!(chart_series_total(c, s) > 0))
			continue;
		g->shown[g->n_shown++] = s;
		double name_w = chart_text_natural(dc, CHART_FONT_LABEL, se->label);
		for (size_t k = 0; k < n; k++) {
			char *v = group_value(dc, s, k);
			PangoLayout *l = chart_text(dc, CHART_FONT_VALUE, v, 0, CHART_ALIGN_LEFT);
			g->reserve = MAX(g->reserve, chart_text_width(l) + 4 + name_w);
			text_h = MAX(text_h, chart_text_height(l));
			g_object_unref(l);
			g_free(v);
		}
	}
	/* Bars far enough apart that their value labels do not touch. */
	g->pitch = MAX(GROUP_BAR + GROUP_GAP, text_h + 1);
	g->reserve += CHART_GAP + 2;
	g->x0 = g->col.width + CHART_GAP + 2;
	g->pw = width - g->x0 - g->reserve;
	g->legend_h = chart_legend_height(dc, g->legend, g->n_series, width - g->x0);
	g->axis = value_axis(100, g->pw, true);
}

static void groups_release(struct groups *g)
{
	column_release(&g->col);
	g_strfreev(g->legend);
	g_free(g->shown);
}

static double group_height(const struct groups *g)
{
	return g->n_shown ? (g->n_shown - 1) * g->pitch + GROUP_BAR : 0;
}

static double groups_row(const struct groups *g, size_t k)
{
	return MAX(column_height(&g->col, k), group_height(g));
}

static double groups_natural(const struct groups *g, struct chart_dc *dc)
{
	size_t first, last;
	chart_window(dc->c, g->col.n, &first, &last);
	double h = g->legend_h + 8;	/* every part has the legend */
	for (size_t k = first; k < last; k++)
		h += groups_row(g, k) + ROW_GAP + 2;
	return h + chart_haxis_height(dc);
}

double chart_grouped_height(struct chart_dc *dc, double width)
{
	struct groups g;
	groups_init(&g, dc, width);
	double h = groups_natural(&g, dc);
	groups_release(&g);
	return h;
}

static void draw_group_bar(struct chart_dc *dc, const struct groups *g, size_t s, size_t k,
			   double x0, double by)
{
	const struct chart_series *se = chart_series_at(dc->c, s);
	double total = chart_series_total(dc->c, s);
	double track = bar_end(&g->axis, total, total, true, x0, g->pw);
	double end = bar_end(&g->axis, chart_value(dc->c, s, k), total, true, x0, g->pw);
	chart_fill_rect(dc, x0, by, track - x0, GROUP_BAR, chart_track);
	chart_fill_rect(dc, x0, by, end - x0, GROUP_BAR, chart_colour(s));
	char *v = group_value(dc, s, k);
	PangoLayout *vl = chart_text(dc, CHART_FONT_VALUE, v, 0, CHART_ALIGN_LEFT);
	PangoLayout *nl = chart_text(dc, CHART_FONT_LABEL, se->label, 0, CHART_ALIGN_LEFT);
	double tx = MAX(end, track) + CHART_GAP;
	chart_text_show(dc, vl, tx, by + (GROUP_BAR - chart_text_height(vl)) / 2, chart_ink);
	chart_text_show(dc, nl, tx + chart_text_width(vl) + 4,
			by + (GROUP_BAR - chart_text_height(nl)) / 2, chart_ink_soft);
	g_object_unref(vl);
	g_object_unref(nl);
	g_free(v);
}

void chart_grouped_draw(struct chart_dc *dc, double x, double y, double w, double h)
{
	struct groups g;
	groups_init(&g, dc, w);
	size_t first, last;
	chart_window(dc->c, g.col.n, &first, &last);
	double x0 = x + g.x0, extra = grow(groups_natural(&g, dc), h, last - first);
	chart_legend(dc, g.legend, g.n_series, x0, y, w - g.x0);
	double top = y + g.legend_h + 8, rows_h = 0;
	for (size_t k = first; k < last; k++)
		rows_h += groups_row(&g, k) + ROW_GAP + 2 + extra;
	chart_haxis(dc, &g.axis, "%", x0, g.pw, top, top + rows_h);
	double ry = top + (ROW_GAP + 2 + extra) / 2;
	for (size_t k = first; k < last; k++) {
		double rh = groups_row(&g, k), gy = ry + (rh - group_height(&g)) / 2;
		column_show(dc, &g.col, k, x, ry, rh);
		for (size_t i = 0; i < g.n_shown; i++)
			draw_group_bar(dc, &g, g.shown[i], k, x0, gy + i * g.pitch);
		ry += rh + ROW_GAP + 2 + extra;
	}
	groups_release(&g);
}
