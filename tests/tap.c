/* tap.c - a small Test Anything Protocol producer for the C unit tests */
#include <config.h>
#include "tap.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int n_tests;
static int n_failed;

static void vreport(bool cond, const char *fmt, va_list ap) TAP_PRINTF(2, 0);

static void vreport(bool cond, const char *fmt, va_list ap)
{
	n_tests++;
	if (!cond)
		n_failed++;
	printf("%sok %d - ", cond ? "" : "not ", n_tests);
	vprintf(fmt, ap);
	putchar('\n');
	fflush(stdout);
}

bool tap_ok(bool cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   failed at %s:%d\n", file, line);
	return cond;
}

bool tap_check_int(long long got, long long want, const char *file, int line, const char *what)
{
	bool cond = got == want;
	tap_ok(cond, file, line, "%s == %lld", what, want);
	if (!cond)
		printf("#   got %lld\n", got);
	return cond;
}

bool tap_check_str(const char *got, const char *want, const char *file, int line, const char *what)
{
	bool cond = (got == NULL && want == NULL) || (got && want && strcmp(got, want) == 0);
	tap_ok(cond, file, line, "%s", what);
	if (!cond) {
		printf("#   got:  %s%s%s\n", got ? "'" : "", got ? got : "NULL", got ? "'" : "");
		printf("#   want: %s%s%s\n", want ? "'" : "", want ? want : "NULL", want ? "'" : "");
	}
	return cond;
}

bool tap_check_num(double got, double want, double rel, double abs, const char *file, int line,
		   const char *what)
{
	bool cond;
	if (isnan(want))
		cond = isnan(got);
	else if (isinf(want))
		cond = got == want;
	else
		cond = fabs(got - want) <= fmax(abs, rel * fabs(want));
	tap_ok(cond, file, line, "%s ~ %.17g", what, want);
	if (!cond)
		printf("#   got %.17g (relative error %.3g)\n", got, fabs(got - want) / fabs(want));
	return cond;
}

void tap_skip(const char *why, const char *fmt, ...)
{
	va_list ap;
	n_tests++;
	printf("ok %d - ", n_tests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" # SKIP %s\n", why);
}

void tap_diag(const char *fmt, ...)
{
	va_list ap;
	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

int tap_done(void)
{
	printf("1..%d\n", n_tests);
	return n_failed ? 1 : 0;
}
