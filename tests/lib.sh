# tests/lib.sh - shared prologue of the shell tests; prints TAP
#
# A test file sources this, then runs checks:
#
#   run 1 "$QUIRE" check bad.csv      # runs a command; stdout -> $OUT, stderr -> $ERR
#   expect_status 'rejects a bad form' # ok if the status was the one given to run
#   expect_err 'names the row' <<'X'   # stderr must equal the here-document
#   quire:bad.csv:3: unknown type 'foo'
#   X
#   done_testing
#
# Paths: $QUIRE is the binary, $top_srcdir the source tree, $T a scratch
# directory removed at exit.  Everything runs with LC_ALL=C.

set -u
LC_ALL=C
export LC_ALL
: "${QUIRE:?QUIRE must name the quire binary}"
: "${top_srcdir:?top_srcdir must be set}"
QUIRE_TEST_DATA=${QUIRE_TEST_DATA:-$top_srcdir/tests/data}
QUIRE_SHARED=${QUIRE_SHARED:-$top_srcdir/../shared}
T=$(mktemp -d "${TMPDIR:-/tmp}/quire-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
OUT=$T/.out
ERR=$T/.err
tap_n=0
tap_failed=0
want_status=0
got_status=0

# Reproducible output from commands that print dates.
SOURCE_DATE_EPOCH=1567382400	# 2019-09-02
export SOURCE_DATE_EPOCH

tap_ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}

tap_not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
}

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# run STATUS COMMAND...: runs COMMAND with stdin from /dev/null (or $STDIN).
run() {
	want_status=$1
	shift
	"$@" <"${STDIN:-/dev/null}" >"$OUT" 2>"$ERR"
	got_status=$?
}

diag_file() {
	sed 's/^/# /' "$1"
}

expect_status() {
	if [ "$got_status" = "$want_status" ]; then
		tap_ok "$1"
	else
		tap_not_ok "$1"
		echo "# exit status $got_status, expected $want_status; stderr:"
		diag_file "$ERR"
	fi
}

# compare NAME FILE: FILE must equal standard input.
compare() {
	cat >"$T/.want"
	if cmp -s "$T/.want" "$2"; then
		tap_ok "$1"
	else
		tap_not_ok "$1"
		diff -u "$T/.want" "$2" | sed 's/^/# /' | head -60
	fi
}

expect_out() { compare "$1" "$OUT"; }
expect_err() { compare "$1" "$ERR"; }

# expect_grep NAME PATTERN FILE: FILE has a line matching the fixed string PATTERN.
expect_grep() {
	if grep -qF -- "$2" "$3"; then
		tap_ok "$1"
	else
		tap_not_ok "$1"
		echo "# '$2' not found in $3:"
		{ head -c 3000 "$3"; echo; } | fold -w 200 | sed 's/^/# /'
	fi
}

expect_no_grep() {
	if grep -qF -- "$2" "$3"; then
		tap_not_ok "$1"
		echo "# '$2' unexpectedly found in $3"
	else
		tap_ok "$1"
	fi
}

# reply DIR CODE DATE [LINE]...: writes the reply DIR/CODE.csv from CODE,
# the date it was received and its answers, each LINE a CSV row 'name,value'.
reply() {
	reply_file=$1/$2.csv
	[ -d "$1" ] || mkdir -p "$1"
	printf 'name,value\n_respondent,%s\n_submitted,%s\n' "$2" "$3" >"$reply_file"
	shift 3
	for line in "$@"; do
		printf '%s\n' "$line" >>"$reply_file"
	done
}

# states DIR ROSTER: reads lines 'GROUP N LINE...' and writes N States of
# GROUP to ROSTER (code,name,region) with their replies in DIR, each reply
# made of the LINEs ('name,value' rows without blanks; %d is the State's
# number).  Codes run XAB, XAC, ... on from the States already in ROSTER.
# One process for them all: a fork per State makes a test slow.
states() {
	[ -d "$1" ] || mkdir -p "$1"
	awk -v dir="$1" -v roster="$2" '
	BEGIN {
		while ((getline line <roster) > 0)
			n++
		close(roster)
		if (n == 0)
			print "code,name,region" >roster
		else
			n--
	}
	{
		for (k = 0; k < $2; k++) {
			n++
			code = "X" substr("ABCDEFGHIJ", int(n / 10) + 1, 1) substr("ABCDEFGHIJ", n % 10 + 1, 1)
			print code ",State " code "," $1 >>roster
			file = dir "/" code ".csv"
			printf "name,value\n_respondent,%s\n_submitted,2019-05-02\n", code >file
			for (f = 3; f <= NF; f++) {
				row = $f
				gsub(/%d/, n, row)
				print row >file
			}
			close(file)
		}
	}'
}

# words_outside PDF: every word of PDF whose box leaves the page's text
# area -- the side margins of 68 points, and from 30 points below the top
# to 28 above the foot, which the running head and the page number keep
# inside -- one a line, "page N: WORD x0 y0 x1 y1"; nothing when none does.
words_outside() {
	pdftotext -bbox "$1" - | awk -F'"' '
	/<page / { p++; w = $2; h = $4 }
	/<word / {
		t = $0; sub(/^.*">/, "", t); sub(/<\/word>.*$/, "", t)
		if ($2 < 67.5 || $6 > w - 67.5 || $4 < 30 || $8 > h - 28)
			printf "page %d: %s %s %s %s %s\n", p, t, $2, $4, $6, $8
	}'
}

# body_size PDF PAGE: the height of the boxes of most words on PAGE, in
# points to one decimal: 14.3 for text set at 10.5 points in Noto Serif
# (its ascent and descent are 1.362 of the size).
body_size() {
	pdftotext -bbox -f "$2" -l "$2" "$1" - | awk -F'"' '
	/<word / { c[sprintf("%.1f", $8 - $4)]++ }
	END { for (k in c) if (c[k] > best) { best = c[k]; size = k }; print size }'
}

WAIT=${QUIRE_TEST_WAIT:-30}

# wait_for FILE TEXT: until FILE holds TEXT, $WAIT seconds at most
# (QUIRE_TEST_WAIT, default 30): a loaded machine is slow, never wrong.
wait_for() {
	deadline=$(($(date +%s) + WAIT))
	until grep -qF -- "$2" "$1" 2>/dev/null; do
		if [ "$(date +%s)" -ge "$deadline" ]; then
			echo "# '$2' never showed in $1:"
			sed 's/^/# /' "$1" 2>/dev/null
			return 1
		fi
		sleep 0.05
	done
}

# gone PID: until process PID has ended, $WAIT seconds at most.
gone() {
	deadline=$(($(date +%s) + WAIT))
	while kill -0 "$1" 2>/dev/null; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.05
	done
}

# expect_true NAME COMMAND...: ok when COMMAND succeeds.
expect_true() {
	name=$1
	shift
	if "$@"; then tap_ok "$name"; else tap_not_ok "$name"; fi
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
	exit $?
}
