/* cmd-report.c - quire report: the Working Group report as PDF or Word */
#include <config.h>

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "cli.h"
#include "cmd.h"
#include "i18n.h"
#include "isodate.h"
#include "rdef.h"
#include "report.h"

static const char *const usage = N_(
	/*
	 * TRANSLATORS: the --help of quire report.  Keep the commands, the options,
	 * the file, column and setting names, and the layout: the descriptions in
	 * one column, lines no longer than the English.  FORM, DATA and the like
	 * may be translated.
	 */
	"Usage: quire report [OPTIONS] DEFINITION.ini\n"
	"       quire report [OPTIONS] FORM DATA...\n"
	"Write the Working Group report: a cover, the summary of replies with the\n"
	"reply timeline and the response rate by roster group, one numbered section\n"
	"per part of the form with a drafted sentence, a chart and a table for each\n"
	"question, the crosstabs the definition asks for with their tests, and\n"
	"annexes (the replying States, the texts of the answers, methodology and the\n"
	"SHA-256 of every input).  The report is made only from valid replies.\n"
	"The definition file format is described in quire(1) and the README.\n"
	"\n"
	"Options (they override the definition):\n"
	"  -o, --output FILE      the PDF or Word document to write, by its extension\n"
	"                         (.pdf or .docx; default: the definition's name\n"
	"                         with .pdf, or report.pdf)\n"
	"      --cutoff DATE      leave out replies received after DATE (YYYY-MM-DD)\n"
	"      --roster FILE      the roster of States asked\n"
	"      --lang LANG        the document's language: the form's labels and\n"
	"                         quire's own words; every text it needs must be\n"
	"                         there in LANG, or the report is refused with\n"
	"                         the list of what is missing\n"
	"      --allow-fallback   make the document all the same, as a draft, with\n"
	"                         each text that is not in LANG marked [en]\n"
	"      --anonymous        do not say which States replied\n"
	"      --letter           US Letter paper instead of A4\n"
	"      --fingerprints     print, for each paragraph of the body, the figures it\n"
	"                         states, as a [paragraph NAME] block for the\n"
	"                         definition, and write no document: with figures =\n"
	"                         beside a text of the Rapporteur's, a later run warns\n"
	"                         when the replies no longer give those figures\n"
	"  -h, --help             show this help\n"
	"\n"
	"SOURCE_DATE_EPOCH fixes every date in the document: two runs then give\n"
	"byte-identical files.\n");

struct overrides {
	const char *output, *roster, *lang;
	int cutoff;
	bool anonymous, letter, allow_fallback;
};

static void set(char **field, const char *value)
{
	if (value) {
		g_free(*field);
		*field = g_strdup(value);
	}
}

static void apply(struct rdef *def, const struct overrides *o)
{
	set(&def->output, o->output);
	set(&def->roster, o->roster);
	set(&def->language, o->lang);
	if (o->cutoff != INT_MAX)
		def->cutoff = o->cutoff;
	def->anonymous |= o->anonymous;
	def->letter |= o->letter;
	def->allow_fallback |= o->allow_fallback;
}

/* "quire report FORM DATA...": a definition with the defaults. */
static struct rdef *from_arguments(char **args, int n)
{
	struct rdef *def = rdef_new();
	def->form = g_strdup(args[0]);
	g_strfreev(def->data);
	def->data = g_new0(char *, (size_t)n);
	for (int i = 1; i < n; i++)
		def->data[i - 1] = g_strdup(args[i]);
	def->output = g_strdup("report.pdf");
	return def;
}

int cmd_report(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "cutoff", required_argument, NULL, 'c' },
		{ "roster", required_argument, NULL, 'r' },
		{ "lang", required_argument, NULL, 'l' },
		{ "anonymous", no_argument, NULL, 'a' },
		{ "letter", no_argument, NULL, 'L' },
		{ "fingerprints", no_argument, NULL, 'F' },
		{ "allow-fallback", no_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct overrides o = { NULL, NULL, NULL, INT_MAX, false, false, false };
	bool fingerprints = false;
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'o': o.output = optarg; break;
		case 'c':
			if (!cli_date(optarg, "--cutoff", "report", &o.cutoff))
				return EXIT_USAGE;
			break;
		case 'r': o.roster = optarg; break;
		case 'l': o.lang = optarg; break;
		case 'a': o.anonymous = true; break;
		case 'L': o.letter = true; break;
		case 'F': fingerprints = true; break;
		case 'A': o.allow_fallback = true; break;
		default: return cli_common_option(opt, "report", usage);
		}
	}
	int n = argc - optind;
	if (n < 1)
		return cli_usage_error("report", "missing DEFINITION.ini, or FORM and DATA");
	bool definition = n == 1 && g_str_has_suffix(argv[optind], ".ini");
	if (!definition && n < 2)
		return cli_usage_error("report", "missing DATA (or give a DEFINITION.ini)");
	if (isodate_now(NULL) != 0)	/* an invalid SOURCE_DATE_EPOCH */
		return EXIT_DATA;
	struct rdef *def = definition ? rdef_load(argv[optind]) : from_arguments(argv + optind, n);
	if (!def)
		return EXIT_DATA;
	apply(def, &o);
	int status;
	if (fingerprints)
		status = report_fingerprints(def, stdout) == 0 ? EXIT_OK : EXIT_DATA;	/* main() checks stdout */
	else
		status = report_write(def) == 0 ? EXIT_OK : EXIT_DATA;
	rdef_free(def);
	chart_release_caches();
	return status;
}
