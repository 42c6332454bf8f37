/* disclose-time.c - how long disclosure control takes on a large, thinly spread crosstab */
#include <config.h>

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "disclose.h"

/*
 * Usage: disclose-time [TABLES]
 *
 * Times disclose_suppress() and disclose_bounds() on TABLES (default 20)
 * random tables of 25 answers by 10 groups counting 193 States, for each
 * pairing of: single answers (SUM rows and columns) or several
 * (select_multiple: COVER columns, each State ticking each answer with
 * probability 0.3 / (1 + skew * answer), at least one); answers and groups
 * uniform (skew 0) or uneven (skew 2, answer r and group c drawn with
 * weight 1 / (1 + 2r), 1 / (1 + 2c)); thresholds 3 and 5.  Prints the mean
 * and worst time of disclose_suppress(), the mean time of disclose_bounds()
 * on its result, and the mean number of cells suppressed.
 */

#define ROWS 25
#define COLS 10
#define STATES 193

struct sample {
	unsigned long cells[ROWS * COLS], row_totals[ROWS], col_totals[COLS];
};

/* An index below N drawn with weight 1 / (1 + SKEW * index). */
static int draw(GRand *rng, int n, double skew)
{
	for (;;) {
		int k = g_rand_int_range(rng, 0, n);
		if (g_rand_double(rng) * (1 + skew * k) < 1)
			return k;
	}
}

static void count(struct sample *s, int r, int c)
{
	s->cells[r * COLS + c]++;
	s->row_totals[r]++;
}

static void generate(GRand *rng, bool several, double skew, struct sample *s)
{
	*s = (struct sample){ { 0 }, { 0 }, { 0 } };
	for (int k = 0; k < STATES; k++) {
		int c = draw(rng, COLS, skew), ticked = 0;
		s->col_totals[c]++;
		for (int r = 0; several && r < ROWS; r++)
			if (g_rand_double(rng) * (1 + skew * r) < 0.3) {
				count(s, r, c);
				ticked++;
			}
		if (!ticked)
			count(s, draw(rng, ROWS, skew), c);
	}
}

static double seconds(gint64 since)
{
	return (double)(g_get_monotonic_time() - since) / 1e6;
}

static void run(int tables, bool several, double skew, unsigned long threshold)
{
	GRand *rng = g_rand_new_with_seed(193);
	double total = 0, worst = 0, audit = 0;
	unsigned long suppressed = 0;
	int withheld = 0;
	for (int i = 0; i < tables; i++) {
		struct sample s;
		generate(rng, several, skew, &s);
		struct disclose_table t = { ROWS, COLS, s.cells, s.row_totals, s.col_totals,
					    DISCLOSE_SUM, several ? DISCLOSE_COVER : DISCLOSE_SUM };
		enum disclose_mark marks[ROWS * COLS];
		unsigned long lo[ROWS * COLS], hi[ROWS * COLS];
		gint64 start = g_get_monotonic_time();
		withheld += disclose_suppress(&t, threshold, marks) == DISCLOSE_WITHHOLD;
		double took = seconds(start);
		total += took;
		worst = MAX(worst, took);
		start = g_get_monotonic_time();
		if (disclose_bounds(&t, marks, lo, hi) < 0)
			fprintf(stderr, "disclose-time: the audit failed\n");
		audit += seconds(start);
		for (int k = 0; k < ROWS * COLS; k++)
			suppressed += marks[k] != DISCLOSE_SHOWN;
	}
	g_rand_free(rng);
	printf("%-8s  %4.0f  %9lu  %6.1f ms  %6.1f ms  %6.1f ms  %10.1f  %8d\n",
	       several ? "multiple" : "single", skew, threshold, total / tables * 1e3,
	       worst * 1e3, audit / tables * 1e3, (double)suppressed / tables, withheld);
}

int main(int argc, char **argv)
{
	int tables = argc > 1 ? atoi(argv[1]) : 20;
	if (tables < 1) {
		fprintf(stderr, "usage: disclose-time [TABLES]\n");
		return 2;
	}
	printf("%d tables of %d answers x %d groups, %d States\n", tables, ROWS, COLS, STATES);
	printf("%-8s  %4s  %9s  %18s  %9s  %10s  %8s\n", "answers", "skew", "threshold",
	       "suppress mean/worst", "bounds", "suppressed", "withheld");
	for (int several = 0; several < 2; several++)
		for (double skew = 0; skew <= 2; skew += 2)
			for (unsigned long threshold = 3; threshold <= 5; threshold += 2)
				run(tables, several, skew, threshold);
	return 0;
}
