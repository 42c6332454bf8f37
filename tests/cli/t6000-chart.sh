#!/bin/sh
# t6000: quire chart - every type from the sample, the worst cases, errors
. "$top_srcdir/tests/lib.sh"
cd "$top_srcdir" || exit 1

FORM=forms/cybercrime-cooperation
DATA=data/cybercrime-cooperation
CUT='--cutoff 2019-06-30'

# png_size FILE: prints "WIDTHxHEIGHT" from the PNG header (bytes 16-23).
png_size() {
	od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d\n", $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }'
}

# expect_png NAME FILE: a PNG two pixels a point, 480 points wide, of some height.
expect_png() {
	if [ -s "$2" ] && head -c 8 "$2" | od -An -c | grep -q 'P   N   G'; then
		size=$(png_size "$2")
		case $size in
		960x[1-9]*) tap_ok "$1 ($size)" ;;
		*) tap_not_ok "$1: size $size" ;;
		esac
	else
		tap_not_ok "$1: not a PNG"
	fi
}

# pdf_text NAME PDF STRING...: every STRING is in the PDF's text (skipped without pdftotext).
pdf_text() {
	name=$1 pdf=$2
	shift 2
	if ! command -v pdftotext >/dev/null 2>&1; then
		skip "$name" 'no pdftotext'
		return
	fi
	pdftotext "$pdf" "$T/.txt" 2>/dev/null
	missing=
	for s in "$@"; do
		tr '\n' ' ' <"$T/.txt" | grep -qF -- "$s" || missing="$missing '$s'"
	done
	if [ -z "$missing" ]; then tap_ok "$name"; else tap_not_ok "$name"; echo "# missing:$missing"; diag_file "$T/.txt"; fi
}

run 0 "$QUIRE" chart --help
expect_status '--help exits 0'
expect_grep '--help names the types' 'timeline: replies received by date' "$OUT"

# Every type from the sample data, as PNG.
for spec in \
	'bar -q law_status' \
	'bar-percent -q law_status --label percent' \
	'bar-multiple -q treaties' \
	'stacked -q law_status --by region' \
	'grouped -q offences --by region' \
	'pie -q ppp_useful --type pie' \
	'donut -q ppp_useful --type donut' \
	'histogram -q mla_bilateral --type histogram' \
	'dotplot -q mla_days' \
	'timeline --type timeline --roster data/rosters/demo.csv'; do
	name=${spec%% *}
	# shellcheck disable=SC2086
	run 0 "$QUIRE" chart $FORM $DATA ${spec#* } $CUT -o "$T/$name.png"
	expect_status "$name: quire chart exits 0"
	expect_png "$name: a PNG of 960 pixels by the natural height" "$T/$name.png"
done

# The default types: bar for a select, stacked with --by, grouped for a
# select_multiple with --by, a dot plot for a few numbers.
run 0 "$QUIRE" chart $FORM $DATA -q law_status -o "$T/default.svg"
expect_grep 'its SVG has the labels as text' 'Yes: existing laws have been amended: 4 of 11' "$T/default.svg"
expect_grep 'and the title' '<title>2.1 Has your State formulated or amended domestic law' "$T/default.svg"

# PDF: labels, counts, base and note are text.
run 0 "$QUIRE" chart $FORM $DATA -q law_status $CUT -o "$T/bar.pdf"
expect_status 'a PDF chart'
pdf_text 'the PDF has the labels, counts, base and note as text' "$T/bar.pdf" \
	'2.1 Has your State formulated' 'Yes: existing laws have been amended' '3 of 9' \
	'n = 9 replying Member States' 'Not included: 2 replies received after 30 June 2019.'

run 0 "$QUIRE" chart $FORM $DATA -q treaties $CUT --label percent -o "$T/multi.pdf"
pdf_text 'a select_multiple says its shares may sum past 100%' "$T/multi.pdf" \
	'67%' 'each share is of the 9 Member States that answered, so the shares may add up to more than 100%.'

run 0 "$QUIRE" chart $FORM $DATA -q mla_days $CUT -o "$T/days.pdf"
pdf_text 'a conditional question states its base' "$T/days.pdf" \
	'n = 6 Member States that gave a number, of 9 replying (not asked: 2; no answer: 1)' \
	'Each dot is one State. Median 107.5 days; range 60 to 180 days.'

run 0 "$QUIRE" chart $FORM $DATA -q offences --by region $CUT -o "$T/grouped.pdf"
pdf_text 'grouped bars name the group of each bar' "$T/grouped.pdf" \
	'Asia (n = 5)' 'Africa (n = 2)' '5 of 5 Asia' '2 of 2 Africa' \
	'n = 7 Member States that answered, of 9 replying (not asked: 2), by region'

run 0 "$QUIRE" chart $FORM $DATA --type timeline --roster data/rosters/demo.csv $CUT -o "$T/timeline.pdf"
pdf_text 'the timeline marks the cut-off and the late replies' "$T/timeline.pdf" \
	'Cut-off 30 Jun 2019' '9 by the cut-off' '2 late' '11 replies from the 47 Member States on the roster'

# A reply dated in year 19 (a valid date, and a typing slip): the axis
# stays on the calendar's years, with no library warning on the way.
mkdir "$T/yr19"
cp $DATA/*.csv "$T/yr19/"
sed -i 's/^_submitted,.*/_submitted,0019-06-13/' "$(ls "$T"/yr19/*.csv | head -1)"
run 0 "$QUIRE" chart $FORM "$T/yr19" --type timeline -o "$T/yr19.svg"
expect_status 'a timeline from year 19 to 2019 is drawn'
expect_err 'quietly' </dev/null

# Roster groups, and the other language of the labels.
cd "$QUIRE_TEST_DATA" || exit 1
run 0 "$QUIRE" chart forms/mini replies/mini -q has_law --by region --roster rosters/mini.csv -o "$T/roster.svg"
expect_status 'stacked by a roster column'
expect_grep 'the groups are the roster'"'"'s' 'Asia:' "$T/roster.svg"

run 0 "$QUIRE" chart forms/chart replies/chart -q need --lang fr --type donut -o "$T/fr.pdf"
pdf_text 'labels in the language asked for' "$T/fr.pdf" 'Oui' '1 of 1' 'Information non disponible' \
	'n = 1 replying Member State'

# The worst cases: twelve choices, a 60-character label, Arabic, Chinese, n = 1.
run 0 "$QUIRE" chart forms/chart replies/chart -q main -o "$T/worst.svg"
expect_status 'twelve choices of one reply'
expect_grep 'the Arabic label is there' 'الاتفاقية العربية لمكافحة جرائم تقنية المعلومات: 1 of 1' "$T/worst.svg"
expect_grep 'so are the categories at 0' 'Mutual legal assistance through central authorities (formal): 0 of 1' "$T/worst.svg"
expect_grep 'and the Chinese one' '上海合作组织成员国保障国际信息安全政府间合作协定: 0 of 1' "$T/worst.svg"
run 0 "$QUIRE" chart forms/chart replies/chart -q main -o "$T/worst.png"
expect_png 'the worst case as PNG' "$T/worst.png"

# A wide export charts like the reply files it came from.
run 0 "$QUIRE" export forms/chart replies/chart -o "$T/wide.csv"
run 0 "$QUIRE" chart forms/chart "$T/wide.csv" -q main -o "$T/wide.svg"
expect_status 'a wide export as DATA'
expect_true 'gives the same chart' cmp -s "$T/worst.svg" "$T/wide.svg"

# Usage errors.
run 2 "$QUIRE" chart forms/chart replies/chart -q main
expect_err 'no output' <<'X'
quire chart: missing -o FILE
Try 'quire chart --help' for more information.
X
run 2 "$QUIRE" chart forms/chart replies/chart -q main -o "$T/chart.jpg"
expect_err 'the format follows the extension' <<X
quire chart: -o: '$T/chart.jpg' must end in .png, .svg or .pdf
Try 'quire chart --help' for more information.
X
run 2 "$QUIRE" chart forms/chart replies/chart -q comments -o "$T/x.png"
expect_err 'a text question is not charted' <<'X'
quire chart: 'comments' is a text question; charts take select_one, select_multiple, integer, decimal and range questions
Try 'quire chart --help' for more information.
X
run 2 "$QUIRE" chart forms/chart replies/chart -q used --type pie -o "$T/x.png"
expect_err 'no pie of a select_multiple' <<'X'
quire chart: --type pie adds up to 100%, but the shares of 'used', a select_multiple, may sum past it; use bar
Try 'quire chart --help' for more information.
X
run 2 "$QUIRE" chart forms/chart replies/chart -q main --type donut -o "$T/x.png"
expect_err 'no pie of twelve slices' <<'X'
quire chart: --type donut shows at most 6 choices and 'main' has 12; use bar
Try 'quire chart --help' for more information.
X
run 2 "$QUIRE" chart forms/chart replies/chart -q main --type stacked -o "$T/x.png"
expect_err 'stacked bars need --by' <<'X'
quire chart: --type stacked needs a breakdown by a question or a roster column
Try 'quire chart --help' for more information.
X
run 2 "$QUIRE" chart forms/chart replies/chart -q requests --type bar -o "$T/x.png"
expect_err 'numbers are not bars' <<'X'
quire chart: --type bar does not suit 'requests', an integer question; use histogram or dotplot
Try 'quire chart --help' for more information.
X
run 2 "$QUIRE" chart forms/chart replies/chart -q nosuch -o "$T/x.png"
expect_status 'an unknown question is a usage error'
run 2 "$QUIRE" chart forms/chart replies/chart -o "$T/x.png"
expect_status '-q is needed but for a timeline'
run 2 "$QUIRE" chart forms/chart replies/chart -q main --type radar -o "$T/x.png"
expect_status 'an unknown type is a usage error'
expect_true 'and no usage error leaves a file' test ! -e "$T/x.png"

# Failures leave no file, and never replace a good one.
run 1 "$QUIRE" chart forms/chart replies/chart -q main -o "$T/no/such/dir/x.png"
expect_err 'a missing directory is named' <<X
quire:$T/no/such/dir/x.png: cannot write: No such file or directory
X
run 1 "$QUIRE" chart forms/chart replies/chart replies/bad/values.csv -q main -o "$T/worst.png"
expect_status 'a bad reply fails'
expect_png 'and the good chart is kept' "$T/worst.png"
if [ -w /dev/full ] && ln -s /dev/full "$T/full.pdf"; then
	run 1 "$QUIRE" chart forms/chart replies/chart -q main -o "$T/full.pdf"
	expect_err 'a write error is reported with the file name' <<X
quire:$T/full.pdf: write error: No space left on device
X
else
	skip 'a write error is reported with the file name' 'no /dev/full'
fi
leftovers=$(find "$T" -name '.*.XXXXXX' -o -name '.worst.png.*' | wc -l)
expect_true 'no temporary file is left behind' test "$leftovers" -eq 0

done_testing
