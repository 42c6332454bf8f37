/* isodate.c - ISO 8601 calendar dates as day numbers */
#include <config.h>
#include "isodate.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib.h>

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

/* Parses the "YYYY-MM-DD" prefix of S. */
static bool parse_prefix(const char *s, int *days)
{
	int y, m, d;
	if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) || s[7] != '-' ||
	    !digits(s + 8, 2, &d))
		return false;
	if (y < 1 || !g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
		return false;
	*days = isodate_from_ymd(y, m, d);
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

void isodate_split(int days, int *year, int *month, int *day)
{
	GDate d;
	g_date_clear(&d, 1);
	g_date_set_julian(&d, (guint32)(days + JULIAN_1970));
	*year = g_date_get_year(&d);
	*month = g_date_get_month(&d);
	*day = g_date_get_day(&d);
}

void isodate_format(int days, char *buf)
{
	int y, m, d;
	isodate_split(days, &y, &m, &d);
	g_snprintf(buf, ISODATE_BUFSIZE, "%04d-%02d-%02d", y, m, d);
}

char *isodate_format_long(int days)
{
	static const char *const months[] = { "January", "February", "March", "April", "May",
					      "June", "July", "August", "September", "October",
					      "November", "December" };
	int y, m, d;
	isodate_split(days, &y, &m, &d);
	return g_strdup_printf("%d %s %d", d, months[m - 1], y);
}

int isodate_weekday(int days)
{
	GDate d;
	g_date_clear(&d, 1);
	g_date_set_julian(&d, (guint32)(days + JULIAN_1970));
	return g_date_get_weekday(&d);
}

int isodate_today(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t now;
	if (epoch && *epoch) {
		char *end;
		long long v = strtoll(epoch, &end, 10);
		now = *end == '\0' && v >= 0 ? (time_t)v : time(NULL);
		return (int)(now / 86400);
	}
	now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return isodate_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
