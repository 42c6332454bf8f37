/* test-form-text.c - unit tests for the texts of form cells: spaces stripped, labels made plain */
#include <config.h>
#include "form-sheet.h"

#include <glib.h>

#include "tap.h"

static void strip_is(const char *in, const char *want, int line)
{
	char *got = form_sheet_strip(g_strdup(in));
	tap_check_str(got, want, __FILE__, line, want);
	g_free(got);
}

#define STRIP_IS(in, want) strip_is((in), (want), __LINE__)

static void words_is(const char *in, const char *want, int line)
{
	char *got = form_sheet_join_words(in, ' ');
	tap_check_str(got, want, __FILE__, line, want);
	g_free(got);
}

#define WORDS_IS(in, want) words_is((in), (want), __LINE__)

static void test_strip(void)
{
	STRIP_IS("  yn \t", "yn");
	STRIP_IS("\u00a0yn\u00a0", "yn");
	STRIP_IS("\u2007\u202fyn\ufeff", "yn");
	STRIP_IS("\u3000has_law\u2003", "has_law");		/* ideographic and em spaces */
	STRIP_IS("\u00a0\ufeff\u00a0", "");
	STRIP_IS("Yes\u00a0or no", "Yes\u00a0or no");	/* inside a value they stay */
	STRIP_IS(" \xff ", "\xff");				/* not UTF-8: ASCII spaces only */
	STRIP_IS("", "");
}

static void test_words(void)
{
	WORDS_IS("select_one\u00a0yn", "select_one yn");
	WORDS_IS("\u202fselect_one \u00a0 yn\u2007or_other ", "select_one yn or_other");
	WORDS_IS("begin\tgroup", "begin group");
	WORDS_IS("\u00a0", "");
}

int main(void)
{
	test_strip();
	test_words();
	return tap_done();
}
