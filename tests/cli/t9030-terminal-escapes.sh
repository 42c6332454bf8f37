#!/bin/sh
# t9030: escape sequences in what is typed into quire enter, and in reply
# files, never reach the terminal: whatever quire prints for people --
# enter's echo, defaults and messages, every diagnostic, tab's text
# answers, status's channels -- shows control characters escaped
# (src/msg.h, msg_printable), so that a reply cannot clear the officer's
# screen or retitle the window.  Files written keep the exact bytes.
. "$top_srcdir/tests/lib.sh"
F=$QUIRE_TEST_DATA/forms/mini
cd "$T" || exit 1
mkdir data

ESC=$(printf '\033')
BEL=$(printf '\007')
TITLE="$ESC]0;pwned$BEL"	# OSC 0: sets the window's title
CLEAR="$ESC[2J$ESC[H"		# CSI: clears the screen, cursor home
C1=$(printf '\302\233')		# U+009B: CSI as one C1 character

# clean NAME FILE: FILE holds no control character but line ends (C0, DEL or C1).
clean() {
	if LC_ALL=C grep -q '[[:cntrl:]]' "$2" ||
		LC_ALL=C grep -q "$(printf '\302')[$(printf '\200')-$(printf '\237')]" "$2"; then
		tap_not_ok "$1"
		echo "# control characters in $2:"
		sed -n l "$2" | sed 's/^/# /' | head -20
	else
		tap_ok "$1"
	fi
}

# quire enter through a pipe: what is read is echoed, escaped.
cat >in <<X
2019-06-20
${TITLE}e-mail
A. Officer
${CLEAR}1
1
2012
1
-

${TITLE}${CLEAR}${C1}done
X

STDIN=in run 0 "$QUIRE" enter "$F" --respondent XAB --data data
expect_status 'an entry with escape sequences succeeds'
clean 'enter prints no control character' "$OUT"
expect_grep 'a typed OSC is echoed escaped' '> \x1b]0;pwned\x07e-mail' "$OUT"
expect_grep 'a message quotes what was typed escaped' \
	"  ! '\\x1b[2J\\x1b[H1' is not a choice: type a number from 1 to 2 or a name" "$OUT"
expect_grep 'a C1 control is echoed escaped' '> \x1b]0;pwned\x07\x1b[2J\x1b[H\u009bdone' "$OUT"
compare 'the reply keeps the exact bytes typed' data/XAB.csv <<X
name,value
_respondent,XAB
_submitted,2019-06-20
_channel,${TITLE}e-mail
_entered_by,A. Officer
_form_version,2019050101
has_law,yes
law_year,2012
offences,illegal_access
comments,${TITLE}${CLEAR}${C1}done
X

# Resumed: the answers read from the file are shown escaped as defaults.
printf '\n\n\n\n\n\n\n\n\n' >in
STDIN=in run 0 "$QUIRE" enter "$F" --respondent XAB --data data
expect_status 'the reply is resumed'
clean 'resuming prints no control character' "$OUT"
expect_grep 'a default is shown escaped' '  [default: \x1b]0;pwned\x07e-mail]' "$OUT"
expect_grep 'a long default too' '  [default: \x1b]0;pwned\x07\x1b[2J\x1b[H\u009bdone]' "$OUT"

# A change that removes answers lists them escaped.
reply data XAC 2019-06-20 "_channel,$TITLE" "has_law,yes" "law_year,2012" \
	"offences,illegal_access ${CLEAR}none"
printf '2\n' >in
STDIN=in run 0 "$QUIRE" enter "$F" --respondent XAC --data data --edit has_law
expect_status 'a change removes answers'
clean 'the removed answers are listed without a control character' "$OUT"
expect_grep 'a removed answer is shown escaped' \
	'    1.3 Offences covered: 1) Illegal access, \x1b[2J\x1b[Hnone' "$OUT"

# Every diagnostic about a reply shows its values escaped.
reply data XAD 2019-06-20 "_channel,$TITLE" "has_law,$TITLE$CLEAR" "law_year,${ESC}c" \
	"comments,x"
run 1 "$QUIRE" validate "$F" data/XAD.csv
expect_status 'a reply with escape sequences in its answers is invalid'
clean 'validate prints no control character' "$ERR"
expect_err 'the values are quoted escaped' <<'X'
quire:data/XAD.csv:5: has_law: '\x1b]0;pwned\x07\x1b[2J\x1b[H' is not a choice (choices: yes, no)
quire:data/XAD.csv:6: law_year: '\x1bc' is not an integer
quire: 2 problems in 1 of 1 reply
X
rm data/XAC.csv data/XAD.csv

# An unsafe respondent code in an export, quoted without msg_value(): the
# message as a whole is shown escaped.
printf 'respondent,submitted,has_law\n%s,2019-06-20,yes\n' "${CLEAR}XAE" >export.csv
mkdir into
run 1 "$QUIRE" import "$F" export.csv --into into
expect_status 'an unsafe code is refused'
clean 'import prints no control character' "$ERR"
expect_err 'the code is shown escaped' <<'X'
quire:export.csv:2: row not imported: unsafe respondent code '\x1b[2J\x1b[HXAE'
X

# tab --format text shows text answers escaped; the files keep the bytes.
run 0 "$QUIRE" tab "$F" data -q comments
expect_status 'tab succeeds'
clean 'tab prints no control character' "$OUT"
expect_grep 'a text answer is shown escaped' '    XAB: \x1b]0;pwned\x07\x1b[2J\x1b[H\u009bdone' "$OUT"
run 0 "$QUIRE" export "$F" data -o export.csv
expect_status 'export succeeds'
expect_grep 'the export keeps the exact bytes' "${TITLE}${CLEAR}${C1}done" export.csv

# status --format text shows the channel escaped; CSV keeps it.
printf 'code,name,region\nXAB,State B,asia\n' >roster.csv
run 0 "$QUIRE" status "$F" data --roster roster.csv
expect_status 'status succeeds'
clean 'status prints no control character' "$OUT"
expect_grep 'the channel is shown escaped' '2019-06-20 \x1b]0;pwned\x07e-mail' "$OUT"
run 0 "$QUIRE" status "$F" data --roster roster.csv --format csv
expect_grep 'the CSV keeps the exact bytes' "${TITLE}e-mail" "$OUT"

done_testing
