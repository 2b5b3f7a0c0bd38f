/*
 * xapi: xAPI 1.0.3 statements built from the rows of a session log. A
 * statement is a pure function of the log (its row, the meta rows, and for
 * an undo the choice it takes back), of the [lrs] settings and, for the
 * end, of the score the caller rated: the same row always gives the same
 * statement, with the same id (UUID v5 of the session id and the row's
 * line), so sending it again is harmless. Every statement is documented in
 * klantcoach(1), section XAPI.
 *
 *   start    initialized  the scenario (activity), the meters
 *   keuze    answered     the step, a cmi.interaction "choice" whose choices
 *                         are the option numbers in the order shown; the
 *                         response is the option chosen, the duration the
 *                         think time, the meters and their changes
 *   terug    undid        a StatementRef to the choice taken back
 *   einde    completed    the scenario; score.scaled = share of rated
 *                         competencies at or above target, success = all
 *   antwoord answered     a "long-fill-in" interaction, only when sharing
 *                         answers is allowed
 *   klaar    terminated   the scenario
 * meta rows give no statement of their own: they travel in every
 * statement's context (registration = the session id).
 */
#ifndef KC_XAPI_H
#define KC_XAPI_H
#include "diag.h"
#include "feedback.h"
#include "sessionlog.h"
#include "sha256.h"

#include <jansson.h>

/* Verbs and extensions of klantcoach live under this profile IRI. */
#define XAPI_PROFILE "https://w3id.org/klantcoach/xapi"
#define XAPI_UUID_LEN 37

struct xapi_settings {
	const char *homepage;	/* [lrs] organisatie: the account's homePage */
	const char *base;	/* [lrs] basis-iri: activity ids under it */
	const char *learner;	/* the stable learner id (a UUID) */
	int share_answers;	/* [lrs] antwoorden-delen */
};

/* The rating of a finished session: rated competencies, and how many of
 * them were at or above target. rated 0: the end carries no score. */
struct xapi_score {
	int rated, reached;
};

/* The statement id of the row at line of session (a UUID) into out.
 * -1 when session is not a UUID. */
int xapi_statement_id(const char *session, int line,
		      char out[XAPI_UUID_LEN]);
/* The statement for event i of log, or NULL when that row makes none (meta
 * rows; answers while sharing is off). score: for the end row, may be NULL.
 * On a log it cannot describe (no session id, an undo without its choice)
 * returns NULL with a message in d. */
json_t *xapi_statement(const struct sessionlog_data *log, size_t i,
		       const struct xapi_settings *set,
		       const struct xapi_score *score, struct diag *d);
/* Whether event i makes a statement under set. */
int xapi_makes_statement(const struct sessionlog_data *log, size_t i,
			 const struct xapi_settings *set);

/* A coach's feedback item (line it of the feedback file beside a
 * session's log) as a statement: verb commented, object a StatementRef to
 * the session's start statement (start_line of its log), the text as
 * result.response, the step as extension .../stap (0: the session as a
 * whole), context.registration the session. The actor is the coach
 * (set->learner, the coach's own id, with the coach's name); the id is
 * UUID v5 of the session and "feedback-<line>". NULL when session is not
 * a UUID. */
json_t *xapi_feedback(const char *session, int start_line,
		      const struct feedback_item *it,
		      const struct xapi_settings *set);
/* A coach's edit or withdrawal (item it) of the item at line replaced
 * of the same feedback file, whose statement it voids: verb voided,
 * object a StatementRef to that statement, the actor as in
 * xapi_feedback, the step as context extension .../stap,
 * context.registration the session, the time of it. The id is UUID v5
 * of the session and "intrekking-<line of it>". NULL when session is not
 * a UUID. */
json_t *xapi_feedback_void(const char *session, int replaced,
			   const struct feedback_item *it,
			   const struct xapi_settings *set);
/* The statement that voids statement target of session (klantcoach
 * vergeet): verb voided, object a StatementRef, the actor the learner of
 * set; no timestamp (the LRS's), so building it again gives the same.
 * id: UUID v5 of the session and "vergeet-<target>". NULL when session
 * is not a UUID. */
json_t *xapi_void(const char *session, const char *target,
		  const struct xapi_settings *set);
/* The way back: a feedback statement into it (strings new) and the
 * session it is about. 0 for feedback given, 1 for a voiding of feedback
 * (xapi_feedback_void; the text is empty), -1 when st is neither. */
int xapi_feedback_item(const json_t *st, struct feedback_item *it,
		       const char **session);

/* The usage type of the scenario file a session was played on, attached
 * to its initialized statement. */
#define XAPI_SCENARIO_FILE XAPI_PROFILE "/attachments/scenario"
/* The n bytes of the scenario file as attachments of the initialized
 * statement st, content-addressed by their SHA-256. The file goes in
 * parts of at most XAPI_PART bytes, in order, each starting a line that
 * does not start with 's' or a line end: Learning Locker's statements
 * service stalls on an attachment over 16 KB and strips those characters
 * from the start of one. Returns the number of parts; part i is the
 * bytes [cut[i], cut[i + 1]) (cut has room for XAPI_MAX_PARTS + 1). */
#define XAPI_PART 12000
#define XAPI_MAX_PARTS 64
size_t xapi_attach_scenario(json_t *st, const struct sessionlog_meta *m,
			    const char *data, size_t n, size_t *cut);
/* The sha2 of st's scenario attachment i (in order), or NULL. */
const char *xapi_scenario_sha2(const json_t *st, size_t i);

/* The way back, for a coach pulling statements: the log row statement st
 * was built from, into ev (strings are new; free them as sessionlog_data
 * does). For an undo, step and option stay empty and *ref is the id of
 * the choice it takes back. -1 when st is not one of klantcoach's. */
int xapi_row(const json_t *st, struct sessionlog_event *ev, const char **ref);
/* The log's meta from any of its statements (strings new). 0 or -1. */
int xapi_meta(const json_t *st, struct sessionlog_meta *m);

#endif
