#!/bin/sh
# t2020: no expression builds a value longer than EXPR_MAX_STRING (1 MiB, the
# largest CSV cell): a calculation, relevant or constraint that would is a
# problem of the reply, named with the form's row, and nothing aborts.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

# Forty calculations, each the one before twice over: from a seed of two
# bytes, c19 is 1 MiB and c20 would be 2 MiB (c40, 2 TiB, once aborted
# every command on a 2 GiB allocation).
mkdir doubling
awk 'BEGIN {
	print "type,name,label,relevant,constraint,calculation"
	print "text,seed,Seed,,,"
	print "calculate,c1,,,,\"concat(${seed}, ${seed})\""
	for (i = 2; i <= 40; i++)
		printf "calculate,c%d,,,,\"concat(${c%d}, ${c%d})\"\n", i, i - 1, i - 1
}' >doubling/survey.csv
run 0 "$QUIRE" check -q doubling
expect_status 'the form passes check: the length depends on the answers'

reply short XAA 2019-05-02
run 0 "$QUIRE" validate doubling short
expect_status 'a reply without the seed is valid: every calculation is empty'

reply long XAB 2019-05-02 'seed,ab'
run 1 "$QUIRE" validate doubling long
expect_status 'validate reports a value that would pass the bound'
expect_err 'naming the calculation and its row' <<'X'
quire:long/XAB.csv: calculation of 'c20' (doubling/survey.csv row 22) makes a value longer than 1048576 bytes, the most a value may hold
quire: 1 problem in 1 of 1 reply
X
run 1 "$QUIRE" tab doubling long
expect_status 'tab refuses the reply'
expect_err 'with the same message' <<'X'
quire:long/XAB.csv: calculation of 'c20' (doubling/survey.csv row 22) makes a value longer than 1048576 bytes, the most a value may hold
quire: 1 problem in the data; nothing written (run quire validate)
X
run 1 "$QUIRE" export -o export.csv doubling long
expect_status 'export fails'
expect_err 'saying why' <<'X'
quire:long/XAB.csv: calculation of 'c20' (doubling/survey.csv row 22) makes a value longer than 1048576 bytes, the most a value may hold
X
expect_true 'and writes nothing' test ! -e export.csv

# Every expression is held to the bound: a group's relevant, a question's
# relevant and a constraint.
mkdir checks
cat >checks/survey.csv <<'X'
type,name,label,relevant,constraint,calculation
text,seed,Seed,,,
calculate,c1,,,,"concat(${seed}, ${seed}, ${seed}, ${seed})"
calculate,c2,,,,"concat(${c1}, ${c1}, ${c1}, ${c1})"
calculate,c3,,,,"concat(${c2}, ${c2}, ${c2}, ${c2})"
calculate,big,,,,"concat(${c3}, ${c3}, ${c3}, ${c3})"
text,checked,Checked,,"string-length(concat(., ${big})) > 0",
begin group,part,Part,"string-length(concat(${big}, ${big})) > 0",,
text,inner,Inner,,,
end group,,,,,
text,asked,Asked,"string-length(concat(${big}, ${big}, ${big})) > 0",,
X
printf 'name,value\n_respondent,XAC\n_submitted,2019-05-02\nseed,%s\nchecked,x\n' \
	"$(head -c 4096 /dev/zero | tr '\0' s)" >XAC.csv
run 1 "$QUIRE" validate checks XAC.csv
expect_status 'a constraint and relevants that build too much are problems'
expect_err 'each named with its row (the constraint, found false, is broken too)' <<'X'
quire:XAC.csv:5: checked: 'x' breaks the constraint string-length(concat(., ${big})) > 0
quire:XAC.csv: relevant of group 'part' (checks/survey.csv row 8) makes a value longer than 1048576 bytes, the most a value may hold
quire:XAC.csv: relevant of 'asked' (checks/survey.csv row 11) makes a value longer than 1048576 bytes, the most a value may hold
quire:XAC.csv: constraint of 'checked' (checks/survey.csv row 7) makes a value longer than 1048576 bytes, the most a value may hold
quire: 4 problems in 1 of 1 reply
X

done_testing
