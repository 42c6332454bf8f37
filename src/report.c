/* report.c - the Working Group report: inputs, summary of replies, sections, annexes */
#include <config.h>
#include "report.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "chart.h"
#include "doc.h"
#include "form.h"
#include "isodate.h"
#include "msg.h"
#include "narrate.h"
#include "rdef.h"
#include "report-int.h"
#include "response.h"
#include "roster.h"
#include "source.h"
#include "status.h"
#include "tally.h"

char *report_next_number(struct report *r)
{
	return g_strdup_printf("%d.%d", r->section, ++r->paragraph);
}

const char *report_noun(const struct report *r, unsigned long k)
{
	return k == 1 ? r->def->respondent_singular : r->def->respondent_plural;
}

static bool draw_chart(void *data, cairo_t *cr, double width, double height)
{
	return chart_draw(data, cr, 0, 0, width, height) == CAIRO_STATUS_SUCCESS;
}

static void free_chart(void *data)
{
	chart_free(data);
}

void report_add_chart(struct report *r, struct chart *c)
{
	double w = doc_text_width(r->doc);
	doc_figure(r->doc, chart_natural_height(c, w), draw_chart, c, free_chart);
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

static bool check_names(struct report *r)
{
	const struct rdef *def = r->def;
	bool ok = true;
	for (guint i = 0; i < def->charts->len; i++) {
		const struct rdef_chart *c = g_ptr_array_index(def->charts, i);
		if (!form_question(r->form, c->question))
			ok = msg_error_at(def->path, c->line, "[chart %s]: the form has no question "
					  "'%s'", c->question, c->question) < 0 && false;
	}
	for (char **q = def->omit; *q; q++)
		if (!form_question(r->form, *q))
			ok = msg_error_at(def->path, rdef_line(def, "report", "omit"), "omit: the form "
					  "has no question '%s'", *q) < 0 && false;
	for (guint i = 0; i < def->sections->len; i++) {
		const struct rdef_section *s = g_ptr_array_index(def->sections, i);
		for (char **q = s->questions; *q; q++)
			if (!form_question(r->form, *q))
				ok = msg_error_at(def->path, s->line, "[section %s]: the form has no "
						  "question '%s'", s->title, *q) < 0 && false;
	}
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
	if (report_by_tally(r, x->by))
		return;
	struct tally_options topt = { r->roster, r->def->cutoff, x->by, false, NULL, true };
	GString *errors = g_string_new(NULL);
	GString *outer = msg_capture(errors);
	struct tally *t = tally_new(r->form, &topt);
	msg_capture(outer);
	if (!t) {
		g_strchomp(errors->str);
		bs->ok = msg_error_at(r->def->path, x->line, "crosstab: %s",
				      errors->str + strlen("quire: ")) < 0 && false;
	} else {
		struct report_by *b = g_new0(struct report_by, 1);
		b->by = g_strdup(x->by);
		b->tally = t;
		g_ptr_array_add(r->bys, b);
	}
	g_string_free(errors, TRUE);
}

/* Inputs are listed as paths from the working directory, without "../" detours. */
static void add_input(struct report *r, const char *path)
{
	if (!path)
		return;
	char *cwd = g_get_current_dir();
	char *abs = g_canonicalize_filename(path, cwd);
	size_t n = strlen(cwd);
	bool inside = strncmp(abs, cwd, n) == 0 && abs[n] == G_DIR_SEPARATOR;
	g_ptr_array_add(r->inputs, g_strdup(inside ? abs + n + 1 : abs));
	g_free(abs);
	g_free(cwd);
}

/*
 * One pass over the replies: each is checked as quire validate does, then
 * counted for the status, the main tally and the crosstab tallies.
 */
static bool read_replies(struct report *r)
{
	const struct rdef *def = r->def;
	struct source_options sopt = { NULL, true };
	struct source *src = source_open(r->form, def->data, (int)g_strv_length(def->data), &sopt);
	if (!src)
		return false;
	struct resp_eval *ev = resp_eval_new(r->form);
	struct resp_reply *reply;
	int problems = 0, rc;
	while ((rc = source_next(src, &reply, &problems)) == 1) {
		int found = resp_check(reply, ev, r->lang);
		if (reply->meta[RESP_INCOMPLETE])
			found += msg_error_at(reply->file, reply->meta_row[RESP_INCOMPLETE],
					      "the reply is marked _incomplete: finish its entry "
					      "before making the report") < 0;
		problems += found;
		if (found)
			continue;	/* reported once; counting it would report it again */
		if (status_add(r->status, reply) < 0) {
			problems++;
			continue;
		}
		if (r->roster && !roster_find(r->roster, reply->meta[RESP_RESPONDENT]))
			problems += msg_error_at(reply->file, reply->meta_row[RESP_RESPONDENT],
						 "_respondent: '%s' is not on the roster %s",
						 reply->meta[RESP_RESPONDENT], r->roster->path) < 0;
		tally_add(r->tally, reply, ev);
		for (guint i = 0; i < r->bys->len; i++)
			tally_add(((struct report_by *)g_ptr_array_index(r->bys, i))->tally, reply, ev);
	}
	for (guint i = 0; i < source_paths(src)->len; i++)
		add_input(r, g_ptr_array_index(source_paths(src), i));
	resp_eval_free(ev);
	source_close(src);
	status_finish(r->status);
	problems += r->tally->problems;
	if (rc == 0 && problems)
		msg_error("%d problem%s in the replies; the report is made only from valid replies "
			  "(run quire validate)", problems, problems == 1 ? "" : "s");
	return rc == 0 && problems == 0;
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
	add_input(r, def->path);
	add_input(r, r->form->survey_file);
	add_input(r, r->form->choices_file);
	add_input(r, r->form->settings_file);
	r->lang = def->language ? form_lang_find(r->form, def->language) : 0;
	if (r->lang < 0)
		return msg_error_at(def->path, rdef_line(def, "report", "language"),
				    "language: the form has no language '%s'", def->language) < 0 &&
		       false;
	if (def->roster) {
		if (!(r->roster = roster_load(def->roster)))
			return false;
		add_input(r, def->roster);
	}
	if (!check_names(r))
		return false;
	struct by_setup bs = { r, true };
	each_crosstab(def, setup_by, &bs);
	if (!bs.ok)
		return false;
	r->status = status_new(r->roster, def->cutoff);
	struct tally_options topt = { r->roster, def->cutoff, NULL, true, NULL, false };
	r->tally = tally_new(r->form, &topt);
	return read_replies(r);
}

/* The cover */

static char *cover_date(const struct report *r)
{
	return isodate_format_long(r->today);
}

static void add_cover(struct report *r)
{
	const struct rdef *def = r->def;
	char *date = cover_date(r);
	char *place_date = def->place && def->dates ? g_strdup_printf("%s, %s", def->place, def->dates)
			   : g_strdup(def->place ? def->place : def->dates);
	struct doc_cover c = {
		.organisation = def->organisation,
		.symbol = def->symbol,
		.date_line = date,
		.meeting = def->meeting,
		.place_date = place_date,
		.title = def->title ? def->title : r->form->title,
		.subtitle = def->subtitle,
		.prepared_by = def->prepared_by,
		.notice = def->notice,
	};
	doc_cover(r->doc, &c);
	g_free(place_date);
	g_free(date);
}

/* Summary of replies */

static struct chart *timeline(const struct report *r)
{
	struct chart *c = chart_new(CHART_TIMELINE);
	chart_set_title(c, "Replies received over time");
	char *base = g_strdup_printf("n = %u replies, %u by the cut-off",
				     r->status->on_time + r->status->late, r->status->on_time);
	chart_set_base(c, base);
	g_free(base);
	for (guint i = 0; i < r->status->entries->len; i++) {
		const struct status_entry *e = g_ptr_array_index(r->status->entries, i);
		if (e->kind == STATUS_ON_TIME || e->kind == STATUS_LATE)
			chart_add_date(c, e->submitted, e->kind == STATUS_LATE);
	}
	if (r->def->cutoff != INT_MAX)
		chart_set_cutoff(c, r->def->cutoff);
	return c;
}

static char *replies_sentence(const struct report *r)
{
	const struct status *st = r->status;
	GString *s = g_string_new(NULL);
	char *cutoff = r->def->cutoff != INT_MAX ? isodate_format_long(r->def->cutoff) : NULL;
	if (cutoff)
		g_string_append_printf(s, "By %s, replies", cutoff);
	else
		g_string_append(s, "Replies");
	if (r->roster) {
		char *pct = narrate_percent(st->on_time, st->members);
		g_string_append_printf(s, " had been received from %u of the %u %s (%s).",
				       st->on_time, st->members, r->def->respondent_plural, pct);
		g_free(pct);
	} else {
		g_string_append_printf(s, " had been received from %u %s.", st->on_time,
				       report_noun(r, st->on_time));
	}
	if (st->late == 1)
		g_string_append_printf(s, " A reply from 1 further %s arrived after that date and is "
				       "not included.", r->def->respondent_singular);
	else if (st->late > 1)
		g_string_append_printf(s, " Replies from %u further %s arrived after that date and "
				       "are not included.", st->late, r->def->respondent_plural);
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

static void rate_table(struct report *r, const char *column)
{
	GPtrArray *groups = status_by_group(r->status, column);
	struct doc_table *t = doc_table_new(5, (double[]){ 0.36, 0.16, 0.16, 0.16, 0.16 });
	for (size_t c = 1; c < 5; c++)
		doc_table_align(t, c, DOC_RIGHT);
	char *head = g_strdup(column);
	head[0] = g_ascii_toupper(head[0]);
	doc_table_header(t, (const char *[]){ head, r->def->respondent_plural, "Replied",
					      "Response rate", "Late" });
	g_free(head);
	unsigned members = 0, replied = 0, late = 0;
	for (guint i = 0; i < groups->len; i++) {
		const struct status_group *g = g_ptr_array_index(groups, i);
		char *m = g_strdup_printf("%u", g->members), *k = g_strdup_printf("%u", g->replied);
		char *pct = narrate_percent(g->replied, g->members), *l = g_strdup_printf("%u", g->late);
		doc_table_row(t, (const char *[]){ *g->value ? g->value : "(none)", m, k, pct, l },
			      false);
		members += g->members;
		replied += g->replied;
		late += g->late;
		g_free(m);
		g_free(k);
		g_free(pct);
		g_free(l);
	}
	char *m = g_strdup_printf("%u", members), *k = g_strdup_printf("%u", replied);
	char *pct = narrate_percent(replied, members), *l = g_strdup_printf("%u", late);
	doc_table_row(t, (const char *[]){ "Total", m, k, pct, l }, true);
	g_free(m);
	g_free(k);
	g_free(pct);
	g_free(l);
	doc_table(r->doc, t);
	g_ptr_array_free(groups, TRUE);
}

static void add_summary(struct report *r)
{
	r->section++;
	r->paragraph = 0;
	char *num = g_strdup_printf("%d", r->section);
	doc_heading(r->doc, 1, num, "Replies to the questionnaire");
	g_free(num);
	char *n = report_next_number(r), *text = replies_sentence(r);
	doc_paragraph(r->doc, n, text);
	g_free(n);
	g_free(text);
	doc_group_begin(r->doc);
	n = report_next_number(r);
	text = g_strdup_printf("The chart shows when the replies arrived%s.",
			       r->def->cutoff != INT_MAX ? "; the cut-off date is marked and late "
							   "replies are shown apart" : "");
	doc_paragraph(r->doc, n, text);
	g_free(n);
	g_free(text);
	report_add_chart(r, timeline(r));
	doc_group_end(r->doc);
	const char *column = group_column(r);
	if (column) {
		doc_group_begin(r->doc);
		n = report_next_number(r);
		text = g_strdup_printf("Replies by %s of the roster, with the rate of reply of each "
				       "group, are as follows.", column);
		doc_paragraph(r->doc, n, text);
		rate_table(r, column);
		doc_group_end(r->doc);
		g_free(n);
		g_free(text);
	}
}

/* The body: one section per part of the form, or per [section] */

static bool omitted(const struct report *r, const struct form_question *q)
{
	return g_strv_contains((const char *const *)r->def->omit, q->name);
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

static void section_heading(struct report *r, const char *title)
{
	r->section++;
	r->paragraph = 0;
	char *num = g_strdup_printf("%d", r->section);
	doc_heading(r->doc, 1, num, title);
	g_free(num);
}

static void add_parts(struct report *r)
{
	const struct form *form = r->form;
	for (guint p = 0; p < form->parts->len; p++) {
		const struct form_part *part = g_ptr_array_index(form->parts, p);
		bool any = false;
		for (guint i = 0; i < part->questions->len; i++) {
			const struct form_question *q = g_ptr_array_index(part->questions, i);
			any |= q->number && tallied(r, q);
		}
		if (!any)
			continue;
		section_heading(r, part->group ? form_group_label(form, part->group, r->lang)
					       : "Questions");
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
	section_heading(r, "Cross-tabulations");
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
			section_heading(r, "Cross-tabulations");
		heading = true;
		report_crosstab(r, x->row, x->by, x->title, x->note);
	}
}

/* Annexes */

static char *annex_name(struct report *r)
{
	static const char *const roman[] = { "I", "II", "III", "IV", "V", "VI" };
	unsigned i = r->annex++;
	return g_strdup_printf("Annex %s", roman[MIN(i, 5u)]);
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
	annex_heading(r, "Replying States");
	const struct status *st = r->status;
	char *cutoff = r->def->cutoff != INT_MAX ? isodate_format_long(r->def->cutoff) : NULL;
	char *intro = cutoff ? g_strdup_printf("Replies received by %s are included in this "
					       "report; replies received later are listed as "
					       "late and are not included.", cutoff)
			     : g_strdup("Every reply received is included in this report.");
	doc_paragraph(r->doc, NULL, intro);
	g_free(intro);
	g_free(cutoff);
	struct doc_table *t = doc_table_new(4, (double[]){ 0.44, 0.12, 0.2, 0.24 });
	doc_table_header(t, (const char *[]){ r->def->respondent_singular, "Code", "Received",
					      "Channel" });
	for (guint i = 0; i < st->entries->len; i++) {
		const struct status_entry *e = g_ptr_array_index(st->entries, i);
		if (e->kind != STATUS_ON_TIME && e->kind != STATUS_LATE)
			continue;
		char *date = isodate_format_long(e->submitted);
		char *when = e->kind == STATUS_LATE ? g_strdup_printf("%s (late)", date) : g_strdup(date);
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
	return g_hash_table_lookup(r->aliases, code ? code : "");
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
 * The letters of alias I (0-based) as a spreadsheet names its columns:
 * A to Z, then AA to ZZ, then AAA and on, so that any number of States
 * gets a name of letters.
 */
static char *alias_name(guint i)
{
	char letters[16];
	size_t n = sizeof letters - 1;
	letters[n] = '\0';
	for (guint k = i + 1; k > 0; k = (k - 1) / 26)
		letters[--n] = (char)('A' + (k - 1) % 26);
	return g_strconcat("State ", letters + n, NULL);
}

static void make_aliases(struct report *r)
{
	GPtrArray *codes = g_ptr_array_new();
	for (guint i = 0; i < r->status->entries->len; i++) {
		const struct status_entry *e = g_ptr_array_index(r->status->entries, i);
		if (e->kind == STATUS_ON_TIME)
			g_ptr_array_add(codes, e->code);
	}
	g_ptr_array_sort(codes, compare_hashed);
	for (guint i = 0; i < codes->len; i++) {
		g_hash_table_insert(r->aliases, g_strdup(g_ptr_array_index(codes, i)),
				    alias_name(i));
	}
	g_ptr_array_free(codes, TRUE);
}

/*
 * Anonymised answers must not name their State either: the names of the
 * roster's States, in full and without a leading "Republic of" and the
 * like, are replaced by "[State]".  The pattern is built once.
 */
static GRegex *name_pattern(const struct report *r)
{
	static const char *const prefixes[] = {
		"Federal Democratic Republic of ", "Democratic Republic of ",
		"People's Republic of ", "Islamic Republic of ", "United Republic of ",
		"Federal Republic of ", "Republic of ", "Kingdom of ", "State of ",
		"Federation of ", "Sultanate of ", "Principality of ", "Union of ", "The ", NULL,
	};
	if (!r->roster || !r->roster->members->len)
		return NULL;
	GString *alt = g_string_new(NULL);
	for (guint i = 0; i < r->roster->members->len; i++) {
		const struct roster_member *m = g_ptr_array_index(r->roster->members, i);
		const char *core = m->name;
		for (const char *const *p = prefixes; *p; p++)
			if (g_str_has_prefix(core, *p))
				core += strlen(*p);
		char *full = g_regex_escape_string(m->name, -1);
		char *short_name = g_regex_escape_string(core, -1);
		g_string_append_printf(alt, "%s%s|%s", alt->len ? "|" : "", full, short_name);
		g_free(full);
		g_free(short_name);
	}
	char *pattern = g_strdup_printf("\\b(?:%s)\\b", alt->str);
	GRegex *re = g_regex_new(pattern, G_REGEX_OPTIMIZE, 0, NULL);
	g_free(pattern);
	g_string_free(alt, TRUE);
	return re;
}

static char *redact(struct report *r, const char *text)
{
	if (!r->redact)
		return g_strdup(text);
	return g_regex_replace_literal(r->redact, text, -1, 0, "[State]", 0, NULL);
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
	annex_heading(r, "Texts of the answers");
	bool named = r->def->attribute_texts && !r->def->anonymous;
	if (!named)
		r->redact = name_pattern(r);
	doc_paragraph(r->doc, NULL, named
		      ? "The answers are reproduced as received, with the State that gave them."
		      : "The answers are reproduced as received, except that the names of States "
			"are replaced by \"[State]\".  To protect the anonymity of the replies they "
			"are attributed to \"State A\", \"State B\" and so on; the letters do not "
			"follow the order of any list in this report.");
	for (guint i = 0; i < r->tally->questions->len; i++) {
		const struct tally_question *tq = g_ptr_array_index(r->tally->questions, i);
		if (!tq->q->number || !tq->texts || !tq->texts->len || omitted(r, tq->q))
			continue;
		char *title = g_strdup_printf("Question %s. %s", tq->q->number,
					      form_label(r->form, tq->q, r->lang));
		doc_heading(r->doc, 2, NULL, title);
		g_free(title);
		GPtrArray *sorted = g_ptr_array_new();
		for (guint k = 0; k < tq->texts->len; k++)
			g_ptr_array_add(sorted, g_ptr_array_index(tq->texts, k));
		g_ptr_array_sort_with_data(sorted, compare_attribution, r);
		for (guint k = 0; k < sorted->len; k++) {
			const struct tally_text *x = g_ptr_array_index(sorted, k);
			char *text = redact(r, x->text);
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
		return g_strdup("(unreadable)");
	char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
						(const guchar *)g_mapped_file_get_contents(m),
						g_mapped_file_get_length(m));
	g_mapped_file_unref(m);
	return sum;
}

static void add_methodology(struct report *r)
{
	annex_heading(r, "Methodology and provenance");
	const struct form *form = r->form;
	const struct status *st = r->status;
	GString *s = g_string_new(NULL);
	g_string_printf(s, "This report was drafted by quire %s from the questionnaire "
			"\"%s\" (form %s, version %s) and the replies to it.", PACKAGE_VERSION,
			form->title, form->id, form->version ? form->version : "not given");
	if (r->def->cutoff != INT_MAX) {
		char *d = isodate_format_long(r->def->cutoff);
		g_string_append_printf(s, " The cut-off date was %s: %u replies received by then are "
				       "included and %u received later are not.", d, st->on_time,
				       st->late);
		g_free(d);
	} else {
		g_string_append_printf(s, " All %u replies received are included.", st->on_time);
	}
	if (r->roster)
		g_string_append_printf(s, " The roster lists %u %s on that date.", st->members,
				       r->def->respondent_plural);
	doc_paragraph(r->doc, NULL, s->str);
	doc_paragraph(r->doc, NULL,
		      "Figures are counts of States.  For each question the base is the number "
		      "of replying States to which the question applied; shares are of the States "
		      "that answered it, with 95% confidence intervals by the Wilson score "
		      "method.  Where several answers were allowed, shares are of the States that "
		      "answered and may total more than 100%.  Numeric answers are summarised by "
		      "their median, quartiles (as R's default, type 7) and range.  Cross-"
		      "tabulations are tested with Fisher's exact test, computed exactly; the "
		      "Pearson chi-square test is also reported, but with counts this small its "
		      "approximation is unreliable when expected counts fall below 5, and the "
		      "report says so.");
	char *small = g_strdup_printf("In breakdowns by a group of the roster, counts from 1 to %d "
				      "are shown as \"< %d\", and a second count is hidden wherever a "
				      "total would reveal the first, so that no State's answer can be "
				      "singled out.", r->def->small_cell - 1, r->def->small_cell);
	if (r->def->small_cell > 1)
		doc_paragraph(r->doc, NULL, small);
	g_free(small);
	if (r->def->notice)
		doc_paragraph(r->doc, NULL, r->def->notice);
	g_string_printf(s, "Generated on %s by quire %s.  The SHA-256 checksum of every input "
			"file follows, so that the figures can be reproduced and checked.",
			r->generated, PACKAGE_VERSION);
	doc_paragraph(r->doc, NULL, s->str);
	g_string_free(s, TRUE);
	struct doc_table *t = doc_table_new(2, (double[]){ 0.42, 0.58 });
	doc_table_mono(t, 1);
	doc_table_header(t, (const char *[]){ "Input file", "SHA-256" });
	for (guint i = 0; i < r->inputs->len; i++) {
		const char *path = g_ptr_array_index(r->inputs, i);
		char *sum = sha256_of(path);
		doc_table_row(t, (const char *[]){ path, sum }, false);
		g_free(sum);
	}
	doc_table(r->doc, t);
}

/* Assembly */

static void set_times(struct report *r)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t now = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	char buf[64];
	strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
	r->generated = g_strdup(buf);
	r->today = r->def->date != INT_MIN ? r->def->date : isodate_today();
}

static void set_info(struct report *r)
{
	const struct rdef *def = r->def;
	char date[32];
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t now = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	char *creator = g_strdup_printf("quire %s", PACKAGE_VERSION);
	doc_set_info(r->doc, def->title ? def->title : r->form->title,
		     def->organisation ? def->organisation : def->prepared_by,
		     def->meeting ? def->meeting : "Summary of the replies to a questionnaire",
		     creator, date);
	doc_set_running_head(r->doc, def->organisation, def->symbol);
	g_free(creator);
}

static void build(struct report *r)
{
	r->doc = doc_new(r->def->letter ? DOC_LETTER : DOC_A4);
	set_info(r);
	add_cover(r);
	r->base = narrate_replying(r->tally->included, r->def->respondent_singular,
				   r->def->respondent_plural);
	make_aliases(r);
	add_summary(r);
	bool texts = has_texts(r);
	if (texts) {
		static const char *const roman[] = { "I", "II", "III" };
		r->texts_annex = g_strdup_printf("Annex %s", roman[r->def->anonymous ? 0 : 1]);
	}
	if (r->def->sections->len) {
		add_sections(r);
	} else {
		add_parts(r);
		add_crosstab_section(r);
	}
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
	if (r->redact)
		g_regex_unref(r->redact);
	g_free(r->generated);
	g_free(r->texts_annex);
}

int report_write(const struct rdef *def)
{
	struct report r = { 0 };
	r.def = def;
	r.bys = g_ptr_array_new();
	r.inputs = g_ptr_array_new_with_free_func(g_free);
	r.aliases = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	int rc = -1;
	set_times(&r);
	if (load_inputs(&r)) {
		build(&r);
		rc = doc_write_pdf(r.doc, def->output);
	}
	report_release(&r);
	return rc;
}
