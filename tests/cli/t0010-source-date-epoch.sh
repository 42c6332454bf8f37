#!/bin/sh
# t0010: SOURCE_DATE_EPOCH.  Every command that reads the clock (validate,
# export, status, tab and chart through today() and membership on the day,
# enter for the date a reply was received, report and print for their
# dates) refuses a value that is not a whole number of seconds from 1970 to
# the end of 9999, with exit 1 and nothing written.  Those that do not read it (check, blank,
# import) run.  The latest valid value dates a report 31 December 9999.
. "$top_srcdir/tests/lib.sh"
F=$top_srcdir/forms/cybercrime-cooperation
D=$top_srcdir/data/cybercrime-cooperation
R=$top_srcdir/data/rosters/demo.csv
DEF=$top_srcdir/reports/wg4-hangzhou-2019.ini
cd "$T" || exit 1
mkdir replies

# clock_cmd NAME: runs the command NAME, writing out.* when it writes a file.
clock_cmd() {
	case $1 in
	validate) "$QUIRE" validate "$F" "$D" ;;
	export) "$QUIRE" export "$F" "$D" -o out.csv ;;
	status) "$QUIRE" status "$F" "$D" --roster "$R" -o out.txt ;;
	tab) "$QUIRE" tab "$F" "$D" -o out.txt ;;
	chart) "$QUIRE" chart "$F" "$D" -q law_status -o out.pdf ;;
	report) "$QUIRE" report "$DEF" -o out.pdf ;;
	print) "$QUIRE" print "$F" -o out.pdf ;;
	enter) "$QUIRE" enter "$F" --respondent XAA --data replies ;;
	esac
}

# refused VALUE MESSAGE: every command that reads the clock refuses VALUE with MESSAGE.
refused() {
	for c in validate export status tab chart report print enter; do
		SOURCE_DATE_EPOCH=$1
		run 1 clock_cmd $c
		expect_status "$c refuses SOURCE_DATE_EPOCH='$1'"
		expect_err "$c: the value and the reason are named" <<X
quire: SOURCE_DATE_EPOCH: '$1' $2
X
		ls out.* replies/* 2>/dev/null >"$OUT"
		expect_out "$c: nothing is written" </dev/null
	done
	SOURCE_DATE_EPOCH=1567382400
}

refused abc 'is not a number of seconds since 1970-01-01'
refused 1.5 'is not a number of seconds since 1970-01-01'
refused ' 1567382400' 'is not a number of seconds since 1970-01-01'
refused -1 'is before 1970-01-01'
refused 253402300800 'is after the year 9999'
refused 99999999999999999999 'is after the year 9999'

# Commands that do not read the clock are not concerned.
SOURCE_DATE_EPOCH=abc
run 0 "$QUIRE" check -q "$F"
expect_status 'check runs whatever SOURCE_DATE_EPOCH holds'
run 0 "$QUIRE" blank "$F" --respondent XAA -o sheet.csv
expect_status 'blank runs whatever SOURCE_DATE_EPOCH holds'
mkdir imported
SOURCE_DATE_EPOCH=1567382400 "$QUIRE" export "$F" "$D" -o all.csv || exit 1
run 0 "$QUIRE" import "$F" all.csv --into imported
expect_status 'import runs whatever SOURCE_DATE_EPOCH holds'

# An empty value is no value: the clock is read.
SOURCE_DATE_EPOCH=
run 0 "$QUIRE" tab "$F" "$D" -q law_status
expect_status 'an empty SOURCE_DATE_EPOCH is as if unset'

# The last second of 9999 dates a report 31 December 9999.
SOURCE_DATE_EPOCH=253402300799
sed '/^date = /d' "$DEF" | sed "s|^form = \.\./|form = $top_srcdir/|; s|^data = \.\./|data = $top_srcdir/|; s|^roster = \.\./|roster = $top_srcdir/|" >late.ini
run 0 "$QUIRE" report late.ini -o late.pdf
expect_status 'a report made at the last second of 9999'
if command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null; then
	pdftotext late.pdf late.txt
	expect_grep 'its cover is dated 31 December 9999' '31 December 9999' late.txt
	expect_grep 'its methodology gives the time' 'Generated on 9999-12-31 23:59 UTC' late.txt
	pdfinfo late.pdf >info.txt
	expect_grep 'its metadata give the date' 'Fri Dec 31 23:59:59 9999 UTC' info.txt
else
	skip 'its cover is dated 31 December 9999' 'no pdftotext'
fi
SOURCE_DATE_EPOCH=1567382400

# random(), uuid() and randomize() reproduce under SOURCE_DATE_EPOCH, and
# differ from reply to reply; now() is the time it names.
mkdir rform rdata
cat >rform/survey.csv <<'X'
type,name,label,calculation
integer,n,N,
calculate,id,,uuid()
calculate,r,,random()
calculate,order,,randomize('a b c d e')
calculate,at,,"format-date-time(now(), '%Y-%m-%d %H:%M:%S')"
X
printf 'name,value\n_respondent,XAA\n_submitted,2024-01-01\nn,1\n' >rdata/XAA.csv
printf 'name,value\n_respondent,XAB\n_submitted,2024-01-01\nn,2\n' >rdata/XAB.csv
run 0 env SOURCE_DATE_EPOCH=1710498600 "$QUIRE" export rform rdata -o first.csv
expect_status 'export of random calculations under SOURCE_DATE_EPOCH'
run 0 env SOURCE_DATE_EPOCH=1710498600 "$QUIRE" export rform rdata -o second.csv
expect_true 'a second run gives the same values' cmp -s first.csv second.csv
expect_true 'two replies get two UUIDs' test "$(cut -d, -f4 first.csv | sort -u | wc -l)" -eq 3
expect_grep 'now() is the time SOURCE_DATE_EPOCH names' '2024-03-15 10:30:00' first.csv

done_testing
