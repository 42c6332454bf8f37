/* qchart.c - the chart of a question, a crosstab or the replies' arrival, from the tally */
#include <config.h>
#include "qchart.h"

#include <string.h>

#include "analysis.h"
#include "figure.h"
#include "form.h"
#include "isodate.h"
#include "msg.h"
#include "tally.h"

G_DEFINE_QUARK(quire-qchart-error-quark, qchart_error)

#define DOTPLOT_MAX 30		/* numbers from at most this many States: a dot plot */

static bool is_numeric(const struct form_question *q)
{
	return q->kind == FORM_INTEGER || q->kind == FORM_DECIMAL || q->kind == FORM_RANGE;
}

static bool is_select(const struct form_question *q)
{
	return (q->kind == FORM_SELECT_ONE || q->kind == FORM_SELECT_MULTIPLE) && q->list;
}

/* "a" or "an" before WORD. */
static const char *article(const char *word)
{
	return strchr("aeiou", word[0]) ? "an" : "a";
}

bool qchart_check_type(enum chart_type type, const struct form_question *q, bool by,
		       GError **error)
{
	const char *kind = form_kind_name(q->kind);
	char *shown = msg_value(form_question_key(q));
	bool ok = false;
	bool crossed = type == CHART_STACKED || type == CHART_GROUPED;
	bool numbers = type == CHART_HISTOGRAM || type == CHART_DOTPLOT;
	bool multiple = q->kind == FORM_SELECT_MULTIPLE;
	if (!is_select(q) && !is_numeric(q))
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_KIND, "'%s' is %s %s question; charts "
			    "take select_one, select_multiple, integer, decimal and range questions",
			    shown, article(kind), kind);
	else if (type == CHART_TIMELINE)
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_TYPE, "shows the replies' dates, not "
			    "a question");
	else if (numbers != is_numeric(q))
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_TYPE, "does not suit '%s', %s %s "
			    "question; use %s", shown, article(kind), kind,
			    is_numeric(q) ? "histogram or dotplot" : "bar, pie or donut");
	else if (by && !crossed)
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_NOT_BY, "shows no breakdown; use "
			    "stacked or grouped");
	else if (!by && crossed)
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_NEEDS_BY, "needs a breakdown by a "
			    "question or a roster column");
	else if (multiple && (type == CHART_STACKED || type == CHART_PIE || type == CHART_DONUT))
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_ADDS_UP, "adds up to 100%%, but the "
			    "shares of '%s', a select_multiple, may sum past it; use %s", shown,
			    type == CHART_STACKED ? "grouped" : "bar");
	else if ((type == CHART_PIE || type == CHART_DONUT) && q->list->choices->len > CHART_PIE_MAX)
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_TOO_MANY, "shows at most %d choices "
			    "and '%s' has %u; use bar", CHART_PIE_MAX, shown, q->list->choices->len);
	else
		ok = true;
	g_free(shown);
	return ok;
}

enum chart_type qchart_default_type(const struct form_question *q, unsigned long answered, bool by)
{
	if (is_numeric(q))
		return answered <= DOTPLOT_MAX ? CHART_DOTPLOT : CHART_HISTOGRAM;
	if (by)
		return q->kind == FORM_SELECT_MULTIPLE ? CHART_GROUPED : CHART_STACKED;
	return CHART_BAR;
}

/* Words */

static const char *noun(const struct qchart_options *o, unsigned long n)
{
	if (n == 1)
		return o->singular ? o->singular : "State";
	return o->plural ? o->plural : "States";
}

static void set_title(struct chart *c, const struct tally *t, const struct form_question *q,
		      int lang)
{
	const char *label = form_label(t->form, q, lang);
	char *title = q->number ? g_strdup_printf("%s %s", q->number, label) : g_strdup(label);
	chart_set_title(c, title);
	g_free(title);
}

/*
 * The base: "n = 9 replying States" when every included State answered;
 * otherwise "n = 7 States that answered, of 9 replying (not asked: 2; no
 * answer: 0)", with the zero parts left out.
 */
static GString *base_text(const struct tally *t, const struct tally_question *tq,
			  const struct qchart_options *o)
{
	const char *what = tq->numbers ? "gave a number" : "answered";
	GString *s = g_string_new(NULL);
	if (tq->answered == t->included) {
		g_string_printf(s, "n = %lu replying %s", t->included, noun(o, t->included));
		return s;
	}
	g_string_printf(s, "n = %lu %s that %s, of %lu replying", tq->answered,
			noun(o, tq->answered), what, t->included);
	if (tq->not_applicable && tq->no_answer)
		g_string_append_printf(s, " (not asked: %lu; no answer: %lu)", tq->not_applicable,
				       tq->no_answer);
	else if (tq->not_applicable)
		g_string_append_printf(s, " (not asked: %lu)", tq->not_applicable);
	else if (tq->no_answer)
		g_string_append_printf(s, " (no answer: %lu)", tq->no_answer);
	return s;
}

/* "Not included: 2 replies received after 30 June 2019, 1 from a State not a member on that date." */
static char *left_out_note(const struct analysis *a)
{
	if (!a || !analysis_excluded(a))
		return NULL;
	GString *s = g_string_new("Not included: ");
	char *day = isodate_format_long(a->day);
	const char *sep = "";
	for (int reason = ANALYSIS_LATE; reason > ANALYSIS_INCLUDED; reason--) {
		unsigned long n = a->count[reason];
		if (!n)
			continue;
		g_string_append_printf(s, "%s%lu %s", sep, n, n == 1 ? "reply" : "replies");
		switch (reason) {
		case ANALYSIS_LATE:
			g_string_append_printf(s, " received after %s", day);
			break;
		case ANALYSIS_INCOMPLETE:
			g_string_append(s, " whose entry is not finished");
			break;
		case ANALYSIS_NOT_MEMBER:
			g_string_append_printf(s, " from %s not a member on %s",
					       n == 1 ? "a State" : "States", day);
			break;
		case ANALYSIS_NOT_ON_ROSTER:
			g_string_append_printf(s, " from %s not on the roster",
					       n == 1 ? "a code" : "codes");
			break;
		default:
			g_string_append(s, " that do not validate");
			break;
		}
		sep = ", ";
	}
	g_string_append_c(s, '.');
	g_free(day);
	return g_string_free(s, FALSE);
}

static void set_notes(struct chart *c, char *a, char *b)
{
	char *note = a && b ? g_strconcat(a, " ", b, NULL) : g_strdup(a ? a : b);
	chart_set_note(c, note);
	g_free(note);
	g_free(a);
	g_free(b);
}

static char *multiple_note(const struct tally_question *tq, const struct qchart_options *o)
{
	if (tq->q->kind != FORM_SELECT_MULTIPLE)
		return NULL;
	return g_strdup_printf("Several answers were allowed: each share is of the %lu %s that "
			       "answered, so the shares may add up to more than 100%%.",
			       tq->answered, noun(o, tq->answered));
}

/* A select_multiple broken down: each group's bars are out of that group's States. */
static char *crossed_note(const struct tally_question *tq, const struct qchart_options *o)
{
	if (tq->q->kind != FORM_SELECT_MULTIPLE)
		return NULL;
	return g_strdup_printf("Several answers were allowed: each bar is out of the %s of its "
			       "group that answered, so a group's bars may add up to more than "
			       "100%%.", noun(o, 2));
}

static void add_choices(struct chart *c, const struct tally *t, const struct form_question *q,
			int lang)
{
	for (guint k = 0; k < q->list->choices->len; k++) {
		const struct form_choice *ch = g_ptr_array_index(q->list->choices, k);
		chart_add_category(c, form_choice_label(t->form, ch, lang));
	}
}

/* Charts of one question */

static char *numbers_note(const struct tally *t, const struct tally_question *tq, int lang,
			  bool dots)
{
	const struct stats_numeric *s = &tq->summary;
	if (s->n == 0)
		return NULL;
	const char *unit = form_question_unit(t->form, tq->q, lang);
	char *med = figure_quantity(s->median, unit), *range = figure_range(s->min, s->max, unit);
	const char *dot = dots ? "Each dot is one State. " : "";
	char *note = s->min == s->max ? g_strdup_printf("%sEvery answer was %s.", dot, med)
				      : g_strdup_printf("%sMedian %s; range %s.", dot, med, range);
	g_free(med);
	g_free(range);
	return note;
}

struct chart *qchart_question(const struct tally *t, const struct tally_question *tq,
			      enum chart_type type, const struct qchart_options *o)
{
	struct chart *c = chart_new(type);
	chart_set_label(c, o->label);
	set_title(c, t, tq->q, o->lang);
	GString *base = base_text(t, tq, o);
	chart_set_base(c, base->str);
	g_string_free(base, TRUE);
	if (type == CHART_HISTOGRAM || type == CHART_DOTPLOT) {
		double *values, *counts;
		size_t n;
		tally_numbers(tq, &values, &counts, &n);
		for (size_t i = 0; i < n; i++)
			chart_add_run(c, values[i], counts[i]);
		g_free(values);
		g_free(counts);
		set_notes(c, numbers_note(t, tq, o->lang, type == CHART_DOTPLOT),
			  left_out_note(o->analysis));
		return c;
	}
	add_choices(c, t, tq->q, o->lang);
	chart_add_series(c, NULL, (double)tq->answered);
	for (size_t k = 0; k < tq->n_choices; k++)
		chart_set_value(c, 0, k, (double)tq->counts[k]);
	set_notes(c, multiple_note(tq, o), left_out_note(o->analysis));
	return c;
}

/* Charts of a crosstab */

static const char *by_label(const struct tally *t, const struct tally_by_value *v, int lang)
{
	if (!t->by_question)
		return v->value;
	const struct form_choice *ch = form_choice(t->by_question->list, v->value);
	return ch ? form_choice_label(t->form, ch, lang) : v->value;
}

struct chart *qchart_crosstab(const struct tally *t, const struct tally_question *tq,
			      enum chart_type type, const char *by_name,
			      const struct qchart_options *o)
{
	const struct tally_cross *x = tq->cross;
	if (!x)
		return NULL;
	struct chart *c = chart_new(type);
	chart_set_label(c, o->label);
	set_title(c, t, tq->q, o->lang);
	add_choices(c, t, tq->q, o->lang);
	unsigned long empty = 0;
	for (size_t col = 0; col < x->n_cols; col++) {
		if (!x->col_bases[col]) {
			empty++;
			continue;	/* a group without answers is in the table, not the chart */
		}
		const struct tally_by_value *v = g_ptr_array_index(t->by_values, col);
		size_t s = chart_add_series(c, by_label(t, v, o->lang), (double)x->col_bases[col]);
		for (size_t row = 0; row < x->n_rows; row++)
			chart_set_value(c, s, row, (double)x->cells[row * x->n_cols + col]);
	}
	GString *base = base_text(t, tq, o);
	g_string_append_printf(base, ", by %s", by_name);
	if (x->n < tq->answered)
		g_string_append_printf(base, "; %lu with no %s not shown", tq->answered - x->n,
				       by_name);
	if (empty)
		g_string_append_printf(base, "; %lu %s without answers not shown", empty,
				       empty == 1 ? "group" : "groups");
	chart_set_base(c, base->str);
	g_string_free(base, TRUE);
	set_notes(c, crossed_note(tq, o), left_out_note(o->analysis));
	return c;
}

/* The replies' arrival */

struct chart *qchart_timeline(const struct analysis *a, long members, const struct qchart_options *o)
{
	struct chart *c = chart_new(CHART_TIMELINE);
	chart_set_title(c, "Replies received");
	unsigned long on_time = a->count[ANALYSIS_INCLUDED], late = a->count[ANALYSIS_LATE];
	unsigned long replies = on_time + late;
	char *base;
	if (members >= 0)
		base = g_strdup_printf("%lu %s from the %ld %s on the roster", replies,
				       replies == 1 ? "reply" : "replies", members,
				       noun(o, (unsigned long)members));
	else
		base = g_strdup_printf("n = %lu %s", replies, replies == 1 ? "reply" : "replies");
	chart_set_base(c, base);
	g_free(base);
	for (guint i = 0; i < a->records->len; i++) {
		const struct analysis_record *rec = g_ptr_array_index(a->records, i);
		if (rec->reason == ANALYSIS_INCLUDED || rec->reason == ANALYSIS_LATE)
			chart_add_date(c, rec->submitted, rec->reason == ANALYSIS_LATE);
	}
	if (a->opt.cutoff != INT_MAX) {
		chart_set_cutoff(c, a->opt.cutoff);
		if (late)
			chart_set_note(c, "Late replies, received after the cut-off, are not "
				       "included in the figures.");
	}
	return c;
}
