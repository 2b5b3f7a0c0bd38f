/*
 * scenario: one scenario graph from content/scenarios/<id>.ini: metadata,
 * steps (situation, client line, 2-4 options) and endings. Each option has
 * its text, the client's response, the next step or ending, effects on the
 * meters gezien/gehoord/geholpen, indicator evidence, feedback, flags it
 * sets and needs, and whether it is the expert's choice. Flags are bits in
 * a 64-bit mask. A scenario may carry a content notice and a text on where
 * help is (both or neither; check.c). Read-only once loaded.
 */
#ifndef KC_SCENARIO_H
#define KC_SCENARIO_H
#include "diag.h"
#include <stddef.h>
#include <stdint.h>

enum { METER_GEZIEN, METER_GEHOORD, METER_GEHOLPEN, METER_N };
#define METER_MAX 10
#define EFFECT_MAX 3
#define SCENARIO_MAX_OPTS 4
#define SCENARIO_MAX_FLAGS 64
#define SCENARIO_HASH_LEN 17	/* 16 hex digits and the NUL */
#define SCENARIO_SPEAKER_MAX 40
#define SCENARIO_MAX_QUESTIONS 5	/* question1 .. question5 */

enum sc_tone { TONE_GOED, TONE_MATIG, TONE_SLECHT };

struct sc_evidence {
	char *ind;		/* indicator id */
	int positive;
	int ix;			/* index in the scenario's framework, -1 unknown */
};

struct sc_option {
	int num;		/* 1-4 as in the file */
	char *text, *response, *feedback, *next;
	char *speaker;		/* who says the response; NULL: the persona */
	int next_step;		/* index, or -1 when next is an ending */
	int next_end;		/* index, or -1 */
	int effect[METER_N];
	struct sc_evidence *ev;
	size_t nev;
	uint64_t sets, needs, needs_not;
	int expert;
	int line, line_ev, line_needs, line_next;
	int line_effect[METER_N];	/* 0: the meter's key is absent */
};

struct sc_step {
	char *id, *situation, *client;
	char *speaker;		/* who says the client line; NULL: the persona */
	struct sc_option opt[SCENARIO_MAX_OPTS];
	int nopt;
	int line;
};

struct sc_ending {
	char *id, *summary;
	enum sc_tone tone;
	int line;
};

struct scenario {
	char *id, *file, *version;	/* version: hash of the file's bytes */
	char *title, *summary, *persona, *channel, *framework, *start;
	char *notice;		/* content notice; NULL: none */
	char *help;		/* where help is (reflection); NULL: none */
	char level;
	int meter0[METER_N];
	char **questions;
	size_t nquestions;
	struct sc_step *steps;
	size_t nsteps;
	struct sc_ending *ends;
	size_t nends;
	char *flag[SCENARIO_MAX_FLAGS];
	int nflags;
	int start_step;
	int line_persona, line_framework, line_channel, line_start;
	int line_notice, line_help;
	int line_meter[METER_N];	/* start values; 0: absent */
};

/* Names of the meters, in order. */
extern const char *const scenario_meter_name[METER_N];
/* Dutch names of the tones. */
extern const char *const scenario_tone_name[3];
/* Load a scenario file; problems go to d; 0 or -1. Structure-level checks
 * (references between steps, reachability) are in check.c. */
int scenario_load(struct scenario *sc, const char *path, struct diag *d);
/* The same for the len bytes at data (malloc'd, NUL at data[len], taken
 * over), read from path by the caller, without the file size limit. */
int scenario_parse(struct scenario *sc, const char *path, char *data,
		   size_t len, struct diag *d);
/* The version of a scenario file: an FNV-1a hash of its n bytes as 16
 * lower-case hex digits. Its offset basis (1469598103934665603) is not the
 * standard one; it stays, as every log names its version by it. */
void scenario_hash(const char *data, size_t n, char out[SCENARIO_HASH_LEN]);
/* Index of a step by id, or -1. */
int scenario_step(const struct scenario *sc, const char *id);
/* Index of the option numbered num (as in the file) at step st, or -1. */
int scenario_option(const struct sc_step *st, int num);
/* The name to show before a line: its speaker, or else the persona's. */
const char *scenario_speaker(const char *speaker, const char *persona);
/* 1 when option o is offered with the given flags. */
int scenario_offered(const struct sc_option *o, uint64_t flags);
/* The expert option's index at step s with the given flags, or -1. */
int scenario_expert(const struct scenario *sc, size_t s, uint64_t flags);
/* Mark the steps (steps[nsteps]) and endings (ends[nends]) reachable from
 * the start by following every option's target, conditions or not. */
void scenario_reach(const struct scenario *sc, char *steps, char *ends);
/* Free everything. */
void scenario_free(struct scenario *sc);

#endif
