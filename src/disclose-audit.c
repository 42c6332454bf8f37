/* disclose-audit.c - the audit: the range of each suppressed cell, by linear programming */
#include <config.h>
#include "disclose.h"

#include <glib.h>
#include <glpk.h>
#include <math.h>

#include "disclose-int.h"

/*
 * The program, for a pattern of suppressed cells: one variable per
 * suppressed cell, within 0 <= x <= min(row total, column total) (a COVER
 * line's "every cell <= total"; implied anyway on a SUM line) and the
 * values its mark allows, and per line holding a suppressed cell
 *   SUM:    sum of its suppressed cells  = total - sum of its shown cells
 *   COVER:  sum of its suppressed cells >= total - sum of its shown cells.
 * A primary cell's mark is a bound, 1 <= x <= THRESHOLD - 1.  Each cell
 * variable appears in two line constraints, its row's and its column's,
 * with coefficient 1: the incidence matrix of a bipartite graph, which is
 * totally unimodular, so with integer bounds every vertex is integer and
 * the simplex method alone gives each cell's exact integer range.  A
 * secondary cell's mark, "0, or THRESHOLD and above", is not convex: it
 * takes a 0/1 switch z with x >= THRESHOLD z and x <= cap z, and the
 * program is then solved as an integer program (GLPK's branch and bound
 * from the simplex's relaxation) -- but only when the relaxation's optimum
 * is not already one: when every cell is whole there and every switched
 * cell 0 or THRESHOLD and above, that vertex is an integer solution with
 * the relaxation's optimum, and so the integer optimum.  A secondary cell
 * whose cap is below THRESHOLD is simply 0.
 */
struct disclose_lp {
	const struct disclose_table *t;
	glp_prob *prob;
	int *column;	/* per cell: its variable's column in PROB, 0 for a shown cell */
	bool integer;	/* a switch was needed: solve as an integer program */
	int vars;		/* columns 1 .. VARS are the suppressed cells */
	const enum disclose_mark *marks;
	GArray *switched;	/* int: the columns of the cells with a switch */
	double threshold;
	glp_smcp parm;
	glp_iocp iocp;
};

void disclose_glpk_enter(struct disclose_glpk *g)
{
	g->owned = glp_init_env() == 0;
	g->term = glp_term_out(GLP_OFF);
}

void disclose_glpk_leave(const struct disclose_glpk *g)
{
	glp_term_out(g->term);
	if (g->owned)
		glp_free_env();
}

struct disclose_span disclose_line_at(const struct disclose_table *t, size_t l)
{
	if (l < t->rows)
		return (struct disclose_span){ l * t->cols, 1, t->cols, t->row_totals[l],
					       t->row_kind };
	l -= t->rows;
	return (struct disclose_span){ l, t->cols, t->rows, t->col_totals[l], t->col_kind };
}

bool disclose_consistent(const struct disclose_table *t)
{
	for (size_t l = 0; l < t->rows + t->cols; l++) {
		struct disclose_span s = disclose_line_at(t, l);
		unsigned long sum = 0, max = 0;
		for (size_t k = 0; k < s.n; k++) {
			unsigned long v = t->cells[s.first + k * s.step];
			sum += v;
			max = MAX(max, v);
		}
		if (s.kind == DISCLOSE_SUM ? sum != s.total : max > s.total || sum < s.total)
			return false;
	}
	return true;
}

/* The largest count cell AT can hold: the smaller of its totals. */
static unsigned long cap_of(const struct disclose_table *t, size_t at)
{
	return MIN(t->row_totals[at / t->cols], t->col_totals[at % t->cols]);
}

bool disclose_fits_mark(const struct disclose_table *t, size_t at, enum disclose_mark mark,
			unsigned long threshold, unsigned long v)
{
	if (v > cap_of(t, at))
		return false;
	if (threshold <= 1 || mark == DISCLOSE_SHOWN)
		return true;
	bool small = v >= 1 && v < threshold;
	return mark == DISCLOSE_PRIMARY ? small : !small;
}

/* Appends the matrix entry (ROW, COLUMN) = VALUE. */
static void add_entry(GArray *ia, GArray *ja, GArray *ar, int row, int column, double value)
{
	g_array_append_val(ia, row);
	g_array_append_val(ja, column);
	g_array_append_val(ar, value);
}

/* Adds the constraint of line L, if it holds a suppressed cell; appends its entries to IA/JA/AR. */
static void add_line(struct disclose_lp *lp, size_t l, GArray *ia, GArray *ja, GArray *ar)
{
	struct disclose_span s = disclose_line_at(lp->t, l);
	unsigned long shown = 0;
	size_t entries = ja->len;
	for (size_t k = 0; k < s.n; k++) {
		size_t at = s.first + k * s.step;
		if (lp->column[at])
			g_array_append_val(ja, lp->column[at]);
		else
			shown += lp->t->cells[at];
	}
	if (ja->len == entries)
		return;
	/* The cells are consistent, so a SUM line's shown cells never exceed its total. */
	if (s.kind == DISCLOSE_COVER && shown >= s.total) {
		g_array_set_size(ja, entries);	/* met by any values: no constraint */
		return;
	}
	int row = glp_add_rows(lp->prob, 1);
	double rest = (double)(s.total - shown), one = 1;
	glp_set_row_bnds(lp->prob, row, s.kind == DISCLOSE_SUM ? GLP_FX : GLP_LO, rest, rest);
	while (ia->len < ja->len) {
		g_array_append_val(ia, row);
		g_array_append_val(ar, one);
	}
}

/*
 * Bounds the variable of suppressed cell AT by its mark; a secondary cell
 * that may be 0 or THRESHOLD and above gets its switch, with entries in
 * IA/JA/AR.
 */
static void bound_cell(struct disclose_lp *lp, size_t at, enum disclose_mark mark,
		       unsigned long threshold, GArray *ia, GArray *ja, GArray *ar)
{
	int x = lp->column[at];
	double cap = (double)cap_of(lp->t, at);
	double lo = 0, hi = cap;
	if (threshold > 1 && mark == DISCLOSE_PRIMARY) {
		lo = 1;
		hi = MIN(cap, (double)(threshold - 1));
	} else if (threshold > 1 && cap < (double)threshold) {
		hi = 0;
	} else if (threshold > 1) {
		int z = glp_add_cols(lp->prob, 1);
		glp_set_col_kind(lp->prob, z, GLP_BV);
		int floor = glp_add_rows(lp->prob, 2), ceiling = floor + 1;
		glp_set_row_bnds(lp->prob, floor, GLP_LO, 0, 0);	/* x - T z >= 0 */
		add_entry(ia, ja, ar, floor, x, 1);
		add_entry(ia, ja, ar, floor, z, -(double)threshold);
		glp_set_row_bnds(lp->prob, ceiling, GLP_UP, 0, 0);	/* x - cap z <= 0 */
		add_entry(ia, ja, ar, ceiling, x, 1);
		add_entry(ia, ja, ar, ceiling, z, -cap);
		lp->integer = true;
		g_array_append_val(lp->switched, x);
	}
	glp_set_col_bnds(lp->prob, x, lo < hi ? GLP_DB : GLP_FX, lo, hi);
}

struct disclose_lp *disclose_lp_new(const struct disclose_table *t,
				    const enum disclose_mark *marks, unsigned long threshold)
{
	struct disclose_lp *lp = g_new0(struct disclose_lp, 1);
	size_t n = t->rows * t->cols;
	lp->t = t;
	lp->prob = glp_create_prob();
	lp->column = g_new0(int, n + 1);
	lp->switched = g_array_new(FALSE, FALSE, sizeof(int));
	lp->marks = marks;
	lp->threshold = (double)threshold;
	int vars = 0;
	for (size_t k = 0; k < n; k++)
		if (marks[k] != DISCLOSE_SHOWN)
			lp->column[k] = ++vars;
	lp->vars = vars;
	if (vars)
		glp_add_cols(lp->prob, vars);
	/* GLPK's arrays count from 1: element 0 is a placeholder. */
	GArray *ia = g_array_new(FALSE, TRUE, sizeof(int));
	GArray *ja = g_array_new(FALSE, TRUE, sizeof(int));
	GArray *ar = g_array_new(FALSE, TRUE, sizeof(double));
	g_array_set_size(ia, 1);
	g_array_set_size(ja, 1);
	g_array_set_size(ar, 1);
	for (size_t l = 0; l < t->rows + t->cols; l++)
		add_line(lp, l, ia, ja, ar);
	for (size_t k = 0; k < n; k++)
		if (lp->column[k])
			bound_cell(lp, k, marks[k], threshold, ia, ja, ar);
	if (lp->integer)
		for (int x = 1; x <= vars; x++)
			glp_set_col_kind(lp->prob, x, GLP_IV);
	glp_load_matrix(lp->prob, (int)ja->len - 1, (int *)ia->data, (int *)ja->data,
			(double *)ar->data);
	g_array_free(ia, TRUE);
	g_array_free(ja, TRUE);
	g_array_free(ar, TRUE);
	glp_init_smcp(&lp->parm);
	lp->parm.msg_lev = GLP_MSG_OFF;
	glp_init_iocp(&lp->iocp);
	lp->iocp.msg_lev = GLP_MSG_OFF;
	return lp;
}

/*
 * Minimises (DIR = GLP_MIN) or maximises the variable in column COLUMN
 * into VALUE.  Each solve starts from the basis the last one ended on,
 * which is why auditing a table costs a few pivots per cell; an integer
 * program then branches from that relaxation.
 */
/* Whether the relaxation's optimum is an integer solution: cells whole, switched ones 0 or >= T. */
static bool vertex_fits(const struct disclose_lp *lp, int vars)
{
	for (int x = 1; x <= vars; x++) {
		double v = glp_get_col_prim(lp->prob, x);
		if (fabs(v - floor(v + 0.5)) > 1e-9)
			return false;
	}
	for (guint k = 0; k < lp->switched->len; k++) {
		double v = glp_get_col_prim(lp->prob, g_array_index(lp->switched, int, k));
		if (v > 0.5 && v < lp->threshold - 0.5)
			return false;
	}
	return true;
}

static int solve(struct disclose_lp *lp, int column, int dir, unsigned long *value)
{
	glp_set_obj_dir(lp->prob, dir);
	glp_set_obj_coef(lp->prob, column, 1);
	int rc = glp_simplex(lp->prob, &lp->parm);
	int status = glp_get_status(lp->prob);
	double v = glp_get_obj_val(lp->prob);
	if (rc == 0 && status == GLP_OPT && lp->integer && !vertex_fits(lp, lp->vars)) {
		rc = glp_intopt(lp->prob, &lp->iocp);
		status = glp_mip_status(lp->prob);
		v = glp_mip_obj_val(lp->prob);
	}
	glp_set_obj_coef(lp->prob, column, 0);
	if (rc != 0 || status != GLP_OPT)
		return -1;
	*value = v < 0.5 ? 0 : (unsigned long)floor(v + 0.5);
	return 0;
}

int disclose_lp_range(struct disclose_lp *lp, size_t cell, unsigned long *lo, unsigned long *hi)
{
	if (solve(lp, lp->column[cell], GLP_MIN, lo) < 0)
		return -1;
	return solve(lp, lp->column[cell], GLP_MAX, hi);
}

/*
 * Whether the integer program has a solution with the variable in COLUMN
 * between LO and HI: a search for any solution (no objective), which
 * ends at the first, far sooner than an optimum.  1, 0, or -1 when the
 * solver failed.  The column's bounds are restored.
 */
static int feasible_within(struct disclose_lp *lp, int column, double lo, double hi)
{
	int type = glp_get_col_type(lp->prob, column);
	double was_lo = glp_get_col_lb(lp->prob, column), was_hi = glp_get_col_ub(lp->prob, column);
	glp_set_col_bnds(lp->prob, column, lo < hi ? GLP_DB : GLP_FX, lo, hi);
	int rc = glp_simplex(lp->prob, &lp->parm), status = glp_get_status(lp->prob);
	int found;
	if (rc != 0)
		found = -1;
	else if (status == GLP_NOFEAS || status == GLP_UNDEF)
		found = 0;
	else if (status != GLP_OPT && status != GLP_FEAS)
		found = -1;
	else if (vertex_fits(lp, lp->vars))
		found = 1;
	else if (glp_intopt(lp->prob, &lp->iocp) != 0)
		found = -1;
	else
		found = glp_mip_status(lp->prob) == GLP_OPT || glp_mip_status(lp->prob) == GLP_FEAS;
	glp_set_col_bnds(lp->prob, column, type, was_lo, was_hi);
	return found;
}

int disclose_lp_hidden(struct disclose_lp *lp, size_t cell)
{
	/*
	 * The cell's own value is always feasible: it is hidden if either bound
	 * differs from it.  The relaxation answers first; a program with
	 * switches is asked only whether a value below or above the cell's own
	 * is possible, not how far.
	 */
	unsigned long own = lp->t->cells[cell], lo, hi;
	int x = lp->column[cell];
	if (!lp->integer) {
		if (solve(lp, x, GLP_MIN, &lo) < 0)
			return -1;
		if (lo != own)
			return 1;
		if (solve(lp, x, GLP_MAX, &hi) < 0)
			return -1;
		return hi != own;
	}
	/* The next values the cell's mark allows below and above its own. */
	double t = lp->threshold, below = (double)own - 1, above = (double)own + 1;
	if (lp->marks[cell] == DISCLOSE_SECONDARY && below > 0 && below < t)
		below = 0;
	if (lp->marks[cell] == DISCLOSE_SECONDARY && above < t)
		above = t;
	double floor_ = glp_get_col_lb(lp->prob, x), ceiling = glp_get_col_ub(lp->prob, x);
	int found = below >= floor_ ? feasible_within(lp, x, floor_, below) : 0;
	if (found == 0 && above <= ceiling)
		found = feasible_within(lp, x, above, ceiling);
	return found;
}

void disclose_lp_free(struct disclose_lp *lp)
{
	if (!lp)
		return;
	glp_delete_prob(lp->prob);
	g_array_free(lp->switched, TRUE);
	g_free(lp->column);
	g_free(lp);
}

int disclose_bounds(const struct disclose_table *t, const enum disclose_mark *marks,
		    unsigned long threshold, unsigned long *lo, unsigned long *hi)
{
	if (!disclose_consistent(t))
		return -1;
	for (size_t k = 0; k < t->rows * t->cols; k++)
		if (!disclose_fits_mark(t, k, marks[k], threshold, t->cells[k]))
			return -1;
	struct disclose_glpk g;
	disclose_glpk_enter(&g);
	struct disclose_lp *lp = disclose_lp_new(t, marks, threshold);
	int rc = 0;
	for (size_t k = 0; k < t->rows * t->cols && rc == 0; k++) {
		if (marks[k] == DISCLOSE_SHOWN)
			lo[k] = hi[k] = t->cells[k];
		else
			rc = disclose_lp_range(lp, k, &lo[k], &hi[k]);
	}
	disclose_lp_free(lp);
	disclose_glpk_leave(&g);
	return rc;
}
