/* cmd.h - the command table of the quire CLI */
#ifndef QUIRE_CMD_H
#define QUIRE_CMD_H

/* Exit statuses (DESIGN §2). */
enum {
	EXIT_OK = 0,
	EXIT_DATA = 1,		/* invalid input data or failed processing */
	EXIT_USAGE = 2,		/* bad command line */
};

/*
 * One entry per command, each implemented in its own cmd-<verb>.c.  RUN gets
 * the command's own argv (argv[0] is the command name) and returns the exit
 * status; it never calls exit() itself so main can flush and check stdout.
 */
struct cmd_entry {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

int cmd_check(int argc, char **argv);
int cmd_blank(int argc, char **argv);
int cmd_enter(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_chart(int argc, char **argv);
int cmd_tab(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_print(int argc, char **argv);

#endif
