#!/bin/sh
# t9110: interrupted runs - SIGTERM, SIGINT or any other signal that ends
# a program while quire report writes its PDF, or SIGTERM while quire
# import writes reply files, leaves no partial file and
# no temporary one, and an existing file as it was (src/atomic.h).  The runs
# are made long by a real input: the sample's replies 100 times over (1,100
# replies), so that the signal lands while the output is being written;
# the import reads them from a pipe that never ends.
#
# kill -9 during quire enter is tested by t2410-enter-tmux.sh: the reply
# file written before the kill still validates.
. "$top_srcdir/tests/lib.sh"
F=$top_srcdir/forms/cybercrime-cooperation
cd "$T" || exit 1

# wait_for SECONDS COMMAND...: polls until COMMAND succeeds; false on timeout.
wait_for() {
	tries=$(($1 * 50))
	shift
	until "$@"; do
		tries=$((tries - 1))
		[ "$tries" -gt 0 ] || return 1
		sleep 0.02
	done
}

# A temporary output beside TARGET (".TARGET.XXXXXX"), as atomic.c names them.
has_tmp() {
	ls -A "$(dirname "$1")" | grep -q "^\.$(basename "$1")\."
}

# The sample's 11 replies, 100 times, with codes R00000 to R01099.
"$QUIRE" export "$F" "$top_srcdir/data/cybercrime-cooperation" -o sample.csv || exit 1
awk -F, 'NR == 1 { print; next }
	{ row[NR] = $0 }
	END {
		n = 0
		for (k = 0; k < 100; k++)
			for (i = 2; i <= NR; i++) {
				line = row[i]
				sub(/^[^,]*/, sprintf("R%05d", n++), line)
				print line
			}
	}' sample.csv >big.csv
printf '[report]\nform = %s\ndata = big.csv\ntitle = Many replies\n' "$F" >big.ini

# A complete report first: past 702 replies the anonymous names take three
# marks ("State A27"); they used to run out of letters into bytes that
# are not UTF-8, and the report failed.
run 0 "$QUIRE" report big.ini -o report.pdf
expect_status 'the report of 1,100 replies is written'
if command -v pdftotext >/dev/null; then
	pdftotext report.pdf report.txt
	expect_grep 'the 703rd State is State A27: never two or three letters, read as a code' 'State A27' report.txt
else
	skip 'the 703rd State is State A27: never two or three letters, read as a code' 'no pdftotext'
fi
cp report.pdf good.pdf

# interrupt SIGNAL TARGET COMMAND...: starts COMMAND, sends SIGNAL once the
# temporary output beside TARGET exists, and sets $got_status.
interrupt() {
	sig=$1 target=$2
	shift 2
	"$@" <"${STDIN:-/dev/null}" >/dev/null 2>"$ERR" &
	pid=$!
	if wait_for 120 has_tmp "$target"; then
		kill -"$sig" "$pid"
	else
		echo "# the temporary output of $target never appeared"
	fi
	wait "$pid"
	got_status=$?
}

interrupt TERM report.pdf "$QUIRE" report big.ini -o report.pdf
want_status=143
expect_status 'SIGTERM ends quire report while it writes the PDF'
expect_true 'the existing report is left as it was' cmp -s good.pdf report.pdf
expect_true 'no temporary file is left' sh -c '! ls -A | grep -q "^\.report\.pdf\."'

rm report.pdf
interrupt TERM report.pdf "$QUIRE" report big.ini -o report.pdf
expect_status 'SIGTERM ends quire report writing a new PDF'
expect_true 'no partial report is left' test ! -e report.pdf
expect_true 'no temporary file is left either' sh -c '! ls -A | grep -q "^\.report\.pdf\."'

# A background job of a non-interactive shell ignores SIGINT, and quire
# keeps an ignored signal ignored (nohup); env gives it back its default.
if env --default-signal=INT true 2>/dev/null; then
	cp good.pdf report.pdf
	interrupt INT report.pdf env --default-signal=INT "$QUIRE" report big.ini -o report.pdf
	want_status=130
	expect_status 'SIGINT ends quire report while it writes the PDF'
	expect_true 'the existing report is left as it was' cmp -s good.pdf report.pdf
	expect_true 'no temporary file is left' sh -c '! ls -A | grep -q "^\.report\.pdf\."'
else
	skip 'SIGINT ends quire report while it writes the PDF' 'env has no --default-signal'
fi

# Every other signal that ends a program and can be caught cleans up as
# well.  quire export opens its output, then reads the replies from a pipe
# whose writer stops after 50 rows and holds it open: the signal lands
# while the temporary file exists.  Each signal has its default action
# (env --default-signal), as an ignored one stays ignored; those that dump
# core dump none here (ulimit -c 0).  The sanitizers take SIGSEGV, SIGBUS
# and SIGFPE for their own reports, and quire leaves them to them.
signals='HUP QUIT PIPE ALRM USR1 USR2 VTALRM PROF XCPU IO PWR SYS TRAP ABRT ILL RTMIN RTMIN+3 RTMAX'
if ! ASAN_OPTIONS=help=1 "$QUIRE" --version 2>&1 | grep -q AddressSanitizer; then
	signals="$signals SEGV BUS FPE"
fi
if env --default-signal true 2>/dev/null; then
	ulimit -c 0
	mkfifo rows.csv
	echo 'the good export' >good.csv
	for sig in $signals; do
		cp good.csv out.csv
		{ head -n 51 big.csv; exec sleep 300; } >rows.csv 2>/dev/null &
		feeder=$!
		STDIN=rows.csv
		interrupt "$sig" out.csv env --default-signal "$QUIRE" export "$F" - -o out.csv
		unset STDIN
		kill "$feeder" 2>/dev/null
		want_status=$((128 + $(kill -l "$sig")))
		expect_status "SIG$sig ends quire export while it writes"
		expect_true "SIG$sig: the existing file is left as it was" cmp -s good.csv out.csv
		expect_true "SIG$sig: no temporary file is left" \
			sh -c '! ls -A | grep -q "^\.out\.csv\."'
	done
	rm rows.csv
else
	skip 'every catchable signal cleans up' 'env has no --default-signal'
fi

# A file size limit (ulimit -f) sends SIGXFSZ; quire ignores it, so that
# the write fails and is reported like any other write error.
# With its default action (env --default-signal, where env has it) SIGXFSZ
# would end quire and leave the temporary file.
dflt=
env --default-signal true 2>/dev/null && dflt='env --default-signal'
cp good.pdf report.pdf
run 1 sh -c 'ulimit -f 64; exec $1 "$0" report big.ini -o report.pdf' "$QUIRE" "$dflt"
expect_status 'a write beyond the file size limit fails'
expect_err 'the file and the reason are named' <<'X'
quire: left out of the report as contact details: resp_name, resp_email (name them in 'include' to report them)
quire:report.pdf: write error: File too large
X
expect_true 'the existing report is left as it was' cmp -s good.pdf report.pdf
expect_true 'no temporary file is left' sh -c '! ls -A | grep -q "^\.report\.pdf\."'

# quire import: every reply file is written whole or not at all.
mkdir all part
run 0 "$QUIRE" import "$F" big.csv --into all
expect_status 'the 1,100 replies import'
cp all/R00500.csv part/R00500.csv
printf '_note,written before the import\n' >>part/R00500.csv
cp part/R00500.csv old-R00500.csv
# The export comes through a pipe whose writer stops after 1,050 of the
# 1,100 rows and holds it open, so the import cannot finish: the signal
# lands mid-import however fast the machine is.
# some_written: the import is under way (20 files or more).
some_written() {
	[ "$(ls part | wc -l)" -ge 20 ]
}
mkfifo feed.csv
"$QUIRE" import --force "$F" feed.csv --into part >/dev/null 2>"$ERR" &
pid=$!
{ head -n 1051 big.csv; exec sleep 300; } >feed.csv 2>/dev/null &
feeder=$!
wait_for 120 some_written && kill -TERM "$pid"
wait "$pid"
got_status=$?
kill "$feeder" 2>/dev/null
want_status=143
expect_status 'SIGTERM ends quire import'
n=$(ls part | wc -l)
expect_true "the import was cut short ($n of 1,100 files)" test "$n" -lt 1100
expect_true 'no temporary file is left' sh -c '! ls -A part | grep -q "^\."'
run 0 "$QUIRE" validate "$F" part
expect_status 'every reply file written before the signal is whole'
expect_true 'the existing reply is the old one or the new one, whole' \
	sh -c 'cmp -s part/R00500.csv old-R00500.csv || cmp -s part/R00500.csv all/R00500.csv'

done_testing
