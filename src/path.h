/*
 * path: file-system helpers shared by the writers: joining paths, creating
 * private directories (0700), durable atomic writes (temp file, fsync,
 * rename, fsync of the directory), appends that never leave a partial
 * write behind, reading a whole file, and the one place where files are
 * opened safely: reading never blocks on a FIFO or device and refuses
 * files over a size limit; writing never follows a symbolic link.
 */
#ifndef KC_PATH_H
#define KC_PATH_H
#include "diag.h"
#include <stddef.h>
#include <stdio.h>

/* Size limits (bytes) for what is read; klantcoach-content(5) and
 * klantcoach(1) document them. */
#define PATH_MAX_INI (1L << 20)	/* config, personas, scenarios */
#define PATH_MAX_CSV (16L << 20)	/* logs, records, feedback, framework */

/* New string "a/b". */
char *path_join(const char *a, const char *b);
/* Create dir and its parents with mode 0700; 0 or -1 (errno set). */
int path_mkdirs(const char *dir);
/* 1 when path is a directory. */
int path_isdir(const char *path);
/* 1 when path is a regular file. */
int path_isfile(const char *path);
/* fsync the directory that holds path; 0 or -1. */
int path_sync_parent(const char *path);
/* Write data to path atomically with mode 0600, through a new temporary
 * file beside it (never through a link); 0 or -1 (errno set). */
int path_write_atomic(const char *path, const char *data, size_t n);
/* A new private file beside path (path.XXXXXX, 0600, never a link):
 * its fd, its name in *tmp (a new string, also on failure), or -1. */
int path_open_beside(const char *path, char **tmp);
/* Put the written and closed file tmp in place of path and sync the
 * folder; on failure tmp is removed. 0, or -1 with errno. */
int path_replace(const char *tmp, const char *path);
/* Write all n bytes to fd, retrying short writes. 0 or -1. */
int path_write_all(int fd, const char *data, size_t n);
/* Append n bytes to fd and, when sync is set, fsync it. 0, or -1 with
 * errno from the write or fsync that failed (a full disk: ENOSPC); the file
 * is then cut back to its size before the call, so it never keeps a part. */
int path_append(int fd, const char *data, size_t n, int sync);
/* Open path for reading, without blocking: anything but a regular file is
 * refused (errno EISDIR for a directory, ENODEV for a FIFO, device or
 * socket), and so is a file over max bytes (EFBIG; max 0 = no limit).
 * A symbolic link is followed. Returns an fd, or -1 with errno set. */
int path_open_read(const char *path, long max);
/* The same, the fd left non-blocking (which a regular file ignores): for
 * reading many small files with read(2). */
int path_open_read_nb(const char *path, long max);
/* The same as a stdio stream; NULL with errno set. */
FILE *path_fopen_read(const char *path, long max);
/* Open path for appending in a data folder. With create the file must be
 * new (O_EXCL), else it must exist and be a regular file, and is opened
 * for reading too (to cut off a torn last row). A symbolic link is never
 * followed (ELOOP). Returns an fd, or -1 with errno set. */
int path_open_append(const char *path, int create);
/* A Dutch reason for errno err where the user can act on it: after the
 * functions above (ELOOP, EISDIR, ENODEV, EFBIG) and for a full disk
 * ("schijf vol" for ENOSPC and EDQUOT); else strerror(err). */
const char *path_strerror(int err);
/* Report in d that path (limit max) could not be read, with the reason
 * for errno and, for a file that is too big, the limit. */
void path_read_failed(struct diag *d, enum diag_sev sev, const char *path,
		      long max);
/* Read a whole file (at most PATH_MAX_CSV bytes, regular files only) into
 * a new NUL-terminated buffer; NULL with errno set on error. */
char *path_read(const char *path, size_t *len);
/* The same for the many small files of a folder: regular says readdir
 * found a regular file (then it is opened without a stat first, and
 * still refused when it is not one); a file is read with one read(2)
 * where its size allows. */
char *path_read_known(const char *path, int regular, size_t *len);
/* Read all of the file open at fd, from its start, like path_read (also
 * refusing a file over PATH_MAX_CSV with EFBIG). */
char *path_read_fd(int fd, size_t *len);
/* Save n bytes durably in a new private file "<path>.<tag>-<time>" (with
 * "-2", "-3", ... when that exists; never overwriting or following a link).
 * Returns the new name, or NULL with errno set. */
char *path_keep_copy(const char *path, const char *tag, const char *data,
		     size_t n);
/* 1 when the directory can be written by users other than its owner. */
int path_unsafe_dir(const char *dir);
/* Remove dir and everything in it, never following a symbolic link out
 * of it; a missing dir is no error. 0 or -1 (errno set). */
int path_remove_tree(const char *dir);

#endif
