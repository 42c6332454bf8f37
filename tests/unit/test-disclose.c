/* test-disclose.c - unit tests for small-cell suppression */
#include <config.h>
#include "disclose.h"

#include <glib.h>

#include "tap.h"

/* Renders the suppression pattern as rows of '#' (suppressed) and '.', joined by '|'. */
static char *pattern(const unsigned long *counts, size_t rows, size_t cols, unsigned long t)
{
	bool *s = g_new(bool, rows * cols);
	disclose_suppress(counts, rows, cols, t, s);
	GString *out = g_string_new(NULL);
	for (size_t r = 0; r < rows; r++) {
		if (r)
			g_string_append_c(out, '|');
		for (size_t c = 0; c < cols; c++)
			g_string_append_c(out, s[r * cols + c] ? '#' : '.');
	}
	g_free(s);
	return g_string_free(out, FALSE);
}

static void check(const char *name, const unsigned long *counts, size_t rows, size_t cols,
		  unsigned long t, const char *want)
{
	char *got = pattern(counts, rows, cols, t);
	tap_check_str(got, want, __FILE__, __LINE__, name);
	g_free(got);
}

int main(void)
{
	/* law status by region: Asia 5 yes 1 no; Africa 2 yes 1 no */
	check("small cells and their complements", (unsigned long[]){ 5, 2, 1, 1 }, 2, 2, 3,
	      "##|##");
	check("nothing below the threshold", (unsigned long[]){ 5, 4, 3, 6 }, 2, 2, 3, "..|..");
	check("zeros are shown", (unsigned long[]){ 6, 0, 3, 0 }, 2, 2, 3, "..|..");
	/*
	 * One small cell in a 3x3: its row takes 5, its column 7; column 2
	 * then has one suppressed cell and takes 8, which leaves row 2 with
	 * two.
	 */
	check("one small cell takes partners until every line has two",
	      (unsigned long[]){ 1, 5, 6, 7, 8, 9, 10, 11, 12 }, 3, 3, 3, "##.|##.|...");
	/*
	 * The partner is the smallest non-zero cell (4, not 9); a column whose
	 * other cells are zero must hide a zero, or its total gives the cell.
	 */
	check("the smallest other cell is the partner; zeros when nothing else",
	      (unsigned long[]){ 2, 9, 4, 0, 0, 0 }, 2, 3, 3, "#.#|#.#");
	/*
	 * Partners close a rectangle rather than cascade: the lone 1 takes a
	 * cell in its row and one in its column, and the fourth corner mends
	 * both of theirs.
	 */
	check("complements close a rectangle",
	      (unsigned long[]){ 5, 4, 3, 4, 1, 3, 3, 3, 4 }, 3, 3, 3, "...|.##|.##");
	check("threshold 1 suppresses nothing", (unsigned long[]){ 1, 2, 1, 2 }, 2, 2, 1,
	      "..|..");
	check("a single column needs no partner", (unsigned long[]){ 1, 7 }, 2, 1, 3, "#|#");
	check("two small cells in a row cover each other", (unsigned long[]){ 1, 2, 9, 9, 9, 9 },
	      2, 3, 3, "##.|##.");
	/* Every row and column ends with zero or at least two suppressed cells. */
	unsigned long big[] = { 1, 4, 7, 2, 9, 8, 6, 5, 3, 10, 11, 1 };
	bool s[12];
	size_t n = disclose_suppress(big, 3, 4, 3, s);
	bool fine = true;
	for (size_t r = 0; r < 3; r++) {
		int k = 0;
		for (size_t c = 0; c < 4; c++)
			k += s[r * 4 + c];
		fine &= k != 1;
	}
	for (size_t c = 0; c < 4; c++) {
		int k = 0;
		for (size_t r = 0; r < 3; r++)
			k += s[r * 4 + c];
		fine &= k != 1;
	}
	ok(fine && n >= 3, "no row or column is left with a single suppressed cell (%zu)", n);
	return tap_done();
}
