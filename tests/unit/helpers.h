/* Shared test helpers: temporary files and folders, a size limit for files. */
#ifndef KC_TEST_HELPERS_H
#define KC_TEST_HELPERS_H
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

/* Write text to a new temporary file; returns its path (malloced: the
 * caller unlinks the file and frees the path). */
static inline char *tmpfile_with(const char *text, size_t n, const char *suffix)
{
	char *p = malloc(64);
	int fd;

	snprintf(p, 64, "/tmp/kc-test-XXXXXX%s", suffix);
	fd = mkstemps(p, (int)strlen(suffix));
	if (fd < 0)
		abort();
	if (write(fd, text, n) != (ssize_t)n)
		abort();
	close(fd);
	return p;
}

/* Let files grow to lim bytes at most (RLIM_INFINITY: no limit). A write
 * that crosses it is cut short and the next fails with EFBIG, the way a
 * full disk cuts a write short and then fails with ENOSPC. */
static inline void limit_file_size(rlim_t lim)
{
	struct rlimit rl;

	signal(SIGXFSZ, SIG_IGN);
	if (getrlimit(RLIMIT_FSIZE, &rl) != 0)
		abort();
	rl.rlim_cur = lim;
	if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
		abort();
}

/* Make a new private folder "/tmp/kc-<tag>-XXXXXX" into dir (64 bytes). */
static inline void tmpdir_make(char dir[64], const char *tag)
{
	snprintf(dir, 64, "/tmp/kc-%s-XXXXXX", tag);
	if (mkdtemp(dir) == NULL)
		abort();
}

/* Remove a folder made by tmpdir_make, also where a test took away its
 * permissions. */
static inline void tmpdir_remove(const char *dir)
{
	char cmd[1024];

	snprintf(cmd, sizeof cmd, "chmod -R u+rwx %s; rm -rf %s", dir, dir);
	if (system(cmd) != 0)
		abort();
}
#endif
