/*
 * feedback: a coach's feedback on one session, kept beside the session log
 * in its own file (<log without .csv>.feedback.csv), never inside the
 * trainee's log. Appended one row at a time with fsync, like the log.
 *
 * Format: "klantcoach-feedback,1", then the header "tijd,coach,stap,tekst";
 * stap is the step number in the session's path, or empty for overall
 * feedback. Rows are only ever appended: a later row of the same coach at
 * the same step replaces the earlier one (an edit), one with an empty
 * text withdraws it; the old rows stay in the file.
 */
#ifndef KC_FEEDBACK_H
#define KC_FEEDBACK_H
#include "diag.h"
#include <stddef.h>

#define FEEDBACK_MAX_STEP 9999	/* highest step number in a feedback row */

struct feedback_item {
	char *time, *coach, *text;
	int step;		/* 0 = overall */
	int line;
};

struct feedback {
	struct feedback_item *v;
	size_t n, cap;
};

/* The feedback file that belongs to a session log (new string). */
char *feedback_path(const char *logpath);
/* Append one item durably (file created 0600 when missing; a torn last
 * row is first cut off and kept beside it, with a warning in d). 0, or -1
 * with the file as it was (and none when it was new). */
int feedback_add(const char *logpath, const char *coach, int step,
		 const char *text, struct diag *d);
/* The same with the time of the item (ISO, UTC) given: feedback that
 * came from the LRS keeps the time the coach wrote it. */
int feedback_add_at(const char *logpath, const char *time, const char *coach,
		    int step, const char *text, struct diag *d);
/* Read the feedback of a session; a missing file is no feedback. A step
 * that is not 1..FEEDBACK_MAX_STEP is an error, a time that is not a time
 * a warning (the item is kept). 0 or -1. */
int feedback_load(struct feedback *f, const char *logpath, struct diag *d);
/* Keep only the feedback in force: per coach and step the latest row,
 * and none where that row's text is empty (withdrawn). */
void feedback_in_force(struct feedback *f);
/* The item that item i replaces or withdraws: the latest one before it
 * of the same coach and step, when that one has a text (it was in force
 * until i). Its index, or -1 when there is none. */
long feedback_previous(const struct feedback *f, size_t i);
/* feedback_load, then feedback_in_force: what the trainee and the coach
 * see. */
int feedback_load_current(struct feedback *f, const char *logpath,
			  struct diag *d);
/* The text in force of coach at step, or NULL (borrowed from f). */
const char *feedback_current(const struct feedback *f, const char *coach,
			     int step);
/* Free the items. */
void feedback_free(struct feedback *f);

#endif
