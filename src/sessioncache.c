/*
 * sessioncache: one line per log, tab-separated: name, inode, size,
 * mtime and ctime (seconds, nanoseconds), choices, finished, done,
 * stopped, then started, scenario, trainee, mode and ending, each empty
 * when absent or "+" and the text. Lines are sorted by name.
 */
#include "sessioncache.h"
#include "buf.h"
#include "mem.h"
#include "path.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define HEAD "klantcoach-sessielijst\t1"
#define NNUM 10
#define NSTR 5
#define NFIELD (1 + NNUM + NSTR)

struct sessioncache_entry {
	char *f[NFIELD];	/* f[0] is also the start of the line */
	size_t len;		/* of the line, without its newline */
	int used;		/* matched this time: keep it */
};

/* The numbers a log is known by, with its summary counts and flags. */
static void numbers(const struct stat *st, const struct sessionlist_item *it,
		    unsigned long long *v)
{
	v[0] = (unsigned long long)st->st_ino;
	v[1] = (unsigned long long)st->st_size;
	v[2] = (unsigned long long)st->st_mtim.tv_sec;
	v[3] = (unsigned long long)st->st_mtim.tv_nsec;
	v[4] = (unsigned long long)st->st_ctim.tv_sec;
	v[5] = (unsigned long long)st->st_ctim.tv_nsec;
	v[6] = (unsigned long long)it->nchoices;
	v[7] = (unsigned long long)it->finished;
	v[8] = (unsigned long long)it->done;
	v[9] = (unsigned long long)it->stopped;
}

static void strings(struct sessionlist_item *it, char **s[NSTR])
{
	s[0] = &it->started;
	s[1] = &it->scenario;
	s[2] = &it->trainee;
	s[3] = &it->mode;
	s[4] = &it->ending;
}

static void format(struct buf *b, const char *name, const struct stat *st,
		   const struct sessionlist_item *it)
{
	struct sessionlist_item copy = *it;
	unsigned long long v[NNUM];
	char **s[NSTR];
	int i;

	numbers(st, it, v);
	strings(&copy, s);
	buf_add(b, name);
	for (i = 0; i < NNUM; i++)
		buf_printf(b, "\t%llu", v[i]);
	for (i = 0; i < NSTR; i++)
		buf_printf(b, "\t%s%s", *s[i] ? "+" : "", *s[i] ? *s[i] : "");
}

static int parse_line(struct sessioncache_entry *e, char *line)
{
	int i = 0;

	e->f[i++] = line;
	while ((line = strchr(line, '\t')) != NULL) {
		if (i == NFIELD)
			return -1;
		*line++ = '\0';
		e->f[i++] = line;
	}
	if (i != NFIELD)
		return -1;
	for (i = 1 + NNUM; i < NFIELD; i++)
		if (e->f[i][0] != '\0' && e->f[i][0] != '+')
			return -1;
	return 0;
}

static void parse(struct sessioncache *c, size_t len)
{
	char *line = c->data, *end = c->data + len, *nl;
	size_t headlen = strlen(HEAD);

	if (strncmp(line, HEAD, headlen) != 0 || line[headlen] != '\n')
		return;
	for (line += headlen + 1; line < end; line = nl + 1) {
		nl = strchr(line, '\n');
		if (nl == NULL)
			break;	/* a torn last line */
		*nl = '\0';
		MEM_GROW(c->v, c->cap, c->n + 1);
		c->v[c->n].len = (size_t)(nl - line);
		c->v[c->n].used = 0;
		if (parse_line(&c->v[c->n], line) != 0 ||
		    (c->n && strcmp(c->v[c->n - 1].f[0], line) >= 0))
			break;
		c->n++;
	}
	if (line < end)
		c->n = 0;	/* not ours: ignore all of it */
}

void sessioncache_load(struct sessioncache *c, const char *dir)
{
	size_t len;

	memset(c, 0, sizeof *c);
	c->path = path_join(dir, SESSIONCACHE_NAME);
	c->data = path_read(c->path, &len);
	if (c->data && strlen(c->data) == len)
		parse(c, len);
}

/* 1 when s is v in decimal, as format writes it. */
static int is_num(const char *s, unsigned long long v)
{
	char d[24], *p = d + sizeof d - 1;

	*p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	return strcmp(s, p) == 0;
}

static int cmp_entry(const void *key, const void *e)
{
	return strcmp(key, ((const struct sessioncache_entry *)e)->f[0]);
}

int sessioncache_get(struct sessioncache *c, const char *name,
		     const struct stat *st, struct sessionlist_item *it)
{
	struct sessioncache_entry *e =
		c->n ? bsearch(name, c->v, c->n, sizeof *c->v, cmp_entry) : NULL;
	unsigned long long v[NNUM];
	char **s[NSTR];
	int i;

	numbers(st, it, v);
	for (i = 0; e && i < 6; i++)
		if (!is_num(e->f[1 + i], v[i]))
			return -1;
	if (e == NULL)
		return -1;
	it->nchoices = atoi(e->f[7]);
	it->finished = e->f[8][0] == '1';
	it->done = e->f[9][0] == '1';
	it->stopped = e->f[10][0] == '1';
	strings(it, s);
	for (i = 0; i < NSTR; i++)
		*s[i] = e->f[1 + NNUM + i][0] ? mem_strdup(e->f[1 + NNUM + i] + 1) : NULL;
	e->used = 1;
	c->used++;
	return 0;
}

void sessioncache_put(struct sessioncache *c, const char *name,
		      const struct stat *st, const struct sessionlist_item *it)
{
	struct sessionlist_item copy = *it;
	time_t settled = time(NULL) - SESSIONCACHE_SETTLE;
	char **s[NSTR];
	int i;

	if (st->st_mtime > settled || st->st_ctime > settled || strchr(name, '\t') ||
	    strchr(name, '\n'))
		return;
	strings(&copy, s);
	for (i = 0; i < NSTR; i++)
		if (*s[i] && (*s[i])[strcspn(*s[i], "\t\n")])
			return;
	MEM_GROW(c->fresh, c->capfresh, c->nfresh + 1);
	c->fresh[c->nfresh] = mem_calloc(1, sizeof **c->fresh);
	format(c->fresh[c->nfresh++], name, st, it);
}

static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lines to keep, sorted: the entries used and the fresh ones. */
static void build(const struct sessioncache *c, struct buf *out)
{
	char **line = mem_calloc(c->used + c->nfresh + 1, sizeof *line);
	size_t i, n = 0, k;

	for (i = 0; i < c->n; i++)
		if (c->v[i].used) {
			line[n] = mem_strndup(c->v[i].f[0], c->v[i].len);
			for (k = 0; k < c->v[i].len; k++)
				line[n][k] = line[n][k] ? line[n][k] : '\t';
			n++;
		}
	for (i = 0; i < c->nfresh; i++)
		line[n++] = mem_strdup(c->fresh[i]->s);
	qsort(line, n, sizeof *line, cmp_line);
	buf_add(out, HEAD "\n");
	for (i = 0; i < n; i++) {
		buf_add(out, line[i]);
		buf_addc(out, '\n');
		free(line[i]);
	}
	free(line);
}

void sessioncache_save(struct sessioncache *c)
{
	struct buf tmp = {0}, out = {0};
	int fd;

	/* Rewriting costs about what reading a sixteenth of the logs does:
	 * a few changed logs are read again instead, and stale entries,
	 * which never match, are dropped in bulk. */
	if (c->nfresh * 16 < c->used && c->used * 2 >= c->n)
		return;
	build(c, &out);
	buf_printf(&tmp, "%s.%ld", c->path, (long)getpid());
	fd = open(tmp.s, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd >= 0) {
		int ok = path_write_all(fd, out.s, out.len) == 0;
		if (close(fd) != 0 || !ok || rename(tmp.s, c->path) != 0)
			unlink(tmp.s);
	}
	buf_free(&tmp);
	buf_free(&out);
}

void sessioncache_free(struct sessioncache *c)
{
	size_t i;

	for (i = 0; i < c->nfresh; i++) {
		buf_free(c->fresh[i]);
		free(c->fresh[i]);
	}
	free(c->fresh);
	free(c->v);
	free(c->data);
	free(c->path);
	memset(c, 0, sizeof *c);
}
