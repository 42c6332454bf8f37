/* workbook.c - the sheets of a spreadsheet file as rows of cell texts: what the formats share */
#include <config.h>
#include "workbook.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvio.h"
#include "i18n.h"
#include "inputs.h"
#include "msg.h"
#include "workbook-int.h"

G_DEFINE_QUARK(quire-workbook-error-quark, workbook_error)

enum format { FORMAT_NONE, FORMAT_XLSX, FORMAT_ODS, FORMAT_XLS };

static enum format format_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot || strchr(dot, '/'))
		return FORMAT_NONE;
	if (g_ascii_strcasecmp(dot, ".xlsx") == 0 || g_ascii_strcasecmp(dot, ".xlsm") == 0)
		return FORMAT_XLSX;
	if (g_ascii_strcasecmp(dot, ".ods") == 0)
		return FORMAT_ODS;
	if (g_ascii_strcasecmp(dot, ".xls") == 0)
		return FORMAT_XLS;
	return FORMAT_NONE;
}

bool workbook_is_workbook(const char *path)
{
	return format_of(path) != FORMAT_NONE;
}

const char *workbook_column_name(guint col, char *buf)
{
	char rev[8];
	int n = 0;
	do {
		rev[n++] = (char)('A' + col % 26);
		col = col / 26;
	} while (col-- > 0 && n < 7);
	for (int i = 0; i < n; i++)
		buf[i] = rev[n - 1 - i];
	buf[n] = '\0';
	return buf;
}

char *workbook_cell_name(const char *path, const char *sheet, long row, guint col)
{
	if (path) {
		char *cell = workbook_cell_name(NULL, sheet, row, col);
		char *where = g_strdup_printf("%s:%s", path, cell);
		g_free(cell);
		return where;
	}
	bool one_word = *sheet != '\0';
	for (const char *p = sheet; *p && one_word; p++)
		one_word = g_ascii_isalnum(*p) || *p == '_' || (unsigned char)*p >= 0x80;
	char name[8];
	workbook_column_name(col, name);
	if (one_word)
		return g_strdup_printf("%s!%s%ld", sheet, name, row);
	GString *s = g_string_new("'");
	for (const char *p = sheet; *p; p++) {
		if (*p == '\'')
			g_string_append_c(s, '\'');
		g_string_append_c(s, *p);
	}
	g_string_append_printf(s, "'!%s%ld", name, row);
	return g_string_free(s, FALSE);
}

bool workbook_wanted(const char *const *only, const char *name)
{
	if (!only)
		return true;
	char *lower = g_utf8_strdown(name, -1);
	bool found = g_strv_contains(only, lower);
	g_free(lower);
	return found;
}

int workbook_too_long(const char *sheet, long row, guint col, GError **error)
{
	char name[8];
	/* TRANSLATORS: a sheet's name, then a cell: %s%ld is its column and row, as in "C14". */
	g_set_error(error, WORKBOOK_ERROR, 0, E_("sheet '%s', cell %s%ld: longer than %u bytes"),
		    sheet, workbook_column_name(col, name), row, CSVIO_MAX_FIELD);
	return -1;
}

/* Building sheets */

void workbook_builder_start(struct workbook_builder *b, struct workbook *w, const char *name)
{
	struct workbook_sheet *s = g_new0(struct workbook_sheet, 1);
	s->name = g_strdup(name);
	s->rows = g_ptr_array_new();
	g_ptr_array_add(w->sheets, s);
	b->sheet = s;
	b->row = 0;
	b->cells = g_ptr_array_new();
	b->n_cells = 0;
}

static void add_row(struct workbook_sheet *s, long row, char **cells, guint n)
{
	struct workbook_row *r = g_new(struct workbook_row, 1);
	r->row = row;
	r->n_cells = n;
	r->cells = g_new(char *, n + 1);
	for (guint i = 0; i < n; i++)
		r->cells[i] = cells[i] ? cells[i] : g_strdup("");
	r->cells[n] = NULL;
	g_ptr_array_add(s->rows, r);
}

void workbook_builder_end_row(struct workbook_builder *b)
{
	if (b->cells->len)
		add_row(b->sheet, b->row, (char **)b->cells->pdata, b->cells->len);
	g_ptr_array_set_size(b->cells, 0);
}

int workbook_builder_cell(struct workbook_builder *b, long row, guint col, char *text,
			  GError **error)
{
	if (row != b->row) {
		workbook_builder_end_row(b);
		b->row = row;
	}
	if (!*text) {
		g_free(text);
		return 0;
	}
	char name[8];
	char *problem = NULL;
	if (strlen(text) > CSVIO_MAX_FIELD)
		/* TRANSLATORS: what is wrong with a cell, in "sheet 'survey', cell C14: %s". */
		problem = g_strdup_printf(E_("longer than %u bytes"), CSVIO_MAX_FIELD);
	else if (!g_utf8_validate(text, -1, NULL))
		/* TRANSLATORS: what is wrong with a cell, in "sheet 'survey', cell C14: %s". */
		problem = g_strdup(E_("text that is not UTF-8"));
	else if (col >= CSVIO_MAX_FIELDS)
		/* TRANSLATORS: what is wrong with a cell, in "sheet 'survey', cell C14: %s". */
		problem = g_strdup_printf(E_("past column %u"), CSVIO_MAX_FIELDS);
	else if (++b->n_cells > WORKBOOK_MAX_CELLS)
		/* TRANSLATORS: what is wrong with a cell, in "sheet 'survey', cell C14: %s". */
		problem = g_strdup_printf(E_("more than %u cells in the sheet"), WORKBOOK_MAX_CELLS);
	if (problem) {
		/* TRANSLATORS: a sheet's name, a cell (%s%ld: its column and row, as in "C14"), then what is wrong with it. */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("sheet '%s', cell %s%ld: %s"), b->sheet->name,
			    workbook_column_name(col, name), row, problem);
		g_free(problem);
		g_free(text);
		return -1;
	}
	if (col >= b->cells->len)
		g_ptr_array_set_size(b->cells, col + 1);
	g_free(b->cells->pdata[col]);
	b->cells->pdata[col] = text;
	return 0;
}

int workbook_builder_repeat_row(struct workbook_builder *b, long n, GError **error)
{
	GPtrArray *rows = b->sheet->rows;
	if (!rows->len || n <= 0)
		return 0;
	guint at = rows->len - 1;
	struct workbook_row *last = g_ptr_array_index(rows, at);
	if ((guint64)n * last->n_cells > WORKBOOK_MAX_CELLS - b->n_cells) {
		/* TRANSLATORS: a sheet's name, a row's number, then the most cells a sheet may have. */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("sheet '%s', row %ld: repeated past %u cells"),
			    b->sheet->name, last->row, WORKBOOK_MAX_CELLS);
		return -1;
	}
	b->n_cells += (guint64)n * last->n_cells;
	for (long i = 1; i <= n; i++) {
		struct workbook_row *orig = g_ptr_array_index(rows, at);
		char **copy = g_strdupv(orig->cells);
		add_row(b->sheet, orig->row + i, copy, orig->n_cells);
		g_free(copy);	/* the strings now belong to the new row */
	}
	return 0;
}

static gint by_row(gconstpointer a, gconstpointer b)
{
	const struct workbook_row *x = *(const struct workbook_row *const *)a;
	const struct workbook_row *y = *(const struct workbook_row *const *)b;
	return (x->row > y->row) - (x->row < y->row);
}

void workbook_builder_finish(struct workbook_builder *b)
{
	if (!b->cells)
		return;
	workbook_builder_end_row(b);
	g_ptr_array_free(b->cells, TRUE);
	b->cells = NULL;
	g_ptr_array_sort(b->sheet->rows, by_row);	/* stable: rows given twice stay in order */
}

/* Cell texts */

char *workbook_number_text(double v)
{
	if (!isfinite(v))
		return g_strdup(isnan(v) ? "NaN" : v > 0 ? "inf" : "-inf");
	if (v == floor(v))	/* all its digits, as Python's str(int(v)) */
		return g_strdup_printf("%.0f", v == 0 ? 0.0 : v);	/* no "-0" */
	char buf[G_ASCII_DTOSTR_BUF_SIZE];
	for (int prec = 15; prec <= 17; prec++) {
		g_ascii_formatd(buf, sizeof buf, prec == 15 ? "%.15g" : prec == 16 ? "%.16g" : "%.17g", v);
		if (g_ascii_strtod(buf, NULL) == v)
			break;
	}
	return g_strdup(buf);
}

char *workbook_date_text(double serial, bool date1904)
{
	if (!isfinite(serial) || serial < 0 || serial > 2958466)	/* 9999-12-31 */
		return NULL;
	double day = floor(serial);
	long secs = lround((serial - day) * 86400.0);
	if (secs >= 86400) {
		day += 1;
		secs -= 86400;
	}
	if (day == 0 && !date1904 && secs)
		return g_strdup_printf("%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
	GDate *d = date1904 ? g_date_new_dmy(1, G_DATE_JANUARY, 1904)
			    : g_date_new_dmy(30, G_DATE_DECEMBER, 1899);
	/* Excel counts a 29 February 1900 that never was: serials before it are one day off. */
	if (!date1904 && day < 61 && day > 0)
		day += 1;
	g_date_add_days(d, (guint)day);
	char *date = g_strdup_printf("%04d-%02d-%02d", g_date_get_year(d), g_date_get_month(d),
				     g_date_get_day(d));
	g_date_free(d);
	if (!secs)
		return date;
	char *full = g_strdup_printf("%sT%02ld:%02ld:%02ld", date, secs / 3600, secs / 60 % 60,
				     secs % 60);
	g_free(date);
	return full;
}

/* Archives */

int workbook_zip_read(zip_t *zip, const char *name, char **data, size_t *len, GError **error)
{
	*data = NULL;
	*len = 0;
	zip_int64_t index = zip_name_locate(zip, name, 0);
	if (index < 0)
		return 0;
	zip_file_t *f = zip_fopen_index(zip, (zip_uint64_t)index, 0);
	if (!f) {
		g_set_error(error, WORKBOOK_ERROR, 0, "%s: %s", name,
			    zip_error_strerror(zip_get_error(zip)));
		return -1;
	}
	zip_stat_t st;
	size_t expect = zip_stat_index(zip, (zip_uint64_t)index, 0, &st) == 0 &&
				(st.valid & ZIP_STAT_SIZE)
			? (size_t)MIN(st.size, (zip_uint64_t)WORKBOOK_MAX_PART)
			: 0;
	GString *buf = g_string_sized_new(expect + 1);	/* the size said, which may lie */
	char chunk[1 << 16];
	zip_int64_t n;
	while ((n = zip_fread(f, chunk, sizeof chunk)) > 0) {
		if (buf->len + (size_t)n > WORKBOOK_MAX_PART)
			break;
		g_string_append_len(buf, chunk, (gssize)n);
	}
	if (n > 0)
		/* TRANSLATORS: %s is a part of the workbook's archive, such as xl/sharedStrings.xml. */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("%s: inflates to more than %u bytes"), name,
			    WORKBOOK_MAX_PART);
	else if (n < 0)
		g_set_error(error, WORKBOOK_ERROR, 0, "%s: %s", name,
			    zip_error_strerror(zip_file_get_error(f)));
	zip_fclose(f);
	if (n != 0) {
		g_string_free(buf, TRUE);
		return -1;
	}
	*len = buf->len;
	*data = g_string_free(buf, FALSE);
	return 1;
}

static zip_t *zip_open_fd(int fd, GError **error)
{
	int dup_fd = dup(fd);	/* zip_fdopen() takes the descriptor it is given */
	int code = 0;
	zip_t *zip = dup_fd < 0 ? NULL : zip_fdopen(dup_fd, ZIP_RDONLY | ZIP_CHECKCONS, &code);
	if (zip)
		return zip;
	if (dup_fd >= 0)
		close(dup_fd);
	zip_error_t ze;
	zip_error_init_with_code(&ze, code);
	/* TRANSLATORS: %s is why: "not a zip archive", or libzip's reason. */
	g_set_error(error, WORKBOOK_ERROR, 0, E_("not a readable workbook: %s"),
		    /* TRANSLATORS: why a file is not a readable workbook. */
		    code == ZIP_ER_NOZIP ? E_("not a zip archive") : zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return NULL;
}

/* XML */

static void xml_error(void *arg, const char *msg, xmlParserSeverities severity,
		      xmlTextReaderLocatorPtr locator)
{
	struct workbook_xml *x = arg;
	if (x->error || severity == XML_PARSER_SEVERITY_WARNING ||
	    severity == XML_PARSER_SEVERITY_VALIDITY_WARNING)
		return;
	int line = xmlTextReaderLocatorLineNumber(locator);
	/* TRANSLATORS: a line of an XML part, then libxml2's message. */
	x->error = line > 0 ? g_strdup_printf(E_("line %d: %s"), line, msg) : g_strdup(msg);
	g_strchomp(x->error);
}

int workbook_xml_open(struct workbook_xml *x, const char *data, size_t len, const char *part,
		      GError **error)
{
	x->part = part;
	x->error = NULL;
	x->reader = NULL;
	if (len > INT_MAX) {
		/* TRANSLATORS: %s is a part of the workbook, such as content.xml. */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("%s: too large"), part);
		return -1;
	}
	x->reader = xmlReaderForMemory(data, (int)len, part, NULL, XML_PARSE_NONET);
	if (!x->reader) {
		/* TRANSLATORS: %s is a part of the workbook, such as content.xml. */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("%s: cannot be read as XML"), part);
		return -1;
	}
	xmlTextReaderSetErrorHandler(x->reader, xml_error, x);
	return 0;
}

int workbook_xml_close(struct workbook_xml *x, int rc, GError **error)
{
	if (rc < 0 && !(error && *error))
		g_set_error(error, WORKBOOK_ERROR, 0, "%s: %s", x->part,
			    /* TRANSLATORS: what is wrong with a part of a workbook, as in "content.xml: %s". */
			    x->error ? x->error : E_("not well-formed XML"));
	if (x->reader)
		xmlFreeTextReader(x->reader);
	g_free(x->error);
	x->reader = NULL;
	x->error = NULL;
	return rc < 0 ? -1 : 0;
}

bool workbook_xml_is(struct workbook_xml *x, int type, const char *local)
{
	return xmlTextReaderNodeType(x->reader) == type &&
	       strcmp((const char *)xmlTextReaderConstLocalName(x->reader), local) == 0;
}

char *workbook_xml_attr(struct workbook_xml *x, const char *ns, const char *local)
{
	char *value = NULL;
	if (xmlTextReaderMoveToFirstAttribute(x->reader) != 1)
		return NULL;
	do {
		const char *name = (const char *)xmlTextReaderConstLocalName(x->reader);
		const char *uri = (const char *)xmlTextReaderConstNamespaceUri(x->reader);
		if (strcmp(name, local) == 0 && (!ns || g_strcmp0(uri, ns) == 0)) {
			value = g_strdup((const char *)xmlTextReaderConstValue(x->reader));
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(x->reader) == 1);
	xmlTextReaderMoveToElement(x->reader);
	return value;
}

/* Workbooks */

void workbook_sheet_free(gpointer p)
{
	struct workbook_sheet *s = p;
	for (guint i = 0; i < s->rows->len; i++) {
		struct workbook_row *r = g_ptr_array_index(s->rows, i);
		g_strfreev(r->cells);
		g_free(r);
	}
	g_ptr_array_free(s->rows, TRUE);
	g_free(s->name);
	g_free(s);
}

void workbook_free(struct workbook *w)
{
	if (!w)
		return;
	g_ptr_array_free(w->sheets, TRUE);
	g_free(w->path);
	g_free(w);
}

int workbook_open_input(const char *path, GError **error)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		/* TRANSLATORS: %s is the system's reason, such as "No such file or directory". */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("cannot open: %s"), g_strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		g_set_error(error, WORKBOOK_ERROR, 0, E_("cannot open: not a regular file"));
		close(fd);
		return -1;
	}
	inputs_record(fd);
	return fd;
}

struct workbook *workbook_read(const char *path, const char *const *only, GError **error)
{
	enum format format = format_of(path);
	if (format == FORMAT_NONE) {
		g_set_error(error, WORKBOOK_ERROR, 0, E_("not a workbook (.xlsx, .xls or .ods)"));
		return NULL;
	}
	int fd = workbook_open_input(path, error);
	if (fd < 0)
		return NULL;
	struct workbook *w = g_new0(struct workbook, 1);
	w->path = g_strdup(path);
	w->sheets = g_ptr_array_new_with_free_func(workbook_sheet_free);
	int rc = -1;
	if (format == FORMAT_XLS) {
		rc = workbook_read_xls(w, only, error);
	} else {
		zip_t *zip = zip_open_fd(fd, error);
		if (zip) {
			rc = format == FORMAT_XLSX ? workbook_read_xlsx(w, zip, only, error)
						   : workbook_read_ods(w, zip, only, error);
			zip_discard(zip);
		}
	}
	close(fd);
	if (rc < 0) {
		workbook_free(w);
		return NULL;
	}
	return w;
}

/* Writes SHEET as CSV to FP, a blank line for each row it leaves out: rows keep their numbers. */
static void write_sheet_csv(const struct workbook_sheet *sheet, FILE *fp)
{
	struct csvio_writer out;
	csvio_writer_init(&out, fp);
	long row = 1;
	for (guint i = 0; i < sheet->rows->len; i++) {
		const struct workbook_row *r = g_ptr_array_index(sheet->rows, i);
		for (; row < r->row; row++)
			fputc('\n', fp);
		for (guint c = 0; c < r->n_cells; c++)
			csvio_write_field(&out, r->cells[c]);
		csvio_end_record(&out);
		row++;
	}
}

struct csvio_reader *workbook_open_csv(const char *path, GError **error)
{
	struct workbook *w = workbook_read(path, NULL, error);
	if (!w)
		return NULL;
	if (!w->sheets->len) {
		g_set_error(error, WORKBOOK_ERROR, 0, E_("empty workbook: no sheet"));
		workbook_free(w);
		return NULL;
	}
	const struct workbook_sheet *sheet = g_ptr_array_index(w->sheets, 0);
	char *csv = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&csv, &len);
	if (!fp) {
		/* TRANSLATORS: %s is the system's reason. */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("cannot read: %s"), g_strerror(errno));
		workbook_free(w);
		return NULL;
	}
	write_sheet_csv(sheet, fp);
	fclose(fp);
	char *name = g_strdup_printf("%s[%s]", path, sheet->name);
	struct csvio_reader *in = csvio_open_memory_owned(name, csv, len, CSVIO_DELIM_COMMA);
	g_free(name);
	workbook_free(w);
	return in;
}

struct csvio_reader *workbook_open_table(const char *path)
{
	if (strcmp(path, "-") == 0 || !workbook_is_workbook(path))
		return csvio_open(path, NULL, CSVIO_DELIM_AUTO);
	GError *error = NULL;
	struct csvio_reader *in = workbook_open_csv(path, &error);
	if (!in) {
		msg_error_at(path, 0, "%s", error->message);
		g_error_free(error);
	}
	return in;
}
