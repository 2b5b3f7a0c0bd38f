/*
 * intervisie: a group replays a scenario, or a trainee's real session, one
 * step at a time: they vote per option, the step is revealed, they add a
 * note. For a log the replay follows the trainee's path; for a fresh
 * scenario it follows the option with most votes (a tie or no votes: the
 * facilitator picks). Everything is appended durably to an intervisie
 * record, which can be resumed.
 *
 * Record format (klantcoach(1)): "klantcoach-intervisie,1", the header
 * "gebeurtenis,tijd,stap,optie,aantal,sleutel,waarde", then rows
 *   meta   key/value: bron (scenario or log id; "logboek" when
 *          anonymous), scenario, versie, anoniem, logboek (its path;
 *          when anonymous "sha256:" and the hash of its session id, found
 *          again among the logs in ../sessions beside the record), sessie
 *          (the record's id) and volgorde (geschud: a fresh replay shows
 *          the options in an order seeded by sessie; a log's replay keeps
 *          the order of the log; older records have neither: file order)
 *   stem   step, option, votes
 *   volg   step, option the replay followed
 *   notitie step, text
 *   einde  key einde, value the ending id
 */
#ifndef KC_INTERVISIE_H
#define KC_INTERVISIE_H
#include "content.h"
#include "lock.h"
#include "session.h"
#include "sessionlog.h"

#define INTERVISIE_MAX_VOTES 999	/* votes per option */
#define IV_LOGHASH_LEN 72		/* "sha256:" and 64 hex digits */

struct iv_step {
	int step;			/* step index */
	int votes[SCENARIO_MAX_OPTS];	/* per option index; -1 = no vote */
	int followed;			/* option index followed, -1 until then */
	int trainee;			/* the trainee's option index, -1 */
	long think_ms;			/* the trainee's think time */
	uint64_t flags;			/* flags when the step was shown */
	char *note;
};

struct intervisie {
	const struct content *c;
	const struct scenario *sc;
	const struct persona *persona;
	const struct framework *fw;
	struct session s;		/* the path being replayed */
	struct iv_step *st;
	size_t nst, capst;
	struct session_move *tpath;	/* the trainee's path in force (log) */
	size_t ntpath;
	char *trainee;			/* shown name ("de cursist" when anonymous) */
	char *realname;			/* for hiding it in free text */
	char loghash[IV_LOGHASH_LEN];	/* the log's one-way reference */
	int anon, from_log, ended;
	int fd;
	char *path;
	struct lock lock;		/* held while the record is open */
};

/* The option index with most votes among the n offered (idx); -1 when
 * there are no votes or the top is shared. */
int intervisie_winner(const int *votes, const int *idx, int n);
/* Start a replay of scenario sc (keeping a copy of its version, see
 * content_keep), its options shuffled unless fixed; the record goes into
 * dir. 0 or -1. */
int intervisie_begin(struct intervisie *iv, const struct content *c,
		     const struct scenario *sc, int fixed, const char *dir,
		     struct diag *d);
/* Start a replay of the session log at logpath. 0 or -1. */
int intervisie_begin_log(struct intervisie *iv, const struct content *c,
			 const char *logpath, int anon, const char *dir,
			 struct diag *d);
/* 1 when path starts with the format line of an intervisie record, 0
 * otherwise; the file is not checked further. */
int intervisie_sniff(const char *path);
/* Continue the record at path, on the scenario version it was started
 * on (content_version). 0, or -1 also when another process has it open
 * (the message names that process). A file without the record's first
 * line, an option outside 1..SCENARIO_MAX_OPTS or a vote count outside
 * 0..INTERVISIE_MAX_VOTES is an error with file and line. */
int intervisie_resume(struct intervisie *iv, const struct content *c,
		      const char *path, struct diag *d);
/* The record of the current step. */
struct iv_step *intervisie_current(struct intervisie *iv);
/* Record the votes of the current step (per option index). 0 or -1. */
int intervisie_vote(struct intervisie *iv, const int votes[SCENARIO_MAX_OPTS]);
/* The option the replay must follow now: the trainee's for a log, else
 * the winner of the votes; -1 when the facilitator has to pick. */
int intervisie_next(const struct intervisie *iv);
/* Follow option index opt at the current step. 0 or -1. */
int intervisie_follow(struct intervisie *iv, int opt);
/* Record the group's note on the last step; when anonymous the trainee's
 * name is hidden first, in any case and with or without accents. 0 or -1. */
int intervisie_note(struct intervisie *iv, const char *text);
/* Record the ending (once finished). 0 or -1. */
int intervisie_finish(struct intervisie *iv);
/* The options step s offered (with its flags), as option indices into
 * idx in the order they were shown; returns how many. */
int intervisie_offered(const struct intervisie *iv, const struct iv_step *s,
		       int *idx);
/* Levels per competency of the group's majority, the trainee's and the
 * expert's choices on the steps replayed (arrays of fw->ncomps). */
void intervisie_levels(const struct intervisie *iv, int *group, int *trainee,
		       int *expert);
/* One line about a record: "<date> <scenario> (<source>), N stappen,
 * afgerond|open[, anoniem]" (new string); NULL when it is no record. */
char *intervisie_describe(const char *path, struct diag *d);
/* Free everything and close the record. */
void intervisie_free(struct intervisie *iv);

#endif
