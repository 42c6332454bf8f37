/* inputs.h - the files this run reads, so that no output replaces one */
#ifndef QUIRE_INPUTS_H
#define QUIRE_INPUTS_H

#include <stdbool.h>
#include <sys/stat.h>

/*
 * Every reader records the file it has opened: csvio_open() for every CSV
 * (forms, replies, exports, rosters), rdef_load() for a report definition.
 * atomic_open() refuses to write over a recorded file, so that
 * "quire export FORM DATA -o DATA/XAL.csv" cannot destroy a reply.
 *
 * A file is known by its device and inode, not by its name: a symbolic
 * link or a hard link to an input is the input.  Only regular files are
 * recorded; writing to /dev/null or a pipe destroys nothing.
 *
 * The record is process-wide, as the files a run reads are: each reader
 * would otherwise have to hand it on through every layer to the writers.
 * The functions may be called from several threads.
 */

/* Records the open file FD as an input of this run; does nothing when it is not a regular file. */
void inputs_record(int fd);

/* Whether the file ST describes (from stat() or fstat()) is an input of this run. */
bool inputs_has(const struct stat *st);

/*
 * How many inputs have been recorded so far (forgetting one does not lower
 * it).  A writer that took note of it when it checked its target need not
 * check again unless it grew.
 */
unsigned inputs_count(void);

/*
 * PATH is no longer an input of this run: quire enter replaces the reply it
 * has read with its edited version.  Nothing happens when PATH cannot be
 * found or was not recorded.
 */
void inputs_forget(const char *path);

#endif
