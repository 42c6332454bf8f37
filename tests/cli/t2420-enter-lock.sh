#!/bin/sh
# t2420: one session at a time on a reply.  quire enter holds the lock
# DIR/.CODE.csv.lock (src/lock.h) from before it reads the reply until it
# ends; a second session on the same reply says who holds it and exits 1,
# touching nothing.  Sessions here are real processes run at the same time,
# their input written through FIFOs as a person would type it.
. "$top_srcdir/tests/lib.sh"
F=$QUIRE_TEST_DATA/forms/mini
cd "$T" || exit 1
mkdir data
me=$(id -un)
host=$(hostname)

# session NAME CODE [ARGS]: starts quire enter on CODE in the background,
# its input the FIFO NAME.in held open on descriptor 3 (NAME a), 4 (b) or
# 5 (c); its output in NAME.out and NAME.err, its process id in $pid.
session() {
	name=$1 code=$2
	shift 2
	rm -f "$name.in"
	mkfifo "$name.in"
	"$QUIRE" enter "$F" --respondent "$code" --data data "$@" <"$name.in" >"$name.out" \
		2>"$name.err" &
	pid=$!
	case $name in
	a) exec 3>"$name.in" ;;
	b) exec 4>"$name.in" ;;
	c) exec 5>"$name.in" ;;
	esac
}

# lock_of CODE [DIR]: when the holder of CODE's lock took it, as its lock file records it.
lock_of() {
	sed -n 's/^since=/since /p' "${2:-data}/.$1.csv.lock"
}

# Two sessions on one reply: the second is refused, naming the first.
session a XAB
pid_a=$pid
wait_for a.out 'Date the reply was received' && printf '2019-06-20\n1\nA. Officer\n' >&3
wait_for a.out 'Has your State a cybercrime law?'
expect_true 'the first session holds the lock' test -f data/.XAB.csv.lock
cp data/XAB.csv before.csv
printf '\n\n\n2\n' >in
STDIN=in run 1 "$QUIRE" enter "$F" --respondent XAB --data data
expect_status 'a second session on the same reply fails'
expect_err 'it says who holds the reply, and since when' <<X
quire:data/XAB.csv: in use, held by quire enter (process $pid_a of $me on $host) $(lock_of XAB)
X
expect_out 'and asks nothing' </dev/null
expect_true 'the reply is as the first session left it' cmp -s before.csv data/XAB.csv
printf '1\n2012\n' >&3
wait_for a.out 'Offences covered'
run 1 "$QUIRE" enter "$F" --respondent XAB --data data --edit has_law
expect_status 'so does a second session with --edit'
printf '1 2\n' >&3
exec 3>&-
expect_true 'the first session ends' gone "$pid_a"
wait "$pid_a"
expect_true 'with status 0' test $? = 0
compare 'every answer of the first session is saved' data/XAB.csv <<'X'
name,value
_respondent,XAB
_submitted,2019-06-20
_channel,note verbale
_entered_by,A. Officer
_form_version,2019050101
has_law,yes
law_year,2012
offences,illegal_access interception
X
ls -A data >"$OUT"
expect_out 'the lock file is removed when the session ends' <<'X'
XAB.csv
X

# Sessions on different replies do not wait on each other.
session a XAB
pid_a=$pid
session b XAC
pid_b=$pid
expect_true 'two sessions on two replies run at once' \
	eval 'wait_for a.out "Date the reply" && wait_for b.out "Date the reply"'
exec 3>&- 4>&-
gone "$pid_a" && gone "$pid_b"

# The lock is released however the session ends.
session a XAB
pid_a=$pid
wait_for a.out 'Date the reply was received'
kill -TERM "$pid_a"
gone "$pid_a"
exec 3>&-
ls -A data >"$OUT"
expect_out 'SIGTERM: the lock file is removed, the reply left as it was' <<'X'
XAB.csv
X
session a XAB
pid_a=$pid
wait_for a.out 'Date the reply was received'
kill -9 "$pid_a"
gone "$pid_a"
exec 3>&-
expect_true 'kill -9: the lock file stays behind' test -f data/.XAB.csv.lock
printf '\n\n\n2\n\n\n' >in
STDIN=in run 0 "$QUIRE" enter "$F" --respondent XAB --data data
expect_status 'and the next session takes it over'
expect_grep 'and saves' 'Saved data/XAB.csv: 1 answer.' "$OUT"
expect_true 'then removes it' test ! -e data/.XAB.csv.lock

# A lock held by another program (flock(1) here) with the record a session writes.
if command -v flock >/dev/null 2>&1; then
	printf 'command=quire enter\npid=4242\nuser=ana\nhost=lap-07\nsince=2019-06-20 10:31:07 +0200\n' \
		>data/.XAC.csv.lock
	(exec 7<data/.XAC.csv.lock && flock 7 && exec sleep 300) &
	holder=$!
	deadline=$(($(date +%s) + WAIT))
	while flock -n data/.XAC.csv.lock true && [ "$(date +%s)" -lt "$deadline" ]; do
		sleep 0.05
	done
	run 1 "$QUIRE" enter "$F" --respondent XAC --data data
	expect_status 'a reply locked by another process is not entered'
	expect_err 'the message gives the record of the lock file' <<'X'
quire:data/XAC.csv: in use, held by quire enter (process 4242 of ana on lap-07) since 2019-06-20 10:31:07 +0200
X
	kill "$holder"
	wait "$holder" 2>/dev/null
	run 0 "$QUIRE" enter "$F" --respondent XAC --data data
	expect_status 'once its holder has ended, the reply is entered'
	expect_true 'and the lock file it left is gone' test ! -e data/.XAC.csv.lock
else
	skip 'a reply locked by another process is not entered' 'no flock(1)'
fi

# Two users share a directory of replies: the lock file of one is not
# writable by the other, who is still told who holds it, and takes over
# one left behind.  Only root can be two users (setpriv, as nobody).
as_nobody=
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	chmod o+x "$T"
	mkdir shared
	chmod 777 shared
	as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
	$as_nobody test -r "$F/survey.csv" -a -x "$QUIRE" -a -w shared || as_nobody=
fi
# nobody STATUS ARGS...: runs quire enter ARGS as nobody (a coverage build's complaints dropped).
nobody() {
	want=$1
	shift
	run "$want" $as_nobody "$QUIRE" enter "$F" "$@"
	sed '/^profiling:.*\.gcda:/d' "$ERR" >"$T/.kept" && mv "$T/.kept" "$ERR"
}
if [ -z "$as_nobody" ]; then
	skip 'another user is told who holds the reply' 'needs root, setpriv, and inputs nobody can read'
else
	mask=$(umask)
	umask 022
	session a XAB --data shared
	pid_a=$pid
	umask "$mask"
	wait_for a.out 'Date the reply was received'
	nobody 1 --respondent XAB --data shared
	expect_status "another user's session on the reply fails"
	expect_err 'it is told who holds it, though it cannot write the lock file' <<X
quire:shared/XAB.csv: in use, held by quire enter (process $pid_a of $me on $host) $(lock_of XAB shared)
X
	kill -9 "$pid_a"
	gone "$pid_a"
	exec 3>&-
	expect_true "kill -9 leaves root's lock file, read-only to others" \
		test "$(stat -c %U:%a shared/.XAB.csv.lock)" = root:644
	printf '2019-06-20\n1\nB. Officer\nq\n' >in
	STDIN=in nobody 0 --respondent XAB --data shared
	expect_status 'the other user takes it over'
	expect_grep 'and saves' '_entered_by,B. Officer' shared/XAB.csv
	ls -A shared >"$OUT"
	expect_out 'and removes it' <<'X'
XAB.csv
X
fi

# The lock cannot be taken: the reply is not entered.
chmod 555 data
if [ -w data ]; then
	skip 'a directory where no lock can be made' 'the directory is writable anyway (root)'
else
	run 1 "$QUIRE" enter "$F" --respondent XAB --data data
	expect_status 'a directory where no lock can be made'
	expect_err 'the lock file is named with the reason' <<'X'
quire:data/.XAB.csv.lock: cannot lock: Permission denied
X
fi
chmod 755 data

done_testing
