/* status.c - who replied, when, who is late and who has not replied */
#include <config.h>
#include "status.h"

#include <string.h>

#include "isodate.h"
#include "msg.h"
#include "response.h"
#include "roster.h"

static void entry_free(gpointer p)
{
	struct status_entry *e = p;
	g_free(e->code);
	g_free(e->channel);
	g_free(e->file);
	g_free(e);
}

struct status *status_new(const struct roster *roster, int cutoff)
{
	struct status *st = g_new0(struct status, 1);
	st->roster = roster;
	st->cutoff = cutoff;
	st->day = cutoff != INT_MAX ? cutoff : isodate_today();
	st->entries = g_ptr_array_new_with_free_func(entry_free);
	st->by_code = g_hash_table_new(g_str_hash, g_str_equal);
	st->members = roster ? roster_count(roster, st->day) : 0;
	return st;
}

void status_free(struct status *st)
{
	if (!st)
		return;
	g_ptr_array_free(st->entries, TRUE);
	g_hash_table_destroy(st->by_code);
	g_free(st);
}

int status_add(struct status *st, const struct resp_reply *r)
{
	const char *code = r->meta[RESP_RESPONDENT];
	const char *submitted = r->meta[RESP_SUBMITTED];
	int day;
	if (!code)
		return msg_error_at(r->file, r->row, "_respondent is missing");
	if (!submitted || !isodate_parse(submitted, &day))
		return msg_error_at(r->file, r->meta_row[RESP_SUBMITTED] ? r->meta_row[RESP_SUBMITTED]
									 : r->row,
				    "_submitted: '%s' is not a date (YYYY-MM-DD)",
				    submitted ? submitted : "");
	struct status_entry *dup = g_hash_table_lookup(st->by_code, code);
	if (dup)
		return msg_error_at(r->file, r->meta_row[RESP_RESPONDENT],
				    "_respondent: '%s' also replied in %s", code, dup->file);
	struct status_entry *e = g_new0(struct status_entry, 1);
	e->code = g_strdup(code);
	e->submitted = day;
	e->channel = g_strdup(r->meta[RESP_CHANNEL]);
	e->file = g_strdup(r->file);
	const struct roster_member *m = st->roster ? roster_find(st->roster, code) : NULL;
	e->member = m;
	e->name = m ? m->name : NULL;
	if (st->roster && (!m || !roster_is_member(m, st->day)))
		e->kind = STATUS_NOT_ON_ROSTER;
	else
		e->kind = day <= st->cutoff ? STATUS_ON_TIME : STATUS_LATE;
	g_ptr_array_add(st->entries, e);
	g_hash_table_insert(st->by_code, e->code, e);
	return 0;
}

static int compare_entries(gconstpointer a, gconstpointer b)
{
	const struct status_entry *x = *(struct status_entry *const *)a;
	const struct status_entry *y = *(struct status_entry *const *)b;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->submitted != y->submitted)
		return x->submitted < y->submitted ? -1 : 1;
	return strcmp(x->code, y->code);
}

void status_finish(struct status *st)
{
	for (guint i = 0; st->roster && i < st->roster->members->len; i++) {
		const struct roster_member *m = g_ptr_array_index(st->roster->members, i);
		if (!roster_is_member(m, st->day) || g_hash_table_contains(st->by_code, m->code))
			continue;
		struct status_entry *e = g_new0(struct status_entry, 1);
		e->code = g_strdup(m->code);
		e->name = m->name;
		e->submitted = INT_MIN;
		e->kind = STATUS_NOT_REPLIED;
		e->member = m;
		g_ptr_array_add(st->entries, e);
		g_hash_table_insert(st->by_code, e->code, e);
	}
	g_ptr_array_sort(st->entries, compare_entries);
	st->on_time = st->late = st->not_replied = st->not_on_roster = 0;
	for (guint i = 0; i < st->entries->len; i++) {
		const struct status_entry *e = g_ptr_array_index(st->entries, i);
		unsigned *count[] = { &st->on_time, &st->late, &st->not_replied, &st->not_on_roster };
		(*count[e->kind])++;
	}
}

static void group_free(gpointer p)
{
	struct status_group *g = p;
	g_free(g->value);
	g_free(g);
}

GPtrArray *status_by_group(const struct status *st, const char *column)
{
	GPtrArray *groups = g_ptr_array_new_with_free_func(group_free);
	int col = st->roster ? roster_column(st->roster, column) : -1;
	if (col < 0)
		return groups;
	GHashTable *by_value = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < st->roster->members->len; i++) {
		const struct roster_member *m = g_ptr_array_index(st->roster->members, i);
		if (!roster_is_member(m, st->day))
			continue;
		const char *v = m->cells[col];
		struct status_group *g = g_hash_table_lookup(by_value, v);
		if (!g) {
			g = g_new0(struct status_group, 1);
			g->value = g_strdup(v);
			g_ptr_array_add(groups, g);
			g_hash_table_insert(by_value, g->value, g);
		}
		g->members++;
		const struct status_entry *e = g_hash_table_lookup(st->by_code, m->code);
		if (e && e->kind == STATUS_ON_TIME)
			g->replied++;
		else if (e && e->kind == STATUS_LATE)
			g->late++;
	}
	g_hash_table_destroy(by_value);
	return groups;
}
