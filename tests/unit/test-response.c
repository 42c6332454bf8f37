/* test-response.c - unit tests for replies: names a question may not take */
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

int main(void)
{
	test_metadata_names_are_reserved();
	return tap_done();
}
