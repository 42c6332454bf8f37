/* phrase.h - a form's skip logic and constraints said in words, for the people who answer it */
#ifndef QUIRE_PHRASE_H
#define QUIRE_PHRASE_H

#include <stdbool.h>

#include "form.h"

/*
 * The printed questionnaire, the answer sheet and the answer workbook
 * tell a delegate when a question applies and what its answer must be.
 * They say it here, once: in words, with questions named by number and
 * choices by their label in LANG, in typographic quotes, never as an
 * expression.  Texts are phrases without a capital or a full stop, for
 * the caller to frame ("Answer only if %s.").
 *
 * What cannot be said in words -- arithmetic, a function other than those
 * below, a calculation's value -- is shown readably instead: the
 * expression with numbers in place of names and labels in place of
 * choice names ("2.1 * 2 > 10"), and *SAID is set false (it is left
 * alone otherwise), so that quire check can list such rows.
 */

/*
 * When Q is to be answered: its relevant and those of the groups around
 * it, outermost first, joined by "and".  For example
 *   ${has_law} = 'yes'              you answered “Yes” to 1.1
 *   ${has_law} != 'yes'             you did not answer “Yes” to 1.1
 *   selected(${offences}, 'fines')  you ticked “Fines” at 3.6
 *   not(selected(${o}, 'none'))     you did not tick “None” at 3.6
 *   ${age} >= 18                    your answer to 2.1 is 18 or more
 *   ${x} != ''                      you answered 2.1
 *   count-selected(${o}) > 1        you ticked more than one choice at 3.6
 * Returns a new string, or NULL when Q is always asked.
 */
char *phrase_applies(const struct form *form, const struct form_question *q, int lang,
		     bool *said);

/*
 * As phrase_applies(), Q's own relevant only, for a page whose headings
 * say the conditions of the groups (phrase_group_applies()): a printed
 * part says its condition once, not under each question.
 */
char *phrase_applies_own(const struct form *form, const struct form_question *q, int lang,
			 bool *said);

/* G's own relevant in words (FIRST, its first question, reads it), or NULL when it has none. */
char *phrase_group_applies(const struct form *form, const struct form_group *g,
			   const struct form_question *first, int lang, bool *said);

/*
 * What Q's answer must be: the form's constraint_message in LANG when it
 * has one, else its constraint said in words ("a whole number from 1990
 * to 2019", "a date not after today", "at most 3 choices", "“None” and
 * no other choice, or other choices without “None”").  Returns a new
 * string, or NULL when Q has no constraint.
 */
char *phrase_constraint(const struct form *form, const struct form_question *q, int lang,
			bool *said);

/*
 * Bounds B of Q (form_question_bounds()) said in words, as
 * phrase_constraint() says them: "a whole number from 1990 to 2019", "a
 * number more than 0 and 100 or less", "a date not after today", "at most
 * 500 characters".  Returns a new string, or NULL when B bounds nothing.
 */
char *phrase_bounds(const struct form_question *q, const struct form_bounds *b);

/*
 * EXPR (compiled for Q, whose '.' it may read) shown readably: ${name}
 * as the question's number (or its name when it has none), '.' as
 * "the answer", a literal compared with a select as the choice's label.
 * The fallback of the two above, for callers that show an expression
 * whole.  Returns a new string.
 */
char *phrase_readable(const struct form *form, const struct form_question *q,
		      const struct expr *expr, int lang);

/*
 * TEXT (a label, a hint, a message) as shown to the person answering, on
 * paper or in a workbook, where no answer can be filled in: a ${name} it
 * shows becomes "[your answer to 2.1]", or "[…]" for a question without a
 * number (a calculation).  Returns a new string; NULL for NULL.
 */
char *phrase_text(const struct form *form, const char *text);

#endif
