/* resp-check.c - checking a reply against its form */
#include <config.h>
#include "response.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "figure.h"
#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "msg.h"

/* How many choice names a message lists before "...". */
#define CHOICES_SHOWN 12

static char *choice_names(const struct form_list *list)
{
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < list->choices->len; i++) {
		const struct form_choice *c = g_ptr_array_index(list->choices, i);
		if (i == CHOICES_SHOWN) {
			/*
			 * TRANSLATORS: ends a list of a question's choices cut short:
			 * "yes, no, ... (14 in all)"; %u is the number of choices.
			 */
			g_string_append_printf(s, EP_(", ... (%u in all)", ", ... (%u in all)",
						      list->choices->len), list->choices->len);
			break;
		}
		g_string_append_printf(s, "%s%s", i ? ", " : "", c->name);
	}
	return g_string_free(s, FALSE);
}

/* The choice of LIST whose label, in any of FORM's languages, is VALUE in any case; or NULL. */
static const struct form_choice *choice_labelled(const struct form *form,
						 const struct form_list *list, const char *value)
{
	char *want = g_utf8_casefold(value, -1);
	char *norm = g_utf8_normalize(want, -1, G_NORMALIZE_ALL_COMPOSE);
	const struct form_choice *found = NULL;
	for (guint i = 0; i < list->choices->len && !found && norm; i++) {
		const struct form_choice *c = g_ptr_array_index(list->choices, i);
		for (guint l = 0; c->label && l < form->languages->len && !found; l++) {
			if (!c->label[l])
				continue;
			char *fold = g_utf8_casefold(c->label[l], -1);
			char *label = g_utf8_normalize(fold, -1, G_NORMALIZE_ALL_COMPOSE);
			if (label && strcmp(label, norm) == 0)
				found = c;
			g_free(label);
			g_free(fold);
		}
	}
	g_free(norm);
	g_free(want);
	return found;
}

/*
 * "'comprehensiv' is not a choice (choices: ...); did you mean
 * 'comprehensive'?", or "'France' is not a choice: it is the label of
 * 'fr'" when VALUE is a choice's label rather than its name.
 */
static char *not_a_choice(const struct form *form, const struct form_list *list,
			  const char *value)
{
	const struct form_choice *labelled = choice_labelled(form, list, value);
	if (labelled) {
		char *shown = msg_value(value);
		/*
		 * TRANSLATORS: %s is the answer as typed (a choice's label, such as
		 * "France"), then the choice's name ("fr"), typed as it is.
		 */
		char *msg = g_strdup_printf(E_("'%s' is not a choice: it is the label of '%s'"),
					    shown, labelled->name);
		g_free(shown);
		return msg;
	}
	struct msg_suggest sg;
	msg_suggest_init(&sg, value);
	for (guint i = 0; i < list->choices->len; i++) {
		const struct form_choice *c = g_ptr_array_index(list->choices, i);
		msg_suggest_try(&sg, c->name);
	}
	char *names = choice_names(list);
	char *shown = msg_value(value);
	char *msg;
	if (sg.best)
		/*
		 * TRANSLATORS: %s is the answer as typed, then the names of the
		 * choices ("yes, no, unknown"), then the choice closest to it.
		 */
		msg = g_strdup_printf(E_("'%s' is not a choice (choices: %s); did you mean '%s'?"),
				      shown, names, sg.best);
	else
		/* TRANSLATORS: %s is the answer as typed, then the names of the choices. */
		msg = g_strdup_printf(E_("'%s' is not a choice (choices: %s)"), shown, names);
	g_free(shown);
	g_free(names);
	return msg;
}

/* What separates the choices of a select_multiple or rank value. */
#define CHOICE_BLANKS " \t\r\n"

const char *resp_value_next_choice(const char **p, size_t *len)
{
	const char *name = *p + strspn(*p, CHOICE_BLANKS);
	*len = strcspn(name, CHOICE_BLANKS);
	*p = name + *len;
	return *len ? name : NULL;
}

/* select_multiple and rank: choice names separated by blanks, none repeated. */
static char *choices_problem(const struct form *form, const struct form_question *q,
			     const char *value)
{
	if (!q->list)
		return NULL;
	guint n = q->list->choices->len;
	bool *seen = n <= 256 ? g_newa(bool, n + 1) : g_new(bool, n + 1);
	memset(seen, 0, n + 1);
	GString *token = g_string_sized_new(32);
	char *msg = NULL;
	size_t len;
	for (const char *p = value, *name; !msg && (name = resp_value_next_choice(&p, &len));) {
		g_string_truncate(token, 0);
		g_string_append_len(token, name, (gssize)len);
		const struct form_choice *c = form_choice(q->list, token->str);
		if (!c) {
			msg = not_a_choice(form, q->list, token->str);
		} else if (seen[c->index]) {
			char *shown = msg_value(token->str);
			const char *how;
			if (q->kind == FORM_RANK)
				/* TRANSLATORS: in "'%s' is %s twice", for a ranking. */
				how = E_("ranked");
			else
				/* TRANSLATORS: in "'%s' is %s twice", for choices chosen. */
				how = E_("selected");
			/*
			 * TRANSLATORS: %s is a choice's name, then "ranked" or "selected"
			 * (above): "'fr' is selected twice".
			 */
			msg = g_strdup_printf(E_("'%s' is %s twice"), shown, how);
			g_free(shown);
		}
		if (c)
			seen[c->index] = true;
	}
	g_string_free(token, TRUE);
	if (n > 256)
		g_free(seen);
	return msg;
}

/*
 * An integer: an optional sign and 1 to INTEGER_DIGITS digits, so that
 * every integer is exact in a double (2^53 has 16 digits).
 */
#define INTEGER_DIGITS 15

static bool is_integer(const char *s)
{
	const char *p = s + (*s == '-' || *s == '+');
	size_t n = strspn(p, "0123456789");
	return n >= 1 && n <= INTEGER_DIGITS && p[n] == '\0';
}

/*
 * The plain decimals answers mostly are -- a sign, at most 15 digits and
 * one point, no exponent -- read without strtod: the digits make an
 * integer M below 10^15, exact in a double, and a power of ten P up to
 * 10^15 is exact too, so M / P, one correctly rounded division, is the
 * correctly rounded value (Clinger's fast path).  Returns false for
 * anything else, which strtod reads.
 */
static bool fast_decimal(const char *s, double *v)
{
	static const double powers[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
					  1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	const char *p = s + (*s == '-' || *s == '+');
	guint64 m = 0;
	int digits = 0, decimals = 0;
	bool point = false;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (++digits > 15)
				return false;
			m = m * 10 + (guint64)(*p - '0');
			decimals += point;
		} else if (*p == '.' && !point) {
			point = true;
		} else {
			return false;
		}
	}
	if (!digits)
		return false;
	double d = (double)m / powers[decimals];
	*v = *s == '-' ? -d : d;
	return true;
}

/* PLAIN, when not NULL: whether S is a plain decimal (struct resp_read). */
static bool parse_decimal(const char *s, double *v, bool *plain)
{
	if (fast_decimal(s, v)) {
		if (plain)
			*plain = *s != '+';
		return true;
	}
	char *end;
	if (!*s || g_ascii_isspace(*s) || strpbrk(s, "xXpPnNiI"))
		return false;
	*v = g_ascii_strtod(s, &end);
	return *end == '\0' && isfinite(*v);
}

static bool in_range(const struct form_question *q, double v)
{
	return MIN(q->range_start, q->range_end) <= v && v <= MAX(q->range_start, q->range_end);
}

/*
 * Whether V is a whole number of steps from the range's start, to the
 * precision of a double: 0.3 is three steps of 0.1 from 0, though
 * (0.3 - 0) / 0.1 is 2.9999999999999996 and 0 + 3 * 0.1 is
 * 0.30000000000000004.  The nearest step must equal V within a few units in
 * the last place of the numbers involved; "0.30000001" is not a step.
 * The form guarantees a step other than 0 (form-load.c).
 */
static bool on_step(const struct form_question *q, double v)
{
	double k = round((v - q->range_start) / q->range_step);
	double nearest = q->range_start + k * q->range_step;
	double scale = fmax(fabs(v), fmax(fabs(q->range_start), fabs(k * q->range_step)));
	return fabs(nearest - v) <= 4 * DBL_EPSILON * scale;
}

static bool value_number(const struct form_question *q, const char *value, double *out,
			 bool *plain)
{
	switch (q->kind) {
	case FORM_INTEGER:
		return is_integer(value) && parse_decimal(value, out, plain);
	case FORM_DECIMAL:
		return parse_decimal(value, out, plain);
	case FORM_RANGE:
		return parse_decimal(value, out, plain) && in_range(q, *out) && on_step(q, *out);
	default:
		return false;
	}
}

bool resp_value_number(const struct form_question *q, const char *value, double *out)
{
	return value_number(q, value, out, NULL);
}

bool resp_value_day(const struct form_question *q, const char *value, int *day)
{
	double days;
	switch (q->kind) {
	case FORM_DATE:
		return isodate_parse(value, day);
	case FORM_DATETIME:
		if (!isodate_parse_datetime(value, &days))
			return false;
		*day = (int)floor(days);
		return true;
	default:
		return false;
	}
}

static bool parse_time(const char *s)
{
	double days;
	char *dt = g_strconcat("2000-01-01T", s, NULL);
	bool ok = isodate_parse_datetime(dt, &days);
	g_free(dt);
	return ok;
}

/* FMT, whose one %s is VALUE shortened for a message (msg_value()). */
static char *said(const char *fmt, const char *value)
{
	char *shown = msg_value(value);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	char *s = g_strdup_printf(fmt, shown);
#pragma GCC diagnostic pop
	g_free(shown);
	return s;
}

static char *integer_problem(const char *value)
{
	const char *p = value + (*value == '-' || *value == '+');
	size_t n = strspn(p, "0123456789");
	if (n > INTEGER_DIGITS && p[n] == '\0') {
		char *shown = msg_value(value);
		/*
		 * TRANSLATORS: %s is the answer as typed (a long number), %d the most
		 * digits an integer may have (15).
		 */
		char *s = g_strdup_printf(E_("'%s' has more than %d digits, too many for an "
					     "integer"), shown, INTEGER_DIGITS);
		g_free(shown);
		return s;
	}
	/* TRANSLATORS: %s is the answer as typed. */
	return said(E_("'%s' is not an integer"), value);
}

static char *range_problem(const struct form_question *q, const char *value)
{
	double v;
	if (!parse_decimal(value, &v, NULL))
		/* TRANSLATORS: %s is the answer as typed. */
		return said(E_("'%s' is not a number"), value);
	if (!in_range(q, v)) {
		char *shown = msg_value(value);
		/* TRANSLATORS: %s is the answer as typed, then the range's two bounds. */
		char *s = g_strdup_printf(E_("%s is outside the range %g to %g"), shown,
					  MIN(q->range_start, q->range_end),
					  MAX(q->range_start, q->range_end));
		g_free(shown);
		return s;
	}
	if (!on_step(q, v)) {
		char *shown = msg_value(value);
		char *step = figure_plain(q->range_step), *start = figure_plain(q->range_start);
		/*
		 * TRANSLATORS: %s is the answer as typed, then the range's step and its
		 * start: "'0.35' is not a step of 0.1 from 0".
		 */
		char *s = g_strdup_printf(E_("'%s' is not a step of %s from %s"), shown, step,
					  start);
		g_free(start);
		g_free(step);
		g_free(shown);
		return s;
	}
	return NULL;
}

/* Messages quote VALUE shortened (msg_value()), and only when there is a problem. */
static char *value_problem(const struct form *form, const struct form_question *q,
			   const char *value)
{
	double v;
	int day;
	switch (q->kind) {
	case FORM_SELECT_ONE:
		if (q->list && !form_choice(q->list, value))
			return not_a_choice(form, q->list, value);
		return NULL;
	case FORM_SELECT_MULTIPLE:
	case FORM_RANK:
		return choices_problem(form, q, value);
	case FORM_INTEGER:
		return resp_value_number(q, value, &v) ? NULL : integer_problem(value);
	case FORM_DECIMAL:
		return resp_value_number(q, value, &v) ? NULL
						       /* TRANSLATORS: %s is the answer as typed. */
						       : said(E_("'%s' is not a number"), value);
	case FORM_RANGE:
		return range_problem(q, value);
	case FORM_DATE:
		return resp_value_day(q, value, &day)
			       ? NULL
			       /* TRANSLATORS: %s is the answer as typed; keep YYYY-MM-DD. */
			       : said(E_("'%s' is not a date (YYYY-MM-DD)"), value);
	case FORM_DATETIME:
		return resp_value_day(q, value, &day)
			       ? NULL
			       /* TRANSLATORS: %s is the answer; keep YYYY-MM-DDTHH:MM:SS. */
			       : said(E_("'%s' is not a date and time (YYYY-MM-DDTHH:MM:SS)"),
				      value);
	case FORM_TIME:
		return parse_time(value)
			       ? NULL
			       /* TRANSLATORS: %s is the answer as typed; HH:MM:SS is kept. */
			       : said(E_("'%s' is not a time (HH:MM:SS)"), value);
	default:
		return NULL;
	}
}

/* Whether VALUE has more characters than an answer may. */
static bool length_problem_at(const char *value)
{
	return strnlen(value, RESP_ANSWER_MAX + 1) > RESP_ANSWER_MAX &&
	       g_utf8_strlen(value, -1) > RESP_ANSWER_MAX;
}

/* "the answer has 140,000 characters; answers are limited to 100,000", or NULL. */
static char *length_problem(const char *value)
{
	if (strnlen(value, RESP_ANSWER_MAX + 1) <= RESP_ANSWER_MAX)
		return NULL;	/* no more bytes than that, so no more characters */
	glong n = g_utf8_strlen(value, -1);
	if (n <= RESP_ANSWER_MAX)
		return NULL;
	char *has = figure_number((double)n), *max = figure_number(RESP_ANSWER_MAX);
	/*
	 * TRANSLATORS: both %s are numbers of characters, written out
	 * ("140,000" and "100,000").
	 */
	char *s = g_strdup_printf(E_("the answer has %s characters; answers are limited to %s"),
				  has, max);
	g_free(has);
	g_free(max);
	return s;
}

size_t resp_value_room(const struct form_question *q)
{
	return q->list ? q->list->choices->len : 0;
}

/* Whether INDEX is among the N choice indexes at CHOSEN. */
static bool chosen_before(const int *chosen, guint n, int index)
{
	for (guint i = 0; i < n; i++)
		if (chosen[i] == index)
			return true;
	return false;
}

/*
 * The choices of a select_multiple or rank value, written to ROOM in the
 * value's order; false if one is no choice or repeated, so there are at
 * most as many as the list has.
 */
static bool read_choices(const struct form_list *list, const char *value, struct resp_read *out,
			 int *room)
{
	guint n = 0;
	size_t len;
	bool ok = true;
	for (const char *p = value, *name; ok && (name = resp_value_next_choice(&p, &len));) {
		const struct form_choice *c = form_choice_len(list, name, len);
		ok = c && !chosen_before(room, n, c->index);
		if (ok)
			room[n++] = c->index;
	}
	out->chosen = room;
	out->n = n;
	return ok;
}

static bool value_reads(const struct form_question *q, const char *value, struct resp_read *out,
			int *room)
{
	const struct form_choice *c;
	switch (q->kind) {
	case FORM_SELECT_ONE:
		if (!q->list)
			break;
		if (!(c = form_choice(q->list, value)))
			return false;
		room[0] = c->index;
		out->chosen = room;
		out->n = 1;
		return !length_problem_at(value);
	case FORM_SELECT_MULTIPLE:
	case FORM_RANK:
		if (q->list && !read_choices(q->list, value, out, room))
			return false;
		break;
	case FORM_INTEGER:
	case FORM_DECIMAL:
	case FORM_RANGE:
		if (!value_number(q, value, &out->number, &out->plain))
			return false;
		break;
	case FORM_DATE:
	case FORM_DATETIME:
		if (!resp_value_day(q, value, &out->day))
			return false;
		break;
	case FORM_TIME:
		if (!parse_time(value))
			return false;
		break;
	default:
		break;
	}
	return !length_problem_at(value);
}

bool resp_value_read(const struct form_question *q, const char *value, struct resp_read *out,
		     int *room)
{
	out->text = NULL;
	out->plain = false;
	out->chosen = room;
	out->n = 0;
	bool ok = value_reads(q, value, out, room);
	if (ok)
		out->text = value;
	return ok;
}

char *resp_value_problem(const struct form *form, const struct form_question *q,
			 const char *value)
{
	struct resp_read read;
	int *room = g_new(int, resp_value_room(q) + 1);
	bool ok = resp_value_read(q, value, &read, room);
	g_free(room);
	if (ok)
		return NULL;
	char *why = length_problem(value);
	return why ? why : value_problem(form, q, value);
}

static int check_metadata(const struct resp_reply *r, struct resp_eval *ev)
{
	int problems = 0;
	const char *code = r->meta[RESP_RESPONDENT];
	const char *submitted = r->meta[RESP_SUBMITTED];
	if (!code)
		problems += resp_error_at(r, r->row, "_respondent is missing (the roster code of "
					 "the replying State)") < 0;
	else if (!resp_code_is_safe(code)) {
		char *shown = resp_code_for_message(code);
		problems += resp_error_at(r, r->meta_row[RESP_RESPONDENT],
					 /*
					  * TRANSLATORS: %s is the code, quoted ("'X Y'") or
					  * "of 300 bytes", then why it is refused.
					  */
					 "_respondent: unsafe code %s: %s", shown,
					 resp_code_problem(code)) < 0;
		g_free(shown);
	}
	ev->submitted = INT_MIN;
	if (!submitted)
		problems += resp_error_at(r, r->row, "_submitted is missing (the date the reply "
					 "was received, YYYY-MM-DD)") < 0;
	else if (!isodate_parse(submitted, &ev->submitted)) {
		ev->submitted = INT_MIN;
		char *shown = msg_value(submitted);
		problems += resp_error_at(r, r->meta_row[RESP_SUBMITTED],
					 "_submitted: '%s' is not a date (YYYY-MM-DD)", shown) < 0;
		g_free(shown);
	}
	const char *version = r->meta[RESP_FORM_VERSION];
	if (version && r->form->version && strcmp(version, r->form->version) != 0)
		resp_warn_at(r, r->meta_row[RESP_FORM_VERSION],
			    "reply entered with form version %s; the form is version %s", version,
			    r->form->version);
	return problems;
}

struct filter_refs {
	const struct resp_eval *ev;
	GString *out;
};

static void describe_ref(int ref, void *data)
{
	struct filter_refs *fr = data;
	const struct form_question *q = form_question_at(fr->ev->form, (size_t)ref);
	const char *v = fr->ev->value[ref];
	if (fr->out->len)
		g_string_append(fr->out, ", ");
	/*
	 * TRANSLATORS: in the list after "is not offered: choice_filter ... leaves
	 * it out": %s is a question's name; its answer follows, quoted, or
	 * "unanswered": "(state is 'bavaria', region is unanswered)".
	 */
	g_string_append_printf(fr->out, E_("%s is "), form_question_key(q));
	if (!v || !*v) {
		/* TRANSLATORS: after "%s is ", a question with no answer. */
		g_string_append(fr->out, E_("unanswered"));
		return;
	}
	char *shown = msg_value(v);
	g_string_append_printf(fr->out, "'%s'", shown);
	g_free(shown);
}

/*
 * Each choice of VALUE must be one Q's choice_filter offers:
 * "district: 'lyon' is not offered: choice_filter "state = ${state}"
 * leaves it out (state is 'bavaria')".
 */
static int check_offered(const struct resp_reply *r, struct resp_eval *ev,
			 const struct form_question *q, const char *value, long row)
{
	if (!q->filter)
		return 0;
	int problems = 0;
	char **names = g_strsplit(value, " ", -1);	/* choice names hold no blank */
	for (char **n = names; *n; n++) {
		const struct form_choice *c = **n ? form_choice(q->list, *n) : NULL;
		if (!c || resp_eval_offered(ev, q, c))
			continue;
		GString *refs = g_string_new(NULL);
		struct filter_refs fr = { ev, refs };
		expr_foreach_ref(q->filter, describe_ref, &fr);
		char *shown = msg_value(c->name);
		/*
		 * TRANSLATORS: a question's name, a choice's name, the form's
		 * expression, then " (" a list of the answers it refers to ")" or
		 * nothing: "district: 'lyon' is not offered: choice_filter
		 * "state = ${state}" leaves it out (state is 'bavaria')".
		 */
		resp_error_at(r, row, "%s: '%s' is not offered: choice_filter \"%s\" leaves it "
			     "out%s%s%s", form_question_key(q), shown, q->choice_filter, refs->len ? " (" : "",
			     refs->str, refs->len ? ")" : "");
		g_free(shown);
		g_string_free(refs, TRUE);
		problems++;
	}
	g_strfreev(names);
	return problems;
}

/* One answered question: form, relevance, choice_filter, constraint. */
static int check_answer(const struct resp_reply *r, struct resp_eval *ev,
			const struct form_question *q, int lang)
{
	const char *key = form_question_key(q);
	const char *value = r->values[q->index];
	long row = r->rows[q->index];
	struct resp_read *read = &ev->read[q->index];
	if (!resp_value_read(q, value, read, resp_eval_room(ev, resp_value_room(q)))) {
		char *why = resp_value_problem(r->form, q, value);
		resp_error_at(r, row, "%s: %s", key, why);
		g_free(why);
		return 1;
	}
	ev->n_chosen += read->n;
	if (!ev->relevant[q->index]) {
		const char *rel = q->relevant_text;
		for (const struct form_group *g = q->group; !rel && g; g = g->parent)
			rel = g->relevant_text;
		/* TRANSLATORS: a question's name, then the form's expression. */
		return resp_error_at(r, row, "%s: answered, but the question does not apply "
				    "to this reply (relevant: %s)", key, rel ? rel : "?") < 0;
	}
	int offered = check_offered(r, ev, q, value, row);
	if (offered)
		return offered;
	if (q->kind == FORM_CALCULATE || resp_eval_constraint(ev, q, value)) {
		read->ok = true;
		return 0;
	}
	const char *message = form_text(r->form, q->constraint_message, lang);
	char *shown = msg_value(value);
	if (message)
		/*
		 * TRANSLATORS: a question's name, the answer, then the form's own
		 * message; "constraint" is a column of the form.
		 */
		resp_error_at(r, row, "%s: '%s' breaks the constraint: %s", key, shown,
			     message);
	else
		/*
		 * TRANSLATORS: a question's name, the answer, then the form's
		 * expression; "constraint" is a column of the form.
		 */
		resp_error_at(r, row, "%s: '%s' breaks the constraint %s", key, shown,
			     q->constraint_text);
	g_free(shown);
	return 1;
}

static int check_missing(const struct resp_reply *r, struct resp_eval *ev,
			 const struct form_question *q, int lang)
{
	if (!ev->relevant[q->index] || q->kind == FORM_CALCULATE || q->kind == FORM_NOTE ||
	    !resp_eval_required(ev, q))
		return 0;
	const char *key = form_question_key(q);
	if (r->meta[RESP_INCOMPLETE]) {
		resp_warn_at(r, r->row, "%s: required answer is missing (the reply is marked "
			    "_incomplete)", key);
		return 0;
	}
	const char *message = form_text(r->form, q->required_message, lang);
	if (message)
		/* TRANSLATORS: a question's name, then the form's own message. */
		return resp_error_at(r, r->row, "%s: required answer is missing: %s", key,
				    message) < 0;
	return resp_error_at(r, r->row, "%s: required answer is missing", key) < 0;
}

int resp_check(const struct resp_reply *r, struct resp_eval *ev, int lang)
{
	const struct form *form = r->form;
	int problems = check_metadata(r, ev);
	resp_eval_run(ev, r->values);
	ev->checking = true;	/* the reads are of R's values, which stay put until we return */
	for (size_t i = 0; i < form_n_questions(form); i++) {
		const struct form_question *q = form_question_at(form, i);
		if (ev->scope && !ev->scope[i])
			continue;
		if (r->values[i])
			problems += check_answer(r, ev, q, lang);
		else
			problems += check_missing(r, ev, q, lang);
	}
	ev->checking = false;
	return problems + resp_eval_report(ev, r);
}
