/* gen-replies.c - random replies: on time and late, members and others, complete and not, and planted problems */
#include <config.h>
#include "gen.h"

#include <stdio.h>
#include <string.h>

#include "csvio.h"

static const char *const texts[] = {
	"Ministry of Justice, Department of International Law",
	"The \"central authority\" is the Office of the Attorney-General.",
	"وزارة العدل",
	"司法部国际合作司",
	"None, for now; a bill is before Parliament",
	"=1+1 is not a formula here",
};

/* Skip logic */

static bool is_selected(const char *value, const char *choice)
{
	if (!value)
		return false;
	char **tokens = g_strsplit(value, " ", -1);
	bool found = g_strv_contains((const char *const *)tokens, choice);
	g_strfreev(tokens);
	return found;
}

/*
 * An unanswered question, or one that does not apply, has the empty value:
 * "${q} = 'c'" and "selected(${q}, 'c')" are then false.
 */
static bool atom_holds(const struct gen_form *form, const struct gen_atom *a, char *const *values)
{
	const struct gen_question *q = g_ptr_array_index(form->questions, a->question);
	const struct gen_choice *c = g_ptr_array_index(q->choices, a->choice);
	const char *v = values[a->question];
	if (a->equals)
		return v && strcmp(v, c->name) == 0;
	return is_selected(v, c->name);
}

static bool cond_holds(const struct gen_form *form, const struct gen_cond *cond, char *const *values)
{
	if (cond->n_atoms == 0)
		return true;
	bool first = atom_holds(form, &cond->atoms[0], values);
	if (cond->n_atoms == 1)
		return first;
	bool second = atom_holds(form, &cond->atoms[1], values);
	return cond->or ? first || second : first && second;
}

bool gen_applies(const struct gen_form *form, int q, char *const *values)
{
	const struct gen_question *gq = g_ptr_array_index(form->questions, q);
	if (gq->group >= 0) {
		const struct gen_group *gr = g_ptr_array_index(form->groups, gq->group);
		if (!cond_holds(form, &gr->cond, values))
			return false;
	}
	return cond_holds(form, &gq->cond, values);
}

/* Values */

static char *draw_select_multiple(struct gen *g, const struct gen_question *q)
{
	int n = (int)q->choices->len - q->has_none;
	if (q->has_none && gen_chance(g, 0.15))
		return g_strdup("none");
	int want = 1 + gen_pick(g, (const double[]){ 40, 30, 15, 10, 5 }, 5);
	want = MIN(want, n);
	bool *chosen = g_new0(bool, n);
	GPtrArray *names = g_ptr_array_new();
	while ((int)names->len < want) {
		int c = gen_pick(g, q->weights, n);
		if (chosen[c])
			continue;
		chosen[c] = true;
		g_ptr_array_add(names, ((struct gen_choice *)g_ptr_array_index(q->choices, c))->name);
	}
	g_ptr_array_add(names, NULL);
	char *value = g_strjoinv(" ", (char **)names->pdata);
	g_ptr_array_free(names, TRUE);
	g_free(chosen);
	return value;
}

static char *draw_decimal(struct gen *g)
{
	switch (gen_int(g, 0, 2)) {
	case 0:
		return g_strdup_printf("0.%03d", gen_int(g, 0, 999));
	case 1:
		return g_strdup_printf("-%d.%02d", gen_int(g, 0, 50), gen_int(g, 0, 99));
	default:
		return g_strdup_printf("%d.%d", gen_int(g, 1, 5000), gen_int(g, 0, 9));
	}
}

static char *draw_value(struct gen *g, const struct gen_question *q)
{
	switch (q->kind) {
	case GEN_SELECT_ONE:
		return g_strdup(((struct gen_choice *)g_ptr_array_index(
					 q->choices, gen_pick(g, q->weights, (int)q->choices->len)))->name);
	case GEN_SELECT_MULTIPLE:
		return draw_select_multiple(g, q);
	case GEN_INTEGER:
		return g_strdup_printf("%d", gen_chance(g, 0.5) ? gen_int(g, 0, 10)
								: gen_int(g, -20, 3000));
	case GEN_DECIMAL:
		return draw_decimal(g);
	case GEN_TEXT:
		return g_strdup(texts[gen_int(g, 0, G_N_ELEMENTS(texts) - 1)]);
	case GEN_DATE:
		return gen_day_string(g->cutoff - gen_int(g, 0, 30 * 365));
	}
	return NULL;
}

/* Replies */

static struct gen_reply *reply_new(struct gen *g, const char *code, const char *file_suffix)
{
	size_t n = g->form.questions->len;
	struct gen_reply *r = g_new0(struct gen_reply, 1);
	r->code = g_strdup(code);
	r->file = g_strdup_printf("data/%s%s.csv", code, file_suffix);
	r->values = g_new0(char *, n + 1);
	r->n_values = n;
	r->applies = g_new0(bool, n + 1);
	r->planted_question = -1;
	return r;
}

/*
 * Answers every question that applies, in form order, so that skip logic
 * sees the answers before it: required ones always (but the first one in
 * an incomplete reply), others now and then left blank.
 */
static void draw_answers(struct gen *g, struct gen_reply *r)
{
	bool left_out = false;
	for (guint i = 0; i < g->form.questions->len; i++) {
		const struct gen_question *q = g_ptr_array_index(g->form.questions, i);
		r->applies[i] = gen_applies(&g->form, (int)i, r->values);
		if (!r->applies[i])
			continue;
		if (r->incomplete && q->required && !left_out) {
			left_out = true;
			continue;
		}
		if (!q->required && gen_chance(g, 0.12))
			continue;
		r->values[i] = draw_value(g, q);
	}
}

static int draw_submitted(struct gen *g, bool late)
{
	if (late)
		return g->cutoff + (gen_chance(g, 0.2) ? 1 : gen_int(g, 1, 60));
	return g->cutoff - (gen_chance(g, 0.1) ? 0 : gen_int(g, 0, 90));
}

static struct gen_reply *add_reply(struct gen *g, const char *code, const char *suffix)
{
	struct gen_reply *r = reply_new(g, code, suffix);
	r->submitted = draw_submitted(g, gen_chance(g, 0.15));
	r->incomplete = !g->plain && gen_chance(g, 0.08);
	draw_answers(g, r);
	g_ptr_array_add(g->replies, r);
	return r;
}

/* Planting problems (--invalid) */

static bool plantable(const struct gen *g, const struct gen_reply *r, int q, enum gen_kind kind)
{
	const struct gen_question *gq = g_ptr_array_index(g->form.questions, q);
	return gq->kind == kind && r->values[q] && !gq->referenced &&
	       (kind != GEN_SELECT_MULTIPLE || (int)gq->choices->len - gq->has_none >= 1);
}

/* The bad value for question Q of KIND, or NULL. */
static char *bad_value(struct gen *g, const struct gen_question *q)
{
	switch (q->kind) {
	case GEN_SELECT_ONE:
		return g_strdup("not_a_choice");
	case GEN_SELECT_MULTIPLE: {
		const struct gen_choice *c = g_ptr_array_index(q->choices, 0);
		return g_strdup_printf("%s %s", c->name, c->name);
	}
	case GEN_INTEGER:
		return g_strdup(gen_chance(g, 0.5) ? "1.5" : "1e3");
	case GEN_DECIMAL:
		return g_strdup(gen_chance(g, 0.5) ? "0x10" : "0x1p3");
	case GEN_DATE:
		return g_strdup("2019-05-01T10:00");
	default:
		return NULL;
	}
}

/* A member on the cut-off date who has not replied, else a code not on the roster. */
static const char *idle_code(struct gen *g)
{
	for (guint i = 0; i < g->members->len; i++) {
		const struct gen_member *m = g_ptr_array_index(g->members, i);
		bool replied = false;
		for (guint k = 0; k < g->replies->len && !replied; k++)
			replied = strcmp(((struct gen_reply *)g_ptr_array_index(g->replies, k))->code,
					 m->code) == 0;
		if (!replied && gen_is_member(m, g->cutoff))
			return m->code;
	}
	return gen_fresh_code(g);
}

/* A reply, otherwise valid, on time and complete, with one bad value of KIND; false if the form has no room for it. */
static bool plant_value(struct gen *g, enum gen_kind kind)
{
	for (int attempt = 0; attempt < 20; attempt++) {
		struct gen_reply *r = reply_new(g, "XXX", "");
		draw_answers(g, r);
		for (guint q = 0; q < g->form.questions->len; q++) {
			if (!plantable(g, r, (int)q, kind))
				continue;
			g_free(r->code);
			g_free(r->file);
			r->code = g_strdup(idle_code(g));
			r->file = g_strdup_printf("data/%s.csv", r->code);
			r->submitted = draw_submitted(g, false);
			g_free(r->values[q]);
			r->values[q] = bad_value(g, g_ptr_array_index(g->form.questions, q));
			r->planted_question = (int)q;
			r->planted = g_strdup_printf("%s '%s'", gen_kind_name(kind), r->values[q]);
			g_ptr_array_add(g->replies, r);
			return true;
		}
		gen_reply_free(r);
	}
	return false;
}

/* A second reply from a State that replied, in a file read after the first. */
static void plant_duplicate(struct gen *g)
{
	const struct gen_reply *first;
	do
		first = g_ptr_array_index(g->replies, gen_int(g, 0, (int)g->replies->len - 1));
	while (first->planted);
	struct gen_reply *r = reply_new(g, first->code, "_2");
	r->submitted = draw_submitted(g, false);
	draw_answers(g, r);
	r->planted = g_strdup_printf("second reply from '%s'", r->code);
	r->planted_row = 2;	/* the _respondent row */
	g_ptr_array_add(g->replies, r);
}

static void plant(struct gen *g)
{
	static const enum gen_kind kinds[] = { GEN_SELECT_ONE, GEN_SELECT_MULTIPLE, GEN_INTEGER,
					       GEN_DECIMAL, GEN_DATE };
	int planted = 0;
	for (guint k = 0; k < G_N_ELEMENTS(kinds); k++)
		if (gen_chance(g, 0.6))
			planted += plant_value(g, kinds[k]);
	if (planted < 2 || gen_chance(g, 0.7))
		plant_duplicate(g);
}

static int compare_files(gconstpointer a, gconstpointer b)
{
	const struct gen_reply *x = *(struct gen_reply *const *)a;
	const struct gen_reply *y = *(struct gen_reply *const *)b;
	return strcmp(x->file, y->file);
}

void gen_replies_draw(struct gen *g)
{
	double rate = 0.3 + 0.65 * g_rand_double(g->rand);
	for (guint i = 0; i < g->members->len; i++) {
		const struct gen_member *m = g_ptr_array_index(g->members, i);
		bool member = gen_is_member(m, g->cutoff);
		if (gen_chance(g, member ? rate : g->plain ? 0 : 0.5))
			add_reply(g, m->code, "");
	}
	if (g->replies->len == 0) {	/* at least one reply from a member */
		for (guint i = 0; i < g->members->len && g->replies->len == 0; i++) {
			const struct gen_member *m = g_ptr_array_index(g->members, i);
			if (gen_is_member(m, g->cutoff))
				add_reply(g, m->code, "");
		}
	}
	int strangers = g->plain ? 0 : gen_int(g, 0, 3);
	for (int i = 0; i < strangers; i++)
		add_reply(g, gen_fresh_code(g), "");
	if (g->invalid)
		plant(g);
	g_ptr_array_sort(g->replies, compare_files);
}

/* Writing */

static void write_pair(struct csvio_writer *w, const char *name, const char *value, long *row)
{
	csvio_write_field(w, name);
	csvio_write_field(w, value);
	csvio_end_record(w);
	(*row)++;
}

/* Answer rows in form order, or now and then shuffled; a blank row now and then for a question left blank. */
static void write_answers(struct gen *g, struct gen_reply *r, struct csvio_writer *w, long *row)
{
	guint n = g->form.questions->len;
	guint *order = g_new(guint, n + 1);
	for (guint i = 0; i < n; i++)
		order[i] = i;
	if (gen_chance(g, 0.3))
		for (guint i = n; i > 1; i--) {
			guint j = (guint)gen_int(g, 0, (int)i - 1), t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
	for (guint k = 0; k < n; k++) {
		guint i = order[k];
		const struct gen_question *q = g_ptr_array_index(g->form.questions, i);
		if (r->values[i]) {
			if ((int)i == r->planted_question)
				r->planted_row = *row + 1;
			write_pair(w, q->name, r->values[i], row);
		} else if (r->applies[i] && gen_chance(g, 0.3)) {
			write_pair(w, q->name, "", row);
		}
	}
	g_free(order);
}

static bool write_reply(struct gen *g, struct gen_reply *r, FILE *fp)
{
	static const char *const channels[] = { "note verbale", "e-mail", "letter, by hand" };
	struct csvio_writer w;
	long row = 0;
	csvio_writer_init(&w, fp);
	write_pair(&w, "name", "value", &row);
	write_pair(&w, "_respondent", r->code, &row);
	char *day = gen_day_string(r->submitted);
	write_pair(&w, "_submitted", day, &row);
	g_free(day);
	if (gen_chance(g, 0.7))
		write_pair(&w, "_channel", channels[gen_int(g, 0, G_N_ELEMENTS(channels) - 1)], &row);
	if (r->incomplete)
		write_pair(&w, "_incomplete", "yes", &row);
	write_answers(g, r, &w, &row);
	return !csvio_writer_error(&w);
}

bool gen_replies_write(struct gen *g, const char *outdir)
{
	char *dir = g_build_filename(outdir, "data", NULL);
	bool ok = g_mkdir_with_parents(dir, 0777) == 0;
	for (guint i = 0; ok && i < g->replies->len; i++) {
		struct gen_reply *r = g_ptr_array_index(g->replies, i);
		char *path = g_build_filename(outdir, r->file, NULL);
		FILE *fp = fopen(path, "w");
		ok = fp && write_reply(g, r, fp);
		ok &= fp && fclose(fp) == 0;
		if (!ok)
			fprintf(stderr, "quire-gen: cannot write %s\n", path);
		g_free(path);
	}
	g_free(dir);
	return ok;
}
