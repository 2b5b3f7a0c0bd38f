/*
 * session: state transitions. A choice pushes a move that remembers the
 * meters and flags before it, so undo is an exact restore; undone moves
 * are kept for the log and the reflection. Meters are clamped to 0..10.
 * Options are shown in a per-step permutation of the file order, seeded
 * by a hash of the session id and the step id (FNV-1a, then SplitMix64
 * driving a Fisher-Yates shuffle), so the order never depends on where or
 * when the session is opened.
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

static uint64_t fnv1a(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

void session_shuffle(struct session *s, const char *key)
{
	s->order = key ? fnv1a(1469598103934665603ULL, key) | 1 : 0;
}

/* The shown order of the n options of step st: a permutation of 0..n-1. */
static void step_order(const struct session *s, const struct sc_step *st,
		       int perm[SCENARIO_MAX_OPTS])
{
	uint64_t x = s->order ? fnv1a(s->order, st->id) : 0;
	int i;

	for (i = 0; i < st->nopt; i++)
		perm[i] = i;
	for (i = st->nopt - 1; s->order && i > 0; i--) {
		int j = (int)(splitmix(&x) % (uint64_t)(i + 1)), t = perm[i];
		perm[i] = perm[j];
		perm[j] = t;
	}
}

int session_offered(const struct session *s, int idx[SCENARIO_MAX_OPTS])
{
	const struct sc_step *st;
	int perm[SCENARIO_MAX_OPTS], i, n = 0;

	if (s->step < 0)
		return 0;
	st = &s->sc->steps[s->step];
	step_order(s, st, perm);
	for (i = 0; i < st->nopt; i++)
		if (scenario_offered(&st->opt[perm[i]], s->flags))
			idx[n++] = perm[i];
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
	MEM_GROW(s->path, s->cappath, s->npath + 1);
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
	m.pos = (int)s->npath + 1;
	MEM_GROW(s->undone, s->capundone, s->nundone + 1);
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
