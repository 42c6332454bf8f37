/* test-isodate.c - unit tests for ISO dates */
#include <config.h>
#include "isodate.h"

#include <stdlib.h>
#include <glib.h>

#include "msg.h"
#include "tap.h"

static void check_date(const char *s, bool want_ok, int want_days)
{
	int days = -99999;
	bool got = isodate_parse(s, &days);
	ok(got == want_ok && (!got || days == want_days), "isodate_parse(\"%s\")", s);
}

static void check_datetime(const char *s, bool want_ok, double want_days)
{
	double days = -99999;
	bool got = isodate_parse_datetime(s, &days);
	ok(got == want_ok && (!got || days == want_days), "isodate_parse_datetime(\"%s\")", s);
}

/* Parses S as SOURCE_DATE_EPOCH: WANT_ERROR is the message expected, or NULL and WANT_SECONDS. */
static void check_epoch(const char *s, const char *want_error, long long want_seconds)
{
	GString *err = g_string_new(NULL);
	msg_capture(err);
	long long seconds = -1;
	int rc = isodate_parse_epoch(s, &seconds);
	msg_capture(NULL);
	if (want_error) {
		ok(rc == -1, "SOURCE_DATE_EPOCH '%s' is refused", s);
		char *line = g_strdup_printf("%s\n", want_error);
		check_str(err->str, line);
		g_free(line);
	} else {
		ok(rc == 0 && seconds == want_seconds && !err->len, "SOURCE_DATE_EPOCH '%s' is %lld",
		   s, want_seconds);
	}
	g_string_free(err, TRUE);
}

static void test_epoch(void)
{
	check_epoch("0", NULL, 0);
	check_epoch("1567382400", NULL, 1567382400);
	check_epoch("000001567382400", NULL, 1567382400);
	check_epoch("253402300799", NULL, ISODATE_MAX_SECONDS);
	check_epoch("abc", "quire: SOURCE_DATE_EPOCH: 'abc' is not a number of seconds since "
		    "1970-01-01", 0);
	check_epoch("1.5", "quire: SOURCE_DATE_EPOCH: '1.5' is not a number of seconds since "
		    "1970-01-01", 0);
	check_epoch("1e9", "quire: SOURCE_DATE_EPOCH: '1e9' is not a number of seconds since "
		    "1970-01-01", 0);
	check_epoch(" 1", "quire: SOURCE_DATE_EPOCH: ' 1' is not a number of seconds since "
		    "1970-01-01", 0);
	check_epoch("1 ", "quire: SOURCE_DATE_EPOCH: '1 ' is not a number of seconds since "
		    "1970-01-01", 0);
	check_epoch("+1", "quire: SOURCE_DATE_EPOCH: '+1' is not a number of seconds since "
		    "1970-01-01", 0);
	check_epoch("0x10", "quire: SOURCE_DATE_EPOCH: '0x10' is not a number of seconds since "
		    "1970-01-01", 0);
	check_epoch("-", "quire: SOURCE_DATE_EPOCH: '-' is not a number of seconds since "
		    "1970-01-01", 0);
	check_epoch("", "quire: SOURCE_DATE_EPOCH: '' is not a number of seconds since "
		    "1970-01-01", 0);
	check_epoch("-1", "quire: SOURCE_DATE_EPOCH: '-1' is before 1970-01-01", 0);
	check_epoch("253402300800", "quire: SOURCE_DATE_EPOCH: '253402300800' is after the year "
		    "9999", 0);
	check_epoch("99999999999999999999999", "quire: SOURCE_DATE_EPOCH: "
		    "'99999999999999999999999' is after the year 9999", 0);
}

/*
 * isodate's day numbers for every day quire accepts (years 1 to 9999),
 * both ways (a split twice, the second as held), against GDate's Julian
 * days; and its validity for every day number a month could be given,
 * against g_date_valid_dmy().
 */
static void test_every_day(void)
{
	GDate g;
	g_date_clear(&g, 1);
	g_date_set_dmy(&g, 1, 1, 1);
	long bad = 0, days = 0;
	for (; g_date_get_year(&g) <= 9999; g_date_add_days(&g, 1), days++) {
		int y = g_date_get_year(&g), m = g_date_get_month(&g), d = g_date_get_day(&g);
		int n = (int)g_date_get_julian(&g) - 719163, y2, m2, d2, y3, m3, d3;
		isodate_split(n, &y2, &m2, &d2);
		isodate_split(n, &y3, &m3, &d3);	/* again, as held */
		bad += isodate_from_ymd(y, m, d) != n || y2 != y || m2 != m || d2 != d ||
		       y3 != y || m3 != m || d3 != d;
		if (g_date_get_year(&g) == 9999 && m == 12 && d == 31)
			break;
	}
	ok(bad == 0 && days == 3652058, "every day of years 1 to 9999 is GDate's day, both ways "
	   "(%ld days, %ld wrong)", days + 1, bad);
	long wrong = 0;
	for (int y = 1; y <= 2400; y++)
		for (int m = 0; m <= 13; m++)
			for (int d = 0; d <= 32; d++) {
				char s[32];
				int n;
				g_snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
				bool valid = m >= 1 && m <= 12 &&
					     g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
				wrong += isodate_parse(s, &n) != valid ||
					 (valid && n != isodate_from_ymd(y, m, d));
			}
	ok(wrong == 0, "a date is valid exactly when GDate says so, years 1 to 2400 (%ld wrong)",
	   wrong);
}

int main(void)
{
	test_epoch();
	test_every_day();

	check_date("1970-01-01", true, 0);
	check_date("1970-01-02", true, 1);
	check_date("1969-12-31", true, -1);
	check_date("2019-06-30", true, 18077);
	check_date("2000-02-29", true, 11016);
	check_date("1900-02-29", false, 0);
	check_date("2019-13-01", false, 0);
	check_date("2019-6-30", false, 0);
	check_date("2019-06-30x", false, 0);
	check_date("", false, 0);
	check_date("30/06/2019", false, 0);
	check_date("0000-01-01", false, 0);

	check_datetime("2019-06-30", true, 18077);
	check_datetime("2019-06-30T12:00:00.000+08:00", true, 18077.5);
	check_datetime("2019-06-30T06:00Z", true, 18077.25);
	check_datetime("2019-06-30 18:00:00", true, 18077.75);
	check_datetime("2019-06-30T25:00", false, 0);
	check_datetime("2019-06-30T12:00:00+8", false, 0);

	char buf[ISODATE_BUFSIZE];
	isodate_format(18077, buf);
	check_str(buf, "2019-06-30");
	isodate_format(-1, buf);
	check_str(buf, "1969-12-31");
	check_int(isodate_weekday(18077), 7);	/* a Sunday */
	char *long_date = isodate_format_long(18077);
	check_str(long_date, "30 June 2019");
	g_free(long_date);
	long_date = isodate_format_long(isodate_from_ymd(2019, 9, 2));
	check_str(long_date, "2 September 2019");
	g_free(long_date);
	check_int(isodate_from_ymd(2019, 8, 28), 18136);

	setenv("SOURCE_DATE_EPOCH", "1567382400", 1);
	check_int(isodate_today(), isodate_from_ymd(2019, 9, 2));
	long long now = 0;
	ok(isodate_now(&now) == 0 && now == 1567382400, "isodate_now() is SOURCE_DATE_EPOCH");
	setenv("SOURCE_DATE_EPOCH", "abc", 1);
	ok(isodate_now(&now) == 0 && now == 1567382400, "SOURCE_DATE_EPOCH is read once");
	return tap_done();
}
