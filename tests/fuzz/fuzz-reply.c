/* fuzz-reply.c - libFuzzer harness: reading a reply file and validating it */
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
 * The input is a reply file to the fuzz form.  A file that is no reply
 * must say why.  A reply is validated (in both languages of the form),
 * exported as a wide row, written back as a reply file and read again:
 * that must give the same answers and metadata without a problem.
 */

static bool same(const char *a, const char *b)
{
	return g_strcmp0(a, b) == 0;
}

static void round_trip(const struct resp_reply *r)
{
	const struct form *form = r->form;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	FUZZ_ASSERT(resp_write_stream(r, fp));
	fclose(fp);
	char *path = fuzz_write("again.csv", buf, len);
	free(buf);
	int problems = 0;
	struct resp_reply *again = resp_read(form, path, &problems);
	FUZZ_ASSERT(again && problems == 0);
	for (size_t i = 0; i < form_n_questions(form); i++)
		FUZZ_ASSERT(same(r->values[i], again->values[i]));
	for (int m = 0; m < RESP_N_META; m++)
		FUZZ_ASSERT(same(r->meta[m], again->meta[m]));
	resp_free(again);
	g_free(path);
}

static void export(const struct resp_reply *r, struct resp_eval *ev)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct wide_write_options opt = { false, 1, false };
	struct wide_writer *w = wide_writer_new(r->form, fp, &opt);
	wide_writer_add(w, r, ev);
	FUZZ_ASSERT(wide_writer_finish(w));
	fclose(fp);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct form *form = fuzz_form();
	fuzz_quiet();
	char *path = fuzz_write("reply.csv", data, size);
	int problems = 0;
	(void)resp_is_reply_file(path);
	fuzz_quiet();
	struct resp_reply *r = resp_read(form, path, &problems);
	FUZZ_ASSERT(r || msg_error_count() > 0);
	FUZZ_ASSERT(problems == 0 || msg_error_count() > 0);
	if (r) {
		struct resp_eval *ev = resp_eval_new(form);
		resp_check(r, ev, 0);
		resp_check(r, ev, 1);
		export(r, ev);
		resp_eval_free(ev);
		round_trip(r);
		resp_free(r);
	}
	g_free(path);
	return 0;
}
