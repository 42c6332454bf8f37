#!/bin/sh
# t2130: quire blank --format xlsx writes a State's answer workbook: the
# questions with their numbers, labels and hints, an answer cell checked
# by Excel's data validation (a drop-down of labels, Yes/No per choice,
# whole numbers and dates within the form's range, a length limit), when
# a question applies, a grey fill where its skip rule is a formula, the
# sheet protected without a password, the State and the deadline in the
# header, and a hidden sheet to read it back by.  LibreOffice opens it.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
F=$QUIRE_TEST_DATA/forms/mini

# part FILE PART: a part of the workbook's archive, as text.
part() {
	"$FILL_ANSWERS" --part "$1" "$2"
}

run 0 "$QUIRE" blank "$F" --respondent XAA --format xlsx --deadline '30 June 2019' -o XAA.xlsx
expect_status 'blank --format xlsx writes a workbook'
expect_out 'and prints nothing' </dev/null
expect_err 'and says nothing' </dev/null

run 0 "$FILL_ANSWERS" --dump XAA.xlsx
expect_out 'the sheets: Reply, Instructions and the map quire reads back' <<'END'
[Reply]
1: Mini cybercrime questionnaire
2:  | State | XAA
3:  | Questionnaire | mini, version 2019050101
4:  | Please reply by | 30 June 2019
5:  | Date of this reply
6:  | A note to the Secretariat (optional)
8: No. | Question | Your answer | When it applies | How to answer
9: 1 | Domestic law
10: 1.1 | Has your State a cybercrime law? |  |  | Choose one answer from the list (required)
11: 1.2 | Year of adoption |  | Answer only if you answered “Yes” to 1.1 | Four digits
A whole number from 1970 to 2019
12: 1.3 | Offences covered |  | Answer only if you answered “Yes” to 1.1 | Answer Yes or No for each choice below
13: 1.3 a | Illegal access
14: 1.3 b | Illegal interception
15: 1.3 c | None of these
16: 2 | Cooperation
17: 2.1 | Budapest Convention |  |  | Choose one answer from the list
18: 2.2 | Date of reply |  |  | A date not after today (YYYY-MM-DD)
19: 2.3 | Comments |  |  | Text
[Instructions]
1: How to fill in this answer workbook
3: 1. Answer on the sheet "Reply", in the yellow cells of the column "Your answer". Other cells are protected (without a password) so that the questionnaire stays as it was sent.
4: 2. Choose answers from the drop-down lists; for questions with several choices, answer Yes or No on each choice's row. A message in each cell says what it takes.
5: 3. A question greyed out does not apply, given your earlier answers: leave it empty. The column "When it applies" says when a question is asked.
6: 4. Enter the date of your reply at the top of the sheet "Reply".
7: 5. Save the workbook as it is (.xlsx), without renaming or deleting sheets, and send it back to the Secretariat. Do not change the question numbers in the column "No.": they tell which answer is which.
9: The Secretariat reads the answers back from this file; answers typed in another language of the questionnaire are understood.
[quire]
1: quire-answer-workbook | 1
2: form | mini | 2019050101
3: respondent | XAA
4: languages | English (en) | French (fr)
5: meta | _submitted | 5
6: meta | _note | 6
7: label | yn | yes | Yes | Oui
8: label | yn | no | No | Non
9: label | offences | illegal_access | Illegal access | Accès illégal
10: label | offences | interception | Illegal interception | Interception illégale
11: label | offences | none | None of these | Aucune
12: label | treaty | party | Party | Partie
13: label | treaty | signed | Signed only | Signataire
14: label | treaty | no | Not a party | Non partie
15: question | 1.1 | has_law | 10 | select_one | yn
16: question | 1.2 | law_year | 11 | integer
17: choice | 1.3 a | offences | illegal_access | 13
18: choice | 1.3 b | offences | interception | 14
19: choice | 1.3 c | offences | none | 15
20: question | 2.1 | budapest | 17 | select_one | treaty
21: question | 2.2 | reply_date | 18 | date
22: question | 2.3 | comments | 19 | text
END

part XAA.xlsx xl/workbook.xml >book.xml
expect_grep 'the map is hidden' '<sheet name="quire" sheetId="3" state="hidden"' book.xml
part XAA.xlsx xl/worksheets/sheet1.xml >reply.xml
expect_grep 'the Reply sheet is protected, without a password' \
	'<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>' reply.xml
expect_no_grep 'no password' 'password=' reply.xml
expect_grep 'a select_one: a drop-down of its labels, kept in the map' \
	'sqref="C10"><formula1>quire!$D$7:$D$8</formula1>' reply.xml
expect_grep 'its input message and error alert' \
	'errorTitle="Not a valid answer" error="Choose one answer from the list (required)" promptTitle="1.1 Has your State a cybercri..." prompt="Choose one answer from the list (required)"' reply.xml
expect_grep 'an integer: whole numbers within its constraint, with its message' \
	'<dataValidation type="whole" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Not a valid answer" error="Give a year between 1970 and 2019" promptTitle="1.2 Year of adoption" prompt="Four digits&#xA;A whole number from 1970 to 2019" sqref="C11"><formula1>1970</formula1><formula2>2019</formula2>' reply.xml
expect_grep 'a select_multiple: Yes or No on each choice' \
	'prompt="Yes or No" sqref="C14"><formula1>"Yes,No"</formula1>' reply.xml
expect_grep 'a date not after today(): a date cell up to TODAY(), checked on the day it is typed' \
	'sqref="C18"><formula1>DATE(1900,1,1)</formula1><formula2>TODAY()</formula2>' reply.xml
expect_grep 'a text: a length limit' \
	'<dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Not a valid answer" error="At most 32767 characters" promptTitle="2.3 Comments" prompt="Text" sqref="C19"><formula1>32767</formula1>' reply.xml
expect_grep 'a skipped question is greyed out: the label of the choice its rule names' \
	'<conditionalFormatting sqref="A11:C11"><cfRule type="expression" dxfId="0" priority="1"><formula>NOT(AND($C$10="Yes"))</formula>' reply.xml
expect_grep 'a skipped select_multiple: its choices too' \
	'<conditionalFormatting sqref="A12:C15">' reply.xml
part XAA.xlsx xl/styles.xml >styles.xml
expect_grep 'answer cells are unlocked' '<protection locked="0"/>' styles.xml
expect_grep 'text answer cells are formatted as text, so that 1/2 stays 1/2' \
	'<xf numFmtId="49"' styles.xml
expect_grep 'date answer cells show YYYY-MM-DD' 'formatCode="yyyy-mm-dd"' styles.xml
expect_grep 'the grey of "not applicable"' '<fill><patternFill><bgColor rgb="FFD9D9D9"/>' styles.xml

# In French: the labels and the drop-down are the French ones.
run 0 "$QUIRE" blank "$F" --respondent XAA --format xlsx --lang fr -o fr.xlsx
expect_status 'blank --format xlsx --lang fr'
"$FILL_ANSWERS" --dump fr.xlsx >fr.dump
expect_grep 'the French label' '10: 1.1 | Votre État a-t-il une loi sur la cybercriminalité ? |' fr.dump
part fr.xlsx xl/worksheets/sheet1.xml >fr.xml
expect_grep 'the drop-down of the French labels' '<formula1>quire!$E$7:$E$8</formula1>' fr.xml
expect_grep 'the skip rule compares the French label' '<formula>NOT(AND($C$10="Oui"))</formula>' fr.xml

# The State's name from a roster; the deadline from the form's settings.
printf 'code,name\nXAA,Republic of Aldmere\n' >roster.csv
mkdir form
cp "$F/survey.csv" "$F/choices.csv" form/
printf 'form_title,form_id,version,deadline\nMini,mini,2019050101,30 June 2019\n' >form/settings.csv
run 0 "$QUIRE" blank form --respondent XAA --format xlsx --roster roster.csv -o named.xlsx
"$FILL_ANSWERS" --dump named.xlsx | sed -n 3,5p >named.head
compare 'the State named from the roster, the deadline from the settings' named.head <<'END'
2:  | State | Republic of Aldmere (XAA)
3:  | Questionnaire | mini, version 2019050101
4:  | Please reply by | 30 June 2019
END
run 0 "$QUIRE" blank form --respondent XAA --format xlsx --deadline '15 July 2019' -o late.xlsx
"$FILL_ANSWERS" --dump late.xlsx | sed -n 5p >late.head
compare '--deadline overrides the settings' late.head <<'END'
4:  | Please reply by | 15 July 2019
END

# A choice_filter that reads no answer: the drop-down offers only its choices.
mkdir cf
printf 'type,name,label,choice_filter\nselect_one c,city,City,region = '"'"'asia'"'"'\nselect_one c,town,Town,${city} != name\n' >cf/survey.csv
printf 'list_name,name,label,region\nc,a1,Alpha,asia\nc,b1,Beta,africa\nc,a2,Gamma,asia\n' >cf/choices.csv
printf 'form_id,version\ncf,1\n' >cf/settings.csv
run 0 "$QUIRE" blank cf --respondent XAA --format xlsx -o cf.xlsx
"$FILL_ANSWERS" --dump cf.xlsx | sed -n '/^\[quire\]/,$p' | grep '^[0-9]*: offer\|^[0-9]*: label' >cf.map
compare 'the choices it offers every State are kept in the map' cf.map <<'END'
7: label | c | a1 | Alpha
8: label | c | b1 | Beta
9: label | c | a2 | Gamma
10: offer | city | a1 | Alpha
11: offer | city | a2 | Gamma
END
part cf.xlsx xl/worksheets/sheet1.xml >cf.xml
expect_grep 'and its drop-down lists them' 'sqref="C9"><formula1>quire!$D$10:$D$11</formula1>' cf.xml
expect_grep 'a filter that reads an answer lists the whole list' \
	'sqref="C10"><formula1>quire!$D$7:$D$9</formula1>' cf.xml

# Standard output, as for the CSV sheet.
"$QUIRE" blank "$F" --respondent XAA --format xlsx --deadline '30 June 2019' >stdout.xlsx
run 0 cmp stdout.xlsx XAA.xlsx
expect_status 'written to standard output without -o: the same bytes (SOURCE_DATE_EPOCH)'
run 0 "$QUIRE" blank "$F" --respondent XAA --format csv
"$QUIRE" blank "$F" --respondent XAA >default.csv
compare '--format csv is the CSV sheet, the default' "$OUT" <default.csv

# Mistakes: usage errors; a State not on the roster leaves the output as it was.
run 2 "$QUIRE" blank "$F" --respondent XAA --format pdf
expect_status 'an unknown format is a usage error'
expect_err 'naming the formats' <<'END'
quire blank: unknown format 'pdf' (csv or xlsx)
Try 'quire blank --help' for more information.
END
run 2 "$QUIRE" blank "$F" --respondent XAA --roster roster.csv
expect_err '--roster goes with --format xlsx' <<'END'
quire blank: --roster and --deadline go with --format xlsx
Try 'quire blank --help' for more information.
END
echo good >keep.xlsx
run 1 "$QUIRE" blank "$F" --respondent XAB --format xlsx --roster roster.csv -o keep.xlsx
expect_status 'a code not on the roster is an error'
expect_err 'naming the roster' <<'END'
quire:roster.csv: 'XAB' is not on the roster
END
compare 'and the file given with -o is left as it was' keep.xlsx <<'END'
good
END
run 1 "$QUIRE" blank "$F" --respondent XAA --format xlsx -o /dev/full
expect_status 'a write error is an error'
expect_grep 'named with the file' 'quire:/dev/full: write error' "$ERR"
run 1 "$QUIRE" blank "$F" --respondent XAA --format xlsx -o "$F/survey.csv"
expect_status 'the form is an input, never an output'

# Without a deadline, the header asks for none.
run 0 "$QUIRE" blank "$F" --respondent XAA --format xlsx -o nodl.xlsx
expect_status 'blank --format xlsx of a form without a deadline'
"$FILL_ANSWERS" --dump nodl.xlsx | sed -n '2,6p' >nodl.out
compare 'has no line "Please reply by"' nodl.out <<'END'
1: Mini cybercrime questionnaire
2:  | State | XAA
3:  | Questionnaire | mini, version 2019050101
5:  | Date of this reply
6:  | A note to the Secretariat (optional)
END

# A label that shows another answer says which, as the printed questionnaire does.
run 0 "$QUIRE" blank "$QUIRE_TEST_DATA/forms/print" --respondent XAA --format xlsx -o P.xlsx
expect_status 'blank --format xlsx of a form whose labels show answers'
"$FILL_ANSWERS" --dump P.xlsx | sed -n '/^\[Reply\]/,/^\[Instructions\]/p' | grep '^2[12]: ' >labels.out
compare 'a ${name} in a label is the answer it names, or […] for a calculation' labels.out <<'END'
21: 2.3 | Share of requests answered in […] |  | Answer only if 1.2 * 2 > 3990 | A number (unit: percent)
22: 2.4 | Comments on [your answer to 1.4] |  |  | Text
END

# LibreOffice opens it without a repair prompt: its CSV is the Reply sheet.
if command -v soffice >/dev/null 2>&1; then
	HOME=$T timeout 180 soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir lo XAA.xlsx >lo.log 2>&1
	if [ -f lo/XAA.csv ]; then
		tap_ok 'LibreOffice converts the workbook'
	else
		tap_not_ok 'LibreOffice converts the workbook'
		diag_file lo.log
	fi
	head -12 lo/XAA.csv >lo.head 2>/dev/null
	compare 'and reads its Reply sheet as written' lo.head <<'END'
Mini cybercrime questionnaire,,,,
,State,XAA,,
,Questionnaire,"mini, version 2019050101",,
,Please reply by,30 June 2019,,
,Date of this reply,,,
,A note to the Secretariat (optional),,,
,,,,
No.,Question,Your answer,When it applies,How to answer
1,Domestic law,,,
1.1,Has your State a cybercrime law?,,,Choose one answer from the list (required)
1.2,Year of adoption,,Answer only if you answered “Yes” to 1.1,"Four digits
A whole number from 1970 to 2019"
END
else
	skip 'LibreOffice converts the workbook' 'soffice is not installed'
	skip 'and reads its Reply sheet as written' 'soffice is not installed'
fi

done_testing
