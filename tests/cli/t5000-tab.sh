#!/bin/sh
# t5000: quire tab - bases with skip logic, no-answers, an exclusive 'none',
# late replies, numeric answers with one and two values, crosstabs; golden
# JSON, CSV and text.
. "$top_srcdir/tests/lib.sh"
cd "$QUIRE_TEST_DATA" || exit 1
G=golden
F=forms/mini
D=replies/tab

run 0 "$QUIRE" tab --format json --cutoff 2019-06-30 $F $D
expect_status 'tab --format json'
compare 'JSON matches the golden file' "$OUT" <$G/tab-cutoff.json

# The figures the golden file holds, one by one (DESIGN §2 definitions).
q() { "$JSONQ" "$OUT" "$@"; }
cp "$OUT" "$T/cutoff.json"
OUT=$T/cutoff.json
expect_true 'four replies included, one late' test "$(q respondents.included respondents.late)" = "$(printf '4\n1')"
expect_true 'base = replies the question applied to' test "$(q 'questions[name=law_year].base')" = 3
expect_true 'not applicable = replies without a law' test "$(q 'questions[name=law_year].not_applicable')" = 1
expect_true 'no answer splits the base' test "$(q 'questions[name=law_year].no_answer' 'questions[name=law_year].answered')" = "$(printf '1\n2')"
expect_true 'two values: quartiles as R type 7' test "$(q 'questions[name=law_year].summary.q1' 'questions[name=law_year].summary.q3')" = "$(printf '2013\n2015')"
expect_true 'two values: sample sd' test "$(q 'questions[name=law_year].summary.sd')" = 2.8284271247461903
expect_true "shares are of 'answered'" test "$(q 'questions[name=budapest].choices[value=party].share')" = 0.33333333333333331
expect_true 'Wilson 95% interval for 3 of 4' test "$(q 'questions[name=has_law].choices[value=yes].ci95')" = '[0.30064184258240201,0.95441273919029945]'
expect_true "the exclusive 'none' is counted like a choice" test "$(q 'questions[name=offences].choices[value=none].count')" = 1
expect_true 'select_multiple shares may sum past 1' test "$(q 'questions[name=offences].choices[value=illegal_access].share')" = 0.66666666666666663
expect_true 'combinations are counted' test "$(q 'questions[name=offences].combinations[0].values')" = '["illegal_access"]'
OUT=$T/.out

run 0 "$QUIRE" tab --format json $F $D
expect_status 'without a cut-off every reply counts'
expect_true 'three values of law_year' test "$("$JSONQ" "$OUT" 'questions[name=law_year].summary.n' 'questions[name=law_year].summary.median')" = "$(printf '3\n2016')"
expect_true 'nobody is late' test "$("$JSONQ" "$OUT" respondents.late)" = 0

run 0 "$QUIRE" tab --format json -q law_year --cutoff 2019-05-05 $F $D
expect_status 'one value'
expect_true 'one value: sd is null, not made up' test "$("$JSONQ" "$OUT" 'questions[name=law_year].summary.sd' 'questions[name=law_year].summary.median')" = "$(printf 'null\n2012')"
expect_true '-q selects questions' test "$("$JSONQ" "$OUT" 'questions[1]' 2>/dev/null)" = ''

run 0 "$QUIRE" tab --format csv --by has_law --cutoff 2019-06-30 $F $D
expect_status 'tab --format csv --by'
compare 'CSV matches the golden file' "$OUT" <$G/tab-by.csv
expect_grep 'tests have rows of their own' 'test,budapest,has_law,,,,,,,,,pearson_chi2,3,2,0.22313016014842982' "$OUT"
expect_grep 'a select_multiple row has no tests' 'cell,offences,has_law,none,yes,None of these,1,0.33333333333333331,1,,,,,,,' "$OUT"
expect_no_grep 'and no test rows' 'test,offences' "$OUT"

run 0 "$QUIRE" tab --by has_law --cutoff 2019-06-30 $F $D
expect_status 'tab --format text --by'
compare 'text matches the golden file' "$OUT" <$G/tab-by.txt

run 0 "$QUIRE" tab --format json --by has_law -q budapest --cutoff 2019-06-30 $F $D
expect_true 'crosstab counts' test "$("$JSONQ" "$OUT" 'crosstabs[0].counts')" = '[[1,0],[1,0],[0,1]]'
expect_true 'Fisher p' test "$("$JSONQ" "$OUT" 'crosstabs[0].tests.fisher_exact_p')" = 1
expect_true 'undefined Yates on a 3x2 table is null' test "$("$JSONQ" "$OUT" 'crosstabs[0].tests.yates_chi2')" = null
expect_true 'column shares' test "$("$JSONQ" "$OUT" 'crosstabs[0].col_shares')" = '[[0.5,0.0],[0.5,0.0],[0.0,1.0]]'

# A wide export streams to the same figures as the reply files.
"$QUIRE" export $F $D >"$T/wide.csv"
run 0 "$QUIRE" tab --format json --cutoff 2019-06-30 $F "$T/wide.csv"
expect_status 'tab reads a wide export'
compare 'a wide export gives the same JSON' "$OUT" <$G/tab-cutoff.json

# Invalid data: nothing is written, an existing output is kept.
mkdir "$T/bad"
cp $D/*.csv "$T/bad/"
printf 'name,value\n_respondent,TB1\n_submitted,2019-05-01\nhas_law,perhaps\n' >"$T/bad/TB1.csv"
echo previous >"$T/out.json"
run 1 "$QUIRE" tab --format json -o "$T/out.json" $F "$T/bad"
expect_status 'a choice not in the list fails'
expect_err 'the value is named, with file and row' <<X
quire:$T/bad/TB1.csv:4: has_law: 'perhaps' is not a choice (choices: yes, no)
quire: 1 problem in the data; nothing written (run quire validate)
X
expect_true 'the existing output is kept' test "$(cat "$T/out.json")" = previous

printf 'name,value\n_respondent,TB2\n_submitted,June 2019\nhas_law,yes\n' >"$T/TB2.csv"
run 1 "$QUIRE" tab --cutoff 2019-06-30 $F "$T/TB2.csv"
expect_status 'a reply without a date cannot be placed by the cut-off'
expect_err 'and says so' <<X
quire:$T/TB2.csv:3: _submitted: 'June 2019' is not a date (YYYY-MM-DD)
quire: 1 problem in the data; nothing written (run quire validate)
X

run 2 "$QUIRE" tab -q nope $F $D
expect_status 'an unknown -q is a usage error'
expect_err 'the question is named' <<'X'
quire tab: -q: the form has no question 'nope'
Try 'quire tab --help' for more information.
X

run 2 "$QUIRE" tab --by comments $F $D
expect_status '--by a text question is refused'
expect_err 'with the reason' <<'X'
quire tab: --by: 'comments' is a text question; crosstabs need a select_one or select_multiple question, or a roster column
Try 'quire tab --help' for more information.
X

run 0 "$QUIRE" tab --format json --by region --roster rosters/mini.csv -q has_law $F replies/mini
expect_status '--by a roster column'
expect_true 'the columns are the roster values' test "$("$JSONQ" "$OUT" 'crosstabs[0].col_values')" = '["Asia","Africa"]'
expect_true 'the roster size is reported' test "$("$JSONQ" "$OUT" respondents.roster)" = 4

run 2 "$QUIRE" tab --format xml $F $D
expect_status 'an unknown format is a usage error'

# A calculation quire cannot evaluate is not computed: left out of tables,
# refused by -q, empty in an export.
mkdir "$T/uncomputed" "$T/uncomputed-replies"
cat >"$T/uncomputed/survey.csv" <<'X'
type,name,label,calculation
integer,n,N,
calculate,price,,"pulldata('prices', 'p', 'id', ${n})"
calculate,twice,,${n} * 2
X
printf 'name,value\n_respondent,XKE\n_submitted,2024-01-01\nn,3\n' >"$T/uncomputed-replies/XKE.csv"
run 0 "$QUIRE" tab --format csv "$T/uncomputed" "$T/uncomputed-replies"
expect_status 'tab runs on a form with a calculation not computed'
expect_no_grep 'the calculation not computed is left out of the table' ',price,' "$OUT"
expect_grep 'the calculation computed is in it' ',twice,' "$OUT"
expect_grep 'the warning says it is left out of tables' "calculations quire cannot evaluate are not computed, and left out of tables: row 3 'price' (unknown function 'pulldata')" "$ERR"
run 2 "$QUIRE" tab -q price "$T/uncomputed" "$T/uncomputed-replies"
expect_status 'tab -q of a calculation not computed is a usage error'
expect_grep 'and says why' "quire tab: -q: the calculation of 'price' is not computed: quire cannot evaluate it" "$ERR"
run 0 "$QUIRE" export "$T/uncomputed" "$T/uncomputed-replies"
expect_status 'export runs on it'
expect_grep 'its value is empty in an export' 'XKE,2024-01-01,3,,6' "$OUT"

done_testing
