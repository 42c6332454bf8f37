/* response.c - replies: the model, reading and writing reply files */
#include <config.h>
#include "response.h"

#include <errno.h>
#include <string.h>

#include "atomic.h"
#include "csvio.h"
#include "form.h"
#include "i18n.h"
#include "msg.h"
#include "answer.h"
#include "workbook.h"

static const char *const meta_names[RESP_N_META] = {
	[RESP_RESPONDENT] = "_respondent",
	[RESP_SUBMITTED] = "_submitted",
	[RESP_CHANNEL] = "_channel",
	[RESP_ENTERED_BY] = "_entered_by",
	[RESP_FORM_VERSION] = "_form_version",
	[RESP_NOTE] = "_note",
	[RESP_INCOMPLETE] = "_incomplete",
};

const char *resp_meta_name(enum resp_meta m)
{
	return meta_names[m];
}

int resp_meta_find(const char *name)
{
	for (int m = 0; m < RESP_N_META; m++)
		if (strcmp(meta_names[m], name) == 0)
			return m;
	return -1;
}

struct resp_reply *resp_new(const struct form *form)
{
	struct resp_reply *r = g_new0(struct resp_reply, 1);
	size_t n = form_n_questions(form);
	r->form = form;
	r->values = g_new0(char *, n + 1);
	r->rows = g_new0(long, n + 1);
	return r;
}

void resp_clear(struct resp_reply *r)
{
	size_t n = form_n_questions(r->form);
	if (!r->borrowed) {
		for (size_t i = 0; i < n; i++)
			g_free(r->values[i]);
		for (int m = 0; m < RESP_N_META; m++)
			g_free(r->meta[m]);
	}
	/* A row of a wide export clears a reply: all at once, not value by value. */
	memset(r->values, 0, n * sizeof *r->values);
	memset(r->rows, 0, n * sizeof *r->rows);
	memset(r->meta, 0, sizeof r->meta);
	memset(r->meta_row, 0, sizeof r->meta_row);
	r->borrowed = false;
	r->row = 0;
}

/* Makes a borrowed reply own its strings. */
static void own(struct resp_reply *r)
{
	if (!r->borrowed)
		return;
	for (size_t i = 0; i < form_n_questions(r->form); i++)
		r->values[i] = g_strdup(r->values[i]);
	for (int m = 0; m < RESP_N_META; m++)
		r->meta[m] = g_strdup(r->meta[m]);
	r->borrowed = false;
}

void resp_free(struct resp_reply *r)
{
	if (!r)
		return;
	resp_clear(r);
	g_free(r->values);
	g_free(r->rows);
	g_free(r->file);
	g_free(r->sheet);
	g_free(r);
}

char *resp_where_row(const struct resp_reply *r, long row)
{
	if (r->sheet)
		return workbook_cell_name(NULL, r->sheet, row, r->column);
	/*
	 * TRANSLATORS: where an answer is in a reply file, as in "_note given
	 * twice (first in row 4)"; %ld is the row number.
	 */
	return g_strdup_printf(E_("row %ld"), row);
}

char *resp_where(const struct resp_reply *r, long row)
{
	const char *file = r->file;
	if (!file || row <= 0)
		return g_strdup(file);
	if (!r->sheet)
		return g_strdup_printf("%s:%ld", file, row);
	return workbook_cell_name(file, r->sheet, row, r->column);
}

int resp_error_at(const struct resp_reply *r, long row, const char *fmt, ...)
{
	char *where = resp_where(r, row);
	va_list ap;
	va_start(ap, fmt);
	msg_verror_where(where, fmt, ap);
	va_end(ap);
	g_free(where);
	return -1;
}

void resp_warn_at(const struct resp_reply *r, long row, const char *fmt, ...)
{
	char *where = resp_where(r, row);
	va_list ap;
	va_start(ap, fmt);
	msg_vwarn_where(where, fmt, ap);
	va_end(ap);
	g_free(where);
}

void resp_set(struct resp_reply *r, int q, const char *value)
{
	own(r);
	g_free(r->values[q]);
	r->values[q] = value && *value ? g_strdup(value) : NULL;
}

void resp_set_meta(struct resp_reply *r, enum resp_meta m, const char *value)
{
	own(r);
	g_free(r->meta[m]);
	r->meta[m] = value && *value ? g_strdup(value) : NULL;
}

/* Reading */

/* The question name closest to NAME, if close enough to be a likely typo. */
static const char *suggest(const struct form *form, const char *name)
{
	struct msg_suggest sg;
	msg_suggest_init(&sg, name);
	for (size_t i = 0; i < form_n_questions(form); i++)
		msg_suggest_try(&sg, form_question_key(form_question_at(form, i)));
	return sg.best;
}

static void unknown_name(const struct resp_reply *r, long row, const char *name)
{
	const struct form *form = r->form;
	char *paths = form_shared_paths(form, name);
	if (paths) {
		/*
		 * TRANSLATORS: %s is the name typed in a reply file, then the paths of
		 * the questions it may name ("g1/q, g2/q").
		 */
		resp_error_at(r, row, "'%s' names questions in different groups: %s; a reply "
			     "names each by its path", name, paths);
		g_free(paths);
		return;
	}
	const char *hint = suggest(form, name);
	char *shown = msg_value(name);
	if (hint)
		resp_error_at(r, row, "unknown question '%s'; did you mean '%s'?", shown, hint);
	else
		resp_error_at(r, row, "unknown question '%s'", shown);
	g_free(shown);
}

struct columns {
	int name, value;
	int twice, first;	/* a second "name" or "value" column and the first, or -1 */
};

/* Finds the "name" and "value" columns; other columns are ignored. */
static bool find_columns(const struct csvio_record *rec, struct columns *cols)
{
	cols->name = cols->value = cols->twice = cols->first = -1;
	for (size_t i = 0; i < rec->n_fields; i++) {
		char *h = g_ascii_strdown(g_strstrip(rec->fields[i]), -1);
		int *col = strcmp(h, "name") == 0 ? &cols->name
			   : strcmp(h, "value") == 0 ? &cols->value : NULL;
		if (col && *col < 0) {
			*col = (int)i;
		} else if (col && cols->twice < 0) {
			cols->twice = (int)i;
			cols->first = *col;
		}
		g_free(h);
	}
	return cols->name >= 0 && cols->value >= 0;
}

/*
 * The column of free text in a reply file's rows: its value when the
 * header has no other column than the name, whose text holds no comma;
 * otherwise (an answer sheet's question and choices) a comma may be in
 * any column, and there is none.
 */
static long text_column(const struct csvio_record *header, const struct columns *cols)
{
	for (size_t i = 0; i < header->n_fields; i++)
		if ((int)i != cols->name && (int)i != cols->value && header->lens[i])
			return -1;
	return cols->value;
}

static const char *field(const struct csvio_record *rec, int i)
{
	return i >= 0 && (size_t)i < rec->n_fields ? rec->fields[i] : "";
}

/* Reports NAME, a question or (IS_META) a metadata field, given at ROW and first at FIRST. */
static int given_twice(const struct resp_reply *r, long row, const char *name, bool is_meta,
		       long first)
{
	char *where = resp_where_row(r, first);
	if (is_meta) {
		/*
		 * TRANSLATORS: %s is a metadata field (_submitted, kept as it is), then
		 * where it was given first: "row 4" or a cell such as "Reply!C14".
		 */
		resp_error_at(r, row, "%s given twice (first in %s)", name, where);
	} else {
		/*
		 * TRANSLATORS: %s is a question's name, then where it was answered
		 * first: "row 4" or a cell such as "Reply!C14".
		 */
		resp_error_at(r, row, "%s: answered twice (first in %s)", name, where);
	}
	g_free(where);
	return 1;
}

static int take_meta(struct resp_reply *r, enum resp_meta m, const char *value, long row)
{
	if (r->meta_row[m])
		return given_twice(r, row, meta_names[m], true, r->meta_row[m]);
	resp_set_meta(r, m, value);
	r->meta_row[m] = row;
	return 0;
}

/*
 * Takes one row; returns the number of problems it had (0 or 1).  A name
 * starting with '_' is metadata unless the form has a question of that
 * name (the form may not use a metadata name: form_name_reserved()).
 */
static int take_row(struct resp_reply *r, const char *name, const char *value, long row)
{
	const struct form *form = r->form;
	int m = resp_meta_find(name);
	if (m >= 0)
		return take_meta(r, m, value, row);
	const struct form_question *q = form_question(form, name);
	if (!q && name[0] == '_') {
		char *shown = msg_value(name);
		resp_error_at(r, row, "unknown metadata '%s' (known: _respondent, _submitted, "
			     "_channel, _entered_by, _form_version, _note, _incomplete)", shown);
		g_free(shown);
		return 1;
	}
	if (!q) {
		unknown_name(r, row, name);
		return 1;
	}
	if (r->rows[q->index])
		return given_twice(r, row, name, false, r->rows[q->index]);
	if (!form_kind_has_value(q->kind) && *value)
		return resp_error_at(r, row, "%s: is a note and takes no answer", name) < 0;
	resp_set(r, q->index, value);
	r->rows[q->index] = row;
	return 0;
}

/* The row of the answer workbook's header block that shows the State and the questionnaire. */
#define ANSWER_STATE_ROW 2
#define ANSWER_FORM_ROW 3

/*
 * A filled answer workbook (answer.h): its answers go through the rows a
 * reply file would have, so they meet the same checks and messages.
 */
static struct resp_reply *read_answers(const struct form *form, struct answer_rows *a,
				       int *problems)
{
	struct resp_reply *r = resp_new(form);
	r->file = g_strdup(a->file);
	r->sheet = g_strdup(a->sheet);
	r->column = a->column;
	if (a->respondent)
		*problems += take_meta(r, RESP_RESPONDENT, a->respondent, ANSWER_STATE_ROW);
	if (a->form_version)
		*problems += take_meta(r, RESP_FORM_VERSION, a->form_version, ANSWER_FORM_ROW);
	resp_set_meta(r, RESP_CHANNEL, "workbook");
	for (guint i = 0; i < a->names->len; i++)
		*problems += take_row(r, g_ptr_array_index(a->names, i),
				      g_ptr_array_index(a->values, i),
				      g_array_index(a->rows, long, i));
	*problems += a->problems;
	return r;
}

struct resp_reply *resp_read(const struct form *form, const char *path, int *problems)
{
	struct answer_rows answers;
	int found = answer_read(form, path, &answers);
	if (found != 0) {
		struct resp_reply *r = found > 0 ? read_answers(form, &answers, problems) : NULL;
		answer_rows_free(&answers);
		return r;
	}
	struct csvio_reader *in = workbook_open_table(path);
	if (!in)
		return NULL;
	struct resp_reply *r = resp_new(form);
	r->file = g_strdup(csvio_name(in));
	struct csvio_record rec;
	struct columns cols;
	bool have_header = false;
	long text = -1;
	int rc;
	while ((rc = csvio_next(in, &rec)) == 1) {
		if (!have_header) {
			if (!find_columns(&rec, &cols)) {
				resp_error_at(r, rec.row, "not a reply file: the header needs the "
					     "columns 'name' and 'value'");
				rc = -1;
				break;
			}
			if (cols.twice >= 0) {
				resp_error_at(r, rec.row, "duplicate column '%s' (columns %d and "
					     "%d)", g_strstrip(rec.fields[cols.twice]), cols.first + 1,
					     cols.twice + 1);
				rc = -1;
				break;
			}
			have_header = true;
			csvio_set_header(in, &rec, CSVIO_WIDTH_TRAILING_EMPTY);
			text = text_column(&rec, &cols);
			continue;
		}
		/* The row is still read: its name is right, and its value is the best there is. */
		*problems += csvio_check_width(in, &rec, text) < 0;
		char *name = g_strstrip(g_strdup(field(&rec, cols.name)));
		if (*name)
			*problems += take_row(r, name, field(&rec, cols.value), rec.row);
		else if (*field(&rec, cols.value))
			*problems += resp_error_at(r, rec.row, "value without a name") < 0;
		g_free(name);
	}
	if (rc == 0 && !have_header) {
		resp_error_at(r, 0, "empty file: a reply needs the header 'name,value'");
		rc = -1;
	}
	csvio_close(in);
	if (rc < 0) {
		resp_free(r);
		return NULL;
	}
	return r;
}

bool resp_is_reply_file(const char *path)
{
	if (answer_is_answer_workbook(path))
		return true;
	GString *ignore = g_string_new(NULL);
	GString *outer = msg_capture(ignore);
	struct csvio_reader *in = workbook_open_table(path);
	struct csvio_record rec;
	struct columns cols;
	bool is_reply = in && csvio_next(in, &rec) == 1 && find_columns(&rec, &cols);
	csvio_close(in);
	msg_capture(outer);
	g_string_free(ignore, TRUE);
	return is_reply;
}

/* Writing */

static void write_pair(struct csvio_writer *w, const char *name, const char *value)
{
	csvio_write_field(w, name);
	csvio_write_field(w, value);
	csvio_end_record(w);
}

bool resp_write_stream(const struct resp_reply *r, FILE *fp)
{
	struct csvio_writer w;
	csvio_writer_init(&w, fp);
	write_pair(&w, "name", "value");
	for (int m = 0; m < RESP_N_META; m++)
		if (r->meta[m])
			write_pair(&w, meta_names[m], r->meta[m]);
	for (size_t i = 0; i < form_n_questions(r->form); i++)
		if (r->values[i])
			write_pair(&w, form_question_key(form_question_at(r->form, i)), r->values[i]);
	return !csvio_writer_error(&w);
}

static int write_reply(const struct resp_reply *r, const char *path, bool later)
{
	struct atomic_file *f = atomic_open_with(path, ATOMIC_OWNER_WRITE_ONLY);
	if (!f)
		return -1;
	if (!resp_write_stream(r, atomic_stream(f))) {
		msg_error_at(path, 0, "write error: %s", g_strerror(errno));
		atomic_abort(f);
		return -1;
	}
	return later ? atomic_commit_later(f) : atomic_commit(f);
}

int resp_write(const struct resp_reply *r, const char *path)
{
	return write_reply(r, path, false);
}

int resp_write_later(const struct resp_reply *r, const char *path)
{
	return write_reply(r, path, true);
}

char *resp_code_for_message(const char *code)
{
	size_t n = strlen(code);
	if (n > RESP_CODE_SHOWN)
		/*
		 * TRANSLATORS: a respondent code too long to quote, in place of it in
		 * "unsafe code %s": "unsafe code of 300 bytes".
		 */
		return g_strdup_printf(E_("of %zu bytes"), n);
	return g_strdup_printf("'%s'", code);
}

static bool code_chars_are_safe(const char *code)
{
	/* ASCII first, as codes nearly always are: then there is no UTF-8 to check. */
	size_t n = 0;
	for (; code[n] && (unsigned char)code[n] < 0x80; n++)
		if (!g_ascii_isalnum(code[n]) && code[n] != '-' && code[n] != '_' && code[n] != '.')
			return false;
	bool ascii = !code[n];
	if (!ascii)
		n += strlen(code + n);
	if (n == 0 || n > RESP_CODE_MAX || code[0] == '.' || code[0] == '-')
		return false;
	if (ascii)
		return true;
	if (!g_utf8_validate(code, (gssize)n, NULL))
		return false;
	for (const char *p = code; *p; p = g_utf8_next_char(p)) {
		gunichar c = (unsigned char)*p < 0x80 ? (gunichar)*p : g_utf8_get_char(p);
		bool alnum = c < 0x80 ? g_ascii_isalnum((char)c) : g_unichar_isalnum(c);
		if (!alnum && c != '-' && c != '_' && c != '.')
			return false;
	}
	return true;
}

/*
 * Windows opens the device, not a file, for these names, whatever follows
 * the first '.': "NUL.csv" and "nul.tar.gz" are NUL.  (COM0 and LPT0 are
 * reserved by the newer Windows releases.)
 */
static bool is_device_name(const char *code)
{
	static const char *const devices[] = { "CON", "PRN", "AUX", "NUL", NULL };
	size_t stem = strcspn(code, ".");
	for (const char *const *d = devices; *d && stem == 3; d++)
		if (g_ascii_strncasecmp(code, *d, 3) == 0)
			return true;
	return stem == 4 && (g_ascii_strncasecmp(code, "COM", 3) == 0 ||
			     g_ascii_strncasecmp(code, "LPT", 3) == 0) && g_ascii_isdigit(code[3]);
}

const char *resp_code_problem(const char *code)
{
	if (!code_chars_are_safe(code))
		/* TRANSLATORS: why a respondent code is refused, after "unsafe code 'X Y': ". */
		return E_("use 1 to 64 letters, digits, '-', '_' and '.', not starting with '.' "
			  "or '-'");
	if (is_device_name(code))
		/*
		 * TRANSLATORS: why a respondent code is refused, after "unsafe code
		 * 'NUL': "; the names are kept as they are.
		 */
		return E_("Windows keeps CON, PRN, AUX, NUL, COM0 to COM9 and LPT0 to LPT9 for "
			  "devices, in any case and with any extension");
	return NULL;
}

bool resp_code_is_safe(const char *code)
{
	return resp_code_problem(code) == NULL;
}
