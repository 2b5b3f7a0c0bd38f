/*
 * session: the play engine. Holds the state of one play-through of a
 * scenario (current step, meters, flags, the path of choices made and the
 * choices that were undone) and applies choices and undos. Pure and
 * deterministic: the same calls give the same state; it never draws and
 * never writes files.
 */
#ifndef KC_SESSION_H
#define KC_SESSION_H
#include "scenario.h"
#include <stdint.h>

struct session_move {
	int step, opt;			/* step index, option index in step */
	int before[METER_N];		/* meters before the choice */
	int after[METER_N];		/* meters after the choice */
	uint64_t flags_before;
	long think_ms;
	int pos;			/* undone moves: 1-based position in
					   the path where they were made */
};

struct session {
	const struct scenario *sc;
	uint64_t order;			/* option order seed; 0: file order */
	int step;			/* current step, -1 when finished */
	int end;			/* ending index when finished, else -1 */
	int meters[METER_N];
	uint64_t flags;
	struct session_move *path;	/* choices in force, in order */
	size_t npath, cappath;
	struct session_move *undone;	/* choices taken back, in order */
	size_t nundone, capundone;
};

/* Start a session at the scenario's start step. */
void session_start(struct session *s, const struct scenario *sc);
/* Show options in an order derived from key (a session or record id) and
 * each step's id, the same every time for that key; NULL: file order. */
void session_shuffle(struct session *s, const char *key);
/* Option indices offered at the current step (at most 4) into idx, in the
 * order they are shown; returns how many (0 when finished). */
int session_offered(const struct session *s, int idx[SCENARIO_MAX_OPTS]);
/* Apply option index opt of the current step; 0, or -1 when it is not
 * offered or the session is finished. */
int session_choose(struct session *s, int opt, long think_ms);
/* Take the last choice back; 0, or -1 when there is nothing to undo. */
int session_undo(struct session *s);
/* 1 when an ending has been reached. */
int session_finished(const struct session *s);
/* The last move in force, or NULL. */
const struct session_move *session_last(const struct session *s);
/* A canonical text of the whole state, for comparing two sessions. */
char *session_snapshot(const struct session *s);
/* Free the history. */
void session_free(struct session *s);

#endif
