/* chart.h - charts for the report: a model of labels and numbers, drawn with cairo and Pango */
#ifndef QUIRE_CHART_H
#define QUIRE_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <cairo.h>

/*
 * A chart is built from plain data -- a title, category labels, series of
 * counts, a base and a note -- and knows nothing of forms or replies (the
 * split of PSPP's chart models from their cairo drawing).  The model
 * (chart.c) holds the data; chart-draw.c and the chart-<type>.c files
 * draw it; chart-file.c writes PNG, SVG and PDF files.
 *
 * Every string given is copied, in UTF-8, and drawn through Pango, so any
 * script lays out (Arabic right to left, Chinese).  Lengths are in points
 * (1/72 inch); a chart draws the same at any position and size of any
 * cairo surface.
 *
 * What each type reads:
 *
 *   CHART_BAR        series 0: one bar per category, on a track as long
 *                    as the series base, labelled "7 of 9" or "78%"
 *   CHART_PIE, DONUT series 0, as for bars; at most CHART_PIE_MAX slices
 *                    make sense (the caller decides)
 *   CHART_STACKED    one 100% bar per series (a roster group, say), cut
 *                    into its categories
 *   CHART_GROUPED    one group of bars per category, a bar per series
 *   CHART_HISTOGRAM  the runs (value, count), in 1-2-5 bins
 *   CHART_DOTPLOT    the runs, one dot per unit of count
 *   CHART_TIMELINE   the dates, cumulated, with the cut-off
 *
 * A series' base is the number its counts are out of (the States that
 * answered); percentages are of it.  Categories with a count of 0 are
 * drawn like the others.  A chart without data draws its title, base and
 * note and says that there is no data, instead of empty axes.
 */

enum chart_type {
	CHART_BAR,
	CHART_STACKED,
	CHART_GROUPED,
	CHART_PIE,
	CHART_DONUT,
	CHART_HISTOGRAM,
	CHART_DOTPLOT,
	CHART_TIMELINE,
};

/* Above this many categories a pie is no longer read; use bars. */
#define CHART_PIE_MAX 6

/* How bars and slices are labelled. */
enum chart_label {
	CHART_LABEL_COUNT,	/* "7 of 9" */
	CHART_LABEL_PERCENT,	/* "78%" */
};

/*
 * The few words a chart writes itself, English by default.  "{k}", "{n}"
 * and "{date}" are replaced by the numbers and dates they name.
 */
enum chart_text {
	CHART_TEXT_K_OF_N,	/* "{k} of {n}" */
	CHART_TEXT_N,		/* "n = {n}": a series' base */
	CHART_TEXT_NO_DATA,	/* "No data to chart" */
	CHART_TEXT_NO_REPLIES,	/* "no replies": a series whose base is 0 */
	CHART_TEXT_CUTOFF,	/* "Cut-off {date}" */
	CHART_TEXT_ON_TIME,	/* "{k} by the cut-off" */
	CHART_TEXT_LATE,	/* "{k} late" */
	CHART_TEXT_TOTAL,	/* "{k} replies" (a timeline without a cut-off) */
	CHART_TEXT_MONTHS,	/* "Jan Feb ... Dec": twelve names, separated by spaces */
	CHART_N_TEXTS,
};

struct chart;

/* A new empty chart of TYPE; free it with chart_free(). */
struct chart *chart_new(enum chart_type type);
/* Frees C and everything it holds; NULL is allowed. */
void chart_free(struct chart *c);

enum chart_type chart_type(const struct chart *c);
/* The type named NAME ("bar", "stacked", ...); false when there is none. */
bool chart_type_from_name(const char *name, enum chart_type *type);
const char *chart_type_name(enum chart_type type);

/* The title, drawn bold at the top and wrapped. */
void chart_set_title(struct chart *c, const char *title);
/* The base, drawn under the title: "n = 9 replying States". */
void chart_set_base(struct chart *c, const char *base);
/* A note drawn under the chart, e.g. why shares sum past 100%. */
void chart_set_note(struct chart *c, const char *note);
/* That note, or NULL; owned by the chart. */
const char *chart_note(const struct chart *c);

/*
 * Rows: the categories of a bar or grouped chart, between which a page
 * break may split it.  chart_rows() is their number, 1 for a chart of any
 * other type (which is never split).  chart_set_window() makes the chart
 * lay out and draw only rows FIRST to LAST - 1, as a part of it on a page:
 * on the same axis and with the same label column as the whole, so that
 * its parts line up; its height is then the part's.  LAST = 0: all rows;
 * FIRST = LAST = N (the number of rows): none, the part's overhead alone.
 */
size_t chart_rows(const struct chart *c);
void chart_set_window(struct chart *c, size_t first, size_t last);
void chart_set_label(struct chart *c, enum chart_label label);
/* Replaces one of the chart's own words (see enum chart_text). */
void chart_set_text(struct chart *c, enum chart_text which, const char *text);

/*
 * Categories and series (bars, pies, stacked and grouped bars).  Returns
 * the new category's or series' index.  A series' LABEL may be NULL for
 * a chart of one series; BASE is what its counts are out of.
 */
size_t chart_add_category(struct chart *c, const char *label);
size_t chart_add_series(struct chart *c, const char *label, double base);
/* Sets the count of CATEGORY in SERIES (both already added); counts start at 0. */
void chart_set_value(struct chart *c, size_t series, size_t category, double count);

/* Numbers (histogram, dot plot): COUNT answers gave VALUE. */
void chart_add_run(struct chart *c, double value, double count);

/*
 * Dates (timeline): a reply received on DAY (a day number, see isodate.h),
 * LATE when after the cut-off.  The cut-off is marked when set.
 */
void chart_add_date(struct chart *c, int day, bool late);
void chart_set_cutoff(struct chart *c, int day);

/* Whether C has nothing to chart (no answers, no replies). */
bool chart_is_empty(const struct chart *c);

/*
 * A plain-text account of C: title, base, each category with its counts,
 * and the note, one per line.  The text alternative of the picture (an
 * SVG's <desc>); free it with g_free().
 */
char *chart_describe(const struct chart *c);

/*
 * The height C needs when drawn WIDTH points wide: it follows the number
 * of categories and how their labels wrap.
 */
double chart_natural_height(const struct chart *c, double width);

/*
 * Draws C into the rectangle X, Y, WIDTH, HEIGHT of CR, leaving CR's
 * state as it was.  Given less than its natural height, the chart is
 * scaled down whole rather than letting labels collide; given more, the
 * rows or the plot grow.  Returns CR's status afterwards (not
 * CAIRO_STATUS_SUCCESS when drawing failed); never exits.
 */
cairo_status_t chart_draw(const struct chart *c, cairo_t *cr, double x, double y, double width,
			  double height);

/* Output formats, chosen from a file's extension. */
enum chart_format {
	CHART_FORMAT_NONE = -1,
	CHART_FORMAT_PNG,	/* raster, at twice the size in points (2 pixels a point) */
	CHART_FORMAT_SVG,
	CHART_FORMAT_PDF,
};

/* The format for PATH's extension (".png", ".svg", ".pdf", any case), or CHART_FORMAT_NONE. */
enum chart_format chart_format_from_path(const char *path);

/*
 * Writes C to PATH, WIDTH points wide and HEIGHT high (0: the natural
 * height), in the format its extension names.  The file is written
 * atomically: on any error, reported as "quire:PATH: cannot write chart:
 * REASON", no file is left and an old one is kept.  A PDF is dated by
 * isodate_now() (SOURCE_DATE_EPOCH), whose failure is reported too.
 * Returns 0 or -1.
 */
int chart_write(const struct chart *c, const char *path, double width, double height);

/*
 * Frees what Pango keeps for the whole process: its default font map and
 * the fonts cached in it.  For a clean exit under a leak checker; call it
 * when no more charts will be drawn (drawing again makes a new font map).
 */
void chart_release_caches(void);

#endif
