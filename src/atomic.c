/* atomic.c - write a file completely or not at all */
#include <config.h>
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib.h>

#include "inputs.h"
#include "msg.h"

struct atomic_file {
	char *path;
	char *tmp;		/* NULL when writing the target directly */
	FILE *fp;
	bool created;		/* the temporary file exists */
	bool keep_mode;		/* MODE is the mode of the file replaced */
	mode_t mode;
	int slot;		/* index in pending[], or -1 */
	unsigned inputs_checked;	/* inputs_count() when the target was last checked */
};

/*
 * Temporary files not yet committed, for the signal handler.  A fixed
 * table of preallocated paths, so the handler only reads memory and calls
 * unlink(), which is async-signal-safe.
 */
#define MAX_PENDING (ATOMIC_BATCH + 64)
static char *volatile pending[MAX_PENDING];

static int register_tmp(char *tmp)
{
	for (int i = 0; i < MAX_PENDING; i++) {
		if (!pending[i]) {
			pending[i] = tmp;
			return i;
		}
	}
	return -1;
}

static void unregister_tmp(struct atomic_file *f)
{
	if (f->slot >= 0)
		pending[f->slot] = NULL;
	f->slot = -1;
}

static void on_signal(int sig)
{
	for (int i = 0; i < MAX_PENDING; i++)
		if (pending[i])
			unlink(pending[i]);
	signal(sig, SIG_DFL);
	raise(sig);	/* delivered, with its default action, when the handler returns */
}

/*
 * Every signal whose default action ends the program and which can be
 * caught, but SIGXFSZ (see below), and the real-time signals.  The faults
 * (SIGSEGV and the like) are among them: a crash leaves no temporary file
 * either.
 */
static const int cleanup_signals[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF,
	SIGXCPU, SIGABRT, SIGTRAP, SIGSYS, SIGILL, SIGSEGV, SIGBUS, SIGFPE,
#ifdef SIGIO
	SIGIO,
#endif
#ifdef SIGPWR
	SIGPWR,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
};

/* Installs the handler for SIG when it has its default action. */
static void catch_signal(int sig, const struct sigaction *sa)
{
	struct sigaction old;
	if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_DFL)
		sigaction(sig, sa, NULL);
}

/*
 * Only a signal with its default action is caught.  One ignored when quire
 * starts stays ignored (nohup quire report ..., or a background job of a
 * shell without job control): the user asked for the command to survive
 * it.  One already handled is left to its handler: the sanitizers catch
 * SIGSEGV, SIGBUS and SIGFPE to report where the fault happened.
 *
 * SIGXFSZ, sent when a file grows past the limit of ulimit -f, is ignored
 * instead: the write then fails with EFBIG and is reported as any write
 * error is, "write error: File too large".
 */
void atomic_install_signal_cleanup(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigfillset(&sa.sa_mask);
	for (size_t i = 0; i < G_N_ELEMENTS(cleanup_signals); i++)
		catch_signal(cleanup_signals[i], &sa);
	for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		catch_signal(sig, &sa);
	signal(SIGXFSZ, SIG_IGN);
}

/* Blocks (BLOCK true) every signal, or unblocks them again, around pending[] changes. */
static void hold_signals(bool block, sigset_t *saved)
{
	if (block) {
		sigset_t all;
		sigfillset(&all);
		sigprocmask(SIG_BLOCK, &all, saved);
	} else {
		sigprocmask(SIG_SETMASK, saved, NULL);
	}
}

/* Whether ST, found at the target PATH, is an input of this run; reports it when it is. */
static bool refused_as_input(const char *path, const struct stat *st)
{
	if (!inputs_has(st))
		return false;
	msg_error_at(path, 0, "is an input of this run; choose another output");
	return true;
}

bool atomic_target_is_input(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && refused_as_input(path, &st);
}

/*
 * The same, for F about to be renamed into place: its target is looked at
 * again only when inputs were read since it was last checked (quire export
 * opens its output before it reads the replies).
 */
static bool target_is_input_now(struct atomic_file *f)
{
	unsigned n = inputs_count();
	if (n == f->inputs_checked)
		return false;
	f->inputs_checked = n;
	struct stat st;
	return stat(f->path, &st) == 0 && refused_as_input(f->path, &st);
}

/*
 * "dir/name.pdf" -> "dir/.name.pdf.XXXXXX": hidden, in the same file system
 * as the target.  That is 8 bytes longer than the target's name, too long
 * when the target's is near the longest the file system takes (255 bytes
 * on most); the SHORT name then keeps only the beginning of the target's,
 * cut between two characters, so that it is no longer than the target's:
 * "dir/.name.XXXXXX".
 */
static char *tmp_template(const char *path, bool short_name)
{
	char *dir = g_path_get_dirname(path);
	char *base = g_path_get_basename(path);
	size_t keep = strlen(base);
	if (short_name) {
		keep = keep > 8 ? keep - 8 : 0;
		while (keep > 0 && (base[keep] & 0xC0) == 0x80)	/* inside a UTF-8 character */
			keep--;
	}
	char *name = g_strdup_printf(".%.*s.XXXXXX", (int)keep, base);
	char *tmpl = g_build_filename(dir, name, NULL);
	g_free(dir);
	g_free(base);
	g_free(name);
	return tmpl;
}

/*
 * Creates the temporary file of F with MODE (which the umask narrows).  A
 * signal between creating it and registering it would leave it behind.
 */
static FILE *create_tmp(struct atomic_file *f, mode_t mode)
{
	sigset_t saved;
	f->tmp = tmp_template(f->path, false);
	hold_signals(true, &saved);
	int fd = g_mkstemp_full(f->tmp, O_WRONLY | O_CLOEXEC, (int)mode);
	if (fd < 0 && errno == ENAMETOOLONG) {
		g_free(f->tmp);
		f->tmp = tmp_template(f->path, true);
		fd = g_mkstemp_full(f->tmp, O_WRONLY | O_CLOEXEC, (int)mode);
	}
	int err = errno;
	if (fd >= 0) {
		f->created = true;
		f->slot = register_tmp(f->tmp);
	}
	hold_signals(false, &saved);
	FILE *fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (fd >= 0 && !fp) {
		err = errno;
		close(fd);
	}
	errno = err;
	return fp;
}

struct atomic_file *atomic_open_with(const char *path, enum atomic_flags flags)
{
	struct atomic_file *f = g_new0(struct atomic_file, 1);
	f->path = g_strdup(path);
	f->slot = -1;
	if (strcmp(path, "-") == 0) {
		f->fp = stdout;
		return f;
	}
	f->inputs_checked = inputs_count();
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (!exists && errno != ENOENT) {	/* a name too long, a file taken for a directory */
		msg_error_at(path, 0, "cannot write: %s", g_strerror(errno));
		atomic_abort(f);
		return NULL;
	}
	if (exists && refused_as_input(path, &st)) {
		atomic_abort(f);
		return NULL;
	}
	mode_t allowed = flags & ATOMIC_OWNER_WRITE_ONLY ? 0755 : 0777;
	if (exists && !S_ISREG(st.st_mode)) {
		f->fp = fopen(path, "wb");
	} else if (exists) {
		f->keep_mode = true;
		f->mode = st.st_mode & allowed;
		f->fp = create_tmp(f, f->mode);
	} else {
		f->fp = create_tmp(f, 0666 & allowed);
	}
	if (!f->fp) {
		msg_error_at(path, 0, "cannot write: %s", g_strerror(errno));
		atomic_abort(f);
		return NULL;
	}
	return f;
}

struct atomic_file *atomic_open(const char *path)
{
	return atomic_open_with(path, 0);
}

FILE *atomic_stream(struct atomic_file *f)
{
	return f->fp;
}

const char *atomic_path(const struct atomic_file *f)
{
	return f->path;
}

static void atomic_free(struct atomic_file *f)
{
	unregister_tmp(f);
	g_free(f->path);
	g_free(f->tmp);
	g_free(f);
}

/*
 * A new file has its mode from its creation, with the umask applied; a file
 * that replaces another gets the mode of the one it replaces, which the
 * umask may have narrowed.
 */
static int set_mode(const struct atomic_file *f, int fd)
{
	return f->keep_mode ? fchmod(fd, f->mode) : 0;
}

/* Syncs the directory so the rename itself survives a crash. */
static void sync_dir(const char *path)
{
	char *dir = g_path_get_dirname(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	g_free(dir);
}

int atomic_commit(struct atomic_file *f)
{
	int err = 0;
	if (fflush(f->fp) != 0 || ferror(f->fp))
		err = errno ? errno : EIO;
	if (f->fp == stdout) {
		/* main reports errors on standard output once, when it closes it. */
		atomic_free(f);
		return 0;
	}
	int fd = fileno(f->fp);
	if (!err && f->tmp && (set_mode(f, fd) != 0 || fsync(fd) != 0))
		err = errno;
	if (fclose(f->fp) != 0 && !err)
		err = errno;
	f->fp = NULL;
	bool refused = !err && target_is_input_now(f);
	if (!err && !refused && f->tmp && rename(f->tmp, f->path) != 0)
		err = errno;
	if (err || refused) {
		if (err)
			msg_error_at(f->path, 0, "write error: %s", g_strerror(err));
		if (f->created)
			unlink(f->tmp);
		atomic_free(f);
		return -1;
	}
	if (f->tmp)
		sync_dir(f->path);
	atomic_free(f);
	return 0;
}

/* Files closed by atomic_commit_later(), waiting for their sync and rename. */
static GPtrArray *later;

int atomic_commit_later(struct atomic_file *f)
{
	if (f->fp == stdout || !f->tmp)
		return atomic_commit(f);
	int err = 0;
	if (fflush(f->fp) != 0 || ferror(f->fp))
		err = errno ? errno : EIO;
	if (!err && set_mode(f, fileno(f->fp)) != 0)
		err = errno;
	if (fclose(f->fp) != 0 && !err)
		err = errno;
	f->fp = NULL;
	if (err) {
		msg_error_at(f->path, 0, "write error: %s", g_strerror(err));
		unlink(f->tmp);
		atomic_free(f);
		return -1;
	}
	if (!later)
		later = g_ptr_array_new();
	g_ptr_array_add(later, f);
	return later->len >= ATOMIC_BATCH ? atomic_flush() : 0;
}

/* Syncs the file system holding PATH (all of it, once, rather than file by file). */
static int sync_fs_of(const char *path)
{
	char *dir = g_path_get_dirname(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	g_free(dir);
	if (fd < 0)
		return -1;
#ifdef HAVE_SYNCFS
	int rc = syncfs(fd);
#else
	sync();
	int rc = 0;
#endif
	close(fd);
	return rc;
}

int atomic_flush(void)
{
	if (!later || !later->len)
		return 0;
	int rc = 0;
	GHashTable *dirs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < later->len; i++) {
		struct atomic_file *f = g_ptr_array_index(later, i);
		char *dir = g_path_get_dirname(f->path);
		if (g_hash_table_add(dirs, dir) && sync_fs_of(f->path) != 0)
			rc = msg_error_at(f->path, 0, "cannot sync: %s", g_strerror(errno));
	}
	for (guint i = 0; i < later->len; i++) {
		struct atomic_file *f = g_ptr_array_index(later, i);
		if (rc == 0 && target_is_input_now(f))
			rc = -1;
		if (rc == 0 && rename(f->tmp, f->path) != 0)
			rc = msg_error_at(f->path, 0, "write error: %s", g_strerror(errno));
		if (rc != 0)
			unlink(f->tmp);
		else
			f->created = false;
	}
	GHashTableIter it;
	gpointer dir;
	g_hash_table_iter_init(&it, dirs);
	while (g_hash_table_iter_next(&it, &dir, NULL)) {
		char *probe = g_build_filename(dir, "x", NULL);
		sync_dir(probe);
		g_free(probe);
	}
	g_hash_table_destroy(dirs);
	for (guint i = 0; i < later->len; i++)
		atomic_free(g_ptr_array_index(later, i));
	g_ptr_array_set_size(later, 0);
	return rc;
}

void atomic_abort(struct atomic_file *f)
{
	if (!f)
		return;
	if (f->fp && f->fp != stdout)
		fclose(f->fp);
	if (f->created)
		unlink(f->tmp);
	atomic_free(f);
}
