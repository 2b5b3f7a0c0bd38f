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

static void add(struct sessionlist *l, const char *dir, const char *name, struct diag *d)
{
	struct sessionlist_item *it;
	struct summary sum = {0};
	struct feedback fb;
	struct stat st;
	char *fp;
	int rc;

	MEM_GROW(l->v, l->cap, l->n + 1);
	it = &l->v[l->n++];
	memset(it, 0, sizeof *it);
	it->path = path_join(dir, name);
	it->id = mem_strndup(name, strlen(name) - 4);

	sum.it = it;
	rc = sessionlog_read(it->path, summarise, &sum, d);
	take_meta(it, &sum.meta);
	if (rc != 0 || !it->scenario)
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
