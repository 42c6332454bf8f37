/* test-narrate-lang.c - the drafted sentences of every language, word for word */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "narrate.h"
#include "narrate-grammar.h"
#include "tap.h"

/*
 * tests/data/narrate/LL.in lists what to draft, one line each, fields
 * separated by tabs; an item is COUNT|PHRASE:
 *   counts    PREDICATE        K of N for every N and K of the counts below
 *   count     N  K  SCOPE[:QUESTION]  PREDICATE
 *   one       N  ITEM...       a select_one
 *   yesno     N  PREDICATE  YES  NO  ITEM...
 *   multiple  N  VERB  NONE|-  ITEM...
 *   quote, answered, selected  LABEL
 *   number    N
 *   join      PART...
 * tests/data/narrate/LL.out holds what is drafted, "KEY<tab>SENTENCE" per
 * line, read and checked by a reader of the language.  With
 * QUIRE_NARRATE_PRINT=LL the test prints LL's sentences instead.
 */

static const unsigned long counts[] = { 0, 1, 2, 3, 5, 10, 11, 21, 100, 101 };

static struct narrate_base base(const char *lang, unsigned long n, const char *scope)
{
	struct narrate_base b = narrate_replying(n, "Member State", "Member States");
	b.grammar = narrate_grammar(lang);
	if (scope && g_str_has_prefix(scope, "answered")) {
		b.scope = NARRATE_ANSWERED;
		b.question = scope[8] == ':' ? scope + 9 : NULL;
		b.pre = NULL;
		b.post = "that answered the question";
	} else if (scope && strcmp(scope, "applied") == 0) {
		b.scope = NARRATE_APPLIED;
		b.pre = NULL;
		b.post = "to which the question applied";
	}
	return b;
}

/* ITEM "COUNT|PHRASE" */
static struct narrate_item item(const char *field)
{
	const char *bar = strchr(field, '|');
	struct narrate_item it = { bar ? bar + 1 : field, strtoul(field, NULL, 10) };
	return it;
}

static GArray *items(char **f, guint from)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(struct narrate_item));
	for (guint i = from; f[i]; i++) {
		struct narrate_item it = item(f[i]);
		g_array_append_val(a, it);
	}
	return a;
}

#define ITEMS(a) ((struct narrate_item *)(void *)(a)->data)

/* Appends "KEY<tab>SENTENCE" lines for one line of LL.in to OUT. */
static void draft(const char *lang, char **f, const char *key, GString *out)
{
	unsigned flags = NARRATE_CAPITAL;
	const char *kind = f[0];
	guint nf = g_strv_length(f);
	char *s = NULL;
	if (strcmp(kind, "counts") == 0 && nf >= 2) {
		for (size_t i = 0; i < G_N_ELEMENTS(counts); i++)
			for (size_t j = 0; j <= i; j++) {
				struct narrate_base b = base(lang, counts[i], NULL);
				char *c = narrate_count(&b, counts[j], f[1], flags);
				g_string_append_printf(out, "%s n=%lu k=%lu\t%s\n", key, counts[i],
						       counts[j], c);
				g_free(c);
			}
		return;
	}
	unsigned long n = nf >= 2 ? strtoul(f[1], NULL, 10) : 0;
	if (strcmp(kind, "count") == 0 && nf >= 5) {
		struct narrate_base b = base(lang, n, f[3]);
		s = narrate_count(&b, strtoul(f[2], NULL, 10), f[4], flags);
	} else if (strcmp(kind, "one") == 0 && nf >= 3) {
		struct narrate_base b = base(lang, n, NULL);
		GArray *a = items(f, 2);
		s = narrate_select_one(&b, ITEMS(a), a->len, flags);
		g_array_free(a, TRUE);
	} else if (strcmp(kind, "yesno") == 0 && nf >= 5) {
		struct narrate_base b = base(lang, n, NULL);
		GArray *a = items(f, 5);
		s = narrate_yes_no(&b, f[2], strtoul(f[3], NULL, 10), strtoul(f[4], NULL, 10),
				   ITEMS(a), a->len, flags);
		g_array_free(a, TRUE);
	} else if (strcmp(kind, "multiple") == 0 && nf >= 4) {
		struct narrate_base b = base(lang, n, NULL);
		GArray *a = items(f, 4);
		struct narrate_item none = item(f[3]);
		s = narrate_select_multiple(&b, f[2], ITEMS(a), a->len,
					    strcmp(f[3], "-") == 0 ? NULL : &none, flags);
		g_array_free(a, TRUE);
	} else if (nf >= 2) {
		struct narrate_base b = base(lang, 0, NULL);
		if (strcmp(kind, "quote") == 0)
			s = narrate_quote_in(&b, f[1]);
		else if (strcmp(kind, "answered") == 0)
			s = narrate_answered_in(&b, f[1]);
		else if (strcmp(kind, "selected") == 0)
			s = narrate_selected_in(&b, f[1]);
		else if (strcmp(kind, "number") == 0)
			s = narrate_number_in(&b, n);
		else if (strcmp(kind, "join") == 0)
			s = narrate_join_in(&b, (const char *const *)f + 1, nf - 1);
	}
	g_string_append_printf(out, "%s\t%s\n", key, s ? s : "(nothing drafted)");
	g_free(s);
}

static char *read_data(const char *name)
{
	const char *dir = g_getenv("QUIRE_TEST_DATA");
	char *path = g_build_filename(dir ? dir : "tests/data", "narrate", name, NULL);
	char *text = NULL;
	if (!g_file_get_contents(path, &text, NULL, NULL))
		ok(false, "read %s", path);
	g_free(path);
	return text;
}

static char *drafted(const char *lang)
{
	char *name = g_strdup_printf("%s.in", lang);
	char *text = read_data(name);
	g_free(name);
	if (!text)
		return NULL;
	GString *out = g_string_new(NULL);
	char **lines = g_strsplit(text, "\n", -1);
	for (guint i = 0; lines[i]; i++) {
		if (!*lines[i] || *lines[i] == '#')
			continue;
		char **f = g_strsplit(lines[i], "\t", -1);
		char *key = g_strdup_printf("%u %s", i + 1, f[0]);
		draft(lang, f, key, out);
		g_free(key);
		g_strfreev(f);
	}
	g_strfreev(lines);
	g_free(text);
	return g_string_free(out, FALSE);
}

static void check_language(const char *lang)
{
	char *got = drafted(lang);
	char *name = g_strdup_printf("%s.out", lang);
	char *want = got ? read_data(name) : NULL;
	g_free(name);
	if (!got || !want) {
		g_free(got);
		return;
	}
	char **g = g_strsplit(got, "\n", -1), **w = g_strsplit(want, "\n", -1);
	guint i = 0;
	for (; g[i] && w[i]; i++)
		tap_check_str(g[i], w[i], __FILE__, __LINE__, lang);
	ok(!g[i] && !w[i], "%s: %u sentences, as many as expected", lang, i);
	g_strfreev(g);
	g_strfreev(w);
	g_free(got);
	g_free(want);
}

/* ICU's plural categories, which the grammars choose their forms by. */
static void test_plurals(void)
{
	static const struct {
		const char *lang;
		const char *want;	/* the category of each of counts[] */
	} cases[] = {
		{ "ru", "many one few few many many many one many one" },
		{ "ar", "zero one two few few few many many other other" },
		{ "fr", "one one other other other other other other other other" },
		{ "es", "other one other other other other other other other other" },
		{ "zh", "other other other other other other other other other other" },
	};
	for (size_t c = 0; c < G_N_ELEMENTS(cases); c++) {
		GString *got = g_string_new(NULL);
		for (size_t i = 0; i < G_N_ELEMENTS(counts); i++)
			g_string_append_printf(got, "%s%s", i ? " " : "",
					       narrate_plural(cases[c].lang, counts[i]));
		tap_check_str(got->str, cases[c].want, __FILE__, __LINE__, cases[c].lang);
		g_string_free(got, TRUE);
	}
}

int main(void)
{
	static const char *const langs[] = { "en", "fr", "es", "ru", "ar", "zh" };
	const char *print = g_getenv("QUIRE_NARRATE_PRINT");
	if (print) {
		char *got = drafted(print);
		fputs(got ? got : "", stdout);
		g_free(got);
		return got ? 0 : 1;
	}
	test_plurals();
	ok(narrate_can_draft("en") && narrate_can_draft(NULL) && !narrate_can_draft("de"),
	   "quire drafts in English, and not in German");
	for (size_t i = 0; i < G_N_ELEMENTS(langs); i++) {
		ok(narrate_can_draft(langs[i]), "quire drafts in %s", langs[i]);
		check_language(langs[i]);
	}
	return tap_done();
}
