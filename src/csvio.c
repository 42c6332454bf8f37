/* csvio.c - all CSV input and output, on libcsv */
#include <config.h>
#include "csvio.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <glib.h>

#include "i18n.h"
#include "inputs.h"
#include "msg.h"

/*
 * Input is parsed in chunks of this many bytes.  The fuzzing build makes
 * them tiny (configure --enable-fuzzing), so that short inputs already
 * have records, quotes and line ends straddling two chunks.
 */
#ifdef CSVIO_CHUNK_SIZE
#define CHUNK_SIZE CSVIO_CHUNK_SIZE
#else
#define CHUNK_SIZE (64 * 1024)
#endif

/*
 * libcsv pushes fields and record ends into callbacks while it parses a
 * chunk; the reader turns that into a pull interface.  Completed records
 * of the current chunk are queued: their field bytes live in STORE (each
 * followed by a NUL), FIELDS/LENS point at them, and QUEUE holds one
 * entry per record.  A record handed out borrows its slice of FIELDS and
 * LENS as they are.  When the queue is drained the arrays are reset (their
 * capacity is kept), so memory follows the chunk, not the file.
 */
struct queued {
	long row;
	guint first;		/* index into fields */
	guint n_fields;
};

struct csvio_reader {
	char *name;
	FILE *fp;		/* NULL when reading memory */
	bool owns_fp;
	const char *mem;
	size_t mem_len, mem_pos;
	char *owned_mem;	/* csvio_open_memory_owned()'s, freed with free() */
	size_t bytes_read;
	bool limited;		/* csvio_open_part(): stop after REMAINING more bytes */
	unsigned long long remaining;

	struct csv_parser parser;
	enum csvio_delim delim;
	bool started;		/* BOM and delimiter handled */
	bool finished;		/* csv_fini called */
	int state;		/* 0 ok, -1 error found (reported once the queue drains) */
	char *pending;		/* the error message, until reported */
	long pending_row;

	/*
	 * The fields of the queued records: their bytes, each followed by a
	 * NUL, in STORE; each one's start in FIELDS (in STORE, or the static
	 * "" of a column passed over) and length in LENS.  Plain arrays, because
	 * this is the innermost loop of every read (a GArray append costs some
	 * forty instructions, and a wide export has a hundred fields a row):
	 * FIELDS and LENS grow with g_renew, the store with grow_store(), which
	 * moves the fields that point into it.
	 */
	char *store;
	size_t store_len, store_cap;
	char **fields;
	size_t *lens;
	guint n_spans, spans_cap;
	bool *keep;		/* [CSVIO_MAX_FIELDS]: columns to keep, none past the caller's N_KEEP; NULL for all */
	size_t n_keep;
	size_t header_width;	/* csvio_set_header(), or 0 */
	enum csvio_width width_rule;
	GArray *queue;		/* struct queued */
	guint queue_pos;

	/*
	 * Chunks parsed (numbered from 1), the last one with a byte that is
	 * not plain ASCII (0: none), and the chunk the field being parsed
	 * started in or after (0: the first field): a field met only plain
	 * chunks when DIRTY_CHUNK < FIELD_CHUNK, and needs no check_field().
	 */
	guint64 chunks, dirty_chunk, field_chunk;

	/* the record being parsed */
	guint cur_first;	/* its first field: where the spans stood when the last record ended */
	guint cur_fields;
	long rows_ended;	/* line ends seen outside quoted fields */
	int last_term;		/* character that ended the last record or blank line */
	bool cur_error;

	char *chunk;
};

/*
 * libcsv gathers each field in a buffer of its own, grown through this
 * function.  Refusing to grow it past the longest field quire accepts
 * (with room for the closing quote, blanks the reader trims and the NUL)
 * is what bounds memory: a 100 MB field, or /dev/zero, is refused at the
 * cap, not read whole first.  libcsv then stops with CSV_ENOMEM, which
 * fail_parse() reports as the long field it is.
 */
#define FIELD_BUFFER_MAX (CSVIO_MAX_FIELD + 64)

static void *grow_field_buffer(void *buf, size_t size)
{
	return size > FIELD_BUFFER_MAX ? NULL : g_realloc(buf, size);
}

/*
 * libcsv grows the field buffer by this many bytes at a time (128 unless
 * told): in steps of 128 bytes a field of a megabyte costs 8,192
 * reallocations, each of which may copy the buffer, which is quadratic.
 */
#define FIELD_BUFFER_STEP (64 * 1024)

static struct csvio_reader *reader_new(const char *name, enum csvio_delim delim)
{
	struct csvio_reader *r = g_new0(struct csvio_reader, 1);
	r->name = g_strdup(name);
	r->delim = delim;
	if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL | CSV_APPEND_NULL) != 0)
		g_error("csv_init failed");
	csv_set_realloc_func(&r->parser, grow_field_buffer);
	csv_set_free_func(&r->parser, g_free);
	csv_set_blk_size(&r->parser, FIELD_BUFFER_STEP);
	r->queue = g_array_new(FALSE, FALSE, sizeof(struct queued));
	r->last_term = -1;
	return r;
}

struct csvio_reader *csvio_open(const char *path, const char *display, enum csvio_delim delim)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = display ? display : is_stdin ? "<stdin>" : path;
	FILE *fp = is_stdin ? stdin : fopen(path, "rb");
	if (!fp) {
		msg_error_at(name, 0, "cannot open: %s", g_strerror(errno));
		return NULL;
	}
	inputs_record(fileno(fp));
	struct csvio_reader *r = reader_new(name, delim);
	r->fp = fp;
	r->owns_fp = !is_stdin;
	r->chunk = g_malloc(CHUNK_SIZE);
	return r;
}

struct csvio_reader *csvio_open_memory(const char *name, const char *data, size_t len,
				       enum csvio_delim delim)
{
	struct csvio_reader *r = reader_new(name, delim);
	r->mem = data;
	r->mem_len = len;
	return r;
}

struct csvio_reader *csvio_open_memory_owned(const char *name, char *data, size_t len,
					     enum csvio_delim delim)
{
	struct csvio_reader *r = csvio_open_memory(name, data, len, delim);
	r->owned_mem = data;
	return r;
}

struct csvio_reader *csvio_open_part(const struct csvio_reader *whole, const char *path,
				     unsigned long long start, unsigned long long end)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		msg_error_at(whole->name, 0, "cannot open: %s", g_strerror(errno));
		return NULL;
	}
	if (fseeko(fp, (off_t)start, SEEK_SET) != 0) {
		msg_error_at(whole->name, 0, "cannot open: %s", g_strerror(errno));
		fclose(fp);
		return NULL;
	}
	struct csvio_reader *r = reader_new(whole->name, (enum csvio_delim)csvio_delimiter(whole));
	r->fp = fp;
	r->owns_fp = true;
	r->chunk = g_malloc(CHUNK_SIZE);
	r->limited = true;
	r->remaining = end - start;
	if (start > 0) {	/* at 0, a byte order mark is skipped as for the whole file */
		csv_set_delim(&r->parser, (unsigned char)r->delim);
		r->started = true;
	}
	r->header_width = whole->header_width;
	r->width_rule = whole->width_rule;
	csvio_keep_columns(r, whole->keep, whole->n_keep);
	return r;
}

long csvio_rows(const struct csvio_reader *r)
{
	return r->rows_ended;
}

void csvio_close(struct csvio_reader *r)
{
	if (!r)
		return;
	if (r->owns_fp)
		fclose(r->fp);
	csv_free(&r->parser);
	g_free(r->name);
	g_free(r->store);
	g_free(r->fields);
	g_free(r->lens);
	g_free(r->keep);
	g_array_free(r->queue, TRUE);
	g_free(r->chunk);
	g_free(r->pending);
	free(r->owned_mem);
	g_free(r);
}

void csvio_keep_columns(struct csvio_reader *r, const bool *keep, size_t n_keep)
{
	g_free(r->keep);
	r->keep = NULL;
	r->n_keep = MIN(n_keep, (size_t)CSVIO_MAX_FIELDS);
	if (keep) {	/* for every column a row may have: the field's test is one load */
		r->keep = g_new0(bool, CSVIO_MAX_FIELDS);
		memcpy(r->keep, keep, r->n_keep * sizeof(bool));
	}
}

/* REC's fields up to its last non-empty one. */
static size_t used_fields(const struct csvio_record *rec)
{
	size_t n = rec->n_fields;
	while (n > 0 && rec->lens[n - 1] == 0)
		n--;
	return n;
}

static size_t width_under(const struct csvio_record *rec, enum csvio_width rule)
{
	return rule == CSVIO_WIDTH_EXACT ? rec->n_fields : used_fields(rec);
}

void csvio_set_header(struct csvio_reader *r, const struct csvio_record *header,
		      enum csvio_width rule)
{
	r->width_rule = rule;
	r->header_width = width_under(header, rule);
}

/* The fields from FIRST to LAST (excluded) joined as a person writes a list. */
static char *rejoin(const struct csvio_record *rec, size_t first, size_t last, char delim)
{
	GString *s = g_string_new(NULL);
	for (size_t i = first; i < last; i++) {
		if (i > first) {
			g_string_append_c(s, delim);
			g_string_append_c(s, ' ');
		}
		g_string_append_len(s, rec->fields[i], (gssize)rec->lens[i]);
	}
	return g_string_free(s, FALSE);
}

int csvio_check_width(const struct csvio_reader *r, const struct csvio_record *rec,
		      long text_column)
{
	size_t width = width_under(rec, r->width_rule), header = r->header_width;
	if (header == 0 || width <= header)
		return 0;
	char delim = csvio_delimiter(r);
	/* TRANSLATORS: the delimiter, in "quote a value that holds %s". */
	const char *what = delim == ';' ? E_("a semicolon") : E_("a comma");
	if (text_column < 0 || (size_t)text_column + 1 != header)
		/* TRANSLATORS: %s is "a comma" or "a semicolon". */
		return msg_error_at(r->name, rec->row, "%zu fields, but the header has %zu: quote a "
				    "value that holds %s", width, header, what);
	char *meant = rejoin(rec, header - 1, width, delim);
	char *shown = msg_value(meant);
	/* TRANSLATORS: the first %s is "a comma" or "a semicolon", the second the value as it was meant. */
	msg_error_at(r->name, rec->row, "%zu fields, but the header has %zu: quote a value that "
		     "holds %s (\"%s\")", width, header, what, shown);
	g_free(shown);
	g_free(meant);
	return -1;
}

char csvio_delimiter(const struct csvio_reader *r)
{
	return r->delim ? (char)r->delim : ',';
}

const char *csvio_name(const struct csvio_reader *r)
{
	return r->name;
}

size_t csvio_bytes_read(const struct csvio_reader *r)
{
	return r->bytes_read;
}

static long current_row(const struct csvio_reader *r)
{
	return r->rows_ended + 1;
}

/* The reader's error, reported when the caller reaches it; FMT is marked E_() by the caller. */
static void fail(struct csvio_reader *r, const char *fmt, ...) MSG_PRINTF(2, 3);

static void fail(struct csvio_reader *r, const char *fmt, ...)
{
	if (r->state < 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *text = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	r->pending = text;
	r->pending_row = current_row(r);
	r->state = -1;
}

/* Reports a problem of the whole file (its encoding), which has no row. */
static void fail_file(struct csvio_reader *r, const char *fmt, ...) MSG_PRINTF(2, 3);

static void fail_file(struct csvio_reader *r, const char *fmt, ...)
{
	if (r->state < 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	r->pending = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	r->pending_row = 0;
	r->state = -1;
}

/*
 * A message about a file that is not UTF-8 says what to do in the words of
 * Excel's "Save as" menu, "CSV UTF-8 (comma delimited)", written out in
 * each such message so that it is one whole message to translate.
 */

/*
 * Whether S holds only ASCII characters other than NUL: the common case,
 * checked eight bytes at a time (a byte is non-ASCII when its high bit is
 * set, and zero when subtracting 1 borrows into its high bit).
 */
static bool plain_ascii(const char *s, size_t len)
{
	const guint64 high = G_GUINT64_CONSTANT(0x8080808080808080);
	const guint64 ones = G_GUINT64_CONSTANT(0x0101010101010101);
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		guint64 w;
		memcpy(&w, s + i, 8);
		if ((w & high) || ((w - ones) & ~w & high))
			return false;
	}
	for (; i < len; i++)
		if ((unsigned char)s[i] >= 0x80 || s[i] == '\0')
			return false;
	return true;
}

/*
 * A field that is not UTF-8 as Windows-1252 (Excel's "CSV" on Windows in
 * Western Europe, of which Latin-1 is a part), shortened for a message, or
 * NULL when it is unlikely to be that: when the field holds UTF-8 before
 * BAD (its first invalid byte), the file is UTF-8 with a damaged
 * character, and some bytes mean nothing in Windows-1252.
 */
static char *as_windows_1252(const char *s, size_t len, const char *bad)
{
	if (!plain_ascii(s, (size_t)(bad - s)))
		return NULL;
	char *utf8 = g_convert(s, (gssize)len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
	if (!utf8)
		return NULL;
	char *shown = msg_value(utf8);
	g_free(utf8);
	return shown;
}

/*
 * The field's own problems: bad UTF-8, a stray byte order mark.  (NUL
 * bytes never reach a field: fill() stops at the first one.)
 */
/* Out of line, as are the other rare paths of take_field(), which then needs fewer registers. */
G_GNUC_NO_INLINE static void check_field(struct csvio_reader *r, const char *s, size_t len)
{
	const char *end;
	unsigned column = r->cur_fields + 1;
	if (plain_ascii(s, len))
		return;
	if (!g_utf8_validate(s, (gssize)len, &end)) {
		char *guess = as_windows_1252(s, len, end);
		if (guess)
			/*
			 * TRANSLATORS: %s is the field read as Windows-1252.  "CSV
			 * UTF-8 (comma delimited)" is a file type of Excel's "Save
			 * as" menu: write it as your language's Excel names it.
			 */
			fail(r, E_("invalid UTF-8 in column %u (byte %zu of the field): the file seems "
				   "to be Windows-1252 (Latin-1), in which it reads '%s'; save it as "
				   "\"CSV UTF-8 (comma delimited)\""),
			     column, (size_t)(end - s) + 1, guess);
		else
			fail(r, E_("invalid UTF-8 in column %u (byte %zu of the field)"), column,
			     (size_t)(end - s) + 1);
		g_free(guess);
		return;
	}
	if (memmem(s, len, "\xEF\xBB\xBF", 3))
		fail(r, E_("byte order mark (U+FEFF) inside the file in column %u; "
			   "were two files joined?"), column);
}

/* Whether field I lies in the store (not a column passed over), compared as addresses. */
static bool in_store(const struct csvio_reader *r, guint i)
{
	return (uintptr_t)r->fields[i] - (uintptr_t)r->store < r->store_len;
}

/*
 * Makes room for LEN more bytes in the store.  A new store is filled
 * before the old one goes, so that the fields already in it are moved
 * while both are there.
 */
G_GNUC_NO_INLINE static void grow_store(struct csvio_reader *r, size_t len)
{
	size_t cap = MAX(2 * r->store_cap, r->store_len + len + CHUNK_SIZE);
	char *store = g_malloc(cap);
	if (r->store_len)
		memcpy(store, r->store, r->store_len);
	for (guint i = 0; i < r->n_spans; i++)
		if (in_store(r, i))
			r->fields[i] = store + (r->fields[i] - r->store);
	g_free(r->store);
	r->store = store;
	r->store_cap = cap;
}

static inline void add_span(struct csvio_reader *r, char *field, size_t len)
{
	if (r->n_spans == r->spans_cap) {
		r->spans_cap = MAX(2 * r->spans_cap, 1024);
		r->fields = g_renew(char *, r->fields, r->spans_cap);
		r->lens = g_renew(size_t, r->lens, r->spans_cap);
	}
	r->fields[r->n_spans] = field;
	r->lens[r->n_spans++] = len;
	r->cur_fields++;
}

G_GNUC_NO_INLINE static void skip_field(struct csvio_reader *r)
{
	add_span(r, (char *)"", 0);
}

/*
 * A field, checked and kept: the innermost loop of every read.  PLAIN: it
 * met only plain ASCII chunks, so it needs no check_field().
 */
static inline void take_field(struct csvio_reader *r, const char *s, size_t len, bool plain)
{
	if (r->state < 0)
		return;
	if (r->cur_fields >= CSVIO_MAX_FIELDS) {
		fail(r, E_("more than %u fields in one row"), CSVIO_MAX_FIELDS);
		return;
	}
	if (len > CSVIO_MAX_FIELD) {
		fail(r, E_("field in column %u is longer than %u bytes"), r->cur_fields + 1,
		     CSVIO_MAX_FIELD);
		return;
	}
	if (r->keep && !r->keep[r->cur_fields]) {
		skip_field(r);	/* a column the caller does not read */
		return;
	}
	if (!plain) {
		check_field(r, s, len);
		if (r->state < 0)
			return;
	}
	if (r->store_len + len + 1 > r->store_cap)
		grow_store(r, len + 1);
	char *field = r->store + r->store_len;
	memcpy(field, s, len + 1);	/* with libcsv's NUL */
	r->store_len += len + 1;
	add_span(r, field, len);
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct csvio_reader *r = ctx;
	bool plain = r->dirty_chunk < r->field_chunk;
	r->field_chunk = r->chunks;	/* the next field starts in this chunk or after */
	take_field(r, data ? data : "", len, plain);
}

static void on_record_end(int c, void *ctx)
{
	struct csvio_reader *r = ctx;
	if (r->state < 0)
		return;
	if (r->cur_fields == 0) {
		/* A line end outside any record: a blank line, or the LF of a CRLF. */
		bool crlf_tail = c == CSV_LF && r->last_term == CSV_CR;
		r->last_term = crlf_tail ? -1 : c;
		if (!crlf_tail && c != -1)
			r->rows_ended++;
		return;
	}
	struct queued q = { current_row(r), r->cur_first, r->cur_fields };
	g_array_append_val(r->queue, q);
	r->cur_first = r->n_spans;
	r->cur_fields = 0;
	r->last_term = c;
	r->rows_ended++;
}

/*
 * The delimiter is sniffed from the first line: Kobo's current exporter
 * writes ';', everything else ','.  Only characters outside quotes count,
 * and leading comment lines ('#', as rosters allow) are skipped.
 */
static enum csvio_delim sniff_delimiter(const char *s, size_t len)
{
	size_t commas = 0, semicolons = 0, start = 0;
	bool quoted = false;
	while (start < len && s[start] == '#') {
		while (start < len && s[start] != '\n' && s[start] != '\r')
			start++;
		while (start < len && (s[start] == '\n' || s[start] == '\r'))
			start++;
	}
	for (size_t i = start; i < len; i++) {
		char c = s[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted && c == ',')
			commas++;
		else if (!quoted && c == ';')
			semicolons++;
	}
	return semicolons > commas ? CSVIO_DELIM_SEMICOLON : CSVIO_DELIM_COMMA;
}

/*
 * Excel's "Unicode Text" and some exporters write UTF-16 (or, rarely,
 * UTF-32), with or without a byte order mark.  Such a file is named by its
 * encoding, which is easier to act on than "NUL byte in column 1".
 * Without a mark, the NUL bytes tell: an ASCII character -- every
 * delimiter and line end -- leaves one in every other byte of UTF-16 and
 * three in every four of UTF-32, on the side its byte order puts them.
 */
static const char *const encoding_names[] = {
	/* TRANSLATORS: an encoding, in "the file is %s; save it as ...". */
	N_("UTF-32 (little-endian, with a byte order mark)"),
	N_("UTF-32 (big-endian, with a byte order mark)"),
	N_("UTF-16 (little-endian, with a byte order mark)"),
	N_("UTF-16 (big-endian, with a byte order mark)"),
	N_("UTF-32 (little-endian, no byte order mark)"),
	N_("UTF-32 (big-endian, no byte order mark)"),
	N_("UTF-16 (little-endian, no byte order mark)"),
	N_("UTF-16 (big-endian, no byte order mark)"),
};

/* Bytes looked at to tell the encoding of a file without a byte order mark. */
#define ENCODING_SAMPLE 4096

/* Whether at least NUM/DEN of TOTAL. */
static bool at_least(size_t count, size_t total, size_t num, size_t den)
{
	return count * den >= total * num;
}

/* The encoding of a text file without a byte order mark, judged from its NUL bytes, or NULL. */
static const char *unmarked_encoding(const unsigned char *s, size_t len)
{
	size_t zeros[4] = { 0 }, bytes[4] = { 0 };
	len = MIN(len, (size_t)ENCODING_SAMPLE);
	if (len < 2 || !memchr(s, '\0', len))
		return NULL;
	for (size_t i = 0; i < len; i++) {
		bytes[i % 4]++;
		zeros[i % 4] += s[i] == 0;
	}
	size_t even = bytes[0] + bytes[2], odd = bytes[1] + bytes[3];
	size_t even_zeros = zeros[0] + zeros[2], odd_zeros = zeros[1] + zeros[3];
	if (len >= 4 && zeros[3] == bytes[3] && at_least(zeros[2], bytes[2], 3, 4) &&
	    !at_least(zeros[0], bytes[0], 1, 2))
		return encoding_names[4];
	if (len >= 4 && zeros[0] == bytes[0] && at_least(zeros[1], bytes[1], 3, 4) &&
	    !at_least(zeros[3], bytes[3], 1, 2))
		return encoding_names[5];
	if (at_least(odd_zeros, odd, 1, 2) && !at_least(even_zeros, even, 1, 4))
		return encoding_names[6];
	if (at_least(even_zeros, even, 1, 2) && !at_least(odd_zeros, odd, 1, 4))
		return encoding_names[7];
	return NULL;
}

/* The encoding of a file in UTF-16 or UTF-32, or NULL for anything else. */
static const char *wide_encoding(const char *text, size_t len)
{
	static const struct {
		const char *mark;
		size_t len;
	} marks[] = {
		{ "\xFF\xFE\0\0", 4 }, { "\0\0\xFE\xFF", 4 }, { "\xFF\xFE", 2 }, { "\xFE\xFF", 2 },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(marks); i++)
		if (len >= marks[i].len && memcmp(text, marks[i].mark, marks[i].len) == 0)
			return encoding_names[i];
	return unmarked_encoding((const unsigned char *)text, len);
}

static void start(struct csvio_reader *r, const char **s, size_t *len)
{
	const char *encoding = wide_encoding(*s, *len);
	if (encoding)
		/*
		 * TRANSLATORS: %s is an encoding ("UTF-16 (little-endian, with a
		 * byte order mark)").  "CSV UTF-8 (comma delimited)" is a file type
		 * of Excel's "Save as" menu: write it as your language's Excel
		 * names it.
		 */
		fail_file(r, E_("the file is %s; save it as \"CSV UTF-8 (comma delimited)\""),
			  E_(encoding));
	if (*len >= 3 && memcmp(*s, "\xEF\xBB\xBF", 3) == 0) {
		*s += 3;
		*len -= 3;
	}
	if (r->delim == CSVIO_DELIM_AUTO)
		r->delim = sniff_delimiter(*s, *len);
	csv_set_delim(&r->parser, (unsigned char)r->delim);
	r->started = true;
}

/* Reads the next chunk; returns its length, 0 at the end, -1 on error. */
static long read_chunk(struct csvio_reader *r, const char **s)
{
	if (!r->fp) {
		size_t n = MIN(r->mem_len - r->mem_pos, (size_t)CHUNK_SIZE);
		*s = r->mem + r->mem_pos;
		r->mem_pos += n;
		return (long)n;
	}
	size_t want = r->limited ? (size_t)MIN(r->remaining, (unsigned long long)CHUNK_SIZE)
				 : CHUNK_SIZE;
	size_t n = want ? fread(r->chunk, 1, want, r->fp) : 0;
	if (r->limited)
		r->remaining -= n;
	if (n == 0 && want && ferror(r->fp)) {
		/* TRANSLATORS: %s is the system's reason. */
		fail(r, E_("read error: %s"), g_strerror(errno));
		return -1;
	}
	*s = r->chunk;
	return (long)n;
}

static void reset_queue(struct csvio_reader *r)
{
	/* The record being parsed may already have fields in the store. */
	if (r->cur_fields > 0) {
		size_t base = r->store_len;	/* where its first stored field starts */
		for (guint i = r->cur_first; i < r->cur_first + r->cur_fields; i++)
			if (in_store(r, i))
				base = MIN(base, (size_t)(r->fields[i] - r->store));
		for (guint i = 0; i < r->cur_fields; i++) {
			guint from = r->cur_first + i;
			r->fields[i] = in_store(r, from) ? r->fields[from] - base : r->fields[from];
			r->lens[i] = r->lens[from];
		}
		memmove(r->store, r->store + base, r->store_len - base);
		r->store_len -= base;
		r->n_spans = r->cur_fields;
		r->cur_first = 0;
	} else {
		r->store_len = 0;
		r->n_spans = 0;
		r->cur_first = 0;
	}
	g_array_set_size(r->queue, 0);
	r->queue_pos = 0;
}

static void fail_parse(struct csvio_reader *r)
{
	if (csv_error(&r->parser) == CSV_ENOMEM)	/* grow_field_buffer() refused */
		fail(r, E_("field in column %u is longer than %u bytes"), r->cur_fields + 1,
		     CSVIO_MAX_FIELD);
	else if (csv_error(&r->parser) == CSV_EPARSE)
		fail(r, E_("malformed quoting: inside quotes a quote must be doubled, "
			   "and a quoted field must end at a delimiter or line end"));
	else
		fail(r, "%s", csv_strerror(csv_error(&r->parser)));
}

/* Parses chunks until at least one record is queued, the input ends, or an error. */
static void fill(struct csvio_reader *r)
{
	while (r->queue_pos >= r->queue->len && r->state == 0 && !r->finished) {
		reset_queue(r);
		const char *s;
		long n = read_chunk(r, &s);
		if (n < 0)
			return;
		if (n == 0) {
			if (csv_fini(&r->parser, on_field, on_record_end, r) != 0 ||
			    csv_error(&r->parser) == CSV_EPARSE)
				fail(r, E_("unterminated quoted field at end of file"));
			r->finished = true;
			return;
		}
		size_t len = (size_t)n;
		r->bytes_read += len;
		if (!r->started)
			start(r, &s, &len);
		if (r->state < 0)
			return;
		/*
		 * A NUL byte is never text: the input is parsed up to it, so
		 * that the message names its row and column, and no further.
		 */
		const char *nul = memchr(s, '\0', len);
		size_t text_len = nul ? (size_t)(nul - s) : len;
		r->chunks++;
		if (!plain_ascii(s, text_len))
			r->dirty_chunk = r->chunks;
		if (csv_parse(&r->parser, s, text_len, on_field, on_record_end, r) != text_len)
			fail_parse(r);
		else if (nul)
			fail(r, E_("NUL byte in column %u"), r->cur_fields + 1);
	}
}

/*
 * Records completed before an error are still handed out; the error is
 * reported when the caller reaches it, so messages come in row order.
 */
int csvio_next(struct csvio_reader *r, struct csvio_record *rec)
{
	fill(r);
	if (r->queue_pos >= r->queue->len) {
		if (r->state < 0 && r->pending) {
			msg_error_at(r->name, r->pending_row, "%s", r->pending);
			g_free(r->pending);
			r->pending = NULL;
		}
		return r->state < 0 ? -1 : 0;
	}
	const struct queued *q = &g_array_index(r->queue, struct queued, r->queue_pos++);
	rec->row = q->row;
	rec->n_fields = q->n_fields;
	rec->fields = r->fields + q->first;
	rec->lens = r->lens + q->first;
	return 1;
}

/* Writing */

void csvio_writer_init(struct csvio_writer *w, FILE *fp)
{
	w->fp = fp;
	w->delim = ',';
	w->at_start = true;
	w->lone_empty = false;
	w->failed = false;
	w->keep_formulas = false;
}

static bool needs_quotes(const char *s, size_t len, char delim)
{
	if (len == 0)
		return false;
	if (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' || s[len - 1] == '\t')
		return true;
	for (size_t i = 0; i < len; i++)
		if (s[i] == delim || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return true;
	return false;
}

void csvio_write_fieldn(struct csvio_writer *w, const char *s, size_t len)
{
	if (!w->at_start && putc(w->delim, w->fp) == EOF)
		w->failed = true;
	w->lone_empty = w->at_start && len == 0;
	w->at_start = false;
	if (needs_quotes(s, len, w->delim)) {
		if (csv_fwrite(w->fp, s, len) != 0)
			w->failed = true;
	} else if (len > 0 && fwrite(s, 1, len, w->fp) != len) {
		w->failed = true;
	}
}

void csvio_write_field(struct csvio_writer *w, const char *s)
{
	csvio_write_fieldn(w, s ? s : "", s ? strlen(s) : 0);
}

/*
 * Whether S is a negative decimal number ("-5", "-2.5e3"), which is a
 * number to a spreadsheet, not a formula.  Anything else after a '-' is
 * suspect: "-1+cmd|' /C calc'!A0" is a formula.
 */
static bool is_negative_number(const char *s)
{
	char *end;
	if (s[0] != '-' || strpbrk(s, "xXpPnNiI"))	/* hexadecimal, inf, nan */
		return false;
	g_ascii_strtod(s, &end);
	return end != s && *end == '\0';
}

bool csvio_is_formula(const char *s)
{
	return s[0] == '=' || s[0] == '+' || s[0] == '@' || s[0] == '\t' || s[0] == '\r' ||
	       (s[0] == '-' && !is_negative_number(s));
}

void csvio_write_text(struct csvio_writer *w, const char *s)
{
	if (!s || (s[0] != '\'' && (w->keep_formulas || !csvio_is_formula(s)))) {
		csvio_write_field(w, s);
		return;
	}
	char *quoted = g_strconcat("'", s, NULL);
	csvio_write_field(w, quoted);
	g_free(quoted);
}

void csvio_write_fieldf(struct csvio_writer *w, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	csvio_write_field(w, s);
	g_free(s);
}

void csvio_end_record(struct csvio_writer *w)
{
	if (w->lone_empty && fputs("\"\"", w->fp) == EOF)
		w->failed = true;
	if (putc('\n', w->fp) == EOF)
		w->failed = true;
	w->at_start = true;
	w->lone_empty = false;
}

bool csvio_writer_error(const struct csvio_writer *w)
{
	return w->failed || ferror(w->fp);
}
