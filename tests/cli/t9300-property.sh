#!/bin/sh
# t9300: the property test.  quire-gen draws a questionnaire, a roster and
# replies from a seed and writes the true figures beside them (truth.json,
# by the rules in tests/gen/gen-truth.c); quire status, tab, chart and
# report run on them, and quire-agree checks that every output agrees with
# the truth and with every other output.
#
# Data sets, for each seed S of the list:
#   sS  random data: late, incomplete, non-member and unknown replies
#   pS  (every 4th seed) only members on the cut-off date, nothing incomplete
#   iS  (every 8th seed, from 1) invalid replies planted, listed in invalid.txt
#
# QUIRE_PROPERTY_SEEDS=N runs seeds 1..N; a list ("7 19 203") runs those.
# QUIRE_PROPERTY_JOBS (default 2) data sets are checked at once.
# A failure names the seed and the command: "tests/gen/quire-gen SEED DIR [--plain|--invalid]",
# then the command in DIR, reproduces it.
. "$top_srcdir/tests/lib.sh"

GEN=${QUIRE_GEN:?QUIRE_GEN must name tests/gen/quire-gen}
AGREE=${QUIRE_AGREE:?QUIRE_AGREE must name tests/gen/quire-agree}

case ${QUIRE_PROPERTY_SEEDS:-40} in
*[!0-9]*) SEEDS=$QUIRE_PROPERTY_SEEDS ;;
*) SEEDS=$(seq 1 "${QUIRE_PROPERTY_SEEDS:-40}") ;;
esac
JOBS=${QUIRE_PROPERTY_JOBS:-2}

# Each check belongs to a category; a category fails when any data set fails it.
CATEGORIES='generator audit no-crash exit-ok tab-csv tab-text plain-questions plain-crosstabs
	plain-charts plain-report invalid-validate invalid-exit status respondents questions
	crosstabs disclosure disclosure-csv charts report invalid-agree invalid-status'

describe() {
	case $1 in
	generator) echo 'quire-gen: same seed, same files; forms check; replies validate' ;;
	audit) echo 'the disclosure audit catches lone hidden cells and passes withheld tables' ;;
	exit-ok) echo 'status, tab and chart exit 0 on valid data' ;;
	no-crash) echo 'every command exits 0 or 1 and prints only quire: diagnostics' ;;
	tab-csv) echo 'tab --format csv says what the JSON says' ;;
	tab-text) echo 'tab --format text: "Replies included" as in the JSON' ;;
	plain-questions) echo 'members only: every question figure is the truth' ;;
	plain-crosstabs) echo 'members only: crosstab counts and n are the truth' ;;
	plain-charts) echo 'members only: chart accounts give the true counts and bases' ;;
	plain-report) echo 'members only: the report says "from K of the M" truly' ;;
	invalid-validate) echo 'validate reports exactly the planted problems' ;;
	status) echo 'status: every count and every State as the truth has it' ;;
	respondents) echo 'tab: included, late and excluded with their reasons' ;;
	questions) echo 'tab: bases, answered, counts, shares and summaries are the truth' ;;
	crosstabs) echo 'tab --by: counts, bases, n and shares of States are the truth' ;;
	disclosure) echo 'tab --small-cell: small cells suppressed, none recoverable' ;;
	disclosure-csv) echo 'tab --small-cell --format csv says what the JSON says' ;;
	charts) echo 'chart: its account gives the true counts and bases' ;;
	report) echo 'report: exits 0 and says "from K of the M" truly' ;;
	invalid-exit) echo 'invalid data: tab, chart and report exit 1' ;;
	invalid-agree) echo 'invalid data: tab, chart and report print validate'"'"'s problems' ;;
	invalid-status) echo 'invalid data: status lists the invalid replies as invalid' ;;
	esac
}

# fail CATEGORY LINE...: records a failure of the current data set ($D, $ID).
fail() {
	fcat_=$1
	shift
	mkdir -p "$D"
	printf '%s\n' "$@" >>"$D/.fail.$fcat_"
}

# quire CATEGORY WANT OUT ARGS...: runs quire ARGS in $D with stdout to $D/OUT
# and stderr to $D/OUT.err.  WANT is the expected exit status (or "any");
# a mismatch fails CATEGORY, a crash or stray stderr fails no-crash.
quire() {
	cat_=$1 want_=$2 out_=$3
	shift 3
	(cd "$D" && exec "$QUIRE" "$@") >"$D/$out_" 2>"$D/$out_.err" </dev/null
	rc_=$?
	LAST="quire $*"
	if [ "$rc_" -gt 128 ]; then
		fail no-crash "$ID: $LAST: killed by signal $((rc_ - 128))" "$(head -3 "$D/$out_.err")"
	elif [ "$rc_" -gt 1 ]; then
		fail no-crash "$ID: $LAST: exit status $rc_" "$(head -3 "$D/$out_.err")"
	elif [ -s "$D/$out_.err" ]; then
		while IFS= read -r line_; do
			case $line_ in
			quire:*) ;;
			*) fail no-crash "$ID: $LAST: stderr: $line_"; break ;;
			esac
		done <"$D/$out_.err"
	fi
	if [ "$want_" != any ] && [ "$rc_" != "$want_" ]; then
		fail "$cat_" "$ID: $LAST: exit status $rc_, expected $want_" \
			"$(grep -v ': warning: ' "$D/$out_.err" | head -3)"
	fi
	return "$rc_"
}

# agree CATEGORY ARGS...: quire-agree ARGS in $D; what it finds fails CATEGORY
# under the last quire command.
agree() {
	cat_=$1
	shift
	if ! (cd "$D" && exec "$AGREE" "$@") >"$D/.agree" 2>&1; then
		fail "$cat_" "$ID: $LAST" "$(sed 's/^/    /' "$D/.agree" | head -12)"
	fi
}

# generate ARGS...: quire-gen ARGS into $D, then CUTOFF, S1, SM, CQ, CB (quire-agree hints) and R.
generate() {
	if ! "$GEN" "$@" >"$D.gen" 2>&1 || ! "$AGREE" hints "$D/truth.json" >"$D.hints"; then
		fail generator "$ID: quire-gen $*: $(head -1 "$D.gen")"
		return 1
	fi
	. "$D.hints"
	R="--roster roster.csv --cutoff $CUTOFF"
}

# The forms are valid; without --invalid, so are the replies; a seed always gives the same files.
check_generator() {
	[ $((s % 4)) = 1 ] && quire generator 0 check.txt check -q form
	quire generator 0 validate.txt validate form data
	[ $((s % 10)) = 1 ] || return 0
	"$GEN" "$@" "$D.again" >/dev/null 2>&1
	for f in form data roster.csv cutoff truth.json; do
		diff -r "$D/$f" "$D.again/$f" >/dev/null 2>&1 ||
			fail generator "$ID: two runs of quire-gen $* differ in $f"
	done
}

# Random data: every command, every check.
check_full() {
	s=$1 D=$T/s$1 ID="seed $1 (quire-gen $1 DIR)"
	generate "$s" "$D" || return
	check_generator "$s"
	quire exit-ok 0 status.json status form data $R --format json &&
		agree status status truth.json status.json
	# By the region, and by the select_one (odd seeds) or the select_multiple (even ones).
	if [ $((s % 2)) = 1 ]; then by=$S1; else by=$SM; fi
	for by in region "$by"; do
		quire exit-ok 0 "tab-$by.json" tab form data $R --format json --by "$by" &&
			agree crosstabs crosstabs truth.json "tab-$by.json" "$by"
	done
	if [ $((s % 4)) = 2 ]; then
		quire exit-ok 0 tab.json tab form data $R --format json
	else
		cp "$D/tab-region.json" "$D/tab.json"
	fi
	agree respondents respondents truth.json tab.json
	agree questions questions truth.json tab.json
	quire exit-ok 0 tab-region.csv tab form data $R --format csv --by region &&
		agree tab-csv csv tab-region.json tab-region.csv
	quire exit-ok 0 tab-region.txt tab form data $R --by region &&
		agree tab-text text tab-region.json tab-region.txt
	check_small_cells
	check_chart exit-ok charts "$s"
	[ $((s % 8)) = 0 ] && check_report report
	return 0
}

# --small-cell N by the region, the select_one or the select_multiple, in
# turn; the audit is tried on mock outputs made from the truth first.
check_small_cells() {
	case $((s % 3)) in
	0) by=region n=3 ;;
	1) by=$SM n=3 ;;
	*) by=$S1 n=$((2 + s % 4)) ;;
	esac
	LAST="quire-agree audit truth.json $by $n"
	agree audit audit truth.json "$by" $n
	quire disclosure 0 small.json tab form data $R --format json --by "$by" --small-cell $n && {
		agree disclosure crosstabs truth.json small.json "$by" --small-cell $n
		agree disclosure disclosure truth.json small.json "$by" $n
	}
	quire disclosure-csv 0 small.csv tab form data $R --format csv --by "$by" --small-cell $n &&
		agree disclosure-csv csv small.json small.csv
}

# check_chart RUNS AGREES N: a choice question alone (N odd) or by region (N
# even); whether it exits 0 is category RUNS, what it draws category AGREES.
check_chart() {
	if [ $(($3 % 2)) = 1 ]; then
		[ -n "$CQ" ] && quire "$1" 0 chart.txt chart form data $R -q "$CQ" -o chart.svg &&
			agree "$2" chart truth.json chart.svg "$CQ"
	else
		[ -n "$CB" ] &&
			quire "$1" 0 chart.txt chart form data $R -q "$CB" --by region -o chart.svg &&
			agree "$2" chart truth.json chart.svg "$CB" region
	fi
	return 0
}

# check_report CATEGORY: the report of every question, without a definition.
check_report() {
	quire "$1" 0 report.txt report form data $R -o report.pdf || return 0
	if command -v pdftotext >/dev/null 2>&1; then
		pdftotext "$D/report.pdf" "$D/report.pdf.txt" 2>/dev/null
		agree "$1" report truth.json report.pdf.txt
	fi
}

# Members only, nothing incomplete: what quire already gets right.
check_plain() {
	s=$1 D=$T/p$1 ID="seed $1 (quire-gen $1 DIR --plain)"
	generate "$s" "$D" --plain || return
	check_generator "$s" --plain
	quire plain-questions 0 tab.json tab form data $R --format json --by region && {
		agree plain-questions questions truth.json tab.json
		agree plain-crosstabs crosstabs truth.json tab.json region --counts-only
	}
	check_chart plain-charts plain-charts $((s / 4))
	[ $((s % 16)) = 4 ] && check_report plain-report
	return 0
}

# Planted problems: every command that reads the replies names each of them.
check_invalid() {
	s=$1 D=$T/i$1 ID="seed $1 (quire-gen $1 DIR --invalid)"
	generate "$s" "$D" --invalid || return
	quire invalid-validate 1 validate.txt validate form data
	agree invalid-validate problems invalid.txt validate.txt.err
	quire invalid-exit 1 tab.json tab form data $R --format json
	quire invalid-exit 1 chart.txt chart form data $R -q "${CQ:-$S1}" -o chart.svg
	quire invalid-exit 1 report.txt report form data $R -o report.pdf
	agree invalid-agree problems invalid.txt validate.txt.err tab.json.err chart.txt.err \
		report.txt.err
	quire invalid-status any status.json status form data $R --format json
	agree invalid-status status truth.json status.json
}

check_seed() {
	check_full "$1"
	[ $(($1 % 4)) = 0 ] && check_plain "$1"
	[ $(($1 % 8)) = 1 ] && check_invalid "$1"
	return 0
}

start=$(date +%s)
if "$AGREE" selftest >"$T/selftest" 2>&1; then
	tap_ok 'quire-agree: the disclosure audit gets hand-made tables right'
else
	tap_not_ok 'quire-agree: the disclosure audit gets hand-made tables right'
	diag_file "$T/selftest"
fi

# JOBS workers take the seeds in turn.
w=0
while [ "$w" -lt "$JOBS" ]; do
	(
		k=0
		for s in $SEEDS; do
			[ $((k % JOBS)) = "$w" ] && check_seed "$s"
			k=$((k + 1))
		done
	) &
	w=$((w + 1))
done
wait

n_seeds=$(echo $SEEDS | wc -w)
for c in $CATEGORIES; do
	failures=$(cat "$T"/*/.fail."$c" 2>/dev/null)
	if [ -z "$failures" ]; then
		tap_ok "$(describe "$c")"
	else
		tap_not_ok "$(describe "$c")"
		echo "# $(ls "$T"/*/.fail."$c" | wc -l) data sets fail; the first ones:"
		printf '%s\n' "$failures" | head -60 | sed 's/^/# /'
	fi
done
echo "# $n_seeds seeds in $(($(date +%s) - start)) s"
done_testing
