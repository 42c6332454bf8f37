/* disclose.c - small-cell suppression: primary cells, then secondary ones until the audit passes */
#include <config.h>
#include "disclose.h"

#include <glib.h>
#include <stdint.h>

#include "disclose-int.h"

/*
 * The search's state.  MARKS only ever gains cells.  Suppressing a cell
 * can only widen the ranges of the cells suppressed before it (their
 * possible values, with the new cell at its own, still fit every total),
 * so a cell once found SAFE stays safe and is not audited again.
 */
struct search {
	const struct disclose_table *t;
	unsigned long threshold;
	enum disclose_mark *marks;
	bool *pinned;	/* recoverable from the totals alone, even with every cell suppressed */
	bool *safe;	/* suppressed, and shown by the audit to take two values */
};

/* What suppressing more cells loses, compared in this order. */
struct cost {
	size_t stiff;		/* cells that cannot move by one either way within their
				   mark: a zero, or a secondary count at the threshold */
	unsigned long sum;	/* the counts hidden */
	size_t cells;
};

static void cost_add(struct cost *c, unsigned long count, bool stiff)
{
	c->sum += count;
	c->stiff += stiff;
	c->cells++;
}

static bool cost_less(const struct cost *a, const struct cost *b)
{
	if (a->stiff != b->stiff)
		return a->stiff < b->stiff;
	if (a->sum != b->sum)
		return a->sum < b->sum;
	return a->cells < b->cells;
}

/* The best candidate cell so far: preferred ones first, then the cheapest. */
struct choice {
	size_t at;	/* SIZE_MAX while there is none */
	bool preferred;
	struct cost cost;
};

static void consider(struct choice *best, size_t at, bool preferred, unsigned long count,
		     bool stiff)
{
	struct cost c = { 0 };
	cost_add(&c, count, stiff);
	if (best->at == SIZE_MAX || preferred > best->preferred ||
	    (preferred == best->preferred && cost_less(&c, &best->cost)))
		*best = (struct choice){ at, preferred, c };
}

static bool hidden(const struct search *s, size_t at)
{
	return s->marks[at] != DISCLOSE_SHOWN;
}

static bool stiff(const struct search *s, size_t at);

static void hide(struct search *s, size_t at)
{
	if (!hidden(s, at))
		s->marks[at] = DISCLOSE_SECONDARY;
}

/* Whether AT may be chosen as a secondary cell: shown, and not given away by the totals. */
static bool available(const struct search *s, size_t at)
{
	return !hidden(s, at) && !s->pinned[at];
}

static size_t hidden_in(const struct search *s, size_t l)
{
	struct disclose_span span = disclose_line_at(s->t, l);
	size_t k = 0;
	for (size_t i = 0; i < span.n; i++)
		k += hidden(s, span.first + i * span.step);
	return k;
}

/* The line crossing line L at cell AT: its column for a row, its row for a column. */
static size_t crossing(const struct disclose_table *t, size_t l, size_t at)
{
	return l < t->rows ? t->rows + at % t->cols : at / t->cols;
}

/*
 * Gives line L, if it holds exactly one suppressed cell, a partner: first
 * a cell whose crossing line also holds exactly one (one new cell then
 * mends two lines, closing a rectangle), then the smallest count, a zero
 * only when nothing else is left, never a pinned cell.  Returns 1 when a
 * cell was added, 0 when the line needed none, -1 when it needs one and
 * none is available.
 */
static int partner_line(struct search *s, size_t l)
{
	if (hidden_in(s, l) != 1)
		return 0;
	struct disclose_span span = disclose_line_at(s->t, l);
	struct choice best = { SIZE_MAX, false, { 0 } };
	for (size_t i = 0; i < span.n; i++) {
		size_t at = span.first + i * span.step;
		if (available(s, at))
			consider(&best, at, hidden_in(s, crossing(s->t, l, at)) == 1, s->t->cells[at],
				 stiff(s, at));
	}
	if (best.at == SIZE_MAX)
		return -1;
	hide(s, best.at);
	return 1;
}

/* Rule (a): partners until no line holds exactly one suppressed cell.  False when stuck. */
static bool complete_lines(struct search *s)
{
	bool changed = true;
	while (changed) {
		changed = false;
		for (size_t l = 0; l < s->t->rows + s->t->cols; l++) {
			int rc = partner_line(s, l);
			if (rc < 0)
				return false;
			changed |= rc > 0;
		}
	}
	return true;
}

/*
 * Audits the suppressed cells not yet known safe, in order, up to the
 * first the printed table gives away, into EXPOSED.  Returns 1 when one
 * was found, 0 when every suppressed cell is safe, -1 when the solver
 * failed.
 */
static int find_exposed(struct search *s, size_t *exposed)
{
	struct disclose_lp *lp = disclose_lp_new(s->t, s->marks, s->threshold);
	int rc = 0;
	for (size_t at = 0; at < s->t->rows * s->t->cols; at++) {
		if (!hidden(s, at) || s->safe[at])
			continue;
		int h = disclose_lp_hidden(lp, at);
		if (h != 1) {
			rc = h < 0 ? -1 : 1;
			*exposed = at;
			break;
		}
		s->safe[at] = true;
	}
	disclose_lp_free(lp);
	return rc;
}

/*
 * Whether cell (I, J) can change by D (1 or -1) and still be a count within
 * its totals that its mark allows, the mark it has or would have if chosen
 * (a secondary 3 cannot become 2 with a threshold of 3).
 */
static bool can_shift(const struct search *s, size_t i, size_t j, int d)
{
	size_t at = i * s->t->cols + j;
	unsigned long v = s->t->cells[at];
	enum disclose_mark mark = hidden(s, at) ? s->marks[at] : DISCLOSE_SECONDARY;
	return (d > 0 || v > 0) &&
	       disclose_fits_mark(s->t, at, mark, s->threshold, d > 0 ? v + 1 : v - 1);
}

/* Whether cell AT cannot move by one either way within its totals and mark. */
static bool stiff(const struct search *s, size_t at)
{
	size_t i = at / s->t->cols, j = at % s->t->cols;
	return !can_shift(s, i, j, 1) || !can_shift(s, i, j, -1);
}

/*
 * Whether the table can shift along the rectangle through cell (I, J) and
 * the opposite corner (I2, J2) - one more at those two and one less at the
 * other two corners, or the reverse - and still fit every total.  Every
 * line keeps its sum, so once the four corners are suppressed each has a
 * second possible value.  COST receives the cost of the corners not yet
 * suppressed.
 */
static bool rectangle(const struct search *s, size_t i, size_t j, size_t i2, size_t j2,
		      struct cost *cost)
{
	const struct disclose_table *t = s->t;
	size_t ri[4] = { i, i, i2, i2 }, cj[4] = { j, j2, j, j2 };
	int sign[4] = { 1, -1, -1, 1 };
	bool up = true, down = true;
	for (int k = 0; k < 4; k++) {
		up &= can_shift(s, ri[k], cj[k], sign[k]);
		down &= can_shift(s, ri[k], cj[k], -sign[k]);
	}
	*cost = (struct cost){ 0 };
	for (int k = 0; k < 4; k++)
		if (!hidden(s, ri[k] * t->cols + cj[k]))
			cost_add(cost, t->cells[ri[k] * t->cols + cj[k]],
				 stiff(s, ri[k] * t->cols + cj[k]));
	return up || down;
}

/* Completes the cheapest rectangle that would protect cell AT.  False when there is none. */
static bool complete_rectangle(struct search *s, size_t at)
{
	const struct disclose_table *t = s->t;
	size_t i = at / t->cols, j = at % t->cols, best_i = SIZE_MAX, best_j = 0;
	struct cost best = { 0 };
	for (size_t i2 = 0; i2 < t->rows; i2++)
		for (size_t j2 = 0; j2 < t->cols; j2++) {
			struct cost c;
			if (i2 == i || j2 == j || !rectangle(s, i, j, i2, j2, &c) || !c.cells)
				continue;
			if (best_i == SIZE_MAX || cost_less(&c, &best)) {
				best_i = i2;
				best_j = j2;
				best = c;
			}
		}
	if (best_i == SIZE_MAX)
		return false;
	hide(s, i * t->cols + best_j);
	hide(s, best_i * t->cols + j);
	hide(s, best_i * t->cols + best_j);
	return true;
}

/*
 * When no rectangle through AT can shift (a longer cycle is needed),
 * suppresses the cheapest available cell, one in AT's row or column
 * first.  False when no cell is available.
 */
static bool widen(struct search *s, size_t at)
{
	const struct disclose_table *t = s->t;
	struct choice best = { SIZE_MAX, false, { 0 } };
	for (size_t k = 0; k < t->rows * t->cols; k++)
		if (available(s, k))
			consider(&best, k, k / t->cols == at / t->cols || k % t->cols == at % t->cols,
				 t->cells[k], stiff(s, k));
	if (best.at == SIZE_MAX)
		return false;
	hide(s, best.at);
	return true;
}

/*
 * Marks in S->pinned the cells the totals alone give away, every cell
 * suppressed with the mark the rule gives it.  -1 when the solver failed.
 */
static int find_pinned(struct search *s)
{
	size_t n = s->t->rows * s->t->cols;
	enum disclose_mark *all = g_new(enum disclose_mark, n);
	for (size_t k = 0; k < n; k++)
		all[k] = s->marks[k] == DISCLOSE_PRIMARY ? DISCLOSE_PRIMARY : DISCLOSE_SECONDARY;
	struct disclose_lp *lp = disclose_lp_new(s->t, all, s->threshold);
	int rc = 0;
	for (size_t k = 0; k < n && rc >= 0; k++) {
		rc = disclose_lp_hidden(lp, k);
		s->pinned[k] = rc == 0;
	}
	disclose_lp_free(lp);
	g_free(all);
	return rc < 0 ? -1 : 0;
}

/* Adds secondary cells until every suppressed cell is safe.  False when that cannot be done. */
static bool add_secondary(struct search *s)
{
	if (find_pinned(s) < 0)
		return false;
	for (size_t k = 0; k < s->t->rows * s->t->cols; k++)
		if (s->marks[k] == DISCLOSE_PRIMARY && s->pinned[k])
			return false;
	for (;;) {
		size_t at;
		if (!complete_lines(s))
			return false;
		int rc = find_exposed(s, &at);
		if (rc <= 0)
			return rc == 0;
		if (!complete_rectangle(s, at) && !widen(s, at))
			return false;
	}
}

/*
 * Marks every cell of T secondary, so that none is printed, and not even
 * where its small counts lie: a "primary" would say which cells hold 1 to
 * THRESHOLD - 1 States.
 */
static enum disclose_result withhold(const struct disclose_table *t, enum disclose_mark *marks)
{
	for (size_t k = 0; k < t->rows * t->cols; k++)
		marks[k] = DISCLOSE_SECONDARY;
	return DISCLOSE_WITHHOLD;
}

enum disclose_result disclose_suppress(const struct disclose_table *t, unsigned long threshold,
				       enum disclose_mark *marks)
{
	size_t n = t->rows * t->cols;
	bool any = false;
	for (size_t k = 0; k < n; k++) {
		bool small = threshold > 1 && t->cells[k] > 0 && t->cells[k] < threshold;
		marks[k] = small ? DISCLOSE_PRIMARY : DISCLOSE_SHOWN;
		any |= small;
	}
	if (!any)
		return DISCLOSE_OK;
	if (!disclose_consistent(t))
		return withhold(t, marks);
	struct search s = { t, threshold, marks, g_new0(bool, n), g_new0(bool, n) };
	struct disclose_glpk g;
	disclose_glpk_enter(&g);
	bool protected = add_secondary(&s);
	disclose_glpk_leave(&g);
	g_free(s.pinned);
	g_free(s.safe);
	return protected ? DISCLOSE_OK : withhold(t, marks);
}
