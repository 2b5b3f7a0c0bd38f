/*
 * sessionlist: one streaming pass per log with sessionlog_read; only the
 * summary is kept, never the events. Summaries of logs that did not change
 * are taken from a cache in the folder (sessioncache), so a folder of
 * thousands of sessions costs one stat per log; lock and feedback files
 * are looked up in the folder's listing instead of asked for per log.
 */
#include "sessionlist.h"
#include "buf.h"
#include "feedback.h"
#include "lock.h"
#include "mem.h"
#include "path.h"
#include "sessioncache.h"
#include "sessionlog.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct summary {
	struct sessionlist_item *it;
	struct sessionlog_meta meta;
};

static int summarise(void *ctx, const struct sessionlog_event *ev)
{
	struct summary *s = ctx;
	struct sessionlist_item *it = s->it;

	sessionlog_meta_event(&s->meta, ev);
	if (ev->type == SL_END) {
		free(it->ending);
		it->ending = mem_strdup(ev->value);
	}
	it->nchoices += ev->type == SL_CHOICE;
	it->nchoices -= ev->type == SL_UNDO;
	it->finished |= ev->type == SL_END;
	it->done |= ev->type == SL_DONE;
	it->stopped |= sessionlog_is_stop(ev);
	return 0;
}

/* Move the fields the list shows from the log's meta into it; free m. */
static void take_meta(struct sessionlist_item *it, struct sessionlog_meta *m)
{
	it->scenario = m->scenario;
	it->trainee = m->trainee;
	it->mode = m->mode;
	it->started = m->started;
	m->scenario = m->trainee = m->mode = m->started = NULL;
	sessionlog_meta_free(m);
}

static int newest_first(const void *a, const void *b)
{
	const struct sessionlist_item *x = a, *y = b;
	int c = strcmp(y->started ? y->started : "", x->started ? x->started : "");

	return c ? c : strcmp(y->id, x->id);
}

/* The names in a folder: logs in the order read, and the lock and
 * feedback files beside them sorted, to look those up. */
struct names {
	char **v, **side;
	size_t n, cap, nside, capside;
};

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int listed(const struct names *nm, const char *name)
{
	return nm->nside &&
	       bsearch(&name, nm->side, nm->nside, sizeof *nm->side, cmp_name);
}

static int ends_in(const char *s, size_t n, const char *tail)
{
	size_t k = strlen(tail);

	return n > k && strcmp(s + n - k, tail) == 0;
}

static int list_names(struct names *nm, const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;

	memset(nm, 0, sizeof *nm);
	if (dp == NULL)
		return -1;
	while ((e = readdir(dp)) != NULL) {
		const char *s = e->d_name;
		size_t n = strlen(s);
		if (ends_in(s, n, ".feedback.csv") || (s[0] == '.' && ends_in(s, n, ".lock"))) {
			MEM_GROW(nm->side, nm->capside, nm->nside + 1);
			nm->side[nm->nside++] = mem_strdup(s);
		} else if (s[0] != '.' && ends_in(s, n, ".csv")) {
			MEM_GROW(nm->v, nm->cap, nm->n + 1);
			nm->v[nm->n++] = mem_strdup(s);
		}
	}
	closedir(dp);
	if (nm->nside)
		qsort(nm->side, nm->nside, sizeof *nm->side, cmp_name);
	return 0;
}

static void names_free(struct names *nm)
{
	while (nm->n)
		free(nm->v[--nm->n]);
	while (nm->nside)
		free(nm->side[--nm->nside]);
	free(nm->v);
	free(nm->side);
}

/* Read the log it->path into it; 0 when it gave no message at all. */
static int summarise_log(struct sessionlist_item *it, struct diag *d)
{
	struct summary sum = {0};
	size_t before = d->n;
	int rc;

	sum.it = it;
	rc = sessionlog_read(it->path, summarise, &sum, d);
	take_meta(it, &sum.meta);
	if (rc != 0 || !it->scenario)
		it->damaged = 1;
	return !it->damaged && d->n == before ? 0 : -1;
}

/* Fill it with the log name in dir: from the cache when it is there and
 * still matches, else read (and put in the cache). */
static void summary(struct sessionlist_item *it, const char *dir,
		    const char *name, struct sessioncache *sc, struct diag *d)
{
	struct stat st;
	int known;

	memset(it, 0, sizeof *it);
	it->path = path_join(dir, name);
	it->id = mem_strndup(name, strlen(name) - 4);
	known = stat(it->path, &st) == 0;
	if (!known || sessioncache_get(sc, name, &st, it) != 0) {
		if (summarise_log(it, d) == 0 && known)
			sessioncache_put(sc, name, &st, it);
	}
}

static void add(struct sessionlist *l, const char *dir, const char *name,
		const struct names *nm, struct sessioncache *sc, struct diag *d)
{
	struct sessionlist_item *it;
	struct feedback fb;
	struct stat fst;
	struct buf side = {0};

	MEM_GROW(l->v, l->cap, l->n + 1);
	it = &l->v[l->n++];
	summary(it, dir, name, sc, d);
	buf_addc(&side, '.');
	buf_add(&side, name);
	buf_add(&side, ".lock");
	it->busy = !it->done && listed(nm, side.s) && lock_busy(it->path);
	buf_clear(&side);
	buf_add(&side, it->id);
	buf_add(&side, ".feedback.csv");
	if (listed(nm, side.s)) {
		if (feedback_load(&fb, it->path, d) == 0 && fb.n) {
			char *fp = feedback_path(it->path);
			it->nfeedback = (int)fb.n;
			if (stat(fp, &fst) == 0)
				it->feedback_mtime = (long)fst.st_mtime;
			free(fp);
		}
		feedback_free(&fb);
	}
	buf_free(&side);
}

static void item_free(struct sessionlist_item *it)
{
	free(it->path);
	free(it->id);
	free(it->scenario);
	free(it->trainee);
	free(it->mode);
	free(it->started);
	free(it->ending);
}

size_t sessionlist_scan(struct sessionlist *l, const char *dir, struct diag *d)
{
	struct names nm;
	struct sessioncache sc;
	size_t i;

	memset(l, 0, sizeof *l);
	if (list_names(&nm, dir) != 0)
		return 0;
	sessioncache_load(&sc, dir);
	for (i = 0; i < nm.n; i++)
		add(l, dir, nm.v[i], &nm, &sc, d);
	sessioncache_save(&sc);
	sessioncache_free(&sc);
	names_free(&nm);
	if (l->n)
		qsort(l->v, l->n, sizeof *l->v, newest_first);
	return l->n;
}

char *sessionlist_newest_open(const char *dir, struct diag *d)
{
	struct names nm;
	struct sessioncache sc;
	struct sessionlist_item it, best = {0};
	char *path;
	size_t i;

	if (list_names(&nm, dir) != 0)
		return NULL;
	sessioncache_load(&sc, dir);
	for (i = 0; i < nm.n; i++) {
		summary(&it, dir, nm.v[i], &sc, d);
		if (!it.damaged && !it.done && !it.stopped &&
		    (best.path == NULL || newest_first(&it, &best) < 0)) {
			item_free(&best);
			best = it;
		} else {
			item_free(&it);
		}
	}
	sessioncache_save(&sc);
	sessioncache_free(&sc);
	names_free(&nm);
	path = best.path;
	best.path = NULL;
	item_free(&best);
	return path;
}

const struct sessionlist_item *sessionlist_find(const struct sessionlist *l,
						const char *idpath)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].id, idpath) == 0 || strcmp(l->v[i].path, idpath) == 0)
			return &l->v[i];
	return NULL;
}

const char *sessionlist_status(const struct sessionlist_item *it)
{
	if (it->damaged)
		return "beschadigd";
	if (it->busy)
		return "in gebruik";
	return sessionlog_status(it->finished, it->done, it->stopped);
}

int sessionlist_new_feedback(const struct sessionlist *l, const char *dir)
{
	char *mark = path_join(dir, ".feedback-gezien");
	struct stat st;
	long seen = stat(mark, &st) == 0 ? (long)st.st_mtime : 0;
	size_t i;
	int fresh = 0, fd;

	for (i = 0; i < l->n; i++)
		fresh += l->v[i].feedback_mtime > seen;
	if (fresh && ((fd = path_open_append(mark, 0)) >= 0 ||
		      (errno == ENOENT &&
		       (fd = path_open_append(mark, 1)) >= 0))) {
		futimens(fd, NULL);
		close(fd);
	}
	free(mark);
	return fresh;
}

void sessionlist_free(struct sessionlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		item_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}
