/*
 * lock: keeps two windows (processes) from writing one data file at once.
 * A writer takes the lock of a session log, an intervisie record or a
 * feedback file before its first write and holds it until it closes the
 * file. The lock never waits: a second window is refused at once with a
 * message that names the process holding it. The kernel drops the lock
 * when its holder exits in any way, kill -9 included.
 */
#ifndef KC_LOCK_H
#define KC_LOCK_H
#include "diag.h"

/* All zero is a lock that is not held. */
struct lock {
	int fd;			/* the lock file, when held */
	char *path;		/* "dir/.<name>.lock"; NULL when not held */
};

/* Take the lock of the data file at path without waiting. 0 when taken.
 * -1 with an error in d when another process holds it ("<busy> (proces
 * <pid> op host <host>). <advice>") or the lock file cannot be made.
 * Where the file system has no locks: a warning in d and 0, not held. */
int lock_take(struct lock *l, const char *path, const char *busy,
	      const char *advice, struct diag *d);
/* Release a held lock and remove its file; nothing when not held. */
void lock_release(struct lock *l);
/* 1 when another open file holds the lock of the data file at path. */
int lock_busy(const char *path);

#endif
