/* resp-eval.c - which questions apply to a reply, and what its calculations give */
#include <config.h>
#include "response.h"

#include <stdint.h>
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

/*
 * A relevant that reads nothing but its references' texts
 * (expr_reads_only_refs()) gives the same value for the same texts, and
 * skip logic mostly reads a select_one: a few keys answer every reply.
 * Each distinct relevant text has a memo of the last MEMO_KEYS keys it
 * met and their values.  A key is the texts of the references in their
 * order, each ended by a NUL: a text holds none, and an answer is never
 * "" (ev->value holds NULL, written "", for none).  Questions and groups
 * with the same relevant (the same text and references) share its memo,
 * and it is looked up once a run, so identical skip logic is evaluated
 * once for a reply.  Not remembered, so evaluated each time: a relevant
 * of more than MEMO_MAX_REFS references, a key longer than
 * MEMO_KEY_BYTES, and an evaluation that built a value too long, which
 * must be reported again for the next reply.  The quoted question of
 * jr:choice-name(v, '${q}') is no reference (expr_foreach_ref()): it names
 * a choice list, the same wherever the text is written.
 */
#define MEMO_KEYS 8
#define MEMO_KEY_BYTES 64
#define MEMO_MAX_REFS 8

struct resp_memo {
	const char *text;	/* the relevant, as the form writes it */
	unsigned long run;	/* the last run that asked, whose answer VALUE_THEN is */
	bool value_then;
	int refs[MEMO_MAX_REFS];
	guint n_refs;
	guint held;		/* keys held, up to MEMO_KEYS */
	guint next;		/* once full, the key replaced next */
	guint8 len[MEMO_KEYS];
	bool value[MEMO_KEYS];
	char key[MEMO_KEYS][MEMO_KEY_BYTES];
};

static void add_memo_ref(int ref, void *data)
{
	struct resp_memo *m = data;
	if (m->n_refs < MEMO_MAX_REFS)
		m->refs[m->n_refs] = ref;
	m->n_refs++;	/* past MEMO_MAX_REFS: not remembered */
}

/* The memo of relevant E written TEXT, added to MEMOS unless one has it; -1 when none may. */
static int memo_for(GArray *memos, const char *text, const struct expr *e)
{
	if (!e || !text || !expr_reads_only_refs(e))
		return -1;
	struct resp_memo m;
	memset(&m, 0, sizeof m);
	m.text = text;
	expr_foreach_ref(e, add_memo_ref, &m);
	if (m.n_refs > MEMO_MAX_REFS)
		return -1;
	for (guint i = 0; i < memos->len; i++) {
		const struct resp_memo *o = &g_array_index(memos, struct resp_memo, i);
		if (strcmp(o->text, text) == 0 && o->n_refs == m.n_refs &&
		    memcmp(o->refs, m.refs, m.n_refs * sizeof *m.refs) == 0)
			return (int)i;
	}
	g_array_append_val(memos, m);
	return (int)memos->len - 1;
}

static void memos_new(struct resp_eval *ev)
{
	const struct form *form = ev->form;
	size_t n = form_n_questions(form);
	GArray *memos = g_array_new(FALSE, FALSE, sizeof(struct resp_memo));
	ev->question_memo = g_new(int, n + 1);
	ev->group_memo = g_new(int, form->groups->len + 1);
	for (size_t i = 0; i < n; i++) {
		const struct form_question *q = form_question_at(form, i);
		ev->question_memo[i] = memo_for(memos, q->relevant_text, q->relevant);
	}
	for (guint g = 0; g < form->groups->len; g++) {
		const struct form_group *grp = g_ptr_array_index(form->groups, g);
		ev->group_memo[g] = memo_for(memos, grp->relevant_text, grp->relevant);
	}
	ev->memos = (struct resp_memo *)(void *)g_array_free(memos, FALSE);
}

/* M's key for this run's values, into KEY; its length, or -1 when it is too long to hold. */
static int memo_key(const struct resp_eval *ev, const struct resp_memo *m, char *key)
{
	size_t n = 0;
	for (guint i = 0; i < m->n_refs; i++) {
		const char *v = ev->value[m->refs[i]];
		size_t len = v ? strnlen(v, MEMO_KEY_BYTES) : 0;
		if (n + len + 1 > MEMO_KEY_BYTES)
			return -1;
		if (len)
			memcpy(key + n, v, len);
		key[n + len] = '\0';
		n += len + 1;
	}
	return (int)n;
}

/* Whether key K of LEN bytes is M's key for this run's values, compared in place. */
static bool memo_matches(const struct resp_eval *ev, const struct resp_memo *m, const char *k,
			 size_t len)
{
	const char *end = k + len;
	for (guint i = 0; i < m->n_refs; i++) {
		const char *v = ev->value[m->refs[i]];
		for (; v && *v; v++, k++)
			if (k == end || *k != *v)
				return false;
		if (k == end || *k++ != '\0')
			return false;
	}
	return k == end;
}

/* Whether relevant E holds, from memo MEMO (-1: none) when it holds this run's key. */
static bool relevant_holds(struct resp_eval *ev, const struct expr *e, int memo,
			   const struct expr_env *env)
{
	struct resp_memo *m = memo >= 0 ? &ev->memos[memo] : NULL;
	if (m && m->run == ev->runs)	/* a question or group before asked the same */
		return m->value_then;
	bool value = false, found = false;
	for (guint i = 0; m && !found && i < m->held; i++)
		if ((found = memo_matches(ev, m, m->key[i], m->len[i])))
			value = m->value[i];
	if (found) {
		m->run = ev->runs;
		m->value_then = value;
		return value;
	}
	ev->relevants_evaluated++;
	value = expr_eval_bool(e, env);
	char key[MEMO_KEY_BYTES];
	int len = m && !ev->too_long ? memo_key(ev, m, key) : -1;
	if (len >= 0) {
		guint slot = m->held;
		if (m->held < MEMO_KEYS) {
			m->held++;
		} else {	/* the oldest key goes */
			slot = m->next;
			m->next = (m->next + 1) % MEMO_KEYS;
		}
		memcpy(m->key[slot], key, (size_t)len);
		m->len[slot] = (guint8)len;
		m->value[slot] = value;
		m->run = ev->runs;
		m->value_then = value;
	}
	return value;
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
	ev->chosen_cap = 64;
	ev->chosen = g_new(int, ev->chosen_cap);
	ev->group_state = g_new0(signed char, form->groups->len + 1);
	ev->unknown_groups = g_ptr_array_new();
	ev->overlong = g_array_new(FALSE, FALSE, sizeof(struct resp_overlong));
	ev->scratch = g_string_chunk_new(256);
	ev->today = isodate_today();
	ev->now = isodate_now_days(&ev->reproducible);
	ev->rand = g_rand_new();
	memos_new(ev);
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
	g_free(ev->chosen);
	g_free(ev->group_state);
	g_ptr_array_free(ev->unknown_groups, TRUE);
	g_array_free(ev->overlong, TRUE);
	g_string_chunk_free(ev->scratch);
	g_rand_free(ev->rand);
	g_free(ev->memos);
	g_free(ev->question_memo);
	g_free(ev->group_memo);
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
		relevant = relevant &&
			   (!u->relevant || relevant_holds(ev, u->relevant, ev->group_memo[u->index], env));
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
	ev->runs++;
	memset(ev->read, 0, n * sizeof *ev->read);
	ev->n_chosen = 0;
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
				(!q->relevant || relevant_holds(ev, q->relevant, ev->question_memo[i], &env));
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

void resp_eval_grow_room(struct resp_eval *ev, size_t need)
{
	/* A new buffer is filled before the old one goes, and this run's reads moved to it. */
	size_t cap = MAX(2 * ev->chosen_cap, ev->n_chosen + need);
	int *chosen = g_new(int, cap);
	memcpy(chosen, ev->chosen, ev->n_chosen * sizeof *chosen);
	for (size_t i = 0; i < form_n_questions(ev->form); i++) {
		struct resp_read *read = &ev->read[i];
		uintptr_t at = (uintptr_t)read->chosen - (uintptr_t)ev->chosen;
		if (read->chosen && at <= ev->n_chosen * sizeof *chosen)
			read->chosen = chosen + at / sizeof *chosen;
	}
	g_free(ev->chosen);
	ev->chosen = chosen;
	ev->chosen_cap = cap;
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
