/* test-textcol.c - unit tests for text in fixed-width columns */
#include <config.h>
#include "textcol.h"

#include <glib.h>

#include "tap.h"

static void is(char *got, const char *want, int line)
{
	tap_check_str(got, want, __FILE__, line, want);
	g_free(got);
}

#define IS(got, want) is((got), (want), __LINE__)

static void test_width(void)
{
	check_int(textcol_width("Yes"), 3);
	check_int(textcol_width("Côte d’Ivoire"), 13);
	check_int(textcol_width("e\u0301"), 1);		/* a combining accent takes no cell */
	check_int(textcol_width("中国"), 4);		/* wide characters take two */
	check_int(textcol_width("نعم"), 3);
	check_int(textcol_width("a\tb\nc"), 5);
	check_int(textcol_width("\xff"), 1);		/* an invalid byte shows as U+FFFD */
	check_int(textcol_width("\x1b[2J"), 7);	/* an escape sequence shows as \x1b[2J */
}

static void test_fit(void)
{
	IS(textcol_fit("Yes", 6, true, false), "Yes   ");
	IS(textcol_fit("Yes", 6, true, true), "   Yes");
	IS(textcol_fit("Yes", 6, false, false), "Yes");
	IS(textcol_fit("Illegal interception", 10, true, false), "Illegal i\u2026");
	/* Never cut inside a character: the cut falls between characters, by cells. */
	IS(textcol_fit("Côte d’Ivoire", 6, true, false), "Côte \u2026");
	IS(textcol_fit("中华人民共和国", 6, true, false), "中华\u2026 ");
	IS(textcol_fit("中华人民共和国", 7, true, false), "中华人\u2026");
	IS(textcol_fit("line\nbreak", 20, false, false), "line break");
	IS(textcol_fit("tab\tand\r\nCRLF", 20, false, false), "tab and  CRLF");
	/* No control character reaches the terminal: they are shown escaped. */
	IS(textcol_fit("\x1b]0;title\x07 \x1b[2J\xc2\x9b", 40, false, false),
	   "\\x1b]0;title\\x07 \\x1b[2J\\u009b");
	IS(textcol_fit("\x1b[2J", 8, true, false), "\\x1b[2J ");
	IS(textcol_fit("ab\x1b[2J", 5, true, false), "ab\\x\u2026");
	IS(textcol_fit("abc", 1, true, false), "\u2026");
	IS(textcol_fit("", 2, true, false), "  ");
}

int main(void)
{
	test_width();
	test_fit();
	return tap_done();
}
