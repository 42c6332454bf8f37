/* cmd-tab.c - quire tab: frequencies, numeric summaries and crosstabs with tests */
#include <config.h>

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "atomic.h"
#include "cli.h"
#include "cmd.h"
#include "form.h"
#include "isodate.h"
#include "msg.h"
#include "response.h"
#include "roster.h"
#include "source.h"
#include "tabout.h"
#include "tally.h"

static const char usage[] =
	"Usage: quire tab [OPTIONS] FORM DATA...\n"
	"Frequencies for every question that carries data (or the ones named with\n"
	"-q), numeric summaries, and with --by crosstabs with Pearson's and the\n"
	"likelihood-ratio chi-square, Fisher's exact test and Cramer's V.  Each\n"
	"question reports its base (replies it applied to), answered, no answer and\n"
	"not applicable.  DATA is reply files, directories of them, or a wide export\n"
	"(quire, KoboToolbox, ODK Central), read in one streaming pass.\n"
	"\n"
	"Options:\n"
	"  -q, --question NAME    tabulate NAME (repeatable; default: every question)\n"
	"      --by NAME          cross-tabulate by a select question or roster column\n"
	"      --cutoff DATE      leave out replies received after DATE (YYYY-MM-DD);\n"
	"                         they are counted as late\n"
	"      --roster FILE      the roster, for --by on its columns and the number asked\n"
	"      --format FORMAT    text (default), csv or json\n"
	"      --lang LANG        language of the labels\n"
	"      --id-column COL    wide exports: the column holding the respondent code\n"
	"  -o, --output FILE      write to FILE (default: standard output)\n"
	"  -h, --help             show this help\n"
	"\n"
	"Exit status: 0 success, 1 invalid data (nothing is written), 2 usage error.\n";

struct options {
	GArray *questions;
	GPtrArray *names;
	const char *by, *roster, *format, *lang, *output;
	int cutoff;
	struct source_options source;
};

static int write_output(const struct tally *t, const struct options *o, int lang, long roster)
{
	struct atomic_file *out = atomic_open(o->output);
	if (!out)
		return EXIT_DATA;
	struct tabout_options topt = { lang, roster, NULL };
	FILE *fp = atomic_stream(out);
	bool ok;
	if (strcmp(o->format, "json") == 0)
		ok = tabout_json(fp, t, &topt);
	else if (strcmp(o->format, "csv") == 0)
		ok = tabout_csv(fp, t, &topt);
	else
		ok = tabout_text(fp, t, &topt);
	(void)ok;	/* a failed write is caught by the commit */
	return atomic_commit(out) == 0 ? EXIT_OK : EXIT_DATA;
}

static int tabulate(const struct form *form, const struct roster *roster, char *const *data,
		    int n, struct options *o, int lang)
{
	struct tally_options topt = { roster, o->cutoff, o->by, strcmp(o->format, "text") == 0,
				      o->names->len ? o->questions : NULL, false };
	struct tally *t = tally_new(form, &topt);
	if (!t)
		return EXIT_USAGE;
	struct source *src = source_open(form, data, n, &o->source);
	if (!src) {
		tally_free(t);
		return EXIT_DATA;
	}
	struct resp_eval *ev = resp_eval_new(form);
	struct resp_reply *reply;
	int problems = 0, rc;
	while ((rc = source_next(src, &reply, &problems)) == 1)
		tally_add(t, reply, ev);
	resp_eval_free(ev);
	source_close(src);
	problems += t->problems;
	int status = EXIT_DATA;
	if (rc == 0 && problems)
		msg_error("%d problem%s in the data; nothing written (run quire validate)", problems,
			  problems == 1 ? "" : "s");
	else if (rc == 0) {
		int day = o->cutoff != INT_MAX ? o->cutoff : isodate_today();
		status = write_output(t, o, lang, roster ? (long)roster_count(roster, day) : -1);
	}
	tally_free(t);
	return status;
}

/* Resolves the -q names to question indexes; returns false after a usage error. */
static bool resolve_questions(const struct form *form, struct options *o)
{
	for (guint i = 0; i < o->names->len; i++) {
		const char *name = g_ptr_array_index(o->names, i);
		const struct form_question *q = form_question(form, name);
		if (!q) {
			cli_usage_error("tab", "-q: the form has no question '%s'", name);
			return false;
		}
		g_array_append_val(o->questions, q->index);
	}
	return true;
}

static int run(struct options *o, char *const *args, int n_args)
{
	struct form *form = form_load(args[0]);
	if (!form)
		return EXIT_DATA;
	int status = EXIT_USAGE;
	int lang = cli_lang(form, o->lang, "tab");
	struct roster *roster = NULL;
	if (lang >= 0 && resolve_questions(form, o)) {
		if (o->roster && !(roster = roster_load(o->roster)))
			status = EXIT_DATA;
		else
			status = tabulate(form, roster, args + 1, n_args - 1, o, lang);
	}
	roster_free(roster);
	form_free(form);
	return status;
}

static int parse(int argc, char **argv, struct options *o)
{
	static const struct option options[] = {
		{ "question", required_argument, NULL, 'q' },
		{ "by", required_argument, NULL, 'b' },
		{ "cutoff", required_argument, NULL, 'c' },
		{ "roster", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'l' },
		{ "id-column", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "q:o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'q': g_ptr_array_add(o->names, optarg); break;
		case 'b': o->by = optarg; break;
		case 'c':
			if (!cli_date(optarg, "--cutoff", "tab", &o->cutoff))
				return EXIT_USAGE;
			break;
		case 'r': o->roster = optarg; break;
		case 'f': o->format = optarg; break;
		case 'l': o->lang = optarg; break;
		case 'i': o->source.id_column = optarg; break;
		case 'o': o->output = optarg; break;
		default: return cli_common_option(opt, "tab", usage);
		}
	}
	if (strcmp(o->format, "text") != 0 && strcmp(o->format, "csv") != 0 &&
	    strcmp(o->format, "json") != 0)
		return cli_usage_error("tab", "--format must be text, csv or json, not '%s'",
				       o->format);
	if (argc - optind < 2)
		return cli_usage_error("tab", argc - optind ? "missing DATA" : "missing FORM");
	return -1;
}

int cmd_tab(int argc, char **argv)
{
	struct options o = { g_array_new(FALSE, FALSE, sizeof(int)), g_ptr_array_new(), NULL, NULL,
			     "text", NULL, "-", INT_MAX, { NULL, false } };
	int status = parse(argc, argv, &o);
	if (status < 0)
		status = run(&o, argv + optind, argc - optind);
	g_array_free(o.questions, TRUE);
	g_ptr_array_free(o.names, TRUE);
	return status;
}
