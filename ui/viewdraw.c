/*
 * viewdraw: a view document wrapped into rows (struct lines) for the
 * current width, then drawn. Space before headings and labels and the
 * alignment of table columns are the renderer's layout; the words are
 * the document's.
 */
#include "viewdraw.h"
#include "buf.h"
#include "draw.h"
#include "mem.h"
#include "text.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UP_ARROW "\xe2\x86\x91"
#define DOWN_ARROW "\xe2\x86\x93"
#define NBSP "\xc2\xa0"
#define ELLIPSIS "\xe2\x80\xa6"
#define MEASURE 100	/* the widest text, for reading; tables go wider */

static size_t reading_width(size_t w)
{
	return w < MEASURE ? w : MEASURE;
}

static const enum role role_of[VIEW_ROLE_COUNT] = {
	[VIEW_TEXT] = ROLE_NORMAL, [VIEW_TITLE] = ROLE_TITLE,
	[VIEW_HEADING] = ROLE_HEAD,
	[VIEW_CLIENT] = ROLE_CLIENT, [VIEW_YOU] = ROLE_DIM,
	[VIEW_OPTION] = ROLE_NORMAL, [VIEW_METER] = ROLE_METER,
	[VIEW_EVIDENCE_POS] = ROLE_GOOD, [VIEW_EVIDENCE_NEG] = ROLE_BAD,
	[VIEW_GOOD] = ROLE_GOOD, [VIEW_BAD] = ROLE_BAD, [VIEW_DIM] = ROLE_DIM,
	[VIEW_BLANK] = ROLE_NORMAL,
};

#define COLUMNS_MAX VIEW_CELLS_MAX

/* The column to narrow by one: the widest (the rightmost of equals; one
 * of fixed width last); -1 when all are at 3 columns. */
static int column_to_narrow(const struct view_columns *t)
{
	size_t c, wide = 3;
	int pick = -1, pass;

	for (pass = 0; pick < 0 && pass < 2; pass++)
		for (c = 0; c < t->n; c++)
			if (t->width[c] > 3 && t->width[c] >= wide &&
			    (pass || !t->fixed[c])) {
				wide = t->width[c];
				pick = (int)c;
			}
	return pick;
}

#define HANG_MIN 12	/* the least room for a hung last cell */

/* Narrow the columns of t, the widest first, until a row fits in w
 * columns (or all are at 3); returns the width of a row then. When the
 * columns before the last leave it HANG_MIN columns, nothing is cut: a
 * long last cell wraps under itself (wrap_row), and the width returned
 * is that of the unwrapped row. */
static size_t narrow(struct view_columns *t, size_t w)
{
	size_t total = 0, c;
	int pick;

	for (c = 0; c < t->n; c++)
		total += t->width[c] + (c ? 2 : 0);
	if (t->n > 0 && total - t->width[t->n - 1] + HANG_MIN <= w)
		return total;
	while (total > w && (pick = column_to_narrow(t)) >= 0) {
		t->width[pick]--;
		total--;
	}
	return total;
}

/* The column widths of the table from line i on (as measured over the
 * whole table when line i carries that), narrowed to w columns (cells
 * are cut with an ellipsis when drawn). */
static void table_widths(const struct view *v, size_t i, size_t w,
			 size_t width[COLUMNS_MAX])
{
	struct view_columns t;

	view_columns_init(&t);
	if (v->lines[i].columns)	/* a window of a longer table */
		t = *v->lines[i].columns;
	else
		for (; i < v->n && v->lines[i].cells; i++)
			view_measure(&t, &v->lines[i]);
	narrow(&t, w);
	memcpy(width, t.width, sizeof t.width);
}

/* A row's cells padded to the column widths, two spaces apart (spaces
 * that do not break, so that wrapping keeps them); a cell wider than its
 * column is cut with an ellipsis. */
static char *aligned(const char *s, const size_t width[COLUMNS_MAX])
{
	struct buf b = {0};
	size_t pad, n, k, cw;
	int c;

	for (c = 0; *s; c++) {
		n = strcspn(s, "\t");
		cw = view_cell_width(s, n);
		if (c < COLUMNS_MAX && cw > width[c]) {
			char *cell = mem_strndup(s, n);
			k = text_fit(cell, width[c] ? width[c] - 1 : 0);
			buf_addn(&b, cell, k);
			buf_add(&b, ELLIPSIS);
			cw = view_cell_width(cell, k) + 1;
			free(cell);
		} else {
			buf_addn(&b, s, n);
		}
		for (pad = s[n] == '\t' && c < COLUMNS_MAX
			   ? width[c] - cw + 2 : 0; pad > 0; pad--)
			buf_add(&b, NBSP);
		s += n + (s[n] == '\t');
	}
	return buf_take(&b);
}

#define METER_NAME 9	/* one meter a row: the bars line up */
#define METER_GAP 2	/* at least, between meters on one row */

/* The columns n meters on one row take at the least: each its name, a
 * space, bar, value and change; METER_GAP between them. */
static size_t meters_width(const struct view_meter *m, int n)
{
	size_t w = 0;
	int i;

	for (i = 0; i < n; i++)
		w += text_width(m[i].name) + 1 + METER_BAR + METER_NUM +
		     (i ? METER_GAP : 0);
	return w;
}

/* Meter rows: all on one row when wide enough, else one row each. */
static void wrap_meters(struct lines *l, const struct view_line *ln, size_t w)
{
	int i, wide = w >= (size_t)ln->indent +
		      meters_width(ln->meter, ln->nmeter);

	for (i = 0; i < ln->nmeter; i++) {
		if (wide && i > 0)
			break;
		lines_add(l, "", 1, ln->indent, ROLE_METER, 0);
		l->v[l->n - 1].meter = &ln->meter[i];
		l->v[l->n - 1].nmeter = wide ? ln->nmeter : 1;
	}
}

/* A bullet ("- ", "+ ", "• ") hangs its wrapped rows under its text. */
static int is_bullet(const char *s)
{
	return ((s[0] == '-' || s[0] == '+') && s[1] == ' ') ||
	       strncmp(s, "\xe2\x80\xa2 ", 4) == 0;
}

static void wrap_line(struct lines *l, const struct view_line *ln,
		      const char *text, size_t w)
{
	enum role r = role_of[ln->role];
	int indent = ln->indent;
	struct buf b = {0};

	if (ln->label) {
		lines_add(l, ln->label, w, indent, ROLE_HEAD, ln->tag);
		indent += 2;
	}
	if (ln->role == VIEW_METER) {
		wrap_meters(l, ln, w);
	} else if (ln->role == VIEW_OPTION) {
		buf_printf(&b, "%d. %s", ln->tag, text);
		lines_add_item(l, b.s, w, indent, (int)strcspn(b.s, " ") + 1,
			       r, ln->tag);
	} else if (ln->role == VIEW_EVIDENCE_POS ||
		   ln->role == VIEW_EVIDENCE_NEG || is_bullet(text)) {
		lines_add_item(l, text, w, indent, 2, r, ln->tag);
	} else {
		lines_add(l, text, w, indent, r, ln->tag);
	}
	buf_free(&b);
}

/* A table row too wide for w wraps its last cell under itself (a
 * hanging indent), when that leaves it HANG_MIN columns or more. */
static void wrap_row(struct lines *l, const struct view_line *ln,
		     const char *row, size_t w)
{
	const char *last = strrchr(ln->text, '\t');
	size_t room = w > (size_t)ln->indent ? w - (size_t)ln->indent : 1;
	size_t cut = strlen(row) - (last ? strlen(last + 1) : 0);
	size_t hang = view_cell_width(row, cut), i;
	struct text_lines tl = {0};
	struct buf b = {0};

	if (!last || text_width(row) <= room || hang + HANG_MIN > room) {
		wrap_line(l, ln, row, w);
		return;
	}
	text_wrap(row + cut, room - hang, &tl);
	for (i = 0; i < tl.n; i++) {
		buf_clear(&b);
		if (i == 0)
			buf_addn(&b, row, cut);
		buf_add(&b, tl.v[i]);
		lines_add(l, b.s, w, ln->indent + (i ? (int)hang : 0),
			  role_of[ln->role], ln->tag);
	}
	text_lines_free(&tl);
	buf_free(&b);
}

/* The document as rows at width w: no blank row at the top, one before
 * each heading or labelled line. */
static void wrap(struct lines *l, const struct view *v, size_t w)
{
	size_t i, width[COLUMNS_MAX];
	int blank = 1;		/* the last row is blank (or there is none) */

	for (i = 0; i < v->n; i++) {
		const struct view_line *ln = &v->lines[i];
		int head = ln->label || ln->role == VIEW_HEADING ||
			   ln->role == VIEW_TITLE;
		char *row = NULL;
		if ((ln->role == VIEW_BLANK || head) && !blank)
			lines_blank(l);
		if (ln->cells && (i == 0 || !v->lines[i - 1].cells))
			table_widths(v, i, w > (size_t)ln->indent
				     ? w - (size_t)ln->indent : 1, width);
		if (ln->cells)
			row = aligned(ln->text, width);
		if (row)
			wrap_row(l, ln, row, w);
		else if (ln->role != VIEW_BLANK)
			wrap_line(l, ln, ln->text, reading_width(w));
		blank = ln->role == VIEW_BLANK;
		free(row);
	}
}

/* The value a meter shows in frame anim (0: the final one). */
static int shown(const struct view_meter *m, int anim)
{
	if (anim <= 0)
		return m->value;
	return m->value - m->delta + m->delta * anim / VIEWDRAW_FRAMES;
}

/* One meter a row, or all on one row spread over w columns (the gaps at
 * most twice METER_GAP wider than the least). */
static void draw_meters(const struct line *ln, int y, int x, int w, int anim)
{
	int i, n = ln->nmeter, gap = 0, namew = METER_NAME;

	w = (int)reading_width((size_t)w) - ln->indent;
	x += ln->indent;
	if (n > 1) {
		gap = METER_GAP + (w - (int)meters_width(ln->meter, n)) /
		      (n - 1);
		gap = gap < 3 * METER_GAP ? gap : 3 * METER_GAP;
	}
	for (i = 0; i < n; i++) {
		const struct view_meter *m = &ln->meter[i];
		if (n > 1)
			namew = (int)text_width(m->name) + 1;
		draw_meter(y, x, w, namew, m->name, shown(m, anim),
			   anim ? 0 : m->delta);
		x += namew + METER_BAR + METER_NUM + gap;
	}
}

/* The tags of rows top.. of l in tags[0..h-1] (0 past the end). */
static void row_tags(const struct lines *l, int top, int h, int *tags)
{
	int i;

	for (i = 0; i < h; i++)
		tags[i] = top + i < (int)l->n ? l->v[top + i].tag : 0;
}

/* Where the last list was drawn this frame, and the tag of each row. */
static struct {
	int y, x, w, h;
	int tag[VIEWDRAW_HIT_ROWS];
} hits;

void viewdraw_tags(const struct view *v, int w, int top, int h, int *tags)
{
	struct lines l = {0};

	wrap(&l, v, (size_t)w);
	row_tags(&l, top, h, tags);
	lines_free(&l);
}

void viewdraw_hits_clear(void)
{
	hits.h = 0;
}

int viewdraw_hit(int y, int x)
{
	if (y < hits.y || y >= hits.y + hits.h || x < hits.x ||
	    x >= hits.x + hits.w)
		return 0;
	return hits.tag[y - hits.y];
}

int viewdraw_rows(const struct view *v, int w)
{
	struct lines l = {0};
	int n;

	wrap(&l, v, (size_t)w);
	n = (int)l.n;
	lines_free(&l);
	return n;
}

int viewdraw_tag_at(const struct view *v, int w, int top, int h)
{
	struct lines l = {0};
	int i, tag = 0;

	wrap(&l, v, (size_t)w);
	for (i = 0; i < (int)l.n && (i <= top || (tag == 0 && i < top + h));
	     i++)
		tag = l.v[i].tag ? l.v[i].tag : tag;
	lines_free(&l);
	return tag;
}

int viewdraw(const struct view *v, int y, int x, int h, int w, int *top,
	     int keep, int anim)
{
	struct lines l = {0};
	int first, i;

	wrap(&l, v, (size_t)w);
	first = lines_scroll(&l, h, top, keep);
	for (i = 0; i < h && *top + i < (int)l.n; i++) {
		const struct line *ln = &l.v[*top + i];
		if (ln->nmeter)
			draw_meters(ln, y + i, x, w, anim);
		else
			lines_draw_row(ln, y + i, x, w, keep && ln->tag == keep);
	}
	if (*top > 0)
		draw_text(y, x + w, 1, UP_ARROW, ROLE_HEAD);
	if (*top + h < (int)l.n)
		draw_text(y + h - 1, x + w, 1, DOWN_ARROW, ROLE_HEAD);
	if (keep && h > 0) {	/* a list: its rows can be clicked */
		hits.y = y;
		hits.x = x;
		hits.w = w;
		hits.h = h < VIEWDRAW_HIT_ROWS ? h : VIEWDRAW_HIT_ROWS;
		row_tags(&l, *top, hits.h, hits.tag);
	}
	lines_free(&l);
	return first >= 0 && first >= *top && first < *top + h
		? y + first - *top : -1;
}

/* Whether each row of l takes one screen row at w columns: its table
 * fits (rows wrap only when it does not). */
static int one_row_each(const struct view_list *l, int w)
{
	struct view_columns t = l->columns;

	return l->measured && narrow(&t, (size_t)w) <= (size_t)w;
}

/* The rows the tail of l takes after a row, at w columns. */
static int tail_rows(const struct view_list *l, int w)
{
	struct view v = {0};
	int n;

	if (l->tail.n == 0)
		return 0;
	view_add(&v, VIEW_TEXT, 0, "%s", "-");
	view_append(&v, &l->tail);
	n = viewdraw_rows(&v, w) - 1;
	view_free(&v);
	return n;
}

int viewdraw_list(const struct view_list *l, int y, int x, int h, int w,
		  int *top, int keep)
{
	struct view v = {0};
	struct lines hl = {0};
	int p, first, last, a, local, ret;

	if (!one_row_each(l, w)) {
		view_window(&v, l, 0, l->n);
		ret = viewdraw(&v, y, x, h, w, top, keep, 0);
		view_free(&v);
		return ret;
	}
	wrap(&hl, &l->head, (size_t)w);
	p = (int)hl.n;
	lines_span(&hl, keep, &first, &last);
	lines_free(&hl);
	if (keep >= l->tag0 && keep - l->tag0 < (int)l->n)
		first = last = p + keep - l->tag0;
	lines_scroll_span(p + (int)l->n + tail_rows(l, w), h, top, first,
			  last);
	a = *top > p ? *top - p : 0;
	a = a < (int)l->n ? a : (int)l->n;
	view_window(&v, l, (size_t)a, (size_t)h + 1);
	local = *top - a;
	ret = viewdraw(&v, y, x, h, w, &local, keep, 0);
	*top = local + a;
	view_free(&v);
	return ret;
}
