/* test-msg.c - unit tests for diagnostics: formats, excerpts, nested captures */
#include <config.h>
#include "msg.h"

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "response.h"
#include "tap.h"

static void test_formats(void)
{
	GString *out = g_string_new(NULL);
	msg_capture(out);
	msg_reset();
	ok(msg_error("plain %d", 1) == -1, "msg_error returns -1");
	msg_error_at("f.csv", 3, "at a row");
	msg_error_at("f.csv", 0, "at no row");
	msg_warn_at("f.csv", 2, "a warning");
	msg_warn_at(NULL, 0, "a warning without a file");
	msg_note("a note");
	msg_capture(NULL);
	check_str(out->str, "quire: plain 1\n"
		  "quire:f.csv:3: at a row\n"
		  "quire:f.csv: at no row\n"
		  "quire:f.csv:2: warning: a warning\n"
		  "quire: warning: a warning without a file\n"
		  "quire: a note\n");
	check_int(msg_error_count(), 3);
	g_string_free(out, TRUE);
}

static char *expr_message(const char *excerpt, long column)
{
	GString *out = g_string_new(NULL);
	msg_capture(out);
	msg_error_expr("s.csv", 4, column, excerpt, "relevant: %s", "oops");
	msg_capture(NULL);
	return g_string_free(out, FALSE);
}

/* A long expression is cut around the caret, so the message stays readable. */
static void test_excerpts(void)
{
	char *m = expr_message("${a} = 'x' and (", 17);
	check_str(m, "quire:s.csv:4:17: relevant: oops\n"
		  "    ${a} = 'x' and (\n"
		  "                    ^\n");
	g_free(m);
	m = expr_message("a\nb", 3);
	check_str(m, "quire:s.csv:4:3: relevant: oops\n    a b\n      ^\n");
	g_free(m);
	GString *longer = g_string_new(NULL);
	for (int i = 0; i < 100; i++)
		g_string_append_c(longer, (char)('0' + i % 10));
	m = expr_message(longer->str, 1);
	check_str(m, "quire:s.csv:4:1: relevant: oops\n"
		  "    012345678901234567890123456789012345678901234567890123456789012345678901...\n"
		  "    ^\n");
	g_free(m);
	m = expr_message(longer->str, 50);
	check_str(m, "quire:s.csv:4:50: relevant: oops\n"
		  "    ...345678901234567890123456789012345678901234567890123456789012345678901234...\n"
		  "    " "                                       ^\n");
	g_free(m);
	m = expr_message(longer->str, 101);
	check_str(m, "quire:s.csv:4:101: relevant: oops\n"
		  "    ...890123456789012345678901234567890123456789012345678901234567890123456789\n"
		  "                                                                               ^\n");
	g_free(m);
	g_string_free(longer, TRUE);
}

/* A caller adds to what it heard from a library: one line, counted once. */
static void test_heard(void)
{
	GString *heard = g_string_new(NULL), *out = g_string_new(NULL);
	msg_capture(heard);
	msg_error_at("into/XAB.csv", 0, "write error: %s", "No space left on device");
	msg_error_at("into/XAB.csv", 0, "a second line is not repeated");
	msg_capture(out);
	msg_reset();
	ok(msg_error_heard(heard->str, "; stopped after %d of %d replies", 12, 100) == -1,
	   "msg_error_heard returns -1");
	msg_capture(NULL);
	check_str(out->str, "quire:into/XAB.csv: write error: No space left on device; stopped "
		  "after 12 of 100 replies\n");
	check_int(msg_error_count(), 1);
	g_string_free(heard, TRUE);
	g_string_free(out, TRUE);
}

/* A capture inside a capture hands the outer sink back; library code relies on it. */
static void test_nested_capture(void)
{
	GString *outer = g_string_new(NULL), *inner = g_string_new(NULL);
	ok(msg_capture(outer) == NULL, "the first capture replaces stderr");
	ok(msg_capture(inner) == outer, "a nested capture returns the outer sink");
	msg_error("inner");
	ok(msg_capture(outer) == inner, "restoring returns the inner sink");
	msg_error("outer");
	/* resp_is_reply_file() captures the errors of a file that is no CSV. */
	char *path = g_build_filename(g_get_tmp_dir(), "quire-test-msg.csv", NULL);
	g_file_set_contents(path, "a,\"b\n", -1, NULL);
	ok(!resp_is_reply_file(path), "an unterminated quote is no reply file");
	msg_error("still outer");
	msg_capture(NULL);
	g_remove(path);
	g_free(path);
	check_str(inner->str, "quire: inner\n");
	check_str(outer->str, "quire: outer\nquire: still outer\n");
	g_string_free(outer, TRUE);
	g_string_free(inner, TRUE);
}

/* Values quoted in messages are cut past MSG_VALUE_SHOWN characters, never inside one. */
static void test_values(void)
{
	char *v = msg_value("short");
	check_str(v, "short");
	g_free(v);
	GString *s = g_string_new(NULL);
	for (int i = 0; i < MSG_VALUE_SHOWN; i++)
		g_string_append(s, "\xc3\xa9");	/* é: 80 characters, 160 bytes */
	v = msg_value(s->str);
	check_str(v, s->str);
	g_free(v);
	g_string_append_c(s, 'x');
	v = msg_value(s->str);
	GString *want = g_string_new(NULL);
	for (int i = 0; i < MSG_VALUE_SHOWN - 20; i++)
		g_string_append(want, "\xc3\xa9");
	g_string_append(want, "... (161 bytes)");
	check_str(v, want->str);
	g_free(v);
	g_string_assign(s, "");
	for (int i = 0; i < 100; i++)
		g_string_append_c(s, (char)0xff);
	v = msg_value(s->str);
	ok(g_str_has_suffix(v, "... (100 bytes)") &&
	   strlen(v) == 60 * strlen("\\xff") + strlen("... (100 bytes)"),
	   "text that is not UTF-8 is cut by bytes, each shown as \\xff");
	g_free(v);
	g_string_free(want, TRUE);
	g_string_free(s, TRUE);
}

/*
 * No control character reaches the terminal: a reply cannot clear the
 * screen or retitle the window through a message that quotes it.
 */
static void test_printable(void)
{
	char *v = msg_printable("\x1b]0;title\x07 and \x1b[2J\x1b[H");
	check_str(v, "\\x1b]0;title\\x07 and \\x1b[2J\\x1b[H");
	g_free(v);
	v = msg_printable("line\r\nnext\tcell\x7f\x01");
	check_str(v, "line\\r\\nnext\\tcell\\x7f\\x01");
	g_free(v);
	v = msg_printable("C1 \xc2\x9b" "2J, NEL \xc2\x85, not C1: \xc2\xa0\xc3\xa9\xe6\x97\xa5");
	check_str(v, "C1 \\u009b2J, NEL \\u0085, not C1: \xc2\xa0\xc3\xa9\xe6\x97\xa5");
	g_free(v);
	v = msg_printable("Latin-1 \xe9t\xe9 \x9b and UTF-8 \xc3\xa9");
	check_str(v, "Latin-1 \\xe9t\\xe9 \\x9b and UTF-8 \xc3\xa9");
	g_free(v);
	v = msg_printable("a \\ stays, \\x1b as typed too");
	check_str(v, "a \\ stays, \\x1b as typed too");
	char *twice = msg_printable(v);
	check_str(twice, v);
	g_free(twice);
	g_free(v);
	v = msg_value("\x1b]0;pwned\x07");
	check_str(v, "\\x1b]0;pwned\\x07");
	g_free(v);

	GString *s = g_string_new(NULL);
	for (int i = 0; i < 100; i++)
		g_string_append(s, "\x1b[2J");
	v = msg_value(s->str);
	GString *want = g_string_new(NULL);
	for (int i = 0; i < 15; i++)
		g_string_append(want, "\\x1b[2J");
	g_string_append(want, "... (400 bytes)");
	check_str(v, want->str);
	g_free(v);
	g_string_free(want, TRUE);
	g_string_free(s, TRUE);

	GString *out = g_string_new(NULL);
	msg_capture(out);
	msg_error_at("da\x1bta/X.csv", 2, "'%s' is not a choice", "\x1b]0;t\x07");
	msg_warn_at(NULL, 0, "%s", "bell\x07");
	msg_error_expr("s.csv", 4, 3, "a\x1b[2Jb", "relevant: %s", "oops");
	msg_capture(NULL);
	check_str(out->str, "quire:da\\x1bta/X.csv:2: '\\x1b]0;t\\x07' is not a choice\n"
		  "quire: warning: bell\\x07\n"
		  "quire:s.csv:4:3: relevant: oops\n"
		  "    a [2Jb\n"
		  "      ^\n");
	g_string_free(out, TRUE);
}

static const char *suggest(const char *word, const char *const *candidates)
{
	struct msg_suggest sg;
	msg_suggest_init(&sg, word);
	for (; *candidates; candidates++)
		msg_suggest_try(&sg, *candidates);
	return sg.best;
}

static void test_suggest(void)
{
	static const char *const choices[] = { "partial", "comprehensive", "none", NULL };
	static const char *const params[] = { "start", "end", "step", NULL };
	check_str(suggest("comprehensiv", choices), "comprehensive");
	check_str(suggest("non", choices), "none");
	check_str(suggest("tart", params), "start");
	check_str(suggest("stpe", params), "step");
	ok(suggest("budget", choices) == NULL, "a word far from every candidate has no suggestion");
	ok(suggest("none", choices) == NULL, "the word itself is no suggestion");
	ok(suggest("x", params) == NULL, "nor is a word two edits from a short candidate");
	static const char *const codes[] = { "a1", "a2", "no", NULL };
	ok(suggest("zz", codes) == NULL, "nor a candidate with every character replaced");
	check_str(suggest("n", codes), "no");
}

int main(void)
{
	test_suggest();
	test_formats();
	test_values();
	test_printable();
	test_heard();
	test_excerpts();
	test_nested_capture();
	return tap_done();
}
