/* test-phrase.c - unit tests for skip logic and constraints said in words */
#include <config.h>
#include "phrase.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "fixture.h"
#include "tap.h"

/* Every kind of condition a questionnaire has, each on its own question. */
static const char form_text_csv[] =
	"survey,type,name,label,relevant,constraint,constraint_message\n"
	",select_one yn,has_law,Has a law?,,,\n"
	",integer,year,Year,${has_law} = 'yes',. >= 1990 and . <= 2019,\n"
	",select_multiple off,offences,Offences,${has_law} != 'yes',"
	"\"not(selected(., 'none') and count-selected(.) > 1)\",\n"
	",text,why,Why,\"selected(${offences}, 'fines')\",string-length(.) <= 200,\n"
	",text,whynot,Why not,\"not(selected(${offences}, 'none'))\",,\n"
	",integer,staff,Staff,${year} >= 2000,. > 0,\n"
	",date,adopted,Adopted,${why} != '',. <= today(),\n"
	",text,more,More,\"count-selected(${offences}) > 1\",,Give details.\n"
	",decimal,share,Share,\"${year} < 2005 or (${has_law} = 'no' and ${staff} > 3)\","
	". >= 0,\n"
	",text,odd,Odd,${year} * 2 > 4000,\"regex(., '^[A-Z]')\",\n"
	",date,when,When,${adopted} < '2019-06-30',\". > '2000-01-01' and . < today()\",\n"
	",text,empty,Empty,${why} = '',,\n"
	",text,any,Any,count-selected(${offences}) > 0,,\n"
	",integer,n,N,,count-selected(${offences}) <= 3,\n"
	",begin group,g,Part,${has_law} = 'no',,\n"
	",text,inside,Inside,${staff} = 10,,\n"
	",end group,,,,,\n"
	"choices,list_name,name,label,,,\n"
	",yn,yes,Yes,,,\n"
	",yn,no,No,,,\n"
	",off,fines,Fines,,,\n"
	",off,jail,Prison,,,\n"
	",off,none,None of these,,,\n";

static struct form *form;

static void applies_is(const char *name, const char *want, bool want_said, int line)
{
	bool said = true;
	char *got = phrase_applies(form, form_question(form, name), 0, &said);
	tap_check_str(got, want, __FILE__, line, name);
	tap_check_int(said, want_said, __FILE__, line, "said in words");
	g_free(got);
}

static void constraint_is(const char *name, const char *want, bool want_said, int line)
{
	bool said = true;
	char *got = phrase_constraint(form, form_question(form, name), 0, &said);
	tap_check_str(got, want, __FILE__, line, name);
	tap_check_int(said, want_said, __FILE__, line, "said in words");
	g_free(got);
}

#define APPLIES_IS(name, want, said) applies_is((name), (want), (said), __LINE__)
#define CONSTRAINT_IS(name, want, said) constraint_is((name), (want), (said), __LINE__)

static void test_applies(void)
{
	APPLIES_IS("has_law", NULL, true);
	APPLIES_IS("year", "you answered “Yes” to 1.1", true);
	APPLIES_IS("offences", "you did not answer “Yes” to 1.1", true);
	APPLIES_IS("why", "you ticked “Fines” at 1.3", true);
	APPLIES_IS("whynot", "you did not tick “None of these” at 1.3", true);
	APPLIES_IS("staff", "your answer to 1.2 is 2000 or more", true);
	APPLIES_IS("adopted", "you answered 1.4", true);
	APPLIES_IS("more", "you ticked more than one choice at 1.3", true);
	APPLIES_IS("share", "your answer to 1.2 is less than 2005 or both you answered “No” to 1.1 "
		   "and your answer to 1.6 is more than 3", true);
	APPLIES_IS("odd", "1.2 * 2 > 4000", false);
	APPLIES_IS("when", "your answer to 1.7 is before 30 June 2019", true);
	APPLIES_IS("any", "you ticked at least one choice at 1.3", true);
	APPLIES_IS("empty", "you did not answer 1.4", true);
	APPLIES_IS("inside", "you answered “No” to 1.1 and your answer to 1.6 is 10", true);
}

static void test_constraints(void)
{
	CONSTRAINT_IS("has_law", NULL, true);
	CONSTRAINT_IS("year", "a whole number from 1990 to 2019", true);
	CONSTRAINT_IS("offences", "“None of these” alone, or other choices without it", true);
	CONSTRAINT_IS("why", "at most 200 characters", true);
	CONSTRAINT_IS("staff", "a whole number of more than 0", true);
	CONSTRAINT_IS("adopted", "a date not after today", true);
	CONSTRAINT_IS("more", "Give details.", true);
	CONSTRAINT_IS("share", "a number of 0 or more", true);
	CONSTRAINT_IS("odd", "regex(the answer, '^[A-Z]')", false);
	CONSTRAINT_IS("when", "a date after 1 January 2000 and before today", true);
	CONSTRAINT_IS("n", "count-selected(1.3) <= 3", false);
}

int main(void)
{
	form = fixture_form(form_text_csv, "form.csv");
	if (tap_check_int(form != NULL, 1, __FILE__, __LINE__, "the form loads")) {
		test_applies();
		test_constraints();
		form_free(form);
	}
	return tap_done();
}
