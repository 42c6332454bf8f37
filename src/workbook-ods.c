/* workbook-ods.c - reading OpenDocument spreadsheets (.ods) */
#include <config.h>
#include "workbook-int.h"

#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "i18n.h"

#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

/*
 * content.xml holds every sheet: table:table elements of table:table-row
 * elements of table:table-cell elements.  Rows and cells carry a repeat
 * count (number-rows-repeated, number-columns-repeated): a program writes
 * the empty rest of a sheet as one row repeated a million times, which is
 * only counted, never made.
 */
struct ods {
	struct workbook_xml xml;
	struct workbook_builder b;
	bool in_table;
	long row;		/* the row being read (1-based) */
	long row_repeat;
	guint col;		/* the next cell's column */
	guint col_repeat;
	char *value_type, *value;	/* of the cell being read */
	GString *text;		/* its paragraphs */
	int paragraphs;
	int in_p;		/* depth inside a paragraph, whose blanks are text */
};

static bool is(struct ods *o, int type, const char *ns, const char *local)
{
	return workbook_xml_is(&o->xml, type, local) &&
	       g_strcmp0((const char *)xmlTextReaderConstNamespaceUri(o->xml.reader), ns) == 0;
}

/* A repeat count attribute; 1 when absent or silly. */
static long repeat(struct ods *o, const char *local)
{
	char *s = workbook_xml_attr(&o->xml, NS_TABLE, local);
	long n = s ? atol(s) : 1;
	g_free(s);
	return n >= 1 && n <= (1L << 30) ? n : 1;
}

static int add_text(struct ods *o, const char *s, size_t n, GError **error)
{
	if (o->text->len + n > CSVIO_MAX_FIELD)
		return workbook_too_long(o->b.sheet->name, o->row, o->col, error);
	g_string_append_len(o->text, s, (gssize)n);
	return 0;
}

/* Follows the content of a cell: paragraphs, spaces, tabs, line breaks; skips notes. */
static int cell_content(struct ods *o, bool *skip, GError **error)
{
	int type = xmlTextReaderNodeType(o->xml.reader);
	if (is(o, XML_READER_TYPE_ELEMENT, NS_OFFICE, "annotation")) {
		*skip = true;
		return 0;
	}
	if (is(o, XML_READER_TYPE_ELEMENT, NS_TEXT, "p") ||
	    is(o, XML_READER_TYPE_ELEMENT, NS_TEXT, "h")) {
		o->in_p += !xmlTextReaderIsEmptyElement(o->xml.reader);
		return o->paragraphs++ ? add_text(o, "\n", 1, error) : 0;
	}
	if (is(o, XML_READER_TYPE_END_ELEMENT, NS_TEXT, "p") ||
	    is(o, XML_READER_TYPE_END_ELEMENT, NS_TEXT, "h")) {
		o->in_p--;
		return 0;
	}
	if (is(o, XML_READER_TYPE_ELEMENT, NS_TEXT, "s")) {
		char *c = workbook_xml_attr(&o->xml, NS_TEXT, "c");
		long n = c ? atol(c) : 1;
		g_free(c);
		if (n < 1)
			n = 1;
		if ((size_t)n > CSVIO_MAX_FIELD)
			return workbook_too_long(o->b.sheet->name, o->row, o->col, error);
		char *spaces = g_strnfill((gsize)n, ' ');
		int rc = add_text(o, spaces, (size_t)n, error);
		g_free(spaces);
		return rc;
	}
	if (is(o, XML_READER_TYPE_ELEMENT, NS_TEXT, "tab"))
		return add_text(o, "\t", 1, error);
	if (is(o, XML_READER_TYPE_ELEMENT, NS_TEXT, "line-break"))
		return add_text(o, "\n", 1, error);
	/* The blank between two spans is text; the blanks between paragraphs are layout. */
	if (o->in_p > 0 && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
			    type == XML_READER_TYPE_WHITESPACE ||
			    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
		const char *s = (const char *)xmlTextReaderConstValue(o->xml.reader);
		return add_text(o, s, strlen(s), error);
	}
	return 0;
}

static void cell_start(struct ods *o)
{
	o->col_repeat = (guint)MIN(repeat(o, "number-columns-repeated"), 1L << 30);
	g_free(o->value_type);
	g_free(o->value);
	o->value_type = workbook_xml_attr(&o->xml, NS_OFFICE, "value-type");
	const char *t = o->value_type ? o->value_type : "";
	const char *attr = strcmp(t, "date") == 0	   ? "date-value"
			   : strcmp(t, "boolean") == 0 ? "boolean-value"
			   : strcmp(t, "float") == 0 || strcmp(t, "percentage") == 0 ||
				     strcmp(t, "currency") == 0
				   ? "value"
				   : NULL;
	o->value = attr ? workbook_xml_attr(&o->xml, NS_OFFICE, attr) : NULL;
	g_string_truncate(o->text, 0);
	o->paragraphs = 0;
	o->in_p = 0;
}

/* The text of the cell just read. */
static char *cell_text(struct ods *o)
{
	const char *t = o->value_type ? o->value_type : "";
	if (o->value && strcmp(t, "boolean") == 0)
		return g_strdup(strcmp(o->value, "true") == 0 ? "TRUE" : "FALSE");
	if (o->value && strcmp(t, "date") == 0) {
		char *s = g_strdup(o->value);
		if (g_str_has_suffix(s, "T00:00:00"))
			s[strlen(s) - 9] = '\0';
		return s;
	}
	if (o->value && *t) {
		char *end;
		double d = g_ascii_strtod(o->value, &end);
		if (end != o->value && !*end)
			return workbook_number_text(d);
	}
	return g_strdup(o->text->str);
}

/* Puts the cell just read in its columns, as often as it is repeated. */
static int cell_end(struct ods *o, GError **error)
{
	char *text = cell_text(o);
	guint n = o->col_repeat;
	if (!*text) {
		g_free(text);
		o->col = MIN(o->col + n, CSVIO_MAX_FIELDS + 1);	/* empty: only counted */
		return 0;
	}
	for (guint i = 0; i < n; i++, o->col++) {
		if (workbook_builder_cell(&o->b, o->row, o->col, i + 1 < n ? g_strdup(text) : text,
					  error) < 0) {
			if (i + 1 < n)
				g_free(text);
			return -1;
		}
	}
	return 0;
}

static int row_end(struct ods *o, GError **error)
{
	GPtrArray *rows = o->b.sheet->rows;
	guint before = rows->len;
	workbook_builder_end_row(&o->b);
	int rc = 0;
	if (rows->len > before)
		rc = workbook_builder_repeat_row(&o->b, o->row_repeat - 1, error);
	o->row += o->row_repeat - 1;
	return rc;
}

/* Handles the node at the reader; sets *SKIP to pass over its subtree.  Returns 0 or -1. */
static int step(struct ods *o, struct workbook *w, const char *const *only, bool *in_cell,
		bool *skip, GError **error)
{
	bool empty = xmlTextReaderIsEmptyElement(o->xml.reader);
	if (is(o, XML_READER_TYPE_ELEMENT, NS_TABLE, "table")) {
		char *name = workbook_xml_attr(&o->xml, NS_TABLE, "name");
		*skip = !name || !workbook_wanted(only, name) || empty;
		if (!*skip) {
			workbook_builder_start(&o->b, w, name);
			o->in_table = true;
			o->row = 0;
		}
		g_free(name);
	} else if (is(o, XML_READER_TYPE_END_ELEMENT, NS_TABLE, "table") && o->in_table) {
		workbook_builder_finish(&o->b);
		o->in_table = false;
	} else if (!o->in_table) {
		return 0;
	} else if (is(o, XML_READER_TYPE_ELEMENT, NS_TABLE, "table-row")) {
		o->row++;
		o->row_repeat = repeat(o, "number-rows-repeated");
		o->col = 0;
		if (empty)
			o->row += o->row_repeat - 1;
	} else if (is(o, XML_READER_TYPE_END_ELEMENT, NS_TABLE, "table-row")) {
		return row_end(o, error);
	} else if (is(o, XML_READER_TYPE_ELEMENT, NS_TABLE, "table-cell") ||
		   is(o, XML_READER_TYPE_ELEMENT, NS_TABLE, "covered-table-cell")) {
		cell_start(o);
		*in_cell = !empty;
		if (empty)
			return cell_end(o, error);
	} else if (is(o, XML_READER_TYPE_END_ELEMENT, NS_TABLE, "table-cell") ||
		   is(o, XML_READER_TYPE_END_ELEMENT, NS_TABLE, "covered-table-cell")) {
		*in_cell = false;
		return cell_end(o, error);
	} else if (*in_cell) {
		return cell_content(o, skip, error);
	}
	return 0;
}

int workbook_read_ods(struct workbook *w, zip_t *zip, const char *const *only, GError **error)
{
	char *data;
	size_t len;
	int rc = workbook_zip_read(zip, "content.xml", &data, &len, error);
	if (rc == 0)
		/* TRANSLATORS: keep content.xml, the part of the file that holds the sheets. */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("not an .ods spreadsheet: no content.xml"));
	if (rc <= 0)
		return -1;
	struct ods o = { .text = g_string_new(NULL) };
	if (workbook_xml_open(&o.xml, data, len, "content.xml", error) < 0) {
		g_free(data);
		g_string_free(o.text, TRUE);
		return -1;
	}
	bool in_cell = false;
	rc = xmlTextReaderRead(o.xml.reader);
	while (rc == 1) {
		bool skip = false;
		if (step(&o, w, only, &in_cell, &skip, error) < 0) {
			rc = -1;
			break;
		}
		rc = skip ? xmlTextReaderNext(o.xml.reader) : xmlTextReaderRead(o.xml.reader);
	}
	if (o.in_table)
		workbook_builder_finish(&o.b);
	rc = workbook_xml_close(&o.xml, rc, error);
	g_free(o.value_type);
	g_free(o.value);
	g_string_free(o.text, TRUE);
	g_free(data);
	return rc;
}
