/* chunked.c - one large wide export read in parts, a thread each, with the figures of one pass */
#include <config.h>
#include "chunked.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <glib.h>

#include "analysis.h"
#include "msg.h"
#include "response.h"
#include "source.h"
#include "tally.h"
#include "wide.h"

struct part {
	unsigned long long start, end;
	struct wide_reader *in;
	struct resp_reply *reply;
	struct analysis *a;
	struct tally *t;
	int problems;
	int rc;
	bool heard;		/* the thread had something to say */
	long rows;
	gint *stop;		/* shared: set by the first part to hear something */
};

/*
 * Reads one part until its end, or until it or another part hears
 * something: the file is then read in one pass anyway, so the parts stop
 * early rather than finish work that is thrown away.
 */
static gpointer read_part(gpointer data)
{
	struct part *p = data;
	msg_hold(true);
	int rc = 0;
	while (!g_atomic_int_get(p->stop) && (rc = wide_next(p->in, p->reply, &p->problems)) == 1) {
		if (analysis_add(p->a, p->reply) == ANALYSIS_INCLUDED)
			tally_add(p->t, p->reply, analysis_eval(p->a));
		if (msg_heard() || p->problems || p->a->problems)
			break;
	}
	p->heard = msg_heard() || p->problems || p->a->problems;
	if (rc != 0 || p->heard)
		g_atomic_int_set(p->stop, 1);
	p->rc = g_atomic_int_get(p->stop) ? -1 : rc;
	p->rows = wide_rows(p->in);
	msg_hold(false);
	return NULL;
}

/* The first position past a line end at or after AT, or SIZE. */
static unsigned long long next_line(FILE *fp, unsigned long long at, unsigned long long size)
{
	if (fseeko(fp, (off_t)at, SEEK_SET) != 0)
		return size;
	int c;
	while ((c = getc(fp)) != EOF) {
		at++;
		if (c == '\n')
			return at;
	}
	return size;
}

/*
 * Cuts the SIZE bytes of the file into at most N parts after line ends;
 * returns how many.  Where a cut falls is only a guess: a line end inside
 * a quoted cell leaves the part before it unterminated, which its parser
 * says, and the file is then read in one pass.  The first part starts at
 * 0 and skips the header.
 */
static int cut(const char *path, unsigned long long size, int n, struct part *parts)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return 0;
	unsigned long long start = 0, each = size / (unsigned long long)n;
	int k = 0;
	for (; k < n && start < size; k++) {
		unsigned long long end = k == n - 1 ? size : next_line(fp, start + each, size);
		parts[k].start = start;
		parts[k].end = end;
		start = end;
	}
	fclose(fp);
	return k;
}

static void part_free(struct part *p)
{
	wide_close(p->in);
	resp_free(p->reply);
	analysis_free(p->a);
	tally_free(p->t);
}

/* The whole file's reader, past its header, when the file may be cut; NULL else.  PATH is a regular file. */
static struct wide_reader *open_whole(const struct form *form, const char *path,
				      const struct source_options *sopt)
{
	if (strcmp(path, "-") == 0 || resp_is_reply_file(path))
		return NULL;
	struct wide_options wopt = { sopt->id_column, sopt->require_id, sopt->scope };
	msg_hold(true);
	struct wide_reader *w = wide_open(form, path, &wopt);
	bool heard = msg_heard();
	msg_hold(false);
	if (w && (heard || !wide_can_split(w))) {
		wide_close(w);
		w = NULL;
	}
	return w;
}

/* Whether a respondent may have replied twice, in one part or in two. */
static bool repeated_respondent(struct part *parts, int n)
{
	struct analysis **a = g_new(struct analysis *, n);
	for (int k = 0; k < n; k++)
		a[k] = parts[k].a;
	bool repeat = analysis_repeats_respondent(a, n);
	g_free(a);
	return repeat;
}

/*
 * Merges the parts in order into A and the first part's tally, which it
 * returns (taking it from the part): the tallies' memory is not copied.
 */
static struct tally *merge_parts(struct part *parts, int n, struct analysis *a)
{
	struct tally *t = parts[0].t;
	parts[0].t = NULL;
	long offset = 0;	/* the first part counts the header's row */
	for (int k = 0; k < n; k++) {
		analysis_merge(a, parts[k].a, offset);
		if (k > 0)
			tally_merge(t, parts[k].t);
		offset += parts[k].rows;
	}
	return t;
}

int chunked_read(const struct form *form, char *const *paths, int n_paths,
		 const struct source_options *sopt, const struct analysis_options *aopt,
		 const struct tally_options *topt, int jobs, struct analysis **a_out,
		 struct tally **t_out)
{
	struct stat st;
	if (jobs < 1 || n_paths != 1 || stat(paths[0], &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	unsigned long long size = (unsigned long long)st.st_size;
	int n = (int)MIN((unsigned long long)jobs, size / CHUNKED_MIN_PART);
	if (n < 1)
		return 0;
	struct wide_reader *whole = open_whole(form, paths[0], sopt);
	if (!whole)
		return 0;
	struct part *parts = g_new0(struct part, n);
	n = cut(paths[0], size, n, parts);
	gint stop = 0;
	bool ok = n >= 1;
	for (int k = 0; ok && k < n; k++) {
		msg_hold(true);
		parts[k].in = wide_open_part(whole, paths[0], parts[k].start, parts[k].end);
		ok = parts[k].in && !msg_heard();
		msg_hold(false);
		if (!ok)
			break;
		parts[k].reply = resp_new(form);
		parts[k].reply->file = g_strdup(paths[0]);
		parts[k].a = analysis_new(form, aopt);
		analysis_by_fingerprint(parts[k].a);
		parts[k].t = tally_new(form, topt, NULL);
		parts[k].stop = &stop;
		ok = parts[k].t != NULL;
	}
	GThread **threads = g_new0(GThread *, n + 1);
	for (int k = 1; ok && k < n; k++)
		threads[k] = g_thread_new("quire-part", read_part, &parts[k]);
	if (ok)
		read_part(&parts[0]);	/* the first part on this thread */
	/* Every thread is joined, whatever the others found: their parts are freed below. */
	for (int k = 0; k < n; k++) {
		if (threads[k])
			g_thread_join(threads[k]);
		ok &= parts[k].rc == 0 && !parts[k].heard;
	}
	ok = ok && !repeated_respondent(parts, n);
	if (ok) {
		*a_out = analysis_new(form, aopt);
		*t_out = merge_parts(parts, n, *a_out);
	}
	for (int k = 0; k < n; k++)
		part_free(&parts[k]);
	g_free(threads);
	g_free(parts);
	wide_close(whole);
	return ok ? 1 : 0;
}
