/* agree.h - quire-agree: checks quire's outputs against quire-gen's truth and against each other */
#ifndef QUIRE_AGREE_H
#define QUIRE_AGREE_H

#include <stdbool.h>
#include <glib.h>
#include <jansson.h>

/*
 * Each check compares one output with the truth (truth.json, see
 * gen-truth.c) or with another output, and reports every disagreement as
 * one line on standard output, "CHECK: where: what" (the first
 * AGREE_SHOWN of them; the rest are counted).  A check returns the number
 * of disagreements; quire-agree exits 1 when there was any.
 */

#define AGREE_SHOWN 25

struct agree {
	const char *check;	/* the name printed first on each line */
	unsigned failures;
	bool quiet;		/* count failures without printing them */
};

void agree_fail(struct agree *a, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* Whether two JSON numbers (or nulls) are equal, to 1e-9 relative for doubles. */
bool agree_same_number(const json_t *x, const json_t *y);
/* X as text for a message: "null", "3", "0.25", "(missing)". */
char *agree_show(const json_t *x);
/* Loads a JSON file; NULL after reporting through A. */
json_t *agree_load_json(struct agree *a, const char *path);
/* The element of array ARRAY whose member KEY is the string VALUE (and KEY2 is VALUE2 when not NULL). */
json_t *agree_find(const json_t *array, const char *key, const char *value, const char *key2,
		   const char *value2);
/* Compares member KEY of GOT and WANT as numbers; reports under WHERE. */
void agree_member(struct agree *a, const char *where, const json_t *got, const json_t *want,
		  const char *key);

/*
 * The lists GOT and WANT hold the same (KEY1, KEY2) pairs, each as often:
 * {"code": "XAB", "status": "late"} entries compared as a multiset.
 */
void agree_pairs(struct agree *a, const char *where, const json_t *got, const json_t *want,
		 const char *key1, const char *key2);

/* agree-tab.c: quire tab --format json against the truth, and its CSV and text against its JSON. */
void agree_respondents(struct agree *a, const json_t *truth, const json_t *tab);
void agree_questions(struct agree *a, const json_t *truth, const json_t *tab);
/*
 * The crosstabs by BY.  COUNTS_ONLY compares only counts and n (what quire
 * got right before bases and States-based shares).  With SMALL_CELL > 1, a
 * cell whose `suppressed` entry is not null must have null count and
 * shares, and a table with one has null tests and expected.
 */
void agree_crosstabs(struct agree *a, const json_t *truth, const json_t *tab, const char *by,
		     bool counts_only, int small_cell);
void agree_csv(struct agree *a, const json_t *tab, const char *csv_path);
void agree_text(struct agree *a, const json_t *tab, const char *text_path);

/* agree-outputs.c: status, charts, the report, the problem lines. */
void agree_status(struct agree *a, const json_t *truth, const json_t *status);
void agree_chart(struct agree *a, const json_t *truth, const char *svg_path, const char *question,
		 const char *by);
void agree_report(struct agree *a, const json_t *truth, const char *text_path);
/* The problem lines of the first ERR file cover exactly PLANTED; every other ERR file has the same lines. */
void agree_problems(struct agree *a, const char *planted_path, char **err_paths, int n_err);

/* agree-disclose.c: small cells are suppressed and cannot be recovered. */
void agree_disclosure(struct agree *a, const json_t *truth, const json_t *tab, const char *by,
		      int small_cell);

/*
 * A tab --format json document holding the truth's crosstabs by BY as a
 * quire with --small-cell SMALL_CELL might print them: only the small
 * cells hidden (not safe: a printed base can give a lone hidden cell
 * away), or with WITHHOLD every cell and base of a table with a small cell.
 */
json_t *agree_mock(const json_t *truth, const char *by, int small_cell, bool withhold);

/*
 * The audit on generated tables: the two mocks pass the crosstab check;
 * withholding passes the audit; hiding only the small cells is caught
 * wherever a hidden cell is alone in a line whose printed base sums it.
 */
void agree_audit_check(struct agree *a, const json_t *truth, const char *by, int small_cell);

/*
 * What an attacker knows of one crosstab: the cells shown (NAN when
 * suppressed), the row and column bases and n (NAN when not printed), and
 * how bases relate to cells.  A line (a column for the row question, a row
 * for the column variable) whose States each fall in exactly one of its
 * cells has a base equal to the sum of its cells; a select_multiple line
 * has each cell <= base <= sum of cells.
 */
enum audit_mark { AUDIT_SHOWN, AUDIT_PRIMARY, AUDIT_SECONDARY };

struct audit_table {
	int rows, cols;
	bool rows_multiple;	/* the row question is select_multiple */
	bool cols_multiple;	/* the column variable is a select_multiple */
	const double *cells;	/* [rows * cols] */
	const double *row_bases, *col_bases;
	double n;
	/*
	 * What the marks of a table shown say, with SMALL_CELL above 1 (NULL
	 * or 0: nothing): a "primary" cell holds 1 to SMALL_CELL - 1, a
	 * "secondary" one does not (every such count is primary).
	 */
	const enum audit_mark *marks;	/* [rows * cols] */
	double small_cell;
};

/*
 * The smallest and largest value each cell can take given what is shown
 * (integer cells >= 0, and what the marks say), in LO and HI ([rows * cols]; HI is INFINITY when
 * unbounded).  Returns false when what is shown is inconsistent.
 */
bool audit_ranges(const struct audit_table *t, double *lo, double *hi);

/* Hand-made tables with known answers; returns the number of failures after printing TAP. */
int agree_selftest(void);

#endif
