/* workbook-int.h - what the workbook readers share (internal to workbook) */
#ifndef QUIRE_WORKBOOK_INT_H
#define QUIRE_WORKBOOK_INT_H

#include "workbook.h"

#include <libxml/xmlreader.h>
#include <zip.h>

/*
 * Collects the cells of one sheet as a reader finds them, row by row,
 * and enforces the bounds of workbook.h.  Empty cells may be given or
 * not; rows with no content are left out.
 */
struct workbook_builder {
	struct workbook_sheet *sheet;
	long row;		/* of the cells collected in CELLS */
	GPtrArray *cells;	/* char *, NULL where empty */
	guint64 n_cells;	/* non-empty cells of the sheet so far */
};

/* Adds a sheet named NAME to W and starts collecting its cells into B. */
void workbook_builder_start(struct workbook_builder *b, struct workbook *w, const char *name);
/*
 * Puts TEXT (taken, freed here) in the cell at ROW (1-based) and COL
 * (0-based).  Returns 0, or -1 with ERROR set when a bound is passed.
 */
int workbook_builder_cell(struct workbook_builder *b, long row, guint col, char *text,
			  GError **error);
/* Ends the row being collected; its cells become a row of the sheet. */
void workbook_builder_end_row(struct workbook_builder *b);
/*
 * Repeats the row just ended N more times (an OpenDocument row with
 * number-rows-repeated).  Returns 0, or -1 with ERROR set.
 */
int workbook_builder_repeat_row(struct workbook_builder *b, long n, GError **error);
/* Ends the sheet: sorts its rows and frees what B holds. */
void workbook_builder_finish(struct workbook_builder *b);

/* Opens PATH, a regular file, and records it as an input; returns the descriptor or -1 with ERROR set. */
int workbook_open_input(const char *path, GError **error);

/* Frees a struct workbook_sheet (the free function of a workbook's SHEETS). */
void workbook_sheet_free(gpointer sheet);

/* Whether a sheet named NAME is to be read (workbook_read()'s ONLY). */
bool workbook_wanted(const char *const *only, const char *name);

/* Sets ERROR for a cell longer than CSVIO_MAX_FIELD bytes, in sheet SHEET at ROW, COL. */
int workbook_too_long(const char *sheet, long row, guint col, GError **error);

/* A number as pyxform writes it: "1" for 1.0, "2.5", the shortest form that reads back. */
char *workbook_number_text(double v);
/*
 * The spreadsheet date SERIAL (days since 1899-12-30, or since 1904-01-01
 * when DATE1904) as YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS when it has a time
 * of day, HH:MM:SS for a time alone; NULL when out of range.
 */
char *workbook_date_text(double serial, bool date1904);

/*
 * Reads the member NAME of ZIP into a new buffer (*DATA, *LEN, with a NUL
 * after it).  Returns 1, 0 when there is no such member, or -1 with ERROR
 * set (a member inflating past WORKBOOK_MAX_PART, a corrupt archive).
 */
int workbook_zip_read(zip_t *zip, const char *name, char **data, size_t *len,
		      GError **error);

/* An XML part being read with libxml2's streaming reader; its errors are caught, not printed. */
struct workbook_xml {
	xmlTextReaderPtr reader;
	const char *part;	/* the member's name, for messages */
	char *error;		/* the parser's first error */
};

/* Starts reading the XML in DATA (LEN bytes) as the member PART.  Returns 0 or -1 with ERROR set. */
int workbook_xml_open(struct workbook_xml *x, const char *data, size_t len, const char *part,
		      GError **error);
/*
 * Ends reading X.  RC is the last result of xmlTextReaderRead() or of a
 * reader's own step (-1 = failed with ERROR already set).  Returns 0, or -1
 * with ERROR set when the XML was not well formed.
 */
int workbook_xml_close(struct workbook_xml *x, int rc, GError **error);
/* Whether the node at X is an element named LOCAL (any namespace). */
bool workbook_xml_is(struct workbook_xml *x, int type, const char *local);
/* The attribute LOCAL of the element at X (in namespace NS, or any when NULL); newly allocated or NULL. */
char *workbook_xml_attr(struct workbook_xml *x, const char *ns, const char *local);

/* The readers, one per format; each fills W or sets ERROR. */
int workbook_read_xlsx(struct workbook *w, zip_t *zip, const char *const *only, GError **error);
int workbook_read_ods(struct workbook *w, zip_t *zip, const char *const *only, GError **error);
int workbook_read_xls(struct workbook *w, const char *const *only, GError **error);

#endif
