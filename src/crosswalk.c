/*
 * crosswalk: reading and validating one crosswalk file. Every problem in
 * a row is reported with its line; the rows are kept only when the whole
 * file is free of errors.
 */
#include "crosswalk.h"
#include "csvfile.h"
#include "mem.h"

#include <stdlib.h>
#include <stdarg.h>
#include <string.h>

struct cwload {
	struct crosswalk *cw;
	const struct framework *from, *to;
	struct diag *d;
	int errors, rows, foreign;
};

static void cw_err(struct cwload *l, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void cw_err(struct cwload *l, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(l->d, DIAG_ERROR, l->cw->path, line, fmt, ap);
	va_end(ap);
	l->errors++;
}

/* 2 for "1", 1 for "0.5", else -1. */
static int weight(const char *s)
{
	if (strcmp(s, "1") == 0)
		return 2;
	return strcmp(s, "0.5") == 0 ? 1 : -1;
}

/* The earlier row for from that clashes with a row to: the same link, or
 * "-" beside a link. */
static const struct cw_link *clash(const struct crosswalk *cw,
				   const char *from, const char *to)
{
	size_t i;
	int none = strcmp(to, "-") == 0;

	for (i = 0; i < cw->n; i++)
		if (strcmp(cw->v[i].from, from) == 0 &&
		    (none || cw->v[i].weight == 0 ||
		     strcmp(cw->v[i].to, to) == 0))
			return &cw->v[i];
	return NULL;
}

/* Check one row's fields; 0 when it can be kept. */
static int row_ok(struct cwload *l, int line, char **f, int w)
{
	const struct cw_link *old;
	int none = strcmp(f[1], "-") == 0;

	if (framework_ind(l->from, f[0]) < 0)
		cw_err(l, line, "onbekende indicator '%s' in %s", f[0],
		       l->from->id);
	else if (!none && framework_ind(l->to, f[1]) < 0)
		cw_err(l, line, "onbekende indicator '%s' in %s", f[1],
		       l->to->id);
	else if (none && *f[2])
		cw_err(l, line, "sterkte '%s' hoort leeg te zijn bij '-' "
		       "(geen match)", f[2]);
	else if (!none && w < 0)
		cw_err(l, line, "sterkte '%s' moet 1 of 0.5 zijn", f[2]);
	else if ((old = clash(l->cw, f[0], f[1])) != NULL && (none ||
							      old->weight == 0))
		cw_err(l, line, "'%s' heeft op regel %d al '-' of een koppeling; "
		       "'-' (geen match) staat alleen", f[0], old->line);
	else if (old != NULL)
		cw_err(l, line, "koppeling van '%s' staat al op regel %d", f[0],
		       old->line);
	else
		return 0;
	return -1;
}

static int row(void *ctx, int line, char **f, size_t n)
{
	struct cwload *l = ctx;
	struct cw_link *k;
	int w;

	if (l->rows++ == 0) {
		l->foreign = n != 4 || strcmp(f[0], "from") ||
			     strcmp(f[1], "to") || strcmp(f[2], "strength") ||
			     strcmp(f[3], "note");
		if (l->foreign)
			cw_err(l, line, "kopregel moet '%s' zijn",
			       "from,to,strength,note");
		return 0;
	}
	if (l->foreign)
		return 0;
	if (n != 4) {
		cw_err(l, line, "verwacht 4 velden (%s)",
		       "from,to,strength,note");
		return 0;
	}
	w = strcmp(f[1], "-") == 0 ? 0 : weight(f[2]);
	if (row_ok(l, line, f, w) != 0)
		return 0;
	MEM_GROW(l->cw->v, l->cw->cap, l->cw->n + 1);
	k = &l->cw->v[l->cw->n++];
	k->from = mem_strdup(f[0]);
	k->to = mem_strdup(f[1]);
	k->weight = w;
	k->line = line;
	return 0;
}

/* A warning for each indicator of the first framework not listed. */
static void unlisted(struct cwload *l)
{
	size_t i, k;

	for (i = 0; i < l->from->ninds; i++) {
		for (k = 0; k < l->cw->n; k++)
			if (strcmp(l->cw->v[k].from, l->from->inds[i].id) == 0)
				break;
		if (k == l->cw->n)
			diag_add(l->d, DIAG_WARNING, l->cw->path, 0,
				 "indicator '%s' ontbreekt (schrijf '-' als er "
				 "geen match is)", l->from->inds[i].id);
	}
}

int crosswalk_load(struct crosswalk *cw, const char *path,
		   const struct framework *from, const struct framework *to,
		   struct diag *d)
{
	struct cwload l = {cw, from, to, d, 0, 0, 0};

	memset(cw, 0, sizeof *cw);
	cw->from = mem_strdup(from->id);
	cw->to = mem_strdup(to->id);
	cw->path = mem_strdup(path);
	if (csvfile_read(path, row, &l, d, 0) != 0)
		return -1;
	if (l.rows == 0)
		cw_err(&l, 0, "leeg bestand; verwacht de kopregel '%s'",
		       "from,to,strength,note");
	if (l.errors == 0)
		unlisted(&l);
	return l.errors ? -1 : 0;
}

int crosswalk_name(const char *base, int (*known)(void *, const char *),
		   void *ctx, char **from, char **to)
{
	size_t len = strlen(base);
	const char *dash;

	*from = *to = NULL;
	if (len <= 4 || strcmp(base + len - 4, ".csv") != 0)
		return -1;
	for (dash = strchr(base, '-'); dash; dash = strchr(dash + 1, '-')) {
		*from = mem_strndup(base, (size_t)(dash - base));
		*to = mem_strndup(dash + 1, len - 4 - (size_t)(dash + 1 - base));
		if (known(ctx, *from) && known(ctx, *to) &&
		    strcmp(*from, *to) != 0)
			return 0;
		free(*from);
		free(*to);
		*from = *to = NULL;
	}
	return -1;
}

void crosswalk_free(struct crosswalk *cw)
{
	size_t i;

	for (i = 0; i < cw->n; i++) {
		free(cw->v[i].from);
		free(cw->v[i].to);
	}
	free(cw->v);
	free(cw->from);
	free(cw->to);
	free(cw->path);
	memset(cw, 0, sizeof *cw);
}
