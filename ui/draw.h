/*
 * draw: drawing helpers and widgets on stdscr. Semantic colour roles (a
 * monochrome theme uses attributes only), UTF-8 text clipped to a width,
 * meters, and "lines": a list of pre-wrapped rows with a role and a tag,
 * drawn in a region with scrolling that keeps a tagged row in view.
 */
#ifndef KC_DRAW_H
#define KC_DRAW_H
#include "view.h"
#include <stddef.h>

enum role {
	ROLE_NORMAL, ROLE_TITLE, ROLE_BAR, ROLE_SELECT, ROLE_CLIENT, ROLE_DIM,
	ROLE_GOOD, ROLE_BAD, ROLE_HEAD, ROLE_METER, ROLE_COUNT
};

struct line {
	char *text;
	enum role role;
	int tag;		/* e.g. option number; 0 for none */
	int indent;
	const struct view_meter *meter;	/* a row of meters: the first */
	int nmeter;			/* and how many, else 0 */
};

struct lines {
	struct line *v;
	size_t n, cap;
};

/* Set up colours (or the monochrome theme when colour is 0). */
void draw_init(int colour);
/* Turn a role's attributes on or off. */
void draw_role(enum role r, int on);
/* Draw s at (y, x), sanitised and clipped to w columns. */
void draw_text(int y, int x, int w, const char *s, enum role r);
/* A full-width bar with left and right texts; a left text too long for
 * it is cut with an ellipsis. Returns the columns of left shown whole
 * (before the ellipsis), from column 1. */
int draw_bar(int y, const char *left, const char *right);
#define METER_BAR 10	/* a cell per point */
#define METER_NUM 6	/* " 10 +2": the value and its change */
/* A meter "name ████░░░░ 6 +2" at (y, x): the name in namew columns, the
 * bar when w leaves room for it, then the value and delta (when
 * non-zero); at most namew + METER_BAR + METER_NUM columns. */
void draw_meter(int y, int x, int w, int namew, const char *name, int value,
		int delta);
/* Append s wrapped to width with indent; every row gets role and tag. */
void lines_add(struct lines *l, const char *s, size_t width, int indent,
	       enum role r, int tag);
/* Like lines_add, with continuation rows indented hang more (for "1. "). */
void lines_add_item(struct lines *l, const char *s, size_t width, int indent,
		    int hang, enum role r, int tag);
/* Append an empty row. */
void lines_blank(struct lines *l);
/* Draw rows from *top in the region; the row tagged keep (when non-zero)
 * is scrolled into view and drawn selected. Adjusts *top. Returns the
 * screen row of the selection (for the cursor), or -1. */
int lines_draw(const struct lines *l, int y, int x, int h, int w, int *top,
	       int keep);
/* Scroll *top so that h rows from it show the rows tagged keep (when
 * non-zero) and stay within the list; at the top (*top 0) it stays there
 * while the first of those rows shows, so that the text above the
 * choices is never pushed out. Returns the first such row or -1. */
int lines_scroll(const struct lines *l, int h, int *top, int keep);
/* First and last row of l with the tag, or -1 (tag 0: none). */
void lines_span(const struct lines *l, int tag, int *first, int *last);
/* lines_scroll for n rows of which first..last (or none when -1) are
 * the ones to show. */
void lines_scroll_span(int n, int h, int *top, int first, int last);
/* Draw one row at (y, x) in w columns, selected or in its own role. */
void lines_draw_row(const struct line *ln, int y, int x, int w, int sel);
/* Free the rows. */
void lines_free(struct lines *l);

#endif
