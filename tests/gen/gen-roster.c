/* gen-roster.c - a random roster: members, uneven regions, former and future members, the cut-off */
#include <config.h>
#include "gen.h"

#include <stdio.h>
#include <string.h>

#include "csvio.h"

static const char *const region_names[] = {
	"Asia-Pacific", "Africa", "Eastern Europe", "Latin America, Caribbean",
	"Western Europe and others", "Arab States", "Océanie", "亚洲",
};

static const char *const forms_of_state[] = {
	"Republic of", "Kingdom of", "State of", "Federation of", "Sultanate of",
};

static const char *const syllables[] = {
	"al", "bre", "cor", "dun", "esk", "far", "gal", "hem", "ist", "kor", "lun", "mar", "nor",
	"osh", "pel", "quar", "ros", "sel", "tar", "ven",
};

bool gen_is_member(const struct gen_member *m, int day)
{
	return (!m->from || m->from <= day) && (!m->to || day <= m->to);
}

const struct gen_member *gen_member_find(const struct gen *g, const char *code)
{
	for (guint i = 0; i < g->members->len; i++) {
		const struct gen_member *m = g_ptr_array_index(g->members, i);
		if (strcmp(m->code, code) == 0)
			return m;
	}
	return NULL;
}

static char *state_name(struct gen *g)
{
	GString *s = g_string_new(forms_of_state[gen_int(g, 0, G_N_ELEMENTS(forms_of_state) - 1)]);
	g_string_append_c(s, ' ');
	int n = gen_int(g, 2, 3);
	for (int k = 0; k < n; k++)
		g_string_append(s, syllables[gen_int(g, 0, G_N_ELEMENTS(syllables) - 1)]);
	char *p = strrchr(s->str, ' ') + 1;
	*p = g_ascii_toupper(*p);
	return g_string_free(s, FALSE);
}

/* N region sizes summing to TOTAL: one or two large regions, often some of one or two States. */
static int *region_sizes(struct gen *g, int n, int total)
{
	int *sizes = g_new0(int, n);
	int left = total;
	for (int k = 1; k < n && left > n; k++) {
		sizes[k] = gen_chance(g, 0.5) ? gen_int(g, 1, 2) : gen_int(g, 1, MAX(1, left / n));
		left -= sizes[k];
	}
	sizes[0] = left;
	for (int k = 1; k < n; k++)
		if (sizes[k] == 0) {	/* too few members: borrow from the first region */
			sizes[k] = 1;
			sizes[0]--;
		}
	return sizes;
}

static struct gen_member *member_new(struct gen *g, const char *code, const char *region)
{
	struct gen_member *m = g_new0(struct gen_member, 1);
	m->code = g_strdup(code);
	m->name = state_name(g);
	m->region = g_strdup(region);
	return m;
}

/* Membership on the cut-off date, sometimes bounded, with the bounds on or next to it. */
static void current_dates(struct gen *g, struct gen_member *m)
{
	if (gen_chance(g, 0.15))
		m->from = gen_chance(g, 0.3) ? g->cutoff : g->cutoff - gen_int(g, 1, 3000);
	if (gen_chance(g, 0.1))
		m->to = gen_chance(g, 0.3) ? g->cutoff : g->cutoff + gen_int(g, 1, 3000);
}

/* A member before the cut-off (membership ended) or after it (joined later). */
static void other_dates(struct gen *g, struct gen_member *m)
{
	if (gen_chance(g, 0.5)) {
		m->to = gen_chance(g, 0.3) ? g->cutoff - 1 : g->cutoff - gen_int(g, 1, 2000);
		m->from = gen_chance(g, 0.5) ? m->to - gen_int(g, 100, 3000) : 0;
	} else {
		m->from = gen_chance(g, 0.3) ? g->cutoff + 1 : g->cutoff + gen_int(g, 1, 2000);
	}
}

const char *gen_fresh_code(struct gen *g)
{
	char code[4];
	do
		g_snprintf(code, sizeof code, "X%c%c", 'A' + gen_int(g, 0, 25), 'A' + gen_int(g, 0, 25));
	while (g_hash_table_contains(g->codes, code));
	char *copy = g_strdup(code);
	g_hash_table_add(g->codes, copy);
	return copy;
}

static void shuffle(struct gen *g, GPtrArray *a)
{
	for (guint i = a->len; i > 1; i--) {
		guint j = (guint)gen_int(g, 0, (int)i - 1);
		gpointer t = a->pdata[i - 1];
		a->pdata[i - 1] = a->pdata[j];
		a->pdata[j] = t;
	}
}

static void draw_regions(struct gen *g)
{
	int n = gen_int(g, 2, 6);
	GPtrArray *pool = g_ptr_array_new();
	for (guint i = 0; i < G_N_ELEMENTS(region_names); i++)
		g_ptr_array_add(pool, (gpointer)region_names[i]);
	shuffle(g, pool);
	for (int k = 0; k < n; k++)
		g_ptr_array_add(g->regions, g_strdup(g_ptr_array_index(pool, k)));
	g_ptr_array_free(pool, TRUE);
}

void gen_roster_draw(struct gen *g)
{
	GDate d;
	g_date_clear(&d, 1);
	g_date_set_dmy(&d, 1, 1, 2018);
	g->cutoff = (int)g_date_get_julian(&d) + gen_int(g, 0, 6 * 365);
	draw_regions(g);
	int current = gen_chance(g, 0.2) ? gen_int(g, 100, 193) : gen_int(g, 5, 60);
	int n_regions = (int)g->regions->len;
	if (current < n_regions)
		current = n_regions;
	int *sizes = region_sizes(g, n_regions, current);
	for (int k = 0; k < n_regions; k++)
		for (int i = 0; i < sizes[k]; i++) {
			const char *code = gen_fresh_code(g);
			/* Now and then a member without a region: it falls in no column. */
			const char *region = gen_chance(g, 0.02) ? "" : g_ptr_array_index(g->regions, k);
			struct gen_member *m = member_new(g, code, region);
			current_dates(g, m);
			g_ptr_array_add(g->members, m);
		}
	int others = g->plain ? gen_int(g, 0, 2) : gen_int(g, 1, 6);
	for (int i = 0; i < others; i++) {
		const char *code = gen_fresh_code(g);
		/* A former member may be the only one of its region: no column then. */
		const char *region = gen_chance(g, 0.2) ? "Former group"
							: g_ptr_array_index(g->regions,
									    gen_int(g, 0, n_regions - 1));
		struct gen_member *m = member_new(g, code, region);
		other_dates(g, m);
		g_ptr_array_add(g->members, m);
	}
	shuffle(g, g->members);
	g_free(sizes);
}

static void write_date(struct csvio_writer *w, int day)
{
	char *s = day ? gen_day_string(day) : g_strdup("");
	csvio_write_field(w, s);
	g_free(s);
}

static bool write_roster(const struct gen *g, FILE *fp)
{
	struct csvio_writer w;
	csvio_writer_init(&w, fp);
	fputs("# Fictional Member States drawn by quire-gen\n", fp);
	const char *header[] = { "code", "name", "region", "member_from", "member_to" };
	for (guint i = 0; i < G_N_ELEMENTS(header); i++)
		csvio_write_field(&w, header[i]);
	csvio_end_record(&w);
	for (guint i = 0; i < g->members->len; i++) {
		const struct gen_member *m = g_ptr_array_index(g->members, i);
		csvio_write_field(&w, m->code);
		csvio_write_field(&w, m->name);
		csvio_write_field(&w, m->region);
		write_date(&w, m->from);
		write_date(&w, m->to);
		csvio_end_record(&w);
	}
	return !csvio_writer_error(&w);
}

bool gen_roster_write(const struct gen *g, const char *outdir)
{
	char *path = g_build_filename(outdir, "roster.csv", NULL);
	FILE *fp = fopen(path, "w");
	bool ok = fp && write_roster(g, fp);
	ok &= fp && fclose(fp) == 0;
	char *cutoff_path = g_build_filename(outdir, "cutoff", NULL);
	char *day = gen_day_string(g->cutoff);
	char *line = g_strconcat(day, "\n", NULL);
	ok = ok && g_file_set_contents(cutoff_path, line, -1, NULL);
	if (!ok)
		fprintf(stderr, "quire-gen: cannot write %s or %s\n", path, cutoff_path);
	g_free(line);
	g_free(day);
	g_free(cutoff_path);
	g_free(path);
	return ok;
}
