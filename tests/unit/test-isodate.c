/* test-isodate.c - unit tests for ISO dates */
#include <config.h>
#include "isodate.h"

#include <stdlib.h>
#include <glib.h>

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

int main(void)
{
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
	return tap_done();
}
