/* test-redact.c - unit tests for hiding the names of States in answers */
#include <config.h>
#include "redact.h"

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "msg.h"
#include "roster.h"
#include "tap.h"

/* Fictional Member States; the codes are from the range ISO 3166 leaves to users. */
static const char roster_csv[] =
	"code,name,aliases,member_from,member_to\n"
	"XKE,Kingdom of Kestria,Kestrian;KESTRIA City;XK;كستريا;凯斯特里亚,,\n"
	"XAA,Republic of Aldmere,,,\n"
	"XAN,Plurinational State of Andoria,,,\n"
	"XNO,Democratic People's Republic of Norland,DPRN,,\n"
	"XYA,United Republic of Yarrow,,,\n"
	"XBO,Bolivara (Plurinational State of),,,\n"
	"XKO,\"Korvia, Republic of\",,,\n"
	"XNE,Nethermark (Kingdom of the),,,\n"
	"XCG,\"Congara, The Democratic Republic of the\",,,\n"
	"XUN,Unclosed (Land,,,\n"
	"XGA,The Gambara,,,\n"
	"XVE,Vélmora,الفلمورا,,\n"
	"XUA,United Arab Emirabia,UAE;UAE Federation,,\n"
	"XPV,Port-Vale,,,\n"
	"XDO,Dot.land,A+B|C,,\n"
	"XOL,Oldland,,1990-01-01,2001-12-31\n"
	/* Short codes and names that are also words. */
	"CAN,Canadia,,,\n"
	"MAR,Marrak,,,\n"
	"MLI,Mali,Malian,,\n";

static char *tmpdir;

/*
 * The redaction of a roster whose file holds CSV, built with the roster
 * freed straight after (a redaction must not keep it), and the
 * diagnostics in ERRORS when not NULL.
 */
static struct redact *redaction(const char *csv, GString *errors)
{
	char *path = g_build_filename(tmpdir, "roster.csv", NULL);
	g_file_set_contents(path, csv, -1, NULL);
	GString *sink = errors ? errors : g_string_new(NULL);
	msg_capture(sink);
	struct roster *r = roster_load(path);
	struct redact *rd = r ? redact_new(r) : NULL;
	msg_capture(NULL);
	if (!errors)
		g_string_free(sink, TRUE);
	roster_free(r);
	g_unlink(path);
	g_free(path);
	return rd;
}

/* Checks that RD makes TEXT into WANT; the test is named after TEXT, on one line. */
#define check_redact(rd, text, want) check_redact_at(rd, text, want, __LINE__)
static void check_redact_at(const struct redact *rd, const char *text, const char *want, int line)
{
	GString *name = g_string_new(NULL);
	for (const char *p = text; *p; p++) {
		if ((unsigned char)*p < ' ')
			g_string_append_printf(name, "\\x%02x", (unsigned)*p);
		else
			g_string_append_c(name, *p);
	}
	char *got = redact_text(rd, text);
	tap_check_str(got, want, __FILE__, line, name->str);
	g_free(got);
	g_string_free(name, TRUE);
}

static void test_names(const struct redact *rd)
{
	/* The name as written, in any case, and the longest match. */
	check_redact(rd, "The Kingdom of Kestria replied.", "The [State] replied.");
	check_redact(rd, "KINGDOM OF KESTRIA", "[State]");
	check_redact(rd, "the republic of aldmere", "the [State]");
	/* The part after " of ". */
	check_redact(rd, "Kestria and Aldmere", "[State] and [State]");
	check_redact(rd, "Plurinational State of Andoria; Andoria", "[State]; [State]");
	check_redact(rd, "The Democratic People's Republic of Norland (Norland)",
		     "The [State] ([State])");
	check_redact(rd, "United Republic of Yarrow, Yarrow", "[State], [State]");
	check_redact(rd, "KESTRIA, kestria, Kestria", "[State], [State], [State]");
	/* United Nations and ISO styles, and the title put first. */
	check_redact(rd, "Bolivara (Plurinational State of) or Bolivara",
		     "[State] or [State]");
	check_redact(rd, "the Plurinational State of Bolivara", "the [State]");
	check_redact(rd, "Korvia, Republic of", "[State]");
	check_redact(rd, "the Republic of Korvia, or Korvia", "the [State], or [State]");
	check_redact(rd, "Nethermark (Kingdom of the), the Kingdom of the Nethermark",
		     "[State], the [State]");
	check_redact(rd, "The Democratic Republic of the Congara; the Congara; Congara",
		     "[State]; [State]; [State]");
	check_redact(rd, "Unclosed (Land; Unclosed", "[State]; [State]");
	/* A leading "The" dropped. */
	check_redact(rd, "Gambara and The Gambara", "[State] and [State]");
	/* A former member is hidden too. */
	check_redact(rd, "Oldland left in 2001.", "[State] left in 2001.");
}

static void test_aliases_and_codes(const struct redact *rd)
{
	check_redact(rd, "the Kestrian delegation", "the [State] delegation");
	check_redact(rd, "in Kestria City and KESTRIA CITY", "in [State] and [State]");
	check_redact(rd, "XKE and XK replied; so did DPRN.", "[State] and [State] replied; so did "
		     "[State].");
	check_redact(rd, "Malian law", "[State] law");
	/* Capitals of up to four letters match only as written. */
	check_redact(rd, "We can help, said CAN.", "We can help, said [State].");
	check_redact(rd, "Can we? Mar del Plata, mar, MAR.", "Can we? Mar del Plata, mar, [State].");
	check_redact(rd, "xke, Xk, dprn, uae, UAE", "xke, Xk, dprn, uae, [State]");
	/* The longest match across exact and caseless names. */
	check_redact(rd, "the UAE Federation", "the [State]");
	check_redact(rd, "the uae federation", "the [State]");
}

static void test_word_forms(const struct redact *rd)
{
	/* Possessives keep their ending, in either apostrophe. */
	check_redact(rd, "Kestria's law and Kestria’s courts", "[State]'s law and [State]’s courts");
	check_redact(rd, "Republic of Aldmere's reply", "[State]'s reply");
	/* A plural "s" goes with the name. */
	check_redact(rd, "The Kestrians and KESTRIANS said", "The [State] and [State] said");
	check_redact(rd, "the Kestrians' view", "the [State]' view");
	/* An apostrophe in a name matches ' and ’. */
	check_redact(rd, "Democratic People’s Republic of Norland", "[State]");
	/* Blanks and line breaks inside a name. */
	check_redact(rd, "the Kingdom  of\n\tKestria", "the [State]");
	check_redact(rd, "Republic of\r\nAldmere", "[State]");
	check_redact(rd, "Kingdom\u00a0of Kestria", "[State]");
	/* Hyphens. */
	check_redact(rd, "Port-Vale, Port\u2011Vale, Port Vale", "[State], [State], Port Vale");
	check_redact(rd, "a Kestria-based firm, pro-Kestrian", "a [State]-based firm, pro-[State]");
}

static void test_not_names(const struct redact *rd)
{
	check_redact(rd, "malicious software in Somalia and Malibu",
		     "malicious software in Somalia and Malibu");
	check_redact(rd, "Aldmereshire and Kestriana are not States.",
		     "Aldmereshire and Kestriana are not States.");
	check_redact(rd, "Canadian? Canadias. XKE2, AXKE, CANS", "Canadian? [State]. XKE2, AXKE, CANS");
	check_redact(rd, "the Kingdom of Norway", "the Kingdom of Norway");
	check_redact(rd, "", "");
	/* Metacharacters in a name are literal. */
	check_redact(rd, "Dot.land, Dotxland, A+B|C, AAB|C, C", "[State], Dotxland, [State], AAB|C, C");
}

static void test_scripts(const struct redact *rd)
{
	/* Accents: composed, decomposed, in capitals, left out. */
	check_redact(rd, "Vélmora, Ve\u0301lmora, VÉLMORA, Velmora.", "[State], [State], [State], "
		     "[State].");
	check_redact(rd, "Vélmoran, éVélmora, Vélmoraé", "Vélmoran, éVélmora, Vélmoraé");
	check_redact(rd, "Über Kestria: Kestria à Ürümqi", "Über [State]: [State] à Ürümqi");
	/* Arabic: whole words, the joined prefixes kept. */
	check_redact(rd, "قالت كستريا إن", "قالت [State] إن");
	check_redact(rd, "وكستريا وبكستريا لكستريا", "و[State] وب[State] ل[State]");
	check_redact(rd, "الكسترياني", "الكسترياني");
	check_redact(rd, "الفلمورا، والفلمورا، بالفلمورا، للفلمورا، وللفلمورا",
		     "[State]، و[State]، ب[State]، ل[State]، ول[State]");
	check_redact(rd, "فلمورا والفلموراوي", "فلمورا والفلموراوي");
	/* Chinese has no spaces between words. */
	check_redact(rd, "凯斯特里亚的答复", "[State]的答复");
	check_redact(rd, "根据凯斯特里亚法律", "根据[State]法律");
	/* Invalid UTF-8 is replaced, not dropped nor kept. */
	check_redact(rd, "Kestria\xff!", "[State]\xef\xbf\xbd!");
}

static void test_nothing_to_hide(void)
{
	struct redact *rd = redact_new(NULL);
	ok(rd != NULL, "without a roster, a redaction that hides nothing");
	check_redact(rd, "Kestria and XKE", "Kestria and XKE");
	redact_free(rd);
	redact_free(NULL);
}

static void test_name_too_long(void)
{
	GString *errors = g_string_new(NULL);
	GString *csv = g_string_new("code,name,aliases\nXKE,Kestria,");
	for (int i = 0; i < REDACT_MAX_NAME + 1; i++)
		g_string_append_c(csv, 'k');
	g_string_append_c(csv, '\n');
	struct redact *rd = redaction(csv->str, errors);
	ok(rd == NULL, "an alias of %d characters is refused", REDACT_MAX_NAME + 1);
	ok(strstr(errors->str, "/roster.csv:2: aliases: 'kkkk") &&
	   strstr(errors->str, " is too long to hide in answers (more than 200 characters)\n"),
	   "with the row and the alias");
	if (rd || !strstr(errors->str, "too long"))
		tap_diag("got: %s", errors->str);
	redact_free(rd);
	g_string_free(csv, TRUE);
	g_string_free(errors, TRUE);
}

/*
 * A roster too large for one pattern: 193 members with 20 aliases each of
 * 12 random letters, which share few beginnings.  Every alias is still
 * found, and nothing else.
 */
static void test_large_roster(void)
{
	GRand *rand = g_rand_new_with_seed(193);
	GString *csv = g_string_new("code,name,aliases\n");
	GString *text = g_string_new(NULL), *want = g_string_new(NULL);
	for (int m = 0; m < 193; m++) {
		g_string_append_printf(csv, "X%c%c,Republic of Zone %d,", 'A' + m / 26,
				       'A' + m % 26, m);
		for (int a = 0; a < 20; a++) {
			char alias[13] = "Q";
			for (int k = 1; k < 12; k++)
				alias[k] = (char)('a' + g_rand_int_range(rand, 0, 26));
			g_string_append_printf(csv, "%s%s", a ? ";" : "", alias);
			if (a == m % 20) {
				g_string_append_printf(text, "%s said so, ", alias);
				g_string_append(want, "[State] said so, ");
			}
		}
		g_string_append_c(csv, '\n');
	}
	struct redact *rd = redaction(csv->str, NULL);
	if (ok(rd != NULL, "a roster of 193 members with 20 aliases each")) {
		char *got = redact_text(rd, text->str);
		ok(got && strcmp(got, want->str) == 0, "every alias found, nothing else");
		g_free(got);
		check_redact(rd, "the Republic of Zone 7, Zone 192 and Zone 193",
			     "the [State], [State] and Zone 193");
	}
	redact_free(rd);
	g_string_free(csv, TRUE);
	g_string_free(text, TRUE);
	g_string_free(want, TRUE);
	g_rand_free(rand);
}

int main(void)
{
	tmpdir = g_dir_make_tmp("quire-redact-XXXXXX", NULL);
	struct redact *rd = redaction(roster_csv, NULL);
	if (ok(rd != NULL, "the test roster makes a redaction")) {
		test_names(rd);
		test_aliases_and_codes(rd);
		test_word_forms(rd);
		test_not_names(rd);
		test_scripts(rd);
	}
	redact_free(rd);
	test_nothing_to_hide();
	test_name_too_long();
	test_large_roster();
	g_rmdir(tmpdir);
	g_free(tmpdir);
	return tap_done();
}
