/* fuzz-workbook.c - libFuzzer harness: the workbook readers (.xlsx, .ods, .xls) and XML lists */
#include <config.h>
#include "fuzz.h"

#include <string.h>
#include <glib.h>

#include "csvio.h"
#include "workbook.h"

/*
 * The first byte picks the format (0 .xlsx, 1 .ods, 2 .xls, by its value
 * modulo 3; from 0xf0 up, an XML choice list); the rest is the file.  A workbook that cannot be read must
 * say why; one that is read must keep the bounds of workbook.h, its rows
 * in order, every cell text valid UTF-8.
 */

static void check_sheet(const struct workbook_sheet *s)
{
	long last = 0;
	FUZZ_ASSERT(s->name);
	for (guint i = 0; i < s->rows->len; i++) {
		const struct workbook_row *r = g_ptr_array_index(s->rows, i);
		FUZZ_ASSERT(r->row >= last && r->row >= 1);
		FUZZ_ASSERT(r->n_cells >= 1 && r->n_cells <= CSVIO_MAX_FIELDS);
		FUZZ_ASSERT(*r->cells[r->n_cells - 1] && !r->cells[r->n_cells]);
		for (guint c = 0; c < r->n_cells; c++) {
			FUZZ_ASSERT(strlen(r->cells[c]) <= CSVIO_MAX_FIELD);
			FUZZ_ASSERT(g_utf8_validate(r->cells[c], -1, NULL));
		}
		last = r->row;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/*
	 * The first byte picks the format.  The replay of the stored inputs
	 * (FUZZ_TARGET set) reads all three; libFuzzer mutates .xlsx and .ods,
	 * which quire parses through libzip and libxml2, but not .xls: FreeXL
	 * 1.0.6 reads past a stack buffer of its own (inside iconv) on some
	 * malformed files, which quire cannot prevent.
	 */
	static const char *const names[] = { "fuzz.xlsx", "fuzz.ods", "fuzz.xls" };
#ifdef FUZZ_TARGET
	const unsigned formats = 3;
#else
	const unsigned formats = 2;
#endif
	fuzz_init();
	fuzz_quiet();
	if (size < 1)
		return 0;
	bool items = data[0] >= 0xf0;
	char *path = fuzz_write(items ? "fuzz.xml" : names[data[0] % formats], data + 1, size - 1);
	GError *error = NULL;
	struct workbook *w = items ? workbook_read_items(path, &error)
				   : workbook_read(path, NULL, &error);
	FUZZ_ASSERT(w || (error && error->message[0]));
	if (w) {
		for (guint i = 0; i < w->sheets->len; i++)
			check_sheet(g_ptr_array_index(w->sheets, i));
	}
	if (error)
		g_error_free(error);
	workbook_free(w);
	g_free(path);
	return 0;
}
