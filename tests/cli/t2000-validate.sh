#!/bin/sh
# t2000: quire validate - every problem of a reply, with file and row
. "$top_srcdir/tests/lib.sh"
F=$QUIRE_TEST_DATA/forms/mini
R=$QUIRE_TEST_DATA/replies
cd "$QUIRE_TEST_DATA" || exit 1

run 0 "$QUIRE" validate --roster rosters/mini.csv forms/mini replies/mini
expect_status 'valid replies pass'
expect_out 'valid replies are counted' <<'X'
3 replies checked: no problems
X

run 1 "$QUIRE" validate forms/mini replies/bad/names.csv
expect_status 'unknown names fail'
expect_err 'unknown names, duplicates and notes are reported' <<'X'
quire:replies/bad/names.csv:4: unknown metadata '_submited' (known: _respondent, _submitted, _channel, _entered_by, _form_version, _note, _incomplete)
quire:replies/bad/names.csv:5: unknown question 'has_lwa'; did you mean 'has_law'?
quire:replies/bad/names.csv:7: has_law: answered twice (first in row 6)
quire:replies/bad/names.csv:8: thanks: is a note and takes no answer
quire:replies/bad/names.csv:9: unknown question 'frobnicate'
quire: 5 problems in 1 of 1 reply
X

run 1 "$QUIRE" validate forms/mini replies/bad/values.csv
expect_status 'malformed values fail'
expect_err 'malformed values and choices not in the list are reported' <<'X'
quire:replies/bad/values.csv:3: _submitted: '30/06/2019' is not a date (YYYY-MM-DD)
quire:replies/bad/values.csv:4: has_law: 'maybe' is not a choice (choices: yes, no)
quire:replies/bad/values.csv:5: law_year: '12a' is not an integer
quire:replies/bad/values.csv:6: offences: 'bogus' is not a choice (choices: illegal_access, interception, none)
quire:replies/bad/values.csv:8: reply_date: '2019-02-30' is not a date (YYYY-MM-DD)
quire: 5 problems in 1 of 1 reply
X

run 1 "$QUIRE" validate forms/mini replies/bad/logic.csv
expect_status 'skip logic and constraints are checked'
expect_err 'an answer that does not apply names its relevant' <<'X'
quire:replies/bad/logic.csv:5: law_year: answered, but the question does not apply to this reply (relevant: ${has_law} = 'yes')
quire:replies/bad/logic.csv:7: reply_date: '2099-01-01' breaks the constraint . <= today()
quire: 2 problems in 1 of 1 reply
X

run 1 "$QUIRE" validate forms/mini replies/bad/constraint.csv
expect_status 'constraints are checked'
expect_err "constraints give the form's message; the exclusive 'none' is enforced" <<'X'
quire:replies/bad/constraint.csv:5: law_year: '1960' breaks the constraint: Give a year between 1970 and 2019
quire:replies/bad/constraint.csv:6: offences: 'none illegal_access' breaks the constraint: 'None' excludes other offences
quire: 2 problems in 1 of 1 reply
X

run 1 "$QUIRE" validate forms/mini replies/bad/meta.csv
expect_status 'bad metadata fails'
expect_err 'an unsafe code, a missing date and a missing required answer are reported' <<'X'
quire:replies/bad/meta.csv:2: _respondent: unsafe code '../../etc/x': use 1 to 64 letters, digits, '-', '_' and '.', not starting with '.' or '-'
quire:replies/bad/meta.csv: _submitted is missing (the date the reply was received, YYYY-MM-DD)
quire:replies/bad/meta.csv: has_law: required answer is missing
quire: 3 problems in 1 of 1 reply
X

run 1 "$QUIRE" validate forms/mini replies/bad/constraint.csv replies/bad/dup.csv
expect_status 'two files for one respondent fail'
expect_grep 'the second file names the first' "quire:replies/bad/dup.csv:2: _respondent: 'XBD' also replied in replies/bad/constraint.csv" "$ERR"

run 1 "$QUIRE" validate --roster rosters/mini.csv forms/mini replies/bad/dup.csv
expect_status 'a code not on the roster fails'
expect_err 'the roster is named' <<'X'
quire:replies/bad/dup.csv:2: _respondent: 'XBD' is not on the roster rosters/mini.csv
quire: 1 problem in 1 of 1 reply
X

# A code in the wrong case, a State's name or alias, or a mistyped name is
# named with the code meant; another code is never guessed.
printf 'code,name,aliases\nFRA,France,French Republic\nDEU,Germany,\nCHN,China,\n' >"$T/names.csv"
for c in fra Germany Frnace French.Republic CHA XYZW; do
	printf 'name,value\n_respondent,%s\n_submitted,2019-05-02\nhas_law,no\n' "$c" >"$T/$c.csv"
done
sed -i 's/French.Republic/French Republic/' "$T/French.Republic.csv"
run 1 "$QUIRE" validate --roster "$T/names.csv" forms/mini "$T/fra.csv" "$T/Germany.csv" \
	"$T/Frnace.csv" "$T/CHA.csv" "$T/XYZW.csv"
expect_status 'codes not on the roster fail'
expect_err 'each with the code it was probably meant to be' <<X
quire:$T/fra.csv:2: _respondent: 'fra' is not on the roster $T/names.csv; did you mean 'FRA' (France)?
quire:$T/Germany.csv:2: _respondent: 'Germany' is not on the roster $T/names.csv; did you mean 'DEU' (Germany)?
quire:$T/Frnace.csv:2: _respondent: 'Frnace' is not on the roster $T/names.csv; did you mean 'FRA' (France)?
quire:$T/CHA.csv:2: _respondent: 'CHA' is not on the roster $T/names.csv
quire:$T/XYZW.csv:2: _respondent: 'XYZW' is not on the roster $T/names.csv
quire: 5 problems in 5 of 5 replies
X

# A long code is unsafe too.
long=$(printf 'X%.0s' $(seq 1 65))
printf 'name,value\n_respondent,%s\n_submitted,2019-05-02\nhas_law,no\n' "$long" >"$T/long.csv"
run 1 "$QUIRE" validate forms/mini "$T/long.csv"
expect_status 'a code longer than 64 characters fails'
expect_grep 'the long code is unsafe' "_respondent: unsafe code '$long'" "$ERR"

printf 'name,value\n_respondent,XA/B\n_submitted,2019-05-02\nhas_law,no\n' >"$T/slash.csv"
run 1 "$QUIRE" validate forms/mini "$T/slash.csv"
expect_status "a code with '/' fails"

printf 'code,name\nXAA,Aldmere\n' >"$T/other.csv"
run 1 "$QUIRE" validate forms/mini "$T/other.csv"
expect_status 'a CSV that is neither a reply nor an export fails'
expect_err 'the missing respondent column is named' <<X
quire:$T/other.csv:1: no column holds the respondent code; name it with --id-column
X

run 1 "$QUIRE" validate forms/mini "$T/missing.csv"
expect_status 'a missing data file fails'
expect_err 'a missing data file is named' <<X
quire:$T/missing.csv: cannot open: No such file or directory
X

# A reply whose entry is unfinished: missing required answers are warnings.
printf 'name,value\n_respondent,XAD\n_submitted,2019-05-02\n_incomplete,yes\nbudapest,no\n' >"$T/XAD.csv"
run 0 "$QUIRE" validate forms/mini "$T/XAD.csv"
expect_status 'a reply marked _incomplete may lack required answers'
expect_err 'the missing answers are warnings' <<X
quire:$T/XAD.csv: warning: has_law: required answer is missing (the reply is marked _incomplete)
X
printf 'name,value\n_respondent,XAD\n_submitted,2019-05-02\n_incomplete,yes\nlaw_year,1960\n' >"$T/XAD.csv"
run 1 "$QUIRE" validate forms/mini "$T/XAD.csv"
expect_status 'every other check still applies to an incomplete reply'
expect_grep 'an answer that does not apply is an error' "law_year: answered, but the question does not apply" "$ERR"

# A directory with files that cannot be read at all: each is named, the
# good replies after them are checked too, and the summary counts them.
mkdir "$T/some-bad"
cp replies/mini/XAA.csv replies/mini/XAB.csv "$T/some-bad/"
: >"$T/some-bad/XAA0.csv"
printf 'a,b\n1,2\n' >"$T/some-bad/XAA1.csv"
sed 's/^law_year,.*/law_year,abc/' replies/mini/XAA.csv >"$T/some-bad/XAB.csv"
sed -i 's/^_respondent,XAA$/_respondent,XAB/' "$T/some-bad/XAB.csv"
run 1 "$QUIRE" validate forms/mini "$T/some-bad"
expect_status 'a directory with unreadable files fails'
expect_err 'every bad file is named, and the reply after them is checked' <<X
quire:$T/some-bad/XAA0.csv: empty file: no header row
quire:$T/some-bad/XAA1.csv:1: no column holds the respondent code; name it with --id-column
quire:$T/some-bad/XAB.csv:8: law_year: 'abc' is not an integer
quire: 3 problems in 3 of 4 replies
X

run 2 "$QUIRE" validate forms/mini
expect_status 'validate without DATA is a usage error'

done_testing
