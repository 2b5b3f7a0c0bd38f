/*
 * reflectview: plain-text reflection. Every text from content or from the
 * log passes plain_line, which sanitises it.
 */
#include "reflectview.h"
#include "buf.h"
#include "feedback.h"
#include "mem.h"
#include "plain.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static void meter_table(FILE *out, const struct play *p)
{
	size_t i;

	fputs("Verloop van de meters:\nstap\tgezien\tgehoord\tgeholpen\n", out);
	fprintf(out, "start\t%d\t%d\t%d\n", p->sc->meter0[0], p->sc->meter0[1], p->sc->meter0[2]);
	for (i = 0; i < p->s.npath; i++)
		fprintf(out, "%zu\t%d\t%d\t%d\n", i + 1, p->s.path[i].after[0],
			p->s.path[i].after[1], p->s.path[i].after[2]);
}

static void path_beside_expert(FILE *out, const struct play *p, const struct reflect *r)
{
	size_t i;
	int same = 0;

	fputs("Jouw pad en het expertpad:\n", out);
	for (i = 0; i < r->ndiff; i++) {
		const struct sc_step *st = &p->sc->steps[r->diff[i].step];
		char head[64];
		snprintf(head, sizeof head, "Stap %d, jij:    ", r->diff[i].pos);
		plain_line(out, head, st->opt[r->diff[i].chosen].text);
		if (r->diff[i].expert == r->diff[i].chosen) {
			fputs("        expert: dezelfde keuze\n", out);
			same++;
		} else if (r->diff[i].expert >= 0) {
			plain_line(out, "        expert: ", st->opt[r->diff[i].expert].text);
		}
	}
	fprintf(out, "%d van de %zu keuzes gelijk aan de expert.\n", same, r->ndiff);
}

void reflectview_what(FILE *out, const struct play *p)
{
	const struct sc_ending *e = &p->sc->ends[p->s.end];
	struct reflect r;

	fputs("\n== Wat gebeurde er? ==\n", out);
	fprintf(out, "Einde: %s\n", scenario_tone_name[e->tone]);
	plain_line(out, NULL, e->summary);
	fprintf(out, "Hoe %s het ervaart: gezien %d/10, gehoord %d/10, geholpen %d/10\n",
		p->persona->name, p->s.meters[0], p->s.meters[1], p->s.meters[2]);
	meter_table(out, p);
	reflect_build(&r, &p->s, p->fw, p->level);
	path_beside_expert(out, p, &r);
	reflect_free(&r);
}

static void indicator_line(FILE *out, const struct play *p, const char *head,
			   const struct reflect_item *it)
{
	const struct fw_indicator *in = &p->fw->inds[it->ind];
	struct buf b = {0};

	buf_printf(&b, "%s%s (%s, niveau %d)", head, in->text,
		   p->fw->comps[in->comp].name, in->level);
	plain_line(out, "  ", b.s);
	buf_free(&b);
}

static void indicators(FILE *out, const struct play *p, const struct reflect *r)
{
	size_t i;
	char head[96];

	fputs("Laten zien:\n", out);
	for (i = 0; i < r->nshown; i++) {
		snprintf(head, sizeof head, "%s bij stap %d: %s", r->shown[i].positive ? "+" : "-",
			 r->shown[i].pos, r->shown[i].positive ? "" : "het tegendeel van: ");
		indicator_line(out, p, head, &r->shown[i]);
	}
	fputs(r->nmissed ? "Gemist:\n" : "Gemist: niets\n", out);
	for (i = 0; i < r->nmissed; i++) {
		snprintf(head, sizeof head, "bij stap %d had je kunnen laten zien: ", r->missed[i].pos);
		indicator_line(out, p, head, &r->missed[i]);
	}
	if (r->nundone)
		fputs("Teruggenomen keuzes (tellen niet mee voor het niveau):\n", out);
	for (i = 0; i < r->nundone; i++)
		indicator_line(out, p, r->undone[i].positive ? "+ " : "- ", &r->undone[i]);
}

void reflectview_why(FILE *out, const struct play *p, const struct reflect *r)
{
	size_t i;

	fprintf(out, "\n== Waarom? ==\nCompetenties (doel voor functieniveau %c):\n"
		"competentie\tgetoond\tdoel\toordeel\n", p->level ? p->level : '?');
	for (i = 0; i < r->ncomps; i++) {
		const struct reflect_comp *c = &r->comps[i];
		if (c->mark == REFLECT_NA && c->offer == 0)
			fprintf(out, "%s\t-\t%d\tn.v.t. (geen bewijs mogelijk in dit scenario)\n",
				p->fw->comps[c->comp].name, c->target);
		else if (c->mark == REFLECT_NA)
			fprintf(out, "%s\t%d\t%d\tn.v.t. in dit scenario (vraagt niet meer"
				" dan niveau %d)\n", p->fw->comps[c->comp].name, c->shown,
				c->target, c->offer);
		else
			fprintf(out, "%s\t%d\t%d\t%s\n", p->fw->comps[c->comp].name, c->shown,
				c->target, reflect_mark_name(c->mark));
	}
	indicators(out, p, r);
}

void reflectview_help(FILE *out, const struct scenario *sc)
{
	if (sc->help == NULL)
		return;
	fputs("\n== Waar vind je hulp? ==\n", out);
	plain_line(out, NULL, sc->help);
}

void reflectview_all(FILE *out, const struct play *p, const char *const *answers)
{
	struct reflect_question q[REFLECT_MAX_Q];
	struct reflect r;
	size_t n = reflect_questions(p->sc, q), i;

	plain_line(out, "Reflectie: ", p->sc->title);
	plain_line(out, "Cursist: ", p->trainee);
	reflectview_help(out, p->sc);
	reflectview_what(out, p);
	reflect_build(&r, &p->s, p->fw, p->level);
	reflectview_why(out, p, &r);
	reflect_free(&r);
	fputs("\n== Wat neem je mee? ==\n", out);
	for (i = 0; i < n; i++) {
		plain_line(out, "Vraag: ", q[i].text);
		plain_line(out, "Antwoord: ", answers[i] && *answers[i] ? answers[i] : "(niet beantwoord)");
	}
	reflectview_feedback(out, stderr, p->log.path);
}

void reflectview_feedback(FILE *out, FILE *err, const char *logpath)
{
	struct feedback fb;
	struct diag d = {0};
	size_t i;

	if (feedback_load(&fb, logpath, &d) == 0 && fb.n) {
		fputs("\n== Feedback van je coach ==\n", out);
		for (i = 0; i < fb.n; i++) {
			struct buf b = {0};
			if (fb.v[i].step)
				buf_printf(&b, "%s bij stap %d (%.10s): ", fb.v[i].coach, fb.v[i].step, fb.v[i].time);
			else
				buf_printf(&b, "%s, algemeen (%.10s): ", fb.v[i].coach, fb.v[i].time);
			plain_line(out, b.s, fb.v[i].text);
			buf_free(&b);
		}
	}
	if (err)
		diag_print(&d, err, 0);
	diag_free(&d);
	feedback_free(&fb);
}
