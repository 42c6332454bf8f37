/* expr-lex.c - the tokens of XLSForm expressions */
#include <config.h>
#include "expr-int.h"

#include <stdarg.h>
#include <string.h>

#include "i18n.h"

/*
 * Tokens follow XPath 1.0 (REC §3.7) with XLSForm's ${name} references.
 * Whether '*' and the names and/or/div/mod are operators depends on the
 * token before them, as the REC's disambiguation rule says; see
 * operator_expected().
 */

void expr_lex_init(struct expr_lexer *lx, const char *text, jmp_buf *on_error,
		   struct expr_error *err)
{
	lx->text = text;
	lx->p = text;
	lx->prev = TK_NONE;
	lx->tok.kind = TK_NONE;
	lx->on_error = on_error;
	lx->err = err;
}

long expr_column(const char *text, const char *at)
{
	long column = 1;
	for (const char *s = text; s < at && *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			column++;
	return column;
}

/*
 * FMT is looked up in the terminal's language here: xgettext knows
 * expr_lex_error (and expr-parse.c's error_at and unsupported_at, which
 * call it) as keywords, so its callers pass their literal formats unmarked.
 */
void expr_lex_error(struct expr_lexer *lx, const char *at, const char *fmt, ...)
{
	va_list ap;
	lx->err->column = expr_column(lx->text, at);
	va_start(ap, fmt);
	g_vsnprintf(lx->err->message, sizeof lx->err->message, E_(fmt), ap);
	va_end(ap);
	longjmp(*lx->on_error, 1);
}

/*
 * The length of the name character at S, or 0.  Beyond ASCII, letters and
 * digits count, as XML names allow them; other symbols (such as '≥') do not.
 */
static int name_char(const char *s, bool start)
{
	unsigned char c = (unsigned char)*s;
	if (c < 0x80)
		return g_ascii_isalpha(c) || c == '_' ||
		       (!start && (g_ascii_isdigit(c) || c == '-' || c == '.'));
	gunichar u = g_utf8_get_char_validated(s, -1);
	if (u == (gunichar)-1 || u == (gunichar)-2)
		return 0;
	if (!(g_unichar_isalpha(u) || (!start && g_unichar_isdigit(u))))
		return 0;
	return (int)(g_utf8_next_char(s) - s);
}

/* NCName */
static const char *scan_ncname(const char *s)
{
	int n = name_char(s, true);
	while (n > 0) {
		s += n;
		n = name_char(s, false);
	}
	return s;
}

/* QName -> NCName [':' NCName] */
static const char *scan_qname(const char *s)
{
	const char *end = scan_ncname(s);
	if (end[0] == ':' && name_char(end + 1, true))
		end = scan_ncname(end + 1);
	return end;
}

static bool is_operator(enum expr_tok t)
{
	return t >= TK_OR && t <= TK_PIPE;
}

/*
 * XPath 1.0 REC §3.7: "If there is a preceding token and the preceding
 * token is not one of @, ::, (, [, , or an Operator, then a * must be
 * recognized as a MultiplyOperator and an NCName must be recognized as an
 * OperatorName."
 */
static bool operator_expected(const struct expr_lexer *lx)
{
	switch (lx->prev) {
	case TK_NONE:
	case TK_AT:
	case TK_COLONCOLON:
	case TK_LPAREN:
	case TK_LBRACKET:
	case TK_COMMA:
		return false;
	default:
		return !is_operator(lx->prev);
	}
}

static void set(struct expr_lexer *lx, enum expr_tok kind, const char *start, size_t len)
{
	lx->tok.kind = kind;
	lx->tok.start = start;
	lx->tok.len = len;
	lx->p = start + len;
}

/* Number -> Digits ('.' Digits?)? | '.' Digits  (no sign, no exponent) */
static void read_number(struct expr_lexer *lx, const char *s)
{
	const char *end = s;
	while (g_ascii_isdigit(*end))
		end++;
	if (*end == '.') {
		end++;
		while (g_ascii_isdigit(*end))
			end++;
	}
	char *copy = g_strndup(s, (size_t)(end - s));
	lx->tok.num = g_ascii_strtod(copy, NULL);
	g_free(copy);
	set(lx, TK_NUMBER, s, (size_t)(end - s));
}

/* Literal -> '"' [^"]* '"' | "'" [^']* "'"  (no escapes) */
static void read_string(struct expr_lexer *lx, const char *s)
{
	const char *close = strchr(s + 1, *s);
	if (!close)
		expr_lex_error(lx, s, "unterminated string");
	lx->tok.name = s + 1;
	lx->tok.name_len = (size_t)(close - s - 1);
	set(lx, TK_STRING, s, (size_t)(close + 1 - s));
}

/* Ref -> '${' ['last-saved#'] NCName '}' */
static void read_ref(struct expr_lexer *lx, const char *s)
{
	static const char last_saved[] = "last-saved#";
	const char *name = s + 2;
	lx->tok.last_saved = strncmp(name, last_saved, sizeof last_saved - 1) == 0;
	if (lx->tok.last_saved)
		name += sizeof last_saved - 1;
	const char *end = scan_ncname(name);
	if (end == name)
		expr_lex_error(lx, name, "expected a question name after '${'");
	if (*end != '}')
		expr_lex_error(lx, end, "expected '}'");
	lx->tok.name = name;
	lx->tok.name_len = (size_t)(end - name);
	set(lx, TK_REF, s, (size_t)(end + 1 - s));
}

/* An operator name where an operator is expected; else a function or a path step. */
static void read_name(struct expr_lexer *lx, const char *s)
{
	static const struct {
		const char *name;
		enum expr_tok kind;
	} opnames[] = {
		{"and", TK_AND}, {"or", TK_OR}, {"div", TK_DIV}, {"mod", TK_MOD},
	};
	const char *end = scan_qname(s);
	size_t len = (size_t)(end - s);
	lx->tok.name = s;
	lx->tok.name_len = len;
	if (operator_expected(lx)) {
		enum expr_tok kind = TK_NAME;
		for (size_t i = 0; i < G_N_ELEMENTS(opnames); i++)
			if (strlen(opnames[i].name) == len && memcmp(opnames[i].name, s, len) == 0)
				kind = opnames[i].kind;
		set(lx, kind, s, len);
		return;
	}
	const char *after = end;
	while (g_ascii_isspace(*after))
		after++;
	set(lx, *after == '(' ? TK_FUNC : TK_NAME, s, len);
}

/* Reports a character that starts no token, whole even when it is not ASCII. */
static EXPR_NORETURN void bad_char(struct expr_lexer *lx, const char *s)
{
	size_t len = 1;
	while (((unsigned char)s[len] & 0xC0) == 0x80)
		len++;
	expr_lex_error(lx, s, "unexpected character '%.*s'", (int)len, s);
}

/* Tokens of one or two punctuation characters. */
static bool read_punct(struct expr_lexer *lx, const char *s)
{
	static const struct {
		const char *text;
		enum expr_tok kind;
	} puncts[] = {
		/* two characters before their one-character prefixes */
		{"!=", TK_NE}, {"<=", TK_LE}, {">=", TK_GE}, {"//", TK_SLASHSLASH},
		{"::", TK_COLONCOLON}, {"..", TK_DOTDOT},
		{"(", TK_LPAREN}, {")", TK_RPAREN}, {"[", TK_LBRACKET}, {"]", TK_RBRACKET},
		{",", TK_COMMA}, {"@", TK_AT}, {"|", TK_PIPE}, {"+", TK_PLUS}, {"-", TK_MINUS},
		{"=", TK_EQ}, {"<", TK_LT}, {">", TK_GT}, {"/", TK_SLASH}, {".", TK_DOT},
	};
	if (s[0] == '=' && s[1] == '=')
		expr_lex_error(lx, s, "'==' is not an operator; write '='");
	for (size_t i = 0; i < G_N_ELEMENTS(puncts); i++) {
		size_t len = strlen(puncts[i].text);
		if (strncmp(s, puncts[i].text, len) == 0) {
			set(lx, puncts[i].kind, s, len);
			return true;
		}
	}
	return false;
}

void expr_lex_next(struct expr_lexer *lx)
{
	const char *s = lx->p;
	lx->prev = lx->tok.kind;
	while (g_ascii_isspace(*s))
		s++;
	if (*s == '\0')
		set(lx, TK_EOF, s, 0);
	else if (g_ascii_isdigit(*s) || (*s == '.' && g_ascii_isdigit(s[1])))
		read_number(lx, s);
	else if (*s == '\'' || *s == '"')
		read_string(lx, s);
	else if (*s == '$' && s[1] == '{')
		read_ref(lx, s);
	else if (*s == '$')
		expr_lex_error(lx, s, "expected '{' after '$'");
	else if (name_char(s, true))
		read_name(lx, s);
	else if (*s == '*')
		set(lx, operator_expected(lx) ? TK_MUL : TK_STAR, s, 1);
	else if (!read_punct(lx, s))
		bad_char(lx, s);
}
