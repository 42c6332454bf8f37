/* narrate-grammar.h - the rules of one language that the drafting engine follows */
#ifndef QUIRE_NARRATE_GRAMMAR_H
#define QUIRE_NARRATE_GRAMMAR_H

#include <stdbool.h>
#include <glib.h>

#include "narrate.h"

/*
 * narrate-intl.c drafts the same sentences as narrate.c, in the same
 * order (the lead, then the clauses), for any language with a grammar
 * here.  A grammar owns everything that differs between languages: number
 * words and their forms, how the base is named, how a count and its
 * predicate agree, "all", "none", "both" and "the one", lists, and the
 * punctuation of a sentence.  Each narrate-LL.c writes its rules down at
 * its top.
 *
 * A predicate is the form's summary phrase as written: a verb phrase for
 * a plural subject, in the past ("avaient incriminé", "установили
 * уголовную ответственность за", "جرّمت", "已加入").  A grammar makes it
 * agree with its subject.  Every function appends to S; none fails.
 */
struct narrate_grammar {
	const char *lang;	/* "fr" */

	/*
	 * Opens a sentence: K of the B->n Member States of B did PREDICATE,
	 * K <= B->n and B->n >= 1.  Handles its own "all" (K == N), "none"
	 * (K == 0), "both" (N == 2) and "the one" (N == 1).  No capital and no
	 * full stop: the engine adds them.
	 */
	void (*lead)(GString *s, const struct narrate_base *b, unsigned long k,
		     const char *predicate);

	/* A later clause, the base already named: K of N did PREDICATE ("deux avaient ..."). */
	void (*clause)(GString *s, unsigned long n, unsigned long k, const char *predicate);

	/* The whole sentence when no Member State replied (B->n == 0), without its stop. */
	void (*no_replies)(GString *s, const struct narrate_base *b);

	/*
	 * VERB of a select_multiple followed by its objects, already joined
	 * ("avaient adhéré à" and "la Convention de Budapest"): a grammar
	 * contracts what its language contracts ("à le" -> "au").
	 */
	void (*verb_object)(GString *s, const char *verb, const char *objects);

	/*
	 * ITEMS joined as a list: CONJ is true for "and", false for "or"
	 * ("A, B et C"; "A、B和C").  Clauses are joined by join_clauses().
	 */
	void (*join)(GString *s, const char *const *items, size_t n, bool and);

	/*
	 * The clauses after the lead, each from clause(), appended to the lead:
	 * " ; un préparait ... et un ne disposait ...", "؛ وعدد ...".
	 */
	void (*join_clauses)(GString *s, const char *const *clauses, size_t n);

	/* Predicates for a plural subject: who answered no; who gave M other answers. */
	const char *answered_no;	/* "avaient répondu par la négative" */
	void (*other_answers)(GString *s, unsigned long m);

	/* Predicates for a plural subject with a quoted label: "avaient répondu %s", "avaient choisi %s". */
	const char *answered_fmt;
	const char *selected_fmt;

	/*
	 * The sentence after a select_multiple's that tells the DROPPED
	 * choices it left out, the most chosen of them by MOST: "Aucun des 20
	 * autres choix n'avait été retenu par plus de trois", without its stop.
	 */
	void (*others_chosen)(GString *s, unsigned long dropped, unsigned long most);

	/* A number in running text, outside a count phrase: "sept", "7", "七". */
	void (*number)(GString *s, unsigned long n);

	const char *open_quote, *close_quote;
	const char *stop;	/* "." or "。" */
	bool capitalise;	/* a sentence opens with a capital letter */
};

extern const struct narrate_grammar narrate_fr, narrate_es, narrate_ru, narrate_ar, narrate_zh;

/* Shared helpers (narrate-intl.c) */

/* "A, B CONJ C": items joined by SEP, the last two by CONJ (" et "); no serial comma. */
void narrate_put_list(GString *s, const char *const *items, size_t n, const char *sep,
		      const char *conj);

/* Numbers (narrate-number.c), through ICU */

/*
 * N's CLDR plural category in LANG: "zero", "one", "two", "few", "many"
 * or "other" (ICU's plural rules).  "other" when ICU has no rules.
 */
const char *narrate_plural(const char *lang, unsigned long n);

/*
 * N spelt out by ICU's rule set RULESET of LANG ("%spellout-cardinal-
 * masculine"), or NULL when ICU lacks it.  A grammar checks ICU's words
 * and keeps its own reviewed table where they are wrong (Arabic 3-10 with
 * a feminine noun, Chinese 两).
 */
char *narrate_spellout(const char *lang, const char *ruleset, unsigned long n);

/* Appends N in the words of LANG's RULESET below ten, in digits (narrate_digits()) from ten. */
void narrate_put_count(GString *s, const char *lang, const char *ruleset, unsigned long n);

#endif
