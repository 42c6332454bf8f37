/* replay.c - runs a fuzz harness on files, without libFuzzer; prints TAP */
#include <config.h>
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

/*
 * Linked with one harness, this is a test: with no arguments it replays
 * every file in $top_srcdir/tests/fuzz/regress/FUZZ_TARGET (the inputs
 * that once crashed a harness, or broke one of its properties, and a few
 * hostile ones written by hand); otherwise the files and directories
 * named.  An input passes when the harness returns; a bug aborts it.
 */

static int n;

static void replay(const char *path)
{
	char *data;
	gsize len;
	GError *err = NULL;
	if (!g_file_get_contents(path, &data, &len, &err)) {
		printf("not ok %d - %s: %s\n", ++n, path, err->message);
		g_error_free(err);
		exit(1);
	}
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	g_free(data);
	printf("ok %d - %s\n", ++n, path);
	fflush(stdout);
}

static int compare(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void replay_dir(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	if (!d) {
		printf("not ok %d - cannot read %s\n", ++n, dir);
		exit(1);
	}
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	const char *name;
	while ((name = g_dir_read_name(d)))
		if (name[0] != '.')
			g_ptr_array_add(files, g_build_filename(dir, name, NULL));
	g_dir_close(d);
	g_ptr_array_sort(files, compare);
	for (guint i = 0; i < files->len; i++)
		replay(g_ptr_array_index(files, i));
	g_ptr_array_free(files, TRUE);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		const char *top = getenv("top_srcdir");
		char *dir = g_build_filename(top ? top : ".", "tests", "fuzz", "regress",
					     FUZZ_TARGET, NULL);
		replay_dir(dir);
		g_free(dir);
	}
	for (int i = 1; i < argc; i++) {
		if (g_file_test(argv[i], G_FILE_TEST_IS_DIR))
			replay_dir(argv[i]);
		else
			replay(argv[i]);
	}
	printf("1..%d\n", n);
	return 0;
}
