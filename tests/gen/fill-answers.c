/* fill-answers.c - fills in quire's answer workbook as a delegate would, from a reply file */
#include <config.h>

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "csvio.h"
#include "isodate.h"
#include "workbook.h"

/*
 * fill-answers [OPTIONS] BLANK.xlsx REPLY.csv OUT.xlsx
 *
 * Reads the answer workbook BLANK.xlsx (quire blank --format xlsx) and
 * writes OUT.xlsx: the same sheets, cell by cell, with the answers of the
 * reply file REPLY.csv typed into the answer cells its hidden sheet
 * names: a select_one as the label of its choice in language LANG (the
 * index in the hidden sheet's "languages" row), a select_multiple as a
 * mark on each choice's row, numbers as numbers, dates as date cells,
 * text as text, the date of the reply as a date cell.
 *
 *   --lang N      labels in the form's language N (default 0)
 *   --names       type choice names instead of labels
 *   --ticks       mark choices with ticks of every kind (x, X, a check
 *                 mark, oui, da, ...) instead of Yes, and leave the others
 *                 empty instead of No
 *   --sort        write the rows of the questions in reverse order, as a
 *                 delegate who sorted them would
 *   --drop-map    leave out the hidden sheet
 *   --mark TEXT   mark choices with TEXT
 *   --garble      add rows to the hidden sheet that name nothing: unknown
 *                 questions, choices, lists and metadata, rows past the
 *                 sheet's end, numbers that are not numbers
 *
 * fill-answers --dump FILE.xlsx prints every sheet of FILE.xlsx, as
 * quire's workbook reader reads it: "[NAME]", then one line per row,
 * "ROW: CELL | CELL | ...", for tests to compare.
 *
 * fill-answers --part FILE.xlsx PART prints the part PART of the archive
 * FILE.xlsx ("xl/styles.xml") as it is.
 */

struct options {
	int lang;
	bool names, ticks, sort, drop_map, garble;
	const char *mark;
};

static GHashTable *read_reply(const char *path)
{
	GHashTable *values = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	struct csvio_reader *in = csvio_open(path, NULL, CSVIO_DELIM_COMMA);
	if (!in)
		exit(1);
	struct csvio_record rec;
	bool header = true;
	while (csvio_next(in, &rec) == 1) {
		if (!header && rec.n_fields >= 2)
			g_hash_table_replace(values, g_strdup(rec.fields[0]), g_strdup(rec.fields[1]));
		header = false;
	}
	csvio_close(in);
	return values;
}

static const struct workbook_sheet *sheet(const struct workbook *wb, const char *name)
{
	for (guint i = 0; i < wb->sheets->len; i++) {
		const struct workbook_sheet *s = g_ptr_array_index(wb->sheets, i);
		if (strcmp(s->name, name) == 0)
			return s;
	}
	return NULL;
}

static const char *cell(const struct workbook_row *row, guint col)
{
	return col < row->n_cells ? row->cells[col] : "";
}

/* Whether the space-separated VALUE holds NAME. */
static bool holds(const char *value, const char *name)
{
	char **names = g_strsplit(value, " ", -1);
	bool found = false;
	for (int i = 0; names[i]; i++)
		found = found || strcmp(names[i], name) == 0;
	g_strfreev(names);
	return found;
}

struct filler {
	const struct options *opt;
	GHashTable *reply;
	GHashTable *labels;	/* "LIST\x1fNAME" -> label in the language */
	lxw_worksheet *ws;
	lxw_format *date;
	long first, last;	/* the rows of the questions (1-based), for --sort */
	int n_marks;
};

/* The row (0-based) written for the sheet's row ROW (1-based). */
static lxw_row_t placed(const struct filler *f, long row)
{
	if (f->opt->sort && row >= f->first && row <= f->last)
		row = f->last - (row - f->first);
	return (lxw_row_t)(row - 1);
}

static void put_value(struct filler *f, long row, const char *type, const char *value)
{
	lxw_row_t r = placed(f, row);
	char *end;
	double x = g_ascii_strtod(value, &end);
	int day;
	if ((strcmp(type, "integer") == 0 || strcmp(type, "decimal") == 0) && *value && !*end &&
	    isfinite(x) && strchr(value, 'e') == NULL && strchr(value, 'E') == NULL) {
		worksheet_write_number(f->ws, r, 2, x, NULL);
	} else if (strcmp(type, "date") == 0 && isodate_parse(value, &day)) {
		int y, m, d;
		isodate_split(day, &y, &m, &d);
		lxw_datetime dt = { y, m, d, 0, 0, 0 };
		worksheet_write_datetime(f->ws, r, 2, &dt, f->date);
	} else {
		worksheet_write_string(f->ws, r, 2, value, NULL);
	}
}

static const char *mark(struct filler *f, bool yes)
{
	static const char *const ticks[] = { "x", "X", "\u2713", "\u2714", "yes", "oui",
					     "s\u00ed", "\u0434\u0430", "\u662f", "\u0646\u0639\u0645",
					     "Yes", "YES" };
	if (f->opt->mark)
		return yes ? f->opt->mark : "";
	if (!f->opt->ticks)
		return yes ? "Yes" : "No";
	return yes ? ticks[f->n_marks++ % G_N_ELEMENTS(ticks)] : "";
}

static void fill(struct filler *f, const struct workbook_row *m)
{
	const char *what = cell(m, 0);
	if (strcmp(what, "meta") == 0) {
		const char *value = g_hash_table_lookup(f->reply, cell(m, 1));
		if (value && *value)
			put_value(f, atol(cell(m, 2)), strcmp(cell(m, 1), "_submitted") == 0 ? "date"
											  : "text", value);
	} else if (strcmp(what, "question") == 0) {
		const char *value = g_hash_table_lookup(f->reply, cell(m, 2));
		if (!value || !*value)
			return;
		const char *type = cell(m, 4);
		if (strcmp(type, "select_one") == 0 && !f->opt->names) {
			char *key = g_strdup_printf("%s\x1f%s", cell(m, 5), value);
			const char *label = g_hash_table_lookup(f->labels, key);
			g_free(key);
			value = label ? label : value;
		}
		put_value(f, atol(cell(m, 3)), type, value);
	} else if (strcmp(what, "choice") == 0) {
		const char *value = g_hash_table_lookup(f->reply, cell(m, 2));
		bool yes = value && holds(value, cell(m, 3));
		/* An unanswered question stays empty; an answered one says No to the rest. */
		if (value && *value)
			worksheet_write_string(f->ws, placed(f, atol(cell(m, 4))), 2, mark(f, yes), NULL);
	}
}

/* Copies SHEET into WS, but the cells the answers go in. */
static void copy_sheet(const struct filler *f, const struct workbook_sheet *s, lxw_worksheet *ws)
{
	for (guint i = 0; i < s->rows->len; i++) {
		const struct workbook_row *row = g_ptr_array_index(s->rows, i);
		lxw_row_t r = ws == f->ws ? placed(f, row->row) : (lxw_row_t)(row->row - 1);
		for (guint c = 0; c < row->n_cells; c++)
			if (*row->cells[c])
				worksheet_write_string(ws, r, (lxw_col_t)c, row->cells[c], NULL);
	}
}

static void garble(lxw_worksheet *ws, const struct workbook_sheet *map)
{
	static const char *const rows[][6] = {
		{ "question", "9.9", "no_such_key", "99999999999999999999", "integer", "" },
		{ "question", "1.1", "offences", "-5", "select_one", "no_list" },
		{ "choice", "1.3 z", "offences", "no_such_choice", "abc", "" },
		{ "choice", "", "", "", "", "" },
		{ "label", "no_list", "x", "y", "", "" },
		{ "label", "", "", "", "", "" },
		{ "meta", "_bogus", "abc", "", "", "" },
		{ "meta", "_respondent", "2", "", "", "" },
		{ "something", "else", "", "", "", "" },
	};
	lxw_row_t r = (lxw_row_t)map->rows->len;
	for (guint i = 0; i < G_N_ELEMENTS(rows); i++, r++)
		for (int c = 0; c < 6; c++)
			if (*rows[i][c])
				worksheet_write_string(ws, r, (lxw_col_t)c, rows[i][c], NULL);
}

static int run(const struct options *opt, const char *blank, const char *reply, const char *out)
{
	GError *err = NULL;
	struct workbook *wb = workbook_read(blank, NULL, &err);
	if (!wb) {
		fprintf(stderr, "fill-answers: %s: %s\n", blank, err->message);
		return 1;
	}
	const struct workbook_sheet *rs = sheet(wb, "Reply"), *is = sheet(wb, "Instructions"),
				    *ms = sheet(wb, "quire");
	if (!rs || !is || !ms) {
		fprintf(stderr, "fill-answers: %s: not an answer workbook\n", blank);
		return 1;
	}
	struct filler f = { .opt = opt, .reply = read_reply(reply) };
	f.labels = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < ms->rows->len; i++) {
		const struct workbook_row *m = g_ptr_array_index(ms->rows, i);
		if (strcmp(cell(m, 0), "label") == 0)
			g_hash_table_insert(f.labels, g_strdup_printf("%s\x1f%s", cell(m, 1), cell(m, 2)),
					    (gpointer)cell(m, 3 + (guint)opt->lang));
	}
	for (guint i = 0; i < rs->rows->len; i++) {
		const struct workbook_row *row = g_ptr_array_index(rs->rows, i);
		if (strcmp(cell(row, 0), "No.") == 0)
			f.first = row->row + 1;
		f.last = row->row;
	}
	lxw_workbook *book = workbook_new(out);
	f.ws = workbook_add_worksheet(book, "Reply");
	lxw_worksheet *iws = workbook_add_worksheet(book, "Instructions");
	f.date = workbook_add_format(book);
	format_set_num_format(f.date, "yyyy-mm-dd");
	copy_sheet(&f, rs, f.ws);
	copy_sheet(&f, is, iws);
	if (!opt->drop_map) {
		lxw_worksheet *mws = workbook_add_worksheet(book, "quire");
		copy_sheet(&f, ms, mws);
		worksheet_hide(mws);
		if (opt->garble)
			garble(mws, ms);
	}
	for (guint i = 0; i < ms->rows->len; i++)
		fill(&f, g_ptr_array_index(ms->rows, i));
	int rc = workbook_close(book) == LXW_NO_ERROR ? 0 : 1;
	g_hash_table_destroy(f.labels);
	g_hash_table_destroy(f.reply);
	workbook_free(wb);
	return rc;
}

static int dump(const char *path)
{
	GError *err = NULL;
	struct workbook *wb = workbook_read(path, NULL, &err);
	if (!wb) {
		fprintf(stderr, "fill-answers: %s: %s\n", path, err->message);
		return 1;
	}
	for (guint i = 0; i < wb->sheets->len; i++) {
		const struct workbook_sheet *s = g_ptr_array_index(wb->sheets, i);
		printf("[%s]\n", s->name);
		for (guint r = 0; r < s->rows->len; r++) {
			const struct workbook_row *row = g_ptr_array_index(s->rows, r);
			printf("%ld:", row->row);
			for (guint c = 0; c < row->n_cells; c++)
				printf("%s%s", c ? " | " : " ", row->cells[c]);
			putchar('\n');
		}
	}
	workbook_free(wb);
	return 0;
}

static int part(const char *path, const char *name)
{
	int err;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	zip_file_t *f = z ? zip_fopen(z, name, 0) : NULL;
	if (!f) {
		fprintf(stderr, "fill-answers: %s: no part %s\n", path, name);
		if (z)
			zip_discard(z);
		return 1;
	}
	char buf[8192];
	zip_int64_t n;
	while ((n = zip_fread(f, buf, sizeof buf)) > 0)
		fwrite(buf, 1, (size_t)n, stdout);
	zip_fclose(f);
	zip_discard(z);
	return n < 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--part") == 0)
		return part(argv[2], argv[3]);
	if (argc == 3 && strcmp(argv[1], "--dump") == 0)
		return dump(argv[2]);
	struct options opt = { 0 };
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			opt.lang = atoi(argv[++i]);
		else if (strcmp(argv[i], "--mark") == 0 && i + 1 < argc)
			opt.mark = argv[++i];
		else if (strcmp(argv[i], "--names") == 0)
			opt.names = true;
		else if (strcmp(argv[i], "--ticks") == 0)
			opt.ticks = true;
		else if (strcmp(argv[i], "--sort") == 0)
			opt.sort = true;
		else if (strcmp(argv[i], "--drop-map") == 0)
			opt.drop_map = true;
		else if (strcmp(argv[i], "--garble") == 0)
			opt.garble = true;
		else
			break;
	}
	if (argc - i != 3) {
		fprintf(stderr, "usage: fill-answers [--lang N] [--names] [--ticks] [--sort] "
			"[--drop-map] [--garble] [--mark TEXT] BLANK.xlsx REPLY.csv OUT.xlsx\n");
		return 2;
	}
	return run(&opt, argv[i], argv[i + 1], argv[i + 2]);
}
