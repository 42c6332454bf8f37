/* wide.h - wide CSV exports: one row per respondent (quire, KoboToolbox, ODK Central) */
#ifndef QUIRE_WIDE_H
#define QUIRE_WIDE_H

#include <stdbool.h>
#include <stdio.h>
#include <glib.h>

struct form;
struct resp_reply;
struct resp_eval;

/*
 * Reading.  The header is matched against paths built from the form,
 * never by splitting header strings, since names may hold '-' and '.':
 * for each question its name, its group path joined by '/' (KoboToolbox),
 * by '-' (ODK Central) and by '.', and for select_multiple the detail
 * columns "<header>/<choice>" (shared/notes/xlsform.md §5.4).
 *
 * Dialects: quire's own export ("respondent,submitted,..."), KoboToolbox
 * (';', every cell quoted, _submission_time; an HXL tag row after the
 * header is skipped), KoboToolbox legacy (',', True/False details, "n/a"
 * for missing) and ODK Central (SubmissionDate, KEY, review columns).
 */

enum wide_dialect {
	WIDE_QUIRE,
	WIDE_KOBO,
	WIDE_KOBO_LEGACY,
	WIDE_ODK,
	WIDE_OTHER,
};

struct wide_options {
	const char *id_column;	/* the column with the respondent code; NULL = guess */
	bool require_id;	/* fail when no column holds the respondent code */
	/*
	 * Only these questions' columns are read ([n_questions]); the others
	 * are tokenised and dropped, not checked.  NULL: every column.
	 */
	const bool *scope;
};

struct wide_reader;

/*
 * Opens the export at PATH and maps its header.  PATH may be a workbook
 * (workbook.h; KoboToolbox's XLSX export), whose first sheet is read as
 * the CSV it would be, messages naming it "PATH[sheet]".  Returns NULL after
 * reporting: a label-mode KoboToolbox export (headers are labels, not
 * names), a header matching two questions, a missing --id-column, no
 * column for the respondent code when REQUIRE_ID is set, or a CSV error.
 * Without --id-column the code is taken from a "respondent" or
 * "_respondent" column.
 */
struct wide_reader *wide_open(const struct form *form, const char *path,
			      const struct wide_options *opt);

/*
 * Reads the next row into REPLY (cleared first).  The values are borrowed
 * from the reader (REPLY->borrowed is set) and valid until the next call.
 * Returns 1, 0 at the end, or -1 after a CSV error.  Rows whose values
 * cannot be taken (a detail column that is neither 0/1 nor True/False)
 * are reported and counted in *PROBLEMS.
 */
int wide_next(struct wide_reader *w, struct resp_reply *reply, int *problems);

/*
 * Reading one export in parts (chunked.h).  wide_can_split() tells
 * whether W's file may be read so: a CSV, not KoboToolbox's dialect
 * (whose tag row only the first row may be), with its header on row 1.
 * wide_open_part() reads bytes [START, END) of the file at PATH, which
 * WHOLE has open, with WHOLE's columns; START must be where a row
 * starts, or 0 (the header is then skipped).  Its rows are numbered from
 * 1 at START, and
 * wide_rows() tells how many line ends it has read (the rows of the
 * part, once it is read).  Returns NULL after reporting.
 */
bool wide_can_split(const struct wide_reader *w);
struct wide_reader *wide_open_part(const struct wide_reader *whole, const char *path,
				   unsigned long long start, unsigned long long end);
long wide_rows(const struct wide_reader *w);

enum wide_dialect wide_dialect(const struct wide_reader *w);
const char *wide_dialect_name(enum wide_dialect d);
/* Headers that match no question and are no known metadata column (borrowed). */
const GPtrArray *wide_unmatched(const struct wide_reader *w);
size_t wide_bytes_read(const struct wide_reader *w);
void wide_close(struct wide_reader *w);

/*
 * Writing (quire export).  One row per reply: "respondent,submitted", the
 * questions in form order -- a select_multiple as its space-separated
 * column followed by one "<name>/<choice>" 0/1 column per choice, empty
 * when unanswered -- calculations as computed, then "_channel",
 * "_entered_by", "_form_version" and "_note", so that an export imports
 * back to the same reply files.
 */
struct wide_write_options {
	bool labels;		/* choice labels instead of names (not re-importable) */
	int lang;		/* language of the labels */
	bool keep_formulas;	/* do not neutralise cells a spreadsheet would run (csvio_write_text()) */
};

struct wide_writer;
struct wide_writer *wide_writer_new(const struct form *form, FILE *fp,
				    const struct wide_write_options *opt);
/* Adds one reply; EV is an evaluator for the form (calculations are written as computed). */
void wide_writer_add(struct wide_writer *w, const struct resp_reply *reply, struct resp_eval *ev);
/* Frees W; returns false if any write failed. */
bool wide_writer_finish(struct wide_writer *w);

#endif
