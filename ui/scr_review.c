/*
 * scr_review: the coach's screens: the session list (sort with s, search
 * with /), a page (a timeline, growth or cohort view, scrollable) and the
 * feedback field (step number, then the text). What they show are the
 * reviewview documents plain mode prints.
 */
#include "tui.h"
#include "buf.h"
#include "feedback.h"
#include "mem.h"
#include "path.h"
#include "reviewview.h"
#include "text.h"
#include "viewdraw.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* The list's state, which the page and feedback screens read. */
struct review_state {
	int searching;		/* typing a search */
	struct input field;	/* the search being typed */
	int sort;		/* enum review_sort */
	char *filter;		/* search text, or NULL */
	struct review_query query;	/* the filter, folded into words */
	int *shown;		/* review indices passing the filter */
	int nshown;
	int current;		/* review index of the open session */
	struct view records;	/* intervisie records, read on entry */
};

struct page_state {
	int kind;		/* 't' timeline, 'g' growth, 'c' cohort */
	struct view doc;
};

struct feedback_state {
	int stage;		/* 0 step, else step + 1 */
	struct input field;
};

static struct review_state *rstate(const struct tui *t)
{
	return tui_private(t, SCR_REVIEW);
}

/* The session open on the page and feedback screens. */
static struct review_session *current(const struct tui *t)
{
	return &t->review->s[rstate(t)->current];
}

/* ---- the session list ---- */

static void refilter(struct tui *t)
{
	struct review_state *rs = rstate(t);
	size_t i;

	free(rs->shown);
	rs->shown = mem_calloc(t->review->n + 1, sizeof *rs->shown);
	rs->nshown = 0;
	review_query_set(&rs->query, rs->filter);
	for (i = 0; i < t->review->n; i++)
		if (review_query_match(&rs->query, &t->review->s[i]))
			rs->shown[rs->nshown++] = (int)i;
	if (t->sel >= rs->nshown)
		t->sel = rs->nshown ? rs->nshown - 1 : 0;
}

static void review_enter(struct tui *t)
{
	struct review_state *rs = rstate(t);
	char *dir = path_join(t->ctx->data_dir, "intervisie");

	rs->searching = 0;
	rs->field.multiline = 0;
	review_sort(t->review, (enum review_sort)rs->sort);
	refilter(t);
	view_free(&rs->records);	/* read once, not on every redraw */
	reviewview_records(&rs->records, dir);
	free(dir);
}

static void review_cleanup(struct tui *t)
{
	struct review_state *rs = rstate(t);

	input_free(&rs->field);
	free(rs->filter);
	review_query_free(&rs->query);
	free(rs->shown);
	view_free(&rs->records);
}

static void review_draw(struct tui *t)
{
	struct review_state *rs = rstate(t);
	struct view v = {0};
	struct buf title = {0}, right = {0};
	int i;

	buf_printf(&title, "klantcoach review: %d van %zu sessies", rs->nshown,
		   t->review->n);
	buf_printf(&right, "gesorteerd op %s%s%s",
		   review_sort_name((enum review_sort)rs->sort),
		   rs->filter ? ", zoekt " : "", rs->filter ? rs->filter : "");
	tui_frame(t, title.s, right.s);
	if (rs->nshown)
		reviewview_head(&v);
	for (i = 0; i < rs->nshown; i++)
		reviewview_row(&v, &t->review->s[rs->shown[i]], i + 1);
	if (rs->nshown == 0)
		view_add(&v, VIEW_DIM, 0, "Geen sessies gevonden.");
	view_blank(&v);
	view_append(&v, &rs->records);
	t->cursor_y = viewdraw(&v, 2, 2, LINES - 4, COLS - 4, &t->top,
			       t->sel + 1, 0);
	t->cursor_x = 2;
	if (rs->searching) {
		draw_text(LINES - 2, 2, 8, "Zoeken:", ROLE_HEAD);
		input_draw(&rs->field, LINES - 2, 10, 1, COLS - 12);
		getyx(stdscr, t->cursor_y, t->cursor_x);
	} else if (t->cursor_y < 0) {
		t->cursor_y = 2;
	}
	view_free(&v);
	buf_free(&title);
	buf_free(&right);
}

/* Fill the page with a view of the current session and show it. */
static void open_page(struct tui *t, int kind)
{
	struct page_state *ps = tui_private(t, SCR_PAGE);
	const struct review_session *s = current(t);
	struct diag d = {0};

	view_free(&ps->doc);
	if (kind == 't' &&
	    reviewview_timeline(&ps->doc, t->c, s->path, &d) != 0 && d.n) {
		char *msg = diag_format(&d.v[0]);
		view_add(&ps->doc, VIEW_BAD, 0, "%s", msg);
		free(msg);
	} else if (kind == 'g') {
		reviewview_growth(&ps->doc, t->review, s->trainee ? s->trainee : "");
	} else if (kind == 'c') {
		reviewview_cohort(&ps->doc, t->review, s->scenario);
	}
	diag_free(&d);
	ps->kind = kind;
	tui_go(t, SCR_PAGE);
}

static const struct keymap_entry *review_keymap(const struct tui *t)
{
	static const struct keymap_entry list[] = {
		{REQ_UP, NULL}, {REQ_DOWN, NULL},
		{REQ_PGUP, NULL}, {REQ_PGDN, NULL},
		{REQ_HOME, NULL}, {REQ_END, NULL},
		{REQ_ENTER, "tijdlijn"}, {REQ_SORT, "sorteren"},
		{REQ_SEARCH, "zoeken"}, {REQ_GROWTH, "groei"},
		{REQ_COHORT, "cohort"}, {REQ_QUIT, "stoppen"},
		{REQ_NONE, NULL},
	}, search[] = {
		{REQ_FIELD_DONE, "zoeken"}, {REQ_FIELD_CANCEL, "alles tonen"},
		{REQ_NONE, NULL},
	};

	return rstate(t)->searching ? search : list;
}

/* A session must be shown to open one of its pages. */
static int review_offers(const struct tui *t, enum request r)
{
	return rstate(t)->nshown > 0 ||
	       (r != REQ_ENTER && r != REQ_GROWTH && r != REQ_COHORT);
}

/* The page a request opens: 't'imeline, 'g'rowth or 'c'ohort. */
static int page_kind(enum request r)
{
	return r == REQ_GROWTH ? 'g' : r == REQ_COHORT ? 'c' : 't';
}

static enum request search_key(struct tui *t, enum request req)
{
	struct review_state *rs = rstate(t);

	if (req == REQ_FIELD_DONE || req == REQ_FIELD_CANCEL) {
		free(rs->filter);
		rs->filter = req == REQ_FIELD_DONE && rs->field.text.len
			? mem_strdup(rs->field.text.s) : NULL;
		rs->searching = 0;
		t->focus = NULL;
		t->sel = t->top = 0;
	} else if (req != REQ_FIELD_EDIT) {
		return req;
	}
	refilter(t);
	return REQ_NONE;
}

static enum request review_key(struct tui *t, enum request req)
{
	struct review_state *rs = rstate(t);

	if (rs->searching)
		return search_key(t, req);
	switch (req) {
	case REQ_SEARCH:
		rs->searching = 1;
		t->focus = &rs->field;
		input_set(&rs->field, rs->filter ? rs->filter : "");
		break;
	case REQ_SORT:
		rs->sort = (rs->sort + 1) % SORT_COUNT;
		review_sort(t->review, (enum review_sort)rs->sort);
		refilter(t);
		break;
	case REQ_ENTER: case REQ_GROWTH: case REQ_COHORT:
		rs->current = rs->shown[t->sel];
		open_page(t, page_kind(req));
		break;
	default: return tui_list_key(t, req, rs->nshown);
	}
	return REQ_NONE;
}

const struct screen_ops scr_review_ops = {
	.name = "review", .enter = review_enter, .draw = review_draw,
	.keymap = review_keymap, .offers = review_offers, .key = review_key,
	.private_size = sizeof(struct review_state),
	.cleanup = review_cleanup,
};

/* ---- a page ---- */

static struct page_state *pstate(const struct tui *t)
{
	return tui_private(t, SCR_PAGE);
}

static void page_cleanup(struct tui *t)
{
	view_free(&pstate(t)->doc);
}

static void page_draw(struct tui *t)
{
	int kind = pstate(t)->kind;
	const char *title = kind == 'g' ? "groei" : kind == 'c' ? "cohort" : "tijdlijn";
	struct buf b = {0};

	buf_printf(&b, "klantcoach review: %s", title);
	tui_frame(t, b.s, NULL);
	viewdraw(&pstate(t)->doc, 2, 2, LINES - 4, COLS - 4, &t->top, 0, 0);
	t->cursor_y = 2;
	t->cursor_x = 2;
	buf_free(&b);
}

static const struct keymap_entry *page_keymap(const struct tui *t)
{
	static const struct keymap_entry km[] = {
		{REQ_UP, "scrollen"}, {REQ_DOWN, "scrollen"},
		{REQ_PGUP, "scrollen"}, {REQ_PGDN, "scrollen"},
		{REQ_HOME, NULL}, {REQ_END, NULL}, {REQ_ENTER, NULL},
		{REQ_FEEDBACK, "feedback"}, {REQ_GROWTH, "groei"},
		{REQ_COHORT, "cohort"}, {REQ_BACK, "terug"}, {REQ_UNDO, NULL},
		{REQ_NONE, NULL},
	};

	(void)t;
	return km;
}

/* Feedback is written on the timeline. */
static int page_offers(const struct tui *t, enum request r)
{
	return r != REQ_FEEDBACK || pstate(t)->kind == 't';
}

static enum request page_key(struct tui *t, enum request req)
{
	int h = LINES - 4;

	switch (req) {
	case REQ_UP: t->top = t->top > 0 ? t->top - 1 : 0; break;
	case REQ_DOWN: t->top++; break;
	case REQ_PGUP: t->top = t->top > h ? t->top - h : 0; break;
	case REQ_PGDN: case REQ_ENTER: t->top += h; break;
	case REQ_HOME: t->top = 0; break;
	case REQ_END: t->top = INT_MAX / 2; break;	/* the draw clamps it */
	case REQ_BACK: case REQ_UNDO: tui_go(t, SCR_REVIEW); break;
	case REQ_GROWTH: case REQ_COHORT: open_page(t, page_kind(req)); break;
	case REQ_FEEDBACK: tui_go(t, SCR_FEEDBACK); break;
	default: return req;
	}
	return REQ_NONE;
}

const struct screen_ops scr_page_ops = {
	.name = "pagina", .draw = page_draw, .keymap = page_keymap,
	.offers = page_offers, .key = page_key,
	.private_size = sizeof(struct page_state), .cleanup = page_cleanup,
};

/* ---- feedback: step number, then text ---- */

static struct feedback_state *fstate(const struct tui *t)
{
	return tui_private(t, SCR_FEEDBACK);
}

static void feedback_enter(struct tui *t)
{
	fstate(t)->stage = 0;
	fstate(t)->field.multiline = 0;
	t->focus = &fstate(t)->field;
	input_set(&fstate(t)->field, "0");
}

static void feedback_cleanup(struct tui *t)
{
	input_free(&fstate(t)->field);
}

static void feedback_draw(struct tui *t)
{
	const struct review_session *s = current(t);
	struct feedback_state *fs = fstate(t);
	struct buf b = {0};

	buf_printf(&b, "Feedback voor %s, %s", s->trainee ? s->trainee : "?", s->scenario);
	tui_frame(t, b.s,
		  t->ctx->cfg.coach ? t->ctx->cfg.coach : t->ctx->cfg.name);
	draw_text(2, 2, COLS - 4, fs->stage == 0 ? "Bij welke stap? (0 = algemene feedback)"
						 : "Je feedback:", ROLE_HEAD);
	input_draw(&fs->field, 4, 2, fs->stage == 0 ? 1 : LINES - 7, COLS - 4);
	getyx(stdscr, t->cursor_y, t->cursor_x);
	buf_free(&b);
}

static void save_feedback(struct tui *t)
{
	struct review_session *s = current(t);
	struct feedback_state *fs = fstate(t);
	const char *coach = t->ctx->cfg.coach ? t->ctx->cfg.coach : t->ctx->cfg.name;
	struct diag d = {0};

	if (feedback_add(s->path, coach ? coach : "coach", fs->stage - 1,
			 buf_str(&fs->field.text), &d) == 0) {
		s->nfeedback++;
		open_page(t, 't');
		tui_notice(t, "Feedback bewaard naast het logboek.");
	} else {
		char *msg = diag_format(&d.v[0]);
		tui_notice(t, "%s", msg);
		free(msg);
	}
	diag_free(&d);
}

static const struct keymap_entry *feedback_keymap(const struct tui *t)
{
	static const struct keymap_entry step[] = {
		{REQ_FIELD_DONE, "verder"}, {REQ_FIELD_CANCEL, "annuleren"},
		{REQ_NONE, NULL},
	}, text[] = {
		{REQ_FIELD_NEWLINE, "nieuwe regel"},
		{REQ_FIELD_DONE, "bewaren"},
		{REQ_FIELD_CANCEL, "annuleren"},
		{REQ_NONE, NULL},
	};

	return fstate(t)->stage == 0 ? step : text;
}

/* The step number typed: go on to the text. */
static void feedback_step(struct tui *t)
{
	struct feedback_state *fs = fstate(t);
	char *end;
	long step = strtol(buf_str(&fs->field.text), &end, 10);

	if (*end || step < 0 || step > 999) {
		tui_notice(t, "Typ een stapnummer, of 0 voor algemene feedback.");
		return;
	}
	fs->stage = (int)step + 1;
	fs->field.multiline = 1;
	input_set(&fs->field, "");
}

static enum request feedback_key(struct tui *t, enum request req)
{
	struct feedback_state *fs = fstate(t);

	if (req == REQ_FIELD_CANCEL)
		open_page(t, 't');
	else if (req == REQ_FIELD_DONE && fs->stage == 0)
		feedback_step(t);
	else if (req == REQ_FIELD_DONE && fs->field.text.len)
		save_feedback(t);
	else
		return req == REQ_FIELD_DONE ? REQ_NONE : req;
	return REQ_NONE;
}

const struct screen_ops scr_feedback_ops = {
	.name = "feedback", .enter = feedback_enter, .draw = feedback_draw,
	.keymap = feedback_keymap, .key = feedback_key,
	.private_size = sizeof(struct feedback_state),
	.cleanup = feedback_cleanup,
};
