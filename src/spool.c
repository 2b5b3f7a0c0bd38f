/*
 * spool: records as [key length][record length][key][record], the same in
 * memory and in a run. A run is read through its own small buffer with
 * pread, and a binary heap of the runs by current key gives the next
 * record, so reading needs one buffer per run and nothing per record.
 */
#include "spool.h"
#include "buf.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#define HEAD (2 * sizeof(size_t))
#define RUN_BUF 16384

struct spool_run {
	off_t start, from, to;	/* the run: [start, to), read up to from */
	char *buf;
	size_t pos, len, cap;
	struct spool_item cur;
};

static char *sort_mem;		/* qsort's view of the records */

static int cmp_key(const char *a, size_t al, const char *b, size_t bl)
{
	int c = memcmp(a, b, al < bl ? al : bl);

	return c ? c : (al > bl) - (al < bl);
}

/* The record at p (header, key, record) as an item. */
static void item_at(char *p, struct spool_item *it)
{
	memcpy(&it->klen, p, sizeof it->klen);
	memcpy(&it->rlen, p + sizeof it->klen, sizeof it->rlen);
	it->key = p + HEAD;
	it->rec = p + HEAD + it->klen;
}

static int cmp_at(const void *x, const void *y)
{
	struct spool_item a, b;

	item_at(sort_mem + *(const size_t *)x, &a);
	item_at(sort_mem + *(const size_t *)y, &b);
	return cmp_key(a.key, a.klen, b.key, b.klen);
}

static void sort_memory(struct spool *sp)
{
	sort_mem = sp->mem;
	if (sp->nat > 1)
		qsort(sp->at, sp->nat, sizeof *sp->at, cmp_at);
}

void spool_init(struct spool *sp, size_t budget)
{
	memset(sp, 0, sizeof *sp);
	sp->budget = budget;
}

/* A temporary file in $TMPDIR (when absolute) or /tmp, already unlinked:
 * tmpfile(3) ignores TMPDIR, and /tmp may be small or read-only. */
static FILE *temporary(void)
{
	const char *dir = getenv("TMPDIR");
	struct buf t = {0};
	FILE *f = NULL;
	int fd;

	buf_printf(&t, "%s/klantcoach-spool-XXXXXX",
		   dir && dir[0] == '/' ? dir : "/tmp");
	if ((fd = mkstemp(t.s)) >= 0) {
		unlink(t.s);
		if ((f = fdopen(fd, "w+")) == NULL)
			close(fd);
	}
	buf_free(&t);
	return f;
}

/* Write the records in memory, sorted, as one more run. */
static int spill(struct spool *sp)
{
	struct spool_item it;
	struct spool_run *run;
	size_t i;
	long off;

	if (sp->tmp == NULL && (sp->tmp = temporary()) == NULL)
		return -1;
	sort_memory(sp);
	if (fseek(sp->tmp, 0, SEEK_END) != 0 || (off = ftell(sp->tmp)) < 0)
		return -1;
	for (i = 0; i < sp->nat; i++) {
		item_at(sp->mem + sp->at[i], &it);
		fwrite(sp->mem + sp->at[i], 1, HEAD + it.klen + it.rlen,
		       sp->tmp);
	}
	if (fflush(sp->tmp) != 0 || ferror(sp->tmp))
		return -1;
	MEM_GROW(sp->runs, sp->capruns, sp->nruns + 1);
	run = &sp->runs[sp->nruns++];
	memset(run, 0, sizeof *run);
	run->start = off;
	run->to = ftell(sp->tmp);
	sp->len = sp->nat = 0;
	return run->to < 0 ? -1 : 0;
}

int spool_add(struct spool *sp, const void *key, size_t klen,
	      const void *rec, size_t rlen)
{
	size_t total = HEAD + klen + rlen;

	if (sp->err || (sp->nat && sp->len + total > sp->budget &&
			spill(sp) != 0))
		return sp->err = -1;
	MEM_GROW(sp->mem, sp->cap, sp->len + total);
	MEM_GROW(sp->at, sp->capat, sp->nat + 1);
	sp->at[sp->nat++] = sp->len;
	memcpy(sp->mem + sp->len, &klen, sizeof klen);
	memcpy(sp->mem + sp->len + sizeof klen, &rlen, sizeof rlen);
	memcpy(sp->mem + sp->len + HEAD, key, klen);
	memcpy(sp->mem + sp->len + HEAD + klen, rec, rlen);
	sp->len += total;
	sp->n++;
	return 0;
}

/* At least need unread bytes in run's buffer; -1 when the run has fewer
 * or cannot be read. */
static int fill(struct spool *sp, struct spool_run *run, size_t need)
{
	ssize_t got;

	if (run->len - run->pos >= need)
		return 0;
	if (run->pos) {
		memmove(run->buf, run->buf + run->pos, run->len - run->pos);
		run->len -= run->pos;
		run->pos = 0;
	}
	if (run->cap < need || run->buf == NULL) {
		run->cap = need > RUN_BUF ? need : RUN_BUF;
		run->buf = mem_realloc(run->buf, run->cap);
	}
	while (run->len < need && run->from < run->to) {
		size_t want = run->cap - run->len;
		if ((off_t)want > run->to - run->from)
			want = (size_t)(run->to - run->from);
		got = pread(fileno(sp->tmp), run->buf + run->len, want,
			    run->from);
		if (got <= 0)
			return -1;
		run->len += (size_t)got;
		run->from += got;
	}
	return run->len - run->pos >= need ? 0 : -1;
}

/* The run's next record into run->cur: 1, 0 at its end, -1 on error. */
static int advance(struct spool *sp, struct spool_run *run)
{
	struct spool_item it;

	if (run->pos == run->len && run->from == run->to)
		return 0;
	if (fill(sp, run, HEAD) != 0)
		return -1;
	item_at(run->buf + run->pos, &it);
	if (fill(sp, run, HEAD + it.klen + it.rlen) != 0)
		return -1;
	item_at(run->buf + run->pos, &run->cur);
	run->pos += HEAD + it.klen + it.rlen;
	return 1;
}

static int run_less(const struct spool *sp, size_t a, size_t b)
{
	const struct spool_item *x = &sp->runs[a].cur, *y = &sp->runs[b].cur;

	return cmp_key(x->key, x->klen, y->key, y->klen) < 0;
}

static void sift_down(struct spool *sp, size_t i)
{
	size_t least, l, t;

	for (;;) {
		least = i;
		l = 2 * i + 1;
		if (l < sp->nheap && run_less(sp, sp->heap[l], sp->heap[least]))
			least = l;
		if (l + 1 < sp->nheap &&
		    run_less(sp, sp->heap[l + 1], sp->heap[least]))
			least = l + 1;
		if (least == i)
			return;
		t = sp->heap[i];
		sp->heap[i] = sp->heap[least];
		sp->heap[least] = t;
		i = least;
	}
}

/* Every run from its start, the heap built over their first records. */
static int start_runs(struct spool *sp)
{
	size_t i;
	int rc;

	free(sp->heap);
	sp->heap = mem_calloc(sp->nruns, sizeof *sp->heap);
	sp->nheap = 0;
	for (i = 0; i < sp->nruns; i++) {
		sp->runs[i].from = sp->runs[i].start;
		sp->runs[i].pos = sp->runs[i].len = 0;
		if ((rc = advance(sp, &sp->runs[i])) < 0)
			return -1;
		if (rc)
			sp->heap[sp->nheap++] = i;
	}
	for (i = sp->nheap / 2; i-- > 0;)
		sift_down(sp, i);
	return 0;
}

int spool_rewind(struct spool *sp)
{
	sp->next = 0;
	if (sp->err)
		return -1;
	if (sp->nruns == 0) {
		sort_memory(sp);
		return 0;
	}
	if (sp->nat && spill(sp) != 0)
		return sp->err = -1;
	free(sp->mem);
	free(sp->at);
	sp->mem = NULL;
	sp->at = NULL;
	sp->cap = sp->capat = 0;
	return start_runs(sp) == 0 ? 0 : (sp->err = -1);
}

int spool_next(struct spool *sp, struct spool_item *it)
{
	int rc;

	if (sp->err)
		return -1;
	if (sp->nruns == 0) {
		if (sp->next >= sp->nat)
			return 0;
		item_at(sp->mem + sp->at[sp->next++], it);
		return 1;
	}
	if (sp->next && sp->nheap) {	/* the record handed out last */
		rc = advance(sp, &sp->runs[sp->heap[0]]);
		if (rc < 0)
			return sp->err = -1;
		if (rc == 0)
			sp->heap[0] = sp->heap[--sp->nheap];
		sift_down(sp, 0);
	}
	if (sp->nheap == 0)
		return 0;
	sp->next = 1;
	*it = sp->runs[sp->heap[0]].cur;
	return 1;
}

void spool_free(struct spool *sp)
{
	size_t i;

	for (i = 0; i < sp->nruns; i++)
		free(sp->runs[i].buf);
	free(sp->runs);
	free(sp->heap);
	free(sp->mem);
	free(sp->at);
	if (sp->tmp)
		fclose(sp->tmp);
	memset(sp, 0, sizeof *sp);
}
