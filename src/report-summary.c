/* report-summary.c - chapter I: the main findings, each citing the paragraph that details it */
#include <config.h>

#include <string.h>

#include "doc.h"
#include "figure.h"
#include "findings.h"
#include "form.h"
#include "i18n.h"
#include "narrate.h"
#include "rdef.h"
#include "report-int.h"
#include "tally.h"

/*
 * The summary reads first but is written last: its sentences cite the
 * paragraphs of the body where each finding is detailed, whose numbers
 * are known once the body is built.  report_summary_reserve() decides the
 * findings (findings.h owns the rule), so how many paragraphs the summary
 * takes, and keeps their numbers and the chapter's; report_summary_write()
 * then writes the chapter at its place (doc_insert_at()).
 *
 * The chapter: one paragraph with the response rate, the sentence the
 * introduction details, then one paragraph per part of the questionnaire
 * with findings, then one for the differences between groups, each
 * sentence ending with the paragraph that details it: "(para. 5)".
 */

/*
 * The most findings the summary states: about a page for a questionnaire
 * of some fifty questions, the length of a Rapporteur's summary.
 */
#define REPORT_SUMMARY_MAX 10
/* From this many tables and figures in the body, the contents are followed by a list of them. */
#define REPORT_LIST_OF_CAPTIONS 40

/* The key a paragraph of the body is cited by: a question, a crosstab, or the replies. */
static char *cross_key(const char *row, const char *by)
{
	return g_strdup_printf("%s\x1f%s", row, by);
}

void report_cite(struct report *r, const char *key)
{
	g_hash_table_replace(r->para_of, g_strdup(key), GINT_TO_POINTER(r->paragraph));
}

void report_cite_crosstab(struct report *r, const char *row, const char *by)
{
	g_hash_table_replace(r->para_of, cross_key(row, by), GINT_TO_POINTER(r->paragraph));
}

static int cited(const struct report *r, const char *key)
{
	return GPOINTER_TO_INT(g_hash_table_lookup(r->para_of, key));
}

/* Whether the definition shows the crosstab of F, so that a paragraph details it. */
static bool shown_crosstab(const struct report *r, const struct findings_finding *f)
{
	for (guint i = 0; i < r->def->crosstabs->len; i++) {
		const struct rdef_crosstab *x = g_ptr_array_index(r->def->crosstabs, i);
		if (strcmp(x->row, form_question_key(f->q)) == 0 && strcmp(x->by, f->by) == 0)
			return true;
	}
	return false;
}

/* The part of F's question, for grouping; crosstab findings come last, apart. */
static const void *group_of(const struct findings_finding *f)
{
	return f->kind == FINDINGS_CROSSTAB ? NULL : (const void *)f->q->part;
}

/* Choices said with the same summary phrase are one answer, as the body's sentence counts them. */
static bool same_phrase(const struct form_question *q, size_t a, size_t b, void *data)
{
	const struct report *r = data;
	const char *pa = form_choice_extra(r->form, g_ptr_array_index(q->list->choices, a),
					   "summary", r->lang);
	const char *pb = form_choice_extra(r->form, g_ptr_array_index(q->list->choices, b),
					   "summary", r->lang);
	return pa && pb && strcmp(pa, pb) == 0;
}

/*
 * Only what the body details can be cited: no question it leaves out and
 * no crosstab the definition does not show.
 */
static bool in_body(const struct findings_finding *f, void *data)
{
	struct report *r = data;
	return f->kind == FINDINGS_CROSSTAB ? shown_crosstab(r, f) : report_in_body(r, f->q);
}

void report_summary_reserve(struct report *r)
{
	struct findings_cross *crosses = g_new0(struct findings_cross, r->bys->len + 1);
	for (guint i = 0; i < r->bys->len; i++) {
		const struct report_by *b = g_ptr_array_index(r->bys, i);
		crosses[i].by = b->by;
		crosses[i].tally = b->tally;
	}
	struct findings_options o = { REPORT_SUMMARY_MAX, crosses, r->bys->len,
				      (unsigned long)MAX(r->def->small_cell, 0), same_phrase,
				      in_body, r };
	GPtrArray *all = findings_find(r->tally, &o);
	g_free(crosses);
	r->findings = g_ptr_array_new();
	for (guint i = 0; i < all->len; i++)
		g_ptr_array_add(r->findings, g_ptr_array_index(all, i));
	r->findings_owner = all;
	int paragraphs = 1;
	const void *last = &paragraphs;	/* no group yet */
	for (guint pass = 0; pass < 2; pass++)
		for (guint i = 0; i < r->findings->len; i++) {
			const struct findings_finding *f = g_ptr_array_index(r->findings, i);
			if ((pass == 0) != (f->kind != FINDINGS_CROSSTAB))
				continue;
			if (group_of(f) != last)
				paragraphs++;
			last = group_of(f);
		}
	r->summary_mark = doc_mark(r->doc);
	r->summary_first = r->paragraph + 1;
	r->paragraph += paragraphs;
	r->chapter++;
}

/* "Label" of choice C of Q in the report's language. */
static const char *choice_label(const struct report *r, const struct form_question *q, int c)
{
	return form_choice_label(r->form, g_ptr_array_index(q->list->choices, c), r->lang);
}

/* What K States did, as a predicate: the form's phrases, or the answer quoted. */
static char *predicate(const struct report *r, const struct findings_finding *f)
{
	const struct form_question *q = f->q;
	const struct form_choice *ch = g_ptr_array_index(q->list->choices, f->choice);
	const char *qsum = form_question_extra(r->form, q, "summary", r->lang);
	const char *csum = form_choice_extra(r->form, ch, "summary", r->lang);
	char *quoted = narrate_quote_in(&r->base, choice_label(r, q, f->choice));
	char *p;
	if (q->kind == FORM_SELECT_MULTIPLE && form_choice_is_none(ch) && csum)
		p = g_strdup(csum);	/* an exclusive "none" has a whole predicate */
	else if (q->kind == FORM_SELECT_MULTIPLE && qsum && csum)
		p = narrate_verb_object_in(&r->base, qsum, csum);
	else if (q->kind == FORM_SELECT_MULTIPLE)
		/*
		 * TRANSLATORS: a predicate for a plural subject, past tense: "[Seven
		 * Member States] selected “Police” at question 4.2".
		 */
		p = g_strdup_printf(_("selected %s at question %s"), quoted, q->number);
	else if (csum)
		p = g_strdup(csum);
	else if (qsum && strcmp(ch->name, "yes") == 0)
		p = g_strdup(qsum);
	else
		/*
		 * TRANSLATORS: a predicate for a plural subject, past tense: "[Seven
		 * Member States] answered “Yes” to question 4.2".
		 */
		p = g_strdup_printf(_("answered %s to question %s"), quoted, q->number);
	g_free(quoted);
	return p;
}

/*
 * Appends SENTENCE (taken, with its full stop) to OUT, citing paragraph N
 * (0: none) before the stop, which stays the sentence's own: "... law
 * (para. 5).", "……计入（第7段）。".
 */
static void append_cited(GString *out, char *sentence, int n)
{
	static const char *const stops[] = { "\u3002", "." };
	const char *stop = ".";
	size_t len = strlen(sentence);
	for (size_t i = 0; i < G_N_ELEMENTS(stops); i++)
		if (g_str_has_suffix(sentence, stops[i])) {
			stop = stops[i];
			sentence[len - strlen(stop)] = '\0';
			break;
		}
	g_string_append_printf(out, "%s%s", out->len ? " " : "", sentence);
	if (n) {
		g_string_append_c(out, ' ');
		/* TRANSLATORS: the number of the paragraph a summary's sentence cites. */
		g_string_append_printf(out, _("(para.\u00A0%d)"), n);
	}
	g_string_append(out, stop);
	g_free(sentence);
}

static char *finding_sentence(const struct report *r, const struct findings_finding *f)
{
	const struct form_question *q = f->q;
	switch (f->kind) {
	case FINDINGS_UNANIMITY:
	case FINDINGS_MAJORITY:
	case FINDINGS_NONE: {
		/* Out of context, the base names its question: "that answered question 2.4". */
		struct narrate_base b = r->base;
		b.n = f->n;
		char *post = g_strdup_printf("that answered question %s", q->number);
		if (f->n != r->tally->included) {
			b.pre = NULL;
			b.post = post;
			b.scope = NARRATE_ANSWERED;
			b.question = q->number;
		}
		char *p = predicate(r, f);
		char *s = narrate_count(&b, f->kind == FINDINGS_NONE ? 0 : f->k, p,
					NARRATE_CAPITAL | (f->n >= 10 ? NARRATE_PROPORTION : 0));
		g_free(p);
		g_free(post);
		return s;
	}
	case FINDINGS_SPLIT: {
		char *first = report_number(r, f->k), *second = report_number(r, f->second);
		char *a = report_quote(r, choice_label(r, q, f->choice));
		char *b = report_quote(r, choice_label(r, q, f->second_choice));
		/*
		 * TRANSLATORS: the second answer of a divided question, in
		 * "... answered “Yes” and %s": a number of Member States in words
		 * ("three"), then an answer in quotes ("three answered “No”").
		 */
		char *other = g_strdup_printf(P_("%s answered %s", "%s answered %s", f->second),
					      second, b);
		/*
		 * TRANSLATORS: a question's number ("2.4"), a number of Member States
		 * in words ("four"), an answer in quotes, then the second answer:
		 * "three answered “No”".
		 */
		char *s = g_strdup_printf(P_("Replies to question %s were divided: %s answered %s "
					     "and %s",
					     "Replies to question %s were divided: %s answered %s "
					     "and %s", f->k), q->number, first, a, other);
		g_free(first);
		g_free(second);
		g_free(other);
		g_free(a);
		g_free(b);
		return s;
	}
	case FINDINGS_CROSSTAB: {
		char *p = figure_p(f->p);
		char *s;
		if (f->by_question)
			/* TRANSLATORS: a question's number ("2.4"), then a p-value. */
			s = g_strdup_printf(_("Answers to question %s differed markedly by the "
					      "answer to another question (%s)"), q->number, p);
		else
			/*
			 * TRANSLATORS: a question's number ("2.4"), what the groups
			 * are ("region"), then a p-value ("p = 0.003").
			 */
			s = g_strdup_printf(_("Answers to question %s differed markedly by "
					      "%s (%s)"), q->number, f->by, p);
		g_free(p);
		return s;
	}
	default:
		return g_strdup("");
	}
}

static void summary_heading(struct report *r)
{
	char *num = report_chapter_number(r, 1);
	doc_heading(r->doc, 1, num, _("Summary of main findings"));
	g_free(num);
}

void report_summary_write(struct report *r, char *replies)
{
	doc_insert_at(r->doc, r->summary_mark);
	summary_heading(r);
	int n = r->summary_first;
	GString *p = g_string_new(NULL);
	append_cited(p, replies, cited(r, ""));
	char *num = g_strdup_printf("%d", n++);
	doc_paragraph(r->doc, num, p->str);
	g_free(num);
	const void *last = &n;
	g_string_truncate(p, 0);
	for (guint pass = 0; pass < 2; pass++)
		for (guint i = 0; i < r->findings->len; i++) {
			const struct findings_finding *f = g_ptr_array_index(r->findings, i);
			if ((pass == 0) != (f->kind != FINDINGS_CROSSTAB))
				continue;
			if (group_of(f) != last && p->len) {
				num = g_strdup_printf("%d", n++);
				doc_paragraph(r->doc, num, p->str);
				g_free(num);
				g_string_truncate(p, 0);
			}
			last = group_of(f);
			char *key = f->kind == FINDINGS_CROSSTAB ? cross_key(form_question_key(f->q), f->by)
								 : g_strdup(form_question_key(f->q));
			char *sentence = finding_sentence(r, f);
			if (f->kind == FINDINGS_UNANIMITY || f->kind == FINDINGS_MAJORITY ||
			    f->kind == FINDINGS_NONE) {	/* drafted by narrate_count() */
				char *shown = g_strdup(report_drafted(r, sentence));
				g_free(sentence);
				sentence = shown;
			}
			append_cited(p, sentence, cited(r, key));
			g_free(key);
		}
	if (p->len) {
		num = g_strdup_printf("%d", n++);
		doc_paragraph(r->doc, num, p->str);
		g_free(num);
	}
	g_string_free(p, TRUE);
	/*
	 * Then the contents, as a UN document has them after its summary, and
	 * in a long report the list of its tables and figures.
	 */
	doc_contents(r->doc, _("Contents"), 2);
	if (r->tables + r->figures >= REPORT_LIST_OF_CAPTIONS)
		doc_list_of_captions(r->doc, _("Tables and figures"));
	doc_insert_at(r->doc, DOC_END);
}
