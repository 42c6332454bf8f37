/* gen-wide.c - synthetic replies for benchmarks: a wide CSV of N random replies to a form */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "form.h"
#include "isodate.h"
#include "response.h"
#include "wide.h"

/*
 * Usage: gen-wide FORM N [SEED [valid]] > out.csv
 *
 * Writes N replies in quire's export format.  Each answer is random but
 * well formed for its question (a choice of the list, a number, a date),
 * and answers to questions that do not apply are dropped, so the file is
 * what a real export of N replies would look like.  With "valid", answers
 * are also drawn again until they meet their constraints, so the replies
 * pass quire validate (slower: for report benchmarks).  The same seed
 * gives the same file.
 */

static void random_choices(GRand *rng, const struct form_question *q, GString *out, bool rank)
{
	guint n = q->list->choices->len;
	guint k = rank ? n : 1 + (guint)g_rand_int_range(rng, 0, MIN(3, (gint32)n));
	guint *order = g_new(guint, n);
	for (guint i = 0; i < n; i++)
		order[i] = i;
	for (guint i = 0; i < k; i++) {
		guint j = i + (guint)g_rand_int_range(rng, 0, (gint32)(n - i));
		guint t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	if (!rank) {
		/* selected choices in list order, as entry tools store them */
		for (guint i = 1; i < k; i++)
			for (guint j = i; j > 0 && order[j] < order[j - 1]; j--) {
				guint t = order[j];
				order[j] = order[j - 1];
				order[j - 1] = t;
			}
	}
	for (guint i = 0; i < k; i++) {
		const struct form_choice *c = g_ptr_array_index(q->list->choices, order[i]);
		g_string_append_printf(out, "%s%s", i ? " " : "", c->name);
	}
	g_free(order);
}

static char *random_value(GRand *rng, const struct form_question *q)
{
	GString *s = g_string_new(NULL);
	switch (q->kind) {
	case FORM_SELECT_ONE:
		if (q->list && q->list->choices->len) {
			guint i = (guint)g_rand_int_range(rng, 0, (gint32)q->list->choices->len);
			const struct form_choice *c = g_ptr_array_index(q->list->choices, i);
			g_string_append(s, c->name);
		}
		break;
	case FORM_SELECT_MULTIPLE:
	case FORM_RANK:
		if (q->list && q->list->choices->len)
			random_choices(rng, q, s, q->kind == FORM_RANK);
		break;
	case FORM_INTEGER:
		/* small counts mostly; now and then a year, or a larger figure */
		switch (g_rand_int_range(rng, 0, 4)) {
		case 0:
			g_string_append_printf(s, "%d", g_rand_int_range(rng, 1990, 2019));
			break;
		case 1:
			g_string_append_printf(s, "%d", g_rand_int_range(rng, 0, 400));
			break;
		default:
			g_string_append_printf(s, "%d", g_rand_int_range(rng, 0, 61));
		}
		break;
	case FORM_DECIMAL:
		/* amounts to three places: a million replies give nearly a million distinct values */
		g_string_append_printf(s, "%.3f", g_rand_double_range(rng, 0.001, 100000));
		break;
	case FORM_RANGE:
		/* a step from the range's start */
		g_string_append_printf(s, "%g", q->range_start + q->range_step *
				       g_rand_int_range(rng, 0, 1 + (gint32)((q->range_end - q->range_start) / q->range_step)));
		break;
	case FORM_DATE:
		{
			char d[ISODATE_BUFSIZE];
			isodate_format(isodate_from_ymd(2019, 1, 1) + g_rand_int_range(rng, 0, 180), d);
			g_string_append(s, d);
		}
		break;
	case FORM_TEXT:
		switch (g_rand_int_range(rng, 0, 4)) {
		case 0:
			g_string_append_printf(s, "Reply %u, with a comma, and \"quotes\"",
					       g_rand_int(rng) % 100000);
			break;
		case 1:
			g_string_append_printf(s, "officer%u@example.org", g_rand_int(rng) % 100000);
			break;
		default:
			g_string_append_printf(s, "Answer %u", g_rand_int(rng) % 100000);
		}
		break;
	default:
		break;
	}
	return g_string_free(s, FALSE);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: gen-wide FORM N [SEED]\n");
		return 2;
	}
	struct form *form = form_load(argv[1]);
	if (!form)
		return 1;
	unsigned long n = strtoul(argv[2], NULL, 10);
	GRand *rng = g_rand_new_with_seed(argc > 3 ? (guint32)strtoul(argv[3], NULL, 10) : 2019);
	bool valid = argc > 4 && strcmp(argv[4], "valid") == 0;
	struct resp_reply *r = resp_new(form);
	struct resp_eval *ev = resp_eval_new(form);
	struct wide_writer *w = wide_writer_new(form, stdout, NULL);
	char code[32], date[ISODATE_BUFSIZE];
	for (unsigned long i = 0; i < n; i++) {
		resp_clear(r);
		g_snprintf(code, sizeof code, "R%07lu", i + 1);
		isodate_format(isodate_from_ymd(2019, 4, 1) + (int)(i % 150), date);
		resp_set_meta(r, RESP_RESPONDENT, code);
		resp_set_meta(r, RESP_SUBMITTED, date);
		for (size_t q = 0; q < form_n_questions(form); q++) {
			const struct form_question *fq = form_question_at(form, q);
			char *v = random_value(rng, fq);
			/* Draw again until the constraint holds, when asked to. */
			for (int tries = 0; valid && fq->constraint && tries < 50; tries++) {
				resp_set(r, (int)q, v);
				resp_eval_run(ev, r->values);
				if (resp_eval_constraint(ev, fq, v))
					break;
				g_free(v);
				v = random_value(rng, fq);
			}
			resp_set(r, (int)q, v);
			g_free(v);
		}
		/* Drop what does not apply, as an entry tool would. */
		resp_eval_run(ev, r->values);
		for (size_t q = 0; q < form_n_questions(form); q++)
			if (!ev->relevant[q])
				resp_set(r, (int)q, NULL);
		wide_writer_add(w, r, ev);
	}
	bool ok = wide_writer_finish(w);
	resp_eval_free(ev);
	resp_free(r);
	g_rand_free(rng);
	form_free(form);
	return ok && fflush(stdout) == 0 ? 0 : 1;
}
