/* disclose.h - disclosure control for tables of counts of States */
#ifndef QUIRE_DISCLOSE_H
#define QUIRE_DISCLOSE_H

#include <stddef.h>

/*
 * In a body of 47 States a breakdown by regional group can name a State's
 * answer: "one African State had no law".  A table of such counts is
 * protected the way statistical offices protect theirs (tau-ARGUS, R's
 * sdcTable): primary suppression hides the small counts, secondary
 * suppression hides further cells so that the printed totals cannot give
 * the small ones back, and an audit proves it, by integer programming, by
 * computing the range each hidden cell can take given everything printed,
 * the marks' own meaning included.
 *
 * Nothing here prints, exits or keeps state between calls.  Every array is
 * the caller's: the table's arrays are borrowed for the call, and the
 * results go into arrays the caller allocated (ROWS x COLS, row-major).
 * The programs are solved with GLPK; a GLPK environment the caller
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

enum disclose_result {
	DISCLOSE_OK,		/* MARKS protect every suppressed cell */
	DISCLOSE_WITHHOLD,	/* no suppression pattern was found: print none of its cells */
};

/*
 * Chooses the cells of T to suppress and writes them to MARKS.
 *
 * A THRESHOLD of 1 or less suppresses nothing.  Otherwise every count from
 * 1 to THRESHOLD - 1 is primary.  Zeros stay visible (they name nobody's
 * answer) unless chosen as secondary.  Secondary cells are added until
 *   (a) no row or column holds exactly one suppressed cell, and
 *   (b) the audit (disclose_bounds, with THRESHOLD: what the marks
 *       themselves say of a cell counts) gives every suppressed cell,
 *       primary and secondary, a range lo < hi: none can be recovered.
 * For (a), a line with a single suppressed cell takes as partner a cell
 * whose crossing line also holds a single one (one cell then mends two
 * lines, closing a rectangle), else its smallest count, a zero only when
 * nothing else is left.  For (b), a cell the audit finds recoverable is
 * protected as tau-ARGUS's hypercube method does in two dimensions: by
 * completing the cheapest rectangle (the cell, one more cell in its row,
 * one in its column, the opposite corner) along which the table could
 * shift by one and still fit every total and every mark (a 1 cannot fall
 * to 0, nor a secondary 3 to 2, with a threshold of 3).  Cheapest means the fewest zeros
 * first (a suppressed zero cannot absorb a decrease), then the least sum
 * of newly hidden counts, then the fewest new cells, so cells already
 * suppressed come free.  When no rectangle can shift (only a longer cycle
 * would) the cheapest cell left is added, one in the exposed cell's row or
 * column first.  A cell that the totals alone give away (one in a line
 * whose total is 0, say) is never chosen.  The audit runs again after each
 * addition; each step adds a cell, so the search ends.
 *
 * Returns DISCLOSE_OK with MARKS as above.  Returns DISCLOSE_WITHHOLD when
 * a primary cell is given away by the totals alone (every cell of a table
 * of one row or one column, say), when a line's only suppressed cell can
 * take no partner that is not itself given away, or when T's cells do not
 * satisfy its totals; MARKS then marks every cell SECONDARY, so that a
 * caller who only reads MARKS prints none either, and no mark tells where
 * the small counts are.
 */
enum disclose_result disclose_suppress(const struct disclose_table *t, unsigned long threshold,
				       enum disclose_mark *marks);

/*
 * The audit: for every cell, the smallest and largest value consistent
 * with everything printed under MARKS, written to LO and HI.  What is
 * printed: the shown cells, the totals and their relation to the cells,
 * and, with a THRESHOLD above 1, what the marks say by the rule above: a
 * PRIMARY cell ("< 3") holds a count from 1 to THRESHOLD - 1, and a
 * SECONDARY one ("x") does not, so it is 0 or THRESHOLD and above.  Every
 * cell is at most the smaller of its row and column totals.  Shown cells
 * get lo = hi = their value; a suppressed cell with lo = hi can be
 * recovered.  Returns 0, or -1 (LO and HI then undefined) when T's cells
 * do not satisfy its totals, a cell does not fit its mark, or the solver
 * failed.
 */
int disclose_bounds(const struct disclose_table *t, const enum disclose_mark *marks,
		    unsigned long threshold, unsigned long *lo, unsigned long *hi);

#endif
