/* disclose.c - small-cell suppression for breakdowns by roster group */
#include <config.h>
#include "disclose.h"

#include <string.h>
#include <glib.h>

/* The number of suppressed cells in row R (STEP 1) or column R (STEP = COLS). */
static size_t count_line(const bool *s, size_t first, size_t n, size_t step)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[first + i * step];
	return k;
}

/*
 * Completes a line (a row, or a column with STEP = COLS) that holds exactly
 * one suppressed cell by suppressing another.  The partner is chosen to
 * close a rectangle: first a cell whose crossing line also holds exactly
 * one suppressed cell (one new cell then mends two lines), then any; among
 * equals the smallest non-zero count, a zero only when nothing else is
 * left (a zero beside a lone suppressed cell would give it away through
 * the total).  Returns whether a cell was suppressed.
 */
struct line {
	size_t first, n, step;		/* the cells of the line */
	size_t cross_n, cross_step;	/* the crossing lines */
};

static size_t cross_count(const bool *s, const struct line *l, size_t at)
{
	/* the crossing line through AT: a column for a row, a row for a column */
	size_t start = l->step == 1 ? at % l->cross_step : at - at % l->cross_n;
	size_t step = l->step == 1 ? l->cross_step : 1;
	return count_line(s, start, l->cross_n, step);
}

static bool better(const unsigned long *counts, const bool *s, const struct line *l, size_t at,
		   size_t best)
{
	bool pairs = cross_count(s, l, at) == 1, best_pairs = cross_count(s, l, best) == 1;
	if (pairs != best_pairs)
		return pairs;
	if (!counts[at] != !counts[best])
		return counts[at] != 0;
	return counts[at] < counts[best];
}

static bool complete_line(const unsigned long *counts, bool *s, const struct line *l)
{
	if (count_line(s, l->first, l->n, l->step) != 1 || l->n < 2)
		return false;
	size_t best = (size_t)-1;
	for (size_t i = 0; i < l->n; i++) {
		size_t at = l->first + i * l->step;
		if (!s[at] && (best == (size_t)-1 || better(counts, s, l, at, best)))
			best = at;
	}
	if (best == (size_t)-1)
		return false;
	s[best] = true;
	return true;
}

static size_t old_suppress(const unsigned long *counts, size_t rows, size_t cols,
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
		for (size_t r = 0; r < rows; r++) {
			struct line row = { r * cols, cols, 1, rows, cols };
			changed |= complete_line(counts, suppressed, &row);
		}
		for (size_t c = 0; c < cols; c++) {
			struct line col = { c, rows, cols, cols, 1 };
			changed |= complete_line(counts, suppressed, &col);
		}
	}
	size_t n = 0;
	for (size_t i = 0; i < rows * cols; i++)
		n += suppressed[i];
	return n;
}

enum disclose_result disclose_suppress(const struct disclose_table *t, unsigned long threshold,
				       enum disclose_mark *marks)
{
	bool *s = g_new0(bool, t->rows * t->cols + 1);
	old_suppress(t->cells, t->rows, t->cols, threshold, s);
	for (size_t i = 0; i < t->rows * t->cols; i++)
		marks[i] = !s[i] ? DISCLOSE_SHOWN
			   : t->cells[i] > 0 && t->cells[i] < threshold ? DISCLOSE_PRIMARY
									: DISCLOSE_SECONDARY;
	g_free(s);
	return DISCLOSE_OK;
}
