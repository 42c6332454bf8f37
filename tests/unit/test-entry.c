/* test-entry.c - unit tests for the logic of interactive entry */
#include <config.h>
#include "entry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "form.h"
#include "msg.h"
#include "response.h"
#include "tap.h"

/* A form with what the mini form lacks: a constraint on another answer, rank, codes as names. */
static const char extra_form[] =
	"survey,type,name,label,required,constraint,constraint_message,default\n"
	",select_one region,region,Region,yes,,,\n"
	",select_multiple treaties,treaties,Treaties,,"
	"\"not(selected(., 'malabo')) or ${region} = 'africa'\",Malabo is for Africa,\n"
	",rank areas,ranking,Ranking,,,,\n"
	",acknowledge,ack,Acknowledge,,,,\n"
	",select_one codes,coded,Coded,,,,\n"
	",integer,count,Count,,,,7\n"
	",select_one where or_other,place,Place,,,,\n"
	"choices,list_name,name,label\n"
	",region,asia,Asia\n"
	",region,africa,Africa\n"
	",treaties,budapest,Budapest\n"
	",treaties,malabo,Malabo\n"
	",areas,a,A\n"
	",areas,b,B\n"
	",areas,c,C\n"
	",codes,2,Two\n"
	",codes,1,One\n"
	",codes,99,Ninety-nine\n"
	",where,home,At home\n";

static struct form *load_mini(void)
{
	const char *dir = getenv("QUIRE_TEST_DATA");
	char *path = g_build_filename(dir ? dir : "tests/data", "forms", "mini", NULL);
	struct form *form = form_load(path);
	g_free(path);
	return form;
}

static struct form *load_extra(char **tmpdir)
{
	*tmpdir = g_dir_make_tmp("test-entry.XXXXXX", NULL);
	char *path = g_build_filename(*tmpdir, "extra.csv", NULL);
	g_file_set_contents(path, extra_form, -1, NULL);
	struct form *form = form_load(path);
	g_unlink(path);
	g_free(path);
	return form;
}

static int step_of(const struct entry *e, const char *name)
{
	return entry_find(e, name);
}

/* entry_parse of TEXT for question NAME must give WANT (NULL: the error WANT_ERROR). */
static void check_parse(const struct entry *e, const char *name, const char *text,
			const char *want, const char *want_error)
{
	char *error;
	const struct form_question *q = form_question(e->form, name);
	char *got = entry_parse(e, q, text, &error);
	bool pass = want ? got && strcmp(got, want) == 0
			 : !got && error && strcmp(error, want_error) == 0;
	if (!ok(pass, "%s: '%s' %s %s", name, text, want ? "->" : "is refused:",
		want ? want : want_error))
		tap_diag("got '%s', error '%s'", got ? got : "(null)", error ? error : "(null)");
	g_free(got);
	g_free(error);
}

/* entry_resolve at NAME of TEXT must give WANT, or fail with WANT_ERROR. */
static void check_resolve(struct entry *e, const char *name, const char *text, const char *want,
			  const char *want_error)
{
	char *value, *error;
	int rc = entry_resolve(e, step_of(e, name), text, &value, &error);
	bool pass = want_error ? rc < 0 && error && strcmp(error, want_error) == 0
			       : rc == 0 && g_strcmp0(value, want) == 0;
	if (!ok(pass, "resolve %s '%s' %s %s", name, text ? text : "-",
		want_error ? "is refused:" : "->", want_error ? want_error : want ? want : "(none)"))
		tap_diag("got '%s', error '%s'", value ? value : "(null)", error ? error : "(null)");
	g_free(value);
	g_free(error);
}

/* Sets NAME from what was typed, as quire enter does. */
static GPtrArray *answer(struct entry *e, const char *name, const char *text)
{
	char *value, *error;
	GPtrArray *removed = entry_removed_new();
	if (entry_resolve(e, step_of(e, name), text, &value, &error) < 0) {
		tap_diag("cannot answer %s '%s': %s", name, text, error);
		g_free(error);
		return removed;
	}
	entry_set(e, step_of(e, name), value, removed);
	g_free(value);
	return removed;
}

static void test_read_line(void)
{
	char *text;
	check_int(entry_read_line("-", &text), ENTRY_SKIP);
	check_int(entry_read_line(" < ", &text), ENTRY_BACK);
	check_int(entry_read_line("?", &text), ENTRY_HELP);
	check_int(entry_read_line("q", &text), ENTRY_QUIT);
	check_int(entry_read_line("Q\r", &text), ENTRY_QUIT);
	check_int(entry_read_line("  yes \r", &text), ENTRY_TEXT);
	check_str(text, "yes");
	g_free(text);
	check_int(entry_read_line("", &text), ENTRY_TEXT);
	check_str(text, "");
	g_free(text);
	check_int(entry_read_line("\\q", &text), ENTRY_TEXT);
	check_str(text, "q");
	g_free(text);
	check_int(entry_read_line("\\-", &text), ENTRY_TEXT);
	check_str(text, "-");
	g_free(text);
	check_int(entry_read_line("- 1", &text), ENTRY_TEXT);
	g_free(text);
}

static void test_parse(const struct entry *e)
{
	check_parse(e, "has_law", "1", "yes", NULL);
	check_parse(e, "has_law", "2", "no", NULL);
	check_parse(e, "has_law", "yes", "yes", NULL);
	check_parse(e, "has_law", "YES", "yes", NULL);
	check_parse(e, "has_law", "3", NULL, "'3' is not a choice: type a number from 1 to 2");
	check_parse(e, "has_law", "maybe", NULL,
		    "'maybe' is not a choice: type a number from 1 to 2 or a name (yes, no)");
	check_parse(e, "has_law", "1 2", NULL, "only one choice can be given");

	check_parse(e, "offences", "1 2", "illegal_access interception", NULL);
	check_parse(e, "offences", "2 1", "illegal_access interception", NULL);
	check_parse(e, "offences", "2,1", "illegal_access interception", NULL);
	check_parse(e, "offences", "2, interception 1", "illegal_access interception", NULL);
	check_parse(e, "offences", "1-3", "illegal_access interception none", NULL);
	check_parse(e, "offences", "none", "none", NULL);
	check_parse(e, "offences", "1 4", NULL, "'4' is not a choice: type a number from 1 to 3");
	check_parse(e, "offences", "3-1", NULL, "'3-1' is not a choice: type a number from 1 to 3 "
		    "or a name (illegal_access, interception, none)");
	check_parse(e, "offences", ",", NULL, "no choice given");

	check_parse(e, "law_year", "2012", "2012", NULL);
	check_parse(e, "law_year", "+0012", "12", NULL);
	check_parse(e, "law_year", "12a", NULL, "'12a' is not an integer");
	check_parse(e, "reply_date", "2019-05-30", "2019-05-30", NULL);
	check_parse(e, "reply_date", "2019-02-30", NULL, "'2019-02-30' is not a date (YYYY-MM-DD)");
	check_parse(e, "comments", "Fine, thanks; \"quoted\"", "Fine, thanks; \"quoted\"", NULL);
	check_parse(e, "comments", "caf\xe9", NULL,
		    "the text is not valid UTF-8: check the terminal's character set");
}

static void test_parse_extra(const struct entry *e)
{
	check_parse(e, "ranking", "3 1 2", "c a b", NULL);
	check_parse(e, "ranking", "c a", "c a", NULL);
	check_parse(e, "ranking", "1 1", NULL, "'a' is ranked twice");
	check_parse(e, "ack", "ok", "OK", NULL);
	check_parse(e, "ack", "no", NULL, "type OK to acknowledge, or - to leave it unanswered");
	/* A number picks the choice shown with it; other numbers are names. */
	check_parse(e, "coded", "1", "2", NULL);
	check_parse(e, "coded", "2", "1", NULL);
	check_parse(e, "coded", "99", "99", NULL);
	check_parse(e, "place", "2", "other", NULL);
}

static void test_walk(struct entry *e)
{
	int has_law = step_of(e, "has_law"), law_year = step_of(e, "law_year");
	int budapest = step_of(e, "budapest"), comments = step_of(e, "comments");
	int thanks = step_of(e, "thanks");
	check_int(step_of(e, "_submitted"), ENTRY_SUBMITTED);
	check_int(step_of(e, "_channel"), ENTRY_CHANNEL);
	check_int(step_of(e, "_entered_by"), ENTRY_ENTERED_BY);
	check_int(step_of(e, "nope"), -1);
	check_str(entry_name(e, ENTRY_CHANNEL), "_channel");
	check_str(entry_name(e, law_year), "law_year");

	check_int(entry_next(e, -1), ENTRY_SUBMITTED);
	check_int(entry_next(e, ENTRY_ENTERED_BY), has_law);
	check_int(entry_prev(e, has_law), ENTRY_ENTERED_BY);
	check_int(entry_prev(e, ENTRY_SUBMITTED), -1);
	ok(entry_next(e, has_law) == budapest, "questions that do not apply are passed by");
	ok(entry_next(e, comments) == thanks, "a note that applies is shown");
	ok(!entry_asks(e, thanks), "a note takes no answer");
	ok(entry_next(e, thanks) == entry_n_steps(e), "a calculate is not shown");
	check_int(entry_missing(e, NULL), 1);

	g_ptr_array_unref(answer(e, "has_law", "1"));
	ok(entry_next(e, has_law) == law_year, "answering yes brings in the follow-up");
	check_int(entry_missing(e, NULL), 0);
	ok(entry_prev(e, budapest) == step_of(e, "offences"), "back goes to the last question asked");
}

static void test_resolve(struct entry *e)
{
	check_resolve(e, "law_year", "1960", NULL, "Give a year between 1970 and 2019");
	check_resolve(e, "law_year", "2012", "2012", NULL);
	check_resolve(e, "has_law", NULL, NULL, "an answer is required");
	check_resolve(e, "budapest", NULL, NULL, NULL);
	check_resolve(e, "budapest", "", NULL, NULL);
	check_resolve(e, "offences", "1 3", NULL, "'None' excludes other offences");
	check_resolve(e, "reply_date", "2099-01-01", NULL,
		      "does not meet the form's condition: the answer <= today()");
	check_resolve(e, "_submitted", "", "2019-09-02", NULL);
	check_resolve(e, "_submitted", "2019-06-30", "2019-06-30", NULL);
	check_resolve(e, "_submitted", "2019-09-03", NULL, "'2019-09-03' is after today (2019-09-02)");
	check_resolve(e, "_submitted", "30/06/2019", NULL, "'30/06/2019' is not a date (YYYY-MM-DD)");
	check_resolve(e, "_submitted", NULL, NULL, "the date the reply was received is required");
	check_resolve(e, "_channel", "2", "e-mail", NULL);
	check_resolve(e, "_channel", "fax", "fax", NULL);
	check_resolve(e, "_channel", NULL, NULL, NULL);
	/* The current answer is the default. */
	check_resolve(e, "has_law", "", "yes", NULL);
	g_ptr_array_unref(answer(e, "law_year", "2012"));
	check_resolve(e, "law_year", "", "2012", NULL);
	char *def = entry_default(e, step_of(e, "law_year"));
	check_str(def, "2012");
	g_free(def);
}

static void test_prune(struct entry *e)
{
	g_ptr_array_unref(answer(e, "offences", "1"));
	GPtrArray *removed = answer(e, "has_law", "no");
	check_int(removed->len, 2);
	if (removed->len == 2) {
		const struct entry_removed *r0 = g_ptr_array_index(removed, 0);
		const struct entry_removed *r1 = g_ptr_array_index(removed, 1);
		check_str(r0->q->name, "law_year");
		check_str(r0->value, "2012");
		check_int(r0->why, ENTRY_NOT_APPLICABLE);
		check_str(r1->q->name, "offences");
		check_str(r1->value, "illegal_access");
	}
	g_ptr_array_unref(removed);
	ok(!entry_value(e, step_of(e, "law_year")), "the removed answer is gone from the reply");
	check_int(entry_n_answered(e), 1);

	removed = entry_removed_new();
	ok(!entry_set(e, step_of(e, "has_law"), "no", removed), "the same answer changes nothing");
	ok(entry_set(e, ENTRY_CHANNEL, "e-mail", removed), "metadata are set");
	check_str(e->reply->meta[RESP_CHANNEL], "e-mail");
	g_ptr_array_unref(removed);

	/* A reply written by hand may answer questions that do not apply. */
	resp_set(e->reply, form_question(e->form, "law_year")->index, "1999");
	removed = entry_removed_new();
	check_int(entry_prune(e, removed), 1);
	g_ptr_array_unref(removed);
}

static void test_prune_extra(struct entry *e)
{
	g_ptr_array_unref(answer(e, "region", "africa"));
	g_ptr_array_unref(answer(e, "treaties", "1 2"));
	check_resolve(e, "region", "asia", "asia", NULL);
	GPtrArray *removed = answer(e, "region", "asia");
	check_int(removed->len, 1);
	if (removed->len == 1) {
		const struct entry_removed *r = g_ptr_array_index(removed, 0);
		check_str(r->q->name, "treaties");
		check_str(r->value, "budapest malabo");
		check_int(r->why, ENTRY_BROKEN);
	}
	g_ptr_array_unref(removed);
	check_resolve(e, "treaties", "malabo", NULL, "Malabo is for Africa");

	/* An answer that was not valid already is left for the person to correct. */
	int count = step_of(e, "count");
	char *def = entry_default(e, count);
	check_str(def, "7");
	g_free(def);
	resp_set(e->reply, form_question(e->form, "count")->index, "abc");
	removed = answer(e, "region", "africa");
	check_int(removed->len, 0);
	g_ptr_array_unref(removed);
	check_str(entry_value(e, count), "abc");
	char *problem = entry_problem(e, count);
	check_str(problem, "'abc' is not an integer");
	g_free(problem);
	check_resolve(e, "count", "", NULL, "the current answer is not valid: 'abc' is not an integer");
	check_resolve(e, "count", NULL, NULL, NULL);
}

static void test_text(struct entry *e)
{
	const struct form_question *offences = form_question(e->form, "offences");
	char *s = entry_value_text(e, offences, "illegal_access none", 0);
	check_str(s, "1) Illegal access, 3) None of these");
	g_free(s);
	s = entry_value_text(e, offences, "illegal_access none", 35);
	check_str(s, "1) Illegal access, 3) None of these");
	g_free(s);
	s = entry_value_text(e, offences, "illegal_access none", 34);
	check_str(s, "1 3");
	g_free(s);
	s = entry_value_text(e, form_question(e->form, "comments"), "a long text", 3);
	check_str(s, "a long text");
	g_free(s);
	e->lang = form_lang_find(e->form, "fr");
	s = entry_value_text(e, offences, "interception", 0);
	check_str(s, "2) Interception illégale");
	g_free(s);
	e->lang = 0;
	s = entry_condition_text(e->form, "${has_law} = 'yes'");
	check_str(s, "1.1 = 'yes'");
	g_free(s);
	s = entry_condition_text(e->form, ". >= 1970 and . <= 2019");
	check_str(s, "the answer >= 1970 and the answer <= 2019");
	g_free(s);
	s = entry_condition_text(e->form, "not(selected(., 'a.b')) and . > .5");
	check_str(s, "not(selected(the answer, 'a.b')) and the answer > .5");
	g_free(s);
	s = entry_kind_hint(offences);
	check_str(s, "one or more, separated by spaces");
	g_free(s);
	ok(entry_kind_hint(form_question(e->form, "has_law")) == NULL, "a single choice needs no hint");
}

int main(void)
{
	setenv("SOURCE_DATE_EPOCH", "1567382400", 1);	/* 2019-09-02 */
	test_read_line();

	struct form *mini = load_mini();
	ok(mini != NULL, "the mini form loads");
	if (!mini)
		return tap_done();
	struct resp_reply *r = resp_new(mini);
	struct entry *e = entry_new(mini, r, 0);
	test_parse(e);
	test_walk(e);
	test_resolve(e);
	test_prune(e);
	test_text(e);
	entry_free(e);
	resp_free(r);
	form_free(mini);

	char *tmpdir;
	struct form *extra = load_extra(&tmpdir);
	ok(extra != NULL, "the extra form loads");
	if (extra) {
		r = resp_new(extra);
		e = entry_new(extra, r, 0);
		test_parse_extra(e);
		check_str(entry_number(extra, form_question(extra, "place_other")),
			  form_question(extra, "place")->number);
		test_prune_extra(e);
		entry_free(e);
		resp_free(r);
		form_free(extra);
	}
	g_rmdir(tmpdir);
	g_free(tmpdir);
	return tap_done();
}
