/* workbook-xlsx.c - reading Office Open XML workbooks (.xlsx, .xlsm) */
#include <config.h>
#include "workbook-int.h"

#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "i18n.h"

/*
 * The parts read: xl/workbook.xml names the sheets and their
 * relationship ids, xl/_rels/workbook.xml.rels maps those to the sheet
 * parts and names the shared strings and styles; the styles tell which
 * cells hold dates.
 */
struct xlsx {
	zip_t *zip;
	GPtrArray *strings;	/* the shared strings, char * */
	GArray *date_styles;	/* per cell format (cellXfs index): gboolean */
	bool date1904;
	GHashTable *targets;	/* relationship id -> part name */
	char *strings_part, *styles_part;
};

/* A relationship's Target, relative to xl/ unless it starts with '/'. */
static char *part_name(const char *target)
{
	if (target[0] == '/')
		return g_strdup(target + 1);
	return g_strconcat("xl/", target, NULL);
}

/* Reads part NAME as XML; *DATA must be freed by the caller.  Returns 1, 0 when missing, -1. */
static int open_part(struct xlsx *x, const char *name, struct workbook_xml *xml, char **data,
		     GError **error)
{
	size_t len;
	int rc = workbook_zip_read(x->zip, name, data, &len, error);
	if (rc <= 0)
		return rc;
	return workbook_xml_open(xml, *data, len, name, error) < 0 ? -1 : 1;
}

static int read_rels(struct xlsx *x, GError **error)
{
	struct workbook_xml xml;
	char *data;
	int rc = open_part(x, "xl/_rels/workbook.xml.rels", &xml, &data, error);
	if (rc <= 0) {
		if (rc == 0)
			g_set_error(error, WORKBOOK_ERROR, 0,
				    /* TRANSLATORS: keep the part's name, xl/_rels/workbook.xml.rels. */
				    E_("not an .xlsx workbook: no xl/_rels/workbook.xml.rels"));
		return -1;
	}
	while ((rc = xmlTextReaderRead(xml.reader)) == 1) {
		if (!workbook_xml_is(&xml, XML_READER_TYPE_ELEMENT, "Relationship"))
			continue;
		char *id = workbook_xml_attr(&xml, NULL, "Id");
		char *target = workbook_xml_attr(&xml, NULL, "Target");
		char *type = workbook_xml_attr(&xml, NULL, "Type");
		if (id && target) {
			char *part = part_name(target);
			if (type && g_str_has_suffix(type, "/sharedStrings") && !x->strings_part)
				x->strings_part = g_strdup(part);
			if (type && g_str_has_suffix(type, "/styles") && !x->styles_part)
				x->styles_part = g_strdup(part);
			g_hash_table_replace(x->targets, id, part);
			id = NULL;
		}
		g_free(id);
		g_free(target);
		g_free(type);
	}
	rc = workbook_xml_close(&xml, rc, error);
	g_free(data);
	return rc;
}

/* Appends the text node at XML to BUF, refusing to pass the cap on a cell. */
static int append_text(struct workbook_xml *xml, GString *buf, GError **error)
{
	const char *s = (const char *)xmlTextReaderConstValue(xml->reader);
	size_t n = s ? strlen(s) : 0;
	if (buf->len + n > CSVIO_MAX_FIELD) {
		/* TRANSLATORS: %s is a part of the workbook, such as xl/sharedStrings.xml. */
		g_set_error(error, WORKBOOK_ERROR, 0, E_("%s: a text longer than %u bytes"), xml->part,
			    CSVIO_MAX_FIELD);
		return -1;
	}
	g_string_append_len(buf, s, (gssize)n);
	return 0;
}

static bool is_text_node(int type)
{
	return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
	       type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/*
 * Tracks where a string's text is: in a <t> of a string item (<si>) or of
 * an inline string (<is>), directly or in a rich-text run (<r>), but not
 * in a phonetic run (<rPh>), whose text is a reading aid.
 */
struct text_state {
	bool in_t;
	int rph;	/* depth inside <rPh> */
};

/* Follows XML through string items; appends their text to BUF.  Returns 0 or -1. */
static int follow_text(struct workbook_xml *xml, struct text_state *ts, GString *buf,
		       GError **error)
{
	int type = xmlTextReaderNodeType(xml->reader);
	bool empty = xmlTextReaderIsEmptyElement(xml->reader);
	if (workbook_xml_is(xml, XML_READER_TYPE_ELEMENT, "rPh") && !empty)
		ts->rph++;
	else if (workbook_xml_is(xml, XML_READER_TYPE_END_ELEMENT, "rPh"))
		ts->rph--;
	else if (workbook_xml_is(xml, XML_READER_TYPE_ELEMENT, "t"))
		ts->in_t = !empty;
	else if (workbook_xml_is(xml, XML_READER_TYPE_END_ELEMENT, "t"))
		ts->in_t = false;
	else if (ts->in_t && ts->rph == 0 && is_text_node(type))
		return append_text(xml, buf, error);
	return 0;
}

static int read_shared_strings(struct xlsx *x, GError **error)
{
	struct workbook_xml xml;
	char *data;
	int rc = open_part(x, x->strings_part ? x->strings_part : "xl/sharedStrings.xml", &xml,
			   &data, error);
	if (rc <= 0)
		return rc;
	GString *buf = NULL;
	struct text_state ts = { 0 };
	while ((rc = xmlTextReaderRead(xml.reader)) == 1) {
		if (workbook_xml_is(&xml, XML_READER_TYPE_ELEMENT, "si")) {
			if (buf)
				g_string_free(buf, TRUE);
			buf = g_string_new(NULL);
			if (xmlTextReaderIsEmptyElement(xml.reader)) {
				g_ptr_array_add(x->strings, g_string_free(buf, FALSE));
				buf = NULL;
			}
		} else if (workbook_xml_is(&xml, XML_READER_TYPE_END_ELEMENT, "si") && buf) {
			g_ptr_array_add(x->strings, g_string_free(buf, FALSE));
			buf = NULL;
		} else if (buf && follow_text(&xml, &ts, buf, error) < 0) {
			rc = -1;
			break;
		}
	}
	if (buf)
		g_string_free(buf, TRUE);
	rc = workbook_xml_close(&xml, rc, error);
	g_free(data);
	return rc;
}

/*
 * Whether the number format CODE shows a date or a time: whether it has
 * d, m, y, h or s outside quoted text ("days"), escaped characters (\d)
 * and brackets ([Red], [$-409]).
 */
static bool is_date_format(const char *code)
{
	for (const char *p = code; *p; p++) {
		if (*p == '"') {
			p = strchr(p + 1, '"');
			if (!p)
				return false;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (!*++p)
				return false;
		} else if (*p == '[') {
			p = strchr(p, ']');
			if (!p)
				return false;
		} else if (strchr("dmyhsDMYHS", *p)) {
			return true;
		}
	}
	return false;
}

/* Excel's built-in date and time formats. */
static bool is_date_id(long id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

static int read_styles(struct xlsx *x, GError **error)
{
	struct workbook_xml xml;
	char *data;
	int rc = open_part(x, x->styles_part ? x->styles_part : "xl/styles.xml", &xml, &data,
			   error);
	if (rc <= 0)
		return rc;
	GHashTable *custom = g_hash_table_new(g_direct_hash, g_direct_equal);	/* id -> date? */
	bool in_xfs = false;
	while ((rc = xmlTextReaderRead(xml.reader)) == 1) {
		if (workbook_xml_is(&xml, XML_READER_TYPE_ELEMENT, "numFmt")) {
			char *id = workbook_xml_attr(&xml, NULL, "numFmtId");
			char *code = workbook_xml_attr(&xml, NULL, "formatCode");
			if (id && code)
				g_hash_table_replace(custom, GINT_TO_POINTER(atoi(id)),
						     GINT_TO_POINTER(is_date_format(code) + 1));
			g_free(id);
			g_free(code);
		} else if (workbook_xml_is(&xml, XML_READER_TYPE_ELEMENT, "cellXfs")) {
			in_xfs = !xmlTextReaderIsEmptyElement(xml.reader);
		} else if (workbook_xml_is(&xml, XML_READER_TYPE_END_ELEMENT, "cellXfs")) {
			in_xfs = false;
		} else if (in_xfs && workbook_xml_is(&xml, XML_READER_TYPE_ELEMENT, "xf")) {
			char *id = workbook_xml_attr(&xml, NULL, "numFmtId");
			long n = id ? atol(id) : 0;
			gpointer c = g_hash_table_lookup(custom, GINT_TO_POINTER((int)n));
			gboolean date = c ? GPOINTER_TO_INT(c) == 2 : is_date_id(n);
			g_array_append_val(x->date_styles, date);
			g_free(id);
		}
	}
	g_hash_table_destroy(custom);
	rc = workbook_xml_close(&xml, rc, error);
	g_free(data);
	return rc;
}

/* A cell being read from a sheet part. */
struct cell {
	long row;
	guint col;
	char *type;		/* the t attribute: s, str, inlineStr, b, e, d, n (NULL = n) */
	long style;		/* the s attribute */
	GString *value;		/* <v> */
	GString *inline_text;	/* <is> */
	bool in_v, in_is;
	struct text_state ts;
};

/* "B12" -> column 1, row 12; returns false when REF is not a cell reference. */
static bool parse_ref(const char *ref, guint *col, long *row)
{
	guint64 c = 0;
	const char *p = ref;
	for (; g_ascii_isalpha(*p) && c <= CSVIO_MAX_FIELDS; p++)
		c = c * 26 + (guint64)(g_ascii_toupper(*p) - 'A' + 1);
	if (p == ref || c > CSVIO_MAX_FIELDS || !g_ascii_isdigit(*p))
		return false;
	char *end;
	long r = strtol(p, &end, 10);
	if (*end || r < 1 || r > (1L << 30))
		return false;
	*col = (guint)(c - 1);
	*row = r;
	return true;
}

/* The text of the cell C, as workbook.h says; NULL with ERROR set when it is corrupt. */
static char *cell_text(struct xlsx *x, struct cell *c, GError **error)
{
	const char *v = c->value->str;
	const char *t = c->type ? c->type : "n";
	if (strcmp(t, "s") == 0) {
		char *end;
		long i = strtol(v, &end, 10);
		if (end == v || *end || i < 0 || (guint64)i >= x->strings->len) {
			/*
			 * TRANSLATORS: a cell refers to a shared string by its index, %s,
			 * of which the workbook has %u; "sheet 'survey', cell C14: " comes
			 * before.
			 */
			g_set_error(error, WORKBOOK_ERROR, 0, E_("cell with shared string '%s', "
								 "of %u"), v, x->strings->len);
			return NULL;
		}
		return g_strdup(g_ptr_array_index(x->strings, i));
	}
	if (strcmp(t, "inlineStr") == 0)
		return g_strdup(c->inline_text->str);
	if (strcmp(t, "b") == 0)
		return g_strdup(!*v ? "" : strcmp(v, "0") == 0 ? "FALSE" : "TRUE");
	if (strcmp(t, "n") != 0 || !*v)
		return g_strdup(v);	/* str (a formula's text), e (#N/A), d (ISO date) */
	char *end;
	double d = g_ascii_strtod(v, &end);
	if (end == v || *end)
		return g_strdup(v);
	bool date = c->style >= 0 && (guint)c->style < x->date_styles->len &&
		    g_array_index(x->date_styles, gboolean, c->style);
	char *text = date ? workbook_date_text(d, x->date1904) : NULL;
	return text ? text : workbook_number_text(d);
}

static void cell_start(struct workbook_xml *xml, struct cell *c, long row, guint next_col)
{
	char *ref = workbook_xml_attr(xml, NULL, "r");
	char *style = workbook_xml_attr(xml, NULL, "s");
	c->row = row;
	c->col = next_col;
	if (ref)
		parse_ref(ref, &c->col, &c->row);
	g_free(c->type);
	c->type = workbook_xml_attr(xml, NULL, "t");
	c->style = style ? atol(style) : -1;
	g_string_truncate(c->value, 0);
	g_string_truncate(c->inline_text, 0);
	c->in_v = c->in_is = false;
	c->ts = (struct text_state){ 0 };
	g_free(ref);
	g_free(style);
}

/* Follows XML inside a <c>; returns 0 or -1. */
static int cell_follow(struct workbook_xml *xml, struct cell *c, GError **error)
{
	int type = xmlTextReaderNodeType(xml->reader);
	bool empty = xmlTextReaderIsEmptyElement(xml->reader);
	if (workbook_xml_is(xml, XML_READER_TYPE_ELEMENT, "v"))
		c->in_v = !empty;
	else if (workbook_xml_is(xml, XML_READER_TYPE_END_ELEMENT, "v"))
		c->in_v = false;
	else if (workbook_xml_is(xml, XML_READER_TYPE_ELEMENT, "is"))
		c->in_is = !empty;
	else if (workbook_xml_is(xml, XML_READER_TYPE_END_ELEMENT, "is"))
		c->in_is = false;
	else if (c->in_is)
		return follow_text(xml, &c->ts, c->inline_text, error);
	else if (c->in_v && is_text_node(type))
		return append_text(xml, c->value, error);
	return 0;
}

static int cell_end(struct xlsx *x, struct workbook_builder *b, struct cell *c, GError **error)
{
	char *text = cell_text(x, c, error);
	if (!text) {
		char name[8];
		/* TRANSLATORS: a sheet's name, then a cell: %s%ld is its column and row, as in "C14". */
		g_prefix_error(error, E_("sheet '%s', cell %s%ld: "), b->sheet->name,
			       workbook_column_name(c->col, name), c->row);
		return -1;
	}
	return workbook_builder_cell(b, c->row, c->col, text, error);
}

/* Reads the sheet part PART into the sheet NAME of W. */
static int read_sheet(struct xlsx *x, struct workbook *w, const char *name, const char *part,
		      GError **error)
{
	struct workbook_xml xml;
	char *data;
	int rc = open_part(x, part, &xml, &data, error);
	if (rc <= 0) {
		if (rc == 0)
			/* TRANSLATORS: a sheet's name, then the part of the workbook that should hold it. */
			g_set_error(error, WORKBOOK_ERROR, 0, E_("sheet '%s': no part %s"), name, part);
		return -1;
	}
	struct workbook_builder b;
	workbook_builder_start(&b, w, name);
	struct cell c = { .value = g_string_new(NULL), .inline_text = g_string_new(NULL) };
	long row = 0;
	guint next_col = 0;
	bool in_cell = false;
	while ((rc = xmlTextReaderRead(xml.reader)) == 1) {
		int step = 0;
		if (workbook_xml_is(&xml, XML_READER_TYPE_ELEMENT, "row")) {
			char *r = workbook_xml_attr(&xml, NULL, "r");
			long n = r ? atol(r) : 0;
			row = n >= 1 && n <= (1L << 30) ? n : row + 1;
			next_col = 0;
			g_free(r);
		} else if (workbook_xml_is(&xml, XML_READER_TYPE_ELEMENT, "c")) {
			cell_start(&xml, &c, row, next_col);
			next_col = c.col + 1;
			in_cell = !xmlTextReaderIsEmptyElement(xml.reader);
		} else if (workbook_xml_is(&xml, XML_READER_TYPE_END_ELEMENT, "c")) {
			in_cell = false;
			step = cell_end(x, &b, &c, error);
		} else if (in_cell) {
			step = cell_follow(&xml, &c, error);
		}
		if (step < 0) {
			rc = -1;
			break;
		}
	}
	workbook_builder_finish(&b);
	g_string_free(c.value, TRUE);
	g_string_free(c.inline_text, TRUE);
	g_free(c.type);
	rc = workbook_xml_close(&xml, rc, error);
	g_free(data);
	return rc;
}

/* Reads xl/workbook.xml: the sheets in order, as pairs name, relationship id, in SHEETS. */
static int read_book(struct xlsx *x, GPtrArray *sheets, GError **error)
{
	struct workbook_xml xml;
	char *data;
	int rc = open_part(x, "xl/workbook.xml", &xml, &data, error);
	if (rc <= 0) {
		if (rc == 0)
			g_set_error(error, WORKBOOK_ERROR, 0,
				    /* TRANSLATORS: keep the part's name, xl/workbook.xml. */
				    E_("not an .xlsx workbook: no xl/workbook.xml"));
		return -1;
	}
	while ((rc = xmlTextReaderRead(xml.reader)) == 1) {
		if (workbook_xml_is(&xml, XML_READER_TYPE_ELEMENT, "workbookPr")) {
			char *d = workbook_xml_attr(&xml, NULL, "date1904");
			x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
			g_free(d);
		} else if (workbook_xml_is(&xml, XML_READER_TYPE_ELEMENT, "sheet")) {
			char *name = workbook_xml_attr(&xml, NULL, "name");
			char *id = workbook_xml_attr(&xml, NULL, "id");
			if (name && id) {
				g_ptr_array_add(sheets, name);
				g_ptr_array_add(sheets, id);
			} else {
				g_free(name);
				g_free(id);
			}
		}
	}
	rc = workbook_xml_close(&xml, rc, error);
	g_free(data);
	return rc;
}

int workbook_read_xlsx(struct workbook *w, zip_t *zip, const char *const *only, GError **error)
{
	struct xlsx x = { .zip = zip };
	x.strings = g_ptr_array_new_with_free_func(g_free);
	x.date_styles = g_array_new(FALSE, FALSE, sizeof(gboolean));
	x.targets = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	GPtrArray *sheets = g_ptr_array_new_with_free_func(g_free);
	int rc = read_book(&x, sheets, error);
	if (rc == 0)
		rc = read_rels(&x, error);
	if (rc == 0)
		rc = read_shared_strings(&x, error) < 0 ? -1 : 0;
	if (rc == 0)
		rc = read_styles(&x, error) < 0 ? -1 : 0;
	for (guint i = 0; rc == 0 && i < sheets->len; i += 2) {
		const char *name = g_ptr_array_index(sheets, i);
		const char *part = g_hash_table_lookup(x.targets, g_ptr_array_index(sheets, i + 1));
		if (!workbook_wanted(only, name))
			continue;
		if (!part) {
			/* TRANSLATORS: a sheet's name, then the id by which the workbook names its part. */
			g_set_error(error, WORKBOOK_ERROR, 0, E_("sheet '%s': no relationship '%s'"), name,
				    (const char *)g_ptr_array_index(sheets, i + 1));
			rc = -1;
		} else {
			rc = read_sheet(&x, w, name, part, error);
		}
	}
	g_ptr_array_free(sheets, TRUE);
	g_ptr_array_free(x.strings, TRUE);
	g_array_free(x.date_styles, TRUE);
	g_hash_table_destroy(x.targets);
	g_free(x.strings_part);
	g_free(x.styles_part);
	return rc;
}
