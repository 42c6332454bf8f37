/* tabout.c - the output of quire tab: text for people, tidy CSV, JSON (DESIGN §2) */
#include <config.h>
#include "tabout.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

#include "csvio.h"
#include "form.h"
#include "isodate.h"
#include "stats.h"
#include "tally.h"

/* What the writers share: each figure is computed in one place. */

static double share(unsigned long k, unsigned long n)
{
	return n ? (double)k / (double)n : NAN;
}

static bool is_choice_table(const struct tally_question *tq)
{
	return tq->counts && tq->q->kind != FORM_RANK;
}

/* Whether a crosstab of TQ may be tested: both axes must partition the replies. */
static bool cross_testable(const struct tally *t, const struct tally_question *tq)
{
	return tq->q->kind == FORM_SELECT_ONE &&
	       !(t->by_question && t->by_question->kind == FORM_SELECT_MULTIPLE);
}

static double *cross_counts(const struct tally_cross *x)
{
	size_t n = x->n_rows * x->n_cols;
	double *c = g_new(double, n + 1);
	for (size_t i = 0; i < n; i++)
		c[i] = (double)x->cells[i];
	return c;
}

static void numeric_summary(const struct tally_question *tq, struct stats_numeric *s)
{
	double *values, *counts;
	size_t n;
	tally_numbers(tq, &values, &counts, &n);
	stats_numeric_runs(values, counts, n, s);
	g_free(values);
	g_free(counts);
}

static const char *choice_label(const struct tally *t, const struct tally_question *tq, size_t c,
				int lang)
{
	const struct form_choice *ch = g_ptr_array_index(tq->q->list->choices, c);
	return form_choice_label(t->form, ch, lang);
}

static const char *choice_name(const struct tally_question *tq, size_t c)
{
	const struct form_choice *ch = g_ptr_array_index(tq->q->list->choices, c);
	return ch->name;
}

static const char *by_label(const struct tally *t, size_t col)
{
	const struct tally_by_value *v = g_ptr_array_index(t->by_values, col);
	return v->label ? v->label : v->value;
}

static const char *group_name(const struct form_question *q)
{
	return q->group ? q->group->name : NULL;
}

/* JSON */

static json_t *num(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static json_t *interval(struct stats_interval ci)
{
	if (!isfinite(ci.lower) || !isfinite(ci.upper))
		return json_null();
	json_t *a = json_array();
	json_array_append_new(a, json_real(ci.lower));
	json_array_append_new(a, json_real(ci.upper));
	return a;
}

static json_t *json_choices(const struct tally *t, const struct tally_question *tq, int lang)
{
	json_t *arr = json_array();
	for (size_t c = 0; c < tq->n_choices; c++) {
		json_t *o = json_object();
		json_object_set_new(o, "value", json_string(choice_name(tq, c)));
		json_object_set_new(o, "label", json_string(choice_label(t, tq, c, lang)));
		json_object_set_new(o, "count", json_integer((json_int_t)tq->counts[c]));
		if (tq->rank_sum) {
			json_object_set_new(o, "mean_rank",
					    num(tq->counts[c] ? tq->rank_sum[c] / (double)tq->counts[c]
							      : NAN));
			json_object_set_new(o, "first", json_integer((json_int_t)tq->firsts[c]));
		} else {
			json_object_set_new(o, "share", num(share(tq->counts[c], tq->answered)));
			json_object_set_new(o, "ci95", interval(stats_wilson(tq->counts[c], tq->answered)));
			json_object_set_new(o, "ci95_exact",
					    interval(stats_clopper_pearson(tq->counts[c], tq->answered)));
		}
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *json_combinations(const struct tally_question *tq)
{
	GArray *combos = tally_combinations(tq);
	json_t *arr = json_array();
	for (guint i = 0; i < combos->len; i++) {
		const struct tally_combination *c = &g_array_index(combos, struct tally_combination, i);
		json_t *o = json_object();
		json_t *values = json_array();
		char **names = g_strsplit(c->value, " ", -1);
		for (char **n = names; *n; n++)
			json_array_append_new(values, json_string(*n));
		g_strfreev(names);
		json_object_set_new(o, "values", values);
		json_object_set_new(o, "count", json_integer((json_int_t)c->count));
		json_object_set_new(o, "share", num(share(c->count, tq->answered)));
		json_array_append_new(arr, o);
	}
	g_array_free(combos, TRUE);
	return arr;
}

static json_t *json_numeric(const struct tally_question *tq)
{
	struct stats_numeric s;
	numeric_summary(tq, &s);
	json_t *o = json_object();
	json_object_set_new(o, "n", json_integer((json_int_t)s.n));
	json_object_set_new(o, "mean", num(s.mean));
	json_object_set_new(o, "sd", num(s.sd));
	json_object_set_new(o, "min", num(s.min));
	json_object_set_new(o, "q1", num(s.q1));
	json_object_set_new(o, "median", num(s.median));
	json_object_set_new(o, "q3", num(s.q3));
	json_object_set_new(o, "max", num(s.max));
	return o;
}

static json_t *json_day(int day)
{
	if (day == INT_MAX || day == INT_MIN)
		return json_null();
	char buf[ISODATE_BUFSIZE];
	isodate_format(day, buf);
	return json_string(buf);
}

static char *month_name(int ym)
{
	return g_strdup_printf("%04d-%02d", ym / 12, ym % 12 + 1);
}

static json_t *json_dates(const struct tally_question *tq)
{
	json_t *o = json_object();
	json_object_set_new(o, "n", json_integer((json_int_t)tq->answered));
	json_object_set_new(o, "earliest", json_day(tq->earliest));
	json_object_set_new(o, "latest", json_day(tq->latest));
	int *months;
	unsigned long *counts;
	size_t n;
	tally_months(tq, &months, &counts, &n);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *m = json_object();
		char *name = month_name(months[i]);
		json_object_set_new(m, "month", json_string(name));
		json_object_set_new(m, "count", json_integer((json_int_t)counts[i]));
		json_array_append_new(arr, m);
		g_free(name);
	}
	json_object_set_new(o, "months", arr);
	g_free(months);
	g_free(counts);
	return o;
}

static json_t *json_question(const struct tally *t, const struct tally_question *tq, int lang)
{
	const struct form_question *q = tq->q;
	json_t *o = json_object();
	json_object_set_new(o, "name", json_string(q->name));
	json_object_set_new(o, "type", json_string(form_kind_name(q->kind)));
	json_object_set_new(o, "label", json_string(form_label(t->form, q, lang)));
	json_object_set_new(o, "group", group_name(q) ? json_string(group_name(q)) : json_null());
	json_object_set_new(o, "base", json_integer((json_int_t)tq->base));
	json_object_set_new(o, "answered", json_integer((json_int_t)tq->answered));
	json_object_set_new(o, "not_applicable", json_integer((json_int_t)tq->not_applicable));
	json_object_set_new(o, "no_answer", json_integer((json_int_t)tq->no_answer));
	if (tq->counts)
		json_object_set_new(o, "choices", json_choices(t, tq, lang));
	if (tq->combinations)
		json_object_set_new(o, "combinations", json_combinations(tq));
	if (tq->numbers)
		json_object_set_new(o, "summary", json_numeric(tq));
	if (tq->months)
		json_object_set_new(o, "summary", json_dates(tq));
	return o;
}

static json_t *json_stat(double statistic, double df, double p)
{
	if (!isfinite(statistic))
		return json_null();
	json_t *o = json_object();
	json_object_set_new(o, "statistic", json_real(statistic));
	if (isfinite(df))
		json_object_set_new(o, "df", json_integer((json_int_t)df));
	json_object_set_new(o, "p", num(p));
	return o;
}

static json_t *json_tests(const struct stats_crosstab *s)
{
	json_t *o = json_object();
	json_object_set_new(o, "pearson_chi2", json_stat(s->pearson_chisq, s->df, s->pearson_p));
	json_object_set_new(o, "yates_chi2", json_stat(s->yates_chisq, s->df, s->yates_p));
	json_object_set_new(o, "likelihood_ratio", json_stat(s->lr_g, s->df, s->lr_p));
	json_object_set_new(o, "fisher_exact_p", num(s->fisher.p));
	json_object_set_new(o, "fisher_method",
			    s->fisher.method == STATS_FISHER_EXACT ? json_string("exact")
			    : s->fisher.method == STATS_FISHER_MONTE_CARLO ? json_string("monte_carlo")
									    : json_null());
	if (s->fisher.method == STATS_FISHER_MONTE_CARLO) {
		json_object_set_new(o, "fisher_replicates", json_integer((json_int_t)s->fisher.replicates));
		json_object_set_new(o, "fisher_se", json_real(s->fisher.se));
	}
	json_object_set_new(o, "cramers_v", num(s->cramers_v));
	json_object_set_new(o, "phi", num(s->phi));
	json_object_set_new(o, "min_expected", num(s->min_expected));
	json_object_set_new(o, "cells_expected_lt5", s->defined ? json_integer((json_int_t)
									       s->cells_expected_lt5)
								: json_null());
	json_object_set_new(o, "chi2_unreliable", s->defined ? json_boolean(s->unreliable)
							     : json_null());
	return o;
}

static json_t *json_matrix(const double *m, size_t rows, size_t cols, bool integers)
{
	json_t *a = json_array();
	for (size_t r = 0; r < rows; r++) {
		json_t *row = json_array();
		for (size_t c = 0; c < cols; c++)
			json_array_append_new(row, integers ? json_integer((json_int_t)m[r * cols + c])
							     : json_real(m[r * cols + c]));
		json_array_append_new(a, row);
	}
	return a;
}

/* Each cell as a share of its row (BY_ROW) or of its column; null where the total is 0. */
static json_t *json_shares(const double *m, size_t rows, size_t cols, bool by_row)
{
	json_t *a = json_array();
	for (size_t r = 0; r < rows; r++) {
		json_t *row = json_array();
		for (size_t c = 0; c < cols; c++) {
			double total = 0;
			for (size_t k = 0; k < (by_row ? cols : rows); k++)
				total += by_row ? m[r * cols + k] : m[k * cols + c];
			json_array_append_new(row, total > 0 ? json_real(m[r * cols + c] / total)
							     : json_null());
		}
		json_array_append_new(a, row);
	}
	return a;
}

static json_t *json_crosstab(const struct tally *t, const struct tally_question *tq, int lang)
{
	const struct tally_cross *x = tq->cross;
	json_t *o = json_object();
	json_object_set_new(o, "row", json_string(tq->q->name));
	json_object_set_new(o, "col", json_string(t->opt.by));
	json_t *rv = json_array(), *rl = json_array(), *cv = json_array(), *cl = json_array();
	for (size_t r = 0; r < x->n_rows; r++) {
		json_array_append_new(rv, json_string(choice_name(tq, r)));
		json_array_append_new(rl, json_string(choice_label(t, tq, r, lang)));
	}
	for (size_t c = 0; c < x->n_cols; c++) {
		const struct tally_by_value *v = g_ptr_array_index(t->by_values, c);
		json_array_append_new(cv, json_string(v->value));
		json_array_append_new(cl, json_string(by_label(t, c)));
	}
	json_object_set_new(o, "row_values", rv);
	json_object_set_new(o, "col_values", cv);
	json_object_set_new(o, "row_labels", rl);
	json_object_set_new(o, "col_labels", cl);
	double *counts = cross_counts(x);
	double *expected = g_new(double, x->n_rows * x->n_cols + 1);
	stats_expected(counts, x->n_rows, x->n_cols, expected);
	json_object_set_new(o, "counts", json_matrix(counts, x->n_rows, x->n_cols, true));
	json_object_set_new(o, "n", json_integer((json_int_t)x->n));
	json_object_set_new(o, "row_shares", json_shares(counts, x->n_rows, x->n_cols, true));
	json_object_set_new(o, "col_shares", json_shares(counts, x->n_rows, x->n_cols, false));
	if (cross_testable(t, tq)) {
		struct stats_crosstab s;
		stats_crosstab(counts, x->n_rows, x->n_cols, &s);
		json_object_set_new(o, "expected", json_matrix(expected, x->n_rows, x->n_cols, false));
		json_object_set_new(o, "tests", json_tests(&s));
	} else {
		json_object_set_new(o, "expected", json_null());
		json_object_set_new(o, "tests", json_null());
	}
	g_free(expected);
	g_free(counts);
	return o;
}

bool tabout_json(FILE *fp, const struct tally *t, const struct tabout_options *opt)
{
	json_t *root = json_object();
	json_t *form = json_object();
	json_object_set_new(form, "id", json_string(t->form->id));
	json_object_set_new(form, "title", json_string(t->form->title));
	json_object_set_new(form, "version", t->form->version ? json_string(t->form->version)
							       : json_null());
	json_object_set_new(root, "form", form);
	json_t *resp = json_object();
	json_object_set_new(resp, "included", json_integer((json_int_t)t->included));
	json_object_set_new(resp, "late", json_integer((json_int_t)t->late));
	json_object_set_new(resp, "roster", opt->roster >= 0 ? json_integer(opt->roster) : json_null());
	json_object_set_new(root, "respondents", resp);
	json_t *questions = json_array(), *crosstabs = json_array();
	for (guint i = 0; i < t->questions->len; i++) {
		const struct tally_question *tq = g_ptr_array_index(t->questions, i);
		json_array_append_new(questions, json_question(t, tq, opt->lang));
		if (tq->cross)
			json_array_append_new(crosstabs, json_crosstab(t, tq, opt->lang));
	}
	json_object_set_new(root, "questions", questions);
	json_object_set_new(root, "crosstabs", crosstabs);
	int rc = json_dumpf(root, fp, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
	json_decref(root);
	return rc == 0 && fputc('\n', fp) != EOF;
}

/* CSV: tidy rows, one record kind per row (documented in the README). */

static const char *const csv_header[] = {
	"record", "question", "by", "value", "by_value", "label", "count", "share", "row_share",
	"ci95_low", "ci95_high", "statistic", "estimate", "df", "p", NULL,
};

enum csv_col { C_RECORD, C_QUESTION, C_BY, C_VALUE, C_BY_VALUE, C_LABEL, C_COUNT, C_SHARE,
	       C_ROW_SHARE, C_LOW, C_HIGH, C_STATISTIC, C_ESTIMATE, C_DF, C_P, C_N };

struct csv_row {
	char *cell[C_N];
};

static void row_set(struct csv_row *r, enum csv_col c, const char *s)
{
	g_free(r->cell[c]);
	r->cell[c] = g_strdup(s);
}

static void row_num(struct csv_row *r, enum csv_col c, double v)
{
	g_free(r->cell[c]);
	r->cell[c] = isfinite(v) ? g_strdup_printf("%.17g", v) : NULL;
}

static void row_int(struct csv_row *r, enum csv_col c, unsigned long v)
{
	g_free(r->cell[c]);
	r->cell[c] = g_strdup_printf("%lu", v);
}

static void row_emit(struct csvio_writer *w, struct csv_row *r)
{
	for (int c = 0; c < C_N; c++) {
		csvio_write_field(w, r->cell[c]);
		g_free(r->cell[c]);
		r->cell[c] = NULL;
	}
	csvio_end_record(w);
}

static void csv_base(struct csvio_writer *w, const struct tally *t, const struct tally_question *tq,
		     int lang)
{
	static const char *const names[] = { "base", "answered", "not_applicable", "no_answer" };
	const unsigned long values[] = { tq->base, tq->answered, tq->not_applicable, tq->no_answer };
	for (int i = 0; i < 4; i++) {
		struct csv_row r = { { 0 } };
		row_set(&r, C_RECORD, "question");
		row_set(&r, C_QUESTION, tq->q->name);
		row_set(&r, C_LABEL, form_label(t->form, tq->q, lang));
		row_set(&r, C_STATISTIC, names[i]);
		row_int(&r, C_COUNT, values[i]);
		row_emit(w, &r);
	}
}

static void csv_choices(struct csvio_writer *w, const struct tally *t,
			const struct tally_question *tq, int lang)
{
	for (size_t c = 0; c < tq->n_choices; c++) {
		struct csv_row r = { { 0 } };
		row_set(&r, C_RECORD, "choice");
		row_set(&r, C_QUESTION, tq->q->name);
		row_set(&r, C_VALUE, choice_name(tq, c));
		row_set(&r, C_LABEL, choice_label(t, tq, c, lang));
		row_int(&r, C_COUNT, tq->counts[c]);
		if (tq->rank_sum) {
			row_set(&r, C_STATISTIC, "mean_rank");
			row_num(&r, C_ESTIMATE, tq->counts[c] ? tq->rank_sum[c] / (double)tq->counts[c]
							      : NAN);
			row_emit(w, &r);
			row_set(&r, C_RECORD, "choice");
			row_set(&r, C_QUESTION, tq->q->name);
			row_set(&r, C_VALUE, choice_name(tq, c));
			row_set(&r, C_STATISTIC, "first");
			row_int(&r, C_COUNT, tq->firsts[c]);
		} else {
			struct stats_interval ci = stats_wilson(tq->counts[c], tq->answered);
			row_num(&r, C_SHARE, share(tq->counts[c], tq->answered));
			row_num(&r, C_LOW, ci.lower);
			row_num(&r, C_HIGH, ci.upper);
		}
		row_emit(w, &r);
	}
}

static void csv_numeric(struct csvio_writer *w, const struct tally_question *tq)
{
	struct stats_numeric s;
	numeric_summary(tq, &s);
	const char *names[] = { "n", "mean", "sd", "min", "q1", "median", "q3", "max" };
	double values[] = { s.n, s.mean, s.sd, s.min, s.q1, s.median, s.q3, s.max };
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		struct csv_row r = { { 0 } };
		row_set(&r, C_RECORD, "summary");
		row_set(&r, C_QUESTION, tq->q->name);
		row_set(&r, C_STATISTIC, names[i]);
		row_num(&r, C_ESTIMATE, values[i]);
		row_emit(w, &r);
	}
}

static void csv_test(struct csvio_writer *w, const struct tally *t,
		     const struct tally_question *tq, const char *name, double estimate,
		     double df, double p)
{
	struct csv_row r = { { 0 } };
	row_set(&r, C_RECORD, "test");
	row_set(&r, C_QUESTION, tq->q->name);
	row_set(&r, C_BY, t->opt.by);
	row_set(&r, C_STATISTIC, name);
	row_num(&r, C_ESTIMATE, estimate);
	row_num(&r, C_DF, df);
	row_num(&r, C_P, p);
	row_emit(w, &r);
}

static void csv_crosstab(struct csvio_writer *w, const struct tally *t,
			 const struct tally_question *tq, int lang)
{
	const struct tally_cross *x = tq->cross;
	double *counts = cross_counts(x);
	double *expected = g_new(double, x->n_rows * x->n_cols + 1);
	stats_expected(counts, x->n_rows, x->n_cols, expected);
	unsigned long *col_total = g_new0(unsigned long, x->n_cols + 1);
	for (size_t i = 0; i < x->n_rows * x->n_cols; i++)
		col_total[i % x->n_cols] += x->cells[i];
	for (size_t rr = 0; rr < x->n_rows; rr++) {
		unsigned long row_total = 0;
		for (size_t c = 0; c < x->n_cols; c++)
			row_total += x->cells[rr * x->n_cols + c];
		for (size_t c = 0; c < x->n_cols; c++) {
			const struct tally_by_value *v = g_ptr_array_index(t->by_values, c);
			unsigned long k = x->cells[rr * x->n_cols + c];
			struct csv_row r = { { 0 } };
			row_set(&r, C_RECORD, "cell");
			row_set(&r, C_QUESTION, tq->q->name);
			row_set(&r, C_BY, t->opt.by);
			row_set(&r, C_VALUE, choice_name(tq, rr));
			row_set(&r, C_BY_VALUE, v->value);
			row_set(&r, C_LABEL, choice_label(t, tq, rr, lang));
			row_int(&r, C_COUNT, k);
			row_num(&r, C_SHARE, share(k, col_total[c]));
			row_num(&r, C_ROW_SHARE, share(k, row_total));
			if (cross_testable(t, tq)) {
				row_set(&r, C_STATISTIC, "expected");
				row_num(&r, C_ESTIMATE, expected[rr * x->n_cols + c]);
			}
			row_emit(w, &r);
		}
	}
	if (cross_testable(t, tq)) {
		struct stats_crosstab s;
		stats_crosstab(counts, x->n_rows, x->n_cols, &s);
		csv_test(w, t, tq, "pearson_chi2", s.pearson_chisq, s.df, s.pearson_p);
		csv_test(w, t, tq, "yates_chi2", s.yates_chisq, s.defined && s.cells == 4 ? 1 : NAN,
			 s.yates_p);
		csv_test(w, t, tq, "likelihood_ratio", s.lr_g, s.df, s.lr_p);
		csv_test(w, t, tq, s.fisher.method == STATS_FISHER_MONTE_CARLO ? "fisher_monte_carlo"
									      : "fisher_exact",
			 NAN, NAN, s.fisher.p);
		csv_test(w, t, tq, "cramers_v", s.cramers_v, NAN, NAN);
		csv_test(w, t, tq, "phi", s.phi, NAN, NAN);
		csv_test(w, t, tq, "min_expected", s.min_expected, NAN, NAN);
	}
	g_free(col_total);
	g_free(expected);
	g_free(counts);
}

bool tabout_csv(FILE *fp, const struct tally *t, const struct tabout_options *opt)
{
	struct csvio_writer w;
	csvio_writer_init(&w, fp);
	for (const char *const *h = csv_header; *h; h++)
		csvio_write_field(&w, *h);
	csvio_end_record(&w);
	for (guint i = 0; i < t->questions->len; i++) {
		const struct tally_question *tq = g_ptr_array_index(t->questions, i);
		csv_base(&w, t, tq, opt->lang);
		if (tq->counts)
			csv_choices(&w, t, tq, opt->lang);
		if (tq->numbers)
			csv_numeric(&w, tq);
	}
	for (guint i = 0; i < t->questions->len; i++) {
		const struct tally_question *tq = g_ptr_array_index(t->questions, i);
		if (tq->cross)
			csv_crosstab(&w, t, tq, opt->lang);
	}
	return !csvio_writer_error(&w);
}

/* Text for people */

#define LABEL_WIDTH 40

/*
 * Prints LABEL in a column LABEL_WIDTH characters wide (not bytes, so
 * accented and non-Latin labels line up).  A longer label gets a line of
 * its own and the figures start on the next line, in the column.
 */
static void label_column(FILE *fp, const char *label)
{
	long n = g_utf8_strlen(label, -1);
	if (n > LABEL_WIDTH) {
		fprintf(fp, "    %s\n    %*s", label, LABEL_WIDTH, "");
		return;
	}
	fprintf(fp, "    %s%*s", label, (int)(LABEL_WIDTH - n), "");
}

static void text_base(FILE *fp, const struct tally_question *tq)
{
	fprintf(fp, "  n = %lu answered", tq->answered);
	if (tq->not_applicable || tq->no_answer) {
		fprintf(fp, " (base %lu", tq->base);
		if (tq->not_applicable)
			fprintf(fp, "; not applicable %lu", tq->not_applicable);
		if (tq->no_answer)
			fprintf(fp, "; no answer %lu", tq->no_answer);
		fputc(')', fp);
	}
	fputc('\n', fp);
}

static void text_choices(FILE *fp, const struct tally *t, const struct tally_question *tq, int lang)
{
	for (size_t c = 0; c < tq->n_choices; c++) {
		label_column(fp, choice_label(t, tq, c, lang));
		if (tq->rank_sum) {
			fprintf(fp, " ranked %3lu  mean rank %5.2f  first %lu\n", tq->counts[c],
				tq->counts[c] ? tq->rank_sum[c] / (double)tq->counts[c] : NAN,
				tq->firsts[c]);
			continue;
		}
		struct stats_interval ci = stats_wilson(tq->counts[c], tq->answered);
		fprintf(fp, " %5lu  %5.1f%%", tq->counts[c], 100 * share(tq->counts[c], tq->answered));
		if (tq->answered)
			fprintf(fp, "   [%5.1f%%, %5.1f%%]", 100 * ci.lower, 100 * ci.upper);
		fputc('\n', fp);
	}
	if (tq->q->kind == FORM_SELECT_MULTIPLE && tq->answered)
		fprintf(fp, "    (several answers allowed: shares are of the %lu who answered)\n",
			tq->answered);
}

static void text_combinations(FILE *fp, const struct tally_question *tq)
{
	GArray *combos = tally_combinations(tq);
	if (combos->len > 1)
		fprintf(fp, "  most frequent combinations:\n");
	for (guint i = 0; combos->len > 1 && i < combos->len && i < 5; i++) {
		const struct tally_combination *c = &g_array_index(combos, struct tally_combination, i);
		label_column(fp, c->value);
		fprintf(fp, " %5lu\n", c->count);
	}
	g_array_free(combos, TRUE);
}

static void text_numeric(FILE *fp, const struct tally_question *tq)
{
	struct stats_numeric s;
	numeric_summary(tq, &s);
	if (s.n == 0)
		return;
	fprintf(fp, "    mean %g  sd %g  min %g  q1 %g  median %g  q3 %g  max %g\n", s.mean, s.sd,
		s.min, s.q1, s.median, s.q3, s.max);
}

static void text_dates(FILE *fp, const struct tally_question *tq)
{
	if (!tq->answered)
		return;
	char a[ISODATE_BUFSIZE], b[ISODATE_BUFSIZE];
	isodate_format(tq->earliest, a);
	isodate_format(tq->latest, b);
	fprintf(fp, "    earliest %s  latest %s\n", a, b);
	int *months;
	unsigned long *counts;
	size_t n;
	tally_months(tq, &months, &counts, &n);
	for (size_t i = 0; i < n; i++) {
		char *name = month_name(months[i]);
		fprintf(fp, "    %-10s %5lu\n", name, counts[i]);
		g_free(name);
	}
	g_free(months);
	g_free(counts);
}

static void text_texts(FILE *fp, const struct tally_question *tq)
{
	for (guint i = 0; tq->texts && i < tq->texts->len; i++) {
		const struct tally_text *x = g_ptr_array_index(tq->texts, i);
		char *flat = g_strdup(x->text);
		g_strdelimit(flat, "\r\n", ' ');
		fprintf(fp, "    %s: %s\n", x->respondent ? x->respondent : "?", flat);
		g_free(flat);
	}
}

static void text_tests(FILE *fp, const struct stats_crosstab *s)
{
	if (!s->defined) {
		fprintf(fp, "  no test: the table has fewer than two non-empty rows or columns\n");
		return;
	}
	fprintf(fp, "  Pearson chi-square %.3f, df %.0f, p = %.4f", s->pearson_chisq, s->df,
		s->pearson_p);
	if (isfinite(s->yates_chisq))
		fprintf(fp, " (with Yates' correction %.3f, p = %.4f)", s->yates_chisq, s->yates_p);
	fprintf(fp, "\n  likelihood ratio G %.3f, p = %.4f\n", s->lr_g, s->lr_p);
	fprintf(fp, "  Fisher's exact test p = %.4f%s", s->fisher.p,
		s->fisher.method == STATS_FISHER_MONTE_CARLO ? " (Monte Carlo estimate)" : "");
	if (isfinite(s->phi))
		fprintf(fp, "; phi %.3f\n", s->phi);
	else
		fprintf(fp, "; Cramer's V %.3f\n", s->cramers_v);
	if (s->unreliable)
		fprintf(fp, "  warning: %zu of %zu expected counts are below 5 (smallest %.2f); "
			"the chi-square p is unreliable, use Fisher's\n", s->cells_expected_lt5,
			s->cells, s->min_expected);
}

static void text_crosstab(FILE *fp, const struct tally *t, const struct tally_question *tq,
			  const struct tabout_options *opt)
{
	const struct tally_cross *x = tq->cross;
	fprintf(fp, "\n%s by %s (n = %lu; counts with column percentages)\n", tq->q->name,
		opt->by_label ? opt->by_label : t->opt.by, x->n);
	fprintf(fp, "  %-30s", "");
	for (size_t c = 0; c < x->n_cols; c++)
		fprintf(fp, " %12.12s", by_label(t, c));
	fprintf(fp, " %8s\n", "Total");
	unsigned long *col_total = g_new0(unsigned long, x->n_cols + 1);
	for (size_t r = 0; r < x->n_rows; r++) {
		unsigned long total = 0;
		fprintf(fp, "  %-30.30s", choice_label(t, tq, r, opt->lang));
		for (size_t c = 0; c < x->n_cols; c++) {
			unsigned long k = x->cells[r * x->n_cols + c];
			unsigned long ct = 0;
			for (size_t rr = 0; rr < x->n_rows; rr++)
				ct += x->cells[rr * x->n_cols + c];
			char *cellt = ct ? g_strdup_printf("%lu (%.0f%%)", k, 100.0 * (double)k / (double)ct)
					 : g_strdup_printf("%lu", k);
			fprintf(fp, " %12s", cellt);
			g_free(cellt);
			total += k;
			col_total[c] += k;
		}
		fprintf(fp, " %8lu\n", total);
	}
	fprintf(fp, "  %-30s", "Total");
	unsigned long total = 0;
	for (size_t c = 0; c < x->n_cols; c++) {
		fprintf(fp, " %12lu", col_total[c]);
		total += col_total[c];
	}
	fprintf(fp, " %8lu\n", total);
	g_free(col_total);
	if (!cross_testable(t, tq)) {
		fprintf(fp, "  no test: several answers per reply, so the cells overlap\n");
		return;
	}
	double *counts = cross_counts(x);
	struct stats_crosstab s;
	stats_crosstab(counts, x->n_rows, x->n_cols, &s);
	text_tests(fp, &s);
	g_free(counts);
}

static void text_question(FILE *fp, const struct tally *t, const struct tally_question *tq,
			  int lang)
{
	const struct form_question *q = tq->q;
	fprintf(fp, "\n%s%s%s: %s [%s]\n", q->number ? q->number : "", q->number ? " " : "",
		q->name, form_label(t->form, q, lang), form_kind_name(q->kind));
	text_base(fp, tq);
	if (tq->counts)
		text_choices(fp, t, tq, lang);
	if (tq->combinations)
		text_combinations(fp, tq);
	if (tq->numbers)
		text_numeric(fp, tq);
	if (tq->months)
		text_dates(fp, tq);
	if (tq->texts)
		text_texts(fp, tq);
	if (is_choice_table(tq) && tq->answered && tq->answered < 5)
		fprintf(fp, "  note: %lu answers are too few for the shares to mean much\n",
			tq->answered);
}

bool tabout_text(FILE *fp, const struct tally *t, const struct tabout_options *opt)
{
	fprintf(fp, "%s (%s%s%s)\n", t->form->title, t->form->id, t->form->version ? ", version " : "",
		t->form->version ? t->form->version : "");
	fprintf(fp, "Replies included: %lu", t->included);
	if (opt->roster >= 0)
		fprintf(fp, " of %ld on the roster", opt->roster);
	if (t->opt.cutoff != INT_MAX) {
		char d[ISODATE_BUFSIZE];
		isodate_format(t->opt.cutoff, d);
		fprintf(fp, "; %lu late (after %s), not included", t->late, d);
	}
	fputc('\n', fp);
	for (guint i = 0; i < t->questions->len; i++)
		text_question(fp, t, g_ptr_array_index(t->questions, i), opt->lang);
	for (guint i = 0; i < t->questions->len; i++) {
		const struct tally_question *tq = g_ptr_array_index(t->questions, i);
		if (tq->cross)
			text_crosstab(fp, t, tq, opt);
	}
	return !ferror(fp);
}
