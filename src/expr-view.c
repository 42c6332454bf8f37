/* expr-view.c - a read-only view of a parsed expression's tree (expr.h) */
#include <config.h>
#include "expr-int.h"

#include <math.h>

const struct expr_node *expr_root(const struct expr *e)
{
	return e->root;
}

enum expr_term expr_term(const struct expr_node *n)
{
	switch (n->op) {
	case EXPR_OP_NUMBER: return EXPR_TERM_NUMBER;
	case EXPR_OP_STRING: return EXPR_TERM_STRING;
	case EXPR_OP_REF:
	case EXPR_OP_SELF: return EXPR_TERM_ANSWER;
	case EXPR_OP_NEG: return EXPR_TERM_NEG;
	case EXPR_OP_OR: return EXPR_TERM_OR;
	case EXPR_OP_AND: return EXPR_TERM_AND;
	case EXPR_OP_EQ: return EXPR_TERM_EQ;
	case EXPR_OP_NE: return EXPR_TERM_NE;
	case EXPR_OP_LT: return EXPR_TERM_LT;
	case EXPR_OP_LE: return EXPR_TERM_LE;
	case EXPR_OP_GT: return EXPR_TERM_GT;
	case EXPR_OP_GE: return EXPR_TERM_GE;
	case EXPR_OP_ADD: return EXPR_TERM_ADD;
	case EXPR_OP_SUB: return EXPR_TERM_SUB;
	case EXPR_OP_MUL: return EXPR_TERM_MUL;
	case EXPR_OP_DIV: return EXPR_TERM_DIV;
	case EXPR_OP_MOD: return EXPR_TERM_MOD;
	case EXPR_OP_CALL: return EXPR_TERM_CALL;
	case EXPR_OP_COLUMN: return EXPR_TERM_COLUMN;
	case EXPR_OP_PARENT:
	case EXPR_OP_LOOKUP: return EXPR_TERM_OTHER;
	}
	return EXPR_TERM_OTHER;
}

double expr_term_number(const struct expr_node *n)
{
	return n->op == EXPR_OP_NUMBER ? n->u.num : 0;
}

const char *expr_term_string(const struct expr_node *n)
{
	return n->op == EXPR_OP_STRING ? n->u.str : NULL;
}

int expr_term_answer(const struct expr_node *n)
{
	return n->op == EXPR_OP_SELF ? EXPR_REF_SELF : n->op == EXPR_OP_REF ? n->u.ref.id : -1;
}

const char *expr_term_column(const struct expr_node *n)
{
	return n->op == EXPR_OP_COLUMN ? n->u.column.name : NULL;
}

const char *expr_term_function(const struct expr_node *n)
{
	return n->op == EXPR_OP_CALL ? n->u.call.fn->name : NULL;
}

int expr_term_argc(const struct expr_node *n)
{
	switch (expr_term(n)) {
	case EXPR_TERM_NEG: return 1;
	case EXPR_TERM_CALL: return n->u.call.argc;
	case EXPR_TERM_NUMBER:
	case EXPR_TERM_STRING:
	case EXPR_TERM_ANSWER:
	case EXPR_TERM_COLUMN:
	case EXPR_TERM_OTHER: return 0;
	default: return 2;
	}
}

const struct expr_node *expr_term_arg(const struct expr_node *n, int i)
{
	if (i < 0 || i >= expr_term_argc(n))
		return NULL;
	if (n->op == EXPR_OP_CALL)
		return n->u.call.argv[i];
	return i == 0 ? n->u.bin.a : n->u.bin.b;
}

char *expr_number_text(double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];
	if (v == floor(v) && fabs(v) < 1e15)
		return g_strdup_printf("%.0f", v);
	return g_strdup(g_ascii_formatd(buf, sizeof buf, "%.15g", v));
}

char *expr_term_literal(const struct expr_node *n)
{
	if (n->op == EXPR_OP_STRING)
		return g_strdup(n->u.str);
	if (n->op == EXPR_OP_NUMBER)
		return expr_number_text(n->u.num);
	return NULL;
}

enum expr_term expr_term_flipped(enum expr_term t)
{
	switch (t) {
	case EXPR_TERM_LT: return EXPR_TERM_GT;
	case EXPR_TERM_LE: return EXPR_TERM_GE;
	case EXPR_TERM_GT: return EXPR_TERM_LT;
	case EXPR_TERM_GE: return EXPR_TERM_LE;
	default: return t;
	}
}
