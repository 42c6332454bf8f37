/* atomic.h - write a file completely or not at all */
#ifndef QUIRE_ATOMIC_H
#define QUIRE_ATOMIC_H

#include <stdbool.h>
#include <stdio.h>

/*
 * An output is written to a temporary file in the target's directory, then
 * flushed, fsync'ed and renamed over the target.  A crash, a kill or an
 * error at any moment leaves either the old file or the new one, never a
 * mix, and a failed run never replaces a good file.
 *
 * A target that exists and is not a regular file (/dev/null, /dev/full, a
 * pipe) is written directly: there is nothing to rename over.  The path "-"
 * means standard output.
 *
 * Temporary files are registered so that atomic_install_signal_cleanup()
 * can remove them when a signal ends the program; the target is then left
 * as it was.  tests/cli/t9110-signals.sh interrupts quire report and quire
 * import to show it.
 */

struct atomic_file;

/*
 * Opens a new output for PATH.  Returns NULL after reporting
 * "quire:PATH: cannot write: REASON" when the temporary file cannot be
 * created (no such directory, no permission), or "quire:PATH: is an input
 * of this run; choose another output" when PATH is a file this run has
 * read, or a link to one (inputs.h).
 */
struct atomic_file *atomic_open(const char *path);

/*
 * The mode of an output: a new file is made with 0666 less the umask; a
 * file that replaces another keeps the permissions of the one it replaces
 * (a reply set to 0600 stays 0600), but not its owner, nor setuid, setgid
 * or sticky bits.
 */
enum atomic_flags {
	/* never writable by group or others, whatever the umask or the file replaced (replies) */
	ATOMIC_OWNER_WRITE_ONLY = 1 << 0,
};

/*
 * Whether PATH is one of the run's inputs (inputs.h), which atomic_open()
 * would refuse; reports "is an input of this run" when it is.  For a
 * caller that writes many files and refuses one without stopping.
 */
bool atomic_target_is_input(const char *path);

/* As atomic_open(), with FLAGS. */
struct atomic_file *atomic_open_with(const char *path, enum atomic_flags flags);

/* The stream to write to; owned by the atomic file. */
FILE *atomic_stream(struct atomic_file *f);

/* The target path. */
const char *atomic_path(const struct atomic_file *f);

/*
 * Flushes, syncs and renames the file into place, then frees F.  Returns 0,
 * or -1 after reporting "quire:PATH: write error: REASON" and removing the
 * temporary file (the target is left as it was).  When inputs were read
 * after atomic_open() (quire export reads the replies while it writes),
 * the target is checked again and refused as there if it is one of them.
 */
int atomic_commit(struct atomic_file *f);

/*
 * For writing many files (quire import): like atomic_commit(), but the
 * sync and the rename wait until atomic_flush(), which syncs the file
 * system once for a whole batch of files before renaming them, instead of
 * once per file.  A target still never holds a partial file.  Returns 0,
 * or -1 after reporting a write error (F is then gone and nothing is
 * renamed).  Batches are flushed by themselves every ATOMIC_BATCH files.
 */
#define ATOMIC_BATCH 1024
int atomic_commit_later(struct atomic_file *f);

/*
 * Syncs and renames every file given to atomic_commit_later(), checking
 * each target again as atomic_commit() does.  Returns 0 or -1 after
 * reporting; after a failure no further file of the batch is renamed.
 */
int atomic_flush(void);

/* Removes the temporary file and frees F; the target is untouched.  NULL is allowed. */
void atomic_abort(struct atomic_file *f);

/*
 * Installs a handler that removes every temporary file still open, then
 * lets the signal end the program, for every signal that would end it and
 * can be caught (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGALRM,
 * SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF, the real-time signals, the faults
 * ...).  A signal that is ignored (nohup) stays ignored, and one that
 * already has a handler (a sanitizer's) keeps it.  SIGXFSZ is ignored, so
 * that a write past the file size limit (ulimit -f) fails and is reported
 * as a write error.
 */
void atomic_install_signal_cleanup(void);

#endif
