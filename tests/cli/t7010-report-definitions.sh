#!/bin/sh
# t7010: report definitions lose nothing - a key or group given twice is an
# error with both lines, and a value is read as it was typed, backslashes
# included.
. "$top_srcdir/tests/lib.sh"
cd "$QUIRE_TEST_DATA" || exit 1

# The second 'data' once won silently: the report counted one reply of three.
mkdir "$T/one"
cp replies/mini/XAA.csv "$T/one/"
cat >"$T/twice.ini" <<X
[report]
form = $QUIRE_TEST_DATA/forms/mini
data = $QUIRE_TEST_DATA/replies/mini
title = Mini report
data = $T/one

[chart has_law]
type = pie

[report]
cutoff = 2019-06-30
[chart has_law]
label = count
X
run 1 "$QUIRE" report -o "$T/twice.pdf" "$T/twice.ini"
expect_status 'a key or a group given twice fails'
expect_err 'each repeat is named with both lines' <<X
quire:$T/twice.ini:5: 'data' is given twice (first at line 3)
quire:$T/twice.ini:10: [report] is given twice (first at line 1)
quire:$T/twice.ini:12: [chart has_law] is given twice (first at line 7)
X
expect_true 'no PDF is written' test ! -e "$T/twice.pdf"

if ! command -v pdftotext >/dev/null 2>&1; then
	skip 'backslashes in values' 'poppler-utils (pdftotext) is not installed'
	done_testing
fi
# A crosstab of a question by itself is no table at all: an error, never
# a table silently left out.
sed "s|\.\./|$QUIRE_TEST_DATA/|" reports/mini.ini >"$T/self.ini"
printf '\n[crosstab budapest by budapest]\ntitle = Budapest by itself\n' >>"$T/self.ini"
line=$(grep -n 'crosstab budapest by budapest' "$T/self.ini" | cut -d: -f1)
run 1 "$QUIRE" report -o "$T/self.pdf" "$T/self.ini"
expect_status 'a crosstab of a question by itself fails'
expect_err 'naming its line' <<X
quire:$T/self.ini:$line: [crosstab budapest by budapest]: a question is not broken down by itself
X
expect_true 'and writes nothing' test ! -e "$T/self.pdf"

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
