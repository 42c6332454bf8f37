/* stats-network.c - the network algorithm for Fisher's exact test on r x c tables */
#include <config.h>
#include "stats-fisher.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "stats.h"

/*
 * The network algorithm (Mehta and Patel 1983, as in FEXACT).  Tables are
 * filled one column at a time, in the order order_columns() chooses.
 * After k columns, what is left to fill depends only on the multiset of
 * remaining row totals M (a node of stage k); the columns filled so far
 * contribute their part of F (a "past"), and pasts of partial tables
 * that reach the same node with the same value merge, their multiplicity
 * kept as a weight.  For a node, the sum over all completions is known
 * in closed form,
 *
 *	sum over completions of exp(F_future) =
 *		(M_1 + ... + M_r)! / (prod M_i! prod_{j >= k} C_j!),
 *
 * and bounds FHI >= F_future >= FLO hold for every completion, so a past
 * f with f + FHI <= THR counts its whole subtree at once, one with
 * f + FLO > THR drops it, and only the others are carried to the next
 * column.  Pasts arriving at a node merge at once when their values fall
 * in the same bucket (see past_add()); when the node's stage comes they
 * are sorted, so for each column vector the ones it settles are a prefix
 * and a suffix, found by binary search, and the prefix's probability is a
 * running sum.
 *
 * The last two columns take no stage of their own.  With three rows or
 * more, a node two columns from the end lists F of all its completions
 * (its vectors for column c-2), sorted, with running sums, once its
 * bounds leave a past undecided; a past then needs one search in that
 * list.  With two rows, the completions are the
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
	/*
	 * The pasts waiting for this node's stage, LEN of them in room for
	 * CAP.  Up to 8 are kept in the order they came; more, in an
	 * open-addressing table by bucket (HASHED, CAP a power of two, a free
	 * entry having weight 0, which no past has: weights count tables);
	 * sorted for the stage, in order again.
	 */
	struct fx_past *past;
	guint32 len, cap;
	bool hashed;
	/* Two columns from the end, three rows or more: F of every completion, ascending, */
	double *g;
	/* and run[j] = sum of exp(g[i] - g[ng - 1]) over i < j. */
	double *run;
	size_t ng;
	size_t r;
	long m[];		/* remaining row totals, descending */
};

/*
 * What a node costs beyond its pasts: bytes for its struct, the
 * allocator's overhead and its entry in the stage's hash table, and steps
 * for making it (stage_get()).
 */
#define NODE_BYTES (sizeof(struct fx_node) + 48)
#define NODE_WORK 128

struct fx {
	size_t r, c;
	long *row;		/* row totals, descending: the first node */
	long *col;		/* column totals, in the order they are filled (order_columns()) */
	long *rest;		/* rest[k] = col[k] + ... + col[c - 1] */
	long *later;		/* later + k * c: col[k..c-1] sorted descending */
	double *colf;		/* colf[k] = sum over j >= k of log col[j]! */
	const struct stats_lnfact *lf;	/* borrowed */
	double K, thr, slack;
	double per_bucket;	/* 1 / the width of a bucket of past values */
	unsigned long long work, max_work;
	/* Bytes held by the nodes of the stage expanded and of the next one. */
	size_t held_now, held_next, max_held;
	struct stats_ksum p;
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
	g_free(node->past);
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
	node->past = NULL;
	node->len = node->cap = 0;
	node->hashed = false;
	node->g = node->run = NULL;
	node->ng = 0;
	return node;
}

/*
 * The node of STAGE for the totals in FX->probe (descending), created
 * empty when new.  Making a node takes about as long as 128 steps
 * (allocation, hashing, memory touched for the first time), which counts
 * in a large network: millions of nodes with a past or two each.
 */
static struct fx_node *stage_get(struct fx *fx, GHashTable *stage)
{
	struct fx_node *node = g_hash_table_lookup(stage, fx->probe);
	if (!node) {
		node = node_new(fx->probe->m, fx->r);
		g_hash_table_add(stage, node);
		fx->work += NODE_WORK;
		fx->held_next += NODE_BYTES + fx->r * sizeof node->m[0];
	}
	return node;
}

static int past_cmp(const void *a, const void *b)
{
	double x = ((const struct fx_past *)a)->f, y = ((const struct fx_past *)b)->f;
	return (x > y) - (x < y);
}

/*
 * Pasts merge by bucket: two values whose ratio to the bucket width
 * rounds to the same whole number become one past, with the value that
 * came first and the sum of the weights.  The width (fx_init()) is 512
 * ulps of log N!, the largest magnitude a partial F can have, so values
 * that differ only by the rounding of their sums almost always share a
 * bucket; and it is at most 2^-30 (under 1e-9), so a merged value moves P
 * by less than 1e-9 relative, far below the 1e-7 tie tolerance.  A pair
 * that straddles two buckets stays two pasts, which costs a little work
 * and changes nothing else.
 */
static double past_bucket(const struct fx *fx, double f)
{
	return rint(f * fx->per_bucket);
}

static guint32 bucket_hash(double bucket)
{
	guint64 b;
	memcpy(&b, &bucket, sizeof b);
	b ^= b >> 29;
	b *= 0xbf58476d1ce4e5b9ull;
	b ^= b >> 32;
	return (guint32)b;
}

/* Puts the past P in the table of NODE, where its bucket has no past yet. */
static void past_put(const struct fx *fx, struct fx_node *node, struct fx_past p)
{
	guint32 mask = node->cap - 1, h = bucket_hash(past_bucket(fx, p.f)) & mask;
	while (node->past[h].w != 0)
		h = (h + 1) & mask;
	node->past[h] = p;
}

/* Moves NODE's pasts into a table of CAP entries. */
static void node_rehash(struct fx *fx, struct fx_node *node, guint32 cap)
{
	struct fx_past *old = node->past;
	guint32 old_cap = node->cap;
	bool was_hashed = node->hashed;
	node->past = g_new0(struct fx_past, cap);
	node->cap = cap;
	node->hashed = true;
	for (guint32 i = 0; i < (was_hashed ? old_cap : node->len); i++)
		if (old[i].w != 0)
			past_put(fx, node, old[i]);
	g_free(old);
	fx->held_next += (cap - old_cap) * sizeof old[0];
	fx->work += 2 * (unsigned long long)cap;
}

/*
 * Adds the past F, W to NODE, of the next stage, merged into the past of
 * its bucket if there is one.  Most nodes of a large network get a past
 * or two: up to 8 are searched in turn, in as little memory as they need.
 */
static void past_add(struct fx *fx, struct fx_node *node, double f, double w)
{
	double bucket = past_bucket(fx, f);
	if (!node->hashed) {
		for (guint32 i = 0; i < node->len; i++)
			if (past_bucket(fx, node->past[i].f) == bucket) {
				node->past[i].w += w;
				return;
			}
		if (node->len < 8) {
			if (node->len == node->cap) {
				guint32 more = node->cap ? node->cap : 2;
				node->cap += more;
				node->past = g_renew(struct fx_past, node->past, node->cap);
				fx->held_next += more * sizeof node->past[0];
			}
			node->past[node->len++] = (struct fx_past){f, w};
			return;
		}
		node_rehash(fx, node, 32);
	}
	if (4 * (node->len + 1) > 3 * node->cap)
		node_rehash(fx, node, 2 * node->cap);
	guint32 mask = node->cap - 1, h = bucket_hash(bucket) & mask;
	for (; node->past[h].w != 0; h = (h + 1) & mask)
		if (past_bucket(fx, node->past[h].f) == bucket) {
			node->past[h].w += w;
			return;
		}
	node->past[h] = (struct fx_past){f, w};
	node->len++;
}

/* Sorts NODE's pasts by value for its stage, in as little memory as they need. */
static void node_sort(struct fx *fx, struct fx_node *node)
{
	if (node->hashed) {
		guint32 k = 0;
		for (guint32 i = 0; i < node->cap; i++)
			if (node->past[i].w != 0)
				node->past[k++] = node->past[i];
		node->past = g_renew(struct fx_past, node->past, k);
		fx->held_now -= (node->cap - k) * sizeof node->past[0];
		fx->work += node->cap;
		node->cap = k;
		node->hashed = false;
	}
	qsort(node->past, node->len, sizeof node->past[0], past_cmp);
	fx->work += 2 * (unsigned long long)node->len * g_bit_storage(node->len);
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
static double spread_even(const struct stats_lnfact *lf, long total, const long *cap, size_t q)
{
	double v = 0;
	for (size_t i = q; i-- > 0;) {
		long left = (long)i + 1, share = total / left;
		if (cap[i] <= share) {
			v += stats_lnfact(lf, cap[i]);
			total -= cap[i];
			continue;
		}
		long extra = total - share * left;
		v += (double)extra * stats_lnfact(lf, share + 1) + (double)(left - extra) * stats_lnfact(lf, share);
		break;
	}
	return -v;
}

/* The smallest such value: TOTAL piled into the largest caps, which majorizes every other vector. */
static double spread_piled(const struct stats_lnfact *lf, long total, const long *cap, size_t q)
{
	double v = 0;
	for (size_t i = 0; i < q && total > 0; i++) {
		long x = MIN(total, cap[i]);
		v += stats_lnfact(lf, x);
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
		cmax += spread_even(fx->lf, cols[j], m, fx->r);
		cmin += spread_piled(fx->lf, cols[j], m, fx->r);
	}
	for (size_t i = 0; i < fx->r; i++) {
		rmax += spread_even(fx->lf, m[i], cols, q);
		rmin += spread_piled(fx->lf, m[i], cols, q);
	}
	*fhi = fmin(cmax, rmax);
	*flo = fmax(cmin, rmin);
	fx->work += 2 * fx->r * q;
}

/* log of the sum over the completions of node M at stage K of exp(F_future). */
static double node_total(const struct fx *fx, const long *m, size_t k)
{
	double v = stats_lnfact(fx->lf, fx->rest[k]) - fx->colf[k];
	for (size_t i = 0; i < fx->r; i++)
		v -= stats_lnfact(fx->lf, m[i]);
	return v;
}

/*
 * Steps for adding a past to a node of the next stage.  An add is a
 * random access to the node's table: 5 to 20 ns while the stage's tables
 * fit in the caches, and 35 to 60 ns from 64 MB on (TLB and cache misses,
 * measured on the development machine), so its price grows with the
 * memory held for the next stage, from 4 steps to 12.
 */
static unsigned long long add_work(const struct fx *fx)
{
	return 4 + MIN(8, fx->held_next >> 23);
}

static bool fx_over(const struct fx *fx)
{
	return fx->work > fx->max_work || fx->held_now + fx->held_next > fx->max_held;
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

/*
 * Lists F of the completions of NODE, two columns from the end (see
 * struct fx_node).  A list cut short by the work limit is still sorted
 * and summed, but the caller gives up on its next check.
 */
static void node_completions(struct fx *fx, struct fx_node *node)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(double));
	const long *m = node->m;
	vec_first(&fx->inner, m, fx->r, fx->col[fx->c - 2]);
	do {
		double v = 0;
		for (size_t i = 0; i < fx->r; i++)
			v -= stats_lnfact(fx->lf, fx->inner.x[i]) + stats_lnfact(fx->lf, m[i] - fx->inner.x[i]);
		g_array_append_val(a, v);
		fx->work += fx->r + 8;
		fx->held_next += 2 * sizeof v;
	} while (vec_next(&fx->inner, m, fx->r) && !fx_over(fx));
	qsort(a->data, a->len, sizeof(double), cmp_double);
	node->ng = a->len;
	node->g = (double *)(void *)g_array_free(a, FALSE);
	node->run = g_new(double, node->ng + 1);
	node->run[0] = 0;
	for (size_t i = 0; i < node->ng; i++)
		node->run[i + 1] = node->run[i] + exp(node->g[i] - node->g[node->ng - 1]);
	fx->work += 2 * node->ng * g_bit_storage(node->ng);
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
 * Splits the pasts of X, plus COST, by the bounds of the node FX->probe
 * at stage X->k + 1: the subtrees of [0, *WHOLE) count whole, those of
 * [*SOME, n) nothing, and [*WHOLE, *SOME) need a closer look.  Returns
 * log of the sum over the node's completions of exp(F_future).
 */
static double probe_split(struct fx *fx, const struct expansion *x, double cost, size_t *whole,
			  size_t *some)
{
	const long *m2 = fx->probe->m;
	double fhi, flo;
	node_bounds(fx, m2, x->k + 1, &fhi, &flo);
	*whole = pasts_le(x->v, x->n, fx->thr - cost - fhi - fx->slack);
	*some = pasts_le(x->v, x->n, fx->thr - cost - flo + fx->slack);
	return node_total(fx, m2, x->k + 1);
}

/* Adds the whole subtrees of the pasts [0, WHOLE) of X, plus COST, at a node of log total TOTAL. */
static void add_subtrees(struct fx *fx, const struct expansion *x, double cost, size_t whole,
			 double total)
{
	if (whole > 0)
		stats_ksum_add(&fx->p, x->run[whole] * exp(fx->K + x->fref + cost + total));
}

/*
 * Pasts of X, plus COST for its column, completed by the list of the
 * node FX->probe of NEXT (two columns from the end).  The list is made
 * only when the node's bounds leave a past undecided; the list's ends are
 * exact bounds, so only the pasts between the two cuts need a search of
 * their own.
 */
static void expand_to_last(struct fx *fx, const struct expansion *x, double cost,
			   GHashTable *next)
{
	struct fx_node *child = g_hash_table_lookup(next, fx->probe);
	if (!child || !child->g) {
		size_t whole, some;
		double total = probe_split(fx, x, cost, &whole, &some);
		if (some == whole) {
			add_subtrees(fx, x, cost, whole, total);
			return;
		}
		child = stage_get(fx, next);
		node_completions(fx, child);
	}
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
		stats_ksum_add(&fx->p, acc * exp(fx->K + x->fref + cost + g[ng - 1]));
	fx->work += 8 + (some - whole) * 4;
}

/* Pasts of X, plus COST, at the node FX->probe of stage X->k + 1: settled by its bounds, or stored there. */
static void expand_to_stage(struct fx *fx, const struct expansion *x, double cost,
			    GHashTable *next)
{
	size_t whole, some;
	double total = probe_split(fx, x, cost, &whole, &some);
	add_subtrees(fx, x, cost, whole, total);
	if (some == whole)
		return;
	struct fx_node *child = stage_get(fx, next);
	for (size_t p = whole; p < some; p++)
		past_add(fx, child, x->v[p].f + cost, x->v[p].w);
	fx->work += add_work(fx) * (some - whole);
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
			cost -= stats_lnfact(fx->lf, fx->outer.x[i]);
			fx->probe->m[i] = m[i] - fx->outer.x[i];
		}
		sort_desc(fx->probe->m, r);
		if (last)
			expand_to_last(fx, x, cost, next);
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
	stats_ksum_add(&fx->p, acc * exp(fx->K + fref + total));
}

/* One node of a stage before the last two columns. */
static int node_step(struct fx *fx, struct fx_node *node, size_t k, GHashTable *next)
{
	node_sort(fx, node);
	double fhi, flo, total = node_total(fx, node->m, k);
	node_bounds(fx, node->m, k, &fhi, &flo);
	const struct fx_past *v = node->past;
	size_t a, b;
	pasts_split(fx, v, node->len, fhi, flo, fx->slack, &a, &b);
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
static double tail_sum(struct fx *fx, const struct stats_hyper *h, long from, int dir)
{
	double term = 1, sum = 1;
	for (long x = from; dir < 0 ? x > h->lo : x < h->hi; x += dir) {
		double rho = dir < 0 ? stats_hyper_down(h, x) : stats_hyper_up(h, x);
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
static long tail_cross(struct fx *fx, const struct stats_hyper *h, long lo, long hi, double t,
			bool asc)
{
	/* g(lo) <= t < g(hi) when ASC; g(lo) > t >= g(hi) otherwise. */
	while (hi - lo > 1) {
		long mid = lo + (hi - lo) / 2;
		bool below = stats_hyper_g(fx->lf, h, mid) <= t;
		if (below == asc)
			lo = mid;
		else
			hi = mid;
		fx->work += 4;
	}
	return asc ? lo : hi;
}

/* The tables below a past F (weight W) of a two-row node whose last two columns make them count. */
static void node_tails(struct fx *fx, const struct stats_hyper *h, double f, double w)
{
	double t = fx->thr - f;
	if (h->lo < h->mode && stats_hyper_g(fx->lf, h, h->lo) <= t) {
		long x = tail_cross(fx, h, h->lo, h->mode, t, true);
		double s = tail_sum(fx, h, x, -1);
		stats_ksum_add(&fx->p, w * s * exp(fx->K + f + stats_hyper_g(fx->lf, h, x)));
	}
	if (h->hi > h->mode && stats_hyper_g(fx->lf, h, h->hi) <= t) {
		long x = tail_cross(fx, h, h->mode, h->hi, t, false);
		double s = tail_sum(fx, h, x, 1);
		stats_ksum_add(&fx->p, w * s * exp(fx->K + f + stats_hyper_g(fx->lf, h, x)));
	}
}

/* The last two columns below a two-row node: a 2x2 table, with exact bounds.  -1 at the limit. */
static int node_finish_2(struct fx *fx, struct fx_node *node)
{
	node_sort(fx, node);
	struct stats_hyper h;
	stats_hyper_init(&h, node->m[0], node->m[1], fx->col[fx->c - 2]);
	double gmax = stats_hyper_g(fx->lf, &h, h.mode);
	double gmin = fmin(stats_hyper_g(fx->lf, &h, h.lo), stats_hyper_g(fx->lf, &h, h.hi));
	const struct fx_past *v = node->past;
	size_t a, b;
	pasts_split(fx, v, node->len, gmax, gmin, 0, &a, &b);
	add_whole(fx, v, a, node_total(fx, node->m, fx->c - 2));
	for (size_t i = a; i < b; i++) {
		node_tails(fx, &h, v[i].f, v[i].w);
		if (fx_over(fx))
			return -1;
	}
	return 0;
}

/* Stage K into a new stage, returned in *NEXT; -1 at the work limit. */
static int stage_step(struct fx *fx, GHashTable *stage, size_t k, GHashTable **next)
{
	GHashTableIter it;
	gpointer key;
	*next = stage_new();
	fx->held_now = fx->held_next;
	fx->held_next = 0;
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
	while (fx->r == 2 && g_hash_table_iter_next(&it, &key, NULL))
		if (node_finish_2(fx, key) < 0)
			return -1;
	return 0;
}

static int fx_run(struct fx *fx)
{
	GHashTable *stage = stage_new();
	memcpy(fx->probe->m, fx->row, fx->r * sizeof fx->row[0]);
	struct fx_node *root = stage_get(fx, stage);
	past_add(fx, root, 0, 1);
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

/*
 * The order in which the columns are filled (COL holds the totals in
 * descending order), which changes the work, often severalfold, and not
 * the result.  Small columns first keep the pasts of the middle stages
 * few, as a partial table of small columns takes few values, and that is
 * where wide tables spend their work: ascending order takes from about
 * the same to a sixth of the work of descending order on 5x5 to 8x8
 * tables of 47 and on 2x8 to 3x10 tables of 193.  With three rows or
 * more, though, the nodes two columns from the end list the completions
 * of the last two columns (node_completions()), lists that grow like a
 * column total to the power r - 1; with four columns or fewer they are
 * most of the work, so the two smallest columns come last (descending
 * order takes from about the same to a seventh of the work of ascending
 * order on most 3x3, 3x4 and 4x4 tables of 47 to 400, a little more on a
 * few).
 */
static void order_columns(long *col, size_t r, size_t c)
{
	if (r > 2 && c <= 4)
		return;
	for (size_t j = 0; j < c / 2; j++) {
		long s = col[j];
		col[j] = col[c - 1 - j];
		col[c - 1 - j] = s;
	}
}

static void fx_init(struct fx *fx, const struct stats_table *t, const struct stats_lnfact *lf,
		    double thr, unsigned long long max_work)
{
	memset(fx, 0, sizeof *fx);
	fx->lf = lf;
	fx->r = t->r;
	fx->c = t->c;
	fx->row = sorted_copy(t->row, t->r);
	fx->col = sorted_copy(t->col, t->c);
	order_columns(fx->col, t->r, t->c);
	fx->rest = g_new0(long, t->c + 1);
	fx->colf = g_new0(double, t->c + 1);
	for (size_t j = t->c; j-- > 0;) {
		fx->rest[j] = fx->rest[j + 1] + fx->col[j];
		fx->colf[j] = fx->colf[j + 1] + stats_lnfact(fx->lf, fx->col[j]);
	}
	fx->later = g_new(long, t->c * t->c);
	for (size_t k = 0; k < t->c; k++) {
		memcpy(fx->later + k * t->c, fx->col + k, (t->c - k) * sizeof fx->col[0]);
		qsort(fx->later + k * t->c, t->c - k, sizeof fx->col[0], cmp_long_desc);
	}
	fx->K = fx->colf[0] - stats_lnfact(fx->lf, t->n);
	for (size_t i = 0; i < t->r; i++)
		fx->K += stats_lnfact(fx->lf, t->row[i]);
	fx->thr = thr;
	fx->slack = 1e-9 + 64 * DBL_EPSILON * fabs(thr);
	/* 2^e > log N! >= |partial F|, so a bucket of 2^(e - 44) is 512 ulps of 2^(e - 1). */
	int e;
	frexp(stats_lnfact(lf, t->n) + 1, &e);
	fx->per_bucket = ldexp(1, MAX(30, 44 - e));
	fx->max_work = max_work;
	fx->max_held = STATS_FISHER_MAX_MEMORY;
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

int stats_network(const struct stats_table *t, const struct stats_lnfact *lf, double thr,
		  unsigned long long max_work, double *p, unsigned long long *work)
{
	struct fx fx;
	fx_init(&fx, t, lf, thr, max_work);
	int rc = fx_run(&fx);
	*p = stats_ksum_value(&fx.p);
	*work = fx.work;
	fx_release(&fx);
	return rc;
}
