/*
 * enospc: an LD_PRELOAD shim that makes the disk "full" for the tests.
 * KC_ENOSPC_AFTER=N lets write(2) put N bytes in regular files in all;
 * the write that crosses the budget is cut short (a partial write, as the
 * kernel does) and every later one fails with ENOSPC. With KC_ENOSPC_FSYNC
 * set, writes always succeed and fsync(2) fails with ENOSPC once more than
 * N bytes were written (as on file systems that report it late).
 * Writes to terminals and pipes are not counted. Under AddressSanitizer
 * the ASan runtime must come first in LD_PRELOAD (see tests/e2e/diskfull.sh).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static long long used;

static long long budget(void)
{
	const char *s = getenv("KC_ENOSPC_AFTER");

	return s ? atoll(s) : -1;
}

static int regular(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	long long left = budget() - used;
	ssize_t w;

	if (real == NULL)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	if (budget() < 0 || !regular(fd))
		return real(fd, buf, n);
	if (!getenv("KC_ENOSPC_FSYNC") && n > 0) {
		if (left <= 0) {
			errno = ENOSPC;
			return -1;
		}
		if ((long long)n > left)
			n = (size_t)left;
	}
	w = real(fd, buf, n);
	if (w > 0)
		used += w;
	return w;
}

int fsync(int fd)
{
	static int (*real)(int);

	if (real == NULL)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	if (getenv("KC_ENOSPC_FSYNC") && budget() >= 0 && used > budget() &&
	    regular(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd);
}
