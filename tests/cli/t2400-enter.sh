#!/bin/sh
# t2400: quire enter through a pipe - entry, skip logic, back, resume, --edit
. "$top_srcdir/tests/lib.sh"
F=$QUIRE_TEST_DATA/forms/mini
cd "$T" || exit 1
mkdir data

# answers FILE: standard input for the next run, one answer a line.
answers() {
	cat >"$T/in"
	STDIN=$T/in
	export STDIN
}

answers <<'X'

1
Secretariat
maybe
1
?
1960
2012
1 3
1 2
-
2019-04-30
We welcome the questionnaire; our law is "under review".
X
run 0 "$QUIRE" enter "$F" --respondent XAD --data data
expect_status 'a full entry through a pipe succeeds'
expect_out 'each question shows its part, number, label, hint and choices' <<'X'
Reply of XAD to "Mini cybercrime questionnaire" (version 2019050101).
A new reply: every answer is saved at once to data/XAD.csv.
Type ? for help, < to go back, - to skip a question, q to save and quit.

== Receipt of the reply ==

Date the reply was received (YYYY-MM-DD)
  [default: 2019-09-02]
> 
How the reply came
  1) note verbale   2) e-mail   3) letter   or type another
> 1
Entered by (your name)
> Secretariat

== Part 1: Domestic law ==

1.1 Has your State a cybercrime law? (required)
  1) Yes   2) No
> maybe
  ! 'maybe' is not a choice: type a number from 1 to 2 or a name (yes, no)
> 1

1.2 Year of adoption (a whole number)
  Four digits
> ?
  law_year: type a whole number.
  Condition: Give a year between 1970 and 2019
  Asked when: 1.1 = 'yes'
  Enter alone keeps the default; - leaves the question unanswered; < goes
  back; q saves and quits. To answer -, <, ? or q as text, type \ before it.
> 1960
  ! Give a year between 1970 and 2019
> 2012

1.3 Offences covered (one or more, separated by spaces)
  1) Illegal access   2) Illegal interception   3) None of these
> 1 3
  ! 'None' excludes other offences
> 1 2

== Part 2: Cooperation ==

2.1 Budapest Convention
  1) Party   2) Signed only   3) Not a party
> -

2.2 Date of reply (a date, YYYY-MM-DD)
> 2019-04-30

2.3 Comments
> We welcome the questionnaire; our law is "under review".

Thank you

End of the questionnaire.
Saved data/XAD.csv: 5 answers.
X
expect_err 'nothing is written to standard error' </dev/null
compare 'the reply holds the answers, the skipped one left out' data/XAD.csv <<'X'
name,value
_respondent,XAD
_submitted,2019-09-02
_channel,note verbale
_entered_by,Secretariat
_form_version,2019050101
has_law,yes
law_year,2012
offences,illegal_access interception
reply_date,2019-04-30
comments,"We welcome the questionnaire; our law is ""under review""."
X
run 0 "$QUIRE" validate "$F" data/XAD.csv
expect_status 'the entered reply validates'
cp data/XAD.csv "$T/full.csv"

# Resume: the answers are the defaults; Enter keeps them all.
answers <<'X'









X
run 0 "$QUIRE" enter "$F" --respondent XAD --data data
expect_status 'resuming succeeds'
expect_grep 'resuming says how many answers there are' 'Resuming data/XAD.csv: 5 answers so far; Enter keeps an answer.' "$OUT"
expect_grep 'a choice default is shown with its number and label' '  [default: 1) Illegal access, 2) Illegal interception]' "$OUT"
expect_grep 'a metadata default is shown' '  [default: note verbale]' "$OUT"
expect_grep 'no changes, nothing saved' 'No changes to data/XAD.csv: 5 answers.' "$OUT"
expect_true 'Enter alone keeps every answer' cmp -s "$T/full.csv" data/XAD.csv

# Back, and a change that removes the answers that no longer apply.
answers <<'X'



1
2012
<
<
2
X
run 0 "$QUIRE" enter "$F" --respondent XAD --data data
expect_status 'going back succeeds'
expect_grep '< goes back to the previous question' '1.1 Has your State a cybercrime law? (required)' "$OUT"
expect_out_tail() {
	tail -n "$2" "$OUT" >"$T/.tail"
	compare "$1" "$T/.tail"
}
expect_out_tail 'the removed answers are listed; the walk goes on after the change' 14 <<'X'
1.1 Has your State a cybercrime law? (required)
  1) Yes   2) No
  [default: 1) Yes]
> 2
  Removed 2 answers that no longer apply:
    1.2 Year of adoption: 2012
    1.3 Offences covered: 1) Illegal access, 2) Illegal interception

== Part 2: Cooperation ==

2.1 Budapest Convention
  1) Party   2) Signed only   3) Not a party
> 
Saved data/XAD.csv: 3 answers.
X
compare 'the answers that no longer apply are gone from the file' data/XAD.csv <<'X'
name,value
_respondent,XAD
_submitted,2019-09-02
_channel,note verbale
_entered_by,Secretariat
_form_version,2019050101
has_law,no
reply_date,2019-04-30
comments,"We welcome the questionnaire; our law is ""under review""."
X
run 0 "$QUIRE" validate "$F" data/XAD.csv
expect_status 'the reply validates after the change'

# --edit NAME starts at one question; end of input saves and stops.
answers <<'X'
1
2015
X
run 0 "$QUIRE" enter "$F" --respondent XAD --data data --edit has_law
expect_status '--edit succeeds'
expect_no_grep '--edit skips the questions before NAME' 'Date the reply was received' "$OUT"
expect_grep '--edit shows the current answer' '  [default: 2) No]' "$OUT"
expect_grep 'end of input saves' 'Saved data/XAD.csv: 4 answers.' "$OUT"
compare 'the edited answer and its follow-up are saved' data/XAD.csv <<'X'
name,value
_respondent,XAD
_submitted,2019-09-02
_channel,note verbale
_entered_by,Secretariat
_form_version,2019050101
has_law,yes
law_year,2015
reply_date,2019-04-30
comments,"We welcome the questionnaire; our law is ""under review""."
X

answers <<'X'
\q
X
run 0 "$QUIRE" enter "$F" --respondent XAD --data data --edit comments
expect_status 'a text answer may be q'
expect_grep 'a text answer of q is typed \q' 'comments,q' data/XAD.csv

answers <<'X'


q
X
run 0 "$QUIRE" enter "$F" --respondent XAD --data data --edit has_law
expect_status 'q quits'
expect_no_grep 'q stops before the end' '2.1 Budapest Convention' "$OUT"

answers <<'X'
2018
2019-06-28
X
run 0 "$QUIRE" enter "$F" --respondent XAD --data data --edit _submitted
expect_status '--edit takes a metadata field'
expect_grep 'a date is checked' "  ! '2018' is not a date (YYYY-MM-DD)" "$OUT"
expect_grep 'the date received is changed' '_submitted,2019-06-28' data/XAD.csv

# Required answers: refused when skipped; at end of input the reply is
# saved as it is, marked _incomplete, and still validates.
answers <<'X'
2019-06-30
e-mail

-

X
run 0 "$QUIRE" enter "$F" --respondent XAE --data data
expect_status 'an unfinished entry ends cleanly at end of input'
expect_grep 'a required question cannot be skipped' '  ! an answer is required' "$OUT"
expect_out_tail 'the missing answer is named' 2 <<'X'
Saved data/XAE.csv: 0 answers. Not finished: 1 required question is unanswered
(1.1); the reply is marked _incomplete until it is answered.
X
compare 'the unfinished reply is marked _incomplete' data/XAE.csv <<'X'
name,value
_respondent,XAE
_submitted,2019-06-30
_channel,e-mail
_form_version,2019050101
_incomplete,yes
X
run 0 "$QUIRE" validate "$F" data/XAE.csv
expect_status 'the unfinished reply validates'

answers <<'X'



2
X
run 0 "$QUIRE" enter "$F" --respondent XAE --data data
expect_status 'the unfinished reply is resumed'
expect_no_grep 'the mark goes once the required answers are in' '_incomplete' data/XAE.csv

# Nothing typed, nothing written.
answers </dev/null
run 0 "$QUIRE" enter "$F" --respondent XAF --data data
expect_status 'end of input at once is not an error'
expect_out_tail 'nothing is written' 1 <<'X'
Nothing entered; no file written.
X
expect_true 'no file for XAF' test ! -e data/XAF.csv

# Another language.
answers <<'X'
q
X
run 0 "$QUIRE" enter "$F" --respondent XAD --data data --lang fr --edit has_law
expect_grep '--lang fr asks in French' '1.1 Votre État a-t-il une loi sur la cybercriminalité ? (required)' "$OUT"
expect_grep 'the choices are in French' '  1) Oui   2) Non' "$OUT"
STDIN=/dev/null

# Errors.
run 2 "$QUIRE" enter "$F" --respondent XAD
expect_status 'enter without --data is a usage error'
expect_err 'the missing option is named' <<'X'
quire enter: missing --data DIR
Try 'quire enter --help' for more information.
X
run 2 "$QUIRE" enter "$F" --respondent ../x --data data
expect_status 'an unsafe code is refused'
run 1 "$QUIRE" enter "$F" --respondent XAD --data nowhere
expect_status 'a missing directory is an error'
expect_err 'the directory is named' <<'X'
quire:nowhere: no such directory: create it first
X
run 2 "$QUIRE" enter "$F" --respondent XAD --data data --edit nope
expect_status '--edit of an unknown question is a usage error'
run 2 "$QUIRE" enter "$F" --respondent XAD --data data --edit thanks
expect_status '--edit of a note is a usage error'
expect_err 'a note takes no answer' <<'X'
quire enter: --edit: 'thanks' is a note and takes no answer
Try 'quire enter --help' for more information.
X
run 1 "$QUIRE" enter "$F" --respondent XAG --data data --edit has_law
expect_status '--edit needs a reply'
"$QUIRE" enter "$F" --respondent XAD --data data --edit has_law >/dev/null 2>&1 <<'X'
2
X
run 1 "$QUIRE" enter "$F" --respondent XAD --data data --edit law_year
expect_status '--edit of a question that does not apply fails'
expect_err 'the condition is given' <<'X'
quire:data/XAD.csv: law_year does not apply to this reply (relevant: ${has_law} = 'yes')
X

printf 'name,value\n_respondent,XAB\n_submitted,2019-06-30\n' >data/XAH.csv
run 1 "$QUIRE" enter "$F" --respondent XAH --data data
expect_status 'a file of another respondent is not resumed'
expect_err 'the code in the file is named' <<'X'
quire:data/XAH.csv:2: _respondent is 'XAB', not 'XAH'
X
printf 'name,value\n_respondent,XAI\n_submitted,2019-06-30\nhas_lwa,yes\n' >data/XAI.csv
run 1 "$QUIRE" enter "$F" --respondent XAI --data data
expect_status 'a reply with rows quire cannot keep is not resumed'
expect_err 'the rows are named first' <<'X'
quire:data/XAI.csv:4: unknown question 'has_lwa'; did you mean 'has_law'?
quire:data/XAI.csv: cannot resume: quire enter would drop the 1 row above; correct it first
X

# A reply written by hand with a wrong answer: the walk asks for it again.
printf 'name,value\n_respondent,XAJ\n_submitted,2019-06-30\nhas_law,yes\nlaw_year,1960\n' >data/XAJ.csv
answers <<'X'

2012
X
run 0 "$QUIRE" enter "$F" --respondent XAJ --data data --edit law_year
expect_status 'a reply with a wrong answer is resumed'
expect_grep 'the wrong answer is pointed out' '  ! the current answer is not valid: Give a year between 1970 and 2019' "$OUT"
expect_grep 'Enter does not keep a wrong answer' '  ! Give a year between 1970 and 2019' "$OUT"
expect_grep 'the new answer replaces it' 'law_year,2012' data/XAJ.csv

done_testing
