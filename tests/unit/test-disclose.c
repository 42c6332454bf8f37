/* test-disclose.c - unit tests for small-cell suppression */
#include <config.h>
#include "disclose.h"

#include <glib.h>
#include <glpk.h>
#include <string.h>

#include "tap.h"

#define MAX_SIDE 6
#define MAX_CELLS (MAX_SIDE * MAX_SIDE)

/* A table with room for its arrays; totals of SUM lines are filled in by fill_sums(). */
struct fixture {
	size_t rows, cols;
	unsigned long cells[MAX_CELLS];
	unsigned long row_totals[MAX_SIDE], col_totals[MAX_SIDE];
	enum disclose_line row_kind, col_kind;
};

static struct disclose_table table_of(const struct fixture *f)
{
	return (struct disclose_table){ f->rows,       f->cols,	  f->cells,   f->row_totals,
					f->col_totals, f->row_kind, f->col_kind };
}

/* A SUM/SUM fixture of the given cells. */
static struct fixture sums(size_t rows, size_t cols, const unsigned long *cells)
{
	struct fixture f = { .rows = rows, .cols = cols };
	memcpy(f.cells, cells, rows * cols * sizeof *cells);
	for (size_t k = 0; k < rows * cols; k++) {
		f.row_totals[k / cols] += cells[k];
		f.col_totals[k % cols] += cells[k];
	}
	return f;
}

/* Checks disclose_bounds() under the pattern WANT_MARKS (as marks_text() writes it). */
static void check_bounds(const char *name, const struct fixture *f, const char *pattern,
			 const unsigned long *want_lo, const unsigned long *want_hi)
{
	struct disclose_table t = table_of(f);
	enum disclose_mark marks[MAX_CELLS];
	size_t k = 0;
	for (const char *p = pattern; *p; p++)
		if (*p != '|')
			marks[k++] = *p == '.' ? DISCLOSE_SHOWN : *p == 'P' ? DISCLOSE_PRIMARY
									   : DISCLOSE_SECONDARY;
	unsigned long lo[MAX_CELLS], hi[MAX_CELLS];
	bool same = disclose_bounds(&t, marks, lo, hi) == 0;
	for (k = 0; same && k < f->rows * f->cols; k++)
		if (lo[k] != want_lo[k] || hi[k] != want_hi[k]) {
			tap_diag("cell %zu: [%lu, %lu], want [%lu, %lu]", k, lo[k], hi[k],
				 want_lo[k], want_hi[k]);
			same = false;
		}
	ok(same, "%s", name);
}

static void test_bounds(void)
{
	struct fixture f;
	unsigned long lo[MAX_CELLS], hi[MAX_CELLS];

	f = sums(2, 2, (unsigned long[]){ 5, 2, 1, 1 });
	check_bounds("a 2 x 2 suppressed whole", &f, "sP|PP", (unsigned long[]){ 4, 1, 0, 0 },
		     (unsigned long[]){ 6, 3, 2, 2 });
	/*
	 * Two suppressed 4-cycles joined by a bridge: every line holds two or
	 * more suppressed cells, yet the bridge, (1, 2), lies on no cycle, so
	 * the totals give it away.
	 */
	f = sums(4, 4, (unsigned long[]){ 1, 2, 9, 9, 2, 1, 1, 9, 9, 9, 1, 2, 9, 9, 2, 1 });
	check_bounds("the audit finds the bridge between two cycles", &f,
		     "PP..|PPP.|..PP|..PP",
		     (unsigned long[]){ 0, 0, 9, 9, 0, 0, 1, 9, 9, 9, 0, 0, 9, 9, 0, 0 },
		     (unsigned long[]){ 3, 3, 9, 9, 3, 3, 1, 9, 9, 9, 3, 3, 9, 9, 3, 3 });
	/*
	 * The zeros at (0, 1) and (2, 1) cannot go below 0 and column 1's
	 * total leaves them 0 between them: the 1 and the 2 are pinned by
	 * their rows.
	 */
	f = sums(3, 3, (unsigned long[]){ 1, 0, 4, 5, 5, 5, 2, 0, 4 });
	check_bounds("the audit sees zeros pinning a value", &f, "Ps.|...|Ps.",
		     (unsigned long[]){ 1, 0, 4, 5, 5, 5, 2, 0, 4 },
		     (unsigned long[]){ 1, 0, 4, 5, 5, 5, 2, 0, 4 });
	f = sums(2, 2, (unsigned long[]){ 5, 4, 3, 6 });
	f.col_totals[1] = 9;
	enum disclose_mark none[4] = { 0 };
	struct disclose_table t = table_of(&f);
	ok(disclose_bounds(&t, none, lo, hi) == -1, "totals that contradict the cells fail");
}

/*
 * A select_multiple question by regional group: each State is in one
 * group (rows are SUM) but may tick several answers (columns are COVER,
 * their totals the number of States in the group).
 */
static void test_cover(void)
{
	struct fixture f = {
		.rows = 3, .cols = 2, .cells = { 4, 2, 3, 5, 1, 4 },
		.row_totals = { 6, 8, 5 }, .col_totals = { 4, 5 },
		.row_kind = DISCLOSE_SUM, .col_kind = DISCLOSE_COVER,
	};
	/*
	 * a + b = 6 and c + d = 5 (rows); a, c <= 4 and a + 3 + c >= 4
	 * (column 0); b, d <= 5 (column 1, whose shown 5 already covers it).
	 */
	check_bounds("the audit of COVER columns", &f, "sP|..|Ps",
		     (unsigned long[]){ 1, 2, 3, 5, 0, 1 }, (unsigned long[]){ 4, 5, 3, 5, 4, 5 });
	f.row_kind = DISCLOSE_COVER;
	/* Each cell <= min(row, column total); row 0: a + b >= 6, row 2: c + d >= 5. */
	check_bounds("the audit of COVER rows and columns", &f, "sP|..|Ps",
		     (unsigned long[]){ 1, 2, 3, 5, 0, 1 }, (unsigned long[]){ 4, 5, 3, 5, 4, 5 });
	/*
	 * Two States in group 0 and five in group 1, all ticking both answers:
	 * every cell is as large as its column's total allows, so the totals
	 * give every cell away.
	 */
	struct fixture g = {
		.rows = 2, .cols = 2, .cells = { 2, 5, 2, 5 },
		.row_totals = { 7, 7 }, .col_totals = { 2, 5 },
		.row_kind = DISCLOSE_SUM, .col_kind = DISCLOSE_COVER,
	};
	check_bounds("a COVER total equal to its cells caps them", &g, "Ps|Ps",
		     (unsigned long[]){ 2, 5, 2, 5 }, (unsigned long[]){ 2, 5, 2, 5 });
}

/*
 * A caller that holds GLPK objects of its own keeps them: the environment
 * is freed only when the call made it (valgrind sees the difference).
 */
static void test_glpk_environment(void)
{
	glp_prob *mine = glp_create_prob();
	glp_add_rows(mine, 2);
	struct fixture f = sums(2, 2, (unsigned long[]){ 5, 2, 1, 1 });
	struct disclose_table t = table_of(&f);
	enum disclose_mark marks[4] = { DISCLOSE_SECONDARY, DISCLOSE_PRIMARY, DISCLOSE_PRIMARY,
					DISCLOSE_PRIMARY };
	unsigned long lo[4], hi[4];
	disclose_bounds(&t, marks, lo, hi);
	check_int(glp_get_num_rows(mine), 2);
	glp_delete_prob(mine);
	glp_free_env();
	ok(disclose_bounds(&t, marks, lo, hi) == 0 && lo[0] == 4 && hi[0] == 6,
	   "the audit runs again once the caller has freed its environment");
}

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
	test_bounds();
	test_cover();
	test_glpk_environment();
	return tap_done();
}
