/* fixture.c - what unit tests set up alike */
#include <config.h>
#include "fixture.h"

#include <glib.h>
#include <glib/gstdio.h>

struct form *fixture_form(const char *csv, const char *name)
{
	char *dir = g_dir_make_tmp("quire-fixture.XXXXXX", NULL);
	char *path = g_build_filename(dir, name, NULL);
	g_file_set_contents(path, csv, -1, NULL);
	struct form *form = form_load(path);
	g_unlink(path);
	g_rmdir(dir);
	g_free(path);
	g_free(dir);
	return form;
}
