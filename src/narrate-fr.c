/* narrate-fr.c - the Rapporteur's sentences in French */
#include <config.h>
#include "narrate-grammar.h"

#include <string.h>

/*
 * The rules, in the style of a French summary of replies:
 *
 * Numbers.  Zero to nine in words, masculine as "État" is ("un", "deux";
 * ICU's %spellout-cardinal-masculine, checked), 10 and above in digits
 * with French grouping.  A sentence never opens with digits: "Sur les 12
 * États membres ayant répondu, 10 avaient ...".
 *
 * The base.  "les neuf États membres ayant répondu", "... ayant répondu à
 * la question 2.4", "... auxquels la question s'appliquait".
 *
 * Quantities (K of N) and agreement:
 *   N = 1, K = 1   "Le seul État membre ayant répondu avait ..." (singular)
 *   N = 1, K = 0   "Aucun des États membres ayant répondu (un seul au
 *                  total) n'avait ..."
 *   K = N = 2      "Les deux États membres ayant répondu avaient ..."
 *   K = N          "L'ensemble des neuf États membres ayant répondu avaient ..."
 *                  (agreement by sense, as UN French has it)
 *   K = 0          "Aucun des neuf États membres ayant répondu n'avait ..."
 *   K = 1          "Un des neuf États membres ayant répondu avait ..."
 *   otherwise      "Sept des neuf États membres ayant répondu avaient ..."
 * Later clauses: "tous avaient", "les deux avaient", "aucun n'avait", "un
 * avait", "deux avaient".  "Aucun" takes "ne" without "pas"; a predicate
 * that is already negative is reported, not negated twice: "aucun n'avait
 * indiqué qu'il ne disposait d'aucune loi".
 *
 * The predicate is written for a plural subject in the imperfect or the
 * pluperfect with "avoir" ("avaient incriminé", "préparaient"), with the
 * article rather than "leur" ("fondaient la compétence pénale sur"), since
 * "leur" would not agree with "un".  For a
 * singular subject its first verb agrees: "-aient" becomes "-ait", "ont"
 * "a", "sont" "est", and a participle after "être" loses its plural "s"
 * ("s'étaient dotés" -> "s'était doté", "n'étaient parties" -> "n'était
 * partie").  Verbs in other tenses are left
 * as they are, so phrases should use those tenses.
 *
 * Lists: "A, B et C", "A, B ou C", no serial comma.  Clauses follow the
 * lead after a semicolon with a no-break space before it.  "à le" and "de
 * le(s)" contract after a verb ("au", "aux", "du", "des").  Quotes are
 * « » with no-break spaces.
 */

/* Numbers */

static void put_number(GString *s, unsigned long n)
{
	narrate_put_count(s, "fr", "%spellout-cardinal-masculine", n);
}

/* "de trois", "d'un" (no elision before "huit" and "onze") */
static void put_de_number(GString *s, unsigned long n)
{
	GString *w = g_string_new(NULL);
	put_number(w, n);
	g_string_append(s, n == 1 ? "d'" : "de ");
	g_string_append(s, w->str);
	g_string_free(w, TRUE);
}

/* The base */

static const char *noun(const struct narrate_base *b, bool singular)
{
	switch (b->scope) {
	case NARRATE_ANSWERED:
		return singular ? "État membre ayant répondu à la question"
				: "États membres ayant répondu à la question";
	case NARRATE_APPLIED:
		return singular ? "État membre auquel la question s'appliquait"
				: "États membres auxquels la question s'appliquait";
	default:
		return singular ? "État membre ayant répondu" : "États membres ayant répondu";
	}
}

static void put_noun(GString *s, const struct narrate_base *b, bool singular)
{
	g_string_append(s, noun(b, singular));
	if (b->scope == NARRATE_ANSWERED && b->question)
		g_string_append_printf(s, " %s", b->question);
}

/* "neuf États membres ayant répondu" */
static void put_counted(GString *s, const struct narrate_base *b)
{
	put_number(s, b->n);
	g_string_append_c(s, ' ');
	put_noun(s, b, b->n == 1);
}

/* Agreement */

static bool starts_with_vowel(const char *p)
{
	static const gunichar vowels[] = {
		'a', 'e', 'i', 'o', 'u', 'y', 'h', 0xE0, 0xE2, 0xE8, 0xE9, 0xEA, 0xEE, 0xF4, 0xFB,
	};
	gunichar c = g_unichar_tolower(g_utf8_get_char(p));
	for (size_t i = 0; i < G_N_ELEMENTS(vowels); i++)
		if (c == vowels[i])
			return true;
	return false;
}

/* The plural verb forms that agree by rule, and their singular. */
static const char *singular_of(const char *word, GString *out)
{
	static const char *const whole[][2] = {
		{ "ont", "a" }, { "sont", "est" }, { "font", "fait" }, { "vont", "va" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(whole); i++)
		if (strcmp(word, whole[i][0]) == 0)
			return g_string_assign(out, whole[i][1])->str;
	if (g_str_has_suffix(word, "aient")) {
		g_string_assign(out, word);
		g_string_truncate(out, out->len - 3);	/* "avaient" -> "avai" + "t" */
		return g_string_append_c(out, 't')->str;
	}
	return NULL;
}

static bool is_etre(const char *word)
{
	return strcmp(word, "sont") == 0 || strcmp(word, "étaient") == 0 ||
	       strcmp(word, "seraient") == 0;
}

/* PREDICATE for a SINGULAR or plural subject (rules above). */
static char *agree(const char *predicate, bool singular)
{
	if (!singular)
		return g_strdup(predicate);
	char **words = g_strsplit(predicate, " ", -1);
	GString *form = g_string_new(NULL);
	for (guint i = 0; words[i]; i++) {
		char *w = words[i];
		char *apostrophe = strrchr(w, '\'');
		char *verb = apostrophe ? apostrophe + 1 : w;
		char *verb_copy = g_strdup(verb);
		const char *sg = singular_of(verb_copy, form);
		if (!sg) {
			g_free(verb_copy);
			continue;
		}
		bool etre = is_etre(verb_copy);
		char *prefix = g_strndup(w, (gsize)(verb - w));
		g_free(words[i]);
		words[i] = g_strconcat(prefix, sg, NULL);
		g_free(prefix);
		g_free(verb_copy);
		char *next = words[i + 1];
		if (etre && next && (g_str_has_suffix(next, "és") || g_str_has_suffix(next, "us") ||
				     g_str_has_suffix(next, "ies")))
			next[strlen(next) - 1] = '\0';
		break;
	}
	char *out = g_strjoinv(" ", words);
	g_strfreev(words);
	g_string_free(form, TRUE);
	return out;
}

static bool is_negative(const char *predicate)
{
	return g_str_has_prefix(predicate, "ne ") || g_str_has_prefix(predicate, "n'");
}

/* After "aucun": the predicate negated with "ne", or reported when negative already. */
static void put_negated(GString *s, const char *predicate)
{
	char *sg = agree(predicate, true);
	if (is_negative(predicate))
		g_string_append_printf(s, "n'avait indiqué qu'il %s", sg);
	else if (starts_with_vowel(sg))
		g_string_append_printf(s, "n'%s", sg);
	else
		g_string_append_printf(s, "ne %s", sg);
	g_free(sg);
}

static void put_agreed(GString *s, const char *predicate, bool singular)
{
	char *p = agree(predicate, singular);
	g_string_append(s, p);
	g_free(p);
}

/* Sentences */

static void lead(GString *s, const struct narrate_base *b, unsigned long k, const char *predicate)
{
	unsigned long n = b->n;
	bool singular = false;
	if (n == 1 && k == 1) {
		g_string_append(s, "le seul ");
		put_noun(s, b, true);
		singular = true;
	} else if (n == 1) {
		g_string_append(s, "aucun des ");
		put_noun(s, b, false);
		g_string_append(s, " (un seul au total) ");
		put_negated(s, predicate);
		return;
	} else if (k == n && n == 2) {
		g_string_append(s, "les deux ");
		put_noun(s, b, false);
	} else if (k == n) {
		g_string_append(s, "l'ensemble des ");
		put_counted(s, b);
	} else if (k == 0) {
		g_string_append(s, "aucun des ");
		put_counted(s, b);
		g_string_append_c(s, ' ');
		put_negated(s, predicate);
		return;
	} else if (k >= 10) {
		g_string_append(s, "sur les ");
		put_counted(s, b);
		g_string_append(s, ", ");
		put_number(s, k);
	} else {
		put_number(s, k);
		g_string_append(s, " des ");
		put_counted(s, b);
		singular = k == 1;
	}
	g_string_append_c(s, ' ');
	put_agreed(s, predicate, singular);
}

static void clause(GString *s, unsigned long n, unsigned long k, const char *predicate)
{
	if (k == 0) {
		g_string_append(s, "aucun ");
		put_negated(s, predicate);
		return;
	}
	if (k == n)
		g_string_append(s, n == 2 ? "les deux" : "tous");
	else
		put_number(s, k);
	g_string_append_c(s, ' ');
	put_agreed(s, predicate, k == 1 && n != 1);
}

static void no_replies(GString *s, const struct narrate_base *b)
{
	(void)b;
	g_string_append(s, "aucun État membre n'avait répondu");
}

static void verb_object(GString *s, const char *verb, const char *objects)
{
	static const char *const contractions[][3] = {
		{ " à", "le ", "au " }, { " à", "les ", "aux " },
		{ " de", "le ", "du " }, { " de", "les ", "des " },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(contractions); i++)
		if (g_str_has_suffix(verb, contractions[i][0]) &&
		    g_str_has_prefix(objects, contractions[i][1])) {
			size_t cut = strlen(contractions[i][0]);
			g_string_append_len(s, verb, (gssize)(strlen(verb) - cut + 1));
			g_string_append(s, contractions[i][2]);
			g_string_append(s, objects + strlen(contractions[i][1]));
			return;
		}
	if (g_str_has_suffix(verb, " de") && starts_with_vowel(objects)) {
		g_string_append_len(s, verb, (gssize)strlen(verb) - 1);
		g_string_append_printf(s, "'%s", objects);
		return;
	}
	g_string_append_printf(s, "%s %s", verb, objects);
}

static void join(GString *s, const char *const *items, size_t n, bool and)
{
	narrate_put_list(s, items, n, ", ", and ? " et " : " ou ");
}

static void join_clauses(GString *s, const char *const *clauses, size_t n)
{
	g_string_append(s, "\u00A0; ");
	narrate_put_list(s, clauses, n, ", ", " et ");
}

static void other_answers(GString *s, unsigned long m)
{
	if (m == 1) {
		g_string_append(s, "avaient donné une autre réponse");
		return;
	}
	g_string_append(s, "avaient donné ");
	put_number(s, m);
	g_string_append(s, " autres réponses");
}

static void others_chosen(GString *s, unsigned long dropped, unsigned long most)
{
	if (dropped == 1 && most) {
		g_string_append(s, "un autre choix avait été retenu par ");
		put_number(s, most);
	} else if (dropped == 1) {
		g_string_append(s, "aucun autre choix n'avait été retenu");
	} else {
		g_string_append(s, "aucun des ");
		put_number(s, dropped);
		g_string_append(s, " autres choix n'avait été retenu");
		if (most) {
			g_string_append(s, " par plus ");
			put_de_number(s, most);
		}
	}
}

const struct narrate_grammar narrate_fr = {
	.lang = "fr",
	.lead = lead,
	.clause = clause,
	.no_replies = no_replies,
	.verb_object = verb_object,
	.join = join,
	.join_clauses = join_clauses,
	.answered_no = "avaient répondu par la négative",
	.other_answers = other_answers,
	.answered_fmt = "avaient répondu %s",
	.selected_fmt = "avaient choisi %s",
	.others_chosen = others_chosen,
	.number = put_number,
	.open_quote = "«\u00A0",
	.close_quote = "\u00A0»",
	.stop = ".",
	.capitalise = true,
};
