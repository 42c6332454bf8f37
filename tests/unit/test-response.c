/* test-response.c - unit tests for replies: names a question may not take, safe respondent codes, reads */
#include <config.h>
#include "response.h"

#include <stdint.h>
#include <string.h>
#include <glib.h>

#include "fixture.h"
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

/*
 * A reply that ticks every choice of three 40-choice questions needs room
 * for 120 indexes: more than the evaluator starts with, so it grows in the
 * middle of the reply, and the reads made before must move with it.  Each
 * read is then checked index by index: the reply ticks the choices in
 * reverse list order, then rank and select_one take the rest.
 */
static void test_reads_outgrow_room(void)
{
	GString *csv = g_string_new("survey,type,name,label\n"
				    ",select_multiple c40,a,A\n,select_multiple c40,b,B\n"
				    ",rank c40,c,C\n,select_one c40,d,D\n"
				    "choices,list_name,name,label\n");
	GString *all = g_string_new(NULL);
	for (int k = 0; k < 40; k++) {
		g_string_append_printf(csv, ",c40,k%d,K%d\n", k, k);
		g_string_append_printf(all, "%sk%d", k ? " " : "", 39 - k);
	}
	struct form *form = fixture_form(csv->str, "room.csv");
	g_string_free(csv, TRUE);
	g_assert(form);
	struct resp_eval *ev = resp_eval_new(form);
	struct resp_reply *r = resp_new(form);
	resp_set_meta(r, RESP_RESPONDENT, "XAA");
	resp_set_meta(r, RESP_SUBMITTED, "2019-06-30");
	for (int round = 0; round < 2; round++) {
		resp_set(r, form_question(form, "a")->index, all->str);
		resp_set(r, form_question(form, "b")->index, all->str);
		resp_set(r, form_question(form, "c")->index, all->str);
		resp_set(r, form_question(form, "d")->index, "k7");
		int problems = resp_check(r, ev, 0);
		bool right = problems == 0;
		static const char *const names[] = { "a", "b", "c" };
		for (size_t q = 0; q < G_N_ELEMENTS(names); q++) {
			const struct resp_read *read = &ev->read[form_question(form, names[q])->index];
			uintptr_t at = (uintptr_t)read->chosen - (uintptr_t)ev->chosen;
			right = right && read->ok && read->n == 40 &&
				at + 40 * sizeof(int) <= ev->n_chosen * sizeof(int);
			for (guint i = 0; right && i < read->n; i++)
				right = read->chosen[i] == 39 - (int)i;
		}
		const struct resp_read *d = &ev->read[form_question(form, "d")->index];
		right = right && d->ok && d->n == 1 && d->chosen[0] == 7;
		ok(right, "reply %d: 121 choice indexes read, each where it was read (room %zu)",
		   round + 1, ev->chosen_cap);
	}
	g_string_free(all, TRUE);
	resp_free(r);
	resp_eval_free(ev);
	form_free(form);
}

int main(void)
{
	test_metadata_names_are_reserved();
	test_code_characters();
	test_device_codes();
	test_reads_outgrow_room();
	return tap_done();
}
