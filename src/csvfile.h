/*
 * csvfile: streaming RFC 4180 reading with libcsv, one callback per record
 * with the line the record starts on, CSV writing helpers (quoting and
 * the formula guard for spreadsheets), and cutting a torn last record off a
 * file before appending to it.
 */
#ifndef KC_CSVFILE_H
#define KC_CSVFILE_H
#include "buf.h"
#include "diag.h"
#include <stdio.h>

/* Called per record; return 0 to go on, -1 to stop reading. */
typedef int (*csvfile_row_fn)(void *ctx, int line, char **fields, size_t n);

/* Read path record by record. A file that is not a regular file or is
 * over PATH_MAX_CSV bytes is refused without blocking (an error in d).
 * A syntax error is reported in d with the
 * line and ends the read. Returns 0, or -1 when the file could not be read
 * or parsed or the callback stopped. A last line without newline that
 * leaves a quoted field open is reported as torn (a warning) when
 * torn_ok is set, else as an error. */
int csvfile_read(const char *path, csvfile_row_fn fn, void *ctx,
		 struct diag *d, int torn_ok);
/* The same over the whole file path already read into data (len bytes,
 * data[len] a NUL); data is changed while it is read. */
int csvfile_parse(const char *path, char *data, size_t len,
		  csvfile_row_fn fn, void *ctx, struct diag *d, int torn_ok);
/* Length of the part of s (n bytes) that ends in a complete record: up to
 * and including the last newline outside quotes; 0 when there is none. */
size_t csvfile_complete(const char *s, size_t n);
/* Before appending to the CSV file path, open read-write at fd: cut off a
 * torn last record (bytes after the last complete one), after keeping them
 * in "<path>.rest-<time>" (path_keep_copy). A warning in d says so and names
 * the copy. 0, or -1 with an error in d and the file unchanged. */
int csvfile_cut_torn(int fd, const char *path, struct diag *d);
/* 1 when the first line of path (after a byte-order mark) is a format
 * line "format,VERSION"; 0 otherwise, also when path cannot be read. */
int csvfile_sniff(const char *path, const char *format);
/* Append one field, quoted when needed (RFC 4180). */
void csvfile_field(struct buf *b, const char *s);
/* Like csvfile_field, but a cell starting with = + - @ TAB or CR gets a
 * leading apostrophe so a spreadsheet shows it as text. */
void csvfile_safe_field(struct buf *b, const char *s);

#endif
