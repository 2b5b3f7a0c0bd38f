/*
 * startview: builders for the start screens' documents. Nothing here
 * draws; ui/scr_start.c renders them and ui/cmd_play.c prints the
 * scenario cards of its picker.
 */
#include "startview.h"
#include "buf.h"
#include "check.h"
#include "persona.h"
#include "playview.h"
#include "tstamp.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* A card's line after its first, tagged with the card's number. */
#define card_line(v, role, n, ...) \
	(view_add(v, role, 5, __VA_ARGS__)->tag = (n))

void startview_persona(struct view *v, const struct persona *p, int n)
{
	struct buf b = {0};
	size_t i;

	buf_printf(&b, "%s, %d jaar. %s", p->name, p->age, p->household);
	view_option(v, n, b.s);
	card_line(v, VIEW_TEXT, n, "%s", p->situation);
	buf_clear(&b);
	for (i = 0; i < p->nchannels; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", p->channels[i]);
	card_line(v, VIEW_DIM, n, "Kanalen: %s", buf_str(&b));
	buf_clear(&b);
	for (i = 0; i < p->nneeds; i++)
		buf_printf(&b, "%s%s", i ? "; " : "",
			   persona_need_name(p->needs[i]));
	card_line(v, VIEW_DIM, n, "Op het spel: %s", buf_str(&b));
	view_blank(v);
	buf_free(&b);
}

void startview_scenario(struct view *v, const struct scenario *sc, int n,
			char level)
{
	int steps = check_expert_length(sc);	/* as play counts them */
	struct buf b = {0};

	buf_printf(&b, "%s (%s, niveau %c", sc->title, sc->channel,
		   sc->level);
	if (steps > 0)
		buf_printf(&b, ", ca. %d stappen", steps);
	buf_add(&b, ")");
	view_option(v, n, b.s);
	if (level && sc->level == level)
		card_line(v, VIEW_GOOD, n, "Past bij jouw niveau.");
	card_line(v, VIEW_TEXT, n, "%s", sc->summary);
	if (sc->notice)
		card_line(v, VIEW_BAD, n, "Let op: %s", sc->notice);
	view_blank(v);
	buf_free(&b);
}

void startview_mode(struct view *v, const struct scenario *sc)
{
	view_option(v, 1, "Oefenen");
	card_line(v, VIEW_TEXT, 1, "Na elke keuze zie je hoe de klant "
		  "reageert en waarom dat zo is. Je mag een stap terug (t) "
		  "om iets anders te proberen.");
	view_blank(v);
	view_option(v, 2, "Toets");
	card_line(v, VIEW_TEXT, 2, "Je ziet alleen de reactie van de klant. "
		  "Geen uitleg en niet terug; alles komt in de reflectie aan "
		  "het eind.");
	if (sc)
		playview_notice(v, sc);
}

/* When the session started, in local time to the minute ("2026-11-30
 * 14:05"), or to the second when a neighbour in the list started in the
 * same minute, so that no two rows look the same. */
static void when(char *out, size_t n, const struct sessionlist *l, size_t i)
{
	time_t t = l->v[i].started ? tstamp_parse(l->v[i].started) : -1;
	const char *p = i > 0 ? l->v[i - 1].started : NULL;
	const char *q = i + 1 < l->n ? l->v[i + 1].started : NULL;
	const char *s = l->v[i].started;
	int same = s && ((p && strncmp(p, s, 16) == 0) ||
			 (q && strncmp(q, s, 16) == 0));
	struct tm tm;

	if (t == -1 || localtime_r(&t, &tm) == NULL)
		snprintf(out, n, "?");
	else
		strftime(out, n, same ? "%Y-%m-%d %H:%M:%S"
			 : "%Y-%m-%d %H:%M", &tm);
}

/* One session as a row: when, client, mode, step, status, scenario. */
static void home_row(struct view *v, const struct content *c,
		     const struct sessionlist *l, size_t i)
{
	const struct sessionlist_item *it = &l->v[i];
	const struct scenario *sc = it->scenario
		? content_scenario(c, it->scenario) : NULL;
	const struct persona *p = sc ? content_persona(c, sc->persona) : NULL;
	struct buf status = {0};
	char day[32], step[16];

	when(day, sizeof day, l, i);
	snprintf(step, sizeof step, "%d", it->nchoices + !it->finished);
	buf_printf(&status, "%s%s%s%s", sessionlist_status(it),
		   it->ending ? ", einde " : "", it->ending ? it->ending : "",
		   it->nfeedback ? " [feedback]" : "");
	view_row(v, it->damaged ? VIEW_BAD : it->stopped ? VIEW_DIM
		 : VIEW_TEXT, day, p ? p->name : sc ? sc->persona : "?",
		 it->mode ? it->mode : "?", it->damaged ? "?" : step,
		 status.s, sc ? sc->title : it->id, (char *)NULL)->tag =
		(int)i + 2;
	buf_free(&status);
}

void startview_home_head(struct view *v, const struct sessionlist *l)
{
	view_option(v, 1, "Nieuw gesprek oefenen");
	view_add(v, VIEW_HEADING, 0, "%s", l->n ? "Je sessies (nieuwste "
		 "eerst):" : "Je hebt nog geen sessies.");
	if (l->n)
		view_row(v, VIEW_DIM, "Begonnen", "Klant", "Modus", "Stap",
			 "Status", "Scenario", (char *)NULL);
}

void startview_home_rows(const void *ctx, struct view *v, size_t first,
			 size_t count)
{
	const struct startview_sessions *s = ctx;
	size_t i;

	for (i = first; i < s->l->n && i - first < count; i++)
		home_row(v, s->c, s->l, i);
}

