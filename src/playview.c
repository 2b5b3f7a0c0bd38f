/*
 * playview: builders for the play screen's documents. Nothing here draws
 * or prints; ui/plain.c prints these documents and ui/scr_play.c renders
 * them.
 */
#include "playview.h"
#include "check.h"

void playview_where(struct buf *b, const struct play *p, size_t step)
{
	int total = check_expert_length(p->sc);

	buf_printf(b, "stap %zu", step);
	if (total > 0 && step <= (size_t)total)
		buf_printf(b, " van ca. %d", total);
}

void playview_meters(struct view *v, const struct play *p, const int *before)
{
	view_meter(v, "Meters", METER_N, scenario_meter_name, p->s.meters,
		   before);
}

void playview_step(struct view *v, const struct play *p)
{
	const struct sc_step *st = &p->sc->steps[p->s.step];
	const struct sc_option *o;
	struct buf where = {0};
	int i;

	playview_where(&where, p, p->s.npath + 1);
	where.s[0] = 'S';
	view_blank(v);
	view_add(v, VIEW_HEADING, 0, "%s", where.s);
	buf_free(&where);
	view_item(v, VIEW_TEXT, 0, "Situatie", "%s", st->situation);
	view_item(v, VIEW_CLIENT, 0, scenario_speaker(st->speaker,
		  p->persona->name), "%s", st->client);
	playview_meters(v, p, NULL);
	view_add(v, VIEW_HEADING, 0, "Wat doe je?");
	for (i = 0; (o = play_offered(p, i, NULL)) != NULL; i++)
		view_option(v, i + 1, o->text);
}

void playview_indicator(struct view *v, enum view_role role, int indent,
			const struct play *p, int ind, const char *head)
{
	const struct fw_indicator *in = &p->fw->inds[ind];

	view_add(v, role, indent, "%s%s (%s, niveau %d)", head, in->text,
		 p->fw->comps[in->comp].name, in->level);
}

static void evidence(struct view *v, const struct play *p,
		     const struct sc_option *o)
{
	size_t e;

	if (o->nev)
		view_add(v, VIEW_HEADING, 0, "Indicatoren");
	for (e = 0; e < o->nev; e++) {
		int ix = framework_ind(p->fw, o->ev[e].ind);
		int pos = o->ev[e].positive;
		if (ix >= 0)
			playview_indicator(v, pos ? VIEW_EVIDENCE_POS
					   : VIEW_EVIDENCE_NEG, 2, p, ix,
					   pos ? "+ " : "- ");
	}
}

void playview_result(struct view *v, const struct play *p,
		     const struct sc_option *o, const int *before)
{
	view_item(v, VIEW_YOU, 0, "Jij", "%s", o->text);
	view_item(v, VIEW_CLIENT, 0, scenario_speaker(o->speaker,
		  p->persona->name), "%s", o->response);
	playview_meters(v, p, before);
	if (p->mode == CONFIG_TOETS)
		return;
	view_item(v, VIEW_TEXT, 0, "Uitleg", "%s", o->feedback);
	evidence(v, p, o);
}

void playview_notice(struct view *v, const struct scenario *sc)
{
	if (sc->notice == NULL)
		return;
	view_blank(v);
	view_item(v, VIEW_BAD, 0, "Let op", "%s", sc->notice);
	view_add(v, VIEW_TEXT, 0, "Je kunt op elk moment stoppen met x; dan "
		 "telt de sessie niet mee.");
}

void playview_help(struct view *v, const struct scenario *sc)
{
	if (sc->help == NULL)
		return;
	view_add(v, VIEW_TITLE, 0, "Waar vind je hulp?");
	view_add(v, VIEW_TEXT, 0, "%s", sc->help);
}

void playview_stopped(struct view *v, const struct play *p)
{
	view_blank(v);
	view_add(v, VIEW_HEADING, 0, "Gestopt zonder resultaat. Deze sessie "
		 "telt niet mee.");
	view_blank(v);
	playview_help(v, p->sc);
}
