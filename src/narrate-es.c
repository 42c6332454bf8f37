/* narrate-es.c - the Rapporteur's sentences in Spanish */
#include <config.h>
#include "narrate-grammar.h"

#include <string.h>

/*
 * The rules, in the style of a Spanish summary of replies (the words of
 * quire's Spanish catalog: "Estado miembro", lower-case "miembro", as the
 * questionnaire writes it for AALCO's members; "que respondieron"):
 *
 * Numbers.  Zero to nine in words, 10 and above in digits with ICU's
 * Spanish grouping ("1.000").  Before a masculine noun ICU's
 * %spellout-cardinal-masculine ("un Estado miembro", "tres Estados
 * miembros"); standing for a State, the pronoun, ICU's %spellout-numbering
 * ("uno", "tres": the masculine rule set gives "un", wrong there); before
 * a feminine noun %spellout-cardinal-feminine ("otras dos respuestas").
 * All three checked for 0 to 9; no table of our own is needed.  A sentence
 * never opens with digits: "De los 12 Estados miembros que respondieron,
 * 10 habían ...".
 *
 * The base.  "los nueve Estados miembros que respondieron", "... que
 * respondieron a la pregunta" (with its number when it has one: "a la
 * pregunta 2.4"), "... a los que se aplicaba la pregunta"; in the singular
 * "Estado miembro que respondió", "... al que se aplicaba la pregunta".
 *
 * Quantities (K of N) and agreement ("Estado" is masculine):
 *   N = 0          "Ningún Estado miembro había respondido [a la
 *                  pregunta]", "La pregunta no se aplicaba a ningún
 *                  Estado miembro"
 *   N = 1, K = 1   "El único Estado miembro que respondió había ..."
 *   N = 1, K = 0   "El único Estado miembro que respondió no había ...";
 *                  when the predicate has coordinated verbs, which one
 *                  "no" cannot negate, "Ninguno de los Estados miembros que
 *                  respondieron (uno en total) había ..."
 *   K = N          "Los nueve Estados miembros que respondieron habían
 *                  ...", "Los dos ...", "Los 21 ..." (the definite article
 *                  with the whole number says "all")
 *   K = 0          "Ninguno de los nueve Estados miembros que respondieron
 *                  había ..."
 *   K = 1          "Uno de los nueve ... había ..." (singular)
 *   K >= 10        "De los 21 Estados miembros que respondieron, 11
 *                  habían ..."
 *   otherwise      "Siete de los nueve Estados miembros que respondieron
 *                  habían ..."
 * Later clauses: "todos habían", "los dos habían", "ninguno había", "uno
 * había", "dos habían", "10 habían".
 *
 * Negation.  A preverbal "ninguno" needs no "no" ("ninguno había
 * recibido").  A predicate that is negative already ("no tenían ...") is
 * reported, not negated twice: "ninguno había indicado que no tenía una ley
 * de ese tipo", and after "El único ... no" too ("no había indicado que
 * no tenía ...").  The "or" lists the engine makes come only after a
 * negation ("ninguno había utilizado A o B"), where "o" reads as "ni".
 *
 * The predicate is the form's phrase for a plural subject, in the past,
 * opening with its verb: "habían recibido", "se habían hecho parte en",
 * "no tenían", "estaban preparando", "consideraban útil".  For a singular
 * subject the verb that opens it agrees, by its ending:
 *   imperfect and conditional  -aban -> -aba, -ían -> -ía ("habían",
 *                              "tenían", "preveían", "podrían")
 *   preterite  -aron -> -ó, -ieron -> -ió, -yeron -> -yó, and the strong
 *              forms -jeron -> -jo, -uvieron -> -uvo, -usieron -> -uso,
 *              -upieron -> -upo, -icieron -> -izo, -quisieron -> -quiso,
 *              -vinieron -> -vino
 *   whole words  eran, iban, fueron, hubieron, pudieron, dieron, vieron,
 *                and the present han, son, están, tienen, van
 * Before them it may have "no", "nunca", "tampoco", "ya", "también",
 * "aún", "todavía" and clitics ("se", "lo", "las" ...).  The verb that
 * opens each part coordinated with the first agrees too (after a comma,
 * "y", "e", "o", "u", "ni" or "pero": "habían ratificado X y participaban
 * en Y", and the lists of predicates the engine joins), unless a "que",
 * "donde", "cuando" ... clause has begun before it, whose verbs have their
 * own subject; a comma ends such a clause only when the part before the
 * comma opened with an agreeing verb (a list of predicates).  So write
 * "leyes que regulaban X y que sancionaban Y".  After a form of "ser" or
 * "estar" (also "habían sido", "se habían hecho") the next word agrees
 * too: -os -> -o ("obligados", "miembros"), -ntes -> -nte, -bles -> -ble,
 * -ales -> -al, -iles -> -il, -ares -> -ar, -ores -> -or, -ces -> -z,
 * "partes" -> "parte"; only that word.  Other verbs (the present but for
 * the words above, the future, the subjunctive) and a phrase that does
 * not open with its verb are left as written, so phrases should use the
 * forms above.
 *
 * Lists: "A, B y C", "A, B o C"; a comma goes before the conjunction too
 * when there are three items or more and one holds a conjunction of its
 * own ("la territorialidad, el pabellón de un buque o la matrícula de una
 * aeronave, o la nacionalidad del autor").  "y" becomes "e" before a word
 * opening with the sound /i/ ("e INTERPOL", "e hijos", but "y hielo"), "o"
 * becomes "u" before /o/ ("u otros", "u 8", "u 11").  Clauses follow the
 * lead after a semicolon and are joined as a list without that comma, each
 * opening with its count; when one of them holds a comma, they are all
 * separated by semicolons.  "a el" and "de el" contract after a verb
 * ("al", "del"), not before a name ("de El Salvador").  Quotes are “ ”,
 * the full stop after the closing one.
 */

/* Numbers */

/* N in words below ten by ICU's RULESET of Spanish, else in digits. */
static void put_in(GString *s, const char *ruleset, unsigned long n)
{
	narrate_put_count(s, "es", ruleset, n);
}

/* Standing for States: "uno", "tres", "12". */
static void put_pronoun(GString *s, unsigned long n)
{
	put_in(s, "%spellout-numbering", n);
}

/* Before a masculine noun: "un", "tres", "12". */
static void put_masculine(GString *s, unsigned long n)
{
	put_in(s, "%spellout-cardinal-masculine", n);
}

/* Before a feminine noun: "una", "tres", "12". */
static void put_feminine(GString *s, unsigned long n)
{
	put_in(s, "%spellout-cardinal-feminine", n);
}

/* The base */

/* "Estados miembros que respondieron a la pregunta 2.4" */
static void put_noun(GString *s, const struct narrate_base *b, bool singular)
{
	g_string_append(s, singular ? "Estado miembro" : "Estados miembros");
	switch (b->scope) {
	case NARRATE_ANSWERED:
		g_string_append(s, singular ? " que respondió a la pregunta"
					    : " que respondieron a la pregunta");
		if (b->question)
			g_string_append_printf(s, " %s", b->question);
		break;
	case NARRATE_APPLIED:
		g_string_append(s, singular ? " al que se aplicaba la pregunta"
					    : " a los que se aplicaba la pregunta");
		break;
	default:
		g_string_append(s, singular ? " que respondió" : " que respondieron");
	}
}

/* "los nueve Estados miembros que respondieron", B->n >= 2 */
static void put_all_counted(GString *s, const struct narrate_base *b)
{
	g_string_append(s, "los ");
	put_masculine(s, b->n);
	g_string_append_c(s, ' ');
	put_noun(s, b, false);
}

/* Agreement */

static bool in_list(const char *word, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(word, *list) == 0)
			return true;
	return false;
}

/* What may come before a predicate's verb: negation, "ya", clitic pronouns. */
static const char *const before_verb[] = {
	"no", "nunca", "tampoco", "ya", "también", "aún", "todavía", "se", "lo", "la", "los",
	"las", "le", "les", NULL,
};

/* Words after which a coordinated part opens. */
static const char *const conjunctions[] = { "y", "e", "o", "u", "ni", "pero", NULL };

/* Words that open a clause with a subject of its own. */
static const char *const subordinators[] = {
	"que", "quien", "quienes", "cual", "cuales", "cuyo", "cuya", "cuyos", "cuyas",
	"donde", "cuando", "porque", "aunque", "mientras", NULL,
};

/* The plural forms of "ser" and "estar", after which a complement agrees. */
static const char *const copulas[] = {
	"son", "eran", "fueron", "serían", "están", "estaban", "estuvieron", "estarían", NULL,
};

/* The plural forms of "haber", before "sido", "estado" or (with "se") "hecho". */
static const char *const haber[] = { "han", "habían", "habrían", "hubieron", NULL };

/* WORD with its ENDING replaced by BY; NULL when it ends otherwise. */
static char *with_ending(const char *word, const char *ending, const char *by)
{
	size_t len = strlen(word), el = strlen(ending);
	if (len < el || strcmp(word + len - el, ending) != 0)
		return NULL;
	GString *out = g_string_new_len(word, (gssize)(len - el));
	g_string_append(out, by);
	return g_string_free(out, FALSE);
}

/* WORD, a plural finite verb of the forms above, in the singular; NULL when it is none of them. */
static char *singular_verb(const char *word)
{
	static const char *const whole[][2] = {
		{ "han", "ha" }, { "son", "es" }, { "están", "está" }, { "tienen", "tiene" },
		{ "van", "va" }, { "eran", "era" }, { "iban", "iba" }, { "fueron", "fue" },
		{ "hubieron", "hubo" }, { "pudieron", "pudo" }, { "dieron", "dio" },
		{ "vieron", "vio" },
	};
	static const char *const endings[][2] = {
		{ "aban", "aba" }, { "ían", "ía" }, { "aron", "ó" }, { "jeron", "jo" },
		{ "uvieron", "uvo" }, { "usieron", "uso" }, { "upieron", "upo" },
		{ "icieron", "izo" }, { "quisieron", "quiso" }, { "vinieron", "vino" },
		{ "yeron", "yó" }, { "ieron", "ió" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(whole); i++)
		if (strcmp(word, whole[i][0]) == 0)
			return g_strdup(whole[i][1]);
	for (size_t i = 0; i < G_N_ELEMENTS(endings); i++) {
		char *sg = with_ending(word, endings[i][0], endings[i][1]);
		if (sg)
			return sg;
	}
	return NULL;
}

/* WORD, the complement of "ser" or "estar", in the singular; NULL when it keeps its form. */
static char *singular_complement(const char *word)
{
	static const char *const endings[][2] = {
		{ "ntes", "nte" }, { "bles", "ble" }, { "ales", "al" },
		{ "iles", "il" }, { "ares", "ar" }, { "ores", "or" }, { "ces", "z" }, { "os", "o" },
	};
	static const char *const keep[] = {
		"los", "dos", "todos", "ambos", "estos", "esos", "unos", "otros", "ellos",
		"nosotros", "aquellos", NULL,
	};
	if (in_list(word, keep))
		return NULL;
	if (strcmp(word, "partes") == 0)
		return g_strdup("parte");
	for (size_t i = 0; i < G_N_ELEMENTS(endings); i++) {
		char *sg = with_ending(word, endings[i][0], endings[i][1]);
		if (sg)
			return sg;
	}
	return NULL;
}

/* The index of the complement of W[VERB] that agrees with the subject, or 0 when it has none. */
static guint complement_of(char **w, guint verb, bool reflexive)
{
	if (!w[verb + 1])
		return 0;
	if (in_list(w[verb], copulas))
		return verb + 1;
	if (!in_list(w[verb], haber) || !w[verb + 2])
		return 0;
	const char *p = w[verb + 1];
	if (strcmp(p, "sido") == 0 || strcmp(p, "estado") == 0 ||
	    (reflexive && strcmp(p, "hecho") == 0))
		return verb + 2;
	return 0;
}

/* Replaces W[I] by REPLACEMENT when there is one. */
static void replace_word(char **w, guint i, char *replacement)
{
	if (!replacement)
		return;
	g_free(w[i]);
	w[i] = replacement;
}

/*
 * When a verb of the forms above opens the words W from I on (after
 * "no", "se" ...), puts it and its complement in the singular; returns
 * whether it did.
 */
static bool agree_head(char **w, guint i)
{
	bool reflexive = false;
	guint j = i;
	for (; w[j] && j < i + 3 && in_list(w[j], before_verb); j++)
		reflexive |= strcmp(w[j], "se") == 0;
	if (!w[j])
		return false;
	char *sg = singular_verb(w[j]);
	if (!sg)
		return false;
	guint c = complement_of(w, j, reflexive);
	replace_word(w, j, sg);
	if (c)
		replace_word(w, c, singular_complement(w[c]));
	return true;
}

/*
 * PREDICATE for a singular subject (rules above): its opening verb and
 * the opening verb of each part coordinated with it agree.  *HEADS is
 * how many verbs agreed.
 */
static char *singular_of(const char *predicate, unsigned *heads)
{
	char **w = g_strsplit(predicate, " ", -1);
	bool subordinate = false, part_agreed = false;
	*heads = 0;
	for (guint i = 0; w[i]; i++) {
		bool after_comma = i == 0 || g_str_has_suffix(w[i - 1], ",");
		bool opens = after_comma ? !subordinate
					 : !subordinate && in_list(w[i - 1], conjunctions);
		bool agreed = opens && agree_head(w, i);
		*heads += agreed;
		if (after_comma)
			part_agreed = agreed;
		if (g_str_has_suffix(w[i], ",") && part_agreed)
			subordinate = false;
		else if (in_list(w[i], subordinators))
			subordinate = true;
	}
	char *out = g_strjoinv(" ", w);
	g_strfreev(w);
	return out;
}

static void put_agreed(GString *s, const char *predicate, bool singular)
{
	if (!singular) {
		g_string_append(s, predicate);
		return;
	}
	unsigned heads;
	char *p = singular_of(predicate, &heads);
	g_string_append(s, p);
	g_free(p);
}

/* Whether PREDICATE is negative already ("no tenían ..."). */
static bool is_negative(const char *predicate)
{
	static const char *const negations[] = {
		"no", "nunca", "tampoco", "jamás", "ni", "ningún", "ninguno", "ninguna", NULL,
	};
	char *first = g_strndup(predicate, strcspn(predicate, " "));
	bool negative = in_list(first, negations);
	g_free(first);
	return negative;
}

/* After "ninguno": the predicate in the singular, reported when it is negative already. */
static void put_after_none(GString *s, const char *predicate)
{
	if (is_negative(predicate))
		g_string_append(s, "había indicado que ");
	put_agreed(s, predicate, true);
}

/* Sentences */

/* A base of one Member State, which did (K = 1) or did not (K = 0) PREDICATE. */
static void lead_of_one(GString *s, const struct narrate_base *b, unsigned long k,
			const char *predicate)
{
	unsigned heads;
	char *sg = singular_of(predicate, &heads);
	if (k == 0 && heads > 1 && !is_negative(predicate)) {
		g_string_append(s, "ninguno de los ");
		put_noun(s, b, false);
		g_string_append_printf(s, " (uno en total) %s", sg);
		g_free(sg);
		return;
	}
	g_string_append(s, "el único ");
	put_noun(s, b, true);
	if (k == 0)
		g_string_append(s, is_negative(predicate) ? " no había indicado que" : " no");
	g_string_append_printf(s, " %s", sg);
	g_free(sg);
}

static void lead(GString *s, const struct narrate_base *b, unsigned long k, const char *predicate)
{
	unsigned long n = b->n;
	if (n == 1) {
		lead_of_one(s, b, k, predicate);
		return;
	}
	if (k == 0) {
		g_string_append(s, "ninguno de ");
		put_all_counted(s, b);
		g_string_append_c(s, ' ');
		put_after_none(s, predicate);
		return;
	}
	if (k == n) {
		put_all_counted(s, b);
	} else if (k >= 10) {
		g_string_append(s, "de ");
		put_all_counted(s, b);
		g_string_append(s, ", ");
		put_pronoun(s, k);
	} else {
		put_pronoun(s, k);
		g_string_append(s, " de ");
		put_all_counted(s, b);
	}
	g_string_append_c(s, ' ');
	put_agreed(s, predicate, k == 1);
}

static void clause(GString *s, unsigned long n, unsigned long k, const char *predicate)
{
	if (k == 0) {
		g_string_append(s, "ninguno ");
		put_after_none(s, predicate);
		return;
	}
	if (k == n && n >= 2)
		g_string_append(s, n == 2 ? "los dos" : "todos");
	else
		put_pronoun(s, k);
	g_string_append_c(s, ' ');
	put_agreed(s, predicate, k == 1);
}

static void no_replies(GString *s, const struct narrate_base *b)
{
	switch (b->scope) {
	case NARRATE_ANSWERED:
		g_string_append(s, "ningún Estado miembro había respondido a la pregunta");
		if (b->question)
			g_string_append_printf(s, " %s", b->question);
		break;
	case NARRATE_APPLIED:
		g_string_append(s, "la pregunta no se aplicaba a ningún Estado miembro");
		break;
	default:
		g_string_append(s, "ningún Estado miembro había respondido");
	}
}

/* VERB and OBJECTS, "a el" and "de el" contracted ("se habían adherido al Convenio"). */
static void verb_object(GString *s, const char *verb, const char *objects)
{
	static const char *const contractions[][2] = { { " a", " al" }, { " de", " del" } };
	for (size_t i = 0; i < G_N_ELEMENTS(contractions); i++) {
		const char *prep = contractions[i][0];
		if (!g_str_has_suffix(verb, prep) || !g_str_has_prefix(objects, "el "))
			continue;
		g_string_append_len(s, verb, (gssize)(strlen(verb) - strlen(prep)));
		g_string_append_printf(s, "%s %s", contractions[i][1], objects + strlen("el "));
		return;
	}
	g_string_append_printf(s, "%s %s", verb, objects);
}

/* Lists */

static bool is_vowel(gunichar c)
{
	return c && g_utf8_strchr("aeiouáéíóúü", -1, c) != NULL;
}

/* Whether WORD opens with the sound /i/ ("INTERPOL", "hijos"; not "hielo", "iones"). */
static bool opens_with_i(const char *word)
{
	const char *p = word;
	if (g_unichar_tolower(g_utf8_get_char(p)) == 'h')
		p = g_utf8_next_char(p);
	gunichar c = g_unichar_tolower(g_utf8_get_char(p));
	if (c != 'i' && c != 0xED)
		return false;
	return !is_vowel(g_unichar_tolower(g_utf8_get_char(g_utf8_next_char(p))));
}

/* Whether WORD opens with the sound /o/ ("otros", "hoy", "8", "11"). */
static bool opens_with_o(const char *word)
{
	if (word[0] == '8' || (word[0] == '1' && word[1] == '1' && !g_ascii_isdigit(word[2])))
		return true;
	const char *p = word;
	if (g_unichar_tolower(g_utf8_get_char(p)) == 'h')
		p = g_utf8_next_char(p);
	gunichar c = g_unichar_tolower(g_utf8_get_char(p));
	return c == 'o' || c == 0xF3;
}

/* " y ", " e ", " o " or " u " before NEXT, whose opening quote is skipped. */
static const char *conjunction(const char *next, bool and)
{
	if (g_str_has_prefix(next, "\u201C"))
		next += strlen("\u201C");
	if (and)
		return opens_with_i(next) ? " e " : " y ";
	return opens_with_o(next) ? " u " : " o ";
}

/* Whether one of the N ITEMS holds a conjunction of its own ("un buque o una aeronave"). */
static bool has_conjunction(const char *const *items, size_t n)
{
	static const char *const words[] = { " y ", " e ", " o ", " u ", " ni " };
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < G_N_ELEMENTS(words); j++)
			if (strstr(items[i], words[j]))
				return true;
	return false;
}

/* ITEMS as "A, B y C" ("o" unless AND), and when SERIAL a comma before the conjunction too. */
static void put_list(GString *s, const char *const *items, size_t n, bool and, bool serial)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && i + 1 < n)
			g_string_append(s, ", ");
		else if (i > 0)
			g_string_append_printf(s, "%s%s", serial ? "," : "",
					       conjunction(items[i], and));
		g_string_append(s, items[i]);
	}
}

static void join(GString *s, const char *const *items, size_t n, bool and)
{
	put_list(s, items, n, and, n >= 3 && has_conjunction(items, n));
}

static void join_clauses(GString *s, const char *const *clauses, size_t n)
{
	bool commas = false;
	for (size_t i = 0; i < n; i++)
		commas |= strchr(clauses[i], ',') != NULL;
	g_string_append(s, "; ");
	if (commas)
		narrate_put_list(s, clauses, n, "; ", "; ");
	else
		put_list(s, clauses, n, true, false);
}

static void other_answers(GString *s, unsigned long m)
{
	if (m == 1) {
		g_string_append(s, "habían dado otra respuesta");
		return;
	}
	g_string_append(s, "habían dado otras ");
	put_feminine(s, m);
	g_string_append(s, " respuestas");
}

/* "un Estado miembro", "tres Estados miembros" */
static void put_member_states(GString *s, unsigned long n)
{
	put_masculine(s, n);
	g_string_append(s, n == 1 ? " Estado miembro" : " Estados miembros");
}

static void others_chosen(GString *s, unsigned long dropped, unsigned long most)
{
	if (dropped == 1 && most) {
		g_string_append(s, "otra opción había sido seleccionada por ");
		put_member_states(s, most);
	} else if (dropped == 1) {
		g_string_append(s, "ninguna otra opción había sido seleccionada");
	} else {
		g_string_append(s, "ninguna de las otras ");
		put_feminine(s, dropped);
		g_string_append(s, " opciones había sido seleccionada");
		if (most) {
			g_string_append(s, " por más de ");
			put_member_states(s, most);
		}
	}
}

const struct narrate_grammar narrate_es = {
	.lang = "es",
	.lead = lead,
	.clause = clause,
	.no_replies = no_replies,
	.verb_object = verb_object,
	.join = join,
	.join_clauses = join_clauses,
	.answered_no = "habían contestado negativamente",
	.other_answers = other_answers,
	.answered_fmt = "habían respondido %s",
	.selected_fmt = "habían seleccionado %s",
	.others_chosen = others_chosen,
	.number = put_pronoun,
	.open_quote = "\u201C",
	.close_quote = "\u201D",
	.stop = ".",
	.capitalise = true,
};
