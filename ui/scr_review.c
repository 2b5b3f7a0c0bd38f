/*
 * scr_review: the coach's screens: the session list (sort with s, search
 * with /), a page (a timeline, growth or cohort view, scrollable) and the
 * feedback field (step number, then the text). What they show are the
 * reviewview documents plain mode prints.
 */
#include "tui.h"
#include "buf.h"
#include "commands.h"
#include "feedback.h"
#include "mem.h"
#include "intervisie.h"
#include "path.h"
#include "replayview.h"
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
	char **rpaths;		/* their files; the list's first rows */
	size_t nrec;
	struct reviewview_sel rows;	/* the sessions shown */
	struct view_list list;	/* records, then those rows: measured
				   once, drawn a window at a time */
};

struct page_state {
	int kind;		/* 't' timeline, 'g' growth, 'c' cohort */
	struct view doc;
	int top;		/* the timeline's row when feedback began */
	int step;		/* the step in view then */
};

/* Feedback: the coach's name (once), the step, then the text. */
enum { FB_NAME, FB_STEP, FB_TEXT };

struct feedback_state {
	int stage;
	int step;
	int had;		/* the coach had feedback there: can withdraw */
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

/* The list to draw: the records, then the sessions shown. */
static void relist(struct tui *t)
{
	struct review_state *rs = rstate(t);
	struct view_list *l = &rs->list;

	view_list_free(l);
	view_append(&l->head, &rs->records);	/* first, tagged 1..nrec */
	if (rs->nrec)
		view_blank(&l->head);
	if (rs->nshown)
		reviewview_head(&l->head);
	else
		view_add(&l->tail, VIEW_DIM, 0, "Geen sessies gevonden.");
	rs->rows = (struct reviewview_sel){t->review, rs->shown,
					   (size_t)rs->nshown, (int)rs->nrec};
	l->n = (size_t)rs->nshown;
	l->tag0 = (int)rs->nrec + 1;
	l->rows = reviewview_rows;
	l->ctx = &rs->rows;
	view_list_measure(l);
}

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
	if (t->sel >= (int)rs->nrec + rs->nshown)
		t->sel = (int)rs->nrec + rs->nshown ? (int)rs->nrec +
			 rs->nshown - 1 : 0;
	relist(t);
}

static void review_enter(struct tui *t)
{
	struct review_state *rs = rstate(t);
	char *dir = path_join(t->ctx->data_dir, "intervisie");

	rs->searching = 0;
	rs->field.multiline = 0;
	view_free(&rs->records);	/* read once, not on every redraw */
	text_strv_free(rs->rpaths, rs->nrec);
	reviewview_records(&rs->records, dir);
	rs->nrec = reviewview_record_paths(dir, &rs->rpaths);
	free(dir);
	review_sort(t->review, (enum review_sort)rs->sort);
	refilter(t);
}

static void review_cleanup(struct tui *t)
{
	struct review_state *rs = rstate(t);

	input_free(&rs->field);
	free(rs->filter);
	review_query_free(&rs->query);
	free(rs->shown);
	view_free(&rs->records);
	text_strv_free(rs->rpaths, rs->nrec);
	view_list_free(&rs->list);
}

static void review_draw(struct tui *t)
{
	struct review_state *rs = rstate(t);
	struct buf title = {0}, right = {0};

	buf_printf(&title, "klantcoach review: %d van %zu sessies", rs->nshown,
		   t->review->n);
	buf_printf(&right, "gesorteerd op %s%s%s",
		   review_sort_name((enum review_sort)rs->sort),
		   rs->filter ? ", zoekt " : "", rs->filter ? rs->filter : "");
	tui_frame(t, title.s, right.s);
	t->cursor_y = viewdraw_list(&rs->list, 2, 2, LINES - 4, COLS - 4,
				    &t->top, t->sel + 1);
	t->cursor_x = 2;
	if (rs->searching) {
		draw_text(LINES - 2, 2, 8, "Zoeken:", ROLE_HEAD);
		input_draw(&rs->field, LINES - 2, 10, 1, COLS - 12);
		getyx(stdscr, t->cursor_y, t->cursor_x);
	} else if (t->cursor_y < 0) {
		t->cursor_y = 2;
	}
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

/* The session list's rows come after the records' (sel >= nrec). */
static int on_session(const struct tui *t)
{
	const struct review_state *rs = rstate(t);

	return t->sel >= (int)rs->nrec && t->sel - (int)rs->nrec < rs->nshown;
}

/* Enter opens the row's record or session; growth and cohort need a
 * session. */
static int review_offers(const struct tui *t, enum request r)
{
	return (r != REQ_ENTER && r != REQ_GROWTH && r != REQ_COHORT) ||
	       on_session(t) || (r == REQ_ENTER && rstate(t)->nrec > 0);
}

/* The intervisie record on the selected row as a page: its summary. */
static void open_record(struct tui *t, const char *path)
{
	struct page_state *ps = tui_private(t, SCR_PAGE);
	struct intervisie iv;
	struct diag d = {0};

	view_free(&ps->doc);
	if (intervisie_resume(&iv, t->c, path, &d) == 0) {
		replayview_summary(&ps->doc, &iv);
		intervisie_free(&iv);
	} else if (d.n) {
		char *msg = diag_format(&d.v[0]);
		view_add(&ps->doc, VIEW_BAD, 0, "%s", msg);
		free(msg);
	}
	diag_free(&d);
	ps->kind = 'r';
	tui_go(t, SCR_PAGE);
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
		if (!on_session(t)) {
			open_record(t, rs->rpaths[t->sel]);
			break;
		}
		rs->current = rs->shown[t->sel - (int)rs->nrec];
		open_page(t, page_kind(req));
		break;
	default: return tui_list_key(t, req, (int)rs->nrec + rs->nshown);
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
	const char *title = kind == 'g' ? "groei" : kind == 'c' ? "cohort"
			    : kind == 'r' ? "intervisieverslag" : "tijdlijn";
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

/* Feedback is written on the timeline; a record has no session's growth
 * or cohort. */
static int page_offers(const struct tui *t, enum request r)
{
	int kind = pstate(t)->kind;

	return (r != REQ_FEEDBACK || kind == 't') &&
	       ((r != REQ_GROWTH && r != REQ_COHORT) || kind != 'r');
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
	case REQ_FEEDBACK:
		pstate(t)->top = t->top;
		pstate(t)->step = viewdraw_tag_at(&pstate(t)->doc, COLS - 4,
						  t->top, h);
		tui_go(t, SCR_FEEDBACK);
		break;
	default: return req;
	}
	return REQ_NONE;
}

const struct screen_ops scr_page_ops = {
	.name = "pagina", .draw = page_draw, .keymap = page_keymap,
	.offers = page_offers, .key = page_key,
	.private_size = sizeof(struct page_state), .cleanup = page_cleanup,
};

/* ---- feedback: the coach's name once, the step, then the text ---- */

static struct feedback_state *fstate(const struct tui *t)
{
	return tui_private(t, SCR_FEEDBACK);
}

/* Ask for the step, the one in view filled in. */
static void ask_step(struct tui *t)
{
	struct buf b = {0};

	buf_printf(&b, "%d", pstate(t)->step);
	fstate(t)->stage = FB_STEP;
	fstate(t)->field.multiline = 0;
	input_set(&fstate(t)->field, b.s);
	buf_free(&b);
}

static void feedback_enter(struct tui *t)
{
	t->focus = &fstate(t)->field;
	if (t->ctx->cfg.coach) {
		ask_step(t);
	} else {
		fstate(t)->stage = FB_NAME;
		fstate(t)->field.multiline = 0;
		input_set(&fstate(t)->field, "");
	}
}

static void feedback_cleanup(struct tui *t)
{
	input_free(&fstate(t)->field);
}

/* The timeline's lines of step n (its heading up to the next blank). */
static struct view step_lines(const struct view *doc, int n)
{
	struct view part = {0};
	size_t i = 0, k;

	while (i < doc->n && !(doc->lines[i].tag == n &&
			       doc->lines[i].role == VIEW_HEADING))
		i++;
	for (k = i; k < doc->n && doc->lines[k].role != VIEW_BLANK; k++)
		;
	part.lines = doc->lines + i;	/* borrowed: never freed */
	part.n = n > 0 ? k - i : 0;
	return part;
}

static void feedback_draw(struct tui *t)
{
	const struct review_session *s = current(t);
	struct feedback_state *fs = fstate(t);
	struct view part = step_lines(&pstate(t)->doc, fs->step);
	int y = 2, h = 0, top = 0;
	static const char *const ask[] = {
		[FB_NAME] = "Je naam als coach (we bewaren hem):",
		[FB_STEP] = "Bij welke stap? (0 = algemene feedback)",
		[FB_TEXT] = "Je feedback (leeg maken en bewaren = intrekken):",
	};
	struct buf b = {0};

	buf_printf(&b, "Feedback voor %s, %s", s->trainee ? s->trainee : "?",
		   s->scenario);
	tui_frame(t, b.s, t->ctx->cfg.coach);
	if (fs->stage == FB_TEXT && part.n) {
		h = viewdraw_rows(&part, COLS - 4);
		h = h < (LINES - 8) / 2 ? h : (LINES - 8) / 2;
		viewdraw(&part, y, 2, h, COLS - 4, &top, 0, 0);
		y += h + 1;
	}
	draw_text(y, 2, COLS - 4, ask[fs->stage], ROLE_HEAD);
	input_draw(&fs->field, y + 2, 2, fs->stage == FB_TEXT
		   ? LINES - y - 5 : 1, COLS - 4);
	getyx(stdscr, t->cursor_y, t->cursor_x);
	buf_free(&b);
}

/* Back to the timeline, at the row it was on. */
static void back_to_timeline(struct tui *t)
{
	int top = pstate(t)->top;

	open_page(t, 't');
	t->top = top;
}

static void save_feedback(struct tui *t)
{
	struct review_session *s = current(t);
	struct feedback_state *fs = fstate(t);
	const char *text = buf_str(&fs->field.text);
	struct diag d = {0};

	if (!*text && !fs->had) {
		back_to_timeline(t);
		return;
	}
	if (feedback_add(s->path, t->ctx->cfg.coach, fs->step, text,
			 &d) == 0) {
		s->nfeedback += !fs->had - !*text;
		back_to_timeline(t);
		tui_notice(t, *text ? "Feedback bewaard naast het logboek."
				    : "Feedback ingetrokken.");
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

	return fstate(t)->stage == FB_TEXT ? text : step;
}

/* The name typed: keep it in the config, then ask for the step. */
static void feedback_name(struct tui *t)
{
	char *clean;
	const char *why = config_name_check(buf_str(&fstate(t)->field.text),
					    &clean);

	if (why) {
		tui_notice(t, "Let op: %s. Typ je naam opnieuw.", why);
		return;
	}
	t->ctx->cfg.coach = clean;
	if (cmd_save_settings(t->ctx, "coach.naam", clean, (char *)NULL))
		tui_notice(t, "Je naam als coach is niet bewaard; de volgende "
			   "keer vragen we hem opnieuw.");
	ask_step(t);
}

/* The step number typed: it must be in the session; then the text, with
 * the coach's feedback there to edit. */
static void feedback_step(struct tui *t)
{
	struct feedback_state *fs = fstate(t);
	const struct review_session *s = current(t);
	struct feedback fb;
	struct diag d = {0};
	char *end;
	long step = strtol(buf_str(&fs->field.text), &end, 10);
	const char *now;

	if (*end || !fs->field.text.len || step < 0) {
		tui_notice(t, "Typ een stapnummer, of 0 voor algemene "
			   "feedback.");
		return;
	}
	if (step > s->nchoices) {
		tui_notice(t, "Stap %ld bestaat niet: deze sessie heeft %d "
			   "stappen.", step, s->nchoices);
		return;
	}
	feedback_load(&fb, s->path, &d);
	now = feedback_current(&fb, t->ctx->cfg.coach, (int)step);
	fs->step = (int)step;
	fs->had = now != NULL;
	fs->stage = FB_TEXT;
	fs->field.multiline = 1;
	input_set(&fs->field, now ? now : "");
	feedback_free(&fb);
	diag_free(&d);
}

static enum request feedback_key(struct tui *t, enum request req)
{
	struct feedback_state *fs = fstate(t);

	if (req == REQ_FIELD_CANCEL)
		back_to_timeline(t);
	else if (req == REQ_FIELD_DONE && fs->stage == FB_NAME)
		feedback_name(t);
	else if (req == REQ_FIELD_DONE && fs->stage == FB_STEP)
		feedback_step(t);
	else if (req == REQ_FIELD_DONE)
		save_feedback(t);
	else
		return req;
	return REQ_NONE;
}

const struct screen_ops scr_feedback_ops = {
	.name = "feedback", .enter = feedback_enter, .draw = feedback_draw,
	.keymap = feedback_keymap, .key = feedback_key,
	.private_size = sizeof(struct feedback_state),
	.cleanup = feedback_cleanup,
};
