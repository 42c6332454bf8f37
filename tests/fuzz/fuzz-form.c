/* fuzz-form.c - libFuzzer harness: the form loader, single-file and per-sheet layouts */
#include <config.h>
#include "fuzz.h"

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "form.h"
#include "msg.h"
#include "response.h"

/*
 * An even first byte makes the rest one pyxform-style CSV file; an odd
 * one makes it a form directory: survey.csv, choices.csv and settings.csv
 * separated by the byte 0x1E (a sheet left out is absent).  A form that
 * does not load must say why; one that loads must be consistent, and its
 * skip logic and calculations must run on an empty reply, within the
 * bound on values.
 */

#define SHEET_SEP '\x1e'

static char *write_directory(const char *data, size_t size)
{
	static const char *const sheets[] = { "survey.csv", "choices.csv", "settings.csv" };
	char *dir = g_build_filename(fuzz_dir(), "form", NULL);
	g_mkdir(dir, 0700);
	const char *end = data + size;
	for (size_t i = 0; i < G_N_ELEMENTS(sheets); i++) {
		char *name = g_build_filename("form", sheets[i], NULL);
		if (data) {
			const char *sep = memchr(data, SHEET_SEP, (size_t)(end - data));
			const char *stop = sep ? sep : end;
			g_free(fuzz_write(name, data, (size_t)(stop - data)));
			data = sep ? sep + 1 : NULL;
		} else {
			char *path = g_build_filename(fuzz_dir(), name, NULL);
			g_remove(path);
			g_free(path);
		}
		g_free(name);
	}
	return dir;
}

static void check_form(const struct form *form)
{
	size_t n = form_n_questions(form);
	bool *seen = g_new0(bool, n + 1);
	for (size_t k = 0; k < n; k++) {
		int i = form->eval_order[k];
		FUZZ_ASSERT(i >= 0 && (size_t)i < n && !seen[i]);
		seen[i] = true;
	}
	g_free(seen);
	for (size_t i = 0; i < n; i++) {
		const struct form_question *q = form_question_at(form, i);
		FUZZ_ASSERT(q->index == (int)i);
		/* Names are scoped by group: a question is found by its key
		 * and its path; its bare name may belong to another group's. */
		FUZZ_ASSERT(form_question(form, q->key) == q);
		FUZZ_ASSERT(form_question(form, q->path) == q);
		FUZZ_ASSERT(strcmp(q->key, q->name) == 0 ||
			    (strcmp(q->key, q->path) == 0 && form_sharing(form, q->name)));
		FUZZ_ASSERT(form_name_is_valid(q->name));
		for (guint l = 0; l < form->languages->len; l++)
			FUZZ_ASSERT(form_label(form, q, (int)l) != NULL);
		FUZZ_ASSERT(!form_kind_is_choice(q->kind) || q->list || strstr(q->type, "file") ||
			    strstr(q->type, "external"));
	}
	struct resp_eval *ev = resp_eval_new(form);
	char **none = g_new0(char *, n + 1);
	resp_eval_run(ev, none);
	for (size_t i = 0; i < n; i++)
		FUZZ_ASSERT(!ev->value[i] || strlen(ev->value[i]) <= EXPR_MAX_STRING);
	g_free(none);
	resp_eval_free(ev);
	form_lang_find(form, "fr");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init();
	fuzz_quiet();
	if (size == 0)
		return 0;
	char *path = data[0] & 1 ? write_directory((const char *)data + 1, size - 1)
				 : fuzz_write("form.csv", data + 1, size - 1);
	struct form *form = form_load(path);
	FUZZ_ASSERT(form || msg_error_count() > 0);
	if (form)
		check_form(form);
	form_free(form);
	g_free(path);
	return 0;
}
