#!/bin/sh
# t9130: the mode of outputs.  A new output follows the umask; a file that
# is replaced keeps its mode (a reply set to 0600 stays 0600); a reply
# file is never writable by group or others, whatever the umask or the
# mode of the reply it replaces.  src/atomic.h.
. "$top_srcdir/tests/lib.sh"
F=$top_srcdir/forms/cybercrime-cooperation
D=$top_srcdir/data/cybercrime-cooperation
cd "$T" || exit 1

# mode_is NAME FILE MODE: FILE's permissions are MODE (octal, as ls shows them).
mode_is() {
	got=$(stat -c %a "$2")
	if [ "$got" = "$3" ]; then
		tap_ok "$1"
	else
		tap_not_ok "$1"
		echo "# $2 has mode $got, not $3"
	fi
}

# in_umask MASK COMMAND...: runs COMMAND under the umask MASK.
in_umask() {
	(umask "$1" && shift && "$@") >/dev/null 2>"$ERR"
}

# New outputs follow the umask.
for mask in 022 027 077 002 000; do
	rm -f new.csv
	in_umask $mask "$QUIRE" export "$F" "$D" -o new.csv
	want=$(printf '%o' $((0666 & ~0$mask)))
	mode_is "a new output under umask $mask is $want" new.csv "$want"
done

# A replaced output keeps its mode, whatever the umask.
for mode in 600 640 664 444; do
	echo old >out.csv
	chmod $mode out.csv
	in_umask 077 "$QUIRE" export "$F" "$D" -o out.csv
	mode_is "an output of mode $mode replaced under umask 077 keeps it" out.csv $mode
	expect_grep "the $mode output is replaced" 'respondent,submitted' out.csv
done
echo old >report.pdf
chmod 600 report.pdf
in_umask 022 "$QUIRE" report "$top_srcdir/reports/wg4-hangzhou-2019.ini" -o report.pdf
mode_is 'a report of mode 600 replaced keeps it' report.pdf 600

# quire enter: a reply set to 0600 stays 0600; a new reply is never
# writable by group or others, even under umask 000.
mkdir replies
cp "$D/XAL.csv" replies/XAL.csv
chmod 600 replies/XAL.csv
printf '1\nq\n' >answers
STDIN=answers
run 0 in_umask 022 "$QUIRE" enter "$F" --respondent XAL --data replies --edit law_status
expect_status 'enter saves the reply'
expect_grep 'the answer is saved' 'law_status,new_law' replies/XAL.csv
mode_is 'a reply of mode 600 saved by enter stays 600' replies/XAL.csv 600
chmod 666 replies/XAL.csv
printf '2\nq\n' >answers
run 0 in_umask 000 "$QUIRE" enter "$F" --respondent XAL --data replies --edit law_status
expect_status 'enter saves the reply again'
mode_is 'a reply of mode 666 saved by enter is no longer writable by others' replies/XAL.csv 644
printf '2019-06-01\nq\n' >answers
run 0 in_umask 000 "$QUIRE" enter "$F" --respondent XZZ --data replies
unset STDIN
expect_status 'enter starts a new reply'
mode_is 'a new reply under umask 000 is 644' replies/XZZ.csv 644

# quire import --force keeps the mode of the replies it replaces.
"$QUIRE" export "$F" "$D" -o all.csv || exit 1
mkdir imported
cp "$D/XAL.csv" "$D/XDA.csv" imported/
chmod 600 imported/XAL.csv
chmod 640 imported/XDA.csv
run 0 in_umask 002 "$QUIRE" import --force "$F" all.csv --into imported
expect_status 'import --force replaces the replies'
mode_is 'import: a reply of mode 600 stays 600' imported/XAL.csv 600
mode_is 'import: a reply of mode 640 stays 640' imported/XDA.csv 640
mode_is 'import: a new reply under umask 002 is 644' imported/XHE.csv 644

done_testing
