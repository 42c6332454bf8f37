/* test-disclose.c - unit tests for disclosure control: suppression and its audit */
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

/* MARKS as rows of 'P' (primary), 's' (secondary) and '.' (shown), joined by '|'. */
static char *marks_text(const struct fixture *f, const enum disclose_mark *marks)
{
	GString *out = g_string_new(NULL);
	for (size_t k = 0; k < f->rows * f->cols; k++) {
		if (k && k % f->cols == 0)
			g_string_append_c(out, '|');
		g_string_append_c(out, ".Ps"[marks[k]]);
	}
	return g_string_free(out, FALSE);
}

/* Checks the result and the pattern disclose_suppress() gives F. */
static void check_pattern(const char *name, const struct fixture *f, unsigned long threshold,
			  enum disclose_result want_result, const char *want)
{
	struct disclose_table t = table_of(f);
	enum disclose_mark marks[MAX_CELLS];
	enum disclose_result r = disclose_suppress(&t, threshold, marks);
	char *got = marks_text(f, marks);
	char *what = g_strdup_printf("%s (%s)", name,
				     r == DISCLOSE_OK ? "protected" : "withheld");
	if (r != want_result)
		tap_diag("result %s, want %s", r == DISCLOSE_OK ? "OK" : "WITHHOLD",
			 want_result == DISCLOSE_OK ? "OK" : "WITHHOLD");
	tap_check_str(r == want_result ? got : "(wrong result)", want, __FILE__, __LINE__, what);
	g_free(what);
	g_free(got);
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

static void test_patterns(void)
{
	struct fixture f;

	f = sums(2, 2, (unsigned long[]){ 5, 2, 1, 1 });
	check_pattern("small cells, and the one count their row would give away", &f, 3,
		      DISCLOSE_OK, "sP|PP");
	f = sums(2, 2, (unsigned long[]){ 5, 4, 3, 6 });
	check_pattern("nothing below the threshold", &f, 3, DISCLOSE_OK, "..|..");
	f = sums(2, 2, (unsigned long[]){ 6, 0, 3, 0 });
	check_pattern("zeros are shown", &f, 3, DISCLOSE_OK, "..|..");
	f = sums(2, 2, (unsigned long[]){ 1, 2, 1, 2 });
	check_pattern("threshold 1 suppresses nothing", &f, 1, DISCLOSE_OK, "..|..");
	check_pattern("threshold 0 suppresses nothing", &f, 0, DISCLOSE_OK, "..|..");
	check_pattern("threshold 2 suppresses the ones", &f, 2, DISCLOSE_OK, "Ps|Ps");
	/*
	 * The lone 1 takes the smallest cell of its row (3) and of its column
	 * (3); column 2 then takes the cell whose row also needs a partner,
	 * which closes a rectangle.
	 */
	f = sums(3, 3, (unsigned long[]){ 5, 4, 3, 4, 1, 3, 3, 3, 4 });
	check_pattern("secondary cells close a rectangle", &f, 3, DISCLOSE_OK, "...|.Ps|.ss");
	f = sums(2, 3, (unsigned long[]){ 1, 2, 9, 9, 9, 9 });
	check_pattern("two small cells in a row, and the column cells under them", &f, 3,
		      DISCLOSE_OK, "PP.|ss.");
	/*
	 * Two suppressed 4-cycles joined by a bridge: every line holds two or
	 * more suppressed cells, yet the bridge, (1, 2), lies on no cycle, so
	 * the totals give it away.  One more cell puts it on a cycle.
	 */
	f = sums(4, 4, (unsigned long[]){ 1, 2, 9, 9, 2, 1, 1, 9, 9, 9, 1, 2, 9, 9, 2, 1 });
	check_pattern("a bridge between two cycles is put on a cycle", &f, 3, DISCLOSE_OK,
		      "PPs.|PPP.|..PP|..PP");
	check_bounds("the audit finds the bridge between two cycles", &f,
		     "PP..|PPP.|..PP|..PP",
		     (unsigned long[]){ 0, 0, 9, 9, 0, 0, 1, 9, 9, 9, 0, 0, 9, 9, 0, 0 },
		     (unsigned long[]){ 3, 3, 9, 9, 3, 3, 1, 9, 9, 9, 3, 3, 9, 9, 3, 3 });
	/*
	 * Column 1 is all zeros: its total pins each of its cells, so none is
	 * a partner.  Row 0 has nothing else to offer than the zero at (0, 2),
	 * which can absorb the increase the 1 cannot.
	 */
	f = sums(3, 3, (unsigned long[]){ 1, 0, 0, 4, 0, 3, 5, 0, 6 });
	check_pattern("a zero only when nothing else is left, never one its total pins", &f, 3,
		      DISCLOSE_OK, "P.s|s.s|...");
	/*
	 * Rule (a) alone would accept this pattern, but the zeros at (0, 1)
	 * and (2, 1) cannot go below 0 and column 1's total leaves them 0
	 * between them: the 1 and the 2 are pinned by their rows.
	 */
	f = sums(3, 3, (unsigned long[]){ 1, 0, 4, 5, 5, 5, 2, 0, 4 });
	check_bounds("the audit sees zeros pinning a value", &f, "Ps.|...|Ps.",
		     (unsigned long[]){ 1, 0, 4, 5, 5, 5, 2, 0, 4 },
		     (unsigned long[]){ 1, 0, 4, 5, 5, 5, 2, 0, 4 });
	check_pattern("partners are counts that can absorb a decrease", &f, 3, DISCLOSE_OK,
		      "P.s|...|P.s");

	f = sums(2, 1, (unsigned long[]){ 1, 7 });
	check_pattern("a single column is withheld", &f, 3, DISCLOSE_WITHHOLD, "P|s");
	f = sums(1, 3, (unsigned long[]){ 1, 5, 6 });
	check_pattern("a single row is withheld", &f, 3, DISCLOSE_WITHHOLD, "Pss");
	f = sums(2, 2, (unsigned long[]){ 1, 0, 5, 0 });
	check_pattern("a small count beside nothing but pinned zeros is withheld", &f, 3,
		      DISCLOSE_WITHHOLD, "Ps|ss");
	f = sums(2, 2, (unsigned long[]){ 1, 2, 3, 4 });
	f.row_totals[0] = 4;
	check_pattern("a table whose totals contradict its cells is withheld", &f, 3,
		      DISCLOSE_WITHHOLD, "PP|ss");
	f = sums(2, 2, (unsigned long[]){ 5, 4, 3, 6 });
	f.col_totals[1] = 9;
	check_pattern("... but with no small count there is nothing to hide", &f, 3,
		      DISCLOSE_OK, "..|..");
	enum disclose_mark none[4] = { 0 };
	unsigned long lo[4], hi[4];
	struct disclose_table t = table_of(&f);
	check_int(disclose_bounds(&t, none, lo, hi), -1);
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
	check_pattern("select_multiple by group", &f, 3, DISCLOSE_OK, "sP|..|Ps");
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
	check_pattern("... and may leave nothing to hide behind", &g, 3, DISCLOSE_WITHHOLD,
		      "Ps|Ps");
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
	enum disclose_mark marks[4];
	disclose_suppress(&t, 3, marks);
	unsigned long lo[4], hi[4];
	disclose_bounds(&t, marks, lo, hi);
	check_int(glp_get_num_rows(mine), 2);
	glp_delete_prob(mine);
	glp_free_env();
	ok(disclose_bounds(&t, marks, lo, hi) == 0 && lo[0] == 4 && hi[0] == 6,
	   "the audit runs again once the caller has freed its environment");
}

int main(void)
{
	test_patterns();
	test_cover();
	test_glpk_environment();
	return tap_done();
}
