/*
 * path: POSIX file helpers. Everything created here is private to the user:
 * directories 0700, files 0600. Every file klantcoach reads or appends to
 * is opened here: with O_NONBLOCK, so a FIFO or device cannot block, then
 * checked with fstat to be a regular file; appends never follow a link.
 */
#include "path.h"
#include "buf.h"
#include "mem.h"
#include "tstamp.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

char *path_join(const char *a, const char *b)
{
	struct buf s = {0};
	size_t n = strlen(a);

	buf_add(&s, a);
	if (n == 0 || a[n - 1] != '/')
		buf_addc(&s, '/');
	buf_add(&s, b);
	return buf_take(&s);
}

int path_isdir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int path_isfile(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int path_mkdirs(const char *dir)
{
	char *p = mem_strdup(dir), *s;
	int rc = 0;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0700) != 0 && errno != EEXIST)
		rc = -1;
	if (rc == 0 && !path_isdir(p)) {
		errno = ENOTDIR;
		rc = -1;
	}
	free(p);
	return rc;
}

int path_sync_parent(const char *path)
{
	char *copy = mem_strdup(path);
	int fd, rc;

	fd = open(dirname(copy), O_RDONLY | O_DIRECTORY);
	free(copy);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int path_write_all(int fd, const char *data, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, data, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += w;
		n -= (size_t)w;
	}
	return 0;
}

int path_open_beside(const char *path, char **tmp)
{
	struct buf b = {0};

	buf_printf(&b, "%s.XXXXXX", path);
	*tmp = buf_take(&b);
	return mkstemp(*tmp);	/* 0600, O_EXCL: a new file, never a link */
}

int path_replace(const char *tmp, const char *path)
{
	int saved;

	if (rename(tmp, path) == 0)
		return path_sync_parent(path);
	saved = errno;
	unlink(tmp);
	errno = saved;
	return -1;
}

int path_write_atomic(const char *path, const char *data, size_t n)
{
	char *tmp;
	int fd = path_open_beside(path, &tmp), rc = -1, saved;

	if (fd >= 0) {
		if (path_write_all(fd, data, n) == 0 && fsync(fd) == 0 &&
		    close(fd) == 0) {
			rc = path_replace(tmp, path);
		} else {
			saved = errno;
			close(fd);
			unlink(tmp);
			errno = saved;
		}
	}
	free(tmp);
	return rc;
}

int path_append(int fd, const char *data, size_t n, int sync)
{
	struct stat st;
	int saved;

	if (fstat(fd, &st) != 0)
		return -1;
	if (path_write_all(fd, data, n) == 0 && (!sync || fsync(fd) == 0))
		return 0;
	saved = errno;
	/* Shrinking needs no free space; what is left is what was there. */
	if (ftruncate(fd, st.st_size) == 0 && sync)
		(void)fsync(fd);
	errno = saved;
	return -1;
}

/* Set errno for a file of mode m that is not a regular file; -1. */
static int refuse(mode_t m)
{
	errno = S_ISDIR(m) ? EISDIR : S_ISLNK(m) ? ELOOP : ENODEV;
	return -1;
}

/* open(2) without blocking, then: a regular file of at most max bytes (0 =
 * any size), or -1 with errno set. The fd stays non-blocking, which a
 * regular file ignores. Its size goes to *size (when not NULL). */
static int open_sized_nb(const char *path, int flags, long max, off_t *size)
{
	struct stat st;
	int fd = open(path, flags | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0600);
	int saved;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || (!S_ISREG(st.st_mode) && refuse(st.st_mode)))
		goto fail;
	if (max > 0 && st.st_size > max) {
		errno = EFBIG;
		goto fail;
	}
	if (size)
		*size = st.st_size;
	return fd;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

static int open_regular_nb(const char *path, int flags, long max)
{
	return open_sized_nb(path, flags, max, NULL);
}

/* fd (or -1) back in blocking mode; -1 with errno set when that fails. */
static int blocking(int fd)
{
	int fl = fd >= 0 ? fcntl(fd, F_GETFL) : -1, saved;

	if (fl >= 0 && fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == 0)
		return fd;
	if (fd >= 0) {
		saved = errno;
		close(fd);
		errno = saved;
	}
	return -1;
}

static int open_regular(const char *path, int flags, long max)
{
	return blocking(open_regular_nb(path, flags, max));
}

/* -1 (errno set) when stat shows path is not a regular file: a device
 * is not even opened, since opening one can have effects. */
static int stat_first(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && !S_ISREG(st.st_mode)
		? refuse(st.st_mode) : 0;
}

int path_open_read_nb(const char *path, long max)
{
	return stat_first(path) ? -1 : open_regular_nb(path, O_RDONLY, max);
}

int path_open_read(const char *path, long max)
{
	return blocking(path_open_read_nb(path, max));
}

FILE *path_fopen_read(const char *path, long max)
{
	int fd = path_open_read(path, max), saved;
	FILE *fp = fd >= 0 ? fdopen(fd, "r") : NULL;

	if (fp == NULL && fd >= 0) {
		saved = errno;
		close(fd);
		errno = saved;
	}
	return fp;
}

int path_open_append(const char *path, int create)
{
	struct stat st;

	if (create)
		return open_regular(path, O_WRONLY | O_APPEND | O_CREAT |
				    O_EXCL | O_NOFOLLOW, 0);
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return refuse(st.st_mode);
	return open_regular(path, O_RDWR | O_APPEND | O_NOFOLLOW, 0);
}

const char *path_strerror(int err)
{
	switch (err) {
	case ELOOP:
		return "is een symbolische link; "
		       "klantcoach schrijft niet via een link";
	case EISDIR:
		return "is een map, geen bestand";
	case ENODEV:
		return "is geen gewoon bestand "
		       "(maar een FIFO, apparaat of socket)";
	case EFBIG:
		return "is te groot";
	case ENOSPC:
		return "schijf vol";
	case EDQUOT:
		return "schijf vol (je quotum is op)";
	default:
		return strerror(err);
	}
}

void path_read_failed(struct diag *d, enum diag_sev sev, const char *path,
		      long max)
{
	int err = errno;

	if (err == EFBIG)
		diag_add(d, sev, path, 0, "is groter dan %ld MB, de grens voor "
			 "dit soort bestand; niet gelezen", max >> 20);
	else if (err == EISDIR || err == ENODEV)
		diag_add(d, sev, path, 0, "%s; niet gelezen",
			 path_strerror(err));
	else
		diag_add(d, sev, path, 0, "kan niet lezen: %s", strerror(err));
}

char *path_read(const char *path, size_t *len)
{
	struct buf b = {0};
	char chunk[65536];
	ssize_t n;
	int fd = path_open_read(path, PATH_MAX_CSV), saved;

	if (fd < 0)
		return NULL;
	while ((n = read(fd, chunk, sizeof chunk)) > 0 ||
	       (n < 0 && errno == EINTR))
		if (n > 0)
			buf_addn(&b, chunk, (size_t)n);
	saved = errno;
	close(fd);
	if (n < 0) {
		buf_free(&b);
		errno = saved;
		return NULL;
	}
	if (len)
		*len = b.len;
	return buf_take(&b);
}

/* The rest of fd, size bytes expected: one read(2) when the file has not
 * grown since (a short read of a regular file is its end). */
static char *read_sized(int fd, off_t size, size_t *len)
{
	size_t cap = (size_t)size + 1, n = 0;
	char *s = mem_alloc(cap + 1);
	ssize_t got;

	while ((got = read(fd, s + n, cap - n)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0 || n + (size_t)got > PATH_MAX_CSV) {
			errno = got < 0 ? errno : EFBIG;
			free(s);
			return NULL;
		}
		n += (size_t)got;
		if (n < cap)
			break;
		s = mem_realloc(s, (cap *= 2) + 1);
	}
	s[n] = '\0';
	*len = n;
	return s;
}

char *path_read_known(const char *path, int regular, size_t *len)
{
	off_t size = 0;
	int fd = !regular && stat_first(path) ? -1
		 : open_sized_nb(path, O_RDONLY, PATH_MAX_CSV, &size);
	int saved;
	char *s;

	if (fd < 0)
		return NULL;
	s = read_sized(fd, size, len);
	saved = errno;
	close(fd);
	errno = saved;
	return s;
}

char *path_read_fd(int fd, size_t *len)
{
	struct buf b = {0};
	char chunk[65536];
	off_t off = 0;
	ssize_t n;
	struct stat st;

	if (fstat(fd, &st) == 0 && st.st_size > PATH_MAX_CSV) {
		errno = EFBIG;
		return NULL;
	}
	while ((n = pread(fd, chunk, sizeof chunk, off)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			buf_free(&b);
			return NULL;
		}
		buf_addn(&b, chunk, (size_t)n);
		off += n;
	}
	if (len)
		*len = b.len;
	return buf_take(&b);
}

/* Create a new private file "<path>.<tag>-<time>[-k]" for writing. */
static int new_copy(const char *path, const char *tag, struct buf *name)
{
	char when[32];
	time_t now = tstamp_now();
	struct tm tm;
	int fd = -1, k;

	strftime(when, sizeof when, "%Y%m%d-%H%M%S", gmtime_r(&now, &tm));
	for (k = 1; fd < 0 && k < 1000; k++) {
		buf_clear(name);
		buf_printf(name, "%s.%s-%s", path, tag, when);
		if (k > 1)
			buf_printf(name, "-%d", k);
		fd = open(name->s, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
			  O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	return fd;
}

char *path_keep_copy(const char *path, const char *tag, const char *data,
		     size_t n)
{
	struct buf name = {0};
	int fd = new_copy(path, tag, &name), rc = -1, saved;

	if (fd >= 0) {
		rc = path_append(fd, data, n, 1);
		saved = errno;
		close(fd);
		errno = saved;
		if (rc == 0)
			rc = path_sync_parent(name.s);
		saved = errno;
		if (rc != 0)
			unlink(name.s);
		errno = saved;
	}
	if (rc == 0)
		return buf_take(&name);
	saved = errno;
	buf_free(&name);
	errno = saved;
	return NULL;
}

int path_unsafe_dir(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) != 0)
		return 0;
	return (st.st_mode & (S_IWGRP | S_IWOTH)) != 0;
}

int path_remove_tree(const char *dir)
{
	struct dirent *e;
	struct stat st;
	DIR *dp;
	int rc = 0;

	if (lstat(dir, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(dir);
	if ((dp = opendir(dir)) == NULL)
		return -1;
	while (rc == 0 && (e = readdir(dp)) != NULL) {
		char *p;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = path_join(dir, e->d_name);
		rc = path_remove_tree(p);
		free(p);
	}
	closedir(dp);
	return rc == 0 ? rmdir(dir) : -1;
}
