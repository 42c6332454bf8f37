/* answer.h - the answer workbook: a State's questionnaire as an .xlsx to fill in, read back */
#ifndef QUIRE_ANSWER_H
#define QUIRE_ANSWER_H

#include <stdbool.h>
#include <stdio.h>
#include <glib.h>

struct form;

/*
 * An answer workbook has three sheets:
 *
 *   "Reply"         the header block (the State, the questionnaire, the
 *                   deadline, the date of the reply and a note), then one
 *                   row per question: its number, its label, the answer
 *                   cell, when it applies and how to answer; a
 *                   select_multiple has a row per choice below it, "1.2 a",
 *                   "1.2 b", ..., each answered Yes or No.
 *   "Instructions"  how to fill it in and send it back.
 *   "quire"         hidden: what quire needs to read it back (ANSWER_MAP).
 *
 * The hidden sheet's rows, by their first cell:
 *
 *   quire-answer-workbook  1                      (the layout's version)
 *   form                   ID  VERSION
 *   respondent             CODE
 *   languages              LANG0 LANG1 ...
 *   meta                   NAME  ROW              (_submitted, _note: column C of ROW)
 *   question               NUMBER  KEY  ROW  TYPE  LIST  (the answer is column C of ROW)
 *   choice                 NUMBER  KEY  CHOICE  ROW
 *   label                  LIST  NAME  LABEL0 LABEL1 ...  (in the languages' order)
 *   offer                  KEY  NAME  LABEL0 LABEL1 ...   (the choices a select_one
 *                          whose choice_filter reads no answer offers: its drop-down)
 *
 * Rows are found by the number a question shows (column A of "Reply"),
 * so sorting the rows does not lose them; ROW is the row the answer was
 * written in, for a row whose number was cleared.
 */
#define ANSWER_SHEET "Reply"
#define ANSWER_INSTRUCTIONS "Instructions"
#define ANSWER_MAP "quire"
#define ANSWER_MAGIC "quire-answer-workbook"

struct answer_options {
	const char *code;	/* the State's roster code */
	const char *name;	/* its name (from a roster), or NULL */
	int lang;		/* the language of the labels */
	const char *deadline;	/* as written, or NULL for the form's settings "deadline" */
};

/*
 * Writes the answer workbook of FORM for one State to FP (an .xlsx file).
 * Returns 0, or -1 after reporting "quire:PATH: ..." (PATH names the
 * output for messages) when the workbook cannot be made.
 */
int answer_write(const struct form *form, const struct answer_options *opt, FILE *fp,
		 const char *path);

/*
 * The answers an answer workbook holds, as the rows of the reply CSV it
 * stands for: NAMES[i] is a question's key or a metadata name
 * ("_submitted"), VALUES[i] its value as a reply file holds it, ROWS[i]
 * the row of "Reply" it was read from.  FILE is the workbook, SHEET and
 * COLUMN (0-based) the sheet and column of the answers, for messages that
 * name a cell ("XAA.xlsx:Reply!C14").  All strings are owned.
 */
struct answer_rows {
	char *file;
	char *sheet;
	unsigned column;
	GPtrArray *names, *values;
	GArray *rows;		/* long */
	char *respondent;	/* from the hidden sheet, or NULL */
	char *form_version;	/* the form's version it was made for, or NULL */
	int problems;		/* marks neither yes nor no, reported */
};

void answer_rows_free(struct answer_rows *a);

/*
 * Reads the workbook at PATH when it is an answer workbook: one that has
 * the hidden sheet, or, when a delegate deleted that, a "Reply" sheet
 * whose header row has "No." and "Your answer" (read by the numbers and
 * labels of FORM's questions, with a warning).  Returns 1 and fills *OUT,
 * 0 when PATH is another workbook (nothing is reported), or -1 after
 * reporting why it cannot be read: unreadable, or made for another form
 * or version ("quire:XAA.xlsx: an answer workbook of form 'a' version
 * '2', not of form 'b' version '3'").  Choice labels in any of the form's
 * languages become choice names; Yes/No, X and ticks mark the choices of
 * a select_multiple.  What cannot be mapped is kept as typed, for the
 * validator to name.
 */
int answer_read(const struct form *form, const char *path, struct answer_rows *out);

/* Whether PATH is an answer workbook, as answer_read() tells; nothing is reported. */
bool answer_is_answer_workbook(const char *path);

#endif
