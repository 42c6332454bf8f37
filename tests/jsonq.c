/* jsonq.c - print values from a JSON document, for shell tests (a tiny jq) */
#include <config.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

/*
 * Usage: jsonq FILE PATH...
 *
 * Prints the value at each PATH on its own line: numbers as %.17g (so
 * tests compare them as written by quire), strings raw, null as "null",
 * arrays and objects as compact JSON.  A PATH is a dot-separated list of
 * steps: an object key ("respondents"), an array index ("[0]"), or a
 * selection "[KEY=VALUE]" that picks the first array element whose KEY is
 * the string VALUE ("questions[name=law_status]").  FILE "-" is standard
 * input.  Exit status 1 when a path does not resolve.
 */

static json_t *select_element(json_t *array, const char *sel)
{
	const char *eq = strchr(sel, '=');
	if (!json_is_array(array))
		return NULL;
	if (!eq)
		return json_array_get(array, strtoul(sel, NULL, 10));
	char *key = g_strndup(sel, (gsize)(eq - sel));
	size_t i;
	json_t *item, *found = NULL;
	json_array_foreach(array, i, item) {
		json_t *v = json_object_get(item, key);
		if (json_is_string(v) && strcmp(json_string_value(v), eq + 1) == 0) {
			found = item;
			break;
		}
	}
	g_free(key);
	return found;
}

/* Follows one step "key", "key[sel]" or "[sel]". */
static json_t *step(json_t *v, const char *s)
{
	char *copy = g_strdup(s);
	char *bracket = strchr(copy, '[');
	if (bracket)
		*bracket = '\0';
	if (*copy)
		v = json_is_object(v) ? json_object_get(v, copy) : NULL;
	for (char *b = bracket; v && b; b = strchr(b + 1, '[')) {
		char *close = strchr(b + 1, ']');
		if (!close) {
			v = NULL;
			break;
		}
		char *sel = g_strndup(b + 1, (gsize)(close - b - 1));
		v = select_element(v, sel);
		g_free(sel);
	}
	g_free(copy);
	return v;
}

static void print(json_t *v)
{
	if (json_is_string(v)) {
		puts(json_string_value(v));
	} else if (json_is_number(v)) {
		printf("%.17g\n", json_number_value(v));
	} else {
		char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));
		puts(s);
		free(s);
	}
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: jsonq FILE PATH...\n");
		return 2;
	}
	json_error_t err;
	json_t *root = strcmp(argv[1], "-") == 0 ? json_loadf(stdin, 0, &err)
						 : json_load_file(argv[1], 0, &err);
	if (!root) {
		fprintf(stderr, "jsonq: %s:%d: %s\n", argv[1], err.line, err.text);
		return 1;
	}
	int status = 0;
	for (int a = 2; a < argc; a++) {
		json_t *v = root;
		char **steps = g_strsplit(argv[a], ".", -1);
		for (char **s = steps; v && *s; s++)
			v = step(v, *s);
		g_strfreev(steps);
		if (!v) {
			fprintf(stderr, "jsonq: no value at %s\n", argv[a]);
			status = 1;
			continue;
		}
		print(v);
	}
	json_decref(root);
	return status;
}
