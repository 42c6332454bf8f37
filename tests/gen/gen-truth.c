/* gen-truth.c - the oracle: the figures quire must print for what quire-gen wrote */
#include <config.h>
#include "gen.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The rules (the contract quire's commands must all follow):
 *
 * Which replies count.  A reply is included when it is valid, not marked
 * _incomplete, submitted on or before the cut-off, its code is on the
 * roster and the member's member_from <= cutoff <= member_to (an empty
 * bound is open).  Otherwise it is excluded with exactly one reason, the
 * first that holds in this order: invalid, not_on_roster, not_member,
 * incomplete, late.  A second reply from a code is invalid; the first
 * (in file-name order, the order quire reads a directory in) keeps its own
 * status.  `quire status` lists every reply with its status (on_time for
 * an included one) and every member on the cut-off date without any
 * reply as not_replied; its counts are those of the list, and `roster` is
 * the number of members on the cut-off date.
 *
 * Questions, over included replies.  base = replies for which the
 * question applies (its relevant and its groups' relevant are true, an
 * unanswered or inapplicable question reading as empty); answered = base
 * minus those that left it blank; not_applicable = included - base;
 * no_answer = base - answered.  Per choice, count = States that chose it
 * (select_multiple: each State once per ticked choice); share = count /
 * answered (null when nobody answered).  Numbers: n, mean, sample sd,
 * min, quartiles as R's type 7, max; dates: n, earliest, latest, counts
 * per month.
 *
 * Crosstab of a choice question ROW by BY (a roster column, a select_one
 * or a select_multiple other than ROW).  Columns are the roster column's
 * distinct non-empty values among members on the cut-off date, in roster
 * order of first appearance, or BY's choices in list order; rows are ROW's
 * choices in list order.  A State's BY values are its member's value of
 * the column, BY's answer, or each choice ticked in BY; a State with none
 * (empty region, BY unanswered or not applicable) is not in the table.
 * cells[i][j] = included States that chose row i and have BY value j;
 * col_bases[j] = States with BY value j that answered ROW; row_bases[i] =
 * States that chose row i and have a BY value; n = States that answered
 * ROW and have a BY value -- States, never ticks.  col_shares[i][j] =
 * cells[i][j] / col_bases[j], row_shares[i][j] = cells[i][j] / row_bases[i],
 * null when the base is 0.
 */

const char *gen_status_name(enum gen_status status)
{
	static const char *const names[] = { "on_time", "invalid", "not_on_roster", "not_member",
					     "incomplete", "late", "not_replied" };
	return names[status];
}

static enum gen_status reply_status(const struct gen *g, const struct gen_reply *r)
{
	const struct gen_member *m = gen_member_find(g, r->code);
	if (r->planted)
		return GEN_INVALID;
	if (!m)
		return GEN_NOT_ON_ROSTER;
	if (!gen_is_member(m, g->cutoff))
		return GEN_NOT_MEMBER;
	if (r->incomplete)
		return GEN_INCOMPLETE;
	return r->submitted > g->cutoff ? GEN_LATE : GEN_ON_TIME;
}

static bool has_reply(const struct gen *g, const char *code)
{
	for (guint i = 0; i < g->replies->len; i++)
		if (strcmp(((struct gen_reply *)g_ptr_array_index(g->replies, i))->code, code) == 0)
			return true;
	return false;
}

static unsigned members_on_cutoff(const struct gen *g)
{
	unsigned n = 0;
	for (guint i = 0; i < g->members->len; i++)
		n += gen_is_member(g_ptr_array_index(g->members, i), g->cutoff);
	return n;
}

/* Status */

static json_t *status_truth(const struct gen *g)
{
	unsigned counts[GEN_NOT_REPLIED + 1] = { 0 };
	json_t *states = json_array();
	for (guint i = 0; i < g->replies->len; i++) {
		const struct gen_reply *r = g_ptr_array_index(g->replies, i);
		counts[r->status]++;
		json_array_append_new(states, json_pack("{s:s, s:s, s:s}", "code", r->code, "status",
							gen_status_name(r->status), "file", r->file));
	}
	for (guint i = 0; i < g->members->len; i++) {
		const struct gen_member *m = g_ptr_array_index(g->members, i);
		if (!gen_is_member(m, g->cutoff) || has_reply(g, m->code))
			continue;
		counts[GEN_NOT_REPLIED]++;
		json_array_append_new(states, json_pack("{s:s, s:s, s:n}", "code", m->code, "status",
							"not_replied", "file"));
	}
	json_t *c = json_pack("{s:I}", "roster", (json_int_t)members_on_cutoff(g));
	static const enum gen_status order[] = { GEN_ON_TIME, GEN_LATE, GEN_NOT_REPLIED,
						 GEN_NOT_MEMBER, GEN_NOT_ON_ROSTER, GEN_INCOMPLETE,
						 GEN_INVALID };
	for (guint k = 0; k < G_N_ELEMENTS(order); k++)
		json_object_set_new(c, gen_status_name(order[k]), json_integer(counts[order[k]]));
	return json_pack("{s:o, s:o}", "counts", c, "states", states);
}

static json_t *respondents_truth(const struct gen *g)
{
	unsigned included = 0, late = 0;
	json_t *excluded = json_array();
	for (guint i = 0; i < g->replies->len; i++) {
		const struct gen_reply *r = g_ptr_array_index(g->replies, i);
		included += r->status == GEN_ON_TIME;
		late += r->status == GEN_LATE;
		if (r->status != GEN_ON_TIME)
			json_array_append_new(excluded, json_pack("{s:s, s:s}", "respondent", r->code,
								  "reason",
								  gen_status_name(r->status)));
	}
	return json_pack("{s:I, s:I, s:I, s:o}", "included", (json_int_t)included, "late",
			 (json_int_t)late, "roster", (json_int_t)members_on_cutoff(g), "excluded",
			 excluded);
}

/* Questions */

static bool included(const struct gen_reply *r)
{
	return r->status == GEN_ON_TIME;
}

static json_t *share(unsigned count, unsigned base)
{
	return base ? json_real((double)count / base) : json_null();
}

static bool chose(const struct gen_question *q, const char *value, int c)
{
	const char *name = ((struct gen_choice *)g_ptr_array_index(q->choices, c))->name;
	if (!value)
		return false;
	if (q->kind == GEN_SELECT_ONE)
		return strcmp(value, name) == 0;
	char **tokens = g_strsplit(value, " ", -1);
	bool found = g_strv_contains((const char *const *)tokens, name);
	g_strfreev(tokens);
	return found;
}

static json_t *choices_truth(const struct gen *g, const struct gen_question *q, int qi,
			     unsigned answered)
{
	json_t *out = json_array();
	for (guint c = 0; c < q->choices->len; c++) {
		const struct gen_choice *ch = g_ptr_array_index(q->choices, c);
		unsigned count = 0;
		for (guint i = 0; i < g->replies->len; i++) {
			const struct gen_reply *r = g_ptr_array_index(g->replies, i);
			count += included(r) && chose(q, r->values[qi], (int)c);
		}
		json_array_append_new(out, json_pack("{s:s, s:s, s:I, s:o}", "value", ch->name,
						     "label", ch->label, "count", (json_int_t)count,
						     "share", share(count, answered)));
	}
	return out;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The quantile P of the N sorted values X as R's type 7 defines it. */
static double quantile7(const double *x, unsigned n, double p)
{
	double h = (n - 1) * p;
	unsigned k = (unsigned)h;
	return k + 1 < n ? x[k] + (h - k) * (x[k + 1] - x[k]) : x[k];
}

/* Numbers: n, mean, sample sd (null below 2), min, quartiles (R type 7), max. */
static json_t *number_summary(const struct gen *g, int qi)
{
	GArray *x = g_array_new(FALSE, FALSE, sizeof(double));
	for (guint i = 0; i < g->replies->len; i++) {
		const struct gen_reply *r = g_ptr_array_index(g->replies, i);
		if (included(r) && r->values[qi]) {
			double v = g_ascii_strtod(r->values[qi], NULL);
			g_array_append_val(x, v);
		}
	}
	unsigned n = x->len;
	json_t *out = json_pack("{s:I}", "n", (json_int_t)n);
	if (n) {
		double *v = (double *)x->data, sum = 0, ss = 0;
		qsort(v, n, sizeof(double), compare_doubles);
		for (unsigned i = 0; i < n; i++)
			sum += v[i];
		for (unsigned i = 0; i < n; i++)
			ss += (v[i] - sum / n) * (v[i] - sum / n);
		json_object_set_new(out, "mean", json_real(sum / n));
		json_object_set_new(out, "sd", n > 1 ? json_real(sqrt(ss / (n - 1))) : json_null());
		json_object_set_new(out, "min", json_real(v[0]));
		json_object_set_new(out, "q1", json_real(quantile7(v, n, 0.25)));
		json_object_set_new(out, "median", json_real(quantile7(v, n, 0.5)));
		json_object_set_new(out, "q3", json_real(quantile7(v, n, 0.75)));
		json_object_set_new(out, "max", json_real(v[n - 1]));
	}
	g_array_free(x, TRUE);
	return out;
}

/* Dates: n, the earliest and latest (ISO dates compare as strings), and counts per month. */
static json_t *date_summary(const struct gen *g, int qi)
{
	const char *lo = NULL, *hi = NULL;
	unsigned n = 0;
	json_t *months = json_object();
	for (guint i = 0; i < g->replies->len; i++) {
		const struct gen_reply *r = g_ptr_array_index(g->replies, i);
		const char *v = r->values[qi];
		if (!included(r) || !v)
			continue;
		n++;
		lo = !lo || strcmp(v, lo) < 0 ? v : lo;
		hi = !hi || strcmp(v, hi) > 0 ? v : hi;
		char *month = g_strndup(v, 7);
		json_t *count = json_object_get(months, month);
		json_object_set_new(months, month, json_integer(count ? json_integer_value(count) + 1 : 1));
		g_free(month);
	}
	return json_pack("{s:I, s:s?, s:s?, s:o}", "n", (json_int_t)n, "earliest", lo, "latest", hi,
			 "months", months);
}

static json_t *question_truth(const struct gen *g, int qi)
{
	const struct gen_question *q = g_ptr_array_index(g->form.questions, qi);
	unsigned n = 0, base = 0, answered = 0;
	for (guint i = 0; i < g->replies->len; i++) {
		const struct gen_reply *r = g_ptr_array_index(g->replies, i);
		if (!included(r))
			continue;
		n++;
		base += r->applies[qi];
		answered += r->applies[qi] && r->values[qi];
	}
	json_t *out = json_pack("{s:s, s:s, s:s, s:I, s:I, s:I, s:I}", "name", q->name, "type",
				gen_kind_name(q->kind), "label", q->label, "base", (json_int_t)base,
				"answered", (json_int_t)answered, "not_applicable",
				(json_int_t)(n - base), "no_answer", (json_int_t)(base - answered));
	if (q->choices)
		json_object_set_new(out, "choices", choices_truth(g, q, qi, answered));
	if (q->kind == GEN_INTEGER || q->kind == GEN_DECIMAL)
		json_object_set_new(out, "summary", number_summary(g, qi));
	if (q->kind == GEN_DATE)
		json_object_set_new(out, "summary", date_summary(g, qi));
	return out;
}

/* Crosstabs */

/* The crosstab's column variable: values, labels, and which columns each included reply falls in. */
struct by_var {
	const char *name;
	GPtrArray *values, *labels;	/* char *, borrowed */
	int question;		/* -1 for the roster column */
};

static void by_region(const struct gen *g, struct by_var *by)
{
	by->name = "region";
	by->question = -1;
	for (guint i = 0; i < g->members->len; i++) {
		const struct gen_member *m = g_ptr_array_index(g->members, i);
		bool seen = false;
		for (guint k = 0; k < by->values->len && !seen; k++)
			seen = strcmp(g_ptr_array_index(by->values, k), m->region) == 0;
		if (gen_is_member(m, g->cutoff) && *m->region && !seen) {
			g_ptr_array_add(by->values, m->region);
			g_ptr_array_add(by->labels, m->region);
		}
	}
}

static void by_question(const struct gen *g, struct by_var *by, int qi)
{
	const struct gen_question *q = g_ptr_array_index(g->form.questions, qi);
	by->name = q->name;
	by->question = qi;
	for (guint c = 0; c < q->choices->len; c++) {
		const struct gen_choice *ch = g_ptr_array_index(q->choices, c);
		g_ptr_array_add(by->values, ch->name);
		g_ptr_array_add(by->labels, ch->label);
	}
}

/* Whether included reply R has BY value J. */
static bool in_column(const struct gen *g, const struct by_var *by, const struct gen_reply *r,
		      guint j)
{
	if (by->question < 0) {
		const struct gen_member *m = gen_member_find(g, r->code);
		return strcmp(m->region, g_ptr_array_index(by->values, j)) == 0;
	}
	const struct gen_question *q = g_ptr_array_index(g->form.questions, by->question);
	return chose(q, r->values[by->question], (int)j);
}

static json_t *matrix_row(const unsigned *counts, guint n)
{
	json_t *row = json_array();
	for (guint j = 0; j < n; j++)
		json_array_append_new(row, json_integer(counts[j]));
	return row;
}

static json_t *strings(const GPtrArray *a)
{
	json_t *out = json_array();
	for (guint i = 0; i < a->len; i++)
		json_array_append_new(out, json_string(g_ptr_array_index(a, i)));
	return out;
}

static json_t *crosstab_truth(const struct gen *g, const struct by_var *by, int qi)
{
	const struct gen_question *q = g_ptr_array_index(g->form.questions, qi);
	guint rows = q->choices->len, cols = by->values->len;
	unsigned *cells = g_new0(unsigned, rows * cols + 1);
	unsigned *row_bases = g_new0(unsigned, rows + 1), *col_bases = g_new0(unsigned, cols + 1);
	unsigned n = 0;
	bool *in = g_new0(bool, cols + 1);
	for (guint k = 0; k < g->replies->len; k++) {
		const struct gen_reply *r = g_ptr_array_index(g->replies, k);
		if (!included(r) || !r->values[qi])
			continue;
		bool any = false;
		for (guint j = 0; j < cols; j++)
			any |= in[j] = in_column(g, by, r, j);
		if (!any)
			continue;
		n++;
		for (guint j = 0; j < cols; j++)
			col_bases[j] += in[j];
		for (guint i = 0; i < rows; i++) {
			if (!chose(q, r->values[qi], (int)i))
				continue;
			row_bases[i]++;
			for (guint j = 0; j < cols; j++)
				cells[i * cols + j] += in[j];
		}
	}
	json_t *counts = json_array(), *row_shares = json_array(), *col_shares = json_array();
	for (guint i = 0; i < rows; i++) {
		json_array_append_new(counts, matrix_row(cells + i * cols, cols));
		json_t *rs = json_array(), *cs = json_array();
		for (guint j = 0; j < cols; j++) {
			json_array_append_new(rs, share(cells[i * cols + j], row_bases[i]));
			json_array_append_new(cs, share(cells[i * cols + j], col_bases[j]));
		}
		json_array_append_new(row_shares, rs);
		json_array_append_new(col_shares, cs);
	}
	GPtrArray *row_values = g_ptr_array_new();
	for (guint i = 0; i < rows; i++)
		g_ptr_array_add(row_values, ((struct gen_choice *)g_ptr_array_index(q->choices, i))->name);
	json_t *out = json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:I, s:o, s:o}",
				"row", q->name, "row_type", gen_kind_name(q->kind), "col", by->name,
				"row_values", strings(row_values), "col_values", strings(by->values),
				"col_labels", strings(by->labels), "counts", counts, "row_bases",
				matrix_row(row_bases, rows), "col_bases", matrix_row(col_bases, cols),
				"n", (json_int_t)n, "row_shares", row_shares, "col_shares", col_shares);
	g_ptr_array_free(row_values, TRUE);
	g_free(in);
	g_free(cells);
	g_free(row_bases);
	g_free(col_bases);
	return out;
}

static void add_crosstabs(const struct gen *g, const struct by_var *by, json_t *out)
{
	for (guint qi = 0; qi < g->form.questions->len; qi++) {
		const struct gen_question *q = g_ptr_array_index(g->form.questions, qi);
		if (q->choices && (int)qi != by->question)
			json_array_append_new(out, crosstab_truth(g, by, (int)qi));
	}
}

static json_t *crosstabs_truth(const struct gen *g)
{
	json_t *out = json_array();
	int by_questions[] = { -1, g->by_one, g->by_multiple };
	for (guint k = 0; k < G_N_ELEMENTS(by_questions); k++) {
		if (k && by_questions[k] < 0)
			continue;
		struct by_var by = { NULL, g_ptr_array_new(), g_ptr_array_new(), -1 };
		if (k == 0)
			by_region(g, &by);
		else
			by_question(g, &by, by_questions[k]);
		add_crosstabs(g, &by, out);
		g_ptr_array_free(by.values, TRUE);
		g_ptr_array_free(by.labels, TRUE);
	}
	return out;
}

/* The crosstab of question NAME by the roster's region in CROSSTABS, or NULL. */
static const json_t *region_crosstab(const json_t *crosstabs, const char *name)
{
	size_t i;
	json_t *x;
	json_array_foreach(crosstabs, i, x)
		if (strcmp(json_string_value(json_object_get(x, "row")), name) == 0 &&
		    strcmp(json_string_value(json_object_get(x, "col")), "region") == 0)
			return x;
	return NULL;
}

/* Planted problems */

static json_t *planted_truth(const struct gen *g)
{
	json_t *out = json_array();
	for (guint i = 0; i < g->replies->len; i++) {
		const struct gen_reply *r = g_ptr_array_index(g->replies, i);
		if (!r->planted)
			continue;
		char *where = g_strdup_printf("%s:%ld", r->file, r->planted_row);
		json_array_append_new(out, json_pack("{s:s, s:s}", "where", where, "what", r->planted));
		g_free(where);
	}
	return out;
}

static json_t *by_truth(const struct gen *g)
{
	const struct gen_question *one = g->by_one >= 0 ? g_ptr_array_index(g->form.questions,
									     g->by_one) : NULL;
	const struct gen_question *multiple = g->by_multiple >= 0
						      ? g_ptr_array_index(g->form.questions,
									  g->by_multiple) : NULL;
	return json_pack("{s:s, s:s?, s:s?}", "roster", "region", "select_one",
			 one ? one->name : NULL, "select_multiple", multiple ? multiple->name : NULL);
}

/*
 * Questions to chart: a choice question some included State answered, and
 * one that some State with a region answered (for --by region); which
 * one varies with the number of replies.  Null when there is none.
 */
static json_t *chart_truth(const struct gen *g, json_t *questions, json_t *crosstabs)
{
	GPtrArray *plain = g_ptr_array_new(), *by = g_ptr_array_new();
	size_t i;
	json_t *q;
	json_array_foreach(questions, i, q) {
		const char *name = json_string_value(json_object_get(q, "name"));
		const json_t *x = json_object_get(q, "choices") ? region_crosstab(crosstabs, name)
								: NULL;
		if (json_object_get(q, "choices") && json_integer_value(json_object_get(q, "answered")))
			g_ptr_array_add(plain, (gpointer)name);
		if (x && json_integer_value(json_object_get(x, "n")))
			g_ptr_array_add(by, (gpointer)name);
	}
	guint k = g->replies->len;
	json_t *out = json_pack("{s:s?, s:s?}", "question",
				plain->len ? (char *)g_ptr_array_index(plain, k % plain->len) : NULL,
				"by_region", by->len ? (char *)g_ptr_array_index(by, k % by->len) : NULL);
	g_ptr_array_free(plain, TRUE);
	g_ptr_array_free(by, TRUE);
	return out;
}

json_t *gen_truth(const struct gen *g)
{
	for (guint i = 0; i < g->replies->len; i++) {
		struct gen_reply *r = g_ptr_array_index(g->replies, i);
		r->status = reply_status(g, r);
	}
	json_t *questions = json_array();
	for (guint qi = 0; qi < g->form.questions->len; qi++)
		json_array_append_new(questions, question_truth(g, (int)qi));
	json_t *crosstabs = crosstabs_truth(g);
	char *cutoff = gen_day_string(g->cutoff);
	json_t *truth = json_pack("{s:s, s:{s:s, s:s, s:s}, s:o, s:o, s:o, s:O, s:O, s:o, s:o}",
				  "cutoff", cutoff, "form", "id", g->form.id, "title", g->form.title,
				  "version", g->form.version, "by", by_truth(g), "status",
				  status_truth(g), "respondents", respondents_truth(g), "questions",
				  questions, "crosstabs", crosstabs, "chart",
				  chart_truth(g, questions, crosstabs), "planted", planted_truth(g));
	json_decref(questions);
	json_decref(crosstabs);
	g_free(cutoff);
	return truth;
}

static bool write_planted(const struct gen *g, const char *outdir)
{
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < g->replies->len; i++) {
		const struct gen_reply *r = g_ptr_array_index(g->replies, i);
		if (r->planted)
			g_string_append_printf(s, "%s:%ld\n", r->file, r->planted_row);
	}
	char *path = g_build_filename(outdir, "invalid.txt", NULL);
	bool ok = g_file_set_contents(path, s->str, (gssize)s->len, NULL);
	g_free(path);
	g_string_free(s, TRUE);
	return ok;
}

bool gen_truth_write(const struct gen *g, const char *outdir)
{
	json_t *truth = gen_truth(g);
	char *path = g_build_filename(outdir, "truth.json", NULL);
	bool ok = json_dump_file(truth, path, JSON_INDENT(1) | JSON_REAL_PRECISION(17)) == 0;
	if (ok && g->invalid)
		ok = write_planted(g, outdir);
	if (!ok)
		fprintf(stderr, "quire-gen: cannot write %s\n", path);
	g_free(path);
	json_decref(truth);
	return ok;
}
