/* agree-disclose.c - small cells are suppressed, and no suppressed cell can be recovered from what is shown */
#include <config.h>
#include "agree.h"

#include <glpk.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/*
 * The audit is an integer program per suppressed cell, solved twice
 * (smallest, largest value) with GLPK.  Its variables are every cell, row
 * base, column base and n; what is shown is fixed, the rest is free but
 * for being a whole number >= 0.  Its constraints are what anyone knows of
 * a crosstab of States:
 *
 *   column j (States with column value j who answered the row question):
 *     row question select_one:       C_j  = sum_i x_ij
 *     row question select_multiple:  x_ij <= C_j <= sum_i x_ij
 *   row i (States that chose row i and have a column value):
 *     column variable single-valued: R_i  = sum_j x_ij
 *     column variable select_multiple: x_ij <= R_i <= sum_j x_ij
 *   n (States in the table): R_i <= n, C_j <= n, n <= sum_i R_i and
 *     n <= sum_j C_j, with equality where each State has one row (one column).
 *   the marks of a table shown, with threshold N: a "primary" cell is
 *     1 <= x <= N - 1; a "secondary" one is 0 or N and above, by a 0/1
 *     variable z with x >= N z and x <= BIG z.  A withheld table's marks
 *     say nothing.
 *
 * The code makes no use of quire's own suppression (src/disclose.c): the
 * two must agree only because both are right.
 */

/* Variable numbers (GLPK columns are 1-based). */
struct audit_vars {
	int rows, cols;
};

static int var_cell(const struct audit_vars *v, int i, int j)
{
	return 1 + i * v->cols + j;
}

static int var_row(const struct audit_vars *v, int i)
{
	return 1 + v->rows * v->cols + i;
}

static int var_col(const struct audit_vars *v, int j)
{
	return 1 + v->rows * v->cols + v->rows + j;
}

static int var_n(const struct audit_vars *v)
{
	return 1 + v->rows * v->cols + v->rows + v->cols;
}

static void set_var(glp_prob *lp, int k, double shown)
{
	glp_set_col_kind(lp, k, GLP_IV);
	if (isnan(shown))
		glp_set_col_bnds(lp, k, GLP_LO, 0, 0);
	else
		glp_set_col_bnds(lp, k, GLP_FX, shown, shown);
}

/*
 * Adds the constraint sum(VAL[k] * x[IDX[k]]) TYPE BOUND, k = 1..N (GLPK's
 * arrays start at 1): TYPE GLP_FX (=), GLP_LO (>=) or GLP_UP (<=).
 */
static void add_constraint(glp_prob *lp, int type, double bound, int n, const int *idx,
			   const double *val)
{
	int r = glp_add_rows(lp, 1);
	glp_set_row_bnds(lp, r, type, bound, bound);
	glp_set_mat_row(lp, r, n, idx, val);
}

/*
 * A base B over the variables PARTS: B = sum(PARTS) when SINGLE, else each
 * part <= B <= sum(PARTS).
 */
static void add_base(glp_prob *lp, int base, const int *parts, int n, bool single)
{
	int *idx = g_new(int, n + 2);
	double *val = g_new(double, n + 2);
	idx[1] = base;
	val[1] = 1;
	for (int k = 0; k < n; k++) {
		idx[k + 2] = parts[k];
		val[k + 2] = -1;
	}
	add_constraint(lp, single ? GLP_FX : GLP_UP, 0, n + 1, idx, val);
	for (int k = 0; !single && k < n; k++) {
		idx[2] = parts[k];
		add_constraint(lp, GLP_LO, 0, 2, idx, val);
	}
	g_free(idx);
	g_free(val);
}

/* The largest count a secondary cell's switch allows: more States than any table has. */
#define BIG 1e6

/* What MARK says of the cell in column X, under threshold N. */
static void add_mark(glp_prob *lp, int x, enum audit_mark mark, double n)
{
	if (mark == AUDIT_PRIMARY) {
		glp_set_col_bnds(lp, x, n > 2 ? GLP_DB : GLP_FX, 1, n - 1);
	} else if (mark == AUDIT_SECONDARY) {
		int z = glp_add_cols(lp, 1);
		glp_set_col_kind(lp, z, GLP_BV);
		int idx[] = { 0, x, z };
		double at_least[] = { 0, 1, -n }, at_most[] = { 0, 1, -BIG };
		add_constraint(lp, GLP_LO, 0, 2, idx, at_least);
		add_constraint(lp, GLP_UP, 0, 2, idx, at_most);
	}
}

static glp_prob *build(const struct audit_table *t, const struct audit_vars *v)
{
	glp_prob *lp = glp_create_prob();
	glp_add_cols(lp, var_n(v));
	for (int i = 0; i < t->rows; i++)
		for (int j = 0; j < t->cols; j++)
			set_var(lp, var_cell(v, i, j), t->cells[i * t->cols + j]);
	for (int i = 0; i < t->rows; i++)
		set_var(lp, var_row(v, i), t->row_bases ? t->row_bases[i] : NAN);
	for (int j = 0; j < t->cols; j++)
		set_var(lp, var_col(v, j), t->col_bases ? t->col_bases[j] : NAN);
	set_var(lp, var_n(v), t->n);
	for (int c = 0; t->marks && t->small_cell > 1 && c < t->rows * t->cols; c++)
		add_mark(lp, var_cell(v, c / t->cols, c % t->cols), t->marks[c], t->small_cell);
	int *parts = g_new(int, MAX(t->rows, t->cols) + 1);
	for (int j = 0; j < t->cols; j++) {
		for (int i = 0; i < t->rows; i++)
			parts[i] = var_cell(v, i, j);
		add_base(lp, var_col(v, j), parts, t->rows, !t->rows_multiple);
	}
	for (int i = 0; i < t->rows; i++) {
		for (int j = 0; j < t->cols; j++)
			parts[j] = var_cell(v, i, j);
		add_base(lp, var_row(v, i), parts, t->cols, !t->cols_multiple);
	}
	for (int i = 0; i < t->rows; i++)
		parts[i] = var_row(v, i);
	add_base(lp, var_n(v), parts, t->rows, !t->rows_multiple);
	for (int j = 0; j < t->cols; j++)
		parts[j] = var_col(v, j);
	add_base(lp, var_n(v), parts, t->cols, !t->cols_multiple);
	g_free(parts);
	return lp;
}

static bool integral(glp_prob *lp)
{
	for (int k = 1; k <= glp_get_num_cols(lp); k++) {
		double x = glp_get_col_prim(lp, k);
		if (fabs(x - round(x)) > 1e-6)
			return false;
	}
	return true;
}

/*
 * The optimum of variable K in direction DIR: the simplex first, the
 * branch and bound only when its vertex is not whole.  Returns GLP_OPT,
 * GLP_UNBND or GLP_NOFEAS.
 */
static int optimum(glp_prob *lp, int k, int dir, double *value)
{
	for (int c = 1; c <= glp_get_num_cols(lp); c++)
		glp_set_obj_coef(lp, c, c == k);
	glp_set_obj_dir(lp, dir);
	glp_smcp smcp;
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	if (glp_simplex(lp, &smcp) != 0) {
		glp_adv_basis(lp, 0);
		if (glp_simplex(lp, &smcp) != 0)
			return GLP_NOFEAS;
	}
	int status = glp_get_status(lp);
	if (status != GLP_OPT)
		return status == GLP_UNBND ? GLP_UNBND : GLP_NOFEAS;
	*value = glp_get_obj_val(lp);
	if (integral(lp))
		return GLP_OPT;
	glp_iocp iocp;
	glp_init_iocp(&iocp);
	iocp.msg_lev = GLP_MSG_OFF;
	if (glp_intopt(lp, &iocp) != 0 || glp_mip_status(lp) != GLP_OPT)
		return GLP_NOFEAS;
	*value = glp_mip_obj_val(lp);
	return GLP_OPT;
}

bool audit_ranges(const struct audit_table *t, double *lo, double *hi)
{
	struct audit_vars v = { t->rows, t->cols };
	glp_prob *lp = build(t, &v);
	double any;
	bool ok = optimum(lp, 1, GLP_MIN, &any) != GLP_NOFEAS;
	for (int i = 0; i < t->rows && ok; i++)
		for (int j = 0; j < t->cols && ok; j++) {
			int c = i * t->cols + j;
			if (!isnan(t->cells[c])) {
				lo[c] = hi[c] = t->cells[c];
				continue;
			}
			int k = var_cell(&v, i, j);
			ok = optimum(lp, k, GLP_MIN, &lo[c]) == GLP_OPT;
			int status = ok ? optimum(lp, k, GLP_MAX, &hi[c]) : GLP_NOFEAS;
			if (status == GLP_UNBND)
				hi[c] = INFINITY;
			ok &= status != GLP_NOFEAS;
		}
	glp_delete_prob(lp);
	return ok;
}

/* Checking quire's tables */

static double shown_or_nan(const json_t *x)
{
	return json_is_number(x) ? json_number_value(x) : NAN;
}

static double *shown_list(const json_t *array, size_t n)
{
	double *out = g_new(double, n + 1);
	for (size_t i = 0; i < n; i++)
		out[i] = shown_or_nan(json_array_get(array, i));
	return out;
}

/* Every true count from 1 to SMALL_CELL - 1 is suppressed (its count null). */
static unsigned check_small_cells(struct agree *a, const char *where, const json_t *got,
				  const json_t *want, int small_cell)
{
	const json_t *counts = json_object_get(want, "counts");
	unsigned hidden = 0;
	for (size_t i = 0; i < json_array_size(counts); i++)
		for (size_t j = 0; j < json_array_size(json_array_get(counts, i)); j++) {
			json_int_t v = json_integer_value(json_array_get(json_array_get(counts, i), j));
			const json_t *shown = json_array_get(json_array_get(json_object_get(got, "counts"),
									    i), j);
			const json_t *s = json_array_get(json_array_get(json_object_get(got,
											"suppressed"),
							       i), j);
			bool suppressed = json_is_null(shown) && s && !json_is_null(s);
			hidden += suppressed;
			if (v >= 1 && v < small_cell && !suppressed)
				agree_fail(a, "%s: cell [%zu][%zu] holds %lld States and is shown", where,
					   i, j, (long long)v);
		}
	return hidden;
}

/* A cell in a line whose printed base is 0 is 0 by what is printed, not by inference. */
static bool stated_zero(const struct audit_table *t, size_t c)
{
	size_t i = c / (size_t)t->cols, j = c % (size_t)t->cols;
	return (t->row_bases && t->row_bases[i] == 0) || (t->col_bases && t->col_bases[j] == 0);
}

/*
 * Sets RECOVERABLE[c] for each suppressed cell of GOT (quire's crosstab;
 * WANT is the truth's) that the figures shown pin to one value.  Returns
 * false when they contradict each other.  A cell whose true count lies
 * outside the range the figures allow is reported through A.
 */
static bool find_recoverable(struct agree *a, const char *where, const json_t *got,
			     const json_t *want, bool cols_multiple, int small_cell,
			     bool *recoverable)
{
	const json_t *counts = json_object_get(want, "counts");
	size_t rows = json_array_size(counts);
	size_t cols = json_array_size(json_object_get(want, "col_values"));
	double *cells = g_new(double, rows * cols + 1);
	for (size_t c = 0; c < rows * cols; c++)
		cells[c] = shown_or_nan(json_array_get(json_array_get(json_object_get(got, "counts"),
								      c / cols), c % cols));
	double *row_bases = shown_list(json_object_get(got, "row_bases"), rows);
	double *col_bases = shown_list(json_object_get(got, "col_bases"), cols);
	enum audit_mark *marks = g_new0(enum audit_mark, rows * cols + 1);
	const json_t *suppressed = json_object_get(got, "suppressed");
	for (size_t c = 0; c < rows * cols; c++) {
		const char *m = json_string_value(json_array_get(json_array_get(suppressed, c / cols),
								 c % cols));
		marks[c] = !m ? AUDIT_SHOWN : strcmp(m, "primary") == 0 ? AUDIT_PRIMARY
									: AUDIT_SECONDARY;
	}
	bool withheld = json_is_true(json_object_get(got, "withheld"));
	const char *row_type = json_string_value(json_object_get(want, "row_type"));
	struct audit_table t = { (int)rows,
				 (int)cols,
				 strcmp(row_type, "select_multiple") == 0,
				 cols_multiple,
				 cells,
				 row_bases,
				 col_bases,
				 shown_or_nan(json_object_get(got, "n")),
				 withheld ? NULL : marks,
				 small_cell };
	double *lo = g_new(double, rows * cols + 1), *hi = g_new(double, rows * cols + 1);
	bool consistent = audit_ranges(&t, lo, hi);
	for (size_t c = 0; consistent && c < rows * cols; c++) {
		double truth = (double)json_integer_value(json_array_get(json_array_get(counts,
										       c / cols),
								   c % cols));
		recoverable[c] = isnan(cells[c]) && !stated_zero(&t, c) &&
				 floor(hi[c] + 1e-6) - ceil(lo[c] - 1e-6) < 1;
		if (isnan(cells[c]) && (truth < lo[c] - 1e-6 || truth > hi[c] + 1e-6))
			agree_fail(a, "%s: cell [%zu][%zu] holds %g, outside the range %g..%g the "
				   "figures shown allow", where, c / cols, c % cols, truth, lo[c], hi[c]);
	}
	g_free(lo);
	g_free(hi);
	g_free(marks);
	g_free(cells);
	g_free(row_bases);
	g_free(col_bases);
	return consistent;
}

static void audit(struct agree *a, const char *where, const json_t *got, const json_t *want,
		  bool cols_multiple, int small_cell)
{
	size_t rows = json_array_size(json_object_get(want, "counts"));
	size_t cols = json_array_size(json_object_get(want, "col_values"));
	bool *recoverable = g_new0(bool, rows * cols + 1);
	if (!find_recoverable(a, where, got, want, cols_multiple, small_cell, recoverable))
		agree_fail(a, "%s: the figures shown contradict each other", where);
	for (size_t c = 0; c < rows * cols; c++)
		if (recoverable[c])
			agree_fail(a, "%s: suppressed cell [%zu][%zu] can be recovered: it can only be "
				   "%lld", where, c / cols, c % cols,
				   json_integer_value(json_array_get(json_array_get(
					   json_object_get(want, "counts"), c / cols), c % cols)));
	g_free(recoverable);
}

void agree_disclosure(struct agree *a, const json_t *truth, const json_t *tab, const char *by,
		      int small_cell)
{
	const char *multiple = json_string_value(json_object_get(json_object_get(truth, "by"),
								 "select_multiple"));
	bool cols_multiple = multiple && strcmp(multiple, by) == 0;
	glp_term_out(GLP_OFF);
	size_t i;
	json_t *want;
	json_array_foreach(json_object_get(truth, "crosstabs"), i, want) {
		const char *col = json_string_value(json_object_get(want, "col"));
		const char *row = json_string_value(json_object_get(want, "row"));
		const json_t *got = col && strcmp(col, by) == 0
					    ? agree_find(json_object_get(tab, "crosstabs"), "row", row,
							 "col", by)
					    : NULL;
		if (!got)
			continue;
		char *where = g_strdup_printf("%s by %s", row, by);
		if (check_small_cells(a, where, got, want, small_cell))
			audit(a, where, got, want, cols_multiple, small_cell);
		g_free(where);
	}
}

/* Mock outputs, to show the audit at work on generated tables */

static json_t *mock_matrix(const json_t *values, const bool *hidden, size_t cols)
{
	json_t *out = json_array();
	for (size_t i = 0; i < json_array_size(values); i++) {
		json_t *row = json_array();
		for (size_t j = 0; j < cols; j++)
			json_array_append(row, hidden[i * cols + j]
						       ? json_null()
						       : json_array_get(json_array_get(values, i), j));
		json_array_append_new(out, row);
	}
	return out;
}

/* The marks: SMALL cells "primary", other hidden ones "secondary". */
static json_t *mock_suppressed(const bool *hidden, const bool *small, size_t rows, size_t cols)
{
	json_t *out = json_array();
	for (size_t i = 0; i < rows; i++) {
		json_t *row = json_array();
		for (size_t j = 0; j < cols; j++)
			json_array_append_new(row, !hidden[i * cols + j] ? json_null()
						   : small[i * cols + j]  ? json_string("primary")
									  : json_string("secondary"));
		json_array_append_new(out, row);
	}
	return out;
}

/*
 * The truth's crosstab X as quire would print it with SMALL_CELL: WITHHOLD
 * hides every cell and base of a table with a small cell; otherwise only
 * the small cells are hidden, which is not enough where a printed base
 * gives a lone hidden cell away.
 */
static json_t *mock_crosstab(const json_t *x, int small_cell, bool withhold)
{
	const json_t *counts = json_object_get(x, "counts");
	size_t rows = json_array_size(counts), cols = json_array_size(json_object_get(x, "col_values"));
	bool *hidden = g_new0(bool, rows * cols + 1), any = false;
	bool *small = g_new0(bool, rows * cols + 1);
	for (size_t c = 0; c < rows * cols; c++) {
		json_int_t v = json_integer_value(json_array_get(json_array_get(counts, c / cols), c % cols));
		any |= hidden[c] = v >= 1 && v < small_cell;
	}
	/* Withheld: every cell hidden and secondary, as quire marks it. */
	for (size_t c = 0; c < rows * cols; c++) {
		small[c] = hidden[c] && !(withhold && any);
		hidden[c] |= withhold && any;
	}
	json_t *out = json_deep_copy(x);
	json_object_set_new(out, "counts", mock_matrix(counts, hidden, cols));
	json_object_set_new(out, "row_shares", mock_matrix(json_object_get(x, "row_shares"), hidden, cols));
	json_object_set_new(out, "col_shares", mock_matrix(json_object_get(x, "col_shares"), hidden, cols));
	json_object_set_new(out, "suppressed", mock_suppressed(hidden, small, rows, cols));
	json_object_set_new(out, "withheld", json_boolean(withhold && any));
	if (withhold && any) {	/* as quire prints a withheld table: no totals, no n */
		json_object_set_new(out, "row_bases", json_null());
		json_object_set_new(out, "col_bases", json_null());
		json_object_set_new(out, "n", json_null());
	}
	json_object_set_new(out, "tests", json_null());
	json_object_set_new(out, "expected", json_null());
	g_free(hidden);
	g_free(small);
	return out;
}

json_t *agree_mock(const json_t *truth, const char *by, int small_cell, bool withhold)
{
	json_t *crosstabs = json_array();
	size_t i;
	json_t *x;
	json_array_foreach(json_object_get(truth, "crosstabs"), i, x) {
		const char *col = json_string_value(json_object_get(x, "col"));
		if (col && strcmp(col, by) == 0)
			json_array_append_new(crosstabs, mock_crosstab(x, small_cell, withhold));
	}
	return json_pack("{s:o}", "crosstabs", crosstabs);
}

/*
 * Whether hidden cell C is alone in a line whose base is the sum of its
 * cells and is printed: then that base minus the shown cells gives it away.
 */
static bool lone_in_summed_line(const json_t *got, const json_t *want, bool cols_multiple,
				size_t c, size_t cols)
{
	const json_t *counts = json_object_get(got, "counts");
	size_t rows = json_array_size(counts), i = c / cols, j = c % cols, in_row = 0, in_col = 0;
	for (size_t k = 0; k < cols; k++)
		in_row += json_is_null(json_array_get(json_array_get(counts, i), k));
	for (size_t k = 0; k < rows; k++)
		in_col += json_is_null(json_array_get(json_array_get(counts, k), j));
	bool rows_single = strcmp(json_string_value(json_object_get(want, "row_type")),
				  "select_multiple") != 0;
	bool row_base = json_is_number(json_array_get(json_object_get(got, "row_bases"), i));
	bool col_base = json_is_number(json_array_get(json_object_get(got, "col_bases"), j));
	return (rows_single && col_base && in_col == 1) || (!cols_multiple && row_base && in_row == 1);
}

/* Hiding only the small cells: every lone hidden cell of a summed line is found out. */
static void check_naive(struct agree *a, const json_t *truth, const json_t *mock, const char *by,
			bool cols_multiple, int small_cell)
{
	size_t i;
	json_t *want;
	json_array_foreach(json_object_get(truth, "crosstabs"), i, want) {
		const char *col = json_string_value(json_object_get(want, "col"));
		const char *row = json_string_value(json_object_get(want, "row"));
		const json_t *got = col && strcmp(col, by) == 0
					    ? agree_find(json_object_get(mock, "crosstabs"), "row", row,
							 "col", by)
					    : NULL;
		size_t cols = json_array_size(json_object_get(want, "col_values"));
		size_t cells = json_array_size(json_object_get(want, "counts")) * cols;
		if (!got)
			continue;
		bool *recoverable = g_new0(bool, cells + 1);
		if (!find_recoverable(a, row, got, want, cols_multiple, small_cell, recoverable))
			agree_fail(a, "%s by %s: the mock's figures contradict each other", row, by);
		for (size_t c = 0; c < cells; c++)
			if (json_is_null(json_array_get(json_array_get(json_object_get(got, "counts"),
								      c / cols), c % cols)) &&
			    lone_in_summed_line(got, want, cols_multiple, c, cols) && !recoverable[c])
				agree_fail(a, "%s by %s: cell [%zu][%zu] is alone in a summed line, and "
					   "the audit lets it pass", row, by, c / cols, c % cols);
		g_free(recoverable);
	}
}

void agree_audit_check(struct agree *a, const json_t *truth, const char *by, int small_cell)
{
	const char *multiple = json_string_value(json_object_get(json_object_get(truth, "by"),
								 "select_multiple"));
	bool cols_multiple = multiple && strcmp(multiple, by) == 0;
	glp_term_out(GLP_OFF);
	for (int withhold = 0; withhold < 2; withhold++) {
		json_t *mock = agree_mock(truth, by, small_cell, withhold);
		struct agree quiet = { a->check, 0, true };
		agree_crosstabs(&quiet, truth, mock, by, false, small_cell);
		if (quiet.failures)
			agree_fail(a, "the %s mock fails the crosstab check", withhold ? "withholding"
											 : "naive");
		quiet.failures = 0;
		if (withhold)
			agree_disclosure(&quiet, truth, mock, by, small_cell);
		else
			check_naive(a, truth, mock, by, cols_multiple, small_cell);
		if (quiet.failures)
			agree_fail(a, "withholding every cell and base of a table with a small cell "
				   "fails the audit");
		json_decref(mock);
	}
}

/* Self-test */

struct selftest_case {
	const char *what;
	struct audit_table t;
	int cell;		/* the cell to look at */
	double lo, hi;		/* its expected range; lo = -1: the figures contradict */
};

#define X NAN

int agree_selftest(void)
{
	static const double c1[] = { X, 3, 4, 5 }, r1[] = { 4, 9 }, k1[] = { 5, 8 };
	static const double c2[] = { X, X, X, X };
	static const double c3[] = { X, X, 5, X, X, 5, 5, 5, 5 }, r3[] = { 8, 8, 15 },
			    k3[] = { 8, 8, 15 };
	static const double c4[] = { X, 3, 1, 1 }, r4[] = { 5, 2 }, k4[] = { 2, 3 };
	static const double r5[] = { 5, 2 }, k5[] = { 5, 9 };
	static const double c6[] = { X, 2, 1, 1 }, r6[] = { 3, 2 };
	/* 9 States by law and group: 3 1 | 2 1 | 1 0 | 0 1, all hidden. */
	static const double c7[] = { X, X, X, X, X, X, X, X }, r7[] = { 4, 3, 1, 1 },
			    k7[] = { 6, 3 };
	static const enum audit_mark m7[] = { AUDIT_SECONDARY, AUDIT_PRIMARY,	AUDIT_PRIMARY,
					      AUDIT_PRIMARY,   AUDIT_PRIMARY,	AUDIT_SECONDARY,
					      AUDIT_SECONDARY, AUDIT_PRIMARY };
	const struct selftest_case cases[] = {
		{ "one cell hidden in a 2x2 with its margins is recovered",
		  { 2, 2, false, false, c1, r1, k1, 13, NULL, 0 }, 0, 1, 1 },
		{ "all four hidden with the margins: 0 to 4",
		  { 2, 2, false, false, c2, r1, k1, 13, NULL, 0 }, 0, 0, 4 },
		{ "a hidden rectangle in a 3x3 leaves 0 to 3",
		  { 3, 3, false, false, c3, r3, k3, 31, NULL, 0 }, 0, 0, 3 },
		{ "select_multiple rows: a row base still gives the cell away",
		  { 2, 2, true, false, c4, r4, k4, 5, NULL, 0 }, 0, 2, 2 },
		{ "select_multiple rows without row bases: cell <= base <= sum leaves 1 to 2",
		  { 2, 2, true, false, c4, NULL, k4, X, NULL, 0 }, 0, 1, 2 },
		{ "nothing printed about a hidden cell: unbounded",
		  { 2, 2, false, false, c2, NULL, NULL, X, NULL, 0 }, 0, 0, INFINITY },
		{ "margins that contradict the cells are found out",
		  { 2, 2, false, false, c2, r5, k5, X, NULL, 0 }, 0, -1, -1 },
		{ "a single-valued column variable: the row base gives the cell away",
		  { 2, 2, false, false, c6, r6, NULL, X, NULL, 0 }, 0, 1, 1 },
		{ "a select_multiple column variable: cell <= row base <= sum leaves 1 to 3",
		  { 2, 2, false, true, c6, r6, NULL, X, NULL, 0 }, 0, 1, 3 },
		{ "every cell hidden, the marks unread: the 3 could be 1 to 4",
		  { 4, 2, false, false, c7, r7, k7, 9, NULL, 0 }, 0, 1, 4 },
		{ "\"< 3\" is 1 or 2 and \"x\" 0 or 3 and more: the rows of one State give it away",
		  { 4, 2, false, false, c7, r7, k7, 9, m7, 3 }, 0, 3, 3 },
		{ "... and the \"x\" beside a row's lone \"< 3\" is 0",
		  { 4, 2, false, false, c7, r7, k7, 9, m7, 3 }, 5, 0, 0 },
	};
	int failures = 0;
	glp_term_out(GLP_OFF);
	printf("1..%zu\n", G_N_ELEMENTS(cases));
	for (guint k = 0; k < G_N_ELEMENTS(cases); k++) {
		const struct selftest_case *c = &cases[k];
		double lo[9], hi[9];
		bool consistent = audit_ranges(&c->t, lo, hi);
		bool ok = c->lo < 0 ? !consistent
				    : consistent && lo[c->cell] == c->lo && hi[c->cell] == c->hi;
		failures += !ok;
		printf("%sok %u - %s\n", ok ? "" : "not ", k + 1, c->what);
		if (!ok && consistent)
			printf("# range %g..%g, expected %g..%g\n", lo[c->cell], hi[c->cell], c->lo,
			       c->hi);
	}
	return failures;
}
