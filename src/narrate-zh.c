/* narrate-zh.c - the Rapporteur's sentences in Chinese (Simplified) */
#include <config.h>
#include "narrate-grammar.h"

#include <string.h>

/*
 * The rules, in the style of a Chinese summary of replies in a United
 * Nations or AALCO report:
 *
 * Numbers.  Every count is in Arabic digits with its measure word 个
 * ("7个", "12个", "1,000个"), and so is a number in running text ("7"):
 * UN-system Chinese reports state counts so ("在……的9个成员国中，有1个
 * ……"), and so do quire's own Chinese tables and notes ("%u个成员国中有
 * %u个"); a count of ten or more needs digits anyway, and one style is
 * kept throughout (GB/T 15835-2011).  Chinese numerals appear only inside
 * fixed words: 唯一, 没有一个, 另一.  ICU's spell-out is therefore not
 * used; it would be wrong here: it gives 二 for 2 where a count with a
 * measure word needs 两 (两个), and 二万 for 20 000 (两万).  Digits come
 * from ICU with its grouping ("1,000").  Chinese has no plural: ICU's
 * category is "other" for every count, and no rule uses it.
 *
 * The base is a relative clause before the count: "作出答复的9个成员国",
 * "回答了该问题的7个成员国", "回答了问题2.4的12个成员国",
 * "该问题所适用的6个成员国".  A sentence opens with "在" or the base,
 * never with digits.
 *
 * Quantities (K of N):
 *   N = 0          "没有成员国作出答复" (whole sentence; "没有成员国回答该问题",
 *                  "该问题不适用于任何成员国" for the other bases)
 *   N = 1, K = 1   "作出答复的唯一成员国……"
 *   N = 1, K = 0   "在作出答复的成员国（共1个）中，没有一个……"
 *   K = N          "作出答复的9个成员国均……" (N = 2 too: 均 says "both")
 *   K = 0          "在作出答复的9个成员国中，没有一个……"
 *   otherwise      "在作出答复的9个成员国中，有7个……" (K = 1 and K >= 10 too)
 * Later clauses: "2个……", "没有一个……", and "9个均……" if all.
 *
 * Agreement.  Chinese verbs do not agree: the predicate follows its
 * subject as written.  It may be any verb phrase whose subject is a
 * Member State, its past marked by 已, 过, 了 or nothing: "已加入",
 * "使用过", "参加了", "正在拟订此类法律", "没有此类法律", "认为需要……".
 * It must not be a noun phrase with a subject of its own ("获得的援助来自",
 * "提到的障碍包括"): "有7个获得的援助来自" and "均获得的援助来自" do not
 * parse.
 *
 * Negation after "none".  "没有一个" (not one) goes before the predicate,
 * so no negated form of it is needed, but 没有 takes neither "already"
 * nor the aspect marker 了: an opening 已 or 已经 is dropped, and so is
 * every 了 except where it may be read liǎo (了解, 为了, 除了, V不了):
 * "已加入" -> "没有一个加入", "提供了日期" -> "没有一个提供日期".  A
 * predicate holding a negation (未 or 没 anywhere, or opening with 不, 无
 * or 非) is reported as written rather than negated twice: "没有一个表示
 * 没有此类法律" (none stated it had no such law); the test errs towards
 * 表示, which is true of a reply either way.
 *
 * A select_multiple's verb takes its objects after it ("已加入" +
 * "《布达佩斯公约》"), or in its place when it holds "……" (or "…"):
 * "在……方面获得过援助" + "立法起草" -> "在立法起草方面获得过援助".
 *
 * Fixed predicates: "作出否定答复" (answered no), "答复为“否”", "选择
 * “……”", "作出另一种答复", "作出其他答复（共3种）".  The choices left out
 * of a select_multiple: "其余3个选项中，没有一个选项被超过2个成员国选择".
 *
 * Lists: "A、B和C", "A、B或C"; "以及" for the last "and" when an item
 * holds 和 ("A、语言和翻译以及B"), "或者" for the last "or" when an item
 * holds 或.  Clauses follow the lead each after "；", as parallel
 * clauses under one "在……中" are set out; the full stop is "。".  Quotes
 * are “ ” (U+201C, U+201D).  No spaces anywhere: the text is Chinese
 * characters, digits and full-width marks.
 */

/* Numbers */

static void put_number(GString *s, unsigned long n)
{
	char *d = narrate_digits("zh", n);
	g_string_append(s, d);
	g_free(d);
}

/* "7个" */
static void put_count(GString *s, unsigned long n)
{
	put_number(s, n);
	g_string_append(s, "个");
}

/* The base */

/* The relative clause that names the base, with its 的: "作出答复的". */
static void put_relative(GString *s, const struct narrate_base *b)
{
	switch (b->scope) {
	case NARRATE_ANSWERED:
		if (b->question)
			g_string_append_printf(s, "回答了问题%s的", b->question);
		else
			g_string_append(s, "回答了该问题的");
		break;
	case NARRATE_APPLIED:
		g_string_append(s, "该问题所适用的");
		break;
	default:
		g_string_append(s, "作出答复的");
	}
}

/* "作出答复的9个成员国" */
static void put_counted(GString *s, const struct narrate_base *b)
{
	put_relative(s, b);
	put_count(s, b->n);
	g_string_append(s, "成员国");
}

/* Negation */

/* True when PREDICATE holds a negation (rules above). */
static bool is_negative(const char *predicate)
{
	static const char *const openings[] = { "不", "无", "非" };
	if (strstr(predicate, "未") || strstr(predicate, "没"))
		return true;
	for (size_t i = 0; i < G_N_ELEMENTS(openings); i++)
		if (g_str_has_prefix(predicate, openings[i]))
			return true;
	return false;
}

/*
 * True when the 了 at P (in the phrase from START) may be no aspect
 * marker: 了 of 了解, 了结, 了却, 了如, 了然, 为了, 除了, V不了.  When in
 * doubt ("提供了解决办法") it stays: a 了 kept reads less well after 没有,
 * a word cut reads wrong.
 */
static bool is_liao(const char *start, const char *p)
{
	static const char *const before[] = { "为", "除", "不" };
	static const char *const after[] = { "解", "结", "却", "如", "然" };
	const char *next = p + strlen("了");
	for (size_t i = 0; i < G_N_ELEMENTS(after); i++)
		if (g_str_has_prefix(next, after[i]))
			return true;
	for (size_t i = 0; p > start && i < G_N_ELEMENTS(before); i++) {
		size_t len = strlen(before[i]);
		if ((size_t)(p - start) >= len && strncmp(p - len, before[i], len) == 0)
			return true;
	}
	return false;
}

/*
 * PREDICATE as it reads after 没有 (not one ... did): without an opening
 * 已经 or 已 ("already") and without the aspect marker 了, which 没有
 * does not take ("已加入" -> "加入", "提供了日期" -> "提供日期").
 */
static void put_unmarked(GString *s, const char *predicate)
{
	const char *p = predicate;
	if (g_str_has_prefix(p, "已经"))
		p += strlen("已经");
	else if (g_str_has_prefix(p, "已"))
		p += strlen("已");
	for (const char *at; (at = strstr(p, "了")); p = at + strlen("了")) {
		g_string_append_len(s, p, (gssize)(at - p));
		if (is_liao(predicate, at))
			g_string_append(s, "了");
	}
	g_string_append(s, p);
}

/*
 * "没有一个" and PREDICATE without its 已 and 了, or reported with 表示 as
 * written when it is negative already.
 */
static void put_none(GString *s, const char *predicate)
{
	g_string_append(s, "没有一个");
	if (is_negative(predicate)) {
		g_string_append(s, "表示");
		g_string_append(s, predicate);
	} else {
		put_unmarked(s, predicate);
	}
}

/* Sentences */

static void lead(GString *s, const struct narrate_base *b, unsigned long k, const char *predicate)
{
	unsigned long n = b->n;
	if (n == 1 && k == 1) {
		put_relative(s, b);
		g_string_append(s, "唯一成员国");
	} else if (n == 1) {
		g_string_append(s, "在");
		put_relative(s, b);
		g_string_append(s, "成员国（共1个）中，");
		put_none(s, predicate);
		return;
	} else if (k == n) {
		put_counted(s, b);
		g_string_append(s, "均");
	} else if (k == 0) {
		g_string_append(s, "在");
		put_counted(s, b);
		g_string_append(s, "中，");
		put_none(s, predicate);
		return;
	} else {
		g_string_append(s, "在");
		put_counted(s, b);
		g_string_append(s, "中，有");
		put_count(s, k);
	}
	g_string_append(s, predicate);
}

static void clause(GString *s, unsigned long n, unsigned long k, const char *predicate)
{
	if (k == 0) {
		put_none(s, predicate);
		return;
	}
	put_count(s, k);
	if (k == n && n >= 2)
		g_string_append(s, "均");
	g_string_append(s, predicate);
}

static void no_replies(GString *s, const struct narrate_base *b)
{
	switch (b->scope) {
	case NARRATE_ANSWERED:
		if (b->question)
			g_string_append_printf(s, "没有成员国回答问题%s", b->question);
		else
			g_string_append(s, "没有成员国回答该问题");
		break;
	case NARRATE_APPLIED:
		g_string_append(s, "该问题不适用于任何成员国");
		break;
	default:
		g_string_append(s, "没有成员国作出答复");
	}
}

/* VERB with OBJECTS in its "……" (or "…"), or after it when it has none. */
static void verb_object(GString *s, const char *verb, const char *objects)
{
	static const char *const slots[] = { "……", "…" };
	for (size_t i = 0; i < G_N_ELEMENTS(slots); i++) {
		const char *at = strstr(verb, slots[i]);
		if (at) {
			g_string_append_len(s, verb, (gssize)(at - verb));
			g_string_append(s, objects);
			g_string_append(s, at + strlen(slots[i]));
			return;
		}
	}
	g_string_append(s, verb);
	g_string_append(s, objects);
}

/* True when one of the N ITEMS holds WORD. */
static bool any_holds(const char *const *items, size_t n, const char *word)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(items[i], word))
			return true;
	return false;
}

static void join(GString *s, const char *const *items, size_t n, bool and)
{
	const char *conj;
	if (and)
		conj = any_holds(items, n, "和") ? "以及" : "和";
	else
		conj = any_holds(items, n, "或") ? "或者" : "或";
	narrate_put_list(s, items, n, "、", conj);
}

static void join_clauses(GString *s, const char *const *clauses, size_t n)
{
	g_string_append(s, "；");
	narrate_put_list(s, clauses, n, "；", "；");
}

static void other_answers(GString *s, unsigned long m)
{
	if (m == 1) {
		g_string_append(s, "作出另一种答复");
		return;
	}
	g_string_append(s, "作出其他答复（共");
	put_number(s, m);
	g_string_append(s, "种）");
}

static void others_chosen(GString *s, unsigned long dropped, unsigned long most)
{
	if (dropped == 1 && most) {
		g_string_append(s, "选择另一选项的成员国有");
		put_count(s, most);
	} else if (dropped == 1) {
		g_string_append(s, "没有成员国选择另一选项");
	} else if (most) {
		g_string_append(s, "其余");
		put_count(s, dropped);
		g_string_append(s, "选项中，没有一个选项被超过");
		put_count(s, most);
		g_string_append(s, "成员国选择");
	} else {
		g_string_append(s, "没有成员国选择其余");
		put_count(s, dropped);
		g_string_append(s, "选项中的任何一个");
	}
}

const struct narrate_grammar narrate_zh = {
	.lang = "zh",
	.lead = lead,
	.clause = clause,
	.no_replies = no_replies,
	.verb_object = verb_object,
	.join = join,
	.join_clauses = join_clauses,
	.answered_no = "作出否定答复",
	.other_answers = other_answers,
	.answered_fmt = "答复为%s",
	.selected_fmt = "选择%s",
	.others_chosen = others_chosen,
	.number = put_number,
	.open_quote = "“",
	.close_quote = "”",
	.stop = "。",
	.capitalise = false,
};
