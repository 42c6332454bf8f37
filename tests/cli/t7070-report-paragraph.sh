#!/bin/sh
# t7070: the Rapporteur's own words ([paragraph NAME]) - quire report
# --fingerprints, a paragraph replaced and others added around it, the
# warning when late replies change the figures it was written against,
# and the errors
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
if ! command -v pdftotext >/dev/null 2>&1; then
	skip 'the Rapporteur'"'"'s paragraphs' 'poppler-utils (pdftotext) is not installed'
	done_testing
fi
D=$QUIRE_TEST_DATA
sed "s|\.\./|$D/|" "$D/reports/mini.ini" >mini.ini
text() { pdftotext "$1" - | tr '\n\f' '  ' | tr -s ' '; }

run 0 "$QUIRE" report mini.ini --fingerprints
expect_status '--fingerprints'
expect_out 'prints a block for each paragraph of the body, with the figures it states' <<'X'
[paragraph has_law]
figures = base 2; answered 2; yes 1; no 1

[paragraph law_year]
figures = base 1; answered 1; min 2012; median 2012; max 2012

[paragraph offences]
figures = base 1; answered 1; illegal_access 1; interception 1; none 0

[paragraph budapest]
figures = base 2; answered 2; party 1; signed 0; no 1

[paragraph reply_date]
figures = base 2; answered 2; earliest 2019-04-30; latest 2019-06-28

[paragraph comments]
figures = base 2; answered 1

[paragraph has_law by region]
figures = n 2; yes.Asia x; yes.Africa x; no.Asia x; no.Africa x

X
expect_err 'quietly' </dev/null
expect_true 'and writes no document' test ! -e mini.pdf

cp mini.ini own.ini
cat >>own.ini <<'X'

[paragraph has_law]
before = The Working Group asked first about domestic law.
text = Of the two States that replied in time, one had adopted a law on cybercrime.
after = The Rapporteur notes that the other is drafting one.
figures = base 2; answered 2; yes 1; no 1

[paragraph has_law by region]
text = The Rapporteur does not break these answers down by region.
figures = n 2; yes.Asia x; yes.Africa x; no.Asia x; no.Africa x
X
run 0 "$QUIRE" report own.ini -o own.pdf
expect_status 'a report with the Rapporteur'"'"'s paragraphs is written'
expect_err 'without a warning while the figures hold' </dev/null
text own.pdf >own.txt
expect_grep 'the paragraph before it, numbered' '5 The Working Group asked first about domestic law.' own.txt
pdftotext -layout own.pdf - >own.layout
expect_true 'the Rapporteur'"'"'s paragraph, numbered next' \
	grep -Eq '^ *6 +Of the two States that replied in time, one had adopted a law on' own.layout
expect_grep 'the paragraph after it, after its figure' \
	'7 The Rapporteur notes that the other is drafting one.' own.txt
expect_no_grep 'the drafted paragraph is replaced' \
	'One of the two replying Member States had a law on cybercrime' own.txt
expect_grep 'the paragraphs after them are numbered on' \
	'8 Asked “Year of adoption” (question 1.2)' own.txt
expect_grep 'a crosstab'"'"'s paragraph is replaced too' \
	'The Rapporteur does not break these answers down by region.' own.txt
expect_no_grep 'and its drafted words are gone' 'are not broken down by region here' own.txt

run 0 "$QUIRE" report own.ini -o own.docx
expect_status 'as a Word document'
"$FILL_ANSWERS" --part own.docx word/document.xml >document.xml
expect_grep 'the Word document has the Rapporteur'"'"'s paragraph' \
	'Of the two States that replied in time, one had adopted a law on cybercrime.' document.xml

# The late reply of XAC taken in: the figures change, the text stays, with a warning.
run 0 "$QUIRE" report own.ini --cutoff 2019-12-31 -o late.pdf
expect_status 'when later replies change the figures, the report is still written'
expect_err 'with a warning naming the paragraph and each figure that changed' <<X
quire:own.ini:23: warning: [paragraph has_law] was written against figures that have changed: base 2 is now 3, answered 2 is now 3, yes 1 is now 2; its text is used as written
quire:own.ini:29: warning: [paragraph has_law by region] was written against figures that have changed: n 2 is now 3; its text is used as written
X
text late.pdf >late.txt
expect_grep 'and the Rapporteur'"'"'s text' \
	'Of the two States that replied in time, one had adopted a law on cybercrime.' late.txt

cp mini.ini unchecked.ini
printf '\n[paragraph budapest]\ntext = Only one State is a party.\n' >>unchecked.ini
run 0 "$QUIRE" report unchecked.ini -o unchecked.pdf
expect_status 'a text without figures is used'
expect_err 'with a warning that it cannot be checked' <<X
quire:unchecked.ini:23: warning: [paragraph budapest]: its text is used unchecked, as it has no figures to check it against (quire report --fingerprints gives them)
X

cp mini.ini unknown.ini
printf '\n[paragraph has_lawz]\ntext = A typing slip.\n\n[paragraph has_law by roster]\ntext = No such crosstab.\n' >>unknown.ini
run 1 "$QUIRE" report unknown.ini -o unknown.pdf
expect_err 'a paragraph of no question or crosstab is refused' <<X
quire:unknown.ini:23: [paragraph has_lawz]: the form has no question 'has_lawz' and the definition no crosstab of that name; did you mean 'has_law'?
quire:unknown.ini:26: [paragraph has_law by roster]: the form has no question 'has_law by roster' and the definition no crosstab of that name
X
expect_true 'and nothing is written' test ! -e unknown.pdf

sed 's/^\[report\]/&\nomit = budapest/' mini.ini >omitted.ini
printf '\n[paragraph budapest]\ntext = Words for a question left out.\n' >>omitted.ini
run 1 "$QUIRE" report omitted.ini -o omitted.pdf
expect_err 'a paragraph of a question the body leaves out is refused' <<X
quire:omitted.ini:24: [paragraph budapest]: question 'budapest' has no paragraph in the report (it is omitted, in no [section], or not numbered)
X
expect_true 'and nothing is written' test ! -e omitted.pdf

# Footnotes: the agenda line's (marked *) and the Rapporteur's to a question's
# and a crosstab's paragraph, numbered in the order the paragraphs stand.
sed 's|^\[report\]|&\nagenda = Item 2 of the provisional agenda\nagenda_note = TEST/2019/L.1.|' \
	mini.ini >notes.ini
cat >>notes.ini <<'X'

[paragraph has_law by region]
footnote = The regional groups are those of the roster.

[paragraph has_law]
footnote = One State counted a law before its Parliament.
X
run 0 "$QUIRE" report notes.ini -o notes.pdf
expect_status 'a report with footnotes'
text notes.pdf >notes.txt
expect_grep 'the agenda line is marked' 'Item 2 of the provisional agenda*' notes.txt
expect_grep 'its footnote is at the foot of page 1' \
	'arrived after that date and is not included. * TEST/2019/L.1. Test Organisation' notes.txt
expect_grep 'the question'"'"'s paragraph, first in the body, takes footnote 1' \
	'one had no law on cybercrime.¹ Figure 2.' notes.txt
expect_grep 'the crosstab'"'"'s, after it, footnote 2' \
	'could single out a Member State’s answer.²' notes.txt
expect_grep 'each note under its page'"'"'s text' '¹ One State counted a law before its Parliament.' \
	notes.txt
expect_grep 'the second too' '² The regional groups are those of the roster.' notes.txt
run 0 "$QUIRE" report notes.ini -o notes.docx
expect_status 'and as a Word document'
"$FILL_ANSWERS" --part notes.docx word/footnotes.xml >footnotes.xml
expect_grep 'whose footnotes are Word'"'"'s own' \
	'One State counted a law before its Parliament.' footnotes.xml
if command -v soffice >/dev/null 2>&1; then
	mkdir lo
	run 0 env HOME="$T" timeout 300 soffice --headless --convert-to pdf --outdir lo notes.docx
	expect_status 'LibreOffice converts the Word report with footnotes'
	text lo/notes.pdf >lo.txt
	expect_grep 'and sets the agenda line'"'"'s, marked *, at the foot of page 1' \
		'not included. * TEST/2019/L.1.' lo.txt
	expect_grep 'and the paragraph'"'"'s, numbered 1' '1 One State counted a law before its Parliament.' \
		lo.txt
else
	skip 'LibreOffice reads the footnotes' 'soffice is not installed'
fi

sed 's|^\[report\]|&\nagenda_note = TEST/2019/L.1.|' mini.ini >lone-note.ini
run 1 "$QUIRE" report lone-note.ini -o lone-note.pdf
expect_err 'a footnote to an agenda line the definition does not give is refused at its line' <<X
quire:lone-note.ini:3: agenda_note: a footnote to the agenda line needs the line: give agenda too
X
expect_true 'and nothing is written' test ! -e lone-note.pdf

cp mini.ini badkey.ini
printf '\n[paragraph has_law]\ntxt = A typing slip.\n' >>badkey.ini
run 1 "$QUIRE" report badkey.ini -o badkey.pdf
expect_err 'an unknown key is refused' <<X
quire:badkey.ini:24: unknown key 'txt' in [paragraph has_law]
X

done_testing
