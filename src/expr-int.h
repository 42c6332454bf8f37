/* expr-int.h - the expression module's internals: tokens, tree, functions */
#ifndef QUIRE_EXPR_INT_H
#define QUIRE_EXPR_INT_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

#include "expr.h"

/*
 * Shared by expr-lex.c, expr-parse.c, expr-eval.c and expr-func.c only.
 * Nothing here is part of the contract in expr.h.
 *
 * Memory: every node, argument vector and literal of an expression lives
 * in its struct expr and dies with expr_free(), which therefore never walks
 * the tree.  A parse error longjmp()s out of the parser; since nothing is
 * owned by a stack frame, unwinding leaks nothing.
 */

#define EXPR_NORETURN __attribute__((noreturn))
#define EXPR_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* ---- tokens (expr-lex.c) ---- */

enum expr_tok {
	TK_NONE,	/* before the first token */
	TK_EOF,
	TK_NUMBER,
	TK_STRING,
	TK_REF,		/* ${name} */
	TK_NAME,	/* a bare NCName or QName: a path step, which we reject */
	TK_FUNC,	/* a name followed by '(' (the '(' is the next token) */
	TK_DOT,
	TK_DOTDOT,
	TK_LPAREN,
	TK_RPAREN,
	TK_COMMA,
	TK_LBRACKET,
	TK_RBRACKET,
	TK_AT,
	TK_COLONCOLON,
	TK_STAR,	/* '*' where no operator can stand: a name test */
	/* Operators in the sense of XPath 1.0 REC §3.7. */
	TK_OR,
	TK_AND,
	TK_EQ,
	TK_NE,
	TK_LT,
	TK_LE,
	TK_GT,
	TK_GE,
	TK_PLUS,
	TK_MINUS,
	TK_MUL,
	TK_DIV,
	TK_MOD,
	TK_SLASH,
	TK_SLASHSLASH,
	TK_PIPE,
};

struct expr_token {
	enum expr_tok kind;
	const char *start;	/* the token's text in the expression */
	size_t len;
	const char *name;	/* STRING: the contents; REF, NAME, FUNC: the name */
	size_t name_len;
	double num;		/* NUMBER */
	bool last_saved;	/* REF: ${last-saved#name} */
};

struct expr_lexer {
	const char *text;	/* the whole expression, for columns */
	const char *p;		/* the next unread byte */
	struct expr_token tok;	/* the current token */
	enum expr_tok prev;	/* the kind of the token before it */
	jmp_buf *on_error;
	struct expr_error *err;
};

void expr_lex_init(struct expr_lexer *lx, const char *text, jmp_buf *on_error,
		   struct expr_error *err);
/* Moves to the next token. */
void expr_lex_next(struct expr_lexer *lx);
/* Fills the error with AT's column and the message, and longjmp()s out. */
EXPR_NORETURN void expr_lex_error(struct expr_lexer *lx, const char *at, const char *fmt, ...)
	EXPR_PRINTF(3, 4);
/* The 1-based character column of AT in TEXT. */
long expr_column(const char *text, const char *at);

/* ---- the tree (expr-parse.c builds it, expr-eval.c walks it) ---- */

enum expr_op {
	EXPR_OP_NUMBER,
	EXPR_OP_STRING,
	EXPR_OP_REF,
	EXPR_OP_SELF,
	EXPR_OP_NEG,
	EXPR_OP_OR,
	EXPR_OP_AND,
	EXPR_OP_EQ,
	EXPR_OP_NE,
	EXPR_OP_LT,
	EXPR_OP_LE,
	EXPR_OP_GT,
	EXPR_OP_GE,
	EXPR_OP_ADD,
	EXPR_OP_SUB,
	EXPR_OP_MUL,
	EXPR_OP_DIV,
	EXPR_OP_MOD,
	EXPR_OP_CALL,
	EXPR_OP_PARENT,	/* '..', only as position()'s argument; its value is "" */
	EXPR_OP_COLUMN,	/* a bare name: a column of the current item */
	EXPR_OP_LOOKUP,	/* instance('LIST')/root/item[PRED]/COLUMN */
};

struct expr_func;

struct expr_node {
	enum expr_op op;
	int depth;		/* 1 for a leaf; at most EXPR_MAX_DEPTH */
	const char *at;		/* its token in the source, for parse-time errors */
	union {
		double num;	/* NUMBER */
		const char *str;	/* STRING, NUL-terminated */
		struct {
			int id;	/* REF; EXPR_REF_SELF for SELF */
			enum expr_type type;
		} ref;
		struct {
			struct expr_node *a, *b;	/* NEG uses a only */
		} bin;
		struct {
			const struct expr_func *fn;
			int argc;
			struct expr_node **argv;
			GRegex *regex;	/* regex() with a literal pattern, else NULL */
			int ref;	/* jr:choice-name(): the quoted question */
		} call;
		struct {
			int list;
			const char *name;	/* the column */
			struct expr_node *pred;	/* LOOKUP only */
		} column;
	} u;
	struct expr_node *next;	/* the next argument, while a call is parsed */
};

struct expr {
	struct expr_node *root;
	GPtrArray *blocks;	/* everything allocated for it, freed with g_free */
	GPtrArray *regexes;	/* compiled literal patterns */
	GStringChunk *strings;	/* literal strings */
	GArray *refs;		/* distinct reference ids, ascending */
	/* Reads more than its references' texts: '.', a choice's column, or a function that varies. */
	bool reads_more;
};

/*
 * Room for the string form of any number or date: a plain decimal has at
 * most 309 integer digits or "0." and 323 zeros before 17 digits.
 */
#define EXPR_NUMBUF 400

/* ---- functions (expr-func.c) ---- */

struct expr_parse_ctx {
	struct expr_lexer *lx;
	const struct expr_scope *scope;
	struct expr *e;
};

struct expr_func {
	const char *name;
	int min_args;
	int max_args;		/* -1: any number */
	void (*eval)(const struct expr_node *call, const struct expr_env *env,
		     struct expr_value *out);
	/* Parse-time checks beyond the arity; reports with expr_lex_error(). */
	void (*check)(struct expr_node *call, struct expr_parse_ctx *ctx);
	/* Its value may differ for the same arguments: the clock, a random draw. */
	bool varies;
};

/* The function called NAME (LEN bytes), or NULL. */
const struct expr_func *expr_func_lookup(const char *name, size_t len);
/* The same, among the functions of expr-math.c and expr-text.c. */
const struct expr_func *expr_math_lookup(const char *name, size_t len);
const struct expr_func *expr_text_lookup(const char *name, size_t len);

/* Argument I of CALL, evaluated; as a number, a boolean, a string (in BUF if made). */
void expr_arg(const struct expr_node *call, int i, const struct expr_env *env,
	      struct expr_value *v);
double expr_arg_number(const struct expr_node *call, int i, const struct expr_env *env);
bool expr_arg_boolean(const struct expr_node *call, int i, const struct expr_env *env);
const char *expr_arg_string(const struct expr_node *call, int i, const struct expr_env *env,
			    char buf[EXPR_NUMBUF]);
/* Java's (int) of a double: truncated, saturated, and 0 for NaN. */
long expr_to_index(double d);
/* The literal string of node N, or NULL when N is no string literal. */
const char *expr_literal_string(const struct expr_node *n);

/*
 * Every string a function builds goes through a builder, which holds it
 * to EXPR_MAX_STRING bytes: past that, what is added is dropped and the
 * result is "".
 */
struct expr_builder {
	char stack[256];
	GString *heap;	/* once the text outgrows STACK */
	size_t len;	/* the text so far, on the stack or in HEAP */
	bool too_long;	/* something was dropped */
};

void expr_build_init(struct expr_builder *b);
void expr_build_add(struct expr_builder *b, const char *s, size_t n);
/* The text built, in env->scratch, or "" (and *env->too_long) when it grew too long. */
const char *expr_build_end(struct expr_builder *b, const struct expr_env *env);

/* ---- evaluation (expr-eval.c) ---- */

/* The dates isodate handles, 0001-01-01 to 9999-12-31, as day numbers. */
#define EXPR_FIRST_DAY (-719162)
#define EXPR_LAST_DAY 2932896


void expr_eval_node(const struct expr_node *n, const struct expr_env *env, struct expr_value *out);
/* JavaRosa's string-to-number rule (xlsform.md §3.3); NaN when it fails. */
double expr_str_to_number(const char *s);
/*
 * The string form of V, without allocating: V's own string, a constant,
 * or the number or date written into BUF.
 */
const char *expr_value_str(const struct expr_value *v, char buf[EXPR_NUMBUF]);
/* The shortest decimal digits that read back as |D| (finite, non-zero); returns the exponent. */
int expr_shortest_digits(double d, char digits[18]);

static inline void expr_set_number(struct expr_value *out, double d)
{
	out->type = EXPR_NUMBER;
	out->num = d;
	out->str = NULL;
}

static inline void expr_set_boolean(struct expr_value *out, bool b)
{
	out->type = EXPR_BOOLEAN;
	out->num = b;
	out->str = NULL;
}

static inline void expr_set_string(struct expr_value *out, const char *s)
{
	out->type = EXPR_STRING;
	out->num = 0;
	out->str = s;
}

static inline void expr_set_date(struct expr_value *out, double days)
{
	out->type = EXPR_DATE;
	out->num = days;
	out->str = NULL;
}

#endif
