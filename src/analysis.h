/* analysis.h - which replies the figures are made from, and why the others are left out */
#ifndef QUIRE_ANALYSIS_H
#define QUIRE_ANALYSIS_H

#include <limits.h>
#include <stdbool.h>
#include <glib.h>

struct form;
struct resp_eval;
struct resp_reply;
struct roster;

/*
 * The analysis set.  Every figure quire prints -- status, tab, chart,
 * export and the report -- is made from the replies analysis_add() calls
 * included, and every command states the same counts of the others.  This
 * is the one place that decides.  A reply is included when it is
 *
 *   valid:      it passes every check of quire validate (resp_check(), and
 *               no second reply from the same respondent);
 *   on the roster, and from a member on the membership date (the cut-off,
 *               or today without one), when there is a roster;
 *   complete:   not marked _incomplete;
 *   on time:    received (_submitted) on or before the cut-off.
 *
 * Otherwise it is left out with the first reason that applies, in the
 * order of enum analysis_reason.  Invalid replies are reported through msg
 * by the validator, exactly as quire validate reports them; nothing else
 * here prints.
 */

enum analysis_reason {
	ANALYSIS_INCLUDED,
	ANALYSIS_INVALID,	/* a problem quire validate reports */
	ANALYSIS_NOT_ON_ROSTER,	/* its code is not on the roster */
	ANALYSIS_NOT_MEMBER,	/* on the roster, but not a member on the membership date */
	ANALYSIS_INCOMPLETE,	/* marked _incomplete: its entry is not finished */
	ANALYSIS_LATE,		/* received after the cut-off */
	ANALYSIS_N_REASONS,
};

/* "included", "invalid", "not_on_roster", "not_member", "incomplete", "late" (the JSON words). */
const char *analysis_reason_name(enum analysis_reason reason);

struct analysis_options {
	const struct roster *roster;	/* NULL: no membership test */
	int cutoff;		/* day number; INT_MAX: none */
	int lang;		/* language of the form's constraint messages */
	bool keep_included;	/* record included replies too (status); else only the others */
	/*
	 * The questions checked ([n_questions], closed by form_close_needed()),
	 * or NULL for all (quire validate's check).  Borrowed.
	 */
	const bool *scope;
};

/* One reply as the analysis saw it. */
struct analysis_record {
	char *code;		/* NULL when the reply has no _respondent */
	char *file;
	long row;		/* of a wide export's row; 0 for a reply file */
	int submitted;		/* day number; INT_MIN when missing or malformed */
	char *channel;		/* NULL when not given */
	enum analysis_reason reason;
};

struct analysis {
	struct analysis_options opt;
	int day;		/* the membership date: the cut-off, or today */
	unsigned long count[ANALYSIS_N_REASONS];	/* replies per reason */
	unsigned long replies;	/* replies seen */
	int problems;		/* validation problems reported */
	GPtrArray *records;	/* struct analysis_record *, in reading order (see keep_included) */
	/* private */
	struct resp_eval *ev;
	GHashTable *seen;	/* the codes seen, each followed by where (analysis.c), for duplicates */
	GStringChunk *strings;
	GPtrArray *files;	/* the files replies were seen in, in the chunk (analysis.c) */
	GArray *prints;		/* guint64: the codes' fingerprints, by analysis_by_fingerprint() */
};

/* Starts an analysis of replies to FORM; free with analysis_free(). */
struct analysis *analysis_new(const struct form *form, const struct analysis_options *opt);
void analysis_free(struct analysis *a);

/*
 * Decides for reply R, counts it under its reason, and records it (all
 * replies but included ones, unless keep_included).  When the result is
 * ANALYSIS_INCLUDED, analysis_eval() holds R's evaluation -- which
 * questions apply and what its calculations give -- until the next call.
 */
enum analysis_reason analysis_add(struct analysis *a, const struct resp_reply *r);

/* The evaluation of the last reply added (see resp_eval_run()). */
struct resp_eval *analysis_eval(const struct analysis *a);

struct source;

/*
 * Reads every reply of SRC into A (analysis_add()), calling EACH, when not
 * NULL, with each reply, the reason found and its evaluation (valid when
 * the reason is ANALYSIS_INCLUDED).  Returns 0 at the end of the data, or
 * -1 when reading stopped on an error (reported by the reader).  Rows the
 * readers could not take and validation problems are added to *PROBLEMS.
 */
typedef void (*analysis_each_fn)(void *data, const struct resp_reply *r,
				 enum analysis_reason reason, const struct resp_eval *ev);
int analysis_read(struct analysis *a, struct source *src, analysis_each_fn each, void *data,
		  int *problems);

/*
 * Reading in parts (chunked.h).  A part's analysis checks for second
 * replies by fingerprint: analysis_by_fingerprint(), called on a new
 * analysis before any reply, makes it keep 8 bytes per respondent (a
 * 64-bit hash of the code) instead of the code and where it replied.  It
 * then cannot say where a first reply was, so it reports no second reply
 * and counts every reply: once the parts are read, the caller must ask
 * analysis_repeats_respondent() whether two replies of PARTS[0 .. N) may
 * be one respondent's -- in one part or in two -- and if so read the data
 * in one pass with the exact check.  Two codes with one fingerprint only
 * cost that pass.  The question lets the parts' fingerprints go.
 *
 * analysis_merge() adds to A the replies PART saw -- an analysis with the
 * same options, of replies that follow A's, whose rows are numbered
 * ROW_OFFSET less than they are in the file -- once no respondent is
 * shared: the counts and the records (PART gives them up; free it after).
 * A's check for second replies does not learn PART's respondents, so a
 * merged analysis takes no more replies.
 */
void analysis_by_fingerprint(struct analysis *a);
bool analysis_repeats_respondent(struct analysis *const *parts, int n);
void analysis_merge(struct analysis *a, struct analysis *part, long row_offset);

/* Replies left out (every reason but ANALYSIS_INCLUDED). */
unsigned long analysis_excluded(const struct analysis *a);

#endif
