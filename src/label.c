/* label.c - the text of a label or hint as people read it, without its markup */
#include <config.h>
#include "label.h"

#include <stdbool.h>
#include <string.h>
#include <glib.h>

/* A letter or digit of a word; bytes of non-ASCII characters count as such. */
static bool word_char(char c)
{
	return g_ascii_isalnum(c) || (unsigned char)c >= 0x80;
}

/* The length of the ${name} reference at P, or 0. */
static size_t ref_at(const char *p)
{
	if (p[0] != '$' || p[1] != '{')
		return 0;
	const char *close = strchr(p, '}');
	return close ? (size_t)(close - p) + 1 : 0;
}

/* The HTML elements labels use; "<b and c>" in "a<b and c>d" is no tag of theirs. */
static const char *const tags[] = {
	"a", "b", "big", "br", "code", "div", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6",
	"i", "li", "mark", "ol", "p", "s", "small", "span", "strike", "strong", "sub", "sup",
	"u", "ul", NULL,
};

/* Whether P starts a tag ("<span style=...>", "</b>", "<br/>"); sets *LEN. */
static bool tag_at(const char *p, size_t *len)
{
	if (*p != '<')
		return false;
	const char *name = p[1] == '/' ? p + 2 : p + 1;
	size_t n = strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
	char *lower = g_ascii_strdown(name, (gssize)n);
	bool known = n > 0 && g_strv_contains(tags, lower);
	g_free(lower);
	if (!known || !strchr(" \t/>", name[n]))
		return false;
	size_t rest = strcspn(name + n, "<>\n");
	if (name[n + rest] != '>')
		return false;
	*len = (size_t)(name + n + rest + 1 - p);
	return true;
}

static const struct {
	const char *name, *text;
} entities[] = {
	{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
	{ "&#39;", "'" }, { "&apos;", "'" }, { "&nbsp;", " " },
};

/* Tags dropped (<br> a line break), entities decoded. */
static char *strip_html(const char *s)
{
	GString *out = g_string_new(NULL);
	for (const char *p = s; *p;) {
		size_t n;
		if (tag_at(p, &n)) {
			if (g_ascii_strncasecmp(p, "<br", 3) == 0 && !g_ascii_isalpha(p[3]))
				g_string_append_c(out, '\n');
			p += n;
			continue;
		}
		bool entity = false;
		for (size_t i = 0; i < G_N_ELEMENTS(entities) && *p == '&'; i++) {
			if (strncmp(p, entities[i].name, strlen(entities[i].name)) == 0) {
				g_string_append(out, entities[i].text);
				p += strlen(entities[i].name);
				entity = true;
				break;
			}
		}
		if (!entity)
			g_string_append_c(out, *p++);
	}
	return g_string_free(out, FALSE);
}

/* "# heading" at the start of a line loses its marks; [text](url) becomes text. */
static char *strip_headings_links(const char *s)
{
	GString *out = g_string_new(NULL);
	for (const char *p = s; *p;) {
		if (p == s || p[-1] == '\n') {
			size_t n = strspn(p, "#");
			if (n >= 1 && n <= 6 && p[n] == ' ') {
				p += n + 1;
				continue;
			}
		}
		if (*p == '[') {
			const char *close = strchr(p, ']');
			const char *end = close && close[1] == '(' ? strchr(close, ')') : NULL;
			if (end && !memchr(p, '\n', (size_t)(end - p))) {
				g_string_append_len(out, p + 1, close - p - 1);
				p = end + 1;
				continue;
			}
		}
		g_string_append_c(out, *p++);
	}
	return g_string_free(out, FALSE);
}

/* Whether MARK at P opens emphasis: at a word's start, before text. */
static bool opens(const char *s, const char *p, size_t len)
{
	char next = p[len];
	return (p == s || !word_char(p[-1])) && next && !g_ascii_isspace(next) && next != *p;
}

/* Whether MARK at P closes emphasis: after text, at a word's end. */
static bool closes(const char *s, const char *p, size_t len)
{
	char next = p[len];
	return p > s && !g_ascii_isspace(p[-1]) && p[-1] != *p && !word_char(next) && next != *p;
}

/* Pairs of MARK ("**", "_", ...) around text in one paragraph are dropped. */
static char *strip_pairs(const char *s, const char *mark)
{
	size_t len = strlen(mark);
	GString *out = g_string_new(NULL);
	for (const char *p = s; *p;) {
		size_t ref = ref_at(p);
		if (ref) {
			g_string_append_len(out, p, (gssize)ref);
			p += ref;
			continue;
		}
		const char *close = NULL;
		if (strncmp(p, mark, len) == 0 && opens(s, p, len)) {
			for (const char *q = p + len; *q && strncmp(q, "\n\n", 2) != 0; q++) {
				if (strncmp(q, mark, len) == 0 && closes(s, q, len)) {
					close = q;
					break;
				}
			}
		}
		if (close) {
			g_string_append_len(out, p + len, close - p - len);
			p = close + len;
		} else {
			g_string_append_c(out, *p++);
		}
	}
	return g_string_free(out, FALSE);
}

char *label_plain(const char *text)
{
	static const char *const marks[] = { "**", "__", "*", "_" };
	char *s = strip_html(text);
	char *t = strip_headings_links(s);
	g_free(s);
	for (size_t i = 0; i < G_N_ELEMENTS(marks); i++) {
		s = strip_pairs(t, marks[i]);
		g_free(t);
		t = s;
	}
	return t;
}
