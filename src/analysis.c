/* analysis.c - which replies the figures are made from, and why the others are left out */
#include <config.h>
#include "analysis.h"

#include <string.h>

#include "isodate.h"
#include "msg.h"
#include "radix.h"
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

/*
 * Where a respondent's first reply was, for the message about a second
 * one.  A million respondents are a million of these, so each is kept in
 * the analysis's string chunk right after its code, and the set of codes
 * holds only the code's address:
 *
 *   code NUL  file  row
 *
 * the file as its index in FILES and the row, each in as few bytes as it
 * needs: seven bits a byte, the high bit set on all but the last.
 */
struct analysis_seen {
	const char *file;
	long row;
};

#define VARINT_MAX 10	/* bytes for 64 bits */

static size_t put_varint(unsigned char *out, guint64 v)
{
	size_t n = 0;
	for (; v >= 0x80; v >>= 7)
		out[n++] = (unsigned char)(v | 0x80);
	out[n++] = (unsigned char)v;
	return n;
}

static guint64 get_varint(const unsigned char **p)
{
	guint64 v = 0;
	for (int shift = 0;; shift += 7) {
		unsigned char b = *(*p)++;
		v |= (guint64)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return v;
	}
}

static struct analysis_seen seen_where(const struct analysis *a, const char *code)
{
	const unsigned char *p = (const unsigned char *)code + strlen(code) + 1;
	guint64 file = get_varint(&p);
	struct analysis_seen at = { g_ptr_array_index(a->files, (guint)file), (long)get_varint(&p) };
	return at;
}

static void seen_add(struct analysis *a, const char *code, const char *file, long row)
{
	/* Replies come file after file: a file is added once, when it starts. */
	const char *kept = g_string_chunk_insert_const(a->strings, file);
	if (!a->files->len || g_ptr_array_index(a->files, a->files->len - 1) != kept)
		g_ptr_array_add(a->files, (gpointer)kept);
	size_t len = strlen(code);
	unsigned char entry[RESP_CODE_MAX + 1 + 2 * VARINT_MAX];	/* codes are safe (check_once()) */
	memcpy(entry, code, len + 1);
	size_t n = len + 1;
	n += put_varint(entry + n, a->files->len - 1);
	n += put_varint(entry + n, (guint64)MAX(row, 0));
	g_hash_table_add(a->seen, g_string_chunk_insert_len(a->strings, (const char *)entry,
							    (gssize)n));
}

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
	resp_eval_scope(a->ev, opt->scope);
	a->seen = g_hash_table_new(g_str_hash, g_str_equal);
	a->strings = g_string_chunk_new(64 * 1024);
	a->files = g_ptr_array_new();
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
	g_ptr_array_free(a->files, TRUE);
	if (a->prints)
		g_array_free(a->prints, TRUE);
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
 * A respondent's code as 64 bits: FNV-1a, then MurmurHash3's finaliser to
 * spread sequential codes.  Equal codes give equal fingerprints; unequal
 * ones almost never do, and when they do the caller reads again exactly.
 */
static guint64 fingerprint(const char *code)
{
	guint64 h = G_GUINT64_CONSTANT(0xcbf29ce484222325);
	for (const unsigned char *p = (const unsigned char *)code; *p; p++)
		h = (h ^ *p) * G_GUINT64_CONSTANT(0x100000001b3);
	h ^= h >> 33;
	h *= G_GUINT64_CONSTANT(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= G_GUINT64_CONSTANT(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h;
}

/*
 * One reply per respondent: a second one is a problem, reported as quire
 * validate reports it, with where the first one was.  Returns the number of
 * problems (0 or 1).  CHECKED: resp_check() found no problem, so the code
 * is there and safe.
 */
static int check_once(struct analysis *a, const struct resp_reply *r, bool checked)
{
	const char *code = r->meta[RESP_RESPONDENT];
	if (!checked && (!code || !resp_code_is_safe(code)))
		return 0;	/* resp_check() has reported it */
	if (a->prints) {
		guint64 print = fingerprint(code);
		g_array_append_val(a->prints, print);
		return 0;
	}
	const char *entry = g_hash_table_lookup(a->seen, code);
	struct analysis_seen where = entry ? seen_where(a, entry) : (struct analysis_seen){ NULL, 0 };
	const struct analysis_seen *first = entry ? &where : NULL;
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
	seen_add(a, code, r->file ? r->file : "", r->row);
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
	problems += check_once(a, r, problems == 0);
	a->problems += problems;
	int submitted = a->ev->submitted;	/* as resp_check() read it */
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

void analysis_by_fingerprint(struct analysis *a)
{
	if (!a->prints)
		a->prints = g_array_new(FALSE, FALSE, sizeof(guint64));
}

bool analysis_repeats_respondent(struct analysis *const *parts, int n)
{
	gsize total = 0;
	for (int k = 0; k < n; k++)
		total += parts[k]->prints ? parts[k]->prints->len : 0;
	/* One part's fingerprints are sorted where they are; several are gathered first. */
	guint64 *all = n == 1 && parts[0]->prints ? (guint64 *)(void *)parts[0]->prints->data
						  : g_new(guint64, total + 1);
	gsize at = 0;
	for (int k = 0; n > 1 && k < n; k++) {
		if (!parts[k]->prints)
			continue;
		memcpy(all + at, parts[k]->prints->data, parts[k]->prints->len * sizeof *all);
		at += parts[k]->prints->len;
		g_array_free(parts[k]->prints, TRUE);
		parts[k]->prints = NULL;
	}
	guint64 *tmp = g_new(guint64, total + 1);
	radix_sort(all, tmp, total);
	g_free(tmp);
	bool repeat = false;
	for (gsize i = 1; i < total && !repeat; i++)
		repeat = all[i] == all[i - 1];
	if (n == 1 && parts[0]->prints) {
		g_array_free(parts[0]->prints, TRUE);
		parts[0]->prints = NULL;
	} else {
		g_free(all);
	}
	return repeat;
}

void analysis_merge(struct analysis *a, struct analysis *part, long row_offset)
{
	for (int i = 0; i < ANALYSIS_N_REASONS; i++)
		a->count[i] += part->count[i];
	a->replies += part->replies;
	a->problems += part->problems;
	for (guint i = 0; i < part->records->len; i++) {
		struct analysis_record *rec = g_ptr_array_index(part->records, i);
		if (rec->row)
			rec->row += row_offset;
	}
	g_ptr_array_extend_and_steal(a->records, part->records);
	part->records = g_ptr_array_new_with_free_func(record_free);
}
