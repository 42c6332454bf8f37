/* fuzz.h - what the libFuzzer harnesses share: quiet messages, scratch files, a form */
#ifndef QUIRE_FUZZ_H
#define QUIRE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/*
 * Each harness defines LLVMFuzzerTestOneInput().  Built with
 * --enable-fuzzing (CC=clang), `make fuzz` links them with libFuzzer; in
 * any build, tests/fuzz/replay.c gives them a main() that runs the files
 * named on the command line, so the inputs that once crashed are replayed
 * by `make check` (tests/fuzz/regress/TARGET/).
 *
 * A harness never prints: fuzz_init() sends msg's output to a buffer that
 * fuzz_quiet() empties before every input.  The library must report bad
 * input through msg and go on; a crash, a sanitizer report or a failed
 * FUZZ_ASSERT is a bug.
 */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Captures messages and makes the scratch directory; idempotent. */
void fuzz_init(void);
/* Empties the captured messages and resets msg's error count. */
void fuzz_quiet(void);
/*
 * Writes DATA to NAME in the scratch directory (replacing it) and returns
 * the path, owned by the caller (g_free).
 */
char *fuzz_write(const char *name, const void *data, size_t size);
/* The scratch directory. */
const char *fuzz_dir(void);

/*
 * A form exercising every kind of question the reply reader and the wide
 * importer check (a superset of tests/data/forms/mini), written to the
 * scratch directory and loaded once.  Never NULL.
 */
struct form;
const struct form *fuzz_form(void);

/* Aborts with a message when COND is false: a property of the library was broken. */
#define FUZZ_ASSERT(cond) ((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond))
void fuzz_fail(const char *file, int line, const char *what) __attribute__((noreturn));

#endif
