/* stats.h - proportions, numeric summaries and contingency-table tests */
#ifndef QUIRE_STATS_H
#define QUIRE_STATS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Every figure is defined as R 4.2 computes it and returned unrounded.  A
 * figure that is undefined for its input is NaN, never a made-up number;
 * writers print NaN as null.  Nothing here allocates memory the caller
 * must free, prints, or keeps state between calls: callers pass plain
 * arrays (borrowed for the duration of the call) and get plain structs
 * back.  Counts are doubles holding whole numbers, so a caller may
 * accumulate them in any integer or floating type.
 */

/* Proportions */

/* A 95% confidence interval for a proportion. */
struct stats_interval {
	double lower, upper;
};

/*
 * Wilson score interval for K successes in N trials, with
 * z = qnorm(0.975) = 1.959963984540054 (not 1.96).  The bounds are exactly
 * 0 when K = 0 and exactly 1 when K = N.  N = 0 or K > N gives NaN bounds.
 */
struct stats_interval stats_wilson(unsigned long k, unsigned long n);

/*
 * Clopper-Pearson ("exact") interval: the 2.5% and 97.5% quantiles of
 * Beta(K, N-K+1) and Beta(K+1, N-K), with lower bound 0 when K = 0 and
 * upper bound 1 when K = N.  N = 0 or K > N gives NaN bounds.
 */
struct stats_interval stats_clopper_pearson(unsigned long k, unsigned long n);

/* Numeric summaries */

/*
 * Summary of a numeric answer.  Quartiles are R's quantile type 7 (the
 * definition gsl_stats_quantile_from_sorted_data() implements); sd and
 * variance use the n - 1 denominator.  With n = 0 every other field is NaN;
 * with n = 1 sd and variance are NaN.
 */
struct stats_numeric {
	double n;
	double mean, sd, variance;
	double min, q1, median, q3, max;
};

/*
 * Summarises data kept as runs: VALUES[i] occurs COUNTS[i] times, for the
 * K runs, so memory follows the number of distinct answers, not of
 * replies.  VALUES must be in ascending order (equal neighbours are
 * allowed) and finite; COUNTS are whole numbers >= 0 (runs of 0 are
 * ignored).  The mean and variance are computed in two passes with a
 * correction term, so they stay accurate when the spread is small next to
 * the mean.  Returns 0, or -1 when the input breaks these rules (then OUT
 * is filled as for n = 0).
 */
int stats_numeric_runs(const double *values, const double *counts, size_t k,
		       struct stats_numeric *out);

/* Fisher's exact test */

enum stats_fisher_method {
	STATS_FISHER_NONE = 0,		/* not computed: the table is undefined for tests */
	STATS_FISHER_EXACT,		/* complete enumeration (network algorithm) */
	STATS_FISHER_MONTE_CARLO,	/* seeded simulation; see below */
};

/*
 * Limits of the exact computation and of the simulation that replaces it.
 *
 * The exact algorithm counts its steps (column vectors generated, nodes
 * made, partial tables carried or settled, completions listed and sorted,
 * tail terms summed; each priced at what it costs, a step being a few
 * nanoseconds) and gives up as soon as they pass its work limit, or as
 * soon as it holds more than STATS_FISHER_MAX_MEMORY bytes.  Steps are
 * counted, never timed, so a table gets the same method and p on every
 * machine; and the limit is on work done, not on an estimate made in
 * advance, so no table can make the test run long.  With the default
 * limit, STATS_FISHER_MAX_WORK = 400 million steps, the exact phase takes
 * at most about 3 s of CPU time and 256 MB on the 2-core development
 * machine (3 to 7 ns a step, the most for tables that fill memory).
 *
 * The limit is max_work in struct stats_fisher_options, which the command
 * line sets with --fisher-exact-limit STEPS: STEPS is a number of the
 * steps above, 0 (or no option) the default.  Time grows with it, about
 * 5 s a billion steps, while memory stays under STATS_FISHER_MAX_MEMORY;
 * a small limit simulates sooner, 1 every table but a 2x2 one (2x2 tables
 * are always exact, in a few milliseconds at any size).
 *
 * Why a fixed limit.  Tables of one shape and size differ in work by
 * orders of magnitude (3x8 tables of 193: from 8 thousand to over a
 * billion steps; 6x6 tables of 60: 32 to 436 million), so a limit scaled
 * by the table's size or n could not tell the tables that finish from
 * those that do not; it would only move the worst case.  The work was cut
 * instead (stats-network.c: pasts merge as they arrive, small columns are
 * filled first, completion lists are made when needed: a half to a
 * quarter of the steps on 6x6 tables of 47, a tenth on 3x8 tables of
 * 193), and the default set by measurement, on random tables of a 47 to
 * 193 member body (even and skewed margins):
 *
 *	6x6 of 47		100 tables, at most  57 million steps (0.3 s)
 *	5x5 of 47		 50 tables, at most  15 million steps
 *	4x4 of 100		 50 tables, at most  28 million steps
 *	2x6 to 2x12 of 193	 54 tables, at most 264 million steps
 *	3x5 and 3x6 of 193	 31 tables, at most  71 million steps
 *	3x8 of 193		 31 tables, 28 within the limit
 *	3x10 of 193		 28 tables, 12 within the limit
 *	7x7, 8x8 of 47, 6x6 of 60 44 tables, 43 within the limit
 *
 * The tables R 4.2's fisher.test() solved with its default workspace in
 * these measurements took at most 117 million steps.  Most tables such as
 * 4x4 or 5x5 of 193 or 8x8 of 100 (where R's default workspace fails too)
 * pass the limit, and so do the 3x10 tables of 193 with a small p.
 *
 * Past the limit, the p-value is estimated from REPLICATES random tables
 * with the observed margins (Patefield's algorithm, GSL's MT19937
 * generator seeded with SEED, so the estimate is the same on every run
 * and machine), with R's fisher.test(simulate.p.value = TRUE) estimator
 * p = (1 + #{simulated tables with probability <= p_obs (1 + 1e-7)}) / (B + 1).
 * 100,000 replicates give a standard error below 0.0016 and take about
 * 0.3 s for an 8x8 table of 400.  A cell costs steps in proportion to the
 * square root of n (a 2x6 table of 10 million takes 2.5 s), so the
 * simulation also counts its steps and, past MAX_SIM_WORK (about 5 s),
 * stops at the replicates drawn so far (at least 1,000), which the result
 * reports.
 */
#define STATS_FISHER_MAX_WORK 400000000ull
#define STATS_FISHER_MAX_MEMORY (256ul << 20)
#define STATS_FISHER_MAX_SIM_WORK 1000000000ull
#define STATS_FISHER_REPLICATES 100000ul
#define STATS_FISHER_SEED 20190630ul

/* Zero means "the default" in every field. */
struct stats_fisher_options {
	unsigned long long max_work;	/* steps of the exact phase (--fisher-exact-limit) */
	unsigned long replicates;
	unsigned long seed;
};

struct stats_fisher {
	enum stats_fisher_method method;
	double p;			/* two-sided */
	double p_less, p_greater;	/* one-sided, 2x2 tables only (else NaN) */
	unsigned long replicates;	/* Monte Carlo only (else 0) */
	double se;			/* Monte Carlo standard error sqrt(p(1-p)/B) (exact: 0) */
	unsigned long long work;	/* steps the exact algorithm took (diagnostics) */
};

/*
 * Fisher's exact test on the ROWS x COLS table COUNTS (row-major, whole
 * numbers >= 0), as R's fisher.test() defines it: the two-sided p is the
 * total probability, under the hypergeometric distribution of tables with
 * the observed margins, of the tables whose probability is at most
 * p_obs (1 + 1e-7).  Rows and columns whose total is 0 are left out first;
 * when fewer than 2 rows or 2 columns remain, the test is undefined
 * (method STATS_FISHER_NONE, NaN p-values).  For a 2x2 table p_less and
 * p_greater are P(X <= a) and P(X >= a), a being the top-left count.
 *
 * The exact computation is a network algorithm (Mehta & Patel 1983): see
 * stats-network.c.  OPTS may be NULL for the defaults above.  Returns 0, or
 * -1 when a count is negative, not a whole number, or the total exceeds
 * 2^31 - 1 (then OUT is filled as undefined).
 */
int stats_fisher(const double *counts, size_t rows, size_t cols,
		 const struct stats_fisher_options *opts, struct stats_fisher *out);

/* Contingency tables */

/*
 * Tests of independence on a table.  Rows and columns whose total is 0 are
 * excluded from every figure below (the caller still shows them); ROWS_USED
 * and COLS_USED count the rest.  When fewer than 2 of either remain,
 * DEFINED is false and every statistic is NaN (the cell counts are then
 * 0 and UNRELIABLE false).
 */
struct stats_crosstab {
	size_t rows_used, cols_used;
	bool defined;
	double n;			/* total count */

	double df;			/* (rows_used - 1) (cols_used - 1) */
	double pearson_chisq, pearson_p;
	/* 2x2 only: R's capped correction, sum (|O - E| - min(0.5, |O - E|))^2 / E */
	double yates_chisq, yates_p;
	double lr_g, lr_p;		/* likelihood ratio G = 2 sum O ln(O/E), 0 ln 0 = 0 */
	struct stats_fisher fisher;

	double phi;			/* 2x2 only: signed, (ad - bc) / sqrt(r1 r2 c1 c2) */
	double cramers_v;		/* sqrt(X^2 / (n (min(rows, cols) - 1))) */

	double min_expected;		/* smallest expected count */
	size_t cells;			/* rows_used * cols_used */
	size_t cells_expected_lt5;	/* cells whose expected count is below 5 */
	bool unreliable;		/* more than 20% of cells expect fewer than 5 */
};

/*
 * Fills OUT for the ROWS x COLS table COUNTS (row-major, whole numbers
 * >= 0), Fisher's test with the options FISHER, or the defaults when it
 * is NULL (its p-values are NaN when n passes 2^31 - 1).  Returns 0, or
 * -1 when a count is negative, not a whole number, or not finite (then
 * OUT is filled as undefined).
 */
int stats_crosstab_with(const double *counts, size_t rows, size_t cols,
			const struct stats_fisher_options *fisher, struct stats_crosstab *out);

/* stats_crosstab_with() with the default options of Fisher's test. */
int stats_crosstab(const double *counts, size_t rows, size_t cols, struct stats_crosstab *out);

/*
 * Writes the expected count of every cell, row total * column total / n,
 * into EXPECTED (ROWS x COLS, row-major, caller-provided), for display:
 * rows and columns with a zero total, and every cell of an empty table,
 * get 0.
 */
void stats_expected(const double *counts, size_t rows, size_t cols, double *expected);

#endif
