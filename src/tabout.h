/* tabout.h - the output of quire tab: text for people, tidy CSV, JSON (DESIGN §2) */
#ifndef QUIRE_TABOUT_H
#define QUIRE_TABOUT_H

#include <stdbool.h>
#include <stdio.h>

struct analysis;
struct tally;

/*
 * Writers of a finished tally (tally_finish(), and tally_disclose() when
 * disclosure control applies).  They print the tally's figures and compute
 * none of their own.  Numbers in JSON and CSV are unrounded; text uses the
 * formatters of figure.h.  A figure that is undefined (a share of nothing,
 * a test of a table with one column, an overflowing mean) is null in JSON,
 * empty in CSV and a dash in text, never made up.  A count hidden by
 * disclosure control is null in JSON, empty in CSV (its record says which
 * kind of suppression) and a symbol in text: "< N" for a count from 1 to
 * N - 1 (primary), "x" for a count hidden to protect another (secondary).
 * A withheld table (no pattern of hidden cells protects it) hides its
 * totals and n as well, and text says why instead of printing it.
 * Each returns false on a write error.
 */

struct tabout_options {
	int lang;		/* language of the labels */
	long roster;		/* roster members on the membership date, or -1 without a roster */
	const char *by_label;	/* how to name the --by variable in text ("region") */
	const struct analysis *analysis;	/* the replies counted and left out; may be NULL */
};

bool tabout_json(FILE *fp, const struct tally *t, const struct tabout_options *o);
bool tabout_csv(FILE *fp, const struct tally *t, const struct tabout_options *o);
bool tabout_text(FILE *fp, const struct tally *t, const struct tabout_options *o);

#endif
