/*
 * scr_play: the play screen. Stage 0 shows the step and the numbered
 * options; after a choice, stage 1 shows what it did, the meters moving
 * first. In a scenario with a content notice, x stops without a result;
 * stage 2 then says so and where help is. All are playview documents,
 * the same plain mode prints. The keymap follows the stage, the mode and
 * the notice.
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

static void play_draw(struct tui *t)
{
	struct play_state *ps = state(t);
	struct view v = {0};
	struct buf title = {0}, right = {0};
	size_t step = t->play.s.npath + (ps->stage ? 0 : 1);

	buf_printf(&title, "%s: %s", t->play.persona->name, t->play.sc->title);
	buf_printf(&right, "%s, ", config_mode_name(t->play.mode));
	playview_where(&right, &t->play, step);
	tui_frame(t, title.s, right.s);
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

/* x: stop without a result (offered in a scenario with a notice). */
static void stop(struct tui *t)
{
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

static const struct keymap_entry *play_keymap(const struct tui *t)
{
	static const struct keymap_entry options[] = {
		{REQ_OPT1, "kiezen"}, {REQ_OPT2, "kiezen"},
		{REQ_OPT3, "kiezen"}, {REQ_OPT4, "kiezen"},
		{REQ_UP, "kiezen"}, {REQ_DOWN, "kiezen"},
		{REQ_ENTER, "kiezen"}, {REQ_PGUP, NULL}, {REQ_PGDN, NULL},
		{REQ_HOME, NULL}, {REQ_END, NULL},
		{REQ_UNDO, "terug"}, {REQ_QUIT, "stoppen"},
		{REQ_STOP, "stoppen zonder resultaat"},
		{REQ_NONE, NULL},
	}, response[] = {
		{REQ_ENTER, "verder"}, {REQ_UNDO, "terug"},
		{REQ_STOP, "stoppen zonder resultaat"},
		{REQ_UP, NULL}, {REQ_DOWN, NULL},
		{REQ_PGUP, NULL}, {REQ_PGDN, NULL},
		{REQ_NONE, NULL},
	}, last[] = {
		{REQ_ENTER, "naar het einde"}, {REQ_UNDO, "terug"},
		{REQ_STOP, "stoppen zonder resultaat"},
		{REQ_UP, NULL}, {REQ_DOWN, NULL},
		{REQ_PGUP, NULL}, {REQ_PGDN, NULL},
		{REQ_NONE, NULL},
	}, stopped[] = {
		{REQ_ENTER, "sluiten"}, {REQ_QUIT, "sluiten"},
		{REQ_NONE, NULL},
	};
	int stage = state(t)->stage;

	if (stage == 2)
		return stopped;
	if (stage == 0)
		return options;
	return session_finished(&t->play.s) ? last : response;
}

/* Only the options on screen, undo only in practice, x only in a
 * scenario with a notice. */
static int play_offers(const struct tui *t, enum request r)
{
	int count;

	play_offered(&t->play, 0, &count);
	if (r >= REQ_OPT1 && r <= REQ_OPT4)
		return (int)(r - REQ_OPT1) < count;
	if (r == REQ_UNDO)
		return t->play.mode != CONFIG_TOETS;
	if (r == REQ_STOP)
		return t->play.sc->notice != NULL;
	return 1;
}

/* Scroll the response. */
static enum request response_key(struct tui *t, enum request req)
{
	switch (req) {
	case REQ_ENTER: next(t); break;
	case REQ_UP: case REQ_PGUP:
		t->top = t->top > 0 ? t->top - (req == REQ_UP ? 1 : 5) : 0;
		break;
	case REQ_DOWN: case REQ_PGDN: t->top += req == REQ_DOWN ? 1 : 5; break;
	default: return req;
	}
	return REQ_NONE;
}

static enum request play_key(struct tui *t, enum request req)
{
	int count;

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
	if (state(t)->stage == 1)
		return response_key(t, req);
	if (req >= REQ_OPT1 && req <= REQ_OPT4) {
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
	.name = "spel", .enter = play_enter, .draw = play_draw,
	.keymap = play_keymap, .offers = play_offers, .key = play_key,
	.confirm_quit = 1, .private_size = sizeof(struct play_state),
};
