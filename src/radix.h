/* radix.h - sorting 64-bit keys in linear time */
#ifndef QUIRE_RADIX_H
#define QUIRE_RADIX_H

#include <stddef.h>
#include <glib.h>

/*
 * Sorts the N keys at KEYS ascending, through TMP (N more, the caller's):
 * least significant digit first, 11 bits at a time.  A pass whose digit is
 * the same for every key is skipped, so keys of a narrow range cost fewer
 * passes.  Cannot fail.
 */
void radix_sort(guint64 *keys, guint64 *tmp, size_t n);

#endif
