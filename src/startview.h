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
/* The home screen: a new conversation (1), then the sessions in l
 * (numbers from 2). */
void startview_home(struct view *v, const struct content *c,
		    const struct sessionlist *l);

#endif
