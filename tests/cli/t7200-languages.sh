#!/bin/sh
# t7200: the report in the six languages - quire's own words come from each
# language's catalog, the form's and the definition's texts from their own
# columns and keys; a report in a language that lacks a text it needs is
# refused with the list, or drafted with each marked [en]
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

command -v pdftotext >/dev/null 2>&1 || { skip 'pdftotext is not installed'; done_testing; exit 0; }
def="$top_srcdir/reports/wg4-hangzhou-2019.ini"
export SOURCE_DATE_EPOCH=1567123200

# English furniture that no other language's report may show: headings,
# captions, table headers, notes, the masthead and the annexes, as whole
# words.  (Words that French or Spanish spell alike, such as "Introduction",
# "Total" or "Figure", are not in the list; nor is "Member States", which
# the States' own answers in Annex II use.)
cat >english.txt <<'X'
Replies to the questionnaire
Summary of main findings
Replies received
Response rate
Replying States
Texts of the answers
Methodology and provenance
Input file
Cross-tabulations
Contents
Source:
Annex
Table 1
Distr.: General
Original: English
Share
Answer
Median
Late
Region
X

# The drafted sentences' English: no other language's report may have it.
cat >>english.txt <<'X'
replying Member States
replying Member State
of the nine
None of the
All nine
had received
X

for lang in ar es fr ru zh; do
	# Every text of the sample is there in each language, and quire drafts
	# its sentences in each: the report is made whole, with no fallback.
	run 0 "$QUIRE" report "$def" --lang "$lang" -o "$lang.pdf"
	expect_status "$lang: the sample report is made in $lang"
	expect_err "$lang: with nothing to say" </dev/null
	pdftotext "$lang.pdf" - | tr '\n\f' '  ' | tr -s ' ' >"$lang.txt"
	found=$(grep -owF -f english.txt "$lang.txt" | sort -u | tr '\n' ';')
	expect_true "$lang: no English furniture or sentence in it (found: $found)" test -z "$found"
	expect_true "$lang: nothing marked as a fallback" sh -c "! grep -qF '[en]' $lang.txt"
	expect_true "$lang: the PDF says its language" grep -aq "/Lang ($lang) " "$lang.pdf"
done

# Arabic flows right to left: the summary's paragraph numbers (2, 3 and 4,
# under the cover's half) stand at the right margin, French's at the left.
numbers_x() {
	pdftotext -f 1 -l 1 -bbox "$1" - |
		sed -n 's/.*xMin="\([0-9.]*\)" yMin="\([0-9.]*\)".*>\([234]\)<.*/\1 \2/p' |
		awk '$2 > 400 && ($1 > 480 || $1 < 80) { printf("%s%s", n++ ? " " : "", ($1 > 480) ? "right" : "left") }'
}
expect_true "ar: paragraph numbers on the right ($(numbers_x ar.pdf))" \
	test "$(numbers_x ar.pdf)" = "right right right"
expect_true "fr: paragraph numbers on the left ($(numbers_x fr.pdf))" \
	test "$(numbers_x fr.pdf)" = "left left left"
# A left-to-right insert in Arabic keeps its order: the symbol in the agenda note.
expect_grep 'ar: the symbol whole and in its order' 'AALCO/WG/ILC/4/2019/L.1' ar.txt
# A State's answer in English reads left to right in the Arabic annex, its full stop at its end.
expect_grep 'ar: an English answer in its own direction' \
	'Accession to the Council of Europe Convention on Cybercrime is under study.' ar.txt

# The Word document in Arabic as well: its tables and paragraphs right to left.
run 0 "$QUIRE" report "$def" --lang ar -o ar.docx
"$FILL_ANSWERS" --part ar.docx word/document.xml >ar-document.xml
tables=$(grep -o '<w:tbl>' ar-document.xml | wc -l)
expect_true "ar: every one of Word's $tables tables runs right to left" \
	test "$(grep -o '<w:bidiVisual/>' ar-document.xml | wc -l)" -eq "$tables" -a "$tables" -gt 5
expect_true "ar: and all but Word's empty paragraphs read right to left" \
	test "$(grep -o '<w:bidi/>' ar-document.xml | wc -l)" -gt 400
run 0 "$QUIRE" report "$def" --lang fr -o fr.docx
"$FILL_ANSWERS" --part fr.docx word/document.xml >fr-document.xml
expect_no_grep 'fr: none reads right to left' 'bidi' fr-document.xml

# The masthead and the cover, in each language: the definition's texts[LL]
# and the catalog's words.
expect_grep 'fr: the title from title[fr]' \
	'Besoins particuliers des États membres' fr.txt
expect_grep 'fr: the masthead in French' 'Distr. générale' fr.txt
expect_grep "fr: the roster's groups by the definition's group_label[fr] and the form's labels" \
	'Groupe régional États membres Ont répondu Taux de réponse Hors délai Asie 32 6 19%' fr.txt
expect_grep 'es: the masthead in Spanish' 'Distr. general' es.txt
expect_grep 'zh: the masthead in Chinese' '分发：普遍' zh.txt
expect_grep 'fr: a date as French writes it' '30 août 2019' fr.txt
expect_grep 'ru: a date as Russian writes it' '30 августа 2019 г' ru.txt
expect_grep 'zh: a date as Chinese writes it' '2019年8月30日' zh.txt
expect_grep 'zh: no space between sentences, nor around a full-width mark' \
	'资料来源：对问题1.1的答复。比例以作答的9个成员国为基数。' zh.txt
expect_grep "zh: a citation keeps the sentence's own full stop" '未予计入（第7段）。' zh.txt

# English has none of the other languages' furniture, and nothing marked.
run 0 "$QUIRE" report "$def" -o en.pdf
pdftotext en.pdf - | tr '\n\f' '  ' | tr -s ' ' >en.txt
cat >others.txt <<'X'
Réponses au questionnaire
Annexe
Tableau
Respuestas al cuestionario
Anexo
Cuadro
Приложение
Таблица
المرفق
附件
[en]
X
found=$(grep -oF -f others.txt en.txt | sort -u | tr '\n' ';')
expect_true "en: no other language's furniture, nothing marked (found: $found)" test -z "$found"

# A form that lacks a text: every gap is listed at its row and column,
# with the definition's, and nothing is written.
cp -r "$top_srcdir/forms/cybercrime-cooperation" form
# The first choice whose row has no quoted cell loses its Spanish label.
awk -F, 'BEGIN { OFS = "," } NR == 1 { for (i = 1; i <= NF; i++) if ($i == "label::Spanish (es)") c = i }
	NR > 1 && !done && !/"/ && $c != "" { $c = ""; done = 1 } { print }' \
	"$top_srcdir/forms/cybercrime-cooperation/choices.csv" >form/choices.csv
row=$(diff "$top_srcdir/forms/cybercrime-cooperation/choices.csv" form/choices.csv | sed -n 's/^\([0-9]*\)c.*/\1/p')
choice=$(sed -n "${row}p" form/choices.csv | cut -d, -f2)
sed -e "s|^form = .*|form = form|" -e "s|^data = \.\./|data = $top_srcdir/|" \
	-e "s|^roster = \.\./|roster = $top_srcdir/|" -e '1,/^title\[es\]/{/^title\[es\]/d}' "$def" >def.ini
title=$(grep -n '^title =' def.ini | cut -d: -f1)
run 1 "$QUIRE" report def.ini --lang es -o es-gaps.pdf
expect_status 'a report missing a label and a title in Spanish is refused'
expect_grep 'the label, at its row and column' \
	"quire:./form/choices.csv:$row: $choice: no text in column 'label::Spanish (es)'" "$ERR"
expect_grep "the definition's title, at its line" \
	"quire:def.ini:$title: title: no text in the document's language: give title[es]" "$ERR"
expect_true 'nothing is written' test ! -e es-gaps.pdf
run 0 "$QUIRE" report def.ini --lang es --allow-fallback -o es-gaps.pdf
expect_status '--allow-fallback makes the draft'
pdftotext es-gaps.pdf - | tr '\n\f' '  ' | tr -s ' ' >es-gaps.txt
expect_grep 'the English title, marked' '[en] Special Needs of Member States' es-gaps.txt

# The form's title in each language: the settings' form_title::LANGUAGE.
run 0 "$QUIRE" check --lang zh "$top_srcdir/forms/cybercrime-cooperation"
expect_grep 'check --lang zh: the Chinese title' 'Form:      成员国在打击网络犯罪国际合作方面的特殊需要' "$OUT"
run 0 "$QUIRE" print "$top_srcdir/forms/cybercrime-cooperation" --lang ar -o print-ar.pdf
pdftotext -l 1 print-ar.pdf - | tr '\n' ' ' >print-ar.txt
expect_grep 'print --lang ar: the Arabic title on the cover' 'الدولي لمكافحة' print-ar.txt
expect_no_grep 'and not the English one' 'Special Needs' print-ar.txt
cp -r "$top_srcdir/forms/cybercrime-cooperation" untitled
awk -F, 'BEGIN { OFS = "," } NR == 1 { for (i = 1; i <= NF; i++) if ($i == "form_title::Spanish (es)") c = i }
	{ $c = ""; print }' "$top_srcdir/forms/cybercrime-cooperation/settings.csv" >untitled/settings.csv
run 1 "$QUIRE" check --lang es untitled
expect_grep 'a title missing in Spanish is a gap, at its cell' \
	"quire:untitled/settings.csv:2: form_title: no text in column 'form_title::Spanish (es)'" "$ERR"

# Diagnostics follow the user's language, not the document's: a Russian
# user making a Spanish report reads what is missing in Russian.
LANGUAGE=ru "$QUIRE" report def.ini --lang es -o es-gaps-ru.pdf 2>gaps-ru.txt
expect_true 'the report is still refused' test ! -e es-gaps-ru.pdf
expect_grep 'a form gap, in Russian' \
	"quire:./form/choices.csv:$row: $choice: нет текста в столбце «label::Spanish (es)»" gaps-ru.txt
expect_grep 'the summary, in Russian, with its plural' \
	'quire: для доклада на языке «Spanish (es)» нужны 2 текста, которых нет на этом языке' gaps-ru.txt
LANGUAGE=ar "$QUIRE" frob 2>unknown-ar.txt
expect_grep 'a usage error in Arabic' 'quire: أمر غير معروف «frob»' unknown-ar.txt
LANGUAGE=fr "$QUIRE" report --help >help-fr.txt
expect_grep '--help in French, its option names and placeholders kept' \
	"$(printf 'Utilisation\302\240: quire report [OPTIONS] DEFINITION.ini')" help-fr.txt
# Every command's --help in every language: as many option lines as the
# English, none wider than 80 columns (wc -L counts a CJK character as two).
for cmd in check validate blank status import export enter chart tab report print; do
	"$QUIRE" "$cmd" --help >help-en.txt
	options=$(grep -c '^ \{1,6\}-' help-en.txt)
	for lang in ar es fr ru zh; do
		LANGUAGE=$lang "$QUIRE" "$cmd" --help >help-$lang.txt
		width=$(LC_ALL=C.UTF-8 wc -L <help-$lang.txt)
		expect_true "$cmd --help in $lang: $width columns at most, $options option lines" \
			test "$width" -le 80 -a "$(grep -c '^ \{1,6\}-' help-$lang.txt)" -eq "$options" \
			-a "$(cmp -s help-en.txt help-$lang.txt; echo $?)" -eq 1
	done
done
LANGUAGE=es "$QUIRE" validate "$top_srcdir/forms/cybercrime-cooperation" \
	"$top_srcdir/tests/data/replies/bad/names.csv" 2>validate-es.txt
expect_grep 'a reply'"'"'s problem in Spanish' \
	'names.csv:5: pregunta desconocida “has_lwa”' validate-es.txt

# On the terminal, quire's words follow LANGUAGE (no installed locale needed).
LANGUAGE=fr "$QUIRE" status "$top_srcdir/forms/cybercrime-cooperation" \
	"$top_srcdir/data/cybercrime-cooperation" --roster "$top_srcdir/data/rosters/demo.csv" \
	--cutoff 2019-06-30 >status-fr.txt
nbsp=$(printf '\302\240')	# French sets a no-break space before a colon
expect_grep 'status speaks French under LANGUAGE=fr' \
	"États membres ayant répondu au plus tard le 2019-06-30$nbsp: 9 sur 47 (19%)" status-fr.txt
mkdir entered
printf '\n\n\n7\nq\n' | LANGUAGE=ru "$QUIRE" enter "$top_srcdir/forms/cybercrime-cooperation" \
	--respondent XZZ --data entered --lang ru >enter-ru.txt 2>&1
expect_grep 'enter speaks Russian under LANGUAGE=ru, and so do its problems' \
	'! «7» не является вариантом ответа: введите номер от 1 до 2' enter-ru.txt
LC_ALL= LANG=es_ES.UTF-8 LANGUAGE= "$QUIRE" status "$top_srcdir/forms/cybercrime-cooperation" \
	"$top_srcdir/data/cybercrime-cooperation" --roster "$top_srcdir/data/rosters/demo.csv" \
	>status-es.txt
expect_grep 'without LANGUAGE, LANG names the language, installed as a locale or not' \
	'No respondieron: 36' status-es.txt

done_testing
