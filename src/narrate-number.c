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

const char *narrate_plural(const char *lang, unsigned long n)
{
	static const char *const categories[] = { "zero", "one", "two", "few", "many", "other" };
	UErrorCode e = U_ZERO_ERROR;
	UPluralRules *rules = uplrules_open(lang, &e);
	if (U_FAILURE(e))
		return "other";
	UChar keyword[16];
	int32_t len = uplrules_select(rules, (double)n, keyword, G_N_ELEMENTS(keyword), &e);
	uplrules_close(rules);
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
	UErrorCode e = U_ZERO_ERROR;
	UNumberFormat *f = unum_open(UNUM_SPELLOUT, NULL, 0, lang, NULL, &e);
	if (U_FAILURE(e))
		return NULL;
	UChar name[96];
	u_uastrncpy(name, ruleset, G_N_ELEMENTS(name) - 1);
	name[G_N_ELEMENTS(name) - 1] = 0;
	unum_setTextAttribute(f, UNUM_DEFAULT_RULESET, name, -1, &e);
	char *out = U_FAILURE(e) ? NULL : format(f, n);
	unum_close(f);
	return out;
}

char *narrate_digits(const char *lang, unsigned long n)
{
	/* Western digits in every language, as the catalogs use them (Arabic too). */
	char *locale = g_strdup_printf("%s@numbers=latn", lang);
	UErrorCode e = U_ZERO_ERROR;
	UNumberFormat *f = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &e);
	g_free(locale);
	char *out = U_FAILURE(e) ? NULL : format(f, n);
	if (!U_FAILURE(e))
		unum_close(f);
	return out ? out : g_strdup_printf("%lu", n);
}
