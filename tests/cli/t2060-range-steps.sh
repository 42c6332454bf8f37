#!/bin/sh
# t2060: range questions.  quire check refuses a step of 0 and a step that
# leads away from the end (start=10 end=0 step=1); a countdown with a
# negative step is a range.
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

done_testing
