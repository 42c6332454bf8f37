/* test-workbook.c - unit tests for how workbook cells become text */
#include <config.h>
#include "workbook.h"

#include <glib.h>

#include "tap.h"
#include "workbook-int.h"

static void number(double v, const char *want)
{
	char *got = workbook_number_text(v);
	ok(g_strcmp0(got, want) == 0, "number %.17g is '%s' (got '%s')", v, want, got);
	g_free(got);
}

static void date(double serial, bool date1904, const char *want)
{
	char *got = workbook_date_text(serial, date1904);
	ok(g_strcmp0(got, want) == 0, "serial %g%s is '%s' (got '%s')", serial,
	   date1904 ? " (1904)" : "", want ? want : "(none)", got ? got : "(none)");
	g_free(got);
}

static void column(guint col, const char *want)
{
	char buf[8];
	check_str(workbook_column_name(col, buf), want);
}

static void cell(const char *path, const char *sheet, long row, guint col, const char *want)
{
	char *got = workbook_cell_name(path, sheet, row, col);
	check_str(got, want);
	g_free(got);
}

int main(void)
{
	/* pyxform: str(int(v)) for a whole number, else Python's shortest repr. */
	number(1.0, "1");
	number(-0.0, "0");
	number(2.5, "2.5");
	number(0.1 + 0.2, "0.30000000000000004");
	number(1.0 / 3, "0.3333333333333333");
	number(2019050101.0, "2019050101");
	number(-1e21, "-1000000000000000000000");
	number(1e-7, "1e-07");

	date(43586, false, "2019-05-01");
	date(43586.4375, false, "2019-05-01T10:30:00");
	date(43586.99999999, false, "2019-05-02");
	date(0.5, false, "12:00:00");
	date(1, false, "1900-01-01");
	date(59, false, "1900-02-28");
	date(61, false, "1900-03-01");
	date(0, true, "1904-01-01");
	date(42124, true, "2019-05-01");
	date(-1, false, NULL);
	date(3e6, false, NULL);

	column(0, "A");
	column(25, "Z");
	column(26, "AA");
	column(701, "ZZ");
	column(702, "AAA");
	column(16383, "XFD");

	/* A cell as Excel names it, and as messages about a reply's cell name it. */
	cell(NULL, "Reply", 14, 2, "Reply!C14");
	cell(NULL, "Réponse", 3, 27, "Réponse!AB3");
	cell(NULL, "My reply", 2, 0, "'My reply'!A2");
	cell(NULL, "State's", 9, 1, "'State''s'!B9");
	cell("in/XAA.xlsx", "Reply", 17, 2, "in/XAA.xlsx:Reply!C17");

	ok(workbook_is_workbook("a/FORM.XLSX") && workbook_is_workbook("f.xlsm") &&
	   workbook_is_workbook("f.ods") && workbook_is_workbook("f.Xls"),
	   "workbooks are known by their extension, in any case");
	ok(!workbook_is_workbook("f.csv") && !workbook_is_workbook("xlsx") &&
	   !workbook_is_workbook("dir.xlsx/survey.csv"), "other files are not workbooks");
	return tap_done();
}
