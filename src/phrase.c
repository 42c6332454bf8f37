/* phrase.c - a form's skip logic and constraints said in words (phrase.h) */
#include <config.h>
#include "phrase.h"

#include <math.h>
#include <string.h>

#include "expr.h"
#include "i18n.h"
#include "isodate.h"

struct say {
	const struct form *form;
	const struct form_question *self;	/* the question '.' means */
	int lang;
	bool *said;
};

static bool is_literal(const struct expr_node *n)
{
	return expr_term(n) == EXPR_TERM_STRING || expr_term(n) == EXPR_TERM_NUMBER;
}

/* The question an ANSWER term reads, '.' being S->self; NULL for other terms. */
static const struct form_question *answer_of(const struct say *s, const struct expr_node *n)
{
	if (expr_term(n) != EXPR_TERM_ANSWER)
		return NULL;
	int ref = expr_term_answer(n);
	if (ref == EXPR_REF_SELF)
		return s->self;
	return ref >= 0 && (size_t)ref < form_n_questions(s->form)
	       ? form_question_at(s->form, (size_t)ref) : NULL;
}

/* TEXT in quotes, as a choice's label, a text or a question's key is said: a new string. */
static char *quoted(const char *text)
{
	/*
	 * TRANSLATORS: a text in typographic quotes: a choice's label, a text an answer is
	 * compared with, or the name of a question that has no number.
	 */
	return g_strdup_printf(_("“%s”"), text);
}

/* How a question is named: its number, or, for one without (a calculation), its key quoted. */
static char *question_name(const struct form_question *q)
{
	return q->number ? g_strdup(q->number) : quoted(form_question_key(q));
}

static void append_question(GString *out, const struct form_question *q)
{
	char *name = question_name(q);
	g_string_append(out, name);
	g_free(name);
}

static bool is_choice_question(const struct form_question *q)
{
	return q->list && (q->kind == FORM_SELECT_ONE || q->kind == FORM_SELECT_MULTIPLE ||
			   q->kind == FORM_RANK);
}

/* The choice of Q's list that literal N names, or NULL. */
static const struct form_choice *choice_of(const struct form_question *q,
					   const struct expr_node *n)
{
	if (!q || !is_choice_question(q))
		return NULL;
	char *name = expr_term_literal(n);
	const struct form_choice *c = name ? form_choice(q->list, name) : NULL;
	g_free(name);
	return c;
}

static const char *choice_label(const struct say *s, const struct form_choice *c)
{
	return form_choice_label(s->form, c, s->lang);
}

static void append_choice(GString *out, const struct say *s, const struct form_choice *c)
{
	char *label = quoted(choice_label(s, c));
	g_string_append(out, label);
	g_free(label);
}

/* Readable */

static void show(GString *out, const struct say *s, const struct expr_node *n, int outer);

/* How tightly an operator binds, as XPath has it; 0 for what is not an operator. */
static int precedence(enum expr_term t)
{
	switch (t) {
	case EXPR_TERM_OR: return 1;
	case EXPR_TERM_AND: return 2;
	case EXPR_TERM_EQ: case EXPR_TERM_NE: return 3;
	case EXPR_TERM_LT: case EXPR_TERM_LE: case EXPR_TERM_GT: case EXPR_TERM_GE: return 4;
	case EXPR_TERM_ADD: case EXPR_TERM_SUB: return 5;
	case EXPR_TERM_MUL: case EXPR_TERM_DIV: case EXPR_TERM_MOD: return 6;
	default: return 0;
	}
}

static const char *operator_text(enum expr_term t)
{
	switch (t) {
	case EXPR_TERM_OR: return "or";
	case EXPR_TERM_AND: return "and";
	case EXPR_TERM_EQ: return "=";
	case EXPR_TERM_NE: return "!=";
	case EXPR_TERM_LT: return "<";
	case EXPR_TERM_LE: return "<=";
	case EXPR_TERM_GT: return ">";
	case EXPR_TERM_GE: return ">=";
	case EXPR_TERM_ADD: return "+";
	case EXPR_TERM_SUB: return "-";
	case EXPR_TERM_MUL: return "*";
	case EXPR_TERM_DIV: return "div";
	case EXPR_TERM_MOD: return "mod";
	default: return "?";
	}
}

/* A literal shown: the label of the choice it names when compared with a select Q, else quoted. */
static void show_literal(GString *out, const struct say *s, const struct form_question *q,
			 const struct expr_node *n)
{
	const struct form_choice *c = choice_of(q, n);
	if (c) {
		append_choice(out, s, c);
	} else if (expr_term(n) == EXPR_TERM_STRING) {
		g_string_append_printf(out, "'%s'", expr_term_string(n));
	} else {
		char *t = expr_number_text(expr_term_number(n));
		g_string_append(out, t);
		g_free(t);
	}
}

/* The operand of a comparison or selected() that is the answer to a select, if either is. */
static const struct form_question *compared_select(const struct say *s,
						   const struct expr_node *a,
						   const struct expr_node *b)
{
	const struct form_question *q = answer_of(s, a);
	if (!q || !is_choice_question(q))
		q = answer_of(s, b);
	return q && is_choice_question(q) ? q : NULL;
}

/* N shown, in parentheses when it binds less tightly than the operator around it (OUTER). */
static void show(GString *out, const struct say *s, const struct expr_node *n, int outer)
{
	enum expr_term t = expr_term(n);
	switch (t) {
	case EXPR_TERM_NUMBER:
	case EXPR_TERM_STRING:
		show_literal(out, s, NULL, n);
		return;
	case EXPR_TERM_ANSWER: {
		const struct form_question *q = answer_of(s, n);
		if (expr_term_answer(n) == EXPR_REF_SELF) {
			/*
			 * TRANSLATORS: stands for the answer to the question itself in a rule
			 * shown as an expression: "regex(the answer, '^[A-Z]')".
			 */
			g_string_append(out, _("the answer"));
		} else if (q) {
			append_question(out, q);
		}
		return;
	}
	case EXPR_TERM_NEG:
		g_string_append_c(out, '-');
		show(out, s, expr_term_arg(n, 0), 7);
		return;
	case EXPR_TERM_CALL: {
		const char *fn = expr_term_function(n);
		int argc = expr_term_argc(n);
		const struct form_question *q = argc == 2 ? compared_select(s, expr_term_arg(n, 0),
									    expr_term_arg(n, 1)) : NULL;
		g_string_append_printf(out, "%s(", fn);
		for (int i = 0; i < argc; i++) {
			const struct expr_node *a = expr_term_arg(n, i);
			if (i)
				g_string_append(out, ", ");
			if (q && is_literal(a))
				show_literal(out, s, q, a);
			else
				show(out, s, a, 0);
		}
		g_string_append_c(out, ')');
		return;
	}
	case EXPR_TERM_COLUMN:
		g_string_append(out, expr_term_column(n));
		return;
	case EXPR_TERM_OTHER:
		g_string_append(out, "\xe2\x80\xa6");	/* … */
		return;
	default:
		break;
	}
	const struct expr_node *a = expr_term_arg(n, 0), *b = expr_term_arg(n, 1);
	const struct form_question *q = (t == EXPR_TERM_EQ || t == EXPR_TERM_NE)
					? compared_select(s, a, b) : NULL;
	bool parens = precedence(t) < outer;
	if (parens)
		g_string_append_c(out, '(');
	if (q && is_literal(a))
		show_literal(out, s, q, a);
	else
		show(out, s, a, precedence(t));
	g_string_append_printf(out, " %s ", operator_text(t));
	if (q && is_literal(b))
		show_literal(out, s, q, b);
	else
		show(out, s, b, precedence(t) + 1);	/* a - (b - c) keeps its parentheses */
	if (parens)
		g_string_append_c(out, ')');
}

/* Words */

static char *say(const struct say *s, const struct expr_node *n, bool neg);

/* N said, or shown readably (preceded by "not " when NEG) with *SAID set false. */
static char *say_or_show(const struct say *s, const struct expr_node *n, bool neg)
{
	char *w = say(s, n, neg);
	if (w)
		return w;
	*s->said = false;
	GString *out = g_string_new(neg ? "not " : "");
	show(out, s, n, neg ? 7 : 0);
	return g_string_free(out, FALSE);
}

static enum expr_term negate(enum expr_term t)	/* not(a OP b) == a negate(OP) b */
{
	switch (t) {
	case EXPR_TERM_EQ: return EXPR_TERM_NE;
	case EXPR_TERM_NE: return EXPR_TERM_EQ;
	case EXPR_TERM_LT: return EXPR_TERM_GE;
	case EXPR_TERM_LE: return EXPR_TERM_GT;
	case EXPR_TERM_GT: return EXPR_TERM_LE;
	case EXPR_TERM_GE: return EXPR_TERM_LT;
	case EXPR_TERM_AND: return EXPR_TERM_OR;
	case EXPR_TERM_OR: return EXPR_TERM_AND;
	default: return t;
	}
}

/*
 * "18 or more", "more than 18", ... for a comparison with VALUE (already
 * written), said after "your answer to 2.1 is" and after "a number of".
 */
static char *bound_text(enum expr_term op, const char *value, bool date)
{
	if (op == EXPR_TERM_EQ)
		return g_strdup(value);
	if (op == EXPR_TERM_NE) {
		/* TRANSLATORS: a bound: %s is a number, a date or a text in quotes, "not 5". */
		return g_strdup_printf(_("not %s"), value);
	}
	if (date) {
		switch (op) {
		/* TRANSLATORS: a date's bound: %s is a date, "30 June 2019" or "today". */
		case EXPR_TERM_LT: return g_strdup_printf(_("before %s"), value);
		/* TRANSLATORS: a date's bound: %s is a date, "30 June 2019" or "today". */
		case EXPR_TERM_LE: return g_strdup_printf(_("not after %s"), value);
		/* TRANSLATORS: a date's bound: %s is a date, "30 June 2019" or "today". */
		case EXPR_TERM_GT: return g_strdup_printf(_("after %s"), value);
		/* TRANSLATORS: a date's bound: %s is a date, "30 June 2019" or "today". */
		case EXPR_TERM_GE: return g_strdup_printf(_("not before %s"), value);
		default: return NULL;
		}
	}
	switch (op) {
	/* TRANSLATORS: a number's bound: "your answer to 2.1 is less than 5". */
	case EXPR_TERM_LT: return g_strdup_printf(_("less than %s"), value);
	/* TRANSLATORS: a number's bound: "your answer to 2.1 is 5 or less". */
	case EXPR_TERM_LE: return g_strdup_printf(_("%s or less"), value);
	/* TRANSLATORS: a number's bound: "your answer to 2.1 is more than 5". */
	case EXPR_TERM_GT: return g_strdup_printf(_("more than %s"), value);
	/* TRANSLATORS: a number's bound: "your answer to 2.1 is 5 or more". */
	case EXPR_TERM_GE: return g_strdup_printf(_("%s or more"), value);
	default: return NULL;
	}
}

/* "today", as a date bound says it: "not after today". */
static char *today_text(void)
{
	/* TRANSLATORS: said in a date's bounds: "a date not after today", "before today". */
	return g_strdup(_("today"));
}

/* A date literal as UN documents write it ("30 June 2019"), or today(); NULL for others. */
static char *date_text(const struct expr_node *n)
{
	int days;
	if (expr_term(n) == EXPR_TERM_STRING && isodate_parse(expr_term_string(n), &days))
		return isodate_format_long(days);
	if (expr_term(n) == EXPR_TERM_CALL && strcmp(expr_term_function(n), "today") == 0)
		return today_text();
	if (expr_term(n) == EXPR_TERM_CALL && strcmp(expr_term_function(n), "date") == 0 &&
	    expr_term_argc(n) == 1)
		return date_text(expr_term_arg(n, 0));
	return NULL;
}

static bool is_call(const struct expr_node *n, const char *name, int argc)
{
	return expr_term(n) == EXPR_TERM_CALL && strcmp(expr_term_function(n), name) == 0 &&
	       expr_term_argc(n) == argc;
}

/*
 * The count that picks the plural form of a phrase of K things: K when it
 * is a whole number, else 2, whose form is the plural in English.
 */
static unsigned long plural_count(double k)
{
	if (k < 0 || k != floor(k))
		return 2;
	return k < 1e6 ? (unsigned long)k : (unsigned long)fmod(k, 1e6) + 1000000;
}

/* count_text() of choices: "more than one choice", "at most 3 choices". */
static char *count_choices(enum expr_term op, double k, unsigned long n, const char *number)
{
	bool one = k == 1;
	switch (op) {
	case EXPR_TERM_EQ:
		return one ? g_strdup(_("exactly one choice"))
			   : g_strdup_printf(P_("exactly %s choice", "exactly %s choices", n),
					     number);
	case EXPR_TERM_LT:
		return one ? g_strdup(_("fewer than one choice"))
			   : g_strdup_printf(P_("fewer than %s choice", "fewer than %s choices", n),
					     number);
	case EXPR_TERM_LE:
		return one ? g_strdup(_("at most one choice"))
			   : g_strdup_printf(P_("at most %s choice", "at most %s choices", n),
					     number);
	case EXPR_TERM_GT:
		return one ? g_strdup(_("more than one choice"))
			   : g_strdup_printf(P_("more than %s choice", "more than %s choices", n),
					     number);
	case EXPR_TERM_GE:
		return one ? g_strdup(_("at least one choice"))
			   : g_strdup_printf(P_("at least %s choice", "at least %s choices", n),
					     number);
	default:
		return NULL;
	}
}

/* count_text() of characters: "at most one character", "at most 500 characters". */
static char *count_characters(enum expr_term op, double k, unsigned long n, const char *number)
{
	bool one = k == 1;
	switch (op) {
	case EXPR_TERM_EQ:
		return one ? g_strdup(_("exactly one character"))
			   : g_strdup_printf(P_("exactly %s character", "exactly %s characters", n),
					     number);
	case EXPR_TERM_LT:
		return one ? g_strdup(_("fewer than one character"))
			   : g_strdup_printf(P_("fewer than %s character",
						"fewer than %s characters", n), number);
	case EXPR_TERM_LE:
		return one ? g_strdup(_("at most one character"))
			   : g_strdup_printf(P_("at most %s character", "at most %s characters", n),
					     number);
	case EXPR_TERM_GT:
		return one ? g_strdup(_("more than one character"))
			   : g_strdup_printf(P_("more than %s character",
						"more than %s characters", n), number);
	case EXPR_TERM_GE:
		return one ? g_strdup(_("at least one character"))
			   : g_strdup_printf(P_("at least %s character",
						"at least %s characters", n), number);
	default:
		return NULL;
	}
}

/*
 * "at most 3 choices", "more than one choice": a count of choices (when
 * CHOICES) or of characters compared by OP with K; NULL for != and other
 * terms.
 */
static char *count_text(enum expr_term op, double k, bool choices)
{
	char *number = expr_number_text(k);
	unsigned long n = plural_count(k);
	char *text = choices ? count_choices(op, k, n, number)
			     : count_characters(op, k, n, number);
	g_free(number);
	return text;
}

/* "you ticked more than one choice at 3.6": count-selected(${q}) OP K. */
static char *say_count(const struct form_question *q, enum expr_term op, double k)
{
	if (op == EXPR_TERM_GT && k == 0) {	/* "more than 0 choices" is "at least one" */
		op = EXPR_TERM_GE;
		k = 1;
	}
	char *what = count_text(op, k, true);
	if (!what)
		return NULL;
	char *name = question_name(q);
	/*
	 * TRANSLATORS: when a question applies: the first %s says how many
	 * choices ("at most 3 choices", "more than one choice"), the second is
	 * the number of the question they are ticked at, such as "3.6".
	 */
	char *text = g_strdup_printf(_("you ticked %s at %s"), what, name);
	g_free(name);
	g_free(what);
	return text;
}

/* "you answered 2.1" or "you did not answer 2.1". */
static char *say_answered(const struct form_question *q, bool answered)
{
	char *name = question_name(q);
	char *text;
	if (answered) {
		/* TRANSLATORS: when a question applies: %s is a question's number, "2.1". */
		text = g_strdup_printf(_("you answered %s"), name);
	} else {
		/* TRANSLATORS: when a question applies: %s is a question's number, "2.1". */
		text = g_strdup_printf(_("you did not answer %s"), name);
	}
	g_free(name);
	return text;
}

/* "you answered “Yes” to 1.1" for a select_one Q, else "you ticked “Fines” at 3.6". */
static char *say_choice(const struct say *s, const struct form_question *q,
			const struct form_choice *c, bool neg)
{
	const char *label = choice_label(s, c);
	char *name = question_name(q);
	char *text;
	if (q->kind == FORM_SELECT_ONE && !neg) {
		/*
		 * TRANSLATORS: when a question applies: the first %s is the label of a
		 * choice, the second the number of the question that offers it, such as
		 * "1.1": the question asks for one answer.
		 */
		text = g_strdup_printf(_("you answered “%s” to %s"), label, name);
	} else if (q->kind == FORM_SELECT_ONE) {
		/* TRANSLATORS: as "you answered “%s” to %s". */
		text = g_strdup_printf(_("you did not answer “%s” to %s"), label, name);
	} else if (!neg) {
		/*
		 * TRANSLATORS: when a question applies: the first %s is the label of a
		 * choice, the second the number of the question that offers it, such as
		 * "3.6": the question has a box to tick for each choice.
		 */
		text = g_strdup_printf(_("you ticked “%s” at %s"), label, name);
	} else {
		/* TRANSLATORS: as "you ticked “%s” at %s". */
		text = g_strdup_printf(_("you did not tick “%s” at %s"), label, name);
	}
	g_free(name);
	return text;
}

/* ANSWER OP LITERAL, the answer being Q's. */
static char *say_answer_compare(const struct say *s, const struct form_question *q,
				enum expr_term op, const struct expr_node *lit)
{
	if (expr_term(lit) == EXPR_TERM_STRING && !*expr_term_string(lit) &&
	    (op == EXPR_TERM_EQ || op == EXPR_TERM_NE))
		return say_answered(q, op == EXPR_TERM_NE);
	const struct form_choice *c = choice_of(q, lit);
	if (c && q->kind == FORM_SELECT_ONE && (op == EXPR_TERM_EQ || op == EXPR_TERM_NE))
		return say_choice(s, q, c, op == EXPR_TERM_NE);
	if (c && op == EXPR_TERM_EQ) {
		char *name = question_name(q);
		const char *label = choice_label(s, c);
		/*
		 * TRANSLATORS: when a question applies: the first %s is the label of
		 * a choice, the second the number of the question, such as "3.6": that
		 * choice is ticked and no other.
		 */
		char *text = g_strdup_printf(_("you ticked only “%s” at %s"), label, name);
		g_free(name);
		return text;
	}
	char *value = NULL;
	bool date = q->kind == FORM_DATE || q->kind == FORM_DATETIME;
	if (date)
		value = date_text(lit);
	else if (expr_term(lit) == EXPR_TERM_NUMBER)
		value = expr_number_text(expr_term_number(lit));
	else if (expr_term(lit) == EXPR_TERM_STRING && !is_choice_question(q) &&
		 (op == EXPR_TERM_EQ || op == EXPR_TERM_NE))
		value = quoted(expr_term_string(lit));
	char *bound = value ? bound_text(op, value, date) : NULL;
	g_free(value);
	if (!bound)
		return NULL;
	char *name = question_name(q);
	/*
	 * TRANSLATORS: when a question applies: the first %s is a question's
	 * number, such as "2.1"; the second is a value ("18", "30 June 2019", a
	 * text in quotes) or bounds ("18 or more", "not 5", "before today").
	 */
	char *text = g_strdup_printf(_("your answer to %s is %s"), name, bound);
	g_free(name);
	g_free(bound);
	return text;
}

static char *say_compare(const struct say *s, const struct expr_node *n, bool neg)
{
	enum expr_term op = neg ? negate(expr_term(n)) : expr_term(n);
	const struct expr_node *a = expr_term_arg(n, 0), *b = expr_term_arg(n, 1);
	if (is_literal(a) || is_call(a, "today", 0) || is_call(a, "date", 1)) {
		const struct expr_node *t = a;
		a = b;
		b = t;
		op = expr_term_flipped(op);
	}
	if (!is_literal(b) && !is_call(b, "today", 0) && !is_call(b, "date", 1))
		return NULL;
	const struct form_question *q = answer_of(s, a);
	if (q)
		return say_answer_compare(s, q, op, b);
	if (expr_term(b) != EXPR_TERM_NUMBER)
		return NULL;
	double k = expr_term_number(b);
	if (is_call(a, "count-selected", 1) && (q = answer_of(s, expr_term_arg(a, 0))))
		return say_count(q, op, k);
	if (is_call(a, "string-length", 1) && (q = answer_of(s, expr_term_arg(a, 0))) && k == 0) {
		if (op == EXPR_TERM_GT || op == EXPR_TERM_NE)
			return say_answered(q, true);
		if (op == EXPR_TERM_EQ || op == EXPR_TERM_LE)
			return say_answered(q, false);
	}
	return NULL;
}

/* "you ticked “Fines” at 3.6", "you did not answer “Yes” to 1.1": selected(${q}, 'c'). */
static char *say_selected(const struct say *s, const struct expr_node *n, bool neg)
{
	const struct form_question *q = answer_of(s, expr_term_arg(n, 0));
	const struct form_choice *c = choice_of(q, expr_term_arg(n, 1));
	return c ? say_choice(s, q, c, neg) : NULL;
}

/* The connective N has once NEG is pushed into it, or 0 when it is not and/or. */
static enum expr_term connective(const struct expr_node *n, bool neg)
{
	enum expr_term t = expr_term(n);
	if (is_call(n, "not", 1))
		return connective(expr_term_arg(n, 0), !neg);
	if (t != EXPR_TERM_AND && t != EXPR_TERM_OR)
		return 0;
	return neg ? negate(t) : t;
}

static const struct expr_node *inner(const struct expr_node *n, bool *neg)
{
	while (is_call(n, "not", 1)) {
		*neg = !*neg;
		n = expr_term_arg(n, 0);
	}
	return n;
}

/* "A and B", two conditions said. */
static char *and_text(const char *a, const char *b)
{
	/* TRANSLATORS: two conditions both of which hold, each said as a phrase. */
	return g_strdup_printf(_("%s and %s"), a, b);
}

/*
 * A and B, A or B: "either ... or ..." for an or inside an and (NESTED),
 * "both ... and ..." the other way.
 */
static char *say_connective(const struct say *s, const struct expr_node *n, bool neg,
			    bool nested)
{
	enum expr_term op = neg ? negate(expr_term(n)) : expr_term(n);
	char *w[2];
	for (int i = 0; i < 2; i++) {
		bool child_neg = neg;
		const struct expr_node *c = inner(expr_term_arg(n, i), &child_neg);
		enum expr_term sub = connective(c, child_neg);
		w[i] = sub && sub != op ? say_connective(s, c, child_neg, true)
					: say_or_show(s, c, child_neg);
	}
	char *text;
	if (op == EXPR_TERM_AND && !nested) {
		text = and_text(w[0], w[1]);
	} else if (op == EXPR_TERM_AND) {
		/* TRANSLATORS: two conditions both of which hold, one side of "%s or %s". */
		text = g_strdup_printf(_("both %s and %s"), w[0], w[1]);
	} else if (!nested) {
		/* TRANSLATORS: two conditions of which one holds, each said as a phrase. */
		text = g_strdup_printf(_("%s or %s"), w[0], w[1]);
	} else {
		/* TRANSLATORS: two conditions of which one holds, one side of "%s and %s". */
		text = g_strdup_printf(_("either %s or %s"), w[0], w[1]);
	}
	g_free(w[0]);
	g_free(w[1]);
	return text;
}

static char *say(const struct say *s, const struct expr_node *n, bool neg)
{
	switch (expr_term(n)) {
	case EXPR_TERM_AND:
	case EXPR_TERM_OR:
		return say_connective(s, n, neg, false);
	case EXPR_TERM_EQ:
	case EXPR_TERM_NE:
	case EXPR_TERM_LT:
	case EXPR_TERM_LE:
	case EXPR_TERM_GT:
	case EXPR_TERM_GE:
		return say_compare(s, n, neg);
	case EXPR_TERM_ANSWER: {
		/* A text answer stands for "it was given": ODK's boolean of a string. */
		const struct form_question *q = answer_of(s, n);
		if (!q || q->value_type != EXPR_STRING || expr_term_answer(n) == EXPR_REF_SELF)
			return NULL;
		return say_answered(q, !neg);
	}
	case EXPR_TERM_CALL:
		if (is_call(n, "not", 1))
			return say(s, expr_term_arg(n, 0), !neg);
		if (is_call(n, "selected", 2))
			return say_selected(s, n, neg);
		if (is_call(n, "string-length", 1) && answer_of(s, expr_term_arg(n, 0)))
			return say_answered(answer_of(s, expr_term_arg(n, 0)), !neg);
		if (is_call(n, "count-selected", 1) && answer_of(s, expr_term_arg(n, 0)))
			return say_count(answer_of(s, expr_term_arg(n, 0)),
					 neg ? EXPR_TERM_EQ : EXPR_TERM_GE, neg ? 0 : 1);
		return NULL;
	default:
		return NULL;
	}
}

static char *applies(const struct form *form, const struct form_question *q, bool with_groups,
		     int lang, bool *said)
{
	struct say s = { form, q, lang, said };
	GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
	const struct form_group *chain[FORM_MAX_GROUP_DEPTH + 1];
	int depth = 0;
	for (const struct form_group *g = q->group; g && depth <= FORM_MAX_GROUP_DEPTH;
	     g = g->parent)
		chain[depth++] = g;
	while (depth-- > 0)
		if (chain[depth]->relevant && with_groups)
			g_ptr_array_add(parts, say_or_show(&s, expr_root(chain[depth]->relevant),
							   false));
	if (q->relevant)
		g_ptr_array_add(parts, say_or_show(&s, expr_root(q->relevant), false));
	char *text = NULL;
	for (guint i = 0; i < parts->len; i++) {
		char *part = g_ptr_array_index(parts, i);
		char *joined = text ? and_text(text, part) : g_strdup(part);
		g_free(text);
		text = joined;
	}
	g_ptr_array_free(parts, TRUE);
	return text;
}

char *phrase_applies(const struct form *form, const struct form_question *q, int lang,
		     bool *said)
{
	return applies(form, q, true, lang, said);
}

char *phrase_applies_own(const struct form *form, const struct form_question *q, int lang,
			 bool *said)
{
	return applies(form, q, false, lang, said);
}

char *phrase_group_applies(const struct form *form, const struct form_group *g,
			   const struct form_question *first, int lang, bool *said)
{
	if (!g->relevant)
		return NULL;
	struct say s = { form, first, lang, said };
	return say_or_show(&s, expr_root(g->relevant), false);
}


/* Constraints */

static char *bound_value_text(const struct form_question *q, double x, bool today)
{
	if (today)
		return today_text();
	if (q->kind == FORM_DATE)
		return isodate_format_long((int)x);
	return expr_number_text(x);
}

char *phrase_bounds(const struct form_question *q, const struct form_bounds *b)
{
	if (b->max_length > 0)
		return count_text(EXPR_TERM_LE, (double)b->max_length, false);
	if (!b->has_min && !b->has_max)
		return NULL;
	bool date = q->kind == FORM_DATE, whole = q->kind == FORM_INTEGER;
	char *lo = b->has_min ? bound_value_text(q, b->min, b->min_today) : NULL;
	char *hi = b->has_max ? bound_value_text(q, b->max, b->max_today) : NULL;
	char *text;
	if (lo && hi && !b->min_strict && !b->max_strict) {
		if (date) {
			/* TRANSLATORS: what an answer must be: %s are dates, "30 June 2019". */
			text = g_strdup_printf(_("a date from %s to %s"), lo, hi);
		} else if (whole) {
			/* TRANSLATORS: what an answer must be: %s are numbers. */
			text = g_strdup_printf(_("a whole number from %s to %s"), lo, hi);
		} else {
			/* TRANSLATORS: what an answer must be: %s are numbers. */
			text = g_strdup_printf(_("a number from %s to %s"), lo, hi);
		}
	} else if (lo && hi) {
		char *low = bound_text(b->min_strict ? EXPR_TERM_GT : EXPR_TERM_GE, lo, date);
		char *high = bound_text(b->max_strict ? EXPR_TERM_LT : EXPR_TERM_LE, hi, date);
		if (date) {
			/*
			 * TRANSLATORS: what an answer must be: %s are its lower and its upper
			 * bound, "after 1 January 2000" and "before today".
			 */
			text = g_strdup_printf(_("a date %s and %s"), low, high);
		} else if (whole) {
			/*
			 * TRANSLATORS: what an answer must be: %s are its lower and its upper
			 * bound, "more than 0" and "100 or less".
			 */
			text = g_strdup_printf(_("a whole number %s and %s"), low, high);
		} else {
			/*
			 * TRANSLATORS: what an answer must be: %s are its lower and its upper
			 * bound, "more than 0" and "100 or less".
			 */
			text = g_strdup_printf(_("a number %s and %s"), low, high);
		}
		g_free(low);
		g_free(high);
	} else {
		char *one = bound_text(lo ? (b->min_strict ? EXPR_TERM_GT : EXPR_TERM_GE)
					  : (b->max_strict ? EXPR_TERM_LT : EXPR_TERM_LE),
				       lo ? lo : hi, date);
		if (date) {
			/* TRANSLATORS: what an answer must be: %s is a bound, "not after today". */
			text = g_strdup_printf(_("a date %s"), one);
		} else if (whole) {
			/* TRANSLATORS: what an answer must be: %s is a bound, "18 or more". */
			text = g_strdup_printf(_("a whole number of %s"), one);
		} else {
			/* TRANSLATORS: what an answer must be: %s is a bound, "more than 0". */
			text = g_strdup_printf(_("a number of %s"), one);
		}
		g_free(one);
	}
	g_free(lo);
	g_free(hi);
	return text;
}

/* not(selected(., 'none') and count-selected(.) > 1): an exclusive choice. */
static const struct form_choice *exclusive_choice(const struct say *s, const struct expr_node *n)
{
	if (!is_call(n, "not", 1) || expr_term(expr_term_arg(n, 0)) != EXPR_TERM_AND)
		return NULL;
	const struct expr_node *and = expr_term_arg(n, 0);
	for (int i = 0; i < 2; i++) {
		const struct expr_node *sel = expr_term_arg(and, i), *cnt = expr_term_arg(and, 1 - i);
		if (!is_call(sel, "selected", 2) || expr_term(cnt) != EXPR_TERM_GT)
			continue;
		const struct expr_node *f = expr_term_arg(cnt, 0), *k = expr_term_arg(cnt, 1);
		if (!is_call(f, "count-selected", 1) || expr_term(k) != EXPR_TERM_NUMBER ||
		    expr_term_number(k) != 1)
			continue;
		if (answer_of(s, expr_term_arg(sel, 0)) != s->self ||
		    answer_of(s, expr_term_arg(f, 0)) != s->self)
			continue;
		return choice_of(s->self, expr_term_arg(sel, 1));
	}
	return NULL;
}

/* count-selected(.) OP k and string-length(.) OP k. */
static char *say_self_count(const struct say *s, const struct expr_node *n)
{
	enum expr_term op = expr_term(n);
	if (op < EXPR_TERM_EQ || op > EXPR_TERM_GE)
		return NULL;
	const struct expr_node *f = expr_term_arg(n, 0), *k = expr_term_arg(n, 1);
	if (expr_term(f) == EXPR_TERM_NUMBER) {
		const struct expr_node *t = f;
		f = k;
		k = t;
		op = expr_term_flipped(op);
	}
	bool choices = is_call(f, "count-selected", 1), length = is_call(f, "string-length", 1);
	if ((!choices && !length) || expr_term(k) != EXPR_TERM_NUMBER ||
	    answer_of(s, expr_term_arg(f, 0)) != s->self)
		return NULL;
	return count_text(op, expr_term_number(k), choices);
}

char *phrase_constraint(const struct form *form, const struct form_question *q, int lang,
			bool *said)
{
	const char *message = form_text(form, q->constraint_message, lang);
	if (message)
		return g_strdup(message);
	if (!q->constraint)
		return NULL;
	struct form_bounds b;
	form_question_bounds(q, &b);
	char *bounds = b.whole_constraint ? phrase_bounds(q, &b) : NULL;
	if (bounds)
		return bounds;
	struct say s = { form, q, lang, said };
	const struct expr_node *root = expr_root(q->constraint);
	char *text = say_self_count(&s, root);
	if (text)
		return text;
	const struct form_choice *c = exclusive_choice(&s, root);
	if (c) {
		/*
		 * TRANSLATORS: what the answer to a question with a box for each
		 * choice must be: %s is the label of a choice that excludes the
		 * others, such as "None".
		 */
		return g_strdup_printf(_("“%s” alone, or other choices without it"),
				       choice_label(&s, c));
	}
	*said = false;
	return phrase_readable(form, q, q->constraint, lang);
}

char *phrase_readable(const struct form *form, const struct form_question *q,
		      const struct expr *expr, int lang)
{
	bool said = true;
	struct say s = { form, q, lang, &said };
	GString *out = g_string_new(NULL);
	show(out, &s, expr_root(expr), 0);
	return g_string_free(out, FALSE);
}

char *phrase_text(const struct form *form, const char *text)
{
	if (!text || !strstr(text, "${"))
		return g_strdup(text);
	GString *s = g_string_new(NULL);
	const char *at = text;
	for (const char *open; (open = strstr(at, "${"));) {
		const char *close = strchr(open, '}');
		if (!close)
			break;
		g_string_append_len(s, at, open - at);
		char *name = g_strndup(open + 2, (gsize)(close - open - 2));
		const struct form_question *q = form_question(form, name);
		if (q && q->number) {
			/*
			 * TRANSLATORS: in a question's text, on paper or in a workbook,
			 * in place of the answer to an earlier question: %s is its
			 * number, such as "2.1".
			 */
			g_string_append_printf(s, _("[your answer to %s]"), q->number);
		} else {
			g_string_append(s, "[\u2026]");
		}
		g_free(name);
		at = close + 1;
	}
	g_string_append(s, at);
	return g_string_free(s, FALSE);
}
