/* figure.h - numbers as people read them: percentages, figures, p-values */
#ifndef QUIRE_FIGURE_H
#define QUIRE_FIGURE_H

/*
 * One formatter per kind of number, shared by every output written for
 * people -- tab's text, the charts, the report -- so that a figure reads
 * the same wherever it is printed.  Machine outputs (JSON, CSV) carry the
 * unrounded numbers instead.  Pure functions; each returns a new UTF-8
 * string for the caller to g_free().
 */

/*
 * K of N as a percentage: whole percent when N < 100 ("78%"), one decimal
 * from 100 ("19.1%"), rounded half up in integer arithmetic, so that no
 * binary fraction decides a tie (1 of 8 is "13%").  A share that is
 * neither 0 nor N never shows as 0 or 100: "<0.1%", ">99.9%" (below 100
 * no whole percent can round that far).  N = 0, or K > N, gives "–" (an
 * en dash): there is no share to show.
 */
char *figure_percent(unsigned long k, unsigned long n);

/*
 * A figure someone gave, for tables and sentences: two decimals at most
 * from 1 on, three significant digits below 1 ("0.125", "0.0012"),
 * trailing zeros dropped ("8.44", "2.5", "27"), commas from five digits
 * on so that years stay as written ("2019", "12,500", "1,250,000.75"), a
 * minus sign (U+2212) for negatives, an en dash for NaN or infinity --
 * an undefined or overflowing figure is never shown as a number.
 */
char *figure_number(double v);

/*
 * V as figure_number() writes it, with UNIT after it and a no-break space
 * between, "180 days"; "45%" for the unit "%"; the figure alone when UNIT
 * is NULL.
 */
char *figure_quantity(double v, const char *unit);
/*
 * LO to HI with UNIT once, after HI: "60 to 180 days"; "40% to 70%" for the
 * unit "%", which sits on each figure.
 */
char *figure_range(double lo, double hi, const char *unit);

/*
 * A number as computed, for analysts' plain-text tables: up to fifteen
 * significant digits, so every integer answer shows whole ("0.0012",
 * "999999999999999", "1.5e+300"), an en dash for NaN or infinity, so that
 * an overflow never reads as a figure.
 */
char *figure_plain(double v);

/*
 * A confidence interval for a share of N States, in percent with the
 * precision figure_percent() uses for N: "[45%, 94%]", "[18.1%, 20.2%]";
 * an en dash for an undefined interval.
 */
char *figure_interval(double lower, double upper, unsigned long n);

/*
 * A p-value with its sign: "p = 0.453" (three decimals from 0.1, three
 * significant digits below, so "p = 0.0496" never rounds up across 0.05),
 * "p < 0.0001" below that, never "p = 0.0000"; an en dash for NaN.
 */
char *figure_p(double p);

/*
 * The standard error of a simulated p-value: four decimals ("0.0016"),
 * "below 0.0001" when it rounds to nothing, never "0.0000".
 */
char *figure_se(double se);

/*
 * The counts below THRESHOLD that disclosure control hides as "< N", as
 * they read after "a count": "of 1" (threshold 2), "from 1 to 2".
 */
char *figure_small_counts(unsigned long threshold);

#endif
