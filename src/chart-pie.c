/* chart-pie.c - pies and donuts, labelled beside the circle */
#include <config.h>
#include "chart.h"

#include <math.h>

#include "chart-int.h"
#include "chart-scale.h"

/*
 * Slices run clockwise from twelve o'clock in the order of the
 * categories.  Each slice's label and value sit in a column to the right
 * or to the left of the circle, on the side of the slice's middle, tied to
 * it by a leader line; the labels of a side are spread so none overlaps:
 *
 *                 ___                 Yes
 *     No  ____  /     \  ____________ 7 of 9
 *     2 of 9    \     /
 *                 ---
 *
 * A slice of 0 gets its label too, in its place in the column, so a
 * category nobody chose is still in view; having no arc to point at, it
 * has no leader.
 */

#define RADIUS_MAX 92.0
#define RADIUS_MIN 40.0
#define LEAD 24.0		/* from the circle to a label column */
#define ELBOW 8.0		/* leader lines leave the circle radially for this long */
#define LABEL_GAP 5.0		/* between labels of one side */
#define HOLE 0.58		/* a donut's hole, as a fraction of the radius */

struct slice {
	double a0, a1, mid;	/* angles clockwise from twelve o'clock */
	PangoLayout *label, *value;
	double h;		/* the two lines' height */
	bool right;
	double y;		/* the label's centre, from the top of the plot */
};

struct pie {
	struct slice *slices;
	size_t n;
	double r, col;		/* radius, width of each label column */
	double total;
};

static double pie_radius(double width)
{
	return CLAMP(width * 0.19, RADIUS_MIN, RADIUS_MAX);
}

static void pie_init(struct pie *p, struct chart_dc *dc, double width)
{
	const struct chart *c = dc->c;
	p->n = chart_n_categories(c);
	p->slices = g_new0(struct slice, p->n + 1);
	p->r = pie_radius(width);
	p->col = (width - 2 * p->r - 2 * LEAD) / 2;
	p->total = chart_series_total(c, 0);
	/* The slices make up the whole circle whatever the base. */
	double sum = chart_series_sum(c, 0);
	double at = 0;
	for (size_t k = 0; k < p->n; k++) {
		struct slice *s = &p->slices[k];
		double v = chart_value(c, 0, k);
		s->a0 = at;
		at += sum > 0 ? v / sum * 2 * G_PI : 0;
		s->a1 = at;
		/* A slice that is the whole circle is labelled level with its centre. */
		s->mid = s->a1 - s->a0 > 2 * G_PI - 1e-9 ? G_PI / 2 : (s->a0 + s->a1) / 2;
		s->right = s->mid <= G_PI;
		enum chart_align align = s->right ? CHART_ALIGN_LEFT : CHART_ALIGN_RIGHT;
		s->label = chart_text(dc, CHART_FONT_LABEL, chart_category(c, k), p->col, align);
		char *vs = chart_value_label(c, v, p->total);
		s->value = chart_text(dc, CHART_FONT_VALUE, vs, p->col, align);
		g_free(vs);
		s->h = chart_text_height(s->label) + chart_text_height(s->value);
	}
}

static void pie_release(struct pie *p)
{
	for (size_t k = 0; k < p->n; k++) {
		g_object_unref(p->slices[k].label);
		g_object_unref(p->slices[k].value);
	}
	g_free(p->slices);
}

/* The height the labels of one side need. */
static double side_height(const struct pie *p, bool right)
{
	double h = 0;
	for (size_t k = 0; k < p->n; k++)
		if (p->slices[k].right == right)
			h += p->slices[k].h + LABEL_GAP;
	return h;
}

static double pie_natural(const struct pie *p)
{
	/* Room above and below the circle for the labels of slices at the top and bottom. */
	double circle = 2 * (p->r + ELBOW) + 28;
	return MAX(circle, MAX(side_height(p, true), side_height(p, false)));
}

double chart_pie_height(struct chart_dc *dc, double width)
{
	struct pie p;
	pie_init(&p, dc, width);
	double h = pie_natural(&p);
	pie_release(&p);
	return h;
}

/*
 * Spreads the labels of one side over the height H, each wanting to sit
 * level with its slice's middle just outside the circle.  Going down the
 * right side is going clockwise; down the left, anticlockwise.
 */
static void place_side(struct pie *p, bool right, double cy, double h)
{
	size_t *order = g_new(size_t, p->n + 1);
	size_t m = 0;
	for (size_t k = 0; k < p->n; k++)
		if (p->slices[k].right == right)
			order[m++] = k;
	if (!right)
		for (size_t i = 0; i < m / 2; i++) {
			size_t t = order[i];
			order[i] = order[m - 1 - i];
			order[m - 1 - i] = t;
		}
	double *pos = g_new(double, m + 1), *size = g_new(double, m + 1);
	for (size_t i = 0; i < m; i++) {
		const struct slice *s = &p->slices[order[i]];
		pos[i] = cy - (p->r + ELBOW) * cos(s->mid);
		size[i] = s->h;
	}
	/* Rounding can leave wanted centres a hair out of order; the spread wants them sorted. */
	for (size_t i = 1; i < m; i++)
		pos[i] = MAX(pos[i], pos[i - 1]);
	chart_scale_spread(pos, size, m, 0, h, LABEL_GAP);
	for (size_t i = 0; i < m; i++)
		p->slices[order[i]].y = pos[i];
	g_free(order);
	g_free(pos);
	g_free(size);
}

static void draw_slices(struct chart_dc *dc, const struct pie *p, double cx, double cy)
{
	cairo_t *cr = dc->cr;
	for (size_t k = 0; k < p->n; k++) {
		const struct slice *s = &p->slices[k];
		if (s->a1 <= s->a0)
			continue;
		/* cairo measures angles from three o'clock; ours start at twelve. */
		cairo_move_to(cr, cx, cy);
		cairo_arc(cr, cx, cy, p->r, s->a0 - G_PI / 2, s->a1 - G_PI / 2);
		cairo_close_path(cr);
		chart_set_colour(dc, chart_colour(k));
		cairo_fill(cr);
	}
	/* White spokes part the slices; drawn after all fills, so none hides one. */
	int n_nonzero = 0;
	for (size_t k = 0; k < p->n; k++)
		n_nonzero += p->slices[k].a1 > p->slices[k].a0;
	for (size_t k = 0; k < p->n && n_nonzero > 1; k++) {
		const struct slice *s = &p->slices[k];
		if (s->a1 > s->a0)
			chart_line(dc, cx, cy, cx + p->r * sin(s->a0), cy - p->r * cos(s->a0), 1.25,
				   chart_white);
	}
}

static void draw_hole(struct chart_dc *dc, const struct pie *p, double cx, double cy)
{
	cairo_arc(dc->cr, cx, cy, p->r * HOLE, 0, 2 * G_PI);
	chart_set_colour(dc, chart_white);
	cairo_fill(dc->cr);
	char nb[32];
	chart_scale_format_count(chart_series_at(dc->c, 0)->base, nb, sizeof nb);
	char *n = chart_words(dc->c, CHART_TEXT_N, NULL, nb, NULL);
	double room = 2 * p->r * HOLE * 0.8;
	PangoLayout *l = chart_text(dc, CHART_FONT_BIG, n, room, CHART_ALIGN_CENTER);
	if (chart_text_height(l) > room) {
		g_object_unref(l);
		l = chart_text(dc, CHART_FONT_LABEL, n, room, CHART_ALIGN_CENTER);
	}
	chart_text_show(dc, l, cx - room / 2, cy - chart_text_height(l) / 2, chart_ink);
	g_object_unref(l);
	g_free(n);
}

/* The distance from point P to the segment A-B. */
static double segment_distance(double px, double py, double ax, double ay, double bx, double by)
{
	double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
	double t = len2 > 0 ? CLAMP(((px - ax) * dx + (py - ay) * dy) / len2, 0, 1) : 0;
	return hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/*
 * The leader: out from the slice's edge to an elbow, then to the label.
 * When that last stretch would cut across the circle (a label pushed far
 * from its slice), it first runs level to the side of the circle.
 */
static void draw_leader(struct chart_dc *dc, const struct pie *p, const struct slice *s,
			double cx, double cy, double lx, double ly)
{
	double ex = cx + p->r * sin(s->mid), ey = cy - p->r * cos(s->mid);
	double bx = cx + (p->r + ELBOW) * sin(s->mid), by = cy - (p->r + ELBOW) * cos(s->mid);
	cairo_t *cr = dc->cr;
	chart_set_colour(dc, chart_axis);
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, ex, ey);
	cairo_line_to(cr, bx, by);
	if (segment_distance(cx, cy, bx, by, lx, ly) < p->r + ELBOW / 2)
		cairo_line_to(cr, cx + (s->right ? 1 : -1) * (p->r + ELBOW), by);
	cairo_line_to(cr, lx, ly);
	cairo_stroke(cr);
}

static void draw_label(struct chart_dc *dc, const struct pie *p, const struct slice *s,
		       double top, double cx, double cy)
{
	double ly = top + s->y;
	double lx = s->right ? cx + p->r + LEAD - 3 : cx - p->r - LEAD + 3;
	if (dc->cr && s->a1 > s->a0)
		draw_leader(dc, p, s, cx, cy, lx, ly);
	double col_x = s->right ? cx + p->r + LEAD : cx - p->r - LEAD - p->col;
	double ty = ly - s->h / 2;
	chart_text_show(dc, s->label, col_x, ty, chart_ink);
	chart_text_show(dc, s->value, col_x, ty + chart_text_height(s->label), chart_ink);
}

void chart_pie_draw(struct chart_dc *dc, double x, double y, double w, double h)
{
	struct pie p;
	pie_init(&p, dc, w);
	double cx = x + w / 2, cy = y + h / 2;
	place_side(&p, true, h / 2, h);
	place_side(&p, false, h / 2, h);
	if (dc->cr) {
		draw_slices(dc, &p, cx, cy);
		if (dc->c->type == CHART_DONUT)
			draw_hole(dc, &p, cx, cy);
	}
	for (size_t k = 0; k < p.n; k++)
		draw_label(dc, &p, &p.slices[k], y, cx, cy);
	pie_release(&p);
}
