/*
 * play: one trainee's play-through, tying the engine to its durable log.
 * Every change goes to the engine first and is written to the log before
 * the call returns; when the write fails the engine change is taken back,
 * so what the screen shows next is always on disk. Used by both the
 * terminal screens and the plain line mode.
 */
#ifndef KC_PLAY_H
#define KC_PLAY_H
#include "config.h"
#include "content.h"
#include "draft.h"
#include "reflect.h"
#include "session.h"
#include "sessionlog.h"

/* Who plays, and how. */
struct play_who {
	const char *trainee;
	char level;
	enum config_mode mode;
	int fixed;		/* options in file order (practice only) */
};

struct play {
	const struct content *c;
	const struct scenario *sc;
	const struct persona *persona;
	const struct framework *fw;
	struct session s;
	struct sessionlog log;
	enum config_mode mode;
	char level;
	char *trainee;
	long shown_ms;		/* when the current options were shown */
	int ended_logged;	/* the end event is in the log */
	int done;		/* the reflection was completed */
	int stopped;		/* stopped without result (play_stop) */
	char *answer[REFLECT_MAX_Q];	/* in reflect_questions order */
	struct draft draft;	/* reflection text typed but not saved */
	char *note;		/* play_resume on an older version: a line
				   that tells the trainee; else NULL */
};

/* Start a new session of scenario sc; keeps a copy of the scenario's
 * version (content_keep) and creates the log in sessions_dir. Options are
 * shuffled per session unless who->fixed is set in practice mode. 0, or
 * -1 with the reason in d. */
int play_begin(struct play *p, const struct content *c, const struct scenario *sc,
	       const struct play_who *who, const char *sessions_dir,
	       struct diag *d);
/* Load the session in the log at path, on the version of its scenario
 * that it was played on (content_version); with writable set, open the log
 * to continue it (refused for a session stopped without result). 0 or -1
 * (reason in d; then p holds nothing to free). */
int play_resume(struct play *p, const struct content *c, const char *path,
		int writable, struct diag *d);
/* Mark that the options of the current step are now on screen. */
void play_shown(struct play *p);
/* Choose the n-th offered option (0-based). 0, or -1 when not offered or
 * the log could not be written (errno kept). */
int play_choose(struct play *p, int n);
/* One step back (practice mode only). 0, or -1 when not allowed. */
int play_undo(struct play *p);
/* Stop a scenario with a content notice without a result, at any moment
 * before its end is logged: the log gets the status gestopt, and the
 * session no longer counts and cannot be resumed. 0, or -1 when the
 * scenario has no notice, the end is logged or the write failed. */
int play_stop(struct play *p);
/* Write the end event once the session is finished. 0 or -1. */
int play_log_end(struct play *p);
/* Save the answer to reflection question n (reflect_questions order) and
 * drop its draft. The log is append-only: a later answer to the same
 * question replaces the earlier one for every reader. Text equal to the
 * current answer writes nothing. 0 or -1 (errno kept). */
int play_answer(struct play *p, size_t n, const char *text);
/* The text to show in the field of question n: its draft, else its
 * answer, else "". */
const char *play_text(const struct play *p, size_t n);
/* Keep text typed for question n as its draft (in memory; dropped when it
 * equals the saved answer). */
void play_keep(struct play *p, size_t n, const char *text);
/* Write the drafts and the reflection page the trainee is on to disk
 * (fsynced; nothing is written when nothing changed or the reflection is
 * complete). 0 or -1 (errno kept). */
int play_save_draft(struct play *p, int page);
/* Complete the reflection: every draft still open is saved as its answer,
 * then the done event is written and the draft file removed. 0 or -1. */
int play_done(struct play *p);
/* The option the trainee would pick as the n-th offered one, or NULL. */
const struct sc_option *play_offered(const struct play *p, int n, int *count);
/* The session's id, as `klantcoach resume` and `show` take it: the log's
 * file name without ".csv" (new string). */
char *play_id(const struct play *p);
/* Close the log and free the state. */
void play_end(struct play *p);

#endif
