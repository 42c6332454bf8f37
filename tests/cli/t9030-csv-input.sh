#!/bin/sh
# t9030: nothing read is silently cut or misread - a field past the cap is
# refused as soon as the cap is reached, whatever the input.
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

done_testing
