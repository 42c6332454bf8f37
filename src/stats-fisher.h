/* stats-fisher.h - internals shared by the files of Fisher's exact test */
#ifndef QUIRE_STATS_FISHER_H
#define QUIRE_STATS_FISHER_H

#include <stdbool.h>
#include <stddef.h>
#include <math.h>
#include <gsl/gsl_sf_gamma.h>

/*
 * Only stats-fisher.c and stats-network.c include this; other modules use
 * stats.h.  Nothing here owns memory beyond what its _init() and
 * _release() pair names.
 *
 * Notation.  Given its margins (row totals R_i, column totals C_j, total
 * N), a table x has probability
 *
 *	P(x) = prod R_i! prod C_j! / (N! prod x_ij!) = exp(K + F(x))
 *
 * with K = log(prod R_i! prod C_j! / N!) and F(x) = -sum log x_ij!.  The
 * two-sided p-value adds up P(x) over the tables with
 * P(x) <= P(obs) (1 + 1e-7), that is with F(x) <= F(obs) + log(1 + 1e-7),
 * a bound called THR.  The tolerance is R's (relErr in fisher.test): it
 * makes tables whose probability equals the observed one count even when
 * rounding puts them a hair above it.
 */
#define STATS_TIE_TOLERANCE 1e-7

/* A table reduced to its rows and columns with a nonzero total, no more rows than columns. */
struct stats_table {
	size_t r, c;
	long n;
	long *cell;		/* r x c, row-major */
	long *row, *col;	/* totals */
};

/* Neumaier's compensated sum: a p-value adds up many terms of very different sizes. */
struct stats_ksum {
	double s, c;
};

static inline void stats_ksum_add(struct stats_ksum *k, double x)
{
	double t = k->s + x;
	if (fabs(k->s) >= fabs(x))
		k->c += (k->s - t) + x;
	else
		k->c += (x - t) + k->s;
	k->s = t;
}

static inline double stats_ksum_value(const struct stats_ksum *k)
{
	return k->s + k->c;
}

/* log x!, from a table for x up to a limit, else from GSL. */
struct stats_lnfact {
	double *v;
	long len;
};

/* Tabulates log x! for x <= N (up to about a million); release with stats_lnfact_release(). */
void stats_lnfact_init(struct stats_lnfact *lf, long n);
void stats_lnfact_release(struct stats_lnfact *lf);

static inline double stats_lnfact(const struct stats_lnfact *lf, long k)
{
	return k < lf->len ? lf->v[k] : gsl_sf_lnfact((unsigned int)k);
}

/*
 * The hypergeometric law of the top-left cell X of a 2x2 table with row
 * totals M0, M1 and first column total A: X runs over [LO, HI], and h(x)
 * is proportional to 1 / (x! (A - x)! (M0 - x)! (M1 - A + x)!).  h rises
 * up to MODE and falls after it (it is log-concave), and the ratio of
 * neighbours is a rational function, so h relative to any point is a
 * running product.
 */
struct stats_hyper {
	long a, m0, m1;
	long lo, hi, mode;
};

void stats_hyper_init(struct stats_hyper *h, long m0, long m1, long a);

/* h(x + 1) / h(x) */
static inline double stats_hyper_up(const struct stats_hyper *h, long x)
{
	return ((double)(h->a - x) * (double)(h->m0 - x)) /
	       ((double)(x + 1) * (double)(h->m1 - h->a + x + 1));
}

/* h(x - 1) / h(x) */
static inline double stats_hyper_down(const struct stats_hyper *h, long x)
{
	return ((double)x * (double)(h->m1 - h->a + x)) /
	       ((double)(h->a - x + 1) * (double)(h->m0 - x + 1));
}

/* log h(x), up to the constant log(M0! M1! A! (N - A)! / N!). */
static inline double stats_hyper_g(const struct stats_lnfact *lf, const struct stats_hyper *h,
				   long x)
{
	return -stats_lnfact(lf, x) - stats_lnfact(lf, h->a - x) - stats_lnfact(lf, h->m0 - x) -
	       stats_lnfact(lf, h->m1 - h->a + x);
}

/*
 * The exact two-sided p of T (at least two rows, rows <= columns) by the
 * network algorithm: the sum of P(x) over the tables with F(x) <= THR.
 * LF must cover T->n.  Returns 0 with *P set, or -1 once the work done
 * passes MAX_WORK or the memory held STATS_FISHER_MAX_MEMORY (see
 * stats.h); *WORK gets the steps taken either way.
 */
int stats_network(const struct stats_table *t, const struct stats_lnfact *lf, double thr,
		  unsigned long long max_work, double *p, unsigned long long *work);

#endif
