#!/bin/sh
# t2410: quire enter in a real terminal (tmux), and killed with -9 at any moment
#
# Every check looks at what the terminal shows, and fails when it never
# shows: the test waits on the screen's contents, never on fixed sleeps,
# for $QUIRE_TEST_WAIT seconds at most (30 by default, for a loaded
# machine), and no longer once quire has ended without showing them.
. "$top_srcdir/tests/lib.sh"
F=$QUIRE_TEST_DATA/forms/mini

if ! command -v tmux >/dev/null 2>&1; then
	skip 'quire enter in a terminal' 'tmux is not installed'
	done_testing
fi

# A private tmux server, gone at exit; remain-on-exit keeps a dead pane's status.
SOCK=$T/tmux
tm() { tmux -S "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
TERM=${TERM:-xterm}
export TERM
tm new-session -d -s t -x 100 -y 50 'cat' || { tap_not_ok 'tmux starts'; done_testing; }
tm set-option -g remain-on-exit on
cd "$T" || exit 1
mkdir data

# start NAME ARGS...: runs quire enter ARGS in a new window NAME.
start() {
	name=$1
	shift
	tm new-window -d -t t: -n "$name" -c "$T" "exec '$QUIRE' enter '$F' --data data $*"
}

# start_shell NAME ARGS...: the same from a shell that prints quire's exit
# status (tmux does not always have a dead pane's status).
start_shell() {
	name=$1
	shift
	tm new-window -d -t t: -n "$name" -c "$T" \
		"'$QUIRE' enter '$F' --data data $*; echo \"exit status \$?\""
}

screen() { tm capture-pane -p -t "t:$1" -S -300; }
# visible NAME: what window NAME shows now, without the lines scrolled off.
visible() { tm capture-pane -p -t "t:$1"; }
# joined NAME: the screen of window NAME with lines wrapped at its edge joined.
joined() { tm capture-pane -p -J -t "t:$1" -S -300; }

pane() { tm display-message -p -t "t:$1" "#{$2}" 2>/dev/null; }

# ended NAME: the program in window NAME has ended (or there is no such window).
ended() { [ "$(pane "$1" pane_dead)" != 0 ]; }

# deadline: $WAIT seconds from now, for past_deadline.
deadline() { deadline=$(($(date +%s) + WAIT)); }
past_deadline() { [ "$(date +%s)" -ge "$deadline" ]; }

# shows NAME TEXT [N]: TEXT is on the screen of window NAME (on N lines).
shows() { [ "$(screen "$1" | grep -cF -- "$2")" -ge "${3:-1}" ]; }

# wait_for NAME TEXT [N]: until TEXT shows in window NAME (on N lines);
# false, with the screen as a diagnostic, when it has not shown after $WAIT
# seconds or when the program has ended without showing it.
wait_for() {
	deadline
	until shows "$@"; do
		if ended "$1" || past_deadline; then
			shows "$@" && return 0
			echo "# '$2' never showed in window $1; the screen:"
			screen "$1" | sed 's/^/# /'
			return 1
		fi
		sleep 0.1
	done
}

# type_in NAME TEXT: types TEXT and Enter.
type_in() {
	if [ -n "$2" ]; then
		tm send-keys -t "t:$1" -l -- "$2"
	fi
	tm send-keys -t "t:$1" Enter
}

# wait_dead NAME: until the program in window NAME has ended; false after $WAIT seconds.
wait_dead() {
	deadline
	until ended "$1"; do
		if past_deadline; then
			echo "# the program in window $1 is still running"
			return 1
		fi
		sleep 0.1
	done
}

# kill9 NAME: kills the program in window NAME with SIGKILL and waits until it has ended.
kill9() {
	pid=$(pane "$1" pane_pid)
	[ -n "$pid" ] && kill -9 "$pid" && wait_dead "$1"
}

# valid FILE: quire validate passes on FILE and on the directory.
valid() {
	"$QUIRE" validate "$F" "$1" >/dev/null 2>"$T/.verr" && "$QUIRE" validate "$F" data >/dev/null 2>&1
}

# A new reply, typed in the terminal.
start a --respondent XAK
expect_true 'the first prompt shows' wait_for a 'Date the reply was received (YYYY-MM-DD)'
expect_true 'the default date is today' wait_for a '  [default: 2019-09-02]'
expect_true 'killed at the first prompt, before any answer: no file is left' \
	eval 'wait_for a "[default: 2019-09-02]" && kill9 a && test ! -e data/XAK.csv'

start b --respondent XAK
wait_for b 'Date the reply was received' && type_in b 2019-06-20
wait_for b 'How the reply came' && type_in b 2
wait_for b 'Entered by' && type_in b 'A. Officer'
expect_true 'the part is shown' wait_for b '== Part 1: Domestic law =='
expect_true 'the choices are numbered' wait_for b '  1) Yes   2) No'
expect_true 'killed at a question: the file validates' \
	eval 'wait_for b "1.1 Has your State" && kill9 b && valid data/XAK.csv'
expect_grep 'the metadata typed are saved' '_entered_by,A. Officer' data/XAK.csv
expect_grep 'the unfinished reply is marked _incomplete' '_incomplete,yes' data/XAK.csv

start c --respondent XAK
expect_true 'the reply is resumed' wait_for c 'Resuming data/XAK.csv: 0 answers so far'
wait_for c 'Date the reply was received' && type_in c ''
wait_for c 'How the reply came' && type_in c ''
wait_for c 'Entered by' && type_in c ''
wait_for c '1.1 Has your State a cybercrime law? (required)' && type_in c 1
wait_for c '1.2 Year of adoption' && type_in c 1960
expect_true 'a broken constraint is shown and asked again' wait_for c '  ! Give a year between 1970 and 2019'
type_in c 2012
expect_true 'the next question comes' wait_for c '1.3 Offences covered (one or more, separated by spaces)'
screen c >"$T/screen"
grep -A2 -xF '> 2012' "$T/screen" >"$OUT"
expect_out 'what was typed shows once, as the terminal echoes it; quire does not echo it again' <<'X'
> 2012

1.3 Offences covered (one or more, separated by spaces)
X
tm send-keys -t t:c -l '1 2'
expect_true 'an answer being typed shows' wait_for c '> 1 2'
expect_true 'killed while an answer is typed: the file validates' \
	eval 'kill9 c && valid data/XAK.csv'
compare 'the answers before the kill are kept; the one being typed is lost' data/XAK.csv <<'X'
name,value
_respondent,XAK
_submitted,2019-06-20
_channel,e-mail
_entered_by,A. Officer
_form_version,2019050101
has_law,yes
law_year,2012
X

# Killed right after Enter, in the middle of saving or not: either answer, always valid.
ok=0
for v in '1 2' 3 2 1 '1 2' 2; do
	start k --respondent XAK --edit offences
	wait_for k '1.3 Offences covered' || break
	type_in k "$v"
	kill9 k || break
	valid data/XAK.csv || break
	grep -q '^law_year,2012$' data/XAK.csv || break
	tm kill-window -t t:k
	ok=$((ok + 1))
done
expect_true 'six kills right after an answer all leave a valid reply' test $ok = 6

# Back with pruning, shown in the terminal; end of input (Ctrl-D) saves and exits.
start_shell d --respondent XAK --edit has_law
wait_for d '1.1 Has your State' && type_in d 2
expect_true 'the removed answers are shown' wait_for d 'that no longer apply:'
wait_for d '2.1 Budapest Convention' && type_in d '<'
wait_for d '1.1 Has your State' 2 && type_in d 1
wait_for d '1.2 Year of adoption (a whole number)' && type_in d 2015
wait_for d '1.3 Offences covered (one or more' && tm send-keys -t t:d C-d
expect_true 'Ctrl-D saves' wait_for d 'Saved data/XAK.csv: 2 answers.'
wait_for d 'exit status'
screen d | grep -A1 -F 'Saved data/XAK.csv' >"$OUT"
expect_out 'and quire exits with status 0' <<'X'
Saved data/XAK.csv: 2 answers.
exit status 0
X
expect_true 'the reply validates' valid data/XAK.csv
expect_grep 'the answer given after going back is saved' 'law_year,2015' data/XAK.csv

# A reply whose answer holds escape sequences (retitle the window, clear
# the screen): the terminal shows them escaped and does not act on them.
printf 'name,value\n_respondent,XAL\n_submitted,2019-06-20\n_channel,\033]0;pwned\007\033[2J\033[H\n' \
	>data/XAL.csv
start e --respondent XAL
wait_for e 'Date the reply was received' && type_in e ''
expect_true 'an answer with escape sequences is shown escaped' \
	wait_for e '  [default: \x1b]0;pwned\x07\x1b[2J\x1b[H]'
visible e >"$T/screen"
expect_grep 'the screen is not cleared' 'Reply of XAL to "Mini cybercrime questionnaire"' "$T/screen"
expect_true 'the window keeps its title' \
	eval 'shows e "[default: \\x1b]0;pwned" && test "$(pane e pane_title)" != pwned'

# Two sessions on one reply, in two terminals: the second says who holds
# it and ends; the first goes on.
start f --respondent XAM
wait_for f 'Date the reply was received' && type_in f 2019-06-21
wait_for f 'How the reply came'
start_shell g --respondent XAM
wait_for g 'exit status'
joined g >"$T/screen"
held="in use, held by quire enter (process $(pane f pane_pid) of $(id -un) on $(hostname)) since"
expect_grep 'a second session on the reply says who holds it, and since when' \
	"quire:data/XAM.csv: $held" "$T/screen"
expect_grep 'and ends with status 1' 'exit status 1' "$T/screen"
type_in f 2
wait_for f 'Entered by' && type_in f q
expect_true 'the first session goes on and saves' wait_for f 'Saved data/XAM.csv: 0 answers.'
expect_grep 'what it was given' '_channel,e-mail' data/XAM.csv

done_testing
