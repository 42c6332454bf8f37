/* chart.c - the chart model: labels, counts, runs and dates, without any drawing */
#include <config.h>
#include "chart.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "chart-int.h"
#include "chart-scale.h"
#include "figure.h"
#include "i18n.h"
#include "isodate.h"

static const char *const type_names[] = {
	[CHART_BAR] = "bar",
	[CHART_STACKED] = "stacked",
	[CHART_GROUPED] = "grouped",
	[CHART_PIE] = "pie",
	[CHART_DONUT] = "donut",
	[CHART_HISTOGRAM] = "histogram",
	[CHART_DOTPLOT] = "dotplot",
	[CHART_TIMELINE] = "timeline",
};

/* The words a chart writes itself unless told others; the counted ones are in default_text(). */
static const char *const default_texts[CHART_N_TEXTS] = {
	/* TRANSLATORS: a bar's label: {k} Member States of {n}; keep {k} and {n}. */
	[CHART_TEXT_K_OF_N] = N_("{k} of {n}"),
	/* TRANSLATORS: the base of a group's bars or of a pie; keep {n}. */
	[CHART_TEXT_N] = N_("n = {n}"),
	[CHART_TEXT_NO_DATA] = N_("No data to chart"),
	/* TRANSLATORS: in a chart's legend, after a group none of whose Member States replied. */
	[CHART_TEXT_NO_REPLIES] = N_("no replies"),
	/*
	 * TRANSLATORS: names the line of the cut-off on the chart of the replies received
	 * over time; keep {date}, a date such as "30 Jun 2019".
	 */
	[CHART_TEXT_CUTOFF] = N_("Cut-off {date}"),
	/*
	 * TRANSLATORS: the twelve months' names, abbreviated, for the axis of a chart;
	 * separate them by single spaces, and put no space inside a name.
	 */
	[CHART_TEXT_MONTHS] = N_("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"),
};

static void series_free(gpointer p)
{
	struct chart_series *s = p;
	g_free(s->label);
	g_array_free(s->values, TRUE);
	g_free(s);
}

struct chart *chart_new(enum chart_type type)
{
	struct chart *c = g_new0(struct chart, 1);
	c->type = type;
	c->label = CHART_LABEL_COUNT;
	c->categories = g_ptr_array_new_with_free_func(g_free);
	c->series = g_ptr_array_new_with_free_func(series_free);
	c->runs = g_array_new(FALSE, FALSE, sizeof(struct chart_run));
	c->dates = g_array_new(FALSE, FALSE, sizeof(struct chart_date));
	c->cutoff = INT_MAX;
	return c;
}

void chart_free(struct chart *c)
{
	if (!c)
		return;
	g_free(c->title);
	g_free(c->base);
	g_free(c->note);
	for (int i = 0; i < CHART_N_TEXTS; i++)
		g_free(c->texts[i]);
	g_ptr_array_free(c->categories, TRUE);
	g_ptr_array_free(c->series, TRUE);
	g_array_free(c->runs, TRUE);
	g_array_free(c->dates, TRUE);
	g_free(c);
}

enum chart_type chart_type(const struct chart *c)
{
	return c->type;
}

bool chart_type_from_name(const char *name, enum chart_type *type)
{
	for (size_t i = 0; i < G_N_ELEMENTS(type_names); i++) {
		if (strcmp(name, type_names[i]) == 0) {
			*type = (enum chart_type)i;
			return true;
		}
	}
	return false;
}

const char *chart_type_name(enum chart_type type)
{
	return type_names[type];
}

static void set_string(char **field, const char *value)
{
	g_free(*field);
	*field = value && *value ? g_strdup(value) : NULL;
}

void chart_set_title(struct chart *c, const char *title)
{
	set_string(&c->title, title);
}

void chart_set_base(struct chart *c, const char *base)
{
	set_string(&c->base, base);
}

void chart_set_note(struct chart *c, const char *note)
{
	set_string(&c->note, note);
}

const char *chart_note(const struct chart *c)
{
	return c->note;
}

size_t chart_rows(const struct chart *c)
{
	bool rows = c->type == CHART_BAR || c->type == CHART_GROUPED;
	return rows && chart_n_categories(c) > 0 ? chart_n_categories(c) : 1;
}

void chart_set_window(struct chart *c, size_t first, size_t last)
{
	c->window_first = first;
	c->window_last = last;
}

void chart_set_label(struct chart *c, enum chart_label label)
{
	c->label = label;
}

void chart_set_text(struct chart *c, enum chart_text which, const char *text)
{
	set_string(&c->texts[which], text);
}

size_t chart_add_category(struct chart *c, const char *label)
{
	g_ptr_array_add(c->categories, g_strdup(label ? label : ""));
	return c->categories->len - 1;
}

size_t chart_add_series(struct chart *c, const char *label, double base)
{
	struct chart_series *s = g_new0(struct chart_series, 1);
	s->label = g_strdup(label);
	s->base = base;
	s->values = g_array_new(FALSE, TRUE, sizeof(double));
	g_ptr_array_add(c->series, s);
	return c->series->len - 1;
}

void chart_set_value(struct chart *c, size_t series, size_t category, double count)
{
	g_return_if_fail(series < c->series->len && category < c->categories->len);
	struct chart_series *s = g_ptr_array_index(c->series, series);
	if (s->values->len <= category)
		g_array_set_size(s->values, (guint)category + 1);
	g_array_index(s->values, double, category) = count;
}

void chart_add_run(struct chart *c, double value, double count)
{
	struct chart_run r = { value, count };
	g_array_append_val(c->runs, r);
}

void chart_add_date(struct chart *c, int day, bool late)
{
	struct chart_date d = { day, late };
	g_array_append_val(c->dates, d);
}

void chart_set_cutoff(struct chart *c, int day)
{
	c->cutoff = day;
}

double chart_value(const struct chart *c, size_t series, size_t category)
{
	const struct chart_series *s = chart_series_at(c, series);
	return category < s->values->len ? g_array_index(s->values, double, category) : 0;
}

double chart_series_sum(const struct chart *c, size_t series)
{
	double sum = 0;
	for (size_t k = 0; k < chart_n_categories(c); k++)
		sum += chart_value(c, series, k);
	return sum;
}

double chart_series_total(const struct chart *c, size_t series)
{
	double base = chart_series_at(c, series)->base;
	return base > 0 ? base : chart_series_sum(c, series);
}

bool chart_is_empty(const struct chart *c)
{
	switch (c->type) {
	case CHART_HISTOGRAM:
	case CHART_DOTPLOT:
		for (guint i = 0; i < c->runs->len; i++)
			if (g_array_index(c->runs, struct chart_run, i).count > 0)
				return false;
		return true;
	case CHART_TIMELINE:
		return c->dates->len == 0;
	case CHART_BAR:
	case CHART_PIE:
	case CHART_DONUT:
		return !chart_n_categories(c) || !chart_n_series(c) ||
		       !(chart_series_sum(c, 0) > 0);
	case CHART_STACKED:
	case CHART_GROUPED:
		for (size_t s = 0; s < chart_n_series(c) && chart_n_categories(c); s++)
			if (chart_series_sum(c, s) > 0)
				return false;
		return true;
	}
	return true;
}

/* Words */

/* Replaces every KEY in S by VALUE (nothing when VALUE is NULL). */
static void replace(GString *s, const char *key, const char *value)
{
	if (!value)
		return;
	size_t klen = strlen(key), vlen = strlen(value);
	for (char *p = strstr(s->str, key); p; p = strstr(s->str + (p - s->str) + vlen, key)) {
		gssize at = p - s->str;
		g_string_erase(s, at, (gssize)klen);
		g_string_insert(s, at, value);
		p = s->str + at;
	}
}

/* The words of WHICH in the user's language; K is the count that {k} stands for. */
static const char *default_text(enum chart_text which, const char *k)
{
	unsigned long n = k ? strtoul(k, NULL, 10) : 0;
	switch (which) {
	case CHART_TEXT_ON_TIME:
		/*
		 * TRANSLATORS: on the chart of the replies received over time, beside the
		 * line: {k} replies received by the cut-off; keep {k}.
		 */
		return P_("{k} by the cut-off", "{k} by the cut-off", n);
	case CHART_TEXT_LATE:
		/*
		 * TRANSLATORS: on the chart of the replies received over time, beside the
		 * line: {k} replies received after the cut-off; keep {k}.
		 */
		return P_("{k} late", "{k} late", n);
	case CHART_TEXT_TOTAL:
		/*
		 * TRANSLATORS: on the chart of the replies received over time (without a
		 * cut-off), beside the line: {k} replies in all; keep {k}.
		 */
		return P_("{k} replies", "{k} replies", n);
	default:
		return _(default_texts[which]);
	}
}

char *chart_words(const struct chart *c, enum chart_text which, const char *k, const char *n,
		  const char *date)
{
	GString *s = g_string_new(c->texts[which] ? c->texts[which] : default_text(which, k));
	replace(s, "{k}", k);
	replace(s, "{n}", n);
	replace(s, "{date}", date);
	return g_string_free(s, FALSE);
}

/* A count of States held in a double, as the whole number it is. */
static unsigned long count_of(double v)
{
	return v > 0 ? (unsigned long)llround(v) : 0;
}

char *chart_value_label(const struct chart *c, double k, double n)
{
	char kb[32], nb[32];
	if (c->label == CHART_LABEL_PERCENT)
		return figure_percent(count_of(k), count_of(n));
	chart_scale_format_count(k, kb, sizeof kb);
	chart_scale_format_count(n, nb, sizeof nb);
	return chart_words(c, CHART_TEXT_K_OF_N, kb, nb, NULL);
}

char *chart_segment_label(const struct chart *c, double k, double n)
{
	char kb[32];
	if (c->label == CHART_LABEL_PERCENT)
		return figure_percent(count_of(k), count_of(n));
	chart_scale_format_count(k, kb, sizeof kb);
	return g_strdup(kb);
}

char *chart_month_name(const struct chart *c, int month)
{
	const char *months = c->texts[CHART_TEXT_MONTHS] ? c->texts[CHART_TEXT_MONTHS]
							  : i18n_gettext_list(default_texts[CHART_TEXT_MONTHS]);
	char **names = g_strsplit_set(months, " ", -1);
	char *name = NULL;
	int i = 0;
	for (char **p = names; *p && !name; p++)
		if (**p && ++i == month)
			name = g_strdup(*p);
	g_strfreev(names);
	return name ? name : g_strdup_printf("%02d", month);
}

char *chart_date_label(const struct chart *c, int day, bool with_year)
{
	int y, m, d;
	isodate_split(day, &y, &m, &d);
	char *month = chart_month_name(c, m);
	char *s;
	if (with_year)
		/*
		 * TRANSLATORS: a date on a chart: the day, the month's abbreviated name and the
		 * year, "30 Jun 2019".
		 */
		s = g_strdup_printf(_("%d %s %d"), d, month, y);
	else
		/*
		 * TRANSLATORS: a date on a chart's axis: the day and the month's abbreviated
		 * name, "30 Jun".
		 */
		s = g_strdup_printf(_("%d %s"), d, month);
	g_free(month);
	return s;
}

/* The text alternative */

static void describe_categories(const struct chart *c, GString *out)
{
	for (size_t s = 0; s < chart_n_series(c); s++) {
		const struct chart_series *se = chart_series_at(c, s);
		double total = chart_series_total(c, s);
		if (se->label)
			g_string_append_printf(out, "%s:\n", se->label);
		for (size_t k = 0; k < chart_n_categories(c); k++) {
			char *v = chart_value_label(c, chart_value(c, s, k), total);
			g_string_append_printf(out, "%s%s: %s\n", se->label ? "  " : "",
					       chart_category(c, k), v);
			g_free(v);
		}
	}
}

static void describe_runs(const struct chart *c, GString *out)
{
	for (guint i = 0; i < c->runs->len; i++) {
		const struct chart_run *r = &g_array_index(c->runs, struct chart_run, i);
		char v[32], n[32];
		chart_scale_format_count(r->value, v, sizeof v);
		chart_scale_format_count(r->count, n, sizeof n);
		g_string_append_printf(out, "%s: %s\n", v, n);
	}
}

static void describe_dates(const struct chart *c, GString *out)
{
	for (guint i = 0; i < c->dates->len; i++) {
		const struct chart_date *d = &g_array_index(c->dates, struct chart_date, i);
		char date[ISODATE_BUFSIZE];
		isodate_format(d->day, date);
		if (d->late)
			/*
			 * TRANSLATORS: in the text of the chart of the replies received over
			 * time: %s is the date of a reply received after the cut-off, "2019-07-02".
			 */
			g_string_append_printf(out, _("%s (late)"), date);
		else
			g_string_append(out, date);
		g_string_append_c(out, '\n');
	}
}

char *chart_describe(const struct chart *c)
{
	GString *out = g_string_new(NULL);
	if (c->title)
		g_string_append_printf(out, "%s\n", c->title);
	if (c->base)
		g_string_append_printf(out, "%s\n", c->base);
	if (chart_is_empty(c)) {
		char *none = chart_words(c, CHART_TEXT_NO_DATA, NULL, NULL, NULL);
		g_string_append_printf(out, "%s\n", none);
		g_free(none);
	} else if (c->type == CHART_HISTOGRAM || c->type == CHART_DOTPLOT) {
		describe_runs(c, out);
	} else if (c->type == CHART_TIMELINE) {
		describe_dates(c, out);
	} else {
		describe_categories(c, out);
	}
	if (c->note)
		g_string_append_printf(out, "%s\n", c->note);
	return g_string_free(out, FALSE);
}
