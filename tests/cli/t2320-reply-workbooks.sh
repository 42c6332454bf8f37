#!/bin/sh
# t2320: a reply file may be a workbook - a delegate's answer sheet saved by
# Excel as .xlsx.  Its first sheet is read as the reply CSV it would be:
# validate, tab and export say of it what they say of the CSV, dates and
# numbers become the text the CSV holds, messages name the sheet and row,
# a corrupt workbook is refused, a State with a CSV and a workbook has
# replied twice, and no output may replace the workbook.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
F=$QUIRE_TEST_DATA/forms/mini
R=$QUIRE_TEST_DATA/replies/mini

if [ ! -x "${MAKE_WORKBOOKS:-}" ]; then
	skip 'reply workbooks' 'no tests/gen/make-workbooks (libxlsxwriter missing)'
	done_testing
fi

# sheet CODE REPLY OUT: the answer sheet quire blank writes for CODE, filled in with REPLY, as OUT.
sheet() {
	"$QUIRE" blank "$F" --respondent "$1" >"blank-$1.csv"
	"$MAKE_WORKBOOKS" --reply "blank-$1.csv" "$2" "$3"
}

mkdir csv a b
cp "$R"/*.csv csv/
# XAA: dates as date cells, 2012 as a number, the form version as a formula.
sheet XAA "$R/XAA.csv" a/XAA.xlsx
cp "$R/XAB.csv" "$R/XAC.csv" a/
sheet XAB "$R/XAB.csv" b/XAB.XLSX
cp "$R/XAA.csv" "$R/XAC.csv" b/

"$QUIRE" validate "$F" csv >csv-validate.out
"$QUIRE" tab --format json "$F" csv >csv-tab.json
for d in a b; do
	run 0 "$QUIRE" validate "$F" "$d"
	expect_status "$d: validate reads the workbook in the directory"
	compare "$d: validate says what it says of the CSV replies" "$OUT" <csv-validate.out
	expect_err "$d: and warns of nothing" </dev/null
	run 0 "$QUIRE" tab --format json "$F" "$d"
	compare "$d: tab --format json is that of the CSV replies" "$OUT" <csv-tab.json
done

"$QUIRE" export "$F" csv >csv-export.csv
run 0 "$QUIRE" export "$F" a
expect_status 'export reads a reply workbook'
compare 'export: dates become YYYY-MM-DD and numbers the text they are, as in the CSV' \
	"$OUT" <csv-export.csv
expect_grep 'the date cells and the number 2012' \
	'XAA,2019-05-02,yes,2012,illegal_access interception,1,1,0,party,2019-04-30,' "$OUT"
expect_grep 'the version is the formula'"'"'s value' ',Secretariat,2019050101,' "$OUT"

run 0 "$QUIRE" validate "$F" a/XAA.xlsx
expect_grep 'a reply workbook given as DATA is one reply' '1 reply checked: no problems' "$OUT"

# A mistake in the workbook is named by its sheet and the row a spreadsheet shows.
mkdir typo
cp "$R/XAB.csv" typo.csv
echo 'has_lav,yes' >>typo.csv
sheet XAB typo.csv typo/XAB.xlsx
run 1 "$QUIRE" validate "$F" typo
expect_grep 'a row of a workbook reply is named by sheet and row' \
	"quire:typo/XAB.xlsx[Reply]:12: unknown question 'has_lav'; did you mean 'has_law'?" "$ERR"

# A corrupt workbook is refused, naming it.
mkdir bad
cp "$R/XAA.csv" bad/
head -c 2000 a/XAA.xlsx >bad/XAB.xlsx
run 1 "$QUIRE" validate "$F" bad
expect_err 'a corrupt reply workbook is an error naming it, and the other reply is still checked' <<'X'
quire:bad/XAB.xlsx: not a readable workbook: not a zip archive
quire: 1 problem in 1 of 2 replies
X

# One reply per State: a CSV and a workbook of the same State are two.
mkdir twice
cp "$R"/*.csv twice/
cp b/XAB.XLSX twice/XAB.xlsx
run 1 "$QUIRE" validate "$F" twice
expect_err 'XAB.csv and XAB.xlsx: the second names the first' <<'X'
quire:twice/XAB.xlsx[Reply]:2: _respondent: 'XAB' also replied in twice/XAB.csv
quire: 1 problem in 1 of 4 replies
X

# The workbook is an input of the run: no output may replace it.
cp a/XAA.xlsx keep.xlsx
run 1 "$QUIRE" tab "$F" a -o a/XAA.xlsx
expect_err 'an output over a reply workbook is refused' <<'X'
quire:a/XAA.xlsx: is an input of this run; choose another output
X
expect_true 'the workbook is as it was' cmp -s keep.xlsx a/XAA.xlsx

done_testing
