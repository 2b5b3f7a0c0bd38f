/*
 * diag: a caller-owned list of problems found while loading or checking,
 * each with file, line, severity and a Dutch message. Loaders collect every
 * problem instead of stopping at the first; the caller decides how to show
 * them. Printed like a compiler: "file:line: fout: message".
 */
#ifndef KC_DIAG_H
#define KC_DIAG_H
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

enum diag_sev { DIAG_ERROR, DIAG_WARNING };

struct diag_item {
	char *file;		/* may be NULL */
	int line;		/* 0 when not tied to a line */
	enum diag_sev sev;
	char *msg;
};

struct diag {
	struct diag_item *v;
	size_t n, cap;
};

/* Add a problem; the message is formatted like printf. */
void diag_add(struct diag *d, enum diag_sev sev, const char *file, int line,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The same with a va_list, for a module's own checked helpers. */
void diag_vadd(struct diag *d, enum diag_sev sev, const char *file, int line,
	       const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));
/* Number of problems of the given severity. */
size_t diag_count(const struct diag *d, enum diag_sev sev);
/* Sort by file, then line, keeping insertion order for equal keys. */
void diag_sort(struct diag *d);
/* Format one problem as "file:line: fout: msg" into a new string, passed
 * through text_sanitize (one line, no control characters or escapes). */
char *diag_format(const struct diag_item *it);
/* Print every problem, one per line; strict turns warnings into errors. */
void diag_print(const struct diag *d, FILE *fp, int strict);
/* Release all problems. */
void diag_free(struct diag *d);

#endif
