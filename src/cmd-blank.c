/* cmd-blank.c - quire blank: an answer sheet for one State to fill in */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "atomic.h"
#include "cli.h"
#include "cmd.h"
#include "csvio.h"
#include "form.h"
#include "i18n.h"
#include "msg.h"
#include "phrase.h"
#include "response.h"
#include "roster.h"

static const char *const usage = N_(
	/*
	 * TRANSLATORS: the --help of quire blank.  Keep the commands, the options,
	 * the file, column and setting names, and the layout: the descriptions in
	 * one column, lines no longer than the English.  FORM, DATA and the like
	 * may be translated.
	 */
	"Usage: quire blank [OPTIONS] FORM --respondent CODE\n"
	"Write an answer sheet for the State CODE: a CSV with the columns\n"
	"name,question,choices,value, one row per question, for a delegate to fill in\n"
	"the value column in any spreadsheet program.  The filled sheet is a valid\n"
	"reply file.  With --format xlsx, an answer workbook: drop-down lists, checks\n"
	"of each answer, questions that do not apply greyed out; quire validate and\n"
	"quire import read it back.\n"
	"\n"
	"Options:\n"
	"      --respondent CODE  the State's roster code (required)\n"
	"      --format FORMAT    csv (default) or xlsx\n"
	"      --lang LANG        language of the questions\n"
	"      --roster FILE      the roster, for the State's name (xlsx)\n"
	"      --deadline TEXT    the date replies are due (xlsx; default: the form's\n"
	"                         settings 'deadline')\n"
	"  -o, --output FILE      write to FILE (default: standard output)\n"
	"  -h, --help             show this help\n");

static char *question_text(const struct form *form, const struct form_question *q, int lang)
{
	GString *s = g_string_new(NULL);
	if (q->number)
		g_string_append_printf(s, "%s ", q->number);
	g_string_append(s, form_label(form, q, lang));
	const char *hint = form_text(form, q->hint, lang);
	if (hint)
		g_string_append_printf(s, " (%s)", hint);
	bool said = true;
	char *applies = phrase_applies(form, q, lang, &said);
	if (applies) {
		g_string_append_c(s, ' ');
		/*
		 * TRANSLATORS: after a question's text in the answer sheet: %s says
		 * when it applies, "you answered “Yes” to 1.1".
		 */
		g_string_append_printf(s, _("[answer only if %s]"), applies);
	}
	g_free(applies);
	if (q->required) {
		g_string_append_c(s, ' ');
		/* TRANSLATORS: after a question's text in the answer sheet. */
		g_string_append(s, _("[required]"));
	}
	return g_string_free(s, FALSE);
}

static void note_ref(int ref, void *data)
{
	(void)ref;
	*(bool *)data = true;
}

/*
 * The choices of Q.  A choice_filter that reads no answer offers the same
 * choices to every State: only those are listed (EV holds a run with no
 * answers).  One that reads answers is said after the whole list.
 */
static char *choices_text(const struct form *form, const struct form_question *q, int lang,
			  struct resp_eval *ev)
{
	GString *s = g_string_new(NULL);
	if (q->list) {
		bool reads = false;
		if (q->filter)
			expr_foreach_ref(q->filter, note_ref, &reads);
		bool first = true;
		for (guint i = 0; i < q->list->choices->len; i++) {
			const struct form_choice *c = g_ptr_array_index(q->list->choices, i);
			if (q->filter && !reads && !resp_eval_offered(ev, q, c))
				continue;
			g_string_append_printf(s, "%s%s = %s", first ? "" : "; ", c->name,
					       form_choice_label(form, c, lang));
			first = false;
		}
		if (reads) {
			char *cond = phrase_readable(form, q, q->filter, lang);
			g_string_append_c(s, ' ');
			/*
			 * TRANSLATORS: after the choices of a question in the answer
			 * sheet: %s is a rule shown as an expression, "1.2 = “Yes”".
			 */
			g_string_append_printf(s, _("[offered only where %s]"), cond);
			g_free(cond);
		}
	} else if (q->kind == FORM_INTEGER) {
		g_string_append(s, _("a whole number"));
	} else if (q->kind == FORM_DECIMAL || q->kind == FORM_RANGE) {
		g_string_append(s, _("a number"));
	} else if (q->kind == FORM_DATE) {
		g_string_append(s, _("a date, YYYY-MM-DD"));
	} else if (q->kind == FORM_TIME) {
		g_string_append(s, _("a time, HH:MM"));
	} else if (q->kind == FORM_DATETIME) {
		g_string_append(s, _("a date and time, YYYY-MM-DDTHH:MM"));
	}
	char *list = g_string_free(s, FALSE), *text;
	if (q->kind == FORM_SELECT_MULTIPLE) {
		/*
		 * TRANSLATORS: the choices of a question in the answer sheet: %s
		 * is the list of them, "fines = Fines; jail = Prison", each name
		 * before "=" being what the answer is written with.
		 */
		text = g_strdup_printf(_("one or more, separated by spaces: %s"), list);
	} else if (q->kind == FORM_RANK) {
		/* TRANSLATORS: as "one or more, separated by spaces: %s". */
		text = g_strdup_printf(_("in order of priority, separated by spaces: %s"), list);
	} else {
		return list;
	}
	g_free(list);
	return text;
}

/*
 * A row of the sheet.  The sheet is opened in a spreadsheet, so the texts
 * for the delegate are neutralised ("-99 = Refused" would be a formula);
 * the name and the value are the reply file's data, read back as they are.
 */
static void row(struct csvio_writer *w, const char *name, const char *question,
		const char *choices, const char *value)
{
	csvio_write_field(w, name);
	csvio_write_text(w, question);
	csvio_write_text(w, choices);
	csvio_write_field(w, value);
	csvio_end_record(w);
}

static bool is_answerable(const struct form_question *q)
{
	return q->number || q->generated;
}

static void write_sheet(FILE *fp, const struct form *form, const char *code, int lang)
{
	struct csvio_writer w;
	csvio_writer_init(&w, fp);
	/*
	 * The header is the answer sheet's format (name,question,choices,value),
	 * the same in every language, and the names of the rows are the reply
	 * file's, read back as they are; the texts are for the delegate.
	 */
	row(&w, "name", "question", "choices", "value");
	row(&w, "_respondent", _("Roster code of the replying State"), "", code);
	row(&w, "_submitted", _("Date the reply was received"), _("a date, YYYY-MM-DD"), "");
	row(&w, "_channel", _("How the reply came (note verbale, e-mail, ...)"), "", "");
	row(&w, "_form_version", _("Version of the questionnaire"), "", form->version);
	struct resp_eval *ev = resp_eval_new(form);
	char **none = g_new0(char *, form_n_questions(form) + 1);
	resp_eval_run(ev, none);
	for (size_t i = 0; i < form_n_questions(form); i++) {
		const struct form_question *q = form_question_at(form, i);
		if (!is_answerable(q))
			continue;
		char *question = question_text(form, q, lang);
		char *choices = choices_text(form, q, lang, ev);
		row(&w, form_question_key(q), question, choices, "");
		g_free(question);
		g_free(choices);
	}
	g_free(none);
	resp_eval_free(ev);
}

struct blank_options {
	const char *code, *lang, *output, *format, *roster, *deadline;
};

/* The answer workbook; the State's name comes from the roster, when one is given. */
static int write_workbook(const struct form *form, const struct blank_options *o, int lang,
			  struct atomic_file *out)
{
	struct roster *roster = NULL;
	if (o->roster && !(roster = roster_load(o->roster))) {
		atomic_abort(out);
		return EXIT_DATA;
	}
	const struct roster_member *m = roster ? roster_find(roster, o->code) : NULL;
	if (roster && !m) {
		/* TRANSLATORS: %s is the code given with --respondent. */
		msg_error_at(o->roster, 0, "'%s' is not on the roster", o->code);
		roster_free(roster);
		atomic_abort(out);
		return EXIT_DATA;
	}
	struct answer_options opt = { o->code, m ? m->name : NULL, lang, o->deadline };
	int status = EXIT_DATA;
	if (answer_write(form, &opt, atomic_stream(out), o->output) == 0)
		status = atomic_commit(out) == 0 ? EXIT_OK : EXIT_DATA;
	else
		atomic_abort(out);
	roster_free(roster);
	return status;
}

int cmd_blank(int argc, char **argv)
{
	static const struct option options[] = {
		{ "respondent", required_argument, NULL, 'r' },
		{ "lang", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "roster", required_argument, NULL, 'R' },
		{ "deadline", required_argument, NULL, 'D' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct blank_options o = { .output = "-", .format = "csv" };
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
		if (opt == 'r')
			o.code = optarg;
		else if (opt == 'l')
			o.lang = optarg;
		else if (opt == 'o')
			o.output = optarg;
		else if (opt == 'f')
			o.format = optarg;
		else if (opt == 'R')
			o.roster = optarg;
		else if (opt == 'D')
			o.deadline = optarg;
		else
			return cli_common_option(opt, "blank", usage);
	}
	if (argc - optind != 1)
		/* Each marked: of a ?: argument, xgettext takes only the first. */
		return cli_usage_error("blank",
				       argc - optind ? N_("one FORM expected")
						     : N_("missing FORM"));
	if (!o.code)
		return cli_usage_error("blank", "missing --respondent CODE");
	if (!cli_respondent(o.code, "blank"))
		return EXIT_USAGE;
	bool xlsx = strcmp(o.format, "xlsx") == 0;
	if (!xlsx && strcmp(o.format, "csv") != 0)
		return cli_usage_error("blank", "unknown format '%s' (csv or xlsx)", o.format);
	if (!xlsx && (o.roster || o.deadline))
		return cli_usage_error("blank", "--roster and --deadline go with --format xlsx");
	struct form *form = form_load(argv[optind]);
	if (!form)
		return EXIT_DATA;
	int lang = cli_lang(form, o.lang, "blank");
	int status = lang < 0 ? EXIT_USAGE : EXIT_DATA;
	struct atomic_file *out = lang < 0 ? NULL : atomic_open(o.output);
	if (out)
		cli_document_begin(form, lang);
	if (out && xlsx) {
		status = write_workbook(form, &o, lang, out);
	} else if (out) {
		write_sheet(atomic_stream(out), form, o.code, lang);
		status = atomic_commit(out) == 0 ? EXIT_OK : EXIT_DATA;
	}
	if (out)
		cli_document_end();
	form_free(form);
	return status;
}
