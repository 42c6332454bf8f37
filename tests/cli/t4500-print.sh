#!/bin/sh
# t4500: quire print - the printed questionnaire: cover, instructions,
# questions with their boxes, skip logic and constraints in words, page
# numbers, outline, metadata, languages, reproducibility and its errors
. "$top_srcdir/tests/lib.sh"
cd "$QUIRE_TEST_DATA" || exit 1
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
	skip 'quire print' 'poppler-utils (pdftotext, pdfinfo) is not installed'
	done_testing
fi
# text: the PDF's text on one line, blanks squeezed, for sentences that
# wrap, without the bidirectional embedding marks pdftotext puts around
# right-to-left runs.
text() { pdftotext "$1" - | sed 's/\xe2\x80[\xaa-\xae]//g' | tr '\n' ' ' | tr -s ' '; }
form=forms/print

run 0 "$QUIRE" print -o "$T/q.pdf" $form
expect_status 'a questionnaire is written'
expect_out 'quietly' </dev/null
expect_err 'with nothing on standard error' </dev/null
pdfinfo "$T/q.pdf" >"$T/info"
expect_grep 'metadata: title' 'Title:           Print test questionnaire' "$T/info"
expect_grep 'metadata: author is the organisation' 'Author:          Test Organisation' "$T/info"
expect_grep 'metadata: subject' 'Subject:         Questionnaire' "$T/info"
expect_grep 'metadata: creator' 'Creator:         quire ' "$T/info"
expect_grep 'metadata: the date from SOURCE_DATE_EPOCH' 'CreationDate:    Mon Sep  2 00:00:00 2019 UTC' "$T/info"
expect_grep 'A4 paper' 'Page size:       595.276 x 841.89 pts (A4)' "$T/info"
expect_grep 'four pages' 'Pages:           4' "$T/info"

text "$T/q.pdf" >"$T/q.txt"
expect_grep 'the cover: organisation, title, version, deadline' 'Test Organisation Questionnaire Print test questionnaire Version 2019050101 Please reply by 30 June 2019' "$T/q.txt"
expect_grep 'the cover: places for the State and the replying official' 'State Name and title of the replying official Ministry or office E-mail address and telephone number' "$T/q.txt"
expect_grep 'the cover: where replies go' 'Please return the completed questionnaire to: The Secretariat (secretariat@example.org)' "$T/q.txt"
expect_grep 'instructions' 'How to reply Please answer every question that applies to your State and return the questionnaire by 30 June 2019 to The Secretariat (secretariat@example.org).' "$T/q.txt"
expect_grep 'instructions: the boxes' 'Where a question says “Tick one box.”, tick the one round box that fits best. Where it says “Tick all that apply.”, tick every square box that applies.' "$T/q.txt"
expect_grep 'a part and a numbered question with its hint, marked as required' '1 Domestic law 1.1 Has your State a law on cybercrime? * A law in force on the date of the reply. Tick one box. Yes No' "$T/q.txt"
expect_grep 'one answer: tick one box' '2.7 Would your State welcome a visit? Tick one box. Yes No' "$T/q.txt"
expect_grep 'several answers: tick all that apply' 'Offences covered Answer only if you answered “Yes” to 1.1. Tick all that apply. Illegal access Computer-related fraud Other' "$T/q.txt"
expect_grep 'skip logic in words' 'Year of adoption Answer only if you answered “Yes” to 1.1.' "$T/q.txt"
expect_grep 'go to, on the question that controls it' 'Yes No If “No”, go to question 2.1. 1.2' "$T/q.txt"
expect_grep 'go to the next question that applies' 'welcome a visit? Tick one box. Yes No If “No”, go to question 2.9. 2.8' "$T/q.txt"
expect_grep 'go to the end, when most choices skip every later question: the others are named' 'Party Signed only Not a party Not open to my State If your answer is not “Party”, go to the end of the questionnaire.' "$T/q.txt"
expect_grep 'a number: what to write and its range in words' 'Write a whole number. The answer must be a whole number from 1990 to 2019.' "$T/q.txt"
expect_grep 'a constraint message' 'Write a date: day, month and year. The date cannot be in the future.' "$T/q.txt"
expect_grep 'or_other: a line to specify' 'Other If “Other”, please specify:' "$T/q.txt"
expect_grep 'a short range is ticked' 'How useful is cooperation? Tick one box. 1 2 3 4 5 2.2' "$T/q.txt"
expect_grep 'a choice_filter that reads no answer offers its choices' 'Which organisations has your State worked with? Tick all that apply. UNODC INTERPOL' "$T/q.txt"
expect_no_grep 'and leaves out the choices it never offers' 'Which organisations has your State worked with? Tick all that apply. UNODC INTERPOL A local partner' "$T/q.txt"
expect_grep 'a choice_filter that reads an answer lists every choice and says on what it depends' 'Which was the most helpful? Tick one box. UNODC INTERPOL A local partner Only some of these choices apply, depending on your answer to 2.5.' "$T/q.txt"
expect_grep 'a short list of choices is not split across pages' 'Party Signed only Not a party Not open to my State' "$T/q.txt"
expect_grep 'the unit of a number' 'Share of requests answered in […] Answer only if 1.2 * 2 > 3990. Write a number. Unit: percent.' "$T/q.txt"
expect_grep 'skip logic that cannot be said in words is shown with numbers' 'Answer only if 1.2 * 2 > 3990.' "$T/q.txt"
expect_no_grep 'a constraint that cannot be said is left out' '200' "$T/q.txt"
expect_grep 'a label that shows an answer refers to its question' '2.4 Comments on [your answer to 1.4]' "$T/q.txt"
expect_grep 'a label that shows a calculation leaves a gap' 'Share of requests answered in […]' "$T/q.txt"
expect_no_grep 'no expression is left in the text' '${' "$T/q.txt"
expect_no_grep 'the generated _other question has no number of its own' 'Specify other' "$T/q.txt"
pdftotext -layout "$T/q.pdf" "$T/layout"
expect_true 'page numbers n / N' grep -Eq '(^| )2 ?/ ?4$' "$T/layout"
expect_true 'the last page number' grep -Eq '(^| )4 ?/ ?4$' "$T/layout"
expect_true 'no page number on the cover' sh -c "! grep -Eq '(^| )1 ?/ ?5$' '$T/layout'"
if command -v pdftohtml >/dev/null 2>&1; then
	pdftohtml -xml -i -stdout "$T/q.pdf" | grep '<item' >"$T/outline"
	compare 'the outline has the instructions and every part' "$T/outline" <<'X'
<item page="2">How to reply</item>
<item page="2">1 Domestic law</item>
<item page="3">2 Cooperation</item>
X
else
	skip 'the outline has the instructions and every part' 'pdftohtml is not installed'
fi

# Reproducible
run 0 "$QUIRE" print -o "$T/q2.pdf" $form
expect_true 'two runs give identical bytes' cmp -s "$T/q.pdf" "$T/q2.pdf"
SOURCE_DATE_EPOCH=1577836800 run 0 "$QUIRE" print -o "$T/q3.pdf" $form
expect_true 'the date follows SOURCE_DATE_EPOCH' sh -c "pdfinfo '$T/q3.pdf' | grep -q 'CreationDate:    Wed Jan  1 00:00:00 2020 UTC'"

# Options
run 0 "$QUIRE" print --letter --deadline 2019-07-15 --organisation 'Other Body' \
	--contact 'the Rapporteur' -o "$T/l.pdf" $form
expect_status 'options are accepted'
pdfinfo "$T/l.pdf" >"$T/info"
expect_grep '--letter' 'Page size:       612 x 792 pts (letter)' "$T/info"
expect_grep '--organisation is the author' 'Author:          Other Body' "$T/info"
text "$T/l.pdf" >"$T/l.txt"
expect_grep '--deadline, written out' 'Please reply by 15 July 2019' "$T/l.txt"
expect_grep '--contact' 'Please return the completed questionnaire to: the Rapporteur' "$T/l.txt"
run 0 "$QUIRE" print --deadline 'end of June' --contact '' -o "$T/d.pdf" $form
text "$T/d.pdf" >"$T/d.txt"
expect_grep 'a deadline that is not a date is written as it is' 'Please reply by end of June' "$T/d.txt"
expect_no_grep 'an empty option leaves the setting out' 'Please return' "$T/d.txt"

run 0 "$QUIRE" print -o - $form
expect_true '-o - writes the PDF to standard output' cmp -s "$T/q.pdf" "$OUT"
mkdir "$T/here"
here=$(pwd)
(cd "$T/here" && "$QUIRE" print "$here/$form") </dev/null
expect_true 'the default output is questionnaire.pdf' cmp -s "$T/q.pdf" "$T/here/questionnaire.pdf"

# Languages
run 0 "$QUIRE" print --lang ar -o "$T/ar.pdf" $form
expect_status 'an Arabic questionnaire is written'
text "$T/ar.pdf" >"$T/ar.txt"
expect_grep 'Arabic labels' 'القانون المحلي' "$T/ar.txt"
# The skip logic in Arabic, quire's words from its catalog: "answer only
# if your answer to question 1.1 was «Yes»" (pdftotext adds direction marks)
expect_true 'Arabic choices, quoted in the skip logic, in Arabic' \
	grep -q 'إجابتكم عن السؤال.*1\.1.*هي «نعم»' "$T/ar.txt"
run 0 "$QUIRE" print --lang zh -o "$T/zh.pdf" $form
text "$T/zh.pdf" >"$T/zh.txt"
expect_grep 'Chinese labels' '1.1 贵国是否有网络犯罪法？' "$T/zh.txt"
run 0 "$QUIRE" print --lang Chinese -o "$T/zh2.pdf" $form
expect_status 'a language by its name'
run 2 "$QUIRE" print --lang de -o "$T/de.pdf" $form
expect_status 'an unknown language is a usage error'
expect_err 'an unknown language is named, with those the form has' <<'X'
quire print: unknown language 'de' (the form has: English (en), Arabic (ar), Chinese (zh))
Try 'quire print --help' for more information.
X
expect_true 'nothing is written for an unknown language' test ! -e "$T/de.pdf"

# The sample questionnaire, in both its languages
run 0 "$QUIRE" print -o "$T/s.pdf" ../../forms/cybercrime-cooperation
expect_status 'the sample questionnaire is printed'
text "$T/s.pdf" >"$T/s.txt"
expect_grep 'the sample: one choice of two that skip, past the other offences asked only of those who chose offences' 'If “No, but a draft law is under preparation” or “No”, go to question 2.7.' "$T/s.txt"
expect_grep 'the sample: a question that applies after an answer' 'Answer only if you answered “Yes” to 2.8.' "$T/s.txt"
run 0 "$QUIRE" print --lang fr -o "$T/sf.pdf" ../../forms/cybercrime-cooperation
expect_status 'the sample questionnaire is printed in French'
text "$T/sf.pdf" >"$T/sf.txt"
expect_grep 'French labels' 'Auteur de la réponse' "$T/sf.txt"

# quire check --unsaid lists what the print cannot say in words
run 0 "$QUIRE" check --unsaid $form
expect_status 'check --unsaid'
expect_out 'lists the rows whose skip logic or constraint is not said in words' <<'X'
forms/print/survey.csv:12: share: skip logic not said in words: 1.2 * 2 > 3990
forms/print/survey.csv:12: share: constraint not said in words: the answer * 2 <= 200
X
run 0 "$QUIRE" check --unsaid ../../forms/cybercrime-cooperation
expect_out 'the sample says everything in words' </dev/null

# Errors
run 2 "$QUIRE" print
expect_status 'FORM is required'
expect_err 'the missing FORM is named' <<'X'
quire print: missing FORM
Try 'quire print --help' for more information.
X
run 0 "$QUIRE" print --help
expect_grep '--help' 'Usage: quire print [OPTIONS] FORM' "$OUT"
cp "$T/q.pdf" "$T/keep.pdf"
SOURCE_DATE_EPOCH=abc run 1 "$QUIRE" print -o "$T/keep.pdf" $form
expect_status 'an invalid SOURCE_DATE_EPOCH is refused'
expect_true 'a failed run leaves the file as it was' cmp -s "$T/q.pdf" "$T/keep.pdf"
cp -r $form "$T/form"
run 1 "$QUIRE" print -o "$T/form/survey.csv" "$T/form"
expect_status 'the form is never overwritten'
expect_true 'the survey is intact' cmp -s $form/survey.csv "$T/form/survey.csv"
run 1 "$QUIRE" print -o "$T/no/such/dir/q.pdf" $form
expect_status 'an output that cannot be written is an error'

# A list reads as its question does, not as its first choice: an English
# question whose first choice is Arabic keeps its boxes on the left.
mkdir "$T/mixed"
printf 'type,name,label\nselect_one l,q,Which body?\n' >"$T/mixed/survey.csv"
printf 'list_name,name,label\nl,a,مكتب الأمم المتحدة\nl,b,Body\n' >"$T/mixed/choices.csv"
run 0 "$QUIRE" print -o "$T/mixed.pdf" "$T/mixed"
expect_status 'a question with an Arabic first choice prints'
x=$(pdftotext -bbox "$T/mixed.pdf" - | sed -n 's/.*xMin="\([0-9]*\)\..*>Body<.*/\1/p')
expect_true "the English choice starts at the left of the column (x = $x)" \
	test "${x:-999}" -lt 200

# A required question is marked, and the instructions say what the mark means.
expect_grep 'the instructions explain the mark of a required question' 'replying official on the cover. Questions marked with an asterisk (*) must be answered.' "$T/q.txt"
expect_true 'only the required question is marked' test "$(grep -o '[?a-z] \* [A-Z]' "$T/q.txt" | wc -l)" -eq 1
run 0 "$QUIRE" print -o "$T/mixed.pdf" "$T/mixed"
text "$T/mixed.pdf" >"$T/mixed.txt"
expect_no_grep 'without a required question, no word of the mark' 'asterisk' "$T/mixed.txt"

# A part's condition is said once, under its heading, and a section's
# under its own; each question says only its own.
mkdir "$T/groups"
cat >"$T/groups/survey.csv" <<'END'
type,name,label,relevant
begin group,law,Domestic law,
select_one yn,has_law,Has your State a law?,
integer,year,Year of adoption,${has_law} = 'yes'
end group,,,
begin group,coop,Cooperation,${has_law} = 'yes'
select_one yn,asked,Has your State been asked for help?,
begin group,req,Requests,${asked} = 'yes'
integer,n,How many requests?,
text,which,From which States?,${n} > 0
end group,,,
text,more,Anything else?,
end group,,,
END
printf 'list_name,name,label\nyn,yes,Yes\nyn,no,No\n' >"$T/groups/choices.csv"
run 0 "$QUIRE" print -o "$T/groups.pdf" "$T/groups"
expect_status 'a form whose groups have conditions prints'
text "$T/groups.pdf" >"$T/groups.txt"
expect_grep 'the part says its condition under its heading' '2 Cooperation Answer this part only if you answered “Yes” to 1.1. 2.1 Has your State been asked for help? Tick one box.' "$T/groups.txt"
expect_grep 'a section says its own under its heading' 'Requests Answer the questions of this section only if you answered “Yes” to 2.1. 2.2 How many requests? Write a whole number.' "$T/groups.txt"
expect_grep 'a question in the section says only its own' '2.3 From which States? Answer only if your answer to 2.2 is more than 0.' "$T/groups.txt"
expect_grep 'a question after the section is shown outside it' 'Cooperation (continued) 2.4 Anything else?' "$T/groups.txt"
expect_true 'no condition is said twice' test "$(grep -o 'if you answered “Yes” to 1.1' "$T/groups.txt" | wc -l)" -eq 2

# A question asked only on an answer to a skipped question is skipped
# too: "Complication" skips the immunisation questions, and so the date
# of a TT1 dose asked only of those who answered "TT1", and goes on to
# the complication; "Referral" skips that too.
mkdir -p "$T/chain"
cat >"$T/chain/survey.csv" <<'END'
type,name,label,relevant
select_one service,service,Type of service provided,
select_one doses,immunisation,Which dose was given?,${service} = 'immunisation'
date,tt1_date,Date of the TT1 dose,${immunisation} = 'tt1'
date,tt2_date,Date of the TT2 dose,"selected(${immunisation}, 'tt2')"
text,complication,Which complication?,${service} = 'complication'
text,reason,Reason for referral,${service} = 'referral' or ${immunisation} != ''
END
cat >"$T/chain/choices.csv" <<'END'
list_name,name,label
service,immunisation,Immunisation
service,complication,Complication
service,referral,Referral
doses,tt1,TT1
doses,tt2,TT2
END
run 0 "$QUIRE" print -o "$T/chain.pdf" "$T/chain"
expect_status 'a form of chained conditions prints'
text "$T/chain.pdf" >"$T/chain.txt"
expect_grep 'an answer skips what depends on a skipped question too' \
	'Immunisation Complication Referral If “Complication”, go to question 5. If “Referral”, go to question 6. 2 Which' "$T/chain.txt"
expect_grep 'an answer that skips one question sends to the next that applies: TT2 skips the date of TT1 only' \
	'TT1 TT2 If “TT2”, go to question 4. 3 Date' "$T/chain.txt"

done_testing
