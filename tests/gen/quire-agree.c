/* quire-agree.c - whether quire's outputs agree with quire-gen's truth and with each other */
#include <config.h>
#include "agree.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"Usage: quire-agree CHECK ARGS...\n"
	"  status TRUTH STATUS.json              quire status --format json\n"
	"  respondents TRUTH TAB.json            included, late, excluded\n"
	"  questions TRUTH TAB.json              bases, counts, shares, summaries\n"
	"  crosstabs TRUTH TAB.json BY [--counts-only] [--small-cell N]\n"
	"  disclosure TRUTH TAB.json BY N        small cells suppressed, none recoverable\n"
	"  csv TAB.json TAB.csv                  the CSV says what the JSON says\n"
	"  text TAB.json TAB.txt                 the text's \"Replies included\" line\n"
	"  chart TRUTH SVG QUESTION [BY]         the SVG's <desc> against the truth\n"
	"  report TRUTH REPORT.txt               \"from K of the M\" in pdftotext's output\n"
	"  problems PLANTED ERR [ERR...]         problem lines: the planted ones, the same in each\n"
	"  audit TRUTH BY N                      the disclosure audit on mocks of the truth's tables\n"
	"  mock TRUTH BY N primary|withhold      a tab --small-cell N JSON made from the truth\n"
	"  hints TRUTH                           shell assignments: CUTOFF, S1 and SM (the --by\n"
	"                                        questions), CQ and CB (questions to chart alone\n"
	"                                        and by region); empty when there is none\n"
	"  selftest                              the disclosure audit on hand-made tables (TAP)\n"
	"Prints each disagreement on a line; exit status 1 when there is any, 2 on usage.\n";

void agree_fail(struct agree *a, const char *fmt, ...)
{
	a->failures++;
	if (a->quiet || a->failures > AGREE_SHOWN)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *s = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	printf("%s: %s\n", a->check, s);
	g_free(s);
}

bool agree_same_number(const json_t *x, const json_t *y)
{
	if (json_is_null(x) || json_is_null(y))
		return json_is_null(x) && json_is_null(y);
	if (!json_is_number(x) || !json_is_number(y))
		return false;
	double u = json_number_value(x), v = json_number_value(y);
	return fabs(u - v) <= 1e-9 * fmax(1, fmax(fabs(u), fabs(v)));
}

char *agree_show(const json_t *x)
{
	if (!x)
		return g_strdup("(missing)");
	char *s = json_dumps(x, JSON_ENCODE_ANY | JSON_COMPACT | JSON_REAL_PRECISION(17));
	char *copy = g_strdup(s);
	free(s);
	if (strlen(copy) > 200)
		strcpy(copy + 190, "...");
	return copy;
}

json_t *agree_load_json(struct agree *a, const char *path)
{
	json_error_t err;
	json_t *j = json_load_file(path, JSON_DECODE_ANY, &err);
	if (!j)
		agree_fail(a, "%s: not JSON: %s (line %d)", path, err.text, err.line);
	return j;
}

static bool member_is(const json_t *o, const char *key, const char *value)
{
	const json_t *v = json_object_get(o, key);
	return json_is_string(v) && strcmp(json_string_value(v), value) == 0;
}

json_t *agree_find(const json_t *array, const char *key, const char *value, const char *key2,
		   const char *value2)
{
	size_t i;
	json_t *item;
	json_array_foreach(array, i, item)
		if (member_is(item, key, value) && (!key2 || member_is(item, key2, value2)))
			return item;
	return NULL;
}

void agree_member(struct agree *a, const char *where, const json_t *got, const json_t *want,
		  const char *key)
{
	const json_t *x = json_object_get(got, key), *y = json_object_get(want, key);
	if (x && agree_same_number(x, y))
		return;
	char *sx = agree_show(x), *sy = agree_show(y);
	agree_fail(a, "%s: %s is %s, truth %s", where, key, sx, sy);
	g_free(sx);
	g_free(sy);
}

void agree_pairs(struct agree *a, const char *where, const json_t *got, const json_t *want,
		 const char *key1, const char *key2)
{
	GHashTable *balance = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	const json_t *arrays[] = { want, got };
	for (int k = 0; k < 2; k++) {
		size_t i;
		json_t *item;
		json_array_foreach(arrays[k], i, item) {
			char *x = agree_show(json_object_get(item, key1));
			char *y = agree_show(json_object_get(item, key2));
			char *pair = g_strdup_printf("%s %s %s %s", key1, x, key2, y);
			gint n = GPOINTER_TO_INT(g_hash_table_lookup(balance, pair)) + (k ? -1 : 1);
			g_hash_table_insert(balance, pair, GINT_TO_POINTER(n));
			g_free(x);
			g_free(y);
		}
	}
	if (!json_is_array(got))
		agree_fail(a, "%s: no list", where);
	GHashTableIter it;
	gpointer pair, n;
	g_hash_table_iter_init(&it, balance);
	while (g_hash_table_iter_next(&it, &pair, &n))
		if (GPOINTER_TO_INT(n) > 0)
			agree_fail(a, "%s: missing %s", where, (char *)pair);
		else if (GPOINTER_TO_INT(n) < 0)
			agree_fail(a, "%s: not in the truth: %s", where, (char *)pair);
	g_hash_table_destroy(balance);
}

/* The JSON files a check reads, loaded; false after reporting. */
static bool load_all(struct agree *a, char **paths, int n, json_t **out)
{
	bool ok = true;
	for (int i = 0; i < n; i++)
		ok &= (out[i] = agree_load_json(a, paths[i])) != NULL;
	return ok;
}

/* crosstabs TRUTH TAB BY [--counts-only] [--small-cell N] */
static void run_crosstabs(struct agree *a, char **args, int n_args, json_t **j)
{
	bool counts_only = false;
	int small_cell = 1;
	for (int i = 3; i < n_args; i++) {
		if (strcmp(args[i], "--counts-only") == 0)
			counts_only = true;
		else if (strcmp(args[i], "--small-cell") == 0 && i + 1 < n_args)
			small_cell = atoi(args[++i]);
	}
	agree_crosstabs(a, j[0], j[1], args[2], counts_only, small_cell);
}

/* Prints NAME='VALUE' for the string at PATH (object keys) in TRUTH, '' when null. */
static void hint(const json_t *truth, const char *name, const char *key, const char *subkey)
{
	const json_t *v = json_object_get(truth, key);
	if (subkey)
		v = json_object_get(v, subkey);
	const char *s = json_string_value(v);
	/* Question names and dates need no quoting, but a quote must not end the string. */
	printf("%s='%s'\n", name, s && !strchr(s, '\'') ? s : "");
}

static int hints(struct agree *a, const char *path)
{
	json_t *truth = agree_load_json(a, path);
	if (!truth)
		return 1;
	hint(truth, "CUTOFF", "cutoff", NULL);
	hint(truth, "S1", "by", "select_one");
	hint(truth, "SM", "by", "select_multiple");
	hint(truth, "CQ", "chart", "question");
	hint(truth, "CB", "chart", "by_region");
	json_decref(truth);
	return 0;
}

static int mock(json_t *truth, const char *by, int small_cell, bool withhold)
{
	json_t *out = agree_mock(truth, by, small_cell, withhold);
	json_dumpf(out, stdout, JSON_INDENT(1) | JSON_REAL_PRECISION(17));
	putchar('\n');
	json_decref(out);
	json_decref(truth);
	return 0;
}

static int run(struct agree *a, const char *check, char **args, int n_args)
{
	json_t *j[2] = { NULL, NULL };
	if (strcmp(check, "selftest") == 0)
		return agree_selftest() ? 1 : 0;
	if (strcmp(check, "hints") == 0 && n_args == 1)
		return hints(a, args[0]);
	if (strcmp(check, "mock") == 0 && n_args == 4 && load_all(a, args, 1, j))
		return mock(j[0], args[1], atoi(args[2]), strcmp(args[3], "withhold") == 0);
	if (strcmp(check, "problems") == 0 && n_args >= 2)
		agree_problems(a, args[0], args + 1, n_args - 1);
	else if (strcmp(check, "csv") == 0 && n_args == 2 && load_all(a, args, 1, j))
		agree_csv(a, j[0], args[1]);
	else if (strcmp(check, "text") == 0 && n_args == 2 && load_all(a, args, 1, j))
		agree_text(a, j[0], args[1]);
	else if (strcmp(check, "report") == 0 && n_args == 2 && load_all(a, args, 1, j))
		agree_report(a, j[0], args[1]);
	else if (strcmp(check, "chart") == 0 && (n_args == 3 || n_args == 4) && load_all(a, args, 1, j))
		agree_chart(a, j[0], args[1], args[2], n_args == 4 ? args[3] : NULL);
	else if (strcmp(check, "status") == 0 && n_args == 2 && load_all(a, args, 2, j))
		agree_status(a, j[0], j[1]);
	else if (strcmp(check, "respondents") == 0 && n_args == 2 && load_all(a, args, 2, j))
		agree_respondents(a, j[0], j[1]);
	else if (strcmp(check, "questions") == 0 && n_args == 2 && load_all(a, args, 2, j))
		agree_questions(a, j[0], j[1]);
	else if (strcmp(check, "crosstabs") == 0 && n_args >= 3 && load_all(a, args, 2, j))
		run_crosstabs(a, args, n_args, j);
	else if (strcmp(check, "audit") == 0 && n_args == 3 && load_all(a, args, 1, j))
		agree_audit_check(a, j[0], args[1], atoi(args[2]));
	else if (strcmp(check, "disclosure") == 0 && n_args == 4 && load_all(a, args, 2, j))
		agree_disclosure(a, j[0], j[1], args[2], atoi(args[3]));
	else if (!a->failures) {
		fputs(usage, stderr);
		return 2;
	}
	json_decref(j[0]);
	json_decref(j[1]);
	if (a->failures > AGREE_SHOWN)
		printf("%s: ... and %u more\n", check, a->failures - AGREE_SHOWN);
	return a->failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	struct agree a = { argv[1], 0, false };
	return run(&a, argv[1], argv + 2, argc - 2);
}
