/* test-chart.c - unit tests for the chart model, its drawing and its files */
#include <config.h>
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "isodate.h"
#include "msg.h"
#include "tap.h"

/*
 * Besides the checks, every chart drawn here is written as a PNG into the
 * directory named by QUIRE_CHART_REVIEW, when it is set, for people to
 * look at: the worst cases are there on purpose.
 */

#define WIDTH 480.0
#define SIXTY "Mutual legal assistance through central authorities (formal)"
#define ARABIC "الاتفاقية العربية لمكافحة جرائم تقنية المعلومات"
#define CHINESE "上海合作组织成员国保障国际信息安全政府间合作协定"
#define FRENCH "Convention de Malabo sur la cybersécurité et la protection des données " \
	"à caractère personnel"

static char *tmpdir;

/* Charts */

static struct chart *bar_chart(size_t n_categories, double base)
{
	static const char *const labels[] = {
		"Yes", SIXTY, ARABIC, CHINESE, FRENCH, "No", "Information not available",
		"Illegal access to a computer system", "Computer-related fraud", "Other acts",
		"Forgery", "Ça n'a pas été précisé",
	};
	static const double counts[] = { 9, 0, 1, 1, 3, 2, 0, 5, 4, 1, 2, 7 };
	struct chart *c = chart_new(CHART_BAR);
	chart_set_title(c, "2.4 Which of the following acts are criminal offences under your "
		       "domestic law? (twelve choices, one long, two in other scripts)");
	chart_set_base(c, "n = 9 replying States");
	chart_set_note(c, "States could choose more than one answer, so shares may sum past 100%.");
	chart_add_series(c, NULL, base);
	for (size_t k = 0; k < n_categories; k++) {
		chart_add_category(c, labels[k % G_N_ELEMENTS(labels)]);
		chart_set_value(c, 0, k, MIN(counts[k % G_N_ELEMENTS(counts)], base));
	}
	return c;
}

static struct chart *crossed_chart(enum chart_type type, size_t n_categories)
{
	static const char *const cats[] = {
		"Yes: a dedicated law on cybercrime has been enacted", "Amended", ARABIC, "No",
		CHINESE, "Information not available", SIXTY, "Other",
		"Interception", "Forgery", "Fraud", "Grooming",
	};
	static const char *const groups[] = { "Asia", "Africa", "Observers" };
	static const double cells[3][12] = {
		{ 14, 1, 1, 0, 2, 1, 3, 0, 2, 4, 1, 1 },
		{ 1, 2, 0, 1, 0, 0, 1, 1, 0, 1, 2, 0 },
		{ 0 },
	};
	struct chart *c = chart_new(type);
	chart_set_title(c, "Has your State formulated or amended domestic law specifically "
		       "addressing cybercrime?");
	chart_set_base(c, "n = 24 replying States, by region");
	for (size_t k = 0; k < n_categories; k++)
		chart_add_category(c, cats[k]);
	for (size_t s = 0; s < 3; s++) {
		double n = 0;
		for (size_t k = 0; k < n_categories; k++)
			n += cells[s][k];
		chart_add_series(c, groups[s], n);
		for (size_t k = 0; k < n_categories; k++)
			chart_set_value(c, s, k, cells[s][k]);
	}
	return c;
}

static struct chart *pie_chart(enum chart_type type)
{
	static const char *const labels[] = { "Very useful", SIXTY, ARABIC, CHINESE, "Not useful",
					      "No experience" };
	static const double counts[] = { 4, 1, 1, 2, 0, 1 };
	struct chart *c = chart_new(type);
	chart_set_title(c, "How useful has cooperation with the private sector been?");
	chart_set_base(c, "n = 9 replying States");
	chart_add_series(c, NULL, 9);
	for (size_t k = 0; k < G_N_ELEMENTS(labels); k++) {
		chart_add_category(c, labels[k]);
		chart_set_value(c, 0, k, counts[k]);
	}
	return c;
}

/* One category of n = 1 at 100%, the others at 0. */
static struct chart *single_chart(enum chart_type type)
{
	struct chart *c = chart_new(type);
	chart_set_title(c, "Does your State need technical assistance? (one reply)");
	chart_set_base(c, "n = 1 replying State");
	chart_set_label(c, CHART_LABEL_PERCENT);
	chart_add_series(c, NULL, 1);
	chart_add_category(c, "Yes");
	chart_add_category(c, "No");
	chart_add_category(c, "Information not available");
	chart_set_value(c, 0, 0, 1);
	return c;
}

static struct chart *numeric_chart(enum chart_type type, int n)
{
	struct chart *c = chart_new(type);
	chart_set_title(c, "Number of requests for mutual legal assistance received in 2016–2018");
	char *base = g_strdup_printf("n = %d States that gave a number", n);
	chart_set_base(c, base);
	g_free(base);
	/* Skewed, with ties: 0 three times, then spread out to 480. */
	for (int i = 0; i < n; i++)
		chart_add_run(c, i < 3 ? 0 : floor(pow(i, 1.8)), 1);
	return c;
}

static struct chart *timeline_chart(int n, bool cutoff)
{
	struct chart *c = chart_new(CHART_TIMELINE);
	chart_set_title(c, "Replies received");
	chart_set_base(c, "n = replies from the 47 States on the roster");
	int start = isodate_from_ymd(2019, 4, 23), cut = isodate_from_ymd(2019, 6, 30);
	for (int i = 0; i < n; i++) {
		int day = start + i * 67 / MAX(n - 1, 1) + (i % 3 == 0 ? 0 : 1);
		chart_add_date(c, day, cutoff && day > cut);
	}
	chart_add_date(c, start, false);	/* two on one day */
	if (cutoff)
		chart_set_cutoff(c, cut);
	return c;
}

/* Rendering */

static bool is_white(const unsigned char *px)
{
	return px[0] == 255 && px[1] == 255 && px[2] == 255;
}

/*
 * Draws C into a rectangle inside a larger white image and checks that
 * the status is fine, that something was drawn, and that nothing spilled
 * out of the rectangle.  Writes the image for review as NAME.png.
 */
static void check_draw(const struct chart *c, const char *name, double w, double h)
{
	const int pad = 20;
	int iw = (int)ceil(w) + 2 * pad, ih = (int)ceil(h) + 2 * pad;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, iw, ih);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_status_t st = chart_draw(c, cr, pad, pad, w, h);
	cairo_surface_flush(s);
	const unsigned char *data = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	long inked = 0, spilled = 0;
	for (int y = 0; y < ih; y++) {
		for (int x = 0; x < iw; x++) {
			if (is_white(data + y * stride + 4 * x))
				continue;
			bool inside = x >= pad && x < pad + ceil(w) && y >= pad &&
				      y < pad + ceil(h);
			inside ? inked++ : spilled++;
		}
	}
	ok(st == CAIRO_STATUS_SUCCESS && inked > 200 && spilled == 0,
	   "%s draws inside its %gx%g box (status %s, %ld inked, %ld outside)", name, w, h,
	   cairo_status_to_string(st), inked, spilled);
	const char *dir = getenv("QUIRE_CHART_REVIEW");
	if (dir && *dir) {
		char *path = g_strdup_printf("%s/%s.png", dir, name);
		chart_write(c, path, w, h);
		g_free(path);
	}
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

static void check_natural(const struct chart *c, const char *name)
{
	double h = chart_natural_height(c, WIDTH);
	ok(h > 60 && h < 2000, "%s: natural height %g", name, h);
	check_draw(c, name, WIDTH, ceil(h));
}

/* Tests */

static void test_model(void)
{
	enum chart_type t;
	ok(chart_type_from_name("donut", &t) && t == CHART_DONUT, "donut is a type");
	ok(!chart_type_from_name("radar", &t), "radar is not");
	for (int i = CHART_BAR; i <= CHART_TIMELINE; i++)
		ok(chart_type_from_name(chart_type_name(i), &t) && (int)t == i, "%s round-trips",
		   chart_type_name(i));

	struct chart *c = bar_chart(3, 9);
	ok(!chart_is_empty(c), "a bar chart with counts is not empty");
	char *d = chart_describe(c);
	ok(strstr(d, "Yes: 9 of 9\n") && strstr(d, SIXTY ": 0 of 9\n") &&
	   strstr(d, ARABIC ": 1 of 9\n") && strstr(d, "n = 9 replying States\n"),
	   "the account lists every category with its count, the zeros too");
	g_free(d);
	chart_set_label(c, CHART_LABEL_PERCENT);
	d = chart_describe(c);
	ok(strstr(d, "Yes: 100%\n") && strstr(d, ARABIC ": 11%\n"), "or with shares");
	g_free(d);
	chart_set_text(c, CHART_TEXT_K_OF_N, "{k} sur {n}");
	chart_set_label(c, CHART_LABEL_COUNT);
	d = chart_describe(c);
	ok(strstr(d, "Yes: 9 sur 9\n") != NULL, "the chart's own words can be replaced");
	g_free(d);
	chart_free(c);
	chart_free(NULL);

	c = chart_new(CHART_BAR);
	chart_add_category(c, "Yes");
	chart_add_series(c, NULL, 0);
	ok(chart_is_empty(c), "a bar chart of zeros is empty");
	chart_free(c);
	c = chart_new(CHART_TIMELINE);
	ok(chart_is_empty(c), "a timeline without dates is empty");
	chart_set_text(c, CHART_TEXT_NO_DATA, "Aucune donnée");
	d = chart_describe(c);
	ok(strstr(d, "Aucune donnée\n") != NULL, "and says so");
	g_free(d);
	chart_free(c);
	c = crossed_chart(CHART_STACKED, 4);
	ok(!chart_is_empty(c), "a stacked chart with one empty group is not empty");
	chart_free(c);
}

static void test_heights(void)
{
	struct chart *three = bar_chart(3, 9), *twelve = bar_chart(12, 9);
	double h3 = chart_natural_height(three, WIDTH), h12 = chart_natural_height(twelve, WIDTH);
	ok(h12 > h3 + 9 * 12, "twelve categories need more height than three (%g > %g)", h12, h3);
	ok(chart_natural_height(twelve, 300) > h12,
	   "a narrower chart wraps its labels and grows taller");
	chart_free(three);
	chart_free(twelve);

	struct chart *a = chart_new(CHART_BAR), *b = chart_new(CHART_BAR);
	chart_add_series(a, NULL, 1);
	chart_add_series(b, NULL, 1);
	chart_add_category(a, "Short");
	chart_add_category(b, SIXTY " " SIXTY " " SIXTY);
	chart_set_value(a, 0, 0, 1);
	chart_set_value(b, 0, 0, 1);
	ok(chart_natural_height(b, WIDTH) > chart_natural_height(a, WIDTH) + 20,
	   "a label that wraps makes its row taller");
	/* Under a document's caption a chart has no title, and a smaller margin above. */
	double bare = chart_natural_height(a, WIDTH);
	chart_set_title(a, "A title");
	double titled = chart_natural_height(a, WIDTH);
	ok(titled - bare > 14 + 8, "without its title a chart loses the title and most of the "
	   "margin above (%g > %g + 22)", titled, bare);
	chart_free(a);
	chart_free(b);
}

/*
 * A window on a bar chart's rows, a part of it on a page: its height is
 * the part's, and the parts' heights add up to the whole with the
 * overhead (margins, title, axis, note) once per part; a chart of any
 * other type has one row.
 */
static void test_window(void)
{
	struct chart *c = bar_chart(12, 9);
	ok(chart_rows(c) == 12, "a bar chart's rows are its categories");
	double whole = chart_natural_height(c, WIDTH);
	chart_set_window(c, 0, 1);
	double first = chart_natural_height(c, WIDTH);
	chart_set_window(c, 1, 2);
	double second = chart_natural_height(c, WIDTH);
	chart_set_window(c, 0, 2);
	double both = chart_natural_height(c, WIDTH);
	double overhead = first + second - both;
	ok(overhead > 20 && first > overhead && second > overhead,
	   "each part has its margins and axis (%g)", overhead);
	double sum = 0;
	for (size_t k = 0; k < 12; k += 4) {
		chart_set_window(c, k, k + 4);
		sum += chart_natural_height(c, WIDTH) - overhead;
	}
	ok(fabs(sum + overhead - whole) < 1e-6,
	   "three parts of four rows add up to the whole (%g + %g = %g)", sum, overhead, whole);
	chart_set_window(c, 0, 0);
	ok(chart_natural_height(c, WIDTH) == whole, "a window of 0, 0 is the whole again");
	chart_set_window(c, 8, 100);
	chart_set_window(c, 8, 12);
	double tail = chart_natural_height(c, WIDTH);
	chart_set_window(c, 8, 100);
	ok(chart_natural_height(c, WIDTH) == tail, "a window past the last row ends at it");
	cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
	cairo_t *cr = cairo_create(s);
	check_int(chart_draw(c, cr, 0, 0, WIDTH, tail), CAIRO_STATUS_SUCCESS);
	double x0, y0, w, h;
	cairo_recording_surface_ink_extents(s, &x0, &y0, &w, &h);
	ok(y0 + h <= tail + 0.5, "a part draws within its own height (%g <= %g)", y0 + h, tail);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	chart_free(c);

	struct chart *pie = chart_new(CHART_PIE);
	chart_add_series(pie, NULL, 9);
	chart_add_category(pie, "Yes");
	chart_add_category(pie, "No");
	ok(chart_rows(pie) == 1, "a pie is never split: one row");
	chart_free(pie);
}

static void test_drawing(void)
{
	struct chart *c;
	c = bar_chart(4, 9);
	check_natural(c, "bar");
	chart_free(c);
	c = bar_chart(12, 9);
	check_natural(c, "bar-12-categories");
	chart_set_label(c, CHART_LABEL_PERCENT);
	check_natural(c, "bar-12-percent");
	/* Given half its height, the chart shrinks whole; given 100 points of width, too. */
	check_draw(c, "bar-squeezed", WIDTH, chart_natural_height(c, WIDTH) / 2);
	check_draw(c, "bar-narrow", 100, chart_natural_height(c, 100));
	chart_free(c);
	c = single_chart(CHART_BAR);
	check_natural(c, "bar-n1");
	chart_free(c);

	c = crossed_chart(CHART_STACKED, 6);
	check_natural(c, "stacked");
	/* Shares too wide for their thin segments go under the bar. */
	chart_set_label(c, CHART_LABEL_PERCENT);
	check_natural(c, "stacked-percent");
	chart_free(c);
	c = crossed_chart(CHART_STACKED, 12);
	check_natural(c, "stacked-12-categories");
	chart_free(c);
	c = crossed_chart(CHART_GROUPED, 12);
	check_natural(c, "grouped-12-categories");
	chart_free(c);

	c = pie_chart(CHART_PIE);
	check_natural(c, "pie");
	chart_free(c);
	c = pie_chart(CHART_DONUT);
	check_natural(c, "donut");
	chart_free(c);
	c = single_chart(CHART_PIE);
	check_natural(c, "pie-n1");
	chart_free(c);
	c = single_chart(CHART_DONUT);
	check_natural(c, "donut-n1");
	chart_free(c);

	c = numeric_chart(CHART_HISTOGRAM, 40);
	check_natural(c, "histogram");
	chart_free(c);
	c = numeric_chart(CHART_DOTPLOT, 24);
	check_natural(c, "dotplot");
	chart_free(c);
	c = numeric_chart(CHART_DOTPLOT, 1);
	check_natural(c, "dotplot-n1");
	chart_free(c);
	c = numeric_chart(CHART_HISTOGRAM, 1);
	check_natural(c, "histogram-n1");
	chart_free(c);

	c = timeline_chart(30, true);
	check_natural(c, "timeline");
	chart_free(c);
	c = timeline_chart(1, true);
	check_natural(c, "timeline-n1");
	chart_free(c);
	c = timeline_chart(11, false);
	check_natural(c, "timeline-no-cutoff");
	chart_free(c);

	c = chart_new(CHART_GROUPED);
	chart_set_title(c, "A question nobody answered");
	chart_set_base(c, "n = 0 of 9 replying States");
	chart_set_note(c, "The question applied to none of the replying States.");
	check_natural(c, "empty");
	chart_free(c);
}

/* A context already in error: chart_draw() reports it and draws nothing. */
static void test_errors_in_drawing(void)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 10, 10);
	cairo_t *cr = cairo_create(s);
	cairo_restore(cr);	/* an unbalanced restore puts cr in error */
	struct chart *c = bar_chart(3, 9);
	check_int(chart_draw(c, cr, 0, 0, WIDTH, 200), CAIRO_STATUS_INVALID_RESTORE);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	chart_free(c);
}

static bool png_size(const char *path, unsigned *w, unsigned *h)
{
	unsigned char head[24];
	FILE *fp = fopen(path, "rb");
	bool ok = fp && fread(head, 1, sizeof head, fp) == sizeof head &&
		  memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(head + 12, "IHDR", 4) == 0;
	if (fp)
		fclose(fp);
	if (ok) {
		*w = (unsigned)head[16] << 24 | head[17] << 16 | head[18] << 8 | head[19];
		*h = (unsigned)head[20] << 24 | head[21] << 16 | head[22] << 8 | head[23];
	}
	return ok;
}

static char *slurp(const char *path, gsize *len)
{
	char *text = NULL;
	if (!g_file_get_contents(path, &text, len, NULL)) {
		*len = 0;
		return g_strdup("");
	}
	return text;
}

static int count_entries(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	int n = 0;
	while (d && g_dir_read_name(d))
		n++;
	if (d)
		g_dir_close(d);
	return n;
}

static void test_files(void)
{
	struct chart *c = bar_chart(4, 9);
	double h = ceil(chart_natural_height(c, WIDTH));

	char *png = g_build_filename(tmpdir, "bar.png", NULL);
	unsigned pw = 0, ph = 0;
	ok(chart_write(c, png, WIDTH, 0) == 0 && png_size(png, &pw, &ph) && pw == 2 * WIDTH &&
	   ph == 2 * h, "a PNG is two pixels a point: %ux%u for %gx%g", pw, ph, WIDTH, h);

	char *svg = g_build_filename(tmpdir, "bar.SVG", NULL);
	ok(chart_write(c, svg, WIDTH, 0) == 0, "an SVG is written");
	gsize len;
	char *text = slurp(svg, &len);
	char *want = g_strdup_printf("width=\"%gpt\" height=\"%gpt\"", WIDTH, h);
	ok(strstr(text, want) != NULL, "the SVG is %gx%g points", WIDTH, h);
	ok(strstr(text, "role=\"img\">\n<title>2.4 Which of the following acts") &&
	   strstr(text, "<desc>") && strstr(text, "Yes: 9 of 9") && strstr(text, ARABIC ": 1 of 9"),
	   "the SVG carries its title and an account of its data as text");
	g_free(want);
	g_free(text);

	/*
	 * No Chinese in this PDF: cairo 1.16 loses 768 bytes subsetting a CFF
	 * font (Noto Sans CJK) into a PDF, which fails the sanitizer build.
	 */
	struct chart *latin = bar_chart(3, 9);
	char *pdf = g_build_filename(tmpdir, "bar.pdf", NULL);
	ok(chart_write(latin, pdf, WIDTH, 300) == 0, "a PDF is written");
	chart_free(latin);
	text = slurp(pdf, &len);
	ok(len > 1000 && g_str_has_prefix(text, "%PDF-") && memmem(text, len, "%%EOF", 5),
	   "a whole PDF");
	g_free(text);

	/* Failures are reported with the file name and leave nothing behind. */
	GString *errors = g_string_new(NULL);
	msg_capture(errors);
	int before = count_entries(tmpdir);
	char *bad = g_build_filename(tmpdir, "chart.jpg", NULL);
	ok(chart_write(c, bad, WIDTH, 0) < 0, "a .jpg is refused");
	char *missing = g_build_filename(tmpdir, "no", "such", "dir.png", NULL);
	ok(chart_write(c, missing, WIDTH, 0) < 0, "a missing directory fails");
	msg_capture(NULL);
	char *want1 = g_strdup_printf("quire:%s: cannot write chart: the name must end in .png, "
				      ".svg or .pdf\n", bad);
	if (!ok(g_str_has_prefix(errors->str, want1), "the error names the file"))
		tap_diag("got: %s", errors->str);
	ok(strstr(errors->str, missing) != NULL, "and so does the missing directory's");
	check_int(count_entries(tmpdir), before);
	g_free(want1);
	g_free(bad);
	g_free(missing);
	g_string_free(errors, TRUE);

	/* A write error (a full disk) is cairo's status, reported with the file. */
	char *full = g_build_filename(tmpdir, "full.png", NULL);
	if (access("/dev/full", W_OK) == 0 && symlink("/dev/full", full) == 0) {
		GString *err = g_string_new(NULL);
		msg_capture(err);
		for (int f = 0; f < 3; f++) {
			static const char *const ext[] = { "png", "svg", "pdf" };
			char *link = g_strdup_printf("%s/full.%s", tmpdir, ext[f]);
			if (f)
				symlink("/dev/full", link);
			g_string_truncate(err, 0);
			int rc = chart_write(c, link, WIDTH, 0);
			char *want_err = g_strdup_printf("quire:%s: ", link);
			if (!ok(rc < 0 && g_str_has_prefix(err->str, want_err),
				"a full disk fails the %s, reported with its name", ext[f]))
				tap_diag("got: %s", err->str);
			g_remove(link);
			g_free(want_err);
			g_free(link);
		}
		msg_capture(NULL);
		g_string_free(err, TRUE);
	} else {
		tap_skip("no /dev/full", "a full disk fails the png, svg and pdf");
	}
	g_free(full);

	/* A good file is not replaced by a failed run. */
	GString *sink = g_string_new(NULL);
	msg_capture(sink);
	ok(chart_write(c, png, 0, 0) < 0, "a width of 0 fails");
	msg_capture(NULL);
	ok(png_size(png, &pw, &ph) && pw == 2 * WIDTH, "and the old PNG is still there");
	g_string_free(sink, TRUE);

	g_remove(png);
	g_remove(svg);
	g_remove(pdf);
	g_free(png);
	g_free(svg);
	g_free(pdf);
	chart_free(c);
}

static void on_map_gone(gpointer gone, GObject *map)
{
	(void)map;
	g_atomic_int_set((gint *)gone, 1);
}

/* Holds a reference to the font map for a while, as Pango's font-sorting threads do. */
static gpointer hold_map(gpointer map)
{
	g_usleep(200 * 1000);
	g_object_unref(map);
	return NULL;
}

static void test_release(void)
{
	PangoFontMap *map = pango_cairo_font_map_get_default();
	gint gone = 0;
	g_object_weak_ref(G_OBJECT(map), on_map_gone, &gone);
	GThread *holder = g_thread_new("holder", hold_map, g_object_ref(map));
	chart_release_caches();
	ok(g_atomic_int_get(&gone), "the font map is freed before chart_release_caches() returns, "
	   "even while another thread holds it for a while");
	g_thread_join(holder);
}

int main(void)
{
	tmpdir = g_dir_make_tmp("quire-chart-XXXXXX", NULL);
	test_model();
	test_heights();
	test_window();
	test_drawing();
	test_errors_in_drawing();
	test_files();
	test_release();
	g_rmdir(tmpdir);
	g_free(tmpdir);
	chart_release_caches();
	return tap_done();
}
