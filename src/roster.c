/* roster.c - who was asked: the Member States and their groups */
#include <config.h>
#include "roster.h"

#include <limits.h>
#include <string.h>

#include "csvio.h"
#include "isodate.h"
#include "msg.h"
#include "response.h"

static void member_free(gpointer p)
{
	struct roster_member *m = p;
	g_free(m->code);
	g_free(m->name);
	g_strfreev(m->aliases);
	g_strfreev(m->cells);
	g_free(m);
}

void roster_free(struct roster *r)
{
	if (!r)
		return;
	g_free(r->path);
	g_ptr_array_free(r->columns, TRUE);
	g_ptr_array_free(r->members, TRUE);
	g_hash_table_destroy(r->by_code);
	g_free(r);
}

int roster_column(const struct roster *r, const char *name)
{
	for (guint i = 0; i < r->columns->len; i++)
		if (strcmp(g_ptr_array_index(r->columns, i), name) == 0)
			return (int)i;
	return -1;
}

const struct roster_member *roster_find(const struct roster *r, const char *code)
{
	return code ? g_hash_table_lookup(r->by_code, code) : NULL;
}

/* Whether A and B are the same text in any case (Unicode case folding). */
static bool same_folded(const char *a, const char *b)
{
	char *fa = g_utf8_casefold(a, -1), *fb = g_utf8_casefold(b, -1);
	bool same = strcmp(fa, fb) == 0;
	g_free(fa);
	g_free(fb);
	return same;
}

const struct roster_member *roster_suggest(const struct roster *r, const char *code)
{
	if (!code || !*code || !g_utf8_validate(code, -1, NULL))
		return NULL;
	for (guint i = 0; i < r->members->len; i++) {
		const struct roster_member *m = g_ptr_array_index(r->members, i);
		if (same_folded(m->code, code))
			return m;
	}
	/* A mistyped name, not a code: a short code is a few edits from many short names. */
	bool fuzzy = g_utf8_strlen(code, -1) > 4;
	struct msg_suggest sg;
	msg_suggest_init(&sg, code);
	const struct roster_member *best = NULL;
	for (guint i = 0; i < r->members->len; i++) {
		const struct roster_member *m = g_ptr_array_index(r->members, i);
		const char *before = sg.best;
		if (same_folded(m->name, code))
			return m;
		if (fuzzy)
			msg_suggest_try(&sg, m->name);
		for (char **a = m->aliases; a && *a; a++) {
			if (same_folded(*a, code))
				return m;
			if (fuzzy)
				msg_suggest_try(&sg, *a);
		}
		if (sg.best != before)
			best = m;
	}
	return best;
}

bool roster_is_member(const struct roster_member *m, int day)
{
	return m->from <= day && day <= m->to;
}

unsigned roster_count(const struct roster *r, int day)
{
	unsigned n = 0;
	for (guint i = 0; i < r->members->len; i++)
		n += roster_is_member(g_ptr_array_index(r->members, i), day);
	return n;
}

GPtrArray *roster_group_columns(const struct roster *r)
{
	static const char *const fixed[] = { "code", "name", "member_from", "member_to",
					     "aliases", "note", NULL };
	GPtrArray *out = g_ptr_array_new();
	for (guint i = 0; i < r->columns->len; i++) {
		const char *c = g_ptr_array_index(r->columns, i);
		if (!g_strv_contains(fixed, c))
			g_ptr_array_add(out, (gpointer)c);
	}
	return out;
}

static int parse_date(const char *path, long row, const char *column, const char *s, int open,
		      int *day)
{
	if (!*s) {
		*day = open;
		return 0;
	}
	if (isodate_parse(s, day))
		return 0;
	/* TRANSLATORS: a column of the roster (member_from, kept as it is), then the cell. */
	return msg_error_at(path, row, "%s: '%s' is not a date (YYYY-MM-DD)", column, s) < 0;
}

/* The ';'-separated names in CELL, trimmed, without empty ones (g_strfreev). */
static char **split_aliases(const char *cell)
{
	char **parts = g_strsplit(cell, ";", -1);
	GPtrArray *out = g_ptr_array_new();
	for (char **p = parts; *p; p++) {
		if (*g_strstrip(*p))
			g_ptr_array_add(out, g_strdup(*p));
	}
	g_ptr_array_add(out, NULL);
	g_strfreev(parts);
	return (char **)g_ptr_array_free(out, FALSE);
}

static int set_header(struct roster *r, const struct csvio_record *rec)
{
	for (size_t i = 0; i < rec->n_fields; i++) {
		char *h = g_ascii_strdown(g_strstrip(rec->fields[i]), -1);
		if (roster_column(r, h) >= 0 && *h) {
			msg_error_at(r->path, rec->row, "duplicate column '%s'", h);
			g_free(h);
			return 1;
		}
		g_ptr_array_add(r->columns, h);
	}
	if (roster_column(r, "code") < 0 || roster_column(r, "name") < 0)
		return msg_error_at(r->path, rec->row, "a roster needs the columns 'code' and "
				    "'name'") < 0;
	return 0;
}

/*
 * A code must be safe as a file name (resp_code_is_safe()), and differ
 * from every other in more than case: XAA.csv and xaa.csv are one file on
 * Windows and macOS, so one reply would replace the other on the way.
 * FOLDED maps the codes so far, case-folded, to their members.  Returns
 * the number of problems reported (0 or 1).
 */
static int check_code(const struct roster *r, const struct roster_member *m, GHashTable *folded)
{
	const char *why = resp_code_problem(m->code);
	if (why) {
		char *shown = resp_code_for_message(m->code);
		/*
		 * TRANSLATORS: "code" is a column of the roster, kept as it is; %s is
		 * the code, quoted ("'X Y'") or "of 300 bytes", then why it is refused.
		 */
		msg_error_at(r->path, m->row, "code: unsafe code %s: %s", shown, why);
		g_free(shown);
		return 1;
	}
	const struct roster_member *dup = roster_find(r, m->code);
	if (dup)
		return msg_error_at(r->path, m->row, "code '%s' listed twice (first in row %ld)",
				    m->code, dup->row) < 0;
	char *key = g_utf8_casefold(m->code, -1);
	dup = g_hash_table_lookup(folded, key);
	g_free(key);
	if (dup)
		return msg_error_at(r->path, m->row, "code '%s' differs from '%s' (row %ld) only in "
				    "case: their reply files would be one file on Windows and macOS",
				    m->code, dup->code, dup->row) < 0;
	return 0;
}

static int add_member(struct roster *r, const struct csvio_record *rec, GHashTable *folded)
{
	struct roster_member *m = g_new0(struct roster_member, 1);
	m->row = rec->row;
	m->cells = g_new0(char *, r->columns->len + 1);
	for (guint i = 0; i < r->columns->len; i++)
		m->cells[i] = g_strstrip(g_strdup(i < rec->n_fields ? rec->fields[i] : ""));
	m->code = g_strdup(m->cells[roster_column(r, "code")]);
	m->name = g_strdup(m->cells[roster_column(r, "name")]);
	int aliases = roster_column(r, "aliases");
	m->aliases = split_aliases(aliases < 0 ? "" : m->cells[aliases]);
	int from = roster_column(r, "member_from"), to = roster_column(r, "member_to");
	int problems = 0;
	problems += parse_date(r->path, m->row, "member_from", from < 0 ? "" : m->cells[from],
			       INT_MIN, &m->from);
	problems += parse_date(r->path, m->row, "member_to", to < 0 ? "" : m->cells[to], INT_MAX,
			       &m->to);
	if (!problems && m->from > m->to)
		/* TRANSLATORS: member_to and member_from are roster columns, kept as they are. */
		problems += msg_error_at(r->path, m->row, "member_to: '%s' is before member_from "
					 "'%s'", m->cells[to], m->cells[from]) < 0;
	problems += check_code(r, m, folded);
	if (problems) {
		member_free(m);
		return problems;
	}
	g_ptr_array_add(r->members, m);
	g_hash_table_insert(r->by_code, m->code, m);
	g_hash_table_insert(folded, g_utf8_casefold(m->code, -1), m);
	return 0;
}

static bool is_comment(const struct csvio_record *rec)
{
	return rec->n_fields > 0 && rec->fields[0][0] == '#';
}

static bool is_blank(const struct csvio_record *rec)
{
	for (size_t i = 0; i < rec->n_fields; i++)
		if (rec->lens[i])
			return false;
	return true;
}

struct roster *roster_load(const char *path)
{
	struct csvio_reader *in = csvio_open(path, NULL, CSVIO_DELIM_AUTO);
	if (!in)
		return NULL;
	struct roster *r = g_new0(struct roster, 1);
	r->path = g_strdup(csvio_name(in));
	r->columns = g_ptr_array_new_with_free_func(g_free);
	r->members = g_ptr_array_new_with_free_func(member_free);
	r->by_code = g_hash_table_new(g_str_hash, g_str_equal);
	struct csvio_record rec;
	int rc, problems = 0;
	bool have_header = false;
	GHashTable *folded = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	while ((rc = csvio_next(in, &rec)) == 1) {
		if (is_comment(&rec) || is_blank(&rec))
			continue;
		if (!have_header) {
			have_header = true;
			csvio_set_header(in, &rec, CSVIO_WIDTH_TRAILING_EMPTY);
			if ((problems = set_header(r, &rec)) > 0)
				break;
		} else {
			problems += csvio_check_width(in, &rec, -1) < 0;
			problems += add_member(r, &rec, folded);
		}
	}
	g_hash_table_destroy(folded);
	csvio_close(in);
	if (rc == 0 && !have_header)
		problems += msg_error_at(r->path, 0, "empty roster: no header row") < 0;
	else if (rc == 0 && problems == 0 && r->members->len == 0)
		problems += msg_error_at(r->path, 0, "empty roster: a header but no members") < 0;
	if (rc < 0 || problems > 0) {
		roster_free(r);
		return NULL;
	}
	return r;
}
