#!/bin/sh
# t5100: the analysis set - which replies count.  A reply from a State whose
# membership ended before the cut-off, from a code not on the roster, marked
# incomplete or received late is left out of status, tab, chart and report
# alike, and each says how many and why; the report does not crash on the
# text answer of a State it leaves out.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
q() { "$JSONQ" "$OUT" "$@"; }
lines() { printf '%s\n' "$@"; }

mkdir form
cat >form/survey.csv <<'X'
type,name,label
select_one yn,has_law,Has your State a law?
text,comments,Comments
X
cat >form/choices.csv <<'X'
list_name,name,label
yn,yes,Yes
yn,no,No
X
cat >form/settings.csv <<'X'
form_title,form_id,version
Analysis set form,aset,1
X
# Five members on 30 June 2019: XAD left on 31 January.
cat >roster.csv <<'X'
code,name,region,member_from,member_to
XAA,Republic of Aldmere,North,,
XAB,Kingdom of Brenth,South,,
XAC,State of Corvale,North,,
XAD,Republic of Dunmoor,South,,2019-01-31
XAE,Federation of Eskarth,North,,
XAF,Union of Fennick,South,,
X
reply r XAA 2019-05-02 has_law,yes 'comments,Aldmere welcomes the work'
reply r XAB 2019-06-10 has_law,no
reply r XAC 2019-08-22 has_law,yes 'comments,Corvale replied late'
reply r XAD 2019-05-20 has_law,yes 'comments,Dunmoor is no longer a member'
reply r XZZ 2019-05-21 has_law,yes
reply inc XAE 2019-05-22 has_law,no _incomplete,yes
CUT='--roster roster.csv --cutoff 2019-06-30'

# status: every reply has one status, and the members are counted once.
run 0 "$QUIRE" status form r inc $CUT
expect_status 'status'
expect_out 'status lists every reply left out, with the reason' <<'X'

Replied by 2019-06-30: 2 of 5 (40%)
  XAA      Republic of Aldmere                2019-05-02
  XAB      Kingdom of Brenth                  2019-06-10

Late (received after 2019-06-30): 1
  XAC      State of Corvale                   2019-08-22

Not replied: 1
  XAF      Union of Fennick

Not members on 2019-06-30: 1
  XAD      Republic of Dunmoor                2019-05-20

Not on the roster: 1
  XZZ      (unknown)                          2019-05-21

Marked incomplete (entry not finished): 1
  XAE      Federation of Eskarth              2019-05-22

Response rate by region:
  North                  1 of   3     33%
  South                  1 of   2     50%

Overall: 2 of 5 (40%); 1 late
X

run 0 "$QUIRE" status form r inc $CUT --format json
expect_true 'status json: the counts' test "$(q on_time late not_member not_on_roster incomplete invalid not_replied roster)" = "$(lines 2 1 1 1 1 0 1 5)"
expect_true 'status json: a former member is not_member' test "$(q 'states[code=XAD].status')" = not_member
expect_true 'status json: an unknown code is not_on_roster' test "$(q 'states[code=XZZ].status')" = not_on_roster
expect_true 'status json: an unfinished entry is incomplete' test "$(q 'states[code=XAE].status')" = incomplete
cp "$OUT" status.json

# tab: the same replies are counted, and the others listed with the reason
# in the order they were read.
run 0 "$QUIRE" tab form r inc $CUT --format json
expect_status 'tab --format json'
expect_true 'tab json: included, late, roster' test "$(q respondents.included respondents.late respondents.roster)" = "$(lines 2 1 5)"
expect_true 'tab json: every reply left out, with the reason' test "$(q respondents.excluded)" = \
	'[{"respondent":"XAC","reason":"late"},{"respondent":"XAD","reason":"not_member"},{"respondent":"XZZ","reason":"not_on_roster"},{"respondent":"XAE","reason":"incomplete"}]'
expect_true 'tab json: only the two included replies are counted' test "$(q 'questions[name=has_law].answered' 'questions[name=has_law].choices[value=yes].count')" = "$(lines 2 1)"
expect_true 'tab json: the text answers are the included ones' test "$(q 'questions[name=comments].answered')" = 1
expect_true 'status and tab agree' test \
	"$("$JSONQ" status.json on_time late roster)" = "$(q respondents.included respondents.late respondents.roster)"

run 0 "$QUIRE" tab form r inc $CUT --format csv
grep -E '^(respondents|excluded),' "$OUT" >csv.txt
compare 'tab csv: the respondents and excluded records' csv.txt <<'X'
respondents,,,,,,2,,,,,included,,,,
respondents,,,,,,0,,,,,invalid,,,,
respondents,,,,,,1,,,,,not_on_roster,,,,
respondents,,,,,,1,,,,,not_member,,,,
respondents,,,,,,1,,,,,incomplete,,,,
respondents,,,,,,1,,,,,late,,,,
excluded,,,XAC,,,,,,,,late,,,,
excluded,,,XAD,,,,,,,,not_member,,,,
excluded,,,XZZ,,,,,,,,not_on_roster,,,,
excluded,,,XAE,,,,,,,,incomplete,,,,
X

run 0 "$QUIRE" tab form r inc $CUT
expect_grep 'tab text: who is left out, and why' \
	'Replies included: 2 of 5 on the roster; 1 late (after 2019-06-30), not included; left out: 1 not on the roster, 1 not a member on 2019-06-30, 1 marked incomplete' "$OUT"
expect_grep 'tab text: the included text answer' 'XAA: Aldmere welcomes the work' "$OUT"
expect_no_grep 'tab text: no text from a former member' 'Dunmoor' "$OUT"

# A former member alone.
run 0 "$QUIRE" tab form r/XAA.csv r/XAB.csv r/XAD.csv $CUT --format json
expect_true 'a former member is the one reply left out' test "$(q respondents.included respondents.excluded)" = \
	"$(lines 2 '[{"respondent":"XAD","reason":"not_member"}]')"
run 0 "$QUIRE" tab form r/XAA.csv r/XAB.csv r/XAD.csv $CUT
expect_grep 'and the text says so' 'left out: 1 not a member on 2019-06-30' "$OUT"

# chart: the same base, and a note on what is not included.
run 0 "$QUIRE" chart form r inc $CUT -q has_law -o has_law.svg
expect_status 'chart'
sed -n '/<desc>/,/<\/desc>/p' has_law.svg >desc.txt
compare 'chart: the base and the replies not included' desc.txt <<'X'
<desc>1 Has your State a law?
n = 2 replying Member States
Yes: 1 of 2
No: 1 of 2
Not included: 1 reply received after 30 June 2019, 1 reply whose entry is not finished, 1 reply from a State not a member on 30 June 2019, 1 reply from a code not on the roster.
</desc>
X

if ! command -v pdftotext >/dev/null 2>&1; then
	skip 'quire report' 'pdftotext is not installed'
	done_testing
fi
# report: an incomplete reply is left out, as everywhere, and said to be.
run 0 "$QUIRE" report $CUT -o inc.pdf form r inc
expect_status 'report with an incomplete reply'
pdftotext inc.pdf - | tr '\n' ' ' | tr -s ' ' >inc.txt
expect_grep 'report: the unfinished entry is said to be left out' 'Replies from one Member State that was not a member on 30 June 2019, from one sender that is not on the roster and from one Member State whose entry has not been completed are not included.' inc.txt
expect_grep 'report: and it is not counted' 'replies had been received from 2 of the 5 Member States (40%).' inc.txt
# A former member's text answer used to crash the report (it went to Annex II).
run 0 "$QUIRE" report $CUT -o report.pdf form r
expect_status 'report with a former member who wrote a text answer'
pdftotext report.pdf - | tr '\n' ' ' | tr -s ' ' >report.txt
expect_grep 'report: the response rate' 'By 30 June 2019, replies had been received from 2 of the 5 Member States (40%). A reply from 1 further Member State arrived after that date and is not included.' report.txt
expect_grep 'report: the replies left out are said to be' 'Replies from one Member State that was not a member on 30 June 2019 and from one sender that is not on the roster are not included.' report.txt
expect_grep 'report: the sentence counts of the same two' 'one of the two replying Member States answered “Yes”; one answered “No”.' report.txt
expect_grep 'report: the table too, for two States a table, not a chart' 'Answer Member States Share Yes 1 50% No 1 50% Answered the question 2' report.txt
expect_grep 'report: and its base' 'Shares are of the 2 Member States that answered.' report.txt
expect_grep 'report: the text answers too' 'Asked “Comments” (question 2), one of the two replying Member States answered; the answers are reproduced in Annex II.' report.txt
expect_grep 'report: the included text' '[State] welcomes the work' report.txt
expect_no_grep 'report: no text from a former member' 'no longer a member' report.txt
expect_no_grep 'report: no text from a late reply' 'replied late' report.txt
expect_grep 'report: the methodology gives the same counts' 'The cut-off date was 30 June 2019: 2 replies received by then are included and 1 received later' report.txt
expect_grep 'report: one late reply takes the singular' 'and 1 received later is not.' report.txt
expect_grep 'report: and the same roster' 'The roster lists 5 Member States on that date.' report.txt

# Without a cut-off, membership is taken on the day of the report (2 September
# 2019, from SOURCE_DATE_EPOCH): the former member is still left out.
run 0 "$QUIRE" report --roster roster.csv -o nocutoff.pdf form r
expect_status 'report without a cut-off'
pdftotext nocutoff.pdf - | tr '\n' ' ' | tr -s ' ' >nocutoff.txt
expect_grep 'report: three replies count' 'Replies had been received from 3 of the 5 Member States (60%).' nocutoff.txt
expect_grep 'report: the two left out are said to be' 'Replies from one Member State that was not a member on 2 September 2019 and from one sender that is not on the roster are not included.' nocutoff.txt
expect_no_grep 'report: the methodology does not say all replies are included' 'All 3 replies received are included' nocutoff.txt
expect_no_grep 'report: nor refers to a date it has not given' 'on that date' nocutoff.txt

done_testing
