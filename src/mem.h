/*
 * mem: allocation that never returns NULL. Allocation failure (or a size
 * that overflows) is the one condition the core treats as fatal; it runs
 * the hook the front end set (to restore the terminal), prints a message
 * and aborts.
 */
#ifndef KC_MEM_H
#define KC_MEM_H
#include <stddef.h>

/* malloc that aborts on failure. */
void *mem_alloc(size_t n);
/* calloc that aborts on failure. */
void *mem_calloc(size_t count, size_t size);
/* realloc that aborts on failure. */
void *mem_realloc(void *p, size_t n);
/* realloc to n elements of size bytes; aborts on failure and when
 * n * size overflows (like OpenBSD's reallocarray). */
void *mem_reallocarray(void *p, size_t n, size_t size);
/* strdup that aborts on failure; NULL gives NULL. */
char *mem_strdup(const char *s);
/* Copy of the first n bytes of s, NUL-terminated. */
char *mem_strndup(const char *s, size_t n);
/* The capacity to grow an array of cap elements of es bytes to so that it
 * holds need: doubled from at least 8. Aborts when that overflows. */
size_t mem_grow_cap(size_t cap, size_t need, size_t es);
/* Grow the array p, of cap elements, so that it holds at least need;
 * afterwards p is never NULL. p and cap are evaluated more than once:
 * pass plain lvalues. */
#define MEM_GROW(p, cap, need)						\
	do {								\
		if ((need) > (cap) || (p) == NULL) {			\
			size_t mem_c_ = mem_grow_cap((cap), (need),	\
						     sizeof *(p));	\
			(p) = mem_reallocarray((p), mem_c_, sizeof *(p)); \
			(cap) = mem_c_;					\
		}							\
	} while (0)
/* Run fn (NULL: nothing) before the out-of-memory message, to put the
 * terminal back; the one setting the front end gives the core. */
void mem_on_fail(void (*fn)(void));

#endif
