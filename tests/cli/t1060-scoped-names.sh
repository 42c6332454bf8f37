#!/bin/sh
# t1060: names are scoped by group, as pyxform scopes them - two groups may
# each have a 'name'; such a question is keyed by its path (hh/name) in
# replies, exports, tables and -q, and ${name} may not refer to it
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

mkdir form
cat >form/survey.csv <<'X'
type,name,label,relevant
begin group,hh,Household,
text,name,Name of the head,
integer,size,Household size,
end group,,,
begin group,person,Person,
text,name,Name of the person,
select_one yn,sex,Sex of the person,
end group,,,
select_one yn,sex,Sex of the head,
text,done,Done,${size} > 0
X
cat >form/choices.csv <<'X'
list_name,name,label
yn,yes,Yes
yn,no,No
X

run 0 "$QUIRE" check form
expect_status 'a name in two groups passes'
expect_grep 'the outline lists the first by its path' '1.1    hh/name                  text' "$OUT"
expect_grep 'and the second' '2.1    person/name              text' "$OUT"
expect_grep 'a name shared with a question outside any group too' \
	'2.2    person/sex               select_one yn' "$OUT"
expect_grep 'which keeps its name' '3.1    sex                      select_one yn' "$OUT"
expect_grep 'a name used once keeps its name' '1.2    size                     integer' "$OUT"

reply replies XAA 2019-05-01 'hh/name,Ann' 'size,3' 'person/name,Bob' 'person/sex,no' \
	'sex,yes' 'done,ok'
reply replies XAB 2019-05-02 'hh/name,Cy' 'size,1' 'sex,no'
run 0 "$QUIRE" validate form replies
expect_status 'a reply answering hh/name and person/name validates'

reply bare XAC 2019-05-03 'name,Ann'
run 1 "$QUIRE" validate form bare
expect_status 'a bare shared name in a reply fails'
expect_err 'the error names the paths' <<'X'
quire:bare/XAC.csv:4: 'name' names questions in different groups: 'hh/name' and 'person/name'; a reply names each by its path
quire: 1 problem in 1 of 1 reply
X

run 0 "$QUIRE" export form replies -o export.csv
expect_status 'the replies export'
compare 'the export heads shared names with their paths' export.csv <<'X'
respondent,submitted,hh/name,size,person/name,person/sex,sex,done,_channel,_entered_by,_form_version,_note,_incomplete
XAA,2019-05-01,Ann,3,Bob,no,yes,ok,,,,,
XAB,2019-05-02,Cy,1,,,no,,,,,,
X
mkdir back
run 0 "$QUIRE" import form export.csv --into back
expect_status 'the export imports'
expect_true 'export and import give byte-identical reply files' diff -r replies back

cat >kobo.csv <<'X'
start,hh-name,size,person-name,person-sex,sex,_submission_time,_id
2019-05-01,Di,2,Ed,yes,no,2019-05-04T10:00:00,XKA
X
mkdir kobo
run 0 "$QUIRE" import --id-column _id form kobo.csv --into kobo
expect_status 'an export with the paths written with - imports'
compare 'each column goes to its question' kobo/XKA.csv <<'X'
name,value
_respondent,XKA
_submitted,2019-05-04
hh/name,Di
size,2
person/name,Ed
person/sex,yes
sex,no
X

printf 'respondent,submitted,name\nXAD,2019-05-05,Fay\n' >bare.csv
mkdir bareback
run 1 "$QUIRE" import form bare.csv --into bareback
expect_status 'a bare shared name as an export header fails'
expect_grep 'the header is named with both questions' \
	"column 'name' matches two questions: 'hh/name' and 'person/name'" "$ERR"

run 0 "$QUIRE" tab form replies --format json
expect_status 'tab --format json runs'
expect_grep 'tab JSON names the first by its path' '"name": "hh/name"' "$OUT"
expect_grep 'and the second' '"name": "person/name"' "$OUT"
expect_grep 'and keeps a name used once' '"name": "size"' "$OUT"

run 0 "$QUIRE" tab form replies -q person/name
expect_status '-q takes a path'
expect_grep 'and tabulates that question' 'person/name: Name of the person' "$OUT"
run 0 "$QUIRE" tab form replies -q hh/size
expect_status '-q takes the path of a name used once'
run 0 "$QUIRE" tab form replies -q size
expect_status 'and its bare name'
run 2 "$QUIRE" tab form replies -q name
expect_status '-q with a bare shared name is a usage error'
expect_grep 'that lists the paths' \
	"-q: 'name' names questions in different groups: 'hh/name' and 'person/name'" "$ERR"
run 0 "$QUIRE" tab form replies -q size --by person/sex
expect_status '--by takes a path'
run 2 "$QUIRE" tab form replies -q size --by name
expect_status '--by with a bare shared name is a usage error'
expect_grep 'that lists the paths' \
	"--by: 'name' names questions in different groups: 'hh/name' and 'person/name'" "$ERR"

mkdir ambiguous
cp form/choices.csv ambiguous/
sed 's/^text,done,Done,.*/text,done,Done,${name} != '"''"'/' form/survey.csv >ambiguous/survey.csv
run 1 "$QUIRE" check ambiguous
expect_status 'a ${name} that could mean two questions fails'
expect_err 'the error names both rows and paths' <<'X'
quire:ambiguous/survey.csv:11:1: relevant: '${name}' is ambiguous: rows 3 ('hh/name') and 7 ('person/name')
    ${name} != ''
    ^
X

mkdir relative
cp form/choices.csv relative/
cat >relative/survey.csv <<'X'
type,name,label,relevant,constraint
begin group,hh,Household,,
text,name,Name of the head,,
end group,,,,
begin group,person,Person,,
text,name,Name of the person,,
text,initial,Initial of the person,string-length(../name) > 0,"starts-with(../name, .)"
end group,,,,
X
run 0 "$QUIRE" check relative
expect_status '../name names the question of its own group among those sharing the name'
reply relok XAE 2019-05-06 'hh/name,Ann' 'person/name,Bob' 'person/initial,B'
run 0 "$QUIRE" validate relative relok
expect_status "a reply whose initial starts the person's name validates"
reply relbad XAF 2019-05-07 'hh/name,Ann' 'person/name,Bob' 'person/initial,A'
run 1 "$QUIRE" validate relative relbad
expect_status "the initial of the head's name, not the person's, fails"
expect_err 'the constraint read person/name' <<'X'
quire:relbad/XAF.csv:6: initial: 'A' breaks the constraint starts-with(../name, .)
quire: 1 problem in 1 of 1 reply
X
reply relskip XAG 2019-05-08 'hh/name,Ann' 'person/initial,A'
run 1 "$QUIRE" validate relative relskip
expect_status "an initial with no person's name does not apply"
expect_err 'relevant read person/name, which is empty though hh/name is not' <<'X'
quire:relskip/XAG.csv:5: initial: answered, but the question does not apply to this reply (relevant: string-length(../name) > 0)
quire: 1 problem in 1 of 1 reply
X

mkdir same
cp form/choices.csv same/
cat >same/survey.csv <<'X'
type,name,label
begin group,hh,Household
text,name,Name of the head
text,name,Name again
begin group,hh,Inner household
text,name,Inner name
end group,,
end group,,
begin group,hh,Household again
end group,,
X
run 1 "$QUIRE" check same
expect_status 'a name twice in one group still fails'
expect_err 'both rows are named; a group in a group of its own name is free' <<'X'
quire:same/survey.csv:4: duplicate name 'name' (first used in row 3)
quire:same/survey.csv:9: duplicate name 'hh' (first used in row 2)
X

done_testing
