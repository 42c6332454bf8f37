/* chart-scale.h - the arithmetic of charts: nice ticks, bins, dates, label placement */
#ifndef QUIRE_CHART_SCALE_H
#define QUIRE_CHART_SCALE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Pure functions: numbers in, numbers out, no cairo and no Pango, so every
 * one of them is unit-tested on its own (tests/unit/test-chart-scale.c).
 * Lengths measured by Pango are passed in by the drawing code.
 */

/*
 * An axis from LO to HI in steps of STEP, a 1, 2 or 5 times a power of
 * ten, with N_TICKS ticks at LO, LO + STEP, ..., HI:
 *
 *     |-------|-------|-------|-------|-------|
 *     0       2       4       6       8      10     LO = 0, HI = 10, STEP = 2
 *
 * DECIMALS is how many digits after the point the tick labels need.
 */
struct chart_axis {
	double lo, hi, step;
	int n_ticks;
	int decimals;
};

/* The smallest 1-2-5 number (1, 2, 5, 10, 20, 50, ...) not below RAW (> 0). */
double chart_scale_nice_step(double raw);

/*
 * An axis that covers [LO, HI] with at most MAX_TICKS ticks (at least 2)
 * and both ends on a tick.  INTEGER asks for a step of at least 1 (counts
 * of States).  An empty or inverted range gets an axis from LO to LO + 1
 * step, so it is never degenerate.
 */
struct chart_axis chart_scale_axis(double lo, double hi, int max_ticks, bool integer);

/* The I-th tick of A (0 .. n_ticks - 1). */
double chart_axis_tick(const struct chart_axis *a, int i);

/* Where V falls along A, as a fraction: 0 at LO, 1 at HI. */
double chart_axis_fraction(const struct chart_axis *a, double v);

/*
 * Writes V with DECIMALS digits after the point ("-0" is written "0"); from
 * 1e15 on, with six significant digits and an exponent ("4e+307").
 */
void chart_scale_format(double v, int decimals, char *buf, size_t size);

/*
 * Writes a count: an integer without decimals, anything else with up to
 * two ("7", "2.5", "0.33"); from 1e15 on as chart_scale_format() does.
 */
void chart_scale_format_count(double v, char *buf, size_t size);


/*
 * Histogram bins: N_BINS bins of WIDTH (a 1-2-5 number, at least 1 for
 * INTEGER data) starting at START, a multiple of WIDTH.  Bin i holds
 * [START + i * WIDTH, START + (i + 1) * WIDTH); the last one holds MAX.
 * Of the two 1-2-5 widths around (MAX - MIN) / Sturges' number of bins
 * for N values, ceil(log2 N) + 1, the one giving nearer that many bins.
 */
struct chart_bins {
	double start, width;
	int n_bins;
};
struct chart_bins chart_scale_bins(double min, double max, double n, bool integer);

/* The bin of B that V falls in. */
int chart_bins_index(const struct chart_bins *b, double v);

/*
 * Date ticks for days FIRST to LAST (day numbers, see isodate.h): the
 * smallest step among 1, 2, 7 and 14 days, 1, 2, 3 and 6 months and 1, 2,
 * 5, 10, ... years that gives at most MAX_TICKS ticks inside the range.
 * Month ticks fall on the first of a month, year ticks on 1 January, week
 * ticks on Mondays.  Writes at most MAX_TICKS days to TICKS and returns
 * how many; *UNIT gets the kind of step.
 */
enum chart_date_unit { CHART_DAYS, CHART_MONTHS, CHART_YEARS };
int chart_scale_date_ticks(int first, int last, int max_ticks, int *ticks,
			   enum chart_date_unit *unit);

/*
 * Places N labels of heights (or widths) SIZE[i] along a line, each as
 * near its wanted centre POS[i] as can be, in the same order, GAP apart
 * and inside [LO, HI].  POS must be ascending; it is rewritten with the
 * centres chosen, which minimise the sum of squared moves (overlapping
 * neighbours are pooled into blocks, as in isotonic regression).  When the
 * labels cannot all fit they are packed from LO and run past HI; returns
 * whether they fit.
 */
bool chart_scale_spread(double *pos, const double *size, size_t n, double lo, double hi,
			double gap);

/*
 * The width of a column of labels whose natural (unwrapped) widths are
 * WIDTHS: the widest of them, but at most CAP; the labels wider than the
 * result are then wrapped to it.
 */
double chart_scale_label_column(const double *widths, size_t n, double cap);

/*
 * Dot plot stacks: sorted positions X (points along the axis) are grouped
 * left to right, a position joining the current stack while it lies less
 * than DIAMETER from the stack's first position.  STACK[i] gets each
 * position's stack; returns the number of stacks.
 */
size_t chart_scale_dot_stacks(const double *x, size_t n, double diameter, size_t *stack);

#endif
