#!/bin/sh
# t7050: long texts in the report flow over as many pages as they need: a
# section text of 60,000 words, answers of 100,000 characters (the limit)
# in Chinese and in Arabic.  Every word is printed, in order, and every
# page has its running head and its number.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
	skip 'long texts in the report' 'poppler-utils (pdftotext, pdfinfo) is not installed'
	done_testing
fi
F=$QUIRE_TEST_DATA/forms/mini

# words N: N words, one a line: "wK" for every K that is a multiple of
# 1000, "END" last, words of the questionnaire between.
words() {
	awk -v n="$1" 'BEGIN {
		k = split("cooperation against cybercrime requires mutual legal assistance " \
			  "between Member States and electronic evidence", v, " ")
		for (i = 0; i < n; i++)
			print (i == n - 1 ? "END" : i % 1000 == 0 ? "w" i : v[i % k + 1])
	}'
}

# text N CHAR: N times the character CHAR (an octal escape for awk).
text() {
	awk -v n="$1" -v c="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", c }'
}

ta3awun='\330\247\331\204\330\252\330\271\330\247\331\210\331\206'	# 7 letters
dual='\330\247\331\204\330\257\331\210\331\204\331\212'		# 6 letters
words 60000 >section.words
text 100000 '\344\270\255' >chinese
# 10,000 Arabic words, blanks included fewer than 100,000 characters
awk -v a="$ta3awun" -v b="$dual" 'BEGIN { for (i = 0; i < 10000; i++) printf "%s ", (i % 500 ? a : b) }' >arabic
mkdir data
reply data XAA 2019-05-02 has_law,no "comments,$(cat chinese)"
reply data XAB 2019-05-02 has_law,yes "comments,$(cat arabic)"
cat >long.ini <<X
[report]
form = $F
data = data
symbol = LONG/1
title = Long texts

[section Long]
text = $(tr '\n' ' ' <section.words)
questions = has_law
X

run 0 "$QUIRE" report long.ini -o long.pdf
expect_status 'a report with long texts is written'
pages=$(pdfinfo long.pdf | awk '/^Pages:/ { print $2 }')
expect_true "the texts take many pages ($pages)" test "$pages" -ge 180

# The section's words, from its first to its last, without the running
# head, the page numbers and the paragraph number.
pdftotext -raw long.pdf - | tr ' \f' '\n\n' |
	awk '/^w0$/ { on = 1 }
	     on && $0 != "" && $0 != "LONG/1" && $0 !~ /^[0-9]/ && $0 != "/" { print }
	     /^END$/ { exit }' >printed
expect_true 'every word of the section text is printed, in order' cmp -s section.words printed

pdftotext -layout long.pdf - | awk -v RS='\f' -v n="$pages" '
	NR > 1 && NR <= n && (index($0, "LONG/1") == 0 || index($0, NR " / " n) == 0) { bad++ }
	END { exit bad > 0 }'
expect_true 'every page after the cover has its running head and number' test $? -eq 0

pdftotext -raw long.pdf - | tr -d ' \n\f' >flat
# The Chinese character, counted: the pages break it into runs.
sed 's/\xe4\xb8\xad/Z/g' flat | tr -cd 'Z' | wc -c | tr -d ' ' >count
compare 'the Chinese answer is printed whole, once' count <<'X'
100000
X
# pdftotext may split an Arabic word in two, but not this one (and -raw
# gives Arabic a letter a line)
pdftotext long.pdf - | grep -o "$(text 1 "$ta3awun")" | wc -l | tr -d ' ' >count
compare 'every word of the Arabic answer is printed' count <<'X'
9980
X

done_testing
