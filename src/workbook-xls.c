/* workbook-xls.c - reading Excel 97-2003 workbooks (.xls), on FreeXL */
#include <config.h>
#include "workbook-int.h"

#include <freexl.h>
#include <string.h>

#include "csvio.h"
#include "i18n.h"

static const char *freexl_reason(int code)
{
	switch (code) {
	case FREEXL_FILE_NOT_FOUND:
		/* TRANSLATORS: why an .xls file cannot be read, in "%s (FreeXL error %d)". */
		return E_("cannot open");
	case FREEXL_INSUFFICIENT_MEMORY:
		/* TRANSLATORS: why an .xls file cannot be read, in "%s (FreeXL error %d)". */
		return E_("out of memory");
	case FREEXL_INVALID_CFBF_HEADER:
	case FREEXL_CFBF_INVALID_SIGNATURE:
		/* TRANSLATORS: why an .xls file cannot be read, in "%s (FreeXL error %d)". */
		return E_("not an Excel 97-2003 workbook");
	case FREEXL_UNSUPPORTED_CHARSET:
	case FREEXL_INVALID_CHARACTER:
		/* TRANSLATORS: why an .xls file cannot be read, in "%s (FreeXL error %d)". */
		return E_("text in a character set that cannot be read");
	default:
		/* TRANSLATORS: why an .xls file cannot be read, in "%s (FreeXL error %d)". */
		return E_("corrupt Excel 97-2003 workbook");
	}
}

static int xls_error(int code, GError **error)
{
	/* TRANSLATORS: %s is why ("corrupt Excel 97-2003 workbook"), %d the code FreeXL, the library reading .xls, gave. */
	g_set_error(error, WORKBOOK_ERROR, 0, E_("%s (FreeXL error %d)"), freexl_reason(code), code);
	return -1;
}

/* The text of a cell, as workbook.h says. */
static char *cell_text(const FreeXL_CellValue *v)
{
	switch (v->type) {
	case FREEXL_CELL_INT:
		return g_strdup_printf("%d", v->value.int_value);
	case FREEXL_CELL_DOUBLE:
		return workbook_number_text(v->value.double_value);
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_TIME:
		return g_strdup(v->value.text_value ? v->value.text_value : "");
	case FREEXL_CELL_DATETIME: {
		char *s = g_strdup(v->value.text_value ? v->value.text_value : "");
		char *space = strchr(s, ' ');
		if (space)
			*space = 'T';	/* "2019-05-01 10:30:00": ISO 8601 */
		if (g_str_has_suffix(s, "T00:00:00"))
			s[strlen(s) - 9] = '\0';
		return s;
	}
	default:
		return g_strdup("");
	}
}

static int read_sheet(const void *h, struct workbook *w, unsigned short index, const char *name,
		      GError **error)
{
	int rc = freexl_select_active_worksheet(h, index);
	unsigned int rows = 0;
	unsigned short cols = 0;
	if (rc == FREEXL_OK)
		rc = freexl_worksheet_dimensions(h, &rows, &cols);
	if (rc != FREEXL_OK)
		return xls_error(rc, error);
	struct workbook_builder b;
	workbook_builder_start(&b, w, name);
	for (unsigned int r = 0; r < rows && rc == 0; r++) {
		for (unsigned short c = 0; c < cols && rc == 0; c++) {
			FreeXL_CellValue v;
			int got = freexl_get_cell_value(h, r, c, &v);
			if (got != FREEXL_OK)
				rc = xls_error(got, error);
			else
				rc = workbook_builder_cell(&b, (long)r + 1, c, cell_text(&v), error);
		}
	}
	workbook_builder_finish(&b);
	return rc;
}

int workbook_read_xls(struct workbook *w, const char *const *only, GError **error)
{
	const void *h = NULL;
	int rc = freexl_open(w->path, &h);
	if (rc != FREEXL_OK) {
		if (h)
			freexl_close(h);
		return xls_error(rc, error);
	}
	if (!h) {	/* FreeXL 1.0.6 says so of some files saved by recent Excel */
		/* TRANSLATORS: FreeXL is the library that reads .xls files. */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("an Excel 97-2003 workbook FreeXL cannot "
							 "read; save it as .xlsx"));
		return -1;
	}
	unsigned int n = 0;
	rc = freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &n);
	if (rc != FREEXL_OK)
		rc = xls_error(rc, error);
	for (unsigned int i = 0; rc == 0 && i < n && i <= G_MAXUINT16; i++) {
		const char *name = NULL;
		int got = freexl_get_worksheet_name(h, (unsigned short)i, &name);
		if (got != FREEXL_OK)
			rc = xls_error(got, error);
		else if (name && workbook_wanted(only, name))
			rc = read_sheet(h, w, (unsigned short)i, name, error);
	}
	freexl_close(h);
	return rc;
}
