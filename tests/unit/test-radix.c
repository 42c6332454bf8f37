/* test-radix.c - unit tests for radix_sort(): the keys sorted, whatever passes it skips */
#include <config.h>
#include "radix.h"

#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "tap.h"

static int compare_keys(const void *a, const void *b)
{
	guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;
	return (x > y) - (x < y);
}

/* A key of BITS random low bits over a fixed high part HIGH. */
static guint64 draw(GRand *rng, int bits, guint64 high)
{
	guint64 k = ((guint64)g_rand_int(rng) << 32) | g_rand_int(rng);
	return bits == 64 ? k : high | (k & ((G_GUINT64_CONSTANT(1) << bits) - 1));
}

/*
 * Keys of 64 random bits need all six passes; fewer random bits skip the
 * passes whose digit is the same for every key, which leaves the result
 * in either buffer: an odd or an even number of passes must end sorted in
 * KEYS alike.
 */
static void test_against_qsort(void)
{
	static const int bits[] = { 64, 0, 5, 11, 12, 22, 23, 33, 44, 55, 63 };
	static const size_t sizes[] = { 0, 1, 2, 3, 100, 4096, 100000 };
	GRand *rng = g_rand_new_with_seed(2019);
	for (size_t b = 0; b < G_N_ELEMENTS(bits); b++) {
		bool all = true;
		for (size_t s = 0; s < G_N_ELEMENTS(sizes); s++) {
			size_t n = sizes[s];
			guint64 high = draw(rng, 64, 0) & ~((G_GUINT64_CONSTANT(1) << (bits[b] % 64)) - 1);
			guint64 *keys = g_new(guint64, n + 1), *tmp = g_new(guint64, n + 1);
			guint64 *want = g_new(guint64, n + 1);
			for (size_t i = 0; i < n; i++)
				keys[i] = want[i] = draw(rng, bits[b], bits[b] == 64 ? 0 : high);
			qsort(want, n, sizeof *want, compare_keys);
			radix_sort(keys, tmp, n);
			if (n && memcmp(keys, want, n * sizeof *keys) != 0) {
				tap_diag("%d random bits, %zu keys: not sorted", bits[b], n);
				all = false;
			}
			g_free(keys);
			g_free(tmp);
			g_free(want);
		}
		ok(all, "keys of %d random bits, 0 to 100,000 of them, seed 2019: as qsort() sorts them",
		   bits[b]);
	}
	g_rand_free(rng);
}

int main(void)
{
	test_against_qsort();
	return tap_done();
}
