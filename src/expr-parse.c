/* expr-parse.c - the recursive-descent parser of XLSForm expressions */
#include <config.h>
#include "expr.h"

#include <string.h>

#include "expr-int.h"
#include "i18n.h"

/*
 * Grammar (xlsform.md §3.2; XPath 1.0 REC §3, all binary operators left
 * associative), written as Lua's lparser.c writes it:
 *
 *   expr    -> subexpr(0)
 *   subexpr -> ('-' subexpr | primary) { binop subexpr }
 *   primary -> NUMBER | STRING | ref | '.' | relpath | column | lookup | call
 *              | '(' expr ')'
 *   ref     -> '${' NCName '}'
 *   relpath -> ('.' | '..' | 'current' '(' ')') {'/' ('.' | '..')} '/' NCName
 *   column  -> NCName
 *   lookup  -> 'instance' '(' STRING ')' '/' 'root' '/' 'item' '[' expr ']' '/' NCName
 *   call    -> QName '(' [expr {',' expr}] ')'
 *
 * A column reads the current item of a choice list: the choice a
 * choice_filter is evaluated for, or inside a lookup's predicate the
 * item tested.  Other paths, predicates and unions are recognised only to
 * be rejected with a message saying so.
 *
 * Depth.  Evaluation recurses once per tree level, so a tree deeper than
 * EXPR_MAX_DEPTH is an error; each node knows its depth, which catches the
 * left-deep chains (1+1+...+1) that the loop in subexpr() builds without
 * recursing.  The parser itself recurses at '(', at a call's arguments and
 * at unary '-'; that nesting is capped the same way, so that 10,000 levels
 * of parentheses (which make no nodes) stop early too.  Between two such
 * points subexpr() recurses at most once per priority level.
 */

struct parser {
	struct expr_lexer lx;
	const struct expr_scope *scope;
	struct expr *e;
	int level;		/* nesting of '(', calls and unary '-' */
	bool parent_ok;		/* '..' may come next: position()'s argument */
	int item_list;		/* the list whose item bare names read, or -1 */
};

static const struct expr_scope no_scope;

static void next(struct parser *ps)
{
	expr_lex_next(&ps->lx);
}

static const struct expr_token *tok(struct parser *ps)
{
	return &ps->lx.tok;
}

/*
 * expr_lex_error() looks the format up in the terminal's language; xgettext
 * knows error_at and unsupported_at as keywords (po/Makevars), so their
 * literal formats need no mark.
 */
#define error_at(ps, at, ...) expr_lex_error(&(ps)->lx, (at), __VA_ARGS__)
/* The same, for ODK that quire cannot evaluate (expr_error.unsupported). */
#define unsupported_at(ps, at, ...) \
	((ps)->lx.err->unsupported = true, expr_lex_error(&(ps)->lx, (at), __VA_ARGS__))

static EXPR_NORETURN void too_deep(struct parser *ps, const char *at)
{
	error_at(ps, at, "expression nested too deeply (more than %d levels)", EXPR_MAX_DEPTH);
}

static void enter(struct parser *ps, const char *at)
{
	if (++ps->level > EXPR_MAX_DEPTH)
		too_deep(ps, at);
}

static void leave(struct parser *ps)
{
	ps->level--;
}

/* ---- the tree ---- */

static void *alloc(struct expr *e, size_t size)
{
	void *p = g_malloc0(size);
	g_ptr_array_add(e->blocks, p);
	return p;
}

static struct expr_node *new_node(struct parser *ps, enum expr_op op, const char *at)
{
	struct expr_node *n = alloc(ps->e, sizeof *n);
	n->op = op;
	n->depth = 1;
	n->at = at;
	return n;
}

/* Gives N the depth of its deepest child plus one, and checks the limit. */
static void set_depth(struct parser *ps, struct expr_node *n, int child_depth)
{
	if (child_depth + 1 > n->depth)
		n->depth = child_depth + 1;
	if (n->depth > EXPR_MAX_DEPTH)
		too_deep(ps, n->at);
}

static struct expr_node *new_unary(struct parser *ps, enum expr_op op, struct expr_node *a,
				   const char *at)
{
	struct expr_node *n = new_node(ps, op, at);
	n->u.bin.a = a;
	set_depth(ps, n, a->depth);
	return n;
}

static struct expr_node *new_binary(struct parser *ps, enum expr_op op, struct expr_node *a,
				    struct expr_node *b, const char *at)
{
	struct expr_node *n = new_node(ps, op, at);
	n->u.bin.a = a;
	n->u.bin.b = b;
	set_depth(ps, n, MAX(a->depth, b->depth));
	return n;
}

/* ---- reporting what the token is ---- */

/* Writes a short description of the current token for a message. */
static const char *describe(struct parser *ps, char *buf, size_t size)
{
	const struct expr_token *t = tok(ps);
	if (t->kind == TK_EOF)
		/* TRANSLATORS: what came instead, as in "expected an operator, not the end". */
		return E_("the end");
	if (t->kind == TK_STRING)
		/* TRANSLATORS: what came instead, as in "expected a value, not a string". */
		return E_("a string");
	size_t len = MIN(t->len, 40);
	while (len < t->len && ((unsigned char)t->start[len] & 0xC0) == 0x80)
		len--;	/* not in the middle of a character */
	g_snprintf(buf, size, "'%.*s'", (int)len, t->start);
	return buf;
}

/* The messages for XPath that is valid but beyond what we evaluate. */
static void reject_path(struct parser *ps)
{
	const char *at = tok(ps)->start;
	switch (tok(ps)->kind) {
	case TK_SLASH:
	case TK_SLASHSLASH:
		error_at(ps, at, "'/' is a path step, not division; write 'div'");
	case TK_LBRACKET:
		unsupported_at(ps, at, "predicates '[...]' are not supported");
	case TK_PIPE:
		error_at(ps, at, "'|' (union of paths) is not supported");
	case TK_COLONCOLON:
		error_at(ps, at, "axes '::' are not supported");
	default:
		return;
	}
}

static void check_match(struct parser *ps, enum expr_tok kind, const char *what)
{
	if (tok(ps)->kind != kind)
		/* TRANSLATORS: %s is what must come next: a token such as ')' or ']', or "',' or ')'". */
		error_at(ps, tok(ps)->start, "expected %s", what);
	next(ps);
}

static struct expr_node *subexpr(struct parser *ps, int limit);

/* ---- primaries ---- */

static void add_ref(struct parser *ps, int id)
{
	g_array_append_val(ps->e->refs, id);
}

/* ref -> '${' NCName '}' */
static struct expr_node *ref(struct parser *ps)
{
	const struct expr_token *t = tok(ps);
	if (t->last_saved)
		unsupported_at(ps, t->start, "'${last-saved#...}' is not supported");
	char *name = g_strndup(t->name, t->name_len);
	enum expr_type type = EXPR_STRING;
	int id = ps->scope->lookup ? ps->scope->lookup(ps->scope->data, name, &type) : -1;
	g_free(name);
	if (id < 0)
		error_at(ps, t->start, "unknown question '%.*s'", (int)t->name_len, t->name);
	struct expr_node *n = new_node(ps, EXPR_OP_REF, t->start);
	n->u.ref.id = id;
	n->u.ref.type = type;
	add_ref(ps, id);
	next(ps);
	return n;
}

/* '.' (or current()) at AT, the current token being the one after it. */
static struct expr_node *self_at(struct parser *ps, const char *at)
{
	if (!ps->scope->has_self)
		error_at(ps, at, "'.' is only allowed in a constraint");
	struct expr_node *n = new_node(ps, EXPR_OP_SELF, at);
	ps->e->reads_more = true;
	n->u.ref.id = EXPR_REF_SELF;
	n->u.ref.type = ps->scope->self_type;
	return n;
}

/*
 * The rest of a relative path that began at AT, UP steps '..' so far,
 * the current token being the '/' after its first step.
 */
static struct expr_node *relpath(struct parser *ps, const char *at, int up)
{
	for (;;) {
		next(ps);	/* '/' */
		enum expr_tok k = tok(ps)->kind;
		if (k == TK_NAME)
			break;
		if (k != TK_DOT && k != TK_DOTDOT)
			error_at(ps, tok(ps)->start, "expected a question name after '/'");
		up += k == TK_DOTDOT;
		next(ps);
		if (tok(ps)->kind != TK_SLASH)
			unsupported_at(ps, at, "only paths to a question (../name) are supported");
	}
	const struct expr_token *t = tok(ps);
	int plen = (int)(t->start + t->len - at);
	if (!ps->scope->relative)
		unsupported_at(ps, at, "relative paths are not supported");
	char *name = g_strndup(t->name, t->name_len);
	enum expr_type type = EXPR_STRING;
	int id = ps->scope->relative(ps->scope->data, up, name, &type);
	g_free(name);
	if (id < 0)
		error_at(ps, at, "'%.*s' names no question", plen, at);
	struct expr_node *n = new_node(ps, EXPR_OP_REF, at);
	n->u.ref.id = id;
	n->u.ref.type = type;
	add_ref(ps, id);
	next(ps);
	return n;
}

/* A path that begins with '.' or '..': in a choice_filter those read the choice, not a question. */
static struct expr_node *dots(struct parser *ps, bool parent_ok)
{
	const char *at = tok(ps)->start;
	bool up = tok(ps)->kind == TK_DOTDOT;
	next(ps);
	if (tok(ps)->kind != TK_SLASH) {
		if (!up)
			return self_at(ps, at);
		if (parent_ok)
			return new_node(ps, EXPR_OP_PARENT, at);
		error_at(ps, at, "'..' is not supported");
	}
	if (ps->item_list >= 0)
		/* TRANSLATORS: %s is ".." or "."; keep current()/ and ${name}. */
		error_at(ps, at, "in a choice_filter a relative path starts from the choice; "
			 "write current()/%s or ${name}", up ? ".." : ".");
	return relpath(ps, at, up);
}

/* current() '/' ...: the node the expression belongs to, even in a choice_filter. */
static struct expr_node *current(struct parser *ps)
{
	const char *at = tok(ps)->start;
	next(ps);	/* '(' */
	next(ps);
	/* TRANSLATORS: what "expected %s" expects here; keep ')' and current(). */
	check_match(ps, TK_RPAREN, E_("')' (current() takes no arguments)"));
	if (tok(ps)->kind != TK_SLASH)
		return self_at(ps, at);
	return relpath(ps, at, 0);
}

static struct expr_node *literal(struct parser *ps)
{
	const struct expr_token *t = tok(ps);
	struct expr_node *n;
	if (t->kind == TK_NUMBER) {
		n = new_node(ps, EXPR_OP_NUMBER, t->start);
		n->u.num = t->num;
	} else {
		n = new_node(ps, EXPR_OP_STRING, t->start);
		n->u.str = g_string_chunk_insert_len(ps->e->strings, t->name, (gssize)t->name_len);
	}
	next(ps);
	return n;
}

/* '(' expr ')' */
static struct expr_node *group(struct parser *ps)
{
	const char *open = tok(ps)->start;
	enter(ps, open);
	next(ps);
	struct expr_node *n = subexpr(ps, 0);
	check_match(ps, TK_RPAREN, "')'");
	leave(ps);
	return n;
}

static EXPR_NORETURN void arity_error(struct parser *ps, const struct expr_func *fn, int argc,
				      const char *at)
{
	char want[256];	/* error_at() does not return: nothing to free after it */
	if (fn->min_args == fn->max_args && fn->min_args == 0)
		/* TRANSLATORS: what a function takes, as in "'today' takes no arguments, not 1". */
		g_strlcpy(want, E_("no arguments"), sizeof want);
	else if (fn->min_args == fn->max_args)
		/* TRANSLATORS: what a function takes, as in "'if' takes 3 arguments, not 2". */
		g_snprintf(want, sizeof want, EP_("%d argument", "%d arguments",
						  (unsigned long)fn->min_args), fn->min_args);
	else if (fn->max_args < 0)
		/* TRANSLATORS: what a function takes, as in "'concat' takes at least 1 argument, not 0". */
		g_snprintf(want, sizeof want, EP_("at least %d argument", "at least %d arguments",
						  (unsigned long)fn->min_args), fn->min_args);
	else
		/* TRANSLATORS: what a function takes, as in "'round' takes 1 or 2 arguments, not 3". */
		g_snprintf(want, sizeof want, E_("%d or %d arguments"), fn->min_args, fn->max_args);
	/*
	 * TRANSLATORS: the first %s is a function's name, the second what it
	 * takes ("no arguments", "2 arguments", "1 or 2 arguments"), %d the
	 * number of arguments given.
	 */
	error_at(ps, at, "'%s' takes %s, not %d", fn->name, want, argc);
}

/* Moves the arguments collected through ->next into CALL's argument vector. */
static void set_args(struct parser *ps, struct expr_node *call, struct expr_node *first, int argc)
{
	call->u.call.argc = argc;
	call->u.call.argv = alloc(ps->e, sizeof *call->u.call.argv * (size_t)MAX(argc, 1));
	int i = 0;
	for (struct expr_node *a = first; a; a = a->next) {
		call->u.call.argv[i++] = a;
		set_depth(ps, call, a->depth);
	}
}

/* args -> '(' [expr {',' expr}] ')' */
static void args(struct parser *ps, struct expr_node *call)
{
	struct expr_node *first = NULL, **last = &first;
	int argc = 0;
	enter(ps, tok(ps)->start);
	next(ps);
	if (tok(ps)->kind != TK_RPAREN) {
		for (;;) {
			ps->parent_ok = strcmp(call->u.call.fn->name, "position") == 0;
			*last = subexpr(ps, 0);
			last = &(*last)->next;
			argc++;
			if (tok(ps)->kind != TK_COMMA)
				break;
			next(ps);
		}
	}
	/* TRANSLATORS: what "expected %s" expects here: a comma or a closing parenthesis. */
	check_match(ps, TK_RPAREN, E_("',' or ')'"));
	leave(ps);
	set_args(ps, call, first, argc);
}

/*
 * ODK's functions that quire does not evaluate, for needing a secondary
 * instance, repeats or the device; unknown all the same, but no mistake.
 */
static bool odk_only(const char *name, size_t len)
{
	static const char *const names[] = {
		"pulldata", "indexed-repeat", "current", "jr:itext", "geofence",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
		if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
			return true;
	return false;
}

/* A column of list LIST named by the current token, a bare name. */
static struct expr_node *column(struct parser *ps, int list, enum expr_op op)
{
	const struct expr_token *t = tok(ps);
	char *name = g_strndup(t->name, t->name_len);
	bool known = ps->scope->has_column(ps->scope->data, list, name);
	g_free(name);
	if (!known)
		error_at(ps, t->start, "unknown choice column '%.*s'", (int)t->name_len, t->name);
	struct expr_node *n = new_node(ps, op, t->start);
	ps->e->reads_more = true;	/* the choice's column: taken as more, in a lookup too */
	n->u.column.list = list;
	n->u.column.name = g_string_chunk_insert_len(ps->e->strings, t->name,
						     (gssize)t->name_len);
	next(ps);
	return n;
}

static EXPR_NORETURN void lookup_shape(struct parser *ps)
{
	unsupported_at(ps, tok(ps)->start, "only instance('list')/root/item[...]/column lookups "
		       "are supported");
}

/* Moves past '/' STEP, or reports the lookup as unsupported. */
static void lookup_step(struct parser *ps, const char *step)
{
	if (tok(ps)->kind != TK_SLASH)
		lookup_shape(ps);
	next(ps);
	const struct expr_token *t = tok(ps);
	if (t->kind != TK_NAME || (step && (t->name_len != strlen(step) ||
					     memcmp(t->name, step, t->name_len) != 0)))
		lookup_shape(ps);
	if (step)
		next(ps);
}

/* lookup -> 'instance' '(' STRING ')' '/' 'root' '/' 'item' '[' expr ']' '/' NCName */
static struct expr_node *lookup(struct parser *ps)
{
	const char *at = tok(ps)->start;
	if (!ps->scope->list || !ps->scope->has_column)
		unsupported_at(ps, at, "'instance()' lookups are not supported");
	next(ps);
	next(ps);	/* '(' */
	const struct expr_token *t = tok(ps);
	if (t->kind != TK_STRING)
		error_at(ps, t->start, "instance() takes the name of a choice list, in quotes");
	char *name = g_strndup(t->name, t->name_len);
	int list = ps->scope->list(ps->scope->data, name);
	g_free(name);
	if (list < 0)
		error_at(ps, t->start, "unknown choice list '%.*s'", (int)t->name_len, t->name);
	next(ps);
	check_match(ps, TK_RPAREN, "')'");
	lookup_step(ps, "root");
	lookup_step(ps, "item");
	if (tok(ps)->kind != TK_LBRACKET)
		lookup_shape(ps);
	enter(ps, tok(ps)->start);
	next(ps);
	int outer = ps->item_list;
	ps->item_list = list;
	struct expr_node *pred = subexpr(ps, 0);
	ps->item_list = outer;
	check_match(ps, TK_RBRACKET, "']'");
	leave(ps);
	lookup_step(ps, NULL);
	struct expr_node *n = column(ps, list, EXPR_OP_LOOKUP);
	n->at = at;
	n->u.column.pred = pred;
	set_depth(ps, n, pred->depth);
	return n;
}

/* call -> QName '(' [expr {',' expr}] ')' */
static struct expr_node *call(struct parser *ps)
{
	const struct expr_token *t = tok(ps);
	const char *at = t->start;
	const struct expr_func *fn = expr_func_lookup(t->name, t->name_len);
	if (!fn && t->name_len == 8 && memcmp(t->name, "instance", 8) == 0)
		return lookup(ps);
	if (!fn && t->name_len == 7 && memcmp(t->name, "current", 7) == 0 && ps->scope->relative)
		return current(ps);
	if (!fn && odk_only(t->name, t->name_len))
		unsupported_at(ps, at, "unknown function '%.*s'", (int)t->name_len, t->name);
	if (!fn)
		error_at(ps, at, "unknown function '%.*s'", (int)t->name_len, t->name);
	struct expr_node *n = new_node(ps, EXPR_OP_CALL, at);
	ps->e->reads_more |= fn->varies;
	n->u.call.fn = fn;
	n->u.call.ref = -1;
	next(ps);
	args(ps, n);
	int argc = n->u.call.argc;
	if (argc < fn->min_args || (fn->max_args >= 0 && argc > fn->max_args))
		arity_error(ps, fn, argc, at);
	if (fn->check) {
		struct expr_parse_ctx ctx = {&ps->lx, ps->scope, ps->e};
		fn->check(n, &ctx);
	}
	return n;
}

static EXPR_NORETURN void bare_name(struct parser *ps)
{
	const struct expr_token *t = tok(ps);
	int len = (int)t->name_len;
	if ((len == 4 && memcmp(t->name, "true", 4) == 0) ||
	    (len == 5 && memcmp(t->name, "false", 5) == 0))
		/* TRANSLATORS: both %.*s are the name written, true or false. */
		error_at(ps, t->start, "bare name '%.*s': write %.*s() for the boolean", len,
			 t->name, len, t->name);
	/* TRANSLATORS: both %.*s are the name written; keep ${...}. */
	error_at(ps, t->start, "bare name '%.*s': paths are not supported; write ${%.*s}", len,
		 t->name, len, t->name);
}

/* primary -> NUMBER | STRING | ref | '.' | call | '(' expr ')' */
static struct expr_node *primary(struct parser *ps)
{
	char buf[64];
	const char *at = tok(ps)->start;
	bool parent_ok = ps->parent_ok;
	ps->parent_ok = false;
	switch (tok(ps)->kind) {
	case TK_NUMBER:
	case TK_STRING:
		return literal(ps);
	case TK_REF:
		return ref(ps);
	case TK_DOT:
	case TK_DOTDOT:
		return dots(ps, parent_ok);
	case TK_FUNC:
		return call(ps);
	case TK_LPAREN:
		return group(ps);
	case TK_NAME:
		if (ps->item_list >= 0)
			return column(ps, ps->item_list, EXPR_OP_COLUMN);
		bare_name(ps);
	case TK_SLASH:
	case TK_SLASHSLASH:
		error_at(ps, at, "paths are not supported; write ${name}");
	case TK_AT:
		error_at(ps, at, "attributes '@' are not supported");
	case TK_EOF:
		error_at(ps, at, "unexpected end of expression");
	default:
		/* TRANSLATORS: %s is what came instead: "the end", "a string", or a token in quotes. */
		error_at(ps, at, "expected a value, not %s", describe(ps, buf, sizeof buf));
	}
}

/* ---- operators ---- */

/*
 * Priorities, lowest first, as in XPath 1.0 (and JavaRosa's parser): or,
 * and, equality, relational, additive, multiplicative, unary minus.  Left
 * and right priorities are equal because every operator is left associative.
 */
#define UNARY_PRIORITY 7

static const struct {
	enum expr_tok tok;
	enum expr_op op;
	int priority;
} binops[] = {
	{TK_OR, EXPR_OP_OR, 1},
	{TK_AND, EXPR_OP_AND, 2},
	{TK_EQ, EXPR_OP_EQ, 3}, {TK_NE, EXPR_OP_NE, 3},
	{TK_LT, EXPR_OP_LT, 4}, {TK_LE, EXPR_OP_LE, 4},
	{TK_GT, EXPR_OP_GT, 4}, {TK_GE, EXPR_OP_GE, 4},
	{TK_PLUS, EXPR_OP_ADD, 5}, {TK_MINUS, EXPR_OP_SUB, 5},
	{TK_MUL, EXPR_OP_MUL, 6}, {TK_DIV, EXPR_OP_DIV, 6}, {TK_MOD, EXPR_OP_MOD, 6},
};

/* The index of the current token in binops[], or -1. */
static int binop(struct parser *ps)
{
	reject_path(ps);
	for (size_t i = 0; i < G_N_ELEMENTS(binops); i++)
		if (binops[i].tok == tok(ps)->kind)
			return (int)i;
	return -1;
}

/*
 * subexpr -> ('-' subexpr | primary) { binop subexpr }
 * where binop is any binary operator whose priority is higher than LIMIT.
 */
static struct expr_node *subexpr(struct parser *ps, int limit)
{
	struct expr_node *left;
	if (tok(ps)->kind == TK_MINUS) {
		const char *at = tok(ps)->start;
		enter(ps, at);
		next(ps);
		left = new_unary(ps, EXPR_OP_NEG, subexpr(ps, UNARY_PRIORITY), at);
		leave(ps);
	} else {
		left = primary(ps);
	}
	int i;
	while ((i = binop(ps)) >= 0 && binops[i].priority > limit) {
		const char *at = tok(ps)->start;
		next(ps);
		struct expr_node *right = subexpr(ps, binops[i].priority);
		left = new_binary(ps, binops[i].op, left, right, at);
	}
	return left;
}

/* expr -> subexpr(0), then the end of the text */
static struct expr_node *top(struct parser *ps)
{
	char buf[64];
	const char *bad;
	if (!g_utf8_validate(ps->lx.text, -1, &bad))
		error_at(ps, bad, "invalid UTF-8");
	next(ps);
	if (tok(ps)->kind == TK_EOF)
		error_at(ps, tok(ps)->start, "empty expression");
	struct expr_node *n = subexpr(ps, 0);
	if (tok(ps)->kind == TK_RPAREN)
		error_at(ps, tok(ps)->start, "unmatched ')'");
	if (tok(ps)->kind != TK_EOF)
		/* TRANSLATORS: %s is what came instead: "the end", "a string", or a token in quotes. */
		error_at(ps, tok(ps)->start, "expected an operator, not %s",
			 describe(ps, buf, sizeof buf));
	return n;
}

/* ---- the public interface ---- */

static struct expr *expr_new(void)
{
	struct expr *e = g_new0(struct expr, 1);
	e->blocks = g_ptr_array_new_with_free_func(g_free);
	e->regexes = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
	e->strings = g_string_chunk_new(64);
	e->refs = g_array_new(FALSE, FALSE, sizeof(int));
	return e;
}

static gint compare_ints(gconstpointer a, gconstpointer b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Sorts the reference ids and drops the repeats. */
static void unique_refs(GArray *refs)
{
	g_array_sort(refs, compare_ints);
	guint n = 0;
	for (guint i = 0; i < refs->len; i++)
		if (n == 0 || g_array_index(refs, int, i) != g_array_index(refs, int, n - 1))
			g_array_index(refs, int, n++) = g_array_index(refs, int, i);
	g_array_set_size(refs, n);
}

/* Runs the parser; false when it stopped at an error, which longjmp()s here. */
static bool run(struct parser *ps)
{
	jmp_buf on_error;
	ps->lx.on_error = &on_error;
	if (setjmp(on_error))
		return false;
	ps->e->root = top(ps);
	return true;
}

struct expr *expr_parse(const char *text, const struct expr_scope *scope, struct expr_error *err)
{
	struct expr_error ignored;
	struct parser ps = {.scope = scope ? scope : &no_scope, .e = expr_new()};
	ps.item_list = ps.scope->has_item && ps.scope->has_column ? ps.scope->item_list : -1;
	if (!err)
		err = &ignored;
	err->unsupported = false;
	expr_lex_init(&ps.lx, text, NULL, err);
	if (!run(&ps)) {
		expr_free(ps.e);
		return NULL;
	}
	unique_refs(ps.e->refs);
	return ps.e;
}

void expr_free(struct expr *e)
{
	if (!e)
		return;
	g_ptr_array_free(e->blocks, TRUE);
	g_ptr_array_free(e->regexes, TRUE);
	g_string_chunk_free(e->strings);
	g_array_free(e->refs, TRUE);
	g_free(e);
}

bool expr_reads_only_refs(const struct expr *e)
{
	return !e->reads_more;
}

void expr_foreach_ref(const struct expr *e, void (*fn)(int ref, void *data), void *data)
{
	for (guint i = 0; i < e->refs->len; i++)
		fn(g_array_index(e->refs, int, i), data);
}

/* A reference or '.' */
static bool is_ref(const struct expr_node *n)
{
	return n->op == EXPR_OP_REF || n->op == EXPR_OP_SELF;
}

typedef void choice_test_fn(int ref, const char *value, long column, void *data);

static void choice_tests(const struct expr_node *n, const char *text, choice_test_fn *fn,
			 void *data)
{
	const struct expr_node *ref = NULL, *lit = NULL;
	switch (n->op) {
	case EXPR_OP_EQ:
	case EXPR_OP_NE:
		if (is_ref(n->u.bin.a) && n->u.bin.b->op == EXPR_OP_STRING)
			ref = n->u.bin.a, lit = n->u.bin.b;
		else if (is_ref(n->u.bin.b) && n->u.bin.a->op == EXPR_OP_STRING)
			ref = n->u.bin.b, lit = n->u.bin.a;
		break;
	case EXPR_OP_CALL:
		if (strcmp(n->u.call.fn->name, "selected") == 0 && is_ref(n->u.call.argv[0]) &&
		    n->u.call.argv[1]->op == EXPR_OP_STRING)
			ref = n->u.call.argv[0], lit = n->u.call.argv[1];
		break;
	default:
		break;
	}
	if (ref)
		fn(ref->u.ref.id, lit->u.str, expr_column(text, lit->at), data);
	switch (n->op) {
	case EXPR_OP_NEG:
		choice_tests(n->u.bin.a, text, fn, data);
		break;
	case EXPR_OP_OR:
	case EXPR_OP_AND:
	case EXPR_OP_EQ:
	case EXPR_OP_NE:
	case EXPR_OP_LT:
	case EXPR_OP_LE:
	case EXPR_OP_GT:
	case EXPR_OP_GE:
	case EXPR_OP_ADD:
	case EXPR_OP_SUB:
	case EXPR_OP_MUL:
	case EXPR_OP_DIV:
	case EXPR_OP_MOD:
		choice_tests(n->u.bin.a, text, fn, data);
		choice_tests(n->u.bin.b, text, fn, data);
		break;
	case EXPR_OP_CALL:
		for (int i = 0; i < n->u.call.argc; i++)
			choice_tests(n->u.call.argv[i], text, fn, data);
		break;
	case EXPR_OP_LOOKUP:
		choice_tests(n->u.column.pred, text, fn, data);
		break;
	default:
		break;
	}
}

void expr_foreach_choice_test(const struct expr *e, const char *text,
			      void (*fn)(int ref, const char *value, long column, void *data),
			      void *data)
{
	choice_tests(e->root, text, fn, data);
}
