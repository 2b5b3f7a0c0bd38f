/*
 * timeline: a session log walked event by event beside the engine, so a
 * coach sees each step as the trainee saw it: the situation, the option
 * chosen and the ones offered but not chosen, think time, undos, meters
 * and the reflection answers, in the order they happened (of an answer
 * saved twice only the latest, the current one).
 */
#ifndef KC_TIMELINE_H
#define KC_TIMELINE_H
#include "scenario.h"
#include "sessionlog.h"
#include <stdint.h>

enum timeline_kind { TL_CHOICE, TL_UNDO, TL_END, TL_ANSWER };

struct timeline_entry {
	enum timeline_kind kind;
	int pos;		/* step number in the path (1-based) */
	int step, opt;		/* indices into the scenario */
	uint64_t flags;		/* flags when the options were offered */
	int shown[SCENARIO_MAX_OPTS];	/* option indices in the order shown */
	int nshown;
	long think_ms;
	int meters[METER_N];	/* after the event */
	const char *key, *value;	/* answers: borrowed from the log data */
};

struct timeline {
	struct timeline_entry *v;
	size_t n, cap;
};

/* Build the timeline of data against sc. -1 with a message in d when the
 * log does not fit the scenario; a changed scenario is only a warning. */
int timeline_build(struct timeline *tl, const struct sessionlog_data *data,
		   const struct scenario *sc, struct diag *d);
/* The number (1..nshown) the trainee saw for the entry's option, or 0. */
int timeline_shown_number(const struct timeline_entry *e);
/* Free the entries. */
void timeline_free(struct timeline *tl);

#endif
