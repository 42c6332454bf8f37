#!/bin/sh
# t1010: quire check - rows a form cannot use: names missing, rows without a
# type, a range's parameters, a calculate without a calculation, choices
# without a list or a name, sheets missing their columns or given twice.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

cat >rows.csv <<'X'
survey,type,name,label,parameters,calculation,disabled
,text,,No name,,,
,begin group,,No name,,,
,end group,,,,,
,note,,A note without a name,,,
,,lonely,,,,
,,,Only a label,,,
,,,,,,
,range,r,R,start=x end=5,,
,calculate,c,,,,
,text,off,Disabled,,,yes
,select_one yn,q,Q,,,
choices,list_name,name,label
,yn,yes,Yes
,,stray,Stray
,yn,,Nameless
X
run 1 "$QUIRE" check rows.csv
expect_status 'rows a form cannot use fail'
expect_err 'each row is named; a note needs no name, an empty row is a comment, a disabled row is skipped' <<'X'
quire:rows.csv:15: choice 'stray' has no list_name
quire:rows.csv:16: choice in list 'yn' has no name
quire:rows.csv:2: question of type 'text' has no name
quire:rows.csv:3: 'begin group' has no name
quire:rows.csv:6: row has a name but no type
quire:rows.csv:7: row has a label but no type
quire:rows.csv:9: range parameter 'start' is not a number: 'x'
quire:rows.csv:10: calculate 'c' has no calculation
X

printf 'survey,type,name,label\n,text,a,A\nchoices,list,label\n,yn,Yes\n' >no-columns.csv
run 1 "$QUIRE" check no-columns.csv
expect_status 'a choices sheet without list_name and name fails'
expect_err 'the columns are named' <<'X'
quire:no-columns.csv:3: the choices sheet needs the columns 'list_name' and 'name'
X

printf 'survey,name,label\n,a,A\n' >no-type.csv
run 1 "$QUIRE" check no-type.csv
expect_status "a survey without a 'type' column fails"
expect_err 'the column is named' <<'X'
quire:no-type.csv:1: the survey sheet has no 'type' column
X

printf ',type,name,label\nsurvey,text,a,A\n' >no-sheet.csv
run 1 "$QUIRE" check no-sheet.csv
expect_status 'a row before any sheet name fails'
expect_err 'the first column is explained' <<'X'
quire:no-sheet.csv:1: row before any sheet name: the first column must name the sheet (survey, choices, settings)
X

printf 'survey,type,name,label\n,text,a,A\nsurvey,type,name\n,text,b\n' >two-surveys.csv
run 1 "$QUIRE" check two-surveys.csv
expect_status 'a second survey sheet fails'
expect_err 'the second sheet is named' <<'X'
quire:two-surveys.csv:3: second 'survey' sheet
X

done_testing
