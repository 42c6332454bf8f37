/* rdef.h - report definitions: reports/NAME.ini, a GLib key file */
#ifndef QUIRE_RDEF_H
#define QUIRE_RDEF_H

#include <limits.h>
#include <stdbool.h>
#include <glib.h>

/*
 * A report definition names the inputs of a report and how to present
 * them.  The whole format (documented in the README and quire(1)):
 *
 *   [report]            the inputs and the cover
 *   form, data          paths, relative to the definition file (data: several, ';')
 *   roster, cutoff      a roster CSV; the cut-off date (YYYY-MM-DD)
 *   language            label language of the form (name or code)
 *   organisation, title, subtitle, meeting, place, dates, symbol, date, prepared_by,
 *   notice              texts of the cover (date: the document's date, YYYY-MM-DD)
 *   conclusions         the paragraph of the chapter "Conclusions" (default: a
 *                       place kept for the Rapporteur's, in brackets)
 *   distribution, original, agenda
 *                       the masthead: "Distr.: DISTRIBUTION" (default General),
 *                       "Original: ORIGINAL" (default: the report's language), and
 *                       the agenda item line ("Item 3 of the provisional agenda")
 *   agenda_note         the agenda line's footnote, marked "*": the symbol of the
 *                       provisional agenda, as a UN masthead has it
 *   respondent          the noun for a respondent, singular;plural (default
 *                       "Member State;Member States")
 *   paper               a4 (default) or letter
 *   style               un (default): the masthead and title block over the text of
 *                       page 1, chapters I, II with sections A, B; plain: a cover
 *                       page of its own without the masthead's Distr., Original and
 *                       agenda lines, chapters 1, 2 with sections 1.1, 1.2
 *   anonymous           true: do not say who replied (default false)
 *   attribute_texts     true: verbatim answers name their State (default false:
 *                       "State A", "State B", ...)
 *   small_cell          crosstab counts below this are suppressed, with any count
 *                       the totals would reveal (default 3; 1 turns suppression off)
 *   group_by            roster column for the response rate by group (default: region
 *                       when the roster has it)
 *   group_label         what readers call that column, in lower case ("regional
 *                       group"): the table's caption and, capitalised, its header
 *                       (default: the column's name)
 *   omit                questions left out of the body and the annexes, ';'
 *   include             questions reported although they look like contact details
 *                       (e-mail, phone, a person's name), which are otherwise left
 *                       out (see form_question_is_contact()), ';'
 *   fisher_exact_limit  the work allowed for Fisher's exact test before it is
 *                       estimated by simulation (steps; default: adapts to the table)
 *   output              the PDF (default: the definition's name with .pdf)
 *
 *   [crosstab ROW by COL]   a cross-tabulation; ROW a choice question, COL a choice
 *                           question or roster column.  Keys: title, note.
 *   [chart NAME]            chart of question NAME.  Keys: type (bar, pie, donut,
 *                           histogram, dotplot, none), label (count or percent),
 *                           show (chart, table, both or text: what the body shows
 *                           of the question; default: report_question() chooses).
 *                           A type that does not suit the question is an error.
 *   [section TITLE]         when present, sections replace the form's parts as the
 *                           body, in file order.  Keys: questions (names, ';'),
 *                           crosstabs ("ROW by COL", ';'), text (a paragraph).
 *   [paragraph NAME]        the Rapporteur's words for the paragraph of question
 *                           NAME, or of crosstab "ROW by COL".  Keys: text (replaces
 *                           the drafted paragraph), before and after (paragraphs of
 *                           their own around it), figures (what the text was
 *                           written against, as quire report --fingerprints gives
 *                           them: a warning names those that have changed),
 *                           footnote (a footnote to the paragraph).
 *
 * Everything here is owned by the struct rdef and lives until rdef_free().
 */

struct rdef_crosstab {
	char *row, *by;
	char *title, *note;
	long line;
};

struct rdef_chart {
	char *question;
	char *type;		/* NULL = the default for the question */
	char *label;		/* NULL, "count" or "percent" */
	char *show;		/* NULL, "chart", "table", "both" or "text" */
	long line;
};

struct rdef_section {
	char *title;
	char **questions;	/* NULL-terminated; may be empty */
	GPtrArray *crosstabs;	/* struct rdef_crosstab * */
	char *text;
	long line;
};

struct rdef_paragraph {
	char *name;		/* a question, or "ROW by COL" */
	char *text, *before, *after, *figures, *footnote;	/* each may be NULL */
	long line;
};

struct rdef {
	char *path;		/* the definition file, or NULL when built from options */
	char *form, *roster, *output, *language;
	char *texts_language;	/* 'language' as the file gives it: its texts' language */
	char **data;		/* NULL-terminated */
	int cutoff;		/* INT_MAX = none */
	char *organisation, *title, *subtitle, *meeting, *place, *dates, *symbol, *prepared_by,
		*notice, *conclusions, *distribution, *original, *agenda, *agenda_note;
	int date;		/* INT_MIN = today */
	char *respondent_singular, *respondent_plural;
	bool letter, plain, anonymous, attribute_texts;
	bool allow_fallback;	/* a draft with the texts not in its language marked (CLI only) */
	int small_cell;
	char *group_by;
	char *group_label;	/* NULL: the column's name */
	char **omit;		/* NULL-terminated question names */
	char **include;		/* NULL-terminated question names */
	unsigned long long fisher_exact_limit;	/* 0: the default */
	GPtrArray *crosstabs;	/* struct rdef_crosstab *, in file order */
	GPtrArray *charts;	/* struct rdef_chart * */
	GPtrArray *sections;	/* struct rdef_section * */
	GPtrArray *paragraphs;	/* struct rdef_paragraph * */
	GPtrArray *lines;	/* the definition's text, for rdef_line() */
	GKeyFile *texts;	/* the definition as read, for rdef_localize(); may be NULL */
};

/* A definition with every default, for "quire report FORM DATA". */
struct rdef *rdef_new(void);

/*
 * Reads PATH.  Reports every problem as "quire:PATH:LINE: message" -- a
 * syntax error, an unknown group or key, a bad date, number or choice --
 * and returns NULL if there was any.  Paths inside are made relative to
 * PATH's directory.
 */
struct rdef *rdef_load(const char *path);
void rdef_free(struct rdef *def);

/* The line of KEY in GROUP (or of the group header when KEY is NULL), for messages; 0 if unknown. */
long rdef_line(const struct rdef *def, const char *group, const char *key);

/*
 * The texts for readers in language LANG ("fr"): each text given as
 * KEY[LANG] in the definition replaces the one given as KEY.  OWN says
 * that LANG is the definition's own language (texts_language), in which
 * its plain KEYs are written; otherwise a text given only as KEY is a gap,
 * said at its line ("title: no text in the document's language: give
 * title[fr]") as an error when FATAL, else as a warning, and marked with
 * MARK when not NULL.  The keys that take a language are [report]'s
 * organisation, title, subtitle, meeting, place, dates, prepared_by,
 * notice, conclusions, distribution, original, agenda and agenda_note;
 * [crosstab]'s title and note; [section]'s title and text; [paragraph]'s
 * text, before, after and footnote.  Returns the number of gaps; 0 for a
 * definition built from options.
 */
int rdef_localize(struct rdef *def, const char *lang, bool own, const char *mark, bool fatal);

/* The chart settings for question NAME, or NULL. */
const struct rdef_chart *rdef_chart(const struct rdef *def, const char *name);

/* The Rapporteur's paragraph NAME (a question, or "ROW by COL"), or NULL. */
const struct rdef_paragraph *rdef_paragraph(const struct rdef *def, const char *name);

#endif
