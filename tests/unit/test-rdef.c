/* test-rdef.c - unit tests for report definitions: values as written, keys and groups given twice */
#include <config.h>
#include "rdef.h"

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "msg.h"
#include "tap.h"

static char *tmpdir;

/* Loads a definition whose file holds TEXT, with its diagnostics in ERRORS. */
static struct rdef *load(const char *text, GString *errors)
{
	char *path = g_build_filename(tmpdir, "def.ini", NULL);
	g_file_set_contents(path, text, -1, NULL);
	g_string_truncate(errors, 0);
	GString *outer = msg_capture(errors);
	struct rdef *def = rdef_load(path);
	msg_capture(outer);
	g_unlink(path);
	g_free(path);
	return def;
}

/* Backslashes are text: GKeyFile's escapes (\n, \t, \s, \\) are not read. */
static void test_values_as_written(GString *errors)
{
	struct rdef *def = load("[report]\n"
				"form = forms\\f\n"
				"data = replies\\a; replies\\d\n"
				"title = C:\\new\\table\n"
				"notice = \\s100\\% \\\\ sure\\\n"
				"omit = a\\;b\n",
				errors);
	if (!ok(def != NULL, "a definition with backslashes loads")) {
		tap_diag("%s", errors->str);
		return;
	}
	check_str(def->title, "C:\\new\\table");
	check_str(def->notice, "\\s100\\% \\\\ sure\\");
	char *form = g_build_filename(tmpdir, "forms\\f", NULL);
	check_str(def->form, form);
	g_free(form);
	char *data1 = g_build_filename(tmpdir, "replies\\d", NULL);
	ok(g_strv_length(def->data) == 2 && strcmp(def->data[1], data1) == 0,
	   "a list is split at each ';', its items as written");
	g_free(data1);
	ok(g_strv_length(def->omit) == 2 && strcmp(def->omit[0], "a\\") == 0,
	   "'\\;' does not escape the separator");
	rdef_free(def);
}

static void test_given_twice(GString *errors)
{
	struct rdef *def = load("[report]\n"
				"form = f\n"
				"data = eleven\n"
				"# the second data would win\n"
				"  data = one\r\n"
				"title[fr] = titre\n"
				"title = title\n"
				"[chart q]\n"
				"type = bar\n"
				"[report]\n"
				"roster = r.csv\n"
				"data = again\n",
				errors);
	ok(def == NULL, "a key or group given twice is an error");
	char *want = g_strdup_printf("quire:%s/def.ini:5: 'data' is given twice (first at line 3)\n"
				     "quire:%s/def.ini:10: [report] is given twice (first at line 1)\n",
				     tmpdir, tmpdir);
	tap_check_str(errors->str, want, __FILE__, __LINE__, "both lines are given, once each");
	g_free(want);
	rdef_free(def);
}

/* [paragraph NAME] and style: read as written, a crosstab's name with its blanks squeezed. */
static void test_paragraphs_and_style(GString *errors)
{
	struct rdef *def = load("[report]\n"
				"form = f\n"
				"data = d\n"
				"style = plain\n"
				"\n"
				"[paragraph law_status]\n"
				"text = Seven of the nine.\n"
				"figures = base 9; yes 7\n"
				"\n"
				"[paragraph  law_status   by  region ]\n"
				"after = By region.\n",
				errors);
	if (!ok(def != NULL, "a definition with paragraphs loads")) {
		tap_diag("%s", errors->str);
		return;
	}
	ok(def->plain, "style = plain");
	const struct rdef_paragraph *p = rdef_paragraph(def, "law_status");
	ok(p && strcmp(p->text, "Seven of the nine.") == 0 &&
		   strcmp(p->figures, "base 9; yes 7") == 0 && !p->before && !p->after &&
		   p->line == 6,
	   "a question's paragraph: its keys and its line");
	p = rdef_paragraph(def, "law_status by region");
	ok(p && !p->text && strcmp(p->after, "By region.") == 0,
	   "a crosstab's, named as [crosstab ROW by COL] names it");
	ok(!rdef_paragraph(def, "region"), "no other");
	rdef_free(def);
	def = load("[report]\nform = f\ndata = d\nstyle = UN\n", errors);
	ok(!def, "style is un or plain, as written");
	check_str(strstr(errors->str, "style: "), "style: 'UN' is not un or plain\n");
}

int main(void)
{
	tmpdir = g_dir_make_tmp("quire-rdef-XXXXXX", NULL);
	GString *errors = g_string_new(NULL);
	test_values_as_written(errors);
	test_given_twice(errors);
	test_paragraphs_and_style(errors);
	g_string_free(errors, TRUE);
	g_rmdir(tmpdir);
	g_free(tmpdir);
	return tap_done();
}
