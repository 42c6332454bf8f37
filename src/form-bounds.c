/* form-bounds.c - the bounds of a question's answer, read once from its constraint and range */
#include <config.h>
#include "form.h"

#include <math.h>
#include <string.h>

#include "isodate.h"

static bool is_self(const struct expr_node *n)
{
	return expr_term(n) == EXPR_TERM_ANSWER && expr_term_answer(n) == EXPR_REF_SELF;
}

static bool is_call(const struct expr_node *n, const char *name, int argc)
{
	return expr_term(n) == EXPR_TERM_CALL && strcmp(expr_term_function(n), name) == 0 &&
	       expr_term_argc(n) == argc;
}

/*
 * The value of a bound: a number (-5 too), or for a date question a date
 * ('2019-01-01' or date('2019-01-01')) or today().  *TODAY is set for today().
 */
static bool bound_value(const struct form_question *q, const struct expr_node *n, double *x,
			bool *today)
{
	*today = false;
	if (q->kind != FORM_DATE) {
		if (expr_term(n) == EXPR_TERM_NEG && expr_term(expr_term_arg(n, 0)) == EXPR_TERM_NUMBER) {
			*x = -expr_term_number(expr_term_arg(n, 0));
			return true;
		}
		*x = expr_term_number(n);
		return expr_term(n) == EXPR_TERM_NUMBER;
	}
	if (is_call(n, "today", 0)) {
		*today = true;
		*x = 0;
		return true;
	}
	if (is_call(n, "date", 1))
		n = expr_term_arg(n, 0);
	int day;
	if (expr_term(n) != EXPR_TERM_STRING || !isodate_parse(expr_term_string(n), &day))
		return false;
	*x = day;
	return true;
}

/* Takes ". OP X", "X OP ." or "string-length(.) OP N": false when N is anything else. */
static bool take_comparison(const struct form_question *q, const struct expr_node *n,
			    struct form_bounds *b)
{
	enum expr_term t = expr_term(n);
	if (t != EXPR_TERM_LT && t != EXPR_TERM_LE && t != EXPR_TERM_GT && t != EXPR_TERM_GE)
		return false;
	const struct expr_node *a = expr_term_arg(n, 0), *v = expr_term_arg(n, 1);
	bool length = is_call(a, "string-length", 1) && is_self(expr_term_arg(a, 0));
	if (!is_self(a) && !length) {
		const struct expr_node *swap = a;
		a = v;
		v = swap;
		t = expr_term_flipped(t);
		length = is_call(a, "string-length", 1) && is_self(expr_term_arg(a, 0));
	}
	if (length) {
		if (q->kind != FORM_TEXT || expr_term(v) != EXPR_TERM_NUMBER || b->max_length ||
		    (t != EXPR_TERM_LT && t != EXPR_TERM_LE))
			return false;
		double x = expr_term_number(v);
		b->max_length = (long)(t == EXPR_TERM_LT ? ceil(x) - 1 : floor(x));
		return b->max_length > 0;
	}
	double x;
	bool today;
	if (!is_self(a) || q->kind == FORM_TEXT || !bound_value(q, v, &x, &today))
		return false;
	if (t == EXPR_TERM_GT || t == EXPR_TERM_GE) {
		if (b->has_min)
			return false;
		b->has_min = true;
		b->min = x;
		b->min_strict = t == EXPR_TERM_GT;
		b->min_today = today;
	} else {
		if (b->has_max)
			return false;
		b->has_max = true;
		b->max = x;
		b->max_strict = t == EXPR_TERM_LT;
		b->max_today = today;
	}
	return true;
}

static bool take_constraint(const struct form_question *q, const struct expr_node *n,
			    struct form_bounds *b)
{
	if (expr_term(n) == EXPR_TERM_AND)
		return take_constraint(q, expr_term_arg(n, 0), b) &&
		       take_constraint(q, expr_term_arg(n, 1), b);
	return take_comparison(q, n, b);
}

void form_bounds_inclusive(const struct form_question *q, struct form_bounds *b)
{
	if (q->kind != FORM_INTEGER && q->kind != FORM_DATE)
		return;
	if (b->has_min && !b->min_today && (b->min_strict || b->min != floor(b->min))) {
		b->min = b->min_strict && b->min == floor(b->min) ? b->min + 1 : ceil(b->min);
		b->min_strict = false;
	}
	if (b->has_max && !b->max_today && (b->max_strict || b->max != floor(b->max))) {
		b->max = b->max_strict && b->max == floor(b->max) ? b->max - 1 : floor(b->max);
		b->max_strict = false;
	}
}

void form_question_bounds(const struct form_question *q, struct form_bounds *b)
{
	memset(b, 0, sizeof *b);
	b->whole_constraint = q->constraint == NULL;
	if (q->constraint) {
		struct form_bounds c = { 0 };
		if (take_constraint(q, expr_root(q->constraint), &c)) {
			*b = c;
			b->whole_constraint = true;
		}
	}
	if (q->kind == FORM_RANGE) {
		double lo = fmin(q->range_start, q->range_end), hi = fmax(q->range_start, q->range_end);
		if (!b->has_min || b->min < lo) {
			b->has_min = true;
			b->min = lo;
			b->min_strict = false;
		}
		if (!b->has_max || b->max > hi) {
			b->has_max = true;
			b->max = hi;
			b->max_strict = false;
		}
	}
}
