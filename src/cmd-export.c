/* cmd-export.c - quire export: one row per respondent */
#include <config.h>

#include <getopt.h>
#include <limits.h>
#include <stdio.h>

#include "analysis.h"
#include "atomic.h"
#include "cli.h"
#include "cmd.h"
#include "form.h"
#include "i18n.h"
#include "isodate.h"
#include "msg.h"
#include "response.h"
#include "roster.h"
#include "source.h"
#include "wide.h"

static const char *const usage = N_(
	/*
	 * TRANSLATORS: the --help of quire export.  Keep the commands, the options,
	 * the file, column and setting names, and the layout: the descriptions in
	 * one column, lines no longer than the English.  FORM, DATA and the like
	 * may be translated.
	 */
	"Usage: quire export [OPTIONS] FORM DATA...\n"
	"Write the replies as one CSV row per respondent: respondent, submitted, the\n"
	"questions in form order (a select_multiple as its space-separated column\n"
	"followed by one NAME/CHOICE column of 1/0 per choice, empty when\n"
	"unanswered), calculations, then _channel, _entered_by, _form_version and\n"
	"_note.  quire import reads it back to the same reply files.  Text a\n"
	"spreadsheet would run as a formula (starting with =, +, -, @, tab or CR,\n"
	"but not a negative number) gets a leading ', and so does text starting\n"
	"with ', so that import takes exactly one off.\n"
	"\n"
	"Options:\n"
	"  -o, --output FILE      write to FILE (default: standard output)\n"
	"      --labels           choice labels instead of names (for reading; such a\n"
	"                         file cannot be imported again)\n"
	"      --lang LANG        language of the labels\n"
	"      --keep-formulas    do not neutralise formula-like text (a leading '\n"
	"                         is still doubled)\n"
	"      --id-column COL    wide exports as DATA: the column with the respondent code\n"
	"      --cutoff DATE      write only the replies received by DATE, as quire tab\n"
	"                         counts them (valid, complete, from members)\n"
	"      --roster FILE      write only the replies from members of the roster on\n"
	"                         the cut-off date; with either option the replies left\n"
	"                         out are named with the reason\n"
	"  -h, --help             show this help\n");

/* A reply left out of an export of the analysis set, said on standard error. */
static void note_left_out(const struct resp_reply *r, enum analysis_reason reason)
{
	if (reason == ANALYSIS_INVALID)
		return;	/* the validator has said why */
	/*
	 * TRANSLATORS: %s is a respondent's code, then why the reply is left
	 * out, a code kept as it is (late, not_on_roster, not_member, incomplete).
	 */
	resp_warn_at(r, r->row, "the reply of '%s' is left out (%s)", r->meta[RESP_RESPONDENT],
		    analysis_reason_name(reason));
}

static int export(const struct form *form, char *const *data, int n, const char *output,
		  const struct wide_write_options *wopt, const struct source_options *sopt,
		  struct analysis *a)
{
	struct source *src = source_open(form, data, n, sopt);
	if (!src)
		return EXIT_DATA;
	struct atomic_file *out = atomic_open(output);
	if (!out) {
		source_close(src);
		return EXIT_DATA;
	}
	struct wide_writer *w = wide_writer_new(form, atomic_stream(out), wopt);
	struct resp_eval *ev = resp_eval_new(form);
	struct resp_reply *reply;
	int problems = 0, rc;
	while ((rc = source_next(src, &reply, &problems)) == 1) {
		if (a) {
			enum analysis_reason reason = analysis_add(a, reply);
			if (reason != ANALYSIS_INCLUDED) {
				note_left_out(reply, reason);
				continue;
			}
		}
		wide_writer_add(w, reply, ev);
		problems += resp_eval_report(ev, reply);
	}
	if (a)
		problems += a->problems;
	resp_eval_free(ev);
	source_close(src);
	bool written = wide_writer_finish(w);
	if (rc < 0 || problems) {
		atomic_abort(out);
		return EXIT_DATA;
	}
	/* A write error is on the stream, where atomic_commit() reports it. */
	return atomic_commit(out) == 0 && written ? EXIT_OK : EXIT_DATA;
}

int cmd_export(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "labels", no_argument, NULL, 'L' },
		{ "lang", required_argument, NULL, 'l' },
		{ "keep-formulas", no_argument, NULL, 'k' },
		{ "id-column", required_argument, NULL, 'i' },
		{ "cutoff", required_argument, NULL, 'c' },
		{ "roster", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = "-", *lang_arg = NULL, *roster_path = NULL;
	int cutoff = INT_MAX;
	struct wide_write_options wopt = { false, 0, false };
	struct source_options sopt = { NULL, false, NULL };
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
		switch (opt) {
		case 'o': output = optarg; break;
		case 'L': wopt.labels = true; break;
		case 'l': lang_arg = optarg; break;
		case 'k': wopt.keep_formulas = true; break;
		case 'i': sopt.id_column = optarg; break;
		case 'r': roster_path = optarg; break;
		case 'c':
			if (!cli_date(optarg, "--cutoff", "export", &cutoff))
				return EXIT_USAGE;
			break;
		default: return cli_common_option(opt, "export", usage);
		}
	}
	if (argc - optind < 2)
		/* Each marked: of a ?: argument, xgettext takes only the first. */
		return cli_usage_error("export",
				       argc - optind ? N_("missing DATA") : N_("missing FORM"));
	if (isodate_now(NULL) != 0)	/* an invalid SOURCE_DATE_EPOCH */
		return EXIT_DATA;
	struct form *form = form_load(argv[optind]);
	if (!form)
		return EXIT_DATA;
	int status = EXIT_USAGE;
	struct roster *roster = NULL;
	struct analysis *a = NULL;	/* with a roster or cut-off: the analysis set only */
	if ((wopt.lang = cli_lang(form, lang_arg, "export")) < 0)
		goto done;
	status = EXIT_DATA;
	if (roster_path && !(roster = roster_load(roster_path)))
		goto done;
	if (roster || cutoff != INT_MAX) {
		struct analysis_options aopt = { roster, cutoff, wopt.lang, false, NULL };
		a = analysis_new(form, &aopt);
		sopt.require_id = true;
	}
	status = export(form, argv + optind + 1, argc - optind - 1, output, &wopt, &sopt, a);
done:
	analysis_free(a);
	roster_free(roster);
	form_free(form);
	return status;
}
