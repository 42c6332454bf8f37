/* tally.h - one streaming pass over the replies: counts, selections, numbers, crosstabs */
#ifndef QUIRE_TALLY_H
#define QUIRE_TALLY_H

#include <limits.h>
#include <stdbool.h>
#include <glib.h>

struct form;
struct form_question;
struct resp_reply;
struct resp_eval;
struct roster;

/*
 * A tally sees each reply once and keeps only counters whose size depends
 * on the form: counts per choice, per combination of choices, per
 * distinct number and per month, and crosstab cells.  Text answers are the
 * one exception: they are kept only when asked for (keep_text), for
 * listing.  Bases follow DESIGN §2: for each included reply a question is
 * either not applicable (its relevance is false) or in the base, and a
 * question in the base is either answered or left without an answer.
 */

struct tally_options {
	const struct roster *roster;	/* for --by on a roster column; may be NULL */
	int cutoff;		/* replies submitted after this day are late; INT_MAX = none */
	const char *by;		/* a question name or roster column to cross-tabulate by, or NULL */
	bool keep_text;		/* keep text answers for listing */
	GArray *questions;	/* int question indexes to tally; NULL = every question with data */
	bool by_roster_first;	/* BY names a roster column before a question of that name */
};

/* A value of a crosstab's column variable. */
struct tally_by_value {
	char *value;
	char *label;		/* NULL for roster values */
};

/* Counts of one choice question against the --by variable: cells[row * n_cols + col]. */
struct tally_cross {
	unsigned long *cells;
	size_t n_rows, n_cols;	/* rows: the question's choices; cols: tally->by_values */
	unsigned long n;	/* replies counted in the table */
};

struct tally_text {
	char *respondent;
	char *text;
};

struct tally_question {
	const struct form_question *q;
	unsigned long base, answered, not_applicable, no_answer;
	/* select_one, select_multiple, rank: per choice of the list */
	unsigned long *counts;
	size_t n_choices;
	GHashTable *combinations;	/* select_multiple: bit mask of choices -> count; NULL
					   for lists of more than 64 choices */
	size_t *name_len;	/* the length of each choice's name */
	/* rank */
	double *rank_sum;
	unsigned long *firsts;
	/* integer, decimal, range: distinct value -> count */
	GHashTable *numbers;	/* double * -> unsigned long * */
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
	unsigned long included, late;
	/* --by */
	const struct form_question *by_question;
	int by_column;		/* roster column, or -1 */
	GPtrArray *by_values;	/* struct tally_by_value * */
	GHashTable *by_index;	/* value -> index + 1 */
	GHashTable *respondents;	/* codes seen, for duplicates; keys in codes */
	GStringChunk *codes;		/* the codes' bytes, without a malloc header each */
	int problems;
};

/*
 * Starts a tally.  Returns NULL after reporting when OPT->by names neither
 * a choice question nor a roster column.
 */
struct tally *tally_new(const struct form *form, const struct tally_options *opt);
void tally_free(struct tally *t);

/*
 * Counts reply R, evaluating it with EV.  A reply submitted after the
 * cut-off is only counted as late.  Malformed values (a choice not in the
 * list, a number that is not one), a second reply from one respondent and
 * a missing date under a cut-off are reported with the file and row and
 * counted in T->problems; the reply's other answers still count.
 */
void tally_add(struct tally *t, const struct resp_reply *r, struct resp_eval *ev);

/* The distinct numbers of TQ, ascending, and their counts (arrays of length *N; free both). */
void tally_numbers(const struct tally_question *tq, double **values, double **counts, size_t *n);

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

#endif
