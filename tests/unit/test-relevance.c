/* test-relevance.c - unit tests for skip logic remembered by the answers it reads (resp-eval.c) */
#include <config.h>
#include "response.h"

#include <string.h>
#include <glib.h>

#include "fixture.h"
#include "form.h"
#include "tap.h"

/*
 * Each relevant below is checked, reply after reply, against what it
 * says written out in C, so a remembered value that is stale, or shared
 * by two keys that only look alike, fails; and the evaluations counted
 * say which relevants are remembered and which are evaluated each time.
 */
static const char form_csv[] =
	"survey,type,name,label,relevant\n"
	",select_one abc,a,A,\n"
	",text,b,B,\n"
	",integer,n,N,\n"
	",text,q1,Q1,${a} = 'x'\n"
	",begin group,g,G,${a} = 'x'\n"
	",text,q2,Q2,${a} = 'x'\n"
	",end group,,,\n"
	",text,q3,Q3,${a} = 'x' and ${b} = 'y'\n"
	",text,q4,Q4,string-length(${b}) > 70\n"
	",text,q5,Q5,${n} > 4\n"
	",text,q6,Q6,today() = today() and ${a} = 'x'\n"
	"choices,list_name,name,label\n"
	",abc,x,X\n"
	",abc,y,Y\n"
	",abc,xy,XY\n"
	",abc,z,Z\n";

static struct form *form;
static struct resp_eval *ev;
static char **values;

static int index_of(const char *name)
{
	const struct form_question *q = form_question(form, name);
	g_assert(q);
	return (int)q->index;
}

/* Evaluates the reply A, B, N (NULL: unanswered); returns how many relevants were evaluated. */
static unsigned long run(const char *a, const char *b, const char *n)
{
	values[index_of("a")] = (char *)a;
	values[index_of("b")] = (char *)b;
	values[index_of("n")] = (char *)n;
	unsigned long before = ev->relevants_evaluated;
	resp_eval_run(ev, values);
	return ev->relevants_evaluated - before;
}

static bool is(const char *v, const char *want)
{
	return v && strcmp(v, want) == 0;
}

/* Whether every question's relevance is what its relevant says of A, B and N. */
static bool as_written(const char *a, const char *b, const char *n)
{
	bool x = is(a, "x");
	bool want[] = { x, x, x && is(b, "y"), b && strlen(b) > 70, n && atoi(n) > 4, x };
	static const char *const names[] = { "q1", "q2", "q3", "q4", "q5", "q6" };
	bool same = true;
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
		if (ev->relevant[index_of(names[i])] != want[i]) {
			tap_diag("a=%s b=%s n=%s: %s is %d", a ? a : "(none)", b ? b : "(none)",
				 n ? n : "(none)", names[i], ev->relevant[index_of(names[i])]);
			same = false;
		}
	return same;
}

static const char long_b[] =
	"a text of more than seventy bytes, longer than a key the memo holds, 0123456789";

/* Replies drawn from a seed: every relevant as written, whatever came before. */
static void test_as_written(void)
{
	static const char *const as[] = { "x", "y", "xy", "z", NULL };
	static const char *const bs[] = { "y", "", "xy", "yy", long_b, NULL };
	static const char *const ns[] = { "1", "4", "5", "12", "-3", "7", "0", "9", "10",
					  "11", "13", "2", NULL };
	GRand *rng = g_rand_new_with_seed(2019);
	bool all = true;
	for (int i = 0; i < 5000 && all; i++) {
		const char *a = as[g_rand_int_range(rng, 0, G_N_ELEMENTS(as))];
		const char *b = bs[g_rand_int_range(rng, 0, G_N_ELEMENTS(bs))];
		const char *n = ns[g_rand_int_range(rng, 0, G_N_ELEMENTS(ns))];
		if (b && !*b)
			b = NULL;	/* an answer is never "" */
		run(a, b, n);
		all = as_written(a, b, n);
	}
	ok(all, "5,000 replies from seed 2019: every relevant as written");
	g_rand_free(rng);
}

/* Which evaluations the memo spares, counted on a fresh evaluator for each case. */
static void test_evaluations(void)
{
	resp_eval_free(ev);
	ev = resp_eval_new(form);
	/* q1, g and q2 share "${a} = 'x'"; q3, q4, q5 and q6 are one each. */
	ok(run("x", "y", "5") == 5, "a first reply evaluates each distinct relevant once");
	ok(run("x", "y", "5") == 1, "the same answers again: only today()'s relevant");
	ok(run("y", "y", "5") == 3, "another a: its two relevants, and today()'s");
	ok(run("x", "y", "5") == 1 && as_written("x", "y", "5"), "the first a again: remembered");
	/* "x" + "y" and "xy" + none would be one key without each text's end. */
	ok(run("xy", NULL, "5") == 4 && as_written("xy", NULL, "5"),
	   "a = xy, b unanswered is not a = x, b = y");
	ok(run("xy", long_b, "5") == 3 && run("xy", long_b, "5") == 3,
	   "a text longer than a key is evaluated each time");
	unsigned long n = 0;
	bool all = true;
	for (int round = 0; round < 2; round++)
		for (int k = 1; k <= 9; k++) {
			char text[4];
			g_snprintf(text, sizeof text, "%d", k);
			n += run("x", "y", text);
			all = all && as_written("x", "y", text);
		}
	ok(all, "n from 1 to 9, twice: every relevant as written");
	/*
	 * "${n} > 4" holds 5 already.  The first round adds 1 to 4 and 6 to 8,
	 * then 9 takes the place of the oldest, 5; in the second, only 5 is
	 * evaluated again.  today()'s relevant is evaluated every time.
	 */
	ok(n == 8 + 1 + 2 * 9, "n from 1 to 9, twice: %lu evaluations", n);
}

/*
 * A relevant that builds a value too long is reported for every reply
 * that makes it do so: such an evaluation is not remembered.
 */
static void test_too_long(void)
{
	GString *csv = g_string_new("survey,type,name,label,relevant\n,text,b,B,\n"
				    ",text,q,Q,\"string-length(concat(${b}");
	for (int i = 1; i < 20000; i++)
		g_string_append(csv, ", ${b}");
	g_string_append(csv, ")) > 0\"\n");
	struct form *f = fixture_form(csv->str, "long.csv");
	g_string_free(csv, TRUE);
	ok(f != NULL, "a form whose relevant joins b 20,000 times");
	if (!f)
		return;
	struct resp_eval *e = resp_eval_new(f);
	struct resp_reply *r = resp_new(f);
	resp_set(r, form_question(f, "b")->index, "sixty bytes of text, sixty bytes of text, sixty bytes of t");
	int reported = 0;
	for (int i = 0; i < 3; i++) {
		resp_eval_run(e, r->values);
		reported += resp_eval_report(e, r);
	}
	ok(reported == 3 && e->relevants_evaluated == 3, "three replies: three evaluations, "
	   "three reports (%d, %lu)", reported, e->relevants_evaluated);
	resp_free(r);
	resp_eval_free(e);
	form_free(f);
}

int main(void)
{
	form = fixture_form(form_csv, "relevance.csv");
	g_assert(form);
	ev = resp_eval_new(form);
	values = g_new0(char *, form_n_questions(form) + 1);
	test_as_written();
	test_evaluations();
	test_too_long();
	g_free(values);
	resp_eval_free(ev);
	form_free(form);
	return tap_done();
}
