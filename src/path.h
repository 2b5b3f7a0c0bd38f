/*
 * path: file-system helpers shared by the writers: joining paths, creating
 * private directories (0700), durable atomic writes (temp file, fsync,
 * rename, fsync of the directory), appends that never leave a partial
 * write behind, and reading a whole file.
 */
#ifndef KC_PATH_H
#define KC_PATH_H
#include <stddef.h>

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
/* Write data to path atomically with mode 0600; 0 or -1 (errno set). */
int path_write_atomic(const char *path, const char *data, size_t n);
/* Write all n bytes to fd, retrying short writes. 0 or -1. */
int path_write_all(int fd, const char *data, size_t n);
/* Append n bytes to fd and, when sync is set, fsync it. 0, or -1 with
 * errno from the write or fsync that failed (a full disk: ENOSPC); the file
 * is then cut back to its size before the call, so it never keeps a part. */
int path_append(int fd, const char *data, size_t n, int sync);
/* Read a whole file into a new NUL-terminated buffer; NULL on error. */
char *path_read(const char *path, size_t *len);
/* Read all of the file open at fd, from its start, like path_read. */
char *path_read_fd(int fd, size_t *len);
/* Save n bytes durably in a new private file "<path>.<tag>-<time>" (with
 * "-2", "-3", ... when that exists; never overwriting or following a link).
 * Returns the new name, or NULL with errno set. */
char *path_keep_copy(const char *path, const char *tag, const char *data,
		     size_t n);
/* The reason for errno value err in Dutch where the user can act on it
 * ("schijf vol" for ENOSPC and EDQUOT), else strerror(err). */
const char *path_strerror(int err);
/* 1 when the directory can be written by users other than its owner. */
int path_unsafe_dir(const char *dir);

#endif
