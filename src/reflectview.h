/*
 * reflectview: the reflection as view documents, in PEARLS order, built
 * once for plain mode, the TUI reflection and `klantcoach show`: the
 * ending (how the client experienced it, the meters step by step), what
 * happened (your path beside the expert's), why (competencies against
 * targets, indicators shown, missed and undone), the questions, and the
 * coach's feedback.
 */
#ifndef KC_REFLECTVIEW_H
#define KC_REFLECTVIEW_H
#include "diag.h"
#include "play.h"
#include "reflect.h"
#include "view.h"

/* The ending, the client's experience and the meters step by step. */
void reflectview_end(struct view *v, const struct play *p);
/* What happened: your path beside the expert's. */
void reflectview_what(struct view *v, const struct play *p,
		      const struct reflect *r);
/* Why: competencies against targets, then the indicators. */
void reflectview_why(struct view *v, const struct play *p,
		     const struct reflect *r);
/* Question n (reflect_questions order), under its page's title when
 * titled is set. */
void reflectview_question(struct view *v, const struct play *p, size_t n,
			  int titled);
/* The whole reflection of a finished session with its answers (show). */
void reflectview_all(struct view *v, const struct play *p, struct diag *d);
/* The coach's feedback on the session in logpath, if any; problems with
 * the feedback file go to d. */
void reflectview_feedback(struct view *v, const char *logpath,
			  struct diag *d);

#endif
