/*
 * sessionlist: one streaming pass per log with sessionlog_read; only the
 * summary is kept, never the events.
 */
#include "sessionlist.h"
#include "feedback.h"
#include "lock.h"
#include "mem.h"
#include "path.h"
#include "sessionlog.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int summarise(void *ctx, const struct sessionlog_event *ev)
{
	struct sessionlist_item *it = ctx;
	char **dst = NULL;

	if (ev->type == SL_META && strcmp(ev->key, "scenario") == 0)
		dst = &it->scenario;
	else if (ev->type == SL_META && strcmp(ev->key, "cursist") == 0)
		dst = &it->trainee;
	else if (ev->type == SL_META && strcmp(ev->key, "modus") == 0)
		dst = &it->mode;
	else if (ev->type == SL_START && !it->started)
		dst = &it->started;
	else if (ev->type == SL_END)
		dst = &it->ending;
	if (dst) {
		free(*dst);
		*dst = mem_strdup(ev->type == SL_START ? ev->time : ev->value);
	}
	it->nchoices += ev->type == SL_CHOICE;
	it->nchoices -= ev->type == SL_UNDO;
	it->finished |= ev->type == SL_END;
	it->done |= ev->type == SL_DONE;
	return 0;
}

static int newest_first(const void *a, const void *b)
{
	const struct sessionlist_item *x = a, *y = b;
	int c = strcmp(y->started ? y->started : "", x->started ? x->started : "");

	return c ? c : strcmp(y->id, x->id);
}

static void add(struct sessionlist *l, const char *dir, const char *name, struct diag *d)
{
	struct sessionlist_item *it;
	struct feedback fb;
	struct stat st;
	char *fp;

	mem_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v);
	it = &l->v[l->n++];
	memset(it, 0, sizeof *it);
	it->path = path_join(dir, name);
	it->id = mem_strndup(name, strlen(name) - 4);

	if (sessionlog_read(it->path, summarise, it, d) != 0 || !it->scenario)
		it->damaged = 1;
	it->busy = !it->done && lock_busy(it->path);
	if (feedback_load(&fb, it->path, d) == 0 && fb.n) {
		it->nfeedback = (int)fb.n;
		fp = feedback_path(it->path);
		if (stat(fp, &st) == 0)
			it->feedback_mtime = (long)st.st_mtime;
		free(fp);
	}
	feedback_free(&fb);
}

size_t sessionlist_scan(struct sessionlist *l, const char *dir, struct diag *d)
{
	DIR *dp = opendir(dir);
	struct dirent *e;

	memset(l, 0, sizeof *l);
	if (dp == NULL)
		return 0;
	while ((e = readdir(dp)) != NULL) {
		size_t n = strlen(e->d_name);
		if (e->d_name[0] != '.' && n > 4 && strcmp(e->d_name + n - 4, ".csv") == 0 &&
		    !(n > 13 && strcmp(e->d_name + n - 13, ".feedback.csv") == 0))
			add(l, dir, e->d_name, d);
	}
	closedir(dp);
	if (l->n)
		qsort(l->v, l->n, sizeof *l->v, newest_first);
	return l->n;
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

void sessionlist_free(struct sessionlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		struct sessionlist_item *it = &l->v[i];
		free(it->path);
		free(it->id);
		free(it->scenario);
		free(it->trainee);
		free(it->mode);
		free(it->started);
		free(it->ending);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
