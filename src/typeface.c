/* typeface.c - the faces every drawn string is set in, and how Pango sets them */
#include <config.h>
#include "typeface.h"

#include <pango/pangocairo.h>

#include "i18n.h"

void typeface_set_context(PangoContext *ctx)
{
	pango_cairo_context_set_resolution(ctx, 72);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	pango_context_set_language(ctx, pango_language_from_string(i18n_language()));
}
