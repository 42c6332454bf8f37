/* inputs.c - the files this run reads, so that no output replaces one */
#include <config.h>
#include "inputs.h"

#include <glib.h>

/* A file, as the kernel knows it. */
struct file_id {
	dev_t dev;
	ino_t ino;
};

static guint file_id_hash(gconstpointer p)
{
	const struct file_id *id = p;
	return (guint)id->ino ^ (guint)((guint64)id->ino >> 32) ^ (guint)id->dev * 31u;
}

static gboolean file_id_equal(gconstpointer a, gconstpointer b)
{
	const struct file_id *x = a, *y = b;
	return x->dev == y->dev && x->ino == y->ino;
}

/* The set of inputs (struct file_id, owned), and how many were ever added. */
G_LOCK_DEFINE_STATIC(inputs);
static GHashTable *inputs;
static unsigned n_recorded;

void inputs_record(int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	struct file_id *id = g_new(struct file_id, 1);
	id->dev = st.st_dev;
	id->ino = st.st_ino;
	G_LOCK(inputs);
	if (!inputs)
		inputs = g_hash_table_new_full(file_id_hash, file_id_equal, g_free, NULL);
	if (g_hash_table_add(inputs, id))
		n_recorded++;
	G_UNLOCK(inputs);
}

bool inputs_has(const struct stat *st)
{
	struct file_id id = { st->st_dev, st->st_ino };
	G_LOCK(inputs);
	bool found = inputs && g_hash_table_contains(inputs, &id);
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
	struct file_id id = { st.st_dev, st.st_ino };
	G_LOCK(inputs);
	if (inputs)
		g_hash_table_remove(inputs, &id);
	G_UNLOCK(inputs);
}
