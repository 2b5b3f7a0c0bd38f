/*
 * view: a screen's content as a document of typed lines, built once and
 * curses-free. Each line has a semantic role, an indent, a tag (an
 * option's number), an optional label ("Situatie") and sanitised text;
 * meter lines keep their values and changes beside the plain text. Plain
 * mode prints the document with view_print; the TUI wraps, colours and
 * scrolls the same lines (ui/viewdraw.c). As tig's struct line. A long
 * list is a view_list, whose rows the TUI builds only where they show.
 */
#ifndef KC_VIEW_H
#define KC_VIEW_H
#include <stddef.h>
#include <stdio.h>

#define VIEW_METER_MAX 4
#define VIEW_CELLS_MAX 16	/* cells of a table row */

enum view_role {
	VIEW_TEXT,		/* ordinary text */
	VIEW_TITLE,		/* a page's title (plain: "== title ==") */
	VIEW_HEADING,		/* a section's heading */
	VIEW_CLIENT,		/* what the client says */
	VIEW_YOU,		/* your own words quoted back */
	VIEW_OPTION,		/* a choice; tag is its number */
	VIEW_METER,		/* the meters; see struct view_meter */
	VIEW_EVIDENCE_POS,	/* an indicator shown */
	VIEW_EVIDENCE_NEG,	/* the opposite of an indicator shown */
	VIEW_GOOD,		/* on target, the same as the expert */
	VIEW_BAD,		/* below target, a poor ending */
	VIEW_DIM,		/* does not count */
	VIEW_BLANK,		/* an empty line */
	VIEW_ROLE_COUNT
};

struct view_meter {
	const char *name;	/* static, e.g. scenario_meter_name[i] */
	int value, delta;
};

/* A table's columns measured over its rows: the widest cell of each
 * (also of the headings), and whether all its other cells are one word
 * of one width (a date, a number). */
struct view_columns {
	size_t n, width[VIEW_CELLS_MAX], data[VIEW_CELLS_MAX];
	int fixed[VIEW_CELLS_MAX];
};

struct view_line {
	enum view_role role;
	int indent;
	int tag;		/* option number; 0 for none */
	char *label;		/* lead word(s) before the text, or NULL */
	char *text;		/* sanitised; newlines kept; a row's cells
				   are separated by tabs */
	int cells;		/* a row of a table (see view_row) */
	const struct view_columns *columns;	/* on a table's first row:
				   the whole table measured, when only a
				   window of its rows is here (borrowed) */
	int nmeter;		/* meter lines: the meters */
	struct view_meter meter[VIEW_METER_MAX];
};

struct view {
	struct view_line *lines;
	size_t n, cap;
};

/* Append a line led by label, e.g. "Situatie" (plain: "Situatie: text"),
 * or by nothing when label is NULL; returns it (valid until the next
 * append). */
struct view_line *view_item(struct view *v, enum view_role role, int indent,
			    const char *label, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Append a line of text. */
#define view_add(v, role, indent, ...) \
	view_item(v, role, indent, NULL, __VA_ARGS__)
/* Append a row of a table: the cells up to NULL, each sanitised (plain:
 * separated by tabs; the TUI aligns the columns of adjacent rows);
 * returns it (valid until the next append). */
struct view_line *view_row(struct view *v, enum view_role role, ...)
	__attribute__((sentinel));
/* Append a row of the n cells (as view_row). */
struct view_line *view_cells(struct view *v, enum view_role role, size_t n,
			     const char *const *cells);
/* Append copies of the lines of src. */
void view_append(struct view *v, const struct view *src);
/* Append option number tag (plain: "tag. text"). */
void view_option(struct view *v, int tag, const char *text);
/* Append an empty line. */
void view_blank(struct view *v);
/* Append the n meters now, led by label; changes against before are shown
 * when before is not NULL (plain: "label: name 6/10 (+2), ..."). */
void view_meter(struct view *v, const char *label, int n,
		const char *const *names, const int *now, const int *before);
/* Columns the first n bytes of s take (a cell of a row's text). */
size_t view_cell_width(const char *s, size_t n);
/* Empty columns, ready to measure. */
void view_columns_init(struct view_columns *c);
/* Measure the cells of table row ln into c (a heading counts for the
 * width only). */
void view_measure(struct view_columns *c, const struct view_line *ln);

/* A long list as a document in three parts: head lines, n rows that are
 * built on demand, one line each, by rows (rows first.. of the list,
 * count of them), and tail lines. A screen builds only the rows in view
 * (view_window); the full document is the window over all rows. */
struct view_list {
	struct view head, tail;
	size_t n;
	int tag0;		/* the tag of row 0; row i has tag0 + i */
	void (*rows)(const void *ctx, struct view *v, size_t first,
		     size_t count);
	const void *ctx;
	struct view_columns columns;	/* see view_list_measure */
	int measured;
};

/* Measure the table of head and all rows into l->columns (builds every
 * row once: call it when the rows change, not on every key). */
void view_list_measure(struct view_list *l);
/* Append the head, rows first..first+count-1 (as many as there are) and,
 * when those reach the end, the tail. When l is measured, the table's
 * first row carries l->columns. */
void view_window(struct view *v, const struct view_list *l, size_t first,
		 size_t count);
/* Free the head and tail and empty l. */
void view_list_free(struct view_list *l);

/* Print the document as plain text for screen readers and scripts: every
 * line starts at the left edge (indents are for the TUI), titles between
 * "==" on their own line, no escapes, no wrapping. */
void view_print(FILE *out, const struct view *v);
/* Where a page key leads in a document of rows rows shown h at a time
 * from row top: dir 1 (PgDn) or -1 (PgUp) scrolls h - 1 rows (one row
 * stays in view), up to the end; -1 when it is already at that end (so
 * the key may turn to the next or previous page). */
int view_scroll_page(int top, int rows, int h, int dir);
/* Free the lines and empty the document. */
void view_free(struct view *v);

#endif
