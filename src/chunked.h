/* chunked.h - one large wide export read in parts, a thread each, with the figures of one pass */
#ifndef QUIRE_CHUNKED_H
#define QUIRE_CHUNKED_H

#include <stdbool.h>

struct analysis;
struct analysis_options;
struct form;
struct source_options;
struct tally;
struct tally_options;

/*
 * A wide export (wide.h) of a few hundred kilobytes or more is cut into
 * up to JOBS parts at line ends, and each part is read on a thread of its
 * own, with its own CSV parser, analysis set and tally; the parts are then
 * merged in order (analysis_merge(), tally_merge()).  The result is the
 * one reading the file in one pass gives, byte for byte, or none at all:
 *
 *   - the parts are used only when no thread had anything to say (a
 *     problem, a warning, a part that ends inside a quoted field because a
 *     cut fell in one), and no two replies' codes share a fingerprint, in
 *     one part or in two (analysis_by_fingerprint()); the first thread to
 *     hear something stops them all;
 *   - otherwise chunked_read() returns 0 having changed and printed
 *     nothing, and the caller reads the data in one pass, which reports
 *     what there is to report, in row order.
 *
 * So the threads only ever make a clean file faster.  Memory is that of
 * JOBS readers and tallies, each bounded as a single one is, and 8 bytes
 * a reply for the fingerprints.  One job reads a large file as one part:
 * its check for second replies is the fingerprints' 8 bytes a State.
 */

/*
 * Reads PATHS into a new analysis set made with AOPT and a new tally made
 * with TOPT (which tally_new() has accepted), adding each included reply
 * to the tally, when there is one path, a CSV export of at least a part,
 * JOBS >= 1, and every part was read cleanly.  Returns 1 with them in
 * *A_OUT and *T_OUT (the caller frees both), or 0 when the caller is to
 * read PATHS in one pass.
 */
int chunked_read(const struct form *form, char *const *paths, int n_paths,
		 const struct source_options *sopt, const struct analysis_options *aopt,
		 const struct tally_options *topt, int jobs, struct analysis **a_out,
		 struct tally **t_out);

/* The smallest part worth a thread of its own, in bytes. */
#define CHUNKED_MIN_PART (256 * 1024)

#endif
