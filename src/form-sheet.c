/* form-sheet.c - the sheets of an XLSForm read from CSV or a workbook, headers normalised */
#include <config.h>
#include "form-sheet.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "csvio.h"
#include "msg.h"
#include "workbook.h"

struct alias {
	const char *from, *to;
};

/* pyxform/aliases.py, after lower-casing and snake-casing the header. */
static const struct alias survey_aliases[] = {
	{ "command", "type" },
	{ "value", "name" },
	{ "tag", "name" },
	{ "caption", "label" },
	{ "requiredmsg", "required_message" },
	{ "jr:requiredmsg", "required_message" },
	{ "relevance", "relevant" },
	{ "constraining_message", "constraint_message" },
	{ "jr:constraintmsg", "constraint_message" },
	{ "calculate", "calculation" },
	{ "readonly", "read_only" },
	{ "count", "repeat_count" },
	{ "jr:count", "repeat_count" },
	{ "bind::constraint", "constraint" },
	{ "bind::jr:constraintmsg", "constraint_message" },
	{ "bind::relevant", "relevant" },
	{ "bind::readonly", "read_only" },
	{ "bind::required", "required" },
	{ "bind::jr:requiredmsg", "required_message" },
	{ "bind::calculate", "calculation" },
	{ "control::appearance", "appearance" },
	{ "control::jr:count", "repeat_count" },
	{ "media::image", "image" },
	{ "media::big-image", "big-image" },
	{ "media::audio", "audio" },
	{ "media::video", "video" },
	{ NULL, NULL },
};

static const char *const survey_columns[] = {
	"type", "name", "label", "hint", "guidance_hint", "required", "required_message",
	"relevant", "constraint", "constraint_message", "calculation", "read_only", "default",
	"appearance", "choice_filter", "parameters", "repeat_count", "trigger", "image",
	"big-image", "audio", "video", "disabled", NULL,
};

static const struct alias choices_aliases[] = {
	{ "list", "list_name" },
	{ "value", "name" },
	{ "caption", "label" },
	{ "media::image", "image" },
	{ "media::big-image", "big-image" },
	{ "media::audio", "audio" },
	{ "media::video", "video" },
	{ NULL, NULL },
};

static const char *const choices_columns[] = {
	"list_name", "name", "label", "image", "big-image", "audio", "video", NULL,
};

static const struct alias settings_aliases[] = {
	{ "set_form_title", "form_title" },
	{ "title", "form_title" },
	{ "set_form_id", "form_id" },
	{ "id_string", "form_id" },
	{ NULL, NULL },
};

static const char *const settings_columns[] = {
	"form_title", "form_id", "version", "default_language", "instance_name", "style",
	"public_key", "submission_url", "name", "clean_text_values", "allow_choice_duplicates",
	NULL,
};

static const char *const translatable[] = {
	"label", "hint", "guidance_hint", "constraint_message", "required_message",
	"image", "big-image", "audio", "video", NULL,
};

/* The entry of LIST equal to S (so it outlives S), or NULL. */
static const char *in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return *list;
	return NULL;
}

bool form_sheet_translatable(const char *base)
{
	return in_list(translatable, base) != NULL;
}

bool form_sheet_is_space(gunichar c)
{
	return g_unichar_isspace(c) || c == 0x00A0 || c == 0x2007 || c == 0x202F || c == 0xFEFF;
}

/* The length of the character at P: one byte in text that is not UTF-8. */
static size_t char_len(const char *p, bool utf8)
{
	return utf8 ? (size_t)(g_utf8_next_char(p) - p) : 1;
}

/* The length of the space at P, or 0; only ASCII spaces in text that is not UTF-8. */
static size_t space_at(const char *p, bool utf8)
{
	if (!utf8 || (unsigned char)*p < 0x80)
		return g_ascii_isspace(*p) ? 1 : 0;
	return form_sheet_is_space(g_utf8_get_char(p)) ? char_len(p, utf8) : 0;
}

char *form_sheet_strip(char *s)
{
	bool utf8 = g_utf8_validate(s, -1, NULL);
	char *start = s;
	for (size_t n; (n = space_at(start, utf8));)
		start += n;
	char *end = start;
	for (char *p = start; *p;) {
		size_t n = space_at(p, utf8);
		p += n ? n : char_len(p, utf8);
		if (!n)
			end = p;
	}
	memmove(s, start, (size_t)(end - start));
	s[end - start] = '\0';
	return s;
}

char *form_sheet_join_words(const char *s, char sep)
{
	bool utf8 = g_utf8_validate(s, -1, NULL);
	GString *out = g_string_new(NULL);
	bool gap = false;
	for (const char *p = s; *p;) {
		size_t n = space_at(p, utf8);
		if (n) {
			gap = true;
			p += n;
			continue;
		}
		if (gap && out->len)
			g_string_append_c(out, sep);
		gap = false;
		size_t len = char_len(p, utf8);
		g_string_append_len(out, p, (gssize)len);
		p += len;
	}
	return g_string_free(out, FALSE);
}

/* pyxform's to_snake_case: words joined by '_', lower case. */
static char *snake_case(const char *s)
{
	char *joined = form_sheet_join_words(s, '_');
	char *lower = g_utf8_strdown(joined, -1);
	g_free(joined);
	return lower;
}

struct sheet_kind {
	const struct alias *aliases;
	const char *const *columns;
};

static const char *canonical(const struct sheet_kind *kind, const char *name)
{
	const char *known = in_list(kind->columns, name);
	if (known)
		return known;
	for (const struct alias *a = kind->aliases; a->from; a++)
		if (strcmp(a->from, name) == 0)
			return a->to;
	return NULL;
}

/*
 * Splits a header into tokens the way pyxform does: on "::" when any header
 * of the sheet has it, else on a single ':' (the legacy form), gluing a
 * "jr" token back to the one after it ("bind:jr:constraintMsg").
 */
static char **split_header(const char *header, bool double_colon)
{
	if (double_colon)
		return g_strsplit(header, "::", -1);
	char **parts = g_strsplit(header, ":", -1);
	GPtrArray *out = g_ptr_array_new();
	for (char **p = parts; *p; p++) {
		if (g_strcmp0(g_strstrip(*p), "jr") == 0 && p[1]) {
			g_ptr_array_add(out, g_strconcat("jr:", g_strstrip(p[1]), NULL));
			p++;
		} else {
			g_ptr_array_add(out, g_strdup(*p));
		}
	}
	g_ptr_array_add(out, NULL);
	g_strfreev(parts);
	return (char **)g_ptr_array_free(out, FALSE);
}

static struct form_sheet_column *make_column(const struct sheet_kind *kind, const char *header,
					     bool double_colon)
{
	struct form_sheet_column *col = g_new0(struct form_sheet_column, 1);
	char **tok = split_header(header, double_colon);
	for (char **t = tok; *t; t++)
		g_strstrip(*t);
	guint n = g_strv_length(tok);
	guint lang_from = 1;
	const char *base = NULL;
	char *first = snake_case(tok[0]);
	if (n >= 2 && (strcmp(first, "bind") == 0 || strcmp(first, "control") == 0 ||
		       strcmp(first, "media") == 0)) {
		char *second = g_ascii_strdown(tok[1], -1);
		char *joined = g_strconcat(first, "::", second, NULL);
		base = canonical(kind, joined);
		g_free(joined);
		g_free(second);
		lang_from = 2;
	}
	if (!base) {
		base = canonical(kind, first);
		lang_from = 1;
	}
	g_free(first);
	col->known = base != NULL;
	col->base = g_strdup(base ? base : tok[0]);
	if (n > lang_from) {
		col->lang = g_strjoinv("::", tok + lang_from);
		col->key = g_strconcat(col->base, "::", col->lang, NULL);
	} else {
		col->key = g_strdup(col->base);
	}
	g_strfreev(tok);
	return col;
}

static void column_free(gpointer p)
{
	struct form_sheet_column *c = p;
	g_free(c->base);
	g_free(c->lang);
	g_free(c->key);
	g_free(c);
}

static struct form_sheet *sheet_new(const char *name, const char *file)
{
	struct form_sheet *s = g_new0(struct form_sheet, 1);
	s->name = g_utf8_strdown(name, -1);
	s->file = g_strdup(file);
	s->columns = g_ptr_array_new_with_free_func(column_free);
	s->rows = g_ptr_array_new();
	return s;
}

static void sheet_free(gpointer p)
{
	struct form_sheet *s = p;
	for (guint i = 0; i < s->rows->len; i++) {
		struct form_sheet_row *r = g_ptr_array_index(s->rows, i);
		g_strfreev(r->cells);
		g_free(r);
	}
	g_ptr_array_free(s->rows, TRUE);
	g_ptr_array_free(s->columns, TRUE);
	g_free(s->name);
	g_free(s->file);
	g_free(s);
}

/* The sheets pyxform knows; rows of any other sheet are skipped. */
static const char *const known_sheets[] = {
	"survey", "choices", "settings", "external_choices", "entities", "osm", NULL,
};

static const struct sheet_kind *kind_of(const char *sheet_name)
{
	static const struct sheet_kind survey = { survey_aliases, survey_columns };
	static const struct sheet_kind choices = { choices_aliases, choices_columns };
	static const struct sheet_kind settings = { settings_aliases, settings_columns };
	if (strcmp(sheet_name, "survey") == 0)
		return &survey;
	if (strcmp(sheet_name, "settings") == 0)
		return &settings;
	return &choices;	/* choices, external_choices and sheets we ignore */
}

/*
 * Sets the header of SHEET from CELLS.  Empty header cells leave their
 * column out (spreadsheets often export trailing empty columns); a header
 * given twice is an error, since one of the two columns would be lost.
 * Returns the number of errors.
 */
static int set_header(struct form_sheet *sheet, char **cells, size_t n, long row)
{
	const struct sheet_kind *kind = kind_of(sheet->name);
	bool double_colon = false;
	int errors = 0;
	for (size_t i = 0; i < n; i++)
		if (strstr(cells[i], "::"))
			double_colon = true;
	sheet->header_row = row;
	for (size_t i = 0; i < n; i++) {
		if (!*cells[i]) {
			g_ptr_array_add(sheet->columns, NULL);
			continue;
		}
		struct form_sheet_column *col = make_column(kind, cells[i], double_colon);
		for (guint j = 0; j < sheet->columns->len; j++) {
			struct form_sheet_column *other = g_ptr_array_index(sheet->columns, j);
			if (other && strcmp(other->key, col->key) == 0) {
				errors++;
				/* TRANSLATORS: a column's header, then the sheet's name, not translated (survey, choices, settings). */
				msg_error_at(sheet->file, row, "duplicate column '%s' in the %s sheet",
					     cells[i], sheet->name);
				column_free(col);
				col = NULL;
				break;
			}
		}
		g_ptr_array_add(sheet->columns, col);
	}
	return errors;
}

/* Adds a data row; cells beyond the header are empty (take_row() refuses others). */
static void add_row(struct form_sheet *sheet, char **cells, size_t n, long row)
{
	struct form_sheet_row *r = g_new(struct form_sheet_row, 1);
	r->row = row;
	r->cells = g_new0(char *, sheet->columns->len + 1);
	for (guint i = 0; i < sheet->columns->len; i++)
		r->cells[i] = g_strdup(i < n ? cells[i] : "");
	g_ptr_array_add(sheet->rows, r);
}

/* Copies a record's fields, stripped; returns whether any is non-empty. */
static bool strip_record(const struct csvio_record *rec, size_t from, GPtrArray *out)
{
	bool any = false;
	g_ptr_array_set_size(out, 0);
	for (size_t i = from; i < rec->n_fields; i++) {
		char *s = form_sheet_strip(g_strdup(rec->fields[i]));
		any |= *s != '\0';
		g_ptr_array_add(out, s);
	}
	return any;
}

/* Removes the unnamed columns (NULL entries) from a sheet, and their cells. */
static void drop_unnamed_columns(struct form_sheet *sheet)
{
	guint n = sheet->columns->len, keep = 0;
	for (guint i = 0; i < n; i++) {
		gpointer col = g_ptr_array_index(sheet->columns, i);
		for (guint r = 0; r < sheet->rows->len; r++) {
			struct form_sheet_row *row = g_ptr_array_index(sheet->rows, r);
			char *cell = row->cells[i];
			if (col)
				row->cells[keep] = cell;
			else
				g_free(cell);
		}
		if (col)
			sheet->columns->pdata[keep++] = col;
	}
	for (guint r = 0; r < sheet->rows->len; r++) {
		struct form_sheet_row *row = g_ptr_array_index(sheet->rows, r);
		row->cells[keep] = NULL;
	}
	sheet->columns->len = keep;
}

/*
 * The first row with content is the header (returns its errors); the
 * others are rows.  A row with a cell past the header is an error, where
 * pyxform drops the cell: most often it is the end of a label holding an
 * unquoted comma.  Empty cells past it are fine (spreadsheets write them).
 */
static int take_row(struct csvio_reader *r, const struct csvio_record *rec,
		    struct form_sheet *sheet, GPtrArray *cells, bool *have_header)
{
	if (*have_header) {
		add_row(sheet, (char **)cells->pdata, cells->len, rec->row);
		return csvio_check_width(r, rec, -1) < 0;
	}
	*have_header = true;
	csvio_set_header(r, rec, CSVIO_WIDTH_TRAILING_EMPTY);
	return set_header(sheet, (char **)cells->pdata, cells->len, rec->row);
}

/* Reads a per-sheet CSV: the first non-blank row is the header. */
static int read_sheet_file(const char *file, const char *name, struct form_sheets *sheets,
			   struct form_sheet **slot)
{
	struct csvio_reader *r = csvio_open(file, NULL, CSVIO_DELIM_AUTO);
	if (!r)
		return 1;
	struct form_sheet *sheet = sheet_new(name, file);
	g_ptr_array_add(sheets->all, sheet);
	*slot = sheet;
	GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
	struct csvio_record rec;
	int rc, errors = 0;
	bool have_header = false;
	while ((rc = csvio_next(r, &rec)) == 1) {
		if (!strip_record(&rec, 0, cells))
			continue;
		errors += take_row(r, &rec, sheet, cells, &have_header);
	}
	g_ptr_array_free(cells, TRUE);
	csvio_close(r);
	drop_unnamed_columns(sheet);
	return errors + (rc < 0);
}

/*
 * Drops the unnamed columns of every sheet read and finds the survey,
 * choices and settings sheets among them; a second one is an error.
 * FILE names the file they came from.  Returns the number of errors.
 */
static int assign_sheets(const char *file, struct form_sheets *sheets)
{
	int errors = 0;
	for (guint i = 0; i < sheets->all->len; i++) {
		struct form_sheet *s = g_ptr_array_index(sheets->all, i);
		drop_unnamed_columns(s);
		if (strcmp(s->name, "survey") == 0 && !sheets->survey)
			sheets->survey = s;
		else if (strcmp(s->name, "choices") == 0 && !sheets->choices)
			sheets->choices = s;
		else if (strcmp(s->name, "settings") == 0 && !sheets->settings)
			sheets->settings = s;
		else if (strcmp(s->name, "survey") == 0 || strcmp(s->name, "choices") == 0 ||
			 strcmp(s->name, "settings") == 0)
			/* TRANSLATORS: %s is a sheet's name, not translated: survey, choices or settings. */
			errors += msg_error_at(file, s->header_row, "second '%s' sheet", s->name) < 0;
	}
	return errors;
}

/*
 * Reads pyxform's single-file layout (xls2json_backends.py csv_to_dict):
 * a non-empty first column starts a sheet of that name, and the rest of
 * that row, if any, is its header; otherwise the first row with content
 * after the sheet name is the header.  Rows with no content are skipped.
 */
static int read_single_file(const char *file, struct form_sheets *sheets)
{
	struct csvio_reader *r = csvio_open(file, NULL, CSVIO_DELIM_AUTO);
	if (!r)
		return 1;
	GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
	struct form_sheet *sheet = NULL;
	struct csvio_record rec;
	int rc, errors = 0;
	bool have_header = false, in_unknown_sheet = false;
	while ((rc = csvio_next(r, &rec)) == 1) {
		char *marker = form_sheet_strip(g_strdup(rec.n_fields ? rec.fields[0] : ""));
		bool content = strip_record(&rec, 1, cells);
		if (*marker) {
			char *lower = g_utf8_strdown(marker, -1);
			bool known = in_list(known_sheets, lower) != NULL;
			g_free(lower);
			if (!known && sheets->all->len == 0) {
				errors += msg_error_at(file, rec.row, "not a single-file XLSForm: "
						       "the first column must name the sheets "
						       "(survey, choices, settings), not '%s'",
						       marker) < 0;
				g_free(marker);
				break;
			}
			sheet = known ? sheet_new(marker, file) : NULL;
			if (sheet)
				g_ptr_array_add(sheets->all, sheet);
			in_unknown_sheet = !known;
			have_header = false;
		}
		g_free(marker);
		if (!content || in_unknown_sheet)
			continue;
		if (!sheet) {
			errors++;
			msg_error_at(file, rec.row, "row before any sheet name: the first column "
				     "must name the sheet (survey, choices, settings)");
			break;
		}
		errors += take_row(r, &rec, sheet, cells, &have_header);
	}
	g_ptr_array_free(cells, TRUE);
	csvio_close(r);
	return errors + assign_sheets(file, sheets) + (rc < 0);
}

/* How many cells without a header a warning names before "...". */
#define HEADERLESS_NAMED 10

/*
 * Reads one sheet of a workbook: the first row with content is the
 * header, blank rows are skipped but keep their number.  A value in a
 * column without a header (a note beside the form) is ignored, as pyxform
 * ignores it, and said in one warning naming the cells: a workbook's
 * cells cannot be shifted by a stray comma, as a CSV row's can (where
 * take_row() refuses the row).
 */
static int read_workbook_sheet(const struct workbook_sheet *ws, struct form_sheet *sheet)
{
	GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
	bool have_header = false;
	guint width = 0;
	int errors = 0;
	unsigned headerless = 0;
	long first_headerless = 0;
	GString *named = g_string_new(NULL);
	for (guint i = 0; i < ws->rows->len; i++) {
		const struct workbook_row *row = g_ptr_array_index(ws->rows, i);
		g_ptr_array_set_size(cells, 0);
		guint used = 0;
		for (guint c = 0; c < row->n_cells; c++) {
			char *s = form_sheet_strip(g_strdup(row->cells[c]));
			if (*s)
				used = c + 1;
			g_ptr_array_add(cells, s);
		}
		if (!used)
			continue;
		if (!have_header) {
			have_header = true;
			width = used;
			errors += set_header(sheet, (char **)cells->pdata, used, row->row);
			continue;
		}
		for (guint c = width; c < used; c++) {
			if (!*(const char *)g_ptr_array_index(cells, c))
				continue;
			if (!headerless++)
				first_headerless = row->row;
			char name[8];
			if (headerless <= HEADERLESS_NAMED)
				g_string_append_printf(named, "%s%s%ld", headerless > 1 ? ", " : "",
						       workbook_column_name(c, name), row->row);
		}
		bool any = false;
		for (guint c = 0; c < width && c < cells->len && !any; c++)
			any = *(const char *)g_ptr_array_index(cells, c) != '\0';
		if (any)	/* a row holding only a note beside the form is no row of it */
			add_row(sheet, (char **)cells->pdata, MIN(cells->len, width), row->row);
	}
	if (headerless)
		/*
		 * TRANSLATORS: %u is a count; the first %s is "s" or nothing (an
		 * English plural, to be given a plural form of its own), then the
		 * cells ("K3, K7") and ", ..." when there are more.
		 */
		msg_warn_at(sheet->file, first_headerless, "ignored %u cell%s in columns without a "
			    "header: %s%s", headerless, headerless == 1 ? "" : "s", named->str,
			    headerless > HEADERLESS_NAMED ? ", ..." : "");
	g_string_free(named, TRUE);
	g_ptr_array_free(cells, TRUE);
	return errors;
}

/* The sheets pyxform reads from a workbook; the others are not even parsed. */
static const char *const workbook_sheets[] = {
	"survey", "choices", "settings", "external_choices", NULL,
};

/* Reads a workbook form; messages name a sheet as "PATH[survey]". */
static int read_workbook(const char *path, struct form_sheets *sheets)
{
	GError *error = NULL;
	struct workbook *w = workbook_read(path, workbook_sheets, &error);
	if (!w) {
		msg_error_at(path, 0, "%s", error->message);
		g_error_free(error);
		return 1;
	}
	int errors = 0;
	for (guint i = 0; i < w->sheets->len; i++) {
		const struct workbook_sheet *ws = g_ptr_array_index(w->sheets, i);
		char *file = g_strdup_printf("%s[%s]", path, ws->name);
		struct form_sheet *sheet = sheet_new(ws->name, file);
		g_free(file);
		g_ptr_array_add(sheets->all, sheet);
		errors += read_workbook_sheet(ws, sheet);
	}
	workbook_free(w);
	errors += assign_sheets(path, sheets);
	if (!errors && !sheets->survey)
		errors += msg_error_at(path, 0, "no survey sheet: a workbook form needs a sheet "
				       "named 'survey'") < 0;
	return errors;
}

int form_sheets_read(const char *path, struct form_sheets *sheets)
{
	memset(sheets, 0, sizeof *sheets);
	sheets->all = g_ptr_array_new_with_free_func(sheet_free);
	struct stat st;
	if (stat(path, &st) != 0)
		/* TRANSLATORS: %s is the system's reason, such as "No such file or directory". */
		return msg_error_at(path, 0, "cannot open: %s", g_strerror(errno)) < 0;
	if (!S_ISDIR(st.st_mode) && workbook_is_workbook(path))
		return read_workbook(path, sheets);
	if (!S_ISDIR(st.st_mode)) {
		int errors = read_single_file(path, sheets);
		if (!errors && !sheets->survey)
			errors += msg_error_at(path, 0, "no survey sheet: in a single-file form the "
					       "first column names the sheets") < 0;
		return errors;
	}
	int errors = 0;
	char *survey = g_build_filename(path, "survey.csv", NULL);
	char *choices = g_build_filename(path, "choices.csv", NULL);
	char *settings = g_build_filename(path, "settings.csv", NULL);
	if (!g_file_test(survey, G_FILE_TEST_EXISTS))
		errors += msg_error_at(path, 0, "no survey.csv in the form directory") < 0;
	else
		errors += read_sheet_file(survey, "survey", sheets, &sheets->survey);
	if (g_file_test(choices, G_FILE_TEST_EXISTS))
		errors += read_sheet_file(choices, "choices", sheets, &sheets->choices);
	if (g_file_test(settings, G_FILE_TEST_EXISTS))
		errors += read_sheet_file(settings, "settings", sheets, &sheets->settings);
	g_free(survey);
	g_free(choices);
	g_free(settings);
	return errors;
}

struct form_sheet *form_sheet_read_list(const char *file, int *errors)
{
	struct form_sheets sheets = { .all = g_ptr_array_new_with_free_func(sheet_free) };
	struct form_sheet *sheet = NULL;
	char *lower = g_ascii_strdown(file, -1);
	if (g_str_has_suffix(lower, ".xml")) {
		GError *error = NULL;
		struct workbook *w = workbook_read_items(file, &error);
		if (!w) {
			*errors = msg_error_at(file, 0, "%s", error->message) < 0;
			g_error_free(error);
		} else {
			sheet = sheet_new("choices", file);
			g_ptr_array_add(sheets.all, sheet);
			*errors = read_workbook_sheet(g_ptr_array_index(w->sheets, 0), sheet);
			workbook_free(w);
		}
	} else {
		*errors = read_sheet_file(file, "choices", &sheets, &sheet);
	}
	g_free(lower);
	if (sheet)
		g_ptr_array_steal_index(sheets.all, 0);
	g_ptr_array_free(sheets.all, TRUE);
	return sheet;
}

void form_sheet_free(struct form_sheet *sheet)
{
	if (sheet)
		sheet_free(sheet);
}

void form_sheets_release(struct form_sheets *sheets)
{
	if (sheets->all)
		g_ptr_array_free(sheets->all, TRUE);
	memset(sheets, 0, sizeof *sheets);
}

int form_sheet_find(const struct form_sheet *sheet, const char *base)
{
	for (guint i = 0; i < sheet->columns->len; i++) {
		struct form_sheet_column *c = g_ptr_array_index(sheet->columns, i);
		if (!c->lang && strcmp(c->base, base) == 0)
			return (int)i;
	}
	return -1;
}

const char *form_sheet_cell(const struct form_sheet *sheet, const struct form_sheet_row *row,
			    const char *base)
{
	int i = form_sheet_find(sheet, base);
	return i < 0 ? "" : row->cells[i];
}
