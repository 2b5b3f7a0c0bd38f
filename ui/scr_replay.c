/*
 * scr_replay: the intervisie screen, made to be read from a distance: one
 * step at a time, large gaps. Phase vote: read and vote (1-4 or arrows
 * select, + and - change the count); pick: the votes are split or
 * skipped, the facilitator picks the option to follow (as plain mode
 * asks); reveal; note: the group's note; summary. What it shows are the
 * replayview documents plain mode prints.
 */
#include "tui.h"
#include "buf.h"
#include "path.h"
#include "replayview.h"
#include "viewdraw.h"

#include <curses.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { RP_VOTE, RP_PICK, RP_REVEAL, RP_NOTE, RP_SUMMARY };

struct replay_state {
	int phase;			/* RP_* */
	int votes[SCENARIO_MAX_OPTS];	/* counts being entered */
	int before[METER_N];		/* meters before the reveal */
	struct input field;		/* the group's note */
};

static struct replay_state *state(const struct tui *t)
{
	return tui_private(t, SCR_REPLAY);
}

/* A notice belongs to the step it was given on. */
static void clear_notice(struct tui *t)
{
	free(t->message);
	t->message = NULL;
}

static void replay_enter(struct tui *t)
{
	struct replay_state *rs = state(t);

	rs->phase = session_finished(&t->iv->s) ? RP_SUMMARY : RP_VOTE;
	memset(rs->votes, 0, sizeof rs->votes);
	rs->field.multiline = 1;
	input_set(&rs->field, "");
	clear_notice(t);
}

static void replay_cleanup(struct tui *t)
{
	input_free(&state(t)->field);
}

/* The document of the phase. */
static void phase_view(struct tui *t, struct view *v)
{
	struct replay_state *rs = state(t);

	switch (rs->phase) {
	case RP_VOTE:
		replayview_step(v, t->iv, rs->votes);
		break;
	case RP_PICK:
		replayview_step(v, t->iv, rs->votes);
		replayview_tally(v, t->iv);
		view_add(v, VIEW_HEADING, 0, "Welke optie volgen jullie?");
		break;
	case RP_SUMMARY:
		replayview_summary(v, t->iv);
		break;
	default:
		replayview_tally(v, t->iv);
		replayview_reveal(v, t->iv, rs->before);
	}
}

static void replay_draw(struct tui *t)
{
	struct replay_state *rs = state(t);
	struct view v = {0};
	struct buf title = {0}, right = {0};
	int keep = rs->phase <= RP_PICK ? t->sel + 1 : 0, h = LINES - 4;

	buf_printf(&title, "Intervisie: %s", t->iv->sc->title);
	if (rs->phase != RP_SUMMARY)
		buf_printf(&right, "stap %zu",
			   t->iv->s.npath + (rs->phase <= RP_PICK ? 1 : 0));
	tui_frame(t, title.s, right.s ? right.s : "");
	phase_view(t, &v);
	if (rs->phase == RP_NOTE)
		h = LINES - 4 - LINES / 3 - 1;
	t->cursor_y = viewdraw(&v, 2, 3, h, COLS - 6, &t->top, keep, 0);
	t->cursor_x = 3;
	if (rs->phase == RP_NOTE) {
		draw_text(LINES - 3 - LINES / 3, 3, COLS - 6,
			  "Notitie van de groep:", ROLE_HEAD);
		input_draw(&rs->field, LINES - 2 - LINES / 3, 3, LINES / 3,
			   COLS - 6);
		getyx(stdscr, t->cursor_y, t->cursor_x);
	} else if (t->cursor_y < 0) {
		t->cursor_y = 2;
	}
	view_free(&v);
	buf_free(&title);
	buf_free(&right);
}

/* Follow option index o and show what it did. */
static void follow(struct tui *t, int o)
{
	struct replay_state *rs = state(t);

	memcpy(rs->before, t->iv->s.meters, sizeof rs->before);
	if (intervisie_follow(t->iv, o) != 0) {
		tui_notice(t, "Kon de stap niet bewaren: %s",
			   path_strerror(errno));
		return;
	}
	clear_notice(t);
	rs->phase = RP_REVEAL;
	t->top = 0;
}

/* Record the votes; follow the trainee or the majority, else ask. */
static void reveal(struct tui *t)
{
	int o;

	if (intervisie_vote(t->iv, state(t)->votes) != 0) {
		tui_notice(t, "Kon de stemmen niet bewaren: %s",
			   path_strerror(errno));
		return;
	}
	o = intervisie_next(t->iv);
	if (o >= 0) {
		follow(t, o);
		return;
	}
	state(t)->phase = RP_PICK;
	t->top = 0;
}

static void after_note(struct tui *t)
{
	if (session_finished(&t->iv->s)) {
		intervisie_finish(t->iv);
		state(t)->phase = RP_SUMMARY;
	} else {
		tui_go(t, SCR_REPLAY);
	}
	t->top = 0;
}

/* km without the number keys of options not on screen, so that the
 * footer and ? name only the options there are (1-3 with three). */
static const struct keymap_entry *offered_only(const struct tui *t,
					       const struct keymap_entry *km)
{
	static struct keymap_entry out[16];
	int idx[SCENARIO_MAX_OPTS], n, i = 0;

	if (t->iv->s.step < 0)
		return km;
	n = session_offered(&t->iv->s, idx);
	for (; km->req != REQ_NONE && i < 15; km++)
		if (km->req < REQ_OPT1 || km->req > REQ_OPT4 ||
		    (int)(km->req - REQ_OPT1) < n)
			out[i++] = *km;
	out[i].req = REQ_NONE;
	out[i].hint = NULL;
	return out;
}

static const struct keymap_entry *replay_keymap(const struct tui *t)
{
	static const struct keymap_entry vote[] = {
		{REQ_OPT1, "kiezen"}, {REQ_OPT2, "kiezen"},
		{REQ_OPT3, "kiezen"}, {REQ_OPT4, "kiezen"},
		{REQ_UP, "kiezen"}, {REQ_DOWN, "kiezen"},
		{REQ_VOTE_UP, "stemmen"}, {REQ_VOTE_DOWN, "stemmen"},
		{REQ_ENTER, "onthullen"}, {REQ_QUIT, "stoppen"},
		{REQ_NONE, NULL},
	}, pick[] = {
		{REQ_OPT1, "deze optie volgen"}, {REQ_OPT2, "deze optie volgen"},
		{REQ_OPT3, "deze optie volgen"}, {REQ_OPT4, "deze optie volgen"},
		{REQ_UP, "deze optie volgen"}, {REQ_DOWN, "deze optie volgen"},
		{REQ_ENTER, "deze optie volgen"}, {REQ_QUIT, "stoppen"},
		{REQ_NONE, NULL},
	}, shown[] = {
		{REQ_ENTER, "notitie van de groep"}, {REQ_QUIT, "stoppen"},
		{REQ_NONE, NULL},
	}, note[] = {
		{REQ_FIELD_NEWLINE, "nieuwe regel"},
		{REQ_FIELD_DONE, "bewaren"}, {REQ_FIELD_CANCEL, "overslaan"},
		{REQ_NONE, NULL},
	}, summary[] = {
		{REQ_ENTER, "klaar"}, {REQ_QUIT, "klaar"},
		{REQ_NONE, NULL},
	};
	static const struct keymap_entry *const by_phase[] = {
		[RP_VOTE] = vote, [RP_PICK] = pick, [RP_REVEAL] = shown,
		[RP_NOTE] = note, [RP_SUMMARY] = summary,
	};

	return offered_only(t, by_phase[state(t)->phase]);
}

/* Only the options on screen can be picked. */
static int replay_offers(const struct tui *t, enum request r)
{
	int idx[SCENARIO_MAX_OPTS];

	if (r >= REQ_OPT1 && r <= REQ_OPT4)
		return (int)(r - REQ_OPT1) < session_offered(&t->iv->s, idx);
	return 1;
}

static enum request vote_key(struct tui *t, enum request req)
{
	int idx[SCENARIO_MAX_OPTS], n = session_offered(&t->iv->s, idx);
	int *v = &state(t)->votes[idx[t->sel < n ? t->sel : 0]];

	if (req == REQ_VOTE_UP || req == REQ_VOTE_DOWN) {
		*v += req == REQ_VOTE_UP ? *v < 999 : -(*v > 0);
		return REQ_NONE;
	}
	if (req >= REQ_OPT1 && req <= REQ_OPT4) {
		t->sel = (int)(req - REQ_OPT1);
		return REQ_NONE;
	}
	if (req == REQ_ENTER) {
		reveal(t);
		return REQ_NONE;
	}
	return tui_list_key(t, req, n);
}

/* The facilitator picks: a number or Enter on the selection. */
static enum request pick_key(struct tui *t, enum request req)
{
	int idx[SCENARIO_MAX_OPTS], n = session_offered(&t->iv->s, idx);

	if (req >= REQ_OPT1 && req <= REQ_OPT4) {
		follow(t, idx[req - REQ_OPT1]);
		return REQ_NONE;
	}
	if (req == REQ_ENTER) {
		follow(t, idx[t->sel < n ? t->sel : 0]);
		return REQ_NONE;
	}
	return tui_list_key(t, req, n);
}

/* The note typed: store it (Esc skips it), then the next step. */
static void note_done(struct tui *t, enum request req)
{
	struct replay_state *rs = state(t);

	if (req == REQ_FIELD_DONE &&
	    intervisie_note(t->iv, buf_str(&rs->field.text)) != 0) {
		tui_notice(t, "Kon de notitie niet bewaren: %s",
			   path_strerror(errno));
		return;
	}
	t->focus = NULL;
	after_note(t);
}

static enum request replay_key(struct tui *t, enum request req)
{
	struct replay_state *rs = state(t);

	if (rs->phase == RP_NOTE) {
		if (req != REQ_FIELD_DONE && req != REQ_FIELD_CANCEL)
			return req;
		note_done(t, req);
		return REQ_NONE;
	}
	if (rs->phase == RP_VOTE)
		return vote_key(t, req);
	if (rs->phase == RP_PICK)
		return pick_key(t, req);
	if (req == REQ_ENTER && rs->phase == RP_REVEAL) {
		rs->phase = RP_NOTE;
		t->focus = &rs->field;
		input_set(&rs->field, "");
		return REQ_NONE;
	}
	if ((req == REQ_ENTER || req == REQ_QUIT) && rs->phase == RP_SUMMARY) {
		t->quit = 1;
		return REQ_NONE;
	}
	return req;
}

const struct screen_ops scr_replay_ops = {
	.name = "intervisie", .enter = replay_enter, .draw = replay_draw,
	.keymap = replay_keymap, .offers = replay_offers, .key = replay_key,
	.confirm_quit = 1, .private_size = sizeof(struct replay_state),
	.cleanup = replay_cleanup,
};
