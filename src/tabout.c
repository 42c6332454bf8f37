/* tabout.c - the output of quire tab: text for people, tidy CSV, JSON (DESIGN §2) */
#include <config.h>
#include "tabout.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

#include "analysis.h"
#include "csvio.h"
#include "figure.h"
#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "stats.h"
#include "tally.h"
#include "textcol.h"

/* What the writers share: names and labels, never figures (those are the tally's). */

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

static const char *mark_name(enum disclose_mark m)
{
	return m == DISCLOSE_PRIMARY ? "primary" : m == DISCLOSE_SECONDARY ? "secondary" : NULL;
}

static enum disclose_mark mark_at(const struct tally_cross *x, size_t i)
{
	return x->marks ? x->marks[i] : DISCLOSE_SHOWN;
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

static json_t *json_count(unsigned long n)
{
	return json_integer((json_int_t)n);
}

static json_t *json_choices(const struct tally *t, const struct tally_question *tq, int lang)
{
	json_t *arr = json_array();
	for (size_t c = 0; c < tq->n_choices; c++) {
		json_t *o = json_object();
		json_object_set_new(o, "value", json_string(choice_name(tq, c)));
		json_object_set_new(o, "label", json_string(choice_label(t, tq, c, lang)));
		json_object_set_new(o, "count", json_count(tq->counts[c]));
		if (tq->rank_sum) {
			json_object_set_new(o, "mean_rank", num(tally_mean_rank(tq, c)));
			json_object_set_new(o, "first", json_count(tq->firsts[c]));
		} else {
			json_object_set_new(o, "share", num(tally_choice_share(tq, c)));
			json_object_set_new(o, "ci95", interval(tally_choice_interval(tq, c, false)));
			json_object_set_new(o, "ci95_exact", interval(tally_choice_interval(tq, c, true)));
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
		json_object_set_new(o, "count", json_count(c->count));
		json_object_set_new(o, "share", num(tq->answered ? (double)c->count /
								   (double)tq->answered : NAN));
		json_array_append_new(arr, o);
	}
	g_array_free(combos, TRUE);
	return arr;
}

static json_t *json_numeric(const struct tally_question *tq)
{
	const struct stats_numeric *s = &tq->summary;
	json_t *o = json_object();
	json_object_set_new(o, "n", json_integer((json_int_t)s->n));
	json_object_set_new(o, "mean", num(s->mean));
	json_object_set_new(o, "sd", num(s->sd));
	json_object_set_new(o, "min", num(s->min));
	json_object_set_new(o, "q1", num(s->q1));
	json_object_set_new(o, "median", num(s->median));
	json_object_set_new(o, "q3", num(s->q3));
	json_object_set_new(o, "max", num(s->max));
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
	json_object_set_new(o, "n", json_count(tq->answered));
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
		json_object_set_new(m, "count", json_count(counts[i]));
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
	json_object_set_new(o, "name", json_string(form_question_key(q)));
	json_object_set_new(o, "type", json_string(form_kind_name(q->kind)));
	json_object_set_new(o, "label", json_string(form_label(t->form, q, lang)));
	json_object_set_new(o, "group", group_name(q) ? json_string(group_name(q)) : json_null());
	json_object_set_new(o, "base", json_count(tq->base));
	json_object_set_new(o, "answered", json_count(tq->answered));
	json_object_set_new(o, "not_applicable", json_count(tq->not_applicable));
	json_object_set_new(o, "no_answer", json_count(tq->no_answer));
	if (tq->counts)
		json_object_set_new(o, "choices", json_choices(t, tq, lang));
	if (tq->combinations)
		json_object_set_new(o, "combinations", json_combinations(tq));
	if (tq->numbers)
		json_object_set_new(o, "summary", json_numeric(tq));
	const char *unit = form_question_unit(t->form, q, lang);
	if (unit)
		json_object_set_new(o, "unit", json_string(unit));
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

/* A withheld table hides its totals too: with them, a table of few States gives its cells away. */
static json_t *json_bases(const struct tally_cross *x, const unsigned long *bases, size_t n)
{
	if (x->withheld)
		return json_null();
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_count(bases[i]));
	return a;
}

/* One matrix of the crosstab: WHAT 'c' counts, 'r' row shares, 'k' column shares, 'e' expected, 's' marks. */
static json_t *json_matrix(const struct tally_cross *x, char what)
{
	json_t *a = json_array();
	for (size_t r = 0; r < x->n_rows; r++) {
		json_t *row = json_array();
		for (size_t c = 0; c < x->n_cols; c++) {
			size_t i = r * x->n_cols + c;
			bool hidden = tally_cross_hidden(x, r, c);
			json_t *v;
			switch (what) {
			case 'c':
				v = hidden ? json_null() : json_count(x->cells[i]);
				break;
			case 'r':
				v = num(tally_cross_row_share(x, r, c));
				break;
			case 'k':
				v = num(tally_cross_col_share(x, r, c));
				break;
			case 'e':
				v = num(x->expected[i]);
				break;
			default:
				v = mark_name(mark_at(x, i)) ? json_string(mark_name(mark_at(x, i)))
							     : json_null();
				break;
			}
			json_array_append_new(row, v);
		}
		json_array_append_new(a, row);
	}
	return a;
}

static json_t *json_crosstab(const struct tally *t, const struct tally_question *tq, int lang)
{
	const struct tally_cross *x = tq->cross;
	json_t *o = json_object();
	json_object_set_new(o, "row", json_string(form_question_key(tq->q)));
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
	json_object_set_new(o, "counts", json_matrix(x, 'c'));
	json_object_set_new(o, "n", x->withheld ? json_null() : json_count(x->n));
	json_object_set_new(o, "row_bases", json_bases(x, x->row_bases, x->n_rows));
	json_object_set_new(o, "col_bases", json_bases(x, x->col_bases, x->n_cols));
	json_object_set_new(o, "row_shares", json_matrix(x, 'r'));
	json_object_set_new(o, "col_shares", json_matrix(x, 'k'));
	json_object_set_new(o, "suppressed", json_matrix(x, 's'));
	json_object_set_new(o, "small_cell", t->small_cell ? json_count(t->small_cell)
							   : json_null());
	json_object_set_new(o, "withheld", json_boolean(x->withheld));
	bool shown = tally_cross_tests_shown(x);
	json_object_set_new(o, "expected", shown && x->expected ? json_matrix(x, 'e') : json_null());
	json_object_set_new(o, "tests", shown ? json_tests(&x->tests) : json_null());
	return o;
}

static json_t *json_excluded(const struct analysis *a)
{
	json_t *arr = json_array();
	for (guint i = 0; a && i < a->records->len; i++) {
		const struct analysis_record *rec = g_ptr_array_index(a->records, i);
		if (rec->reason == ANALYSIS_INCLUDED)
			continue;
		json_t *o = json_object();
		json_object_set_new(o, "respondent", rec->code ? json_string(rec->code) : json_null());
		json_object_set_new(o, "reason", json_string(analysis_reason_name(rec->reason)));
		json_array_append_new(arr, o);
	}
	return arr;
}

static unsigned long late_count(const struct analysis *a)
{
	return a ? a->count[ANALYSIS_LATE] : 0;
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
	json_object_set_new(resp, "included", json_count(t->included));
	json_object_set_new(resp, "late", json_count(late_count(opt->analysis)));
	json_object_set_new(resp, "roster", opt->roster >= 0 ? json_integer(opt->roster) : json_null());
	json_object_set_new(resp, "excluded", json_excluded(opt->analysis));
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
	"ci95_low", "ci95_high", "statistic", "estimate", "df", "p", "suppressed", NULL,
};

enum csv_col { C_RECORD, C_QUESTION, C_BY, C_VALUE, C_BY_VALUE, C_LABEL, C_COUNT, C_SHARE,
	       C_ROW_SHARE, C_LOW, C_HIGH, C_STATISTIC, C_ESTIMATE, C_DF, C_P, C_SUPPRESSED, C_N };

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

/* The columns of figures; the others hold text, names and labels that may be anyone's. */
static bool is_figure(enum csv_col c)
{
	return c == C_COUNT || c == C_SHARE || c == C_ROW_SHARE || c == C_LOW || c == C_HIGH ||
	       c == C_ESTIMATE || c == C_DF || c == C_P;
}

static void row_emit(struct csvio_writer *w, struct csv_row *r)
{
	for (int c = 0; c < C_N; c++) {
		if (is_figure(c))
			csvio_write_field(w, r->cell[c]);
		else
			csvio_write_text(w, r->cell[c]);
		g_free(r->cell[c]);
		r->cell[c] = NULL;
	}
	csvio_end_record(w);
}

static void csv_respondents(struct csvio_writer *w, const struct tally *t, const struct analysis *a)
{
	struct csv_row r = { { 0 } };
	row_set(&r, C_RECORD, "respondents");
	row_set(&r, C_STATISTIC, "included");
	row_int(&r, C_COUNT, t->included);
	row_emit(w, &r);
	for (int reason = ANALYSIS_INCLUDED + 1; a && reason < ANALYSIS_N_REASONS; reason++) {
		row_set(&r, C_RECORD, "respondents");
		row_set(&r, C_STATISTIC, analysis_reason_name(reason));
		row_int(&r, C_COUNT, a->count[reason]);
		row_emit(w, &r);
	}
	for (guint i = 0; a && i < a->records->len; i++) {
		const struct analysis_record *rec = g_ptr_array_index(a->records, i);
		if (rec->reason == ANALYSIS_INCLUDED)
			continue;
		row_set(&r, C_RECORD, "excluded");
		row_set(&r, C_VALUE, rec->code);
		row_set(&r, C_STATISTIC, analysis_reason_name(rec->reason));
		row_emit(w, &r);
	}
}

static void csv_base(struct csvio_writer *w, const struct tally *t, const struct tally_question *tq,
		     int lang)
{
	static const char *const names[] = { "base", "answered", "not_applicable", "no_answer" };
	const unsigned long values[] = { tq->base, tq->answered, tq->not_applicable, tq->no_answer };
	for (int i = 0; i < 4; i++) {
		struct csv_row r = { { 0 } };
		row_set(&r, C_RECORD, "question");
		row_set(&r, C_QUESTION, form_question_key(tq->q));
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
		row_set(&r, C_QUESTION, form_question_key(tq->q));
		row_set(&r, C_VALUE, choice_name(tq, c));
		row_set(&r, C_LABEL, choice_label(t, tq, c, lang));
		row_int(&r, C_COUNT, tq->counts[c]);
		if (tq->rank_sum) {
			row_set(&r, C_STATISTIC, "mean_rank");
			row_num(&r, C_ESTIMATE, tally_mean_rank(tq, c));
			row_emit(w, &r);
			row_set(&r, C_RECORD, "choice");
			row_set(&r, C_QUESTION, form_question_key(tq->q));
			row_set(&r, C_VALUE, choice_name(tq, c));
			row_set(&r, C_STATISTIC, "first");
			row_int(&r, C_COUNT, tq->firsts[c]);
		} else {
			struct stats_interval ci = tally_choice_interval(tq, c, false);
			row_num(&r, C_SHARE, tally_choice_share(tq, c));
			row_num(&r, C_LOW, ci.lower);
			row_num(&r, C_HIGH, ci.upper);
		}
		row_emit(w, &r);
	}
}

static void csv_numeric(struct csvio_writer *w, const struct tally_question *tq)
{
	const struct stats_numeric *s = &tq->summary;
	const char *names[] = { "n", "mean", "sd", "min", "q1", "median", "q3", "max" };
	double values[] = { s->n, s->mean, s->sd, s->min, s->q1, s->median, s->q3, s->max };
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		struct csv_row r = { { 0 } };
		row_set(&r, C_RECORD, "summary");
		row_set(&r, C_QUESTION, form_question_key(tq->q));
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
	row_set(&r, C_QUESTION, form_question_key(tq->q));
	row_set(&r, C_BY, t->opt.by);
	row_set(&r, C_STATISTIC, name);
	row_num(&r, C_ESTIMATE, estimate);
	row_num(&r, C_DF, df);
	row_num(&r, C_P, p);
	row_emit(w, &r);
}

static void csv_tests(struct csvio_writer *w, const struct tally *t, const struct tally_question *tq)
{
	const struct stats_crosstab *s = &tq->cross->tests;
	csv_test(w, t, tq, "pearson_chi2", s->pearson_chisq, s->df, s->pearson_p);
	csv_test(w, t, tq, "yates_chi2", s->yates_chisq, s->defined && s->cells == 4 ? 1 : NAN,
		 s->yates_p);
	csv_test(w, t, tq, "likelihood_ratio", s->lr_g, s->df, s->lr_p);
	csv_test(w, t, tq, s->fisher.method == STATS_FISHER_MONTE_CARLO ? "fisher_monte_carlo"
								       : "fisher_exact",
		 NAN, NAN, s->fisher.p);
	csv_test(w, t, tq, "cramers_v", s->cramers_v, NAN, NAN);
	csv_test(w, t, tq, "phi", s->phi, NAN, NAN);
	csv_test(w, t, tq, "min_expected", s->min_expected, NAN, NAN);
}

/* The bases of a crosstab: a row_base record per row, a col_base record per column. */
static void csv_cross_bases(struct csvio_writer *w, const struct tally *t,
			    const struct tally_question *tq, int lang)
{
	const struct tally_cross *x = tq->cross;
	struct csv_row r = { { 0 } };
	for (size_t i = 0; i < x->n_rows; i++) {
		row_set(&r, C_RECORD, "row_base");
		row_set(&r, C_QUESTION, form_question_key(tq->q));
		row_set(&r, C_BY, t->opt.by);
		row_set(&r, C_VALUE, choice_name(tq, i));
		row_set(&r, C_LABEL, choice_label(t, tq, i, lang));
		if (!x->withheld)
			row_int(&r, C_COUNT, x->row_bases[i]);
		row_emit(w, &r);
	}
	for (size_t j = 0; j < x->n_cols; j++) {
		const struct tally_by_value *v = g_ptr_array_index(t->by_values, j);
		row_set(&r, C_RECORD, "col_base");
		row_set(&r, C_QUESTION, form_question_key(tq->q));
		row_set(&r, C_BY, t->opt.by);
		row_set(&r, C_BY_VALUE, v->value);
		row_set(&r, C_LABEL, by_label(t, j));
		if (!x->withheld)
			row_int(&r, C_COUNT, x->col_bases[j]);
		row_emit(w, &r);
	}
}

static void csv_crosstab(struct csvio_writer *w, const struct tally *t,
			 const struct tally_question *tq, int lang)
{
	const struct tally_cross *x = tq->cross;
	bool tests = tally_cross_tests_shown(x);
	for (size_t rr = 0; rr < x->n_rows; rr++) {
		for (size_t c = 0; c < x->n_cols; c++) {
			const struct tally_by_value *v = g_ptr_array_index(t->by_values, c);
			size_t i = rr * x->n_cols + c;
			struct csv_row r = { { 0 } };
			row_set(&r, C_RECORD, "cell");
			row_set(&r, C_QUESTION, form_question_key(tq->q));
			row_set(&r, C_BY, t->opt.by);
			row_set(&r, C_VALUE, choice_name(tq, rr));
			row_set(&r, C_BY_VALUE, v->value);
			row_set(&r, C_LABEL, choice_label(t, tq, rr, lang));
			if (!tally_cross_hidden(x, rr, c))
				row_int(&r, C_COUNT, x->cells[i]);
			row_num(&r, C_SHARE, tally_cross_col_share(x, rr, c));
			row_num(&r, C_ROW_SHARE, tally_cross_row_share(x, rr, c));
			if (tests) {
				row_set(&r, C_STATISTIC, "expected");
				row_num(&r, C_ESTIMATE, x->expected ? x->expected[i] : NAN);
			}
			row_set(&r, C_SUPPRESSED, mark_name(mark_at(x, i)));
			row_emit(w, &r);
		}
	}
	csv_cross_bases(w, t, tq, lang);
	if (tests)
		csv_tests(w, t, tq);
}

bool tabout_csv(FILE *fp, const struct tally *t, const struct tabout_options *opt)
{
	struct csvio_writer w;
	csvio_writer_init(&w, fp);
	for (const char *const *h = csv_header; *h; h++)
		csvio_write_field(&w, *h);
	csvio_end_record(&w);
	csv_respondents(&w, t, opt->analysis);
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

#define LABEL_WIDTH 40		/* cells for a choice's label */
#define ROW_LABEL_WIDTH 30	/* cells for a crosstab row's label */
#define CELL_WIDTH 12		/* cells for a crosstab cell */

/* Prints S in a column WIDTH cells wide (cut with "…" when wider), padded. */
static void put_col(FILE *fp, const char *s, int width, bool right)
{
	char *fit = textcol_fit(s, width, true, right);
	fputs(fit, fp);
	g_free(fit);
}

/*
 * Prints LABEL in a column LABEL_WIDTH cells wide.  A wider label gets a
 * line of its own, whole, and the figures start on the next line, in the
 * column.
 */
static void label_column(FILE *fp, const char *label)
{
	if (textcol_width(label) > LABEL_WIDTH) {
		char *whole = textcol_fit(label, textcol_width(label), false, false);
		fprintf(fp, "    %s\n    %*s", whole, LABEL_WIDTH, "");
		g_free(whole);
		return;
	}
	fputs("    ", fp);
	put_col(fp, label, LABEL_WIDTH, false);
}

static void text_base(FILE *fp, const struct tally_question *tq)
{
	unsigned long k = tq->answered, base = tq->base;
	unsigned long na = tq->not_applicable, none = tq->no_answer;
	fputs("  ", fp);
	if (na && none)
		/*
		 * TRANSLATORS: a question's base in quire tab: the replies that answered; the
		 * base is the replies the question applied to, "not applicable" those it did
		 * not, "no answer" those that left it blank.
		 */
		fprintf(fp, P_("n = %lu answered (base %lu; not applicable %lu; no answer %lu)",
			       "n = %lu answered (base %lu; not applicable %lu; no answer %lu)", k),
			k, base, na, none);
	else if (na)
		/*
		 * TRANSLATORS: a question's base in quire tab: the replies that answered; the
		 * base is the replies the question applied to, "not applicable" those it did
		 * not.
		 */
		fprintf(fp, P_("n = %lu answered (base %lu; not applicable %lu)",
			       "n = %lu answered (base %lu; not applicable %lu)", k), k, base, na);
	else if (none)
		/*
		 * TRANSLATORS: a question's base in quire tab: the replies that answered; the
		 * base is the replies the question applied to, "no answer" those that left it
		 * blank.
		 */
		fprintf(fp, P_("n = %lu answered (base %lu; no answer %lu)",
			       "n = %lu answered (base %lu; no answer %lu)", k), k, base, none);
	else
		/* TRANSLATORS: a question's base in quire tab: the replies that answered it. */
		fprintf(fp, P_("n = %lu answered", "n = %lu answered", k), k);
	fputc('\n', fp);
}

static void text_choices(FILE *fp, const struct tally *t, const struct tally_question *tq, int lang)
{
	for (size_t c = 0; c < tq->n_choices; c++) {
		label_column(fp, choice_label(t, tq, c, lang));
		if (tq->rank_sum) {
			char *mean = figure_plain(tally_mean_rank(tq, c));
			fputc(' ', fp);
			/*
			 * TRANSLATORS: a choice of a ranking question in quire tab: the replies
			 * that ranked it, its mean rank and the replies that ranked it first;
			 * keep the widths (%3lu, %5s) for the columns to line up.
			 */
			fprintf(fp, _("ranked %3lu  mean rank %5s  first %lu"), tq->counts[c],
				mean, tq->firsts[c]);
			fputc('\n', fp);
			g_free(mean);
			continue;
		}
		struct stats_interval ci = tally_choice_interval(tq, c, false);
		char *pct = figure_percent(tq->counts[c], tq->answered);
		fprintf(fp, " %5lu  %6s", tq->counts[c], pct);
		if (tq->answered) {
			char *iv = figure_interval(ci.lower, ci.upper, tq->answered);
			fprintf(fp, "   %s", iv);
			g_free(iv);
		}
		fputc('\n', fp);
		g_free(pct);
	}
	if (tq->q->kind == FORM_SELECT_MULTIPLE && tq->answered) {
		fputs("    ", fp);
		/*
		 * TRANSLATORS: under the choices of a question that takes several answers, in
		 * quire tab; %lu counts the replies that answered it.
		 */
		fprintf(fp, P_("(several answers allowed: shares are of the %lu who answered)",
			       "(several answers allowed: shares are of the %lu who answered)",
			       tq->answered), tq->answered);
		fputc('\n', fp);
	}
}

static void text_combinations(FILE *fp, const struct tally_question *tq)
{
	GArray *combos = tally_combinations(tq);
	if (combos->len > 1)
		/* TRANSLATORS: heads the answers most often given together, in quire tab. */
		fprintf(fp, "  %s\n", _("most frequent combinations:"));
	for (guint i = 0; combos->len > 1 && i < combos->len && i < 5; i++) {
		const struct tally_combination *c = &g_array_index(combos, struct tally_combination, i);
		label_column(fp, c->value);
		fprintf(fp, " %5lu\n", c->count);
	}
	g_array_free(combos, TRUE);
}

static void text_numeric(FILE *fp, const struct tally_question *tq)
{
	const struct stats_numeric *s = &tq->summary;
	if (s->n == 0)
		return;
	/* The summary of a numeric question, each name followed by its figure. */
	const char *names[] = {
		/* TRANSLATORS: in the summary of a numeric question in quire tab. */
		N_("mean"),
		/* TRANSLATORS: the standard deviation, in quire tab's summary of numbers. */
		N_("sd"),
		/* TRANSLATORS: the smallest value, in quire tab's summary of numbers. */
		N_("min"),
		/* TRANSLATORS: the first quartile, in quire tab's summary of numbers. */
		N_("q1"),
		/* TRANSLATORS: in the summary of a numeric question in quire tab. */
		N_("median"),
		/* TRANSLATORS: the third quartile, in quire tab's summary of numbers. */
		N_("q3"),
		/* TRANSLATORS: the largest value, in quire tab's summary of numbers. */
		N_("max"),
	};
	double values[] = { s->mean, s->sd, s->min, s->q1, s->median, s->q3, s->max };
	fputs("   ", fp);
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		char *v = figure_plain(values[i]);
		fprintf(fp, " %s %s%s", _(names[i]), v, i + 1 < G_N_ELEMENTS(names) ? " " : "");
		g_free(v);
	}
	fputc('\n', fp);
}

static void text_dates(FILE *fp, const struct tally_question *tq)
{
	if (!tq->answered)
		return;
	char a[ISODATE_BUFSIZE], b[ISODATE_BUFSIZE];
	isodate_format(tq->earliest, a);
	isodate_format(tq->latest, b);
	fputs("    ", fp);
	/*
	 * TRANSLATORS: the answers to a date question in quire tab: the earliest date and
	 * the latest, such as 2019-06-30.
	 */
	fprintf(fp, _("earliest %s  latest %s"), a, b);
	fputc('\n', fp);
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
		const char *who = x->respondent ? x->respondent : "?";
		char *code = textcol_fit(who, textcol_width(who), false, false);
		char *flat = textcol_fit(x->text, textcol_width(x->text), false, false);
		fprintf(fp, "    %s: %s\n", code, flat);
		g_free(flat);
		g_free(code);
	}
}

static void text_tests(FILE *fp, const struct stats_crosstab *s)
{
	if (!s->defined) {
		/* TRANSLATORS: under a crosstab in quire tab. */
		fprintf(fp, "  %s\n", _("no test: the table has fewer than two non-empty rows or "
					"columns"));
		return;
	}
	char *pp = figure_p(s->pearson_p), *lp = figure_p(s->lr_p), *fp_ = figure_p(s->fisher.p);
	fputs("  ", fp);
	if (isfinite(s->yates_chisq)) {
		char *yp = figure_p(s->yates_p);
		/*
		 * TRANSLATORS: a crosstab's test in quire tab: the statistic, its degrees of
		 * freedom, its p ("p = 0.032"), then the statistic and p with Yates'
		 * correction.
		 */
		fprintf(fp, _("Pearson chi-square %.3f, df %.0f, %s (with Yates' correction %.3f, "
			      "%s)"), s->pearson_chisq, s->df, pp, s->yates_chisq, yp);
		g_free(yp);
	} else {
		/*
		 * TRANSLATORS: a crosstab's test in quire tab: the statistic, its degrees of
		 * freedom and its p ("p = 0.032").
		 */
		fprintf(fp, _("Pearson chi-square %.3f, df %.0f, %s"), s->pearson_chisq, s->df, pp);
	}
	fputs("\n  ", fp);
	/* TRANSLATORS: a crosstab's test in quire tab: the statistic and its p ("p = 0.032"). */
	fprintf(fp, _("likelihood ratio G %.3f, %s"), s->lr_g, lp);
	fputs("\n  ", fp);
	char *se = s->fisher.method == STATS_FISHER_MONTE_CARLO ? figure_se(s->fisher.se) : NULL;
	unsigned long reps = s->fisher.replicates;
	if (se && isfinite(s->phi))
		/*
		 * TRANSLATORS: a crosstab's tests in quire tab: Fisher's p ("p = 0.032"),
		 * estimated by simulation, the simulations and the estimate's standard error
		 * ("0.0012"); then phi, a measure of association.
		 */
		fprintf(fp, P_("Fisher's exact test %s (estimated from %lu simulated table, "
			       "standard error %s); phi %.3f",
			       "Fisher's exact test %s (estimated from %lu simulated tables, "
			       "standard error %s); phi %.3f", reps), fp_, reps, se, s->phi);
	else if (se)
		/*
		 * TRANSLATORS: a crosstab's tests in quire tab: Fisher's p ("p = 0.032"),
		 * estimated by simulation, the simulations and the estimate's standard error
		 * ("0.0012"); then Cramer's V, a measure of association.
		 */
		fprintf(fp, P_("Fisher's exact test %s (estimated from %lu simulated table, "
			       "standard error %s); Cramer's V %.3f",
			       "Fisher's exact test %s (estimated from %lu simulated tables, "
			       "standard error %s); Cramer's V %.3f", reps),
			fp_, reps, se, s->cramers_v);
	else if (isfinite(s->phi))
		/*
		 * TRANSLATORS: a crosstab's tests in quire tab: Fisher's p ("p = 0.032"), then
		 * phi, a measure of association.
		 */
		fprintf(fp, _("Fisher's exact test %s; phi %.3f"), fp_, s->phi);
	else
		/*
		 * TRANSLATORS: a crosstab's tests in quire tab: Fisher's p ("p = 0.032"), then
		 * Cramer's V, a measure of association.
		 */
		fprintf(fp, _("Fisher's exact test %s; Cramer's V %.3f"), fp_, s->cramers_v);
	fputc('\n', fp);
	g_free(se);
	if (s->unreliable) {
		unsigned long low = s->cells_expected_lt5;
		fputs("  ", fp);
		/*
		 * TRANSLATORS: under a crosstab's tests in quire tab: %lu of %lu cells of the
		 * table have an expected count below 5; %.2f is the smallest expected count.
		 */
		fprintf(fp, P_("warning: %lu of %lu expected counts are below 5 (smallest %.2f); "
			       "the chi-square p is unreliable, use Fisher's",
			       "warning: %lu of %lu expected counts are below 5 (smallest %.2f); "
			       "the chi-square p is unreliable, use Fisher's", low),
			low, (unsigned long)s->cells, s->min_expected);
		fputc('\n', fp);
	}
	g_free(pp);
	g_free(lp);
	g_free(fp_);
}

/* A crosstab cell: "5 (71%)", the suppression symbol, or the count alone when the base is 0. */
static char *cell_text(const struct tally *t, const struct tally_cross *x, size_t r, size_t c)
{
	size_t i = r * x->n_cols + c;
	switch (mark_at(x, i)) {
	case DISCLOSE_PRIMARY:
		return g_strdup_printf("< %lu", t->small_cell);
	case DISCLOSE_SECONDARY:
		return g_strdup("x");
	default:
		break;
	}
	if (!x->col_bases[c])
		return g_strdup_printf("%lu", x->cells[i]);
	char *pct = figure_percent(x->cells[i], x->col_bases[c]);
	char *s = g_strdup_printf("%lu (%s)", x->cells[i], pct);
	g_free(pct);
	return s;
}

static void text_cross_notes(FILE *fp, const struct tally *t, const struct tally_cross *x)
{
	if (!x->rows_add_up || !x->cols_add_up) {
		fputs("  ", fp);
		if (x->cols_add_up)
			/*
			 * TRANSLATORS: under a crosstab in quire tab whose columns are the
			 * answers to a question that takes several; 'States' is the heading of
			 * the table's last row: translate it as that heading.
			 */
			fputs(_("several answers allowed: a State counts in every column it chose; "
				"'States' counts each State once"), fp);
		else
			/*
			 * TRANSLATORS: under a crosstab in quire tab whose rows are the answers
			 * to a question that takes several; 'States' is the heading of the
			 * table's last column: translate it as that heading.
			 */
			fputs(_("several answers allowed: a State counts in every row it chose; "
				"'States' counts each State once"), fp);
		fputc('\n', fp);
	}
	if (x->withheld) {
		fputs("  ", fp);
		/*
		 * TRANSLATORS: in place of a crosstab in quire tab; %lu is the smallest count
		 * shown (counts below it are hidden, to protect the replies' anonymity).
		 */
		fprintf(fp, _("not shown: every count of this table would be below %lu or would "
			      "reveal one that is, and so would its totals"), t->small_cell);
		fputc('\n', fp);
	} else if (x->n_suppressed) {
		bool primary = false, secondary = false;
		for (size_t i = 0; i < x->n_rows * x->n_cols; i++) {
			primary |= x->marks[i] == DISCLOSE_PRIMARY;
			secondary |= x->marks[i] == DISCLOSE_SECONDARY;
		}
		if (primary) {
			fputs("  ", fp);
			if (t->small_cell <= 2)
				/*
				 * TRANSLATORS: under a crosstab in quire tab, explains the cells
				 * shown as "< 2": %lu is that 2.
				 */
				fprintf(fp, _("< %lu: a count of 1, hidden to protect the "
					      "anonymity of the replies"), t->small_cell);
			else
				/*
				 * TRANSLATORS: under a crosstab in quire tab, explains the cells
				 * shown as "< 5": the first %lu is that 5, the second the largest
				 * count hidden, 4.
				 */
				fprintf(fp, _("< %lu: a count from 1 to %lu, hidden to protect the "
					      "anonymity of the replies"), t->small_cell,
					t->small_cell - 1);
			fputc('\n', fp);
		}
		if (secondary)
			/*
			 * TRANSLATORS: under a crosstab in quire tab, explains the cells shown
			 * as "x".
			 */
			fprintf(fp, "  %s\n", _("x: a count hidden so that no hidden count can be "
						"worked out from the totals"));
	}
}

static void text_crosstab(FILE *fp, const struct tally *t, const struct tally_question *tq,
			  const struct tabout_options *opt)
{
	const struct tally_cross *x = tq->cross;
	/* TRANSLATORS: the heading of a crosstab's last row or column in quire tab. */
	const char *total = _("Total");
	/*
	 * TRANSLATORS: the heading of a crosstab's last row or column in quire
	 * tab when its answers do not add up: the number of States that answered.
	 */
	const char *states = _("States");
	const char *row_total = x->rows_add_up ? total : states;
	const char *col_total = x->cols_add_up ? total : states;
	const char *by = opt->by_label ? opt->by_label : t->opt.by;
	fputc('\n', fp);
	if (x->withheld) {
		/*
		 * TRANSLATORS: heads a crosstab in quire tab: the question's name and the
		 * variable it is broken down by ("region").
		 */
		fprintf(fp, _("%s by %s"), form_question_key(tq->q), by);
		fputc('\n', fp);
		text_cross_notes(fp, t, x);
		return;
	}
	/*
	 * TRANSLATORS: heads a crosstab in quire tab: the question's name, the variable it
	 * is broken down by ("region") and the replies counted.
	 */
	fprintf(fp, _("%s by %s (n = %lu; counts with column percentages)"),
		form_question_key(tq->q), by, x->n);
	fputc('\n', fp);
	fprintf(fp, "  %*s", ROW_LABEL_WIDTH, "");
	for (size_t c = 0; c < x->n_cols; c++) {
		fputc(' ', fp);
		put_col(fp, by_label(t, c), CELL_WIDTH, true);
	}
	fputc(' ', fp);
	put_col(fp, row_total, 8, true);
	fputc('\n', fp);
	for (size_t r = 0; r < x->n_rows; r++) {
		fputs("  ", fp);
		put_col(fp, choice_label(t, tq, r, opt->lang), ROW_LABEL_WIDTH, false);
		for (size_t c = 0; c < x->n_cols; c++) {
			char *cell = cell_text(t, x, r, c);
			fputc(' ', fp);
			put_col(fp, cell, CELL_WIDTH, true);
			g_free(cell);
		}
		fprintf(fp, " %8lu\n", x->row_bases[r]);
	}
	fputs("  ", fp);
	put_col(fp, col_total, ROW_LABEL_WIDTH, false);
	for (size_t c = 0; c < x->n_cols; c++)
		fprintf(fp, " %12lu", x->col_bases[c]);
	fprintf(fp, " %8lu\n", x->n);
	text_cross_notes(fp, t, x);
	if (!x->testable)
		/* TRANSLATORS: under a crosstab in quire tab. */
		fprintf(fp, "  %s\n", _("no test: several answers per reply, so the cells "
					"overlap"));
	else if (!tally_cross_tests_shown(x))
		/* TRANSLATORS: under a crosstab in quire tab. */
		fprintf(fp, "  %s\n", _("no test: counts are hidden, and a test would reveal "
					"them"));
	else
		text_tests(fp, &x->tests);
}

static void text_question(FILE *fp, const struct tally *t, const struct tally_question *tq,
			  int lang)
{
	const struct form_question *q = tq->q;
	char *label = textcol_fit(form_label(t->form, q, lang),
				  textcol_width(form_label(t->form, q, lang)), false, false);
	fprintf(fp, "\n%s%s%s: %s [%s]\n", q->number ? q->number : "", q->number ? " " : "",
		form_question_key(q), label, form_kind_name(q->kind));
	g_free(label);
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
	if (tq->counts && tq->q->kind != FORM_RANK && tq->answered && tq->answered < 5) {
		fputs("  ", fp);
		/* TRANSLATORS: under a question's choices in quire tab; %lu is below 5. */
		fprintf(fp, P_("note: %lu answer is too few for the shares to mean much",
			       "note: %lu answers are too few for the shares to mean much",
			       tq->answered), tq->answered);
		fputc('\n', fp);
	}
}

/* One part of the replies left out: "1 not a member on 2019-06-30". */
static char *excluded_part(const struct analysis *a, int reason)
{
	unsigned long n = a->count[reason];
	char day[ISODATE_BUFSIZE];
	switch (reason) {
	case ANALYSIS_NOT_MEMBER:
		isodate_format(a->day, day);
		/*
		 * TRANSLATORS: part of the list after "left out: " in quire tab: %lu replies
		 * from States not members on the date %s, such as 2019-06-30.
		 */
		return g_strdup_printf(P_("%lu not a member on %s", "%lu not a member on %s", n),
				       n, day);
	case ANALYSIS_INVALID:
		/*
		 * TRANSLATORS: part of the list after "left out: " in quire tab: %lu replies
		 * that break the form's rules.
		 */
		return g_strdup_printf(P_("%lu invalid", "%lu invalid", n), n);
	case ANALYSIS_NOT_ON_ROSTER:
		/*
		 * TRANSLATORS: part of the list after "left out: " in quire tab: %lu replies
		 * from codes not on the roster of States.
		 */
		return g_strdup_printf(P_("%lu not on the roster", "%lu not on the roster", n), n);
	default:
		/*
		 * TRANSLATORS: part of the list after "left out: " in quire tab: %lu replies
		 * whose entry is not finished.
		 */
		return g_strdup_printf(P_("%lu marked incomplete", "%lu marked incomplete", n), n);
	}
}

/* "left out: 1 not a member on 2019-06-30, 2 marked incomplete", or NULL. */
static char *text_excluded(const struct analysis *a)
{
	GString *list = g_string_new(NULL);
	for (int reason = ANALYSIS_INVALID; reason < ANALYSIS_LATE; reason++) {
		if (!a->count[reason])
			continue;
		if (list->len)
			/* TRANSLATORS: between the parts of a list (of the replies left out). */
			g_string_append(list, _(", "));
		char *part = excluded_part(a, reason);
		g_string_append(list, part);
		g_free(part);
	}
	/*
	 * TRANSLATORS: in quire tab, %s lists the replies left out and why: "1 not a member
	 * on 2019-06-30, 2 marked incomplete".
	 */
	char *s = list->len ? g_strdup_printf(_("left out: %s"), list->str) : NULL;
	g_string_free(list, TRUE);
	return s;
}

/*
 * The replies counted: "Replies included: 9 of 12 on the roster; 2 late
 * (after 2019-06-30), not included; left out: 1 invalid".
 */
static void text_replies(FILE *fp, const struct tally *t, const struct tabout_options *opt)
{
	unsigned long n = t->included;
	char *s;
	if (opt->roster >= 0)
		/*
		 * TRANSLATORS: heads quire tab's output: the replies counted, of the States on
		 * the roster.
		 */
		s = g_strdup_printf(P_("Replies included: %lu of %ld on the roster",
				       "Replies included: %lu of %ld on the roster", n),
				    n, opt->roster);
	else
		/* TRANSLATORS: heads quire tab's output: the replies counted. */
		s = g_strdup_printf(P_("Replies included: %lu", "Replies included: %lu", n), n);
	fputs(s, fp);
	g_free(s);
	if (t->opt.cutoff != INT_MAX) {
		char d[ISODATE_BUFSIZE];
		isodate_format(t->opt.cutoff, d);
		unsigned long late = late_count(opt->analysis);
		/* TRANSLATORS: between the parts of quire tab's line on the replies counted. */
		fputs(_("; "), fp);
		/*
		 * TRANSLATORS: part of quire tab's line on the replies counted: %lu replies
		 * received after the cut-off date %s, such as 2019-06-30.
		 */
		fprintf(fp, P_("%lu late (after %s), not included",
			       "%lu late (after %s), not included", late), late, d);
	}
	char *left_out = opt->analysis ? text_excluded(opt->analysis) : NULL;
	if (left_out) {
		fputs(_("; "), fp);
		fputs(left_out, fp);
		g_free(left_out);
	}
	fputc('\n', fp);
}

bool tabout_text(FILE *fp, const struct tally *t, const struct tabout_options *opt)
{
	const struct form *f = t->form;
	if (f->version)
		/*
		 * TRANSLATORS: heads quire tab's output: the form's title, its identifier and
		 * its version.
		 */
		fprintf(fp, _("%s (%s, version %s)"), f->title, f->id, f->version);
	else
		/* TRANSLATORS: heads quire tab's output: the form's title and its identifier. */
		fprintf(fp, _("%s (%s)"), f->title, f->id);
	fputc('\n', fp);
	text_replies(fp, t, opt);
	for (guint i = 0; i < t->questions->len; i++)
		text_question(fp, t, g_ptr_array_index(t->questions, i), opt->lang);
	for (guint i = 0; i < t->questions->len; i++) {
		const struct tally_question *tq = g_ptr_array_index(t->questions, i);
		if (tq->cross)
			text_crosstab(fp, t, tq, opt);
	}
	return !ferror(fp);
}
