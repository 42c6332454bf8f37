/* cmd-check.c - quire check: load and validate a form, print its outline */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "form.h"
#include "phrase.h"
#include "textcol.h"

static const char usage[] =
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
	"Exit status: 0 valid, 1 invalid, 2 usage error.\n";

static void print_languages(const struct form *form)
{
	printf("Languages: ");
	for (guint i = 0; i < form->languages->len; i++) {
		const char *name = g_ptr_array_index(form->languages, i);
		if (i == 0 && !form->default_language) {
			printf("(unsuffixed columns)");
		} else {
			printf("%s%s", i ? ", " : "", name);
		}
		if (i == 0)
			printf(" [default]");
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
	printf("%d question%s", total, total == 1 ? "" : "s");
	const char *sep = ": ";
	for (int k = 0; k <= FORM_META; k++) {
		if (!counts[k])
			continue;
		printf("%s%d %s", sep, counts[k], form_kind_name(k));
		sep = ", ";
	}
}

static void print_question(const struct form *form, const struct form_question *q, int lang)
{
	const char *key = form_question_key(q);
	int pad = 24 - textcol_width(key);	/* in cells: "âge" lines up with "age" */
	printf("  %-6s %s%*s %s", q->number ? q->number : "-", key, pad > 0 ? pad : 0, "",
	       q->type);
	if (q->required)
		printf("  required");
	else if (q->required_text)
		printf("  required if %s", q->required_text);
	putchar('\n');
	printf("         %s\n", form_label(form, q, lang));
	if (q->relevant_text)
		printf("         asked if %s\n", q->relevant_text);
	if (q->constraint_text)
		printf("         valid if %s\n", q->constraint_text);
	if (q->filter)
		printf("         choices where %s\n", q->choice_filter);
	if (q->calculation_text)
		printf("         = %s%s\n", q->calculation_text,
		       form_question_uncomputed(q) ? "  (not computed)" : "");
}

static void print_parts(const struct form *form, int lang)
{
	for (guint p = 0; p < form->parts->len; p++) {
		const struct form_part *part = g_ptr_array_index(form->parts, p);
		printf("\nPart %d", part->number);
		if (part->group)
			printf(" %s: %s", part->group->name, form_group_label(form, part->group, lang));
		printf(" (");
		print_type_counts(part);
		printf(")\n");
		if (part->group && part->group->relevant_text)
			printf("  whole part asked if %s\n", part->group->relevant_text);
		for (guint i = 0; i < part->questions->len; i++)
			print_question(form, g_ptr_array_index(part->questions, i), lang);
	}
}

static void print_lists(const struct form *form, int lang)
{
	printf("\nChoice lists:\n");
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
	printf("Form:      %s\n", form->title);
	printf("Id:        %s\n", form->id);
	printf("Version:   %s\n", form->version ? form->version : "(none)");
	print_languages(form);
	printf("Questions: %d in %u part%s; %d with skip logic, %d with constraints, "
	       "%d required\n", asked, form->parts->len, form->parts->len == 1 ? "" : "s",
	       conditional, constrained, required);
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
		if (applies && !said)
			printf("%s:%ld: %s: skip logic not said in words: %s\n", q->file, q->row,
			       form_question_key(q), applies);
		g_free(applies);
		said = true;
		char *constraint = phrase_constraint(form, q, lang, &said);
		if (constraint && !said)
			printf("%s:%ld: %s: constraint not said in words: %s\n", q->file, q->row,
			       form_question_key(q), constraint);
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
		return cli_usage_error("check", argc - optind ? "one FORM expected" : "missing FORM");
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
