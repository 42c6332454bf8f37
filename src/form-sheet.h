/* form-sheet.h - the sheets of an XLSForm read from CSV or a workbook, headers normalised (internal to form) */
#ifndef QUIRE_FORM_SHEET_H
#define QUIRE_FORM_SHEET_H

#include <stdbool.h>
#include <glib.h>

/*
 * One column of a sheet.  BASE is the canonical column name after
 * pyxform's header rules (case, spacing and aliases: "List Name" ->
 * "list_name", "bind:constraint" -> "constraint") for the columns XLSForm
 * defines; other columns keep their header as written.  LANG is the
 * translation part of "label::French (fr)" (NULL when there is none).
 * KEY is BASE, or "BASE::LANG".
 */
struct form_sheet_column {
	char *base;
	char *lang;
	char *key;
	bool known;		/* an XLSForm column rather than an extra one */
};

/* One data row: CELLS has one stripped string per column ("" when empty). */
struct form_sheet_row {
	long row;
	char **cells;
};

struct form_sheet {
	char *name;		/* "survey", "choices", "settings", ... (lower case) */
	char *file;		/* the file it came from, for messages */
	long header_row;
	GPtrArray *columns;	/* struct form_sheet_column * */
	GPtrArray *rows;	/* struct form_sheet_row * */
};

struct form_sheets {
	struct form_sheet *survey;
	struct form_sheet *choices;
	struct form_sheet *settings;
	GPtrArray *all;		/* every sheet read, owning */
};

/*
 * Reads the sheets of the form at PATH (a directory with survey.csv,
 * choices.csv and settings.csv, one pyxform-style CSV file, or a workbook:
 * .xlsx, .xlsm, .xls or .ods, whose sheets survey, choices, settings and
 * external_choices are found by name in any case, the others ignored).
 * A workbook sheet's FILE is "PATH[name]", so that messages read
 * "quire:form.xlsx[survey]:12: ...", 12 being the row the spreadsheet
 * shows.  Problems are reported through msg; returns the number of errors
 * (0 on success).
 * *SHEETS is filled in either way; release it with form_sheets_release().
 */
int form_sheets_read(const char *path, struct form_sheets *sheets);
void form_sheets_release(struct form_sheets *sheets);

/*
 * Reads the list file of a select_one_from_file or
 * select_multiple_from_file: a CSV file, or an XML file of items
 * (workbook_read_items()), its header read as a choices sheet's
 * ("List Name" -> "list_name", "label::French (fr)").  Problems are
 * reported through msg, at the file's lines; *ERRORS is their number.
 * Returns the sheet (NULL when the file could not be read at all); free
 * it with form_sheet_free().
 */
struct form_sheet *form_sheet_read_list(const char *file, int *errors);
void form_sheet_free(struct form_sheet *sheet);

/* The index of the column with canonical BASE and no language, or -1. */
int form_sheet_find(const struct form_sheet *sheet, const char *base);
/* The cell of ROW in the column with canonical BASE ("" when there is no such column). */
const char *form_sheet_cell(const struct form_sheet *sheet, const struct form_sheet_row *row,
			    const char *base);

/* Whether BASE is a translatable column (label, hint, constraint_message, ...). */
bool form_sheet_translatable(const char *base);

/*
 * Whether C is a space around a cell's value: what g_unichar_isspace()
 * calls one, and the no-break spaces (U+00A0, U+2007, U+202F) and U+FEFF
 * that spreadsheets leave in cells that look empty.  pyxform strips them.
 */
bool form_sheet_is_space(gunichar c);
/* Removes such spaces from both ends of S, in place; returns S. */
char *form_sheet_strip(char *s);

/* The words of S (split at such spaces, empty ones dropped) joined by SEP; newly allocated. */
char *form_sheet_join_words(const char *s, char sep);

#endif
