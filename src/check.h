/*
 * check: validation of loaded content beyond what the loaders see in one
 * file: references across files (persona, framework, indicators), the
 * scenario graph (reachability, every path ends, option counts, expert
 * path, flags needed before they can be set, the expert path ending op or
 * boven doel on every rated competency), a content notice without help,
 * and the library rules that are warnings (expert path length, endings,
 * questions, channels, fewer than four rated competencies, help without a
 * notice, options whose conditions hold on no path, an expert option given
 * away by its length, a speaker written into a line instead of its speaker
 * key, a meter stuck at its top or bottom on some path, an effect larger
 * than a fifth of the scale).
 */
#ifndef KC_CHECK_H
#define KC_CHECK_H
#include "content.h"
#include "diag.h"
#include "session.h"

#define CHECK_MIN_EXPERT_STEPS 6
#define CHECK_MIN_ENDINGS 3
#define CHECK_MIN_QUESTIONS 3	/* of the scenario's own, question1..5 */
#define CHECK_MAX_STATES 16384	/* (step, flags) pairs walked per scenario */
#define CHECK_MIN_RATED 4
#define CHECK_CUE_RATIO 125	/* expert text at most 1.25 x the others' mean */
#define CHECK_CUE_LONGEST 40	/* expert the longest in at most 40% of steps */
#define CHECK_EFFECT_MAX (METER_MAX / 5)	/* the largest effect */
#define CHECK_METER_LOW 2	/* no path stuck at 0 from choice 1 or 2 on */
#define CHECK_MAX_NODES 1048576	/* options looked at by the meter walk */

/* Check one scenario; problems go to d. Returns the number of errors. */
int check_scenario(const struct content *c, const struct scenario *sc,
		   struct diag *d);
/* The same errors as check_scenario, without the rules that can only
 * warn (never-offered options, length cues, speakers): for loading a
 * scenario to play or list, where only its errors count. */
int check_errors(const struct content *c, const struct scenario *sc,
		 struct diag *d);
/* Check every scenario in c; returns the number of errors. */
int check_all(const struct content *c, struct diag *d);
/* Play the expert path of sc into s (started here; the caller frees it).
 * Returns its length in decision points, or -1 when it never ends. */
int check_expert_path(const struct scenario *sc, struct session *s);
/* Length of the expert path in decision points, or -1 when it never ends. */
int check_expert_length(const struct scenario *sc);
/* Count evidence per indicator of fw over all scenarios using it: pos[i]
 * and neg[i] for fw->inds[i] (arrays of fw->ninds). */
void check_coverage(const struct content *c, const struct framework *fw,
		    int *pos, int *neg);

#endif
