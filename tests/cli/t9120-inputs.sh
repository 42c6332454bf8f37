#!/bin/sh
# t9120: outputs never destroy inputs.  An output that is one of the run's
# inputs -- the same name, a symbolic link or a hard link to it -- is
# refused with exit 1 and nothing is written, whether the command opens its
# output after reading everything (report, blank) or before reading the
# replies (export, checked again before the rename).  src/inputs.h.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
mkdir forms data reports
cp -R "$top_srcdir/forms/cybercrime-cooperation" forms/cc
cp -R "$top_srcdir/data/cybercrime-cooperation" data/cc
mkdir data/rosters
cp "$top_srcdir/data/rosters/demo.csv" data/rosters/demo.csv
sed -e 's|^form = .*|form = ../forms/cc|' -e 's|^data = .*|data = ../data/cc|' \
	"$top_srcdir/reports/wg4-hangzhou-2019.ini" >reports/wg.ini
F=forms/cc
D=data/cc
R=data/rosters/demo.csv
find forms data reports -type f -exec cksum {} + | sort >sums.before

# refused NAME OUTPUT COMMAND...: COMMAND must refuse OUTPUT as an input,
# leave every input as it was and no temporary file anywhere.
refused() {
	what=$1 output=$2
	shift 2
	run 1 "$@"
	expect_status "$what: refused"
	expect_err "$what: the output is named" <<X
quire:$output: is an input of this run; choose another output
X
	find forms data reports -type f -exec cksum {} + | sort >sums.after
	expect_true "$what: every input is as it was" cmp -s sums.before sums.after
	find . -name '.?*' ! -name '.out' ! -name '.err' ! -name '.want' >"$OUT"
	expect_out "$what: no temporary file is left" </dev/null
}

refused 'export over a reply it reads' $D/XAL.csv "$QUIRE" export $F $D -o $D/XAL.csv
refused 'export over the survey sheet' $F/survey.csv "$QUIRE" export $F $D -o $F/survey.csv
refused 'blank over its form' $F/survey.csv "$QUIRE" blank $F --respondent XAA -o $F/survey.csv
refused 'tab over the roster' $R "$QUIRE" tab $F $D --roster $R -o $R
refused 'status over a reply' $D/XTE.csv "$QUIRE" status $F $D --roster $R -o $D/XTE.csv
# A report is written as .pdf or .docx, so its definition is reached through a link so named.
ln -s wg.ini reports/wg-link.pdf
refused 'report over its definition' reports/wg-link.pdf \
	"$QUIRE" report reports/wg.ini -o reports/wg-link.pdf
refused 'print over its choices sheet' $F/choices.csv "$QUIRE" print $F -o $F/choices.csv

# The output a definition names.
ln -s demo.csv data/rosters/demo-link.pdf
sed -e '/^output = /d' -e 's|^\[report\]$|&\noutput = ../data/rosters/demo-link.pdf|' \
	reports/wg.ini >reports/roster.ini
find forms data reports -type f -exec cksum {} + | sort >sums.before
refused 'a definition whose output is its roster' reports/../data/rosters/demo-link.pdf \
	"$QUIRE" report reports/roster.ini

# Links: a symbolic link or a hard link to an input is the input.
ln -s data/cc/XAL.csv sym.csv
ln data/cc/XDA.csv hard.csv
refused 'export over a symbolic link to a reply' sym.csv "$QUIRE" export $F $D -o sym.csv
refused 'export over a hard link to a reply' hard.csv "$QUIRE" export $F $D -o hard.csv
ln -s ../data/cc/XHE.csv reports/chart.png
refused 'chart over a link to a reply' reports/chart.png \
	"$QUIRE" chart $F $D -q law_status -o reports/chart.png
rm sym.csv hard.csv reports/chart.png

# quire import: a reply file that would replace the export being read,
# named or on standard input, is refused; the other rows are imported.
mkdir imp
"$QUIRE" export $F $D -o imp/XAL.csv || exit 1
cp imp/XAL.csv export.csv
run 1 "$QUIRE" import --force $F imp/XAL.csv --into imp
expect_status 'import into the export it reads: the row is rejected'
expect_err 'import: the reply file is named' <<'X'
quire:imp/XAL.csv: is an input of this run; choose another output
X
expect_out 'import: the other rows are imported' <<'X'
imp/XAL.csv (quire export): 10 replies written to imp; 1 rejected
X
expect_true 'import: the export is as it was' cmp -s imp/XAL.csv export.csv
STDIN=imp/XAL.csv
run 1 "$QUIRE" import --force $F - --into imp
unset STDIN
expect_status 'import from standard input into the file it reads: the row is rejected'
expect_err 'import: the reply file is named' <<'X'
quire:imp/XAL.csv: is an input of this run; choose another output
X
expect_true 'import: the export read from standard input is as it was' \
	cmp -s imp/XAL.csv export.csv

# An input is an input however it is named; other outputs are written.
run 0 "$QUIRE" export $F ./$D/../cc -o data/all.csv
expect_status 'a new file beside the inputs is written'
run 0 "$QUIRE" tab $F $D -o /dev/null
expect_status 'a device is not an input and can be written'

# quire enter replaces the reply it has read: that is its purpose.
printf '1\nq\n' >answers
STDIN=answers
run 0 "$QUIRE" enter $F --respondent XAL --data $D --edit law_status
unset STDIN
expect_status 'enter saves the reply it resumed'
expect_grep 'enter: the changed answer is saved' 'law_status,new_law' $D/XAL.csv

done_testing
