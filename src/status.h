/* status.h - who replied, when, who is late, who has not replied, and who is left out */
#ifndef QUIRE_STATUS_H
#define QUIRE_STATUS_H

#include <limits.h>
#include <glib.h>

struct analysis;
struct roster;

/*
 * A view of the analysis set (analysis.h) for tracking replies: every
 * reply with the reason the analysis gave it, and every member of the
 * roster on the membership date who has not replied.  The decision is the
 * analysis's; a status only lists and counts it, so status and every
 * other command state the same figures.
 */

enum status_kind {
	STATUS_ON_TIME,		/* included in the figures */
	STATUS_LATE,
	STATUS_NOT_REPLIED,	/* a member with no reply */
	STATUS_NOT_MEMBER,	/* on the roster, not a member on the membership date */
	STATUS_NOT_ON_ROSTER,
	STATUS_INCOMPLETE,
	STATUS_INVALID,
	STATUS_N_KINDS,
};

/* "on_time", "late", "not_replied", "not_member", "not_on_roster", "incomplete", "invalid". */
const char *status_kind_name(enum status_kind kind);

struct status_entry {
	char *code;		/* NULL for a reply without _respondent */
	const char *name;	/* from the roster (borrowed), or NULL */
	int submitted;		/* day number; INT_MIN for members who did not reply */
	char *channel;		/* NULL when not given */
	char *file;		/* where the reply came from; NULL for members who did not reply */
	long row;		/* of a wide export's row, else 0 */
	enum status_kind kind;
	const void *member;	/* struct roster_member *, borrowed, or NULL */
};

struct status {
	const struct roster *roster;	/* borrowed; may be NULL */
	int cutoff;		/* INT_MAX when there is none */
	int day;		/* the membership date: the cut-off, or today */
	GPtrArray *entries;	/* struct status_entry *, sorted by kind, then date, then code */
	unsigned members;	/* roster members on DAY */
	unsigned count[STATUS_N_KINDS];
	GHashTable *by_code;	/* code -> its first entry */
};

/*
 * The status of the replies A has seen (A made with keep_included, so that
 * it recorded every reply).  A and its roster must outlive the status.
 */
struct status *status_new(const struct analysis *a);
void status_free(struct status *st);

/* Response rate by one roster column (e.g. "region"). */
struct status_group {
	char *value;
	unsigned members;
	unsigned replied;	/* included */
	unsigned late;
};

/* The groups of COLUMN in order of first appearance; free with g_ptr_array_free(). */
GPtrArray *status_by_group(const struct status *st, const char *column);

#endif
