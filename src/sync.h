/*
 * sync: every session log of the data folder to the LRS through its
 * outbox. Per session the rows past the last one built become statements
 * (the end rated against the content when the scenario is here
 * unchanged), then what is pending goes out in batches: acknowledged
 * batches are marked done; network errors, 5xx and 429 keep the batch and
 * back off (honouring Retry-After) before trying again; 400 and 409 split
 * the batch until the refused statement is alone, which is set aside with
 * the LRS's message; 401 and 403 stop everything. A coach's feedback
 * beside the logs in <data_dir>/opgehaald goes out the same way (outbox
 * feedback-<session>), an edit or withdrawal also voiding the statement
 * of the item it replaces; after sending, the coaches' feedback on the
 * trainee's own sessions comes in, into the feedback file beside each,
 * and what they withdrew goes out of force there.
 */
#ifndef KC_SYNC_H
#define KC_SYNC_H
#include "content.h"
#include "lrs.h"
#include "xapi.h"

#include <stdio.h>

struct sync_opts {
	const char *data_dir;
	const struct content *content;	/* to rate finished sessions */
	const struct xapi_settings *set;
	struct lrs *lrs;	/* NULL: only collect what would be sent */
	FILE *progress;		/* one line per batch, or NULL */
	size_t batch;		/* statements per request (default 50) */
	int tries;		/* attempts per batch on AGAIN (default 4) */
	long wait_ms;		/* first back-off (default 1000), doubling */
};

struct sync_result {
	size_t sessions, sent, set_aside, pending;
	size_t waiting;		/* sessions with statements still pending */
	size_t feedback_in;	/* coach feedback items new on this machine */
	size_t feedback_gone;	/* ... and withdrawn by the coach */
	int denied;		/* stopped on 401/403 */
	int unreachable;	/* stopped after the last try */
	char *message;		/* the LRS's last complaint, or NULL */
	json_t *shown;		/* without lrs: the pending statements */
};

/* Sync every log in <data_dir>/sessions. 0 when everything pending was
 * sent, -1 otherwise (see r; problems with files in d). */
int sync_run(const struct sync_opts *o, struct sync_result *r,
	     struct diag *d);
/* klantcoach vergeet: void every statement ever built for this
 * machine's sessions (the outboxes in <data_dir>/outbox), sent like the
 * sessions themselves (o->lrs must be set). 0 when the LRS took every
 * voiding statement, -1 otherwise (see r). */
int sync_forget(const struct sync_opts *o, struct sync_result *r,
		struct diag *d);
void sync_result_free(struct sync_result *r);

#endif
