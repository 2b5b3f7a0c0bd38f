/*
 * diag: problem lists with file:line positions. Messages are stored as
 * given and made inert for a terminal when formatted: file names and
 * values quoted from files can hold escape sequences.
 */
#include "diag.h"
#include "buf.h"
#include "mem.h"
#include "text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_vadd(struct diag *d, enum diag_sev sev, const char *file, int line,
	       const char *fmt, va_list ap)
{
	struct buf b = {0};
	struct diag_item *it;

	buf_vprintf(&b, fmt, ap);
	MEM_GROW(d->v, d->cap, d->n + 1);
	it = &d->v[d->n++];
	it->file = mem_strdup(file);
	it->line = line;
	it->sev = sev;
	it->msg = buf_take(&b);
}

void diag_add(struct diag *d, enum diag_sev sev, const char *file, int line,
	      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(d, sev, file, line, fmt, ap);
	va_end(ap);
}

size_t diag_count(const struct diag *d, enum diag_sev sev)
{
	size_t i, n = 0;

	for (i = 0; i < d->n; i++)
		n += d->v[i].sev == sev;
	return n;
}

/* Stable insertion sort: lists are short and order of equal keys matters. */
void diag_sort(struct diag *d)
{
	size_t i, j;

	for (i = 1; i < d->n; i++) {
		struct diag_item t = d->v[i];
		for (j = i; j > 0; j--) {
			const struct diag_item *p = &d->v[j - 1];
			int c = strcmp(p->file ? p->file : "", t.file ? t.file : "");
			if (c < 0 || (c == 0 && p->line <= t.line))
				break;
			d->v[j] = d->v[j - 1];
		}
		d->v[j] = t;
	}
}

char *diag_format(const struct diag_item *it)
{
	struct buf b = {0};
	const char *what = it->sev == DIAG_ERROR ? "fout" : "waarschuwing";
	char *s;

	if (it->file && it->line > 0)
		buf_printf(&b, "%s:%d: ", it->file, it->line);
	else if (it->file)
		buf_printf(&b, "%s: ", it->file);
	buf_printf(&b, "%s: %s", what, it->msg);
	s = text_sanitize(b.s, b.len, 0);
	buf_free(&b);
	return s;
}

void diag_print(const struct diag *d, FILE *fp, int strict)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		struct diag_item it = d->v[i];
		char *s;
		if (strict)
			it.sev = DIAG_ERROR;
		s = diag_format(&it);
		fprintf(fp, "%s\n", s);
		free(s);
	}
}

void diag_free(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}
