/* radix.c - sorting 64-bit keys in linear time */
#include <config.h>
#include "radix.h"

#include <string.h>

#define RADIX_BITS 11
#define RADIX_SIZE (1u << RADIX_BITS)

void radix_sort(guint64 *keys, guint64 *tmp, size_t n)
{
	if (n < 2)
		return;
	size_t count[RADIX_SIZE];
	guint64 *from = keys, *to = tmp;	/* each pass scatters FROM into TO, then they swap */
	for (int shift = 0; shift < 64; shift += RADIX_BITS) {
		memset(count, 0, sizeof count);
		for (size_t i = 0; i < n; i++)
			count[(from[i] >> shift) & (RADIX_SIZE - 1)]++;
		if (count[(from[0] >> shift) & (RADIX_SIZE - 1)] == n)
			continue;
		size_t at = 0;
		for (size_t d = 0; d < RADIX_SIZE; d++) {
			size_t c = count[d];
			count[d] = at;
			at += c;
		}
		for (size_t i = 0; i < n; i++)
			to[count[(from[i] >> shift) & (RADIX_SIZE - 1)]++] = from[i];
		guint64 *t = from;
		from = to;
		to = t;
	}
	if (from != keys)	/* an odd number of passes ended in TMP */
		memcpy(keys, from, n * sizeof *keys);
}
