/* disclose.h - disclosure control for tables of counts of States */
#ifndef QUIRE_DISCLOSE_H
#define QUIRE_DISCLOSE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * In a body of 47 States a breakdown by regional group can name a State's
 * answer: "one African State had no law".  A table of such counts is
 * protected the way statistical offices protect theirs (tau-ARGUS, R's
 * sdcTable): primary suppression hides the small counts, secondary
 * suppression hides further cells so that the printed totals cannot give
 * the small ones back, and an audit proves it, by linear programming, by
 * computing the range each hidden cell can take given everything printed.
 *
 * Nothing here prints, exits or keeps state between calls.  Every array is
 * the caller's: the table's arrays are borrowed for the call, and the
 * results go into arrays the caller allocated (ROWS x COLS, row-major).
 * The linear programs are solved with GLPK; a GLPK environment the caller
 * already holds is left as it was, one made for the call is freed before
 * it returns, and GLPK's terminal output is off meanwhile.
 */

enum disclose_mark {
	DISCLOSE_SHOWN = 0,
	DISCLOSE_PRIMARY,	/* a small count */
	DISCLOSE_SECONDARY,	/* hidden so that the totals do not give a small count away */
};

/* How a line's printed total relates to its cells. */
enum disclose_line {
	DISCLOSE_SUM,	/* each State counted in exactly one cell of the line:
			   total = sum of cells */
	DISCLOSE_COVER,	/* select_multiple: each State counted in one or more cells:
			   every cell <= total <= sum of cells */
};

/*
 * A table as it is printed: the cells and, beside each row and under each
 * column, its total.  A grand total adds nothing to SUM lines; a caller
 * that prints one for COVER lines publishes a relation the audit does not
 * know of.  The cells must satisfy the totals as ROW_KIND and COL_KIND say;
 * a table that does not is never shown (see below).
 */
struct disclose_table {
	size_t rows, cols;
	const unsigned long *cells;		/* rows x cols, row-major */
	const unsigned long *row_totals;	/* printed beside each row */
	const unsigned long *col_totals;	/* printed under each column */
	enum disclose_line row_kind;		/* how row_totals[i] relates to row i's cells */
	enum disclose_line col_kind;		/* how col_totals[j] relates to column j's cells */
};

/*
 * Cells holding fewer than
 * THRESHOLD answers (and more than none) are suppressed (primary
 * suppression).  A row or column total is printed beside the cells, so a
 * row or column with a single suppressed cell would give it away by
 * subtraction: another cell of that row or column is suppressed too
 * (complementary suppression), the smallest one not yet suppressed, until
 * no row or column has exactly one.  Zero cells are shown: they name no
 * State's answer by themselves.  The audit below shows where this is not
 * enough.
 *
 * COUNTS is ROWS x COLS, row-major; SUPPRESSED (same shape, caller-owned)
 * receives the result.  A THRESHOLD of 1 or less suppresses nothing.
 * Returns the number of suppressed cells.
 */
size_t disclose_suppress(const unsigned long *counts, size_t rows, size_t cols,
			 unsigned long threshold, bool *suppressed);

/*
 * The audit: for every cell, the smallest and largest value consistent
 * with everything printed under MARKS (the shown cells, the totals and
 * their relation to the cells, cells >= 0), written to LO and HI.  Shown
 * cells get lo = hi = their value; a suppressed cell with lo = hi can be
 * recovered.  Returns 0, or -1 (LO and HI then undefined) when T's cells
 * do not satisfy its totals or the solver failed.
 */
int disclose_bounds(const struct disclose_table *t, const enum disclose_mark *marks,
		    unsigned long *lo, unsigned long *hi);

#endif
