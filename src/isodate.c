/* isodate.c - ISO 8601 calendar dates as day numbers */
#include <config.h>
#include "isodate.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib.h>

#include "i18n.h"
#include "msg.h"

/* g_date_get_julian() counts 0001-01-01 as day 1. */
#define JULIAN_1970 719163

static bool digits(const char *s, int n, int *value)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!g_ascii_isdigit(s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*value = v;
	return true;
}

int isodate_from_ymd(int year, int month, int day)
{
	GDate d;
	g_date_clear(&d, 1);
	g_date_set_dmy(&d, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
	return (int)g_date_get_julian(&d) - JULIAN_1970;
}

/*
 * The months met lately, as GDate gives them: the day number of the 1st
 * and the number of days.  A file's dates fall in a few months, and GDate's
 * checks and conversion cost more than reading the digits.  Held by the
 * month's number, one month a slot, and per thread: the parts of a file
 * are read in threads.
 */
struct month {
	int key;	/* year * 12 + month - 1; 0 (a month of year 0) in an empty slot */
	int first;	/* the day number of the 1st */
	int length;	/* days */
};

#define MONTHS_HELD 64

static _Thread_local struct month months_held[MONTHS_HELD];

/* Month M (1 to 12) of year Y (1 to 9999). */
static const struct month *month_of(int y, int m)
{
	int key = y * 12 + m - 1;
	struct month *held = &months_held[key % MONTHS_HELD];
	if (held->key != key) {
		held->key = key;
		held->first = isodate_from_ymd(y, m, 1);
		held->length = g_date_get_days_in_month((GDateMonth)m, (GDateYear)y);
	}
	return held;
}

/* Parses the "YYYY-MM-DD" prefix of S. */
static bool parse_prefix(const char *s, int *days)
{
	int y, m, d;
	if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) || s[7] != '-' ||
	    !digits(s + 8, 2, &d))
		return false;
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return false;
	const struct month *month = month_of(y, m);
	if (d > month->length)
		return false;
	*days = month->first + d - 1;
	return true;
}

bool isodate_parse(const char *s, int *days)
{
	return strlen(s) == 10 && parse_prefix(s, days);
}

static bool parse_offset(const char *s)
{
	int h, m;
	if (*s == '\0')
		return true;
	if (strcmp(s, "Z") == 0)
		return true;
	if ((*s != '+' && *s != '-') || !digits(s + 1, 2, &h) || h > 23)
		return false;
	s += 3;
	if (*s == ':')
		s++;
	return digits(s, 2, &m) && m < 60 && s[2] == '\0';
}

bool isodate_parse_datetime(const char *s, double *days)
{
	int date, h, m, sec = 0;
	if (!parse_prefix(s, &date))
		return false;
	s += 10;
	double frac = 0;
	if (*s == 'T' || *s == ' ') {
		s++;
		if (!digits(s, 2, &h) || s[2] != ':' || !digits(s + 3, 2, &m) || h > 23 || m > 59)
			return false;
		s += 5;
		if (*s == ':') {
			if (!digits(s + 1, 2, &sec) || sec > 60)
				return false;
			s += 3;
			if (*s == '.') {
				s++;
				if (!g_ascii_isdigit(*s))
					return false;
				while (g_ascii_isdigit(*s))
					s++;
			}
		}
		if (!parse_offset(s))
			return false;
		frac = (h * 3600 + m * 60 + sec) / 86400.0;
	} else if (*s != '\0') {
		return false;
	}
	*days = date + frac;
	return true;
}

/*
 * The days split lately, as GDate splits them: a tally splits every
 * reply's date, and they fall on a few hundred days.  Held by the day's
 * number, one day a slot, per thread.
 */
struct split {
	int days;
	short year;
	signed char month, day;
	bool held;
};

#define SPLITS_HELD 512

static _Thread_local struct split splits_held[SPLITS_HELD];

void isodate_split(int days, int *year, int *month, int *day)
{
	struct split *held = &splits_held[(unsigned)days % SPLITS_HELD];
	if (!held->held || held->days != days) {
		GDate d;
		g_date_clear(&d, 1);
		g_date_set_julian(&d, (guint32)(days + JULIAN_1970));
		*held = (struct split){ days, (short)g_date_get_year(&d), (signed char)g_date_get_month(&d),
					(signed char)g_date_get_day(&d), true };
	}
	*year = held->year;
	*month = held->month;
	*day = held->day;
}

void isodate_format(int days, char *buf)
{
	int y, m, d;
	isodate_split(days, &y, &m, &d);
	g_snprintf(buf, ISODATE_BUFSIZE, "%04d-%02d-%02d", y, m, d);
}

char *isodate_format_long(int days)
{
	/* One message per month, so that each language writes its own form of the date. */
	static const char *const formats[] = {
		/*
		 * TRANSLATORS: a date in running text, the day then the year ("30
		 * June 2019"), one message per month: "30 juin 2019", "30 июня 2019
		 * года", "2019年6月30日" as %2$d年6月%1$d日.
		 */
		N_("%d January %d"), N_("%d February %d"), N_("%d March %d"), N_("%d April %d"),
		N_("%d May %d"), N_("%d June %d"), N_("%d July %d"), N_("%d August %d"),
		N_("%d September %d"), N_("%d October %d"), N_("%d November %d"),
		N_("%d December %d"),
	};
	int y, m, d;
	isodate_split(days, &y, &m, &d);
	/* Each format takes a day and a year; msgfmt -c checks a translation's against it. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	return g_strdup_printf(_(formats[m - 1]), d, y);
#pragma GCC diagnostic pop
}

int isodate_weekday(int days)
{
	GDate d;
	g_date_clear(&d, 1);
	g_date_set_julian(&d, (guint32)(days + JULIAN_1970));
	return g_date_get_weekday(&d);
}

/*
 * What is wrong with S as a value of SOURCE_DATE_EPOCH, or NULL when it is
 * valid (*SECONDS set): a message marked N_(), which report_epoch() looks
 * up, since it is kept for later.
 */
static const char *epoch_problem(const char *s, long long *seconds)
{
	const char *digits = s[0] == '-' ? s + 1 : s;
	size_t n = strlen(digits);
	if (n == 0 || strspn(digits, "0123456789") != n)
		/* TRANSLATORS: said of a value of SOURCE_DATE_EPOCH, in "SOURCE_DATE_EPOCH: '%s' %s". */
		return N_("is not a number of seconds since 1970-01-01");
	if (digits != s)
		/* TRANSLATORS: said of a value of SOURCE_DATE_EPOCH, in "SOURCE_DATE_EPOCH: '%s' %s". */
		return N_("is before 1970-01-01");
	if (n > 15 || (*seconds = g_ascii_strtoll(s, NULL, 10)) > ISODATE_MAX_SECONDS)
		/* TRANSLATORS: said of a value of SOURCE_DATE_EPOCH, in "SOURCE_DATE_EPOCH: '%s' %s". */
		return N_("is after the year 9999");
	return NULL;
}

static int report_epoch(const char *s, const char *problem)
{
	char *shown = msg_value(s);
	/* TRANSLATORS: keep SOURCE_DATE_EPOCH; the value, then what is wrong with it ("is before 1970-01-01"). */
	msg_error("SOURCE_DATE_EPOCH: '%s' %s", shown, E_(problem));
	g_free(shown);
	return -1;
}

int isodate_parse_epoch(const char *s, long long *seconds)
{
	const char *problem = epoch_problem(s, seconds);
	return problem ? report_epoch(s, problem) : 0;
}

/* SOURCE_DATE_EPOCH, read once. */
static struct {
	bool read;
	const char *value;	/* NULL when unset or empty */
	const char *problem;	/* why VALUE is invalid, or NULL */
	long long seconds;
} epoch;

static void read_epoch(void)
{
	if (epoch.read)
		return;
	const char *s = getenv("SOURCE_DATE_EPOCH");
	epoch.value = s && *s ? s : NULL;
	epoch.problem = epoch.value ? epoch_problem(s, &epoch.seconds) : NULL;
	epoch.read = true;
}

int isodate_now(long long *seconds)
{
	read_epoch();
	if (epoch.problem)
		return report_epoch(epoch.value, epoch.problem);
	if (seconds)
		*seconds = epoch.value ? epoch.seconds : (long long)time(NULL);
	return 0;
}

int isodate_today(void)
{
	read_epoch();
	if (epoch.value && !epoch.problem)
		return (int)(epoch.seconds / 86400);
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return isodate_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

double isodate_now_days(bool *reproducible)
{
	read_epoch();
	bool fixed = epoch.value && !epoch.problem;
	if (reproducible)
		*reproducible = fixed;
	if (fixed)
		return (double)epoch.seconds / 86400;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	double days = isodate_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) +
		      (tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec) / 86400.0;
	return days;
}
