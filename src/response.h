/* response.h - replies: one respondent's answers to a form */
#ifndef QUIRE_RESPONSE_H
#define QUIRE_RESPONSE_H

#include <stdbool.h>
#include <stdio.h>
#include <glib.h>

#include "msg.h"

struct form;
struct form_question;
struct form_choice;

/*
 * A reply file is a long CSV (DESIGN §1): header "name,value" (other
 * columns are ignored), metadata rows whose names start with '_', then one
 * row per answered question.  A select_multiple value is its choice names
 * separated by spaces.  An empty value or an absent row means unanswered.
 *
 * A struct resp_reply owns its strings.  Values are indexed like the
 * form's questions; NULL means unanswered.
 */

enum resp_meta {
	RESP_RESPONDENT,	/* "_respondent": the roster code (required) */
	RESP_SUBMITTED,		/* "_submitted": ISO date the reply was received (required) */
	RESP_CHANNEL,		/* "_channel": note verbale, e-mail, ... */
	RESP_ENTERED_BY,	/* "_entered_by" */
	RESP_FORM_VERSION,	/* "_form_version" */
	RESP_NOTE,		/* "_note" */
	/*
	 * "_incomplete": any non-empty value marks a reply whose entry is not
	 * finished (quire enter sets it while a required answer is missing).
	 * resp_check() then reports missing required answers as warnings, so a
	 * half-entered reply still validates; every other check still applies.
	 */
	RESP_INCOMPLETE,
	RESP_N_META,
};

struct resp_reply {
	const struct form *form;	/* borrowed */
	char *file;		/* where it was read from, for messages; NULL if new */
	char *meta[RESP_N_META];	/* NULL when absent */
	long meta_row[RESP_N_META];	/* file row of each metadata value, 0 if none */
	char **values;		/* [n_questions] */
	long *rows;		/* [n_questions]: file row of each answer, 0 if none */
	long row;		/* for a row of a wide export: its row; 0 for a reply file */
	/*
	 * For a reply read from a sheet cell by cell (an answer workbook): the
	 * sheet, and the column (0-based) that holds the answers, so that
	 * messages name the cell ("Reply!C14").  NULL for a reply file.
	 */
	char *sheet;
	unsigned column;
	/*
	 * Set by readers that lend their buffers (wide_next): VALUES and META
	 * then point into the reader's memory, valid until its next call.  The
	 * setters copy everything first, so a borrowed reply can be edited.
	 */
	bool borrowed;
};

/* A new empty reply to FORM; free with resp_free(). */
struct resp_reply *resp_new(const struct form *form);
void resp_free(struct resp_reply *r);
/* Removes every value and metadata field (FILE stays). */
void resp_clear(struct resp_reply *r);

/* Sets (a copy of) VALUE as the answer to question Q; NULL or "" clears it. */
void resp_set(struct resp_reply *r, int q, const char *value);
void resp_set_meta(struct resp_reply *r, enum resp_meta m, const char *value);

/* "_respondent", "_submitted", ... */
const char *resp_meta_name(enum resp_meta m);
/* The metadata field named NAME ("_note"), or -1. */
int resp_meta_find(const char *name);

/*
 * Where ROW of R is, for a message: "FILE:ROW", or "FILE:Reply!C14" for a
 * reply read from a sheet cell by cell, or "FILE" when ROW is 0 (NULL
 * when R has no file).  Every
 * message about a reply's rows names it this way, through the functions
 * below.  Returns a new string.
 */
char *resp_where(const struct resp_reply *r, long row);
/* ROW of R inside a message: "row 14", or "Reply!C14".  Returns a new string. */
char *resp_where_row(const struct resp_reply *r, long row);
/* Prints "quire:WHERE: MESSAGE", WHERE as resp_where() says it.  Returns -1. */
int resp_error_at(const struct resp_reply *r, long row, const char *fmt, ...)
	MSG_PRINTF(3, 4);
/* Prints "quire:WHERE: warning: MESSAGE". */
void resp_warn_at(const struct resp_reply *r, long row, const char *fmt, ...) MSG_PRINTF(3, 4);

/*
 * Reads the reply file PATH: a CSV, an answer workbook (answer.h, quire
 * blank --format xlsx) read through its hidden sheet, with _channel
 * "workbook", or another workbook (workbook.h) whose first sheet is read
 * as the CSV it would be (a delegate's answer sheet saved as .xlsx); a
 * workbook is named in messages "PATH[sheet]".  Returns NULL after reporting why when the
 * file cannot be read as a reply at all (unreadable, bad CSV, no "name"
 * and "value" columns).  Otherwise returns the reply, having reported each
 * row it could not take -- an unknown name (with a "did you mean"), an
 * unknown metadata field, an answer given twice, an answer to a note -- and
 * added their number to *PROBLEMS.
 */
struct resp_reply *resp_read(const struct form *form, const char *path, int *problems);

/*
 * Whether PATH is a reply file: an answer workbook, or a CSV or workbook
 * whose first row is a reply header ("name" and "value").
 */
bool resp_is_reply_file(const char *path);

/*
 * Writes R in the long format: header, the metadata present (in the order
 * of enum resp_meta), then the answers in form order.  resp_write() writes
 * PATH atomically (see atomic.h) and returns 0 or -1 after reporting.  A
 * reply file is never writable by group or others; one that is replaced
 * otherwise keeps its mode.
 */
int resp_write(const struct resp_reply *r, const char *path);
/*
 * As resp_write(), for many files: the sync and rename wait for
 * atomic_flush() (see atomic.h).
 */
int resp_write_later(const struct resp_reply *r, const char *path);
/* Writes to FP; returns false on a write error. */
bool resp_write_stream(const struct resp_reply *r, FILE *fp);

/*
 * An answer as the validator read it.  resp_check() fills one for each
 * answer it finds well formed, so that what reads replies after it (the
 * tally) takes the choices, number or day from here and parses nothing
 * again.
 */
struct resp_read {
	bool ok;		/* read, well formed and within its constraint in the last resp_check() */
	const char *text;	/* the value read (resp_value_read() succeeded), or NULL */
	double number;		/* integer, decimal, range */
	/*
	 * NUMBER was read from a plain decimal -- an optional '-', digits and
	 * at most one point -- so it is also what the expression evaluator's
	 * conversion of TEXT gives (expr_str_to_number()), which the
	 * evaluator then takes instead of converting again.
	 */
	bool plain;
	int day;		/* date, dateTime */
	const int *chosen;	/* choices: the N indexes in the list, in the value's order, in the reader's room */
	guint n;
};

/*
 * How many choice indexes reading Q's answer may write (resp_value_read()):
 * one per choice of its list.
 */
size_t resp_value_room(const struct form_question *q);

/*
 * Evaluation: which questions apply to a reply and what the calculations
 * give.  A struct resp_eval is made once per form and reused for every
 * reply; resp_eval_run() fills RELEVANT and VALUE for one set of answers.
 * VALUE[q] is the answer if Q is relevant and answered, the computed value
 * of a relevant calculate, and NULL otherwise (a non-relevant answer is
 * ignored, as ODK drops it).  Strings in VALUE are borrowed from ANSWERS
 * or from the evaluator and live until the next run.
 */
struct resp_eval {
	const struct form *form;
	bool *relevant;		/* [n_questions] */
	const char **value;	/* [n_questions] */
	struct resp_read *read;	/* [n_questions]: cleared by each run, filled by resp_check() */
	/*
	 * resp_eval_scope(): the questions evaluated and checked ([n_questions],
	 * closed by form_close_needed()), or NULL for all.  The others are left
	 * unread: not relevant, no value, not checked.
	 */
	const bool *scope;
	/*
	 * The choice indexes of this run's reads (struct resp_read's CHOSEN):
	 * N_CHOSEN taken of CHOSEN_CAP, grown by resp_eval_room() only.
	 */
	int *chosen;
	size_t n_chosen, chosen_cap;
	int submitted;		/* resp_check(): _submitted's day number; INT_MIN when missing or not a date */
	/* private */
	const char *self;	/* '.' while checking a constraint */
	int self_index;		/* its question's index */
	bool checking;		/* inside resp_check(): READ holds this reply's reads */
	signed char *group_state;	/* per group: -1 unknown, 0 not relevant, 1 relevant */
	GPtrArray *unknown_groups;	/* scratch for group_relevant() */
	GStringChunk *scratch;
	double today;
	double now;
	GRand *rand;		/* for random(), uuid(), randomize() */
	bool reproducible;	/* SOURCE_DATE_EPOCH is set: reseed RAND for each reply */
	bool too_long;		/* set by the evaluator (expr_env.too_long) */
	GArray *overlong;	/* struct resp_overlong: expressions that built too much */
	/*
	 * The relevants remembered by the texts they read (resp-eval.c), one
	 * per distinct relevant text; a question's or group's index into
	 * MEMOS, or -1 for one evaluated every time.
	 */
	struct resp_memo *memos;
	int *question_memo;	/* [n_questions] */
	int *group_memo;	/* [n_groups] */
	unsigned long relevants_evaluated;	/* not remembered, for the tests */
	unsigned long runs;	/* resp_eval_run()s, numbered from 1 */
};

struct resp_eval *resp_eval_new(const struct form *form);
/* Evaluates and checks (resp_check()) only the questions SCOPE marks from now on (NULL: all); borrowed. */
void resp_eval_scope(struct resp_eval *ev, const bool *scope);
void resp_eval_free(struct resp_eval *ev);
/* Evaluates relevance and calculations for ANSWERS ([n_questions], NULL = unanswered). */
void resp_eval_run(struct resp_eval *ev, char *const *answers);
/* Makes room for NEED more choice indexes (resp_eval_room()), moving this run's reads. */
void resp_eval_grow_room(struct resp_eval *ev, size_t need);
/*
 * Room for NEED more choice indexes of this run's reads, at EV->chosen +
 * EV->n_chosen; the caller adds what it took to N_CHOSEN.  Growing it
 * moves the reads already made (their CHOSEN), so they stay good.
 * Inline: every answer of a choice question asks.
 */
static inline int *resp_eval_room(struct resp_eval *ev, size_t need)
{
	if (ev->n_chosen + need > ev->chosen_cap)
		resp_eval_grow_room(ev, need);
	return ev->chosen + ev->n_chosen;
}
/* Whether VALUE satisfies Q's constraint (true when there is none), after a run. */
bool resp_eval_constraint(struct resp_eval *ev, const struct form_question *q, const char *value);
/*
 * Whether choice C of Q's list is offered for the answers of the last
 * run: Q's choice_filter holds for it (true when Q has none).
 */
bool resp_eval_offered(struct resp_eval *ev, const struct form_question *q,
		       const struct form_choice *c);
/* Whether Q is required for the answers of the last run. */
bool resp_eval_required(struct resp_eval *ev, const struct form_question *q);
/*
 * No expression builds a value longer than EXPR_MAX_STRING (expr.h): one
 * that would -- a calculation, a relevant, a constraint or a required --
 * gives "" instead.  This reports each such expression of the last run
 * (and of the constraints and requirements checked since) as a problem
 * of R, "quire:FILE:ROW: calculation of 'c21' (survey.csv row 23) makes a
 * value longer than 1048576 bytes, the most a value may hold", and returns
 * how many there were.  R holds the answers the run was given.
 */
int resp_eval_report(const struct resp_eval *ev, const struct resp_reply *r);

/*
 * The longest answer, in characters (Unicode code points), whatever the
 * question: a text of some 15,000 words, forty pages of the report's annex,
 * more than any reply a Rapporteur reads; and, at four bytes a character
 * at most, well within the field a CSV reader takes (CSVIO_MAX_FIELD, 1
 * MiB), so that every answer quire accepts, every command can read.
 */
#define RESP_ANSWER_MAX 100000

/*
 * Values.  What a well-formed answer is, and how it reads, is decided here
 * once: resp_value_problem() (and so resp_check() and quire validate) and
 * every reader of values -- the tally, export, entry -- go through these
 * functions, so no answer is accepted by one and refused by another.
 *
 * Whether VALUE is well formed for Q: at most RESP_ANSWER_MAX characters,
 * and a choice of its list (each choice for select_multiple and rank, none
 * repeated), an integer, a number, a date, a time, a step of a range
 * within its bounds ("'3' is not a step of 2 from 0").  Returns NULL when it is, otherwise a new message for the caller
 * to free, e.g. "'12a' is not an integer".  Values quoted in messages are
 * shortened (msg_value()).
 */
char *resp_value_problem(const struct form *form, const struct form_question *q,
			 const char *value);

/*
 * The decision resp_value_problem() words: whether VALUE is well formed
 * for Q.  Fills OUT with what it reads as, the choices written to ROOM,
 * which has resp_value_room(Q) ints for them; OUT->ok is left to the
 * caller.
 */
bool resp_value_read(const struct form_question *q, const char *value, struct resp_read *out,
		     int *room);

/*
 * The number VALUE holds as an answer to the integer, decimal or range
 * question Q: an integer is an optional sign and 1 to 18 digits; a
 * decimal or range value is a finite decimal number in the C locale
 * ("-2.5", "1e3"), never hexadecimal, "nan" or "inf", without blanks.
 * A range value must also lie within its bounds, a whole number of steps
 * from its start (to the precision of a double, so that 0.3 is a step of
 * 0.1 from 0).  Returns false when
 * VALUE is not such a number (*OUT is then unspecified).
 */
bool resp_value_number(const struct form_question *q, const char *value, double *out);

/*
 * The day VALUE holds as an answer to the date or dateTime question Q (a
 * day number, see isodate.h): a date is YYYY-MM-DD only; a dateTime is
 * YYYY-MM-DDTHH:MM[:SS] with an optional zone, and gives its day.
 * Returns false when VALUE is not one.
 */
bool resp_value_day(const struct form_question *q, const char *value, int *day);

/*
 * The choices of a select_multiple or rank value are names separated by
 * blanks (spaces, tabs, line ends).  Returns the next name at or after *P
 * and sets *LEN to its length, advancing *P past it; NULL at the end.
 */
const char *resp_value_next_choice(const char **p, size_t *len);

/*
 * Checks R against its form, with relevance evaluated on R's own answers:
 * malformed values, choices not in the list, required answers missing,
 * constraints broken (with the constraint_message in language LANG),
 * answers to questions that do not apply, a missing or malformed
 * _respondent or _submitted, an unsafe respondent code.  Reports each
 * problem as "quire:FILE:ROW: message" and returns how many there were.
 * In a reply marked _incomplete, missing required answers are warnings
 * and are not counted.
 * EV is a scratch evaluator for R's form.
 */
int resp_check(const struct resp_reply *r, struct resp_eval *ev, int lang);

/*
 * Whether CODE is safe as a respondent code and so as the name of its
 * reply file on any machine a reply travels to (on a USB stick, say):
 * 1 to 64 bytes of letters, digits, '-', '_' and '.', not starting with
 * '.' or '-', and not a name Windows keeps for a device -- CON, PRN, AUX,
 * NUL, COM0 to COM9, LPT0 to LPT9, in any case, alone or with an
 * extension ("nul.csv", "Com1.x").  This is the one rule: validate,
 * blank, enter, import and rosters all ask here.
 */
bool resp_code_is_safe(const char *code);
/* The longest safe code, in bytes. */
#define RESP_CODE_MAX 64

/*
 * Why CODE is not safe, to end a message after the code ("use 1 to 64
 * letters, ..."), or NULL when it is safe.  The string is static.
 */
const char *resp_code_problem(const char *code);

/*
 * CODE as the subject of a message: quoted ("'XAA'"), or, when longer than
 * RESP_CODE_SHOWN bytes, described ("of 100000 bytes"), so that a hostile
 * code does not flood the terminal.  Free with g_free().
 */
#define RESP_CODE_SHOWN 100
char *resp_code_for_message(const char *code);

#endif
