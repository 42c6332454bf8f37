/* cli.c - helpers shared by the cmd-<verb>.c files */
#include <config.h>
#include "cli.h"

#include "i18n.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <glib.h>

#include "cmd.h"
#include "form.h"
#include "isodate.h"
#include "response.h"

void cli_print_version(void)
{
	printf("quire %s\n", PACKAGE_VERSION);
	/* TRANSLATORS: the line under "quire 1.0" in quire --version: what quire does. */
	puts(E_("Questionnaire template to Working Group report."));
}

int cli_close_stdout(int status)
{
	bool failed = fflush(stdout) != 0 || ferror(stdout);
	int err = errno;
	if (fclose(stdout) != 0 && !failed) {
		failed = true;
		err = errno;
	}
	if (failed) {
		fputs("quire: ", stderr);
		/* TRANSLATORS: %s is the system's reason ("No space left on device"). */
		fprintf(stderr, E_("write error: %s"), g_strerror(err));
		fputc('\n', stderr);
		return status == EXIT_OK ? EXIT_DATA : status;
	}
	return status;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "quire %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, E_(fmt), ap);
	va_end(ap);
	fputc('\n', stderr);
	/* TRANSLATORS: %s is a command ("report"); keep "quire %s --help" as it is. */
	fprintf(stderr, E_("Try 'quire %s --help' for more information.\n"), cmd);
	return EXIT_USAGE;
}

int cli_common_option(int opt, const char *cmd, const char *usage)
{
	if (opt == 'h') {
		fputs(E_(usage), stdout);	/* marked N_() where it is written */
		return EXIT_OK;
	}
	if (opt == '?') {
		fprintf(stderr, E_("Try 'quire %s --help' for more information.\n"), cmd);
		return EXIT_USAGE;
	}
	return -1;
}

int cli_lang(const struct form *form, const char *arg, const char *cmd)
{
	if (!arg)
		return 0;
	int lang = form_lang_find(form, arg);
	if (lang >= 0)
		return lang;
	GString *known = g_string_new(NULL);
	for (guint i = 0; i < form->languages->len; i++)
		g_string_append_printf(known, "%s%s", i ? ", " : "",
				       (char *)g_ptr_array_index(form->languages, i));
	/*
	 * TRANSLATORS: %s is the language asked for with --lang, then the form's
	 * languages, separated by commas ("English (en), French (fr)").
	 */
	cli_usage_error(cmd, "unknown language '%s' (the form has: %s)", arg, known->str);
	g_string_free(known, TRUE);
	return -1;
}

bool cli_date(const char *arg, const char *option, const char *cmd, int *day)
{
	if (isodate_parse(arg, day))
		return true;
	/*
	 * TRANSLATORS: %s is an option (--cutoff), then what was given for it;
	 * YYYY-MM-DD is how a date is typed in every language (the letters may be yours).
	 */
	cli_usage_error(cmd, "%s: '%s' is not a date (YYYY-MM-DD)", option, arg);
	return false;
}

void cli_document_begin(const struct form *form, int lang)
{
	char *code = form_document_language(form, lang);
	i18n_begin_language(code ? code : "en");
	g_free(code);
}

void cli_document_end(void)
{
	i18n_end_language();
}

bool cli_respondent(const char *code, const char *cmd)
{
	const char *why = resp_code_problem(code);
	if (!why)
		return true;
	char *shown = resp_code_for_message(code);
	/*
	 * TRANSLATORS: the first %s is the code given with --respondent, quoted
	 * ('X Y'), or "of 300 bytes" when too long to show; the second why it
	 * is refused ("use 1 to 64 letters, digits, ...").
	 */
	cli_usage_error(cmd, "unsafe respondent code %s: %s", shown, why);
	g_free(shown);
	return false;
}

bool cli_count(const char *arg, const char *option, const char *cmd, unsigned long min,
	       unsigned long max, unsigned long *n)
{
	char *end;
	errno = 0;
	unsigned long long v = g_ascii_strtoull(arg, &end, 10);
	if (g_ascii_isdigit(*arg) && *end == '\0' && errno == 0 && v >= min && v <= max) {
		*n = (unsigned long)v;
		return true;
	}
	/* TRANSLATORS: %s is an option (--small-cell), then what was given for it. */
	cli_usage_error(cmd, "%s: '%s' is not a whole number from %lu to %lu", option, arg, min,
			max);
	return false;
}
