#!/bin/sh
# t9100: write failures - a full device, a file size limit, a directory that
# cannot be written.  Every command that writes a file (blank, export, tab,
# status, chart, report, print) must say so with the reason, exit 1, leave no file
# at the target (nor a temporary one beside it), and leave an existing
# file as it was.  An output name of up to 255 bytes is written, although
# its temporary name would be longer.
. "$top_srcdir/tests/lib.sh"
F=$top_srcdir/forms/cybercrime-cooperation
D=$top_srcdir/data/cybercrime-cooperation
R=$top_srcdir/data/rosters/demo.csv
DEF=$top_srcdir/reports/wg4-hangzhou-2019.ini
cd "$T" || exit 1

# write_cmd NAME OUTPUT: runs command NAME writing OUTPUT.
write_cmd() {
	case $1 in
	blank) "$QUIRE" blank "$F" --respondent XAA -o "$2" ;;
	export) "$QUIRE" export "$F" "$D" -o "$2" ;;
	tab) "$QUIRE" tab "$F" "$D" -o "$2" ;;
	status) "$QUIRE" status "$F" "$D" --roster "$R" -o "$2" ;;
	chart) "$QUIRE" chart "$F" "$D" -q law_status -o "$2" ;;
	report) "$QUIRE" report "$DEF" -o "$2" ;;
	print) "$QUIRE" print "$F" -o "$2" ;;
	esac
}

ext() {
	case $1 in
	chart) echo png ;;
	report | print) echo pdf ;;
	tab | status) echo txt ;;
	*) echo csv ;;
	esac
}

# limited COMMAND...: runs COMMAND with files limited to 1 block, so that
# every write past the first block fails with EFBIG (SIGXFSZ ignored).  In
# a coverage build the counters written at exit fail too; gcov's complaints
# are dropped from standard error.
limited() {
	(
		trap '' XFSZ
		ulimit -f 1
		"$@" 2>"$T/.limited"
	)
	status=$?
	grep -v '^libgcov profiling' "$T/.limited" >&2
	return $status
}

mkdir out
for c in blank export tab status chart report print; do
	e=$(ext $c)

	# A full device: /dev/full itself, or a link to it where the name must end in .png.
	full=/dev/full
	if [ $c = chart ]; then
		ln -s /dev/full full.png
		full=full.png
	fi
	run 1 write_cmd $c $full
	expect_status "$c: writing to a full device fails"
	expect_err "$c: the full device is named with the reason" <<X
quire:$full: write error: No space left on device
X

	# A file size limit: the target exists and must survive; a new target must not appear.
	echo "the good $c file" >out/keep.$e
	run 1 limited write_cmd $c out/keep.$e
	expect_status "$c: a write beyond the file size limit fails"
	expect_err "$c: the file and the reason are named" <<X
quire:out/keep.$e: write error: File too large
X
	compare "$c: the existing file is left as it was" out/keep.$e <<X
the good $c file
X
	run 1 limited write_cmd $c out/new.$e
	expect_status "$c: a new file beyond the limit fails"
	expect_true "$c: no file is left at the target" test ! -e out/new.$e
	ls -A out | grep -v "^keep\.$e\$" >"$OUT"
	expect_out "$c: no temporary file is left in the directory" </dev/null
	rm -f out/keep.$e

	# A directory that is not one, and one that does not exist.
	echo x >keep.$e
	run 1 write_cmd $c keep.$e/out.$e
	expect_status "$c: an output inside a file fails"
	expect_err "$c: the path and the reason are named" <<X
quire:keep.$e/out.$e: cannot write: Not a directory
X
	rm -f keep.$e
	run 1 write_cmd $c nowhere/out.$e
	expect_status "$c: an output in a missing directory fails"
	expect_err "$c: the missing directory is named" <<X
quire:nowhere/out.$e: cannot write: No such file or directory
X
done

# A directory without write permission.  Root writes anyway, so as root
# quire runs as nobody (setpriv), when nobody can read the inputs.
mkdir locked
chmod 555 locked
as_user=
if [ -w locked ] && command -v setpriv >/dev/null 2>&1; then
	chmod o+x "$T"
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
	$as_user test -r "$F/survey.csv" -a -r "$D/XAL.csv" -a -x "$QUIRE" -a ! -w locked ||
		as_user=
fi
if [ -w locked ] && [ -z "$as_user" ]; then
	skip 'an output in a directory without write permission fails' 'the directory is writable anyway (root, and nobody cannot read the inputs)'
else
	run 1 $as_user "$QUIRE" export "$F" "$D" -o locked/out.csv
	# A coverage build run as nobody cannot write its counters; gcov says so.
	sed '/^profiling:.*\.gcda:/d' "$ERR" >"$T/.err.kept" && mv "$T/.err.kept" "$ERR"
	expect_status 'an output in a directory without write permission fails'
	expect_err 'the permission is named' <<'X'
quire:locked/out.csv: cannot write: Permission denied
X
	expect_true 'nothing is left in the directory' test -z "$(ls -A locked)"
fi
chmod 755 locked

# Long names: the temporary name is 8 bytes longer than the output's, so
# it is made shorter when the output's name is near the limit (255 bytes).
mkdir long
for n in 248 249 255; do
	name=$(printf "%0$((n - 4))d.csv" 0)
	run 0 "$QUIRE" export "$F" "$D" -o "long/$name"
	expect_status "an output name of $n bytes is written"
	ls -A long >"$OUT"
	expect_out "no temporary file is left beside the output of $n bytes" <<X
$name
X
	rm -f "long/$name"
done
name=$(printf "%0252d.csv" 0)
run 1 "$QUIRE" export "$F" "$D" -o "long/$name"
expect_status 'an output name of 256 bytes fails'
expect_err 'the name and the reason are given' <<X
quire:long/$name: cannot write: File name too long
X
expect_true 'nothing is left in the directory' test -z "$(ls -A long)"

# Standard output on a full device.
run 1 sh -c '"$0" export "$1" "$2" >/dev/full' "$QUIRE" "$F" "$D"
expect_status 'export to a full standard output fails'
expect_err 'the write error is named' <<'X'
quire: write error: No space left on device
X

done_testing
