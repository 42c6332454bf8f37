/* cmd-chart.c - quire chart: one question (or the replies' arrival) as a chart */
#include <config.h>

#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "chart.h"
#include "cli.h"
#include "cmd.h"
#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "msg.h"
#include "qchart.h"
#include "response.h"
#include "roster.h"
#include "source.h"
#include "tally.h"

static const char *const usage = N_(
	/*
	 * TRANSLATORS: the --help of quire chart.  Keep the commands, the options,
	 * the file, column and setting names, and the layout: the descriptions in
	 * one column, lines no longer than the English.  FORM, DATA and the like
	 * may be translated.
	 */
	"Usage: quire chart [OPTIONS] FORM DATA... -q NAME -o FILE\n"
	"       quire chart [OPTIONS] FORM DATA... --type timeline -o FILE\n"
	"Draw one question's answers, or the replies' arrival over time, as a chart.\n"
	"The format follows FILE's extension: .png (2 pixels a point), .svg or .pdf.\n"
	"\n"
	"Options:\n"
	"  -q, --question NAME    the question to chart\n"
	"      --by NAME          break the answers down by a select_one or\n"
	"                         select_multiple question or a roster column\n"
	"      --type TYPE        bar: a bar per choice (default for select questions)\n"
	"                         stacked: a 100% bar per group of --by (default with\n"
	"                           --by; select_one only)\n"
	"                         grouped: per choice, a bar per group of --by (default\n"
	"                           with --by for select_multiple)\n"
	"                         pie, donut: select_one with at most 6 choices\n"
	"                         histogram: numeric answers in 1-2-5 bins\n"
	"                         dotplot: a dot per numeric answer (default for\n"
	"                           numbers when at most 30 States answered)\n"
	"                         timeline: replies received by date (_submitted),\n"
	"                           cumulated, with the cut-off; ignores -q\n"
	"      --label STYLE      label bars 'count' (\"7 of 9\", default) or\n"
	"                         'percent' (\"78%\")\n"
	"      --lang LANG        the language of the labels (default: the form's)\n"
	"      --roster FILE      the roster: replies from codes not on it, or not\n"
	"                         members on the cut-off date, are left out; --by may\n"
	"                         name its columns\n"
	"      --cutoff DATE      replies received after DATE (YYYY-MM-DD) are late:\n"
	"                         left out of the counts, shown apart on a timeline\n"
	"      --width POINTS     the chart's width (default 480); the height follows\n"
	"                         from the content\n"
	"      --id-column COL    wide exports: the column holding the respondent code\n"
	"  -o, --output FILE      write the chart to FILE (required)\n"
	"  -h, --help             show this help\n"
	"\n"
	"Every chart states its base, the number of States the figures are out of.\n"
	"For select_multiple, each choice's share is of the States that answered, so\n"
	"shares may sum past 100%; the chart's note says so.  The replies charted\n"
	"are those quire tab counts: valid, complete, on time and from members.\n");

struct options {
	const char *question, *by, *type, *label, *lang, *roster, *output;
	int cutoff;
	double width;
	struct source_options source;
};

static void count_included(void *data, const struct resp_reply *r, enum analysis_reason reason,
			   const struct resp_eval *ev)
{
	if (reason == ANALYSIS_INCLUDED)
		tally_add(data, r, ev);
}

/* The chart of the data read into T and A. */
static struct chart *build(const struct tally *t, const struct analysis *a,
			   const struct roster *roster, const struct form_question *q,
			   bool has_type, enum chart_type type, const struct options *o, int lang)
{
	struct qchart_options qo = {
		lang, strcmp(o->label, "percent") == 0 ? CHART_LABEL_PERCENT : CHART_LABEL_COUNT,
		NULL, NULL, a,
	};
	if (has_type && type == CHART_TIMELINE)
		return qchart_timeline(a, roster ? (long)roster_count(roster, a->day) : -1, &qo);
	const struct tally_question *tq = g_ptr_array_index(t->questions, 0);
	if (!has_type)
		type = qchart_default_type(q, tq->answered, o->by != NULL);
	if (o->by)
		return qchart_crosstab(t, tq, type, o->by, &qo);
	return qchart_question(t, tq, type, &qo);
}

static int run(const struct form *form, const struct roster *roster, char *const *data, int n,
	       const struct options *o, const struct form_question *q, bool has_type,
	       enum chart_type type)
{
	int lang = cli_lang(form, o->lang, "chart");
	if (lang < 0)
		return EXIT_USAGE;
	struct tally_options topt = { roster, o->cutoff, q ? o->by : NULL, false, NULL, false };
	topt.questions = g_array_new(FALSE, FALSE, sizeof(int));
	if (q)
		g_array_append_val(topt.questions, q->index);
	GError *error = NULL;
	struct tally *t = tally_new(form, &topt, &error);
	int status = EXIT_USAGE;
	struct source *src = NULL;
	struct analysis *a = NULL;
	if (!t) {
		/* TRANSLATORS: %s says why the --by is refused ("'x' is a text question; ..."). */
		cli_usage_error("chart", "--by: %s", error->message);
		g_error_free(error);
		goto done;
	}
	status = EXIT_DATA;
	if (!(src = source_open(form, data, n, &o->source)))
		goto done;
	struct analysis_options aopt = { roster, o->cutoff, lang, true, NULL };
	a = analysis_new(form, &aopt);
	int problems = 0;
	if (analysis_read(a, src, count_included, t, &problems) < 0)
		goto done;
	if (problems) {
		/*
		 * TRANSLATORS: %d counts the problems found in the replies; "quire
		 * validate" is a command: keep it.
		 */
		msg_error(EP_("%d problem in the data; no chart drawn (run quire validate)",
			      "%d problems in the data; no chart drawn (run quire validate)",
			      problems), problems);
		goto done;
	}
	tally_finish(t, NULL);
	struct chart *c = build(t, a, roster, q, has_type, type, o, lang);
	status = chart_write(c, o->output, o->width, 0) == 0 ? EXIT_OK : EXIT_DATA;
	chart_free(c);
done:
	source_close(src);
	analysis_free(a);
	tally_free(t);
	g_array_free(topt.questions, TRUE);
	return status;
}

static int parse(int argc, char **argv, struct options *o)
{
	static const struct option options[] = {
		{ "question", required_argument, NULL, 'q' },
		{ "by", required_argument, NULL, 'b' },
		{ "type", required_argument, NULL, 't' },
		{ "label", required_argument, NULL, 'l' },
		{ "lang", required_argument, NULL, 'L' },
		{ "roster", required_argument, NULL, 'r' },
		{ "cutoff", required_argument, NULL, 'c' },
		{ "width", required_argument, NULL, 'w' },
		{ "id-column", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;
	char *end;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "q:o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'q': o->question = optarg; break;
		case 'b': o->by = optarg; break;
		case 't': o->type = optarg; break;
		case 'l': o->label = optarg; break;
		case 'L': o->lang = optarg; break;
		case 'r': o->roster = optarg; break;
		case 'c':
			if (!cli_date(optarg, "--cutoff", "chart", &o->cutoff))
				return EXIT_USAGE;
			break;
		case 'w':
			o->width = strtod(optarg, &end);
			if (*end || end == optarg || !(o->width >= 100 && o->width <= 5000))
				return cli_usage_error("chart", "--width: '%s' is not a width in "
						       "points from 100 to 5000", optarg);
			break;
		case 'i': o->source.id_column = optarg; break;
		case 'o': o->output = optarg; break;
		default: return cli_common_option(opt, "chart", usage);
		}
	}
	return -1;
}

/* The checks that need no data; returns -1 when all passed, else the exit status. */
static int check_options(const struct options *o, int n_args, bool *has_type,
			 enum chart_type *type)
{
	*has_type = o->type != NULL;
	if (o->type && !chart_type_from_name(o->type, type))
		return cli_usage_error("chart", "--type must be bar, stacked, grouped, pie, donut, "
				       "histogram, dotplot or timeline, not '%s'", o->type);
	if (strcmp(o->label, "count") != 0 && strcmp(o->label, "percent") != 0)
		return cli_usage_error("chart", "--label must be count or percent, not '%s'",
				       o->label);
	if (n_args < 2)
		/* Each marked: of a ?: argument, xgettext takes only the first. */
		return cli_usage_error("chart", n_args ? N_("missing DATA") : N_("missing FORM"));
	if (!o->output)
		return cli_usage_error("chart", "missing -o FILE");
	if (chart_format_from_path(o->output) == CHART_FORMAT_NONE)
		return cli_usage_error("chart", "-o: '%s' must end in .png, .svg or .pdf",
				       o->output);
	if (!o->question && !(*has_type && *type == CHART_TIMELINE))
		return cli_usage_error("chart", "missing -q NAME (or --type timeline)");
	return -1;
}

int cmd_chart(int argc, char **argv)
{
	struct options o = { NULL, NULL, NULL, "count", NULL, NULL, NULL, INT_MAX, 480,
			     { NULL, true, NULL } };
	int status = parse(argc, argv, &o);
	if (status >= 0)
		return status;
	bool has_type;
	enum chart_type type = CHART_BAR;
	if ((status = check_options(&o, argc - optind, &has_type, &type)) >= 0)
		return status;
	if (isodate_now(NULL) != 0)	/* an invalid SOURCE_DATE_EPOCH */
		return EXIT_DATA;
	struct form *form = form_load(argv[optind]);
	if (!form)
		return EXIT_DATA;
	struct roster *roster = o.roster ? roster_load(o.roster) : NULL;
	const struct form_question *q = NULL;
	status = EXIT_DATA;
	if (o.roster && !roster)
		goto done;
	if (has_type && type == CHART_TIMELINE) {
		o.by = NULL;
	} else {
		q = form_question(form, o.question);
		status = EXIT_USAGE;
		char *paths = q ? NULL : form_shared_paths(form, o.question);
		if (paths) {
			/*
			 * TRANSLATORS: %s is the name given with -q, then the paths of the
			 * questions it may name ("g1/q, g2/q").
			 */
			cli_usage_error("chart", "'%s' names questions in different groups: %s",
					o.question, paths);
			g_free(paths);
			goto done;
		}
		if (!q) {
			cli_usage_error("chart", "the form has no question '%s'", o.question);
			goto done;
		}
		if (form_question_uncomputed(q)) {
			cli_usage_error("chart", "the calculation of '%s' is not computed: quire "
					"cannot evaluate it", o.question);
			goto done;
		}
		if (o.by && strcmp(o.by, form_question_key(q)) == 0) {
			/* TRANSLATORS: %s is the question's name, given with both -q and --by. */
			cli_usage_error("chart", "--by names the question charted, '%s'", o.by);
			goto done;
		}
		GError *error = NULL;
		if (!qchart_check_type(has_type ? type : qchart_default_type(q, 0, o.by != NULL), q,
				       o.by != NULL, &error)) {
			if (has_type && error->code != QCHART_ERROR_KIND)
				/*
				 * TRANSLATORS: %s is the chart type given with --type ("pie"),
				 * then why it does not fit the question, a phrase that follows
				 * it ("shows at most 6 choices and 'q' has 12; use bar").
				 */
				cli_usage_error("chart", "--type %s %s", o.type, error->message);
			else
				/* TRANSLATORS: a message translated already: keep "%s" as it is. */
				cli_usage_error("chart", "%s", error->message);
			g_error_free(error);
			goto done;
		}
	}
	status = run(form, roster, argv + optind + 1, argc - optind - 1, &o, q, has_type, type);
done:
	roster_free(roster);
	form_free(form);
	chart_release_caches();
	return status;
}
