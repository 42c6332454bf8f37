#!/bin/sh
# t9400: quire tab --jobs N - a large wide export cut into N parts read on
# threads of their own (src/chunked.c) gives, byte for byte, what one pass
# gives: the same stdout, stderr, exit status and -o file for --jobs 1, 2
# and 4 as for a pass over standard input, which is never cut (--jobs 1
# reads a large file as one part).  The form has every question type, skip logic, a constraint and a
# required answer; the data is drawn from a seed: several ticks per State,
# text with commas, doubled quotes, line ends, Arabic and Chinese, empty
# answers, late, incomplete and off-roster replies.  Data the parts cannot
# read cleanly (an invalid value, a State replying in two parts, a cut in
# a multi-line quoted cell, a warning) is read in one pass instead, with
# the same output.  --jobs takes 1 to 64.
. "$top_srcdir/tests/lib.sh"
start=$(date +%s)
F=$T/form
CUTOFF=2019-06-30
PART=$((256 * 1024))	# CHUNKED_MIN_PART: the smallest part worth a thread
# Fisher's exact test of topic by has_law would take seconds: past this
# much work (--fisher-exact-limit) it is estimated by simulation, from a
# fixed seed, which must come out the same on any number of threads too.
FISHER=1000000

# The form: every question type.  topic's 25 labels are 300 characters
# long; has_law, a small required list, is the --by; the coop group has a
# relevant of its own; law_year has a constraint.
mkdir "$F"
cat >"$F/survey.csv" <<'X'
type,name,label,relevant,constraint,constraint_message,required,parameters,calculation
note,intro,"Please answer as at the date of your reply, in any language.",,,,,,
select_one yn,has_law,Does your State have a law on cybercrime?,,,,yes,,
select_one topic,topic,Which topic matters most to your State?,,,,,,
select_multiple offence,offences,Which offences does the law cover?,${has_law} = 'yes',,,,,
rank prio,priorities,Rank the priorities for technical assistance,,,,,,
integer,law_year,Year the law was adopted,${has_law} = 'yes',. >= 1950 and . <= 2019,Give a year from 1950 to 2019,,,
decimal,budget,Budget of the cybercrime unit (USD thousands),,,,,,
range,score,How useful is the guidance (0 to 10)?,,,,,start=0 end=10 step=2,
begin group,coop,International cooperation,${has_law} != 'no',,,,,
integer,sent,Requests sent,,,,,,
integer,received,Requests received,,,,,,
calculate,total,,,,,,,${sent} + ${received}
date,last_request,Date of the last request received,,,,,,
time,contact_time,Usual time the 24/7 contact answers,,,,,,
end group,,,,,,,,
dateTime,reviewed_at,When the reply was reviewed,,,,,,
text,comments,Comments,,,,,,
text,authority,Authority responsible for the reply,,,,,,
X
awk 'BEGIN {
	print "list_name,name,label"
	print "yn,yes,Yes"
	print "yn,no,No"
	print "yn,unknown,Information not available"
	split("preservation of stored data|production orders|joint investigation teams|" \
	      "extradition|the 24/7 network", what, "|")
	for (i = 1; i <= 25; i++) {
		l = sprintf("Topic %d: cooperation between central authorities, law enforcement " \
			    "and service providers on \"%s\" (%d)", i, what[i % 5 + 1], i)
		while (length(l) < 300)
			l = l ", with the training of judges and prosecutors"
		l = substr(l, 1, 300)
		gsub(/"/, "\"\"", l)
		printf "topic,t%02d,\"%s\"\n", i, l
	}
	for (i = 1; i <= 25; i++)
		printf "offence,o%02d,Offence number %d\n", i, i
	for (i = 1; i <= 5; i++)
		printf "prio,p%d,Priority %d\n", i, i
}' >"$F/choices.csv"
printf 'form_title,form_id,version\nJobs: every question type,jobs,1\n' >"$F/settings.csv"

run 0 "$QUIRE" check "$F"
expect_status 'the form with every question type passes quire check'

# gen SEED MODE DIR [FLAT [PAD]]: draws from SEED a wide export of $ROWS
# rows, DIR/data.csv, with its roster DIR/roster.csv (code,name,region,
# member_from,member_to) and DIR/counts, shell assignments of what tab is
# to count.  MODE is clean, or plants what makes the parts fall back:
#   invalid  the integer 'abc' in a row near the end (the last part)
#   invalid-early  the same in a row near the start (the first part)
#   dup      the code of the row a quarter in again three quarters in
#   warn     a row marked _incomplete without its required has_law (a warning)
#   middle   every text in the middle third of the rows runs over several lines
# FLAT lists rows (" 12 345 ") whose multi-line text is put on one line,
# line ends made blanks: the bytes stay where they were.  PAD adds that
# many characters to the first row's authority.
ROWS=8000
gen() {
	mkdir -p "$3"
	awk -v seed="$1" -v mode="$2" -v dir="$3" -v flat="${4:- }" -v pad="${5:-0}" \
		-v rows="$ROWS" -v cutoff="$CUTOFF" '
	function pick(n) { return int(rand() * n) + 1 }
	function chance(p) { return rand() < p }
	function two(n) { return sprintf("%02d", n) }
	function day() { return "2019-" two(pick(9)) "-" two(pick(28)) }
	# A CSV field, quoted when it holds a comma, a quote or a line end.
	function csv(s) {
		if (s ~ /[",\n]/) {
			gsub(/"/, "\"\"", s)
			return "\"" s "\""
		}
		return s
	}
	# Up to N fragments of text joined by SEP.
	function text(n, sep,   s, k) {
		s = FRAG[pick(NFRAG)]
		for (k = pick(n); k > 1; k--)
			s = s sep FRAG[pick(NFRAG)]
		return s
	}
	# K distinct choices of PREFIX1..PREFIXN (numbered with FMT), in random order.
	function choose(k, n, prefix, fmt,   s, j, used) {
		s = ""
		split("", used)
		while (k-- > 0) {
			do j = pick(n); while (j in used)
			used[j] = 1
			s = s (s == "" ? "" : " ") prefix sprintf(fmt, j)
		}
		return s
	}
	BEGIN {
		srand(seed)
		NC = split("respondent submitted has_law topic offences priorities law_year " \
			   "budget score sent received last_request contact_time reviewed_at " \
			   "_incomplete comments authority", H, " ")
		for (c = 1; c <= NC; c++)
			col[H[c]] = c
		NFRAG = split("Ministry of Justice|Cybercrime Unit, National Police|" \
			      "the \"Budapest\" Convention applies|وزارة العدل، وحدة الجرائم الإلكترونية|" \
			      "司法部网络犯罪处，负责国际合作|公安部 \"24/7\" 联络点|لا توجد معلومات إضافية|" \
			      "see annex 2, section \"B\"|n/a|Office of the Prosecutor-General; MLA desk|" \
			      "=1+2 is not a formula here|\"quoted\"|a, b, and c", FRAG, "|")
		for (i = 1; i <= rows; i++) {
			v["respondent"] = sprintf("S%05d", i)
			v["submitted"] = day()
			r = rand()
			hl = v["has_law"] = r < 0.6 ? "yes" : r < 0.85 ? "no" : "unknown"
			# t21 to t25 are rare: small cells for --small-cell
			r = rand()
			v["topic"] = r < 0.08 ? "" : r < 0.99 ? "t" two(pick(20)) : "t" two(20 + pick(5))
			v["offences"] = hl == "yes" && chance(0.9) ? choose(pick(6), 25, "o", "%02d") : ""
			v["priorities"] = chance(0.85) ? choose(pick(5), 5, "p", "%d") : ""
			v["law_year"] = hl == "yes" && chance(0.9) ? 1949 + pick(70) : ""
			r = rand()
			v["budget"] = r < 0.1 ? "" : r < 0.5 ? pick(5000) : \
				      sprintf("%.2f", rand() * 1000 - (r > 0.95 ? 1000 : 0))
			v["score"] = chance(0.9) ? 2 * (pick(6) - 1) : ""
			# the coop group applies unless has_law is no
			v["sent"] = v["received"] = v["last_request"] = v["contact_time"] = ""
			if (hl != "no") {
				v["sent"] = chance(0.9) ? pick(200) - 1 : ""
				v["received"] = chance(0.9) ? pick(300) - 1 : ""
				v["last_request"] = chance(0.8) ? day() : ""
				v["contact_time"] = chance(0.8) ? two(pick(24) - 1) ":" two(pick(60) - 1) ":00" : ""
			}
			v["reviewed_at"] = chance(0.7) ? day() "T" two(pick(24) - 1) ":" \
					   two(pick(60) - 1) ":" two(pick(60) - 1) : ""
			v["_incomplete"] = chance(0.03) ? "yes" : ""
			# every few dozen rows the comments run over lines, blank ones too
			r = rand()
			v["comments"] = r < 0.2 ? "" : r < 0.97 ? text(3, chance(0.5) ? ", " : ". ") : \
					text(4, chance(0.7) ? "\n" : "\n\n")
			v["authority"] = chance(0.9) ? FRAG[pick(NFRAG)] : ""
			# on the roster mostly; a few left the group or joined after the cut-off
			r = rand()
			roster[i] = r < 0.05 ? "" : r < 0.07 ? ",2015-01-01,2018-12-31" : \
				    r < 0.08 ? ",2019-07-15," : ",,"
			for (c = 1; c <= NC; c++)
				V[i, c] = v[H[c]]
		}
		if (mode ~ /^invalid/) {
			for (i = mode == "invalid" ? rows - 10 : 100; V[i, col["has_law"]] == "no"; i--)
				;
			V[i, col["sent"]] = "abc"
		} else if (mode == "dup") {
			V[int(rows * 3 / 4), 1] = V[int(rows / 4), 1]
		} else if (mode == "warn") {
			i = int(rows / 2) + 7
			V[i, col["_incomplete"]] = "yes"
			V[i, col["has_law"]] = V[i, col["offences"]] = V[i, col["law_year"]] = ""
		} else if (mode == "middle") {
			for (i = int(rows / 3); i <= int(rows * 2 / 3); i++)
				V[i, col["comments"]] = text(6, "\n") "\n" FRAG[pick(NFRAG)]
		}
		n = split(flat, rowlist, " ")
		for (k = 1; k <= n; k++)
			gsub(/\n/, " ", V[rowlist[k], col["comments"]])
		V[1, col["authority"]] = V[1, col["authority"]] substr("------------", 1, pad)

		out = dir "/data.csv"
		for (c = 1; c <= NC; c++)
			printf "%s%s", H[c], (c < NC ? "," : "\n") >out
		for (i = 1; i <= rows; i++)
			for (c = 1; c <= NC; c++)
				printf "%s%s", csv(V[i, c]), (c < NC ? "," : "\n") >out
		close(out)

		out = dir "/roster.csv"
		print "# The States of the generated data, seed " seed "; some codes are not on it" >out
		print "code,name,region,member_from,member_to" >out
		split("Africa Asia Europe", region, " ")
		for (i = 1; i <= rows; i++)
			if (roster[i] != "")
				printf "S%05d,\"Republic of S%05d, the\",%s%s\n", i, i,
				       region[i % 3 + 1], roster[i] >out
		close(out)

		# What tab is to count: included without options, and with --roster
		# and --cutoff (the roster first, then _incomplete, then the date).
		for (i = 1; i <= rows; i++) {
			incomplete = V[i, col["_incomplete"]] != ""
			late = V[i, col["submitted"]] > cutoff
			all += !incomplete
			if (roster[i] != ",,")
				continue	# not on the roster, or not a member on the cut-off
			if (!incomplete) {
				if (late)
					r_late++
				else
					r_included++
			}
		}
		printf "INCLUDED=%d\nR_INCLUDED=%d\nR_LATE=%d\n", all, r_included, r_late >(dir "/counts")
	}'
}

# cuts FILE N: where quire tab --jobs N cuts FILE, as src/chunked.c does:
# the rows start past the header's line end; each part ends at the first
# line end at or past the part's start plus (size - start) / N.  One line a
# cut: "BYTE between" or "BYTE inside ROW" when that line end lies inside
# a quoted cell of data row ROW.
cuts() {
	awk -v size="$(wc -c <"$1")" -v n="$2" '
	{
		at += length($0) + 1	# the byte past this line end
		quotes += gsub(/"/, "")
		inside = quotes % 2
		if (!started) {
			if (!inside) {
				started = 1
				each = int((size - at) / n)
				next_at = at + each
			}
			next
		}
		if (!inside)
			row++
		if (k < n - 1 && at - 1 >= next_at) {
			if (inside)
				print at, "inside", row + 1
			else
				print at, "between"
			k++
			next_at = at + each
		}
	}' "$1"
}

# data SEED MODE DIR: gen, again with the rows a cut of --jobs 2 or 4 would
# split put on one line, until the cuts fall between rows: clean data is
# then really read in parts, and data meant to fall back falls back for
# the reason planted, not for a cut.
data() {
	flat_=' '
	tries_=0
	gen "$1" "$2" "$3"
	while [ $tries_ -lt 10 ]; do
		rows_=$( { cuts "$3/data.csv" 2; cuts "$3/data.csv" 4; } |
			awk '$2 == "inside" { printf " %s", $3 }')
		[ -z "$rows_" ] && break
		flat_="$flat_$rows_ "
		tries_=$((tries_ + 1))
		gen "$1" "$2" "$3" "$flat_"
	done
}

# between FILE: the cuts of --jobs 2 and 4 all fall between rows of FILE.
between() {
	test "$( { cuts "$1" 2; cuts "$1" 4; } | grep -c between)" = 4
}

# inside FILE N: a cut of --jobs N falls inside a quoted cell of FILE.
inside() {
	cuts "$1" "$2" | grep -q inside
}

# has JSON PATH: the PATH (tests/jsonq) is in the JSON file.
has() {
	"$JSONQ" "$1" "$2" >/dev/null 2>&1
}

# tab_jobs N ARGS...: quire tab --jobs N ARGS, its stdout, stderr and
# status in $T/jN.out, .err and .rc; with WITH_O set, -o $T/jN.o.
WITH_O=
tab_jobs() {
	n_=$1
	shift
	rm -f "$T/j$n_.o"
	"$QUIRE" tab --jobs "$n_" ${WITH_O:+-o "$T/j$n_.o"} "$@" </dev/null >"$T/j$n_.out" 2>"$T/j$n_.err"
	echo $? >"$T/j$n_.rc"
}

# same NAME N: a tap line: --jobs N (or the one pass, when N is p)
# printed, wrote and exited as --jobs 1.
same() {
	what_="--jobs $2"
	[ "$2" = p ] && what_="one pass over standard input"
	differ_=
	for f_ in out err rc ${WITH_O:+o}; do
		cmp -s "$T/j1.$f_" "$T/j$2.$f_" || differ_="$differ_ $f_"
	done
	if [ -z "$differ_" ]; then
		tap_ok "$1: $what_ gives what --jobs 1 gives"
	else
		tap_not_ok "$1: $what_ gives what --jobs 1 gives"
		for f_ in $differ_; do
			echo "# $f_ differs:"
			diff "$T/j1.$f_" "$T/j$2.$f_" | head -10 | cut -c 1-200 | sed 's/^/# /'
		done
	fi
}

# one_pass ARGS...: quire tab ARGS with the last, the data file, read
# from standard input, which is never cut into parts: the one pass every
# --jobs N must match.  Its stdout, stderr (naming the file), status and
# -o file in $T/jp.*.
one_pass() {
	data_=
	for a_ in "$@"; do data_=$a_; done
	i_=0 n_=$#
	for a_ in "$@"; do
		i_=$((i_ + 1))
		[ $i_ -lt $n_ ] && set -- "$@" "$a_"
	done
	shift $n_
	rm -f "$T/jp.o"
	"$QUIRE" tab ${WITH_O:+-o "$T/jp.o"} "$@" - <"$data_" >"$T/jp.out" 2>"$T/jp.stdin-err"
	echo $? >"$T/jp.rc"
	# Its messages name the file as "<stdin>".
	sed "s|^quire:<stdin>:|quire:$data_:|" "$T/jp.stdin-err" >"$T/jp.err"
}

# check_jobs NAME STATUS JOBS ARGS...: quire tab --jobs 1 ARGS exits STATUS;
# with --jobs N, for each N of JOBS, its output is the same.  $T/j1.out
# keeps the output of --jobs 1.  On clean data (STATUS 0), --jobs 1 reads
# a large file as one part, so its output is also held to the one pass's.
check_jobs() {
	name_=$1 want_=$2 jobs_=$3
	shift 3
	for n in 1 $jobs_; do
		tab_jobs "$n" "$@"
	done
	if [ "$(cat "$T/j1.rc")" = "$want_" ]; then
		tap_ok "$name_: --jobs 1 exits $want_"
	else
		tap_not_ok "$name_: --jobs 1 exits $want_"
		echo "# exit status $(cat "$T/j1.rc"); stderr:"
		head -5 "$T/j1.err" | sed 's/^/# /'
	fi
	if [ "$want_" = 0 ]; then
		one_pass "$@"
		same "$name_" p
	fi
	for n in $jobs_; do
		same "$name_" "$n"
	done
}

# Clean data, two seeds: every option set gives the same bytes on 1, 2
# and 4 threads.  The file is more than 4 parts of 256 KiB and the cuts
# fall between rows, so each N really reads it in N parts.
for seed in 1 2; do
	D=$T/s$seed
	data $seed clean "$D"
	. "$D/counts"
	size=$(wc -c <"$D/data.csv")
	echo "# seed $seed: $ROWS rows, $size bytes;" \
		"$INCLUDED included, $R_INCLUDED with the roster and cut-off"
	run 0 "$QUIRE" validate "$F" "$D/data.csv"
	expect_status "seed $seed: every generated row is valid"
	expect_true "seed $seed: the export is big enough for 4 parts" test "$size" -ge $((4 * PART))
	expect_true "seed $seed: the cuts of --jobs 2 and 4 fall between rows" between "$D/data.csv"
	expect_true "seed $seed: some comments run over lines" \
		test "$(wc -l <"$D/data.csv")" -gt $((ROWS + 1))

	check_jobs "seed $seed, --format json" 0 '2 4' --format json "$F" "$D/data.csv"
	expect_true "seed $seed, --format json: the included replies are those counted" \
		test "$("$JSONQ" "$T/j1.out" respondents.included)" = "$INCLUDED"
	check_jobs "seed $seed, --format csv" 0 '2 4' --format csv "$F" "$D/data.csv"
	check_jobs "seed $seed, --format text" 0 '2 4' --format text "$F" "$D/data.csv"
	expect_grep "seed $seed, --format text: topic is tabulated" 'Which topic matters most' "$T/j1.out"
	check_jobs "seed $seed, --by has_law" 0 '2 4' \
		--format json --by has_law --fisher-exact-limit $FISHER "$F" "$D/data.csv"
	expect_true "seed $seed, --by has_law: there are crosstabs" has "$T/j1.out" 'crosstabs[0].counts'
	expect_grep "seed $seed, --by has_law: topic by has_law is estimated by simulation" \
		'"fisher_method": "monte_carlo"' "$T/j1.out"
	check_jobs "seed $seed, --by offences (a select_multiple)" 0 '2 4' \
		--format json --by offences --fisher-exact-limit $FISHER "$F" "$D/data.csv"
	check_jobs "seed $seed, --small-cell 5 --by topic" 0 '2 4' \
		--format json --small-cell 5 --by topic --fisher-exact-limit $FISHER "$F" "$D/data.csv"
	expect_grep "seed $seed, --small-cell 5 --by topic: small cells are hidden" \
		'"suppressed": [' "$T/j1.out"
	check_jobs "seed $seed, --roster and --cutoff" 0 '2 4' \
		--format json --roster "$D/roster.csv" --cutoff $CUTOFF "$F" "$D/data.csv"
	expect_true "seed $seed, --roster and --cutoff: included and late are those counted" \
		test "$("$JSONQ" "$T/j1.out" respondents.included respondents.late)" = \
		"$(printf '%s\n%s' "$R_INCLUDED" "$R_LATE")"
	expect_grep "seed $seed, --roster and --cutoff: codes not on the roster are left out" \
		'"reason": "not_on_roster"' "$T/j1.out"
	expect_grep "seed $seed, --roster and --cutoff: States not members on the cut-off are left out" \
		'"reason": "not_member"' "$T/j1.out"
	check_jobs "seed $seed, -q priorities -q law_year" 0 '2 4' \
		--format csv -q priorities -q law_year "$F" "$D/data.csv"
	WITH_O=1
	check_jobs "seed $seed, --format text -q offences -o FILE" 0 '2 4' \
		--format text -q offences "$F" "$D/data.csv"
	expect_true "seed $seed, -o FILE: the file has the table and stdout nothing" \
		test -s "$T/j1.o" -a ! -s "$T/j1.out"
	WITH_O=
done

# Data the parts cannot use: tab reads it in one pass, and says the same.
# (a) An invalid value near the end, then near the start (where the first
# part hears of it, the others still reading): the problem, exit status 1.
data 1 invalid "$T/invalid"
check_jobs 'an invalid value near the end' 1 '2 4' --format json "$F" "$T/invalid/data.csv"
expect_grep 'an invalid value near the end: it is reported' \
	"sent: 'abc' is not an integer" "$T/j1.err"
data 1 invalid-early "$T/invalid-early"
check_jobs 'an invalid value near the start' 1 '2 4' --format json "$F" "$T/invalid-early/data.csv"
expect_grep 'an invalid value near the start: it is reported' \
	"sent: 'abc' is not an integer" "$T/j1.err"

# (b) One code in the first half and again in the second: the second reply
# is a problem, found only when the file is read in one pass.
data 1 dup "$T/dup"
check_jobs 'a State replying in both halves' 1 '2 4' --format json "$F" "$T/dup/data.csv"
expect_grep 'a State replying in both halves: the second reply is reported' \
	"_respondent: 'S02000' also replied in $T/dup/data.csv row" "$T/j1.err"

# That the clean file is really read in parts, seen with strace: falling
# back, tab opens the file again for its one pass, so with --jobs 4 the
# clean file is opened fewer times than this one.
opens() {
	strace -f -qq -e trace=openat -o "$T/strace" "$QUIRE" tab --jobs 4 --format json "$F" "$1" \
		</dev/null >/dev/null 2>&1
	grep -cF "$1" "$T/strace"
}
if strace -f -qq -e trace=openat -o /dev/null true >/dev/null 2>&1; then
	clean=$(opens "$T/s1/data.csv")
	dup=$(opens "$T/dup/data.csv")
	echo "# --jobs 4 opens the clean file $clean times, the one that falls back $dup times"
	expect_true 'with --jobs 4 the clean file is read in parts, without a second pass' \
		test "$clean" -lt "$dup"
else
	skip 'with --jobs 4 the clean file is read in parts, without a second pass' 'no strace'
fi

# (c) Multi-line comments in the middle third of the rows: the cut of
# --jobs 2 falls in a quoted cell (the first row's authority is padded,
# two bytes at a time, until it does), so the parts fall back.
gen 1 middle "$T/middle"
pad=0
until inside "$T/middle/data.csv" 2 || [ $pad -ge 12 ]; do
	pad=$((pad + 2))
	gen 1 middle "$T/middle" ' ' $pad
done
expect_true 'the cut of --jobs 2 falls inside a multi-line quoted cell' \
	inside "$T/middle/data.csv" 2
check_jobs 'a cut inside a quoted cell' 0 '2 4' --format json "$F" "$T/middle/data.csv"

# (d) A warning (a reply marked _incomplete lacks its required has_law):
# it is printed once, in row order, and the figures are the same.
data 1 warn "$T/warn"
check_jobs 'a warning in the middle' 0 '2 4' --format csv "$F" "$T/warn/data.csv"
expect_grep 'a warning in the middle: it is printed' \
	'has_law: required answer is missing (the reply is marked _incomplete)' "$T/j1.err"

# --jobs takes a whole number from 1 to 64.
run 2 "$QUIRE" tab --jobs 0 "$F" "$T/s1/data.csv"
expect_status '--jobs 0 is a usage error'
expect_err '--jobs 0: the range is given' <<'X'
quire tab: --jobs: '0' is not a whole number from 1 to 64
Try 'quire tab --help' for more information.
X
run 2 "$QUIRE" tab --jobs x "$F" "$T/s1/data.csv"
expect_status '--jobs x is a usage error'
expect_err '--jobs x: the range is given' <<'X'
quire tab: --jobs: 'x' is not a whole number from 1 to 64
Try 'quire tab --help' for more information.
X
run 2 "$QUIRE" tab -j 65 "$F" "$T/s1/data.csv"
expect_status '-j 65 is a usage error'

echo "# $(($(date +%s) - start)) s"
done_testing
