/* lock.h - one writer at a time: a lock file beside the file it guards */
#ifndef QUIRE_LOCK_H
#define QUIRE_LOCK_H

/*
 * A process that rewrites a file from what it read of it -- quire enter
 * for a whole session, quire import until its replies are in place --
 * first takes the file's lock, so that two of them never write the same
 * file and neither undoes the other's work.  The lock of DIR/NAME is
 * flock() on the lock file DIR/.NAME.lock.  The kernel releases it when
 * its holder ends, however it ends, so a crash never leaves a file
 * locked; it works between processes of one machine, and on NFS between
 * machines as far as the file system supports flock().
 *
 * The lock file records who holds it, one "key=value" a line:
 *
 *     command=quire enter
 *     pid=4242
 *     user=ana
 *     host=lap-07
 *     since=2019-06-20 10:31:07 +0200
 *
 * so that the next process can say "held by quire enter (process 4242 of
 * ana on lap-07) since 2019-06-20 10:31:07 +0200".
 *
 * The lock file is removed when the lock is released, and when SIGINT,
 * SIGTERM or SIGHUP ends its holder (lock_install_signal_cleanup()), so a
 * directory of replies does not fill with them.  Removing is safe because
 * only the holder removes the file, while it holds it, and a process that
 * locked a file since removed (it opened it just before the removal) sees
 * that the path no longer names that file and starts again.  After a
 * kill -9 the file stays behind, unlocked; the next process takes it over
 * (when it belongs to another user, who alone can write it, by removing it
 * while holding it and making its own).  A lock file is never removed by a
 * process that does not hold it.  Another user's lock file, read-only to
 * us, is still locked and read: users who share a directory of replies
 * are told who holds one.
 */

struct lock;

/*
 * Takes the lock of PATH for COMMAND ("quire enter"), without waiting.
 * Returns the lock; or NULL with *HOLDER set to who holds it (a new
 * string, e.g. "quire enter (process 4242 of ana on lap-07) since
 * 2019-06-20 10:31:07 +0200", or "another process" when the lock file
 * says nothing, its text shown as msg_printable() shows it); or NULL with
 * *HOLDER NULL after reporting "quire:LOCKFILE: cannot lock: REASON" (no
 * such directory, no permission, a file system without locks).
 */
struct lock *lock_take(const char *path, const char *command, char **holder);

/* Releases L and removes its lock file.  NULL is allowed. */
void lock_release(struct lock *l);

/*
 * Removes the lock files of the locks held when SIGINT, SIGTERM or SIGHUP
 * ends the program, then lets the signal do what it did before (the
 * handler installed before this one runs, atomic.h's among them).  Call it
 * after the other handlers are installed.  An ignored signal stays
 * ignored.  At most LOCK_MAX_CLEANED locks are cleaned up; the files of
 * any more are left behind, unlocked.
 */
#define LOCK_MAX_CLEANED 1024
void lock_install_signal_cleanup(void);

#endif
