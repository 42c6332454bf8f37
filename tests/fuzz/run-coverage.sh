#!/usr/bin/env bash
# tests/fuzz/run-coverage.sh - line coverage that each fuzz target's corpus reaches
#
# Usage: tests/fuzz/run-coverage.sh CORPUS-DIR [TARGET...]
#
# Builds the replay programs (tests/fuzz/replay.c) with clang's source-based
# coverage and the fuzzing build's CSV chunk size, runs each TARGET's
# harness on CORPUS-DIR/TARGET (a corpus grown by run-fuzz.sh) and on
# tests/fuzz/regress/TARGET, and prints the line coverage of the modules
# the target is for, as llvm-cov counts it.
#
# Environment: QUIRE_FUZZ_COVERAGE_BUILD, the build directory (default:
# build-fuzz-coverage in the source tree).
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${1:?usage: run-coverage.sh CORPUS-DIR [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csvio form expr reply wide rdef)
build=${QUIRE_FUZZ_COVERAGE_BUILD:-$root/build-fuzz-coverage}

# The modules each target is for.
modules() {
	case $1 in
	csvio) echo csvio.c ;;
	form) echo form-load.c form-sheet.c form.c ;;
	expr) echo expr-lex.c expr-parse.c expr-eval.c expr-func.c expr-math.c expr-text.c ;;
	reply) echo response.c resp-check.c resp-eval.c ;;
	wide) echo wide.c ;;
	rdef) echo rdef.c ;;
	esac
}

for tool in clang llvm-profdata llvm-cov; do
	command -v $tool >/dev/null || { echo "run-coverage.sh: $tool is needed" >&2; exit 1; }
done
mkdir -p "$build" && build=$(cd "$build" && pwd)
if [ ! -f "$build/Makefile" ]; then
	src=$root
	if [ -f "$root/config.status" ]; then
		# gettext's po/ takes only a distdir relative to the tree: make it
		# there, then move it.
		rm -rf "$root/.distdir-$$"
		make -s -C "$root" distdir distdir=".distdir-$$" >/dev/null &&
			mv "$root/.distdir-$$" "$build/src" || exit 1
		src=$build/src
	fi
	(cd "$build" && "$src/configure" -q CC=clang \
		CFLAGS="-O1 -g -fprofile-instr-generate -fcoverage-mapping -DCSVIO_CHUNK_SIZE=61") || exit 1
fi
make -s -C "$build" -j2 $(printf 'tests/fuzz/replay-%s ' "${targets[@]}") >/dev/null || exit 1

printf '%-6s %-40s %10s %8s\n' target modules lines covered
for t in "${targets[@]}"; do
	rm -f "$build/$t".*.profraw
	dirs=("$root/tests/fuzz/regress/$t")
	[ -d "$corpus/$t" ] && dirs+=("$corpus/$t")
	LLVM_PROFILE_FILE="$build/$t.%p.profraw" "$build/tests/fuzz/replay-$t" "${dirs[@]}" >/dev/null
	llvm-profdata merge -sparse "$build/$t".*.profraw -o "$build/$t.profdata"
	files=()
	for m in $(modules "$t"); do files+=("$(find "$build" "$root/src" -name "$m" -path '*src/*' | head -1)"); done
	total=$(llvm-cov report "$build/tests/fuzz/replay-$t" -instr-profile="$build/$t.profdata" \
		"${files[@]}" | awk '/^TOTAL/ { print $8, $10 }')
	read -r lines cover <<<"$total"
	printf '%-6s %-40s %10s %8s\n' "$t" "$(modules "$t")" "$lines" "$cover"
done
