#!/bin/sh
# t5140: quire report --anonymous names no State: no code, no reply file, no
# name in the texts (in capitals, after an unusual prefix, an adjective or a
# capital from the roster's aliases, the code, a possessive); and contact
# details are left out unless the definition includes them.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
if ! command -v pdftotext >/dev/null 2>&1; then
	skip 'quire report --anonymous' 'pdftotext is not installed'
	done_testing
fi
text() { pdftotext "$1" - | tr '\n' ' ' | tr -s ' '; }

mkdir form
cat >form/survey.csv <<'X'
type,name,label,constraint
select_one yn,has_law,Has your State a law?,
text,comments,Comments,
text,resp_email,E-mail of the respondent,
text,focal_point_name,Name of the focal point,
text,contact,Where to write,"regex(., '^[^@]+@[^@]+$')"
X
cat >form/choices.csv <<'X'
list_name,name,label
yn,yes,Yes
yn,no,No
X
cat >roster.csv <<'X'
code,name,region,aliases
XKE,Kingdom of Kestria,North,Kestrian;Kestria City
XAN,Plurinational State of Andoria,South,
XBR,Republic of Brenth,North,
XCO,State of Corvale,South,
X
reply r XKE 2019-05-02 has_law,yes \
	"comments,\"KESTRIA supports the work. Kestria's law applies; the Kestrian police of Kestria City and XKE agree.\"" \
	resp_email,desk@kestria.example 'focal_point_name,Ms Ilsa Vorn' contact,desk2@mail.example
reply r XAN 2019-05-03 has_law,no \
	'comments,The Plurinational State of Andoria has no law; Andoria will adopt one.' \
	resp_email,law@andoria.example
reply r XBR 2019-05-04 has_law,yes 'comments,No comment.'
reply r XCO 2019-05-05 has_law,no

run 0 "$QUIRE" report --anonymous --roster roster.csv -o anon.pdf form r
expect_status 'report --anonymous'
expect_err 'contact details are left out, and the report says so' <<'X'
quire: left out of the report as contact details: resp_email, focal_point_name, contact (name them in 'include' to report them)
X
text anon.pdf >anon.txt
for code in XKE XAN XBR XCO; do
	expect_no_grep "no code: $code" "$code" anon.txt
done
expect_no_grep 'no reply file name' '.csv' anon.txt
for name in Kestria KESTRIA Andoria Plurinational; do
	expect_no_grep "no name: $name" "$name" anon.txt
done
expect_grep 'capitals, possessive, adjective, capital and code are replaced' \
	"[State] supports the work. [State]'s law applies; the [State] police of [State] and [State] agree." anon.txt
expect_grep 'an official name with an unusual prefix, and the short name' \
	'The [State] has no law; [State] will adopt one.' anon.txt
for contact in 'E-mail of the respondent' 'focal point' 'Where to write' desk@ desk2@ law@ 'Ilsa Vorn'; do
	expect_no_grep "no contact details: $contact" "$contact" anon.txt
done

# Provenance: the replies by their role and checksum, not in the codes' order.
expect_grep 'provenance: files are named by their role' \
	"Files are named by their role only, as the name of a reply’s file would say which State sent it." anon.txt
for code in XAN XBR XCO XKE; do
	sha256sum <"r/$code.csv" | cut -d' ' -f1
done >by-code.txt
grep -o 'Reply [0-9a-f]\{64\}' anon.txt | cut -d' ' -f2 >listed.txt
expect_true 'provenance: every reply is listed by its checksum' test "$(sort listed.txt)" = "$(sort by-code.txt)"
expect_true "provenance: not in the codes' order" sh -c '! cmp -s listed.txt by-code.txt'
expect_grep 'provenance: the roster by its role' "Roster $(sha256sum <roster.csv | cut -d' ' -f1)" anon.txt

# anonymous = true in a definition, with one contact question included.
cat >anon.ini <<'X'
[report]
form = form
data = r
roster = roster.csv
anonymous = true
include = resp_email
X
run 0 "$QUIRE" report -o include.pdf anon.ini
expect_status 'anonymous = true'
expect_err "only the contact details not named in 'include' are left out" <<'X'
quire: left out of the report as contact details: focal_point_name, contact (name them in 'include' to report them)
X
text include.pdf >include.txt
expect_grep "'include' reports the question" 'E-mail of the respondent' include.txt
expect_grep 'its answers are redacted like any text' 'desk@[State].example' include.txt
expect_no_grep 'and the others are still left out' 'Ilsa Vorn' include.txt
for code in XKE XAN XBR XCO; do
	expect_no_grep "anonymous = true: no code $code" "$code" include.txt
done
expect_no_grep 'anonymous = true: no reply file name' '.csv' include.txt

# Contact details are left out of a report that names States, too.
run 0 "$QUIRE" report --roster roster.csv -o named.pdf form r
expect_grep 'a named report leaves them out too' 'quire: left out of the report as contact details: resp_email, focal_point_name, contact' "$ERR"
text named.pdf >named.txt
expect_grep 'while it lists the replying States' 'Kingdom of Kestria XKE 2 May 2019' named.txt
expect_no_grep 'but not their contact details' 'desk@' named.txt

# No alias is a code: with a roster whose codes are letters (A, B, ... Z,
# then the ISO-like AA, AB ...), the aliases skip every code, in any case,
# and never take two letters ("State DE" would read as Germany).
awk 'BEGIN {
	print "code,name,region"
	for (i = 0; i < 26; i++)
		printf "%c,Land %c,North\n", 65 + i, 65 + i
	for (i = 0; i < 40; i++)
		printf "%c%c,Land %c%c,South\n", 65 + int(i / 26), 65 + i % 26, 65 + int(i / 26), 65 + i % 26
	print "a1,Land a1,South"
}' >letters.csv
mkdir lr
for c in $(tail -n +2 letters.csv | cut -d, -f1); do
	reply lr "$c" 2019-05-02 has_law,yes "comments,Reply of $c."
done
run 0 "$QUIRE" report --anonymous --roster letters.csv -o letters.pdf form lr
expect_status 'report --anonymous of States whose codes are letters'
pdftotext letters.pdf - | tr -d '\f' | grep -x 'State [A-Z][A-Za-z0-9]*' | sort -u >aliases
tail -n +2 letters.csv | cut -d, -f1 | tr 'a-z' 'A-Z' | sed 's/^/State /' | sort -u >codes
expect_true 'no alias is a code of the roster' test -z "$(comm -12 aliases codes)"
expect_true 'none is two or three letters' test -z "$(grep -E '^State [A-Z]{2,3}$' aliases)"
expect_true "the 67 replies have 67 aliases ($(wc -l <aliases))" test "$(grep -c . aliases)" -eq 67
expect_grep 'after the letters, a letter and a number, skipping A1' 'State B1' aliases
expect_no_grep 'never A1, a code in small letters' 'State A1$' aliases

done_testing
