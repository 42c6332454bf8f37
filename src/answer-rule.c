/* answer-rule.c - skip logic and bounds as the answer workbook's formulas, checks and words */
#include <config.h>

#include "answer-int.h"

#include <math.h>
#include <string.h>

#include "expr.h"
#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "phrase.h"

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
			char *label = answer_choice_label(c->form, ch, c->lang);
			append_string(s, label);
			g_free(label);
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
		/* the value of the choice's drop-down (answer-write.c), in English: read back */
		append_cell(s, c->choice_row[q->index][ch->index]);
		g_string_append(s, "=\"Yes\"");
		return true;
	}
	if (q->kind != FORM_SELECT_ONE)
		return false;
	append_cell(s, c->row[q->index]);
	g_string_append_c(s, '=');
	char *label = answer_choice_label(c->form, ch, c->lang);
	append_string(s, label);
	g_free(label);
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

/* Words */

char *answer_label(const struct form *form, const struct form_question *q, int lang)
{
	return phrase_text(form, form_label(form, q, lang));
}

char *answer_choice_label(const struct form *form, const struct form_choice *ch, int lang)
{
	return phrase_text(form, form_choice_label(form, ch, lang));
}

long answer_rule_max_length(const struct form_bounds *b)
{
	long most = ANSWER_CELL_MAX;
	return b->max_length > 0 && b->max_length < most ? b->max_length : most;
}

/* The bounds B of Q in words, after WHAT ("A whole number"): "A whole number from 1970 to 2019". */
static void append_bounds(GString *s, const struct form_question *q, const struct form_bounds *b,
			  const char *what)
{
	char *said = phrase_bounds(q, b);
	if (!said) {
		g_string_append(s, what);
		return;
	}
	if (b->max_length > 0) {
		/* TRANSLATORS: a kind of answer and its limit: "Text, at most 500 characters". */
		g_string_append_printf(s, _("%s, %s"), what, said);
	} else {
		g_string_append_unichar(s, g_unichar_toupper(g_utf8_get_char(said)));
		g_string_append(s, g_utf8_next_char(said));
	}
	g_free(said);
}

char *answer_rule_how(const struct form_question *q, const struct form_bounds *b,
		      const char *unit)
{
	GString *s = g_string_new(NULL);
	switch (q->kind) {
	case FORM_SELECT_ONE:
		g_string_append(s, _("Choose one answer from the list"));
		break;
	case FORM_SELECT_MULTIPLE:
		/*
		 * TRANSLATORS: the %s are "Yes" and "No", the answers a choice's
		 * cell takes, which stay in English.
		 */
		g_string_append_printf(s, _("Answer %s or %s for each choice below"), "Yes", "No");
		break;
	case FORM_RANK:
		/* TRANSLATORS: the names of the choices follow, as they are typed: "a, b, c". */
		g_string_append(s, _("The choices in order of priority, separated by spaces:"));
		for (guint c = 0; c < q->list->choices->len; c++) {
			const struct form_choice *ch = g_ptr_array_index(q->list->choices, c);
			g_string_append_printf(s, "%s %s", c ? "," : "", ch->name);
		}
		break;
	case FORM_INTEGER:
		append_bounds(s, q, b, _("A whole number"));
		break;
	case FORM_DECIMAL:
	case FORM_RANGE:
		append_bounds(s, q, b, _("A number"));
		break;
	case FORM_DATE: {
		GString *date = g_string_new(NULL);
		append_bounds(date, q, b, _("A date"));
		if (b->has_min || b->has_max) {
			/* TRANSLATORS: %s is "A date from 1 January 2019 to 30 June 2019". */
			g_string_append_printf(s, _("%s (YYYY-MM-DD)"), date->str);
		} else {
			/* TRANSLATORS: %s is "A date". */
			g_string_append_printf(s, _("%s, YYYY-MM-DD"), date->str);
		}
		g_string_free(date, TRUE);
		break;
	}
	case FORM_TIME:
		g_string_append(s, _("A time, HH:MM"));
		break;
	case FORM_DATETIME:
		g_string_append(s, _("A date and time, YYYY-MM-DDTHH:MM"));
		break;
	case FORM_TEXT:
		append_bounds(s, q, b, _("Text"));
		break;
	default:
		break;
	}
	/* the unit as the report's tables name it: "Unit: days." */
	if (unit && (q->kind == FORM_INTEGER || q->kind == FORM_DECIMAL || q->kind == FORM_RANGE)) {
		/*
		 * TRANSLATORS: how to answer, then the unit of the figure: "A whole
		 * number from 1 to 1000 (unit: days)".
		 */
		char *with = g_strdup_printf(_("%s (unit: %s)"), s->str, unit);
		g_string_assign(s, with);
		g_free(with);
	}
	if (q->required && s->len) {
		/* TRANSLATORS: how to answer, then that an answer is required. */
		char *with = g_strdup_printf(_("%s (required)"), s->str);
		g_string_assign(s, with);
		g_free(with);
	} else if (q->required) {
		g_string_append(s, _("Required"));
	}
	return g_string_free(s, FALSE);
}
