/* test-csvio.c - unit tests for the CSV layer */
#include <config.h>
#include "csvio.h"

#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "msg.h"
#include "tap.h"

/*
 * Reads DATA, keeping the columns KEEP marks (N_KEEP of them; NULL: all),
 * and renders every record as "ROW:field|field" lines, or the diagnostic
 * when reading fails, so expectations are one string each.
 */
static char *slurp_kept(const char *data, size_t len, enum csvio_delim delim, const bool *keep,
			size_t n_keep)
{
	GString *out = g_string_new(NULL);
	GString *errors = g_string_new(NULL);
	msg_capture(errors);
	struct csvio_reader *r = csvio_open_memory("t.csv", data, len, delim);
	if (keep)
		csvio_keep_columns(r, keep, n_keep);
	struct csvio_record rec;
	int rc;
	while ((rc = csvio_next(r, &rec)) == 1) {
		g_string_append_printf(out, "%ld:", rec.row);
		for (size_t i = 0; i < rec.n_fields; i++) {
			g_string_append(out, i ? "|" : "");
			/* Each field as a string, as callers read them: its length must agree. */
			if (strlen(rec.fields[i]) == rec.lens[i])
				g_string_append(out, rec.fields[i]);
			else
				g_string_append(out, "(length differs)");
		}
		g_string_append_c(out, '\n');
	}
	if (rc < 0)
		g_string_append(out, errors->str);
	csvio_close(r);
	msg_capture(NULL);
	g_string_free(errors, TRUE);
	return g_string_free(out, FALSE);
}

static char *slurp(const char *data, size_t len, enum csvio_delim delim)
{
	return slurp_kept(data, len, delim, NULL, 0);
}

static void check_read(const char *name, const char *data, const char *want)
{
	char *got = slurp(data, strlen(data), CSVIO_DELIM_AUTO);
	tap_check_str(got, want, __FILE__, __LINE__, name);
	g_free(got);
}

static void test_line_ends(void)
{
	check_read("LF", "a,b\nc,d\n", "1:a|b\n2:c|d\n");
	check_read("CRLF", "a,b\r\nc,d\r\n", "1:a|b\n2:c|d\n");
	check_read("CR only", "a,b\rc,d\r", "1:a|b\n2:c|d\n");
	check_read("mixed line ends", "a\r\nb\nc\rd", "1:a\n2:b\n3:c\n4:d\n");
	check_read("no final line end", "a,b", "1:a|b\n");
	check_read("blank lines count as rows", "a\n\nb\r\n\r\nc\n", "1:a\n3:b\n5:c\n");
	check_read("blank lines with CR only", "a\r\rb\r", "1:a\n3:b\n");
	check_read("empty input", "", "");
}

static void test_quoting(void)
{
	check_read("quoted delimiter and quote", "\"a,b\",\"say \"\"hi\"\"\"\n",
		   "1:a,b|say \"hi\"\n");
	check_read("newline in a field keeps one row", "x\n\"line 1\nline 2\",y\nz\n",
		   "1:x\n2:line 1\nline 2|y\n3:z\n");
	check_read("CRLF inside a quoted field", "\"a\r\nb\",c\r\nd\r\n", "1:a\r\nb|c\n2:d\n");
	check_read("empty fields", "a,,c\n,,\n", "1:a||c\n2:||\n");
	check_read("unquoted blanks are trimmed", "  a  , b\n", "1:a|b\n");
	check_read("quoted blanks are kept", "\"  a  \"\n", "1:  a  \n");
	check_read("a stray quote after a quoted field", "a\n\"b\"c,d\ne\n",
		   "1:a\nquire:t.csv:2: malformed quoting: inside quotes a quote must be doubled, "
		   "and a quoted field must end at a delimiter or line end\n");
}

static void test_bom_and_delimiter(void)
{
	check_read("a leading BOM is skipped", "\xEF\xBB\xBFname,value\n", "1:name|value\n");
	check_read("';' is sniffed", "\"a\";\"b;c\";\"d,e\"\n\"1\";\"2\";\"3\"\n",
		   "1:a|b;c|d,e\n2:1|2|3\n");
	check_read("',' wins a tie", "a;b,c\n", "1:a;b|c\n");
	check_read("comment lines do not decide the delimiter", "# a; b; c\ncode,name\n",
		   "1:# a; b; c\n2:code|name\n");
	char *got = slurp("a;b\n", 4, CSVIO_DELIM_COMMA);
	check_str(got, "1:a;b\n");
	g_free(got);
}

static void test_errors(void)
{
	check_read("invalid UTF-8 names the row", "a\nb,c\x81\n",
		   "1:a\nquire:t.csv:2: invalid UTF-8 in column 2 (byte 2 of the field)\n");
	check_read("a BOM inside the file", "a\n\xEF\xBB\xBF" "b\n",
		   "1:a\nquire:t.csv:2: byte order mark (U+FEFF) inside the file in column 1; "
		   "were two files joined?\n");
	check_read("unterminated quote at the end", "a\n\"b,c\n",
		   "1:a\nquire:t.csv:2: unterminated quoted field at end of file\n");
	char nul[] = "a\nb\0c\n";
	char *got = slurp(nul, sizeof nul - 1, CSVIO_DELIM_AUTO);
	check_str(got, "1:a\nquire:t.csv:2: NUL byte in column 1\n");
	g_free(got);

	size_t big = CSVIO_MAX_FIELD + 1;
	char *data = g_malloc(big + 2);
	memset(data, 'x', big);
	strcpy(data + big, "\n");
	got = slurp(data, big + 1, CSVIO_DELIM_AUTO);
	check_str(got, "quire:t.csv:1: field in column 1 is longer than 1048576 bytes\n");
	g_free(got);
	g_free(data);

	GString *wide = g_string_new(NULL);
	for (unsigned i = 0; i <= CSVIO_MAX_FIELDS; i++)
		g_string_append(wide, i ? ",x" : "x");
	g_string_append_c(wide, '\n');
	got = slurp(wide->str, wide->len, CSVIO_DELIM_AUTO);
	check_str(got, "quire:t.csv:1: more than 16384 fields in one row\n");
	g_free(got);
	g_string_free(wide, TRUE);
}

/*
 * A field far longer than the cap is refused when the cap is reached: the
 * reader stops after little more than CSVIO_MAX_FIELD bytes instead of
 * gathering the whole field first, so memory stays bounded whatever the
 * input (a 100 MB cell, /dev/zero).
 */
static void test_field_cap_while_reading(void)
{
	size_t len = 10 * CSVIO_MAX_FIELD;
	char *data = g_malloc(len);
	memcpy(data, "name,value\ncomments,\"", 21);
	memset(data + 21, 'x', len - 21);
	GString *errors = g_string_new(NULL);
	msg_capture(errors);
	struct csvio_reader *r = csvio_open_memory("big.csv", data, len, CSVIO_DELIM_AUTO);
	struct csvio_record rec;
	ok(csvio_next(r, &rec) == 1, "the header of a file with a 10 MiB field is read");
	ok(csvio_next(r, &rec) == -1, "the 10 MiB field is refused");
	check_str(errors->str, "quire:big.csv:2: field in column 2 is longer than 1048576 bytes\n");
	ok(csvio_bytes_read(r) <= CSVIO_MAX_FIELD + 2 * 64 * 1024,
	   "reading stops at the cap (%zu bytes read)", csvio_bytes_read(r));
	csvio_close(r);
	msg_capture(NULL);
	g_string_free(errors, TRUE);
	g_free(data);
}

/* A NUL byte stops reading at once, at its row and column. */
static void test_nul_stops_reading(void)
{
	static const char data[] = "a,b\nc,d\0\0\0\ne,f\n";
	char *got = slurp(data, sizeof data - 1, CSVIO_DELIM_AUTO);
	check_str(got, "1:a|b\nquire:t.csv:2: NUL byte in column 2\n");
	g_free(got);
	static const char quoted[] = "a\n\"b\nc\0\"\n";
	got = slurp(quoted, sizeof quoted - 1, CSVIO_DELIM_AUTO);
	check_str(got, "1:a\nquire:t.csv:2: NUL byte in column 1\n");
	g_free(got);
}

/* TEXT (ASCII) in UTF-16 or UTF-32 of the byte order given, after MARK. */
static GString *encode(const char *mark, size_t mark_len, const char *text, int unit, bool big)
{
	GString *out = g_string_new_len(mark, (gssize)mark_len);
	for (const char *c = text; *c; c++)
		for (int i = 0; i < unit; i++)
			g_string_append_c(out, (big ? i == unit - 1 : i == 0) ? *c : '\0');
	return out;
}

static void check_encoding(const char *mark, size_t mark_len, int unit, bool big, const char *want)
{
	GString *data = encode(mark, mark_len, "name,value\n_respondent,XAA\n", unit, big);
	char *got = slurp(data->str, data->len, CSVIO_DELIM_AUTO);
	char *full = g_strdup_printf("quire:t.csv: the file is %s; save it as "
				     "\"CSV UTF-8 (comma delimited)\"\n", want);
	tap_check_str(got, full, __FILE__, __LINE__, want);
	g_free(full);
	g_free(got);
	g_string_free(data, TRUE);
}

/* UTF-16 and UTF-32, with or without a byte order mark, are named as such. */
static void test_encodings(void)
{
	check_encoding("\xFF\xFE", 2, 2, false, "UTF-16 (little-endian, with a byte order mark)");
	check_encoding("\xFE\xFF", 2, 2, true, "UTF-16 (big-endian, with a byte order mark)");
	check_encoding("\xFF\xFE\0\0", 4, 4, false, "UTF-32 (little-endian, with a byte order mark)");
	check_encoding("\0\0\xFE\xFF", 4, 4, true, "UTF-32 (big-endian, with a byte order mark)");
	check_encoding("", 0, 2, false, "UTF-16 (little-endian, no byte order mark)");
	check_encoding("", 0, 2, true, "UTF-16 (big-endian, no byte order mark)");
	check_encoding("", 0, 4, false, "UTF-32 (little-endian, no byte order mark)");
	check_encoding("", 0, 4, true, "UTF-32 (big-endian, no byte order mark)");

	/* A French form in UTF-16 LE: accented letters have no NUL byte. */
	static const char french[] = "t\0y\0p\0e\0,\0l\0a\0b\0e\0l\0\n\0t\0e\0x\0t\0,\0"
				     "\xC9\0t\0\xE9\0\n\0";
	char *got = slurp(french, sizeof french - 1, CSVIO_DELIM_AUTO);
	check_str(got, "quire:t.csv: the file is UTF-16 (little-endian, no byte order mark); "
		  "save it as \"CSV UTF-8 (comma delimited)\"\n");
	g_free(got);

	/* A stray NUL in UTF-8 text is no encoding: its row and column are named. */
	static const char stray[] = "name,value\nhas_law,y\0es\n";
	got = slurp(stray, sizeof stray - 1, CSVIO_DELIM_AUTO);
	check_str(got, "1:name|value\nquire:t.csv:2: NUL byte in column 2\n");
	g_free(got);
}

/* Bytes that are not UTF-8 but read as Windows-1252 are shown as such. */
static void test_windows_1252(void)
{
	check_read("Latin-1 letters", "name,value\ncomments,C\xF4te d'Ivoire, caf\xE9\n",
		   "1:name|value\nquire:t.csv:2: invalid UTF-8 in column 2 (byte 2 of the field): "
		   "the file seems to be Windows-1252 (Latin-1), in which it reads 'C\xC3\xB4te "
		   "d'Ivoire'; save it as \"CSV UTF-8 (comma delimited)\"\n");
	check_read("Windows-1252 quotes", "a\n\x93quoted\x94\n",
		   "1:a\nquire:t.csv:2: invalid UTF-8 in column 1 (byte 1 of the field): the file "
		   "seems to be Windows-1252 (Latin-1), in which it reads '\xE2\x80\x9Cquoted"
		   "\xE2\x80\x9D'; save it as \"CSV UTF-8 (comma delimited)\"\n");
	check_read("UTF-8 with a damaged character is not Windows-1252", "a\nd\xC3\xA9j\xC3\n",
		   "1:a\nquire:t.csv:2: invalid UTF-8 in column 1 (byte 5 of the field)\n");
	check_read("a byte Windows-1252 does not define", "a\nx\x81y\n",
		   "1:a\nquire:t.csv:2: invalid UTF-8 in column 1 (byte 2 of the field)\n");
}

/*
 * Checks every record after the first against it as the header, under
 * RULE, with TEXT_COLUMN; renders the rows that pass and the messages.
 */
static char *widths(const char *data, enum csvio_width rule, long text_column)
{
	GString *out = g_string_new(NULL);
	msg_capture(out);
	struct csvio_reader *r = csvio_open_memory("w.csv", data, strlen(data), CSVIO_DELIM_AUTO);
	struct csvio_record rec;
	bool header = true;
	while (csvio_next(r, &rec) == 1) {
		if (header)
			csvio_set_header(r, &rec, rule);
		else if (csvio_check_width(r, &rec, text_column) == 0)
			g_string_append_printf(out, "%ld ok\n", rec.row);
		header = false;
	}
	csvio_close(r);
	msg_capture(NULL);
	return g_string_free(out, FALSE);
}

static void check_widths(const char *name, const char *data, enum csvio_width rule,
			 long text_column, const char *want)
{
	char *got = widths(data, rule, text_column);
	tap_check_str(got, want, __FILE__, __LINE__, name);
	g_free(got);
}

/* A row with more fields than its header is an error, never cut silently. */
static void test_row_width(void)
{
	const enum csvio_width lenient = CSVIO_WIDTH_TRAILING_EMPTY, exact = CSVIO_WIDTH_EXACT;
	check_widths("an unquoted comma in a reply's value",
		     "name,value\ncomments,We support the draft, subject to reservations\nq,\"a, b\"\n",
		     lenient, 1,
		     "quire:w.csv:2: 3 fields, but the header has 2: quote a value that holds a comma "
		     "(\"We support the draft, subject to reservations\")\n3 ok\n");
	check_widths("two commas, and a semicolon file", "name;value\nq;a; b; c\n", lenient, 1,
		     "quire:w.csv:2: 4 fields, but the header has 2: quote a value that holds a "
		     "semicolon (\"a; b; c\")\n");
	check_widths("the value is not the last column: no guess", "value,name\na,b,q\n", lenient, 0,
		     "quire:w.csv:2: 3 fields, but the header has 2: quote a value that holds a comma\n");
	check_widths("no text column", "code,name,region\nXKR,Korea, Republic of,asia\n", lenient,
		     -1, "quire:w.csv:2: 4 fields, but the header has 3: quote a value that holds a "
		     "comma\n");
	check_widths("empty fields past the header are fine where people edit",
		     "name,value,,\nq,a,,\nr,b,\ns,c,,,,\"\"\nt,d,,x\n", lenient, 1,
		     "2 ok\n3 ok\n4 ok\nquire:w.csv:5: 4 fields, but the header has 2: quote a "
		     "value that holds a comma (\"d, , x\")\n");
	check_widths("but not in an export", "a,b,c\n1,2,3\n1,2,3,\n1,2\n", exact, -1,
		     "2 ok\nquire:w.csv:3: 4 fields, but the header has 3: quote a value that holds a "
		     "comma\n4 ok\n");
	check_widths("a long value is shortened", "name,value\nq,a,"
		     "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
		     "bbbbbbbbbbbbbbbbbbbb\n", lenient, 1,
		     "quire:w.csv:2: 3 fields, but the header has 2: quote a value that holds a comma "
		     "(\"a, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb... (107 bytes)\")\n");
}

/* Records that straddle the reader's 64 KiB chunks keep their fields and rows. */
static void test_chunk_boundaries(void)
{
	GString *data = g_string_new(NULL);
	GString *want = g_string_new(NULL);
	for (int i = 1; i <= 20000; i++) {
		g_string_append_printf(data, "%d,\"v%d\nnext\"\r\n", i, i);
		g_string_append_printf(want, "%d:%d|v%d\nnext\n", i, i, i);
	}
	char *got = slurp(data->str, data->len, CSVIO_DELIM_AUTO);
	ok(strcmp(got, want->str) == 0, "20000 multi-line records across chunks");
	g_free(got);
	g_string_free(data, TRUE);
	g_string_free(want, TRUE);
}

/*
 * Columns passed over, among kept ones that are now and then long (up to
 * 200 KB, more than the store holds, so it grows while records are queued)
 * or cut by a chunk's end, quoted over several lines: every kept field as
 * written, every other one "", a row's fields past the kept ones too.
 * Drawn from seed 2019.
 */
static void test_kept_columns_across_chunks(void)
{
	static const bool keep[] = { true, false, true, false };
	GRand *rng = g_rand_new_with_seed(2019);
	GString *data = g_string_new(NULL), *want = g_string_new(NULL);
	for (int i = 1; i <= 3000; i++) {	/* a row is a spreadsheet's: one a record */
		int kind = g_rand_int_range(rng, 0, 20);
		size_t len = kind == 0 ? (size_t)g_rand_int_range(rng, 60000, 200000)
				       : (size_t)g_rand_int_range(rng, 0, 40);
		GString *long_field = g_string_new(NULL);
		for (size_t k = 0; k < len; k++)
			g_string_append_c(long_field, (char)('a' + (i + k) % 26));
		bool multiline = kind == 1, extra = kind == 2;
		g_string_append_printf(data, "%d,skip%d,%s%s%s,gone%s\n", i, i,
				       multiline ? "\"x\n" : "", long_field->str, multiline ? "\"" : "",
				       extra ? ",past" : "");
		g_string_append_printf(want, "%d:%d||%s%s|%s\n", i, i, multiline ? "x\n" : "",
				       long_field->str, extra ? "|" : "");
		g_string_free(long_field, TRUE);
	}
	char *got = slurp_kept(data->str, data->len, CSVIO_DELIM_COMMA, keep, G_N_ELEMENTS(keep));
	ok(strcmp(got, want->str) == 0, "3,000 rows, %zu bytes: kept columns as written, the others empty",
	   data->len);
	g_free(got);
	g_string_free(data, TRUE);
	g_string_free(want, TRUE);
	g_rand_free(rng);
}

/*
 * A field is checked for UTF-8 unless every chunk it met was plain ASCII:
 * one that starts in a chunk with a bad byte and ends in a plain one, or
 * starts in a plain chunk and meets a bad byte in the next, is still
 * refused, and so is a bad byte in a plain chunk's neighbour field.
 */
static void test_utf8_across_chunks(void)
{
	const size_t chunk = 64 * 1024;
	for (int where = 0; where < 3; where++) {
		GString *data = g_string_new("a,b\n1,2\n");
		/* A long quoted field across the first chunk boundary, its bad byte before, after or in the next field. */
		g_string_append(data, "3,\"");
		size_t field = data->len;
		while (data->len < chunk + 100)
			g_string_append_c(data, 'x');
		if (where == 0)
			data->str[chunk - 10] = '\x81';
		else if (where == 1)
			data->str[chunk + 10] = '\x81';
		g_string_append(data, "\"\n4,");
		g_string_append(data, where == 2 ? "\x81" : "y");
		g_string_append(data, "\n5,z\n");
		char *got = slurp(data->str, data->len, CSVIO_DELIM_AUTO);
		size_t byte = where == 0 ? chunk - 10 - field + 1 : where == 1 ? chunk + 10 - field + 1 : 1;
		char *want = g_strdup_printf("quire:t.csv:%d: invalid UTF-8 in column 2 (byte %zu of the field)\n",
					     where == 2 ? 4 : 3, byte);
		const char *at = strstr(got, "quire:");
		ok(at && strcmp(at, want) == 0, "a bad byte %s is found",
		   where == 0 ? "in a field's first chunk" : where == 1 ? "in a field's second chunk"
								  : "after a long plain field");
		if (!at || strcmp(at, want) != 0)
			tap_diag("got %s, want %s", at ? at : "(nothing)", want);
		g_free(want);
		g_free(got);
		g_string_free(data, TRUE);
	}
}

static void test_missing_file(void)
{
	GString *errors = g_string_new(NULL);
	msg_capture(errors);
	struct csvio_reader *r = csvio_open("/nonexistent/x.csv", NULL, CSVIO_DELIM_AUTO);
	msg_capture(NULL);
	ok(r == NULL, "a missing file cannot be opened");
	check_str(errors->str, "quire:/nonexistent/x.csv: cannot open: No such file or directory\n");
	g_string_free(errors, TRUE);
}

static void test_writer(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct csvio_writer w;
	csvio_writer_init(&w, fp);
	csvio_write_field(&w, "plain");
	csvio_write_field(&w, "a,b");
	csvio_write_field(&w, "say \"hi\"");
	csvio_write_field(&w, "");
	csvio_write_field(&w, "two\nlines");
	csvio_write_field(&w, " padded");
	csvio_end_record(&w);
	csvio_write_fieldf(&w, "%d", 42);
	csvio_end_record(&w);
	ok(!csvio_writer_error(&w), "writing succeeds");
	fclose(fp);
	check_str(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",,\"two\nlines\",\" padded\"\n42\n");
	/* What is written reads back the same. */
	char *back = slurp(buf, len, CSVIO_DELIM_AUTO);
	check_str(back, "1:plain|a,b|say \"hi\"||two\nlines| padded\n2:42\n");
	g_free(back);
	free(buf);
}

/* A record of one empty field is written as "", not as a blank line (which is no record). */
static void test_writer_lone_empty_field(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct csvio_writer w;
	csvio_writer_init(&w, fp);
	csvio_write_field(&w, "");
	csvio_end_record(&w);
	csvio_write_field(&w, "");
	csvio_write_field(&w, "");
	csvio_end_record(&w);
	csvio_write_field(&w, "x");
	csvio_end_record(&w);
	fclose(fp);
	check_str(buf, "\"\"\n,\nx\n");
	char *back = slurp(buf, len, CSVIO_DELIM_AUTO);
	check_str(back, "1:\n2:|\n3:x\n");
	g_free(back);
	free(buf);
}

/* Texts through csvio_write_text(), one a record, with or without keep_formulas. */
static char *write_texts(const char *const *texts, size_t n, bool keep_formulas)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct csvio_writer w;
	csvio_writer_init(&w, fp);
	w.keep_formulas = keep_formulas;
	for (size_t i = 0; i < n; i++) {
		csvio_write_text(&w, texts[i]);
		csvio_end_record(&w);
	}
	fclose(fp);
	return buf;
}

/* What a spreadsheet would run gets a "'"; numbers and other text do not. */
static void test_writer_formulas(void)
{
	static const char *const texts[] = {
		"=HYPERLINK(\"http://x.invalid\",\"click\")", "@SUM(A1)", "+41 22 917 12 34",
		"-1+cmd|' /C calc'!A0", "\t=1", "\r=1", "-5", "-2.5e3", "-inf", "-0x10", "-",
		"plain", "5", "a=b", "'quoted", NULL,
	};
	char *got = write_texts(texts, G_N_ELEMENTS(texts), false);
	check_str(got, "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\"\n'@SUM(A1)\n"
		  "'+41 22 917 12 34\n'-1+cmd|' /C calc'!A0\n'\t=1\n\"'\r=1\"\n-5\n-2.5e3\n"
		  "'-inf\n'-0x10\n'-\nplain\n5\na=b\n''quoted\n\"\"\n");
	free(got);
	static const char *const kept[] = { "=1+1", "@SUM(A1)", "'=1+1", "'" };
	got = write_texts(kept, G_N_ELEMENTS(kept), true);
	check_str(got, "=1+1\n@SUM(A1)\n''=1+1\n''\n");
	free(got);
}

/*
 * Whatever the text, csvio_read_text() gives back what csvio_write_text()
 * wrote, read as CSV again: random texts built from the characters that
 * matter (a fixed seed).
 */
static void test_text_round_trip(void)
{
	static const char *const pieces[] = {
		"'", "''", "=", "+", "-", "@", "\t", "\r", "\n", "\"", ",", ";", " ", "5", "-5", "a",
		"\xC3\xA9", "\xE6\x97\xA5", "\xD9\x82", "\xF0\x9F\x98\x80", "e3", "x",
	};
	GRand *rng = g_rand_new_with_seed(20190630);
	int failures = 0;
	for (int round = 0; round < 2000; round++) {
		GString *text = g_string_new(NULL);
		int n = g_rand_int_range(rng, 1, 8);
		for (int i = 0; i < n; i++)
			g_string_append(text, pieces[g_rand_int_range(rng, 0, G_N_ELEMENTS(pieces))]);
		bool keep = g_rand_boolean(rng);
		const char *const one[] = { text->str };
		char *csv = write_texts(one, 1, keep);
		struct csvio_reader *r = csvio_open_memory("t.csv", csv, strlen(csv), CSVIO_DELIM_COMMA);
		struct csvio_record rec;
		bool same = csvio_next(r, &rec) == 1 && rec.n_fields == 1 &&
			    strcmp(csvio_read_text(rec.fields[0]), text->str) == 0;
		if (!same && failures++ < 3)
			tap_diag("round %d: text '%s' was written as '%s'", round, text->str, csv);
		csvio_close(r);
		free(csv);
		g_string_free(text, TRUE);
	}
	g_rand_free(rng);
	ok(failures == 0, "2000 random texts come back byte for byte (%d do not)", failures);
}

/* Writing to a full device is an error the writer remembers. */
static void test_writer_full(void)
{
	FILE *fp = fopen("/dev/full", "w");
	if (!fp) {
		tap_skip("no /dev/full", "a write error is sticky");
		return;
	}
	setvbuf(fp, NULL, _IONBF, 0);
	struct csvio_writer w;
	csvio_writer_init(&w, fp);
	csvio_write_field(&w, "a");
	csvio_end_record(&w);
	ok(csvio_writer_error(&w), "a write error is sticky");
	fclose(fp);
}

int main(void)
{
	test_line_ends();
	test_quoting();
	test_bom_and_delimiter();
	test_errors();
	test_encodings();
	test_windows_1252();
	test_row_width();
	test_field_cap_while_reading();
	test_nul_stops_reading();
	test_chunk_boundaries();
	test_kept_columns_across_chunks();
	test_utf8_across_chunks();
	test_missing_file();
	test_writer();
	test_writer_lone_empty_field();
	test_writer_formulas();
	test_text_round_trip();
	test_writer_full();
	return tap_done();
}
