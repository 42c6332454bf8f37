#!/bin/sh
# t5170: tab -q reads and checks only what it tabulates.  The questions
# named with -q, the --by question, and every question their skip logic,
# constraints and calculations read are checked as quire validate checks
# them; other answers are not read (a wide export's other columns are
# tokenised and dropped), unless --validate-all asks for every check.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

mkdir form
cat >form/survey.csv <<'X'
type,name,label,relevant,constraint
select_one yn,has_law,Has your State a law?,,
integer,law_year,Year of the law,${has_law} = 'yes',. >= 1950
select_one yn,central,Is there a central authority?,,
integer,staff,Staff,,. >= 0
text,note,Comments,,
X
cat >form/choices.csv <<'X'
list_name,name,label
yn,yes,Yes
yn,no,No
X

# staff is broken in row 3, note never is; law_year depends on has_law.
cat >export.csv <<'X'
respondent,submitted,has_law,law_year,central,staff,note
XAA,2019-05-02,yes,2001,yes,4,fine
XAB,2019-05-02,no,,no,abc,"a, b"
XAC,2019-05-02,yes,1999,yes,2,
X

run 1 "$QUIRE" tab --format csv form export.csv
expect_status 'tab of every question refuses the broken staff'
expect_err 'and names it as validate does' <<'X'
quire:export.csv:3: staff: 'abc' is not an integer
quire: 1 problem in the data; nothing written (run quire validate)
X

run 0 "$QUIRE" tab --format json -q central form export.csv
expect_status 'tab -q central does not read staff'
expect_true 'and counts the three States, two of whom said yes' \
	test "$("$JSONQ" "$OUT" respondents.included 'questions[name=central].choices[value=yes].count')" = "$(printf '3\n2')"

run 1 "$QUIRE" tab --format json -q central --validate-all form export.csv
expect_status 'with --validate-all it checks every answer'
expect_err 'and refuses the broken staff' <<'X'
quire:export.csv:3: staff: 'abc' is not an integer
quire: 1 problem in the data; nothing written (run quire validate)
X

run 2 "$QUIRE" tab --format json -q central --by staff form export.csv
expect_status '--by a question that is not a choice is still a usage error'

# law_year reads has_law: a has_law broken, or a law_year where it does not apply, is found.
sed 's/^XAB,2019-05-02,no,,/XAB,2019-05-02,maybe,,/' export.csv >bad-law.csv
run 1 "$QUIRE" tab --format csv -q law_year form bad-law.csv
expect_status 'tab -q law_year checks has_law, which its skip logic reads'
expect_err 'and names the bad answer' <<'X'
quire:bad-law.csv:3: has_law: 'maybe' is not a choice (choices: yes, no)
quire: 1 problem in the data; nothing written (run quire validate)
X
sed 's/^XAB,2019-05-02,no,,no,abc/XAB,2019-05-02,no,2010,no,7/' export.csv >stray.csv
run 1 "$QUIRE" tab --format csv -q law_year form stray.csv
expect_status 'a law_year given where has_law is no is refused'
expect_err 'as the question that does not apply' <<'X'
quire:stray.csv:3: law_year: answered, but the question does not apply to this reply (relevant: ${has_law} = 'yes')
quire: 1 problem in the data; nothing written (run quire validate)
X
sed 's/^XAA,2019-05-02,yes,2001/XAA,2019-05-02,yes,1901/' stray.csv >early.csv
run 0 "$QUIRE" tab --format csv -q has_law form early.csv
expect_status 'tab -q has_law does not check law_year, which reads it'
run 1 "$QUIRE" tab --format csv -q law_year form early.csv
expect_status 'tab -q law_year checks its constraint'
expect_grep 'and names it' "law_year: '1901' breaks the constraint . >= 1950" "$ERR"

# The same holds for reply files.
reply replies XAA 2019-05-02 has_law,yes law_year,2001 central,yes staff,4
reply replies XAB 2019-05-02 has_law,no central,no staff,abc
run 0 "$QUIRE" tab --format csv -q central form replies
expect_status 'tab -q central reads reply files without checking staff'
run 1 "$QUIRE" tab --format csv -q staff form replies
expect_status 'tab -q staff checks it'
expect_err 'with the reply file named' <<'X'
quire:replies/XAB.csv:6: staff: 'abc' is not an integer
quire: 1 problem in the data; nothing written (run quire validate)
X

# A respondent's second reply and the metadata are always checked.
sed 's/^XAC,/XAA,/' export.csv >twice.csv
run 1 "$QUIRE" tab --format csv -q central form twice.csv
expect_status 'a second reply from one respondent is refused under -q too'
expect_grep 'and named' "_respondent: 'XAA' also replied in twice.csv row 2" "$ERR"

# The figures of a question do not depend on what else is read.
run 0 "$QUIRE" tab --format json -q central form early.csv
cp "$OUT" scoped.json
sed 's/,1901,/,2001,/; s/,2010,/,,/' early.csv >clean.csv
run 0 "$QUIRE" tab --format json -q central --validate-all form clean.csv
expect_true 'on clean data, -q and --validate-all give the same figures' cmp -s scoped.json "$OUT"

# Places and files are tabulated too, as far as their base and answers:
# tab shows every question the form asks, with -q or without it.
mkdir geo
cat >geo/survey.csv <<'X'
type,name,label,relevant
select_one yn,visited,Was the site visited?,
geopoint,site,Location of the site,${visited} = 'yes'
geotrace,route,Route to the site,${visited} = 'yes'
image,photo,Photograph of the site,
file,law_text,Text of the law,
text,comments,Comments,
X
cp form/choices.csv geo/
cat >geo.csv <<'X'
respondent,submitted,visited,site,route,photo,law_text,comments
XAA,2019-05-02,yes,1.5 2.5 0 0,1 2 0 0;1.1 2.1 0 0,site.jpg,law.pdf,
XAB,2019-05-02,no,,,,law-fr.pdf,Under review
XAC,2019-05-02,yes,3 4 0 0,,,,
X
run 0 "$QUIRE" tab geo geo.csv
expect_status 'a form of places and files is tabulated'
expect_out 'each with its base and how many answered' <<'X'
geo (geo)
Replies included: 3

1 visited: Was the site visited? [select_one]
  n = 3 answered
    Yes                                          2     67%   [21%, 94%]
    No                                           1     33%   [6%, 79%]
  note: 3 answers are too few for the shares to mean much

2 site: Location of the site [geopoint]
  n = 2 answered (base 2; not applicable 1)

3 route: Route to the site [geopoint]
  n = 1 answered (base 2; not applicable 1; no answer 1)

4 photo: Photograph of the site [media]
  n = 1 answered (base 3; no answer 2)

5 law_text: Text of the law [media]
  n = 2 answered (base 3; no answer 1)

6 comments: Comments [text]
  n = 1 answered (base 3; no answer 2)
    XAB: Under review
X
run 0 "$QUIRE" tab --format json geo geo.csv
cp "$OUT" all.json
run 0 "$QUIRE" tab --format json -q law_text geo geo.csv
expect_true 'and a file question has the same figures with -q as without' test \
	"$("$JSONQ" all.json 'questions[name=law_text].base' 'questions[name=law_text].answered')" = \
	"$("$JSONQ" "$OUT" 'questions[name=law_text].base' 'questions[name=law_text].answered')"
expect_true 'which are 3 and 2' test \
	"$("$JSONQ" "$OUT" 'questions[name=law_text].base' 'questions[name=law_text].answered' | paste -sd' ')" = '3 2'

# The report says how many sent a file, and does not promise the files in
# the annex of texts: only the text answers are reproduced there.
if command -v pdftotext >/dev/null 2>&1; then
	printf '[report]\nform = geo\ndata = geo.csv\ntitle = Sites\n' >geo.ini
	run 0 "$QUIRE" report geo.ini -o geo.pdf
	pdftotext geo.pdf - | tr '\n\f' '  ' | tr -s ' ' >geo.txt
	expect_grep 'the report counts the files sent' \
		'Asked “Text of the law” (question 5), two of the three replying Member States answered.' geo.txt
	expect_grep 'the text answers are in the annex' \
		'Asked “Comments” (question 6), one of the three replying Member States answered; the answers are reproduced in Annex' geo.txt
	expect_true 'and only they' test "$(grep -o 'reproduced in' geo.txt | wc -l)" -eq 1
else
	skip 'the report counts the files sent' 'pdftotext is not installed'
fi

done_testing
