/*
 * spool: an external sort of records by a byte key, so a report can list
 * any number of sessions in order while its memory stays bounded. Records
 * are kept in memory up to a budget; when it is full they are sorted and
 * written as one run to a temporary file, and reading merges the runs.
 * Keys compare as bytes (memcmp, a shorter key first on a tie), so a key
 * "started\0id" sorts as strcmp on started, then on id.
 */
#ifndef KC_SPOOL_H
#define KC_SPOOL_H
#include <stddef.h>
#include <stdio.h>

#define SPOOL_BUDGET (1u << 20)

struct spool_run;

struct spool {
	size_t budget;
	char *mem;		/* records: key and record length, bytes */
	size_t len, cap;
	size_t *at, nat, capat;	/* where each record in mem starts */
	size_t next;		/* reading in memory: the next of at[] */
	FILE *tmp;		/* the runs, one after the other */
	struct spool_run *runs;
	size_t nruns, capruns;
	size_t *heap, nheap;	/* reading runs: by their current key */
	size_t n;		/* records added */
	int err;
};

/* A record being read: valid until the next call, and the caller's to
 * change until then. */
struct spool_item {
	const char *key;
	char *rec;
	size_t klen, rlen;
};

/* An empty spool keeping about budget bytes in memory. */
void spool_init(struct spool *sp, size_t budget);
/* Add a record; -1 when a run cannot be written (the spool is then
 * broken: every later call fails). */
int spool_add(struct spool *sp, const void *key, size_t klen,
	      const void *rec, size_t rlen);
/* Start reading in key order (again, after a read to the end); no add
 * after this. 0, or -1 on a file error. */
int spool_rewind(struct spool *sp);
/* The next record: 1, 0 at the end, -1 on a read error. */
int spool_next(struct spool *sp, struct spool_item *it);
/* Free the memory and the temporary file. */
void spool_free(struct spool *sp);

#endif
