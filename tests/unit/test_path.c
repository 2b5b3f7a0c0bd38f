/* Unit tests for src/path. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <sys/stat.h>

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
