/* source.c - where replies come from: reply files, directories of them, wide exports */
#include <config.h>
#include "source.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib.h>

#include "form.h"
#include "i18n.h"
#include "msg.h"
#include "response.h"
#include "wide.h"
#include "workbook.h"

struct source {
	const struct form *form;
	struct source_options opt;
	GPtrArray *files;	/* char *, expanded paths, in order */
	guint next_file;
	struct wide_reader *wide;	/* the export being streamed, if any */
	struct resp_reply *reply;	/* for wide rows (borrowed values) */
	struct resp_reply *file_reply;	/* the last reply file read */
	unsigned long n_files, n_replies, n_unreadable;
	unsigned long long bytes;
};

static int compare_paths(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Whether NAME is a reply's name: "*.csv" or a workbook ("*.xlsx", "*.xlsm",
 * "*.xls", "*.ods"), in any case: a reply saved as "XAC.CSV" is a reply,
 * and so is an answer sheet saved by Excel as "XAC.xlsx".
 */
static bool is_reply_name(const char *name)
{
	size_t n = strlen(name);
	bool csv = n > 4 && g_ascii_strcasecmp(name + n - 4, ".csv") == 0;
	return csv || workbook_is_workbook(name);
}

/*
 * Whether NAME is hidden, or a lock file a spreadsheet program leaves
 * beside the file it has open: macOS leaves "._XAA.csv" beside "XAA.csv" on
 * a USB stick, LibreOffice ".~lock.XAA.csv#", Excel "~$XAA.xlsx".
 */
static bool is_hidden(const char *name)
{
	return name[0] == '.' || g_str_has_prefix(name, "~$");
}

/* What a file of MODE is, for a message; NULL for a regular file. */
static const char *file_kind(mode_t mode)
{
	if (S_ISREG(mode))
		return NULL;
	if (S_ISDIR(mode))
		/* TRANSLATORS: what a file is, as in "cannot read replies from a FIFO: ...". */
		return E_("a directory");
	if (S_ISFIFO(mode))
		/* TRANSLATORS: what a file is, as in "pipe.csv (a FIFO)". */
		return E_("a FIFO");
	if (S_ISCHR(mode) || S_ISBLK(mode))
		/* TRANSLATORS: what a file is, as in "tty (a device)". */
		return E_("a device");
	if (S_ISSOCK(mode))
		/* TRANSLATORS: what a file is, as in "control.csv (a socket)". */
		return E_("a socket");
	/* TRANSLATORS: what a file is when it is no directory, FIFO, device or socket. */
	return E_("not a regular file");
}

/*
 * Whether the entry NAME of a directory, at PATH, is a reply to read: a
 * regular file (symbolic links followed) with a reply's name, and not
 * hidden.  Only such files are opened: a FIFO would block and a device
 * never end.  Otherwise returns the entry as the warning lists it:
 * "notes.txt", "late/", "._XAA.csv (hidden)", "pipe.csv (a FIFO)" (g_free).
 */
static char *skipped_entry(const char *path, const char *name)
{
	struct stat st;
	int err = stat(path, &st) == 0 ? 0 : errno;
	bool named = is_reply_name(name), hidden = is_hidden(name);
	if (!err && S_ISREG(st.st_mode) && named && !hidden)
		return NULL;
	char *shown = msg_value(name), *entry;
	if (err)
		entry = g_strdup_printf("%s (%s)", shown, g_strerror(err));
	else if (S_ISDIR(st.st_mode))
		entry = g_strconcat(shown, "/", NULL);
	else if (!S_ISREG(st.st_mode))
		entry = g_strdup_printf("%s (%s)", shown, file_kind(st.st_mode));
	else if (named)
		/* TRANSLATORS: a file's name in a list of files skipped: "._XAA.csv (hidden)". */
		entry = g_strdup_printf(E_("%s (hidden)"), shown);
	else
		entry = g_strdup(shown);
	g_free(shown);
	return entry;
}

/* How many skipped entries the warning names. */
#define SKIPPED_SHOWN 10

/* One line for a directory, however many entries it skipped. */
static void warn_skipped(const char *dir, GPtrArray *skipped)
{
	guint n = skipped->len;
	if (n == 0)
		return;
	g_ptr_array_sort(skipped, compare_paths);
	GString *list = g_string_new(NULL);
	for (guint i = 0; i < n && i < SKIPPED_SHOWN; i++)
		g_string_append_printf(list, "%s%s", i ? ", " : "",
				       (const char *)g_ptr_array_index(skipped, i));
	if (n > SKIPPED_SHOWN)
		g_string_append(list, ", ...");
	/*
	 * TRANSLATORS: %u is a count, then "file that is not a reply (...)" or
	 * "files that are not replies (...)", then the files' names.
	 */
	msg_warn_at(dir, 0, "skipped %u %s: %s", n,
		    /* TRANSLATORS: in "skipped %u %s: %s", for a count of 1. */
		    n == 1 ? E_("file that is not a reply (.csv or a workbook)")
			   /* TRANSLATORS: in "skipped %u %s: %s", for any other count. */
			   : E_("files that are not replies (.csv or workbooks)"), list->str);
	g_string_free(list, TRUE);
}

/*
 * Adds the replies of DIR, sorted, and names in a warning every entry it
 * skips, so that no reply is left out in silence; returns false after
 * reporting.
 */
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
	GPtrArray *skipped = g_ptr_array_new_with_free_func(g_free);
	const char *name;
	while ((name = g_dir_read_name(d))) {
		char *path = g_build_filename(dir, name, NULL);
		char *entry = skipped_entry(path, name);
		if (entry) {
			g_ptr_array_add(skipped, entry);
			g_free(path);
		} else {
			g_ptr_array_add(found, path);
		}
	}
	g_dir_close(d);
	g_ptr_array_sort(found, compare_paths);
	for (guint i = 0; i < found->len; i++)
		g_ptr_array_add(files, g_ptr_array_index(found, i));
	g_ptr_array_free(found, TRUE);
	warn_skipped(dir, skipped);
	g_ptr_array_free(skipped, TRUE);
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
		} else if (!S_ISREG(st.st_mode)) {
			/* A FIFO would block until a writer comes, a device never end. */
			/* TRANSLATORS: %s says what the path is: "a FIFO", "a device", "a socket"... */
			msg_error_at(paths[i], 0, "cannot read replies from %s: give a file, a "
				     "directory, or '-' for standard input", file_kind(st.st_mode));
			ok = false;
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
		if (!s->file_reply) {
			(*problems)++;	/* reported; the next file is read */
			s->n_unreadable++;
			return 0;
		}
		*reply = s->file_reply;
		s->n_replies++;
		return 1;
	}
	struct wide_options wopt = { s->opt.id_column, s->opt.require_id, s->opt.scope };
	s->wide = wide_open(s->form, path, &wopt);
	g_free(s->reply->file);
	s->reply->file = g_strdup(strcmp(path, "-") == 0 ? "<stdin>" : path);
	if (!s->wide) {
		(*problems)++;	/* reported; the next file is read */
		s->n_unreadable++;
	}
	return 0;
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

unsigned long source_unreadable(const struct source *s)
{
	return s->n_unreadable;
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
