/* expr-func.c - the functions of XLSForm expressions */
#include <config.h>
#include "expr.h"

#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "expr-int.h"
#include "isodate.h"

/*
 * Each function evaluates its own arguments, so if() and coalesce() can be
 * lazy.  Semantics are JavaRosa's (XPathFuncExpr.java) unless a comment
 * says otherwise.  Only the functions that build new strings (concat,
 * substr, selected-at, normalize-space, format-date, and string() of a
 * number or date, here; more in expr-math.c and expr-text.c) write to
 * env->scratch; the others convert numbers into buffers on the stack.
 */

/* ---- arguments ---- */

void expr_arg(const struct expr_node *call, int i, const struct expr_env *env,
		struct expr_value *v)
{
	expr_eval_node(call->u.call.argv[i], env, v);
}

double expr_arg_number(const struct expr_node *call, int i, const struct expr_env *env)
{
	struct expr_value v;
	expr_arg(call, i, env, &v);
	return expr_to_number(&v);
}

bool expr_arg_boolean(const struct expr_node *call, int i, const struct expr_env *env)
{
	struct expr_value v;
	expr_arg(call, i, env, &v);
	return expr_to_boolean(&v);
}

/* The string form of argument I; BUF holds it when it is a number or a date. */
const char *expr_arg_string(const struct expr_node *call, int i, const struct expr_env *env,
			      char buf[EXPR_NUMBUF])
{
	struct expr_value v;
	expr_arg(call, i, env, &v);
	return expr_value_str(&v, buf);
}

/* Java's (int) of a double: truncated, saturated, and 0 for NaN. */
long expr_to_index(double d)
{
	if (isnan(d))
		return 0;
	if (d >= INT_MAX)
		return INT_MAX;
	if (d <= INT_MIN)
		return INT_MIN;
	return (long)d;
}

/* ---- building strings in env->scratch ---- */

void expr_build_init(struct expr_builder *b)
{
	b->heap = NULL;
	b->len = 0;
	b->too_long = false;
}

void expr_build_add(struct expr_builder *b, const char *s, size_t n)
{
	if (b->too_long || n > EXPR_MAX_STRING - b->len) {
		b->too_long = true;
		return;
	}
	if (!b->heap && b->len + n < sizeof b->stack) {
		memcpy(b->stack + b->len, s, n);
	} else {
		if (!b->heap)
			b->heap = g_string_new_len(b->stack, (gssize)b->len);
		g_string_append_len(b->heap, s, (gssize)n);
	}
	b->len += n;
}

const char *expr_build_end(struct expr_builder *b, const struct expr_env *env)
{
	const char *s = "";
	if (b->too_long && env->too_long)
		*env->too_long = true;
	else if (!b->too_long)
		s = g_string_chunk_insert_len(env->scratch, b->heap ? b->heap->str : b->stack,
					      (gssize)b->len);
	if (b->heap)
		g_string_free(b->heap, TRUE);
	return s;
}

/* ---- characters ---- */

/*
 * Counting lead bytes gives g_utf8_strlen()'s answer for valid UTF-8 and
 * never reads past the end of invalid text.
 */
static bool lead_byte(char c)
{
	return ((unsigned char)c & 0xC0) != 0x80;
}

static long utf8_length(const char *s)
{
	long n = 0;
	for (; *s; s++)
		n += lead_byte(*s);
	return n;
}

/* The byte where character N of S starts (or S's end). */
static const char *utf8_at(const char *s, long n)
{
	for (; *s && n > 0; n--)
		for (s++; *s && !lead_byte(*s);)
			s++;
	return s;
}

/* ---- logic ---- */

static void fn_if(const struct expr_node *call, const struct expr_env *env, struct expr_value *out)
{
	expr_arg(call, expr_arg_boolean(call, 0, env) ? 1 : 2, env, out);
}

/* The first argument unless it is "" or NaN (JavaRosa's isNull), else the second. */
static void fn_coalesce(const struct expr_node *call, const struct expr_env *env,
			struct expr_value *out)
{
	expr_arg(call, 0, env, out);
	bool null = out->type == EXPR_STRING ? !*out->str
					      : out->type == EXPR_NUMBER && isnan(out->num);
	if (null)
		expr_arg(call, 1, env, out);
}

static void fn_not(const struct expr_node *call, const struct expr_env *env, struct expr_value *out)
{
	expr_set_boolean(out, !expr_arg_boolean(call, 0, env));
}

static void fn_true(const struct expr_node *call, const struct expr_env *env,
		    struct expr_value *out)
{
	(void)call;
	(void)env;
	expr_set_boolean(out, true);
}

static void fn_false(const struct expr_node *call, const struct expr_env *env,
		     struct expr_value *out)
{
	(void)call;
	(void)env;
	expr_set_boolean(out, false);
}

static void fn_boolean(const struct expr_node *call, const struct expr_env *env,
		       struct expr_value *out)
{
	expr_set_boolean(out, expr_arg_boolean(call, 0, env));
}

/* True for "true" in any case and for "1", false for anything else. */
static void fn_boolean_from_string(const struct expr_node *call, const struct expr_env *env,
				   struct expr_value *out)
{
	char buf[EXPR_NUMBUF];
	const char *s = expr_arg_string(call, 0, env, buf);
	expr_set_boolean(out, g_ascii_strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0);
}

/*
 * once(x): Collect keeps the value a calculation had when it was first
 * made; quire computes each calculation of a reply afresh, where the
 * question is still empty, so once(x) is x.
 */
static void fn_once(const struct expr_node *call, const struct expr_env *env,
		    struct expr_value *out)
{
	expr_arg(call, 0, env, out);
}

/* ---- node-sets, which without repeats hold one node ---- */

/* count(${q}): a question is one node, answered or not. */
static void fn_count(const struct expr_node *call, const struct expr_env *env,
		     struct expr_value *out)
{
	(void)call;
	(void)env;
	expr_set_number(out, 1);
}

/* count-non-empty(${q}): 1 when q is answered, else 0. */
static void fn_count_non_empty(const struct expr_node *call, const struct expr_env *env,
			       struct expr_value *out)
{
	char buf[EXPR_NUMBUF];
	expr_set_number(out, *expr_arg_string(call, 0, env, buf) != '\0');
}

/* position() and position(..): without repeats every node is the first of its name. */
static void fn_position(const struct expr_node *call, const struct expr_env *env,
			struct expr_value *out)
{
	(void)call;
	(void)env;
	expr_set_number(out, 1);
}

/* ---- conversions and numbers ---- */

static void fn_string(const struct expr_node *call, const struct expr_env *env,
		      struct expr_value *out)
{
	struct expr_value v;
	expr_arg(call, 0, env, &v);
	expr_set_string(out, expr_to_string(&v, env->scratch));
}

static void fn_number(const struct expr_node *call, const struct expr_env *env,
		      struct expr_value *out)
{
	expr_set_number(out, expr_arg_number(call, 0, env));
}

/* Truncates toward zero; NaN and the infinities stay. */
static void fn_int(const struct expr_node *call, const struct expr_env *env, struct expr_value *out)
{
	expr_set_number(out, trunc(expr_arg_number(call, 0, env)));
}

/*
 * Rounds |X|'s shortest decimal digits to PLACES decimals, a tie going
 * toward positive infinity: JavaRosa rounds Double.toString(x) with
 * BigDecimal HALF_UP for positive and HALF_DOWN for negative numbers.
 * Rounding the decimal digits, not the binary value, makes
 * round(2.675, 2) 2.68 although 2.675 is 2.67499999... in binary.
 */
static double round_decimal(double x, long places)
{
	char digits[18];
	int exp = expr_shortest_digits(x, digits);
	long n = (long)strlen(digits);
	long keep = exp + 1 + places;	/* digits left of the rounding point */
	if (keep >= n)
		return x;
	unsigned long long kept = 0;
	bool up = false;
	if (keep >= 0) {
		for (long i = 0; i < keep; i++)
			kept = kept * 10 + (unsigned)(digits[i] - '0');
		char first = digits[keep];
		bool more = strspn(digits + keep + 1, "0") < strlen(digits + keep + 1);
		up = x > 0 ? first >= '5' : first > '5' || (first == '5' && more);
	}
	char buf[48];
	g_snprintf(buf, sizeof buf, "%s%llue%ld", x < 0 ? "-" : "", kept + up, -places);
	return g_ascii_strtod(buf, NULL);
}

/*
 * round(x[, places]).  Negative places round to tens, hundreds...; there
 * JavaRosa's code truncates (x * 10^places + 0.5) toward zero, which
 * misrounds negative numbers (round(-34, -1) = -20); we apply the same rule
 * as for positive places instead.  More than 30 places either way is NaN,
 * as in JavaRosa.
 */
static void fn_round(const struct expr_node *call, const struct expr_env *env,
		     struct expr_value *out)
{
	double x = expr_arg_number(call, 0, env);
	long places = call->u.call.argc > 1 ? expr_to_index(expr_arg_number(call, 1, env)) : 0;
	if (isnan(x) || isinf(x) || x == 0)
		expr_set_number(out, x);
	else if (places > 30 || places < -30)
		expr_set_number(out, NAN);
	else
		expr_set_number(out, round_decimal(x, places));
}

/*
 * Without repeats a reference is a node-set of one node, so sum() is its
 * number, or 0 when that is NaN (JavaRosa skips NaN terms).
 */
static void fn_sum(const struct expr_node *call, const struct expr_env *env, struct expr_value *out)
{
	double d = expr_arg_number(call, 0, env);
	expr_set_number(out, isnan(d) ? 0 : d);
}

/* min() and max() skip NaN arguments, and are NaN when all are. */
static void min_max(const struct expr_node *call, const struct expr_env *env,
		    struct expr_value *out, bool max)
{
	double best = NAN;
	for (int i = 0; i < call->u.call.argc; i++) {
		double d = expr_arg_number(call, i, env);
		if (!isnan(d) && (isnan(best) || (max ? d > best : d < best)))
			best = d;
	}
	expr_set_number(out, best);
}

static void fn_min(const struct expr_node *call, const struct expr_env *env, struct expr_value *out)
{
	min_max(call, env, out, false);
}

static void fn_max(const struct expr_node *call, const struct expr_env *env, struct expr_value *out)
{
	min_max(call, env, out, true);
}

static void fn_pow(const struct expr_node *call, const struct expr_env *env, struct expr_value *out)
{
	double x = expr_arg_number(call, 0, env);
	expr_set_number(out, pow(x, expr_arg_number(call, 1, env)));
}

static void fn_abs(const struct expr_node *call, const struct expr_env *env, struct expr_value *out)
{
	expr_set_number(out, fabs(expr_arg_number(call, 0, env)));
}

/* ---- strings ---- */

static void fn_concat(const struct expr_node *call, const struct expr_env *env,
		      struct expr_value *out)
{
	struct expr_builder b;
	expr_build_init(&b);
	for (int i = 0; i < call->u.call.argc; i++) {
		char buf[EXPR_NUMBUF];
		const char *s = expr_arg_string(call, i, env, buf);
		expr_build_add(&b, s, strlen(s));
	}
	expr_set_string(out, expr_build_end(&b, env));
}

/* In characters, not bytes. */
static void fn_string_length(const struct expr_node *call, const struct expr_env *env,
			     struct expr_value *out)
{
	char buf[EXPR_NUMBUF];
	expr_set_number(out, (double)utf8_length(expr_arg_string(call, 0, env, buf)));
}

/*
 * substr(s, start[, end]): characters START (0-based) up to END
 * (exclusive); a negative index counts from the end.  JavaRosa counts
 * UTF-16 units; we count characters.
 */
static void fn_substr(const struct expr_node *call, const struct expr_env *env,
		      struct expr_value *out)
{
	char buf[EXPR_NUMBUF];
	const char *s = expr_arg_string(call, 0, env, buf);
	long len = utf8_length(s);
	long start = expr_to_index(expr_arg_number(call, 1, env));
	long end = call->u.call.argc > 2 ? expr_to_index(expr_arg_number(call, 2, env)) : len;
	if (start < 0)
		start += len;
	if (end < 0)
		end += len;
	start = CLAMP(start, 0, len);
	end = CLAMP(end, 0, len);
	if (start >= end) {
		expr_set_string(out, "");
		return;
	}
	const char *from = utf8_at(s, start);
	const char *to = utf8_at(from, end - start);
	expr_set_string(out, g_string_chunk_insert_len(env->scratch, from, to - from));
}

static void fn_contains(const struct expr_node *call, const struct expr_env *env,
			struct expr_value *out)
{
	char buf1[EXPR_NUMBUF], buf2[EXPR_NUMBUF];
	const char *s = expr_arg_string(call, 0, env, buf1);
	expr_set_boolean(out, strstr(s, expr_arg_string(call, 1, env, buf2)) != NULL);
}

static void fn_starts_with(const struct expr_node *call, const struct expr_env *env,
			   struct expr_value *out)
{
	char buf1[EXPR_NUMBUF], buf2[EXPR_NUMBUF];
	const char *s = expr_arg_string(call, 0, env, buf1);
	const char *prefix = expr_arg_string(call, 1, env, buf2);
	expr_set_boolean(out, strncmp(s, prefix, strlen(prefix)) == 0);
}

static void fn_ends_with(const struct expr_node *call, const struct expr_env *env,
			 struct expr_value *out)
{
	char buf1[EXPR_NUMBUF], buf2[EXPR_NUMBUF];
	const char *s = expr_arg_string(call, 0, env, buf1);
	const char *suffix = expr_arg_string(call, 1, env, buf2);
	size_t n = strlen(s), m = strlen(suffix);
	expr_set_boolean(out, m <= n && memcmp(s + n - m, suffix, m) == 0);
}

/* Trims and collapses runs of white space (Java's \s) into one space. */
static void fn_normalize_space(const struct expr_node *call, const struct expr_env *env,
			       struct expr_value *out)
{
	char buf[EXPR_NUMBUF];
	const char *s = expr_arg_string(call, 0, env, buf);
	struct expr_builder b;
	expr_build_init(&b);
	while (*s) {
		while (g_ascii_isspace(*s))
			s++;
		const char *word = s;
		while (*s && !g_ascii_isspace(*s))
			s++;
		if (s > word) {
			if (b.len > 0)
				expr_build_add(&b, " ", 1);
			expr_build_add(&b, word, (size_t)(s - word));
		}
	}
	expr_set_string(out, expr_build_end(&b, env));
}

/*
 * Compiles PATTERN to match whole strings only, like Java's
 * Pattern.matches() that Collect uses: "(?:PATTERN\E)\z".  The "\E" ends
 * a "\Q" the pattern may leave open (alone it is ignored).  PATTERN is
 * first compiled alone, so that "a\" or ")(" stay invalid once wrapped.
 * Returns NULL when PATTERN is invalid.
 */
static GRegex *compile_whole(const char *pattern)
{
	GRegex *re = g_regex_new(pattern, 0, 0, NULL);
	if (!re)
		return NULL;
	g_regex_unref(re);
	char *whole = g_strconcat("(?:", pattern, "\\E)\\z", NULL);
	re = g_regex_new(whole, G_REGEX_ANCHORED, 0, NULL);
	g_free(whole);
	return re;
}

/* A literal pattern was compiled by check_regex(); another is compiled here, false if invalid. */
static void fn_regex(const struct expr_node *call, const struct expr_env *env,
		     struct expr_value *out)
{
	char buf1[EXPR_NUMBUF], buf2[EXPR_NUMBUF];
	const char *s = expr_arg_string(call, 0, env, buf1);
	GRegex *own = NULL;
	GRegex *re = call->u.call.regex;
	if (!re)
		re = own = compile_whole(expr_arg_string(call, 1, env, buf2));
	expr_set_boolean(out, re && g_utf8_validate(s, -1, NULL) && g_regex_match(re, s, 0, NULL));
	if (own)
		g_regex_unref(own);
}

/* ---- choices ---- */

/*
 * Whether " LIST " contains " VALUE " (JavaRosa's multiSelected), where
 * VALUE is LEN bytes; found in place, so that nothing is allocated.
 */
static bool has_token(const char *list, const char *value, size_t len)
{
	size_t n = strlen(list);
	for (size_t i = 0; i + len <= n; i++) {
		bool starts = i == 0 || list[i - 1] == ' ';
		bool ends = list[i + len] == '\0' || list[i + len] == ' ';
		if (starts && ends && memcmp(list + i, value, len) == 0)
			return true;
	}
	return false;
}

/* Java's String.trim() removes every character up to and including ' '. */
static bool java_space(char c)
{
	return (unsigned char)c <= ' ' && c != '\0';
}

/* selected(list, value): whether VALUE, trimmed, is one of LIST's space-separated names. */
static void fn_selected(const struct expr_node *call, const struct expr_env *env,
			struct expr_value *out)
{
	char buf1[EXPR_NUMBUF], buf2[EXPR_NUMBUF];
	const char *list = expr_arg_string(call, 0, env, buf1);
	const char *value = expr_arg_string(call, 1, env, buf2);
	while (java_space(*value))
		value++;
	size_t len = strlen(value);
	while (len > 0 && java_space(value[len - 1]))
		len--;
	expr_set_boolean(out, has_token(list, value, len));
}

/* The space-separated tokens of S, skipping empty ones (JavaRosa's DateUtils.split). */
static const char *next_token(const char *s, size_t *len)
{
	while (*s == ' ')
		s++;
	*len = strcspn(s, " ");
	return *len ? s : NULL;
}

static void fn_count_selected(const struct expr_node *call, const struct expr_env *env,
			      struct expr_value *out)
{
	char buf[EXPR_NUMBUF];
	const char *s = expr_arg_string(call, 0, env, buf);
	size_t len;
	double n = 0;
	for (; (s = next_token(s, &len)) != NULL; s += len)
		n++;
	expr_set_number(out, n);
}

/* selected-at(list, n): the 0-based token N, or "" if there is none. */
static void fn_selected_at(const struct expr_node *call, const struct expr_env *env,
			   struct expr_value *out)
{
	char buf[EXPR_NUMBUF];
	const char *s = expr_arg_string(call, 0, env, buf);
	long n = expr_to_index(expr_arg_number(call, 1, env));
	size_t len;
	for (; (s = next_token(s, &len)) != NULL && n > 0; s += len)
		n--;
	if (!s || n < 0)
		expr_set_string(out, "");
	else
		expr_set_string(out, g_string_chunk_insert_len(env->scratch, s, (gssize)len));
}

/* jr:choice-name(value, '${q}'): the label of choice VALUE of q, or "". */
static void fn_choice_name(const struct expr_node *call, const struct expr_env *env,
			   struct expr_value *out)
{
	char buf[EXPR_NUMBUF];
	const char *value = expr_arg_string(call, 0, env, buf);
	const char *label = NULL;
	if (env->choice_label)
		label = env->choice_label(env->data, call->u.call.ref, value);
	expr_set_string(out, label ? label : "");
}

/* ---- dates ---- */

/*
 * date(x): a date; a number counts days from 1970-01-01 (truncated),
 * and a string is an ISO date or date-time, whose time of day is kept, as
 * in JavaRosa.  "" stays "".  What is no date is NaN, where JavaRosa stops
 * with an error.
 */
static void fn_date(const struct expr_node *call, const struct expr_env *env,
		    struct expr_value *out)
{
	struct expr_value v;
	double days = NAN;
	expr_arg(call, 0, env, &v);
	if (v.type == EXPR_STRING && !*v.str) {
		expr_set_string(out, "");
		return;
	}
	if (v.type == EXPR_DATE)
		days = floor(v.num);
	else if (v.type == EXPR_NUMBER)
		days = trunc(v.num);
	else if (v.type == EXPR_STRING && !isodate_parse_datetime(v.str, &days))
		days = NAN;
	if (days >= EXPR_FIRST_DAY && days < EXPR_LAST_DAY + 1)
		expr_set_date(out, days);
	else
		expr_set_number(out, NAN);
}

static void fn_today(const struct expr_node *call, const struct expr_env *env,
		     struct expr_value *out)
{
	(void)call;
	expr_set_date(out, env->today);
}

static void fn_now(const struct expr_node *call, const struct expr_env *env,
		   struct expr_value *out)
{
	(void)call;
	expr_set_date(out, env->now);
}

/*
 * The day number of V with its time of day: a date, a number of days, or
 * an ISO date or date-time string (whose offset is ignored, as
 * everywhere in quire); false if none.
 */
static bool date_time_of(const struct expr_value *v, double *days)
{
	switch (v->type) {
	case EXPR_DATE:
	case EXPR_NUMBER:
		*days = v->num;
		return v->num >= EXPR_FIRST_DAY && v->num < EXPR_LAST_DAY + 1;
	case EXPR_STRING:
		return isodate_parse_datetime(v->str, days);
	case EXPR_BOOLEAN:
		break;
	}
	return false;
}

/* date-time(x): as date(x), keeping the time of day of a number. */
static void fn_date_time(const struct expr_node *call, const struct expr_env *env,
			 struct expr_value *out)
{
	struct expr_value v;
	double days;
	expr_arg(call, 0, env, &v);
	if (v.type == EXPR_STRING && !*v.str)
		expr_set_string(out, "");
	else if (date_time_of(&v, &days))
		expr_set_date(out, days);
	else
		expr_set_number(out, NAN);
}

/*
 * decimal-date-time(x): days since 1970-01-01 with the time of day as a
 * fraction.  The spec says UTC; JavaRosa counts from local midnight, and
 * quire reads a date-time in the time it was written: "2024-03-15T12:00"
 * is 19797.5 whatever its offset.  What is no date-time is NaN.
 */
static void fn_decimal_date_time(const struct expr_node *call, const struct expr_env *env,
				 struct expr_value *out)
{
	struct expr_value v;
	double days;
	expr_arg(call, 0, env, &v);
	expr_set_number(out, date_time_of(&v, &days) ? days : NAN);
}

/*
 * decimal-time(t): the fraction of the day a time "HH:MM[:SS[.fff]]",
 * with an optional offset that is ignored, or a date-time stands for:
 * noon is 0.5.  What is no time is NaN.
 */
static void fn_decimal_time(const struct expr_node *call, const struct expr_env *env,
			    struct expr_value *out)
{
	struct expr_value v;
	double days = NAN;
	expr_arg(call, 0, env, &v);
	if (v.type == EXPR_STRING && strlen(v.str) < 64 && v.str[0] && v.str[1] && v.str[2] == ':') {
		char s[80];
		g_snprintf(s, sizeof s, "1970-01-01T%s", v.str);
		if (!isodate_parse_datetime(s, &days))
			days = NAN;
	} else if (v.type == EXPR_DATE || (v.type == EXPR_STRING && v.str[0])) {
		if (!date_time_of(&v, &days) || days == floor(days))
			days = NAN;
	}
	expr_set_number(out, days - floor(days));
}

struct when {
	int year, year2, month, day, weekday;
	int hour, minute, second, msec;
};

static void split_days(double days, struct when *w)
{
	double day = floor(days);
	long long ms = llround((days - day) * 86400000.0);
	ms = MIN(ms, 86399999);
	isodate_split((int)day, &w->year, &w->month, &w->day);
	w->year2 = w->year % 100;
	w->weekday = isodate_weekday((int)day);
	w->hour = (int)(ms / 3600000);
	w->minute = (int)(ms / 60000 % 60);
	w->second = (int)(ms / 1000 % 60);
	w->msec = (int)(ms % 1000);
}

/* ODK's numeric codes, zero-padded to WIDTH digits (1: not padded). */
static const struct {
	char code;
	int width;
	size_t field;		/* offsetof the number in struct when */
} numeric_codes[] = {
	{'Y', 4, offsetof(struct when, year)},
	{'y', 2, offsetof(struct when, year2)},
	{'m', 2, offsetof(struct when, month)},
	{'n', 1, offsetof(struct when, month)},
	{'d', 2, offsetof(struct when, day)},
	{'e', 1, offsetof(struct when, day)},
	{'H', 2, offsetof(struct when, hour)},
	{'h', 1, offsetof(struct when, hour)},
	{'M', 2, offsetof(struct when, minute)},
	{'S', 2, offsetof(struct when, second)},
	{'3', 3, offsetof(struct when, msec)},
};

/* Appends what format code C stands for, if W is given; false if C is no code. */
static bool format_code(struct expr_builder *b, char c, const struct when *w)
{
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
	char s[16];
	if (c == 'b' || c == 'a') {
		if (w)
			expr_build_add(b, c == 'b' ? months[w->month - 1] : days[w->weekday - 1], 3);
		return true;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(numeric_codes); i++) {
		if (numeric_codes[i].code != c)
			continue;
		if (w) {
			int value = *(const int *)((const char *)w + numeric_codes[i].field);
			int n = g_snprintf(s, sizeof s, "%0*d", numeric_codes[i].width, value);
			expr_build_add(b, s, (size_t)n);
		}
		return true;
	}
	return false;
}

/* The '%' of the first unknown format code in FMT, or NULL. */
static const char *bad_format_code(const char *fmt)
{
	for (const char *p = fmt; (p = strchr(p, '%')) != NULL; p += 2)
		if (!p[1] || !format_code(NULL, p[1], NULL))
			return p;
	return NULL;
}

/* The day number for format-date(), which also takes strings and numbers; false if none. */
static bool date_of(const struct expr_value *v, double *days)
{
	switch (v->type) {
	case EXPR_DATE:
		*days = v->num;
		return true;
	case EXPR_NUMBER:
		*days = v->num;
		return v->num >= EXPR_FIRST_DAY && v->num < EXPR_LAST_DAY + 1;
	case EXPR_STRING:
		return isodate_parse_datetime(v->str, days);
	case EXPR_BOOLEAN:
		break;
	}
	return false;
}

/*
 * format-date(date, format) with ODK's codes and English names.  No date
 * gives "".  An unknown code in a literal format is a parse error; in a
 * computed one it is copied as it is.
 */
static void fn_format_date(const struct expr_node *call, const struct expr_env *env,
			   struct expr_value *out)
{
	char buf[EXPR_NUMBUF];
	struct expr_value v;
	struct when w;
	double days;
	expr_arg(call, 0, env, &v);
	const char *fmt = expr_arg_string(call, 1, env, buf);
	if (!date_of(&v, &days)) {
		expr_set_string(out, "");
		return;
	}
	split_days(days, &w);
	struct expr_builder b;
	expr_build_init(&b);
	for (const char *p = fmt; *p; p++) {
		if (*p == '%' && p[1] && format_code(&b, p[1], &w))
			p++;
		else
			expr_build_add(&b, p, 1);
	}
	expr_set_string(out, expr_build_end(&b, env));
}

/* ---- parse-time checks ---- */

const char *expr_literal_string(const struct expr_node *n)
{
	return n->op == EXPR_OP_STRING ? n->u.str : NULL;
}

/* count(${q}) and count-non-empty(${q}) take a question, a node-set of one node. */
static void check_node(struct expr_node *call, struct expr_parse_ctx *ctx)
{
	const struct expr_node *a = call->u.call.argv[0];
	if (a->op != EXPR_OP_REF && a->op != EXPR_OP_SELF)
		/* TRANSLATORS: both %s are a function's name, count or count-non-empty; keep ${q}. */
		expr_lex_error(ctx->lx, a->at, "'%s' takes a question, like %s(${q})",
			       call->u.call.fn->name, call->u.call.fn->name);
}

/* position(..) is the only '..' that is not the start of a path to a question. */
static void check_position(struct expr_node *call, struct expr_parse_ctx *ctx)
{
	const struct expr_node *a = call->u.call.argc ? call->u.call.argv[0] : NULL;
	if (a && a->op != EXPR_OP_PARENT)
		expr_lex_error(ctx->lx, a->at, "'position' takes '..' or nothing");
}

/* The second argument names the question, quoted: '${q}'. */
static void check_choice_name(struct expr_node *call, struct expr_parse_ctx *ctx)
{
	const struct expr_node *q = call->u.call.argv[1];
	const char *s = expr_literal_string(q);
	size_t len = s ? strlen(s) : 0;
	if (!s || len < 4 || strncmp(s, "${", 2) != 0 || s[len - 1] != '}')
		expr_lex_error(ctx->lx, q->at,
			       "second argument of 'jr:choice-name' must be a quoted reference, "
			       "like '${q}'");
	char *name = g_strndup(s + 2, len - 3);
	enum expr_type type;
	int id = -1;
	if (ctx->scope->lookup)
		id = ctx->scope->lookup(ctx->scope->data, name, &type);
	g_free(name);
	if (id < 0)
		expr_lex_error(ctx->lx, q->at + 1, "unknown question '%.*s'", (int)len - 3, s + 2);
	call->u.call.ref = id;
}

static void check_regex(struct expr_node *call, struct expr_parse_ctx *ctx)
{
	const struct expr_node *pattern = call->u.call.argv[1];
	const char *s = expr_literal_string(pattern);
	if (!s)
		return;
	GRegex *re = compile_whole(s);
	if (!re)
		expr_lex_error(ctx->lx, pattern->at, "invalid regular expression '%s'", s);
	g_ptr_array_add(ctx->e->regexes, re);
	call->u.call.regex = re;
}

static void check_date(struct expr_node *call, struct expr_parse_ctx *ctx)
{
	const struct expr_node *a = call->u.call.argv[0];
	const char *s = expr_literal_string(a);
	double days;
	if (s && *s && !isodate_parse_datetime(s, &days))
		expr_lex_error(ctx->lx, a->at, "invalid date '%s'", s);
}

static void check_format_date(struct expr_node *call, struct expr_parse_ctx *ctx)
{
	const struct expr_node *fmt = call->u.call.argv[1];
	const char *s = expr_literal_string(fmt);
	const char *bad = s ? bad_format_code(s) : NULL;
	if (bad)
		/* TRANSLATORS: %s is a function's name, format-date or format-date-time; %.*s a format code such as %Q. */
		expr_lex_error(ctx->lx, fmt->at + 1 + (bad - s), "unknown %s code '%.*s'",
			       call->u.call.fn->name, bad[1] ? 2 : 1, bad);
}

/* ---- the table ---- */

#define ANY (-1)

static const struct expr_func funcs[] = {
	{"abs", 1, 1, fn_abs, NULL, false},
	{"boolean", 1, 1, fn_boolean, NULL, false},
	{"boolean-from-string", 1, 1, fn_boolean_from_string, NULL, false},
	{"coalesce", 2, 2, fn_coalesce, NULL, false},
	{"concat", 0, ANY, fn_concat, NULL, false},
	{"contains", 2, 2, fn_contains, NULL, false},
	{"count", 1, 1, fn_count, check_node, false},
	{"count-non-empty", 1, 1, fn_count_non_empty, check_node, false},
	{"count-selected", 1, 1, fn_count_selected, NULL, false},
	{"date", 1, 1, fn_date, check_date, false},
	{"date-time", 1, 1, fn_date_time, check_date, false},
	{"decimal-date-time", 1, 1, fn_decimal_date_time, NULL, false},
	{"decimal-time", 1, 1, fn_decimal_time, NULL, false},
	{"ends-with", 2, 2, fn_ends_with, NULL, false},
	{"false", 0, 0, fn_false, NULL, false},
	{"format-date", 2, 2, fn_format_date, check_format_date, false},
	{"format-date-time", 2, 2, fn_format_date, check_format_date, false},
	{"if", 3, 3, fn_if, NULL, false},
	{"int", 1, 1, fn_int, NULL, false},
	{"jr:choice-name", 2, 2, fn_choice_name, check_choice_name, false},
	{"max", 1, ANY, fn_max, NULL, false},
	{"min", 1, ANY, fn_min, NULL, false},
	{"normalize-space", 1, 1, fn_normalize_space, NULL, false},
	{"not", 1, 1, fn_not, NULL, false},
	{"now", 0, 0, fn_now, NULL, true},
	{"number", 1, 1, fn_number, NULL, false},
	{"once", 1, 1, fn_once, NULL, false},
	{"position", 0, 1, fn_position, check_position, false},
	{"pow", 2, 2, fn_pow, NULL, false},
	{"regex", 2, 2, fn_regex, check_regex, false},
	{"round", 1, 2, fn_round, NULL, false},
	{"selected", 2, 2, fn_selected, NULL, false},
	{"selected-at", 2, 2, fn_selected_at, NULL, false},
	{"starts-with", 2, 2, fn_starts_with, NULL, false},
	{"string", 1, 1, fn_string, NULL, false},
	{"string-length", 1, 1, fn_string_length, NULL, false},
	{"substr", 2, 3, fn_substr, NULL, false},
	{"sum", 1, 1, fn_sum, NULL, false},
	{"today", 0, 0, fn_today, NULL, true},
	{"true", 0, 0, fn_true, NULL, false},
};

const struct expr_func *expr_func_lookup(const char *name, size_t len)
{
	for (size_t i = 0; i < G_N_ELEMENTS(funcs); i++)
		if (strlen(funcs[i].name) == len && memcmp(funcs[i].name, name, len) == 0)
			return &funcs[i];
	const struct expr_func *fn = expr_math_lookup(name, len);
	return fn ? fn : expr_text_lookup(name, len);
}
