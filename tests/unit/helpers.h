/* Shared test helpers: temporary files. */
#ifndef KC_TEST_HELPERS_H
#define KC_TEST_HELPERS_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Write text to a new temporary file; returns its path (static buffer per call site). */
static inline char *tmpfile_with(const char *text, size_t n, const char *suffix)
{
	char *p = malloc(64);
	int fd;

	snprintf(p, 64, "/tmp/kc-test-XXXXXX%s", suffix);
	fd = mkstemps(p, (int)strlen(suffix));
	if (fd < 0)
		abort();
	if (write(fd, text, n) != (ssize_t)n)
		abort();
	close(fd);
	return p;
}
#endif
