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
 * nanoseconds) and gives up as soon as they pass MAX_WORK, or as soon as
 * it holds more than STATS_FISHER_MAX_MEMORY bytes.  The limit is on work
 * actually done, not on an estimate made in advance, so no table can make
 * the test run long.  The default, 100 million steps, is 0.3 to 0.7 s on
 * the 2-core development machine.  The tables a 47-193 member
 * body produces are far below it: of the reference tables (up to 6x2,
 * 5x5 with n = 47, 4x5 with n = 80, 3x5 with n = 100, 5x2 with n = 193,
 * 2x3 with n = 10,000) none needs more than 18 million steps or 0.1 s;
 * two-row tables of large n cost little (2x3 with n = 1,000,000: 0.05 s)
 * and 2x2 tables of any size are exact in a few milliseconds.  Tables
 * such as 4x4 with n = 193 (on which R's own exact test takes minutes)
 * or 6x6 with n = 100 pass the limit.
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
#define STATS_FISHER_MAX_WORK 100000000ull
#define STATS_FISHER_MAX_MEMORY (256ul << 20)
#define STATS_FISHER_MAX_SIM_WORK 1000000000ull
#define STATS_FISHER_REPLICATES 100000ul
#define STATS_FISHER_SEED 20190630ul

/* Zero means "the default" in every field. */
struct stats_fisher_options {
	unsigned long long max_work;
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
 * >= 0), Fisher's test with the default options (its p-values are NaN
 * when n passes 2^31 - 1).  Returns 0, or -1 when a count is negative,
 * not a whole number, or not finite (then OUT is filled as undefined).
 */
int stats_crosstab(const double *counts, size_t rows, size_t cols, struct stats_crosstab *out);

/*
 * Writes the expected count of every cell, row total * column total / n,
 * into EXPECTED (ROWS x COLS, row-major, caller-provided), for display:
 * rows and columns with a zero total, and every cell of an empty table,
 * get 0.
 */
void stats_expected(const double *counts, size_t rows, size_t cols, double *expected);

#endif
