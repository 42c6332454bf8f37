/* cmd-validate.c - quire validate: check replies against the form */
#include <config.h>

#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "cmd.h"
#include "form.h"
#include "msg.h"
#include "response.h"
#include "roster.h"
#include "source.h"

static const char usage[] =
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
	"Exit status: 0 all valid, 1 problems found, 2 usage error.\n";

struct seen {
	char *file;
	long row;
};

static void seen_free(gpointer p)
{
	struct seen *s = p;
	g_free(s->file);
	g_free(s);
}

/* One reply per respondent, and (with a roster) only respondents on it. */
static int check_identity(const struct resp_reply *r, GHashTable *seen, const struct roster *roster)
{
	const char *code = r->meta[RESP_RESPONDENT];
	long row = r->meta_row[RESP_RESPONDENT];
	if (!code || !resp_code_is_safe(code))
		return 0;
	int problems = 0;
	struct seen *first = g_hash_table_lookup(seen, code);
	if (first) {
		if (first->row)
			problems += msg_error_at(r->file, row, "_respondent: '%s' also replied in "
						 "%s row %ld", code, first->file, first->row) < 0;
		else
			problems += msg_error_at(r->file, row, "_respondent: '%s' also replied in "
						 "%s", code, first->file) < 0;
	} else {
		struct seen *s = g_new(struct seen, 1);
		s->file = g_strdup(r->file);
		s->row = r->row;
		g_hash_table_insert(seen, g_strdup(code), s);
	}
	if (roster && !roster_find(roster, code))
		problems += msg_error_at(r->file, row, "_respondent: '%s' is not on the roster %s",
					 code, roster->path) < 0;
	return problems;
}

static int validate(const struct form *form, struct source *src, const struct roster *roster,
		    int lang)
{
	struct resp_eval *ev = resp_eval_new(form);
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, seen_free);
	unsigned long bad_replies = 0;
	int problems = 0, rc;
	struct resp_reply *reply;
	int before = 0;
	while ((rc = source_next(src, &reply, &problems)) == 1) {
		problems += resp_check(reply, ev, lang);
		problems += check_identity(reply, seen, roster);
		bad_replies += problems > before;
		before = problems;
	}
	g_hash_table_destroy(seen);
	resp_eval_free(ev);
	unsigned long n = source_replies(src);
	if (rc < 0)
		return EXIT_DATA;
	if (problems) {
		msg_note("%d problem%s in %lu of %lu repl%s", problems, problems == 1 ? "" : "s",
			 bad_replies, n, n == 1 ? "y" : "ies");
		return EXIT_DATA;
	}
	printf("%lu repl%s checked: no problems\n", n, n == 1 ? "y" : "ies");
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
	struct source_options sopt = { NULL, true };
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
		return cli_usage_error("validate", argc - optind ? "missing DATA" : "missing FORM");
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
