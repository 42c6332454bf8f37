#!/bin/sh
# t2100: quire blank - an answer sheet that, filled in, is a valid reply
. "$top_srcdir/tests/lib.sh"
cd "$QUIRE_TEST_DATA" || exit 1

run 0 "$QUIRE" blank forms/mini --respondent XAD
expect_status 'blank writes a sheet'
expect_out 'the sheet has name, numbered question, choices and value' <<'X'
name,question,choices,value
_respondent,Roster code of the replying State,,XAD
_submitted,Date the reply was received,"a date, YYYY-MM-DD",
_channel,"How the reply came (note verbale, e-mail, ...)",,
_form_version,Version of the questionnaire,,2019050101
has_law,1.1 Has your State a cybercrime law? [required],yes = Yes; no = No,
law_year,1.2 Year of adoption (Four digits) [answer only if you answered “Yes” to 1.1],a whole number,
offences,1.3 Offences covered [answer only if you answered “Yes” to 1.1],"one or more, separated by spaces: illegal_access = Illegal access; interception = Illegal interception; none = None of these",
budapest,2.1 Budapest Convention,party = Party; signed = Signed only; no = Not a party,
reply_date,2.2 Date of reply,"a date, YYYY-MM-DD",
comments,2.3 Comments,,
X

run 0 "$QUIRE" blank forms/mini --respondent XAD --lang fr -o "$T/sheet.csv"
expect_status 'blank -o writes a file'
expect_grep "the sheet is in French with --lang fr, quire's own words too" '1.1 Votre État a-t-il une loi sur la cybercriminalité ? [obligatoire],yes = Oui; no = Non,' "$T/sheet.csv"
expect_true 'its header is the format, in every language' test "$(head -1 "$T/sheet.csv")" = 'name,question,choices,value'

# A delegate fills in the value column; the sheet is then a valid reply.
awk -F, 'BEGIN { OFS = "," }
	/^_submitted,/ { sub(/,$/, ",2019-06-01") }
	/^has_law,/ { sub(/,$/, ",yes") }
	/^law_year,/ { sub(/,$/, ",2015") }
	/^offences,/ { sub(/,$/, ",illegal_access") }
	{ print }' "$T/sheet.csv" >"$T/XAD.csv"
run 0 "$QUIRE" validate forms/mini "$T/XAD.csv"
expect_status 'the filled sheet validates'

run 2 "$QUIRE" blank forms/mini
expect_status 'blank without --respondent is a usage error'
expect_err 'the missing option is named' <<'X'
quire blank: missing --respondent CODE
Try 'quire blank --help' for more information.
X

run 2 "$QUIRE" blank forms/mini --respondent ../x
expect_status 'an unsafe code is refused'

run 1 "$QUIRE" blank forms/mini --respondent XAD -o "$T/no/such/dir/sheet.csv"
expect_status 'an unwritable output fails'
expect_err 'the output is named' <<X
quire:$T/no/such/dir/sheet.csv: cannot write: No such file or directory
X

done_testing
