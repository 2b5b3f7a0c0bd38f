/*
 * reviewview: the coach's views as text: the session list, one session's
 * timeline with feedback, a trainee's growth and a scenario's cohort view.
 * Used as-is by the plain mode and turned into scrollable lines by the
 * terminal screens, so both always show the same thing.
 */
#ifndef KC_REVIEWVIEW_H
#define KC_REVIEWVIEW_H
#include "review.h"
#include "sessionlog.h"
#include <stdio.h>

/* One session as a row of padded columns (no newline). */
void reviewview_row(FILE *out, const struct review_session *s);
/* Numbered session list (1-based numbers). */
void reviewview_list(FILE *out, const struct review *r);
/* The timeline of the session at path, with its feedback. -1 when the log
 * cannot be read (problems in d). */
int reviewview_timeline(FILE *out, const struct content *c, const char *path,
			struct diag *d);
/* Level per competency over a trainee's sessions, oldest first. */
void reviewview_growth(FILE *out, const struct review *r, const char *trainee);
/* Per step how many chose each option; competencies below target; the
 * steps where most sessions left the expert's path. */
void reviewview_cohort(FILE *out, const struct review *r, const char *scenario);
/* The intervisie records in dir, one line each. */
void reviewview_records(FILE *out, const char *dir);
/* Append s padded with spaces to w display columns (cut when longer). */
void reviewview_pad(FILE *out, const char *s, size_t w);

#endif
