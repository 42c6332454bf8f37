/* cmd-tab.c - quire tab: frequencies, numeric summaries and crosstabs with tests */
#include <config.h>

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "atomic.h"
#include "chunked.h"
#include "cli.h"
#include "cmd.h"
#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "msg.h"
#include "response.h"
#include "roster.h"
#include "source.h"
#include "tabout.h"
#include "tally.h"

static const char *const usage = N_(
	/*
	 * TRANSLATORS: the --help of quire tab.  Keep the commands, the options,
	 * the file, column and setting names, and the layout: the descriptions in
	 * one column, lines no longer than the English.  FORM, DATA and the like
	 * may be translated.
	 */
	"Usage: quire tab [OPTIONS] FORM DATA...\n"
	"Frequencies for every question that carries data (or the ones named with\n"
	"-q), numeric summaries, and with --by crosstabs with Pearson's and the\n"
	"likelihood-ratio chi-square, Fisher's exact test and Cramer's V.  Each\n"
	"question reports its base (replies it applied to), answered, no answer and\n"
	"not applicable.  DATA is reply files, directories of them, or a wide export\n"
	"(quire, KoboToolbox, ODK Central), read in one streaming pass.\n"
	"\n"
	"Options:\n"
	"  -q, --question NAME    tabulate NAME (repeatable; default: every question);\n"
	"                         only NAME, --by and what their skip logic reads are\n"
	"                         read and checked\n"
	"      --validate-all     with -q, check every answer as quire validate does\n"
	"      --by NAME          cross-tabulate by a select question or roster column\n"
	"      --cutoff DATE      leave out replies received after DATE (YYYY-MM-DD);\n"
	"                         they are counted as late\n"
	"      --roster FILE      the roster: replies from codes not on it, or not\n"
	"                         members on the cut-off date, are left out; --by may\n"
	"                         name its columns\n"
	"      --small-cell N     disclosure control: hide crosstab counts from 1 to N-1\n"
	"                         and any count the totals would reveal\n"
	"      --fisher-exact-limit STEPS\n"
	"                         work allowed for Fisher's exact test before it is\n"
	"                         estimated by simulation (default: 400 million)\n"
	"      --format FORMAT    text (default), csv or json\n"
	"      --lang LANG        language of the labels\n"
	"      --id-column COL    wide exports: the column holding the respondent code\n"
	"  -j, --jobs N           read a large export on N threads (default: one per\n"
	"                         core); the figures are the same\n"
	"  -o, --output FILE      write to FILE (default: standard output)\n"
	"  -h, --help             show this help\n"
	"\n"
	"Replies are counted when valid (as quire validate checks them), complete,\n"
	"received by the cut-off and, with --roster, from a member on the cut-off\n"
	"date; the others are listed as left out, with the reason.\n"
	"\n"
	"Exit status: 0 success, 1 invalid data (nothing is written), 2 usage error.\n");

struct options {
	GArray *questions;
	GPtrArray *names;
	const char *by, *roster, *format, *lang, *output;
	int cutoff;
	unsigned long small_cell;
	unsigned long jobs;
	bool validate_all;
	struct stats_fisher_options fisher;
	struct source_options source;
};

static int write_output(const struct tally *t, const struct analysis *a, const struct options *o,
			int lang, long roster)
{
	struct atomic_file *out = atomic_open(o->output);
	if (!out)
		return EXIT_DATA;
	struct tabout_options topt = { lang, roster, NULL, a };
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

static void count_included(void *data, const struct resp_reply *r, enum analysis_reason reason,
			   const struct resp_eval *ev)
{
	if (reason == ANALYSIS_INCLUDED)
		tally_add(data, r, ev);
}

static int tabulate(const struct form *form, const struct roster *roster, char *const *data,
		    int n, struct options *o, int lang)
{
	struct tally_options topt = { roster, o->cutoff, o->by, strcmp(o->format, "text") == 0,
				      o->names->len ? o->questions : NULL, false };
	GError *error = NULL;
	struct tally *t = tally_new(form, &topt, &error);
	if (!t) {
		/* TRANSLATORS: %s says why the --by is refused ("'x' is a text question; ..."). */
		cli_usage_error("tab", "--by: %s", error->message);
		g_error_free(error);
		return EXIT_USAGE;
	}
	/* With -q, only what the questions, the --by and their skip logic need is read and checked. */
	bool *scope = NULL;
	if (o->names->len && !o->validate_all) {
		scope = g_new0(bool, form_n_questions(form) + 1);
		for (guint i = 0; i < o->questions->len; i++)
			scope[g_array_index(o->questions, int, i)] = true;
		if (t->by_question)
			scope[t->by_question->index] = true;
		form_close_needed(form, scope);
	}
	o->source.scope = scope;
	struct analysis_options aopt = { roster, o->cutoff, lang, false, scope };
	struct analysis *a = NULL;
	struct tally *whole = NULL;
	int problems = 0, rc = 0;
	if (chunked_read(form, data, n, &o->source, &aopt, &topt, (int)o->jobs, &a, &whole)) {
		tally_free(t);
		t = whole;
	} else {
		struct source *src = source_open(form, data, n, &o->source);
		if (!src) {
			tally_free(t);
			o->source.scope = NULL;
			g_free(scope);
			return EXIT_DATA;
		}
		a = analysis_new(form, &aopt);
		rc = analysis_read(a, src, count_included, t, &problems);
		source_close(src);
	}
	int status = EXIT_DATA;
	if (rc == 0 && problems) {
		/*
		 * TRANSLATORS: %d counts the problems found in the replies; "quire
		 * validate" is a command: keep it.
		 */
		msg_error(EP_("%d problem in the data; nothing written (run quire validate)",
			      "%d problems in the data; nothing written (run quire validate)",
			      problems), problems);
	} else if (rc == 0) {
		tally_finish(t, &o->fisher);
		tally_disclose(t, o->small_cell);
		status = write_output(t, a, o, lang,
				      roster ? (long)roster_count(roster, a->day) : -1);
	}
	analysis_free(a);
	tally_free(t);
	o->source.scope = NULL;
	g_free(scope);
	return status;
}

/* Resolves the -q names to question indexes; returns false after a usage error. */
static bool resolve_questions(const struct form *form, struct options *o)
{
	for (guint i = 0; i < o->names->len; i++) {
		const char *name = g_ptr_array_index(o->names, i);
		const struct form_question *q = form_question(form, name);
		char *paths = q ? NULL : form_shared_paths(form, name);
		if (paths) {
			/*
			 * TRANSLATORS: %s is the name given with -q, then the paths of the
			 * questions it may name ("g1/q, g2/q").
			 */
			cli_usage_error("tab", "-q: '%s' names questions in different groups: %s",
					name, paths);
			g_free(paths);
			return false;
		}
		if (!q) {
			cli_usage_error("tab", "-q: the form has no question '%s'", name);
			return false;
		}
		if (form_question_uncomputed(q)) {
			cli_usage_error("tab", "-q: the calculation of '%s' is not computed: quire "
					"cannot evaluate it", name);
			return false;
		}
		g_array_append_val(o->questions, q->index);
	}
	return true;
}

static int run(struct options *o, char *const *args, int n_args)
{
	if (isodate_now(NULL) != 0)	/* an invalid SOURCE_DATE_EPOCH */
		return EXIT_DATA;
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
		{ "jobs", required_argument, NULL, 'j' },
		{ "validate-all", no_argument, NULL, 'V' },
		{ "small-cell", required_argument, NULL, 's' },
		{ "fisher-exact-limit", required_argument, NULL, 'F' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;
	unsigned long limit;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "q:j:o:h", options, NULL)) != -1) {
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
		case 'V': o->validate_all = true; break;
		case 'j':
			if (!cli_count(optarg, "--jobs", "tab", 1, 64, &o->jobs))
				return EXIT_USAGE;
			break;
		case 's':
			if (!cli_count(optarg, "--small-cell", "tab", 1, 1000000, &o->small_cell))
				return EXIT_USAGE;
			break;
		case 'F':
			if (!cli_count(optarg, "--fisher-exact-limit", "tab", 1, ULONG_MAX,
				       &limit))
				return EXIT_USAGE;
			o->fisher.max_work = limit;
			break;
		default: return cli_common_option(opt, "tab", usage);
		}
	}
	if (strcmp(o->format, "text") != 0 && strcmp(o->format, "csv") != 0 &&
	    strcmp(o->format, "json") != 0)
		return cli_usage_error("tab", "--format must be text, csv or json, not '%s'",
				       o->format);
	if (argc - optind < 2)
		/* Each marked: of a ?: argument, xgettext takes only the first. */
		return cli_usage_error("tab",
				       argc - optind ? N_("missing DATA") : N_("missing FORM"));
	return -1;
}

int cmd_tab(int argc, char **argv)
{
	struct options o = { g_array_new(FALSE, FALSE, sizeof(int)), g_ptr_array_new(), NULL, NULL,
			     "text", NULL, "-", INT_MAX, 0, 0, false, { 0, 0, 0 },
			     { NULL, true, NULL } };
	o.jobs = (unsigned long)CLAMP(g_get_num_processors(), 1, 64);	/* --jobs's range */
	int status = parse(argc, argv, &o);
	if (status < 0)
		status = run(&o, argv + optind, argc - optind);
	g_array_free(o.questions, TRUE);
	g_ptr_array_free(o.names, TRUE);
	return status;
}
