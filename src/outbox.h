/*
 * outbox: the statements of one session waiting for the LRS, durable and
 * private, in <gegevens>/outbox/<session id>/ (folder 0700, files 0600):
 *   instellingen.json  the [lrs] settings the session was first built
 *                      with; later rows are built with the same ones
 *   statements.jsonl   every statement built so far, one per line as
 *                      {"regel": <log line>, "statement": {...}}
 *   verzonden          how many of them are done (acknowledged by the LRS
 *                      or set aside), a number
 *   apart.jsonl        statements the LRS refused, with its message
 *   bijlage-<sha2>     the scenario file attached to the start statement
 * Every file is replaced atomically, so a crash leaves the old or the new
 * state; a statement is never built twice, and sending one again after a
 * crash is harmless (same id, same content).
 */
#ifndef KC_OUTBOX_H
#define KC_OUTBOX_H
#include "diag.h"
#include "xapi.h"

struct outbox {
	char *dir;
	json_t *settings;	/* the recorded settings, or NULL */
	struct xapi_settings set;	/* pointing into settings */
	struct outbox_item {
		int line;	/* the log line it was built from */
		json_t *st;
	} *item;		/* the statements, in row order */
	size_t n, cap;
	size_t sent;		/* done: acknowledged or set aside */
};

/* Open the outbox of session (a UUID) under root; an absent one is empty.
 * 0, or -1 with a message when its files are damaged. */
int outbox_open(struct outbox *ob, const char *root, const char *session,
		struct diag *d);
/* Build the statements of the rows of log past the last one built, with
 * the recorded settings (set is recorded the first time). score: the
 * rating of a finished session, or NULL. scenario: the file of the
 * version it was played on (attached to the start), or NULL. With save 0
 * nothing is written (to show what would be sent). 0 or -1. */
int outbox_build(struct outbox *ob, const struct sessionlog_data *log,
		 const struct xapi_settings *set,
		 const struct xapi_score *score, const char *scenario,
		 int save, struct diag *d);
/* The attachment with this sha2 (new string, *n its length), or NULL. */
char *outbox_attachment(const struct outbox *ob, const char *sha2,
			size_t *n);
/* For statements built elsewhere (a coach's feedback): record set as
 * the settings when none are (writing them when save); ob->set is what
 * to build with. 0 or -1. */
int outbox_settle(struct outbox *ob, const struct xapi_settings *set,
		  int save, struct diag *d);
/* The line of the last statement built, 0 when none. */
int outbox_last_line(const struct outbox *ob);
/* Add a statement built from line (ob takes st). */
void outbox_add(struct outbox *ob, json_t *st, int line);
/* Write the statements. 0 or -1. */
int outbox_save(struct outbox *ob, struct diag *d);
/* Mark the next n statements done. 0 or -1. */
int outbox_ack(struct outbox *ob, size_t n, struct diag *d);
/* Set the next statement aside with the LRS's message, and mark it done. */
int outbox_set_aside(struct outbox *ob, const char *msg, struct diag *d);
/* Free everything. */
void outbox_free(struct outbox *ob);

#endif
