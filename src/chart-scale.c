/* chart-scale.c - the arithmetic of charts: nice ticks, bins, dates, label placement */
#include <config.h>
#include "chart-scale.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "isodate.h"

/* Slack for floating-point noise when a quotient should be a whole number. */
#define EPS 1e-9

double chart_scale_nice_step(double raw)
{
	if (!(raw > 0) || !isfinite(raw))
		return 1;
	double power = pow(10, floor(log10(raw)));
	double f = raw / power;
	if (f <= 1 + EPS)
		return power;
	if (f <= 2 + EPS)
		return 2 * power;
	if (f <= 5 + EPS)
		return 5 * power;
	return 10 * power;
}

static int decimals_for(double step)
{
	int d = -(int)floor(log10(step) + EPS);
	return d > 0 ? d : 0;
}

struct chart_axis chart_scale_axis(double lo, double hi, int max_ticks, bool integer)
{
	struct chart_axis a;
	if (max_ticks < 2)
		max_ticks = 2;
	if (!(hi > lo))
		hi = lo + 1;
	double step = chart_scale_nice_step((hi - lo) / (max_ticks - 1));
	if (integer && step < 1)
		step = 1;
	for (;;) {
		a.lo = floor(lo / step + EPS) * step;
		a.hi = ceil(hi / step - EPS) * step;
		a.n_ticks = (int)lround((a.hi - a.lo) / step) + 1;
		if (a.n_ticks <= max_ticks)
			break;
		step = chart_scale_nice_step(step * 1.01);
	}
	if (a.n_ticks < 2) {
		a.hi = a.lo + step;
		a.n_ticks = 2;
	}
	a.step = step;
	a.decimals = decimals_for(step);
	return a;
}

double chart_axis_tick(const struct chart_axis *a, int i)
{
	/* Multiplying, not adding up steps, keeps 0.1 * 3 from drifting. */
	return i == a->n_ticks - 1 ? a->hi : a->lo + i * a->step;
}

double chart_axis_fraction(const struct chart_axis *a, double v)
{
	return a->hi > a->lo ? (v - a->lo) / (a->hi - a->lo) : 0;
}

/* From this magnitude on, a number is written with an exponent ("4e+307"), never 300 digits. */
#define HUGE_FIGURE 1e15

void chart_scale_format(double v, int decimals, char *buf, size_t size)
{
	if (fabs(v) >= HUGE_FIGURE) {
		snprintf(buf, size, "%.6g", v);
		return;
	}
	if (fabs(v) < 0.5 * pow(10, -decimals))
		v = 0;
	snprintf(buf, size, "%.*f", decimals, v);
}

void chart_scale_format_count(double v, char *buf, size_t size)
{
	if (fabs(v) >= HUGE_FIGURE) {
		snprintf(buf, size, "%.6g", v);
		return;
	}
	if (v == floor(v)) {
		snprintf(buf, size, "%.0f", v == 0 ? 0 : v);
		return;
	}
	snprintf(buf, size, "%.2f", v);
	char *end = buf + strlen(buf);
	while (end > buf && end[-1] == '0')
		*--end = '\0';
	if (end > buf && end[-1] == '.')
		end[-1] = '\0';
}

static struct chart_bins bins_of_width(double min, double max, double width)
{
	struct chart_bins b;
	b.width = width;
	b.start = floor(min / width + EPS) * width;
	b.n_bins = (int)floor((max - b.start) / width + EPS) + 1;
	return b;
}

struct chart_bins chart_scale_bins(double min, double max, double n, bool integer)
{
	int sturges = n > 1 ? (int)ceil(log2(n)) + 1 : 1;
	double range = max - min;
	if (!(range > 0)) {
		double w = chart_scale_nice_step(fabs(min) > 0 ? fabs(min) / 10 : 1);
		return bins_of_width(min, max, integer && w < 1 ? 1 : w);
	}
	/*
	 * Of the 1-2-5 widths either side of range / Sturges, the one whose
	 * number of bins is nearer Sturges' (the wider on a tie).
	 */
	double wide = chart_scale_nice_step(range / sturges);
	double f = wide / pow(10, floor(log10(wide) + EPS));
	double narrow = wide * (f > 4 ? 0.4 : 0.5);
	if (integer && wide < 1)
		wide = 1;
	struct chart_bins b = bins_of_width(min, max, wide);
	if (integer && narrow < 1)
		return b;
	struct chart_bins c = bins_of_width(min, max, narrow);
	return abs(c.n_bins - sturges) < abs(b.n_bins - sturges) ? c : b;
}

int chart_bins_index(const struct chart_bins *b, double v)
{
	int i = (int)floor((v - b->start) / b->width + EPS);
	return i < 0 ? 0 : i >= b->n_bins ? b->n_bins - 1 : i;
}

/* Date ticks */

static int floor_mod(int a, int m)
{
	int r = a % m;
	return r < 0 ? r + m : r;
}

/*
 * Ticks every STEP days from FIRST to LAST, on days whose number is a
 * multiple of STEP (weeks: on Mondays, day 4 being Monday 1970-01-05).
 * Returns the count, or MAX + 1 once there are too many.
 */
static int day_ticks(int first, int last, int step, int max, int *ticks)
{
	if ((last - first) / step > max + 1)
		return max + 1;
	int phase = step % 7 == 0 ? 4 : 0;
	int n = 0;
	for (int d = first; d <= last; d++) {
		if (floor_mod(d - phase, step) != 0)
			continue;
		if (n == max)
			return max + 1;
		ticks[n++] = d;
	}
	return n;
}

/* Ticks on the first of every STEP-th month (counted from January). */
static int month_ticks(int first, int last, int step, int max, int *ticks)
{
	int y, m, d;
	isodate_split(first, &y, &m, &d);
	int ym = y * 12 + m - 1;
	isodate_split(last, &y, &m, &d);
	int ym_last = y * 12 + m - 1;
	if ((ym_last - ym) / step > max + 1)
		return max + 1;
	int n = 0;
	for (; ym <= ym_last; ym++) {
		int day = isodate_from_ymd(ym / 12, ym % 12 + 1, 1);
		if (ym % step != 0 || day < first || day > last)
			continue;
		if (n == max)
			return max + 1;
		ticks[n++] = day;
	}
	return n;
}

static int year_ticks(int first, int last, int step, int max, int *ticks)
{
	int y0, y1, m, d;
	isodate_split(first, &y0, &m, &d);
	isodate_split(last, &y1, &m, &d);
	int n = 0;
	for (int y = y0; y <= y1; y++) {
		int day = isodate_from_ymd(y, 1, 1);
		if (y % step != 0 || day < first || day > last)
			continue;
		if (n == max)
			return max + 1;
		ticks[n++] = day;
	}
	return n;
}

int chart_scale_date_ticks(int first, int last, int max_ticks, int *ticks,
			   enum chart_date_unit *unit)
{
	static const int days[] = { 1, 2, 7, 14 };
	static const int months[] = { 1, 2, 3, 6 };
	/* Ticks fall on the calendar's days: years 1 to 9999, as GDate knows them. */
	first = MAX(first, isodate_from_ymd(1, 1, 1));
	last = MIN(last, isodate_from_ymd(9999, 12, 31));
	if (last < first)
		last = first;
	if (max_ticks < 1)
		max_ticks = 1;
	for (size_t i = 0; i < G_N_ELEMENTS(days); i++) {
		int n = day_ticks(first, last, days[i], max_ticks, ticks);
		if (n <= max_ticks) {
			*unit = CHART_DAYS;
			return n;
		}
	}
	for (size_t i = 0; i < G_N_ELEMENTS(months); i++) {
		int n = month_ticks(first, last, months[i], max_ticks, ticks);
		if (n <= max_ticks) {
			*unit = CHART_MONTHS;
			return n;
		}
	}
	*unit = CHART_YEARS;
	for (int step = 1;; step = (int)chart_scale_nice_step(step + 1)) {
		int n = year_ticks(first, last, step, max_ticks, ticks);
		if (n <= max_ticks)
			return n;
	}
}

/* Label placement */

/*
 * Blocks of neighbouring labels that touch.  A block's labels sit end to
 * end, so the block is placed by its start alone; the start that
 * minimises the squared moves is the mean of the starts its labels want,
 * each less its offset inside the block.
 */
struct block {
	size_t first, count;
	double length;		/* the labels and the gaps between them */
	double sum;		/* sum over its labels of (wanted start - offset) */
	double start;
};

static void place_block(struct block *b, double lo, double hi)
{
	b->start = b->sum / b->count;
	if (b->start > hi - b->length)
		b->start = hi - b->length;
	if (b->start < lo)
		b->start = lo;
}

bool chart_scale_spread(double *pos, const double *size, size_t n, double lo, double hi,
			double gap)
{
	if (!n)
		return true;
	struct block *blocks = g_new(struct block, n);
	size_t nb = 0;
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		total += size[i] + (i ? gap : 0);
		struct block b = { i, 1, size[i], pos[i] - size[i] / 2, 0 };
		place_block(&b, lo, hi);
		while (nb && blocks[nb - 1].start + blocks[nb - 1].length + gap > b.start + EPS) {
			struct block *a = &blocks[--nb];
			b.sum = a->sum + b.sum - b.count * (a->length + gap);
			b.length = a->length + gap + b.length;
			b.count += a->count;
			b.first = a->first;
			place_block(&b, lo, hi);
		}
		blocks[nb++] = b;
	}
	for (size_t k = 0; k < nb; k++) {
		double at = blocks[k].start;
		for (size_t i = blocks[k].first; i < blocks[k].first + blocks[k].count; i++) {
			pos[i] = at + size[i] / 2;
			at += size[i] + gap;
		}
	}
	g_free(blocks);
	return total <= hi - lo + EPS;
}

double chart_scale_label_column(const double *widths, size_t n, double cap)
{
	double w = 0;
	for (size_t i = 0; i < n; i++)
		w = MAX(w, widths[i]);
	return MIN(w, cap);
}

size_t chart_scale_dot_stacks(const double *x, size_t n, double diameter, size_t *stack)
{
	size_t n_stacks = 0;
	double first = 0;
	for (size_t i = 0; i < n; i++) {
		if (!n_stacks || x[i] - first >= diameter - EPS) {
			first = x[i];
			n_stacks++;
		}
		stack[i] = n_stacks - 1;
	}
	return n_stacks;
}
