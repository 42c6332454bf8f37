/* cmd-import.c - quire import: split a wide export into reply files */
#include <config.h>

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "atomic.h"
#include "cli.h"
#include "cmd.h"
#include "form.h"
#include "i18n.h"
#include "lock.h"
#include "msg.h"
#include "response.h"
#include "source.h"
#include "wide.h"

static const char *const usage = N_(
	/*
	 * TRANSLATORS: the --help of quire import.  Keep the commands, the options,
	 * the file, column and setting names, and the layout: the descriptions in
	 * one column, lines no longer than the English.  FORM, DATA and the like
	 * may be translated.
	 */
	"Usage: quire import [OPTIONS] FORM EXPORT.csv --into DIR\n"
	"   or: quire import [OPTIONS] FORM WORKBOOK.xlsx|DIR... --into DIR\n"
	"Split a wide export -- KoboToolbox (current ';' or legacy), ODK Central, or\n"
	"quire export -- into one reply file per respondent, DIR/CODE.csv.  Columns\n"
	"are matched against the form's names and group paths; columns that match\n"
	"nothing are listed.  An existing reply is never overwritten without --force.\n"
	"Filled answer workbooks (quire blank --format xlsx), or directories of them,\n"
	"become one reply file each, with _channel 'workbook'; a workbook whose\n"
	"answers quire validate would refuse is named with its problems and not\n"
	"imported.\n"
	"\n"
	"Options:\n"
	"      --into DIR         directory for the reply files (required)\n"
	"      --id-column COL    the column (or form question) holding the respondent\n"
	"                         code (default: a 'respondent' or '_respondent' column)\n"
	"      --force            replace existing reply files\n"
	"  -h, --help             show this help\n"
	"\n"
	"A reply being entered (quire enter holds its lock) is not imported, and\n"
	"is named.  A reply that cannot be written (a full disk) stops the import:\n"
	"the replies written before it are in place, and the message says how many.\n"
	"\n"
	"Exit status: 0 when every row was imported or skipped, 1 when a row was\n"
	"rejected, a reply was in use or could not be written, or the export could\n"
	"not be read, 2 usage error.\n");

/*
 * Replies are written in batches: each is written to a temporary file
 * under its lock (lock.h), and every IMPORT_BATCH replies, and at the end,
 * the batch is synced and renamed into place (atomic_flush()) and only then
 * are its locks released, so that no quire enter session can read a reply
 * between the two and undo the import with its next save.
 */
#define IMPORT_BATCH 256

struct tally {
	unsigned written;	/* in place */
	unsigned pending;	/* written, waiting for atomic_flush() */
	unsigned skipped, rejected, in_use;
	GString *skipped_codes, *in_use_codes;
	/*
	 * A code, case-folded -> where it was imported from ("row 3", or a
	 * file) and the code as written there: two codes that differ only in
	 * case would be one file where names ignore case (Windows, macOS).
	 */
	GHashTable *seen;	/* char * -> char *: where */
	GHashTable *seen_as;	/* char * -> char *: the code as first written */
	GPtrArray *locks;	/* of the pending replies */
	/*
	 * The first failure to write (a full disk, a file size limit, a
	 * directory without write permission), as reported: it stops the
	 * import, since every later reply would fail the same way.
	 */
	GString *failure;
};

static void tally_init(struct tally *t)
{
	*t = (struct tally){ 0 };
	t->skipped_codes = g_string_new(NULL);
	t->in_use_codes = g_string_new(NULL);
	t->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	t->seen_as = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	t->locks = g_ptr_array_new();
	t->failure = g_string_new(NULL);
}

static void tally_release(struct tally *t)
{
	g_string_free(t->skipped_codes, TRUE);
	g_string_free(t->in_use_codes, TRUE);
	g_string_free(t->failure, TRUE);
	g_ptr_array_free(t->locks, TRUE);
	g_hash_table_destroy(t->seen);
	g_hash_table_destroy(t->seen_as);
}

static void reject(struct tally *t, const struct resp_reply *r, const char *fmt, ...)
	MSG_PRINTF(3, 4);

static void reject(struct tally *t, const struct resp_reply *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *why = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	/* TRANSLATORS: %s says why ("no respondent code"). */
	resp_error_at(r, r->row, "row not imported: %s", why);
	g_free(why);
	t->rejected++;
}

static void list_code(GString *codes, const char *code)
{
	g_string_append_printf(codes, "%s%s", codes->len ? ", " : "", code);
}

/* Puts the pending replies in place and releases their locks.  False when it failed. */
static bool flush(struct tally *t)
{
	GString *outer = msg_capture(t->failure);
	bool done = atomic_flush() == 0;
	msg_capture(outer);
	if (done)
		t->written += t->pending;
	t->pending = 0;
	for (guint i = 0; i < t->locks->len; i++)
		lock_release(g_ptr_array_index(t->locks, i));
	g_ptr_array_set_size(t->locks, 0);
	return done;
}

/* Writes R to PATH, holding its lock until it is in place.  False when writing failed. */
static bool write_locked(struct tally *t, const struct resp_reply *r, const char *path,
			 const char *code, bool force)
{
	char *holder;
	GString *outer = msg_capture(t->failure);
	struct lock *lock = lock_take(path, "quire import", &holder);
	msg_capture(outer);
	if (!lock && holder) {
		/*
		 * TRANSLATORS: %s says who holds the reply's lock: "quire enter (process
		 * 4242 of ana on lap-07) since 2019-06-30 14:30:00 +0200".
		 */
		msg_error_at(path, 0, "not imported: in use, held by %s", holder);
		t->in_use++;
		list_code(t->in_use_codes, code);
		g_free(holder);
		return true;
	}
	if (!lock)
		return false;
	/* Without --force, a session that has just ended may have written it. */
	if (!force && g_file_test(path, G_FILE_TEST_EXISTS)) {
		lock_release(lock);
		t->skipped++;
		list_code(t->skipped_codes, code);
		return true;
	}
	g_ptr_array_add(t->locks, lock);
	outer = msg_capture(t->failure);
	bool written = resp_write_later(r, path) == 0;
	msg_capture(outer);
	if (written)
		t->pending++;
	return written && (t->locks->len < IMPORT_BATCH || flush(t));
}

/* Imports one row.  False when a reply could not be written: the import stops. */
static bool import_row(struct tally *t, struct resp_reply *r, const char *dir, bool force)
{
	const char *code = r->meta[RESP_RESPONDENT];
	if (!code) {
		/* TRANSLATORS: why a row of an export is refused, after "row not imported: ". */
		reject(t, r, E_("no respondent code"));
		return true;
	}
	if (!resp_code_is_safe(code)) {
		char *shown = resp_code_for_message(code);
		/*
		 * TRANSLATORS: why a row of an export is not imported, after "row not
		 * imported: "; %s is the code, quoted ('X Y'), or "of 300 bytes" when
		 * too long to show.
		 */
		reject(t, r, E_("unsafe respondent code %s"), shown);
		g_free(shown);
		return true;
	}
	if (!r->meta[RESP_SUBMITTED]) {
		/*
		 * TRANSLATORS: why a row of an export is not imported, after "row not
		 * imported: "; %s is the respondent's code.
		 */
		reject(t, r, E_("no submission date for '%s'"), code);
		return true;
	}
	char *folded = g_utf8_casefold(code, -1);
	const char *first = g_hash_table_lookup(t->seen, folded);
	const char *first_as = g_hash_table_lookup(t->seen_as, folded);
	if (first && strcmp(first_as, code) == 0) {
		/*
		 * TRANSLATORS: why a row of an export is not imported, after "row not
		 * imported: "; %s is the respondent's code, then where its first reply
		 * was: "row 4" or a file.
		 */
		reject(t, r, E_("'%s' already imported from %s"), code, first);
	} else if (first) {
		/*
		 * TRANSLATORS: why a row of an export is not imported, after "row not
		 * imported: "; the respondent's code, the code imported first, then
		 * where that was: "row 4" or a file.
		 */
		reject(t, r, E_("'%s' differs only in case from '%s', already imported from %s"),
		       code, first_as, first);
	}
	if (first) {
		g_free(folded);
		return true;
	}
	g_hash_table_insert(t->seen_as, g_strdup(folded), g_strdup(code));
	/*
	 * TRANSLATORS: where a reply was in an export, as in "'FRA' already
	 * imported from row 4"; %ld is the row number.
	 */
	char *where = r->row ? g_strdup_printf(E_("row %ld"), r->row) : g_strdup(r->file);
	g_hash_table_insert(t->seen, folded, where);
	char *name = g_strconcat(code, ".csv", NULL);
	char *path = g_build_filename(dir, name, NULL);
	bool ok = true;
	if (!force && g_file_test(path, G_FILE_TEST_EXISTS)) {
		t->skipped++;
		list_code(t->skipped_codes, code);
	} else if (atomic_target_is_input(path)) {
		t->rejected++;	/* the export being read: this row only, not a write failure */
	} else {
		ok = write_locked(t, r, path, code, force);
	}
	g_free(path);
	g_free(name);
	return ok;
}

/* The rows left in W, counted without a word about them. */
static unsigned long count_rest(struct wide_reader *w, struct resp_reply *r)
{
	GString *ignored = g_string_new(NULL);
	GString *outer = msg_capture(ignored);
	unsigned long n = 0;
	int problems = 0;
	while (wide_next(w, r, &problems) == 1)
		n++;
	msg_capture(outer);
	g_string_free(ignored, TRUE);
	return n;
}

/* How many unmatched columns the warning lists before "...". */
#define UNMATCHED_SHOWN 12

static void list_unmatched(const struct wide_reader *w, const char *path)
{
	const GPtrArray *u = wide_unmatched(w);
	if (!u->len)
		return;
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < u->len; i++) {
		if (i == UNMATCHED_SHOWN) {
			/*
			 * TRANSLATORS: after the first twelve of the columns that match no
			 * question, listed with commas: "'a', 'b', ... (40 in all)";
			 * %u counts them all.  Keep the leading comma and space.
			 */
			g_string_append_printf(s, EP_(", ... (%u in all)", ", ... (%u in all)",
						      u->len), u->len);
			break;
		}
		char *shown = msg_value(g_ptr_array_index(u, i));
		g_string_append_printf(s, "%s'%s'", i ? ", " : "", shown);
		g_free(shown);
	}
	/*
	 * TRANSLATORS: %u counts the export's columns that match no question of
	 * the form; %s lists them, quoted: "'a', 'b', ... (40 in all)".
	 */
	msg_warn_at(path, 1, EP_("%u column matches no question: %s",
				 "%u columns match no question: %s", u->len), u->len, s->str);
	g_string_free(s, TRUE);
}

/* The end of an import's summary line: the replies not written, and why. */
static void summary_rest(const struct tally *t)
{
	if (t->skipped)
		/*
		 * TRANSLATORS: in the line that ends quire import, after "3 replies
		 * written to DIR": %u counts the replies already there, %s lists their
		 * codes.  Keep the leading "; " and --force.
		 */
		printf(EP_("; %u skipped, already there (%s; use --force to replace them)",
			   "; %u skipped, already there (%s; use --force to replace them)",
			   t->skipped), t->skipped, t->skipped_codes->str);
	if (t->in_use)
		/*
		 * TRANSLATORS: in the line that ends quire import: %u counts the
		 * replies being entered (quire enter holds them), %s lists their codes.
		 * Keep the leading "; ".
		 */
		printf(EP_("; %u in use, not imported (%s)", "; %u in use, not imported (%s)",
			   t->in_use), t->in_use, t->in_use_codes->str);
	if (t->rejected)
		/*
		 * TRANSLATORS: in the line that ends quire import: %u counts the rows
		 * not imported, each named above.  Keep the leading "; ".
		 */
		printf(EP_("; %u rejected", "; %u rejected", t->rejected), t->rejected);
	putchar('\n');
}

static void summary(const char *export, const struct wide_reader *w, const char *dir,
		    const struct tally *t)
{
	/*
	 * TRANSLATORS: the line that ends quire import: the export's file, the kind
	 * of file ("KoboToolbox export"), then %u counts the replies written to
	 * the directory named last.  What was not imported may follow.
	 */
	printf(EP_("%s (%s): %u reply written to %s", "%s (%s): %u replies written to %s",
		   t->written), export, wide_dialect_name(wide_dialect(w)), t->written, dir);
	summary_rest(t);
}

static int import(const struct form *form, const char *export, const char *dir,
		  const char *id_column, bool force)
{
	struct wide_options wopt = { id_column, true, NULL };
	struct wide_reader *w = wide_open(form, export, &wopt);
	if (!w)
		return EXIT_DATA;
	list_unmatched(w, export);
	struct resp_reply *r = resp_new(form);
	r->file = g_strdup(export);
	struct tally t;
	tally_init(&t);
	int problems = 0, rc;
	unsigned long rows = 0;
	int before = 0;
	bool going = true;
	while (going && (rc = wide_next(w, r, &problems)) == 1) {
		rows++;
		/* A row with a value that could not be taken would be written without it. */
		if (problems > before)
			t.rejected++;
		else
			going = import_row(&t, r, dir, force);
		before = problems;
	}
	/* After a failure, the replies written before it still go in place. */
	going = flush(&t) && going;
	if (!going) {
		rows += count_rest(w, r);
		/*
		 * TRANSLATORS: follows a message about a failed write ("quire:X.csv:
		 * write error: No space left on device"): %u counts the replies
		 * written, of the export's %lu, which choose the plural form.  Keep
		 * the leading "; ".
		 */
		msg_error_heard(t.failure->str, EP_("; stopped after %u of %lu reply",
						    "; stopped after %u of %lu replies", rows),
				t.written, rows);
	} else {
		/* An export without rows is the wrong file or the wrong filter, not an import. */
		if (rc == 0 && rows == 0)
			problems += msg_error_at(export, 0, "no replies: the export has a header but "
						 "no rows") < 0;
		summary(export, w, dir, &t);
	}
	tally_release(&t);
	resp_free(r);
	wide_close(w);
	return !going || rc < 0 || t.rejected || t.in_use || problems ? EXIT_DATA : EXIT_OK;
}

/*
 * Filled answer workbooks, and directories of them: each is read as a
 * reply (source.h) and checked as quire validate checks it; one with a
 * problem is not written.
 */
static int import_replies(const struct form *form, char **paths, int n_paths, const char *dir,
			  bool force)
{
	struct source_options sopt = { NULL, true, NULL };
	struct source *src = source_open(form, paths, n_paths, &sopt);
	if (!src)
		return EXIT_DATA;
	struct resp_eval *ev = resp_eval_new(form);
	struct tally t;
	tally_init(&t);
	struct resp_reply *r;
	int problems = 0, rc;
	bool going = true;
	while (going && (rc = source_next(src, &r, &problems)) == 1) {
		int before = problems;
		problems += resp_check(r, ev, 0);
		if (problems > before)
			t.rejected++;
		else
			going = import_row(&t, r, dir, force);
	}
	going = flush(&t) && going;
	unsigned long files = source_files(src);
	if (!going)
		/*
		 * TRANSLATORS: follows a message about a failed write ("quire:X.csv:
		 * write error: No space left on device"): %u counts the replies
		 * written.  Keep the leading "; ".
		 */
		msg_error_heard(t.failure->str, EP_("; stopped after %u reply",
						    "; stopped after %u replies", t.written),
				t.written);
	else {
		/*
		 * TRANSLATORS: what quire import wrote from answer workbooks, put for
		 * %s in "%lu files: %s": %u counts the replies written to the
		 * directory named last.
		 */
		char *written = g_strdup_printf(EP_("%u reply written to %s",
						    "%u replies written to %s", t.written),
						t.written, dir);
		/*
		 * TRANSLATORS: the line that ends quire import of answer workbooks: %lu
		 * counts the files read, %s is "3 replies written to DIR".  What was
		 * not imported may follow.
		 */
		printf(EP_("%lu file: %s", "%lu files: %s", files), files, written);
		g_free(written);
		summary_rest(&t);
	}
	tally_release(&t);
	resp_eval_free(ev);
	source_close(src);
	return !going || rc < 0 || t.rejected || t.in_use || problems ? EXIT_DATA : EXIT_OK;
}

/* Whether the paths are answer workbooks or directories, rather than one export. */
static bool are_replies(char **paths, int n)
{
	return n > 1 || g_file_test(paths[0], G_FILE_TEST_IS_DIR) ||
	       answer_is_answer_workbook(paths[0]);
}

int cmd_import(int argc, char **argv)
{
	static const struct option options[] = {
		{ "into", required_argument, NULL, 'd' },
		{ "id-column", required_argument, NULL, 'i' },
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = NULL, *id_column = NULL;
	bool force = false;
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		if (opt == 'd')
			dir = optarg;
		else if (opt == 'i')
			id_column = optarg;
		else if (opt == 'f')
			force = true;
		else
			return cli_common_option(opt, "import", usage);
	}
	if (argc - optind < 2)
		return cli_usage_error("import", "expected FORM and EXPORT.csv");
	if (!dir)
		return cli_usage_error("import", "missing --into DIR");
	if (!g_file_test(dir, G_FILE_TEST_IS_DIR))
		return msg_error_at(dir, 0, "not a directory") < 0 ? EXIT_DATA : EXIT_DATA;
	struct form *form = form_load(argv[optind]);
	if (!form)
		return EXIT_DATA;
	char **paths = argv + optind + 1;
	int n_paths = argc - optind - 1;
	int status = are_replies(paths, n_paths) ? import_replies(form, paths, n_paths, dir, force)
						 : import(form, paths[0], dir, id_column, force);
	form_free(form);
	return status;
}
