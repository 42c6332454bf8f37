/* disclose-int.h - the audit's linear programs, as the suppression search uses them */
#ifndef QUIRE_DISCLOSE_INT_H
#define QUIRE_DISCLOSE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "disclose.h"

/*
 * GLPK keeps its memory in a per-thread environment.  Each public call
 * enters a scope before its first linear program and leaves it after its
 * last: an environment made on entering is freed on leaving (so nothing of
 * GLPK's outlives the call), one the caller already had is kept, and the
 * terminal output is off in between.
 */
struct disclose_glpk {
	bool owned;	/* the environment was made on entering */
	int term;	/* the terminal output setting to restore */
};

void disclose_glpk_enter(struct disclose_glpk *g);
void disclose_glpk_leave(const struct disclose_glpk *g);

/*
 * Line L of T: the rows are lines 0 .. ROWS-1, the columns ROWS ..
 * ROWS+COLS-1.  Its cells are FIRST + k * STEP for k < N.
 */
struct disclose_span {
	size_t first, step, n;
	unsigned long total;
	enum disclose_line kind;
};

struct disclose_span disclose_line_at(const struct disclose_table *t, size_t l);

/* Whether T's cells satisfy its totals as its line kinds say. */
bool disclose_consistent(const struct disclose_table *t);

/*
 * The program of what MARKS print of T under THRESHOLD (disclose_bounds()
 * says what that is): one variable per suppressed cell, within the values
 * its mark allows up to the smaller of its row and column totals, and one
 * constraint per line holding a suppressed cell.  T and MARKS are borrowed
 * until disclose_lp_free(); T must be consistent, each suppressed cell's
 * own count must fit its mark, and the GLPK scope must be entered.  Never
 * NULL.
 */
struct disclose_lp *disclose_lp_new(const struct disclose_table *t,
				    const enum disclose_mark *marks, unsigned long threshold);

/*
 * Whether suppressed cell AT of T, marked MARK, may hold V by what is
 * printed of it alone: at most its totals, and within its mark's values
 * under THRESHOLD.
 */
bool disclose_fits_mark(const struct disclose_table *t, size_t at, enum disclose_mark mark,
			unsigned long threshold, unsigned long v);

/* The range of suppressed cell CELL (row-major index).  0, or -1 when the solver failed. */
int disclose_lp_range(struct disclose_lp *lp, size_t cell, unsigned long *lo, unsigned long *hi);

/*
 * Whether suppressed cell CELL can take a value other than its own: 1 when
 * it can, 0 when the printed table gives it away, -1 when the solver
 * failed.  Cheaper than disclose_lp_range(): the second program is solved
 * only when the first cannot tell.
 */
int disclose_lp_hidden(struct disclose_lp *lp, size_t cell);

/* Frees LP; NULL is allowed. */
void disclose_lp_free(struct disclose_lp *lp);

#endif
