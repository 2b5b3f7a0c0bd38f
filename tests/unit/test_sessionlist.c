/* Unit tests for src/sessionlist: summaries, order, damaged logs, busy. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "helpers.h"
#include "mem.h"
#include "path.h"
#include "sessioncache.h"
#include <unistd.h>

#include "play.h"
#include "sessionlist.h"

Test(sessionlist, summaries_and_damage)
{
	struct content c;
	struct play p;
	struct diag d = {0};
	struct sessionlist l;
	char dir[] = "/tmp/kc-list-XXXXXX", bad[128], cmd[96];
	FILE *fp;

	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	setenv("KLANTCOACH_TIME", "1700000000", 1);
	cr_assert_eq(play_begin(&p, &c, &c.scs[0],
				&(struct play_who){"Sanne", 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	play_choose(&p, 0);
	play_choose(&p, 0);
	play_log_end(&p);
	play_end(&p);
	snprintf(bad, sizeof bad, "%s/kapot.csv", dir);
	fp = fopen(bad, "w");
	fputs("niet,een,logboek\n", fp);
	fclose(fp);
	cr_assert_eq(sessionlist_scan(&l, dir, &d), 2);
	cr_assert_not_null(sessionlist_find(&l, "kapot"));
	cr_assert(sessionlist_find(&l, "kapot")->damaged);
	cr_assert_eq(l.v[0].damaged, 0, "the good log sorts first (newest)");
	cr_assert_str_eq(l.v[0].scenario, "proef-basis");
	cr_assert_str_eq(l.v[0].trainee, "Sanne");
	cr_assert_eq(l.v[0].nchoices, 2);
	cr_assert(l.v[0].finished);
	cr_assert_not(l.v[0].done);
	cr_assert_str_eq(l.v[0].ending, "goed");
	cr_assert_null(sessionlist_find(&l, "nope"));
	cr_assert_gt(diag_count(&d, DIAG_ERROR), 0, "damage reported");
	sessionlist_free(&l);
	content_free(&c);
	diag_free(&d);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(sessionlist, a_session_open_elsewhere_is_busy)
{
	struct content c;
	struct play p;
	struct diag d = {0};
	struct sessionlist l;
	char dir[] = "/tmp/kc-list-XXXXXX", cmd[96];

	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	cr_assert_eq(play_begin(&p, &c, &c.scs[0],
				&(struct play_who){"Sanne", 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	cr_assert_eq(sessionlist_scan(&l, dir, &d), 1, "the lock file is no session");
	cr_assert(l.v[0].busy);
	sessionlist_free(&l);
	play_end(&p);
	cr_assert_eq(sessionlist_scan(&l, dir, &d), 1);
	cr_assert_not(l.v[0].busy);
	sessionlist_free(&l);
	content_free(&c);
	diag_free(&d);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(sessionlist, status_words)
{
	struct sessionlist_item it = {0};

	cr_assert_str_eq(sessionlist_status(&it), "onderbroken");
	it.finished = 1;
	cr_assert_str_eq(sessionlist_status(&it), "reflectie open");
	it.done = 1;
	cr_assert_str_eq(sessionlist_status(&it), "afgerond");
	it.busy = 1;
	cr_assert_str_eq(sessionlist_status(&it), "in gebruik");
	it.damaged = 1;
	cr_assert_str_eq(sessionlist_status(&it), "beschadigd");
}

Test(sessionlist, new_feedback_is_told_once)
{
	struct sessionlist_item v[3] = {{0}};
	struct sessionlist l = {v, 3, 3};
	char dir[64], *mark;
	struct stat st;

	tmpdir_make(dir, "list");
	mark = path_join(dir, ".feedback-gezien");
	v[0].feedback_mtime = 1000;
	v[2].feedback_mtime = 2000;
	cr_assert_eq(sessionlist_new_feedback(&l, dir), 2, "no marker yet");
	cr_assert_eq(stat(mark, &st), 0, "the visit is remembered");
	cr_assert_eq(sessionlist_new_feedback(&l, dir), 0, "told already");
	v[1].feedback_mtime = (long)st.st_mtime + 1;
	cr_assert_eq(sessionlist_new_feedback(&l, dir), 1, "feedback after the visit");
	free(mark);
	tmpdir_remove(dir);
}

/* Replace the first "from" in file path by "to" (same length). */
static void edit_in_place(const char *path, const char *from, const char *to)
{
	size_t n;
	char *s = path_read(path, &n), *at;
	FILE *fp;

	cr_assert_not_null(s);
	at = strstr(s, from);
	cr_assert_not_null(at, "no '%s' in %s", from, path);
	memcpy(at, to, strlen(to));
	fp = fopen(path, "r+");
	cr_assert_eq(fwrite(s, 1, n, fp), n);
	fclose(fp);
	free(s);
}

Test(sessionlist, the_cache_is_used_and_never_outlives_an_edit, .timeout = 30)
{
	struct content c;
	struct play p;
	struct diag d = {0};
	struct sessionlist l;
	char dir[64], cache[96], *log;
	FILE *fp;

	tmpdir_make(dir, "listcache");
	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	cr_assert_eq(play_begin(&p, &c, &c.scs[0],
				&(struct play_who){"Sanne", 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	play_choose(&p, 0);
	play_end(&p);
	sleep(SESSIONCACHE_SETTLE + 1);	/* else it is not kept */
	cr_assert_eq(sessionlist_scan(&l, dir, &d), 1);
	cr_assert_str_eq(l.v[0].trainee, "Sanne");
	sessionlist_free(&l);
	snprintf(cache, sizeof cache, "%s/" SESSIONCACHE_NAME, dir);
	/* a summary that only the cache holds shows that it is used */
	edit_in_place(cache, "+Sanne", "+Sannx");
	sessionlist_scan(&l, dir, &d);
	cr_assert_str_eq(l.v[0].trainee, "Sannx");
	/* an edit of the same size, and one that adds a row */
	log = mem_strdup(l.v[0].path);
	sessionlist_free(&l);
	edit_in_place(log, ",Sanne", ",Sanna");
	sessionlist_scan(&l, dir, &d);
	cr_assert_str_eq(l.v[0].trainee, "Sanna");
	cr_assert_not(l.v[0].stopped);
	sessionlist_free(&l);
	fp = fopen(log, "a");
	fputs("meta,2026-01-31T12:00:00Z,,,,,,,status,gestopt\n", fp);
	fclose(fp);
	sessionlist_scan(&l, dir, &d);
	cr_assert(l.v[0].stopped);
	sessionlist_free(&l);
	free(log);
	diag_free(&d);
	content_free(&c);
	tmpdir_remove(dir);
}

/* A session for Sanne started at time t, left as how says: 'o'pen,
 * 'd'one (reflection finished) or 's'topped without result (which a
 * content notice allows); its path. */
static char *session_at(struct content *c, const char *dir, long t, int how)
{
	struct play p;
	struct diag d = {0};
	char when[24], *path, notice[] = "Let op.";

	c->scs[0].notice = how == 's' ? notice : NULL;
	snprintf(when, sizeof when, "%ld", t);
	setenv("KLANTCOACH_TIME", when, 1);
	cr_assert_eq(play_begin(&p, c, &c->scs[0],
				&(struct play_who){"Sanne", 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	play_choose(&p, 0);
	if (how == 's')
		cr_assert_eq(play_stop(&p), 0);
	if (how == 'd') {
		play_choose(&p, 0);
		cr_assert_eq(play_log_end(&p), 0);
		cr_assert_eq(play_done(&p), 0);
	}
	path = mem_strdup(p.log.path);
	play_end(&p);
	c->scs[0].notice = NULL;
	diag_free(&d);
	return path;
}

/* resume without a session: the newest that is not done, stopped or
 * damaged, the same one as the first such in the sorted list. */
Test(sessionlist, the_newest_open_session_without_the_list)
{
	struct content c;
	struct diag d = {0};
	struct sessionlist l;
	char dir[64], bad[128], *want, *p[3], *got;
	size_t i;
	FILE *fp;

	tmpdir_make(dir, "newest");
	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	cr_assert_null(sessionlist_newest_open(dir, &d), "none yet");
	p[0] = session_at(&c, dir, 1700000000, 'o');
	want = session_at(&c, dir, 1700000100, 'o');
	p[1] = session_at(&c, dir, 1700000200, 'd');
	p[2] = session_at(&c, dir, 1700000300, 's');
	snprintf(bad, sizeof bad, "%s/zzz-kapot.csv", dir);
	fp = fopen(bad, "w");
	fputs("niet,een,logboek\n", fp);
	fclose(fp);
	got = sessionlist_newest_open(dir, &d);
	cr_assert_str_eq(got, want);
	free(got);
	sessionlist_scan(&l, dir, &d);
	for (i = 0; l.v[i].damaged || l.v[i].done || l.v[i].stopped; i++)
		;
	cr_assert_str_eq(l.v[i].path, want);
	sessionlist_free(&l);
	for (i = 0; i < 3; i++)
		free(p[i]);
	free(want);
	content_free(&c);
	diag_free(&d);
	tmpdir_remove(dir);
}
