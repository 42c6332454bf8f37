/* test-inputs.c - unit tests for the record of the files a run reads */
#include <config.h>
#include "inputs.h"

#include <fcntl.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "csvio.h"
#include "tap.h"

/* Whether PATH, as stat() finds it, is a recorded input. */
static bool is_input(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && inputs_has(&st);
}

int main(void)
{
	char *dir = g_dir_make_tmp("test-inputs.XXXXXX", NULL);
	char *reply = g_build_filename(dir, "XAA.csv", NULL);
	char *other = g_build_filename(dir, "XAB.csv", NULL);
	char *sym = g_build_filename(dir, "sym.csv", NULL);
	char *hard = g_build_filename(dir, "hard.csv", NULL);
	g_file_set_contents(reply, "name,value\n", -1, NULL);
	g_file_set_contents(other, "name,value\n", -1, NULL);
	symlink("XAA.csv", sym);
	link(reply, hard);

	check_int(inputs_count(), 0);
	ok(!is_input(reply), "nothing is an input before it is read");

	/* csvio_open() records the file it opens. */
	struct csvio_reader *r = csvio_open(sym, NULL, CSVIO_DELIM_AUTO);
	csvio_close(r);
	check_int(inputs_count(), 1);
	ok(is_input(reply), "a file read through a symbolic link is an input");
	ok(is_input(sym), "the symbolic link is the input");
	ok(is_input(hard), "a hard link to it is the input");
	ok(!is_input(other), "another file of the directory is not");

	/* Reading a file twice, under another name, records it once. */
	int fd = open(hard, O_RDONLY);
	inputs_record(fd);
	close(fd);
	check_int(inputs_count(), 1);

	/* Devices and directories are never inputs: writing to them destroys nothing. */
	fd = open("/dev/null", O_RDONLY);
	inputs_record(fd);
	close(fd);
	fd = open(dir, O_RDONLY);
	inputs_record(fd);
	close(fd);
	check_int(inputs_count(), 1);
	ok(!is_input("/dev/null"), "/dev/null is not an input");
	ok(!is_input(dir), "a directory is not an input");

	inputs_forget(hard);
	ok(!is_input(reply), "a file forgotten by any of its names is no longer an input");
	inputs_forget(other);
	inputs_forget("/no/such/file");
	check_int(inputs_count(), 1);

	g_unlink(sym);
	g_unlink(hard);
	g_unlink(reply);
	g_unlink(other);
	g_rmdir(dir);
	g_free(sym);
	g_free(hard);
	g_free(reply);
	g_free(other);
	g_free(dir);
	return tap_done();
}
