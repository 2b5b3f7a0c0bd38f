/*
 * reporthtml: the report as one self-contained HTML page for a team
 * meeting: a summary, the competencies below target, the sessions, the
 * choices per step, the meters per scenario and the growth per trainee.
 * Its size stays bounded with many sessions: above REPORTHTML_MAX_ROWS
 * sessions the session table is one row per trainee, above
 * REPORTHTML_MAX_GROWTH trainees growth is a table, each with a visible
 * note saying so. A print stylesheet fits it on A4.
 */
#ifndef KC_REPORTHTML_H
#define KC_REPORTHTML_H
#include "review.h"
#include <stdio.h>

#define REPORTHTML_MAX_ROWS 500
#define REPORTHTML_MAX_GROWTH 24

/* Write the page for r (sessions kept), levels of framework fw. */
void reporthtml_write(FILE *out, const struct review *r,
		      const struct framework *fw);

#endif
