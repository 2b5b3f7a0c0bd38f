/* A curses screen that is never shown (terminal output to /dev/null), for
 * the view tests that check what ui/viewdraw draws: draw a document at a
 * width, then read the rows back as wide characters, one a column. */
#ifndef KC_TEST_SCREEN_FIXTURE_H
#define KC_TEST_SCREEN_FIXTURE_H
#include <criterion/criterion.h>
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include "viewdraw.h"

#define SCREEN_ROWS 60
#define SCREEN_COLS 140

static SCREEN *screen;
static FILE *screen_out, *screen_in;

static inline void screen_open(void)
{
	cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
	screen_out = fopen("/dev/null", "w");
	screen_in = fopen("/dev/null", "r");
	screen = newterm("xterm", screen_out, screen_in);
	cr_assert_not_null(screen, "no curses screen (terminfo xterm)");
	cr_assert_eq(resizeterm(SCREEN_ROWS, SCREEN_COLS), OK);
}

static inline void screen_close(void)
{
	endwin();
	delscreen(screen);
	fclose(screen_out);
	fclose(screen_in);
}

/* Draw v at (0, 0) in w columns; returns the rows it took. */
static inline int screen_draw(const struct view *v, int w)
{
	int top = 0, rows = viewdraw_rows(v, w);

	cr_assert_lt(rows, SCREEN_ROWS, "the document fits the test screen");
	erase();
	viewdraw(v, 0, 0, SCREEN_ROWS, w, &top, 0, 0);
	return rows;
}

/* Row y as it is on the screen, a character a column, spaces at the
 * end trimmed (row holds SCREEN_COLS + 1). */
static inline wchar_t *screen_row(int y, wchar_t *row)
{
	int n = mvinnwstr(y, 0, row, SCREEN_COLS);

	cr_assert_geq(n, 0);
	while (n > 0 && row[n - 1] == L' ')
		row[--n] = L'\0';
	return row;
}

/* The column where s starts on row, or -1. */
static inline int screen_col(const wchar_t *row, const wchar_t *s)
{
	const wchar_t *at = wcsstr(row, s);

	return at ? (int)(at - row) : -1;
}
#endif
