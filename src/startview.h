/*
 * startview: the screens before play as view documents: persona cards,
 * scenario cards (also plain mode's scenario picker) with their content
 * notice, the choice of mode and the trainee's sessions on the home
 * screen. Each card's lines carry its number as tag, so the screen
 * highlights the whole card.
 */
#ifndef KC_STARTVIEW_H
#define KC_STARTVIEW_H
#include "content.h"
#include "sessionlist.h"
#include "view.h"

/* Persona p as card number n. */
void startview_persona(struct view *v, const struct persona *p, int n);
/* Scenario sc as card number n, marked when it is at level, the
 * trainee's level ('A'-'C', or 0 when not known). */
void startview_scenario(struct view *v, const struct scenario *sc, int n,
			char level);
/* Practice (1) or test (2) for sc, and its content notice (none when sc
 * is NULL: plain mode gives it as play begins). */
void startview_mode(struct view *v, const struct scenario *sc);
/* The home screen is a new conversation (1), then the sessions in l
 * (numbers from 2) as a view_list: */
/* its lines above the sessions: the new conversation and the heading of
 * the sessions in l; */
void startview_home_head(struct view *v, const struct sessionlist *l);
/* its rows: the trainee's sessions. */
struct startview_sessions {
	const struct content *c;
	const struct sessionlist *l;
};
/* Rows first..first+count-1 of the sessions in ctx, a struct
 * startview_sessions (the rows of a view_list), tagged from 2. */
void startview_home_rows(const void *ctx, struct view *v, size_t first,
			 size_t count);

#endif
