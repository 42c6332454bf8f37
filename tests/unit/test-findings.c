/* test-findings.c - unit tests for the rule that picks a report's main findings */
#include <config.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "findings.h"
#include "form.h"
#include "response.h"
#include "tally.h"
#include "fixture.h"
#include "tap.h"

/*
 * One form for every test.  Each test fills a tally with replies written
 * as "name=value;name=value" and checks what the rule finds.  Questions:
 *   law      select_one yn3 (yes, no, preparing)
 *   region   select_one reg (a, b, c): the crosstab's column variable
 *   conv     select_multiple cv (budapest, sco, arab, none)
 *   help     select_multiple hp (training, funds, none)
 *   view     select_one op (agree, disagree, unsure)
 *   staff    integer;  since  date;  why  text
 */
static const char form_csv[] =
	"survey,type,name,label\n"
	",select_one yn3,law,Has your State a law?\n"
	",select_one reg,region,Region\n"
	",select_multiple cv,conv,Conventions joined\n"
	",select_multiple hp,help,Assistance received\n"
	",select_one op,view,Do you agree?\n"
	",integer,staff,Staff\n"
	",date,since,Since\n"
	",text,why,Why\n"
	"choices,list_name,name,label\n"
	",yn3,yes,Yes\n"
	",yn3,no,No\n"
	",yn3,preparing,Preparing\n"
	",reg,a,Group A\n"
	",reg,b,Group B\n"
	",reg,c,Group C\n"
	",cv,budapest,Budapest\n"
	",cv,sco,SCO\n"
	",cv,arab,Arab League\n"
	",cv,none,None of these\n"
	",hp,training,Training\n"
	",hp,funds,Funds\n"
	",hp,none,None\n"
	",op,agree,Agree\n"
	",op,disagree,Disagree\n"
	",op,unsure,Unsure\n";

static struct form *form;
static struct resp_eval *ev;

static struct tally *tally_by(const char *by)
{
	struct tally_options o = { NULL, INT_MAX, by, false, NULL, false };
	return tally_new(form, &o, NULL);
}

/* Adds one reply, "law=yes;conv=budapest sco", to T (of FORM or of another form). */
static void add(struct tally *t, const char *answers)
{
	struct resp_eval *e = t->form == form ? ev : resp_eval_new(t->form);
	struct resp_reply *r = resp_new(t->form);
	char **pairs = g_strsplit(answers, ";", -1);
	for (char **p = pairs; *p; p++) {
		char *eq = strchr(*p, '=');
		if (!eq)
			continue;
		*eq = '\0';
		const struct form_question *q = form_question(t->form, *p);
		g_assert(q);
		resp_set(r, q->index, eq + 1);
	}
	g_strfreev(pairs);
	resp_eval_run(e, r->values);
	tally_add(t, r, e);
	resp_free(r);
	if (e != ev)
		resp_eval_free(e);
}

/* Adds TIMES replies ANSWERS. */
static void add_n(struct tally *t, int times, const char *answers)
{
	for (int i = 0; i < times; i++)
		add(t, answers);
}

/* The finding about question NAME in FS, or NULL. */
static const struct findings_finding *about(const GPtrArray *fs, const char *name)
{
	for (guint i = 0; i < fs->len; i++) {
		const struct findings_finding *f = g_ptr_array_index(fs, i);
		if (strcmp(f->q->name, name) == 0)
			return f;
	}
	return NULL;
}

static int choice_index(const char *question, const char *choice)
{
	const struct form_question *q = form_question(form, question);
	return form_choice(q->list, choice)->index;
}

/* Checks that FS's finding about QUESTION is KIND about CHOICE (NULL: -1) with K of N. */
static void finding_is(const GPtrArray *fs, const char *question, enum findings_kind kind,
		       const char *choice, unsigned long k, unsigned long n, int line)
{
	const struct findings_finding *f = about(fs, question);
	if (!tap_ok(f != NULL, __FILE__, line, "%s: a %s finding", question,
		    findings_kind_name(kind)))
		return;
	tap_check_str(findings_kind_name(f->kind), findings_kind_name(kind), __FILE__, line,
		      "kind");
	tap_check_int(f->choice, choice ? choice_index(question, choice) : -1, __FILE__, line,
		      "choice");
	tap_check_int((long long)f->k, (long long)k, __FILE__, line, "K");
	tap_check_int((long long)f->n, (long long)n, __FILE__, line, "N");
}
#define FINDING_IS(fs, q, kind, choice, k, n) finding_is((fs), (q), (kind), (choice), (k), (n), \
							   __LINE__)

static void no_finding(const GPtrArray *fs, const char *question, const char *why, int line)
{
	const struct findings_finding *f = about(fs, question);
	tap_ok(f == NULL, __FILE__, line, "%s: no finding (%s)%s%s", question, why,
	       f ? "; got " : "", f ? findings_kind_name(f->kind) : "");
}
#define NO_FINDING(fs, q, why) no_finding((fs), (q), (why), __LINE__)

/* The findings of T alone (finished, no crosstab), with MAX. */
static GPtrArray *find(struct tally *t, size_t max)
{
	tally_finish(t, NULL);
	struct findings_options o = { .max = max };
	return findings_find(t, &o);
}

/* "no" and "preparing" are said alike: one answer, counted under "no". */
static bool no_or_preparing(const struct form_question *q, size_t a, size_t b, void *data)
{
	(void)data;
	const char *na = ((const struct form_choice *)g_ptr_array_index(q->list->choices, a))->name;
	const char *nb = ((const struct form_choice *)g_ptr_array_index(q->list->choices, b))->name;
	return strcmp(na, "no") == 0 && strcmp(nb, "preparing") == 0;
}

static void test_same_answer(void)
{
	/* Nine States: yes 2, no 4, preparing 3: no answer has two thirds, a split ... */
	struct tally *t = tally_by(NULL);
	add_n(t, 2, "law=yes");
	add_n(t, 4, "law=no");
	add_n(t, 3, "law=preparing");
	tally_finish(t, NULL);
	GPtrArray *fs = findings_find(t, NULL);
	FINDING_IS(fs, "law", FINDINGS_SPLIT, "no", 4, 9);
	findings_free(fs);
	/* ... but said alike, no and preparing are 7 of 9, under the first of them. */
	struct findings_options o = { .same_answer = no_or_preparing };
	fs = findings_find(t, &o);
	FINDING_IS(fs, "law", FINDINGS_MAJORITY, "no", 7, 9);
	findings_free(fs);
	tally_free(t);
}

static void test_unanimity(void)
{
	struct tally *t = tally_by(NULL);
	/* Three States: all "yes"; all ticked "training", one "funds" too. */
	add(t, "law=yes;help=training funds;view=agree");
	add(t, "law=yes;help=training;view=agree");
	add(t, "law=yes;help=training;view=disagree");
	GPtrArray *fs = find(t, 0);
	FINDING_IS(fs, "law", FINDINGS_UNANIMITY, "yes", 3, 3);
	FINDING_IS(fs, "help", FINDINGS_UNANIMITY, "training", 3, 3);
	NO_FINDING(fs, "view", "2 of 3 is neither unanimity nor a majority of five");
	findings_free(fs);
	tally_free(t);

	/* Two States agreeing are no unanimity: N >= 3. */
	t = tally_by(NULL);
	add_n(t, 2, "law=no;help=funds");
	fs = find(t, 0);
	NO_FINDING(fs, "law", "both of two");
	NO_FINDING(fs, "help", "both of two");
	check_int(fs->len, 0);
	findings_free(fs);
	tally_free(t);
}

static void test_majority(void)
{
	struct tally *t = tally_by(NULL);
	/* Nine States: law 6-2-1, view 5-3-1 */
	add_n(t, 5, "law=yes;view=agree");
	add(t, "law=yes;view=disagree");
	add(t, "law=no;view=disagree");
	add(t, "law=no;view=disagree");
	add(t, "law=preparing;view=unsure");
	GPtrArray *fs = find(t, 0);
	FINDING_IS(fs, "law", FINDINGS_MAJORITY, "yes", 6, 9);
	NO_FINDING(fs, "view", "5 of 9 is a bare majority");
	findings_free(fs);
	tally_free(t);

	/* Seven of nine, as the Rapporteur led with; and N >= 5: 3 of 4 is nothing. */
	t = tally_by(NULL);
	add_n(t, 7, "law=yes");
	add(t, "law=no");
	add(t, "law=preparing");
	fs = find(t, 0);
	FINDING_IS(fs, "law", FINDINGS_MAJORITY, "yes", 7, 9);
	findings_free(fs);
	tally_free(t);

	t = tally_by(NULL);
	add_n(t, 3, "view=agree");
	add(t, "view=disagree");
	fs = find(t, 0);
	NO_FINDING(fs, "view", "3 of 4: too few States for a majority");
	findings_free(fs);
	tally_free(t);

	/* 4 of 6 is two thirds exactly: a majority. */
	t = tally_by(NULL);
	add_n(t, 4, "view=disagree");
	add_n(t, 2, "view=agree");
	fs = find(t, 0);
	FINDING_IS(fs, "view", FINDINGS_MAJORITY, "disagree", 4, 6);
	findings_free(fs);
	tally_free(t);
}

static void test_split(void)
{
	struct tally *t = tally_by(NULL);
	/* Nine States: view 4-3-2 splits; law 5-2-2 does not. */
	add_n(t, 4, "view=disagree;law=yes");
	add(t, "view=agree;law=yes");
	add_n(t, 2, "view=agree;law=no");
	add_n(t, 2, "view=unsure;law=preparing");
	GPtrArray *fs = find(t, 0);
	FINDING_IS(fs, "view", FINDINGS_SPLIT, "disagree", 4, 9);
	const struct findings_finding *f = about(fs, "view");
	if (f) {
		check_int(f->second, 3);
		const struct form_choice *c = g_ptr_array_index(f->q->list->choices, f->second_choice);
		check_str(c->name, "agree");
	}
	NO_FINDING(fs, "law", "5-2 is no split, 5 of 9 no majority");
	findings_free(fs);
	tally_free(t);

	/* 3-3-3: a three-way division names no two answers. */
	t = tally_by(NULL);
	add_n(t, 3, "view=agree");
	add_n(t, 3, "view=disagree");
	add_n(t, 3, "view=unsure");
	fs = find(t, 0);
	NO_FINDING(fs, "view", "three ways");
	findings_free(fs);
	tally_free(t);

	/* 2-2 of four splits (N >= 4, first of equals leads); 2-1 of three does not. */
	t = tally_by(NULL);
	add_n(t, 2, "view=agree");
	add_n(t, 2, "view=disagree");
	fs = find(t, 0);
	FINDING_IS(fs, "view", FINDINGS_SPLIT, "agree", 2, 4);
	findings_free(fs);
	tally_free(t);
	t = tally_by(NULL);
	add_n(t, 2, "view=agree");
	add(t, "view=disagree");
	fs = find(t, 0);
	NO_FINDING(fs, "view", "N < 4");
	findings_free(fs);
	tally_free(t);

	/* 2-2-1 of five: the pair covers two thirds; replies without an answer are not in N. */
	t = tally_by(NULL);
	add_n(t, 2, "view=agree");
	add_n(t, 2, "view=disagree");
	add(t, "view=unsure");
	add_n(t, 2, "law=yes");	/* answered law only: not in view's base */
	fs = find(t, 0);
	FINDING_IS(fs, "view", FINDINGS_SPLIT, "agree", 2, 5);
	findings_free(fs);
	tally_free(t);
}

static void test_none(void)
{
	struct tally *t = tally_by(NULL);
	/* Nine States: nobody joined Budapest (listed first); six "none". */
	add_n(t, 6, "conv=none;help=training");
	add(t, "conv=sco;help=funds");
	add(t, "conv=arab;help=funds");
	add(t, "conv=sco arab;help=training funds");
	GPtrArray *fs = find(t, 0);
	/* 6 of 9 "none" is a majority, which outranks the none of Budapest. */
	FINDING_IS(fs, "conv", FINDINGS_MAJORITY, "none", 6, 9);
	/* help: training 7 of 9 is a majority too; nobody ticked "none" */
	FINDING_IS(fs, "help", FINDINGS_MAJORITY, "training", 7, 9);
	findings_free(fs);
	tally_free(t);

	/* No majority: then the first choice nobody ticked is the finding. */
	t = tally_by(NULL);
	add_n(t, 2, "conv=none;help=training");
	add_n(t, 2, "conv=sco;help=funds");
	add(t, "conv=arab;help=training funds");
	fs = find(t, 0);
	FINDING_IS(fs, "conv", FINDINGS_NONE, "budapest", 0, 5);
	/* help's first choice was ticked; nobody ticked "none": everybody had some help */
	FINDING_IS(fs, "help", FINDINGS_NONE, "none", 0, 5);
	findings_free(fs);
	tally_free(t);

	/* Other unticked choices (arab here) are no finding; nor is a none of four. */
	t = tally_by(NULL);
	add_n(t, 2, "conv=budapest;help=funds");
	add_n(t, 2, "conv=sco;help=none");
	add(t, "conv=none;help=training");
	fs = find(t, 0);
	NO_FINDING(fs, "conv", "an unticked choice neither first nor none");
	findings_free(fs);
	tally_free(t);
	t = tally_by(NULL);
	add_n(t, 2, "conv=sco;help=funds");
	add_n(t, 2, "conv=none;help=training");
	fs = find(t, 0);
	NO_FINDING(fs, "conv", "N < 5");
	NO_FINDING(fs, "help", "N < 5");
	findings_free(fs);
	tally_free(t);

	/* A select_one's unchosen answer is never a "none". */
	t = tally_by(NULL);
	add_n(t, 3, "view=agree");
	add_n(t, 3, "view=disagree");
	fs = find(t, 0);
	FINDING_IS(fs, "view", FINDINGS_SPLIT, "agree", 3, 6);
	findings_free(fs);
	tally_free(t);
}

/* Select_multiple counts States, not ticks. */
static void test_states_not_ticks(void)
{
	struct tally *t = tally_by(NULL);
	/* Five States, fifteen ticks: sco 4 of 5 (not 4 of 15), training 5 of 5. */
	add_n(t, 4, "conv=budapest sco arab;help=training funds none");
	add(t, "conv=budapest;help=training");
	GPtrArray *fs = find(t, 0);
	FINDING_IS(fs, "conv", FINDINGS_UNANIMITY, "budapest", 5, 5);
	FINDING_IS(fs, "help", FINDINGS_UNANIMITY, "training", 5, 5);
	findings_free(fs);
	tally_free(t);

	t = tally_by(NULL);
	add_n(t, 4, "conv=sco arab;help=training funds");
	add(t, "conv=budapest arab");
	add(t, "conv=budapest");
	fs = find(t, 0);
	/* sco 4 of 6 States (two thirds); arab 5 of 6 leads. */
	FINDING_IS(fs, "conv", FINDINGS_MAJORITY, "arab", 5, 6);
	findings_free(fs);
	tally_free(t);
}

static void test_not_counted(void)
{
	struct tally *t = tally_by(NULL);
	add_n(t, 9, "staff=3;since=2019-01-01;why=same");
	GPtrArray *fs = find(t, 0);
	NO_FINDING(fs, "staff", "a number");
	NO_FINDING(fs, "since", "a date");
	NO_FINDING(fs, "why", "a text");
	check_int(fs->len, 0);
	findings_free(fs);
	tally_free(t);

	/* Empty tally, NULL options: nothing, no crash. */
	t = tally_by(NULL);
	tally_finish(t, NULL);
	fs = findings_find(t, NULL);
	check_int(fs->len, 0);
	findings_free(fs);
	findings_free(NULL);
	tally_free(t);
}

/*
 * Replies left out of the analysis set (non-members, late, invalid) never
 * reach the tally, and the rule reads nothing but the tally: taking a
 * State's reply out of the tally's counts, as the analysis set does,
 * changes the findings to those of the counts that remain.
 */
static void test_reads_only_the_tally(void)
{
	struct tally *t = tally_by(NULL);
	add_n(t, 6, "law=yes");
	add_n(t, 3, "law=no");
	GPtrArray *fs = find(t, 0);
	FINDING_IS(fs, "law", FINDINGS_MAJORITY, "yes", 6, 9);
	findings_free(fs);
	/* A non-member's reply is not added: the figures stay those of the tally. */
	struct tally_question *tq = (struct tally_question *)tally_find(t, "law");
	tq->counts[0]--;	/* as if one "yes" had been excluded */
	tq->answered--;
	fs = findings_find(t, NULL);
	NO_FINDING(fs, "law", "5 of 8 once the tally holds 8");
	findings_free(fs);
	tq->counts[1] -= 3;	/* and the three "no" */
	tq->answered -= 3;
	fs = findings_find(t, NULL);
	FINDING_IS(fs, "law", FINDINGS_UNANIMITY, "yes", 5, 5);
	findings_free(fs);
	tally_free(t);
}

/* The crosstab tally of the replies added to both T and X. */
static void add_both(struct tally *t, struct tally *x, int times, const char *answers)
{
	add_n(t, times, answers);
	add_n(x, times, answers);
}

static GPtrArray *find_cross(struct tally *t, struct tally *x, unsigned long disclose,
			     unsigned long small_cell)
{
	tally_finish(t, NULL);
	tally_finish(x, NULL);
	if (disclose)
		tally_disclose(x, disclose);
	struct findings_cross c = { "region", x };
	struct findings_options o = { .crosses = &c, .n_crosses = 1, .small_cell = small_cell };
	return findings_find(t, &o);
}

static void test_crosstab(void)
{
	/* 4-0 / 0-4 by region: Fisher p = 2/70 = 0.029, V = 1; no cell from 1 to 2. */
	struct tally *t = tally_by(NULL), *x = tally_by("region");
	add_both(t, x, 4, "law=yes;region=a");
	add_both(t, x, 4, "law=no;region=b");
	GPtrArray *fs = find_cross(t, x, 3, 3);
	FINDING_IS(fs, "law", FINDINGS_CROSSTAB, "yes", 4, 8);
	const struct findings_finding *f = about(fs, "law");
	if (f && f->kind == FINDINGS_CROSSTAB) {
		check_str(f->by, "region");
		ok(f->by_question == form_question(form, "region"), "the by question");
		check_int(f->n_groups, 3);
		check_int(f->group_k[0], 4);
		check_int(f->group_n[0], 4);
		check_int(f->group_k[1], 0);
		check_int(f->group_n[1], 4);
		check_int(f->group_n[2], 0);
		check_num(f->p, 2.0 / 70, 1e-9);
		check_num(f->effect, 1, 1e-9);
	}
	findings_free(fs);
	tally_free(t);
	tally_free(x);

	/* 5-1 / 0-4: p = 12/252 = 0.048, but the 1 is a small cell. */
	t = tally_by(NULL);
	x = tally_by("region");
	add_both(t, x, 5, "law=yes;region=a");
	add_both(t, x, 1, "law=no;region=a");
	add_both(t, x, 4, "law=no;region=b");
	fs = find_cross(t, x, 3, 0);
	/* Not a crosstab finding: the 5-5 of law is only a split. */
	FINDING_IS(fs, "law", FINDINGS_SPLIT, "yes", 5, 10);
	findings_free(fs);
	tally_free(t);
	tally_free(x);
	/* The same table not disclosed: the option's threshold still protects it... */
	t = tally_by(NULL);
	x = tally_by("region");
	add_both(t, x, 5, "law=yes;region=a");
	add_both(t, x, 1, "law=no;region=a");
	add_both(t, x, 4, "law=no;region=b");
	fs = find_cross(t, x, 0, 3);
	FINDING_IS(fs, "law", FINDINGS_SPLIT, "yes", 5, 10);
	findings_free(fs);
	/* ... and without any threshold the difference is a finding. */
	struct findings_cross c = { "region", x };
	struct findings_options o = { .crosses = &c, .n_crosses = 1 };
	fs = findings_find(t, &o);
	FINDING_IS(fs, "law", FINDINGS_CROSSTAB, "yes", 5, 10);
	findings_free(fs);
	tally_free(t);
	tally_free(x);

	/* 3-0 / 0-3 is N = 6 but p = 0.1: no crosstab finding, a split of 3-3. */
	t = tally_by(NULL);
	x = tally_by("region");
	add_both(t, x, 3, "law=yes;region=a");
	add_both(t, x, 3, "law=no;region=b");
	fs = find_cross(t, x, 0, 0);
	FINDING_IS(fs, "law", FINDINGS_SPLIT, "yes", 3, 6);
	findings_free(fs);
	tally_free(t);
	tally_free(x);

	/* Many States: p = 0.006 but phi = 0.2, a slight difference, so no crosstab finding. */
	t = tally_by(NULL);
	x = tally_by("region");
	add_both(t, x, 60, "law=yes;region=a");
	add_both(t, x, 40, "law=no;region=a");
	add_both(t, x, 40, "law=yes;region=b");
	add_both(t, x, 60, "law=no;region=b");
	fs = find_cross(t, x, 3, 3);
	ok(x->questions->len && tally_find(x, "law")->cross->tests.fisher.p < 0.01,
	   "the test alone would call it significant");
	FINDING_IS(fs, "law", FINDINGS_SPLIT, "yes", 100, 200);
	findings_free(fs);
	tally_free(t);
	tally_free(x);

	/* A crosstab tally of another form is not read. */
	struct form *other = form_load(form->path);
	if (other) {
		t = tally_by(NULL);
		struct tally_options xo = { NULL, INT_MAX, "region", false, NULL, false };
		x = tally_new(other, &xo, NULL);
		add_both(t, x, 4, "law=yes;region=a");
		add_both(t, x, 4, "law=no;region=b");
		tally_finish(t, NULL);
		tally_finish(x, NULL);
		struct findings_cross oc = { "region", x };
		struct findings_options oo = { .crosses = &oc, .n_crosses = 1 };
		fs = findings_find(t, &oo);
		ok(tally_find(x, "law")->cross->tests.fisher.p < 0.05,
		   "the other form's table differs");
		FINDING_IS(fs, "law", FINDINGS_SPLIT, "yes", 4, 8);
		findings_free(fs);
		tally_free(t);
		tally_free(x);
		form_free(other);
	}

	/* A unanimity outranks the crosstab of the same question: one finding per question. */
	t = tally_by(NULL);
	x = tally_by("region");
	add_both(t, x, 4, "law=yes;region=a;view=agree");
	add_both(t, x, 4, "law=no;region=b;view=agree");
	fs = find_cross(t, x, 0, 0);
	FINDING_IS(fs, "view", FINDINGS_UNANIMITY, "agree", 8, 8);
	FINDING_IS(fs, "law", FINDINGS_CROSSTAB, "yes", 4, 8);
	FINDING_IS(fs, "region", FINDINGS_SPLIT, "a", 4, 8);
	check_int(fs->len, 3);
	findings_free(fs);
	tally_free(t);
	tally_free(x);

	/* A crosstab outranks a split of the same question. */
	t = tally_by(NULL);
	x = tally_by("region");
	add_both(t, x, 4, "view=agree;region=a");
	add_both(t, x, 4, "view=disagree;region=b");
	fs = find_cross(t, x, 0, 0);
	FINDING_IS(fs, "view", FINDINGS_CROSSTAB, "agree", 4, 8);
	findings_free(fs);
	/* Without the crosstab it is a split. */
	fs = findings_find(t, NULL);
	FINDING_IS(fs, "view", FINDINGS_SPLIT, "agree", 4, 8);
	findings_free(fs);
	tally_free(t);
	tally_free(x);
}

/* Ranking: kind, then N, then form order; MAX cuts; the output is in form order. */
/* findings_options.stateable: every finding but one about question "law". */
static bool not_law(const struct findings_finding *f, void *data)
{
	(void)data;
	return strcmp(f->q->name, "law") != 0;
}

static void test_ranking(void)
{
	struct tally *t = tally_by(NULL);
	/*
	 * law:  unanimity of 3 (only three answered it)
	 * conv: majority 6 of 9
	 * help: unanimity of 9
	 * view: split 4-4 of 9 (4 agree, 4 disagree, 1 unsure)
	 * region: majority 7 of 9
	 */
	add_n(t, 3, "law=yes;conv=none;help=funds;view=agree;region=a");
	add_n(t, 3, "conv=none;help=funds;view=disagree;region=a");
	add(t, "conv=sco;help=funds;view=agree;region=a");
	add(t, "conv=arab;help=funds;view=disagree;region=b");
	add(t, "conv=sco;help=funds;view=unsure;region=c");
	GPtrArray *fs = find(t, 0);
	check_int(fs->len, 5);
	const char *order[] = { "law", "region", "conv", "help", "view" };
	for (guint i = 0; i < fs->len && i < 5; i++) {
		const struct findings_finding *f = g_ptr_array_index(fs, i);
		check_str(f->q->name, order[i]);
	}
	/* Strength: unanimity of 9 > unanimity of 3 > majority of 9 > split. */
	const struct findings_finding *help = about(fs, "help"), *law = about(fs, "law");
	const struct findings_finding *conv = about(fs, "conv"), *view = about(fs, "view");
	ok(help && law && conv && view && help->strength > law->strength &&
	   law->strength > conv->strength && conv->strength > view->strength,
	   "strength follows kind, then N");
	findings_free(fs);

	/* MAX 2: the two unanimities, in form order (law before help). */
	struct findings_options o = { .max = 2 };
	fs = findings_find(t, &o);
	check_int(fs->len, 2);
	if (fs->len == 2) {
		check_str(((struct findings_finding *)fs->pdata[0])->q->name, "law");
		check_str(((struct findings_finding *)fs->pdata[1])->q->name, "help");
	}
	findings_free(fs);
	/* MAX 3: then the larger... equal majorities of 9 go in form order: region before conv. */
	o.max = 3;
	fs = findings_find(t, &o);
	check_int(fs->len, 3);
	ok(about(fs, "region") && !about(fs, "conv") && !about(fs, "view"),
	   "max 3 keeps the first of equal majorities in form order");
	findings_free(fs);
	/* A finding the caller cannot state takes no place: without law, MAX 2 keeps help and region. */
	o.max = 2;
	o.stateable = not_law;
	fs = findings_find(t, &o);
	check_int(fs->len, 2);
	ok(!about(fs, "law") && about(fs, "help") && about(fs, "region"),
	   "a finding refused is dropped before the cut, and the next takes its place");
	findings_free(fs);
	tally_free(t);
}

/*
 * Property: on random data every finding is the tally's own counts, no
 * two share a question, they come in form order and there are at most
 * MAX.  KINDS counts the kinds seen, so that the test can show that the
 * data reached every kind.
 */
static bool check_property(struct tally *t, struct tally *x, size_t max, int *kinds)
{
	struct findings_cross c = { "region", x };
	struct findings_options o = { .max = max, .crosses = &c, .n_crosses = 1, .small_cell = 3 };
	GPtrArray *fs = findings_find(t, &o);
	bool good = fs->len <= (max ? max : FINDINGS_MAX_DEFAULT);
	GHashTable *seen = g_hash_table_new(NULL, NULL);
	int last = -1;
	for (guint i = 0; i < fs->len; i++) {
		const struct findings_finding *f = g_ptr_array_index(fs, i);
		kinds[f->kind]++;
		good &= !g_hash_table_contains(seen, f->q);
		g_hash_table_add(seen, (gpointer)f->q);
		good &= f->q->index > last;
		last = f->q->index;
		if (f->kind == FINDINGS_CROSSTAB) {
			const struct tally_question *xq = tally_find(x, f->q->name);
			const struct tally_cross *cr = xq->cross;
			size_t row = (size_t)f->choice;
			good &= f->n == cr->n && f->k == cr->row_bases[f->choice];
			good &= f->n_groups == cr->n_cols;
			for (size_t j = 0; j < f->n_groups; j++)
				good &= f->group_k[j] == cr->cells[row * cr->n_cols + j] &&
					f->group_n[j] == cr->col_bases[j] &&
					(f->group_k[j] == 0 || f->group_k[j] >= 3);
			good &= f->p < 0.05 && f->effect >= 0.3 && f->n >= 6;
			continue;
		}
		const struct tally_question *tq = tally_find(t, f->q->name);
		good &= f->n == tq->answered;
		good &= f->choice >= 0 && f->k == tq->counts[f->choice];
		switch (f->kind) {
		case FINDINGS_UNANIMITY:
			good &= f->k == f->n && f->n >= 3;
			break;
		case FINDINGS_MAJORITY:
			good &= 3 * f->k >= 2 * f->n && f->k < f->n && f->n >= 5;
			break;
		case FINDINGS_NONE:
			good &= f->k == 0 && f->n >= 5 && f->q->kind == FORM_SELECT_MULTIPLE;
			break;
		case FINDINGS_SPLIT:
			good &= f->k >= f->second && f->k - f->second <= 1 && f->second > 0 &&
				3 * (f->k + f->second) >= 2 * f->n && f->q->kind == FORM_SELECT_ONE;
			break;
		default:
			good = false;
		}
	}
	g_hash_table_destroy(seen);
	findings_free(fs);
	return good;
}

/* A random reply: the answers lean towards LEAN with probability CONC percent. */
static char *random_reply(GRand *rng, int lean, int conc, int noise)
{
	static const char *const law[] = { "yes", "no", "preparing" };
	static const char *const reg[] = { "a", "b", "c" };
	static const char *const view[] = { "agree", "disagree", "unsure" };
	static const char *const conv[] = { "budapest", "sco", "arab" };
	static const char *const help[] = { "training", "funds" };
	GString *a = g_string_new(NULL);
	int r = g_rand_int_range(rng, 0, 3);
	bool leans = g_rand_int_range(rng, 0, 100) < conc;
	if (g_rand_int_range(rng, 0, 10))
		g_string_append_printf(a, "law=%s;",
				       law[leans ? lean : g_rand_int_range(rng, 0, 3)]);
	g_string_append_printf(a, "region=%s;", reg[r]);
	/* view follows the region, but for NOISE percent of the States */
	if (g_rand_int_range(rng, 0, 6))
		g_string_append_printf(a, "view=%s;",
				       view[g_rand_int_range(rng, 0, 100) < noise
						    ? g_rand_int_range(rng, 0, 3) : r]);
	GString *ticks = g_string_new(NULL);
	for (int c = 0; c < 3; c++)
		if (g_rand_int_range(rng, 0, 100) < (c == lean ? conc : 100 - conc) / (c + 1))
			g_string_append_printf(ticks, "%s%s", ticks->len ? " " : "", conv[c]);
	g_string_append_printf(a, "conv=%s;", ticks->len ? ticks->str : "none");
	g_string_truncate(ticks, 0);
	for (int c = 0; c < 2; c++)
		if (g_rand_int_range(rng, 0, 100) < (leans ? 90 : 40))
			g_string_append_printf(ticks, "%s%s", ticks->len ? " " : "", help[c]);
	g_string_append_printf(a, "help=%s", ticks->len ? ticks->str : "none");
	g_string_free(ticks, TRUE);
	return g_string_free(a, FALSE);
}

static void test_property(void)
{
	enum { SEEDS = 60 };
	int kinds[FINDINGS_N_KINDS] = { 0 };
	int failed = 0, cut = 0;
	for (guint32 seed = 1; seed <= SEEDS; seed++) {
		GRand *rng = g_rand_new_with_seed(seed);
		struct tally *t = tally_by(NULL), *x = tally_by("region");
		int states = g_rand_int_range(rng, 0, 48);
		int lean = g_rand_int_range(rng, 0, 3);
		int conc = (int[]){ 40, 75, 95, 100 }[g_rand_int_range(rng, 0, 4)];
		int noise = (int[]){ 0, 10, 40 }[g_rand_int_range(rng, 0, 3)];
		for (int i = 0; i < states; i++) {
			char *a = random_reply(rng, lean, conc, noise);
			add(t, a);
			add(x, a);
			g_free(a);
		}
		tally_finish(t, NULL);
		tally_finish(x, NULL);
		if (g_rand_boolean(rng))
			tally_disclose(x, 3);
		int all[FINDINGS_N_KINDS] = { 0 }, few[FINDINGS_N_KINDS] = { 0 };
		size_t max = 1 + seed % 3;
		if (!check_property(t, x, 0, all) || !check_property(t, x, max, few)) {
			tap_diag("seed %u: a finding disagrees with the tally", seed);
			failed++;
		}
		int n_all = 0, n_few = 0;
		for (int k = 0; k < FINDINGS_N_KINDS; k++) {
			kinds[k] += all[k];
			n_all += all[k];
			n_few += few[k];
		}
		cut += n_all > n_few;
		tally_free(t);
		tally_free(x);
		g_rand_free(rng);
	}
	check_int(failed, 0);
	for (int k = 0; k < FINDINGS_N_KINDS; k++)
		tap_ok(kinds[k] > 0, __FILE__, __LINE__, "the random data reach %s (%d findings)",
		       findings_kind_name((enum findings_kind)k), kinds[k]);
	tap_ok(cut > 0, __FILE__, __LINE__, "max cuts the findings of %d seeds", cut);
}

int main(void)
{
	form = fixture_form(form_csv, "form.csv");
	if (tap_check_int(form != NULL, 1, __FILE__, __LINE__, "the form loads")) {
		ev = resp_eval_new(form);
		test_unanimity();
		test_majority();
		test_same_answer();
		test_split();
		test_none();
		test_states_not_ticks();
		test_not_counted();
		test_reads_only_the_tally();
		test_crosstab();
		test_ranking();
		test_property();
		resp_eval_free(ev);
		form_free(form);
	}
	return tap_done();
}
