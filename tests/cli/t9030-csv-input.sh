#!/bin/sh
# t9030: nothing read is silently cut or misread - a field past the cap is
# refused as soon as the cap is reached, whatever the input; a file that is
# not UTF-8 is named by its encoding, with the way to save it as UTF-8.
. "$top_srcdir/tests/lib.sh"
F=$QUIRE_TEST_DATA/forms/mini
cd "$T" || exit 1

# /dev/zero is refused at its first byte, not read until memory runs out.
run 1 timeout 60 "$QUIRE" validate "$F" /dev/zero
expect_status '/dev/zero is refused'
expect_err 'at its first byte' <<'X'
quire:/dev/zero:1: NUL byte in column 1
X

# A field of 100 MB on a pipe: reading stops at the cap of 1 MiB, and what
# quire did not read is still in the pipe.
head -c 100000000 /dev/zero | tr '\000' x | {
	timeout 60 "$QUIRE" validate "$F" - >"$OUT" 2>"$ERR"
	echo $? >status
	wc -c | tr -d ' ' >left
}
got_status=$(cat status)
want_status=1
expect_status 'a field of 100 MB is refused'
expect_err 'as longer than the cap' <<'X'
quire:<stdin>:1: field in column 1 is longer than 1048576 bytes
X
expect_true 'at the cap: at most 2 MB of it was read' test "$(cat left)" -ge 98000000

# Encodings: UTF-16 and UTF-32 of either byte order, with or without a byte
# order mark, and Windows-1252.
printf 'name,value\n_respondent,XAA\n_submitted,2019-05-02\nhas_law,no\ncomments,C\303\264te d'"'"'Ivoire\n' >utf8.csv
run 0 "$QUIRE" validate "$F" utf8.csv
expect_status 'the reply in UTF-8 is valid'
for enc in UTF-16LE UTF-16BE UTF-32LE UTF-32BE UTF-16 WINDOWS-1252; do
	iconv -f UTF-8 -t "$enc" utf8.csv >"$enc.csv"
done
# iconv's UTF-16 writes a byte order mark; so does Excel's "Unicode Text".
for enc in UTF-16LE UTF-16BE UTF-32LE UTF-32BE UTF-16; do
	run 1 "$QUIRE" validate "$F" "$enc.csv"
	expect_status "$enc is refused"
done
run 1 "$QUIRE" validate "$F" UTF-16LE.csv UTF-16BE.csv UTF-32LE.csv UTF-32BE.csv UTF-16.csv
expect_err 'each is named with its byte order and the way to save it as UTF-8' <<'X'
quire:UTF-16LE.csv: the file is UTF-16 (little-endian, no byte order mark); save it as "CSV UTF-8 (comma delimited)"
X
for enc in UTF-16BE UTF-32LE UTF-32BE UTF-16; do
	run 1 "$QUIRE" validate "$F" "$enc.csv"
	cp "$ERR" "$enc.err"
done
compare 'UTF-16, big-endian' UTF-16BE.err <<'X'
quire:UTF-16BE.csv: the file is UTF-16 (big-endian, no byte order mark); save it as "CSV UTF-8 (comma delimited)"
X
compare 'UTF-32, little-endian' UTF-32LE.err <<'X'
quire:UTF-32LE.csv: the file is UTF-32 (little-endian, no byte order mark); save it as "CSV UTF-8 (comma delimited)"
X
compare 'UTF-32, big-endian' UTF-32BE.err <<'X'
quire:UTF-32BE.csv: the file is UTF-32 (big-endian, no byte order mark); save it as "CSV UTF-8 (comma delimited)"
X
compare 'UTF-16 with a byte order mark' UTF-16.err <<'X'
quire:UTF-16.csv: the file is UTF-16 (little-endian, with a byte order mark); save it as "CSV UTF-8 (comma delimited)"
X
run 1 "$QUIRE" validate "$F" WINDOWS-1252.csv
expect_status 'Windows-1252 is refused'
expect_err 'the text is shown as Windows-1252 reads it' <<'X'
quire:WINDOWS-1252.csv:5: invalid UTF-8 in column 2 (byte 2 of the field): the file seems to be Windows-1252 (Latin-1), in which it reads 'Côte d'Ivoire'; save it as "CSV UTF-8 (comma delimited)"
X
iconv -f UTF-8 -t UTF-16LE "$QUIRE_TEST_DATA/forms/corpus-good.csv" >form16.csv
run 1 "$QUIRE" check form16.csv
expect_status 'a form in UTF-16 is refused'
expect_err 'and named as such' <<'X'
quire:form16.csv: the file is UTF-16 (little-endian, no byte order mark); save it as "CSV UTF-8 (comma delimited)"
X

done_testing
