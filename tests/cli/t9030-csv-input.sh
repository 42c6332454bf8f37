#!/bin/sh
# t9030: nothing read is silently cut or misread - a field past the cap is
# refused as soon as the cap is reached, whatever the input; a file that is
# not UTF-8 is named by its encoding, with the way to save it as UTF-8; a
# row with more fields than its header is an error, in every reader; and an
# export's 0/1 columns that contradict the space-separated column are an
# error, not ignored.
. "$top_srcdir/tests/lib.sh"
F=$QUIRE_TEST_DATA/forms/mini
cd "$T" || exit 1

# /dev/zero is never read until memory runs out: named, it is a device,
# not opened; on standard input it is refused at its first byte.
run 1 timeout 60 "$QUIRE" validate "$F" /dev/zero
expect_status '/dev/zero is refused'
expect_err 'as a device' <<'X'
quire:/dev/zero: cannot read replies from a device: give a file, a directory, or '-' for standard input
X
STDIN=/dev/zero
run 1 timeout 60 "$QUIRE" validate "$F" -
unset STDIN
expect_status '/dev/zero on standard input is refused'
expect_err 'at its first byte' <<'X'
quire:<stdin>:1: NUL byte in column 1
X

# A field of 100 MB on a pipe: reading stops at the cap of 1 MiB, and what
# quire did not read is still in the pipe.
head -c 100000000 /dev/zero | tr '\000' x | {
	timeout 60 "$QUIRE" validate "$F" - >"$OUT" 2>"$ERR"
	echo $? >status
	wc -c | tr -d ' ' >left
}
got_status=$(cat status)
want_status=1
expect_status 'a field of 100 MB is refused'
expect_err 'as longer than the cap' <<'X'
quire:<stdin>:1: field in column 1 is longer than 1048576 bytes
X
expect_true 'at the cap: at most 2 MB of it was read' test "$(cat left)" -ge 98000000

# Encodings: UTF-16 and UTF-32 of either byte order, with or without a byte
# order mark, and Windows-1252.
printf 'name,value\n_respondent,XAA\n_submitted,2019-05-02\nhas_law,no\ncomments,C\303\264te d'"'"'Ivoire\n' >utf8.csv
run 0 "$QUIRE" validate "$F" utf8.csv
expect_status 'the reply in UTF-8 is valid'
for enc in UTF-16LE UTF-16BE UTF-32LE UTF-32BE UTF-16 WINDOWS-1252; do
	iconv -f UTF-8 -t "$enc" utf8.csv >"$enc.csv"
done
# iconv's UTF-16 writes a byte order mark; so does Excel's "Unicode Text".
for enc in UTF-16LE UTF-16BE UTF-32LE UTF-32BE UTF-16; do
	run 1 "$QUIRE" validate "$F" "$enc.csv"
	expect_status "$enc is refused"
done
run 1 "$QUIRE" validate "$F" UTF-16LE.csv UTF-16BE.csv UTF-32LE.csv UTF-32BE.csv UTF-16.csv
expect_err 'each is named with its byte order and the way to save it as UTF-8, every one of them' <<'X'
quire:UTF-16LE.csv: the file is UTF-16 (little-endian, no byte order mark); save it as "CSV UTF-8 (comma delimited)"
quire:UTF-16BE.csv: the file is UTF-16 (big-endian, no byte order mark); save it as "CSV UTF-8 (comma delimited)"
quire:UTF-32LE.csv: the file is UTF-32 (little-endian, no byte order mark); save it as "CSV UTF-8 (comma delimited)"
quire:UTF-32BE.csv: the file is UTF-32 (big-endian, no byte order mark); save it as "CSV UTF-8 (comma delimited)"
quire:UTF-16.csv: the file is UTF-16 (little-endian, with a byte order mark); save it as "CSV UTF-8 (comma delimited)"
X
for enc in UTF-16BE UTF-32LE UTF-32BE UTF-16; do
	run 1 "$QUIRE" validate "$F" "$enc.csv"
	cp "$ERR" "$enc.err"
done
compare 'UTF-16, big-endian' UTF-16BE.err <<'X'
quire:UTF-16BE.csv: the file is UTF-16 (big-endian, no byte order mark); save it as "CSV UTF-8 (comma delimited)"
X
compare 'UTF-32, little-endian' UTF-32LE.err <<'X'
quire:UTF-32LE.csv: the file is UTF-32 (little-endian, no byte order mark); save it as "CSV UTF-8 (comma delimited)"
X
compare 'UTF-32, big-endian' UTF-32BE.err <<'X'
quire:UTF-32BE.csv: the file is UTF-32 (big-endian, no byte order mark); save it as "CSV UTF-8 (comma delimited)"
X
compare 'UTF-16 with a byte order mark' UTF-16.err <<'X'
quire:UTF-16.csv: the file is UTF-16 (little-endian, with a byte order mark); save it as "CSV UTF-8 (comma delimited)"
X
run 1 "$QUIRE" validate "$F" WINDOWS-1252.csv
expect_status 'Windows-1252 is refused'
expect_err 'the text is shown as Windows-1252 reads it' <<'X'
quire:WINDOWS-1252.csv:5: invalid UTF-8 in column 2 (byte 2 of the field): the file seems to be Windows-1252 (Latin-1), in which it reads 'Côte d'Ivoire'; save it as "CSV UTF-8 (comma delimited)"
X
iconv -f UTF-8 -t UTF-16LE "$QUIRE_TEST_DATA/forms/corpus-good.csv" >form16.csv
run 1 "$QUIRE" check form16.csv
expect_status 'a form in UTF-16 is refused'
expect_err 'and named as such' <<'X'
quire:form16.csv: the file is UTF-16 (little-endian, no byte order mark); save it as "CSV UTF-8 (comma delimited)"
X

# A row with more fields than its header: an unquoted comma in a value
# written by hand.  The value as it was meant is shown.
mkdir r
printf 'name,value\n_respondent,XAA\n_submitted,2019-05-02\nhas_law,no\ncomments,We support the draft, subject to reservations\n' >r/XAA.csv
run 1 "$QUIRE" validate "$F" r/XAA.csv
expect_status 'an unquoted comma in a reply is an error'
expect_err 'the row, the count and the fix are given' <<'X'
quire:r/XAA.csv:5: 3 fields, but the header has 2: quote a value that holds a comma ("We support the draft, subject to reservations")
quire: 1 problem in 1 of 1 reply
X
run 1 "$QUIRE" tab "$F" r
expect_status 'tab refuses the reply as validate does'
expect_grep 'with the same message' 'quire:r/XAA.csv:5: 3 fields, but the header has 2' "$ERR"

# Empty fields past the header, as a spreadsheet writes them, are fine in a
# reply; so are other columns the header names (an answer sheet's).
printf 'name,value,,\n_respondent,XAB,,\n_submitted,2019-05-02,,\nhas_law,no,,\ncomments,"a, b",,\n' >XAB.csv
printf 'name,question,value\n_respondent,code,XAC\n_submitted,date,2019-05-02\nhas_law,"Has your State a law?",no\n' >XAC.csv
run 0 "$QUIRE" validate "$F" XAB.csv XAC.csv
expect_status 'trailing empty fields and named columns are fine'
printf 'name,question,value\n_respondent,code,XAD\n_submitted,date,2019-05-02\nhas_law,Has your State a law, or a draft?,no\n' >XAD.csv
run 1 "$QUIRE" validate "$F" XAD.csv
expect_status 'a comma in an answer sheet'"'"'s question is an error'
expect_err 'any column may hold it: no value is shown' <<'X'
quire:XAD.csv:4: 4 fields, but the header has 3: quote a value that holds a comma
quire:XAD.csv:4: has_law: 'or a draft?' is not a choice (choices: yes, no)
quire: 2 problems in 1 of 1 reply
X

# An export row with more fields than its header: its values are in the
# wrong columns, so it is neither tabulated nor imported.
cat >extra.csv <<'X'
respondent,submitted,has_law,comments,_note
XAA,2019-05-02,no,fine,
XAB,2019-05-02,no,We support the draft, subject to reservations,
XAC,2019-05-02,no,,,
X
run 1 "$QUIRE" validate "$F" extra.csv
expect_status 'an export row with more fields than its header is an error'
expect_err 'each such row is named, an extra empty field too' <<'X'
quire:extra.csv:3: 6 fields, but the header has 5: quote a value that holds a comma
quire:extra.csv:4: 6 fields, but the header has 5: quote a value that holds a comma
quire: 2 problems in 2 of 3 replies
X
mkdir into
run 1 "$QUIRE" import "$F" extra.csv --into into
expect_status 'import rejects those rows'
expect_out 'and says so' <<'X'
extra.csv (quire export): 1 reply written to into; 2 rejected
X
expect_true 'only the whole row is written' test "$(ls into)" = XAA.csv
printf 'respondent;submitted;has_law\nXAA;2019-05-02;no;x\n' >semi.csv
run 1 "$QUIRE" validate "$F" semi.csv
expect_err 'a KoboToolbox export names its semicolon' <<'X'
quire:semi.csv:2: 4 fields, but the header has 3: quote a value that holds a semicolon
quire: 1 problem in 1 of 1 reply
X

# A roster: a name with an unquoted comma.
printf 'code,name,region\nXAA,Aldmere,Asia\nXKR,Korea, Republic of,Asia\n' >roster.csv
run 1 "$QUIRE" status "$F" "$QUIRE_TEST_DATA/replies/mini" --roster roster.csv
expect_status 'a roster row with more fields than its header is an error'
expect_err 'the roster row is named' <<'X'
quire:roster.csv:3: 4 fields, but the header has 3: quote a value that holds a comma
X
printf 'code,name,region,,\nXAA,Aldmere,Asia,,\nXAB,Brenth,Africa,,\nXAC,Corvale,Asia\n' >roster-empty.csv
run 0 "$QUIRE" status "$F" "$QUIRE_TEST_DATA/replies/mini" --roster roster-empty.csv
expect_status 'empty cells past a roster'"'"'s header are fine'

# A form: a label with an unquoted comma, in a form directory and in a
# single-file form.  Trailing empty cells, which Excel writes, are fine.
mkdir form
printf 'type,name,label\ntext,comments,Comments\ninteger,year,Year, if any\n' >form/survey.csv
run 1 "$QUIRE" check form
expect_status 'a survey row with more fields than its header is an error'
expect_err 'the form row is named' <<'X'
quire:form/survey.csv:3: 4 fields, but the header has 3: quote a value that holds a comma
X
printf 'survey,type,name,label\n,text,comments,Comments\n,integer,year,Year\nchoices,list_name,name,label\n,yn,yes,Yes, indeed\n' >single.csv
run 1 "$QUIRE" check single.csv
expect_status 'a choices row with more fields than its header is an error'
expect_err 'the row of the single-file form is named' <<'X'
quire:single.csv:5: 5 fields, but the header has 4: quote a value that holds a comma
X
printf 'type,name,label,,\ntext,comments,Comments,,\ninteger,year,Year\n' >form/survey.csv
run 0 "$QUIRE" check -q form
expect_status 'trailing empty cells in a form are fine'

# A select_multiple's 0/1 columns against its space-separated column: when
# they disagree, which holds the answer cannot be known.  An empty 0/1 cell
# says nothing; one that is not 0/1 is an error, as without the summary.
cat >details.csv <<'X'
respondent,submitted,has_law,law_year,offences,offences/illegal_access,offences/interception,offences/none
XAA,2019-05-02,yes,2012,illegal_access interception,1,1,0
XAB,2019-05-02,yes,2012,illegal_access interception,1,0,0
XAC,2019-05-02,yes,2012,illegal_access,1,0,1
XAD,2019-05-02,yes,2012,,0,1,0
XAE,2019-05-02,yes,2012,illegal_access,1,,
XAF,2019-05-02,yes,2012,illegal_access,yes,0,0
XAG,2019-05-02,yes,2012,interception illegal_access,True,true,False
X
run 1 "$QUIRE" validate "$F" details.csv
expect_status 'detail columns that contradict the answer are an error'
expect_err 'the row, the column and both values are named' <<'X'
quire:details.csv:3: offences/interception: '0' (not chosen), but offences is 'illegal_access interception'
quire:details.csv:4: offences/none: '1' (chosen), but offences is 'illegal_access'
quire:details.csv:5: offences/interception: '1' (chosen), but offences is empty
quire:details.csv:7: offences/illegal_access: 'yes' is neither 1/0 nor True/False
quire: 4 problems in 4 of 7 replies
X
mkdir details
run 1 "$QUIRE" import "$F" details.csv --into details
expect_status 'import rejects those rows'
expect_out 'only the rows that agree are written' <<'X'
details.csv (quire export): 3 replies written to details; 4 rejected
X
expect_true 'empty details and names out of list order agree' \
	test "$(ls details | tr '\n' ' ')" = 'XAA.csv XAE.csv XAG.csv '
cat >kobo.csv <<'X'
"state";"law/has_law";"law/offences";"law/offences/illegal_access";"law/offences/interception";"law/offences/none";"_submission_time"
"XKA";"yes";"illegal_access";"1";"1";"0";"2019-05-11T09:41:19"
"XKB";"yes";"illegal_access";"True";"False";"";"2019-05-11T09:41:19"
X
run 1 "$QUIRE" validate --id-column state "$F" kobo.csv
expect_status 'in a KoboToolbox export too'
expect_err 'its group is not in the name, as for other values' <<'X'
quire:kobo.csv:2: offences/interception: '1' (chosen), but offences is 'illegal_access'
quire: 1 problem in 1 of 2 replies
X

done_testing
