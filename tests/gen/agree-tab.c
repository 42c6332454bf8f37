/* agree-tab.c - quire tab's JSON against the truth; its CSV and text against its JSON */
#include <config.h>
#include "agree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"

static void same_string(struct agree *a, const char *where, const json_t *got, const json_t *want,
			const char *key)
{
	const json_t *x = json_object_get(got, key), *y = json_object_get(want, key);
	if (json_is_string(x) && json_is_string(y) && strcmp(json_string_value(x),
							      json_string_value(y)) == 0)
		return;
	char *sx = agree_show(x), *sy = agree_show(y);
	agree_fail(a, "%s: %s is %s, truth %s", where, key, sx, sy);
	g_free(sx);
	g_free(sy);
}

void agree_respondents(struct agree *a, const json_t *truth, const json_t *tab)
{
	const json_t *want = json_object_get(truth, "respondents");
	const json_t *got = json_object_get(tab, "respondents");
	static const char *const keys[] = { "included", "late", "roster" };
	for (guint k = 0; k < G_N_ELEMENTS(keys); k++)
		agree_member(a, "respondents", got, want, keys[k]);
	agree_pairs(a, "respondents.excluded", json_object_get(got, "excluded"),
		    json_object_get(want, "excluded"), "respondent", "reason");
}

/* Questions */

static void same_months(struct agree *a, const char *where, const json_t *got, const json_t *want)
{
	json_t *as_object = json_object();
	size_t i;
	json_t *m;
	json_array_foreach(got, i, m) {
		const json_t *month = json_object_get(m, "month");
		if (json_is_string(month))
			json_object_set(as_object, json_string_value(month),
					json_object_get(m, "count"));
	}
	if (!json_equal(as_object, (json_t *)want)) {
		char *sx = agree_show(as_object), *sy = agree_show(want);
		agree_fail(a, "%s: months are %s, truth %s", where, sx, sy);
		g_free(sx);
		g_free(sy);
	}
	json_decref(as_object);
}

static void same_summary(struct agree *a, const char *where, const json_t *got, const json_t *want)
{
	const char *key;
	json_t *value;
	if (!json_is_object(got)) {
		agree_fail(a, "%s: no summary", where);
		return;
	}
	json_object_foreach((json_t *)want, key, value) {
		if (strcmp(key, "months") == 0)
			same_months(a, where, json_object_get(got, key), value);
		else if (json_is_string(value))
			same_string(a, where, got, want, key);
		else
			agree_member(a, where, got, want, key);
	}
}

static void same_choices(struct agree *a, const char *name, const json_t *got, const json_t *want)
{
	if (json_array_size(got) != json_array_size(want)) {
		agree_fail(a, "%s: %zu choices, truth %zu", name, json_array_size(got),
			   json_array_size(want));
		return;
	}
	for (size_t c = 0; c < json_array_size(want); c++) {
		const json_t *x = json_array_get(got, c), *y = json_array_get(want, c);
		char *where = g_strdup_printf("%s choice %zu", name, c + 1);
		same_string(a, where, x, y, "value");
		same_string(a, where, x, y, "label");
		agree_member(a, where, x, y, "count");
		agree_member(a, where, x, y, "share");
		g_free(where);
	}
}

static void same_question(struct agree *a, const json_t *got, const json_t *want)
{
	const char *name = json_string_value(json_object_get(want, "name"));
	static const char *const counts[] = { "base", "answered", "not_applicable", "no_answer" };
	same_string(a, name, got, want, "type");
	same_string(a, name, got, want, "label");
	for (guint k = 0; k < G_N_ELEMENTS(counts); k++)
		agree_member(a, name, got, want, counts[k]);
	if (json_object_get(want, "choices"))
		same_choices(a, name, json_object_get(got, "choices"),
			     json_object_get(want, "choices"));
	if (json_object_get(want, "summary"))
		same_summary(a, name, json_object_get(got, "summary"),
			     json_object_get(want, "summary"));
}

void agree_questions(struct agree *a, const json_t *truth, const json_t *tab)
{
	const json_t *want = json_object_get(truth, "questions");
	const json_t *got = json_object_get(tab, "questions");
	size_t i;
	json_t *q;
	json_array_foreach(want, i, q) {
		const char *name = json_string_value(json_object_get(q, "name"));
		const json_t *x = agree_find(got, "name", name, NULL, NULL);
		if (x)
			same_question(a, x, q);
		else
			agree_fail(a, "%s: missing", name);
	}
	json_array_foreach(got, i, q) {
		const json_t *name = json_object_get(q, "name");
		if (!json_is_string(name) ||
		    !agree_find(want, "name", json_string_value(name), NULL, NULL))
			agree_fail(a, "question %zu: not in the truth", i + 1);
	}
}

/* Crosstabs */

static bool is_suppressed(const json_t *suppressed, size_t i, size_t j)
{
	const json_t *s = json_array_get(json_array_get(suppressed, i), j);
	return s && !json_is_null(s);
}

static void same_strings(struct agree *a, const char *where, const json_t *got, const json_t *want,
			 const char *key)
{
	if (!json_equal(json_object_get(got, key), json_object_get(want, key))) {
		char *sx = agree_show(json_object_get(got, key)), *sy = agree_show(json_object_get(want, key));
		agree_fail(a, "%s: %s are %s, truth %s", where, key, sx, sy);
		g_free(sx);
		g_free(sy);
	}
}

/* Matrix KEY: equal to the truth, but null where SUPPRESSED says so. */
static void same_matrix(struct agree *a, const char *where, const json_t *got, const json_t *want,
			const char *key, const json_t *suppressed)
{
	const json_t *x = json_object_get(got, key), *y = json_object_get(want, key);
	if (json_array_size(x) != json_array_size(y)) {
		agree_fail(a, "%s: %s has %zu rows, truth %zu", where, key, json_array_size(x),
			   json_array_size(y));
		return;
	}
	for (size_t i = 0; i < json_array_size(y); i++) {
		const json_t *xr = json_array_get(x, i), *yr = json_array_get(y, i);
		for (size_t j = 0; j < json_array_size(yr); j++) {
			const json_t *xc = json_array_get(xr, j), *yc = json_array_get(yr, j);
			bool hidden = is_suppressed(suppressed, i, j);
			if (hidden ? json_is_null(xc) : xc && agree_same_number(xc, yc))
				continue;
			char *sx = agree_show(xc), *sy = agree_show(yc);
			agree_fail(a, "%s: %s[%zu][%zu] is %s, truth %s%s", where, key, i, j, sx, sy,
				   hidden ? " (suppressed: must be null)" : "");
			g_free(sx);
			g_free(sy);
		}
		if (json_array_size(xr) != json_array_size(yr))
			agree_fail(a, "%s: %s row %zu has %zu cells, truth %zu", where, key, i,
				   json_array_size(xr), json_array_size(yr));
	}
}

/* A base list: equal to the truth; under disclosure control a base may be withheld (null). */
static void same_bases(struct agree *a, const char *where, const json_t *got, const json_t *want,
		       const char *key, bool may_withhold)
{
	const json_t *x = json_object_get(got, key), *y = json_object_get(want, key);
	if (json_array_size(x) != json_array_size(y)) {
		char *sx = agree_show(x), *sy = agree_show(y);
		agree_fail(a, "%s: %s is %s, truth %s", where, key, sx, sy);
		g_free(sx);
		g_free(sy);
		return;
	}
	for (size_t i = 0; i < json_array_size(y); i++) {
		const json_t *xi = json_array_get(x, i), *yi = json_array_get(y, i);
		if ((may_withhold && json_is_null(xi)) || agree_same_number(xi, yi))
			continue;
		char *sx = agree_show(xi), *sy = agree_show(yi);
		agree_fail(a, "%s: %s[%zu] is %s, truth %s", where, key, i, sx, sy);
		g_free(sx);
		g_free(sy);
	}
}

/* `suppressed` has the table's shape and holds null, "primary" or "secondary"; returns whether any cell is. */
static bool check_suppressed(struct agree *a, const char *where, const json_t *got,
			     const json_t *want, int small_cell)
{
	const json_t *s = json_object_get(got, "suppressed");
	const json_t *counts = json_object_get(want, "counts");
	bool any = false;
	if (small_cell <= 1 && !s)
		return false;
	if (json_array_size(s) != json_array_size(counts)) {
		agree_fail(a, "%s: suppressed has %zu rows, the table %zu", where, json_array_size(s),
			   json_array_size(counts));
		return false;
	}
	for (size_t i = 0; i < json_array_size(counts); i++)
		for (size_t j = 0; j < json_array_size(json_array_get(counts, i)); j++) {
			const json_t *c = json_array_get(json_array_get(s, i), j);
			const char *v = json_string_value(c);
			if (!c || (!json_is_null(c) && !(v && (strcmp(v, "primary") == 0 ||
							       strcmp(v, "secondary") == 0))))
				agree_fail(a, "%s: suppressed[%zu][%zu] is not null, \"primary\" or "
					   "\"secondary\"", where, i, j);
			any |= c && !json_is_null(c);
		}
	if (any && small_cell <= 1)
		agree_fail(a, "%s: cells suppressed without --small-cell", where);
	return any;
}

static void same_crosstab(struct agree *a, const json_t *got, const json_t *want, bool counts_only,
			  int small_cell)
{
	char *where = g_strdup_printf("%s by %s", json_string_value(json_object_get(want, "row")),
				      json_string_value(json_object_get(want, "col")));
	bool any = check_suppressed(a, where, got, want, small_cell);
	const json_t *suppressed = any ? json_object_get(got, "suppressed") : NULL;
	same_strings(a, where, got, want, "row_values");
	same_strings(a, where, got, want, "col_values");
	same_matrix(a, where, got, want, "counts", suppressed);
	/*
	 * A withheld table (every cell suppressed: no pattern protects it) hides
	 * its totals and n as well, or they would give its cells away.
	 */
	if (json_is_true(json_object_get(got, "withheld"))) {
		if (!json_is_null(json_object_get(got, "n")) ||
		    !json_is_null(json_object_get(got, "row_bases")) ||
		    !json_is_null(json_object_get(got, "col_bases")))
			agree_fail(a, "%s: a withheld table prints its totals", where);
		g_free(where);
		return;
	}
	agree_member(a, where, got, want, "n");
	if (!counts_only) {
		same_bases(a, where, got, want, "row_bases", small_cell > 1);
		same_bases(a, where, got, want, "col_bases", small_cell > 1);
		same_matrix(a, where, got, want, "row_shares", suppressed);
		same_matrix(a, where, got, want, "col_shares", suppressed);
	}
	if (any && !json_is_null(json_object_get(got, "tests")))
		agree_fail(a, "%s: a table with suppressed cells has tests", where);
	if (any && !json_is_null(json_object_get(got, "expected")))
		agree_fail(a, "%s: a table with suppressed cells has expected counts", where);
	g_free(where);
}

void agree_crosstabs(struct agree *a, const json_t *truth, const json_t *tab, const char *by,
		     bool counts_only, int small_cell)
{
	const json_t *want = json_object_get(truth, "crosstabs");
	const json_t *got = json_object_get(tab, "crosstabs");
	size_t i;
	json_t *x;
	json_array_foreach(want, i, x) {
		if (!json_is_string(json_object_get(x, "col")) ||
		    strcmp(json_string_value(json_object_get(x, "col")), by) != 0)
			continue;
		const char *row = json_string_value(json_object_get(x, "row"));
		const json_t *y = agree_find(got, "row", row, "col", by);
		if (y)
			same_crosstab(a, y, x, counts_only, small_cell);
		else
			agree_fail(a, "%s by %s: missing", row, by);
	}
	json_array_foreach(got, i, x) {
		const char *row = json_string_value(json_object_get(x, "row"));
		if (!row || !agree_find(want, "row", row, "col", by))
			agree_fail(a, "crosstab %zu (%s by %s): not in the truth", i + 1,
				   row ? row : "?", by);
	}
}

/* CSV */

enum csv_column {
	COL_RECORD, COL_QUESTION, COL_BY, COL_VALUE, COL_BY_VALUE, COL_LABEL, COL_COUNT, COL_SHARE,
	COL_ROW_SHARE, COL_CI95_LOW, COL_CI95_HIGH, COL_STATISTIC, COL_ESTIMATE, COL_DF, COL_P,
	COL_SUPPRESSED, N_COLUMNS,
};

static const char *const csv_header[N_COLUMNS] = {
	"record", "question", "by", "value", "by_value", "label", "count", "share", "row_share",
	"ci95_low", "ci95_high", "statistic", "estimate", "df", "p", "suppressed",
};

/* A CSV number: null when empty. */
static json_t *csv_number(const char *s)
{
	if (!*s)
		return json_null();
	char *end;
	double v = g_ascii_strtod(s, &end);
	return *end ? json_string(s) : json_real(v);
}

static void same_field(struct agree *a, long row, const char *what, const char *field,
		       const json_t *want)
{
	json_t *got = csv_number(field);
	if (!agree_same_number(got, want ? want : json_null())) {
		char *sy = agree_show(want);
		agree_fail(a, "row %ld: %s is '%s', the JSON %s", row, what, field, sy);
		g_free(sy);
	}
	json_decref(got);
}

static json_t *cell_of(const json_t *x, const char *key, size_t i, size_t j)
{
	return json_array_get(json_array_get(json_object_get(x, key), i), j);
}

static long index_of(const json_t *strings, const char *s)
{
	for (size_t i = 0; i < json_array_size(strings); i++)
		if (strcmp(json_string_value(json_array_get(strings, i)) ?: "", s) == 0)
			return (long)i;
	return -1;
}

struct csv_seen {
	size_t questions, choices, cells;
	size_t excluded;	/* excluded records read */
};

static void csv_question(struct agree *a, long row, char **f, const json_t *q, struct csv_seen *seen)
{
	static const char *const stats[] = { "base", "answered", "not_applicable", "no_answer" };
	bool known = false;
	for (guint k = 0; k < G_N_ELEMENTS(stats); k++)
		known |= strcmp(f[COL_STATISTIC], stats[k]) == 0;
	if (!known) {
		agree_fail(a, "row %ld: question statistic '%s'", row, f[COL_STATISTIC]);
		return;
	}
	seen->questions++;
	same_field(a, row, f[COL_STATISTIC], f[COL_COUNT], json_object_get(q, f[COL_STATISTIC]));
}

static void csv_choice(struct agree *a, long row, char **f, const json_t *q, struct csv_seen *seen)
{
	const json_t *c = agree_find(json_object_get(q, "choices"), "value", f[COL_VALUE], NULL, NULL);
	if (!c) {
		agree_fail(a, "row %ld: choice '%s' of %s is not in the JSON", row, f[COL_VALUE],
			   f[COL_QUESTION]);
		return;
	}
	seen->choices++;
	if (strcmp(json_string_value(json_object_get(c, "label")) ?: "", f[COL_LABEL]) != 0)
		agree_fail(a, "row %ld: label differs from the JSON", row);
	same_field(a, row, "count", f[COL_COUNT], json_object_get(c, "count"));
	same_field(a, row, "share", f[COL_SHARE], json_object_get(c, "share"));
	const json_t *ci = json_object_get(c, "ci95");
	same_field(a, row, "ci95_low", f[COL_CI95_LOW], json_array_get(ci, 0));
	same_field(a, row, "ci95_high", f[COL_CI95_HIGH], json_array_get(ci, 1));
}

static void csv_cell(struct agree *a, long row, char **f, const json_t *tab, struct csv_seen *seen)
{
	const json_t *x = agree_find(json_object_get(tab, "crosstabs"), "row", f[COL_QUESTION], "col",
				     f[COL_BY]);
	long i = x ? index_of(json_object_get(x, "row_values"), f[COL_VALUE]) : -1;
	long j = x ? index_of(json_object_get(x, "col_values"), f[COL_BY_VALUE]) : -1;
	if (i < 0 || j < 0) {
		agree_fail(a, "row %ld: cell %s=%s by %s=%s is not in the JSON", row, f[COL_QUESTION],
			   f[COL_VALUE], f[COL_BY], f[COL_BY_VALUE]);
		return;
	}
	seen->cells++;
	same_field(a, row, "count", f[COL_COUNT], cell_of(x, "counts", i, j));
	same_field(a, row, "share", f[COL_SHARE], cell_of(x, "col_shares", i, j));
	same_field(a, row, "row_share", f[COL_ROW_SHARE], cell_of(x, "row_shares", i, j));
	same_field(a, row, "expected", f[COL_ESTIMATE], cell_of(x, "expected", i, j));
	const json_t *mark = cell_of(x, "suppressed", i, j);
	const char *want = json_is_string(mark) ? json_string_value(mark) : "";
	if (strcmp(f[COL_SUPPRESSED], want) != 0)
		agree_fail(a, "row %ld: suppressed is '%s', the JSON '%s'", row, f[COL_SUPPRESSED],
			   want);
}

/* A row_base or col_base record: the JSON's row_bases or col_bases. */
static void csv_base(struct agree *a, long row, char **f, const json_t *tab)
{
	const json_t *x = agree_find(json_object_get(tab, "crosstabs"), "row", f[COL_QUESTION], "col",
				     f[COL_BY]);
	bool rows = strcmp(f[COL_RECORD], "row_base") == 0;
	long i = x ? index_of(json_object_get(x, rows ? "row_values" : "col_values"),
			      f[rows ? COL_VALUE : COL_BY_VALUE]) : -1;
	if (i < 0) {
		agree_fail(a, "row %ld: %s %s of %s by %s is not in the JSON", row, f[COL_RECORD],
			   f[rows ? COL_VALUE : COL_BY_VALUE], f[COL_QUESTION], f[COL_BY]);
		return;
	}
	same_field(a, row, f[COL_RECORD], f[COL_COUNT],
		   json_array_get(json_object_get(x, rows ? "row_bases" : "col_bases"), (size_t)i));
}

/* respondents records count the JSON's included and excluded; excluded records list them. */
static void csv_respondents(struct agree *a, long row, char **f, const json_t *tab,
			    struct csv_seen *seen)
{
	const json_t *resp = json_object_get(tab, "respondents");
	const json_t *excluded = json_object_get(resp, "excluded");
	if (strcmp(f[COL_RECORD], "excluded") == 0) {
		const json_t *e = json_array_get(excluded, seen->excluded++);
		if (!e || strcmp(json_string_value(json_object_get(e, "respondent")) ?: "",
				 f[COL_VALUE]) != 0 ||
		    strcmp(json_string_value(json_object_get(e, "reason")) ?: "",
			   f[COL_STATISTIC]) != 0)
			agree_fail(a, "row %ld: excluded %s (%s) is not the JSON's next one", row,
				   f[COL_VALUE], f[COL_STATISTIC]);
		return;
	}
	json_int_t want = 0;
	if (strcmp(f[COL_STATISTIC], "included") == 0) {
		want = json_integer_value(json_object_get(resp, "included"));
	} else {
		size_t i;
		json_t *e;
		json_array_foreach(excluded, i, e)
			want += strcmp(json_string_value(json_object_get(e, "reason")) ?: "",
				       f[COL_STATISTIC]) == 0;
	}
	json_t *w = json_integer(want);
	same_field(a, row, f[COL_STATISTIC], f[COL_COUNT], w);
	json_decref(w);
}

static void csv_record(struct agree *a, const struct csvio_record *rec, const json_t *tab,
		       struct csv_seen *seen)
{
	char **f = rec->fields;
	if (rec->n_fields != N_COLUMNS) {
		agree_fail(a, "row %ld: %zu fields, not %d", rec->row, rec->n_fields, N_COLUMNS);
		return;
	}
	if (strcmp(f[COL_RECORD], "cell") == 0) {
		csv_cell(a, rec->row, f, tab, seen);
		return;
	}
	if (strcmp(f[COL_RECORD], "row_base") == 0 || strcmp(f[COL_RECORD], "col_base") == 0) {
		csv_base(a, rec->row, f, tab);
		return;
	}
	if (strcmp(f[COL_RECORD], "respondents") == 0 || strcmp(f[COL_RECORD], "excluded") == 0) {
		csv_respondents(a, rec->row, f, tab, seen);
		return;
	}
	if (strcmp(f[COL_RECORD], "question") != 0 && strcmp(f[COL_RECORD], "choice") != 0)
		return;
	const json_t *q = agree_find(json_object_get(tab, "questions"), "name", f[COL_QUESTION],
				     NULL, NULL);
	if (!q)
		agree_fail(a, "row %ld: question '%s' is not in the JSON", rec->row, f[COL_QUESTION]);
	else if (strcmp(f[COL_RECORD], "question") == 0)
		csv_question(a, rec->row, f, q, seen);
	else
		csv_choice(a, rec->row, f, q, seen);
}

/* Every question, choice and cell of the JSON has its record. */
static void csv_complete(struct agree *a, const json_t *tab, const struct csv_seen *seen)
{
	struct csv_seen want = { 0, 0, 0, 0 };
	size_t i;
	json_t *x;
	json_array_foreach(json_object_get(tab, "questions"), i, x) {
		want.questions += 4;
		want.choices += json_array_size(json_object_get(x, "choices"));
	}
	json_array_foreach(json_object_get(tab, "crosstabs"), i, x)
		want.cells += json_array_size(json_object_get(x, "row_values")) *
			      json_array_size(json_object_get(x, "col_values"));
	if (seen->excluded != json_array_size(json_object_get(json_object_get(tab, "respondents"),
							      "excluded")))
		agree_fail(a, "%zu excluded records; the JSON excludes %zu", seen->excluded,
			   json_array_size(json_object_get(json_object_get(tab, "respondents"),
							   "excluded")));
	if (seen->questions != want.questions || seen->choices != want.choices ||
	    seen->cells != want.cells)
		agree_fail(a, "%zu question, %zu choice and %zu cell records; the JSON has %zu, %zu "
			   "and %zu", seen->questions, seen->choices, seen->cells, want.questions,
			   want.choices, want.cells);
}

void agree_csv(struct agree *a, const json_t *tab, const char *csv_path)
{
	struct csvio_reader *r = csvio_open(csv_path, NULL, CSVIO_DELIM_COMMA);
	struct csvio_record rec;
	struct csv_seen seen = { 0, 0, 0, 0 };
	int rc;
	if (!r) {
		agree_fail(a, "%s: cannot read", csv_path);
		return;
	}
	bool header = true;
	while ((rc = csvio_next(r, &rec)) == 1) {
		if (header) {
			for (size_t k = 0; k < N_COLUMNS; k++)
				if (rec.n_fields != N_COLUMNS || strcmp(rec.fields[k], csv_header[k]))
					agree_fail(a, "the header is not the documented one");
			header = false;
			continue;
		}
		csv_record(a, &rec, tab, &seen);
	}
	if (rc < 0)
		agree_fail(a, "%s: broken CSV", csv_path);
	csvio_close(r);
	csv_complete(a, tab, &seen);
}

/* Text */

void agree_text(struct agree *a, const json_t *tab, const char *text_path)
{
	char *text = NULL;
	if (!g_file_get_contents(text_path, &text, NULL, NULL)) {
		agree_fail(a, "%s: cannot read", text_path);
		return;
	}
	const char *line = strstr(text, "Replies included: ");
	const json_t *resp = json_object_get(tab, "respondents");
	unsigned included, roster, late;
	int n = line ? sscanf(line, "Replies included: %u of %u on the roster; %u late", &included,
			      &roster, &late) : 0;
	json_int_t want[] = { json_integer_value(json_object_get(resp, "included")),
			      json_integer_value(json_object_get(resp, "roster")),
			      json_integer_value(json_object_get(resp, "late")) };
	unsigned got[] = { included, roster, late };
	static const char *const what[] = { "included", "roster", "late" };
	if (n < 1)
		agree_fail(a, "no \"Replies included: \" line");
	for (int k = 0; k < n; k++)
		if ((json_int_t)got[k] != want[k])
			agree_fail(a, "\"Replies included\" gives %s %u, the JSON %lld", what[k], got[k],
				   (long long)want[k]);
	g_free(text);
}
