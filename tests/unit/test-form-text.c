/*
 * test-form-text.c - unit tests for the texts of form cells: spaces
 * stripped, labels made plain; and the paths and keys questions get
 */
#include <config.h>
#include "form-sheet.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "fixture.h"
#include "form.h"

#include "label.h"
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
	STRIP_IS(" \xff ", "\xff");	/* not UTF-8: ASCII spaces only */
	STRIP_IS("", "");
}

static void test_words(void)
{
	WORDS_IS("select_one\u00a0yn", "select_one yn");
	WORDS_IS("\u202fselect_one \u00a0 yn\u2007or_other ", "select_one yn or_other");
	WORDS_IS("begin\tgroup", "begin group");
	WORDS_IS("\u00a0", "");
}

static void plain_is(const char *in, const char *want, int line)
{
	char *got = label_plain(in);
	tap_check_str(got, want, __FILE__, line, want);
	g_free(got);
}

#define PLAIN_IS(in, want) plain_is((in), (want), __LINE__)

static void test_plain(void)
{
	PLAIN_IS("<span style=\"color:red\">Required</span> field", "Required field");
	PLAIN_IS("Line one<br>line two<br/>three", "Line one\nline two\nthree");
	PLAIN_IS("<b>Law</b> &amp; practice", "Law & practice");
	PLAIN_IS("Age < 18 and > 5", "Age < 18 and > 5");
	PLAIN_IS("a<b and c<d", "a<b and c<d");
	PLAIN_IS("x<y and z>w", "x<y and z>w");
	PLAIN_IS("**Important:** read", "Important: read");
	PLAIN_IS("__Important__ read", "Important read");
	PLAIN_IS("an *emphasised* word", "an emphasised word");
	PLAIN_IS("an _emphasised_ word", "an emphasised word");
	PLAIN_IS("the has_law and is_party names", "the has_law and is_party names");
	PLAIN_IS("5 * 3 * 2", "5 * 3 * 2");
	PLAIN_IS("Since ${law_year} (see ${has_law})", "Since ${law_year} (see ${has_law})");
	PLAIN_IS("_${a_b}_ stays", "${a_b} stays");
	PLAIN_IS("# Part A\n## Section 1\nText", "Part A\nSection 1\nText");
	PLAIN_IS("#1 priority", "#1 priority");
	PLAIN_IS("See [the treaty](https://example.org/t) here", "See the treaty here");
	PLAIN_IS("[not a link] (x)", "[not a link] (x)");
	PLAIN_IS("*unclosed emphasis", "*unclosed emphasis");
	PLAIN_IS("**bold** and *em*", "bold and em");
	PLAIN_IS("<SPAN>x</SPAN> <unknown>", "x <unknown>");
	PLAIN_IS("", "");
}

/* Two groups share "name"; "sex" is shared with a question outside any group. */
static const char scoped_form[] =
	"survey,type,name,label\n"
	",begin group,hh,Household\n"
	",text,name,Head\n"
	",integer,size,Size\n"
	",begin group,inner,Inner\n"
	",text,sex,Sex\n"
	",end group,,\n"
	",end group,,\n"
	",begin group,person,Person\n"
	",text,name,Person\n"
	",end group,,\n"
	",text,sex,Sex\n";

static void key_is(const struct form *form, const char *lookup, const char *path,
		   const char *key, int line)
{
	const struct form_question *q = form_question(form, lookup);
	if (!tap_check_str(q ? q->path : NULL, path, __FILE__, line, lookup))
		return;
	tap_check_str(form_question_key(q), key, __FILE__, line, lookup);
}

#define KEY_IS(form, lookup, path, key) key_is((form), (lookup), (path), (key), __LINE__)

static void test_keys(void)
{
	struct form *form = fixture_form(scoped_form, "scoped.csv");
	if (!tap_check_int(form != NULL, 1, __FILE__, __LINE__, "the form loads"))
		return;
	KEY_IS(form, "hh/name", "hh/name", "hh/name");
	KEY_IS(form, "person/name", "person/name", "person/name");
	KEY_IS(form, "size", "hh/size", "size");
	KEY_IS(form, "hh/size", "hh/size", "size");
	KEY_IS(form, "hh/inner/sex", "hh/inner/sex", "hh/inner/sex");
	KEY_IS(form, "sex", "sex", "sex");
	check_int(form_question(form, "name") == NULL, 1);
	check_int(form_sharing(form, "name")->len, 2);
	check_int(form_sharing(form, "size") == NULL, 1);
	char *paths = form_shared_paths(form, "sex");
	check_str(paths, "'hh/inner/sex' and 'sex'");
	g_free(paths);
	char *p = form_path(NULL, "x");
	check_str(p, "x");
	g_free(p);
	form_free(form);
}

/* Three languages: one with a code, one with none, one with a script subtag. */
static const char languages_form[] =
	"survey,type,name,label::English (en),label::French,label::Chinese (zh-Hans)\n"
	",text,name,Name,Nom,\xe5\x90\x8d\xe7\xa7\xb0\n";

static void test_lang_codes(void)
{
	struct form *form = fixture_form(languages_form, "langs.csv");
	if (!tap_check_int(form != NULL, 1, __FILE__, __LINE__, "the form of three languages loads"))
		return;
	int fr = form_lang_find(form, "French"), zh = form_lang_find(form, "zh-Hans");
	char *en_code = form_lang_code(form, form_lang_find(form, "en"));
	char *fr_code = form_lang_code(form, fr);
	char *zh_code = form_lang_code(form, zh);
	check_str(en_code, "en");
	ok(fr >= 0 && fr_code == NULL, "a language named without a code has none");
	check_str(zh_code, "zh-Hans");
	ok(form_lang_code(form, -1) == NULL && form_lang_code(form, 99) == NULL,
	   "no language, no code");
	g_free(en_code);
	g_free(fr_code);
	g_free(zh_code);
	form_free(form);
}

int main(void)
{
	test_lang_codes();
	test_keys();
	test_plain();
	test_strip();
	test_words();
	return tap_done();
}
