#!/bin/sh
# t9040: formula injection - every CSV quire writes for people (export,
# tab --format csv, status --format csv, blank) puts a "'" before text a
# spreadsheet would run as a formula: labels, roster groups, names,
# channels.  Figures are written as they are, negative ones too, and so is
# text that is a negative number (a choice named -99).
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

mkdir form data
cat >form/survey.csv <<'X'
type,name,label
select_one yn,q,@SUM(A1)
text,t,-Comments
integer,n,Number
select_one dk,d,Known?
X
cat >form/choices.csv <<'X'
list_name,name,label
yn,yes,"=HYPERLINK(""http://x.invalid"",""click"")"
yn,no,+No
dk,-99,Refused
dk,1,Known
X
cat >roster.csv <<'X'
code,name,region,@group
XAA,Aldmere,"=HYPERLINK(""http://x.invalid"",""r"")",a
XAB,-Brenth,@Africa,b
X
printf 'name,value\n_respondent,XAA\n_submitted,2019-05-02\nq,yes\nn,-3\n' >data/XAA.csv
printf 'name,value\n_respondent,XAB\n_submitted,2019-05-02\nq,no\nn,-5\n_channel,=1+1\n' >data/XAB.csv

run 0 "$QUIRE" tab form data --roster roster.csv --by region --small-cell 1 --format csv
expect_status 'tab --format csv runs'
grep -v '^test,' "$OUT" >tab.csv
compare 'tab neutralises labels and roster groups, not figures' tab.csv <<'X'
record,question,by,value,by_value,label,count,share,row_share,ci95_low,ci95_high,statistic,estimate,df,p,suppressed
respondents,,,,,,2,,,,,included,,,,
respondents,,,,,,0,,,,,invalid,,,,
respondents,,,,,,0,,,,,not_on_roster,,,,
respondents,,,,,,0,,,,,not_member,,,,
respondents,,,,,,0,,,,,incomplete,,,,
respondents,,,,,,0,,,,,late,,,,
question,q,,,,'@SUM(A1),2,,,,,base,,,,
question,q,,,,'@SUM(A1),2,,,,,answered,,,,
question,q,,,,'@SUM(A1),0,,,,,not_applicable,,,,
question,q,,,,'@SUM(A1),0,,,,,no_answer,,,,
choice,q,,yes,,"'=HYPERLINK(""http://x.invalid"",""click"")",1,0.5,,0.094531205734230739,0.90546879426576932,,,,,
choice,q,,no,,'+No,1,0.5,,0.094531205734230739,0.90546879426576932,,,,,
question,t,,,,'-Comments,2,,,,,base,,,,
question,t,,,,'-Comments,0,,,,,answered,,,,
question,t,,,,'-Comments,0,,,,,not_applicable,,,,
question,t,,,,'-Comments,2,,,,,no_answer,,,,
question,n,,,,Number,2,,,,,base,,,,
question,n,,,,Number,2,,,,,answered,,,,
question,n,,,,Number,0,,,,,not_applicable,,,,
question,n,,,,Number,0,,,,,no_answer,,,,
summary,n,,,,,,,,,,n,2,,,
summary,n,,,,,,,,,,mean,-4,,,
summary,n,,,,,,,,,,sd,1.4142135623730951,,,
summary,n,,,,,,,,,,min,-5,,,
summary,n,,,,,,,,,,q1,-4.5,,,
summary,n,,,,,,,,,,median,-4,,,
summary,n,,,,,,,,,,q3,-3.5,,,
summary,n,,,,,,,,,,max,-3,,,
question,d,,,,Known?,2,,,,,base,,,,
question,d,,,,Known?,0,,,,,answered,,,,
question,d,,,,Known?,0,,,,,not_applicable,,,,
question,d,,,,Known?,2,,,,,no_answer,,,,
choice,d,,-99,,Refused,0,,,,,,,,,
choice,d,,1,,Known,0,,,,,,,,,
cell,q,region,yes,"'=HYPERLINK(""http://x.invalid"",""r"")","'=HYPERLINK(""http://x.invalid"",""click"")",1,1,1,,,expected,0.5,,,
cell,q,region,yes,'@Africa,"'=HYPERLINK(""http://x.invalid"",""click"")",0,0,0,,,expected,0.5,,,
cell,q,region,no,"'=HYPERLINK(""http://x.invalid"",""r"")",'+No,0,0,0,,,expected,0.5,,,
cell,q,region,no,'@Africa,'+No,1,1,1,,,expected,0.5,,,
row_base,q,region,yes,,"'=HYPERLINK(""http://x.invalid"",""click"")",1,,,,,,,,,
row_base,q,region,no,,'+No,1,,,,,,,,,
col_base,q,region,,"'=HYPERLINK(""http://x.invalid"",""r"")","'=HYPERLINK(""http://x.invalid"",""r"")",1,,,,,,,,,
col_base,q,region,,'@Africa,'@Africa,1,,,,,,,,,
cell,d,region,-99,"'=HYPERLINK(""http://x.invalid"",""r"")",Refused,0,,,,,expected,,,,
cell,d,region,-99,'@Africa,Refused,0,,,,,expected,,,,
cell,d,region,1,"'=HYPERLINK(""http://x.invalid"",""r"")",Known,0,,,,,expected,,,,
cell,d,region,1,'@Africa,Known,0,,,,,expected,,,,
row_base,d,region,-99,,Refused,0,,,,,,,,,
row_base,d,region,1,,Known,0,,,,,,,,,
col_base,d,region,,"'=HYPERLINK(""http://x.invalid"",""r"")","'=HYPERLINK(""http://x.invalid"",""r"")",0,,,,,,,,,
col_base,d,region,,'@Africa,'@Africa,0,,,,,,,,,
X

run 0 "$QUIRE" status form data --roster roster.csv --format csv
expect_status 'status --format csv runs'
expect_out 'status neutralises names, channels, roster groups and their headers' <<'X'
code,name,status,submitted,channel,region,'@group
XAA,Aldmere,on_time,2019-05-02,,"'=HYPERLINK(""http://x.invalid"",""r"")",a
XAB,'-Brenth,on_time,2019-05-02,'=1+1,'@Africa,b
X

run 0 "$QUIRE" blank form --respondent XAA
expect_status 'blank runs'
expect_out 'blank neutralises the texts for the delegate' <<'X'
name,question,choices,value
_respondent,Roster code of the replying State,,XAA
_submitted,Date the reply was received,"a date, YYYY-MM-DD",
_channel,"How the reply came (note verbale, e-mail, ...)",,
_form_version,Version of the questionnaire,,
q,1 @SUM(A1),"yes = =HYPERLINK(""http://x.invalid"",""click""); no = +No",
t,2 -Comments,,
n,3 Number,a whole number,
d,4 Known?,'-99 = Refused; 1 = Known,
X

run 0 "$QUIRE" export form data
expect_out 'export neutralises text; a negative number stays a number' <<'X'
respondent,submitted,q,t,n,d,_channel,_entered_by,_form_version,_note,_incomplete
XAA,2019-05-02,yes,,-3,,,,,,
XAB,2019-05-02,no,,-5,,'=1+1,,,,
X
run 0 "$QUIRE" export form data --keep-formulas
expect_out '--keep-formulas writes text as it is' <<'X'
respondent,submitted,q,t,n,d,_channel,_entered_by,_form_version,_note,_incomplete
XAA,2019-05-02,yes,,-3,,,,,,
XAB,2019-05-02,no,,-5,,=1+1,,,,
X

done_testing
