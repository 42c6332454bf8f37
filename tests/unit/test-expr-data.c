/* test-expr-data.c - runs the expression cases of tests/data/expr.test */
#include <config.h>
#include "expr.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "isodate.h"
#include "tap.h"

/*
 * The file format is described at the top of tests/data/expr.test.  Each
 * block prints one TAP line named after its file, line and expression.
 */

/* The questions every case can refer to, with their declared types. */
static const struct question {
	const char *name;
	enum expr_type type;
} questions[] = {
	{"n", EXPR_NUMBER},		/* integer */
	{"m", EXPR_NUMBER},		/* integer */
	{"x", EXPR_NUMBER},		/* decimal */
	{"s", EXPR_STRING},		/* text */
	{"t", EXPR_STRING},		/* text */
	{"one", EXPR_STRING},		/* select_one yn */
	{"multi", EXPR_STRING},		/* select_multiple fruit */
	{"d", EXPR_DATE},		/* date */
	{"e", EXPR_DATE},		/* date */
	{"dt", EXPR_DATE},		/* dateTime */
	{"calc", EXPR_STRING},		/* calculate */
	{"flag", EXPR_BOOLEAN},		/* a boolean, for the conversion rules */
	{"first-name", EXPR_STRING},	/* text, with a '-' in its name */
	{"größe", EXPR_NUMBER},		/* integer, with a non-ASCII name */
};

#define N_QUESTIONS G_N_ELEMENTS(questions)

/* The choice labels jr:choice-name() finds, by question. */
static const struct label {
	const char *question;
	const char *value;
	const char *label;
} labels[] = {
	{"one", "yes", "Yes"},
	{"one", "no", "No"},
	{"one", "dk", "Don't know"},
	{"one", "1", "One"},
	{"multi", "a", "Apple"},
	{"multi", "b", "Banana"},
	{"multi", "c", "Cherry"},
	{"multi", "ä", "Äpfel; süß"},
};

/* The choice lists instance() and bare names read: name, label and state. */
static const char *const lists[] = {"state", "district"};
static const struct item {
	int list;
	const char *name, *label, *state;
} items[] = {
	{0, "bavaria", "Bavaria", NULL},
	{0, "idf", "Île-de-France", NULL},
	{1, "munich", "Munich", "bavaria"},
	{1, "nuremberg", "Nuremberg", "bavaria"},
	{1, "paris", "Paris", "idf"},
	{1, "7", "Seven", "idf"},
};

static int scope_list(void *data, const char *name)
{
	(void)data;
	for (size_t i = 0; i < G_N_ELEMENTS(lists); i++)
		if (strcmp(lists[i], name) == 0)
			return (int)i;
	return -1;
}

static bool has_column(void *data, int list, const char *name)
{
	(void)data;
	return strcmp(name, "name") == 0 || strcmp(name, "label") == 0 ||
	       (list == 1 && strcmp(name, "state") == 0);
}

/* The ITEMth item of LIST in items[], or NULL. */
static const struct item *item_at(int list, int item)
{
	for (size_t i = 0; i < G_N_ELEMENTS(items); i++)
		if (items[i].list == list && item-- == 0)
			return &items[i];
	return NULL;
}

static int list_size(void *data, int list)
{
	(void)data;
	int n = 0;
	while (item_at(list, n))
		n++;
	return n;
}

static const char *item_text(void *data, int list, int item, const char *column)
{
	(void)data;
	const struct item *it = item_at(list, item);
	if (strcmp(column, "name") == 0)
		return it->name;
	return strcmp(column, "label") == 0 ? it->label : it->state;
}

/* One block's answers: the text of each question and of '.', NULL when unanswered. */
struct answers {
	char *text[N_QUESTIONS];
	char *self;
};

static int lookup(void *data, const char *name, enum expr_type *type)
{
	(void)data;
	for (size_t i = 0; i < N_QUESTIONS; i++)
		if (strcmp(questions[i].name, name) == 0) {
			*type = questions[i].type;
			return (int)i;
		}
	return -1;
}

/* Every question is a sibling of the one an expression belongs to: ../x is ${x}. */
static int relative(void *data, int up, const char *name, enum expr_type *type)
{
	return up == 1 ? lookup(data, name, type) : -1;
}

static const char *ref_text(void *data, int ref)
{
	struct answers *a = data;
	return ref == EXPR_REF_SELF ? a->self : a->text[ref];
}

static const char *choice_label(void *data, int ref, const char *value)
{
	(void)data;
	for (size_t i = 0; i < G_N_ELEMENTS(labels); i++)
		if (strcmp(labels[i].question, questions[ref].name) == 0 &&
		    strcmp(labels[i].value, value) == 0)
			return labels[i].label;
	return NULL;
}

static void answers_clear(struct answers *a)
{
	for (size_t i = 0; i < N_QUESTIONS; i++)
		g_clear_pointer(&a->text[i], g_free);
	g_clear_pointer(&a->self, g_free);
}

/*
 * Reads one value at *P: up to the next ';', or a double-quoted string
 * in which "" stands for ", so that a value can hold ';'.  Returns NULL
 * when the quotes are not closed.
 */
static char *read_value(const char **p)
{
	const char *s = *p;
	if (*s != '"') {
		size_t len = strcspn(s, ";");
		*p = s + len;
		return g_strndup(s, len);
	}
	GString *v = g_string_new(NULL);
	for (s++; *s; s++) {
		if (*s == '"' && s[1] == '"')
			g_string_append_c(v, *s++);
		else if (*s == '"')
			break;
		else
			g_string_append_c(v, *s);
	}
	if (*s != '"' || (s[1] != ';' && s[1] != '\0')) {
		g_string_free(v, TRUE);
		return NULL;
	}
	*p = s + 1;
	return g_string_free(v, FALSE);
}

/* Parses "name=value;name=value" or "-" into A; false if malformed. */
static bool parse_answers(const char *line, struct answers *a)
{
	if (strcmp(line, "-") == 0)
		return true;
	for (const char *p = line; *p;) {
		size_t len = strcspn(p, "=");
		if (p[len] != '=')
			return false;
		char *name = g_strndup(p, len);
		enum expr_type type;
		int id = strcmp(name, ".") == 0 ? EXPR_REF_SELF : lookup(NULL, name, &type);
		g_free(name);
		p += len + 1;
		char *value = read_value(&p);
		if (!value || (id < 0 && id != EXPR_REF_SELF)) {
			g_free(value);
			return false;
		}
		char **slot = id == EXPR_REF_SELF ? &a->self : &a->text[id];
		g_free(*slot);
		*slot = value;
		if (*p == ';')
			p++;
	}
	return true;
}

/* "number 3", "string \"abc\"", "boolean true", "date 2019-06-30[THH:MM:SS.mmm]". */
static char *render(const struct expr_value *v, GStringChunk *scratch)
{
	char buf[ISODATE_BUFSIZE];
	switch (v->type) {
	case EXPR_STRING:
		return g_strdup_printf("string \"%s\"", v->str);
	case EXPR_NUMBER:
		return g_strdup_printf("number %s", expr_to_string(v, scratch));
	case EXPR_BOOLEAN:
		return g_strdup_printf("boolean %s", v->num != 0 ? "true" : "false");
	case EXPR_DATE:
		break;
	}
	double day = floor(v->num);
	isodate_format((int)day, buf);
	long ms = lround((v->num - day) * 86400000.0);
	if (ms == 0)
		return g_strdup_printf("date %s", buf);
	return g_strdup_printf("date %sT%02ld:%02ld:%02ld.%03ld", buf, ms / 3600000,
			       ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
}

struct block {
	const char *file;	/* base name, for the test names */
	int line;		/* of the expression */
	bool fail;		/* a %%FAIL block */
	bool relevant;		/* %%FAIL relevant: no '.' */
	int item;		/* %%ITEM N, or %%FAIL item (0): bare names read district N; else -1 */
	const char *expr;
	const char *answers;	/* normal blocks only */
	const char *want;
};

static void run_fail(const struct block *b, const struct expr_scope *scope)
{
	struct expr_error err;
	struct expr *e = expr_parse(b->expr, scope, &err);
	char *got = e ? g_strdup("(parsed)") : g_strdup_printf("%ld: %s", err.column, err.message);
	bool pass = strcmp(got, b->want) == 0;
	ok(pass, "%s:%d: %s", b->file, b->line, b->expr);
	if (!pass)
		tap_diag("got:  %s\n# want: %s", got, b->want);
	g_free(got);
	expr_free(e);
}

static void run_eval(const struct block *b, const struct expr_scope *scope, struct expr_env *env)
{
	struct answers *a = env->data;
	struct expr_error err;
	char *got;
	struct expr *e = NULL;
	if (!parse_answers(b->answers, a))
		got = g_strdup_printf("(bad answers line '%s')", b->answers);
	else if (!(e = expr_parse(b->expr, scope, &err)))
		got = g_strdup_printf("(parse error) %ld: %s", err.column, err.message);
	else {
		struct expr_value v;
		g_rand_set_seed(env->rand, 1);	/* each block draws the same numbers */
		expr_eval(e, env, &v);
		got = render(&v, env->scratch);
	}
	bool pass = strcmp(got, b->want) == 0;
	ok(pass, "%s:%d: %s", b->file, b->line, b->expr);
	if (!pass)
		tap_diag("got:  %s\n# want: %s", got, b->want);
	g_free(got);
	expr_free(e);
	answers_clear(a);
	g_string_chunk_clear(env->scratch);
}

static void run_block(const struct block *b, struct expr_env *env)
{
	struct expr_scope scope = {
		.lookup = lookup,
		.has_self = !b->relevant,
		.self_type = EXPR_NUMBER,
		.list = scope_list,
		.has_column = has_column,
		.has_item = b->item >= 0,
		.item_list = 1,
		.relative = relative,
	};
	env->item = b->item;
	if (b->fail)
		run_fail(b, &scope);
	else
		run_eval(b, &scope, env);
}

/* Turns the lines of one block (comments dropped) into a block; false if malformed. */
static bool make_block(struct block *b, char **lines, int *numbers, int n)
{
	b->item = -1;
	if (strncmp(lines[0], "%%ITEM ", 7) == 0) {
		b->item = atoi(lines[0] + 7);
		lines++, numbers++, n--;
		if (n != 3 || strncmp(lines[0], "%%", 2) == 0)
			return false;
	}
	b->fail = strncmp(lines[0], "%%FAIL", 6) == 0;
	b->relevant = b->fail && strcmp(lines[0], "%%FAIL relevant") == 0;
	if (b->fail && strcmp(lines[0], "%%FAIL item") == 0)
		b->item = 0;
	else if (b->fail && !b->relevant && strcmp(lines[0], "%%FAIL") != 0)
		return false;
	if (n != 3)
		return false;
	b->line = numbers[b->fail ? 1 : 0];
	b->expr = lines[b->fail ? 1 : 0];
	b->answers = b->fail ? NULL : lines[1];
	b->want = lines[2];
	return true;
}

/* Runs every block of TEXT; returns how many there were. */
static int run_file(const char *file, char *text, struct expr_env *env)
{
	char **lines = g_strsplit(text, "\n", -1);
	char *block[8];
	int numbers[8], n = 0, count = 0;
	for (int i = 0;; i++) {
		char *line = lines[i];
		if (line)
			g_strchomp(line);	/* so that no column depends on unseen blanks */
		if (line && line[0] == '#')
			continue;
		if (line && line[0] != '\0') {
			if (n < (int)G_N_ELEMENTS(block)) {
				block[n] = line;
				numbers[n] = i + 1;
			}
			n++;
			continue;
		}
		if (n > 0) {
			struct block b = {.file = file};
			if (make_block(&b, block, numbers, n))
				run_block(&b, env);
			else
				ok(false, "%s:%d: malformed block", file, numbers[0]);
			count++;
		}
		n = 0;
		if (!line)
			break;
	}
	g_strfreev(lines);
	return count;
}

int main(int argc, char **argv)
{
	const char *dir = getenv("QUIRE_TEST_DATA");
	char *path = argc > 1 ? g_strdup(argv[1]) : g_build_filename(dir ? dir : "tests/data",
								       "expr.test", NULL);
	char *text = NULL;
	GError *error = NULL;
	if (!g_file_get_contents(path, &text, NULL, &error)) {
		ok(false, "read %s: %s", path, error->message);
		g_error_free(error);
		g_free(path);
		return tap_done();
	}
	struct answers answers = {{NULL}, NULL};
	struct expr_env env = {
		.ref_text = ref_text,
		.choice_label = choice_label,
		.today = isodate_from_ymd(2024, 3, 15),	/* a Friday */
		.now = isodate_from_ymd(2024, 3, 15) + 0.4375,	/* 10:30 */
		.rand = g_rand_new_with_seed(1),
		.scratch = g_string_chunk_new(256),
		.data = &answers,
		.list_size = list_size,
		.item_text = item_text,
	};
	char *base = g_path_get_basename(path);
	int count = run_file(base, text, &env);
	tap_diag("%d blocks in %s", count, path);
	g_string_chunk_free(env.scratch);
	g_rand_free(env.rand);
	g_free(base);
	g_free(text);
	g_free(path);
	return tap_done();
}
