#!/bin/sh
# t7000: quire report - contents, outline, metadata, reproducibility,
# anonymity and small-cell suppression, and its errors
. "$top_srcdir/tests/lib.sh"
cd "$QUIRE_TEST_DATA" || exit 1
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
	skip 'quire report' 'poppler-utils (pdftotext, pdfinfo) is not installed'
	done_testing
fi
# text: the PDF's text on one line, blanks squeezed, for sentences that wrap.
text() { pdftotext "$1" - | tr '\n' ' ' | tr -s ' '; }

run 0 "$QUIRE" report -o "$T/mini.pdf" reports/mini.ini
expect_status 'a report is written'
expect_out 'quietly' </dev/null
pdfinfo "$T/mini.pdf" >"$T/info"
expect_grep 'metadata: title' 'Title:           Mini report' "$T/info"
expect_grep 'metadata: author' 'Author:          Test Organisation' "$T/info"
expect_grep 'metadata: subject' 'Subject:         First Meeting of the Test Group' "$T/info"
expect_grep 'metadata: creator' 'Creator:         quire ' "$T/info"
expect_grep 'metadata: keywords' 'Keywords:        TEST/2019/1; Mini cybercrime questionnaire; questionnaire; replies; Member States' "$T/info"
expect_grep 'metadata: the date from SOURCE_DATE_EPOCH' 'CreationDate:    Mon Sep  2 00:00:00 2019 UTC' "$T/info"
expect_grep 'A4 paper' 'Page size:       595.276 x 841.89 pts (A4)' "$T/info"
expect_grep 'seven pages' 'Pages:           7' "$T/info"

text "$T/mini.pdf" >"$T/mini.txt"
expect_grep 'the cover, under the masthead of a UN document (Distr., date, Original)' 'TEST/2019/1 Distr.: General 30 June 2019 Original: English Test Organisation First Meeting of the Test Group Geneva, 1-2 July 2019 Mini report Summary of the replies Prepared by the Secretariat Test data only.' "$T/mini.txt"
expect_grep 'the summary of replies' 'By 30 June 2019, replies had been received from 2 of the 4 Member States (50%). A reply from 1 further Member State arrived after that date and is not included.' "$T/mini.txt"
expect_grep 'response rate by roster group' 'Asia 2 1 50% 1 Africa 2 1 50% 0 Total 4 2 50% 1' "$T/mini.txt"
expect_grep 'a drafted sentence from the summary phrases' 'One of the two replying Member States had a law on cybercrime; one had no law on cybercrime.' "$T/mini.txt"
expect_grep 'a fallback sentence from the labels, naming its question as every paragraph does' 'Asked “Budapest Convention” (question 2.1), one of the two replying Member States answered “Party”; one answered “Not a party”.' "$T/mini.txt"
expect_grep 'and of several answers' 'Asked “Offences covered” (question 1.3), the one Member State that answered the question selected “Illegal access” and “Illegal interception”.' "$T/mini.txt"
expect_grep 'a numeric answer' 'Asked “Year of adoption” (question 1.2), the one Member State to which the question applied gave a figure: 2012.' "$T/mini.txt"
expect_grep 'bases are stated' 'Source: replies to question 1.3. The question applied to 1 of the 2 replying Member States.' "$T/mini.txt"
expect_grep 'a crosstab that would single out States is withheld' 'are not broken down by region here: with so few replies in each group, every count would be below 3 or would reveal one that is' "$T/mini.txt"
expect_no_grep 'and no test of the table it withholds' "Fisher's exact test" "$T/mini.txt"
expect_no_grep 'no chi-square either' 'chi-square' "$T/mini.txt"
expect_grep 'annex: replying States and dates' 'Republic of Aldmere XAA 2 May 2019 note verbale' "$T/mini.txt"
expect_grep 'annex: late replies are marked' 'State of Corvale XAC 22 August 2019 (late)' "$T/mini.txt"
expect_grep 'annex: verbatim texts, anonymised' 'State A We welcome the questionnaire; our law of 2012 is "under review".' "$T/mini.txt"
expect_grep 'annex: provenance names the form version' '(form mini, version 2019050101)' "$T/mini.txt"
sum=$(sha256sum forms/mini/survey.csv | cut -c1-32)
expect_grep 'annex: the SHA-256 of each input' "$sum" "$T/mini.txt"
expect_grep 'annex: the generation time' 'Generated on 2019-09-02 00:00 UTC by quire' "$T/mini.txt"
pdftotext -layout "$T/mini.pdf" "$T/layout"
expect_true 'page numbers n / N' grep -Eq '(^| )7 ?/ ?7$' "$T/layout"

if command -v pdftohtml >/dev/null 2>&1; then
	pdftohtml -xml -i -stdout "$T/mini.pdf" | grep '<item' >"$T/outline"
	compare 'the outline has every section and annex' "$T/outline" <<'X'
<item page="1">I. Summary of main findings</item>
<item page="1">II. Introduction</item>
<item page="3">III. Replies to the questionnaire</item>
<item page="3">A. Domestic law</item>
<item page="4">B. Cooperation</item>
<item page="4">IV. Cross-tabulations</item>
<item page="4">Has your State a cybercrime law? by region</item>
<item page="4">V. Conclusions</item>
<item page="5">Annex I. Replying States</item>
<item page="6">Annex II. Texts of the answers</item>
<item page="6">Question 2.3. Comments</item>
<item page="7">Annex III. Methodology and provenance</item>
X
else
	skip 'the outline has every section and annex' 'pdftohtml is not installed'
fi

# style = plain: a cover page to itself without the masthead's Distr. and
# Original, chapters and sections numbered 1, 1.1.
sed 's/^\[report\]/&\nstyle = plain\nagenda = Item 9 of the agenda/' reports/mini.ini >"$T/plain.ini"
sed -i "s|\.\./|$QUIRE_TEST_DATA/|" "$T/plain.ini"
run 0 "$QUIRE" report -o "$T/plain.pdf" "$T/plain.ini"
expect_status 'style = plain makes a report'
pdftotext -f 1 -l 1 "$T/plain.pdf" - | tr '\n\f' '  ' | tr -s ' ' | sed 's/ $//' >"$T/plain1.txt"
echo >>"$T/plain1.txt"
compare 'its cover is a page of its own, without Distr., Original or agenda' "$T/plain1.txt" <<'X'
TEST/2019/1 30 June 2019 Test Organisation First Meeting of the Test Group Geneva, 1-2 July 2019 Mini report Summary of the replies Prepared by the Secretariat Test data only.
X
text "$T/plain.pdf" >"$T/plain.txt"
expect_grep 'chapters are numbered 1, 2 and sections 3.1' '3. Replies to the questionnaire 3.1 Domestic law' "$T/plain.txt"
expect_grep 'and the summary opens page 2' '1. Summary of main findings 1 By 30 June 2019' "$T/plain.txt"
sed 's/^\[report\]/&\nstyle = fancy/' reports/mini.ini >"$T/fancy.ini"
sed -i "s|\.\./|$QUIRE_TEST_DATA/|" "$T/fancy.ini"
run 1 "$QUIRE" report -o "$T/fancy.pdf" "$T/fancy.ini"
expect_err 'another style is refused' <<X
quire:$T/fancy.ini:3: style: 'fancy' is not un or plain
X
expect_true 'and nothing is written' test ! -e "$T/fancy.pdf"

# Without suppression the same crosstab is shown with its tests, in words.
sed 's/^\[report\]/&\nsmall_cell = 1/' reports/mini.ini >"$T/open.ini"
sed -i "s|\.\./|$QUIRE_TEST_DATA/|" "$T/open.ini"
run 0 "$QUIRE" report -o "$T/open.pdf" "$T/open.ini"
text "$T/open.pdf" >"$T/open.txt"
expect_grep 'the exact test' "Fisher’s exact test gives p = 1.000 (two-sided, computed exactly)." "$T/open.txt"
expect_grep 'the crosstab chart reads as its table: a row of bars for each answer, one bar for each group' \
	'Yes 1 of 1 Asia 0 of 1 Africa No 0 of 1 Asia 1 of 1 Africa' "$T/open.txt"
expect_grep 'and why' 'all of the 4 expected counts are below 5, and only the exact test gives a trustworthy' "$T/open.txt"
expect_grep 'on fewer than 30 replies the body says it in plain words' 'A difference between the groups at least as large as this one would often arise by chance alone (p = 1.000), so the replies give no evidence that the answers to “Has your State a cybercrime law?” depend on region. With 2 replies, only a very strong association could be detected. The statistics of the test are given in Annex III.' "$T/open.txt"
expect_grep 'and the methodology annex gives the statistics' "The statistics of the tests on fewer than 30 replies, which the body gives in plain words, are as follows. Table 5, “Has your State a cybercrime law?” by region: Fisher’s exact test gives p = 1.000 (two-sided, computed exactly). Pearson’s chi-square is 2.00 on 1 degree of freedom (p = 0.157), but it is not relied on here" "$T/open.txt"
expect_grep 'with few replies, how little a test can see' 'With 2 replies, only a very strong association could be detected.' "$T/open.txt"
expect_grep 'the methodology says the test was exact' "Cross-tabulations are tested with Fisher’s exact test, computed exactly;" "$T/open.txt"
expect_no_grep 'and promises no intervals it does not print' 'Wilson' "$T/open.txt"

# The figures in the sentences are quire tab's figures.
run 0 "$QUIRE" tab --format json --cutoff 2019-06-30 forms/mini replies/mini
expect_true 'tab agrees: one of two has a law' \
	test "$("$JSONQ" "$OUT" 'questions[name=has_law].choices[value=yes].count' 'questions[name=has_law].answered')" = "$(printf '1\n2')"

# Reproducible: the same inputs and SOURCE_DATE_EPOCH give the same bytes.
run 0 "$QUIRE" report -o "$T/again.pdf" reports/mini.ini
expect_true 'two runs give byte-identical PDFs' cmp -s "$T/mini.pdf" "$T/again.pdf"
SOURCE_DATE_EPOCH=1600000000 run 0 "$QUIRE" report -o "$T/later.pdf" reports/mini.ini
expect_true 'another SOURCE_DATE_EPOCH gives another file' sh -c "! cmp -s '$T/mini.pdf' '$T/later.pdf'"

# --anonymous: who replied is not said, and no State is named.
run 0 "$QUIRE" report --anonymous -o "$T/anon.pdf" reports/mini.ini
expect_status 'an anonymous report'
text "$T/anon.pdf" >"$T/anon.txt"
expect_no_grep '--anonymous leaves out the list of replying States' 'Replying States' "$T/anon.txt"
expect_no_grep '--anonymous names no State' 'Aldmere' "$T/anon.txt"
expect_grep '--anonymous renumbers the annexes' 'Annex I. Texts of the answers' "$T/anon.txt"

# Small cells: primary and complementary suppression in a 3 x 3 breakdown.
run 0 "$QUIRE" report -o "$T/sup.pdf" reports/suppress.ini
expect_status 'a report with suppressed cells'
text "$T/sup.pdf" >"$T/sup.txt"
tr -d ' ' <"$T/sup.txt" >"$T/sup.nospace"
expect_grep 'the 1 is hidden, with three cells that can each move by one with it (a hidden 3 could not fall to 2)' 'Partyxx312Signedonlyx<338Notaparty33410Total1281030' "$T/sup.nospace"
expect_grep 'the suppression is explained' 'Counts below 3 are not shown, to protect the anonymity of the replies, nor is any count the totals would reveal; for the same reason no chart or test is given.' "$T/sup.txt"
expect_grep 'each symbol says what it hides' '< 3: a count from 1 to 2, not shown to protect the anonymity of the replies. x: a count not shown so that no hidden count can be worked out from the totals.' "$T/sup.txt"
expect_no_grep 'no test of a table with hidden counts' "Fisher's exact test gives" "$T/sup.txt"
expect_grep 'the methodology counts the replies' 'The cut-off date was 30 June 2019: 30 replies received by then are included, and none arrived later.' "$T/sup.txt"
expect_grep 'the methodology says why' 'No test is given for 1 cross-tabulation with hidden counts, as its figures could reveal them.' "$T/sup.txt"
expect_grep "anonymised texts do not name their State" 'State F [State] supports the questionnaire; the [State] position is set out in note 0.' "$T/sup.txt"
expect_no_grep 'not even by the short name' 'Aldmere supports' "$T/sup.txt"
sed 's/^small_cell = 3/small_cell = 1/' reports/suppress.ini >"$T/nosup.ini"
sed -i "s|\.\./|$QUIRE_TEST_DATA/|" "$T/nosup.ini"
run 0 "$QUIRE" report -o "$T/nosup.pdf" "$T/nosup.ini"
expect_grep 'small_cell = 1 shows every cell' 'Party 5 4 3 12 Signed only 4 1 3 8 Not a party 3 3 4 10' "$(text "$T/nosup.pdf" >"$T/nosup.txt"; echo "$T/nosup.txt")"

# The masthead from the definition: distribution, original language, agenda item.
sed 's/^\[report\]/&\ndistribution = Limited\noriginal = French\nagenda = Item 4 of the provisional agenda/' reports/mini.ini >"$T/mast.ini"
sed -i "s|\.\./|$QUIRE_TEST_DATA/|" "$T/mast.ini"
run 0 "$QUIRE" report -o "$T/mast.pdf" "$T/mast.ini"
expect_grep 'the masthead says what the definition gives' 'TEST/2019/1 Distr.: Limited 30 June 2019 Original: French Item 4 of the provisional agenda Test Organisation' "$(text "$T/mast.pdf" >"$T/mast.txt"; echo "$T/mast.txt")"

# [section] groups replace the form's parts; declared crosstabs keep their titles.
run 0 "$QUIRE" report -o "$T/sections.pdf" reports/sections.ini
expect_status 'a report made of sections'
text "$T/sections.pdf" >"$T/sections.txt"
expect_grep 'the summary of main findings is chapter I, its paragraphs numbered from 1, citing the detail' "I. Summary of main findings 1 Replies had been received from 30 of the 36 Member States (83%) (para. 2)." "$T/sections.txt"
expect_grep 'the introduction is chapter II, its paragraphs numbered on' "II. Introduction 2 Replies had been received" "$T/sections.txt"
expect_grep 'sections are A, B, ... of the chapter of the replies, and paragraphs run on' "III. Replies to the questionnaire A. Treaties 5 A paragraph of the Rapporteur’s own." "$T/sections.txt"
expect_grep 'a crosstab listed in a section keeps its declared title' 'Budapest by region, titled' "$T/sections.txt"
expect_grep 'a declared crosstab in no section comes last, a chapter of its own' 'IV. Cross-tabulations Law by region 9' "$T/sections.txt"
expect_grep 'the conclusions close the body, with a place kept for them' 'V. Conclusions 11 [The conclusions of the Rapporteur are to be inserted here.]' "$T/sections.txt"
expect_no_grep 'the form parts are not used' 'Domestic law' "$T/sections.txt"
sed 's/^\[report\]/&\nconclusions = The Working Group may wish to take note of the replies./' reports/sections.ini >"$T/concl.ini"
sed -i "s|\.\./|$QUIRE_TEST_DATA/|" "$T/concl.ini"
run 0 "$QUIRE" report -o "$T/concl.pdf" "$T/concl.ini"
expect_grep "the definition's conclusions take the place kept for them" 'V. Conclusions 11 The Working Group may wish to take note of the replies.' "$(text "$T/concl.pdf" >"$T/concl.txt"; echo "$T/concl.txt")"

# FORM DATA without a definition.
run 0 "$QUIRE" report --roster rosters/mini.csv --cutoff 2019-06-30 --letter -o "$T/plain.pdf" forms/mini replies/mini
expect_status 'quire report FORM DATA'
expect_grep '--letter paper' 'Page size:       612 x 792 pts (letter)' "$(pdfinfo "$T/plain.pdf" >"$T/pinfo"; echo "$T/pinfo")"
expect_grep 'the form title is the title' 'Mini cybercrime questionnaire' "$(text "$T/plain.pdf" >"$T/plain.txt"; echo "$T/plain.txt")"

# A crosstab by a question is charted as one 100% bar per group; a table
# whose answers fall in a single group compares nothing and gets no chart.
for data in replies/mini replies/mini/XAA.csv; do
	cat >"$T/by.ini" <<X
[report]
form = $QUIRE_TEST_DATA/forms/mini
data = $QUIRE_TEST_DATA/$data
cutoff = 2019-06-30

small_cell = 1

[crosstab has_law by budapest]
title = Law by treaty
X
	run 0 "$QUIRE" report -o "$T/by.pdf" "$T/by.ini"
	expect_status "a crosstab by a question ($data)"
	pdftotext "$T/by.pdf" "$T/by.txt"
	grep -c 'Law by treaty$' "$T/by.txt" >"$T/n"
	if [ "$data" = replies/mini ]; then
		expect_true 'two groups: the heading, the table caption and the chart title' test "$(cat "$T/n")" = 3
		expect_grep 'the chart is a 100% stacked bar' '100%' "$T/by.txt"
		text "$T/by.pdf" >"$T/by0.txt"
		expect_grep 'without a roster, no name is hidden, and the annex says so' 'No roster was given, so the names of States in the answers could not be hidden.' "$T/by0.txt"
	else
		expect_true 'one group: the heading and the table caption, no chart' test "$(cat "$T/n")" = 2
		text "$T/by.pdf" >"$T/by1.txt"
		expect_grep 'and no test' 'No statistical test is possible for this table: all the answers fall in a single row or a single column.' "$T/by1.txt"
	fi
done

# Errors: the definition, its files, and invalid replies.  No PDF is left.
cp "$T/mini.pdf" "$T/keep.pdf"
cat >"$T/bad.ini" <<X
[report]
form = $QUIRE_TEST_DATA/forms/mini
data = $QUIRE_TEST_DATA/replies/mini
cutoff = 2019-06-31
colour = blue
paper = A3

[chart nope]
type = radar
show = everything
X
run 1 "$QUIRE" report -o "$T/keep.pdf" "$T/bad.ini"
expect_status 'a bad definition fails'
expect_err 'every problem is named with its line' <<X
quire:$T/bad.ini:5: unknown key 'colour' in [report]
quire:$T/bad.ini:4: cutoff: '2019-06-31' is not a date (YYYY-MM-DD)
quire:$T/bad.ini:6: paper: 'A3' is not a4 or letter
quire:$T/bad.ini:9: type: 'radar' is not one of bar, pie, donut, histogram, dotplot, none
quire:$T/bad.ini:10: show: 'everything' is not one of chart, table, both, text
X
expect_true 'the existing PDF is kept' cmp -s "$T/mini.pdf" "$T/keep.pdf"

printf '[report]\nform = nowhere\ndata = none\n' >"$T/missing.ini"
run 1 "$QUIRE" report -o "$T/missing.pdf" "$T/missing.ini"
expect_status 'a missing form fails'
expect_err 'the missing paths are named at their lines' <<X
quire:$T/missing.ini:2: form: cannot open '$T/nowhere': No such file or directory
quire:$T/missing.ini:3: data: cannot open '$T/none': No such file or directory
X
expect_true 'no PDF is written' test ! -e "$T/missing.pdf"

printf '[report]\nform = ../forms/mini\n' >"$T/nodata.ini"
run 1 "$QUIRE" report "$T/nodata.ini"
expect_err 'a definition without data says so' <<X
quire:$T/nodata.ini:1: [report] needs 'data'
X

printf 'this is not a key file\n' >"$T/syntax.ini"
run 1 "$QUIRE" report "$T/syntax.ini"
expect_status 'a syntax error fails'
expect_err 'with its line' <<X
quire:$T/syntax.ini:1: syntax error: not a [group], a 'key = value' line or a '#' comment
X

mkdir "$T/replies"
cp replies/mini/*.csv "$T/replies/"
printf 'name,value\n_respondent,XAD\n_submitted,2019-05-02\nhas_law,maybe\n' >"$T/replies/XAD.csv"
run 1 "$QUIRE" report --roster rosters/mini.csv -o "$T/keep.pdf" forms/mini "$T/replies"
expect_status 'invalid replies stop the report'
expect_err 'the problem and the rule are named' <<X
quire:$T/replies/XAD.csv:4: has_law: 'maybe' is not a choice (choices: yes, no)
quire: 1 problem in the replies; the report is made only from valid replies (run quire validate)
X
expect_true 'and the existing PDF is kept' cmp -s "$T/mini.pdf" "$T/keep.pdf"

run 2 "$QUIRE" report
expect_status 'report without arguments is a usage error'

done_testing
