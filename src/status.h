/* status.h - who replied, when, who is late and who has not replied */
#ifndef QUIRE_STATUS_H
#define QUIRE_STATUS_H

#include <limits.h>
#include <glib.h>

struct resp_reply;
struct roster;

/*
 * A reply is on time when its _submitted date is on or before the cut-off,
 * late otherwise.  Who counts as asked is decided by roster membership on
 * the cut-off date (today when there is no cut-off).  Replies from codes
 * that are not members on that date are listed apart and counted nowhere.
 */

enum status_kind {
	STATUS_ON_TIME,
	STATUS_LATE,
	STATUS_NOT_REPLIED,
	STATUS_NOT_ON_ROSTER,
};

struct status_entry {
	char *code;
	const char *name;	/* from the roster (borrowed), or NULL */
	int submitted;		/* day number; INT_MIN for members who did not reply */
	char *channel;		/* NULL when not given */
	char *file;		/* where the reply came from */
	enum status_kind kind;
	const void *member;	/* struct roster_member *, borrowed, or NULL */
};

struct status {
	const struct roster *roster;	/* borrowed; may be NULL */
	int cutoff;		/* INT_MAX when there is none */
	int day;		/* the membership date: the cut-off, or today */
	GPtrArray *entries;	/* struct status_entry *, all kinds */
	unsigned members;	/* roster members on DAY */
	unsigned on_time, late, not_replied, not_on_roster;
	GHashTable *by_code;	/* code -> entry */
};

/* Starts a status for ROSTER (may be NULL: then nobody is "not replied"). */
struct status *status_new(const struct roster *roster, int cutoff);
void status_free(struct status *st);

/*
 * Adds reply R.  Returns 0, or -1 after reporting a reply without a valid
 * _respondent or _submitted, or a second reply from the same respondent.
 */
int status_add(struct status *st, const struct resp_reply *r);

/* Lists the members who did not reply and sorts the entries by kind, then date, then code. */
void status_finish(struct status *st);

/* Response rate by one roster column (e.g. "region"). */
struct status_group {
	char *value;
	unsigned members;
	unsigned replied;	/* on time */
	unsigned late;
};

/* The groups of COLUMN in order of first appearance; free with g_ptr_array_free(). */
GPtrArray *status_by_group(const struct status *st, const char *column);

#endif
