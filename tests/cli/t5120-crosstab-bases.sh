#!/bin/sh
# t5120: crosstabs of a select_multiple count States, not ticks.  Three
# States of the North ticked seven boxes in all: the North's base is 3, its
# shares are of 3, and the bottom row says "States".
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
q() { "$JSONQ" "$OUT" "$@"; }
lines() { printf '%s\n' "$@"; }

mkdir form
cat >form/survey.csv <<'X'
type,name,label
select_multiple tools,tools,Which tools does your State use?
select_one yn,has_law,Has your State a law?
X
cat >form/choices.csv <<'X'
list_name,name,label
tools,mla,Mutual legal assistance
tools,extradition,Extradition
tools,network,24/7 network
tools,joint,Joint investigation teams
yn,yes,Yes
yn,no,No
X
cat >roster.csv <<'X'
code,name,region
XAA,Republic of Aldmere,North
XAB,Kingdom of Brenth,North
XAC,State of Corvale,North
XAD,Republic of Dunmoor,South
XAE,Federation of Eskarth,South
X
# North: 3 + 2 + 2 = 7 ticks from 3 States; South: 1 + 2 = 3 from 2.
reply r XAA 2019-05-02 'tools,mla extradition network' has_law,yes
reply r XAB 2019-05-03 'tools,mla extradition' has_law,yes
reply r XAC 2019-05-04 'tools,mla joint' has_law,yes
reply r XAD 2019-05-05 tools,mla has_law,no
reply r XAE 2019-05-06 'tools,extradition network' has_law,no
BY='--roster roster.csv --by region -q tools'

run 0 "$QUIRE" tab form r $BY --format json
expect_status 'a select_multiple by a roster column'
expect_true 'json: the cells count ticks' test "$(q 'crosstabs[0].counts')" = '[[3,1],[2,1],[1,1],[1,0]]'
expect_true 'json: col_bases are States, not ticks' test "$(q 'crosstabs[0].col_bases')" = '[3,2]'
expect_true 'json: row_bases are the States who ticked each choice' test "$(q 'crosstabs[0].row_bases')" = '[4,3,2,1]'
expect_true 'json: n is the States in the table' test "$(q 'crosstabs[0].n')" = 5
expect_true 'json: col_shares are cells / col_bases' test "$(q 'crosstabs[0].col_shares')" = \
	'[[1.0,0.5],[0.66666666666666663,0.5],[0.33333333333333331,0.5],[0.33333333333333331,0.0]]'
expect_true 'json: row_shares are cells / row_bases' test "$(q 'crosstabs[0].row_shares')" = \
	'[[0.75,0.25],[0.66666666666666663,0.33333333333333331],[0.5,0.5],[1.0,0.0]]'
expect_true 'json: overlapping cells have no tests and no expected counts' test "$(q 'crosstabs[0].tests' 'crosstabs[0].expected')" = "$(lines null null)"

run 0 "$QUIRE" tab form r $BY
sed -n '/^tools by region/,$p' "$OUT" >text.txt
compare 'text: the bottom row holds the States' text.txt <<'X'
tools by region (n = 5; counts with column percentages)
                                        North        South    Total
  Mutual legal assistance            3 (100%)      1 (50%)        4
  Extradition                         2 (67%)      1 (50%)        3
  24/7 network                        1 (33%)      1 (50%)        2
  Joint investigation teams           1 (33%)       0 (0%)        1
  States                                    3            2        5
  several answers allowed: a State counts in every row it chose; 'States' counts each State once
  no test: several answers per reply, so the cells overlap
X

run 0 "$QUIRE" tab form r $BY --format csv
grep -E '^(cell|row_base|col_base),' "$OUT" >csv.txt
compare 'csv: each share is of the column States; the bases have records' csv.txt <<'X'
cell,tools,region,mla,North,Mutual legal assistance,3,1,0.75,,,,,,,
cell,tools,region,mla,South,Mutual legal assistance,1,0.5,0.25,,,,,,,
cell,tools,region,extradition,North,Extradition,2,0.66666666666666663,0.66666666666666663,,,,,,,
cell,tools,region,extradition,South,Extradition,1,0.5,0.33333333333333331,,,,,,,
cell,tools,region,network,North,24/7 network,1,0.33333333333333331,0.5,,,,,,,
cell,tools,region,network,South,24/7 network,1,0.5,0.5,,,,,,,
cell,tools,region,joint,North,Joint investigation teams,1,0.33333333333333331,1,,,,,,,
cell,tools,region,joint,South,Joint investigation teams,0,0,0,,,,,,,
row_base,tools,region,mla,,Mutual legal assistance,4,,,,,,,,,
row_base,tools,region,extradition,,Extradition,3,,,,,,,,,
row_base,tools,region,network,,24/7 network,2,,,,,,,,,
row_base,tools,region,joint,,Joint investigation teams,1,,,,,,,,,
col_base,tools,region,,North,North,3,,,,,,,,,
col_base,tools,region,,South,South,2,,,,,,,,,
X

# The select_multiple as the columns: the rows' bases are States.
run 0 "$QUIRE" tab form r --by tools -q has_law --format json
expect_true 'by a select_multiple: row_bases are States' test "$(q 'crosstabs[0].row_bases')" = '[3,2]'
expect_true 'by a select_multiple: col_bases are the States who ticked' test "$(q 'crosstabs[0].col_bases')" = '[4,3,2,1]'
expect_true 'by a select_multiple: col_shares' test "$(q 'crosstabs[0].col_shares')" = \
	'[[0.75,0.66666666666666663,0.5,1.0],[0.25,0.33333333333333331,0.5,0.0]]'
run 0 "$QUIRE" tab form r --by tools -q has_law
expect_grep "by a select_multiple: a 'States' column" '  Yes                                 3 (75%)      2 (67%)      1 (50%)     1 (100%)        3' "$OUT"

# chart: each bar is K of the group's States.
run 0 "$QUIRE" chart form r $BY -o tools.svg
expect_status 'chart by region'
sed -n '/<desc>/,/<\/desc>/p' tools.svg | sed '$d' | sed '$d' >desc.txt
compare 'chart: K of N, N the States of the group' desc.txt <<'X'
<desc>1 Which tools does your State use?
n = 5 replying Member States, by region
North:
  Mutual legal assistance: 3 of 3
  Extradition: 2 of 3
  24/7 network: 1 of 3
  Joint investigation teams: 1 of 3
South:
  Mutual legal assistance: 1 of 2
  Extradition: 1 of 2
  24/7 network: 1 of 2
  Joint investigation teams: 0 of 2
X
expect_no_grep "chart: the note does not put every group's shares over all 5" 'each share is of the 5 States' tools.svg

if ! command -v pdftotext >/dev/null 2>&1; then
	skip 'quire report' 'pdftotext is not installed'
	done_testing
fi
cat >tools.ini <<'X'
[report]
form = form
data = r
roster = roster.csv
small_cell = 1

[crosstab tools by region]
title = Tools by region
X
run 0 "$QUIRE" report -o tools.pdf tools.ini
expect_status 'report with a select_multiple crosstab'
pdftotext tools.pdf - | tr '\n' ' ' | tr -s ' ' >tools.txt
expect_grep 'report: the table has a row of States answering' \
	'Answer North South Total Mutual legal assistance 3 1 4 Extradition 2 1 3 24/7 network 1 1 2 Joint investigation teams 1 0 1 Member States answering 3 2 5' tools.txt
expect_grep 'report: the chart has the group bases' 'North (n = 3) South (n = 2) Mutual legal assistance 3 of 3 North 1 of 2 South' tools.txt
expect_grep "report: the crosstab chart's note, under its source, puts each group's bars over that group's States" "Source: replies to question 1, by region. Several answers were allowed: each bar is out of the Member States of its group that answered, so a group’s bars may add up to more than 100%." tools.txt
expect_no_grep 'report: and no test' "Fisher's exact test gives" tools.txt

done_testing
