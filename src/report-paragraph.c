/* report-paragraph.c - the Rapporteur's own paragraphs ([paragraph NAME]) and their fingerprints */
#include <config.h>
#include <stdio.h>
#include <string.h>

#include "disclose.h"
#include "doc.h"
#include "figure.h"
#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "msg.h"
#include "rdef.h"
#include "report-int.h"
#include "tally.h"

/*
 * A fingerprint is the list of the figures a drafted paragraph states,
 * "name value" pairs joined by "; " in a fixed order: the base and the
 * States that answered, then per kind the count of each choice (by its
 * name), the figures of a number (minimum, median, maximum), the first and
 * last date, or the firsts of a rank; for a crosstab each cell as the
 * table shows it ("x" where disclosure control hides it) and the p-value
 * of the exact test when it is shown.  Every figure is the tally's: this
 * reads, never counts.
 */

static void put(GString *s, const char *name, const char *value)
{
	g_string_append_printf(s, "%s%s %s", s->len ? "; " : "", name, value);
}

static void put_count(GString *s, const char *name, unsigned long n)
{
	char value[32];
	g_snprintf(value, sizeof value, "%lu", n);
	put(s, name, value);
}

static const char *choice_name(const struct tally_question *tq, size_t c)
{
	return ((const struct form_choice *)g_ptr_array_index(tq->q->list->choices, c))->name;
}

char *report_paragraph_cross_name(const char *row, const char *by)
{
	return g_strdup_printf("%s by %s", row, by);
}

char *report_paragraph_figures(const struct tally_question *tq)
{
	GString *s = g_string_new(NULL);
	put_count(s, "base", tq->base);
	put_count(s, "answered", tq->answered);
	if (tq->counts && tq->q->kind == FORM_RANK) {
		for (size_t c = 0; c < tq->n_choices; c++) {
			char *name = g_strdup_printf("first.%s", choice_name(tq, c));
			put_count(s, name, tq->firsts[c]);
			g_free(name);
		}
	} else if (tq->counts) {
		for (size_t c = 0; c < tq->n_choices; c++)
			put_count(s, choice_name(tq, c), tq->counts[c]);
	} else if (tq->numbers && tq->summary.n > 0) {
		const char *names[] = { "min", "median", "max" };
		double values[] = { tq->summary.min, tq->summary.median, tq->summary.max };
		for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
			char *v = figure_number(values[i]);
			put(s, names[i], v);
			g_free(v);
		}
	} else if ((tq->q->kind == FORM_DATE || tq->q->kind == FORM_DATETIME) && tq->answered) {
		char day[ISODATE_BUFSIZE];
		isodate_format(tq->earliest, day);
		put(s, "earliest", day);
		isodate_format(tq->latest, day);
		put(s, "latest", day);
	}
	return g_string_free(s, FALSE);
}

char *report_paragraph_cross_figures(const struct tally *t, const struct tally_question *tq)
{
	const struct tally_cross *x = tq->cross;
	GString *s = g_string_new(NULL);
	if (!x)
		return g_string_free(s, FALSE);
	put_count(s, "n", x->n);
	for (size_t row = 0; row < x->n_rows; row++)
		for (size_t col = 0; col < x->n_cols; col++) {
			size_t i = row * x->n_cols + col;
			const struct tally_by_value *v = g_ptr_array_index(t->by_values, col);
			char *name = g_strdup_printf("%s.%s", choice_name(tq, row), v->value);
			bool hidden = x->withheld || (x->marks && x->marks[i] != DISCLOSE_SHOWN);
			if (hidden)
				put(s, name, "x");
			else
				put_count(s, name, x->cells[i]);
			g_free(name);
		}
	if (tally_cross_tests_shown(x) && x->tests.defined) {
		char *p = figure_p(x->tests.fisher.p);	/* "p = 0.140", "p < 0.0001" */
		put(s, "p", g_str_has_prefix(p, "p = ") ? p + 4 : g_str_has_prefix(p, "p ") ? p + 2 : p);
		g_free(p);
	}
	return g_string_free(s, FALSE);
}

/* FIGURES as "name value" pairs, in order. */
static GPtrArray *pairs(const char *figures)
{
	GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
	char **items = g_strsplit(figures ? figures : "", ";", -1);
	for (char **it = items; *it; it++) {
		char *item = g_strstrip(*it);
		if (!*item)
			continue;
		char **kv = g_strsplit(item, " ", 2);
		if (kv[0] && kv[1])
			g_strstrip(kv[1]);
		g_ptr_array_add(out, kv);
	}
	g_strfreev(items);
	return out;
}

static const char *value_of(GPtrArray *list, const char *name)
{
	for (guint i = 0; i < list->len; i++) {
		char **kv = g_ptr_array_index(list, i);
		if (strcmp(kv[0], name) == 0)
			return kv[1] ? kv[1] : "";
	}
	return NULL;
}

/*
 * What changed from WAS to NOW, or NULL when nothing did: "yes 7 is now 8,
 * base 9 is now 10, sectoral 2 is gone, drafting 1 is new".
 */
static char *changes(const char *was, const char *now)
{
	GPtrArray *a = pairs(was), *b = pairs(now);
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < a->len; i++) {
		char **kv = g_ptr_array_index(a, i);
		const char *then = kv[1] ? kv[1] : "", *v = value_of(b, kv[0]);
		if (v && strcmp(v, then) == 0)
			continue;
		if (s->len)
			g_string_append(s, ", ");
		if (!v)
			/*
			 * TRANSLATORS: in the list after "[paragraph NAME] was written
			 * against figures that have changed: ", the items joined by ", ":
			 * a figure's name ("base", "yes"), kept, then its value: "sectoral
			 * 2 is gone".
			 */
			g_string_append_printf(s, E_("%s %s is gone"), kv[0], then);
		else
			/*
			 * TRANSLATORS: as "%s %s is gone": a figure's name, its value
			 * then, its value now: "yes 7 is now 8".
			 */
			g_string_append_printf(s, E_("%s %s is now %s"), kv[0], then, v);
	}
	for (guint i = 0; i < b->len; i++) {
		char **kv = g_ptr_array_index(b, i);
		if (value_of(a, kv[0]))
			continue;
		if (s->len)
			g_string_append(s, ", ");
		/*
		 * TRANSLATORS: as "%s %s is gone": a figure's name, then its value: "drafting 1 is
		 * new".
		 */
		g_string_append_printf(s, E_("%s %s is new"), kv[0], kv[1] ? kv[1] : "");
	}
	g_ptr_array_free(a, TRUE);
	g_ptr_array_free(b, TRUE);
	return g_string_free(s, s->len == 0);
}

static void extra(struct report *r, const char *text)
{
	if (!text)
		return;
	char *number = report_next_number(r);
	doc_paragraph(r->doc, number, text);
	g_free(number);
}

void report_paragraph_before(struct report *r, const char *name)
{
	const struct rdef_paragraph *p = rdef_paragraph(r->def, name);
	if (p)
		extra(r, p->before);
}

void report_paragraph_after(struct report *r, const char *name)
{
	const struct rdef_paragraph *p = rdef_paragraph(r->def, name);
	if (p)
		extra(r, p->after);
}

void report_paragraph_footnote(struct report *r, const char *name)
{
	const struct rdef_paragraph *p = rdef_paragraph(r->def, name);
	if (p && p->footnote)
		doc_footnote(r->doc, p->footnote);
}

const char *report_paragraph_text(const struct report *r, const char *name, const char *drafted,
				  const char *figures)
{
	const struct rdef_paragraph *p = rdef_paragraph(r->def, name);
	if (!p || !p->text)
		return drafted;
	if (!p->figures) {
		msg_warn_at(r->def->path, p->line, "[paragraph %s]: its text is used unchecked, as "
			    "it has no figures to check it against (quire report --fingerprints "
			    "gives them)", name);
		return p->text;
	}
	char *changed = changes(p->figures, figures);
	if (changed)
		/*
		 * TRANSLATORS: %s is the paragraph's name as in the definition, then
		 * what changed: "yes 7 is now 8, base 9 is now 10".
		 */
		msg_warn_at(r->def->path, p->line, "[paragraph %s] was written against figures that "
			    "have changed: %s; its text is used as written", name, changed);
	g_free(changed);
	return p->text;
}
