/* tally.h - one streaming pass over the replies: every figure quire prints, computed once */
#ifndef QUIRE_TALLY_H
#define QUIRE_TALLY_H

#include <limits.h>
#include <stdbool.h>
#include <glib.h>

#include "disclose.h"
#include "stats.h"

struct form;
struct form_question;
struct resp_reply;
struct resp_eval;
struct resp_read;
struct roster;

/*
 * The tally owns every figure: counts, bases, shares, numeric summaries,
 * crosstab cells and their bases, the tests of a crosstab and which of its
 * cells disclosure control hides.  Every output -- tab's text, CSV and
 * JSON, charts, the report -- reads them from here and computes none of
 * its own.  The life of a tally:
 *
 *   tally_new()       what to count (the questions; --by)
 *   tally_add()       each reply of the analysis set (see analysis.h),
 *                     once; replies reach the tally validated
 *   tally_finish()    numeric summaries, crosstab tests and expected counts
 *   tally_disclose()  optional: small-cell suppression of the crosstabs
 *
 * A tally keeps only counters whose size depends on the form and on the
 * distinct answers given: counts per choice, per combination of choices,
 * per distinct number and per month, and crosstab cells.  Text answers
 * are the one exception: they are kept only when asked for (keep_text).
 * Bases follow DESIGN §2: for each included reply a question is either not
 * applicable (its relevance is false) or in the base, and a question in
 * the base is either answered or left without an answer.
 */

struct tally_options {
	const struct roster *roster;	/* for --by on a roster column; may be NULL */
	int cutoff;		/* the membership date for a roster column's values; INT_MAX: today */
	const char *by;		/* a question name or roster column to cross-tabulate by, or NULL */
	bool keep_text;		/* keep text answers for listing */
	GArray *questions;	/* int question indexes to tally; NULL = every question with data */
	bool by_roster_first;	/* BY names a roster column before a question of that name */
};

/* tally_new()'s errors: the --by variable cannot be cross-tabulated by. */
#define TALLY_ERROR (tally_error_quark())
GQuark tally_error_quark(void);
enum tally_error {
	TALLY_ERROR_BY_KIND,	/* a question, but not a select_one or select_multiple */
	TALLY_ERROR_BY_UNKNOWN,	/* neither a question nor a roster column */
};

/* A value of a crosstab's column variable. */
struct tally_by_value {
	char *value;
	char *label;		/* NULL for roster values */
};

/*
 * A choice question against the --by variable.  Every figure counts
 * States (replies), never ticks: a State that ticked three choices of a
 * select_multiple is one State in each of their rows and one State in its
 * column's base.
 */
struct tally_cross {
	size_t n_rows, n_cols;	/* rows: the question's choices; cols: tally->by_values */
	unsigned long *cells;	/* [row * n_cols + col]: States that chose the row and are in the column */
	unsigned long *row_bases;	/* States that chose the row and are in some column */
	unsigned long *col_bases;	/* States in the column that answered the question */
	unsigned long n;	/* States that answered the question and are in some column */
	/*
	 * Whether the cells of a row add up to its base (each State is in one
	 * column: BY is a select_one or a roster column), and the cells of a
	 * column to its base (the question is a select_one).
	 */
	bool rows_add_up, cols_add_up;
	/* tally_finish(): tests of independence, only when both add up */
	bool testable;
	struct stats_crosstab tests;
	double *expected;	/* [n_rows * n_cols] when testable and not empty, else NULL */
	/* tally_disclose(): NULL when disclosure control was not applied */
	enum disclose_mark *marks;	/* [n_rows * n_cols] */
	size_t n_suppressed;
	bool withheld;		/* no pattern protects the table: every cell is hidden */
};

struct tally_text {
	char *respondent;
	char *text;
};

struct tally_number_runs;

struct tally_question {
	const struct form_question *q;
	unsigned long base, answered, not_applicable, no_answer;
	/* select_one, select_multiple, rank: per choice of the list, States that chose it */
	unsigned long *counts;
	size_t n_choices;
	GHashTable *combinations;	/* select_multiple: bit mask of choices -> count; NULL
					   for lists of more than 64 choices */
	/* rank */
	double *rank_sum;
	unsigned long *firsts;
	/* integer, decimal, range: the distinct values (exactly) and their counts (tally_numbers()) */
	struct tally_number_runs *numbers;
	struct stats_numeric summary;	/* tally_finish() */
	/* date, dateTime */
	int earliest, latest;
	GHashTable *months;	/* GINT_TO_POINTER(year * 12 + month - 1) -> count */
	/* text, when kept */
	GPtrArray *texts;	/* struct tally_text * */
	struct tally_cross *cross;	/* NULL unless --by applies */
};

struct tally {
	const struct form *form;
	struct tally_options opt;
	GPtrArray *questions;	/* struct tally_question *, in form order */
	unsigned long included;	/* replies added */
	/* --by */
	const struct form_question *by_question;
	int by_column;		/* roster column, or -1 */
	GPtrArray *by_values;	/* struct tally_by_value * */
	GHashTable *by_index;	/* value -> index + 1 */
	unsigned long small_cell;	/* tally_disclose()'s threshold; 0 when not applied */
	/* private: a value read here (tally_add() of a reply the validator did not read) */
	struct resp_read *read;
	int *chosen;		/* its choices: room for the longest list's */
};

/*
 * Starts a tally.  Returns NULL and sets ERROR (TALLY_ERROR) when OPT->by
 * names neither a choice question nor a roster column; the message names
 * the variable, and callers add where it came from ("--by: ...").
 */
struct tally *tally_new(const struct form *form, const struct tally_options *opt, GError **error);
void tally_free(struct tally *t);

/*
 * Counts reply R, which the analysis set included, with EV holding R's
 * evaluation (analysis_eval()).  R's values are valid (analysis_add() ran
 * the validator on them): a value that does not read -- which the
 * validator would have refused -- is not counted as an answer.
 */
void tally_add(struct tally *t, const struct resp_reply *r, const struct resp_eval *ev);

/*
 * Adds to T the replies PART counted: a tally made with the same form and
 * options, of the replies that follow T's (chunked.h).  Every figure is
 * then what one tally of all those replies in that order would hold: the
 * counts are sums, and the kept texts follow T's.  PART gives up its kept
 * texts; free it after.  Call before tally_finish().
 */
void tally_merge(struct tally *t, struct tally *part);

/*
 * Computes what depends on all the replies: numeric summaries, and for
 * each testable crosstab its tests (Fisher's exact test with FISHER, which
 * may be NULL for the defaults) and expected counts.
 */
void tally_finish(struct tally *t, const struct stats_fisher_options *fisher);

/*
 * Disclosure control (disclose.h) on every crosstab, with counts from 1
 * to THRESHOLD - 1 suppressed as primary and further cells as secondary,
 * until no hidden count can be worked out from what is printed.  A table
 * with a hidden cell prints no tests and no expected counts.  THRESHOLD
 * of 1 or less hides nothing.  Call after tally_finish().
 */
void tally_disclose(struct tally *t, unsigned long threshold);

/* Crosstab figures, for every output to read: NaN (or false) where hidden or undefined. */
bool tally_cross_hidden(const struct tally_cross *x, size_t row, size_t col);
/* The cell's share of its column's base (States), or NaN. */
double tally_cross_col_share(const struct tally_cross *x, size_t row, size_t col);
/* The cell's share of its row's base, or NaN. */
double tally_cross_row_share(const struct tally_cross *x, size_t row, size_t col);
/* Whether the tests and expected counts may be printed: testable and nothing hidden. */
bool tally_cross_tests_shown(const struct tally_cross *x);

/* A choice's share of the States that answered (NaN when none did). */
double tally_choice_share(const struct tally_question *tq, size_t c);
/* The 95% interval of that share: Wilson's, or Clopper-Pearson's when EXACT (NaN bounds when none answered). */
struct stats_interval tally_choice_interval(const struct tally_question *tq, size_t c, bool exact);
/* A rank question's mean rank of choice C among the States that ranked it (NaN when none did). */
double tally_mean_rank(const struct tally_question *tq, size_t c);

/*
 * The distinct numbers of TQ, ascending, and their counts: arrays of
 * length *N (NULL when 0) that TQ owns, valid until its tally is added to,
 * merged into or freed.
 */
void tally_numbers(const struct tally_question *tq, const double **values, const double **counts,
		   size_t *n);

/* The months of TQ, ascending, as (year * 12 + month - 1, count) pairs (free both). */
void tally_months(const struct tally_question *tq, int **months, unsigned long **counts, size_t *n);

/*
 * The combinations of a select_multiple, most frequent first, ties by
 * name.  Free the array with g_array_free(); it frees the values.
 */
struct tally_combination {
	char *value;		/* "budapest sco": the choice names in list order */
	unsigned long count;
};
GArray *tally_combinations(const struct tally_question *tq);

/* The tallied question named NAME, or NULL. */
const struct tally_question *tally_find(const struct tally *t, const char *name);

#endif
