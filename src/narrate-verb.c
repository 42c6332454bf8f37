/* narrate-verb.c - a predicate's first verb: agreement with the subject, and negation */
#include <config.h>
#include "narrate.h"

#include <string.h>
#include <glib.h>

/* The length of the first word of S: the predicate's verb. */
static size_t word_len(const char *s)
{
	return strcspn(s, " ");
}

static bool word_is(const char *w, size_t len, const char *what)
{
	return strlen(what) == len && strncmp(w, what, len) == 0;
}

static const struct {
	const char *plural, *singular;
} agreement[] = {
	{"were", "was"},
	{"are", "is"},
	{"have", "has"},
	{"do", "does"},
};

/* Verb W (LEN bytes) for a SINGULAR or plural subject, or NULL when it does not inflect. */
static const char *inflect(const char *w, size_t len, bool singular)
{
	for (size_t i = 0; i < G_N_ELEMENTS(agreement); i++) {
		const char *from = singular ? agreement[i].plural : agreement[i].singular;
		if (word_is(w, len, from))
			return singular ? agreement[i].singular : agreement[i].plural;
	}
	return NULL;
}

/* Appends the first word of PREDICATE, agreeing with the subject. */
static void put_verb(GString *s, const char *predicate, bool singular)
{
	size_t len = word_len(predicate);
	const char *form = inflect(predicate, len, singular);
	if (form)
		g_string_append(s, form);
	else
		g_string_append_len(s, predicate, (gssize)len);
}

static void put_agreed(GString *s, const char *predicate, bool singular)
{
	put_verb(s, predicate, singular);
	g_string_append(s, predicate + word_len(predicate));
}

char *narrate_agree(const char *predicate, bool singular)
{
	GString *s = g_string_new(NULL);
	put_agreed(s, predicate, singular);
	return g_string_free(s, FALSE);
}

/* How a leading verb takes "not". */
enum verb_class {
	VERB_OTHER,		/* unknown: "did not" in an ellipsis, no full negation */
	VERB_AUX,		/* be and the modals: "were not" */
	VERB_HAVE,		/* auxiliary before a participle, else main verb */
	VERB_DO,		/* main verb with do-support: "did not do" */
};

static const struct {
	const char *word;
	enum verb_class class;
	const char *support;	/* do-support for the main verb: did/does/do */
} verbs[] = {
	{"was", VERB_AUX, NULL},    {"were", VERB_AUX, NULL},   {"is", VERB_AUX, NULL},
	{"are", VERB_AUX, NULL},    {"could", VERB_AUX, NULL},  {"can", VERB_AUX, NULL},
	{"would", VERB_AUX, NULL},  {"will", VERB_AUX, NULL},   {"should", VERB_AUX, NULL},
	{"may", VERB_AUX, NULL},    {"might", VERB_AUX, NULL},  {"must", VERB_AUX, NULL},
	{"shall", VERB_AUX, NULL},  {"had", VERB_HAVE, "did"},  {"has", VERB_HAVE, "does"},
	{"have", VERB_HAVE, "do"},  {"did", VERB_DO, "did"},    {"does", VERB_DO, "does"},
	{"do", VERB_DO, "do"},
};

static int verb_index(const char *w, size_t len)
{
	for (size_t i = 0; i < G_N_ELEMENTS(verbs); i++)
		if (word_is(w, len, verbs[i].word))
			return (int)i;
	return -1;
}

/*
 * Past participles that do not end in -ed.  A list rather than endings:
 * "seven", "women", "one" and "eight" end like "seen", "done" and
 * "sought" but are not participles.
 */
static const char *const irregular_participles[] = {
	"arisen", "beaten", "become", "been", "begun", "bought", "broken", "brought", "built",
	"caught", "chosen", "come", "cut", "dealt", "done", "drawn", "driven", "fallen", "felt",
	"forgotten", "fought", "found", "given", "gone", "got", "grown", "had", "heard", "held",
	"hidden", "kept", "known", "laid", "led", "left", "lent", "let", "lost", "made",
	"meant", "met", "overtaken", "paid", "proven", "put", "read", "risen", "run", "said",
	"seen", "sent", "set", "shown", "sold", "sought", "spent", "spoken", "stood", "struck",
	"taken", "taught", "thought", "told", "undergone", "undertaken", "understood", "withdrawn",
	"won", "written",
};

static bool is_participle(const char *w, size_t len)
{
	if (len > 2 && strncmp(w + len - 2, "ed", 2) == 0)
		return true;
	for (size_t i = 0; i < G_N_ELEMENTS(irregular_participles); i++)
		if (word_is(w, len, irregular_participles[i]))
			return true;
	return false;
}

static bool is_negative(const char *w, size_t len)
{
	static const char *const words[] = {"not", "no", "never", "none", "nothing", "neither",
					    "nor", "nobody"};
	for (size_t i = 0; i < G_N_ELEMENTS(words); i++)
		if (word_is(w, len, words[i]))
			return true;
	return false;
}

/* The word after the first one (possibly empty), and its length. */
static const char *second_word(const char *predicate, size_t *len)
{
	const char *p = predicate + word_len(predicate);
	while (*p == ' ')
		p++;
	*len = word_len(p);
	return p;
}

/* How the first word of PREDICATE negates: an auxiliary takes "not", a main verb do-support. */
static enum verb_class classify(const char *predicate, int *index)
{
	*index = verb_index(predicate, word_len(predicate));
	if (*index < 0)
		return VERB_OTHER;
	enum verb_class class = verbs[*index].class;
	if (class == VERB_HAVE) {
		size_t len;
		const char *next = second_word(predicate, &len);
		return is_participle(next, len) ? VERB_AUX : VERB_DO;
	}
	return class;
}

/* Appends "did not", "does not" or "do not" for verb INDEX and the subject's number. */
static void put_support(GString *s, int index, bool singular)
{
	const char *support = index < 0 ? "did" : verbs[index].support;
	put_verb(s, support, singular);
	g_string_append(s, " not");
}

/* Appends the auxiliary of PREDICATE with "not": "was not", "cannot". */
static void put_aux_not(GString *s, const char *predicate, bool singular)
{
	put_verb(s, predicate, singular);
	g_string_append(s, word_is(predicate, word_len(predicate), "can") ? "not" : " not");
}

char *narrate_negate(const char *predicate, bool singular)
{
	size_t len;
	const char *next = second_word(predicate, &len);
	int index;
	enum verb_class class = classify(predicate, &index);
	if (class == VERB_OTHER || is_negative(next, len))
		return NULL;
	GString *s = g_string_new(NULL);
	if (class == VERB_AUX) {
		put_aux_not(s, predicate, singular);
		g_string_append(s, predicate + word_len(predicate));
	} else {
		put_support(s, index, singular);
		g_string_append_c(s, ' ');
		g_string_append(s, index >= 0 && verbs[index].class == VERB_HAVE ? "have" : "do");
		g_string_append(s, predicate + word_len(predicate));
	}
	return g_string_free(s, FALSE);
}

static void put_not(GString *s, const char *predicate, bool singular)
{
	int index;
	if (classify(predicate, &index) == VERB_AUX)
		put_aux_not(s, predicate, singular);
	else
		put_support(s, index, singular);
}

char *narrate_not(const char *predicate, bool singular)
{
	GString *s = g_string_new(NULL);
	put_not(s, predicate, singular);
	return g_string_free(s, FALSE);
}
