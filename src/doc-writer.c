/* doc-writer.c - which writer a document's output path asks for */
#include <config.h>
#include "doc.h"

#include <glib.h>
#include <string.h>
#include <sys/stat.h>

doc_write_fn doc_writer_for(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	if (dot && !strchr(dot, '/') && g_ascii_strcasecmp(dot, ".pdf") == 0)
		return doc_write_pdf;
	if (dot && !strchr(dot, '/') && g_ascii_strcasecmp(dot, ".docx") == 0)
		return doc_write_docx;
	/* standard output, /dev/null, a pipe: no name to go by; PDF, as ever */
	struct stat st;
	if (path && (strcmp(path, "-") == 0 || (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
						  !S_ISDIR(st.st_mode))))
		return doc_write_pdf;
	return NULL;
}
