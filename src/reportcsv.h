/*
 * reportcsv: the report as CSV, one table per file (sessies, stappen,
 * competenties), so a spreadsheet imports each as it is. Sessions are
 * written in chronological order: each row goes to a spool (spool.h) as
 * the scan finds it, so memory stays bounded with many sessions. The
 * Excel variant starts with a UTF-8
 * byte-order mark and separates with ';', as Dutch Excel expects.
 */
#ifndef KC_REPORTCSV_H
#define KC_REPORTCSV_H
#include "review.h"
#include "spool.h"
#include <stdio.h>

enum reportcsv_table { RCSV_SESSIONS, RCSV_STEPS, RCSV_COMPS, RCSV_COUNT };

struct reportcsv {
	const struct framework *fw;
	char sep;		/* ',' or ';' (excel) */
	int excel;
	struct spool rows;	/* the session rows by start and id */
};

/* Parse "sessies", "stappen" or "competenties"; -1 when unknown. */
int reportcsv_parse_table(const char *s);
/* The file name of a table in a folder ("sessies.csv"). */
const char *reportcsv_file(enum reportcsv_table t);
/* Start a writer for sessions with level and target columns for the
 * competencies of fw. */
void reportcsv_init(struct reportcsv *w, const struct framework *fw,
		    int excel);
/* Keep the row of one session. */
void reportcsv_add(struct reportcsv *w, const struct review_session *s);
/* Keep a row for a group member without sessions: the name, zeros. */
void reportcsv_absent(struct reportcsv *w, const char *trainee);
/* Write table t as a whole file to out; -1 on a write error or when the
 * spool's temporary file failed. */
int reportcsv_write(struct reportcsv *w, const struct review *r,
		    enum reportcsv_table t, FILE *out);
/* Free everything, the temporary file too. */
void reportcsv_free(struct reportcsv *w);

#endif
