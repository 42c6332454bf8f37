/* form-load.c - builds the form model from its sheets and checks it */
#include <config.h>
#include "form.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "form-sheet.h"
#include "i18n.h"
#include "label.h"
#include "msg.h"
#include "workbook.h"

struct loader {
	struct form *form;
	struct form_sheets sheets;
	GHashTable *lang_index;	/* language as written -> index + 1 */
	GHashTable *scoped;	/* "<group index>/<name>" of a question or group -> its row */
	GHashTable *refused;	/* name of a question row refused -> its row */
	GHashTable *in_repeat;	/* name in a repeat refused -> the repeat's row */
	char *unknown_ref;	/* the name the last failed lookup asked for */
	bool ambiguous_ref;	/* ... and it names questions in different groups */
	char *unknown_list;	/* the same, for instance('...') */
	char *unknown_column;	/* the same, for a column of UNKNOWN_COLUMN_OF */
	const struct form_list *unknown_column_of;
	const struct form_list *filtered;	/* the list of the choice_filter being compiled */
	/* The node whose expressions are being compiled, for relative paths and for the
	 * generated question's own group: a question or a group. */
	const struct form_question *context_q;
	const struct form_group *context_g;
	int errors;
};

/*
 * Reports an error at ROW of FILE and counts it.  msg_error_at() looks the
 * format up in the terminal's language, and xgettext knows LOAD_ERROR as a
 * keyword (po/Makevars): a literal format needs no mark.
 */
#define LOAD_ERROR(ld, file, row, ...) ((ld)->errors++, msg_error_at((file), (row), __VA_ARGS__))

/* Settings */

static void load_settings(struct loader *ld, const char *path)
{
	struct form *form = ld->form;
	struct form_sheet *s = ld->sheets.settings;
	if (s && s->rows->len > 0) {
		struct form_sheet_row *row = g_ptr_array_index(s->rows, 0);
		for (guint i = 0; i < s->columns->len; i++) {
			struct form_sheet_column *c = g_ptr_array_index(s->columns, i);
			if (*row->cells[i])
				g_hash_table_replace(form->settings, g_strdup(c->key),
						     g_strdup(row->cells[i]));
		}
	}
	const char *id = g_hash_table_lookup(form->settings, "form_id");
	char *stem = g_path_get_basename(path);
	char *dot = strrchr(stem, '.');
	if (dot && dot != stem && (g_str_has_suffix(stem, ".csv") || workbook_is_workbook(stem)))
		*dot = '\0';
	form->id = g_strdup(id ? id : stem);
	g_free(stem);
	const char *title = g_hash_table_lookup(form->settings, "form_title");
	form->title = g_strdup(title ? title : form->id);
	form->version = g_strdup(g_hash_table_lookup(form->settings, "version"));
	form->default_language = g_strdup(g_hash_table_lookup(form->settings, "default_language"));
}

static void texts_free(char **texts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		g_free(texts[i]);
	g_free(texts);
}

/* Languages */

static bool same_language(const char *a, const char *b)
{
	return a && b && g_ascii_strcasecmp(a, b) == 0;
}

static void add_languages_of(struct loader *ld, const struct form_sheet *sheet)
{
	if (!sheet)
		return;
	for (guint i = 0; i < sheet->columns->len; i++) {
		struct form_sheet_column *c = g_ptr_array_index(sheet->columns, i);
		if (!c->lang || !form_sheet_translatable(c->base) ||
		    same_language(c->lang, ld->form->default_language) ||
		    g_hash_table_contains(ld->lang_index, c->lang))
			continue;
		g_ptr_array_add(ld->form->languages, g_strdup(c->lang));
		g_hash_table_insert(ld->lang_index, g_strdup(c->lang),
				    GINT_TO_POINTER(ld->form->languages->len));
	}
}

/*
 * Language 0 holds the unsuffixed columns; when settings name a
 * default_language, columns in that language join it.
 */
static void collect_languages(struct loader *ld)
{
	struct form *form = ld->form;
	g_ptr_array_add(form->languages,
			g_strdup(form->default_language ? form->default_language : "default"));
	add_languages_of(ld, ld->sheets.survey);
	add_languages_of(ld, ld->sheets.choices);
}

static int lang_of(const struct loader *ld, const char *lang)
{
	if (!lang || same_language(lang, ld->form->default_language))
		return 0;
	return GPOINTER_TO_INT(g_hash_table_lookup(ld->lang_index, lang)) - 1;
}

/* The columns people read: their markup is dropped (see label_plain()). */
static bool is_text_column(const char *base)
{
	static const char *const texts[] = {
		"label", "hint", "guidance_hint", "constraint_message", "required_message", NULL,
	};
	return g_strv_contains(texts, base);
}

/*
 * The translations of column BASE in ROW, one per language; NULL when
 * none.  Labels, hints and messages are kept as plain text, so that every
 * place that shows one -- check, blank, enter, tab, report -- shows it
 * without HTML or markdown.
 */
static char **texts_of(const struct loader *ld, const struct form_sheet *sheet,
		       const struct form_sheet_row *row, const char *base)
{
	size_t n = ld->form->languages->len;
	char **texts = NULL;
	for (guint i = 0; i < sheet->columns->len; i++) {
		struct form_sheet_column *c = g_ptr_array_index(sheet->columns, i);
		int lang = lang_of(ld, c->lang);
		if (strcmp(c->base, base) != 0 || lang < 0 || !*row->cells[i])
			continue;
		if (!texts)
			texts = g_new0(char *, n);
		if (!texts[lang])
			texts[lang] = is_text_column(base) ? label_plain(row->cells[i])
							   : g_strdup(row->cells[i]);
	}
	return texts;
}

/* The columns XLSForm does not define, kept for quire's own use (e.g. summary). */
static GHashTable *extras_of(const struct form_sheet *sheet, const struct form_sheet_row *row)
{
	GHashTable *extra = NULL;
	for (guint i = 0; i < sheet->columns->len; i++) {
		struct form_sheet_column *c = g_ptr_array_index(sheet->columns, i);
		if (c->known || !*row->cells[i])
			continue;
		if (!extra)
			extra = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
		g_hash_table_replace(extra, g_strdup(c->key), g_strdup(row->cells[i]));
	}
	return extra;
}

/* Choices */

static struct form_list *list_get(struct loader *ld, const char *name, long row)
{
	struct form_list *l = form_list(ld->form, name);
	if (l)
		return l;
	l = g_new0(struct form_list, 1);
	l->name = g_strdup(name);
	l->choices = g_ptr_array_new();
	l->by_name = g_hash_table_new(g_str_hash, g_str_equal);
	l->row = row;
	l->index = (int)ld->form->lists->len;
	g_ptr_array_add(ld->form->lists, l);
	g_hash_table_insert(ld->form->list_by_name, l->name, l);
	return l;
}

static struct form_choice *choice_add(struct form_list *l, const char *name, long row)
{
	struct form_choice *c = g_new0(struct form_choice, 1);
	c->name = g_strdup(name);
	c->row = row;
	c->index = (int)l->choices->len;
	g_ptr_array_add(l->choices, c);
	g_hash_table_insert(l->by_name, c->name, c);
	return c;
}

static void load_choices(struct loader *ld)
{
	struct form_sheet *s = ld->sheets.choices;
	/* An empty choices sheet is a sheet never filled in: fine while no select needs it. */
	if (!s || s->rows->len == 0)
		return;
	const char *allow = g_hash_table_lookup(ld->form->settings, "allow_choice_duplicates");
	bool allow_duplicates = allow && (g_ascii_strcasecmp(allow, "yes") == 0 ||
					  g_ascii_strcasecmp(allow, "true") == 0);
	if (form_sheet_find(s, "list_name") < 0 || form_sheet_find(s, "name") < 0) {
		LOAD_ERROR(ld, s->file, s->header_row,
			   "the choices sheet needs the columns 'list_name' and 'name'");
		return;
	}
	for (guint i = 0; i < s->rows->len; i++) {
		struct form_sheet_row *row = g_ptr_array_index(s->rows, i);
		const char *list_name = form_sheet_cell(s, row, "list_name");
		const char *name = form_sheet_cell(s, row, "name");
		if (!*list_name && !*name)
			continue;
		if (!*list_name) {
			LOAD_ERROR(ld, s->file, row->row, "choice '%s' has no list_name", name);
			continue;
		}
		/* A list whose rows come in two blocks is one list, as in pyxform. */
		struct form_list *l = list_get(ld, list_name, row->row);
		if (!*name) {
			LOAD_ERROR(ld, s->file, row->row, "choice in list '%s' has no name",
				   list_name);
			continue;
		}
		struct form_choice *dup = form_choice(l, name);
		if (dup && !allow_duplicates) {
			LOAD_ERROR(ld, s->file, row->row,
				   "duplicate choice '%s' in list '%s' (first in row %ld)", name,
				   list_name, dup->row);
			continue;
		}
		if (dup)
			continue;
		struct form_choice *c = choice_add(l, name, row->row);
		c->label = texts_of(ld, s, row, "label");
		c->extra = extras_of(s, row);
	}
}

/* Types */

struct type_name {
	const char *name;
	enum form_kind kind;
};

/*
 * Type keywords, with the legacy spellings pyxform and KoboToolbox still
 * accept (pyxform question_type_dictionary.py, formpack replace_aliases.py).
 */
static const struct type_name simple_types[] = {
	{ "text", FORM_TEXT }, { "string", FORM_TEXT }, { "add text prompt", FORM_TEXT },
	{ "phone number", FORM_TEXT },
	{ "integer", FORM_INTEGER }, { "int", FORM_INTEGER }, { "add integer prompt", FORM_INTEGER },
	{ "decimal", FORM_DECIMAL }, { "add decimal prompt", FORM_DECIMAL },
	{ "range", FORM_RANGE },
	{ "date", FORM_DATE }, { "add date prompt", FORM_DATE },
	{ "time", FORM_TIME }, { "add time prompt", FORM_TIME },
	{ "dateTime", FORM_DATETIME }, { "datetime", FORM_DATETIME },
	{ "add dateTime prompt", FORM_DATETIME },
	{ "note", FORM_NOTE }, { "add note prompt", FORM_NOTE },
	{ "acknowledge", FORM_ACKNOWLEDGE }, { "trigger", FORM_ACKNOWLEDGE },
	{ "add acknowledge prompt", FORM_ACKNOWLEDGE },
	{ "calculate", FORM_CALCULATE },
	{ "geopoint", FORM_GEO }, { "gps", FORM_GEO }, { "geotrace", FORM_GEO },
	{ "geoshape", FORM_GEO }, { "add location prompt", FORM_GEO },
	{ "image", FORM_MEDIA }, { "photo", FORM_MEDIA }, { "audio", FORM_MEDIA },
	{ "video", FORM_MEDIA }, { "file", FORM_MEDIA }, { "barcode", FORM_MEDIA },
	{ "add image prompt", FORM_MEDIA },
	{ "add photo prompt", FORM_MEDIA }, { "add audio prompt", FORM_MEDIA },
	{ "add video prompt", FORM_MEDIA }, { "add file prompt", FORM_MEDIA },
	{ "add barcode prompt", FORM_MEDIA },
	/*
	 * Rows that are not questions: filled in by the device or the form
	 * itself (metadata, "hidden"), or attachments of the form
	 * ("csv-external").  They load but are never numbered, asked or
	 * tabulated.
	 */
	{ "hidden", FORM_META }, { "xml-external", FORM_META }, { "csv-external", FORM_META },
	{ "background-audio", FORM_META },
	{ "start", FORM_META }, { "end", FORM_META }, { "today", FORM_META },
	{ "deviceid", FORM_META }, { "imei", FORM_META }, { "username", FORM_META },
	{ "email", FORM_META }, { "phonenumber", FORM_META }, { "subscriberid", FORM_META },
	{ "simserial", FORM_META }, { "audit", FORM_META }, { "start-geopoint", FORM_META },
	{ "background-geopoint", FORM_META }, { "get start time", FORM_META },
	{ "get end time", FORM_META }, { "get today", FORM_META },
	{ "get device id", FORM_META }, { "get subscriber id", FORM_META },
	{ "get sim id", FORM_META }, { "get phone number", FORM_META },
	{ "uri:username", FORM_META }, { "uri:email", FORM_META },
	{ "uri:deviceid", FORM_META }, { "uri:subscriberid", FORM_META },
	{ "uri:simserial", FORM_META }, { "uri:phonenumber", FORM_META },
	{ NULL, 0 },
};

/* select and rank spellings (pyxform aliases.py `select`, formpack selects_dict) */
static const struct type_name select_types[] = {
	{ "select_one", FORM_SELECT_ONE }, { "select one", FORM_SELECT_ONE },
	{ "select1", FORM_SELECT_ONE }, { "select one from", FORM_SELECT_ONE },
	{ "add select one prompt using", FORM_SELECT_ONE },
	{ "select_one_external", FORM_SELECT_ONE },
	{ "select_one_from_file", FORM_SELECT_ONE }, { "select one from file", FORM_SELECT_ONE },
	{ "select_multiple", FORM_SELECT_MULTIPLE }, { "select all that apply", FORM_SELECT_MULTIPLE },
	{ "select all that apply from", FORM_SELECT_MULTIPLE },
	{ "add select multiple prompt using", FORM_SELECT_MULTIPLE },
	{ "select many", FORM_SELECT_MULTIPLE }, { "select_many", FORM_SELECT_MULTIPLE },
	{ "select multiple", FORM_SELECT_MULTIPLE },
	{ "select_multiple_from_file", FORM_SELECT_MULTIPLE },
	{ "select multiple from file", FORM_SELECT_MULTIPLE },
	{ "rank", FORM_RANK },
	{ NULL, 0 },
};

/* Types whose list comes from outside the form: values cannot be checked against it. */
static bool external_list(const char *keyword)
{
	return strstr(keyword, "external") || strstr(keyword, "file");
}

enum row_type {
	ROW_QUESTION,
	ROW_BEGIN_GROUP,
	ROW_END_GROUP,
	ROW_UNSUPPORTED,
	ROW_IGNORED,
	ROW_UNKNOWN,
};

struct parsed_type {
	enum row_type row_type;
	enum form_kind kind;
	char *list;		/* select/rank list name */
	bool or_other;
	bool external;		/* the list is not in the choices sheet */
	bool from_file;		/* ... but in a file beside the form */
	const char *unsupported;	/* what is not supported */
};

static const char *const or_other_suffixes[] = { " or_other", " or specify other", " or other", NULL };

static bool parse_select(const char *type, struct parsed_type *pt)
{
	for (const struct type_name *t = select_types; t->name; t++) {
		size_t n = strlen(t->name);
		if (strncmp(type, t->name, n) != 0 || type[n] != ' ')
			continue;
		const char *rest = type + n + 1;
		/* "select one from x" must not match "select one" with list "from". */
		if (strncmp(rest, "from ", 5) == 0 && strstr(t->name, "from") == NULL)
			continue;
		char *list = g_strdup(rest);
		for (const char *const *suf = or_other_suffixes; *suf; suf++) {
			if (g_str_has_suffix(list, *suf)) {
				list[strlen(list) - strlen(*suf)] = '\0';
				pt->or_other = true;
				break;
			}
		}
		if (!*list || strchr(list, ' ')) {
			g_free(list);
			return false;
		}
		pt->row_type = ROW_QUESTION;
		pt->kind = t->kind;
		pt->list = list;
		pt->external = external_list(t->name);
		pt->from_file = strstr(t->name, "file") != NULL;
		return true;
	}
	return false;
}

/* "begin group", "end_group", "begin repeat", "begin loop over x", ... */
static bool parse_group_type(const char *type, struct parsed_type *pt)
{
	bool begin;
	const char *what;
	if (g_str_has_prefix(type, "begin ") || g_str_has_prefix(type, "begin_")) {
		begin = true;
		what = type + 6;
	} else if (g_str_has_prefix(type, "end ") || g_str_has_prefix(type, "end_")) {
		begin = false;
		what = type + 4;
	} else {
		return false;
	}
	if (strcmp(what, "group") == 0) {
		pt->row_type = begin ? ROW_BEGIN_GROUP : ROW_END_GROUP;
	} else if (g_str_has_prefix(what, "repeat") || g_str_has_prefix(what, "loop") ||
		   g_str_has_prefix(what, "lgroup") || g_str_has_prefix(what, "looped group")) {
		/* The begin row is reported; its end row then closes nothing. */
		pt->row_type = begin ? ROW_UNSUPPORTED : ROW_IGNORED;
		/* TRANSLATORS: what cannot be tabulated, in "'%s' is not supported: ... so %s cannot be tabulated". */
		pt->unsupported = g_str_has_prefix(what, "repeat") ? N_("repeat groups") : N_("loops");
	}
	return true;
}

/* Parses a type cell; the caller frees PT->list. */
static void parse_type(const char *raw, struct parsed_type *pt)
{
	memset(pt, 0, sizeof *pt);
	pt->row_type = ROW_UNKNOWN;
	char *type = form_sheet_join_words(raw, ' ');
	if (!parse_group_type(type, pt) && !parse_select(type, pt)) {
		for (const struct type_name *t = simple_types; t->name; t++) {
			if (strcmp(type, t->name) == 0) {
				pt->row_type = ROW_QUESTION;
				pt->kind = t->kind;
				break;
			}
		}
		/* "osm LIST": an OpenStreetMap attachment, stored like a file. */
		if (pt->row_type == ROW_UNKNOWN && g_str_has_prefix(type, "osm")) {
			pt->row_type = ROW_QUESTION;
			pt->kind = FORM_MEDIA;
		}
	}
	g_free(type);
}

static enum expr_type value_type_of(enum form_kind kind)
{
	switch (kind) {
	case FORM_INTEGER:
	case FORM_DECIMAL:
	case FORM_RANGE:
		return EXPR_NUMBER;
	case FORM_DATE:
	case FORM_DATETIME:
		return EXPR_DATE;
	default:
		return EXPR_STRING;
	}
}

/* Survey */

static bool cell_is_yes(const char *s)
{
	return g_ascii_strcasecmp(s, "yes") == 0 || g_ascii_strcasecmp(s, "true") == 0 ||
	       strcmp(s, "true()") == 0 || strcmp(s, "1") == 0;
}

static bool cell_is_no(const char *s)
{
	return !*s || g_ascii_strcasecmp(s, "no") == 0 || g_ascii_strcasecmp(s, "false") == 0 ||
	       strcmp(s, "false()") == 0 || strcmp(s, "0") == 0;
}

/*
 * A name alone ("T", "Y"), which pyxform passes on as XPath: a path to a
 * child of the question, which has none, so it finds nothing.
 */
static bool is_bare_name(const char *s)
{
	if (!g_ascii_isalpha(*s) && *s != '_')
		return false;
	for (; *s; s++)
		if (!g_ascii_isalnum(*s) && *s != '_' && *s != '-' && *s != '.')
			return false;
	return true;
}

/* pyxform turns typographic quotes into ASCII ones; authors paste them from word processors. */
static char *ascii_quotes(const char *s)
{
	static const char *const from[] = { "\xe2\x80\x98", "\xe2\x80\x99", "\xe2\x80\x9c",
					    "\xe2\x80\x9d" };
	static const char *const to[] = { "'", "'", "\"", "\"" };
	char *out = g_strdup(s);
	for (size_t i = 0; i < G_N_ELEMENTS(from); i++) {
		char **parts = g_strsplit(out, from[i], -1);
		g_free(out);
		out = g_strjoinv(to[i], parts);
		g_strfreev(parts);
	}
	return out;
}

static char *expr_cell(const struct form_sheet *s, const struct form_sheet_row *row,
		       const char *base)
{
	const char *v = form_sheet_cell(s, row, base);
	return *v ? ascii_quotes(v) : NULL;
}

/*
 * Whether KEY is a parameter of range: start, end and step, and the
 * tick_interval, placeholder and tick_labelset of ODK's range widgets.
 * Anything else ("tart=1") is a typo pyxform would pass on in silence;
 * it is reported, with the parameter it was probably meant to be.
 */
static bool range_parameter_known(struct loader *ld, const struct form_question *q,
				  const char *key)
{
	static const char *const known[] = {
		"start", "end", "step", "tick_interval", "placeholder", "tick_labelset", NULL,
	};
	char *lower = g_ascii_strdown(key, -1);
	bool ok = g_strv_contains(known, lower);
	g_free(lower);
	if (ok)
		return true;
	struct msg_suggest sg;
	msg_suggest_init(&sg, key);
	for (const char *const *k = known; *k; k++)
		msg_suggest_try(&sg, *k);
	char *shown = msg_value(key);
	if (sg.best)
		LOAD_ERROR(ld, q->file, q->row, "unknown range parameter '%s'; did you mean '%s'?",
			   shown, sg.best);
	else
		LOAD_ERROR(ld, q->file, q->row, "unknown range parameter '%s' (range takes start, "
			   "end and step)", shown);
	g_free(shown);
	return false;
}

/*
 * "start=0 end=10 step=1": pyxform's parameters, separated by blanks, ',' or
 * ';'.  The step must lead from start to end: a countdown (start=10 end=0
 * step=-1) is a range, start=10 end=0 step=1 or a step of 0 is not.
 */
static void parse_range(struct loader *ld, struct form_question *q, const char *params)
{
	q->range_start = 0;
	q->range_end = 10;
	q->range_step = 1;
	bool numbers = true;
	char **tok = g_strsplit_set(params, " ,;\t", -1);
	for (char **t = tok; *t; t++) {
		char *eq = strchr(*t, '=');
		if (!**t || !eq)
			continue;
		*eq = '\0';
		if (!range_parameter_known(ld, q, *t)) {
			numbers = false;
			continue;
		}
		char *end;
		double v = g_ascii_strtod(eq + 1, &end);
		if (*end || end == eq + 1 || !isfinite(v)) {
			LOAD_ERROR(ld, q->file, q->row, "range parameter '%s' is not a number: '%s'",
				   *t, eq + 1);
			numbers = false;
			continue;
		}
		if (g_ascii_strcasecmp(*t, "start") == 0)
			q->range_start = v;
		else if (g_ascii_strcasecmp(*t, "end") == 0)
			q->range_end = v;
		else if (g_ascii_strcasecmp(*t, "step") == 0)
			q->range_step = v;
	}
	g_strfreev(tok);
	if (numbers && q->range_step == 0)
		LOAD_ERROR(ld, q->file, q->row, "range parameter 'step' must not be 0");
	else if (numbers && (q->range_end - q->range_start) * q->range_step < 0)
		/* TRANSLATORS: keep start=, end= and step=; %s says what is wrong with them ("start is greater than end ..."). */
		LOAD_ERROR(ld, q->file, q->row, "range start=%g end=%g step=%g: %s", q->range_start,
			   q->range_end, q->range_step, q->range_step > 0
			   /* TRANSLATORS: what is wrong with a range's start, end and step. */
			   ? E_("start is greater than end (a range that counts down needs a "
				"negative step)")
			   /* TRANSLATORS: what is wrong with a range's start, end and step. */
			   : E_("a negative step counts down, but start is less than end"));
}

/*
 * Names are scoped by group, as pyxform scopes them: NAME is taken when a
 * question or group of GROUP has it; otherwise it is registered for ROW.
 */
static bool name_taken(struct loader *ld, const char *file, long row,
		       const struct form_group *group, const char *name)
{
	char *scoped = g_strdup_printf("%d/%s", group ? group->index : -1, name);
	gpointer first;
	if (!g_hash_table_lookup_extended(ld->scoped, scoped, NULL, &first)) {
		g_hash_table_insert(ld->scoped, scoped, GSIZE_TO_POINTER((gsize)row));
		return false;
	}
	g_free(scoped);
	LOAD_ERROR(ld, file, row, "duplicate name '%s' (first used in row %ld)", name,
		   (long)GPOINTER_TO_SIZE(first));
	return true;
}

static bool check_name(struct loader *ld, const char *file, long row, const char *name)
{
	if (form_name_is_valid(name))
		return true;
	LOAD_ERROR(ld, file, row, "invalid name '%s': a name starts with a letter or '_' and "
		   "holds only letters, digits, '-', '.' and '_'", name);
	return false;
}

/* A question's name must also be free for its answer (see form_name_reserved()). */
static bool check_question_name(struct loader *ld, const char *file, long row, const char *name)
{
	if (!check_name(ld, file, row, name))
		return false;
	const char *reserved = form_name_reserved(name);
	if (!reserved)
		return true;
	/* TRANSLATORS: the second %s says what the name is kept for: "the reply metadata (...)". */
	LOAD_ERROR(ld, file, row, "name '%s' is reserved for %s", name, reserved);
	return false;
}

static struct form_question *question_add(struct loader *ld, const char *name, enum form_kind kind,
					  long row, struct form_group *group)
{
	struct form_question *q = g_new0(struct form_question, 1);
	q->name = g_strdup(name);
	q->kind = kind;
	q->value_type = value_type_of(kind);
	q->row = row;
	q->file = ld->form->survey_file;	/* the sheet's own name dies with the loader */
	q->group = group;
	q->index = (int)ld->form->questions->len;
	g_ptr_array_add(ld->form->questions, q);
	return q;
}

/* pyxform's or_other: the list gains "other", and a text question "<name>_other" follows. */
static void add_or_other(struct loader *ld, struct form_question *q)
{
	if (q->list && !form_choice(q->list, "other")) {
		struct form_choice *c = choice_add(q->list, "other", q->row);
		c->label = g_new0(char *, ld->form->languages->len);
		c->label[0] = g_strdup("Other");
	}
	char *name = g_strconcat(q->name, "_other", NULL);
	if (!name_taken(ld, q->file, q->row, q->group, name)) {
		struct form_question *o = question_add(ld, name, FORM_TEXT, q->row, q->group);
		o->generated = true;
		o->type = g_strdup("text");
		o->relevant_text = g_strdup_printf("selected(${%s}, 'other')", q->name);
		o->label = g_new0(char *, ld->form->languages->len);
		o->label[0] = g_strdup("Specify other.");
	}
	g_free(name);
}

/*
 * A unit ("days", "officers": the unit column, in any language) says what a
 * number counts; on a question that gives no number it is a mistake.
 */
static void check_unit(struct loader *ld, const struct form_question *q)
{
	if (!q->extra || q->kind == FORM_INTEGER || q->kind == FORM_DECIMAL ||
	    q->kind == FORM_RANGE)
		return;
	GHashTableIter it;
	gpointer key, value;
	g_hash_table_iter_init(&it, q->extra);
	while (g_hash_table_iter_next(&it, &key, &value))
		if ((strcmp(key, "unit") == 0 || g_str_has_prefix(key, "unit::")) &&
		    *(const char *)value) {
			/* TRANSLATORS: keep "unit:", the column; the question's name, then its type, not translated. */
			LOAD_ERROR(ld, q->file, q->row, "unit: a unit is for a number (integer, "
				   "decimal or range), and '%s' is of type '%s'", q->name, q->type);
			return;
		}
}

static void fill_question(struct loader *ld, struct form_question *q, const struct form_sheet *s,
			  const struct form_sheet_row *row, const char *type)
{
	q->type = g_strdup(type);
	q->label = texts_of(ld, s, row, "label");
	q->hint = texts_of(ld, s, row, "hint");
	q->constraint_message = texts_of(ld, s, row, "constraint_message");
	q->required_message = texts_of(ld, s, row, "required_message");
	q->relevant_text = expr_cell(s, row, "relevant");
	q->constraint_text = expr_cell(s, row, "constraint");
	q->calculation_text = expr_cell(s, row, "calculation");
	q->extra = extras_of(s, row);
	const char *req = form_sheet_cell(s, row, "required");
	if (cell_is_yes(req))
		q->required = true;
	else if (is_bare_name(req))
		msg_warn_at(q->file, q->row, "required: '%s' is neither yes nor no; ODK reads it as "
			    "a path to nothing, so the question is not required (write yes to "
			    "require an answer)", req);
	else if (!cell_is_no(req))
		q->required_text = ascii_quotes(req);
	const char *v = form_sheet_cell(s, row, "appearance");
	q->appearance = *v ? g_strdup(v) : NULL;
	v = form_sheet_cell(s, row, "default");
	q->default_value = *v ? g_strdup(v) : NULL;
	q->choice_filter = expr_cell(s, row, "choice_filter");
	if (q->kind == FORM_RANGE)
		parse_range(ld, q, form_sheet_cell(s, row, "parameters"));
	check_unit(ld, q);
	if (q->kind == FORM_CALCULATE && !q->calculation_text)
		LOAD_ERROR(ld, q->file, q->row, "calculate '%s' has no calculation", q->name);
}

/* Keeps the row of a question refused, for the references to it that follow. */
static void refuse(struct loader *ld, const char *name, long row)
{
	if (*name && !g_hash_table_contains(ld->refused, name))
		g_hash_table_insert(ld->refused, g_strdup(name), GSIZE_TO_POINTER((gsize)row));
}

/* The list a select names; when there is none of that name, reported with a suggestion. */
static struct form_list *list_named(struct loader *ld, const char *file, long row, const char *name)
{
	struct form_list *list = form_list(ld->form, name);
	if (list)
		return list;
	struct msg_suggest sg;
	msg_suggest_init(&sg, name);
	for (guint i = 0; i < ld->form->lists->len; i++) {
		const struct form_list *l = g_ptr_array_index(ld->form->lists, i);
		msg_suggest_try(&sg, l->name);
	}
	if (sg.best)
		LOAD_ERROR(ld, file, row, "list '%s' is not defined in the choices sheet; did you "
			   "mean '%s'?", name, sg.best);
	else
		LOAD_ERROR(ld, file, row, "list '%s' is not defined in the choices sheet", name);
	return NULL;
}

/* The directory a form's list files are in: the form's own, or that of its workbook or file. */
static char *form_dir(const struct form *form)
{
	if (g_file_test(form->path, G_FILE_TEST_IS_DIR))
		return g_strdup(form->path);
	return g_path_get_dirname(form->path);
}

/* parameters value=COLUMN label=COLUMN of a select from a file (others, e.g. randomize, are not quire's). */
static void list_columns(const char *params, char **value, char **label)
{
	char **tok = g_strsplit_set(params, " ,;\t", -1);
	for (char **t = tok; *t; t++) {
		char *eq = strchr(*t, '=');
		if (!eq || !eq[1])
			continue;
		*eq = '\0';
		char **slot = g_ascii_strcasecmp(*t, "value") == 0   ? value
			      : g_ascii_strcasecmp(*t, "label") == 0 ? label : NULL;
		if (slot) {
			g_free(*slot);
			*slot = g_strdup(eq + 1);
		}
	}
	g_strfreev(tok);
}

/* Fills L with the rows of SHEET, the list file; VALUE and LABEL are its columns of names and labels. */
static void list_fill(struct loader *ld, struct form_list *l, const struct form_sheet *sheet,
		      const char *value, const char *label)
{
	int vcol = form_sheet_find(sheet, value), lcol = form_sheet_find(sheet, label);
	if (vcol < 0) {
		/*
		 * TRANSLATORS: the first %s is a column's name; the second is
		 * empty or " (or name another with the question's parameters
		 * value=COLUMN)", with its leading space.
		 */
		LOAD_ERROR(ld, sheet->file, sheet->header_row, "the list file has no column '%s' "
			   "for the choices' names%s", value, strcmp(value, "name") == 0
			   /* TRANSLATORS: added to "the list file has no column 'name' for the choices' names"; keep value=COLUMN. */
			   ? E_(" (or name another with the question's parameters value=COLUMN)") : "");
		return;
	}
	if (lcol < 0 && strcmp(label, "label") != 0)
		LOAD_ERROR(ld, sheet->file, sheet->header_row, "the list file has no column '%s' "
			   "for the choices' labels", label);
	const char *allow = g_hash_table_lookup(ld->form->settings, "allow_choice_duplicates");
	bool allow_duplicates = allow && (g_ascii_strcasecmp(allow, "yes") == 0 ||
					  g_ascii_strcasecmp(allow, "true") == 0);
	for (guint i = 0; i < sheet->rows->len; i++) {
		const struct form_sheet_row *row = g_ptr_array_index(sheet->rows, i);
		const char *name = row->cells[vcol];
		if (!*name) {
			/* TRANSLATORS: %s is the list file's column of names ("name"), not translated. */
			LOAD_ERROR(ld, sheet->file, row->row, "choice has no %s", value);
			continue;
		}
		const struct form_choice *dup = form_choice(l, name);
		if (dup && !allow_duplicates)
			LOAD_ERROR(ld, sheet->file, row->row, "duplicate choice '%s' (first in row "
				   "%ld)", name, dup->row);
		if (dup)
			continue;
		struct form_choice *c = choice_add(l, name, row->row);
		if (strcmp(label, "label") == 0) {
			c->label = texts_of(ld, sheet, row, "label");
		} else if (lcol >= 0 && *row->cells[lcol]) {
			c->label = g_new0(char *, ld->form->languages->len);
			c->label[0] = label_plain(row->cells[lcol]);
		}
		c->extra = extras_of(sheet, row);
	}
	if (!sheet->rows->len)
		LOAD_ERROR(ld, sheet->file, sheet->header_row, "the list file has no choices");
}

/*
 * The list of a select_one_from_file NAME: the file NAME (.csv or .xml)
 * in the form's directory, where ODK finds it among the form's media.
 * Its rows are the choices: the column 'name' (parameters value=COLUMN)
 * holds their names, 'label' (label=COLUMN) their labels, and a
 * choice_filter reads the other columns.  A file that is absent, or
 * GeoJSON, is a warning: the answers are then taken as written, as for
 * select_one_external.  Each file is read once, whoever names it.
 */
static struct form_list *list_from_file(struct loader *ld, const char *file, long row,
					const char *name, const char *params)
{
	char *value = g_strdup("name"), *label = g_strdup("label");
	list_columns(params, &value, &label);
	char *key = strcmp(value, "name") == 0 && strcmp(label, "label") == 0
		    ? g_strdup(name) : g_strdup_printf("%s value=%s label=%s", name, value, label);
	struct form_list *l = form_list(ld->form, key);
	char *lower = g_ascii_strdown(name, -1);
	char *dir = form_dir(ld->form);
	char *path = g_build_filename(dir, name, NULL);
	if (l) {
		/* read already */
	} else if (g_str_has_suffix(lower, ".geojson")) {
		msg_warn_at(file, row, "the choices are in '%s', GeoJSON, which quire does not read: "
			    "answers are not checked against it", name);
	} else if (!g_str_has_suffix(lower, ".csv") && !g_str_has_suffix(lower, ".xml")) {
		LOAD_ERROR(ld, file, row, "the list file '%s' must be .csv or .xml (or .geojson)",
			   name);
	} else if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
		msg_warn_at(file, row, "the choices are in '%s', which is not in the form's "
			    "directory '%s': answers are not checked against it", name, dir);
	} else {
		int errors = 0;
		struct form_sheet *sheet = form_sheet_read_list(path, &errors);
		ld->errors += errors;
		if (sheet && !errors) {
			l = list_get(ld, key, 0);
			l->file = g_strdup(path);
			list_fill(ld, l, sheet, value, label);
		}
		form_sheet_free(sheet);
	}
	g_free(path);
	g_free(dir);
	g_free(lower);
	g_free(key);
	g_free(value);
	g_free(label);
	return l;
}

static void question_row(struct loader *ld, const struct form_sheet_row *row,
			 const struct parsed_type *pt, const char *type, struct form_group *group)
{
	const struct form_sheet *s = ld->sheets.survey;
	const char *name = form_sheet_cell(s, row, "name");
	char *generated = NULL;
	if (!*name && pt->kind == FORM_NOTE)
		name = generated = g_strdup_printf("generated_note_name_%ld", row->row);
	if (!*name) {
		LOAD_ERROR(ld, s->file, row->row, "question of type '%s' has no name", type);
		return;
	}
	if (!check_question_name(ld, s->file, row->row, name)) {
		refuse(ld, name, row->row);
		g_free(generated);
		return;
	}
	if (name_taken(ld, s->file, row->row, group, name)) {
		g_free(generated);
		return;
	}
	struct form_list *list = NULL;
	if (pt->list && pt->from_file)
		list = list_from_file(ld, s->file, row->row, pt->list,
				      form_sheet_cell(s, row, "parameters"));
	else if (pt->list && !pt->external)
		list = list_named(ld, s->file, row->row, pt->list);
	struct form_question *q = question_add(ld, name, pt->kind, row->row, group);
	q->list = list;
	q->or_other = pt->or_other;
	fill_question(ld, q, s, row, type);
	if (q->or_other)
		add_or_other(ld, q);
	g_free(generated);
}

static struct form_group *group_begin(struct loader *ld, const struct form_sheet_row *row,
				      struct form_group *parent)
{
	const struct form_sheet *s = ld->sheets.survey;
	const char *name = form_sheet_cell(s, row, "name");
	if (!*name) {
		LOAD_ERROR(ld, s->file, row->row, "'begin group' has no name");
		name = "";
	} else if (!check_name(ld, s->file, row->row, name) ||
		   name_taken(ld, s->file, row->row, parent, name)) {
		name = "";
	}
	struct form_group *g = g_new0(struct form_group, 1);
	g->name = g_strdup(name);
	g->label = texts_of(ld, s, row, "label");
	g->relevant_text = expr_cell(s, row, "relevant");
	g->parent = parent;
	g->depth = parent ? parent->depth + 1 : 0;
	/* Reported once, where the limit is crossed, not at every group deeper in. */
	if (g->depth == FORM_MAX_GROUP_DEPTH)
		LOAD_ERROR(ld, s->file, row->row, "group '%s' is nested %d levels deep; groups may "
			   "nest at most %d levels", name, g->depth + 1, FORM_MAX_GROUP_DEPTH);
	g->row = row->row;
	g->index = (int)ld->form->groups->len;
	g_ptr_array_add(ld->form->groups, g);
	return g;
}

/* A row without a type: a comment when it has nothing else, an error otherwise. */
static void typeless_row(struct loader *ld, const struct form_sheet_row *row)
{
	const struct form_sheet *s = ld->sheets.survey;
	const char *name = form_sheet_cell(s, row, "name");
	char **label = texts_of(ld, s, row, "label");
	if (*name || label)
		/* TRANSLATORS: %s is the name of a column, "name" or "label", not translated. */
		LOAD_ERROR(ld, s->file, row->row, "row has a %s but no type",
			   *name ? "name" : "label");
	if (label)
		texts_free(label, ld->form->languages->len);
}

/*
 * An unknown type, with the type it was probably meant to be: a simple
 * type ("integr" -> "integer"), or a select or rank with its list
 * ("select_on yn" -> "select_one yn").
 */
static void unknown_type(struct loader *ld, long row, const char *type)
{
	const char *file = ld->sheets.survey->file;
	struct msg_suggest sg;
	msg_suggest_init(&sg, type);
	for (const struct type_name *t = simple_types; t->name; t++)
		msg_suggest_try(&sg, t->name);
	const char *space = strrchr(type, ' ');
	if (!sg.best && space) {
		char *head = g_strndup(type, (gsize)(space - type));
		msg_suggest_init(&sg, head);
		for (const struct type_name *t = select_types; t->name; t++)
			msg_suggest_try(&sg, t->name);
		g_free(head);
		if (sg.best) {
			/* TRANSLATORS: '%s%s' is a type followed by its list, as in 'select_one yn'. */
			LOAD_ERROR(ld, file, row, "unknown type '%s'; did you mean '%s%s'?", type,
				   sg.best, space);
			return;
		}
	}
	if (sg.best)
		LOAD_ERROR(ld, file, row, "unknown type '%s'; did you mean '%s'?", type, sg.best);
	else
		LOAD_ERROR(ld, file, row, "unknown type '%s'", type);
}

/*
 * Whether the repeat that begins at row index FIRST holds nothing asked
 * -- only metadata, notes and groups -- and so can be left out of a form
 * with one row of answers per respondent.  Sets *END to the index of its
 * "end repeat".  A repeat never closed, or holding a repeat or a loop,
 * does not qualify.
 */
static bool repeat_is_background(const struct form_sheet *s, guint first, guint *end)
{
	bool background = true;
	for (guint i = first + 1; i < s->rows->len; i++) {
		const struct form_sheet_row *row = g_ptr_array_index(s->rows, i);
		if (cell_is_yes(form_sheet_cell(s, row, "disabled")))
			continue;
		char *type = form_sheet_join_words(form_sheet_cell(s, row, "type"), ' ');
		struct parsed_type pt;
		parse_type(type, &pt);
		bool empty = !*type;
		g_free(type);
		g_free(pt.list);
		if (empty || pt.row_type == ROW_BEGIN_GROUP || pt.row_type == ROW_END_GROUP)
			continue;
		if (pt.row_type == ROW_IGNORED) {	/* the first "end repeat" or "end loop" */
			*end = i;
			return background;
		}
		if (pt.row_type != ROW_QUESTION || (pt.kind != FORM_META && pt.kind != FORM_NOTE))
			background = false;
	}
	return false;
}

/*
 * Keeps the names asked in the repeat of rows FIRST (its "begin repeat")
 * to LAST, which repeat_is_background() skipped, so that a reference to
 * one says where it is rather than that it does not exist.
 */
static void note_repeat_names(struct loader *ld, guint first, guint last)
{
	const struct form_sheet *s = ld->sheets.survey;
	const struct form_sheet_row *begin = g_ptr_array_index(s->rows, first);
	for (guint i = first + 1; i <= last && i < s->rows->len; i++) {
		const char *name = form_sheet_cell(s, g_ptr_array_index(s->rows, i), "name");
		if (*name && !g_hash_table_contains(ld->in_repeat, name))
			g_hash_table_insert(ld->in_repeat, g_strdup(name),
					    GSIZE_TO_POINTER((gsize)begin->row));
	}
}

static void load_survey(struct loader *ld)
{
	struct form_sheet *s = ld->sheets.survey;
	if (s->header_row == 0) {
		LOAD_ERROR(ld, s->file, 0, "the survey sheet is empty");
		return;
	}
	if (form_sheet_find(s, "type") < 0) {
		LOAD_ERROR(ld, s->file, s->header_row, "the survey sheet has no 'type' column");
		return;
	}
	struct form_group *group = NULL;
	for (guint i = 0; i < s->rows->len; i++) {
		struct form_sheet_row *row = g_ptr_array_index(s->rows, i);
		if (cell_is_yes(form_sheet_cell(s, row, "disabled")))
			continue;
		/* Blanks inside a type are one space: "select_one<U+00A0>yn" is "select_one yn". */
		char *type = form_sheet_join_words(form_sheet_cell(s, row, "type"), ' ');
		if (!*type) {
			typeless_row(ld, row);
			g_free(type);
			continue;
		}
		struct parsed_type pt;
		parse_type(type, &pt);
		switch (pt.row_type) {
		case ROW_QUESTION:
			question_row(ld, row, &pt, type, group);
			break;
		case ROW_BEGIN_GROUP:
			group = group_begin(ld, row, group);
			break;
		case ROW_END_GROUP:
			if (!group)
				LOAD_ERROR(ld, s->file, row->row,
					   "'%s' without a matching 'begin group'", type);
			else
				group = group->parent;
			break;
		case ROW_UNSUPPORTED: {
			guint begin = i;
			if (strcmp(pt.unsupported, "repeat groups") == 0 &&
			    repeat_is_background(s, i, &i))
				break;
			/* TRANSLATORS: the first %s is a type ("begin repeat"), the second "repeat groups" or "loops". */
			LOAD_ERROR(ld, s->file, row->row, "'%s' is not supported: quire reads one "
				   "row of answers per respondent, so %s cannot be tabulated",
				   type, E_(pt.unsupported));
			note_repeat_names(ld, begin, i);
			break;
		}
		case ROW_IGNORED:
			break;
		case ROW_UNKNOWN:
			unknown_type(ld, row->row, type);
			refuse(ld, form_sheet_cell(s, row, "name"), row->row);
			break;
		}
		g_free(pt.list);
		g_free(type);
	}
	for (; group; group = group->parent)
		LOAD_ERROR(ld, s->file, group->row, "group '%s' is not closed (no 'end group')",
			   group->name);
	if (ld->form->questions->len == 0 && ld->errors == 0)
		LOAD_ERROR(ld, s->file, s->header_row, "the survey sheet has no questions");
}

/* select_multiple and rank store choices separated by spaces, so names must not hold one. */
static void check_choice_names(struct loader *ld)
{
	GHashTable *reported = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (guint i = 0; i < ld->form->questions->len; i++) {
		struct form_question *q = g_ptr_array_index(ld->form->questions, i);
		if (!q->list || (q->kind != FORM_SELECT_MULTIPLE && q->kind != FORM_RANK))
			continue;
		for (guint j = 0; j < q->list->choices->len; j++) {
			struct form_choice *c = g_ptr_array_index(q->list->choices, j);
			if (!strpbrk(c->name, " \t\n\r") || g_hash_table_contains(reported, c))
				continue;
			g_hash_table_add(reported, c);
			LOAD_ERROR(ld, q->list->file ? q->list->file : ld->sheets.choices->file, c->row,
				   /*
				    * TRANSLATORS: the third %s is a question's type, not
				    * translated (select_multiple, rank), the fourth the
				    * question's name.
				    */
				   "choice name '%s' in list '%s' contains a space, which %s '%s' "
				   "cannot store", c->name, q->list->name, form_kind_name(q->kind),
				   q->name);
		}
	}
	g_hash_table_destroy(reported);
}

/* Expressions */

/*
 * The question ${NAME} refers to: the one of that name.  A name shared by
 * questions in different groups refers to none (pyxform: "There are
 * multiple survey elements named"), except in the relevant quire writes
 * for an or_other text, which means the select of its own group.
 */
static const struct form_question *ref_lookup(struct loader *ld, const char *name)
{
	const GPtrArray *same = form_sharing(ld->form, name);
	if (!same)
		return form_question(ld->form, name);
	for (guint i = 0; ld->context_q && ld->context_q->generated && i < same->len; i++) {
		const struct form_question *q = g_ptr_array_index(same, i);
		if (q->group == ld->context_q->group)
			return q;
	}
	return NULL;
}

static int scope_lookup(void *data, const char *name, enum expr_type *type)
{
	struct loader *ld = data;
	const struct form_question *q = ref_lookup(ld, name);
	if (!q) {
		g_free(ld->unknown_ref);
		ld->unknown_ref = g_strdup(name);
		ld->ambiguous_ref = form_sharing(ld->form, name) != NULL;
		return -1;
	}
	*type = q->value_type;
	return q->index;
}

static void remember(char **slot, const char *name)
{
	g_free(*slot);
	*slot = g_strdup(name);
}

static int scope_list(void *data, const char *name)
{
	struct loader *ld = data;
	const struct form_list *l = form_list(ld->form, name);
	if (!l)
		remember(&ld->unknown_list, name);
	return l ? l->index : -1;
}

static bool scope_has_column(void *data, int list, const char *name)
{
	struct loader *ld = data;
	const struct form_list *l = g_ptr_array_index(ld->form->lists, (guint)list);
	if (form_list_has_column(l, name))
		return true;
	remember(&ld->unknown_column, name);
	ld->unknown_column_of = l;
	return false;
}

/*
 * ../x and ./x: in a form without repeats, the question X among the
 * children of the group UP steps above the node compiled (the root when
 * that is past the outermost group).  A name that questions in different
 * groups share means the one in that group: ../name is how a question
 * names its own group's NAME.
 */
static int scope_relative(void *data, int up, const char *name, enum expr_type *type)
{
	struct loader *ld = data;
	const struct form_group *at;
	if (ld->context_q) {
		if (up == 0)
			return -1;	/* a question has no children */
		at = ld->context_q->group;
		up--;
	} else if (ld->context_g) {
		at = ld->context_g;
	} else {
		return -1;
	}
	for (; up > 0; up--) {
		if (!at)
			return -1;
		at = at->parent;
	}
	const struct form_question *q = form_question(ld->form, name);
	const GPtrArray *same = form_sharing(ld->form, name);
	for (guint i = 0; same && i < same->len; i++)
		if (((const struct form_question *)g_ptr_array_index(same, i))->group == at)
			q = g_ptr_array_index(same, i);
	if (!q || q->group != at)
		return -1;
	*type = q->value_type;
	return q->index;
}

static void suggest_extras(struct msg_suggest *sg, const struct form_list *l)
{
	msg_suggest_try(sg, "name");
	msg_suggest_try(sg, "label");
	for (guint i = 0; i < l->choices->len; i++) {
		const struct form_choice *c = g_ptr_array_index(l->choices, i);
		GHashTableIter it;
		gpointer key;
		if (!c->extra)
			continue;
		g_hash_table_iter_init(&it, c->extra);
		while (g_hash_table_iter_next(&it, &key, NULL))
			msg_suggest_try(sg, key);
	}
}

/*
 * What to add to "unknown choice list 'NAME'" or "unknown choice column
 * 'NAME'".  The parser stops at the lookup that failed, so the name noted
 * as unknown tells which of the two the message is: its words, in the
 * user's language, are never tested.
 */
static char *unknown_item_hint(const struct loader *ld)
{
	struct msg_suggest sg;
	if (ld->unknown_list) {
		msg_suggest_init(&sg, ld->unknown_list);
		for (guint i = 0; i < ld->form->lists->len; i++)
			msg_suggest_try(&sg, ((struct form_list *)
					      g_ptr_array_index(ld->form->lists, i))->name);
	} else if (ld->unknown_column) {
		msg_suggest_init(&sg, ld->unknown_column);
		suggest_extras(&sg, ld->unknown_column_of);
		if (!sg.best)
			/* TRANSLATORS: added to "unknown choice column 'x'"; %s is the list's name. */
			return g_strdup_printf(E_(" of list '%s'"), ld->unknown_column_of->name);
		/* TRANSLATORS: added to "unknown choice column 'x'"; the list's name, then the column meant. */
		return g_strdup_printf(E_(" of list '%s'; did you mean '%s'?"),
				       ld->unknown_column_of->name, sg.best);
	} else {
		return g_strdup("");
	}
	/* TRANSLATORS: added to a message about an unknown name; %s is the name probably meant. */
	return sg.best ? g_strdup_printf(E_("; did you mean '%s'?"), sg.best) : g_strdup("");
}

/*
 * What to add to "unknown question 'NAME'": the row that would have
 * defined it, when that row was refused (the error to fix first), or the
 * question it was probably meant to be.  Returns a new string.
 */
static char *unknown_ref_hint(const struct loader *ld, const char *name)
{
	gpointer row;
	if (g_hash_table_lookup_extended(ld->refused, name, NULL, &row))
		/* TRANSLATORS: added to "unknown question 'x'": the row that would have defined it. */
		return g_strdup_printf(E_(" (its row %ld was refused)"), (long)GPOINTER_TO_SIZE(row));
	if (g_hash_table_lookup_extended(ld->in_repeat, name, NULL, &row))
		/* TRANSLATORS: added to "unknown question 'x'": the row of the repeat it is asked in. */
		return g_strdup_printf(E_(" (it is asked in the repeat group of row %ld, which was "
					  "refused)"), (long)GPOINTER_TO_SIZE(row));
	struct msg_suggest sg;
	msg_suggest_init(&sg, name);
	for (guint i = 0; i < ld->form->questions->len; i++)
		msg_suggest_try(&sg, form_question_at(ld->form, i)->name);
	/* TRANSLATORS: added to a message about an unknown name; %s is the name probably meant. */
	return sg.best ? g_strdup_printf(E_("; did you mean '%s'?"), sg.best) : g_strdup("");
}

/* "'${name}' is ambiguous: rows 6 ('hh/name') and 11 ('person/name')", a new string. */
static char *ambiguous_ref(const struct loader *ld, const char *name)
{
	const GPtrArray *same = form_sharing(ld->form, name);
	GString *s = g_string_new(NULL);
	/*
	 * TRANSLATORS: the start of "'${name}' is ambiguous: rows 6 ('hh/name')
	 * and 11 ('person/name')": the rows and paths follow, separated by ", "
	 * and " and ".
	 */
	g_string_printf(s, E_("'${%s}' is ambiguous: rows "), name);
	for (guint i = 0; i < same->len; i++) {
		const struct form_question *q = g_ptr_array_index(same, i);
		g_string_append_printf(s, "%s%ld ('%s')",
				       /* TRANSLATORS: before the last of a list: "'a', 'b' and 'c'". */
				       i == 0 ? "" : i + 1 == same->len ? E_(" and ") : ", ", q->row,
				       q->path);
	}
	return g_string_free(s, FALSE);
}

/*
 * Compiles TEXT from column COLUMN of a row; reports errors with a caret.
 * When SKIPPED is given (the calculation of question NAME), ODK that
 * quire cannot evaluate is no error: it is noted in SKIPPED and NULL is
 * returned.
 */
static struct expr *compile(struct loader *ld, const char *file, long row, const char *column,
			    const char *text, const struct form_question *self, GString *skipped,
			    const char *name)
{
	if (!text)
		return NULL;
	struct expr_scope scope = { scope_lookup, self != NULL,
				    self ? self->value_type : EXPR_STRING, ld,
				    scope_list, scope_has_column, ld->filtered != NULL,
				    ld->filtered ? ld->filtered->index : -1, scope_relative };
	struct expr_error err;
	g_clear_pointer(&ld->unknown_ref, g_free);
	g_clear_pointer(&ld->unknown_list, g_free);
	g_clear_pointer(&ld->unknown_column, g_free);
	ld->ambiguous_ref = false;
	struct expr *e = expr_parse(text, &scope, &err);
	/*
	 * Whether the error is "unknown question" is known from the lookup
	 * that failed (ld->unknown_ref, ld->ambiguous_ref), never from the
	 * message's words, which are in the user's language.
	 */
	if (!e && skipped && err.unsupported) {
		/*
		 * TRANSLATORS: one calculation in the list of those not computed;
		 * the first %s is ", " or nothing, then the row, the question's
		 * name and why ("unknown function 'pulldata'").
		 */
		g_string_append_printf(skipped, E_("%srow %ld '%s' (%s)"), skipped->len ? ", " : "",
				       row, name, err.message);
	} else if (!e && ld->ambiguous_ref) {
		ld->errors++;
		char *what = ambiguous_ref(ld, ld->unknown_ref);
		/* TRANSLATORS: a column (relevant, constraint...), then "'${x}' is ambiguous: rows ...". */
		msg_error_expr(file, row, err.column, text, "%s: %s", column, what);
		g_free(what);
	} else if (!e) {
		ld->errors++;
		char *hint = ld->unknown_ref ? unknown_ref_hint(ld, ld->unknown_ref)
					     : unknown_item_hint(ld);
		/* TRANSLATORS: a column (relevant, constraint...), the expression's error, then a hint or nothing. */
		msg_error_expr(file, row, err.column, text, "%s: %s%s", column, err.message, hint);
		g_free(hint);
	}
	return e;
}

struct choice_test {
	struct loader *ld;
	const char *file, *column, *text;
	long row;
	const struct form_question *self;
};

/* A literal tested against a select must be one of its choices: 'comprehensiv' is a typo. */
static void check_choice_test(int ref, const char *value, long column, void *data)
{
	struct choice_test *ct = data;
	const struct form_question *q =
		ref == EXPR_REF_SELF ? ct->self : form_question_at(ct->ld->form, (size_t)ref);
	if (!q || !q->list || !form_kind_is_choice(q->kind) || !*value ||
	    form_choice(q->list, value))
		return;
	struct msg_suggest sg;
	msg_suggest_init(&sg, value);
	for (guint i = 0; i < q->list->choices->len; i++) {
		const struct form_choice *c = g_ptr_array_index(q->list->choices, i);
		msg_suggest_try(&sg, c->name);
	}
	char *shown = msg_value(value);
	/* TRANSLATORS: added to a message about an unknown name; %s is the name probably meant. */
	char *hint = sg.best ? g_strdup_printf(E_("; did you mean '%s'?"), sg.best) : g_strdup("");
	ct->ld->errors++;
	msg_error_expr(ct->file, ct->row, column, ct->text,
		       /*
			* TRANSLATORS: the column (relevant, constraint...), the value,
			* the question, its list, then nothing or "; did you mean 'x'?".
			*/
		       "%s: '%s' is not a choice of '%s' (list '%s')%s", ct->column, shown, q->name,
		       q->list->name, hint);
	g_free(hint);
	g_free(shown);
}

/* Compiles TEXT as compile() does, then checks its choice literals. */
static struct expr *compile_checked(struct loader *ld, const char *file, long row,
				    const char *column, const char *text,
				    const struct form_question *self, GString *skipped,
				    const char *name)
{
	struct expr *e = compile(ld, file, row, column, text, self, skipped, name);
	struct choice_test ct = { ld, file, column, text, row, self };
	if (e)
		expr_foreach_choice_test(e, text, check_choice_test, &ct);
	return e;
}

/* Whether E reads a question whose calculation is not computed. */
struct uses_uncomputed {
	const struct form *form;
	const bool *uncomputed;	/* per question */
	int found;		/* the first such question, or -1 */
};

static void find_uncomputed(int ref, void *data)
{
	struct uses_uncomputed *u = data;
	if (ref >= 0 && u->found < 0 && u->uncomputed[ref])
		u->found = ref;
}

static const struct form_question *uncomputed_ref(const struct form *form, const bool *uncomputed,
						  const struct expr *e)
{
	struct uses_uncomputed u = { form, uncomputed, -1 };
	if (e)
		expr_foreach_ref(e, find_uncomputed, &u);
	return u.found < 0 ? NULL : form_question_at(form, (size_t)u.found);
}

/*
 * A calculation that reads one not computed is not computed either;
 * repeated until nothing changes, each pass settling at least one.
 */
static void spread_uncomputed(struct form *form, bool *uncomputed, GString *skipped)
{
	for (bool changed = true; changed;) {
		changed = false;
		for (guint i = 0; i < form->questions->len; i++) {
			struct form_question *q = g_ptr_array_index(form->questions, i);
			const struct form_question *r =
				uncomputed_ref(form, uncomputed, q->calculation);
			if (!r)
				continue;
			/*
			 * TRANSLATORS: one calculation in the list of those not
			 * computed; the first %s is ", " or nothing, then the row,
			 * the question's name and the one whose calculation it uses.
			 */
			g_string_append_printf(skipped, E_("%srow %ld '%s' (uses '%s')"),
					       skipped->len ? ", " : "", q->row, q->name, r->name);
			expr_free(q->calculation);
			q->calculation = NULL;
			uncomputed[i] = changed = true;
		}
	}
}

/* A relevant, constraint or required must be evaluated: one that reads what is not computed is an error. */
static void check_uses(struct loader *ld, const bool *uncomputed, const char *file, long row,
		       const char *column, const struct expr *e)
{
	const struct form_question *r = uncomputed_ref(ld->form, uncomputed, e);
	if (r)
		/* TRANSLATORS: the first %s is a column, not translated (relevant, constraint, required, choice_filter). */
		LOAD_ERROR(ld, file, row, "%s uses '%s', whose calculation quire cannot evaluate",
			   column, r->name);
}

static void compile_expressions(struct loader *ld)
{
	struct form *form = ld->form;
	bool *uncomputed = g_new0(bool, form->questions->len + 1);
	GString *skipped = g_string_new(NULL);
	const char *survey = ld->sheets.survey->file;
	for (guint i = 0; i < form->groups->len; i++) {
		struct form_group *g = g_ptr_array_index(form->groups, i);
		ld->context_g = g;
		g->relevant = compile_checked(ld, survey, g->row, "relevant", g->relevant_text, NULL,
					      NULL, NULL);
	}
	ld->context_g = NULL;
	for (guint i = 0; i < form->questions->len; i++) {
		struct form_question *q = g_ptr_array_index(form->questions, i);
		size_t before = skipped->len;
		ld->context_q = q;
		q->relevant = compile_checked(ld, q->file, q->row, "relevant", q->relevant_text,
					      NULL, NULL, NULL);
		q->constraint = compile_checked(ld, q->file, q->row, "constraint",
						q->constraint_text, q, NULL, NULL);
		q->calculation = compile_checked(ld, q->file, q->row, "calculation",
						 q->calculation_text, NULL, skipped, q->name);
		q->required_expr = compile_checked(ld, q->file, q->row, "required",
						   q->required_text, q, NULL, NULL);
		uncomputed[i] = skipped->len > before;
		ld->filtered = q->list;
		if (q->list)
			q->filter = compile_checked(ld, q->file, q->row, "choice_filter",
						    q->choice_filter, NULL, NULL, NULL);
		ld->filtered = NULL;
	}
	ld->context_q = NULL;
	spread_uncomputed(form, uncomputed, skipped);
	for (guint i = 0; i < form->groups->len; i++) {
		struct form_group *g = g_ptr_array_index(form->groups, i);
		check_uses(ld, uncomputed, survey, g->row, "relevant", g->relevant);
	}
	for (guint i = 0; i < form->questions->len; i++) {
		struct form_question *q = g_ptr_array_index(form->questions, i);
		check_uses(ld, uncomputed, q->file, q->row, "relevant", q->relevant);
		check_uses(ld, uncomputed, q->file, q->row, "constraint", q->constraint);
		check_uses(ld, uncomputed, q->file, q->row, "required", q->required_expr);
		check_uses(ld, uncomputed, q->file, q->row, "choice_filter", q->filter);
	}
	if (skipped->len)
		/* TRANSLATORS: %s lists the calculations: "row 12 'x' (unknown function 'pulldata'), ...". */
		msg_warn_at(survey, 0, "calculations quire cannot evaluate are not computed, and "
			    "left out of tables: %s", skipped->str);
	g_string_free(skipped, TRUE);
	g_free(uncomputed);
}

/*
 * A trigger names the questions whose change recalculates the row, as
 * ${name}; pyxform passes an unknown one on to the device, where the
 * form fails.  Each must be a question of the form.
 */
static void check_triggers(struct loader *ld)
{
	const struct form_sheet *s = ld->sheets.survey;
	if (form_sheet_find(s, "trigger") < 0)
		return;
	GRegex *ref = g_regex_new("\\$\\{([^}]*)\\}", 0, 0, NULL);
	for (guint i = 0; i < s->rows->len; i++) {
		const struct form_sheet_row *row = g_ptr_array_index(s->rows, i);
		const char *trigger = form_sheet_cell(s, row, "trigger");
		if (!*trigger)
			continue;
		GMatchInfo *m;
		bool any = false;
		for (g_regex_match(ref, trigger, 0, &m); g_match_info_matches(m);
		     g_match_info_next(m, NULL)) {
			char *name = g_match_info_fetch(m, 1);
			any = true;
			if (form_sharing(ld->form, name)) {
				char *what = ambiguous_ref(ld, name);
				/* TRANSLATORS: keep "trigger:", the column; %s is "'${x}' is ambiguous: rows ...". */
				LOAD_ERROR(ld, s->file, row->row, "trigger: %s", what);
				g_free(what);
			} else if (!form_question(ld->form, name)) {
				char *hint = unknown_ref_hint(ld, name);
				char *shown = msg_value(name);
				LOAD_ERROR(ld, s->file, row->row,
					   /* TRANSLATORS: keep "trigger:", the column; a name, then a hint or nothing. */
					   "trigger: unknown question '%s'%s", shown, hint);
				g_free(shown);
				g_free(hint);
			}
			g_free(name);
		}
		g_match_info_free(m);
		if (!any) {
			char *shown = msg_value(trigger);
			LOAD_ERROR(ld, s->file, row->row, "trigger '%s' names no question (write "
				   "${name})", shown);
			g_free(shown);
		}
	}
	g_regex_unref(ref);
}

/*
 * Dependencies: a question's relevance and value depend on the questions
 * its relevant, its groups' relevant and its calculation refer to.  Values
 * are computed in a topological order (Kahn's algorithm); what is left
 * over lies on a cycle, which is an error because no order can evaluate it.
 */
struct deps {
	GPtrArray *of;		/* per question: GArray of int (distinct) */
};

static void add_dep(int ref, void *data)
{
	GArray *list = data;
	for (guint i = 0; i < list->len; i++)
		if (g_array_index(list, int, i) == ref)
			return;
	g_array_append_val(list, ref);
}

static GArray *deps_of(const struct form_question *q)
{
	GArray *list = g_array_new(FALSE, FALSE, sizeof(int));
	form_foreach_read(q, false, add_dep, list);
	return list;
}

static void report_cycle(struct loader *ld, GPtrArray *deps, const bool *done, int start)
{
	struct form *form = ld->form;
	int n = (int)form->questions->len;
	int *seen_at = g_new(int, n);
	for (int i = 0; i < n; i++)
		seen_at[i] = -1;
	GArray *path = g_array_new(FALSE, FALSE, sizeof(int));
	int cur = start;
	while (seen_at[cur] < 0) {
		seen_at[cur] = (int)path->len;
		g_array_append_val(path, cur);
		GArray *d = g_ptr_array_index(deps, cur);
		for (guint k = 0; k < d->len; k++) {
			int next = g_array_index(d, int, k);
			if (!done[next]) {
				cur = next;
				break;
			}
		}
	}
	GString *chain = g_string_new(NULL);
	for (guint k = (guint)seen_at[cur]; k < path->len; k++) {
		struct form_question *q = form_question_at(form, g_array_index(path, int, k));
		g_string_append_printf(chain, "%s -> ", q->name);
	}
	g_string_append(chain, form_question_at(form, cur)->name);
	struct form_question *first = form_question_at(form, cur);
	LOAD_ERROR(ld, first->file, first->row,
		   /* TRANSLATORS: keep relevant and calculation, columns; a question, then the chain "a -> b -> a". */
		   "'%s' depends on itself through relevant or calculation: %s", first->name,
		   chain->str);
	g_string_free(chain, TRUE);
	g_array_free(path, TRUE);
	g_free(seen_at);
}

static void order_questions(struct loader *ld)
{
	struct form *form = ld->form;
	int n = (int)form->questions->len;
	GPtrArray *deps = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	int *missing = g_new0(int, n);	/* unresolved dependencies */
	GPtrArray *users = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	for (int i = 0; i < n; i++)
		g_ptr_array_add(users, g_array_new(FALSE, FALSE, sizeof(int)));
	for (int i = 0; i < n; i++) {
		GArray *d = deps_of(form_question_at(form, i));
		g_ptr_array_add(deps, d);
		missing[i] = (int)d->len;
		for (guint k = 0; k < d->len; k++)
			g_array_append_val(g_ptr_array_index(users, g_array_index(d, int, k)), i);
	}
	form->eval_order = g_new(int, n > 0 ? n : 1);
	bool *done = g_new0(bool, n);
	int n_done = 0;
	GQueue ready = G_QUEUE_INIT;
	for (int i = 0; i < n; i++)
		if (missing[i] == 0)
			g_queue_push_tail(&ready, GINT_TO_POINTER(i));
	while (!g_queue_is_empty(&ready)) {
		int i = GPOINTER_TO_INT(g_queue_pop_head(&ready));
		form->eval_order[n_done++] = i;
		done[i] = true;
		GArray *u = g_ptr_array_index(users, i);
		for (guint k = 0; k < u->len; k++) {
			int j = g_array_index(u, int, k);
			if (--missing[j] == 0)
				g_queue_push_tail(&ready, GINT_TO_POINTER(j));
		}
	}
	for (int i = 0; i < n && n_done < n; i++) {
		if (done[i])
			continue;
		report_cycle(ld, deps, done, i);
		break;
	}
	g_free(done);
	g_free(missing);
	g_ptr_array_free(users, TRUE);
	g_ptr_array_free(deps, TRUE);
}

/* Whether Q is asked of the respondent and so gets a number. */
static bool is_asked(const struct form_question *q)
{
	return !q->generated && q->kind != FORM_NOTE && q->kind != FORM_CALCULATE &&
	       q->kind != FORM_META;
}

static struct form_part *part_new(struct form *form, const struct form_group *group)
{
	struct form_part *part = g_new0(struct form_part, 1);
	part->group = group;
	part->number = (int)form->parts->len + 1;
	part->questions = g_ptr_array_new();
	g_ptr_array_add(form->parts, part);
	return part;
}

static void part_add(struct form_part *part, struct form_question *q)
{
	q->part = part;
	g_ptr_array_add(part->questions, q);
}

/*
 * Metadata starts no part of its own: it joins the part before it, or
 * the first part when it comes first, so that a leading group of
 * start, end and deviceid is not "Part 1 (0 questions)".
 */
static void make_parts(struct form *form)
{
	struct form_part *part = NULL;
	GPtrArray *waiting = g_ptr_array_new();	/* metadata before the first part */
	for (guint i = 0; i < form->questions->len; i++) {
		struct form_question *q = g_ptr_array_index(form->questions, i);
		const struct form_group *top = form_part_of(q);
		if (q->kind == FORM_META && (!part || part->group != top)) {
			if (part)
				part_add(part, q);
			else
				g_ptr_array_add(waiting, q);
			continue;
		}
		if (!part || part->group != top) {
			part = part_new(form, top);
			for (guint k = 0; k < waiting->len; k++)
				part_add(part, g_ptr_array_index(waiting, k));
			g_ptr_array_set_size(waiting, 0);
		}
		part_add(part, q);
	}
	if (waiting->len) {
		part = part_new(form, form_part_of(g_ptr_array_index(waiting, 0)));
		for (guint k = 0; k < waiting->len; k++)
			part_add(part, g_ptr_array_index(waiting, k));
	}
	g_ptr_array_free(waiting, TRUE);
}

/*
 * Parts are the top-level groups, plus one part for each run of questions
 * outside any group.  Asked questions are numbered "PART.N" ("N" alone
 * when the form has a single part).
 */
static void number_questions(struct form *form)
{
	struct form_part *part;
	make_parts(form);
	for (guint p = 0; p < form->parts->len; p++) {
		part = g_ptr_array_index(form->parts, p);
		int n = 0;
		for (guint i = 0; i < part->questions->len; i++) {
			struct form_question *q = g_ptr_array_index(part->questions, i);
			if (!is_asked(q))
				continue;
			n++;
			q->number = form->parts->len > 1 ? g_strdup_printf("%d.%d", part->number, n)
							 : g_strdup_printf("%d", n);
		}
		part->n_asked = n;
	}
}

static struct form *form_new(const char *path)
{
	struct form *form = g_new0(struct form, 1);
	form->path = g_strdup(path);
	form->settings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	form->languages = g_ptr_array_new_with_free_func(g_free);
	form->questions = g_ptr_array_new();
	form->groups = g_ptr_array_new();
	form->lists = g_ptr_array_new();
	form->parts = g_ptr_array_new();
	form->by_name = g_hash_table_new(g_str_hash, g_str_equal);
	form->shared = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
					     (GDestroyNotify)g_ptr_array_unref);
	form->list_by_name = g_hash_table_new(g_str_hash, g_str_equal);
	return form;
}

struct form *form_load(const char *path)
{
	struct loader ld = { 0 };
	ld.form = form_new(path);
	ld.lang_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	ld.scoped = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	ld.refused = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	ld.in_repeat = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	ld.errors = form_sheets_read(path, &ld.sheets);
	if (ld.sheets.survey) {
		struct form *form = ld.form;
		form->survey_file = g_strdup(ld.sheets.survey->file);
		form->choices_file = g_strdup(ld.sheets.choices ? ld.sheets.choices->file : NULL);
		form->settings_file = g_strdup(ld.sheets.settings ? ld.sheets.settings->file : NULL);
		load_settings(&ld, path);
		collect_languages(&ld);
		load_choices(&ld);
		load_survey(&ld);
		form_index_keys(form);
		check_choice_names(&ld);
		compile_expressions(&ld);
		check_triggers(&ld);
		order_questions(&ld);
		number_questions(form);
		form_index_choices(form);
	}
	bool loaded = ld.sheets.survey && ld.errors == 0;
	form_sheets_release(&ld.sheets);
	g_hash_table_destroy(ld.lang_index);
	g_hash_table_destroy(ld.scoped);
	g_hash_table_destroy(ld.refused);
	g_hash_table_destroy(ld.in_repeat);
	g_free(ld.unknown_ref);
	g_free(ld.unknown_list);
	g_free(ld.unknown_column);
	if (!loaded) {
		form_free(ld.form);
		return NULL;
	}
	return ld.form;
}
