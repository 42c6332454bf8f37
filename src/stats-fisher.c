/* stats-fisher.c - Fisher's exact test on r x c tables, exact or simulated */
#include <config.h>
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_gamma.h>

#include "stats-fisher.h"

#define MAX_TOTAL 2147483647L
#define LNFACT_TABLE_MAX (1L << 20)
#define MIN_REPLICATES 1000

void stats_lnfact_init(struct stats_lnfact *lf, long n)
{
	lf->len = MIN(n, LNFACT_TABLE_MAX) + 1;
	lf->v = g_new(double, lf->len);
	for (long k = 0; k < lf->len; k++)
		lf->v[k] = gsl_sf_lnfact((unsigned int)k);
}

void stats_lnfact_release(struct stats_lnfact *lf)
{
	g_free(lf->v);
}

/* Totals of COUNTS' rows (BY_ROW) or columns, as long; false when not whole numbers >= 0 or too large. */
static bool table_totals(const double *counts, size_t rows, size_t cols, bool by_row,
			 long *tot)
{
	size_t len = by_row ? rows : cols;
	for (size_t a = 0; a < len; a++) {
		double s = 0;
		for (size_t b = 0; b < (by_row ? cols : rows); b++) {
			double v = by_row ? counts[a * cols + b] : counts[b * cols + a];
			if (!isfinite(v) || v < 0 || v != floor(v))
				return false;
			s += v;
		}
		if (s > (double)MAX_TOTAL)
			return false;
		tot[a] = (long)s;
	}
	return true;
}

/* Indices of the nonzero entries of TOT[0..LEN), in order. */
static size_t nonzero(const long *tot, size_t len, size_t *idx)
{
	size_t k = 0;
	for (size_t i = 0; i < len; i++)
		if (tot[i] > 0)
			idx[k++] = i;
	return k;
}

/*
 * Fills T with the table the tests see: the rows and columns of COUNTS
 * with a nonzero total, turned so that there are no more rows than
 * columns (the network keeps one state per multiset of remaining row
 * totals, so rows should be the short side).  A 2x2 table keeps its
 * orientation, so its top-left cell is the caller's.  Returns false when
 * the counts are invalid.  T->r or T->c may come out below 2.  Release
 * with table_release() either way.
 */
static bool table_init(struct stats_table *t, const double *counts, size_t rows, size_t cols)
{
	long *rt = g_new(long, rows + 1), *ct = g_new(long, cols + 1);
	size_t *ri = g_new(size_t, rows + 1), *ci = g_new(size_t, cols + 1);
	bool ok = table_totals(counts, rows, cols, true, rt) &&
		  table_totals(counts, rows, cols, false, ct);
	long n = 0;
	for (size_t i = 0; ok && i < rows; i++)
		n += rt[i];
	ok = ok && n <= MAX_TOTAL;
	size_t nr = ok ? nonzero(rt, rows, ri) : 0;
	size_t nc = ok ? nonzero(ct, cols, ci) : 0;
	bool flip = nr > nc;
	t->r = flip ? nc : nr;
	t->c = flip ? nr : nc;
	t->n = n;
	t->cell = g_new(long, t->r * t->c + 1);
	t->row = g_new(long, t->r + 1);
	t->col = g_new(long, t->c + 1);
	for (size_t i = 0; i < nr; i++)
		for (size_t j = 0; j < nc; j++) {
			long v = (long)counts[ri[i] * cols + ci[j]];
			t->cell[flip ? j * nr + i : i * nc + j] = v;
		}
	for (size_t i = 0; i < nr; i++)
		(flip ? t->col : t->row)[i] = rt[ri[i]];
	for (size_t j = 0; j < nc; j++)
		(flip ? t->row : t->col)[j] = ct[ci[j]];
	g_free(rt);
	g_free(ct);
	g_free(ri);
	g_free(ci);
	return ok;
}

static void table_release(struct stats_table *t)
{
	g_free(t->cell);
	g_free(t->row);
	g_free(t->col);
}

void stats_hyper_init(struct stats_hyper *h, long m0, long m1, long a)
{
	h->a = a;
	h->m0 = m0;
	h->m1 = m1;
	h->lo = MAX(0, a - m1);
	h->hi = MIN(a, m0);
	double guess = (double)(a + 1) * (double)(m0 + 1) / (double)(m0 + m1 + 2);
	h->mode = CLAMP((long)guess, h->lo, h->hi);
	/* The formula is exact in theory; rounding of large products may leave it one off. */
	while (h->mode < h->hi && stats_hyper_up(h, h->mode) > 1)
		h->mode++;
	while (h->mode > h->lo && stats_hyper_down(h, h->mode) > 1)
		h->mode--;
}

/*
 * Fisher's test on a 2x2 table, computed as R's fisher.test() does: h
 * relative to its mode for every x, by the running product, so no
 * factorial of a large total enters and the relative error stays near
 * 1e-16 times the number of steps.  Each direction goes on until the
 * terms underflow, a few hundred times sqrt(n) steps at most.
 */
struct walk {
	const struct stats_hyper *h;
	long obs;
	double thr;		/* h(obs) / h(mode) * (1 + tolerance) */
	struct stats_ksum total, tail, less, greater;
	unsigned long long steps;
};

static void walk_add(struct walk *w, long x, double term)
{
	stats_ksum_add(&w->total, term);
	if (term <= w->thr)
		stats_ksum_add(&w->tail, term);
	if (x <= w->obs)
		stats_ksum_add(&w->less, term);
	if (x >= w->obs)
		stats_ksum_add(&w->greater, term);
}

static void walk_out(struct walk *w, int dir)
{
	const struct stats_hyper *h = w->h;
	double term = 1;
	for (long x = h->mode; dir < 0 ? x > h->lo : x < h->hi; x += dir) {
		term *= dir < 0 ? stats_hyper_down(h, x) : stats_hyper_up(h, x);
		if (term == 0)
			break;
		walk_add(w, x + dir, term);
		w->steps++;
	}
}

/* h(OBS) / h(mode), by the same products walk_out() forms, so the observed table ties with itself. */
static double walk_obs(const struct stats_hyper *h, long obs)
{
	double term = 1;
	for (long x = h->mode; x > obs && term > 0; x--)
		term *= stats_hyper_down(h, x);
	for (long x = h->mode; x < obs && term > 0; x++)
		term *= stats_hyper_up(h, x);
	return term;
}

static void fisher_2x2(const struct stats_table *t, struct stats_fisher *out)
{
	const long *x = t->cell;
	struct stats_hyper h;
	stats_hyper_init(&h, x[0] + x[1], x[2] + x[3], x[0] + x[2]);
	struct walk w = {.h = &h, .obs = x[0]};
	w.thr = walk_obs(&h, x[0]) * (1 + STATS_TIE_TOLERANCE);
	walk_add(&w, h.mode, 1);
	walk_out(&w, -1);
	walk_out(&w, 1);
	double total = stats_ksum_value(&w.total);
	out->method = STATS_FISHER_EXACT;
	out->p = fmin(1, stats_ksum_value(&w.tail) / total);
	out->p_less = fmin(1, stats_ksum_value(&w.less) / total);
	out->p_greater = fmin(1, stats_ksum_value(&w.greater) / total);
	out->work = w.steps;
}

/* F of the observed table. */
static double table_f(const struct stats_table *t, const struct stats_lnfact *lf)
{
	double f = 0;
	for (size_t i = 0; i < t->r * t->c; i++)
		f -= stats_lnfact(lf, t->cell[i]);
	return f;
}

/*
 * Simulation.  Patefield's algorithm (AS 159) draws a table with the
 * observed margins: cell by cell, row by row, from the hypergeometric law
 * of the cell given the cells before it, by inversion that starts at the
 * mode and moves to whichever neighbour is more likely.
 */
static long draw_cell(const struct stats_lnfact *lf, gsl_rng *rng, long ia, long id, long ie,
		      unsigned long long *steps)
{
	/* IA draws from IE items of which ID are of this column. */
	struct stats_hyper h;
	stats_hyper_init(&h, id, ie - id, ia);
	if (h.lo == h.hi)
		return h.lo;
	double pm = exp(stats_hyper_g(lf, &h, h.mode) + stats_lnfact(lf, ia) + stats_lnfact(lf, ie - ia) +
			stats_lnfact(lf, id) + stats_lnfact(lf, ie - id) - stats_lnfact(lf, ie));
	double u = gsl_rng_uniform(rng), acc = pm, pd = pm, pu = pm;
	long xd = h.mode, xu = h.mode;
	while (u > acc && (xd > h.lo || xu < h.hi)) {
		(*steps)++;
		double nd = xd > h.lo ? pd * stats_hyper_down(&h, xd) : -1;
		double nu = xu < h.hi ? pu * stats_hyper_up(&h, xu) : -1;
		if (nd >= nu) {
			pd = nd;
			acc += pd;
			if (u <= acc)
				return xd - 1;
			xd--;
		} else {
			pu = nu;
			acc += pu;
			if (u <= acc)
				return xu + 1;
			xu++;
		}
	}
	/* Rounding left the sum a hair short of U: the mode is the likeliest answer. */
	return h.mode;
}

/* F of one random table with T's margins; COLREM is scratch of T->c.  Adds to *STEPS. */
static double draw_table_f(const struct stats_table *t, const struct stats_lnfact *lf, gsl_rng *rng,
			   long *colrem, unsigned long long *steps)
{
	double f = 0;
	long ie = t->n;
	memcpy(colrem, t->col, t->c * sizeof colrem[0]);
	for (size_t i = 0; i + 1 < t->r; i++) {
		long ia = t->row[i], pool = ie;
		for (size_t j = 0; j + 1 < t->c; j++) {
			long id = colrem[j];
			long x = draw_cell(lf, rng, ia, id, pool, steps);
			f -= stats_lnfact(lf, x);
			colrem[j] -= x;
			ia -= x;
			pool -= id;
		}
		f -= stats_lnfact(lf, ia);
		colrem[t->c - 1] -= ia;
		ie -= t->row[i];
	}
	for (size_t j = 0; j < t->c; j++)
		f -= stats_lnfact(lf, colrem[j]);
	return f;
}

/*
 * The simulated p from up to B tables.  A cell costs about the standard
 * deviation of its law in steps, so for a vast n the draws stop once the
 * steps pass STATS_FISHER_MAX_SIM_WORK (after at least MIN_REPLICATES);
 * OUT->replicates tells how many were drawn.
 */
static void fisher_simulate(const struct stats_table *t, const struct stats_lnfact *lf,
			    double thr, unsigned long b, unsigned long seed, struct stats_fisher *out)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, seed);
	long *colrem = g_new(long, t->c);
	unsigned long hits = 0, k = 0;
	unsigned long long steps = 0;
	while (k < b && (steps <= STATS_FISHER_MAX_SIM_WORK || k < MIN_REPLICATES)) {
		hits += draw_table_f(t, lf, rng, colrem, &steps) <= thr;
		steps += t->r * t->c;
		k++;
	}
	g_free(colrem);
	gsl_rng_free(rng);
	out->method = STATS_FISHER_MONTE_CARLO;
	out->replicates = k;
	out->p = (1.0 + (double)hits) / ((double)k + 1.0);
	out->se = sqrt(out->p * (1 - out->p) / (double)k);
}

static void fisher_none(struct stats_fisher *out)
{
	*out = (struct stats_fisher){STATS_FISHER_NONE, NAN, NAN, NAN, 0, NAN, 0};
}

int stats_fisher(const double *counts, size_t rows, size_t cols,
		 const struct stats_fisher_options *opts, struct stats_fisher *out)
{
	fisher_none(out);
	struct stats_table t;
	bool ok = table_init(&t, counts, rows, cols);
	if (!ok || t.r < 2) {
		table_release(&t);
		return ok ? 0 : -1;
	}
	struct stats_fisher_options o = opts ? *opts : (struct stats_fisher_options){0, 0, 0};
	unsigned long long max_work = o.max_work ? o.max_work : STATS_FISHER_MAX_WORK;
	out->se = 0;
	if (t.r == 2 && t.c == 2) {
		fisher_2x2(&t, out);
		table_release(&t);
		return 0;
	}
	struct stats_lnfact lf;
	stats_lnfact_init(&lf, t.n);
	double thr = table_f(&t, &lf) + log1p(STATS_TIE_TOLERANCE), p;
	if (stats_network(&t, &lf, thr, max_work, &p, &out->work) == 0) {
		out->method = STATS_FISHER_EXACT;
		out->p = fmax(0, fmin(1, p));
	} else {
		fisher_simulate(&t, &lf, thr, o.replicates ? o.replicates : STATS_FISHER_REPLICATES,
				o.seed ? o.seed : STATS_FISHER_SEED, out);
	}
	stats_lnfact_release(&lf);
	table_release(&t);
	return 0;
}
