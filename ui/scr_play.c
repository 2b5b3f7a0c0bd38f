/*
 * scr_play: the play screen. Stage 0 shows the situation, the client's
 * words and the numbered options; after a choice, stage 1 shows the
 * client's response and the meters moving first, then (practice mode only)
 * why, with the indicators it touched. Show, then tell. In a scenario with
 * a content notice, x stops without a result; stage 2 then says so and
 * where help is.
 */
#include "tui.h"
#include "buf.h"
#include "check.h"
#include "mem.h"
#include "path.h"

#include <curses.h>
#include <errno.h>
#include <string.h>

static int anim_frame;	/* 1..3 while the meters move, else 0 */

static void play_enter(struct tui *t)
{
	t->stage = 0;
	t->last = NULL;
}

static int meter_value(const struct tui *t, int i)
{
	int now = t->play.s.meters[i];

	if (anim_frame == 0 || t->stage == 0)
		return now;
	return t->shown_before[i] + (now - t->shown_before[i]) * anim_frame / 3;
}

/* The meters on one row when wide enough, else three rows; returns rows. */
static int draw_meters(const struct tui *t, int y)
{
	int i, wide = COLS >= 78, w = wide ? (COLS - 4) / 3 : 30;

	for (i = 0; i < METER_N; i++) {
		int delta = t->stage ? t->play.s.meters[i] - t->shown_before[i] : 0;
		draw_meter(wide ? y : y + i, wide ? 2 + i * w : 2, w, scenario_meter_name[i],
			   meter_value(t, i), anim_frame ? 0 : delta);
	}
	return wide ? 1 : 3;
}

static void evidence_lines(struct lines *l, const struct play *p, const struct sc_option *o,
			   size_t w)
{
	size_t e;

	for (e = 0; e < o->nev; e++) {
		int ix = framework_ind(p->fw, o->ev[e].ind);
		struct buf b = {0};
		if (ix < 0)
			continue;
		buf_printf(&b, "%s %s (%s, niveau %d)", o->ev[e].positive ? "+" : "-",
			   p->fw->inds[ix].text, p->fw->comps[p->fw->inds[ix].comp].name,
			   p->fw->inds[ix].level);
		lines_add_item(l, b.s, w, 2, 2, o->ev[e].positive ? ROLE_GOOD : ROLE_BAD, 0);
		buf_free(&b);
	}
}

static void options_body(struct tui *t, struct lines *l, size_t w)
{
	const struct play *p = &t->play;
	const struct sc_step *st = &p->sc->steps[p->s.step];
	const struct sc_option *o;
	int i;

	lines_add(l, "Situatie", w, 0, ROLE_HEAD, 0);
	lines_add(l, st->situation, w, 0, ROLE_NORMAL, 0);
	lines_blank(l);
	lines_add(l, scenario_speaker(st->speaker, p->persona->name), w, 0,
		  ROLE_HEAD, 0);
	lines_add(l, st->client, w, 2, ROLE_CLIENT, 0);
	lines_blank(l);
	lines_add(l, "Wat doe je?", w, 0, ROLE_HEAD, 0);
	for (i = 0; (o = play_offered(p, i, NULL)) != NULL; i++) {
		struct buf b = {0};
		buf_printf(&b, "%d. %s", i + 1, o->text);
		lines_add_item(l, b.s, w, 1, 3, ROLE_NORMAL, i + 1);
		buf_free(&b);
	}
}

static void response_body(struct tui *t, struct lines *l, size_t w)
{
	const struct play *p = &t->play;

	lines_add(l, "Jij", w, 0, ROLE_HEAD, 0);
	lines_add(l, t->last->text, w, 2, ROLE_DIM, 0);
	lines_blank(l);
	lines_add(l, scenario_speaker(t->last->speaker, p->persona->name), w, 0,
		  ROLE_HEAD, 0);
	lines_add(l, t->last->response, w, 2, ROLE_CLIENT, 0);
	if (p->mode == CONFIG_TOETS)
		return;
	lines_blank(l);
	lines_add(l, "Waarom", w, 0, ROLE_HEAD, 0);
	lines_add(l, t->last->feedback, w, 0, ROLE_NORMAL, 0);
	if (t->last->nev) {
		lines_blank(l);
		lines_add(l, "Indicatoren", w, 0, ROLE_HEAD, 0);
		evidence_lines(l, p, t->last, w);
	}
}

static void stopped_body(struct tui *t, struct lines *l, size_t w)
{
	lines_add(l, "Gestopt zonder resultaat", w, 0, ROLE_HEAD, 0);
	lines_add(l, "Deze sessie telt niet mee.", w, 0, ROLE_NORMAL, 0);
	lines_blank(l);
	lines_add(l, "Waar vind je hulp?", w, 0, ROLE_HEAD, 0);
	lines_add(l, t->play.sc->help ? t->play.sc->help : "", w, 0,
		  ROLE_NORMAL, 0);
}

/* The key hints of the stage; with a notice also how to stop. */
static void hints(const struct tui *t, struct buf *b)
{
	if (t->stage == 2) {
		buf_add(b, "Enter of q sluiten");
		return;
	}
	if (t->stage == 0)
		buf_add(b, "1-4 of \xe2\x86\x91\xe2\x86\x93 Enter kiezen, "
			"t terug, q stoppen");
	else if (session_finished(&t->play.s))
		buf_add(b, "Enter naar het einde, t terug");
	else
		buf_add(b, "Enter verder, t terug");
	if (t->play.sc->notice)
		buf_add(b, ", x stoppen zonder resultaat");
}

static void play_draw(struct tui *t)
{
	struct lines l = {0};
	struct buf title = {0}, right = {0}, keys = {0};
	int total = check_expert_length(t->play.sc), rows, y;
	size_t step = t->play.s.npath + (t->stage ? 0 : 1);

	buf_printf(&title, "%s: %s", t->play.persona->name, t->play.sc->title);
	buf_printf(&right, "%s, stap %zu", config_mode_name(t->play.mode), step);
	if (total > 0 && (int)step <= total)
		buf_printf(&right, " van ca. %d", total);
	hints(t, &keys);
	tui_frame(t, title.s, right.s, keys.s);
	rows = draw_meters(t, 1);
	y = rows + 2;
	if (t->stage == 0)
		options_body(t, &l, (size_t)COLS - 4);
	else if (t->stage == 1)
		response_body(t, &l, (size_t)COLS - 4);
	else
		stopped_body(t, &l, (size_t)COLS - 4);
	t->cursor_y = lines_draw(&l, y, 2, LINES - 1 - y, COLS - 4, &t->top,
				 t->stage == 0 ? t->sel + 1 : 0);
	t->cursor_x = 2;
	if (t->cursor_y < 0)
		t->cursor_y = y;
	lines_free(&l);
	buf_free(&title);
	buf_free(&right);
	buf_free(&keys);
}

static void animate(struct tui *t)
{
	for (anim_frame = 1; anim_frame <= 3; anim_frame++) {
		erase();
		play_draw(t);
		refresh();
		napms(60);
	}
	anim_frame = 0;
}

static void choose(struct tui *t, int n)
{
	const struct sc_option *o = play_offered(&t->play, n, NULL);

	if (o == NULL)
		return;
	memcpy(t->shown_before, t->play.s.meters, sizeof t->shown_before);
	if (play_choose(&t->play, n) != 0) {
		tui_notice(t, "Kon je keuze niet bewaren: %s",
			   path_strerror(errno));
		return;
	}
	t->last = o;
	t->stage = 1;
	t->top = 0;
	animate(t);
}

static void undo(struct tui *t)
{
	if (t->play.mode == CONFIG_TOETS) {
		tui_notice(t, "In de toets kun je niet terug.");
		return;
	}
	if (play_undo(&t->play) != 0) {
		tui_notice(t, "Er is geen stap om terug te gaan.");
		return;
	}
	t->stage = 0;
	t->sel = t->top = 0;
}

static void next(struct tui *t)
{
	t->stage = 0;
	t->sel = t->top = 0;
	if (!session_finished(&t->play.s)) {
		play_shown(&t->play);
		return;
	}
	if (play_log_end(&t->play) != 0)
		tui_notice(t, "Kon het einde niet bewaren: %s",
			   path_strerror(errno));
	else
		tui_go(t, SCR_REFLECT);
}

/* x: stop without a result (only a scenario with a notice). */
static void stop(struct tui *t)
{
	if (t->play.sc->notice == NULL)
		return;
	if (play_stop(&t->play) != 0) {
		tui_notice(t, "Kon het stoppen niet bewaren: %s",
			   path_strerror(errno));
		return;
	}
	t->stage = 2;
	t->top = 0;
}

/* After the stop: home when the session began here, else the end. */
static void stopped_key(struct tui *t, enum request req)
{
	if (req == REQ_ENTER || req == REQ_QUIT) {
		if (t->have_play > 0)
			tui_go(t, SCR_HOME);
		else
			t->quit = 1;
	}
}

static enum request play_key(struct tui *t, enum request req, wint_t ch, int is_key)
{
	int count;

	(void)ch;
	(void)is_key;
	if (t->stage == 2) {
		stopped_key(t, req);
		return req == REQ_HELP ? req : REQ_NONE;
	}
	play_offered(&t->play, 0, &count);
	if (req == REQ_STOP) {
		stop(t);
		return REQ_NONE;
	}
	if (req == REQ_UNDO) {
		undo(t);
		return REQ_NONE;
	}
	if (t->stage == 1) {
		if (req == REQ_ENTER)
			next(t);
		else if (req == REQ_UP || req == REQ_PGUP)
			t->top = t->top > 0 ? t->top - (req == REQ_UP ? 1 : 5) : 0;
		else if (req == REQ_DOWN || req == REQ_PGDN)
			t->top += req == REQ_DOWN ? 1 : 5;
		else
			return req;
		return REQ_NONE;
	}
	if (req >= REQ_OPT1 && req <= REQ_OPT4) {
		if ((int)(req - REQ_OPT1) < count)
			choose(t, (int)(req - REQ_OPT1));
		return REQ_NONE;
	}
	if (req == REQ_ENTER) {
		choose(t, t->sel);
		return REQ_NONE;
	}
	return tui_list_key(t, req, count);
}

const struct screen_ops scr_play_ops = {
	.name = "spel", .enter = play_enter, .draw = play_draw, .key = play_key,
};
