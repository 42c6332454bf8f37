/* report-crosstab.c - a crosstab in the report: table, chart, tests and a plain note */
#include <config.h>

#include <math.h>
#include <string.h>

#include "chart.h"
#include "disclose.h"
#include "doc.h"
#include "form.h"
#include "narrate.h"
#include "rdef.h"
#include "report-int.h"
#include "stats.h"
#include "tally.h"

struct xtab {
	const struct tally *t;
	const struct tally_question *tq;
	const char *by_label;	/* "region", or the by question's label */
	size_t rows, cols;
	bool *hidden;		/* suppressed cells */
	size_t n_hidden;
	bool testable;
};

static const struct tally_question *find_row(const struct tally *t, const char *row)
{
	for (guint i = 0; i < t->questions->len; i++) {
		const struct tally_question *tq = g_ptr_array_index(t->questions, i);
		if (strcmp(tq->q->name, row) == 0)
			return tq->cross ? tq : NULL;
	}
	return NULL;
}

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

static unsigned long cell(const struct xtab *x, size_t i, size_t j)
{
	return x->tq->cross->cells[i * x->cols + j];
}

static char *count_text(const struct report *r, const struct xtab *x, size_t i, size_t j)
{
	if (x->hidden[i * x->cols + j])
		return g_strdup_printf("< %d", r->def->small_cell);
	return g_strdup_printf("%lu", cell(x, i, j));
}

static void add_table(struct report *r, const struct xtab *x)
{
	size_t n = x->cols + 2;
	double *widths = g_new(double, n);
	widths[0] = x->cols >= 3 ? 0.28 : 0.4;
	for (size_t j = 1; j < n; j++)
		widths[j] = (1 - widths[0]) / (double)(n - 1);
	struct doc_table *t = doc_table_new(n, widths);
	g_free(widths);
	const char **cells = g_new0(const char *, n + 1);
	cells[0] = "Answer";
	for (size_t j = 0; j < x->cols; j++) {
		cells[j + 1] = col_label(x, j);
		doc_table_align(t, j + 1, DOC_RIGHT);
	}
	cells[n - 1] = "Total";
	doc_table_align(t, n - 1, DOC_RIGHT);
	doc_table_header(t, cells);
	GPtrArray *owned = g_ptr_array_new_with_free_func(g_free);
	unsigned long *col_total = g_new0(unsigned long, x->cols + 1);
	unsigned long total = 0;
	for (size_t i = 0; i < x->rows; i++) {
		unsigned long row_total = 0;
		cells[0] = row_label(r, x, i);
		for (size_t j = 0; j < x->cols; j++) {
			char *c = count_text(r, x, i, j);
			g_ptr_array_add(owned, c);
			cells[j + 1] = c;
			row_total += cell(x, i, j);
			col_total[j] += cell(x, i, j);
		}
		char *rt = g_strdup_printf("%lu", row_total);
		g_ptr_array_add(owned, rt);
		cells[n - 1] = rt;
		total += row_total;
		doc_table_row(t, cells, false);
	}
	cells[0] = "Total";
	for (size_t j = 0; j < x->cols; j++) {
		char *c = g_strdup_printf("%lu", col_total[j]);
		g_ptr_array_add(owned, c);
		cells[j + 1] = c;
	}
	char *tt = g_strdup_printf("%lu", total);
	g_ptr_array_add(owned, tt);
	cells[n - 1] = tt;
	doc_table_row(t, cells, true);
	doc_table(r->doc, t);
	g_free(col_total);
	g_free(cells);
	g_ptr_array_free(owned, TRUE);
}

/* The number of columns of the crosstab with at least one answer. */
static size_t used_columns(const struct xtab *x)
{
	size_t used = 0;
	for (size_t j = 0; j < x->cols; j++)
		for (size_t i = 0; i < x->rows; i++)
			if (cell(x, i, j)) {
				used++;
				break;
			}
	return used;
}

static void add_chart(struct report *r, const struct xtab *x, const char *title)
{
	/* A select_multiple's answers overlap, so they cannot stack up to 100%. */
	bool overlap = x->tq->q->kind == FORM_SELECT_MULTIPLE;
	struct chart *c = chart_new(overlap ? CHART_GROUPED : CHART_STACKED);
	chart_set_title(c, title);
	char *base = g_strdup_printf("n = %lu %s", x->tq->cross->n, report_noun(r, x->tq->cross->n));
	chart_set_base(c, base);
	g_free(base);
	for (size_t i = 0; i < x->rows; i++)
		chart_add_category(c, row_label(r, x, i));
	for (size_t j = 0; j < x->cols; j++) {
		double col_total = 0;
		for (size_t i = 0; i < x->rows; i++)
			col_total += (double)cell(x, i, j);
		if (col_total == 0)
			continue;	/* an empty group is in the table; the chart shows answers */
		size_t s = chart_add_series(c, col_label(x, j), col_total);
		for (size_t i = 0; i < x->rows; i++)
			chart_set_value(c, s, i, (double)cell(x, i, j));
	}
	report_add_chart(r, c);
}

static char *p_text(double p)
{
	if (p < 0.001)
		return g_strdup("p < 0.001");
	return g_strdup_printf("p = %.3f", p);
}

/* The tests, and what they mean in plain words. */
static void add_tests(struct report *r, const struct xtab *x, const char *row_name)
{
	double *counts = g_new(double, x->rows * x->cols + 1);
	for (size_t i = 0; i < x->rows * x->cols; i++)
		counts[i] = (double)x->tq->cross->cells[i];
	struct stats_crosstab s;
	stats_crosstab(counts, x->rows, x->cols, &s);
	g_free(counts);
	char *number = report_next_number(r);
	GString *text = g_string_new(NULL);
	if (!s.defined) {
		g_string_append(text, "No statistical test is possible for this table: all the "
				"answers fall in a single row or a single column.");
		doc_paragraph(r->doc, number, text->str);
		g_string_free(text, TRUE);
		g_free(number);
		return;
	}
	char *fp = p_text(s.fisher.p), *cp = p_text(s.pearson_p);
	g_string_printf(text, "Fisher's exact test gives %s (two-sided%s).", fp,
			s.fisher.method == STATS_FISHER_MONTE_CARLO
				? ", estimated by simulation because the table is too large to "
				  "enumerate"
				: ", computed exactly");
	char *lt5 = s.cells_expected_lt5 == s.cells
			    ? g_strdup("all")
			    : g_strdup_printf("%zu", s.cells_expected_lt5);
	if (s.unreliable)
		g_string_append_printf(text, " Pearson's chi-square is %.2f on %.0f degree%s of "
				       "freedom (%s), but it is not relied on here: %s of the %zu "
				       "expected counts are below 5, and with so few replies only the "
				       "exact test gives a trustworthy p-value.", s.pearson_chisq, s.df,
				       s.df == 1 ? "" : "s", cp, lt5, s.cells);
	else
		g_string_append_printf(text, " Pearson's chi-square is %.2f on %.0f degree%s of "
				       "freedom (%s).", s.pearson_chisq, s.df, s.df == 1 ? "" : "s",
				       cp);
	if (isfinite(s.phi))
		g_string_append_printf(text, " The phi coefficient is %.2f.", s.phi);
	else
		g_string_append_printf(text, " Cramér's V is %.2f.", s.cramers_v);
	/* The plain words stay on the page of the figures they explain. */
	doc_group_begin(r->doc);
	doc_paragraph(r->doc, number, text->str);
	if (s.fisher.p >= 0.05)
		g_string_printf(text, "In plain words: a difference between the groups at least as "
				"large as this one would often arise by chance alone (%s), so the "
				"replies give no evidence that the answers to %s depend on %s.  With "
				"%.0f replies, only a very strong association could be detected.", fp,
				row_name, x->by_label, s.n);
	else
		g_string_printf(text, "In plain words: a difference between the groups this large "
				"would rarely arise by chance alone (%s), so the replies suggest that "
				"the answers to %s differ by %s.  With %.0f replies, one State more or "
				"less can change this conclusion.", fp, row_name, x->by_label, s.n);
	doc_note(r->doc, text->str);
	doc_group_end(r->doc);
	g_string_free(text, TRUE);
	g_free(fp);
	g_free(cp);
	g_free(lt5);
	g_free(number);
}

/* Whether suppression hid every count that is not zero. */
static bool all_nonzero_hidden(const struct xtab *x)
{
	for (size_t i = 0; i < x->rows * x->cols; i++)
		if (x->tq->cross->cells[i] && !x->hidden[i])
			return false;
	return true;
}

/*
 * Suppresses the small cells of X and those the printed totals would give
 * away; a table that cannot be protected has every cell hidden.  Returns
 * the number of hidden cells.
 */
static size_t suppress(struct xtab *x, unsigned long threshold)
{
	size_t n = x->rows * x->cols;
	unsigned long *row_totals = g_new0(unsigned long, x->rows + 1);
	unsigned long *col_totals = g_new0(unsigned long, x->cols + 1);
	for (size_t i = 0; i < x->rows; i++)
		for (size_t j = 0; j < x->cols; j++) {
			row_totals[i] += cell(x, i, j);
			col_totals[j] += cell(x, i, j);
		}
	/* The table prints each total as the sum of its cells. */
	struct disclose_table table = {
		.rows = x->rows, .cols = x->cols, .cells = x->tq->cross->cells,
		.row_totals = row_totals, .col_totals = col_totals,
		.row_kind = DISCLOSE_SUM, .col_kind = DISCLOSE_SUM,
	};
	enum disclose_mark *marks = g_new(enum disclose_mark, n + 1);
	disclose_suppress(&table, threshold, marks);
	size_t hidden = 0;
	for (size_t k = 0; k < n; k++) {
		x->hidden[k] = marks[k] != DISCLOSE_SHOWN;
		hidden += x->hidden[k];
	}
	g_free(marks);
	g_free(row_totals);
	g_free(col_totals);
	return hidden;
}

/* How the text names the column variable: "region", "the answer to question 5.6". */
static char *by_label(const struct tally *t)
{
	if (t->by_question)
		return g_strdup_printf("the answer to question %s", t->by_question->number
								       ? t->by_question->number
								       : t->by_question->name);
	return g_strdup(t->opt.by);
}

void report_crosstab(struct report *r, const char *row, const char *by, const char *title,
		     const char *note)
{
	const struct tally *t = report_by_tally(r, by);
	const struct tally_question *tq = t ? find_row(t, row) : NULL;
	if (!tq)
		return;
	char *by_name = by_label(t);
	struct xtab x = { t, tq, by_name, tq->cross->n_rows, tq->cross->n_cols, NULL, 0,
			  tq->q->kind == FORM_SELECT_ONE &&
				  !(t->by_question && t->by_question->kind == FORM_SELECT_MULTIPLE) };
	x.hidden = g_new0(bool, x.rows * x.cols + 1);
	if (t->by_column >= 0)
		x.n_hidden = suppress(&x, (unsigned long)r->def->small_cell);
	const char *label = form_label(r->form, tq->q, r->lang);
	char *heading = title ? g_strdup(title) : g_strdup_printf("%s by %s", label, x.by_label);
	doc_heading(r->doc, 2, NULL, heading);
	char *number = report_next_number(r);
	char *quoted = narrate_quote(label);
	GString *intro = g_string_new(NULL);
	g_string_printf(intro, "The answers to question %s, %s, break down by %s as follows.",
			tq->q->number ? tq->q->number : tq->q->name, quoted, x.by_label);
	bool all_hidden = x.n_hidden && all_nonzero_hidden(&x);
	if (all_hidden)
		g_string_printf(intro, "The answers to question %s, %s, are not broken down by %s "
				"here: with so few replies in each group, every count would be below "
				"%d or would reveal one that is, and could single out a State's answer.",
				tq->q->number ? tq->q->number : tq->q->name, quoted, x.by_label,
				r->def->small_cell);
	else if (x.n_hidden)
		g_string_append_printf(intro, " Counts below %d are hidden to protect the anonymity "
				       "of the replies, with a second count wherever a total would "
				       "reveal the first; for the same reason no chart is given.",
				       r->def->small_cell);
	if (!x.testable)
		g_string_append(intro, " Several answers were allowed, so a State may count in more "
				"than one row and no test of independence applies.");
	doc_group_begin(r->doc);
	doc_paragraph(r->doc, number, intro->str);
	if (!all_hidden)
		add_table(r, &x);
	if (note)
		doc_note(r->doc, note);
	doc_group_end(r->doc);
	/* A single group compares nothing: its answers are charted with the question. */
	if (!x.n_hidden && used_columns(&x) >= 2)
		add_chart(r, &x, heading);
	if (x.testable)
		add_tests(r, &x, quoted);
	g_string_free(intro, TRUE);
	g_free(quoted);
	g_free(number);
	g_free(heading);
	g_free(x.hidden);
	g_free(by_name);
}
