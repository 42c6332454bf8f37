/* status.c - who replied, when, who is late, who has not replied, and who is left out */
#include <config.h>
#include "status.h"

#include <string.h>

#include "analysis.h"
#include "roster.h"

static const char *const kind_names[STATUS_N_KINDS] = {
	"on_time", "late", "not_replied", "not_member", "not_on_roster", "incomplete", "invalid",
};

const char *status_kind_name(enum status_kind kind)
{
	return kind < STATUS_N_KINDS ? kind_names[kind] : "?";
}

static enum status_kind kind_of(enum analysis_reason reason)
{
	switch (reason) {
	case ANALYSIS_INCLUDED: return STATUS_ON_TIME;
	case ANALYSIS_LATE: return STATUS_LATE;
	case ANALYSIS_NOT_MEMBER: return STATUS_NOT_MEMBER;
	case ANALYSIS_NOT_ON_ROSTER: return STATUS_NOT_ON_ROSTER;
	case ANALYSIS_INCOMPLETE: return STATUS_INCOMPLETE;
	default: return STATUS_INVALID;
	}
}

static void entry_free(gpointer p)
{
	struct status_entry *e = p;
	g_free(e->code);
	g_free(e->channel);
	g_free(e->file);
	g_free(e);
}

static void add_entry(struct status *st, struct status_entry *e)
{
	const struct roster_member *m = st->roster && e->code ? roster_find(st->roster, e->code)
							      : NULL;
	e->member = m;
	e->name = m ? m->name : NULL;
	g_ptr_array_add(st->entries, e);
	if (e->code && !g_hash_table_contains(st->by_code, e->code))
		g_hash_table_insert(st->by_code, e->code, e);
}

static int compare_entries(gconstpointer a, gconstpointer b)
{
	const struct status_entry *x = *(struct status_entry *const *)a;
	const struct status_entry *y = *(struct status_entry *const *)b;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->submitted != y->submitted)
		return x->submitted < y->submitted ? -1 : 1;
	return g_strcmp0(x->code, y->code);
}

struct status *status_new(const struct analysis *a)
{
	struct status *st = g_new0(struct status, 1);
	st->roster = a->opt.roster;
	st->cutoff = a->opt.cutoff;
	st->day = a->day;
	st->entries = g_ptr_array_new_with_free_func(entry_free);
	st->by_code = g_hash_table_new(g_str_hash, g_str_equal);
	st->members = st->roster ? roster_count(st->roster, st->day) : 0;
	for (guint i = 0; i < a->records->len; i++) {
		const struct analysis_record *rec = g_ptr_array_index(a->records, i);
		struct status_entry *e = g_new0(struct status_entry, 1);
		e->code = g_strdup(rec->code);
		e->submitted = rec->submitted;
		e->channel = g_strdup(rec->channel);
		e->file = g_strdup(rec->file);
		e->row = rec->row;
		e->kind = kind_of(rec->reason);
		add_entry(st, e);
	}
	for (guint i = 0; st->roster && i < st->roster->members->len; i++) {
		const struct roster_member *m = g_ptr_array_index(st->roster->members, i);
		if (!roster_is_member(m, st->day) || g_hash_table_contains(st->by_code, m->code))
			continue;
		struct status_entry *e = g_new0(struct status_entry, 1);
		e->code = g_strdup(m->code);
		e->submitted = INT_MIN;
		e->kind = STATUS_NOT_REPLIED;
		add_entry(st, e);
	}
	g_ptr_array_sort(st->entries, compare_entries);
	for (guint i = 0; i < st->entries->len; i++)
		st->count[((struct status_entry *)g_ptr_array_index(st->entries, i))->kind]++;
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
