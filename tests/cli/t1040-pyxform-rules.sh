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

done_testing
