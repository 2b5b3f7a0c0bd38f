/* A play-through of the mini scenario for the view builder tests
 * (test_playview, test_reflectview) and the plain text of a document. */
#ifndef KC_TEST_VIEW_FIXTURE_H
#define KC_TEST_VIEW_FIXTURE_H
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include "helpers.h"
#include "play.h"
#include "view.h"

/* Unused by test_view, which needs only printed. */
static struct content fixture_content __attribute__((unused));
static char fixture_dir[64] __attribute__((unused));
static struct play p __attribute__((unused));

/* Start the mini scenario for Sanne (level B) in mode, options in file
 * order. */
static inline void fixture_begin(enum config_mode mode)
{
	struct diag d = {0};

	cr_assert_eq(content_load(&fixture_content, FIXTURES "/mini", &d), 0);
	tmpdir_make(fixture_dir, "view");
	cr_assert_eq(play_begin(&p, &fixture_content, &fixture_content.scs[0],
				&(struct play_who){"Sanne", 'B', mode, 1},
				fixture_dir, &d), 0);
}

static inline void fixture_end(void)
{
	play_end(&p);
	content_free(&fixture_content);
	tmpdir_remove(fixture_dir);
}

/* The plain text of v, which is freed (caller frees the text). */
static inline char *printed(struct view *v)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);

	cr_assert_not_null(fp);
	view_print(fp, v);
	fclose(fp);
	view_free(v);
	return s;
}

/* A list's rows, counted as they are built. */
struct counted_rows {
	const struct view_list *l;
	size_t *built;
};

static inline void counted_rows(const void *ctx, struct view *v,
				size_t first, size_t count)
{
	const struct counted_rows *c = ctx;
	size_t before = v->n;

	c->l->rows(c->l->ctx, v, first, count);
	*c->built += v->n - before;
}

static inline void same_line(const struct view_line *a,
			     const struct view_line *b)
{
	cr_assert_eq(a->role, b->role);
	cr_assert_eq(a->tag, b->tag);
	cr_assert_eq(a->cells, b->cells);
	cr_assert_eq(a->indent, b->indent);
	cr_assert_str_eq(a->text, b->text);
	cr_assert((a->label == NULL) == (b->label == NULL));
}

/* The window first..first+count-1 of l builds only those rows, and its
 * lines are those of the full document: the head, those rows, the tail
 * when the window reaches the end; a measured list's table carries the
 * columns of the whole table. */
static inline void window_matches(const struct view_list *l, size_t first,
				  size_t count)
{
	struct view full = {0}, win = {0};
	size_t built = 0, rows, i, k;
	struct counted_rows c = {l, &built};
	struct view_list wl = *l;
	struct view_columns all;

	view_window(&full, l, 0, l->n);
	wl.rows = counted_rows;
	wl.ctx = &c;
	view_window(&win, &wl, first, count);
	rows = first >= l->n ? 0 : l->n - first < count ? l->n - first : count;
	cr_assert_eq(built, rows, "built %zu rows, not %zu", built, rows);
	cr_assert_eq(win.n, l->head.n + rows +
		     (first + count >= l->n ? l->tail.n : 0));
	for (i = 0; i < win.n; i++) {
		k = i < l->head.n ? i : i < l->head.n + rows ? i + first
		    : i + l->n - rows;
		same_line(&win.lines[i], &full.lines[k]);
	}
	view_columns_init(&all);
	for (i = 0; i < full.n; i++)
		if (full.lines[i].cells)
			view_measure(&all, &full.lines[i]);
	for (i = 0; l->measured && i < win.n && !win.lines[i].cells; i++)
		;
	if (l->measured && i < win.n) {
		cr_assert_eq(win.lines[i].columns, &wl.columns);
		cr_assert_eq(memcmp(&all, &l->columns, sizeof all), 0,
			     "measured as the whole table");
	}
	view_free(&full);
	view_free(&win);
}
#endif
