#!/bin/sh
# t9020: hostile data - respondent codes that are paths or floods, one State
# replying twice, formulas in answers, ambiguous export headers, and broken
# report definitions.  Each is refused with the file, the row and the
# reason (exit status 1), or, for formulas, made harmless.
. "$top_srcdir/tests/lib.sh"
F=$QUIRE_TEST_DATA/forms/mini
cd "$T" || exit 1
mkdir into

# A respondent code with path components.
printf 'name,value\n_respondent,../../etc/x\n_submitted,2019-05-02\nhas_law,no\n' >path.csv
run 1 "$QUIRE" validate "$F" path.csv
expect_status 'a code with path components is refused'
expect_err 'the code and the rule are given' <<'X'
quire:path.csv:2: _respondent: unsafe code '../../etc/x': use 1 to 64 letters, digits, '-', '_' and '.', not starting with '.' or '-'
quire: 1 problem in 1 of 1 reply
X
printf 'respondent,submitted,has_law\n../../etc/x,2019-05-02,no\n' >path-export.csv
run 1 "$QUIRE" import "$F" path-export.csv --into into
expect_status 'an export row with a path as code is rejected'
expect_err 'the row is named' <<'X'
quire:path-export.csv:2: row not imported: unsafe respondent code '../../etc/x'
X
expect_true 'nothing is written outside the directory' test ! -e etc/x.csv -a ! -e x.csv
expect_true 'nothing is written inside it' test -z "$(ls into)"
run 2 "$QUIRE" blank "$F" --respondent ../../etc/x
expect_status 'blank refuses a path as code (a usage error)'
expect_err 'blank gives the rule' <<'X'
quire blank: unsafe respondent code '../../etc/x': use 1 to 64 letters, digits, '-', '_' and '.', not starting with '.' or '-'
Try 'quire blank --help' for more information.
X
run 2 "$QUIRE" enter "$F" --respondent ../../etc/x --data into
expect_status 'enter refuses a path as code (a usage error)'
expect_err 'enter gives the rule' <<'X'
quire enter: unsafe respondent code '../../etc/x': use 1 to 64 letters, digits, '-', '_' and '.', not starting with '.' or '-'
Try 'quire enter --help' for more information.
X

# A very long code: described, not quoted, so it cannot flood the terminal.
long=$(head -c 100000 /dev/zero | tr '\000' X)
printf 'name,value\n_respondent,%s\n_submitted,2019-05-02\nhas_law,no\n' "$long" >long.csv
run 1 "$QUIRE" validate "$F" long.csv
expect_status 'a 100,000-character code is refused'
expect_err 'its length is given instead of the code' <<'X'
quire:long.csv:2: _respondent: unsafe code of 100000 bytes: use 1 to 64 letters, digits, '-', '_' and '.', not starting with '.' or '-'
quire: 1 problem in 1 of 1 reply
X
printf 'respondent,submitted,has_law\n%s,2019-05-02,no\n' "$long" >long-export.csv
run 1 "$QUIRE" import "$F" long-export.csv --into into
expect_status 'an export row with a 100,000-character code is rejected'
expect_err 'the import message gives its length too' <<'X'
quire:long-export.csv:2: row not imported: unsafe respondent code of 100000 bytes
X
printf 'code,name\nXAA,Aldmere\n%s,Long\n' "$long" >long-roster.csv
run 1 "$QUIRE" status "$F" "$QUIRE_TEST_DATA/replies/mini" --roster long-roster.csv
expect_status 'a roster with a 100,000-character code is refused'
expect_err 'the roster message gives its length' <<'X'
quire:long-roster.csv:3: code: unsafe code of 100000 bytes: use 1 to 64 letters, digits, '-', '_' and '.', not starting with '.' or '-'
X
code64=$(head -c 64 /dev/zero | tr '\000' X)
printf 'name,value\n_respondent,%s\n_submitted,2019-05-02\nhas_law,no\n' "$code64" >code64.csv
run 0 "$QUIRE" validate "$F" code64.csv
expect_status 'a code of 64 characters is accepted'

# Long values are shortened in messages, and unknown long names cost no time.
big=$(head -c 100000 /dev/zero | tr '\000' q)
printf 'name,value\n_respondent,XAA\n_submitted,2019-05-02\nhas_law,%s\n%s,x\n_%s,y\n' \
	"$big" "$big" "$big" >long-values.csv
run 1 "$QUIRE" validate "$F" long-values.csv
expect_status 'values and names of 100,000 characters are refused'
expect_err 'each is shown by its start and its length' <<'X'
quire:long-values.csv:5: unknown question 'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq... (100000 bytes)'
quire:long-values.csv:6: unknown metadata '_qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq... (100001 bytes)' (known: _respondent, _submitted, _channel, _entered_by, _form_version, _note, _incomplete)
quire:long-values.csv:4: has_law: 'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq... (100000 bytes)' is not a choice (choices: yes, no)
quire: 3 problems in 1 of 1 reply
X
{
	printf 'respondent,submitted,has_law'
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do printf ',extra%d' $i; done
	printf ',%s\nXAA,2019-05-02,no\n' "$big"
} >many-extra.csv
mkdir extra
run 0 "$QUIRE" import "$F" many-extra.csv --into extra
expect_status 'an export with 21 unknown columns imports'
expect_err 'the warning lists twelve of them and the count' <<'X'
quire:many-extra.csv:1: warning: 21 columns match no question: 'extra1', 'extra2', 'extra3', 'extra4', 'extra5', 'extra6', 'extra7', 'extra8', 'extra9', 'extra10', 'extra11', 'extra12', ... (21 in all)
X

# The same respondent in two files, and twice in one export.
printf 'name,value\n_respondent,XAA\n_submitted,2019-05-02\nhas_law,no\n' >one.csv
printf 'name,value\n_respondent,XAA\n_submitted,2019-06-02\nhas_law,yes\n' >two.csv
run 1 "$QUIRE" validate "$F" one.csv two.csv
expect_status 'one State replying in two files is refused'
expect_err 'the second file names the first' <<'X'
quire:two.csv:2: _respondent: 'XAA' also replied in one.csv
quire: 1 problem in 1 of 2 replies
X
printf 'respondent,submitted,has_law\nXAB,2019-05-02,no\nXAB,2019-06-02,yes\n' >twice.csv
run 1 "$QUIRE" validate "$F" twice.csv
expect_status 'one State in two rows of an export is refused'
expect_err 'the second row names the first' <<'X'
quire:twice.csv:3: _respondent: 'XAB' also replied in twice.csv row 2
quire: 1 problem in 1 of 2 replies
X
run 1 "$QUIRE" import "$F" twice.csv --into into
expect_status 'importing one State twice rejects the second row'
expect_err 'the first row is named' <<'X'
quire:twice.csv:3: row not imported: 'XAB' already imported from row 2
X
compare 'the first row is the one written' into/XAB.csv <<'X'
name,value
_respondent,XAB
_submitted,2019-05-02
has_law,no
X

# Formulas in answers: an export for spreadsheets neutralises them with a
# leading "'", in text, in metadata, and in a numeric question whose value
# is not a number (export does not validate); import takes the "'" off.
mkdir formulas
cat >formulas/XFA.csv <<'X'
name,value
_respondent,XFA
_submitted,2019-05-02
_channel,"=HYPERLINK(""http://x.invalid"",""click"")"
_note,@SUM(1+1)
has_law,yes
law_year,-1+cmd|' /C calc'!A0
comments,=cmd|' /C calc'!A0
X
printf 'name,value\n_respondent,XFB\n_submitted,2019-05-03\nhas_law,yes\nlaw_year,-5\ncomments,"\t+1"\n' >formulas/XFB.csv
run 0 "$QUIRE" export "$F" formulas -o formulas.csv
expect_status 'replies with formulas export'
compare 'every formula is neutralised; a negative number is not' formulas.csv <<'X'
respondent,submitted,has_law,law_year,offences,offences/illegal_access,offences/interception,offences/none,budapest,reply_date,comments,is_party,_channel,_entered_by,_form_version,_note,_incomplete
XFA,2019-05-02,yes,'-1+cmd|' /C calc'!A0,,,,,,,'=cmd|' /C calc'!A0,no,"'=HYPERLINK(""http://x.invalid"",""click"")",,,'@SUM(1+1),
XFB,2019-05-03,yes,-5,,,,,,,'	+1,no,,,,,
X
mkdir back
run 0 "$QUIRE" import "$F" formulas.csv --into back
expect_status 'the export imports back'
expect_true 'import takes the neutralising quote off again' diff -r formulas back
printf 'code,name\nXFA,Aldmere\nXFB,-Belmont\n' >formula-roster.csv
run 1 "$QUIRE" status "$F" formulas --roster formula-roster.csv --format csv
expect_status 'status lists the same replies, which do not validate'
expect_out 'status --format csv neutralises the channel and roster texts' <<'X'
code,name,status,submitted,channel
XFA,Aldmere,invalid,2019-05-02,"'=HYPERLINK(""http://x.invalid"",""click"")"
XFB,'-Belmont,invalid,2019-05-03,
X

# A header that matches two questions (a group path and a name collide).
run 1 "$QUIRE" import "$QUIRE_TEST_DATA/forms/ambiguous.csv" "$QUIRE_TEST_DATA/exports/ambiguous.csv" --into into
expect_status 'a header matching two questions is refused'
expect_err 'both questions are named' <<X
quire:$QUIRE_TEST_DATA/exports/ambiguous.csv:1: column 'law-year' matches two questions: 'law-year' and 'year'
X

# Report definitions: missing files, an unknown key, a bad date, a syntax error.
printf '[report]\nform = nowhere\ndata = %s/replies/mini\n' "$QUIRE_TEST_DATA" >no-form.ini
run 1 "$QUIRE" report no-form.ini
expect_status 'a definition naming a missing form is refused'
expect_err 'the line of the definition is named' <<'X'
quire:no-form.ini:2: form: cannot open './nowhere': No such file or directory
X
printf '[report]\nform = %s\ndata = %s/replies/mini;none\n' "$F" "$QUIRE_TEST_DATA" >no-data.ini
run 1 "$QUIRE" report no-data.ini
expect_status 'a definition naming missing data is refused'
expect_err 'the missing data is named at its line' <<'X'
quire:no-data.ini:3: data: cannot open './none': No such file or directory
X
printf '[report]\nform = %s\ndata = %s/replies/mini\nroster = none.csv\n' "$F" "$QUIRE_TEST_DATA" >no-roster.ini
run 1 "$QUIRE" report no-roster.ini
expect_status 'a definition naming a missing roster is refused'
expect_err 'the missing roster is named' <<'X'
quire:./none.csv: cannot open: No such file or directory
X
run 1 "$QUIRE" report missing.ini
expect_status 'a missing definition is refused'
expect_err 'the missing definition is named' <<'X'
quire:missing.ini: cannot open: No such file or directory
X
printf '[report]\nform = f\ndata = d\ntitel = Typo\ncutoff = 2019-06-31\n' >keys.ini
run 1 "$QUIRE" report keys.ini
expect_status 'an unknown key and a bad date are refused'
expect_err 'each is named at its line' <<'X'
quire:keys.ini:4: unknown key 'titel' in [report]
quire:keys.ini:5: cutoff: '2019-06-31' is not a date (YYYY-MM-DD)
X
printf '[report]\nform = f\ndate = 30/06/2019\n[section Law]\nquestions = has_law\nbogus = 1\n' >section.ini
run 1 "$QUIRE" report section.ini
expect_status 'a bad date and an unknown key in a section are refused'
expect_err 'the lines are named' <<'X'
quire:section.ini:1: [report] needs 'data'
quire:section.ini:3: date: '30/06/2019' is not a date (YYYY-MM-DD)
quire:section.ini:6: unknown key 'bogus' in [section Law]
X
printf '# Report\n[report\nform = f\n' >syntax.ini
run 1 "$QUIRE" report syntax.ini
expect_status 'a syntax error is refused'
expect_err 'the line and what a line may be are given' <<'X'
quire:syntax.ini:2: syntax error: not a [group], a 'key = value' line or a '#' comment
X
printf '# Report\nform = f\n[report]\n' >nogroup.ini
run 1 "$QUIRE" report nogroup.ini
expect_status 'a key before any group is refused'
expect_err 'the key is named' <<'X'
quire:nogroup.ini:2: syntax error: a key before the first [group]
X
cat >values.ini <<'X'
[report]
data = d
anonymous = maybe
respondent = Member State
paper = a5
small_cell = 0
[crosstab has_law]
title = No column
[chart has_law]
type = radar
[section Law]
crosstabs = has_law by region; has_law
[appendix]
X
run 1 "$QUIRE" report values.ini
expect_status 'a definition with bad values is refused'
expect_err 'every bad value is named at its line' <<'X'
quire:values.ini:1: [report] needs 'form'
quire:values.ini:4: respondent: 'Member State': the report calls the respondents Member States in each of its languages; leave the key out
quire:values.ini:5: paper: 'a5' is not a4 or letter
quire:values.ini:3: anonymous: 'maybe' is not true or false
quire:values.ini:6: small_cell: '0' is not a whole number from 1 to 1000
quire:values.ini:7: [crosstab has_law]: write [crosstab QUESTION by QUESTION-OR-COLUMN]
quire:values.ini:10: type: 'radar' is not one of bar, pie, donut, histogram, dotplot, none
quire:values.ini:12: crosstabs: 'has_law' is not 'QUESTION by QUESTION-OR-COLUMN'
quire:values.ini:13: unknown group [appendix] (known: [report], [crosstab ...], [chart ...], [section ...], [paragraph ...])
X
printf '[chart has_law]\ntype = bar\n' >no-report.ini
run 1 "$QUIRE" report no-report.ini
expect_status 'a definition without [report] is refused'
expect_err 'the missing group is named' <<'X'
quire:no-report.ini: no [report] group
X
printf '[report]\ntitle = Caf\351\n' >latin1.ini
run 1 "$QUIRE" report latin1.ini
expect_status 'a definition that is not UTF-8 is refused'
expect_err 'the encoding is named' <<'X'
quire:latin1.ini: not valid UTF-8
X

done_testing
