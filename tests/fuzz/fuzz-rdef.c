/* fuzz-rdef.c - libFuzzer harness: the report definition reader */
#include <config.h>
#include "fuzz.h"

#include <glib.h>

#include "msg.h"
#include "rdef.h"

/*
 * The input is a report definition.  One that does not load must say why;
 * one that loads has a form, data and an output, and every crosstab,
 * chart and section it lists can be found again by line.
 */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_init();
	fuzz_quiet();
	char *path = fuzz_write("def.ini", data, size);
	struct rdef *def = rdef_load(path);
	FUZZ_ASSERT(def || msg_error_count() > 0);
	if (def) {
		FUZZ_ASSERT(def->form && def->data[0] && def->output);
		for (guint i = 0; i < def->charts->len; i++) {
			const struct rdef_chart *c = g_ptr_array_index(def->charts, i);
			FUZZ_ASSERT(rdef_chart(def, c->question) != NULL);
		}
		for (guint i = 0; i < def->sections->len; i++) {
			const struct rdef_section *s = g_ptr_array_index(def->sections, i);
			FUZZ_ASSERT(s->questions != NULL && s->crosstabs != NULL);
		}
		(void)rdef_line(def, "report", "form");
	}
	rdef_free(def);
	g_free(path);
	return 0;
}
