/* isodate.h - ISO 8601 calendar dates as day numbers */
#ifndef QUIRE_ISODATE_H
#define QUIRE_ISODATE_H

#include <stdbool.h>

/*
 * A date is an int counting days since 1970-01-01 (negative before), so
 * dates compare and subtract as numbers, as in ODK's expression language.
 * Only the proleptic Gregorian calendar from year 1 to 9999 is accepted.
 */

#define ISODATE_BUFSIZE 11	/* "YYYY-MM-DD" and a NUL */

/* Parses exactly "YYYY-MM-DD" naming a real calendar date. */
bool isodate_parse(const char *s, int *days);

/*
 * Parses a date or a date-time as ODK writes them: "YYYY-MM-DD", optionally
 * followed by "T" or " " and "HH:MM[:SS[.fff]]" and an optional "Z" or
 * "+HH:MM"/"-HH:MM" offset.  *DAYS gets the date plus the time of day as a
 * fraction, in the local time written (the offset is checked and ignored,
 * as a reply's date is the date its sender wrote).
 */
bool isodate_parse_datetime(const char *s, double *days);

/* Writes "YYYY-MM-DD" into BUF (ISODATE_BUFSIZE bytes). */
void isodate_format(int days, char *buf);
/* "30 June 2019", in English, as UN documents write dates; free with g_free(). */
char *isodate_format_long(int days);
void isodate_split(int days, int *year, int *month, int *day);
int isodate_from_ymd(int year, int month, int day);
/* Day of week, 1 = Monday .. 7 = Sunday. */
int isodate_weekday(int days);

/*
 * Today's date.  When SOURCE_DATE_EPOCH is set (reproducible builds), the
 * date it names, so output made from it is byte-for-byte repeatable.
 */
int isodate_today(void);

#endif
