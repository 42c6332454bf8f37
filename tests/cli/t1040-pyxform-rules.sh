#!/bin/sh
# t1040: pyxform's rules, not stricter ones - cells that look empty, lists
# in two blocks, types that are not questions, labels with markup - and
# the checks quire keeps where pyxform has none.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

# Spaces a spreadsheet leaves in cells: no-break spaces (U+00A0, U+2007,
# U+202F) and an ideographic space (U+3000) around a type, a name and a
# list name; a row of nothing but such spaces is empty.  (U+FEFF is
# stripped too, tests/unit/test-form-text.c, but a CSV file holding one
# after its start is refused as two files joined, t9030.)
nb=$(printf '\302\240')
fig=$(printf '\342\200\207')
nnb=$(printf '\342\200\257')
ideo=$(printf '\343\200\200')
cat >spaces.csv <<X
survey,type,name,label
,${nb}select_one${nb}yn${fig},${nnb}has_law,Has your State a law?
,text${ideo},${nb}comments,Comments
,${nb},${nb}${nb},
choices,list_name,name,label
,yn${nb},${nb}yes,Yes
,yn,no${nnb},No
X
run 0 "$QUIRE" check spaces.csv
expect_status 'no-break spaces around types, names and list names are stripped'
expect_out 'the names, the type and the list read as if the spaces were not there' <<'X'
Form:      spaces
Id:        spaces
Version:   (none)
Languages: (unsuffixed columns) [default]
Questions: 2 in 1 part; 0 with skip logic, 0 with constraints, 0 required

Part 1 (2 questions: 1 select_one, 1 text)
  1      has_law                  select_one yn
         Has your State a law?
  2      comments                 text
         Comments

Choice lists:
  yn (2): yes = Yes; no = No
X

# A choices sheet with a header and no rows, or with nothing at all, or none.
printf 'survey,type,name,label\n,text,a,A\nchoices,list_name,name,label\n' >empty-choices.csv
run 0 "$QUIRE" check -q empty-choices.csv
expect_status 'an empty choices sheet is fine when no select needs it'
printf 'survey,type,name,label\n,text,a,A\nchoices\n' >bare-choices.csv
run 0 "$QUIRE" check -q bare-choices.csv
expect_status 'a choices sheet without even a header is fine when no select needs it'
mkdir dir
printf 'type,name,label\ntext,a,A\n' >dir/survey.csv
: >dir/choices.csv
run 0 "$QUIRE" check -q dir
expect_status 'an empty choices.csv is fine when no select needs it'
printf 'survey,type,name,label\n,select_one yn,a,A\nchoices,list_name,name,label\n' >needed.csv
run 1 "$QUIRE" check needed.csv
expect_status 'an empty choices sheet fails when a select needs a list'
expect_err 'the missing list is named' <<'X'
quire:needed.csv:2: list 'yn' is not defined in the choices sheet
X

# A list given in two blocks of rows is one list, its choices in row order.
cat >blocks.csv <<'X'
survey,type,name,label
,select_one yn,a,A
,select_one colour,b,B
choices,list_name,name,label
,yn,yes,Yes
,colour,red,Red
,yn,no,No
,yn,yes,Yes again
X
run 1 "$QUIRE" check blocks.csv
expect_status 'a choice repeated across the blocks of a list is still a duplicate'
expect_err 'the duplicate names the first row' <<'X'
quire:blocks.csv:8: duplicate choice 'yes' in list 'yn' (first in row 5)
X
sed '$d' blocks.csv >merged.csv
run 0 "$QUIRE" check merged.csv
expect_status 'a list in two blocks loads'
expect_grep 'its blocks are merged in order' 'yn (2): yes = Yes; no = No' "$OUT"

# Types that are not questions: metadata the device fills in, "hidden",
# the form's attachments.  They load, unnumbered and never asked; a
# leading group of metadata is no part of its own, and a repeat of
# metadata and notes is left out.
cat >meta.csv <<'X'
survey,type,name,label
,begin group,meta,Metadata
,start,start,
,end,end,
,today,today,
,deviceid,deviceid,
,end group,,
,hidden,form_kind,
,csv-external,states,
,xml-external,regions,
,background-audio,recording,
,subscriberid,subscriberid,
,simserial,simserial,
,phonenumber,phonenumber,
,username,username,
,email,email,
,audit,audit,
,start-geopoint,where,
,background-geopoint,track,
,begin group,law,Domestic law
,select_one yn,has_law,Has your State a law?
,end group,,
,begin repeat,visits,Visits
,start,visit_start,
,note,visit_note,A visit
,end repeat,,
,begin group,coop,Cooperation
,text,comments,Comments
,end group,,
choices,list_name,name,label
,yn,yes,Yes
,yn,no,No
X
run 0 "$QUIRE" check meta.csv
expect_status 'metadata, hidden, csv-external and background-audio load'
expect_out 'they are not numbered, and the metadata group is no part' <<'X'
Form:      meta
Id:        meta
Version:   (none)
Languages: (unsuffixed columns) [default]
Questions: 2 in 2 parts; 0 with skip logic, 0 with constraints, 0 required

Part 1 law: Domestic law (1 question: 1 select_one)
  -      start                    start
         start
  -      end                      end
         end
  -      today                    today
         today
  -      deviceid                 deviceid
         deviceid
  -      form_kind                hidden
         form_kind
  -      states                   csv-external
         states
  -      regions                  xml-external
         regions
  -      recording                background-audio
         recording
  -      subscriberid             subscriberid
         subscriberid
  -      simserial                simserial
         simserial
  -      phonenumber              phonenumber
         phonenumber
  -      username                 username
         username
  -      email                    email
         email
  -      audit                    audit
         audit
  -      where                    start-geopoint
         where
  -      track                    background-geopoint
         track
  1.1    has_law                  select_one yn
         Has your State a law?

Part 2 coop: Cooperation (1 question: 1 text)
  2.1    comments                 text
         Comments

Choice lists:
  yn (2): yes = Yes; no = No
X
run 0 "$QUIRE" blank meta.csv --respondent XAA
expect_status 'blank takes a form with metadata'
expect_out 'the answer sheet asks no metadata' <<'X'
name,question,choices,value
_respondent,Roster code of the replying State,,XAA
_submitted,Date the reply was received,"a date, YYYY-MM-DD",
_channel,"How the reply came (note verbale, e-mail, ...)",,
_form_version,Version of the questionnaire,,
has_law,1.1 Has your State a law?,yes = Yes; no = No,
comments,2.1 Comments,,
X

cat >repeat.csv <<'X'
survey,type,name,label
,text,a,A
,begin repeat,visits,Visits
,note,visit_note,A visit
,integer,visitors,Visitors
,end repeat,,
,begin repeat,stamps,Stamps
,begin group,inner,Inner
,start,stamp_start,
,end group,,
,end repeat,,
X
run 1 "$QUIRE" check repeat.csv
expect_status 'a repeat that asks something is refused'
expect_err 'only that repeat is named' <<'X'
quire:repeat.csv:3: 'begin repeat' is not supported: quire reads one row of answers per respondent, so repeat groups cannot be tabulated
X

# Labels and hints with HTML and markdown are shown as plain text
# everywhere people read them (check, blank, tab, JSON, enter, report).
cat >markup.csv <<'X'
survey,type,name,label,hint
,begin group,law,# Domestic **law**,
,select_one yn,has_law,"Has your State a <span style=""color:red"">cybercrime</span> law?",See [the model law](https://example.org/law) and _answer_ __once__
,text,has_law_note,*Notes* on ${has_law},
,end group,,,
choices,list_name,name,label
,yn,yes,**Yes**
,yn,no,<i>No</i>
X
run 0 "$QUIRE" check markup.csv
expect_status 'labels with markup load'
expect_out 'check shows labels, group labels and choice labels without markup' <<'X'
Form:      markup
Id:        markup
Version:   (none)
Languages: (unsuffixed columns) [default]
Questions: 2 in 1 part; 0 with skip logic, 0 with constraints, 0 required

Part 1 law: Domestic law (2 questions: 1 select_one, 1 text)
  1      has_law                  select_one yn
         Has your State a cybercrime law?
  2      has_law_note             text
         Notes on ${has_law}

Choice lists:
  yn (2): yes = Yes; no = No
X
run 0 "$QUIRE" blank markup.csv --respondent XAA
expect_out 'the answer sheet shows labels and hints without markup' <<'X'
name,question,choices,value
_respondent,Roster code of the replying State,,XAA
_submitted,Date the reply was received,"a date, YYYY-MM-DD",
_channel,"How the reply came (note verbale, e-mail, ...)",,
_form_version,Version of the questionnaire,,
has_law,1 Has your State a cybercrime law? (See the model law and answer once),yes = Yes; no = No,
has_law_note,2 Notes on ${has_law},,
X
reply r XAA 2019-05-01 has_law,yes
run 0 "$QUIRE" tab markup.csv r
expect_out 'tab shows labels without markup' <<'X'
markup (markup)
Replies included: 1

1 has_law: Has your State a cybercrime law? [select_one]
  n = 1 answered
    Yes                                          1    100%   [21%, 100%]
    No                                           0      0%   [0%, 79%]
  note: 1 answer is too few for the shares to mean much

2 has_law_note: Notes on ${has_law} [text]
  n = 0 answered (base 1; no answer 1)
X
run 0 "$QUIRE" tab --format json markup.csv r
expect_grep 'JSON labels are plain text' '"label": "Has your State a cybercrime law?",' "$OUT"
expect_grep 'JSON choice labels are plain text' '"label": "Yes",' "$OUT"
expect_no_grep 'no markup reaches JSON' '<span' "$OUT"

# Checks pyxform lacks: a literal tested against a select must be one of
# its choices; a range takes known parameters; a trigger names a
# question; types and lists are suggested; a reference to a question
# whose row was refused points at that row.
cat >checks.csv <<'X'
survey,type,name,label,relevant,constraint,calculation,parameters,trigger
,select_one law_kinds,law,Law,,,,,
,select_multiple offences,offences,Offences,${law} = 'comprehensiv',"not(selected(., 'non') and count-selected(.) > 1)",,,
,text,detail,Detail,"selected(${offences}, 'illegal_acess') or 'partial' = ${law}",,,,
,range,score,Score,,,,tart=1 end=5 stepp=1,
,calculate,c,,,,1,,${lwa}
,integr,year,Year,,,,,
,select_on law_kinds,law2,Law 2,,,,,
,select_one law_kind,law3,Law 3,,,,,
,text,after,After,${year} > 2000,,,,${year}
,text,t2,T2,${law} = '' or ${law} != 'partial',,,,law
,text,_submitted,Submitted,,,,,
,text,later,Later,${_submitted} = 'x',,,,
choices,list_name,name,label
,law_kinds,comprehensive,Comprehensive
,law_kinds,partial,Partial
,offences,illegal_access,Illegal access
,offences,none,None
X
run 1 "$QUIRE" check checks.csv
expect_status 'typos in choices, parameters, triggers, types and lists fail'
expect_err 'each is named with the likely intended word' <<'X'
quire:checks.csv:5: unknown range parameter 'tart'; did you mean 'start'?
quire:checks.csv:5: unknown range parameter 'stepp'; did you mean 'step'?
quire:checks.csv:7: unknown type 'integr'; did you mean 'integer'?
quire:checks.csv:8: unknown type 'select_on law_kinds'; did you mean 'select_one law_kinds'?
quire:checks.csv:9: list 'law_kind' is not defined in the choices sheet; did you mean 'law_kinds'?
quire:checks.csv:12: name '_submitted' is reserved for the reply metadata (_respondent, _submitted, _channel, _entered_by, _form_version, _note, _incomplete)
quire:checks.csv:3:10: relevant: 'comprehensiv' is not a choice of 'law' (list 'law_kinds'); did you mean 'comprehensive'?
    ${law} = 'comprehensiv'
             ^
quire:checks.csv:3:17: constraint: 'non' is not a choice of 'offences' (list 'offences'); did you mean 'none'?
    not(selected(., 'non') and count-selected(.) > 1)
                    ^
quire:checks.csv:4:23: relevant: 'illegal_acess' is not a choice of 'offences' (list 'offences'); did you mean 'illegal_access'?
    selected(${offences}, 'illegal_acess') or 'partial' = ${law}
                          ^
quire:checks.csv:10:1: relevant: unknown question 'year' (its row 7 was refused)
    ${year} > 2000
    ^
quire:checks.csv:13:1: relevant: unknown question '_submitted' (its row 12 was refused)
    ${_submitted} = 'x'
    ^
quire:checks.csv:6: trigger: unknown question 'lwa'; did you mean 'law'?
quire:checks.csv:10: trigger: unknown question 'year' (its row 7 was refused)
quire:checks.csv:11: trigger 'law' names no question (write ${name})
X
sed -e "s/'comprehensiv'/'comprehensive'/; s/'non'/'none'/; s/'illegal_acess'/'illegal_access'/" \
    -e 's/tart=1/start=1/; s/stepp=1/step=1/; s/,${lwa}$/,${law}/; s/,integr,/,integer,/' \
    -e 's/select_on law/select_one law/; s/law_kind,law3/law_kinds,law3/; s/,law$/,${law}/' \
    -e 's/_submitted/submitted_on/g' checks.csv >fixed.csv
run 0 "$QUIRE" check -q fixed.csv
expect_status 'the form loads once they are fixed'
printf 'survey,type,name,label,relevant\n,select_one yn or_other,q,Q,\n,text,r,R,${q} = '"'other'"'\nchoices,list_name,name,label\n,yn,yes,Yes\n' >other.csv
run 0 "$QUIRE" check -q other.csv
expect_status "'other' is a choice of an or_other select"

# A reply's value that is not a choice gets the same did-you-mean.
reply v XAA 2019-05-01 has_law,yse
run 1 "$QUIRE" validate markup.csv v
expect_status 'a misspelt choice in a reply fails'
expect_err 'the choice it was probably meant to be is named' <<'X'
quire:v/XAA.csv:4: has_law: 'yse' is not a choice (choices: yes, no); did you mean 'yes'?
quire: 1 problem in 1 of 1 reply
X

# enter shows the same plain labels and hints.
mkdir ed
printf '\n1\nSecretariat\n1\nsome notes\n' >enter.in
STDIN=enter.in
run 0 "$QUIRE" enter markup.csv --respondent XAB --data ed
unset STDIN
expect_status 'enter takes a form with markup'
expect_out 'enter prompts show labels and hints without markup' <<'X'
Reply of XAB to "markup".
A new reply: every answer is saved at once to ed/XAB.csv.
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

1 Has your State a cybercrime law?
  See the model law and answer once
  1) Yes   2) No
> 1

2 Notes on ${has_law}
> some notes

End of the questionnaire.
Saved ed/XAB.csv: 2 answers.
X

# A question asked in a repeat group, which quire refuses, is not "unknown"
# where it is used: the message says where it is.
cat >repeat.csv <<'X'
survey,type,name,label,calculation
,integer,size,Household size,
,begin repeat,members,Members,
,integer,age,Age,
,end repeat,,,
,calculate,oldest,,max(${age})
X
run 1 "$QUIRE" check repeat.csv
expect_status 'a form with a repeat group is refused'
expect_err 'a use of its question says it is in the repeat group' <<'X'
quire:repeat.csv:3: 'begin repeat' is not supported: quire reads one row of answers per respondent, so repeat groups cannot be tabulated
quire:repeat.csv:6:5: calculation: unknown question 'age' (it is asked in the repeat group of row 3, which was refused)
    max(${age})
        ^
X

# A form saved by a French or German spreadsheet: ';' between cells loads.
mkdir semicolons
printf 'type;name;label\nselect_one yn;has_law;A-t-il une loi, \303\251crite ?\ntext;comments;Commentaires\n' >semicolons/survey.csv
printf 'list_name;name;label\nyn;yes;Oui\nyn;no;Non\n' >semicolons/choices.csv
run 0 "$QUIRE" check semicolons
expect_status "a form whose sheets are separated by ';' loads"
expect_grep 'its label keeps its comma' 'A-t-il une loi, écrite ?' "$OUT"
expect_grep 'its choices are read' 'yn (2): yes = Oui; no = Non' "$OUT"
# ... and in Windows-1252, the message says how to save it.
printf 'type;name;label\nselect_one yn;has_law;Loi \351crite ?\n' >semicolons/survey.csv
run 1 "$QUIRE" check semicolons
expect_status 'a form in Windows-1252 is refused'
expect_err 'with the encoding named and the fix' <<'X'
quire:semicolons/survey.csv:2: invalid UTF-8 in column 3 (byte 5 of the field): the file seems to be Windows-1252 (Latin-1), in which it reads 'Loi écrite ?'; save it as "CSV UTF-8 (comma delimited)"
X

# required = T: pyxform passes a bare name on as XPath, which finds nothing,
# so ODK does not require the answer; quire reads it so, and says so.
cat >bare-required.csv <<'X'
survey,type,name,label,required
,text,a,A,T
,text,b,B,true()
X
run 0 "$QUIRE" check bare-required.csv
expect_status 'a bare name in required loads'
expect_grep 'one question is required' '0 with constraints, 1 required' "$OUT"
expect_err 'the bare name is named with what ODK does' <<'X'
quire:bare-required.csv:2: warning: required: 'T' is neither yes nor no; ODK reads it as a path to nothing, so the question is not required (write yes to require an answer)
X

# Names in any script, as pyxform allows; the outline lines them up by the
# cells a terminal gives them, not by bytes.
cat >scripts.csv <<'X'
survey,type,name,label
,text,âge,Âge
,text,年龄,Age in Chinese
,text,age,Age
X
run 0 "$QUIRE" check scripts.csv
expect_status 'names in other scripts load'
expect_grep 'an accented name is padded by its characters' '  1      âge                      text' "$OUT"
expect_grep 'a Chinese name by its double-width cells' '  2      年龄                     text' "$OUT"
expect_grep 'as a plain one' '  3      age                      text' "$OUT"

done_testing
