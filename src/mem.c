/*
 * mem: allocation wrappers. Out of memory is unrecoverable for an
 * interactive program; we say so on stderr and abort.
 */
#include "mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*fail_hook)(void);

void mem_on_fail(void (*fn)(void))
{
	fail_hook = fn;
}

static void mem_fail(void)
{
	if (fail_hook)
		fail_hook();
	fputs("klantcoach: onvoldoende geheugen\n", stderr);
	abort();
}

void *mem_alloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		mem_fail();
	return p;
}

void *mem_calloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (p == NULL)
		mem_fail();
	return p;
}

void *mem_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (q == NULL)
		mem_fail();
	return q;
}

char *mem_strdup(const char *s)
{
	return s ? mem_strndup(s, strlen(s)) : NULL;
}

char *mem_strndup(const char *s, size_t n)
{
	char *p = mem_alloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *mem_reallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		mem_fail();
	return mem_realloc(p, n * size);
}

size_t mem_grow_cap(size_t cap, size_t need, size_t es)
{
	size_t c = cap ? cap : 8;

	while (c < need) {
		if (c > SIZE_MAX / 2 / (es ? es : 1))
			mem_fail();
		c *= 2;
	}
	return c;
}
