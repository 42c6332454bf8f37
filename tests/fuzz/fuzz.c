/* fuzz.c - what the libFuzzer harnesses share: quiet messages, scratch files, a form */
#include <config.h>
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "form.h"
#include "msg.h"

static GString *sink;
static char *dir;
static struct form *form;

/*
 * The questions of tests/data/forms/mini, and one of every other kind a
 * reply can answer: rank, decimal, range, time, dateTime, an or_other
 * select, a geopoint, a nested group with its own relevant, a required
 * expression and a jr:choice-name() calculation.
 */
static const char fuzz_form_text[] =
	"survey,type,name,label,label::French (fr),relevant,constraint,constraint_message,"
	"required,calculation,parameters\n"
	",begin group,law,Domestic law,Droit interne,,,,,,\n"
	",select_one yn,has_law,Has a law?,Une loi ?,,,,yes,,\n"
	",integer,law_year,Year,Année,${has_law} = 'yes',. >= 1970 and . <= 2019,"
	"Give a year between 1970 and 2019,,,\n"
	",select_multiple offences,offences,Offences,Infractions,${has_law} = 'yes',"
	"\"not(selected(., 'none') and count-selected(.) > 1)\",'None' excludes others,,,\n"
	",begin group,detail,Detail,Détail,count-selected(${offences}) > 1,,,,,\n"
	",rank offences,ranking,Rank them,Classez,,,,,,\n"
	",decimal,share,Share,Part,,. >= 0 and . <= 1,,,,\n"
	",end group,,,,,,,,,\n"
	",end group,,,,,,,,,\n"
	",begin group,coop,Cooperation,Coopération,,,,,,\n"
	",select_one treaty or_other,budapest,Budapest,Budapest,,,,,,\n"
	",range,confidence,Confidence,Confiance,,,,,,start=1 end=5 step=1\n"
	",date,reply_date,Date,Date,,. <= today(),,,,\n"
	",time,reply_time,Time,Heure,,,,,,\n"
	",dateTime,received,Received,Reçu,,,,,,\n"
	",geopoint,where,Where,Où,,,,,,\n"
	",text,comments,Comments,Commentaires,,\"regex(., '^[^<>]*$')\",,"
	"${budapest} = 'party',,\n"
	",calculate,is_party,,,,,,,"
	"\"if(${budapest} = 'party' and ${has_law} = 'yes', 'yes', 'no')\",\n"
	",calculate,treaty_name,,,,,,,\"jr:choice-name(${budapest}, '${budapest}')\",\n"
	",calculate,label,,,,,,,\"concat(${law_year}, '-', format-date(${reply_date}, '%Y %b'))\",\n"
	",note,thanks,Thank you,Merci,,,,,,\n"
	",end group,,,,,,,,,\n"
	"choices,list_name,name,label,label::French (fr)\n"
	",yn,yes,Yes,Oui\n"
	",yn,no,No,Non\n"
	",offences,illegal_access,Illegal access,Accès illégal\n"
	",offences,interception,Illegal interception,Interception illégale\n"
	",offences,none,None of these,Aucune\n"
	",treaty,party,Party,Partie\n"
	",treaty,signed,Signed only,Signataire\n"
	",treaty,no,Not a party,Non partie\n"
	"settings,form_title,form_id,version,default_language\n"
	",Fuzz questionnaire,fuzz,2019050101,English (en)\n";

static void remove_dir(void)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;
	while (d && (name = g_dir_read_name(d))) {
		char *path = g_build_filename(dir, name, NULL);
		g_remove(path);
		g_free(path);
	}
	if (d)
		g_dir_close(d);
	g_rmdir(dir);
	g_free(dir);
	g_string_free(sink, TRUE);
	form_free(form);
}

void fuzz_init(void)
{
	if (sink)
		return;
	sink = g_string_new(NULL);
	msg_capture(sink);
	/* /dev/shm keeps the many small writes off the disk where it exists. */
	const char *base = g_file_test("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir();
	dir = g_build_filename(base, "quire-fuzz-XXXXXX", NULL);
	if (!g_mkdtemp(dir)) {
		perror(dir);
		abort();
	}
	atexit(remove_dir);
}

void fuzz_quiet(void)
{
	g_string_truncate(sink, 0);
	msg_reset();
}

const char *fuzz_dir(void)
{
	return dir;
}

char *fuzz_write(const char *name, const void *data, size_t size)
{
	char *path = g_build_filename(dir, name, NULL);
	FILE *fp = fopen(path, "wb");
	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0) {
		perror(path);
		abort();
	}
	return path;
}

const struct form *fuzz_form(void)
{
	if (form)
		return form;
	fuzz_init();
	char *path = fuzz_write("form.csv", fuzz_form_text, sizeof fuzz_form_text - 1);
	form = form_load(path);
	if (!form) {
		fprintf(stderr, "the fuzz form does not load:\n%s", sink->str);
		abort();
	}
	g_free(path);
	return form;
}

void fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: property broken: %s\n", file, line, what);
	if (sink && sink->len)
		fprintf(stderr, "messages:\n%s", sink->str);
	abort();
}
