/*
 * sessionlog: the durable record of one session, one CSV file per session.
 * The writer appends one row per event and fsyncs it before returning, so
 * a decision is on disk before the next screen is drawn; creating the file
 * also syncs its folder. The reader is strict about damage (file, line and
 * field) but tolerates a torn last line, which it ignores with a warning.
 * Nothing is ever rewritten in place; only a torn last line is cut off
 * (and kept beside the log) before appending.
 *
 * Format version 2 (documented in klantcoach(1)); version 1 had no
 * volgorde meta and no getoond value, and showed options in file order:
 *   klantcoach-sessielog,2
 *   gebeurtenis,tijd,stap,optie,denktijd_ms,gezien,gehoord,geholpen,sleutel,waarde
 *   start,<time>,,,,<meters at start>,,
 *   meta,<time>,,,,,,,<key>,<value>
 *        (cursist niveau persona scenario versie modus sessie volgorde)
 *   keuze,<time>,<step>,<option>,<ms>,<meters after>,getoond,<options shown>
 *   terug,<time>,<step>,<option>,,<meters after the undo>,,
 *   einde,<time>,,,,<meters>,einde,<end id>
 *   antwoord,<time>,,,,,,,<question key>,<text>
 *   klaar,<time>,,,,,,,,
 *   meta,<time>,,,,,,,status,gestopt
 *        (a stop without result, for a scenario with a content notice:
 *        the session ends there, is no result and cannot be resumed)
 */
#ifndef KC_SESSIONLOG_H
#define KC_SESSIONLOG_H
#include "diag.h"
#include "lock.h"
#include "scenario.h"
#include "session.h"

#define SESSIONLOG_FORMAT "klantcoach-sessielog"
#define SESSIONLOG_VERSION 2

enum sessionlog_type {
	SL_START, SL_META, SL_CHOICE, SL_UNDO, SL_END, SL_ANSWER, SL_DONE
};

struct sessionlog_event {
	enum sessionlog_type type;
	char *time, *step, *key, *value;
	int option;
	long think_ms;
	int meters[METER_N];
	int line;
};

struct sessionlog_meta {
	char *trainee, *persona, *scenario, *version, *mode, *session, *started;
	char *order;		/* "geschud" or "vast"; NULL in version 1 */
	char level;
};

/* A whole log in memory (one session is small). */
struct sessionlog_data {
	char *path;
	struct sessionlog_meta meta;
	struct sessionlog_event *ev;
	size_t nev, cap;
	int finished;		/* an end event is present */
	int done;		/* the reflection was completed */
	int stopped;		/* stopped without result (status gestopt) */
};

struct sessionlog {
	int fd;
	char *path;
	int bulk;		/* set by bulk writers (test cohorts): no fsync */
	struct lock lock;	/* held from create or append until close */
};

/* Create a new log in dir (created 0700 when missing; refused when other
 * users can write to it) and write the start and meta rows. 0, or -1 with
 * no file left behind (a full disk: "schijf vol"). */
int sessionlog_create(struct sessionlog *w, const char *dir,
		      const struct sessionlog_meta *m, const int meters[METER_N],
		      struct diag *d);
/* Open an existing log to append to (resume). 0, or -1 also when another
 * process has it open (the message names that process). Take this before
 * reading the log, so that what is read is what is continued. A torn last
 * row is cut off and kept beside the log (csvfile_cut_torn), with a
 * warning in d. */
int sessionlog_append(struct sessionlog *w, const char *path, struct diag *d);
/* Append a choice or an undo of step/option with the meters after it;
 * shown: the option numbers in the order shown ("3 1 2"), NULL for undo. */
int sessionlog_move(struct sessionlog *w, enum sessionlog_type t,
		    const char *step, int option, long think_ms,
		    const int meters[METER_N], const char *shown);
/* The options of the current step in the order shown, as file numbers
 * separated by spaces, into out (at least SESSIONLOG_SHOWN_LEN bytes). */
#define SESSIONLOG_SHOWN_LEN (SCENARIO_MAX_OPTS * 4)
void sessionlog_shown(const struct session *s, char *out);
/* The key that seeds the option order of the logged session (its id when
 * the options were shuffled), or NULL for file order. */
const char *sessionlog_order_key(const struct sessionlog_meta *m);
/* Append a key/value event (end, answer, done). */
int sessionlog_note(struct sessionlog *w, enum sessionlog_type t,
		    const int *meters, const char *key, const char *value);
/* Append the status gestopt: the session stops without a result. */
int sessionlog_stop(struct sessionlog *w);
/* 1 when ev is that status row. */
int sessionlog_is_stop(const struct sessionlog_event *ev);
/* The file name of a log begun at time (ISO, UTC) with meta m:
 * JJJJMMDD-UUMMSS-<scenario>-<first 8 of the session id>.csv */
#define SESSIONLOG_NAME_LEN 160
void sessionlog_file_name(char out[SESSIONLOG_NAME_LEN], const char *time,
			  const struct sessionlog_meta *m);
/* The whole text of a log from data, each row at its own time; the meta
 * rows follow the start row (rebuilding a log pulled from an LRS). */
struct buf;
void sessionlog_format(struct buf *b, const struct sessionlog_data *data);
/* Close the file and release its lock. */
void sessionlog_close(struct sessionlog *w);

/* Read every event of path, calling fn for each (0 to go on). Problems go
 * to d; returns 0, or -1 when the log is damaged. */
int sessionlog_read(const char *path,
		    int (*fn)(void *ctx, const struct sessionlog_event *ev),
		    void *ctx, struct diag *d);
/* The same over the whole log path already read into text (len bytes,
 * text[len] a NUL; changed while it is read). */
int sessionlog_parse(const char *path, char *text, size_t len,
		     int (*fn)(void *ctx, const struct sessionlog_event *ev),
		     void *ctx, struct diag *d);
/* Read a whole log into data. 0 or -1. */
int sessionlog_load(struct sessionlog_data *data, const char *path, struct diag *d);
/* Rebuild the session state that the log describes. -1 with a message when
 * sc is not the version the log was played on (content_version finds that
 * one) or the log does not fit it; then s holds nothing to free. */
int sessionlog_replay(const struct sessionlog_data *data,
		      const struct scenario *sc, struct session *s,
		      struct diag *d);
/* 1 when event i is an answer that no later answer to the same question
 * replaces (the log is append-only: the last answer is the current one). */
int sessionlog_answer_current(const struct sessionlog_data *data, size_t i);
/* 1 when path starts with the format line of a session log (any
 * version), 0 otherwise; the file is not checked further. */
int sessionlog_sniff(const char *path);
/* Fold one event into m: a meta row sets the field of its key, the first
 * start row sets started; other events leave m alone. The only reader of
 * the meta keys. */
void sessionlog_meta_event(struct sessionlog_meta *m,
			   const struct sessionlog_event *ev);
/* Free the strings of m and clear it. */
void sessionlog_meta_free(struct sessionlog_meta *m);
/* The Dutch status of a session: "gestopt" (stopped without result),
 * "onderbroken" (no end), "reflectie open" (ended, reflection not done)
 * or "afgerond". */
const char *sessionlog_status(int finished, int done, int stopped);
/* The Dutch name of an event type. */
const char *sessionlog_type_name(enum sessionlog_type t);
/* Free data. */
void sessionlog_data_free(struct sessionlog_data *data);

#endif
