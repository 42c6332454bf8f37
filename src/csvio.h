/* csvio.h - all CSV input and output, on libcsv */
#ifndef QUIRE_CSVIO_H
#define QUIRE_CSVIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Reading.  A reader hands out one record at a time together with the
 * spreadsheet row it starts on: row 1 is the first line, every line end
 * outside a quoted field starts a new row, blank lines count, and a field
 * holding newlines stays in one row, which is what a person sees in a
 * spreadsheet.  A UTF-8 byte order mark at the start is skipped.  LF, CRLF
 * and CR-only line ends are accepted, also mixed.  Fields are copied out of
 * libcsv's buffer; unquoted fields lose leading and trailing blanks.
 *
 * Errors (reported through msg with the file and row, then csvio_next()
 * returns -1): UTF-16 text, invalid UTF-8, a NUL byte, a byte order mark
 * inside the file, an unterminated quoted field at the end, a field longer than
 * CSVIO_MAX_FIELD bytes, a record with more than CSVIO_MAX_FIELDS fields,
 * and read errors.  Reading stops where the problem is: a NUL byte is not
 * parsed past, and a field is refused once it passes the cap, so memory
 * stays bounded whatever the input (a 100 MB cell, /dev/zero).
 */

/* Limits: the largest cell and widest sheet any spreadsheet program holds are far below these. */
#define CSVIO_MAX_FIELD (1u << 20)
#define CSVIO_MAX_FIELDS 16384u

struct csvio_reader;

/* One record; borrowed from the reader and valid until the next csvio_next() or csvio_close(). */
struct csvio_record {
	long row;		/* spreadsheet row of the record's first line */
	size_t n_fields;
	char **fields;		/* NUL-terminated, valid UTF-8 */
	size_t *lens;		/* byte lengths */
};

enum csvio_delim {
	CSVIO_DELIM_AUTO = 0,	/* ',' unless the first line has more ';' than ',' */
	CSVIO_DELIM_COMMA = ',',
	CSVIO_DELIM_SEMICOLON = ';',
};

/*
 * Opens PATH ("-" = standard input) for reading.  Returns NULL after
 * reporting "quire:PATH: cannot open: REASON".  DISPLAY is the name used in
 * messages (NULL = PATH, or "<stdin>").  Free with csvio_close().
 */
struct csvio_reader *csvio_open(const char *path, const char *display, enum csvio_delim delim);

/* Reads from a caller-owned buffer that must outlive the reader.  NAME is used in messages. */
struct csvio_reader *csvio_open_memory(const char *name, const char *data, size_t len,
				       enum csvio_delim delim);
/* As csvio_open_memory(), but the reader owns DATA (from malloc()) and frees it when closed. */
struct csvio_reader *csvio_open_memory_owned(const char *name, char *data, size_t len,
					     enum csvio_delim delim);

/*
 * A reader of bytes [START, END) of the file at PATH, which WHOLE (a
 * reader of the same file, past its header) reads as a whole: the part
 * must start at a record's start, or at 0.  It takes WHOLE's delimiter,
 * header width and kept columns, and numbers its rows from 1 at START
 * (add the rows before START, see csvio_rows()).  A part that ends inside a quoted
 * field reports it as the end of a file would.  Returns NULL after
 * reporting a file that cannot be opened.
 */
struct csvio_reader *csvio_open_part(const struct csvio_reader *whole, const char *path,
				     unsigned long long start, unsigned long long end);

/* The line ends outside quoted fields read so far: after the end, the rows of the input. */
long csvio_rows(const struct csvio_reader *r);

/*
 * Reads the next record into *REC.  Returns 1 for a record, 0 at the end,
 * -1 after reporting an error.  Blank lines are not returned (they only
 * advance the row count).  After 0 or -1 further calls return the same.
 */
int csvio_next(struct csvio_reader *r, struct csvio_record *rec);

/*
 * Rows longer than their header.  A field past the header's columns
 * belongs to no column, and a reader taking the header's columns would
 * drop it without a word; most often it is the second half of a value
 * that holds an unquoted delimiter ("We support the draft, subject to
 * reservations").  A reader that has a header gives it to
 * csvio_set_header() and checks each row of data with csvio_check_width().
 */
enum csvio_width {
	/*
	 * Rows a program wrote (exports): a row has at most the header's
	 * fields, even counting empty ones.
	 */
	CSVIO_WIDTH_EXACT,
	/*
	 * Sheets people edit (replies, rosters, forms): empty fields past the
	 * header's last non-empty one are fine, as spreadsheets write them.
	 */
	CSVIO_WIDTH_TRAILING_EMPTY,
};

/*
 * Takes HEADER's width under RULE for csvio_check_width(): its number of
 * fields, or under CSVIO_WIDTH_TRAILING_EMPTY those up to its last
 * non-empty one.
 */
void csvio_set_header(struct csvio_reader *r, const struct csvio_record *header,
		      enum csvio_width rule);

/*
 * Checks a row of data against the header: returns 0, or -1 after
 * reporting a row that has more fields (under the header's rule) than the
 * header, with the likely fix:
 *   quire:FILE:ROW: 3 fields, but the header has 2: quote a value that holds a comma
 * TEXT_COLUMN is a column of free text (a reply's value), or -1.  When it
 * is the header's last, the message shows the value as it was most likely
 * meant, its text and the fields after it joined again: ... quote a value
 * that holds a comma ("We support the draft, subject to reservations").
 * Columns left out by csvio_keep_columns() count as empty.  Without a
 * header, returns 0.
 */
int csvio_check_width(const struct csvio_reader *r, const struct csvio_record *rec,
		      long text_column);

/*
 * From the next record on, keep only the fields whose column has KEEP[i]
 * set (columns past N_KEEP are dropped too): the others come back as ""
 * and are not checked or copied.  For readers that use a few columns of a
 * wide file.  KEEP is copied; NULL keeps every field again.
 */
void csvio_keep_columns(struct csvio_reader *r, const bool *keep, size_t n_keep);

/* The delimiter in use (after sniffing, once the first record was read). */
char csvio_delimiter(const struct csvio_reader *r);
/* The name used in messages. */
const char *csvio_name(const struct csvio_reader *r);
/* Bytes consumed so far (for throughput figures). */
size_t csvio_bytes_read(const struct csvio_reader *r);

/* Closes the file (unless standard input) and frees the reader.  NULL is allowed. */
void csvio_close(struct csvio_reader *r);

/*
 * Writing.  Fields are separated by ',' and records end with "\n".  A field
 * is quoted (by libcsv's csv_fwrite) only when it must be: when it holds the
 * delimiter, a quote, a line end, or leading or trailing blanks, which a
 * reader would otherwise strip.  A record of one empty field is written
 * as "" (a blank line would be no record at all).  So whatever a reader
 * returned, written out and read again, gives the same records.  Write
 * errors are sticky; check with csvio_writer_error() (or the stream)
 * before committing a file.
 */
struct csvio_writer {
	FILE *fp;		/* borrowed */
	char delim;
	bool at_start;		/* no field written yet in this record */
	bool lone_empty;	/* the record so far is one empty field */
	bool failed;
	bool keep_formulas;	/* csvio_write_text() leaves formulas as they are */
};

void csvio_writer_init(struct csvio_writer *w, FILE *fp);
/* Writes S as it is: for numbers, names, and files quire reads back as they are (reply files). */
void csvio_write_field(struct csvio_writer *w, const char *s);
/*
 * Writes text that people may open in a spreadsheet.  A spreadsheet runs a
 * cell that starts with '=', '+', '-' or '@' as a formula
 * ("=HYPERLINK(...)", "@SUM(A1)", "-1+cmd|..."), and a leading tab or
 * carriage return may hide one; such text is written with a "'" before
 * it, which spreadsheets take as "this cell is text", unless
 * W->keep_formulas is set.  A negative number ("-5", "-2.5e3") is a
 * number, not a formula, and is written as it is.  Every CSV written for
 * people (export, tab, status, blank) writes its text through here, so
 * the rule is decided once.  NULL is written as an empty field.
 *
 * The quote can always be taken off again: text that itself starts with
 * "'" gets one more (keep_formulas or not), so a cell written here starts
 * with "'" exactly when one was added, and csvio_read_text() gives back
 * the text byte for byte.
 */
void csvio_write_text(struct csvio_writer *w, const char *s);
/* Whether a spreadsheet would take S as a formula (csvio_write_text()). */
bool csvio_is_formula(const char *s);
/*
 * The text csvio_write_text() wrote as CELL: CELL without its first "'",
 * if it starts with one.  A pointer into CELL.  Inline: a wide export's
 * every cell goes through it.
 */
static inline const char *csvio_read_text(const char *cell)
{
	return cell[0] == '\'' ? cell + 1 : cell;
}
void csvio_write_fieldn(struct csvio_writer *w, const char *s, size_t len);
void csvio_write_fieldf(struct csvio_writer *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void csvio_end_record(struct csvio_writer *w);
/* True when any write failed. */
bool csvio_writer_error(const struct csvio_writer *w);

#endif
