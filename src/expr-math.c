/* expr-math.c - the numeric, geographic and random functions of XLSForm expressions */
#include <config.h>
#include "expr.h"

#include <math.h>
#include <string.h>

#include "expr-int.h"

/*
 * As in expr-func.c, each function evaluates its own arguments and
 * follows JavaRosa (XPathFuncExpr.java) unless a comment says otherwise.
 * The one-argument functions of XPath 3.0's math: namespace are C's.
 */

/* ---- one number in, one out ---- */

static double exp10_of(double x)
{
	return pow(10, x);
}

static double pi_of(double x)
{
	(void)x;
	return M_PI;
}

static const struct {
	const char *name;
	double (*fn)(double);
} unary[] = {
	{"floor", floor},
	{"ceiling", ceil},
	{"sqrt", sqrt},
	{"log", log},
	{"log10", log10},
	{"exp", exp},
	{"exp10", exp10_of},
	{"sin", sin},
	{"cos", cos},
	{"tan", tan},
	{"asin", asin},
	{"acos", acos},
	{"atan", atan},
	{"pi", pi_of},
};

/* The C function behind CALL's name in unary[]. */
static double (*unary_fn(const struct expr_node *call))(double)
{
	const char *name = call->u.call.fn->name;
	for (size_t i = 0; i < G_N_ELEMENTS(unary); i++)
		if (strcmp(unary[i].name, name) == 0)
			return unary[i].fn;
	return NULL;	/* not reached: every unary function is in the table */
}

/* floor(x), sqrt(x), sin(x)...: NaN in, NaN out; pi() takes nothing. */
static void fn_unary(const struct expr_node *call, const struct expr_env *env,
		     struct expr_value *out)
{
	double x = call->u.call.argc ? expr_arg_number(call, 0, env) : 0;
	expr_set_number(out, unary_fn(call)(x));
}

/* atan2(y, x), in radians, as C's. */
static void fn_atan2(const struct expr_node *call, const struct expr_env *env,
		     struct expr_value *out)
{
	double y = expr_arg_number(call, 0, env);
	expr_set_number(out, atan2(y, expr_arg_number(call, 1, env)));
}

/* ---- checklists ---- */

/* Whether COUNT lies between MIN and MAX, a negative bound being no bound. */
static bool within(double count, double min, double max)
{
	return (min < 0 || count >= min) && (max < 0 || count <= max);
}

/*
 * checklist(min, max, v...): whether the number of V that are true lies
 * between MIN and MAX.  JavaRosa converts each V to a boolean, so any
 * non-empty string counts, "no" included (odk-docs says "yes" answers;
 * the spec, "true").  MIN and MAX are truncated, as Java's intValue().
 */
static void fn_checklist(const struct expr_node *call, const struct expr_env *env,
			 struct expr_value *out)
{
	double min = trunc(expr_arg_number(call, 0, env));
	double max = trunc(expr_arg_number(call, 1, env));
	double count = 0;
	for (int i = 2; i < call->u.call.argc; i++)
		count += expr_arg_boolean(call, i, env);
	expr_set_boolean(out, within(count, min, max));
}

/* weighted-checklist(min, max, v, w, ...): the same, each true V counting its W. */
static void fn_weighted_checklist(const struct expr_node *call, const struct expr_env *env,
				  struct expr_value *out)
{
	double min = expr_arg_number(call, 0, env);
	double max = expr_arg_number(call, 1, env);
	double sum = 0;
	for (int i = 2; i + 1 < call->u.call.argc; i += 2)
		if (expr_arg_boolean(call, i, env))
			sum += expr_arg_number(call, i + 1, env);
	expr_set_boolean(out, within(sum, min, max));
}

static void check_weighted_checklist(struct expr_node *call, struct expr_parse_ctx *ctx)
{
	if (call->u.call.argc % 2 != 0)
		expr_lex_error(ctx->lx, call->at,
			       "'weighted-checklist' takes min, max and pairs of a value and a "
			       "weight, not %d arguments", call->u.call.argc);
}

/* ---- randomness ---- */

static double random_double(const struct expr_env *env)
{
	return env->rand ? g_rand_double(env->rand) : g_random_double();
}

static void fn_random(const struct expr_node *call, const struct expr_env *env,
		      struct expr_value *out)
{
	(void)call;
	expr_set_number(out, random_double(env));
}

/*
 * The Park-Miller "minimal standard" generator the spec names for a
 * seeded randomize(), as JavaRosa's ParkMiller and Enketo's shuffle.js
 * write it: a seed of 0 or below is moved into 1..2^31-2.
 */
#define PM_MODULUS 2147483647LL
#define PM_MULTIPLIER 16807LL

static long long park_miller_seed(long long seed)
{
	seed %= PM_MODULUS;
	return seed <= 0 ? seed + PM_MODULUS - 1 : seed;
}

static double park_miller_next(long long *state)
{
	*state = *state * PM_MULTIPLIER % PM_MODULUS;
	return (double)(*state - 1) / (double)(PM_MODULUS - 1);
}

/* Java's Double.longValue(): truncated, saturated, and 0 for NaN. */
static long long to_long(double d)
{
	if (isnan(d))
		return 0;
	if (d >= 9.2e18)
		return G_MAXINT64;
	if (d <= -9.2e18)
		return G_MININT64;
	return (long long)d;
}

/*
 * randomize(list[, seed]): the space-separated tokens of LIST in a
 * random order, by the "inside-out" Fisher-Yates shuffle of the spec.
 * Without repeats or instance() the node-set ODK shuffles can only be a
 * select_multiple's value or a list written out, so quire shuffles
 * tokens.  With a seed the order is the one Collect and Enketo give.
 */
static void fn_randomize(const struct expr_node *call, const struct expr_env *env,
			 struct expr_value *out)
{
	char buf[EXPR_NUMBUF];
	char **tokens = g_strsplit(expr_arg_string(call, 0, env, buf), " ", -1);
	bool seeded = call->u.call.argc > 1;
	long long state = seeded ? park_miller_seed(to_long(expr_arg_number(call, 1, env))) : 0;
	GPtrArray *shuffled = g_ptr_array_new();
	for (char **t = tokens; *t; t++) {
		if (!**t)
			continue;
		guint i = shuffled->len;
		double r = seeded ? park_miller_next(&state) : random_double(env);
		guint j = (guint)floor(r * (i + 1));
		g_ptr_array_add(shuffled, NULL);
		if (j != i)
			shuffled->pdata[i] = shuffled->pdata[j];
		shuffled->pdata[j] = *t;
	}
	struct expr_builder b;
	expr_build_init(&b);
	for (guint i = 0; i < shuffled->len; i++) {
		if (i > 0)
			expr_build_add(&b, " ", 1);
		expr_build_add(&b, shuffled->pdata[i], strlen(shuffled->pdata[i]));
	}
	expr_set_string(out, expr_build_end(&b, env));
	g_ptr_array_free(shuffled, TRUE);
	g_strfreev(tokens);
}

/*
 * uuid(): a random RFC 4122 version 4 UUID, in lower case.  uuid(n): N
 * random letters and digits, as JavaRosa's PropertyUtils.genGUID(); none
 * when N is not above 0.
 */
static void fn_uuid(const struct expr_node *call, const struct expr_env *env,
		    struct expr_value *out)
{
	static const char alnum[] = "0123456789abcdefghijklmnopqrstuvwxyz"
				    "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	struct expr_builder b;
	expr_build_init(&b);
	if (call->u.call.argc == 0) {
		unsigned char bytes[16];
		char s[37];
		for (size_t i = 0; i < sizeof bytes; i++)
			bytes[i] = (unsigned char)floor(random_double(env) * 256);
		bytes[6] = (unsigned char)((bytes[6] & 0x0F) | 0x40);	/* version 4 */
		bytes[8] = (unsigned char)((bytes[8] & 0x3F) | 0x80);	/* variant 10 */
		char *p = s;
		for (size_t i = 0; i < sizeof bytes; i++) {
			if (i == 4 || i == 6 || i == 8 || i == 10)
				*p++ = '-';
			p += g_snprintf(p, 3, "%02x", bytes[i]);
		}
		expr_build_add(&b, s, 36);
	} else {
		double n = expr_arg_number(call, 0, env);
		long len = 0;	/* NaN and anything below 1: "" */
		if (n > EXPR_MAX_STRING)
			b.too_long = true;	/* never cast: 1e300 is no long */
		else if (n >= 1)
			len = (long)n;
		for (long i = 0; i < len && !b.too_long; i++)
			expr_build_add(&b, &alnum[(int)floor(random_double(env) * 62)], 1);
	}
	expr_set_string(out, expr_build_end(&b, env));
}

/* ---- geography ---- */

/*
 * JavaRosa's GeoUtils: a sphere of the Earth's equatorial radius,
 * 6,378,100 m; no altitude.
 */
#define EARTH_RADIUS 6378100.0
#define EARTH_CIRCUMFERENCE (2 * M_PI * EARTH_RADIUS)

static double radians(double degrees)
{
	return degrees * M_PI / 180;
}

/*
 * Reads a geopoint, geotrace or geoshape, "lat lon [alt [acc]];lat lon...",
 * into POINTS (latitude, longitude pairs); empty parts are skipped, so ""
 * is no point at all.  False when a point has fewer than 2 or more than
 * 4 numbers, or a latitude or longitude out of range.
 */
static bool read_points(const char *s, GArray *points)
{
	char **parts = g_strsplit(s, ";", -1);
	bool ok = true;
	for (char **p = parts; *p && ok; p++) {
		char **words = g_strsplit_set(*p, " \t", -1);
		double v[4];
		int n = 0;
		for (char **w = words; *w && ok; w++) {
			char *end;
			if (!**w)
				continue;
			ok = n < 4;
			if (ok) {
				v[n] = g_ascii_strtod(*w, &end);
				ok = *end == '\0' && isfinite(v[n++]);
			}
		}
		g_strfreev(words);
		if (ok && n > 0) {
			ok = n >= 2 && fabs(v[0]) <= 90 && fabs(v[1]) <= 180;
			g_array_append_vals(points, v, 2);
		}
	}
	g_strfreev(parts);
	return ok;
}

/*
 * The points of argument 0, as latitude, longitude pairs, or NULL when
 * it is no geopoint, geotrace or geoshape.  Free with g_array_free().
 */
static GArray *arg_points(const struct expr_node *call, const struct expr_env *env)
{
	char buf[EXPR_NUMBUF];
	GArray *points = g_array_new(FALSE, FALSE, sizeof(double));
	if (read_points(expr_arg_string(call, 0, env, buf), points))
		return points;
	g_array_free(points, TRUE);
	return NULL;
}

/*
 * area(shape) in square metres: the points are projected onto a plane
 * around the first one (x scaled by the cosine of each point's latitude)
 * and the polygon's area taken by the shoelace formula, as in GeoUtils.
 * Fewer than 3 points have no area.  What is no shape is NaN, where
 * JavaRosa stops with an error.
 */
static void fn_area(const struct expr_node *call, const struct expr_env *env,
		    struct expr_value *out)
{
	GArray *p = arg_points(call, env);
	if (!p) {
		expr_set_number(out, NAN);
		return;
	}
	const double *ll = (const double *)(void *)p->data;
	guint n = p->len / 2;
	double sum = 0, x0 = 0, y0 = 0;
	for (guint i = 1; n >= 3 && i < n; i++) {
		double y = (ll[2 * i] - ll[0]) * EARTH_CIRCUMFERENCE / 360;
		double x = (ll[2 * i + 1] - ll[1]) * EARTH_CIRCUMFERENCE *
			   cos(radians(ll[2 * i])) / 360;
		if (i > 1)
			sum += (y0 * x - x0 * y) / 2;
		x0 = x;
		y0 = y;
	}
	expr_set_number(out, fabs(sum));
	g_array_free(p, TRUE);
}

/*
 * distance(trace) in metres: the sum of the great-circle distances
 * between successive points, by the spherical law of cosines as in
 * GeoUtils (so two equal points may be centimetres apart, as in
 * Collect).  The cosine is held to [-1, 1], which rounding could leave
 * and make Java's acos() NaN.
 */
static void fn_distance(const struct expr_node *call, const struct expr_env *env,
			struct expr_value *out)
{
	GArray *p = arg_points(call, env);
	if (!p) {
		expr_set_number(out, NAN);
		return;
	}
	const double *ll = (const double *)(void *)p->data;
	double total = 0;
	for (guint i = 1; i < p->len / 2; i++) {
		double phi1 = radians(ll[2 * i - 2]), phi2 = radians(ll[2 * i]);
		double dlambda = radians(ll[2 * i - 1] - ll[2 * i + 1]);
		double c = sin(phi1) * sin(phi2) + cos(phi1) * cos(phi2) * cos(dlambda);
		total += acos(CLAMP(c, -1.0, 1.0)) * EARTH_RADIUS;
	}
	expr_set_number(out, total);
	g_array_free(p, TRUE);
}

/* ---- the table ---- */

#define ANY (-1)

static const struct expr_func funcs[] = {
	{"acos", 1, 1, fn_unary, NULL, false},
	{"area", 1, 1, fn_area, NULL, false},
	{"asin", 1, 1, fn_unary, NULL, false},
	{"atan", 1, 1, fn_unary, NULL, false},
	{"atan2", 2, 2, fn_atan2, NULL, false},
	{"ceiling", 1, 1, fn_unary, NULL, false},
	{"checklist", 2, ANY, fn_checklist, NULL, false},
	{"cos", 1, 1, fn_unary, NULL, false},
	{"distance", 1, 1, fn_distance, NULL, false},
	{"exp", 1, 1, fn_unary, NULL, false},
	{"exp10", 1, 1, fn_unary, NULL, false},
	{"floor", 1, 1, fn_unary, NULL, false},
	{"log", 1, 1, fn_unary, NULL, false},
	{"log10", 1, 1, fn_unary, NULL, false},
	{"pi", 0, 0, fn_unary, NULL, false},
	{"random", 0, 0, fn_random, NULL, true},
	{"randomize", 1, 2, fn_randomize, NULL, true},
	{"sin", 1, 1, fn_unary, NULL, false},
	{"sqrt", 1, 1, fn_unary, NULL, false},
	{"tan", 1, 1, fn_unary, NULL, false},
	{"uuid", 0, 1, fn_uuid, NULL, true},
	{"weighted-checklist", 2, ANY, fn_weighted_checklist, check_weighted_checklist, false},
};

const struct expr_func *expr_math_lookup(const char *name, size_t len)
{
	for (size_t i = 0; i < G_N_ELEMENTS(funcs); i++)
		if (strlen(funcs[i].name) == len && memcmp(funcs[i].name, name, len) == 0)
			return &funcs[i];
	return NULL;
}
