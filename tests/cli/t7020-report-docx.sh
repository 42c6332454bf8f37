#!/bin/sh
# t7020: quire report -o FILE.docx - the report as a Word document: its
# parts, its headings and text, the outputs refused, a failed write, and
# LibreOffice's reading of it where LibreOffice is installed
. "$top_srcdir/tests/lib.sh"
cd "$QUIRE_TEST_DATA" || exit 1

# part FILE PART: one part of the package FILE.
part() { "$FILL_ANSWERS" --part "$1" "$2"; }
# paras FILE: the paragraphs of the document, one a line: "[Style]text",
# a tab as a blank.
paras() {
	part "$1" word/document.xml | sed -e 's/<w:p>/\
&/g' | sed -e 's/<w:tab\/>/ /g' -e 's/<w:pStyle w:val="\([^"]*\)"\/>/[\1]/' \
			 -e 's/<[^>]*>//g'
}
SENTENCE='One of the two replying Member States had a law on cybercrime; one had no law on'
SENTENCE="$SENTENCE cybercrime."

run 0 "$QUIRE" report -o "$T/mini.docx" reports/mini.ini
expect_status 'a Word report is written'
expect_out 'quietly' </dev/null
expect_true 'it is a zip archive' sh -c 'head -c 4 "$1" | od -An -c | grep -q "P *K 003 004"' sh \
	"$T/mini.docx"
for p in '[Content_Types].xml' _rels/.rels word/document.xml word/styles.xml word/settings.xml \
	word/_rels/document.xml.rels docProps/core.xml docProps/app.xml word/media/image1.png; do
	expect_true "it holds $p" sh -c '"$FILL_ANSWERS" --part "$1" "$2" >/dev/null' sh \
		"$T/mini.docx" "$p"
done
if command -v xmllint >/dev/null 2>&1; then
	for p in '[Content_Types].xml' _rels/.rels word/document.xml word/styles.xml \
		word/settings.xml word/_rels/document.xml.rels docProps/core.xml docProps/app.xml \
		word/header1.xml word/footer1.xml; do
		part "$T/mini.docx" "$p" >"$T/part.xml"
		expect_true "$p is well-formed XML" xmllint --noout "$T/part.xml"
	done
else
	skip 'the parts are well-formed XML' 'xmllint is not installed (test-docx parses them)'
fi

paras "$T/mini.docx" >"$T/paras"
expect_grep 'a chapter heading in Heading1, numbered' '[Heading1]III. Replies to the questionnaire' \
	"$T/paras"
expect_grep 'a section heading in Heading2, lettered' '[Heading2]A. Domestic law' "$T/paras"
expect_grep 'an annex in Heading1' '[Heading1]Annex I. Replying States' "$T/paras"
expect_grep 'a crosstab in Heading2' '[Heading2]Has your State a cybercrime law? by region' \
	"$T/paras"
expect_grep 'the cover title in the Title style' '[Title]Mini report' "$T/paras"
expect_grep 'a table caption in the Caption style, numbered' '[Caption]Table 1. ' "$T/paras"
expect_grep 'the masthead, as in the PDF' 'TEST/2019/1Distr.: General30 June 2019Original: English' "$T/paras"
expect_grep 'a drafted sentence' "$SENTENCE" "$T/paras"
expect_grep 'a numbered paragraph, its number first' \
	'1 By 30 June 2019, replies had been received from 2 of the 4 Member States (50%).' \
	"$T/paras"
part "$T/mini.docx" word/document.xml >"$T/document.xml"
expect_grep 'the table header repeats' '<w:tblHeader/>' "$T/document.xml"
expect_grep 'the contents are a TOC field, which Word updates on opening' \
	'<w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o &quot;1-2&quot; \h \z \u </w:instrText>' \
	"$T/document.xml"
sed -n '/^Contents$/,/^\[Heading1\]II\. Introduction$/p' "$T/paras" | sed '1d;$d' |
	sed -e 's/.*\\u //' -e 's/^ //' | paste -sd'|' >"$T/toc"
compare 'listing the chapters, sections and annexes until then' "$T/toc" <<'X'
II. Introduction|III. Replies to the questionnaire|A. Domestic law|B. Cooperation|IV. Cross-tabulations|V. Conclusions|Annex I. Replying States|Annex II. Texts of the answers|Annex III. Methodology and provenance
X
expect_grep 'charts are inline pictures' '<wp:inline' "$T/document.xml"
expect_grep 'A4 paper' '<w:pgSz w:w="11906" w:h="16838"/>' "$T/document.xml"
part "$T/mini.docx" docProps/core.xml >"$T/core.xml"
expect_grep 'metadata: title' '<dc:title>Mini report</dc:title>' "$T/core.xml"
expect_grep 'metadata: author' '<dc:creator>Test Organisation</dc:creator>' "$T/core.xml"
expect_grep 'metadata: keywords' '<cp:keywords>TEST/2019/1; Mini cybercrime questionnaire; questionnaire; replies; Member States</cp:keywords>' "$T/core.xml"
expect_grep 'metadata: the date from SOURCE_DATE_EPOCH' '>2019-09-02T00:00:00Z</dcterms:created>' \
	"$T/core.xml"

run 0 "$QUIRE" report -o "$T/again.DOCX" reports/mini.ini
expect_status 'the extension is read in any case'
expect_true 'two runs give the same bytes' cmp -s "$T/mini.docx" "$T/again.DOCX"

run 0 "$QUIRE" report --letter -o "$T/letter.docx" reports/mini.ini
expect_status 'a Letter report'
expect_true 'on Letter paper' sh -c '"$FILL_ANSWERS" --part "$1" word/document.xml |
	grep -q "<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"' sh "$T/letter.docx"

# Any other extension is refused before anything is read or written.
mkdir "$T/out"
run 1 "$QUIRE" report -o "$T/out/report.txt" reports/mini.ini
expect_status '-o report.txt is refused'
expect_err 'and says which outputs there are' <<X
quire: -o '$T/out/report.txt': the report is written as .pdf or .docx
X
expect_true 'nothing is written' sh -c '[ -z "$(ls -A "$1")" ]' sh "$T/out"
run 1 "$QUIRE" report -o "$T/out/report" no-such-form no-such-data
expect_status 'the output is judged before the inputs'
expect_err 'so the message is about the output' <<X
quire: -o '$T/out/report': the report is written as .pdf or .docx
X

# A failed write leaves the file that was there.
echo 'the good report' >"$T/out/keep.docx"
(
	trap '' XFSZ
	ulimit -f 1
	exec "$QUIRE" report -o "$T/out/keep.docx" reports/mini.ini
) >"$OUT" 2>"$ERR"
got_status=$?
want_status=1
expect_status 'a write beyond the file size limit fails'
expect_err 'the file and the reason are named' <<X
quire:$T/out/keep.docx: write error: File too large
X
compare 'the existing file is left as it was' "$T/out/keep.docx" <<X
the good report
X
expect_true 'no temporary file is left' sh -c '[ "$(ls -A "$1")" = keep.docx ]' sh "$T/out"

# LibreOffice opens it and sets the same text.
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	mkdir "$T/lo"
	run 0 env HOME="$T" timeout 300 soffice --headless --convert-to pdf --outdir "$T/lo" \
		"$T/mini.docx"
	expect_status 'LibreOffice converts the Word report'
	pdftotext "$T/lo/mini.pdf" - 2>/dev/null | tr '\n' ' ' | tr -s ' ' >"$T/lo.txt"
	expect_grep 'LibreOffice sets the drafted sentence' "$SENTENCE" "$T/lo.txt"
	expect_grep 'and the headings' 'Annex I. Replying States' "$T/lo.txt"
else
	skip 'LibreOffice reads the Word report' 'soffice or pdftotext is not installed'
fi

done_testing
