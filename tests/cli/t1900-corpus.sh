#!/bin/sh
# t1900: every pyxform-layout form of the shared XLSForm corpus loads, and
# the repeat/loop forms are rejected with the precise message.  The corpus
# is read where it lies (../shared); without it the tests are skipped.
. "$top_srcdir/tests/lib.sh"
C=$QUIRE_SHARED/corpus/xlsform

if [ ! -d "$C" ]; then
	skip 'the XLSForm corpus loads' "no corpus at $C"
	done_testing
fi

for f in case_insensitivity gps group specify_other text_and_integer universal_newline \
	utf_csv widgets yes_or_no_question; do
	run 0 "$QUIRE" check -q "$C/$f.csv"
	expect_status "corpus form $f.csv loads"
done

run 1 "$QUIRE" check "$C/loop.csv"
expect_status 'loop.csv is rejected'
sed "s|$C/||" "$ERR" >"$T/err"
compare 'loop.csv: the loop is named with its row' "$T/err" <<'X'
quire:loop.csv:4: 'begin loop over toilet_type' is not supported: quire reads one row of answers per respondent, so loops cannot be tabulated
X

run 1 "$QUIRE" check "$C/simple_loop.csv"
expect_status 'simple_loop.csv is rejected'
sed "s|$C/||" "$ERR" >"$T/err"
compare 'simple_loop.csv: the loop is named with its row' "$T/err" <<'X'
quire:simple_loop.csv:3: 'begin loop over my_columns' is not supported: quire reads one row of answers per respondent, so loops cannot be tabulated
X

# The per-sheet layout: Google Sheets' "download each sheet as CSV".
mkdir "$T/sheets"
cp "$C/expected_survey.csv" "$T/sheets/survey.csv"
cp "$C/expected_choices.csv" "$T/sheets/choices.csv"
run 1 "$QUIRE" check "$T/sheets"
expect_status 'the per-sheet corpus form (with a repeat) is rejected'
expect_err 'the repeat is named with its row' <<X
quire:$T/sheets/survey.csv:6: 'begin repeat' is not supported: quire reads one row of answers per respondent, so repeat groups cannot be tabulated
X

# Legacy spellings in widgets.csv, specify_other.csv, group.csv, yes_or_no_question.csv.
run 0 "$QUIRE" check "$C/widgets.csv"
expect_grep "widgets.csv: 'int' is an integer" '1 integer' "$OUT"
expect_grep "widgets.csv: 'select all that apply from' is select_multiple" '2 select_multiple' "$OUT"
expect_grep "widgets.csv: 'trigger' is acknowledge" '1 acknowledge' "$OUT"
expect_grep "widgets.csv: legacy bind:constraint is read" 'valid if not(selected(., '"'c'"') and selected(., '"'d'"'))' "$OUT"
run 0 "$QUIRE" check "$C/specify_other.csv"
expect_grep "specify_other.csv: 'or specify other' adds the choice" 'sexes (3): male = Male; female = Female; other = Other' "$OUT"
expect_grep "specify_other.csv: 'or specify other' adds the text question" 'asked if selected(${sex}, '"'other'"')' "$OUT"
run 0 "$QUIRE" check "$C/group.csv"
expect_grep "group.csv: 'phone number' is text; the group is a part" '(2 questions: 1 integer, 1 text)' "$OUT"
expect_grep "group.csv: label:English (en) is a language" 'Languages: (unsuffixed columns) [default], English (en)' "$OUT"
run 0 "$QUIRE" check "$C/case_insensitivity.csv"
expect_grep 'case_insensitivity.csv: upper-case settings are read' 'Id:        YesNo' "$OUT"

done_testing
