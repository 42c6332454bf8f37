/* test-expr.c - unit tests for expressions beyond tests/data/expr.test */
#include <config.h>
#include "expr.h"

#include <math.h>
#include <string.h>
#include <glib.h>

#include "tap.h"

/*
 * What a three-line case cannot say: nesting 10,000 levels deep, the
 * dependency list, the scratch contract, the conversion functions on
 * values made by hand, and evaluation that must not allocate.
 */

static const char *const names[] = {"a", "b", "c", "n", "s", "multi"};
static const enum expr_type types[] = {EXPR_STRING, EXPR_STRING, EXPR_STRING,
				       EXPR_NUMBER, EXPR_STRING, EXPR_STRING};

static int lookup(void *data, const char *name, enum expr_type *type)
{
	(void)data;
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
		if (strcmp(names[i], name) == 0) {
			*type = types[i];
			return (int)i;
		}
	return -1;
}

static const struct expr_scope scope = {.lookup = lookup, .has_self = true,
					.self_type = EXPR_NUMBER};

/* The answers: a="x", n="17", s="abc", multi="a b c"; the others unanswered. */
static const char *ref_text(void *data, int ref)
{
	static const char *const text[] = {"x", NULL, "", "17", "abc", "a b c"};
	(void)data;
	return ref == EXPR_REF_SELF ? "5" : text[ref];
}

static struct expr_env make_env(GStringChunk *scratch)
{
	struct expr_env env = {.ref_text = ref_text, .today = 19797, .scratch = scratch};
	return env;
}

/* Parses TEXT and expects the error "COLUMN: MESSAGE". */
static void check_error(const char *what, const char *text, const char *want)
{
	struct expr_error err;
	struct expr *e = expr_parse(text, &scope, &err);
	char *got = e ? g_strdup("(parsed)") : g_strdup_printf("%ld: %s", err.column, err.message);
	tap_check_str(got, want, __FILE__, __LINE__, what);
	g_free(got);
	expr_free(e);
}

/* Parses and evaluates TEXT, expecting its string form WANT. */
static void check_value(const char *what, const char *text, const char *want)
{
	GStringChunk *scratch = g_string_chunk_new(64);
	struct expr_env env = make_env(scratch);
	struct expr_error err;
	struct expr *e = expr_parse(text, &scope, &err);
	if (!e) {
		ok(false, "%s", what);
		tap_diag("%ld: %s", err.column, err.message);
	} else {
		struct expr_value v;
		expr_eval(e, &env, &v);
		tap_check_str(expr_to_string(&v, scratch), want, __FILE__, __LINE__, what);
	}
	expr_free(e);
	g_string_chunk_free(scratch);
}

static char *repeat(const char *s, int n)
{
	GString *g = g_string_new(NULL);
	for (int i = 0; i < n; i++)
		g_string_append(g, s);
	return g_string_free(g, FALSE);
}

/* PREFIX x N, CORE, SUFFIX x N. */
static char *nest(const char *prefix, const char *core, const char *suffix, int n)
{
	char *p = repeat(prefix, n), *s = repeat(suffix, n);
	char *all = g_strconcat(p, core, s, NULL);
	g_free(p);
	g_free(s);
	return all;
}

#define TOO_DEEP "expression nested too deeply (more than 200 levels)"

static void test_deep_nesting(void)
{
	char *text = nest("(", "1", ")", 10000);
	check_error("10,000 parentheses", text, "201: " TOO_DEEP);
	g_free(text);

	text = nest("not(", "1", ")", 10000);
	check_error("10,000 not()", text, "804: " TOO_DEEP);
	g_free(text);

	text = nest("-", "1", "", 10000);
	check_error("10,000 unary minus", text, "201: " TOO_DEEP);
	g_free(text);

	text = nest("concat('a', ", "1", ")", 10000);
	check_error("10,000 nested concat()", text, "2407: " TOO_DEEP);
	g_free(text);

	/* The loop in subexpr() builds this without recursing; the tree is still deep. */
	GString *sum = g_string_new("1");
	for (int i = 1; i < 100000; i++)
		g_string_append(sum, "+1");
	check_error("a flat sum of 100,000 terms", sum->str, "400: " TOO_DEEP);
	g_string_free(sum, TRUE);

	GString *ors = g_string_new("${a}");
	for (int i = 1; i < 100000; i++)
		g_string_append(ors, " or ${a}");
	check_error("100,000 terms of 'or'", ors->str, "1598: " TOO_DEEP);
	g_string_free(ors, TRUE);
}

/* The deepest trees allowed still parse and evaluate. */
static void test_depth_limit(void)
{
	char *text = nest("-", "1", "", 199);
	check_value("199 unary minus and a literal: 200 levels", text, "-1");
	g_free(text);
	text = nest("-", "1", "", 200);
	check_error("200 unary minus and a literal: 201 levels", text, "1: " TOO_DEEP);
	g_free(text);

	text = nest("not(", "1", ")", 199);
	check_value("199 not(): 200 levels", text, "false");
	g_free(text);
	text = nest("not(", "1", ")", 200);
	check_error("200 not(): 201 levels", text, "1: " TOO_DEEP);
	g_free(text);

	/* Breadth is not depth. */
	GString *args = g_string_new("concat(");
	for (int i = 0; i < 100000; i++)
		g_string_append(args, i ? ",'x'" : "'x'");
	g_string_append(args, ")");
	GStringChunk *scratch = g_string_chunk_new(64);
	struct expr_env env = make_env(scratch);
	struct expr *e = expr_parse(args->str, &scope, NULL);
	ok(e != NULL, "concat() of 100,000 arguments parses");
	if (e) {
		struct expr_value v;
		expr_eval(e, &env, &v);
		check_int((long long)strlen(v.str), 100000);
	}
	expr_free(e);
	g_string_chunk_free(scratch);
	g_string_free(args, TRUE);
}

static void collect(int ref, void *data)
{
	g_string_append_printf(data, "%d,", ref);
}

static char *refs_of(const char *text)
{
	GString *got = g_string_new(NULL);
	struct expr *e = expr_parse(text, &scope, NULL);
	if (e)
		expr_foreach_ref(e, collect, got);
	else
		g_string_append(got, "(error)");
	expr_free(e);
	return g_string_free(got, FALSE);
}

static void check_refs(const char *text, const char *want)
{
	char *got = refs_of(text);
	tap_check_str(got, want, __FILE__, __LINE__, text);
	g_free(got);
}

static void test_foreach_ref(void)
{
	check_refs("1 + 2", "");
	check_refs("${b}", "1,");
	/* Each once, in id order; '.' and jr:choice-name()'s quoted name are no values read. */
	check_refs("${b} = ${a} or ${b} = . or ${c}", "0,1,2,");
	check_refs("jr:choice-name(${n}, '${multi}')", "3,");
	check_refs("if(${s}, ${n}, concat(${a}, ${s}))", "0,3,4,");
}

/* Whether TEXT's value is a function of its references' texts alone. */
static bool reads_only_refs(const char *text)
{
	struct expr *e = expr_parse(text, &scope, NULL);
	bool only = e && expr_reads_only_refs(e);
	if (!e)
		tap_diag("'%s' does not parse", text);
	expr_free(e);
	return only;
}

/* What a memo of an expression by its references' texts (resp-eval.c) may rely on. */
static void test_reads_only_refs(void)
{
	static const char *const only[] = {
		"1 + 2", "${a} = 'x'", "${a} = 'x' and ${b} != ''", "concat(${a}, ${b})",
		"once(${a})", "if(${n} > 3, 'a', 'b')", "jr:choice-name(${n}, '${multi}')",
		"selected(${multi}, 'a')", "count-selected(${multi}) > 1",
		"format-date(date(${s}), '%Y')", "regex(${s}, '^a')",
	};
	static const char *const more[] = {
		". > 3", "${n} + . = 10", "today() > 1", "now()", "random() < 1",
		"randomize(${multi})", "uuid()", "string-length(uuid(8)) = 8",
		"${a} = 'x' or today() > 1", "if(${n} > 3, now(), 0)",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(only); i++)
		ok(reads_only_refs(only[i]), "'%s' reads only its references", only[i]);
	for (size_t i = 0; i < G_N_ELEMENTS(more); i++) {
		struct expr *e = expr_parse(more[i], &scope, NULL);
		ok(e && !expr_reads_only_refs(e), "'%s' parses, and reads more", more[i]);
		expr_free(e);
	}
}

/*
 * Marks the scratch's current position: two marks with nothing inserted
 * between them are adjacent.
 */
static void collect_test(int ref, const char *value, long column, void *data)
{
	g_string_append_printf(data, "%s%d:%s@%ld", ((GString *)data)->len ? " " : "", ref, value,
			       column);
}

static void check_choice_tests(const char *text, const char *want)
{
	GString *got = g_string_new(NULL);
	struct expr *e = expr_parse(text, &scope, NULL);
	if (e)
		expr_foreach_choice_test(e, text, collect_test, got);
	tap_check_str(got->str, want, __FILE__, __LINE__, text);
	g_string_free(got, TRUE);
	expr_free(e);
}

/* The literals tested against a reference, which the form checks against its choices. */
static void test_foreach_choice_test(void)
{
	check_choice_tests("${a} = 'yes'", "0:yes@8");
	check_choice_tests("'no' != ${b} and selected(${multi}, 'c')", "1:no@1 5:c@37");
	check_choice_tests("not(selected(., 'none'))", "-2:none@17");
	check_choice_tests("${a} = ${b} or ${n} > 3 or concat(${a}, 'x') = 'y'", "");
	check_choice_tests("if(${s} = 'é', 'a', 'b')", "4:é@11");
}

static bool scratch_untouched(GStringChunk *scratch, const char *before)
{
	const char *after = g_string_chunk_insert(scratch, "m");
	return after == before + 2;
}

/* Comparisons, references, literals, and/or and selected() never write to the scratch. */
static void test_no_scratch(void)
{
	static const char *const cases[] = {
		"${n} >= 18 and ${s} != 'abc' or ${a} = 'x'",
		"selected(${multi}, 'b') and not(selected(${multi}, 'z'))",
		"${n} + 1 = 18",
		". < 10",
		"count-selected(${multi}) = 3",
		"contains(${s}, ${n}) or starts-with(${n}, 1 div 3)",
		"string-length(${n}) = 2",
		"jr:choice-name(${a}, '${multi}') = ''",
		"if(${b} = '', 1, 2) * -${n}",
		"regex(${s}, '[a-c]+')",
		"string(true())",
	};
	GStringChunk *scratch = g_string_chunk_new(4096);
	struct expr_env env = make_env(scratch);
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct expr *e = expr_parse(cases[i], &scope, NULL);
		const char *mark = g_string_chunk_insert(scratch, "m");
		for (int k = 0; k < 1000 && e; k++) {
			struct expr_value v;
			expr_eval(e, &env, &v);
		}
		ok(e && scratch_untouched(scratch, mark), "no scratch: %s", cases[i]);
		expr_free(e);
	}
	g_string_chunk_free(scratch);
}

/* Parse once, evaluate many times; the caller clears the scratch between rows. */
static void test_scratch_reuse(void)
{
	GStringChunk *scratch = g_string_chunk_new(64);
	struct expr_env env = make_env(scratch);
	struct expr *e = expr_parse("concat(${s}, '-', ${n} * 2, '-', substr(${multi}, 2))", &scope,
				    NULL);
	bool all = e != NULL;
	for (int i = 0; i < 10000 && e; i++) {
		struct expr_value v;
		expr_eval(e, &env, &v);
		all = all && v.type == EXPR_STRING && strcmp(v.str, "abc-34-b c") == 0;
		g_string_chunk_clear(scratch);
	}
	ok(all, "10,000 evaluations with the scratch cleared between them");
	expr_free(e);

	/* A result longer than the builder's stack buffer. */
	char *big = repeat("x", 1000);
	char *text = g_strdup_printf("concat('%s', '%s')", big, big);
	e = expr_parse(text, &scope, NULL);
	struct expr_value v;
	expr_eval(e, &env, &v);
	check_int((long long)strlen(v.str), 2000);
	expr_free(e);
	g_free(text);
	g_free(big);
	g_string_chunk_free(scratch);
}

static void test_conversions(void)
{
	GStringChunk *scratch = g_string_chunk_new(64);
	struct expr_value v = {EXPR_NUMBER, 0, NULL};
	static const struct {
		double num;
		const char *want;
	} numbers[] = {
		{5, "5"}, {-5, "-5"}, {0.5, "0.5"}, {-0.0, "0"}, {1e-13, "0"},
		{1e21, "1000000000000000000000"}, {1.5e-7, "0.00000015"},
		{123456.789, "123456.789"}, {2.9999999999999996, "2.9999999999999996"},
		{1.25e-11, "0.0000000000125"}, {5e-324, "0"},
		{1.7976931348623157e308, NULL}, {-1.7976931348623157e308, NULL},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(numbers); i++) {
		v.num = numbers[i].num;
		const char *s = expr_to_string(&v, scratch);
		if (numbers[i].want)
			check_str(s, numbers[i].want);
		else
			ok(strchr(s, 'e') == NULL && strtod(s, NULL) == numbers[i].num,
			   "%.17g is written plainly and reads back (%zu characters)",
			   numbers[i].num, strlen(s));
	}

	struct expr_value str = {EXPR_STRING, 0, " 1,25 "};
	check_num(expr_to_number(&str), 1.25, 0);
	ok(!expr_to_boolean(&(struct expr_value){EXPR_NUMBER, NAN, NULL}), "NaN is false");
	ok(expr_to_boolean(&(struct expr_value){EXPR_DATE, 0, NULL}), "a date is true");
	struct expr_value date = {EXPR_DATE, 18077.75, NULL};
	check_num(expr_to_number(&date), 18077, 0);
	check_str(expr_to_string(&date, scratch), "2019-06-30");
	g_string_chunk_free(scratch);
}

static void test_api_edges(void)
{
	check_error("the empty expression", "", "1: empty expression");
	check_error("only blanks", "   ", "4: empty expression");
	check_error("invalid UTF-8", "'日本' \xff", "6: invalid UTF-8");
	/* A long token is cut to 40 bytes in a message, but never inside a character. */
	char *name = repeat("ä", 30);
	char *text = g_strdup_printf("1 x%s", name);
	char *want = g_strdup_printf("3: expected an operator, not 'x%.38s'", name);
	check_error("a long token in a message", text, want);
	g_free(want);
	g_free(text);
	g_free(name);
	expr_free(NULL);
	ok(expr_parse("1 +", &scope, NULL) == NULL, "a NULL error pointer is allowed");
	struct expr_error err;
	struct expr *e = expr_parse("${a}", NULL, &err);
	ok(e == NULL && strcmp(err.message, "unknown question 'a'") == 0,
	   "without a scope every question is unknown");

	GStringChunk *scratch = g_string_chunk_new(64);
	struct expr_env env = make_env(scratch);
	e = expr_parse("${n} > 10", &scope, NULL);
	ok(e && expr_eval_bool(e, &env), "expr_eval_bool");
	expr_free(e);

	/* Without ref_text every question is unanswered. */
	static const struct {
		const char *text;
		const char *want;
	} no_answers[] = {
		{"string-length(${s})", "0"},	{"substr(${s}, 1)", ""},
		{"regex(${s}, '.*')", "true"},	{"normalize-space(${s})", ""},
		{"selected(${s}, 'a')", "false"}, {"${n} + 1", "NaN"},
	};
	env.ref_text = NULL;
	for (size_t i = 0; i < G_N_ELEMENTS(no_answers); i++) {
		e = expr_parse(no_answers[i].text, &scope, NULL);
		struct expr_value v;
		expr_eval(e, &env, &v);
		tap_check_str(expr_to_string(&v, scratch), no_answers[i].want, __FILE__, __LINE__,
			      no_answers[i].text);
		expr_free(e);
	}
	g_string_chunk_free(scratch);
}

static const char *invalid_text(void *data, int ref)
{
	(void)data;
	(void)ref;
	return "\xf0\xff a \xe2\x82";
}

static void test_invalid_utf8(void)
{
	static const struct {
		const char *text;
		const char *want;
	} cases[] = {
		{"string-length(${s})", "6"},
		{"substr(${s}, 1, 3)", "\xff "},
		{"regex(${s}, '.*')", "false"},
		{"count-selected(${s})", "3"},
	};
	GStringChunk *scratch = g_string_chunk_new(64);
	struct expr_env env = make_env(scratch);
	env.ref_text = invalid_text;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct expr *e = expr_parse(cases[i].text, &scope, NULL);
		struct expr_value v;
		expr_eval(e, &env, &v);
		tap_check_str(expr_to_string(&v, scratch), cases[i].want, __FILE__, __LINE__,
			      cases[i].text);
		expr_free(e);
	}
	g_string_chunk_free(scratch);
}

/* The answers of test_value_bound(). */
static const char *long_text(void *data, int ref)
{
	const char *const *text = data;
	return ref >= 0 && ref < 3 ? text[ref] : NULL;
}

/* Evaluates TEXT with the long answers; returns its string form and whether it was too long. */
static char *eval_long(const char *text, const char *const *answers, bool *too_long)
{
	GStringChunk *scratch = g_string_chunk_new(64);
	struct expr_env env = make_env(scratch);
	env.ref_text = long_text;
	env.data = (void *)answers;
	env.too_long = too_long;
	*too_long = false;
	struct expr *e = expr_parse(text, &scope, NULL);
	struct expr_value v;
	expr_eval(e, &env, &v);
	char *s = g_strdup(expr_to_string(&v, scratch));
	expr_free(e);
	g_string_chunk_free(scratch);
	return s;
}

/* No function builds a string longer than EXPR_MAX_STRING: the result is "" and the env is told. */
static void test_value_bound(void)
{
	size_t half = EXPR_MAX_STRING / 2;
	char *a = g_strnfill(half, 'a'), *b = g_strnfill(half + 1, 'b');
	GString *years = g_string_new(NULL);	/* a format that doubles: 2 bytes give 4 */
	while (years->len <= half)
		g_string_append(years, "%Y");
	char *c = g_string_free(years, FALSE);
	const char *answers[] = { a, b, c };
	bool too_long;
	char *s = eval_long("concat(${a}, ${a})", answers, &too_long);
	ok(strlen(s) == EXPR_MAX_STRING && !too_long, "concat() builds a value of the bound");
	g_free(s);
	s = eval_long("concat(${a}, ${b})", answers, &too_long);
	ok(*s == '\0' && too_long, "one byte more gives \"\" and says so");
	g_free(s);
	s = eval_long("string-length(concat(${a}, ${b}, 'x')) = 0", answers, &too_long);
	check_str(s, "true");
	ok(too_long, "inside another expression too");
	g_free(s);
	s = eval_long("string-length(format-date('2019-01-01', ${c}))", answers, &too_long);
	ok(strcmp(s, "0") == 0 && too_long, "format-date() is held to the bound");
	g_free(s);
	s = eval_long("string-length(normalize-space(concat(${a}, ' ', ${a})))", answers,
		      &too_long);
	ok(strcmp(s, "0") == 0 && too_long, "and normalize-space() of what concat() could not build");
	g_free(s);
	s = eval_long("string-length(join(${a}, 'x', 'y', 'z'))", answers, &too_long);
	ok(strcmp(s, "0") == 0 && too_long, "join() is held to the bound");
	g_free(s);
	s = eval_long("string-length(translate(${b}, 'b', 'ä'))", answers, &too_long);
	ok(strcmp(s, "0") == 0 && too_long, "translate() is held to the bound");
	g_free(s);
	s = eval_long("string-length(translate(${a}, 'a', 'ä'))", answers, &too_long);
	ok(strcmp(s, "524288") == 0 && !too_long, "and builds a value of the bound");
	g_free(s);
	s = eval_long("string-length(uuid(1048577))", answers, &too_long);
	ok(strcmp(s, "0") == 0 && too_long, "uuid(n) is held to the bound");
	g_free(s);
	g_free(a);
	g_free(b);
	g_free(c);
}

/* Which errors are ODK that quire cannot evaluate, rather than mistakes. */
static void test_unsupported(void)
{
	static const struct {
		const char *text;
		bool unsupported;
	} cases[] = {
		{"pulldata('fruits', 'name', 'id', ${a})", true},
		{"indexed-repeat(${a}, ${a}, 1)", true},
		{"instance('list')", true},
		{"jr:itext('id')", true},
		{"geofence(${a}, ${a})", true},
		{"current()", true},
		{"${last-saved#a}", true},
		{"${a}[1]", true},
		{"frobnicate(${a})", false},
		{"1 +", false},
		{"${nope}", false},
		{"round(1, 2, 3)", false},
		{"${a} / 2", false},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct expr_error err = {.unsupported = !cases[i].unsupported};
		struct expr *e = expr_parse(cases[i].text, &scope, &err);
		ok(!e && err.unsupported == cases[i].unsupported, "%s: %s", cases[i].text,
		   cases[i].unsupported ? "not evaluated by quire" : "a mistake");
		expr_free(e);
	}
}

int main(void)
{
	test_deep_nesting();
	test_depth_limit();
	test_foreach_ref();
	test_reads_only_refs();
	test_foreach_choice_test();
	test_no_scratch();
	test_scratch_reuse();
	test_conversions();
	test_api_edges();
	test_invalid_utf8();
	test_value_bound();
	test_unsupported();
	return tap_done();
}
