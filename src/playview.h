/*
 * playview: the play screen as a view document, built once for plain
 * mode and the TUI. A step: where you are, the situation, the client's
 * words, the meters and the options offered. A result (show, then tell):
 * your words, the client's response and the meters moving first, then in
 * practice mode the explanation and the indicators the choice touched.
 * A scenario with a content notice: the notice before the first step,
 * and after a stop without result, where help is.
 */
#ifndef KC_PLAYVIEW_H
#define KC_PLAYVIEW_H
#include "buf.h"
#include "play.h"
#include "view.h"

/* Append "stap N" and, when the expert path is known and not passed,
 * " van ca. M" to b. */
void playview_where(struct buf *b, const struct play *p, size_t step);
/* The meters now, with changes against before when not NULL. */
void playview_meters(struct view *v, const struct play *p, const int *before);
/* The current step with the options offered (tag = option number). */
void playview_step(struct view *v, const struct play *p);
/* What choosing o did; before holds the meters before the choice. */
void playview_result(struct view *v, const struct play *p,
		     const struct sc_option *o, const int *before);
/* A scenario's content notice and how to stop (nothing without one). */
void playview_notice(struct view *v, const struct scenario *sc);
/* Where help is, under its title (nothing when the scenario names none). */
void playview_help(struct view *v, const struct scenario *sc);
/* After x: stopped without a result, and where help is. */
void playview_stopped(struct view *v, const struct play *p);
/* An indicator: "<head><text> (<competency>, niveau <level>)". */
void playview_indicator(struct view *v, enum view_role role, int indent,
			const struct play *p, int ind, const char *head);

#endif
