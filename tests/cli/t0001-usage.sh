#!/bin/sh
# t0001: global usage, --help, --version, unknown commands, write errors
. "$top_srcdir/tests/lib.sh"

run 0 "$QUIRE" --help
expect_status '--help exits 0'
expect_grep '--help lists the commands' 'Usage: quire COMMAND' "$OUT"

run 0 "$QUIRE" --version
expect_status '--version exits 0'
expect_grep '--version names the version' "quire " "$OUT"

run 2 "$QUIRE"
expect_status 'no command is a usage error'
expect_grep 'no command prints usage on stderr' 'Usage: quire COMMAND' "$ERR"

run 2 "$QUIRE" frobnicate
expect_status 'an unknown command is a usage error'
expect_err 'an unknown command is named' <<'X'
quire: unknown command 'frobnicate'
Try 'quire --help' for the list of commands.
X

if [ -w /dev/full ]; then
	run 1 sh -c '"$QUIRE" --help >/dev/full'
	expect_status 'a write error on stdout fails'
	expect_err 'a write error is reported' <<'X'
quire: write error: No space left on device
X
else
	skip 'a write error on stdout fails' 'no /dev/full'
	skip 'a write error is reported' 'no /dev/full'
fi

done_testing
