/* fuzz-expr.c - libFuzzer harness: the expression parser and evaluator */
#include <config.h>
#include "fuzz.h"

#include <string.h>
#include <glib.h>

#include "expr.h"

/*
 * The input is an expression, then NUL-separated values for the questions
 * below, in their order, and for '.', whose type depends on the input's
 * length.  The questions are those of tests/data/expr.test, so that its
 * cases seed the corpus.  A parse error must point inside the text; a
 * parsed expression must evaluate, whatever the values, to a value whose
 * string form is valid UTF-8, and list its references in ascending order.
 */

static const struct {
	const char *name;
	enum expr_type type;
} questions[] = {
	{ "n", EXPR_NUMBER }, { "m", EXPR_NUMBER }, { "x", EXPR_NUMBER },
	{ "s", EXPR_STRING }, { "t", EXPR_STRING }, { "calc", EXPR_STRING },
	{ "one", EXPR_STRING }, { "multi", EXPR_STRING }, { "d", EXPR_DATE },
	{ "e", EXPR_DATE }, { "dt", EXPR_DATE }, { "flag", EXPR_BOOLEAN },
	{ "first-name", EXPR_STRING }, { "gr\xc3\xb6\xc3\x9f" "e", EXPR_NUMBER },
};

#define N_VALUES (G_N_ELEMENTS(questions) + 1)	/* and '.' */

static int lookup(void *data, const char *name, enum expr_type *type)
{
	(void)data;
	for (size_t i = 0; i < G_N_ELEMENTS(questions); i++) {
		if (strcmp(questions[i].name, name) == 0) {
			*type = questions[i].type;
			return (int)i;
		}
	}
	return -1;
}

static const char *ref_text(void *data, int ref)
{
	const char *const *values = data;
	return values[ref == EXPR_REF_SELF ? (int)N_VALUES - 1 : ref];
}

static const char *choice_label(void *data, int ref, const char *value)
{
	(void)data;
	(void)ref;
	return strcmp(value, "yes") == 0 ? "Yes" : NULL;
}

static int last_ref;

static void check_ref(int ref, void *data)
{
	(void)data;
	FUZZ_ASSERT(ref > last_ref && ref < (int)G_N_ELEMENTS(questions));
	last_ref = ref;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init();
	fuzz_quiet();
	/* Split into the expression and the values; replies hold only valid UTF-8. */
	char *copy = g_malloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	const char *values[N_VALUES] = { 0 };
	const char *p = copy, *end = copy + size;
	const char *text = p;
	p += strlen(p) + 1;
	for (size_t i = 0; i < N_VALUES && p < end; i++, p += strlen(p) + 1)
		values[i] = g_utf8_validate(p, -1, NULL) ? p : "";

	struct expr_scope scope = {
		.lookup = lookup, .has_self = true, .self_type = (enum expr_type)(size % 4),
	};
	struct expr_error err;
	struct expr *e = expr_parse(text, &scope, &err);
	if (!e) {
		FUZZ_ASSERT(err.column >= 1 && err.column <= (long)strlen(text) + 1);
		FUZZ_ASSERT(err.message[0] != '\0');
		g_free(copy);
		return 0;
	}
	last_ref = -1;
	expr_foreach_ref(e, check_ref, NULL);
	GStringChunk *scratch = g_string_chunk_new(64);
	struct expr_env env = {.ref_text = ref_text, .choice_label = choice_label, .today = 18000.25,
			       .now = 18000.25, .scratch = scratch, .data = values};
	/* random() and uuid() draw the same values in both evaluations below */
	env.rand = g_rand_new_with_seed(1);
	struct expr_value v;
	expr_eval(e, &env, &v);
	const char *s = expr_to_string(&v, scratch);
	FUZZ_ASSERT(g_utf8_validate(s, -1, NULL));
	(void)expr_to_number(&v);
	g_rand_set_seed(env.rand, 1);
	FUZZ_ASSERT(expr_eval_bool(e, &env) == expr_to_boolean(&v));
	g_rand_free(env.rand);
	g_string_chunk_free(scratch);
	expr_free(e);
	g_free(copy);
	return 0;
}
