#!/bin/sh
# t7010: report definitions lose nothing - a value is read as it was typed,
# backslashes included.
. "$top_srcdir/tests/lib.sh"
cd "$QUIRE_TEST_DATA" || exit 1

if ! command -v pdftotext >/dev/null 2>&1; then
	skip 'backslashes in values' 'poppler-utils (pdftotext) is not installed'
	done_testing
fi
# GKeyFile would read \n and \t as a line break and a tab, and drop a
# value holding "\d" (no escape at all).
sed -e 's/^title = .*/title = Replies kept in C:\\new\\table/' \
    -e 's/^notice = .*/notice = Copies on \\\\registry\\docs/' \
    -e "s|\.\./|$QUIRE_TEST_DATA/|" reports/mini.ini >"$T/backslash.ini"
run 0 "$QUIRE" report -o "$T/backslash.pdf" "$T/backslash.ini"
expect_status 'a definition with backslashes makes its report'
pdftotext "$T/backslash.pdf" - | tr '\n' ' ' >"$T/backslash.txt"
expect_grep 'the title is as typed' 'Replies kept in C:\new\table' "$T/backslash.txt"
expect_grep 'so is the notice' 'Copies on \\registry\docs' "$T/backslash.txt"

done_testing
