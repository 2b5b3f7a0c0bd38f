/*
 * derived: a session reflected in another framework through a crosswalk.
 * The evidence in force (the reflection's shown list) is carried over
 * link by link: positive evidence on every link, negative evidence only
 * on links of strength 1. Each carried piece is one observation of the
 * target indicator and adds its weight (2 for strength 1, 1 for 0.5) to
 * the net of that indicator's level; the level then follows the reflect
 * level rule, taken from the target indicators, never from the level
 * numbers of the first framework. Below DERIVED_MIN_OBS observations a
 * competency gets no level ("te weinig waarnemingen"). Every result is
 * "afgeleid, indicatief".
 */
#ifndef KC_DERIVED_H
#define KC_DERIVED_H
#include "content.h"
#include "reflect.h"
#include <stdio.h>

#define DERIVED_MIN_OBS 5

struct derived_ind {
	int pos, neg;		/* observations carried to this indicator */
};

struct derived_comp {
	int nobs;		/* observations over its indicators */
	int net[4];		/* weighted net evidence per level */
	int level;		/* -1: fewer than DERIVED_MIN_OBS observations */
	int target;
	enum reflect_mark mark;	/* REFLECT_NA without a level or target */
};

struct derived {
	const struct framework *from, *to;
	const struct crosswalk *cw;
	struct derived_ind *inds;	/* one per to->inds */
	struct derived_comp *comps;	/* one per to->comps */
};

/* What to reflect a session of framework from_id in framework to_id
 * with: 0 when they are the same (shown natively), 1 with *to and *cw
 * set, -1 with a Dutch error in d (unknown framework, no crosswalk). */
int derived_resolve(const struct content *c, const char *from_id,
		    const char *to_id, const struct framework **to,
		    const struct crosswalk **cw, struct diag *d);
/* Carry the reflection r (against from) over cw into to, for role. */
void derived_build(struct derived *dv, const struct reflect *r,
		   const struct framework *from, const struct crosswalk *cw,
		   const struct framework *to, char role);
/* Build the reflection of session s against from for role, then carry
 * it over. */
void derived_session(struct derived *dv, const struct session *s,
		     const struct framework *from, const struct crosswalk *cw,
		     const struct framework *to, char role);
/* Print the derived competencies and the observations per indicator. */
void derived_print(FILE *out, const struct derived *dv, char role);
/* Free everything. */
void derived_free(struct derived *dv);

#endif
