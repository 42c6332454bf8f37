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
 * The clock.  When SOURCE_DATE_EPOCH is set (reproducible builds), the
 * time it names stands for now, so output made from it is byte-for-byte
 * repeatable.
 */

/* The last second of 9999-12-31, the latest time a date can name. */
#define ISODATE_MAX_SECONDS 253402300799LL

/*
 * Parses a value of SOURCE_DATE_EPOCH: a whole number of seconds since
 * 1970-01-01 00:00 UTC, from 0 to ISODATE_MAX_SECONDS, in decimal digits
 * only.  Returns 0, or -1 after reporting, e.g. "quire: SOURCE_DATE_EPOCH:
 * 'abc' is not a number of seconds since 1970-01-01".
 */
int isodate_parse_epoch(const char *s, long long *seconds);

/*
 * The time now, in seconds since 1970-01-01 00:00 UTC, or the time
 * SOURCE_DATE_EPOCH names (an empty value counts as unset); the variable
 * is read once.  Returns 0, or -1 after reporting an invalid value.
 * SECONDS may be NULL: a command that reads the clock calls
 * isodate_now(NULL) first, and refuses to run when it fails.
 */
int isodate_now(long long *seconds);

/*
 * Today's date: the local date, or the date (UTC) SOURCE_DATE_EPOCH names.
 * When isodate_now() fails, the local date: callers have refused to run.
 */
int isodate_today(void);

/*
 * The time now as days since 1970-01-01, the time of day being the
 * fraction: local, or (UTC) the time SOURCE_DATE_EPOCH names, in which
 * case *REPRODUCIBLE (unless NULL) is set to true, else to false.
 */
double isodate_now_days(bool *reproducible);

#endif
