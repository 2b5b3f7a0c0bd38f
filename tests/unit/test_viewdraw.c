/* Unit tests for ui/viewdraw's hit mapping (no curses calls): which
 * option a click on a screen row means, for wrapped options, rows
 * without a tag and rows past the end, from any scroll position. */
#include <criterion/criterion.h>

#include "viewdraw.h"

static void options(struct view *v)
{
	view_add(v, VIEW_HEADING, 0, "Wat doe je?");
	view_option(v, 1, "Je vraagt door naar wat er precies is gebeurd.");
	view_option(v, 2, "Kort.");
	view_add(v, VIEW_TEXT, 0, "Daarna");
}

Test(viewdraw, rows_to_option_tags)
{
	struct view v = {0};
	int tags[7];

	options(&v);
	viewdraw_tags(&v, 30, 0, 7, tags);
	/* heading, option 1 on two rows, option 2, text, past the end */
	cr_assert_eq(tags[0], 0);
	cr_assert_eq(tags[1], 1);
	cr_assert_eq(tags[2], 1);
	cr_assert_eq(tags[3], 1, "a wrapped option is one target");
	cr_assert_eq(tags[4], 2);
	cr_assert_eq(tags[5], 0);
	cr_assert_eq(tags[6], 0, "past the end");
	view_free(&v);
}

Test(viewdraw, scrolled_and_wide)
{
	struct view v = {0};
	int tags[3];

	options(&v);
	viewdraw_tags(&v, 30, 3, 3, tags);
	cr_assert_eq(tags[0], 1);
	cr_assert_eq(tags[1], 2);
	cr_assert_eq(tags[2], 0);
	viewdraw_tags(&v, 200, 0, 3, tags);
	cr_assert_eq(tags[1], 1, "one row at 200 columns");
	cr_assert_eq(tags[2], 2);
	cr_assert_eq(viewdraw_hit(0, 0), 0, "nothing drawn: no target");
	view_free(&v);
}
