/* form.h - the questionnaire template (XLSForm) model */
#ifndef QUIRE_FORM_H
#define QUIRE_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

#include "expr.h"

/*
 * A form is loaded once (form-load.c) and then read-only.  Everything a
 * form hands out -- questions, groups, lists, choices, strings -- is owned
 * by the form and lives until form_free().  Indexes are stable: question i
 * is form->questions->pdata[i], in form order.
 *
 * Translatable texts are arrays indexed by language (see form_lang_find);
 * an entry is NULL when the form has no text in that language.  Language 0
 * is always the unsuffixed column ("label"), merged with settings
 * default_language when that is set.
 */

enum form_kind {
	FORM_SELECT_ONE,
	FORM_SELECT_MULTIPLE,
	FORM_RANK,
	FORM_INTEGER,
	FORM_DECIMAL,
	FORM_RANGE,
	FORM_TEXT,
	FORM_DATE,
	FORM_TIME,
	FORM_DATETIME,
	FORM_NOTE,
	FORM_ACKNOWLEDGE,
	FORM_CALCULATE,
	FORM_GEO,		/* geopoint, geotrace, geoshape */
	FORM_MEDIA,		/* image, audio, video, file, barcode, ... */
	FORM_META,		/* not asked: start, end, deviceid, hidden, csv-external, ... */
};

struct form_choice {
	char *name;
	char **label;		/* [n_languages] */
	GHashTable *extra;	/* other columns: header as written -> value */
	long row;
	int index;		/* position in its list */
};

struct form_list {
	char *name;
	GPtrArray *choices;	/* struct form_choice *, in sheet order */
	GHashTable *by_name;	/* name -> struct form_choice * */
	/*
	 * The names interned once the form is loaded, for form_choice_len():
	 * each distinct name once, ordered by length, then bytes.
	 */
	struct form_choice_key *keys;
	guint n_keys;
	long row;		/* first row */
	int index;		/* position in form->lists: its id in expressions */
	char *file;		/* the file of a select_one_from_file list; NULL: the choices sheet */
};

/*
 * Groups nest at most this deep (a part is level 1).  A questionnaire a
 * person can follow has parts, sections and perhaps sub-sections; none
 * of the XLSForm corpus nests deeper than 1, and at 32 levels the group
 * path of a question (an export's "part/section/.../name" header) is
 * already unreadable.  The limit keeps every walk over a question's
 * groups short, whatever the form.
 */
#define FORM_MAX_GROUP_DEPTH 32

struct form_group {
	char *name;
	char **label;
	char *relevant_text;
	struct expr *relevant;
	struct form_group *parent;
	int depth;		/* 0 = a part (top-level group); below FORM_MAX_GROUP_DEPTH */
	int index;		/* position in form->groups */
	long row;
};

struct form_part;

struct form_question {
	char *name;
	char *path;		/* its groups' names, then its name: "hh/name" */
	char *key;		/* its name, or its path where the name is shared */
	enum form_kind kind;
	char *type;		/* the type cell as written, e.g. "select_one yn" */
	struct form_list *list;	/* selects and rank */
	bool or_other;
	bool generated;		/* the "<name>_other" text of an or_other select */
	struct form_group *group;	/* innermost group, or NULL */
	struct form_part *part;
	char *number;		/* "2.3"; NULL for notes, calculates, metadata and "_other" */
	char **label;
	char **hint;
	char **constraint_message;
	char **required_message;
	char *relevant_text, *constraint_text, *calculation_text, *required_text;
	struct expr *relevant, *constraint, *calculation;
	struct expr *required_expr;	/* NULL when required is a plain yes/no */
	bool required;		/* "yes"; false when required_expr is set */
	char *appearance;
	char *default_value;
	char *choice_filter;
	struct expr *filter;	/* choice_filter, compiled; NULL without one or a list */
	double range_start, range_end, range_step;
	GHashTable *extra;	/* other columns, e.g. "summary": header as written -> value */
	enum expr_type value_type;	/* the type its value has in expressions */
	long row;
	const char *file;	/* borrowed from the form: the sheet it came from */
	int index;
};

/*
 * A part: a top-level group, or a run of questions outside any group
 * (GROUP is then NULL).  The report gives each part a section.
 */
struct form_part {
	const struct form_group *group;
	int number;		/* 1-based */
	int n_asked;		/* questions that carry a number */
	GPtrArray *questions;	/* struct form_question *, borrowed, in form order */
};

struct form {
	char *path;		/* as given to form_load() */
	char *id, *title, *version, *default_language;
	GHashTable *settings;	/* every settings column: header -> value */
	GPtrArray *languages;	/* char *: language names as written, [0] = default */
	GPtrArray *questions;	/* struct form_question *, form order, no group markers */
	GPtrArray *groups;	/* struct form_group *, in order of their begin rows */
	GPtrArray *lists;	/* struct form_list *, in sheet order */
	GPtrArray *parts;	/* struct form_part *, in form order */
	GHashTable *by_name;	/* question key and path -> struct form_question * */
	GHashTable *shared;	/* name of questions in different groups -> GPtrArray of them */
	GHashTable *list_by_name;
	int *eval_order;	/* question indexes, each after everything it refers to */
	char *survey_file, *choices_file, *settings_file;	/* for messages */
	/*
	 * Put before a text form_text() gives in another language than the
	 * one asked for, for a draft that shows each (borrowed; NULL: none).
	 */
	const char *fallback_mark;
};

/*
 * Loads the form at PATH: a directory holding survey.csv, choices.csv and
 * optionally settings.csv, or one pyxform-style CSV whose first column
 * names the sheets.  Every problem is reported through msg as
 * "quire:FILE:ROW: message" (expression errors add the column and a
 * caret); the load goes on after an error to report them all, then returns
 * NULL.  On success returns a new form; free it with form_free().
 */
struct form *form_load(const char *path);
void form_free(struct form *form);

/*
 * The question KEY names: its key (form_question_key()) or its path.  A
 * name that questions in different groups share names none of them:
 * NULL, and form_shared_paths() says which paths it could mean.
 */
struct form_question *form_question(const struct form *form, const char *key);
struct form_list *form_list(const struct form *form, const char *name);
struct form_choice *form_choice(const struct form_list *list, const char *name);
/*
 * The choice of LIST named by the LEN bytes at NAME (not NUL-terminated:
 * a choice in a select_multiple's value, a cell of a CSV), or NULL.  The
 * one lookup replies are read with: no copy, no hashing, a few
 * comparisons of lengths and bytes.
 */
struct form_choice *form_choice_len(const struct form_list *list, const char *name, size_t len);

struct form_choice_key {
	size_t len;
	const char *name;
	struct form_choice *choice;
};

static inline size_t form_n_questions(const struct form *form)
{
	return form->questions->len;
}

static inline struct form_question *form_question_at(const struct form *form, size_t i)
{
	return g_ptr_array_index(form->questions, i);
}

/*
 * Whether Q's calculation is ODK quire cannot evaluate (pulldata(),
 * instance()...), which the loader leaves uncomputed: its value is never
 * computed, and it is left out of tables.
 */
static inline bool form_question_uncomputed(const struct form_question *q)
{
	return q->calculation_text && !q->calculation;
}

/*
 * The key of Q in reply files, exports, tables and on the command line:
 * its name where no other question of the form has that name, else its
 * path ("hh/name").  Owned by the form.
 */
static inline const char *form_question_key(const struct form_question *q)
{
	return q->key;
}

/*
 * The path of NAME in GROUP (NULL for none): the names of GROUP and the
 * groups around it, outermost first, then NAME, joined with '/'.  Only the
 * innermost FORM_MAX_GROUP_DEPTH groups are walked: a form nested deeper
 * is refused, and its paths must not cost it time.  Returns a new string.
 */
char *form_path(const struct form_group *group, const char *name);

/*
 * Gives every question its path and key, and indexes both in by_name and
 * shared.  The loader calls it once all the questions are in.
 */
void form_index_keys(struct form *form);
/*
 * Calls FN with each reference (expr_foreach_ref()) that evaluating Q
 * reads -- its relevant, its groups' and its calculation -- and, when
 * CHECKING, that checking its answer reads too: its constraint, required
 * and choice_filter.  The one list of what a question depends on: the
 * loader orders evaluation by the first, tab -q closes its questions
 * under both.  A reference may come more than once.
 */
void form_foreach_read(const struct form_question *q, bool checking,
		       void (*fn)(int ref, void *data), void *data);
/*
 * Closes the set of questions NEEDED ([n_questions]) under what their
 * evaluation reads: adds every question that a needed question's
 * relevant (and its groups'), calculation, constraint, required or
 * choice_filter refers to, and so on, so that the needed questions can be
 * evaluated and checked on their own (tab -q).
 */
void form_close_needed(const struct form *form, bool *needed);

/* Interns every list's choice names for form_choice_len(); the loader calls it last. */
void form_index_choices(struct form *form);

/*
 * The questions of FORM named NAME, in form order, when there are two or
 * more (in different groups); otherwise NULL.  Borrowed from the form.
 */
const GPtrArray *form_sharing(const struct form *form, const char *name);

/*
 * The paths of the questions sharing NAME, for a message: "'hh/name' and
 * 'person/name'"; NULL when NAME is not shared.  Returns a new string.
 */
char *form_shared_paths(const struct form *form, const char *name);

/* Whether the kind stores an answer (notes, for instance, do not). */
bool form_kind_has_value(enum form_kind kind);
/* Whether the kind is a choice question (select_one, select_multiple, rank). */
bool form_kind_is_choice(enum form_kind kind);
/* The canonical spelling of KIND: "select_one", "integer", "dateTime", ... */
const char *form_kind_name(enum form_kind kind);

/*
 * Finds the language LANG names: a language name as written ("French (fr)"),
 * its code ("fr") or its name without the code ("French"), compared without
 * regard to case.  Returns its index, or -1.
 */
int form_lang_find(const struct form *form, const char *lang);
/*
 * The code of language LANG as its name gives it ("fr" of "French (fr)"),
 * a new string; NULL when the name has none ("default", "French").
 */
char *form_lang_code(const struct form *form, int lang);

/*
 * The text of TEXTS (one of the translatable arrays) in language LANG,
 * falling back to language 0 and then to the first language that has one,
 * marked with FORM->fallback_mark when it is set (the marked text lives as
 * long as the process).  Returns NULL only when no language has a text.
 */
const char *form_text(const struct form *form, char *const *texts, int lang);

/*
 * The form's title in LANG: the settings' form_title::LANGUAGE column, or
 * form_title (the form's id without one), marked with FORM->fallback_mark
 * when the form gives its title in other languages but not in LANG.
 */
const char *form_title(const struct form *form, int lang);

/* The label of Q in LANG, or its name when it has none. */
const char *form_label(const struct form *form, const struct form_question *q, int lang);
const char *form_choice_label(const struct form *form, const struct form_choice *c, int lang);
const char *form_group_label(const struct form *form, const struct form_group *g, int lang);

/*
 * A text the form lacks in a language: the cell a translator fills in,
 * e.g. FILE survey.csv, ROW 12, COLUMN "label::French (fr)", NAME the
 * question's.  FILE and NAME are borrowed from the form.
 */
struct form_gap {
	const char *file;
	long row;
	char *column;
	const char *name;
};
void form_gap_free(struct form_gap *gap);

/*
 * Appends to GAPS (struct form_gap *, in form order: groups, then each
 * numbered question with its list's choices) every text a document in
 * language LANG shows that the form gives in another language but not in
 * LANG: the labels of groups, of the questions that carry a number and of
 * their choices, and the summary phrases (the "summary" column) of those
 * questions and choices.  Language 0, the default, has no gaps: its texts
 * are the ones others fall back to.
 */
void form_gaps(const struct form *form, int lang, GPtrArray *gaps);

/*
 * The language quire writes its own words in for a document in the form's
 * language LANG: the code its name gives ("fr" of "French (fr)"), "en" for
 * the default language without one, NULL for another language without one.
 * A new string.
 */
char *form_document_language(const struct form *form, int lang);

/*
 * Whether a document can be wholly in the form's language LANG: the
 * language has a code (above), quire has a catalog for it, and the form
 * has no gaps in it (form_gaps()).  Says each problem through msg,
 * "quire:survey.csv:12: has_law: no text in column 'label::French (fr)'",
 * as an error when FATAL, else as a warning.  Returns how many there are.
 */
int form_check_language(const struct form *form, int lang, bool fatal);

/*
 * An extra column of Q or C (e.g. "summary"), preferring the translated
 * column "COLUMN::<language LANG>" and falling back to the plain column.
 * NULL when absent or empty.
 */
const char *form_question_extra(const struct form *form, const struct form_question *q,
				const char *column, int lang);
const char *form_choice_extra(const struct form *form, const struct form_choice *c,
			      const char *column, int lang);

/*
 * The unit of number question Q in LANG ("days"): its unit column, in
 * LANG when translated; NULL when it has none.  The loader refuses a unit
 * on a question that is not a number.
 */
const char *form_question_unit(const struct form *form, const struct form_question *q, int lang);

/*
 * The text of column COLUMN of choice C, as choice_filter and instance()
 * lookups read it: "name" is its name, "label" its label in language 0
 * (or its name), any other column is as written in the choices sheet.
 * NULL when C has no such column.
 */
const char *form_choice_column(const struct form *form, const struct form_choice *c,
			       const char *column);
/* Whether some choice of L has column COLUMN ("name" and "label" always). */
bool form_list_has_column(const struct form_list *l, const char *column);

/* The part (top-level group) Q belongs to, or NULL for questions outside any group. */
const struct form_group *form_part_of(const struct form_question *q);

/* Whether Q or one of its groups has a relevant expression. */
bool form_question_is_conditional(const struct form_question *q);

/*
 * Whether Q asks for contact details -- an e-mail address, a telephone
 * or fax number, a person's name -- by its type ("phone number"), an
 * e-mail constraint (one that mentions '@') or the words of its name
 * ("resp_email", "contact_phone", "focal_point_name", "surname").  Only
 * text and integer questions qualify.  The report leaves such questions
 * out unless its definition names them: the domain of an official's
 * address names the State.
 */
bool form_question_is_contact(const struct form_question *q);

/*
 * Whether C is a list's exclusive "none" choice, told by its name: "none"
 * or "none_..." ("none_of_these").  The report says it as a whole
 * predicate ("were party to none of these conventions"), not as one more
 * thing ticked.
 */
bool form_choice_is_none(const struct form_choice *c);

/*
 * The bounds of Q's answer, the one reading of them that the printed
 * questionnaire, the answer workbook and its checks share: a range's start
 * and end, and the comparisons of '.' with a number (for a date question a
 * date or today()), or of string-length(.) with a number, joined by "and"
 * in its constraint: ". >= 1990 and . <= 2019", ". > 0", ". <= today()",
 * "string-length(.) <= 500".  A constraint that says anything else gives
 * no bounds.  Strict bounds stay as the form words them.
 */
struct form_bounds {
	bool has_min, has_max;
	double min, max;	/* numbers; days since 1970-01-01 for dates */
	bool min_strict, max_strict;
	bool min_today, max_today;	/* the bound is the day of answering, today() */
	long max_length;	/* text: the most characters, 0 when none */
	bool whole_constraint;	/* the constraint says these bounds and nothing else (or Q has none) */
};

void form_question_bounds(const struct form_question *q, struct form_bounds *b);

/*
 * B with a whole number's or a day's strict bound made the next one, not
 * strict ("more than 5" is "at least 6"; "less than 10.5" is "at most
 * 10"), for a check that takes inclusive bounds (a spreadsheet's).
 */
void form_bounds_inclusive(const struct form_question *q, struct form_bounds *b);

/*
 * Whether NAME is a valid XLSForm name (an XML NCName: a letter or '_',
 * then letters, digits, '-', '.', '_').
 */
bool form_name_is_valid(const char *name);

/*
 * Why no question may be called NAME, as the end of a message ("the reply
 * metadata (_respondent, ...)"), or NULL when one may.  Reserved are the
 * names of the reply metadata (enum resp_meta in response.h: a reply file
 * would read the answer as metadata) and the columns quire's export begins
 * with, "respondent" and "submitted" (the export would have two columns of
 * that name, and import would refuse it).  Names are compared as written:
 * "Respondent" is free.
 */
const char *form_name_reserved(const char *name);

#endif
