/*
 * reviewview: the coach's views as view documents, built once for plain
 * mode (ui/cmd_review.c) and the screens (ui/scr_review.c): the session
 * list, one session's timeline with feedback, a trainee's growth, a
 * scenario's cohort view and the intervisie records. Tables are view
 * rows: tab-separated in plain mode, aligned columns on the screen.
 */
#ifndef KC_REVIEWVIEW_H
#define KC_REVIEWVIEW_H
#include "diag.h"
#include "review.h"
#include "view.h"

/* The session table's headings. */
void reviewview_head(struct view *v);
/* One session as a table row led by its number n (also its tag): day,
 * trainee, scenario, mode, status, ending and feedback count (the
 * persona is in the scenario's id); returns the row (valid until the
 * next append). */
struct view_line *reviewview_row(struct view *v,
				  const struct review_session *s, int n);
/* Sessions of r to list as rows: those at the n indices in shown (all
 * n in order when shown is NULL), numbered from 1 and tagged with their
 * number plus tag_offset. */
struct reviewview_sel {
	const struct review *r;
	const int *shown;
	size_t n;
	int tag_offset;
};
/* Rows first..first+count-1 of the sessions in ctx, a struct
 * reviewview_sel (the rows of a view_list). */
void reviewview_rows(const void *ctx, struct view *v, size_t first,
		     size_t count);
/* The numbered session list (1-based numbers). */
void reviewview_list(struct view *v, const struct review *r);
/* The timeline of the session at path, with its feedback; each step's
 * heading is tagged with its number. -1 when the log cannot be read
 * (problems in d). */
int reviewview_timeline(struct view *v, const struct content *c,
			const char *path, struct diag *d);
/* Level per competency over a trainee's sessions, oldest first. */
void reviewview_growth(struct view *v, const struct review *r,
		       const char *trainee);
/* Per step how many chose each option; competencies below target. */
void reviewview_cohort(struct view *v, const struct review *r,
		       const char *scenario);
/* The intervisie records in dir, one line each tagged 1..n in the order
 * of reviewview_record_paths (nothing without any). */
void reviewview_records(struct view *v, const char *dir);
/* The paths of the records in dir, sorted (free with text_strv_free);
 * returns the count. */
size_t reviewview_record_paths(const char *dir, char ***paths);

#endif
