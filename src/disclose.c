/* disclose.c - small-cell suppression for breakdowns by roster group */
#include <config.h>
#include "disclose.h"

#include <string.h>

/* The number of suppressed cells in row R (STEP 1) or column R (STEP = COLS). */
static size_t count_line(const bool *s, size_t first, size_t n, size_t step)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[first + i * step];
	return k;
}

/*
 * Suppresses the smallest unsuppressed non-zero cell of a line holding
 * exactly one suppressed cell.  A line whose other cells are all zero
 * needs none: subtracting reveals nothing new when the cell is the only
 * non-zero one, but its total would, so a zero is taken then.  Returns
 * whether a cell was suppressed.
 */
static bool complete_line(const unsigned long *counts, bool *s, size_t first, size_t n,
			  size_t step)
{
	if (count_line(s, first, n, step) != 1 || n < 2)
		return false;
	size_t best = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		size_t at = first + i * step;
		if (s[at])
			continue;
		if (best == (size_t)-1 || (counts[at] && (!counts[best] || counts[at] < counts[best])))
			best = at;
	}
	if (best == (size_t)-1)
		return false;
	s[best] = true;
	return true;
}

size_t disclose_suppress(const unsigned long *counts, size_t rows, size_t cols,
			 unsigned long threshold, bool *suppressed)
{
	memset(suppressed, 0, rows * cols * sizeof(bool));
	if (threshold <= 1)
		return 0;
	for (size_t i = 0; i < rows * cols; i++)
		suppressed[i] = counts[i] > 0 && counts[i] < threshold;
	bool changed = true;
	while (changed) {
		changed = false;
		for (size_t r = 0; r < rows; r++)
			changed |= complete_line(counts, suppressed, r * cols, cols, 1);
		for (size_t c = 0; c < cols; c++)
			changed |= complete_line(counts, suppressed, c, rows, cols);
	}
	size_t n = 0;
	for (size_t i = 0; i < rows * cols; i++)
		n += suppressed[i];
	return n;
}
