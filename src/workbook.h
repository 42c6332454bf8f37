/* workbook.h - the sheets of a spreadsheet file (.xlsx, .xls, .ods) as rows of cell texts */
#ifndef QUIRE_WORKBOOK_H
#define QUIRE_WORKBOOK_H

#include <stdbool.h>
#include <glib.h>

struct csvio_reader;

/*
 * A workbook read whole into memory: its sheets in file order, each a list
 * of rows of cell texts.  Everything belongs to the workbook and is freed
 * by workbook_free().
 *
 * Cells become text as pyxform reads them: a whole number without ".0"
 * (1.0 -> "1"), another number in its shortest form that reads back the
 * same (2.5 -> "2.5"), a boolean as TRUE or FALSE, a date as YYYY-MM-DD or,
 * when it has a time of day, YYYY-MM-DDTHH:MM:SS, a formula as the value
 * the spreadsheet last computed, rich text as its runs joined.  Text is
 * kept as it is: blanks around it are the caller's business.
 *
 * Formats: .xlsx and .xlsm (Office Open XML), .ods (OpenDocument) and .xls
 * (Excel 97-2003), told apart by the file name's extension in any case.
 *
 * Bounds: an archive member that inflates to more than WORKBOOK_MAX_PART
 * bytes, a cell longer than CSVIO_MAX_FIELD bytes, a row wider than
 * CSVIO_MAX_FIELDS columns and a sheet of more than WORKBOOK_MAX_CELLS
 * cells are refused, so a hostile file cannot exhaust memory; a corrupt
 * file, or a cell whose text is not UTF-8, is an error, never a crash.
 */

#define WORKBOOK_MAX_PART (256u << 20)
#define WORKBOOK_MAX_CELLS (1u << 24)

/* One row: the spreadsheet's row number and its cells, "" where empty. */
struct workbook_row {
	long row;		/* 1 = the first row, as the spreadsheet shows it */
	guint n_cells;		/* up to the last non-empty cell */
	char **cells;		/* N_CELLS strings, then NULL */
};

struct workbook_sheet {
	char *name;		/* as written in the workbook */
	GPtrArray *rows;	/* struct workbook_row *, rows with no content left out */
};

struct workbook {
	char *path;
	GPtrArray *sheets;	/* struct workbook_sheet * */
};

#define WORKBOOK_ERROR (workbook_error_quark())
GQuark workbook_error_quark(void);

/* Whether PATH names a workbook (.xlsx, .xlsm, .xls or .ods, in any case). */
bool workbook_is_workbook(const char *path);

/*
 * Reads the workbook at PATH, which is recorded as an input of the run
 * (inputs.h).  Only the sheets whose name, in lower case, is in ONLY (a
 * NULL-terminated list of lower-case names) are read; ONLY NULL reads
 * them all.  Returns NULL and sets ERROR (domain WORKBOOK_ERROR, a message
 * without the file name: "not a zip archive", "sheet 'survey', row 3: a
 * cell longer than 1048576 bytes") when the file cannot be read.
 */
struct workbook *workbook_read(const char *path, const char *const *only, GError **error);

/*
 * Reads the XML choice list at PATH (ODK's external instance, for
 * select_one_from_file): a root element holding one element per item
 * (<item>), whose child elements are its columns (<name>, <label>, ...).
 * Returns a workbook of one sheet, "items": a row of the column names, in
 * the order first met, then a row per item, numbered by the line the item
 * starts on (by its position + 1 when items share a line).  PATH is
 * recorded as an input of the run.  Returns NULL and sets ERROR ("XML:
 * line 3: ...", "no <item> inside the root element") when it cannot be
 * read.
 */
struct workbook *workbook_read_items(const char *path, GError **error);

/* Frees W and everything in it.  NULL is allowed. */
void workbook_free(struct workbook *w);

/*
 * The first sheet of the workbook at PATH as the CSV it would be, to be
 * read through csvio like any CSV file, so that every rule of the CSV it
 * stands for holds for it too: a blank line for each row the sheet
 * leaves out, so rows keep the numbers the spreadsheet shows.  Messages
 * name it "PATH[sheet]".  Returns NULL and sets ERROR, as workbook_read()
 * does, when the file cannot be read or has no sheet.  Free with
 * csvio_close().
 */
struct csvio_reader *workbook_open_csv(const char *path, GError **error);

/*
 * A table of rows to read through csvio: the CSV file PATH ("-" for
 * standard input, ',' or ';' between cells), or, when PATH names a
 * workbook, its first sheet as workbook_open_csv() reads it.  The one
 * place that tells reply files and exports apart from workbooks.  Returns
 * NULL after reporting through msg ("quire:PATH: not a zip archive").
 */
struct csvio_reader *workbook_open_table(const char *path);

/*
 * The name of column COL (0-based) as a spreadsheet shows it: 0 -> "A",
 * 26 -> "AA".  Writes into BUF (at least 8 bytes) and returns it.
 */
const char *workbook_column_name(guint col, char *buf);

/*
 * A cell as Excel names it: "Reply!C14" for SHEET "Reply", ROW 14 and COL
 * 2 (0-based); a sheet whose name is not one word is quoted, "'My
 * reply'!C14".  With a PATH, the cell of that workbook as messages name
 * it: "XAA.xlsx:Reply!C14".  Returns a new string.
 */
char *workbook_cell_name(const char *path, const char *sheet, long row, guint col);

#endif
