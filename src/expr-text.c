/* expr-text.c - the string functions of XLSForm expressions beyond XPath's first few */
#include <config.h>
#include "expr.h"

#include <string.h>

#include "expr-int.h"

/*
 * As in expr-func.c, each function evaluates its own arguments, follows
 * JavaRosa unless a comment says otherwise, and builds every new string
 * through an expr_builder, so none is longer than EXPR_MAX_STRING.
 */

/* join(sep, v...): the values with SEP between them; join(sep) is "". */
static void fn_join(const struct expr_node *call, const struct expr_env *env,
		    struct expr_value *out)
{
	char sepbuf[EXPR_NUMBUF];
	const char *sep = expr_arg_string(call, 0, env, sepbuf);
	struct expr_builder b;
	expr_build_init(&b);
	for (int i = 1; i < call->u.call.argc; i++) {
		char buf[EXPR_NUMBUF];
		const char *s = expr_arg_string(call, i, env, buf);
		if (i > 1)
			expr_build_add(&b, sep, strlen(sep));
		expr_build_add(&b, s, strlen(s));
	}
	expr_set_string(out, expr_build_end(&b, env));
}

/* A copy of LEN bytes at S in the scratch; S may be a buffer on the stack. */
static const char *keep(const struct expr_env *env, const char *s, size_t len)
{
	return g_string_chunk_insert_len(env->scratch, s, (gssize)len);
}

/* substring-before(s, t): S up to the first T, or "" when T is not in S (XPath 1.0). */
static void fn_substring_before(const struct expr_node *call, const struct expr_env *env,
				struct expr_value *out)
{
	char buf1[EXPR_NUMBUF], buf2[EXPR_NUMBUF];
	const char *s = expr_arg_string(call, 0, env, buf1);
	const char *at = strstr(s, expr_arg_string(call, 1, env, buf2));
	expr_set_string(out, at ? keep(env, s, (size_t)(at - s)) : "");
}

/* substring-after(s, t): S after the first T, or "" when T is not in S; all of S when T is "". */
static void fn_substring_after(const struct expr_node *call, const struct expr_env *env,
			       struct expr_value *out)
{
	char buf1[EXPR_NUMBUF], buf2[EXPR_NUMBUF];
	const char *s = expr_arg_string(call, 0, env, buf1);
	const char *t = expr_arg_string(call, 1, env, buf2);
	const char *at = strstr(s, t);
	expr_set_string(out, at ? keep(env, at + strlen(t), strlen(at + strlen(t))) : "");
}

/* The length in bytes of the UTF-8 character at S (1 for a stray byte). */
static size_t char_len(const char *s)
{
	size_t n = 1;
	while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

/*
 * The byte where the character of TO at the same place as the first
 * occurrence of the character C (LEN bytes) in FROM starts; TO's end
 * when TO is shorter; NULL when C is not in FROM.
 */
static const char *translation(const char *c, size_t len, const char *from, const char *to)
{
	for (; *from; from += char_len(from)) {
		if (char_len(from) == len && memcmp(from, c, len) == 0)
			return to;
		if (*to)
			to += char_len(to);
	}
	return NULL;
}

/*
 * translate(s, from, to), XPath 1.0: each character of S that is in FROM
 * becomes the character at the same place in TO, or goes when TO is
 * shorter; the first occurrence in FROM counts.  By characters, not bytes.
 */
static void fn_translate(const struct expr_node *call, const struct expr_env *env,
			 struct expr_value *out)
{
	char buf1[EXPR_NUMBUF], buf2[EXPR_NUMBUF], buf3[EXPR_NUMBUF];
	const char *s = expr_arg_string(call, 0, env, buf1);
	const char *from = expr_arg_string(call, 1, env, buf2);
	const char *to = expr_arg_string(call, 2, env, buf3);
	struct expr_builder b;
	expr_build_init(&b);
	for (size_t len; *s; s += len) {
		len = char_len(s);
		const char *t = translation(s, len, from, to);
		if (!t)
			expr_build_add(&b, s, len);
		else if (*t)
			expr_build_add(&b, t, char_len(t));
	}
	expr_set_string(out, expr_build_end(&b, env));
}

/* ---- digest and base64 ---- */

static const struct {
	const char *name;
	GChecksumType type;
} digests[] = {
	{"MD5", G_CHECKSUM_MD5},
	{"SHA-1", G_CHECKSUM_SHA1},
	{"SHA-256", G_CHECKSUM_SHA256},
	{"SHA-384", G_CHECKSUM_SHA384},
	{"SHA-512", G_CHECKSUM_SHA512},
};

/* The index of algorithm NAME in digests[], or -1. */
static int digest_index(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(digests); i++)
		if (strcmp(digests[i].name, name) == 0)
			return (int)i;
	return -1;
}

static bool digest_encoding(const char *name)
{
	return strcmp(name, "base64") == 0 || strcmp(name, "hex") == 0;
}

/*
 * digest(data, algorithm[, encoding]), XForms 1.1: the hash of DATA's
 * UTF-8 bytes, in base64 (the default) or lower-case hex.  The names are
 * the spec's, in its case.  An unknown one gives "", where JavaRosa
 * stops with an error; a literal one is a parse error.
 */
static void fn_digest(const struct expr_node *call, const struct expr_env *env,
		      struct expr_value *out)
{
	char buf1[EXPR_NUMBUF], buf2[EXPR_NUMBUF], buf3[EXPR_NUMBUF];
	const char *data = expr_arg_string(call, 0, env, buf1);
	int alg = digest_index(expr_arg_string(call, 1, env, buf2));
	const char *enc = call->u.call.argc > 2 ? expr_arg_string(call, 2, env, buf3) : "base64";
	if (alg < 0 || !digest_encoding(enc)) {
		expr_set_string(out, "");
		return;
	}
	GChecksum *sum = g_checksum_new(digests[alg].type);
	g_checksum_update(sum, (const guchar *)data, (gssize)strlen(data));
	if (strcmp(enc, "hex") == 0) {
		expr_set_string(out, g_string_chunk_insert(env->scratch, g_checksum_get_string(sum)));
	} else {
		guint8 raw[64];
		gsize len = sizeof raw;
		g_checksum_get_digest(sum, raw, &len);
		char *s = g_base64_encode(raw, len);
		expr_set_string(out, g_string_chunk_insert(env->scratch, s));
		g_free(s);
	}
	g_checksum_free(sum);
}

static void check_digest(struct expr_node *call, struct expr_parse_ctx *ctx)
{
	const struct expr_node *alg = call->u.call.argv[1];
	const char *s = expr_literal_string(alg);
	if (s && digest_index(s) < 0)
		expr_lex_error(ctx->lx, alg->at,
			       "unknown digest algorithm '%s'; write MD5, SHA-1, SHA-256, "
			       "SHA-384 or SHA-512", s);
	if (call->u.call.argc < 3)
		return;
	const struct expr_node *enc = call->u.call.argv[2];
	s = expr_literal_string(enc);
	if (s && !digest_encoding(s))
		expr_lex_error(ctx->lx, enc->at, "unknown digest encoding '%s'; write base64 or hex",
			       s);
}

/*
 * base64-decode(s): the text S encodes, or "" when what it decodes to is
 * not UTF-8 text (or holds a NUL).  Decoding never makes a string longer.
 */
static void fn_base64_decode(const struct expr_node *call, const struct expr_env *env,
			     struct expr_value *out)
{
	char buf[EXPR_NUMBUF];
	const char *s = expr_arg_string(call, 0, env, buf);
	gsize len = 0;
	guchar *raw = *s ? g_base64_decode(s, &len) : NULL;
	if (raw && g_utf8_validate((const char *)raw, (gssize)len, NULL))
		expr_set_string(out, keep(env, (const char *)raw, len));
	else
		expr_set_string(out, "");
	g_free(raw);
}

/* ---- the table ---- */

#define ANY (-1)

static const struct expr_func funcs[] = {
	{"base64-decode", 1, 1, fn_base64_decode, NULL, false},
	{"digest", 2, 3, fn_digest, check_digest, false},
	{"join", 1, ANY, fn_join, NULL, false},
	{"substring-after", 2, 2, fn_substring_after, NULL, false},
	{"substring-before", 2, 2, fn_substring_before, NULL, false},
	{"translate", 3, 3, fn_translate, NULL, false},
};

const struct expr_func *expr_text_lookup(const char *name, size_t len)
{
	for (size_t i = 0; i < G_N_ELEMENTS(funcs); i++)
		if (strlen(funcs[i].name) == len && memcmp(funcs[i].name, name, len) == 0)
			return &funcs[i];
	return NULL;
}
