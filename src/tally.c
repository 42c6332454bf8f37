/* tally.c - one streaming pass over the replies: counts, selections, numbers, crosstabs */
#include <config.h>
#include "tally.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "isodate.h"
#include "msg.h"
#include "response.h"
#include "roster.h"

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

static gpointer copy_double(gconstpointer p)
{
	return g_memdup2(p, sizeof(double));
}

static gpointer copy_mask(gconstpointer p)
{
	return g_memdup2(p, sizeof(guint64));
}

static gpointer copy_direct(gconstpointer p)
{
	return (gpointer)p;
}

static bool is_tallied(const struct form_question *q)
{
	return form_kind_has_value(q->kind) && !q->generated && q->kind != FORM_META &&
	       q->kind != FORM_MEDIA && q->kind != FORM_GEO;
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
		tq->name_len = g_new0(size_t, tq->n_choices + 1);
		for (size_t c = 0; c < tq->n_choices; c++)
			tq->name_len[c] = strlen(((struct form_choice *)
						  g_ptr_array_index(q->list->choices, c))->name);
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
		tq->numbers = g_hash_table_new_full(g_double_hash, g_double_equal, g_free, g_free);
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

static void question_free(gpointer p)
{
	struct tally_question *tq = p;
	g_free(tq->counts);
	g_free(tq->name_len);
	g_free(tq->rank_sum);
	g_free(tq->firsts);
	if (tq->combinations)
		g_hash_table_destroy(tq->combinations);
	if (tq->numbers)
		g_hash_table_destroy(tq->numbers);
	if (tq->months)
		g_hash_table_destroy(tq->months);
	if (tq->texts)
		g_ptr_array_free(tq->texts, TRUE);
	if (tq->cross) {
		g_free(tq->cross->cells);
		g_free(tq->cross);
	}
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
static bool setup_by(struct tally *t)
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
	if (q)
		return msg_error("--by: '%s' is a %s question; crosstabs need a select_one or "
				 "select_multiple question, or a roster column", by,
				 form_kind_name(q->kind)) < 0 && false;
	return msg_error("--by: '%s' is neither a question of the form nor a column of the "
			 "roster%s", by, t->opt.roster ? "" : " (no --roster given)") < 0 && false;
}

static void add_cross(struct tally *t, struct tally_question *tq)
{
	if (!t->opt.by || !tq->counts || tq->q->kind == FORM_RANK || tq->q == t->by_question)
		return;
	tq->cross = g_new0(struct tally_cross, 1);
	tq->cross->n_rows = tq->n_choices;
	tq->cross->n_cols = t->by_values->len;
	tq->cross->cells = g_new0(unsigned long, tq->n_choices * t->by_values->len + 1);
}

struct tally *tally_new(const struct form *form, const struct tally_options *opt)
{
	struct tally *t = g_new0(struct tally, 1);
	t->form = form;
	t->opt = *opt;
	t->questions = g_ptr_array_new_with_free_func(question_free);
	t->respondents = g_hash_table_new(g_str_hash, g_str_equal);
	t->codes = g_string_chunk_new(64 * 1024);
	if (!setup_by(t)) {
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
	if (t->by_values)
		g_ptr_array_free(t->by_values, TRUE);
	if (t->by_index)
		g_hash_table_destroy(t->by_index);
	g_hash_table_destroy(t->respondents);
	g_string_chunk_free(t->codes);
	g_free(t);
}

/* Counting one reply */

static void problem(struct tally *t, const struct resp_reply *r, const struct form_question *q,
		    const char *why)
{
	msg_error_at(r->file, r->rows[q->index] ? r->rows[q->index] : r->row, "%s: %s", q->name,
		     why);
	t->problems++;
}

/*
 * The choice named by the token [S, S+LEN) of a space-separated value, or
 * -1.  Lists are short, so comparing lengths first and then bytes beats
 * copying the token out to look it up; long lists use the hash table.
 */
static int choice_index(const struct tally_question *tq, const char *s, size_t len, GString *buf)
{
	if (tq->n_choices <= 32) {
		for (size_t c = 0; c < tq->n_choices; c++)
			if (tq->name_len[c] == len &&
			    memcmp(((struct form_choice *)g_ptr_array_index(tq->q->list->choices, c))->name,
				   s, len) == 0)
				return (int)c;
	}
	g_string_truncate(buf, 0);
	g_string_append_len(buf, s, (gssize)len);
	if (tq->n_choices <= 32)
		return -1;
	const struct form_choice *c = form_choice(tq->q->list, buf->str);
	return c ? c->index : -1;
}

/*
 * The columns of the --by variable a reply falls in (several for a
 * select_multiple), as indexes into T->by_values; returns how many.
 */
static size_t by_columns(struct tally *t, const struct resp_reply *r, const struct resp_eval *ev,
			 size_t *cols, size_t max)
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
	if (!v)
		return 0;
	size_t n = 0;
	char **tokens = g_strsplit_set(v, " ", -1);
	for (char **tok = tokens; *tok && n < max; tok++) {
		guint k = **tok ? GPOINTER_TO_UINT(g_hash_table_lookup(t->by_index, *tok)) : 0;
		if (k)
			cols[n++] = k - 1;
	}
	g_strfreev(tokens);
	return n;
}

static void cross_add(struct tally_question *tq, size_t row, const size_t *cols, size_t n_cols)
{
	for (size_t k = 0; k < n_cols; k++)
		tq->cross->cells[row * tq->cross->n_cols + cols[k]]++;
}

static void count_choices(struct tally *t, const struct resp_reply *r, struct tally_question *tq,
			  const char *v, const size_t *cols, size_t n_cols, GString *buf)
{
	const struct form_question *q = tq->q;
	if (q->kind == FORM_SELECT_ONE) {
		const struct form_choice *ch = form_choice(q->list, v);
		int c = ch ? ch->index : -1;
		if (c < 0) {
			char *why = g_strdup_printf("'%s' is not a choice of list '%s'", v, q->list->name);
			problem(t, r, q, why);
			g_free(why);
			return;
		}
		tq->counts[c]++;
		if (tq->cross && n_cols)
			cross_add(tq, (size_t)c, cols, n_cols);
		if (tq->cross)
			tq->cross->n += n_cols > 0;
		return;
	}
	/* select_multiple and rank: the tokens in order; combinations keyed in list order. */
	bool *chosen = g_newa(bool, tq->n_choices + 1);
	memset(chosen, 0, tq->n_choices + 1);
	int rank = 0;
	for (const char *p = v; *p;) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (!len)
			break;
		int c = choice_index(tq, p, len, buf);
		if (c < 0 || chosen[c]) {
			char *why = c < 0 ? g_strdup_printf("'%s' is not a choice of list '%s'",
							   buf->str, q->list->name)
					  : g_strdup_printf("'%s' is given twice", buf->str);
			problem(t, r, q, why);
			g_free(why);
			return;
		}
		chosen[c] = true;
		rank++;
		if (tq->rank_sum) {
			tq->rank_sum[c] += rank;
			tq->firsts[c] += rank == 1;
		}
		p += len;
	}
	guint64 mask = 0;
	for (size_t c = 0; c < tq->n_choices; c++) {
		if (!chosen[c])
			continue;
		tq->counts[c]++;
		mask |= (guint64)1 << c;
		if (tq->cross && n_cols)
			cross_add(tq, c, cols, n_cols);
	}
	if (tq->cross)
		tq->cross->n += n_cols > 0;
	if (tq->combinations)
		(*counter(tq->combinations, &mask, copy_mask))++;
}

static void count_number(struct tally *t, const struct resp_reply *r, struct tally_question *tq,
			 const char *v)
{
	char *end;
	double d = g_ascii_strtod(v, &end);
	if (*end || end == v || !isfinite(d)) {
		char *why = g_strdup_printf("'%s' is not a number", v);
		problem(t, r, tq->q, why);
		g_free(why);
		return;
	}
	if (d == 0)
		d = 0;	/* -0 and 0 are one value */
	(*counter(tq->numbers, &d, copy_double))++;
}

static void count_date(struct tally *t, const struct resp_reply *r, struct tally_question *tq,
		       const char *v)
{
	double days;
	if (!isodate_parse_datetime(v, &days)) {
		char *why = g_strdup_printf("'%s' is not a date (YYYY-MM-DD)", v);
		problem(t, r, tq->q, why);
		g_free(why);
		return;
	}
	int day = (int)floor(days);
	int y, m, d;
	isodate_split(day, &y, &m, &d);
	tq->earliest = MIN(tq->earliest, day);
	tq->latest = MAX(tq->latest, day);
	(*counter(tq->months, GINT_TO_POINTER(y * 12 + m - 1), copy_direct))++;
}

static void count_answer(struct tally *t, const struct resp_reply *r, struct tally_question *tq,
			 const char *v, const size_t *cols, size_t n_cols, GString *buf)
{
	if (tq->counts) {
		count_choices(t, r, tq, v, cols, n_cols, buf);
	} else if (tq->numbers) {
		count_number(t, r, tq, v);
	} else if (tq->months) {
		count_date(t, r, tq, v);
	} else if (tq->texts) {
		struct tally_text *text = g_new(struct tally_text, 1);
		text->respondent = g_strdup(r->meta[RESP_RESPONDENT]);
		text->text = g_strdup(v);
		g_ptr_array_add(tq->texts, text);
	}
}

/* Whether R counts: on time, once per respondent.  Late replies are only counted as late. */
static bool admit(struct tally *t, const struct resp_reply *r)
{
	const char *code = r->meta[RESP_RESPONDENT];
	if (code) {
		if (g_hash_table_contains(t->respondents, code)) {
			msg_error_at(r->file, r->meta_row[RESP_RESPONDENT] ? r->meta_row[RESP_RESPONDENT]
									  : r->row,
				     "_respondent: '%s' replied twice", code);
			t->problems++;
			return false;
		}
		g_hash_table_add(t->respondents, g_string_chunk_insert(t->codes, code));
	}
	if (t->opt.cutoff == INT_MAX)
		return true;
	int day;
	const char *submitted = r->meta[RESP_SUBMITTED];
	if (!submitted || !isodate_parse(submitted, &day)) {
		msg_error_at(r->file, r->meta_row[RESP_SUBMITTED] ? r->meta_row[RESP_SUBMITTED] : r->row,
			     "_submitted: '%s' is not a date (YYYY-MM-DD), so the cut-off cannot "
			     "be applied", submitted ? submitted : "");
		t->problems++;
		return false;
	}
	if (day > t->opt.cutoff) {
		t->late++;
		return false;
	}
	return true;
}

void tally_add(struct tally *t, const struct resp_reply *r, struct resp_eval *ev)
{
	if (!admit(t, r))
		return;
	if (r->meta[RESP_INCOMPLETE])
		msg_warn_at(r->file, r->meta_row[RESP_INCOMPLETE] ? r->meta_row[RESP_INCOMPLETE] : r->row,
			    "the reply of '%s' is marked _incomplete: its entry is not finished",
			    r->meta[RESP_RESPONDENT] ? r->meta[RESP_RESPONDENT] : "?");
	t->included++;
	resp_eval_run(ev, r->values);
	size_t max_cols = t->by_values->len + 1;
	size_t *cols = g_newa(size_t, max_cols);
	size_t n_cols = t->opt.by ? by_columns(t, r, ev, cols, max_cols) : 0;
	GString *buf = g_string_sized_new(64);
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
		count_answer(t, r, tq, v, cols, n_cols, buf);
	}
	g_string_free(buf, TRUE);
}

/* Results */

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

void tally_numbers(const struct tally_question *tq, double **values, double **counts, size_t *n)
{
	*n = tq->numbers ? g_hash_table_size(tq->numbers) : 0;
	*values = g_new(double, *n + 1);
	*counts = g_new(double, *n + 1);
	if (!*n)
		return;
	GHashTableIter it;
	gpointer k, v;
	size_t i = 0;
	g_hash_table_iter_init(&it, tq->numbers);
	while (g_hash_table_iter_next(&it, &k, &v))
		(*values)[i++] = *(double *)k;
	qsort(*values, *n, sizeof(double), compare_doubles);
	for (i = 0; i < *n; i++)
		(*counts)[i] = (double)*(unsigned long *)g_hash_table_lookup(tq->numbers, &(*values)[i]);
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
	for (size_t c = 0; c < tq->n_choices; c++) {
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
