#!/bin/sh
# t5150: the report's wording follows the data: how Fisher's test was
# computed, what a test can tell with few or many replies, no promise of
# intervals it does not print, the chart type a definition asks for, and a
# pie refused for too many choices.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
if ! command -v pdftotext >/dev/null 2>&1; then
	skip 'quire report wording' 'pdftotext is not installed'
	done_testing
fi
text() { pdftotext "$1" - | tr '\n' ' ' | tr -s ' '; }

mkdir form
cat >form/survey.csv <<'X'
type,name,label
select_one unit,has_unit,Has your State a cybercrime unit?
select_one yn,has_law,Has your State a law?
integer,staff,Staff on cybercrime
select_one partner,partner,Main partner
X
{
	echo 'list_name,name,label'
	echo 'unit,yes,Yes'
	echo 'unit,no,No'
	echo 'unit,planned,Planned'
	echo 'yn,yes,Yes'
	echo 'yn,no,No'
	for k in $(seq 25); do echo "partner,p$k,Partner $k"; done
} >form/choices.csv

# Twelve States; State n has n staff and partner n.
#             North South East
# Yes             3     1    0
# No              1     2    1
# Planned         0     1    3
states few few.csv <<'X'
North 3 has_unit,yes staff,%d partner,p%d
North 1 has_unit,no staff,%d partner,p%d
South 1 has_unit,yes staff,%d partner,p%d
South 2 has_unit,no staff,%d partner,p%d
South 1 has_unit,planned staff,%d partner,p%d
East 1 has_unit,no staff,%d partner,p%d
East 3 has_unit,planned staff,%d partner,p%d
X
# Forty-two States.
#             North South
# Yes            14     6
# No              7    15
states many many.csv <<'X'
North 14 has_law,yes
North 7 has_law,no
South 6 has_law,yes
South 15 has_law,no
X

cat >few.ini <<'X'
[report]
form = form
data = few
roster = few.csv
small_cell = 1

[crosstab has_unit by region]
title = Units by region
X
run 0 "$QUIRE" report -o few.pdf few.ini
expect_status 'a report with an exact test'
text few.pdf >few.txt
expect_grep 'the exact test is said to be exact' "Fisher’s exact test gives p = 0.140 (two-sided, computed exactly)." few.txt
expect_grep 'with few replies, how little a test can see' 'With 12 replies, only a very strong association could be detected.' few.txt
expect_grep 'the methodology: computed exactly' "Cross-tabulations are tested with Fisher’s exact test, computed exactly;" few.txt
expect_no_grep 'no word of simulation' 'simulation' few.txt
expect_no_grep 'no promise of Wilson intervals' 'Wilson' few.txt
expect_no_grep 'no promise of intervals at all' 'interval' few.txt
expect_grep 'twelve numbers: the table of their summary by default' 'Answered Minimum Lower quartile Median Upper quartile Maximum Mean 12 1 3.75 6.5 9.25 12 6.5' few.txt
expect_no_grep 'and no chart' 'Each dot is one State.' few.txt
{ cat few.ini; printf '\n[chart staff]\nshow = chart\n'; } >few-chart.ini
run 0 "$QUIRE" report -o few-chart.pdf few-chart.ini
expect_status 'a report showing the chart of the numbers'
text few-chart.pdf >few-chart.txt
expect_grep 'show = chart: a chart, its base and source in the note under it' 'Figure 3. Staff on cybercrime (question 3) 0 2 4 6 8 10 12 Source: replies to question 3. The figures are those of the 12 Member States that answered. Each dot is one State.' few-chart.txt
expect_grep 'a dot plot, the default type' 'Each dot is one State. Median 6.5; range 1 to 12.' few-chart.txt
expect_no_grep 'and no table' 'Lower quartile' few-chart.txt

# fisher_exact_limit = 1 forces the simulation; type = histogram a histogram.
sed 's/^small_cell = 1$/&\nfisher_exact_limit = 1/' few.ini >sim.ini
printf '\n[chart staff]\ntype = histogram\n' >>sim.ini
run 0 "$QUIRE" report -o sim.pdf sim.ini
expect_status 'a report with a simulated test and a histogram'
text sim.pdf >sim.txt
expect_grep 'the paragraph says the p-value was simulated' \
	"(two-sided), estimated by simulation from 100000 random tables with the same totals (standard error" sim.txt
expect_grep 'so does the plain-words note' 'The p-value of the exact test was estimated by simulation, so it may differ slightly from the exact value.' sim.txt
expect_grep 'and the methodology' "Cross-tabulations are tested with Fisher’s exact test, estimated by simulation from 100000 random tables" sim.txt
expect_no_grep 'nothing says computed exactly' 'computed exactly' sim.txt
expect_no_grep 'a 3 x 3 table of 12 is not called too large: the definition set the limit' 'too large' sim.txt
# Bins of 5: 1-4, 5-9, 10-12; the bars' labels 4, 5, 3 among the ticks 0-6.
expect_grep 'the histogram: bars labelled with their counts' 'Figure 3. Staff on cybercrime (question 3) 6 5 4 4 3 2 0 0 5 10 15 20 25 Source: replies to question 3.' sim.txt
expect_no_grep 'the histogram has no dots' 'Each dot is one State.' sim.txt

cat >many.ini <<'X'
[report]
form = form
data = many
roster = many.csv
small_cell = 1

[crosstab has_law by region]
title = Laws by region
X
run 0 "$QUIRE" report -o many.pdf many.ini
expect_status 'a report on 42 replies'
text many.pdf >many.txt
expect_grep 'the exact p' "Fisher’s exact test gives p = 0.0294 (two-sided, computed exactly)." many.txt
expect_grep 'the chi-square and phi' "is 6.11 on 1 degree of freedom (p = 0.0134). The phi coefficient is 0.38." many.txt
expect_grep 'the plain words' 'a difference between the groups this large would rarely arise by chance alone (p = 0.0294)' many.txt
expect_no_grep 'with 42 replies, no word of one State more or less' 'one State more or less' many.txt
expect_no_grep 'nor of few replies' 'only a very strong association' many.txt
expect_no_grep 'nor that 42 replies detect even a slight difference' 'even a slight difference is detected' many.txt
expect_no_grep 'no promise of Wilson intervals' 'Wilson' many.txt

# A pie of 25 slices is refused, at the line of the type.
cat >pie.ini <<'X'
[report]
form = form
data = few

[chart partner]
# one slice per partner
type = pie
label = percent
X
run 1 "$QUIRE" report -o pie.pdf pie.ini
expect_status 'a pie of 25 choices is refused'
expect_err 'with the line of the type key' <<'X'
quire:pie.ini:7: [chart partner]: type pie shows at most 6 choices and 'partner' has 25; use bar
X
expect_true 'and no PDF is written' test ! -e pie.pdf

done_testing
