#!/bin/sh
# t2010: quire validate - the value of every kind of question, metadata
# given twice, a value without a name, a required answer with its message,
# a reply to another version of the form; replies on standard input; and
# an export whose detail column is neither 1/0 nor True/False.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

cat >kinds.csv <<'X'
survey,type,name,label,required,required_message,parameters
,decimal,share,Share,,,
,range,score,Score,,,start=1 end=5 step=1
,range,down,Countdown,,,start=10 end=0 step=-1
,time,at,Time,,,
,dateTime,when,When,,,
,rank colours,ranking,Rank the colours,,,
,select_multiple many,picks,Picks,,,
,text,contact,Contact,yes,Give a contact for follow-up questions,
choices,list_name,name,label
,colours,red,Red
,colours,green,Green
,colours,blue,Blue
,many,a1,A1
,many,a2,A2
,many,a3,A3
,many,a4,A4
,many,a5,A5
,many,a6,A6
,many,a7,A7
,many,a8,A8
,many,a9,A9
,many,a10,A10
,many,a11,A11
,many,a12,A12
,many,a13,A13
,many,a14,A14
settings,form_id,version
,kinds,2
X

cat >good.csv <<'X'
name,value
_respondent,XAB
_submitted,2019-05-02
_form_version,2
share,0.25
score,3
down,10
at,09:30:00
when,2019-05-02T10:00:00
ranking,blue red green
picks,a1 a14
contact,someone@example.invalid
X
run 0 "$QUIRE" validate kinds.csv good.csv
expect_status 'well-formed values of every kind pass'

cat >bad.csv <<'X'
name,value
_respondent,XAA
_submitted,2019-05-02
_form_version,1
_note,first
_note,second
share,1e400
score,7
down,-1
at,25:00
when,2019-05-02T25:00:00
ranking,red green red
picks,a1 a13 zz
,orphan
X
run 1 "$QUIRE" validate kinds.csv bad.csv
expect_status 'malformed values of every kind fail'
expect_err 'each problem is named with its row' <<'X'
quire:bad.csv:6: _note given twice (first in row 5)
quire:bad.csv:14: value without a name
quire:bad.csv:4: warning: reply entered with form version 1; the form is version 2
quire:bad.csv:7: share: '1e400' is not a number
quire:bad.csv:8: score: 7 is outside the range 1 to 5
quire:bad.csv:9: down: -1 is outside the range 0 to 10
quire:bad.csv:10: at: '25:00' is not a time (HH:MM:SS)
quire:bad.csv:11: when: '2019-05-02T25:00:00' is not a date and time (YYYY-MM-DDTHH:MM:SS)
quire:bad.csv:12: ranking: 'red' is ranked twice
quire:bad.csv:13: picks: 'zz' is not a choice (choices: a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, ... (14 in all))
quire:bad.csv: contact: required answer is missing: Give a contact for follow-up questions
quire: 10 problems in 1 of 1 reply
X

printf 'name,value\n_respondent,XAC\n_submitted,2019-05-02\nshare,abc\nscore,x\npicks,a2 a2\ncontact,c\n' >more.csv
run 1 "$QUIRE" validate kinds.csv more.csv
expect_status 'a number that is none and a choice selected twice fail'
expect_err 'they are named' <<'X'
quire:more.csv:4: share: 'abc' is not a number
quire:more.csv:5: score: 'x' is not a number
quire:more.csv:6: picks: 'a2' is selected twice
quire: 3 problems in 1 of 1 reply
X

# Replies on standard input: an export, read as "-".
"$QUIRE" export kinds.csv good.csv >good-export.csv
STDIN=good-export.csv run 0 "$QUIRE" validate kinds.csv -
expect_status 'an export on standard input validates'
expect_out 'its reply is counted' <<'X'
1 reply checked: no problems
X
STDIN=bad.csv run 1 "$QUIRE" validate kinds.csv -
expect_status 'a reply file on standard input is read as an export, and refused'
expect_err 'standard input is named as such' <<'X'
quire:<stdin>:1: no column holds the respondent code; name it with --id-column
X

# An export's detail column must be 1/0 or True/False; the row is not imported.
printf 'respondent,submitted,picks/a1,picks/a2\nXAD,2019-05-02,yes,0\nXAE,2019-05-02,1,0\n' >details.csv
mkdir into
run 1 "$QUIRE" import kinds.csv details.csv --into into
expect_status 'a detail that is neither 1/0 nor True/False fails'
expect_err 'the cell is named' <<'X'
quire:details.csv:2: picks/a1: 'yes' is neither 1/0 nor True/False
X
expect_out 'the row is rejected, the others imported' <<X
details.csv (quire export): 1 reply written to into; 1 rejected
X
expect_true 'the rejected row is not written without its value' test ! -e into/XAD.csv

done_testing
