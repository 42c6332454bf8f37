/* disclose.h - disclosure control for tables of counts of States (interim) */
#ifndef QUIRE_DISCLOSE_H
#define QUIRE_DISCLOSE_H

#include <stdbool.h>
#include <stddef.h>

enum disclose_mark { DISCLOSE_SHOWN = 0, DISCLOSE_PRIMARY, DISCLOSE_SECONDARY };

enum disclose_line {
	DISCLOSE_SUM,
	DISCLOSE_COVER,
};

struct disclose_table {
	size_t rows, cols;
	const unsigned long *cells;
	const unsigned long *row_totals;
	const unsigned long *col_totals;
	enum disclose_line row_kind;
	enum disclose_line col_kind;
};

enum disclose_result {
	DISCLOSE_OK,
	DISCLOSE_WITHHOLD,
};

enum disclose_result disclose_suppress(const struct disclose_table *t, unsigned long threshold,
				       enum disclose_mark *marks);

#endif
