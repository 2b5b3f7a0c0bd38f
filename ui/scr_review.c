/*
 * scr_review: the coach's screens: the session list (sort with s, search
 * with /), a text page (a timeline, growth or cohort view from reviewview,
 * scrollable) and the feedback field (step number, then the text).
 */
#include "tui.h"
#include "buf.h"
#include "feedback.h"
#include "mem.h"
#include "path.h"
#include "reviewview.h"
#include "text.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the session list ---- */

/* Case-insensitive (ASCII) substring test. */
static int contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return n == 0;
}

static int matches(const struct review_session *s, const char *q)
{
	const char *f[] = {s->trainee, s->persona, s->scenario, s->mode, s->started,
			   review_status(s), s->ending};
	size_t i;

	for (i = 0; q && i < sizeof f / sizeof *f; i++)
		if (f[i] && contains(f[i], q))
			return 1;
	return q == NULL;
}

static void refilter(struct tui *t)
{
	size_t i;

	free(t->shown);
	t->shown = mem_calloc(t->review->n + 1, sizeof *t->shown);
	t->nshown = 0;
	for (i = 0; i < t->review->n; i++)
		if (matches(&t->review->s[i], t->filter))
			t->shown[t->nshown++] = (int)i;
	if (t->sel >= t->nshown)
		t->sel = t->nshown ? t->nshown - 1 : 0;
}

/* The intervisie records, read once when the list is entered. */
static void read_records(struct tui *t)
{
	char *dir = path_join(t->ctx->data_dir, "intervisie");
	size_t n = 0;
	FILE *fp;

	free(t->records);
	t->records = NULL;
	fp = open_memstream(&t->records, &n);
	reviewview_records(fp, dir);
	fclose(fp);
	free(dir);
}

static void review_enter(struct tui *t)
{
	t->phase = 0;	/* 1 while typing a search */
	t->field.multiline = 0;
	review_sort(t->review, (enum review_sort)t->sort);
	refilter(t);
	read_records(t);
}


static void review_draw(struct tui *t)
{
	struct lines l = {0};
	struct buf title = {0}, hint = {0};
	int i;

	buf_printf(&title, "klantcoach review: %d van %zu sessies", t->nshown, t->review->n);
	buf_printf(&hint, "Enter openen, s sorteren (%s), / zoeken, g groei, c cohort, q stoppen",
		   review_sort_name((enum review_sort)t->sort));
	tui_frame(t, title.s, t->filter ? t->filter : NULL, hint.s);
	for (i = 0; i < t->nshown; i++) {
		const struct review_session *s = &t->review->s[t->shown[i]];
		char *row = NULL;
		size_t n = 0;
		FILE *fp = open_memstream(&row, &n);
		reviewview_row(fp, s);
		fclose(fp);
		lines_add(&l, row, (size_t)COLS - 4, 0, ROLE_NORMAL, i + 1);
		free(row);
	}
	if (t->nshown == 0)
		lines_add(&l, "Geen sessies gevonden.", (size_t)COLS - 4, 0, ROLE_DIM, 0);
	if (t->records && *t->records) {
		lines_blank(&l);
		lines_add(&l, t->records, (size_t)COLS - 4, 0, ROLE_DIM, 0);
	}
	t->cursor_y = lines_draw(&l, 2, 2, LINES - 4, COLS - 4, &t->top, t->sel + 1);
	t->cursor_x = 2;
	if (t->phase == 1) {
		draw_text(LINES - 2, 2, 8, "Zoeken:", ROLE_HEAD);
		input_draw(&t->field, LINES - 2, 10, 1, COLS - 12);
		getyx(stdscr, t->cursor_y, t->cursor_x);
	}
	lines_free(&l);
	buf_free(&title);
	buf_free(&hint);
}

/* Fill the text page with a view and show it. */
static void open_page(struct tui *t, int kind)
{
	char *text = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&text, &n);
	const struct review_session *s = &t->review->s[t->current];
	struct diag d = {0};

	if (kind == 't' && reviewview_timeline(fp, t->c, s->path, &d) != 0 && d.n) {
		char *msg = diag_format(&d.v[0]);
		fputs(msg, fp);
		free(msg);
	} else if (kind == 'g')
		reviewview_growth(fp, t->review, s->trainee ? s->trainee : "");
	else if (kind == 'c')
		reviewview_cohort(fp, t->review, s->scenario);
	fclose(fp);
	diag_free(&d);
	lines_free(&t->page);
	lines_add(&t->page, text, (size_t)COLS - 4, 0, ROLE_NORMAL, 0);
	free(text);
	t->phase = kind;
	tui_go(t, SCR_PAGE);
}

static enum request search_key(struct tui *t, wint_t ch, int is_key)
{
	enum input_result r = input_key(&t->field, ch, is_key);

	if (r == INPUT_DONE || r == INPUT_CANCEL) {
		free(t->filter);
		t->filter = r == INPUT_DONE && t->field.text.len ? mem_strdup(t->field.text.s) : NULL;
		t->phase = 0;
		t->sel = t->top = 0;
	}
	refilter(t);
	return REQ_NONE;
}

static enum request review_key(struct tui *t, enum request req, wint_t ch, int is_key)
{
	if (t->phase == 1)
		return search_key(t, ch, is_key);
	req = request_for(ch, is_key);
	if (!is_key && ch == '/') {
		t->phase = 1;
		input_set(&t->field, t->filter ? t->filter : "");
		return REQ_NONE;
	}
	if (!is_key && ch == 's') {
		t->sort = (t->sort + 1) % SORT_COUNT;
		review_sort(t->review, (enum review_sort)t->sort);
		refilter(t);
		return REQ_NONE;
	}
	if (t->nshown && (req == REQ_ENTER || (!is_key && (ch == 'g' || ch == 'c')))) {
		t->current = t->shown[t->sel];
		open_page(t, req == REQ_ENTER ? 't' : (int)ch);
		return REQ_NONE;
	}
	return tui_list_key(t, req, t->nshown);
}

const struct screen_ops scr_review_ops = {
	.name = "review", .enter = review_enter, .draw = review_draw, .key = review_key,
	.text = 1,
};

/* ---- a text page ---- */

static void page_draw(struct tui *t)
{
	const char *title = t->phase == 'g' ? "groei" : t->phase == 'c' ? "cohort" : "tijdlijn";
	struct buf b = {0};

	buf_printf(&b, "klantcoach review: %s", title);
	tui_frame(t, b.s, NULL, t->phase == 't'
		  ? "\xe2\x86\x91\xe2\x86\x93 PgUp PgDn scrollen, f feedback, g groei, c cohort, Esc terug"
		  : "\xe2\x86\x91\xe2\x86\x93 PgUp PgDn scrollen, Esc terug");
	lines_draw(&t->page, 2, 2, LINES - 4, COLS - 4, &t->top, 0);
	t->cursor_y = 2;
	t->cursor_x = 2;
	buf_free(&b);
}

static enum request page_key(struct tui *t, enum request req, wint_t ch, int is_key)
{
	int h = LINES - 4;

	switch (req) {
	case REQ_UP: t->top = t->top > 0 ? t->top - 1 : 0; break;
	case REQ_DOWN: t->top++; break;
	case REQ_PGUP: t->top = t->top > h ? t->top - h : 0; break;
	case REQ_PGDN: case REQ_ENTER: t->top += h; break;
	case REQ_BACK: case REQ_UNDO: tui_go(t, SCR_REVIEW); break;
	default:
		if (!is_key && (ch == 'g' || ch == 'c'))
			open_page(t, (int)ch);
		else if (!is_key && ch == 'f' && t->phase == 't')
			tui_go(t, SCR_FEEDBACK);
		else
			return req;
	}
	return REQ_NONE;
}

const struct screen_ops scr_page_ops = {
	.name = "pagina", .draw = page_draw, .key = page_key,
};

/* ---- feedback: step number, then text ---- */

static void feedback_enter(struct tui *t)
{
	t->stage = 0;
	t->field.multiline = 0;
	input_set(&t->field, "0");
}

static void feedback_draw(struct tui *t)
{
	const struct review_session *s = &t->review->s[t->current];
	struct buf b = {0};

	buf_printf(&b, "Feedback voor %s, %s", s->trainee ? s->trainee : "?", s->scenario);
	tui_frame(t, b.s, t->ctx->cfg.coach ? t->ctx->cfg.coach : t->ctx->cfg.name,
		  t->stage == 0 ? "Enter verder, Esc annuleren"
				: "Enter nieuwe regel, Tab of F2 bewaren, Esc annuleren");
	draw_text(2, 2, COLS - 4, t->stage == 0 ? "Bij welke stap? (0 = algemene feedback)"
						: "Je feedback:", ROLE_HEAD);
	input_draw(&t->field, 4, 2, t->stage == 0 ? 1 : LINES - 7, COLS - 4);
	getyx(stdscr, t->cursor_y, t->cursor_x);
	buf_free(&b);
}

static void save_feedback(struct tui *t)
{
	const struct review_session *s = &t->review->s[t->current];
	const char *coach = t->ctx->cfg.coach ? t->ctx->cfg.coach : t->ctx->cfg.name;
	struct diag d = {0};

	if (feedback_add(s->path, coach ? coach : "coach", t->stage - 1, t->field.text.s ? t->field.text.s : "", &d) == 0) {
		t->review->s[t->current].nfeedback++;
		open_page(t, 't');
		tui_notice(t, "Feedback bewaard naast het logboek.");
	} else {
		char *msg = diag_format(&d.v[0]);
		tui_notice(t, "%s", msg);
		free(msg);
	}
	diag_free(&d);
}

static enum request feedback_key(struct tui *t, enum request req, wint_t ch, int is_key)
{
	enum input_result r;
	char *end;
	long step;

	if (req == REQ_HELP)
		return req;
	r = input_key(&t->field, ch, is_key);
	if (r == INPUT_CANCEL) {
		open_page(t, 't');
		return REQ_NONE;
	}
	if (r != INPUT_DONE)
		return REQ_NONE;
	if (t->stage > 0) {
		if (t->field.text.len)
			save_feedback(t);
		return REQ_NONE;
	}
	step = strtol(buf_str(&t->field.text), &end, 10);
	if (*end || step < 0 || step > 999) {
		tui_notice(t, "Typ een stapnummer, of 0 voor algemene feedback.");
		return REQ_NONE;
	}
	t->stage = (int)step + 1;
	t->field.multiline = 1;
	input_set(&t->field, "");
	return REQ_NONE;
}

const struct screen_ops scr_feedback_ops = {
	.name = "feedback", .enter = feedback_enter, .draw = feedback_draw,
	.key = feedback_key, .text = 1,
};
