/*
 * sessionlist: the session logs in a folder, each summarised (id,
 * scenario, trainee, mode, start time, finished, reflection done, stopped
 * without result), newest first. Damaged logs are listed as damaged with
 * their problem, so one bad file never hides the others.
 */
#ifndef KC_SESSIONLIST_H
#define KC_SESSIONLIST_H
#include "diag.h"
#include <stddef.h>

struct sessionlist_item {
	char *path, *id, *scenario, *trainee, *mode, *started, *ending;
	int nchoices, finished, done, damaged, nfeedback;
	int stopped;		/* stopped without result: not resumable */
	int busy;		/* open in another window (its lock is held) */
	long feedback_mtime;	/* of the feedback file, 0 when none */
};

struct sessionlist {
	struct sessionlist_item *v;
	size_t n, cap;
};

/* Summarise every *.csv in dir; problems go to d. Returns the count. */
size_t sessionlist_scan(struct sessionlist *l, const char *dir, struct diag *d);
/* The path of the newest session in dir that can be resumed (not
 * damaged, done or stopped): the first such one of sessionlist_scan's
 * list, found without keeping or sorting the others (the cache is used
 * and kept the same way). NULL when there is none; problems go to d. */
char *sessionlist_newest_open(const char *dir, struct diag *d);
/* Find a session by id (file name without .csv) or path; NULL if absent. */
const struct sessionlist_item *sessionlist_find(const struct sessionlist *l,
						const char *idpath);
/* The Dutch status of an item: "beschadigd", "in gebruik", or the
 * status of its session (sessionlog_status). */
const char *sessionlist_status(const struct sessionlist_item *it);
/* How many sessions in l got feedback since the last call for their folder
 * dir; a marker file in dir (".feedback-gezien") remembers when that was
 * and is touched when the count is not 0. */
int sessionlist_new_feedback(const struct sessionlist *l, const char *dir);
/* Free everything. */
void sessionlist_free(struct sessionlist *l);

#endif
