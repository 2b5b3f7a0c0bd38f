/*
 * scr_reflect: the reflection in PEARLS order. Page 0 where help is (when
 * the scenario names it) and the ending, then the question how it felt,
 * then what happened (your path beside the expert's), then why
 * (competencies against targets, indicators shown and missed), then the
 * questions to take along; the pages are reflectview documents, the same
 * plain mode and `show` print. Each answer is saved to the log when it is
 * confirmed (Tab, F2, Ctrl-D). Leaving a field any other way (PgUp, PgDn,
 * Esc, stopping, a signal) keeps its text as a draft, also written when
 * typing pauses; reaching the last page closes the reflection and saves
 * open drafts as answers. On a reading page PgDn and PgUp scroll by a
 * screen and turn the page only at its end (as a pager). A past
 * reflection (opened finished from home; resume refuses finished
 * sessions) is left at once with Esc, ← or q, back home.
 */
#include "tui.h"
#include "buf.h"
#include "path.h"
#include "playview.h"
#include "reflect.h"
#include "reflectview.h"
#include "viewdraw.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

enum { PAGE_END, PAGE_FEEL, PAGE_WHAT, PAGE_WHY, PAGE_Q };

struct reflect_state {
	int page;		/* PAGE_END .. last_page */
	int past;		/* opened finished: Esc, q and ← leave it */
	struct input field;	/* the answer being typed */
	struct view feedback;	/* the coach's feedback, read on entry */
};

static struct reflect_state *state(const struct tui *t)
{
	return tui_private(t, SCR_REFLECT);
}

static size_t nquestions(const struct tui *t)
{
	struct reflect_question q[REFLECT_MAX_Q];
	return reflect_questions(t->play.sc, q);
}

/* Question index shown on a page, or -1 for a reading page. */
static int page_question(const struct tui *t)
{
	int page = state(t)->page;

	if (page == PAGE_FEEL)
		return 0;
	if (page >= PAGE_Q && (size_t)(page - PAGE_Q + 1) < nquestions(t))
		return page - PAGE_Q + 1;
	return -1;
}

static int last_page(const struct tui *t)
{
	return PAGE_Q + (int)nquestions(t) - 1;
}

static void load_field(struct tui *t)
{
	int q = page_question(t);

	state(t)->field.multiline = 1;
	t->focus = q >= 0 && !t->play.done ? &state(t)->field : NULL;
	input_set(&state(t)->field,
		  q >= 0 ? play_text(&t->play, (size_t)q) : "");
}

/* Keep the text of an open field as its question's draft (in memory). */
static void keep(struct tui *t)
{
	int q = page_question(t);

	if (q >= 0 && !t->play.done)
		play_keep(&t->play, (size_t)q, buf_str(&state(t)->field.text));
}

/* Write the drafts and the page to disk: on a pause, a page turn, on
 * leaving the screen and before the program ends. */
static void reflect_save(struct tui *t)
{
	keep(t);
	if (play_save_draft(&t->play, state(t)->page) != 0)
		tui_notice(t, "Kon je concept niet bewaren: %s",
			   strerror(errno));
}

/* The page left last time (kept with the drafts), else the first. */
static int page_left(const struct tui *t)
{
	int page = t->play.draft.page;

	return page < 0 || page >= last_page(t) ? 0 : page;
}

static void reflect_enter(struct tui *t)
{
	struct reflect_state *rs = state(t);
	struct diag d = {0};

	rs->page = page_left(t);
	rs->past = t->play.done;
	load_field(t);
	view_free(&rs->feedback);
	if (t->play.log.path)	/* read once, not on every redraw */
		reflectview_feedback(&rs->feedback, t->play.log.path, &d);
	diag_free(&d);
}

static void reflect_cleanup(struct tui *t)
{
	input_free(&state(t)->field);
	view_free(&state(t)->feedback);
}

static void page_question_draw(struct tui *t, int q)
{
	struct view v = {0};
	int y = 2, h;

	reflectview_question(&v, &t->play, (size_t)q, 1);
	h = viewdraw_rows(&v, COLS - 4);
	if (h > LINES - 7)
		h = LINES - 7;
	viewdraw(&v, y, 2, h, COLS - 4, &(int){0}, 0, 0);
	y += h + 1;
	h = LINES - 2 - y;
	draw_role(ROLE_DIM, 1);
	mvhline(y - 1, 2, '-', COLS - 4);
	draw_role(ROLE_DIM, 0);
	input_draw(&state(t)->field, y, 2, h > 1 ? h : 1, COLS - 4);
	getyx(stdscr, t->cursor_y, t->cursor_x);
	view_free(&v);
}

/* The document of a reading page. */
static void page_view(struct tui *t, struct view *v)
{
	struct reflect r;
	int page = state(t)->page;

	reflect_build(&r, &t->play.s, t->play.fw, t->play.level);
	if (page == PAGE_END) {
		playview_help(v, t->play.sc);
		reflectview_end(v, &t->play);
		view_append(v, &state(t)->feedback);
	} else if (page == PAGE_WHAT) {
		reflectview_what(v, &t->play, &r);
	} else if (page == PAGE_WHY) {
		reflectview_why(v, &t->play, &r);
	} else {
		view_add(v, VIEW_GOOD, 0, "Je reflectie is bewaard. Enter: %s.",
			 t->have_play < 0 ? "stoppen" : "terug naar het begin");
	}
	reflect_free(&r);
}

static void reflect_draw(struct tui *t)
{
	struct view v = {0};
	char right[48];
	int q = page_question(t);

	snprintf(right, sizeof right, "reflectie %d/%d%s", state(t)->page + 1,
		 last_page(t) + 1,
		 q >= 0 && t->play.done ? ", al bewaard" : "");
	tui_frame(t, t->play.sc->title, right);
	if (q >= 0) {
		page_question_draw(t, q);
		return;
	}
	page_view(t, &v);
	viewdraw(&v, 2, 2, LINES - 3, COLS - 4, &t->top, 0, 0);
	t->cursor_y = 2;
	t->cursor_x = 2;
	view_free(&v);
}

/* Go dir pages on. The field's text stays as a draft; arriving on the last
 * page closes the reflection (open drafts become answers). */
static void turn(struct tui *t, int dir)
{
	int to = state(t)->page + dir;

	if (to < 0)
		return;
	if (to > last_page(t)) {
		if (t->have_play < 0)
			t->quit = 1;
		else
			tui_go(t, SCR_HOME);
		return;
	}
	keep(t);
	if (to == last_page(t) && !t->play.done && play_done(&t->play) != 0) {
		tui_notice(t, "Kon de reflectie niet afsluiten: %s",
			   strerror(errno));
		return;
	}
	free(t->message);
	t->message = NULL;
	state(t)->page = to;
	t->top = 0;
	load_field(t);
	reflect_save(t);
}

/* Save the field as the answer to question q, then go on. */
static void confirm(struct tui *t, int q)
{
	if (play_answer(&t->play, (size_t)q,
			buf_str(&state(t)->field.text)) != 0) {
		tui_notice(t, "Kon je antwoord niet bewaren: %s",
			   path_strerror(errno));
		return;
	}
	turn(t, 1);
}

static const struct keymap_entry *reflect_keymap(const struct tui *t)
{
	static const struct keymap_entry field[] = {
		{REQ_FIELD_DONE, "bewaren"},
		{REQ_PGDN, "verder"}, {REQ_FIELD_CANCEL, "verder"},
		{REQ_PGUP, "terug"}, {REQ_FIELD_NEWLINE, "nieuwe regel"},
		{REQ_NONE, NULL},
	}, reading[] = {
		{REQ_ENTER, "verder"}, {REQ_UP, "bladeren"},
		{REQ_DOWN, "bladeren"}, {REQ_PGUP, "bladeren"},
		{REQ_PGDN, "bladeren"}, {REQ_HOME, NULL}, {REQ_END, NULL},
		{REQ_BACK, NULL},
		{REQ_NONE, NULL},
	}, past[] = {
		{REQ_ENTER, "verder"}, {REQ_UP, "bladeren"},
		{REQ_DOWN, "bladeren"}, {REQ_PGUP, "bladeren"},
		{REQ_PGDN, "bladeren"}, {REQ_HOME, NULL}, {REQ_END, NULL},
		{REQ_BACK, "terug"}, {REQ_CLOSE, "terug"},
		{REQ_NONE, NULL},
	};

	return t->focus ? field : state(t)->past ? past : reading;
}

/* In a field PgDn and Esc turn on and keep the text as a draft. */
static enum request field_key(struct tui *t, enum request req)
{
	switch (req) {
	case REQ_FIELD_DONE: confirm(t, page_question(t)); break;
	case REQ_FIELD_CANCEL: case REQ_PGDN: turn(t, 1); break;
	case REQ_PGUP: turn(t, -1); break;
	default: return req;
	}
	return REQ_NONE;
}

/* PgDn and PgUp scroll a reading page by a screen; at its end they turn
 * the page (PgUp to the end of the page before, to read on backwards). */
static void page_key(struct tui *t, int dir)
{
	struct view v = {0};
	int top = -1;

	if (page_question(t) < 0) {
		page_view(t, &v);
		top = view_scroll_page(t->top, viewdraw_rows(&v, COLS - 4),
				       LINES - 3, dir);
		view_free(&v);
	}
	if (top >= 0) {
		t->top = top;
		return;
	}
	top = state(t)->page;
	turn(t, dir);
	if (dir < 0 && state(t)->page < top)
		t->top = INT_MAX / 2;	/* clamped when drawn */
}

/* Esc and ←: home from a past reflection, else a page back. */
static void back(struct tui *t)
{
	if (state(t)->past)
		tui_go(t, SCR_HOME);
	else
		turn(t, -1);
}

static enum request reflect_key(struct tui *t, enum request req)
{
	if (t->focus)
		return field_key(t, req);
	switch (req) {
	case REQ_ENTER: turn(t, 1); break;
	case REQ_PGDN: page_key(t, 1); break;
	case REQ_PGUP: page_key(t, -1); break;
	case REQ_BACK: back(t); break;
	case REQ_CLOSE: tui_go(t, SCR_HOME); break;
	case REQ_UP: t->top = t->top > 0 ? t->top - 1 : 0; break;
	case REQ_DOWN: t->top++; break;
	case REQ_HOME: t->top = 0; break;
	case REQ_END: t->top = INT_MAX / 2; break;
	default: return req;
	}
	return REQ_NONE;
}

const struct screen_ops scr_reflect_ops = {
	.name = "reflectie", .enter = reflect_enter, .draw = reflect_draw,
	.keymap = reflect_keymap, .key = reflect_key, .save = reflect_save,
	.confirm_quit = 1,
	.cleanup = reflect_cleanup, .private_size = sizeof(struct reflect_state),
};
