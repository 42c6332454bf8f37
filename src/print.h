/* print.h - the questionnaire as a document for circulation (PDF) */
#ifndef QUIRE_PRINT_H
#define QUIRE_PRINT_H

#include <stdbool.h>

struct form;

/*
 * What the printed questionnaire says beyond the form.  DEADLINE,
 * ORGANISATION and CONTACT override the form's settings of those names
 * (NULL: the setting, or nothing); a DEADLINE in YYYY-MM-DD is written
 * out ("30 June 2019"), any other text as it is.
 */
struct print_options {
	const char *output;	/* the PDF to write ("-": standard output) */
	int lang;		/* a language of the form (form_lang_find) */
	bool letter;		/* US Letter instead of A4 */
	const char *deadline, *organisation, *contact;
};

/*
 * Writes FORM as a printed questionnaire to O->output, atomically: a
 * cover with places for the State's name and the replying official,
 * instructions, then each part with its numbered questions, their hints,
 * boxes to tick or write in, and their skip logic and constraints in
 * words.  Returns 0, or -1 after reporting (the output is then left as
 * it was).
 */
int print_write(const struct form *form, const struct print_options *o);

#endif
