/* test-lock.c - unit tests for locks: who holds them, taking over, removing only one's own */
#include <config.h>
#include "lock.h"

#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "msg.h"
#include "tap.h"

static char *dir;

static char *in_dir(const char *name)
{
	return g_build_filename(dir, name, NULL);
}

/* Another holder of the lock file NAME: its own open file, locked, recording RECORD. */
static int other_holder(const char *name, const char *record)
{
	char *path = in_dir(name);
	int fd = open(path, O_RDWR | O_CREAT, 0666);
	g_free(path);
	if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) != 0)
		return -1;
	if (ftruncate(fd, 0) != 0 || write(fd, record, strlen(record)) != (ssize_t)strlen(record))
		return -1;
	return fd;
}

static bool exists(const char *name)
{
	char *path = in_dir(name);
	bool e = g_file_test(path, G_FILE_TEST_EXISTS);
	g_free(path);
	return e;
}

static char *contents(const char *name)
{
	char *path = in_dir(name), *text = NULL;
	g_file_get_contents(path, &text, NULL, NULL);
	g_free(path);
	return text ? text : g_strdup("");
}

/* The lock file says who holds it; a second taker is told. */
static void test_take_and_release(void)
{
	char *reply = in_dir("XAB.csv"), *holder = (char *)"unset";
	struct lock *l = lock_take(reply, "quire test", &holder);
	ok(l != NULL && holder == NULL, "a free lock is taken");
	ok(exists(".XAB.csv.lock"), "its file is beside the reply, hidden");
	char *text = contents(".XAB.csv.lock");
	char *want = g_strdup_printf("command=quire test\npid=%ld\nuser=%s\nhost=%s\nsince=",
				     (long)getpid(), g_get_user_name(), g_get_host_name());
	ok(g_str_has_prefix(text, want), "the lock file records the command, process, user, host");
	ok(g_regex_match_simple("\nsince=\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\n$", text,
				0, 0), "and the time it was taken");
	g_free(want);
	g_free(text);

	struct lock *second = lock_take(reply, "quire other", &holder);
	ok(second == NULL, "a lock held is not taken again");
	want = g_strdup_printf("quire test (process %ld of %s on %s) since ", (long)getpid(),
			       g_get_user_name(), g_get_host_name());
	ok(holder && g_str_has_prefix(holder, want), "the holder is described: %s", holder);
	g_free(want);
	g_free(holder);

	lock_release(l);
	ok(!exists(".XAB.csv.lock"), "releasing removes the lock file");
	l = lock_take(reply, "quire other", &holder);
	ok(l != NULL, "a released lock is taken again");
	lock_release(l);
	lock_release(NULL);
	g_free(reply);
}

/* Who holds it, as read from a lock file another process wrote. */
static void test_holder(void)
{
	char *reply = in_dir("XAC.csv"), *holder;
	int fd = other_holder(".XAC.csv.lock", "command=quire enter\npid=4242\nuser=ana\n"
			      "host=lap-07\nsince=2019-06-20 10:31:07 +0200\n");
	ok(lock_take(reply, "quire import", &holder) == NULL, "a lock held by another is not taken");
	check_str(holder, "quire enter (process 4242 of ana on lap-07) since 2019-06-20 10:31:07 +0200");
	g_free(holder);
	close(fd);

	fd = other_holder(".XAC.csv.lock", "pid=77\nsince=yesterday\nnonsense\n");
	lock_take(reply, "quire import", &holder);
	check_str(holder, "another process (process 77) since yesterday");
	g_free(holder);
	close(fd);

	/* The lock file is not to be trusted: it must not act on the terminal either. */
	fd = other_holder(".XAC.csv.lock", "command=\033]0;pwned\007\033[2J\nuser=\xff\n");
	lock_take(reply, "quire import", &holder);
	check_str(holder, "\\x1b]0;pwned\\x07\\x1b[2J (of \\xff)");
	g_free(holder);
	close(fd);

	fd = other_holder(".XAC.csv.lock", "");
	lock_take(reply, "quire import", &holder);
	check_str(holder, "another process");
	g_free(holder);
	close(fd);

	/* Closed by its holder (a kill -9), the lock file is left, unlocked: it is taken over. */
	struct lock *l = lock_take(reply, "quire test", &holder);
	ok(l != NULL, "a lock file left unlocked is taken over");
	char *text = contents(".XAC.csv.lock");
	ok(g_str_has_prefix(text, "command=quire test\n"), "and its record rewritten: %s", text);
	g_free(text);
	lock_release(l);
	ok(!exists(".XAC.csv.lock"), "then removed");
	g_free(reply);
}

/* A lock file removed and made again by others while held is not removed by the first holder. */
static void test_only_own_removed(void)
{
	char *reply = in_dir("XAD.csv"), *lock_file = in_dir(".XAD.csv.lock"), *holder;
	struct lock *first = lock_take(reply, "quire first", &holder);
	g_unlink(lock_file);
	struct lock *second = lock_take(reply, "quire second", &holder);
	ok(first && second, "a lock file removed by hand can be taken anew");
	lock_release(first);
	ok(exists(".XAD.csv.lock"), "the first holder leaves the second one's file");
	char *text = contents(".XAD.csv.lock");
	ok(g_str_has_prefix(text, "command=quire second\n"), "untouched");
	g_free(text);
	lock_release(second);
	ok(!exists(".XAD.csv.lock"), "the second holder removes its own");
	g_free(lock_file);
	g_free(reply);
}

static void test_errors(void)
{
	GString *out = g_string_new(NULL);
	char *holder = (char *)"unset";
	char *reply = in_dir("nowhere/XAE.csv");
	msg_capture(out);
	struct lock *l = lock_take(reply, "quire test", &holder);
	msg_capture(NULL);
	ok(l == NULL && holder == NULL, "no lock in a directory that does not exist");
	char *want = g_strdup_printf("quire:%s/nowhere/.XAE.csv.lock: cannot lock: No such file or "
				     "directory\n", dir);
	check_str(out->str, want);
	g_free(want);
	g_free(reply);

	/* A symbolic link where the lock file goes is not followed. */
	char *target = in_dir("elsewhere"), *link = in_dir(".XAF.csv.lock");
	reply = in_dir("XAF.csv");
	ok(symlink(target, link) == 0, "a link is planted");
	g_string_truncate(out, 0);
	msg_capture(out);
	l = lock_take(reply, "quire test", &holder);
	msg_capture(NULL);
	ok(l == NULL && !g_file_test(target, G_FILE_TEST_EXISTS), "the link is not followed");
	want = g_strdup_printf("quire:%s: cannot lock: Too many levels of symbolic links\n", link);
	check_str(out->str, want);
	g_free(want);
	g_unlink(link);
	g_free(reply);
	g_free(link);
	g_free(target);
	g_string_free(out, TRUE);
}

int main(void)
{
	dir = g_dir_make_tmp("quire-test-lock.XXXXXX", NULL);
	test_take_and_release();
	test_holder();
	test_only_own_removed();
	test_errors();
	g_rmdir(dir);
	g_free(dir);
	return tap_done();
}
