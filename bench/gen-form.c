/* gen-form.c - a large form for benchmarks: COPIES copies of a form's questions */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "csvio.h"

/*
 * Usage: gen-form FORM-DIR COPIES OUT-DIR
 *
 * Writes OUT-DIR/survey.csv with the survey rows of FORM-DIR repeated
 * COPIES times, each copy's names suffixed "_K" and its ${references}
 * renamed to match, so skip logic keeps working; choices.csv and
 * settings.csv are copied.  The sample form (39 questions) copied four
 * times gives a 156-question form.
 */

static GPtrArray *read_rows(const char *path)
{
	GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
	struct csvio_reader *r = csvio_open(path, NULL, CSVIO_DELIM_COMMA);
	struct csvio_record rec;
	if (!r)
		exit(1);
	while (csvio_next(r, &rec) == 1) {
		char **cells = g_new0(char *, rec.n_fields + 1);
		for (size_t i = 0; i < rec.n_fields; i++)
			cells[i] = g_strdup(rec.fields[i]);
		g_ptr_array_add(rows, cells);
	}
	csvio_close(r);
	return rows;
}

static void write_rows(const char *path, GPtrArray *rows)
{
	FILE *fp = fopen(path, "w");
	struct csvio_writer w;
	if (!fp)
		exit(1);
	csvio_writer_init(&w, fp);
	for (guint i = 0; i < rows->len; i++) {
		for (char **c = g_ptr_array_index(rows, i); *c; c++)
			csvio_write_field(&w, *c);
		csvio_end_record(&w);
	}
	if (csvio_writer_error(&w) || fclose(fp) != 0)
		exit(1);
}

static void copy_file(const char *from, const char *to)
{
	char *text;
	gsize n;
	if (g_file_get_contents(from, &text, &n, NULL)) {
		g_file_set_contents(to, text, (gssize)n, NULL);
		g_free(text);
	}
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: gen-form FORM-DIR COPIES OUT-DIR\n");
		return 2;
	}
	int copies = atoi(argv[2]);
	g_mkdir_with_parents(argv[3], 0755);
	char *in = g_build_filename(argv[1], "survey.csv", NULL);
	GPtrArray *rows = read_rows(in);
	g_free(in);
	char **header = g_ptr_array_index(rows, 0);
	int name_col = -1;
	for (int i = 0; header[i]; i++)
		if (strcmp(header[i], "name") == 0)
			name_col = i;
	GRegex *ref = g_regex_new("\\$\\{([^}]+)\\}", 0, 0, NULL);
	GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
	g_ptr_array_add(out, g_strdupv(header));
	for (int k = 1; k <= copies; k++) {
		char *repl = g_strdup_printf("${\\1_%d}", k);
		for (guint r = 1; r < rows->len; r++) {
			char **cells = g_strdupv(g_ptr_array_index(rows, r));
			for (int i = 0; cells[i]; i++) {
				char *renamed = i == name_col && *cells[i]
							? g_strdup_printf("%s_%d", cells[i], k)
							: g_regex_replace(ref, cells[i], -1, 0, repl, 0, NULL);
				g_free(cells[i]);
				cells[i] = renamed;
			}
			g_ptr_array_add(out, cells);
		}
		g_free(repl);
	}
	char *path = g_build_filename(argv[3], "survey.csv", NULL);
	write_rows(path, out);
	g_free(path);
	const char *others[] = { "choices.csv", "settings.csv" };
	for (size_t i = 0; i < 2; i++) {
		char *from = g_build_filename(argv[1], others[i], NULL);
		char *to = g_build_filename(argv[3], others[i], NULL);
		copy_file(from, to);
		g_free(from);
		g_free(to);
	}
	g_regex_unref(ref);
	g_ptr_array_free(out, TRUE);
	g_ptr_array_free(rows, TRUE);
	return 0;
}
