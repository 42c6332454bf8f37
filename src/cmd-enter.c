/* cmd-enter.c - quire enter: one reply, typed in question by question */
#include <config.h>

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "cmd.h"
#include "entry.h"
#include "form.h"
#include "i18n.h"
#include "inputs.h"
#include "isodate.h"
#include "lock.h"
#include "msg.h"
#include "response.h"

static const char *const usage = N_(
	/*
	 * TRANSLATORS: the --help of quire enter.  Keep the commands, the options,
	 * the file, column and setting names, and the layout: the descriptions in
	 * one column, lines no longer than the English.  FORM, DATA and the like
	 * may be translated.
	 */
	"Usage: quire enter [OPTIONS] FORM --respondent CODE --data DIR\n"
	"Type in the reply of the State CODE, question by question, into DIR/CODE.csv.\n"
	"The questions come in form order, with the form's skip logic, constraints\n"
	"and required answers applied as you go.  Every answer is saved at once, so\n"
	"the reply can be left at any moment and taken up again: an existing reply\n"
	"is resumed, its answers offered as defaults.  Standard input may be a pipe,\n"
	"one answer a line.\n"
	"\n"
	"At each question type the answer and press Enter:\n"
	"  a choice by its number or its name; several separated by spaces (1 3 5)\n"
	"  Enter alone   keep the default shown\n"
	"  -             leave the question unanswered (when it is not required)\n"
	"  <             go back to the previous question\n"
	"  ?             help on the question, with its constraint\n"
	"  q             save and quit (so does end of input)\n"
	"\n"
	"Options:\n"
	"      --respondent CODE  the State's roster code (required)\n"
	"      --data DIR         the directory of reply files; it must exist (required)\n"
	"      --edit NAME        start at the question (or metadata field) NAME\n"
	"      --lang LANG        language of the questions\n"
	"  -h, --help             show this help\n"
	"\n"
	"A reply left with required questions unanswered is marked _incomplete, so\n"
	"that it validates while its entry is unfinished.\n"
	"\n"
	"A reply is entered in one session at a time: while a session has it open,\n"
	"another quire enter on it, or quire import, leaves it alone and says who\n"
	"holds it (the lock is DIR/.CODE.csv.lock, removed when the session ends).\n"
	"\n"
	"Exit status: 0 saved (or nothing to save), 1 the form or reply could not be\n"
	"read or saved, or the reply is in use, 2 usage error.\n");

/* Width of the text when standard output is not a terminal. */
#define PLAIN_WIDTH 78

struct session {
	struct entry *e;
	const char *path;
	bool exists;		/* PATH holds the reply as it is now */
	bool dirty;		/* the reply has changes not yet saved */
	bool saved;		/* this session saved the reply */
	bool echo;		/* standard input is not a terminal: echo what is read */
	bool bold;		/* standard output is a terminal that shows bold */
	int width;
	const struct form_part *part;	/* the part whose heading was shown last */
	char *line;
	size_t cap;
};

static void session_init(struct session *s)
{
	s->echo = !isatty(STDIN_FILENO);
	const char *term = getenv("TERM");
	s->bold = isatty(STDOUT_FILENO) && term && strcmp(term, "dumb") != 0;
	s->width = PLAIN_WIDTH;
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		s->width = CLAMP(ws.ws_col - 1, 40, 100);
}

/*
 * Output.  Everything shown goes through shown() or wrap(), which print
 * text as msg_printable() shows it: an answer, a reply file or a form can
 * hold escape sequences, and the terminal must not act on them.
 */

/* Prints TEXT with its control characters escaped. */
static void shown(const char *text)
{
	char *printable = msg_printable(text);
	fputs(printable, stdout);
	g_free(printable);
}

/* Prints TEXT word-wrapped: FIRST starts the first line, INDENT spaces the others. */
static void wrap(const struct session *s, const char *first, int indent, const char *text)
{
	char **words = g_strsplit_set(text, " \n", -1);
	int col = (int)g_utf8_strlen(first, -1);
	shown(first);
	bool line_empty = true;
	for (char **w = words; *w; w++) {
		if (!**w)
			continue;
		char *word = msg_printable(*w);
		int len = (int)g_utf8_strlen(word, -1);
		if (!line_empty && col + 1 + len > s->width) {
			printf("\n%*s", indent, "");
			col = indent;
			line_empty = true;
		}
		if (!line_empty) {
			putchar(' ');
			col++;
		}
		fputs(word, stdout);
		col += len;
		line_empty = false;
		g_free(word);
	}
	putchar('\n');
	g_strfreev(words);
}

/* Starts bold text on a terminal; end_bold() ends it. */
static void start_bold(const struct session *s)
{
	if (s->bold)
		fputs("\033[1m", stdout);
}

static void end_bold(const struct session *s)
{
	if (s->bold)
		fputs("\033[0m", stdout);
}

static void heading(const struct session *s, const char *text)
{
	putchar('\n');
	start_bold(s);
	fputs("== ", stdout);
	shown(text);
	fputs(" ==", stdout);
	end_bold(s);
	putchar('\n');
}

static void say_problem(const struct session *s, const char *message)
{
	wrap(s, "  ! ", 4, message);
}

/* TEXT cut at a word to at most MAX characters, with "..." when cut.  A new string. */
static char *shorten(const char *text, long max)
{
	if (g_utf8_strlen(text, -1) <= max)
		return g_strdup(text);
	char *s = g_strndup(text, (gsize)(g_utf8_offset_to_pointer(text, max - 3) - text));
	char *space = strrchr(s, ' ');
	if (space && space > s)
		*space = '\0';
	for (size_t n = strlen(s); n > 1 && strchr(",;:", s[n - 1]); n--)
		s[n - 1] = '\0';
	char *shortened = g_strconcat(s, "...", NULL);
	g_free(s);
	return shortened;
}

static void show_part(struct session *s, const struct form_question *q)
{
	if (q->part == s->part)
		return;
	s->part = q->part;
	if (!q->part->group)
		return;
	const char *label = form_group_label(s->e->form, q->part->group, s->e->lang);
	/* TRANSLATORS: the heading of a part of the questionnaire: its number and its title. */
	char *text = g_strdup_printf(_("Part %d: %s"), q->part->number, label);
	heading(s, text);
	g_free(text);
}

/* The choices on one line when they fit, else one a line. */
static void show_choices(const struct session *s, const GPtrArray *choices)
{
	const struct form *form = s->e->form;
	guint n = choices->len;
	int total = 0;
	for (guint i = 0; i < n; i++) {
		const struct form_choice *c = g_ptr_array_index(choices, i);
		/* "  1) Yes   2) No": two spaces or three, the number, ") ", the label */
		char *label = msg_printable(form_choice_label(form, c, s->e->lang));
		total += 6 + (int)g_utf8_strlen(label, -1);
		g_free(label);
	}
	bool one_line = total <= s->width;
	int digits = n >= 10 ? 2 : 1;
	for (guint i = 0; i < n; i++) {
		const struct form_choice *c = g_ptr_array_index(choices, i);
		const char *label = form_choice_label(form, c, s->e->lang);
		if (one_line) {
			printf("%s%u) ", i ? "   " : "  ", i + 1);
			shown(label);
			continue;
		}
		char *first = g_strdup_printf("  %*u) ", digits, i + 1);
		wrap(s, first, 4 + digits, label);
		g_free(first);
	}
	if (one_line)
		putchar('\n');
}

static void show_default(const struct session *s, const struct form_question *q, int step)
{
	char *def = entry_default(s->e, step);
	if (!def)
		return;
	/*
	 * TRANSLATORS: under a question in quire enter: %s is the answer that
	 * Enter alone keeps, the answer saved or the form's default.
	 */
	char *frame = g_strdup_printf(_("[default: %s]"), "");
	long room = s->width - 2 - g_utf8_strlen(frame, -1);
	char *text = q ? entry_value_text(s->e, q, def, room) : g_strdup(def);
	char *line = g_strdup_printf(_("[default: %s]"), text);
	wrap(s, "  ", 4, line);
	g_free(line);
	g_free(frame);
	g_free(text);
	g_free(def);
}

static void show_meta(struct session *s, int step)
{
	/* Each prompt in bold, then what to type in plain type (or NULL). */
	static const char *const prompts[ENTRY_N_META][2] = {
		[ENTRY_SUBMITTED] = {
			/* TRANSLATORS: a prompt in quire enter, before the reply's questions. */
			N_("Date the reply was received"),
			/*
			 * TRANSLATORS: after "Date the reply was received": the date is typed
			 * as 2019-06-30 whatever the language; the letters may be yours.
			 */
			N_("(YYYY-MM-DD)"),
		},
		[ENTRY_CHANNEL] = {
			/*
			 * TRANSLATORS: a prompt in quire enter: by which channel the reply
			 * reached the Secretariat (note verbale, e-mail, letter...).
			 */
			N_("How the reply came"),
			NULL,
		},
		[ENTRY_ENTERED_BY] = {
			/* TRANSLATORS: a prompt in quire enter: who is typing the reply in. */
			N_("Entered by"),
			/* TRANSLATORS: after the prompt "Entered by". */
			N_("(your name)"),
		},
	};
	s->part = NULL;
	if (step == ENTRY_SUBMITTED) {
		/* TRANSLATORS: a heading in quire enter, above the date and channel of a reply. */
		heading(s, _("Receipt of the reply"));
		putchar('\n');
	}
	start_bold(s);
	fputs(_(prompts[step][0]), stdout);
	end_bold(s);
	if (prompts[step][1])
		printf(" %s\n", _(prompts[step][1]));
	else
		putchar('\n');
	if (step == ENTRY_CHANNEL) {
		/* The channels are values of the reply file's _channel: not translated. */
		for (int i = 0; entry_channels[i]; i++)
			printf("%s%d) %s", i ? "   " : "  ", i + 1, entry_channels[i]);
		/*
		 * TRANSLATORS: after the numbered channels a reply can come by, on
		 * the same line: any other channel can be typed instead.
		 */
		printf("   %s\n", _("or type another"));
	}
}

static void show_question(struct session *s, const struct form_question *q)
{
	const struct form *form = s->e->form;
	int lang = s->e->lang;
	show_part(s, q);
	const char *number = entry_number(form, q);
	const char *label = form_label(form, q, lang);
	if (q->kind == FORM_NOTE) {
		putchar('\n');
		wrap(s, "", 0, label);
		return;
	}
	char *hint = entry_kind_hint(q);
	bool required = resp_eval_required(s->e->ev, q);
	char *head;
	if (hint && required)
		/*
		 * TRANSLATORS: a question in quire enter: its text, then what the
		 * answer is ("a whole number", "a date, YYYY-MM-DD"); one must be given.
		 */
		head = g_strdup_printf(_("%s (%s, required)"), label, hint);
	else if (hint)
		/*
		 * TRANSLATORS: a question in quire enter: its text, then what the
		 * answer is ("a whole number", "a date, YYYY-MM-DD").
		 */
		head = g_strdup_printf(_("%s (%s)"), label, hint);
	else if (required)
		/* TRANSLATORS: a question in quire enter, %s its text: an answer must be given. */
		head = g_strdup_printf(_("%s (required)"), label);
	else
		head = g_strdup(label);
	char *first = g_strdup_printf("%s%s", number ? number : "", number ? " " : "");
	putchar('\n');
	start_bold(s);
	wrap(s, first, (int)strlen(first), head);
	end_bold(s);
	g_free(first);
	g_free(head);
	g_free(hint);
	const char *help = form_text(form, q->hint, lang);
	if (help)
		wrap(s, "  ", 2, help);
	if (form_kind_is_choice(q->kind) && q->list) {
		GPtrArray *choices = entry_choices(s->e, q);
		show_choices(s, choices);
		g_ptr_array_free(choices, TRUE);
	}
}

static void show_step(struct session *s, int step)
{
	const struct form_question *q = entry_question(s->e, step);
	if (q)
		show_question(s, q);
	else
		show_meta(s, step);
	if (q && q->kind == FORM_NOTE)
		return;
	show_default(s, q, step);
	char *problem = entry_problem(s->e, step);
	if (problem) {
		/*
		 * TRANSLATORS: in quire enter, under a question whose saved answer breaks
		 * a rule; %s says why ("does not meet the form's condition: ...").
		 */
		char *msg = g_strdup_printf(_("the current answer is not valid: %s"), problem);
		say_problem(s, msg);
		g_free(msg);
		g_free(problem);
	}
}

/* How to answer Q, as a new sentence. */
static char *how_to_answer(const struct form_question *q)
{
	switch (q->kind) {
	case FORM_SELECT_ONE:
		/* TRANSLATORS: help on a question in quire enter, after its name and a colon. */
		return g_strdup(_("type the number or the name of one choice."));
	case FORM_SELECT_MULTIPLE:
		/*
		 * TRANSLATORS: help on a question in quire enter, after its name and a
		 * colon; "2-4" is typed as is, for choices 2, 3 and 4.
		 */
		return g_strdup(_("type the numbers or names of the choices, separated by spaces; "
				  "2-4 stands for 2 3 4."));
	case FORM_RANK:
		/* TRANSLATORS: help on a ranking question in quire enter, after its name. */
		return g_strdup(_("type the choices in order, the first first, by number or "
				  "name."));
	default:
		break;
	}
	char *hint = entry_kind_hint(q);
	char *how;
	if (hint)
		/*
		 * TRANSLATORS: help on a question in quire enter, after its name and a
		 * colon; %s is what to type: "a whole number", "a date, YYYY-MM-DD".
		 */
		how = g_strdup_printf(_("type %s."), hint);
	else
		/* TRANSLATORS: help on a question in quire enter, after its name and a colon. */
		how = g_strdup(_("type the answer on one line."));
	g_free(hint);
	return how;
}

/* Prints a help line: FMT formatted, wrapped, indented by two spaces. */
static void help_line(const struct session *s, const char *fmt, ...) MSG_PRINTF(2, 3);
static void help_line(const struct session *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	wrap(s, "  ", 2, text);
	g_free(text);
}

/* The relevant expression that decides whether Q is asked: its own or its group's. */
static const char *relevant_of(const struct form_question *q)
{
	const char *rel = q->relevant_text;
	for (const struct form_group *g = q->group; !rel && g; g = g->parent)
		rel = g->relevant_text;
	return rel;
}

static void show_help(const struct session *s, int step)
{
	static const char *const meta_help[ENTRY_N_META] = {
		/* TRANSLATORS: help in quire enter, after the name _submitted and a colon. */
		[ENTRY_SUBMITTED] = N_("the date the Secretariat received the reply, which decides "
				       "whether it came in before the cut-off; required."),
		/* TRANSLATORS: help in quire enter, after the name _channel and a colon. */
		[ENTRY_CHANNEL] = N_("how the reply reached the Secretariat: type the number of "
				     "one of those shown, or any other text."),
		/* TRANSLATORS: help in quire enter, after the name _entered_by and a colon. */
		[ENTRY_ENTERED_BY] = N_("who typed in this reply."),
	};
	const struct form *form = s->e->form;
	const struct form_question *q = entry_question(s->e, step);
	char *how = q ? how_to_answer(q) : g_strdup(_(meta_help[step]));
	/*
	 * TRANSLATORS: help on a question in quire enter: its name in the form
	 * ("q2_1", "_submitted"), then how to answer it.
	 */
	help_line(s, _("%s: %s"), entry_name(s->e, step), how);
	g_free(how);
	if (q && q->constraint_text) {
		const char *message = form_text(form, q->constraint_message, s->e->lang);
		char *cond = entry_condition_text(form, q->constraint_text);
		/*
		 * TRANSLATORS: help on a question in quire enter: the rule its answer must
		 * meet, the form's own words or its expression ("the answer > 0").
		 */
		help_line(s, _("Condition: %s"), message ? message : cond);
		g_free(cond);
	}
	if (q && relevant_of(q)) {
		char *cond = entry_condition_text(form, relevant_of(q));
		/*
		 * TRANSLATORS: help on a question in quire enter: the form's expression that
		 * decides whether it is asked, with questions by number ("1.2 = 'yes'").
		 */
		help_line(s, _("Asked when: %s"), cond);
		g_free(cond);
	}
	if (q && q->required)
		/* TRANSLATORS: help on a question in quire enter. */
		help_line(s, "%s", _("An answer is required."));
	else if (q && q->required_expr)
		/* TRANSLATORS: help on a question in quire enter. */
		help_line(s, "%s", _("An answer may be required, depending on other answers."));
	/*
	 * TRANSLATORS: the end of the help in quire enter.  The keys -, <, q, ? and
	 * \ are typed as they are in every language: keep them.
	 */
	help_line(s, "%s", _("Enter alone keeps the default; - leaves the question unanswered; "
			     "< goes back; q saves and quits.  To answer -, <, ? or q as text, "
			     "type \\ before it."));
}

/* Input */

/* Prompts and reads a line into S->LINE, without its newline.  False at end of input. */
static bool read_answer(struct session *s)
{
	fputs("> ", stdout);
	fflush(stdout);
	ssize_t n = getline(&s->line, &s->cap, stdin);
	if (n < 0) {
		putchar('\n');
		return false;
	}
	if (n > 0 && s->line[n - 1] == '\n')
		s->line[--n] = '\0';
	if (s->echo) {
		shown(s->line);
		putchar('\n');
	}
	return true;
}

/* Saving */

static int save(struct session *s)
{
	struct resp_reply *r = s->e->reply;
	resp_set_meta(r, RESP_INCOMPLETE, entry_missing(s->e, NULL) ? "yes" : NULL);
	if (resp_write(r, s->path) < 0)
		return -1;
	s->exists = true;
	s->dirty = false;
	s->saved = true;
	return 0;
}

static void show_removed(const struct session *s, GPtrArray *removed, enum entry_why why)
{
	guint n = 0;
	for (guint i = 0; i < removed->len; i++)
		n += ((struct entry_removed *)g_ptr_array_index(removed, i))->why == why;
	if (!n)
		return;
	fputs("  ", stdout);
	if (why == ENTRY_NOT_APPLICABLE)
		/*
		 * TRANSLATORS: in quire enter, after an answer that makes earlier answers
		 * moot (their questions are no longer asked); they are listed below.
		 */
		printf(P_("Removed %u answer that no longer applies:",
			  "Removed %u answers that no longer apply:", n), n);
	else
		/*
		 * TRANSLATORS: in quire enter, after an answer that breaks the form's rules
		 * for other answers; those are listed below and their questions put again.
		 */
		printf(P_("Removed %u answer that no longer meets the form's conditions; "
			  "it will be asked again:",
			  "Removed %u answers that no longer meet the form's conditions; "
			  "they will be asked again:", n), n);
	putchar('\n');
	for (guint i = 0; i < removed->len; i++) {
		const struct entry_removed *r = g_ptr_array_index(removed, i);
		if (r->why != why)
			continue;
		const char *number = entry_number(s->e->form, r->q);
		char *label = shorten(form_label(s->e->form, r->q, s->e->lang), 40);
		char *first = g_strdup_printf("    %s%s", number ? number : "", number ? " " : "");
		/*
		 * TRANSLATORS: an answer removed, in quire enter: the question's text
		 * (maybe shortened) and the answer it had.
		 */
		char *frame = g_strdup_printf(_("%s: %s"), "", "");
		long room = s->width - (long)g_utf8_strlen(first, -1) - g_utf8_strlen(label, -1) -
			    g_utf8_strlen(frame, -1);
		char *value = entry_value_text(s->e, r->q, r->value, room);
		char *text = g_strdup_printf(_("%s: %s"), label, value);
		wrap(s, first, 6, text);
		g_free(frame);
		g_free(first);
		g_free(text);
		g_free(value);
		g_free(label);
	}
}

static void report_removed(const struct session *s, GPtrArray *removed)
{
	show_removed(s, removed, ENTRY_NOT_APPLICABLE);
	show_removed(s, removed, ENTRY_BROKEN);
}

/* The walk */

enum outcome { GO_ON, DONE, FAILED };

/*
 * Asks STEP until it gets an answer or a command.  Sets *STEP to the step
 * to show next.  Returns DONE at 'q' or end of input, FAILED when saving
 * failed.
 */
static enum outcome ask(struct session *s, int *step)
{
	for (;;) {
		if (!read_answer(s))
			return DONE;
		char *text;
		enum entry_command cmd = entry_read_line(s->line, &text);
		if (cmd == ENTRY_QUIT)
			return DONE;
		if (cmd == ENTRY_HELP) {
			show_help(s, *step);
			continue;
		}
		if (cmd == ENTRY_BACK) {
			int prev = entry_prev(s->e, *step);
			if (prev < 0) {
				/* TRANSLATORS: in quire enter, after < at the first question. */
				say_problem(s, _("there is no question before this one"));
				continue;
			}
			*step = prev;
			return GO_ON;
		}
		char *value, *error;
		int rc = entry_resolve(s->e, *step, cmd == ENTRY_SKIP ? NULL : text, &value, &error);
		g_free(text);
		if (rc < 0) {
			say_problem(s, error);
			g_free(error);
			continue;
		}
		GPtrArray *removed = entry_removed_new();
		s->dirty |= entry_set(s->e, *step, value, removed);
		g_free(value);
		report_removed(s, removed);
		g_ptr_array_unref(removed);
		if (s->dirty && save(s) < 0)
			return FAILED;
		*step = entry_next(s->e, *step);
		return GO_ON;
	}
}

static enum outcome walk(struct session *s, int step)
{
	int end = entry_n_steps(s->e);
	while (step < end) {
		show_step(s, step);
		if (!entry_asks(s->e, step)) {
			step = entry_next(s->e, step);
			continue;
		}
		enum outcome o = ask(s, &step);
		if (o != GO_ON)
			return o;
	}
	putchar('\n');
	/* TRANSLATORS: in quire enter, after the last question. */
	puts(_("End of the questionnaire."));
	return DONE;
}

/* "1.1, 2.3": the numbers of the questions in QUESTIONS. */
static char *numbers_of(const struct form *form, GPtrArray *questions)
{
	GString *list = g_string_new(NULL);
	for (guint i = 0; i < questions->len; i++) {
		const struct form_question *q = g_ptr_array_index(questions, i);
		const char *number = entry_number(form, q);
		g_string_append_printf(list, "%s%s", i ? ", " : "",
				       number ? number : form_question_key(q));
	}
	return g_string_free(list, FALSE);
}

static void say_goodbye(const struct session *s)
{
	if (!s->exists) {
		/* TRANSLATORS: on leaving quire enter; no reply file was there nor made. */
		puts(_("Nothing entered; no file written."));
		return;
	}
	int n = entry_n_answered(s->e);
	GString *text = g_string_new(NULL);
	if (s->saved)
		/* TRANSLATORS: on leaving quire enter: the reply file, and its answers. */
		g_string_printf(text, P_("Saved %s: %d answer.", "Saved %s: %d answers.", n),
				s->path, n);
	else
		/* TRANSLATORS: on leaving quire enter: the reply file, and its answers. */
		g_string_printf(text, P_("No changes to %s: %d answer.",
					 "No changes to %s: %d answers.", n), s->path, n);
	GPtrArray *missing = g_ptr_array_new();
	int n_missing = entry_missing(s->e, missing);
	if (n_missing) {
		char *list = numbers_of(s->e->form, missing);
		g_string_append(text, "  ");
		if (s->e->reply->meta[RESP_INCOMPLETE])
			/*
			 * TRANSLATORS: on leaving quire enter: %s lists the questions' numbers
			 * ("1.2, 3.1"); _incomplete is the name of a field of the reply file,
			 * keep it.
			 */
			g_string_append_printf(text, P_("Not finished: %d required question is "
							"unanswered (%s); the reply is marked "
							"_incomplete until it is answered.",
							"Not finished: %d required questions are "
							"unanswered (%s); the reply is marked "
							"_incomplete until they are answered.",
							n_missing), n_missing, list);
		else
			/*
			 * TRANSLATORS: on leaving quire enter: %s lists the questions' numbers
			 * ("1.2, 3.1").
			 */
			g_string_append_printf(text, P_("Not finished: %d required question is "
							"unanswered (%s).",
							"Not finished: %d required questions are "
							"unanswered (%s).", n_missing),
					       n_missing, list);
		g_free(list);
	}
	wrap(s, "", 0, text->str);
	g_string_free(text, TRUE);
	g_ptr_array_free(missing, TRUE);
}

/* Setting up */

/* The reply at PATH, or a new one; NULL after reporting why it cannot be resumed. */
static struct resp_reply *open_reply(const struct form *form, const char *path, const char *code,
				     bool *exists)
{
	*exists = g_file_test(path, G_FILE_TEST_EXISTS);
	if (!*exists) {
		struct resp_reply *r = resp_new(form);
		resp_set_meta(r, RESP_RESPONDENT, code);
		resp_set_meta(r, RESP_FORM_VERSION, form->version);
		return r;
	}
	int problems = 0;
	struct resp_reply *r = resp_read(form, path, &problems);
	if (!r)
		return NULL;
	inputs_forget(path);	/* every answer saved replaces it */
	const char *found = r->meta[RESP_RESPONDENT];
	if (problems) {
		msg_error_at(path, 0,
			     /*
			      * TRANSLATORS: %d counts the rows of the reply file whose
			      * problems are reported above; "quire enter" is a command:
			      * keep it.
			      */
			     EP_("cannot resume: quire enter would drop the %d row above; "
				 "correct it first",
				 "cannot resume: quire enter would drop the %d rows above; "
				 "correct them first", problems), problems);
	} else if (found && strcmp(found, code) != 0) {
		/*
		 * TRANSLATORS: _respondent is kept as it is; %s is the code in the reply
		 * file, then the code given with --respondent.
		 */
		msg_error_at(path, r->meta_row[RESP_RESPONDENT], "_respondent is '%s', not '%s'",
			     found, code);
		problems++;
	}
	if (problems) {
		resp_free(r);
		return NULL;
	}
	if (!found)
		resp_set_meta(r, RESP_RESPONDENT, code);
	return r;
}

static void greet(struct session *s, const char *code)
{
	const struct form *form = s->e->form;
	const char *title = form_title(form, s->e->lang);
	/* TRANSLATORS: the title of a form with neither title nor id, in "Reply of ... to ...". */
	const char *shown_title = title ? title : _("the form");
	char *text;
	if (form->version)
		/*
		 * TRANSLATORS: the first line of quire enter: the State's roster code
		 * ("FRA"), the questionnaire's title and its version ("2019050101").
		 */
		text = g_strdup_printf(_("Reply of %s to \"%s\" (version %s)."), code, shown_title,
				       form->version);
	else
		/*
		 * TRANSLATORS: the first line of quire enter: the State's roster code
		 * ("FRA") and the questionnaire's title.
		 */
		text = g_strdup_printf(_("Reply of %s to \"%s\"."), code, shown_title);
	wrap(s, "", 0, text);
	g_free(text);
	int n = entry_n_answered(s->e);
	if (s->exists)
		/*
		 * TRANSLATORS: quire enter taking up a reply: %s is its file, %d the
		 * answers it has; Enter is the key.
		 */
		text = g_strdup_printf(P_("Resuming %s: %d answer so far; Enter keeps an answer.  "
					  "Every change is saved at once.",
					  "Resuming %s: %d answers so far; Enter keeps an answer.  "
					  "Every change is saved at once.", n), s->path, n);
	else
		/* TRANSLATORS: quire enter starting a reply: %s is the file it is saved to. */
		text = g_strdup_printf(_("A new reply: every answer is saved at once to %s."),
				       s->path);
	wrap(s, "", 0, text);
	g_free(text);
	/*
	 * TRANSLATORS: at the start of quire enter.  The keys ?, <, - and q are typed
	 * as they are in every language: keep them.
	 */
	wrap(s, "", 0, _("Type ? for help, < to go back, - to skip a question, q to save and "
			 "quit."));
}

/* Answers of a resumed reply that no longer apply are dropped, and said so. */
static void tidy(struct session *s)
{
	GPtrArray *removed = entry_removed_new();
	if (entry_prune(s->e, removed)) {
		s->dirty = true;
		report_removed(s, removed);
	}
	g_ptr_array_unref(removed);
}

static int first_step(struct session *s, const char *edit)
{
	if (!edit)
		return entry_next(s->e, -1);
	int step = entry_find(s->e, edit);
	char *paths = step < 0 ? form_shared_paths(s->e->form, edit) : NULL;
	if (paths) {
		/*
		 * TRANSLATORS: %s is the name given with --edit, then the paths of the
		 * questions it may name ("g1/q, g2/q").
		 */
		cli_usage_error("enter", "--edit: '%s' names questions in different groups: %s",
				edit, paths);
		g_free(paths);
		return -EXIT_USAGE;
	}
	if (step < 0) {
		cli_usage_error("enter", "--edit: unknown question '%s'", edit);
		return -EXIT_USAGE;
	}
	const struct form_question *q = entry_question(s->e, step);
	if (q && (q->kind == FORM_NOTE || q->kind == FORM_CALCULATE || q->kind == FORM_META)) {
		/*
		 * TRANSLATORS: %s is the name given with --edit, then the question's
		 * type as the form names it, kept as it is (note, calculate, ...).
		 */
		cli_usage_error("enter", "--edit: '%s' is a %s and takes no answer", edit,
				form_kind_name(q->kind));
		return -EXIT_USAGE;
	}
	if (!entry_asks(s->e, step)) {
		/*
		 * TRANSLATORS: %s is the name given with --edit, then the form's
		 * expression that decides whether it is asked; "relevant" is the
		 * form's column, kept as it is.
		 */
		msg_error_at(s->path, 0, "%s does not apply to this reply (relevant: %s)", edit,
			     relevant_of(q) ? relevant_of(q) : "?");
		return -EXIT_DATA;
	}
	return step;
}

static int run(struct session *s, const char *code, const char *edit)
{
	if (edit && !s->exists) {
		msg_error_at(s->path, 0, "no reply to edit: run quire enter without --edit to "
			     "start one");
		return EXIT_DATA;
	}
	int step = first_step(s, edit);
	if (step < 0)
		return -step;
	greet(s, code);
	tidy(s);
	enum outcome o = walk(s, step);
	if (o != FAILED && s->dirty && save(s) < 0)
		o = FAILED;
	if (o == FAILED)
		return EXIT_DATA;
	say_goodbye(s);
	return EXIT_OK;
}

int cmd_enter(int argc, char **argv)
{
	static const struct option options[] = {
		{ "respondent", required_argument, NULL, 'r' },
		{ "data", required_argument, NULL, 'd' },
		{ "edit", required_argument, NULL, 'e' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *code = NULL, *dir = NULL, *edit = NULL, *lang_arg = NULL;
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		if (opt == 'r')
			code = optarg;
		else if (opt == 'd')
			dir = optarg;
		else if (opt == 'e')
			edit = optarg;
		else if (opt == 'l')
			lang_arg = optarg;
		else
			return cli_common_option(opt, "enter", usage);
	}
	if (argc - optind != 1)
		/* Each marked: of a ?: argument, xgettext takes only the first. */
		return cli_usage_error("enter",
				       argc - optind ? N_("one FORM expected")
						     : N_("missing FORM"));
	if (!code)
		return cli_usage_error("enter", "missing --respondent CODE");
	if (!dir)
		return cli_usage_error("enter", "missing --data DIR");
	if (!cli_respondent(code, "enter"))
		return EXIT_USAGE;
	if (isodate_now(NULL) != 0)	/* an invalid SOURCE_DATE_EPOCH */
		return EXIT_DATA;
	struct form *form = form_load(argv[optind]);
	if (!form)
		return EXIT_DATA;
	int lang = cli_lang(form, lang_arg, "enter");
	if (lang < 0) {
		form_free(form);
		return EXIT_USAGE;
	}
	if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		msg_error_at(dir, 0, "no such directory: create it first");
		form_free(form);
		return EXIT_DATA;
	}
	char *name = g_strconcat(code, ".csv", NULL);
	char *path = g_build_filename(dir, name, NULL);
	struct session s = { 0 };
	session_init(&s);
	s.path = path;
	/* Held from before the reply is read until the session ends: no one else writes it meanwhile. */
	char *holder;
	struct lock *lock = lock_take(path, "quire enter", &holder);
	if (!lock && holder)
		/*
		 * TRANSLATORS: %s says who holds the reply's lock: "quire enter (process
		 * 4242 of ana on lap-07) since 2019-06-30 14:30:00 +0200".
		 */
		msg_error_at(path, 0, "in use, held by %s", holder);
	struct resp_reply *reply = lock ? open_reply(form, path, code, &s.exists) : NULL;
	int status = EXIT_DATA;
	if (reply) {
		s.e = entry_new(form, reply, lang);
		status = run(&s, code, edit);
		entry_free(s.e);
	}
	lock_release(lock);
	g_free(holder);
	resp_free(reply);
	free(s.line);
	g_free(path);
	g_free(name);
	form_free(form);
	return status;
}
