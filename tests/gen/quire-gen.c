/* quire-gen.c - random questionnaires, rosters and replies from a seed, with the true figures */
#include <config.h>
#include "gen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"Usage: quire-gen SEED OUTDIR [--invalid] [--plain]\n"
	"Writes OUTDIR/form (survey.csv, choices.csv, settings.csv), OUTDIR/roster.csv,\n"
	"OUTDIR/cutoff, the replies OUTDIR/data/CODE.csv and OUTDIR/truth.json, the\n"
	"figures quire must print for them (see gen-truth.c for the rules).  The same\n"
	"SEED always gives the same files.\n"
	"\n"
	"  --invalid   also plant a few invalid replies, listed in OUTDIR/invalid.txt\n"
	"              as FILE:LINE (paths relative to OUTDIR)\n"
	"  --plain     only members on the cut-off date reply, and nothing is incomplete\n";

static void question_free(gpointer p)
{
	struct gen_question *q = p;
	g_free(q->name);
	g_free(q->label);
	if (q->choices)
		g_ptr_array_free(q->choices, TRUE);
	g_free(q->weights);
	g_free(q);
}

static void group_free(gpointer p)
{
	struct gen_group *gr = p;
	g_free(gr->name);
	g_free(gr->label);
	g_free(gr);
}

static void member_free(gpointer p)
{
	struct gen_member *m = p;
	g_free(m->code);
	g_free(m->name);
	g_free(m->region);
	g_free(m);
}

void gen_reply_free(gpointer p)
{
	struct gen_reply *r = p;
	for (size_t i = 0; i < r->n_values; i++)
		g_free(r->values[i]);
	g_free(r->code);
	g_free(r->file);
	g_free(r->planted);
	g_free(r->applies);
	g_free(r->values);
	g_free(r);
}

static struct gen *gen_new(guint32 seed, bool plain, bool invalid)
{
	struct gen *g = g_new0(struct gen, 1);
	g->rand = g_rand_new_with_seed(seed);
	g->form.id = g_strdup_printf("propgen-%u", seed);
	g->form.questions = g_ptr_array_new_with_free_func(question_free);
	g->form.groups = g_ptr_array_new_with_free_func(group_free);
	g->members = g_ptr_array_new_with_free_func(member_free);
	g->replies = g_ptr_array_new_with_free_func(gen_reply_free);
	g->regions = g_ptr_array_new_with_free_func(g_free);
	g->codes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g->plain = plain;
	g->invalid = invalid;
	return g;
}

void gen_free(struct gen *g)
{
	g_rand_free(g->rand);
	g_free(g->form.id);
	g_free(g->form.title);
	g_free(g->form.version);
	g_ptr_array_free(g->form.questions, TRUE);
	g_ptr_array_free(g->form.groups, TRUE);
	g_ptr_array_free(g->members, TRUE);
	g_ptr_array_free(g->replies, TRUE);
	g_ptr_array_free(g->regions, TRUE);
	g_hash_table_destroy(g->codes);
	g_free(g);
}

/* A random question of KIND for --by, or -1. */
static int pick_by(struct gen *g, enum gen_kind kind)
{
	int found = -1, seen = 0;
	for (guint i = 0; i < g->form.questions->len; i++) {
		const struct gen_question *q = g_ptr_array_index(g->form.questions, i);
		if (q->kind == kind && gen_int(g, 0, seen++) == 0)
			found = (int)i;
	}
	return found;
}

static bool parse_seed(const char *s, guint32 *seed)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	*seed = (guint32)v;
	return *s && !*end && errno == 0 && v <= G_MAXUINT32;
}

int main(int argc, char **argv)
{
	bool invalid = false, plain = false;
	int n_args = 0;
	const char *args[2] = { NULL, NULL };
	guint32 seed;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--invalid") == 0)
			invalid = true;
		else if (strcmp(argv[i], "--plain") == 0)
			plain = true;
		else if (n_args < 2 && argv[i][0] != '-')
			args[n_args++] = argv[i];
		else
			n_args = 3;
	}
	if (n_args != 2 || !parse_seed(args[0], &seed)) {
		fputs(usage, stderr);
		return 2;
	}
	struct gen *g = gen_new(seed, plain, invalid);
	gen_form_draw(g);
	gen_roster_draw(g);
	gen_replies_draw(g);
	g->by_one = pick_by(g, GEN_SELECT_ONE);
	g->by_multiple = pick_by(g, GEN_SELECT_MULTIPLE);
	bool ok = g_mkdir_with_parents(args[1], 0777) == 0 && gen_form_write(g, args[1]) &&
		  gen_roster_write(g, args[1]) && gen_replies_write(g, args[1]) &&
		  gen_truth_write(g, args[1]);
	gen_free(g);
	return ok ? 0 : 1;
}
