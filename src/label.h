/* label.h - the text of a label or hint as people read it, without its markup */
#ifndef QUIRE_LABEL_H
#define QUIRE_LABEL_H

/*
 * XLSForm labels and hints may carry the markup ODK Collect and Enketo
 * render: HTML tags (<span style="color:red">x</span>, <br>), the
 * entities &amp; &lt; &gt; &quot; &#39; &nbsp;, and markdown -- **bold**,
 * __bold__, *em* and _em_ (at word boundaries, so that has_law or 5 * 3
 * stay as they are), "# heading" at the start of a line and
 * [text](url).  Returns TEXT as plain text, newly allocated: tags and
 * markers dropped, entities decoded, <br> a line break, a link its text.
 * ${name} references are kept as written.
 */
char *label_plain(const char *text);

#endif
