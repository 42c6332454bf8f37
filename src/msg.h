/* msg.h - diagnostics in the GNU format "quire:FILE:LINE: message" */
#ifndef QUIRE_MSG_H
#define QUIRE_MSG_H

#include <glib.h>
#include <stdarg.h>
#include <stdbool.h>

/*
 * Every diagnostic quire prints goes through here, so the format is decided
 * once.  Library code reports a problem with msg_error_at() and returns its
 * result (-1), git-style: "return msg_error_at(path, row, "...", ...);".
 * Nothing here exits.
 *
 * LINE is the spreadsheet row a person sees (1 = the header row).  A LINE of
 * 0 prints "quire:FILE: message".  Messages start in lower case and carry no
 * full stop; the subject goes in single quotes.
 */

#define MSG_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Prints "quire: MESSAGE".  Returns -1. */
int msg_error(const char *fmt, ...) MSG_PRINTF(1, 2);

/* Prints "quire:FILE:LINE: MESSAGE".  Returns -1. */
int msg_error_at(const char *file, long line, const char *fmt, ...) MSG_PRINTF(3, 4);

/*
 * Prints "quire:FILE:LINE:COLUMN: MESSAGE", then EXCERPT indented by four
 * spaces and a caret under character COLUMN (1-based, in characters, not
 * bytes).  For errors inside expressions.  Returns -1.
 */
int msg_error_expr(const char *file, long line, long column, const char *excerpt,
		   const char *fmt, ...) MSG_PRINTF(5, 6);

/*
 * Reports again the first message of HEARD, text captured with
 * msg_capture(), with FMT appended to it, for a caller that adds what it
 * knows to what a library said: "quire:X.csv: write error: No space left
 * on device" + "; stopped after 12 of 100 replies".  Returns -1.
 */
int msg_error_heard(const char *heard, const char *fmt, ...) MSG_PRINTF(2, 3);

/*
 * Prints "quire:WHERE: MESSAGE", for a location its caller words: a cell
 * of a sheet read cell by cell ("XAA.xlsx:Reply!C14", see resp_where()).
 * A NULL WHERE prints "quire: MESSAGE".  The v-forms take the arguments
 * as a va_list.  Returns -1.
 */
int msg_error_where(const char *where, const char *fmt, ...) MSG_PRINTF(2, 3);
int msg_verror_where(const char *where, const char *fmt, va_list ap) MSG_PRINTF(2, 0);
/* As msg_error_where(), "quire:WHERE: warning: MESSAGE". */
void msg_vwarn_where(const char *where, const char *fmt, va_list ap) MSG_PRINTF(2, 0);

/* Prints "quire:FILE:LINE: warning: MESSAGE" (or "quire: warning: ..." when FILE is NULL). */
void msg_warn_at(const char *file, long line, const char *fmt, ...) MSG_PRINTF(3, 4);

/* Prints "quire: MESSAGE" without counting it as an error (progress, notes). */
void msg_note(const char *fmt, ...) MSG_PRINTF(1, 2);

/*
 * S as it can be shown on a terminal, which must not act on what a reply
 * holds (clear the screen, retitle the window): every control character
 * is written as an escape -- line ends and tabs as \n, \r and \t, the
 * other C0 controls (ESC, BEL, ...) and DEL as \x1b, \x07, \x7f, the C1
 * controls U+0080 to U+009F as \u009b -- and each byte that is not UTF-8
 * as \xff.  Everything else is kept as it is, backslashes too: this is a
 * way to show text, not a quoting to be undone, and showing it twice
 * changes nothing more.  Returns a new string (g_free).
 *
 * Every diagnostic is shown this way, whatever its arguments, so that no
 * message can carry a control character to the terminal.
 */
char *msg_printable(const char *s);

/*
 * S for a message that quotes it: S shown as msg_printable() shows it,
 * when it has at most MSG_VALUE_SHOWN characters, else its first ones,
 * "..." and its length ("qqqq... (1048576 bytes)"), so that a hostile
 * value -- a cell of a megabyte -- cannot flood the terminal.  Returns a
 * new string (g_free).
 */
#define MSG_VALUE_SHOWN 80
char *msg_value(const char *s);

/*
 * "Did you mean": of the candidates given to msg_suggest_try(), the one
 * closest to WORD by edit distance, when close enough to be a likely typo
 * (fewer than max(2, length / 3) + 1 edits, and not every character
 * replaced); BEST is NULL otherwise.
 * Candidates whose lengths differ by the distance sought or more are not
 * compared: their distance cannot be smaller, and a megabyte-long word
 * would otherwise cost a megabyte of work per candidate.  WORD and the
 * candidates are borrowed.
 */
struct msg_suggest {
	const char *word;
	size_t len;
	const char *best;
	size_t best_d;
};

void msg_suggest_init(struct msg_suggest *s, const char *word);
void msg_suggest_try(struct msg_suggest *s, const char *candidate);

/* Number of errors reported since start (or since msg_reset()). */
unsigned long msg_error_count(void);
void msg_reset(void);

/*
 * Sends diagnostics to SINK instead of stderr (unit tests, and callers that
 * rephrase or drop what they hear).  NULL restores stderr.  The sink is
 * borrowed; the caller keeps it alive while installed.  Returns the sink
 * that was installed before, for the caller to put back, so that captures
 * nest: a library function that captures must not undo its caller's.
 */
GString *msg_capture(GString *sink);

/*
 * For worker threads whose results are used only when they had nothing to
 * say: while the calling thread holds (msg_hold(true)), its messages are
 * neither printed, captured nor counted, and msg_heard() tells whether
 * there was any.  msg_hold() clears that flag.  Other threads are not
 * affected.
 */
void msg_hold(bool hold);
bool msg_heard(void);

#endif
