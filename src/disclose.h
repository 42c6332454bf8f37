/* disclose.h - small-cell suppression for breakdowns by roster group */
#ifndef QUIRE_DISCLOSE_H
#define QUIRE_DISCLOSE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * In a body of 47 States a breakdown by regional group can name a State's
 * answer: "one African State had no law".  Cells holding fewer than
 * THRESHOLD answers (and more than none) are suppressed (primary
 * suppression).  A row or column total is printed beside the cells, so a
 * row or column with a single suppressed cell would give it away by
 * subtraction: another cell of that row or column is suppressed too
 * (complementary suppression), the smallest one not yet suppressed, until
 * no row or column has exactly one.  Zero cells are shown: they name no
 * State's answer by themselves.
 *
 * COUNTS is ROWS x COLS, row-major; SUPPRESSED (same shape, caller-owned)
 * receives the result.  A THRESHOLD of 1 or less suppresses nothing.
 * Returns the number of suppressed cells.
 */
size_t disclose_suppress(const unsigned long *counts, size_t rows, size_t cols,
			 unsigned long threshold, bool *suppressed);

#endif
