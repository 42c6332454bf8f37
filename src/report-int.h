/* report-int.h - what the report's source files share (internal to report) */
#ifndef QUIRE_REPORT_INT_H
#define QUIRE_REPORT_INT_H

#include <stdbool.h>
#include <glib.h>

#include "narrate.h"
#include "qchart.h"

struct analysis;
struct chart;
struct doc;
struct form;
struct form_question;
struct rdef;
struct redact;
struct roster;
struct status;
struct tally;
struct tally_question;

/* A tally kept for the crosstabs by one --by variable. */
struct report_by {
	char *by;
	struct tally *tally;
};

/*
 * A crosstab's test on fewer replies than this is told in plain words in
 * the body, its statistics in the methodology annex: on so few, the
 * figures of the test say less than the words.
 */
#define REPORT_TEST_FEW 30

/* A file the report was made from, for the provenance annex. */
struct report_input {
	char *role;		/* N_("Report definition"), N_("Reply"), ...: _() where shown */
	char *path;		/* as read, relative to the working directory when inside it */
};

/* What the body printed, for the methodology annex to describe truthfully. */
struct report_facts {
	unsigned tests;			/* crosstabs whose tests were printed */
	unsigned fisher_exact, fisher_simulated;
	unsigned tests_withheld;	/* crosstabs whose tests were left out to protect counts */
	unsigned suppressed;		/* crosstabs with hidden counts */
	unsigned withheld;		/* crosstabs given as a sentence: every count hidden */
};

struct report {
	const struct rdef *def;
	struct form *form;
	struct roster *roster;
	int lang;
	struct analysis *analysis;	/* which replies count: the one decision */
	struct status *status;
	struct tally *tally;	/* every question, texts kept */
	GPtrArray *bys;		/* struct report_by * */
	struct doc *doc;
	GPtrArray *inputs;	/* struct report_input *: every file read */
	struct report_facts facts;
	int today;		/* the document's date (day number) */
	char *generated;	/* "2019-09-02 00:00 UTC" */
	char *created;		/* the same for the PDF's metadata, "2019-09-02T00:00:00Z" */
	struct narrate_base base;	/* the replying States */
	int chapter;		/* the current chapter: I, II, ... */
	int section;		/* the current section of the chapter: A, B, ...; 0 when none */
	int paragraph;		/* the last paragraph number: consecutive through the body */
	bool chapter_open;	/* the chapter of the replies has its heading */
	GHashTable *para_of;	/* what a paragraph details (report_cite()) -> its number */
	GPtrArray *findings;	/* struct findings_finding *, the summary's (borrowed) */
	GPtrArray *findings_owner;	/* findings_find()'s array, which owns them */
	size_t summary_mark;	/* where chapter I goes (doc_mark()) */
	int summary_first;	/* its first paragraph's number */
	int tables;		/* the tables of the body so far: Table 1, Table 2, ... */
	int figures;		/* and its figures: Figure 1, Figure 2, ... */
	GHashTable *aliases;	/* code -> "State A" for anonymised texts */
	unsigned annex;		/* annexes written so far */
	char *texts_annex;	/* "Annex II", where verbatim answers go, or NULL */
	char *methods_annex;	/* "Annex III", the methodology's */
	GPtrArray *test_details;	/* char *: the statistics of tests on few replies, for it */
	struct redact *redact;	/* States' names, hidden in anonymised answers */
	unsigned english_drafts;	/* drafted paragraphs left in English (report_drafted()) */
	const char *fallback_mark;	/* a draft's mark for English texts, or NULL */
};

/*
 * The drafted sentences (narrate.h) are in the document's language when
 * quire has a grammar for it (narrate_can_draft()), and English otherwise.
 * Every drafted paragraph goes through report_drafted(): one left in
 * English in a document in another language is counted, for the report
 * to be refused with the count, and returned marked for a draft that
 * shows it (borrowed, or living as long as the process).  Otherwise it
 * returns SENTENCE.
 */
const char *report_drafted(struct report *r, const char *sentence);

/*
 * A count in a sentence of the catalog's words: in words up to nine in
 * English ("seven", narrate_number()), in digits in other languages,
 * whose number words agree with a noun the catalog's sentence chooses
 * (the drafted sentences spell out their own, narrate_number_in()).  A
 * new string.
 */
char *report_number(const struct report *r, unsigned long n);

/* TEXT (a label) quoted in running text, with the document language's quotes: “…”, « … ». */
char *report_quote(const struct report *r, const char *text);

/* PARTS (N of them) as one list: "A, B and C", with the document language's words. */
char *report_join(const struct report *r, const char *const *parts, size_t n);

/*
 * Notes that the current paragraph details KEY -- a question's key, or ""
 * for the replies -- or the crosstab of ROW by BY, for the summary to cite.
 */
void report_cite(struct report *r, const char *key);
void report_cite_crosstab(struct report *r, const char *row, const char *by);

/*
 * Chapter I, the summary of main findings (report-summary.c): reserve
 * decides the findings and keeps the chapter's place and paragraph numbers
 * before the body is built; write, after it, puts the chapter there,
 * opening with REPLIES (the response-rate sentence, taken).
 */
void report_summary_reserve(struct report *r);
/* Whether the body reports Q: it is tallied, not omitted, and in a part or a [section]. */
bool report_in_body(const struct report *r, const struct form_question *q);
void report_summary_write(struct report *r, char *replies);

/* The caption of the next table of the body: "Table 3. TITLE", numbered through the body. */
void report_table_caption(struct report *r, const char *title);

/* "12": the next paragraph number, consecutive through the body; free with g_free(). */
char *report_next_number(struct report *r);

/* The level of a heading inside the current chapter or section (a crosstab's): 2 or 3. */
int report_inner_level(const struct report *r);

/*
 * The Rapporteur's paragraphs ([paragraph NAME] of the definition; NAME a
 * question or "ROW by COL"), report-paragraph.c.
 *
 * report_paragraph_cross_name() is the NAME of crosstab ROW by BY, as
 * [crosstab ROW by BY] writes it.
 * report_paragraph_figures() and report_paragraph_cross_figures() give the
 * fingerprint of what a question's or a crosstab's paragraph states, from
 * the tally ("base 9; answered 9; yes 7; no 2"); free with g_free().
 * report_paragraph_text() returns the definition's text for NAME, or
 * DRAFTED when it has none, warning (quire:DEF:LINE: warning: ...) when
 * the figures it was written against are not FIGURES, naming each that
 * changed, or when it gives none.  report_paragraph_before() and _after()
 * add the definition's paragraphs around NAME's, numbered as the body's;
 * report_paragraph_footnote(), called just after NAME's paragraph is
 * added, gives it the definition's footnote.
 */
char *report_paragraph_cross_name(const char *row, const char *by);	/* "ROW by BY" */
char *report_paragraph_figures(const struct tally_question *tq);
char *report_paragraph_cross_figures(const struct tally *t, const struct tally_question *tq);
const char *report_paragraph_text(const struct report *r, const char *name, const char *drafted,
				  const char *figures);
void report_paragraph_before(struct report *r, const char *name);
void report_paragraph_after(struct report *r, const char *name);
void report_paragraph_footnote(struct report *r, const char *name);

/* Chapter CHAPTER's number as its heading has it: "II." (style un) or "2." (plain). */
char *report_chapter_number(const struct report *r, int chapter);

/* N as a Roman numeral, "I" to "MMMCMXCIX" ("?" beyond); free with g_free(). */
char *report_roman(unsigned n);

/*
 * A figure of chart C (taken) in the document, at its natural height,
 * under the caption "Figure N. TITLE" (figures are numbered through the
 * body, as tables are); the caption replaces the chart's own title.
 * Under the figure, as under a table, a note on its SOURCE ("Source:
 * replies to question 2.1. ..."), then the chart's own note (how to read
 * it: "Each dot is one State. ..."), which leaves the chart.  With
 * SOURCE_HAS_BASE the source says the base too (with the chart's labels,
 * "4 of 9"), and the chart's own base line goes; otherwise the chart keeps
 * it under the caption ("n = 9 replying Member States, by region; ...").
 * Returns false, adding nothing and taking no number, when the chart is
 * taller than a page's text area: the caller shows the figures as a table
 * instead.
 */
bool report_add_chart(struct report *r, struct chart *c, const char *title, const char *source,
		      bool source_has_base);

/* How the report's charts read (the language, the noun). */
struct qchart_options report_chart_options(const struct report *r);

/* The tally of the crosstabs by BY (NULL when none was made). */
struct tally *report_by_tally(const struct report *r, const char *by);

/* Sections (report-question.c, report-crosstab.c) */
void report_question(struct report *r, const struct tally_question *tq);
void report_crosstab(struct report *r, const char *row, const char *by, const char *title,
		     const char *note);

/* "Member State" or "Member States" for K, in the document's language (R is unused). */
const char *report_noun(const struct report *r, unsigned long k);

#endif
