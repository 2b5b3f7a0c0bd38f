/*
 * replayview: the intervisie replay as view documents, built once for
 * plain mode (ui/cmd_replay.c) and the screen (ui/scr_replay.c): a step
 * with its options (and the votes being entered), the group's tally, the
 * reveal (the option followed, the client's response, the meters, the
 * explanation) and the summary (per step the group's, the trainee's and
 * the expert's choice, the notes, the levels, the ending). With
 * --anoniem the trainee's name is hidden in every line.
 */
#ifndef KC_REPLAYVIEW_H
#define KC_REPLAYVIEW_H
#include "intervisie.h"
#include "view.h"

/* The title and, for a log, whose session it is. */
void replayview_intro(struct view *v, const struct intervisie *iv);
/* The current step and its options (tag = number on screen); with votes
 * (per option index) the count beside each option. */
void replayview_step(struct view *v, const struct intervisie *iv,
		     const int *votes);
/* The group's votes on the current step, and whether they are split;
 * nothing when nobody voted. */
void replayview_tally(struct view *v, const struct intervisie *iv);
/* The step just followed; before holds the meters before it. */
void replayview_reveal(struct view *v, const struct intervisie *iv,
		       const int *before);
/* The summary of the replay and where the record is. */
void replayview_summary(struct view *v, const struct intervisie *iv);

#endif
