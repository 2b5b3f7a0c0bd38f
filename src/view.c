/*
 * view: the document of typed lines and its plain printer. Text is
 * sanitised once here, as it enters the document, so neither printer nor
 * renderer sees a control character from content or logs.
 */
#include "view.h"
#include "buf.h"
#include "mem.h"
#include "text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* A new zeroed line at the end. */
static struct view_line *push(struct view *v)
{
	struct view_line *ln;

	MEM_GROW(v->lines, v->cap, v->n + 1);
	ln = &v->lines[v->n++];
	memset(ln, 0, sizeof *ln);
	return ln;
}

/* Append a line with label and text (which it takes) sanitised. */
static struct view_line *append(struct view *v, enum view_role role,
				int indent, const char *label, char *text)
{
	struct view_line *ln = push(v);

	ln->role = role;
	ln->indent = indent;
	ln->label = label ? text_sanitize(label, strlen(label), 0) : NULL;
	ln->text = text_sanitize(text, strlen(text), 1);
	free(text);
	return ln;
}

struct view_line *view_item(struct view *v, enum view_role role, int indent,
			    const char *label, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return append(v, role, indent, label, buf_take(&b));
}

struct view_line *view_cells(struct view *v, enum view_role role, size_t n,
			      const char *const *cells)
{
	struct buf b = {0};
	struct view_line *ln = push(v);
	size_t i;

	for (i = 0; i < n; i++) {
		char *clean = text_sanitize(cells[i], strlen(cells[i]), 0);
		if (i)
			buf_addc(&b, '\t');
		buf_add(&b, clean);
		free(clean);
	}
	ln->role = role;
	ln->text = buf_take(&b);
	ln->cells = 1;
	return ln;
}

struct view_line *view_row(struct view *v, enum view_role role, ...)
{
	const char *cells[VIEW_CELLS_MAX];
	size_t n = 0;
	va_list ap;

	va_start(ap, role);
	while (n < VIEW_CELLS_MAX &&
	       (cells[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	return view_cells(v, role, n, cells);
}

void view_append(struct view *v, const struct view *src)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		struct view_line *ln = push(v);
		*ln = src->lines[i];
		ln->label = mem_strdup(ln->label);
		ln->text = mem_strdup(ln->text);
	}
}

void view_option(struct view *v, int tag, const char *text)
{
	view_add(v, VIEW_OPTION, 2, "%s", text)->tag = tag;
}

void view_blank(struct view *v)
{
	view_add(v, VIEW_BLANK, 0, "%s", "");
}

void view_meter(struct view *v, const char *label, int n,
		const char *const *names, const int *now, const int *before)
{
	struct view_meter m[VIEW_METER_MAX];
	struct buf b = {0};
	struct view_line *ln;
	int i;

	if (n > VIEW_METER_MAX)
		n = VIEW_METER_MAX;
	for (i = 0; i < n; i++) {
		m[i] = (struct view_meter){names[i], now[i],
					   before ? now[i] - before[i] : 0};
		buf_printf(&b, "%s%s %d/10", i ? ", " : "", names[i], now[i]);
		if (m[i].delta)
			buf_printf(&b, " (%+d)", m[i].delta);
	}
	ln = append(v, VIEW_METER, 0, label, buf_take(&b));
	ln->nmeter = n;
	memcpy(ln->meter, m, (size_t)n * sizeof *m);
}

void view_columns_init(struct view_columns *c)
{
	size_t i;

	memset(c, 0, sizeof *c);
	for (i = 0; i < VIEW_CELLS_MAX; i++)
		c->fixed[i] = 1;
}

size_t view_cell_width(const char *s, size_t n)
{
	char *cell = mem_strndup(s, n);
	size_t w = text_width(cell);

	free(cell);
	return w;
}

void view_measure(struct view_columns *t, const struct view_line *ln)
{
	const char *s = ln->text;
	int data = ln->role != VIEW_HEADING;
	size_t c, n, w;

	for (c = 0; c < VIEW_CELLS_MAX; c++) {
		n = strcspn(s, "\t");
		w = view_cell_width(s, n);
		t->width[c] = w > t->width[c] ? w : t->width[c];
		if (data && ((t->data[c] && w != t->data[c]) ||
			     memchr(s, ' ', n)))
			t->fixed[c] = 0;
		if (data)
			t->data[c] = w > t->data[c] ? w : t->data[c];
		if (s[n] != '\t')
			break;
		s += n + 1;
	}
	t->n = c + 1 > t->n ? c + 1 : t->n;
}

/* Measure the table rows of v. */
static void measure_view(struct view_columns *c, const struct view *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (v->lines[i].cells)
			view_measure(c, &v->lines[i]);
}

#define LIST_CHUNK 256	/* rows built at a time to measure them */

void view_list_measure(struct view_list *l)
{
	struct view part = {0};
	size_t i;

	view_columns_init(&l->columns);
	measure_view(&l->columns, &l->head);
	for (i = 0; i < l->n; i += LIST_CHUNK) {
		l->rows(l->ctx, &part, i, l->n - i < LIST_CHUNK
			? l->n - i : LIST_CHUNK);
		measure_view(&l->columns, &part);
		view_free(&part);
	}
	l->measured = 1;
}

void view_window(struct view *v, const struct view_list *l, size_t first,
		 size_t count)
{
	size_t i, from = v->n;

	view_append(v, &l->head);
	if (first < l->n)
		l->rows(l->ctx, v, first, l->n - first < count
			? l->n - first : count);
	if (first + count >= l->n)
		view_append(v, &l->tail);
	for (i = from; l->measured && i < v->n; i++)
		if (v->lines[i].cells) {
			v->lines[i].columns = &l->columns;
			break;
		}
}

void view_list_free(struct view_list *l)
{
	view_free(&l->head);
	view_free(&l->tail);
	memset(l, 0, sizeof *l);
}

void view_print(FILE *out, const struct view *v)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		const struct view_line *ln = &v->lines[i];
		if (ln->role == VIEW_TITLE) {
			fprintf(out, "== %s ==\n", ln->text);
			continue;
		}
		if (ln->role == VIEW_OPTION)
			fprintf(out, "%d. ", ln->tag);
		if (ln->label)
			fprintf(out, "%s: ", ln->label);
		fprintf(out, "%s\n", ln->text);
	}
}

int view_scroll_page(int top, int rows, int h, int dir)
{
	int last = rows > h ? rows - h : 0;
	int step = h > 1 ? h - 1 : 1;

	top = top < 0 ? 0 : top > last ? last : top;
	if ((dir > 0 && top >= last) || (dir < 0 && top == 0))
		return -1;
	top += dir > 0 ? step : -step;
	return top < 0 ? 0 : top > last ? last : top;
}

void view_free(struct view *v)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		free(v->lines[i].label);
		free(v->lines[i].text);
	}
	free(v->lines);
	memset(v, 0, sizeof *v);
}
