/* cmd-status.c - quire status: who replied and when, who is late, who has not replied */
#include <config.h>

#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "atomic.h"
#include "cli.h"
#include "cmd.h"
#include "csvio.h"
#include "form.h"
#include "isodate.h"
#include "msg.h"
#include "response.h"
#include "roster.h"
#include "source.h"
#include "status.h"
#include "wide.h"

static const char usage[] =
	"Usage: quire status [OPTIONS] FORM DATA --roster FILE\n"
	"Who replied and when, who replied after the cut-off, who has not replied,\n"
	"and replies from codes not on the roster; the response rate overall and by\n"
	"roster group.\n"
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
	"  -h, --help             show this help\n";

static const char *const kind_names[] = { "on_time", "late", "not_replied", "not_on_roster" };

static double rate(unsigned k, unsigned n)
{
	return n ? (double)k / n : 0;
}

static void text_entry(FILE *fp, const struct status_entry *e)
{
	char date[ISODATE_BUFSIZE] = "";
	if (e->submitted != INT_MIN)
		isodate_format(e->submitted, date);
	char *line = g_strdup_printf("  %-8s %-34s %-10s %s", e->code,
				     e->name ? e->name : "(unknown)", date, e->channel ? e->channel : "");
	fprintf(fp, "%s\n", g_strchomp(line));
	g_free(line);
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

static void write_text(FILE *fp, const struct status *st, GPtrArray *columns)
{
	char cutoff[ISODATE_BUFSIZE] = "";
	if (st->cutoff != INT_MAX)
		isodate_format(st->cutoff, cutoff);
	char *t;
	if (st->cutoff != INT_MAX)
		t = g_strdup_printf("Replied by %s: %u of %u (%.1f%%)", cutoff, st->on_time,
				    st->members, 100 * rate(st->on_time, st->members));
	else
		t = g_strdup_printf("Replied: %u of %u (%.1f%%)", st->on_time, st->members,
				    100 * rate(st->on_time, st->members));
	text_section(fp, st, STATUS_ON_TIME, t);
	g_free(t);
	if (st->cutoff != INT_MAX) {
		t = g_strdup_printf("Late (received after %s): %u", cutoff, st->late);
		text_section(fp, st, STATUS_LATE, t);
		g_free(t);
	}
	t = g_strdup_printf("Not replied: %u", st->not_replied);
	text_section(fp, st, STATUS_NOT_REPLIED, t);
	g_free(t);
	if (st->not_on_roster) {
		t = g_strdup_printf("Not members on the roster: %u", st->not_on_roster);
		text_section(fp, st, STATUS_NOT_ON_ROSTER, t);
		g_free(t);
	}
	for (guint c = 0; c < columns->len; c++) {
		const char *column = g_ptr_array_index(columns, c);
		GPtrArray *groups = status_by_group(st, column);
		fprintf(fp, "\nResponse rate by %s:\n", column);
		for (guint i = 0; i < groups->len; i++) {
			const struct status_group *g = g_ptr_array_index(groups, i);
			fprintf(fp, "  %-20s %3u of %3u  %5.1f%%\n", *g->value ? g->value : "(none)",
				g->replied, g->members, 100 * rate(g->replied, g->members));
		}
		g_ptr_array_free(groups, TRUE);
	}
	fprintf(fp, "\nOverall: %u of %u (%.1f%%)", st->on_time, st->members,
		100 * rate(st->on_time, st->members));
	if (st->cutoff != INT_MAX)
		fprintf(fp, "; %u late", st->late);
	fputc('\n', fp);
}

/*
 * A text cell, neutralised as quire export does (wide_is_formula): a
 * reply's _channel is written by whoever filled it in, and this CSV is
 * meant for spreadsheets.
 */
static void write_csv_text(struct csvio_writer *w, const char *s)
{
	if (s && wide_is_formula(s)) {
		char *safe = g_strconcat("'", s, NULL);
		csvio_write_field(w, safe);
		g_free(safe);
	} else {
		csvio_write_field(w, s);
	}
}

static void write_csv(FILE *fp, const struct status *st, GPtrArray *columns)
{
	struct csvio_writer w;
	csvio_writer_init(&w, fp);
	const char *head[] = { "code", "name", "status", "submitted", "channel" };
	for (size_t i = 0; i < G_N_ELEMENTS(head); i++)
		csvio_write_field(&w, head[i]);
	for (guint c = 0; c < columns->len; c++)
		csvio_write_field(&w, g_ptr_array_index(columns, c));
	csvio_end_record(&w);
	for (guint i = 0; i < st->entries->len; i++) {
		const struct status_entry *e = g_ptr_array_index(st->entries, i);
		char date[ISODATE_BUFSIZE] = "";
		if (e->submitted != INT_MIN)
			isodate_format(e->submitted, date);
		csvio_write_field(&w, e->code);
		write_csv_text(&w, e->name);
		csvio_write_field(&w, kind_names[e->kind]);
		csvio_write_field(&w, date);
		write_csv_text(&w, e->channel);
		const struct roster_member *m = e->member;
		for (guint c = 0; c < columns->len; c++) {
			int col = roster_column(st->roster, g_ptr_array_index(columns, c));
			write_csv_text(&w, m ? m->cells[col] : "");
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
	json_object_set_new(root, "on_time", json_integer(st->on_time));
	json_object_set_new(root, "late", json_integer(st->late));
	json_object_set_new(root, "not_replied", json_integer(st->not_replied));
	json_object_set_new(root, "not_on_roster", json_integer(st->not_on_roster));
	json_object_set_new(root, "rate", json_real(rate(st->on_time, st->members)));
	json_t *entries = json_array();
	for (guint i = 0; i < st->entries->len; i++) {
		const struct status_entry *e = g_ptr_array_index(st->entries, i);
		json_t *o = json_object();
		json_object_set_new(o, "code", json_string(e->code));
		json_object_set_new(o, "name", e->name ? json_string(e->name) : json_null());
		json_object_set_new(o, "status", json_string(kind_names[e->kind]));
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

static int read_status(struct status *st, const struct form *form, char *const *data, int n,
		       const struct options *o)
{
	struct source *src = source_open(form, data, n, &o->source);
	if (!src)
		return -1;
	struct resp_reply *reply;
	int problems = 0, rc;
	while ((rc = source_next(src, &reply, &problems)) == 1)
		problems += status_add(st, reply) < 0;
	source_close(src);
	return rc < 0 || problems ? -1 : 0;
}

static int run(const struct form *form, const struct roster *roster, char *const *data, int n,
	       const struct options *o)
{
	struct status *st = status_new(roster, o->cutoff);
	int ok = read_status(st, form, data, n, o);
	status_finish(st);
	GPtrArray *columns;
	if (o->by) {
		columns = g_ptr_array_new();
		g_ptr_array_add(columns, (gpointer)o->by);
	} else {
		columns = roster_group_columns(roster);
	}
	struct atomic_file *out = atomic_open(o->output);
	int status = EXIT_DATA;
	if (out) {
		FILE *fp = atomic_stream(out);
		if (strcmp(o->format, "csv") == 0)
			write_csv(fp, st, columns);
		else if (strcmp(o->format, "json") == 0)
			write_json(fp, st, columns);
		else
			write_text(fp, st, columns);
		status = atomic_commit(out) == 0 && ok == 0 ? EXIT_OK : EXIT_DATA;
	}
	g_ptr_array_free(columns, TRUE);
	status_free(st);
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
	struct options o = { NULL, NULL, "text", "-", INT_MAX, { NULL, true } };
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
		return cli_usage_error("status", argc - optind ? "missing DATA" : "missing FORM");
	if (!o.roster)
		return cli_usage_error("status", "missing --roster FILE");
	struct form *form = form_load(argv[optind]);
	struct roster *roster = form ? roster_load(o.roster) : NULL;
	int status = EXIT_DATA;
	if (roster && o.by && roster_column(roster, o.by) < 0)
		status = cli_usage_error("status", "the roster has no column '%s'", o.by);
	else if (roster)
		status = run(form, roster, argv + optind + 1, argc - optind - 1, &o);
	roster_free(roster);
	form_free(form);
	return status;
}
