/*
 * mem: allocation that never returns NULL. Allocation failure is the one
 * condition the core treats as fatal; it prints a message and aborts.
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
/* strdup that aborts on failure; NULL gives NULL. */
char *mem_strdup(const char *s);
/* Copy of the first n bytes of s, NUL-terminated. */
char *mem_strndup(const char *s, size_t n);
/* Grow *v (element size es) so that it holds at least need elements. */
void mem_grow(void *v, size_t *cap, size_t need, size_t es);

#endif
