#!/bin/sh
# t2030: respondent codes travel as file names between machines: names
# Windows keeps for devices are refused by every command that takes a code
# (one rule, resp_code_is_safe()), and a roster refuses codes that differ
# only in case and a membership that ends before it starts.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
F=$QUIRE_TEST_DATA/forms/mini
rule="Windows keeps CON, PRN, AUX, NUL, COM0 to COM9 and LPT0 to LPT9 for devices, in any case and with any extension"

mkdir replies
printf 'name,value\n_respondent,nul.csv\n_submitted,2019-05-02\nhas_law,no\n' >replies/XAA.csv
run 1 "$QUIRE" validate "$F" replies
expect_status 'validate refuses a device name as code'
expect_err 'and gives the rule' <<X
quire:replies/XAA.csv:2: _respondent: unsafe code 'nul.csv': $rule
quire: 1 problem in 1 of 1 reply
X

run 2 "$QUIRE" blank "$F" --respondent CON
expect_status 'blank refuses CON'
expect_err 'with the rule' <<X
quire blank: unsafe respondent code 'CON': $rule
Try 'quire blank --help' for more information.
X

mkdir into
run 2 "$QUIRE" enter "$F" --respondent Com1 --data into
expect_status 'enter refuses Com1'
expect_err 'with the rule' <<X
quire enter: unsafe respondent code 'Com1': $rule
Try 'quire enter --help' for more information.
X

printf 'respondent,submitted,has_law\nXAB,2019-05-02,no\nlpt9,2019-05-02,yes\n' >export.csv
run 1 "$QUIRE" import "$F" export.csv --into into
expect_status 'import rejects a row whose code is a device name'
expect_grep 'naming the row' "quire:export.csv:3: row not imported: unsafe respondent code 'lpt9'" "$ERR"
expect_true 'and writes the others' test -e into/XAB.csv -a ! -e into/lpt9.csv

cat >roster.csv <<'X'
code,name,region,member_from,member_to
XAA,Republic of Aldmere,Asia,,
XKE,Kingdom of Kestria,Africa,2010-01-01,2005-06-30
xaa,Aldmere again,Asia,,
AUX,Auxiliary State,Asia,,
X
run 1 "$QUIRE" status "$F" "$QUIRE_TEST_DATA/replies/mini" --roster roster.csv
expect_status 'a roster with such rows is refused'
expect_err 'each row is named' <<X
quire:roster.csv:3: member_to: '2005-06-30' is before member_from '2010-01-01'
quire:roster.csv:4: code 'xaa' differs from 'XAA' (row 2) only in case: their reply files would be one file on Windows and macOS
quire:roster.csv:5: code: unsafe code 'AUX': $rule
X

done_testing
