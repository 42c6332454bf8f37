/* cmd-print.c - quire print: the questionnaire as a document for circulation */
#include <config.h>

#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "cmd.h"
#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "print.h"

static const char *const usage = N_(
	/*
	 * TRANSLATORS: the --help of quire print.  Keep the commands, the options,
	 * the file, column and setting names, and the layout: the descriptions in
	 * one column, lines no longer than the English.  FORM, DATA and the like
	 * may be translated.
	 */
	"Usage: quire print [OPTIONS] FORM\n"
	"Write the questionnaire as a PDF for a Secretariat to send with its note\n"
	"verbale: a cover with the organisation, the title, the form's version and\n"
	"the reply deadline, with lines for the State's name and the replying\n"
	"official; instructions; then each part with its numbered questions, their\n"
	"hints, boxes to tick (round for one answer, square for several) or to write\n"
	"in, and their skip logic and constraints in words.\n"
	"\n"
	"Options:\n"
	"  -o, --output FILE        the PDF to write (default: questionnaire.pdf)\n"
	"      --lang LANG          language of the questions\n"
	"      --letter             US Letter paper instead of A4\n"
	"      --deadline DATE      the reply deadline (default: the form's setting\n"
	"                           'deadline'); YYYY-MM-DD is written out\n"
	"      --organisation TEXT  the organisation on the cover (default: the\n"
	"                           setting 'organisation')\n"
	"      --contact TEXT       where replies go (default: the setting 'contact')\n"
	"  -h, --help               show this help\n"
	"\n"
	"SOURCE_DATE_EPOCH fixes the document's date: two runs then give\n"
	"byte-identical files.\n");

int cmd_print(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "lang", required_argument, NULL, 'l' },
		{ "letter", no_argument, NULL, 'L' },
		{ "deadline", required_argument, NULL, 'd' },
		{ "organisation", required_argument, NULL, 'g' },
		{ "contact", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct print_options o = { "questionnaire.pdf", 0, false, NULL, NULL, NULL };
	const char *lang = NULL;
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'o': o.output = optarg; break;
		case 'l': lang = optarg; break;
		case 'L': o.letter = true; break;
		case 'd': o.deadline = optarg; break;
		case 'g': o.organisation = optarg; break;
		case 'c': o.contact = optarg; break;
		default: return cli_common_option(opt, "print", usage);
		}
	}
	if (argc - optind != 1)
		/* Each marked: of a ?: argument, xgettext takes only the first. */
		return cli_usage_error("print",
				       argc - optind ? N_("one FORM expected")
						     : N_("missing FORM"));
	if (isodate_now(NULL) != 0)	/* an invalid SOURCE_DATE_EPOCH */
		return EXIT_DATA;
	struct form *form = form_load(argv[optind]);
	if (!form)
		return EXIT_DATA;
	o.lang = cli_lang(form, lang, "print");
	int status = EXIT_USAGE;
	if (o.lang >= 0) {
		cli_document_begin(form, o.lang);
		status = print_write(form, &o) == 0 ? EXIT_OK : EXIT_DATA;
		cli_document_end();
	}
	form_free(form);
	return status;
}
