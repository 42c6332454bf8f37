#!/bin/sh
# t1050: choice_filter and instance() lookups on the form's own choice
# lists - what check refuses, what validate refuses, what enter offers.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

# Cascading selects: a district is offered when its state column is the
# state answered; the lookups read a district's label and state.
cat >cascade.csv <<'X'
survey,type,name,label,choice_filter,calculation,relevant
,select_one state,state,State,,,
,select_one district,district,District,state = ${state},,
,calculate,district_label,,,"instance('district')/root/item[name = ${district}]/label",
,text,why_paris,Why Paris?,,,"instance('district')/root/item[name = ${district}]/state = 'idf'"
,select_multiple district,visited,Districts visited,state = ${state} or name = 'berlin',,
choices,list_name,name,label,state
,state,bavaria,Bavaria,
,state,idf,Ile-de-France,
,district,munich,Munich,bavaria
,district,nuremberg,Nuremberg,bavaria
,district,paris,Paris,idf
,district,berlin,Berlin,
X
run 0 "$QUIRE" check cascade.csv
expect_status 'a form with choice filters and lookups passes'
expect_out 'the outline shows each filter; a lookup is computed, not marked otherwise' <<'X'
Form:      cascade
Id:        cascade
Version:   (none)
Languages: (unsuffixed columns) [default]
Questions: 4 in 1 part; 1 with skip logic, 0 with constraints, 0 required

Part 1 (4 questions: 2 select_one, 1 select_multiple, 1 text)
  1      state                    select_one state
         State
  2      district                 select_one district
         District
         choices where state = ${state}
  -      district_label           calculate
         district_label
         = instance('district')/root/item[name = ${district}]/label
  3      why_paris                text
         Why Paris?
         asked if instance('district')/root/item[name = ${district}]/state = 'idf'
  4      visited                  select_multiple district
         Districts visited
         choices where state = ${state} or name = 'berlin'

Choice lists:
  state (2): bavaria = Bavaria; idf = Ile-de-France
  district (4): munich = Munich; nuremberg = Nuremberg; paris = Paris; berlin = Berlin
X
expect_err 'and no warning' </dev/null

cat >bad.csv <<'X'
survey,type,name,label,choice_filter,calculation
,select_one state,state,State,,
,select_one district,district,District,stat = ${state},
,select_one district,d2,District 2,"pulldata('a', 'b', 'c', name) = 1",
,select_one district,d3,District 3,state = ${stat},
,calculate,c1,,,"instance('distrikt')/root/item[name = ${district}]/label"
,calculate,c2,,,"instance('district')/root/item[name = ${district}]/lable"
choices,list_name,name,label,state
,state,bavaria,Bavaria,
,district,munich,Munich,bavaria
X
run 1 "$QUIRE" check bad.csv
expect_status 'unknown columns, lists and functions in filters and lookups refuse the form'
expect_err 'each is named with a caret, and the name it was probably meant to be' <<'X'
quire:bad.csv:3:1: choice_filter: unknown choice column 'stat' of list 'district'; did you mean 'state'?
    stat = ${state}
    ^
quire:bad.csv:4:1: choice_filter: unknown function 'pulldata'
    pulldata('a', 'b', 'c', name) = 1
    ^
quire:bad.csv:5:9: choice_filter: unknown question 'stat'; did you mean 'state'?
    state = ${stat}
            ^
quire:bad.csv:6:10: calculation: unknown choice list 'distrikt'; did you mean 'district'?
    instance('distrikt')/root/item[name = ${district}]/label
             ^
quire:bad.csv:7:52: calculation: unknown choice column 'lable' of list 'district'; did you mean 'label'?
    instance('district')/root/item[name = ${district}]/lable
                                                       ^
X

# validate: a choice the filter leaves out, and a question whose
# relevant reads a lookup.
reply v XAD 2019-06-01 state,bavaria district,paris 'visited,munich paris berlin'
reply v XAE 2019-06-01 state,idf district,paris 'why_paris,The food' 'visited,paris berlin'
reply v XAF 2019-06-01 state,bavaria district,munich 'why_paris,Beer'
run 1 "$QUIRE" validate cascade.csv v
expect_status 'a choice the filter leaves out fails validation'
expect_err 'each such choice is named, with the filter and the answers it read' <<'X'
quire:v/XAD.csv:5: district: 'paris' is not offered: choice_filter "state = ${state}" leaves it out (state is 'bavaria')
quire:v/XAD.csv:6: visited: 'paris' is not offered: choice_filter "state = ${state} or name = 'berlin'" leaves it out (state is 'bavaria')
quire:v/XAF.csv:6: why_paris: answered, but the question does not apply to this reply (relevant: instance('district')/root/item[name = ${district}]/state = 'idf')
quire: 3 problems in 2 of 3 replies
X

# enter: only the choices offered are shown and numbered; a name the
# filter leaves out is refused.
printf '%s\n' '' 1 Secretariat 2 3 munich 1 Because 'paris 2' >in
STDIN=$T/in
export STDIN
mkdir data
run 0 "$QUIRE" enter cascade.csv --respondent XAG --data data
expect_status 'an entry with filtered choices succeeds'
expect_out 'the districts of the state answered are shown, numbered from 1' <<'X'
Reply of XAG to "cascade".
A new reply: every answer is saved at once to data/XAG.csv.
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

1 State
  1) Bavaria   2) Ile-de-France
> 2

2 District
  1) Paris
> 3
  ! '3' is not a choice: type a number from 1 to 1
> munich
  ! 'munich' is not offered here (choice_filter state = ${state})
> 1

3 Why Paris?
> Because

4 Districts visited (one or more, separated by spaces)
  1) Paris   2) Berlin
> paris 2

End of the questionnaire.
Saved data/XAG.csv: 4 answers.
X
run 0 "$QUIRE" validate cascade.csv data
expect_status 'the reply entered passes validation'

# Going back to change the state removes the district it no longer
# offers, and asks for it again among the districts of the new state.
printf '%s\n' '' 1 Secretariat 2 1 Food '<' '<' '<' 1 '' 2 >in
run 0 "$QUIRE" enter cascade.csv --respondent XAH --data data
expect_status 'changing the state succeeds'
sed -n '/^2 District/,$p' "$OUT" | sed 1,4d >tail
compare 'a district the new state does not offer is removed and asked again' tail <<'X'
3 Why Paris?
> Food

4 Districts visited (one or more, separated by spaces)
  1) Paris   2) Berlin
> <

3 Why Paris?
  [default: Food]
> <

2 District
  1) Paris
  [default: 1) Paris]
> <

1 State
  1) Bavaria   2) Ile-de-France
  [default: 2) Ile-de-France]
> 1
  Removed 1 answer that no longer applies:
    3 Why Paris?: Food
  Removed 1 answer that no longer meets the form's conditions; it will be asked again:
    2 District: Paris

2 District
  1) Munich   2) Nuremberg
> 

4 Districts visited (one or more, separated by spaces)
  1) Munich   2) Nuremberg   3) Berlin
> 2

End of the questionnaire.
Saved data/XAH.csv: 2 answers.
X
run 0 "$QUIRE" validate cascade.csv data
expect_status 'both replies entered pass validation'

# Relative paths, as pyxform writes ${name}: ../x from a question is its
# sibling x, current()/.. in a choice_filter starts from the question.
cat >rel.csv <<'X'
survey,type,name,label,choice_filter,calculation,relevant,constraint
,select_one state,state,State,,,,
,text,top,Top,,,,
,begin group,g,Group,,,../top != 'skip',
,text,in_g,In g,,,,
,select_one district,district,District,state = current()/../../state,,,
,integer,n,N,,,../in_g != '',. > 0 and current() < 100
,calculate,c,,,"concat(../in_g, '!')",,
,end group,,,,,,
,calculate,c2,,,"concat(../state, '?')",,
choices,list_name,name,label,state
,state,bavaria,Bavaria,
,district,munich,Munich,bavaria
,district,paris,Paris,idf
X
run 0 "$QUIRE" check --quiet rel.csv
expect_status 'relative paths to questions are read'
reply r XAD 2019-06-01 state,bavaria top,skip in_g,x
reply r XAE 2019-06-01 state,bavaria top,t in_g,x district,paris n,500
run 1 "$QUIRE" validate rel.csv r
expect_status 'replies are judged through relative paths'
expect_err 'as ${name} would judge them' <<'X'
quire:r/XAD.csv:6: in_g: answered, but the question does not apply to this reply (relevant: ../top != 'skip')
quire:r/XAE.csv:7: district: 'paris' is not offered: choice_filter "state = current()/../../state" leaves it out (state is 'bavaria')
quire:r/XAE.csv:8: n: '500' breaks the constraint . > 0 and current() < 100
quire: 3 problems in 2 of 2 replies
X
run 0 "$QUIRE" export rel.csv r
expect_status 'export computes the calculations'
expect_grep 'a calculation reads its sibling and the root' 'XAE,2019-06-01,bavaria,t,x,paris,500,x!,bavaria?' "$OUT"

cat >relbad.csv <<'X'
survey,type,name,label,choice_filter,calculation
,select_one state,state,State,,
,calculate,c3,,,"concat(./x, '!')"
,select_one state,d2,D2,../name = 'x',
choices,list_name,name,label
,state,bavaria,Bavaria
X
run 1 "$QUIRE" check relbad.csv
expect_status 'a relative path to no question refuses the form'
expect_err 'it is named, and a filter path from the choice is explained' <<'X'
quire:relbad.csv:3:8: calculation: './x' names no question
    concat(./x, '!')
           ^
quire:relbad.csv:4:1: choice_filter: in a choice_filter a relative path starts from the choice; write current()/.. or ${name}
    ../name = 'x'
    ^
X

# The answer sheet: a filter that reads an answer is said after the list,
# with the question by its number; one that reads none lists only what it offers.
cat >sheet.csv <<'X'
survey,type,name,label,choice_filter
,select_one state,state,State,
,select_one district,district,District,state = ${state}
,select_one district,near,Nearest big city,state = 'idf' or name = 'munich'
choices,list_name,name,label,state
,state,bavaria,Bavaria,
,state,idf,Ile-de-France,
,district,munich,Munich,bavaria
,district,nuremberg,Nuremberg,bavaria
,district,paris,Paris,idf
X
run 0 "$QUIRE" blank sheet.csv --respondent XAA
expect_status 'blank writes the sheet of a filtered form'
expect_out 'the filters are said or applied' <<'X'
name,question,choices,value
_respondent,Roster code of the replying State,,XAA
_submitted,Date the reply was received,"a date, YYYY-MM-DD",
_channel,"How the reply came (note verbale, e-mail, ...)",,
_form_version,Version of the questionnaire,,
state,1 State,bavaria = Bavaria; idf = Ile-de-France,
district,2 District,munich = Munich; nuremberg = Nuremberg; paris = Paris [offered only where state = 1],
near,3 Nearest big city,munich = Munich; paris = Paris,
X

done_testing
