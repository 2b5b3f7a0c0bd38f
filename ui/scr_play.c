/*
 * scr_play: the play screen. Stage 0 shows the situation, the client's
 * words and the numbered options; after a choice, stage 1 shows the
 * client's response and the meters moving first, then (practice mode only)
 * why, with the indicators it touched. Show, then tell.
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

static void play_draw(struct tui *t)
{
	struct lines l = {0};
	struct buf title = {0}, right = {0};
	int total = check_expert_length(t->play.sc), rows, y;
	size_t step = t->play.s.npath + (t->stage ? 0 : 1);

	buf_printf(&title, "%s: %s", t->play.persona->name, t->play.sc->title);
	buf_printf(&right, "%s, stap %zu", config_mode_name(t->play.mode), step);
	if (total > 0 && (int)step <= total)
		buf_printf(&right, " van ca. %d", total);
	tui_frame(t, title.s, right.s, t->stage == 0
		  ? "1-4 of \xe2\x86\x91\xe2\x86\x93 Enter kiezen, t terug, q stoppen"
		  : (session_finished(&t->play.s) ? "Enter naar het einde, t terug"
						   : "Enter verder, t terug"));
	rows = draw_meters(t, 1);
	y = rows + 2;
	if (t->stage == 0)
		options_body(t, &l, (size_t)COLS - 4);
	else
		response_body(t, &l, (size_t)COLS - 4);
	t->cursor_y = lines_draw(&l, y, 2, LINES - 1 - y, COLS - 4, &t->top,
				 t->stage == 0 ? t->sel + 1 : 0);
	t->cursor_x = 2;
	if (t->cursor_y < 0)
		t->cursor_y = y;
	lines_free(&l);
	buf_free(&title);
	buf_free(&right);
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

static enum request play_key(struct tui *t, enum request req, wint_t ch, int is_key)
{
	int count;

	(void)ch;
	(void)is_key;
	play_offered(&t->play, 0, &count);
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
