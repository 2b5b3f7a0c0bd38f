/*
 * path: file-system helpers shared by the writers: joining paths, creating
 * private directories (0700), durable atomic writes (temp file, fsync,
 * rename, fsync of the directory) and reading a whole file.
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
/* Append n bytes to fd and, when sync is set, fsync it. 0 or -1. */
int path_append(int fd, const char *data, size_t n, int sync);
/* Read a whole file into a new NUL-terminated buffer; NULL on error. */
char *path_read(const char *path, size_t *len);
/* 1 when the directory can be written by users other than its owner. */
int path_unsafe_dir(const char *dir);

#endif
