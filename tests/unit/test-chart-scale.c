/* test-chart-scale.c - unit tests for the arithmetic of charts (no cairo) */
#include <config.h>
#include "chart-scale.h"

#include <math.h>
#include <string.h>
#include <glib.h>

#include "isodate.h"
#include "tap.h"

static void check_axis(double lo, double hi, int max_ticks, bool integer, double want_lo,
		       double want_hi, double want_step, int want_decimals)
{
	struct chart_axis a = chart_scale_axis(lo, hi, max_ticks, integer);
	ok(a.lo == want_lo && fabs(a.hi - want_hi) < 1e-12 && fabs(a.step - want_step) < 1e-12 &&
	   a.decimals == want_decimals && a.n_ticks <= (max_ticks < 2 ? 2 : max_ticks) &&
	   a.n_ticks == (int)lround((a.hi - a.lo) / a.step) + 1,
	   "axis [%g, %g] max %d%s -> %g..%g step %g (got %g..%g step %g, %d ticks, %d decimals)",
	   lo, hi, max_ticks, integer ? " integer" : "", want_lo, want_hi, want_step, a.lo, a.hi,
	   a.step, a.n_ticks, a.decimals);
}

static void test_nice(void)
{
	check_num(chart_scale_nice_step(1), 1, 0);
	check_num(chart_scale_nice_step(1.2), 2, 0);
	check_num(chart_scale_nice_step(2), 2, 0);
	check_num(chart_scale_nice_step(2.01), 5, 0);
	check_num(chart_scale_nice_step(7), 10, 0);
	check_num(chart_scale_nice_step(0.03), 0.05, 1e-12);
	check_num(chart_scale_nice_step(0.3), 0.5, 1e-12);
	check_num(chart_scale_nice_step(180), 200, 0);
	check_num(chart_scale_nice_step(0), 1, 0);
	check_num(chart_scale_nice_step(-5), 1, 0);
}

static void test_axis(void)
{
	/* Counts of States out of 9, 47 and 1. */
	check_axis(0, 9, 6, true, 0, 10, 2, 0);
	check_axis(0, 47, 6, true, 0, 50, 10, 0);
	check_axis(0, 1, 6, true, 0, 1, 1, 0);
	check_axis(0, 2, 6, true, 0, 2, 1, 0);
	check_axis(0, 7, 8, true, 0, 7, 1, 0);
	/* Percentages. */
	check_axis(0, 100, 6, false, 0, 100, 20, 0);
	check_axis(0, 100, 11, false, 0, 100, 10, 0);
	/* Fractions need decimals; a negative range; a large one. */
	check_axis(0, 1, 6, false, 0, 1, 0.2, 1);
	check_axis(0.013, 0.087, 6, false, 0, 0.1, 0.02, 2);
	check_axis(0.013, 0.087, 5, false, 0, 0.1, 0.05, 2);
	check_axis(-3.5, 12, 6, false, -5, 15, 5, 0);
	check_axis(30, 180, 6, false, 0, 200, 50, 0);
	check_axis(12345, 98765, 6, false, 0, 100000, 20000, 0);
	/* Degenerate ranges still give two ticks. */
	check_axis(0, 0, 6, true, 0, 1, 1, 0);
	check_axis(5, 5, 6, true, 5, 6, 1, 0);
	check_axis(0, 10, 1, true, 0, 10, 10, 0);

	struct chart_axis a = chart_scale_axis(0, 0.3, 4, false);
	check_num(chart_axis_tick(&a, 3), 0.3, 0);
	check_num(chart_axis_fraction(&a, 0.15), 0.5, 1e-12);
	/* Every tick is a multiple of the step, to the last. */
	a = chart_scale_axis(0, 0.7, 8, false);
	bool multiples = true;
	for (int i = 0; i < a.n_ticks; i++) {
		double t = chart_axis_tick(&a, i);
		multiples &= fabs(t / a.step - lround(t / a.step)) < 1e-9;
	}
	ok(multiples && a.n_ticks == 8, "ticks of [0, 0.7] are multiples of %g", a.step);
}

static void test_format(void)
{
	char buf[32];
	chart_scale_format(0.1 * 3, 1, buf, sizeof buf);
	check_str(buf, "0.3");
	chart_scale_format(-0.0000001, 1, buf, sizeof buf);
	check_str(buf, "0.0");
	chart_scale_format(20, 0, buf, sizeof buf);
	check_str(buf, "20");
	chart_scale_format_count(7, buf, sizeof buf);
	check_str(buf, "7");
	chart_scale_format_count(2.5, buf, sizeof buf);
	check_str(buf, "2.5");
	chart_scale_format_count(1.0 / 3, buf, sizeof buf);
	check_str(buf, "0.33");
	chart_scale_format_count(-0.0, buf, sizeof buf);
	check_str(buf, "0");
	chart_scale_format_count(1e308, buf, sizeof buf);
	check_str(buf, "1e+308");
	chart_scale_format(4e307, 0, buf, sizeof buf);
	check_str(buf, "4e+307");
}

static void check_bins(double min, double max, double n, bool integer, double start, double width,
		       int n_bins)
{
	struct chart_bins b = chart_scale_bins(min, max, n, integer);
	ok(b.start == start && fabs(b.width - width) < 1e-12 && b.n_bins == n_bins,
	   "bins of [%g, %g] n %g%s: %d of %g from %g (got %d of %g from %g)", min, max, n,
	   integer ? " integer" : "", n_bins, width, start, b.n_bins, b.width, b.start);
}

static void test_bins(void)
{
	check_bins(30, 180, 7, true, 0, 50, 4);
	check_bins(0, 19, 8, true, 0, 5, 4);
	check_bins(0, 3, 9, true, 0, 1, 4);
	check_bins(4, 4, 1, true, 4, 1, 1);
	check_bins(0, 0, 5, true, 0, 1, 1);
	check_bins(0.2, 0.9, 40, false, 0.2, 0.1, 8);
	check_bins(2004, 2019, 9, true, 2000, 5, 4);
	/* 27 / 5 = 5.4: bins of 5 (6 of them) are nearer Sturges' 5 than bins of 10 (3). */
	check_bins(0, 27, 9, true, 0, 5, 6);
	check_bins(0, 1000, 1000, false, 0, 100, 11);
	struct chart_bins b = chart_scale_bins(0, 10, 100, true);
	check_int(chart_bins_index(&b, 0), 0);
	check_int(chart_bins_index(&b, 10), b.n_bins - 1);
	check_int(chart_bins_index(&b, b.start + b.width), 1);
	check_int(chart_bins_index(&b, -1), 0);
}

static void test_dates(void)
{
	int ticks[16];
	enum chart_date_unit unit;
	/* The sample's replies: 23 April to 27 August 2019. */
	int first = isodate_from_ymd(2019, 4, 23), last = isodate_from_ymd(2019, 8, 27);
	int n = chart_scale_date_ticks(first, last, 8, ticks, &unit);
	check_int(n, 4);
	check_int(unit, CHART_MONTHS);
	check_int(ticks[0], isodate_from_ymd(2019, 5, 1));
	check_int(ticks[3], isodate_from_ymd(2019, 8, 1));

	/* Ten days: every other day. */
	n = chart_scale_date_ticks(isodate_from_ymd(2019, 6, 20), isodate_from_ymd(2019, 6, 30), 6,
				   ticks, &unit);
	check_int(unit, CHART_DAYS);
	ok(n == 5 && ticks[1] - ticks[0] == 2, "ten days: %d ticks two days apart", n);

	/* Six weeks: Mondays. */
	n = chart_scale_date_ticks(isodate_from_ymd(2019, 5, 1), isodate_from_ymd(2019, 6, 12), 8,
				   ticks, &unit);
	bool mondays = n > 0;
	for (int i = 0; i < n; i++)
		mondays &= isodate_weekday(ticks[i]) == 1;
	ok(mondays && unit == CHART_DAYS && n == 6, "six weeks: %d ticks on Mondays", n);

	/* Two years: quarters; one day: one tick. */
	n = chart_scale_date_ticks(isodate_from_ymd(2018, 1, 1), isodate_from_ymd(2019, 12, 31), 8,
				   ticks, &unit);
	ok(n == 8 && unit == CHART_MONTHS && ticks[1] == isodate_from_ymd(2018, 4, 1),
	   "two years: quarterly ticks (%d)", n);
	n = chart_scale_date_ticks(first, first, 6, ticks, &unit);
	ok(n == 1 && ticks[0] == first, "one day: one tick");
	/* Forty years: every ten years. */
	n = chart_scale_date_ticks(isodate_from_ymd(1975, 3, 1), isodate_from_ymd(2019, 3, 1), 6,
				   ticks, &unit);
	ok(unit == CHART_YEARS && n == 4 && ticks[0] == isodate_from_ymd(1980, 1, 1),
	   "forty-four years: decades (%d)", n);
}

static bool no_overlap(const double *pos, const double *size, size_t n, double gap)
{
	for (size_t i = 1; i < n; i++)
		if (pos[i] - size[i] / 2 < pos[i - 1] + size[i - 1] / 2 + gap - 1e-9)
			return false;
	return true;
}

static void test_spread(void)
{
	/* Labels that do not touch stay where they are. */
	double pos[] = { 10, 40, 70 }, size[] = { 10, 10, 10 };
	ok(chart_scale_spread(pos, size, 3, 0, 100, 2) && pos[0] == 10 && pos[1] == 40 &&
	   pos[2] == 70, "separate labels do not move");

	/* Two labels wanting one place split around it. */
	double p2[] = { 50, 50 }, s2[] = { 10, 10 };
	chart_scale_spread(p2, s2, 2, 0, 100, 2);
	check_num(p2[0], 44, 1e-12);
	check_num(p2[1], 56, 1e-12);

	/* A crowd at the bottom edge is pushed up inside the range. */
	double p3[] = { 95, 97, 99 }, s3[] = { 10, 10, 10 };
	ok(chart_scale_spread(p3, s3, 3, 0, 100, 0) && no_overlap(p3, s3, 3, 0) &&
	   fabs(p3[2] - 95) < 1e-12, "labels at the edge stay inside (last at %g)", p3[2]);

	/* Twelve labels in one spot: ordered, apart and inside. */
	double p4[12], s4[12];
	for (int i = 0; i < 12; i++) {
		p4[i] = 30;
		s4[i] = 8 + i % 3;
	}
	bool fits = chart_scale_spread(p4, s4, 12, 0, 200, 3);
	ok(fits && no_overlap(p4, s4, 12, 3) && p4[0] - s4[0] / 2 >= 0 &&
	   p4[11] + s4[11] / 2 <= 200, "twelve labels in one place are spread");

	/* Too many to fit: packed from the start, reported. */
	double p5[] = { 5, 5, 5 }, s5[] = { 10, 10, 10 };
	ok(!chart_scale_spread(p5, s5, 3, 0, 20, 0) && p5[0] == 5 && p5[2] == 25,
	   "labels that cannot fit are packed and reported");
	ok(chart_scale_spread(NULL, NULL, 0, 0, 1, 0), "no labels fit anywhere");
}

static void test_columns(void)
{
	double w[] = { 40, 310, 120 };
	check_num(chart_scale_label_column(w, 3, 192), 192, 0);
	check_num(chart_scale_label_column(w, 1, 192), 40, 0);
	check_num(chart_scale_label_column(w, 0, 192), 0, 0);

	double x[] = { 0, 1, 5, 9, 9.5, 30 };
	size_t stack[6];
	size_t n = chart_scale_dot_stacks(x, 6, 8, stack);
	ok(n == 3 && stack[0] == 0 && stack[2] == 0 && stack[3] == 1 && stack[4] == 1 &&
	   stack[5] == 2, "dots within a diameter of a stack's first join it (%zu stacks)", n);
	check_int(chart_scale_dot_stacks(x, 0, 8, stack), 0);
}

int main(void)
{
	test_nice();
	test_axis();
	test_format();
	test_bins();
	test_dates();
	test_spread();
	test_columns();
	return tap_done();
}
