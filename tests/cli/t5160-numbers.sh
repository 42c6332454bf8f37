#!/bin/sh
# t5160: numbers.  Decimals below 1 are distinct values; figures near 1e308
# are right; an undefined figure is null or "–", never 0 or nan; a table
# with no answers has no expected counts; labels are cut between UTF-8
# characters; 1 of 8 is 13%; a tiny p is "p < 0.0001"; Fisher's test is
# exact for a 6 x 6 table of 47 States and simulated only when told.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
q() { "$JSONQ" "$OUT" "$@"; }
lines() { printf '%s\n' "$@"; }

mkdir form
cat >form/survey.csv <<'X'
type,name,label
decimal,share,Share of cases
decimal,big,Big figure
integer,one,Only one answer
select_one yn,has_law,Has your State a law?
select_one lang,script,Language of the reply
select_one yn,never,A question nobody answered
X
cat >form/choices.csv <<'X'
list_name,name,label
yn,yes,Yes
yn,no,No
lang,zh,网络犯罪国际合作问题调查表中关于国内立法和国际司法协助的问题答复选项甲乙丙丁戊己
lang,fr,Échange spontané d'éléments électronique
X
reply r XAA 2019-05-02 share,0.1 big,0.1 one,7 has_law,yes script,zh
reply r XAB 2019-05-02 share,0.2 big,0.2 has_law,no script,fr
reply r XAC 2019-05-02 share,0.25 big,0.3 has_law,no script,fr
reply r XAD 2019-05-02 share,0.25 big,1e308 has_law,no script,fr
reply r XAE 2019-05-02 big,1e308 has_law,no script,fr
for code in XAF XAG XAH; do
	reply r $code 2019-05-02 has_law,no script,fr
done

run 0 "$QUIRE" tab --format json form r
expect_status 'tab --format json'
# 0.1 0.2 0.25 0.25: median (0.2 + 0.25) / 2, q1 0.1 + 0.75 * 0.1 (R type 7).
expect_true 'decimals below 1 are distinct values' test \
	"$(q 'questions[name=share].summary.n' 'questions[name=share].summary.min' 'questions[name=share].summary.q1' 'questions[name=share].summary.median' 'questions[name=share].summary.max')" = \
	"$(lines 4 0.10000000000000001 0.17500000000000002 0.22500000000000001 0.25)"
# 0.1 0.2 0.3 1e308 1e308: mean 2e308 / 5 = 4e307 (the double nearest it);
# sd sqrt((3 * (4e307)^2 + 2 * (6e307)^2) / 4) = sqrt(30) * 1e307.
expect_true 'the mean of figures near 1e308' test "$(q 'questions[name=big].summary.mean')" = 3.9999999999999999e+307
expect_true 'and their sd' test "$(q 'questions[name=big].summary.sd')" = 5.4772255750516609e+307
expect_true 'one figure: the sd is null' test "$(q 'questions[name=one].summary.sd' 'questions[name=one].summary.mean')" = "$(lines null 7)"

run 0 "$QUIRE" tab -q share -q big -q one -q has_law form r
expect_grep 'text: the median of decimals below 1' 'mean 0.2  sd 0.0707106781186548  min 0.1  q1 0.175  median 0.225  q3 0.25  max 0.25' "$OUT"
expect_grep 'text: the mean near 1e308' 'mean 4e+307  sd 5.47722557505166e+307  min 0.1  q1 0.2  median 0.3  q3 1e+308  max 1e+308' "$OUT"
expect_grep 'text: an undefined sd is a dash' 'mean 7  sd –  min 7' "$OUT"
expect_true 'text: never nan' sh -c "! grep -qw nan '$OUT'"
expect_grep 'text: 1 of 8 is 13% (rounded half up)' '    Yes                                          1     13%' "$OUT"
expect_grep 'text: 7 of 8 is 88%' '    No                                           7     88%' "$OUT"

# A chart of figures near 1e308 prints them as numbers, not 309 digits.
run 0 "$QUIRE" chart -q big -o big.svg form r
sed -n '/<desc>/,/<\/desc>/p' big.svg >desc.txt
expect_grep 'chart: 1e308 is 1e+308' '1e+308: 2' desc.txt
expect_no_grep 'chart: and not a wrong 30-digit number' '100000000000000001097906362944' desc.txt
if command -v pdftotext >/dev/null 2>&1; then
	"$QUIRE" chart -q big -o big.pdf form r
	pdftotext big.pdf big.txt
	expect_true 'chart: no axis label of 20 digits or more' sh -c "! grep -Eq '[0-9]{20}' big.txt"
else
	skip 'chart: no axis label of 20 digits or more' 'pdftotext is not installed'
fi

# A crosstab with no answers at all: no expected counts.
run 0 "$QUIRE" tab --format json -q never --by has_law form r
expect_true 'an empty table: counts are zeros' test "$(q 'crosstabs[0].counts' 'crosstabs[0].n')" = "$(lines '[[0,0],[0,0]]' 0)"
expect_true 'an empty table: expected is null, not zeros' test "$(q 'crosstabs[0].expected')" = null
expect_true 'an empty table: shares are null' test "$(q 'crosstabs[0].col_shares')" = '[[null,null],[null,null]]'
expect_true 'an empty table: no test' test "$(q 'crosstabs[0].tests.pearson_chi2' 'crosstabs[0].tests.fisher_exact_p')" = "$(lines null null)"
run 0 "$QUIRE" tab --format csv -q never --by has_law form r
grep '^cell,' "$OUT" >cells.csv
compare 'an empty table in CSV: the expected counts are empty' cells.csv <<'X'
cell,never,has_law,yes,yes,Yes,0,,,,,expected,,,,
cell,never,has_law,yes,no,Yes,0,,,,,expected,,,,
cell,never,has_law,no,yes,No,0,,,,,expected,,,,
cell,never,has_law,no,no,No,0,,,,,expected,,,,
X

# Labels of 40 characters are cut at a character, with an ellipsis.
run 0 "$QUIRE" tab -q script --by has_law form r
expect_true 'text: valid UTF-8' iconv -f UTF-8 -t UTF-8 -o /dev/null "$OUT"
sed -n '/^script by has_law/,/^  Total/p' "$OUT" >cut.txt
compare 'text: long labels cut between characters' cut.txt <<'X'
script by has_law (n = 8; counts with column percentages)
                                          Yes           No    Total
  网络犯罪国际合作问题调查表中…      1 (100%)       0 (0%)        1
  Échange spontané d'éléments é…       0 (0%)     7 (100%)        7
  Total                                     1            7        8
X

if command -v pdftotext >/dev/null 2>&1; then
	printf '[report]\nform = form\ndata = r\n\n[chart has_law]\nshow = both\n' >numbers.ini
	run 0 "$QUIRE" report -o numbers.pdf numbers.ini
	expect_status 'report'
	pdftotext numbers.pdf - | tr '\n' ' ' | tr -s ' ' >numbers.txt
	expect_grep 'report: 1 of 8 is 13% there too' 'Share Yes 1 13% No 7 88%' numbers.txt
	expect_grep 'report: and its chart, with show = both' 'Figure 2. Has your State a law? (question 4) Yes 1 of 8 No 7 of 8 0 1 2 3 4 5 6 7 8 Source: replies to question 4. Shares are of the 8 Member States that answered.' numbers.txt
	expect_grep 'report: the median of decimals below 1' 'the figures range from 0.1 to 0.25, with a median of 0.225.' numbers.txt
	expect_grep 'report: the mean near 1e308' 'Maximum Mean 5 0.1 0.2 0.3 1e+308 1e+308 4e+307' numbers.txt
	expect_true 'report: never nan' sh -c '! grep -qw nan numbers.txt'
	sed 's/ [0-9a-f]\{64\}//g' numbers.txt >numbers-no-sums.txt
	expect_true 'report: no number of 20 digits or more' sh -c "! grep -Eq '[0-9]{20}' numbers-no-sums.txt"
else
	skip 'report' 'pdftotext is not installed'
fi

# A tiny p is "p < 0.0001", exact or simulated.
#             North South East
# Yes            10     0    0
# No              0    10    0
# Planned         0     0   10
mkdir tiny
cat >tiny/survey.csv <<'X'
type,name,label
select_one unit,has_unit,Has your State a cybercrime unit?
X
cat >tiny/choices.csv <<'X'
list_name,name,label
unit,yes,Yes
unit,no,No
unit,planned,Planned
X
states tr tiny.csv <<'X'
North 10 has_unit,yes
South 10 has_unit,no
East 10 has_unit,planned
X
run 0 "$QUIRE" tab --roster tiny.csv --by region tiny tr
expect_grep 'exact: p < 0.0001' "Fisher's exact test p < 0.0001; Cramer's V 1.000" "$OUT"
expect_no_grep 'exact: never p = 0.0000' 'p = 0.0000' "$OUT"
run 0 "$QUIRE" tab --roster tiny.csv --by region --fisher-exact-limit 1 tiny tr
expect_grep 'simulated: p < 0.0001' "Fisher's exact test p < 0.0001 (estimated from 100000 simulated tables" "$OUT"
expect_no_grep 'simulated: never p = 0.0000' 'p = 0.0000' "$OUT"
expect_no_grep 'simulated: no figure printed as 0.0000' '0.0000)' "$OUT"

# Fisher's test of a 6 x 6 table of 47 States is exact, and agrees with R's
# fisher.test(m, workspace = 2e8) to 1e-7.
mkdir six
printf 'type,name,label\nselect_one six,stance,Stance\n' >six/survey.csv
{
	echo 'list_name,name,label'
	for c in a b c d e f; do echo "six,$c,Stance $c"; done
} >six/choices.csv
# table DIR: reads a table, rows the stances a-f and columns the regions
# R1-R6, and writes its States to the roster DIR.csv and the replies DIR/.
table() {
	awk '{ for (c = 1; c <= NF; c++) print "R" c, $c, "stance," substr("abcdef", NR, 1) }' | states "$1" "$1.csv"
}
# fisher TEST P: the crosstab of $OUT is exact, with a p-value within 1e-7 of P.
fisher() {
	expect_true "$1: exact" test "$(q 'crosstabs[0].tests.fisher_method')" = exact
	expect_true "$1: R's p, $2" awk -v p="$(q 'crosstabs[0].tests.fisher_exact_p')" -v r="$2" \
		'BEGIN { d = p / r - 1; exit !(d < 1e-7 && d > -1e-7) }'
}
table even <<'X'
2 1 1 1 2 2
1 2 1 0 1 2
1 1 3 1 0 1
1 1 1 3 1 1
2 1 0 1 2 1
1 2 1 1 2 2
X
run 0 "$QUIRE" tab --format json --roster even.csv --by region six even
expect_true 'a sparse 6 x 6 of 47 States' test "$(q 'crosstabs[0].n' 'crosstabs[0].counts')" = \
	"$(lines 47 '[[2,1,1,1,2,2],[1,2,1,0,1,2],[1,1,3,1,0,1],[1,1,1,3,1,1],[2,1,0,1,2,1],[1,2,1,1,2,2]]')"
fisher 'a sparse 6 x 6' 0.99438497927345215
table lumpy <<'X'
1 2 0 1 0 1
0 0 0 0 5 2
0 0 2 0 1 2
1 2 0 5 4 0
2 1 0 2 2 3
0 1 4 0 1 2
X
run 0 "$QUIRE" tab --format json --roster lumpy.csv --by region six lumpy
expect_true 'a lumpier 6 x 6 of 47 States' test "$(q 'crosstabs[0].n')" = 47
fisher 'a lumpier 6 x 6' 0.0065734067212318732

run 0 "$QUIRE" tab --format json --roster even.csv --by region --fisher-exact-limit 1 six even
expect_true '--fisher-exact-limit 1: monte_carlo' test "$(q 'crosstabs[0].tests.fisher_method' 'crosstabs[0].tests.fisher_replicates')" = "$(lines monte_carlo 100000)"
run 0 "$QUIRE" tab --roster even.csv --by region --fisher-exact-limit 1 six even
expect_grep '--fisher-exact-limit 1: the text says so' 'estimated from 100000 simulated tables' "$OUT"

done_testing
