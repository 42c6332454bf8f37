/* test-stats.c - unit tests for the statistics module, against R's figures */
#include <config.h>
#include "stats.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "csvio.h"
#include "tap.h"

/*
 * Reference files (see tests/data/stats/ and the README beside the shared
 * copy): PREFIXtables.csv + PREFIXexpected.csv hold tables and their
 * figures, mc_tables.csv + mc_expected.csv a simulated p-value,
 * PREFIXproportions.csv intervals, numeric.csv + numeric_expected.csv samples
 * and their summaries.  Numbers are compared with a relative tolerance of
 * 1e-9 and an absolute floor of 1e-12; NA means NaN is expected.
 */
#define REL_TOL 1e-9
#define ABS_TOL 1e-12
/* For n >= 1e6 the factorials in P(table) limit any method to about 1e-9 of log P. */
#define REL_TOL_HUGE_N 1e-6

/*
 * Times are printed as diagnostics, never tested: a loaded machine would
 * fail a timed test.  The work bound, which is what caps the time, is.
 */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A CSV file read whole through csvio: a header and rows of owned strings. */
struct sheet {
	char *name;
	GPtrArray *header;	/* char * */
	GPtrArray *rows;	/* GPtrArray * of char * */
};

static GPtrArray *record_copy(const struct csvio_record *rec)
{
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
	for (size_t i = 0; i < rec->n_fields; i++)
		g_ptr_array_add(a, g_strdup(rec->fields[i]));
	return a;
}

static bool sheet_load(struct sheet *s, const char *path)
{
	s->name = g_path_get_basename(path);
	s->header = NULL;
	s->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
	struct csvio_reader *r = csvio_open(path, NULL, CSVIO_DELIM_COMMA);
	if (!r)
		return false;
	struct csvio_record rec;
	int rc;
	while ((rc = csvio_next(r, &rec)) == 1) {
		if (!s->header)
			s->header = record_copy(&rec);
		else
			g_ptr_array_add(s->rows, record_copy(&rec));
	}
	csvio_close(r);
	return rc == 0 && s->header;
}

static void sheet_release(struct sheet *s)
{
	g_free(s->name);
	if (s->header)
		g_ptr_array_unref(s->header);
	g_ptr_array_unref(s->rows);
}

static int sheet_col(const struct sheet *s, const char *name)
{
	for (guint i = 0; i < s->header->len; i++)
		if (strcmp(g_ptr_array_index(s->header, i), name) == 0)
			return (int)i;
	return -1;
}

static const char *sheet_get(const struct sheet *s, guint row, int col)
{
	GPtrArray *r = g_ptr_array_index(s->rows, row);
	return col >= 0 && (guint)col < r->len ? g_ptr_array_index(r, (guint)col) : "";
}

/* A number as R prints it: NA is NaN; anything unparsable is NaN too, and fails its check. */
static double num(const char *s)
{
	if (strcmp(s, "NA") == 0)
		return NAN;
	char *end;
	double v = g_ascii_strtod(s, &end);
	return *s && *end == '\0' ? v : NAN;
}

static double sheet_num(const struct sheet *s, guint row, const char *name)
{
	return num(sheet_get(s, row, sheet_col(s, name)));
}

/* Tells which columns of S are not among the KNOWN ones, so nothing goes unchecked unnoticed. */
static void note_unchecked(const struct sheet *s, const char *const *known)
{
	GString *rest = g_string_new(NULL);
	for (guint i = 0; i < s->header->len; i++) {
		const char *h = g_ptr_array_index(s->header, i);
		bool found = false;
		for (const char *const *k = known; *k && !found; k++)
			found = strcmp(*k, h) == 0;
		if (!found)
			g_string_append_printf(rest, " %s", h);
	}
	if (rest->len)
		tap_diag("%s: columns not checked:%s", s->name, rest->str);
	g_string_free(rest, TRUE);
}

/* Contingency tables */

struct table {
	size_t rows, cols;
	double *counts;		/* row-major */
};

static void table_free(gpointer p)
{
	struct table *t = p;
	g_free(t->counts);
	g_free(t);
}

/* Reads a long-form table file (table_id,row,col,count) into id -> struct table. */
static GHashTable *tables_load(const char *path)
{
	struct sheet s;
	GHashTable *tables = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, table_free);
	bool ok = sheet_load(&s, path);
	int cid = ok ? sheet_col(&s, "table_id") : -1;
	for (int pass = 0; ok && pass < 2; pass++)
		for (guint i = 0; i < s.rows->len; i++) {
			const char *id = sheet_get(&s, i, cid);
			size_t r = (size_t)sheet_num(&s, i, "row"), c = (size_t)sheet_num(&s, i, "col");
			struct table *t = g_hash_table_lookup(tables, id);
			if (!t) {
				t = g_new0(struct table, 1);
				g_hash_table_insert(tables, g_strdup(id), t);
			}
			if (pass == 0) {
				t->rows = MAX(t->rows, r);
				t->cols = MAX(t->cols, c);
				continue;
			}
			if (!t->counts)
				t->counts = g_new0(double, t->rows * t->cols);
			t->counts[(r - 1) * t->cols + (c - 1)] = sheet_num(&s, i, "count");
		}
	ok(ok, "%s: read", path);
	sheet_release(&s);
	return tables;
}

/* The figure of X named as in expected.csv. */
static double crosstab_figure(const struct stats_crosstab *x, const char *name)
{
	static const struct {
		const char *name;
		size_t offset;
	} doubles[] = {
		{"n", G_STRUCT_OFFSET(struct stats_crosstab, n)},
		{"df", G_STRUCT_OFFSET(struct stats_crosstab, df)},
		{"pearson_chisq", G_STRUCT_OFFSET(struct stats_crosstab, pearson_chisq)},
		{"pearson_p", G_STRUCT_OFFSET(struct stats_crosstab, pearson_p)},
		{"yates_chisq", G_STRUCT_OFFSET(struct stats_crosstab, yates_chisq)},
		{"yates_p", G_STRUCT_OFFSET(struct stats_crosstab, yates_p)},
		{"lr_g", G_STRUCT_OFFSET(struct stats_crosstab, lr_g)},
		{"lr_g_p", G_STRUCT_OFFSET(struct stats_crosstab, lr_p)},
		{"phi", G_STRUCT_OFFSET(struct stats_crosstab, phi)},
		{"cramers_v", G_STRUCT_OFFSET(struct stats_crosstab, cramers_v)},
		{"min_expected", G_STRUCT_OFFSET(struct stats_crosstab, min_expected)},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(doubles); i++)
		if (strcmp(name, doubles[i].name) == 0)
			return G_STRUCT_MEMBER(double, x, doubles[i].offset);
	if (strcmp(name, "fisher_p") == 0)
		return x->fisher.p;
	if (strcmp(name, "fisher_p_less") == 0)
		return x->fisher.p_less;
	if (strcmp(name, "fisher_p_greater") == 0)
		return x->fisher.p_greater;
	/* PSPP's and SPSS's phi of any table, sqrt(X^2 / n): |phi| for a 2x2 table. */
	if (strcmp(name, "phi_abs") == 0)
		return sqrt(x->pearson_chisq / x->n);
	if (strcmp(name, "cells_expected_lt5") == 0)
		return (double)x->cells_expected_lt5;
	if (strcmp(name, "cells") == 0)
		return (double)x->cells;
	return NAN;
}

static const char *const crosstab_columns[] = {
	"table_id", "nrow", "ncol", "n", "df", "pearson_chisq", "pearson_p", "yates_chisq",
	"yates_p", "lr_g", "lr_g_p", "fisher_p", "fisher_p_less", "fisher_p_greater", "phi",
	"phi_abs", "cramers_v", "min_expected", "cells_expected_lt5", "cells", NULL,
};

struct timing {
	double slowest;
	const char *slowest_id;
	unsigned long long most_work;
};

/* Checks every figure of row I of the expected sheet E against table T. */
static void check_crosstab(const struct sheet *e, guint i, const struct table *t,
			   struct timing *tm)
{
	const char *id = sheet_get(e, i, sheet_col(e, "table_id"));
	ok(t->rows == (size_t)sheet_num(e, i, "nrow") && t->cols == (size_t)sheet_num(e, i, "ncol"),
	   "%s %s: a %zux%zu table", e->name, id, t->rows, t->cols);
	struct stats_crosstab x;
	double t0 = now();
	int rc = stats_crosstab(t->counts, t->rows, t->cols, &x);
	double dt = now() - t0;
	ok(rc == 0 && x.fisher.method == STATS_FISHER_EXACT, "%s %s: exact Fisher in %.4f s",
	   e->name, id, dt);
	if (dt > tm->slowest) {
		tm->slowest = dt;
		tm->slowest_id = id;
	}
	tm->most_work = MAX(tm->most_work, x.fisher.work);
	for (size_t k = 3; crosstab_columns[k]; k++) {
		const char *name = crosstab_columns[k];
		if (sheet_col(e, name) < 0)
			continue;
		double rel = REL_TOL;
		if (g_str_has_prefix(name, "fisher_p") && x.n >= 1e6)
			rel = REL_TOL_HUGE_N;
		char *what = g_strdup_printf("%s %s %s", e->name, id, name);
		tap_check_num(crosstab_figure(&x, name), sheet_num(e, i, name), rel, ABS_TOL,
			      __FILE__, __LINE__, what);
		g_free(what);
	}
}

static void check_crosstabs(const char *dir, const char *prefix)
{
	char *tpath = g_strdup_printf("%s/%stables.csv", dir, prefix);
	char *epath = g_strdup_printf("%s/%sexpected.csv", dir, prefix);
	GHashTable *tables = tables_load(tpath);
	struct sheet e;
	struct timing tm = {0, "", 0};
	if (ok(sheet_load(&e, epath), "%s: read", epath)) {
		note_unchecked(&e, crosstab_columns);
		for (guint i = 0; i < e.rows->len; i++) {
			const char *id = sheet_get(&e, i, sheet_col(&e, "table_id"));
			const struct table *t = g_hash_table_lookup(tables, id);
			if (ok(t != NULL, "%s: table %s is in %stables.csv", e.name, id, prefix))
				check_crosstab(&e, i, t, &tm);
		}
		/*
		 * Time is reported, not tested: a loaded machine would fail a
		 * timed test.  The work bound, which caps the time, is tested.
		 */
		tap_diag("%s: slowest Fisher test %s, %.4f s", e.name, tm.slowest_id, tm.slowest);
		ok(tm.most_work <= STATS_FISHER_MAX_WORK, "%s: most work of one exact test %llu "
		   "steps (limit %llu)", e.name, tm.most_work, STATS_FISHER_MAX_WORK);
	}
	sheet_release(&e);
	g_hash_table_unref(tables);
	g_free(tpath);
	g_free(epath);
}

/*
 * The simulated p-value of R (B = 1e6) and quire's (B = 1e5) differ by
 * less than 4 combined standard errors, and the simulation is quick.
 */
static void check_monte_carlo(const char *dir)
{
	char *tpath = g_strdup_printf("%s/mc_tables.csv", dir);
	char *epath = g_strdup_printf("%s/mc_expected.csv", dir);
	GHashTable *tables = tables_load(tpath);
	struct sheet e;
	if (ok(sheet_load(&e, epath), "%s: read", epath))
		for (guint i = 0; i < e.rows->len; i++) {
			const char *id = sheet_get(&e, i, sheet_col(&e, "table_id"));
			const struct table *t = g_hash_table_lookup(tables, id);
			if (!ok(t != NULL, "mc table %s found", id))
				continue;
			struct stats_fisher f;
			double t0 = now();
			stats_fisher(t->counts, t->rows, t->cols, NULL, &f);
			double dt = now() - t0;
			double want = sheet_num(&e, i, "fisher_p_sim"), se = sheet_num(&e, i, "se");
			ok(f.method == STATS_FISHER_MONTE_CARLO, "%s: Monte Carlo after %llu steps",
			   id, f.work);
			check_int(f.replicates, STATS_FISHER_REPLICATES);
			ok(fabs(f.p - want) < 4 * sqrt(f.se * f.se + se * se),
			   "%s: simulated p %.5f (se %.5f) near R's %.5f (se %.5f)", id, f.p, f.se,
			   want, se);
			tap_diag("%s: exact attempt and simulation in %.3f s", id, dt);
		}
	sheet_release(&e);
	g_hash_table_unref(tables);
	g_free(tpath);
	g_free(epath);
}

/* Proportions */

static const char *const proportion_columns[] = {
	"successes", "n", "wilson_lower", "wilson_upper", "cp_lower", "cp_upper", NULL,
};

static void check_proportions(const char *dir, const char *file)
{
	char *path = g_strdup_printf("%s/%s", dir, file);
	struct sheet s;
	if (ok(sheet_load(&s, path), "%s: read", path)) {
		note_unchecked(&s, proportion_columns);
		for (guint i = 0; i < s.rows->len; i++) {
			unsigned long k = (unsigned long)sheet_num(&s, i, "successes");
			unsigned long n = (unsigned long)sheet_num(&s, i, "n");
			struct stats_interval w = stats_wilson(k, n), cp = stats_clopper_pearson(k, n);
			const double got[] = {w.lower, w.upper, cp.lower, cp.upper};
			for (size_t c = 0; c < 4; c++) {
				const char *col = proportion_columns[c + 2];
				char *what = g_strdup_printf("%s %lu of %lu %s", s.name, k, n, col);
				tap_check_num(got[c], sheet_num(&s, i, col), REL_TOL, ABS_TOL,
					      __FILE__, __LINE__, what);
				g_free(what);
			}
		}
	}
	sheet_release(&s);
	g_free(path);
}

/* Numeric summaries */

/* Summarises DATA[0..N) the way a caller would: sorted, then kept as runs. */
static int summarise(double *data, size_t n, struct stats_numeric *out)
{
	gsl_sort(data, 1, n);
	double *values = g_new(double, n + 1), *counts = g_new(double, n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k > 0 && values[k - 1] == data[i]) {
			counts[k - 1]++;
			continue;
		}
		values[k] = data[i];
		counts[k++] = 1;
	}
	int rc = stats_numeric_runs(values, counts, k, out);
	g_free(values);
	g_free(counts);
	return rc;
}

static const char *const numeric_columns[] = {
	"sample_id", "n", "mean", "sd", "variance", "median", "q1", "q3", "min", "max", NULL,
};

static double numeric_figure(const struct stats_numeric *s, const char *name)
{
	const double v[] = {s->n, s->mean, s->sd, s->variance, s->median, s->q1, s->q3, s->min,
			    s->max};
	for (size_t i = 0; i < G_N_ELEMENTS(v); i++)
		if (strcmp(numeric_columns[i + 1], name) == 0)
			return v[i];
	return NAN;
}

static GHashTable *samples_load(const char *path)
{
	GHashTable *samples = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
						    (GDestroyNotify)g_array_unref);
	struct sheet s;
	if (ok(sheet_load(&s, path), "%s: read", path))
		for (guint i = 0; i < s.rows->len; i++) {
			const char *id = sheet_get(&s, i, sheet_col(&s, "sample_id"));
			GArray *a = g_hash_table_lookup(samples, id);
			if (!a) {
				a = g_array_new(FALSE, FALSE, sizeof(double));
				g_hash_table_insert(samples, g_strdup(id), a);
			}
			double v = sheet_num(&s, i, "value");
			g_array_append_val(a, v);
		}
	sheet_release(&s);
	return samples;
}

static void check_numeric(const char *dir)
{
	char *dpath = g_strdup_printf("%s/numeric.csv", dir);
	char *epath = g_strdup_printf("%s/numeric_expected.csv", dir);
	GHashTable *samples = samples_load(dpath);
	struct sheet e;
	if (ok(sheet_load(&e, epath), "%s: read", epath)) {
		note_unchecked(&e, numeric_columns);
		for (guint i = 0; i < e.rows->len; i++) {
			const char *id = sheet_get(&e, i, sheet_col(&e, "sample_id"));
			GArray *a = g_hash_table_lookup(samples, id);
			if (!ok(a != NULL, "sample %s found", id))
				continue;
			struct stats_numeric s;
			summarise((double *)(void *)a->data, a->len, &s);
			for (size_t k = 1; numeric_columns[k]; k++) {
				if (sheet_col(&e, numeric_columns[k]) < 0)
					continue;
				char *what = g_strdup_printf("%s %s", id, numeric_columns[k]);
				tap_check_num(numeric_figure(&s, numeric_columns[k]),
					      sheet_num(&e, i, numeric_columns[k]), REL_TOL, ABS_TOL,
					      __FILE__, __LINE__, what);
				g_free(what);
			}
		}
	}
	sheet_release(&e);
	g_hash_table_unref(samples);
	g_free(dpath);
	g_free(epath);
}

static gint cmp_names(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every reference file in DIR; returns how many were checked. */
static int check_reference_dir(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	if (!d)
		return 0;
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	const char *name;
	while ((name = g_dir_read_name(d)))
		g_ptr_array_add(names, g_strdup(name));
	g_dir_close(d);
	g_ptr_array_sort(names, cmp_names);
	int checked = 0;
	for (guint i = 0; i < names->len; i++) {
		const char *n = g_ptr_array_index(names, i);
		bool pair = g_str_has_suffix(n, "expected.csv");
		char *prefix = g_strndup(n, pair ? strlen(n) - strlen("expected.csv") : 0);
		char *tables = g_strdup_printf("%s/%stables.csv", dir, prefix);
		if (g_str_has_suffix(n, "proportions.csv")) {
			check_proportions(dir, n);
			checked++;
		} else if (strcmp(n, "numeric_expected.csv") == 0) {
			check_numeric(dir);
			checked++;
		} else if (strcmp(n, "mc_expected.csv") == 0) {
			check_monte_carlo(dir);
			checked++;
		} else if (pair && g_file_test(tables, G_FILE_TEST_EXISTS)) {
			check_crosstabs(dir, prefix);
			checked++;
		}
		g_free(prefix);
		g_free(tables);
	}
	g_ptr_array_unref(names);
	return checked;
}

/* Runs-based figures against GSL on the expanded data, for random samples with many ties. */
static void test_runs_against_gsl(void)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, 47);
	int bad_q = 0, bad_m = 0, samples = 2000;
	for (int s = 0; s < samples; s++) {
		size_t n = 1 + gsl_rng_uniform_int(rng, 80);
		unsigned long spread = 1 + gsl_rng_uniform_int(rng, s % 3 ? 6 : 1000);
		double scale = s % 2 ? 0.1 : 1000.5, *x = g_new(double, n), *y = g_new(double, n);
		for (size_t i = 0; i < n; i++)
			x[i] = y[i] = scale * (double)gsl_rng_uniform_int(rng, spread) - 3;
		struct stats_numeric st;
		summarise(y, n, &st);
		gsl_sort(x, 1, n);
		const double p[] = {0.25, 0.5, 0.75}, got[] = {st.q1, st.median, st.q3};
		for (int k = 0; k < 3; k++) {
			double want = gsl_stats_quantile_from_sorted_data(x, 1, n, p[k]);
			bad_q += fabs(got[k] - want) > 4 * DBL_EPSILON * fabs(want);
		}
		double mean = gsl_stats_mean(x, 1, n);
		bad_m += fabs(st.mean - mean) > 1e-12 * fmax(1, fabs(mean));
		if (n > 1) {
			double sd = gsl_stats_sd_m(x, 1, n, mean);
			bad_m += fabs(st.sd - sd) > 1e-10 * fmax(1e-3, sd);
		}
		bad_m += st.n != (double)n || st.min != x[0] || st.max != x[n - 1];
		g_free(x);
		g_free(y);
	}
	ok(bad_q == 0, "quartiles from runs equal GSL's on the expanded data (%d samples, %d off)",
	   samples, bad_q);
	ok(bad_m == 0, "n, mean, sd, min, max from runs equal GSL's (%d off)", bad_m);
	gsl_rng_free(rng);
}

static void test_numeric_edges(void)
{
	struct stats_numeric s;
	check_int(stats_numeric_runs(NULL, NULL, 0, &s), 0);
	ok(s.n == 0 && isnan(s.mean) && isnan(s.sd) && isnan(s.median) && isnan(s.max),
	   "no data: n = 0, the rest NaN");
	const double v1[] = {2.5}, c1[] = {1};
	stats_numeric_runs(v1, c1, 1, &s);
	ok(s.n == 1 && s.mean == 2.5 && isnan(s.sd) && isnan(s.variance) && s.q1 == 2.5 &&
		   s.median == 2.5 && s.q3 == 2.5 && s.min == 2.5 && s.max == 2.5,
	   "one value: sd and variance NaN, the rest that value");
	const double v2[] = {1, 2, 3}, c2[] = {0, 3, 0};
	stats_numeric_runs(v2, c2, 3, &s);
	ok(s.n == 3 && s.min == 2 && s.max == 2 && s.sd == 0, "runs of zero count are ignored");
	const double v3[] = {2, 1}, c3[] = {1, 1};
	check_int(stats_numeric_runs(v3, c3, 2, &s), -1);
	ok(isnan(s.mean), "values out of order are refused");
	const double c4[] = {1, 0.5};
	check_int(stats_numeric_runs(v1, c4, 1, &s), 0);
	check_int(stats_numeric_runs(v2, c4, 2, &s), -1);
	/* A large mean and a small spread: the two-pass correction keeps the digits. */
	const double v5[] = {1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3}, c5[] = {1000000, 2000000, 1000000};
	stats_numeric_runs(v5, c5, 3, &s);
	check_num(s.mean, 1e9 + 0.2, 1e-15);
	check_num(s.variance, 0.005 * 4000000 / 3999999, 1e-6);
	check_num(s.median, 1e9 + 0.2, 0);
}

static void test_proportion_edges(void)
{
	struct stats_interval w = stats_wilson(0, 0), cp = stats_clopper_pearson(0, 0);
	ok(isnan(w.lower) && isnan(w.upper) && isnan(cp.lower) && isnan(cp.upper),
	   "n = 0: NaN intervals");
	w = stats_wilson(5, 4);
	ok(isnan(w.lower), "k > n: NaN interval");
	w = stats_wilson(9, 9);
	cp = stats_clopper_pearson(9, 9);
	ok(w.upper == 1 && cp.upper == 1 && cp.lower > 0.66 && w.lower > 0.7,
	   "k = n: upper bounds exactly 1");
}

/* Edge cases of tables */

static void check_undefined(const char *what, const double *counts, size_t rows, size_t cols,
			    size_t rows_used, size_t cols_used)
{
	struct stats_crosstab x;
	int rc = stats_crosstab(counts, rows, cols, &x);
	ok(rc == 0 && !x.defined && x.rows_used == rows_used && x.cols_used == cols_used &&
		   isnan(x.pearson_chisq) && isnan(x.pearson_p) && isnan(x.lr_g) &&
		   isnan(x.yates_p) && isnan(x.cramers_v) && isnan(x.phi) && isnan(x.fisher.p) &&
		   x.fisher.method == STATS_FISHER_NONE && isnan(x.df) && !x.unreliable,
	   "%s: undefined, every test NaN", what);
}

static void test_table_edges(void)
{
	const double one_row[] = {3, 4, 5, 0, 0, 0};
	check_undefined("all counts in one row", one_row, 2, 3, 1, 3);
	const double one_by_c[] = {1, 2, 3, 4};
	check_undefined("a 1x4 table", one_by_c, 1, 4, 1, 4);
	check_undefined("a 0x0 table", NULL, 0, 0, 0, 0);
	const double zeros[] = {0, 0, 0, 0};
	check_undefined("an all-zero 2x2 table", zeros, 2, 2, 0, 0);
	const double single[] = {0, 1, 0, 0};
	check_undefined("n = 1", single, 2, 2, 1, 1);
	const double column[] = {0, 7, 0, 2, 0, 1};
	check_undefined("one nonzero column", column, 3, 2, 3, 1);

	struct stats_crosstab x;
	stats_crosstab(single, 2, 2, &x);
	ok(x.n == 1, "n = 1 is reported");
}

static void test_table_input(void)
{
	struct stats_crosstab x;
	const double bad[] = {1, -1, 2, 3};
	check_int(stats_crosstab(bad, 2, 2, &x), -1);
	const double frac[] = {1, 1.5, 2, 3};
	check_int(stats_crosstab(frac, 2, 2, &x), -1);
	const double nan_count[] = {1, NAN, 2, 3};
	check_int(stats_crosstab(nan_count, 2, 2, &x), -1);
	ok(!x.defined && isnan(x.fisher.p), "invalid counts give an undefined result");
}

static void test_table_figures(void)
{
	struct stats_crosstab x;
	/* Zero rows and columns are left out: the same figures as without them. */
	const double padded[] = {3, 0, 1, 0, 0, 0, 1, 0, 3}, plain[] = {3, 1, 1, 3};
	struct stats_crosstab y;
	stats_crosstab(padded, 3, 3, &x);
	stats_crosstab(plain, 2, 2, &y);
	ok(x.defined && x.rows_used == 2 && x.cols_used == 2 && x.pearson_chisq == y.pearson_chisq &&
		   x.yates_chisq == y.yates_chisq && x.fisher.p == y.fisher.p && x.phi == y.phi &&
		   x.cells == 4 && x.fisher.p_less == y.fisher.p_less,
	   "zero rows and columns are excluded from the tests");

	double e[9];
	stats_expected(padded, 3, 3, e);
	ok(e[0] == 2 && e[2] == 2 && e[6] == 2 && e[8] == 2 && e[1] == 0 && e[3] == 0 &&
		   e[4] == 0 && e[5] == 0 && e[7] == 0,
	   "expected counts: 0 in zero rows and columns");
	const double zeros[] = {0, 0, 0, 0};
	stats_expected(zeros, 2, 2, e);
	ok(e[0] == 0 && e[1] == 0 && e[2] == 0 && e[3] == 0, "expected counts of an empty table");

	/* Chi-square unreliable when more than 20% of cells expect fewer than 5. */
	const double fifth[] = {25, 25, 25, 25, 25, 25, 25, 25, 2, 2}, small[] = {30, 2, 30, 1};
	stats_crosstab(fifth, 5, 2, &x);
	stats_crosstab(small, 2, 2, &y);
	ok(!x.unreliable && x.cells_expected_lt5 == 2 && x.cells == 10 && x.min_expected == 2,
	   "2 of 10 cells expecting fewer than 5 is not more than 20%%");
	ok(y.unreliable && y.cells_expected_lt5 == 2 && y.cells == 4,
	   "2 of 4 is: chi-square unreliable");
}

/* Brute force: every table with T's margins, by recursion over the cells. */
struct brute {
	size_t r, c;
	long *x, *rowrem, *colrem;
	double thr, k, sum;
};

static void brute_cell(struct brute *b, size_t cell, double f)
{
	if (cell == b->r * b->c) {
		if (f <= b->thr)
			b->sum += exp(b->k + f);
		return;
	}
	size_t i = cell / b->c, j = cell % b->c;
	long lo = 0, hi = MIN(b->rowrem[i], b->colrem[j]);
	if (j == b->c - 1)
		lo = hi = b->rowrem[i];
	if (i == b->r - 1)
		lo = hi = b->colrem[j];
	if (lo > MIN(b->rowrem[i], b->colrem[j]))
		return;
	for (long v = lo; v <= hi; v++) {
		b->rowrem[i] -= v;
		b->colrem[j] -= v;
		brute_cell(b, cell + 1, f - gsl_sf_lnfact((unsigned)v));
		b->rowrem[i] += v;
		b->colrem[j] += v;
	}
}

static double brute_fisher(const long *cells, size_t r, size_t c)
{
	struct brute b = {r, c, NULL, g_new0(long, r), g_new0(long, c), 0, 0, 0};
	double fobs = 0;
	long n = 0;
	for (size_t i = 0; i < r; i++)
		for (size_t j = 0; j < c; j++) {
			long v = cells[i * c + j];
			b.rowrem[i] += v;
			b.colrem[j] += v;
			fobs -= gsl_sf_lnfact((unsigned)v);
			n += v;
		}
	for (size_t i = 0; i < r; i++)
		b.k += gsl_sf_lnfact((unsigned)b.rowrem[i]);
	for (size_t j = 0; j < c; j++)
		b.k += gsl_sf_lnfact((unsigned)b.colrem[j]);
	b.k -= gsl_sf_lnfact((unsigned)n);
	b.thr = fobs + log1p(1e-7);
	brute_cell(&b, 0, 0);
	g_free(b.rowrem);
	g_free(b.colrem);
	return fmin(1, b.sum);
}

/* The network algorithm against brute force on random small tables of many shapes. */
static void test_fisher_brute_force(void)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, 2019);
	int bad = 0, tables = 0;
	for (int s = 0; s < 400; s++) {
		size_t r = 2 + gsl_rng_uniform_int(rng, 3), c = 2 + gsl_rng_uniform_int(rng, 4);
		long n = 0, *cells = g_new(long, r * c);
		double *counts = g_new(double, r * c);
		unsigned long top = r * c > 9 ? 3 : 6;
		for (size_t k = 0; k < r * c; k++) {
			cells[k] = (long)gsl_rng_uniform_int(rng, top + (k % 3 == 0 ? 4 : 0));
			counts[k] = (double)cells[k];
			n += cells[k];
		}
		/* Brute force visits every table with the margins: keep their number small. */
		long most = r * c > 12 ? 22 : r * c > 8 ? 30 : 45;
		struct stats_fisher f;
		stats_fisher(counts, r, c, NULL, &f);
		if (f.method == STATS_FISHER_EXACT && n <= most) {
			double want = brute_fisher(cells, r, c);
			tables++;
			if (fabs(f.p - want) > 1e-9 * want + 1e-13) {
				bad++;
				tap_diag("%zux%zu n=%ld: got %.17g want %.17g", r, c, n, f.p, want);
			}
		}
		g_free(cells);
		g_free(counts);
	}
	ok(bad == 0 && tables > 200, "Fisher p equals brute-force enumeration (%d tables, %d off)",
	   tables, bad);
	gsl_rng_free(rng);
}

/* Two-row tables of large n stay exact and fast. */
static void test_fisher_large_n(void)
{
	/* Brute force over x11, x12 for a 2x3 table of 3000 is a few million tables. */
	const long cells[] = {480, 530, 500, 520, 470, 500};
	double counts[6];
	for (int i = 0; i < 6; i++)
		counts[i] = (double)cells[i];
	struct stats_fisher f;
	double t0 = now();
	stats_fisher(counts, 2, 3, NULL, &f);
	double dt = now() - t0;
	double want = brute_fisher(cells, 2, 3);
	ok(f.method == STATS_FISHER_EXACT && fabs(f.p - want) < 1e-9 * want,
	   "2x3, n = 3000: exact %.12g, brute force %.12g, %.3f s", f.p, want, dt);

	const double million[] = {166000, 167500, 166700, 166300, 166600, 166900};
	t0 = now();
	stats_fisher(million, 2, 3, NULL, &f);
	dt = now() - t0;
	ok(f.method == STATS_FISHER_EXACT && f.p > 0 && f.p <= 1 &&
	   f.work <= STATS_FISHER_MAX_WORK,
	   "2x3, n = 1,000,000: exact p %.10g in %.3f s (%llu steps)", f.p, dt, f.work);
	const double million_t[] = {166000, 166300, 167500, 166600, 166700, 166900};
	struct stats_fisher g;
	stats_fisher(million_t, 3, 2, NULL, &g);
	ok(g.method == STATS_FISHER_EXACT && g.p == f.p, "3x2 transposed: the same p");
}

/* The work limit is on work done: a tiny limit stops the exact attempt at once. */
static void test_fisher_limits(void)
{
	const double t[] = {2, 6, 2, 5, 2, 6, 1, 12, 4};
	struct stats_fisher exact, mc, again;
	stats_fisher(t, 3, 3, NULL, &exact);
	struct stats_fisher_options o = {.max_work = 10};
	stats_fisher(t, 3, 3, &o, &mc);
	ok(mc.method == STATS_FISHER_MONTE_CARLO && mc.replicates == STATS_FISHER_REPLICATES &&
		   mc.work < 1000,
	   "a small work limit switches to simulation (%llu steps)", mc.work);
	ok(fabs(mc.p - exact.p) < 4 * mc.se && mc.se > 0,
	   "simulated p %.5f (se %.5f) near the exact %.5f", mc.p, mc.se, exact.p);
	stats_fisher(t, 3, 3, &o, &again);
	ok(again.p == mc.p, "the simulation is seeded: the same p twice");
	o.replicates = 1000;
	o.seed = 7;
	stats_fisher(t, 3, 3, &o, &again);
	ok(again.replicates == 1000 && fabs(again.se - sqrt(again.p * (1 - again.p) / 1000)) < 1e-15,
	   "replicates and seed can be chosen; se = sqrt(p (1 - p) / B)");
	ok(exact.method == STATS_FISHER_EXACT && exact.se == 0 && exact.replicates == 0 &&
		   isnan(exact.p_less),
	   "an exact r x c result: no replicates, se 0, no one-sided p");
}

/*
 * 6x6 tables of 47, the size of AALCO's membership, that took 120 to 225
 * million steps when the network filled the largest columns first, and so
 * fell back to simulation at the 100 million steps the default allowed
 * then.  With the default options they are exact and equal to R's p.
 */
static const struct {
	double counts[36];
	double p;		/* R 4.2.2 fisher.test */
} wide_tables[] = {
	{{2, 1, 0, 1, 3, 4, 3, 1, 1, 0, 1, 2, 1, 0, 0, 3, 5, 1,
	  0, 0, 0, 2, 0, 1, 0, 0, 1, 1, 3, 3, 1, 2, 1, 3, 0, 0}, 0.12184008434209993},
	{{0, 2, 1, 3, 1, 1, 0, 5, 2, 1, 2, 1, 0, 0, 1, 0, 1, 3,
	  0, 1, 3, 1, 2, 0, 1, 0, 1, 3, 2, 0, 3, 3, 1, 0, 1, 1}, 0.15077155343477169},
	/* R's default workspace is too small for this one: fisher.test(x, workspace = 2e7). */
	{{1, 1, 0, 0, 2, 1, 1, 0, 0, 0, 1, 0, 5, 0, 1, 4, 0, 2,
	  6, 0, 0, 1, 4, 2, 0, 0, 2, 3, 0, 4, 1, 0, 2, 2, 1, 0}, 0.018907111313580895},
};

static void test_fisher_wide(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(wide_tables); i++) {
		struct stats_fisher f;
		stats_fisher(wide_tables[i].counts, 6, 6, NULL, &f);
		ok(f.method == STATS_FISHER_EXACT && f.work <= STATS_FISHER_MAX_WORK,
		   "6x6, n = 47, table %zu: exact with the default limit (%llu steps)", i + 1, f.work);
		tap_check_num(f.p, wide_tables[i].p, REL_TOL, ABS_TOL, __FILE__, __LINE__,
			      "6x6, n = 47: R's exact p");
	}

	const double *t = wide_tables[2].counts;
	struct stats_fisher dflt, same, mc;
	stats_fisher(t, 6, 6, NULL, &dflt);
	struct stats_fisher_options o = {.max_work = STATS_FISHER_MAX_WORK};
	stats_fisher(t, 6, 6, &o, &same);
	ok(same.method == dflt.method && same.p == dflt.p && same.work == dflt.work,
	   "max_work 0 means STATS_FISHER_MAX_WORK");
	o.max_work = 1000000;
	stats_fisher(t, 6, 6, &o, &mc);
	ok(mc.method == STATS_FISHER_MONTE_CARLO && mc.replicates == STATS_FISHER_REPLICATES &&
		   mc.work < 2 * o.max_work,
	   "a limit of a million steps simulates the 6x6 table (%llu steps)", mc.work);
	ok(fabs(mc.p - dflt.p) < 4 * mc.se, "simulated p %.5f (se %.5f) near the exact %.5f",
	   mc.p, mc.se, dflt.p);
}

/*
 * Tables on which R 4.2.2's exact fisher.test() (FEXACT, any workspace)
 * returns a wrong p, 0.0367 and 0.0794, while R's own simulation,
 * fisher.test(simulate.p.value = TRUE, B = 1e6) after set.seed(1), agrees
 * with the exact p computed here.  They are checked against the
 * simulation, within 4 of its standard errors.
 */
static void test_fisher_beyond_fexact(void)
{
	static const struct {
		size_t k;
		double counts[64];
		double p_sim, se;	/* R 4.2.2 fisher.test(simulate.p.value = TRUE) */
	} cases[] = {
		{7, {2, 0, 0, 1, 3, 1, 0, 0, 0, 3, 1, 1, 1, 1, 3, 2, 0, 0, 0, 0, 2, 0, 0, 1, 3,
		     1, 1, 1, 0, 3, 1, 0, 0, 2, 1, 1, 1, 1, 2, 0, 0, 1, 1, 1, 1, 0, 2, 1, 0},
		 0.1403988596011404, 0.000347},
		{8, {0, 0, 1, 2, 1, 1, 1, 0, 2, 2, 0, 0, 0, 1, 1, 0, 1, 2, 1, 1, 0, 0,
		     0, 1, 1, 0, 1, 0, 1, 2, 1, 0, 0, 0, 1, 2, 1, 0, 1, 1, 0, 1, 0, 1,
		     0, 2, 1, 1, 2, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1, 2},
		 0.603959396040604, 0.000489},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct stats_fisher f;
		size_t k = cases[i].k;
		stats_fisher(cases[i].counts, k, k, NULL, &f);
		ok(f.method == STATS_FISHER_EXACT && fabs(f.p - cases[i].p_sim) < 4 * cases[i].se,
		   "%zux%zu, n = 47: exact p %.6f near R's simulated %.6f (se %.6f)", k, k, f.p,
		   cases[i].p_sim, cases[i].se);
	}
}

/* stats_crosstab_with() hands its options to Fisher's test and changes nothing else. */
static void test_crosstab_with(void)
{
	const double t[] = {2, 6, 2, 5, 2, 6, 1, 12, 4};
	struct stats_crosstab plain, with_null, limited;
	stats_crosstab(t, 3, 3, &plain);
	stats_crosstab_with(t, 3, 3, NULL, &with_null);
	ok(with_null.fisher.method == STATS_FISHER_EXACT && with_null.fisher.p == plain.fisher.p &&
		   with_null.fisher.work == plain.fisher.work &&
		   with_null.pearson_p == plain.pearson_p,
	   "stats_crosstab_with(NULL) is stats_crosstab()");
	struct stats_fisher_options o = {.max_work = 10, .replicates = 2000, .seed = 3};
	int rc = stats_crosstab_with(t, 3, 3, &o, &limited);
	struct stats_fisher direct;
	stats_fisher(t, 3, 3, &o, &direct);
	ok(rc == 0 && limited.fisher.method == STATS_FISHER_MONTE_CARLO &&
		   limited.fisher.replicates == 2000 && limited.fisher.p == direct.p &&
		   limited.pearson_p == plain.pearson_p && limited.lr_p == plain.lr_p,
	   "stats_crosstab_with() passes the Fisher options through");
	const double bad[] = {1, -1, 2, 3};
	check_int(stats_crosstab_with(bad, 2, 2, &o, &limited), -1);
}

/*
 * Large samples where gsl_cdf_beta_Pinv fails to converge (and, with GSL's
 * default handler, aborted the program): R's binom.test() intervals.
 */
static void test_clopper_pearson_large(void)
{
	static const struct {
		unsigned long k, n;
		double lower, upper;
	} cases[] = {
		{ 78, 1267, 0.048963518950834263, 0.076240527997010754 },
		{ 736, 782, 0.92231411642265282, 0.95661556505272682 },
		{ 5000, 10000, 0.49015138058998048, 0.50984861941001958 },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct stats_interval ci = stats_clopper_pearson(cases[i].k, cases[i].n);
		tap_check_num(ci.lower, cases[i].lower, 1e-9, 1e-12, __FILE__, __LINE__,
			      "Clopper-Pearson lower, large n");
		tap_check_num(ci.upper, cases[i].upper, 1e-9, 1e-12, __FILE__, __LINE__,
			      "Clopper-Pearson upper, large n");
	}
}

int main(void)
{
	test_clopper_pearson_large();
	const char *data = getenv("QUIRE_TEST_DATA");
	char *dir = g_strdup_printf("%s/stats", data ? data : "tests/data");
	ok(check_reference_dir(dir) >= 6, "reference files in %s checked", dir);
	g_free(dir);

	const char *shared = getenv("QUIRE_SHARED");
	char *sdir = shared ? g_strdup_printf("%s/stats", shared) : NULL;
	if (sdir && g_file_test(sdir, G_FILE_TEST_IS_DIR))
		ok(check_reference_dir(sdir) >= 1, "reference files in %s checked", sdir);
	else
		tap_skip("QUIRE_SHARED/stats absent", "newer shared reference tables");
	g_free(sdir);

	test_runs_against_gsl();
	test_numeric_edges();
	test_proportion_edges();
	test_table_edges();
	test_table_input();
	test_table_figures();
	test_fisher_brute_force();
	test_fisher_large_n();
	test_fisher_limits();
	test_fisher_wide();
	test_fisher_beyond_fexact();
	test_crosstab_with();
	return tap_done();
}
