#!/bin/sh
# t7060: the report's pages.  The sample report has its page count, its
# body text at 10.5 points, and every word inside the page's text area.
# So has a report unlike the sample: 193 States, lists of 25 choices
# with labels of 300 characters, in English, Arabic and Chinese.  Each
# question shows a chart or a table, not both (show = both asks for
# both); a chart taller than a page is shown as its table, and a figure
# taller than a page is never drawn past its foot.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
	skip 'the report pages' 'poppler-utils (pdftotext, pdfinfo) is not installed'
	done_testing
fi
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

# From the top of the tree, as the README's quick start runs it: the
# provenance annex names the input files as the command line gives them.
run 0 sh -c 'cd "$1" && exec "$2" report reports/wg4-hangzhou-2019.ini -o "$3"' sh \
	"$top_srcdir" "$QUIRE" "$T/sample.pdf"
expect_status 'the sample report is written'
expect_true "in 20 pages ($(pages sample.pdf)), from 42 when every result was both a chart and a table" \
	test "$(pages sample.pdf)" -eq 20
words_outside sample.pdf >outside
compare 'every word of the sample lies inside the text area' outside </dev/null
expect_true "body text is set at 10.5 points: words 14.3 points high ($(body_size sample.pdf 2))" \
	test "$(body_size sample.pdf 2)" = 14.3
# The outline opens at its chapters: chapter III shows its five sections (a closed one counts -5).
expect_true 'the outline opens at the chapters' grep -aq '/Count 5 ' sample.pdf
pdftotext sample.pdf - | tr '\n\f' '  ' | tr -s ' ' >sample.txt
expect_grep 'a list of four choices is a chart, numbered and captioned' 'Figure 3. Has your State formulated or amended domestic law specifically addressing cybercrime? (question 2.1) Yes: a dedicated law on cybercrime has been enacted 4 of 9' sample.txt
expect_grep 'the timeline too, with its own note after the source' \
	'Source: the dates on which the replies were received. Late replies, received after the cut-off, are not included in the figures.' sample.txt
expect_grep 'with a note on its source and base under it' '0 2 4 6 8 10 Source: replies to question 2.1. Shares are of the 9 Member States that answered. 12 Asked' sample.txt
grep -o 'Figure [0-9]*\.' sample.txt | sed 's/Figure \([0-9]*\)\./\1/' | paste -sd' ' >figures
compare 'figures are numbered through the body, once each' figures <<'X'
1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22
X
expect_no_grep 'the caption replaces the chart title' '2.1 Has your State formulated' sample.txt
# A chart of more rows than the rest of a page holds goes on over the next
# one between its bars, each part with its axis, rather than leave half a
# page empty: Figure 5's eight bases of jurisdiction, five and three.
page_text() { pdftotext -f "$2" -l "$2" "$1" - | tr '\n' ' ' | tr -s ' '; }
page_text sample.pdf 5 >page5
page_text sample.pdf 6 >page6
expect_grep 'a long chart starts at the foot of a page, under its paragraph and caption' \
	'(question 2.7) Offence committed in the territory of your State 8 of 8' page5
expect_grep 'with its first bars and their axis' \
	'essential interests of the State 2 of 8 0 2' page5
expect_grep 'and goes on over the next, its last bars on their own axis, then its note' \
	'Universal jurisdiction 1 of 8 0 2 4 6 8 Source: replies to question 2.7.' page6

expect_no_grep 'and not also a table' 'Yes: a dedicated law on cybercrime has been enacted 4 44%' sample.txt
# Chapter I: the main findings, by findings.h's rule, each citing its paragraph.
{ sed -n 's/.*\(I\. Summary of main findings.*\) Contents II\. Introduction .*/\1/p' sample.txt; echo; } |
	sed 's/Asian-African Legal Consultative Organization AALCO\/WG\/ILC\/4\/2019\/1 //;
		s/\* AALCO\/WG\/ILC\/4\/2019\/L\.1\. //' >summary
compare 'the summary states the main findings and cites where each is detailed' summary <<'X'
I. Summary of main findings 1 By 30 June 2019, replies had been received from 9 of the 47 Member States (19%). Replies from 2 further Member States arrived after that date and are not included (para. 7). 2 Six of the nine replying Member States belonged to the Asian group (para. 10). 3 Seven of the nine replying Member States had formulated or amended domestic law on cybercrime (para. 11). All seven Member States that answered question 2.4 had criminalised illegal access (para. 14). All seven Member States that answered question 2.6 provided for production orders (para. 16). All eight Member States that answered question 2.7 based criminal jurisdiction over cybercrime on territoriality (para. 17). 4 Six of the nine replying Member States were party to none of these conventions (para. 20). 5 All five Member States that answered question 4.4 took part in the INTERPOL network (para. 28). 6 All nine replying Member States needed uniform international standards for combating cybercrime (para. 35). All nine replying Member States needed technical assistance related to cybercrime (para. 40). All nine replying Member States found cooperation with the private sector useful (para. 43).
X
# The contents, after the summary: each line's page is its heading's page
# in the outline (pdftohtml), and it lists the chapters, sections and annexes.
if command -v pdftohtml >/dev/null 2>&1; then
	pdftotext -layout sample.pdf - | awk '/^Contents$/ { on = 1; next } on && /^$/ && n { exit }
		on && NF { sub(/^ +/, ""); n++; print }' |
		sed -E 's/ {2,}/ /g; s/^(.*) ([0-9]+)$/<item page="\2">\1<\/item>/' >contents
	pdftohtml -xml -i -stdout sample.pdf | grep '<item' | grep -Fxf contents >listed
	compare 'the contents give each heading its page, as the outline does' listed <contents
	sed 's/<[^>]*>//g' contents | paste -sd'|' >entries
	compare 'they list the chapters, sections and annexes' entries <<'X'
II. Introduction|III. Replies to the questionnaire|A. Respondent|B. Domestic law on cybercrime|C. International and regional instruments|D. International cooperation in practice|E. Capacity-building, technical assistance and public–private partnership|IV. Cross-tabulations|V. Conclusions|Annex I. Replying States|Annex II. Texts of the answers|Annex III. Methodology and provenance
X
else
	skip 'the contents give each heading its page, as the outline does' 'pdftohtml is not installed'
	skip 'they list the chapters, sections and annexes' 'pdftohtml is not installed'
fi
expect_grep 'a cited paragraph is the one that details the finding' '11 Seven of the nine replying Member States had formulated or amended domestic law on cybercrime; one was preparing such a law and one had no such law.' sample.txt
expect_grep 'and so is another' '20 Of the nine replying Member States, one each had joined' sample.txt
expect_no_grep 'the sample of 2019 offers no convention of 2024' 'Convention against Cybercrime' sample.txt
expect_grep 'tables are numbered through the body, with a caption' 'Table 2. Year of adoption (question 2.3) Answered Minimum' sample.txt
expect_grep 'a figure asked for is a summary table' 'Answered Minimum Lower quartile Median Upper quartile Maximum Mean 7 2009 2012.5 2015 2016.5 2018 2014.29' sample.txt

# 193 States, 25 choices, labels of 300 characters in three languages.
mkdir -p form data
long='The national authority designated under the relevant article of the convention for mutual legal assistance in criminal matters, acting through its central office for international cooperation and the ministry responsible for justice, with the assistance of the competent law enforcement agencies, number'
awk -v long="$long" 'BEGIN {
	print "list_name,name,label"
	for (i = 1; i <= 25; i++) {
		if (i % 5 == 0)
			label = "مكتب الأمم المتحدة المعني بالمخدرات والجريمة — التعاون الدولي رقم " i
		else if (i % 5 == 1)
			label = "联合国毒品和犯罪问题办公室 国际合作机构 第" i "号"
		else
			label = long " " i
		printf "bodies,b%d,\"%s\"\n", i, label
	}
}' >form/choices.csv
cat >form/survey.csv <<'X'
type,name,label
select_one bodies,main_body,Which body of the State coordinates its cooperation against cybercrime with other States and with international organizations?
select_multiple bodies,bodies,Which bodies take part in the State's cooperation against cybercrime?
integer,staff,How many officers work on requests for mutual legal assistance?
X
printf 'form_title,form_id,version\nStress test,stress,1\n' >form/settings.csv
awk 'BEGIN {
	print "code,name,region" >"roster.csv"
	split("Africa,Asia-Pacific,Eastern Europe,Latin America and Caribbean,Western Europe and others", g, ",")
	for (n = 1; n <= 193; n++) {
		code = "X" substr("ABCDEFGHIJKLMNOPQRSTUVWXYZ", int(n / 26) + 1, 1) substr("ABCDEFGHIJKLMNOPQRSTUVWXYZ", n % 26 + 1, 1)
		print code ",State " code "," g[n % 5 + 1] >>"roster.csv"
		f = "data/" code ".csv"
		printf "name,value\n_respondent,%s\n_submitted,2019-05-02\n", code >f
		printf "main_body,b%d\n", (n * 7) % 25 + 1 >>f
		a = n % 24 + 1; b = (n * 5) % 24 + 1
		printf "bodies,b%d%s b25\n", a, b == a ? "" : " b" b >>f
		printf "staff,%d\n", n % 40 >>f
		close(f)
	}
}'
cat >stress.ini <<'X'
[report]
form = form
data = data
roster = roster.csv
title = A report of 193 replies to lists of 25 choices with long labels in three scripts
X
run 0 "$QUIRE" report stress.ini -o stress.pdf
expect_status 'a report of 193 States with 25-choice lists is written'
words_outside stress.pdf >outside
compare 'every word of it lies inside the text area' outside </dev/null
pdftotext stress.pdf - | tr '\n' ' ' | tr -s ' ' >stress.txt
expect_grep 'a list of 25 choices is a table' 'Answer Member States Share' stress.txt
expect_no_grep 'not a chart' 'n = 193 replying Member States' stress.txt

# Asked to be a chart, a list of 25 long labels is taller than a page: its table instead.
printf '\n[chart main_body]\nshow = chart\n\n[chart bodies]\nshow = both\n' >>stress.ini
run 0 "$QUIRE" report stress.ini -o chart.pdf
expect_status 'a report asking for charts of 25 long labels is written'
expect_err 'quietly' </dev/null
words_outside chart.pdf >outside
compare 'and nothing leaves the page' outside </dev/null
pdftotext chart.pdf - | tr '\n' ' ' | tr -s ' ' >chart.txt
expect_true 'each list shows its table, ending with its total' \
	test "$(grep -o 'Answered the question 193' chart.txt | wc -l)" -eq 2
expect_no_grep 'and no chart runs off the page' 'n = 193 replying Member States' chart.txt

# A long report: 45 questions of two choices, each a chart, for 12 States;
# with the timeline, 46 figures.  The
# contents are followed by a list of them, which runs over a page break,
# and whose every line gives the page of its caption.
mkdir long long/form long/data
awk 'BEGIN {
	print "type,name,label" >"long/form/survey.csv"
	print "list_name,name,label" >"long/form/choices.csv"
	print "yn,yes,Yes" >>"long/form/choices.csv"
	print "yn,no,No" >>"long/form/choices.csv"
	for (q = 1; q <= 45; q++)
		printf "select_one yn,q%d,Does your State take measure number %d?\n", q, q >>"long/form/survey.csv"
	for (n = 1; n <= 12; n++) {
		f = sprintf("long/data/X%c%c.csv", 65 + int(n / 26), 65 + n % 26)
		printf "name,value\n_respondent,X%c%c\n_submitted,2019-05-02\n", 65 + int(n / 26), 65 + n % 26 >f
		for (q = 1; q <= 45; q++)
			printf "q%d,%s\n", q, (n + q) % 3 ? "yes" : "no" >>f
		close(f)
	}
}'
printf 'form_title,form_id,version\nLong test,long,1\n' >long/form/settings.csv
printf '[report]\nform = form\ndata = data\ntitle = A long report\n' >long/long.ini
run 0 "$QUIRE" report long/long.ini -o long.pdf
expect_status 'a report of 45 charts is written'
words_outside long.pdf >outside
compare 'and every word lies inside the text area' outside </dev/null
pdftotext -layout long.pdf - | tr -d '\f' | awk '/^Tables and figures$/ { on = 1; next }
	on && /^(Figure|Table) [0-9]+\./ { print }
	on && /^II\. / { exit }' | sed -E 's/ {2,}/ /g' >listed
expect_true "the list of tables and figures has every caption ($(wc -l <listed))" \
	test "$(wc -l <listed)" -eq 46
# each line's page: where pdftotext finds that caption first, after the list
pdftotext -layout long.pdf - | awk -v RS='\f' '{ n = split($0, l, "\n")
	for (i = 1; i <= n; i++) if (l[i] ~ /^ *(Figure|Table) [0-9]+\. /) {
		t = l[i]; sub(/^ +/, "", t); sub(/  +[0-9]+$/, "", t)
		if (!(t in seen)) { seen[t] = NR } else if (!(t in page)) { page[t] = NR; print t " " NR }
	} }' | sed -E 's/ {2,}/ /g' >pages
compare 'and gives the page on which each caption stands' listed <pages

done_testing
