/* test-chunked.c - unit tests for reading one export in parts on threads */
#include <config.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <string.h>

#include "analysis.h"
#include "chunked.h"
#include "form.h"
#include "msg.h"
#include "response.h"
#include "source.h"
#include "tally.h"
#include "fixture.h"
#include "tap.h"

/*
 * chunked_read() must either give the figures one pass gives, or decline
 * (0) having printed nothing.  The export is generated from a seed, about
 * 1.5 MB so that two and four parts are worth their threads, with
 * multi-line quoted texts, several ticks per State and distinct decimals.
 */
static const char form_csv[] =
	"survey,type,name,label,relevant,constraint\n"
	",select_one reg,region,Region,,\n"
	",select_multiple tk,ticks,Ticks,,\n"
	",rank tk,order,Order,,\n"
	",integer,staff,Staff,${region} != 'c',. >= 0\n"
	",decimal,budget,Budget,,\n"
	",date,since,Since,,\n"
	",text,why,Why,,\n"
	"choices,list_name,name,label\n"
	",reg,a,Group A\n"
	",reg,b,Group B\n"
	",reg,c,Group C\n"
	",tk,w,W\n"
	",tk,x,X\n"
	",tk,y,Y\n"
	",tk,z,Z\n";

static struct form *form;
static char *dir;

enum plant { CLEAN, TWICE, INVALID, INVALID_EARLY };

/* Writes N rows from SEED to a file in DIR and returns its path; PLANT spoils it near its end. */
static char *export(int n, guint32 seed, enum plant plant)
{
	static const char *const ticks[] = { "w", "x", "y", "z", "w x", "x z", "w y z", "z" };
	static const char *const orders[] = { "w x y z", "z y x w", "x w z y" };
	GRand *rng = g_rand_new_with_seed(seed);
	GString *s = g_string_new("respondent,submitted,region,ticks,order,staff,budget,since,why\n");
	for (int i = 0; i < n; i++) {
		int code = plant == TWICE && i == n - 10 ? 17 : i;
		char region = (char)('a' + g_rand_int_range(rng, 0, 3));
		g_string_append_printf(s, "R%06d,2019-05-%02d,%c,%s,%s,", code,
				       1 + g_rand_int_range(rng, 0, 28), region,
				       ticks[g_rand_int_range(rng, 0, 8)],
				       orders[g_rand_int_range(rng, 0, 3)]);
		if ((plant == INVALID && i == n - 10) || (plant == INVALID_EARLY && i == 100))
			g_string_append(s, "many");
		else if (region != 'c')
			g_string_append_printf(s, "%d", g_rand_int_range(rng, 0, 60));
		g_string_append_printf(s, ",%.3f,2019-%02d-%02d,", g_rand_double_range(rng, 0, 1e5),
				       1 + g_rand_int_range(rng, 0, 12), 1 + g_rand_int_range(rng, 0, 28));
		if (i % 37 == 0)
			g_string_append_printf(s, "\"Line one, %d\nline \"\"two\"\"\"\n", i);
		else
			g_string_append_printf(s, "Answer %u\n", g_rand_int(rng) % 1000);
	}
	char *path = g_build_filename(dir, "export.csv", NULL);
	g_file_set_contents(path, s->str, (gssize)s->len, NULL);
	g_string_free(s, TRUE);
	g_rand_free(rng);
	return path;
}

static const struct tally_options topt = { NULL, INT_MAX, "region", true, NULL, false };
static const struct analysis_options aopt = { NULL, INT_MAX, 0, false, NULL };
static const struct source_options sopt = { NULL, true, NULL };

static void count_included(void *data, const struct resp_reply *r, enum analysis_reason reason,
			   const struct resp_eval *ev)
{
	if (reason == ANALYSIS_INCLUDED)
		tally_add(data, r, ev);
}

/* One pass, as tab reads without threads. */
static struct tally *one_pass(char *path, struct analysis **a)
{
	struct tally *t = tally_new(form, &topt, NULL);
	struct source *src = source_open(form, &path, 1, &sopt);
	*a = analysis_new(form, &aopt);
	int problems = 0;
	analysis_read(*a, src, count_included, t, &problems);
	source_close(src);
	return t;
}

static bool same_counts(const unsigned long *x, const unsigned long *y, size_t n)
{
	return n == 0 || memcmp(x, y, n * sizeof *x) == 0;
}

/* Whether every figure of the two tallies is the same. */
static bool same_tally(struct tally *x, struct tally *y)
{
	tally_finish(x, NULL);
	tally_finish(y, NULL);
	bool same = x->included == y->included && x->questions->len == y->questions->len;
	for (guint i = 0; same && i < x->questions->len; i++) {
		const struct tally_question *p = g_ptr_array_index(x->questions, i);
		const struct tally_question *q = g_ptr_array_index(y->questions, i);
		same = p->base == q->base && p->answered == q->answered &&
		       p->not_applicable == q->not_applicable && p->no_answer == q->no_answer &&
		       same_counts(p->counts, q->counts, p->n_choices);
		if (same && p->rank_sum)
			same = memcmp(p->rank_sum, q->rank_sum, p->n_choices * sizeof(double)) == 0 &&
			       same_counts(p->firsts, q->firsts, p->n_choices);
		if (same && p->cross)
			same = p->cross->n == q->cross->n &&
			       same_counts(p->cross->cells, q->cross->cells,
					   p->cross->n_rows * p->cross->n_cols);
		if (same && p->numbers) {
			const double *v1, *c1, *v2, *c2;
			size_t n1, n2;
			tally_numbers(p, &v1, &c1, &n1);
			tally_numbers(q, &v2, &c2, &n2);
			same = n1 == n2 && (n1 == 0 || (memcmp(v1, v2, n1 * sizeof(double)) == 0 &&
							   memcmp(c1, c2, n1 * sizeof(double)) == 0)) &&
			       memcmp(&p->summary, &q->summary, sizeof p->summary) == 0;
		}
		if (same && p->months) {
			int *m1, *m2;
			unsigned long *k1, *k2;
			size_t n1, n2;
			tally_months(p, &m1, &k1, &n1);
			tally_months(q, &m2, &k2, &n2);
			same = n1 == n2 && memcmp(m1, m2, n1 * sizeof(int)) == 0 &&
			       same_counts(k1, k2, n1) && p->earliest == q->earliest &&
			       p->latest == q->latest;
			g_free(m1), g_free(k1), g_free(m2), g_free(k2);
		}
		if (same && p->combinations) {
			GArray *a = tally_combinations(p), *b = tally_combinations(q);
			same = a->len == b->len;
			for (guint k = 0; same && k < a->len; k++)
				same = strcmp(g_array_index(a, struct tally_combination, k).value,
					      g_array_index(b, struct tally_combination, k).value) == 0 &&
				       g_array_index(a, struct tally_combination, k).count ==
					       g_array_index(b, struct tally_combination, k).count;
			g_array_free(a, TRUE);
			g_array_free(b, TRUE);
		}
		for (guint k = 0; same && p->texts && k < p->texts->len; k++)
			same = strcmp(((struct tally_text *)g_ptr_array_index(p->texts, k))->text,
				      ((struct tally_text *)g_ptr_array_index(q->texts, k))->text) == 0;
		same = same && (!p->texts || p->texts->len == q->texts->len);
	}
	return same;
}

/* chunked_read() with JOBS threads; prints nothing, or says so. */
static int read_in_parts(char *path, int jobs, struct analysis **a, struct tally **t, bool *quiet)
{
	GString *heard = g_string_new(NULL);
	GString *before = msg_capture(heard);
	int used = chunked_read(form, &path, 1, &sopt, &aopt, &topt, jobs, a, t);
	msg_capture(before);
	*quiet = heard->len == 0;
	g_string_free(heard, TRUE);
	return used;
}

static void test_clean(guint32 seed)
{
	char *path = export(12000, seed, CLEAN);
	struct analysis *a1;
	struct tally *t1 = one_pass(path, &a1);
	for (int jobs = 1; jobs <= 4; jobs *= 2) {
		struct analysis *a = NULL;
		struct tally *t = NULL;
		bool quiet;
		int used = read_in_parts(path, jobs, &a, &t, &quiet);
		ok(used == 1 && quiet, "seed %u, %d threads: the parts are used, silently", seed, jobs);
		ok(used && a->count[ANALYSIS_INCLUDED] == 12000 && a->replies == 12000,
		   "seed %u, %d threads: every reply is included once", seed, jobs);
		ok(used && same_tally(t1, t), "seed %u, %d threads: every figure is one pass's", seed,
		   jobs);
		analysis_free(a);
		tally_free(t);
	}
	analysis_free(a1);
	tally_free(t1);
	g_unlink(path);
	g_free(path);
}

static void test_declined(enum plant plant, int jobs, const char *what)
{
	char *path = export(12000, 7, plant);
	struct analysis *a = NULL;
	struct tally *t = NULL;
	bool quiet;
	int used = read_in_parts(path, jobs, &a, &t, &quiet);
	ok(used == 0 && quiet && !a && !t, "%s, %d threads: declined, with nothing printed or made",
	   what, jobs);
	g_unlink(path);
	g_free(path);
}

static void test_small(void)
{
	char *path = export(100, 3, CLEAN);
	struct analysis *a = NULL;
	struct tally *t = NULL;
	bool quiet;
	ok(read_in_parts(path, 2, &a, &t, &quiet) == 0 && quiet && !a && !t,
	   "a file smaller than a part is read in one pass, with 2 jobs");
	ok(read_in_parts(path, 1, &a, &t, &quiet) == 0 && quiet && !a && !t,
	   "a file smaller than a part is read in one pass, with 1 job");
	g_unlink(path);
	g_free(path);
}

int main(void)
{
	form = fixture_form(form_csv, "chunked.csv");
	dir = g_dir_make_tmp("quire-chunked-XXXXXX", NULL);
	if (!form || !dir)
		return 1;
	test_clean(1);
	test_clean(2);
	/* One job is one part, whose second-reply check is by fingerprint too. */
	test_declined(TWICE, 1, "a respondent twice in one part");
	test_declined(TWICE, 2, "a respondent in both halves");
	test_declined(INVALID, 1, "an invalid answer near the end");
	test_declined(INVALID, 2, "an invalid answer near the end");
	/* The first part stops early: the others must still be waited for before they are freed. */
	for (int i = 0; i < 20; i++)
		test_declined(INVALID_EARLY, 4, "an invalid answer in the first part");
	test_small();
	g_rmdir(dir);
	g_free(dir);
	form_free(form);
	return tap_done();
}
