/* report-question.c - one question in the report: drafted sentence, chart and table */
#include <config.h>

#include <math.h>
#include <string.h>

#include "chart.h"
#include "doc.h"
#include "figure.h"
#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "narrate.h"
#include "qchart.h"
#include "rdef.h"
#include "report-int.h"
#include "stats.h"
#include "tally.h"

/*
 * Leads state exact counts ("Seven of the nine replying Member States");
 * from ten States on, a proportion word reads better and the count
 * follows it ("Most replying Member States (12 of 15)").
 */
static unsigned lead_flags(const struct narrate_base *b)
{
	return NARRATE_CAPITAL | (b->n >= 10 ? NARRATE_PROPORTION : 0);
}

/* The States a question's shares are of: those that answered it. */
static struct narrate_base answered_base(const struct report *r, const struct tally_question *tq)
{
	struct narrate_base b = r->base;
	b.n = tq->answered;
	if (tq->answered != r->tally->included) {
		b.pre = NULL;
		b.post = "that answered the question";
		b.scope = NARRATE_ANSWERED;
	}
	return b;
}

/* The States a question was put to (those to which it applied). */
static struct narrate_base asked_base(const struct report *r, const struct tally_question *tq)
{
	struct narrate_base b = r->base;
	b.n = tq->base;
	if (tq->base != r->tally->included) {
		b.pre = NULL;
		b.post = "to which the question applied";
		b.scope = NARRATE_APPLIED;
	}
	return b;
}

static const char *summary_of(const struct report *r, const struct form_question *q)
{
	return form_question_extra(r->form, q, "summary", r->lang);
}

static const struct form_choice *choice_at(const struct tally_question *tq, size_t c)
{
	return g_ptr_array_index(tq->q->list->choices, c);
}

static const char *choice_summary(const struct report *r, const struct form_choice *c)
{
	return form_choice_extra(r->form, c, "summary", r->lang);
}

static bool any_choice_summary(const struct report *r, const struct tally_question *tq)
{
	for (size_t c = 0; c < tq->n_choices; c++)
		if (choice_summary(r, choice_at(tq, c)))
			return true;
	return false;
}

/* S (taken) without its full stop ("." or "。"), to go on as a clause. */
static char *unsentence(char *s)
{
	size_t n = strlen(s);
	if (g_str_has_suffix(s, "\u3002"))
		s[n - strlen("\u3002")] = '\0';
	else if (n && s[n - 1] == '.')
		s[n - 1] = '\0';
	return s;
}

/* S (taken) with its first letter in lower case, unless it opens an acronym ("UNODC"). */
static char *lower_first(char *s)
{
	gunichar c = g_utf8_get_char(s);
	const char *next = g_utf8_next_char(s);
	if (!g_unichar_isupper(c) || (*next && g_unichar_isupper(g_utf8_get_char(next))))
		return s;
	char lower[8];
	int len = g_unichar_to_utf8(g_unichar_tolower(c), lower);
	char *out = g_strdup_printf("%.*s%s", len, lower, next);
	g_free(s);
	return out;
}

/* "Asked “LABEL” (question 2.3), SENTENCE", SENTENCE (taken) lower-cased to go on. */
static char *asked(const struct report *r, const struct narrate_base *b,
		   const struct tally_question *tq, char *sentence)
{
	char *q = narrate_quote_in(b, form_label(r->form, tq->q, r->lang));
	char *rest = lower_first(sentence);
	char *out = tq->q->number
			    /* TRANSLATORS: a question's label in quotes, its number, then a sentence about its answers. */
			    ? g_strdup_printf(_("Asked %s (question %s), %s"), q, tq->q->number, rest)
			    /* TRANSLATORS: a question's label in quotes, then a sentence about its answers. */
			    : g_strdup_printf(_("Asked %s, %s"), q, rest);
	g_free(q);
	g_free(rest);
	return out;
}

/* select_one */

static char *select_one_sentence(struct report *r, const struct tally_question *tq)
{
	struct narrate_base b = answered_base(r, tq);
	const char *qsum = summary_of(r, tq->q);
	const struct form_choice *yes = form_choice(tq->q->list, "yes");
	const struct form_choice *no = form_choice(tq->q->list, "no");
	GPtrArray *owned = g_ptr_array_new_with_free_func(g_free);
	GArray *items = g_array_new(FALSE, FALSE, sizeof(struct narrate_item));
	char *sentence;
	bool by_choice = any_choice_summary(r, tq);
	if (!by_choice && qsum && yes && no) {
		for (size_t c = 0; c < tq->n_choices; c++) {
			const struct form_choice *ch = choice_at(tq, c);
			if (ch == yes || ch == no)
				continue;
			char *phrase = narrate_answered_in(&b, form_choice_label(r->form, ch, r->lang));
			g_ptr_array_add(owned, phrase);
			struct narrate_item it = { phrase, tq->counts[c] };
			g_array_append_val(items, it);
		}
		sentence = narrate_yes_no(&b, qsum, tq->counts[yes->index], tq->counts[no->index],
					  (struct narrate_item *)(void *)items->data, items->len,
					  lead_flags(&b));
	} else {
		for (size_t c = 0; c < tq->n_choices; c++) {
			const struct form_choice *ch = choice_at(tq, c);
			const char *phrase = choice_summary(r, ch);
			if (!phrase) {
				char *p = narrate_answered_in(&b, form_choice_label(r->form, ch, r->lang));
				g_ptr_array_add(owned, p);
				phrase = p;
			}
			struct narrate_item it = { phrase, tq->counts[c] };
			g_array_append_val(items, it);
		}
		unsigned flags = by_choice ? lead_flags(&b) : 0;
		sentence = narrate_select_one(&b, (struct narrate_item *)(void *)items->data,
					      items->len, flags);
		if (!by_choice && sentence)	/* without phrases the question frames the answers */
			sentence = asked(r, &b, tq, sentence);
	}
	g_array_free(items, TRUE);
	g_ptr_array_free(owned, TRUE);
	return sentence;
}

/* select_multiple */

static char *select_multiple_sentence(struct report *r, const struct tally_question *tq)
{
	struct narrate_base b = answered_base(r, tq);
	const char *verb = summary_of(r, tq->q);
	bool fallback = !verb;
	GPtrArray *owned = g_ptr_array_new_with_free_func(g_free);
	GArray *items = g_array_new(FALSE, FALSE, sizeof(struct narrate_item));
	struct narrate_item none = { NULL, 0 };
	for (size_t c = 0; c < tq->n_choices; c++) {
		const struct form_choice *ch = choice_at(tq, c);
		const char *phrase = fallback ? NULL : choice_summary(r, ch);
		const char *label = form_choice_label(r->form, ch, r->lang);
		if (form_choice_is_none(ch)) {
			char *p = phrase ? g_strdup(phrase) : narrate_selected_in(&b, label);
			g_ptr_array_add(owned, p);
			none.phrase = p;
			none.count = tq->counts[c];
			continue;
		}
		if (!phrase) {
			char *p = narrate_quote_in(&b, label);
			g_ptr_array_add(owned, p);
			phrase = p;
		}
		struct narrate_item it = { phrase, tq->counts[c] };
		g_array_append_val(items, it);
	}
	char *fallback_verb = verb ? NULL : narrate_fallback_verb_in(&b);
	char *sentence = narrate_select_multiple(&b, verb ? verb : fallback_verb,
						 (struct narrate_item *)(void *)items->data,
						 items->len, none.phrase ? &none : NULL,
						 NARRATE_CAPITAL);
	g_free(fallback_verb);
	if (fallback && sentence)
		sentence = asked(r, &b, tq, sentence);
	g_array_free(items, TRUE);
	g_ptr_array_free(owned, TRUE);
	return sentence;
}

static char *drafted(struct report *r, const struct tally_question *tq);

/* Numbers, dates, texts, ranks */

/*
 * "All seven Member States to which the question applied" and PREDICATE,
 * or the question's own summary phrase ("gave the year of adoption")
 * when the form has one: that names the question.
 */
static char *count_clause(const struct report *r, const struct tally_question *tq,
			  const char *predicate)
{
	struct narrate_base b = asked_base(r, tq);
	const char *own = summary_of(r, tq->q);
	return unsentence(narrate_count(&b, tq->answered, own ? own : predicate, lead_flags(&b)));
}

static char *numeric_sentence(struct report *r, const struct tally_question *tq)
{
	/* TRANSLATORS: a predicate for a plural subject, past tense, as in "[Five Member States] gave a figure". */
	char *lead = count_clause(r, tq, _("gave a figure"));
	const struct stats_numeric *s = &tq->summary;
	const char *unit = form_question_unit(r->form, tq->q, r->lang);
	char *min = figure_quantity(s->min, unit), *median = figure_quantity(s->median, unit);
	char *range = figure_range(s->min, s->max, unit);
	char *out;
	if (s->n >= 2 && s->min == s->max)
		/* TRANSLATORS: a sentence ("Five Member States gave a figure"), then the one figure they all gave. */
		out = g_strdup_printf(_("%s, all of them %s."), lead, min);
	else if (s->n >= 2)
		/* TRANSLATORS: a sentence ("Five Member States gave a figure"), a range ("3 to 12 days"), a median. */
		out = g_strdup_printf(_("%s; the figures range from %s, with a median of %s."), lead,
				      range, median);
	else if (s->n == 1)
		/* TRANSLATORS: a sentence ("One Member State gave a figure"), then the figure. */
		out = g_strdup_printf(_("%s: %s."), lead, min);
	else
		/* TRANSLATORS: a sentence without its full stop, then the full stop. */
		out = g_strdup_printf(_("%s."), lead);
	g_free(min);
	g_free(range);
	g_free(median);
	g_free(lead);
	return out;
}

static char *date_sentence(struct report *r, const struct tally_question *tq)
{
	/* TRANSLATORS: a predicate for a plural subject, past tense: "[Six Member States] gave a date". */
	char *lead = count_clause(r, tq, _("gave a date"));
	char *out;
	if (tq->answered >= 2) {
		char *a = isodate_format_long(tq->earliest), *z = isodate_format_long(tq->latest);
		/* TRANSLATORS: a sentence ("Six Member States gave a date"), then two dates. */
		out = g_strdup_printf(_("%s; the dates range from %s to %s."), lead, a, z);
		g_free(a);
		g_free(z);
	} else {
		out = g_strdup_printf(_("%s."), lead);
	}
	g_free(lead);
	return out;
}

static char *text_sentence(struct report *r, const struct tally_question *tq)
{
	/* TRANSLATORS: a predicate for a plural subject, past tense: "[Six Member States] answered" (a question). */
	char *lead = count_clause(r, tq, _("answered"));
	char *out = tq->answered && tq->texts && r->texts_annex
			    /* TRANSLATORS: a sentence ("Six Member States answered"), then an annex's name. */
			    ? g_strdup_printf(_("%s; the answers are reproduced in %s."), lead,
					      r->texts_annex)
			    : g_strdup_printf(_("%s."), lead);
	g_free(lead);
	return out;
}

static char *rank_sentence(struct report *r, const struct tally_question *tq)
{
	/* TRANSLATORS: a predicate for a plural subject, past tense: "[Six Member States] ranked the options". */
	char *lead = count_clause(r, tq, _("ranked the options"));
	size_t best = 0;
	for (size_t c = 1; c < tq->n_choices; c++)
		if (tq->firsts[c] > tq->firsts[best])
			best = c;
	char *out;
	if (tq->answered && tq->firsts[best]) {
		struct narrate_base b = asked_base(r, tq);
		char *label = narrate_quote_in(&b, form_choice_label(r->form, choice_at(tq, best),
								    r->lang));
		char *k = report_number(r, tq->firsts[best]);
		/*
		 * TRANSLATORS: a sentence ("Six Member States ranked the options"), an
		 * option in quotes, then how many ranked it first ("four" in English, digits otherwise).
		 */
		out = g_strdup_printf(_("%s; %s was ranked first most often (by %s)."), lead, label, k);
		g_free(label);
		g_free(k);
	} else {
		out = g_strdup_printf(_("%s."), lead);
	}
	g_free(lead);
	return out;
}

/*
 * SENTENCE (taken), framed by the question it is about when its words do
 * not name it: "Asked “Year of adoption” (question 2.3), all seven
 * Member States ...".  A sentence drafted from the form's summary phrases
 * names its subject itself, and so does a sentence of choices (from their
 * phrases, or framed by select_one_sentence()).
 */
static char *framed(const struct report *r, const struct tally_question *tq, char *sentence)
{
	if (!sentence || summary_of(r, tq->q))
		return sentence;
	struct narrate_base b = asked_base(r, tq);
	return asked(r, &b, tq, sentence);
}

static char *sentence_for(struct report *r, const struct tally_question *tq)
{
	if (tq->answered == 0) {
		struct narrate_base b = asked_base(r, tq);
		if (b.n == 0)
			/* TRANSLATORS: a question's paragraph when no reply had it to answer. */
			return framed(r, tq, g_strdup(_("The question applied to none of the "
							"replies.")));
		/* TRANSLATORS: a predicate for a plural subject, past tense: "[None of the nine Member States] answered the question". */
		return framed(r, tq, narrate_count(&b, 0, _("answered the question"), NARRATE_CAPITAL));
	}
	char *sentence = drafted(r, tq);
	bool choices = (tq->q->kind == FORM_SELECT_ONE || tq->q->kind == FORM_SELECT_MULTIPLE) &&
		       tq->q->list;	/* their sentences frame themselves */
	return choices ? sentence : framed(r, tq, sentence);
}

/* The sentence of a question that some answered, by its kind. */
static char *drafted(struct report *r, const struct tally_question *tq)
{
	switch (tq->q->kind) {
	case FORM_SELECT_ONE:
		return tq->q->list ? select_one_sentence(r, tq) : text_sentence(r, tq);
	case FORM_SELECT_MULTIPLE:
		return tq->q->list ? select_multiple_sentence(r, tq) : text_sentence(r, tq);
	case FORM_RANK:
		return rank_sentence(r, tq);
	case FORM_INTEGER:
	case FORM_DECIMAL:
	case FORM_RANGE:
		return numeric_sentence(r, tq);
	case FORM_DATE:
	case FORM_DATETIME:
		return date_sentence(r, tq);
	default:
		return text_sentence(r, tq);
	}
}

/* The title of TQ's table or figure: "Year of adoption (question 2.3)". */
static char *caption_title(const struct report *r, const struct tally_question *tq)
{
	/* TRANSLATORS: a table's or figure's title: a question's label, then its number ("2.3"). */
	return g_strdup_printf(_("%s (question %s)"), form_label(r->form, tq->q, r->lang),
			       tq->q->number);
}

/* Notes, charts */

/*
 * The note on source and base under TQ's table or FIGURE, the one
 * wording of what its figures are of: "Source: replies to question 4.8.
 * The question applied to 7 of the 9 replying Member States. ...".  A
 * figure's leaves out what the chart's own note says after it (that
 * several answers were allowed and what each share is of; the unit).
 */
static char *source_note(const struct report *r, const struct tally_question *tq, bool figure)
{
	GString *s = g_string_new(NULL);
	/* TRANSLATORS: a note under a table or figure; %s is a question's number ("4.8"). */
	g_string_printf(s, _("Source: replies to question %s."), tq->q->number);
	unsigned long n = tq->answered;
	if (tq->not_applicable) {
		g_string_append_c(s, ' ');
		/*
		 * TRANSLATORS: the first number is of the Member States the question
		 * applied to, the second of all those that replied.
		 */
		g_string_append_printf(s, P_("The question applied to %lu of the %lu replying "
					     "Member State.",
					     "The question applied to %lu of the %lu replying "
					     "Member States.", r->tally->included),
				       tq->base, r->tally->included);
	}
	bool several = tq->q->kind == FORM_SELECT_MULTIPLE;
	if (tq->counts && tq->q->kind != FORM_RANK && !(figure && several)) {
		g_string_append_c(s, ' ');
		if (several)
			/* TRANSLATORS: the shares (percentages) of a question's table or chart. */
			g_string_append_printf(s, P_("Shares are of the %lu Member State that "
						     "answered; several answers were allowed, so "
						     "they may add up to more than 100%%.",
						     "Shares are of the %lu Member States that "
						     "answered; several answers were allowed, so "
						     "they may add up to more than 100%%.", n), n);
		else
			/* TRANSLATORS: the shares (percentages) of a question's table or chart. */
			g_string_append_printf(s, P_("Shares are of the %lu Member State that "
						     "answered.",
						     "Shares are of the %lu Member States that "
						     "answered.", n), n);
	} else if (tq->numbers) {
		const char *unit = form_question_unit(r->form, tq->q, r->lang);
		g_string_append_c(s, ' ');
		/* TRANSLATORS: the figures (numbers given as answers) in a question's table. */
		g_string_append_printf(s, P_("The figures are those of the %lu Member State that "
					     "answered.",
					     "The figures are those of the %lu Member States that "
					     "answered.", n), n);
		if (unit && !figure) {
			if (strcmp(unit, "%") == 0)
				/* TRANSLATORS: the unit "%" in words, as in "Unit: per cent." */
				unit = _("per cent");
			g_string_append_c(s, ' ');
			/* TRANSLATORS: %s is the unit of the figures given ("days", "per cent"). */
			g_string_append_printf(s, _("Unit: %s."), unit);
		}
	}
	return g_string_free(s, FALSE);
}

/* The chart the definition asks for, or the default type for the question. */
static enum chart_type chart_type_for(const struct tally_question *tq, const struct rdef_chart *opt)
{
	enum chart_type type;
	if (opt && opt->type && chart_type_from_name(opt->type, &type))
		return type;	/* checked against the question when the report began */
	return qchart_default_type(tq->q, tq->answered, false);
}

/* Adds TQ's chart; false when it has none, or none that fits on a page. */
static bool add_chart(struct report *r, const struct tally_question *tq)
{
	const struct rdef_chart *opt = rdef_chart(r->def, form_question_key(tq->q));
	if ((opt && opt->type && strcmp(opt->type, "none") == 0) || tq->answered == 0)
		return false;
	bool choices = tq->counts && tq->q->kind != FORM_RANK;
	bool numbers = tq->numbers && tq->answered >= 2;
	if (!choices && !numbers)
		return false;
	struct qchart_options o = report_chart_options(r);
	if (opt && opt->label && strcmp(opt->label, "percent") == 0)
		o.label = CHART_LABEL_PERCENT;
	char *title = caption_title(r, tq), *note = source_note(r, tq, true);
	bool added = report_add_chart(r, qchart_question(r->tally, tq, chart_type_for(tq, opt), &o),
				      title, note, true);
	g_free(title);
	g_free(note);
	return added;
}

/* Tables */

static void count_row(struct doc_table *t, const char *label, unsigned long k, unsigned long n,
		      bool share, bool bold)
{
	char *count = g_strdup_printf("%lu", k);
	char *pct = share ? figure_percent(k, n) : g_strdup("");
	doc_table_row(t, (const char *[]){ label, count, pct }, bold);
	g_free(count);
	g_free(pct);
}

static void choice_table(struct report *r, const struct tally_question *tq)
{
	struct doc_table *t = doc_table_new(3, (double[]){ 0.64, 0.18, 0.18 });
	doc_table_align(t, 1, DOC_RIGHT);
	doc_table_align(t, 2, DOC_RIGHT);
	/* TRANSLATORS: a question's table: its answers, how many gave each, and its share. */
	doc_table_header(t, (const char *[]){ _("Answer"), _("Member States"), _("Share") });
	for (size_t c = 0; c < tq->n_choices; c++)
		count_row(t, form_choice_label(r->form, choice_at(tq, c), r->lang), tq->counts[c],
			  tq->answered, true, false);
	/* TRANSLATORS: the last rows of a question's table, each with a number of Member States. */
	count_row(t, _("Answered the question"), tq->answered, tq->answered, false, true);
	if (tq->no_answer)
		count_row(t, _("Did not answer"), tq->no_answer, 0, false, false);
	if (tq->not_applicable)
		count_row(t, _("Question did not apply"), tq->not_applicable, 0, false, false);
	doc_table(r->doc, t);
}

static void numeric_table(struct report *r, const struct tally_question *tq)
{
	const struct stats_numeric *s = &tq->summary;
	struct doc_table *t = doc_table_new(7, NULL);
	for (size_t c = 0; c < 7; c++)
		doc_table_align(t, c, DOC_RIGHT);
	/*
	 * TRANSLATORS: the headers of the table of a question's figures:
	 * "Answered" heads the number of Member States that gave a figure.
	 */
	doc_table_header(t, (const char *[]){ _("Answered"), _("Minimum"), _("Lower quartile"),
					      _("Median"), _("Upper quartile"), _("Maximum"),
					      _("Mean") });
	char *cells[7];
	cells[0] = g_strdup_printf("%.0f", s->n);
	double v[] = { s->min, s->q1, s->median, s->q3, s->max, s->mean };
	for (size_t i = 0; i < 6; i++)
		cells[i + 1] = figure_number(v[i]);
	doc_table_row(t, (const char *const *)cells, false);
	for (size_t i = 0; i < 7; i++)
		g_free(cells[i]);
	doc_table(r->doc, t);
}

static void rank_table(struct report *r, const struct tally_question *tq)
{
	struct doc_table *t = doc_table_new(3, (double[]){ 0.64, 0.18, 0.18 });
	doc_table_align(t, 1, DOC_RIGHT);
	doc_table_align(t, 2, DOC_RIGHT);
	/*
	 * TRANSLATORS: the headers of a ranking question's table: the options,
	 * their mean rank, how many Member States ranked each first.
	 */
	doc_table_header(t, (const char *[]){ _("Option"), _("Mean rank"), _("Ranked first") });
	for (size_t c = 0; c < tq->n_choices; c++) {
		char *mean = figure_number(tally_mean_rank(tq, c));
		char *first = g_strdup_printf("%lu", tq->firsts[c]);
		doc_table_row(t, (const char *[]){ form_choice_label(r->form, choice_at(tq, c), r->lang),
						   mean, first }, false);
		g_free(mean);
		g_free(first);
	}
	doc_table(r->doc, t);
}

static void add_table(struct report *r, const struct tally_question *tq)
{
	if (tq->answered == 0 || (!tq->counts && !tq->numbers))
		return;
	char *title = caption_title(r, tq);
	report_table_caption(r, title);
	g_free(title);
	if (tq->counts && tq->q->kind == FORM_RANK)
		rank_table(r, tq);
	else if (tq->counts)
		choice_table(r, tq);
	else if (tq->numbers)
		numeric_table(r, tq);
	else
		return;
	char *note = source_note(r, tq, false);
	doc_note(r->doc, note);
	g_free(note);
}

/*
 * What the body shows of a question besides its paragraph, once: a chart
 * or a table, whichever reads better, never both unless asked.
 *   - nothing answered, a text or a date: the paragraph alone (answers to
 *     texts are in an annex);
 *   - a rank: its table (mean rank and firsts do not fit a bar);
 *   - choices: a chart for 2 to REPORT_CHART_MAX_CHOICES choices answered
 *     by REPORT_CHART_MIN_ANSWERS States or more; a table for longer lists,
 *     which a table sets in less room, and for fewer States, whose few
 *     counts a chart would only spread out;
 *   - numbers: the table of their summary (count, quartiles, extremes and
 *     mean in one row, which the sentence cannot all hold and a chart
 *     would not show); show = chart or both draws their dot plot or
 *     histogram.
 * The definition's show (chart, table, both, text) overrides the rule; a
 * chart type it names (type = bar) asks for the chart, and type = none
 * means no chart.  A chart taller than a page is shown as its
 * table instead, so that nothing runs off the page.
 */
#define REPORT_CHART_MAX_CHOICES 12
#define REPORT_CHART_MIN_ANSWERS 5

enum show {
	SHOW_TEXT = 0,
	SHOW_CHART = 1,
	SHOW_TABLE = 2,
	SHOW_BOTH = SHOW_CHART | SHOW_TABLE,
};

static enum show show_for(const struct report *r, const struct tally_question *tq)
{
	const struct rdef_chart *opt = rdef_chart(r->def, form_question_key(tq->q));
	bool no_chart = opt && opt->type && strcmp(opt->type, "none") == 0;
	enum show show;
	if (opt && opt->show)
		show = strcmp(opt->show, "chart") == 0 ? SHOW_CHART
		       : strcmp(opt->show, "table") == 0 ? SHOW_TABLE
		       : strcmp(opt->show, "both") == 0 ? SHOW_BOTH : SHOW_TEXT;
	else if (tq->answered == 0)
		show = SHOW_TEXT;
	else if (opt && opt->type && !no_chart)
		show = SHOW_CHART;	/* a chart type asked for is a chart wanted */
	else if (tq->counts && tq->q->kind == FORM_RANK)
		show = SHOW_TABLE;
	else if (tq->counts)
		show = tq->n_choices >= 2 && tq->n_choices <= REPORT_CHART_MAX_CHOICES &&
				       tq->answered >= REPORT_CHART_MIN_ANSWERS
			       ? SHOW_CHART : SHOW_TABLE;
	else if (tq->numbers)
		show = SHOW_TABLE;
	else
		show = SHOW_TEXT;
	if (no_chart && (show & SHOW_CHART))
		show = SHOW_TABLE;
	return show;
}

void report_question(struct report *r, const struct tally_question *tq)
{
	const char *key = form_question_key(tq->q);
	char *sentence = sentence_for(r, tq);
	char *figures = report_paragraph_figures(tq);
	report_paragraph_before(r, key);
	char *number = report_next_number(r);
	report_cite(r, key);
	enum show show = show_for(r, tq);
	/*
	 * Loose: a long chart or table may start at a page's foot, under its
	 * paragraph and caption, and go on over the next page, rather than
	 * leave half a page empty; a short one stays whole with them.
	 */
	doc_group_begin_loose(r->doc);
	const char *text = report_paragraph_text(r, key, sentence ? sentence : "", figures);
	doc_paragraph(r->doc, number, text == sentence ? report_drafted(r, sentence) : text);
	report_paragraph_footnote(r, key);
	g_free(figures);
	if ((show & SHOW_CHART) && !add_chart(r, tq))
		show |= SHOW_TABLE;
	if (show & SHOW_TABLE)
		add_table(r, tq);
	doc_group_end(r->doc);
	report_paragraph_after(r, key);
	g_free(number);
	g_free(sentence);
}
