#!/bin/sh
# t7080: a divided question in the summary of main findings names both
# answers it is divided between, with their counts, in English and in a
# translation; a State that gave a third answer is not counted in either.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
if ! command -v pdftotext >/dev/null 2>&1; then
	skip 'the divided question' 'poppler-utils (pdftotext) is not installed'
	done_testing
fi
text() { pdftotext "$1" - | tr '\n\f' '  ' | tr -s ' '; }

mkdir form
cat >form/survey.csv <<'X'
type,name,label::English (en),label::French (fr)
select_one tenure,tenure,Type of tenure,Type de tenure
X
cat >form/choices.csv <<'X'
list_name,name,label::English (en),label::French (fr)
tenure,leasehold,Leasehold,Bail
tenure,customary,Customary rights,Droits coutumiers
tenure,freehold,Freehold,Pleine propriété
X
cat >form/settings.csv <<'X'
form_title,form_id,version,default_language
Tenure,tenure,1,English (en)
X
# Four, three and one: a split of the first two (K1 - K2 = 1, 7 of 8).
states data roster.csv <<'X'
Asia 4 tenure,leasehold
Africa 3 tenure,customary
Asia 1 tenure,freehold
X
cat >report.ini <<'X'
[report]
form = form
data = data
roster = roster.csv
cutoff = 2019-06-30
date = 2019-06-30
title = Tenure
title[fr] = Tenure
X

run 0 "$QUIRE" report report.ini -o en.pdf
expect_status 'a report of one divided question'
text en.pdf >en.txt
expect_grep 'the summary names both answers and their counts' \
	'Replies to question 1 were divided: four answered “Leasehold” and three answered “Customary rights” (para.' en.txt
expect_no_grep 'and never calls the second answer another' 'another answer' en.txt

run 0 "$QUIRE" report report.ini --lang fr -o fr.pdf
expect_status 'and in French'
text fr.pdf >fr.txt
expect_grep 'the translation names both answers too' \
	'Les réponses à la question 1 étaient partagées : 4 ont répondu « Bail » et 3 ont répondu « Droits coutumiers » (' fr.txt

done_testing
