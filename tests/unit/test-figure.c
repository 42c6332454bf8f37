/* test-figure.c - unit tests for numbers as people read them */
#include <config.h>
#include "figure.h"

#include <math.h>
#include <glib.h>

#include "tap.h"

static void is(char *got, const char *want, int line)
{
	tap_check_str(got, want, __FILE__, line, want);
	g_free(got);
}

#define IS(got, want) is((got), (want), __LINE__)

/* The report's percentages: whole below 100, tenths from 100, half up, never a false 0 or 100. */
static void test_percent(void)
{
	IS(figure_percent(7, 9), "78%");
	IS(figure_percent(9, 47), "19%");
	IS(figure_percent(11, 47), "23%");
	IS(figure_percent(1, 8), "13%");	/* 12.5, half up: text, charts and report agree */
	IS(figure_percent(7, 40), "18%");	/* 17.5: 7/40 is below it in binary, not here */
	IS(figure_percent(1, 2), "50%");
	IS(figure_percent(1, 3), "33%");
	IS(figure_percent(2, 3), "67%");
	IS(figure_percent(0, 9), "0%");
	IS(figure_percent(9, 9), "100%");
	IS(figure_percent(1, 99), "1%");
	IS(figure_percent(98, 99), "99%");
	IS(figure_percent(0, 0), "\u2013");
	IS(figure_percent(10, 9), "\u2013");
	IS(figure_percent(191, 1000), "19.1%");
	IS(figure_percent(1, 200), "0.5%");
	IS(figure_percent(1, 400), "0.3%");	/* 0.25, half up */
	IS(figure_percent(1, 2000), "0.1%");
	IS(figure_percent(1, 3000), "<0.1%");
	IS(figure_percent(2999, 3000), ">99.9%");
	IS(figure_percent(1, 300), "0.3%");
	IS(figure_percent(100, 100), "100.0%");
	IS(figure_percent(0, 100), "0.0%");
	IS(figure_percent(3000000000ul, 4000000000ul), "75.0%");
}

/* Figures people gave: no exponents below 1e15, years as written, small decimals kept. */
static void test_number(void)
{
	IS(figure_number(0), "0");
	IS(figure_number(-0.0), "0");
	IS(figure_number(27), "27");
	IS(figure_number(8.4444444), "8.44");
	IS(figure_number(2.5), "2.5");
	IS(figure_number(2.125), "2.13");
	IS(figure_number(0.004), "0.004");
	IS(figure_number(-0.001), "\u22120.001");
	IS(figure_number(0.125), "0.125");
	IS(figure_number(0.0012345), "0.00123");
	IS(figure_number(0.5), "0.5");
	IS(figure_number(2019), "2019");
	IS(figure_number(2014.142857), "2014.14");
	IS(figure_number(12500), "12,500");
	IS(figure_number(1250000.75), "1,250,000.75");
	IS(figure_number(-3.25), "\u22123.25");
	IS(figure_number(-12500), "\u221212,500");
	IS(figure_number(2e15), "2e+15");
	IS(figure_number(-1e308), "\u22121e+308");
	IS(figure_number(NAN), "\u2013");
	IS(figure_number(INFINITY), "\u2013");
	IS(figure_number(-INFINITY), "\u2013");
}

static void test_plain(void)
{
	IS(figure_plain(2014), "2014");
	IS(figure_plain(0.0012), "0.0012");
	IS(figure_plain(2.8284271247461903), "2.82842712474619");
	IS(figure_plain(999999999999999), "999999999999999");
	IS(figure_plain(1.5e300), "1.5e+300");
	IS(figure_plain(-0.0), "0");
	IS(figure_plain(NAN), "\u2013");
	IS(figure_plain(INFINITY), "\u2013");
}

static void test_interval(void)
{
	IS(figure_interval(0.30064184258240201, 0.95441273919029945, 4), "[30%, 95%]");
	IS(figure_interval(0.181, 0.2024, 1000), "[18.1%, 20.2%]");
	IS(figure_interval(0, 1, 3), "[0%, 100%]");
	IS(figure_interval(NAN, NAN, 0), "\u2013");
}

static void test_p(void)
{
	IS(figure_p(0.453), "p = 0.453");
	IS(figure_p(1), "p = 1.000");
	IS(figure_p(0.0496), "p = 0.0496");	/* never rounded up across 0.05 */
	IS(figure_p(0.05), "p = 0.05");
	IS(figure_p(0.00123), "p = 0.00123");
	IS(figure_p(0.0001), "p = 0.0001");
	IS(figure_p(0.00009), "p < 0.0001");	/* never "p = 0.0000" */
	IS(figure_p(0), "p < 0.0001");
	IS(figure_p(NAN), "\u2013");
}

static void test_se(void)
{
	IS(figure_se(0.0016), "0.0016");
	IS(figure_se(0.00001), "below 0.0001");	/* never "0.0000" */
	IS(figure_se(0), "below 0.0001");
	IS(figure_se(NAN), "\u2013");
}

static void test_small_counts(void)
{
	IS(figure_small_counts(2), "of 1");
	IS(figure_small_counts(3), "from 1 to 2");
	IS(figure_small_counts(10), "from 1 to 9");
}

/* A number with its unit: a no-break space before a word, none before "%"; in a range, the unit once. */
static void test_units(void)
{
	IS(figure_quantity(107.5, "days"), "107.5\xc2\xa0" "days");
	IS(figure_quantity(45, "%"), "45%");
	IS(figure_quantity(12500, NULL), "12,500");
	IS(figure_quantity(3, ""), "3");
	IS(figure_range(60, 180, "days"), "60 to 180\xc2\xa0" "days");
	IS(figure_range(40, 70, "%"), "40% to 70%");
	IS(figure_range(2009, 2018, NULL), "2009 to 2018");
}

int main(void)
{
	test_small_counts();
	test_units();
	test_se();
	test_percent();
	test_number();
	test_plain();
	test_interval();
	test_p();
	return tap_done();
}
