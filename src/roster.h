/* roster.h - who was asked: the Member States and their groups */
#ifndef QUIRE_ROSTER_H
#define QUIRE_ROSTER_H

#include <stdbool.h>
#include <glib.h>

/*
 * A roster is a CSV with at least the columns "code" and "name", any
 * grouping columns (e.g. "region"), and optional "member_from" and
 * "member_to" (ISO dates, either may be empty), "aliases" (other names,
 * adjectives, capitals and codes of the State, separated by ';') and
 * "note".  Rows whose first cell starts with '#' are comments.  Everything
 * a roster hands out is owned by it and lives until roster_free().
 */

struct roster_member {
	char *code;
	char *name;
	int from, to;		/* membership, as day numbers; INT_MIN/INT_MAX when open */
	char **aliases;		/* NULL-terminated, trimmed, no empty ones; empty without the column */
	char **cells;		/* one per roster column */
	long row;
};

struct roster {
	char *path;
	GPtrArray *columns;	/* char *: the header */
	GPtrArray *members;	/* struct roster_member *, in file order */
	GHashTable *by_code;
};

/*
 * Loads the roster at PATH.  Reports every problem (missing columns, a
 * code given twice, an unsafe code, a bad date, no members at all) and
 * returns NULL if there was any.
 */
struct roster *roster_load(const char *path);
void roster_free(struct roster *r);

const struct roster_member *roster_find(const struct roster *r, const char *code);
/*
 * The member CODE, which is on no roster line, was probably meant to be:
 * the one whose code is CODE in another case ("fra"), or whose name or an
 * alias is CODE in any case or, for CODE of five letters or more,
 * mistyped ("France", "Frnace"); NULL when none is close.  Codes are never guessed from other codes: XAB and XBA
 * are both real.
 */
const struct roster_member *roster_suggest(const struct roster *r, const char *code);
/* The index of column NAME, or -1. */
int roster_column(const struct roster *r, const char *name);
/* Whether M was a member on DAY (a day number; see isodate.h). */
bool roster_is_member(const struct roster_member *m, int day);
/* The number of members on DAY. */
unsigned roster_count(const struct roster *r, int day);
/*
 * The grouping columns: every column but code, name, member_from,
 * member_to, aliases and note (borrowed strings, in file order; free the
 * array).
 */
GPtrArray *roster_group_columns(const struct roster *r);

#endif
