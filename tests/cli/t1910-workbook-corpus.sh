#!/bin/sh
# t1910: quire check reads every workbook of the shared corpus of real
# XLSForms (../shared/corpus/xlsform-real) without crashing: exit status 0,
# or 1 with its messages.  Each file's verdict is printed as a comment.
# Without the corpus the test is skipped.
. "$top_srcdir/tests/lib.sh"
C=$QUIRE_SHARED/corpus/xlsform-real

if [ ! -d "$C" ]; then
	skip 'the real workbooks are read' "no corpus at $C"
	done_testing
fi

for f in "$C"/*.xlsx "$C"/*.xls "$C"/*.ods; do
	[ -f "$f" ] || continue
	name=${f##*/}
	"$QUIRE" check -q "$f" >"$OUT" 2>"$ERR"
	status=$?
	if [ "$status" = 0 ]; then
		echo "# $name: loads"
		tap_ok "$name: read"
	elif [ "$status" = 1 ] && grep -q '^quire:' "$ERR"; then
		echo "# $name: $(grep -c '^quire:' "$ERR") messages, the first: $(head -1 "$ERR" | sed "s|$C/||")"
		tap_ok "$name: read, and refused with messages"
	else
		tap_not_ok "$name: exit status $status"
		diag_file "$ERR"
	fi
done

done_testing
