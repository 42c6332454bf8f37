/* narrate-intl.c - the drafted sentences in a language with a grammar (narrate-grammar.h) */
#include <config.h>
#include "narrate-grammar.h"
#include "narrate-intl.h"

#include <string.h>

static const struct narrate_grammar *const grammars[] = {
	&narrate_fr, &narrate_es, &narrate_ru, &narrate_ar, &narrate_zh,
};

const struct narrate_grammar *narrate_grammar(const char *lang)
{
	for (size_t i = 0; lang && i < G_N_ELEMENTS(grammars); i++)
		if (strcmp(grammars[i]->lang, lang) == 0)
			return grammars[i];
	return NULL;
}

bool narrate_can_draft(const char *lang)
{
	return !lang || strcmp(lang, "en") == 0 || narrate_grammar(lang);
}

/* Shared helpers */

void narrate_put_list(GString *s, const char *const *items, size_t n, const char *sep,
		      const char *conj)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			g_string_append(s, i + 1 < n ? sep : conj);
		g_string_append(s, items[i]);
	}
}

/* Sentences */

static void capitalise_first(GString *s)
{
	if (!s->len)
		return;
	gunichar c = g_utf8_get_char(s->str);
	if (!g_unichar_islower(c))
		return;
	gsize len = (gsize)(g_utf8_next_char(s->str) - s->str);
	g_string_erase(s, 0, (gssize)len);
	g_string_insert_unichar(s, 0, g_unichar_totitle(c));
}

static char *finish(const struct narrate_grammar *g, GString *s)
{
	if (g->capitalise)
		capitalise_first(s);
	if (s->len && !g_str_has_suffix(s->str, g->stop) && !g_str_has_suffix(s->str, "?") &&
	    !g_str_has_suffix(s->str, "\u061F") && !g_str_has_suffix(s->str, "\uFF1F"))
		g_string_append(s, g->stop);
	return g_string_free(s, FALSE);
}

static char *no_replies(const struct narrate_base *b)
{
	GString *s = g_string_new(NULL);
	b->grammar->no_replies(s, b);
	return finish(b->grammar, s);
}

char *narrate_intl_count(const struct narrate_base *b, unsigned long k, const char *predicate)
{
	if (b->n == 0)
		return no_replies(b);
	GString *s = g_string_new(NULL);
	b->grammar->lead(s, b, k, predicate);
	return finish(b->grammar, s);
}

/* Clauses */

static void add_clause(const struct narrate_base *b, GPtrArray *clauses, unsigned long k,
		       const char *predicate)
{
	GString *c = g_string_new(NULL);
	b->grammar->clause(c, b->n, k, predicate);
	g_ptr_array_add(clauses, g_string_free(c, FALSE));
}

static void put_clauses(const struct narrate_base *b, GString *s, GPtrArray *clauses)
{
	if (clauses->len)
		b->grammar->join_clauses(s, (const char *const *)clauses->pdata, clauses->len);
}

static char *joined(const struct narrate_base *b, const char *const *items, size_t n, bool and)
{
	GString *s = g_string_new(NULL);
	b->grammar->join(s, items, n, and);
	return g_string_free(s, FALSE);
}

static int by_count_desc(gconstpointer a, gconstpointer b)
{
	unsigned long x = ((const struct narrate_item *)a)->count;
	unsigned long y = ((const struct narrate_item *)b)->count;
	return (x < y) - (x > y);
}

#define ITEM(a, i) (&g_array_index((a), struct narrate_item, (i)))

/* ITEMS, equal phrases added together when MERGE, sorted largest first (stable). */
static GArray *sorted(const struct narrate_item *items, size_t n_items, bool merge)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(struct narrate_item));
	for (size_t i = 0; i < n_items; i++) {
		guint j = 0;
		while (merge && j < a->len && strcmp(ITEM(a, j)->phrase, items[i].phrase) != 0)
			j++;
		if (merge && j < a->len)
			ITEM(a, j)->count += items[i].count;
		else
			g_array_append_val(a, items[i]);
	}
	g_array_sort(a, by_count_desc);
	return a;
}

/* select_one and yes/no */

/* Clauses for the items of A from FIRST on that have a count; those past the list's end are told together. */
static void add_items(const struct narrate_base *b, GPtrArray *clauses, GArray *a, guint first)
{
	unsigned long sum = 0;
	unsigned long cut = 0;
	for (guint i = first; i < a->len; i++) {
		const struct narrate_item *it = ITEM(a, i);
		if (!it->count)
			continue;
		if (i < NARRATE_LIST_MAX) {
			add_clause(b, clauses, it->count, it->phrase);
		} else {
			sum += it->count;
			cut++;
		}
	}
	if (cut) {
		GString *p = g_string_new(NULL);
		b->grammar->other_answers(p, cut);
		add_clause(b, clauses, sum, p->str);
		g_string_free(p, TRUE);
	}
}

char *narrate_intl_select_one(const struct narrate_base *b, const struct narrate_item *items,
			      size_t n_items)
{
	if (b->n == 0)
		return no_replies(b);
	GArray *a = sorted(items, n_items, true);
	GString *s = g_string_new(NULL);
	if (ITEM(a, 0)->count == 0) {
		GPtrArray *all = g_ptr_array_new();
		for (guint i = 0; i < a->len; i++)
			g_ptr_array_add(all, (gpointer)ITEM(a, i)->phrase);
		char *any = joined(b, (const char *const *)all->pdata, all->len, false);
		b->grammar->lead(s, b, 0, any);
		g_free(any);
		g_ptr_array_free(all, TRUE);
	} else {
		GPtrArray *clauses = g_ptr_array_new_with_free_func(g_free);
		b->grammar->lead(s, b, ITEM(a, 0)->count, ITEM(a, 0)->phrase);
		add_items(b, clauses, a, 1);
		put_clauses(b, s, clauses);
		g_ptr_array_free(clauses, TRUE);
	}
	g_array_free(a, TRUE);
	return finish(b->grammar, s);
}

char *narrate_intl_yes_no(const struct narrate_base *b, const char *predicate, unsigned long yes,
			  unsigned long no, const struct narrate_item *others, size_t n_others)
{
	if (b->n == 0)
		return no_replies(b);
	const struct narrate_grammar *g = b->grammar;
	GArray *a = sorted(others, n_others, true);
	GString *s = g_string_new(NULL);
	if (b->n == 1 && !yes && no)
		g->lead(s, b, 1, g->answered_no);
	else if (b->n == 1 && !yes && a->len && ITEM(a, 0)->count)
		g->lead(s, b, 1, ITEM(a, 0)->phrase);
	else if (!yes && no == b->n && b->n >= 2)
		g->lead(s, b, no, g->answered_no);
	else {
		GPtrArray *clauses = g_ptr_array_new_with_free_func(g_free);
		g->lead(s, b, yes, predicate);
		if (no)
			add_clause(b, clauses, no, g->answered_no);
		if (b->n >= 2)
			add_items(b, clauses, a, 0);
		put_clauses(b, s, clauses);
		g_ptr_array_free(clauses, TRUE);
	}
	g_array_free(a, TRUE);
	return finish(g, s);
}

/* select_multiple */

/* VERB and the items PHRASES, joined with "and" (or "or" when nobody chose them). */
static char *verb_list(const struct narrate_base *b, const char *verb, GPtrArray *phrases,
		       bool chosen)
{
	char *objects = joined(b, (const char *const *)phrases->pdata, phrases->len, chosen);
	GString *s = g_string_new(NULL);
	b->grammar->verb_object(s, verb, objects);
	g_free(objects);
	return g_string_free(s, FALSE);
}

/* One clause: K of the base did PREDICATE. */
struct clause {
	unsigned long count;
	char *predicate;
};

static void clause_clear(void *p)
{
	g_free(((struct clause *)p)->predicate);
}

static void push(GArray *clauses, unsigned long k, char *predicate)
{
	struct clause c = { k, predicate };
	g_array_append_val(clauses, c);
}

/*
 * The clauses of a select_multiple, largest count first.  Items chosen by
 * all or by none share a clause ("all had joined A and B"); items chosen
 * by some have a clause each, since "one had joined A and B" would say one
 * State joined both.  After NARRATE_LIST_MAX clauses the rest are told in
 * others_chosen() (*DROPPED items, the most chosen by *MOST).
 */
static GArray *multiple_clauses(const struct narrate_base *b, const char *verb, GArray *a,
				const struct narrate_item *none, size_t n_items,
				unsigned long *dropped, unsigned long *most)
{
	GArray *clauses = g_array_new(FALSE, FALSE, sizeof(struct clause));
	g_array_set_clear_func(clauses, clause_clear);
	GPtrArray *group = g_ptr_array_new();
	*dropped = *most = 0;
	for (guint i = 0; i < a->len;) {
		unsigned long k = ITEM(a, i)->count;
		g_ptr_array_set_size(group, 0);
		for (; i < a->len && ITEM(a, i)->count == k; i++)
			g_ptr_array_add(group, (gpointer)ITEM(a, i)->phrase);
		bool shared = k == 0 || k == b->n;
		for (guint j = 0; j < group->len; j++) {
			if (clauses->len == NARRATE_LIST_MAX) {
				*dropped += group->len - j;
				*most = MAX(*most, k);
				break;
			}
			if (!shared) {
				GPtrArray *one = g_ptr_array_new();
				g_ptr_array_add(one, group->pdata[j]);
				push(clauses, k, verb_list(b, verb, one, true));
				g_ptr_array_free(one, TRUE);
				continue;
			}
			push(clauses, k, verb_list(b, verb, group, k > 0));
			break;
		}
	}
	if (none && (none->count > 0 || n_items == 0))
		push(clauses, none->count, g_strdup(none->phrase));
	g_ptr_array_free(group, TRUE);
	return clauses;
}

/* A base of one: what it chose, or its exclusive choice, or that it chose none of the items. */
static void put_multiple_of_one(const struct narrate_base *b, GString *s, const char *verb,
				const struct narrate_item *items, size_t n_items,
				const struct narrate_item *none)
{
	GPtrArray *chosen = g_ptr_array_new(), *left = g_ptr_array_new();
	for (size_t i = 0; i < n_items; i++)
		g_ptr_array_add(items[i].count ? chosen : left, (gpointer)items[i].phrase);
	if (chosen->len) {
		char *p = verb_list(b, verb, chosen, true);
		b->grammar->lead(s, b, 1, p);
		g_free(p);
	} else if (none && (none->count || n_items == 0)) {
		b->grammar->lead(s, b, none->count, none->phrase);
	} else {
		char *p = verb_list(b, verb, left, false);
		b->grammar->lead(s, b, 0, p);
		g_free(p);
	}
	g_ptr_array_free(chosen, TRUE);
	g_ptr_array_free(left, TRUE);
}

char *narrate_intl_select_multiple(const struct narrate_base *b, const char *verb,
				   const struct narrate_item *items, size_t n_items,
				   const struct narrate_item *none)
{
	if (b->n == 0)
		return no_replies(b);
	const struct narrate_grammar *g = b->grammar;
	GString *s = g_string_new(NULL);
	if (b->n == 1) {
		put_multiple_of_one(b, s, verb, items, n_items, none);
		return finish(g, s);
	}
	GArray *a = sorted(items, n_items, false);
	unsigned long dropped, most;
	GArray *clauses = multiple_clauses(b, verb, a, none, n_items, &dropped, &most);
	GPtrArray *later = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < clauses->len; i++) {
		const struct clause *c = &g_array_index(clauses, struct clause, i);
		if (i == 0)
			g->lead(s, b, c->count, c->predicate);
		else
			add_clause(b, later, c->count, c->predicate);
	}
	put_clauses(b, s, later);
	g_ptr_array_free(later, TRUE);
	g_array_free(clauses, TRUE);
	g_array_free(a, TRUE);
	if (!dropped)
		return finish(g, s);
	char *first = finish(g, s);
	GString *t = g_string_new(NULL);
	g->others_chosen(t, dropped, most);
	char *second = finish(g, t);
	/* a space between the sentences, but none after a full-width stop (。) */
	char *out = g_strconcat(first, g_str_has_suffix(first, "\u3002") ? "" : " ", second, NULL);
	g_free(first);
	g_free(second);
	return out;
}

/* Words */

char *narrate_intl_quote(const struct narrate_grammar *g, const char *label)
{
	char *trimmed = g_strstrip(g_strdup(label));
	char *out = g_strconcat(g->open_quote, trimmed, g->close_quote, NULL);
	g_free(trimmed);
	return out;
}

/* FMT ("avaient répondu %s") with LABEL quoted. */
static char *with_quote(const struct narrate_grammar *g, const char *fmt, const char *label)
{
	char *q = narrate_intl_quote(g, label);
	GString *s = g_string_new(NULL);
	const char *at = strstr(fmt, "%s");
	g_string_append_len(s, fmt, at ? at - fmt : (gssize)strlen(fmt));
	g_string_append(s, q);
	if (at)
		g_string_append(s, at + 2);
	g_free(q);
	return g_string_free(s, FALSE);
}

char *narrate_intl_answered(const struct narrate_grammar *g, const char *label)
{
	return with_quote(g, g->answered_fmt, label);
}

char *narrate_intl_selected(const struct narrate_grammar *g, const char *label)
{
	return with_quote(g, g->selected_fmt, label);
}

char *narrate_intl_number(const struct narrate_grammar *g, unsigned long n)
{
	GString *s = g_string_new(NULL);
	g->number(s, n);
	return g_string_free(s, FALSE);
}

char *narrate_intl_join(const struct narrate_grammar *g, const char *const *parts, size_t n)
{
	GString *s = g_string_new(NULL);
	g->join(s, parts, n, true);
	return g_string_free(s, FALSE);
}

char *narrate_intl_verb_object(const struct narrate_grammar *g, const char *verb, const char *object)
{
	GString *s = g_string_new(NULL);
	g->verb_object(s, verb, object);
	return g_string_free(s, FALSE);
}
