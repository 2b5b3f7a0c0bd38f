/*
 * reflectview: the reflection as plain text, in PEARLS order: what
 * happened (ending, meters step by step, your path beside the expert's),
 * why (competencies against targets, indicators shown, missed and undone),
 * and where help is when the scenario names it. Shared by the plain mode
 * and `klantcoach show`.
 */
#ifndef KC_REFLECTVIEW_H
#define KC_REFLECTVIEW_H
#include "play.h"
#include "reflect.h"
#include <stdio.h>

/* Phase 2: the client's experience and the path. */
void reflectview_what(FILE *out, const struct play *p);
/* Phase 3: competencies and indicators. */
void reflectview_why(FILE *out, const struct play *p, const struct reflect *r);
/* Where help is, under its own heading, when the scenario names it. */
void reflectview_help(FILE *out, const struct scenario *sc);
/* The whole reflection of a finished session, answers included (show). */
void reflectview_all(FILE *out, const struct play *p, const char *const *answers);

/* The coach's feedback on the session in logpath, if any; problems with
 * the feedback file go to err (NULL: ignored). */
void reflectview_feedback(FILE *out, FILE *err, const char *logpath);

#endif
