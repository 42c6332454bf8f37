/* source.c - where replies come from: reply files, directories of them, wide exports */
#include <config.h>
#include "source.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib.h>

#include "form.h"
#include "msg.h"
#include "response.h"
#include "wide.h"

struct source {
	const struct form *form;
	struct source_options opt;
	GPtrArray *files;	/* char *, expanded paths, in order */
	guint next_file;
	struct wide_reader *wide;	/* the export being streamed, if any */
	struct resp_reply *reply;	/* for wide rows (borrowed values) */
	struct resp_reply *file_reply;	/* the last reply file read */
	unsigned long n_files, n_replies;
	unsigned long long bytes;
};

static int compare_paths(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the *.csv files of DIR, sorted; returns false after reporting. */
static bool add_directory(GPtrArray *files, const char *dir)
{
	GError *err = NULL;
	GDir *d = g_dir_open(dir, 0, &err);
	if (!d) {
		msg_error_at(dir, 0, "cannot read directory: %s", err->message);
		g_error_free(err);
		return false;
	}
	GPtrArray *found = g_ptr_array_new();
	const char *name;
	while ((name = g_dir_read_name(d)))
		if (g_str_has_suffix(name, ".csv") && name[0] != '.')
			g_ptr_array_add(found, g_build_filename(dir, name, NULL));
	g_dir_close(d);
	g_ptr_array_sort(found, compare_paths);
	for (guint i = 0; i < found->len; i++)
		g_ptr_array_add(files, g_ptr_array_index(found, i));
	g_ptr_array_free(found, TRUE);
	return true;
}

struct source *source_open(const struct form *form, char *const *paths, int n_paths,
			   const struct source_options *opt)
{
	struct source *s = g_new0(struct source, 1);
	s->form = form;
	if (opt)
		s->opt = *opt;
	s->files = g_ptr_array_new_with_free_func(g_free);
	bool ok = true;
	for (int i = 0; i < n_paths; i++) {
		struct stat st;
		if (strcmp(paths[i], "-") == 0) {
			g_ptr_array_add(s->files, g_strdup("-"));
		} else if (stat(paths[i], &st) != 0) {
			msg_error_at(paths[i], 0, "cannot open: %s", g_strerror(errno));
			ok = false;
		} else if (S_ISDIR(st.st_mode)) {
			ok &= add_directory(s->files, paths[i]);
		} else {
			g_ptr_array_add(s->files, g_strdup(paths[i]));
		}
	}
	if (!ok) {
		source_close(s);
		return NULL;
	}
	s->reply = resp_new(form);
	return s;
}

/* Starts the next file: a reply file is read whole; an export is opened for streaming. */
static int open_next(struct source *s, struct resp_reply **reply, int *problems)
{
	const char *path = g_ptr_array_index(s->files, s->next_file++);
	s->n_files++;
	if (strcmp(path, "-") != 0 && resp_is_reply_file(path)) {
		resp_free(s->file_reply);
		s->file_reply = resp_read(s->form, path, problems);
		if (!s->file_reply)
			return -1;
		*reply = s->file_reply;
		s->n_replies++;
		return 1;
	}
	struct wide_options wopt = { s->opt.id_column, s->opt.require_id };
	s->wide = wide_open(s->form, path, &wopt);
	g_free(s->reply->file);
	s->reply->file = g_strdup(strcmp(path, "-") == 0 ? "<stdin>" : path);
	return s->wide ? 0 : -1;
}

int source_next(struct source *s, struct resp_reply **reply, int *problems)
{
	for (;;) {
		if (s->wide) {
			int rc = wide_next(s->wide, s->reply, problems);
			if (rc != 0) {
				*reply = s->reply;
				s->n_replies += rc > 0;
				return rc;
			}
			s->bytes += wide_bytes_read(s->wide);
			wide_close(s->wide);
			s->wide = NULL;
		}
		if (s->next_file >= s->files->len)
			return 0;
		int rc = open_next(s, reply, problems);
		if (rc != 0)
			return rc;
	}
}

unsigned long source_files(const struct source *s)
{
	return s->n_files;
}

unsigned long source_replies(const struct source *s)
{
	return s->n_replies;
}

unsigned long long source_bytes(const struct source *s)
{
	return s->bytes + (s->wide ? wide_bytes_read(s->wide) : 0);
}

const GPtrArray *source_paths(const struct source *s)
{
	return s->files;
}

void source_close(struct source *s)
{
	if (!s)
		return;
	wide_close(s->wide);
	resp_free(s->reply);
	resp_free(s->file_reply);
	g_ptr_array_free(s->files, TRUE);
	g_free(s);
}
