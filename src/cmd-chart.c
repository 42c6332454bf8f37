/* cmd-chart.c - quire chart: one question (or the replies' arrival) as a chart */
#include <config.h>

#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "cli.h"
#include "cmd.h"
#include "form.h"
#include "isodate.h"
#include "msg.h"
#include "response.h"
#include "roster.h"
#include "source.h"
#include "tally.h"

static const char usage[] =
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
	"      --roster FILE      the roster, for --by on a roster column and for\n"
	"                         the number of States asked\n"
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
	"shares may sum past 100%; the chart's note says so.\n";

#define DOTPLOT_MAX 30		/* numbers from at most this many States: a dot plot */

struct options {
	const char *question, *by, *type, *label, *lang, *roster, *output;
	int cutoff;
	double width;
	struct source_options source;
};

/* What was read: the tally, the replies' dates, and per --by group the States answering. */
struct reading {
	struct tally *tally;
	struct chart *timeline;	/* dates are added here as they are read, or NULL */
	unsigned long *answering;	/* per by value, for select_multiple; or NULL */
	int problems;
};

static const char *plural(unsigned long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* Checks */

static bool is_numeric(const struct form_question *q)
{
	return q->kind == FORM_INTEGER || q->kind == FORM_DECIMAL || q->kind == FORM_RANGE;
}

static bool is_select(const struct form_question *q)
{
	return q->kind == FORM_SELECT_ONE || q->kind == FORM_SELECT_MULTIPLE;
}

/*
 * Whether TYPE suits question Q (NULL for a timeline) and --by; on a
 * mismatch prints a usage error that says what would.
 */
static bool type_fits(enum chart_type type, const struct form_question *q, const char *by)
{
	const char *name = chart_type_name(type);
	if (type == CHART_TIMELINE)
		return true;
	if (!is_select(q) && !is_numeric(q)) {
		cli_usage_error("chart", "'%s' is a %s question; charts take select_one, "
				"select_multiple, integer, decimal and range questions", q->name,
				form_kind_name(q->kind));
		return false;
	}
	bool crossed = type == CHART_STACKED || type == CHART_GROUPED;
	bool numbers = type == CHART_HISTOGRAM || type == CHART_DOTPLOT;
	if (numbers != is_numeric(q)) {
		cli_usage_error("chart", "--type %s does not suit '%s', a %s question; use %s",
				name, q->name, form_kind_name(q->kind),
				is_numeric(q) ? "histogram or dotplot" : "bar, pie or donut");
		return false;
	}
	if (by && !crossed) {
		cli_usage_error("chart", "--by needs --type stacked or grouped, not %s", name);
		return false;
	}
	if (!by && crossed) {
		cli_usage_error("chart", "--type %s needs --by", name);
		return false;
	}
	if (by && strcmp(by, q->name) == 0) {
		cli_usage_error("chart", "--by names the question charted, '%s'", by);
		return false;
	}
	bool multiple = q->kind == FORM_SELECT_MULTIPLE;
	if (multiple && (type == CHART_STACKED || type == CHART_PIE || type == CHART_DONUT)) {
		cli_usage_error("chart", "--type %s adds up to 100%%, but the shares of '%s', a "
				"select_multiple, may sum past it; use %s", name, q->name,
				type == CHART_STACKED ? "grouped" : "bar");
		return false;
	}
	if ((type == CHART_PIE || type == CHART_DONUT) && q->list->choices->len > CHART_PIE_MAX) {
		cli_usage_error("chart", "a %s shows at most %d choices and '%s' has %u; use bar",
				name, CHART_PIE_MAX, q->name, q->list->choices->len);
		return false;
	}
	return true;
}

/* Reading */

static void add_date(struct reading *rd, const struct resp_reply *r, bool late)
{
	int day;
	const char *s = r->meta[RESP_SUBMITTED] ? r->meta[RESP_SUBMITTED] : "";
	long row = r->meta_row[RESP_SUBMITTED] ? r->meta_row[RESP_SUBMITTED] : r->row;
	if (!isodate_parse(s, &day)) {
		msg_error_at(r->file, row, "_submitted: '%s' is not a date (YYYY-MM-DD)", s);
		rd->problems++;
		return;
	}
	chart_add_date(rd->timeline, day, late);
}

static void count_group(struct reading *rd, const char *value)
{
	guint k = *value ? GPOINTER_TO_UINT(g_hash_table_lookup(rd->tally->by_index, value)) : 0;
	if (k)
		rd->answering[k - 1]++;
}

/*
 * Counts reply R in each --by group it falls in, if it answered question
 * Q: the base of each group's shares when Q is a select_multiple, whose
 * crosstab cells do not add up to it.
 */
static void count_answering(struct reading *rd, const struct resp_reply *r, struct resp_eval *ev,
			    const struct form_question *q)
{
	const struct tally *t = rd->tally;
	resp_eval_run(ev, r->values);
	if (!ev->value[q->index])
		return;
	if (t->by_column >= 0) {
		const struct roster_member *m;
		m = roster_find(t->opt.roster, r->meta[RESP_RESPONDENT]);
		if (m)
			count_group(rd, m->cells[t->by_column]);
		return;
	}
	const char *v = ev->value[t->by_question->index];
	if (!v)
		return;
	char **tokens = g_strsplit_set(v, " ", -1);
	for (char **tok = tokens; *tok; tok++)
		count_group(rd, *tok);
	g_strfreev(tokens);
}

static int read_data(struct reading *rd, const struct form *form, char *const *data, int n,
		     const struct options *o, const struct form_question *q)
{
	struct source *src = source_open(form, data, n, &o->source);
	if (!src)
		return -1;
	struct resp_eval *ev = resp_eval_new(form);
	struct resp_reply *reply;
	int rc;
	while ((rc = source_next(src, &reply, &rd->problems)) == 1) {
		unsigned long included = rd->tally->included, late = rd->tally->late;
		tally_add(rd->tally, reply, ev);
		bool in = rd->tally->included > included;
		if (rd->timeline && (in || rd->tally->late > late))
			add_date(rd, reply, !in);
		if (rd->answering && in)
			count_answering(rd, reply, ev, q);
	}
	resp_eval_free(ev);
	source_close(src);
	rd->problems += rd->tally->problems;
	return rc < 0 || rd->problems ? -1 : 0;
}

/* Building the chart */

static char *date_text(int day)
{
	char buf[ISODATE_BUFSIZE];
	isodate_format(day, buf);
	return g_strdup(buf);
}

/* "2 replies received after 2019-06-30 are not included." or NULL. */
static char *late_note(const struct tally *t, const struct options *o)
{
	if (!t->late)
		return NULL;
	char *date = date_text(o->cutoff);
	char *s = g_strdup_printf("%lu %s received after %s %s not included.", t->late,
				  plural(t->late, "reply", "replies"), date,
				  plural(t->late, "is", "are"));
	g_free(date);
	return s;
}

/*
 * The base: "n = 9 replying States" when every included State answered;
 * otherwise "n = 7 States that answered, of 9 replying (not asked: 2; no
 * answer: 0)", with the zero parts left out.
 */
static char *base_text(const struct tally *t, const struct tally_question *tq, const char *what)
{
	if (tq->answered == t->included)
		return g_strdup_printf("n = %lu replying %s", t->included,
				       plural(t->included, "State", "States"));
	GString *s = g_string_new(NULL);
	g_string_printf(s, "n = %lu %s %s, of %lu replying", tq->answered,
			plural(tq->answered, "State", "States"), what, t->included);
	if (tq->not_applicable && tq->no_answer)
		g_string_append_printf(s, " (not asked: %lu; no answer: %lu)", tq->not_applicable,
				       tq->no_answer);
	else if (tq->not_applicable)
		g_string_append_printf(s, " (not asked: %lu)", tq->not_applicable);
	else if (tq->no_answer)
		g_string_append_printf(s, " (no answer: %lu)", tq->no_answer);
	return g_string_free(s, FALSE);
}

static void set_note(struct chart *c, char *a, char *b)
{
	char *note = a && b ? g_strconcat(a, " ", b, NULL) : g_strdup(a ? a : b);
	chart_set_note(c, note);
	g_free(note);
	g_free(a);
	g_free(b);
}

static void set_title(struct chart *c, const struct form *form, const struct form_question *q,
		      int lang)
{
	const char *label = form_label(form, q, lang);
	char *title = q->number ? g_strdup_printf("%s %s", q->number, label) : g_strdup(label);
	chart_set_title(c, title);
	g_free(title);
}

static void add_choices(struct chart *c, const struct form *form, const struct form_question *q,
			int lang)
{
	for (guint k = 0; k < q->list->choices->len; k++) {
		const struct form_choice *ch = g_ptr_array_index(q->list->choices, k);
		chart_add_category(c, form_choice_label(form, ch, lang));
	}
}

static char *multiple_note(const struct form_question *q, const struct tally_question *tq)
{
	if (q->kind != FORM_SELECT_MULTIPLE)
		return NULL;
	return g_strdup_printf("States could choose more than one answer: each share is of the "
			       "%lu %s that answered, so shares may sum past 100%%.", tq->answered,
			       plural(tq->answered, "State", "States"));
}

static void build_choices(struct chart *c, const struct tally *t, const struct tally_question *tq,
			  int lang)
{
	add_choices(c, t->form, tq->q, lang);
	chart_add_series(c, NULL, (double)tq->answered);
	for (size_t k = 0; k < tq->n_choices; k++)
		chart_set_value(c, 0, k, (double)tq->counts[k]);
	char *base = base_text(t, tq, "that answered");
	chart_set_base(c, base);
	g_free(base);
}

static const char *by_label(const struct tally *t, const struct tally_by_value *v, int lang)
{
	if (!t->by_question)
		return v->value;
	const struct form_choice *ch = form_choice(t->by_question->list, v->value);
	return ch ? form_choice_label(t->form, ch, lang) : v->value;
}

static void build_crossed(struct chart *c, const struct reading *rd,
			  const struct tally_question *tq, int lang, const char *by)
{
	const struct tally *t = rd->tally;
	const struct tally_cross *x = tq->cross;
	add_choices(c, t->form, tq->q, lang);
	for (size_t col = 0; col < x->n_cols; col++) {
		double n = 0;
		for (size_t row = 0; row < x->n_rows; row++)
			n += (double)x->cells[row * x->n_cols + col];
		if (rd->answering)
			n = (double)rd->answering[col];
		const struct tally_by_value *v = g_ptr_array_index(t->by_values, col);
		size_t s = chart_add_series(c, by_label(t, v, lang), n);
		for (size_t row = 0; row < x->n_rows; row++)
			chart_set_value(c, s, row, (double)x->cells[row * x->n_cols + col]);
	}
	GString *base = g_string_new(NULL);
	if (tq->answered == t->included)
		g_string_printf(base, "n = %lu replying %s, by %s", t->included,
				plural(t->included, "State", "States"), by);
	else
		g_string_printf(base, "n = %lu %s that answered, of %lu replying, by %s",
				tq->answered, plural(tq->answered, "State", "States"), t->included,
				by);
	if (x->n < tq->answered)
		g_string_append_printf(base, "; %lu with no %s not shown", tq->answered - x->n, by);
	chart_set_base(c, base->str);
	g_string_free(base, TRUE);
}

/* The median of the answers, R's type 7 (the middle one, or the mean of the two). */
static double runs_median(const double *values, const double *counts, size_t n, double total)
{
	double lo = floor((total - 1) / 2), hi = ceil((total - 1) / 2), seen = 0;
	double at_lo = 0, at_hi = 0;
	for (size_t i = 0; i < n; i++) {
		if (seen <= lo && lo < seen + counts[i])
			at_lo = values[i];
		if (seen <= hi && hi < seen + counts[i])
			at_hi = values[i];
		seen += counts[i];
	}
	return (at_lo + at_hi) / 2;
}

static char *numbers_note(const double *values, const double *counts, size_t n, double total,
			  bool dots)
{
	if (!n)
		return NULL;
	char med[32], lo[32], hi[32];
	g_snprintf(med, sizeof med, "%.10g", runs_median(values, counts, n, total));
	g_snprintf(lo, sizeof lo, "%.10g", values[0]);
	g_snprintf(hi, sizeof hi, "%.10g", values[n - 1]);
	const char *dot = dots ? "Each dot is one State. " : "";
	if (n == 1)
		return g_strdup_printf("%sEvery answer was %s.", dot, med);
	return g_strdup_printf("%sMedian %s; range %s to %s.", dot, med, lo, hi);
}

/* Adds the runs of TQ to C; returns the note: the median and range. */
static char *build_numbers(struct chart *c, const struct tally *t, const struct tally_question *tq)
{
	double *values, *counts, total = 0;
	size_t n;
	tally_numbers(tq, &values, &counts, &n);
	for (size_t i = 0; i < n; i++) {
		chart_add_run(c, values[i], counts[i]);
		total += counts[i];
	}
	char *base = base_text(t, tq, "that gave a number");
	chart_set_base(c, base);
	g_free(base);
	char *note = numbers_note(values, counts, n, total, chart_type(c) == CHART_DOTPLOT);
	g_free(values);
	g_free(counts);
	return note;
}

static void build_timeline(struct chart *c, const struct tally *t, const struct roster *roster,
			   const struct options *o)
{
	unsigned long replies = t->included + t->late;
	chart_set_title(c, "Replies received");
	char *base;
	if (roster) {
		int day = o->cutoff != INT_MAX ? o->cutoff : isodate_today();
		unsigned members = roster_count(roster, day);
		base = g_strdup_printf("%lu %s from the %u %s on the roster", replies,
				       plural(replies, "reply", "replies"), members,
				       plural(members, "State", "States"));
	} else {
		base = g_strdup_printf("n = %lu %s", replies, plural(replies, "reply", "replies"));
	}
	chart_set_base(c, base);
	g_free(base);
	if (o->cutoff != INT_MAX) {
		chart_set_cutoff(c, o->cutoff);
		if (t->late)
			chart_set_note(c, "Late replies, received after the cut-off, are not "
				       "included in the figures.");
	}
}

/* The type to draw when --type is not given, ANSWERED States having answered Q. */
static enum chart_type default_type(const struct form_question *q, unsigned long answered,
				    const char *by)
{
	if (is_numeric(q))
		return answered <= DOTPLOT_MAX ? CHART_DOTPLOT : CHART_HISTOGRAM;
	if (by)
		return q->kind == FORM_SELECT_MULTIPLE ? CHART_GROUPED : CHART_STACKED;
	return CHART_BAR;
}

static struct chart *build(const struct reading *rd, const struct form_question *q,
			   enum chart_type type, int lang, const struct options *o)
{
	const struct tally *t = rd->tally;
	const struct tally_question *tq = g_ptr_array_index(t->questions, 0);
	struct chart *c = chart_new(type);
	chart_set_label(c, strcmp(o->label, "percent") == 0 ? CHART_LABEL_PERCENT
							    : CHART_LABEL_COUNT);
	set_title(c, t->form, q, lang);
	if (type == CHART_HISTOGRAM || type == CHART_DOTPLOT) {
		set_note(c, build_numbers(c, t, tq), late_note(t, o));
	} else if (type == CHART_STACKED || type == CHART_GROUPED) {
		build_crossed(c, rd, tq, lang, o->by);
		set_note(c, multiple_note(q, tq), late_note(t, o));
	} else {
		build_choices(c, t, tq, lang);
		set_note(c, multiple_note(q, tq), late_note(t, o));
	}
	return c;
}

/* Running */

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
	struct reading rd = { tally_new(form, &topt), NULL, NULL, 0 };
	int status = EXIT_DATA;
	if (!rd.tally)
		goto done;
	if (type == CHART_TIMELINE)
		rd.timeline = chart_new(CHART_TIMELINE);
	if (q && o->by && q->kind == FORM_SELECT_MULTIPLE)
		rd.answering = g_new0(unsigned long, rd.tally->by_values->len + 1);
	if (read_data(&rd, form, data, n, o, q) == 0) {
		struct chart *c = rd.timeline;
		if (type == CHART_TIMELINE) {
			build_timeline(c, rd.tally, roster, o);
		} else {
			const struct tally_question *tq = g_ptr_array_index(rd.tally->questions, 0);
			if (!has_type)
				type = default_type(q, tq->answered, o->by);
			c = build(&rd, q, type, lang, o);
		}
		status = chart_write(c, o->output, o->width, 0) == 0 ? EXIT_OK : EXIT_DATA;
		if (c != rd.timeline)
			chart_free(c);
	}
	chart_free(rd.timeline);
	g_free(rd.answering);
done:
	tally_free(rd.tally);
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
		return cli_usage_error("chart", n_args ? "missing DATA" : "missing FORM");
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
			     { NULL, true } };
	int status = parse(argc, argv, &o);
	if (status >= 0)
		return status;
	bool has_type;
	enum chart_type type = CHART_BAR;
	if ((status = check_options(&o, argc - optind, &has_type, &type)) >= 0)
		return status;
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
		if (!q) {
			cli_usage_error("chart", "the form has no question '%s'", o.question);
			goto done;
		}
		if (!type_fits(has_type ? type : default_type(q, 0, o.by), q, o.by))
			goto done;
	}
	status = run(form, roster, argv + optind + 1, argc - optind - 1, &o, q, has_type, type);
done:
	roster_free(roster);
	form_free(form);
	chart_release_caches();
	return status;
}
