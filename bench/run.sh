#!/bin/sh
# bench/run.sh - make bench: throughput and memory of quire tab on synthetic replies,
# against pandas and Miller where they are installed.
#
# Generates wide CSVs of 10k, 100k and 1M replies to the sample form
# (bench/out/, kept between runs), then times:
#   quire tab --format json FORM DATA             (every question)
#   quire tab --format json --by region FORM DATA (every question by region)
# then quire report, quire blank --format xlsx, quire check, validate and import.
# and prints rows/s, MB/s, peak RSS, and the linearity of the time in the rows.
# BENCH_SIZES overrides the sizes ("10000 100000 1000000").
set -eu
builddir=${builddir:-.}
srcdir=${srcdir:-.}
QUIRE=${QUIRE:-$builddir/src/quire}
GEN=${GEN:-$builddir/bench/gen-wide}
FORM=$srcdir/forms/cybercrime-cooperation
OUT=$builddir/bench/out
SIZES=${BENCH_SIZES:-10000 100000 1000000}
mkdir -p "$OUT"

if [ -x /usr/bin/time ]; then
	measure() { /usr/bin/time -f '%e %M' "$@" 2>"$OUT/.time" >/dev/null; tail -1 "$OUT/.time"; }
else
	echo "(GNU time not installed: no peak RSS; apt-get install time)"
	measure() {
		s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
		echo "$(echo "$e - $s" | bc) 0"
	}
fi

for n in $SIZES; do
	f=$OUT/valid-$n.csv
	# valid replies: quire tab refuses what quire validate refuses
	[ -s "$f" ] || "$GEN" "$FORM" "$n" 2019 valid >"$f"
done

printf '%-9s %-8s %9s %12s %9s %10s\n' rows job seconds rows/s MB/s 'peak RSS'
for n in $SIZES; do
	f=$OUT/valid-$n.csv
	mb=$(awk -v b="$(wc -c <"$f")" 'BEGIN { printf "%.1f", b / 1e6 }')
	for job in tab by; do
		if [ "$job" = tab ]; then
			set -- "$QUIRE" tab --format json "$FORM" "$f"
		else
			set -- "$QUIRE" tab --format json --by region "$FORM" "$f"
		fi
		read -r secs kb <<-X
		$(measure "$@")
		X
		awk -v n="$n" -v job="$job" -v s="$secs" -v mb="$mb" -v kb="$kb" 'BEGIN {
			if (s <= 0) s = 0.01
			printf "%-9d %-8s %9.2f %12.0f %9.1f %7.1f MB\n", n, job, s, n / s, mb / s, kb / 1024 }'
		echo "$n $job $secs" >>"$OUT/.times.$$"
	done
done

# Time linear in the rows: seconds per row at the largest size against the smallest.
awk 'NR == 1 || $1 < min { min = $1 } $1 > max { max = $1 } { t[$1 " " $2] = $3 }
	END {
		for (j = 0; j < 2; j++) {
			job = j ? "by" : "tab"
			a = t[min " " job] / min; b = t[max " " job] / max
			if (a > 0) printf "%s: time per row at %d rows is %.2fx that at %d rows (1.00 = linear)\n", job, max, b / a, min
		}
	}' "$OUT/.times.$$"
rm -f "$OUT/.times.$$"

# The same tabulation (value counts of every select_one and one crosstab) by other tools.
big=$(echo "$SIZES" | awk '{ print $NF }')
f=$OUT/valid-$big.csv
cols="law_status,jur_coord,central_auth,poc_247,mla_stats,need_std,ta_received,ta_needed,ppp_useful,region"
read -r q_secs q_kb <<X
$(measure "$QUIRE" tab --format json --by region -q law_status -q jur_coord -q central_auth -q poc_247 -q mla_stats -q need_std -q ta_received -q ta_needed -q ppp_useful "$FORM" "$f")
X
echo "quire, 9 value counts and 9 crosstabs by region on $big rows: ${q_secs} s"
# The first Python with pandas: the one on PATH, or the system's.
PY=
for py in python3 /usr/bin/python3; do
	if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import pandas' 2>/dev/null; then
		PY=$py
		break
	fi
done
if [ -n "$PY" ]; then
	read -r p_secs p_kb <<-X
	$(measure "$PY" -c "
import sys, pandas as pd
cols = '$cols'.split(',')
d = pd.read_csv('$f', usecols=cols, dtype=str)
out = {c: d[c].value_counts().to_dict() for c in cols}
x = {c: pd.crosstab(d[c], d['region']).values.tolist() for c in cols if c != 'region'}
print(len(out), len(x))
")
	X
	awk -v p="$p_secs" -v q="$q_secs" -v kb="$p_kb" 'BEGIN { printf "pandas: %.2f s (%.1fx quire), peak RSS %.1f MB\n", p, p / q, kb / 1024 }'
else
	echo "pandas: not installed"
fi
if command -v mlr >/dev/null 2>&1; then
	read -r m_secs m_kb <<-X
	$(measure sh -c "mlr --icsv --ojson count-distinct -f law_status,region then nothing '$f'; for c in jur_coord central_auth poc_247 mla_stats need_std ta_received ta_needed ppp_useful; do mlr --icsv --ojson count-distinct -f \$c,region '$f'; done")
	X
	awk -v m="$m_secs" -v q="$q_secs" -v kb="$m_kb" 'BEGIN { printf "Miller: %.2f s (%.1fx quire), peak RSS %.1f MB\n", m, m / q, kb / 1024 }'
else
	echo "Miller (mlr): not installed"
fi

# quire report: the sample (39 questions, 11 replies) and a 156-question
# form (the sample's questions four times over) with 193 valid replies.
GENF=${GENF:-$builddir/bench/gen-form}
echo
[ -d "$OUT/bigform" ] || "$GENF" "$FORM" 4 "$OUT/bigform"
if [ ! -d "$OUT/big193" ]; then
	mkdir -p "$OUT/big193"
	"$GEN" "$OUT/bigform" 193 7 valid >"$OUT/big193.csv"
	"$QUIRE" import "$OUT/bigform" "$OUT/big193.csv" --into "$OUT/big193" >/dev/null
fi
read -r s kb <<X
$(measure "$QUIRE" report -o "$OUT/sample.pdf" "$srcdir/reports/wg4-hangzhou-2019.ini")
X
pages=$(pdfinfo "$OUT/sample.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
awk -v s="$s" -v kb="$kb" -v p="$pages" 'BEGIN { printf "report, 39 questions, 11 replies: %.2f s, %s pages, peak RSS %.1f MB (target < 1 s)\n", s, p, kb / 1024 }'
read -r s kb <<X
$(measure "$QUIRE" report -o "$OUT/big.pdf" "$OUT/bigform" "$OUT/big193")
X
pages=$(pdfinfo "$OUT/big.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
awk -v s="$s" -v kb="$kb" -v p="$pages" 'BEGIN { printf "report, 156 questions, 193 replies: %.2f s, %s pages, peak RSS %.1f MB (target < 5 s)\n", s, p, kb / 1024 }'

# quire blank --format xlsx: one State's answer workbook of the 156-question form.
read -r s kb <<X
$(measure "$QUIRE" blank "$OUT/bigform" --respondent XKE --format xlsx -o "$OUT/answer.xlsx")
X
awk -v s="$s" -v kb="$kb" 'BEGIN { printf "blank --format xlsx, 156 questions: %.2f s, peak RSS %.1f MB (target < 0.3 s)\n", s, kb / 1024 }'

# quire check on a large form: 2,000 questions (each a select_one of its
# own 25-choice list but every tenth, with skip logic and constraints), 5,000
# choices, as CSV sheets and as a workbook (target < 0.2 s).
MKWB=${MKWB:-$builddir/tests/gen/make-workbooks}
echo
if [ ! -s "$OUT/largeform.xlsx" ]; then
	mkdir -p "$OUT/largeform"
	awk 'BEGIN {
		s = "'"$OUT"'/largeform/survey.csv"; c = "'"$OUT"'/largeform/choices.csv"
		print "type,name,label,hint,relevant,constraint,required" >s
		print "list_name,name,label" >c
		for (i = 1; i <= 2000; i++) {
			if (i % 10 == 0) {
				printf "integer,q%d,How many %d?,A hint for %d,${q%d} = %c1%c,. >= 0 and . <= 999,yes\n", i, i, i, i - 1, 39, 39 >s
				continue
			}
			l = int((i - 1) / 10)
			printf "select_one l%d,q%d,Question %d: which of these applies to the State?,,,,\n", l, i, i >s
		}
		for (l = 0; l < 200; l++)
			for (k = 1; k <= 25; k++)
				printf "l%d,%d,Choice %d of list %d\n", l, k, k, l >c
	}'
	printf 'form_title,form_id,version\nLarge,large,1\n' >"$OUT/largeform/settings.csv"
	"$MKWB" --form "$OUT/largeform" "$OUT/largeform.xlsx"
fi
for f in "$OUT/largeform" "$OUT/largeform.xlsx"; do
	read -r s kb <<-X
	$(measure "$QUIRE" check "$f")
	X
	awk -v s="$s" -v kb="$kb" -v f="${f##*/}" 'BEGIN { printf "check, 2,000 questions, 5,000 choices (%s): %.2f s, peak RSS %.1f MB (target < 0.2 s)\n", f, s, kb / 1024 }'
done

# quire validate on 10,000 reply files, quire import of a 100,000-row export.
echo
if [ ! -d "$OUT/files10k" ]; then
	mkdir -p "$OUT/files10k"
	"$GEN" "$FORM" 10000 11 valid >"$OUT/valid10k.csv"
	"$QUIRE" import "$FORM" "$OUT/valid10k.csv" --into "$OUT/files10k" >/dev/null
fi
read -r s kb <<X
$(measure "$QUIRE" validate "$FORM" "$OUT/files10k")
X
awk -v s="$s" -v kb="$kb" 'BEGIN { printf "validate, 10,000 reply files: %.2f s (%.0f files/s), peak RSS %.1f MB\n", s, 10000 / (s > 0 ? s : 0.01), kb / 1024 }'
[ -s "$OUT/valid-100000.csv" ] || "$GEN" "$FORM" 100000 2019 valid >"$OUT/valid-100000.csv"
rm -rf "$OUT/import100k"
mkdir -p "$OUT/import100k"
read -r s kb <<X
$(measure "$QUIRE" import "$FORM" "$OUT/valid-100000.csv" --into "$OUT/import100k")
X
awk -v s="$s" -v kb="$kb" 'BEGIN { printf "import, 100,000-row export: %.2f s (%.0f rows/s), peak RSS %.1f MB\n", s, 100000 / (s > 0 ? s : 0.01), kb / 1024 }'
rm -rf "$OUT/import100k"
