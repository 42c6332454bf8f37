/* cmd-status.c - quire status: who replied and when, who is late, who has not replied */
#include <config.h>

#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "atomic.h"
#include "cli.h"
#include "cmd.h"
#include "csvio.h"
#include "figure.h"
#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "msg.h"
#include "response.h"
#include "roster.h"
#include "source.h"
#include "status.h"
#include "textcol.h"

static const char *const usage = N_(
	/*
	 * TRANSLATORS: the --help of quire status.  Keep the commands, the options,
	 * the file, column and setting names, and the layout: the descriptions in
	 * one column, lines no longer than the English.  FORM, DATA and the like
	 * may be translated.
	 */
	"Usage: quire status [OPTIONS] FORM DATA --roster FILE\n"
	"Who replied and when, who replied after the cut-off, who has not replied,\n"
	"and the replies left out of the figures: from codes not on the roster, from\n"
	"States not members on the cut-off date, marked incomplete, or invalid (as\n"
	"quire validate reports them); the response rate overall and by roster group.\n"
	"\n"
	"Options:\n"
	"      --roster FILE      the roster of States asked (required)\n"
	"      --cutoff DATE      replies received after DATE (YYYY-MM-DD) are late;\n"
	"                         membership is taken on DATE (default: today)\n"
	"      --by COLUMN        roster column for the rates by group (default: every\n"
	"                         grouping column of the roster)\n"
	"      --format FORMAT    text (default), csv or json\n"
	"      --id-column COL    wide exports: the column holding the respondent code\n"
	"  -o, --output FILE      write to FILE (default: standard output)\n"
	"  -h, --help             show this help\n"
	"\n"
	"Exit status: 0 success, 1 when a reply is invalid (the status is still\n"
	"written, listing it), 2 usage error.\n");

static double rate(unsigned k, unsigned n)
{
	return n ? (double)k / n : 0;
}

static void text_entry(FILE *fp, const struct status_entry *e)
{
	char date[ISODATE_BUFSIZE] = "";
	if (e->submitted != INT_MIN)
		isodate_format(e->submitted, date);
	char *code = textcol_fit(e->code ? e->code : "?", 8, true, false);
	const char *shown_name = e->name;
	if (!shown_name && e->kind == STATUS_INVALID && e->file)
		shown_name = e->file;
	else if (!shown_name)
		/* TRANSLATORS: in quire status, in place of the name of a State not known. */
		shown_name = _("(unknown)");
	char *name = textcol_fit(shown_name, 34, true, false);
	const char *channel = e->channel ? e->channel : "";
	char *shown = textcol_fit(channel, textcol_width(channel), false, false);
	char *line = g_strdup_printf("  %s %s %-10s %s", code, name, date, shown);
	fprintf(fp, "%s\n", g_strchomp(line));
	g_free(line);
	g_free(shown);
	g_free(code);
	g_free(name);
}

static void text_section(FILE *fp, const struct status *st, enum status_kind kind,
			 const char *title)
{
	fprintf(fp, "\n%s\n", title);
	for (guint i = 0; i < st->entries->len; i++) {
		const struct status_entry *e = g_ptr_array_index(st->entries, i);
		if (e->kind == kind)
			text_entry(fp, e);
	}
}

/* The sections of the replies left out, when there are any. */
static void text_left_out(FILE *fp, const struct status *st, const char *day)
{
	for (int kind = STATUS_NOT_MEMBER; kind < STATUS_N_KINDS; kind++) {
		unsigned n = st->count[kind];
		if (!n)
			continue;
		char *t;
		if (kind == STATUS_NOT_MEMBER)
			/*
			 * TRANSLATORS: a heading of quire status, above the replies from
			 * States that were not members on the date (2019-06-30); %u
			 * counts them.
			 */
			t = g_strdup_printf(P_("Not members on %s: %u", "Not members on %s: %u", n),
					    day, n);
		else if (kind == STATUS_NOT_ON_ROSTER)
			/*
			 * TRANSLATORS: a heading of quire status, above the replies from
			 * codes that are not on the roster of States; %u counts them.
			 */
			t = g_strdup_printf(P_("Not on the roster: %u", "Not on the roster: %u", n),
					    n);
		else if (kind == STATUS_INCOMPLETE)
			/*
			 * TRANSLATORS: a heading of quire status, above the replies whose
			 * typing-in with quire enter is unfinished; %u counts them.
			 */
			t = g_strdup_printf(P_("Marked incomplete (entry not finished): %u",
					       "Marked incomplete (entry not finished): %u", n), n);
		else
			/*
			 * TRANSLATORS: a heading of quire status, above the invalid replies;
			 * "quire validate" is a command, keep it; %u counts the replies.
			 */
			t = g_strdup_printf(P_("Invalid (run quire validate): %u",
					       "Invalid (run quire validate): %u", n), n);
		text_section(fp, st, kind, t);
		g_free(t);
	}
}

static void write_text(FILE *fp, const struct status *st, GPtrArray *columns)
{
	char cutoff[ISODATE_BUFSIZE] = "", day[ISODATE_BUFSIZE];
	isodate_format(st->day, day);
	if (st->cutoff != INT_MAX)
		isodate_format(st->cutoff, cutoff);
	unsigned on_time = st->count[STATUS_ON_TIME];
	char *pct = figure_percent(on_time, st->members);
	char *t;
	if (st->cutoff != INT_MAX)
		/*
		 * TRANSLATORS: a heading of quire status, above the States that replied
		 * by the cut-off date (2019-06-30): how many of how many States on the
		 * roster, and that share ("75%").
		 */
		t = g_strdup_printf(P_("Replied by %s: %u of %u (%s)",
				       "Replied by %s: %u of %u (%s)", on_time), cutoff, on_time,
				    st->members, pct);
	else
		/*
		 * TRANSLATORS: a heading of quire status, above the States that replied:
		 * how many of how many States on the roster, and that share ("75%").
		 */
		t = g_strdup_printf(P_("Replied: %u of %u (%s)", "Replied: %u of %u (%s)", on_time),
				    on_time, st->members, pct);
	text_section(fp, st, STATUS_ON_TIME, t);
	g_free(t);
	if (st->cutoff != INT_MAX) {
		unsigned late = st->count[STATUS_LATE];
		/*
		 * TRANSLATORS: a heading of quire status, above the replies received
		 * after the cut-off date (2019-06-30); %u counts them.
		 */
		t = g_strdup_printf(P_("Late (received after %s): %u",
				       "Late (received after %s): %u", late), cutoff, late);
		text_section(fp, st, STATUS_LATE, t);
		g_free(t);
	}
	unsigned not_replied = st->count[STATUS_NOT_REPLIED];
	/* TRANSLATORS: a heading of quire status, above the States that have not replied. */
	t = g_strdup_printf(P_("Not replied: %u", "Not replied: %u", not_replied), not_replied);
	text_section(fp, st, STATUS_NOT_REPLIED, t);
	g_free(t);
	text_left_out(fp, st, day);
	for (guint c = 0; c < columns->len; c++) {
		const char *column = g_ptr_array_index(columns, c);
		GPtrArray *groups = status_by_group(st, column);
		fputc('\n', fp);
		/*
		 * TRANSLATORS: a heading of quire status, above the response rate of each
		 * group of States; %s is the roster's column that groups them ("region").
		 */
		fprintf(fp, _("Response rate by %s:"), column);
		fputc('\n', fp);
		for (guint i = 0; i < groups->len; i++) {
			const struct status_group *g = g_ptr_array_index(groups, i);
			/* TRANSLATORS: in quire status, the States the roster gives no group. */
			const char *value = *g->value ? g->value : _("(none)");
			char *name = textcol_fit(value, 20, true, false);
			char *gp = figure_percent(g->replied, g->members);
			/* The figures padded to three places, for the columns to line up. */
			char *replied = g_strdup_printf("%3u", g->replied);
			char *members = g_strdup_printf("%3u", g->members);
			fprintf(fp, "  %s ", name);
			/*
			 * TRANSLATORS: in quire status, the States of a group that replied by
			 * the cut-off, of the group's States on the roster: "  3 of  12".
			 */
			fprintf(fp, P_("%s of %s", "%s of %s", g->replied), replied, members);
			fprintf(fp, "  %6s\n", gp);
			g_free(replied);
			g_free(members);
			g_free(name);
			g_free(gp);
		}
		g_ptr_array_free(groups, TRUE);
	}
	fputc('\n', fp);
	if (st->cutoff != INT_MAX)
		/*
		 * TRANSLATORS: the last line of quire status: the States that replied by
		 * the cut-off, of the States on the roster, that share ("75%"), and the
		 * replies received after the cut-off (which choose the plural form).
		 */
		fprintf(fp, P_("Overall: %u of %u (%s); %u late", "Overall: %u of %u (%s); %u late",
			       st->count[STATUS_LATE]), on_time, st->members, pct,
			st->count[STATUS_LATE]);
	else
		/*
		 * TRANSLATORS: the last line of quire status: the States that replied, of
		 * the States on the roster, and that share ("75%").
		 */
		fprintf(fp, P_("Overall: %u of %u (%s)", "Overall: %u of %u (%s)", on_time),
			on_time, st->members, pct);
	fputc('\n', fp);
	g_free(pct);
}

static void write_csv(FILE *fp, const struct status *st, GPtrArray *columns)
{
	struct csvio_writer w;
	csvio_writer_init(&w, fp);
	const char *head[] = { "code", "name", "status", "submitted", "channel" };
	for (size_t i = 0; i < G_N_ELEMENTS(head); i++)
		csvio_write_field(&w, head[i]);
	for (guint c = 0; c < columns->len; c++)
		csvio_write_text(&w, g_ptr_array_index(columns, c));
	csvio_end_record(&w);
	for (guint i = 0; i < st->entries->len; i++) {
		const struct status_entry *e = g_ptr_array_index(st->entries, i);
		char date[ISODATE_BUFSIZE] = "";
		if (e->submitted != INT_MIN)
			isodate_format(e->submitted, date);
		csvio_write_text(&w, e->code);
		csvio_write_text(&w, e->name);
		csvio_write_field(&w, status_kind_name(e->kind));
		csvio_write_field(&w, date);
		csvio_write_text(&w, e->channel);
		const struct roster_member *m = e->member;
		for (guint c = 0; c < columns->len; c++) {
			int col = roster_column(st->roster, g_ptr_array_index(columns, c));
			csvio_write_text(&w, m ? m->cells[col] : "");
		}
		csvio_end_record(&w);
	}
}

static json_t *json_date(int day)
{
	if (day == INT_MIN || day == INT_MAX)
		return json_null();
	char date[ISODATE_BUFSIZE];
	isodate_format(day, date);
	return json_string(date);
}

static void write_json(FILE *fp, const struct status *st, GPtrArray *columns)
{
	json_t *root = json_object();
	json_object_set_new(root, "cutoff", json_date(st->cutoff));
	json_object_set_new(root, "roster", json_integer(st->members));
	for (int k = 0; k < STATUS_N_KINDS; k++)
		json_object_set_new(root, status_kind_name(k), json_integer(st->count[k]));
	json_object_set_new(root, "rate", json_real(rate(st->count[STATUS_ON_TIME], st->members)));
	json_t *entries = json_array();
	for (guint i = 0; i < st->entries->len; i++) {
		const struct status_entry *e = g_ptr_array_index(st->entries, i);
		json_t *o = json_object();
		json_object_set_new(o, "code", e->code ? json_string(e->code) : json_null());
		json_object_set_new(o, "name", e->name ? json_string(e->name) : json_null());
		json_object_set_new(o, "status", json_string(status_kind_name(e->kind)));
		json_object_set_new(o, "submitted", json_date(e->submitted));
		json_object_set_new(o, "channel", e->channel ? json_string(e->channel) : json_null());
		json_array_append_new(entries, o);
	}
	json_object_set_new(root, "states", entries);
	json_t *by = json_object();
	for (guint c = 0; c < columns->len; c++) {
		GPtrArray *groups = status_by_group(st, g_ptr_array_index(columns, c));
		json_t *arr = json_array();
		for (guint i = 0; i < groups->len; i++) {
			const struct status_group *g = g_ptr_array_index(groups, i);
			json_t *o = json_object();
			json_object_set_new(o, "value", json_string(g->value));
			json_object_set_new(o, "members", json_integer(g->members));
			json_object_set_new(o, "on_time", json_integer(g->replied));
			json_object_set_new(o, "late", json_integer(g->late));
			json_object_set_new(o, "rate", json_real(rate(g->replied, g->members)));
			json_array_append_new(arr, o);
		}
		json_object_set_new(by, g_ptr_array_index(columns, c), arr);
		g_ptr_array_free(groups, TRUE);
	}
	json_object_set_new(root, "by_group", by);
	json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
	fputc('\n', fp);
	json_decref(root);
}


struct options {
	const char *roster, *by, *format, *output;
	int cutoff;
	struct source_options source;
};

static int run(const struct form *form, const struct roster *roster, char *const *data, int n,
	       const struct options *o)
{
	struct source *src = source_open(form, data, n, &o->source);
	if (!src)
		return EXIT_DATA;
	struct analysis_options aopt = { roster, o->cutoff, 0, true, NULL };
	struct analysis *a = analysis_new(form, &aopt);
	int problems = 0;
	int rc = analysis_read(a, src, NULL, NULL, &problems);
	source_close(src);
	struct status *st = status_new(a);
	GPtrArray *columns;
	if (o->by) {
		columns = g_ptr_array_new();
		g_ptr_array_add(columns, (gpointer)o->by);
	} else {
		columns = roster_group_columns(roster);
	}
	int status = EXIT_DATA;
	struct atomic_file *out = rc == 0 ? atomic_open(o->output) : NULL;
	if (out) {
		FILE *fp = atomic_stream(out);
		if (strcmp(o->format, "csv") == 0)
			write_csv(fp, st, columns);
		else if (strcmp(o->format, "json") == 0)
			write_json(fp, st, columns);
		else
			write_text(fp, st, columns);
		status = atomic_commit(out) == 0 && problems == 0 ? EXIT_OK : EXIT_DATA;
	}
	if (problems)
		/*
		 * TRANSLATORS: %d counts the problems found in the replies; "quire
		 * validate" is a command: keep it.
		 */
		msg_error(EP_("%d problem in the replies; the replies concerned are listed as "
			      "invalid (run quire validate)",
			      "%d problems in the replies; the replies concerned are listed as "
			      "invalid (run quire validate)", problems), problems);
	g_ptr_array_free(columns, TRUE);
	status_free(st);
	analysis_free(a);
	return status;
}

int cmd_status(int argc, char **argv)
{
	static const struct option options[] = {
		{ "roster", required_argument, NULL, 'r' },
		{ "cutoff", required_argument, NULL, 'c' },
		{ "by", required_argument, NULL, 'b' },
		{ "format", required_argument, NULL, 'f' },
		{ "id-column", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct options o = { NULL, NULL, "text", "-", INT_MAX, { NULL, true, NULL } };
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'r': o.roster = optarg; break;
		case 'c':
			if (!cli_date(optarg, "--cutoff", "status", &o.cutoff))
				return EXIT_USAGE;
			break;
		case 'b': o.by = optarg; break;
		case 'f': o.format = optarg; break;
		case 'i': o.source.id_column = optarg; break;
		case 'o': o.output = optarg; break;
		default: return cli_common_option(opt, "status", usage);
		}
	}
	if (strcmp(o.format, "text") != 0 && strcmp(o.format, "csv") != 0 &&
	    strcmp(o.format, "json") != 0)
		return cli_usage_error("status", "--format must be text, csv or json, not '%s'",
				       o.format);
	if (argc - optind < 2)
		/* Each marked: of a ?: argument, xgettext takes only the first. */
		return cli_usage_error("status",
				       argc - optind ? N_("missing DATA") : N_("missing FORM"));
	if (!o.roster)
		return cli_usage_error("status", "missing --roster FILE");
	if (isodate_now(NULL) != 0)	/* an invalid SOURCE_DATE_EPOCH */
		return EXIT_DATA;
	struct form *form = form_load(argv[optind]);
	struct roster *roster = form ? roster_load(o.roster) : NULL;
	int status = EXIT_DATA;
	if (roster && o.by && roster_column(roster, o.by) < 0)
		/* TRANSLATORS: %s is the column named with --by, as it was given. */
		status = cli_usage_error("status", "the roster has no column '%s'", o.by);
	else if (roster)
		status = run(form, roster, argv + optind + 1, argc - optind - 1, &o);
	roster_free(roster);
	form_free(form);
	return status;
}
