/* answer-rule.c - skip logic and bounds as the answer workbook's formulas, checks and words */
#include <config.h>

#include "answer-int.h"

#include <math.h>
#include <string.h>

#include "expr.h"
#include "form.h"
#include "isodate.h"

/* "$C$12": the answer cell of row ROW (0-based). */
static void append_cell(GString *s, long row)
{
	g_string_append_printf(s, "$C$%ld", row + 1);
}

/* TEXT as a formula's string literal: in double quotes, each doubled. */
static void append_string(GString *s, const char *text)
{
	g_string_append_c(s, '"');
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			g_string_append_c(s, '"');
		g_string_append_c(s, *p);
	}
	g_string_append_c(s, '"');
}

static void append_number(GString *s, double x)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];
	g_string_append(s, g_ascii_dtostr(buf, sizeof buf, x));
}

static bool is_number_kind(enum form_kind kind)
{
	return kind == FORM_INTEGER || kind == FORM_DECIMAL || kind == FORM_RANGE;
}

/* The question an ANSWER term reads, when the workbook has its cell. */
static const struct form_question *answered(const struct answer_cells *c,
					    const struct expr_node *n)
{
	if (expr_term(n) != EXPR_TERM_ANSWER || expr_term_answer(n) < 0)
		return NULL;
	const struct form_question *q = form_question_at(c->form, (size_t)expr_term_answer(n));
	return c->row[q->index] >= 0 ? q : NULL;
}

/* The text of a literal, "" for others; NUMBER as it would be compared. */
static const char *const comparison[] = {
	[EXPR_TERM_EQ] = "=", [EXPR_TERM_NE] = "<>", [EXPR_TERM_LT] = "<",
	[EXPR_TERM_LE] = "<=", [EXPR_TERM_GT] = ">", [EXPR_TERM_GE] = ">=",
};

/*
 * ${q} OP literal.  A select_one's cell shows the choice's label; a
 * number compares only when the cell holds one (an empty answer is not
 * 0), except that != holds for an empty answer, as in ODK.
 */
static bool compare(GString *s, const struct answer_cells *c, const struct form_question *q,
		    enum expr_term op, const struct expr_node *lit)
{
	char *text = expr_term_literal(lit);
	bool ok = text != NULL;
	if (ok && (op == EXPR_TERM_EQ || op == EXPR_TERM_NE) && (!*text || q->kind == FORM_TEXT)) {
		append_cell(s, c->row[q->index]);
		g_string_append(s, comparison[op]);
		append_string(s, text);
	} else if (ok && q->kind == FORM_SELECT_ONE && (op == EXPR_TERM_EQ || op == EXPR_TERM_NE)) {
		const struct form_choice *ch = form_choice(q->list, text);
		ok = ch != NULL;
		if (ok) {
			append_cell(s, c->row[q->index]);
			g_string_append(s, comparison[op]);
			append_string(s, form_choice_label(c->form, ch, c->lang));
		}
	} else if (ok && is_number_kind(q->kind) && expr_term(lit) == EXPR_TERM_NUMBER) {
		bool ne = op == EXPR_TERM_NE;
		g_string_append(s, ne ? "OR(NOT(ISNUMBER(" : "AND(ISNUMBER(");
		append_cell(s, c->row[q->index]);
		g_string_append(s, ne ? ")),"  : "),");
		append_cell(s, c->row[q->index]);
		g_string_append(s, comparison[op]);
		append_number(s, expr_term_number(lit));
		g_string_append_c(s, ')');
	} else {
		ok = false;
	}
	g_free(text);
	return ok;
}

static bool formula(GString *s, const struct answer_cells *c, const struct expr_node *n);

/* selected(${q}, 'x'): the Yes of its choice's row, or a select_one's label. */
static bool selected(GString *s, const struct answer_cells *c, const struct expr_node *n)
{
	if (expr_term_argc(n) != 2 || expr_term(expr_term_arg(n, 1)) != EXPR_TERM_STRING)
		return false;
	const struct form_question *q = answered(c, expr_term_arg(n, 0));
	if (!q || !q->list)
		return false;
	const struct form_choice *ch = form_choice(q->list, expr_term_string(expr_term_arg(n, 1)));
	if (!ch)
		return false;
	if (q->kind == FORM_SELECT_MULTIPLE) {
		append_cell(s, c->choice_row[q->index][ch->index]);
		g_string_append(s, "=\"Yes\"");
		return true;
	}
	if (q->kind != FORM_SELECT_ONE)
		return false;
	append_cell(s, c->row[q->index]);
	g_string_append_c(s, '=');
	append_string(s, form_choice_label(c->form, ch, c->lang));
	return true;
}

static bool call(GString *s, const struct answer_cells *c, const struct expr_node *n)
{
	const char *f = expr_term_function(n);
	if (strcmp(f, "selected") == 0)
		return selected(s, c, n);
	if ((strcmp(f, "true") == 0 || strcmp(f, "false") == 0) && expr_term_argc(n) == 0) {
		g_string_append(s, f[0] == 't' ? "TRUE" : "FALSE");
		return true;
	}
	if (strcmp(f, "not") == 0 && expr_term_argc(n) == 1) {
		g_string_append(s, "NOT(");
		bool ok = formula(s, c, expr_term_arg(n, 0));
		g_string_append_c(s, ')');
		return ok;
	}
	return false;
}

static bool junction(GString *s, const struct answer_cells *c, const struct expr_node *n)
{
	g_string_append(s, expr_term(n) == EXPR_TERM_AND ? "AND(" : "OR(");
	bool ok = formula(s, c, expr_term_arg(n, 0));
	g_string_append_c(s, ',');
	ok = ok && formula(s, c, expr_term_arg(n, 1));
	g_string_append_c(s, ')');
	return ok;
}

/* Appends N as a formula of the answer cells; false when it cannot be said as one. */
static bool formula(GString *s, const struct answer_cells *c, const struct expr_node *n)
{
	enum expr_term t = expr_term(n);
	switch (t) {
	case EXPR_TERM_AND:
	case EXPR_TERM_OR:
		return junction(s, c, n);
	case EXPR_TERM_CALL:
		return call(s, c, n);
	case EXPR_TERM_EQ:
	case EXPR_TERM_NE:
	case EXPR_TERM_LT:
	case EXPR_TERM_LE:
	case EXPR_TERM_GT:
	case EXPR_TERM_GE: {
		const struct expr_node *a = expr_term_arg(n, 0), *b = expr_term_arg(n, 1);
		const struct form_question *q = answered(c, a);
		if (q)
			return compare(s, c, q, t, b);
		q = answered(c, b);
		return q && compare(s, c, q, expr_term_flipped(t), a);
	}
	default:
		return false;
	}
}

char *answer_rule_skip_formula(const struct answer_cells *c, const struct form_question *q)
{
	GPtrArray *rules = g_ptr_array_new();
	if (q->relevant)
		g_ptr_array_add(rules, q->relevant);
	for (const struct form_group *g = q->group; g; g = g->parent)
		if (g->relevant)
			g_ptr_array_add(rules, g->relevant);
	GString *s = g_string_new(NULL);
	bool ok = rules->len > 0;
	g_string_append(s, "NOT(AND(");
	for (guint i = 0; ok && i < rules->len; i++) {
		if (i)
			g_string_append_c(s, ',');
		ok = formula(s, c, expr_root(g_ptr_array_index(rules, i)));
	}
	g_string_append(s, "))");
	g_ptr_array_free(rules, TRUE);
	return g_string_free(s, !ok);
}

/* Bounds */

/* The value of a bound: a number, or for a date question a date ('2019-01-01' or date('...')). */
static bool bound_value(const struct form_question *q, const struct expr_node *n, double *x)
{
	if (q->kind != FORM_DATE) {
		if (expr_term(n) == EXPR_TERM_NEG && expr_term(expr_term_arg(n, 0)) == EXPR_TERM_NUMBER) {
			*x = -expr_term_number(expr_term_arg(n, 0));
			return true;
		}
		*x = expr_term_number(n);
		return expr_term(n) == EXPR_TERM_NUMBER;
	}
	if (expr_term(n) == EXPR_TERM_CALL && strcmp(expr_term_function(n), "date") == 0 &&
	    expr_term_argc(n) == 1)
		n = expr_term_arg(n, 0);
	int day;
	if (expr_term(n) != EXPR_TERM_STRING || !isodate_parse(expr_term_string(n), &day))
		return false;
	*x = day;
	return true;
}

static bool is_self(const struct expr_node *n)
{
	return expr_term(n) == EXPR_TERM_ANSWER && expr_term_answer(n) == EXPR_REF_SELF;
}

static bool is_length_of_self(const struct expr_node *n)
{
	return expr_term(n) == EXPR_TERM_CALL && strcmp(expr_term_function(n), "string-length") == 0 &&
	       expr_term_argc(n) == 1 && is_self(expr_term_arg(n, 0));
}

/* Takes ". OP X" (or "X OP ."): false when N is another comparison. */
static bool take_comparison(const struct form_question *q, const struct expr_node *n,
			    struct answer_bounds *b)
{
	enum expr_term t = expr_term(n);
	if (t < EXPR_TERM_LT || t > EXPR_TERM_GE)
		return false;
	const struct expr_node *a = expr_term_arg(n, 0), *v = expr_term_arg(n, 1);
	if (!is_self(a) && !is_length_of_self(a)) {
		const struct expr_node *swap = a;
		a = v;
		v = swap;
		t = expr_term_flipped(t);
	}
	double x;
	if (is_length_of_self(a) && q->kind == FORM_TEXT && expr_term(v) == EXPR_TERM_NUMBER) {
		x = expr_term_number(v);
		if (t != EXPR_TERM_LT && t != EXPR_TERM_LE)
			return false;
		b->max_length = (long)(t == EXPR_TERM_LT ? ceil(x) - 1 : floor(x));
		return b->max_length >= 0;
	}
	if (!is_self(a) || q->kind == FORM_TEXT || !bound_value(q, v, &x))
		return false;
	if (t == EXPR_TERM_GT || t == EXPR_TERM_GE) {
		b->has_min = true;
		b->min = x;
		b->min_strict = t == EXPR_TERM_GT;
	} else {
		b->has_max = true;
		b->max = x;
		b->max_strict = t == EXPR_TERM_LT;
	}
	return true;
}

static bool take_constraint(const struct form_question *q, const struct expr_node *n,
			    struct answer_bounds *b)
{
	if (expr_term(n) == EXPR_TERM_AND)
		return take_constraint(q, expr_term_arg(n, 0), b) &&
		       take_constraint(q, expr_term_arg(n, 1), b);
	return take_comparison(q, n, b);
}

void answer_rule_bounds(const struct form_question *q, struct answer_bounds *b)
{
	memset(b, 0, sizeof *b);
	if (q->constraint) {
		struct answer_bounds c = { 0 };
		if (take_constraint(q, expr_root(q->constraint), &c))
			*b = c;
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
	/* A whole number's (or a day's) strict bound is the next one. */
	bool whole = q->kind == FORM_INTEGER || q->kind == FORM_DATE;
	if (whole && b->has_min && (b->min_strict || b->min != floor(b->min))) {
		b->min = b->min_strict && b->min == floor(b->min) ? b->min + 1 : ceil(b->min);
		b->min_strict = false;
	}
	if (whole && b->has_max && (b->max_strict || b->max != floor(b->max))) {
		b->max = b->max_strict && b->max == floor(b->max) ? b->max - 1 : floor(b->max);
		b->max_strict = false;
	}
}

/* Words */

static void append_bound(GString *s, const struct form_question *q, double x)
{
	if (q->kind == FORM_DATE) {
		char buf[16];
		isodate_format((int)x, buf);
		g_string_append(s, buf);
	} else {
		char buf[G_ASCII_DTOSTR_BUF_SIZE];
		g_string_append(s, g_ascii_dtostr(buf, sizeof buf, x));
	}
}

/* " from 1990 to 2019", " of at least 0", ...: the bounds in words. */
static void append_bounds(GString *s, const struct form_question *q, const struct answer_bounds *b)
{
	if (b->has_min && b->has_max && !b->min_strict && !b->max_strict) {
		g_string_append(s, " from ");
		append_bound(s, q, b->min);
		g_string_append(s, " to ");
		append_bound(s, q, b->max);
		return;
	}
	if (b->has_min) {
		g_string_append(s, b->min_strict ? " greater than " : " of at least ");
		append_bound(s, q, b->min);
	}
	if (b->has_max) {
		g_string_append(s, b->has_min ? " and" : "");
		g_string_append(s, b->max_strict ? " less than " : " of at most ");
		append_bound(s, q, b->max);
	}
}

long answer_rule_max_length(const struct answer_bounds *b)
{
	long most = ANSWER_CELL_MAX;
	return b->max_length > 0 && b->max_length < most ? b->max_length : most;
}

char *answer_rule_how(const struct form_question *q, const struct answer_bounds *b)
{
	GString *s = g_string_new(NULL);
	switch (q->kind) {
	case FORM_SELECT_ONE:
		g_string_append(s, "Choose one answer from the list");
		break;
	case FORM_SELECT_MULTIPLE:
		g_string_append(s, "Answer Yes or No for each choice below");
		break;
	case FORM_RANK:
		g_string_append(s, "The choices in order of priority, separated by spaces:");
		for (guint c = 0; c < q->list->choices->len; c++) {
			const struct form_choice *ch = g_ptr_array_index(q->list->choices, c);
			g_string_append_printf(s, "%s %s", c ? "," : "", ch->name);
		}
		break;
	case FORM_INTEGER:
		g_string_append(s, "A whole number");
		append_bounds(s, q, b);
		break;
	case FORM_DECIMAL:
	case FORM_RANGE:
		g_string_append(s, "A number");
		append_bounds(s, q, b);
		break;
	case FORM_DATE:
		g_string_append(s, "A date, YYYY-MM-DD");
		append_bounds(s, q, b);
		break;
	case FORM_TIME:
		g_string_append(s, "A time, HH:MM");
		break;
	case FORM_DATETIME:
		g_string_append(s, "A date and time, YYYY-MM-DDTHH:MM");
		break;
	case FORM_TEXT:
		g_string_append(s, "Text");
		if (b->max_length > 0)
			g_string_append_printf(s, " of at most %ld characters", answer_rule_max_length(b));
		break;
	default:
		break;
	}
	if (q->required)
		g_string_append(s, s->len ? " (required)" : "Required");
	return g_string_free(s, FALSE);
}
