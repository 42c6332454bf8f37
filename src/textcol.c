/* textcol.c - text in fixed-width columns, measured in terminal cells */
#include <config.h>
#include "textcol.h"

#include <string.h>
#include <glib.h>

#include "msg.h"

static int cell_width(gunichar c)
{
	if (g_unichar_iszerowidth(c))
		return 0;
	return g_unichar_iswide(c) ? 2 : 1;
}

/* S with invalid bytes replaced, line ends and tabs made spaces, other controls escaped. */
static char *printable(const char *s)
{
	char *valid = g_utf8_make_valid(s, -1);
	GString *out = g_string_sized_new(strlen(valid));
	for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f')
			g_string_append_c(out, ' ');
		else
			g_string_append_unichar(out, c);
	}
	char *shown = msg_printable(out->str);
	g_string_free(out, TRUE);
	g_free(valid);
	return shown;
}

int textcol_width(const char *s)
{
	char *text = printable(s);
	int w = 0;
	for (const char *p = text; *p; p = g_utf8_next_char(p))
		w += cell_width(g_utf8_get_char(p));
	g_free(text);
	return w;
}

char *textcol_fit(const char *s, int width, bool pad, bool right)
{
	char *text = printable(s);
	GString *out = g_string_new(NULL);
	int w = textcol_width(text);
	if (w > width) {
		/* Keep what fits in WIDTH - 1 cells, then the ellipsis. */
		w = 0;
		for (const char *p = text; *p && width > 0; p = g_utf8_next_char(p)) {
			gunichar c = g_utf8_get_char(p);
			if (w + cell_width(c) > width - 1)
				break;
			g_string_append_unichar(out, c);
			w += cell_width(c);
		}
		if (width > 0) {
			g_string_append(out, "\u2026");
			w++;
		}
	} else {
		g_string_append(out, text);
	}
	g_free(text);
	while (pad && w < width) {
		if (right)
			g_string_prepend_c(out, ' ');
		else
			g_string_append_c(out, ' ');
		w++;
	}
	return g_string_free(out, FALSE);
}
