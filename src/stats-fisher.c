/* stats-fisher.c - Fisher's exact test on r x c tables, exact or simulated */
#include <config.h>
#include "stats.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_gamma.h>

/*
 * Notation.  Given its margins (row totals R_i, column totals C_j, total
 * N), a table x has probability
 *
 *	P(x) = prod R_i! prod C_j! / (N! prod x_ij!) = exp(K + F(x))
 *
 * with K = log(prod R_i! prod C_j! / N!) and F(x) = -sum log x_ij!.  The
 * two-sided p-value adds up P(x) over the tables with
 * P(x) <= P(obs) (1 + 1e-7), that is with F(x) <= F(obs) + log(1 + 1e-7),
 * a bound called THR below.  The tolerance is R's (relErr in fisher.test):
 * it makes tables whose probability equals the observed one count even
 * when rounding puts them a hair above it.
 */
#define TIE_TOLERANCE 1e-7
#define MAX_TOTAL 2147483647L
#define LNFACT_TABLE_MAX (1L << 20)

/* Neumaier's compensated sum: the p-value adds up many terms of very different sizes. */
struct ksum {
	double s, c;
};

static void ksum_add(struct ksum *k, double x)
{
	double t = k->s + x;
	if (fabs(k->s) >= fabs(x))
		k->c += (k->s - t) + x;
	else
		k->c += (x - t) + k->s;
	k->s = t;
}

static double ksum_value(const struct ksum *k)
{
	return k->s + k->c;
}

/* log x!, from a table for the x a table of total N can need, else from GSL. */
struct lnfact {
	double *v;
	long len;
};

static void lnfact_init(struct lnfact *lf, long n)
{
	lf->len = MIN(n, LNFACT_TABLE_MAX) + 1;
	lf->v = g_new(double, lf->len);
	for (long k = 0; k < lf->len; k++)
		lf->v[k] = gsl_sf_lnfact((unsigned int)k);
}

static void lnfact_release(struct lnfact *lf)
{
	g_free(lf->v);
}

static inline double lnfact(const struct lnfact *lf, long k)
{
	return k < lf->len ? lf->v[k] : gsl_sf_lnfact((unsigned int)k);
}

/*
 * The table the tests see: the rows and columns with a nonzero total,
 * turned so that there are no more rows than columns (the network below
 * keeps one state per multiset of remaining row totals, so rows should
 * be the short side).  A 2x2 table keeps its orientation, so its top-left
 * cell is the caller's.
 */
struct fx_table {
	size_t r, c;
	long n;
	long *cell;		/* r x c, row-major */
	long *row, *col;	/* totals */
};

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

/* Fills T from COUNTS; false when the counts are invalid.  T->r or T->c may come out below 2. */
static bool table_init(struct fx_table *t, const double *counts, size_t rows, size_t cols)
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

static void table_release(struct fx_table *t)
{
	g_free(t->cell);
	g_free(t->row);
	g_free(t->col);
}

/*
 * The hypergeometric law of the top-left cell X of a 2x2 table with row
 * totals M0, M1 and first column total A: X runs over [LO, HI], and
 * h(x) is proportional to 1 / (x! (A - x)! (M0 - x)! (M1 - A + x)!).
 * h rises up to MODE and falls after it (it is log-concave), and the
 * ratio of neighbours is a rational function, so h relative to any point
 * is a running product.
 */
struct hyper {
	long a, m0, m1;
	long lo, hi, mode;
};

/* h(x + 1) / h(x) */
static double hyper_up(const struct hyper *h, long x)
{
	return ((double)(h->a - x) * (double)(h->m0 - x)) /
	       ((double)(x + 1) * (double)(h->m1 - h->a + x + 1));
}

/* h(x - 1) / h(x) */
static double hyper_down(const struct hyper *h, long x)
{
	return ((double)x * (double)(h->m1 - h->a + x)) /
	       ((double)(h->a - x + 1) * (double)(h->m0 - x + 1));
}

static void hyper_init(struct hyper *h, long m0, long m1, long a)
{
	h->a = a;
	h->m0 = m0;
	h->m1 = m1;
	h->lo = MAX(0, a - m1);
	h->hi = MIN(a, m0);
	double guess = (double)(a + 1) * (double)(m0 + 1) / (double)(m0 + m1 + 2);
	h->mode = CLAMP((long)guess, h->lo, h->hi);
	/* The formula is exact in theory; rounding of large products may leave it one off. */
	while (h->mode < h->hi && hyper_up(h, h->mode) > 1)
		h->mode++;
	while (h->mode > h->lo && hyper_down(h, h->mode) > 1)
		h->mode--;
}

/* log h(x), up to the constant log(M0! M1! A! B!/N!). */
static double hyper_g(const struct lnfact *lf, const struct hyper *h, long x)
{
	return -lnfact(lf, x) - lnfact(lf, h->a - x) - lnfact(lf, h->m0 - x) -
	       lnfact(lf, h->m1 - h->a + x);
}

/*
 * Fisher's test on a 2x2 table, computed as R's fisher.test() does: h
 * relative to its mode for every x, by the running product, so no
 * factorial of a large total enters and the relative error stays near
 * 1e-16 times the number of steps.  Each direction goes on until the
 * terms underflow, a few hundred times sqrt(n) steps at most.
 */
struct walk {
	const struct hyper *h;
	long obs;
	double thr;		/* h(obs) / h(mode) * (1 + tolerance) */
	struct ksum total, tail, less, greater;
	unsigned long long steps;
};

static void walk_add(struct walk *w, long x, double term)
{
	ksum_add(&w->total, term);
	if (term <= w->thr)
		ksum_add(&w->tail, term);
	if (x <= w->obs)
		ksum_add(&w->less, term);
	if (x >= w->obs)
		ksum_add(&w->greater, term);
}

static void walk_out(struct walk *w, int dir)
{
	const struct hyper *h = w->h;
	double term = 1;
	for (long x = h->mode; dir < 0 ? x > h->lo : x < h->hi; x += dir) {
		term *= dir < 0 ? hyper_down(h, x) : hyper_up(h, x);
		if (term == 0)
			break;
		walk_add(w, x + dir, term);
		w->steps++;
	}
}

/* h(OBS) / h(mode), by the same products walk_out() forms, so the observed table ties with itself. */
static double walk_obs(const struct hyper *h, long obs)
{
	double term = 1;
	for (long x = h->mode; x > obs && term > 0; x--)
		term *= hyper_down(h, x);
	for (long x = h->mode; x < obs && term > 0; x++)
		term *= hyper_up(h, x);
	return term;
}

static void fisher_2x2(const struct fx_table *t, struct stats_fisher *out)
{
	const long *x = t->cell;
	struct hyper h;
	hyper_init(&h, x[0] + x[1], x[2] + x[3], x[0] + x[2]);
	struct walk w = {.h = &h, .obs = x[0]};
	w.thr = walk_obs(&h, x[0]) * (1 + TIE_TOLERANCE);
	walk_add(&w, h.mode, 1);
	walk_out(&w, -1);
	walk_out(&w, 1);
	double total = ksum_value(&w.total);
	out->method = STATS_FISHER_EXACT;
	out->p = fmin(1, ksum_value(&w.tail) / total);
	out->p_less = fmin(1, ksum_value(&w.less) / total);
	out->p_greater = fmin(1, ksum_value(&w.greater) / total);
	out->work = w.steps;
}

/*
 * The network algorithm (Mehta and Patel 1983, as in FEXACT).  Tables are
 * filled one column at a time.  After k columns, what is left to fill
 * depends only on the multiset of remaining row totals M (a node of stage
 * k); the columns filled so far contribute their part of F (a "past"),
 * and pasts of partial tables that reach the same node with the same
 * value merge, their multiplicity kept as a weight.  For a node, the sum
 * over all completions is known in closed form,
 *
 *	sum over completions of exp(F_future) =
 *		(M_1 + ... + M_r)! / (prod M_i! prod_{j >= k} C_j!),
 *
 * and bounds FHI >= F_future >= FLO hold for every completion, so a past
 * f with f + FHI <= THR counts its whole subtree at once, one with
 * f + FLO > THR drops it, and only the others are carried to the next
 * column.  Pasts are kept sorted, so for each column vector the ones it
 * settles are a prefix and a suffix, found by binary search, and the
 * prefix's probability is a running sum.
 *
 * The last two columns take no stage of their own.  With three rows or
 * more, a node two columns from the end lists F of all its completions
 * (its vectors for column c-2), sorted, with running sums; a past then
 * needs one search in that list.  With two rows, the completions are the
 * hypergeometric law of one cell, and a past needs two searches along it
 * and a sum over its tails, so even a total of millions costs little.
 */
struct fx_past {
	double f;	/* F of the columns filled so far */
	double w;	/* how many partial tables share this node and value */
};

/* Enumeration of the column vectors below a node. */
struct vecgen {
	long *x;	/* the current vector */
	long *capsum;	/* capsum[i] = m[i] + ... + m[r - 1] */
};

struct fx_node {
	GArray *pasts;		/* struct fx_past, waiting for this node's stage */
	guint merged;		/* pasts->len after the last merge */
	/* Two columns from the end, three rows or more: F of every completion, ascending, */
	double *g;
	/* and run[j] = sum of exp(g[i] - g[ng - 1]) over i < j. */
	double *run;
	size_t ng;
	size_t r;
	long m[];		/* remaining row totals, descending */
};

struct fx {
	size_t r, c;
	long *row;		/* row totals, descending: the first node */
	long *col;		/* column totals, descending, in the order they are filled */
	long *rest;		/* rest[k] = col[k] + ... + col[c - 1] */
	long *later;		/* later + k * c: col[k..c-1] sorted descending */
	double *colf;		/* colf[k] = sum over j >= k of log col[j]! */
	struct lnfact lf;
	double K, thr, slack;
	unsigned long long work, max_work;
	size_t held, max_held;	/* pasts and completions stored for the next stage */
	struct ksum p;
	struct vecgen outer, inner;
	struct fx_node *probe;	/* scratch: the totals below a vector, for lookups */
	GArray *e, *run;	/* a node's pasts as probabilities, and their running sums */
};

static guint node_hash(gconstpointer key)
{
	const struct fx_node *node = key;
	guint h = 2166136261u;
	for (size_t i = 0; i < node->r; i++)
		h = (h ^ (guint)node->m[i]) * 16777619u;
	return h;
}

static gboolean node_equal(gconstpointer a, gconstpointer b)
{
	const struct fx_node *x = a, *y = b;
	return memcmp(x->m, y->m, x->r * sizeof x->m[0]) == 0;
}

static void node_free(gpointer p)
{
	struct fx_node *node = p;
	if (node->pasts)
		g_array_free(node->pasts, TRUE);
	g_free(node->g);
	g_free(node->run);
	g_free(node);
}

static GHashTable *stage_new(void)
{
	return g_hash_table_new_full(node_hash, node_equal, node_free, NULL);
}

static struct fx_node *node_new(const long *m, size_t r)
{
	struct fx_node *node = g_malloc(sizeof *node + r * sizeof node->m[0]);
	node->r = r;
	memcpy(node->m, m, r * sizeof m[0]);
	node->pasts = NULL;
	node->merged = 0;
	node->g = node->run = NULL;
	node->ng = 0;
	return node;
}

/* The node of STAGE for the totals in PROBE->m (descending), created empty when new. */
static struct fx_node *stage_get(GHashTable *stage, const struct fx_node *probe)
{
	struct fx_node *node = g_hash_table_lookup(stage, probe);
	if (!node) {
		node = node_new(probe->m, probe->r);
		node->pasts = g_array_new(FALSE, FALSE, sizeof(struct fx_past));
		g_hash_table_add(stage, node);
	}
	return node;
}

static int past_cmp(const void *a, const void *b)
{
	double x = ((const struct fx_past *)a)->f, y = ((const struct fx_past *)b)->f;
	return (x > y) - (x < y);
}

/*
 * Sorts NODE's pasts and merges those equal up to rounding: values within
 * 64 ulps (and at most 1e-9) of a group's first member join it, far below
 * the 1e-7 tie tolerance and the 1e-9 agreement asked of the p-value.
 * Returns how many entries went.
 */
static guint node_merge(struct fx *fx, struct fx_node *node)
{
	GArray *a = node->pasts;
	guint before = a->len, k = 0;
	qsort(a->data, a->len, sizeof(struct fx_past), past_cmp);
	struct fx_past *v = (struct fx_past *)(void *)a->data;
	for (guint i = 0; i < a->len; i++) {
		double tol = fmin(1e-9, 64 * DBL_EPSILON * (fabs(v[i].f) + 1));
		if (k > 0 && v[i].f - v[k - 1].f <= tol)
			v[k - 1].w += v[i].w;
		else
			v[k++] = v[i];
	}
	g_array_set_size(a, k);
	node->merged = k;
	fx->work += (unsigned long long)before * g_bit_storage(before);
	return before - k;
}

static const struct fx_past *node_pasts(const struct fx_node *node)
{
	return (const struct fx_past *)(void *)node->pasts->data;
}

static void sort_desc(long *m, size_t r)
{
	for (size_t i = 1; i < r; i++)
		for (size_t j = i; j > 0 && m[j] > m[j - 1]; j--) {
			long s = m[j];
			m[j] = m[j - 1];
			m[j - 1] = s;
		}
}

/*
 * The largest -sum log x_i! over whole x_i in [0, CAP_i] with sum TOTAL:
 * TOTAL spread as evenly as the caps allow, a vector every other one
 * majorizes, and -log x! is Schur-concave.  CAP holds Q totals, descending.
 */
static double spread_even(const struct lnfact *lf, long total, const long *cap, size_t q)
{
	double v = 0;
	for (size_t i = q; i-- > 0;) {
		long left = (long)i + 1, share = total / left;
		if (cap[i] <= share) {
			v += lnfact(lf, cap[i]);
			total -= cap[i];
			continue;
		}
		long extra = total - share * left;
		v += (double)extra * lnfact(lf, share + 1) + (double)(left - extra) * lnfact(lf, share);
		break;
	}
	return -v;
}

/* The smallest such value: TOTAL piled into the largest caps, which majorizes every other vector. */
static double spread_piled(const struct lnfact *lf, long total, const long *cap, size_t q)
{
	double v = 0;
	for (size_t i = 0; i < q && total > 0; i++) {
		long x = MIN(total, cap[i]);
		v += lnfact(lf, x);
		total -= x;
	}
	return -v;
}

/*
 * Bounds on F over the completions of the node M at stage K: each of the
 * two relaxations (columns filled independently, rows filled
 * independently) has its optimum in closed form, and the tighter of the
 * two is kept.
 */
static void node_bounds(struct fx *fx, const long *m, size_t k, double *fhi, double *flo)
{
	size_t q = fx->c - k;
	const long *cols = fx->later + k * fx->c;
	double cmax = 0, cmin = 0, rmax = 0, rmin = 0;
	for (size_t j = 0; j < q; j++) {
		cmax += spread_even(&fx->lf, cols[j], m, fx->r);
		cmin += spread_piled(&fx->lf, cols[j], m, fx->r);
	}
	for (size_t i = 0; i < fx->r; i++) {
		rmax += spread_even(&fx->lf, m[i], cols, q);
		rmin += spread_piled(&fx->lf, m[i], cols, q);
	}
	*fhi = fmin(cmax, rmax);
	*flo = fmax(cmin, rmin);
	fx->work += 2 * fx->r * q;
}

/* log of the sum over the completions of node M at stage K of exp(F_future). */
static double node_total(const struct fx *fx, const long *m, size_t k)
{
	double v = lnfact(&fx->lf, fx->rest[k]) - fx->colf[k];
	for (size_t i = 0; i < fx->r; i++)
		v -= lnfact(&fx->lf, m[i]);
	return v;
}

static bool fx_over(const struct fx *fx)
{
	return fx->work > fx->max_work || fx->held > fx->max_held;
}

/* Column vectors: every whole x with x_i <= M_i and sum TOTAL, in lexicographic order. */
static void vec_fill(struct vecgen *g, size_t r, size_t from, long rem)
{
	for (size_t i = from; i + 1 < r; i++) {
		g->x[i] = MAX(0, rem - g->capsum[i + 1]);
		rem -= g->x[i];
	}
	g->x[r - 1] = rem;
}

static void vec_first(struct vecgen *g, const long *m, size_t r, long total)
{
	g->capsum[r - 1] = m[r - 1];
	for (size_t i = r - 1; i-- > 0;)
		g->capsum[i] = g->capsum[i + 1] + m[i];
	vec_fill(g, r, 0, total);
}

static bool vec_next(struct vecgen *g, const long *m, size_t r)
{
	long tail = g->x[r - 1];
	for (size_t i = r - 1; i-- > 0;) {
		tail += g->x[i];
		if (g->x[i] < m[i] && g->x[i] < tail) {
			g->x[i]++;
			vec_fill(g, r, i + 1, tail - g->x[i]);
			return true;
		}
	}
	return false;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Lists F of the completions of NODE, two columns from the end (see struct fx_node). */
static void node_completions(struct fx *fx, struct fx_node *node)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(double));
	const long *m = node->m;
	vec_first(&fx->inner, m, fx->r, fx->col[fx->c - 2]);
	do {
		double v = 0;
		for (size_t i = 0; i < fx->r; i++)
			v -= lnfact(&fx->lf, fx->inner.x[i]) + lnfact(&fx->lf, m[i] - fx->inner.x[i]);
		g_array_append_val(a, v);
	} while (vec_next(&fx->inner, m, fx->r));
	qsort(a->data, a->len, sizeof(double), cmp_double);
	node->ng = a->len;
	node->g = (double *)(void *)g_array_free(a, FALSE);
	node->run = g_new(double, node->ng + 1);
	node->run[0] = 0;
	for (size_t i = 0; i < node->ng; i++)
		node->run[i + 1] = node->run[i] + exp(node->g[i] - node->g[node->ng - 1]);
	fx->work += node->ng * (fx->r + 8 + g_bit_storage(node->ng));
	fx->held += node->ng;
}

/* How many of the ascending G[0..N) are <= T. */
static size_t count_le(const double *g, size_t n, double t)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (g[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The same over the pasts V[0..N), ascending by f. */
static size_t pasts_le(const struct fx_past *v, size_t n, double t)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].f <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The pasts being expanded, V[0..N) ascending, seen from a node: E[i] =
 * w_i exp(f_i - FREF) with FREF the largest f, and RUN[i] the sum of
 * E[0..i), added from the smallest up.
 */
struct expansion {
	const struct fx_past *v;
	const double *e, *run;
	size_t n;
	double fref;
	size_t k;		/* the stage of the node expanded */
};

/*
 * Pasts of X, plus COST for its column, completed by the list of CHILD
 * (two columns from the end).  The list's ends are exact bounds, so only
 * the pasts between the two cuts need a search of their own.
 */
static void expand_to_last(struct fx *fx, const struct expansion *x, double cost,
			   struct fx_node *child)
{
	if (!child->g)
		node_completions(fx, child);
	const double *g = child->g;
	size_t ng = child->ng;
	size_t whole = pasts_le(x->v, x->n, fx->thr - cost - g[ng - 1]);
	size_t some = pasts_le(x->v, x->n, fx->thr - cost - g[0]);
	double acc = x->run[whole] * child->run[ng];
	size_t j = ng;
	/* As f grows, fewer completions keep the table at or below THR. */
	for (size_t p = whole; p < some; p++) {
		j = count_le(g, j, fx->thr - cost - x->v[p].f);
		acc += x->e[p] * child->run[j];
	}
	if (acc > 0)
		ksum_add(&fx->p, acc * exp(fx->K + x->fref + cost + g[ng - 1]));
	fx->work += 8 + (some - whole) * 4;
}

/* Pasts of X, plus COST, at the node FX->probe of stage X->k + 1: settled by its bounds, or stored there. */
static void expand_to_stage(struct fx *fx, const struct expansion *x, double cost,
			    GHashTable *next)
{
	const long *m2 = fx->probe->m;
	double fhi, flo, total = node_total(fx, m2, x->k + 1);
	node_bounds(fx, m2, x->k + 1, &fhi, &flo);
	size_t whole = pasts_le(x->v, x->n, fx->thr - cost - fhi - fx->slack);
	size_t some = pasts_le(x->v, x->n, fx->thr - cost - flo + fx->slack);
	if (whole > 0)
		ksum_add(&fx->p, x->run[whole] * exp(fx->K + x->fref + cost + total));
	if (some == whole)
		return;
	struct fx_node *child = stage_get(next, fx->probe);
	for (size_t p = whole; p < some; p++) {
		struct fx_past past = {x->v[p].f + cost, x->v[p].w};
		g_array_append_val(child->pasts, past);
	}
	fx->held += some - whole;
	fx->work += some - whole;
	if (child->pasts->len >= 2 * child->merged + 1024)
		fx->held -= node_merge(fx, child);
}

/* Carries X through every vector of column X->k into NEXT.  Returns -1 at the work limit. */
static int node_expand(struct fx *fx, const long *m, const struct expansion *x, GHashTable *next)
{
	size_t r = fx->r;
	bool last = r > 2 && x->k + 3 == fx->c;
	vec_first(&fx->outer, m, r, fx->col[x->k]);
	do {
		double cost = 0;
		for (size_t i = 0; i < r; i++) {
			cost -= lnfact(&fx->lf, fx->outer.x[i]);
			fx->probe->m[i] = m[i] - fx->outer.x[i];
		}
		sort_desc(fx->probe->m, r);
		if (last)
			expand_to_last(fx, x, cost, stage_get(next, fx->probe));
		else
			expand_to_stage(fx, x, cost, next);
		fx->work += r + 8;
		if (fx_over(fx))
			return -1;
	} while (vec_next(&fx->outer, m, r));
	return 0;
}

/*
 * Splits the sorted pasts V[0..N) of a node with future bounds FHI, FLO:
 * [0, *A) count whole, [*A, *B) need a closer look, [*B, N) count nothing.
 * SLACK keeps rounding in the bounds from deciding a close call.
 */
static void pasts_split(const struct fx *fx, const struct fx_past *v, size_t n, double fhi,
			double flo, double slack, size_t *a, size_t *b)
{
	*a = pasts_le(v, n, fx->thr - fhi - slack);
	*b = pasts_le(v, n, fx->thr - flo + slack);
}

/* Adds the whole subtrees below the pasts V[0..N) of a node whose completions sum to exp(TOTAL). */
static void add_whole(struct fx *fx, const struct fx_past *v, size_t n, double total)
{
	if (n == 0)
		return;
	double acc = 0, fref = v[n - 1].f;
	for (size_t i = 0; i < n; i++)
		acc += v[i].w * exp(v[i].f - fref);
	ksum_add(&fx->p, acc * exp(fx->K + fref + total));
}

/* One node of a stage before the last two columns. */
static int node_step(struct fx *fx, struct fx_node *node, size_t k, GHashTable *next)
{
	node_merge(fx, node);
	double fhi, flo, total = node_total(fx, node->m, k);
	node_bounds(fx, node->m, k, &fhi, &flo);
	const struct fx_past *v = node_pasts(node);
	size_t a, b;
	pasts_split(fx, v, node->pasts->len, fhi, flo, fx->slack, &a, &b);
	add_whole(fx, v, a, total);
	if (a == b)
		return 0;
	struct expansion x = {v + a, NULL, NULL, b - a, v[b - 1].f, k};
	g_array_set_size(fx->e, x.n);
	g_array_set_size(fx->run, x.n + 1);
	double *e = (double *)(void *)fx->e->data, *run = (double *)(void *)fx->run->data;
	run[0] = 0;
	for (size_t i = 0; i < x.n; i++) {
		e[i] = x.v[i].w * exp(x.v[i].f - x.fref);
		run[i + 1] = run[i] + e[i];
	}
	x.e = e;
	x.run = run;
	return node_expand(fx, node->m, &x, next);
}

/* Σ_{x=from, from-dir, ...} h(x)/h(from) along the falling side of h, until the rest is negligible. */
static double hyper_tail(struct fx *fx, const struct hyper *h, long from, int dir)
{
	double term = 1, sum = 1;
	for (long x = from; dir < 0 ? x > h->lo : x < h->hi; x += dir) {
		double rho = dir < 0 ? hyper_down(h, x) : hyper_up(h, x);
		term *= rho;
		sum += term;
		fx->work++;
		/* Later ratios are smaller still, so the rest is below term rho / (1 - rho). */
		if (term * rho <= 1e-17 * sum * (1 - rho))
			break;
	}
	return sum;
}

/* The x on [LO, HI] where g crosses T: the last with g <= T when ASC, else the first. */
static long hyper_cross(struct fx *fx, const struct hyper *h, long lo, long hi, double t,
			bool asc)
{
	/* g(lo) <= t < g(hi) when ASC; g(lo) > t >= g(hi) otherwise. */
	while (hi - lo > 1) {
		long mid = lo + (hi - lo) / 2;
		bool below = hyper_g(&fx->lf, h, mid) <= t;
		if (below == asc)
			lo = mid;
		else
			hi = mid;
		fx->work += 4;
	}
	return asc ? lo : hi;
}

/* The tables below a past F (weight W) of a two-row node whose last two columns make them count. */
static void hyper_tails(struct fx *fx, const struct hyper *h, double f, double w)
{
	double t = fx->thr - f;
	if (h->lo < h->mode && hyper_g(&fx->lf, h, h->lo) <= t) {
		long x = hyper_cross(fx, h, h->lo, h->mode, t, true);
		double s = hyper_tail(fx, h, x, -1);
		ksum_add(&fx->p, w * s * exp(fx->K + f + hyper_g(&fx->lf, h, x)));
	}
	if (h->hi > h->mode && hyper_g(&fx->lf, h, h->hi) <= t) {
		long x = hyper_cross(fx, h, h->mode, h->hi, t, false);
		double s = hyper_tail(fx, h, x, 1);
		ksum_add(&fx->p, w * s * exp(fx->K + f + hyper_g(&fx->lf, h, x)));
	}
}

/* The last two columns below a two-row node: a 2x2 table, with exact bounds. */
static void node_finish_2(struct fx *fx, struct fx_node *node)
{
	node_merge(fx, node);
	struct hyper h;
	hyper_init(&h, node->m[0], node->m[1], fx->col[fx->c - 2]);
	double gmax = hyper_g(&fx->lf, &h, h.mode);
	double gmin = fmin(hyper_g(&fx->lf, &h, h.lo), hyper_g(&fx->lf, &h, h.hi));
	const struct fx_past *v = node_pasts(node);
	size_t a, b;
	pasts_split(fx, v, node->pasts->len, gmax, gmin, 0, &a, &b);
	add_whole(fx, v, a, node_total(fx, node->m, fx->c - 2));
	for (size_t i = a; i < b; i++)
		hyper_tails(fx, &h, v[i].f, v[i].w);
}

/* Stage K into a new stage, returned in *NEXT; -1 at the work limit. */
static int stage_step(struct fx *fx, GHashTable *stage, size_t k, GHashTable **next)
{
	GHashTableIter it;
	gpointer key;
	*next = stage_new();
	fx->held = 0;
	g_hash_table_iter_init(&it, stage);
	while (g_hash_table_iter_next(&it, &key, NULL))
		if (node_step(fx, key, k, *next) < 0)
			return -1;
	return 0;
}

/* The nodes two columns from the end; with three rows or more their pasts were settled already. */
static int stage_finish(struct fx *fx, GHashTable *stage)
{
	GHashTableIter it;
	gpointer key;
	g_hash_table_iter_init(&it, stage);
	while (fx->r == 2 && g_hash_table_iter_next(&it, &key, NULL)) {
		node_finish_2(fx, key);
		if (fx_over(fx))
			return -1;
	}
	return 0;
}

static int fx_run(struct fx *fx)
{
	GHashTable *stage = stage_new();
	memcpy(fx->probe->m, fx->row, fx->r * sizeof fx->row[0]);
	struct fx_node *root = stage_get(stage, fx->probe);
	g_array_append_val(root->pasts, ((struct fx_past){0, 1}));
	int rc = 0;
	for (size_t k = 0; rc == 0 && k + 2 < fx->c; k++) {
		GHashTable *next;
		rc = stage_step(fx, stage, k, &next);
		g_hash_table_destroy(stage);
		stage = next;
	}
	if (rc == 0)
		rc = stage_finish(fx, stage);
	g_hash_table_destroy(stage);
	return rc;
}

/* F of the observed table. */
static double table_f(const struct fx_table *t, const struct lnfact *lf)
{
	double f = 0;
	for (size_t i = 0; i < t->r * t->c; i++)
		f -= lnfact(lf, t->cell[i]);
	return f;
}

static int cmp_long_desc(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x < y) - (x > y);
}

static long *sorted_copy(const long *v, size_t n)
{
	long *s = g_new(long, n);
	memcpy(s, v, n * sizeof v[0]);
	qsort(s, n, sizeof s[0], cmp_long_desc);
	return s;
}

static void fx_init(struct fx *fx, const struct fx_table *t, unsigned long long max_work)
{
	memset(fx, 0, sizeof *fx);
	fx->r = t->r;
	fx->c = t->c;
	fx->row = sorted_copy(t->row, t->r);
	fx->col = sorted_copy(t->col, t->c);
	lnfact_init(&fx->lf, t->n);
	fx->rest = g_new0(long, t->c + 1);
	fx->colf = g_new0(double, t->c + 1);
	for (size_t j = t->c; j-- > 0;) {
		fx->rest[j] = fx->rest[j + 1] + fx->col[j];
		fx->colf[j] = fx->colf[j + 1] + lnfact(&fx->lf, fx->col[j]);
	}
	fx->later = g_new(long, t->c * t->c);
	for (size_t k = 0; k < t->c; k++) {
		memcpy(fx->later + k * t->c, fx->col + k, (t->c - k) * sizeof fx->col[0]);
		qsort(fx->later + k * t->c, t->c - k, sizeof fx->col[0], cmp_long_desc);
	}
	fx->K = fx->colf[0] - lnfact(&fx->lf, t->n);
	for (size_t i = 0; i < t->r; i++)
		fx->K += lnfact(&fx->lf, t->row[i]);
	double fobs = table_f(t, &fx->lf);
	fx->thr = fobs + log1p(TIE_TOLERANCE);
	fx->slack = 1e-9 + 64 * DBL_EPSILON * fabs(fobs);
	fx->max_work = max_work;
	fx->max_held = (size_t)(max_work / 32);
	fx->outer.x = g_new(long, t->r);
	fx->outer.capsum = g_new(long, t->r);
	fx->inner.x = g_new(long, t->r);
	fx->inner.capsum = g_new(long, t->r);
	fx->probe = node_new(t->row, t->r);
	fx->e = g_array_new(FALSE, FALSE, sizeof(double));
	fx->run = g_array_new(FALSE, FALSE, sizeof(double));
}

static void fx_release(struct fx *fx)
{
	lnfact_release(&fx->lf);
	g_free(fx->row);
	g_free(fx->col);
	g_free(fx->rest);
	g_free(fx->later);
	g_free(fx->colf);
	g_free(fx->outer.x);
	g_free(fx->outer.capsum);
	g_free(fx->inner.x);
	g_free(fx->inner.capsum);
	g_free(fx->probe);
	g_array_free(fx->e, TRUE);
	g_array_free(fx->run, TRUE);
}

/*
 * Simulation.  Patefield's algorithm (AS 159) draws a table with the
 * observed margins: cell by cell, row by row, from the hypergeometric law
 * of the cell given the cells before it, by inversion that starts at the
 * mode and moves to whichever neighbour is more likely.
 */
static long draw_cell(const struct lnfact *lf, gsl_rng *rng, long ia, long id, long ie)
{
	/* IA draws from IE items of which ID are of this column. */
	struct hyper h;
	hyper_init(&h, id, ie - id, ia);
	if (h.lo == h.hi)
		return h.lo;
	double pm = exp(hyper_g(lf, &h, h.mode) + lnfact(lf, ia) + lnfact(lf, ie - ia) +
			lnfact(lf, id) + lnfact(lf, ie - id) - lnfact(lf, ie));
	double u = gsl_rng_uniform(rng), acc = pm, pd = pm, pu = pm;
	long xd = h.mode, xu = h.mode;
	while (u > acc && (xd > h.lo || xu < h.hi)) {
		double nd = xd > h.lo ? pd * hyper_down(&h, xd) : -1;
		double nu = xu < h.hi ? pu * hyper_up(&h, xu) : -1;
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

/* F of one random table with T's margins; COLREM is scratch of T->c. */
static double draw_table_f(const struct fx_table *t, const struct lnfact *lf, gsl_rng *rng,
			   long *colrem)
{
	double f = 0;
	long ie = t->n;
	memcpy(colrem, t->col, t->c * sizeof colrem[0]);
	for (size_t i = 0; i + 1 < t->r; i++) {
		long ia = t->row[i], pool = ie;
		for (size_t j = 0; j + 1 < t->c; j++) {
			long id = colrem[j];
			long x = draw_cell(lf, rng, ia, id, pool);
			f -= lnfact(lf, x);
			colrem[j] -= x;
			ia -= x;
			pool -= id;
		}
		f -= lnfact(lf, ia);
		colrem[t->c - 1] -= ia;
		ie -= t->row[i];
	}
	for (size_t j = 0; j < t->c; j++)
		f -= lnfact(lf, colrem[j]);
	return f;
}

static void fisher_simulate(const struct fx_table *t, const struct fx *fx, unsigned long b,
			    unsigned long seed, struct stats_fisher *out)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, seed);
	long *colrem = g_new(long, t->c);
	unsigned long hits = 0;
	for (unsigned long k = 0; k < b; k++)
		hits += draw_table_f(t, &fx->lf, rng, colrem) <= fx->thr;
	g_free(colrem);
	gsl_rng_free(rng);
	out->method = STATS_FISHER_MONTE_CARLO;
	out->replicates = b;
	out->p = (1.0 + (double)hits) / ((double)b + 1.0);
	out->se = sqrt(out->p * (1 - out->p) / (double)b);
}

static void fisher_none(struct stats_fisher *out)
{
	*out = (struct stats_fisher){STATS_FISHER_NONE, NAN, NAN, NAN, 0, NAN, 0};
}

int stats_fisher(const double *counts, size_t rows, size_t cols,
		 const struct stats_fisher_options *opts, struct stats_fisher *out)
{
	fisher_none(out);
	struct fx_table t;
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
	struct fx fx;
	fx_init(&fx, &t, max_work);
	if (fx_run(&fx) == 0) {
		out->method = STATS_FISHER_EXACT;
		out->p = fmax(0, fmin(1, ksum_value(&fx.p)));
	} else {
		fisher_simulate(&t, &fx, o.replicates ? o.replicates : STATS_FISHER_REPLICATES,
				o.seed ? o.seed : STATS_FISHER_SEED, out);
	}
	out->work = fx.work;
	fx_release(&fx);
	table_release(&t);
	return 0;
}
