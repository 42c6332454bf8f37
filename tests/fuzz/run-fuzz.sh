#!/usr/bin/env bash
# tests/fuzz/run-fuzz.sh - builds the libFuzzer harnesses and runs each for a while
#
# Usage: tests/fuzz/run-fuzz.sh [SECONDS [TARGET...]]
#
# Builds the harnesses of tests/fuzz (make fuzz) in a tree configured with
# CC=clang --enable-fuzzing, seeds each target's corpus from the test data
# and from the shared XLSForm corpus (read where it lies, never copied into
# the repository), and runs every TARGET (default: all seven) for SECONDS
# (default 60), two at a time.  Prints executions, coverage (libFuzzer's
# cov: and ft:), the corpus size and the CPU seconds used per target, then
# "# PASS: N" and
# "# FAIL: N" as automake's test summaries do.  A crash, a leak, a timeout
# or a sanitizer report fails the target; the input is kept as
# BUILD/artifacts/TARGET-crash-* and the log's end is printed.  Add such
# an input to tests/fuzz/regress/TARGET/ once the bug is fixed.
#
# Environment:
#   QUIRE_FUZZ_BUILD   the build directory (default: build-fuzz in the source tree)
#   QUIRE_FUZZ_CORPUS  where the corpora grow (default: BUILD/corpus); keep it
#                      between runs to go on where the last one stopped
#   QUIRE_FUZZ_JOBS    targets run at once (default 2)
#   QUIRE_SHARED       the shared directory with corpus/xlsform (default ../shared)
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csvio form expr reply wide rdef workbook)
build=${QUIRE_FUZZ_BUILD:-$root/build-fuzz}
corpus=${QUIRE_FUZZ_CORPUS:-$build/corpus}
jobs=${QUIRE_FUZZ_JOBS:-2}
shared=${QUIRE_SHARED:-$root/../shared}
xlsform=$shared/corpus/xlsform

die() {
	echo "run-fuzz.sh: $*" >&2
	echo "# PASS: 0"
	echo "# FAIL: 1"
	exit 1
}

command -v clang >/dev/null || die "clang is needed (apt-get install clang)"

# Configure once.  A source tree configured in place cannot host another
# build, so the build then gets a clean copy of the distributed sources.
mkdir -p "$build" || die "cannot create $build"
build=$(cd "$build" && pwd)
if [ ! -f "$build/Makefile" ]; then
	if [ -f "$root/config.status" ]; then
		# gettext's po/ takes only a distdir relative to the tree: make it
		# there, then move it.
		rm -rf "$root/.distdir-$$"
		make -s -C "$root" distdir distdir=".distdir-$$" >/dev/null &&
			mv "$root/.distdir-$$" "$build/src" || die "make distdir failed"
		src=$build/src
	else
		[ -x "$root/configure" ] || (cd "$root" && autoreconf -fi) || die "autoreconf failed"
		src=$root
	fi
	(cd "$build" && "$src/configure" -q CC=clang --enable-fuzzing) || die "configure failed"
fi
make -s -C "$build" -j"$jobs" fuzz >"$build/make.log" 2>&1 || {
	tail -20 "$build/make.log" >&2
	die "make fuzz failed"
}

# Seeds, made afresh each run from the files they come from.
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds" "$build/artifacts"

# seed TARGET PREFIX-BYTE FILE...: one seed per file, the byte first.
seed() {
	local target=$1 byte=$2 f
	shift 2
	mkdir -p "$seeds/$target"
	for f in "$@"; do
		[ -f "$f" ] || continue
		{ printf "$byte"; cat "$f"; } >"$seeds/$target/$(echo "$f" | cksum | cut -d' ' -f1)"
	done
}

# seed_dir_form DIR: a form directory as one input, sheets separated by 0x1E.
seed_dir_form() {
	local d=$1
	mkdir -p "$seeds/form"
	{
		printf '\001'
		cat "$d/survey.csv" 2>/dev/null || cat "$d/expected_survey.csv"
		printf '\036'
		cat "$d/choices.csv" 2>/dev/null || cat "$d/expected_choices.csv" 2>/dev/null
		if [ -f "$d/settings.csv" ]; then printf '\036'; cat "$d/settings.csv"; fi
	} >"$seeds/form/dir-$(echo "$d" | cksum | cut -d' ' -f1)"
}

shopt -s nullglob
data=$root/tests/data
seed csvio '\000' "$data"/*/*.csv "$data"/*/*/*.csv "$data"/*/*/*/*.csv "$root"/forms/*/*.csv \
	"$root"/data/*/*.csv "$xlsform"/*.csv
seed form '\000' "$data"/forms/*.csv "$xlsform"/*.csv
for d in "$data"/forms/*/ "$root"/forms/*/; do seed_dir_form "${d%/}"; done
[ -f "$xlsform/expected_survey.csv" ] && seed_dir_form "$xlsform"
seed reply '' "$data"/replies/*/*.csv "$root"/data/*/*.csv
seed wide '\001' "$data"/exports/*.csv
seed wide '\000' "$xlsform"/good.csv "$xlsform"/build_*.csv
seed rdef '' "$root"/reports/*.ini
seed workbook '\002' "$data"/workbooks/*.xls "$shared"/corpus/xlsform-real/*.xls
seed workbook '\000' "$shared"/corpus/xlsform-real/*.xlsx
# Expressions, with their answers, from the cases of tests/data/expr.test:
# the expression, then the values in the harness's order, NUL-separated.
mkdir -p "$seeds/expr"
awk -v out="$seeds/expr" '
BEGIN {
	n = split("n m x s t calc one multi d e dt flag first-name größe .", names, " ")
	for (i = 1; i <= n; i++) index_of[names[i]] = i
}
function flush(   i, f, v, k, pairs, eq) {
	if (nl == 0) return
	f = out "/case-" NR
	if (lines[1] ~ /^%%FAIL/) {
		printf "%s", lines[2] > f
	} else {
		delete v
		k = split(lines[2], pairs, ";")
		for (i = 1; i <= k; i++) {
			eq = index(pairs[i], "=")
			if (eq > 1) v[index_of[substr(pairs[i], 1, eq - 1)]] = substr(pairs[i], eq + 1)
		}
		printf "%s", lines[1] > f
		for (i = 1; i <= n; i++) printf "\001%s", v[i] > f
	}
	close(f)
	nl = 0
}
/^#/ { next }
/^[ \t]*$/ { flush(); next }
{ lines[++nl] = $0 }
END { flush() }
' "$data/expr.test"
for f in "$seeds"/expr/case-*; do tr '\001' '\000' <"$f" >"$f.nul" && mv "$f.nul" "$f"; done

# One target: its log, its exit status and the CPU time it used.
fuzz_one() {
	local t=$1 dict=() TIMEFORMAT='%U %S'
	mkdir -p "$corpus/$t"
	[ -f "$root/tests/fuzz/$t.dict" ] && dict=(-dict="$root/tests/fuzz/$t.dict")
	{
		time ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
		LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp:print_suppressions=0} \
		UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
			"$build/tests/fuzz/fuzz-$t" "${dict[@]}" -max_total_time="$seconds" \
			-timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
			-artifact_prefix="$build/artifacts/$t-" \
			"$corpus/$t" "$seeds/$t" "$root/tests/fuzz/regress/$t" >"$build/$t.log" 2>&1
		echo $? >"$build/$t.status"
	} 2>"$build/$t.time"
}

running=0
for t in "${targets[@]}"; do
	[ -x "$build/tests/fuzz/fuzz-$t" ] || die "no target '$t'"
	fuzz_one "$t" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait

pass=0
fail=0
printf '%-6s %12s %8s %8s %8s %8s  %s\n' target executions cov ft corpus cpu-s result
for t in "${targets[@]}"; do
	log=$build/$t.log
	status=$(cat "$build/$t.status")
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	last=$(grep -E '^#[0-9]+' "$log" | tail -1)
	cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
	ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
	size=$(ls "$corpus/$t" | wc -l)
	cpu=$(awk '{ printf "%.0f", $1 + $2 }' "$build/$t.time")
	if [ "$status" -eq 0 ]; then
		pass=$((pass + 1))
		result=ok
	else
		fail=$((fail + 1))
		result="FAILED (status $status)"
	fi
	printf '%-6s %12s %8s %8s %8s %8s  %s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$size" \
		"${cpu:-?}" "$result"
done
for t in "${targets[@]}"; do
	if [ "$(cat "$build/$t.status")" -ne 0 ]; then
		echo "--- $t: the end of $build/$t.log"
		grep -v '^#[0-9]' "$build/$t.log" | tail -40
	fi
done
echo "# PASS: $pass"
echo "# FAIL: $fail"
[ "$fail" -eq 0 ]
