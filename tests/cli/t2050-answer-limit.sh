#!/bin/sh
# t2050: one limit on the length of an answer, RESP_ANSWER_MAX (100,000
# characters), counted in characters, not bytes; refused alike by validate,
# tab and report (the validator) and by quire enter as the answer is typed.
. "$top_srcdir/tests/lib.sh"
F=$QUIRE_TEST_DATA/forms/mini
cd "$T" || exit 1

# text N CHAR: N times the character CHAR (an octal escape for awk).
text() {
	awk -v n="$1" -v c="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", c }'
}

mkdir ok long
reply ok XAA 2019-05-02 has_law,no "comments,$(text 100000 a)"
# 100,000 Chinese characters are 300,000 bytes: still one answer of 100,000.
reply ok XAB 2019-05-02 has_law,no "comments,$(text 100000 '\344\270\255')"
run 0 "$QUIRE" validate "$F" ok
expect_status 'answers of 100,000 characters, Latin or Chinese, pass'

reply long XAC 2019-05-02 has_law,no "comments,$(text 140000 a)"
reply long XAD 2019-05-02 has_law,no "comments,$(text 100001 '\344\270\255')"
run 1 "$QUIRE" validate "$F" long
expect_status 'longer answers fail'
expect_err 'the length and the limit are stated' <<'X'
quire:long/XAC.csv:5: comments: the answer has 140,000 characters; answers are limited to 100,000
quire:long/XAD.csv:5: comments: the answer has 100,001 characters; answers are limited to 100,000
quire: 2 problems in 2 of 2 replies
X

run 1 "$QUIRE" tab "$F" long/XAC.csv
expect_status 'tab refuses such an answer'
expect_grep 'with the message of validate' 'quire:long/XAC.csv:5: comments: the answer has 140,000 characters; answers are limited to 100,000' "$ERR"
run 1 "$QUIRE" report "$F" long/XAC.csv -o r.pdf
expect_status 'report refuses it'
expect_grep 'with the message of validate' 'quire:long/XAC.csv:5: comments: the answer has 140,000 characters; answers are limited to 100,000' "$ERR"
expect_true 'and writes nothing' test ! -e r.pdf

# quire enter refuses a typed answer over the limit (here 2,000,000
# characters), asks again, and saves what the other commands can read.
mkdir data
{
	printf '\n1\nSecretariat\n2\n-\n2019-04-30\n'
	text 2000000 a
	printf '\nA short comment.\n'
} >in
STDIN=in run 0 "$QUIRE" enter "$F" --respondent XAE --data data
expect_status 'an entry with a long answer typed goes on'
expect_grep 'the long answer is refused as it is typed' '  ! the answer has 2,000,000 characters; answers are limited to 100,000' "$OUT"
expect_grep 'the short one is saved' 'comments,A short comment.' data/XAE.csv
run 0 "$QUIRE" validate "$F" data
expect_status 'what enter saved validates'

# An answer at the limit is taken by enter, and read back by every command.
{
	printf '\n1\nSecretariat\n2\n-\n2019-04-30\n'
	text 100000 '\344\270\255'
	printf '\n'
} >in
STDIN=in run 0 "$QUIRE" enter "$F" --respondent XAF --data data
expect_status 'an answer of 100,000 characters is entered'
expect_no_grep 'without complaint' 'answers are limited' "$OUT"
run 0 "$QUIRE" tab "$F" data
expect_status 'and tabulated'

done_testing
