/* cmd-validate.c - quire validate: check replies against the form */
#include <config.h>

#include <getopt.h>
#include <limits.h>
#include <stdio.h>

#include "analysis.h"
#include "cli.h"
#include "cmd.h"
#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "msg.h"
#include "response.h"
#include "roster.h"
#include "source.h"

static const char *const usage = N_(
	/*
	 * TRANSLATORS: the --help of quire validate.  Keep the commands, the options,
	 * the file, column and setting names, and the layout: the descriptions in
	 * one column, lines no longer than the English.  FORM, DATA and the like
	 * may be translated.
	 */
	"Usage: quire validate [OPTIONS] FORM DATA...\n"
	"Check replies against the form FORM.  DATA is reply files, directories of\n"
	"them, or wide exports.  Each reply is checked with its own skip logic:\n"
	"known names, well-formed values, choices, required answers, constraints,\n"
	"answers to questions that do not apply, _respondent and _submitted; across\n"
	"replies, one reply per respondent, and with --roster, roster membership.\n"
	"Every problem is reported as FILE:ROW: message.\n"
	"\n"
	"Options:\n"
	"      --roster FILE      check respondent codes against this roster\n"
	"      --lang LANG        language of the form's messages\n"
	"      --id-column COL    wide exports: the column holding the respondent code\n"
	"  -h, --help             show this help\n"
	"\n"
	"Exit status: 0 all valid, 1 problems found, 2 usage error.\n");

/*
 * Each reply's problems, counted as they are reported -- the rows its
 * reader could not take (*READING), the validator's, and roster
 * membership -- to say how many replies have one.
 */
struct counting {
	const struct analysis *a;
	const struct roster *roster;
	const int *reading;
	int roster_problems;
	int seen;		/* problems counted up to the last reply */
	unsigned long bad;	/* replies with a problem */
};

static void count_problems(void *data, const struct resp_reply *r, enum analysis_reason reason,
			   const struct resp_eval *ev)
{
	struct counting *c = data;
	(void)ev;
	if (reason == ANALYSIS_NOT_ON_ROSTER) {
		const char *code = r->meta[RESP_RESPONDENT];
		const struct roster_member *m = roster_suggest(c->roster, code);
		char *shown = msg_value(code);
		long row = r->meta_row[RESP_RESPONDENT];
		int rc;
		if (m)
			/*
			 * TRANSLATORS: _respondent is kept as it is; %s is the code in the
			 * reply, then the roster's file, then the roster code most like
			 * it and that State's name.
			 */
			rc = resp_error_at(r, row, "_respondent: '%s' is not on the roster %s; "
					   "did you mean '%s' (%s)?", shown, c->roster->path,
					   m->code, m->name);
		else
			/*
			 * TRANSLATORS: _respondent is kept as it is; %s is the code in the
			 * reply, then the roster's file.
			 */
			rc = resp_error_at(r, row, "_respondent: '%s' is not on the roster %s",
					   shown, c->roster->path);
		c->roster_problems += rc < 0;
		g_free(shown);
	}
	int now = *c->reading + c->a->problems + c->roster_problems;
	c->bad += now > c->seen;
	c->seen = now;
}

/*
 * The checks are the analysis set's (analysis.h): the same validator, with
 * the same messages, as quire tab, chart and report use.
 */
static int validate(const struct form *form, struct source *src, const struct roster *roster,
		    int lang)
{
	struct analysis_options aopt = { roster, INT_MAX, lang, false, NULL };
	struct analysis *a = analysis_new(form, &aopt);
	int problems = 0;
	struct counting c = { a, roster, &problems, 0, 0, 0 };
	int rc = analysis_read(a, src, count_problems, &c, &problems);
	problems += c.roster_problems;
	/* A file that could not be read at all is a reply with a problem. */
	unsigned long unreadable = source_unreadable(src);
	unsigned long n = source_replies(src) + unreadable;
	c.bad += unreadable;
	analysis_free(a);
	if (rc < 0 || (unreadable && n == unreadable))
		return EXIT_DATA;	/* each file said why; there is no reply to count */
	if (problems) {
		/*
		 * TRANSLATORS: the replies with a problem, of the replies read, put for
		 * %s in "%d problems in %s": "3 problems in 2 of 5 replies".  The
		 * replies read (the second number) choose the plural form.
		 */
		char *replies = g_strdup_printf(EP_("%lu of %lu reply", "%lu of %lu replies", n),
						c.bad, n);
		/*
		 * TRANSLATORS: the last line of quire validate: %d counts the problems,
		 * %s is "2 of 5 replies", the replies that have one.
		 */
		msg_note(EP_("%d problem in %s", "%d problems in %s", problems), problems, replies);
		g_free(replies);
		return EXIT_DATA;
	}
	/* TRANSLATORS: the last line of quire validate: %lu counts the replies read. */
	printf(EP_("%lu reply checked: no problems", "%lu replies checked: no problems", n), n);
	putchar('\n');
	return EXIT_OK;
}

int cmd_validate(int argc, char **argv)
{
	static const struct option options[] = {
		{ "roster", required_argument, NULL, 'r' },
		{ "lang", required_argument, NULL, 'l' },
		{ "id-column", required_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *roster_path = NULL, *lang_arg = NULL;
	struct source_options sopt = { NULL, true, NULL };
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		if (opt == 'r')
			roster_path = optarg;
		else if (opt == 'l')
			lang_arg = optarg;
		else if (opt == 'i')
			sopt.id_column = optarg;
		else
			return cli_common_option(opt, "validate", usage);
	}
	if (argc - optind < 2)
		/* Each marked: of a ?: argument, xgettext takes only the first. */
		return cli_usage_error("validate",
				       argc - optind ? N_("missing DATA") : N_("missing FORM"));
	if (isodate_now(NULL) != 0)	/* an invalid SOURCE_DATE_EPOCH */
		return EXIT_DATA;
	struct form *form = form_load(argv[optind]);
	if (!form)
		return EXIT_DATA;
	int status = EXIT_DATA;
	int lang = cli_lang(form, lang_arg, "validate");
	struct roster *roster = NULL;
	struct source *src = NULL;
	if (lang < 0)
		status = EXIT_USAGE;
	else if ((!roster_path || (roster = roster_load(roster_path))) &&
		 (src = source_open(form, argv + optind + 1, argc - optind - 1, &sopt)))
		status = validate(form, src, roster, lang);
	source_close(src);
	roster_free(roster);
	form_free(form);
	return status;
}
