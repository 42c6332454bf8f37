/* expr.h - the XLSForm expression language: parser and evaluator */
#ifndef QUIRE_EXPR_H
#define QUIRE_EXPR_H

#include <stdbool.h>
#include <glib.h>

/*
 * The XPath 1.0 subset XLSForm uses in relevant, constraint, calculation and
 * required (shared/notes/xlsform.md §3), with ODK's semantics for the
 * documented pitfalls: an empty answer is "", not 0; `!=` against an empty
 * answer is true; a select_multiple value is a space-separated string;
 * dates compare as days.
 *
 * The module knows nothing of forms.  Names are resolved at parse time
 * through a struct expr_scope supplied by the caller (the form loader),
 * which maps ${name} to a reference id and a declared type; values come at
 * evaluation time through a struct expr_env.  Anything the evaluator cannot
 * evaluate faithfully is rejected by expr_parse(), never answered wrongly:
 * paths, predicates, unions and ${last-saved#name}.  Relative paths to
 * a question (../x, ./x, current()/../x) are read as ODK reads them in a
 * form without repeats, when the scope resolves them.  Two uses of the
 * form's choice lists are evaluated, when the scope offers them: a bare
 * name, which in a choice_filter reads a column of the choice being
 * filtered (`state = ${state}`), and the lookup
 * instance('LIST')/root/item[PREDICATE]/COLUMN, which gives COLUMN of the
 * first item of LIST for which PREDICATE holds, or "" when none does;
 * inside PREDICATE bare names read the item's columns.
 *
 * Functions: ODK's (the XForms spec's "XPath Functions") but those that
 * need repeats, a secondary instance or the device: selected,
 * count-selected, selected-at, jr:choice-name, if, coalesce, once, not,
 * true, false, boolean, boolean-from-string, checklist,
 * weighted-checklist, string, number, int, round, floor, ceiling, abs,
 * pow, sqrt, exp, exp10, log, log10, pi, sin, cos, tan, asin, acos, atan,
 * atan2, random, concat, join, string-length, substr, substring-before,
 * substring-after, translate, contains, starts-with, ends-with,
 * normalize-space, regex, uuid, digest, base64-decode, randomize, today,
 * now, date, date-time, decimal-date-time, decimal-time, format-date,
 * format-date-time, sum, min, max, count, count-non-empty, position,
 * area and distance.  tests/data/expr.test shows what each one does, and
 * every error message.
 */

/*
 * The type a question declares in the scope also says how its stored text
 * is read: NUMBER by the number rule of expr_to_number(), DATE as an ISO
 * date or date-time (other text stays a STRING), BOOLEAN as "true"/"1" or
 * "false"/"0" (other text stays a STRING), STRING as it is.  Empty text is
 * always the empty STRING.
 */
enum expr_type {
	EXPR_STRING,
	EXPR_NUMBER,
	EXPR_BOOLEAN,
	EXPR_DATE,		/* days since 1970-01-01; a fraction is the time of day */
};

struct expr_value {
	enum expr_type type;
	double num;		/* NUMBER, BOOLEAN (0 or 1), DATE */
	const char *str;	/* STRING only; NUL-terminated, borrowed (see expr_eval) */
};

/* The reference id of '.', the value being checked by a constraint. */
#define EXPR_REF_SELF (-2)

/* Nesting deeper than this is a parse error, so evaluation never recurses further. */
#define EXPR_MAX_DEPTH 200

/*
 * No string an expression builds is longer than this many bytes, the
 * most a CSV cell holds (CSVIO_MAX_FIELD), so that every value fits in a
 * reply file and an export.  Without a bound, forty calculations that
 * each concat() the one before with itself would ask for terabytes.
 * Only building functions could pass it (concat, join, translate,
 * normalize-space, randomize, uuid(n), format-date); one whose result
 * would be longer gives "" instead and says so through env->too_long.
 */
#define EXPR_MAX_STRING (1u << 20)

struct expr_scope {
	/*
	 * Resolves ${NAME}: returns a reference id >= 0 and sets *TYPE to the
	 * declared type of its value, or returns -1 when NAME is unknown.
	 */
	int (*lookup)(void *data, const char *name, enum expr_type *type);
	/* Whether '.' is allowed (constraints), and the type of its value. */
	bool has_self;
	enum expr_type self_type;
	void *data;
	/*
	 * The form's choice lists.  list resolves instance('NAME') to a list
	 * id >= 0, or returns -1 when there is no such list; has_column says
	 * whether the items of list LIST have a column NAME ("name", "label"
	 * or another column of the choices sheet).  When list is NULL,
	 * instance() is unsupported.
	 */
	int (*list)(void *data, const char *name);
	bool (*has_column)(void *data, int list, const char *name);
	/* Whether bare names read columns of an item of ITEM_LIST (a choice_filter). */
	bool has_item;
	int item_list;
	/*
	 * Resolves a relative path from the node the expression belongs to
	 * (its question or group), in a form without repeats: UP steps '..'
	 * towards the root, then the question NAME among the children there;
	 * so ../x from a question is its sibling x, ./x from a group the
	 * question x in it.  Returns a reference id >= 0 and sets *TYPE as
	 * lookup does, or -1.  NULL: relative paths are not supported.
	 */
	int (*relative)(void *data, int up, const char *name, enum expr_type *type);
};

/*
 * A parse error: the 1-based character column (not byte) and the message.
 * UNSUPPORTED says the text is ODK that quire cannot evaluate, rather
 * than a mistake: one of ODK's functions that need a secondary instance,
 * repeats or the device (pulldata, indexed-repeat, jr:itext,
 * geofence...; instance() and current() when the scope cannot resolve
 * them, or in another shape than a lookup or a path to a question),
 * ${last-saved#name}, or a predicate.
 */
struct expr_error {
	long column;
	char message[256];
	bool unsupported;
};

struct expr;

/*
 * Parses TEXT.  Returns a new expression (free with expr_free()), or NULL
 * with *ERR filled in, unless ERR is NULL.  Errors: syntax errors
 * ("expected ')'", "unterminated string"), unknown functions ("unknown
 * function 'foo'"), wrong argument counts ("'if' takes 3 arguments, not
 * 2"), unknown references ("unknown question 'x'"), '.' where it is not
 * allowed, paths and predicates, unknown lists and columns ("unknown
 * choice list 'x'", "unknown choice column 'x'"), invalid literal arguments (a regular
 * expression, a date, a format-date() format, an unquoted value in
 * selected()), and nesting deeper than EXPR_MAX_DEPTH.  A NULL SCOPE knows
 * no questions and no '.'.
 */
struct expr *expr_parse(const char *text, const struct expr_scope *scope, struct expr_error *err);
void expr_free(struct expr *e);

/*
 * Calls FN once for each distinct reference id whose value E reads, in
 * ascending order.  Not included: EXPR_REF_SELF, and the quoted question
 * of jr:choice-name(value, '${q}'), whose choice list, not value, is used.
 */
void expr_foreach_ref(const struct expr *e, void (*fn)(int ref, void *data), void *data);

/*
 * Whether E's value is a function of the texts of its references
 * (expr_foreach_ref()) and of the form alone, so that the same texts
 * give the same value: false when E reads '.', a choice's column (a
 * choice_filter's, or an instance() lookup's), or calls a function that
 * varies -- now(), today(), random(), randomize(), uuid().
 */
bool expr_reads_only_refs(const struct expr *e);

/*
 * A read-only view of the tree of a parsed expression, for the layers
 * that say it another way: in words on the printed questionnaire, as a
 * formula in the answer workbook.  Nodes belong to the expression.  A
 * node is a term: a literal, an answer (${q}, or '.' as EXPR_REF_SELF),
 * an operator on its operands, or a call of a named function on its
 * arguments.  What no other layer needs to see through -- '..' in
 * position(), an instance() lookup -- is EXPR_TERM_OTHER.
 */
enum expr_term {
	EXPR_TERM_NUMBER,
	EXPR_TERM_STRING,
	EXPR_TERM_ANSWER,
	EXPR_TERM_NEG,		/* -a */
	EXPR_TERM_OR,
	EXPR_TERM_AND,
	EXPR_TERM_EQ,
	EXPR_TERM_NE,
	EXPR_TERM_LT,
	EXPR_TERM_LE,
	EXPR_TERM_GT,
	EXPR_TERM_GE,
	EXPR_TERM_ADD,
	EXPR_TERM_SUB,
	EXPR_TERM_MUL,
	EXPR_TERM_DIV,
	EXPR_TERM_MOD,
	EXPR_TERM_CALL,
	EXPR_TERM_COLUMN,	/* in a choice_filter, a bare name: a column of the choice */
	EXPR_TERM_OTHER,
};

struct expr_node;

/* The root of E. */
const struct expr_node *expr_root(const struct expr *e);
enum expr_term expr_term(const struct expr_node *n);
/* The value of a NUMBER, the text of a STRING, the reference id of an ANSWER. */
double expr_term_number(const struct expr_node *n);
const char *expr_term_string(const struct expr_node *n);
int expr_term_answer(const struct expr_node *n);
/*
 * The text of a literal as a form writes it: a STRING's text, a NUMBER
 * as 1990 or 2.5 (15 significant digits, so 0.1 is "0.1"); NULL for
 * other terms.  Returns a new string.
 */
char *expr_term_literal(const struct expr_node *n);
/* A number as expr_term_literal() writes it.  Returns a new string. */
char *expr_number_text(double v);
/* The comparison the other way round: a < b is b > a (other terms are returned as they are). */
enum expr_term expr_term_flipped(enum expr_term t);
/* The column a COLUMN reads ("state"); NULL for other terms. */
const char *expr_term_column(const struct expr_node *n);
/* The function a CALL names, as written ("selected", "jr:choice-name"); NULL for other terms. */
const char *expr_term_function(const struct expr_node *n);
/*
 * The operands of an operator (one for NEG, two for the others) or the
 * arguments of a CALL: their number, and the one at I (0-based).
 */
int expr_term_argc(const struct expr_node *n);
const struct expr_node *expr_term_arg(const struct expr_node *n, int i);

/*
 * Calls FN for each test of a reference against a literal string in E,
 * in the order they are written: ${q} = 'x', 'x' != ${q} and
 * selected(${q}, 'x'), with '.' as EXPR_REF_SELF.  COLUMN is the
 * 1-based character column of the literal in TEXT, which must be the
 * text E was parsed from.  The form loader checks that such a literal
 * is a choice of the question's list.
 */
void expr_foreach_choice_test(const struct expr *e, const char *text,
			      void (*fn)(int ref, const char *value, long column, void *data),
			      void *data);

struct expr_env {
	/*
	 * The stored text of reference REF (or EXPR_REF_SELF); NULL or "" when
	 * unanswered or not relevant.  The evaluator converts it by the type
	 * declared in the scope: a NUMBER reference with text "12" is the
	 * number 12, an empty one is "".  A NULL ref_text leaves every
	 * question unanswered.
	 */
	const char *(*ref_text)(void *data, int ref);
	/*
	 * May be NULL.  When the caller already knows the number TEXT, which
	 * ref_text() gave for REF, reads as -- and it is exactly what
	 * expr_str_to_number(TEXT) gives -- sets *OUT to it and returns true,
	 * so that a NUMBER reference is not converted again; else false.
	 */
	bool (*ref_number)(void *data, int ref, const char *text, double *out);
	/*
	 * For jr:choice-name(): the label of choice VALUE in REF's list, or
	 * NULL (the result is then "").  May be NULL.
	 */
	const char *(*choice_label)(void *data, int ref, const char *value);
	double today;		/* what today() returns (days since 1970-01-01) */
	double now;		/* what now() returns: the same, with the time of day */
	/*
	 * Where random(), uuid() and randomize() without a seed draw from;
	 * NULL draws from GLib's global generator, which is seeded anew on
	 * every run.  Not shared between threads.
	 */
	GRand *rand;
	/*
	 * Strings made during evaluation; owned by the caller, who clears it
	 * between rows.  Only the functions that make strings (concat(),
	 * substr(), translate(), uuid(), digest()...) and string() of a
	 * number or date write to it; operators and references never do.
	 */
	GStringChunk *scratch;
	void *data;
	/*
	 * Set to true when a function would have built a string longer than
	 * EXPR_MAX_STRING (its result is then ""), for the caller to report;
	 * never set to false.  May be NULL.
	 */
	bool *too_long;
	/*
	 * The form's choice lists (see expr_scope): the number of items of
	 * list LIST, and the text of column COLUMN of its item ITEM (0-based),
	 * or NULL when the item has none.  Either may be NULL: no items.
	 */
	int (*list_size)(void *data, int list);
	const char *(*item_text)(void *data, int list, int item, const char *column);
	/* The item whose columns bare names read: the choice a choice_filter is evaluated for. */
	int item;
};

/*
 * Evaluates E into *OUT.  Never fails: as in XPath, impossible arithmetic
 * gives NaN and missing values give "", and a string too long to build
 * gives "" (see EXPR_MAX_STRING).  Strings in *OUT are borrowed from
 * the env's ref_text and choice_label results, from E, or from
 * ENV->scratch, so they live while those do.  E may be evaluated by
 * several threads at once, each with its own scratch.
 */
void expr_eval(const struct expr *e, const struct expr_env *env, struct expr_value *out);
bool expr_eval_bool(const struct expr *e, const struct expr_env *env);

/*
 * Conversions, as JavaRosa does them (xlsform.md §3.3).
 *
 * To a number: a boolean is 1 or 0; a date its whole days (the time of day
 * is dropped); a string is trimmed, ',' becomes '.', and anything but
 * "-.0123456789" or a malformed number gives NaN (so "" is NaN).
 *
 * To a boolean: a number when |x| > 1e-12 (so NaN is false); a string when
 * not empty (so "false" is true); a date always.
 *
 * To a string: "true"/"false"; a date as YYYY-MM-DD; a number as "NaN",
 * "Infinity", "-Infinity", "0" when |x| < 1e-12, as an integer when within
 * 1e-12 of one, else as the shortest decimal that reads back the same,
 * never with an exponent (1e21 is "1000000000000000000000").
 */
double expr_to_number(const struct expr_value *v);
bool expr_to_boolean(const struct expr_value *v);
/* The string form; a number or a date is written into SCRATCH. */
const char *expr_to_string(const struct expr_value *v, GStringChunk *scratch);

#endif
