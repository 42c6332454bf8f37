#!/bin/sh
# t5110: one validator.  tab, chart and report reject exactly the replies
# validate rejects, with the same lines, and accept what it accepts.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

mkdir form
cat >form/survey.csv <<'X'
type,name,label,relevant,constraint,constraint_message
integer,staff,Staff on cybercrime,,. >= 0,Give a number of people
decimal,budget,Share of the budget,,,
date,adopted,Date of adoption,,,
select_multiple tools,tools,Tools used,,,
select_one yn,has_unit,Has your State a unit?,,,
integer,unit_size,Size of the unit,${has_unit} = 'yes',,
X
cat >form/choices.csv <<'X'
list_name,name,label
tools,mla,Mutual legal assistance
tools,extradition,Extradition
yn,yes,Yes
yn,no,No
X

# One problem per reply.
reply bad XBA 2019-05-02 staff,1.5
reply bad XBB 2019-05-02 staff,1e3
reply bad XBC 2019-05-02 staff,12345678901234567890
reply bad XBD 2019-05-02 budget,0x10
reply bad XBE 2019-05-02 budget,0x1p3
reply bad XBF 2019-05-02 adopted,2019-05-01T10:00
reply bad XBG 2019-05-02 'tools,mla mla'
reply bad XBH 2019-05-02 has_unit,no unit_size,4
reply bad XBI 2019-05-02 staff,-2
reply bad XBJ 2019-05-02 staff,3
reply again XBJ 2019-05-03 staff,4
A100000=$(head -c 100000 /dev/zero | tr '\0' A)
reply bad XBK 2019-05-02 "has_unit,$A100000"
A60=$(head -c 60 /dev/zero | tr '\0' A)

run 1 "$QUIRE" validate form bad again
expect_status 'validate rejects every bad reply'
expect_err 'validate names each problem' <<X
quire:bad/XBA.csv:4: staff: '1.5' is not an integer
quire:bad/XBB.csv:4: staff: '1e3' is not an integer
quire:bad/XBC.csv:4: staff: '12345678901234567890' has more than 15 digits, too many for an integer
quire:bad/XBD.csv:4: budget: '0x10' is not a number
quire:bad/XBE.csv:4: budget: '0x1p3' is not a number
quire:bad/XBF.csv:4: adopted: '2019-05-01T10:00' is not a date (YYYY-MM-DD)
quire:bad/XBG.csv:4: tools: 'mla' is selected twice
quire:bad/XBH.csv:5: unit_size: answered, but the question does not apply to this reply (relevant: \${has_unit} = 'yes')
quire:bad/XBI.csv:4: staff: '-2' breaks the constraint: Give a number of people
quire:bad/XBK.csv:4: has_unit: '$A60... (100000 bytes)' is not a choice (choices: yes, no)
quire:again/XBJ.csv:2: _respondent: 'XBJ' also replied in bad/XBJ.csv
quire: 11 problems in 11 of 12 replies
X
sed '$d' "$ERR" >validate.err

# problems NAME COMMAND...: NAME.err gets the exit status and the problem
# lines of COMMAND, NAME.last its final summary line.
problems() {
	name=$1
	shift
	"$@" </dev/null >/dev/null 2>"$name.all"
	echo "status $?" >"$name.err"
	sed '$d' "$name.all" >>"$name.err"
	tail -n 1 "$name.all" >"$name.last"
}
{ echo 'status 1'; cat validate.err; } >want.err
problems tab "$QUIRE" tab form bad again
problems chart "$QUIRE" chart -q staff -o chart.svg form bad again
problems report "$QUIRE" report -o report.pdf form bad again
for cmd in tab chart report; do
	compare "$cmd rejects the same replies with the same lines" $cmd.err <want.err
done
compare 'tab: nothing is written' tab.last <<'X'
quire: 11 problems in the data; nothing written (run quire validate)
X
compare 'chart: no chart is drawn' chart.last <<'X'
quire: 11 problems in the data; no chart drawn (run quire validate)
X
compare 'report: made only from valid replies' report.last <<'X'
quire: 11 problems in the replies; the report is made only from valid replies (run quire validate)
X
expect_true 'no chart and no report are written' test ! -e chart.svg -a ! -e report.pdf

# Each problem alone is enough.
for f in bad/XB[A-I].csv bad/XBK.csv; do
	run 1 "$QUIRE" tab form "$f"
	expect_status "tab rejects $f alone"
done
run 1 "$QUIRE" tab form bad/XBJ.csv again/XBJ.csv
expect_status 'tab rejects two replies from one code'

# And the reverse: choices separated by a tab are valid, and counted.
reply ok XOA 2019-05-02 "$(printf 'tools,"mla\textradition"')"
reply ok XOB 2019-05-02 tools,mla
run 0 "$QUIRE" validate form ok
expect_status 'validate accepts choices separated by a tab'
expect_out 'and reports no problem' <<'X'
2 replies checked: no problems
X
run 0 "$QUIRE" tab --format csv -q tools form ok
expect_status 'tab accepts them too'
grep '^choice,' "$OUT" >choices.csv
compare 'and counts both choices' choices.csv <<'X'
choice,tools,,mla,,Mutual legal assistance,2,1,,0.34238022750665315,1,,,,,
choice,tools,,extradition,,Extradition,1,0.5,,0.094531205734230739,0.90546879426576932,,,,,
X

# A question with a calculation counts what the calculation gives, the
# value every expression and figure reads, not the answer the file holds.
mkdir calc
printf 'type,name,label,calculation\ninteger,n,N,2 + 3\n' >calc/survey.csv
reply calcr XAA 2019-05-02 n,7
reply calcr XAB 2019-05-02 n,7
run 0 "$QUIRE" tab --format csv calc calcr
expect_status 'tab accepts replies to a calculated question'
expect_grep 'and its mean is the calculation' 'summary,n,,,,,,,,,,mean,5,,,' "$OUT"

done_testing
