/* form-gaps.c - the texts a form lacks in a language, for its translators */
#include <config.h>
#include "form.h"

#include <stdarg.h>
#include <string.h>

#include "i18n.h"
#include "msg.h"

void form_gap_free(struct form_gap *gap)
{
	if (!gap)
		return;
	g_free(gap->column);
	g_free(gap);
}

static void add_gap(GPtrArray *gaps, const char *file, long row, const char *column,
		    const char *lang_name, const char *name)
{
	struct form_gap *gap = g_new0(struct form_gap, 1);
	gap->file = file;
	gap->row = row;
	gap->column = g_strdup_printf("%s::%s", column, lang_name);
	gap->name = name;
	g_ptr_array_add(gaps, gap);
}

/* Whether TEXTS has a text in some language but not in LANG. */
static bool lacks(const struct form *form, char *const *texts, int lang)
{
	if (!texts || texts[lang])
		return false;
	for (guint i = 0; i < form->languages->len; i++)
		if (texts[i])
			return true;
	return false;
}

/* Whether EXTRA gives COLUMN in some language but not in LANG_NAME. */
static bool lacks_extra(GHashTable *extra, const char *column, const char *lang_name)
{
	if (!extra)
		return false;
	char *own = g_strconcat(column, "::", lang_name, NULL);
	const char *v = g_hash_table_lookup(extra, own);
	g_free(own);
	if (v && *v)
		return false;
	char *prefix = g_strconcat(column, "::", NULL);
	bool other = false;
	GHashTableIter it;
	gpointer key, value;
	g_hash_table_iter_init(&it, extra);
	while (!other && g_hash_table_iter_next(&it, &key, &value))
		other = g_str_has_prefix(key, prefix) && value && *(const char *)value;
	g_free(prefix);
	return other;
}

void form_gaps(const struct form *form, int lang, GPtrArray *gaps)
{
	if (lang <= 0 || (guint)lang >= form->languages->len)
		return;
	const char *lang_name = g_ptr_array_index(form->languages, lang);
	if (lacks_extra(form->settings, "form_title", lang_name))
		add_gap(gaps, form->settings_file, 2, "form_title", lang_name, "form_title");
	for (guint i = 0; i < form->groups->len; i++) {
		const struct form_group *g = g_ptr_array_index(form->groups, i);
		if (lacks(form, g->label, lang))
			add_gap(gaps, form->survey_file, g->row, "label", lang_name, g->name);
	}
	GHashTable *lists = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (guint i = 0; i < form->questions->len; i++) {
		const struct form_question *q = g_ptr_array_index(form->questions, i);
		if (!q->number)
			continue;
		if (lacks(form, q->label, lang))
			add_gap(gaps, q->file, q->row, "label", lang_name, q->name);
		if (lacks_extra(q->extra, "summary", lang_name))
			add_gap(gaps, q->file, q->row, "summary", lang_name, q->name);
		if (!q->list || g_hash_table_contains(lists, q->list))
			continue;
		g_hash_table_add(lists, q->list);
		const char *file = q->list->file ? q->list->file : form->choices_file;
		for (guint k = 0; k < q->list->choices->len; k++) {
			const struct form_choice *c = g_ptr_array_index(q->list->choices, k);
			if (lacks(form, c->label, lang))
				add_gap(gaps, file, c->row, "label", lang_name, c->name);
			if (lacks_extra(c->extra, "summary", lang_name))
				add_gap(gaps, file, c->row, "summary", lang_name, c->name);
		}
	}
	g_hash_table_destroy(lists);
}

char *form_document_language(const struct form *form, int lang)
{
	char *code = form_lang_code(form, lang);
	return code || lang > 0 ? code : g_strdup("en");
}

/* A problem at FILE:ROW, as an error when FATAL, else as a warning; FMT is marked E_() by the caller. */
static void say(bool fatal, const char *file, long row, const char *fmt, ...) MSG_PRINTF(4, 5);
static void say(bool fatal, const char *file, long row, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	if (fatal)
		msg_error_at(file, row, "%s", text);
	else
		msg_warn_at(file, row, "%s", text);
	g_free(text);
}

int form_check_language(const struct form *form, int lang, bool fatal)
{
	int problems = 0;
	const char *name = g_ptr_array_index(form->languages, lang);
	char *code = form_document_language(form, lang);
	if (!code) {
		/* TRANSLATORS: %s is a language as the form names it, such as "French (fr)" or "Deutsch". */
		say(fatal, form->survey_file, 1, E_("language '%s' has no code, as in 'French (fr)': "
						    "quire needs one to write its own words in it"), name);
		problems++;
	} else if (!i18n_has_catalog(code)) {
		/* TRANSLATORS: the language as the form names it ("Français (fr)"), then its code ("fr"). */
		say(fatal, form->survey_file, 1, E_("language '%s': quire has no catalog of its own "
						    "words for '%s'"), name, code);
		problems++;
	}
	g_free(code);
	GPtrArray *gaps = g_ptr_array_new_with_free_func((GDestroyNotify)form_gap_free);
	form_gaps(form, lang, gaps);
	for (guint i = 0; i < gaps->len; i++) {
		const struct form_gap *gap = g_ptr_array_index(gaps, i);
		/* TRANSLATORS: the name of a question or choice, then a column such as "label::French (fr)". */
		say(fatal, gap->file, gap->row, E_("%s: no text in column '%s'"), gap->name,
		    gap->column);
	}
	problems += (int)gaps->len;
	g_ptr_array_free(gaps, TRUE);
	return problems;
}
