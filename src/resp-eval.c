/* resp-eval.c - which questions apply to a reply, and what its calculations give */
#include <config.h>
#include "response.h"

#include <string.h>

#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "msg.h"

/*
 * Questions are visited in the form's evaluation order (form->eval_order),
 * where each comes after everything its relevance and calculation refer
 * to, so a reference always finds its final value.  A reference to a
 * question that does not apply gives "", as in ODK.
 */

static const char *ref_text(void *data, int ref)
{
	struct resp_eval *ev = data;
	if (ref == EXPR_REF_SELF)
		return ev->self;
	return ev->value[ref];
}

/* A number the validator has read already (struct resp_read's PLAIN), for the evaluator. */
static bool ref_number(void *data, int ref, const char *text, double *out)
{
	struct resp_eval *ev = data;
	if (!ev->checking)
		return false;
	const struct resp_read *read = &ev->read[ref == EXPR_REF_SELF ? ev->self_index : ref];
	if (read->text != text || !read->plain)
		return false;
	*out = read->number;
	return true;
}

static const char *choice_label(void *data, int ref, const char *value)
{
	struct resp_eval *ev = data;
	const struct form_question *q = form_question_at(ev->form, (size_t)ref);
	const struct form_choice *c = form_choice(q->list, value);
	return c ? form_choice_label(ev->form, c, 0) : NULL;
}

static int list_size(void *data, int list)
{
	struct resp_eval *ev = data;
	const struct form_list *l = g_ptr_array_index(ev->form->lists, (guint)list);
	return (int)l->choices->len;
}

static const char *item_text(void *data, int list, int item, const char *column)
{
	struct resp_eval *ev = data;
	const struct form_list *l = g_ptr_array_index(ev->form->lists, (guint)list);
	return form_choice_column(ev->form, g_ptr_array_index(l->choices, (guint)item), column);
}

static void env_init(struct resp_eval *ev, struct expr_env *env)
{
	env->list_size = list_size;
	env->item_text = item_text;
	env->item = 0;
	env->ref_text = ref_text;
	env->ref_number = ref_number;
	env->choice_label = choice_label;
	env->today = ev->today;
	env->now = ev->now;
	env->rand = ev->rand;
	env->scratch = ev->scratch;
	env->data = ev;
	env->too_long = &ev->too_long;
}

/* An expression that built a value too long (see resp_eval_report()). */
struct resp_overlong {
	const char *column;	/* "calculation", "relevant", ... */
	const struct form_question *q;	/* its question, or NULL for a group's relevant */
	const struct form_group *g;
};

/* Notes it when the expression just evaluated, COLUMN of Q or G, built too much. */
static void check_length(struct resp_eval *ev, const char *column, const struct form_question *q,
			 const struct form_group *g)
{
	if (!ev->too_long)
		return;
	struct resp_overlong o = { column, q, g };
	g_array_append_val(ev->overlong, o);
	ev->too_long = false;
}

int resp_eval_report(const struct resp_eval *ev, const struct resp_reply *r)
{
	for (guint i = 0; i < ev->overlong->len; i++) {
		const struct resp_overlong *o = &g_array_index(ev->overlong, struct resp_overlong, i);
		const char *file = o->q ? o->q->file : ev->form->survey_file;
		long row = o->q ? o->q->row : o->g->row;
		const char *name = o->q ? form_question_key(o->q) : o->g->name;
		/* TRANSLATORS: put before a group's name in the message below; keep the space. */
		const char *group = o->q ? "" : E_("group ");
		/*
		 * TRANSLATORS: a column of the form (relevant, calculation, kept as
		 * it is), "group " or nothing, a question's or group's name, the form's
		 * file and row, then the most bytes a value may hold.
		 */
		resp_error_at(r, r->row, "%s of %s'%s' (%s row %ld) makes a value longer than "
			     "%u bytes, the most a value may hold", o->column, group,
			     name, file, row, EXPR_MAX_STRING);
	}
	return (int)ev->overlong->len;
}

struct resp_eval *resp_eval_new(const struct form *form)
{
	struct resp_eval *ev = g_new0(struct resp_eval, 1);
	size_t n = form_n_questions(form);
	ev->form = form;
	ev->relevant = g_new0(bool, n + 1);
	ev->value = g_new0(const char *, n + 1);
	ev->read = g_new0(struct resp_read, n + 1);
	ev->submitted = INT_MIN;
	ev->chosen = g_array_new(FALSE, FALSE, sizeof(int));
	ev->group_state = g_new0(signed char, form->groups->len + 1);
	ev->unknown_groups = g_ptr_array_new();
	ev->overlong = g_array_new(FALSE, FALSE, sizeof(struct resp_overlong));
	ev->scratch = g_string_chunk_new(256);
	ev->today = isodate_today();
	ev->now = isodate_now_days(&ev->reproducible);
	ev->rand = g_rand_new();
	return ev;
}

void resp_eval_scope(struct resp_eval *ev, const bool *scope)
{
	ev->scope = scope;
}

void resp_eval_free(struct resp_eval *ev)
{
	if (!ev)
		return;
	g_free(ev->relevant);
	g_free(ev->value);
	g_free(ev->read);
	g_array_free(ev->chosen, TRUE);
	g_free(ev->group_state);
	g_ptr_array_free(ev->unknown_groups, TRUE);
	g_array_free(ev->overlong, TRUE);
	g_string_chunk_free(ev->scratch);
	g_rand_free(ev->rand);
	g_free(ev);
}

/*
 * Whether G and every group around it apply.  Each group's state is
 * found once per run, outermost first (an inner relevant is not evaluated
 * inside a group that does not apply), and without recursion: the chain
 * of groups still unknown is gathered first, then settled from the top.
 */
static bool group_relevant(struct resp_eval *ev, const struct form_group *g,
			   const struct expr_env *env)
{
	if (!g || ev->group_state[g->index] >= 0)	/* decided for this reply already */
		return !g || ev->group_state[g->index] > 0;
	g_ptr_array_set_size(ev->unknown_groups, 0);
	for (; g && ev->group_state[g->index] < 0; g = g->parent)
		g_ptr_array_add(ev->unknown_groups, (gpointer)g);
	bool relevant = !g || ev->group_state[g->index] > 0;
	for (guint i = ev->unknown_groups->len; i-- > 0;) {
		const struct form_group *u = g_ptr_array_index(ev->unknown_groups, i);
		relevant = relevant && (!u->relevant || expr_eval_bool(u->relevant, env));
		check_length(ev, "relevant", NULL, u);
		ev->group_state[u->index] = relevant;
	}
	return relevant;
}

/*
 * Under SOURCE_DATE_EPOCH, random(), uuid() and randomize() draw from a
 * generator seeded by that time and the reply's answers, so that a run
 * gives the same values again, whatever the order replies are read in.
 */
static void reseed(struct resp_eval *ev, char *const *answers)
{
	guint64 seconds = (guint64)(ev->now * 86400);	/* up to year 9999: past 32 bits */
	guint32 seed = (guint32)(seconds ^ (seconds >> 32));
	for (size_t i = 0; i < form_n_questions(ev->form); i++)
		seed = seed * 31 + (answers[i] ? g_str_hash(answers[i]) : 0);
	g_rand_set_seed(ev->rand, seed);
}

void resp_eval_run(struct resp_eval *ev, char *const *answers)
{
	const struct form *form = ev->form;
	size_t n = form_n_questions(form);
	struct expr_env env;
	g_string_chunk_clear(ev->scratch);
	g_array_set_size(ev->overlong, 0);
	memset(ev->read, 0, n * sizeof *ev->read);
	g_array_set_size(ev->chosen, 0);
	if (ev->reproducible)
		reseed(ev, answers);
	env_init(ev, &env);
	for (guint g = 0; g < form->groups->len; g++)
		ev->group_state[g] = -1;
	for (size_t k = 0; k < n; k++) {
		int i = form->eval_order[k];
		const struct form_question *q = form_question_at(form, (size_t)i);
		if (ev->scope && !ev->scope[i]) {
			ev->relevant[i] = false;
			ev->value[i] = NULL;
			continue;
		}
		bool relevant = group_relevant(ev, q->group, &env) &&
				(!q->relevant || expr_eval_bool(q->relevant, &env));
		check_length(ev, "relevant", q, NULL);
		ev->relevant[i] = relevant;
		if (!relevant || form_question_uncomputed(q)) {
			ev->value[i] = NULL;
		} else if (q->calculation) {
			struct expr_value v;
			expr_eval(q->calculation, &env, &v);
			check_length(ev, "calculation", q, NULL);
			const char *s = expr_to_string(&v, ev->scratch);
			ev->value[i] = *s ? s : NULL;
		} else {
			const char *a = answers[i];
			ev->value[i] = a && *a ? a : NULL;
		}
	}
}

bool resp_eval_constraint(struct resp_eval *ev, const struct form_question *q, const char *value)
{
	if (!q->constraint || !value || !*value)
		return true;
	struct expr_env env;
	env_init(ev, &env);
	ev->self = value;
	ev->self_index = (int)q->index;
	bool ok = expr_eval_bool(q->constraint, &env);
	ev->self = NULL;
	check_length(ev, "constraint", q, NULL);
	return ok;
}

bool resp_eval_offered(struct resp_eval *ev, const struct form_question *q,
		       const struct form_choice *c)
{
	if (!q->filter)
		return true;
	struct expr_env env;
	env_init(ev, &env);
	env.item = c->index;
	bool offered = expr_eval_bool(q->filter, &env);
	check_length(ev, "choice_filter", q, NULL);
	return offered;
}

bool resp_eval_required(struct resp_eval *ev, const struct form_question *q)
{
	if (q->required)
		return true;
	if (!q->required_expr)
		return false;
	struct expr_env env;
	env_init(ev, &env);
	ev->self = ev->value[q->index];
	bool req = expr_eval_bool(q->required_expr, &env);
	ev->self = NULL;
	check_length(ev, "required", q, NULL);
	return req;
}
