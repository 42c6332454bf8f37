#!/bin/sh
# t2300: quire status - who replied, who is late, who has not replied
. "$top_srcdir/tests/lib.sh"
cd "$QUIRE_TEST_DATA" || exit 1

run 0 "$QUIRE" status forms/mini replies/mini --roster rosters/mini.csv --cutoff 2019-06-30
expect_status 'status with a cut-off'
expect_out 'replied, late, not replied, and the rate by region' <<'X'

Replied by 2019-06-30: 2 of 4 (50%)
  XAA      Republic of Aldmere                2019-05-02 note verbale
  XAB      Kingdom of Brenth                  2019-06-30 e-mail

Late (received after 2019-06-30): 1
  XAC      State of Corvale                   2019-08-22 e-mail

Not replied: 1
  XAD      Republic of Dunmoor

Response rate by region:
  Asia                   1 of   2     50%
  Africa                 1 of   2     50%

Overall: 2 of 4 (50%); 1 late
X

run 0 "$QUIRE" status forms/mini replies/mini --roster rosters/mini.csv --cutoff 2019-06-30 --format csv
expect_status 'status --format csv'
expect_out 'one row per State with its status' <<'X'
code,name,status,submitted,channel,region
XAA,Republic of Aldmere,on_time,2019-05-02,note verbale,Asia
XAB,Kingdom of Brenth,on_time,2019-06-30,e-mail,Africa
XAC,State of Corvale,late,2019-08-22,e-mail,Asia
XAD,Republic of Dunmoor,not_replied,,,Africa
X

run 0 "$QUIRE" status forms/mini replies/mini --roster rosters/mini.csv --cutoff 2019-06-30 --format json
expect_status 'status --format json'
expect_grep 'json has the rate' '"rate": 0.5,' "$OUT"
expect_grep 'json has the groups' '"value": "Africa",' "$OUT"

# Membership is taken on the cut-off date: XAE joins in 2020.
run 0 "$QUIRE" status forms/mini replies/mini --roster rosters/mini.csv --cutoff 2020-06-30
expect_grep 'a member from 2020 counts in 2020' 'Replied by 2020-06-30: 3 of 5 (60%)' "$OUT"
expect_grep 'and has not replied' 'XAE      Federation of Eskarth' "$OUT"

run 2 "$QUIRE" status forms/mini replies/mini --roster rosters/mini.csv --cutoff 2019-13-01
expect_status 'a bad cut-off is a usage error'
expect_err 'the bad date is named' <<'X'
quire status: --cutoff: '2019-13-01' is not a date (YYYY-MM-DD)
Try 'quire status --help' for more information.
X

run 2 "$QUIRE" status forms/mini replies/mini
expect_status 'status needs a roster'

run 1 "$QUIRE" status forms/mini replies/mini replies/bad/constraint.csv replies/bad/dup.csv --roster rosters/mini.csv
expect_status 'two replies from one State fail'
expect_grep 'and are named' "_respondent: 'XBD' also replied in replies/bad/constraint.csv" "$ERR"

done_testing
