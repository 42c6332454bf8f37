/* qchart.h - the chart of a question, a crosstab or the replies' arrival, from the tally */
#ifndef QUIRE_QCHART_H
#define QUIRE_QCHART_H

#include <stdbool.h>
#include <glib.h>

#include "chart.h"

struct analysis;
struct form_question;
struct tally;
struct tally_question;

/*
 * The one piece that turns figures into chart models (chart.h): quire
 * chart and the report both build their charts here, from the tally's
 * counts and bases and the analysis set's dates, so a chart shows what
 * every other output shows, and its words -- title, base, notes -- are
 * written once.  A chart's base states what its figures are out of: the
 * States that answered, and of how many replying; a crosstab chart's bars
 * are out of each group's States that answered (never its ticks).
 */

/* qchart_check_type()'s errors. */
#define QCHART_ERROR (qchart_error_quark())
GQuark qchart_error_quark(void);
enum qchart_error {
	QCHART_ERROR_KIND,	/* the question is not one a chart can show */
	QCHART_ERROR_TYPE,	/* the type does not suit the question (numbers vs choices) */
	QCHART_ERROR_NEEDS_BY,	/* stacked or grouped without a breakdown */
	QCHART_ERROR_NOT_BY,	/* a breakdown asked of a type that shows none */
	QCHART_ERROR_ADDS_UP,	/* a 100% type for a select_multiple, whose shares do not add up */
	QCHART_ERROR_TOO_MANY,	/* a pie or donut for more than CHART_PIE_MAX choices */
};

/*
 * Whether charts of TYPE can show question Q (broken down by another
 * variable when BY).  Returns false and sets ERROR when they cannot.  The
 * message of QCHART_ERROR_KIND is a sentence of its own ("'comments' is a
 * text question; ..."); every other message continues the type's name
 * ("[a pie] shows at most 6 choices and 'q' has 12; use bar"), so the
 * caller says how the type was asked for.
 */
bool qchart_check_type(enum chart_type type, const struct form_question *q, bool by,
		       GError **error);

/* The type drawn when none is asked for: ANSWERED States answered Q. */
enum chart_type qchart_default_type(const struct form_question *q, unsigned long answered, bool by);

/* How the charts read. */
struct qchart_options {
	int lang;			/* of the form's labels */
	enum chart_label label;		/* "7 of 9" or "78%" */
	const char *singular, *plural;	/* unused: qchart says "Member State(s)" itself */
	/*
	 * The replies the figures leave out, for a note ("2 replies received
	 * after 30 June 2019 are not included."); NULL for no such note (the
	 * report says it in its text).
	 */
	const struct analysis *analysis;
};

/*
 * A chart of TQ of tally T: bars, a pie or a donut of its choices, or a
 * histogram or dot plot of its numbers, as TYPE says (qchart_check_type()
 * must have accepted it).  Free with chart_free().
 */
struct chart *qchart_question(const struct tally *t, const struct tally_question *tq,
			      enum chart_type type, const struct qchart_options *o);

/*
 * A chart of TQ's crosstab (stacked or grouped bars), one series per
 * group with any answer, each out of the group's States that answered.
 * BY_NAME names the variable in the base line ("region", "the answer to
 * question 2.1").  NULL when TQ has no crosstab.
 */
struct chart *qchart_crosstab(const struct tally *t, const struct tally_question *tq,
			      enum chart_type type, const char *by_name,
			      const struct qchart_options *o);

/*
 * The replies received over time: the included and the late ones, with
 * the cut-off.  MEMBERS is the number of States on the roster on the
 * membership date, or -1 without a roster.
 */
struct chart *qchart_timeline(const struct analysis *a, long members,
			      const struct qchart_options *o);

#endif
