/* lock.c - one writer at a time: a lock file beside the file it guards */
#include <config.h>
#include "lock.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib.h>

#include "i18n.h"
#include "msg.h"

struct lock {
	char *path;		/* the lock file */
	int fd;			/* open and flock()ed */
	int slot;		/* index in held[], or -1 */
};

/*
 * The locks held, for the signal handler, which only reads this table and
 * calls fstat(), lstat() and unlink(), all async-signal-safe.  Slots are
 * filled and emptied with the signals blocked.
 */
static struct {
	const char *volatile path;
	volatile int fd;
} held[LOCK_MAX_CLEANED];

static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction previous[G_N_ELEMENTS(cleanup_signals)];

/* Blocks (BLOCK true) or unblocks the signals that clean up, around held[] changes. */
static void hold_signals(bool block, sigset_t *saved)
{
	if (block) {
		sigset_t set;
		sigemptyset(&set);
		for (size_t i = 0; i < G_N_ELEMENTS(cleanup_signals); i++)
			sigaddset(&set, cleanup_signals[i]);
		sigprocmask(SIG_BLOCK, &set, saved);
	} else {
		sigprocmask(SIG_SETMASK, saved, NULL);
	}
}

/* Whether PATH still names the file open as FD: a holder before may have removed it. */
static bool names_file(const char *path, int fd)
{
	struct stat open_file, named;
	return fstat(fd, &open_file) == 0 && lstat(path, &named) == 0 &&
	       open_file.st_dev == named.st_dev && open_file.st_ino == named.st_ino;
}

static void held_add(struct lock *l)
{
	l->slot = -1;
	for (int i = 0; i < LOCK_MAX_CLEANED; i++) {
		if (!held[i].path) {
			held[i].fd = l->fd;
			held[i].path = l->path;
			l->slot = i;
			return;
		}
	}
}

static void held_remove(struct lock *l)
{
	if (l->slot >= 0)
		held[l->slot].path = NULL;
	l->slot = -1;
}

static void on_signal(int sig, siginfo_t *info, void *context)
{
	for (int i = 0; i < LOCK_MAX_CLEANED; i++) {
		const char *path = held[i].path;
		if (path && names_file(path, held[i].fd))
			unlink(path);
	}
	for (size_t i = 0; i < G_N_ELEMENTS(cleanup_signals); i++) {
		const struct sigaction *before = &previous[i];
		if (cleanup_signals[i] != sig)
			continue;
		if (before->sa_flags & SA_SIGINFO) {
			before->sa_sigaction(sig, info, context);
			return;
		}
		if (before->sa_handler != SIG_DFL && before->sa_handler != SIG_IGN) {
			before->sa_handler(sig);
			return;
		}
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void lock_install_signal_cleanup(void)
{
	static bool installed;
	if (installed)
		return;
	installed = true;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_signal;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < G_N_ELEMENTS(cleanup_signals); i++) {
		struct sigaction old;
		if (sigaction(cleanup_signals[i], NULL, &old) != 0 ||
		    (!(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_IGN))
			continue;
		previous[i] = old;
		sigaction(cleanup_signals[i], &sa, NULL);
	}
}

/* "dir/XAB.csv" -> "dir/.XAB.csv.lock" */
static char *lock_path_of(const char *path)
{
	char *dir = g_path_get_dirname(path);
	char *base = g_path_get_basename(path);
	char *name = g_strdup_printf(".%s.lock", base);
	char *lock_path = g_build_filename(dir, name, NULL);
	g_free(dir);
	g_free(base);
	g_free(name);
	return lock_path;
}

/*
 * Writes who holds the lock into its file.  Only what others are told
 * depends on it: the lock holds without it, so a failure (a full disk) is
 * not one.
 */
static void record(int fd, const char *command)
{
	GDateTime *now = g_date_time_new_now_local();
	char *since = g_date_time_format(now, "%Y-%m-%d %H:%M:%S %z");
	char *text = g_strdup_printf("command=%s\npid=%ld\nuser=%s\nhost=%s\nsince=%s\n", command,
				     (long)getpid(), g_get_user_name(), g_get_host_name(), since);
	size_t len = strlen(text);
	if (ftruncate(fd, 0) != 0 || pwrite(fd, text, len, 0) != (ssize_t)len) {
		/* The holder is then "another process". */
	}
	g_free(text);
	g_free(since);
	g_date_time_unref(now);
}

/* The value of KEY in the record LINES, shown as in a message; NULL if absent. */
static char *recorded(char **lines, const char *key)
{
	size_t n = strlen(key);
	for (char **line = lines; *line; line++)
		if (strncmp(*line, key, n) == 0 && (*line)[n] == '=' && (*line)[n + 1])
			return msg_value(*line + n + 1);
	return NULL;
}

/* How long a holder may take to write its record after taking the lock. */
#define RECORD_WAIT_MS 500

/* Who holds the lock file open as FD: "quire enter (process 4242 of ana on lap-07) since ...". */
static char *describe(int fd)
{
	char buf[1024];
	ssize_t n = 0;
	for (int waited = 0; waited < RECORD_WAIT_MS; waited += 10) {
		n = pread(fd, buf, sizeof buf - 1, 0);
		if (n != 0)
			break;
		g_usleep(10 * 1000);
	}
	buf[n > 0 ? n : 0] = '\0';
	char **lines = g_strsplit(buf, "\n", -1);
	char *command = recorded(lines, "command"), *pid = recorded(lines, "pid");
	char *user = recorded(lines, "user"), *host = recorded(lines, "host");
	char *since = recorded(lines, "since");
	/*
	 * TRANSLATORS: who holds a lock, when its file does not say: "in use,
	 * held by another process".  Otherwise the command is named,
	 * and the parts below follow it: "quire enter (process 4242 of ana on
	 * lap-07) since 2019-06-30 14:30:00 +0200".
	 */
	GString *who = g_string_new(command ? command : E_("another process"));
	if (pid || user || host) {
		GString *details = g_string_new(NULL);
		if (pid)
			/* TRANSLATORS: %s is a process id, in "(process 4242 of ana on lap-07)". */
			g_string_append_printf(details, E_("process %s"), pid);
		if (user)
			/*
			 * TRANSLATORS: the first %s is a space after "process 4242", or
			 * nothing; the second a user's login name.
			 */
			g_string_append_printf(details, E_("%sof %s"), details->len ? " " : "",
					       user);
		if (host)
			/*
			 * TRANSLATORS: the first %s is a space after "process 4242 of ana",
			 * or nothing; the second a computer's name.
			 */
			g_string_append_printf(details, E_("%son %s"), details->len ? " " : "",
					       host);
		g_string_append_printf(who, " (%s)", details->str);
		g_string_free(details, TRUE);
	}
	if (since)
		/*
		 * TRANSLATORS: after who holds a lock; %s is when it was taken,
		 * "2019-06-30 14:30:00 +0200".  Keep the leading space.
		 */
		g_string_append_printf(who, E_(" since %s"), since);
	g_free(command);
	g_free(pid);
	g_free(user);
	g_free(host);
	g_free(since);
	g_strfreev(lines);
	return g_string_free(who, FALSE);
}

enum attempt {
	TAKEN,			/* locked, and the path names the file locked */
	HELD,			/* another process holds it */
	REMOVED,		/* locked a file its holder has since removed */
	FAILED,			/* errno says why */
};

/* Closes *FD, keeping errno, and returns FAILED. */
static enum attempt failed(int *fd)
{
	int err = errno;
	close(*fd);
	*fd = -1;
	errno = err;
	return FAILED;
}

/* Opens and locks LOCK_PATH.  *FD is the file opened, or -1 when FAILED. */
static enum attempt attempt(const char *lock_path, int *fd)
{
	bool writable = true;
	*fd = open(lock_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (*fd < 0 && errno == EACCES) {
		/* Another user's lock file: it can still be locked, and read to say who holds it. */
		writable = false;
		*fd = open(lock_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	}
	if (*fd < 0)
		return FAILED;
	if (flock(*fd, LOCK_EX | LOCK_NB) != 0)
		return errno == EWOULDBLOCK ? HELD : failed(fd);
	if (!names_file(lock_path, *fd))
		return REMOVED;
	/* Left behind by another user (a kill -9), and ours now: make one we can write our name in. */
	if (!writable)
		return unlink(lock_path) == 0 ? REMOVED : failed(fd);
	return TAKEN;
}

/* How often to try again when the lock file is removed under us. */
#define MAX_TRIES 100

struct lock *lock_take(const char *path, const char *command, char **holder)
{
	*holder = NULL;
	char *lock_path = lock_path_of(path);
	for (int tries = 0; tries < MAX_TRIES; tries++) {
		/* A signal between creating the file and registering the lock would leave it behind. */
		sigset_t saved;
		hold_signals(true, &saved);
		int fd;
		enum attempt a = attempt(lock_path, &fd);
		int err = errno;
		struct lock *l = NULL;
		if (a == TAKEN) {
			l = g_new0(struct lock, 1);
			l->path = lock_path;
			l->fd = fd;
			held_add(l);
		}
		hold_signals(false, &saved);
		switch (a) {
		case TAKEN:
			record(fd, command);
			return l;
		case HELD:
			*holder = describe(fd);
			close(fd);
			g_free(lock_path);
			return NULL;
		case REMOVED:
			close(fd);
			continue;
		case FAILED:
			msg_error_at(lock_path, 0, "cannot lock: %s", g_strerror(err));
			g_free(lock_path);
			return NULL;
		}
	}
	msg_error_at(lock_path, 0, "cannot lock: the lock file keeps being removed");
	g_free(lock_path);
	return NULL;
}

void lock_release(struct lock *l)
{
	if (!l)
		return;
	sigset_t saved;
	hold_signals(true, &saved);
	held_remove(l);
	/* Removed while still held, and only if it is still ours (someone may have replaced it). */
	if (names_file(l->path, l->fd))
		unlink(l->path);
	close(l->fd);
	hold_signals(false, &saved);
	g_free(l->path);
	g_free(l);
}
