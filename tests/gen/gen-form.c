/* gen-form.c - a random XLSForm: select, number, text and date questions, groups, skip logic */
#include <config.h>
#include "gen.h"

#include <stdio.h>
#include <string.h>

#include "csvio.h"

int gen_int(struct gen *g, int lo, int hi)
{
	return g_rand_int_range(g->rand, lo, hi + 1);
}

bool gen_chance(struct gen *g, double p)
{
	return g_rand_double(g->rand) < p;
}

int gen_pick(struct gen *g, const double *weights, int n)
{
	double total = 0;
	for (int i = 0; i < n; i++)
		total += weights[i];
	double x = g_rand_double(g->rand) * total;
	for (int i = 0; i < n; i++) {
		if (x < weights[i])
			return i;
		x -= weights[i];
	}
	return n - 1;
}

char *gen_day_string(int day)
{
	GDate d;
	g_date_clear(&d, 1);
	g_date_set_julian(&d, (guint32)day);
	return g_strdup_printf("%04d-%02d-%02d", g_date_get_year(&d), g_date_get_month(&d),
			       g_date_get_day(&d));
}

const char *gen_kind_name(enum gen_kind kind)
{
	static const char *const names[] = { "select_one", "select_multiple", "integer", "decimal",
					     "text", "date" };
	return names[kind];
}

/* Labels */

static const char *const topics[] = {
	"formulated or amended domestic law on cybercrime",
	"designated a central authority for mutual legal assistance",
	"received technical assistance in the past five years",
	"kept statistics on requests for electronic evidence",
	"joined a regional instrument on cooperation",
	"trained judges and prosecutors in electronic evidence",
};

static const char *const arabic[] = {
	"هل صاغت دولتكم أو عدلت قانونا محليا بشأن الجريمة السيبرانية؟",
	"ما هي السلطة المركزية المعنية بالمساعدة القانونية المتبادلة؟",
	"هل تلقت دولتكم مساعدة تقنية خلال السنوات الخمس الماضية؟",
};

static const char *const chinese[] = {
	"贵国是否制定或修订了专门针对网络犯罪的国内法？",
	"贵国是否指定了负责司法协助的中央机关？",
	"贵国在过去五年中是否接受过技术援助？",
};

/* Exactly 300 characters (all ASCII), without blanks at either end. */
static char *long_label(int index)
{
	GString *s = g_string_new(NULL);
	g_string_printf(s, "%d. ", index);
	for (int k = 0; s->len < 300; k++)
		g_string_append_printf(s, "Please state whether, and if so how, your State has %s; ",
				       topics[k % G_N_ELEMENTS(topics)]);
	g_string_truncate(s, 300);
	while (s->str[s->len - 1] == ' ' || s->str[s->len - 1] == ';') {
		g_string_truncate(s, 299);
		g_string_append_c(s, 'x');
	}
	return g_string_free(s, FALSE);
}

/*
 * A question's label: plain, 300 characters long, Arabic, Chinese, or with
 * commas and quotes.  INDEX keeps labels apart.
 */
static char *question_label(struct gen *g, int index)
{
	int style = gen_pick(g, (const double[]){ 55, 10, 10, 10, 15 }, 5);
	const char *topic = topics[gen_int(g, 0, G_N_ELEMENTS(topics) - 1)];
	switch (style) {
	case 1:
		return long_label(index);
	case 2:
		return g_strdup_printf("%s (%d)", arabic[gen_int(g, 0, G_N_ELEMENTS(arabic) - 1)],
				       index);
	case 3:
		return g_strdup_printf("%s（%d）", chinese[gen_int(g, 0, G_N_ELEMENTS(chinese) - 1)],
				       index);
	case 4:
		return g_strdup_printf("In \"practice\", has your State, or its agencies, %s? (%d)",
				       topic, index);
	default:
		return g_strdup_printf("Has your State %s? (%d)", topic, index);
	}
}

static char *choice_label(struct gen *g, int index)
{
	int style = gen_pick(g, (const double[]){ 60, 5, 10, 10, 15 }, 5);
	switch (style) {
	case 1:
		return long_label(index + 1);
	case 2:
		return g_strdup_printf("الخيار %d", index + 1);
	case 3:
		return g_strdup_printf("选项 %d", index + 1);
	case 4:
		return g_strdup_printf("Yes, \"in part\", option %d", index + 1);
	default:
		return g_strdup_printf("Option %d", index + 1);
	}
}

/* Questions */

static void choice_free(gpointer p)
{
	struct gen_choice *c = p;
	g_free(c->name);
	g_free(c->label);
	g_free(c);
}

static void add_choice(GPtrArray *choices, char *name, char *label)
{
	struct gen_choice *c = g_new(struct gen_choice, 1);
	c->name = name;
	c->label = label;
	g_ptr_array_add(choices, c);
}

/* 2 to 25 choices, mostly few; uneven weights so that some choices are rare. */
static void draw_choices(struct gen *g, struct gen_question *q)
{
	int n = gen_chance(g, 0.3) ? gen_int(g, 7, 25) : gen_int(g, 2, 6);
	q->has_none = q->kind == GEN_SELECT_MULTIPLE && gen_chance(g, 0.4);
	q->choices = g_ptr_array_new_with_free_func(choice_free);
	q->weights = g_new(double, n);
	for (int c = 0; c < n; c++) {
		if (q->has_none && c == n - 1)
			add_choice(q->choices, g_strdup("none"), g_strdup("None of these"));
		else
			add_choice(q->choices, g_strdup_printf("c%02d", c + 1), choice_label(g, c));
		q->weights[c] = gen_chance(g, 0.3) ? 0.05 + g_rand_double(g->rand) * 0.2
						   : 0.3 + g_rand_double(g->rand);
	}
}

static bool is_select(enum gen_kind kind)
{
	return kind == GEN_SELECT_ONE || kind == GEN_SELECT_MULTIPLE;
}

/* The index of a random select question among [0, before), or -1. */
static int earlier_select(struct gen *g, int before)
{
	int found = -1, seen = 0;
	for (int i = 0; i < before; i++) {
		const struct gen_question *q = g_ptr_array_index(g->form.questions, i);
		if (is_select(q->kind) && gen_int(g, 0, seen++) == 0)
			found = i;
	}
	return found;
}

/* A skip condition on select questions before BEFORE, or none when there are none. */
static struct gen_cond draw_cond(struct gen *g, int before)
{
	struct gen_cond cond = { 0 };
	int n = gen_chance(g, 0.2) ? 2 : 1;
	for (int k = 0; k < n; k++) {
		int qi = earlier_select(g, before);
		if (qi < 0)
			break;
		struct gen_question *q = g_ptr_array_index(g->form.questions, qi);
		struct gen_atom *a = &cond.atoms[cond.n_atoms++];
		a->question = qi;
		/* A choice drawn as often as answers are, so that bases are seldom empty. */
		a->choice = gen_pick(g, q->weights, (int)q->choices->len);
		a->equals = q->kind == GEN_SELECT_ONE && gen_chance(g, 0.5);
		q->referenced = true;
	}
	cond.or = gen_chance(g, 0.5);
	return cond;
}

static void draw_kinds(struct gen *g, enum gen_kind *kinds, int n)
{
	static const double weights[] = { 30, 25, 10, 10, 10, 10 };
	for (int i = 0; i < n; i++)
		kinds[i] = (enum gen_kind)gen_pick(g, weights, G_N_ELEMENTS(weights));
	/* At least one of each select kind, for --by and skip logic. */
	int one = gen_int(g, 0, n / 2), multiple;
	do
		multiple = gen_int(g, 0, n - 1);
	while (multiple == one);
	kinds[one] = GEN_SELECT_ONE;
	kinds[multiple] = GEN_SELECT_MULTIPLE;
}

static void draw_groups(struct gen *g, int n)
{
	int n_groups = gen_int(g, 1, 2);
	int start = gen_int(g, 0, n / 2);
	for (int k = 0; k < n_groups && start < n; k++) {
		struct gen_group *gr = g_new0(struct gen_group, 1);
		gr->name = g_strdup_printf("part_%d", k + 1);
		gr->label = k == 0 ? g_strdup("Part one: law, \"policy\" and practice")
				   : g_strdup("الجزء الثاني");
		gr->first = start;
		gr->last = gen_int(g, start, MIN(n - 1, start + 4));
		gr->cond = gen_chance(g, 0.4) ? draw_cond(g, start) : (struct gen_cond){ 0 };
		for (int i = gr->first; i <= gr->last; i++)
			((struct gen_question *)g_ptr_array_index(g->form.questions, i))->group =
				(int)g->form.groups->len;
		g_ptr_array_add(g->form.groups, gr);
		start = gr->last + 1 + gen_int(g, 0, 2);
	}
}

void gen_form_draw(struct gen *g)
{
	int n = gen_int(g, 4, 12);
	enum gen_kind *kinds = g_new(enum gen_kind, n);
	draw_kinds(g, kinds, n);
	for (int i = 0; i < n; i++) {
		struct gen_question *q = g_new0(struct gen_question, 1);
		q->name = g_strdup_printf("q%02d", i + 1);
		q->label = question_label(g, i + 1);
		q->kind = kinds[i];
		q->group = -1;
		if (is_select(q->kind))
			draw_choices(g, q);
		q->required = gen_chance(g, is_select(q->kind) ? 0.5 : 0.3);
		g_ptr_array_add(g->form.questions, q);
		if (i > 0 && gen_chance(g, 0.35))
			q->cond = draw_cond(g, i);
	}
	g_free(kinds);
	draw_groups(g, n);
	g->form.title = g_strdup("Questionnaire on cooperation, \"capacity\" and needs");
	g->form.version = g_strdup("2024010101");
}

/* Writing */

static char *cond_text(const struct gen_form *form, const struct gen_cond *cond)
{
	GString *s = g_string_new(NULL);
	for (int k = 0; k < cond->n_atoms; k++) {
		const struct gen_atom *a = &cond->atoms[k];
		const struct gen_question *q = g_ptr_array_index(form->questions, a->question);
		const struct gen_choice *c = g_ptr_array_index(q->choices, a->choice);
		if (k)
			g_string_append(s, cond->or ? " or " : " and ");
		if (a->equals)
			g_string_append_printf(s, "${%s} = '%s'", q->name, c->name);
		else
			g_string_append_printf(s, "selected(${%s}, '%s')", q->name, c->name);
	}
	return g_string_free(s, FALSE);
}

static void write_row(struct csvio_writer *w, const char *const *fields, int n)
{
	for (int i = 0; i < n; i++)
		csvio_write_field(w, fields[i] ? fields[i] : "");
	csvio_end_record(w);
}

static void write_question(struct csvio_writer *w, const struct gen_form *form,
			   const struct gen_question *q)
{
	char *type = is_select(q->kind) ? g_strdup_printf("%s l_%s", gen_kind_name(q->kind), q->name)
				       : g_strdup(gen_kind_name(q->kind));
	char *relevant = cond_text(form, &q->cond);
	const char *constraint = q->has_none ? "not(selected(., 'none') and count-selected(.) > 1)"
					     : NULL;
	const char *fields[] = { type, q->name, q->label, q->required ? "yes" : NULL, relevant,
				 constraint };
	write_row(w, fields, G_N_ELEMENTS(fields));
	g_free(relevant);
	g_free(type);
}

static void write_group_start(struct csvio_writer *w, const struct gen_form *form,
			      const struct gen_group *gr)
{
	char *relevant = cond_text(form, &gr->cond);
	const char *fields[] = { "begin_group", gr->name, gr->label, NULL, relevant, NULL };
	write_row(w, fields, G_N_ELEMENTS(fields));
	g_free(relevant);
}

static void write_survey(struct csvio_writer *w, const struct gen_form *form)
{
	const char *header[] = { "type", "name", "label", "required", "relevant", "constraint" };
	write_row(w, header, G_N_ELEMENTS(header));
	const char *note[] = { "note", "intro", "Please answer as at the date of your reply.",
			       NULL, NULL, NULL };
	write_row(w, note, G_N_ELEMENTS(note));
	for (guint i = 0; i < form->questions->len; i++) {
		const struct gen_question *q = g_ptr_array_index(form->questions, i);
		for (guint k = 0; k < form->groups->len; k++) {
			const struct gen_group *gr = g_ptr_array_index(form->groups, k);
			if (gr->first == (int)i)
				write_group_start(w, form, gr);
		}
		write_question(w, form, q);
		for (guint k = 0; k < form->groups->len; k++) {
			const struct gen_group *gr = g_ptr_array_index(form->groups, k);
			const char *end[] = { "end_group", NULL, NULL, NULL, NULL, NULL };
			if (gr->last == (int)i)
				write_row(w, end, G_N_ELEMENTS(end));
		}
	}
}

static void write_choices(struct csvio_writer *w, const struct gen_form *form)
{
	const char *header[] = { "list_name", "name", "label" };
	write_row(w, header, G_N_ELEMENTS(header));
	for (guint i = 0; i < form->questions->len; i++) {
		const struct gen_question *q = g_ptr_array_index(form->questions, i);
		char *list = g_strdup_printf("l_%s", q->name);
		for (guint c = 0; q->choices && c < q->choices->len; c++) {
			const struct gen_choice *ch = g_ptr_array_index(q->choices, c);
			const char *fields[] = { list, ch->name, ch->label };
			write_row(w, fields, G_N_ELEMENTS(fields));
		}
		g_free(list);
	}
}

static void write_settings(struct csvio_writer *w, const struct gen_form *form)
{
	const char *header[] = { "form_title", "form_id", "version" };
	const char *row[] = { form->title, form->id, form->version };
	write_row(w, header, G_N_ELEMENTS(header));
	write_row(w, row, G_N_ELEMENTS(row));
}

/* Writes DIR/NAME with WRITE; returns false after reporting a failure. */
static bool write_csv(const char *dir, const char *name,
		      void (*write)(struct csvio_writer *, const struct gen_form *),
		      const struct gen_form *form)
{
	char *path = g_build_filename(dir, name, NULL);
	FILE *fp = fopen(path, "w");
	bool ok = fp != NULL;
	if (fp) {
		struct csvio_writer w;
		csvio_writer_init(&w, fp);
		write(&w, form);
		ok = !csvio_writer_error(&w);
		ok &= fclose(fp) == 0;
	}
	if (!ok)
		fprintf(stderr, "quire-gen: cannot write %s\n", path);
	g_free(path);
	return ok;
}

bool gen_form_write(const struct gen *g, const char *outdir)
{
	char *dir = g_build_filename(outdir, "form", NULL);
	bool ok = g_mkdir_with_parents(dir, 0777) == 0 &&
		  write_csv(dir, "survey.csv", write_survey, &g->form) &&
		  write_csv(dir, "choices.csv", write_choices, &g->form) &&
		  write_csv(dir, "settings.csv", write_settings, &g->form);
	g_free(dir);
	return ok;
}
