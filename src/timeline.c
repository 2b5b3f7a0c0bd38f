/*
 * timeline: replays choices and undos through a session to know, at each
 * choice, the flags (so which options were offered) and the path position.
 */
#include "timeline.h"
#include "mem.h"
#include "session.h"

#include <stdlib.h>
#include <string.h>

static struct timeline_entry *push(struct timeline *tl, enum timeline_kind k,
				   const struct sessionlog_event *ev)
{
	struct timeline_entry *e;

	MEM_GROW(tl->v, tl->cap, tl->n + 1);
	e = &tl->v[tl->n++];
	memset(e, 0, sizeof *e);
	e->kind = k;
	e->step = e->opt = -1;
	memcpy(e->meters, ev->meters, sizeof e->meters);
	e->key = ev->key;
	e->value = ev->value;
	return e;
}

static int on_choice(struct timeline *tl, struct session *s, const struct sessionlog_event *ev)
{
	struct timeline_entry *e;
	int o;

	if (s->step < 0 || strcmp(s->sc->steps[s->step].id, ev->step) != 0 ||
	    (o = scenario_option(&s->sc->steps[s->step], ev->option)) < 0)
		return -1;
	e = push(tl, TL_CHOICE, ev);
	e->pos = (int)s->npath + 1;
	e->step = s->step;
	e->opt = o;
	e->flags = s->flags;
	e->think_ms = ev->think_ms;
	e->nshown = session_offered(s, e->shown);
	return session_choose(s, o, ev->think_ms);
}

static int on_undo(struct timeline *tl, struct session *s, const struct sessionlog_event *ev)
{
	const struct session_move *m = session_last(s);
	struct timeline_entry *e;

	if (m == NULL)
		return -1;
	e = push(tl, TL_UNDO, ev);
	e->pos = (int)s->npath;
	e->step = m->step;
	e->opt = m->opt;
	if (session_undo(s) != 0)
		return -1;
	e->nshown = session_offered(s, e->shown);
	return 0;
}

int timeline_shown_number(const struct timeline_entry *e)
{
	int i;

	for (i = 0; i < e->nshown; i++)
		if (e->shown[i] == e->opt)
			return i + 1;
	return 0;
}

int timeline_build(struct timeline *tl, const struct sessionlog_data *data,
		   const struct scenario *sc, struct diag *d)
{
	struct session s;
	size_t i;
	int rc = 0;

	memset(tl, 0, sizeof *tl);
	if (data->meta.version && strcmp(data->meta.version, sc->version) != 0)
		diag_add(d, DIAG_WARNING, data->path, 0,
			 "scenario '%s' is veranderd sinds deze sessie; teksten kunnen afwijken", sc->id);
	session_start(&s, sc);
	session_shuffle(&s, sessionlog_order_key(&data->meta));
	for (i = 0; i < data->nev && rc == 0; i++) {
		const struct sessionlog_event *ev = &data->ev[i];
		if (ev->type == SL_CHOICE)
			rc = on_choice(tl, &s, ev);
		else if (ev->type == SL_UNDO)
			rc = on_undo(tl, &s, ev);
		else if (ev->type == SL_END)
			push(tl, TL_END, ev)->pos = (int)s.npath;
		else if (sessionlog_answer_current(data, i))
			push(tl, TL_ANSWER, ev);
		if (rc != 0)
			diag_add(d, DIAG_ERROR, data->path, ev->line,
				 "stap '%s' optie %d past niet bij scenario '%s'", ev->step,
				 ev->option, sc->id);
	}
	session_free(&s);
	return rc;
}

void timeline_free(struct timeline *tl)
{
	free(tl->v);
	memset(tl, 0, sizeof *tl);
}
