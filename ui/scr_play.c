/*
 * scr_play: the play screen. Stage 0 shows the step and the numbered
 * options; after a choice, stage 1 shows what it did, the meters moving
 * first. In a scenario with a content notice, x stops without a result;
 * stage 2 then says so and where help is. All are playview documents,
 * the same plain mode prints.
 */
#include "tui.h"
#include "buf.h"
#include "path.h"
#include "playview.h"
#include "viewdraw.h"

#include <curses.h>
#include <errno.h>
#include <string.h>

struct play_state {
	int stage;			/* 0 options, 1 response shown,
					   2 stopped without result */
	int before[METER_N];		/* meters before the last choice */
	const struct sc_option *last;	/* the option just chosen */
	int anim_frame;			/* 1..VIEWDRAW_FRAMES while the
					   meters move, else 0 */
};

static struct play_state *state(const struct tui *t)
{
	return tui_private(t, SCR_PLAY);
}

static void play_enter(struct tui *t)
{
	state(t)->stage = 0;
	state(t)->last = NULL;
}

/* The key hints of the stage; with a notice also how to stop. */
static void hints(const struct tui *t, struct buf *b)
{
	int stage = state(t)->stage;

	if (stage == 2) {
		buf_add(b, "Enter of q sluiten");
		return;
	}
	if (stage == 0)
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
	struct play_state *ps = state(t);
	struct view v = {0};
	struct buf title = {0}, right = {0}, keys = {0};
	size_t step = t->play.s.npath + (ps->stage ? 0 : 1);

	buf_printf(&title, "%s: %s", t->play.persona->name, t->play.sc->title);
	buf_printf(&right, "%s, ", config_mode_name(t->play.mode));
	playview_where(&right, &t->play, step);
	hints(t, &keys);
	tui_frame(t, title.s, right.s, keys.s);
	if (ps->stage == 0)
		playview_step(&v, &t->play);
	else if (ps->stage == 1)
		playview_result(&v, &t->play, ps->last, ps->before);
	else
		playview_stopped(&v, &t->play);
	t->cursor_y = viewdraw(&v, 2, 2, LINES - 3, COLS - 4, &t->top,
			       ps->stage == 0 ? t->sel + 1 : 0, ps->anim_frame);
	t->cursor_x = 2;
	if (t->cursor_y < 0)
		t->cursor_y = 2;
	view_free(&v);
	buf_free(&title);
	buf_free(&right);
	buf_free(&keys);
}

static void animate(struct tui *t)
{
	struct play_state *ps = state(t);

	for (ps->anim_frame = 1; ps->anim_frame <= VIEWDRAW_FRAMES;
	     ps->anim_frame++) {
		erase();
		play_draw(t);
		refresh();
		napms(60);
	}
	ps->anim_frame = 0;
}

static void choose(struct tui *t, int n)
{
	struct play_state *ps = state(t);
	const struct sc_option *o = play_offered(&t->play, n, NULL);

	if (o == NULL)
		return;
	memcpy(ps->before, t->play.s.meters, sizeof ps->before);
	if (play_choose(&t->play, n) != 0) {
		tui_notice(t, "Kon je keuze niet bewaren: %s",
			   path_strerror(errno));
		return;
	}
	ps->last = o;
	ps->stage = 1;
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
	state(t)->stage = 0;
	t->sel = t->top = 0;
}

static void next(struct tui *t)
{
	state(t)->stage = 0;
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
	state(t)->stage = 2;
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
	if (state(t)->stage == 2) {
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
	if (state(t)->stage == 1) {
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
	.private_size = sizeof(struct play_state),
};
