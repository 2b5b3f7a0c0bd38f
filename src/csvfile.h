/*
 * csvfile: streaming RFC 4180 reading with libcsv, one callback per record
 * with the line the record starts on, and CSV writing helpers (quoting and
 * the formula guard for spreadsheets).
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
/* Append one field, quoted when needed (RFC 4180). */
void csvfile_field(struct buf *b, const char *s);
/* Like csvfile_field, but a cell starting with = + - @ TAB or CR gets a
 * leading apostrophe so a spreadsheet shows it as text. */
void csvfile_safe_field(struct buf *b, const char *s);

#endif
