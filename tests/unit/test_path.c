/* Unit tests for src/path. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

#include "buf.h"
#include "helpers.h"
#include "path.h"

Test(path, join_mkdirs_atomic_read)
{
	char dir[] = "/tmp/kc-path-XXXXXX", cmd[64];
	char *sub, *file, *data;
	struct stat st;
	size_t n;

	cr_assert_not_null(mkdtemp(dir));
	sub = path_join(dir, "a/b/c");
	cr_assert_eq(path_mkdirs(sub), 0);
	cr_assert(path_isdir(sub));
	cr_assert_eq(stat(sub, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0700);
	file = path_join(sub, "f.txt");
	cr_assert_eq(path_write_atomic(file, "hallo", 5), 0);
	cr_assert(path_isfile(file));
	cr_assert_eq(stat(file, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	data = path_read(file, &n);
	cr_assert_eq(n, 5);
	cr_assert_str_eq(data, "hallo");
	cr_assert_not(path_unsafe_dir(sub));
	chmod(sub, 0777);
	cr_assert(path_unsafe_dir(sub));
	cr_assert_null(path_read("/nonexistent/x", &n));
	free(data);
	data = path_read_known(file, 1, &n);
	cr_assert_eq(n, 5);
	cr_assert_str_eq(data, "hallo");
	free(data);
	cr_assert_null(path_read_known("/nonexistent/x", 0, &n));
	free(file);
	free(sub);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
	cr_assert_str_eq((sub = path_join("a/", "b")), "a/b");
	free(sub);
}

/* A file that holds more than its size said (here one that says 0) is
 * still read whole; an empty one gives "". */
Test(path, read_known_reads_past_the_size_it_was_given)
{
	size_t n, m;
	char *want = path_read("/proc/self/cmdline", &n);
	char *got = path_read_known("/proc/self/cmdline", 1, &m);
	char *empty = tmpfile_with("", 0, ".csv");

	cr_assert_not_null(want);
	cr_assert_not_null(got);
	cr_assert_gt(n, 1);
	cr_assert_eq(m, n);
	cr_assert_eq(memcmp(got, want, n), 0);
	cr_assert_eq(got[m], '\0');
	free(got);
	got = path_read_known(empty, 1, &m);
	cr_assert_eq(m, 0);
	cr_assert_str_eq(got, "");
	unlink(empty);
	free(empty);
	free(got);
	free(want);
}

Test(path, failed_append_leaves_the_file_as_it_was)
{
	const char *rows = "a,1\nb,2\n", *row = "ccccccccc,3\n";
	char *p = tmpfile_with(rows, 8, ".csv"), *text;
	rlim_t lim;
	int fd = open(p, O_WRONLY | O_APPEND), sync;

	cr_assert_geq(fd, 0);
	for (sync = 0; sync < 2; sync++)
		for (lim = 0; lim < 20; lim++) {
			limit_file_size(lim);
			errno = 0;
			cr_assert_eq(path_append(fd, row, strlen(row), sync), -1, "limit %d", (int)lim);
			cr_assert_eq(errno, EFBIG);
			limit_file_size(RLIM_INFINITY);
			text = path_read(p, NULL);
			cr_assert_str_eq(text, rows, "limit %d: nothing of the row stays", (int)lim);
			free(text);
		}
	cr_assert_eq(path_append(fd, row, strlen(row), 1), 0);
	text = path_read(p, NULL);
	cr_assert_str_eq(text, "a,1\nb,2\nccccccccc,3\n");
	free(text);
	close(fd);
	unlink(p);
	free(p);
}

/* A file written beside another replaces it only when put in place; a
 * rename that fails leaves the old file and removes the new one. */
Test(path, open_beside_and_replace)
{
	char *p = tmpfile_with("oud\n", 4, ".md"), *tmp, *text, *bad;
	struct stat st;
	int fd = path_open_beside(p, &tmp);

	cr_assert_geq(fd, 0);
	cr_assert_eq(strncmp(tmp, p, strlen(p)), 0, "%s beside %s", tmp, p);
	cr_assert_eq(fstat(fd, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	cr_assert_eq(path_write_all(fd, "nieuw\n", 6), 0);
	close(fd);
	text = path_read(p, NULL);
	cr_assert_str_eq(text, "oud\n", "not in place yet");
	free(text);
	cr_assert_eq(path_replace(tmp, p), 0);
	text = path_read(p, NULL);
	cr_assert_str_eq(text, "nieuw\n");
	free(text);
	cr_assert_neq(access(tmp, F_OK), 0, "the temporary name is gone");
	free(tmp);
	fd = path_open_beside(p, &tmp);
	close(fd);
	bad = path_join(p, "kan-niet");	/* a file is no folder */
	cr_assert_eq(path_replace(tmp, bad), -1);
	cr_assert_neq(access(tmp, F_OK), 0, "removed after the failure");
	text = path_read(p, NULL);
	cr_assert_str_eq(text, "nieuw\n");
	free(text);
	free(bad);
	free(tmp);
	unlink(p);
	free(p);
}

Test(path, keep_copy_is_new_private_and_never_follows_a_link)
{
	char dir[] = "/tmp/kc-path-XXXXXX", *log, *c1, *c2, *c3, *text, cmd[64];
	struct buf b = {0};
	struct stat st;

	setenv("KLANTCOACH_TIME", "1700000000", 1);
	cr_assert_not_null(mkdtemp(dir));
	log = path_join(dir, "s.csv");
	c1 = path_keep_copy(log, "rest", "frag", 4);
	cr_assert_not_null(c1);
	cr_assert(strstr(c1, "/s.csv.rest-20231114-221320"), "%s", c1);
	cr_assert_eq(stat(c1, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	buf_printf(&b, "%s-2", c1);
	cr_assert_eq(path_write_atomic(b.s, "x", 1), 0);
	buf_clear(&b);
	buf_printf(&b, "%s-3", c1);
	cr_assert_eq(symlink(log, b.s), 0, "a link where the copy would go");
	c2 = path_keep_copy(log, "rest", "ment", 4);
	cr_assert_not_null(c2);
	cr_assert(strstr(c2, ".rest-20231114-221320-4"), "%s", c2);
	cr_assert_str_eq((text = path_read(c2, NULL)), "ment");
	free(text);
	cr_assert_str_eq((text = path_read(c1, NULL)), "frag", "never overwritten");
	free(text);
	cr_assert_null(path_read(log, NULL), "the link's target was not created");
	c3 = path_keep_copy("/nonexistent/s.csv", "rest", "x", 1);
	cr_assert_null(c3);
	cr_assert_eq(errno, ENOENT);
	buf_free(&b);
	free(c1);
	free(c2);
	free(log);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(path, full_disk_in_dutch)
{
	cr_assert_str_eq(path_strerror(ENOSPC), "schijf vol");
	cr_assert(strstr(path_strerror(EDQUOT), "schijf vol"));
	cr_assert_str_eq(path_strerror(ENOENT), strerror(ENOENT));
}

/* ---- hostile files: every kind that is not a regular file, and one
 * that is too big, in the place of a file that is read or appended to ---- */

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "csvfile.h"
#include "feedback.h"
#include "inifile.h"
#include "mem.h"
#include "sessionlog.h"

enum kind { K_FIFO, K_DIR, K_DEV, K_SOCKET, K_LINK_FIFO, K_BIG, K_N };
static const int kind_errno[K_N] = {ENODEV, EISDIR, ENODEV, ENODEV, ENODEV, EFBIG};

static char hdir[] = "/tmp/kc-hostile-XXXXXX";

static void hostile_setup(void)
{
	cr_assert_not_null(mkdtemp(hdir));
}

static void hostile_teardown(void)
{
	char cmd[64];

	snprintf(cmd, sizeof cmd, "rm -rf %s", hdir);
	cr_assert_eq(system(cmd), 0);
}

/* Make a file of the given kind at dir/name; returns the path. */
static char *make_kind(enum kind k, const char *name)
{
	char *p = path_join(hdir, name), *q;
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int fd;

	switch (k) {
	case K_FIFO: cr_assert_eq(mkfifo(p, 0600), 0); break;
	case K_DIR: cr_assert_eq(mkdir(p, 0700), 0); break;
	case K_DEV: cr_assert_eq(symlink("/dev/zero", p), 0); break;
	case K_SOCKET:
		fd = socket(AF_UNIX, SOCK_STREAM, 0);
		snprintf(sa.sun_path, sizeof sa.sun_path, "%s", p);
		cr_assert_eq(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
		close(fd);
		break;
	case K_LINK_FIFO:
		q = mem_strdup(p);
		q[strlen(q) - 1] = '_';	/* the target: a name of its own */
		cr_assert_eq(mkfifo(q, 0600), 0);
		cr_assert_eq(symlink(q, p), 0);
		free(q);
		break;
	case K_BIG:
		fd = open(p, O_WRONLY | O_CREAT, 0600);
		cr_assert_eq(ftruncate(fd, PATH_MAX_CSV + 1), 0);
		close(fd);
		break;
	default: break;
	}
	return p;
}

static int never_row(void *ctx, int line, char **f, size_t n)
{
	(void)ctx, (void)line, (void)f, (void)n;
	cr_assert_fail("a row was read from a hostile file");
	return -1;
}

static int never_event(void *ctx, const struct sessionlog_event *ev)
{
	(void)ctx, (void)ev;
	cr_assert_fail("an event was read from a hostile file");
	return -1;
}

Test(path, open_read_refuses_what_is_not_a_regular_file, .init = hostile_setup,
     .fini = hostile_teardown, .timeout = 10)
{
	size_t n;
	int k;

	for (k = 0; k < K_N; k++) {
		char name[16], *p;
		snprintf(name, sizeof name, "f%d", k);
		p = make_kind((enum kind)k, name);
		errno = 0;
		cr_assert_eq(path_open_read(p, PATH_MAX_CSV), -1, "kind %d", k);
		cr_assert_eq(errno, kind_errno[k], "kind %d: errno %d", k, errno);
		cr_assert_null(path_read(p, NULL), "kind %d", k);
		errno = 0;
		cr_assert_null(path_read_known(p, 0, &n), "kind %d", k);
		cr_assert_eq(errno, kind_errno[k], "kind %d: errno %d", k, errno);
		/* readdir said regular, but it is not (any more): still no */
		cr_assert_null(path_read_known(p, 1, &n), "kind %d", k);
		cr_assert_null(path_fopen_read(p, PATH_MAX_CSV), "kind %d", k);
		cr_assert_str_neq(path_strerror(errno), strerror(errno), "kind %d", k);
		free(p);
	}
}

/* Every reader refuses every kind with a message that names the file. */
Test(path, readers_refuse_hostile_files, .init = hostile_setup,
     .fini = hostile_teardown, .timeout = 10)
{
	int k;

	for (k = 0; k < K_N; k++) {
		struct diag d = {0};
		struct inifile f;
		struct feedback fb;
		char name[32], *p, *fbp;
		size_t i;

		snprintf(name, sizeof name, "log%d.csv", k);
		p = make_kind((enum kind)k, name);
		snprintf(name, sizeof name, "log%d.feedback.csv", k);
		free(make_kind((enum kind)k, name));
		cr_assert_eq(csvfile_read(p, never_row, NULL, &d, 1), -1, "kind %d", k);
		cr_assert_eq(sessionlog_read(p, never_event, NULL, &d), -1, "kind %d", k);
		cr_assert_eq(inifile_load(&f, p, &d), -1, "kind %d", k);
		inifile_free(&f);
		cr_assert_eq(feedback_load(&fb, p, &d), -1, "kind %d", k);
		feedback_free(&fb);
		cr_assert_eq(d.n, 4, "kind %d: %zu problems", k, d.n);
		fbp = feedback_path(p);
		for (i = 0; i < d.n; i++)
			cr_assert(strcmp(d.v[i].file, p) == 0 || strcmp(d.v[i].file, fbp) == 0,
				  "kind %d: %s", k, d.v[i].file);
		free(fbp);
		diag_free(&d);
		free(p);
	}
}

Test(path, inifile_size_limit)
{
	char *big = malloc(PATH_MAX_INI + 2), *p;
	struct inifile f;
	struct diag d = {0};

	memset(big, '\n', PATH_MAX_INI + 1);
	p = tmpfile_with(big, PATH_MAX_INI + 1, ".ini");
	cr_assert_eq(inifile_load(&f, p, &d), -1);
	cr_assert_eq(d.n, 1);
	cr_assert(strstr(d.v[0].msg, "groter dan 1 MB"), "%s", d.v[0].msg);
	inifile_free(&f);
	diag_free(&d);
	cr_assert_eq(truncate(p, PATH_MAX_INI), 0);
	cr_assert_eq(inifile_load(&f, p, &d), 0, "exactly the limit is fine");
	inifile_free(&f);
	unlink(p);
	free(p);
	free(big);
}

/* A private file with known content; its new path. */
static char *private_file(void)
{
	char *p = path_join(hdir, "privé");

	cr_assert_eq(path_write_atomic(p, "geheim\n", 7), 0);
	return p;
}

/* The private file still holds exactly what private_file wrote; frees p. */
static void private_unchanged(char *p)
{
	char *data = path_read(p, NULL);

	cr_assert_str_eq(data, "geheim\n");
	free(data);
	free(p);
}

/* Appends never go through a link, never block on a FIFO, and a file that
 * must be new is never an existing one. */
Test(path, open_append_refuses_links_and_special_files, .init = hostile_setup,
     .fini = hostile_teardown, .timeout = 10)
{
	char *target = private_file(), *link = path_join(hdir, "link");
	char *dangling = path_join(hdir, "dangling");
	char *fresh = path_join(hdir, "new");
	int k, fd;

	cr_assert_eq(symlink(target, link), 0);
	cr_assert_eq(symlink(fresh, dangling), 0);
	cr_assert_eq(path_open_append(link, 0), -1);
	cr_assert_eq(errno, ELOOP);
	cr_assert_eq(path_open_append(link, 1), -1);
	cr_assert_eq(errno, EEXIST);
	cr_assert_eq(path_open_append(dangling, 1), -1);
	cr_assert_eq(access(fresh, F_OK), -1, "no file created through a link");
	for (k = 0; k < K_N; k++) {
		char name[16], *p;
		snprintf(name, sizeof name, "f%d", k);
		p = make_kind((enum kind)k, name);
		if (k != K_BIG)	/* appending has no size limit */
			cr_assert_eq(path_open_append(p, 0), -1, "kind %d", k);
		cr_assert_eq(path_open_append(p, 1), -1, "kind %d", k);
		free(p);
	}
	fd = path_open_append(fresh, 1);
	cr_assert_geq(fd, 0);
	close(fd);
	fd = path_open_append(fresh, 0);
	cr_assert_geq(fd, 0);
	close(fd);
	private_unchanged(target);
	free(link);
	free(dangling);
	free(fresh);
}

/* The writers built on path_open_append: feedback, a session log, a
 * temporary file of an atomic write planted as a link. */
Test(path, writers_do_not_follow_links, .init = hostile_setup,
     .fini = hostile_teardown, .timeout = 10)
{
	char *target = private_file(), *log = path_join(hdir, "s.csv");
	char *fb = feedback_path(log), tmp[128];
	struct sessionlog w;
	struct diag d = {0};

	cr_assert_eq(symlink(target, fb), 0);
	cr_assert_eq(symlink(target, log), 0);
	cr_assert_eq(feedback_add(log, "coach", 1, "tekst", &d), -1);
	cr_assert_eq(sessionlog_append(&w, log, &d), -1);
	sessionlog_close(&w);
	cr_assert_eq(d.n, 2);
	cr_assert(strstr(d.v[0].msg, "symbolische link"), "%s", d.v[0].msg);
	cr_assert(strstr(d.v[1].msg, "symbolische link"), "%s", d.v[1].msg);
	snprintf(tmp, sizeof tmp, "%s/a.ini.tmp.%ld", hdir, (long)getpid());
	cr_assert_eq(symlink(target, tmp), 0);
	free(log);
	log = path_join(hdir, "a.ini");
	cr_assert_eq(path_write_atomic(log, "x", 1), 0);
	private_unchanged(target);
	diag_free(&d);
	free(log);
	free(fb);
}

Test(path, remove_tree_removes_all_but_never_follows_a_link_out)
{
	char dir[64], outside[64], cmd[512], *keep;

	tmpdir_make(dir, "rm");
	tmpdir_make(outside, "rmout");
	keep = path_join(outside, "blijft");
	snprintf(cmd, sizeof cmd, "mkdir -p %s/a/b && echo x > %s/a/b/f && "
		 "echo y > %s && ln -s %s %s/a/link && ln -s %s %s/a/dirlink",
		 dir, dir, keep, keep, dir, outside, dir);
	cr_assert_eq(system(cmd), 0);
	cr_assert_eq(path_remove_tree(dir), 0);
	cr_assert_not(path_isdir(dir));
	cr_assert(path_isfile(keep));
	cr_assert_eq(path_remove_tree(dir), 0, "a missing folder is no error");
	free(keep);
	tmpdir_remove(outside);
}
