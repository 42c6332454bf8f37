/* findings.h - which figures of a tally a summary leads with, and in what order */
#ifndef QUIRE_FINDINGS_H
#define QUIRE_FINDINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

struct form_question;
struct tally;

/*
 * A report opens with a summary of its main findings, as a Rapporteur's
 * does: "seven of the 9 replying Member States had formulated or amended
 * their domestic laws", "all of them were of the view that they need a
 * set of uniform standards", "Six States were not part of any Cybercrime
 * Convention".  This module picks those findings from a tally and ranks
 * them; it returns data, and the report words them (narrate.h).
 *
 * Pure: no I/O, no globals, nothing kept between calls.  It reads only the
 * tallies it is given -- so replies the analysis set left out (invalid,
 * late, from non-members) count for nothing, because they are not in the
 * tally -- and every K and N it reports is one of the tally's own counts.
 *
 * THE RULE
 *
 * Which questions.  Every question of the tally that is a select_one or a
 * select_multiple.  Numbers (integer, decimal, range), dates, times, texts
 * and ranks give no findings: a summary of a distribution or a list of
 * texts is not a count of States a delegate can check against the
 * tables, and a rank has no "answer" that a State gave or did not give.
 *
 * Counts.  N is the question's answered count (tally_question.answered):
 * the States to which it applied and that answered it.  K is the count of
 * one choice (tally_question.counts[c]): the States that chose it.  For a
 * select_multiple both count States, never ticks: a State that ticked
 * three choices is one State in each of their counts and one in N.
 *
 * Kinds, in the order of their rank (the first that holds is the
 * question's candidate):
 *
 *   FINDINGS_UNANIMITY  N >= 3 and some choice has K = N: every answering
 *       State gave that answer (select_one) or ticked that choice
 *       (select_multiple; the first such choice in list order).  "All
 *       three" is already a statement; "both" or "the one State" is not a
 *       finding about a membership.  A yes/no question where one side has
 *       no State is a unanimity of the other side, never a "none".
 *
 *   FINDINGS_MAJORITY  N >= 5 and the most chosen choice (ties: the first
 *       in list order) has 3K >= 2N and K < N: at least two thirds.  This
 *       is the threshold at which narrate.h says "most" (3K >= 2N, for
 *       N >= 5), so the summary can word it as "most", and a bare
 *       majority ("five of nine") is not a main finding: one State more or
 *       less would undo it.  6 of 9 qualifies, 5 of 9 does not.
 *
 *   FINDINGS_NONE  select_multiple only, N >= 5, and K = 0 for a choice
 *       that matters: the first choice of the list (the option the form
 *       puts first, such as the best known convention), or else the
 *       exclusive "none" choice (named "none" or "none_..."), whose K = 0
 *       means that every answering State ticked at least one of the
 *       others.  Other unticked choices are not findings: a long list
 *       always has some, and saying so would only list them.  For a
 *       select_one an unchosen answer is never a finding (its other side
 *       is a unanimity or a majority, stated as such).  The choice is the
 *       first of the two that qualifies.  N >= 5, as for a majority: "none
 *       of three" says little.
 *
 *   FINDINGS_CROSSTAB  a strong difference between groups: a crosstab of
 *       the question (given in findings_options.crosses) that
 *         - is testable (a select_one by a select_one or roster column)
 *           and has N >= 6 States in its table (tally_cross.n);
 *         - has Fisher's exact test p < 0.05 (tally_finish()'s; when the p
 *           was estimated by simulation, p + 2 se < 0.05, so the estimate's
 *           error cannot carry it over) and Cramer's V >= 0.3, the
 *           conventional lower bound of a moderate association, so that a
 *           large body of States does not make a slight difference a main
 *           finding;
 *         - may be stated under disclosure control: the tally's own
 *           control (tally_disclose()) hid no cell and did not withhold the
 *           table (tally_cross_tests_shown(): a table with a hidden cell
 *           prints no test, so none may be summarised), and, when
 *           findings_options.small_cell is above 1, no cell holds a count
 *           from 1 to small_cell - 1 (a summary of a table nobody
 *           protected must not name a group's small count either).  The
 *           second test is what disclose_suppress() would decide at that
 *           threshold: it hides nothing exactly when no count is primary
 *           (secondary cells only ever protect primary ones), so it is
 *           checked directly, without solving the audit's programs.
 *       The choice is the row whose share differs most between the groups
 *       with States (the largest difference of column shares; ties: the
 *       first row), K its row base and N the table's n; the finding keeps
 *       that row's count in every group and the groups' bases, the test's
 *       p and V.  Of several crosstabs of a question the one ranked first
 *       (below) is kept.
 *
 *   FINDINGS_SPLIT  select_one only, N >= 4: the two most chosen answers
 *       (K1 >= K2 > 0) differ by at most one State, together have at
 *       least two thirds of N (3 (K1 + K2) >= 2N, the "most" threshold
 *       again), and every other answer has fewer States than the second
 *       (else the split is three ways and naming two would mislead).  4-3
 *       of 9 is a split, 5-2 is not, 3-3-3 is not.  The choice is the most
 *       chosen (ties: first in list order), K its count; the second
 *       answer and its K2 in findings_finding.second_choice and .second.
 *
 * Ranking.  A finding's strength is its kind's rank first (unanimity >
 * majority > none > crosstab > split: what all or most States did leads,
 * what none did follows it, then differences between groups, which need a
 * test to read, then divisions, which are findings only in the absence of
 * anything else), then a larger N (more States speak more strongly).
 * STRENGTH encodes both: (FINDINGS_N_KINDS - kind) + N / (N + 1), so that
 * it grows with N within a kind and never reaches the next kind.  Equal
 * strengths go in form order.  At most one finding is kept per question
 * (its strongest) and at most MAX in all (the strongest); they are then
 * returned in questionnaire (form) order, so that the summary reads like
 * the questionnaire.
 */

enum findings_kind {
	FINDINGS_UNANIMITY,
	FINDINGS_MAJORITY,
	FINDINGS_NONE,
	FINDINGS_CROSSTAB,
	FINDINGS_SPLIT,
	FINDINGS_N_KINDS,
};

/* The thresholds of the rule above. */
#define FINDINGS_MAX_DEFAULT 8
#define FINDINGS_UNANIMITY_MIN_N 3
#define FINDINGS_MAJORITY_MIN_N 5
#define FINDINGS_NONE_MIN_N 5
#define FINDINGS_CROSSTAB_MIN_N 6
#define FINDINGS_SPLIT_MIN_N 4
#define FINDINGS_CROSSTAB_P 0.05
#define FINDINGS_CROSSTAB_MIN_V 0.3

/* A crosstab tally the rule may read: a tally made with tally_options.by = BY. */
struct findings_cross {
	const char *by;		/* the question or roster column, as the report names it */
	const struct tally *tally;	/* finished (tally_finish()), disclosed or not */
};

struct findings_finding;

/* NULL options mean every default. */
struct findings_options {
	size_t max;			/* the most findings; 0: FINDINGS_MAX_DEFAULT */
	const struct findings_cross *crosses;	/* borrowed; may be NULL */
	size_t n_crosses;
	unsigned long small_cell;	/* counts 1 .. small_cell - 1 are not stated; <= 1: any */
	/*
	 * Whether choices A and B (indexes, A < B) of select_one Q are said as
	 * the same answer (the report's: the same summary phrase), so that
	 * they are counted as one, under A; NULL: every choice is its own.
	 * A finding's K is then the sum of its choices' counts.
	 */
	bool (*same_answer)(const struct form_question *q, size_t a, size_t b, void *data);
	/*
	 * Whether the caller can state finding F (the report: it details its
	 * question or crosstab in the body, so that the finding can cite
	 * it); NULL: every finding.  Findings it refuses are dropped before
	 * the cut to MAX, so that they take no place from those it can state.
	 */
	bool (*stateable)(const struct findings_finding *f, void *data);
	void *data;		/* for same_answer and stateable */
};

/*
 * One finding.  It borrows the question and BY from the tallies and
 * options it came from (they must outlive it) and owns its arrays.
 */
struct findings_finding {
	enum findings_kind kind;
	const struct form_question *q;
	int choice;			/* index in q->list->choices, or -1 */
	unsigned long k, n;		/* K of N States (see the rule) */
	unsigned long second;		/* FINDINGS_SPLIT: the second answer's count, else 0 */
	int second_choice;		/* FINDINGS_SPLIT: the second answer, else -1 */
	/* FINDINGS_CROSSTAB only (else NULL, 0 and NaN) */
	const char *by;			/* findings_cross.by */
	const struct form_question *by_question;	/* NULL for a roster column */
	size_t n_groups;		/* the crosstab's columns, as tally->by_values */
	unsigned long *group_k;		/* [n_groups]: the choice's States in each group */
	unsigned long *group_n;		/* [n_groups]: each group's answering States */
	double p;			/* Fisher's exact test, two-sided */
	double effect;			/* Cramer's V */
	double strength;		/* the ranking score (see the rule) */
};

/*
 * The main findings of T, at most OPT->max, one per question, in form
 * order, as a new array of struct findings_finding * that frees them;
 * empty when nothing qualifies.  Every tally in OPT must be of T's form;
 * a cross tally of another form is ignored.  Free with findings_free().
 */
GPtrArray *findings_find(const struct tally *t, const struct findings_options *opt);

/* Frees what findings_find() returned; NULL is allowed. */
void findings_free(GPtrArray *findings);

/* "unanimity", "majority", "none", "crosstab", "split": for JSON and diagnostics. */
const char *findings_kind_name(enum findings_kind kind);

#endif
