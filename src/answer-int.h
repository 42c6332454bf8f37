/* answer-int.h - what the answer workbook's writer and its rules share */
#ifndef QUIRE_ANSWER_INT_H
#define QUIRE_ANSWER_INT_H

#include <stdbool.h>
#include <glib.h>

#include "form.h"

struct form;
struct form_question;

/* The most characters a cell holds (Excel's limit), less than a reply's RESP_ANSWER_MAX. */
#define ANSWER_CELL_MAX 32767

/* Columns of the "Reply" sheet (0-based). */
enum answer_column {
	ANSWER_COL_NUMBER,	/* A: "1.2", "1.2 a" */
	ANSWER_COL_QUESTION,	/* B: the label */
	ANSWER_COL_ANSWER,	/* C: the answer cell */
	ANSWER_COL_APPLIES,	/* D: when it applies, in words */
	ANSWER_COL_HOW,		/* E: the hint, and how to answer */
};

/* Labels the reader finds rows by, when the hidden sheet or the row numbers fail it. */
#define ANSWER_LABEL_SUBMITTED "Date of this reply"
#define ANSWER_LABEL_NOTE "A note to the Secretariat (optional)"
#define ANSWER_LABEL_STATE "State"
#define ANSWER_LABEL_FORM "Questionnaire"
#define ANSWER_HEADING_NUMBER "No."
#define ANSWER_HEADING_ANSWER "Your answer"

/*
 * Where each answer goes: the 0-based row of question I's answer cell
 * (-1 for a question the workbook does not ask), and for a
 * select_multiple the row of each choice, in list order.
 */
struct answer_cells {
	const struct form *form;
	int lang;
	long *row;		/* [n_questions] */
	long **choice_row;	/* [n_questions], NULL but for select_multiple */
};

/*
 * What the header block says of the form in the row ANSWER_LABEL_FORM:
 * "mini, version 2019050101", or the id alone.  Returns a new string.
 */
char *answer_form_line(const struct form *form);

/*
 * The Excel formula that is true when Q does not apply (its relevant and
 * those of its groups, all false), for the grey "not applicable" fill,
 * without the leading '='; NULL when one of them cannot be said as a
 * formula of the answer cells.  Returns a new string.
 */
char *answer_rule_skip_formula(const struct answer_cells *cells, const struct form_question *q);

/*
 * The label of Q, and of choice CH, in LANG as the workbook shows them and
 * reads them back: a ${name} in it said as phrase_text() says it.
 * Return new strings.
 */
char *answer_label(const struct form *form, const struct form_question *q, int lang);
char *answer_choice_label(const struct form *form, const struct form_choice *ch, int lang);

/* The longest text answer B allows: its max_length, or ANSWER_CELL_MAX. */
long answer_rule_max_length(const struct form_bounds *b);

/*
 * How to answer Q, within bounds B, for the column "How to answer" and
 * the input message: "A whole number from 1970 to 2019", "A whole number
 * from 1 to 1000 (unit: days)" (UNIT, NULL for none), "Choose one answer
 * from the list (required)".  Returns a new string.
 */
char *answer_rule_how(const struct form_question *q, const struct form_bounds *b,
		      const char *unit);

#endif
