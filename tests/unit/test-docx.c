/* test-docx.c - unit tests for the Word writer: the package, its parts and what they hold */
#include <config.h>
#include "doc.h"

#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>
#include <glib.h>

#include "msg.h"
#include "tap.h"

#define FIGURE_HEIGHT 144.0

static bool draw_box(void *data, cairo_t *cr, double width, double height)
{
	(void)data;
	cairo_rectangle(cr, 10, 10, width - 20, height - 20);
	cairo_fill(cr);
	return true;
}

static bool draw_fail(void *data, cairo_t *cr, double width, double height)
{
	(void)data;
	(void)cr;
	(void)width;
	(void)height;
	return false;
}

/* A document with one block of every kind. */
static struct doc *every_block(doc_draw_fn draw)
{
	struct doc *d = doc_new(DOC_A4);
	doc_set_info(d, "Test title", "The Rapporteur", "A subject", "quire test",
		     "2019-09-02T00:00:00Z");
	doc_set_running_head(d, "Organisation", "SYM/1");
	doc_set_language(d, "fr");
	struct doc_cover c = { "Test Organisation", "SYM/1", "2 September 2019",
			       "Fourth Meeting", "Hangzhou, 2-4 September 2019", "Special Needs",
			       "Summary of replies",
			       "Prepared by the Rapporteur", "The replies are fictional.",
			       { "Name", "Signature", NULL }, "Distr.: General", "Original: English",
			       "Item 3 of the provisional agenda", "SYM/AGENDA/1." };
	doc_cover(d, &c);
	doc_heading(d, 1, "1", "Summary of replies");
	doc_heading(d, 2, "1.1", "Second level");
	doc_heading(d, 3, NULL, "Third level");
	doc_paragraph(d, "1.1", "Markup stays text: <&> and \"quotes\".");
	ok(doc_footnote(d, "A footnote to 1.1."), "a footnote to a paragraph");
	ok(!doc_footnote(d, "A second one."), "one footnote to a paragraph");
	doc_item(d, "1.2", "A ragged item.");
	doc_paragraph(d, "1.3", "\xd9\x87\xd8\xb0\xd8\xa7 \xd9\x86\xd8\xb5 "
			  "\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a.");	/* Arabic: "this is Arabic text" */
	const char *labels[] = { "Yes", "No" };
	doc_choices(d, DOC_BOX_SQUARE, labels, 2);
	doc_choices(d, DOC_BOX_ROUND, labels, 2);
	doc_note(d, "A note under the table.\x1b[2J\nA second line.");	/* ESC: not XML */
	doc_quote(d, "State A", "We welcome the questionnaire.");
	doc_space(d, 12);
	doc_group_begin(d);
	struct doc_table *t = doc_table_new(3, (const double[]){ 0.5, 0.25, 0.25 });
	doc_table_align(t, 1, DOC_RIGHT);
	doc_table_align(t, 2, DOC_CENTER);
	doc_table_header(t, (const char *const[]){ "Region", "States", "Share" });
	doc_table_row(t, (const char *const[]){ "Asia", "6", "67%" }, false);
	doc_table_row(t, (const char *const[]){ "Total", "9", "100%" }, true);
	doc_table(d, t);
	t = doc_table_new(1, NULL);
	doc_table_row(t, (const char *const[]){ "A second table" }, false);
	doc_table(d, t);
	doc_group_end(d);
	doc_page_break(d);
	doc_figure(d, FIGURE_HEIGHT, draw, NULL, NULL);
	return d;
}

/* The bytes of member NAME of the zip archive at PATH, or NULL. */
static char *zip_member(const char *path, const char *name, size_t *len)
{
	int err;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	if (!z)
		return NULL;
	zip_stat_t st;
	char *data = NULL;
	zip_file_t *f = NULL;
	if (zip_stat(z, name, 0, &st) == 0 && (f = zip_fopen(z, name, 0))) {
		data = g_malloc(st.size + 1);
		if (zip_fread(f, data, st.size) != (zip_int64_t)st.size) {
			g_free(data);
			data = NULL;
		} else {
			data[st.size] = '\0';
			*len = st.size;
		}
		zip_fclose(f);
	}
	zip_discard(z);
	return data;
}

/* The number of nodes XPATH selects in DOC, with the WordprocessingML prefixes. */
static int count(xmlDocPtr doc, const char *xpath)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(ctx, BAD_CAST "w",
			   BAD_CAST "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
	xmlXPathRegisterNs(ctx, BAD_CAST "wp",
			   BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/"
				    "wordprocessingDrawing");
	xmlXPathRegisterNs(ctx, BAD_CAST "r",
			   BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/"
				    "relationships");
	xmlXPathRegisterNs(ctx, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
	xmlXPathRegisterNs(ctx, BAD_CAST "a",
			   BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/main");
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
	int n = o && o->nodesetval ? o->nodesetval->nodeNr : -1;
	if (o && o->type == XPATH_BOOLEAN)
		n = o->boolval;
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return n;
}

static xmlDocPtr parse_member(const char *path, const char *name)
{
	size_t len = 0;
	char *data = zip_member(path, name, &len);
	xmlDocPtr doc = data ? xmlReadMemory(data, (int)len, name, NULL, XML_PARSE_NONET) : NULL;
	g_free(data);
	return doc;
}

static void test_package(const char *dir)
{
	char *path = g_build_filename(dir, "every.docx", NULL);
	struct doc *d = every_block(draw_box);
	check_int(doc_write_docx(d, path), 0);

	/* every part is there and is well-formed XML */
	int err;
	zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	ok(z != NULL, "the file is a zip archive");
	if (!z) {
		doc_free(d);
		g_free(path);
		return;
	}
	static const char *const wanted[] = { "[Content_Types].xml", "_rels/.rels",
					      "word/document.xml", "word/styles.xml",
					      "word/settings.xml", "word/_rels/document.xml.rels",
					      "docProps/core.xml", "docProps/app.xml",
					      "word/media/image1.png" };
	for (size_t i = 0; i < G_N_ELEMENTS(wanted); i++)
		ok(zip_name_locate(z, wanted[i], 0) >= 0, "the package holds %s", wanted[i]);
	check_str(zip_get_name(z, 0, 0), "[Content_Types].xml");
	zip_int64_t n = zip_get_num_entries(z, 0);
	int xml_parts = 0, well_formed = 0;
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
		if (!g_str_has_suffix(name, ".xml") && !g_str_has_suffix(name, ".rels"))
			continue;
		xml_parts++;
		xmlDocPtr doc = parse_member(path, name);
		if (doc)
			well_formed++;
		else
			tap_diag("%s is not well-formed", name);
		xmlFreeDoc(doc);
	}
	zip_discard(z);
	ok(xml_parts >= 8, "eight XML parts or more (%d)", xml_parts);
	check_int(well_formed, xml_parts);

	xmlDocPtr doc = parse_member(path, "word/document.xml");
	ok(doc != NULL, "word/document.xml parses");
	if (doc) {
		ok(count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading1']"
			      "[normalize-space(.)='1Summary of replies']") == 1,
		   "a level 1 heading in Heading1, its number first");
		ok(count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading2']") == 1, "Heading2");
		ok(count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading3']") == 1, "Heading3");
		ok(count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Title'][.='Special Needs']") == 1,
		   "the cover's title in the Title style");
		ok(count(doc, "//w:p[w:pPr/w:pBdr/w:left][.='The replies are fictional.']") == 1,
		   "the cover's notice in a framed paragraph");
		ok(count(doc, "//w:p[.='Signature']") == 1, "the cover's blanks are labelled");
		ok(count(doc, "//w:t[.='Markup stays text: <&> and \xe2\x80\x9cquotes\xe2\x80\x9d.']") == 1,
		   "markup characters are text, straight quotes set as typographic ones");
		ok(count(doc, "//w:p[w:pPr/w:jc/@w:val='both'][w:pPr/w:ind/@w:hanging='680']"
			      "[w:r/w:tab][starts-with(., '1.1')]") == 1,
		   "a numbered paragraph: justified, its number hanging before a tab");
		ok(count(doc, "//w:p[not(w:pPr/w:jc)][starts-with(., '1.2')]") == 1,
		   "an item is ragged");
		ok(count(doc, "//w:p[w:pPr/w:bidi][starts-with(., '1.3')][w:r/w:rPr/w:rtl]") == 1,
		   "Arabic text reads right to left");
		ok(count(doc, "//w:p[not(w:pPr/w:bidi)][starts-with(., '1.1Markup')]") == 1,
		   "Latin text does not");
		ok(count(doc, "//w:p[.='\xe2\x98\x90\tYes' or .='\xe2\x98\x90Yes']") == 1,
		   "a square box before a choice");
		ok(count(doc, "//w:p[starts-with(., '\xe2\x97\x8b')]") == 2, "round boxes");
		ok(count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Note'][w:r/w:br]"
			      "[.='A note under the table.\xef\xbf\xbd[2JA second line.']") == 1,
		   "a note, a control character replaced, its line end a break");
		ok(count(doc, "//w:p[w:pPr/w:pStyle/@w:val='Quote']") == 2,
		   "a quote and its attribution");
		ok(count(doc, "//w:tbl[1]/w:tr[1][w:trPr/w:tblHeader][.='RegionStatesShare']") == 1,
		   "the table's header row repeats");
		char col[100];
		g_snprintf(col, sizeof col, "//w:tbl[1]/w:tblGrid/w:gridCol[1][@w:w='%ld']",
			   lround(doc_text_width(d) * 0.5 * 20));
		ok(count(doc, col) == 1, "a column of half the text width, in twips");
		ok(count(doc, "//w:body/w:tbl") == 2 &&
			   count(doc, "//w:body/w:tbl/following-sibling::*[1][self::w:tbl]") == 0,
		   "two tables one after the other stay two");
		ok(count(doc, "//w:tbl[1]/w:tr[2]/w:tc[2]/w:p/w:pPr/w:jc[@w:val='right']") == 1,
		   "a column aligned right");
		ok(count(doc, "//w:tbl[1]/w:tr[3]/w:tc[1]//w:rPr/w:b") == 1, "a bold row");
		ok(count(doc, "//w:p[w:pPr/w:pageBreakBefore][.//wp:inline]") == 1,
		   "the page break falls before the figure");
		char want[160];
		g_snprintf(want, sizeof want, "//wp:inline/wp:extent[@cx='%ld'][@cy='%ld']",
			   (long)(doc_text_width(d) * 12700 + 0.5), (long)(FIGURE_HEIGHT * 12700));
		ok(count(doc, want) == 1, "the figure is placed at its size in EMU");
		ok(count(doc, "//w:sectPr/w:pgSz[@w:w='11906'][@w:h='16838']") == 1, "A4 paper");
		xmlFreeDoc(doc);
	}
	doc = parse_member(path, "docProps/core.xml");
	ok(doc && count(doc, "//dc:title[.='Test title']") == 1, "the title in core.xml");
	ok(doc && count(doc, "//dc:creator[.='The Rapporteur']") == 1, "the author in core.xml");
	xmlFreeDoc(doc);
	doc = parse_member(path, "word/styles.xml");
	ok(doc && count(doc, "//w:style[@w:styleId='Heading1']/w:pPr"
			     "/w:outlineLvl[@w:val='0']") == 1,
	   "Heading1 is an outline level, for Word's table of contents");
	ok(doc && count(doc, "//w:style[@w:styleId='Normal']"
			     "//w:rFonts[@w:ascii='Noto Serif']") == 1,
	   "the body in Noto Serif");
	ok(doc && count(doc, "//w:docDefaults/w:rPrDefault/w:rPr/w:lang[@w:val='fr']") == 1,
	   "the document's language, for Word's proofing and hyphenation");
	xmlFreeDoc(doc);
	doc = parse_member(path, "word/footnotes.xml");
	ok(doc && count(doc, "/w:footnotes/w:footnote[@w:type='separator'][@w:id='-1']") == 1 &&
		   count(doc, "/w:footnotes/w:footnote[@w:type='continuationSeparator']"
			      "[@w:id='0']") == 1,
	   "footnotes.xml has Word's two separators");
	/* ids in the order of the references, as LibreOffice reads them */
	ok(doc && count(doc, "/w:footnotes/w:footnote[3][@w:id='1'][not(.//w:footnoteRef)]"
			     "[normalize-space(.)='*SYM/AGENDA/1.']") == 1,
	   "the agenda line's footnote first, marked *");
	ok(doc && count(doc, "/w:footnotes/w:footnote[4][@w:id='2'][.//w:footnoteRef]"
			     "[normalize-space(.)='A footnote to 1.1.']") == 1,
	   "then the paragraph's, numbered by Word");
	xmlFreeDoc(doc);
	doc = parse_member(path, "word/document.xml");
	ok(doc && count(doc, "//w:p[starts-with(., '1.1')]/w:r[last()]"
			     "[w:rPr/w:rStyle/@w:val='FootnoteReference']/w:footnoteReference"
			     "[@w:id='2'][not(@w:customMarkFollows)]") == 1,
	   "the paragraph refers to its footnote at its end");
	ok(doc && count(doc, "//w:p[starts-with(., 'Item 3 of the provisional agenda')]/w:r"
			     "[w:footnoteReference[@w:id='1'][@w:customMarkFollows='1']][w:t='*']") == 1,
	   "the agenda line to its own, with the mark *");
	xmlFreeDoc(doc);
	doc = parse_member(path, "[Content_Types].xml");
	ok(doc && count(doc, "//*[@PartName='/word/footnotes.xml'][contains(@ContentType, "
			     "'footnotes+xml')]") == 1,
	   "the footnotes' content type");
	xmlFreeDoc(doc);
	doc = parse_member(path, "word/_rels/document.xml.rels");
	ok(doc && count(doc, "//*[@Target='footnotes.xml'][contains(@Type, '/footnotes')]") == 1,
	   "and their relationship");
	xmlFreeDoc(doc);
	doc = parse_member(path, "word/styles.xml");
	ok(doc && count(doc, "//w:style[@w:type='character'][@w:styleId='FootnoteReference']"
			     "/w:rPr/w:vertAlign[@w:val='superscript']") == 1,
	   "a footnote reference is raised");
	ok(doc && count(doc, "//w:style[w:pPr/w:suppressAutoHyphens]") > 0 &&
		   count(doc, "//w:style[@w:styleId='Normal' or @w:styleId='Note' or "
			      "@w:styleId='Quote' or @w:styleId='FootnoteText']"
			      "[w:pPr/w:suppressAutoHyphens]") == 0 &&
		   count(doc, "//w:style[@w:styleId='Title' or starts-with(@w:styleId, 'Heading')]"
			      "[not(w:pPr/w:suppressAutoHyphens)]") == 0,
	   "Word hyphenates running text only, never a title or a heading");
	xmlFreeDoc(doc);
	doc = parse_member(path, "word/settings.xml");
	ok(doc && count(doc, "/w:settings/w:autoHyphenation[following-sibling::w:doNotHyphenateCaps]"
			     "[preceding-sibling::w:defaultTabStop]") == 1,
	   "Word hyphenates, never a word in capitals, the settings in the schema's order");
	xmlFreeDoc(doc);

	size_t len = 0;
	unsigned char *png = (unsigned char *)zip_member(path, "word/media/image1.png", &len);
	ok(png && len > 8 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0, "the figure is a PNG");
	if (png && len > 24) {
		unsigned w = (unsigned)png[16] << 24 | (unsigned)png[17] << 16 | png[18] << 8 |
			     png[19];
		unsigned h = (unsigned)png[20] << 24 | (unsigned)png[21] << 16 | png[22] << 8 |
			     png[23];
		check_int(w, (long long)(doc_text_width(d) / 72 * 300 + 0.999));
		check_int(h, 600);
	}
	g_free(png);
	doc_free(d);

	/*
	 * Two writes of one document are the same, member by member.  cairo
	 * numbers its SVG surfaces through the process, so a second write in
	 * the same process names the SVG's symbols apart; two runs of quire
	 * give the same bytes, SVG and all (t7020).
	 */
	char *again = g_build_filename(dir, "again.docx", NULL);
	d = every_block(draw_box);
	check_int(doc_write_docx(d, again), 0);
	doc_free(d);
	bool same = true;
	int zerr;
	zip_t *za = zip_open(path, ZIP_RDONLY, &zerr), *zb = zip_open(again, ZIP_RDONLY, &zerr);
	same = za && zb && zip_get_num_entries(za, 0) == zip_get_num_entries(zb, 0);
	for (zip_int64_t i = 0; same && i < zip_get_num_entries(za, 0); i++) {
		const char *name = zip_get_name(za, (zip_uint64_t)i, 0);
		same = name && strcmp(name, zip_get_name(zb, (zip_uint64_t)i, 0)) == 0;
		if (!same || g_str_has_suffix(name, ".svg"))
			continue;
		size_t la = 0, lb = 0;
		char *ma = zip_member(path, name, &la), *mb = zip_member(again, name, &lb);
		same = ma && mb && la == lb && memcmp(ma, mb, la) == 0;
		g_free(ma);
		g_free(mb);
	}
	if (za)
		zip_discard(za);
	if (zb)
		zip_discard(zb);
	ok(same, "the output is reproducible");
	size_t svg_len = 0;
	char *svg = zip_member(path, "word/media/image1.svg", &svg_len);
	ok(svg && g_str_has_prefix(svg, "<?xml") && strstr(svg, "<svg") &&
		   strstr(svg, "width=\"") && strstr(svg, "pt\""),
	   "each figure is also an SVG, sized in points");
	g_free(svg);
	xmlDocPtr rels = parse_member(path, "word/_rels/document.xml.rels");
	ok(rels && count(rels, "//*[local-name()='Relationship'][@Id='rIdSvg1']"
			       "[@Target='media/image1.svg']") == 1,
	   "related to the document");
	xmlFreeDoc(rels);
	xmlDocPtr body = parse_member(path, "word/document.xml");
	ok(body && count(body, "//a:blip[@r:embed='rIdImage1']/a:extLst/a:ext"
			       "[@uri='{96DAC541-7B7A-43D3-8B79-37D633B846F1}']/*[local-name()='svgBlip']"
			       "[@r:embed='rIdSvg1']") == 1,
	   "and placed as the SVG alternative of its PNG");
	xmlFreeDoc(body);
	g_free(again);
	g_free(path);
}

static void test_failures(const char *dir)
{
	char *path = g_build_filename(dir, "good.docx", NULL);
	g_file_set_contents(path, "a good file", -1, NULL);
	GString *heard = g_string_new(NULL);
	GString *before = msg_capture(heard);
	struct doc *d = every_block(draw_fail);
	check_int(doc_write_docx(d, path), -1);
	doc_free(d);
	msg_capture(before);
	char *want = g_strdup_printf("quire:%s: cannot write the Word document: a figure could "
				     "not be drawn\n", path);
	check_str(heard->str, want);
	g_free(want);
	gchar *kept = NULL;
	ok(g_file_get_contents(path, &kept, NULL, NULL) && strcmp(kept, "a good file") == 0,
	   "a failed write leaves the file as it was");
	g_free(kept);

	g_string_truncate(heard, 0);
	before = msg_capture(heard);
	d = every_block(draw_box);
	check_int(doc_write_docx(d, "/nonexistent/dir/x.docx"), -1);
	doc_free(d);
	msg_capture(before);
	ok(g_str_has_prefix(heard->str, "quire:/nonexistent/dir/x.docx: cannot write"),
	   "an output that cannot be made is named: %s", heard->str);
	g_string_free(heard, TRUE);
	g_free(path);
}

static void test_writer_for(void)
{
	ok(doc_writer_for("a/report.pdf") == doc_write_pdf, ".pdf is PDF");
	ok(doc_writer_for("REPORT.PDF") == doc_write_pdf, ".PDF is PDF");
	ok(doc_writer_for("report.docx") == doc_write_docx, ".docx is Word");
	ok(doc_writer_for("Report.DocX") == doc_write_docx, ".DocX is Word");
	ok(doc_writer_for("report.txt") == NULL, ".txt is neither");
	ok(doc_writer_for("report") == NULL, "no extension is neither");
	ok(doc_writer_for("a.docx/report") == NULL, "a directory's extension does not count");
	ok(doc_writer_for("/dev/null") == doc_write_pdf, "a device gets the PDF");
}

/*
 * The document's sentences keep "p = 0.45", "n = 9", "7 of 9" and "para.
 * 12" on one line with no-break spaces; words that merely look alike
 * ("top = 5", "2019 of them", "a p = b") keep their spaces, and a
 * verbatim answer is left as written.
 */
static void test_no_break(const char *dir)
{
	char *path = g_build_filename(dir, "nbsp.docx", NULL);
	struct doc *d = doc_new(DOC_A4);
	doc_paragraph(d, "1", "Fisher's exact test gives p = 0.45 and p < 0.0001 on 7 of 9 States "
		      "(para. 12); top = 5, 2019 of them, a p = b.  Two spaces.");
	doc_caption(d, "Figure 1. n = 9 replying");
	doc_quote(d, "State A", "p = 0.45 as written");
	check_int(doc_write_docx(d, path), 0);
	xmlDocPtr doc = parse_member(path, "word/document.xml");
#define NBSP "\xc2\xa0"
	ok(doc && count(doc, "//w:p[starts-with(., '1Fisher\xe2\x80\x99s exact') and contains(., 'p" NBSP "=" NBSP
			     "0.45 and p" NBSP "<" NBSP "0.0001 on 7" NBSP "of" NBSP "9 States "
			     "(para." NBSP "12); top = 5, 2019 of them, a p = b. Two spaces.')]") == 1,
	   "no-break spaces in p = 0.45, 7 of 9 and para. 12, and nowhere else; one space "
	   "after a sentence; a typographic apostrophe");
	ok(doc && count(doc, "//w:p[. = 'Figure 1. n" NBSP "=" NBSP "9 replying']") == 1,
	   "and in a caption's n = 9");
	ok(doc && count(doc, "//w:p[. = 'p = 0.45 as written']") == 1,
	   "a verbatim answer is left as written");
	xmlFreeDoc(doc);
	size_t len = 0;
	char *notes = zip_member(path, "word/footnotes.xml", &len);
	ok(notes == NULL, "no footnotes, no footnotes part");
	g_free(notes);
	doc_free(d);
	g_free(path);
}

/* A list of tables and figures: a TOC field over the Caption style, listing the captions after it. */
static void test_list_of_captions(const char *dir)
{
	char *path = g_build_filename(dir, "captions.docx", NULL);
	struct doc *d = doc_new(DOC_A4);
	doc_caption(d, "Table 0. Before the list");
	doc_list_of_captions(d, "Tables and figures");
	doc_caption(d, "Table 1. Replies");
	doc_paragraph(d, "1", "Text.");
	doc_caption(d, "Figure 1. A chart");
	check_int(doc_write_docx(d, path), 0);
	xmlDocPtr doc = parse_member(path, "word/document.xml");
	ok(doc && count(doc, "//w:instrText[. = ' TOC \\h \\z \\t \"Caption,1\" ']") == 1,
	   "the list is a TOC field over the Caption style");
	ok(doc && count(doc, "//w:p[w:r/w:fldChar/@w:fldCharType='begin'][w:r/w:t = 'Table 1. Replies']") == 1 &&
		   count(doc, "//w:p[w:r/w:fldChar/@w:fldCharType='end'][w:r/w:t = 'Figure 1. A chart']") == 1,
	   "whose result lists the captions after it, and only those");
	xmlFreeDoc(doc);
	doc_free(d);
	g_free(path);
}

int main(void)
{
	char *dir = g_dir_make_tmp("test-docx.XXXXXX", NULL);
	test_package(dir);
	test_failures(dir);
	test_writer_for();
	test_no_break(dir);
	test_list_of_captions(dir);
	char *cmd = g_strdup_printf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		tap_diag("cannot remove %s", dir);
	g_free(cmd);
	g_free(dir);
	return tap_done();
}
