/*
 * reflectview: builders for the reflection's documents. Nothing here
 * prints or draws; ui/plain.c, ui/scr_reflect.c and `show` (ui/cmd_play.c)
 * print or render these documents.
 */
#include "reflectview.h"
#include "buf.h"
#include "feedback.h"
#include "playview.h"

#include <stdio.h>

/* The meters at the start and after every step, as a table. */
static void meter_table(struct view *v, const struct play *p)
{
	char n[4][16];
	size_t i;
	int m;

	view_add(v, VIEW_HEADING, 0, "Verloop van de meters:");
	view_row(v, VIEW_TEXT, "stap", scenario_meter_name[0],
		 scenario_meter_name[1], scenario_meter_name[2], (char *)NULL);
	for (i = 0; i <= p->s.npath; i++) {
		const int *at = i ? p->s.path[i - 1].after : p->sc->meter0;
		snprintf(n[0], sizeof n[0], i ? "%zu" : "start", i);
		for (m = 0; m < METER_N; m++)
			snprintf(n[m + 1], sizeof n[m + 1], "%d", at[m]);
		view_row(v, VIEW_TEXT, n[0], n[1], n[2], n[3], (char *)NULL);
	}
}

void reflectview_end(struct view *v, const struct play *p)
{
	const struct sc_ending *e = &p->sc->ends[p->s.end];
	struct buf who = {0};

	view_blank(v);
	view_add(v, VIEW_HEADING, 0, "Einde van het gesprek (%s)",
		 scenario_tone_name[e->tone]);
	view_add(v, e->tone == TONE_SLECHT ? VIEW_BAD : VIEW_TEXT, 0, "%s",
		 e->summary);
	buf_printf(&who, "Hoe %s het ervaart", p->persona->name);
	view_meter(v, who.s, METER_N, scenario_meter_name, p->s.meters, NULL);
	buf_free(&who);
	meter_table(v, p);
}

/* In toets the trainee saw no explanation while playing: give how the
 * client reacted and why, as the mode card promises. */
static void toets_step(struct view *v, const struct play *p,
		       const struct sc_option *o)
{
	if (p->mode != CONFIG_TOETS)
		return;
	view_add(v, VIEW_CLIENT, 2, "%s: %s", scenario_speaker(o->speaker,
		 p->persona->name), o->response);
	view_add(v, VIEW_TEXT, 2, "Waarom: %s", o->feedback);
}

void reflectview_what(struct view *v, const struct play *p,
		      const struct reflect *r)
{
	size_t i;
	int same = 0;

	view_blank(v);
	view_add(v, VIEW_TITLE, 0, "Wat gebeurde er?");
	view_add(v, VIEW_HEADING, 0, "Jouw pad naast dat van de expert:");
	for (i = 0; i < r->ndiff; i++) {
		const struct reflect_diff *d = &r->diff[i];
		const struct sc_step *st = &p->sc->steps[d->step];
		view_add(v, VIEW_YOU, 0, "Stap %d, jij: %s", d->pos,
			 st->opt[d->chosen].text);
		toets_step(v, p, &st->opt[d->chosen]);
		if (d->expert == d->chosen) {
			view_add(v, VIEW_GOOD, 2, "Expert: dezelfde keuze");
			same++;
		} else if (d->expert >= 0) {
			view_add(v, VIEW_TEXT, 2, "Expert: %s",
				 st->opt[d->expert].text);
		}
	}
	view_add(v, VIEW_TEXT, 0, "%d van de %zu keuzes gelijk aan de expert.",
		 same, r->ndiff);
}

static void competency(struct view *v, const struct play *p,
		       const struct reflect_comp *c)
{
	const char *name = p->fw->comps[c->comp].name;
	char shown[16], target[16], judged[96];

	snprintf(shown, sizeof shown, "%d", c->shown);
	snprintf(target, sizeof target, "%d", c->target);
	snprintf(judged, sizeof judged, "n.v.t. in dit scenario (vraagt niet "
		 "meer dan niveau %d)", c->offer);
	if (c->mark == REFLECT_NA && c->offer == 0)
		view_row(v, VIEW_DIM, name, "-", target, "n.v.t. (geen bewijs "
			 "mogelijk in dit scenario)", (char *)NULL);
	else if (c->mark == REFLECT_NA)
		view_row(v, VIEW_DIM, name, shown, target, judged, (char *)NULL);
	else
		view_row(v, c->mark == REFLECT_BELOW ? VIEW_BAD : VIEW_GOOD,
			 name, shown, target, reflect_mark_name(c->mark),
			 (char *)NULL);
}

/* Evidence items under heading, each led by the step where it happened
 * and lead (positive < 0: both kinds). None: "heading niets", or nothing at all
 * for negative and undone evidence. */
static void evidence(struct view *v, const struct play *p,
		     const struct reflect_item *it, size_t n, int positive,
		     enum view_role role, const char *heading, const char *lead)
{
	char head[96];
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += it[i].positive == positive || positive < 0;
	if (k == 0 && (role == VIEW_DIM || role == VIEW_EVIDENCE_NEG))
		return;
	view_add(v, VIEW_HEADING, 0, "%s%s", heading, k ? "" : " niets");
	for (i = 0; i < n; i++) {
		if (it[i].positive != positive && positive >= 0)
			continue;
		snprintf(head, sizeof head, "bij stap %d%s: ", it[i].pos,
			 positive < 0 && !it[i].positive ? ", het tegendeel"
			 : lead);
		playview_indicator(v, role, 2, p, (int)it[i].ind, head);
	}
}

static void indicators(struct view *v, const struct play *p,
		       const struct reflect *r)
{
	evidence(v, p, r->shown, r->nshown, 1, VIEW_EVIDENCE_POS,
		 "Laten zien:", "");
	evidence(v, p, r->shown, r->nshown, 0, VIEW_EVIDENCE_NEG,
		 "Het tegendeel laten zien (telt tegen het niveau):", "");
	evidence(v, p, r->missed, r->nmissed, 1, VIEW_TEXT, "Gemist:",
		 " had je kunnen laten zien");
	evidence(v, p, r->undone, r->nundone, -1, VIEW_DIM,
		 "Teruggenomen keuzes (tellen niet mee voor het niveau):", "");
}

/* Next to the table: why a level shown does not count. */
static void blocked(struct view *v, const struct play *p,
		    const struct reflect_comp *c, const struct reflect *r)
{
	const struct reflect_item *it = &r->shown[c->block];
	const struct fw_indicator *in = &p->fw->inds[it->ind];

	view_add(v, VIEW_BAD, 0, "%s: niveau %d telt niet mee: bij stap %d liet "
		 "je het tegendeel zien van \xe2\x80\x9e%s\xe2\x80\x9d "
		 "(niveau %d).", p->fw->comps[c->comp].name, c->blocked,
		 it->pos, in->text, in->level);
}

void reflectview_why(struct view *v, const struct play *p,
		     const struct reflect *r)
{
	size_t i;

	view_blank(v);
	view_add(v, VIEW_TITLE, 0, "Waarom?");
	view_add(v, VIEW_HEADING, 0, "Competenties tegen het doel voor "
		 "niveau %c:", p->level ? p->level : '?');
	view_row(v, VIEW_TEXT, "competentie", "getoond", "doel", "oordeel",
		 (char *)NULL);
	for (i = 0; i < r->ncomps; i++)
		competency(v, p, &r->comps[i]);
	for (i = 0; i < r->ncomps; i++)
		if (r->comps[i].block >= 0)
			blocked(v, p, &r->comps[i], r);
	indicators(v, p, r);
}

void reflectview_question(struct view *v, const struct play *p, size_t n,
			  int titled)
{
	struct reflect_question q[REFLECT_MAX_Q];

	reflect_questions(p->sc, q);
	view_blank(v);
	if (titled)
		view_add(v, VIEW_TITLE, 0, "%s", n == 0 ? "Hoe voelde het?"
			 : "Wat neem je mee?");
	view_item(v, VIEW_TEXT, 0, "Vraag", "%s", q[n].text);
}

void reflectview_all(struct view *v, const struct play *p, struct diag *d)
{
	struct reflect_question q[REFLECT_MAX_Q];
	struct reflect r;
	size_t n = reflect_questions(p->sc, q), i;

	view_item(v, VIEW_TEXT, 0, "Reflectie", "%s", p->sc->title);
	view_item(v, VIEW_TEXT, 0, "Cursist", "%s", p->trainee);
	if (p->sc->help)
		view_blank(v);
	playview_help(v, p->sc);
	reflectview_end(v, p);
	reflect_build(&r, &p->s, p->fw, p->level);
	reflectview_what(v, p, &r);
	reflectview_why(v, p, &r);
	reflect_free(&r);
	for (i = 0; i < n; i++) {
		const char *a = p->answer[i];
		reflectview_question(v, p, i, i < 2);
		view_item(v, a && *a ? VIEW_YOU : VIEW_DIM, 0, "Antwoord", "%s",
			  a && *a ? a : "(niet beantwoord)");
	}
	reflectview_feedback(v, p->log.path, d);
}

void reflectview_feedback(struct view *v, const char *logpath,
			  struct diag *d)
{
	struct feedback fb;
	size_t i, n = feedback_load_current(&fb, logpath, d) == 0 ? fb.n : 0;

	if (n) {
		view_blank(v);
		view_add(v, VIEW_TITLE, 0, "Feedback van je coach");
	}
	for (i = 0; i < n; i++) {
		const struct feedback_item *it = &fb.v[i];
		struct buf b = {0};
		if (it->step)
			buf_printf(&b, "%s bij stap %d (%.10s)", it->coach,
				   it->step, it->time);
		else
			buf_printf(&b, "%s, algemeen (%.10s)", it->coach,
				   it->time);
		view_item(v, VIEW_CLIENT, 0, b.s, "%s", it->text);
		buf_free(&b);
	}
	feedback_free(&fb);
}
