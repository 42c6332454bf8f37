/* make-workbooks.c - writes the workbooks tests/cli/t1030-workbooks.sh reads */
#include <config.h>

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "csvio.h"

/*
 * make-workbooks FORMDIR OUTDIR writes into OUTDIR, from the CSV form in
 * FORMDIR (survey.csv, choices.csv, settings.csv):
 *
 *   form.xlsx         the same form with every trap a workbook has: shared
 *                     strings, numbers as numbers (the version 2019050101
 *                     as a formula with its cached value), long texts as
 *                     rich text of two runs, a blank row under each header,
 *                     the choices sheet named "Choices", an extra sheet
 *   form-inline.xlsx  the same, written row by row: inline strings
 *   form.ods          the same as OpenDocument, blank rows repeated, empty
 *                     cells repeated, spaces as text:s and between spans,
 *                     a comment on a cell
 *   values.xlsx       a form whose choice names are 1.0, 2.5, 0.1 + 0.2,
 *                     dates, a date with a time, a boolean and a formula
 *   rows.xlsx         a form whose unknown type sits on row 6, below blank rows,
 *                     with notes beside it in columns without a header
 *   bomb.xlsx         a sheet part that inflates to 257 MiB of blanks
 *   big.xlsx          a cell of 2 MiB
 *   wide.ods          a cell past column 16384
 *   laughs.xlsx       a sheet of entities that expand to 10^10 bytes
 *
 * make-workbooks --form FORMDIR OUT.xlsx writes only form.xlsx, as OUT.xlsx
 * (make bench times quire check on a large one).
 *
 * make-workbooks --csv FILE OUT.xlsx writes the CSV FILE (an export) as
 * the one sheet "export" of OUT.xlsx, numbers as numbers, as KoboToolbox
 * writes its XLSX exports.
 *
 * make-workbooks --reply SHEET REPLY OUT.xlsx fills in the answer sheet
 * SHEET (quire blank's CSV) with the values of the reply file REPLY, as a
 * delegate does in Excel, and saves it as the one sheet "Reply" of
 * OUT.xlsx: dates as date cells in Excel's own date format, numbers as
 * numbers, the form version as a formula; a row of REPLY the sheet lacks
 * is added at the end.
 *
 * It shares nothing with quire but the CSV reader.
 */

static GPtrArray *read_csv_file(const char *path)
{
	struct csvio_reader *r = csvio_open(path, NULL, CSVIO_DELIM_AUTO);
	if (!r)
		exit(1);
	GPtrArray *rows = g_ptr_array_new();
	struct csvio_record rec;
	while (csvio_next(r, &rec) == 1) {
		GPtrArray *cells = g_ptr_array_new();
		for (size_t i = 0; i < rec.n_fields; i++)
			g_ptr_array_add(cells, g_strdup(rec.fields[i]));
		g_ptr_array_add(cells, NULL);
		g_ptr_array_add(rows, g_ptr_array_free(cells, FALSE));
	}
	csvio_close(r);
	return rows;
}

static GPtrArray *read_csv(const char *dir, const char *name)
{
	char *path = g_build_filename(dir, name, NULL);
	GPtrArray *rows = read_csv_file(path);
	g_free(path);
	return rows;
}

static void free_rows(GPtrArray *rows)
{
	for (guint i = 0; i < rows->len; i++)
		g_strfreev(g_ptr_array_index(rows, i));
	g_ptr_array_free(rows, TRUE);
}

static bool is_number(const char *s, double *v)
{
	char *end;
	if (!*s)
		return false;
	*v = g_ascii_strtod(s, &end);
	return !*end && !g_ascii_isspace(*s);
}

struct xlsx_out {
	lxw_workbook *wb;
	lxw_format *bold;
	bool rich;		/* write long texts as rich text */
};

static void xlsx_cell(struct xlsx_out *o, lxw_worksheet *ws, int row, int col, const char *s)
{
	double v;
	char *space = strchr(s, ' ');
	if (!*s)
		return;
	if (strcmp(s, "2019050101") == 0) {
		worksheet_write_formula_num(ws, row, col, "=2019050100+1", NULL, 2019050101);
	} else if (is_number(s, &v)) {
		worksheet_write_number(ws, row, col, v, NULL);
	} else if (o->rich && strlen(s) > 20 && space) {
		char *head = g_strndup(s, (gsize)(space - s + 1));
		lxw_rich_string_tuple a = { o->bold, head }, b = { NULL, space + 1 };
		lxw_rich_string_tuple *runs[] = { &a, &b, NULL };
		worksheet_write_rich_string(ws, row, col, runs, NULL);
		g_free(head);
	} else {
		worksheet_write_string(ws, row, col, s, NULL);
	}
}

/* Writes ROWS as sheet NAME, with a blank row under the header. */
static void xlsx_sheet(struct xlsx_out *o, const char *name, GPtrArray *rows)
{
	lxw_worksheet *ws = workbook_add_worksheet(o->wb, name);
	for (guint r = 0; r < rows->len; r++) {
		char **cells = g_ptr_array_index(rows, r);
		for (int c = 0; cells[c]; c++)
			xlsx_cell(o, ws, r == 0 ? 0 : (int)r + 1, c, cells[c]);
	}
}

static void write_form_xlsx(const char *path, bool inline_strings, GPtrArray *survey,
			    GPtrArray *choices, GPtrArray *settings)
{
	lxw_workbook_options opt = { .constant_memory = inline_strings };
	struct xlsx_out o = { workbook_new_opt(path, &opt), NULL, !inline_strings };
	o.bold = workbook_add_format(o.wb);
	format_set_bold(o.bold);
	xlsx_sheet(&o, "survey", survey);
	xlsx_sheet(&o, "Choices", choices);
	xlsx_sheet(&o, "settings", settings);
	lxw_worksheet *notes = workbook_add_worksheet(o.wb, "notes");
	worksheet_write_string(notes, 0, 0, "type", NULL);
	worksheet_write_string(notes, 1, 0, "not a question", NULL);
	if (workbook_close(o.wb) != LXW_NO_ERROR)
		exit(1);
}

/* OpenDocument */

static void xml_escaped(GString *out, const char *s)
{
	char *e = g_markup_escape_text(s, -1);
	g_string_append(out, e);
	g_free(e);
}

static void ods_cell(GString *x, const char *s)
{
	double v;
	if (!*s) {
		g_string_append(x, "<table:table-cell/>");
	} else if (is_number(s, &v)) {
		g_string_append_printf(x, "<table:table-cell office:value-type=\"float\" "
				       "office:value=\"%s\"><text:p>%s.00</text:p></table:table-cell>",
				       s, s);
	} else {
		g_string_append(x, "<table:table-cell office:value-type=\"string\">");
		if (strcmp(s, "type") == 0)	/* a comment, which is no part of the cell's text */
			g_string_append(x, "<office:annotation><text:p>a note</text:p>"
					   "</office:annotation>");
		g_string_append(x, "<text:p>");
		char **words = g_strsplit(s, " ", -1);
		for (char **w = words; *w; w++) {
			/* Spaces as text:s, and as blanks between spans. */
			if (w != words)
				g_string_append(x, (w - words) % 2 ? "<text:s/>" : " ");
			g_string_append(x, "<text:span>");
			xml_escaped(x, *w);
			g_string_append(x, "</text:span>");
		}
		g_strfreev(words);
		g_string_append(x, "</text:p></table:table-cell>");
	}
}

static void ods_sheet(GString *x, const char *name, GPtrArray *rows)
{
	g_string_append_printf(x, "<table:table table:name=\"%s\">", name);
	for (guint r = 0; r < rows->len; r++) {
		char **cells = g_ptr_array_index(rows, r);
		g_string_append(x, "<table:table-row>");
		for (int c = 0; cells[c]; c++)
			ods_cell(x, cells[c]);
		g_string_append(x, "<table:table-cell table:number-columns-repeated=\"1000\"/>"
				   "</table:table-row>");
		if (r == 0)
			g_string_append(x, "<table:table-row table:number-rows-repeated=\"2\">"
					   "<table:table-cell table:number-columns-repeated=\"1024\"/>"
					   "</table:table-row>");
	}
	g_string_append(x, "<table:table-row table:number-rows-repeated=\"1048000\">"
			   "<table:table-cell table:number-columns-repeated=\"1024\"/>"
			   "</table:table-row></table:table>");
}

static void zip_add_text(zip_t *z, const char *name, const char *text)
{
	zip_source_t *src = zip_source_buffer(z, g_strdup(text), strlen(text), 1);
	if (!src || zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) < 0)
		exit(1);
}

static void write_form_ods(const char *path, GPtrArray *survey, GPtrArray *choices,
			   GPtrArray *settings)
{
	GString *x = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<office:document-content "
		"xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
		"xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
		"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
		"office:version=\"1.2\"><office:body><office:spreadsheet>");
	ods_sheet(x, "survey", survey);
	ods_sheet(x, "choices", choices);
	ods_sheet(x, "Settings", settings);
	g_string_append(x, "</office:spreadsheet></office:body></office:document-content>\n");
	int err;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (!z)
		exit(1);
	zip_add_text(z, "mimetype", "application/vnd.oasis.opendocument.spreadsheet");
	zip_set_file_compression(z, 0, ZIP_CM_STORE, 0);
	zip_add_text(z, "META-INF/manifest.xml",
		     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest "
		     "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
		     "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type="
		     "\"application/vnd.oasis.opendocument.spreadsheet\"/><manifest:file-entry "
		     "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
		     "</manifest:manifest>\n");
	zip_add_text(z, "content.xml", x->str);
	if (zip_close(z) < 0)
		exit(1);
	g_string_free(x, TRUE);
}

/* Hostile files */

static const char book_xml[] =
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	"<sheets><sheet name=\"survey\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels_xml[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

/* A source of N blanks, made as they are read. */
struct blanks {
	zip_uint64_t n, done;
};

static zip_int64_t blanks_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct blanks *b = ud;
	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		b->done = 0;
		return 0;
	case ZIP_SOURCE_READ: {
		zip_uint64_t n = MIN(len, b->n - b->done);
		memset(data, ' ', n);
		b->done += n;
		return (zip_int64_t)n;
	}
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;
		zip_stat_init(st);
		st->size = b->n;
		st->valid |= ZIP_STAT_SIZE;
		return sizeof *st;
	}
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
						      ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
						      ZIP_SOURCE_ERROR, -1);
	default:
		return 0;
	}
}

static zip_t *xlsx_skeleton(const char *dir, const char *name)
{
	char *path = g_build_filename(dir, name, NULL);
	int err;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	g_free(path);
	if (!z)
		exit(1);
	zip_add_text(z, "xl/workbook.xml", book_xml);
	zip_add_text(z, "xl/_rels/workbook.xml.rels", rels_xml);
	return z;
}

static void write_hostile(const char *dir)
{
	static struct blanks b = { 257u << 20, 0 };
	zip_t *z = xlsx_skeleton(dir, "bomb.xlsx");
	zip_source_t *src = zip_source_function(z, blanks_cb, &b);
	if (!src || zip_file_add(z, "xl/worksheets/sheet1.xml", src, 0) < 0 || zip_close(z) < 0)
		exit(1);

	z = xlsx_skeleton(dir, "big.xlsx");
	GString *x = g_string_new("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
				  "<is><t>");
	for (int i = 0; i < (2 << 20); i++)
		g_string_append_c(x, 'q');
	g_string_append(x, "</t></is></c></row></sheetData></worksheet>");
	zip_add_text(z, "xl/worksheets/sheet1.xml", x->str);
	g_string_free(x, TRUE);
	if (zip_close(z) < 0)
		exit(1);

	/* A billion laughs: entities of ten entities, nine deep. */
	z = xlsx_skeleton(dir, "laughs.xlsx");
	x = g_string_new("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">");
	for (char e = 'b'; e <= 'j'; e++) {
		g_string_append_printf(x, "<!ENTITY %c \"", e);
		for (int i = 0; i < 10; i++)
			g_string_append_printf(x, "&%c;", e - 1);
		g_string_append(x, "\">");
	}
	g_string_append(x, "]><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
			   "<is><t>&j;</t></is></c></row></sheetData></worksheet>");
	zip_add_text(z, "xl/worksheets/sheet1.xml", x->str);
	g_string_free(x, TRUE);
	if (zip_close(z) < 0)
		exit(1);

	char *path = g_build_filename(dir, "wide.ods", NULL);
	int err;
	z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	g_free(path);
	if (!z)
		exit(1);
	zip_add_text(z, "content.xml",
		     "<office:document-content "
		     "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
		     "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
		     "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
		     "<office:body><office:spreadsheet><table:table table:name=\"survey\">"
		     "<table:table-row><table:table-cell><text:p>type</text:p></table:table-cell>"
		     "<table:table-cell table:number-columns-repeated=\"20000\"/>"
		     "<table:table-cell><text:p>far</text:p></table:table-cell></table:table-row>"
		     "</table:table></office:spreadsheet></office:body></office:document-content>");
	if (zip_close(z) < 0)
		exit(1);
}

/* The traps of cell values, as choice names. */
static void write_values(const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *s = workbook_add_worksheet(wb, "survey");
	lxw_worksheet *c = workbook_add_worksheet(wb, "choices");
	lxw_format *iso = workbook_add_format(wb), *builtin = workbook_add_format(wb);
	format_set_num_format(iso, "yyyy\\-mm\\-dd;@");
	format_set_num_format_index(builtin, 14);
	worksheet_write_string(s, 0, 0, "type", NULL);
	worksheet_write_string(s, 0, 1, "name", NULL);
	worksheet_write_string(s, 0, 2, "label", NULL);
	worksheet_write_string(s, 1, 0, "select_one v", NULL);
	worksheet_write_string(s, 1, 1, "v", NULL);
	worksheet_write_string(s, 1, 2, "Value", NULL);
	const char *head[] = { "list_name", "name", "label" };
	for (int i = 0; i < 3; i++)
		worksheet_write_string(c, 0, i, head[i], NULL);
	lxw_datetime day = { 2019, 5, 1, 0, 0, 0 }, day2 = { 2019, 5, 2, 0, 0, 0 };
	lxw_datetime when = { 2019, 5, 1, 10, 30, 0 };
	worksheet_write_number(c, 1, 1, 1.0, NULL);
	worksheet_write_number(c, 2, 1, 2.5, NULL);
	worksheet_write_number(c, 3, 1, 0.1 + 0.2, NULL);
	worksheet_write_number(c, 4, 1, -1e21, NULL);
	worksheet_write_datetime(c, 5, 1, &day, iso);
	worksheet_write_datetime(c, 6, 1, &day2, builtin);
	worksheet_write_datetime(c, 7, 1, &when, iso);
	worksheet_write_boolean(c, 8, 1, 1, NULL);
	worksheet_write_formula_num(c, 9, 1, "=1+2", NULL, 3);
	worksheet_write_formula_str(c, 10, 1, "=\"a\"&\"b\"", NULL, "ab");
	for (int r = 1; r <= 10; r++) {
		char label[16];
		snprintf(label, sizeof label, "v%d", r);
		worksheet_write_string(c, r, 0, "v", NULL);
		worksheet_write_string(c, r, 2, label, NULL);
	}
	if (workbook_close(wb) != LXW_NO_ERROR)
		exit(1);
}

/* An error on row 6, below blank rows 2, 3 and 5; notes in F4 and E7. */
static void write_rows(const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *s = workbook_add_worksheet(wb, "Survey");
	worksheet_write_string(s, 0, 0, "type", NULL);
	worksheet_write_string(s, 0, 1, "name", NULL);
	worksheet_write_string(s, 0, 2, "label", NULL);
	worksheet_write_string(s, 3, 0, "text", NULL);
	worksheet_write_string(s, 3, 1, "a", NULL);
	worksheet_write_string(s, 3, 2, "A", NULL);
	worksheet_write_string(s, 5, 0, "multiple_choice x", NULL);
	worksheet_write_string(s, 5, 1, "b", NULL);
	worksheet_write_string(s, 5, 2, "B", NULL);
	/* Notes beside the form, in columns without a header: F4, and E7 alone on its row. */
	worksheet_write_string(s, 3, 5, "ask the legal office", NULL);
	worksheet_write_string(s, 6, 4, "to be reviewed", NULL);
	if (workbook_close(wb) != LXW_NO_ERROR)
		exit(1);
}

static void write_export(const char *csv, const char *path)
{
	GPtrArray *rows = read_csv_file(csv);
	lxw_workbook *wb = workbook_new(path);
	struct xlsx_out o = { wb, NULL, false };
	lxw_worksheet *ws = workbook_add_worksheet(wb, "export");
	for (guint r = 0; r < rows->len; r++) {
		char **cells = g_ptr_array_index(rows, r);
		for (int c = 0; cells[c]; c++)
			xlsx_cell(&o, ws, (int)r, c, cells[c]);
	}
	workbook_add_worksheet(wb, "repeat");
	if (workbook_close(wb) != LXW_NO_ERROR)
		exit(1);
	free_rows(rows);
}

/* Whether S is a date YYYY-MM-DD, into *D. */
static bool is_date(const char *s, lxw_datetime *d)
{
	int n = 0;
	*d = (lxw_datetime){ 0 };
	int fields = sscanf(s, "%4d-%2d-%2d%n", &d->year, &d->month, &d->day, &n);
	return fields == 3 && n == 10 && !s[n];
}

/* The value REPLY (rows of name, value) gives NAME, or NULL; the row is marked as taken. */
static const char *reply_value(GPtrArray *reply, bool *taken, const char *name)
{
	for (guint r = 1; r < reply->len; r++) {
		char **cells = g_ptr_array_index(reply, r);
		if (cells[0] && cells[1] && strcmp(cells[0], name) == 0) {
			taken[r] = true;
			return cells[1];
		}
	}
	return NULL;
}

static void write_reply(const char *sheet_csv, const char *reply_csv, const char *path)
{
	GPtrArray *sheet = read_csv_file(sheet_csv), *reply = read_csv_file(reply_csv);
	bool *taken = g_new0(bool, reply->len);
	lxw_workbook *wb = workbook_new(path);
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format_index(date, 14);
	struct xlsx_out o = { wb, NULL, false };
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Reply");
	int value_col = -1, row = 0;
	for (guint r = 0; r < sheet->len; r++, row++) {
		char **cells = g_ptr_array_index(sheet, r);
		for (int c = 0; cells[c]; c++) {
			if (r == 0 && strcmp(cells[c], "value") == 0)
				value_col = c;
			bool value = r > 0 && c == value_col;
			const char *v = value ? reply_value(reply, taken, cells[0]) : cells[c];
			lxw_datetime d;
			if (v && value && is_date(v, &d))
				worksheet_write_datetime(ws, row, c, &d, date);
			else if (v)
				xlsx_cell(&o, ws, row, c, v);
		}
	}
	for (guint r = 1; r < reply->len; r++) {
		char **cells = g_ptr_array_index(reply, r);
		if (!taken[r] && cells[0] && cells[1]) {
			xlsx_cell(&o, ws, row, 0, cells[0]);
			xlsx_cell(&o, ws, row++, value_col, cells[1]);
		}
	}
	if (workbook_close(wb) != LXW_NO_ERROR)
		exit(1);
	g_free(taken);
	free_rows(sheet);
	free_rows(reply);
}

int main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "--reply") == 0) {
		write_reply(argv[2], argv[3], argv[4]);
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "--csv") == 0) {
		write_export(argv[2], argv[3]);
		return 0;
	}
	bool form_only = argc == 4 && strcmp(argv[1], "--form") == 0;
	if (argc != 3 && !form_only) {
		fprintf(stderr, "usage: make-workbooks FORMDIR OUTDIR\n");
		return 2;
	}
	const char *dir = argv[form_only ? 2 : 1];
	GPtrArray *survey = read_csv(dir, "survey.csv");
	GPtrArray *choices = read_csv(dir, "choices.csv");
	GPtrArray *settings = read_csv(dir, "settings.csv");
	if (form_only) {
		write_form_xlsx(argv[3], false, survey, choices, settings);
		free_rows(survey);
		free_rows(choices);
		free_rows(settings);
		return 0;
	}
	char *p = g_build_filename(argv[2], "form.xlsx", NULL);
	write_form_xlsx(p, false, survey, choices, settings);
	g_free(p);
	p = g_build_filename(argv[2], "form-inline.xlsx", NULL);
	write_form_xlsx(p, true, survey, choices, settings);
	g_free(p);
	p = g_build_filename(argv[2], "form.ods", NULL);
	write_form_ods(p, survey, choices, settings);
	g_free(p);
	p = g_build_filename(argv[2], "values.xlsx", NULL);
	write_values(p);
	g_free(p);
	p = g_build_filename(argv[2], "rows.xlsx", NULL);
	write_rows(p);
	g_free(p);
	write_hostile(argv[2]);
	free_rows(survey);
	free_rows(choices);
	free_rows(settings);
	return 0;
}
