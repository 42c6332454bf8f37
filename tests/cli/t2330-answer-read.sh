#!/bin/sh
# t2330: filled answer workbooks are read back.  quire validate and quire
# import find the answers through the hidden sheet, whatever language the
# labels were chosen in, whether choices were marked Yes or ticked, and
# after the rows were sorted; without the hidden sheet, by question
# numbers, with a warning.  Each becomes the reply file it stands for,
# with _channel "workbook"; mistakes are named by the workbook, its sheet
# and row, in the validator's words; a workbook of another form or
# version is refused.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
F=$QUIRE_TEST_DATA/forms/mini
R=$QUIRE_TEST_DATA/replies/mini

# expected CODE: the reply file the workbook of CODE stands for.
expected() {
	grep -v '^_channel,\|^_entered_by,\|^_form_version,' "$R/$1.csv" |
		sed "s/^_submitted,\\(.*\\)/_submitted,\\1\\n_channel,workbook\\n_form_version,2019050101/"
}

for code in XAA XAB XAC; do
	"$QUIRE" blank "$F" --respondent $code --format xlsx -o blank-$code.xlsx
done

# Every way a delegate fills it in reads back as the same reply.
for way in en:--lang=0 fr:--lang=1 ticks:--ticks names:--names sorted:--sort; do
	name=${way%%:*}
	opt=$(echo "${way#*:}" | tr = ' ')
	mkdir "$name" "$name-in"
	for code in XAA XAB XAC; do
		# shellcheck disable=SC2086
		"$FILL_ANSWERS" $opt blank-$code.xlsx "$R/$code.csv" "$name/$code.xlsx"
	done
	run 0 "$QUIRE" validate "$F" "$name"
	expect_out "$name: validate reads the three workbooks" <<'END'
3 replies checked: no problems
END
	expect_err "$name: and says nothing" </dev/null
	run 0 "$QUIRE" import "$F" "$name" --into "$name-in"
	expect_out "$name: import writes a reply file for each" <<END
3 files: 3 replies written to $name-in
END
	for code in XAA XAB XAC; do
		expected $code >want.csv
		compare "$name: $code.csv is the reply typed in" "$name-in/$code.csv" <want.csv
	done
done

# Ticked in French labels and sorted: still the same, and tab agrees with the CSV replies.
mkdir all
"$FILL_ANSWERS" --lang 1 --ticks --sort blank-XAA.xlsx "$R/XAA.csv" all/XAA.xlsx
run 0 "$QUIRE" import "$F" all/XAA.xlsx --into all
expected XAA >want.csv
compare 'one workbook given as a file is imported' all/XAA.csv <want.csv
"$QUIRE" tab --format json "$F" en-in >csv.json
run 0 "$QUIRE" tab --format json "$F" en
compare 'tab reads the workbooks as their reply files' "$OUT" <csv.json

# Without the hidden sheet: by the numbers of the questions, with a warning.
mkdir nomap nomap-in
"$FILL_ANSWERS" --drop-map blank-XAA.xlsx "$R/XAA.csv" nomap/XAA.xlsx
run 0 "$QUIRE" import "$F" nomap --into nomap-in
expect_err 'a workbook whose hidden sheet was deleted is read with a warning' <<'END'
quire:nomap/XAA.xlsx: warning: the hidden sheet 'quire' was deleted: answers are read by the numbers and labels of the questions
END
compare 'and gives the same reply' nomap-in/XAA.csv <want.csv

# Another version of the form is refused, naming both.
mkdir v2
cp "$F/survey.csv" "$F/choices.csv" v2/
printf 'form_title,form_id,version\nMini,mini,2019090101\n' >v2/settings.csv
"$QUIRE" blank v2 --respondent XAA --format xlsx -o blank-v2.xlsx
"$FILL_ANSWERS" blank-v2.xlsx "$R/XAA.csv" XAA-v2.xlsx
run 1 "$QUIRE" validate "$F" XAA-v2.xlsx
expect_status 'a workbook of another version is refused'
expect_err 'naming both forms and versions' <<'END'
quire:XAA-v2.xlsx: an answer workbook of form 'mini' version '2019090101', not of form 'mini' version '2019050101'
END
run 1 "$QUIRE" import "$F" XAA-v2.xlsx --into all
expect_status 'and not imported'
"$FILL_ANSWERS" --drop-map blank-v2.xlsx "$R/XAA.csv" XAA-v2-nomap.xlsx
run 1 "$QUIRE" validate "$F" XAA-v2-nomap.xlsx
expect_err 'without the hidden sheet, the header block tells the version' <<'END'
quire:XAA-v2-nomap.xlsx: warning: the hidden sheet 'quire' was deleted: answers are read by the numbers and labels of the questions
quire:XAA-v2-nomap.xlsx:Reply!C3: an answer workbook of 'mini, version 2019090101', not of 'mini, version 2019050101'
END

# Mistakes are named by workbook, sheet and row, in the words used for CSV replies.
reply bad XAA 2019-05-02 'has_law,no' 'law_year,1950' 'offences,illegal_access none' \
	'budapest,Maybe' 'reply_date,2019-04-30'
mkdir badwb badin
"$FILL_ANSWERS" blank-XAA.xlsx bad/XAA.csv badwb/XAA.xlsx
run 1 "$QUIRE" validate "$F" badwb
expect_status 'a workbook with mistakes does not validate'
expect_err 'each is named by its cell'"'"'s row, as for a CSV reply' <<'END'
quire:badwb/XAA.xlsx:Reply!C11: law_year: answered, but the question does not apply to this reply (relevant: ${has_law} = 'yes')
quire:badwb/XAA.xlsx:Reply!C12: offences: answered, but the question does not apply to this reply (relevant: ${has_law} = 'yes')
quire:badwb/XAA.xlsx:Reply!C17: budapest: 'Maybe' is not a choice (choices: party, signed, no)
quire: 3 problems in 1 of 1 reply
END
"$QUIRE" validate "$F" bad >csv.out 2>csv.err
sed 's|bad/XAA.csv:[0-9]*:|X:|' csv.err >csv.words
sed 's|badwb/XAA.xlsx:Reply!C[0-9]*:|X:|' "$ERR" >wb.words
compare 'the same words as for the CSV reply' wb.words <csv.words
run 1 "$QUIRE" import "$F" badwb --into badin
expect_out 'import rejects it' <<'END'
1 file: 0 replies written to badin; 1 rejected
END
run 0 ls badin
expect_out 'and writes nothing' </dev/null

# A mark that is neither yes nor no.
mkdir odd
"$FILL_ANSWERS" --mark maybe blank-XAA.xlsx "$R/XAA.csv" odd/XAA.xlsx
run 1 "$QUIRE" validate "$F" odd
expect_err 'a mark that is neither Yes nor No is named with its choice' <<'END'
quire:odd/XAA.xlsx:Reply!C13: offences: 'maybe' is neither Yes nor No for 'illegal_access'
quire:odd/XAA.xlsx:Reply!C14: offences: 'maybe' is neither Yes nor No for 'interception'
quire: 2 problems in 1 of 1 reply
END

# Rows of the hidden sheet that name nothing are passed over.
mkdir garbled
"$FILL_ANSWERS" --garble blank-XAA.xlsx "$R/XAA.csv" garbled/XAA.xlsx
run 0 "$QUIRE" validate "$F" garbled
expect_out 'a hidden sheet with rows that name nothing still reads' <<'END'
1 reply checked: no problems
END
expect_err 'without a word' </dev/null

# The note to the Secretariat, and the date of the reply, come back as typed.
reply noted XAB 2019-06-30 'has_law,no' 'budapest,no'
printf '_note,"=Sent by e-mail, see the annex"\n' >>noted/XAB.csv
mkdir notedwb notedin
"$FILL_ANSWERS" blank-XAB.xlsx noted/XAB.csv notedwb/XAB.xlsx
run 0 "$QUIRE" import "$F" notedwb --into notedin
compare 'the note comes back byte for byte' notedin/XAB.csv <<'END'
name,value
_respondent,XAB
_submitted,2019-06-30
_channel,workbook
_form_version,2019050101
_note,"=Sent by e-mail, see the annex"
has_law,no
budapest,no
END

# A blank answer workbook, sent back without answers.
run 1 "$QUIRE" import "$F" blank-XAA.xlsx --into all
expect_status 'a blank answer workbook is not imported'
expect_err 'its missing answers are named as validate names them' <<'END'
quire:blank-XAA.xlsx: _submitted is missing (the date the reply was received, YYYY-MM-DD)
quire:blank-XAA.xlsx: has_law: required answer is missing
END

done_testing
