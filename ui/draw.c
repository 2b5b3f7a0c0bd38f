/*
 * draw: the only place that knows colours. Content text is sanitised here
 * once more before it reaches the terminal, so no file can inject escapes.
 */
#include "draw.h"
#include "mem.h"
#include "text.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static int use_colour;

static const struct {
	short fg, bg;
	int attr, mono;
} roles[ROLE_COUNT] = {
	[ROLE_NORMAL] = {-1, -1, 0, 0},
	[ROLE_TITLE] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
	[ROLE_BAR] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
	[ROLE_SELECT] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD},
	[ROLE_CLIENT] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[ROLE_DIM] = {COLOR_BLUE, -1, 0, A_DIM},
	[ROLE_GOOD] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
	[ROLE_BAD] = {COLOR_RED, -1, A_BOLD, A_UNDERLINE},
	[ROLE_HEAD] = {COLOR_MAGENTA, -1, A_BOLD, A_BOLD | A_UNDERLINE},
	[ROLE_METER] = {COLOR_GREEN, -1, 0, 0},
};

void draw_init(int colour)
{
	int i;

	use_colour = colour && has_colors();
	if (!use_colour)
		return;
	start_color();
	use_default_colors();
	for (i = 1; i < ROLE_COUNT; i++)
		init_pair((short)i, roles[i].fg, roles[i].bg);
}

void draw_role(enum role r, int on)
{
	int a = use_colour ? (int)(COLOR_PAIR(r) | (chtype)roles[r].attr) : roles[r].mono;

	if (on)
		attron(a);
	else
		attroff(a);
}

#define WIDE_MAX 512

/* Add the n bytes of s at (y, x): as wide characters, which curses adds
 * without decoding them byte by byte again, when the locale decodes
 * them all. */
static void add_text(int y, int x, const char *s, size_t n)
{
	wchar_t wide[WIDE_MAX];
	mbstate_t st;
	const char *p = s;
	size_t k;

	memset(&st, 0, sizeof st);
	k = mbsnrtowcs(wide, &p, n, WIDE_MAX, &st);
	if (k == (size_t)-1 || (p != NULL && p != s + n))
		mvaddnstr(y, x, s, (int)n);
	else
		mvaddnwstr(y, x, wide, (int)k);
}

void draw_text(int y, int x, int w, const char *s, enum role r)
{
	char *clean;
	size_t n;

	if (w <= 0)
		return;
	clean = text_sanitize(s, strlen(s), 0);
	n = text_fit(clean, (size_t)w);
	draw_role(r, 1);
	add_text(y, x, clean, n);
	draw_role(r, 0);
	free(clean);
}

int draw_bar(int y, const char *left, const char *right)
{
	int w = COLS, rw = (int)text_width(right), whole;
	char *cut;

	draw_role(ROLE_BAR, 1);
	mvhline(y, 0, ' ', w);
	draw_role(ROLE_BAR, 0);
	cut = text_short(left, w - rw - 3 > 1 ? (size_t)(w - rw - 3) : 1);
	draw_text(y, 1, w - rw - 3, cut, ROLE_BAR);
	whole = (int)text_width(cut) - (strcmp(cut, left) != 0);
	free(cut);
	if (rw < w - 2)
		draw_text(y, w - rw - 1, rw, right, ROLE_BAR);
	return whole;
}

void draw_meter(int y, int x, int w, int namew, const char *name, int value,
		int delta)
{
	char num[16];
	int i;

	draw_text(y, x, namew, name, ROLE_NORMAL);
	move(y, x + namew);
	for (i = 0; i < METER_BAR && w >= namew + METER_BAR + METER_NUM; i++) {
		draw_role(i < value ? (value <= 3 ? ROLE_BAD : ROLE_METER) : ROLE_DIM, 1);
		addstr(i < value ? "\xe2\x96\x88" : "\xc2\xb7");
		draw_role(i < value ? (value <= 3 ? ROLE_BAD : ROLE_METER) : ROLE_DIM, 0);
	}
	if (delta)
		snprintf(num, sizeof num, " %d %+d", value, delta);
	else
		snprintf(num, sizeof num, " %d", value);
	draw_text(y, getcurx(stdscr), METER_NUM, num, delta > 0 ? ROLE_GOOD
		  : delta < 0 ? ROLE_BAD : ROLE_NORMAL);
}

void lines_add(struct lines *l, const char *s, size_t width, int indent,
	       enum role r, int tag)
{
	struct text_lines tl = {0};
	char *clean = text_sanitize(s, strlen(s), 1);
	size_t i;

	text_wrap(clean, width > (size_t)indent + 1 ? width - (size_t)indent : 1, &tl);
	for (i = 0; i < tl.n; i++) {
		MEM_GROW(l->v, l->cap, l->n + 1);
		memset(&l->v[l->n], 0, sizeof *l->v);
		l->v[l->n].text = tl.v[i];
		l->v[l->n].role = r;
		l->v[l->n].tag = tag;
		l->v[l->n++].indent = indent;
	}
	free(tl.v);
	free(clean);
}

void lines_add_item(struct lines *l, const char *s, size_t width, int indent,
		    int hang, enum role r, int tag)
{
	size_t first = l->n, i;

	lines_add(l, s, width > (size_t)hang ? width - (size_t)hang : 1, indent, r, tag);
	for (i = first + 1; i < l->n; i++)
		l->v[i].indent += hang;
}

void lines_blank(struct lines *l)
{
	lines_add(l, "", 1, 0, ROLE_NORMAL, 0);
}

void lines_span(const struct lines *l, int tag, int *first, int *last)
{
	size_t i;

	*first = *last = -1;
	for (i = 0; tag && i < l->n; i++)
		if (l->v[i].tag == tag) {
			if (*first < 0)
				*first = (int)i;
			*last = (int)i;
		}
}

void lines_scroll_span(int n, int h, int *top, int first, int last)
{
	if (last >= 0 && last >= *top + h && (*top > 0 || first >= h))
		*top = last - h + 1;
	if (first >= 0 && first < *top)
		*top = first;
	if (*top > n - h)
		*top = n - h;
	if (*top < 0)
		*top = 0;
}

int lines_scroll(const struct lines *l, int h, int *top, int keep)
{
	int first, last;

	lines_span(l, keep, &first, &last);
	lines_scroll_span((int)l->n, h, top, first, last);
	return first;
}

void lines_draw_row(const struct line *ln, int y, int x, int w, int sel)
{
	if (sel) {
		draw_role(ROLE_SELECT, 1);
		mvhline(y, x, ' ', w);
		draw_role(ROLE_SELECT, 0);
	}
	draw_text(y, x + ln->indent, w - ln->indent, ln->text,
		  sel ? ROLE_SELECT : ln->role);
}

int lines_draw(const struct lines *l, int y, int x, int h, int w, int *top,
	       int keep)
{
	int first = lines_scroll(l, h, top, keep), i;

	for (i = 0; i < h && *top + i < (int)l->n; i++) {
		const struct line *ln = &l->v[*top + i];
		lines_draw_row(ln, y + i, x, w, keep && ln->tag == keep);
	}
	return first >= 0 && first >= *top && first < *top + h ? y + first - *top : -1;
}

void lines_free(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
	memset(l, 0, sizeof *l);
}
