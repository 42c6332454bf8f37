#!/bin/sh
# t2310: a directory of replies loses nothing - ".csv" is read in any case,
# a lock file a spreadsheet program leaves is not,
# every entry that is not read is named in one warning line, and neither a
# FIFO nor a device is ever opened, in a directory or given as DATA.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
F=$QUIRE_TEST_DATA/forms/mini
R=$QUIRE_TEST_DATA/rosters/mini.csv

reply replies XAA 2019-05-02 'has_law,no'
reply replies XAB 2019-05-03 'has_law,yes'
# Saved by a program that writes extensions in capitals.
printf 'name,value\n_respondent,XAC\n_submitted,2019-05-04\nhas_law,yes\n' >replies/XAC.CSV
# What else travels on a USB stick: notes, backups, macOS's shadow files, Excel's lock files,
# a folder of late replies, a link to nowhere, and a FIFO.
echo 'call XAD' >replies/notes.txt
cp replies/XAB.csv replies/XAB.csv.bak
cp replies/XAB.csv replies/._XAB.csv
: >replies/.DS_Store
# Excel's lock file beside a workbook it has open.
printf 'lock' >'replies/~$XAB.xlsx'
reply replies/late XAD 2019-09-01 'has_law,no'
mv replies/late/XAD.csv replies/late/XAD.Csv
ln -s nowhere.csv replies/gone.csv
if mkfifo replies/pipe.csv 2>/dev/null; then fifo=yes; else fifo=no; fi

run 0 timeout 20 "$QUIRE" status "$F" replies --roster "$R" --cutoff 2019-06-30
expect_status 'status reads the directory without blocking'
expect_grep 'the reply saved as XAC.CSV counts' '  XAC      State of Corvale                   2019-05-04' "$OUT"
expect_grep 'three States replied' 'Replied by 2019-06-30: 3 of 4 (75%)' "$OUT"
if [ "$fifo" = yes ]; then
	expect_err 'every other entry is named, in one line' <<'X'
quire:replies: warning: skipped 8 files that are not replies (.csv or workbooks): .DS_Store, ._XAB.csv (hidden), XAB.csv.bak, gone.csv (No such file or directory), late/, notes.txt, pipe.csv (a FIFO), ~$XAB.xlsx (hidden)
X
else
	skip 'every other entry is named, in one line' 'mkfifo failed'
fi

run 0 timeout 20 "$QUIRE" validate "$F" replies/late
expect_grep 'a directory that skips nothing reads its reply' '1 reply checked: no problems' "$OUT"
expect_err 'and says nothing of it' <<'X'
X

# One entry skipped is said in the singular.
reply one XAA 2019-05-02 'has_law,no'
echo 'call XAB' >one/README
run 0 "$QUIRE" validate "$F" one
expect_err 'one skipped file is one file' <<'X'
quire:one: warning: skipped 1 file that is not a reply (.csv or a workbook): README
X

# More than ten are counted, and the first ten named.
mkdir many
for i in 01 02 03 04 05 06 07 08 09 10 11 12; do : >"many/note$i.txt"; done
reply many XAA 2019-05-02 'has_law,no'
run 0 "$QUIRE" validate "$F" many
expect_err 'a long list is cut after ten' <<'X'
quire:many: warning: skipped 12 files that are not replies (.csv or workbooks): note01.txt, note02.txt, note03.txt, note04.txt, note05.txt, note06.txt, note07.txt, note08.txt, note09.txt, note10.txt, ...
X

if [ "$fifo" = yes ]; then
	run 1 timeout 20 "$QUIRE" validate "$F" replies/pipe.csv
	expect_status 'a FIFO given as DATA is refused at once'
	expect_err 'saying what it is and what to give' <<'X'
quire:replies/pipe.csv: cannot read replies from a FIFO: give a file, a directory, or '-' for standard input
X
else
	skip 'a FIFO given as DATA is refused at once' 'mkfifo failed'
	skip 'saying what it is and what to give' 'mkfifo failed'
fi
run 1 timeout 20 "$QUIRE" tab "$F" /dev/null
expect_status 'so is a device'
expect_err 'by name' <<'X'
quire:/dev/null: cannot read replies from a device: give a file, a directory, or '-' for standard input
X
printf 'respondent,submitted,has_law\nXAA,2019-05-02,no\n' >export.csv
STDIN=export.csv run 0 "$QUIRE" validate "$F" -
expect_status "standard input is still read with '-'"

done_testing
