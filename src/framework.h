/*
 * framework: a competency framework read from CSV files in one folder:
 * framework.csv (name, year, source, level names), competencies.csv,
 * indicators.csv (behavioural indicators per level) and targets.csv (the
 * target level per function level A/B/C). Read-only once loaded.
 */
#ifndef KC_FRAMEWORK_H
#define KC_FRAMEWORK_H
#include "diag.h"
#include <stddef.h>

struct fw_competency {
	char *id, *name, *cluster, *definition;
	int target[3];		/* for roles A, B, C; 0 = not required */
	int target_line[3];	/* line of each in targets.csv */
	int line;
};

struct fw_indicator {
	char *id, *text;
	size_t comp;		/* index into comps */
	int level;		/* 1-3 */
	int line;
};

struct framework {
	char *id, *dir;
	char *name, *year, *source, *level_name[4];
	struct fw_competency *comps;
	size_t ncomps, capcomps;
	struct fw_indicator *inds;
	size_t ninds, capinds;
};

/* Load the framework in dir (its id is the folder's name). Problems go to
 * d; returns 0, or -1 when the framework cannot be used. */
int framework_load(struct framework *fw, const char *dir, struct diag *d);
/* Index of a competency by id, or -1. */
int framework_comp(const struct framework *fw, const char *id);
/* Index of an indicator by id, or -1. */
int framework_ind(const struct framework *fw, const char *id);
/* Index of an evidence's indicator: its cached index when it still names
 * the same indicator of fw, else a look-up; -1 when unknown. */
int framework_evidence(const struct framework *fw, int cached, const char *id);
/* Target level of competency c for role 'A', 'B' or 'C'. */
int framework_target(const struct framework *fw, size_t c, char role);
/* Free everything. */
void framework_free(struct framework *fw);

#endif
