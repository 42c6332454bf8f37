/* expr-eval.c - values, conversions and operators of XLSForm expressions */
#include <config.h>
#include "expr.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "expr-int.h"
#include "isodate.h"

/*
 * The rules are JavaRosa's (xlsform.md §3.3), the engine of ODK Collect
 * and KoboCollect, so a reply is judged as it was judged on the phone.
 * Where we differ it is said here, next to the code.
 *
 * Nothing in this file allocates: comparisons, references, literals,
 * and/or run millions of times while tabulating.  Strings come from the
 * expression, from env->ref_text, or from constants, and numbers are
 * written into buffers on the stack.
 */

/* Two numbers closer than this are equal, and a number this small is false (JavaRosa). */
#define EPSILON 1e-12

/* ---- conversions ---- */

/* Java's String.trim() removes every character up to and including ' '. */
static bool java_space(char c)
{
	return (unsigned char)c <= ' ';
}

double expr_str_to_number(const char *s)
{
	if (!s)
		return NAN;
	while (*s && java_space(*s))
		s++;
	size_t len = strlen(s);
	while (len > 0 && java_space(s[len - 1]))
		len--;
	if (len == 0)
		return NAN;
	for (size_t i = 0; i < len; i++)
		if (s[i] != '-' && s[i] != '.' && s[i] != ',' && !g_ascii_isdigit(s[i]))
			return NAN;
	/* Only "-.,0-9" gets here, so long copies are rare; "," is a decimal mark. */
	char small[64];
	char *copy = len < sizeof small ? small : g_malloc(len + 1);
	for (size_t i = 0; i < len; i++)
		copy[i] = s[i] == ',' ? '.' : s[i];
	copy[len] = '\0';
	char *end;
	double d = g_ascii_strtod(copy, &end);
	bool whole = end == copy + len && end != copy;
	if (copy != small)
		g_free(copy);
	return whole ? d : NAN;
}

/* A date is a number of whole days: JavaRosa's toNumeric() drops the time of day. */
double expr_to_number(const struct expr_value *v)
{
	switch (v->type) {
	case EXPR_STRING:
		return expr_str_to_number(v->str);
	case EXPR_DATE:
		return floor(v->num);
	case EXPR_NUMBER:
	case EXPR_BOOLEAN:
		break;
	}
	return v->num;
}

bool expr_to_boolean(const struct expr_value *v)
{
	switch (v->type) {
	case EXPR_STRING:
		return v->str && *v->str;
	case EXPR_NUMBER:
		return fabs(v->num) > EPSILON;	/* false for NaN */
	case EXPR_BOOLEAN:
		return v->num != 0;
	case EXPR_DATE:
		break;
	}
	return true;
}

int expr_shortest_digits(double d, char digits[18])
{
	char buf[40], fmt[8];
	d = fabs(d);
	for (int prec = 0; prec <= 16; prec++) {
		g_snprintf(fmt, sizeof fmt, "%%.%de", prec);
		g_ascii_formatd(buf, sizeof buf, fmt, d);
		if (g_ascii_strtod(buf, NULL) == d)
			break;
	}
	/* BUF is "D.DDDe+XX" or "De+XX"; 17 significant digits always read back. */
	int n = 0;
	const char *s;
	for (s = buf; *s != 'e'; s++)
		if (g_ascii_isdigit(*s))
			digits[n++] = *s;
	while (n > 1 && digits[n - 1] == '0')
		n--;
	digits[n] = '\0';
	return atoi(s + 1);
}

/* Writes D (finite, non-zero) as a plain decimal, without an exponent, as XPath does. */
static const char *plain_number(double d, char buf[EXPR_NUMBUF])
{
	char digits[18];
	int exp = expr_shortest_digits(d, digits);
	int n = (int)strlen(digits);
	char *p = buf;
	if (d < 0)
		*p++ = '-';
	if (exp < 0) {
		p += g_snprintf(p, 3, "0.");
		memset(p, '0', (size_t)(-exp - 1));
		p += -exp - 1;
		p += g_snprintf(p, sizeof digits, "%s", digits);
	} else if (exp >= n - 1) {
		p += g_snprintf(p, sizeof digits, "%s", digits);
		memset(p, '0', (size_t)(exp - (n - 1)));
		p += exp - (n - 1);
		*p = '\0';
	} else {
		memcpy(p, digits, (size_t)exp + 1);
		p += exp + 1;
		*p++ = '.';
		g_snprintf(p, sizeof digits, "%s", digits + exp + 1);
	}
	return buf;
}

/*
 * JavaRosa's toString() for numbers: "NaN", "Infinity", "-Infinity"; "0"
 * below 1e-12; a number within 1e-12 of a whole one as that integer;
 * otherwise the shortest decimal that reads back the same.  Java would
 * write 1.0E7; XPath never uses an exponent, and neither do we.
 */
static const char *number_str(double d, char buf[EXPR_NUMBUF])
{
	if (isnan(d))
		return "NaN";
	if (isinf(d))
		return d > 0 ? "Infinity" : "-Infinity";
	if (fabs(d) < EPSILON)
		return "0";
	if (fabs(d - trunc(d)) < EPSILON)
		d = trunc(d);
	return plain_number(d, buf);
}

const char *expr_value_str(const struct expr_value *v, char buf[EXPR_NUMBUF])
{
	switch (v->type) {
	case EXPR_STRING:
		return v->str ? v->str : "";
	case EXPR_BOOLEAN:
		return v->num != 0 ? "true" : "false";
	case EXPR_NUMBER:
		return number_str(v->num, buf);
	case EXPR_DATE:
		if (!(v->num >= EXPR_FIRST_DAY && v->num < EXPR_LAST_DAY + 1))
			return "";	/* only a date made by hand can be out of range */
		isodate_format((int)floor(v->num), buf);
		return buf;
	}
	return "";
}

const char *expr_to_string(const struct expr_value *v, GStringChunk *scratch)
{
	char buf[EXPR_NUMBUF];
	const char *s = expr_value_str(v, buf);
	return s == buf ? g_string_chunk_insert(scratch, buf) : s;
}

/* ---- references ---- */

/*
 * A reference's stored text, typed by its declared type.  Empty text is
 * always the empty string, whatever the type (JavaRosa's unpackValue):
 * that is why `${n} + 1` is NaN and `${n} != 5` is true when n is empty.
 * Text that is not a date in a date question stays a string; text that is
 * not a number in a number question is NaN.
 */
static void ref_value(const struct expr_node *n, const struct expr_env *env,
		      struct expr_value *out)
{
	const char *text = env->ref_text ? env->ref_text(env->data, n->u.ref.id) : NULL;
	double days;
	if (!text || !*text) {
		expr_set_string(out, "");
		return;
	}
	switch (n->u.ref.type) {
	case EXPR_NUMBER: {
		double d;
		if (!env->ref_number || !env->ref_number(env->data, n->u.ref.id, text, &d))
			d = expr_str_to_number(text);
		expr_set_number(out, d);
		return;
	}
	case EXPR_DATE:
		if (isodate_parse_datetime(text, &days))
			expr_set_date(out, days);
		else
			expr_set_string(out, text);
		return;
	case EXPR_BOOLEAN:
		if (strcmp(text, "true") == 0 || strcmp(text, "1") == 0)
			expr_set_boolean(out, true);
		else if (strcmp(text, "false") == 0 || strcmp(text, "0") == 0)
			expr_set_boolean(out, false);
		else
			expr_set_string(out, text);
		return;
	case EXPR_STRING:
		break;
	}
	expr_set_string(out, text);
}

/* ---- comparisons ---- */

/*
 * The day number of V when compared with a date: an ISO date (or
 * date-time) string is read as one, where JavaRosa would make it NaN, so
 * that ${d} > '2020-01-01' means what its author meant (xlsform.md §3.5.9).
 */
static double days_of(const struct expr_value *v)
{
	double days;
	if (v->type == EXPR_STRING && isodate_parse_datetime(v->str, &days))
		return floor(days);
	return expr_to_number(v);
}

static bool numbers_equal(double x, double y)
{
	return x == y || fabs(x - y) < EPSILON;
}

/*
 * '=' (JavaRosa XPathEqExpr): as booleans when either side is one, else
 * as days when either is a date, else as numbers when either is one, else
 * as strings.  Infinity equals Infinity here; JavaRosa's |a - b| < 1e-12
 * alone would say no.
 */
static bool values_equal(const struct expr_value *a, const struct expr_value *b)
{
	if (a->type == EXPR_BOOLEAN || b->type == EXPR_BOOLEAN)
		return expr_to_boolean(a) == expr_to_boolean(b);
	if (a->type == EXPR_DATE || b->type == EXPR_DATE)
		return numbers_equal(days_of(a), days_of(b));
	if (a->type == EXPR_NUMBER || b->type == EXPR_NUMBER)
		return numbers_equal(expr_to_number(a), expr_to_number(b));
	return strcmp(a->str, b->str) == 0;
}

/* '<' '<=' '>' '>=' compare numbers (XPathCmpExpr), or days when a date is involved. */
static bool compare(enum expr_op op, const struct expr_value *a, const struct expr_value *b)
{
	bool dates = a->type == EXPR_DATE || b->type == EXPR_DATE;
	double x = dates ? days_of(a) : expr_to_number(a);
	double y = dates ? days_of(b) : expr_to_number(b);
	switch (op) {
	case EXPR_OP_LT:
		return x < y;
	case EXPR_OP_LE:
		return x <= y;
	case EXPR_OP_GT:
		return x > y;
	default:
		return x >= y;
	}
}

/* ---- operators ---- */

static bool eval_bool(const struct expr_node *n, const struct expr_env *env)
{
	struct expr_value v;
	expr_eval_node(n, env, &v);
	return expr_to_boolean(&v);
}

static double eval_number(const struct expr_node *n, const struct expr_env *env)
{
	struct expr_value v;
	expr_eval_node(n, env, &v);
	return expr_to_number(&v);
}

/* 'and', 'or': short-circuit, as in JavaRosa's XPathBoolExpr. */
static bool eval_logic(const struct expr_node *n, const struct expr_env *env)
{
	bool a = eval_bool(n->u.bin.a, env);
	if (n->op == EXPR_OP_OR ? a : !a)
		return a;
	return eval_bool(n->u.bin.b, env);
}

static bool eval_comparison(const struct expr_node *n, const struct expr_env *env)
{
	struct expr_value a, b;
	expr_eval_node(n->u.bin.a, env, &a);
	expr_eval_node(n->u.bin.b, env, &b);
	switch (n->op) {
	case EXPR_OP_EQ:
		return values_equal(&a, &b);
	case EXPR_OP_NE:
		return !values_equal(&a, &b);
	default:
		return compare(n->op, &a, &b);
	}
}

/* Arithmetic is on numbers; 'div' is IEEE division and 'mod' is fmod (Java's %). */
static double eval_arith(const struct expr_node *n, const struct expr_env *env)
{
	double x = eval_number(n->u.bin.a, env);
	double y = eval_number(n->u.bin.b, env);
	switch (n->op) {
	case EXPR_OP_ADD:
		return x + y;
	case EXPR_OP_SUB:
		return x - y;
	case EXPR_OP_MUL:
		return x * y;
	case EXPR_OP_DIV:
		return x / y;
	default:
		return fmod(x, y);
	}
}

/* ---- choice lists ---- */

/* COLUMN of item ITEM of the node's list; "" when it has none. */
static void item_value(const struct expr_node *n, const struct expr_env *env, int item,
		       struct expr_value *out)
{
	const char *text = env->item_text
				   ? env->item_text(env->data, n->u.column.list, item, n->u.column.name)
				   : NULL;
	expr_set_string(out, text ? text : "");
}

/*
 * instance('LIST')/root/item[PRED]/COLUMN: the first item for which PRED
 * holds; a number PRED is a position, as in XPath.
 */
static void eval_lookup(const struct expr_node *n, const struct expr_env *env,
			struct expr_value *out)
{
	int size = env->list_size ? env->list_size(env->data, n->u.column.list) : 0;
	struct expr_env item_env = *env;
	for (int i = 0; i < size; i++) {
		struct expr_value v;
		item_env.item = i;
		expr_eval_node(n->u.column.pred, &item_env, &v);
		if (v.type == EXPR_NUMBER ? numbers_equal(v.num, i + 1) : expr_to_boolean(&v)) {
			item_value(n, env, i, out);
			return;
		}
	}
	expr_set_string(out, "");
}

void expr_eval_node(const struct expr_node *n, const struct expr_env *env, struct expr_value *out)
{
	switch (n->op) {
	case EXPR_OP_NUMBER:
		expr_set_number(out, n->u.num);
		return;
	case EXPR_OP_STRING:
		expr_set_string(out, n->u.str);
		return;
	case EXPR_OP_REF:
	case EXPR_OP_SELF:
		ref_value(n, env, out);
		return;
	case EXPR_OP_NEG:
		expr_set_number(out, -eval_number(n->u.bin.a, env));
		return;
	case EXPR_OP_OR:
	case EXPR_OP_AND:
		expr_set_boolean(out, eval_logic(n, env));
		return;
	case EXPR_OP_EQ:
	case EXPR_OP_NE:
	case EXPR_OP_LT:
	case EXPR_OP_LE:
	case EXPR_OP_GT:
	case EXPR_OP_GE:
		expr_set_boolean(out, eval_comparison(n, env));
		return;
	case EXPR_OP_ADD:
	case EXPR_OP_SUB:
	case EXPR_OP_MUL:
	case EXPR_OP_DIV:
	case EXPR_OP_MOD:
		expr_set_number(out, eval_arith(n, env));
		return;
	case EXPR_OP_CALL:
		n->u.call.fn->eval(n, env, out);
		return;
	case EXPR_OP_PARENT:
		expr_set_string(out, "");
		return;
	case EXPR_OP_COLUMN:
		item_value(n, env, env->item, out);
		return;
	case EXPR_OP_LOOKUP:
		eval_lookup(n, env, out);
		return;
	}
}

void expr_eval(const struct expr *e, const struct expr_env *env, struct expr_value *out)
{
	expr_eval_node(e->root, env, out);
}

bool expr_eval_bool(const struct expr *e, const struct expr_env *env)
{
	return eval_bool(e->root, env);
}
