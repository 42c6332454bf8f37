/* form.c - the questionnaire template (XLSForm) model: lookups and texts */
#include <config.h>
#include "form.h"

#include <string.h>

#include "i18n.h"

static void free_texts(char **texts, size_t n)
{
	if (!texts)
		return;
	for (size_t i = 0; i < n; i++)
		g_free(texts[i]);
	g_free(texts);
}

static void choice_free(struct form_choice *c, size_t n_lang)
{
	g_free(c->name);
	free_texts(c->label, n_lang);
	if (c->extra)
		g_hash_table_destroy(c->extra);
	g_free(c);
}

static void list_free(struct form_list *l, size_t n_lang)
{
	for (guint i = 0; i < l->choices->len; i++)
		choice_free(g_ptr_array_index(l->choices, i), n_lang);
	g_ptr_array_free(l->choices, TRUE);
	g_hash_table_destroy(l->by_name);
	g_free(l->keys);
	g_free(l->name);
	g_free(l->file);
	g_free(l);
}

static void group_free(struct form_group *g, size_t n_lang)
{
	g_free(g->name);
	free_texts(g->label, n_lang);
	g_free(g->relevant_text);
	expr_free(g->relevant);
	g_free(g);
}

static void question_free(struct form_question *q, size_t n_lang)
{
	g_free(q->name);
	g_free(q->path);
	g_free(q->key);
	g_free(q->type);
	free_texts(q->label, n_lang);
	free_texts(q->hint, n_lang);
	free_texts(q->constraint_message, n_lang);
	free_texts(q->required_message, n_lang);
	g_free(q->relevant_text);
	g_free(q->constraint_text);
	g_free(q->calculation_text);
	g_free(q->required_text);
	expr_free(q->relevant);
	expr_free(q->constraint);
	expr_free(q->calculation);
	expr_free(q->required_expr);
	g_free(q->appearance);
	g_free(q->default_value);
	g_free(q->choice_filter);
	expr_free(q->filter);
	g_free(q->number);
	if (q->extra)
		g_hash_table_destroy(q->extra);
	g_free(q);
}

void form_free(struct form *form)
{
	if (!form)
		return;
	size_t n_lang = form->languages->len;
	for (guint i = 0; i < form->questions->len; i++)
		question_free(g_ptr_array_index(form->questions, i), n_lang);
	for (guint i = 0; i < form->groups->len; i++)
		group_free(g_ptr_array_index(form->groups, i), n_lang);
	for (guint i = 0; i < form->lists->len; i++)
		list_free(g_ptr_array_index(form->lists, i), n_lang);
	g_ptr_array_free(form->questions, TRUE);
	g_ptr_array_free(form->groups, TRUE);
	g_ptr_array_free(form->lists, TRUE);
	for (guint i = 0; i < form->parts->len; i++) {
		struct form_part *p = g_ptr_array_index(form->parts, i);
		g_ptr_array_free(p->questions, TRUE);
		g_free(p);
	}
	g_ptr_array_free(form->parts, TRUE);
	g_ptr_array_free(form->languages, TRUE);
	g_hash_table_destroy(form->by_name);
	g_hash_table_destroy(form->shared);
	g_hash_table_destroy(form->list_by_name);
	g_hash_table_destroy(form->settings);
	g_free(form->eval_order);
	g_free(form->path);
	g_free(form->id);
	g_free(form->title);
	g_free(form->version);
	g_free(form->default_language);
	g_free(form->survey_file);
	g_free(form->choices_file);
	g_free(form->settings_file);
	g_free(form);
}

struct form_question *form_question(const struct form *form, const char *key)
{
	return g_hash_table_lookup(form->by_name, key);
}

char *form_path(const struct form_group *group, const char *name)
{
	GString *path = g_string_new(name);
	int depth = 0;
	for (const struct form_group *g = group; g && depth < FORM_MAX_GROUP_DEPTH;
	     g = g->parent, depth++) {
		g_string_prepend_c(path, '/');
		g_string_prepend(path, g->name);
	}
	return g_string_free(path, FALSE);
}

void form_index_keys(struct form *form)
{
	GHashTable *named = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
						  (GDestroyNotify)g_ptr_array_unref);
	for (size_t i = 0; i < form_n_questions(form); i++) {
		struct form_question *q = form_question_at(form, i);
		GPtrArray *same = g_hash_table_lookup(named, q->name);
		if (!same) {
			same = g_ptr_array_new();
			g_hash_table_insert(named, q->name, same);
		}
		g_ptr_array_add(same, q);
	}
	for (size_t i = 0; i < form_n_questions(form); i++) {
		struct form_question *q = form_question_at(form, i);
		GPtrArray *same = g_hash_table_lookup(named, q->name);
		g_free(q->path);
		g_free(q->key);
		q->path = form_path(q->group, q->name);
		q->key = g_strdup(same->len > 1 ? q->path : q->name);
		g_hash_table_replace(form->by_name, q->key, q);
		g_hash_table_replace(form->by_name, q->path, q);
		if (same->len > 1 && !g_hash_table_contains(form->shared, q->name))
			g_hash_table_insert(form->shared, q->name, g_ptr_array_ref(same));
	}
	g_hash_table_destroy(named);
}

const GPtrArray *form_sharing(const struct form *form, const char *name)
{
	return g_hash_table_lookup(form->shared, name);
}

char *form_shared_paths(const struct form *form, const char *name)
{
	const GPtrArray *same = form_sharing(form, name);
	if (!same)
		return NULL;
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < same->len; i++) {
		const struct form_question *q = g_ptr_array_index(same, i);
		/* TRANSLATORS: before the last of a list: "'a', 'b' and 'c'". */
		const char *sep = i == 0 ? "" : i + 1 == same->len ? E_(" and ") : ", ";
		g_string_append_printf(s, "%s'%s'", sep, q->path);
	}
	return g_string_free(s, FALSE);
}

struct form_list *form_list(const struct form *form, const char *name)
{
	return g_hash_table_lookup(form->list_by_name, name);
}

struct form_choice *form_choice(const struct form_list *list, const char *name)
{
	if (list && list->keys)
		return form_choice_len(list, name, strlen(name));
	return list ? g_hash_table_lookup(list->by_name, name) : NULL;	/* while loading */
}

/* Orders keys by length, then bytes. */
static int compare_keys(size_t len, const char *name, const struct form_choice_key *k)
{
	if (len != k->len)
		return len < k->len ? -1 : 1;
	return memcmp(name, k->name, len);
}

struct form_choice *form_choice_len(const struct form_list *list, const char *name, size_t len)
{
	if (!list)
		return NULL;
	if (!list->keys) {	/* while loading */
		char *copy = g_strndup(name, len);
		struct form_choice *c = g_hash_table_lookup(list->by_name, copy);
		g_free(copy);
		return c;
	}
	guint lo = 0, hi = list->n_keys;
	while (lo < hi) {
		guint mid = (lo + hi) / 2;
		int c = compare_keys(len, name, &list->keys[mid]);
		if (c == 0)
			return list->keys[mid].choice;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static int compare_choice_keys(const void *a, const void *b)
{
	const struct form_choice_key *x = a;
	return compare_keys(x->len, x->name, b);
}

void form_foreach_read(const struct form_question *q, bool checking,
		       void (*fn)(int ref, void *data), void *data)
{
	const struct expr *evaluated[] = { q->relevant, q->calculation };
	const struct expr *checked[] = { q->constraint, q->required_expr, q->filter };
	for (size_t e = 0; e < G_N_ELEMENTS(evaluated); e++)
		if (evaluated[e])
			expr_foreach_ref(evaluated[e], fn, data);
	for (size_t e = 0; checking && e < G_N_ELEMENTS(checked); e++)
		if (checked[e])
			expr_foreach_ref(checked[e], fn, data);
	for (const struct form_group *g = q->group; g; g = g->parent)
		if (g->relevant)
			expr_foreach_ref(g->relevant, fn, data);
}

static void need_ref(int ref, void *data)
{
	bool *needed = data;
	if (ref >= 0)
		needed[ref] = true;
}

void form_close_needed(const struct form *form, bool *needed)
{
	size_t n = form_n_questions(form);
	bool *done = g_new0(bool, n + 1);
	for (bool more = true; more;) {
		more = false;
		for (size_t i = 0; i < n; i++) {
			if (!needed[i] || done[i])
				continue;
			form_foreach_read(form_question_at(form, i), true, need_ref, needed);
			done[i] = more = true;
		}
	}
	g_free(done);
}

void form_index_choices(struct form *form)
{
	for (guint i = 0; i < form->lists->len; i++) {
		struct form_list *l = g_ptr_array_index(form->lists, i);
		guint n = g_hash_table_size(l->by_name), k = 0;
		g_free(l->keys);
		l->keys = g_new(struct form_choice_key, n + 1);
		GHashTableIter it;
		gpointer name, choice;
		g_hash_table_iter_init(&it, l->by_name);
		while (g_hash_table_iter_next(&it, &name, &choice))
			l->keys[k++] = (struct form_choice_key){ strlen(name), name, choice };
		qsort(l->keys, n, sizeof *l->keys, compare_choice_keys);
		l->n_keys = n;
	}
}

bool form_kind_has_value(enum form_kind kind)
{
	return kind != FORM_NOTE;
}

bool form_kind_is_choice(enum form_kind kind)
{
	return kind == FORM_SELECT_ONE || kind == FORM_SELECT_MULTIPLE || kind == FORM_RANK;
}

const char *form_kind_name(enum form_kind kind)
{
	static const char *const names[] = {
		[FORM_SELECT_ONE] = "select_one",
		[FORM_SELECT_MULTIPLE] = "select_multiple",
		[FORM_RANK] = "rank",
		[FORM_INTEGER] = "integer",
		[FORM_DECIMAL] = "decimal",
		[FORM_RANGE] = "range",
		[FORM_TEXT] = "text",
		[FORM_DATE] = "date",
		[FORM_TIME] = "time",
		[FORM_DATETIME] = "dateTime",
		[FORM_NOTE] = "note",
		[FORM_ACKNOWLEDGE] = "acknowledge",
		[FORM_CALCULATE] = "calculate",
		[FORM_GEO] = "geopoint",
		[FORM_MEDIA] = "media",
		[FORM_META] = "metadata",
	};
	return names[kind];
}

/* The code in a language's name: "fr" of "French (fr)", at OPEN; false when none. */
static bool lang_code_of(const char *written, const char **open, size_t *n)
{
	const char *o = strrchr(written, '(');
	const char *close = strrchr(written, ')');
	if (!o || !close || close < o + 2)
		return false;
	*open = o + 1;
	*n = (size_t)(close - o - 1);
	return true;
}

/* "French (fr)" -> code "fr", bare name "French". */
static bool lang_matches(const char *written, const char *wanted)
{
	if (g_ascii_strcasecmp(written, wanted) == 0)
		return true;
	const char *code;
	size_t n;
	if (lang_code_of(written, &code, &n)) {
		if (strlen(wanted) == n && g_ascii_strncasecmp(code, wanted, n) == 0)
			return true;
		size_t bare = (size_t)(code - 1 - written);
		while (bare > 0 && written[bare - 1] == ' ')
			bare--;
		if (strlen(wanted) == bare && g_ascii_strncasecmp(written, wanted, bare) == 0)
			return true;
	}
	return false;
}

char *form_lang_code(const struct form *form, int lang)
{
	if (lang < 0 || (guint)lang >= form->languages->len)
		return NULL;
	const char *code;
	size_t n;
	return lang_code_of(g_ptr_array_index(form->languages, lang), &code, &n)
		       ? g_strndup(code, n) : NULL;
}

int form_lang_find(const struct form *form, const char *lang)
{
	for (guint i = 0; i < form->languages->len; i++)
		if (lang_matches(g_ptr_array_index(form->languages, i), lang))
			return (int)i;
	return -1;
}

/* The first text of TEXTS, language 0 first; NULL when none has one. */
static const char *fallback_text(const struct form *form, char *const *texts)
{
	if (texts[0])
		return texts[0];
	for (guint i = 1; i < form->languages->len; i++)
		if (texts[i])
			return texts[i];
	return NULL;
}

const char *form_text(const struct form *form, char *const *texts, int lang)
{
	if (!texts)
		return NULL;
	if (lang >= 0 && (guint)lang < form->languages->len && texts[lang])
		return texts[lang];
	const char *text = fallback_text(form, texts);
	if (!text || !form->fallback_mark || lang <= 0)
		return text;
	char *marked = g_strconcat(form->fallback_mark, text, NULL);
	const char *interned = g_intern_string(marked);
	g_free(marked);
	return interned;
}

/* Whether the settings give the title in some language (a form_title::LANGUAGE column). */
static bool has_translated_title(const struct form *form)
{
	GHashTableIter it;
	gpointer key, value;
	g_hash_table_iter_init(&it, form->settings);
	while (g_hash_table_iter_next(&it, &key, &value))
		if (g_str_has_prefix(key, "form_title::") && value && *(const char *)value)
			return true;
	return false;
}

const char *form_title(const struct form *form, int lang)
{
	if (lang > 0 && (guint)lang < form->languages->len) {
		char *column = g_strconcat("form_title::",
					   (const char *)g_ptr_array_index(form->languages, lang), NULL);
		const char *own = g_hash_table_lookup(form->settings, column);
		g_free(column);
		if (own && *own)
			return own;
		if (form->fallback_mark && has_translated_title(form)) {
			char *marked = g_strconcat(form->fallback_mark, form->title, NULL);
			const char *interned = g_intern_string(marked);
			g_free(marked);
			return interned;
		}
	}
	return form->title;
}

const char *form_label(const struct form *form, const struct form_question *q, int lang)
{
	const char *s = form_text(form, q->label, lang);
	return s ? s : q->name;
}

const char *form_choice_label(const struct form *form, const struct form_choice *c, int lang)
{
	const char *s = form_text(form, c->label, lang);
	return s ? s : c->name;
}

const char *form_group_label(const struct form *form, const struct form_group *g, int lang)
{
	const char *s = form_text(form, g->label, lang);
	return s ? s : g->name;
}

static const char *extra_lookup(const struct form *form, GHashTable *extra, const char *column,
				int lang)
{
	if (!extra)
		return NULL;
	const char *v = NULL;
	if (lang >= 0 && (guint)lang < form->languages->len) {
		char *key = g_strconcat(column, "::",
					(char *)g_ptr_array_index(form->languages, lang), NULL);
		v = g_hash_table_lookup(extra, key);
		g_free(key);
	}
	if (!v || !*v)
		v = g_hash_table_lookup(extra, column);
	return v && *v ? v : NULL;
}

const char *form_question_extra(const struct form *form, const struct form_question *q,
				const char *column, int lang)
{
	return extra_lookup(form, q->extra, column, lang);
}

const char *form_choice_extra(const struct form *form, const struct form_choice *c,
			      const char *column, int lang)
{
	return extra_lookup(form, c->extra, column, lang);
}

const char *form_question_unit(const struct form *form, const struct form_question *q, int lang)
{
	return extra_lookup(form, q->extra, "unit", lang);
}

const char *form_choice_column(const struct form *form, const struct form_choice *c,
			       const char *column)
{
	if (strcmp(column, "name") == 0)
		return c->name;
	if (strcmp(column, "label") == 0)
		return form_choice_label(form, c, 0);
	return c->extra ? g_hash_table_lookup(c->extra, column) : NULL;
}

bool form_list_has_column(const struct form_list *l, const char *column)
{
	if (strcmp(column, "name") == 0 || strcmp(column, "label") == 0)
		return true;
	for (guint i = 0; i < l->choices->len; i++) {
		const struct form_choice *c = g_ptr_array_index(l->choices, i);
		if (c->extra && g_hash_table_contains(c->extra, column))
			return true;
	}
	return false;
}

const struct form_group *form_part_of(const struct form_question *q)
{
	const struct form_group *g = q->group;
	while (g && g->parent)
		g = g->parent;
	return g;
}

bool form_question_is_conditional(const struct form_question *q)
{
	if (q->relevant)
		return true;
	for (const struct form_group *g = q->group; g; g = g->parent)
		if (g->relevant)
			return true;
	return false;
}

static bool name_start_char(gunichar c)
{
	return c == '_' || g_unichar_isalpha(c);
}

bool form_name_is_valid(const char *name)
{
	if (!name || !*name || !g_utf8_validate(name, -1, NULL))
		return false;
	gunichar c = g_utf8_get_char(name);
	if (!name_start_char(c))
		return false;
	for (const char *p = g_utf8_next_char(name); *p; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (!name_start_char(c) && !g_unichar_isdigit(c) && c != '-' && c != '.')
			return false;
	}
	return true;
}

const char *form_name_reserved(const char *name)
{
	/* Kept equal to response.c's metadata names (tests/unit/test-response.c checks). */
	static const char *const metadata[] = {
		"_respondent", "_submitted", "_channel", "_entered_by", "_form_version", "_note",
		"_incomplete", NULL,
	};
	static const char *const export_columns[] = { "respondent", "submitted", NULL };
	if (g_strv_contains(metadata, name))
		/* TRANSLATORS: in "name '%s' is reserved for %s"; keep the names in parentheses. */
		return E_("the reply metadata (_respondent, _submitted, _channel, _entered_by, "
			  "_form_version, _note, _incomplete)");
	if (g_strv_contains(export_columns, name))
		/* TRANSLATORS: in "name '%s' is reserved for %s"; keep the names in parentheses. */
		return E_("the columns quire's export begins with (respondent, submitted)");
	return NULL;
}

/* The words of a name, lower case: "focalPointName" and "focal_point-name" give focal point name. */
static char **name_words(const char *name)
{
	GString *s = g_string_new(NULL);
	for (const char *p = name; *p; p++) {
		if (g_ascii_isupper(*p) && p > name && g_ascii_islower(p[-1]))
			g_string_append_c(s, ' ');
		g_string_append_c(s, g_ascii_isalnum(*p) ? g_ascii_tolower(*p) : ' ');
	}
	char **words = g_strsplit(s->str, " ", -1);
	g_string_free(s, TRUE);
	return words;
}

bool form_question_is_contact(const struct form_question *q)
{
	static const char *const contact[] = {
		"email", "mail", "phone", "telephone", "tel", "fax", "mobile", "cellphone",
		"whatsapp", "skype", "surname", "firstname", "lastname", "fullname", NULL,
	};
	static const char *const person[] = {
		"resp", "respondent", "contact", "person", "official", "focal", "first", "last",
		"full", "given", "family", "your", "sender", "officer", "author", NULL,
	};
	if (q->kind != FORM_TEXT && q->kind != FORM_INTEGER)
		return false;
	if (q->type && g_ascii_strncasecmp(q->type, "phone", 5) == 0)
		return true;
	if (q->constraint_text && strchr(q->constraint_text, '@'))
		return true;
	char **words = name_words(q->name);
	bool found = false, name = false, who = false;
	for (char **w = words; *w; w++) {
		found |= g_strv_contains(contact, *w) ||
			 (strcmp(*w, "e") == 0 && w[1] && strcmp(w[1], "mail") == 0);
		name |= strcmp(*w, "name") == 0;
		who |= g_strv_contains(person, *w);
	}
	g_strfreev(words);
	return found || (name && who);
}

bool form_choice_is_none(const struct form_choice *c)
{
	return strcmp(c->name, "none") == 0 || g_str_has_prefix(c->name, "none_");
}
