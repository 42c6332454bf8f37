#!/bin/sh
# t5130: small-cell suppression prints no false values and cannot be undone.
# A 1 is hidden as "< 3"; the 4, 5 and 3 hidden to protect it are "x" (never
# "< 3"); the 0 stays; and no test or expected count of the table appears.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
q() { "$JSONQ" "$OUT" "$@"; }
lines() { printf '%s\n' "$@"; }

mkdir form
cat >form/survey.csv <<'X'
type,name,label
select_one unit,has_unit,Has your State a cybercrime unit?
X
cat >form/choices.csv <<'X'
list_name,name,label
unit,yes,Yes
unit,no,No
unit,planned,Planned
X
#                 North South East
# Yes                 1     4    6
# No                  5     3    7
# Planned             6     0    3
states r roster.csv <<'X'
North 1 has_unit,yes
South 4 has_unit,yes
East 6 has_unit,yes
North 5 has_unit,no
South 3 has_unit,no
East 7 has_unit,no
North 6 has_unit,planned
East 3 has_unit,planned
X
BY='--roster roster.csv --by region'

run 0 "$QUIRE" tab form r $BY --format json
expect_true 'the table in full' test "$(q 'crosstabs[0].counts')" = '[[1,4,6],[5,3,7],[6,0,3]]'
expect_true 'with its tests' test "$(q 'crosstabs[0].tests.fisher_exact_p')" = 0.07489714469170515

run 0 "$QUIRE" tab form r $BY --small-cell 3 --format json
expect_status 'tab --small-cell 3'
expect_true 'json: the 1 is primary; the 4, 5 and 3 that would reveal it are secondary' test "$(q 'crosstabs[0].suppressed')" = \
	'[["primary","secondary",null],["secondary","secondary",null],[null,null,null]]'
expect_true 'json: hidden counts are null; the 0 stays' test "$(q 'crosstabs[0].counts')" = '[[null,null,6],[null,null,7],[6,0,3]]'
expect_true 'json: hidden shares are null' test "$(q 'crosstabs[0].col_shares' 'crosstabs[0].row_shares')" = \
	"$(lines '[[null,null,0.375],[null,null,0.4375],[0.5,0.0,0.1875]]' '[[null,null,0.54545454545454541],[null,null,0.46666666666666667],[0.66666666666666663,0.0,0.33333333333333331]]')"
expect_true 'json: the bases stay' test "$(q 'crosstabs[0].row_bases' 'crosstabs[0].col_bases' 'crosstabs[0].n')" = \
	"$(lines '[11,15,9]' '[12,7,16]' 35)"
expect_true 'json: no tests and no expected counts' test "$(q 'crosstabs[0].tests' 'crosstabs[0].expected')" = "$(lines null null)"
for word in chi2 fisher cramers phi expected_lt5 min_expected; do
	expect_no_grep "json: no $word anywhere" "$word" "$OUT"
done

run 0 "$QUIRE" tab form r $BY --small-cell 3
sed -n '/^has_unit by region/,$p' "$OUT" >text.txt
compare 'text: "< 3" for the 1, "x" for the others, both explained' text.txt <<'X'
has_unit by region (n = 35; counts with column percentages)
                                        North        South         East    Total
  Yes                                     < 3            x      6 (38%)       11
  No                                        x            x      7 (44%)       15
  Planned                             6 (50%)       0 (0%)      3 (19%)        9
  Total                                    12            7           16       35
  < 3: a count from 1 to 2, hidden to protect the anonymity of the replies
  x: a count hidden so that no hidden count can be worked out from the totals
  no test: counts are hidden, and a test would reveal them
X
for word in chi-square Fisher Cramer phi expected 'p ='; do
	expect_no_grep "text: no $word" "$word" text.txt
done

run 0 "$QUIRE" tab form r $BY --small-cell 2
expect_grep 'text: with a threshold of 2 "< 2" could only mean 1, so the table is not shown' \
	'not shown: every count of this table would be below 2 or would reveal one that is, and so would its totals' "$OUT"
expect_no_grep 'and no cell of it' 'North' "$OUT"

run 0 "$QUIRE" tab form r $BY --small-cell 3 --format csv
grep '^cell,' "$OUT" >cells.csv
compare 'csv: hidden cells are empty and say why' cells.csv <<'X'
cell,has_unit,region,yes,North,Yes,,,,,,,,,,primary
cell,has_unit,region,yes,South,Yes,,,,,,,,,,secondary
cell,has_unit,region,yes,East,Yes,6,0.375,0.54545454545454541,,,,,,,
cell,has_unit,region,no,North,No,,,,,,,,,,secondary
cell,has_unit,region,no,South,No,,,,,,,,,,secondary
cell,has_unit,region,no,East,No,7,0.4375,0.46666666666666667,,,,,,,
cell,has_unit,region,planned,North,Planned,6,0.5,0.66666666666666663,,,,,,,
cell,has_unit,region,planned,South,Planned,0,0,0,,,,,,,
cell,has_unit,region,planned,East,Planned,3,0.1875,0.33333333333333331,,,,,,,
X
expect_no_grep 'csv: no test records' 'test,' "$OUT"
expect_no_grep 'csv: no expected counts' 'expected' "$OUT"

# What the marks themselves say counts: "< 3" is 1 or 2, and "x" is 0 or 3
# and more (a 1 or 2 would be "< 3").  Nine States by law and group, as a
# Working Group's table: the rows of one State would give every cell away
# under any pattern, so the table is withheld, and its marks are all
# "secondary": a "primary" would say in which group the lone State is.
#                 Asia Africa
# Law               3     1
# Amended           2     1
# Draft             1     0
# None              0     1
mkdir law
printf 'type,name,label\nselect_one status,status,Status of the law\n' >law/survey.csv
printf 'list_name,name,label\nstatus,law,Law\nstatus,amended,Amended\nstatus,draft,Draft\nstatus,none,None\n' >law/choices.csv
states lr lroster.csv <<'X'
Asia 3 status,law
Africa 1 status,law
Asia 2 status,amended
Africa 1 status,amended
Asia 1 status,draft
Africa 1 status,none
X
run 0 "$QUIRE" tab law lr --roster lroster.csv --by region --small-cell 3 --format json
expect_true 'json: a table its own marks would give away is withheld' test "$(q 'crosstabs[0].withheld')" = true
expect_true 'json: every cell of it secondary, none primary' test "$(q 'crosstabs[0].suppressed')" = \
	'[["secondary","secondary"],["secondary","secondary"],["secondary","secondary"],["secondary","secondary"]]'
expect_true 'json: no count, base or n of it' test "$(q 'crosstabs[0].counts' 'crosstabs[0].row_bases' 'crosstabs[0].n')" = \
	"$(lines '[[null,null],[null,null],[null,null],[null,null]]' null null)"

if ! command -v pdftotext >/dev/null 2>&1; then
	skip 'quire report' 'pdftotext is not installed'
	done_testing
fi
cat >units.ini <<'X'
[report]
form = form
data = r
roster = roster.csv
small_cell = 3

[crosstab has_unit by region]
title = Units by region
X
run 0 "$QUIRE" report -o units.pdf units.ini
expect_status 'report with a suppressed crosstab'
pdftotext units.pdf - | tr '\n' ' ' | tr -s ' ' >units.txt
expect_grep 'report: "<3" for the 1 and "x" for the 4, 5 and 3' \
	'Answer North South East Total Yes <3 x 6 11 No x x 7 15 Planned 6 0 3 9 Total 12 7 16 35' units.txt
expect_grep 'report: both symbols explained' \
	'< 3: a count from 1 to 2, not shown to protect the anonymity of the replies. x: a count not shown so that no hidden count can be worked out from the totals.' units.txt
for word in chi-square Fisher Cramér phi expected 'p ='; do
	expect_no_grep "report: no $word" "$word" units.txt
done
expect_grep 'report: the methodology says a test was left out' \
	'No test is given for 1 cross-tabulation with hidden counts, as its figures could reveal them.' units.txt

done_testing
