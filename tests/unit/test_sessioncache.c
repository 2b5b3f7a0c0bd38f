/* Unit tests for src/sessioncache: kept, matched, refused, ignored. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "helpers.h"
#include "path.h"
#include "sessioncache.h"

static struct stat old_stat(void)
{
	struct stat st = {0};

	st.st_ino = 42;
	st.st_size = 900;
	st.st_mtime = st.st_ctime = time(NULL) - 100;
	return st;
}

static void save_one(const char *dir, const struct stat *st, const char *ending)
{
	struct sessioncache c;
	struct sessionlist_item it = {0};
	char end[64];

	snprintf(end, sizeof end, "%s", ending);
	it.scenario = "proef";
	it.started = "2026-01-31T12:00:00Z";
	it.ending = end;
	it.nchoices = 3;
	it.finished = 1;
	sessioncache_load(&c, dir);
	sessioncache_put(&c, "a.csv", st, &it);
	sessioncache_save(&c);
	sessioncache_free(&c);
}

Test(sessioncache, a_kept_summary_comes_back_while_the_log_is_unchanged)
{
	char dir[64];
	struct stat st = old_stat(), edited;
	struct sessioncache c;
	struct sessionlist_item it = {0};

	tmpdir_make(dir, "cache");
	save_one(dir, &st, "");
	sessioncache_load(&c, dir);
	cr_assert_eq(sessioncache_get(&c, "a.csv", &st, &it), 0);
	cr_assert_str_eq(it.scenario, "proef");
	cr_assert_str_eq(it.ending, "", "an empty ending is not a missing one");
	cr_assert_null(it.trainee);
	cr_assert_eq(it.nchoices, 3);
	cr_assert(it.finished && !it.done && !it.stopped);
	free(it.scenario); free(it.ending); free(it.started);
	memset(&it, 0, sizeof it);
	edited = st;
	edited.st_ctim.tv_nsec++;
	cr_assert_eq(sessioncache_get(&c, "a.csv", &edited, &it), -1);
	edited = st;
	edited.st_size++;
	cr_assert_eq(sessioncache_get(&c, "a.csv", &edited, &it), -1);
	cr_assert_eq(sessioncache_get(&c, "b.csv", &st, &it), -1);
	cr_assert_null(it.scenario);
	sessioncache_free(&c);
	tmpdir_remove(dir);
}

Test(sessioncache, a_log_changed_just_now_is_not_kept)
{
	char dir[64];
	struct stat st = old_stat();
	struct sessioncache c;
	struct sessionlist_item it = {0};

	tmpdir_make(dir, "cache");
	st.st_ctime = time(NULL);
	save_one(dir, &st, NULL);
	sessioncache_load(&c, dir);
	cr_assert_eq(sessioncache_get(&c, "a.csv", &st, &it), -1);
	sessioncache_free(&c);
	tmpdir_remove(dir);
}

Test(sessioncache, a_cache_that_does_not_parse_is_ignored)
{
	char dir[64], path[96];
	struct stat st = old_stat();
	struct sessioncache c;
	struct sessionlist_item it = {0};
	FILE *fp;

	tmpdir_make(dir, "cache");
	save_one(dir, &st, "goed");
	snprintf(path, sizeof path, "%s/" SESSIONCACHE_NAME, dir);
	fp = fopen(path, "a");
	fputs("rommel\n", fp);
	fclose(fp);
	sessioncache_load(&c, dir);
	cr_assert_eq(sessioncache_get(&c, "a.csv", &st, &it), -1);
	sessioncache_free(&c);
	tmpdir_remove(dir);
}
