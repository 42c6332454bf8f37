/* figure.c - numbers as people read them: percentages, figures, p-values */
#include <config.h>
#include "figure.h"

#include <math.h>
#include <string.h>
#include <stdbool.h>
#include <glib.h>

#include "i18n.h"

#define EN_DASH "\u2013"
#define MINUS "\u2212"

/*
 * K / N scaled by SCALE (100 for whole percent, 1000 for tenths), rounded
 * half up in integers.
 */
static unsigned long long scaled_share(unsigned long k, unsigned long n, unsigned scale)
{
	unsigned long long num = 2ULL * scale * k + n;
	return num / (2ULL * n);
}

char *figure_percent(unsigned long k, unsigned long n)
{
	if (n == 0 || k > n)
		return g_strdup(EN_DASH);
	if (n < 100)
		return g_strdup_printf("%llu%%", scaled_share(k, n, 100));
	unsigned long long tenths = scaled_share(k, n, 1000);
	if (tenths == 0 && k > 0)
		return g_strdup("<0.1%");
	if (tenths == 1000 && k < n)
		return g_strdup(">99.9%");
	return g_strdup_printf("%llu.%llu%%", tenths / 10, tenths % 10);
}

/* The LEN digits at DIGITS with a comma before every group of three. */
static void put_grouped(GString *s, const char *digits, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			g_string_append_c(s, ',');
		g_string_append_c(s, digits[i]);
	}
}

/*
 * How many decimals V needs: two from 1 on; below 1, enough for three
 * significant digits ("0.125", "0.0012"), at most 12.
 */
static int decimals_for(double v)
{
	double a = fabs(v);
	if (a >= 1 || a == 0)
		return 2;
	int d = 2 - (int)floor(log10(a));
	return d > 12 ? 12 : d;
}

char *figure_number(double v)
{
	if (!isfinite(v))
		return g_strdup(EN_DASH);
	int decimals = decimals_for(v);
	double scale = pow(10, decimals);
	double r = round(v * scale) / scale;
	if (!isfinite(r))
		r = v;	/* beyond 1e306, hundredths do not matter */
	if (fabs(r) >= 1e15)
		return g_strdup_printf("%s%.6g", r < 0 ? MINUS : "", fabs(r));
	char *text = g_strdup_printf("%.*f", decimals, fabs(r));
	char *point = strchr(text, '.');
	char *end = text + strlen(text);
	while (end > point + 1 && end[-1] == '0')
		end--;
	if (end == point + 1)
		end = point;
	GString *s = g_string_new(r < 0 ? MINUS : NULL);
	size_t int_len = (size_t)(point - text);
	if (int_len > 4)
		put_grouped(s, text, int_len);
	else
		g_string_append_len(s, text, (gssize)int_len);
	g_string_append_len(s, point, end - point);
	g_free(text);
	return g_string_free(s, FALSE);
}

char *figure_plain(double v)
{
	if (!isfinite(v))
		return g_strdup(EN_DASH);
	return g_strdup_printf("%.15g", v == 0 ? 0 : v);
}

/* SHARE (0 to 1) in percent, whole or to a tenth, rounded half up. */
static char *share_text(double share, bool tenths)
{
	double scale = tenths ? 1000 : 100;
	double r = floor(share * scale + 0.5);
	return tenths ? g_strdup_printf("%.1f%%", r / 10) : g_strdup_printf("%.0f%%", r);
}

char *figure_interval(double lower, double upper, unsigned long n)
{
	if (!isfinite(lower) || !isfinite(upper))
		return g_strdup(EN_DASH);
	char *a = share_text(lower, n >= 100), *b = share_text(upper, n >= 100);
	char *s = g_strdup_printf("[%s, %s]", a, b);
	g_free(a);
	g_free(b);
	return s;
}

char *figure_p(double p)
{
	if (isnan(p))
		return g_strdup(EN_DASH);
	if (p < 0.0001)
		return g_strdup("p < 0.0001");
	if (p < 0.1)
		return g_strdup_printf("p = %.3g", p);
	return g_strdup_printf("p = %.3f", p);
}

char *figure_se(double se)
{
	if (isnan(se))
		return g_strdup(EN_DASH);
	if (se < 0.00005)
		return g_strdup("below 0.0001");
	return g_strdup_printf("%.4f", se);
}

char *figure_small_counts(unsigned long threshold)
{
	if (threshold <= 2)
		return g_strdup("of 1");
	return g_strdup_printf("from 1 to %lu", threshold - 1);
}

char *figure_quantity(double v, const char *unit)
{
	char *figure = figure_number(v);
	if (!unit || !*unit)
		return figure;
	char *out = g_strconcat(figure, strcmp(unit, "%") == 0 ? "" : "\u00a0", unit, NULL);
	g_free(figure);
	return out;
}

char *figure_range(double lo, double hi, const char *unit)
{
	bool percent = unit && strcmp(unit, "%") == 0;
	char *low = percent ? figure_quantity(lo, unit) : figure_number(lo);
	char *high = figure_quantity(hi, unit);
	/* TRANSLATORS: a range of figures: "3 to 12 days", as in "the figures range from %s". */
	char *out = g_strdup_printf(_("%s to %s"), low, high);
	g_free(low);
	g_free(high);
	return out;
}
