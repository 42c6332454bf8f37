/* main.c - quire: questionnaire template to Working Group report */
#include <config.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "cli.h"
#include "atomic.h"
#include "cmd.h"
#include "i18n.h"
#include "lock.h"

/*
 * The summaries are quire's words on the terminal (quire --help): marked
 * N_() here, looked up with E_() where they are printed.
 */
static const struct cmd_entry commands[] = {
	/* TRANSLATORS: each command's summary, after its name in quire --help. */
	{ "check", cmd_check, N_("load and validate a form; print its outline") },
	{ "print", cmd_print, N_("the questionnaire as a PDF to send to States") },
	{ "blank", cmd_blank, N_("write an answer sheet for one State to fill in") },
	{ "enter", cmd_enter, N_("type in one State's reply, question by question") },
	{ "validate", cmd_validate, N_("check replies against the form") },
	{ "import", cmd_import, N_("split a KoboToolbox, ODK or quire export into reply files") },
	{ "export", cmd_export, N_("one row per respondent, for spreadsheets and other tools") },
	{ "status", cmd_status, N_("who replied, who is late, who has not replied") },
	{ "tab", cmd_tab, N_("frequencies, summaries and crosstabs with tests") },
	{ "chart", cmd_chart, N_("draw one question, or the replies' arrival, as a chart") },
	{ "report", cmd_report, N_("the Working Group report as PDF") },
	{ NULL, NULL, NULL },
};

static void usage(FILE *fp)
{
	/*
	 * TRANSLATORS: the start of quire --help, before the list of commands
	 * ("  check     load and validate a form; print its outline").  Keep
	 * "quire", the options and the layout; COMMAND, OPTIONS and ARGS may
	 * be translated, as in the line after the list.
	 */
	fputs(E_("Usage: quire COMMAND [OPTIONS] ARGS...\n"
		 "       quire --help | --version\n"
		 "\n"
		 "Commands:\n"), fp);
	for (size_t i = 0; commands[i].name; i++)
		fprintf(fp, "  %-9s %s\n", commands[i].name, E_(commands[i].summary));
	/*
	 * TRANSLATORS: the end of quire --help, after the list of commands.  Keep
	 * "quire" and "--help"; the exit statuses are 0, 1 and 2 in every language.
	 */
	fputs(E_("\nRun 'quire COMMAND --help' for a command's options.\n"
		 "Exit status: 0 success, 1 invalid data or failed processing, 2 usage error.\n"),
	      fp);
}

static int dispatch(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *verb = argv[1];
	if (strcmp(verb, "--help") == 0 || strcmp(verb, "-h") == 0 || strcmp(verb, "help") == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(verb, "--version") == 0) {
		cli_print_version();
		return EXIT_OK;
	}
	for (size_t i = 0; commands[i].name; i++)
		if (strcmp(verb, commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fputs("quire: ", stderr);
	/* TRANSLATORS: %s is what was typed in place of a command, as it was typed. */
	fprintf(stderr, E_("unknown command '%s'"), verb);
	fputc('\n', stderr);
	/* TRANSLATORS: keep "quire --help" as it is. */
	fputs(E_("Try 'quire --help' for the list of commands.\n"), stderr);
	return EXIT_USAGE;
}

int main(int argc, char **argv)
{
	/* Numbers in every output use '.', whatever the user's locale. */
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	i18n_init();
	atomic_install_signal_cleanup();
	lock_install_signal_cleanup();
	int status = dispatch(argc, argv);
	return cli_close_stdout(status);
}
