#!/bin/sh
# t8000: the bundled sample reproduces the Rapporteur's published figures
# (AALCO, Hangzhou 2019): in the tabulation, and as drafted sentences in the
# report.
. "$top_srcdir/tests/lib.sh"
cd "$top_srcdir" || exit 1
FORM=forms/cybercrime-cooperation
DATA=data/cybercrime-cooperation

run 0 "$QUIRE" check -q $FORM
expect_status 'the sample form passes quire check'

run 0 "$QUIRE" validate --roster data/rosters/demo.csv $FORM $DATA
expect_status 'every sample reply passes quire validate'
expect_out 'all eleven are checked' <<'X'
11 replies checked: no problems
X

run 0 "$QUIRE" check -q $FORM
run 0 "$QUIRE" status --roster data/rosters/demo.csv --cutoff 2019-06-30 --format json $FORM $DATA
expect_true 'status: 9 of 47 by the cut-off, 2 late' test "$("$JSONQ" "$OUT" on_time roster late)" = "$(printf '9\n47\n2')"

run 0 "$QUIRE" tab --format json --cutoff 2019-06-30 --roster data/rosters/demo.csv $FORM $DATA
expect_status 'the sample tabulates'
cp "$OUT" "$T/tab.json"
j() { "$JSONQ" "$T/tab.json" "$@"; }
count() { j "questions[name=$1].choices[value=$2].count"; }

expect_true '9 of 47 replied; 2 late' test "$(j respondents.included respondents.roster respondents.late)" = "$(printf '9\n47\n2')"
expect_true '7 of 9 formulated or amended domestic law' \
	test $(( $(count law_status new_law) + $(count law_status amended) )) -eq 7 -a "$(j 'questions[name=law_status].answered')" = 9
jb=$(j 'questions[name=jur_bases].answered')
expect_true "most have criminal-jurisdiction provisions ($jb of 9)" test "$jb" -gt 4
jc_no=$(count jur_coord no)
jc=$(j 'questions[name=jur_coord].answered')
expect_true "most have no articles coordinating jurisdiction ($jc_no of $jc)" test $((2 * jc_no)) -gt "$jc"
expect_true 'exactly one party each to Budapest, SCO and the Arab League Convention' \
	test "$(count treaties budapest) $(count treaties sco) $(count treaties arab)" = '1 1 1'
expect_true '6 party to no cybercrime convention' test "$(count treaties none)" = 6
expect_true 'no State chose none with another instrument' \
	test "$(j 'questions[name=treaties].combinations[0].values' 'questions[name=treaties].combinations[0].count')" = "$(printf '["none"]\n6')"
expect_true 'all 9 need uniform standards' test "$(count need_std yes)" = 9
expect_true 'all 9 need technical assistance' test "$(count ta_needed yes)" = 9
tr=$(count ta_received yes)
expect_true "most have received technical assistance ($tr of 9)" test "$tr" -gt 4
expect_true 'all 9 find private-sector cooperation useful' \
	test $(( $(count ppp_useful very_useful) + $(count ppp_useful useful) )) -eq 9

expect_true 'rank: digital forensics has a mean rank of 2 and four first places' \
	test "$(j 'questions[name=train_rank].choices[value=forensics].mean_rank' 'questions[name=train_rank].choices[value=forensics].first')" = "$(printf '2\n4')"

# The report drafts those figures as sentences.
if ! command -v pdftotext >/dev/null 2>&1; then
	skip 'the report states the figures' 'pdftotext is not installed'
	done_testing
fi
run 0 "$QUIRE" report -o "$T/report.pdf" reports/wg4-hangzhou-2019.ini
expect_status 'the sample report is written'
pdftotext "$T/report.pdf" - | tr '\n' ' ' | tr -s ' ' >"$T/report.txt"
for sentence in \
	'By 30 June 2019, replies had been received from 9 of the 47 Member States (19%). Replies from 2 further Member States arrived after that date and are not included.' \
	'Seven of the nine replying Member States had formulated or amended domestic law on cybercrime' \
	'Two of the eight Member States that answered the question had articles on coordinating criminal jurisdiction with other States; five did not' \
	'one each had joined the Budapest Convention, the SCO Agreement and the League of Arab States Convention' \
	'six were party to none of these conventions' \
	'All nine replying Member States needed uniform international standards for combating cybercrime.' \
	'All nine replying Member States needed technical assistance related to cybercrime.' \
	'Six of the nine replying Member States had received technical assistance related to cybercrime' \
	'All nine replying Member States found cooperation with the private sector useful.' \
	'The replies summarised in this document are fictional'; do
	expect_grep "the report says: $sentence" "$sentence" "$T/report.txt"
done

# Nine replies in two regional groups: every count of the breakdowns is
# below 3 or would reveal one, so they are described in words, without tests.
expect_grep 'the breakdown by region is withheld' 'are not broken down by region here: with so few replies in each group, every count would be below 3 or would reveal one that is, and could single out a Member State' "$T/report.txt"
expect_no_grep 'and nothing computed from it is printed' "chi-square is" "$T/report.txt"

# Figures are printed as given, never cut to significant digits: the
# quartiles of the years of adoption are half-years, and the mean number
# of treaties has two decimals.
pdftotext -layout "$T/report.pdf" - | tr -s ' ' >"$T/layout.txt"
expect_grep 'summary of 2.3: n, min, quartiles, max, mean' ' 7 2009 2012.5 2015 2016.5 2018 2014.29' "$T/layout.txt"
expect_grep 'summary of 3.4, mean to two decimals' ' 9 0 3 6 11 27 8.44' "$T/layout.txt"
expect_grep 'a numeric table states its base' 'Source: replies to question 4.8. The question applied to 7 of the 9 replying Member States. The figures are those of the 6 Member States that answered.' "$T/report.txt"
expect_grep 'the sentence gives a half median' 'the figures range from 60 to 180 days, with a median of 107.5 days.' "$T/report.txt"

done_testing
