#!/bin/sh
# t1020: quire check - what a form may not do because a later command could
# not follow: names reserved for reply metadata and for the export's own
# columns, and groups nested deeper than FORM_MAX_GROUP_DEPTH.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

# Reserved names.  Each would be read as metadata from a reply file, or
# written twice by export so that import refuses its own export.
mkdir reserved
cat >reserved/survey.csv <<'X'
type,name,label
text,respondent,Who answers
date,submitted,When
text,_note,A note
text,_respondent,Code
text,_incomplete,Done
integer,_form_version,Version
text,Respondent,Capitalised
X
run 1 "$QUIRE" check reserved
expect_status 'a question with a reserved name fails check'
expect_err 'each reserved name is named with its row and what holds it' <<'X'
quire:reserved/survey.csv:2: name 'respondent' is reserved for the columns quire's export begins with (respondent, submitted)
quire:reserved/survey.csv:3: name 'submitted' is reserved for the columns quire's export begins with (respondent, submitted)
quire:reserved/survey.csv:4: name '_note' is reserved for the reply metadata (_respondent, _submitted, _channel, _entered_by, _form_version, _note, _incomplete)
quire:reserved/survey.csv:5: name '_respondent' is reserved for the reply metadata (_respondent, _submitted, _channel, _entered_by, _form_version, _note, _incomplete)
quire:reserved/survey.csv:6: name '_incomplete' is reserved for the reply metadata (_respondent, _submitted, _channel, _entered_by, _form_version, _note, _incomplete)
quire:reserved/survey.csv:7: name '_form_version' is reserved for the reply metadata (_respondent, _submitted, _channel, _entered_by, _form_version, _note, _incomplete)
X

# A name that starts with '_' but is no metadata is a question like any
# other: answered in a reply file, exported once, imported back.
mkdir free
cat >free/survey.csv <<'X'
type,name,label
text,Respondent,Capitalised
text,_remark,Remark
X
run 0 "$QUIRE" check -q free
expect_status 'names that are not reserved pass check'
reply replies XAA 2019-05-02 'Respondent,Minister' '_remark,none'
run 0 "$QUIRE" validate free replies
expect_status 'a question whose name starts with _ is answered in a reply file'
run 0 "$QUIRE" export -o export.csv free replies
expect_status 'and exported'
expect_true 'with one column per question' \
	test "$(head -1 export.csv)" = 'respondent,submitted,Respondent,_remark,_channel,_entered_by,_form_version,_note,_incomplete'
mkdir back
run 0 "$QUIRE" import free export.csv --into back
expect_status 'import takes its own export'
expect_true 'giving the same reply file' cmp -s replies/XAA.csv back/XAA.csv

# Nesting.  Form writes the survey of N groups nested in each other, the
# outermost asked only if a = 'y', with the question q innermost.
nest() {
	mkdir -p "$2"
	awk -v n="$1" 'BEGIN {
		print "type,name,label,relevant"
		print "text,a,A,"
		for (i = 1; i <= n; i++)
			printf "begin group,g%d,Level %d,%s\n", i, i, i == 1 ? "${a} = '\''y'\''" : ""
		print "text,q,Q,"
		for (i = 1; i <= n; i++)
			print "end group,,,"
	}' >"$2/survey.csv"
}
nest 32 deep32
run 0 "$QUIRE" check -q deep32
expect_status '32 levels of groups pass check'
reply skip XAA 2019-05-02 'a,n' 'q,x'
run 1 "$QUIRE" validate deep32 skip
expect_status 'the relevance of the outermost group reaches the innermost question'
expect_err 'the answer is found not to apply' <<'X'
quire:skip/XAA.csv:5: q: answered, but the question does not apply to this reply (relevant: ${a} = 'y')
quire: 1 problem in 1 of 1 reply
X

nest 33 deep33
run 1 "$QUIRE" check -q deep33
expect_status '33 levels fail check'
expect_err 'the group that crosses the limit is named' <<'X'
quire:deep33/survey.csv:35: group 'g33' is nested 33 levels deep; groups may nest at most 32 levels
X

# 400,000 nested groups once passed check and then overflowed the stack
# of validate; now check says so once, not at every level past the limit.
nest 100000 deep100000
run 1 "$QUIRE" check -q deep100000
expect_status '100,000 levels fail check'
expect_err 'with one message' <<'X'
quire:deep100000/survey.csv:35: group 'g33' is nested 33 levels deep; groups may nest at most 32 levels
X
run 1 "$QUIRE" validate deep100000 skip
expect_status 'and every other command refuses the form'

done_testing
