/*
 * reporthtml: the report as one self-contained HTML page for a team
 * meeting: a summary, the competencies below target, the sessions, the
 * choices per step, the meters per scenario and the growth per trainee.
 * Its size stays bounded with many sessions: above REPORTHTML_MAX_ROWS
 * sessions the session table is one row per trainee, above
 * REPORTHTML_MAX_GROWTH trainees growth is a table (or, with both over
 * their limit, only the latest levels in the trainee table), and that
 * table stops after REPORTHTML_MAX_TRAINEES trainees, and a growth chart
 * draws at most REPORTHTML_MAX_POINTS points (each the mean of
 * consecutive sessions); each time a visible note says so. Sessions are
 * spooled (spool.h), so memory stays bounded too. A print stylesheet fits
 * it on A4.
 */
#ifndef KC_REPORTHTML_H
#define KC_REPORTHTML_H
#include "review.h"
#include "spool.h"
#include <stdio.h>

#define REPORTHTML_MAX_ROWS 500
#define REPORTHTML_MAX_GROWTH 24
#define REPORTHTML_MAX_TRAINEES 5000
#define REPORTHTML_MAX_POINTS 30

struct reporthtml_scstat;

struct reporthtml {
	const struct framework *fw;
	struct spool rows;	/* the first REPORTHTML_MAX_ROWS, by start */
	struct spool who;	/* every session, by trainee */
	struct reporthtml_scstat *st;	/* per scenario */
	size_t nst, capst;
	size_t n;		/* sessions added */
};

/* Start a page with the levels of framework fw. */
void reporthtml_init(struct reporthtml *w, const struct framework *fw);
/* Count and spool one session. */
void reporthtml_add(struct reporthtml *w, const struct review_session *s);
/* Write the page for r with the sessions added; -1 when the spool's
 * temporary file failed. */
int reporthtml_write(struct reporthtml *w, const struct review *r,
		     FILE *out);
void reporthtml_free(struct reporthtml *w);

#endif
