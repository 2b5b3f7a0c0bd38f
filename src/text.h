/*
 * text: UTF-8 handling for everything the program shows. Decoding and
 * validation, display width (combining marks 0, East Asian wide and emoji
 * 2), word wrapping that never splits a character, and text_sanitize, the
 * one function that makes untrusted text inert for a terminal.
 */
#ifndef KC_TEXT_H
#define KC_TEXT_H
#include <stddef.h>
#include <stdint.h>

#define TEXT_INVALID 0xFFFFFFFFu

struct text_lines {
	char **v;
	size_t n, cap;
};

/* Decode one code point from s (n bytes available); returns the bytes used
 * (at least 1 when n > 0). Invalid input gives *cp = TEXT_INVALID, 1 byte. */
size_t text_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp as UTF-8 into out; returns the number of bytes (1-4). */
size_t text_encode(uint32_t cp, char out[4]);
/* 1 when the n bytes are valid UTF-8 without NUL, else 0. */
int text_valid(const char *s, size_t n);
/* Length of a UTF-8 byte-order mark at the start of the n bytes of s (3),
 * or 0 when there is none. Spreadsheets and editors write one; every
 * reader skips it. */
size_t text_bom(const char *s, size_t n);
/* Offset of the first invalid byte, or n when valid. */
size_t text_invalid_at(const char *s, size_t n);
/* Columns one code point takes: 0 (combining, zero-width), 1 or 2. */
int text_cpwidth(uint32_t cp);
/* Display width of a NUL-terminated string (invalid bytes count 1). */
size_t text_width(const char *s);
/* Byte length of the longest prefix of s that fits in width columns. */
size_t text_fit(const char *s, size_t width);
/* A new copy of s cut to at most width columns (width >= 1), ending in
 * an ellipsis when it was cut; the cut falls between words where there is
 * a space in the last half. */
char *text_short(const char *s, size_t width);
/* Start of the code point before byte offset pos (0 stays 0). */
size_t text_prev(const char *s, size_t pos);
/* A new string in which controls, escape sequences, bidi overrides and
 * invalid bytes are shown as visible escapes; newlines are kept when
 * keep_nl is set, otherwise shown as a space. */
char *text_sanitize(const char *s, size_t n, int keep_nl);
/* Wrap s into lines of at most width columns (at least 1); '\n' starts a
 * new line; words longer than the width are broken hard. Appends to out. */
void text_wrap(const char *s, size_t width, struct text_lines *out);
/* Split s at spaces and tabs into new strings; returns the count. */
size_t text_split(const char *s, char ***out);
/* Free n strings and the array. */
void text_strv_free(char **v, size_t n);
/* A new string in which every whole-word occurrence of name, and of each
 * part of name of two or more letters, is replaced by with, matched
 * regardless of case and accents (text_fold); at the start of a sentence
 * with gets a capital. Used to hide a trainee's name in free text. */
char *text_hide_name(const char *s, const char *name, const char *with);
/* A new copy of s for matching regardless of case and accents: ASCII
 * lower case, Latin letters with accents as their base letter (Zoë, ZOË
 * and zoe all give "zoe"; Yılmaz gives "yilmaz"), combining marks left
 * out. Other characters stay as they are. */
char *text_fold(const char *s);
/* Free the lines. */
void text_lines_free(struct text_lines *l);
/* Edit distance (insertions, deletions, substitutions of bytes) between
 * a and b. */
size_t text_distance(const char *a, const char *b);
/* The index of the one of the n candidates nearest to word, for "did you
 * mean": the smallest edit distance among those within a third of word's
 * length (at least 2) or containing word; the first on a tie. -1 when
 * none is near. */
long text_nearest(const char *word, const char *const *cands, size_t n);

#endif
