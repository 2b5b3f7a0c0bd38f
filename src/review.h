/*
 * review: streaming aggregation over many session logs for coaches. Each
 * log is read once, event by event; only a one-row summary per session and
 * one counter per (scenario, step, option) are kept, so memory grows with
 * what is shown, not with the size of the logs. The path is replayed on the
 * version of the scenario it was played on (content_version) to compute the
 * levels shown; when that version is missing the session has no levels and
 * a warning. A session stopped without result is listed with its status
 * but counts nowhere: no levels, no option counts. Damaged or unreadable
 * logs are skipped with a warning naming file and line. With a framework
 * in the options, the levels are those of that framework: natively for
 * scenarios written in it, else derived over the crosswalk from the
 * scenario's framework (derived.h); a session with no such crosswalk has
 * no levels.
 */
#ifndef KC_REVIEW_H
#define KC_REVIEW_H
#include "buf.h"
#include "content.h"
#include "diag.h"

#define REVIEW_MAX_COMP 16

/* Which sessions to take: trainee compares regardless of case and
 * accents (text_fold); from and to are days (JJJJ-MM-DD) the session
 * started on, both included; group, when set, holds the names of a
 * group (also compared folded), and only their sessions count. */
struct review_filter {
	const char *trainee, *scenario;
	const char *from, *to;
	char **group;
	size_t ngroup;
};

struct review_session {
	char *path, *id, *trainee, *persona, *scenario, *mode, *started, *ending;
	char level;
	int tone;			/* enum sc_tone, or -1 when not finished */
	int finished, done, levels;	/* levels: shown[] is valid */
	int stopped;			/* stopped without result */
	int meters[METER_N];
	int nchoices, nundo, nfeedback;
	long think_ms;
	const struct framework *fw;
	/* shown -1: the scenario offers no evidence (derived: fewer than
	 * DERIVED_MIN_OBS observations); target 0: not rated in this
	 * scenario (n.v.t.), never counted as below target */
	int shown[REVIEW_MAX_COMP], target[REVIEW_MAX_COMP];
	int derived;			/* levels carried over a crosswalk */
	int nobs[REVIEW_MAX_COMP];	/* derived: observations */
};

struct review_count {
	char *scenario, *step;
	int option, count, expert;
};

/* Per scenario: sessions that rated each competency and how many of them
 * were below target. */
struct review_compstat {
	char *scenario;
	const struct framework *fw;
	int n[REVIEW_MAX_COMP], below[REVIEW_MAX_COMP];
};

/* How to scan: a filter, whether to keep the session summaries (lists and
 * charts) or only hand each one to on_session (streaming reports). */
struct review_opts {
	const struct review_filter *filter;
	int keep;
	void (*on_session)(void *ctx, const struct review_session *s);
	void (*progress)(void *ctx, size_t files);
	void *ctx;
	const char *framework;	/* levels in this framework; NULL: own */
};

enum review_sort { SORT_DATE, SORT_TRAINEE, SORT_PERSONA, SORT_SCENARIO, SORT_MODE,
		   SORT_RESULT, SORT_COUNT };

struct review_offer;

struct review {
	const struct content *c;
	struct review_session *s;
	size_t n, cap;
	struct review_count *cnt;
	size_t ncnt, capcnt;
	size_t *slot, nslot;		/* hash index into cnt (index + 1) */
	struct review_compstat *cs;
	size_t ncs, capcs;
	size_t nfiles, nskipped, nsessions;
	const char *framework;	/* from the options */
	const struct review_filter *filter;	/* from the options */
	size_t *ingroup;	/* per filter->group name: sessions found */
	char **gfold;		/* the group's names, folded */
	size_t ngfold;
	struct review_offer *offers;	/* per scenario and framework */
	size_t noffers, capoffers;
};

/* Scan every session log in paths (files, or folders searched with their
 * subfolders; files there that are not session logs are passed over).
 * 0, or -1 when no path could be read at all. */
int review_scan(struct review *r, const struct content *c, char *const *paths,
		size_t npaths, const struct review_opts *o, struct diag *d);
/* Read a group file: one name a line; blank lines and lines starting
 * with # are left out. 0 with the names in *names (free with
 * text_strv_free), or -1 with a Dutch error in d naming file and line. */
int review_group_load(const char *path, char ***names, size_t *n,
		      struct diag *d);
/* Sort the sessions. */
void review_sort(struct review *r, enum review_sort key);
/* Dutch name of a sort key. */
const char *review_sort_name(enum review_sort key);
/* Status word of a session: onderbroken, gestopt, reflectie open,
 * afgerond. */
const char *review_status(const struct review_session *s);
/* How many sessions chose something at this step (sum over its options). */
int review_step_total(const struct review *r, const char *scenario, const char *step);
/* The level of competency k of s as a cell: "-", "2 n.v.t." or "1/2"
 * (with words "1/2 onder", "2/2 ok"); a derived level adds the number of
 * observations, "2/2 ok (7)", and below DERIVED_MIN_OBS it is
 * "te weinig (3)". */
void review_level_cell(struct buf *b, const struct review_session *s,
		       size_t k, int words);
/* A search in the session list: words that must all occur, each in any
 * column (trainee, persona, scenario, mode, start, status, ending, id),
 * regardless of case and accents (text_fold): "zoe" finds Zoë and ZOË,
 * "denzell toets" the toets sessions of denzell's scenarios; a phrase in
 * double quotes ("cursist 07") is one word. */
struct review_query {
	char **words;		/* folded */
	size_t n;
};

/* Set q from typed text (NULL or blank: matches every session). */
void review_query_set(struct review_query *q, const char *text);
/* Whether s matches every word of q. */
int review_query_match(const struct review_query *q,
		       const struct review_session *s);
void review_query_free(struct review_query *q);
/* Free everything. */
void review_free(struct review *r);

#endif
