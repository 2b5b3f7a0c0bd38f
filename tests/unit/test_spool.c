/* Unit tests for src/spool: records come back in key order, the same from
 * memory and from merged runs, again after a rewind, while the memory
 * stays within the budget. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spool.h"

static unsigned long long seed = 42;

static unsigned rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

/* n records with keys "k<random>" and records "r<i>" into sp. */
static void fill(struct spool *sp, size_t n)
{
	char key[32], rec[32];
	size_t i;

	seed = 42;
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof key, "k%u", rnd(100000));
		snprintf(rec, sizeof rec, "r%zu", i);
		cr_assert_eq(spool_add(sp, key, strlen(key), rec,
				       strlen(rec)), 0);
	}
}

/* Read sp to the end: the keys must not decrease; their XOR-sum and
 * count are returned so two reads can be compared. */
static size_t read_all(struct spool *sp, unsigned long *sum)
{
	struct spool_item it;
	char last[64] = "", key[64];
	size_t n = 0;
	int rc;

	*sum = 0;
	cr_assert_eq(spool_rewind(sp), 0);
	while ((rc = spool_next(sp, &it)) > 0) {
		cr_assert_lt(it.klen, sizeof key);
		memcpy(key, it.key, it.klen);
		key[it.klen] = '\0';
		cr_assert_leq(strcmp(last, key), 0, "%s after %s", key, last);
		strcpy(last, key);
		*sum ^= strtoul(it.rec + 1, NULL, 10) * 2654435761u + it.klen;
		n++;
	}
	cr_assert_eq(rc, 0);
	return n;
}

Test(spool, in_memory_in_key_order)
{
	struct spool sp;
	struct spool_item it;

	spool_init(&sp, SPOOL_BUDGET);
	cr_assert_eq(spool_add(&sp, "b", 1, "2", 1), 0);
	cr_assert_eq(spool_add(&sp, "ab", 2, "1", 1), 0);
	cr_assert_eq(spool_add(&sp, "a\0z", 3, "0", 1), 0);
	cr_assert_eq(spool_rewind(&sp), 0);
	cr_assert_eq(spool_next(&sp, &it), 1);
	cr_assert_eq(memcmp(it.rec, "0", 1), 0, "a\\0z before ab");
	cr_assert_eq(spool_next(&sp, &it), 1);
	cr_assert_eq(memcmp(it.rec, "1", 1), 0);
	cr_assert_eq(spool_next(&sp, &it), 1);
	cr_assert_eq(memcmp(it.rec, "2", 1), 0);
	cr_assert_eq(spool_next(&sp, &it), 0);
	cr_assert_null(sp.tmp, "small: no temporary file");
	spool_free(&sp);
}

/* A budget of 1 KB: many runs in the temporary file, merged in the same
 * order as in memory, again after a rewind; memory stays near the budget
 * while the records are many times larger. */
Test(spool, runs_merge_like_memory)
{
	struct spool big, small;
	unsigned long s1, s2, s3;

	spool_init(&big, SPOOL_BUDGET);
	spool_init(&small, 1024);
	fill(&big, 20000);
	fill(&small, 20000);
	cr_assert_eq(big.nruns, 0);
	cr_assert_gt(small.nruns, 100, "%zu runs", small.nruns);
	cr_assert_leq(small.cap, 2048, "memory %zu", small.cap);
	cr_assert_eq(read_all(&big, &s1), 20000);
	cr_assert_eq(read_all(&small, &s2), 20000);
	cr_assert_eq(s1, s2, "the same records");
	cr_assert_eq(read_all(&small, &s3), 20000, "read again after rewind");
	cr_assert_eq(s2, s3);
	spool_free(&big);
	spool_free(&small);
}

/* Runs go to $TMPDIR, unlinked at once; a TMPDIR that cannot be written
 * is an error of the spool, never a crash. */
Test(spool, runs_in_tmpdir_leave_nothing_behind)
{
	char dir[] = "/tmp/kc-spool-XXXXXX", *old = getenv("TMPDIR");
	struct spool sp;
	unsigned long sum;

	cr_assert_not_null(mkdtemp(dir));
	setenv("TMPDIR", dir, 1);
	spool_init(&sp, 1024);
	fill(&sp, 2000);
	cr_assert_gt(sp.nruns, 1);
	cr_assert_eq(read_all(&sp, &sum), 2000);
	cr_assert_eq(rmdir(dir), 0, "the run file is already gone");
	spool_free(&sp);
	spool_init(&sp, 20);	/* the second record spills */
	cr_assert_eq(spool_add(&sp, "a", 1, "1", 1), 0);
	cr_assert_eq(spool_add(&sp, "b", 1, "2", 1), -1, "%s is gone", dir);
	spool_free(&sp);
	if (old)
		setenv("TMPDIR", old, 1);
	else
		unsetenv("TMPDIR");
}

/* A record larger than the budget and the read buffer comes back whole. */
Test(spool, record_larger_than_buffers)
{
	struct spool sp;
	struct spool_item it;
	size_t n = 100000, i;
	char *rec = malloc(n);

	for (i = 0; i < n; i++)
		rec[i] = (char)('a' + i % 26);
	spool_init(&sp, 64);
	cr_assert_eq(spool_add(&sp, "m", 1, "small", 5), 0);
	cr_assert_eq(spool_add(&sp, "n", 1, rec, n), 0);
	cr_assert_eq(spool_add(&sp, "a", 1, "first", 5), 0);
	cr_assert_eq(spool_rewind(&sp), 0);
	cr_assert_eq(sp.nruns, 3);
	cr_assert_eq(spool_next(&sp, &it), 1);
	cr_assert_eq(memcmp(it.rec, "first", 5), 0);
	cr_assert_eq(spool_next(&sp, &it), 1);
	cr_assert_eq(spool_next(&sp, &it), 1);
	cr_assert_eq(it.rlen, n);
	cr_assert_eq(memcmp(it.rec, rec, n), 0);
	cr_assert_eq(spool_next(&sp, &it), 0);
	spool_free(&sp);
	free(rec);
}
