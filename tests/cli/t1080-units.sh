#!/bin/sh
# t1080: the unit column - a number's unit in the report's sentence, its
# table and chart, in tab's JSON, in each language; refused on a question
# that is not a number
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

mkdir form
cat >form/survey.csv <<'X'
type,name,label,label::French (fr),unit,unit::French (fr)
integer,days,Days to execute a request,Jours pour exécuter une demande,days,jours
decimal,share,Share of requests answered,Part des demandes traitées,%,%
integer,staff,Staff on cybercrime,Effectifs,,
X
printf 'list_name,name,label\n' >form/choices.csv
printf 'form_title,form_id,version\nUnits,units,1\n' >form/settings.csv
n=0
for v in "60 40" "90 55.5" "180 70" "120 62" "75 48"; do
	n=$((n + 1))
	set -- $v
	reply data "XA$n" 2019-05-02 "days,$1" "share,$2" "staff,$n"
done

run 0 "$QUIRE" tab form data --format json
expect_status 'tab reads a form with units'
expect_grep 'JSON: a question with a unit says it' '"unit": "days"' "$OUT"
expect_true 'and one without has no unit key' \
	sh -c '! grep -A12 "\"name\": \"staff\"" "$1" | grep -q "\"unit\""' sh "$OUT"

if command -v pdftotext >/dev/null 2>&1; then
	printf '[report]\nform = form\ndata = data\ntitle = Units\n\n[chart days]\nshow = both\n' >units.ini
	run 0 "$QUIRE" report units.ini -o units.pdf
	expect_status 'a report of numbers with units'
	pdftotext units.pdf - | tr '\n\f' '  ' | tr -s ' ' >units.txt
	expect_grep 'the sentence gives the unit once in the range, and with the median' \
		'the figures range from 60 to 180 days, with a median of 90 days.' units.txt
	expect_grep 'a percentage has no space before its sign, and keeps it on both ends' \
		'the figures range from 40% to 70%, with a median of 55.5%.' units.txt
	expect_grep 'the table note names the unit' \
		'The figures are those of the 5 Member States that answered. Unit: days.' units.txt
	expect_grep 'and per cent for %' 'Unit: per cent.' units.txt
	expect_grep 'the chart names it too' 'Median 90 days; range 60 to 180 days.' units.txt
	expect_true 'a number without a unit has none: two tables of three say one' \
		test "$(grep -o 'Unit: ' units.txt | wc -l)" -eq 2
	# The definition's title is in English only: a French report is
	# refused, and made only as a draft with the title marked.
	run 1 "$QUIRE" report units.ini --lang fr -o units-fr.pdf
	expect_status 'a report in French with an English title is refused'
	expect_true 'and not written' test ! -e units-fr.pdf
	run 0 "$QUIRE" report units.ini --lang fr --allow-fallback -o units-fr.pdf
	pdftotext units-fr.pdf - | tr '\n\f' '  ' | tr -s ' ' >units-fr.txt
	expect_grep 'in French, the sentence drafted in French with the French unit' \
		'« Jours pour exécuter une demande » (question 1), l’ensemble des cinq États membres ayant répondu avaient donné un chiffre ; les chiffres vont de 60 à 180 jours, la médiane étant de 90 jours.' units-fr.txt
	expect_grep 'in a draft that marks the English title' '[en] Units' units-fr.txt
	# The Catalog's /Lang: the form's code for the report's language, English without one.
	expect_true 'the PDF says its language, English for a form without codes' \
		grep -aq '/Lang (en) ' units.pdf
	expect_true 'and French for --lang fr' grep -aq '/Lang (fr) ' units-fr.pdf
	run 0 "$QUIRE" report units.ini -o units.docx
	"$FILL_ANSWERS" --part units.docx word/document.xml >document.xml
	expect_grep 'the Word document keeps a no-break space before the unit' \
		"$(printf 'from 60 to 180\302\240days')" document.xml
else
	skip 'the report' 'poppler-utils (pdftotext) is not installed'
fi

run 0 "$QUIRE" blank form --respondent XAA --format xlsx -o answer.xlsx
expect_status 'an answer workbook of numbers with units'
"$FILL_ANSWERS" --part answer.xlsx xl/sharedStrings.xml >strings.xml
expect_grep 'its "How to answer" names the unit' 'A whole number (unit: days)' strings.xml
expect_grep 'a percentage'"'"'s too' 'A number (unit: %)' strings.xml

cat >form/survey.csv <<'X'
type,name,label,unit::French (fr)
integer,days,Days,jours
select_one yn,law,Has your State a law?,jours
X
printf 'list_name,name,label\nyn,yes,Yes\nyn,no,No\n' >form/choices.csv
run 1 "$QUIRE" check form
expect_err 'a unit on a question that gives no number is refused' <<X
quire:form/survey.csv:3: unit: a unit is for a number (integer, decimal or range), and 'law' is of type 'select_one yn'
X

done_testing
