/* answer-write.c - the answer workbook of one State, written with libxlsxwriter */
#include <config.h>

#include "answer.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "answer-int.h"
#include "expr.h"
#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "msg.h"
#include "phrase.h"
#include "response.h"
#include "workbook.h"

/* Rows of the header block (0-based), and the first row of the questions. */
enum {
	ROW_TITLE,
	ROW_STATE,
	ROW_FORM,
	ROW_DEADLINE,
	ROW_SUBMITTED,
	ROW_NOTE,
	ROW_HEADING = 7,
	ROW_FIRST,
};

/* What Excel takes: a cell's text, a validation's title and message. */
#define CELL_MAX ANSWER_CELL_MAX
#define TITLE_MAX 32
#define MESSAGE_MAX 255

struct writer {
	const struct form *form;
	const struct answer_options *opt;
	lxw_workbook *book;
	lxw_worksheet *reply, *map;
	struct answer_cells cells;
	long *label_row;	/* [n_lists]: first row of each list's labels in the map */
	long *offer_row;	/* [n_questions]: first row of a filtered select_one's offer, or -1 */
	long *offer_count;	/* [n_questions]: how many choices it offers */
	long map_row;
	lxw_format *title, *bold, *heading, *text, *part, *answer, *typed, *date, *grey,
		*locked_note;
	GPtrArray *scratch;	/* strings handed to libxlsxwriter, freed at the end */
};

/* S cut to at most MAX characters, ending in "..." when cut.  Owned by W. */
static const char *clip(struct writer *w, const char *s, glong max)
{
	if (g_utf8_strlen(s, -1) <= max)
		return s;
	const char *end = g_utf8_offset_to_pointer(s, max - 3);
	char *cut = g_strdup_printf("%.*s...", (int)(end - s), s);
	g_ptr_array_add(w->scratch, cut);
	return cut;
}

static const char *keep(struct writer *w, char *s)
{
	g_ptr_array_add(w->scratch, s);
	return s;
}

static void put(struct writer *w, lxw_worksheet *ws, long row, int col, const char *s,
		lxw_format *f)
{
	if (s && *s)
		worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, clip(w, s, CELL_MAX), f);
	else if (f)
		worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, f);
}

static void make_formats(struct writer *w)
{
	lxw_workbook *b = w->book;
	w->title = workbook_add_format(b);
	format_set_bold(w->title);
	format_set_font_size(w->title, 14);
	w->bold = workbook_add_format(b);
	format_set_bold(w->bold);
	format_set_align(w->bold, LXW_ALIGN_VERTICAL_TOP);
	w->heading = workbook_add_format(b);
	format_set_bold(w->heading);
	format_set_bg_color(w->heading, 0xDDEBF7);
	format_set_border(w->heading, LXW_BORDER_THIN);
	w->part = workbook_add_format(b);
	format_set_bold(w->part);
	format_set_text_wrap(w->part);
	w->text = workbook_add_format(b);
	format_set_text_wrap(w->text);
	format_set_align(w->text, LXW_ALIGN_VERTICAL_TOP);
	w->locked_note = workbook_add_format(b);
	format_set_text_wrap(w->locked_note);
	format_set_italic(w->locked_note);
	format_set_align(w->locked_note, LXW_ALIGN_VERTICAL_TOP);
	w->answer = workbook_add_format(b);
	format_set_unlocked(w->answer);
	format_set_text_wrap(w->answer);
	format_set_align(w->answer, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(w->answer, LXW_BORDER_THIN);
	format_set_bg_color(w->answer, 0xFFFFE0);
	/* Text as typed: a spreadsheet would make "1/2" a date and "00123" a number. */
	w->typed = workbook_add_format(b);
	format_set_unlocked(w->typed);
	format_set_text_wrap(w->typed);
	format_set_align(w->typed, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(w->typed, LXW_BORDER_THIN);
	format_set_bg_color(w->typed, 0xFFFFE0);
	format_set_num_format_index(w->typed, 49);	/* "@", text */
	w->date = workbook_add_format(b);
	format_set_unlocked(w->date);
	format_set_num_format(w->date, "yyyy-mm-dd");
	format_set_align(w->date, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(w->date, LXW_BORDER_THIN);
	format_set_bg_color(w->date, 0xFFFFE0);
	w->grey = workbook_add_format(b);
	format_set_bg_color(w->grey, 0xD9D9D9);
	format_set_font_color(w->grey, 0x808080);
}

/* Layout */

/* Whether the workbook asks Q: the questions the CSV answer sheet asks. */
static bool is_asked(const struct form_question *q)
{
	return (q->number || q->generated) && form_kind_has_value(q->kind) &&
	       q->kind != FORM_CALCULATE;
}

/* "a", "b", ..., "z", "aa", ...: the letter of a select_multiple's choice I. */
static char *choice_letter(int i)
{
	char buf[8];
	int n = 0;
	char rev[8];
	do {
		rev[n++] = (char)('a' + i % 26);
		i = i / 26 - 1;
	} while (i >= 0 && n < 7);
	for (int k = 0; k < n; k++)
		buf[k] = rev[n - 1 - k];
	buf[n] = '\0';
	return g_strdup(buf);
}

/*
 * The number column A shows for Q: its number, or for the "other" text
 * of an or_other select, the select's number and "other" (in English:
 * answer-read.c reads it back).
 */
static char *shown_number(const struct form *form, const struct form_question *q)
{
	if (q->number)
		return g_strdup(q->number);
	for (int i = q->index - 1; i >= 0; i--) {
		const struct form_question *p = form_question_at(form, (size_t)i);
		if (p->number)
			return g_strdup_printf("%s other", p->number);
	}
	return g_strdup(form_question_key(q));
}

/* Gives every asked question its row, with a row before each part for its heading. */
static void lay_out(struct writer *w)
{
	const struct form *form = w->form;
	size_t n = form_n_questions(form);
	w->cells.form = form;
	w->cells.lang = w->opt->lang;
	w->cells.row = g_new(long, n);
	w->cells.choice_row = g_new0(long *, n);
	long row = ROW_FIRST;
	const struct form_part *part = NULL;
	for (size_t i = 0; i < n; i++) {
		const struct form_question *q = form_question_at(form, i);
		w->cells.row[i] = -1;
		if (!is_asked(q))
			continue;
		if (q->part != part && q->part && q->part->group)
			row++;
		part = q->part;
		w->cells.row[i] = row++;
		if (q->kind != FORM_SELECT_MULTIPLE)
			continue;
		w->cells.choice_row[i] = g_new(long, q->list->choices->len);
		for (guint c = 0; c < q->list->choices->len; c++)
			w->cells.choice_row[i][c] = row++;
	}
}

/* The hidden map */

static void map_row(struct writer *w, const char *const *cells, int n)
{
	for (int i = 0; i < n; i++)
		put(w, w->map, w->map_row, i, cells[i], NULL);
	w->map_row++;
}

static void map_number(struct writer *w, int col, long value)
{
	worksheet_write_number(w->map, (lxw_row_t)(w->map_row - 1), (lxw_col_t)col,
			       (double)value, NULL);
}

static void write_map_head(struct writer *w)
{
	const struct form *form = w->form;
	const char *magic[] = { ANSWER_MAGIC, "1" };
	map_row(w, magic, 2);
	const char *id[] = { "form", form->id, form->version };
	map_row(w, id, 3);
	const char *code[] = { "respondent", w->opt->code };
	map_row(w, code, 2);
	put(w, w->map, w->map_row, 0, "languages", NULL);
	for (guint l = 0; l < form->languages->len; l++) {
		const char *lang = g_ptr_array_index(form->languages, l);
		put(w, w->map, w->map_row, 1 + (int)l, *lang ? lang : "(default)", NULL);
	}
	w->map_row++;
	const char *submitted[] = { "meta", "_submitted" };
	map_row(w, submitted, 2);
	map_number(w, 2, ROW_SUBMITTED + 1);
	const char *note[] = { "meta", "_note" };
	map_row(w, note, 2);
	map_number(w, 2, ROW_NOTE + 1);
}

/* Every choice of every list with its label in each language, for reading them back. */
static void write_map_labels(struct writer *w)
{
	const struct form *form = w->form;
	w->label_row = g_new(long, form->lists->len);
	for (guint l = 0; l < form->lists->len; l++) {
		const struct form_list *list = g_ptr_array_index(form->lists, l);
		w->label_row[l] = w->map_row;
		for (guint c = 0; c < list->choices->len; c++) {
			const struct form_choice *ch = g_ptr_array_index(list->choices, c);
			put(w, w->map, w->map_row, 0, "label", NULL);
			put(w, w->map, w->map_row, 1, list->name, NULL);
			put(w, w->map, w->map_row, 2, ch->name, NULL);
			for (guint lang = 0; lang < form->languages->len; lang++) {
				char *label = answer_choice_label(form, ch, (int)lang);
				put(w, w->map, w->map_row, 3 + (int)lang, label, NULL);
				g_free(label);
			}
			w->map_row++;
		}
	}
}

static void note_ref(int ref, void *data)
{
	(void)ref;
	*(bool *)data = true;
}

/*
 * The choices a select_one offers every State, when its choice_filter
 * reads no answer: "offer" rows of the map, KEY NAME LABEL0 LABEL1 ...,
 * which its drop-down lists instead of the whole list.  A filter that
 * reads answers offers different choices to different replies: the
 * drop-down lists them all, and the validator judges the answer.
 */
static void write_map_offers(struct writer *w)
{
	const struct form *form = w->form;
	size_t n = form_n_questions(form);
	w->offer_row = g_new(long, n);
	w->offer_count = g_new0(long, n);
	struct resp_eval *ev = resp_eval_new(form);
	char **none = g_new0(char *, n + 1);
	resp_eval_run(ev, none);
	for (size_t i = 0; i < n; i++) {
		const struct form_question *q = form_question_at(form, i);
		bool reads = false;
		w->offer_row[i] = -1;
		if (q->kind != FORM_SELECT_ONE || !q->filter || w->cells.row[i] < 0)
			continue;
		expr_foreach_ref(q->filter, note_ref, &reads);
		if (reads)
			continue;
		w->offer_row[i] = w->map_row;
		for (guint c = 0; c < q->list->choices->len; c++) {
			const struct form_choice *ch = g_ptr_array_index(q->list->choices, c);
			if (!resp_eval_offered(ev, q, ch))
				continue;
			put(w, w->map, w->map_row, 0, "offer", NULL);
			put(w, w->map, w->map_row, 1, form_question_key(q), NULL);
			put(w, w->map, w->map_row, 2, ch->name, NULL);
			for (guint lang = 0; lang < form->languages->len; lang++) {
				char *label = answer_choice_label(form, ch, (int)lang);
				put(w, w->map, w->map_row, 3 + (int)lang, label, NULL);
				g_free(label);
			}
			w->map_row++;
			w->offer_count[i]++;
		}
	}
	g_free(none);
	resp_eval_free(ev);
}

/* The Reply sheet */

/* When Q applies, in words, or NULL when it is always asked. */
static char *applies_text(const struct form *form, const struct form_question *q, int lang)
{
	bool said = true;
	char *phrase = phrase_applies(form, q, lang, &said);
	if (!phrase)
		return NULL;
	/*
	 * TRANSLATORS: the answer workbook's column "When it applies": %s says
	 * when, "you answered “Yes” to 1.1", "your answer to 2.1 is 18 or more".
	 */
	char *text = g_strdup_printf(_("Answer only if %s"), phrase);
	g_free(phrase);
	return text;
}

static lxw_datetime to_datetime(double day)
{
	int y, m, d;
	isodate_split((int)day, &y, &m, &d);
	lxw_datetime t = { y, m, d, 0, 0, 0 };
	return t;
}

/* The widest a number can be and stay exact in a spreadsheet: 2^53. */
#define EXACT_MAX 9007199254740992.0

/* A date bound as an Excel formula: "TODAY()" or "DATE(2019,6,30)". */
static char *date_formula(double day, bool today)
{
	if (today)
		return g_strdup("TODAY()");
	int y, m, d;
	isodate_split((int)day, &y, &m, &d);
	return g_strdup_printf("DATE(%d,%d,%d)", y, m, d);
}

/*
 * The criterion of bounds B, in V: between, more than, less than.  An
 * open side is the widest a spreadsheet takes: from 1900-01-01 to
 * 9999-12-31 for dates, within 2^53 for numbers.  A date bound of today()
 * makes every date bound a formula, "TODAY()", checked on the day the
 * delegate types the answer.
 */
static void set_criteria(struct writer *w, lxw_data_validation *v, const struct form_question *q,
			 const struct form_bounds *b)
{
	bool date = q->kind == FORM_DATE;
	double lo = b->has_min ? b->min : date ? isodate_from_ymd(1900, 1, 1) : -EXACT_MAX;
	double hi = b->has_max ? b->max : date ? isodate_from_ymd(9999, 12, 31) : EXACT_MAX;
	bool formulas = date && (b->min_today || b->max_today);
	if (formulas)
		v->validate = LXW_VALIDATION_TYPE_DATE_FORMULA;
	if (b->has_min && b->min_strict && !b->has_max) {
		v->criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN;
		v->value_number = lo;
		v->value_datetime = to_datetime(lo);
		if (formulas)
			v->value_formula = (char *)keep(w, date_formula(lo, b->min_today));
		return;
	}
	if (b->has_max && b->max_strict && !b->has_min) {
		v->criteria = LXW_VALIDATION_CRITERIA_LESS_THAN;
		v->value_number = hi;
		v->value_datetime = to_datetime(hi);
		if (formulas)
			v->value_formula = (char *)keep(w, date_formula(hi, b->max_today));
		return;
	}
	v->criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	v->minimum_number = lo;
	v->maximum_number = hi;
	v->minimum_datetime = to_datetime(lo);
	v->maximum_datetime = to_datetime(hi);
	if (formulas) {
		v->minimum_formula = (char *)keep(w, date_formula(lo, b->min_today));
		v->maximum_formula = (char *)keep(w, date_formula(hi, b->max_today));
	}
}

/* "=quire!$D$12:$D$15": the labels of Q's list in the chosen language, in the map. */
static const char *list_range(struct writer *w, const struct form_question *q)
{
	char col[8];
	workbook_column_name(3 + (guint)w->opt->lang, col);
	long first = w->label_row[q->list->index] + 1;
	long last = first + (long)q->list->choices->len - 1;
	if (w->offer_row[q->index] >= 0 && w->offer_count[q->index] > 0) {
		first = w->offer_row[q->index] + 1;
		last = first + w->offer_count[q->index] - 1;
	}
	return keep(w, g_strdup_printf("=%s!$%s$%ld:$%s$%ld", ANSWER_MAP, col, first, col, last));
}

static void validate(struct writer *w, const struct form_question *q, long row,
		     const struct form_bounds *b, const char *how)
{
	lxw_data_validation v = { 0 };
	switch (q->kind) {
	case FORM_SELECT_ONE:
		v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
		v.value_formula = (char *)list_range(w, q);
		break;
	case FORM_INTEGER:
		v.validate = LXW_VALIDATION_TYPE_INTEGER;
		set_criteria(w, &v, q, b);
		break;
	case FORM_DECIMAL:
	case FORM_RANGE:
		v.validate = LXW_VALIDATION_TYPE_DECIMAL;
		set_criteria(w, &v, q, b);
		break;
	case FORM_DATE:
		v.validate = LXW_VALIDATION_TYPE_DATE;
		set_criteria(w, &v, q, b);
		break;
	case FORM_TEXT:
		v.validate = LXW_VALIDATION_TYPE_LENGTH;
		v.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
		v.value_number = (double)answer_rule_max_length(b);
		break;
	default:
		v.validate = LXW_VALIDATION_TYPE_ANY;
		break;
	}
	const struct form *form = w->form;
	char *label = answer_label(form, q, w->opt->lang);
	char *title = g_strdup_printf("%s %s", q->number ? q->number : "", label);
	g_free(label);
	v.input_title = (char *)clip(w, keep(w, g_strdup(g_strstrip(title))), TITLE_MAX);
	g_free(title);
	if (*how)
		v.input_message = (char *)clip(w, how, MESSAGE_MAX);
	/* TRANSLATORS: the title of the message an invalid answer in a workbook's cell gets. */
	const char *invalid = _("Not a valid answer");
	v.error_title = (char *)invalid;
	bool said = true;
	char *rule = phrase_constraint(form, q, w->opt->lang, &said);
	char *expected = NULL;
	if (rule && !form_text(form, q->constraint_message, w->opt->lang)) {
		/*
		 * TRANSLATORS: the message an invalid answer gets: %s says what the
		 * answer must be, "a whole number from 1990 to 2019", "at most 3
		 * choices".
		 */
		expected = g_strdup_printf(_("Expected %s"), rule);
	}
	const char *message = expected ? expected : rule;
	long most = answer_rule_max_length(b);
	char *limit = NULL;
	if (q->kind == FORM_TEXT) {
		/*
		 * TRANSLATORS: the message a text answer too long gets: %ld is a
		 * number.  The English says "characters" whatever the number.
		 */
		limit = g_strdup_printf(P_("At most %ld characters", "At most %ld characters",
					   (unsigned long)most), most);
	}
	if (!message)
		message = limit ? limit : *how ? how : invalid;
	v.error_message = (char *)clip(w, message, MESSAGE_MAX);
	worksheet_data_validation_cell(w->reply, (lxw_row_t)row, ANSWER_COL_ANSWER, &v);
	g_free(limit);
	g_free(expected);
	g_free(rule);
}

static void validate_tick(struct writer *w, long row)
{
	/* the answers of a choice's cell, in English: answer-read.c and the grey fill read them */
	static const char *yes_no[] = { "Yes", "No", NULL };
	lxw_data_validation v = { 0 };
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = (char **)yes_no;
	/*
	 * TRANSLATORS: the input message of a choice's cell: the %s are "Yes"
	 * and "No", the answers the cell takes, which stay in English.
	 */
	v.input_message = (char *)keep(w, g_strdup_printf(_("%s or %s"), "Yes", "No"));
	v.error_title = (char *)_("Not a valid answer");
	/*
	 * TRANSLATORS: the message an invalid answer in a choice's cell gets:
	 * the %s are "Yes" and "No", the answers the cell takes, in English.
	 */
	v.error_message = (char *)keep(w, g_strdup_printf(_("Answer %s or %s"), "Yes", "No"));
	worksheet_data_validation_cell(w->reply, (lxw_row_t)row, ANSWER_COL_ANSWER, &v);
}

/* The grey "not applicable" fill of rows FIRST to LAST, when Q's skip logic is a formula. */
static void grey_when_skipped(struct writer *w, const struct form_question *q, long first,
			      long last)
{
	char *skip = answer_rule_skip_formula(&w->cells, q);
	if (!skip)
		return;
	lxw_conditional_format cf = { 0 };
	cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
	cf.value_string = (char *)keep(w, g_strconcat("=", skip, NULL));
	cf.format = w->grey;
	worksheet_conditional_format_range(w->reply, (lxw_row_t)first, ANSWER_COL_NUMBER,
					   (lxw_row_t)last, ANSWER_COL_ANSWER, &cf);
	g_free(skip);
}

static void write_choices(struct writer *w, const struct form_question *q, const char *number)
{
	for (guint c = 0; c < q->list->choices->len; c++) {
		const struct form_choice *ch = g_ptr_array_index(q->list->choices, c);
		long row = w->cells.choice_row[q->index][c];
		char *letter = choice_letter((int)c);
		char *shown = g_strdup_printf("%s %s", number, letter);
		put(w, w->reply, row, ANSWER_COL_NUMBER, shown, w->text);
		char *label = answer_choice_label(w->form, ch, w->opt->lang);
		put(w, w->reply, row, ANSWER_COL_QUESTION, label, w->text);
		g_free(label);
		put(w, w->reply, row, ANSWER_COL_ANSWER, NULL, w->answer);
		validate_tick(w, row);
		const char *cells[] = { "choice", shown, form_question_key(q), ch->name };
		map_row(w, cells, 4);
		map_number(w, 4, row + 1);
		g_free(shown);
		g_free(letter);
	}
}

/* The answer cell's format: a date, a number or a choice as the spreadsheet has them, else text. */
static lxw_format *answer_format(const struct writer *w, const struct form_question *q)
{
	switch (q->kind) {
	case FORM_DATE:
		return w->date;
	case FORM_SELECT_ONE:
	case FORM_INTEGER:
	case FORM_DECIMAL:
	case FORM_RANGE:
		return w->answer;
	default:
		return w->typed;
	}
}

static void write_question(struct writer *w, const struct form_question *q)
{
	const struct form *form = w->form;
	int lang = w->opt->lang;
	long row = w->cells.row[q->index];
	char *number = shown_number(form, q);
	put(w, w->reply, row, ANSWER_COL_NUMBER, number, w->bold);
	char *label = answer_label(form, q, lang);
	put(w, w->reply, row, ANSWER_COL_QUESTION, label, w->text);
	g_free(label);
	struct form_bounds b;
	form_question_bounds(q, &b);
	form_bounds_inclusive(q, &b);
	char *how = answer_rule_how(q, &b, form_question_unit(form, q, lang));
	const char *hint = form_text(form, q->hint, lang);
	char *shown_how = hint ? g_strdup_printf("%s%s%s", hint, *how ? "\n" : "", how)
			       : g_strdup(how);
	put(w, w->reply, row, ANSWER_COL_HOW, shown_how, w->locked_note);
	char *applies = applies_text(form, q, lang);
	put(w, w->reply, row, ANSWER_COL_APPLIES, applies, w->locked_note);
	long last = row;
	if (q->kind == FORM_SELECT_MULTIPLE) {
		put(w, w->reply, row, ANSWER_COL_ANSWER, NULL, NULL);
		write_choices(w, q, number);
		last = row + (long)q->list->choices->len;
	} else {
		put(w, w->reply, row, ANSWER_COL_ANSWER, NULL, answer_format(w, q));
		validate(w, q, row, &b, shown_how);
		const char *cells[] = { "question", number, form_question_key(q), NULL,
					form_kind_name(q->kind), q->list ? q->list->name : NULL };
		map_row(w, cells, 6);
		map_number(w, 3, row + 1);
	}
	grey_when_skipped(w, q, row, last);
	g_free(applies);
	g_free(shown_how);
	g_free(how);
	g_free(number);
}

static void write_part_heading(struct writer *w, const struct form_question *q)
{
	const struct form_group *g = q->part->group;
	char number[16];
	g_snprintf(number, sizeof number, "%d", q->part->number);
	long row = w->cells.row[q->index] - 1;
	put(w, w->reply, row, ANSWER_COL_NUMBER, number, w->part);
	put(w, w->reply, row, ANSWER_COL_QUESTION, form_group_label(w->form, g, w->opt->lang),
	    w->part);
}

char *answer_form_line(const struct form *form)
{
	/* in English: answer-read.c compares it with the filled workbook's */
	return form->version ? g_strdup_printf("%s, version %s", form->id, form->version)
			     : g_strdup(form->id);
}

static void write_header(struct writer *w)
{
	const struct form *form = w->form;
	lxw_worksheet *ws = w->reply;
	put(w, ws, ROW_TITLE, 0, form_title(form, w->opt->lang), w->title);
	put(w, ws, ROW_STATE, ANSWER_COL_QUESTION, ANSWER_LABEL_STATE, w->bold);
	char *state = w->opt->name ? g_strdup_printf("%s (%s)", w->opt->name, w->opt->code)
				   : g_strdup(w->opt->code);
	put(w, ws, ROW_STATE, ANSWER_COL_ANSWER, state, w->bold);
	g_free(state);
	put(w, ws, ROW_FORM, ANSWER_COL_QUESTION, ANSWER_LABEL_FORM, w->bold);
	char *id = answer_form_line(form);
	put(w, ws, ROW_FORM, ANSWER_COL_ANSWER, id, NULL);
	g_free(id);
	const char *deadline = w->opt->deadline ? w->opt->deadline
			       : g_hash_table_lookup(form->settings, "deadline");
	if (deadline && *deadline) {	/* no deadline: no line asking for a date not set */
		/* TRANSLATORS: a label in the answer workbook, beside the deadline. */
		put(w, ws, ROW_DEADLINE, ANSWER_COL_QUESTION, _("Please reply by"), w->bold);
		put(w, ws, ROW_DEADLINE, ANSWER_COL_ANSWER, deadline, NULL);
	}
	put(w, ws, ROW_SUBMITTED, ANSWER_COL_QUESTION, ANSWER_LABEL_SUBMITTED, w->bold);
	put(w, ws, ROW_SUBMITTED, ANSWER_COL_ANSWER, NULL, w->date);
	struct form_question date = { .kind = FORM_DATE };
	struct form_bounds none = { 0 };
	lxw_data_validation v = { 0 };
	v.validate = LXW_VALIDATION_TYPE_DATE;
	set_criteria(w, &v, &date, &none);
	v.input_message = (char *)_("The date of your reply, YYYY-MM-DD");
	v.error_title = (char *)_("Not a date");
	v.error_message = (char *)_("Enter a date, YYYY-MM-DD");
	worksheet_data_validation_cell(ws, ROW_SUBMITTED, ANSWER_COL_ANSWER, &v);
	put(w, ws, ROW_NOTE, ANSWER_COL_QUESTION, ANSWER_LABEL_NOTE, w->bold);
	put(w, ws, ROW_NOTE, ANSWER_COL_ANSWER, NULL, w->typed);
	/* the labels above and the headings of the number and the answer are read back */
	const char *const heading[] = {
		ANSWER_HEADING_NUMBER,
		/* TRANSLATORS: a column's heading in the answer workbook. */
		_("Question"),
		ANSWER_HEADING_ANSWER,
		/* TRANSLATORS: a column's heading in the answer workbook. */
		_("When it applies"),
		/* TRANSLATORS: a column's heading in the answer workbook. */
		_("How to answer"),
	};
	for (int c = 0; c < 5; c++)
		put(w, ws, ROW_HEADING, c, heading[c], w->heading);
}

static void write_reply(struct writer *w)
{
	lxw_worksheet *ws = w->reply;
	worksheet_set_column(ws, 0, 0, 9, NULL);
	worksheet_set_column(ws, 1, 1, 60, NULL);
	worksheet_set_column(ws, 2, 2, 34, NULL);
	worksheet_set_column(ws, 3, 3, 34, NULL);
	worksheet_set_column(ws, 4, 4, 40, NULL);
	worksheet_freeze_panes(ws, ROW_FIRST, 0);
	write_header(w);
	const struct form_part *part = NULL;
	for (size_t i = 0; i < form_n_questions(w->form); i++) {
		const struct form_question *q = form_question_at(w->form, i);
		if (w->cells.row[i] < 0)
			continue;
		if (q->part != part && q->part && q->part->group)
			write_part_heading(w, q);
		part = q->part;
		write_question(w, q);
	}
	lxw_protection protection = { 0 };
	protection.format_columns = 1;
	protection.format_rows = 1;
	worksheet_protect(ws, NULL, &protection);
}

/*
 * The sheet that says how to fill in the workbook.  It names the sheet
 * "Reply" and the headings of the number and the answer as they are,
 * in English: quire finds them by those names.
 */
static void write_instructions(struct writer *w, lxw_worksheet *ws)
{
	const char *const lines[] = {
		_("How to fill in this answer workbook"),
		"",
		/*
		 * TRANSLATORS: the first %s is the name of a sheet, "Reply", the
		 * second the heading of a column, "Your answer": both stay in English.
		 */
		keep(w, g_strdup_printf(_("1. Answer on the sheet \"%s\", in the yellow cells of "
					  "the column \"%s\". Other cells are protected (without "
					  "a password) so that the questionnaire stays as it was "
					  "sent."), ANSWER_SHEET, ANSWER_HEADING_ANSWER)),
		/*
		 * TRANSLATORS: the %s are "Yes" and "No", the answers a choice's
		 * cell takes, which stay in English.
		 */
		keep(w, g_strdup_printf(_("2. Choose answers from the drop-down lists; for "
					  "questions with several choices, answer %s or %s on "
					  "each choice's row. A message in each cell says what it "
					  "takes."), "Yes", "No")),
		/* TRANSLATORS: %s is the heading of a column, "When it applies", as translated. */
		keep(w, g_strdup_printf(_("3. A question greyed out does not apply, given your "
					  "earlier answers: leave it empty. The column \"%s\" "
					  "says when a question is asked."), _("When it applies"))),
		/* TRANSLATORS: %s is the name of a sheet, "Reply", which stays in English. */
		keep(w, g_strdup_printf(_("4. Enter the date of your reply at the top of the sheet "
					  "\"%s\"."), ANSWER_SHEET)),
		/* TRANSLATORS: %s is the heading of a column, "No.", which stays in English. */
		keep(w, g_strdup_printf(_("5. Save the workbook as it is (.xlsx), without "
					  "renaming or deleting sheets, and send it back to the "
					  "Secretariat. Do not change the question numbers in the "
					  "column \"%s\": they tell which answer is which."),
					ANSWER_HEADING_NUMBER)),
		"",
		_("The Secretariat reads the answers back from this file; answers typed in another "
		  "language of the questionnaire are understood."),
	};
	worksheet_set_column(ws, 0, 0, 100, w->text);
	for (guint i = 0; i < G_N_ELEMENTS(lines); i++)
		put(w, ws, (long)i, 0, lines[i], i == 0 ? w->title : w->text);
	worksheet_protect(ws, NULL, NULL);
}

/*
 * The name of the sheet of instructions in the user's language, or
 * ANSWER_INSTRUCTIONS when Excel would refuse it.  quire does not read it.
 */
static const char *instructions_name(lxw_workbook *book)
{
	/*
	 * TRANSLATORS: the name of a sheet of the answer workbook: at most 31
	 * characters, none of : \ / ? * [ ]
	 */
	const char *name = _("Instructions");
	return workbook_validate_sheet_name(book, name) == LXW_NO_ERROR ? name
									: ANSWER_INSTRUCTIONS;
}

static void writer_free(struct writer *w)
{
	if (w->cells.choice_row)
		for (size_t i = 0; i < form_n_questions(w->form); i++)
			g_free(w->cells.choice_row[i]);
	g_free(w->cells.choice_row);
	g_free(w->cells.row);
	g_free(w->label_row);
	g_free(w->offer_row);
	g_free(w->offer_count);
	g_ptr_array_free(w->scratch, TRUE);
}

/* Copies the file at TMP to FP. */
static int copy_out(const char *tmp, FILE *fp, const char *path)
{
	char *data;
	gsize len;
	GError *err = NULL;
	if (!g_file_get_contents(tmp, &data, &len, &err)) {
		msg_error_at(path, 0, "cannot make the workbook: %s", err->message);
		g_error_free(err);
		return -1;
	}
	int rc = 0;
	if (fwrite(data, 1, len, fp) != len || fflush(fp) != 0)
		rc = msg_error_at(path, 0, "write error: %s", g_strerror(errno));
	g_free(data);
	return rc;
}

static void set_properties(struct writer *w)
{
	long long now;
	lxw_doc_properties props = { 0 };
	props.title = (char *)form_title(w->form, w->opt->lang);
	props.author = (char *)"quire";
	if (isodate_now(&now) == 0)
		props.created = (time_t)now;
	workbook_set_properties(w->book, &props);
}

int answer_write(const struct form *form, const struct answer_options *opt, FILE *fp,
		 const char *path)
{
	char *tmp = NULL;
	GError *err = NULL;
	int fd = g_file_open_tmp("quire-answer-XXXXXX.xlsx", &tmp, &err);
	if (fd < 0) {
		msg_error_at(path, 0, "cannot make the workbook: %s", err->message);
		g_error_free(err);
		return -1;
	}
	close(fd);
	struct writer w = { .form = form, .opt = opt };
	w.scratch = g_ptr_array_new_with_free_func(g_free);
	lxw_workbook_options options = { .tmpdir = (char *)g_get_tmp_dir() };
	w.book = workbook_new_opt(tmp, &options);
	int rc = -1;
	if (w.book) {
		make_formats(&w);
		set_properties(&w);
		w.reply = workbook_add_worksheet(w.book, ANSWER_SHEET);
		lxw_worksheet *instructions = workbook_add_worksheet(w.book,
								     instructions_name(w.book));
		w.map = workbook_add_worksheet(w.book, ANSWER_MAP);
		worksheet_hide(w.map);
		worksheet_activate(w.reply);
		lay_out(&w);
		write_map_head(&w);
		write_map_labels(&w);
		write_map_offers(&w);
		write_reply(&w);
		write_instructions(&w, instructions);
		lxw_error e = workbook_close(w.book);
		if (e != LXW_NO_ERROR)
			msg_error_at(path, 0, "cannot make the workbook: %s", lxw_strerror(e));
		else
			rc = copy_out(tmp, fp, path);
	} else {
		msg_error_at(path, 0, "cannot make the workbook: %s", g_strerror(errno));
	}
	g_unlink(tmp);
	g_free(tmp);
	writer_free(&w);
	return rc;
}
