#!/bin/sh
# t1030: a FORM may be a workbook (.xlsx, .ods, .xls): each reads as the CSV
# form it holds, its cells become text as pyxform makes them, messages name
# the sheet and the row the spreadsheet shows, and a corrupt or hostile file
# is refused with a message.  tests/gen/make-workbooks writes the .xlsx and
# .ods files; the .xls ones are in tests/data/workbooks (make-xls.py).
. "$top_srcdir/tests/lib.sh"
F=$QUIRE_TEST_DATA/forms
X=$QUIRE_TEST_DATA/workbooks
R=$QUIRE_TEST_DATA/replies/mini

"$QUIRE" check "$F/mini" >"$T/csv.out"
"$QUIRE" check --lang fr "$F/mini" >"$T/csv-fr.out"
"$QUIRE" validate "$F/mini" "$R" >"$T/csv-validate.out"
"$QUIRE" tab "$F/mini" "$R" >"$T/csv-tab.out"

# same_as_csv NAME FORM: check, check --lang fr, validate and tab say what they say of the CSV form.
same_as_csv() {
	run 0 "$QUIRE" check "$2"
	expect_status "$1: check accepts it"
	compare "$1: check prints what it prints for the CSV form" "$OUT" <"$T/csv.out"
	run 0 "$QUIRE" check --lang fr "$2"
	compare "$1: check --lang fr too" "$OUT" <"$T/csv-fr.out"
	run 0 "$QUIRE" validate "$2" "$R"
	compare "$1: validate with it as FORM" "$OUT" <"$T/csv-validate.out"
	run 0 "$QUIRE" tab "$2" "$R"
	compare "$1: tab with it as FORM" "$OUT" <"$T/csv-tab.out"
}

same_as_csv 'form.xls (Excel 97-2003)' "$X/form.xls"

run 0 "$QUIRE" check "$X/values.xls"
expect_grep '.xls: 1.0, 2.5, a date and a date with a time become text as pyxform makes it' \
	'v (4): 1 = v1; 2.5 = v2; 2019-05-01 = v3; 2019-05-01T10:30:00 = v4' "$OUT"

if [ ! -x "${MAKE_WORKBOOKS:-}" ]; then
	skip 'the .xlsx and .ods workbooks' 'no tests/gen/make-workbooks (libxlsxwriter missing)'
	done_testing
fi
W=$T/wb
mkdir "$W"
"$MAKE_WORKBOOKS" "$F/mini" "$W"

same_as_csv 'form.xlsx (shared strings, rich text, a formula)' "$W/form.xlsx"
same_as_csv 'form-inline.xlsx (inline strings)' "$W/form-inline.xlsx"
same_as_csv 'form.ods' "$W/form.ods"

cp "$W/form.xlsx" "$W/FORM.XLSX"
run 0 "$QUIRE" check -q "$W/FORM.XLSX"
expect_status 'the extension is known in any case'

run 0 "$QUIRE" check "$W/values.xlsx"
expect_grep 'without settings, the form id is the file name without its extension' \
	'Id:        values' "$OUT"
tail -1 "$OUT" >"$T/values"
compare '.xlsx: numbers, dates, a boolean and formulas become text as pyxform makes it' \
	"$T/values" <<'X'
  v (10): 1 = v1; 2.5 = v2; 0.3 = v3; -1000000000000000000000 = v4; 2019-05-01 = v5; 2019-05-02 = v6; 2019-05-01T10:30:00 = v7; TRUE = v8; 3 = v9; ab = v10
X

run 1 "$QUIRE" check "$W/rows.xlsx"
expect_status 'an error in a workbook fails the check'
expect_err 'the message names the sheet as written and the row a spreadsheet shows, blank rows counted; notes in columns without a header are named, as ignored' <<X
quire:$W/rows.xlsx[Survey]:4: warning: ignored 2 cells in columns without a header: F4, E7
quire:$W/rows.xlsx[Survey]:6: unknown type 'multiple_choice x'
X

# Corrupt files: refused with the file's name, exit status 1, no crash.
head -c 3000 "$W/form.xlsx" >"$W/truncated.xlsx"
printf 'type,name,label\ntext,a,A\n' >"$W/text.xlsx"
printf 'type,name,label\ntext,a,A\n' >"$W/text.ods"
printf 'type,name,label\ntext,a,A\n' >"$W/text.xls"
: >"$W/empty.xlsx"
head -c 4000 "$X/form.xls" >"$W/truncated.xls"
for f in truncated.xlsx text.xlsx text.ods text.xls empty.xlsx truncated.xls; do
	run 1 "$QUIRE" check "$W/$f"
	expect_status "$f is refused"
	expect_grep "$f: the message names the file" "quire:$W/$f: " "$ERR"
done
run 1 "$QUIRE" check "$W/text.xlsx"
expect_err 'a text file named .xlsx is not a zip archive' <<X
quire:$W/text.xlsx: not a readable workbook: not a zip archive
X
mkdir "$W/dir.xlsx"
run 1 "$QUIRE" check "$W/dir.xlsx"
expect_status 'a directory named .xlsx is a form directory without survey.csv'

# Hostile files: every part, cell and row is bounded.
run 1 "$QUIRE" check "$W/bomb.xlsx"
expect_err 'a part that inflates past 256 MiB is refused' <<X
quire:$W/bomb.xlsx: xl/worksheets/sheet1.xml: inflates to more than 268435456 bytes
X
run 1 "$QUIRE" check "$W/big.xlsx"
expect_err 'a cell over 1 MiB is refused' <<X
quire:$W/big.xlsx: xl/worksheets/sheet1.xml: a text longer than 1048576 bytes
X
run 1 "$QUIRE" check "$W/wide.ods"
expect_err 'a cell past column 16384 is refused' <<X
quire:$W/wide.ods: sheet 'survey', cell XFF1: past column 16384
X

run 1 "$QUIRE" check "$W/laughs.xlsx"
expect_status 'entities that expand to 10^10 bytes are refused'
expect_grep 'the refusal names the part' "quire:$W/laughs.xlsx: xl/worksheets/sheet1.xml: " "$ERR"

# The workbook is an input of the run: no output may replace it.
cp "$W/form.xlsx" "$W/keep.xlsx"
run 1 "$QUIRE" tab "$W/keep.xlsx" "$R" -o "$W/keep.xlsx"
expect_err 'an output over the workbook FORM is refused' <<X
quire:$W/keep.xlsx: is an input of this run; choose another output
X
expect_true 'the workbook is as it was' cmp -s "$W/form.xlsx" "$W/keep.xlsx"

# Exports: KoboToolbox's XLSX export is read wherever its CSV export is.
E=$QUIRE_TEST_DATA/exports
"$MAKE_WORKBOOKS" --csv "$E/kobo.csv" "$W/kobo.xlsx"
"$MAKE_WORKBOOKS" --csv "$E/odk.csv" "$W/odk.xlsx"
"$MAKE_WORKBOOKS" --csv "$E/kobo-labels.csv" "$W/kobo-labels.xlsx"
mkdir "$T/from-csv" "$T/from-xlsx"
"$QUIRE" import --id-column state "$F/mini" "$E/kobo.csv" --into "$T/from-csv" >/dev/null
run 0 "$QUIRE" import --id-column state "$F/mini" "$W/kobo.xlsx" --into "$T/from-xlsx"
expect_status 'import reads an .xlsx export'
expect_true 'import: the replies are those of the CSV export, the HXL row skipped' \
	diff -r "$T/from-csv" "$T/from-xlsx"
run 1 "$QUIRE" validate --id-column state "$F/mini" "$W/kobo.xlsx"
expect_err 'validate: an .xlsx export is checked as its CSV is' <<X
quire:$W/kobo.xlsx:5: offences: 'none illegal_access' breaks the constraint: 'None' excludes other offences
quire: 1 problem in 1 of 3 replies
X
"$QUIRE" tab --id-column state "$F/mini" "$E/odk.csv" >"$T/odk-csv.out"
run 0 "$QUIRE" tab --id-column state "$F/mini" "$W/odk.xlsx"
compare 'tab: an .xlsx export tabulates as its CSV does' "$OUT" <"$T/odk-csv.out"
run 1 "$QUIRE" validate --id-column state "$F/mini" "$W/kobo-labels.xlsx"
expect_err 'a label-mode .xlsx export is refused, naming its sheet' <<X
quire:$W/kobo-labels.xlsx[export]:1: the columns are question labels, not names; export again choosing "XML values and headers"
X

done_testing
