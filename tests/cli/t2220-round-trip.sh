#!/bin/sh
# t2220: the export/import round trip is byte-identical for every value -
# a property tested on generated replies (fixed seeds): texts that start
# with ', =, +, -, @, a tab or a carriage return, that hold quotes, commas,
# semicolons and line breaks, and non-ASCII text, in answers and in the
# metadata.  Reply files -> export -> import -> the same reply files,
# with and without --keep-formulas.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

mkdir form
cat >form/survey.csv <<'X'
type,name,label
text,t1,First text
text,t2,Second text
integer,n,A number
select_one yn,q,A choice
text,t3,Third text
X
cat >form/choices.csv <<'X'
list_name,name,label
yn,yes,Yes
yn,no,No
X

# gen SEED N DIR: N reply files in DIR, written as quire writes them
# (fields quoted only when they must be), rows in quire's order.
gen() {
	mkdir "$3"
	awk -v seed="$1" -v n="$2" -v dir="$3" '
	function csv(s) {
		if (s !~ /[,"\r\n]/ && s !~ /^[ \t]/ && s !~ /[ \t]$/)
			return s
		gsub(/"/, "\"\"", s)
		return "\"" s "\""
	}
	function pick(list, count) { return list[1 + int(rand() * count)] }
	function text(   k, s, i) {
		s = rand() < 0.7 ? pick(lead, nlead) : ""
		k = 1 + int(rand() * 8)
		for (i = 0; i < k; i++)
			s = s pick(piece, npiece)
		return s
	}
	function row(name, value) {
		if (value != "")
			print csv(name) "," csv(value) >file
	}
	BEGIN {
		srand(seed)
		nlead = split("\047|\047\047|\047=|=|+|-|@|\t|\r|-5|-1+1| |\"|\047\t", lead, "|")
		npiece = split("a|Z| |,|;|\"|\n|\r\n|\r|\t|\047|=|+|5|x y|\303\251|\346\227\245\346\234\254|\331\202|\360\237\230\200", piece, "|")
		nnum = split("12|-5|0|-2019|7", num, "|")
		for (r = 0; r < n; r++) {
			code = sprintf("X%c%c", 65 + int(r / 26), 65 + r % 26)
			file = dir "/" code ".csv"
			print "name,value" >file
			row("_respondent", code)
			row("_submitted", sprintf("2019-%02d-%02d", 1 + int(rand() * 12), 1 + int(rand() * 28)))
			for (m = 1; m <= 4; m++)
				meta[m] = rand() < 0.5 ? text() : ""
			row("_channel", meta[1])
			row("_entered_by", meta[2])
			row("_form_version", meta[3])
			row("_note", meta[4])
			row("t1", text())
			row("t2", rand() < 0.8 ? text() : "")
			row("n", rand() < 0.8 ? pick(num, nnum) : "")
			row("q", rand() < 0.8 ? (rand() < 0.5 ? "yes" : "no") : "")
			row("t3", text())
			close(file)
		}
	}'
}

for seed in 1 2 3 4 5; do
	gen $seed 40 "replies$seed"
	run 0 "$QUIRE" export form "replies$seed" -o "export$seed.csv"
	expect_status "seed $seed: 40 generated replies export"
	mkdir "back$seed"
	run 0 "$QUIRE" import form "export$seed.csv" --into "back$seed"
	expect_status "seed $seed: the export imports"
	expect_true "seed $seed: export and import give byte-identical reply files" \
		diff -r "replies$seed" "back$seed"
	run 0 "$QUIRE" export form "back$seed" -o "again$seed.csv"
	expect_true "seed $seed: and the same export again" cmp "export$seed.csv" "again$seed.csv"
	run 0 "$QUIRE" export --keep-formulas form "replies$seed" -o "kept$seed.csv"
	mkdir "kept$seed"
	run 0 "$QUIRE" import form "kept$seed.csv" --into "kept$seed"
	expect_true "seed $seed: with --keep-formulas too" diff -r "replies$seed" "kept$seed"
done
expect_true 'the replies hold what the test is about' \
	grep -q "^t1,'=" replies1/*.csv replies2/*.csv replies3/*.csv
expect_true 'an export holds a doubled quote' grep -q ",''" export1.csv export2.csv export3.csv

done_testing
