/* answer-read.c - a filled answer workbook read back as the rows of a reply */
#include <config.h>

#include "answer.h"

#include <string.h>

#include "answer-int.h"
#include "form.h"
#include "msg.h"
#include "workbook.h"

struct reader {
	const struct form *form;
	const char *path;
	const struct workbook_sheet *reply, *map;
	struct answer_rows *out;
	GHashTable *by_number;	/* column A of "Reply", stripped -> struct workbook_row * */
	GHashTable *by_row;	/* row number -> struct workbook_row * */
	GHashTable *labels;	/* "LIST\x1fFOLDED LABEL" -> choice name (borrowed) */
	GHashTable *choices;	/* key -> GPtrArray of struct mark, for select_multiple */
	GHashTable *numbers;	/* key -> the row its number is on, for messages */
};

/* One choice row of a select_multiple: which choice, and what was typed. */
struct mark {
	const char *choice;
	const struct workbook_row *row;
};

static const char *cell(const struct workbook_row *row, guint col)
{
	return row && col < row->n_cells ? row->cells[col] : "";
}

/* The answer cell of ROW of "Reply", for messages: "XAA.xlsx:Reply!C14". */
static char *answer_cell(const struct reader *rd, long row)
{
	return workbook_cell_name(rd->path, rd->reply->name, row, ANSWER_COL_ANSWER);
}

/* TEXT stripped, case folded and composed: how labels and ticks are compared. */
static char *folded(const char *text)
{
	char *copy = g_strstrip(g_strdup(text));
	char *fold = g_utf8_casefold(copy, -1);
	char *norm = g_utf8_normalize(fold, -1, G_NORMALIZE_NFC);
	g_free(copy);
	g_free(fold);
	return norm ? norm : g_strdup("");
}

static const struct workbook_sheet *find_sheet(const struct workbook *wb, const char *name)
{
	for (guint i = 0; i < wb->sheets->len; i++) {
		const struct workbook_sheet *s = g_ptr_array_index(wb->sheets, i);
		if (g_ascii_strcasecmp(s->name, name) == 0)
			return s;
	}
	return NULL;
}

static void add(struct answer_rows *out, const char *name, const char *value, long row)
{
	if (!*value)
		return;
	g_ptr_array_add(out->names, g_strdup(name));
	g_ptr_array_add(out->values, g_strdup(value));
	g_array_append_val(out->rows, row);
}

void answer_rows_free(struct answer_rows *a)
{
	if (!a)
		return;
	g_free(a->file);
	g_free(a->sheet);
	if (a->names)
		g_ptr_array_free(a->names, TRUE);
	if (a->values)
		g_ptr_array_free(a->values, TRUE);
	if (a->rows)
		g_array_free(a->rows, TRUE);
	g_free(a->respondent);
	g_free(a->form_version);
	memset(a, 0, sizeof *a);
}

/* Labels */

static void add_label(struct reader *rd, const char *list, const char *label, const char *name)
{
	char *f = folded(label);
	char *key = g_strdup_printf("%s\x1f%s", list, f);
	g_free(f);
	if (!g_hash_table_contains(rd->labels, key))
		g_hash_table_insert(rd->labels, key, (gpointer)name);
	else
		g_free(key);
}

/* Every choice label of the form, in every language. */
static void labels_from_form(struct reader *rd)
{
	const struct form *form = rd->form;
	for (guint l = 0; l < form->lists->len; l++) {
		const struct form_list *list = g_ptr_array_index(form->lists, l);
		for (guint c = 0; c < list->choices->len; c++) {
			const struct form_choice *ch = g_ptr_array_index(list->choices, c);
			for (guint lang = 0; lang < form->languages->len; lang++) {
				char *label = answer_choice_label(form, ch, (int)lang);
				add_label(rd, list->name, label, ch->name);
				g_free(label);
			}
		}
	}
}

/*
 * The choice name of TEXT, an answer to Q: TEXT when it is a choice's
 * name, the choice whose label it is in any language, or TEXT as typed.
 */
static const char *choice_name(struct reader *rd, const struct form_question *q, const char *text)
{
	if (!q->list || form_choice(q->list, text))
		return text;
	char *f = folded(text);
	char *key = g_strdup_printf("%s\x1f%s", q->list->name, f);
	const char *name = g_hash_table_lookup(rd->labels, key);
	g_free(key);
	g_free(f);
	return name ? name : text;
}

/* Ticks */

/* Whether TEXT marks a choice: 1 yes, 0 no (or empty), -1 neither. */
static int tick(const char *text)
{
	static const char *const yes[] = { "yes", "x", "\u2713", "\u2714", "oui", "s\u00ed", "si",
					   "\u0434\u0430", "\u662f", "\u0646\u0639\u0645", "true",
					   NULL };
	static const char *const no[] = { "", "no", "non", "\u043d\u0435\u0442", "\u5426",
					  "\u0644\u0627", "false", NULL };
	char *f = folded(text);
	int found = -1;
	for (int i = 0; found < 0 && yes[i]; i++)
		if (strcmp(f, yes[i]) == 0)
			found = 1;
	for (int i = 0; found < 0 && no[i]; i++)
		if (strcmp(f, no[i]) == 0)
			found = 0;
	g_free(f);
	return found;
}

/* Answers */

/* The value of question Q, whose answer is in column C of ROW. */
static void take_answer(struct reader *rd, const struct form_question *q,
			const struct workbook_row *row)
{
	const char *typed = cell(row, ANSWER_COL_ANSWER);
	if (q->kind == FORM_TEXT || q->generated) {
		add(rd->out, form_question_key(q), typed, row->row);
		return;
	}
	char *value = g_strstrip(g_strdup(typed));
	add(rd->out, form_question_key(q), choice_name(rd, q, value), row->row);
	g_free(value);
}

static void note_choice(struct reader *rd, const struct form_question *q, const char *choice,
			const struct workbook_row *row)
{
	GPtrArray *marks = g_hash_table_lookup(rd->choices, form_question_key(q));
	if (!marks) {
		marks = g_ptr_array_new_with_free_func(g_free);
		g_hash_table_insert(rd->choices, (gpointer)form_question_key(q), marks);
	}
	struct mark *m = g_new(struct mark, 1);
	m->choice = choice;
	m->row = row;
	g_ptr_array_add(marks, m);
}

/*
 * A select_multiple's value: the choices marked Yes, in list order.  A
 * mark that is neither yes nor no is a problem of its row.
 */
static void take_choices(struct reader *rd, const struct form_question *q, GPtrArray *marks)
{
	GString *value = g_string_new(NULL);
	long first = 0;
	for (guint c = 0; c < q->list->choices->len; c++) {
		const struct form_choice *ch = g_ptr_array_index(q->list->choices, c);
		for (guint i = 0; i < marks->len; i++) {
			const struct mark *m = g_ptr_array_index(marks, i);
			if (strcmp(m->choice, ch->name) != 0)
				continue;
			const char *typed = cell(m->row, ANSWER_COL_ANSWER);
			int t = tick(typed);
			if (t < 0) {
				char *shown = msg_value(typed);
				char *where = answer_cell(rd, m->row->row);
				/*
				 * TRANSLATORS: a question's name, what was typed in the cell,
				 * then a choice's name; Yes and No are the words typed in the
				 * workbook, in English: keep them.
				 */
				msg_error_where(where, "%s: '%s' is neither Yes nor No for '%s'",
						form_question_key(q), shown, ch->name);
				g_free(where);
				g_free(shown);
				rd->out->problems++;
			}
			if (t > 0) {
				g_string_append_printf(value, "%s%s", value->len ? " " : "", ch->name);
				if (!first)
					first = m->row->row;
			}
			break;	/* a choice's first row counts */
		}
	}
	gpointer at = g_hash_table_lookup(rd->numbers, form_question_key(q));
	const struct workbook_row *shown = q->number ? g_hash_table_lookup(rd->by_number, q->number)
						     : NULL;
	long row = at ? (long)GPOINTER_TO_SIZE(at) : shown ? shown->row : first;
	add(rd->out, form_question_key(q), value->str, row);
	g_string_free(value, TRUE);
}

static void take_all_choices(struct reader *rd)
{
	for (size_t i = 0; i < form_n_questions(rd->form); i++) {
		const struct form_question *q = form_question_at(rd->form, i);
		GPtrArray *marks = g_hash_table_lookup(rd->choices, form_question_key(q));
		if (marks)
			take_choices(rd, q, marks);
	}
}

/* Indexes the rows of "Reply" by the number in column A and by row. */
static void index_reply(struct reader *rd)
{
	for (guint i = 0; i < rd->reply->rows->len; i++) {
		struct workbook_row *row = g_ptr_array_index(rd->reply->rows, i);
		char *number = g_strstrip(g_strdup(cell(row, ANSWER_COL_NUMBER)));
		if (*number && !g_hash_table_contains(rd->by_number, number))
			g_hash_table_insert(rd->by_number, number, row);
		else
			g_free(number);
		g_hash_table_insert(rd->by_row, GSIZE_TO_POINTER((gsize)row->row), row);
	}
}

/*
 * The row of the answer numbered NUMBER: the one showing that number,
 * else the row it was written in when that row's number was cleared.
 */
static const struct workbook_row *answer_row(struct reader *rd, const char *number, long written)
{
	const struct workbook_row *row = g_hash_table_lookup(rd->by_number, number);
	if (row)
		return row;
	row = g_hash_table_lookup(rd->by_row, GSIZE_TO_POINTER((gsize)written));
	return row && !*cell(row, ANSWER_COL_NUMBER) ? row : NULL;
}

/* With the hidden sheet */

static long number_cell(const struct workbook_row *row, guint col)
{
	return strtol(cell(row, col), NULL, 10);
}

static int check_form(struct reader *rd, const struct workbook_row *row)
{
	const char *id = cell(row, 1), *version = cell(row, 2);
	const char *form_version = rd->form->version ? rd->form->version : "";
	if (strcmp(id, rd->form->id) == 0 && strcmp(version, form_version) == 0)
		return 0;
	char *a = msg_value(id), *b = msg_value(version);
	/* TRANSLATORS: the form and version the workbook was made for, then the form's own. */
	msg_error_at(rd->path, 0, "an answer workbook of form '%s' version '%s', not of form "
		     "'%s' version '%s'", a, b, rd->form->id, form_version);
	g_free(a);
	g_free(b);
	return -1;
}

/* The label of the header row that holds the metadata NAME, or NULL. */
static const char *meta_label(const char *name)
{
	if (strcmp(name, "_submitted") == 0)
		return ANSWER_LABEL_SUBMITTED;
	if (strcmp(name, "_note") == 0)
		return ANSWER_LABEL_NOTE;
	return NULL;
}

/*
 * Takes the metadata NAME from column C of its row: the row labelled for
 * it (a delegate may have inserted rows above), else the row WRITTEN.
 */
static void take_meta(struct reader *rd, const char *name, long written)
{
	const char *label = meta_label(name);
	const struct workbook_row *row = NULL;
	for (guint i = 0; label && !row && i < rd->reply->rows->len; i++) {
		const struct workbook_row *r = g_ptr_array_index(rd->reply->rows, i);
		if (strcmp(cell(r, ANSWER_COL_QUESTION), label) == 0)
			row = r;
	}
	if (!row)
		row = g_hash_table_lookup(rd->by_row, GSIZE_TO_POINTER((gsize)written));
	if (!row)
		return;
	const char *typed = cell(row, ANSWER_COL_ANSWER);
	char *value = strcmp(name, "_note") == 0 ? g_strdup(typed) : g_strstrip(g_strdup(typed));
	add(rd->out, name, value, row->row);
	g_free(value);
}

/*
 * Takes the answer a row of the hidden sheet points to.  Rows that do not
 * fit the form -- an unknown question, a choice row of a question that is
 * not a select_multiple, a second row of a question, metadata other than
 * the header block's -- are passed over: the hidden sheet only finds
 * answers, and the form says what they are.
 */
static void take_mapped(struct reader *rd, const struct workbook_row *m, GHashTable *taken)
{
	const char *what = cell(m, 0);
	if (strcmp(what, "meta") == 0) {
		if (meta_label(cell(m, 1)) && !g_hash_table_contains(taken, cell(m, 1))) {
			g_hash_table_add(taken, (gpointer)cell(m, 1));
			take_meta(rd, cell(m, 1), number_cell(m, 2));
		}
		return;
	}
	bool is_choice = strcmp(what, "choice") == 0;
	if (!is_choice && strcmp(what, "question") != 0)
		return;
	const struct form_question *q = form_question(rd->form, cell(m, 2));
	if (!q || is_choice != (q->kind == FORM_SELECT_MULTIPLE) ||
	    (!is_choice && g_hash_table_contains(taken, form_question_key(q))))
		return;
	if (!is_choice)
		g_hash_table_add(taken, (gpointer)form_question_key(q));
	const struct workbook_row *row = answer_row(rd, cell(m, 1),
						    number_cell(m, is_choice ? 4 : 3));
	if (row && is_choice && q->list && form_choice(q->list, cell(m, 3)))
		note_choice(rd, q, form_choice(q->list, cell(m, 3))->name, row);
	else if (row && !is_choice)
		take_answer(rd, q, row);
}

static int read_mapped(struct reader *rd)
{
	const GPtrArray *rows = rd->map->rows;
	for (guint i = 0; i < rows->len; i++) {
		const struct workbook_row *m = g_ptr_array_index(rows, i);
		const char *what = cell(m, 0);
		if (strcmp(what, "form") == 0 && check_form(rd, m) < 0)
			return -1;
		if (strcmp(what, "respondent") == 0)
			rd->out->respondent = g_strdup(cell(m, 1));
		if (strcmp(what, "label") == 0) {
			const struct form_list *list = form_list(rd->form, cell(m, 1));
			const struct form_choice *ch = list ? form_choice(list, cell(m, 2)) : NULL;
			for (guint c = 3; ch && c < m->n_cells; c++)
				add_label(rd, list->name, cell(m, c), ch->name);
		}
	}
	labels_from_form(rd);
	GHashTable *taken = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < rows->len; i++)
		take_mapped(rd, g_ptr_array_index(rows, i), taken);
	g_hash_table_destroy(taken);
	return 0;
}

/* Without it: by numbers and labels */

/* The question whose number is NUMBER, or whose label in any language is LABEL. */
static const struct form_question *find_question(struct reader *rd, const char *number,
						 const char *label)
{
	char *want = folded(label);
	const struct form_question *found = NULL;
	for (size_t i = 0; !found && i < form_n_questions(rd->form); i++) {
		const struct form_question *q = form_question_at(rd->form, i);
		if (*number && q->number && strcmp(q->number, number) == 0)
			found = q;
		for (guint l = 0; !found && !*number && l < rd->form->languages->len; l++) {
			char *shown = answer_label(rd->form, q, (int)l);
			char *f = folded(shown);
			g_free(shown);
			if (strcmp(f, want) == 0 && form_kind_has_value(q->kind))
				found = q;
			g_free(f);
		}
	}
	g_free(want);
	return found;
}

/* "2.4 c": choice c of the select_multiple numbered 2.4. */
static bool take_lettered(struct reader *rd, const char *number, const struct workbook_row *row)
{
	const char *space = strrchr(number, ' ');
	if (!space)
		return false;
	char *base = g_strndup(number, (gsize)(space - number));
	const struct form_question *q = find_question(rd, base, "");
	g_free(base);
	if (!q || q->kind != FORM_SELECT_MULTIPLE) {
		if (q && strcmp(space + 1, "other") == 0 && q->index + 1 < (int)form_n_questions(rd->form)) {
			const struct form_question *other = form_question_at(rd->form, (size_t)q->index + 1);
			if (other->generated) {
				take_answer(rd, other, row);
				return true;
			}
		}
		return false;
	}
	long index = 0;
	for (const char *p = space + 1; *p; p++) {
		if (*p < 'a' || *p > 'z')
			return false;
		index = index * 26 + (*p - 'a' + 1);
	}
	if (index < 1 || index > (long)q->list->choices->len)
		return false;
	const struct form_choice *ch = g_ptr_array_index(q->list->choices, index - 1);
	note_choice(rd, q, ch->name, row);
	return true;
}

static void take_unmapped_row(struct reader *rd, const struct workbook_row *row)
{
	char *number = g_strstrip(g_strdup(cell(row, ANSWER_COL_NUMBER)));
	const char *label = cell(row, ANSWER_COL_QUESTION);
	if (!*number && strcmp(label, meta_label("_submitted")) == 0)
		take_meta(rd, "_submitted", row->row);
	else if (!*number && strcmp(label, meta_label("_note")) == 0)
		take_meta(rd, "_note", row->row);
	else if (!take_lettered(rd, number, row)) {
		const struct form_question *q = find_question(rd, number, label);
		if (q && q->kind == FORM_SELECT_MULTIPLE)
			g_hash_table_insert(rd->numbers, (gpointer)form_question_key(q),
					    GSIZE_TO_POINTER((gsize)row->row));
		else if (q && (*number || *label))
			take_answer(rd, q, row);
	}
	g_free(number);
}

/* "Kingdom of Kestria (XKE)" or "XKE": the code in the State row. */
static char *state_code(const char *text)
{
	const char *open = strrchr(text, '(');
	const char *close = open ? strchr(open, ')') : NULL;
	if (close)
		return g_strndup(open + 1, (gsize)(close - open - 1));
	return g_strstrip(g_strdup(text));
}

/* Without the hidden sheet, the header block says which form the workbook is of. */
static int check_form_line(struct reader *rd)
{
	char *want = answer_form_line(rd->form);
	int rc = 0;
	for (guint i = 0; i < rd->reply->rows->len; i++) {
		const struct workbook_row *row = g_ptr_array_index(rd->reply->rows, i);
		const char *got = cell(row, ANSWER_COL_ANSWER);
		if (strcmp(cell(row, ANSWER_COL_QUESTION), ANSWER_LABEL_FORM) != 0 ||
		    strcmp(got, want) == 0)
			continue;
		char *shown = msg_value(got);
		char *where = answer_cell(rd, row->row);
		/*
		 * TRANSLATORS: the form the workbook says it is of, then the form's own,
		 * each its identifier and version: "fisheries-2019, version 2".
		 */
		rc = msg_error_where(where, "an answer workbook of '%s', not of '%s'", shown, want);
		g_free(where);
		g_free(shown);
		break;
	}
	g_free(want);
	return rc;
}

static int read_unmapped(struct reader *rd)
{
	msg_warn_at(rd->path, 0, "the hidden sheet '%s' was deleted: answers are read by the "
		    "numbers and labels of the questions", ANSWER_MAP);
	if (check_form_line(rd) < 0)
		return -1;
	labels_from_form(rd);
	bool below = false;
	for (guint i = 0; i < rd->reply->rows->len; i++) {
		const struct workbook_row *row = g_ptr_array_index(rd->reply->rows, i);
		if (strcmp(cell(row, ANSWER_COL_QUESTION), ANSWER_LABEL_STATE) == 0 && !rd->out->respondent)
			rd->out->respondent = state_code(cell(row, ANSWER_COL_ANSWER));
		if (below || strcmp(cell(row, ANSWER_COL_QUESTION), meta_label("_submitted")) == 0 ||
		    strcmp(cell(row, ANSWER_COL_QUESTION), meta_label("_note")) == 0)
			take_unmapped_row(rd, row);
		if (strcmp(cell(row, ANSWER_COL_NUMBER), ANSWER_HEADING_NUMBER) == 0)
			below = true;
	}
	return 0;
}

/* Whether SHEET has the heading row of the questions ("No.", ..., "Your answer"). */
static bool has_heading(const struct workbook_sheet *sheet)
{
	for (guint i = 0; sheet && i < sheet->rows->len; i++) {
		const struct workbook_row *row = g_ptr_array_index(sheet->rows, i);
		if (strcmp(cell(row, ANSWER_COL_NUMBER), ANSWER_HEADING_NUMBER) == 0 &&
		    strcmp(cell(row, ANSWER_COL_ANSWER), ANSWER_HEADING_ANSWER) == 0)
			return true;
	}
	return false;
}

static void reader_init(struct reader *rd, const struct form *form, const char *path,
			struct answer_rows *out)
{
	rd->form = form;
	rd->path = path;
	rd->out = out;
	rd->by_number = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	rd->by_row = g_hash_table_new(g_direct_hash, g_direct_equal);
	rd->labels = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	rd->choices = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
					    (GDestroyNotify)g_ptr_array_unref);
	rd->numbers = g_hash_table_new(g_str_hash, g_str_equal);
	memset(out, 0, sizeof *out);
	out->names = g_ptr_array_new_with_free_func(g_free);
	out->values = g_ptr_array_new_with_free_func(g_free);
	out->rows = g_array_new(FALSE, FALSE, sizeof(long));
	out->file = g_strdup(path);
	out->sheet = g_strdup(rd->reply->name);
	out->column = ANSWER_COL_ANSWER;
}

static void reader_release(struct reader *rd)
{
	g_hash_table_destroy(rd->by_number);
	g_hash_table_destroy(rd->by_row);
	g_hash_table_destroy(rd->labels);
	g_hash_table_destroy(rd->choices);
	g_hash_table_destroy(rd->numbers);
}

/*
 * The sheets of an answer workbook at PATH, or NULL when it is none (or
 * cannot be read: the caller reads it as any reply workbook, and says why).
 */
static struct workbook *open_answers(const char *path, const struct workbook_sheet **reply,
				     const struct workbook_sheet **map)
{
	static const char *const only[] = { "reply", ANSWER_MAP, NULL };
	if (!workbook_is_workbook(path))
		return NULL;
	GError *err = NULL;
	struct workbook *wb = workbook_read(path, only, &err);
	if (!wb) {
		g_error_free(err);
		return NULL;
	}
	*reply = find_sheet(wb, ANSWER_SHEET);
	*map = find_sheet(wb, ANSWER_MAP);
	if (!*reply || (!*map && !has_heading(*reply))) {
		workbook_free(wb);
		return NULL;
	}
	return wb;
}

bool answer_is_answer_workbook(const char *path)
{
	const struct workbook_sheet *reply, *map;
	struct workbook *wb = open_answers(path, &reply, &map);
	workbook_free(wb);
	return wb != NULL;
}

int answer_read(const struct form *form, const char *path, struct answer_rows *out)
{
	struct reader rd = { 0 };
	struct workbook *wb = open_answers(path, &rd.reply, &rd.map);
	if (!wb)
		return 0;
	reader_init(&rd, form, path, out);
	index_reply(&rd);
	int rc = 1;
	if (rd.map)
		rc = read_mapped(&rd) < 0 ? -1 : 1;
	else
		rc = read_unmapped(&rd) < 0 ? -1 : 1;
	if (rc > 0)
		take_all_choices(&rd);
	out->form_version = g_strdup(form->version);
	reader_release(&rd);
	workbook_free(wb);
	if (rc < 0)
		answer_rows_free(out);
	return rc;
}
