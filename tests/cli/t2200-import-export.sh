#!/bin/sh
# t2200: quire import and export - KoboToolbox, ODK Central and quire's own wide CSV
. "$top_srcdir/tests/lib.sh"
cd "$QUIRE_TEST_DATA" || exit 1
X=exports

mkdir "$T/kobo"
run 0 "$QUIRE" import --id-column state forms/mini $X/kobo.csv --into "$T/kobo"
expect_status 'a KoboToolbox export imports'
expect_out 'the summary names the dialect and the count' <<X
$X/kobo.csv (KoboToolbox export): 3 replies written to $T/kobo
X
compare 'group paths, the HXL row and _submission_time are handled' "$T/kobo/XKA.csv" <<'X'
name,value
_respondent,XKA
_submitted,2019-05-11
has_law,yes
law_year,2015
offences,illegal_access
budapest,party
reply_date,2019-05-10
comments,"=HYPERLINK(""http://example.invalid"")"
X
compare 'a newline inside a cell survives' "$T/kobo/XKB.csv" <<'X'
name,value
_respondent,XKB
_submitted,2019-06-02
has_law,no
budapest,no
reply_date,2019-06-01
comments,"Two lines;
second line"
X

run 0 "$QUIRE" import --id-column state forms/mini $X/kobo.csv --into "$T/kobo"
expect_status 'importing again skips existing replies'
expect_out 'the skipped replies are named' <<X
$X/kobo.csv (KoboToolbox export): 0 replies written to $T/kobo; 3 skipped, already there (XKA, XKB, XKC; use --force to replace them)
X
run 0 "$QUIRE" import --force --id-column state forms/mini $X/kobo.csv --into "$T/kobo"
expect_grep '--force replaces them' '3 replies written' "$OUT"

mkdir "$T/legacy"
run 0 "$QUIRE" import --id-column state forms/mini $X/kobo-legacy.csv --into "$T/legacy"
expect_status 'a legacy KoboToolbox export imports'
compare 'True/False details rebuild the selection; n/a is missing' "$T/legacy/XLA.csv" <<'X'
name,value
_respondent,XLA
_submitted,2019-04-02
has_law,yes
law_year,2011
offences,illegal_access interception
budapest,party
reply_date,2019-04-01
X
compare 'a row of n/a has no answers' "$T/legacy/XLB.csv" <<'X'
name,value
_respondent,XLB
_submitted,2019-04-03
has_law,no
budapest,no
X

mkdir "$T/odk"
run 0 "$QUIRE" import --id-column state forms/mini $X/odk.csv --into "$T/odk"
expect_status 'an ODK Central export imports'
expect_grep 'the dialect is recognised' 'ODK Central export' "$OUT"
compare "'-' paths, SubmissionDate and the review columns are handled" "$T/odk/XOA.csv" <<'X'
name,value
_respondent,XOA
_submitted,2019-05-20
has_law,yes
law_year,2018
offences,illegal_access interception
budapest,no
reply_date,2019-05-19
comments,Submitted through our focal point.
X

run 1 "$QUIRE" import --id-column state forms/mini $X/kobo-labels.csv --into "$T/odk"
expect_status 'a label-mode export is refused'
expect_err 'the user is told how to export' <<X
quire:$X/kobo-labels.csv:1: the columns are question labels, not names; export again choosing "XML values and headers"
X

run 1 "$QUIRE" import forms/ambiguous.csv $X/ambiguous.csv --into "$T/odk"
expect_status 'a header matching two questions is refused'
expect_err 'both questions are named' <<X
quire:$X/ambiguous.csv:1: column 'law-year' matches two questions: 'law-year' and 'year'
X

run 1 "$QUIRE" import forms/mini $X/kobo.csv --into "$T/odk"
expect_status 'an export without a respondent column needs --id-column'
expect_err 'the option is suggested' <<X
quire:$X/kobo.csv:1: no column holds the respondent code; name it with --id-column
X

run 1 "$QUIRE" import --id-column nope forms/mini $X/kobo.csv --into "$T/odk"
expect_status 'an unknown --id-column fails'
expect_err 'the column is named' <<X
quire:$X/kobo.csv:1: no column 'nope' for --id-column
X

printf 'respondent,submitted,has_law\n../evil,2019-05-01,yes\nXAA,2019-05-01,yes\nXAA,2019-05-02,no\nxaa,2019-05-03,no\n' >"$T/bad.csv"
mkdir "$T/bad"
run 1 "$QUIRE" import forms/mini "$T/bad.csv" --into "$T/bad"
expect_status 'rows with bad codes are rejected'
expect_err 'each rejected row is named, a code that differs only in case too' <<X
quire:$T/bad.csv:2: row not imported: unsafe respondent code '../evil'
quire:$T/bad.csv:4: row not imported: 'XAA' already imported from row 3
quire:$T/bad.csv:5: row not imported: 'xaa' differs only in case from 'XAA', already imported from row 3
X
expect_true 'nothing is written outside the target directory' test ! -e "$T/evil.csv"
expect_true 'the good row is written' test -f "$T/bad/XAA.csv"
expect_true 'and only it: xaa.csv would be XAA.csv where names ignore case' \
	test "$(ls "$T/bad")" = XAA.csv

# Export: one row per respondent, formulas neutralised, and back again.
run 0 "$QUIRE" export forms/mini "$T/kobo"
expect_status 'export writes a wide CSV'
expect_out 'select_multiple gets 0/1 columns, empty when unanswered; formulas are neutralised' <<'X'
respondent,submitted,has_law,law_year,offences,offences/illegal_access,offences/interception,offences/none,budapest,reply_date,comments,is_party,_channel,_entered_by,_form_version,_note,_incomplete
XKA,2019-05-11,yes,2015,illegal_access,1,0,0,party,2019-05-10,"'=HYPERLINK(""http://example.invalid"")",yes,,,,,
XKB,2019-06-02,no,,,,,,no,2019-06-01,"Two lines;
second line",no,,,,,
XKC,2019-06-03,yes,,none illegal_access,1,0,1,signed,,,no,,,,,
X
cp "$OUT" "$T/wide.csv"
run 0 "$QUIRE" export --keep-formulas forms/mini "$T/kobo"
expect_grep '--keep-formulas writes text as it is' 'XKA,2019-05-11,yes,2015,illegal_access,1,0,0,party,2019-05-10,"=HYPERLINK(' "$OUT"
run 0 "$QUIRE" export --labels --lang fr forms/mini "$T/kobo"
expect_grep '--labels writes choice labels' 'XKA,2019-05-11,Oui,2015,Accès illégal,1,0,0,Partie,' "$OUT"

mkdir "$T/again"
run 0 "$QUIRE" import forms/mini "$T/wide.csv" --into "$T/again"
expect_status 'the export imports back'
expect_true 'import -> export -> import gives identical reply files' diff -r "$T/kobo" "$T/again"

mkdir "$T/mini"
run 0 "$QUIRE" export forms/mini replies/mini -o "$T/mini.csv"
run 0 "$QUIRE" import forms/mini "$T/mini.csv" --into "$T/mini"
expect_true 'hand-entered replies keep their metadata through export and import' diff -r replies/mini "$T/mini"

run 1 "$QUIRE" validate --id-column state forms/mini $X/kobo.csv
expect_status 'validate reads an export directly'
expect_err 'and names the row of a problem' <<X
quire:$X/kobo.csv:5: offences: 'none illegal_access' breaks the constraint: 'None' excludes other offences
quire: 1 problem in 1 of 3 replies
X
run 1 "$QUIRE" validate forms/mini "$T/wide.csv" replies/bad/constraint.csv
expect_status 'validate checks each row of an export'

# With a roster or a cut-off, export writes the replies quire tab counts and
# names the others; without, every reply (a copy, not an analysis).
run 0 "$QUIRE" export forms/mini replies/mini --roster rosters/mini.csv --cutoff 2019-06-30 -o "$T/set.csv"
expect_err 'a late reply is left out, and said so' <<'X'
quire:replies/mini/XAC.csv: warning: the reply of 'XAC' is left out (late)
X
expect_true 'the two replies tab counts are written' test "$(cut -d, -f1 "$T/set.csv" | tr '\n' ' ')" = 'respondent XAA XAB '
printf 'code,name\nXAA,Aldmere\n' >"$T/one.csv"
run 0 "$QUIRE" export forms/mini replies/mini --roster "$T/one.csv" -o "$T/set.csv"
expect_err 'codes not on the roster are left out' <<'X'
quire:replies/mini/XAB.csv: warning: the reply of 'XAB' is left out (not_on_roster)
quire:replies/mini/XAC.csv: warning: the reply of 'XAC' is left out (not_on_roster)
X
run 1 "$QUIRE" export forms/mini replies/mini replies/bad/values.csv --cutoff 2019-06-30 -o "$T/set.csv"
expect_status 'an invalid reply stops an export of the analysis set, as it stops tab'
run 0 "$QUIRE" export forms/mini replies/mini
expect_true 'without them every reply is copied' test "$(wc -l <"$OUT")" -eq 4

# Corpus: a real KoboToolbox legacy export (read where it lies).
C=$QUIRE_SHARED/corpus/xlsform
if [ -f "$C/good.csv" ]; then
	mkdir "$T/good"
	run 0 "$QUIRE" import --id-column name forms/corpus-good.csv "$C/good.csv" --into "$T/good"
	expect_status 'the corpus KoboToolbox legacy export imports'
	expect_grep 'all nine rows are written' '9 replies written' "$OUT"
	expect_grep 'True details rebuild the selection' 'favorite_toppings,cheese pepperoni sausauge green_peppers mushrooms anchovies' "$T/good/Name_2.csv"
	expect_no_grep 'n/a details mean unanswered' 'favorite_toppings' "$T/good/Name_1.csv"
	expect_grep '_submission_time gives the date' '_submitted,2014-09-04' "$T/good/Name_1.csv"
else
	skip 'the corpus KoboToolbox legacy export imports' "no corpus at $C"
fi

done_testing
