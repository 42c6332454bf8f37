/* test-response.c - unit tests for replies: names a question may not take, safe respondent codes */
#include <config.h>
#include "response.h"

#include <glib.h>

#include "form.h"
#include "tap.h"

/* A question named after reply metadata would be read as metadata: every such name is reserved. */
static void test_metadata_names_are_reserved(void)
{
	for (int m = 0; m < RESP_N_META; m++)
		ok(form_name_reserved(resp_meta_name(m)) != NULL, "'%s' is reserved",
		   resp_meta_name(m));
	ok(form_name_reserved("respondent") && form_name_reserved("submitted"),
	   "so are the export's first columns");
	ok(!form_name_reserved("Respondent") && !form_name_reserved("_remark") &&
	   !form_name_reserved("note"), "other names are free");
}

/* The characters of a code, ASCII or not: letters and digits of any script, '-', '_', '.'. */
static void test_code_characters(void)
{
	static const char *const refused[] = {
		"", ".x", "-x", "a b", "a/b", "a\\b", "a:b", "a\xff", "ab\xe2\x82\xac", "\xc3\xb4\xff",
		"-C\xc3\xb4te", "x\xe2\x80\x8b",	/* a zero-width space */
		"XAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",	/* 65 bytes */
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",	/* 33 letters, 66 bytes */
		NULL,
	};
	static const char *const safe[] = {
		"XAA", "x.y_z-1", "C\xc3\xb4te", "\xe6\x97\xa5\xe6\x9c\xac", "\xd9\x85\xd8\xb5\xd8\xb1",
		"XAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",	/* 64 bytes */
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",	/* 32 letters, 64 bytes */
		NULL,
	};
	for (const char *const *c = refused; *c; c++)
		ok(!resp_code_is_safe(*c), "code %d of the refused is refused", (int)(c - refused));
	for (const char *const *c = safe; *c; c++)
		ok(resp_code_is_safe(*c), "code %d of the safe is safe", (int)(c - safe));
}

/* Names Windows keeps for devices are refused in any case, alone or with an extension. */
static void test_device_codes(void)
{
	static const char *const refused[] = {
		"CON", "con", "Prn", "AUX", "nul", "NUL.csv", "nul.tar.gz", "CON.", "COM1", "com9",
		"COM0", "LPT1", "lpt9.x", "LPT0", NULL,
	};
	static const char *const safe[] = {
		"XAA", "CONS", "CON_1", "NULL", "COM10", "COMA", "LPT", "LPT10", "AUX-1", "X.CON",
		"XCOM1", NULL,
	};
	for (const char *const *c = refused; *c; c++)
		ok(!resp_code_is_safe(*c), "'%s' is refused", *c);
	for (const char *const *c = safe; *c; c++)
		ok(resp_code_is_safe(*c), "'%s' is safe", *c);
	check_str(resp_code_problem("com1.csv"), "Windows keeps CON, PRN, AUX, NUL, COM0 to COM9 "
		  "and LPT0 to LPT9 for devices, in any case and with any extension");
	check_str(resp_code_problem("../x"), "use 1 to 64 letters, digits, '-', '_' and '.', not "
		  "starting with '.' or '-'");
	ok(resp_code_problem("XAA") == NULL, "a safe code has no problem");
}

int main(void)
{
	test_metadata_names_are_reserved();
	test_code_characters();
	test_device_codes();
	return tap_done();
}
