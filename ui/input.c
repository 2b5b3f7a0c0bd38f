/*
 * input: editing over a byte buffer that always holds valid UTF-8; the
 * cursor only ever rests on a character boundary. Confirming and
 * cancelling are requests (see request.c): Enter confirms a one-line
 * field and breaks the line in a multi-line one, where Ctrl-D, F2 or Tab
 * confirm; Esc cancels.
 */
#include "input.h"
#include "text.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static void insert(struct input *in, const char *s, size_t n)
{
	struct buf b = {0};

	if (in->text.len + n > INPUT_MAX)
		return;
	buf_addn(&b, buf_str(&in->text), in->cur);
	buf_addn(&b, s, n);
	buf_add(&b, buf_str(&in->text) + in->cur);
	buf_free(&in->text);
	in->text = b;
	in->cur += n;
}

static void erase_range(struct input *in, size_t from, size_t to)
{
	char *s = in->text.s;

	if (s == NULL || from >= to)
		return;
	memmove(s + from, s + to, in->text.len - to + 1);
	in->text.len -= to - from;
	in->cur = from;
}

static size_t next_char(const struct input *in)
{
	uint32_t cp;
	size_t left = in->text.len - in->cur;

	return left ? in->cur + text_decode(in->text.s + in->cur, left, &cp) : in->cur;
}

static size_t line_start(const struct input *in, size_t pos)
{
	while (pos > 0 && in->text.s[pos - 1] != '\n')
		pos--;
	return pos;
}

static size_t line_end(const struct input *in, size_t pos)
{
	while (pos < in->text.len && in->text.s[pos] != '\n')
		pos++;
	return pos;
}

/* Move to the same column (in characters) on the previous/next line. */
static void vertical(struct input *in, int dir)
{
	size_t ls = line_start(in, in->cur), col = 0, p, target;

	for (p = ls; p < in->cur; col++) {
		uint32_t cp;
		p += text_decode(in->text.s + p, in->cur - p, &cp);
	}
	if (dir < 0 && ls == 0)
		return;
	if (dir > 0 && line_end(in, in->cur) == in->text.len)
		return;
	target = dir < 0 ? line_start(in, ls - 1) : line_end(in, in->cur) + 1;
	for (in->cur = target; col > 0 && in->cur < line_end(in, target); col--)
		in->cur = next_char(in);
}

static enum input_result newline(struct input *in)
{
	if (!in->multiline)
		return INPUT_IGNORED;
	insert(in, "\n", 1);
	return INPUT_EDITED;
}

static enum input_result fkey(struct input *in, wint_t ch)
{
	switch (ch) {
	case KEY_LEFT: in->cur = text_prev(buf_str(&in->text), in->cur); break;
	case KEY_RIGHT: in->cur = next_char(in); break;
	case KEY_HOME: in->cur = line_start(in, in->cur); break;
	case KEY_END: in->cur = line_end(in, in->cur); break;
	case KEY_UP: vertical(in, -1); break;
	case KEY_DOWN: vertical(in, 1); break;
	case KEY_BACKSPACE: erase_range(in, text_prev(buf_str(&in->text), in->cur), in->cur); break;
	case KEY_DC: erase_range(in, in->cur, next_char(in)); break;
	case KEY_ENTER: return newline(in);
	default: return INPUT_IGNORED;
	}
	return INPUT_EDITED;
}

enum input_result input_key(struct input *in, wint_t ch, int is_key)
{
	char enc[4];

	if (is_key)
		return fkey(in, ch);
	if (ch == '\n' || ch == '\r')
		return newline(in);
	if (ch == 127 || ch == 8)
		return fkey(in, KEY_BACKSPACE);
	if (ch < 0x20 || (ch >= 0x7F && ch < 0xA0) || ch > 0x10FFFF ||
	    (ch >= 0xD800 && ch <= 0xDFFF))
		return INPUT_IGNORED;
	insert(in, enc, text_encode((uint32_t)ch, enc));
	return INPUT_EDITED;
}

const struct keymap_entry *input_keymap(const struct input *in)
{
	static const struct keymap_entry line[] = {
		{REQ_FIELD_DONE, "bewaren"},
		{REQ_FIELD_CANCEL, "verlaten"},
		{REQ_NONE, NULL},
	}, multi[] = {
		{REQ_FIELD_NEWLINE, "nieuwe regel"},
		{REQ_FIELD_DONE, "bewaren"},
		{REQ_FIELD_CANCEL, "verlaten"},
		{REQ_NONE, NULL},
	};

	return in->multiline ? multi : line;
}

void input_set(struct input *in, const char *s)
{
	buf_clear(&in->text);
	buf_add(&in->text, s);
	in->cur = in->text.len;
}

/* A row from p cut at end (in a word) ends after the last space before
 * it instead, if there is one: words are not broken. */
static size_t word_end(const char *s, size_t p, size_t end)
{
	size_t q = end;

	if (s[end] == '\0' || s[end] == '\n' || s[end] == ' ')
		return end;
	while (q > p && s[q - 1] != ' ')
		q--;
	return q > p ? q : end;
}

/* Rows of the field: each logical line cut into pieces of w columns at
 * spaces (a word longer than the row is cut where the row ends). The
 * row and column of byte offset cur are returned through *cy and *cx. */
static size_t field_rows(const char *s, size_t w, size_t cur, size_t *starts,
			 size_t max, int *cy, int *cx)
{
	size_t n = 0, p = 0, len = strlen(s);

	for (;;) {
		size_t end = p, k = text_fit(s + p, w);
		while (end < len && s[end] != '\n' && end - p < k)
			end++;
		if (end - p == 0 && p < len && s[p] != '\n')
			end = p + 1;
		end = word_end(s, p, end);
		if (n < max)
			starts[n] = p;
		if (cur >= p && (cur < end || (cur == end && (end == len || s[end] == '\n')))) {
			char *before = strndup(s + p, cur - p);
			*cy = (int)n;
			*cx = (int)text_width(before);
			free(before);
		}
		n++;
		if (end >= len)
			break;
		p = s[end] == '\n' ? end + 1 : end;
	}
	return n;
}

void input_draw(const struct input *in, int y, int x, int h, int w)
{
	const char *s = buf_str(&in->text);
	size_t starts[512], n, i, len = strlen(s);
	int cy = 0, cx = 0, top;

	if (w < 1 || h < 1)
		return;
	n = field_rows(s, (size_t)w, in->cur, starts, 512, &cy, &cx);
	top = cy >= h ? cy - h + 1 : 0;
	for (i = 0; (int)i < h; i++) {
		size_t r = (size_t)top + i, e;
		mvhline(y + (int)i, x, ' ', w);
		if (r >= n || r >= 512)
			continue;
		e = r + 1 < n && r + 1 < 512 ? starts[r + 1] : len;
		while (e > starts[r] && s[e - 1] == '\n')
			e--;
		mvaddnstr(y + (int)i, x, s + starts[r], (int)(e - starts[r]));
	}
	move(y + cy - top, x + (cx < w ? cx : w - 1));
}

void input_free(struct input *in)
{
	buf_free(&in->text);
	in->cur = 0;
}
