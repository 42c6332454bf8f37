#!/bin/sh
# t1000: quire check - outline of a valid form, every error of a broken one
. "$top_srcdir/tests/lib.sh"
F=$QUIRE_TEST_DATA/forms

run 0 "$QUIRE" check "$F/mini"
expect_status 'a valid form passes'
expect_out 'the outline lists parts, questions, skip logic and lists' <<'X'
Form:      Mini cybercrime questionnaire
Id:        mini
Version:   2019050101
Languages: English (en) [default], French (fr)
Questions: 6 in 2 parts; 2 with skip logic, 3 with constraints, 1 required

Part 1 law: Domestic law (3 questions: 1 select_one, 1 select_multiple, 1 integer)
  1.1    has_law                  select_one yn  required
         Has your State a cybercrime law?
  1.2    law_year                 integer
         Year of adoption
         asked if ${has_law} = 'yes'
         valid if . >= 1970 and . <= 2019
  1.3    offences                 select_multiple offences
         Offences covered
         asked if ${has_law} = 'yes'
         valid if not(selected(., 'none') and count-selected(.) > 1)

Part 2 coop: Cooperation (3 questions: 1 select_one, 1 text, 1 date)
  2.1    budapest                 select_one treaty
         Budapest Convention
  2.2    reply_date               date
         Date of reply
         valid if . <= today()
  2.3    comments                 text
         Comments
  -      is_party                 calculate
         is_party
         = if(${budapest} = 'party' and ${has_law} = 'yes', 'yes', 'no')
  -      thanks                   note
         Thank you

Choice lists:
  yn (2): yes = Yes; no = No
  offences (3): illegal_access = Illegal access; interception = Illegal interception; none = None of these
  treaty (3): party = Party; signed = Signed only; no = Not a party
X

# The mini form has French labels but its summary phrases only in English:
# a document in French would lack them, and check --lang says which.
run 1 "$QUIRE" check --lang fr "$F/mini"
expect_status '--lang fr is accepted, and the texts French lacks fail the check'
expect_grep '--lang fr prints French labels' "Votre État a-t-il une loi sur la cybercriminalité ?" "$OUT"
expect_grep '--lang fr prints French part titles' "Part 2 coop: Coopération" "$OUT"
expect_err 'each text a French document needs is listed at its row, for its translator' <<X
quire:$F/mini/choices.csv:2: yes: no text in column 'summary::French (fr)'
quire:$F/mini/choices.csv:3: no: no text in column 'summary::French (fr)'
quire:$F/mini/survey.csv:8: budapest: no text in column 'summary::French (fr)'
X

run 1 "$QUIRE" check --lang French "$F/mini"
expect_status '--lang accepts the language name'

# With the summaries translated, a French document lacks nothing.
cd "$T" || exit 1
mkdir full
awk 'NR == 1 { print $0 ",summary::French (fr)"; next }
	/^select_one treaty,budapest,/ { print $0 ",étaient parties à la Convention de Budapest"; next }
	{ print $0 "," }' "$F/mini/survey.csv" >full/survey.csv
cp "$F/mini/settings.csv" full/ 2>/dev/null || true
awk -F, 'NR == 1 { print $0 ",summary::French (fr)"; next }
	$1 == "yn" && $2 == "yes" { print $0 ",avaient une loi sur la cybercriminalité"; next }
	$1 == "yn" && $2 == "no" { print $0 ",n’avaient pas de loi sur la cybercriminalité"; next }
	{ print $0 "," }' "$F/mini/choices.csv" >full/choices.csv
run 0 "$QUIRE" check -q --lang fr full
expect_status 'a form with every French text passes check --lang fr'
expect_err 'and nothing is said' </dev/null

# A language whose name gives no code cannot be written: quire has no catalog to choose.
mkdir nocode
sed '1s/label::French (fr)/label::Français/' full/survey.csv | sed '1s/summary::French (fr)/summary::Français/' >nocode/survey.csv
sed '1s/label::French (fr)/label::Français/' full/choices.csv | sed '1s/summary::French (fr)/summary::Français/' >nocode/choices.csv
run 1 "$QUIRE" check -q --lang Français nocode
expect_err 'a language without a code is named' <<X
quire:nocode/survey.csv:1: language 'Français' has no code, as in 'French (fr)': quire needs one to write its own words in it
X

run 2 "$QUIRE" check --lang de "$F/mini"
expect_status 'an unknown language is a usage error'
expect_err 'an unknown language is named' <<'X'
quire check: unknown language 'de' (the form has: English (en), French (fr))
Try 'quire check --help' for more information.
X

run 0 "$QUIRE" check -q "$F/mini"
expect_status '--quiet passes'
expect_out '--quiet prints nothing' </dev/null

run 1 "$QUIRE" check "$F/errors.csv"
expect_status 'a broken form fails'
sed "s|$F/||" "$ERR" >"$T/err"
compare 'every problem is listed with its row' "$T/err" <<'X'
quire:errors.csv:23: duplicate choice 'red' in list 'colours' (first in row 21)
quire:errors.csv:4: unknown type 'multiple_choice x'
quire:errors.csv:5: list 'ynx' is not defined in the choices sheet
quire:errors.csv:6: duplicate name 'intro' (first used in row 2)
quire:errors.csv:7: invalid name '2fast': a name starts with a letter or '_' and holds only letters, digits, '-', '.' and '_'
quire:errors.csv:11: 'end group' without a matching 'begin group'
quire:errors.csv:12: 'begin repeat' is not supported: quire reads one row of answers per respondent, so repeat groups cannot be tabulated
quire:errors.csv:18: group 'open' is not closed (no 'end group')
quire:errors.csv:22: choice name 'light blue' in list 'colours' contains a space, which select_multiple 'favourites' cannot store
quire:errors.csv:8:1: relevant: unknown question 'nowhere'
    ${nowhere} = 'x'
    ^
quire:errors.csv:9:21: relevant: unexpected end of expression
    ${intro} = 'x' and (
                        ^
quire:errors.csv:10:1: calculation: unknown function 'frobnicate'
    frobnicate(${q5})
    ^
quire:errors.csv:16: 'a' depends on itself through relevant or calculation: a -> b -> a
X
expect_out 'a broken form prints no outline' </dev/null

run 1 "$QUIRE" check "$T/nonexistent"
expect_status 'a missing form fails'
expect_err 'a missing form is named' <<X
quire:$T/nonexistent: cannot open: No such file or directory
X

mkdir "$T/empty"
run 1 "$QUIRE" check "$T/empty"
expect_status 'a directory without survey.csv fails'
expect_err 'the missing survey.csv is named' <<X
quire:$T/empty: no survey.csv in the form directory
X

printf 'name,value\nx,1\n' >"$T/data.csv"
run 1 "$QUIRE" check "$T/data.csv"
expect_status 'a CSV that is not a form fails'
expect_err 'a CSV that is not a form is explained' <<X
quire:$T/data.csv:1: not a single-file XLSForm: the first column must name the sheets (survey, choices, settings), not 'name'
X

mkdir "$T/uncomputed"
cat >"$T/uncomputed/survey.csv" <<'X'
type,name,label,calculation,relevant
integer,n,N,,
calculate,price,,"pulldata('prices', 'p', 'id', ${n})",
calculate,total,,${price} * 2,
calculate,twice,,${n} * 2,
calculate,before,,${last-saved#n},
text,why,Why,,${twice} > 2
X
run 0 "$QUIRE" check -q "$T/uncomputed"
expect_status 'a calculation quire cannot evaluate does not refuse the form'
expect_err 'one warning names every calculation not computed, and those that use one' <<X
quire:$T/uncomputed/survey.csv: warning: calculations quire cannot evaluate are not computed, and left out of tables: row 3 'price' (unknown function 'pulldata'), row 6 'before' ('\${last-saved#...}' is not supported), row 4 'total' (uses 'price')
X
run 0 "$QUIRE" check "$T/uncomputed"
expect_grep 'the outline marks a calculation not computed' "= \${price} * 2  (not computed)" "$OUT"
expect_no_grep 'and not one that is computed' "= \${n} * 2  (not computed)" "$OUT"

cat >"$T/uncomputed/survey.csv" <<'X'
type,name,label,calculation,relevant,constraint
integer,n,N,,,
calculate,price,,"pulldata('prices', 'p', 'id', ${n})",,
text,why,Why,,${price} > 2,
integer,m,M,,"pulldata('prices', 'p', 'id', ${n}) = 1",
integer,k,K,,,. < ${price}
X
run 1 "$QUIRE" check -q "$T/uncomputed"
expect_status 'a relevant or constraint quire cannot evaluate is an error'
expect_err 'it names the row, and the calculation it uses' <<X
quire:$T/uncomputed/survey.csv:5:1: relevant: unknown function 'pulldata'
    pulldata('prices', 'p', 'id', \${n}) = 1
    ^
quire:$T/uncomputed/survey.csv:4: relevant uses 'price', whose calculation quire cannot evaluate
quire:$T/uncomputed/survey.csv:6: constraint uses 'price', whose calculation quire cannot evaluate
quire:$T/uncomputed/survey.csv: warning: calculations quire cannot evaluate are not computed, and left out of tables: row 3 'price' (unknown function 'pulldata')
X

run 2 "$QUIRE" check
expect_status 'check without FORM is a usage error'
expect_err 'check without FORM says so' <<'X'
quire check: missing FORM
Try 'quire check --help' for more information.
X

run 0 "$QUIRE" check --help
expect_status 'check --help exits 0'
expect_grep 'check --help shows usage' 'Usage: quire check [OPTIONS] FORM' "$OUT"

done_testing
