/* Unit tests for src/view: builders, roles and the plain printer. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view_fixture.h"

Test(view, lines_keep_role_indent_tag_label)
{
	struct view v = {0};

	view_add(&v, VIEW_HEADING, 0, "Stap %d", 3);
	view_item(&v, VIEW_CLIENT, 1, "Proef", "%s", "Ja.");
	view_option(&v, 2, "Kijken");
	view_blank(&v);
	cr_assert_eq(v.n, 4);
	cr_assert_eq(v.lines[0].role, VIEW_HEADING);
	cr_assert_str_eq(v.lines[0].text, "Stap 3");
	cr_assert_null(v.lines[0].label);
	cr_assert_eq(v.lines[1].role, VIEW_CLIENT);
	cr_assert_eq(v.lines[1].indent, 1);
	cr_assert_str_eq(v.lines[1].label, "Proef");
	cr_assert_eq(v.lines[2].role, VIEW_OPTION);
	cr_assert_eq(v.lines[2].tag, 2);
	cr_assert_eq(v.lines[2].indent, 2);
	cr_assert_eq(v.lines[3].role, VIEW_BLANK);
	cr_assert_str_eq(v.lines[3].text, "");
	view_free(&v);
	cr_assert_eq(v.n, 0);
	cr_assert_null(v.lines);
}

Test(view, plain_printer)
{
	struct view v = {0};
	char *s;

	view_add(&v, VIEW_HEADING, 0, "Wat doe je?");
	view_item(&v, VIEW_TEXT, 0, "Situatie", "Proef belt.");
	view_option(&v, 1, "Luisteren");
	view_blank(&v);
	view_add(&v, VIEW_EVIDENCE_POS, 2, "+ %s", "Vat samen");
	s = printed(&v);
	cr_assert_str_eq(s, "Wat doe je?\nSituatie: Proef belt.\n"
			 "1. Luisteren\n\n+ Vat samen\n");
	free(s);
}

Test(view, text_is_sanitised_once_newlines_kept)
{
	struct view v = {0};
	char *s;

	view_item(&v, VIEW_CLIENT, 0, "Pr\x1b[2Joef", "a\x1b]0;x\x07 b\nc");
	cr_assert_null(strchr(v.lines[0].text, '\x1b'));
	cr_assert_null(strchr(v.lines[0].label, '\x1b'));
	cr_assert_not_null(strchr(v.lines[0].text, '\n'));
	s = printed(&v);
	cr_assert_null(strchr(s, '\x1b'));
	cr_assert_null(strchr(s, '\x07'));
	free(s);
}

Test(view, meter_keeps_values_and_deltas)
{
	static const char *const names[] = {"gezien", "gehoord", "geholpen"};
	struct view v = {0};
	char *s;

	view_meter(&v, "Meters", 3, names, (int[]){6, 5, 3}, (int[]){4, 4, 3});
	view_meter(&v, "Nu", 3, names, (int[]){6, 5, 3}, NULL);
	cr_assert_eq(v.lines[0].role, VIEW_METER);
	cr_assert_eq(v.lines[0].nmeter, 3);
	cr_assert_str_eq(v.lines[0].meter[1].name, "gehoord");
	cr_assert_eq(v.lines[0].meter[0].value, 6);
	cr_assert_eq(v.lines[0].meter[0].delta, 2);
	cr_assert_eq(v.lines[0].meter[2].delta, 0);
	cr_assert_eq(v.lines[1].meter[0].delta, 0);
	s = printed(&v);
	cr_assert_str_eq(s, "Meters: gezien 6/10 (+2), gehoord 5/10 (+1), "
			 "geholpen 3/10\nNu: gezien 6/10, gehoord 5/10, "
			 "geholpen 3/10\n");
	free(s);
}

Test(view, many_lines_grow)
{
	struct view v = {0};
	int i;

	for (i = 0; i < 1000; i++)
		view_option(&v, i + 1, "x");
	cr_assert_eq(v.n, 1000);
	cr_assert_eq(v.lines[999].tag, 1000);
	view_free(&v);
}

Test(view, rows_keep_cells_apart_and_titles_print_between_bars)
{
	struct view v = {0}, all = {0};
	char *s;

	view_add(&v, VIEW_TITLE, 0, "Waarom?");
	view_row(&v, VIEW_BAD, "Luis\tteren", "0", "onder doel", (char *)NULL);
	cr_assert(v.lines[1].cells);
	cr_assert_eq(v.lines[1].role, VIEW_BAD);
	cr_assert_str_eq(v.lines[1].text, "Luis teren\t0\tonder doel");
	view_append(&all, &v);
	view_append(&all, &v);
	view_free(&v);
	cr_assert_eq(all.n, 4);
	cr_assert(all.lines[3].cells);
	s = printed(&all);
	cr_assert_str_eq(s, "== Waarom? ==\nLuis teren\t0\tonder doel\n"
			 "== Waarom? ==\nLuis teren\t0\tonder doel\n");
	free(s);
}

Test(view, page_keys_scroll_to_the_end_then_report_it)
{
	/* 50 rows in 20: PgDn keeps one row, stops at row 30. */
	cr_assert_eq(view_scroll_page(0, 50, 20, 1), 19);
	cr_assert_eq(view_scroll_page(19, 50, 20, 1), 30);
	cr_assert_eq(view_scroll_page(30, 50, 20, 1), -1, "at the end");
	cr_assert_eq(view_scroll_page(30, 50, 20, -1), 11);
	cr_assert_eq(view_scroll_page(11, 50, 20, -1), 0);
	cr_assert_eq(view_scroll_page(0, 50, 20, -1), -1, "at the top");
	/* A page that fits is at both ends; a top past the end counts as
	 * the end (the renderer clamps it). */
	cr_assert_eq(view_scroll_page(0, 10, 20, 1), -1);
	cr_assert_eq(view_scroll_page(0, 10, 20, -1), -1);
	cr_assert_eq(view_scroll_page(1000, 50, 20, 1), -1);
	cr_assert_eq(view_scroll_page(1000, 50, 20, -1), 11);
	cr_assert_eq(view_scroll_page(0, 3, 1, 1), 1, "one row moves one");
}

/* Rows of a list of numbers: "n." and n squared as cells. */
static void squares(const void *ctx, struct view *v, size_t first,
		    size_t count)
{
	size_t i, n = *(const size_t *)ctx;
	char a[32], b[32];

	for (i = first; i < n && i - first < count; i++) {
		snprintf(a, sizeof a, "%zu.", i + 1);
		snprintf(b, sizeof b, "%zu", (i + 1) * (i + 1));
		view_row(v, VIEW_TEXT, a, b, (char *)NULL)->tag = (int)i + 3;
	}
}

Test(view, a_window_of_a_list_is_part_of_the_whole)
{
	size_t n = 1000;
	struct view_list l = {.n = n, .tag0 = 3, .rows = squares, .ctx = &n};

	view_add(&l.head, VIEW_HEADING, 0, "Kwadraten");
	view_row(&l.head, VIEW_HEADING, "nr", "kwadraat", (char *)NULL);
	view_add(&l.tail, VIEW_DIM, 0, "Einde");
	window_matches(&l, 0, 20);	/* not measured: no columns */
	view_list_measure(&l);
	cr_assert(l.measured);
	cr_assert_eq(l.columns.n, 2);
	cr_assert_eq(l.columns.width[0], 5, "\"1000.\"");
	cr_assert_eq(l.columns.width[1], 8, "the heading \"kwadraat\"");
	cr_assert_eq(l.columns.data[1], 7, "1000000");
	window_matches(&l, 0, 20);
	window_matches(&l, 500, 31);
	window_matches(&l, 990, 31);	/* reaches the end: the tail */
	window_matches(&l, 1000, 5);	/* only head and tail */
	window_matches(&l, 0, n);
	view_list_free(&l);
	cr_assert_eq(l.head.n, 0);
}
