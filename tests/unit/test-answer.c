/* test-answer.c - unit tests for the answer workbook's skip formulas and bounds */
#include <config.h>
#include "answer-int.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "form.h"
#include "isodate.h"
#include "fixture.h"
#include "tap.h"

static const char form_text_csv[] =
	"survey,type,name,label,relevant,constraint\n"
	",select_one yn,has_law,Has a law?,,\n"
	",integer,year,Year,${has_law} = 'yes',. >= 1990 and . <= 2019\n"
	",select_multiple off,offences,Offences,${has_law} != 'yes',\n"
	",text,why,Why,\"selected(${offences}, 'fines')\",string-length(.) <= 200\n"
	",text,whynot,Why not,\"not(selected(${offences}, 'none'))\",string-length(.) < 50\n"
	",integer,staff,Staff,${year} >= 2000,. > 0\n"
	",decimal,share,Share,\"${year} < 2005 or (${has_law} = 'no' and ${staff} != 3)\",. > 0\n"
	",text,odd,Odd,${year} * 2 > 4000,\"regex(., '^[A-Z]')\"\n"
	",date,when,When,${why} = 'x',\". > '2000-01-01' and . <= date('2019-06-30')\"\n"
	",integer,low,Low,3 < ${staff},. >= -5 and . < 10.5\n"
	",range,r,R,${why} = '',\n"
	",begin group,g,Part,${has_law} = 'no',\n"
	",text,inside,Inside,${staff} = 10,\n"
	",end group,,,,\n"
	",date,since,Since,,. >= '2001-01-01' and . <= today()\n"
	",integer,mixed,Mixed,,. >= 0 and . != 7\n"
	"choices,list_name,name,label,,\n"
	",yn,yes,\"Yes \"\"really\"\"\",,\n"
	",yn,no,No,,\n"
	",off,fines,Fines,,\n"
	",off,none,None of these,,\n";

static struct form *form;
static struct answer_cells cells;

/* Question I's answer on row 10 + 10 * I; a select_multiple's choices on the rows after. */
static void lay_out(void)
{
	size_t n = form_n_questions(form);
	cells.form = form;
	cells.lang = 0;
	cells.row = g_new(long, n);
	cells.choice_row = g_new0(long *, n);
	for (size_t i = 0; i < n; i++) {
		const struct form_question *q = form_question_at(form, i);
		cells.row[i] = 10 + 10 * (long)i;
		if (q->kind != FORM_SELECT_MULTIPLE)
			continue;
		cells.choice_row[i] = g_new(long, q->list->choices->len);
		for (guint c = 0; c < q->list->choices->len; c++)
			cells.choice_row[i][c] = cells.row[i] + 1 + (long)c;
	}
}

static void skip_is(const char *name, const char *want, int line)
{
	char *got = answer_rule_skip_formula(&cells, form_question(form, name));
	tap_check_str(got, want, __FILE__, line, name);
	g_free(got);
}

#define SKIP_IS(name, want) skip_is((name), (want), __LINE__)

static void test_skip_formulas(void)
{
	SKIP_IS("has_law", NULL);
	SKIP_IS("year", "NOT(AND($C$11=\"Yes \"\"really\"\"\"))");
	SKIP_IS("offences", "NOT(AND($C$11<>\"Yes \"\"really\"\"\"))");
	SKIP_IS("why", "NOT(AND($C$32=\"Yes\"))");
	SKIP_IS("whynot", "NOT(AND(NOT($C$33=\"Yes\")))");
	SKIP_IS("staff", "NOT(AND(AND(ISNUMBER($C$21),$C$21>=2000)))");
	SKIP_IS("share", "NOT(AND(OR(AND(ISNUMBER($C$21),$C$21<2005),AND($C$11=\"No\","
		"OR(NOT(ISNUMBER($C$61)),$C$61<>3)))))");
	SKIP_IS("odd", NULL);
	SKIP_IS("when", "NOT(AND($C$41=\"x\"))");
	SKIP_IS("low", "NOT(AND(AND(ISNUMBER($C$61),$C$61>3)))");
	SKIP_IS("r", "NOT(AND($C$41=\"\"))");
	SKIP_IS("inside", "NOT(AND(AND(ISNUMBER($C$61),$C$61=10),$C$11=\"No\"))");
}

static void bounds_are(const char *name, int has_min, double min, int has_max, double max,
		       long max_length, int line)
{
	struct form_bounds b;
	form_question_bounds(form_question(form, name), &b);
	form_bounds_inclusive(form_question(form, name), &b);
	tap_check_int(b.has_min, has_min, __FILE__, line, name);
	if (has_min)
		tap_check_num(b.min, min, 0, 0, __FILE__, line, "min");
	tap_check_int(b.has_max, has_max, __FILE__, line, name);
	if (has_max)
		tap_check_num(b.max, max, 0, 0, __FILE__, line, "max");
	tap_check_int(b.max_length, max_length, __FILE__, line, "max_length");
}

#define BOUNDS_ARE(name, hmin, min, hmax, max, len) \
	bounds_are((name), (hmin), (min), (hmax), (max), (len), __LINE__)

static void test_bounds(void)
{
	BOUNDS_ARE("has_law", 0, 0, 0, 0, 0);
	BOUNDS_ARE("year", 1, 1990, 1, 2019, 0);
	BOUNDS_ARE("why", 0, 0, 0, 0, 200);
	BOUNDS_ARE("whynot", 0, 0, 0, 0, 49);
	/* A whole number more than 0 is at least 1. */
	BOUNDS_ARE("staff", 1, 1, 0, 0, 0);
	BOUNDS_ARE("odd", 0, 0, 0, 0, 0);
	/* Less than 10.5: at most 10. */
	BOUNDS_ARE("low", 1, -5, 1, 10, 0);
	BOUNDS_ARE("when", 1, isodate_from_ymd(2000, 1, 2), 1, isodate_from_ymd(2019, 6, 30), 0);
	struct form_bounds b;
	form_question_bounds(form_question(form, "share"), &b);
	tap_ok(b.has_min && b.min == 0 && b.min_strict && !b.has_max, __FILE__, __LINE__,
	       "a decimal more than 0 keeps its strict bound");
	form_question_bounds(form_question(form, "since"), &b);
	tap_ok(b.has_min && b.min == isodate_from_ymd(2001, 1, 1) && !b.min_today && b.has_max &&
	       b.max_today && !b.max_strict && b.whole_constraint, __FILE__, __LINE__,
	       "a date not after today() is bounded by the day of answering");
	form_question_bounds(form_question(form, "mixed"), &b);
	tap_ok(!b.has_min && !b.has_max && !b.whole_constraint, __FILE__, __LINE__,
	       "a constraint that says more than bounds gives none");
	form_question_bounds(form_question(form, "has_law"), &b);
	tap_ok(b.whole_constraint, __FILE__, __LINE__, "no constraint is all said");
}

int main(void)
{
	form = fixture_form(form_text_csv, "form.csv");
	if (tap_check_int(form != NULL, 1, __FILE__, __LINE__, "the form loads")) {
		lay_out();
		test_skip_formulas();
		test_bounds();
		for (size_t i = 0; i < form_n_questions(form); i++)
			g_free(cells.choice_row[i]);
		g_free(cells.choice_row);
		g_free(cells.row);
		form_free(form);
	}
	return tap_done();
}
