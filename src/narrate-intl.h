/* narrate-intl.h - narrate.h's sentences for a base with a grammar; called by narrate.c only */
#ifndef QUIRE_NARRATE_INTL_H
#define QUIRE_NARRATE_INTL_H

#include "narrate.h"

/*
 * As narrate_count(), narrate_select_one(), narrate_yes_no() and
 * narrate_select_multiple(), for B->grammar (not NULL).  Their checks of
 * the counts are narrate.c's.  Flags do not apply: each grammar opens its
 * sentences by its own rules.
 */
char *narrate_intl_count(const struct narrate_base *b, unsigned long k, const char *predicate);
char *narrate_intl_select_one(const struct narrate_base *b, const struct narrate_item *items,
			      size_t n_items);
char *narrate_intl_yes_no(const struct narrate_base *b, const char *predicate, unsigned long yes,
			  unsigned long no, const struct narrate_item *others, size_t n_others);
char *narrate_intl_select_multiple(const struct narrate_base *b, const char *verb,
				   const struct narrate_item *items, size_t n_items,
				   const struct narrate_item *none);

char *narrate_intl_quote(const struct narrate_grammar *g, const char *label);
char *narrate_intl_answered(const struct narrate_grammar *g, const char *label);
char *narrate_intl_selected(const struct narrate_grammar *g, const char *label);
char *narrate_intl_number(const struct narrate_grammar *g, unsigned long n);
char *narrate_intl_verb_object(const struct narrate_grammar *g, const char *verb,
			       const char *object);
char *narrate_intl_join(const struct narrate_grammar *g, const char *const *parts, size_t n);

#endif
