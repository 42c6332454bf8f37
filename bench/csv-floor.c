/* csv-floor.c - make bench: the floor under quire tab, a libcsv parse that only counts fields */
#include <config.h>

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * Usage: csv-floor FILE
 *
 * Parses FILE with libcsv, with the options and chunk size quire's reader
 * uses, and prints the rows and fields it saw.  No field is copied or
 * looked at: this is what reading the file costs before any work on it.
 */

struct counts {
	unsigned long fields, rows;
};

static void on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	((struct counts *)data)->fields++;
}

static void on_row(int c, void *data)
{
	(void)c;
	((struct counts *)data)->rows++;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: csv-floor FILE\n");
		return 2;
	}
	FILE *fp = fopen(argv[1], "rb");
	if (!fp) {
		perror(argv[1]);
		return 1;
	}
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL | CSV_APPEND_NULL) != 0)
		return 1;
	csv_set_blk_size(&p, 64 * 1024);
	static char buf[64 * 1024];
	struct counts n = { 0, 0 };
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, fp)) > 0) {
		if (csv_parse(&p, buf, got, on_field, on_row, &n) != got) {
			fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&p)));
			return 1;
		}
	}
	csv_fini(&p, on_field, on_row, &n);
	csv_free(&p);
	fclose(fp);
	printf("%lu rows, %lu fields\n", n.rows, n.fields);
	return 0;
}
