#!/bin/sh
# t2135: the answer workbook's checks work where a delegate types: filled
# in LibreOffice Calc cell by cell (tests/lo/fill-in-calc.py, through UNO),
# Calc's own data validation takes each answer the form allows and refuses
# each it does not -- a choice not on the list, a year out of range, a
# fraction for a whole number, a mark other than Yes or No, a scale point
# beyond the range, a date in the future or not a date.  Skipped where
# LibreOffice or its Python bridge (Debian's python3-uno) is missing.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
F=$QUIRE_TEST_DATA/forms/print

python=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import uno' 2>/dev/null; then
		python=$p
		break
	fi
done
if ! command -v soffice >/dev/null 2>&1 || [ -z "$python" ]; then
	echo "1..0 # SKIP LibreOffice or python3-uno is not installed"
	exit 0
fi

run 0 "$QUIRE" blank "$F" --respondent XAA --format xlsx -o XAA.xlsx
expect_status 'blank --format xlsx writes the workbook'

# The rows (t2130 shows the layout): 10 has_law (Yes/No), 11 law_year
# (1990 to 2019), 13 an offence's Yes/No, 19 useful (range 1 to 5), 20
# reply_date (not after today), 30 budapest (four choices), 17 law_title
# (text).
HOME=$T run 0 timeout 300 "$python" "$top_srcdir/tests/lo/fill-in-calc.py" profile XAA.xlsx Reply \
	C10=Yes C10=No C10=Maybe \
	C11=1995 C11=1990 C11=2019 C11=1989 C11=2020 C11=2000.5 C11=soon \
	C13=Yes C13=No C13=maybe \
	C19=3 C19=1 C19=6 C19=0 \
	C20=2019-05-01 C20=2099-01-01 C20=soon \
	'C30=Signed only' 'C30=Not open to my State' C30=Ratified \
	'C17=The Cybercrime Act'
expect_status 'LibreOffice opens the workbook and fills it'
expect_out 'and its validation takes what the form allows, and refuses the rest' <<'END'
C10 Yes: valid
C10 No: valid
C10 Maybe: refused
C11 1995: valid
C11 1990: valid
C11 2019: valid
C11 1989: refused
C11 2020: refused
C11 2000.5: refused
C11 soon: refused
C13 Yes: valid
C13 No: valid
C13 maybe: refused
C19 3: valid
C19 1: valid
C19 6: refused
C19 0: refused
C20 2019-05-01: valid
C20 2099-01-01: refused
C20 soon: refused
C30 Signed only: valid
C30 Not open to my State: valid
C30 Ratified: refused
C17 The Cybercrime Act: valid
END

done_testing
