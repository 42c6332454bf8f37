/* typeface.h - the faces every drawn string is set in, and how Pango sets them */
#ifndef QUIRE_TYPEFACE_H
#define QUIRE_TYPEFACE_H

#include <pango/pango.h>

/*
 * The families of the report, the printed questionnaire and the charts,
 * chosen by script: Noto for Latin, Greek and Cyrillic, Noto Naskh (serif)
 * or Noto Sans Arabic for Arabic, and the Simplified Chinese cut of Noto
 * CJK for Chinese (fontconfig would otherwise take the Japanese one for
 * Han characters).  Append a style and a size: TYPEFACE_SANS " Bold 11".
 */
#define TYPEFACE_SERIF "Noto Serif, Noto Naskh Arabic, Noto Serif CJK SC"
#define TYPEFACE_SANS "Noto Sans, Noto Sans Arabic, Noto Sans CJK SC"
#define TYPEFACE_MONO "DejaVu Sans Mono"

/*
 * Sets CTX to lay text out in points, unhinted and unrounded, so that a
 * layout measures the same on every surface and size is what the font
 * description says (Pango's default of 96 dpi would set 10.5 at 14 pt);
 * glyph advances rounded to whole points would also open gaps inside
 * joined (Arabic) words, which text extraction then reads as spaces.
 */
void typeface_set_context(PangoContext *ctx);

#endif
