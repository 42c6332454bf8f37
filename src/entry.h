/* entry.h - the logic of interactive entry: walking a form, reading typed answers */
#ifndef QUIRE_ENTRY_H
#define QUIRE_ENTRY_H

#include <stdbool.h>
#include <glib.h>

struct form;
struct form_question;
struct resp_reply;
struct resp_eval;

/*
 * quire enter asks a person for one reply, a step at a time.  This module
 * is everything it does but the terminal, so it can be tested without one.
 *
 * Steps are numbered.  The first ENTRY_N_META are the metadata prompts
 * (the date the reply was received, the channel, who entered it); step
 * ENTRY_N_META + i is question i of the form.  A step is shown when it is
 * a metadata prompt, or a question that applies to the answers so far and
 * is asked (not a calculate or a metadata question such as "start"), or a
 * note that applies.  Notes are shown but take no answer.
 *
 * An entry edits a reply it borrows.  The rules that keep the reply valid:
 *
 *   - a typed answer is taken only if it is well formed, meets its
 *     constraint (with the other answers as they are) and, when the
 *     question is required, is not empty (entry_resolve);
 *   - after an answer changes, every answer that no longer applies, and
 *     every answer that met its constraint before and no longer does, is
 *     removed (entry_set), so a later question is asked again rather than
 *     kept wrong;
 *   - required questions not answered yet are counted by entry_missing,
 *     for the caller to mark the reply _incomplete while there are any.
 *
 * Answers that were already not valid when the reply was read are left
 * for the person to correct when the walk reaches them: their default is
 * refused until it is replaced or the question skipped.
 */

enum {
	ENTRY_SUBMITTED,	/* _submitted: a date, required, default today */
	ENTRY_CHANNEL,		/* _channel: free text, with common ones by number */
	ENTRY_ENTERED_BY,	/* _entered_by: free text */
	ENTRY_N_META,
};

struct entry {
	const struct form *form;	/* borrowed */
	struct resp_reply *reply;	/* borrowed, edited in place */
	struct resp_eval *ev;	/* always run on REPLY's current answers */
	int lang;
	int today;		/* for _submitted; honours SOURCE_DATE_EPOCH */
};

/* A new entry editing REPLY, an answer to FORM; texts in language LANG. */
struct entry *entry_new(const struct form *form, struct resp_reply *reply, int lang);
void entry_free(struct entry *e);

/* ENTRY_N_META + the number of questions: one past the last step. */
int entry_n_steps(const struct entry *e);
/* The question of STEP, or NULL for a metadata step. */
const struct form_question *entry_question(const struct entry *e, int step);
/* The step of the question or metadata field ("_submitted") named NAME, or -1. */
int entry_find(const struct entry *e, const char *name);
/* The reply field STEP edits: "_submitted", "law_year", ... */
const char *entry_name(const struct entry *e, int step);

/* Whether STEP is shown now (see above), and whether it takes an answer. */
bool entry_shown(const struct entry *e, int step);
bool entry_asks(const struct entry *e, int step);
/* The first shown step after STEP (-1: from the start); entry_n_steps() at the end. */
int entry_next(const struct entry *e, int step);
/* The last step before STEP that takes an answer, or -1 when there is none. */
int entry_prev(const struct entry *e, int step);

/* The current answer of STEP, borrowed from the reply; NULL when unanswered. */
const char *entry_value(const struct entry *e, int step);
/*
 * What an empty line means at STEP: the current answer; else the form's
 * default for the question when it is a valid answer; else, for
 * _submitted, today.  Returns a new string, or NULL when there is none.
 */
char *entry_default(const struct entry *e, int step);

/* What a typed line asks for. */
enum entry_command {
	ENTRY_TEXT,		/* an answer, or an empty line */
	ENTRY_SKIP,		/* "-": leave the question unanswered */
	ENTRY_BACK,		/* "<": the previous question */
	ENTRY_HELP,		/* "?" */
	ENTRY_QUIT,		/* "q": save and quit */
};

/*
 * Reads LINE (without its newline; a trailing CR is ignored), trimmed of
 * blanks.  "-", "<", "?" and "q" (or "Q") alone are commands; anything
 * else is text, and a leading backslash is dropped so "\q" answers "q".
 * For ENTRY_TEXT, *TEXT gets the trimmed text (new; "" for an empty line).
 */
enum entry_command entry_read_line(const char *line, char **text);

/*
 * Reads TEXT, as a person types it, as an answer to Q: one choice by its
 * number in the list (as shown) or by its name (case is ignored when that
 * is unambiguous); several, for select_multiple and rank, separated by
 * blanks or commas, with "N-M" for a run of numbers; integers, numbers,
 * dates, times as resp_value_problem() accepts them; "OK" (or "y") to
 * acknowledge; any other text as typed.  Returns the value as a reply
 * stores it -- choice names, select_multiple in list order, rank in the
 * order typed, integers without leading zeros or '+' -- or NULL with
 * *ERROR set to a message for the person.  Both are new strings.  A
 * message quotes what was typed as msg_value() does: shortened, with
 * control characters escaped.
 */
char *entry_parse(const struct entry *e, const struct form_question *q, const char *text,
		  char **error);
/*
 * The choices of Q's list its choice_filter offers for the current
 * answers, all of them without one: a new array of borrowed choices, in
 * list order.  entry_parse() numbers choices as this array does.
 */
GPtrArray *entry_choices(const struct entry *e, const struct form_question *q);

/*
 * Works out the new answer at STEP.  TEXT is what was typed: NULL for
 * "-", "" for an empty line (the default), otherwise read by entry_parse
 * (metadata: a date for _submitted, a number from entry_channels or any
 * text for _channel).  The answer must be well formed, meet the question's
 * constraint with the other answers as they are, and be given when the
 * question is required.  Returns 0 with *VALUE set (new; NULL for no
 * answer), or -1 with *ERROR set to the message to show, the form's
 * constraint or required message when it has one.
 */
int entry_resolve(struct entry *e, int step, const char *text, char **value, char **error);

/* Why entry_set() or entry_prune() removed an answer. */
enum entry_why {
	ENTRY_NOT_APPLICABLE,	/* its question no longer applies */
	ENTRY_BROKEN,		/* it no longer meets its constraint or choice_filter */
};

struct entry_removed {
	const struct form_question *q;
	char *value;		/* the answer that was removed */
	enum entry_why why;
};

/* A new array for entry_set() and entry_prune() to report removals into. */
GPtrArray *entry_removed_new(void);

/*
 * Sets the answer of STEP to VALUE (NULL removes it), then removes every
 * answer that no longer applies, and every answer that met its constraint
 * (and choice_filter) before and no longer does, until none is left; each removal is appended
 * to REMOVED.  Returns whether the reply changed.
 */
bool entry_set(struct entry *e, int step, const char *value, GPtrArray *removed);

/*
 * Removes the answers to questions that do not apply (a reply written by
 * hand may have them), appending each to REMOVED.  Returns how many.
 */
int entry_prune(struct entry *e, GPtrArray *removed);

/*
 * Whether the answer of question step STEP is not valid as it stands
 * (malformed, not a choice, or breaking its constraint).  Returns NULL
 * when it is valid or unanswered, otherwise a new message.
 */
char *entry_problem(struct entry *e, int step);

/*
 * How many questions that apply are required and not answered yet; each
 * is appended to MISSING (struct form_question *, borrowed) unless NULL.
 */
int entry_missing(const struct entry *e, GPtrArray *missing);
/* How many questions have an answer. */
int entry_n_answered(const struct entry *e);

/* The usual channels of a reply, offered by number at the _channel prompt; NULL-terminated. */
extern const char *const entry_channels[];

/*
 * For people: VALUE of Q as shown -- choices as "1) Yes", several joined
 * by ", ", or only their numbers ("1 2 7", as typed) when that text would
 * be longer than MAX characters (0: no limit) -- or VALUE itself.  A new
 * string.
 */
char *entry_value_text(const struct entry *e, const struct form_question *q, const char *value,
		       long max);

/*
 * An expression as a person reads it: each ${name} becomes the question's
 * number, and '.' "the answer" ("${has_law} = 'yes'" -> "1.1 = 'yes'",
 * ". >= 1970" -> "the answer >= 1970").  A new string.
 */
char *entry_condition_text(const struct form *form, const char *expr);

/* How to answer Q, in a few words ("a whole number"), as a new string; NULL for text and single choices. */
char *entry_kind_hint(const struct form_question *q);

/* The number Q is shown with: its own, or its select's for "<select>_other"; NULL if none. */
const char *entry_number(const struct form *form, const struct form_question *q);

#endif
