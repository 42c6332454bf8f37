/* msg.c - diagnostics in the GNU format "quire:FILE:LINE: message" */
#include <config.h>
#include "msg.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

static unsigned long error_count;
static GString *capture;
/* msg_hold(): per thread, so that a worker's messages never reach the terminal. */
static _Thread_local bool holding, held_back;

static void emit(const char *text)
{
	if (holding) {
		held_back = true;
		return;
	}
	if (capture) {
		g_string_append(capture, text);
		return;
	}
	fputs(text, stderr);
}

static void emitv(const char *prefix, const char *fmt, va_list ap) MSG_PRINTF(2, 0);

static void emitv(const char *prefix, const char *fmt, va_list ap)
{
	GString *s = g_string_new(prefix);
	g_string_append_vprintf(s, E_(fmt), ap);
	char *line = msg_printable(s->str);
	g_string_assign(s, line);
	g_string_append_c(s, '\n');
	emit(s->str);
	g_string_free(s, TRUE);
	g_free(line);
}

static char *location(const char *file, long line)
{
	if (!file)
		return g_strdup("quire: ");
	if (line <= 0)
		return g_strdup_printf("quire:%s: ", file);
	return g_strdup_printf("quire:%s:%ld: ", file, line);
}

int msg_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emitv("quire: ", fmt, ap);
	va_end(ap);
	if (!holding)
		error_count++;	/* never written by a holding worker thread */
	return -1;
}

int msg_error_at(const char *file, long line, const char *fmt, ...)
{
	char *prefix = location(file, line);
	va_list ap;
	va_start(ap, fmt);
	emitv(prefix, fmt, ap);
	va_end(ap);
	g_free(prefix);
	if (!holding)
		error_count++;	/* never written by a holding worker thread */
	return -1;
}

int msg_verror_where(const char *where, const char *fmt, va_list ap)
{
	char *prefix = where ? g_strdup_printf("quire:%s: ", where) : g_strdup("quire: ");
	emitv(prefix, fmt, ap);
	g_free(prefix);
	if (!holding)
		error_count++;	/* never written by a holding worker thread */
	return -1;
}

int msg_error_where(const char *where, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	msg_verror_where(where, fmt, ap);
	va_end(ap);
	return -1;
}

void msg_vwarn_where(const char *where, const char *fmt, va_list ap)
{
	/* TRANSLATORS: the word before a warning's message, as in "quire:x.csv:3: warning: ...". */
	const char *warning = E_("warning: ");
	char *prefix = where ? g_strdup_printf("quire:%s: %s", where, warning)
			     : g_strconcat("quire: ", warning, NULL);
	emitv(prefix, fmt, ap);
	g_free(prefix);
}

int msg_error_heard(const char *heard, const char *fmt, ...)
{
	char *first = g_strndup(heard, strcspn(heard, "\n"));
	va_list ap;
	va_start(ap, fmt);
	emitv(first, fmt, ap);
	va_end(ap);
	g_free(first);
	if (!holding)
		error_count++;	/* never written by a holding worker thread */
	return -1;
}

/*
 * The excerpt is printed on one line: control characters (a newline inside
 * a spreadsheet cell, an escape sequence) become spaces so the caret still
 * lines up.  A long
 * excerpt is cut to EXCERPT_WIDTH characters around the caret, the cuts
 * marked "...", so that a 20,000-character expression gives a readable
 * message.  Column is counted in characters; wide (CJK) characters would
 * need two columns, but a caret that is close is better than none.
 */
#define EXCERPT_WIDTH 72

static void emit_excerpt(const char *excerpt, long column)
{
	long n = g_utf8_strlen(excerpt, -1);
	long from = 0, to = n;
	if (n > EXCERPT_WIDTH) {
		from = CLAMP(column - 1 - EXCERPT_WIDTH / 2, 0, n - EXCERPT_WIDTH);
		to = from + EXCERPT_WIDTH;
	}
	GString *s = g_string_new("    ");
	if (from > 0)
		g_string_append(s, "...");
	const char *p = g_utf8_offset_to_pointer(excerpt, from);
	const char *end = g_utf8_offset_to_pointer(excerpt, to);
	for (; p < end; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		g_string_append_unichar(s, g_unichar_iscntrl(c) ? ' ' : c);
	}
	if (to < n)
		g_string_append(s, "...");
	g_string_append(s, "\n    ");
	long caret = column - from + (from > 0 ? 3 : 0);
	for (long i = 1; i < caret; i++)
		g_string_append_c(s, ' ');
	g_string_append(s, "^\n");
	emit(s->str);
	g_string_free(s, TRUE);
}

int msg_error_expr(const char *file, long line, long column, const char *excerpt,
		   const char *fmt, ...)
{
	char *prefix = g_strdup_printf("quire:%s:%ld:%ld: ", file, line, column);
	va_list ap;
	va_start(ap, fmt);
	emitv(prefix, fmt, ap);
	va_end(ap);
	g_free(prefix);
	if (excerpt && g_utf8_validate(excerpt, -1, NULL))
		emit_excerpt(excerpt, column);
	if (!holding)
		error_count++;	/* never written by a holding worker thread */
	return -1;
}

void msg_warn_at(const char *file, long line, const char *fmt, ...)
{
	char *loc = location(file, line);
	char *prefix = g_strconcat(loc, E_("warning: "), NULL);
	va_list ap;
	va_start(ap, fmt);
	emitv(prefix, fmt, ap);
	va_end(ap);
	g_free(prefix);
	g_free(loc);
}

void msg_note(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emitv("quire: ", fmt, ap);
	va_end(ap);
}

/* Appends character C, shown as msg_printable() shows it. */
static void append_printable(GString *out, gunichar c)
{
	if (c == '\n')
		g_string_append(out, "\\n");
	else if (c == '\r')
		g_string_append(out, "\\r");
	else if (c == '\t')
		g_string_append(out, "\\t");
	else if (c < 0x20 || c == 0x7f)
		g_string_append_printf(out, "\\x%02x", (unsigned)c);
	else if (c >= 0x80 && c < 0xa0)
		g_string_append_printf(out, "\\u%04x", (unsigned)c);
	else
		g_string_append_unichar(out, c);
}

/* Appends the LEN bytes at S, shown as msg_printable() shows them. */
static void append_printable_len(GString *out, const char *s, size_t len)
{
	const char *end = s + len;
	while (s < end) {
		const char *valid_end;
		g_utf8_validate(s, (gssize)(end - s), &valid_end);
		for (; s < valid_end; s = g_utf8_next_char(s))
			append_printable(out, g_utf8_get_char(s));
		if (s < end)
			g_string_append_printf(out, "\\x%02x", (unsigned char)*s++);
	}
}

char *msg_printable(const char *s)
{
	size_t len = strlen(s);
	GString *out = g_string_sized_new(len);
	append_printable_len(out, s, len);
	return g_string_free(out, FALSE);
}

/* Text that is not UTF-8 is cut by bytes: it has no characters to count. */
char *msg_value(const char *s)
{
	size_t len = strlen(s);
	bool utf8 = g_utf8_validate(s, (gssize)len, NULL);
	const char *p = s, *cut = NULL;
	long n = 0;
	for (; *p && n <= MSG_VALUE_SHOWN; n++) {
		if (n == MSG_VALUE_SHOWN - 20)
			cut = p;
		p = utf8 ? g_utf8_next_char(p) : p + 1;
	}
	if (n <= MSG_VALUE_SHOWN)
		return msg_printable(s);
	GString *out = g_string_new(NULL);
	append_printable_len(out, s, (size_t)(cut - s));
	g_string_append_printf(out, "... (%zu bytes)", len);
	return g_string_free(out, FALSE);
}

/* Edit distance (Levenshtein), one row at a time. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *row = g_new(size_t, lb + 1);
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			row[j] = MIN(MIN(row[j] + 1, row[j - 1] + 1), diag + cost);
			diag = up;
		}
	}
	size_t d = row[lb];
	g_free(row);
	return d;
}

void msg_suggest_init(struct msg_suggest *s, const char *word)
{
	s->word = word;
	s->len = strlen(word);
	s->best = NULL;
	s->best_d = MAX(2, s->len / 3) + 1;
}

void msg_suggest_try(struct msg_suggest *s, const char *candidate)
{
	size_t len = strlen(candidate);
	if ((s->len > len ? s->len - len : len - s->len) >= s->best_d)
		return;
	size_t d = edit_distance(s->word, candidate);
	/* A candidate that shares nothing with the word ("zz", "a1") is no suggestion. */
	if (d < s->best_d && d > 0 && d < MAX(len, s->len)) {
		s->best = candidate;
		s->best_d = d;
	}
}

unsigned long msg_error_count(void)
{
	return error_count;
}

void msg_reset(void)
{
	error_count = 0;
}

GString *msg_capture(GString *sink)
{
	GString *before = capture;
	capture = sink;
	return before;
}

void msg_hold(bool hold)
{
	holding = hold;
	held_back = false;
}

bool msg_heard(void)
{
	return held_back;
}
