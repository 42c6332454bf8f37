/* fuzz-csvio.c - libFuzzer harness: the CSV reader, and the writer read back */
#include <config.h>
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "csvio.h"

/*
 * The first byte picks the delimiter (sniffed, ',' or ';') and whether the
 * rest is read from memory or from a file; the rest is the CSV.  Every
 * record must hold valid UTF-8 without NUL bytes, with rows that never go
 * back; a file read to its end must have been read whole; written out with
 * csvio_write_field() and read again, the records must come back field
 * for field, and so must they written with csvio_write_text() (formulas
 * neutralised, or kept when the first byte says so) and read with
 * csvio_read_text().
 */

static GPtrArray *read_all(const char *data, size_t size, enum csvio_delim delim, bool file,
			   int *rc)
{
	GPtrArray *records = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
	char *path = file ? fuzz_write("fuzz.csv", data, size) : NULL;
	struct csvio_reader *r = file ? csvio_open(path, "fuzz.csv", delim)
				      : csvio_open_memory("fuzz.csv", data, size, delim);
	FUZZ_ASSERT(r && strcmp(csvio_name(r), "fuzz.csv") == 0);
	struct csvio_record rec;
	long last_row = 0;
	while ((*rc = csvio_next(r, &rec)) == 1) {
		FUZZ_ASSERT(rec.row > last_row);
		FUZZ_ASSERT(rec.n_fields > 0);
		last_row = rec.row;
		char **fields = g_new0(char *, rec.n_fields + 1);
		for (size_t i = 0; i < rec.n_fields; i++) {
			FUZZ_ASSERT(strlen(rec.fields[i]) == rec.lens[i]);
			FUZZ_ASSERT(g_utf8_validate(rec.fields[i], -1, NULL));
			fields[i] = g_strdup(rec.fields[i]);
		}
		g_ptr_array_add(records, fields);
	}
	FUZZ_ASSERT(*rc == 0 || *rc == -1);
	FUZZ_ASSERT(csvio_next(r, &rec) == *rc);
	FUZZ_ASSERT(*rc < 0 || csvio_bytes_read(r) == size);
	FUZZ_ASSERT(size == 0 || csvio_delimiter(r) == ',' || csvio_delimiter(r) == ';');
	csvio_close(r);
	g_free(path);
	return records;
}

/* TEXT: write with csvio_write_text(), keeping formulas when KEEP_FORMULAS. */
static char *write_all(const GPtrArray *records, size_t *len, bool text, bool keep_formulas)
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);
	struct csvio_writer w;
	csvio_writer_init(&w, fp);
	w.keep_formulas = keep_formulas;
	for (guint i = 0; i < records->len; i++) {
		char **fields = g_ptr_array_index(records, i);
		for (char **f = fields; *f; f++) {
			if (text)
				csvio_write_text(&w, *f);
			else if ((f - fields) % 2)
				csvio_write_fieldf(&w, "%s", *f);
			else
				csvio_write_field(&w, *f);
		}
		csvio_end_record(&w);
	}
	FUZZ_ASSERT(!csvio_writer_error(&w));
	fclose(fp);
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum csvio_delim delims[] = {
		CSVIO_DELIM_AUTO, CSVIO_DELIM_COMMA, CSVIO_DELIM_SEMICOLON,
	};
	fuzz_init();
	fuzz_quiet();
	if (size == 0)
		return 0;
	int rc;
	bool file = data[0] & 4;
	GPtrArray *records = read_all((const char *)data + 1, size - 1, delims[data[0] % 3], file,
				      &rc);
	for (int pass = 0; pass < 2; pass++) {
		size_t len;
		char *text = write_all(records, &len, pass == 1, data[0] & 8);
		int rc2;
		GPtrArray *again = read_all(text, len, CSVIO_DELIM_COMMA, false, &rc2);
		FUZZ_ASSERT(rc2 == 0);
		FUZZ_ASSERT(again->len == records->len);
		for (guint i = 0; i < records->len; i++) {
			char **a = g_ptr_array_index(records, i), **b = g_ptr_array_index(again, i);
			FUZZ_ASSERT(g_strv_length(a) == g_strv_length(b));
			for (size_t k = 0; a[k]; k++)
				FUZZ_ASSERT(strcmp(a[k], pass ? csvio_read_text(b[k]) : b[k]) == 0);
		}
		g_ptr_array_free(again, TRUE);
		free(text);
	}
	g_ptr_array_free(records, TRUE);
	return 0;
}
