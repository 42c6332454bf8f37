/* wide.c - wide exports: one row per respondent (quire, KoboToolbox, ODK Central), CSV or a workbook */
#include <config.h>
#include "wide.h"

#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "form.h"
#include "i18n.h"
#include "msg.h"
#include "response.h"
#include "workbook.h"

/* What a column of an export holds. */
enum col_kind {
	COL_NONE,		/* matches nothing */
	COL_IGNORE,		/* known, not needed (metadata, geopoint parts, calculations) */
	COL_VALUE,		/* a question's value */
	COL_DETAIL,		/* one choice of a select_multiple: 1/0, True/False */
	COL_META,		/* a reply metadata field */
	COL_AMBIGUOUS,		/* a header two questions could have */
};

struct col {
	enum col_kind kind;
	int question;		/* COL_VALUE, COL_DETAIL */
	int choice;		/* COL_DETAIL: index in the list */
	int meta;		/* COL_META: enum resp_meta */
	int other;		/* COL_AMBIGUOUS: the second question */
};

/* A choice set to 1 in a detail column. */
struct selected {
	int question, choice;
};

/* A detail column of a select_multiple that also has its summary column, checked against it. */
struct checked {
	guint column;
	const struct col *col;
	const char *choice;	/* its name */
	size_t len;
	guint group;		/* the first of a question's: how many it has, itself included */
};

struct wide_reader {
	const struct form *form;
	struct csvio_reader *in;
	char *name;
	enum wide_dialect dialect;
	GArray *cols;		/* struct col, one per header field */
	GPtrArray *unmatched;	/* char * */
	bool *has_value_col;	/* [n_questions]: a summary column exists */
	bool *has_detail_col;	/* [n_questions] */
	bool first_row;
	bool workbook;		/* read from a workbook's first sheet */
	bool require_id;
	int id_col;		/* the column with the respondent code, or -1 */
	long header_row;
	GArray *selected;	/* struct selected: details set in the current row */
	GArray *checked;	/* struct checked, by question and choice */
	bool *chosen;		/* check_details(): a question's choices in its summary */
	GString *scratch;	/* select_multiple values rebuilt from details */
};

/* Columns KoboToolbox and ODK Central add to every export (xlsform.md §5). */
static const char *const known_metadata[] = {
	"_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
	"_submitted_by", "__version__", "_tags", "meta/rootUuid", "_index", "meta/instanceID",
	"formhub/uuid", "_attachments", "_geolocation", "_xform_id_string", "_duration",
	"_edited", "_parent_table_name", "_parent_index", "_submission__id", "SubmissionDate",
	"KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected",
	"Status", "ReviewState", "DeviceID", "Edits", "FormVersion", "meta-instanceID",
	"instanceID", "meta-rootUuid", NULL,
};

static bool is_known_metadata(const char *h)
{
	for (const char *const *k = known_metadata; *k; k++)
		if (strcmp(*k, h) == 0)
			return true;
	return false;
}

/* The dialect's name for the terminal, in the user's language. */
const char *wide_dialect_name(enum wide_dialect d)
{
	static const char *const names[] = {
		/* TRANSLATORS: the kind of file imported, as in "X.csv (KoboToolbox export): ...". */
		[WIDE_QUIRE] = N_("quire export"),
		[WIDE_KOBO] = N_("KoboToolbox export"),
		[WIDE_KOBO_LEGACY] = N_("KoboToolbox legacy export"),
		[WIDE_ODK] = N_("ODK Central export"),
		[WIDE_OTHER] = N_("wide CSV"),
	};
	return E_(names[d]);
}

/* Header candidates */

static void add_candidate(GHashTable *map, const char *header, struct col col)
{
	struct col *old = g_hash_table_lookup(map, header);
	if (old) {
		if ((old->kind == COL_VALUE || old->kind == COL_DETAIL) &&
		    old->question != col.question) {
			old->other = col.question;
			old->kind = COL_AMBIGUOUS;
		}
		return;
	}
	g_hash_table_insert(map, g_strdup(header), g_memdup2(&col, sizeof col));
}

/*
 * The ways an export may spell the column of Q: its key and its group
 * paths.  A name shared by questions in different groups is the key of
 * the one outside any group, if there is one; else it stays a spelling of
 * each, for the column to be refused as matching two questions.
 */
static GPtrArray *header_forms(const struct form *form, const struct form_question *q)
{
	GPtrArray *forms = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(forms, g_strdup(form_question_key(q)));
	if (strcmp(form_question_key(q), q->name) != 0 && !form_question(form, q->name))
		g_ptr_array_add(forms, g_strdup(q->name));
	if (!q->group)
		return forms;
	static const char seps[] = { '/', '-', '.' };
	for (size_t s = 0; s < G_N_ELEMENTS(seps); s++)
		g_ptr_array_add(forms, g_strdelimit(g_strdup(q->path), "/", seps[s]));
	return forms;
}

static void add_question_candidates(GHashTable *map, const struct form *form,
				    const struct form_question *q)
{
	GPtrArray *forms = header_forms(form, q);
	bool skip = q->kind == FORM_CALCULATE || q->kind == FORM_NOTE;
	for (guint f = 0; f < forms->len; f++) {
		const char *h = g_ptr_array_index(forms, f);
		add_candidate(map, h, (struct col){ .kind = skip ? COL_IGNORE : COL_VALUE, .question = q->index });
		if (q->kind == FORM_SELECT_MULTIPLE && q->list) {
			for (guint c = 0; c < q->list->choices->len; c++) {
				const struct form_choice *ch = g_ptr_array_index(q->list->choices, c);
				char *d = g_strconcat(h, "/", ch->name, NULL);
				add_candidate(map, d, (struct col){ .kind = COL_DETAIL, .question = q->index, .choice = (int)c });
				g_free(d);
			}
		}
		if (q->kind == FORM_GEO) {
			static const char *const parts[] = { "latitude", "longitude", "altitude",
							     "precision" };
			static const char *const central[] = { "Latitude", "Longitude", "Altitude",
							       "Accuracy" };
			for (size_t p = 0; p < 4; p++) {
				char *k = g_strdup_printf("_%s_%s", h, parts[p]);
				char *c = g_strdup_printf("%s-%s", h, central[p]);
				add_candidate(map, k, (struct col){ .kind = COL_IGNORE, .question = q->index });
				add_candidate(map, c, (struct col){ .kind = COL_IGNORE, .question = q->index });
				g_free(k);
				g_free(c);
			}
		}
	}
	g_ptr_array_free(forms, TRUE);
}

static GHashTable *build_candidates(const struct form *form)
{
	GHashTable *map = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	for (size_t i = 0; i < form_n_questions(form); i++)
		add_question_candidates(map, form, form_question_at(form, i));
	return map;
}

/* Dialects and metadata columns */

static enum wide_dialect sniff(const struct csvio_record *h, char delim)
{
	if (h->n_fields >= 2 && strcmp(h->fields[0], "respondent") == 0 &&
	    strcmp(h->fields[1], "submitted") == 0)
		return WIDE_QUIRE;
	if (delim == ';')
		return WIDE_KOBO;
	for (size_t i = 0; i < h->n_fields; i++) {
		if (strcmp(h->fields[i], "SubmissionDate") == 0 || strcmp(h->fields[i], "KEY") == 0)
			return WIDE_ODK;
		if (strcmp(h->fields[i], "_uuid") == 0 || strcmp(h->fields[i], "meta/instanceID") == 0 ||
		    strcmp(h->fields[i], "_submission_time") == 0)
			return WIDE_KOBO_LEGACY;
	}
	return WIDE_OTHER;
}

static int meta_column(const char *h)
{
	if (strcmp(h, "respondent") == 0 || strcmp(h, "_respondent") == 0)
		return RESP_RESPONDENT;
	if (strcmp(h, "submitted") == 0 || strcmp(h, "_submitted") == 0 ||
	    strcmp(h, "_submission_time") == 0 || strcmp(h, "SubmissionDate") == 0)
		return RESP_SUBMITTED;
	int m = resp_meta_find(h);
	return m > RESP_SUBMITTED ? m : -1;
}

/* Label-mode KoboToolbox exports name columns by question labels. */
static bool is_label(const struct form *form, const char *h)
{
	for (size_t i = 0; i < form_n_questions(form); i++) {
		const struct form_question *q = form_question_at(form, i);
		for (guint l = 0; q->label && l < form->languages->len; l++)
			if (q->label[l] && strcmp(q->label[l], h) == 0)
				return true;
	}
	return false;
}

static int find_id_column(struct wide_reader *w, const struct csvio_record *h, const char *id_column)
{
	w->id_col = -1;
	for (size_t i = 0; i < h->n_fields; i++) {
		const struct col *c = &g_array_index(w->cols, struct col, i);
		if (id_column ? strcmp(h->fields[i], id_column) == 0
			      : c->kind == COL_META && c->meta == RESP_RESPONDENT) {
			w->id_col = (int)i;
			break;
		}
	}
	if (id_column && w->id_col < 0)
		/* TRANSLATORS: %s is the column --id-column names; keep --id-column. */
		return msg_error_at(w->name, w->header_row, "no column '%s' for --id-column", id_column) < 0;
	if (w->require_id && w->id_col < 0)
		return msg_error_at(w->name, w->header_row, "no column holds the respondent code; name it "
				    "with --id-column") < 0;
	return 0;
}

/*
 * A column that is read (a value, a detail or metadata) given twice is an
 * error: which of the two holds the answer cannot be known.  Returns 1
 * after reporting, else 0.
 */
static int check_twice(struct wide_reader *w, GHashTable *taken, const char *name, size_t i,
		       enum col_kind kind)
{
	if (kind != COL_VALUE && kind != COL_DETAIL && kind != COL_META)
		return 0;
	gpointer first = g_hash_table_lookup(taken, name);
	if (!first) {
		g_hash_table_insert(taken, (gpointer)name, GSIZE_TO_POINTER(i + 1));
		return 0;
	}
	return msg_error_at(w->name, w->header_row, "duplicate column '%s' (columns %zu and %zu)", name,
			    (size_t)GPOINTER_TO_SIZE(first), i + 1) < 0;
}

static int map_header(struct wide_reader *w, const struct csvio_record *h, const char *id_column)
{
	GHashTable *cand = build_candidates(w->form);
	GHashTable *taken = g_hash_table_new(g_str_hash, g_str_equal);
	int problems = 0, matched = 0, labels = 0;
	for (size_t i = 0; i < h->n_fields; i++) {
		const char *name = h->fields[i];
		struct col col = { COL_NONE, -1, -1, -1, -1 };
		struct col *c = g_hash_table_lookup(cand, name);
		if (c)
			col = *c;
		else if ((col.meta = meta_column(name)) >= 0)
			col.kind = COL_META;
		else if (is_known_metadata(name))
			col.kind = COL_IGNORE;
		problems += check_twice(w, taken, name, i, col.kind);
		if (col.kind == COL_AMBIGUOUS) {
			const struct form *f = w->form;
			const struct form_question *a = form_question_at(f, (size_t)col.question);
			const struct form_question *b = form_question_at(f, (size_t)col.other);
			/* TRANSLATORS: a column's header, then the two questions' names. */
			problems += msg_error_at(w->name, w->header_row, "column '%s' matches two questions: '%s' "
						 "and '%s'", name, form_question_key(a),
						 form_question_key(b)) < 0;
		} else if (col.kind == COL_NONE) {
			labels += is_label(w->form, name);
			if (!id_column || strcmp(name, id_column) != 0)
				g_ptr_array_add(w->unmatched, g_strdup(name));
		} else if (col.kind == COL_VALUE || col.kind == COL_DETAIL) {
			matched++;
			(col.kind == COL_VALUE ? w->has_value_col : w->has_detail_col)[col.question] = true;
		}
		g_array_append_val(w->cols, col);
	}
	g_hash_table_destroy(cand);
	g_hash_table_destroy(taken);
	if (labels > matched)
		/* TRANSLATORS: "XML values and headers" is an option of KoboToolbox's export: write it as its screen in your language does. */
		return msg_error_at(w->name, w->header_row, "the columns are question labels, not names; "
				    "export again choosing \"XML values and headers\"") < 0;
	return problems + find_id_column(w, h, id_column);
}

static const struct form_choice *choice_of(const struct wide_reader *w, const struct col *c)
{
	const struct form_question *q = form_question_at(w->form, (size_t)c->question);
	return g_ptr_array_index(q->list->choices, c->choice);
}

/* Orders detail columns by question, then by choice (list order). */
static int compare_checked(gconstpointer a, gconstpointer b)
{
	const struct col *x = ((const struct checked *)a)->col, *y = ((const struct checked *)b)->col;
	if (x->question != y->question)
		return x->question < y->question ? -1 : 1;
	return (x->choice > y->choice) - (x->choice < y->choice);
}

/*
 * Tells the CSV reader which columns are read, so the rest are neither
 * checked nor copied.  Detail columns are read even when the summary
 * column holds the answer, to check that they agree with it.
 */
static void keep_columns(struct wide_reader *w, const bool *scope)
{
	guint n = w->cols->len;
	bool *keep = g_new0(bool, n + 1);
	for (guint i = 0; i < n; i++) {
		const struct col *c = &g_array_index(w->cols, struct col, i);
		bool value = c->kind == COL_VALUE || c->kind == COL_DETAIL;
		if (value && scope && !scope[c->question])
			continue;
		keep[i] = (int)i == w->id_col || value || c->kind == COL_META;
		if (c->kind == COL_DETAIL && w->has_value_col[c->question]) {
			const char *name = choice_of(w, c)->name;
			struct checked k = { i, c, name, strlen(name), 0 };
			g_array_append_val(w->checked, k);
		}
	}
	g_array_sort(w->checked, compare_checked);
	struct checked *all = (struct checked *)(void *)w->checked->data;
	for (guint i = 0, len; i < w->checked->len; i += len) {
		for (len = 1; i + len < w->checked->len &&
			      all[i + len].col->question == all[i].col->question;
		     len++)
			;
		all[i].group = len;
	}
	w->chosen = g_new0(bool, w->checked->len + 1);
	csvio_keep_columns(w->in, keep, n);
	g_free(keep);
}

/*
 * A workbook export (KoboToolbox's .xlsx) is read as the CSV its first
 * sheet would be, the one sheet a wide export has (KoboToolbox puts
 * repeat groups in the sheets after it).
 */
struct wide_reader *wide_open(const struct form *form, const char *path,
			      const struct wide_options *opt)
{
	bool workbook = strcmp(path, "-") != 0 && workbook_is_workbook(path);
	struct csvio_reader *in = workbook_open_table(path);
	if (!in)
		return NULL;
	struct wide_reader *w = g_new0(struct wide_reader, 1);
	w->workbook = workbook;
	size_t n = form_n_questions(form);
	w->form = form;
	w->in = in;
	w->name = g_strdup(csvio_name(in));
	w->cols = g_array_new(FALSE, FALSE, sizeof(struct col));
	w->unmatched = g_ptr_array_new_with_free_func(g_free);
	w->has_value_col = g_new0(bool, n + 1);
	w->has_detail_col = g_new0(bool, n + 1);
	w->scratch = g_string_new(NULL);
	w->selected = g_array_new(FALSE, FALSE, sizeof(struct selected));
	w->checked = g_array_new(FALSE, FALSE, sizeof(struct checked));
	w->require_id = opt && opt->require_id;
	w->first_row = true;
	struct csvio_record h;
	int rc = csvio_next(in, &h);
	if (rc == 0)
		msg_error_at(w->name, 0, "empty file: no header row");
	if (rc <= 0) {
		wide_close(w);
		return NULL;
	}
	w->header_row = h.row;
	csvio_set_header(in, &h, CSVIO_WIDTH_EXACT);
	w->dialect = sniff(&h, csvio_delimiter(in));
	if (map_header(w, &h, opt ? opt->id_column : NULL) > 0) {
		wide_close(w);
		return NULL;
	}
	keep_columns(w, opt ? opt->scope : NULL);
	return w;
}

struct wide_reader *wide_open_part(const struct wide_reader *whole, const char *path,
				   unsigned long long start, unsigned long long end)
{
	struct csvio_reader *in = csvio_open_part(whole->in, path, start, end);
	struct csvio_record header;
	if (in && start == 0 && csvio_next(in, &header) != 1) {	/* WHOLE has read it */
		csvio_close(in);
		in = NULL;
	}
	if (!in)
		return NULL;
	size_t n = form_n_questions(whole->form);
	struct wide_reader *w = g_new0(struct wide_reader, 1);
	w->form = whole->form;
	w->in = in;
	w->name = g_strdup(whole->name);
	w->dialect = whole->dialect;
	w->cols = g_array_copy(whole->cols);
	w->unmatched = g_ptr_array_new_with_free_func(g_free);
	w->has_value_col = g_memdup2(whole->has_value_col, (n + 1) * sizeof(bool));
	w->has_detail_col = g_memdup2(whole->has_detail_col, (n + 1) * sizeof(bool));
	w->require_id = whole->require_id;
	w->id_col = whole->id_col;
	w->header_row = whole->header_row;
	w->scratch = g_string_new(NULL);
	w->selected = g_array_new(FALSE, FALSE, sizeof(struct selected));
	w->checked = g_array_copy(whole->checked);
	for (guint i = 0; i < w->checked->len; i++) {
		struct checked *k = &g_array_index(w->checked, struct checked, i);
		k->col = &g_array_index(w->cols, struct col, k->column);
	}
	w->chosen = g_new0(bool, w->checked->len + 1);
	return w;
}

bool wide_can_split(const struct wide_reader *w)
{
	/* KoboToolbox's tag row, and a workbook's sheet, are for the first row to tell. */
	return w->dialect != WIDE_KOBO && !w->workbook && w->header_row == 1;
}

long wide_rows(const struct wide_reader *w)
{
	return csvio_rows(w->in);
}

void wide_close(struct wide_reader *w)
{
	if (!w)
		return;
	csvio_close(w->in);
	g_free(w->name);
	g_array_free(w->cols, TRUE);
	g_ptr_array_free(w->unmatched, TRUE);
	g_free(w->has_value_col);
	g_free(w->has_detail_col);
	g_string_free(w->scratch, TRUE);
	g_array_free(w->selected, TRUE);
	g_array_free(w->checked, TRUE);
	g_free(w->chosen);
	g_free(w);
}

enum wide_dialect wide_dialect(const struct wide_reader *w)
{
	return w->dialect;
}

const GPtrArray *wide_unmatched(const struct wide_reader *w)
{
	return w->unmatched;
}

size_t wide_bytes_read(const struct wide_reader *w)
{
	return csvio_bytes_read(w->in);
}

/* Rows */

/* KoboToolbox writes an HXL tag row ("#tag" or empty cells) under the header. */
static bool is_hxl_row(const struct csvio_record *rec)
{
	bool any_tag = false;
	for (size_t i = 0; i < rec->n_fields; i++) {
		if (rec->fields[i][0] == '#')
			any_tag = true;
		else if (rec->fields[i][0])
			return false;
	}
	return any_tag;
}

/* A cell in a legacy export: "n/a" means missing. */
static bool is_missing(const struct wide_reader *w, const char *s)
{
	return !*s || (w->dialect == WIDE_KOBO_LEGACY && strcmp(s, "n/a") == 0);
}

/*
 * quire's own export neutralises formulas with a leading "'", and doubles
 * one that text starts with (csvio_write_text()): exactly one comes off.
 */
static char *unneutralise(const struct wide_reader *w, char *s)
{
	return w->dialect == WIDE_QUIRE ? (char *)csvio_read_text(s) : s;
}

/* The submission time "2019-06-12T09:41:19" becomes the date "2019-06-12" (in place). */
static char *date_part(char *s)
{
	char *t = strpbrk(s, "T ");
	if (t && t - s == 10)
		*t = '\0';
	return s;
}

/* A detail cell: 1 = selected, 0 = not, -1 = empty, -2 = not a 0/1 value. */
static inline int detail_value(const struct wide_reader *w, const char *s)
{
	if (is_missing(w, s))
		return -1;
	if ((s[0] == '0' || s[0] == '1') && s[1] == '\0')
		return s[0] == '1';
	if (strcmp(s, "True") == 0 || strcmp(s, "true") == 0)
		return 1;
	if (strcmp(s, "False") == 0 || strcmp(s, "false") == 0)
		return 0;
	return -2;
}

/* A detail cell's value (detail_value()), after reporting one that is not 1/0 nor True/False. */
static int take_detail_value(struct wide_reader *w, const struct col *c, const char *cell,
			     long row, int *problems)
{
	int v = detail_value(w, cell);
	if (v == -2) {
		const struct form_question *q = form_question_at(w->form, (size_t)c->question);
		char *shown = msg_value(cell);
		/* TRANSLATORS: %s/%s is a column, the question's name then the choice's; then the cell. */
		*problems += msg_error_at(w->name, row, "%s/%s: '%s' is neither 1/0 nor "
					  "True/False", form_question_key(q), choice_of(w, c)->name,
					  shown) < 0;
		g_free(shown);
	}
	return v;
}

/* Collects a selected choice of a select_multiple that has only detail columns. */
static void add_detail(struct wide_reader *w, const struct col *c, const char *cell,
		       long row, int *problems)
{
	if (take_detail_value(w, c, cell, row, problems) == 1) {
		struct selected sel = { c->question, c->choice };
		g_array_append_val(w->selected, sel);
	}
}

/* Whether the choice name at P, in a space-separated value, is NAME of LEN bytes. */
static bool token_is(const char *p, const char *name, size_t len)
{
	/* The first bytes tell most names apart, without a call. */
	return (len == 0 || p[0] == name[0]) && strncmp(p, name, len) == 0 &&
	       (p[len] == ' ' || p[len] == '\0');
}

/* The next choice name after the one at P, or the end. */
static const char *next_token(const char *p)
{
	while (*p && *p != ' ')
		p++;
	while (*p == ' ')
		p++;
	return p;
}

/* Whether the space-separated VALUE holds the choice NAME of LEN bytes. */
static bool holds_choice(const char *value, const char *name, size_t len)
{
	for (const char *t = value + strspn(value, " "); *t; t = next_token(t))
		if (token_is(t, name, len))
			return true;
	return false;
}

/*
 * Which of the choices K[0..N) -- one question's, in list order -- VALUE
 * holds, into CHOSEN.  When VALUE lists them in list order, as exports do,
 * one pass matches them all; otherwise each is looked for.
 */
static void chosen_choices(const char *value, const struct checked *k, guint n, bool *chosen)
{
	const char *p = value ? value + strspn(value, " ") : "";
	for (guint i = 0; i < n; i++) {
		chosen[i] = *p && token_is(p, k[i].choice, k[i].len);
		if (chosen[i])
			p = next_token(p);
	}
	if (*p)	/* names left: not in list order, or not choices with a column */
		for (guint i = 0; i < n; i++)
			chosen[i] = holds_choice(value, k[i].choice, k[i].len);
}

/* Reports the detail cell of K, which says CHOSEN, against the summary column's VALUE. */
static int contradiction(const struct wide_reader *w, const struct csvio_record *rec,
			 const struct checked *k, int chosen, const char *value)
{
	const char *question =
		form_question_key(form_question_at(w->form, (size_t)k->col->question));
	char *cell = msg_value(rec->fields[k->column]);
	char *shown = value ? msg_value(value) : NULL;
	if (shown)
		/*
		 * TRANSLATORS: a detail column (question/choice) and its cell,
		 * what the cell says ("chosen" or "not chosen"), then the
		 * question's name and its value: "offences/interception: '0'
		 * (not chosen), but offences is 'interception'".
		 */
		msg_error_at(w->name, rec->row, "%s/%s: '%s' (%s), but %s is '%s'", question,
			     /* TRANSLATORS: what a detail cell says of its choice, in "%s/%s: '%s' (%s), but ...". */
			     k->choice, cell, chosen ? E_("chosen") : E_("not chosen"), question, shown);
	else
		/* TRANSLATORS: a detail column (question/choice), its cell, then the question's name. */
		msg_error_at(w->name, rec->row, "%s/%s: '%s' (chosen), but %s is empty", question,
			     k->choice, cell, question);
	g_free(cell);
	g_free(shown);
	return -1;
}

/*
 * Checks the detail columns of the select_multiples that also have their
 * summary column (W->checked), once the row is read, since the summary
 * may come after them.  A detail that contradicts the summary --
 * "offences" says "illegal_access interception" but
 * "offences/interception" is 0 -- leaves the answer unknown: an error
 * naming the row, the column and both values.  What a detail cell says
 * is detail_value()'s to decide; an empty one says nothing.
 */
static void check_details(struct wide_reader *w, const struct resp_reply *reply,
			  const struct csvio_record *rec, int *problems)
{
	const struct checked *all = (const struct checked *)(void *)w->checked->data;
	for (guint i = 0, n; i < w->checked->len; i += n) {
		const struct checked *k = all + i;
		n = k->group;
		const char *value = reply->values[k->col->question];
		chosen_choices(value, k, n, w->chosen);
		for (guint j = 0; j < n; j++) {
			if (k[j].column >= rec->n_fields)
				continue;
			int v = take_detail_value(w, k[j].col, rec->fields[k[j].column], rec->row,
						  problems);
			if (v >= 0 && v != w->chosen[j])
				*problems += contradiction(w, rec, &k[j], v, value) < 0;
		}
	}
}

static int compare_selected(gconstpointer a, gconstpointer b)
{
	const struct selected *x = a, *y = b;
	if (x->question != y->question)
		return x->question < y->question ? -1 : 1;
	return (x->choice > y->choice) - (x->choice < y->choice);
}

/*
 * Rebuilds the values of select_multiples from their selected details: the
 * choice names in list order, separated by spaces.  The strings live in
 * SCRATCH until the next row.
 */
static void rebuild_selections(struct wide_reader *w, struct resp_reply *reply, long row)
{
	g_array_sort(w->selected, compare_selected);
	g_string_truncate(w->scratch, 0);
	GArray *starts = g_array_new(FALSE, FALSE, sizeof(gsize));
	for (guint i = 0; i < w->selected->len; i++) {
		const struct selected *sel = &g_array_index(w->selected, struct selected, i);
		const struct form_question *q = form_question_at(w->form, (size_t)sel->question);
		const struct form_choice *ch = g_ptr_array_index(q->list->choices, sel->choice);
		bool first = i == 0 || g_array_index(w->selected, struct selected, i - 1).question !=
					       sel->question;
		if (first) {
			gsize at = w->scratch->len;
			g_array_append_val(starts, at);
		} else {
			w->scratch->str[w->scratch->len - 1] = ' ';
		}
		g_string_append(w->scratch, ch->name);
		g_string_append_c(w->scratch, '\0');
	}
	guint k = 0;
	for (guint i = 0; i < w->selected->len; i++) {
		const struct selected *sel = &g_array_index(w->selected, struct selected, i);
		if (i > 0 && g_array_index(w->selected, struct selected, i - 1).question == sel->question)
			continue;
		reply->values[sel->question] = w->scratch->str + g_array_index(starts, gsize, k++);
		reply->rows[sel->question] = row;
	}
	g_array_free(starts, TRUE);
	g_array_set_size(w->selected, 0);
}

static void take_cell(struct wide_reader *w, struct resp_reply *reply, const struct col *c,
		      char *cell, long row, int *problems)
{
	switch (c->kind) {
	case COL_VALUE:
		if (!is_missing(w, cell)) {
			reply->values[c->question] = unneutralise(w, cell);
			reply->rows[c->question] = row;
		}
		break;
	case COL_DETAIL:
		if (!w->has_value_col[c->question])	/* else check_details() */
			add_detail(w, c, cell, row, problems);
		break;
	case COL_META:
		if (c->meta == RESP_RESPONDENT || is_missing(w, cell))
			break;
		/* quire's own export has the value as the reply file had it, not a time. */
		reply->meta[c->meta] = c->meta == RESP_SUBMITTED && w->dialect != WIDE_QUIRE
					       ? date_part(cell)
					       : unneutralise(w, cell);
		reply->meta_row[c->meta] = row;
		break;
	default:
		break;
	}
}

int wide_next(struct wide_reader *w, struct resp_reply *reply, int *problems)
{
	struct csvio_record rec;
	int rc = csvio_next(w->in, &rec);
	/* Its XLSX export too, whichever dialect its header looks like. */
	if (rc == 1 && w->first_row && (w->dialect == WIDE_KOBO || w->workbook) && is_hxl_row(&rec))
		rc = csvio_next(w->in, &rec);
	w->first_row = false;
	if (rc <= 0)
		return rc;
	/* A row longer than the header has its values in the wrong columns: it is not taken as it is. */
	*problems += csvio_check_width(w->in, &rec, -1) < 0;
	resp_clear(reply);
	reply->borrowed = true;
	reply->row = rec.row;
	size_t n = MIN(rec.n_fields, (size_t)w->cols->len);
	for (size_t i = 0; i < n; i++)
		take_cell(w, reply, &g_array_index(w->cols, struct col, i), rec.fields[i], rec.row,
			  problems);
	if (w->selected->len)
		rebuild_selections(w, reply, rec.row);
	check_details(w, reply, &rec, problems);
	if (w->id_col >= 0 && (size_t)w->id_col < rec.n_fields && *rec.fields[w->id_col]) {
		reply->meta[RESP_RESPONDENT] = unneutralise(w, rec.fields[w->id_col]);
		reply->meta_row[RESP_RESPONDENT] = rec.row;
	}
	return 1;
}

/* Writing */

struct wide_writer {
	const struct form *form;
	struct csvio_writer out;
	struct wide_write_options opt;
};

/* Writes a text cell, neutralising what a spreadsheet would run as a formula. */
static void write_text(struct wide_writer *w, const char *s)
{
	csvio_write_text(&w->out, s);
}

static void write_header(struct wide_writer *w)
{
	csvio_write_field(&w->out, "respondent");
	csvio_write_field(&w->out, "submitted");
	for (size_t i = 0; i < form_n_questions(w->form); i++) {
		const struct form_question *q = form_question_at(w->form, i);
		if (!form_kind_has_value(q->kind))
			continue;
		csvio_write_field(&w->out, form_question_key(q));
		if (q->kind != FORM_SELECT_MULTIPLE || !q->list)
			continue;
		for (guint c = 0; c < q->list->choices->len; c++) {
			const struct form_choice *ch = g_ptr_array_index(q->list->choices, c);
			csvio_write_fieldf(&w->out, "%s/%s", form_question_key(q), ch->name);
		}
	}
	for (int m = RESP_CHANNEL; m < RESP_N_META; m++)
		csvio_write_field(&w->out, resp_meta_name(m));
	csvio_end_record(&w->out);
}

struct wide_writer *wide_writer_new(const struct form *form, FILE *fp,
				    const struct wide_write_options *opt)
{
	struct wide_writer *w = g_new0(struct wide_writer, 1);
	w->form = form;
	if (opt)
		w->opt = *opt;
	csvio_writer_init(&w->out, fp);
	w->out.keep_formulas = w->opt.keep_formulas;
	write_header(w);
	return w;
}

/* A choice value as labels: "Yes", or "Budapest Convention; SCO Agreement". */
static char *as_labels(const struct wide_writer *w, const struct form_question *q,
		       const char *value)
{
	char **tokens = g_strsplit_set(value, " ", -1);
	GString *s = g_string_new(NULL);
	for (char **t = tokens; *t; t++) {
		if (!**t)
			continue;
		const struct form_choice *c = form_choice(q->list, *t);
		if (s->len)
			g_string_append(s, "; ");
		g_string_append(s, c ? form_choice_label(w->form, c, w->opt.lang) : *t);
	}
	g_strfreev(tokens);
	return g_string_free(s, FALSE);
}

static void write_details(struct wide_writer *w, const struct form_question *q, const char *value)
{
	char **tokens = value ? g_strsplit_set(value, " ", -1) : NULL;
	for (guint c = 0; c < q->list->choices->len; c++) {
		const struct form_choice *ch = g_ptr_array_index(q->list->choices, c);
		if (!tokens)
			csvio_write_field(&w->out, "");
		else
			csvio_write_field(&w->out, g_strv_contains((const char *const *)tokens,
								   ch->name) ? "1" : "0");
	}
	g_strfreev(tokens);
}

static void write_value(struct wide_writer *w, const struct form_question *q, const char *value)
{
	if (value && w->opt.labels && q->list && form_kind_is_choice(q->kind)) {
		char *labels = as_labels(w, q, value);
		write_text(w, labels);
		g_free(labels);
	} else {
		write_text(w, value);
	}
	if (q->kind == FORM_SELECT_MULTIPLE && q->list)
		write_details(w, q, value);
}

void wide_writer_add(struct wide_writer *w, const struct resp_reply *reply, struct resp_eval *ev)
{
	resp_eval_run(ev, reply->values);
	write_text(w, reply->meta[RESP_RESPONDENT]);
	write_text(w, reply->meta[RESP_SUBMITTED]);
	for (size_t i = 0; i < form_n_questions(w->form); i++) {
		const struct form_question *q = form_question_at(w->form, i);
		if (!form_kind_has_value(q->kind))
			continue;
		write_value(w, q, q->kind == FORM_CALCULATE ? ev->value[i] : reply->values[i]);
	}
	for (int m = RESP_CHANNEL; m < RESP_N_META; m++)
		write_text(w, reply->meta[m]);
	csvio_end_record(&w->out);
}

bool wide_writer_finish(struct wide_writer *w)
{
	bool ok = !csvio_writer_error(&w->out);
	g_free(w);
	return ok;
}
