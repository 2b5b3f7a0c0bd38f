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
 * open drafts as answers.
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
#include <stdlib.h>
#include <string.h>

enum { PAGE_END, PAGE_FEEL, PAGE_WHAT, PAGE_WHY, PAGE_Q };

#define FIELD_KEYS "Tab bewaren, PgDn/Esc verder, PgUp terug, Enter nieuwe regel"

struct reflect_state {
	int page;		/* PAGE_END .. last_page */
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

	snprintf(right, sizeof right, "reflectie %d/%d", state(t)->page + 1,
		 last_page(t) + 1);
	tui_frame(t, t->play.sc->title, right, q >= 0
		  ? (t->play.done ? "al bewaard; PgDn verder, PgUp terug"
				  : FIELD_KEYS)
		  : "Enter of PgDn verder, PgUp terug, \xe2\x86\x91\xe2\x86\x93 scrollen");
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

static enum request reflect_key(struct tui *t, enum request req, wint_t ch, int is_key)
{
	int q = page_question(t);
	enum request nav = request_for(ch, is_key);

	if (req == REQ_HELP)
		return req;
	if (q >= 0 && !t->play.done) {
		enum input_result r = input_key(&state(t)->field, ch, is_key);
		if (r == INPUT_DONE)
			confirm(t, q);
		else if (r == INPUT_CANCEL)
			turn(t, 1);
		else if (r == INPUT_IGNORED && (nav == REQ_PGUP || nav == REQ_PGDN))
			turn(t, nav == REQ_PGUP ? -1 : 1);
		return REQ_NONE;
	}
	switch (nav) {
	case REQ_ENTER: case REQ_PGDN: turn(t, 1); break;
	case REQ_PGUP: case REQ_BACK: turn(t, -1); break;
	case REQ_UP: t->top = t->top > 0 ? t->top - 1 : 0; break;
	case REQ_DOWN: t->top++; break;
	default: return nav;
	}
	return REQ_NONE;
}

const struct screen_ops scr_reflect_ops = {
	.name = "reflectie", .enter = reflect_enter, .draw = reflect_draw,
	.key = reflect_key, .save = reflect_save, .text = 1,
	.cleanup = reflect_cleanup, .private_size = sizeof(struct reflect_state),
};
