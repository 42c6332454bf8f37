/* tabout.h - the output of quire tab: text for people, tidy CSV, JSON (DESIGN §2) */
#ifndef QUIRE_TABOUT_H
#define QUIRE_TABOUT_H

#include <stdbool.h>
#include <stdio.h>

struct tally;

/*
 * Writers of a finished tally.  Numbers in JSON and CSV are unrounded;
 * text rounds percentages to one decimal.  A figure that is undefined
 * (a share of nothing, a test of a table with one column) is null in JSON
 * and empty in CSV, never made up.  Each returns false on a write error.
 */

struct tabout_options {
	int lang;		/* language of the labels */
	long roster;		/* roster members on the cut-off date, or -1 without a roster */
	const char *by_label;	/* how to name the --by variable in text ("region") */
};

bool tabout_json(FILE *fp, const struct tally *t, const struct tabout_options *o);
bool tabout_csv(FILE *fp, const struct tally *t, const struct tabout_options *o);
bool tabout_text(FILE *fp, const struct tally *t, const struct tabout_options *o);

#endif
