/*
 * lock: an open-file-description lock (fcntl F_OFD_SETLK) on a small hidden
 * file ".<data file>.lock" beside the data file, holding "<pid> <host>" of
 * the holder for the refusal message. OFD locks belong to the open file, not
 * to the process: closing another descriptor of the same file (a reader)
 * does not drop them, as it would a classic POSIX lock. The holder removes
 * the file while it still holds the lock; a taker that locked a file that
 * was removed meanwhile sees that and tries again.
 */
#define _GNU_SOURCE		/* F_OFD_SETLK, F_OFD_GETLK */
#include "lock.h"
#include "buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOCK_TRIES 8

static int whole_file(int fd, int cmd, struct flock *fl)
{
	memset(fl, 0, sizeof *fl);
	fl->l_type = F_WRLCK;
	fl->l_whence = SEEK_SET;
	return fcntl(fd, cmd, fl);
}

/* "dir/name" -> "dir/.name.lock": hidden, so no folder scan takes it for
 * a data file. */
static char *lock_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	struct buf b = {0};

	buf_printf(&b, "%.*s.%s.lock", (int)dir, path, path + dir);
	return buf_take(&b);
}

/* 1 when fd is still the file that is linked at path. */
static int still_linked(int fd, const char *path)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && stat(path, &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* "<pid> <host>" into the lock file. 0 or -1. */
static int write_holder(int fd)
{
	char host[256];
	struct buf b = {0};
	int rc;

	if (gethostname(host, sizeof host) != 0)
		strcpy(host, "?");
	host[sizeof host - 1] = '\0';
	buf_printf(&b, "%ld %s\n", (long)getpid(), host);
	rc = ftruncate(fd, 0) == 0 &&
	     pwrite(fd, b.s, b.len, 0) == (ssize_t)b.len ? 0 : -1;
	buf_free(&b);
	return rc;
}

/* "proces <pid> op host <host>" from the lock file; its text is only
 * trusted when it looks like what write_holder writes. */
static char *read_holder(int fd)
{
	char text[300], host[256];
	ssize_t n = pread(fd, text, sizeof text - 1, 0);
	struct buf b = {0};
	long pid;

	text[n > 0 ? n : 0] = '\0';
	if (sscanf(text, "%ld %255s", &pid, host) == 2 && pid > 0 &&
	    strspn(host, "abcdefghijklmnopqrstuvwxyz"
		   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") == strlen(host))
		buf_printf(&b, "proces %ld op host %s", pid, host);
	else
		buf_add(&b, "een ander proces");
	return buf_take(&b);
}

/* One try: 0 taken, 1 lost a race with a release (try again), 2 no
 * locks on this file system, -1 refused. */
static int try_once(struct lock *l, const char *path, const char *busy,
		    const char *advice, struct diag *d)
{
	struct flock fl;
	char *who;
	int fd, err;

	fd = open(l->path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK |
		  O_CLOEXEC, 0600);
	if (fd < 0) {
		diag_add(d, DIAG_ERROR, l->path, 0,
			 "kan slotbestand niet maken: %s", strerror(errno));
		return -1;
	}
	if (whole_file(fd, F_OFD_SETLK, &fl) == 0) {
		if (still_linked(fd, l->path)) {
			l->fd = fd;
			return 0;
		}
		close(fd);
		return 1;
	}
	err = errno;
	if (err == EAGAIN || err == EACCES) {
		who = read_holder(fd);
		diag_add(d, DIAG_ERROR, path, 0, "%s (%s). %s", busy, who,
			 advice);
		free(who);
	} else {
		diag_add(d, DIAG_WARNING, l->path, 0, "dit bestand kan hier "
			 "niet op slot (%s); open het niet in twee vensters "
			 "tegelijk", strerror(err));
		unlink(l->path);
	}
	close(fd);
	return err == EAGAIN || err == EACCES ? -1 : 2;
}

int lock_take(struct lock *l, const char *path, const char *busy,
	      const char *advice, struct diag *d)
{
	int i, rc = 1;

	l->fd = -1;
	l->path = lock_path(path);
	for (i = 0; i < LOCK_TRIES && rc == 1; i++)
		rc = try_once(l, path, busy, advice, d);
	if (rc == 0) {
		write_holder(l->fd);	/* a courtesy; the lock counts */
		return 0;
	}
	if (rc == 1)
		diag_add(d, DIAG_ERROR, l->path, 0, "slotbestand wordt steeds "
			 "vervangen; probeer het opnieuw");
	free(l->path);
	l->path = NULL;
	return rc == 2 ? 0 : -1;
}

void lock_release(struct lock *l)
{
	if (l->path) {
		unlink(l->path);
		close(l->fd);
	}
	l->fd = -1;
	free(l->path);
	l->path = NULL;
}

int lock_busy(const char *path)
{
	char *lp = lock_path(path);
	int fd = open(lp, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	int busy = 0;
	struct flock fl;

	if (fd >= 0) {
		busy = whole_file(fd, F_OFD_GETLK, &fl) == 0 &&
		       fl.l_type != F_UNLCK;
		close(fd);
	}
	free(lp);
	return busy;
}
