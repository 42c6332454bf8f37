/* test-roster.c - unit tests for the roster: members, dates, aliases, groups */
#include <config.h>
#include "roster.h"

#include <limits.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "msg.h"
#include "tap.h"

static char *tmpdir;

/*
 * Loads a roster whose file holds CSV, with its diagnostics in ERRORS
 * (which may be NULL).  The file is removed again.
 */
static struct roster *load(const char *csv, GString *errors)
{
	char *path = g_build_filename(tmpdir, "roster.csv", NULL);
	g_file_set_contents(path, csv, -1, NULL);
	GString *sink = errors ? errors : g_string_new(NULL);
	msg_capture(sink);
	struct roster *r = roster_load(path);
	msg_capture(NULL);
	if (!errors)
		g_string_free(sink, TRUE);
	g_unlink(path);
	g_free(path);
	return r;
}

/* Checks the aliases of the member CODE, written "a|b|c". */
#define check_aliases(r, code, want) check_aliases_at(r, code, want, __LINE__)
static void check_aliases_at(const struct roster *r, const char *code, const char *want, int line)
{
	const struct roster_member *m = roster_find(r, code);
	char *got = m ? g_strjoinv("|", m->aliases) : g_strdup("(no such member)");
	char *what = g_strdup_printf("aliases of %s", code);
	tap_check_str(got, want, __FILE__, line, what);
	g_free(what);
	g_free(got);
}

/* Checks the grouping columns, written "a|b". */
#define check_groups(r, want) check_groups_at(r, want, __LINE__)
static void check_groups_at(const struct roster *r, const char *want, int line)
{
	GPtrArray *g = roster_group_columns(r);
	g_ptr_array_add(g, NULL);
	char *got = g_strjoinv("|", (char **)g->pdata);
	tap_check_str(got, want, __FILE__, line, "grouping columns");
	g_free(got);
	g_ptr_array_free(g, TRUE);
}

static void test_without_aliases(void)
{
	struct roster *r = load("code,name,region\nXAA,Republic of Aldmere,Asia\n", NULL);
	if (!ok(r != NULL, "a roster without aliases loads"))
		return;
	const struct roster_member *m = roster_find(r, "XAA");
	ok(m && m->aliases && !m->aliases[0], "without the column, a member has no aliases");
	ok(m && m->from == INT_MIN && m->to == INT_MAX, "and is a member at any date");
	check_groups(r, "region");
	roster_free(r);
}

static void test_aliases(void)
{
	struct roster *r = load("# a comment\n"
				"code,name,Aliases,region,note\n"
				"XKE,Kingdom of Kestria,  Kestrian ; KESTRIA City;;  ;XK ,Asia,\n"
				"XAA,Republic of Aldmere,,Africa,a note\n"
				"XCO,State of Corvale,Corvalese,Asia\n"
				"XDU,Dunmoor,\"Dunmoorish;\nDunmoor Town\",Asia,\n",
				NULL);
	if (!ok(r != NULL, "a roster with aliases loads"))
		return;
	/* Trimmed, empty ones dropped, a cell with a line break split too. */
	check_aliases(r, "XKE", "Kestrian|KESTRIA City|XK");
	check_aliases(r, "XAA", "");
	check_aliases(r, "XCO", "Corvalese");
	check_aliases(r, "XDU", "Dunmoorish|Dunmoor Town");
	/* The cell itself is kept as written (but trimmed), like every cell. */
	const struct roster_member *m = roster_find(r, "XKE");
	check_str(m->cells[roster_column(r, "aliases")], "Kestrian ; KESTRIA City;;  ;XK");
	check_str(m->name, "Kingdom of Kestria");
	/* The header is matched in any case; aliases, like note, groups nothing. */
	check_groups(r, "region");
	roster_free(r);
}

static void test_problems_unchanged(void)
{
	GString *errors = g_string_new(NULL);
	struct roster *r = load("code,aliases\nXAA,Aldmerian\n", errors);
	ok(r == NULL, "a roster without names is refused, aliases or not");
	ok(strstr(errors->str, ": a roster needs the columns 'code' and 'name'\n") != NULL,
	   "with the usual message");
	g_string_truncate(errors, 0);
	r = load("code,name,aliases,aliases\nXAA,Aldmere,a,b\n", errors);
	ok(r == NULL && strstr(errors->str, ":1: duplicate column 'aliases'\n") != NULL,
	   "aliases given twice is a duplicate column");
	g_string_free(errors, TRUE);
}

/* Rows a roster refuses: the message for each, in full. */
static void test_refused_rows(void)
{
	static const struct {
		const char *csv, *what, *message;
	} cases[] = {
		{ "code,name,member_from,member_to\nXAA,Aldmere,2005-01-01,2001-12-31\n",
		  "membership that ends before it starts",
		  ":2: member_to: '2001-12-31' is before member_from '2005-01-01'\n" },
		{ "code,name\nXAA,Aldmere\nXKE,Kestria\nxaa,Aldmere again\n",
		  "codes that differ only in case",
		  ":4: code 'xaa' differs from 'XAA' (row 2) only in case: their reply files would "
		  "be one file on Windows and macOS\n" },
		{ "code,name\nCON,Console\n", "a device name of Windows",
		  ":2: code: unsafe code 'CON': Windows keeps CON, PRN, AUX, NUL, COM0 to COM9 and "
		  "LPT0 to LPT9 for devices, in any case and with any extension\n" },
		{ "code,name\nXAA,Aldmere\nlpt1.csv,Printer\n", "with an extension and in lower case",
		  ":3: code: unsafe code 'lpt1.csv': Windows keeps CON, PRN, AUX, NUL, COM0 to COM9 "
		  "and LPT0 to LPT9 for devices, in any case and with any extension\n" },
	};
	GString *errors = g_string_new(NULL);
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_string_truncate(errors, 0);
		struct roster *r = load(cases[i].csv, errors);
		ok(r == NULL, "a roster with %s is refused", cases[i].what);
		const char *colon = strstr(errors->str, ".csv:");
		tap_check_str(colon ? colon + 4 : errors->str, cases[i].message, __FILE__, __LINE__,
			      cases[i].what);
		roster_free(r);
	}
	g_string_free(errors, TRUE);
	struct roster *r = load("code,name,member_from,member_to\nXAA,Aldmere,2005-01-01,"
				"2005-01-01\n", NULL);
	ok(r && roster_count(r, 12784) == 1, "a membership of one day is one");
	roster_free(r);
}

int main(void)
{
	tmpdir = g_dir_make_tmp("quire-roster-XXXXXX", NULL);
	test_without_aliases();
	test_aliases();
	test_problems_unchanged();
	test_refused_rows();
	g_rmdir(tmpdir);
	g_free(tmpdir);
	return tap_done();
}
