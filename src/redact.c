/* redact.c - hiding the names of States in free text */
#include <config.h>
#include "redact.h"

#include <string.h>
#include <glib.h>

#include "msg.h"
#include "roster.h"

#define HIDDEN "[State]"

/*
 * Every form of every name becomes a term: a list of atoms, the pattern of
 * each of its characters.  Terms are sorted, so that those sharing a
 * beginning ("Republic of ...") are neighbours, and put into tries whose
 * edges are atoms, so that a shared beginning is matched once.  That keeps
 * the patterns small and quick, and lets the longest name win: a node
 * tries longer names through its children before the name ending there.
 *
 * A term's shape says which boundaries apply at its two ends; terms of one
 * shape share a search, a GRegex "BEFORE(?:TRIE)AFTER".  A roster too large
 * for one pattern gets several searches of a shape.  redact_text() runs
 * them all and hides the leftmost match, the longest of those starting
 * there.
 */

/* No letter, mark or digit before or after a match. */
#define NO_WORD_BEFORE "(?<![\\p{L}\\p{M}\\p{N}])"
#define NO_WORD_AFTER "(?![\\p{L}\\p{M}\\p{N}])"
/* Arabic wa-, fa- and then bi-, li-, ka-, written joined to the name; kept (\K). */
#define ARABIC_PREFIXES "[\\x{648}\\x{641}]?[\\x{628}\\x{644}\\x{643}]?\\K"

/*
 * Shapes: whether a term may touch a letter at its beginning and at its
 * end (WORD: no, FREE: yes; ARABIC: no, but past the prefixes), and whether
 * it matches in any case.  An exact term is capital letters of a script
 * with spaces, so WORD at both ends.
 */
enum shape { WORD_WORD, WORD_FREE, ARABIC_WORD, ARABIC_FREE, FREE_WORD, FREE_FREE, EXACT };

static const struct {
	const char *before, *after;
	GRegexCompileFlags flags;
} shapes[] = {
	[WORD_WORD] = { NO_WORD_BEFORE, NO_WORD_AFTER, G_REGEX_CASELESS },
	[WORD_FREE] = { NO_WORD_BEFORE, "", G_REGEX_CASELESS },
	[ARABIC_WORD] = { NO_WORD_BEFORE ARABIC_PREFIXES, NO_WORD_AFTER, G_REGEX_CASELESS },
	[ARABIC_FREE] = { NO_WORD_BEFORE ARABIC_PREFIXES, "", G_REGEX_CASELESS },
	[FREE_WORD] = { "", NO_WORD_AFTER, G_REGEX_CASELESS },
	[FREE_FREE] = { "", "", G_REGEX_CASELESS },
	[EXACT] = { NO_WORD_BEFORE, NO_WORD_AFTER, 0 },
};

struct term {
	enum shape shape;
	bool plural;		/* a plural "s" may follow */
	char **atoms;		/* NULL-terminated */
};

struct redact {
	GPtrArray *searches;	/* GRegex *, each for some terms of one shape */
};

/* ---- Terms: the pattern of each character of a name ---- */

/* Scripts whose words are not separated by spaces: a name there has no word boundary. */
static bool is_unspaced_script(gunichar c)
{
	switch (g_unichar_get_script(c)) {
	case G_UNICODE_SCRIPT_HAN:
	case G_UNICODE_SCRIPT_HIRAGANA:
	case G_UNICODE_SCRIPT_KATAKANA:
	case G_UNICODE_SCRIPT_HANGUL:
	case G_UNICODE_SCRIPT_THAI:
	case G_UNICODE_SCRIPT_LAO:
	case G_UNICODE_SCRIPT_KHMER:
	case G_UNICODE_SCRIPT_MYANMAR:
		return true;
	default:
		return false;
	}
}

/* Whether a name beginning or ending with C must not touch another letter there. */
static bool needs_boundary(gunichar c)
{
	bool word = g_unichar_isalpha(c) || g_unichar_isdigit(c) || g_unichar_ismark(c);
	return word && !is_unspaced_script(c);
}

/* A name written in capitals of at most four letters ("XKE", "DPRK") matches only as written. */
static bool is_exact(const char *name)
{
	glong n = 0;
	for (const char *p = name; *p; p = g_utf8_next_char(p), n++)
		if (!g_unichar_isupper(g_utf8_get_char(p)))
			return false;
	return n >= 1 && n <= 4;
}

/* Appends C to a pattern: as itself when it is a letter or digit, else as \x{...}. */
static void append_literal(GString *out, gunichar c)
{
	if (g_unichar_isalnum(c))
		g_string_append_unichar(out, c);
	else
		g_string_append_printf(out, "\\x{%X}", c);
}

/*
 * The pattern for one character C of a name, matched in any case.  An
 * accented letter also matches its decomposed form and the bare letter:
 * "ü" gives (?:ü|u(?:\x{308})?).
 */
static char *char_atom(gunichar c)
{
	switch (c) {
	case '\'':
	case 0x2019:
	case 0x02BC:
		return g_strdup("['\\x{2019}\\x{2BC}]");
	case '-':
	case 0x2010:
	case 0x2011:
		return g_strdup("[\\x{2D}\\x{2010}\\x{2011}]");
	case ' ':
		return g_strdup("[\\s\\p{Z}]++");
	}
	GString *out = g_string_new(NULL);
	gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
	gsize n = g_unichar_fully_decompose(c, FALSE, d, G_N_ELEMENTS(d));
	bool accented = n > 1;
	for (gsize i = 1; i < n; i++)
		accented = accented && g_unichar_ismark(d[i]);
	if (!accented) {
		append_literal(out, c);
		return g_string_free(out, FALSE);
	}
	g_string_append(out, "(?:");
	append_literal(out, c);
	g_string_append_c(out, '|');
	append_literal(out, d[0]);
	g_string_append(out, "(?:");
	for (gsize i = 1; i < n; i++)
		append_literal(out, d[i]);
	g_string_append(out, ")?)");
	return g_string_free(out, FALSE);
}

/* The atoms of NAME: one per character, as written if EXACT, else in lower case. */
static char **name_atoms(const char *name, bool exact)
{
	GPtrArray *atoms = g_ptr_array_new();
	for (const char *p = name; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (exact) {
			GString *atom = g_string_new(NULL);
			append_literal(atom, c);
			g_ptr_array_add(atoms, g_string_free(atom, FALSE));
		} else {
			g_ptr_array_add(atoms, char_atom(g_unichar_tolower(c)));
		}
	}
	g_ptr_array_add(atoms, NULL);
	return (char **)g_ptr_array_free(atoms, FALSE);
}

/* The shape of a term for NAME, which begins with FIRST and ends with LAST. */
static enum shape name_shape(const char *name, gunichar first, gunichar last)
{
	if (is_exact(name))
		return EXACT;
	bool word_after = needs_boundary(last);
	if (!needs_boundary(first))
		return word_after ? FREE_WORD : FREE_FREE;
	if (g_unichar_get_script(first) == G_UNICODE_SCRIPT_ARABIC)
		return word_after ? ARABIC_WORD : ARABIC_FREE;
	return word_after ? WORD_WORD : WORD_FREE;
}

/* The term for NAME (not empty, normalized: see normalized()). */
static struct term *term_new(const char *name)
{
	gunichar first = g_utf8_get_char(name);
	gunichar last = g_utf8_get_char(g_utf8_find_prev_char(name, name + strlen(name)));
	struct term *t = g_new(struct term, 1);
	t->shape = name_shape(name, first, last);
	t->plural = t->shape != EXACT && g_unichar_isalpha(last) &&
		g_unichar_get_script(last) == G_UNICODE_SCRIPT_LATIN;
	t->atoms = name_atoms(name, t->shape == EXACT);
	return t;
}

static void term_free(gpointer p)
{
	struct term *t = p;
	g_strfreev(t->atoms);
	g_free(t);
}

/* By shape, then atom by atom, so that terms with a common beginning are neighbours. */
static gint term_compare(gconstpointer a, gconstpointer b)
{
	const struct term *x = *(struct term *const *)a, *y = *(struct term *const *)b;
	if (x->shape != y->shape)
		return x->shape - y->shape;
	for (size_t i = 0; x->atoms[i] || y->atoms[i]; i++) {
		if (!x->atoms[i] || !y->atoms[i])
			return x->atoms[i] ? 1 : -1;
		int c = strcmp(x->atoms[i], y->atoms[i]);
		if (c)
			return c;
	}
	return 0;
}

/* ---- Names: the forms of a name that are hidden ---- */

struct terms {
	GPtrArray *list;	/* struct term * */
	GHashTable *seen;	/* the forms already added */
};

/* S as valid UTF-8 in NFC, with each run of blanks made one space, trimmed (g_free). */
static char *normalized(const char *s)
{
	char *valid = g_utf8_make_valid(s, -1);
	char *nfc = g_utf8_normalize(valid, -1, G_NORMALIZE_NFC);
	GString *out = g_string_new(NULL);
	bool blank = false;
	for (const char *p = nfc; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_isspace(c)) {
			blank = true;
			continue;
		}
		if (blank && out->len)
			g_string_append_c(out, ' ');
		blank = false;
		g_string_append_unichar(out, c);
	}
	g_free(nfc);
	g_free(valid);
	return g_string_free(out, FALSE);
}

/* Adds NAME as it stands, unless it is empty or was added before.  Whether it was new. */
static bool add_term(struct terms *ts, const char *name)
{
	if (!*name || g_hash_table_contains(ts->seen, name))
		return false;
	g_hash_table_add(ts->seen, g_strdup(name));
	g_ptr_array_add(ts->list, term_new(name));
	return true;
}

static void add_forms(struct terms *ts, const char *name);

/* Whether the LEN bytes at S end like a title: "... of" or "... of the". */
static bool ends_as_title(const char *s, gsize len)
{
	return (len >= 3 && strncmp(s + len - 3, " of", 3) == 0) ||
	       (len >= 7 && strncmp(s + len - 7, " of the", 7) == 0);
}

/*
 * The United Nations' "Bolivia (Plurinational State of)" and ISO's "Korea,
 * Republic of": the name before the title, and the title put first
 * ("Plurinational State of Bolivia").  The part before " (" is a short form
 * whatever the parentheses hold; the part before ", " only before a title.
 * Whether NAME is written so.
 */
static bool add_title_forms(struct terms *ts, const char *name)
{
	const char *paren = strstr(name, " (");
	const char *cut = paren ? paren : strstr(name, ", ");
	if (!cut)
		return false;
	const char *title = cut + 2;
	gsize len = strlen(title);
	bool closed = !paren || (len && title[len - 1] == ')');
	len -= paren && closed;
	bool is_title = closed && ends_as_title(title, len);
	if (!paren && !is_title)
		return false;
	char *before = g_strndup(name, (gsize)(cut - name));
	add_forms(ts, before);
	if (is_title) {
		char *first = g_strdup_printf("%.*s %s", (int)len, title, before);
		add_forms(ts, first);
		g_free(first);
	}
	g_free(before);
	return true;
}

/*
 * Adds NAME (normalized) and its short forms: those of add_title_forms()
 * for a name written with a title, or else the part after " of " (in a
 * title that part is nothing, or "the)"); each without a leading "The ";
 * and an Arabic name with the article al- as written after li-, which
 * drops its alif ("lil-Maghrib": li- stays, as ARABIC_PREFIXES does).  A
 * form added before is not looked at again, which also bounds the
 * recursion.
 */
static void add_forms(struct terms *ts, const char *name)
{
	static const char arabic_al[] = "\u0627\u0644", arabic_lam[] = "\u0644";
	if (!add_term(ts, name))
		return;
	if (g_ascii_strncasecmp(name, "the ", 4) == 0)
		add_forms(ts, name + 4);
	if (g_str_has_prefix(name, arabic_al)) {
		char *after_li = g_strconcat(arabic_lam, name + strlen(arabic_al), NULL);
		add_term(ts, after_li);
		g_free(after_li);
	}
	const char *of = strstr(name, " of ");
	if (!add_title_forms(ts, name) && of)
		add_forms(ts, of + 4);
}

/* Adds WRITTEN, from COLUMN of M, and its forms; reports one too long to hide. */
static int add_written(struct terms *ts, const struct roster *r, const struct roster_member *m,
		       const char *column, const char *written)
{
	char *name = normalized(written);
	int problems = 0;
	if (g_utf8_strlen(name, -1) > REDACT_MAX_NAME) {
		char *shown = msg_value(name);
		/*
		 * TRANSLATORS: a column of the roster (name, aliases: kept as they
		 * are), the name written there, then the most characters it may have.
		 */
		problems += msg_error_at(r->path, m->row, "%s: '%s' is too long to hide in answers "
					 "(more than %d characters)", column, shown,
					 REDACT_MAX_NAME) < 0;
		g_free(shown);
	} else {
		add_forms(ts, name);
	}
	g_free(name);
	return problems;
}

/* Adds the name, the aliases and the code of M. */
static int add_member(struct terms *ts, const struct roster *r, const struct roster_member *m)
{
	int problems = add_written(ts, r, m, "name", m->name);
	for (char **a = m->aliases; *a; a++)
		problems += add_written(ts, r, m, "aliases", *a);
	add_term(ts, m->code);
	return problems;
}

/* ---- Tries: the pattern of many terms ---- */

struct trie {
	char *atom;		/* the edge into this node; NULL at the root */
	bool end, plural;	/* a term ends here; it may take a plural "s" */
	GPtrArray *children;	/* struct trie *, in the order added */
};

static struct trie *trie_new(const char *atom)
{
	struct trie *t = g_new0(struct trie, 1);
	t->atom = g_strdup(atom);
	t->children = g_ptr_array_new();
	return t;
}

static void trie_free(struct trie *t)
{
	for (guint i = 0; i < t->children->len; i++)
		trie_free(g_ptr_array_index(t->children, i));
	g_ptr_array_free(t->children, TRUE);
	g_free(t->atom);
	g_free(t);
}

/*
 * Adds TERM below T.  Terms come in the order of term_compare(), so the
 * child a term shares with those before is the last one added.
 */
static void trie_add(struct trie *t, const struct term *term)
{
	for (char **a = term->atoms; *a; a++) {
		guint n = t->children->len;
		struct trie *last = n ? g_ptr_array_index(t->children, n - 1) : NULL;
		if (!last || strcmp(last->atom, *a) != 0) {
			last = trie_new(*a);
			g_ptr_array_add(t->children, last);
		}
		t = last;
	}
	t->end = true;
	t->plural = t->plural || term->plural;
}

/*
 * Appends the pattern of the terms below T:
 *   node -> "(?:" atom node { "|" atom node } [ "|" end ] ")"
 *   end  -> [ "s?" ]
 * without the parentheses when there is one alternative.  The end of a
 * term comes last, so that a longer term is tried first.
 */
static void trie_render(GString *out, const struct trie *t)
{
	bool group = t->children->len + t->end > 1;
	if (group)
		g_string_append(out, "(?:");
	for (guint i = 0; i < t->children->len; i++) {
		const struct trie *c = g_ptr_array_index(t->children, i);
		if (i)
			g_string_append_c(out, '|');
		g_string_append(out, c->atom);
		trie_render(out, c);
	}
	if (t->end && t->children->len)
		g_string_append_c(out, '|');
	if (t->end && t->plural)
		g_string_append(out, "s?");
	if (group)
		g_string_append_c(out, ')');
}

/* The pattern of the terms FROM to TO (excluded) of TERMS, all of one shape (g_free). */
static char *terms_pattern(GPtrArray *terms, guint from, guint to)
{
	const struct term *first = g_ptr_array_index(terms, from);
	struct trie *root = trie_new(NULL);
	for (guint i = from; i < to; i++)
		trie_add(root, g_ptr_array_index(terms, i));
	GString *out = g_string_new(shapes[first->shape].before);
	g_string_append(out, "(?:");
	trie_render(out, root);
	g_string_append(out, ")");
	g_string_append(out, shapes[first->shape].after);
	trie_free(root);
	return g_string_free(out, FALSE);
}

/* ---- Searches ---- */

/*
 * Adds the searches for the terms FROM to TO of TERMS, of one shape: one
 * search, or, when the engine finds the pattern too large, the searches of
 * each half.  Fails only if a single term cannot be searched for.
 */
static bool add_searches(struct redact *rd, GPtrArray *terms, guint from, guint to)
{
	const struct term *first = g_ptr_array_index(terms, from);
	char *pattern = terms_pattern(terms, from, to);
	GRegex *re = g_regex_new(pattern, shapes[first->shape].flags | G_REGEX_OPTIMIZE, 0, NULL);
	g_free(pattern);
	if (re) {
		g_ptr_array_add(rd->searches, re);
		return true;
	}
	guint mid = from + (to - from) / 2;
	return to - from > 1 && add_searches(rd, terms, from, mid) &&
	       add_searches(rd, terms, mid, to);
}

/* The searches for TERMS, sorted: one run of add_searches() per shape. */
static bool add_all_searches(struct redact *rd, GPtrArray *terms)
{
	guint from = 0, to;
	for (; from < terms->len; from = to) {
		enum shape shape = ((const struct term *)g_ptr_array_index(terms, from))->shape;
		to = from + 1;
		while (to < terms->len &&
		       ((const struct term *)g_ptr_array_index(terms, to))->shape == shape)
			to++;
		if (!add_searches(rd, terms, from, to))
			return false;
	}
	return true;
}

struct redact *redact_new(const struct roster *roster)
{
	struct redact *rd = g_new0(struct redact, 1);
	rd->searches = g_ptr_array_new_with_free_func((GDestroyNotify)g_regex_unref);
	if (!roster || !roster->members->len)
		return rd;
	struct terms ts = { g_ptr_array_new_with_free_func(term_free),
			    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL) };
	int problems = 0;
	for (guint i = 0; i < roster->members->len; i++)
		problems += add_member(&ts, roster, g_ptr_array_index(roster->members, i));
	g_ptr_array_sort(ts.list, term_compare);
	if (!problems && !add_all_searches(rd, ts.list))
		problems += msg_error_at(roster->path, 0, "cannot search answers for the names "
					 "and aliases of the roster") < 0;
	g_ptr_array_free(ts.list, TRUE);
	g_hash_table_destroy(ts.seen);
	if (problems) {
		redact_free(rd);
		return NULL;
	}
	return rd;
}

/* ---- Hiding ---- */

struct hit {
	gint start, end;	/* start -1: no more */
};

/* The first match of RE in TEXT from FROM on, in HIT.  False if the engine fails. */
static bool find(const GRegex *re, const char *text, gssize len, gint from, struct hit *hit)
{
	GMatchInfo *info = NULL;
	GError *err = NULL;
	hit->start = hit->end = -1;
	if (g_regex_match_full(re, text, len, from, 0, &info, &err))
		g_match_info_fetch_pos(info, 0, &hit->start, &hit->end);
	g_match_info_free(info);
	if (err) {
		g_error_free(err);
		return false;
	}
	return true;
}

/* The hit of HITS to hide next: the leftmost, the longest of those; -1 if none. */
static gint next_hit(const struct hit *hits, guint n)
{
	gint best = -1;
	for (guint i = 0; i < n; i++) {
		if (hits[i].start < 0)
			continue;
		if (best < 0 || hits[i].start < hits[best].start ||
		    (hits[i].start == hits[best].start && hits[i].end > hits[best].end))
			best = (gint)i;
	}
	return best;
}

/*
 * TEXT as valid UTF-8, with its length in LEN and 16 zero bytes behind it:
 * PCRE2's JIT reads the subject 16 bytes at a time, past its end, which is
 * harmless but would be reported by memory checkers.
 */
static char *subject_new(const char *text, gssize *len)
{
	char *valid = g_utf8_make_valid(text, -1);
	*len = (gssize)strlen(valid);
	char *s = g_malloc0((gsize)*len + 17);
	memcpy(s, valid, (gsize)*len);
	g_free(valid);
	return s;
}

char *redact_text(const struct redact *rd, const char *text)
{
	gssize len;
	char *s = subject_new(text, &len);
	guint n = rd->searches->len;
	struct hit *hits = g_new(struct hit, n);
	GString *out = g_string_sized_new((gsize)len);
	bool failed = false;
	for (guint i = 0; i < n && !failed; i++)
		failed = !find(g_ptr_array_index(rd->searches, i), s, len, 0, &hits[i]);
	gint pos = 0, best;
	while (!failed && (best = next_hit(hits, n)) >= 0) {
		g_string_append_len(out, s + pos, hits[best].start - pos);
		g_string_append(out, HIDDEN);
		pos = hits[best].end;
		for (guint i = 0; i < n && !failed; i++)
			if (hits[i].start >= 0 && hits[i].start < pos)
				failed = !find(g_ptr_array_index(rd->searches, i), s, len, pos,
					       &hits[i]);
	}
	g_string_append(out, s + pos);
	g_free(hits);
	g_free(s);
	return g_string_free(out, failed);	/* NULL when failed */
}

void redact_free(struct redact *rd)
{
	if (!rd)
		return;
	g_ptr_array_free(rd->searches, TRUE);
	g_free(rd);
}
