#!/bin/sh
# t9010: hostile forms - nesting that would exhaust the stack, skip logic
# that refers to itself, a group never closed.  Each is refused at load
# with the row (exit status 1), never a crash; a list split into two
# blocks is merged, as pyxform does.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

# nest NAME OPEN CLOSE: a form whose relevant nests OPEN 10,000 times.
nest() {
	awk -v open="$2" -v shut="$3" 'BEGIN {
		printf "survey,type,name,label,relevant\n,integer,a,A,\n,text,b,B,\""
		for (i = 0; i < 10000; i++) printf "%s", open
		printf "${a} = 1"
		for (i = 0; i < 10000; i++) printf "%s", shut
		printf "\"\n"
	}' >"$1"
}

nest parens.csv '(' ')'
run 1 "$QUIRE" check parens.csv
expect_status '10,000 nested parentheses are refused'
expect_err 'the message names the limit and shows where it is passed' <<'X'
quire:parens.csv:3:201: relevant: expression nested too deeply (more than 200 levels)
    ...((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((...
                                           ^
X

nest calls.csv 'not(' ')'
run 1 "$QUIRE" check calls.csv
expect_status '10,000 nested calls are refused'
expect_err 'nested calls stop at the same limit' <<'X'
quire:calls.csv:3:804: relevant: expression nested too deeply (more than 200 levels)
    ...(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not...
                                           ^
X

nest minus.csv '-' ''
run 1 "$QUIRE" check minus.csv
expect_status '10,000 unary minus signs are refused'
expect_err 'unary minus stops at the same limit' <<'X'
quire:minus.csv:3:201: relevant: expression nested too deeply (more than 200 levels)
    ...------------------------------------------------------------------------...
                                           ^
X

# A chain of 10,000 additions nests without parentheses: the tree is as deep.
awk 'BEGIN {
	printf "survey,type,name,label,calculation\n,integer,a,A,\n,calculate,b,,\"${a}"
	for (i = 0; i < 10000; i++) printf " + 1"
	printf "\"\n"
}' >chain.csv
run 1 "$QUIRE" check chain.csv
expect_status 'a chain of 10,000 additions is refused'
expect_err 'the chain stops at the same limit' <<'X'
quire:chain.csv:3:802: calculation: expression nested too deeply (more than 200 levels)
    ...+ 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 ...
                                           ^
X

# 10,000 nested groups are refused, once, where they pass the limit of 32
# levels; 32 levels, each with skip logic, load and are evaluated.
nested() {
	awk -v n="$1" 'BEGIN {
		printf "survey,type,name,label,relevant\n,integer,a,A,\n"
		for (i = 0; i < n; i++) printf ",begin group,g%d,G,${a} != 1\n", i
		print ",integer,b,B,"
		for (i = 0; i < n; i++) print ",end group,,,"
	}'
}
nested 10000 >deep.csv
run 1 "$QUIRE" check -q deep.csv
expect_status '10,000 nested groups are refused'
expect_err 'with one message' <<'X'
quire:deep.csv:35: group 'g32' is nested 33 levels deep; groups may nest at most 32 levels
X
nested 32 >groups.csv
run 0 "$QUIRE" check -q groups.csv
expect_status '32 nested groups load'
printf 'name,value\n_respondent,XAA\n_submitted,2019-01-01\na,1\nb,2\n' >groups-reply.csv
run 1 "$QUIRE" validate groups.csv groups-reply.csv
expect_status 'a reply to 32 nested groups is checked'
expect_err "the innermost question's skip logic is the outer groups'" <<'X'
quire:groups-reply.csv:5: b: answered, but the question does not apply to this reply (relevant: ${a} != 1)
quire: 1 problem in 1 of 1 reply
X

# Skip logic that refers to itself: no order can evaluate it.
cat >cycle.csv <<'X'
survey,type,name,label,relevant
,select_one yn,a,A,${b} = 'yes'
,select_one yn,b,B,${c} = 'yes'
,select_one yn,c,C,${a} = 'no'
choices,list_name,name,label
,yn,yes,Yes
,yn,no,No
X
run 1 "$QUIRE" check cycle.csv
expect_status 'a cycle of relevant expressions is refused'
expect_err 'the cycle is spelled out' <<'X'
quire:cycle.csv:2: 'a' depends on itself through relevant or calculation: a -> b -> c -> a
X

cat >self.csv <<'X'
survey,type,name,label,relevant
,begin group,g,G,${a} = 'yes'
,select_one yn,a,A,
,end group,,,
choices,list_name,name,label
,yn,yes,Yes
,yn,no,No
X
run 1 "$QUIRE" check self.csv
expect_status "a group whose relevant reads a question inside it is refused"
expect_err 'the question depends on itself' <<'X'
quire:self.csv:3: 'a' depends on itself through relevant or calculation: a -> a
X

# A list given in two blocks of rows, another list between.
cat >twice.csv <<'X'
survey,type,name,label
,select_one yn,a,A
,select_one colour,b,B
choices,list_name,name,label
,yn,yes,Yes
,yn,no,No
,colour,red,Red
,yn,dk,Don't know
,yn,na,Not applicable
,colour,green,Green
X
run 0 "$QUIRE" check twice.csv
expect_status 'a list split into two blocks loads, as in pyxform'
expect_grep 'its blocks are merged in order' "yn (4): yes = Yes; no = No; dk = Don't know; na = Not applicable" "$OUT"

# A group opened and never closed, inside another one.
cat >open.csv <<'X'
survey,type,name,label
,begin group,outer,Outer
,text,a,A
,begin group,inner,Inner
,text,b,B
X
run 1 "$QUIRE" check open.csv
expect_status 'groups never closed are refused'
expect_err 'each open group is named, innermost first' <<'X'
quire:open.csv:4: group 'inner' is not closed (no 'end group')
quire:open.csv:2: group 'outer' is not closed (no 'end group')
X

done_testing
