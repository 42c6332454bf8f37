#!/bin/sh
# t2340: the answer workbook's round trip.  For each seed, quire-gen draws a
# questionnaire (every question type it has, groups, skip logic, a
# select_multiple with an exclusive "none") and replies; each State's answer
# workbook is written, filled in cell by cell as a delegate would
# (tests/gen/fill-answers: labels, Yes/No or ticks, rows sorted), and the
# directory of workbooks is imported in one command.  Every reply file must
# come back byte for byte, with _channel "workbook" and the form's version.
#
# QUIRE_PROPERTY_SEEDS=N runs seeds 1..N (default 6); a list ("7 19") runs those.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
GEN=${QUIRE_GEN:?QUIRE_GEN must name tests/gen/quire-gen}

case ${QUIRE_PROPERTY_SEEDS:-6} in
*[!0-9]*) SEEDS=$QUIRE_PROPERTY_SEEDS ;;
*) SEEDS=$(seq 1 "${QUIRE_PROPERTY_SEEDS:-6}") ;;
esac

# expected REPLY VERSION: the reply file a workbook of REPLY gives back.
# REPLY is in quire's order (quire import wrote it); a workbook ticks a
# select_multiple's choices in list order, which for quire-gen's names
# (c01 ... c25, none) is the order of the names.  A decimal typed into a
# cell is a number, which a spreadsheet keeps without its trailing zeros
# (0.890 is 0.89, 4843.0 is 4843), as for any reply workbook.
expected() {
	grep -v '^_channel,\|^_entered_by,\|^_form_version,' "$1" |
		awk -v v="$2" -F, '
		/^_submitted,/ { print; print "_channel,workbook"; print "_form_version," v; next }
		$2 ~ /^(c[0-9][0-9]|none)( (c[0-9][0-9]|none))+$/ {
			n = split($2, t, " ")
			for (i = 2; i <= n; i++)
				for (j = i; j > 1 && t[j - 1] > t[j]; j--) {
					x = t[j]; t[j] = t[j - 1]; t[j - 1] = x
				}
			s = t[1]
			for (i = 2; i <= n; i++)
				s = s " " t[i]
			print $1 "," s
			next
		}
		$2 ~ /^-?[0-9]+\.[0-9]+$/ {
			v = $2
			sub(/0+$/, "", v)
			sub(/\.$/, "", v)
			print $1 "," v
			next
		}
		{ print }'
}

for seed in $SEEDS; do
	"$GEN" "$seed" "s$seed" >/dev/null
	version=$(sed -n '2p' "s$seed/form/settings.csv" | awk -F, '{ print $NF }')
	case $((seed % 4)) in
	0) style= ;;
	1) style=--ticks ;;
	2) style=--sort ;;
	3) style='--ticks --sort' ;;
	esac
	mkdir "s$seed/blank" "s$seed/filled" "s$seed/in" "s$seed/want" "s$seed/complete" \
		"s$seed/canon"
	# A workbook has no place for _incomplete: replies still being entered stay out.
	cp $(grep -L '^_incomplete,' "s$seed"/data/*.csv) "s$seed/complete/"
	"$QUIRE" import "s$seed/form" "s$seed/complete" --into "s$seed/canon" >/dev/null
	failed=
	for reply in "s$seed"/canon/*.csv; do
		code=$(basename "$reply" .csv)
		"$QUIRE" blank "s$seed/form" --respondent "$code" --format xlsx \
			-o "s$seed/blank/$code.xlsx" || failed="$failed blank:$code"
		# shellcheck disable=SC2086
		"$FILL_ANSWERS" $style "s$seed/blank/$code.xlsx" "$reply" "s$seed/filled/$code.xlsx" ||
			failed="$failed fill:$code"
		expected "$reply" "$version" >"s$seed/want/$code.csv"
	done
	if [ -z "$failed" ]; then
		tap_ok "seed $seed: every State's workbook written and filled in ($style)"
	else
		tap_not_ok "seed $seed: every State's workbook written and filled in ($style)"
		echo "# failed:$failed"
	fi
	run 0 "$QUIRE" import "s$seed/form" "s$seed/filled" --into "s$seed/in"
	expect_status "seed $seed: the directory of workbooks is imported in one command"
	if diff -r "s$seed/want" "s$seed/in" >"s$seed/diff"; then
		tap_ok "seed $seed: every reply comes back byte for byte"
	else
		tap_not_ok "seed $seed: every reply comes back byte for byte"
		echo "# tests/gen/quire-gen $seed DIR; fill-answers $style"
		head -40 "s$seed/diff" | sed 's/^/# /'
	fi
done

# The sample questionnaire, in English and in French: the labels chosen in
# either language come back as the same choice names.
S=$top_srcdir/forms/cybercrime-cooperation
mkdir sample sample/canon
"$QUIRE" import "$S" "$top_srcdir/data/cybercrime-cooperation" --into sample/canon >/dev/null
for lang in 0 1; do
	code_of_lang=$(echo en fr | cut -d' ' -f$((lang + 1)))
	mkdir "sample/filled$lang" "sample/in$lang" "sample/want$lang"
	failed=
	for reply in sample/canon/*.csv; do
		code=$(basename "$reply" .csv)
		"$QUIRE" blank "$S" --respondent "$code" --format xlsx --lang "$code_of_lang" \
			-o "sample/$code-$lang.xlsx" || failed="$failed blank:$code"
		"$FILL_ANSWERS" --lang "$lang" --ticks "sample/$code-$lang.xlsx" "$reply" \
			"sample/filled$lang/$code.xlsx" || failed="$failed fill:$code"
		expected "$reply" 2019041501 >"sample/want$lang/$code.csv"
	done
	if [ -z "$failed" ]; then
		tap_ok "sample, language $lang: 11 workbooks written and filled in"
	else
		tap_not_ok "sample, language $lang: 11 workbooks written and filled in"
		echo "# failed:$failed"
	fi
	run 0 "$QUIRE" import "$S" "sample/filled$lang" --into "sample/in$lang"
	expect_status "sample, language $lang: the 11 workbooks are imported"
	if diff -r "sample/want$lang" "sample/in$lang" >"sample/diff$lang"; then
		tap_ok "sample, language $lang: every reply comes back byte for byte"
	else
		tap_not_ok "sample, language $lang: every reply comes back byte for byte"
		head -40 "sample/diff$lang" | sed 's/^/# /'
	fi
done

done_testing
