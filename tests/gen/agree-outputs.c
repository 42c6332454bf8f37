/* agree-outputs.c - quire status, chart and report, and the problem lines, against the truth */
#include <config.h>
#include "agree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void agree_status(struct agree *a, const json_t *truth, const json_t *status)
{
	const json_t *want = json_object_get(truth, "status");
	const json_t *counts = json_object_get(want, "counts");
	const char *key;
	json_t *value;
	json_object_foreach((json_t *)counts, key, value)
		agree_member(a, "counts", status, counts, key);
	agree_pairs(a, "states", json_object_get(status, "states"), json_object_get(want, "states"),
		    "code", "status");
}

/* Charts */

/* The text of the SVG's <desc>, with XML's escapes undone, or NULL. */
static char *svg_desc(const char *svg)
{
	const char *start = strstr(svg, "<desc");
	const char *body = start ? strchr(start, '>') : NULL;
	const char *end = body ? strstr(body, "</desc>") : NULL;
	if (!end)
		return NULL;
	static const char *const entities[][2] = {
		{ "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" },
		{ "&#39;", "'" }, { "&#34;", "\"" }, { "&amp;", "&" },
	};
	GString *s = g_string_new(NULL);
	for (const char *p = body + 1; p < end;) {
		guint k = 0;
		while (k < G_N_ELEMENTS(entities) && strncmp(p, entities[k][0], strlen(entities[k][0])))
			k++;
		if (k < G_N_ELEMENTS(entities)) {
			g_string_append(s, entities[k][1]);
			p += strlen(entities[k][0]);
		} else {
			g_string_append_c(s, *p++);
		}
	}
	return g_string_free(s, FALSE);
}

/* One line of the account: a series ("Label:") or a category ("  Label: K of N"). */
struct desc_line {
	bool series;
	char *label;
	long k, n;
};

static GArray *desc_lines(const char *desc)
{
	GArray *out = g_array_new(FALSE, TRUE, sizeof(struct desc_line));
	GRegex *category = g_regex_new("^ *(.*): ([0-9]+) of ([0-9]+)$", 0, 0, NULL);
	char **lines = g_strsplit(desc, "\n", -1);
	for (char **l = lines; *l; l++) {
		GMatchInfo *m;
		struct desc_line d = { 0 };
		if (g_regex_match(category, *l, 0, &m)) {
			char *k = g_match_info_fetch(m, 2), *n = g_match_info_fetch(m, 3);
			d.label = g_match_info_fetch(m, 1);
			d.k = atol(k);
			d.n = atol(n);
			g_free(k);
			g_free(n);
			g_array_append_val(out, d);
		} else if (**l && **l != ' ' && g_str_has_suffix(*l, ":")) {
			d.series = true;
			d.label = g_strndup(*l, strlen(*l) - 1);
			g_array_append_val(out, d);
		}
		g_match_info_free(m);
	}
	g_strfreev(lines);
	g_regex_unref(category);
	return out;
}

static long int_at(const json_t *array, size_t i)
{
	return (long)json_integer_value(json_array_get(array, i));
}

static void same_category(struct agree *a, const char *where, const struct desc_line *d,
			  const char *label, long k, long n)
{
	if (d->series || strcmp(d->label, label) != 0)
		agree_fail(a, "%s: '%s' where the truth has '%s'", where, d->label, label);
	else if (d->k != k || d->n != n)
		agree_fail(a, "%s: '%s: %ld of %ld', truth %ld of %ld", where, label, d->k, d->n, k, n);
}

/* Without --by: one category per choice, K the count, N those who answered. */
static void chart_plain(struct agree *a, const json_t *q, const GArray *lines)
{
	const json_t *choices = json_object_get(q, "choices");
	long answered = (long)json_integer_value(json_object_get(q, "answered"));
	if (lines->len != json_array_size(choices)) {
		agree_fail(a, "%u categories, truth %zu choices", lines->len, json_array_size(choices));
		return;
	}
	for (size_t c = 0; c < json_array_size(choices); c++) {
		const json_t *ch = json_array_get(choices, c);
		same_category(a, "bar", &g_array_index(lines, struct desc_line, c),
			      json_string_value(json_object_get(ch, "label")),
			      (long)json_integer_value(json_object_get(ch, "count")), answered);
	}
}

/*
 * With --by: a series per column (a column nobody in it answered may be
 * left out), each with a category per choice, K the cell, N the column's base.
 */
static void chart_by(struct agree *a, const json_t *q, const json_t *x, const GArray *lines)
{
	const json_t *col_labels = json_object_get(x, "col_labels");
	const json_t *col_bases = json_object_get(x, "col_bases");
	const json_t *choices = json_object_get(q, "choices");
	size_t rows = json_array_size(choices), at = 0;
	for (size_t j = 0; j < json_array_size(col_labels); j++) {
		const char *label = json_string_value(json_array_get(col_labels, j));
		const struct desc_line *d = at < lines->len ? &g_array_index(lines, struct desc_line, at)
							    : NULL;
		if (!d || !d->series || strcmp(d->label, label) != 0) {
			if (int_at(col_bases, j) != 0)
				agree_fail(a, "series '%s' is missing", label);
			continue;
		}
		at++;
		for (size_t i = 0; i < rows; i++, at++) {
			char *where = g_strdup_printf("series '%s'", label);
			if (at < lines->len)
				same_category(a, where, &g_array_index(lines, struct desc_line, at),
					      json_string_value(json_object_get(
						      json_array_get(choices, i), "label")),
					      int_at(json_array_get(json_object_get(x, "counts"), i), j),
					      int_at(col_bases, j));
			else
				agree_fail(a, "%s: the account ends early", where);
			g_free(where);
		}
	}
	if (at < lines->len)
		agree_fail(a, "%u lines after the last series", lines->len - (guint)at);
}

void agree_chart(struct agree *a, const json_t *truth, const char *svg_path, const char *question,
		 const char *by)
{
	char *svg = NULL, *desc = NULL;
	if (!g_file_get_contents(svg_path, &svg, NULL, NULL) || !(desc = svg_desc(svg))) {
		agree_fail(a, "%s: no <desc>", svg_path);
		g_free(svg);
		return;
	}
	GArray *lines = desc_lines(desc);
	const json_t *q = agree_find(json_object_get(truth, "questions"), "name", question, NULL, NULL);
	const json_t *x = by ? agree_find(json_object_get(truth, "crosstabs"), "row", question, "col",
					  by)
			     : NULL;
	if (!q || (by && !x))
		agree_fail(a, "%s%s%s is not in the truth", question, by ? " by " : "", by ? by : "");
	else if (by)
		chart_by(a, q, x, lines);
	else
		chart_plain(a, q, lines);
	for (guint i = 0; i < lines->len; i++)
		g_free(g_array_index(lines, struct desc_line, i).label);
	g_array_free(lines, TRUE);
	g_free(desc);
	g_free(svg);
}

/* The report */

void agree_report(struct agree *a, const json_t *truth, const char *text_path)
{
	char *text = NULL;
	if (!g_file_get_contents(text_path, &text, NULL, NULL)) {
		agree_fail(a, "%s: cannot read", text_path);
		return;
	}
	GRegex *blanks = g_regex_new("\\s+", 0, 0, NULL);
	char *flat = g_regex_replace_literal(blanks, text, -1, 0, " ", 0, NULL);
	const json_t *resp = json_object_get(truth, "respondents");
	long included = (long)json_integer_value(json_object_get(resp, "included"));
	long roster = (long)json_integer_value(json_object_get(resp, "roster"));
	GRegex *from = g_regex_new("from ([0-9]+) of the ([0-9]+)", 0, 0, NULL);
	GMatchInfo *m;
	if (g_regex_match(from, flat, 0, &m)) {
		char *k = g_match_info_fetch(m, 1), *n = g_match_info_fetch(m, 2);
		if (atol(k) != included || atol(n) != roster)
			agree_fail(a, "\"from %s of the %s\", truth %ld of %ld", k, n, included, roster);
		g_free(k);
		g_free(n);
	} else {
		agree_fail(a, "no \"from K of the M\" in the text");
	}
	g_match_info_free(m);
	g_regex_unref(from);
	g_regex_unref(blanks);
	g_free(flat);
	g_free(text);
}

/* Problem lines */

/* The error lines "quire:FILE:LINE: message" of PATH (warnings left out), as a set. */
static GHashTable *problem_lines(const char *path)
{
	GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GRegex *problem = g_regex_new("^quire:[^ :]+:[0-9]+: ", 0, 0, NULL);
	char *text = NULL;
	g_file_get_contents(path, &text, NULL, NULL);
	char **lines = g_strsplit(text ? text : "", "\n", -1);
	for (char **l = lines; *l; l++)
		if (g_regex_match(problem, *l, 0, NULL) && !strstr(*l, ": warning: "))
			g_hash_table_add(set, g_strdup(*l));
	g_strfreev(lines);
	g_free(text);
	g_regex_unref(problem);
	return set;
}

/* "FILE:LINE" of a problem line. */
static char *where_of(const char *line)
{
	const char *p = line + strlen("quire:");
	const char *colon = strchr(p, ':');
	const char *end = strchr(colon + 1, ':');
	return g_strndup(p, end - p);
}

static void covers_planted(struct agree *a, const char *planted_path, GHashTable *first,
			   const char *first_path)
{
	GHashTable *reported = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTableIter it;
	gpointer line;
	g_hash_table_iter_init(&it, first);
	while (g_hash_table_iter_next(&it, &line, NULL))
		g_hash_table_add(reported, where_of(line));
	char *text = NULL;
	g_file_get_contents(planted_path, &text, NULL, NULL);
	char **planted = g_strsplit(text ? text : "", "\n", -1);
	for (char **p = planted; *p; p++)
		if (**p && !g_hash_table_remove(reported, *p))
			agree_fail(a, "%s: the planted problem %s is not reported", first_path, *p);
	g_hash_table_iter_init(&it, reported);
	while (g_hash_table_iter_next(&it, &line, NULL))
		agree_fail(a, "%s: a problem at %s that was not planted", first_path, (char *)line);
	g_strfreev(planted);
	g_free(text);
	g_hash_table_destroy(reported);
}

static void same_lines(struct agree *a, GHashTable *want, const char *want_path, GHashTable *got,
		       const char *got_path)
{
	GHashTableIter it;
	gpointer line;
	g_hash_table_iter_init(&it, want);
	while (g_hash_table_iter_next(&it, &line, NULL))
		if (!g_hash_table_contains(got, line))
			agree_fail(a, "%s lacks %s's line: %s", got_path, want_path, (char *)line);
	g_hash_table_iter_init(&it, got);
	while (g_hash_table_iter_next(&it, &line, NULL))
		if (!g_hash_table_contains(want, line))
			agree_fail(a, "%s has a line %s has not: %s", got_path, want_path, (char *)line);
}

void agree_problems(struct agree *a, const char *planted_path, char **err_paths, int n_err)
{
	GHashTable *first = problem_lines(err_paths[0]);
	covers_planted(a, planted_path, first, err_paths[0]);
	for (int k = 1; k < n_err; k++) {
		GHashTable *other = problem_lines(err_paths[k]);
		same_lines(a, first, err_paths[0], other, err_paths[k]);
		g_hash_table_destroy(other);
	}
	g_hash_table_destroy(first);
}
