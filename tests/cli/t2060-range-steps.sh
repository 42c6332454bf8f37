#!/bin/sh
# t2060: range questions.  quire check refuses a step of 0 and a step that
# leads away from the end (start=10 end=0 step=1); a countdown with a
# negative step is a range.  The validator, and so every command and quire
# enter, takes only values a whole number of steps from the start, to the
# precision of a double: 0.3 is a step of 0.1 from 0.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

cat >bad.csv <<'X'
survey,type,name,label,parameters
,range,zero,Zero,start=0 end=10 step=0
,range,reversed,Reversed,start=10 end=0
,range,away,Away,start=0 end=10 step=-2
,range,countdown,Countdown,start=10 end=0 step=-1
,range,word,Word,start=x end=5
,range,infinite,Infinite,end=inf
X
run 1 "$QUIRE" check bad.csv
expect_status 'quire check refuses such ranges'
expect_err 'each is named with its row' <<'X'
quire:bad.csv:2: range parameter 'step' must not be 0
quire:bad.csv:3: range start=10 end=0 step=1: start is greater than end (a range that counts down needs a negative step)
quire:bad.csv:4: range start=0 end=10 step=-2: a negative step counts down, but start is less than end
quire:bad.csv:6: range parameter 'start' is not a number: 'x'
quire:bad.csv:7: range parameter 'end' is not a number: 'inf'
X

cat >form.csv <<'X'
survey,type,name,label,parameters
,range,even,Even,start=0 end=10 step=2
,range,tenth,Tenth,start=0 end=100 step=0.1
,range,cents,Cents,start=0 end=10 step=0.01
,range,thirds,Thirds,start=0 end=30 step=0.3
,range,offset,Offset,start=0.7 end=50 step=0.1
,range,below,Below,start=-5 end=5 step=0.1
,range,large,Large,start=1000000 end=1000001 step=0.001
,range,down,Countdown,start=10 end=0 step=-2
X
run 0 "$QUIRE" check -q form.csv
expect_status 'steps of 2, 0.1, 0.01, 0.3, 0.001 and -2 are ranges'

reply . XAA 2019-05-02 even,3 tenth,0.35 cents,0.005 thirds,0.30000001 offset,0.75 \
	below,-4.95 large,1000000.0005 down,7
run 1 "$QUIRE" validate form.csv XAA.csv
expect_status 'values between the steps fail'
expect_err 'each is named, with its step and start' <<'X'
quire:XAA.csv:4: even: '3' is not a step of 2 from 0
quire:XAA.csv:5: tenth: '0.35' is not a step of 0.1 from 0
quire:XAA.csv:6: cents: '0.005' is not a step of 0.01 from 0
quire:XAA.csv:7: thirds: '0.30000001' is not a step of 0.3 from 0
quire:XAA.csv:8: offset: '0.75' is not a step of 0.1 from 0.7
quire:XAA.csv:9: below: '-4.95' is not a step of 0.1 from -5
quire:XAA.csv:10: large: '1000000.0005' is not a step of 0.001 from 1000000
quire:XAA.csv:11: down: '7' is not a step of -2 from 10
quire: 8 problems in 1 of 1 reply
X

# Every value on a step, written as a person writes it, passes: 1,001
# replies in a wide CSV (dec N D: the integer N with D decimals).
awk 'function dec(n, d,   s) {
	s = sprintf("%0" (d + 1) "d", n < 0 ? -n : n)
	return (n < 0 ? "-" : "") substr(s, 1, length(s) - d) "." substr(s, length(s) - d + 1)
}
BEGIN {
	print "respondent,submitted,even,tenth,cents,thirds,offset,below,large,down"
	for (k = 0; k <= 1000; k++)
		printf "X%04d,2019-05-02,%d,%s,%s,%s,%s,%s,%s,%d\n", k, 2 * (k % 6),
		       dec(k, 1), dec(k, 2), dec(3 * (k % 101), 1), dec(7 + k % 494, 1),
		       dec(-50 + k % 101, 1), dec(1000000000 + k, 3), 10 - 2 * (k % 6)
}' >steps.csv
run 0 "$QUIRE" validate form.csv steps.csv
expect_status 'every value on a step passes, 0.1 steps and 0.3 steps alike'
expect_out 'all 1,001 replies' <<'X'
1001 replies checked: no problems
X
# and every value halfway between two steps fails
awk 'BEGIN {
	print "respondent,submitted,tenth,large"
	for (k = 0; k < 1000; k++)
		printf "X%04d,2019-05-02,%d.%d5,1000000.%03d5\n", k, k / 10, k % 10, k
}' >halves.csv
run 1 "$QUIRE" validate form.csv halves.csv
expect_status 'halfway values fail'
expect_true 'every one of them' test "$(grep -c 'is not a step of' "$ERR")" -eq 2000

run 1 "$QUIRE" tab form.csv XAA.csv
expect_status 'tab refuses them'
expect_grep 'with the message of validate' "quire:XAA.csv:4: even: '3' is not a step of 2 from 0" "$ERR"

# quire enter asks again
mkdir data
printf '\n1\nSecretariat\n3\n4\n' >in
STDIN=in run 0 "$QUIRE" enter form.csv --respondent XAB --data data
expect_status 'enter goes on'
expect_grep 'a value between the steps is refused as it is typed' "  ! '3' is not a step of 2 from 0" "$OUT"
expect_grep 'the next is saved' 'even,4' data/XAB.csv

done_testing
