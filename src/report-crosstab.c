/* report-crosstab.c - a crosstab in the report: table, chart, tests and a plain note */
#include <config.h>

#include <math.h>
#include <string.h>

#include "chart.h"
#include "doc.h"
#include "figure.h"
#include "form.h"
#include "i18n.h"
#include "narrate.h"
#include "qchart.h"
#include "rdef.h"
#include "report-int.h"
#include "stats.h"
#include "tally.h"

/*
 * Every figure here is the tally's: its cells, its bases (States, never
 * ticks), its tests, and which cells disclosure control hides
 * (tally_disclose()).  This file only lays them out and words them.
 */

struct xtab {
	const struct tally *t;
	const struct tally_question *tq;
	const struct tally_cross *x;
	const char *by_label;	/* "region", or "the answer to question 2.1" */
};

static const char *row_label(const struct report *r, const struct xtab *x, size_t i)
{
	const struct form_choice *c = g_ptr_array_index(x->tq->q->list->choices, i);
	return form_choice_label(r->form, c, r->lang);
}

static const char *col_label(const struct xtab *x, size_t j)
{
	const struct tally_by_value *v = g_ptr_array_index(x->t->by_values, j);
	return v->label ? v->label : v->value;
}

/* A cell as printed: its count, or the symbol of its suppression. */
static char *count_text(const struct xtab *x, size_t i, size_t j)
{
	const struct tally_cross *c = x->x;
	size_t k = i * c->n_cols + j;
	if (c->marks && c->marks[k] == DISCLOSE_PRIMARY)
		return g_strdup_printf("< %lu", x->t->small_cell);
	if (c->marks && c->marks[k] == DISCLOSE_SECONDARY)
		return g_strdup("x");
	return g_strdup_printf("%lu", c->cells[k]);
}

static void add_table(struct report *r, const struct xtab *x)
{
	const struct tally_cross *c = x->x;
	size_t n = c->n_cols + 2;
	double *widths = g_new(double, n);
	widths[0] = c->n_cols >= 3 ? 0.28 : 0.4;
	for (size_t j = 1; j < n; j++)
		widths[j] = (1 - widths[0]) / (double)(n - 1);
	struct doc_table *t = doc_table_new(n, widths);
	g_free(widths);
	const char **cells = g_new0(const char *, n + 1);
	/* TRANSLATORS: the header of a crosstab's first column, the answers to its question. */
	cells[0] = _("Answer");
	for (size_t j = 0; j < c->n_cols; j++) {
		cells[j + 1] = col_label(x, j);
		doc_table_align(t, j + 1, DOC_RIGHT);
	}
	/* A margin that is not the sum of its cells counts States, and says so. */
	/* TRANSLATORS: the header of a crosstab's last column, a total or a number of States. */
	cells[n - 1] = c->rows_add_up ? _("Total") : _("Member States");
	doc_table_align(t, n - 1, DOC_RIGHT);
	doc_table_header(t, cells);
	GPtrArray *owned = g_ptr_array_new_with_free_func(g_free);
	for (size_t i = 0; i < c->n_rows; i++) {
		cells[0] = row_label(r, x, i);
		for (size_t j = 0; j < c->n_cols; j++) {
			char *text = count_text(x, i, j);
			g_ptr_array_add(owned, text);
			cells[j + 1] = text;
		}
		char *rt = g_strdup_printf("%lu", c->row_bases[i]);
		g_ptr_array_add(owned, rt);
		cells[n - 1] = rt;
		doc_table_row(t, cells, false);
	}
	/*
	 * TRANSLATORS: the header of a crosstab's last row: the total of each
	 * column, or the number of Member States in each group that answered.
	 */
	cells[0] = c->cols_add_up ? _("Total") : _("Member States answering");
	for (size_t j = 0; j < c->n_cols; j++) {
		char *text = g_strdup_printf("%lu", c->col_bases[j]);
		g_ptr_array_add(owned, text);
		cells[j + 1] = text;
	}
	char *tt = g_strdup_printf("%lu", c->n);
	g_ptr_array_add(owned, tt);
	cells[n - 1] = tt;
	doc_table_row(t, cells, true);
	doc_table(r->doc, t);
	g_free(cells);
	g_ptr_array_free(owned, TRUE);
}

/* The note under the table: what its symbols and margins mean. */
static char *table_note(const struct xtab *x)
{
	const struct tally_cross *c = x->x;
	GString *s = g_string_new(NULL);
	bool primary = false, secondary = false;
	for (size_t i = 0; c->marks && i < c->n_rows * c->n_cols; i++) {
		primary |= c->marks[i] == DISCLOSE_PRIMARY;
		secondary |= c->marks[i] == DISCLOSE_SECONDARY;
	}
	unsigned long small = x->t->small_cell;
	/* The symbols of hidden counts: "< 3" and "x". */
	if (primary && small <= 2)
		/* TRANSLATORS: a note under a crosstab on its cells "< %lu" (%lu is 2 or 1). */
		g_string_append_printf(s, _("< %lu: a count of 1, not shown to protect the "
					    "anonymity of the replies."), small);
	else if (primary)
		/*
		 * TRANSLATORS: a note under a crosstab on its cells "< %lu": the
		 * first %lu is the smallest count shown, the second one less.
		 */
		g_string_append_printf(s, _("< %lu: a count from 1 to %lu, not shown to protect "
					    "the anonymity of the replies."), small, small - 1);
	if (secondary) {
		if (s->len)
			g_string_append_c(s, ' ');
		/* TRANSLATORS: a note under a crosstab on its cells "x", hidden counts. */
		g_string_append(s, _("x: a count not shown so that no hidden count can be worked "
				     "out from the totals."));
	}
	if (!c->rows_add_up || !c->cols_add_up) {
		if (s->len)
			g_string_append_c(s, ' ');
		g_string_append(s, c->cols_add_up
					   ? _("Several answers were allowed: a Member State "
					       "counts in every column it chose, and once in each "
					       "total of Member States.")
					   : _("Several answers were allowed: a Member State "
					       "counts in every row it chose, and once in each "
					       "total of Member States."));
	}
	return g_string_free(s, s->len == 0);
}

/* The number of columns of the crosstab with at least one State. */
static size_t used_columns(const struct tally_cross *c)
{
	size_t used = 0;
	for (size_t j = 0; j < c->n_cols; j++)
		used += c->col_bases[j] > 0;
	return used;
}

/*
 * The chart of the crosstab, under the crosstab's heading: grouped bars,
 * a row of bars for each answer with a bar for each group, so that the
 * chart reads the way its table does (answers down, groups across), not
 * one stacked bar per group.
 */
static void add_chart(struct report *r, const struct xtab *x, const char *heading)
{
	struct qchart_options o = report_chart_options(r);
	enum chart_type type = CHART_GROUPED;
	struct chart *c = qchart_crosstab(x->t, x->tq, type, x->by_label, &o);
	/*
	 * TRANSLATORS: a note under a crosstab's chart: a question's number
	 * ("2.6"), then what the groups are ("region", "the answer to question 2.1").
	 */
	char *source = g_strdup_printf(_("Source: replies to question %s, by %s."),
				       x->tq->q->number, x->by_label);
	report_add_chart(r, c, heading, source, false);	/* its base line names the groups' */
	g_free(source);
}

/*
 * What the test says in plain words, after "In plain words: " when LEAD
 * (a note under the test's paragraph), else alone.  The words follow the
 * data: the test used (exact or simulated), how many replies there were
 * (with few, only a strong association shows and one State can tip the
 * result; with many, even a slight one is significant, and V says how
 * slight).
 */
static void put_plain_words(GString *text, const struct stats_crosstab *s, const char *fp,
			    const char *row_name, const char *by_label, bool lead)
{
	enum { FEW = REPORT_TEST_FEW, MANY = 1000 };	/* replies: a test sees little, or almost anything */
	unsigned long n = (unsigned long)s->n;
	if (s->fisher.p >= 0.05 && lead)
		/*
		 * TRANSLATORS: what a test of a crosstab means, a note under it.  The
		 * first %s is its p-value ("p = 0.140"), the second a question's label
		 * in quotes, the third what the groups are ("region", "the answer to
		 * question 2.1").
		 */
		g_string_printf(text, _("In plain words: a difference between the groups at least "
					"as large as this one would often arise by chance alone "
					"(%s), so the replies give no evidence that the answers to "
					"%s depend on %s."), fp, row_name, by_label);
	else if (s->fisher.p >= 0.05)
		/* TRANSLATORS: as "In plain words: a difference ...", a paragraph of its own. */
		g_string_printf(text, _("A difference between the groups at least as large as this "
					"one would often arise by chance alone (%s), so the "
					"replies give no evidence that the answers to %s depend on "
					"%s."), fp, row_name, by_label);
	else if (lead)
		/* TRANSLATORS: as "In plain words: a difference ... would often arise ...". */
		g_string_printf(text, _("In plain words: a difference between the groups this "
					"large would rarely arise by chance alone (%s), so the "
					"replies suggest that the answers to %s differ by %s."), fp,
				row_name, by_label);
	else
		/* TRANSLATORS: as "In plain words: a difference ...", a paragraph of its own. */
		g_string_printf(text, _("A difference between the groups this large would rarely "
					"arise by chance alone (%s), so the replies suggest that "
					"the answers to %s differ by %s."), fp, row_name, by_label);
	/* What the number of replies means, a sentence set apart by two spaces. */
	bool likely = s->fisher.p >= 0.05;	/* the difference could well be chance */
	if (!likely || s->n < FEW || s->n >= MANY)
		g_string_append(text, "  ");
	if (likely && s->n < FEW)
		/* TRANSLATORS: %.0f is the number of replies the crosstab counts. */
		g_string_append_printf(text, P_("With %.0f replies, only a very strong association "
						"could be detected.",
						"With %.0f replies, only a very strong association "
						"could be detected.", n), s->n);
	else if (likely && s->n >= MANY)
		/* TRANSLATORS: %.0f is the number of replies the crosstab counts. */
		g_string_append_printf(text, P_("With %.0f replies, even a slight association "
						"would have been detected.",
						"With %.0f replies, even a slight association "
						"would have been detected.", n), s->n);
	else if (s->n < FEW)
		/*
		 * TRANSLATORS: %.0f is the number of replies the crosstab counts;
		 * "one State" is one Member State.
		 */
		g_string_append_printf(text, P_("With %.0f replies, one State more or less can "
						"change this conclusion.",
						"With %.0f replies, one State more or less can "
						"change this conclusion.", n), s->n);
	else if (s->n >= MANY)
		/*
		 * TRANSLATORS: %.0f is the number of replies the crosstab counts,
		 * %.2f is Cramer's V, a number from 0 to 1 ("0.18").
		 */
		g_string_append_printf(text, P_("With %.0f replies even a slight difference is "
						"detected; Cram\u00e9r's V of %.2f measures how "
						"large it is (0 for none, 1 for complete "
						"dependence).",
						"With %.0f replies even a slight difference is "
						"detected; Cram\u00e9r's V of %.2f measures how "
						"large it is (0 for none, 1 for complete "
						"dependence).", n), s->n, s->cramers_v);
	else if (!likely)
		/* TRANSLATORS: %.2f is Cramer's V, a number from 0 to 1 ("0.18"). */
		g_string_append_printf(text, _("Cram\u00e9r's V of %.2f measures how strong the "
					       "difference is (0 for none, 1 for complete "
					       "dependence)."), s->cramers_v);
	if (s->fisher.method == STATS_FISHER_MONTE_CARLO) {
		g_string_append(text, "  ");
		g_string_append(text, _("The p-value of the exact test was estimated by "
					"simulation, so it may differ slightly from the exact "
					"value."));
	}
}

/* The tests, and what they mean in plain words. */
static void add_tests(struct report *r, const struct xtab *x, const char *row_name)
{
	const struct stats_crosstab *s = &x->x->tests;
	char *number = report_next_number(r);
	GString *text = g_string_new(NULL);
	if (!s->defined) {
		g_string_append(text, _("No statistical test is possible for this table: all the "
					"answers fall in a single row or a single column."));
		doc_paragraph(r->doc, number, text->str);
		g_string_free(text, TRUE);
		g_free(number);
		return;
	}
	r->facts.tests++;
	bool simulated = s->fisher.method == STATS_FISHER_MONTE_CARLO;
	if (simulated)
		r->facts.fisher_simulated++;
	else
		r->facts.fisher_exact++;
	char *fp = figure_p(s->fisher.p), *cp = figure_p(s->pearson_p);
	unsigned long b = s->fisher.replicates;
	if (simulated) {
		char *se = figure_se(s->fisher.se);
		if (r->def->fisher_exact_limit)
			/*
			 * TRANSLATORS: the first %s is a p-value ("p = 0.140"), %lu the
			 * number of tables drawn, the second %s a standard error
			 * ("0.0012"); fisher_exact_limit is a setting's name, as is.
			 */
			g_string_printf(text, P_("Fisher's exact test gives %s (two-sided), "
						 "estimated by simulation from %lu random table "
						 "with the same totals (standard error %s), "
						 "because computing it exactly would pass the work "
						 "the definition allows (fisher_exact_limit).",
						 "Fisher's exact test gives %s (two-sided), "
						 "estimated by simulation from %lu random tables "
						 "with the same totals (standard error %s), "
						 "because computing it exactly would pass the work "
						 "the definition allows (fisher_exact_limit).", b),
					fp, b, se);
		else
			/*
			 * TRANSLATORS: the first %s is a p-value ("p = 0.140"), %lu the
			 * number of tables drawn, the second %s a standard error ("0.0012").
			 */
			g_string_printf(text, P_("Fisher's exact test gives %s (two-sided), "
						 "estimated by simulation from %lu random table "
						 "with the same totals (standard error %s), "
						 "because the table is too large to compute "
						 "exactly.",
						 "Fisher's exact test gives %s (two-sided), "
						 "estimated by simulation from %lu random tables "
						 "with the same totals (standard error %s), "
						 "because the table is too large to compute "
						 "exactly.", b), fp, b, se);
		g_free(se);
	}
	else
		/* TRANSLATORS: %s is a p-value ("p = 0.140", "p < 0.0001"). */
		g_string_printf(text, _("Fisher's exact test gives %s (two-sided, computed "
					"exactly)."), fp);
	g_string_append_c(text, ' ');
	unsigned long df = (unsigned long)s->df;
	if (s->unreliable) {
		size_t k = s->cells_expected_lt5;
		char *lt5;
		if (k == s->cells)
			/* TRANSLATORS: %zu is the number of cells of a crosstab. */
			lt5 = g_strdup_printf(P_("all of the %zu expected counts are below 5",
						 "all of the %zu expected counts are below 5",
						 s->cells), s->cells);
		else
			/* TRANSLATORS: %zu of the %zu cells of a crosstab. */
			lt5 = g_strdup_printf(P_("%zu of the %zu expected counts are below 5",
						 "%zu of the %zu expected counts are below 5", k),
					      k, s->cells);
		/*
		 * TRANSLATORS: %.2f is the chi-square statistic, %.0f its degrees of
		 * freedom, the first %s its p-value ("p = 0.140"), the second one of
		 * "all of the 6 expected counts are below 5", "3 of the 6 expected
		 * counts are below 5".
		 */
		g_string_append_printf(text, P_("Pearson's chi-square is %.2f on %.0f degree of "
						"freedom (%s), but it is not relied on here: %s, "
						"and only the exact test gives a trustworthy "
						"p-value.",
						"Pearson's chi-square is %.2f on %.0f degrees of "
						"freedom (%s), but it is not relied on here: %s, "
						"and only the exact test gives a trustworthy "
						"p-value.", df),
				       s->pearson_chisq, s->df, cp, lt5);
		g_free(lt5);
	} else {
		/*
		 * TRANSLATORS: %.2f is the chi-square statistic, %.0f its degrees of
		 * freedom, %s its p-value ("p = 0.140").
		 */
		g_string_append_printf(text, P_("Pearson's chi-square is %.2f on %.0f degree of "
						"freedom (%s).",
						"Pearson's chi-square is %.2f on %.0f degrees of "
						"freedom (%s).", df), s->pearson_chisq, s->df, cp);
	}
	g_string_append_c(text, ' ');
	if (isfinite(s->phi))
		/* TRANSLATORS: %.2f is the phi coefficient, a number from -1 to 1 ("0.42"). */
		g_string_append_printf(text, _("The phi coefficient is %.2f."), s->phi);
	else
		/* TRANSLATORS: %.2f is Cramer's V, a number from 0 to 1 ("0.18"). */
		g_string_append_printf(text, _("Cram\u00e9r's V is %.2f."), s->cramers_v);
	if (s->n < REPORT_TEST_FEW && r->methods_annex) {
		/*
		 * On few replies the body says what the test means; its
		 * statistics go to the methodology annex, for the reader who
		 * wants them.
		 */
		/*
		 * TRANSLATORS: a test's statistics in the methodology annex: the
		 * number of its table, a question's label in quotes, what the groups
		 * are ("region", "the answer to question 2.1"), then the sentences
		 * on the test ("Fisher's exact test gives ...").
		 */
		char *detail = g_strdup_printf(_("Table %d, %s by %s: %s"), r->tables, row_name,
					       x->by_label, text->str);
		g_ptr_array_add(r->test_details, detail);
		put_plain_words(text, s, fp, row_name, x->by_label, false);
		g_string_append(text, "  ");
		/* TRANSLATORS: %s names the methodology annex ("Annex II"). */
		g_string_append_printf(text, _("The statistics of the test are given in %s."),
				       r->methods_annex);
		doc_paragraph(r->doc, number, text->str);
	} else {
		/* The plain words stay on the page of the figures they explain. */
		doc_group_begin(r->doc);
		doc_paragraph(r->doc, number, text->str);
		put_plain_words(text, s, fp, row_name, x->by_label, true);
		doc_note(r->doc, text->str);
		doc_group_end(r->doc);
	}
	g_string_free(text, TRUE);
	g_free(fp);
	g_free(cp);
	g_free(number);
}

/* How the text names the column variable: "region", "the answer to question 5.6". */
static char *by_label(const struct tally *t)
{
	if (t->by_question)
		/*
		 * TRANSLATORS: what a crosstab's groups are, in "... by %s":
		 * %s is a question's number ("2.1").
		 */
		return g_strdup_printf(_("the answer to question %s"),
				       t->by_question->number ? t->by_question->number
							      : form_question_key(t->by_question));
	return g_strdup(t->opt.by);
}

/*
 * Whether the table would show no count at all: withheld, or every count
 * that is not zero hidden.  Such a table is described in words instead.
 */
static bool nothing_shown(const struct tally_cross *c)
{
	if (c->withheld)
		return true;
	for (size_t i = 0; i < c->n_rows * c->n_cols; i++)
		if (c->cells[i] && (!c->marks || c->marks[i] == DISCLOSE_SHOWN))
			return false;
	return c->n_suppressed > 0;
}

static char *intro_text(const struct xtab *x, const char *quoted)
{
	const struct tally_cross *c = x->x;
	const char *number = x->tq->q->number ? x->tq->q->number : form_question_key(x->tq->q);
	GString *intro = g_string_new(NULL);
	if (nothing_shown(c)) {
		/*
		 * TRANSLATORS: a question's number ("2.6"), its label in quotes,
		 * what the groups are ("region", "the answer to question 2.1"),
		 * then the smallest count a table shows.
		 */
		g_string_printf(intro, _("The answers to question %s, %s, are not broken down by "
					 "%s here: with so few replies in each group, every count "
					 "would be below %lu or would reveal one that is, and "
					 "could single out a Member State's answer."),
				number, quoted, x->by_label, x->t->small_cell);
		return g_string_free(intro, FALSE);
	}
	/*
	 * TRANSLATORS: a question's number ("2.6"), its label in quotes, then
	 * what the groups are ("region", "the answer to question 2.1").
	 */
	g_string_printf(intro, _("The answers to question %s, %s, break down by %s as follows."),
			number, quoted, x->by_label);
	if (c->n_suppressed) {
		g_string_append_c(intro, ' ');
		/* TRANSLATORS: %lu is the smallest count a table shows. */
		g_string_append_printf(intro, _("Counts below %lu are not shown, to protect the "
						"anonymity of the replies, nor is any count the "
						"totals would reveal; for the same reason no chart "
						"or test is given."), x->t->small_cell);
	} else if (!c->testable) {
		g_string_append_c(intro, ' ');
		g_string_append(intro, c->cols_add_up
					       ? _("Several answers were allowed, so a Member "
						   "State may count in more than one column and no "
						   "test of independence applies.")
					       : _("Several answers were allowed, so a Member "
						   "State may count in more than one row and no "
						   "test of independence applies."));
	}
	return g_string_free(intro, FALSE);
}

void report_crosstab(struct report *r, const char *row, const char *by, const char *title,
		     const char *note)
{
	const struct tally *t = report_by_tally(r, by);
	const struct tally_question *tq = t ? tally_find(t, row) : NULL;
	if (!tq || !tq->cross)
		return;
	char *by_name = by_label(t);
	struct xtab x = { t, tq, tq->cross, by_name };
	const char *label = form_label(r->form, tq->q, r->lang);
	/*
	 * TRANSLATORS: a crosstab's title: a question's label, then what the
	 * groups are ("region", "the answer to question 2.1").
	 */
	char *heading = title ? g_strdup(title) : g_strdup_printf(_("%s by %s"), label, x.by_label);
	doc_heading(r->doc, report_inner_level(r), NULL, heading);
	char *name = report_paragraph_cross_name(row, by);
	report_paragraph_before(r, name);
	char *number = report_next_number(r);
	report_cite_crosstab(r, row, by);
	char *quoted = report_quote(r, label);
	char *drafted = intro_text(&x, quoted);
	char *figures = report_paragraph_cross_figures(t, tq);
	char *intro = g_strdup(report_paragraph_text(r, name, drafted, figures));
	g_free(drafted);
	g_free(figures);
	bool in_words = nothing_shown(x.x);
	r->facts.suppressed += x.x->n_suppressed && !in_words;
	r->facts.withheld += in_words;
	r->facts.tests_withheld += x.x->testable && x.x->n_suppressed;
	doc_group_begin(r->doc);
	doc_paragraph(r->doc, number, intro);
	report_paragraph_footnote(r, name);
	if (!in_words) {
		report_table_caption(r, heading);
		add_table(r, &x);
		char *legend = table_note(&x);
		if (legend)
			doc_note(r->doc, legend);
		g_free(legend);
	}
	if (note)
		doc_note(r->doc, note);
	doc_group_end(r->doc);
	/* A single group compares nothing: its answers are charted with the question. */
	if (!x.x->n_suppressed && used_columns(x.x) >= 2)
		add_chart(r, &x, heading);
	if (tally_cross_tests_shown(x.x))
		add_tests(r, &x, quoted);
	report_paragraph_after(r, name);
	g_free(name);
	g_free(intro);
	g_free(quoted);
	g_free(number);
	g_free(heading);
	g_free(by_name);
}
