/* tally.c - one streaming pass over the replies: every figure quire prints, computed once */
#include <config.h>
#include "tally.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "msg.h"
#include "radix.h"
#include "response.h"
#include "roster.h"

G_DEFINE_QUARK(quire-tally-error-quark, tally_error)

/* Counters in hash tables are heap cells, so a count is bumped without touching the key. */
static unsigned long *counter(GHashTable *h, gconstpointer key, gpointer (*copy)(gconstpointer))
{
	unsigned long *c = g_hash_table_lookup(h, key);
	if (!c) {
		c = g_new0(unsigned long, 1);
		g_hash_table_insert(h, copy(key), c);
	}
	return c;
}

static gpointer copy_mask(gconstpointer p)
{
	return g_memdup2(p, sizeof(guint64));
}

static gpointer copy_direct(gconstpointer p)
{
	return (gpointer)p;
}

/*
 * Distinct numbers are counted by their exact value, as sorted runs:
 * VALUES holds each distinct value once, ascending, and COUNTS beside it
 * how many replies gave it; PENDING holds the values added since,
 * unsorted.  When PENDING is full it is sorted and merged into the runs in
 * place, from the back, so memory is 16 bytes a distinct value and one
 * batch, whatever the order of the values; two tallies merge by merging
 * their runs; and the summaries read the two arrays as they are.  -0 and
 * 0 are one value.  Counts are doubles (exact to 2^53), as the statistics
 * take them.
 */
struct tally_number_runs {
	GArray *values;		/* double, ascending, distinct */
	GArray *counts;		/* double: the replies that gave each value */
	GArray *pending;	/* double */
	/* runs_compact()'s scratch, kept for the next batch: fresh memory for each would fault in */
	guint64 *keys;		/* [2 * cap] */
	size_t cap;
};

/* Values wait in PENDING until there are this many, or a quarter of the runs (so sorting in is linear overall). */
#define PENDING_MIN 65536

static struct tally_number_runs *runs_new(void)
{
	struct tally_number_runs *nr = g_new0(struct tally_number_runs, 1);
	nr->values = g_array_new(FALSE, FALSE, sizeof(double));
	nr->counts = g_array_new(FALSE, FALSE, sizeof(double));
	nr->pending = g_array_sized_new(FALSE, FALSE, sizeof(double), 1024);
	return nr;
}

static void runs_free(struct tally_number_runs *nr)
{
	if (!nr)
		return;
	g_array_free(nr->values, TRUE);
	g_array_free(nr->counts, TRUE);
	g_array_free(nr->pending, TRUE);
	g_free(nr->keys);
	g_free(nr);
}

/* Merges the N ascending distinct values ADD, with their counts ADD_COUNTS, into NR's runs. */
static void merge_runs(struct tally_number_runs *nr, const double *add, const double *add_counts,
		       size_t n)
{
	if (!n)
		return;
	size_t old = nr->values->len;
	g_array_set_size(nr->values, old + n);
	g_array_set_size(nr->counts, old + n);
	double *v = (double *)(void *)nr->values->data;
	double *c = (double *)(void *)nr->counts->data;
	/* From the back: the merged runs end at OUT and never overtake the old ones. */
	size_t i = old, j = n, out = old + n;
	while (j > 0) {
		if (i > 0 && v[i - 1] >= add[j - 1]) {
			bool same = v[i - 1] == add[j - 1];
			--out, --i;
			v[out] = v[i];
			c[out] = c[i] + (same ? add_counts[--j] : 0);
		} else {
			--out, --j;
			v[out] = add[j];
			c[out] = add_counts[j];
		}
	}
	/* Runs that met an equal one left a gap before OUT's old runs. */
	if (out > i) {
		size_t kept = old + n - out;
		memmove(v + i, v + out, kept * sizeof *v);
		memmove(c + i, c + out, kept * sizeof *c);
		g_array_set_size(nr->values, i + kept);
		g_array_set_size(nr->counts, i + kept);
	}
}

/*
 * The bits of a double as an unsigned key in the order of the values:
 * positive numbers have their sign bit set, negative ones all their bits
 * flipped.  (No NaN reaches a tally.)
 */
static guint64 order_key(double d)
{
	guint64 x;
	memcpy(&x, &d, sizeof x);
	return x >> 63 ? ~x : x | G_GUINT64_CONSTANT(0x8000000000000000);
}

static double key_value(guint64 x)
{
	x = x >> 63 ? x & ~G_GUINT64_CONSTANT(0x8000000000000000) : ~x;
	double d;
	memcpy(&d, &x, sizeof d);
	return d;
}

/* Sorts the pending values into the runs. */
static void runs_compact(struct tally_number_runs *nr)
{
	size_t n = nr->pending->len;
	if (!n)
		return;
	if (n > nr->cap) {
		nr->cap = n;
		nr->keys = g_renew(guint64, nr->keys, 2 * n);
	}
	guint64 *keys = nr->keys;
	const double *pv = (const double *)(void *)nr->pending->data;
	for (size_t i = 0; i < n; i++)
		keys[i] = order_key(pv[i]);
	radix_sort(keys, keys + n, n);
	/* The distinct values over the sorted keys, their counts over the scratch after them. */
	double *add = (double *)(void *)keys, *add_counts = (double *)(void *)(keys + n);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		double d = key_value(keys[i]);
		if (k && add[k - 1] == d) {
			add_counts[k - 1]++;
		} else {
			add[k] = d;
			add_counts[k++] = 1;
		}
	}
	merge_runs(nr, add, add_counts, k);
	g_array_set_size(nr->pending, 0);
}

/*
 * Up to this many distinct values, a value is counted straight into its
 * run, found by bisection (most questions have a few dozen values: years,
 * counts, a scale); past it, values wait in PENDING to be sorted in by
 * the batch.
 */
#define RUNS_SEARCHED 2048

/* Sorts the pending values in and lets go of the memory only adding needs. */
static void runs_settle(struct tally_number_runs *nr)
{
	runs_compact(nr);
	g_free(nr->keys);
	nr->keys = NULL;
	nr->cap = 0;
	g_array_free(nr->pending, TRUE);
	nr->pending = g_array_new(FALSE, FALSE, sizeof(double));
}

static void runs_add(struct tally_number_runs *nr, double d)
{
	if (d == 0)
		d = 0;	/* -0 and 0 are one value */
	if (nr->values->len < RUNS_SEARCHED && !nr->pending->len) {
		const double *v = (const double *)(void *)nr->values->data;
		size_t lo = 0, hi = nr->values->len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (v[mid] < d)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < nr->values->len && v[lo] == d) {
			g_array_index(nr->counts, double, lo)++;
		} else {
			double one = 1;
			g_array_insert_val(nr->values, lo, d);
			g_array_insert_val(nr->counts, lo, one);
		}
		return;
	}
	g_array_append_val(nr->pending, d);
	if (nr->pending->len >= MAX(PENDING_MIN, nr->values->len / 4))
		runs_compact(nr);
}

static bool is_tallied(const struct form_question *q)
{
	return form_kind_has_value(q->kind) && !q->generated && q->kind != FORM_META &&
	       !form_question_uncomputed(q);
}

static void text_free(gpointer p)
{
	struct tally_text *t = p;
	g_free(t->respondent);
	g_free(t->text);
	g_free(t);
}

static struct tally_question *question_new(const struct form_question *q, bool keep_text)
{
	struct tally_question *tq = g_new0(struct tally_question, 1);
	tq->q = q;
	if (q->list && form_kind_is_choice(q->kind)) {
		tq->n_choices = q->list->choices->len;
		tq->counts = g_new0(unsigned long, tq->n_choices + 1);
	}
	switch (q->kind) {
	case FORM_SELECT_MULTIPLE:
		/* A combination is a set of choices: a bit mask, when the list allows. */
		if (tq->n_choices <= 64)
			tq->combinations = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
								 g_free);
		break;
	case FORM_RANK:
		tq->rank_sum = g_new0(double, tq->n_choices + 1);
		tq->firsts = g_new0(unsigned long, tq->n_choices + 1);
		break;
	case FORM_INTEGER:
	case FORM_DECIMAL:
	case FORM_RANGE:
		tq->numbers = runs_new();
		break;
	case FORM_DATE:
	case FORM_DATETIME:
		tq->months = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
		tq->earliest = INT_MAX;
		tq->latest = INT_MIN;
		break;
	case FORM_TEXT:
		if (keep_text)
			tq->texts = g_ptr_array_new_with_free_func(text_free);
		break;
	default:
		break;
	}
	return tq;
}

static void cross_free(struct tally_cross *x)
{
	if (!x)
		return;
	g_free(x->cells);
	g_free(x->row_bases);
	g_free(x->col_bases);
	g_free(x->expected);
	g_free(x->marks);
	g_free(x);
}

static void question_free(gpointer p)
{
	struct tally_question *tq = p;
	g_free(tq->counts);
	g_free(tq->rank_sum);
	g_free(tq->firsts);
	if (tq->combinations)
		g_hash_table_destroy(tq->combinations);
	runs_free(tq->numbers);
	if (tq->months)
		g_hash_table_destroy(tq->months);
	if (tq->texts)
		g_ptr_array_free(tq->texts, TRUE);
	cross_free(tq->cross);
	g_free(tq);
}

static void by_value_free(gpointer p)
{
	struct tally_by_value *v = p;
	g_free(v->value);
	g_free(v->label);
	g_free(v);
}

static void add_by_value(struct tally *t, const char *value, const char *label)
{
	if (g_hash_table_contains(t->by_index, value))
		return;
	struct tally_by_value *v = g_new0(struct tally_by_value, 1);
	v->value = g_strdup(value);
	v->label = g_strdup(label);
	g_ptr_array_add(t->by_values, v);
	g_hash_table_insert(t->by_index, v->value, GUINT_TO_POINTER(t->by_values->len));
}

/* The column variable: a choice question's choices, or a roster column's values. */
static bool setup_by(struct tally *t, GError **error)
{
	const char *by = t->opt.by;
	t->by_column = -1;
	t->by_values = g_ptr_array_new_with_free_func(by_value_free);
	t->by_index = g_hash_table_new(g_str_hash, g_str_equal);
	if (!by)
		return true;
	const struct form_question *q = form_question(t->form, by);
	int col = t->opt.roster ? roster_column(t->opt.roster, by) : -1;
	if (q && q->list && (q->kind == FORM_SELECT_ONE || q->kind == FORM_SELECT_MULTIPLE) &&
	    !(col >= 0 && t->opt.by_roster_first)) {
		t->by_question = q;
		for (guint i = 0; i < q->list->choices->len; i++) {
			const struct form_choice *c = g_ptr_array_index(q->list->choices, i);
			add_by_value(t, c->name, form_choice_label(t->form, c, 0));
		}
		return true;
	}
	if (col >= 0) {
		t->by_column = col;
		const struct roster *r = t->opt.roster;
		int day = t->opt.cutoff != INT_MAX ? t->opt.cutoff : isodate_today();
		for (guint i = 0; i < r->members->len; i++) {
			const struct roster_member *m = g_ptr_array_index(r->members, i);
			if (roster_is_member(m, day) && *m->cells[col])
				add_by_value(t, m->cells[col], NULL);
		}
		return true;
	}
	char *shown = msg_value(by);
	char *paths = q ? NULL : form_shared_paths(t->form, by);
	if (paths) {
		/*
		 * TRANSLATORS: %s is what a crosstab is by (--by), then the paths of the
		 * questions it may name ("g1/q, g2/q").
		 */
		g_set_error(error, TALLY_ERROR, TALLY_ERROR_BY_UNKNOWN, E_("'%s' names questions "
			    "in different groups: %s"), shown, paths);
	} else if (q) {
		/*
		 * TRANSLATORS: %s is what a crosstab is by (--by), then the question's
		 * type (integer, text: kept as it is, as are select_one and
		 * select_multiple).
		 */
		g_set_error(error, TALLY_ERROR, TALLY_ERROR_BY_KIND, E_("'%s' is a %s question; "
			    "crosstabs need a select_one or select_multiple question, or a roster "
			    "column"), shown, form_kind_name(q->kind));
	} else {
		/*
		 * TRANSLATORS: put after "... nor a column of the roster" when no
		 * roster was given; keep the leading space.
		 */
		const char *none = t->opt.roster ? "" : E_(" (there is no roster)");
		/*
		 * TRANSLATORS: %s is what a crosstab is by (--by), then " (there is no
		 * roster)" or nothing.
		 */
		g_set_error(error, TALLY_ERROR, TALLY_ERROR_BY_UNKNOWN, E_("'%s' is neither a "
			    "question of the form nor a column of the roster%s"), shown, none);
	}
	g_free(paths);
	g_free(shown);
	return false;
}

static void add_cross(struct tally *t, struct tally_question *tq)
{
	if (!t->opt.by || !tq->counts || tq->q->kind == FORM_RANK || tq->q == t->by_question)
		return;
	struct tally_cross *x = g_new0(struct tally_cross, 1);
	x->n_rows = tq->n_choices;
	x->n_cols = t->by_values->len;
	x->cells = g_new0(unsigned long, x->n_rows * x->n_cols + 1);
	x->row_bases = g_new0(unsigned long, x->n_rows + 1);
	x->col_bases = g_new0(unsigned long, x->n_cols + 1);
	x->rows_add_up = !(t->by_question && t->by_question->kind == FORM_SELECT_MULTIPLE);
	x->cols_add_up = tq->q->kind == FORM_SELECT_ONE;
	tq->cross = x;
}

struct tally *tally_new(const struct form *form, const struct tally_options *opt, GError **error)
{
	struct tally *t = g_new0(struct tally, 1);
	t->form = form;
	t->opt = *opt;
	t->questions = g_ptr_array_new_with_free_func(question_free);
	t->read = g_new0(struct resp_read, 1);
	size_t room = 0;
	for (size_t i = 0; i < form_n_questions(form); i++)
		room = MAX(room, resp_value_room(form_question_at(form, i)));
	t->chosen = g_new(int, room + 1);
	if (!setup_by(t, error)) {
		tally_free(t);
		return NULL;
	}
	for (size_t i = 0; i < form_n_questions(form); i++) {
		const struct form_question *q = form_question_at(form, i);
		bool wanted = false;
		for (guint k = 0; opt->questions && k < opt->questions->len; k++)
			wanted |= g_array_index(opt->questions, int, k) == q->index;
		if (opt->questions ? !wanted : !is_tallied(q))
			continue;
		struct tally_question *tq = question_new(q, opt->keep_text);
		add_cross(t, tq);
		g_ptr_array_add(t->questions, tq);
	}
	return t;
}

void tally_free(struct tally *t)
{
	if (!t)
		return;
	g_ptr_array_free(t->questions, TRUE);
	g_free(t->read);
	g_free(t->chosen);
	if (t->by_values)
		g_ptr_array_free(t->by_values, TRUE);
	if (t->by_index)
		g_hash_table_destroy(t->by_index);
	g_free(t);
}

/* Counting one reply */

/*
 * What the answer V to Q reads as: the validator's read when it read V
 * itself (every answer of the analysis set, but a question's calculation,
 * which replaces the answer given), or else V read here by the
 * validator's rule into T's scratch.  NULL when V does not read, which
 * the validator would have refused: it is not counted.
 */
static const struct resp_read *read_of(struct tally *t, const struct resp_eval *ev,
				       const struct form_question *q, const char *v)
{
	if (ev->read[q->index].ok && ev->read[q->index].text == v)
		return &ev->read[q->index];
	return resp_value_read(q, v, t->read, t->chosen) ? t->read : NULL;
}

/*
 * The columns of the --by variable reply R falls in (several for a
 * select_multiple), as indexes into T->by_values; returns how many.
 */
static size_t by_columns(struct tally *t, const struct resp_reply *r, const struct resp_eval *ev,
			 size_t *cols)
{
	if (t->by_column >= 0) {
		const struct roster_member *m = roster_find(t->opt.roster, r->meta[RESP_RESPONDENT]);
		guint k = m ? GPOINTER_TO_UINT(g_hash_table_lookup(t->by_index,
								   m->cells[t->by_column])) : 0;
		if (!k)
			return 0;
		cols[0] = k - 1;
		return 1;
	}
	const char *v = ev->value[t->by_question->index];
	const struct resp_read *read = v ? read_of(t, ev, t->by_question, v) : NULL;
	/* The column variable's values are its choices, in list order. */
	size_t n = 0;
	for (guint i = 0; read && i < read->n && n < t->by_values->len; i++)
		cols[n++] = (size_t)read->chosen[i];
	return n;
}

/* One State's answer in the crosstab: the N distinct rows ROWS, the N_COLS columns COLS. */
static void cross_add(struct tally_cross *x, const int *rows, size_t n, const size_t *cols,
		      size_t n_cols)
{
	if (!n_cols)
		return;
	x->n++;
	for (size_t k = 0; k < n_cols; k++)
		x->col_bases[cols[k]]++;
	for (size_t i = 0; i < n; i++) {
		size_t row = (size_t)rows[i];
		x->row_bases[row]++;
		for (size_t k = 0; k < n_cols; k++)
			x->cells[row * x->n_cols + cols[k]]++;
	}
}

/* Counts the choices READ.  A rank's choices add their places to the rank sums. */
static void count_choices(struct tally_question *tq, const struct resp_read *read,
			  const size_t *cols, size_t n_cols)
{
	size_t n = read->n;
	if (!n)
		return;
	const int *index = read->chosen;
	guint64 mask = 0;
	for (size_t i = 0; i < n; i++) {
		int c = index[i];
		tq->counts[c]++;
		mask |= c < 64 ? (guint64)1 << c : 0;
		if (tq->rank_sum) {
			tq->rank_sum[c] += (double)(i + 1);
			tq->firsts[c] += i == 0;
		}
	}
	if (tq->cross)
		cross_add(tq->cross, index, n, cols, n_cols);
	if (tq->combinations)
		(*counter(tq->combinations, &mask, copy_mask))++;
}

static void count_date(struct tally_question *tq, int day)
{
	int y, m, d;
	isodate_split(day, &y, &m, &d);
	tq->earliest = MIN(tq->earliest, day);
	tq->latest = MAX(tq->latest, day);
	(*counter(tq->months, GINT_TO_POINTER(y * 12 + m - 1), copy_direct))++;
}

static void count_answer(struct tally *t, const struct resp_reply *r, const struct resp_eval *ev,
			 struct tally_question *tq, const char *v, const size_t *cols, size_t n_cols)
{
	const struct resp_read *read = tq->texts ? NULL : read_of(t, ev, tq->q, v);
	if (tq->counts && read) {
		count_choices(tq, read, cols, n_cols);
	} else if (tq->numbers && read) {
		runs_add(tq->numbers, read->number);
	} else if (tq->months && read) {
		count_date(tq, read->day);
	} else if (tq->texts) {
		struct tally_text *text = g_new(struct tally_text, 1);
		text->respondent = g_strdup(r->meta[RESP_RESPONDENT]);
		text->text = g_strdup(v);
		g_ptr_array_add(tq->texts, text);
	}
}

void tally_add(struct tally *t, const struct resp_reply *r, const struct resp_eval *ev)
{
	t->included++;
	size_t *cols = g_newa(size_t, t->by_values->len + 1);
	size_t n_cols = t->opt.by ? by_columns(t, r, ev, cols) : 0;
	for (guint i = 0; i < t->questions->len; i++) {
		struct tally_question *tq = g_ptr_array_index(t->questions, i);
		int qi = tq->q->index;
		if (!ev->relevant[qi]) {
			tq->not_applicable++;
			continue;
		}
		tq->base++;
		const char *v = ev->value[qi];
		if (!v) {
			tq->no_answer++;
			continue;
		}
		tq->answered++;
		count_answer(t, r, ev, tq, v, cols, n_cols);
	}
}

/* Merging tallies of parts of the replies */

static void add_counts(unsigned long *to, const unsigned long *from, size_t n)
{
	for (size_t i = 0; i < n; i++)
		to[i] += from[i];
}

static void merge_cross(struct tally_cross *to, const struct tally_cross *from)
{
	add_counts(to->cells, from->cells, to->n_rows * to->n_cols);
	add_counts(to->row_bases, from->row_bases, to->n_rows);
	add_counts(to->col_bases, from->col_bases, to->n_cols);
	to->n += from->n;
}

static void merge_question(struct tally_question *to, struct tally_question *from)
{
	to->base += from->base;
	to->answered += from->answered;
	to->not_applicable += from->not_applicable;
	to->no_answer += from->no_answer;
	if (to->counts)
		add_counts(to->counts, from->counts, to->n_choices);
	if (to->firsts) {
		add_counts(to->firsts, from->firsts, to->n_choices);
		for (size_t c = 0; c < to->n_choices; c++)
			to->rank_sum[c] += from->rank_sum[c];	/* sums of small integers: exact */
	}
	GHashTableIter it;
	gpointer k, v;
	if (to->combinations) {
		g_hash_table_iter_init(&it, from->combinations);
		while (g_hash_table_iter_next(&it, &k, &v))
			*counter(to->combinations, k, copy_mask) += *(unsigned long *)v;
	}
	if (to->numbers) {
		runs_compact(to->numbers);
		runs_compact(from->numbers);
		merge_runs(to->numbers, (const double *)(void *)from->numbers->values->data,
			   (const double *)(void *)from->numbers->counts->data,
			   from->numbers->values->len);
	}
	if (to->months) {
		g_hash_table_iter_init(&it, from->months);
		while (g_hash_table_iter_next(&it, &k, &v))
			*counter(to->months, k, copy_direct) += *(unsigned long *)v;
		to->earliest = MIN(to->earliest, from->earliest);
		to->latest = MAX(to->latest, from->latest);
	}
	if (to->texts) {
		g_ptr_array_extend_and_steal(to->texts, from->texts);
		from->texts = g_ptr_array_new_with_free_func(text_free);
	}
	if (to->cross)
		merge_cross(to->cross, from->cross);
}

void tally_merge(struct tally *t, struct tally *part)
{
	t->included += part->included;
	for (guint i = 0; i < t->questions->len; i++)
		merge_question(g_ptr_array_index(t->questions, i),
			       g_ptr_array_index(part->questions, i));
}

/* Figures that depend on all the replies */

void tally_numbers(const struct tally_question *tq, const double **values, const double **counts,
		   size_t *n)
{
	/* tally_finish() sorted the pending values in; a tally read before has them sorted in now. */
	if (tq->numbers)
		runs_compact(tq->numbers);
	*n = tq->numbers ? tq->numbers->values->len : 0;
	*values = *n ? (const double *)(void *)tq->numbers->values->data : NULL;
	*counts = *n ? (const double *)(void *)tq->numbers->counts->data : NULL;
}

static void finish_cross(struct tally_cross *x, const struct stats_fisher_options *fisher)
{
	x->testable = x->rows_add_up && x->cols_add_up;
	if (!x->testable)
		return;
	size_t n = x->n_rows * x->n_cols;
	double *counts = g_new(double, n + 1);
	for (size_t i = 0; i < n; i++)
		counts[i] = (double)x->cells[i];
	stats_crosstab_with(counts, x->n_rows, x->n_cols, fisher, &x->tests);
	if (x->n) {	/* an empty table expects nothing: no counts, not zeros */
		x->expected = g_new(double, n + 1);
		stats_expected(counts, x->n_rows, x->n_cols, x->expected);
	}
	g_free(counts);
}

void tally_finish(struct tally *t, const struct stats_fisher_options *fisher)
{
	for (guint i = 0; i < t->questions->len; i++) {
		struct tally_question *tq = g_ptr_array_index(t->questions, i);
		if (tq->numbers) {
			runs_settle(tq->numbers);
			const double *values, *counts;
			size_t n;
			tally_numbers(tq, &values, &counts, &n);
			stats_numeric_runs(values, counts, n, &tq->summary);
		}
		if (tq->cross)
			finish_cross(tq->cross, fisher);
	}
}

static void disclose_cross(struct tally_cross *x, unsigned long threshold)
{
	size_t n = x->n_rows * x->n_cols;
	struct disclose_table table = {
		x->n_rows, x->n_cols, x->cells, x->row_bases, x->col_bases,
		x->rows_add_up ? DISCLOSE_SUM : DISCLOSE_COVER,
		x->cols_add_up ? DISCLOSE_SUM : DISCLOSE_COVER,
	};
	g_free(x->marks);
	x->marks = g_new0(enum disclose_mark, n + 1);
	x->withheld = disclose_suppress(&table, threshold, x->marks) == DISCLOSE_WITHHOLD;
	x->n_suppressed = 0;
	for (size_t i = 0; i < n; i++)
		x->n_suppressed += x->marks[i] != DISCLOSE_SHOWN;
}

void tally_disclose(struct tally *t, unsigned long threshold)
{
	t->small_cell = threshold > 1 ? threshold : 0;
	for (guint i = 0; t->small_cell && i < t->questions->len; i++) {
		struct tally_question *tq = g_ptr_array_index(t->questions, i);
		if (tq->cross)
			disclose_cross(tq->cross, threshold);
	}
}

/* Reading figures */

bool tally_cross_hidden(const struct tally_cross *x, size_t row, size_t col)
{
	return x->marks && x->marks[row * x->n_cols + col] != DISCLOSE_SHOWN;
}

static double share_of(unsigned long k, unsigned long n)
{
	return n ? (double)k / (double)n : NAN;
}

double tally_cross_col_share(const struct tally_cross *x, size_t row, size_t col)
{
	if (tally_cross_hidden(x, row, col))
		return NAN;
	return share_of(x->cells[row * x->n_cols + col], x->col_bases[col]);
}

double tally_cross_row_share(const struct tally_cross *x, size_t row, size_t col)
{
	if (tally_cross_hidden(x, row, col))
		return NAN;
	return share_of(x->cells[row * x->n_cols + col], x->row_bases[row]);
}

bool tally_cross_tests_shown(const struct tally_cross *x)
{
	return x->testable && x->n_suppressed == 0;
}

double tally_choice_share(const struct tally_question *tq, size_t c)
{
	return share_of(tq->counts[c], tq->answered);
}

struct stats_interval tally_choice_interval(const struct tally_question *tq, size_t c, bool exact)
{
	return exact ? stats_clopper_pearson(tq->counts[c], tq->answered)
		     : stats_wilson(tq->counts[c], tq->answered);
}

double tally_mean_rank(const struct tally_question *tq, size_t c)
{
	return tq->counts[c] ? tq->rank_sum[c] / (double)tq->counts[c] : NAN;
}

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

void tally_months(const struct tally_question *tq, int **months, unsigned long **counts, size_t *n)
{
	*n = tq->months ? g_hash_table_size(tq->months) : 0;
	*months = g_new(int, *n + 1);
	*counts = g_new(unsigned long, *n + 1);
	if (!*n)
		return;
	GHashTableIter it;
	gpointer k, v;
	size_t i = 0;
	g_hash_table_iter_init(&it, tq->months);
	while (g_hash_table_iter_next(&it, &k, &v))
		(*months)[i++] = GPOINTER_TO_INT(k);
	qsort(*months, *n, sizeof(int), compare_ints);
	for (i = 0; i < *n; i++)
		(*counts)[i] = *(unsigned long *)g_hash_table_lookup(tq->months,
								    GINT_TO_POINTER((*months)[i]));
}

static int compare_combinations(gconstpointer a, gconstpointer b)
{
	const struct tally_combination *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->value, y->value);
}

static void combination_clear(gpointer p)
{
	g_free(((struct tally_combination *)p)->value);
}

/* The choice names of MASK, in list order, separated by spaces. */
static char *combination_name(const struct tally_question *tq, guint64 mask)
{
	GString *s = g_string_new(NULL);
	for (size_t c = 0; c < tq->n_choices && c < 64; c++) {
		if (!(mask & ((guint64)1 << c)))
			continue;
		if (s->len)
			g_string_append_c(s, ' ');
		g_string_append(s, ((struct form_choice *)g_ptr_array_index(tq->q->list->choices, c))->name);
	}
	return g_string_free(s, FALSE);
}

GArray *tally_combinations(const struct tally_question *tq)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct tally_combination));
	g_array_set_clear_func(out, combination_clear);
	if (!tq->combinations)
		return out;
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, tq->combinations);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		struct tally_combination c = { combination_name(tq, *(guint64 *)k), *(unsigned long *)v };
		g_array_append_val(out, c);
	}
	g_array_sort(out, compare_combinations);
	return out;
}

const struct tally_question *tally_find(const struct tally *t, const char *name)
{
	for (guint i = 0; i < t->questions->len; i++) {
		const struct tally_question *tq = g_ptr_array_index(t->questions, i);
		if (strcmp(form_question_key(tq->q), name) == 0)
			return tq;
	}
	return NULL;
}
