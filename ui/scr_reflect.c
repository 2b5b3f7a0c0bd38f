/*
 * scr_reflect: the reflection in PEARLS order. Page 0 the ending (and
 * where help is, when the scenario names it), then the question how it
 * felt, then what happened (meters as a small chart, your path beside the
 * expert's), then why (competencies against targets,
 * indicators shown and missed), then the questions to take along. Each
 * answer is saved to the log when it is confirmed (Tab, F2, Ctrl-D).
 * Leaving a field any other way (PgUp, PgDn, Esc, stopping, a signal)
 * keeps its text as a draft, also written when typing pauses; reaching
 * the last page closes the reflection and saves open drafts as answers.
 */
#include "tui.h"
#include "buf.h"
#include "mem.h"
#include "path.h"
#include "reflect.h"
#include "reflectview.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PAGE_END, PAGE_FEEL, PAGE_WHAT, PAGE_WHY, PAGE_Q };

#define FIELD_KEYS "Tab bewaren, PgDn/Esc verder, PgUp terug, Enter nieuwe regel"

static size_t nquestions(const struct tui *t)
{
	struct reflect_question q[REFLECT_MAX_Q];
	return reflect_questions(t->play.sc, q);
}

/* Question index shown on a page, or -1 for a reading page. */
static int page_question(const struct tui *t)
{
	if (t->phase == PAGE_FEEL)
		return 0;
	if (t->phase >= PAGE_Q && (size_t)(t->phase - PAGE_Q + 1) < nquestions(t))
		return t->phase - PAGE_Q + 1;
	return -1;
}

static int last_page(const struct tui *t)
{
	return PAGE_Q + (int)nquestions(t) - 1;
}

static void load_field(struct tui *t)
{
	int q = page_question(t);

	t->field.multiline = 1;
	input_set(&t->field, q >= 0 ? play_text(&t->play, (size_t)q) : "");
}

/* Keep the text of an open field as its question's draft (in memory). */
static void keep(struct tui *t)
{
	int q = page_question(t);

	if (q >= 0 && !t->play.done)
		play_keep(&t->play, (size_t)q, buf_str(&t->field.text));
}

/* Write the drafts and the page to disk: on a pause, a page turn, on
 * leaving the screen and before the program ends. */
static void reflect_save(struct tui *t)
{
	keep(t);
	if (play_save_draft(&t->play, t->phase) != 0)
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
	size_t n = 0;
	FILE *fp;

	t->phase = page_left(t);
	load_field(t);
	free(t->feedback);
	t->feedback = NULL;
	if (t->play.log.path) {	/* read once, not on every redraw */
		fp = open_memstream(&t->feedback, &n);
		reflectview_feedback(fp, NULL, t->play.log.path);
		fclose(fp);
	}
}

static void sparkline(struct lines *l, const struct play *p, int m, size_t w)
{
	static const char *const bars[] = {
		"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
		"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88",
	};
	struct buf b = {0};
	size_t i;
	int v = p->sc->meter0[m];

	buf_printf(&b, "%-9s", scenario_meter_name[m]);
	buf_add(&b, bars[v * 7 / METER_MAX]);
	for (i = 0; i < p->s.npath; i++)
		buf_add(&b, bars[p->s.path[i].after[m] * 7 / METER_MAX]);
	buf_printf(&b, "  %d \xe2\x86\x92 %d", v, p->s.meters[m]);
	lines_add(l, b.s, w, 2, ROLE_METER, 0);
	buf_free(&b);
}

static void page_end(struct tui *t, struct lines *l, size_t w)
{
	const struct play *p = &t->play;
	const struct sc_ending *e = &p->sc->ends[p->s.end];
	struct buf b = {0};
	int m;

	buf_printf(&b, "Einde van het gesprek (%s)", scenario_tone_name[e->tone]);
	lines_add(l, b.s, w, 0, ROLE_HEAD, 0);
	lines_add(l, e->summary, w, 0, e->tone == TONE_SLECHT ? ROLE_BAD : ROLE_NORMAL, 0);
	lines_blank(l);
	buf_clear(&b);
	buf_printf(&b, "Hoe %s het ervaart: gezien %d, gehoord %d, geholpen %d (van 10)",
		   p->persona->name, p->s.meters[0], p->s.meters[1], p->s.meters[2]);
	lines_add(l, b.s, w, 0, ROLE_NORMAL, 0);
	for (m = 0; m < METER_N; m++)
		sparkline(l, p, m, w);
	buf_free(&b);
	if (p->sc->help) {
		lines_blank(l);
		lines_add(l, "Waar vind je hulp?", w, 0, ROLE_HEAD, 0);
		lines_add(l, p->sc->help, w, 0, ROLE_NORMAL, 0);
	}
	if (t->feedback && *t->feedback)
		lines_add(l, t->feedback, w, 0, ROLE_CLIENT, 0);
}

static void page_what(struct tui *t, struct lines *l, size_t w, const struct reflect *r)
{
	const struct play *p = &t->play;
	size_t i;

	lines_add(l, "Wat gebeurde er? Jouw pad naast dat van de expert", w, 0, ROLE_HEAD, 0);
	for (i = 0; i < r->ndiff; i++) {
		const struct sc_step *st = &p->sc->steps[r->diff[i].step];
		struct buf b = {0};
		buf_printf(&b, "Stap %d. Jij: %s", r->diff[i].pos, st->opt[r->diff[i].chosen].text);
		lines_add(l, b.s, w, 0, ROLE_NORMAL, 0);
		buf_clear(&b);
		if (r->diff[i].expert == r->diff[i].chosen)
			lines_add(l, "Expert: dezelfde keuze", w, 3, ROLE_GOOD, 0);
		else if (r->diff[i].expert >= 0) {
			buf_printf(&b, "Expert: %s", st->opt[r->diff[i].expert].text);
			lines_add(l, b.s, w, 3, ROLE_CLIENT, 0);
		}
		buf_free(&b);
	}
}

static void indicator(struct lines *l, const struct play *p, const char *head,
		      const struct reflect_item *it, enum role role, size_t w)
{
	const struct fw_indicator *in = &p->fw->inds[it->ind];
	struct buf b = {0};

	buf_printf(&b, "%s%s (%s %d)", head, in->text, p->fw->comps[in->comp].name, in->level);
	lines_add(l, b.s, w, 2, role, 0);
	buf_free(&b);
}

static void page_why(struct tui *t, struct lines *l, size_t w, const struct reflect *r)
{
	const struct play *p = &t->play;
	char head[96];
	size_t i;

	snprintf(head, sizeof head, "Waarom? Competenties tegen het doel voor niveau %c", p->level);
	lines_add(l, head, w, 0, ROLE_HEAD, 0);
	for (i = 0; i < r->ncomps; i++) {
		const struct reflect_comp *c = &r->comps[i];
		struct buf b = {0};
		if (c->mark == REFLECT_NA && c->offer == 0)
			buf_printf(&b, "%-18s  -  doel %d  n.v.t.", p->fw->comps[c->comp].name, c->target);
		else if (c->mark == REFLECT_NA)
			buf_printf(&b, "%-18s  %d  doel %d  n.v.t. in dit scenario (vraagt niet meer"
				   " dan niveau %d)", p->fw->comps[c->comp].name, c->shown,
				   c->target, c->offer);
		else
			buf_printf(&b, "%-18s  %d  doel %d  %s", p->fw->comps[c->comp].name, c->shown,
				   c->target, reflect_mark_name(c->mark));
		lines_add(l, b.s, w, 2, c->mark == REFLECT_BELOW ? ROLE_BAD
				 : c->mark == REFLECT_NA ? ROLE_DIM : ROLE_GOOD, 0);
		buf_free(&b);
	}
	lines_blank(l);
	lines_add(l, "Laten zien", w, 0, ROLE_HEAD, 0);
	for (i = 0; i < r->nshown; i++) {
		snprintf(head, sizeof head, "%s stap %d: %s", r->shown[i].positive ? "+" : "-",
			 r->shown[i].pos, r->shown[i].positive ? "" : "tegendeel van ");
		indicator(l, p, head, &r->shown[i], r->shown[i].positive ? ROLE_GOOD : ROLE_BAD, w);
	}
	lines_blank(l);
	lines_add(l, r->nmissed ? "Gemist" : "Gemist: niets", w, 0, ROLE_HEAD, 0);
	for (i = 0; i < r->nmissed; i++) {
		snprintf(head, sizeof head, "bij stap %d had je kunnen laten zien: ", r->missed[i].pos);
		indicator(l, p, head, &r->missed[i], ROLE_NORMAL, w);
	}
	if (r->nundone)
		lines_add(l, "Teruggenomen keuzes (tellen niet mee)", w, 0, ROLE_HEAD, 0);
	for (i = 0; i < r->nundone; i++)
		indicator(l, p, r->undone[i].positive ? "+ " : "- ", &r->undone[i], ROLE_DIM, w);
}

static void page_question_draw(struct tui *t, int q)
{
	struct reflect_question qs[REFLECT_MAX_Q];
	struct lines l = {0};
	int y, h;

	reflect_questions(t->play.sc, qs);
	lines_add(&l, q == 0 ? "Hoe voelde het?" : "Wat neem je mee?", (size_t)COLS - 4, 0,
		  ROLE_HEAD, 0);
	lines_add(&l, qs[q].text, (size_t)COLS - 4, 0, ROLE_NORMAL, 0);
	y = 2;
	lines_draw(&l, y, 2, (int)l.n, COLS - 4, &(int){0}, 0);
	y += (int)l.n + 1;
	h = LINES - 2 - y;
	draw_role(ROLE_DIM, 1);
	mvhline(y - 1, 2, '-', COLS - 4);
	draw_role(ROLE_DIM, 0);
	input_draw(&t->field, y, 2, h > 1 ? h : 1, COLS - 4);
	getyx(stdscr, t->cursor_y, t->cursor_x);
	lines_free(&l);
}

static void reflect_draw(struct tui *t)
{
	struct lines l = {0};
	struct reflect r;
	char right[48];
	int q = page_question(t);

	snprintf(right, sizeof right, "reflectie %d/%d", t->phase + 1, last_page(t) + 1);
	tui_frame(t, t->play.sc->title, right, q >= 0
		  ? (t->play.done ? "al bewaard; PgDn verder, PgUp terug"
				  : FIELD_KEYS)
		  : "Enter of PgDn verder, PgUp terug, \xe2\x86\x91\xe2\x86\x93 scrollen");
	if (q >= 0) {
		page_question_draw(t, q);
		return;
	}
	reflect_build(&r, &t->play.s, t->play.fw, t->play.level);
	if (t->phase == PAGE_END)
		page_end(t, &l, (size_t)COLS - 4);
	else if (t->phase == PAGE_WHAT)
		page_what(t, &l, (size_t)COLS - 4, &r);
	else if (t->phase == PAGE_WHY)
		page_why(t, &l, (size_t)COLS - 4, &r);
	else
		lines_add(&l, t->have_play < 0
			  ? "Je reflectie is bewaard. Enter: stoppen."
			  : "Je reflectie is bewaard. Enter: terug naar het begin.",
			  (size_t)COLS - 4, 0, ROLE_GOOD, 0);
	lines_draw(&l, 2, 2, LINES - 3, COLS - 4, &t->top, 0);
	t->cursor_y = 2;
	t->cursor_x = 2;
	reflect_free(&r);
	lines_free(&l);
}

/* Go dir pages on. The field's text stays as a draft; arriving on the last
 * page closes the reflection (open drafts become answers). */
static void turn(struct tui *t, int dir)
{
	int to = t->phase + dir;

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
	t->phase = to;
	t->top = 0;
	load_field(t);
	reflect_save(t);
}

/* Save the field as the answer to question q, then go on. */
static void confirm(struct tui *t, int q)
{
	if (play_answer(&t->play, (size_t)q, buf_str(&t->field.text)) != 0) {
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
		enum input_result r = input_key(&t->field, ch, is_key);
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
};
