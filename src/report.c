/* report.c - the Working Group report: inputs, summary of replies, sections, annexes */
#include <config.h>
#include "report.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "analysis.h"
#include "chart.h"
#include "doc.h"
#include "figure.h"
#include "findings.h"
#include "form.h"
#include "isodate.h"
#include "i18n.h"
#include "msg.h"
#include "narrate.h"
#include "qchart.h"
#include "rdef.h"
#include "redact.h"
#include "report-int.h"
#include "response.h"
#include "roster.h"
#include "source.h"
#include "status.h"
#include "tally.h"

char *report_next_number(struct report *r)
{
	return g_strdup_printf("%d", ++r->paragraph);
}

void report_table_caption(struct report *r, const char *title)
{
	/* TRANSLATORS: a table's caption: its number in the body, then its title. */
	char *caption = g_strdup_printf(_("Table %d. %s"), ++r->tables, title);
	doc_caption(r->doc, caption);
	g_free(caption);
}

int report_inner_level(const struct report *r)
{
	return r->section ? 3 : 2;
}

char *report_roman(unsigned n)
{
	static const struct { unsigned value; const char *digits; } numerals[] = {
		{ 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" },
		{ 90, "XC" }, { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" },
		{ 4, "IV" }, { 1, "I" },
	};
	if (n == 0 || n > 3999)
		return g_strdup("?");
	GString *s = g_string_new(NULL);
	for (size_t i = 0; i < G_N_ELEMENTS(numerals); i++)
		for (; n >= numerals[i].value; n -= numerals[i].value)
			g_string_append(s, numerals[i].digits);
	return g_string_free(s, FALSE);
}

char *report_chapter_number(const struct report *r, int chapter)
{
	if (r->def->plain)
		return g_strdup_printf("%d.", chapter);
	char *roman = report_roman((unsigned)chapter);
	char *num = g_strdup_printf("%s.", roman);
	g_free(roman);
	return num;
}

/*
 * The body's structure, as UN documents have it: chapters I, II, ...,
 * sections A, B, ... inside a chapter, and paragraphs numbered 1, 2, ...
 * through the body, whatever chapter they are in.
 */
static void chapter_heading(struct report *r, const char *title)
{
	r->chapter++;
	r->section = 0;
	char *num = report_chapter_number(r, r->chapter);
	doc_heading(r->doc, 1, num, title);
	g_free(num);
}

/* Sections A, B, ... of a chapter; 2.1, 2.2, ... in the plain style. */
static void section_heading(struct report *r, const char *title)
{
	r->section++;
	char *num = r->def->plain ? g_strdup_printf("%d.%d", r->chapter, r->section)
				  : g_strdup_printf("%c.", r->section <= 26 ? 'A' + r->section - 1
									    : '?');
	doc_heading(r->doc, 2, num, title);
	g_free(num);
}

/* Whether quire drafts sentences in the document's language (narrate.h). */
static bool drafting_own_language(void)
{
	return narrate_can_draft(i18n_language());
}

const char *report_drafted(struct report *r, const char *sentence)
{
	if (drafting_own_language() || !sentence || !*sentence)
		return sentence;
	r->english_drafts++;
	if (!r->fallback_mark)
		return sentence;
	char *marked = g_strconcat(r->fallback_mark, sentence, NULL);
	const char *interned = g_intern_string(marked);
	g_free(marked);
	return interned;
}

char *report_number(const struct report *r, unsigned long n)
{
	return r->base.grammar ? narrate_digits(i18n_language(), n) : narrate_number(n, 0);
}

char *report_quote(const struct report *r, const char *text)
{
	return narrate_quote_in(&r->base, text);
}

char *report_join(const struct report *r, const char *const *parts, size_t n)
{
	return narrate_join_in(&r->base, parts, n);
}

const char *report_noun(const struct report *r, unsigned long k)
{
	(void)r;
	return k == 1 ? _("Member State") : _("Member States");
}

static bool draw_chart(void *data, cairo_t *cr, double width, double height)
{
	return chart_draw(data, cr, 0, 0, width, height) == CAIRO_STATUS_SUCCESS;
}

static void free_chart(void *data)
{
	chart_free(data);
}

/* Rows FIRST to LAST - 1 of chart DATA, a part of it on a page. */
static bool draw_chart_rows(void *data, cairo_t *cr, double width, double height, size_t first,
			    size_t last)
{
	chart_set_window(data, first, last);
	bool ok = draw_chart(data, cr, width, height);
	chart_set_window(data, 0, 0);
	return ok;
}

/*
 * Chart C as a figure of rows that a page break may fall between (the
 * document decides whether it splits), each row's height and the overhead
 * of a part read off the chart's own heights: an empty window is the
 * overhead alone, and the window of the first k + 1 rows is row k higher
 * than that of the first k.
 */
static void add_chart_rows(struct report *r, struct chart *c, double width)
{
	size_t n = chart_rows(c);
	double *rows = g_new(double, n);
	chart_set_window(c, n, n);
	double overhead = chart_natural_height(c, width), below = overhead;
	for (size_t k = 0; k < n; k++) {
		chart_set_window(c, 0, k + 1);
		double h = chart_natural_height(c, width);
		rows[k] = h - below;
		below = h;
	}
	chart_set_window(c, 0, 0);
	doc_figure_rows(r->doc, overhead, rows, n, draw_chart_rows, c, free_chart);
	g_free(rows);
}

bool report_add_chart(struct report *r, struct chart *c, const char *title, const char *source,
		      bool source_has_base)
{
	chart_set_title(c, NULL);	/* the caption says it */
	/* and the note under the figure its source and how to read it */
	char *note = chart_note(c) ? g_strdup_printf("%s %s", source, chart_note(c))
				   : g_strdup(source);
	chart_set_note(c, NULL);
	if (source_has_base)
		chart_set_base(c, NULL);
	double w = doc_text_width(r->doc);
	double h = chart_natural_height(c, w);
	if (h > doc_text_height(r->doc)) {
		chart_free(c);
		g_free(note);
		return false;
	}
	/* TRANSLATORS: a figure's caption: its number in the body, then its title. */
	char *caption = g_strdup_printf(_("Figure %d. %s"), ++r->figures, title);
	doc_caption(r->doc, caption);
	g_free(caption);
	if (chart_rows(c) > 1)
		add_chart_rows(r, c, w);	/* bars, between which a page may end */
	else
		doc_figure(r->doc, h, draw_chart, c, free_chart);
	doc_note(r->doc, note);
	g_free(note);
	return true;
}

struct qchart_options report_chart_options(const struct report *r)
{
	struct qchart_options o = { r->lang, CHART_LABEL_COUNT, r->def->respondent_singular,
				    r->def->respondent_plural, NULL };
	return o;
}

struct tally *report_by_tally(const struct report *r, const char *by)
{
	for (guint i = 0; i < r->bys->len; i++) {
		struct report_by *b = g_ptr_array_index(r->bys, i);
		if (strcmp(b->by, by) == 0)
			return b->tally;
	}
	return NULL;
}

/* Inputs */

/* A [chart] of the definition draws its type, or the report is refused at its line. */
static bool check_chart(const struct report *r, const struct rdef_chart *c)
{
	const struct form_question *q = form_question(r->form, c->question);
	char group[256];
	g_snprintf(group, sizeof group, "chart %s", c->question);
	if (!q)
		return msg_error_at(r->def->path, c->line, "[chart %s]: the form has no question "
				    "'%s'", c->question, c->question) < 0 && false;
	enum chart_type type;
	if (!c->type || strcmp(c->type, "none") == 0 || !chart_type_from_name(c->type, &type))
		return true;
	GError *error = NULL;
	if (qchart_check_type(type, q, false, &error))
		return true;
	long line = rdef_line(r->def, group, "type");
	if (error->code == QCHART_ERROR_KIND)
		msg_error_at(r->def->path, line ? line : c->line, "[chart %s]: %s", c->question,
			     error->message);
	else
		/*
		 * TRANSLATORS: a question's name, a chart type as typed ("pie"), then
		 * why the type does not suit it (a message of its own): "[chart q1]:
		 * type stacked needs a breakdown by a question or a roster column".
		 */
		msg_error_at(r->def->path, line ? line : c->line, "[chart %s]: type %s %s",
			     c->question, c->type, error->message);
	g_error_free(error);
	return false;
}

static bool check_list(const struct report *r, char **names, const char *key)
{
	bool ok = true;
	for (char **q = names; *q; q++)
		if (!form_question(r->form, *q))
			/*
			 * TRANSLATORS: a key of the report definition ("omit"), then a question's
			 * name.
			 */
			ok = msg_error_at(r->def->path, rdef_line(r->def, "report", key), "%s: the form "
					  "has no question '%s'", key, *q) < 0 && false;
	return ok;
}

struct crosstab_named {
	const char *name;	/* "ROW by COL" */
	bool found;
};

static void match_crosstab(const struct rdef_crosstab *x, void *data)
{
	struct crosstab_named *c = data;
	char *name = report_paragraph_cross_name(x->row, x->by);
	c->found |= strcmp(name, c->name) == 0;
	g_free(name);
}

static void each_crosstab(const struct rdef *def, void (*fn)(const struct rdef_crosstab *, void *),
			  void *data);

/* A [paragraph NAME] names a question of the form or a crosstab of the definition. */
static bool check_paragraph(const struct report *r, const struct rdef_paragraph *p)
{
	struct crosstab_named c = { p->name, false };
	each_crosstab(r->def, match_crosstab, &c);
	if (c.found || (!strchr(p->name, ' ') && form_question(r->form, p->name)))
		return true;
	struct msg_suggest sg;
	msg_suggest_init(&sg, p->name);
	for (guint i = 0; i < r->form->questions->len; i++)
		msg_suggest_try(&sg, form_question_key(g_ptr_array_index(r->form->questions, i)));
	if (sg.best)
		return msg_error_at(r->def->path, p->line, "[paragraph %s]: the form has no question "
				    "'%s' and the definition no crosstab of that name; did you mean "
				    "'%s'?", p->name, p->name, sg.best) < 0 && false;
	return msg_error_at(r->def->path, p->line, "[paragraph %s]: the form has no question "
			    "'%s' and the definition no crosstab of that name", p->name,
			    p->name) < 0 && false;
}

/*
 * A [paragraph NAME] of a question the body leaves out (omitted, in no
 * [section], or not numbered) would never be used: an error, once the
 * tally says what the body holds.
 */
static bool check_paragraphs_used(const struct report *r)
{
	bool ok = true;
	for (guint i = 0; i < r->def->paragraphs->len; i++) {
		const struct rdef_paragraph *p = g_ptr_array_index(r->def->paragraphs, i);
		const struct form_question *q = strchr(p->name, ' ') ? NULL
								      : form_question(r->form, p->name);
		if (q && !report_in_body(r, q))
			ok = msg_error_at(r->def->path, p->line, "[paragraph %s]: question '%s' has no "
					  "paragraph in the report (it is omitted, in no [section], "
					  "or not numbered)", p->name, p->name) < 0 && false;
	}
	return ok;
}

static bool check_names(struct report *r)
{
	const struct rdef *def = r->def;
	bool ok = true;
	for (guint i = 0; i < def->charts->len; i++)
		ok &= check_chart(r, g_ptr_array_index(def->charts, i));
	ok &= check_list(r, def->omit, "omit");
	ok &= check_list(r, def->include, "include");
	for (guint i = 0; i < def->sections->len; i++) {
		const struct rdef_section *s = g_ptr_array_index(def->sections, i);
		for (char **q = s->questions; *q; q++)
			if (!form_question(r->form, *q))
				ok = msg_error_at(def->path, s->line, "[section %s]: the form has no "
						  "question '%s'", s->title, *q) < 0 && false;
	}
	for (guint i = 0; i < def->paragraphs->len; i++)
		ok &= check_paragraph(r, g_ptr_array_index(def->paragraphs, i));
	return ok;
}

/* Every crosstab of the definition, wherever it is declared. */
static void each_crosstab(const struct rdef *def, void (*fn)(const struct rdef_crosstab *, void *),
			  void *data)
{
	for (guint i = 0; i < def->crosstabs->len; i++)
		fn(g_ptr_array_index(def->crosstabs, i), data);
	for (guint i = 0; i < def->sections->len; i++) {
		const struct rdef_section *s = g_ptr_array_index(def->sections, i);
		for (guint k = 0; k < s->crosstabs->len; k++)
			fn(g_ptr_array_index(s->crosstabs, k), data);
	}
}

struct by_setup {
	struct report *r;
	bool ok;
};

static void setup_by(const struct rdef_crosstab *x, void *data)
{
	struct by_setup *bs = data;
	struct report *r = bs->r;
	const struct form_question *q = form_question(r->form, x->row);
	if (!q || !form_kind_is_choice(q->kind) || q->kind == FORM_RANK) {
		bs->ok = msg_error_at(r->def->path, x->line, "crosstab: '%s' is not a select "
				      "question of the form", x->row) < 0 && false;
		return;
	}
	if (form_question(r->form, x->by) == q) {
		/* TRANSLATORS: a question's name twice, as in "[crosstab has_law by has_law]". */
		bs->ok = msg_error_at(r->def->path, x->line, "[crosstab %s by %s]: a question is not "
				      "broken down by itself", x->row, x->by) < 0 && false;
		return;
	}
	if (report_by_tally(r, x->by))
		return;
	struct tally_options topt = { r->roster, r->def->cutoff, x->by, false, NULL, true };
	GError *error = NULL;
	struct tally *t = tally_new(r->form, &topt, &error);
	if (!t) {
		/* TRANSLATORS: a question's name, a question's or a column's, then the problem. */
		bs->ok = msg_error_at(r->def->path, x->line, "[crosstab %s by %s]: %s", x->row, x->by,
				      error->message) < 0 && false;
		g_error_free(error);
		return;
	}
	struct report_by *b = g_new0(struct report_by, 1);
	b->by = g_strdup(x->by);
	b->tally = t;
	g_ptr_array_add(r->bys, b);
}

/* Inputs are listed as paths from the working directory, without "../" detours. */
static void add_input(struct report *r, const char *role, const char *path)
{
	if (!path)
		return;
	char *cwd = g_get_current_dir();
	char *abs = g_canonicalize_filename(path, cwd);
	size_t n = strlen(cwd);
	bool inside = strncmp(abs, cwd, n) == 0 && abs[n] == G_DIR_SEPARATOR;
	const char *shown = inside ? abs + n + 1 : abs;
	for (guint i = 0; i < r->inputs->len; i++) {
		const struct report_input *seen = g_ptr_array_index(r->inputs, i);
		if (strcmp(seen->path, shown) == 0) {	/* one file, several sheets */
			g_free(abs);
			g_free(cwd);
			return;
		}
	}
	struct report_input *in = g_new0(struct report_input, 1);
	in->role = g_strdup(role);
	in->path = g_strdup(shown);
	g_ptr_array_add(r->inputs, in);
	g_free(abs);
	g_free(cwd);
}

static void input_free(gpointer p)
{
	struct report_input *in = p;
	g_free(in->role);
	g_free(in->path);
	g_free(in);
}

/* Each reply, as the analysis set decided it: an included one is counted in every tally. */
struct reading {
	struct report *r;
	int problems;
};

static void count_reply(void *data, const struct resp_reply *reply, enum analysis_reason reason,
			const struct resp_eval *ev)
{
	struct reading *rd = data;
	struct report *r = rd->r;
	if (reason != ANALYSIS_INCLUDED)
		return;
	tally_add(r->tally, reply, ev);
	for (guint i = 0; i < r->bys->len; i++)
		tally_add(((struct report_by *)g_ptr_array_index(r->bys, i))->tally, reply, ev);
}

/* One pass over the replies: the analysis set, the main tally and the crosstab tallies. */
static bool read_replies(struct report *r)
{
	const struct rdef *def = r->def;
	struct source_options sopt = { NULL, true, NULL };
	struct source *src = source_open(r->form, def->data, (int)g_strv_length(def->data), &sopt);
	if (!src)
		return false;
	struct reading rd = { r, 0 };
	int rc = analysis_read(r->analysis, src, count_reply, &rd, &rd.problems);
	const GPtrArray *paths = source_paths(src);
	for (guint i = 0; i < paths->len; i++) {
		const char *path = g_ptr_array_index(paths, i);
		/*
		 * TRANSLATORS: the roles of input files, in the table of inputs
		 * when the report is anonymous: a reply's own file, or a file
		 * exported with several replies.
		 */
		add_input(r, resp_is_reply_file(path) ? N_("Reply") : N_("Replies (export)"), path);
	}
	source_close(src);
	if (rc == 0 && rd.problems) {
		char *text = g_strdup_printf(EP_("%d problem in the replies; the report is made "
						 "only from valid replies (run quire validate)",
						 "%d problems in the replies; the report is made "
						 "only from valid replies (run quire validate)",
						 (unsigned long)rd.problems),
					     rd.problems);
		msg_error("%s", text);
		g_free(text);
	}
	return rc == 0 && rd.problems == 0;
}

/* The figures that depend on all the replies, and disclosure control on the crosstabs. */
static void finish_tallies(struct report *r)
{
	struct stats_fisher_options fisher = { r->def->fisher_exact_limit, 0, 0 };
	tally_finish(r->tally, &fisher);
	for (guint i = 0; i < r->bys->len; i++) {
		struct tally *t = ((struct report_by *)g_ptr_array_index(r->bys, i))->tally;
		tally_finish(t, &fisher);
		tally_disclose(t, (unsigned long)r->def->small_cell);
	}
}

/*
 * The form and data a definition names must exist; a missing one is
 * reported at its line of the definition, where it is to be fixed.
 */
static bool check_paths(const struct rdef *def)
{
	bool ok = true;
	struct stat st;
	if (!def->path)
		return true;
	if (stat(def->form, &st) != 0)
		/* TRANSLATORS: a file's name, then why it cannot be opened (the system's words). */
		ok = msg_error_at(def->path, rdef_line(def, "report", "form"), "form: cannot open "
				  "'%s': %s", def->form, g_strerror(errno)) < 0 && false;
	for (char **p = def->data; *p; p++)
		if (stat(*p, &st) != 0)
			ok = msg_error_at(def->path, rdef_line(def, "report", "data"), "data: cannot "
					  "open '%s': %s", *p, g_strerror(errno)) < 0 && false;
	return ok;
}

static bool load_inputs(struct report *r)
{
	const struct rdef *def = r->def;
	if (!check_paths(def) || !(r->form = form_load(def->form)))
		return false;
	/* TRANSLATORS: the role of an input file: the definition of the report. */
	add_input(r, N_("Report definition"), def->path);
	add_input(r, N_("Form: survey sheet"), r->form->survey_file);
	add_input(r, N_("Form: choices sheet"), r->form->choices_file);
	add_input(r, N_("Form: settings sheet"), r->form->settings_file);
	for (guint i = 0; i < r->form->lists->len; i++) {
		const struct form_list *l = g_ptr_array_index(r->form->lists, i);
		if (l->file)
			add_input(r, N_("Form: list file"), l->file);
	}
	r->lang = def->language ? form_lang_find(r->form, def->language) : 0;
	if (r->lang < 0)
		return msg_error_at(def->path, rdef_line(def, "report", "language"),
				    "language: the form has no language '%s'", def->language) < 0 &&
		       false;
	if (def->roster) {
		if (!(r->roster = roster_load(def->roster)))
			return false;
		/* TRANSLATORS: the role of an input file: the list of the members. */
		add_input(r, N_("Roster"), def->roster);
	}
	if (!check_names(r))
		return false;
	struct by_setup bs = { r, true };
	each_crosstab(def, setup_by, &bs);
	if (!bs.ok)
		return false;
	struct analysis_options aopt = { r->roster, def->cutoff, r->lang, true, NULL };
	r->analysis = analysis_new(r->form, &aopt);
	struct tally_options topt = { r->roster, def->cutoff, NULL, true, NULL, false };
	r->tally = tally_new(r->form, &topt, NULL);
	if (!read_replies(r))
		return false;
	r->status = status_new(r->analysis);
	finish_tallies(r);
	if (r->roster && !(r->redact = redact_new(r->roster)))
		return false;
	return true;
}

/* The cover */

static char *cover_date(const struct report *r)
{
	return isodate_format_long(r->today);
}

/*
 * The code of the language the definition's plain texts are written in:
 * its 'language' as the file gives it, else the form's default; NULL when
 * that language has no code (a new string).
 */
static char *own_language(const struct report *r)
{
	const char *named = r->def->texts_language;
	int own = named ? form_lang_find(r->form, named) : 0;
	return own >= 0 ? form_document_language(r->form, own) : NULL;
}

/* The name of the language of CODE in the document's language: "French", "français". */
static char *language_name(const struct report *r, const char *code)
{
	static const char *const names[][2] = {
		/* TRANSLATORS: a language's name, as in "Original: English". */
		{ "ar", N_("Arabic") }, { "en", N_("English") }, { "es", N_("Spanish") },
		{ "fr", N_("French") }, { "ru", N_("Russian") }, { "zh", N_("Chinese") },
	};
	for (size_t i = 0; code && i < G_N_ELEMENTS(names); i++)
		if (strcmp(code, names[i][0]) == 0)
			return g_strdup(_(names[i][1]));
	/* Another language: its name as the form writes it, without its code. */
	for (guint i = 0; code && i < r->form->languages->len; i++) {
		char *c = form_lang_code(r->form, (int)i);
		bool same = c && strcmp(c, code) == 0;
		g_free(c);
		if (same) {
			const char *name = g_ptr_array_index(r->form->languages, i);
			return g_strndup(name, strcspn(name, "("));
		}
	}
	return g_strdup(_("English"));
}

static void add_cover(struct report *r)
{
	const struct rdef *def = r->def;
	char *date = cover_date(r);
	char *place_date = def->place && def->dates ? g_strdup_printf("%s, %s", def->place, def->dates)
			   : g_strdup(def->place ? def->place : def->dates);
	/* The masthead: Distr., the date, the original language, the agenda item. */
	/* TRANSLATORS: the distribution of a document open to all, as in "Distr.: General". */
	const char *distr = def->distribution ? def->distribution : _("General");
	/* TRANSLATORS: the cover's masthead: %s is the distribution, such as "General". */
	char *distribution = g_strdup_printf(_("Distr.: %s"), distr);
	/*
	 * The original is the language the definition's texts were written
	 * in, named in the document's: "Original: English" on the English
	 * report, "Original : anglais" on its French version.
	 */
	char *own = own_language(r);
	char *language = def->original ? g_strdup(def->original) : language_name(r, own);
	g_free(own);
	/* TRANSLATORS: the cover's masthead: %s is the language the document was written in. */
	char *original = g_strdup_printf(_("Original: %s"), language);
	g_free(language);
	bool masthead = def->symbol && !def->plain;
	struct doc_cover c = {
		.organisation = def->organisation,
		.symbol = def->symbol,
		.date_line = date,
		.distribution = masthead ? distribution : NULL,
		.original = masthead ? original : NULL,
		.agenda = def->plain ? NULL : def->agenda,
		.agenda_note = def->plain ? NULL : def->agenda_note,
		.meeting = def->meeting,
		.place_date = place_date,
		.title = def->title ? def->title : form_title(r->form, r->lang),
		.subtitle = def->subtitle,
		.prepared_by = def->prepared_by,
		.notice = def->notice,
	};
	if (def->plain)
		doc_cover(r->doc, &c);
	else
		doc_title_block(r->doc, &c);	/* a UN document's text starts on page 1 */
	g_free(place_date);
	g_free(distribution);
	g_free(original);
	g_free(date);
}

/* Summary of replies */

static struct chart *timeline(const struct report *r)
{
	struct qchart_options o = report_chart_options(r);
	return qchart_timeline(r->analysis, r->roster ? (long)r->status->members : -1, &o);
}

/*
 * The replies left out for a reason other than lateness, one sentence:
 * "Replies from two Member States that were not members on 30 June 2019
 * and from one sender that is not on the roster are not included."
 */
static void put_left_out(const struct report *r, GString *s)
{
	const struct analysis *a = r->analysis;
	unsigned long not_member = a->count[ANALYSIS_NOT_MEMBER];
	unsigned long not_on_roster = a->count[ANALYSIS_NOT_ON_ROSTER];
	unsigned long incomplete = a->count[ANALYSIS_INCOMPLETE];
	unsigned long total = not_member + not_on_roster + incomplete;
	if (!total)
		return;
	char *day = isodate_format_long(a->day);
	GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
	/*
	 * Each part is a whole phrase with its count: "from two Member States
	 * that were not members on 30 June 2019".
	 */
	if (not_member) {
		char *k = report_number(r, not_member);
		/*
		 * TRANSLATORS: one part of the sentence "Replies %s are not included.";
		 * the first %s is the number, in words up to nine ("two") and in digits
		 * above; the second a date ("30 June 2019").
		 */
		char *part = g_strdup_printf(P_("from %s Member State that was not a member on %s",
						"from %s Member States that were not members on %s",
						not_member), k, day);
		g_ptr_array_add(parts, part);
		g_free(k);
	}
	if (not_on_roster) {
		char *k = report_number(r, not_on_roster);
		/*
		 * TRANSLATORS: one part of the sentence "Replies %s are not included.";
		 * %s is the number, in words up to nine ("two") and in digits above.
		 */
		char *part = g_strdup_printf(P_("from %s sender that is not on the roster",
						"from %s senders that are not on the roster",
						not_on_roster), k);
		g_ptr_array_add(parts, part);
		g_free(k);
	}
	if (incomplete) {
		char *k = report_number(r, incomplete);
		/*
		 * TRANSLATORS: one part of the sentence "Replies %s are not included.";
		 * %s is the number, in words up to nine ("two") and in digits above.
		 */
		char *part = g_strdup_printf(P_("from %s Member State whose entry has not been "
						"completed",
						"from %s Member States whose entries have not been "
						"completed", incomplete), k);
		g_ptr_array_add(parts, part);
		g_free(k);
	}
	char *joined = report_join(r, (const char *const *)parts->pdata, parts->len);
	g_string_append_c(s, ' ');
	/*
	 * TRANSLATORS: %s is a list of one to three phrases such as "from two
	 * Member States that were not members on 30 June 2019", joined by "and";
	 * the count is of all the replies the list names.
	 */
	g_string_append_printf(s, P_("A reply %s is not included.", "Replies %s are not included.",
				     total), joined);
	g_free(joined);
	g_ptr_array_free(parts, TRUE);
	g_free(day);
}

static char *replies_sentence(const struct report *r)
{
	const struct status *st = r->status;
	unsigned on_time = st->count[STATUS_ON_TIME], late = st->count[STATUS_LATE];
	GString *s = g_string_new(NULL);
	char *cutoff = r->def->cutoff != INT_MAX ? isodate_format_long(r->def->cutoff) : NULL;
	if (r->roster) {
		/* Of the roster's members: the English says "Member States" for every count. */
		char *pct = figure_percent(on_time, st->members);
		if (cutoff) {
			/*
			 * TRANSLATORS: %s is a date ("30 June 2019"); then the number of
			 * Member States that replied, the number on the roster (the count,
			 * which the English does not inflect here) and a percentage ("19%").
			 */
			g_string_append_printf(s, P_("By %s, replies had been received from %u of "
						     "the %u Member States (%s).",
						     "By %s, replies had been received from %u of "
						     "the %u Member States (%s).", st->members),
					       cutoff, on_time, st->members, pct);
		} else {
			/*
			 * TRANSLATORS: the number of Member States that replied, the number
			 * on the roster (the count, which the English does not inflect here)
			 * and a percentage ("19%").
			 */
			g_string_append_printf(s, P_("Replies had been received from %u of the %u "
						     "Member States (%s).",
						     "Replies had been received from %u of the %u "
						     "Member States (%s).", st->members), on_time,
					       st->members, pct);
		}
		g_free(pct);
	} else if (cutoff) {
		/* TRANSLATORS: %s is a date ("30 June 2019"). */
		g_string_append_printf(s, P_("By %s, replies had been received from %u "
					     "Member State.",
					     "By %s, replies had been received from %u "
					     "Member States.", on_time), cutoff, on_time);
	} else {
		g_string_append_printf(s, P_("Replies had been received from %u Member State.",
					     "Replies had been received from %u Member States.",
					     on_time), on_time);
	}
	if (late) {
		g_string_append_c(s, ' ');
		/* TRANSLATORS: "that date" is the cut-off date of the sentence before. */
		g_string_append_printf(s, P_("A reply from %u further Member State arrived after "
					     "that date and is not included.",
					     "Replies from %u further Member States arrived after "
					     "that date and are not included.", late), late);
	}
	put_left_out(r, s);
	g_free(cutoff);
	return g_string_free(s, FALSE);
}

static const char *group_column(const struct report *r)
{
	if (!r->roster)
		return NULL;
	if (r->def->group_by)
		return roster_column(r->roster, r->def->group_by) >= 0 ? r->def->group_by : NULL;
	return roster_column(r->roster, "region") >= 0 ? "region" : NULL;
}

/*
 * A roster's group VALUE ("Asia") in the document's language: the label of
 * the choice it names in the form's question of the same name as the
 * roster's COLUMN ("region", choice asia), matched by name or by label in
 * the form's first language, case aside; else VALUE as the roster has it.
 */
static const char *group_value(const struct report *r, const char *column, const char *value)
{
	const struct form_question *q = form_question(r->form, column);
	if (!q || !q->list)
		return value;
	for (guint i = 0; i < q->list->choices->len; i++) {
		const struct form_choice *c = g_ptr_array_index(q->list->choices, i);
		const char *first = c->label ? c->label[0] : NULL;
		if (g_ascii_strcasecmp(c->name, value) == 0 || (first && strcmp(first, value) == 0))
			return form_choice_label(r->form, c, r->lang);
	}
	return value;
}

/* TEXT with its first letter capitalised ("Regional group"), a new string. */
static char *capitalised(const char *text)
{
	gunichar c = g_utf8_get_char(text);
	char first[8];
	int len = g_unichar_to_utf8(g_unichar_totitle(c), first);
	return g_strdup_printf("%.*s%s", len, first, g_utf8_next_char(text));
}

static void rate_table(struct report *r, const char *column)
{
	const char *label = r->def->group_label ? r->def->group_label : column;
	/*
	 * TRANSLATORS: a table's title; %s is what the definition calls a column
	 * of the roster, in lower case ("regional group"), or the column's name
	 * ("region").
	 */
	char *title = g_strdup_printf(_("Replies and response rate by %s"), label);
	report_table_caption(r, title);
	g_free(title);
	GPtrArray *groups = status_by_group(r->status, column);
	struct doc_table *t = doc_table_new(5, (double[]){ 0.36, 0.16, 0.16, 0.16, 0.16 });
	for (size_t c = 1; c < 5; c++)
		doc_table_align(t, c, DOC_RIGHT);
	char *head = capitalised(label);
	const char *header[] = {
		head,	/* the column of the roster: "Region", "Regional group" */
		/* TRANSLATORS: a header of the table of replies by group: the group's count. */
		_("Member States"),
		/* TRANSLATORS: a header: how many of the group replied in time (included). */
		_("Replied"),
		_("Response rate"),
		/* TRANSLATORS: a header: how many of the group replied after the cut-off date. */
		_("Late"),
	};
	doc_table_header(t, header);
	g_free(head);
	unsigned members = 0, replied = 0, late = 0;
	for (guint i = 0; i < groups->len; i++) {
		const struct status_group *g = g_ptr_array_index(groups, i);
		char *m = g_strdup_printf("%u", g->members), *k = g_strdup_printf("%u", g->replied);
		char *pct = figure_percent(g->replied, g->members), *l = g_strdup_printf("%u", g->late);
		/* TRANSLATORS: the group of the members the roster gives no group. */
		const char *group = *g->value ? group_value(r, column, g->value) : _("(none)");
		doc_table_row(t, (const char *[]){ group, m, k, pct, l }, false);
		members += g->members;
		replied += g->replied;
		late += g->late;
		g_free(m);
		g_free(k);
		g_free(pct);
		g_free(l);
	}
	char *m = g_strdup_printf("%u", members), *k = g_strdup_printf("%u", replied);
	char *pct = figure_percent(replied, members), *l = g_strdup_printf("%u", late);
	doc_table_row(t, (const char *[]){ _("Total"), m, k, pct, l }, true);
	g_free(m);
	g_free(k);
	g_free(pct);
	g_free(l);
	doc_table(r->doc, t);
	g_ptr_array_free(groups, TRUE);
}

static void add_introduction(struct report *r)
{
	chapter_heading(r, _("Introduction"));
	char *n = report_next_number(r), *text = replies_sentence(r);
	report_cite(r, "");
	doc_paragraph(r->doc, n, text);
	g_free(n);
	g_free(text);
	doc_group_begin(r->doc);
	n = report_next_number(r);
	doc_paragraph(r->doc, n, r->def->cutoff != INT_MAX
		      ? _("The chart shows when the replies arrived; the cut-off date is marked "
			  "and late replies are shown apart.")
		      : _("The chart shows when the replies arrived."));
	g_free(n);
	/* TRANSLATORS: the title of the chart of the replies' dates. */
	report_add_chart(r, timeline(r), _("Replies received"),
			 _("Source: the dates on which the replies were received."), false);
	doc_group_end(r->doc);
	const char *column = group_column(r);
	if (column) {
		doc_group_begin(r->doc);
		n = report_next_number(r);
		/* TRANSLATORS: %s is the name of a column of the roster, such as "region". */
		text = g_strdup_printf(_("Replies by %s of the roster, with the rate of reply of "
					 "each group, are as follows."), column);
		doc_paragraph(r->doc, n, text);
		rate_table(r, column);
		doc_group_end(r->doc);
		g_free(n);
		g_free(text);
	}
}

/* The body: one section per part of the form, or per [section] */

static bool listed(const struct report *r, const struct form_question *q)
{
	if (g_strv_contains((const char *const *)r->def->include, form_question_key(q)))
		return true;
	for (guint i = 0; i < r->def->sections->len; i++) {
		const struct rdef_section *s = g_ptr_array_index(r->def->sections, i);
		if (g_strv_contains((const char *const *)s->questions, form_question_key(q)))
			return true;
	}
	return false;
}

/*
 * Whether Q stays out of the report: named in omit, or contact details
 * (form_question_is_contact()) that the definition does not name in
 * include or in a [section].
 */
static bool omitted(const struct report *r, const struct form_question *q)
{
	if (g_strv_contains((const char *const *)r->def->omit, form_question_key(q)))
		return true;
	return form_question_is_contact(q) && !listed(r, q);
}

/* Says on standard error which questions were left out as contact details. */
static void note_left_out(const struct report *r)
{
	GString *names = g_string_new(NULL);
	for (size_t i = 0; i < form_n_questions(r->form); i++) {
		const struct form_question *q = form_question_at(r->form, i);
		if (form_question_is_contact(q) && !listed(r, q) &&
		    !g_strv_contains((const char *const *)r->def->omit, form_question_key(q)))
			g_string_append_printf(names, "%s%s", names->len ? ", " : "",
					       form_question_key(q));
	}
	if (names->len)
		/* TRANSLATORS: %s is a list of questions' names; 'include' is a key, kept. */
		msg_note("left out of the report as contact details: %s (name them in 'include' "
			 "to report them)", names->str);
	g_string_free(names, TRUE);
}

/* The tally of question Q, or NULL when it is not reported. */
static struct tally_question *tallied(const struct report *r, const struct form_question *q)
{
	if (omitted(r, q))
		return NULL;
	for (guint i = 0; i < r->tally->questions->len; i++) {
		struct tally_question *tq = g_ptr_array_index(r->tally->questions, i);
		if (tq->q == q)
			return tq;
	}
	return NULL;
}


bool report_in_body(const struct report *r, const struct form_question *q)
{
	if (!tallied(r, q))
		return false;
	if (!r->def->sections->len)
		return q->number != NULL;
	for (guint s = 0; s < r->def->sections->len; s++) {
		const struct rdef_section *sec = g_ptr_array_index(r->def->sections, s);
		for (char **name = sec->questions; *name; name++)
			if (form_question(r->form, *name) == q)
				return true;
	}
	return false;
}

static void add_parts(struct report *r)
{
	const struct form *form = r->form;
	r->chapter_open = false;
	for (guint p = 0; p < form->parts->len; p++) {
		const struct form_part *part = g_ptr_array_index(form->parts, p);
		bool any = false;
		for (guint i = 0; i < part->questions->len; i++) {
			const struct form_question *q = g_ptr_array_index(part->questions, i);
			any |= q->number && tallied(r, q);
		}
		if (!any)
			continue;
		if (!r->chapter_open) {
			chapter_heading(r, _("Replies to the questionnaire"));
			r->chapter_open = true;
		}
		if (part->group)
			section_heading(r, form_group_label(form, part->group, r->lang));
		for (guint i = 0; i < part->questions->len; i++) {
			const struct form_question *q = g_ptr_array_index(part->questions, i);
			const struct tally_question *tq = q->number ? tallied(r, q) : NULL;
			if (tq)
				report_question(r, tq);
		}
	}
}

static void add_crosstab_section(struct report *r)
{
	if (!r->def->crosstabs->len)
		return;
	chapter_heading(r, _("Cross-tabulations"));
	for (guint i = 0; i < r->def->crosstabs->len; i++) {
		const struct rdef_crosstab *x = g_ptr_array_index(r->def->crosstabs, i);
		report_crosstab(r, x->row, x->by, x->title, x->note);
	}
}

/* The [crosstab ROW by BY] group of the definition, for its title and note; NULL if none. */
static const struct rdef_crosstab *declared_crosstab(const struct rdef *def, const char *row,
						     const char *by)
{
	for (guint i = 0; i < def->crosstabs->len; i++) {
		const struct rdef_crosstab *x = g_ptr_array_index(def->crosstabs, i);
		if (strcmp(x->row, row) == 0 && strcmp(x->by, by) == 0)
			return x;
	}
	return NULL;
}

static bool listed_in_sections(const struct rdef *def, const struct rdef_crosstab *x)
{
	for (guint s = 0; s < def->sections->len; s++) {
		const struct rdef_section *sec = g_ptr_array_index(def->sections, s);
		for (guint k = 0; k < sec->crosstabs->len; k++) {
			const struct rdef_crosstab *y = g_ptr_array_index(sec->crosstabs, k);
			if (strcmp(x->row, y->row) == 0 && strcmp(x->by, y->by) == 0)
				return true;
		}
	}
	return false;
}

static void add_sections(struct report *r)
{
	chapter_heading(r, _("Replies to the questionnaire"));
	for (guint s = 0; s < r->def->sections->len; s++) {
		const struct rdef_section *sec = g_ptr_array_index(r->def->sections, s);
		section_heading(r, sec->title);
		if (sec->text) {
			char *n = report_next_number(r);
			doc_paragraph(r->doc, n, sec->text);
			g_free(n);
		}
		for (char **name = sec->questions; *name; name++) {
			const struct tally_question *tq = tallied(r, form_question(r->form, *name));
			if (tq)
				report_question(r, tq);
		}
		for (guint k = 0; k < sec->crosstabs->len; k++) {
			const struct rdef_crosstab *x = g_ptr_array_index(sec->crosstabs, k);
			const struct rdef_crosstab *decl = declared_crosstab(r->def, x->row, x->by);
			report_crosstab(r, x->row, x->by, decl ? decl->title : NULL,
					decl ? decl->note : NULL);
		}
	}
	/* Crosstabs declared in groups of their own but in no section come last. */
	bool heading = false;
	for (guint i = 0; i < r->def->crosstabs->len; i++) {
		const struct rdef_crosstab *x = g_ptr_array_index(r->def->crosstabs, i);
		if (listed_in_sections(r->def, x))
			continue;
		if (!heading)
			chapter_heading(r, _("Cross-tabulations"));
		heading = true;
		report_crosstab(r, x->row, x->by, x->title, x->note);
	}
}

/* Annexes */

static char *annex_name(struct report *r)
{
	char *roman = report_roman(++r->annex);
	/* TRANSLATORS: %s is the annex's Roman numeral: "Annex II". */
	char *name = g_strdup_printf(_("Annex %s"), roman);
	g_free(roman);
	return name;
}

/* The last chapter: the Rapporteur's conclusions, or a place kept for them. */
static void add_conclusions(struct report *r)
{
	chapter_heading(r, _("Conclusions"));
	char *n = report_next_number(r);
	const char *text = r->def->conclusions ? r->def->conclusions
			   : _("[The conclusions of the Rapporteur are to be inserted here.]");
	doc_paragraph(r->doc, n, text);
	g_free(n);
}

static void annex_heading(struct report *r, const char *title)
{
	doc_page_break(r->doc);
	char *name = annex_name(r);
	char *text = g_strdup_printf("%s. %s", name, title);
	doc_heading(r->doc, 1, NULL, text);
	g_free(text);
	g_free(name);
}

static void add_replying_states(struct report *r)
{
	annex_heading(r, _("Replying States"));
	const struct status *st = r->status;
	char *cutoff = r->def->cutoff != INT_MAX ? isodate_format_long(r->def->cutoff) : NULL;
	/* TRANSLATORS: %s is the cut-off date ("30 June 2019"). */
	char *intro = cutoff ? g_strdup_printf(_("Replies received by %s are included in this "
						 "report; replies received later are listed as "
						 "late and are not included."), cutoff)
			     : g_strdup(_("Every reply received is included in this report."));
	doc_paragraph(r->doc, NULL, intro);
	g_free(intro);
	g_free(cutoff);
	struct doc_table *t = doc_table_new(4, (double[]){ 0.44, 0.12, 0.2, 0.24 });
	const char *header[] = {
		/* TRANSLATORS: a header of the list of replying States: the State's name. */
		_("Member State"),
		/* TRANSLATORS: a header: the State's code on the roster ("FRA"). */
		_("Code"),
		/* TRANSLATORS: a header: the date the State's reply was received. */
		_("Received"),
		/* TRANSLATORS: a header: how the reply was sent (as the reply says). */
		_("Channel"),
	};
	doc_table_header(t, header);
	for (guint i = 0; i < st->entries->len; i++) {
		const struct status_entry *e = g_ptr_array_index(st->entries, i);
		if (e->kind != STATUS_ON_TIME && e->kind != STATUS_LATE)
			continue;
		char *date = isodate_format_long(e->submitted);
		/* TRANSLATORS: %s is the date a late reply was received ("2 July 2019"). */
		char *when = e->kind == STATUS_LATE ? g_strdup_printf(_("%s (late)"), date)
						    : g_strdup(date);
		doc_table_row(t, (const char *[]){ e->name ? e->name : e->code, e->code, when,
						   e->channel ? e->channel : "" }, false);
		g_free(when);
		g_free(date);
	}
	doc_table(r->doc, t);
}

/*
 * Anonymised texts are signed "State A", "State B", ... in an order that
 * does not follow the list of replying States (the SHA-256 of each code),
 * so the annexes cannot be matched up.
 */
static const char *alias(struct report *r, const char *code)
{
	const char *a = g_hash_table_lookup(r->aliases, code ? code : "");
	/* TRANSLATORS: the signature of an anonymised answer whose State has no "State A" name. */
	return a ? a : _("A State");	/* every included reply has one; never a code */
}

static int compare_hashed(gconstpointer a, gconstpointer b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	char *hx = g_compute_checksum_for_string(G_CHECKSUM_SHA256, x, -1);
	char *hy = g_compute_checksum_for_string(G_CHECKSUM_SHA256, y, -1);
	int c = strcmp(hx, hy);
	g_free(hx);
	g_free(hy);
	return c;
}

/*
 * The mark of alias K (0-based): A to Z, then A1 to Z1, A2 ... -- never two
 * or three letters, which would read as a country code ("State DE").
 */
static char *alias_mark(guint k)
{
	char letter = (char)('A' + k % 26);
	return k < 26 ? g_strdup_printf("%c", letter) : g_strdup_printf("%c%u", letter, k / 26);
}

/* Adds CODE, in capitals, to SEEN. */
static void add_code(GHashTable *seen, const char *code)
{
	if (code)
		g_hash_table_add(seen, g_ascii_strup(code, -1));
}

/*
 * Names the included replies' States "State A", "State B", ... in the
 * order of their codes' hashes, skipping any mark that is a code of the
 * roster or of a reply (in any case), so that no alias names a State.
 */
static void make_aliases(struct report *r)
{
	GHashTable *codes_seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GPtrArray *codes = g_ptr_array_new();
	for (guint i = 0; i < r->status->entries->len; i++) {
		const struct status_entry *e = g_ptr_array_index(r->status->entries, i);
		add_code(codes_seen, e->code);
		if (e->kind == STATUS_ON_TIME)
			g_ptr_array_add(codes, e->code);
	}
	for (guint i = 0; r->roster && i < r->roster->members->len; i++) {
		const struct roster_member *m = g_ptr_array_index(r->roster->members, i);
		add_code(codes_seen, m->code);
	}
	g_ptr_array_sort(codes, compare_hashed);
	guint k = 0;
	for (guint i = 0; i < codes->len; i++) {
		char *mark = alias_mark(k++);
		while (g_hash_table_contains(codes_seen, mark)) {
			g_free(mark);
			mark = alias_mark(k++);
		}
		/*
		 * TRANSLATORS: the name an anonymised answer is signed with; %s is a
		 * Latin letter, with a number after Z: "State A", ..., "State Z",
		 * "State A1".
		 */
		g_hash_table_insert(r->aliases, g_strdup(g_ptr_array_index(codes, i)),
				    g_strdup_printf(_("State %s"), mark));
		g_free(mark);
	}
	g_ptr_array_free(codes, TRUE);
	g_hash_table_destroy(codes_seen);
}

/*
 * Anonymised answers must not name their State either: every way the
 * roster names a State (redact.h) is replaced by "[State]".  When the
 * text cannot be checked, it is not reproduced.
 */
static char *redacted(struct report *r, const char *text)
{
	if (!r->redact)
		return g_strdup(text);
	char *out = redact_text(r->redact, text);
	return out ? out : g_strdup(_("[The answer is not reproduced: it could not be checked for "
				      "the names of States.]"));
}

static const char *attribution(struct report *r, const char *code)
{
	if (r->def->attribute_texts && !r->def->anonymous) {
		const struct roster_member *m = r->roster ? roster_find(r->roster, code) : NULL;
		return m ? m->name : code;
	}
	return alias(r, code);
}

/* Quotes in the order of their attributions ("State A", "State B", ... or names). */
static gint compare_attribution(gconstpointer a, gconstpointer b, gpointer data)
{
	struct report *r = data;
	const struct tally_text *x = *(struct tally_text *const *)a;
	const struct tally_text *y = *(struct tally_text *const *)b;
	const char *p = attribution(r, x->respondent), *q = attribution(r, y->respondent);
	if (strlen(p) != strlen(q))
		return strlen(p) < strlen(q) ? -1 : 1;
	return strcmp(p, q);
}

static bool has_texts(const struct report *r)
{
	for (guint i = 0; i < r->tally->questions->len; i++) {
		const struct tally_question *tq = g_ptr_array_index(r->tally->questions, i);
		if (tq->q->number && tq->texts && tq->texts->len && !omitted(r, tq->q))
			return true;
	}
	return false;
}

static void add_texts(struct report *r)
{
	annex_heading(r, _("Texts of the answers"));
	bool named = r->def->attribute_texts && !r->def->anonymous;
	/* Without a roster no name is known, so none is hidden: the text says so. */
	const char *intro;
	if (named)
		intro = _("The answers are reproduced as received, with the State that gave them.");
	else if (r->redact)
		/*
		 * TRANSLATORS: "[State]" is what replaces a State's name in an
		 * answer; "State A" and "State B" are the names of "State %s".
		 */
		intro = _("The answers are reproduced as received, except that the names of States "
			  "are replaced by \"[State]\".  To protect the anonymity of the replies "
			  "they are attributed to \"State A\", \"State B\" and so on; the letters "
			  "do not follow the order of any list in this report.");
	else
		/* TRANSLATORS: "State A" and "State B" are the names of "State %s". */
		intro = _("The answers are reproduced as received.  To protect the anonymity of "
			  "the replies they are attributed to \"State A\", \"State B\" and so on; "
			  "the letters do not follow the order of any list in this report.  No "
			  "roster was given, so the names of States in the answers could not be "
			  "hidden.");
	doc_paragraph(r->doc, NULL, intro);
	for (guint i = 0; i < r->tally->questions->len; i++) {
		const struct tally_question *tq = g_ptr_array_index(r->tally->questions, i);
		if (!tq->q->number || !tq->texts || !tq->texts->len || omitted(r, tq->q))
			continue;
		/* TRANSLATORS: a heading: the question's number ("2.6"), then its text. */
		char *title = g_strdup_printf(_("Question %s. %s"), tq->q->number,
					      form_label(r->form, tq->q, r->lang));
		doc_heading(r->doc, 2, NULL, title);
		g_free(title);
		GPtrArray *sorted = g_ptr_array_new();
		for (guint k = 0; k < tq->texts->len; k++)
			g_ptr_array_add(sorted, g_ptr_array_index(tq->texts, k));
		g_ptr_array_sort_with_data(sorted, compare_attribution, r);
		for (guint k = 0; k < sorted->len; k++) {
			const struct tally_text *x = g_ptr_array_index(sorted, k);
			char *text = named ? g_strdup(x->text) : redacted(r, x->text);
			doc_quote(r->doc, attribution(r, x->respondent), text);
			g_free(text);
		}
		g_ptr_array_free(sorted, TRUE);
	}
}

static char *sha256_of(const char *path)
{
	GMappedFile *m = g_mapped_file_new(path, FALSE, NULL);
	if (!m)
		/* TRANSLATORS: in place of the checksum of an input file that could not be read. */
		return g_strdup(_("(unreadable)"));
	char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
						(const guchar *)g_mapped_file_get_contents(m),
						g_mapped_file_get_length(m));
	g_mapped_file_unref(m);
	return sum;
}

/*
 * "The cut-off date was 30 June 2019: 9 replies received by then are
 * included and 2 received later are not.  The roster lists 47 Member States
 * on that date."  Without a cut-off, every reply left out is counted in
 * put_left_out(), and membership is taken on the day the report was made.
 */
static void put_counts(const struct report *r, GString *s)
{
	const struct status *st = r->status;
	unsigned on_time = st->count[STATUS_ON_TIME], late = st->count[STATUS_LATE];
	char *day = isodate_format_long(r->analysis->day);
	g_string_append_c(s, ' ');
	if (r->def->cutoff != INT_MAX && late) {
		/*
		 * TRANSLATORS: the second clause of "The cut-off date was %s: %u
		 * replies received by then are included and %s."; %u is the number
		 * of replies received after the cut-off date.
		 */
		char *later = g_strdup_printf(P_("%u received later is not",
						 "%u received later are not", late), late);
		/*
		 * TRANSLATORS: the first %s is the cut-off date ("30 June 2019"); the
		 * last is the clause "%u received later are not", which counts the
		 * late replies.
		 */
		g_string_append_printf(s, P_("The cut-off date was %s: %u reply received by then "
					     "is included and %s.",
					     "The cut-off date was %s: %u replies received by then "
					     "are included and %s.", on_time), day, on_time, later);
		g_free(later);
	} else if (r->def->cutoff != INT_MAX) {
		/* TRANSLATORS: %s is the cut-off date ("30 June 2019"). */
		g_string_append_printf(s, P_("The cut-off date was %s: %u reply received by then "
					     "is included, and none arrived later.",
					     "The cut-off date was %s: %u replies received by then "
					     "are included, and none arrived later.", on_time), day,
				       on_time);
	} else if (analysis_excluded(r->analysis)) {
		/*
		 * TRANSLATORS: the end of "%u of %s is included.", counting all the
		 * replies received; the English says "replies" for every count.
		 */
		char *received = g_strdup_printf(P_("the %lu replies received",
						    "the %lu replies received",
						    r->analysis->replies), r->analysis->replies);
		/*
		 * TRANSLATORS: %u counts the replies included; %s is the phrase "the
		 * %lu replies received", which counts all the replies.
		 */
		g_string_append_printf(s, P_("%u of %s is included.", "%u of %s are included.",
					     on_time), on_time, received);
		g_free(received);
	} else {
		g_string_append_printf(s, P_("The %u reply received is included.",
					     "All %u replies received are included.", on_time),
				       on_time);
	}
	if (r->roster && r->def->cutoff != INT_MAX) {
		g_string_append_c(s, ' ');
		/* TRANSLATORS: "that date" is the cut-off date of the sentence before. */
		g_string_append_printf(s, P_("The roster lists %u Member State on that date.",
					     "The roster lists %u Member States on that date.",
					     st->members), st->members);
	} else if (r->roster) {
		g_string_append_c(s, ' ');
		/* TRANSLATORS: %s is the date the report was made ("2 September 2019"). */
		g_string_append_printf(s, P_("The roster lists %u Member State on %s.",
					     "The roster lists %u Member States on %s.",
					     st->members), st->members, day);
	}
	g_free(day);
}

/*
 * The sentence on Fisher's exact test, as it was computed: exactly, by
 * simulation, or for some tables each way; LIMIT when the definition set
 * the work allowed for it (fisher_exact_limit).
 */
static void put_fisher(const struct report_facts *f, bool limit, GString *s)
{
	if (f->fisher_simulated == 0) {
		g_string_append(s, _("Cross-tabulations are tested with Fisher's exact test, "
				     "computed exactly; Pearson's chi-square test is also "
				     "reported, with a warning where expected counts below 5 make "
				     "its approximation unreliable."));
	} else if (f->fisher_exact == 0 && limit) {
		/*
		 * TRANSLATORS: %lu is the number of random tables (100000);
		 * fisher_exact_limit is a key of the report definition, as typed.
		 */
		g_string_append_printf(s, _("Cross-tabulations are tested with Fisher's exact "
					    "test, estimated by simulation from %lu random tables "
					    "with the observed totals because computing it exactly "
					    "would pass the work the definition allows "
					    "(fisher_exact_limit); Pearson's chi-square test is "
					    "also reported, with a warning where expected counts "
					    "below 5 make its approximation unreliable."),
				       STATS_FISHER_REPLICATES);
	} else if (f->fisher_exact == 0) {
		/* TRANSLATORS: %lu is the number of random tables (100000). */
		g_string_append_printf(s, _("Cross-tabulations are tested with Fisher's exact "
					    "test, estimated by simulation from %lu random tables "
					    "with the observed totals because computing it exactly "
					    "would pass the work allowed for it; Pearson's "
					    "chi-square test is also reported, with a warning "
					    "where expected counts below 5 make its approximation "
					    "unreliable."), STATS_FISHER_REPLICATES);
	} else {
		/*
		 * TRANSLATORS: part of the sentence "Cross-tabulations are tested
		 * with Fisher's exact test, computed exactly for %s and ...": the
		 * number of tables for which it was computed exactly; the English
		 * says "tables" for every count.
		 */
		char *exact = g_strdup_printf(P_("%u of the tables", "%u of the tables",
						 f->fisher_exact), f->fisher_exact);
		if (limit)
			/*
			 * TRANSLATORS: %s is the phrase "%u of the tables"; %lu the
			 * number of random tables (100000); the count, %u, the number
			 * of tables estimated by simulation, which the English does not
			 * inflect.  fisher_exact_limit is a key of the report
			 * definition, as typed.
			 */
			g_string_append_printf(s, P_("Cross-tabulations are tested with Fisher's "
						     "exact test, computed exactly for %s and "
						     "estimated by simulation from %lu random "
						     "tables for the %u for which computing it "
						     "exactly would pass the work the definition "
						     "allows (fisher_exact_limit); Pearson's "
						     "chi-square test is also reported, with a "
						     "warning where expected counts below 5 make "
						     "its approximation unreliable.",
						     "Cross-tabulations are tested with Fisher's "
						     "exact test, computed exactly for %s and "
						     "estimated by simulation from %lu random "
						     "tables for the %u for which computing it "
						     "exactly would pass the work the definition "
						     "allows (fisher_exact_limit); Pearson's "
						     "chi-square test is also reported, with a "
						     "warning where expected counts below 5 make "
						     "its approximation unreliable.",
						     f->fisher_simulated),
					       exact, STATS_FISHER_REPLICATES, f->fisher_simulated);
		else
			/*
			 * TRANSLATORS: %s is the phrase "%u of the tables"; %lu the
			 * number of random tables (100000); the count, %u, the number
			 * of tables estimated by simulation, which the English does not
			 * inflect.
			 */
			g_string_append_printf(s, P_("Cross-tabulations are tested with Fisher's "
						     "exact test, computed exactly for %s and "
						     "estimated by simulation from %lu random "
						     "tables for the %u for which computing it "
						     "exactly would pass the work allowed for it; "
						     "Pearson's chi-square test is also reported, "
						     "with a warning where expected counts below 5 "
						     "make its approximation unreliable.",
						     "Cross-tabulations are tested with Fisher's "
						     "exact test, computed exactly for %s and "
						     "estimated by simulation from %lu random "
						     "tables for the %u for which computing it "
						     "exactly would pass the work allowed for it; "
						     "Pearson's chi-square test is also reported, "
						     "with a warning where expected counts below 5 "
						     "make its approximation unreliable.",
						     f->fisher_simulated),
					       exact, STATS_FISHER_REPLICATES, f->fisher_simulated);
		g_free(exact);
	}
}

/* What the methodology says about the tests, as they were computed. */
static void put_tests(const struct report *r, GString *s)
{
	const struct report_facts *f = &r->facts;
	if (f->tests) {
		g_string_append_c(s, ' ');
		put_fisher(f, r->def->fisher_exact_limit != 0, s);
	}
	if (f->tests_withheld) {
		g_string_append_c(s, ' ');
		g_string_append_printf(s, P_("No test is given for %u cross-tabulation with hidden "
					     "counts, as its figures could reveal them.",
					     "No test is given for %u cross-tabulations with "
					     "hidden counts, as its figures could reveal them.",
					     f->tests_withheld), f->tests_withheld);
	}
}

/* Rows of the input table by role, then by checksum. */
static gint compare_rows(gconstpointer a, gconstpointer b)
{
	char *const *x = *(char **const *)a, *const *y = *(char **const *)b;
	int c = strcmp(x[0], y[0]);
	return c ? c : strcmp(x[1], y[1]);
}

static void add_input_table(struct report *r)
{
	struct doc_table *t = doc_table_new(2, (double[]){ 0.41, 0.59 });
	doc_table_mono(t, 0);	/* paths and checksums as typed, each on one line */
	doc_table_mono(t, 1);
	/* TRANSLATORS: the headers of the table of input files: the file, its SHA-256 checksum. */
	doc_table_header(t, (const char *[]){ _("Input file"), _("SHA-256") });
	GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
	for (guint i = 0; i < r->inputs->len; i++) {
		const struct report_input *in = g_ptr_array_index(r->inputs, i);
		char **row = g_new0(char *, 3);
		/* Anonymous: a reply's file is named by its State's code, so only its role shows. */
		row[0] = g_strdup(r->def->anonymous ? _(in->role) : in->path);
		row[1] = sha256_of(in->path);
		g_ptr_array_add(rows, row);
	}
	/* Files are read in name order; anonymous, their order must not follow the codes either. */
	if (r->def->anonymous)
		g_ptr_array_sort(rows, compare_rows);
	for (guint i = 0; i < rows->len; i++) {
		char **row = g_ptr_array_index(rows, i);
		doc_table_row(t, (const char *const *)row, false);
	}
	g_ptr_array_free(rows, TRUE);
	doc_table(r->doc, t);
}

static void add_methodology(struct report *r)
{
	annex_heading(r, _("Methodology and provenance"));
	const struct form *form = r->form;
	GString *s = g_string_new(NULL);
	if (form->version)
		/*
		 * TRANSLATORS: quire's version ("1.2.0"), the questionnaire's title,
		 * the form's id and its version, as the form gives them.
		 */
		g_string_printf(s, _("This report was drafted by quire %s from the questionnaire "
				     "\"%s\" (form %s, version %s) and the replies to it."),
				PACKAGE_VERSION, form_title(form, r->lang), form->id, form->version);
	else
		/*
		 * TRANSLATORS: quire's version ("1.2.0"), the questionnaire's title
		 * and the form's id, as the form gives them.
		 */
		g_string_printf(s, _("This report was drafted by quire %s from the questionnaire "
				     "\"%s\" (form %s, version not given) and the replies to it."),
				PACKAGE_VERSION, form_title(form, r->lang), form->id);
	put_counts(r, s);
	put_left_out(r, s);
	doc_paragraph(r->doc, NULL, s->str);
	/* xgettext:no-c-format */
	g_string_assign(s, _("Figures are counts of States.  For each question the base is the "
			     "number of replying States to which the question applied; shares are "
			     "of the States that answered it, rounded half up to whole percent.  "
			     "Where several answers were allowed, shares are of the States that "
			     "answered and may total more than 100%, and a cross-tabulation counts "
			     "each State once in every row it chose and once in its group's "
			     "total.  Numeric answers are summarised by their median, quartiles "
			     "(as R's default, type 7) and range."));
	put_tests(r, s);
	doc_paragraph(r->doc, NULL, s->str);
	if (r->test_details->len) {
		doc_paragraph(r->doc, NULL, _("The statistics of the tests on fewer than 30 "
					      "replies, which the body gives in plain words, are "
					      "as follows."));
		for (guint i = 0; i < r->test_details->len; i++)
			doc_note(r->doc, g_ptr_array_index(r->test_details, i));
	}
	if (r->facts.suppressed || r->facts.withheld) {
		/*
		 * TRANSLATORS: the first %d is the largest count hidden (4), the
		 * second the smallest shown (5); "x" marks a count hidden as well.
		 */
		g_string_printf(s, _("To protect the anonymity of the replies, counts from 1 to %d "
				     "in cross-tabulations are hidden and shown as \"< %d\", and "
				     "further counts are hidden and shown as \"x\" until no hidden "
				     "count can be worked out from the totals printed beside it; a "
				     "cross-tabulation in which no such pattern protects the "
				     "counts is described in words instead."),
				r->def->small_cell - 1, r->def->small_cell);
		doc_paragraph(r->doc, NULL, s->str);
	}
	if (r->def->notice)
		doc_paragraph(r->doc, NULL, r->def->notice);
	/*
	 * TRANSLATORS: the date and time the report was made ("2019-09-02 00:00
	 * UTC"), then quire's version ("1.2.0").
	 */
	g_string_printf(s, _("Generated on %s by quire %s.  The SHA-256 checksum of every input "
			     "file follows, so that the figures can be reproduced and checked."),
			r->generated, PACKAGE_VERSION);
	if (r->def->anonymous) {
		g_string_append(s, "  ");
		g_string_append(s, _("Files are named by their role only, as the name of a reply's "
				     "file would say which State sent it."));
	}
	doc_paragraph(r->doc, NULL, s->str);
	g_string_free(s, TRUE);
	add_input_table(r);
}

/* Assembly */

/* The time of the report (SOURCE_DATE_EPOCH, or now); false after reporting an invalid one. */
static bool set_times(struct report *r)
{
	long long now;
	if (isodate_now(&now) != 0)
		return false;
	GDateTime *t = g_date_time_new_from_unix_utc(now);
	r->generated = g_date_time_format(t, "%Y-%m-%d %H:%M UTC");
	r->created = g_date_time_format(t, "%Y-%m-%dT%H:%M:%SZ");
	g_date_time_unref(t);
	r->today = r->def->date != INT_MIN ? r->def->date : isodate_today();
	return true;
}

static void set_info(struct report *r)
{
	const struct rdef *def = r->def;
	char *creator = g_strdup_printf("quire %s", PACKAGE_VERSION);
	doc_set_info(r->doc, def->title ? def->title : form_title(r->form, r->lang),
		     def->organisation ? def->organisation : def->prepared_by,
		     def->meeting ? def->meeting : _("Summary of the replies to a questionnaire"),
		     creator, r->created);
	doc_set_running_head(r->doc, def->organisation, def->symbol);
	/* What a search for the document would use: its symbol, the questionnaire, the kind. */
	GString *keywords = g_string_new(NULL);
	if (def->symbol)
		g_string_append_printf(keywords, "%s; ", def->symbol);
	g_string_append_printf(keywords, "%s; questionnaire; replies; %s", form_title(r->form, r->lang),
			       def->respondent_plural);
	doc_set_keywords(r->doc, keywords->str);
	g_string_free(keywords, TRUE);
	/* The report's language, by the form's code for it; the narrative's, English, without one. */
	char *code = form_document_language(r->form, r->lang);
	doc_set_language(r->doc, code ? code : "en");
	g_free(code);
	g_free(creator);
}

static void build(struct report *r)
{
	r->doc = doc_new(r->def->letter ? DOC_LETTER : DOC_A4);
	set_info(r);
	add_cover(r);
	r->base = narrate_replying(r->tally->included, report_noun(r, 1), report_noun(r, 2));
	r->base.grammar = narrate_grammar(i18n_language());
	note_left_out(r);
	make_aliases(r);
	report_summary_reserve(r);
	add_introduction(r);
	/* The annexes, named before the body cites them, in the order written below. */
	bool texts = has_texts(r);
	unsigned annexes = r->def->anonymous ? 0 : 1;	/* the replying States */
	char *roman;
	if (texts) {
		roman = report_roman(++annexes);
		/* TRANSLATORS: %s is the annex's Roman numeral: "Annex II". */
		r->texts_annex = g_strdup_printf(_("Annex %s"), roman);
		g_free(roman);
	}
	roman = report_roman(++annexes);
	/* TRANSLATORS: %s is the annex's Roman numeral: "Annex II". */
	r->methods_annex = g_strdup_printf(_("Annex %s"), roman);
	g_free(roman);
	r->test_details = g_ptr_array_new_with_free_func(g_free);
	if (r->def->sections->len) {
		add_sections(r);
	} else {
		add_parts(r);
		add_crosstab_section(r);
	}
	add_conclusions(r);
	report_summary_write(r, replies_sentence(r));
	if (!r->def->anonymous)
		add_replying_states(r);
	if (texts)
		add_texts(r);
	add_methodology(r);
}

static void report_release(struct report *r)
{
	doc_free(r->doc);
	tally_free(r->tally);
	analysis_free(r->analysis);
	for (guint i = 0; r->bys && i < r->bys->len; i++) {
		struct report_by *b = g_ptr_array_index(r->bys, i);
		tally_free(b->tally);
		g_free(b->by);
		g_free(b);
	}
	if (r->bys)
		g_ptr_array_free(r->bys, TRUE);
	status_free(r->status);
	roster_free(r->roster);
	form_free(r->form);
	g_ptr_array_free(r->inputs, TRUE);

	g_hash_table_destroy(r->aliases);
	g_hash_table_destroy(r->para_of);
	if (r->findings)
		g_ptr_array_free(r->findings, TRUE);
	findings_free(r->findings_owner);
	redact_free(r->redact);
	g_free(r->generated);
	g_free(r->created);
	g_free(r->texts_annex);
	g_free(r->methods_annex);
	if (r->test_details)
		g_ptr_array_free(r->test_details, TRUE);
}

struct fingerprint_out {
	struct report *r;
	FILE *out;
};

static void print_cross_fingerprint(const struct rdef_crosstab *x, void *data)
{
	struct fingerprint_out *f = data;
	const struct tally *t = report_by_tally(f->r, x->by);
	const struct tally_question *tq = t ? tally_find(t, x->row) : NULL;
	if (!tq || !tq->cross)
		return;
	char *figures = report_paragraph_cross_figures(t, tq);
	char *name = report_paragraph_cross_name(x->row, x->by);
	fprintf(f->out, "[paragraph %s]\nfigures = %s\n\n", name, figures);
	g_free(name);
	g_free(figures);
}

/* A report of DEF with nothing read yet; report_release() frees it. */
static void report_init(struct report *r, const struct rdef *def)
{
	*r = (struct report){ 0 };
	r->def = def;
	r->bys = g_ptr_array_new();
	r->inputs = g_ptr_array_new_with_free_func(input_free);
	r->aliases = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	r->para_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
}

int report_fingerprints(const struct rdef *def, FILE *out)
{
	struct report r;
	report_init(&r, def);
	int rc = -1;
	if (set_times(&r) && load_inputs(&r) && check_paragraphs_used(&r)) {
		for (guint i = 0; i < r.tally->questions->len; i++) {
			const struct tally_question *tq = g_ptr_array_index(r.tally->questions, i);
			if (!report_in_body(&r, tq->q))
				continue;
			char *figures = report_paragraph_figures(tq);
			fprintf(out, "[paragraph %s]\nfigures = %s\n\n", form_question_key(tq->q),
				figures);
			g_free(figures);
		}
		struct fingerprint_out f = { &r, out };
		each_crosstab(def, print_cross_fingerprint, &f);
		rc = 0;
	}
	report_release(&r);
	return rc;
}

/* FALLBACK_MARK: what stands before each text a draft gives in English (--allow-fallback). */
#define FALLBACK_MARK "[en] "

/*
 * Lists the messages of quire's catalog the document needed in LANG and
 * did not find, as errors or, for a draft, warnings.  Returns how many.
 */
static unsigned say_missing_messages(const char *lang, bool fatal)
{
	GPtrArray *missing = i18n_missing();
	if (!missing)
		return 0;
	char high[128];	/* UTF-8 is shown as it is; only controls and quotes are escaped */
	for (int b = 0; b < 127; b++)
		high[b] = (char)(0x80 + b);
	high[127] = '\0';
	for (guint i = 0; i < missing->len; i++) {
		char *shown = g_strescape(g_ptr_array_index(missing, i), high);
		if (fatal)
			/*
			 * TRANSLATORS: a language code ("fr"), then a message of quire's
			 * that its catalog lacks, in English.
			 */
			msg_error("catalog '%s': no translation of \"%s\"", lang, shown);
		else
			msg_warn_at(NULL, 0, "catalog '%s': no translation of \"%s\"", lang, shown);
		g_free(shown);
	}
	unsigned n = missing->len;
	g_ptr_array_unref(missing);
	return n;
}

/* Says that N drafted paragraphs are English, and what to do. */
static void say_english_drafts(unsigned n, const char *lang, bool fatal)
{
	/* TRANSLATORS: a number of paragraphs, then a language's code ("de") twice. */
	char *text = g_strdup_printf(EP_("%u drafted paragraph is in English: quire drafts no "
					 "sentences in '%s'; give the Rapporteur's own as text[%s] "
					 "in [paragraph NAME] of the definition",
					 "%u drafted paragraphs are in English: quire drafts no "
					 "sentences in '%s'; give the Rapporteur's own as text[%s] "
					 "in [paragraph NAME] of the definition", n),
				     n, lang, lang);
	if (fatal)
		msg_error("%s", text);
	else
		msg_warn_at(NULL, 0, "%s", text);
	g_free(text);
}

/* Says that the report in LANGUAGE ("French (fr)") lacks N texts, listed before. */
static void say_gaps(unsigned n, const char *language)
{
	/*
	 * TRANSLATORS: a language of the form ("French (fr)"), a number of
	 * texts, then the mark a draft puts before each ("[en] ");
	 * --allow-fallback is kept.
	 */
	char *text = g_strdup_printf(EP_("the report in '%s' needs %u text that is not there in "
					 "that language (listed above); --allow-fallback makes a "
					 "draft with it marked %s",
					 "the report in '%s' needs %u texts that are not there in "
					 "that language (listed above); --allow-fallback makes a "
					 "draft with them marked %s", n),
				     language, n, FALLBACK_MARK);
	msg_error("%s", text);
	g_free(text);
}

int report_write(struct rdef *def)
{
	struct report r;
	report_init(&r, def);
	int rc = -1;
	doc_write_fn writer = doc_writer_for(def->output);
	if (!writer) {
		msg_error("-o '%s': the report is written as .pdf or .docx", def->output);
	} else if (set_times(&r) && load_inputs(&r) && check_paragraphs_used(&r)) {
		/*
		 * A document is wholly in its language: the form's texts, the
		 * definition's and quire's own words.  What is missing is listed,
		 * and the document is made only as a draft that marks it.
		 */
		bool draft = def->allow_fallback;
		char *lang = form_document_language(r.form, r.lang);
		unsigned gaps = (unsigned)form_check_language(r.form, r.lang, !draft);
		if (!lang && draft)	/* a language without a code: quire's words stay English */
			lang = g_strdup("en");
		char *own_code = own_language(&r);
		if (lang)
			gaps += (unsigned)rdef_localize(def, lang, own_code && !strcmp(own_code, lang),
							draft ? FALLBACK_MARK : NULL, !draft);
		g_free(own_code);
		if (lang) {	/* built even when refused, to list all that is missing */
			if (draft)
				r.form->fallback_mark = r.fallback_mark = FALLBACK_MARK;
			i18n_begin_language(lang);
			i18n_mark_fallback(draft ? FALLBACK_MARK : NULL);
			build(&r);
			gaps += say_missing_messages(lang, !draft);
			if (r.english_drafts) {
				gaps += r.english_drafts;
				say_english_drafts(r.english_drafts, lang, !draft);
			}
			if (!gaps || draft)
				rc = writer(r.doc, def->output);
			i18n_mark_fallback(NULL);
			i18n_end_language();
		}
		if (gaps && !draft)
			say_gaps(gaps, g_ptr_array_index(r.form->languages, r.lang));
		g_free(lang);
	}
	report_release(&r);
	return rc;
}
