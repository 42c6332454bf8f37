#!/bin/sh
# t9000: hostile text - broken encodings and shapes of CSV, each refused with
# the file, the row and the reason (exit status 1).
#
# The CSV layer (src/csvio.h) accepts LF, CRLF and a lone CR as line ends,
# also mixed, as spreadsheets write all three.  A lone CR is therefore no
# error in itself; its tests pin what it does in a reply file: a CR inside
# an unquoted value ends the row there, so the rest becomes a row of its
# own whose name is no question -- an error with the row a spreadsheet
# shows.  Mixed line ends are tested the same way: rows are counted as a
# spreadsheet counts them, so an error later in the file names its row.
. "$top_srcdir/tests/lib.sh"
F=$QUIRE_TEST_DATA/forms/mini
cd "$T" || exit 1

head='name,value\n_respondent,XAA\n_submitted,2019-05-02\n'

# Invalid UTF-8: a Latin-1 'é' (0xE9) in a value.
printf "${head}has_law,yes\ncomments,caf\351\n" >latin1.csv
run 1 "$QUIRE" validate "$F" latin1.csv
expect_status 'invalid UTF-8 in a reply is refused'
expect_err 'invalid UTF-8 names the row, the column and the byte' <<'X'
quire:latin1.csv:5: invalid UTF-8 in column 2 (byte 4 of the field): the file seems to be Windows-1252 (Latin-1), in which it reads 'café'; save it as "CSV UTF-8 (comma delimited)"
X

printf 'type,name,label\ntext,caf\351,Caf\351\n' >survey.csv
mkdir latin1 && mv survey.csv latin1/
run 1 "$QUIRE" check latin1
expect_status 'invalid UTF-8 in a form is refused'
expect_err 'the form names the row and the column' <<'X'
quire:latin1/survey.csv:2: invalid UTF-8 in column 2 (byte 4 of the field): the file seems to be Windows-1252 (Latin-1), in which it reads 'café'; save it as "CSV UTF-8 (comma delimited)"
X

# A NUL byte (a binary file saved as .csv, or UTF-16).
printf "${head}has_law,y\000es\n" >nul.csv
run 1 "$QUIRE" validate "$F" nul.csv
expect_status 'a NUL byte is refused'
expect_err 'a NUL byte names the row and the column' <<'X'
quire:nul.csv:4: NUL byte in column 2
X

printf '\377\376n\000a\000m\000e\000\n\000' >utf16.csv
run 1 "$QUIRE" validate "$F" utf16.csv
expect_status 'a UTF-16 file is refused'
expect_err 'a UTF-16 file is named as such' <<'X'
quire:utf16.csv: the file is UTF-16 (little-endian, with a byte order mark); save it as "CSV UTF-8 (comma delimited)"
X

# A byte order mark: accepted at the start, refused in the middle (two files joined).
printf "\357\273\277${head}has_law,no\n" >bom-start.csv
run 0 "$QUIRE" validate "$F" bom-start.csv
expect_status 'a byte order mark at the start is accepted'
{ printf "\357\273\277${head}has_law,no\n"; printf "\357\273\277${head}has_law,no\n"; } >joined.csv
run 1 "$QUIRE" validate "$F" joined.csv
expect_status 'a byte order mark inside a file is refused'
expect_err 'the second byte order mark is found where the second file begins' <<'X'
quire:joined.csv:5: byte order mark (U+FEFF) inside the file in column 1; were two files joined?
X

# A lone CR ends a row: the text after it becomes a row of its own.
printf "${head}has_law,no\ncomments,Line one\rLine two\n" >cr.csv
run 1 "$QUIRE" validate "$F" cr.csv
expect_status 'a lone CR inside an unquoted value splits the row'
expect_err 'the rest of the value is an unknown name in the next row' <<'X'
quire:cr.csv:6: unknown question 'Line two'
quire: 1 problem in 1 of 1 reply
X
printf "${head}has_law,no\ncomments,\"Line one\rLine two\"\n" >cr-quoted.csv
run 0 "$QUIRE" validate "$F" cr-quoted.csv
expect_status 'a CR inside a quoted value stays in the value'

# Mixed line ends: LF, CRLF and CR in one file; rows count as a spreadsheet shows them.
printf 'name,value\r\n_respondent,XAA\n_submitted,2019-05-02\rhas_law,yes\r\n\r\nlaw_year,19x8\rbudapest,no\n' >mixed.csv
run 1 "$QUIRE" validate "$F" mixed.csv
expect_status 'mixed line ends are read'
expect_err 'an error after mixed line ends names the row a spreadsheet shows' <<'X'
quire:mixed.csv:6: law_year: '19x8' is not an integer
quire: 1 problem in 1 of 1 reply
X

# An unterminated quote at the end of the file.
printf "${head}has_law,no\ncomments,\"We will reply\nlater\n" >open.csv
run 1 "$QUIRE" validate "$F" open.csv
expect_status 'an unterminated quote is refused'
expect_err 'the row where the quote opens is named' <<'X'
quire:open.csv:5: unterminated quoted field at end of file
X

# A 10 MB field: beyond any spreadsheet's cell (1 MiB is the limit).
{ printf "${head}has_law,no\ncomments,"; head -c 10485760 /dev/zero | tr '\000' x; printf '\n'; } >big.csv
run 1 "$QUIRE" validate "$F" big.csv
expect_status 'a 10 MB field is refused'
expect_err 'the limit is named' <<'X'
quire:big.csv:5: field in column 2 is longer than 1048576 bytes
X

# A row of 100,000 columns: beyond any spreadsheet's width (16,384 is the limit).
{ printf "${head}has_law,no\n"; seq 1 100000 | tr '\n' ,; printf '\n'; } >wide-row.csv
run 1 "$QUIRE" validate "$F" wide-row.csv
expect_status 'a 100,000-column row is refused'
expect_err 'the limit is named' <<'X'
quire:wide-row.csv:5: more than 16384 fields in one row
X
{ printf 'respondent,submitted,'; seq 1 100000 | tr '\n' ,; printf '\n'; } >wide-head.csv
mkdir into
run 1 "$QUIRE" import "$F" wide-head.csv --into into
expect_status 'an export with a 100,000-column header is refused'
expect_err 'the header row is named' <<'X'
quire:wide-head.csv:1: more than 16384 fields in one row
X

# A duplicate header: which of the two columns holds the data cannot be known.
printf 'name,value,value\n_respondent,XAA,\n_submitted,2019-05-02,\nhas_law,no,yes\n' >dup-value.csv
run 1 "$QUIRE" validate "$F" dup-value.csv
expect_status "a reply with two 'value' columns is refused"
expect_err 'both columns are named' <<'X'
quire:dup-value.csv:1: duplicate column 'value' (columns 2 and 3)
X
printf 'respondent,submitted,has_law,budapest,has_law\nXAA,2019-05-02,no,party,yes\n' >dup-export.csv
run 1 "$QUIRE" import "$F" dup-export.csv --into into
expect_status 'an export with a question twice is refused'
expect_err 'both columns are named' <<'X'
quire:dup-export.csv:1: duplicate column 'has_law' (columns 3 and 5)
X
mkdir dup-form
printf 'type,name,label,label\ntext,a,A,B\n' >dup-form/survey.csv
run 1 "$QUIRE" check dup-form
expect_status 'a form sheet with a column twice is refused'
expect_err 'the column is named' <<'X'
quire:dup-form/survey.csv:1: duplicate column 'label' in the survey sheet
X
printf 'code,name,name\nXAA,Aldmere,Aldmère\n' >dup-roster.csv
run 1 "$QUIRE" status "$F" "$QUIRE_TEST_DATA/replies/mini" --roster dup-roster.csv
expect_status 'a roster with a column twice is refused'
expect_err 'the column is named' <<'X'
quire:dup-roster.csv:1: duplicate column 'name'
X

# An empty file.
: >empty.csv
run 1 "$QUIRE" validate "$F" empty.csv
expect_status 'an empty data file is refused'
expect_err 'an empty data file says so' <<'X'
quire:empty.csv: empty file: no header row
X
run 1 "$QUIRE" check empty.csv
expect_status 'an empty form file is refused'
expect_err 'an empty form file names what is missing' <<'X'
quire:empty.csv: no survey sheet: in a single-file form the first column names the sheets
X
mkdir empty-form && : >empty-form/survey.csv
run 1 "$QUIRE" check empty-form
expect_status 'an empty survey.csv is refused'
expect_err 'an empty survey.csv says so' <<'X'
quire:empty-form/survey.csv: the survey sheet is empty
X
run 1 "$QUIRE" status "$F" "$QUIRE_TEST_DATA/replies/mini" --roster empty.csv
expect_status 'an empty roster is refused'
expect_err 'an empty roster says so' <<'X'
quire:empty.csv: empty roster: no header row
X

# A header only.
printf 'name,value\n' >header-only.csv
run 1 "$QUIRE" validate "$F" header-only.csv
expect_status 'a reply with a header only is refused'
expect_err 'its missing metadata and answers are listed' <<'X'
quire:header-only.csv: _respondent is missing (the roster code of the replying State)
quire:header-only.csv: _submitted is missing (the date the reply was received, YYYY-MM-DD)
quire:header-only.csv: has_law: required answer is missing
quire: 3 problems in 1 of 1 reply
X
mkdir header-form && printf 'type,name,label\n' >header-form/survey.csv
run 1 "$QUIRE" check header-form
expect_status 'a form with a header only is refused'
expect_err 'a form without questions says so' <<'X'
quire:header-form/survey.csv:1: the survey sheet has no questions
X
printf 'respondent,submitted,has_law\n' >header-export.csv
run 1 "$QUIRE" import "$F" header-export.csv --into into
expect_status 'an export with a header only is refused'
expect_err 'an export without rows says so' <<'X'
quire:header-export.csv: no replies: the export has a header but no rows
X
printf 'code,name,region\n' >header-roster.csv
run 1 "$QUIRE" status "$F" "$QUIRE_TEST_DATA/replies/mini" --roster header-roster.csv
expect_status 'a roster with a header only is refused'
expect_err 'a roster without members says so' <<'X'
quire:header-roster.csv: empty roster: a header but no members
X

done_testing
