/* report.h - the Working Group report: definition, form, replies and roster to PDF */
#ifndef QUIRE_REPORT_H
#define QUIRE_REPORT_H

#include <stdio.h>

struct rdef;

/*
 * Builds the report DEF describes and writes it to DEF->output, atomically.
 * The report is made from the analysis set (analysis.h): every reply is
 * checked as quire validate does, and any problem stops the report before
 * anything is written; the replies left out for another reason (late, not
 * from a member, not finished) are counted in its text.  Contents (DESIGN §4): a cover; a summary of replies with the
 * reply timeline and the response rate by roster group; one numbered
 * section per part of the form (or per [section] of the definition) with,
 * for each question, a drafted sentence, a chart and a table with its
 * base; the crosstabs asked for, with their tests and a plain-language
 * note; annexes listing the replying States (left out when DEF->anonymous),
 * the verbatim text answers (attributed, or as "State A", ...), and the
 * methodology and provenance (form id and version, cut-off, counts, the
 * SHA-256 of every input, the quire version and the generation time).
 *
 * The document is wholly in DEF's language: the form's texts in it, the
 * definition's texts given for it (rdef_localize(), done to DEF here) and
 * quire's own words from its catalog.  Every text missing in it is listed
 * (form_check_language(), and each catalog message the document needed)
 * and the document is refused, unless DEF->allow_fallback: a draft is then
 * written with each such text in English, marked "[en] ".
 *
 * Dates in the document come from SOURCE_DATE_EPOCH when it is set, so two
 * runs give byte-identical files.  Returns 0, or -1 after reporting.
 */
int report_write(struct rdef *def);

/*
 * Prints to OUT, for every question of the body and every crosstab of
 * DEF, the block a definition takes to keep the Rapporteur's own words
 * for its paragraph, with the figures the paragraph states now:
 *
 *   [paragraph law_status]
 *   figures = base 9; answered 9; law 4; amended 3; drafting 1; none 1
 *
 * Writes no document.  Returns 0, or -1 after reporting (as report_write()).
 */
int report_fingerprints(const struct rdef *def, FILE *out);

#endif
