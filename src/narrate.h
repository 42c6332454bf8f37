/* narrate.h - English sentences drafted from counts, bases and phrases */
#ifndef QUIRE_NARRATE_H
#define QUIRE_NARRATE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Pure functions: no I/O, no state.  Every function returns a newly
 * allocated, NUL-terminated UTF-8 string that the caller frees with
 * g_free().  A function returns NULL (after a GLib critical) only when
 * its input breaks a stated precondition, e.g. a count above its base.
 *
 * Phrases come from the form's summary column or from the fallbacks
 * below; they are used as written.  A predicate is a verb phrase in the
 * past tense written for a plural subject ("had formulated or amended
 * domestic law on cybercrime", "were party to none of these conventions").
 *
 * The rules, in the style of a Rapporteur's summary:
 *
 * Numbers.  Zero to nine are words, 10 and above digits with a comma
 * every three digits ("1,000").  A sentence never starts with digits: a
 * count of 10 or more is moved after the base ("Of the 12 replying Member
 * States, 10 had ...").  The base is always stated.
 *
 * Quantities (K of a base of N):
 *   N = 0          "There were no replying Member States." (whole sentence)
 *   N = 1, K = 1   "the one replying Member State"
 *   N = 1, K = 0   the predicate negated after "the one replying Member
 *                  State" when narrate_negate() can; otherwise "none of
 *                  the replying Member States (one in all)"
 *   N = 2          "both replying Member States", "one of the two ...",
 *                  "neither of the two replying Member States"
 *   K = N          "all nine replying Member States"
 *   K = 0          "none of the nine replying Member States"
 *   otherwise      "seven of the nine replying Member States"
 * With NARRATE_PROPORTION, N >= 5 and N/2 <= K < N, a proportion word
 * leads and the exact count follows in parentheses, so it can always be
 * recovered:
 *   2K = N         "half of the eight replying Member States" (exact already)
 *   3K >= 2N       "most replying Member States (six of nine)"
 *   otherwise      "a majority of the replying Member States (five of nine)"
 * Below half, and for N < 5, the exact form is used.
 *
 * Agreement.  The subject is singular for "one of ...", "the one ..." and
 * "neither of ..."; "none of ...", "all", "both", "half", "most" and "a
 * majority" are plural.  Only the predicate's first word is inflected:
 * were/was, are/is, have/has and do/does, in either direction.  Other
 * verbs in the past tense do not inflect; "had" stays.
 */

enum narrate_flags {
	NARRATE_CAPITAL = 1 << 0,	/* the result opens a sentence */
	NARRATE_PROPORTION = 1 << 1,	/* "most", "a majority", "half" as above */
};

/*
 * The language a sentence is drafted in, with its own rules: NULL is
 * English, drafted by narrate.c; the others by narrate-intl.c with the
 * rules of narrate-LL.c.  narrate_grammar() returns NULL for English and
 * for a language quire cannot draft in; narrate_can_draft() tells them
 * apart.
 */
struct narrate_grammar;
const struct narrate_grammar *narrate_grammar(const char *lang);
bool narrate_can_draft(const char *lang);

/*
 * Which Member States a base is, for a grammar that names them itself (in
 * English PRE and POST say it): the replying ones, those that answered
 * the question (question QUESTION, when it must be named out of its
 * paragraph), or those to which it applied.
 */
enum narrate_scope {
	NARRATE_REPLYING,
	NARRATE_ANSWERED,
	NARRATE_APPLIED,
};

/*
 * Who is counted: N of them, e.g. the nine replying Member States.  The
 * phrase is PRE NOUN POST: "replying Member States", "Member States with
 * such a law".  NULL nouns mean "respondent"/"respondents"; NULL or empty
 * PRE and POST are left out.  The strings are borrowed.  GRAMMAR (NULL:
 * English) names the base by SCOPE and QUESTION instead.
 */
struct narrate_base {
	unsigned long n;
	const char *singular;	/* "Member State" */
	const char *plural;	/* "Member States" */
	const char *pre;	/* "replying" */
	const char *post;	/* "with such a law" */
	const struct narrate_grammar *grammar;
	enum narrate_scope scope;
	const char *question;	/* "2.4", or NULL */
};

/* A phrase and how many chose it.  The phrase is borrowed and never NULL. */
struct narrate_item {
	const char *phrase;
	unsigned long count;
};

/* The base of the N replying respondents, named SINGULAR and PLURAL. */
struct narrate_base narrate_replying(unsigned long n, const char *singular, const char *plural);

/* Building blocks */

/* "zero" ... "nine", then "10", "47", "1,000".  NARRATE_CAPITAL capitalises a word, not digits. */
char *narrate_number(unsigned long n, unsigned flags);

/*
 * Joins N_ITEMS phrases with CONJ ("and", "or"): "A", "A and B", "A, B
 * and C".  A comma also goes before CONJ when there are three or more
 * items and one of them holds " and " or " or " ("A, prevention and
 * awareness, and B").  No items give "".
 */
char *narrate_join(const char *const *items, size_t n_items, const char *conj);

/*
 * TEXT as a sentence: the first letter capitalised and a full stop added,
 * unless TEXT already ends with '.', '?' or '!', possibly followed by a
 * closing quote (’ ” ' ").  "" stays "".
 */
char *narrate_sentence(const char *text);

/* PREDICATE with its first word agreeing with a SINGULAR or plural subject (rules above). */
char *narrate_agree(const char *predicate, bool singular);

/*
 * PREDICATE negated for a SINGULAR or plural subject, or NULL (without a
 * critical) when that is not possible without knowing the verb's base
 * form.  A leading be or modal takes "not" ("were preparing" -> "was not
 * preparing", "can" -> "cannot"); "had"/"has"/"have" before a past
 * participle too ("had not received"; a participle is a word ending in
 * -ed or a listed irregular one such as "been" or "sought"); before
 * anything else it is the main verb ("had articles" -> "did not have
 * articles"), and so are "did"/"does"/"do".  NULL for other verbs
 * ("needed", "cited") and for a predicate already negative in its second
 * word ("had no such law").
 */
char *narrate_negate(const char *predicate, bool singular);

/*
 * The short negative answer that stands for PREDICATE after a count
 * ("two had not"): "had not", "was not", "could not", "cannot"; a main
 * verb "had" gives "did not", and any other verb "did not" (the
 * predicate is in the past tense).  Meaningful for positive predicates.
 */
char *narrate_not(const char *predicate, bool singular);

/*
 * The base as a noun phrase.  COUNTED: "nine replying Member States", "one
 * replying Member State", "no replying Member States"; else "replying
 * Member States".
 */
char *narrate_base_phrase(const struct narrate_base *b, bool counted);

/*
 * The subject for K of B (rules above).  With NARRATE_CAPITAL it opens a
 * sentence and never starts with digits: "Of the 12 replying Member
 * States, 10".  *SINGULAR (may be NULL) tells the verb's number.  NULL
 * when K > B->n.
 */
char *narrate_quantity(const struct narrate_base *b, unsigned long k, unsigned flags,
		       bool *singular);

/* Sentences.  Each returns one sentence, capitalised and with its full stop. */

/*
 * K of B did PREDICATE: "Seven of the nine replying Member States had
 * formulated or amended domestic law on cybercrime."  NULL when K > B->n.
 */
char *narrate_count(const struct narrate_base *b, unsigned long k, const char *predicate,
		    unsigned flags);

/*
 * A select_one question: ITEMS are the choices' predicates with their
 * counts.  Items with identical phrases are added together; items with no
 * count are left out; the largest leads, ties in the given order, and the
 * rest follow after a semicolon: "Seven of the nine replying Member
 * States had formulated or amended domestic law on cybercrime; one was
 * preparing such a law and one had no such law."  When no item has a
 * count: "None of the nine replying Member States had ..., were ... or
 * had ...".  Counts that do not add up to B->n leave the rest unmentioned.
 * NULL when they add up to more than B->n.  FLAGS apply to the lead.
 */
char *narrate_select_one(const struct narrate_base *b, const struct narrate_item *items,
			 size_t n_items, unsigned flags);

/*
 * A yes/no question whose "yes" has PREDICATE: YES lead, NO follow as
 * narrate_not() ("three had not"), then OTHERS (e.g. a fallback predicate
 * for "Information not available") as in narrate_select_one(): "Six of
 * the nine replying Member States had received technical assistance; two
 * had not and one answered “Information not available”."  When nobody
 * said yes and everybody no, the lead says it all.  For a base of one the
 * sentence states the one answer.  NULL when the counts add up to more
 * than B->n.
 */
char *narrate_yes_no(const struct narrate_base *b, const char *predicate, unsigned long yes,
		     unsigned long no, const struct narrate_item *others, size_t n_others,
		     unsigned flags);

/*
 * A select_multiple question: VERB ("had joined") with the choices'
 * noun phrases ITEMS ("the Budapest Convention"), and the exclusive
 * choice NONE (a full predicate, "were party to none of these
 * conventions"; may be NULL).  Items with equal counts are grouped,
 * largest count first and each group in the given order, then the items
 * nobody chose, then NONE if anybody chose it:
 *   "Of the nine replying Member States, one each had joined the Budapest
 *   Convention, the SCO Agreement and the League of Arab States
 *   Convention; none had joined the Malabo Convention; six were party to
 *   none of these conventions."
 * The "Of the ..." opening is used only when the first group needs "each"
 * (several items, chosen by some but not all); otherwise the first group
 * leads as in narrate_count(): "Seven of the nine replying Member States
 * had joined the Budapest Convention; two had joined the SCO Agreement."
 * "All" and "none" need no "each".  Items are counted separately, so
 * equal phrases are not added together; leave out items that should not
 * be mentioned.  FLAGS apply to the lead unless it opens with "Of the".
 * A base of one reads "The one replying Member State had joined A and B
 * but not C."  NULL when a count exceeds B->n or there is nothing to say
 * (no items and no NONE).
 */
char *narrate_select_multiple(const struct narrate_base *b, const char *verb,
			      const struct narrate_item *items, size_t n_items,
			      const struct narrate_item *none, unsigned flags);

/*
 * Fallbacks for a form without a summary column, built from its labels
 * so that they still read as English:
 *   select_one choice, or "yes" of a yes/no question:
 *       narrate_fallback_answer("No", NULL)  -> answered “No”
 *       narrate_fallback_answer("Yes", "Has your State ...?")
 *           -> answered “Yes” to the question “Has your State ...?”
 *   select_multiple question: the verb NARRATE_FALLBACK_VERB with the
 *       choices as narrate_quote(label); its exclusive choice:
 *       narrate_fallback_selected("None of these") -> selected “None of these”
 * Labels are trimmed of surrounding blanks.
 */
#define NARRATE_FALLBACK_VERB "selected"

/*
 * A sentence names at most this many answers, the most chosen: a
 * select_one's others are told as "12 gave 20 other answers", a
 * select_multiple's in a sentence of their own, "None of the other 20
 * choices was chosen by more than three."  The table lists them all.
 */
#define NARRATE_LIST_MAX 5

/* LABEL in curly double quotes: “LABEL”. */
char *narrate_quote(const char *label);
char *narrate_fallback_answer(const char *choice_label, const char *question_label);
char *narrate_fallback_selected(const char *choice_label);

/*
 * The same in B's language: the label in its quotes (« », “ ”), and the
 * fallback predicates for a plural subject ("avaient répondu « Non »",
 * "avaient choisi « Aucune »").  English when B->grammar is NULL.
 */
char *narrate_quote_in(const struct narrate_base *b, const char *label);
char *narrate_answered_in(const struct narrate_base *b, const char *choice_label);
char *narrate_selected_in(const struct narrate_base *b, const char *choice_label);

/* The verb of narrate_selected_in(), for a select_multiple's quoted choices: "selected", "avaient choisi". */
char *narrate_fallback_verb_in(const struct narrate_base *b);

/* VERB followed by OBJECT ("had joined" "the Budapest Convention"), contracted as B's language does ("à le" -> "au"). */
char *narrate_verb_object_in(const struct narrate_base *b, const char *verb, const char *object);

/*
 * A number in B's language as a sentence of the report states it: words
 * below ten in English ("seven"), and as the grammar says in the others.
 */
char *narrate_number_in(const struct narrate_base *b, unsigned long n);

/* N in digits with LANG's grouping (ICU), Western digits in every language: "1 000", "1,000". */
char *narrate_digits(const char *lang, unsigned long n);

/* PARTS joined with B's language's "and": "A, B and C", "A, B et C", "A、B和C". */
char *narrate_join_in(const struct narrate_base *b, const char *const *parts, size_t n);

#endif
