/*
 * draft: the <log>.concept file with unsaved reflection text, read with
 * csvfile and written whole with path_write_atomic.
 */
#include "draft.h"
#include "buf.h"
#include "csvfile.h"
#include "mem.h"
#include "path.h"
#include "text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DRAFT_HEAD "klantcoach-concept,1\nsleutel,tekst\n"
#define DRAFT_PAGE_KEY "pagina"

void draft_init(struct draft *d, const char *logpath)
{
	struct buf b = {0};

	memset(d, 0, sizeof *d);
	buf_printf(&b, "%s.concept", logpath);
	d->path = buf_take(&b);
}

static struct draft_item *find(const struct draft *d, const char *key)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->v[i].key, key) == 0)
			return &d->v[i];
	return NULL;
}

const char *draft_get(const struct draft *d, const char *key)
{
	const struct draft_item *it = find(d, key);

	return it ? it->text : NULL;
}

static void drop(struct draft *d, struct draft_item *it)
{
	free(it->key);
	free(it->text);
	*it = d->v[--d->n];
}

void draft_put(struct draft *d, const char *key, const char *text)
{
	struct draft_item *it = find(d, key);

	if (it && text && strcmp(it->text, text) == 0)
		return;
	if (it == NULL && text == NULL)
		return;
	d->dirty = 1;
	if (text == NULL) {
		drop(d, it);
	} else if (it) {
		free(it->text);
		it->text = mem_strdup(text);
	} else {
		MEM_GROW(d->v, d->cap, d->n + 1);
		d->v[d->n].key = mem_strdup(key);
		d->v[d->n++].text = mem_strdup(text);
	}
}

void draft_set_page(struct draft *d, int page)
{
	if (page != d->page && page >= 0 && page <= DRAFT_MAX_PAGE) {
		d->page = page;
		d->dirty = 1;
	}
}

int draft_save(struct draft *d)
{
	struct buf b = {0};
	size_t i;
	int rc;

	if (!d->dirty)
		return 0;
	buf_printf(&b, DRAFT_HEAD DRAFT_PAGE_KEY ",%d\n", d->page);
	for (i = 0; i < d->n; i++) {
		csvfile_field(&b, d->v[i].key);
		buf_addc(&b, ',');
		csvfile_field(&b, d->v[i].text);
		buf_addc(&b, '\n');
	}
	rc = path_write_atomic(d->path, b.s, b.len);
	if (rc == 0)
		d->dirty = 0;
	buf_free(&b);
	return rc;
}

struct reader {
	struct draft *d;
	struct diag *dg;
	int rec;		/* records seen: 1 and 2 are the headers */
};

/* Check one data row; NULL when it is fine, else what is wrong. */
static const char *bad_row(char **f, size_t n, int *page)
{
	char *end;
	long v;

	if (n != 2 || *f[0] == '\0')
		return "verwacht sleutel,tekst";
	if (!text_valid(f[1], strlen(f[1])))
		return "tekst is geen geldige UTF-8";
	if (strcmp(f[0], DRAFT_PAGE_KEY) != 0)
		return NULL;
	errno = 0;
	v = strtol(f[1], &end, 10);
	if (*f[1] == '\0' || *end || errno || v < 0 || v > DRAFT_MAX_PAGE)
		return "pagina moet een getal van 0 tot 99 zijn";
	*page = (int)v;
	return NULL;
}

static int pair_is(char **f, size_t n, const char *a, const char *b)
{
	return n == 2 && strcmp(f[0], a) == 0 && strcmp(f[1], b) == 0;
}

static int on_row(void *ctx, int line, char **f, size_t n)
{
	struct reader *r = ctx;
	const char *why = NULL;
	int page = -1;

	if (++r->rec == 1)
		why = pair_is(f, n, "klantcoach-concept", "1") ? NULL
		      : "geen klantcoach-concept,1";
	else if (r->rec == 2)
		why = pair_is(f, n, "sleutel", "tekst") ? NULL
		      : "verwacht sleutel,tekst";
	else
		why = bad_row(f, n, &page);
	if (why) {
		diag_add(r->dg, DIAG_ERROR, r->d->path, line, "%s", why);
		return -1;
	}
	if (page >= 0)
		r->d->page = page;
	else if (r->rec > 2)
		draft_put(r->d, f[0], f[1]);
	return 0;
}

/* Move an unreadable draft aside, so that a later save cannot overwrite
 * it, and say so with the reason found in why. */
static void set_aside(const char *path, const struct diag *why, struct diag *dg)
{
	struct buf to = {0};
	const struct diag_item *it = why->n ? &why->v[0] : NULL;
	const char *reason = it ? it->msg : "leeg bestand";

	buf_printf(&to, "%s.onleesbaar", path);
	if (rename(path, to.s) == 0)
		diag_add(dg, DIAG_WARNING, path, it ? it->line : 0,
			 "concept onleesbaar (%s); bewaard als %s", reason,
			 strrchr(to.s, '/') ? strrchr(to.s, '/') + 1 : to.s);
	else
		diag_add(dg, DIAG_WARNING, path, it ? it->line : 0,
			 "concept onleesbaar (%s) en niet te verplaatsen: %s",
			 reason, strerror(errno));
	buf_free(&to);
}

int draft_load(struct draft *d, const char *logpath, struct diag *dg)
{
	struct diag why = {0};
	struct reader r = {d, &why, 0};
	int rc = 0;

	draft_init(d, logpath);
	if (access(d->path, F_OK) != 0)
		return 0;
	if (csvfile_read(d->path, on_row, &r, &why, 0) != 0 || r.rec < 2) {
		set_aside(d->path, &why, dg);
		draft_free(d);
		draft_init(d, logpath);
		rc = -1;
	}
	d->dirty = 0;
	diag_free(&why);
	return rc;
}

static void clear(struct draft *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].key);
		free(d->v[i].text);
	}
	d->n = 0;
	d->page = 0;
	d->dirty = 0;
}

int draft_remove(struct draft *d)
{
	clear(d);
	if (d->path == NULL)
		return 0;
	if (unlink(d->path) != 0)
		return errno == ENOENT ? 0 : -1;
	return path_sync_parent(d->path);
}

void draft_free(struct draft *d)
{
	clear(d);
	free(d->v);
	free(d->path);
	memset(d, 0, sizeof *d);
}
