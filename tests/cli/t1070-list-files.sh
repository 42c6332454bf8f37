#!/bin/sh
# t1070: select_one_from_file and select_multiple_from_file - the list is
# read from a CSV or XML file in the form's directory, as ODK reads a
# form's media; an absent file is a warning, a broken one an error.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

mkdir form
cat >form/survey.csv <<'X'
type,name,label,choice_filter,parameters
select_one_from_file countries.csv,country,Country,,
select_one_from_file cities.xml,city,City,country = ${country},
select_multiple_from_file langs.csv,langs,Languages,,
select_one_from_file codes.csv,code,Code,,value=code label=title
select_one_from_file countries.csv,born,Country of birth,,
select_one_from_file gone.csv,gone,Gone,,
select_one_from_file places.geojson,place,Place,,
X
printf 'name,label,region\nfr,France,eu\nde,Germany,eu\njp,Japan,as\n' >form/countries.csv
cat >form/cities.xml <<'X'
<?xml version="1.0"?>
<root>
  <item><name>paris</name><label>Paris</label><country>fr</country></item>
  <item>
    <name>lyon</name>
    <label><![CDATA[Lyon & Rhône]]></label>
    <country>fr</country>
  </item>
  <item><name>berlin</name><label>Berlin</label><country>de</country></item>
</root>
X
printf 'name,label\nen,English\nfr,French\n' >form/langs.csv
printf 'code,title,name\nA1,Alpha,x\nB2,Bravo,y\n' >form/codes.csv

run 0 "$QUIRE" check form
expect_status 'a form whose lists are in files beside it passes'
expect_grep 'the list of a CSV file' \
	'  countries.csv (3): fr = France; de = Germany; jp = Japan' "$OUT"
expect_grep 'the list of an XML file, CDATA read' \
	'  cities.xml (3): paris = Paris; lyon = Lyon & Rhône; berlin = Berlin' "$OUT"
expect_grep 'value= and label= name the columns' \
	'  codes.csv value=code label=title (2): A1 = Alpha; B2 = Bravo' "$OUT"
expect_grep 'a file two questions name is one list' \
	'  5      born                     select_one_from_file countries.csv' "$OUT"
expect_true 'and is read once' test "$(grep -c '^  countries.csv' "$OUT")" = 1
expect_err 'an absent file and a GeoJSON file are warnings' <<'X'
quire:form/survey.csv:7: warning: the choices are in 'gone.csv', which is not in the form's directory 'form': answers are not checked against it
quire:form/survey.csv:8: warning: the choices are in 'places.geojson', GeoJSON, which quire does not read: answers are not checked against it
X

reply good XAA 2019-05-01 'country,fr' 'city,lyon' 'langs,en fr' 'code,B2' 'born,jp' \
	'gone,anything' 'place,p1'
run 0 "$QUIRE" validate form good
expect_status 'a reply within the lists validates; an absent list takes any answer'

reply bad XAB 2019-05-02 'country,fr' 'city,berlin' 'langs,en de' 'code,A2' 'born,FRANCE'
run 1 "$QUIRE" validate form bad
expect_status 'a reply outside the lists fails'
expect_err 'each answer is checked against its file, and the filter against its column' <<'X'
quire:form/survey.csv:7: warning: the choices are in 'gone.csv', which is not in the form's directory 'form': answers are not checked against it
quire:form/survey.csv:8: warning: the choices are in 'places.geojson', GeoJSON, which quire does not read: answers are not checked against it
quire:bad/XAB.csv:5: city: 'berlin' is not offered: choice_filter "country = ${country}" leaves it out (country is 'fr')
quire:bad/XAB.csv:6: langs: 'de' is not a choice (choices: en, fr)
quire:bad/XAB.csv:7: code: 'A2' is not a choice (choices: A1, B2); did you mean 'A1'?
quire:bad/XAB.csv:8: born: 'FRANCE' is not a choice: it is the label of 'fr'
quire: 4 problems in 1 of 1 reply
X

run 0 "$QUIRE" tab form good -q city
expect_status 'tab runs'
expect_grep 'tab shows the labels of the file' 'Lyon & Rhône                                 1    100%' "$OUT"

# The report lists each list file among its inputs, with its checksum.
if command -v pdftotext >/dev/null 2>&1; then
	run 0 "$QUIRE" report -o report.pdf form good
	expect_status 'a report of a form with list files runs'
	pdftotext -layout report.pdf report.txt
	sum=$(sha256sum form/cities.xml | cut -d' ' -f1)
	expect_true 'the XML list is an input, with its SHA-256' \
		grep -q "^form/cities.xml  *$sum\$" report.txt
	expect_grep 'and the CSV list' 'form/countries.csv' report.txt
else
	skip 'the report lists the list files' 'pdftotext is not installed'
fi

# A single-file form finds its lists in its own directory.
mkdir single
cat >single/form.csv <<'X'
survey,type,name,label
,select_one_from_file countries.csv,country,Country
X
cp form/countries.csv single/
run 0 "$QUIRE" check single/form.csv
expect_status 'a single-file form reads the list beside it'
expect_grep 'with its choices' '  countries.csv (3): fr = France; de = Germany; jp = Japan' "$OUT"

# Broken list files are errors at their own lines.
broken() {
	rm -rf b && mkdir b
	printf 'type,name,label\nselect_one_from_file %s,q,Q\n' "$1" >b/survey.csv
	cat >"b/$1"
}
broken nameless.csv <<'X'
code,label
a,A
X
run 1 "$QUIRE" check b
expect_status 'a list file without a name column fails'
expect_err 'the error says which column and how to name another' <<'X'
quire:b/nameless.csv:1: the list file has no column 'name' for the choices' names (or name another with the question's parameters value=COLUMN)
X
broken dup.xml <<'X'
<root>
  <item><name>a</name></item>
  <item><name></name><label>B</label></item>
  <item><name>a</name></item>
</root>
X
run 1 "$QUIRE" check b
expect_status 'an XML list with a blank and a duplicate name fails'
expect_err 'each at the line of its item' <<'X'
quire:b/dup.xml:3: choice has no name
quire:b/dup.xml:4: duplicate choice 'a' (first in row 2)
X
printf '<root><item><name>a</name><name2>' | broken cut.xml
run 1 "$QUIRE" check b
expect_status 'a cut XML list fails'
expect_grep 'with the parser'"'"'s message' 'quire:b/cut.xml: XML: line 1: ' "$ERR"
: | broken empty.xml
run 1 "$QUIRE" check b
expect_status 'an empty XML list fails'
expect_err 'saying what a list holds' <<'X'
quire:b/empty.xml: empty: a list needs a root element holding an <item> per choice
X
printf '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>\n<item><name>&x;</name><label>X</label></item>\n</r>\n' |
	broken entity.xml
run 1 "$QUIRE" check b
expect_status 'an external entity is not read'
expect_err 'the name it would fill stays empty' <<'X'
quire:b/entity.xml:3: choice has no name
X
printf 'name,label\n' | broken headonly.csv
run 1 "$QUIRE" check b
expect_status 'a list file with no choices fails'
expect_err 'saying so' <<'X'
quire:b/headonly.csv:1: the list file has no choices
X
echo 'a,b' | broken list.txt
run 1 "$QUIRE" check b
expect_status 'a list file of another kind fails'
expect_err 'naming the kinds read' <<'X'
quire:b/survey.csv:2: the list file 'list.txt' must be .csv or .xml (or .geojson)
X

done_testing
