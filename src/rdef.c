/* rdef.c - report definitions: reports/NAME.ini, a GLib key file */
#include <config.h>
#include "rdef.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inputs.h"
#include "isodate.h"
#include "msg.h"

static const char *const report_keys[] = {
	"form", "data", "roster", "cutoff", "language", "organisation", "title", "subtitle",
	"meeting", "place", "dates", "symbol", "date", "prepared_by", "notice", "conclusions",
	"distribution", "original", "agenda", "agenda_note", "respondent",
	"paper", "style", "anonymous", "attribute_texts", "small_cell", "group_by", "group_label",
	"output", "omit",
	"include", "fisher_exact_limit", NULL,
};
static const char *const crosstab_keys[] = { "title", "note", NULL };
static const char *const chart_keys[] = { "type", "label", "show", NULL };
static const char *const shows[] = { "chart", "table", "both", "text", NULL };
static const char *const section_keys[] = { "title", "questions", "crosstabs", "text", NULL };
static const char *const paragraph_keys[] = { "text", "before", "after", "figures", "footnote",
						 NULL };
/*
 * The keys whose values are text for readers: each may also be given per
 * language as KEY[LL] ("title[fr] = ..."), which rdef_localize() takes.
 */
static const char *const report_texts[] = {
	"organisation", "title", "subtitle", "meeting", "place", "dates", "prepared_by", "notice",
	"conclusions", "distribution", "original", "agenda", "agenda_note", "group_label", NULL,
};
static const char *const crosstab_texts[] = { "title", "note", NULL };
static const char *const section_texts[] = { "title", "text", NULL };
static const char *const paragraph_texts[] = { "text", "before", "after", "footnote", NULL };
static const char *const chart_types[] = {
	"bar", "pie", "donut", "histogram", "dotplot", "none", NULL,
};

struct rdef *rdef_new(void)
{
	struct rdef *def = g_new0(struct rdef, 1);
	def->cutoff = INT_MAX;
	def->date = INT_MIN;
	def->small_cell = 3;
	def->respondent_singular = g_strdup("Member State");
	def->respondent_plural = g_strdup("Member States");
	def->data = g_new0(char *, 1);
	def->omit = g_new0(char *, 1);
	def->include = g_new0(char *, 1);
	def->crosstabs = g_ptr_array_new();
	def->charts = g_ptr_array_new();
	def->sections = g_ptr_array_new();
	def->paragraphs = g_ptr_array_new();
	return def;
}

static void crosstab_free(struct rdef_crosstab *x)
{
	g_free(x->row);
	g_free(x->by);
	g_free(x->title);
	g_free(x->note);
	g_free(x);
}

void rdef_free(struct rdef *def)
{
	if (!def)
		return;
	char **strings[] = { &def->path, &def->form, &def->roster, &def->output, &def->language,
			     &def->organisation, &def->title, &def->subtitle, &def->meeting,
			     &def->place, &def->dates, &def->symbol, &def->prepared_by,
			     &def->notice, &def->conclusions, &def->distribution, &def->original,
			     &def->agenda, &def->agenda_note, &def->texts_language,
			     &def->respondent_singular,
			     &def->respondent_plural,
			     &def->group_by, &def->group_label };
	for (size_t i = 0; i < G_N_ELEMENTS(strings); i++)
		g_free(*strings[i]);
	g_strfreev(def->data);
	g_strfreev(def->omit);
	g_strfreev(def->include);
	for (guint i = 0; i < def->crosstabs->len; i++)
		crosstab_free(g_ptr_array_index(def->crosstabs, i));
	g_ptr_array_free(def->crosstabs, TRUE);
	for (guint i = 0; i < def->charts->len; i++) {
		struct rdef_chart *c = g_ptr_array_index(def->charts, i);
		g_free(c->question);
		g_free(c->type);
		g_free(c->label);
		g_free(c->show);
		g_free(c);
	}
	g_ptr_array_free(def->charts, TRUE);
	for (guint i = 0; i < def->sections->len; i++) {
		struct rdef_section *s = g_ptr_array_index(def->sections, i);
		g_free(s->title);
		g_strfreev(s->questions);
		for (guint k = 0; k < s->crosstabs->len; k++)
			crosstab_free(g_ptr_array_index(s->crosstabs, k));
		g_ptr_array_free(s->crosstabs, TRUE);
		g_free(s->text);
		g_free(s);
	}
	g_ptr_array_free(def->sections, TRUE);
	for (guint i = 0; i < def->paragraphs->len; i++) {
		struct rdef_paragraph *p = g_ptr_array_index(def->paragraphs, i);
		g_free(p->name);
		g_free(p->text);
		g_free(p->before);
		g_free(p->after);
		g_free(p->figures);
		g_free(p->footnote);
		g_free(p);
	}
	g_ptr_array_free(def->paragraphs, TRUE);
	if (def->lines)
		g_ptr_array_free(def->lines, TRUE);
	if (def->texts)
		g_key_file_free(def->texts);
	g_free(def);
}

/*
 * GKeyFile keeps no line numbers, so messages find them in the text: the
 * group header, then the first "KEY =" line after it.
 */
long rdef_line(const struct rdef *def, const char *group, const char *key)
{
	if (!def->lines)
		return 0;
	char *header = g_strdup_printf("[%s]", group);
	long line = 0;
	bool in_group = false;
	for (guint i = 0; i < def->lines->len; i++) {
		char *l = g_strstrip(g_strdup(g_ptr_array_index(def->lines, i)));
		if (l[0] == '[') {
			in_group = strcmp(l, header) == 0;
			if (in_group && !key)
				line = (long)i + 1;
		} else if (in_group && key && g_str_has_prefix(l, key)) {
			const char *rest = l + strlen(key);
			while (*rest == ' ' || *rest == '\t')
				rest++;
			if (*rest == '=' || *rest == '[')
				line = (long)i + 1;
		}
		g_free(l);
		if (line)
			break;
	}
	g_free(header);
	return line;
}

const struct rdef_paragraph *rdef_paragraph(const struct rdef *def, const char *name)
{
	for (guint i = 0; i < def->paragraphs->len; i++) {
		const struct rdef_paragraph *p = g_ptr_array_index(def->paragraphs, i);
		if (strcmp(p->name, name) == 0)
			return p;
	}
	return NULL;
}

const struct rdef_chart *rdef_chart(const struct rdef *def, const char *name)
{
	for (guint i = 0; i < def->charts->len; i++) {
		const struct rdef_chart *c = g_ptr_array_index(def->charts, i);
		if (strcmp(c->question, name) == 0)
			return c;
	}
	return NULL;
}

/* Loading */

struct loader {
	struct rdef *def;
	GKeyFile *kf;
	char *dir;
	int errors;
};

#define DEF_ERROR(ld, group, key, ...) \
	((ld)->errors++, msg_error_at((ld)->def->path, rdef_line((ld)->def, (group), (key)), __VA_ARGS__))

/*
 * The value of KEY as written, trimmed; NULL when absent or blank.  A
 * value is what the Secretariat typed: GKeyFile's escapes are not read,
 * so that "C:\new\table" keeps its backslashes (get_string() would make
 * a line break and a tab of them, and drop a value with "\d" in it).
 */
static char *get(struct loader *ld, const char *group, const char *key)
{
	char *v = g_key_file_get_value(ld->kf, group, key, NULL);
	if (v && !*g_strstrip(v)) {
		g_free(v);
		return NULL;
	}
	return v;
}

/* A path relative to the definition's directory. */
static char *get_path(struct loader *ld, const char *group, const char *key)
{
	char *v = get(ld, group, key);
	if (!v || g_path_is_absolute(v))
		return v;
	char *p = g_build_filename(ld->dir, v, NULL);
	g_free(v);
	return p;
}

static bool get_bool(struct loader *ld, const char *group, const char *key, bool dflt)
{
	char *v = get(ld, group, key);
	bool b = dflt;
	if (!v)
		return dflt;
	if (g_ascii_strcasecmp(v, "true") == 0 || g_ascii_strcasecmp(v, "yes") == 0)
		b = true;
	else if (g_ascii_strcasecmp(v, "false") == 0 || g_ascii_strcasecmp(v, "no") == 0)
		b = false;
	else
		/*
		 * TRANSLATORS: a key of the report definition ("anonymous"), then its value as
		 * typed.
		 */
		DEF_ERROR(ld, group, key, "%s: '%s' is not true or false", key, v);
	g_free(v);
	return b;
}

static int get_date(struct loader *ld, const char *group, const char *key, int dflt)
{
	char *v = get(ld, group, key);
	int day = dflt;
	if (v && !isodate_parse(v, &day)) {
		/*
		 * TRANSLATORS: a key of the report definition ("cutoff"), then its
		 * value as typed; YYYY-MM-DD is kept.
		 */
		DEF_ERROR(ld, group, key, "%s: '%s' is not a date (YYYY-MM-DD)", key, v);
		day = dflt;
	}
	g_free(v);
	return day;
}

/* Whether KEY is TEXT[LL] for one of TEXTS, LL a language tag ("fr", "zh_CN", "sr@latin"). */
static bool is_translation(const char *key, const char *const *texts)
{
	const char *open = strchr(key, '[');
	size_t n = open ? strlen(open) : 0;
	if (!texts || !open || n < 3 || open[n - 1] != ']')
		return false;
	for (const char *c = open + 1; c < open + n - 1; c++)
		if (!g_ascii_isalnum(*c) && *c != '_' && *c != '-' && *c != '@')
			return false;
	char *bare = g_strndup(key, (gsize)(open - key));
	bool known = g_strv_contains(texts, bare);
	g_free(bare);
	return known;
}

static void check_keys(struct loader *ld, const char *group, const char *const *known,
		       const char *const *texts)
{
	char **keys = g_key_file_get_keys(ld->kf, group, NULL, NULL);
	for (char **k = keys; k && *k; k++)
		if (!g_strv_contains(known, *k) && !is_translation(*k, texts))
			/* TRANSLATORS: a key as typed, then the name of its group ("chart q1"). */
			DEF_ERROR(ld, group, *k, "unknown key '%s' in [%s]", *k, group);
	g_strfreev(keys);
}

static char **get_list(struct loader *ld, const char *group, const char *key)
{
	char *v = get(ld, group, key);
	char **items = g_strsplit(v ? v : "", ";", -1);
	g_free(v);
	GPtrArray *out = g_ptr_array_new();
	for (char **i = items; *i; i++)
		if (*g_strstrip(*i))
			g_ptr_array_add(out, g_strdup(*i));
	g_ptr_array_add(out, NULL);
	g_strfreev(items);
	return (char **)g_ptr_array_free(out, FALSE);
}

static void load_report(struct loader *ld)
{
	struct rdef *def = ld->def;
	const char *g = "report";
	if (!g_key_file_has_group(ld->kf, g)) {
		ld->errors++;
		msg_error_at(def->path, 0, "no [report] group");
		return;
	}
	check_keys(ld, g, report_keys, report_texts);
	def->form = get_path(ld, g, "form");
	def->roster = get_path(ld, g, "roster");
	def->output = get_path(ld, g, "output");
	char **data = get_list(ld, g, "data");
	g_strfreev(def->data);
	def->data = data;
	for (char **p = def->data; *p; p++) {
		if (!g_path_is_absolute(*p)) {
			char *abs = g_build_filename(ld->dir, *p, NULL);
			g_free(*p);
			*p = abs;
		}
	}
	if (!def->form)
		DEF_ERROR(ld, g, NULL, "[report] needs 'form'");
	if (!*def->data)
		DEF_ERROR(ld, g, NULL, "[report] needs 'data'");
	g_strfreev(def->omit);
	def->omit = get_list(ld, g, "omit");
	g_strfreev(def->include);
	def->include = get_list(ld, g, "include");
	def->language = get(ld, g, "language");
	def->texts_language = g_strdup(def->language);
	def->cutoff = get_date(ld, g, "cutoff", INT_MAX);
	def->date = get_date(ld, g, "date", INT_MIN);
	char **texts[] = { &def->organisation, &def->title, &def->subtitle, &def->meeting,
			   &def->place, &def->dates, &def->symbol, &def->prepared_by, &def->notice,
			   &def->conclusions, &def->distribution, &def->original, &def->agenda,
			   &def->agenda_note, &def->group_by, &def->group_label };
	const char *names[] = { "organisation", "title", "subtitle", "meeting", "place", "dates",
				"symbol", "prepared_by", "notice", "conclusions", "distribution",
				"original", "agenda", "agenda_note", "group_by", "group_label" };
	for (size_t i = 0; i < G_N_ELEMENTS(texts); i++)
		*texts[i] = get(ld, g, names[i]);
	if (def->agenda_note && !def->agenda)
		DEF_ERROR(ld, g, "agenda_note", "agenda_note: a footnote to the agenda line needs "
			  "the line: give agenda too");
	/*
	 * The words for the respondents are the catalogs': "Member States"
	 * takes its own forms with each number in every language (three in
	 * Russian, six in Arabic), which one noun given here cannot.  The key
	 * stays for definitions that give those words.
	 */
	char *noun = get(ld, g, "respondent");
	if (noun && strcmp(noun, "Member State;Member States") != 0)
		DEF_ERROR(ld, g, "respondent", "respondent: '%s': the report calls the respondents "
			  "Member States in each of its languages; leave the key out", noun);
	g_free(noun);
	char *paper = get(ld, g, "paper");
	if (paper && g_ascii_strcasecmp(paper, "letter") == 0)
		def->letter = true;
	else if (paper && g_ascii_strcasecmp(paper, "a4") != 0)
		DEF_ERROR(ld, g, "paper", "paper: '%s' is not a4 or letter", paper);
	g_free(paper);
	char *style = get(ld, g, "style");
	if (style && strcmp(style, "plain") == 0)
		def->plain = true;
	else if (style && strcmp(style, "un") != 0)
		DEF_ERROR(ld, g, "style", "style: '%s' is not un or plain", style);
	g_free(style);
	def->anonymous = get_bool(ld, g, "anonymous", false);
	def->attribute_texts = get_bool(ld, g, "attribute_texts", false);
	char *cell = get(ld, g, "small_cell");
	if (cell) {
		char *end;
		long n = strtol(cell, &end, 10);
		if (*end || n < 1 || n > 1000)
			DEF_ERROR(ld, g, "small_cell", "small_cell: '%s' is not a whole number from 1 "
				  "to 1000", cell);
		else
			def->small_cell = (int)n;
	}
	g_free(cell);
	char *limit = get(ld, g, "fisher_exact_limit");
	if (limit) {
		char *end;
		guint64 n = g_ascii_strtoull(limit, &end, 10);
		if (!g_ascii_isdigit(*limit) || *end || n < 1)
			DEF_ERROR(ld, g, "fisher_exact_limit", "fisher_exact_limit: '%s' is not a "
				  "whole number of steps from 1 on", limit);
		else
			def->fisher_exact_limit = n;
	}
	g_free(limit);
}

/* "ROW by COL" */
static struct rdef_crosstab *parse_crosstab(const char *spec, long line)
{
	char **parts = g_strsplit(spec, " by ", 2);
	struct rdef_crosstab *x = NULL;
	if (parts[0] && parts[1] && *g_strstrip(parts[0]) && *g_strstrip(parts[1]) &&
	    !strchr(parts[0], ' ') && !strchr(parts[1], ' ')) {
		x = g_new0(struct rdef_crosstab, 1);
		x->row = g_strdup(parts[0]);
		x->by = g_strdup(parts[1]);
		x->line = line;
	}
	g_strfreev(parts);
	return x;
}

static void load_crosstab(struct loader *ld, const char *group)
{
	check_keys(ld, group, crosstab_keys, crosstab_texts);
	struct rdef_crosstab *x = parse_crosstab(group + strlen("crosstab "),
						 rdef_line(ld->def, group, NULL));
	if (!x) {
		/*
		 * TRANSLATORS: %s is the group's name as typed; "[crosstab ... by ...]"
		 * is kept, its QUESTION and QUESTION-OR-COLUMN may be translated.
		 */
		DEF_ERROR(ld, group, NULL, "[%s]: write [crosstab QUESTION by QUESTION-OR-COLUMN]",
			  group);
		return;
	}
	x->title = get(ld, group, "title");
	x->note = get(ld, group, "note");
	g_ptr_array_add(ld->def->crosstabs, x);
}

static void load_chart(struct loader *ld, const char *group)
{
	check_keys(ld, group, chart_keys, NULL);
	struct rdef_chart *c = g_new0(struct rdef_chart, 1);
	c->question = g_strstrip(g_strdup(group + strlen("chart ")));
	c->line = rdef_line(ld->def, group, NULL);
	c->type = get(ld, group, "type");
	c->label = get(ld, group, "label");
	if (c->type && !g_strv_contains(chart_types, c->type))
		DEF_ERROR(ld, group, "type", "type: '%s' is not one of bar, pie, donut, histogram, "
			  "dotplot, none", c->type);
	if (c->label && strcmp(c->label, "count") != 0 && strcmp(c->label, "percent") != 0)
		DEF_ERROR(ld, group, "label", "label: '%s' is not count or percent", c->label);
	c->show = get(ld, group, "show");
	if (c->show && !g_strv_contains(shows, c->show))
		DEF_ERROR(ld, group, "show", "show: '%s' is not one of chart, table, both, text",
			  c->show);
	g_ptr_array_add(ld->def->charts, c);
}

static void load_section(struct loader *ld, const char *group)
{
	check_keys(ld, group, section_keys, section_texts);
	struct rdef_section *s = g_new0(struct rdef_section, 1);
	s->title = g_strstrip(g_strdup(group + strlen("section ")));
	s->line = rdef_line(ld->def, group, NULL);
	s->questions = get_list(ld, group, "questions");
	s->crosstabs = g_ptr_array_new();
	char **specs = get_list(ld, group, "crosstabs");
	for (char **spec = specs; *spec; spec++) {
		struct rdef_crosstab *x = parse_crosstab(*spec, rdef_line(ld->def, group, "crosstabs"));
		if (x)
			g_ptr_array_add(s->crosstabs, x);
		else
			DEF_ERROR(ld, group, "crosstabs", "crosstabs: '%s' is not 'QUESTION by "
				  "QUESTION-OR-COLUMN'", *spec);
	}
	g_strfreev(specs);
	s->text = get(ld, group, "text");
	char *title = get(ld, group, "title");
	if (title) {
		g_free(s->title);
		s->title = title;
	}
	g_ptr_array_add(ld->def->sections, s);
}

/* LINE without leading blanks and a trailing CR, as GKeyFile reads it (g_free). */
static char *line_text(const char *line)
{
	char *l = g_strdup(line + strspn(line, " \t"));
	size_t n = strlen(l);
	if (n && l[n - 1] == '\r')
		l[n - 1] = '\0';
	return l;
}

/* Counts and reports a repeat at line I + 1 of what was first at line FIRST. */
static void repeated(struct loader *ld, guint i, const char *what, gpointer first)
{
	ld->errors++;
	/*
	 * TRANSLATORS: %s is a group as typed ("[report]") or a key in quotes
	 * ("'title'"), then the line it was first given at.
	 */
	msg_error_at(ld->def->path, (long)i + 1, "%s is given twice (first at line %ld)", what,
		     (long)GPOINTER_TO_SIZE(first));
}

/*
 * A key given twice in a group, or a group given twice, is an error with
 * both lines: GKeyFile would let the last value win and merge the groups,
 * so a definition pieced together from two would silently make its report
 * from other replies than the first 'data' says.  The keys of a repeated
 * group are not compared again.
 */
static void check_repeats(struct loader *ld)
{
	GHashTable *groups = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTable *keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	bool skip = false;
	for (guint i = 0; i < ld->def->lines->len; i++) {
		char *l = line_text(g_ptr_array_index(ld->def->lines, i));
		char *end = strrchr(l, ']'), *eq = strchr(l, '=');
		gpointer line = GSIZE_TO_POINTER((gsize)i + 1), first;
		if (l[0] == '[' && end) {
			char *what = g_strndup(l, (gsize)(end - l + 1));
			skip = (first = g_hash_table_lookup(groups, what)) != NULL;
			if (skip)
				repeated(ld, i, what, first);
			else
				g_hash_table_insert(groups, g_strdup(what), line);
			g_hash_table_remove_all(keys);
			g_free(what);
		} else if (l[0] != '#' && eq && !skip) {
			char *key = g_strchomp(g_strndup(l, (gsize)(eq - l)));
			char *what = g_strdup_printf("'%s'", key);
			if ((first = g_hash_table_lookup(keys, key)))
				repeated(ld, i, what, first);
			else
				g_hash_table_insert(keys, g_strdup(key), line);
			g_free(what);
			g_free(key);
		}
		g_free(l);
	}
	g_hash_table_destroy(keys);
	g_hash_table_destroy(groups);
}

static void load_paragraph(struct loader *ld, const char *group)
{
	check_keys(ld, group, paragraph_keys, paragraph_texts);
	struct rdef_paragraph *p = g_new0(struct rdef_paragraph, 1);
	/* "ROW by COL" as [crosstab ROW by COL] writes it, blanks squeezed */
	char **words = g_strsplit_set(group + strlen("paragraph "), " \t", -1);
	GString *name = g_string_new(NULL);
	for (char **w = words; *w; w++)
		if (**w)
			g_string_append_printf(name, "%s%s", name->len ? " " : "", *w);
	g_strfreev(words);
	p->name = g_string_free(name, FALSE);
	p->line = rdef_line(ld->def, group, NULL);
	p->text = get(ld, group, "text");
	p->before = get(ld, group, "before");
	p->after = get(ld, group, "after");
	p->figures = get(ld, group, "figures");
	p->footnote = get(ld, group, "footnote");
	if (!*p->name)
		/*
		 * TRANSLATORS: %s is the group's name as typed; "[paragraph ...]" and
		 * "by" are kept, QUESTION and QUESTION-OR-COLUMN may be translated.
		 */
		DEF_ERROR(ld, group, NULL, "[%s]: write [paragraph QUESTION] or [paragraph QUESTION "
			  "by QUESTION-OR-COLUMN]", group);
	g_ptr_array_add(ld->def->paragraphs, p);
}

static void load_groups(struct loader *ld)
{
	check_repeats(ld);
	char **groups = g_key_file_get_groups(ld->kf, NULL);
	for (char **g = groups; *g; g++) {
		if (strcmp(*g, "report") == 0)
			load_report(ld);
		else if (g_str_has_prefix(*g, "crosstab "))
			load_crosstab(ld, *g);
		else if (g_str_has_prefix(*g, "chart "))
			load_chart(ld, *g);
		else if (g_str_has_prefix(*g, "section "))
			load_section(ld, *g);
		else if (g_str_has_prefix(*g, "paragraph "))
			load_paragraph(ld, *g);
		else
			/*
			 * TRANSLATORS: %s is the group's name as typed; the names in brackets are
			 * kept.
			 */
			DEF_ERROR(ld, *g, NULL, "unknown group [%s] (known: [report], [crosstab ...], "
				  "[chart ...], [section ...], [paragraph ...])", *g);
	}
	if (!g_strv_contains((const char *const *)groups, "report"))
		load_report(ld);
	g_strfreev(groups);
}

/*
 * GLib's parse errors quote the offending line ("Key file contains line
 * “x” which is not a key-value pair, group, or comment"); find its number.
 */
static long syntax_error_line(const struct rdef *def, const char *message)
{
	const char *open = strstr(message, "\xe2\x80\x9c"), *close = open ? strstr(open, "\xe2\x80\x9d") : NULL;
	if (!close)
		return 0;
	open += strlen("\xe2\x80\x9c");
	char *quoted = g_strndup(open, (gsize)(close - open));
	long line = 0;
	for (guint i = 0; i < def->lines->len && !line; i++) {
		char *l = g_strdup(g_ptr_array_index(def->lines, i));
		g_strchomp(l);
		if (strcmp(l, quoted) == 0)
			line = (long)i + 1;
		g_free(l);
	}
	g_free(quoted);
	return line;
}

/* The first line that is neither blank nor a comment. */
static long first_line(const struct rdef *def)
{
	for (guint i = 0; i < def->lines->len; i++) {
		const char *l = g_ptr_array_index(def->lines, i);
		l += strspn(l, " \t\r");
		if (*l && *l != '#')
			return (long)i + 1;
	}
	return 0;
}

/* The default output: the definition's name with .pdf, beside it. */
static char *default_output(const char *path)
{
	char *base = g_strdup(path);
	if (g_str_has_suffix(base, ".ini"))
		base[strlen(base) - 4] = '\0';
	char *out = g_strconcat(base, ".pdf", NULL);
	g_free(base);
	return out;
}

/* The whole file at PATH, or NULL after reporting why not. */
static char *read_text(const char *path, gsize *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		msg_error_at(path, 0, "cannot open: %s", g_strerror(errno));
		return NULL;
	}
	inputs_record(fileno(fp));
	GString *s = g_string_new(NULL);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		g_string_append_len(s, buf, (gssize)n);
	int err = ferror(fp) ? errno : 0;
	fclose(fp);
	if (err) {
		msg_error_at(path, 0, "read error: %s", g_strerror(err));
		g_string_free(s, TRUE);
		return NULL;
	}
	*len = s->len;
	return g_string_free(s, FALSE);
}

struct rdef *rdef_load(const char *path)
{
	gsize len;
	GError *err = NULL;
	char *text = read_text(path, &len);
	if (!text)
		return NULL;
	struct rdef *def = rdef_new();
	def->path = g_strdup(path);
	def->lines = g_ptr_array_new_with_free_func(g_free);
	char **lines = g_strsplit(text, "\n", -1);
	for (char **l = lines; *l; l++)
		g_ptr_array_add(def->lines, g_strdup(*l));
	g_strfreev(lines);
	struct loader ld = { def, g_key_file_new(), g_path_get_dirname(path), 0 };
	if (!g_utf8_validate(text, (gssize)len, NULL)) {
		msg_error_at(path, 0, "not valid UTF-8");
		ld.errors++;
	} else if (!g_key_file_load_from_data(ld.kf, text, len, G_KEY_FILE_KEEP_TRANSLATIONS, &err)) {
		long line = syntax_error_line(def, err->message);
		if (line && strstr(err->message, "not a key-value pair"))
			msg_error_at(path, line, "syntax error: not a [group], a 'key = value' line or "
				     "a '#' comment");
		else if (g_error_matches(err, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND))
			msg_error_at(path, first_line(def), "syntax error: a key before the first "
				     "[group]");
		else
			msg_error_at(path, line, "%s", err->message);
		g_error_free(err);
		ld.errors++;
	} else {
		load_groups(&ld);
	}
	if (!def->output && !ld.errors)
		def->output = default_output(path);
	def->texts = ld.kf;
	g_free(ld.dir);
	g_free(text);
	if (ld.errors) {
		rdef_free(def);
		return NULL;
	}
	return def;
}

struct localizer {
	struct rdef *def;
	const char *lang;	/* the document's language */
	bool own;		/* it is the definition's own: KEY's text is in it */
	const char *mark;	/* put before a text left in the definition's language */
	bool fatal;
	int gaps;
};

/*
 * *FIELD, KEY's text in GROUP, becomes KEY[LANG]'s when the definition
 * gives it.  Otherwise, when LANG is not the definition's own language, a
 * text there is a gap: said, and marked.
 */
static void localize(struct localizer *lz, const char *group, const char *key, char **field)
{
	char *k = g_strdup_printf("%s[%s]", key, lz->lang);
	char *v = g_key_file_get_value(lz->def->texts, group, k, NULL);
	if (v && *g_strstrip(v)) {
		g_free(*field);
		*field = v;
	} else if (*field && !lz->own) {
		g_free(v);
		lz->gaps++;
		long line = rdef_line(lz->def, group, key);
		if (lz->fatal)
			/*
			 * TRANSLATORS: a key of the report definition ("title"), then the
			 * key to give for the document's language ("title[fr]").
			 */
			msg_error_at(lz->def->path, line, "%s: no text in the document's language: "
				     "give %s", key, k);
		else
			msg_warn_at(lz->def->path, line, "%s: no text in the document's language: "
				    "give %s", key, k);
		if (lz->mark) {
			char *marked = g_strconcat(lz->mark, *field, NULL);
			g_free(*field);
			*field = marked;
		}
	} else {
		g_free(v);
	}
	g_free(k);
}

int rdef_localize(struct rdef *def, const char *lang, bool own, const char *mark, bool fatal)
{
	if (!def->texts || !lang)
		return 0;
	struct localizer lz = { def, lang, own, mark, fatal, 0 };
	char **report[] = { &def->organisation, &def->title, &def->subtitle, &def->meeting,
			    &def->place, &def->dates, &def->prepared_by, &def->notice,
			    &def->conclusions, &def->distribution, &def->original, &def->agenda,
			    &def->agenda_note, &def->group_label };
	G_STATIC_ASSERT(G_N_ELEMENTS(report) == G_N_ELEMENTS(report_texts) - 1);
	for (size_t i = 0; i < G_N_ELEMENTS(report); i++)
		localize(&lz, "report", report_texts[i], report[i]);
	/* The groups of each kind were loaded in the file's order, into these arrays. */
	guint crosstab = 0, section = 0, paragraph = 0;
	char **groups = g_key_file_get_groups(def->texts, NULL);
	for (char **g = groups; *g; g++) {
		if (g_str_has_prefix(*g, "crosstab ") && crosstab < def->crosstabs->len) {
			struct rdef_crosstab *x = g_ptr_array_index(def->crosstabs, crosstab++);
			localize(&lz, *g, "title", &x->title);
			localize(&lz, *g, "note", &x->note);
		} else if (g_str_has_prefix(*g, "section ") && section < def->sections->len) {
			struct rdef_section *s = g_ptr_array_index(def->sections, section++);
			localize(&lz, *g, "title", &s->title);
			localize(&lz, *g, "text", &s->text);
		} else if (g_str_has_prefix(*g, "paragraph ") && paragraph < def->paragraphs->len) {
			struct rdef_paragraph *p = g_ptr_array_index(def->paragraphs, paragraph++);
			localize(&lz, *g, "text", &p->text);
			localize(&lz, *g, "before", &p->before);
			localize(&lz, *g, "after", &p->after);
			localize(&lz, *g, "footnote", &p->footnote);
		}
	}
	g_strfreev(groups);
	return lz.gaps;
}
