/* stats.c - proportions, numeric summaries and chi-square tests on tables */
#include <config.h>
#include "stats.h"

#include <float.h>
#include <math.h>
#include <glib.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>

/*
 * GSL's default error handler aborts the program.  A library must not: the
 * handler is switched off, and every result is checked instead.
 */
static void gsl_quiet(void)
{
	static bool done;
	if (!done) {
		gsl_set_error_handler_off();
		done = true;
	}
}

/* Proportions */

struct stats_interval stats_wilson(unsigned long k, unsigned long n)
{
	gsl_quiet();
	struct stats_interval ci = {NAN, NAN};
	if (n == 0 || k > n)
		return ci;
	double z = gsl_cdf_ugaussian_Pinv(0.975);
	double nn = (double)n, p = (double)k / nn, z2 = z * z;
	double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
	double half = z / (1 + z2 / nn) * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
	ci.lower = k == 0 ? 0 : centre - half;
	ci.upper = k == n ? 1 : centre + half;
	return ci;
}

/*
 * log x! - log of its Stirling approximation, (x + 1/2) log x - x +
 * log sqrt(2 pi): from the factorial for small x, where nothing cancels,
 * and from the asymptotic series beyond (Loader 2000, as R's dbinom).
 */
static double stirlerr(double x)
{
	if (x <= 15)
		return gsl_sf_lnfact((unsigned int)x) - ((x + 0.5) * log(x) - x + 0.5 * log(2 * M_PI));
	double x2 = x * x;
	return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / (1188 * x2)) / x2) / x2) / x2) / x;
}

/* x log(x / m) + m - x, by a series when x is near m, where the terms cancel (Loader 2000). */
static double bd0(double x, double m)
{
	if (fabs(x - m) >= 0.1 * (x + m))
		return x * log(x / m) + m - x;
	double v = (x - m) / (x + m), s = (x - m) * v, ej = 2 * x * v;
	for (int j = 1; j < 1000; j++) {
		ej *= v * v;
		double s1 = s + ej / (2 * j + 1);
		if (s1 == s)
			break;
		s = s1;
	}
	return s;
}

/* The binomial probability of K in N trials of chance P (0 < P < 1), to about 1e-15 relative for any N. */
static double binom_pmf(double n, double k, double p)
{
	double q = 1 - p;
	if (k == 0)
		return exp(n * log1p(-p));
	if (k == n)
		return exp(n * log(p));
	double lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
	return exp(lc) * sqrt(n / (2 * M_PI * k * (n - k)));
}

/*
 * P(X < K) into *BELOW and P(X >= K) into *FROM for X ~ Binomial(N, P),
 * 0 < P < 1, 1 <= K <= N; returns the binomial probability of K.  The
 * side away from the mode is summed, outward from K along the falling
 * side of the law, each term from its neighbour by the ratio of binomial
 * terms, until the rest is negligible; the other side is 1 minus it.
 * GSL's beta quantile and incomplete beta give up (and abort through
 * GSL's error handler) for n in the millions, so the Clopper-Pearson
 * bounds are found from these tails instead, and the probability of K
 * comes from Loader's saddle-point form, so no factorial of a large n
 * cancels.
 */
static double binom_split(double n, double k, double p, double *below, double *from)
{
	double q = 1 - p, pmf = binom_pmf(n, k, p);
	bool up = k >= floor((n + 1) * p);
	double x = up ? k : k - 1, term = up ? pmf : pmf * k / (n - k + 1) * q / p, sum = term;
	while (up ? x < n : x > 0) {
		double rho = up ? (n - x) / (x + 1) * p / q : x / (n - x + 1) * q / p;
		term *= rho;
		sum += term;
		x += up ? 1 : -1;
		/* Later ratios are smaller still, so the rest is below term rho / (1 - rho). */
		if (term * rho <= 1e-17 * sum * (1 - rho))
			break;
	}
	*from = up ? sum : 1 - sum;
	*below = up ? 1 - sum : sum;
	return pmf;
}

/*
 * The P in (0, 1) where P(X >= K) = ALPHA (GE) or P(X < K) = ALPHA (not
 * GE), by Newton's method from GUESS inside a shrinking bracket, with a
 * bisection step (geometric once the bracket is off 0) whenever Newton
 * leaves it.  d/dp P(X >= K) = K pmf(K) / p.
 */
static double binom_solve(double n, double k, bool ge, double alpha, double guess)
{
	double lo = 0, hi = 1, p = guess;
	for (int i = 0; i < 200; i++) {
		double below, from, pmf = binom_split(n, k, p, &below, &from);
		double f = (ge ? from : below) - alpha, slope = (ge ? 1 : -1) * k * pmf / p;
		if (isnan(f))
			return NAN;
		if ((f < 0) == ge)
			lo = p;
		else
			hi = p;
		double next = p - f / slope;
		if (!(next > lo && next < hi))
			next = lo > 0 ? sqrt(lo * hi) : hi / 2;
		if (fabs(next - p) <= 4 * DBL_EPSILON * p || hi - lo <= 4 * DBL_EPSILON * lo)
			return next;
		p = next;
	}
	return p;
}

struct stats_interval stats_clopper_pearson(unsigned long k, unsigned long n)
{
	gsl_quiet();
	struct stats_interval ci = {NAN, NAN};
	if (n == 0 || k > n)
		return ci;
	struct stats_interval w = stats_wilson(k, n);
	double kk = (double)k, nn = (double)n;
	ci.lower = k == 0 ? 0 : binom_solve(nn, kk, true, 0.025, fmax(w.lower, 0.5 / nn));
	ci.upper = k == n ? 1 : binom_solve(nn, kk + 1, false, 0.025, fmin(w.upper, 1 - 0.5 / nn));
	return ci;
}

/* Numeric summaries */

static bool is_count(double c)
{
	return isfinite(c) && c >= 0 && c == floor(c);
}

static bool runs_valid(const double *values, const double *counts, size_t k)
{
	for (size_t i = 0; i < k; i++) {
		if (!isfinite(values[i]) || !is_count(counts[i]))
			return false;
		if (i > 0 && values[i] < values[i - 1])
			return false;
	}
	return true;
}

/*
 * The order statistic x_(I) (0-based) of the run-length data: the value of
 * the first run whose cumulative count passes I.  Runs of 0 never match.
 */
static double runs_order_stat(const double *values, const double *counts, size_t k, double i)
{
	double cum = 0;
	for (size_t j = 0; j < k; j++) {
		cum += counts[j];
		if (cum > i)
			return values[j];
	}
	return NAN;
}

/*
 * R's quantile type 7: with h = (n - 1) P, lo = floor(h), the value
 * x_(lo) + (h - lo) (x_(lo+1) - x_(lo)), written (1 - f) a + f b as R and
 * GSL write it, and exactly a when the two order statistics are equal.
 */
static double runs_quantile(const double *values, const double *counts, size_t k, double n,
			    double p)
{
	double h = (n - 1) * p, lo = floor(h), f = h - lo;
	double a = runs_order_stat(values, counts, k, lo);
	if (f == 0)
		return a;
	double b = runs_order_stat(values, counts, k, lo + 1);
	return a == b ? a : (1 - f) * a + f * b;
}

/*
 * Mean and sum of squared deviations by the corrected two-pass algorithm
 * (Chan, Golub and LeVeque 1983): deviations are taken from a first-pass
 * mean, and their sum, which is zero in exact arithmetic, corrects both.
 */
static void runs_moments(const double *values, const double *counts, size_t k, double n,
			 double *mean, double *ssq)
{
	double sum = 0;
	for (size_t i = 0; i < k; i++)
		sum += counts[i] * values[i];
	double m0 = sum / n, dsum = 0, d2sum = 0;
	for (size_t i = 0; i < k; i++) {
		double d = values[i] - m0;
		dsum += counts[i] * d;
		d2sum += counts[i] * d * d;
	}
	*mean = m0 + dsum / n;
	*ssq = fmax(0, d2sum - dsum * dsum / n);
}

static void numeric_empty(struct stats_numeric *out)
{
	out->n = 0;
	out->mean = out->sd = out->variance = NAN;
	out->min = out->q1 = out->median = out->q3 = out->max = NAN;
}

int stats_numeric_runs(const double *values, const double *counts, size_t k,
		       struct stats_numeric *out)
{
	gsl_quiet();
	numeric_empty(out);
	if (!runs_valid(values, counts, k))
		return -1;
	double n = 0;
	for (size_t i = 0; i < k; i++)
		n += counts[i];
	if (n == 0)
		return 0;
	double ssq;
	out->n = n;
	runs_moments(values, counts, k, n, &out->mean, &ssq);
	if (n > 1) {
		out->variance = ssq / (n - 1);
		out->sd = sqrt(out->variance);
	}
	out->min = runs_order_stat(values, counts, k, 0);
	out->max = runs_order_stat(values, counts, k, n - 1);
	out->q1 = runs_quantile(values, counts, k, n, 0.25);
	out->median = runs_quantile(values, counts, k, n, 0.5);
	out->q3 = runs_quantile(values, counts, k, n, 0.75);
	return 0;
}

/* Contingency tables */

/*
 * The part of a table the tests use: the rows and columns with a nonzero
 * total, their totals and the grand total.  Owned by the caller of
 * used_init(), released with used_release().
 */
struct used {
	size_t r, c;
	size_t *ri, *ci;	/* indices into the full table */
	double *rt, *ct;	/* totals of the used rows and columns */
	double n;
};

static void used_init(struct used *u, const double *counts, size_t rows, size_t cols)
{
	u->ri = g_new(size_t, rows ? rows : 1);
	u->ci = g_new(size_t, cols ? cols : 1);
	u->rt = g_new0(double, rows ? rows : 1);
	u->ct = g_new0(double, cols ? cols : 1);
	double *colsum = g_new0(double, cols ? cols : 1);
	u->r = u->c = 0;
	u->n = 0;
	for (size_t i = 0; i < rows; i++) {
		double s = 0;
		for (size_t j = 0; j < cols; j++) {
			s += counts[i * cols + j];
			colsum[j] += counts[i * cols + j];
		}
		if (s > 0) {
			u->ri[u->r] = i;
			u->rt[u->r++] = s;
		}
		u->n += s;
	}
	for (size_t j = 0; j < cols; j++)
		if (colsum[j] > 0) {
			u->ci[u->c] = j;
			u->ct[u->c++] = colsum[j];
		}
	g_free(colsum);
}

static void used_release(struct used *u)
{
	g_free(u->ri);
	g_free(u->ci);
	g_free(u->rt);
	g_free(u->ct);
}

static double used_count(const struct used *u, const double *counts, size_t cols, size_t i,
			 size_t j)
{
	return counts[u->ri[i] * cols + u->ci[j]];
}

static double used_expected(const struct used *u, size_t i, size_t j)
{
	return u->rt[i] * u->ct[j] / u->n;
}

static void crosstab_undefined(struct stats_crosstab *out)
{
	out->defined = false;
	out->df = NAN;
	out->pearson_chisq = out->pearson_p = NAN;
	out->yates_chisq = out->yates_p = NAN;
	out->lr_g = out->lr_p = NAN;
	out->phi = out->cramers_v = NAN;
	out->min_expected = NAN;
	out->cells = out->cells_expected_lt5 = 0;
	out->unreliable = false;
	out->fisher = (struct stats_fisher){STATS_FISHER_NONE, NAN, NAN, NAN, 0, NAN, 0};
}

/* Pearson's X^2, G, and the expected-count figures. */
static void crosstab_chisq(const struct used *u, const double *counts, size_t cols,
			   struct stats_crosstab *out)
{
	double x2 = 0, g = 0, emin = INFINITY;
	size_t lt5 = 0;
	for (size_t i = 0; i < u->r; i++)
		for (size_t j = 0; j < u->c; j++) {
			double o = used_count(u, counts, cols, i, j), e = used_expected(u, i, j);
			x2 += (o - e) * (o - e) / e;
			if (o > 0)
				g += o * log(o / e);
			emin = fmin(emin, e);
			lt5 += e < 5;
		}
	out->pearson_chisq = x2;
	out->pearson_p = gsl_cdf_chisq_Q(x2, out->df);
	out->lr_g = 2 * g;
	out->lr_p = gsl_cdf_chisq_Q(out->lr_g, out->df);
	out->min_expected = emin;
	out->cells = u->r * u->c;
	out->cells_expected_lt5 = lt5;
	out->unreliable = 5 * lt5 > out->cells;
	out->cramers_v = sqrt(x2 / (u->n * (double)(MIN(u->r, u->c) - 1)));
}

/* Yates' corrected X^2 and the signed phi of a 2x2 table, as R's chisq.test() caps it. */
static void crosstab_2x2(const struct used *u, const double *counts, size_t cols,
			 struct stats_crosstab *out)
{
	double yates = 0.5;
	for (size_t i = 0; i < 2; i++)
		for (size_t j = 0; j < 2; j++) {
			double o = used_count(u, counts, cols, i, j);
			yates = fmin(yates, fabs(o - used_expected(u, i, j)));
		}
	double x2 = 0;
	for (size_t i = 0; i < 2; i++)
		for (size_t j = 0; j < 2; j++) {
			double o = used_count(u, counts, cols, i, j), e = used_expected(u, i, j);
			double d = fabs(o - e) - yates;
			x2 += d * d / e;
		}
	out->yates_chisq = x2;
	out->yates_p = gsl_cdf_chisq_Q(x2, 1);
	double a = used_count(u, counts, cols, 0, 0), b = used_count(u, counts, cols, 0, 1);
	double c = used_count(u, counts, cols, 1, 0), d = used_count(u, counts, cols, 1, 1);
	out->phi = (a * d - b * c) / sqrt(u->rt[0] * u->rt[1] * u->ct[0] * u->ct[1]);
}

static bool counts_valid(const double *counts, size_t cells)
{
	for (size_t i = 0; i < cells; i++)
		if (!is_count(counts[i]))
			return false;
	return true;
}

int stats_crosstab(const double *counts, size_t rows, size_t cols, struct stats_crosstab *out)
{
	return stats_crosstab_with(counts, rows, cols, NULL, out);
}

int stats_crosstab_with(const double *counts, size_t rows, size_t cols,
			const struct stats_fisher_options *fisher, struct stats_crosstab *out)
{
	gsl_quiet();
	crosstab_undefined(out);
	out->rows_used = out->cols_used = 0;
	out->n = 0;
	if (!counts_valid(counts, rows * cols))
		return -1;
	struct used u;
	used_init(&u, counts, rows, cols);
	out->rows_used = u.r;
	out->cols_used = u.c;
	out->n = u.n;
	if (u.r >= 2 && u.c >= 2) {
		out->defined = true;
		out->df = (double)(u.r - 1) * (double)(u.c - 1);
		crosstab_chisq(&u, counts, cols, out);
		if (u.r == 2 && u.c == 2)
			crosstab_2x2(&u, counts, cols, out);
		/* The counts are valid, so this fails only for a total past 2^31 - 1. */
		(void)stats_fisher(counts, rows, cols, fisher, &out->fisher);
	}
	used_release(&u);
	return 0;
}

void stats_expected(const double *counts, size_t rows, size_t cols, double *expected)
{
	struct used u;
	used_init(&u, counts, rows, cols);
	for (size_t k = 0; k < rows * cols; k++)
		expected[k] = 0;
	for (size_t i = 0; i < u.r; i++)
		for (size_t j = 0; j < u.c; j++)
			expected[u.ri[i] * cols + u.ci[j]] = used_expected(&u, i, j);
	used_release(&u);
}
