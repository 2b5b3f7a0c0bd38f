/*
 * buf: a growable, always NUL-terminated byte string.
 */
#ifndef KC_BUF_H
#define KC_BUF_H
#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *s;
	size_t len, cap;
};

/* Append n bytes. */
void buf_addn(struct buf *b, const char *s, size_t n);
/* Append a C string. */
void buf_add(struct buf *b, const char *s);
/* Append one byte. */
void buf_addc(struct buf *b, char c);
/* Append a decimal integer (as %ld, without the cost of printf). */
void buf_addl(struct buf *b, long v);
/* Append formatted text. */
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Append formatted text from a va_list. */
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Current contents ("" when empty, never NULL). */
const char *buf_str(const struct buf *b);
/* Hand over the string (caller frees) and reset the buffer. */
char *buf_take(struct buf *b);
/* Empty the buffer, keeping its memory. */
void buf_clear(struct buf *b);
/* Release the memory. */
void buf_free(struct buf *b);

#endif
