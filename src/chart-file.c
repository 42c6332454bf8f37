/* chart-file.c - a chart as a PNG, SVG or PDF file, written atomically */
#include <config.h>
#include "chart.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib.h>

#include "atomic.h"
#include "chart-int.h"
#include "isodate.h"
#include "msg.h"

#define PNG_SCALE 2		/* pixels per point */

enum chart_format chart_format_from_path(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot || strchr(dot, '/'))
		return CHART_FORMAT_NONE;
	if (g_ascii_strcasecmp(dot, ".png") == 0)
		return CHART_FORMAT_PNG;
	if (g_ascii_strcasecmp(dot, ".svg") == 0)
		return CHART_FORMAT_SVG;
	if (g_ascii_strcasecmp(dot, ".pdf") == 0)
		return CHART_FORMAT_PDF;
	return CHART_FORMAT_NONE;
}

/* The file a chart goes to; ERR keeps the reason of a failed write for the message. */
struct sink {
	FILE *fp;
	int err;
};

static cairo_status_t sink_write(struct sink *k, const void *data, size_t length)
{
	if (fwrite(data, 1, length, k->fp) == length)
		return CAIRO_STATUS_SUCCESS;
	k->err = errno ? errno : EIO;
	return CAIRO_STATUS_WRITE_ERROR;
}

static cairo_status_t to_file(void *closure, const unsigned char *data, unsigned int length)
{
	return sink_write(closure, data, length);
}

static cairo_status_t to_string(void *closure, const unsigned char *data, unsigned int length)
{
	g_string_append_len(closure, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

/*
 * Cairo draws an SVG's text as glyph outlines, which no reader can read
 * out.  The chart's title and its account in words go in as the SVG's
 * <title> and <desc>, its accessible name and description.
 */
static cairo_status_t write_svg(const struct chart *c, const GString *svg, struct sink *k)
{
	const char *tag = strstr(svg->str, "<svg");
	const char *end = tag ? strchr(tag, '>') : NULL;
	if (!end)
		return CAIRO_STATUS_WRITE_ERROR;
	char *desc = chart_describe(c);
	char *title = g_markup_escape_text(c->title ? c->title : "", -1);
	char *text = g_markup_escape_text(desc, -1);
	size_t head = (size_t)(end - svg->str);
	size_t tail = svg->len - head - 1;
	char *head_end = g_strdup_printf(" role=\"img\">\n<title>%s</title>\n<desc>%s</desc>",
					 title, text);
	cairo_status_t st = sink_write(k, svg->str, head);
	if (st == CAIRO_STATUS_SUCCESS)
		st = sink_write(k, head_end, strlen(head_end));
	if (st == CAIRO_STATUS_SUCCESS)
		st = sink_write(k, end + 1, tail);
	g_free(head_end);
	g_free(desc);
	g_free(title);
	g_free(text);
	return st;
}

/*
 * Cairo stamps a PDF with the time it is made.  Under SOURCE_DATE_EPOCH
 * (reproducible builds) it gets that time instead, so that the same
 * inputs give the same bytes.  chart_write() has checked the variable.
 */
static void set_pdf_date(cairo_surface_t *s)
{
	long long now;
	if (isodate_now(&now) != 0)
		return;
	GDateTime *t = g_date_time_new_from_unix_utc(now);
	char *date = g_date_time_format(t, "%Y-%m-%dT%H:%M:%SZ");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	g_free(date);
	g_date_time_unref(t);
}

static cairo_surface_t *create_surface(const struct chart *c, enum chart_format format,
				       struct sink *k, GString *svg, double w, double h)
{
	cairo_surface_t *s;
	switch (format) {
	case CHART_FORMAT_PNG:
		s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)(w * PNG_SCALE),
					       (int)(h * PNG_SCALE));
		cairo_surface_set_device_scale(s, PNG_SCALE, PNG_SCALE);
		return s;
	case CHART_FORMAT_SVG:
		s = cairo_svg_surface_create_for_stream(to_string, svg, w, h);
		cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
		return s;
	case CHART_FORMAT_PDF:
	case CHART_FORMAT_NONE:
		break;
	}
	s = cairo_pdf_surface_create_for_stream(to_file, k, w, h);
	if (c->title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, c->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, PACKAGE_STRING);
	set_pdf_date(s);
	return s;
}

/* Draws C on a new surface of FORMAT and writes it to FP; returns the first failure. */
static cairo_status_t render(const struct chart *c, enum chart_format format, struct sink *k,
			     double w, double h)
{
	GString *svg = format == CHART_FORMAT_SVG ? g_string_new(NULL) : NULL;
	cairo_surface_t *s = create_surface(c, format, k, svg, w, h);
	cairo_status_t st = cairo_surface_status(s);
	if (st == CAIRO_STATUS_SUCCESS) {
		cairo_t *cr = cairo_create(s);
		st = cairo_status(cr);
		if (st == CAIRO_STATUS_SUCCESS && format == CHART_FORMAT_PNG) {
			/* A white ground: transparent PNGs show black in some viewers. */
			cairo_set_source_rgb(cr, 1, 1, 1);
			cairo_paint(cr);
			st = cairo_status(cr);
		}
		if (st == CAIRO_STATUS_SUCCESS)
			st = chart_draw(c, cr, 0, 0, w, h);
		cairo_destroy(cr);
	}
	if (st == CAIRO_STATUS_SUCCESS && format == CHART_FORMAT_PNG) {
		cairo_surface_flush(s);
		st = cairo_surface_status(s);
		if (st == CAIRO_STATUS_SUCCESS)
			st = cairo_surface_write_to_png_stream(s, to_file, k);
	} else if (st == CAIRO_STATUS_SUCCESS) {
		/* A vector surface writes its last bytes when finished. */
		cairo_surface_finish(s);
		st = cairo_surface_status(s);
	}
	cairo_surface_destroy(s);
	if (st == CAIRO_STATUS_SUCCESS && svg)
		st = write_svg(c, svg, k);
	if (svg)
		g_string_free(svg, TRUE);
	return st;
}

int chart_write(const struct chart *c, const char *path, double width, double height)
{
	enum chart_format format = chart_format_from_path(path);
	if (format == CHART_FORMAT_NONE)
		return msg_error_at(path, 0, "cannot write chart: the name must end in .png, .svg "
				    "or .pdf");
	if (!(width > 0))
		/* TRANSLATORS: %g is the width asked for, not a positive number. */
		return msg_error_at(path, 0, "cannot write chart: a width of %g points", width);
	if (format == CHART_FORMAT_PDF && isodate_now(NULL) != 0)
		return -1;	/* the PDF is dated */
	if (!(height > 0))
		height = chart_natural_height(c, width);
	/* Whole points, so that a PNG's pixels cover the chart exactly. */
	width = ceil(width);
	height = ceil(height);
	struct atomic_file *f = atomic_open(path);
	if (!f)
		return -1;
	struct sink sink = { atomic_stream(f), 0 };
	cairo_status_t st = render(c, format, &sink, width, height);
	if (st != CAIRO_STATUS_SUCCESS) {
		atomic_abort(f);
		if (sink.err)
			return msg_error_at(path, 0, "write error: %s", g_strerror(sink.err));
		/* TRANSLATORS: %s is why, in cairo's words (English). */
		return msg_error_at(path, 0, "cannot write chart: %s", cairo_status_to_string(st));
	}
	return atomic_commit(f);
}
