/* print.c - the questionnaire as a document for circulation (PDF) */
#include <config.h>
#include "print.h"

#include <math.h>
#include <string.h>
#include <cairo.h>

#include "doc.h"
#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "phrase.h"
#include "response.h"

/*
 * The printed questionnaire is what a Secretariat sends with its note
 * verbale: a delegate who never sees quire fills it in by hand.  So
 * everything is said in words -- which box to tick, what a figure must
 * be, when a question applies, where to go after an answer that skips
 * questions -- and every place to answer is drawn: round boxes for one
 * answer, square boxes for several, a short box for a figure or a date,
 * ruled lines for a text.
 */

struct printer {
	const struct form *form;
	int lang;
	struct doc *doc;
	struct resp_eval *ev;	/* run with no answers: the choices a static filter offers */
	char *deadline;		/* as written out, or NULL */
	const char *organisation, *contact;
};

/* Settings */

static const char *setting(const struct form *form, const char *option, const char *key)
{
	if (option)
		return *option ? option : NULL;
	const char *v = g_hash_table_lookup(form->settings, key);
	return v && *v ? v : NULL;
}

/* "2019-06-30" -> "30 June 2019"; other text as it is. */
static char *deadline_text(const char *deadline)
{
	int day;
	if (!deadline)
		return NULL;
	return isodate_parse(deadline, &day) ? isodate_format_long(day) : g_strdup(deadline);
}

/* Texts */

/* TEXT with a capital first letter and a full stop, unless it ends with one. */
static char *sentence(const char *text)
{
	GString *s = g_string_new(NULL);
	gunichar c = g_utf8_get_char(text);
	g_string_append_unichar(s, g_unichar_totitle(c));
	g_string_append(s, g_utf8_next_char(text));
	gunichar last = g_utf8_get_char(g_utf8_find_prev_char(s->str, s->str + s->len));
	if (!g_unichar_ispunct(last) || last == 0x201D || last == '"' || last == ')')
		g_string_append_c(s, '.');
	return g_string_free(s, FALSE);
}

/* TEXT as printed (phrase_text()). */
static char *paper_text(const struct printer *p, const char *text)
{
	return phrase_text(p->form, text);
}

/* “LABEL”, the label of choice C in typographic quotes. */
static char *quoted_choice(const struct printer *p, const struct form_choice *c)
{
	char *label = paper_text(p, form_choice_label(p->form, c, p->lang));
	/*
	 * TRANSLATORS: a text in typographic quotes: a choice's label, a text an answer is
	 * compared with, or the name of a question that has no number.
	 */
	char *quoted = g_strdup_printf(_("\u201C%s\u201D"), label);
	g_free(label);
	return quoted;
}

/* "A and B": A with B appended, joined as two things both of which hold. */
static void append_and(GString *s, const char *b)
{
	if (!s->len) {
		g_string_append(s, b);
		return;
	}
	/* TRANSLATORS: two conditions both of which hold, or two questions' numbers. */
	char *both = g_strdup_printf(_("%s and %s"), s->str, b);
	g_string_assign(s, both);
	g_free(both);
}

/* Adds a paragraph (NUMBER may be NULL) or a note of TEXT as printed. */
static void add_paragraph(struct printer *p, const char *number, const char *text)
{
	char *t = paper_text(p, text);
	doc_paragraph(p->doc, number, t);
	g_free(t);
}

/* A question's number and TEXT as printed, ragged right: a label's few words justified would gape. */
static void add_question_label(struct printer *p, const char *number, const char *text)
{
	char *t = paper_text(p, text);
	doc_item(p->doc, number, t);
	g_free(t);
}

static void add_note(struct printer *p, const char *text)
{
	char *t = paper_text(p, text);
	doc_note(p->doc, t);
	g_free(t);
}

/* Answer boxes */

#define LINE_GAP 21.0		/* between ruled lines to write on */
#define SHORT_BOX_W 150.0	/* a figure or a date */
#define SHORT_BOX_H 20.0

/* A box or ruled lines to write the answer in, under the question's text. */
struct answer_box {
	int lines;		/* 0: a short box */
	double indent;		/* where the question's text starts */
	bool rtl;		/* a right-to-left question: the short box on the right */
	bool mirrored;		/* a page that flows right to left: the text's start on the right */
};

static bool draw_answer_box(void *data, cairo_t *cr, double width, double height)
{
	const struct answer_box *b = data;
	(void)height;
	cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
	cairo_set_line_width(cr, 0.6);
	double start = b->mirrored ? 0 : b->indent, end = b->mirrored ? width - b->indent : width;
	if (b->lines == 0) {
		double x = b->mirrored ? end - SHORT_BOX_W : b->rtl ? width - SHORT_BOX_W : start;
		cairo_rectangle(cr, x, 2, SHORT_BOX_W, SHORT_BOX_H);
	} else {
		for (int i = 1; i <= b->lines; i++) {
			cairo_move_to(cr, start, i * LINE_GAP);
			cairo_line_to(cr, end, i * LINE_GAP);
		}
	}
	cairo_stroke(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}

static void add_answer_box(struct printer *p, const char *label, int lines)
{
	struct answer_box *b = g_new(struct answer_box, 1);
	b->lines = lines;
	b->indent = doc_indent(p->doc);
	b->rtl = doc_reads_rtl(label);
	b->mirrored = i18n_is_rtl(doc_language(p->doc));
	double height = lines == 0 ? SHORT_BOX_H + 4 : lines * LINE_GAP + 4;
	doc_figure(p->doc, height, draw_answer_box, b, g_free);
}

/* Go to: where an answer that skips the next questions sends the delegate */

/* What an expression is, given one answer and nothing else. */
enum truth {
	FALSE_,
	TRUE_,
	UNKNOWN,
};

static enum truth not_(enum truth t)
{
	return t == UNKNOWN ? UNKNOWN : t == TRUE_ ? FALSE_ : TRUE_;
}

/*
 * What is known of the answers when the select_one REF is answered
 * CHOICE: that, and EMPTY[i] for each question I known to be skipped
 * then, whatever the other answers (a question that does not apply is
 * empty, as the evaluator leaves it).
 */
struct given {
	int ref;
	const char *choice;
	const bool *empty;
};

/* The text of answer I as far as G knows it: the choice, "" when skipped, else NULL. */
static const char *known_text(const struct given *g, int i)
{
	return i == g->ref ? g->choice : g->empty[i] ? "" : NULL;
}

/* Whether A is an answer and B a string: sets *ANSWER and *VALUE to them. */
static bool tests_answer(const struct expr_node *a, const struct expr_node *b, int *answer,
			 const char **value)
{
	if (expr_term(a) == EXPR_TERM_ANSWER && expr_term(b) == EXPR_TERM_STRING) {
		*answer = expr_term_answer(a);
		*value = expr_term_string(b);
		return true;
	}
	return false;
}

/*
 * Whether N holds whatever the answers G does not know: only the tests of
 * a known answer against a string ('=', '!=', selected()) are known,
 * joined by and, or and not().
 */
static enum truth holds(const struct expr_node *n, const struct given *g)
{
	const char *value, *known;
	int answer;
	enum expr_term t = expr_term(n);
	switch (t) {
	case EXPR_TERM_AND:
	case EXPR_TERM_OR: {
		enum truth a = holds(expr_term_arg(n, 0), g);
		enum truth b = holds(expr_term_arg(n, 1), g);
		enum truth dominant = t == EXPR_TERM_AND ? FALSE_ : TRUE_;
		if (a == dominant || b == dominant)
			return dominant;
		return a == UNKNOWN || b == UNKNOWN ? UNKNOWN : not_(dominant);
	}
	case EXPR_TERM_EQ:
	case EXPR_TERM_NE: {
		const struct expr_node *l = expr_term_arg(n, 0), *r = expr_term_arg(n, 1);
		if (!tests_answer(l, r, &answer, &value) && !tests_answer(r, l, &answer, &value))
			return UNKNOWN;
		if (!(known = known_text(g, answer)))
			return UNKNOWN;
		bool eq = strcmp(value, known) == 0;
		return (t == EXPR_TERM_EQ) == eq ? TRUE_ : FALSE_;
	}
	case EXPR_TERM_CALL: {
		const char *f = expr_term_function(n);
		if (strcmp(f, "not") == 0 && expr_term_argc(n) == 1)
			return not_(holds(expr_term_arg(n, 0), g));
		if (strcmp(f, "selected") == 0 && expr_term_argc(n) == 2 &&
		    tests_answer(expr_term_arg(n, 0), expr_term_arg(n, 1), &answer, &value) &&
		    (known = known_text(g, answer)))
			return *known && strcmp(value, known) == 0 ? TRUE_ : FALSE_;
		return UNKNOWN;
	}
	default:
		return UNKNOWN;
	}
}

/* Whether F is skipped whatever G does not know: its relevant or a group's is false. */
static bool skipped(const struct form_question *f, const struct given *g)
{
	if (f->relevant && holds(expr_root(f->relevant), g) == FALSE_)
		return true;
	for (const struct form_group *u = f->group; u; u = u->parent)
		if (u->relevant && holds(expr_root(u->relevant), g) == FALSE_)
			return true;
	return false;
}

/*
 * The first question after Q, in form order, that a delegate who chose
 * CHOICE at the select_one Q goes to when that answer makes the questions
 * right after Q not apply: their relevant, or a group's, is false whatever
 * the other answers, counting a question skipped as empty (so a question
 * asked only on a particular answer to a skipped one is skipped too).
 * EMPTY has room for every question of the form.  Sets *SKIPS to whether
 * any is skipped; returns NULL (with *SKIPS true) when every later
 * question is.
 */
static const struct form_question *go_to(const struct form *form,
					 const struct form_question *q, const char *choice,
					 bool *empty, bool *skips)
{
	size_t n = form_n_questions(form);
	memset(empty, 0, n * sizeof *empty);
	struct given g = { q->index, choice, empty };
	*skips = false;
	for (size_t i = (size_t)q->index + 1; i < n; i++) {
		const struct form_question *f = form_question_at(form, i);
		empty[i] = skipped(f, &g);
		if (!f->number)
			continue;
		if (!empty[i])
			return f;
		*skips = true;
	}
	return NULL;
}

/* The labels of the choices of Q whose IN is WANT, quoted and joined by "or". */
static char *choices_said(const struct printer *p, const GPtrArray *choices, const bool *in,
			  bool want)
{
	char *s = g_strdup("");
	for (guint k = 0; k < choices->len; k++) {
		if (in[k] != want)
			continue;
		char *l = quoted_choice(p, g_ptr_array_index(choices, k));
		/* TRANSLATORS: two choices' labels in quotes, of which one is the answer. */
		char *either = *s ? g_strdup_printf(_("%s or %s"), s, l) : g_strdup(l);
		g_free(s);
		g_free(l);
		s = either;
	}
	return s;
}

/*
 * "If “Draft” or “No”, go to question 2.6.": one sentence for each place
 * the choices of Q send the delegate to, in the order of the choices.
 * When most choices go to one place, the others are named instead: "If
 * your answer is not “Yes”, go to question 3.1."
 */
static void add_go_to(struct printer *p, const struct form_question *q)
{
	const GPtrArray *choices = q->list->choices;
	guint n = choices->len;
	const struct form_question **target = g_new0(const struct form_question *, n);
	bool *skips = g_new0(bool, n), *done = g_new0(bool, n), *in = g_new0(bool, n);
	bool *empty = g_new(bool, form_n_questions(p->form));
	for (guint i = 0; i < n; i++) {
		const struct form_choice *c = g_ptr_array_index(choices, i);
		target[i] = go_to(p->form, q, c->name, empty, &skips[i]);
	}
	g_free(empty);
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < n; i++) {
		if (!skips[i] || done[i])
			continue;
		guint n_in = 0;
		for (guint k = 0; k < n; k++) {
			in[k] = skips[k] && target[k] == target[i];
			done[k] |= in[k];
			n_in += in[k];
		}
		bool by_others = n_in >= 3 && n - n_in < n_in;
		char *labels = choices_said(p, choices, in, !by_others);
		const char *to = target[i] ? target[i]->number : NULL;
		char *go;
		if (to && !by_others) {
			/*
			 * TRANSLATORS: under a question: the first %s is one or more
			 * choices' labels in quotes ("“Draft” or “No”"), the second the
			 * number of a question, such as "2.6".
			 */
			go = g_strdup_printf(_("If %s, go to question %s."), labels, to);
		} else if (to) {
			/* TRANSLATORS: as "If %s, go to question %s.", with the other choices. */
			go = g_strdup_printf(_("If your answer is not %s, go to question %s."),
					     labels, to);
		} else if (!by_others) {
			/* TRANSLATORS: %s is one or more choices' labels in quotes. */
			go = g_strdup_printf(_("If %s, go to the end of the questionnaire."),
					     labels);
		} else {
			/* TRANSLATORS: %s is one or more choices' labels in quotes. */
			go = g_strdup_printf(_("If your answer is not %s, go to the end of the "
					       "questionnaire."), labels);
		}
		if (s->len)
			g_string_append_c(s, ' ');
		g_string_append(s, go);
		g_free(go);
		g_free(labels);
	}
	if (s->len)
		doc_note(p->doc, s->str);
	g_string_free(s, TRUE);
	g_free(target);
	g_free(skips);
	g_free(done);
	g_free(in);
}

/* Questions */

static void note_ref(int ref, void *data)
{
	(void)ref;
	*(bool *)data = true;
}

/* A choice_filter's references: the numbers of the questions it reads, "1.2 and 2.1". */
struct filter_refs {
	const struct form *form;
	GString *numbers;
};

static void add_filter_ref(int ref, void *data)
{
	struct filter_refs *r = data;
	const struct form_question *q = form_question_at(r->form, (size_t)ref);
	if (q->number)
		append_and(r->numbers, q->number);
}

/*
 * A choice_filter that reads answers offers different choices to
 * different States: on paper every choice is listed, and a note says on
 * which answers the choice depends.  One that reads none (a column of the
 * list) offers the same choices to all: the others are left out.
 */
static bool filter_depends(const struct printer *p, const struct form_question *q,
			   char **numbers)
{
	struct filter_refs r = { p->form, g_string_new(NULL) };
	bool reads = false;
	if (q->filter)
		expr_foreach_ref(q->filter, note_ref, &reads);
	if (reads)
		expr_foreach_ref(q->filter, add_filter_ref, &r);
	*numbers = r.numbers->len ? g_string_free(r.numbers, FALSE)
				  : (g_string_free(r.numbers, TRUE), NULL);
	return reads;
}

static void add_choices(struct printer *p, const struct form_question *q)
{
	static const char *const rules[] = {
		[FORM_SELECT_ONE] = N_("Tick one box."),
		[FORM_SELECT_MULTIPLE] = N_("Tick all that apply."),
		[FORM_RANK] = N_("Write 1 in the box of the first in order of priority, 2 in "
				 "the box of the second, and so on."),
	};
	doc_note(p->doc, _(rules[q->kind]));
	char *numbers = NULL;
	bool depends = filter_depends(p, q, &numbers);
	const GPtrArray *choices = q->list->choices;
	GPtrArray *labels = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < choices->len; i++) {
		const struct form_choice *c = g_ptr_array_index(choices, i);
		if (q->filter && !depends && !resp_eval_offered(p->ev, q, c))
			continue;
		g_ptr_array_add(labels, paper_text(p, form_choice_label(p->form, c, p->lang)));
	}
	doc_choices(p->doc, q->kind == FORM_SELECT_ONE ? DOC_BOX_ROUND : DOC_BOX_SQUARE,
		    (const char *const *)labels->pdata, labels->len);
	g_ptr_array_free(labels, TRUE);
	if (depends) {
		/* TRANSLATORS: %s is the number of a question, or numbers: "1.2 and 2.1". */
		char *text = numbers ? g_strdup_printf(_("Only some of these choices apply, "
							 "depending on your answer to %s."),
						       numbers)
				     : g_strdup(_("Only some of these choices apply."));
		doc_note(p->doc, text);
		g_free(text);
	}
	g_free(numbers);
	if (q->kind == FORM_SELECT_ONE)
		add_go_to(p, q);
}

/*
 * The values of a range question short enough to tick (at most 11 whole
 * steps, a scale from 1 to 5, say), as strings; NULL for others.
 */
#define RANGE_TICKS 11
static GPtrArray *range_values(const struct form_question *q)
{
	double n = (q->range_end - q->range_start) / q->range_step + 1;
	if (q->kind != FORM_RANGE || q->range_step <= 0 || n > RANGE_TICKS ||
	    q->range_start != floor(q->range_start) || q->range_step != floor(q->range_step))
		return NULL;
	GPtrArray *values = g_ptr_array_new_with_free_func(g_free);
	for (double v = q->range_start; v <= q->range_end; v += q->range_step)
		g_ptr_array_add(values, g_strdup_printf("%g", v));
	return values;
}

/* What the answer must be: the range of a range question, else its constraint. */
static char *answer_rule(const struct printer *p, const struct form_question *q)
{
	GPtrArray *values = range_values(q);
	if (values) {
		g_ptr_array_free(values, TRUE);
		return NULL;	/* its boxes say it */
	}
	if (q->kind == FORM_RANGE) {
		bool whole = q->range_start == floor(q->range_start) &&
			     q->range_step == floor(q->range_step);
		if (whole)
			return g_strdup_printf(_("The answer must be a whole number from %g to "
						 "%g."), q->range_start, q->range_end);
		return g_strdup_printf(_("The answer must be a number from %g to %g."),
				       q->range_start, q->range_end);
	}
	bool said = true;
	char *rule = phrase_constraint(p->form, q, p->lang, &said);
	if (!rule || !said) {
		/* left to quire check --unsaid: an expression is no help on paper */
		g_free(rule);
		return NULL;
	}
	char *text;
	if (form_text(p->form, q->constraint_message, p->lang)) {
		char *own = sentence(rule);
		text = paper_text(p, own);
		g_free(own);
	} else {
		/*
		 * TRANSLATORS: %s says what an answer must be: "a whole number from
		 * 1990 to 2019", "at most 3 choices", "a date not after today".
		 */
		text = g_strdup_printf(_("The answer must be %s."), rule);
	}
	g_free(rule);
	return text;
}

/* What to write, for the questions answered in a box: "A whole number." */
static const char *kind_rule(const struct form_question *q)
{
	switch (q->kind) {
	case FORM_INTEGER:
		return _("Write a whole number.");
	case FORM_DECIMAL:
	case FORM_RANGE:
		return _("Write a number.");
	case FORM_DATE:
		return _("Write a date: day, month and year.");
	case FORM_TIME:
		return _("Write a time: hours and minutes.");
	case FORM_DATETIME:
		return _("Write a date (day, month and year) and a time (hours and minutes).");
	case FORM_GEO:
		return _("Write the latitude and longitude.");
	case FORM_MEDIA:
		return _("Attach the file to your reply, and write its name here.");
	case FORM_ACKNOWLEDGE:
		return _("Tick the box.");
	default:
		return NULL;
	}
}

/* Ruled lines for a text: more for a multiline one, one for a contact detail. */
static int text_lines(const struct form_question *q)
{
	if (q->appearance && strstr(q->appearance, "multiline"))
		return 6;
	return form_question_is_contact(q) ? 1 : 3;
}

static void add_answer(struct printer *p, const struct form_question *q)
{
	char *label = paper_text(p, form_label(p->form, q, p->lang));
	char *rule = answer_rule(p, q);
	const char *kind = kind_rule(q);
	const char *unit = form_question_unit(p->form, q, p->lang);
	GPtrArray *values = range_values(q);
	if (form_kind_is_choice(q->kind) && q->list) {
		add_choices(p, q);
	} else if (values) {
		doc_note(p->doc, _("Tick one box."));
		doc_choices(p->doc, DOC_BOX_ROUND, (const char *const *)values->pdata, values->len);
	} else if (q->kind == FORM_ACKNOWLEDGE) {
		doc_note(p->doc, kind);
		/* TRANSLATORS: the one box of a question answered by ticking it. */
		doc_choices(p->doc, DOC_BOX_SQUARE, (const char *[]){ _("Yes") }, 1);
	} else if (q->kind == FORM_TEXT) {
		add_answer_box(p, label, text_lines(q));
	} else {
		GString *s = g_string_new(kind);
		if (unit) {
			g_string_append_c(s, ' ');
			/* TRANSLATORS: the unit of a figure, from the form: "days", "tonnes". */
			g_string_append_printf(s, _("Unit: %s."), unit);
		}
		doc_note(p->doc, s->str);
		g_string_free(s, TRUE);
		add_answer_box(p, label, q->kind == FORM_MEDIA ? 1 : 0);
	}
	if (rule)
		doc_note(p->doc, rule);
	g_free(rule);
	g_free(label);
	if (values)
		g_ptr_array_free(values, TRUE);
}

static void add_question(struct printer *p, const struct form_question *q)
{
	doc_group_begin_loose(p->doc);
	if (q->required) {	/* marked, as the instructions say */
		char *label = g_strdup_printf("%s *", form_label(p->form, q, p->lang));
		add_question_label(p, q->number, label);
		g_free(label);
	} else {
		add_question_label(p, q->number, form_label(p->form, q, p->lang));
	}
	const char *hint = form_text(p->form, q->hint, p->lang);
	if (hint)
		add_note(p, hint);
	bool said = true;
	char *applies = phrase_applies_own(p->form, q, p->lang, &said);
	if (applies) {
		/*
		 * TRANSLATORS: under a question: %s says when it applies, "you answered
		 * “Yes” to 1.1", "your answer to 2.1 is 18 or more".
		 */
		char *text = g_strdup_printf(_("Answer only if %s."), applies);
		doc_note(p->doc, text);
		g_free(text);
	}
	g_free(applies);
	add_answer(p, q);
	if (q->or_other) {
		/* the "_other" text pyxform adds: a line under the choices */
		/* TRANSLATORS: under the choices, above a line to write on; "Other" is a choice. */
		doc_note(p->doc, _("If \u201COther\u201D, please specify:"));
		add_answer_box(p, form_label(p->form, q, p->lang), 1);
	}
	doc_group_end(p->doc);
}

/* Parts */

/*
 * Under a heading, when the questions below it apply: the conditions of
 * group G and of the groups around it up to TOP (not included), said
 * once here rather than under each question (phrase_applies_own()).
 * FIRST is the group's first question, which reads them.
 */
static void add_group_condition(struct printer *p, const struct form_group *g,
				const struct form_group *top, const struct form_question *first,
				bool section)
{
	GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
	bool said = true;
	for (; g && g != top; g = g->parent) {
		char *one = phrase_group_applies(p->form, g, first, p->lang, &said);
		if (one)
			g_ptr_array_insert(parts, 0, one);
	}
	if (parts->len) {
		GString *all = g_string_new(NULL);
		for (guint i = 0; i < parts->len; i++)
			append_and(all, g_ptr_array_index(parts, i));
		char *text;
		if (section) {
			/*
			 * TRANSLATORS: under the heading of a section of the questionnaire: %s
			 * says when it applies, "you answered “Yes” to 1.1".
			 */
			text = g_strdup_printf(_("Answer the questions of this section only if "
						 "%s."), all->str);
		} else {
			/*
			 * TRANSLATORS: under the heading of a part of the questionnaire: %s
			 * says when it applies, "you answered “Yes” to 1.1".
			 */
			text = g_strdup_printf(_("Answer this part only if %s."), all->str);
		}
		doc_note(p->doc, text);
		g_free(text);
		g_string_free(all, TRUE);
	}
	g_ptr_array_free(parts, TRUE);
}

/* Whether a group from FROM up to G (not included) has a condition: leaving it for G. */
static bool left_condition(const struct form_group *g, const struct form_group *from)
{
	for (; from && from != g; from = from->parent)
		if (from->relevant)
			return true;
	return false;
}

/*
 * The heading of G, entered from the group FROM: "Cooperation (continued)"
 * when the questions go back to G after a section inside it whose
 * condition does not hold for them, so that none is read as part of it.
 */
static char *continued(const struct printer *p, const struct form_group *g,
		       const struct form_group *from)
{
	const char *label = form_group_label(p->form, g, p->lang);
	bool back = false;
	for (const struct form_group *f = from; f && !back; f = f->parent)
		back = f->parent == g;
	if (back && left_condition(g, from)) {
		/* TRANSLATORS: a section's heading again, after a section inside it. */
		return g_strdup_printf(_("%s (continued)"), label);
	}
	return g_strdup(label);
}

static void add_part(struct printer *p, const struct form_part *part)
{
	const struct form_question *first = part->questions->len
					    ? g_ptr_array_index(part->questions, 0) : NULL;
	if (part->group) {
		char *number = g_strdup_printf("%d", part->number);
		doc_heading(p->doc, 1, number, form_group_label(p->form, part->group, p->lang));
		g_free(number);
		if (first)
			add_group_condition(p, part->group, part->group->parent, first, false);
	}
	const struct form_group *group = part->group;
	for (guint i = 0; i < part->questions->len; i++) {
		const struct form_question *q = g_ptr_array_index(part->questions, i);
		if (q->group != group && q->group && q->group->depth > 0 && q->group != part->group) {
			char *title = continued(p, q->group, group);
			doc_heading(p->doc, MIN(q->group->depth + 1, 3), NULL, title);
			g_free(title);
			add_group_condition(p, q->group, part->group, q, true);
		} else if (q->group != group && q->group && q->group == part->group &&
			   left_condition(q->group, group)) {
			char *title = continued(p, q->group, group);
			doc_heading(p->doc, 2, NULL, title);
			g_free(title);
		}
		group = q->group;
		if (q->kind == FORM_NOTE)
			add_paragraph(p, NULL, form_label(p->form, q, p->lang));
		else if (q->number)
			add_question(p, q);
	}
}

/* The cover and the instructions */

/* "Version 2019050101": the form's VERSION, on the cover and in the running head. */
static char *version_text(const char *version)
{
	/* TRANSLATORS: %s is the questionnaire's version, "2019050101". */
	return g_strdup_printf(_("Version %s"), version);
}

static void add_cover(struct printer *p)
{
	const struct form *form = p->form;
	char *version = form->version ? version_text(form->version) : NULL;
	/* TRANSLATORS: on the cover: %s is the deadline, "30 June 2019" or as the form has it. */
	char *reply_by = p->deadline ? g_strdup_printf(_("Please reply by %s"), p->deadline) : NULL;
	/* TRANSLATORS: on the cover: %s is where replies go, an office's address. */
	char *notice = p->contact ? g_strdup_printf(_("Please return the completed questionnaire "
						      "to: %s"), p->contact)
				  : NULL;
	struct doc_cover c = {
		.organisation = p->organisation,
		/* TRANSLATORS: on the cover, above the questionnaire's title. */
		.meeting = _("Questionnaire"),
		.title = form_title(form, p->lang),
		.subtitle = version,
		.prepared_by = reply_by,
		.notice = notice,
		/* TRANSLATORS: the cover's blanks to fill in: the name of the replying State. */
		.blanks = { _("State"),
			    _("Name and title of the replying official"),
			    _("Ministry or office"),
			    _("E-mail address and telephone number") },
	};
	doc_cover(p->doc, &c);
	g_free(version);
	g_free(reply_by);
	g_free(notice);
}

/* Whether a question of FORM must always be answered (required = yes). */
static bool any_required(const struct form *form)
{
	for (size_t i = 0; i < form_n_questions(form); i++) {
		const struct form_question *q = form_question_at(form, i);
		if (q->required && q->number)
			return true;
	}
	return false;
}

/* The first sentence of the instructions: what to answer, by when and where to. */
static char *reply_sentence(const struct printer *p)
{
	if (p->deadline && p->contact) {
		/*
		 * TRANSLATORS: the first %s is the deadline, "30 June 2019" or as the
		 * form has it; the second where replies go, an office's address.
		 */
		return g_strdup_printf(_("Please answer every question that applies to your State "
					 "and return the questionnaire by %s to %s."),
				       p->deadline, p->contact);
	}
	if (p->deadline) {
		/* TRANSLATORS: %s is the deadline, "30 June 2019" or as the form has it. */
		return g_strdup_printf(_("Please answer every question that applies to your State "
					 "and return the questionnaire by %s."), p->deadline);
	}
	if (p->contact) {
		/*
		 * TRANSLATORS: %s is where replies go, an office's address: the
		 * questionnaire is to be returned there.
		 */
		return g_strdup_printf(_("Please answer every question that applies to your State "
					 "to %s."), p->contact);
	}
	return g_strdup(_("Please answer every question that applies to your State."));
}

static void add_instructions(struct printer *p)
{
	doc_heading(p->doc, 1, NULL, _("How to reply"));
	char *reply = reply_sentence(p);
	GString *s = g_string_new(reply);
	g_free(reply);
	g_string_append_c(s, ' ');
	g_string_append(s, _("Please write the name of your State and the contact details of the "
			     "replying official on the cover."));
	if (any_required(p->form)) {
		g_string_append_c(s, ' ');
		g_string_append(s, _("Questions marked with an asterisk (*) must be answered."));
	}
	doc_paragraph(p->doc, NULL, s->str);
	g_string_free(s, TRUE);
	/*
	 * TRANSLATORS: the %s are the notes "Tick one box." and "Tick all that
	 * apply." as they are translated.
	 */
	char *boxes = g_strdup_printf(_("Where a question says \u201C%s\u201D, tick the one "
					"round box that fits best. Where it says \u201C%s\u201D, "
					"tick every square box that applies. Write figures and "
					"dates in the boxes, and other answers on the lines; where "
					"the space is not enough, please continue on a separate "
					"sheet, with the number of the question."),
				      _("Tick one box."), _("Tick all that apply."));
	doc_paragraph(p->doc, NULL, boxes);
	g_free(boxes);
	doc_paragraph(p->doc, NULL,
		      /*
		       * TRANSLATORS: quote the beginnings of "Answer only if %s." and
		       * "If %s, go to question %s." as they are translated.
		       */
		      _("Some questions apply only after a given answer: they begin with "
			"\u201CAnswer only if\u201D. Where an answer makes the next questions "
			"not apply, the question says which to go to (\u201CIf \u2026, go to "
			"question \u2026\u201D)."));
}

static void set_info(struct printer *p, const char *created)
{
	char *creator = g_strdup_printf("quire %s", PACKAGE_VERSION);
	doc_set_info(p->doc, form_title(p->form, p->lang), p->organisation, _("Questionnaire"),
		     creator, created);
	char *version = p->form->version ? version_text(p->form->version) : NULL;
	doc_set_running_head(p->doc, p->organisation ? p->organisation
						     : form_title(p->form, p->lang), version);
	g_free(version);
	g_free(creator);
}

/* The PDF's date: SOURCE_DATE_EPOCH, or now; NULL after reporting an invalid one. */
static char *creation_date(void)
{
	long long now;
	if (isodate_now(&now) != 0)
		return NULL;
	GDateTime *t = g_date_time_new_from_unix_utc(now);
	char *s = g_date_time_format(t, "%Y-%m-%dT%H:%M:%SZ");
	g_date_time_unref(t);
	return s;
}

int print_write(const struct form *form, const struct print_options *o)
{
	char *created = creation_date();
	if (!created)
		return -1;
	struct printer p = { form, o->lang, doc_new(o->letter ? DOC_LETTER : DOC_A4), NULL,
			     deadline_text(setting(form, o->deadline, "deadline")),
			     setting(form, o->organisation, "organisation"),
			     setting(form, o->contact, "contact") };
	if (!p.organisation)
		p.organisation = setting(form, NULL, "organization");
	/* The questionnaire's language (its /Lang, and its direction), by the form's code for it. */
	char *code = form_document_language(form, o->lang);
	doc_set_language(p.doc, code ? code : "en");
	g_free(code);
	p.ev = resp_eval_new(form);
	char **none = g_new0(char *, form_n_questions(form) + 1);
	resp_eval_run(p.ev, none);
	g_free(none);
	set_info(&p, created);
	add_cover(&p);
	add_instructions(&p);
	for (guint i = 0; i < form->parts->len; i++)
		add_part(&p, g_ptr_array_index(form->parts, i));
	int rc = doc_write_pdf(p.doc, o->output);
	doc_free(p.doc);
	resp_eval_free(p.ev);
	g_free(p.deadline);
	g_free(created);
	return rc;
}
