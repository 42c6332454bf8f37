/* fixture.h - what unit tests set up alike */
#ifndef QUIRE_TEST_FIXTURE_H
#define QUIRE_TEST_FIXTURE_H

#include "form.h"

/*
 * The form whose single-file CSV is CSV (the survey, choices and settings
 * sheets one after the other, as form_load() reads a .csv), written to a
 * temporary directory, loaded and removed again; NAME names the file in
 * the form's messages.  NULL when it does not load (form_load() has said
 * why).
 */
struct form *fixture_form(const char *csv, const char *name);

#endif
