/*
 * replayview: builders for the intervisie documents. Nothing here prints
 * or draws; ui/cmd_replay.c prints these documents and ui/scr_replay.c
 * renders them.
 */
#include "replayview.h"
#include "buf.h"
#include "mem.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>

/* With --anoniem: the trainee's name hidden in lines from on. */
static void anonymise(struct view *v, const struct intervisie *iv,
		      size_t from)
{
	size_t i;

	if (!iv->anon || !iv->realname)
		return;
	for (i = from; i < v->n; i++) {
		struct view_line *ln = &v->lines[i];
		char *t = ln->text, *l = ln->label;
		ln->text = t ? text_hide_name(t, iv->realname, "de cursist")
			     : NULL;
		ln->label = l ? text_hide_name(l, iv->realname, "de cursist")
			      : NULL;
		free(t);
		free(l);
	}
}

void replayview_intro(struct view *v, const struct intervisie *iv)
{
	size_t from = v->n;

	view_item(v, VIEW_TEXT, 0, "Intervisie", "%s", iv->sc->title);
	if (iv->from_log)
		view_add(v, VIEW_TEXT, 0, "Sessie van %s", iv->trainee);
	anonymise(v, iv, from);
}

void replayview_step(struct view *v, const struct intervisie *iv,
		     const int *votes)
{
	const struct sc_step *st = &iv->sc->steps[iv->s.step];
	int idx[SCENARIO_MAX_OPTS], n = session_offered(&iv->s, idx), i;
	size_t from = v->n;

	view_blank(v);
	view_add(v, VIEW_TITLE, 0, "Stap %zu", iv->s.npath + 1);
	view_item(v, VIEW_TEXT, 0, "Situatie", "%s", st->situation);
	view_item(v, VIEW_CLIENT, 0, scenario_speaker(st->speaker,
		  iv->persona->name), "%s", st->client);
	for (i = 0; i < n; i++) {
		int k = votes ? votes[idx[i]] : 0;
		if (votes)
			view_add(v, VIEW_OPTION, 2, "%s   [%d %s]",
				 st->opt[idx[i]].text, k,
				 k == 1 ? "stem" : "stemmen")->tag = i + 1;
		else
			view_option(v, i + 1, st->opt[idx[i]].text);
	}
	anonymise(v, iv, from);
}

void replayview_tally(struct view *v, const struct intervisie *iv)
{
	const struct iv_step *cur = &iv->st[iv->nst - 1];
	int idx[SCENARIO_MAX_OPTS], n = intervisie_offered(iv, cur, idx), i;
	int total = 0, k[SCENARIO_MAX_OPTS];
	struct buf b = {0};

	for (i = 0; i < n; i++) {
		k[i] = cur->votes[idx[i]] > 0 ? cur->votes[idx[i]] : 0;
		total += k[i];
	}
	if (total == 0)
		return;
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s optie %d: %d (%d%%)", i ? "," : "", i + 1,
			   k[i], k[i] * 100 / total);
	view_item(v, VIEW_TEXT, 0, "De groep", "%s", b.s + 1);
	buf_free(&b);
	if (intervisie_winner(cur->votes, idx, n) < 0)
		view_add(v, VIEW_BAD, 0, "De stemmen zijn verdeeld: bespreek "
			 "het verschil.");
}

void replayview_reveal(struct view *v, const struct intervisie *iv,
		       const int *before)
{
	const struct iv_step *cur = &iv->st[iv->nst - 1];
	const struct sc_option *o = &iv->sc->steps[cur->step].opt[cur->followed];
	size_t from = v->n;
	char who[96];

	if (iv->from_log)
		snprintf(who, sizeof who, "Gekozen door %s (na %.1f s)",
			 iv->trainee, (double)cur->think_ms / 1000.0);
	else
		snprintf(who, sizeof who, "Jullie volgen");
	view_item(v, VIEW_YOU, 0, who, "%s", o->text);
	view_item(v, VIEW_CLIENT, 0, scenario_speaker(o->speaker,
		  iv->persona->name), "%s", o->response);
	view_meter(v, "Meters", METER_N, scenario_meter_name, iv->s.meters,
		   before);
	view_item(v, VIEW_TEXT, 0, "Uitleg", "%s", o->feedback);
	anonymise(v, iv, from);
}

/* One line of the summary: who picked which option, by its text; none
 * when there is no option. */
static void pick(struct view *v, const char *who, const struct sc_step *st,
		 int o, const char *none)
{
	char *text = o >= 0 ? text_short(st->opt[o].text, 66) : NULL;
	int expert = o >= 0 && st->opt[o].expert;

	view_add(v, expert ? VIEW_GOOD : VIEW_TEXT, 2, "%-9s %s%s", who,
		 text ? text : none, expert ? " (expert)" : "");
	free(text);
}

/* The group's line: its majority, "gelijk" for a shared top or "niet
 * gestemd" when no votes were given. */
static void group_pick(struct view *v, const struct sc_step *st,
		       const struct iv_step *s, const int *idx, int n)
{
	int i, any = 0;

	for (i = 0; i < n; i++)
		any |= s->votes[idx[i]] > 0;
	pick(v, "groep:", st, intervisie_winner(s->votes, idx, n),
	     any ? "gelijk" : "niet gestemd");
}

static void levels(struct view *v, const struct intervisie *iv)
{
	size_t nc = iv->fw->ncomps, i;
	int *lv = mem_calloc(3 * nc, sizeof *lv);

	intervisie_levels(iv, lv, lv + nc, lv + 2 * nc);
	view_add(v, VIEW_HEADING, 0, "Niveau per competentie (groep / %s / "
		 "expert):", iv->from_log ? "cursist" : "gevolgd");
	for (i = 0; i < nc; i++)
		view_add(v, VIEW_TEXT, 2, "%s: %d / %d / %d",
			 iv->fw->comps[i].name, lv[i], lv[nc + i],
			 lv[2 * nc + i]);
	free(lv);
}

void replayview_summary(struct view *v, const struct intervisie *iv)
{
	size_t from = v->n, i;

	view_blank(v);
	view_add(v, VIEW_TITLE, 0, "Samenvatting");
	for (i = 0; i < iv->nst; i++) {
		const struct iv_step *s = &iv->st[i];
		const struct sc_step *st = &iv->sc->steps[s->step];
		int idx[SCENARIO_MAX_OPTS], n = intervisie_offered(iv, s, idx);
		view_add(v, VIEW_HEADING, 0, "Stap %zu", i + 1);
		group_pick(v, st, s, idx, n);
		pick(v, iv->from_log ? "cursist:" : "gevolgd:", st,
		     s->followed, "-");
		pick(v, "expert:", st,
		     scenario_expert(iv->sc, (size_t)s->step, s->flags), "-");
		if (s->note)
			view_item(v, VIEW_CLIENT, 2, "Notitie", "%s", s->note);
	}
	levels(v, iv);
	if (iv->ended)
		view_item(v, VIEW_TEXT, 0, "Einde", "%s",
			  iv->sc->ends[iv->s.end].summary);
	view_item(v, VIEW_TEXT, 0, "Verslag bewaard", "%s", iv->path);
	anonymise(v, iv, from);
}
