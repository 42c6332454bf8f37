/* msg.c - diagnostics in the GNU format "quire:FILE:LINE: message" */
#include <config.h>
#include "msg.h"

#include <stdarg.h>
#include <stdio.h>

static unsigned long error_count;
static GString *capture;

static void emit(const char *text)
{
	if (capture) {
		g_string_append(capture, text);
		return;
	}
	fputs(text, stderr);
}

static void emitv(const char *prefix, const char *fmt, va_list ap)
{
	GString *s = g_string_new(prefix);
	g_string_append_vprintf(s, fmt, ap);
	g_string_append_c(s, '\n');
	emit(s->str);
	g_string_free(s, TRUE);
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
	error_count++;
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
	error_count++;
	return -1;
}

/*
 * The excerpt is printed on one line: control characters (a newline inside
 * a spreadsheet cell) become spaces so the caret still lines up.  Column is
 * counted in characters; wide (CJK) characters would need two columns, but
 * a caret that is close is better than none.
 */
static void emit_excerpt(const char *excerpt, long column)
{
	GString *s = g_string_new("    ");
	for (const char *p = excerpt; *p; p++)
		g_string_append_c(s, (unsigned char)*p < 0x20 ? ' ' : *p);
	g_string_append(s, "\n    ");
	for (long i = 1; i < column; i++)
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
	error_count++;
	return -1;
}

void msg_warn_at(const char *file, long line, const char *fmt, ...)
{
	char *loc = location(file, line);
	char *prefix = g_strconcat(loc, "warning: ", NULL);
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

unsigned long msg_error_count(void)
{
	return error_count;
}

void msg_reset(void)
{
	error_count = 0;
}

void msg_capture(GString *sink)
{
	capture = sink;
}
