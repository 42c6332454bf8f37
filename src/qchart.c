/* qchart.c - the chart of a question, a crosstab or the replies' arrival, from the tally */
#include <config.h>
#include "qchart.h"

#include <string.h>

#include "analysis.h"
#include "figure.h"
#include "form.h"
#include "i18n.h"
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

/* "a" or "an" before WORD, in the user's language. */
static const char *article(const char *word)
{
	/*
	 * TRANSLATORS: the article before a kind of question, a name kept in
	 * English ("integer", "text"), in "'%s' is %s %s question" and "does
	 * not suit '%s', %s %s question": "an" before a vowel, "a" before a
	 * consonant.  Translate either to what your language puts there, or to
	 * nothing.
	 */
	return strchr("aeiou", word[0]) ? E_("an")
	       /* TRANSLATORS: as "an", before a consonant. */
					: E_("a");
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
	/*
	 * The messages but the first say what the chart type does, after its
	 * name: "[chart q1]: type pie needs a breakdown by ...", "--type pie
	 * needs a breakdown by ...".
	 */
	if (!is_select(q) && !is_numeric(q))
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_KIND,
			    /*
			     * TRANSLATORS: a question's name, "a" or "an" (translated above), then
			     * the question's kind ("text"), kept; the kinds listed are kept too.
			     */
			    E_("'%s' is %s %s question; charts take select_one, select_multiple, "
			       "integer, decimal and range questions"),
			    shown, article(kind), kind);
	else if (type == CHART_TIMELINE)
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_TYPE,
			    /*
			     * TRANSLATORS: follows a chart type, "[chart q1]: type timeline " or
			     * "--type timeline ": that type charts the dates of the replies.
			     */
			    E_("shows the replies' dates, not a question"));
	else if (numbers != is_numeric(q))
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_TYPE,
			    /*
			     * TRANSLATORS: follows a chart type ("type pie "): a question's name,
			     * "a" or "an" (translated above), the question's kind ("integer"),
			     * kept, then the types to use instead ("histogram or dotplot").
			     */
			    E_("does not suit '%s', %s %s question; use %s"), shown, article(kind),
			    kind,
			    /* TRANSLATORS: after "use ": chart types, kept; "or" is translated. */
			    is_numeric(q) ? E_("histogram or dotplot")
			    /* TRANSLATORS: after "use ": chart types, kept; "or" is translated. */
					  : E_("bar, pie or donut"));
	else if (by && !crossed)
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_NOT_BY,
			    /*
			     * TRANSLATORS: follows a chart type ("type bar "); stacked and grouped
			     * are chart types, kept.
			     */
			    E_("shows no breakdown; use stacked or grouped"));
	else if (!by && crossed)
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_NEEDS_BY,
			    /* TRANSLATORS: follows a chart type ("type stacked "). */
			    E_("needs a breakdown by a question or a roster column"));
	else if (multiple && (type == CHART_STACKED || type == CHART_PIE || type == CHART_DONUT))
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_ADDS_UP,
			    /*
			     * TRANSLATORS: follows a chart type ("type pie "): a question's name,
			     * then the chart type to use ("bar"), kept; select_multiple is kept.
			     */
			    E_("adds up to 100%%, but the shares of '%s', a select_multiple, may "
			       "sum past it; use %s"),
			    shown, type == CHART_STACKED ? "grouped" : "bar");
	else if ((type == CHART_PIE || type == CHART_DONUT) && q->list->choices->len > CHART_PIE_MAX)
		g_set_error(error, QCHART_ERROR, QCHART_ERROR_TOO_MANY,
			    /*
			     * TRANSLATORS: follows a chart type ("type pie "): the most choices it
			     * shows, a question's name, then its number of choices; "bar" is a
			     * chart type, kept.
			     */
			    E_("shows at most %d choices and '%s' has %u; use bar"), CHART_PIE_MAX,
			    shown, q->list->choices->len);
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

static void set_title(struct chart *c, const struct tally *t, const struct form_question *q,
		      int lang)
{
	const char *label = form_label(t->form, q, lang);
	char *title = q->number ? g_strdup_printf("%s %s", q->number, label) : g_strdup(label);
	chart_set_title(c, title);
	g_free(title);
}

/* The base of a question that not every replying Member State answered with words. */
static char *base_answered(const struct tally *t, const struct tally_question *tq)
{
	unsigned long k = tq->answered, n = t->included;
	unsigned long na = tq->not_applicable, none = tq->no_answer;
	if (na && none)
		/*
		 * TRANSLATORS: the base of a chart; "not asked" counts the Member States the
		 * question did not apply to, "no answer" those that left it blank.
		 */
		return g_strdup_printf(P_("n = %lu Member State that answered, of %lu replying "
					  "(not asked: %lu; no answer: %lu)",
					  "n = %lu Member States that answered, of %lu replying "
					  "(not asked: %lu; no answer: %lu)", k), k, n, na, none);
	if (na)
		/*
		 * TRANSLATORS: the base of a chart; "not asked" counts the Member States the
		 * question did not apply to.
		 */
		return g_strdup_printf(P_("n = %lu Member State that answered, of %lu replying "
					  "(not asked: %lu)",
					  "n = %lu Member States that answered, of %lu replying "
					  "(not asked: %lu)", k), k, n, na);
	if (none)
		/*
		 * TRANSLATORS: the base of a chart; "no answer" counts the Member States that
		 * left the question blank.
		 */
		return g_strdup_printf(P_("n = %lu Member State that answered, of %lu replying "
					  "(no answer: %lu)",
					  "n = %lu Member States that answered, of %lu replying "
					  "(no answer: %lu)", k), k, n, none);
	/* TRANSLATORS: the base of a chart: the Member States that answered, of all replying. */
	return g_strdup_printf(P_("n = %lu Member State that answered, of %lu replying",
				  "n = %lu Member States that answered, of %lu replying", k), k, n);
}

/* The base of a numeric question that not every replying Member State answered. */
static char *base_numbers(const struct tally *t, const struct tally_question *tq)
{
	unsigned long k = tq->answered, n = t->included;
	unsigned long na = tq->not_applicable, none = tq->no_answer;
	if (na && none)
		/*
		 * TRANSLATORS: the base of a chart of numbers; "not asked" counts the Member
		 * States the question did not apply to, "no answer" those that left it blank.
		 */
		return g_strdup_printf(P_("n = %lu Member State that gave a number, of %lu "
					  "replying (not asked: %lu; no answer: %lu)",
					  "n = %lu Member States that gave a number, of %lu "
					  "replying (not asked: %lu; no answer: %lu)", k),
				       k, n, na, none);
	if (na)
		/*
		 * TRANSLATORS: the base of a chart of numbers; "not asked" counts the Member
		 * States the question did not apply to.
		 */
		return g_strdup_printf(P_("n = %lu Member State that gave a number, of %lu "
					  "replying (not asked: %lu)",
					  "n = %lu Member States that gave a number, of %lu "
					  "replying (not asked: %lu)", k), k, n, na);
	if (none)
		/*
		 * TRANSLATORS: the base of a chart of numbers; "no answer" counts the Member
		 * States that left the question blank.
		 */
		return g_strdup_printf(P_("n = %lu Member State that gave a number, of %lu "
					  "replying (no answer: %lu)",
					  "n = %lu Member States that gave a number, of %lu "
					  "replying (no answer: %lu)", k), k, n, none);
	/*
	 * TRANSLATORS: the base of a chart of numbers: the Member States that gave one, of
	 * all replying.
	 */
	return g_strdup_printf(P_("n = %lu Member State that gave a number, of %lu replying",
				  "n = %lu Member States that gave a number, of %lu replying", k),
			       k, n);
}

/*
 * The base: "n = 9 replying Member States" when every included Member
 * State answered; otherwise "n = 7 Member States that answered, of 9
 * replying (not asked: 2; no answer: 0)", with the zero parts left out.
 */
static char *base_text(const struct tally *t, const struct tally_question *tq)
{
	if (tq->answered == t->included)
		/* TRANSLATORS: the base of a chart: every replying Member State answered. */
		return g_strdup_printf(P_("n = %lu replying Member State",
					  "n = %lu replying Member States", t->included),
				       t->included);
	return tq->numbers ? base_numbers(t, tq) : base_answered(t, tq);
}

/* One part of the note on the replies left out: "2 replies received after 30 June 2019". */
static char *left_out_part(const struct analysis *a, int reason, const char *day)
{
	unsigned long n = a->count[reason];
	switch (reason) {
	case ANALYSIS_LATE:
		/*
		 * TRANSLATORS: part of the list after "Not included: "; %s is a date such as
		 * "30 June 2019".
		 */
		return g_strdup_printf(P_("%lu reply received after %s",
					  "%lu replies received after %s", n), n, day);
	case ANALYSIS_INCOMPLETE:
		/* TRANSLATORS: part of the list after "Not included: ". */
		return g_strdup_printf(P_("%lu reply whose entry is not finished",
					  "%lu replies whose entry is not finished", n), n);
	case ANALYSIS_NOT_MEMBER:
		/*
		 * TRANSLATORS: part of the list after "Not included: "; %s is a date such as
		 * "30 June 2019".
		 */
		return g_strdup_printf(P_("%lu reply from a State not a member on %s",
					  "%lu replies from States not a member on %s", n), n, day);
	case ANALYSIS_NOT_ON_ROSTER:
		/*
		 * TRANSLATORS: part of the list after "Not included: "; a code names a Member
		 * State, and the roster lists the Member States.
		 */
		return g_strdup_printf(P_("%lu reply from a code not on the roster",
					  "%lu replies from codes not on the roster", n), n);
	default:
		/*
		 * TRANSLATORS: part of the list after "Not included": replies that break the
		 * form's rules.
		 */
		return g_strdup_printf(P_("%lu reply that do not validate",
					  "%lu replies that do not validate", n), n);
	}
}

/* "Not included: 2 replies received after 30 June 2019, 1 from a State not a member on that date." */
static char *left_out_note(const struct analysis *a)
{
	if (!a || !analysis_excluded(a))
		return NULL;
	GString *list = g_string_new(NULL);
	char *day = isodate_format_long(a->day);
	for (int reason = ANALYSIS_LATE; reason > ANALYSIS_INCLUDED; reason--) {
		if (!a->count[reason])
			continue;
		if (list->len)
			/* TRANSLATORS: between the parts of a list (of the replies left out). */
			g_string_append(list, _(", "));
		char *part = left_out_part(a, reason, day);
		g_string_append(list, part);
		g_free(part);
	}
	/*
	 * TRANSLATORS: %s is a list of the replies the figures leave out, e.g. "2 replies
	 * received after 30 June 2019, 1 reply whose entry is not finished".
	 */
	char *note = g_strdup_printf(_("Not included: %s."), list->str);
	g_string_free(list, TRUE);
	g_free(day);
	return note;
}

static void set_notes(struct chart *c, char *a, char *b)
{
	char *note = a && b ? g_strconcat(a, " ", b, NULL) : g_strdup(a ? a : b);
	chart_set_note(c, note);
	g_free(note);
	g_free(a);
	g_free(b);
}

static char *multiple_note(const struct tally_question *tq)
{
	if (tq->q->kind != FORM_SELECT_MULTIPLE)
		return NULL;
	unsigned long k = tq->answered;
	/* TRANSLATORS: a note under the chart of a question that takes several answers. */
	return g_strdup_printf(P_("Several answers were allowed: each share is of the %lu "
				  "Member State that answered, so the shares may add up to more "
				  "than 100%%.",
				  "Several answers were allowed: each share is of the %lu "
				  "Member States that answered, so the shares may add up to more "
				  "than 100%%.", k), k);
}

/* A select_multiple broken down: each group's bars are out of that group's Member States. */
static char *crossed_note(const struct tally_question *tq)
{
	if (tq->q->kind != FORM_SELECT_MULTIPLE)
		return NULL;
	/*
	 * TRANSLATORS: a note under a chart whose bars are grouped, e.g. by region, of a
	 * question that takes several answers.
	 * xgettext:no-c-format
	 */
	return g_strdup(_("Several answers were allowed: each bar is out of the Member States of "
			  "its group that answered, so a group's bars may add up to more than "
			  "100%."));
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
	char *note;
	if (s->min == s->max && dots)
		/*
		 * TRANSLATORS: a note under a dot plot; %s is the one number every Member State
		 * gave, with its unit: "12 days".
		 */
		note = g_strdup_printf(_("Each dot is one State. Every answer was %s."), med);
	else if (s->min == s->max)
		/*
		 * TRANSLATORS: a note under a histogram; %s is the one number every Member State
		 * gave, with its unit: "12 days".
		 */
		note = g_strdup_printf(_("Every answer was %s."), med);
	else if (dots)
		/*
		 * TRANSLATORS: a note under a dot plot; the first %s is the median ("12 days"),
		 * the second the range ("3-40 days").
		 */
		note = g_strdup_printf(_("Each dot is one State. Median %s; range %s."), med,
				       range);
	else
		/*
		 * TRANSLATORS: a note under a histogram; the first %s is the median ("12 days"),
		 * the second the range ("3-40 days").
		 */
		note = g_strdup_printf(_("Median %s; range %s."), med, range);
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
	char *base = base_text(t, tq);
	chart_set_base(c, base);
	g_free(base);
	if (type == CHART_HISTOGRAM || type == CHART_DOTPLOT) {
		const double *values, *counts;
		size_t n;
		tally_numbers(tq, &values, &counts, &n);
		for (size_t i = 0; i < n; i++)
			chart_add_run(c, values[i], counts[i]);
		set_notes(c, numbers_note(t, tq, o->lang, type == CHART_DOTPLOT),
			  left_out_note(o->analysis));
		return c;
	}
	add_choices(c, t, tq->q, o->lang);
	chart_add_series(c, NULL, (double)tq->answered);
	for (size_t k = 0; k < tq->n_choices; k++)
		chart_set_value(c, 0, k, (double)tq->counts[k]);
	set_notes(c, multiple_note(tq), left_out_note(o->analysis));
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

/*
 * The base of a crosstab chart: "n = 9 replying Member States, by region;
 * 1 with no region not shown; 2 groups without answers not shown".
 */
static char *crossed_base(const struct tally *t, const struct tally_question *tq,
			  const char *by_name, unsigned long empty)
{
	char *base = base_text(t, tq);
	/*
	 * TRANSLATORS: the base of a chart broken down by a variable: the first %s is the
	 * base ("n = 9 replying Member States"), the second the variable's name ("region",
	 * "the answer to question 2.1").
	 */
	char *s = g_strdup_printf(_("%s, by %s"), base, by_name);
	g_free(base);
	if (tq->cross->n < tq->answered) {
		unsigned long missing = tq->answered - tq->cross->n;
		char *prev = s;
		/*
		 * TRANSLATORS: the first %s is the chart's base so far ("n = 9 replying
		 * Member States, by region"); %lu counts the Member States that answered but
		 * have no value of the variable the chart is broken down by, named by the
		 * second %s ("region").
		 */
		s = g_strdup_printf(P_("%s; %lu with no %s not shown",
				       "%s; %lu with no %s not shown", missing),
				    prev, missing, by_name);
		g_free(prev);
	}
	if (empty) {
		char *prev = s;
		/*
		 * TRANSLATORS: %s is the chart's base so far ("n = 9 replying Member States, by
		 * region"); %lu counts the groups (regions, ...) none of whose Member States
		 * answered, which the chart leaves out.
		 */
		s = g_strdup_printf(P_("%s; %lu group without answers not shown",
				       "%s; %lu groups without answers not shown", empty),
				    prev, empty);
		g_free(prev);
	}
	return s;
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
	char *base = crossed_base(t, tq, by_name, empty);
	chart_set_base(c, base);
	g_free(base);
	set_notes(c, crossed_note(tq), left_out_note(o->analysis));
	return c;
}

/* The replies' arrival */

/* "9 replies from the 12 Member States on the roster", or "n = 9 replies" without a roster. */
static char *timeline_base(unsigned long replies, long members)
{
	if (members < 0)
		/* TRANSLATORS: the base of the chart of the replies received over time. */
		return g_strdup_printf(P_("n = %lu reply", "n = %lu replies", replies), replies);
	unsigned long m = (unsigned long)members;
	/*
	 * TRANSLATORS: the Member States on the roster, as the object of "%lu replies from
	 * %s" (the base of the chart of the replies received over time); inflect it as that
	 * message needs.
	 */
	char *roster = g_strdup_printf(P_("the %lu Member State on the roster",
					  "the %lu Member States on the roster", m), m);
	/*
	 * TRANSLATORS: the base of the chart of the replies received over time; %s is "the
	 * 12 Member States on the roster".
	 */
	char *base = g_strdup_printf(P_("%lu reply from %s", "%lu replies from %s", replies),
				     replies, roster);
	g_free(roster);
	return base;
}

struct chart *qchart_timeline(const struct analysis *a, long members, const struct qchart_options *o)
{
	(void)o;	/* no option changes the timeline */
	struct chart *c = chart_new(CHART_TIMELINE);
	/* TRANSLATORS: the title of the chart of the replies received over time. */
	chart_set_title(c, _("Replies received"));
	unsigned long on_time = a->count[ANALYSIS_INCLUDED], late = a->count[ANALYSIS_LATE];
	char *base = timeline_base(on_time + late, members);
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
			chart_set_note(c, _("Late replies, received after the cut-off, are not "
					    "included in the figures."));
	}
	return c;
}
