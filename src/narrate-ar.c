/* narrate-ar.c - the Rapporteur's sentences in Arabic */
#include <config.h>
#include "narrate-grammar.h"

#include <string.h>

/*
 * The rules, in the style of an Arabic summary of replies (UN/AALCO):
 *
 * Agreement.  The predicate is never changed.  A summary phrase is written
 * as it agrees with "الدول الأعضاء", a plural of things, which takes the
 * feminine singular: the verb "صاغت", "كانت تُعدّ", "لم يكن لديها", "كان
 * بإمكانها", and every pronoun for the States "ها" ("قانونها",
 * "قوانينها").  Every construction below puts the predicate where the
 * feminine singular is right for any count: after "التي" whose antecedent
 * is "الدول"; after an indefinite "دولة" (a relative clause without
 * "التي"); or after a subject that takes the singular: "إحدى الدول",
 * "جميع الدول", "كلتا الدولتين" (singular by its form, as in "كلتا
 * الجنتين آتت أكلها") and "الدولة ... الوحيدة".  A dual subject before its
 * verb ("دولتان صاغتا قانونهما") would need the dual, which a phrase
 * cannot give, so no count is ever the subject of the predicate.  Any
 * phrase that can follow "الدول التي" works: a verb in the past, "كانت"
 * with a verb or with "لديها", "لم" with the jussive, a nominal phrase
 * ("لديها ..."), a verb with an object in the accusative ("أفعالاً
 * أخرى").  A phrase in the masculine ("صاغ"), the human plural ("صاغوا")
 * or with "هم"/"هما" for the States is wrong everywhere.
 *
 * Numbers.  One to ten in words, 11 and above in Western digits with
 * ICU's grouping (narrate_digits()).  With "دولة", feminine: "دولة
 * واحدة", "دولتان" (nominative) or "دولتين" (accusative and genitive),
 * then the number in its masculine-looking form before the plural in the
 * genitive: "ثلاث دول" ... "ثماني دول" ... "عشر دول"; in digits the noun
 * follows ICU's plural category: few (103) "103 دول", many (11-99) and
 * other (100-102, 1,000) the singular "11 دولة", "100 دولة".  These words
 * are a table of our own: ICU's %spellout-cardinal-feminine gives "ثلاثة"
 * ... "عشرة" for 3-10 (the form for a masculine noun), "إثنتان" with a
 * hamza, and "إحدى عشر" for 11.  As an adjective after a definite plural:
 * "الدول الأعضاء التسع", "الدول الأعضاء الثماني"; from 11, "الدول الأعضاء
 * الـ 12".  For the masculine "خيار" the adjective is "الثلاثة" ...
 * "العشرة", ICU's %spellout-cardinal-masculine (checked); a number in
 * running text is that too ("سبعة"), except 2, "اثنان", where ICU writes
 * "إثنان".
 *
 * The base (N Member States), by scope, with "عن السؤال 2.4" when
 * the question is named:
 *   plural    "الدول الأعضاء التسع المجيبة", "... التي أجابت عن السؤال",
 *             "... التي ينطبق عليها السؤال"
 *   counted   "تسع دول مجيبة", "12 دولة أجابت عن السؤال 2.4", "ست دول
 *             ينطبق عليها السؤال" (after "من أصل")
 *   two       "الدولتين العضوين المجيبتين", "... اللتين أجابتا عن
 *             السؤال", "... اللتين ينطبق عليهما السؤال" (genitive)
 *   one       "الدولة العضو المجيبة الوحيدة", "الدولة العضو الوحيدة التي
 *             أجابت عن السؤال", "... التي ينطبق عليها السؤال"
 *   none      "لم تكن هناك أي دولة عضو مجيبة" (the whole sentence)
 *
 * Quantities (K of N):
 *   N = 1, K = 1   "الدولة العضو المجيبة الوحيدة [P]"
 *   N = 1, K = 0   "لم تكن الدولة العضو المجيبة الوحيدة من الدول التي [P]"
 *   K = N = 2      "كلتا الدولتين العضوين المجيبتين [P]"
 *   K = N          "جميع الدول الأعضاء التسع المجيبة [P]"
 *   K = 0          "لم تكن من بين الدول الأعضاء التسع المجيبة أي دولة [P]"
 *                  (N = 2: "... من بين الدولتين العضوين المجيبتين ...")
 *   K = 1          "إحدى الدول الأعضاء التسع المجيبة [P]", "إحدى الدولتين
 *                  العضوين المجيبتين [P]"
 *   otherwise      "بلغ عدد الدول الأعضاء التي [P] سبع دول من أصل تسع دول
 *                  مجيبة" (K and N in the accusative and genitive: "دولتين")
 * Later clauses, the base already named: "عدد الدول التي [P] دولتان"
 * (nominative), "لم تكن هناك أي دولة [P]", "جميع هذه الدول [P]"; with
 * N = 2, "إحدى الدولتين [P]" and "كلتا الدولتين [P]" (never "الأخرى": in a
 * select_multiple the two clauses may tell of the same State).  A sentence
 * never opens with digits.  After "none" the predicate is not negated: the
 * sentence denies that such a State existed, so a negative predicate gives
 * an exact double negative ("لم تكن ... أي دولة لم يكن لديها قانون" = all
 * had one).
 *
 * Our own predicates: "أجابت بالنفي", "أجابت بـ«لا»", "اختارت «...»",
 * "قدّمت إجابة أخرى", "قدّمت إجابتين أخريين", "قدّمت ثلاث إجابات أخرى".
 * The choices left out: "لم يحظ أي من الخيارات الثلاثة الأخرى باختيار
 * أكثر من ثلاث دول", "حظي خيار آخر باختيار دولتين".
 *
 * Lists: "أ وب وج", "أ أو ب أو ج", "و" joined to the next word (with a
 * space before Latin letters); when an item has a word starting with "و"
 * or holds " أو ", every item after the first follows "، ".  Clauses
 * follow the lead after "؛ و", one another after "، و".  After a verb
 * ending in an attached preposition ("بـ", "لـ", "كـ", or the letter alone)
 * the object is joined to it, "لـ" + "ال" giving "لل".  No capitals;
 * the stop is "."; quotes are « » with no spaces inside.
 */

/* Numbers */

/* The feminine counting words for 1-10 (reviewed; see above for ICU's). */
static const char *const feminine_words[] = {
	NULL, "واحدة", "اثنتان", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر",
};

/* A noun's forms after a number: "دولة", "دولتان", "دولتين", "دول". */
struct counted_noun {
	const char *singular;
	const char *dual_nominative;
	const char *dual_oblique;	/* accusative and genitive */
	const char *plural;	/* after 3-10, and in digits when ICU says "few" */
};

static const struct counted_noun state = { "دولة", "دولتان", "دولتين", "دول" };
static const struct counted_noun answer = { "إجابة", "إجابتان", "إجابتين", "إجابات" };

static void put_digits(GString *s, unsigned long n)
{
	char *d = narrate_digits("ar", n);
	g_string_append(s, d);
	g_free(d);
}

/*
 * N of feminine NOUN: "دولة واحدة", "دولتان" (NOMINATIVE) or "دولتين",
 * "سبع دول", "11 دولة", "103 دول".
 */
static void put_feminine_count(GString *s, unsigned long n, const struct counted_noun *noun,
			       bool nominative)
{
	if (n == 1) {
		g_string_append_printf(s, "%s %s", noun->singular, feminine_words[1]);
	} else if (n == 2) {
		g_string_append(s, nominative ? noun->dual_nominative : noun->dual_oblique);
	} else if (n >= 3 && n <= 10) {
		g_string_append_printf(s, "%s %s", feminine_words[n], noun->plural);
	} else {
		put_digits(s, n);
		bool few = strcmp(narrate_plural("ar", n), "few") == 0;
		g_string_append_printf(s, " %s", few ? noun->plural : noun->singular);
	}
}

/* ICU's masculine word for N <= 10 (checked, but for 2), or NULL. */
static char *masculine_word(unsigned long n)
{
	if (n == 2)
		return g_strdup("اثنان");
	return narrate_spellout("ar", "%spellout-cardinal-masculine", n);
}

/*
 * N >= 3 as an adjective after a definite plural: "التسع" (FEMININE
 * noun), "التسعة" (masculine), "الـ 12".
 */
static void put_number_adjective(GString *s, unsigned long n, bool feminine)
{
	bool words = n >= 3 && n <= 10;
	char *w = words ? (feminine ? g_strdup(feminine_words[n]) : masculine_word(n)) : NULL;
	if (w) {
		g_string_append_printf(s, "ال%s", w);
		g_free(w);
		return;
	}
	g_string_append(s, "الـ ");
	put_digits(s, n);
}

/* A number in running text: "سبعة", "12". */
static void put_number(GString *s, unsigned long n)
{
	char *w = n <= 10 ? masculine_word(n) : NULL;
	if (!w)
		w = narrate_digits("ar", n);
	g_string_append(s, w);
	g_free(w);
}

/* The base */

/* How the States of one scope are named (rules above). */
struct scope_words {
	const char *one;	/* "الدولة العضو المجيبة الوحيدة" */
	const char *two;	/* "الدولتين العضوين المجيبتين", genitive */
	const char *plural;	/* after "الدول الأعضاء التسع": "المجيبة" */
	const char *counted;	/* after "تسع دول", "12 دولة" or "دولة عضو": "مجيبة" */
};

static const struct scope_words *scope_words(const struct narrate_base *b)
{
	static const struct scope_words replying = {
		"الدولة العضو المجيبة الوحيدة", "الدولتين العضوين المجيبتين", "المجيبة",
		"مجيبة",
	};
	static const struct scope_words answered = {
		"الدولة العضو الوحيدة التي أجابت عن السؤال",
		"الدولتين العضوين اللتين أجابتا عن السؤال", "التي أجابت عن السؤال",
		"أجابت عن السؤال",
	};
	static const struct scope_words applied = {
		"الدولة العضو الوحيدة التي ينطبق عليها السؤال",
		"الدولتين العضوين اللتين ينطبق عليهما السؤال", "التي ينطبق عليها السؤال",
		"ينطبق عليها السؤال",
	};
	switch (b->scope) {
	case NARRATE_ANSWERED:
		return &answered;
	case NARRATE_APPLIED:
		return &applied;
	default:
		return &replying;
	}
}

/* WORDS, then the question's number when named: every answered form ends in "عن السؤال". */
static void put_scope(GString *s, const struct narrate_base *b, const char *words)
{
	g_string_append(s, words);
	if (b->scope == NARRATE_ANSWERED && b->question)
		g_string_append_printf(s, " %s", b->question);
}

/* The N >= 2 States, definite: "الدولتين العضوين المجيبتين", "الدول الأعضاء التسع المجيبة". */
static void put_base(GString *s, const struct narrate_base *b)
{
	const struct scope_words *w = scope_words(b);
	if (b->n == 2) {
		put_scope(s, b, w->two);
		return;
	}
	g_string_append(s, "الدول الأعضاء ");
	put_number_adjective(s, b->n, true);
	g_string_append_c(s, ' ');
	put_scope(s, b, w->plural);
}

/* Sentences */

static void lead(GString *s, const struct narrate_base *b, unsigned long k, const char *predicate)
{
	unsigned long n = b->n;
	const struct scope_words *w = scope_words(b);
	if (n == 1 && k == 1) {
		put_scope(s, b, w->one);
	} else if (n == 1) {
		g_string_append(s, "لم تكن ");
		put_scope(s, b, w->one);
		g_string_append(s, " من الدول التي");
	} else if (k == n) {
		g_string_append(s, n == 2 ? "كلتا " : "جميع ");
		put_base(s, b);
	} else if (k == 0) {
		g_string_append(s, "لم تكن من بين ");
		put_base(s, b);
		g_string_append(s, " أي دولة");
	} else if (k == 1) {
		g_string_append(s, "إحدى ");
		put_base(s, b);
	} else {
		g_string_append_printf(s, "بلغ عدد الدول الأعضاء التي %s ", predicate);
		put_feminine_count(s, k, &state, false);
		g_string_append(s, " من أصل ");
		put_feminine_count(s, n, &state, false);
		g_string_append_c(s, ' ');
		put_scope(s, b, w->counted);
		return;
	}
	g_string_append_printf(s, " %s", predicate);
}

static void clause(GString *s, unsigned long n, unsigned long k, const char *predicate)
{
	if (k == 0) {
		g_string_append_printf(s, "لم تكن هناك أي دولة %s", predicate);
	} else if (k == n && n >= 2) {
		g_string_append_printf(s, "%s %s", n == 2 ? "كلتا الدولتين" : "جميع هذه الدول",
				       predicate);
	} else if (k == 1 && n == 2) {
		g_string_append_printf(s, "إحدى الدولتين %s", predicate);
	} else {
		g_string_append_printf(s, "عدد الدول التي %s ", predicate);
		put_feminine_count(s, k, &state, true);
	}
}

static void no_replies(GString *s, const struct narrate_base *b)
{
	g_string_append(s, "لم تكن هناك أي دولة عضو ");
	put_scope(s, b, scope_words(b)->counted);
}

/* True if TEXT ends in a one-letter preposition standing alone: " ب", " ل", " ك". */
static bool ends_in_preposition(const char *text)
{
	return g_str_has_suffix(text, " ب") || g_str_has_suffix(text, " ل") ||
	       g_str_has_suffix(text, " ك");
}

static void verb_object(GString *s, const char *verb, const char *objects)
{
	/* "تمسكت بـ" and "تمسكت ب" both join: "تمسكت بالاتفاقية"; "لـ" + "ال" gives "لل". */
	char *bare = g_str_has_suffix(verb, "ـ") ? g_strndup(verb, strlen(verb) - strlen("ـ"))
						 : g_strdup(verb);
	if (!ends_in_preposition(bare)) {
		g_string_append_printf(s, "%s %s", verb, objects);
	} else {
		if (g_str_has_suffix(bare, " ل") && g_str_has_prefix(objects, "ال"))
			objects += strlen("ا");
		g_string_append_printf(s, "%s%s", bare, objects);
	}
	g_free(bare);
}

/* True if ITEM starts with a Latin letter, which "و" does not join. */
static bool starts_latin(const char *item)
{
	return g_unichar_get_script(g_utf8_get_char(item)) == G_UNICODE_SCRIPT_LATIN;
}

/* True if ITEM has its own "and" or "or": a word starting with "و", or " أو ". */
static bool has_conjunction(const char *item)
{
	return strstr(item, " و") || strstr(item, " أو ");
}

static void join(GString *s, const char *const *items, size_t n, bool and)
{
	bool commas = false;
	for (size_t i = 0; i < n; i++)
		commas = commas || has_conjunction(items[i]);
	for (size_t i = 0; i < n; i++) {
		if (i > 0) {
			g_string_append(s, commas ? "، " : " ");
			g_string_append(s, !and ? "أو " : starts_latin(items[i]) ? "و " : "و");
		}
		g_string_append(s, items[i]);
	}
}

static void join_clauses(GString *s, const char *const *clauses, size_t n)
{
	for (size_t i = 0; i < n; i++)
		g_string_append_printf(s, "%s%s", i == 0 ? "؛ و" : "، و", clauses[i]);
}

static void other_answers(GString *s, unsigned long m)
{
	if (m == 1) {
		g_string_append(s, "قدّمت إجابة أخرى");
	} else if (m == 2) {
		g_string_append(s, "قدّمت إجابتين أخريين");
	} else {
		g_string_append(s, "قدّمت ");
		put_feminine_count(s, m, &answer, false);
		g_string_append(s, " أخرى");
	}
}

static void others_chosen(GString *s, unsigned long dropped, unsigned long most)
{
	if (dropped == 1 && most) {
		g_string_append(s, "حظي خيار آخر باختيار ");
		put_feminine_count(s, most, &state, false);
		return;
	}
	if (dropped == 1) {
		g_string_append(s, "لم يحظ أي خيار آخر باختيار أي دولة");
		return;
	}
	g_string_append(s, "لم يحظ أي من ");
	if (dropped == 2) {
		g_string_append(s, "الخيارين الآخرين");
	} else {
		g_string_append(s, "الخيارات ");
		put_number_adjective(s, dropped, false);
		g_string_append(s, " الأخرى");
	}
	if (most) {
		g_string_append(s, " باختيار أكثر من ");
		put_feminine_count(s, most, &state, false);
	} else {
		g_string_append(s, " باختيار أي دولة");
	}
}

const struct narrate_grammar narrate_ar = {
	.lang = "ar",
	.lead = lead,
	.clause = clause,
	.no_replies = no_replies,
	.verb_object = verb_object,
	.join = join,
	.join_clauses = join_clauses,
	.answered_no = "أجابت بالنفي",
	.other_answers = other_answers,
	.answered_fmt = "أجابت بـ%s",
	.selected_fmt = "اختارت %s",
	.others_chosen = others_chosen,
	.number = put_number,
	.open_quote = "«",
	.close_quote = "»",
	.stop = ".",
	.capitalise = false,
};
