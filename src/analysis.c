/* analysis.c - which replies the figures are made from, and why the others are left out */
#include <config.h>
#include "analysis.h"

#include "isodate.h"
#include "msg.h"
#include "response.h"
#include "roster.h"
#include "source.h"

static const char *const reason_names[ANALYSIS_N_REASONS] = {
	"included", "invalid", "not_on_roster", "not_member", "incomplete", "late",
};

const char *analysis_reason_name(enum analysis_reason reason)
{
	return reason < ANALYSIS_N_REASONS ? reason_names[reason] : "?";
}

/* Where a respondent's first reply was, for the message about a second one. */
struct analysis_seen {
	const char *file;	/* in the analysis's string chunk */
	long row;
};

static void record_free(gpointer p)
{
	struct analysis_record *rec = p;
	g_free(rec->code);
	g_free(rec->file);
	g_free(rec->channel);
	g_free(rec);
}

struct analysis *analysis_new(const struct form *form, const struct analysis_options *opt)
{
	struct analysis *a = g_new0(struct analysis, 1);
	a->opt = *opt;
	a->day = opt->cutoff != INT_MAX ? opt->cutoff : isodate_today();
	a->records = g_ptr_array_new_with_free_func(record_free);
	a->ev = resp_eval_new(form);
	a->seen = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	a->strings = g_string_chunk_new(64 * 1024);
	return a;
}

void analysis_free(struct analysis *a)
{
	if (!a)
		return;
	g_ptr_array_free(a->records, TRUE);
	resp_eval_free(a->ev);
	g_hash_table_destroy(a->seen);
	g_string_chunk_free(a->strings);
	g_free(a);
}

struct resp_eval *analysis_eval(const struct analysis *a)
{
	return a->ev;
}

unsigned long analysis_excluded(const struct analysis *a)
{
	return a->replies - a->count[ANALYSIS_INCLUDED];
}

/*
 * One reply per respondent: a second one is a problem, reported as quire
 * validate reports it, with where the first one was.  Returns the number of
 * problems (0 or 1).
 */
static int check_once(struct analysis *a, const struct resp_reply *r)
{
	const char *code = r->meta[RESP_RESPONDENT];
	if (!code || !resp_code_is_safe(code))
		return 0;	/* resp_check() has reported it */
	const struct analysis_seen *first = g_hash_table_lookup(a->seen, code);
	long row = r->meta_row[RESP_RESPONDENT];
	if (first && first->row)
		/*
		 * TRANSLATORS: _respondent is kept as it is; %s is the respondent's
		 * code, then the file and row of its first reply.
		 */
		return resp_error_at(r, row, "_respondent: '%s' also replied in %s row %ld", code,
				    first->file, first->row) < 0;
	if (first)
		/*
		 * TRANSLATORS: _respondent is kept as it is; %s is the respondent's
		 * code, then the file of its first reply.
		 */
		return resp_error_at(r, row, "_respondent: '%s' also replied in %s", code,
				    first->file) < 0;
	struct analysis_seen *seen = g_new(struct analysis_seen, 1);
	seen->file = g_string_chunk_insert_const(a->strings, r->file ? r->file : "");
	seen->row = r->row;
	g_hash_table_insert(a->seen, g_string_chunk_insert(a->strings, code), seen);
	return 0;
}

static enum analysis_reason decide(struct analysis *a, const struct resp_reply *r, int problems,
				   int submitted)
{
	if (problems)
		return ANALYSIS_INVALID;
	if (a->opt.roster) {
		const struct roster_member *m = roster_find(a->opt.roster, r->meta[RESP_RESPONDENT]);
		if (!m)
			return ANALYSIS_NOT_ON_ROSTER;
		if (!roster_is_member(m, a->day))
			return ANALYSIS_NOT_MEMBER;
	}
	if (r->meta[RESP_INCOMPLETE])
		return ANALYSIS_INCOMPLETE;
	if (submitted > a->opt.cutoff)
		return ANALYSIS_LATE;
	return ANALYSIS_INCLUDED;
}

static void record(struct analysis *a, const struct resp_reply *r, int submitted,
		   enum analysis_reason reason)
{
	struct analysis_record *rec = g_new0(struct analysis_record, 1);
	rec->code = g_strdup(r->meta[RESP_RESPONDENT]);
	rec->file = g_strdup(r->file);
	rec->row = r->row;
	rec->submitted = submitted;
	rec->channel = g_strdup(r->meta[RESP_CHANNEL]);
	rec->reason = reason;
	g_ptr_array_add(a->records, rec);
}

enum analysis_reason analysis_add(struct analysis *a, const struct resp_reply *r)
{
	int problems = resp_check(r, a->ev, a->opt.lang);
	problems += check_once(a, r);
	a->problems += problems;
	int submitted;
	if (!r->meta[RESP_SUBMITTED] || !isodate_parse(r->meta[RESP_SUBMITTED], &submitted))
		submitted = INT_MIN;
	enum analysis_reason reason = decide(a, r, problems, submitted);
	a->replies++;
	a->count[reason]++;
	if (reason != ANALYSIS_INCLUDED || a->opt.keep_included)
		record(a, r, submitted, reason);
	return reason;
}

int analysis_read(struct analysis *a, struct source *src, analysis_each_fn each, void *data,
		  int *problems)
{
	struct resp_reply *reply;
	int before = a->problems, rc;
	while ((rc = source_next(src, &reply, problems)) == 1) {
		enum analysis_reason reason = analysis_add(a, reply);
		if (each)
			each(data, reply, reason, a->ev);
	}
	*problems += a->problems - before;
	return rc < 0 ? -1 : 0;
}
