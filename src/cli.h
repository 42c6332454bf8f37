/* cli.h - helpers shared by the cmd-<verb>.c files (CLI layer only) */
#ifndef QUIRE_CLI_H
#define QUIRE_CLI_H

#include <stdbool.h>
#include <stdio.h>

/* Prints "quire VERSION" and the licence line on stdout. */
void cli_print_version(void);

/*
 * Flushes and closes stdout.  A write error (quire >/dev/full) turns STATUS
 * into 1 after "quire: write error: REASON".  Returns the final status.
 */
int cli_close_stdout(int status);

/*
 * Prints "quire CMD: MESSAGE" and "Try 'quire CMD --help' ..." on stderr.
 * Returns 2 (the usage-error exit status).
 */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Handles the options every command accepts, inside a getopt_long loop:
 * 'h' (--help) prints USAGE on stdout; '?' prints the "Try --help" line.  Returns -1 when the option was not one of these,
 * otherwise the exit status to return (0 after --help, 2 after '?').
 */
int cli_common_option(int opt, const char *cmd, const char *usage);

struct form;

/*
 * Finds the language ARG of FORM for --lang (NULL = the form's default,
 * language 0).  Returns the language index, or -1 after printing a usage
 * error for CMD naming the languages the form has.
 */
int cli_lang(const struct form *form, const char *arg, const char *cmd);

/*
 * Checks a --respondent CODE: true when it is safe as a file name, or false
 * after a usage error for CMD that shows the code (shortened) and the rule.
 */
bool cli_respondent(const char *code, const char *cmd);

/*
 * quire's own words in a document for people (the printed questionnaire,
 * an answer sheet) are in the form's language LANG, as the labels are,
 * from cli_document_begin() to cli_document_end(); English when LANG has
 * no code.
 */
void cli_document_begin(const struct form *form, int lang);
void cli_document_end(void);

/*
 * Parses a whole number from MIN to MAX for OPTION (--small-cell 3);
 * returns false after a usage error for CMD.
 */
bool cli_count(const char *arg, const char *option, const char *cmd, unsigned long min,
	       unsigned long max, unsigned long *n);

/* Parses a --cutoff style date (YYYY-MM-DD); returns false after a usage error for CMD. */
bool cli_date(const char *arg, const char *option, const char *cmd, int *day);

#endif
