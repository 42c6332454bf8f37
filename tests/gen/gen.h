/* gen.h - quire-gen's model: a random questionnaire, roster and replies, and their truth */
#ifndef QUIRE_GEN_H
#define QUIRE_GEN_H

#include <stdbool.h>
#include <glib.h>
#include <jansson.h>

/*
 * quire-gen writes a questionnaire, a roster and replies drawn from one
 * seed, and the figures quire must print for them.  The figures come from
 * this model -- what the generator decided to write -- never from reading
 * the files back, and nothing here shares code with quire but the CSV
 * writer: the oracle is independent of what it checks.
 *
 * Every structure below is owned by the struct gen that holds it and freed
 * by gen_free().  Days are GDate Julian day numbers.
 */

enum gen_kind {
	GEN_SELECT_ONE,
	GEN_SELECT_MULTIPLE,
	GEN_INTEGER,
	GEN_DECIMAL,
	GEN_TEXT,
	GEN_DATE,
};

struct gen_choice {
	char *name;
	char *label;
};

/* One test of a skip condition: ${question} = 'choice' or selected(${question}, 'choice'). */
struct gen_atom {
	int question;		/* index of an earlier select question */
	int choice;		/* index into its choices */
	bool equals;		/* "${q} = 'c'" (select_one only) rather than selected() */
};

/* A `relevant` expression: no atoms (always applies), one, or two joined by and/or. */
struct gen_cond {
	int n_atoms;
	struct gen_atom atoms[2];
	bool or;
};

struct gen_group {
	char *name;
	char *label;
	struct gen_cond cond;
	int first, last;	/* the questions it holds, inclusive */
};

struct gen_question {
	char *name;
	char *label;
	enum gen_kind kind;
	GPtrArray *choices;	/* struct gen_choice *; select questions only */
	double *weights;	/* how often each choice is drawn: uneven, so small cells are common */
	bool has_none;		/* select_multiple: the last choice is an exclusive "none" */
	bool required;
	struct gen_cond cond;
	int group;		/* index into groups, or -1 */
	bool referenced;	/* some `relevant` refers to it */
};

struct gen_form {
	char *id, *title, *version;
	GPtrArray *questions;	/* struct gen_question * */
	GPtrArray *groups;	/* struct gen_group * */
};

struct gen_member {
	char *code, *name, *region;	/* region may be "" */
	int from, to;		/* membership; 0 = open */
};

/* Why a reply is left out; the order is the order in which reasons are checked. */
enum gen_status {
	GEN_ON_TIME,		/* included */
	GEN_INVALID,
	GEN_NOT_ON_ROSTER,
	GEN_NOT_MEMBER,
	GEN_INCOMPLETE,
	GEN_LATE,
	GEN_NOT_REPLIED,	/* a member on the cut-off date without a reply */
};

struct gen_reply {
	char *code;
	char *file;		/* "data/CODE.csv", relative to OUTDIR */
	int submitted;
	bool incomplete;
	char **values;		/* [n_values]; NULL = not answered (blank or not asked) */
	size_t n_values;	/* the number of questions */
	bool *applies;		/* [n_questions]: the question and its group are relevant */
	char *planted;		/* what makes it invalid ("integer '1.5'"), or NULL */
	long planted_row;	/* the row quire must name */
	int planted_question;	/* the question holding the bad value, or -1 */
	enum gen_status status;
};

struct gen {
	GRand *rand;
	struct gen_form form;
	GPtrArray *members;	/* struct gen_member *, in roster order */
	GPtrArray *replies;	/* struct gen_reply *, in file-name order once written */
	GPtrArray *regions;	/* char *: region names the roster uses */
	GHashTable *codes;	/* every respondent code drawn so far (a set of owned strings) */
	int cutoff;
	bool plain;		/* members on the cut-off date only, nothing incomplete */
	bool invalid;		/* plant invalid replies */
	int by_one, by_multiple;	/* --by questions, or -1 */
};

/* Random helpers (gen-form.c). */
int gen_int(struct gen *g, int lo, int hi);	/* lo..hi inclusive */
bool gen_chance(struct gen *g, double p);
int gen_pick(struct gen *g, const double *weights, int n);
char *gen_day_string(int day);			/* "YYYY-MM-DD"; g_free() */

/* gen-form.c: draws the questionnaire and writes OUTDIR/form. */
void gen_form_draw(struct gen *g);
bool gen_form_write(const struct gen *g, const char *outdir);

/* gen-roster.c: draws the roster and the cut-off, writes roster.csv and cutoff. */
void gen_roster_draw(struct gen *g);
bool gen_roster_write(const struct gen *g, const char *outdir);
/* A code X[A-Z][A-Z] not drawn before; borrowed from g->codes. */
const char *gen_fresh_code(struct gen *g);
bool gen_is_member(const struct gen_member *m, int day);
const struct gen_member *gen_member_find(const struct gen *g, const char *code);

/* gen-replies.c: draws the replies (and with g->invalid, plants problems), writes data/. */
void gen_replies_draw(struct gen *g);
void gen_reply_free(gpointer reply);
bool gen_replies_write(struct gen *g, const char *outdir);
/* Whether question Q applies given the answers VALUES so far. */
bool gen_applies(const struct gen_form *form, int q, char *const *values);

/* gen-truth.c: the figures quire must print, and the planted problems. */
json_t *gen_truth(const struct gen *g);
bool gen_truth_write(const struct gen *g, const char *outdir);

const char *gen_kind_name(enum gen_kind kind);
const char *gen_status_name(enum gen_status status);

void gen_free(struct gen *g);

#endif
