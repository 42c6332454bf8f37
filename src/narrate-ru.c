/* narrate-ru.c - the Rapporteur's sentences in Russian */
#include <config.h>
#include "narrate-grammar.h"

#include <string.h>

/*
 * The rules, in the style of a Russian summary of replies (UN spelling: "е"
 * for "ё", as in "трех"):
 *
 * Numbers.  Zero to nine in words, 10 and above in digits with Russian
 * grouping ("1 000").  A count of States is neuter, as "государство-член"
 * is: "одно", "два" (ICU's %spellout-cardinal-neuter); after "из" the
 * numeral is in the genitive ("из девяти", %spellout-cardinal-neuter-
 * genitive).  "Ответ" and "вариант" are masculine ("два других ответа",
 * "из остальных трех вариантов"), and "более чем" takes the instrumental
 * ("тремя государствами-членами", %spellout-cardinal-neuter-ablative).
 * ICU's words for 0-9 in these rule sets were checked and are right; no
 * table of our own is kept.  A sentence never opens with digits: "Из 11
 * ответивших государств-членов 10 ...".
 *
 * The noun after a number takes its form from N's CLDR plural category
 * (narrate_plural("ru", N)):
 *   after "из N" (genitive)    one (1, 21, 101): "из 21 ответившего
 *                              государства-члена"; otherwise "из девяти
 *                              ответивших государств-членов"
 *   after "все N", "оба"       few (2-4, 22 ...): "все три ответивших
 *   (nominative)               государства-члена"; many: "все пять
 *                              ответивших государств-членов"
 *
 * The base.  REPLYING: "ответивших государств-членов", the participle
 * before the noun.  ANSWERED: "государств-членов, ответивших на вопрос[
 * 2.4]," and NARRATE_APPLIED: "государств-членов, к которым относился
 * вопрос,", a phrase after the noun set off by commas, its participle or
 * "который" agreeing with the noun: "государства-члена, ответившего на
 * вопрос,", "оба государства-члена, ответившие на вопрос,", "единственное
 * государство-член, к которому относился вопрос,".
 *
 * Quantities (K of N) and agreement of the verb:
 *   N = 1, K = 1   "Единственное ответившее государство-член получало ..."
 *   N = 1, K = 0   "Единственное ответившее государство-член не получало ..."
 *   K = N = 2      "Оба ответивших государства-члена получали ..."
 *   K = N, N one   "Каждое из 21 ответившего государства-члена получало ..."
 *                  ("все 21" would need a singular noun after "все")
 *   K = N          "Все девять ответивших государств-членов получали ..."
 *   K = 0          "Ни одно из девяти ответивших государств-членов не
 *                  получало ..."
 *   K >= 10        "Из 100 ответивших государств-членов 21 получало ...",
 *                  "... 10 получали ..."
 *   otherwise      "Одно из девяти ... получало", "Семь из девяти ...
 *                  получали"
 * Later clauses: "все" (or "оба" of two) and a plural verb, "ни одно не"
 * and a singular verb, "одно", "два", "10", "21" with the verb singular
 * when K's category is one (1, 21, 101) and plural otherwise.
 *
 * The predicate is written for a plural subject in the past tense:
 * "получали техническую помощь", "не имели такого закона", "занимались
 * подготовкой", "по-прежнему вели".  Its verb is its first lower-case
 * word ending in "-ли" or "-лись" ("или", "если" and "коли" are not verbs),
 * so any words before the verb must not end so ("в целях" is fine, "в
 * роли" is not).  Verbs coordinated with it directly, "разработали или
 * изменили ...", "разработали, приняли и применяли ...", are verbs too.
 * For a singular subject each verb becomes neuter: "-ли" -> "-ло", "-лись"
 * -> "-лось"; after "были" (or "были бы") a short form in "-ы" becomes
 * "-о" ("были готовы" -> "было готово").  Nothing else changes, so a word
 * that agrees with the subject must not follow the verb: "стали
 * участниками" cannot become "стало участником" (write "присоединились
 * к"), nor "являлись сторонами" (write "участвовали в").  Verbs in the
 * present tense are left as they are, so phrases should be in the past.
 *
 * Negation after "ни одно" (and for the one State that did not): "не" goes
 * before each verb ("по-прежнему не вело"), and coordinated verbs are
 * both denied, "или" becoming "и": "не разработало и не изменило".  A
 * predicate whose verb already has "не" is reported, not denied twice:
 * "ни одно ... не сообщило, что не имело такого закона".  A denied object
 * keeps its case: "не получало техническую помощь" is correct, if less
 * bookish than the genitive, but "не имело контактный центр" is not, so
 * a phrase with "имели" and an object in the accusative should use a verb
 * whose object keeps its case ("располагали контактным центром").  Where
 * no State chose any of a select_one's answers, the engine joins the
 * predicates with "или"; only the first of them is made to agree.
 *
 * Lists: "A, B и C", "A, B или C", no comma before the conjunction.
 * Clauses follow the lead each after "; " (no "и" between them: two clauses
 * joined by "и" would need a comma before it, and the items may hold
 * commas of their own).  After a verb, the preposition that ends it
 * takes its fuller form where Russian requires it: "в" -> "во" before
 * в/ф and a consonant, "с" -> "со" before с/з/ш/ж and a consonant, "к"
 * -> "ко" before "вс", "втор", "о" -> "об" before a vowel.  Quotes are
 * « » with no spaces inside.
 */

/* Numbers */

static bool is_one(unsigned long n)
{
	return strcmp(narrate_plural("ru", n), "one") == 0;
}

static bool is_few(unsigned long n)
{
	return strcmp(narrate_plural("ru", n), "few") == 0;
}

/* N in the words of ICU's RULESET below 10, in digits from 10. */
static void put_number_as(GString *s, const char *ruleset, unsigned long n)
{
	narrate_put_count(s, "ru", ruleset, n);
}

/* A count of States as a subject: "одно", "семь", "21". */
static void put_count(GString *s, unsigned long n)
{
	put_number_as(s, "%spellout-cardinal-neuter", n);
}

/* A count of States after "из": "одного", "девяти", "21". */
static void put_count_genitive(GString *s, unsigned long n)
{
	put_number_as(s, "%spellout-cardinal-neuter-genitive", n);
}

/* A number in running text: "семь", "12". */
static void put_number(GString *s, unsigned long n)
{
	put_number_as(s, "%spellout-cardinal-masculine", n);
}

/* The base */

/* The forms of the base's noun phrase a sentence needs. */
enum form {
	NOM_SG,		/* единственное ответившее государство-член */
	GEN_SG,		/* из 21 ответившего государства-члена */
	GEN_PL,		/* из девяти ответивших государств-членов */
	NOM_FEW,	/* все три ответивших государства-члена, ... ответившие на вопрос */
};

/* The form after the numeral N in the genitive ("из N"). */
static enum form form_after_genitive(unsigned long n)
{
	return is_one(n) ? GEN_SG : GEN_PL;
}

/* The form after the numeral N in the nominative ("все N", "оба"). */
static enum form form_after_nominative(unsigned long n)
{
	return is_one(n) ? NOM_SG : is_few(n) ? NOM_FEW : GEN_PL;
}

/*
 * The base's noun in FORM with what names it: "ответивших государств-
 * членов", "государств-членов, ответивших на вопрос 2.4,".  A phrase after
 * the noun ends with its closing comma.
 */
static void put_noun(GString *s, const struct narrate_base *b, enum form f)
{
	static const char *const noun[] = {
		[NOM_SG] = "государство-член", [GEN_SG] = "государства-члена",
		[GEN_PL] = "государств-членов", [NOM_FEW] = "государства-члена",
	};
	static const char *const before[] = {
		[NOM_SG] = "ответившее", [GEN_SG] = "ответившего",
		[GEN_PL] = "ответивших", [NOM_FEW] = "ответивших",
	};
	static const char *const after[] = {
		[NOM_SG] = "ответившее", [GEN_SG] = "ответившего",
		[GEN_PL] = "ответивших", [NOM_FEW] = "ответившие",
	};
	static const char *const which[] = {
		[NOM_SG] = "к которому", [GEN_SG] = "к которому",
		[GEN_PL] = "к которым", [NOM_FEW] = "к которым",
	};
	switch (b->scope) {
	case NARRATE_ANSWERED:
		g_string_append_printf(s, "%s, %s на вопрос", noun[f], after[f]);
		if (b->question)
			g_string_append_printf(s, " %s", b->question);
		g_string_append_c(s, ',');
		break;
	case NARRATE_APPLIED:
		g_string_append_printf(s, "%s, %s относился вопрос,", noun[f], which[f]);
		break;
	default:
		g_string_append_printf(s, "%s %s", before[f], noun[f]);
	}
}

/* "из девяти ответивших государств-членов" */
static void put_of_counted(GString *s, const struct narrate_base *b)
{
	g_string_append(s, "из ");
	put_count_genitive(s, b->n);
	g_string_append_c(s, ' ');
	put_noun(s, b, form_after_genitive(b->n));
}

/* Predicates: finding the verbs */

/* The length of W without the punctuation that may close it. */
static gsize core_length(const char *w)
{
	gsize len = strlen(w);
	while (len && strchr(",;:", w[len - 1]))
		len--;
	return len;
}

static bool core_has_suffix(const char *w, const char *suffix)
{
	gsize len = core_length(w), n = strlen(suffix);
	return len >= n && memcmp(w + len - n, suffix, n) == 0;
}

static bool core_is(const char *w, const char *word)
{
	return core_length(w) == strlen(word) && strncmp(w, word, strlen(word)) == 0;
}

/* W is a verb in the past plural: lower-case, "-ли" or "-лись", not a conjunction. */
static bool is_past_plural(const char *w)
{
	static const char *const not_verbs[] = { "или", "если", "коли" };
	if (!g_unichar_islower(g_utf8_get_char(w)) || g_utf8_strlen(w, (gssize)core_length(w)) < 3)
		return false;
	for (size_t i = 0; i < G_N_ELEMENTS(not_verbs); i++)
		if (core_is(w, not_verbs[i]))
			return false;
	return core_has_suffix(w, "ли") || core_has_suffix(w, "лись");
}

static bool is_conjunction(const char *w)
{
	return strcmp(w, "и") == 0 || strcmp(w, "или") == 0 || strcmp(w, "либо") == 0;
}

/* A predicate split at spaces, and where its verbs are (rules above). */
struct predicate {
	char **words;
	GArray *verbs;	/* guint indices into words: the first verb, then those coordinated with it */
};

/* The index of the verb coordinated with the verb at V (after "или", ",", "не"), or 0. */
static guint next_verb(char **words, guint v)
{
	guint i = v + 1;
	if (!g_str_has_suffix(words[v], ",")) {
		if (!words[i] || !is_conjunction(words[i]))
			return 0;
		i++;
	}
	if (words[i] && strcmp(words[i], "не") == 0)
		i++;
	return words[i] && is_past_plural(words[i]) ? i : 0;
}

static struct predicate *predicate_parse(const char *text)
{
	struct predicate *p = g_new(struct predicate, 1);
	p->words = g_strsplit(text, " ", -1);
	p->verbs = g_array_new(FALSE, FALSE, sizeof(guint));
	guint v = 0;
	while (p->words[v] && !is_past_plural(p->words[v]))
		v++;
	if (!p->words[v])
		return p;
	do
		g_array_append_val(p->verbs, v);
	while ((v = next_verb(p->words, v)));	/* a coordinated verb is never at 0 */
	return p;
}

static void predicate_free(struct predicate *p)
{
	g_strfreev(p->words);
	g_array_free(p->verbs, TRUE);
	g_free(p);
}

static guint verb_at(const struct predicate *p, guint i)
{
	return g_array_index(p->verbs, guint, i);
}

/* The predicate is negative already: "не" stands before its verb, or opens it. */
static bool is_negative(const struct predicate *p)
{
	if (!p->verbs->len)
		return p->words[0] && strcmp(p->words[0], "не") == 0;
	guint v = verb_at(p, 0);
	return v > 0 && strcmp(p->words[v - 1], "не") == 0;
}

/* Predicates: agreement and negation */

/* Overwrites the Cyrillic letter (two bytes) FROM_END bytes before the end of W's core with TO. */
static void replace_letter(char *w, gsize from_end, const char *to)
{
	memcpy(w + core_length(w) - from_end, to, 2);
}

/* "были готовы" -> "было готово": the short form after "были" (and "бы") at I. */
static void make_short_form_singular(char **words, guint i)
{
	if (words[i] && strcmp(words[i], "бы") == 0)
		i++;
	if (words[i] && g_unichar_islower(g_utf8_get_char(words[i])) &&
	    g_utf8_strlen(words[i], (gssize)core_length(words[i])) >= 4 &&
	    core_has_suffix(words[i], "ы"))
		replace_letter(words[i], 2, "о");
}

/* Each verb of P in the neuter singular: "-ли" -> "-ло", "-лись" -> "-лось". */
static void make_singular(struct predicate *p)
{
	for (guint i = 0; i < p->verbs->len; i++) {
		guint v = verb_at(p, i);
		char *w = p->words[v];
		bool were = core_is(w, "были");
		replace_letter(w, core_has_suffix(w, "лись") ? 6 : 2, "о");
		if (were)
			make_short_form_singular(p->words, v + 1);
	}
}

/* "не" before each verb of P that lacks it; "или"/"либо" between them become "и". */
static void make_negative(struct predicate *p)
{
	if (!p->verbs->len && p->words[0]) {
		char *w = p->words[0];
		p->words[0] = g_strconcat("не ", w, NULL);
		g_free(w);
	}
	for (guint i = 0; i < p->verbs->len; i++) {
		guint v = verb_at(p, i);
		if (v > 0 && strcmp(p->words[v - 1], "не") == 0)
			continue;
		if (i > 0 && (strcmp(p->words[v - 1], "или") == 0 ||
			      strcmp(p->words[v - 1], "либо") == 0)) {
			g_free(p->words[v - 1]);
			p->words[v - 1] = g_strdup("и");
		}
		char *w = p->words[v];
		p->words[v] = g_strconcat("не ", w, NULL);
		g_free(w);
	}
}

static void put_predicate(GString *s, const struct predicate *p)
{
	char *text = g_strjoinv(" ", p->words);
	g_string_append(s, text);
	g_free(text);
}

/* PREDICATE agreeing with a SINGULAR (neuter) or plural subject. */
static void put_agreed(GString *s, const char *predicate, bool singular)
{
	struct predicate *p = predicate_parse(predicate);
	if (singular)
		make_singular(p);
	put_predicate(s, p);
	predicate_free(p);
}

/* After "ни одно" or the one State: the singular predicate denied, or reported when negative. */
static void put_negated(GString *s, const char *predicate)
{
	struct predicate *p = predicate_parse(predicate);
	make_singular(p);
	if (is_negative(p))
		g_string_append(s, "не сообщило, что ");
	else
		make_negative(p);
	put_predicate(s, p);
	predicate_free(p);
}

/* Sentences */

static void lead(GString *s, const struct narrate_base *b, unsigned long k, const char *predicate)
{
	unsigned long n = b->n;
	bool singular = false;
	if (n == 1) {
		g_string_append(s, "единственное ");
		put_noun(s, b, NOM_SG);
		g_string_append_c(s, ' ');
		if (k == 0)
			put_negated(s, predicate);
		else
			put_agreed(s, predicate, true);
		return;
	}
	if (k == 0) {
		g_string_append(s, "ни одно ");
		put_of_counted(s, b);
		g_string_append_c(s, ' ');
		put_negated(s, predicate);
		return;
	}
	if (k == n && n == 2) {
		g_string_append(s, "оба ");
		put_noun(s, b, NOM_FEW);
	} else if (k == n && is_one(n)) {
		g_string_append(s, "каждое ");
		put_of_counted(s, b);
		singular = true;
	} else if (k == n) {
		g_string_append(s, "все ");
		put_count(s, n);
		g_string_append_c(s, ' ');
		put_noun(s, b, form_after_nominative(n));
	} else if (k >= 10) {
		put_of_counted(s, b);
		g_string_append_c(s, ' ');
		put_count(s, k);
		singular = is_one(k);
	} else {
		put_count(s, k);
		g_string_append_c(s, ' ');
		put_of_counted(s, b);
		singular = is_one(k);
	}
	g_string_append_c(s, ' ');
	put_agreed(s, predicate, singular);
}

static void clause(GString *s, unsigned long n, unsigned long k, const char *predicate)
{
	if (k == 0) {
		g_string_append(s, "ни одно ");
		put_negated(s, predicate);
		return;
	}
	bool singular = false;
	if (k == n && n == 1) {
		g_string_append(s, "оно");
		singular = true;
	} else if (k == n) {
		g_string_append(s, n == 2 ? "оба" : "все");
	} else {
		put_count(s, k);
		singular = is_one(k);
	}
	g_string_append_c(s, ' ');
	put_agreed(s, predicate, singular);
}

static void no_replies(GString *s, const struct narrate_base *b)
{
	switch (b->scope) {
	case NARRATE_ANSWERED:
		g_string_append(s, "ответов на вопрос");
		if (b->question)
			g_string_append_printf(s, " %s", b->question);
		g_string_append(s, " от государств-членов не поступило");
		break;
	case NARRATE_APPLIED:
		g_string_append(s, "вопрос не относился ни к одному из ответивших государств-членов");
		break;
	default:
		g_string_append(s, "ответов от государств-членов не поступило");
	}
}

/* Predicates: prepositions */

static bool is_consonant(gunichar c)
{
	return c && g_utf8_strchr("бвгджзйклмнпрстфхцчшщ", -1, g_unichar_tolower(c)) != NULL;
}

/* The first letter of TEXT is one of LETTERS (lower case) and a consonant follows it. */
static bool opens_with_cluster(const char *text, const char *letters)
{
	gunichar first = g_unichar_tolower(g_utf8_get_char(text));
	return first && g_utf8_strchr(letters, -1, first) &&
	       is_consonant(g_utf8_get_char(g_utf8_next_char(text)));
}

/* The fuller form of the preposition PREP before OBJECT ("во", "со", "ко", "об"), or NULL. */
static const char *full_preposition(const char *prep, const char *object)
{
	if (strcmp(prep, "в") == 0 && opens_with_cluster(object, "вф"))
		return "во";
	if (strcmp(prep, "с") == 0 && opens_with_cluster(object, "сзшж"))
		return "со";
	if (strcmp(prep, "к") == 0 &&
	    (g_str_has_prefix(object, "вс") || g_str_has_prefix(object, "втор")))
		return "ко";
	if (strcmp(prep, "о") == 0 && *object &&
	    g_utf8_strchr("аиоуыэ", -1, g_unichar_tolower(g_utf8_get_char(object))))
		return "об";
	return NULL;
}

static void verb_object(GString *s, const char *verb, const char *objects)
{
	const char *space = strrchr(verb, ' ');
	const char *prep = space ? space + 1 : verb;
	const char *full = full_preposition(prep, objects);
	if (full) {
		g_string_append_len(s, verb, prep - verb);
		g_string_append(s, full);
	} else {
		g_string_append(s, verb);
	}
	g_string_append_printf(s, " %s", objects);
}

static void join(GString *s, const char *const *items, size_t n, bool and)
{
	narrate_put_list(s, items, n, ", ", and ? " и " : " или ");
}

static void join_clauses(GString *s, const char *const *clauses, size_t n)
{
	g_string_append(s, "; ");
	narrate_put_list(s, clauses, n, "; ", "; ");
}

/* "дали другой ответ", "дали два других ответа", "дали пять других ответов" */
static void other_answers(GString *s, unsigned long m)
{
	g_string_append(s, "дали ");
	if (m == 1) {
		g_string_append(s, "другой ответ");
		return;
	}
	put_number(s, m);
	g_string_append(s, is_one(m)   ? " другой ответ"
			   : is_few(m) ? " других ответа"
				       : " других ответов");
}

/* "тремя государствами-членами", "одним государством-членом", "21 государством-членом" */
static void put_by_states(GString *s, unsigned long n)
{
	put_number_as(s, "%spellout-cardinal-neuter-ablative", n);
	g_string_append(s, is_one(n) ? " государством-членом" : " государствами-членами");
}

static void others_chosen(GString *s, unsigned long dropped, unsigned long most)
{
	if (dropped == 1) {
		g_string_append(s, "еще один вариант ответа ");
		g_string_append(s, most ? "был выбран " : "не был выбран ни одним государством-членом");
		if (most)
			put_by_states(s, most);
		return;
	}
	g_string_append(s, "ни один из остальных ");
	put_number_as(s, "%spellout-cardinal-masculine-genitive", dropped);
	g_string_append(s, is_one(dropped) ? " варианта" : " вариантов");
	g_string_append(s, " ответа не был выбран ");
	if (most) {
		g_string_append(s, "более чем ");
		put_by_states(s, most);
	} else {
		g_string_append(s, "ни одним государством-членом");
	}
}

const struct narrate_grammar narrate_ru = {
	.lang = "ru",
	.lead = lead,
	.clause = clause,
	.no_replies = no_replies,
	.verb_object = verb_object,
	.join = join,
	.join_clauses = join_clauses,
	.answered_no = "дали отрицательный ответ",
	.other_answers = other_answers,
	.answered_fmt = "ответили %s",
	.selected_fmt = "выбрали %s",
	.others_chosen = others_chosen,
	.number = put_number,
	.open_quote = "«",
	.close_quote = "»",
	.stop = ".",
	.capitalise = true,
};
