/* narrate.c - English sentences drafted from counts, bases and phrases */
#include <config.h>
#include "narrate.h"
#include "narrate-intl.h"

#include <math.h>
#include <string.h>
#include <glib.h>

/* Numbers and nouns */

static const char *const number_words[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
};

/* The LEN digits at DIGITS with a comma before every group of three. */
static void put_grouped(GString *s, const char *digits, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			g_string_append_c(s, ',');
		g_string_append_c(s, digits[i]);
	}
}

static void put_number(GString *s, unsigned long n)
{
	if (n < G_N_ELEMENTS(number_words)) {
		g_string_append(s, number_words[n]);
		return;
	}
	char *digits = g_strdup_printf("%lu", n);
	put_grouped(s, digits, strlen(digits));
	g_free(digits);
}

/* Capitalises the character at byte POS of S, if it is a lower-case letter. */
static void capitalise(GString *s, gsize pos)
{
	if (pos >= s->len)
		return;
	const char *p = s->str + pos;
	gunichar c = g_utf8_get_char(p);
	if (!g_unichar_islower(c))
		return;
	gsize len = (gsize)(g_utf8_next_char(p) - p);
	g_string_erase(s, (gssize)pos, (gssize)len);
	g_string_insert_unichar(s, (gssize)pos, g_unichar_totitle(c));
}

static bool is_set(const char *s)
{
	return s && *s;
}

static void put_noun(GString *s, const struct narrate_base *b, bool plural)
{
	const char *noun;
	if (plural)
		noun = b->plural ? b->plural : "respondents";
	else
		noun = b->singular ? b->singular : "respondent";
	if (is_set(b->pre))
		g_string_append_printf(s, "%s ", b->pre);
	g_string_append(s, noun);
	if (is_set(b->post))
		g_string_append_printf(s, " %s", b->post);
}

/* "nine replying Member States", "one replying Member State", "no replying Member States" */
static void put_counted(GString *s, const struct narrate_base *b)
{
	if (b->n == 0)
		g_string_append(s, "no");
	else
		put_number(s, b->n);
	g_string_append_c(s, ' ');
	put_noun(s, b, b->n != 1);
}

struct narrate_base narrate_replying(unsigned long n, const char *singular, const char *plural)
{
	struct narrate_base b = {n, singular, plural, "replying", NULL, NULL, NARRATE_REPLYING, NULL};
	return b;
}

char *narrate_number(unsigned long n, unsigned flags)
{
	GString *s = g_string_new(NULL);
	put_number(s, n);
	if (flags & NARRATE_CAPITAL)
		capitalise(s, 0);
	return g_string_free(s, FALSE);
}

char *narrate_base_phrase(const struct narrate_base *b, bool counted)
{
	GString *s = g_string_new(NULL);
	if (counted)
		put_counted(s, b);
	else
		put_noun(s, b, true);
	return g_string_free(s, FALSE);
}

/* Lists and sentences */

static bool has_conjunction(const char *s)
{
	return strstr(s, " and ") || strstr(s, " or ");
}

static void put_list(GString *s, const char *const *items, size_t n, const char *conj)
{
	bool serial = false;
	for (size_t i = 0; n >= 3 && i < n; i++)
		serial = serial || has_conjunction(items[i]);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && i + 1 < n)
			g_string_append(s, ", ");
		else if (i > 0)
			g_string_append_printf(s, "%s %s ", serial ? "," : "", conj);
		g_string_append(s, items[i]);
	}
}

char *narrate_join(const char *const *items, size_t n_items, const char *conj)
{
	GString *s = g_string_new(NULL);
	put_list(s, items, n_items, conj);
	return g_string_free(s, FALSE);
}

static bool is_terminal(gunichar c)
{
	return c == '.' || c == '?' || c == '!';
}

static bool is_closing_quote(gunichar c)
{
	return c == 0x2019 || c == 0x201D || c == '\'' || c == '"';
}

/* True when S ends with a full stop, question or exclamation mark, perhaps inside quotes. */
static bool ends_sentence(const GString *s)
{
	const char *end = s->str + s->len;
	const char *p = g_utf8_find_prev_char(s->str, end);
	if (!p)
		return false;
	gunichar c = g_utf8_get_char(p);
	if (is_closing_quote(c)) {
		p = g_utf8_find_prev_char(s->str, p);
		if (!p)
			return false;
		c = g_utf8_get_char(p);
	}
	return is_terminal(c);
}

/* Makes S, which started at byte 0 of the buffer, a sentence; returns its text. */
static char *finish_sentence(GString *s)
{
	capitalise(s, 0);
	if (s->len > 0 && !ends_sentence(s))
		g_string_append_c(s, '.');
	return g_string_free(s, FALSE);
}

char *narrate_sentence(const char *text)
{
	return finish_sentence(g_string_new(text));
}

/* Verbs, through narrate-verb.c */

static void put_agreed(GString *s, const char *predicate, bool singular)
{
	char *agreed = narrate_agree(predicate, singular);
	g_string_append(s, agreed);
	g_free(agreed);
}

static void put_not(GString *s, const char *predicate, bool singular)
{
	char *negative = narrate_not(predicate, singular);
	g_string_append(s, negative);
	g_free(negative);
}

/* Quantities */

static bool use_proportion(const struct narrate_base *b, unsigned long k, unsigned flags)
{
	return (flags & NARRATE_PROPORTION) && b->n >= 5 && k < b->n && 2 * k >= b->n;
}

/* "half of the ten ...", "most replying Member States (six of nine)"; always plural. */
static void put_proportion(GString *s, const struct narrate_base *b, unsigned long k)
{
	if (2 * k == b->n) {
		g_string_append(s, "half of the ");
		put_counted(s, b);
		return;
	}
	g_string_append(s, 3 * k >= 2 * b->n ? "most " : "a majority of the ");
	put_noun(s, b, true);
	g_string_append(s, " (");
	put_number(s, k);
	g_string_append(s, " of ");
	put_number(s, b->n);
	g_string_append_c(s, ')');
}

/* The subject for a base of one; returns true when singular. */
static bool put_of_one(GString *s, const struct narrate_base *b, unsigned long k)
{
	if (k == 1) {
		g_string_append(s, "the one ");
		put_noun(s, b, false);
		return true;
	}
	g_string_append(s, "none of the ");
	put_noun(s, b, true);
	g_string_append(s, " (one in all)");
	return false;
}

/* The subject for 0 < K < N without a proportion word; returns true when singular. */
static bool put_part(GString *s, const struct narrate_base *b, unsigned long k, bool opening)
{
	if (opening && k >= 10) {
		g_string_append(s, "of the ");
		put_counted(s, b);
		g_string_append(s, ", ");
		put_number(s, k);
		return false;
	}
	put_number(s, k);
	g_string_append(s, " of the ");
	put_counted(s, b);
	return k == 1;
}

/* Appends the subject for K of B; returns true when it takes a singular verb. */
static bool put_quantity(GString *s, const struct narrate_base *b, unsigned long k, unsigned flags)
{
	gsize start = s->len;
	bool singular = false;
	if (b->n == 0) {
		put_counted(s, b);
	} else if (b->n == 1) {
		singular = put_of_one(s, b, k);
	} else if (k == b->n) {
		g_string_append(s, b->n == 2 ? "both " : "all ");
		if (b->n == 2)
			put_noun(s, b, true);
		else
			put_counted(s, b);
	} else if (k == 0) {
		g_string_append(s, b->n == 2 ? "neither of the " : "none of the ");
		put_counted(s, b);
		singular = b->n == 2;
	} else if (use_proportion(b, k, flags)) {
		put_proportion(s, b, k);
	} else {
		singular = put_part(s, b, k, flags & NARRATE_CAPITAL);
	}
	if (flags & NARRATE_CAPITAL)
		capitalise(s, start);
	return singular;
}

char *narrate_quantity(const struct narrate_base *b, unsigned long k, unsigned flags,
		       bool *singular)
{
	g_return_val_if_fail(b && k <= b->n, NULL);
	GString *s = g_string_new(NULL);
	bool one = put_quantity(s, b, k, flags);
	if (singular)
		*singular = one;
	return g_string_free(s, FALSE);
}

/*
 * Appends the count that opens a later clause, after the base was named:
 * "all", "both", "none", "neither", "seven".  Returns true when singular.
 */
static bool put_count_word(GString *s, unsigned long k, unsigned long n)
{
	if (k == n && n >= 2) {
		g_string_append(s, n == 2 ? "both" : "all");
		return false;
	}
	if (k == 0) {
		g_string_append(s, n == 2 ? "neither" : "none");
		return n == 2;
	}
	put_number(s, k);
	return k == 1;
}

/* Sentences */

static char *no_replies(const struct narrate_base *b)
{
	GString *s = g_string_new("there were ");
	put_counted(s, b);
	return finish_sentence(s);
}

/* Appends "K of B PREDICATE" opening a sentence; a base of one negates PREDICATE when it can. */
static void put_lead(GString *s, const struct narrate_base *b, unsigned long k,
		     const char *predicate, unsigned flags)
{
	flags |= NARRATE_CAPITAL;
	if (b->n == 1 && k == 0) {
		char *negated = narrate_negate(predicate, true);
		if (negated) {
			put_quantity(s, b, 1, flags);
			g_string_append_printf(s, " %s", negated);
			g_free(negated);
			return;
		}
	}
	bool singular = put_quantity(s, b, k, flags);
	g_string_append_c(s, ' ');
	put_agreed(s, predicate, singular);
}

char *narrate_count(const struct narrate_base *b, unsigned long k, const char *predicate,
		    unsigned flags)
{
	g_return_val_if_fail(b && predicate && k <= b->n, NULL);
	if (b->grammar)
		return narrate_intl_count(b, k, predicate);
	if (b->n == 0)
		return no_replies(b);
	GString *s = g_string_new(NULL);
	put_lead(s, b, k, predicate, flags);
	return finish_sentence(s);
}

/* Later clauses, collected as strings and joined "A; b, c and d". */
static void add_clause(GPtrArray *clauses, unsigned long k, unsigned long n, const char *predicate)
{
	GString *c = g_string_new(NULL);
	bool singular = put_count_word(c, k, n);
	g_string_append_c(c, ' ');
	put_agreed(c, predicate, singular);
	g_ptr_array_add(clauses, g_string_free(c, FALSE));
}

static void put_clauses(GString *s, GPtrArray *clauses)
{
	if (clauses->len == 0)
		return;
	g_string_append(s, "; ");
	put_list(s, (const char *const *)clauses->pdata, clauses->len, "and");
}

static unsigned long long total(const struct narrate_item *items, size_t n_items)
{
	unsigned long long sum = 0;
	for (size_t i = 0; i < n_items; i++)
		sum += items[i].count;
	return sum;
}

static int by_count_desc(gconstpointer a, gconstpointer b)
{
	unsigned long x = ((const struct narrate_item *)a)->count;
	unsigned long y = ((const struct narrate_item *)b)->count;
	return (x < y) - (x > y);
}

#define ITEM(a, i) (&g_array_index((a), struct narrate_item, (i)))

/* ITEMS sorted by count, largest first; g_array_sort() is stable, so ties keep their order. */
static GArray *sorted_items(const struct narrate_item *items, size_t n_items)
{
	GArray *a = g_array_sized_new(FALSE, FALSE, sizeof(struct narrate_item), (guint)n_items);
	if (n_items > 0)
		g_array_append_vals(a, items, (guint)n_items);
	g_array_sort(a, by_count_desc);
	return a;
}

/* ITEMS with equal phrases added together, then sorted. */
static GArray *merged_items(const struct narrate_item *items, size_t n_items)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(struct narrate_item));
	for (size_t i = 0; i < n_items; i++) {
		guint j = 0;
		while (j < a->len && strcmp(ITEM(a, j)->phrase, items[i].phrase) != 0)
			j++;
		if (j < a->len)
			ITEM(a, j)->count += items[i].count;
		else
			g_array_append_val(a, items[i]);
	}
	g_array_sort(a, by_count_desc);
	return a;
}

/*
 * A sentence lists at most NARRATE_LIST_MAX answers: of A (sorted, most
 * chosen first), the items from NARRATE_LIST_MAX on are cut, and what
 * they held is told: how many were cut (*DROPPED), how many of them had a
 * count (*CUT), how many States chose them (*SUM) and the most that chose
 * one (*MOST).  The table under the paragraph lists them all.
 */
static void cut_items(GArray *a, guint *cut, guint *dropped, unsigned long *sum,
		      unsigned long *most)
{
	*cut = *dropped = 0;
	*sum = *most = 0;
	if (a->len <= NARRATE_LIST_MAX)
		return;
	for (guint i = NARRATE_LIST_MAX; i < a->len; i++) {
		unsigned long k = ITEM(a, i)->count;
		*cut += k > 0;
		*sum += k;
		*most = MAX(*most, k);
	}
	*dropped = a->len - NARRATE_LIST_MAX;
	g_array_set_size(a, NARRATE_LIST_MAX);
}

/* Adds a clause for every item of A from FIRST on that has a count. */
static void add_item_clauses(GPtrArray *clauses, GArray *a, guint first, unsigned long n)
{
	for (guint i = first; i < a->len; i++)
		if (ITEM(a, i)->count > 0)
			add_clause(clauses, ITEM(a, i)->count, n, ITEM(a, i)->phrase);
}

/* "12 gave 20 other answers", "one gave another answer": the answers cut_items() cut. */
static void add_others_clause(GPtrArray *clauses, guint cut, unsigned long sum, unsigned long n)
{
	if (!cut)
		return;
	GString *c = g_string_new(NULL);
	put_count_word(c, sum, n);
	if (cut == 1)
		g_string_append(c, sum == 1 ? " gave another answer" : " gave one other answer");
	else {
		char *m = narrate_number(cut, 0);
		g_string_append_printf(c, " gave %s other answers", m);
		g_free(m);
	}
	g_ptr_array_add(clauses, g_string_free(c, FALSE));
}

/* "None of the nine ... had X, were Y or had Z": every predicate of A, none chosen. */
static void put_none_of(GString *s, const struct narrate_base *b, GArray *a, unsigned flags)
{
	bool singular = put_quantity(s, b, 0, flags | NARRATE_CAPITAL);
	GPtrArray *agreed = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < a->len; i++)
		g_ptr_array_add(agreed, narrate_agree(ITEM(a, i)->phrase, singular));
	g_string_append_c(s, ' ');
	put_list(s, (const char *const *)agreed->pdata, agreed->len, "or");
	g_ptr_array_free(agreed, TRUE);
}

char *narrate_select_one(const struct narrate_base *b, const struct narrate_item *items,
			 size_t n_items, unsigned flags)
{
	g_return_val_if_fail(b && items && n_items > 0, NULL);
	g_return_val_if_fail(total(items, n_items) <= b->n, NULL);
	if (b->grammar)
		return narrate_intl_select_one(b, items, n_items);
	if (b->n == 0)
		return no_replies(b);
	GArray *a = merged_items(items, n_items);
	GString *s = g_string_new(NULL);
	if (ITEM(a, 0)->count == 0) {
		put_none_of(s, b, a, flags);
	} else {
		guint cut, dropped;
		unsigned long sum, most;
		cut_items(a, &cut, &dropped, &sum, &most);
		GPtrArray *clauses = g_ptr_array_new_with_free_func(g_free);
		put_lead(s, b, ITEM(a, 0)->count, ITEM(a, 0)->phrase, flags);
		add_item_clauses(clauses, a, 1, b->n);
		add_others_clause(clauses, cut, sum, b->n);
		put_clauses(s, clauses);
		g_ptr_array_free(clauses, TRUE);
	}
	g_array_free(a, TRUE);
	return finish_sentence(s);
}

/* A base of one: the one answer given, or none. */
static void put_yes_no_of_one(GString *s, const struct narrate_base *b, const char *predicate,
			      unsigned long yes, unsigned long no, GArray *others, unsigned flags)
{
	if (yes || no) {
		put_lead(s, b, yes, predicate, flags);
	} else if (others->len && ITEM(others, 0)->count) {
		put_lead(s, b, 1, ITEM(others, 0)->phrase, flags);
	} else {
		bool singular = put_quantity(s, b, 0, flags | NARRATE_CAPITAL);
		g_string_append_c(s, ' ');
		put_agreed(s, predicate, singular);
	}
}

static void add_no_clause(GPtrArray *clauses, unsigned long no, unsigned long n,
			  const char *predicate)
{
	GString *c = g_string_new(NULL);
	bool singular = put_count_word(c, no, n);
	g_string_append_c(c, ' ');
	put_not(c, predicate, singular);
	g_ptr_array_add(clauses, g_string_free(c, FALSE));
}

char *narrate_yes_no(const struct narrate_base *b, const char *predicate, unsigned long yes,
		     unsigned long no, const struct narrate_item *others, size_t n_others,
		     unsigned flags)
{
	g_return_val_if_fail(b && predicate && (others || n_others == 0), NULL);
	g_return_val_if_fail((unsigned long long)yes + no + total(others, n_others) <= b->n, NULL);
	if (b->grammar)
		return narrate_intl_yes_no(b, predicate, yes, no, others, n_others);
	if (b->n == 0)
		return no_replies(b);
	GArray *a = merged_items(others, n_others);
	GString *s = g_string_new(NULL);
	if (b->n == 1) {
		put_yes_no_of_one(s, b, predicate, yes, no, a, flags);
	} else {
		GPtrArray *clauses = g_ptr_array_new_with_free_func(g_free);
		put_lead(s, b, yes, predicate, flags);
		if (no > 0 && !(yes == 0 && no == b->n))
			add_no_clause(clauses, no, b->n, predicate);
		add_item_clauses(clauses, a, 0, b->n);
		put_clauses(s, clauses);
		g_ptr_array_free(clauses, TRUE);
	}
	g_array_free(a, TRUE);
	return finish_sentence(s);
}

/* select_multiple */

/* A clause of a select_multiple sentence, before agreement with its count. */
struct clause {
	unsigned long count;
	char *predicate;	/* "had joined A, B and C" */
	bool each;		/* several items, each chosen by COUNT of the base */
};

static void clause_clear(void *p)
{
	g_free(((struct clause *)p)->predicate);
}

/*
 * Appends VERB and PHRASES: "had joined A and B", or "had joined A or B"
 * when nobody did; of more than NARRATE_LIST_MAX phrases, the first and
 * how many others: "had criminalised A, B, C, D and E, and five others".
 */
static void put_verb_list(GString *s, const char *verb, GPtrArray *phrases, unsigned long count)
{
	g_string_append_printf(s, "%s ", verb);
	if (phrases->len <= NARRATE_LIST_MAX) {
		put_list(s, (const char *const *)phrases->pdata, phrases->len, count ? "and" : "or");
		return;
	}
	put_list(s, (const char *const *)phrases->pdata, NARRATE_LIST_MAX, count ? "and" : "or");
	char *m = narrate_number(phrases->len - NARRATE_LIST_MAX, 0);
	g_string_append_printf(s, ", %s %s other%s", count ? "and" : "or", m,
			       phrases->len - NARRATE_LIST_MAX == 1 ? "" : "s");
	g_free(m);
}

/* One clause per group of items with equal counts, largest first, then NONE. */
/*
 * VERB after its first clause: a verb ending in a preposition is said once
 * and its preposition stands for it after ("All eight based jurisdiction
 * on territoriality; seven on nationality"); any other is said again
 * ("seven had criminalised ..."), since "seven A" would not read.
 */
static const char *elided(const char *verb)
{
	static const char *const prepositions[] = {
		"on", "in", "to", "with", "for", "by", "from", "of", "at", "about", "against",
		"under", "through", "into", "towards", NULL,
	};
	const char *last = strrchr(verb, ' ');
	if (!last)
		return verb;
	for (const char *const *p = prepositions; *p; p++)
		if (strcmp(last + 1, *p) == 0)
			return last + 1;
	return verb;
}

/* What a select_multiple's sentence left out: cut_items()'s counts. */
struct cut {
	guint cut, dropped;
	unsigned long sum, most;
};

static GArray *multiple_clauses(unsigned long n, const char *verb, const struct narrate_item *items,
				size_t n_items, const struct narrate_item *none, struct cut *cut)
{
	GArray *clauses = g_array_new(FALSE, FALSE, sizeof(struct clause));
	g_array_set_clear_func(clauses, clause_clear);
	GArray *sorted = sorted_items(items, n_items);
	GPtrArray *phrases = g_ptr_array_new();
	memset(cut, 0, sizeof *cut);
	for (guint i = 0; i < sorted->len;) {
		struct clause c = {ITEM(sorted, i)->count, NULL, false};
		g_ptr_array_set_size(phrases, 0);
		for (; i < sorted->len && ITEM(sorted, i)->count == c.count; i++)
			g_ptr_array_add(phrases, (gpointer)ITEM(sorted, i)->phrase);
		if (clauses->len == NARRATE_LIST_MAX) {	/* the rest is told after the sentence */
			cut->dropped += phrases->len;
			cut->most = MAX(cut->most, c.count);
			continue;
		}
		GString *p = g_string_new(NULL);
		put_verb_list(p, clauses->len ? elided(verb) : verb, phrases, c.count);
		c.predicate = g_string_free(p, FALSE);
		c.each = phrases->len >= 2 && c.count > 0 && c.count < n;
		g_array_append_val(clauses, c);
	}
	if (none && (none->count > 0 || n_items == 0)) {
		struct clause c = {none->count, g_strdup(none->phrase), false};
		g_array_append_val(clauses, c);
	}
	g_ptr_array_free(phrases, TRUE);
	g_array_free(sorted, TRUE);
	return clauses;
}

/* "one each had joined A, B and C", "six were party to none of these conventions" */
static void put_clause(GString *s, const struct clause *c, unsigned long n)
{
	bool singular = put_count_word(s, c->count, n);
	if (c->each)
		g_string_append(s, " each");
	g_string_append_c(s, ' ');
	put_agreed(s, c->predicate, singular);
}

static void put_multiple(GString *s, const struct narrate_base *b, GArray *clauses, unsigned flags)
{
	const struct clause *first = &g_array_index(clauses, struct clause, 0);
	if (first->each) {
		g_string_append(s, "Of the ");
		put_counted(s, b);
		g_string_append(s, ", ");
		put_clause(s, first, b->n);
	} else {
		put_lead(s, b, first->count, first->predicate, flags);
	}
	for (guint i = 1; i < clauses->len; i++) {
		g_string_append(s, "; ");
		put_clause(s, &g_array_index(clauses, struct clause, i), b->n);
	}
}

/* What the one respondent chose: "had joined A and B but not C". */
static void put_chosen(GString *p, const char *verb, GPtrArray *chosen, GPtrArray *left,
		       const struct narrate_item *none)
{
	put_verb_list(p, verb, chosen, 1);
	if (none && none->count) {
		g_string_append(p, ", and ");
		put_agreed(p, none->phrase, true);
	} else if (left->len) {
		g_string_append(p, " but not ");
		put_list(p, (const char *const *)left->pdata, left->len, "or");
	}
}

/*
 * A base of one: what it chose, "but not" what it did not; or the
 * exclusive choice; or, when it chose nothing, the items negated.
 */
static void put_multiple_of_one(GString *s, const struct narrate_base *b, const char *verb,
				const struct narrate_item *items, size_t n_items,
				const struct narrate_item *none, unsigned flags)
{
	GPtrArray *chosen = g_ptr_array_new(), *left = g_ptr_array_new();
	for (size_t i = 0; i < n_items; i++)
		g_ptr_array_add(items[i].count ? chosen : left, (gpointer)items[i].phrase);
	GString *p = g_string_new(NULL);
	unsigned long k = 1;
	if (chosen->len) {
		put_chosen(p, verb, chosen, left, none);
	} else if (none && (none->count || n_items == 0)) {
		g_string_append(p, none->phrase);
		k = none->count;
	} else {
		put_verb_list(p, verb, left, 0);
		k = 0;
	}
	put_lead(s, b, k, p->str, flags);
	g_string_free(p, TRUE);
	g_ptr_array_free(chosen, TRUE);
	g_ptr_array_free(left, TRUE);
}

static bool counts_within(const struct narrate_item *items, size_t n_items,
			  const struct narrate_item *none, unsigned long n)
{
	for (size_t i = 0; i < n_items; i++)
		if (items[i].count > n)
			return false;
	return !none || none->count <= n;
}

/*
 * After a select_multiple's sentence, the choices it left out, as a
 * sentence of their own: ". None of the other 20 choices was chosen by
 * more than three.", ". None of the other two choices was chosen."
 */
static void put_others_chosen(GString *s, const struct cut *cut)
{
	if (!cut->dropped)
		return;
	char *m = narrate_number(cut->dropped, 0), *k = narrate_number(cut->most, 0);
	g_string_append(s, ". ");
	if (cut->dropped == 1 && cut->most)
		g_string_append_printf(s, "One other choice was chosen by %s", k);
	else if (cut->dropped == 1)
		g_string_append(s, "No other choice was chosen");
	else if (cut->most)
		g_string_append_printf(s, "None of the other %s choices was chosen by more than %s",
				       m, k);
	else
		g_string_append_printf(s, "None of the other %s choices was chosen", m);
	g_free(m);
	g_free(k);
}

char *narrate_select_multiple(const struct narrate_base *b, const char *verb,
			      const struct narrate_item *items, size_t n_items,
			      const struct narrate_item *none, unsigned flags)
{
	g_return_val_if_fail(b && verb && (items || n_items == 0), NULL);
	g_return_val_if_fail(n_items > 0 || none, NULL);
	g_return_val_if_fail(counts_within(items, n_items, none, b->n), NULL);
	if (b->grammar)
		return narrate_intl_select_multiple(b, verb, items, n_items, none);
	if (b->n == 0)
		return no_replies(b);
	GString *s = g_string_new(NULL);
	if (b->n == 1) {
		put_multiple_of_one(s, b, verb, items, n_items, none, flags);
	} else {
		struct cut cut;
		GArray *clauses = multiple_clauses(b->n, verb, items, n_items, none, &cut);
		put_multiple(s, b, clauses, flags);
		g_array_free(clauses, TRUE);
		put_others_chosen(s, &cut);
	}
	return finish_sentence(s);
}

/* Fallbacks */

static void put_quoted(GString *s, const char *label)
{
	char *trimmed = g_strstrip(g_strdup(label));
	g_string_append_printf(s, "“%s”", trimmed);
	g_free(trimmed);
}

char *narrate_quote(const char *label)
{
	g_return_val_if_fail(label, NULL);
	GString *s = g_string_new(NULL);
	put_quoted(s, label);
	return g_string_free(s, FALSE);
}

char *narrate_fallback_answer(const char *choice_label, const char *question_label)
{
	g_return_val_if_fail(choice_label, NULL);
	GString *s = g_string_new("answered ");
	put_quoted(s, choice_label);
	if (question_label) {
		g_string_append(s, " to the question ");
		put_quoted(s, question_label);
	}
	return g_string_free(s, FALSE);
}

char *narrate_fallback_selected(const char *choice_label)
{
	g_return_val_if_fail(choice_label, NULL);
	GString *s = g_string_new(NULL);
	g_string_append_printf(s, "%s ", NARRATE_FALLBACK_VERB);
	put_quoted(s, choice_label);
	return g_string_free(s, FALSE);
}

/* In a base's language */

char *narrate_quote_in(const struct narrate_base *b, const char *label)
{
	g_return_val_if_fail(b && label, NULL);
	return b->grammar ? narrate_intl_quote(b->grammar, label) : narrate_quote(label);
}

char *narrate_answered_in(const struct narrate_base *b, const char *choice_label)
{
	g_return_val_if_fail(b && choice_label, NULL);
	return b->grammar ? narrate_intl_answered(b->grammar, choice_label)
			  : narrate_fallback_answer(choice_label, NULL);
}

char *narrate_selected_in(const struct narrate_base *b, const char *choice_label)
{
	g_return_val_if_fail(b && choice_label, NULL);
	return b->grammar ? narrate_intl_selected(b->grammar, choice_label)
			  : narrate_fallback_selected(choice_label);
}

char *narrate_number_in(const struct narrate_base *b, unsigned long n)
{
	g_return_val_if_fail(b, NULL);
	return b->grammar ? narrate_intl_number(b->grammar, n) : narrate_number(n, 0);
}

char *narrate_join_in(const struct narrate_base *b, const char *const *parts, size_t n)
{
	g_return_val_if_fail(b && (parts || n == 0), NULL);
	return b->grammar ? narrate_intl_join(b->grammar, parts, n) : narrate_join(parts, n, "and");
}

char *narrate_fallback_verb_in(const struct narrate_base *b)
{
	g_return_val_if_fail(b, NULL);
	if (!b->grammar)
		return g_strdup(NARRATE_FALLBACK_VERB);
	char *verb = narrate_intl_selected(b->grammar, "");
	char *quote = narrate_intl_quote(b->grammar, "");
	if (g_str_has_suffix(verb, quote))	/* selected_fmt ends with its label */
		verb[strlen(verb) - strlen(quote)] = '\0';
	g_free(quote);
	return g_strchomp(verb);
}

char *narrate_verb_object_in(const struct narrate_base *b, const char *verb, const char *object)
{
	g_return_val_if_fail(b && verb && object, NULL);
	return b->grammar ? narrate_intl_verb_object(b->grammar, verb, object)
			  : g_strdup_printf("%s %s", verb, object);
}
