#!/bin/sh
# t5180: a constraint sees an answer as the expression language converts
# it, whoever read it first.  The validator reads a plain decimal ("6",
# "10.5", "-0") once and hands the number to the evaluator; any other form
# it accepts ("+5", "1e3") is left for the evaluator to convert, which
# makes it NaN, as JavaRosa does.  The answers' own forms and the
# references between them decide, not the order things were read in.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

mkdir f
cat >f/survey.csv <<'X'
type,name,label,constraint
integer,n,N,. > 4
decimal,d,D,. > 10
integer,m,M,${n} + . = 10
decimal,e,E,. = ${d}
X
reply r XAA 2019-05-02 'n,+5'
reply r XAB 2019-05-02 'd,1e3'
reply r XAC 2019-05-02 'n,6' 'm,4' 'd,10.5' 'e,10.50'
reply r XAD 2019-05-02 'n,-0' 'm,10'
reply r XAE 2019-05-02 'd,10.' 'e,10'
reply r XAF 2019-05-02 'n,0006' 'm,4' 'd,.5e2' 'e,50'
reply r XAG 2019-05-02 'd,1e2' 'e,100'
reply r XAH 2019-05-02 'n,+6' 'm,4'
reply r XAI 2019-05-02 'n,7' 'm,3' 'd,-.5e-1' 'e,-0.05'

run 1 "$QUIRE" validate f r
expect_status 'validate refuses the replies whose answers break a constraint'
expect_err 'each as the evaluator converts the answer, itself or referred to' <<'X'
quire:r/XAA.csv:4: n: '+5' breaks the constraint . > 4
quire:r/XAB.csv:4: d: '1e3' breaks the constraint . > 10
quire:r/XAD.csv:4: n: '-0' breaks the constraint . > 4
quire:r/XAE.csv:4: d: '10.' breaks the constraint . > 10
quire:r/XAF.csv:6: d: '.5e2' breaks the constraint . > 10
quire:r/XAF.csv:7: e: '50' breaks the constraint . = ${d}
quire:r/XAG.csv:4: d: '1e2' breaks the constraint . > 10
quire:r/XAG.csv:5: e: '100' breaks the constraint . = ${d}
quire:r/XAH.csv:4: n: '+6' breaks the constraint . > 4
quire:r/XAH.csv:5: m: '4' breaks the constraint ${n} + . = 10
quire:r/XAI.csv:6: d: '-.5e-1' breaks the constraint . > 10
quire:r/XAI.csv:7: e: '-0.05' breaks the constraint . = ${d}
quire: 12 problems in 8 of 9 replies
X

# The same replies as one wide export large enough to be read in parts:
# the messages are the one pass's.
{
	echo 'respondent,submitted,n,d,m,e'
	i=0
	while [ $i -lt 6000 ]; do
		printf 'Y%05d,2019-05-02,6,10.5,4,10.5\n' $i
		i=$((i + 1))
	done
	echo 'Z0001,2019-05-02,+6,,4,'
	echo 'Z0002,2019-05-02,6,1e2,4,100'
	echo 'Z0003,2019-05-02,-0,,10,'
} >wide.csv
for j in 1 2; do
	run 1 "$QUIRE" tab --jobs $j f wide.csv
	expect_status "tab --jobs $j refuses the export"
	expect_err "tab --jobs $j reports the constraints as validate does" <<'X'
quire:wide.csv:6002: n: '+6' breaks the constraint . > 4
quire:wide.csv:6002: m: '4' breaks the constraint ${n} + . = 10
quire:wide.csv:6003: d: '1e2' breaks the constraint . > 10
quire:wide.csv:6003: e: '100' breaks the constraint . = ${d}
quire:wide.csv:6004: n: '-0' breaks the constraint . > 4
quire: 5 problems in the data; nothing written (run quire validate)
X
done
head -6001 wide.csv >clean.csv
run 0 "$QUIRE" tab --jobs 1 --format csv -q e f clean.csv
expect_status 'the plain answers pass'
expect_grep 'and are all counted' 'question,e,,,,E,6000,,,,,answered,,,,' "$OUT"
expect_grep 'with their mean' 'summary,e,,,,,,,,,,mean,10.5,,,' "$OUT"

done_testing
