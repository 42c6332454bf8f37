/* textcol.h - text in fixed-width columns, measured in terminal cells */
#ifndef QUIRE_TEXTCOL_H
#define QUIRE_TEXTCOL_H

#include <stdbool.h>

/*
 * Plain-text outputs (quire tab, quire status) align labels in columns.
 * Widths are in the cells a terminal gives a character -- two for wide
 * East Asian characters (g_unichar_iswide()), none for combining marks
 * and other zero-width characters (g_unichar_iszerowidth()), one for the
 * rest -- never in bytes, so a label is never cut inside a character and
 * accented, Arabic and Chinese labels line up.  Strings are UTF-8 (invalid
 * bytes are shown as U+FFFD); line ends and tabs are shown as spaces, and
 * the other control characters escaped as msg_printable() shows them
 * ("\x1b"), so that a text answer cannot act on the terminal.  Each
 * function returns a new string (g_free()).
 */

/* The number of cells S takes. */
int textcol_width(const char *s);

/*
 * S in at most WIDTH cells: cut at a character boundary, with "…" as its
 * last cell, when it is wider; padded with spaces to exactly WIDTH cells
 * when PAD (on the left when RIGHT, else on the right).
 */
char *textcol_fit(const char *s, int width, bool pad, bool right);

#endif
