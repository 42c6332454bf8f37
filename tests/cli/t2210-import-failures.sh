#!/bin/sh
# t2210: quire import where it cannot write - a reply being entered (its
# lock, src/lock.h), a full disk, a file size limit.  A reply in use is not
# imported and is named, and its session's next save keeps its answers; a
# reply that cannot be written stops the import, with one message that
# says how many replies were written before it.  Nothing is left behind:
# no temporary file, no lock file.
. "$top_srcdir/tests/lib.sh"
F=$QUIRE_TEST_DATA/forms/mini
cd "$T" || exit 1
me=$(id -un)
host=$(hostname)

# The holder of CODE's lock in DIR, as its lock file records it: "since TIME".
since_of() {
	sed -n 's/^since=/since /p' "$1/.$2.csv.lock"
}

printf 'respondent,submitted,has_law,law_year\nXAB,2019-06-20,no,\nXAC,2019-06-21,yes,2015\n' \
	>two.csv

# A session is entering XAB; import --force leaves it alone and says so.
mkdir data
mkfifo a.in
"$QUIRE" enter "$F" --respondent XAB --data data <a.in >a.out 2>a.err &
pid_a=$!
exec 3>a.in
wait_for a.out 'Date the reply was received' && printf '2019-06-19\n1\nA. Officer\n1\n' >&3
wait_for a.out 'Year of adoption'
run 1 "$QUIRE" import --force "$F" two.csv --into data
expect_status 'a reply being entered is not imported'
expect_err 'the reply is named with who holds it' <<X
quire:data/XAB.csv: not imported: in use, held by quire enter (process $pid_a of $me on $host) $(since_of data XAB)
X
expect_out 'the summary counts it apart' <<'X'
two.csv (quire export): 1 reply written to data; 1 in use, not imported (XAB)
X
printf '2012\n' >&3
wait_for a.out 'Offences covered'
printf 'q\n' >&3
exec 3>&-
gone "$pid_a"
compare "the session's answers are all saved, none undone by the import" data/XAB.csv <<'X'
name,value
_respondent,XAB
_submitted,2019-06-19
_channel,note verbale
_entered_by,A. Officer
_form_version,2019050101
has_law,yes
law_year,2012
X
expect_grep 'the other reply is imported' 'law_year,2015' data/XAC.csv
run 0 "$QUIRE" import --force "$F" two.csv --into data
expect_status 'once the session has ended, import --force replaces the reply'
expect_grep 'with the exported answers' 'has_law,no' data/XAB.csv
ls -A data >"$OUT"
expect_out 'no lock file is left' <<'X'
XAB.csv
XAC.csv
X

# Without --force, a reply whose entry has begun is not imported either,
# though no file is there yet.
rm data/XAB.csv
rm -f a.in && mkfifo a.in
"$QUIRE" enter "$F" --respondent XAB --data data <a.in >a.out 2>a.err &
pid_a=$!
exec 3>a.in
wait_for a.out 'Date the reply was received'
run 1 "$QUIRE" import "$F" two.csv --into data
expect_status 'a new reply being entered is not imported'
expect_out 'the summary says so' <<'X'
two.csv (quire export): 0 replies written to data; 1 skipped, already there (XAC; use --force to replace them); 1 in use, not imported (XAB)
X
exec 3>&-
gone "$pid_a"
expect_true 'the session ends without a file' test ! -e data/XAB.csv

# rows FIRST N SIZE: N rows of an export, numbered from FIRST, each with a
# text answer of SIZE bytes.
rows() {
	awk -v first="$1" -v n="$2" -v size="$3" 'BEGIN {
		text = "x"
		while (length(text) < size)
			text = text text
		text = substr(text, 1, size)
		for (i = first; i < first + n; i++)
			printf "R%03d,2019-06-20,yes,%s\n", i, text
	}'
}

# A session started while import holds a reply is refused, naming the
# import: the export comes through a pipe that stalls after XAB's row and
# 400 KB more (the reader's buffer is far smaller), so the import has
# written XAB, holds its lock until its batch is in place, and waits.
mkdir held
mkfifo feed.csv
"$QUIRE" import "$F" feed.csv --into held >import.out 2>import.err &
pid_i=$!
exec 4>feed.csv
printf 'respondent,submitted,has_law,comments\nXAB,2019-06-20,no,\n' >&4
rows 1 200 2000 >&4
wait_for held/.XAB.csv.lock 'command=quire import'
run 1 "$QUIRE" enter "$F" --respondent XAB --data held
expect_status 'a session on a reply being imported fails'
expect_err 'it names the import' <<X
quire:held/XAB.csv: in use, held by quire import (process $pid_i of $me on $host) $(since_of held XAB)
X
exec 4>&-
gone "$pid_i"
wait "$pid_i"
expect_true 'the import then ends with status 0' test $? = 0
expect_grep 'it wrote the reply' 'has_law,no' held/XAB.csv
expect_true 'and the others' test "$(ls held | wc -l)" = 201
expect_true 'and removed its lock files' test -z "$(ls -A held | grep '^\.')"

# 100 replies; the 13th is the first large one (a text answer of 20,000 bytes).
{
	echo 'respondent,submitted,has_law,comments'
	rows 1 12 4 | sed 's/,xxxx$/,fine/'
	rows 13 1 20000
	rows 14 87 4 | sed 's/,xxxx$/,fine/'
} >hundred.csv

# A file size limit (8 blocks, 4 or 8 KiB): the 13th reply cannot be written.
mkdir limited
(
	trap '' XFSZ
	ulimit -f 8
	"$QUIRE" import "$F" hundred.csv --into limited >"$OUT" 2>"$ERR"
)
got_status=$? want_status=1
grep -v '^libgcov profiling' "$ERR" >"$T/.kept" && mv "$T/.kept" "$ERR"
expect_status 'a reply beyond the file size limit fails the import'
expect_err 'one message names the reply, the reason and how far the import went' <<'X'
quire:limited/R013.csv: write error: File too large; stopped after 12 of 100 replies
X
expect_out 'and no summary' </dev/null
ls -A limited >"$OUT"
expect_out 'the 12 replies before it are in place, and nothing else' <<'X'
R001.csv
R002.csv
R003.csv
R004.csv
R005.csv
R006.csv
R007.csv
R008.csv
R009.csv
R010.csv
R011.csv
R012.csv
X
run 0 "$QUIRE" validate "$F" limited
expect_status 'every reply written is whole'

# A full disk: a small tmpfs, mounted in a namespace of our own.
mkdir full
if unshare -rm sh -c 'mount -t tmpfs -o size=64k tmpfs "$1"' sh full 2>/dev/null; then
	run 1 unshare -rm sh -c 'mount -t tmpfs -o size=64k tmpfs full &&
		"$1" import "$2" hundred.csv --into full; status=$?
		ls -A full >full.list; cat full/* >full.all 2>/dev/null; exit $status' sh "$QUIRE" "$F"
	expect_status 'a full disk fails the import'
	n=$(wc -l <full.list)
	first=$(awk -v n="$n" 'BEGIN { printf "R%03d", n + 1 }')
	expect_err 'one message names the reply, the reason and how far the import went' <<X
quire:full/$first.csv: write error: No space left on device; stopped after $n of 100 replies
X
	expect_true "some replies ($n) were written, not all" test "$n" -gt 0 -a "$n" -lt 100
	expect_true 'nothing but replies is left' sh -c '! grep -q "^\." full.list'
	expect_true 'each reply written is whole' test "$(grep -c '^comments,fine$' full.all)" = "$n"
else
	skip 'a full disk fails the import' 'no tmpfs can be mounted (unshare -rm)'
fi

done_testing
