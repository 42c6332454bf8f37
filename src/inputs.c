/* inputs.c - the files this run reads, so that no output replaces one */
#include <config.h>
#include "inputs.h"

#include <glib.h>

/* A file, as the kernel knows it. */
struct file_id {
	dev_t dev;
	ino_t ino;
};

/*
 * The inputs (struct file_id), in the order read.  One array and a linear
 * search rather than a hash table: an entry allocated for each file would
 * sit between the buffers a reader allocates and frees, and a directory of
 * a thousand replies would make the heap shrink and grow again for each
 * (a fifth more time to validate them).  A search is made once per output.
 */
G_LOCK_DEFINE_STATIC(inputs);
static GArray *inputs;
static unsigned n_recorded;	/* ever appended: forgetting one does not lower it */

static bool same_file(const struct file_id *id, const struct stat *st)
{
	return id->dev == st->st_dev && id->ino == st->st_ino;
}

void inputs_record(int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	struct file_id id = { st.st_dev, st.st_ino };
	G_LOCK(inputs);
	if (!inputs)
		inputs = g_array_sized_new(FALSE, FALSE, sizeof(struct file_id), 64);
	/* A reply file is opened twice in a row: to see what it is, then to read it. */
	bool again = inputs->len &&
		     same_file(&g_array_index(inputs, struct file_id, inputs->len - 1), &st);
	if (!again) {
		g_array_append_val(inputs, id);
		n_recorded++;
	}
	G_UNLOCK(inputs);
}

bool inputs_has(const struct stat *st)
{
	bool found = false;
	G_LOCK(inputs);
	for (guint i = 0; inputs && i < inputs->len && !found; i++)
		found = same_file(&g_array_index(inputs, struct file_id, i), st);
	G_UNLOCK(inputs);
	return found;
}

unsigned inputs_count(void)
{
	G_LOCK(inputs);
	unsigned n = n_recorded;
	G_UNLOCK(inputs);
	return n;
}

void inputs_forget(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return;
	G_LOCK(inputs);
	for (guint i = inputs ? inputs->len : 0; i-- > 0;)
		if (same_file(&g_array_index(inputs, struct file_id, i), &st))
			g_array_remove_index(inputs, i);
	G_UNLOCK(inputs);
}
