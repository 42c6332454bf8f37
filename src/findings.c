/* findings.c - the rule that picks and ranks a report's main findings (see findings.h) */
#include <config.h>

#include "findings.h"

#include <math.h>
#include <string.h>

#include "disclose.h"
#include "form.h"
#include "stats.h"
#include "tally.h"

static struct findings_finding *finding_new(enum findings_kind kind,
					    const struct tally_question *tq, int choice,
					    unsigned long k, unsigned long n)
{
	struct findings_finding *f = g_new0(struct findings_finding, 1);
	f->kind = kind;
	f->q = tq->q;
	f->choice = choice;
	f->k = k;
	f->n = n;
	f->second_choice = -1;
	f->p = NAN;
	f->effect = NAN;
	f->strength = (double)(FINDINGS_N_KINDS - kind) + (double)n / ((double)n + 1);
	return f;
}

static void finding_free(gpointer data)
{
	struct findings_finding *f = data;
	if (!f)
		return;
	g_free(f->group_k);
	g_free(f->group_n);
	g_free(f);
}

const char *findings_kind_name(enum findings_kind kind)
{
	static const char *const names[FINDINGS_N_KINDS] = {
		"unanimity", "majority", "none", "crosstab", "split",
	};
	return kind < FINDINGS_N_KINDS ? names[kind] : "unknown";
}

/* Whether TQ is a question the rule reads: a select_one or select_multiple with counts. */
static bool is_counted(const struct tally_question *tq)
{
	return tq->counts && tq->q->list &&
	       (tq->q->kind == FORM_SELECT_ONE || tq->q->kind == FORM_SELECT_MULTIPLE);
}

/* The most chosen choice (the first of equals), or -1 when there are none. */
static int top_choice(const struct tally_question *tq)
{
	int top = -1;
	for (size_t c = 0; c < tq->n_choices; c++)
		if (top < 0 || tq->counts[c] > tq->counts[top])
			top = (int)c;
	return top;
}

/* Whether K of N is "most" as narrate.h words it: at least two thirds. */
static bool is_most(unsigned long k, unsigned long n)
{
	return 3 * k >= 2 * n;
}

static struct findings_finding *unanimity(const struct tally_question *tq)
{
	unsigned long n = tq->answered;
	if (n < FINDINGS_UNANIMITY_MIN_N)
		return NULL;
	for (size_t c = 0; c < tq->n_choices; c++)
		if (tq->counts[c] == n)
			return finding_new(FINDINGS_UNANIMITY, tq, (int)c, n, n);
	return NULL;
}

static struct findings_finding *majority(const struct tally_question *tq)
{
	unsigned long n = tq->answered;
	int top = top_choice(tq);
	if (n < FINDINGS_MAJORITY_MIN_N || top < 0)
		return NULL;
	unsigned long k = tq->counts[top];
	if (k >= n || !is_most(k, n))
		return NULL;
	return finding_new(FINDINGS_MAJORITY, tq, top, k, n);
}

static struct findings_finding *none(const struct tally_question *tq)
{
	unsigned long n = tq->answered;
	if (tq->q->kind != FORM_SELECT_MULTIPLE || n < FINDINGS_NONE_MIN_N || !tq->n_choices)
		return NULL;
	if (tq->counts[0] == 0)
		return finding_new(FINDINGS_NONE, tq, 0, 0, n);
	for (size_t c = 1; c < tq->n_choices; c++) {
		const struct form_choice *ch = g_ptr_array_index(tq->q->list->choices, c);
		if (form_choice_is_none(ch) && tq->counts[c] == 0)
			return finding_new(FINDINGS_NONE, tq, (int)c, 0, n);
	}
	return NULL;
}

static struct findings_finding *split(const struct tally_question *tq)
{
	unsigned long n = tq->answered;
	int top = top_choice(tq);
	if (tq->q->kind != FORM_SELECT_ONE || n < FINDINGS_SPLIT_MIN_N || top < 0)
		return NULL;
	int second = -1;
	for (size_t c = 0; c < tq->n_choices; c++)
		if ((int)c != top && (second < 0 || tq->counts[c] > tq->counts[second]))
			second = (int)c;
	if (second < 0)
		return NULL;
	unsigned long k1 = tq->counts[top], k2 = tq->counts[second];
	if (k2 == 0 || k1 - k2 > 1 || !is_most(k1 + k2, n))
		return NULL;
	for (size_t c = 0; c < tq->n_choices; c++)
		if ((int)c != top && (int)c != second && tq->counts[c] >= k2)
			return NULL;
	struct findings_finding *f = finding_new(FINDINGS_SPLIT, tq, top, k1, n);
	f->second = k2;
	f->second_choice = second;
	return f;
}

/* Whether a summary may state X's test: nothing hidden, nothing small (see findings.h). */
static bool cross_stateable(const struct tally_cross *x, unsigned long small_cell)
{
	if (!tally_cross_tests_shown(x) || x->withheld)
		return false;
	for (size_t i = 0; small_cell > 1 && i < x->n_rows * x->n_cols; i++)
		if (x->cells[i] > 0 && x->cells[i] < small_cell)
			return false;
	return true;
}

/* Whether X's groups differ strongly enough to lead a summary. */
static bool cross_strong(const struct tally_cross *x)
{
	const struct stats_crosstab *s = &x->tests;
	if (!s->defined || s->fisher.method == STATS_FISHER_NONE || !isfinite(s->fisher.p))
		return false;
	double p = s->fisher.p;
	if (s->fisher.method == STATS_FISHER_MONTE_CARLO)
		p += 2 * s->fisher.se;
	return p < FINDINGS_CROSSTAB_P && isfinite(s->cramers_v) &&
	       s->cramers_v >= FINDINGS_CROSSTAB_MIN_V;
}

/* The row whose column shares differ most between the groups with States (first of equals). */
static size_t widest_row(const struct tally_cross *x)
{
	size_t best = 0;
	double best_range = -1;
	for (size_t i = 0; i < x->n_rows; i++) {
		double lo = INFINITY, hi = -INFINITY;
		for (size_t j = 0; j < x->n_cols; j++) {
			if (!x->col_bases[j])
				continue;
			unsigned long k = x->cells[i * x->n_cols + j];
			double share = (double)k / (double)x->col_bases[j];
			lo = fmin(lo, share);
			hi = fmax(hi, share);
		}
		if (hi - lo > best_range + 1e-12) {	/* equal shares computed two ways */
			best_range = hi - lo;
			best = i;
		}
	}
	return best;
}

static struct findings_finding *crosstab(const struct tally_question *tq, const struct tally *xt,
					 const char *by, unsigned long small_cell)
{
	const struct tally_cross *x = tq->cross;
	if (!x || tq->q->kind != FORM_SELECT_ONE || !x->testable ||
	    x->n < FINDINGS_CROSSTAB_MIN_N || !x->n_rows || !x->n_cols || !cross_strong(x) ||
	    !cross_stateable(x, small_cell))
		return NULL;
	size_t row = widest_row(x);
	struct findings_finding *f = finding_new(FINDINGS_CROSSTAB, tq, (int)row, x->row_bases[row],
						 x->n);
	f->by = by;
	f->by_question = xt->by_question;
	f->n_groups = x->n_cols;
	f->group_k = g_new(unsigned long, x->n_cols);
	f->group_n = g_new(unsigned long, x->n_cols);
	for (size_t j = 0; j < x->n_cols; j++) {
		f->group_k[j] = x->cells[row * x->n_cols + j];
		f->group_n[j] = x->col_bases[j];
	}
	f->p = x->tests.fisher.p;
	f->effect = x->tests.cramers_v;
	return f;
}

/* Ranking: stronger first, then form order.  A qsort comparator on findings pointers. */
static int by_strength(const void *a, const void *b)
{
	const struct findings_finding *x = *(struct findings_finding *const *)a;
	const struct findings_finding *y = *(struct findings_finding *const *)b;
	if (x->strength != y->strength)
		return x->strength > y->strength ? -1 : 1;
	return (x->q->index > y->q->index) - (x->q->index < y->q->index);
}

static gint by_form_order(gconstpointer a, gconstpointer b)
{
	const struct findings_finding *x = *(struct findings_finding *const *)a;
	const struct findings_finding *y = *(struct findings_finding *const *)b;
	return (x->q->index > y->q->index) - (x->q->index < y->q->index);
}

/* Keeps the stronger of *BEST and F in *BEST, freeing the other. */
static void keep_stronger(struct findings_finding **best, struct findings_finding *f)
{
	if (!f)
		return;
	if (!*best || by_strength(&f, best) < 0) {
		finding_free(*best);
		*best = f;
	} else {
		finding_free(f);
	}
}

/* The candidate of TQ from T alone: the first kind that holds, in rank order. */
static struct findings_finding *own_candidate(const struct tally_question *tq)
{
	struct findings_finding *f = unanimity(tq);
	if (!f)
		f = majority(tq);
	if (!f)
		f = none(tq);
	if (!f)
		f = split(tq);
	return f;
}

/*
 * The candidate of TQ when the options say some answers of a select_one
 * are the same answer (OPT->same_answer): their counts are added into the
 * first of them, so that "seven had formulated or amended a law" is found
 * when four enacted one and three amended theirs.
 */
static struct findings_finding *merged_candidate(const struct tally_question *tq,
						 const struct findings_options *opt)
{
	if (!opt->same_answer || tq->q->kind != FORM_SELECT_ONE)
		return own_candidate(tq);
	struct tally_question m = *tq;
	unsigned long *counts = g_new0(unsigned long, tq->n_choices);
	for (size_t c = 0; c < tq->n_choices; c++) {
		size_t first = c;
		for (size_t d = 0; d < c && first == c; d++)
			if (opt->same_answer(tq->q, d, c, opt->data))
				first = d;
		counts[first] += tq->counts[c];
	}
	m.counts = counts;
	struct findings_finding *f = own_candidate(&m);
	g_free(counts);
	return f;
}

/* Whether T tallied question Q. */
static bool tallied(const struct tally *t, const struct form_question *q)
{
	for (guint i = 0; i < t->questions->len; i++) {
		const struct tally_question *tq = g_ptr_array_index(t->questions, i);
		if (tq->q == q)
			return true;
	}
	return false;
}

GPtrArray *findings_find(const struct tally *t, const struct findings_options *opt)
{
	static const struct findings_options defaults;
	if (!opt)
		opt = &defaults;
	size_t max = opt->max ? opt->max : FINDINGS_MAX_DEFAULT;
	/* Question index -> its strongest candidate. */
	GHashTable *best = g_hash_table_new_full(NULL, NULL, NULL, finding_free);
	for (guint i = 0; i < t->questions->len; i++) {
		const struct tally_question *tq = g_ptr_array_index(t->questions, i);
		if (!is_counted(tq))
			continue;
		struct findings_finding *f = merged_candidate(tq, opt);
		if (f)
			g_hash_table_insert(best, GINT_TO_POINTER(tq->q->index), f);
	}
	for (size_t c = 0; opt->crosses && c < opt->n_crosses; c++) {
		const struct tally *xt = opt->crosses[c].tally;
		if (!xt || xt->form != t->form)
			continue;
		for (guint i = 0; i < xt->questions->len; i++) {
			const struct tally_question *tq = g_ptr_array_index(xt->questions, i);
			if (!is_counted(tq) || !tallied(t, tq->q))
				continue;
			struct findings_finding *f = crosstab(tq, xt, opt->crosses[c].by,
							      opt->small_cell);
			if (!f)
				continue;
			gpointer key = GINT_TO_POINTER(tq->q->index);
			struct findings_finding *cur = g_hash_table_lookup(best, key);
			g_hash_table_steal(best, key);
			keep_stronger(&cur, f);
			g_hash_table_insert(best, key, cur);
		}
	}
	GPtrArray *out = g_ptr_array_new_with_free_func(finding_free);
	GHashTableIter it;
	gpointer value;
	g_hash_table_iter_init(&it, best);
	while (g_hash_table_iter_next(&it, NULL, &value)) {
		g_ptr_array_add(out, value);
		g_hash_table_iter_steal(&it);
	}
	g_hash_table_destroy(best);
	for (guint i = out->len; opt->stateable && i-- > 0;)
		if (!opt->stateable(g_ptr_array_index(out, i), opt->data))
			g_ptr_array_remove_index_fast(out, i);	/* frees it; the sort comes next */
	if (out->len)
		qsort(out->pdata, out->len, sizeof *out->pdata, by_strength);
	if (out->len > max)
		g_ptr_array_set_size(out, (guint)max);
	g_ptr_array_sort(out, by_form_order);
	return out;
}

void findings_free(GPtrArray *findings)
{
	if (findings)
		g_ptr_array_unref(findings);
}
