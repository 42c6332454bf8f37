/* test-disclose.c - unit tests for disclosure control: suppression and its audit */
#include <config.h>
#include "disclose.h"

#include <glib.h>
#include <glpk.h>
#include <stdlib.h>
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
			 unsigned long threshold, const unsigned long *want_lo,
			 const unsigned long *want_hi)
{
	struct disclose_table t = table_of(f);
	enum disclose_mark marks[MAX_CELLS];
	size_t k = 0;
	for (const char *p = pattern; *p; p++)
		if (*p != '|')
			marks[k++] = *p == '.' ? DISCLOSE_SHOWN : *p == 'P' ? DISCLOSE_PRIMARY
									   : DISCLOSE_SECONDARY;
	unsigned long lo[MAX_CELLS], hi[MAX_CELLS];
	bool same = disclose_bounds(&t, marks, threshold, lo, hi) == 0;
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

	/*
	 * Row 1's two small counts total 2, and each "< 3" is at least 1: both
	 * are 1, whatever else is hidden.
	 */
	f = sums(2, 2, (unsigned long[]){ 5, 2, 1, 1 });
	check_pattern("small counts their total gives away are withheld", &f, 3,
		      DISCLOSE_WITHHOLD, "ss|ss");
	f = sums(2, 2, (unsigned long[]){ 5, 4, 3, 6 });
	check_pattern("nothing below the threshold", &f, 3, DISCLOSE_OK, "..|..");
	f = sums(2, 2, (unsigned long[]){ 6, 0, 3, 0 });
	check_pattern("zeros are shown", &f, 3, DISCLOSE_OK, "..|..");
	f = sums(2, 2, (unsigned long[]){ 1, 2, 1, 2 });
	check_pattern("threshold 1 suppresses nothing", &f, 1, DISCLOSE_OK, "..|..");
	check_pattern("threshold 0 suppresses nothing", &f, 0, DISCLOSE_OK, "..|..");
	check_pattern("threshold 2: the ones, two in a column of total 2, are given away", &f, 2,
		      DISCLOSE_WITHHOLD, "ss|ss");
	f = sums(2, 2, (unsigned long[]){ 1, 3, 2, 4 });
	check_pattern("threshold 2: \"< 2\" can only be 1, so a table with a 1 is withheld", &f, 2,
		      DISCLOSE_WITHHOLD, "ss|ss");
	/*
	 * The lone 1 can become 2 only if a partner in its row and one in its
	 * column can fall by one and stay a secondary count (3 or more): the
	 * 3s cannot, the 4s can.  The rectangle with the 5 lets the table
	 * shift by one and still fit every total and every mark.
	 */
	f = sums(3, 3, (unsigned long[]){ 5, 4, 3, 4, 1, 3, 3, 3, 4 });
	check_pattern("secondary cells close a rectangle that can shift", &f, 3, DISCLOSE_OK,
		      "ss.|sP.|...");
	check_bounds("which leaves the 1 two values, and each partner two", &f, "ss.|sP.|...", 3,
		     (unsigned long[]){ 5, 3, 3, 3, 1, 3, 3, 3, 4 },
		     (unsigned long[]){ 6, 4, 3, 4, 2, 3, 3, 3, 4 });
	/*
	 * A Working Group's table of 9 replies by regional group, as rule (a)
	 * and an audit of the totals alone would leave it.  "< 3" is 1 or 2,
	 * and "x" is 0 or 3 and more (a 1 or 2 would be "< 3"): the rows of
	 * total 1 then give their cells away, and with them every other.
	 */
	f = sums(4, 2, (unsigned long[]){ 3, 1, 2, 1, 1, 0, 0, 1 });
	check_bounds("the marks' own meaning gives a whole table away", &f, "sP|PP|Ps|sP", 3,
		     (unsigned long[]){ 3, 1, 2, 1, 1, 0, 0, 1 },
		     (unsigned long[]){ 3, 1, 2, 1, 1, 0, 0, 1 });
	check_bounds("which the totals alone would not", &f, "sP|PP|Ps|sP", 0,
		     (unsigned long[]){ 1, 0, 0, 0, 0, 0, 0, 0 },
		     (unsigned long[]){ 4, 3, 3, 3, 1, 1, 1, 1 });
	check_pattern("so the table is withheld", &f, 3, DISCLOSE_WITHHOLD, "ss|ss|ss|ss");
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
		     "PP..|PPP.|..PP|..PP", 0,
		     (unsigned long[]){ 0, 0, 9, 9, 0, 0, 1, 9, 9, 9, 0, 0, 9, 9, 0, 0 },
		     (unsigned long[]){ 3, 3, 9, 9, 3, 3, 1, 9, 9, 9, 3, 3, 9, 9, 3, 3 });
	/*
	 * Row 0 holds one State: its "< 3" is that State, and every "x" beside
	 * it 0, however many cells are hidden.
	 */
	f = sums(3, 3, (unsigned long[]){ 1, 0, 0, 4, 0, 3, 5, 0, 6 });
	check_pattern("a row whose total is a small count gives it away: withheld", &f, 3,
		      DISCLOSE_WITHHOLD, "sss|sss|sss");
	/*
	 * Rule (a) alone would accept this pattern, but the zeros at (0, 1)
	 * and (2, 1) cannot go below 0 and column 1's total leaves them 0
	 * between them: the 1 and the 2 are pinned by their rows.
	 */
	f = sums(3, 3, (unsigned long[]){ 1, 0, 4, 5, 5, 5, 2, 0, 4 });
	check_bounds("the audit sees zeros pinning a value", &f, "Ps.|...|Ps.", 0,
		     (unsigned long[]){ 1, 0, 4, 5, 5, 5, 2, 0, 4 },
		     (unsigned long[]){ 1, 0, 4, 5, 5, 5, 2, 0, 4 });
	check_pattern("partners are counts that can absorb a decrease", &f, 3, DISCLOSE_OK,
		      "P.s|...|P.s");

	f = sums(2, 1, (unsigned long[]){ 1, 7 });
	check_pattern("a single column is withheld", &f, 3, DISCLOSE_WITHHOLD, "s|s");
	f = sums(1, 3, (unsigned long[]){ 1, 5, 6 });
	check_pattern("a single row is withheld", &f, 3, DISCLOSE_WITHHOLD, "sss");
	f = sums(2, 2, (unsigned long[]){ 1, 0, 5, 0 });
	check_pattern("a small count beside nothing but pinned zeros is withheld", &f, 3,
		      DISCLOSE_WITHHOLD, "ss|ss");
	f = sums(2, 2, (unsigned long[]){ 1, 2, 3, 4 });
	f.row_totals[0] = 4;
	check_pattern("a table whose totals contradict its cells is withheld", &f, 3,
		      DISCLOSE_WITHHOLD, "ss|ss");
	f = sums(2, 2, (unsigned long[]){ 5, 4, 3, 6 });
	f.col_totals[1] = 9;
	check_pattern("... but with no small count there is nothing to hide", &f, 3,
		      DISCLOSE_OK, "..|..");
	enum disclose_mark none[4] = { 0 };
	unsigned long lo[4], hi[4];
	struct disclose_table t = table_of(&f);
	check_int(disclose_bounds(&t, none, 3, lo, hi), -1);
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
	/* Row 0: a "< 3" and an "x" of 0 or 3 to 4 (column 0's total) make 6: 2 and 4. */
	check_pattern("select_multiple by group, its first row given away: withheld", &f, 3,
		      DISCLOSE_WITHHOLD, "ss|ss|ss");
	/*
	 * a + b = 6 and c + d = 5 (rows); a, c <= 4 and a + 3 + c >= 4
	 * (column 0); b, d <= 5 (column 1, whose shown 5 already covers it).
	 */
	check_bounds("the audit of COVER columns", &f, "sP|..|Ps", 0,
		     (unsigned long[]){ 1, 2, 3, 5, 0, 1 }, (unsigned long[]){ 4, 5, 3, 5, 4, 5 });
	f.row_kind = DISCLOSE_COVER;
	/* Each cell <= min(row, column total); row 0: a + b >= 6, row 2: c + d >= 5. */
	check_bounds("the audit of COVER rows and columns", &f, "sP|..|Ps", 0,
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
	check_bounds("a COVER total equal to its cells caps them", &g, "Ps|Ps", 0,
		     (unsigned long[]){ 2, 5, 2, 5 }, (unsigned long[]){ 2, 5, 2, 5 });
	check_pattern("... and may leave nothing to hide behind", &g, 3, DISCLOSE_WITHHOLD,
		      "ss|ss");
}

/*
 * A caller that holds GLPK objects of its own keeps them: the environment
 * is freed only when the call made it (valgrind sees the difference).
 */
static void test_glpk_environment(void)
{
	glp_prob *mine = glp_create_prob();
	glp_add_rows(mine, 2);
	struct fixture f = sums(3, 3, (unsigned long[]){ 5, 4, 3, 4, 1, 3, 3, 3, 4 });
	struct disclose_table t = table_of(&f);
	enum disclose_mark marks[9];
	disclose_suppress(&t, 3, marks);
	unsigned long lo[9], hi[9];
	disclose_bounds(&t, marks, 3, lo, hi);
	check_int(glp_get_num_rows(mine), 2);
	glp_delete_prob(mine);
	glp_free_env();
	ok(disclose_bounds(&t, marks, 3, lo, hi) == 0 && lo[0] == 5 && hi[0] == 6,
	   "the audit runs again once the caller has freed its environment");
}

/* Brute force */

/*
 * The values each suppressed cell can take, found by exhaustive search
 * over counts, with no linear algebra: the independent check of the
 * audit.  For each suppressed cell and each candidate value from 0 up to
 * the smaller of its totals that its mark allows (1 to THRESHOLD - 1 for a
 * primary cell, any other for a secondary one), a depth-first search tries the assignments
 * of counts to the suppressed cells, along rows or columns, with the cell
 * under test held to the candidate, pruned by the printed relations; it
 * stops at the first assignment that satisfies them all.  Whether the
 * rest of a search can succeed from its I-th cell on depends only on I,
 * the sums of the lines so far (a COVER line's sum counted up to its
 * total, beyond which more changes nothing) and the value the cell under
 * test is held to if it is still to come: a state that failed once is
 * remembered and never searched again.  Listing every assignment instead
 * would take too long: a 6 x 6 table with COVER lines can have millions.
 */
struct brute {
	const struct fixture *f;
	const enum disclose_mark *marks;
	unsigned long threshold;
	size_t free[MAX_CELLS], n_free;		/* the suppressed cells */
	unsigned long floor[MAX_CELLS], cap[MAX_CELLS];	/* the values a cell may take */
	size_t tested;				/* the cell under test, as an index into FREE */
	unsigned long sum[2 * MAX_SIDE];	/* per line: its cells assigned so far */
	unsigned long room[2 * MAX_SIDE];	/* per line: what its unassigned cells can add */
	size_t left[2 * MAX_SIDE];		/* per line: its unassigned cells */
	GHashTable *failed;			/* struct state *, owned */
	unsigned long lo[MAX_CELLS], hi[MAX_CELLS];
	unsigned long steps;
};

/* A point of the search (the generated totals are below 256). */
struct state {
	guint8 next;		/* the next cell to assign, as an index into FREE */
	guint8 tested, value;	/* 1 + the cell under test, and its value, when still to come */
	guint8 sum[2 * MAX_SIDE];
};

static guint state_hash(gconstpointer p)
{
	const guint8 *b = p;
	guint h = 2166136261u;
	for (size_t k = 0; k < sizeof(struct state); k++)
		h = (h ^ b[k]) * 16777619u;
	return h;
}

static gboolean state_equal(gconstpointer a, gconstpointer b)
{
	return memcmp(a, b, sizeof(struct state)) == 0;
}

static unsigned long line_total(const struct fixture *f, size_t l, enum disclose_line *kind)
{
	*kind = l < f->rows ? f->row_kind : f->col_kind;
	return l < f->rows ? f->row_totals[l] : f->col_totals[l - f->rows];
}

static struct state state_at(const struct brute *b, size_t next)
{
	struct state s = { (guint8)next, 0, 0, { 0 } };
	if (b->tested >= next) {
		s.tested = (guint8)(b->tested + 1);
		s.value = (guint8)b->floor[b->free[b->tested]];
	}
	for (size_t l = 0; l < b->f->rows + b->f->cols; l++) {
		enum disclose_line kind;
		unsigned long total = line_total(b->f, l, &kind);
		s.sum[l] = (guint8)(kind == DISCLOSE_COVER ? MIN(b->sum[l], total) : b->sum[l]);
	}
	return s;
}

/* Whether line L can still be completed to fit its total. */
static bool line_fits(const struct brute *b, size_t l)
{
	enum disclose_line kind;
	unsigned long total = line_total(b->f, l, &kind);
	if (b->sum[l] + b->room[l] < total)
		return false;
	if (kind == DISCLOSE_SUM && b->sum[l] > total)
		return false;
	return b->left[l] || kind == DISCLOSE_COVER || b->sum[l] == total;
}

/* Whether the suppressed cell AT may hold V by its mark. */
static bool allowed(const struct brute *b, size_t at, unsigned long v)
{
	if (b->threshold <= 1)
		return true;
	bool small = v >= 1 && v < b->threshold;
	return b->marks[at] == DISCLOSE_PRIMARY ? small : !small;
}

/* Whether the suppressed cells from the I-th on can be given counts that fit every line. */
static bool assign(struct brute *b, size_t i)
{
	b->steps++;
	if (i == b->n_free)
		return true;
	struct state s = state_at(b, i);
	if (g_hash_table_contains(b->failed, &s))
		return false;
	size_t at = b->free[i], r = at / b->f->cols, c = b->f->rows + at % b->f->cols;
	bool found = false;
	b->left[r]--, b->left[c]--;
	b->room[r] -= b->cap[at], b->room[c] -= b->cap[at];
	for (unsigned long v = b->floor[at]; v <= b->cap[at] && !found; v++) {
		if (!allowed(b, at, v))
			continue;
		b->sum[r] += v, b->sum[c] += v;
		found = line_fits(b, r) && line_fits(b, c) && assign(b, i + 1);
		b->sum[r] -= v, b->sum[c] -= v;
	}
	b->left[r]++, b->left[c]++;
	b->room[r] += b->cap[at], b->room[c] += b->cap[at];
	if (!found)
		g_hash_table_add(b->failed, g_memdup2(&s, sizeof s));
	return found;
}

/* Whether the I-th suppressed cell can hold V. */
static bool possible(struct brute *b, size_t i, unsigned long v)
{
	size_t at = b->free[i], r = at / b->f->cols, c = b->f->rows + at % b->f->cols;
	unsigned long cap = b->cap[at];
	if (!allowed(b, at, v))
		return false;
	b->room[r] += v - cap, b->room[c] += v - cap;
	b->floor[at] = b->cap[at] = v;
	b->tested = i;
	bool found = true;
	for (size_t l = 0; l < b->f->rows + b->f->cols; l++)
		found &= line_fits(b, l);
	found = found && assign(b, 0);
	b->floor[at] = 0, b->cap[at] = cap;
	b->room[r] += cap - v, b->room[c] += cap - v;
	return found;
}

static void brute_force(struct brute *b, const struct fixture *f, const enum disclose_mark *marks,
			unsigned long threshold)
{
	memset(b, 0, sizeof *b);
	b->f = f;
	b->marks = marks;
	b->threshold = threshold;
	b->failed = g_hash_table_new_full(state_hash, state_equal, g_free, NULL);
	/* Along the SUM lines, whose equalities prune most, when only one way is SUM. */
	bool by_column = f->row_kind == DISCLOSE_COVER && f->col_kind == DISCLOSE_SUM;
	for (size_t k = 0; k < f->rows * f->cols; k++) {
		size_t at = by_column ? k % f->rows * f->cols + k / f->rows : k;
		size_t r = at / f->cols, c = f->rows + at % f->cols;
		b->lo[at] = b->hi[at] = f->cells[at];
		if (marks[at] == DISCLOSE_SHOWN) {
			b->sum[r] += f->cells[at], b->sum[c] += f->cells[at];
			continue;
		}
		b->cap[at] = MIN(f->row_totals[r], f->col_totals[c - f->rows]);
		b->free[b->n_free++] = at;
		b->left[r]++, b->left[c]++;
		b->room[r] += b->cap[at], b->room[c] += b->cap[at];
	}
	/* Each cell's own count is possible: search below it and above it. */
	for (size_t i = 0; i < b->n_free; i++) {
		size_t at = b->free[i];
		for (unsigned long v = 0; v < f->cells[at]; v++)
			if (possible(b, i, v)) {
				b->lo[at] = v;
				break;
			}
		for (unsigned long v = b->cap[at]; v > f->cells[at]; v--)
			if (possible(b, i, v)) {
				b->hi[at] = v;
				break;
			}
	}
	g_hash_table_destroy(b->failed);
}

/* Random tables */

/*
 * A random table of counts of simulated States: each State picks one
 * column, or one or more when rows are COVER, and one row, or one or more
 * when columns are COVER, and counts in every cell it picked.  A row's
 * total is the number of States that picked the row; so the totals are
 * consistent with the kinds by construction.
 */
static void pick(GRand *rng, size_t n, bool several, bool *picked)
{
	memset(picked, 0, n * sizeof *picked);
	picked[g_rand_int_range(rng, 0, (gint32)n)] = true;
	if (several)
		for (size_t k = 0; k < n; k++)
			picked[k] |= g_rand_double(rng) < 0.25;
}

static void generate(GRand *rng, struct fixture *f)
{
	memset(f, 0, sizeof *f);
	f->rows = (size_t)g_rand_int_range(rng, 1, MAX_SIDE + 1);
	f->cols = (size_t)g_rand_int_range(rng, 1, MAX_SIDE + 1);
	f->row_kind = g_rand_boolean(rng) ? DISCLOSE_SUM : DISCLOSE_COVER;
	f->col_kind = g_rand_boolean(rng) ? DISCLOSE_SUM : DISCLOSE_COVER;
	int states = g_rand_int_range(rng, 0, (gint32)(f->rows + f->cols) * 2 + 1);
	for (int s = 0; s < states; s++) {
		bool in_row[MAX_SIDE], in_col[MAX_SIDE];
		pick(rng, f->rows, f->col_kind == DISCLOSE_COVER, in_row);
		pick(rng, f->cols, f->row_kind == DISCLOSE_COVER, in_col);
		for (size_t r = 0; r < f->rows; r++)
			f->row_totals[r] += in_row[r];
		for (size_t c = 0; c < f->cols; c++)
			f->col_totals[c] += in_col[c];
		for (size_t k = 0; k < f->rows * f->cols; k++)
			f->cells[k] += in_row[k / f->cols] && in_col[k % f->cols];
	}
}

static void diag_table(const char *what, int index, const struct fixture *f,
		       unsigned long threshold, const enum disclose_mark *marks)
{
	static const char *kinds[] = { "SUM", "COVER" };
	GString *s = g_string_new(NULL);
	for (size_t k = 0; k < f->rows * f->cols; k++)
		g_string_append_printf(s, "%s%lu%c", k % f->cols ? " " : k ? " | " : "",
				       f->cells[k], ".Ps"[marks[k]]);
	g_string_append(s, "; rows");
	for (size_t r = 0; r < f->rows; r++)
		g_string_append_printf(s, " %lu", f->row_totals[r]);
	g_string_append(s, "; cols");
	for (size_t c = 0; c < f->cols; c++)
		g_string_append_printf(s, " %lu", f->col_totals[c]);
	tap_diag("%s: table %d, %zux%zu %s/%s, threshold %lu: %s", what, index, f->rows, f->cols,
		 kinds[f->row_kind], kinds[f->col_kind], threshold, s->str);
	g_string_free(s, TRUE);
}

/* Whether MARKS leave a line of F with exactly one suppressed cell. */
static bool lone_cell(const struct fixture *f, const enum disclose_mark *marks)
{
	for (size_t r = 0; r < f->rows; r++) {
		size_t n = 0;
		for (size_t c = 0; c < f->cols; c++)
			n += marks[r * f->cols + c] != DISCLOSE_SHOWN;
		if (n == 1)
			return true;
	}
	for (size_t c = 0; c < f->cols; c++) {
		size_t n = 0;
		for (size_t r = 0; r < f->rows; r++)
			n += marks[r * f->cols + c] != DISCLOSE_SHOWN;
		if (n == 1)
			return true;
	}
	return false;
}

/*
 * Whether some pattern protects F: every small count suppressed, no line
 * with exactly one suppressed cell, and no suppressed cell recoverable,
 * trying every pattern (F has at most MAX_TRIED cells).  The audit here is
 * disclose_bounds(), which the brute force checks on every table.
 */
#define MAX_TRIED 12

static bool some_pattern_protects(const struct fixture *f, unsigned long threshold)
{
	struct disclose_table t = table_of(f);
	size_t n = f->rows * f->cols;
	for (unsigned long set = 0; set < 1ul << n; set++) {
		enum disclose_mark marks[MAX_CELLS];
		bool protects = true;
		for (size_t k = 0; k < n; k++) {
			bool small = f->cells[k] > 0 && f->cells[k] < threshold;
			marks[k] = !(set >> k & 1) ? DISCLOSE_SHOWN
			     : small		 ? DISCLOSE_PRIMARY
						 : DISCLOSE_SECONDARY;
			protects &= marks[k] || !small;
		}
		if (!protects || lone_cell(f, marks))
			continue;
		unsigned long lo[MAX_CELLS], hi[MAX_CELLS];
		protects = disclose_bounds(&t, marks, threshold, lo, hi) == 0;
		for (size_t k = 0; k < n && protects; k++)
			protects = !marks[k] || lo[k] < hi[k];
		if (protects)
			return true;
	}
	return false;
}

/* The properties, each counted over the tables that break it. */
enum property { PRIMARY, LINES, HIDDEN, BOUNDS, WITHHELD_ALL, WITHHELD_NEEDED, N_PROPERTIES };

static const char *property_names[N_PROPERTIES] = {
	"every count from 1 to threshold - 1 is primary, and no other, in a table shown",
	"no row or column holds exactly one suppressed cell",
	"no suppressed cell can be recovered (brute force)",
	"disclose_bounds agrees with the brute force's min and max",
	"a withheld table has every cell secondary: no mark says where a small count is",
	"a table of up to 12 cells is withheld only when no pattern protects it",
};

struct tally {
	int broken[N_PROPERTIES];
	int tables, withheld, withheld_tried;
	unsigned long suppressed, steps;
};

/* One random table under test. */
struct trial {
	int index;
	const struct fixture *f;
	unsigned long threshold;
	enum disclose_result result;
	enum disclose_mark marks[MAX_CELLS];
};

static void fail(struct tally *t, enum property p, const struct trial *x)
{
	if (t->broken[p]++ == 0)
		diag_table(property_names[p], x->index, x->f, x->threshold, x->marks);
}

/* Properties (1) and (2), and what a withheld table must be. */
static void check_marks(struct tally *t, const struct trial *x)
{
	const struct fixture *f = x->f;
	bool primary = true, withheld_all = true;
	for (size_t k = 0; k < f->rows * f->cols; k++) {
		bool small = f->cells[k] > 0 && f->cells[k] < x->threshold;
		if (x->result == DISCLOSE_OK)
			primary &= small == (x->marks[k] == DISCLOSE_PRIMARY);
		withheld_all &= x->marks[k] == DISCLOSE_SECONDARY;
		t->suppressed += x->result == DISCLOSE_OK && x->marks[k] != DISCLOSE_SHOWN;
	}
	if (!primary)
		fail(t, PRIMARY, x);
	if (x->result == DISCLOSE_OK && lone_cell(f, x->marks))
		fail(t, LINES, x);
	if (x->result == DISCLOSE_WITHHOLD && !withheld_all)
		fail(t, WITHHELD_ALL, x);
	if (x->result == DISCLOSE_WITHHOLD && f->rows * f->cols <= MAX_TRIED) {
		t->withheld_tried++;
		if (some_pattern_protects(f, x->threshold))
			fail(t, WITHHELD_NEEDED, x);
	}
}

/* Properties (3) and (4): the brute force against the marks and against the audit. */
static void check_audit(struct tally *t, const struct trial *x)
{
	const struct fixture *f = x->f;
	struct disclose_table dt = table_of(f);
	struct brute *b = g_new(struct brute, 1);
	/* A withheld table's marks say nothing of its cells: all are secondary. */
	unsigned long threshold = x->result == DISCLOSE_OK ? x->threshold : 0;
	brute_force(b, f, x->marks, threshold);
	t->steps += b->steps;
	bool hidden = true, agree;
	for (size_t k = 0; k < f->rows * f->cols; k++)
		hidden &= x->marks[k] == DISCLOSE_SHOWN || b->lo[k] < b->hi[k];
	if (x->result == DISCLOSE_OK && !hidden)
		fail(t, HIDDEN, x);
	unsigned long lo[MAX_CELLS], hi[MAX_CELLS];
	agree = disclose_bounds(&dt, x->marks, threshold, lo, hi) == 0;
	for (size_t k = 0; k < f->rows * f->cols && agree; k++)
		agree = lo[k] == b->lo[k] && hi[k] == b->hi[k];
	if (!agree)
		fail(t, BOUNDS, x);
	g_free(b);
}

static void test_random(guint32 seed, int tables)
{
	GRand *rng = g_rand_new_with_seed(seed);
	struct tally t = { 0 };
	for (int i = 0; i < tables; i++) {
		struct fixture f;
		generate(rng, &f);
		struct trial x = { i, &f, (unsigned long)g_rand_int_range(rng, 2, 6), 0, { 0 } };
		struct disclose_table dt = table_of(&f);
		x.result = disclose_suppress(&dt, x.threshold, x.marks);
		t.tables++;
		t.withheld += x.result == DISCLOSE_WITHHOLD;
		check_marks(&t, &x);
		check_audit(&t, &x);
	}
	g_rand_free(rng);
	tap_diag("seed %u: %d tables, %d withheld (%d tried against every pattern), %lu cells "
		 "suppressed in the others, %lu brute-force steps",
		 seed, t.tables, t.withheld, t.withheld_tried, t.suppressed, t.steps);
	for (int p = 0; p < N_PROPERTIES; p++)
		ok(t.broken[p] == 0, "seed %u, %d random tables: %s", seed, tables,
		   property_names[p]);
}

/*
 * Arguments, to explore beyond the fixed seed: a seed and a number of
 * random tables.
 */
int main(int argc, char **argv)
{
	guint32 seed = argc > 1 ? (guint32)strtoul(argv[1], NULL, 10) : 20260704;
	int tables = argc > 2 ? atoi(argv[2]) : 3000;
	test_patterns();
	test_cover();
	test_glpk_environment();
	test_random(seed, tables);
	return tap_done();
}
