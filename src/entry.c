/* entry.c - the logic of interactive entry: walking a form, reading typed answers */
#include <config.h>
#include "entry.h"

#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "msg.h"
#include "response.h"

/* How many choice names an error message lists before "...". */
#define NAMES_SHOWN 8

/* Values of a reply file's _channel, the same in every language: not translated. */
const char *const entry_channels[] = { "note verbale", "e-mail", "letter", NULL };

static const enum resp_meta step_meta[ENTRY_N_META] = {
	[ENTRY_SUBMITTED] = RESP_SUBMITTED,
	[ENTRY_CHANNEL] = RESP_CHANNEL,
	[ENTRY_ENTERED_BY] = RESP_ENTERED_BY,
};

struct entry *entry_new(const struct form *form, struct resp_reply *reply, int lang)
{
	struct entry *e = g_new0(struct entry, 1);
	e->form = form;
	e->reply = reply;
	e->lang = lang;
	e->today = isodate_today();
	e->ev = resp_eval_new(form);
	resp_eval_run(e->ev, reply->values);
	return e;
}

void entry_free(struct entry *e)
{
	if (!e)
		return;
	resp_eval_free(e->ev);
	g_free(e);
}

/* Steps */

int entry_n_steps(const struct entry *e)
{
	return ENTRY_N_META + (int)form_n_questions(e->form);
}

const struct form_question *entry_question(const struct entry *e, int step)
{
	if (step < ENTRY_N_META || step >= entry_n_steps(e))
		return NULL;
	return form_question_at(e->form, (size_t)(step - ENTRY_N_META));
}

int entry_find(const struct entry *e, const char *name)
{
	for (int s = 0; s < ENTRY_N_META; s++)
		if (strcmp(name, resp_meta_name(step_meta[s])) == 0)
			return s;
	const struct form_question *q = form_question(e->form, name);
	return q ? ENTRY_N_META + q->index : -1;
}

const char *entry_name(const struct entry *e, int step)
{
	const struct form_question *q = entry_question(e, step);
	return q ? form_question_key(q) : resp_meta_name(step_meta[step]);
}

/* Whether Q is put to the person entering (when it applies). */
static bool is_asked(const struct form_question *q)
{
	return form_kind_has_value(q->kind) && q->kind != FORM_CALCULATE && q->kind != FORM_META;
}

bool entry_shown(const struct entry *e, int step)
{
	const struct form_question *q = entry_question(e, step);
	if (!q)
		return step >= 0 && step < ENTRY_N_META;
	if (!e->ev->relevant[q->index])
		return false;
	if (q->kind == FORM_NOTE)
		return form_text(e->form, q->label, e->lang) != NULL;
	return is_asked(q);
}

bool entry_asks(const struct entry *e, int step)
{
	const struct form_question *q = entry_question(e, step);
	if (!q)
		return step >= 0 && step < ENTRY_N_META;
	return e->ev->relevant[q->index] && is_asked(q);
}

int entry_next(const struct entry *e, int step)
{
	int n = entry_n_steps(e);
	for (int s = step + 1; s < n; s++)
		if (entry_shown(e, s))
			return s;
	return n;
}

int entry_prev(const struct entry *e, int step)
{
	for (int s = step - 1; s >= 0; s--)
		if (entry_asks(e, s))
			return s;
	return -1;
}

const char *entry_value(const struct entry *e, int step)
{
	const struct form_question *q = entry_question(e, step);
	return q ? e->reply->values[q->index] : e->reply->meta[step_meta[step]];
}

char *entry_default(const struct entry *e, int step)
{
	const char *v = entry_value(e, step);
	if (v)
		return g_strdup(v);
	const struct form_question *q = entry_question(e, step);
	if (!q) {
		if (step != ENTRY_SUBMITTED)
			return NULL;
		char buf[ISODATE_BUFSIZE];
		isodate_format(e->today, buf);
		return g_strdup(buf);
	}
	if (!q->default_value)
		return NULL;
	char *why = resp_value_problem(e->form, q, q->default_value);
	if (why) {
		g_free(why);
		return NULL;
	}
	return g_strdup(q->default_value);
}

/* Reading what was typed */

enum entry_command entry_read_line(const char *line, char **text)
{
	char *s = g_strstrip(g_strdup(line));
	*text = NULL;
	enum entry_command cmd = ENTRY_TEXT;
	if (strcmp(s, "-") == 0)
		cmd = ENTRY_SKIP;
	else if (strcmp(s, "<") == 0)
		cmd = ENTRY_BACK;
	else if (strcmp(s, "?") == 0)
		cmd = ENTRY_HELP;
	else if (strcmp(s, "q") == 0 || strcmp(s, "Q") == 0)
		cmd = ENTRY_QUIT;
	if (cmd != ENTRY_TEXT) {
		g_free(s);
		return cmd;
	}
	if (s[0] == '\\') {
		*text = g_strdup(s + 1);
		g_free(s);
	} else {
		*text = s;
	}
	return ENTRY_TEXT;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!g_ascii_isdigit(*s))
			return false;
	return true;
}

static char *names_of(const GPtrArray *shown)
{
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < shown->len; i++) {
		const struct form_choice *c = g_ptr_array_index(shown, i);
		if (i == NAMES_SHOWN) {
			g_string_append(s, ", ...");
			break;
		}
		g_string_append_printf(s, "%s%s", i ? ", " : "", c->name);
	}
	return g_string_free(s, FALSE);
}

GPtrArray *entry_choices(const struct entry *e, const struct form_question *q)
{
	GPtrArray *shown = g_ptr_array_new();
	for (guint i = 0; q->list && i < q->list->choices->len; i++) {
		struct form_choice *c = g_ptr_array_index(q->list->choices, i);
		if (resp_eval_offered(e->ev, q, c))
			g_ptr_array_add(shown, c);
	}
	return shown;
}

static bool is_shown(const GPtrArray *shown, const struct form_choice *c)
{
	for (guint i = 0; i < shown->len; i++)
		if (g_ptr_array_index(shown, i) == c)
			return true;
	return false;
}

/*
 * The choice TOKEN names among those SHOWN: its number as shown
 * (1-based), its name, or its name in another case when only one choice
 * matches.
 */
static const struct form_choice *find_choice(const struct form_question *q,
					     const GPtrArray *shown, const char *token,
					     char **error)
{
	guint n = shown->len;
	if (all_digits(token) && strlen(token) < 6) {
		guint k = (guint)atoi(token);
		if (k >= 1 && k <= n)
			return g_ptr_array_index(shown, k - 1);
	}
	const struct form_choice *c = form_choice(q->list, token);
	if (c && is_shown(shown, c))
		return c;
	char *shown_token = msg_value(token);
	if (c) {
		/*
		 * TRANSLATORS: in quire enter, for a choice typed that the form does not
		 * offer given the other answers: what was typed, then the form's
		 * expression; choice_filter is the name of a column of the form, keep it.
		 */
		*error = g_strdup_printf(_("'%s' is not offered here (choice_filter %s)"),
					 shown_token, q->choice_filter);
		g_free(shown_token);
		return NULL;
	}
	char *folded = g_utf8_casefold(token, -1);
	const struct form_choice *match = NULL;
	int matches = 0;
	for (guint i = 0; i < n; i++) {
		const struct form_choice *ci = g_ptr_array_index(shown, i);
		char *name = g_utf8_casefold(ci->name, -1);
		if (strcmp(name, folded) == 0) {
			match = ci;
			matches++;
		}
		g_free(name);
	}
	g_free(folded);
	if (matches == 1) {
		g_free(shown_token);
		return match;
	}
	char *names = names_of(shown);
	if (all_digits(token))
		/*
		 * TRANSLATORS: in quire enter: what was typed, then the number of the
		 * last choice shown.
		 */
		*error = g_strdup_printf(P_("'%s' is not a choice: type a number from 1 to %u",
					    "'%s' is not a choice: type a number from 1 to %u", n),
					 shown_token, n);
	else
		/*
		 * TRANSLATORS: in quire enter: what was typed, the number of the last
		 * choice shown, then the choices' names ("yes, no, unknown"), typed as is.
		 */
		*error = g_strdup_printf(P_("'%s' is not a choice: type a number from 1 to %u or "
					    "a name (%s)",
					    "'%s' is not a choice: type a number from 1 to %u or "
					    "a name (%s)", n), shown_token, n, names);
	g_free(shown_token);
	g_free(names);
	return NULL;
}

/* "2-4" -> 2 and 4, when both are numbers of choices shown. */
static bool parse_run(const struct form_list *list, const GPtrArray *shown, const char *token,
		      guint *from, guint *to)
{
	const char *dash = strchr(token, '-');
	if (!dash || dash == token || form_choice(list, token))
		return false;
	char *a = g_strndup(token, (gsize)(dash - token));
	bool ok = all_digits(a) && all_digits(dash + 1) && strlen(a) < 6 && strlen(dash + 1) < 6;
	if (ok) {
		*from = (guint)atoi(a);
		*to = (guint)atoi(dash + 1);
		ok = *from >= 1 && *from <= *to && *to <= shown->len;
	}
	g_free(a);
	return ok;
}

static char *parse_one(const struct form_question *q, const GPtrArray *shown, const char *text,
		       char **error)
{
	const struct form_choice *c = find_choice(q, shown, text, error);
	if (c)
		return g_strdup(c->name);
	if (strpbrk(text, " \t,")) {
		g_free(*error);
		/* TRANSLATORS: in quire enter, when several choices are typed for one. */
		*error = g_strdup(_("only one choice can be given"));
	}
	return NULL;
}

/* What parse_several() has gathered so far. */
struct picks {
	bool rank;
	bool *chosen;		/* by index in the list */
	GPtrArray *order;	/* choice names, in the order typed */
};

static void pick(struct picks *p, const struct form_choice *c, char **error)
{
	if (p->chosen[c->index] && p->rank)
		/* TRANSLATORS: in quire enter: %s is a choice's name, typed twice in a ranking. */
		*error = g_strdup_printf(_("'%s' is ranked twice"), c->name);
	else if (!p->chosen[c->index])
		g_ptr_array_add(p->order, c->name);
	p->chosen[c->index] = true;
}

/* select_multiple (list order) and rank (the order typed). */
static char *parse_several(const struct form_question *q, const GPtrArray *shown,
			   const char *text, char **error)
{
	const struct form_list *list = q->list;
	guint n = list->choices->len;
	struct picks p = { q->kind == FORM_RANK, g_new0(bool, n), g_ptr_array_new() };
	char **tokens = g_strsplit_set(text, " \t,", -1);
	for (char **t = tokens; *t && !*error; t++) {
		guint from, to;
		if (!**t)
			continue;
		if (parse_run(list, shown, *t, &from, &to)) {
			for (guint k = from; k <= to; k++)
				pick(&p, g_ptr_array_index(shown, k - 1), error);
			continue;
		}
		const struct form_choice *c = find_choice(q, shown, *t, error);
		if (!c)
			break;
		pick(&p, c, error);
	}
	g_strfreev(tokens);
	GString *value = g_string_new(NULL);
	for (guint k = 0; k < n && !*error; k++) {
		const struct form_choice *c = g_ptr_array_index(list->choices, k);
		const char *name = p.rank ? (k < p.order->len ? g_ptr_array_index(p.order, k) : NULL)
					  : (p.chosen[k] ? c->name : NULL);
		if (name)
			g_string_append_printf(value, "%s%s", value->len ? " " : "", name);
	}
	g_free(p.chosen);
	g_ptr_array_free(p.order, TRUE);
	if (!*error && !value->len)
		/* TRANSLATORS: in quire enter, when nothing was typed that names a choice. */
		*error = g_strdup(_("no choice given"));
	if (*error) {
		g_string_free(value, TRUE);
		return NULL;
	}
	return g_string_free(value, FALSE);
}

static char *parse_acknowledge(const char *text, char **error)
{
	static const char *const yes[] = { "ok", "y", "yes", "1", NULL };
	for (const char *const *y = yes; *y; y++)
		if (g_ascii_strcasecmp(text, *y) == 0)
			return g_strdup("OK");
	/*
	 * TRANSLATORS: in quire enter, for a question to acknowledge.  OK and - are
	 * typed as they are in every language: keep them.
	 */
	*error = g_strdup(_("type OK to acknowledge, or - to leave it unanswered"));
	return NULL;
}

char *entry_parse(const struct entry *e, const struct form_question *q, const char *text,
		  char **error)
{
	*error = NULL;
	if (!g_utf8_validate(text, -1, NULL)) {
		/* TRANSLATORS: in quire enter, when what was typed is not UTF-8. */
		*error = g_strdup(_("the text is not valid UTF-8: check the terminal's character "
				    "set"));
		return NULL;
	}
	if (form_kind_is_choice(q->kind) && q->list) {
		GPtrArray *shown = entry_choices(e, q);
		char *v = q->kind == FORM_SELECT_ONE ? parse_one(q, shown, text, error)
						     : parse_several(q, shown, text, error);
		g_ptr_array_free(shown, TRUE);
		return v;
	}
	if (q->kind == FORM_ACKNOWLEDGE)
		return parse_acknowledge(text, error);
	*error = resp_value_problem(e->form, q, text);
	if (*error)
		return NULL;
	if (q->kind == FORM_INTEGER)
		return g_strdup_printf("%lld", (long long)g_ascii_strtoll(text, NULL, 10));
	return g_strdup(text);
}

/* Working out an answer */

static char *constraint_error(const struct entry *e, const struct form_question *q)
{
	const char *message = form_text(e->form, q->constraint_message, e->lang);
	if (message)
		return g_strdup(message);
	char *cond = entry_condition_text(e->form, q->constraint_text);
	/*
	 * TRANSLATORS: in quire enter, after "the current answer is not valid: " or
	 * alone: %s is the form's expression, with questions by number
	 * ("the answer <= 1.2").
	 */
	char *s = g_strdup_printf(_("does not meet the form's condition: %s"), cond);
	g_free(cond);
	return s;
}

static char *required_error(const struct entry *e, const struct form_question *q)
{
	const char *message = form_text(e->form, q->required_message, e->lang);
	/* TRANSLATORS: in quire enter, when a required question is left unanswered. */
	return g_strdup(message ? message : _("an answer is required"));
}

static int resolve_submitted(struct entry *e, const char *text, char **value, char **error)
{
	if (!text) {
		/* TRANSLATORS: in quire enter, when the date of the reply is left out. */
		*error = g_strdup(_("the date the reply was received is required"));
		return -1;
	}
	char *v = *text ? g_strdup(text) : entry_default(e, ENTRY_SUBMITTED);
	int days;
	char today[ISODATE_BUFSIZE];
	isodate_format(e->today, today);
	char *shown = msg_value(v);
	if (!isodate_parse(v, &days))
		/*
		 * TRANSLATORS: in quire enter: what was typed as the reply's date; a
		 * date is typed as 2019-06-30 in every language.
		 */
		*error = g_strdup_printf(_("'%s' is not a date (YYYY-MM-DD)"), shown);
	else if (days > e->today)
		/* TRANSLATORS: in quire enter: the date typed, then today's, both YYYY-MM-DD. */
		*error = g_strdup_printf(_("'%s' is after today (%s)"), shown, today);
	g_free(shown);
	if (*error) {
		g_free(v);
		return -1;
	}
	*value = v;
	return 0;
}

static int resolve_meta(struct entry *e, int step, const char *text, char **value,
			char **error)
{
	if (step == ENTRY_SUBMITTED)
		return resolve_submitted(e, text, value, error);
	if (!text)
		return 0;
	if (!*text) {
		*value = entry_default(e, step);
		return 0;
	}
	if (!g_utf8_validate(text, -1, NULL)) {
		/* TRANSLATORS: in quire enter, when what was typed is not UTF-8. */
		*error = g_strdup(_("the text is not valid UTF-8: check the terminal's character "
				    "set"));
		return -1;
	}
	int n = 0;
	while (entry_channels[n])
		n++;
	int k = all_digits(text) && strlen(text) < 3 ? atoi(text) : 0;
	if (step == ENTRY_CHANNEL && k >= 1 && k <= n)
		*value = g_strdup(entry_channels[k - 1]);
	else
		*value = g_strdup(text);
	return 0;
}

/* The answer from TEXT before the form's rules are applied; false with *ERROR. */
static bool candidate(struct entry *e, const struct form_question *q, int step, const char *text,
		      char **value, char **error)
{
	*value = NULL;
	if (!text)
		return true;
	if (*text) {
		*value = entry_parse(e, q, text, error);
		return *value != NULL;
	}
	*value = entry_default(e, step);
	char *why = *value ? resp_value_problem(e->form, q, *value) : NULL;
	if (why) {
		/*
		 * TRANSLATORS: in quire enter, when Enter keeps an answer that breaks a
		 * rule; %s says why.
		 */
		*error = g_strdup_printf(_("the current answer is not valid: %s"), why);
		g_free(why);
		g_free(*value);
		*value = NULL;
		return false;
	}
	return true;
}

/* Whether Q's choice_filter offers every choice of V (the evaluator being current). */
static bool offered(const struct entry *e, const struct form_question *q, const char *v)
{
	if (!q->filter)
		return true;
	bool all = true;
	char **names = g_strsplit(v, " ", -1);
	for (char **n = names; *n && all; n++) {
		const struct form_choice *c = **n ? form_choice(q->list, *n) : NULL;
		all = !c || resp_eval_offered(e->ev, q, c);
	}
	g_strfreev(names);
	return all;
}

int entry_resolve(struct entry *e, int step, const char *text, char **value, char **error)
{
	*value = NULL;
	*error = NULL;
	const struct form_question *q = entry_question(e, step);
	if (!q)
		return resolve_meta(e, step, text, value, error);
	char *v;
	if (!candidate(e, q, step, text, &v, error))
		return -1;
	/* The rules are checked with the candidate in place of the current answer. */
	size_t n = form_n_questions(e->form);
	char **answers = g_new(char *, n + 1);
	memcpy(answers, e->reply->values, (n + 1) * sizeof *answers);
	answers[q->index] = v;
	resp_eval_run(e->ev, answers);
	if (!v && resp_eval_required(e->ev, q))
		*error = required_error(e, q);
	else if (v && !offered(e, q, v))
		/*
		 * TRANSLATORS: in quire enter, for an answer the form does not offer
		 * given the other answers: %s is the form's expression; choice_filter
		 * is the name of a column of the form, keep it.
		 */
		*error = g_strdup_printf(_("not offered here (choice_filter %s)"),
					 q->choice_filter);
	else if (v && !resp_eval_constraint(e->ev, q, v))
		*error = constraint_error(e, q);
	resp_eval_run(e->ev, e->reply->values);
	g_free(answers);
	if (*error) {
		g_free(v);
		return -1;
	}
	*value = v;
	return 0;
}

/* Changing the reply */

static void removed_free(gpointer p)
{
	struct entry_removed *r = p;
	g_free(r->value);
	g_free(r);
}

GPtrArray *entry_removed_new(void)
{
	return g_ptr_array_new_with_free_func(removed_free);
}

/* Whether question I's answer is valid as it stands (the evaluator being current). */
static bool answer_ok(const struct entry *e, size_t i)
{
	const struct form_question *q = form_question_at(e->form, i);
	const char *v = e->reply->values[i];
	if (!v || !e->ev->relevant[i])
		return false;
	char *why = resp_value_problem(e->form, q, v);
	bool well_formed = !why;
	g_free(why);
	return well_formed && offered(e, q, v) && resp_eval_constraint(e->ev, q, v);
}

/*
 * Removes answers that do not apply, and answers marked in CHECK whose
 * constraint now fails or whose choice_filter no longer offers them,
 * re-evaluating until nothing changes.
 */
static int prune(struct entry *e, const bool *check, GPtrArray *removed)
{
	size_t n = form_n_questions(e->form);
	int total = 0, pass;
	do {
		pass = 0;
		for (size_t i = 0; i < n; i++) {
			const struct form_question *q = form_question_at(e->form, i);
			const char *v = e->reply->values[i];
			enum entry_why why;
			if (!v)
				continue;
			if (!e->ev->relevant[i])
				why = ENTRY_NOT_APPLICABLE;
			else if (check && check[i] &&
				 (!offered(e, q, v) || !resp_eval_constraint(e->ev, q, v)))
				why = ENTRY_BROKEN;
			else
				continue;
			struct entry_removed *r = g_new(struct entry_removed, 1);
			r->q = q;
			r->value = g_strdup(v);
			r->why = why;
			g_ptr_array_add(removed, r);
			resp_set(e->reply, (int)i, NULL);
			pass++;
		}
		resp_eval_run(e->ev, e->reply->values);
		total += pass;
	} while (pass);
	return total;
}

bool entry_set(struct entry *e, int step, const char *value, GPtrArray *removed)
{
	const struct form_question *q = entry_question(e, step);
	if (!q) {
		bool changed = g_strcmp0(entry_value(e, step), value && *value ? value : NULL) != 0;
		resp_set_meta(e->reply, step_meta[step], value);
		return changed;
	}
	if (!g_strcmp0(e->reply->values[q->index], value && *value ? value : NULL))
		return false;
	size_t n = form_n_questions(e->form);
	bool *was_ok = g_new(bool, n + 1);
	for (size_t i = 0; i < n; i++)
		was_ok[i] = answer_ok(e, i);
	was_ok[q->index] = true;
	resp_set(e->reply, q->index, value);
	resp_eval_run(e->ev, e->reply->values);
	prune(e, was_ok, removed);
	g_free(was_ok);
	return true;
}

int entry_prune(struct entry *e, GPtrArray *removed)
{
	return prune(e, NULL, removed);
}

char *entry_problem(struct entry *e, int step)
{
	const struct form_question *q = entry_question(e, step);
	const char *v = entry_value(e, step);
	if (!q || !v)
		return NULL;
	char *why = resp_value_problem(e->form, q, v);
	if (!why && e->ev->relevant[q->index] && !resp_eval_constraint(e->ev, q, v))
		why = constraint_error(e, q);
	return why;
}

int entry_missing(const struct entry *e, GPtrArray *missing)
{
	int count = 0;
	for (size_t i = 0; i < form_n_questions(e->form); i++) {
		const struct form_question *q = form_question_at(e->form, i);
		if (!e->ev->relevant[i] || !is_asked(q) || e->reply->values[i] ||
		    !resp_eval_required(e->ev, q))
			continue;
		count++;
		if (missing)
			g_ptr_array_add(missing, (gpointer)q);
	}
	return count;
}

int entry_n_answered(const struct entry *e)
{
	int count = 0;
	for (size_t i = 0; i < form_n_questions(e->form); i++)
		count += e->reply->values[i] != NULL;
	return count;
}

/* Showing things to people */

char *entry_value_text(const struct entry *e, const struct form_question *q, const char *value,
		       long max)
{
	if (!form_kind_is_choice(q->kind) || !q->list)
		return g_strdup(value);
	GString *s = g_string_new(NULL), *numbers = g_string_new(NULL);
	GPtrArray *shown = entry_choices(e, q);
	char **tokens = g_strsplit_set(value, " \t", -1);
	for (char **t = tokens; *t; t++) {
		if (!**t)
			continue;
		const struct form_choice *c = form_choice(q->list, *t);
		guint k;
		if (s->len) {
			g_string_append(s, ", ");
			g_string_append_c(numbers, ' ');
		}
		if (c && g_ptr_array_find(shown, c, &k)) {
			g_string_append_printf(s, "%u) %s", k + 1,
					       form_choice_label(e->form, c, e->lang));
			g_string_append_printf(numbers, "%u", k + 1);
		} else if (c) {	/* not offered: no number to type */
			g_string_append(s, form_choice_label(e->form, c, e->lang));
			g_string_append(numbers, *t);
		} else {
			g_string_append(s, *t);
			g_string_append(numbers, *t);
		}
	}
	g_strfreev(tokens);
	g_ptr_array_free(shown, TRUE);
	bool brief = max > 0 && g_utf8_strlen(s->str, -1) > max;
	g_string_free(brief ? s : numbers, TRUE);
	return g_string_free(brief ? numbers : s, FALSE);
}

const char *entry_number(const struct form *form, const struct form_question *q)
{
	if (q->number || !q->generated || !g_str_has_suffix(q->path, "_other"))
		return q->number;
	char *select = g_strndup(q->path, strlen(q->path) - strlen("_other"));
	const struct form_question *s = form_question(form, select);
	g_free(select);
	return s ? s->number : NULL;
}

/* Whether C can be part of a name or a number, so that a '.' next to it is not '.' alone. */
static bool word_char(char c)
{
	return g_ascii_isalnum(c) || c == '_' || c == '.' || c == '-' || c == ':' || (c & 0x80);
}

char *entry_condition_text(const struct form *form, const char *expr)
{
	GString *s = g_string_new(NULL);
	char quote = 0;
	for (const char *p = expr; *p; p++) {
		if (quote) {
			quote = *p == quote ? 0 : quote;
			g_string_append_c(s, *p);
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
			g_string_append_c(s, *p);
		} else if (p[0] == '$' && p[1] == '{' && strchr(p, '}')) {
			const char *close = strchr(p, '}');
			char *name = g_strndup(p + 2, (gsize)(close - p - 2));
			const struct form_question *q = form_question(form, name);
			const char *number = q ? entry_number(form, q) : NULL;
			g_string_append(s, number ? number : name);
			g_free(name);
			p = close;
		} else if (*p == '.' && (p == expr || !word_char(p[-1])) && !word_char(p[1])) {
			/*
			 * TRANSLATORS: in a form's expression shown in quire enter, in place
			 * of ".", the answer to the question itself: "the answer > 0".
			 */
			g_string_append(s, _("the answer"));
		} else {
			g_string_append_c(s, *p);
		}
	}
	return g_string_free(s, FALSE);
}

char *entry_kind_hint(const struct form_question *q)
{
	switch (q->kind) {
	case FORM_SELECT_MULTIPLE:
		/*
		 * TRANSLATORS: what to type at a question in quire enter, in "%s (%s)"
		 * after its text and in "type %s.": choices, by number or name.
		 */
		return g_strdup(_("one or more, separated by spaces"));
	case FORM_RANK:
		/* TRANSLATORS: what to type, as "one or more, separated by spaces": a ranking. */
		return g_strdup(_("in order, separated by spaces"));
	case FORM_INTEGER:
		/* TRANSLATORS: what to type, as "one or more, separated by spaces". */
		return g_strdup(_("a whole number"));
	case FORM_DECIMAL:
		/* TRANSLATORS: what to type, as "one or more, separated by spaces". */
		return g_strdup(_("a number"));
	case FORM_RANGE:
		/*
		 * TRANSLATORS: what to type, as "one or more, separated by spaces";
		 * the bounds, such as 0 and 10.
		 */
		return g_strdup_printf(_("a number from %g to %g"),
				       MIN(q->range_start, q->range_end),
				       MAX(q->range_start, q->range_end));
	case FORM_DATE:
		/*
		 * TRANSLATORS: what to type, as "one or more, separated by spaces"; a
		 * date is typed as 2019-06-30 in every language.
		 */
		return g_strdup(_("a date, YYYY-MM-DD"));
	case FORM_TIME:
		/*
		 * TRANSLATORS: what to type, as "one or more, separated by spaces"; a
		 * time is typed as 14:30 in every language.
		 */
		return g_strdup(_("a time, HH:MM"));
	case FORM_DATETIME:
		/*
		 * TRANSLATORS: what to type, as "one or more, separated by spaces"; typed
		 * as 2019-06-30T14:30 in every language.
		 */
		return g_strdup(_("a date and time, YYYY-MM-DDTHH:MM"));
	case FORM_ACKNOWLEDGE:
		/*
		 * TRANSLATORS: what to type, as "one or more, separated by spaces"; OK
		 * is typed as it is in every language: keep it.
		 */
		return g_strdup(_("OK to acknowledge"));
	default:
		return NULL;
	}
}
