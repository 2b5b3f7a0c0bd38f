/*
 * pull: a coach's copy of the trainees' sessions, rebuilt from the
 * statements in the LRS (klantcoach sync --ophalen). Sessions are found
 * by their `initialized` statements, filtered by start day, trainee and
 * scenario; all statements of each session are then fetched by its
 * registration and put back in log order, and the log is written again,
 * whole and atomically, under the name the trainee's log has, so review,
 * report and replay read it like any other. The scenario version attached
 * to the session's start is kept in the versions store, so the log
 * replays whatever content this machine has.
 */
#ifndef KC_PULL_H
#define KC_PULL_H
#include "diag.h"
#include "lrs.h"
#include "sessionlog.h"

#include <jansson.h>
#include <stdio.h>

struct pull_filter {
	const char *from;	/* JJJJ-MM-DD: sessions begun that day or later */
	const char *trainee, *scenario;	/* exact, as review --trainee */
};

struct pull_opts {
	const char *dir;	/* where the logs go (made 0700) */
	const char *versions;	/* where attached scenario versions go */
	const struct pull_filter *filter;
	struct lrs *lrs;
	FILE *progress;		/* one line per session, or NULL */
};

struct pull_result {
	size_t sessions;	/* sessions found */
	size_t written;		/* logs new or changed */
	int denied, unreachable;	/* stopped on 401/403, on the network */
	char *message;		/* the LRS's complaint, or NULL */
};

/* The log that the statements of one session describe, in log order
 * (statements of other kinds or sessions are ignored). 0, or -1 with a
 * message when they hold no start. */
int pull_rebuild(const json_t *statements, struct sessionlog_data *log,
		 struct diag *d);
/* Pull every session that passes the filter. 0, or -1 (see r, d). */
int pull_run(const struct pull_opts *o, struct pull_result *r,
	     struct diag *d);
void pull_result_free(struct pull_result *r);

#endif
