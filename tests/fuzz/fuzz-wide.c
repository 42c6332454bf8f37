/* fuzz-wide.c - libFuzzer harness: importing a wide export (quire, KoboToolbox, ODK) */
#include <config.h>
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib.h>

#include "form.h"
#include "msg.h"
#include "response.h"
#include "wide.h"

/*
 * The first byte picks the options (which --id-column, whether a
 * respondent column is required); the rest is an export of replies to the
 * fuzz form.  Every row is validated and written as a reply file, as
 * quire import and quire validate do; a borrowed reply is also edited.
 */

#define MAX_ROWS 200

static void write_reply(const struct resp_reply *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	FUZZ_ASSERT(resp_write_stream(r, fp));
	fclose(fp);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const id_columns[] = { NULL, "state", "respondent", "has_law" };
	const struct form *form = fuzz_form();
	fuzz_quiet();
	if (size == 0)
		return 0;
	struct wide_options opt = { id_columns[data[0] & 3], (data[0] & 4) != 0, NULL };
	char *path = fuzz_write("export.csv", data + 1, size - 1);
	struct wide_reader *w = wide_open(form, path, &opt);
	FUZZ_ASSERT(w || msg_error_count() > 0);
	if (w) {
		(void)wide_dialect_name(wide_dialect(w));
		(void)wide_unmatched(w);
		struct resp_reply *r = resp_new(form);
		r->file = g_strdup(path);
		struct resp_eval *ev = resp_eval_new(form);
		int problems = 0, rc, rows = 0;
		while (rows++ < MAX_ROWS && (rc = wide_next(w, r, &problems)) == 1) {
			FUZZ_ASSERT(r->borrowed);
			resp_check(r, ev, 0);
			const char *code = r->meta[RESP_RESPONDENT];
			if (code && resp_code_is_safe(code))
				write_reply(r);
			if (rows % 2)
				resp_set_meta(r, RESP_NOTE, "edited");
			FUZZ_ASSERT(!r->borrowed || rows % 2 == 0);
		}
		resp_eval_free(ev);
		resp_free(r);
		wide_close(w);
	}
	g_free(path);
	return 0;
}
