/* tap.h - a small Test Anything Protocol producer for the C unit tests */
#ifndef QUIRE_TAP_H
#define QUIRE_TAP_H

#include <stdbool.h>

/*
 * Tests print "ok N - name" / "not ok N - name" and end with "1..N" (the plan
 * comes last, so tests need not count themselves).  Failures print the file
 * and line of the check and the values compared as "#" comments, which
 * automake's tap-driver.sh shows in the .log file.
 */

#define TAP_PRINTF(f, a) __attribute__((format(printf, f, a)))

bool tap_ok(bool cond, const char *file, int line, const char *fmt, ...) TAP_PRINTF(4, 5);
bool tap_check_int(long long got, long long want, const char *file, int line, const char *what);
bool tap_check_str(const char *got, const char *want, const char *file, int line, const char *what);
/* Relative tolerance REL with an absolute floor ABS near 0.  NaN equals NaN. */
bool tap_check_num(double got, double want, double rel, double abs, const char *file, int line,
		   const char *what);
void tap_skip(const char *why, const char *fmt, ...) TAP_PRINTF(2, 3);
void tap_diag(const char *fmt, ...) TAP_PRINTF(1, 2);
/* Prints the plan; returns the process exit status (0 when all passed). */
int tap_done(void);

#define ok(cond, ...) tap_ok((cond), __FILE__, __LINE__, __VA_ARGS__)
#define check_int(got, want) tap_check_int((got), (want), __FILE__, __LINE__, #got)
#define check_str(got, want) tap_check_str((got), (want), __FILE__, __LINE__, #got)
#define check_num(got, want, rel) tap_check_num((got), (want), (rel), 1e-12, __FILE__, __LINE__, #got)

#endif
