/*
 * reflect: turns a finished session into its reflection: per competency
 * the level shown against the target, the indicators shown (with the step
 * where), the indicators missed (with the step where an option offered
 * them), evidence of undone choices, and where the path left the expert's.
 *
 * The level rule (also in klantcoach(1)): only choices in force count;
 * undone choices are listed apart and never change a level. Per competency
 * and level L, net[L] = positive minus negative evidence of indicators of
 * that level. The level shown is the highest L with net[L] > 0, but never
 * at or above a level whose net is negative (the framework assumes the
 * lower levels are present). No level qualifies: 0.
 *
 * The rating rule (also in klantcoach(1)): a scenario offers a competency
 * at level L when an option reachable from the start (following option
 * targets; conditions on flags count as met) gives positive evidence for
 * an indicator of that competency at level L. A competency is rated
 * against the target only when the scenario offers it at the target level
 * or higher; otherwise its mark is n.v.t.: the level reached is still
 * shown, but it is never "onder doel".
 */
#ifndef KC_REFLECT_H
#define KC_REFLECT_H
#include "framework.h"
#include "session.h"

enum reflect_mark { REFLECT_NA, REFLECT_BELOW, REFLECT_ON, REFLECT_ABOVE };

struct reflect_comp {
	size_t comp;
	int shown, target;
	int offer;		/* highest level offered, 0 when none */
	int net[4];
	enum reflect_mark mark;
	int blocked;		/* a higher level with net > 0 that does not
				   count, 0 when none */
	int block;		/* index into shown of the first negative
				   at the level that blocks it; -1 none */
};

struct reflect_item {
	size_t ind;		/* index into fw->inds */
	int positive;
	int pos;		/* 1-based position in the path (for undone
				   choices: where they were made) */
	int step, opt;		/* step index and option index */
};

struct reflect_question {
	const char *key;	/* as saved in the log */
	const char *text;
};

struct reflect_diff {
	int pos, step, chosen, expert;	/* expert -1 when none */
};

struct reflect {
	struct reflect_comp *comps;
	size_t ncomps;
	struct reflect_item *shown, *undone, *missed;
	size_t nshown, nundone, nmissed;
	size_t capshown, capundone, capmissed;
	struct reflect_diff *diff;	/* one per path position */
	size_t ndiff;
};

/* Build the reflection of session s against fw for role ('A'-'C'). */
void reflect_build(struct reflect *r, const struct session *s,
		   const struct framework *fw, char role);
/* Only the levels (r->comps, with r->shown they come from) of the same
 * reflection, given the offer[] of reflect_offered for s's scenario and
 * fw: for a report over many sessions, which computes that once. */
void reflect_build_levels(struct reflect *r, const struct session *s,
			  const struct framework *fw, char role,
			  const int *offer);
/* Highest level at which sc offers each competency of fw, into
 * offer[fw->ncomps] (0 when the scenario offers none). */
void reflect_offered(const struct scenario *sc, const struct framework *fw,
		     int *offer);
/* Level for one competency from net evidence per level (net[1..3]). */
int reflect_level(const int net[4]);
/* Dutch words for a mark: "onder doel", "op doel", "boven doel", "n.v.t.". */
const char *reflect_mark_name(enum reflect_mark m);
/* The reflection questions in PEARLS order: how it felt, the scenario's
 * own questions, what went well, what to do differently. Returns the
 * count (at most REFLECT_MAX_Q). */
#define REFLECT_MAX_Q (SCENARIO_MAX_QUESTIONS + 3)
size_t reflect_questions(const struct scenario *sc,
			 struct reflect_question q[REFLECT_MAX_Q]);
/* Free everything. */
void reflect_free(struct reflect *r);

#endif
