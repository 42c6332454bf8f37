/* test-atomic.c - unit tests for outputs written completely or not at all */
#include <config.h>
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "inputs.h"
#include "msg.h"
#include "tap.h"

static char *dir;

/* The names in DIR other than KEEP, joined by '|'. */
static char *others(const char *keep)
{
	GString *s = g_string_new(NULL);
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;
	while ((name = g_dir_read_name(d)))
		if (!keep || strcmp(name, keep) != 0)
			g_string_append_printf(s, "%s%s", s->len ? "|" : "", name);
	g_dir_close(d);
	return g_string_free(s, FALSE);
}

/* A name of LEN bytes: REPEAT as often as it fits, 'a' to fill, then ".csv". */
static char *name_of(size_t len, const char *repeat)
{
	GString *s = g_string_new(NULL);
	while (s->len + strlen(repeat) + 4 <= len)
		g_string_append(s, repeat);
	while (s->len + 4 < len)
		g_string_append_c(s, 'a');
	g_string_append(s, ".csv");
	return g_string_free(s, FALSE);
}

/*
 * Writes the output NAME (LEN bytes): while it is open, its temporary file
 * is hidden, no longer than the longest name, and valid UTF-8 when NAME is;
 * once committed, NAME holds what was written and nothing else is left.
 */
static void check_long_name(size_t len, const char *repeat)
{
	char *name = name_of(len, repeat);
	char *path = g_build_filename(dir, name, NULL);
	struct atomic_file *f = atomic_open(path);
	ok(f != NULL, "an output of %zu bytes (%s) opens", strlen(name), repeat);
	if (!f)
		goto out;
	fputs("x\n", atomic_stream(f));
	char *tmp = others(NULL);
	ok(tmp[0] == '.' && !strchr(tmp, '|') && strlen(tmp) <= 255 &&
	   g_utf8_validate(tmp, -1, NULL), "its temporary name is hidden, short enough and UTF-8: %s", tmp);
	ok(atomic_commit(f) == 0, "the output of %zu bytes is written", strlen(name));
	char *text = NULL;
	g_file_get_contents(path, &text, NULL, NULL);
	check_str(text, "x\n");
	char *left = others(name);
	check_str(left, "");
	g_free(left);
	g_free(text);
	g_free(tmp);
	g_unlink(path);
out:
	g_free(path);
	g_free(name);
}

static void test_long_names(void)
{
	check_long_name(247, "a");
	check_long_name(248, "a");
	check_long_name(249, "a");
	check_long_name(255, "a");
	check_long_name(255, "\xc3\xa9");		/* é, two bytes */
	check_long_name(255, "\xe6\x96\x87");		/* 文, three bytes */
	check_long_name(255, "\xf0\x9f\x8c\x8d");	/* 🌍, four bytes */
	check_long_name(9, "a");

	char *name = name_of(256, "a");
	char *path = g_build_filename(dir, name, NULL);
	GString *err = g_string_new(NULL);
	msg_capture(err);
	ok(atomic_open(path) == NULL, "an output of 256 bytes is refused");
	msg_capture(NULL);
	char *want = g_strdup_printf("quire:%s: cannot write: %s\n", path, g_strerror(ENAMETOOLONG));
	check_str(err->str, want);
	char *left = others(NULL);
	check_str(left, "");
	g_free(left);
	g_free(want);
	g_string_free(err, TRUE);
	g_free(path);
	g_free(name);
}

/* An input of this run is refused when opened and when committed. */
static void test_inputs(void)
{
	char *in = g_build_filename(dir, "in.csv", NULL);
	g_file_set_contents(in, "input\n", -1, NULL);
	int fd = open(in, O_RDONLY);
	inputs_record(fd);
	close(fd);
	GString *err = g_string_new(NULL);
	msg_capture(err);
	ok(atomic_open(in) == NULL, "an input is refused as an output");
	msg_capture(NULL);
	char *want = g_strdup_printf("quire:%s: is an input of this run; choose another output\n", in);
	check_str(err->str, want);

	/* Opened before it is read: refused at the commit, and nothing is left. */
	char *late = g_build_filename(dir, "late.csv", NULL);
	g_file_set_contents(late, "read late\n", -1, NULL);
	struct atomic_file *f = atomic_open(late);
	fputs("output\n", atomic_stream(f));
	fd = open(late, O_RDONLY);
	inputs_record(fd);
	close(fd);
	g_string_truncate(err, 0);
	msg_capture(err);
	ok(atomic_commit(f) == -1, "an output read after it was opened is refused at the commit");
	msg_capture(NULL);
	g_free(want);
	want = g_strdup_printf("quire:%s: is an input of this run; choose another output\n", late);
	check_str(err->str, want);
	char *text = NULL;
	g_file_get_contents(late, &text, NULL, NULL);
	check_str(text, "read late\n");
	char *left = others(NULL);
	check_str(left, "in.csv|late.csv");
	g_free(left);
	g_free(text);
	g_unlink(late);
	g_unlink(in);
	g_free(late);
	g_free(want);
	g_string_free(err, TRUE);
	g_free(in);
}

int main(void)
{
	dir = g_dir_make_tmp("test-atomic.XXXXXX", NULL);
	test_long_names();
	test_inputs();
	g_rmdir(dir);
	g_free(dir);
	return tap_done();
}
