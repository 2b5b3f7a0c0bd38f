/*
 * session: state transitions. A choice pushes a move that remembers the
 * meters and flags before it, so undo is an exact restore; undone moves
 * are kept for the log and the reflection. Meters are clamped to 0..10.
 */
#include "session.h"
#include "buf.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

void session_start(struct session *s, const struct scenario *sc)
{
	memset(s, 0, sizeof *s);
	s->sc = sc;
	s->step = sc->start_step;
	s->end = -1;
	memcpy(s->meters, sc->meter0, sizeof s->meters);
}

int session_offered(const struct session *s, int idx[SCENARIO_MAX_OPTS])
{
	const struct sc_step *st;
	int i, n = 0;

	if (s->step < 0)
		return 0;
	st = &s->sc->steps[s->step];
	for (i = 0; i < st->nopt; i++)
		if (scenario_offered(&st->opt[i], s->flags))
			idx[n++] = i;
	return n;
}

static int clamp(int v)
{
	return v < 0 ? 0 : v > METER_MAX ? METER_MAX : v;
}

int session_choose(struct session *s, int opt, long think_ms)
{
	const struct sc_option *o;
	struct session_move *m;
	int i;

	if (s->step < 0 || opt < 0 || opt >= s->sc->steps[s->step].nopt)
		return -1;
	o = &s->sc->steps[s->step].opt[opt];
	if (!scenario_offered(o, s->flags))
		return -1;
	mem_grow(&s->path, &s->cappath, s->npath + 1, sizeof *s->path);
	m = &s->path[s->npath++];
	m->step = s->step;
	m->opt = opt;
	m->flags_before = s->flags;
	m->think_ms = think_ms;
	for (i = 0; i < METER_N; i++) {
		m->before[i] = s->meters[i];
		s->meters[i] = clamp(s->meters[i] + o->effect[i]);
		m->after[i] = s->meters[i];
	}
	s->flags |= o->sets;
	s->step = o->next_step;
	s->end = o->next_end;
	return 0;
}

int session_undo(struct session *s)
{
	struct session_move m;

	if (s->npath == 0)
		return -1;
	m = s->path[--s->npath];
	mem_grow(&s->undone, &s->capundone, s->nundone + 1, sizeof *s->undone);
	s->undone[s->nundone++] = m;
	s->step = m.step;
	s->end = -1;
	s->flags = m.flags_before;
	memcpy(s->meters, m.before, sizeof s->meters);
	return 0;
}

int session_finished(const struct session *s)
{
	return s->step < 0 && s->end >= 0;
}

const struct session_move *session_last(const struct session *s)
{
	return s->npath ? &s->path[s->npath - 1] : NULL;
}

static void snap_moves(struct buf *b, const char *what,
		       const struct session_move *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf_printf(b, "%s %d.%d %d/%d/%d -> %d/%d/%d flags %llx\n", what,
			   v[i].step, v[i].opt, v[i].before[0], v[i].before[1],
			   v[i].before[2], v[i].after[0], v[i].after[1], v[i].after[2],
			   (unsigned long long)v[i].flags_before);
}

char *session_snapshot(const struct session *s)
{
	struct buf b = {0};

	buf_printf(&b, "scenario %s\nstep %d end %d\nmeters %d/%d/%d\nflags %llx\n",
		   s->sc->id, s->step, s->end, s->meters[0], s->meters[1],
		   s->meters[2], (unsigned long long)s->flags);
	snap_moves(&b, "path", s->path, s->npath);
	snap_moves(&b, "undone", s->undone, s->nundone);
	return buf_take(&b);
}

void session_free(struct session *s)
{
	free(s->path);
	free(s->undone);
	s->path = s->undone = NULL;
	s->npath = s->nundone = s->cappath = s->capundone = 0;
}
