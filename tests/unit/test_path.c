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
	free(file);
	free(sub);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
	cr_assert_str_eq((sub = path_join("a/", "b")), "a/b");
	free(sub);
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
