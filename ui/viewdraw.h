/*
 * viewdraw: the TUI renderer of view documents. Wraps a document at the
 * region's width, text at most 100 columns (labels become headings;
 * options, indicators and bullets hang; table rows hang their last cell),
 * colours it by role, draws meter lines as bars, scrolls it with
 * more-above / more-below markers in the right margin and keeps the
 * tagged line (the selected option) in view.
 */
#ifndef KC_VIEWDRAW_H
#define KC_VIEWDRAW_H
#include "view.h"

/* Frames of the meter animation; frame 0 draws the final state. */
#define VIEWDRAW_FRAMES 3

/* Draw v in h rows and w columns at (y, x) from row *top (adjusted), the
 * lines tagged keep (when non-zero) selected and in view; meters move
 * from before to now over frames 1..VIEWDRAW_FRAMES of anim. Returns the
 * screen row of the selection, or -1. */
int viewdraw(const struct view *v, int y, int x, int h, int w, int *top,
	     int keep, int anim);

/* Draw the list l as viewdraw draws its full document (view_window over
 * all rows), building only the rows in view when each takes one screen
 * row (l measured, its table fits in w): the cost does not grow with
 * l->n. */
int viewdraw_list(const struct view_list *l, int y, int x, int h, int w,
		  int *top, int keep);

#define VIEWDRAW_HIT_ROWS 512	/* rows of a list a click can find */

/* The tags of the h rows from row top of v wrapped at w columns (0 for a
 * row without one, or past the end), as viewdraw would draw them. */
void viewdraw_tags(const struct view *v, int w, int top, int h, int *tags);
/* Forget the list drawn last (before each frame). */
void viewdraw_hits_clear(void);
/* The tag of the row at screen position (y, x) of the list drawn last
 * (a viewdraw with keep), or 0 when there is none there. */
int viewdraw_hit(int y, int x);

/* The rows v takes at w columns. */
int viewdraw_rows(const struct view *v, int w);
/* The tag in view from row top at w columns: of the last tagged row at or
 * above top, else of the first one in the h rows below; 0 when none. */
int viewdraw_tag_at(const struct view *v, int w, int top, int h);

#endif
