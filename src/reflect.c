/*
 * reflect: evidence bookkeeping over the session's path. Indicators are
 * resolved once against the framework; unknown ids (which check rejects)
 * are skipped.
 */
#include "reflect.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

int reflect_level(const int net[4])
{
	int l, shown = 0;

	for (l = 1; l <= 3; l++) {
		if (net[l] < 0)
			break;
		if (net[l] > 0)
			shown = l;
	}
	return shown;
}

const char *reflect_mark_name(enum reflect_mark m)
{
	static const char *const names[] = {"n.v.t.", "onder doel", "op doel", "boven doel"};
	return names[m];
}

static void push(struct reflect_item **v, size_t *n, size_t *cap,
		 struct reflect_item it)
{
	MEM_GROW(*v, *cap, *n + 1);
	(*v)[(*n)++] = it;
}

/* Evidence of one move into a list; skips unknown ids. */
static void move_evidence(const struct framework *fw, const struct session *s,
			  const struct session_move *m, int pos,
			  struct reflect_item **v, size_t *n, size_t *cap)
{
	const struct sc_option *o = &s->sc->steps[m->step].opt[m->opt];
	size_t e;

	for (e = 0; e < o->nev; e++) {
		int ix = framework_evidence(fw, o->ev[e].ix, o->ev[e].ind);
		struct reflect_item it = {(size_t)ix, o->ev[e].positive, pos, m->step, m->opt};
		if (ix >= 0)
			push(v, n, cap, it);
	}
}

static int shown_positive(const struct reflect *r, size_t ind)
{
	size_t i;

	for (i = 0; i < r->nshown; i++)
		if (r->shown[i].ind == ind && r->shown[i].positive)
			return 1;
	return 0;
}

static int already_missed(const struct reflect *r, size_t ind)
{
	size_t i;

	for (i = 0; i < r->nmissed; i++)
		if (r->missed[i].ind == ind)
			return 1;
	return 0;
}

/* Positive evidence of options offered but not chosen, first place only. */
static void find_missed(struct reflect *r, const struct session *s,
			const struct framework *fw)
{
	size_t i, e;
	int o;

	for (i = 0; i < s->npath; i++) {
		const struct session_move *m = &s->path[i];
		const struct sc_step *st = &s->sc->steps[m->step];
		for (o = 0; o < st->nopt; o++) {
			if (o == m->opt || !scenario_offered(&st->opt[o], m->flags_before))
				continue;
			for (e = 0; e < st->opt[o].nev; e++) {
				const struct sc_evidence *ev = &st->opt[o].ev[e];
				int ix = framework_evidence(fw, ev->ix, ev->ind);
				struct reflect_item it = {(size_t)ix, 1, (int)i + 1, m->step, o};
				if (ix < 0 || !st->opt[o].ev[e].positive ||
				    shown_positive(r, (size_t)ix) || already_missed(r, (size_t)ix))
					continue;
				push(&r->missed, &r->nmissed, &r->capmissed, it);
			}
		}
	}
}

/* Raise offer[] to the levels that option o gives positive evidence for. */
static void option_offers(const struct sc_option *o, const struct framework *fw,
			  int *offer)
{
	size_t e;

	for (e = 0; e < o->nev; e++) {
		int ix = framework_evidence(fw, o->ev[e].ix, o->ev[e].ind);
		const struct fw_indicator *in = ix >= 0 ? &fw->inds[ix] : NULL;
		if (in && o->ev[e].positive && in->level > offer[in->comp])
			offer[in->comp] = in->level;
	}
}

void reflect_offered(const struct scenario *sc, const struct framework *fw,
		     int *offer)
{
	char *steps = mem_calloc(sc->nsteps + 1, 1);
	char *ends = mem_calloc(sc->nends + 1, 1);
	size_t s;
	int o;

	memset(offer, 0, fw->ncomps * sizeof *offer);
	scenario_reach(sc, steps, ends);
	for (s = 0; s < sc->nsteps; s++)
		for (o = 0; steps[s] && o < sc->steps[s].nopt; o++)
			option_offers(&sc->steps[s].opt[o], fw, offer);
	free(steps);
	free(ends);
}

/* Rated only when the scenario offers the target level or higher. */
static enum reflect_mark mark(const struct reflect_comp *c)
{
	if (c->offer == 0 || c->offer < c->target)
		return REFLECT_NA;
	return c->shown < c->target ? REFLECT_BELOW
	       : c->shown == c->target ? REFLECT_ON : REFLECT_ABOVE;
}

/* Why a higher level does not count: the lowest level with negative net
 * evidence blocks every level above it; blocked is the highest of those
 * with positive net evidence and block the first negative evidence at
 * the blocking level. */
static void blocking(struct reflect_comp *c, const struct reflect *r,
		     const struct framework *fw)
{
	size_t i;
	int l, low = 0;

	c->blocked = 0;
	c->block = -1;
	for (l = 1; l <= 3 && low == 0; l++)
		if (c->net[l] < 0)
			low = l;
	for (l = low + 1; low && l <= 3; l++)
		if (c->net[l] > 0)
			c->blocked = l;
	for (i = 0; c->blocked && c->block < 0 && i < r->nshown; i++) {
		const struct fw_indicator *in = &fw->inds[r->shown[i].ind];
		if (!r->shown[i].positive && in->comp == c->comp &&
		    in->level == low)
			c->block = (int)i;
	}
}

/* The levels from the evidence shown, against what the scenario offers
 * (offer[], from reflect_offered). */
static void levels(struct reflect *r, const struct framework *fw, char role,
		   const int *offer)
{
	size_t i;

	r->ncomps = fw->ncomps;
	r->comps = mem_calloc(fw->ncomps, sizeof *r->comps);
	for (i = 0; i < r->nshown; i++) {
		const struct fw_indicator *in = &fw->inds[r->shown[i].ind];
		r->comps[in->comp].net[in->level] += r->shown[i].positive ? 1 : -1;
	}
	for (i = 0; i < fw->ncomps; i++) {
		struct reflect_comp *c = &r->comps[i];
		c->comp = i;
		c->target = framework_target(fw, i, role);
		c->offer = offer[i];
		c->shown = reflect_level(c->net);
		c->mark = mark(c);
		blocking(c, r, fw);
	}
}

/* The evidence of the path in force, into r->shown. */
static void path_evidence(struct reflect *r, const struct session *s,
			  const struct framework *fw)
{
	size_t i;

	memset(r, 0, sizeof *r);
	for (i = 0; i < s->npath; i++)
		move_evidence(fw, s, &s->path[i], (int)i + 1, &r->shown, &r->nshown,
			      &r->capshown);
}

void reflect_build_levels(struct reflect *r, const struct session *s,
			  const struct framework *fw, char role,
			  const int *offer)
{
	path_evidence(r, s, fw);
	levels(r, fw, role, offer);
}

void reflect_build(struct reflect *r, const struct session *s,
		   const struct framework *fw, char role)
{
	int *offer = mem_calloc(fw->ncomps + 1, sizeof *offer);
	size_t i;

	path_evidence(r, s, fw);
	for (i = 0; i < s->nundone; i++)
		move_evidence(fw, s, &s->undone[i], s->undone[i].pos,
			      &r->undone, &r->nundone, &r->capundone);
	find_missed(r, s, fw);
	reflect_offered(s->sc, fw, offer);
	levels(r, fw, role, offer);
	free(offer);
	r->ndiff = s->npath;
	r->diff = mem_calloc(s->npath, sizeof *r->diff);
	for (i = 0; i < s->npath; i++) {
		r->diff[i].pos = (int)i + 1;
		r->diff[i].step = s->path[i].step;
		r->diff[i].chosen = s->path[i].opt;
		r->diff[i].expert = scenario_expert(s->sc, (size_t)s->path[i].step,
						    s->path[i].flags_before);
	}
}

size_t reflect_questions(const struct scenario *sc,
			 struct reflect_question q[REFLECT_MAX_Q])
{
	static const char *const keys[SCENARIO_MAX_QUESTIONS] = {
		"question1", "question2", "question3", "question4", "question5",
	};
	size_t n = 0, i;

	q[n++] = (struct reflect_question){"gevoel", "Hoe voelde dit gesprek voor jou?"};
	for (i = 0; i < sc->nquestions && i < SCENARIO_MAX_QUESTIONS; i++)
		q[n++] = (struct reflect_question){keys[i], sc->questions[i]};
	q[n++] = (struct reflect_question){"goed", "Wat ging er goed?"};
	q[n++] = (struct reflect_question){"anders",
		"Wat zou je de volgende keer anders doen?"};
	return n;
}

void reflect_free(struct reflect *r)
{
	free(r->comps);
	free(r->shown);
	free(r->undone);
	free(r->missed);
	free(r->diff);
	memset(r, 0, sizeof *r);
}
