/* narrate-number.c - plural categories, number words and digits, from ICU */
#include <config.h>
#include "narrate-grammar.h"

#include <string.h>
#include <unicode/unum.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>

/* UTF-16 LEN units at U as a newly allocated UTF-8 string, or NULL. */
static char *utf8_of(const UChar *u, int32_t len)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t need = 0;
	u_strToUTF8(NULL, 0, &need, u, len, &e);
	if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e))
		return NULL;
	char *out = g_malloc((gsize)need + 1);
	e = U_ZERO_ERROR;
	u_strToUTF8(out, need + 1, NULL, u, len, &e);
	if (U_FAILURE(e)) {
		g_free(out);
		return NULL;
	}
	return out;
}

/*
 * ICU's rules, parsed once per language and rule set and kept for the
 * process: parsing Russian's spell-out rules takes milliseconds, and a
 * report asks for hundreds of numbers.  Looking one up is thread safe;
 * formatting with it is not, and drafting runs on one thread.
 */
G_LOCK_DEFINE_STATIC(cache);
static GHashTable *cache;	/* "KIND\x1fLANG\x1fRULESET" -> UPluralRules * or UNumberFormat * */

/* The cached object for KEY, or NULL; OPEN makes it when it is not there yet. */
static void *cached(const char *kind, const char *lang, const char *ruleset,
		    void *(*open)(const char *lang, const char *ruleset))
{
	char *key = g_strjoin("\x1f", kind, lang, ruleset ? ruleset : "", NULL);
	G_LOCK(cache);
	if (!cache)
		cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	void *object = g_hash_table_lookup(cache, key);
	if (!object && (object = open(lang, ruleset)))
		g_hash_table_insert(cache, g_strdup(key), object);
	G_UNLOCK(cache);
	g_free(key);
	return object;
}

static void *open_plural_rules(const char *lang, const char *ruleset)
{
	(void)ruleset;
	UErrorCode e = U_ZERO_ERROR;
	UPluralRules *rules = uplrules_open(lang, &e);
	return U_FAILURE(e) ? NULL : rules;
}

static void *open_spellout(const char *lang, const char *ruleset)
{
	UErrorCode e = U_ZERO_ERROR;
	UNumberFormat *f = unum_open(UNUM_SPELLOUT, NULL, 0, lang, NULL, &e);
	if (U_FAILURE(e))
		return NULL;
	UChar name[96];
	u_uastrncpy(name, ruleset, G_N_ELEMENTS(name) - 1);
	name[G_N_ELEMENTS(name) - 1] = 0;
	unum_setTextAttribute(f, UNUM_DEFAULT_RULESET, name, -1, &e);
	if (U_FAILURE(e)) {
		unum_close(f);
		return NULL;
	}
	return f;
}

static void *open_decimal(const char *lang, const char *ruleset)
{
	(void)ruleset;
	/* Western digits in every language, as the catalogs use them (Arabic too). */
	char *locale = g_strdup_printf("%s@numbers=latn", lang);
	UErrorCode e = U_ZERO_ERROR;
	UNumberFormat *f = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &e);
	g_free(locale);
	return U_FAILURE(e) ? NULL : f;
}

const char *narrate_plural(const char *lang, unsigned long n)
{
	static const char *const categories[] = { "zero", "one", "two", "few", "many", "other" };
	UErrorCode e = U_ZERO_ERROR;
	UPluralRules *rules = cached("plural", lang, NULL, open_plural_rules);
	if (!rules)
		return "other";
	UChar keyword[16];
	int32_t len = uplrules_select(rules, (double)n, keyword, G_N_ELEMENTS(keyword), &e);
	if (U_FAILURE(e))
		return "other";
	char *k = utf8_of(keyword, len);
	const char *found = "other";
	for (size_t i = 0; k && i < G_N_ELEMENTS(categories); i++)
		if (strcmp(k, categories[i]) == 0)
			found = categories[i];
	g_free(k);
	return found;
}

/* The result of formatting N with F, or NULL. */
static char *format(UNumberFormat *f, unsigned long n)
{
	UErrorCode e = U_ZERO_ERROR;
	UChar buf[256];
	int32_t len = unum_formatInt64(f, (int64_t)n, buf, G_N_ELEMENTS(buf), NULL, &e);
	return U_FAILURE(e) || len >= (int32_t)G_N_ELEMENTS(buf) ? NULL : utf8_of(buf, len);
}

char *narrate_spellout(const char *lang, const char *ruleset, unsigned long n)
{
	UNumberFormat *f = cached("spellout", lang, ruleset, open_spellout);
	return f ? format(f, n) : NULL;
}

char *narrate_digits(const char *lang, unsigned long n)
{
	UNumberFormat *f = cached("decimal", lang, NULL, open_decimal);
	char *out = f ? format(f, n) : NULL;
	return out ? out : g_strdup_printf("%lu", n);
}

void narrate_put_count(GString *s, const char *lang, const char *ruleset, unsigned long n)
{
	char *w = n < 10 ? narrate_spellout(lang, ruleset, n) : NULL;
	if (!w)
		w = narrate_digits(lang, n);
	g_string_append(s, w);
	g_free(w);
}
