/* cmd-check.c - quire check: load and validate a form, print its outline */
#include <config.h>

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "form.h"
#include "i18n.h"
#include "msg.h"
#include "phrase.h"
#include "textcol.h"

static const char *const usage = N_(
	/*
	 * TRANSLATORS: the --help of quire check.  Keep the commands, the options,
	 * the file, column and setting names, and the layout: the descriptions in
	 * one column, lines no longer than the English.  FORM, DATA and the like
	 * may be translated.
	 */
	"Usage: quire check [OPTIONS] FORM\n"
	"Load and validate the form FORM (a directory with survey.csv, choices.csv\n"
	"and settings.csv, or a single pyxform-style CSV file) and print its outline:\n"
	"title, id, version, languages, the parts with their questions, types and\n"
	"skip logic, and the choice lists.  Every problem is reported, not just the\n"
	"first, as FILE:ROW: message.\n"
	"\n"
	"Options:\n"
	"      --lang LANG   print labels in language LANG (name or code), and list every\n"
	"                    text a document in LANG needs that the form lacks\n"
	"  -q, --quiet       print nothing when the form is valid\n"
	"      --unsaid      instead of the outline, list the questions whose skip\n"
	"                    logic or constraint cannot be said in words (the\n"
	"                    printed questionnaire shows such skip logic with\n"
	"                    numbers, and leaves such a constraint out)\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit status: 0 valid, 1 invalid, 2 usage error.\n");

static void print_languages(const struct form *form)
{
	/* TRANSLATORS: in quire check's outline; pad it as "Form:      %s\n". */
	fputs(E_("Languages: "), stdout);
	for (guint i = 0; i < form->languages->len; i++) {
		const char *name = g_ptr_array_index(form->languages, i);
		if (i == 0 && !form->default_language) {
			/*
			 * TRANSLATORS: in quire check's outline, in place of the name of
			 * the language of the columns "label", "hint"... without a
			 * language after them; keep the parentheses.
			 */
			fputs(E_("(unsuffixed columns)"), stdout);
		} else {
			printf("%s%s", i ? ", " : "", name);
		}
		if (i == 0)
			/*
			 * TRANSLATORS: in quire check's outline, after the form's default
			 * language; keep the space before it.
			 */
			fputs(E_(" [default]"), stdout);
	}
	putchar('\n');
}

/* "7 questions: 3 select_one, 2 text, 1 integer, 1 date" */
static void print_type_counts(const struct form_part *part)
{
	int counts[FORM_META + 1] = { 0 };
	int total = 0;
	for (guint i = 0; i < part->questions->len; i++) {
		const struct form_question *q = g_ptr_array_index(part->questions, i);
		if (!q->number)
			continue;
		counts[q->kind]++;
		total++;
	}
	/*
	 * TRANSLATORS: in quire check's outline, after a part's heading: the
	 * questions it asks, which their types follow: "7 questions: 3 select_one, ...".
	 */
	printf(EP_("%d question", "%d questions", total), total);
	const char *sep = ": ";
	for (int k = 0; k <= FORM_META; k++) {
		if (!counts[k])
			continue;
		printf("%s%d %s", sep, counts[k], form_kind_name(k));
		sep = ", ";
	}
}

/* Prints a line of the outline: INDENT, then FMT (marked E_() by the caller) formatted. */
static void print_detail(const char *indent, const char *fmt, ...) MSG_PRINTF(2, 3);

static void print_detail(const char *indent, const char *fmt, ...)
{
	va_list ap;
	fputs(indent, stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void print_question(const struct form *form, const struct form_question *q, int lang)
{
	const char *key = form_question_key(q);
	int pad = 24 - textcol_width(key);	/* in cells: "âge" lines up with "age" */
	printf("  %-6s %s%*s %s", q->number ? q->number : "-", key, pad > 0 ? pad : 0, "",
	       q->type);
	if (q->required)
		/* TRANSLATORS: in quire check's outline, after a question's type. */
		printf("  %s\n", E_("required"));
	else if (q->required_text)
		/*
		 * TRANSLATORS: in quire check's outline, after a question's type: %s is
		 * the form's expression (its column "required") that decides whether
		 * an answer is required.
		 */
		print_detail("  ", E_("required if %s"), q->required_text);
	else
		putchar('\n');
	printf("         %s\n", form_label(form, q, lang));
	if (q->relevant_text)
		/*
		 * TRANSLATORS: in quire check's outline, under a question: %s is the
		 * form's expression (its column "relevant") that decides whether it is asked.
		 */
		print_detail("         ", E_("asked if %s"), q->relevant_text);
	if (q->constraint_text)
		/*
		 * TRANSLATORS: in quire check's outline, under a question: %s is the
		 * form's expression (its column "constraint") an answer must meet.
		 */
		print_detail("         ", E_("valid if %s"), q->constraint_text);
	if (q->filter)
		/*
		 * TRANSLATORS: in quire check's outline, under a question: %s is the
		 * form's expression (its column "choice_filter") that decides which
		 * choices are offered.
		 */
		print_detail("         ", E_("choices where %s"), q->choice_filter);
	if (q->calculation_text) {
		printf("         = %s", q->calculation_text);
		if (form_question_uncomputed(q))
			/*
			 * TRANSLATORS: in quire check's outline, after a calculation that
			 * quire cannot evaluate.
			 */
			printf("  %s", E_("(not computed)"));
		putchar('\n');
	}
}

static void print_parts(const struct form *form, int lang)
{
	for (guint p = 0; p < form->parts->len; p++) {
		const struct form_part *part = g_ptr_array_index(form->parts, p);
		putchar('\n');
		/*
		 * TRANSLATORS: in quire check's outline, a part of the form and its
		 * number; its group's name and title may follow, "Part 2 g2: Assistance".
		 */
		printf(E_("Part %d"), part->number);
		if (part->group)
			printf(" %s: %s", part->group->name, form_group_label(form, part->group, lang));
		printf(" (");
		print_type_counts(part);
		printf(")\n");
		if (part->group && part->group->relevant_text)
			/*
			 * TRANSLATORS: in quire check's outline, under a part's heading: %s
			 * is the form's expression that decides whether the part is asked.
			 */
			print_detail("  ", E_("whole part asked if %s"),
				     part->group->relevant_text);
		for (guint i = 0; i < part->questions->len; i++)
			print_question(form, g_ptr_array_index(part->questions, i), lang);
	}
}

static void print_lists(const struct form *form, int lang)
{
	/* TRANSLATORS: in quire check's outline, the heading above the form's choice lists. */
	printf("\n%s\n", E_("Choice lists:"));
	for (guint i = 0; i < form->lists->len; i++) {
		const struct form_list *l = g_ptr_array_index(form->lists, i);
		printf("  %s (%u):", l->name, l->choices->len);
		for (guint j = 0; j < l->choices->len; j++) {
			const struct form_choice *c = g_ptr_array_index(l->choices, j);
			const char *label = form_choice_label(form, c, lang);
			if (strcmp(label, c->name) == 0)
				printf("%s %s", j ? ";" : "", c->name);
			else
				printf("%s %s = %s", j ? ";" : "", c->name, label);
		}
		putchar('\n');
	}
}

static void print_outline(const struct form *form, int lang)
{
	int asked = 0, conditional = 0, constrained = 0, required = 0;
	for (guint i = 0; i < form->questions->len; i++) {
		const struct form_question *q = g_ptr_array_index(form->questions, i);
		if (!q->number)
			continue;
		asked++;
		conditional += form_question_is_conditional(q);
		constrained += q->constraint != NULL;
		required += q->required || q->required_text;
	}
	/*
	 * TRANSLATORS: the first lines of quire check's outline: the form's title,
	 * id and version.  Their labels, and "Languages: " and "Questions: ", are
	 * padded to one width, so that the values line up: pad yours alike.
	 */
	printf(E_("Form:      %s\n"), form_title(form, lang));
	/* TRANSLATORS: in quire check's outline; pad it as "Form:      %s\n". */
	printf(E_("Id:        %s\n"), form->id);
	/* TRANSLATORS: in quire check's outline, for a form without a version. */
	const char *version = form->version ? form->version : E_("(none)");
	/* TRANSLATORS: in quire check's outline; pad it as "Form:      %s\n". */
	printf(E_("Version:   %s\n"), version);
	print_languages(form);
	/*
	 * TRANSLATORS: in quire check's outline; pad it as "Form:      %s\n".  The
	 * questions asked, the parts they are in (which choose the plural form),
	 * and how many of the questions have skip logic, a constraint and a
	 * required answer.
	 */
	printf(EP_("Questions: %d in %u part; %d with skip logic, %d with constraints, "
		   "%d required\n",
		   "Questions: %d in %u parts; %d with skip logic, %d with constraints, "
		   "%d required\n", form->parts->len),
	       asked, form->parts->len, conditional, constrained, required);
	print_parts(form, lang);
	print_lists(form, lang);
}

/*
 * "survey.csv:11: share: skip logic not said in words: 1.2 * 2 > 3990":
 * one line for each question whose relevant (or a group's) or constraint
 * phrase.h cannot say in words, with what it shows instead.
 */
static void print_unsaid(const struct form *form, int lang)
{
	for (size_t i = 0; i < form_n_questions(form); i++) {
		const struct form_question *q = form_question_at(form, i);
		if (!q->number && !q->generated)
			continue;
		bool said = true;
		char *applies = phrase_applies(form, q, lang, &said);
		if (applies && !said) {
			printf("%s:%ld: %s: ", q->file, q->row, form_question_key(q));
			/*
			 * TRANSLATORS: quire check --unsaid, after "survey.csv:11: share: ":
			 * %s is the skip logic as the printed questionnaire shows it,
			 * "1.2 * 2 > 3990".
			 */
			print_detail("", E_("skip logic not said in words: %s"), applies);
		}
		g_free(applies);
		said = true;
		char *constraint = phrase_constraint(form, q, lang, &said);
		if (constraint && !said) {
			printf("%s:%ld: %s: ", q->file, q->row, form_question_key(q));
			/*
			 * TRANSLATORS: quire check --unsaid, after "survey.csv:12: share: ":
			 * %s is the constraint as an expression, ". < 100".
			 */
			print_detail("", E_("constraint not said in words: %s"), constraint);
		}
		g_free(constraint);
	}
}

int cmd_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "unsaid", no_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *lang_arg = NULL;
	bool quiet = false, unsaid = false;
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "qh", options, NULL)) != -1) {
		if (opt == 'l')
			lang_arg = optarg;
		else if (opt == 'q')
			quiet = true;
		else if (opt == 'u')
			unsaid = true;
		else
			return cli_common_option(opt, "check", usage);
	}
	if (argc - optind != 1)
		/* Each marked: of a ?: argument, xgettext takes only the first. */
		return cli_usage_error("check",
				       argc - optind ? N_("one FORM expected")
						     : N_("missing FORM"));
	struct form *form = form_load(argv[optind]);
	if (!form)
		return EXIT_DATA;
	int lang = cli_lang(form, lang_arg, "check");
	if (lang < 0) {
		form_free(form);
		return EXIT_USAGE;
	}
	if (unsaid)
		print_unsaid(form, lang);
	else if (!quiet)
		print_outline(form, lang);
	/* A language asked for is checked as a document in it would be: every text there. */
	int gaps = lang_arg ? form_check_language(form, lang, true) : 0;
	form_free(form);
	return gaps ? EXIT_DATA : EXIT_OK;
}
