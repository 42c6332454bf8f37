/* source.h - where replies come from: reply files, directories of them, wide exports */
#ifndef QUIRE_SOURCE_H
#define QUIRE_SOURCE_H

#include <stdbool.h>
#include <glib.h>

struct form;
struct resp_reply;

/*
 * DATA on the command line is one or more paths.  A directory stands for
 * the regular *.csv files and workbooks (*.xlsx, *.xlsm, *.xls, *.ods) in
 * it, extensions in any case, in name order, not recursively and without
 * hidden files or lock files; a warning names every other entry it
 * skips.  A FIFO or a device is refused: it would block or never end
 * ("-" reads standard input, pipe or not).  A file whose header has
 * "name" and "value" columns is one reply file; any other CSV
 * is a wide export (quire export, KoboToolbox, ODK Central) giving one
 * reply per row, streamed.  An answer workbook (answer.h) is one reply;
 * another workbook is read as the CSV its first sheet would be, a reply
 * file or an export alike.
 */

struct source_options {
	const char *id_column;	/* wide exports: the column holding the respondent code */
	bool require_id;	/* wide exports must name the respondent of each row */
	const bool *scope;	/* wide exports: read only these questions' columns ([n_questions]); NULL: all */
};

struct source;

/*
 * Opens the paths.  Returns NULL after reporting a path that does not
 * exist or a directory that cannot be read.  Files are opened one at a
 * time as the caller reads on.
 */
struct source *source_open(const struct form *form, char *const *paths, int n_paths,
			   const struct source_options *opt);

/*
 * Reads the next reply into *REPLY (owned by the source, valid until the
 * next call).  Returns 1 for a reply, 0 at the end, -1 after an error that
 * stops reading (broken CSV in a wide export).  Problems with single rows
 * are reported and added to *PROBLEMS; the reply is returned.  A file that
 * cannot be read at all (an empty file, a reply file without its columns,
 * an export that cannot be opened) is reported, counts one problem, and
 * the files after it are read on, so that every bad file is named.
 */
int source_next(struct source *s, struct resp_reply **reply, int *problems);

/*
 * The number of files the source opened so far, of replies read, and of
 * files that could not be read at all.
 */
unsigned long source_files(const struct source *s);
unsigned long source_replies(const struct source *s);
unsigned long source_unreadable(const struct source *s);
/* Bytes of CSV read from wide exports (for throughput figures). */
unsigned long long source_bytes(const struct source *s);

/* Every file the paths name, directories expanded, in reading order ("-" for stdin). */
const GPtrArray *source_paths(const struct source *s);

void source_close(struct source *s);

#endif
