/* workbook-items.c - ODK's external XML choice lists read as a sheet */
#include <config.h>
#include "workbook-int.h"

#include <string.h>
#include <unistd.h>

#include "csvio.h"
#include "i18n.h"

/* One <item>: the line it starts on and its columns' texts (column index -> text). */
struct item {
	long line;
	GPtrArray *texts;	/* char *, NULL where the item lacks the column */
};

static void item_free(gpointer p)
{
	struct item *it = p;
	g_ptr_array_free(it->texts, TRUE);
	g_free(it);
}

struct items {
	struct workbook_xml xml;
	GPtrArray *columns;	/* char *, in the order first met */
	GPtrArray *items;	/* struct item * */
	long root_line;
};

static guint column_of(struct items *in, const char *name)
{
	for (guint i = 0; i < in->columns->len; i++)
		if (strcmp(g_ptr_array_index(in->columns, i), name) == 0)
			return i;
	g_ptr_array_add(in->columns, g_strdup(name));
	return in->columns->len - 1;
}

/* The text inside the element at the reader (its text and CDATA, elements within it skipped). */
static int element_text(struct items *in, char **text)
{
	xmlTextReaderPtr r = in->xml.reader;
	GString *s = g_string_new(NULL);
	int rc = 1;
	if (!xmlTextReaderIsEmptyElement(r)) {
		int depth = xmlTextReaderDepth(r);
		while ((rc = xmlTextReaderRead(r)) == 1 && xmlTextReaderDepth(r) > depth) {
			int type = xmlTextReaderNodeType(r);
			if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
			    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
			    type == XML_READER_TYPE_WHITESPACE) {
				const xmlChar *v = xmlTextReaderConstValue(r);
				if (v)
					g_string_append(s, (const char *)v);
			}
		}
	}
	*text = g_string_free(s, FALSE);
	return rc;
}

/* Reads the items: the elements inside the root, each child element of one a column. */
static int read_items(struct items *in)
{
	xmlTextReaderPtr r = in->xml.reader;
	struct item *cur = NULL;
	int rc;
	while ((rc = xmlTextReaderRead(r)) == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		int depth = xmlTextReaderDepth(r);
		if (depth == 0) {
			in->root_line = xmlGetLineNo(xmlTextReaderCurrentNode(r));
		} else if (depth == 1) {
			cur = g_new0(struct item, 1);
			cur->line = xmlGetLineNo(xmlTextReaderCurrentNode(r));
			cur->texts = g_ptr_array_new_with_free_func(g_free);
			g_ptr_array_add(in->items, cur);
		} else if (depth == 2 && cur) {
			guint col = column_of(in, (const char *)xmlTextReaderConstLocalName(r));
			char *text;
			if ((rc = element_text(in, &text)) < 0) {
				g_free(text);
				break;
			}
			if (col >= cur->texts->len)
				g_ptr_array_set_size(cur->texts, col + 1);
			g_free(cur->texts->pdata[col]);
			cur->texts->pdata[col] = text;
			if (rc == 0)
				break;
		}
	}
	return rc;
}

/*
 * The rows of the sheet: the column names, then one row per item, each
 * numbered by the line its item starts on; when two items share a line
 * (a file written on one line), by its position instead, the names
 * being row 1.
 */
static int build_sheet(struct workbook *w, struct items *in, long root_line, GError **error)
{
	bool by_line = root_line > 0;
	for (guint i = 0; i < in->items->len && by_line; i++) {
		const struct item *it = g_ptr_array_index(in->items, i);
		long before = i ? ((const struct item *)g_ptr_array_index(in->items, i - 1))->line
				: root_line;
		by_line = it->line > before;
	}
	struct workbook_builder b;
	workbook_builder_start(&b, w, "items");
	long header = by_line ? root_line : 1;
	int rc = 0;
	for (guint c = 0; c < in->columns->len && rc == 0; c++)
		rc = workbook_builder_cell(&b, header, c, g_strdup(g_ptr_array_index(in->columns, c)),
					   error);
	for (guint i = 0; i < in->items->len && rc == 0; i++) {
		struct item *it = g_ptr_array_index(in->items, i);
		long row = by_line ? it->line : (long)i + 2;
		for (guint c = 0; c < it->texts->len && rc == 0; c++) {
			char *text = it->texts->pdata[c];
			it->texts->pdata[c] = NULL;
			if (text)
				rc = workbook_builder_cell(&b, row, c, text, error);
		}
	}
	workbook_builder_finish(&b);
	return rc;
}

struct workbook *workbook_read_items(const char *path, GError **error)
{
	int fd = workbook_open_input(path, error);
	if (fd < 0)
		return NULL;
	GMappedFile *map = g_mapped_file_new_from_fd(fd, FALSE, NULL);
	close(fd);
	if (!map) {
		/* TRANSLATORS: said of a list file, after its name. */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("cannot be read"));
		return NULL;
	}
	if (g_mapped_file_get_length(map) > WORKBOOK_MAX_PART) {
		/* TRANSLATORS: said of a list file, after its name. */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("larger than %u bytes"), WORKBOOK_MAX_PART);
		g_mapped_file_unref(map);
		return NULL;
	}
	struct items in = { .columns = g_ptr_array_new_with_free_func(g_free),
			    .items = g_ptr_array_new_with_free_func(item_free) };
	struct workbook *w = g_new0(struct workbook, 1);
	w->path = g_strdup(path);
	w->sheets = g_ptr_array_new_with_free_func(workbook_sheet_free);
	int rc = -1;
	const char *data = g_mapped_file_get_contents(map);
	size_t len = g_mapped_file_get_length(map);
	if (len == 0)
		/* TRANSLATORS: said of a list file (XML), after its name; keep <item>. */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("empty: a list needs a root element holding "
							 "an <item> per choice"));
	else if (workbook_xml_open(&in.xml, data ? data : "", data ? len : 0, "XML", error) == 0) {
		rc = read_items(&in);
		rc = workbook_xml_close(&in.xml, rc, error);
	}
	g_mapped_file_unref(map);
	if (rc == 0 && in.items->len == 0) {
		/* TRANSLATORS: said of a list file (XML), after its name; keep <item>. */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("no <item> inside the root element"));
		rc = -1;
	}
	if (rc == 0)
		rc = build_sheet(w, &in, in.root_line, error);
	g_ptr_array_free(in.columns, TRUE);
	g_ptr_array_free(in.items, TRUE);
	if (rc < 0) {
		workbook_free(w);
		return NULL;
	}
	return w;
}
