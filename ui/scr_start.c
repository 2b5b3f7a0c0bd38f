/*
 * scr_start: the screens before play: the first-run name and level, the
 * home screen (new conversation, the trainee's sessions), persona cards,
 * the scenarios of a persona, and the choice of mode.
 */
#include "tui.h"
#include "buf.h"
#include "commands.h"
#include "mem.h"
#include "path.h"
#include "persona.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

/* ---- first run: name, then level ---- */

static void name_enter(struct tui *t)
{
	t->phase = 0;
	t->field.multiline = 0;
	input_set(&t->field, t->ctx->cfg.name ? t->ctx->cfg.name : "");
	if (t->ctx->cfg.name_line)
		tui_notice(t, "De naam in %s (regel %d) kon niet gelezen "
			   "worden; typ hem opnieuw.", t->ctx->cfg.path,
			   t->ctx->cfg.name_line);
}

static const char *const level_text[3] = {
	"A: je informeert en verwijst, binnen scripts en content",
	"B: je begeleidt klanten door processen en overlegt intern",
	"C: je handelt complexe vragen af en legt externe contacten",
};

static void name_draw(struct tui *t)
{
	char ask[64];
	int i;

	tui_frame(t, "klantcoach: welkom", NULL,
		  t->phase ? "\xe2\x86\x91\xe2\x86\x93 kiezen, Enter bevestigen" : "Enter bevestigen, Esc stoppen");
	draw_text(2, 2, COLS - 4, "Welkom bij klantcoach. Dit vragen we maar één keer.", ROLE_TITLE);
	snprintf(ask, sizeof ask, "Wat is je naam? (hoogstens %d tekens)",
		 CONFIG_NAME_MAX);
	draw_text(4, 2, COLS - 4, ask, ROLE_NORMAL);
	draw_role(ROLE_DIM, 1);
	mvhline(6, 2, '_', COLS - 4);
	draw_role(ROLE_DIM, 0);
	if (t->phase == 0) {
		input_draw(&t->field, 5, 2, 1, COLS - 4);
		getyx(stdscr, t->cursor_y, t->cursor_x);
		return;
	}
	draw_text(5, 2, COLS - 4, buf_str(&t->field.text), ROLE_NORMAL);
	draw_text(8, 2, COLS - 4, "Wat is je functieniveau?", ROLE_NORMAL);
	for (i = 0; i < 3; i++)
		draw_text(10 + i, 4, COLS - 6, level_text[i], i == t->sel ? ROLE_SELECT : ROLE_NORMAL);
	t->cursor_y = 10 + t->sel;
	t->cursor_x = 4;
}

static enum request name_key(struct tui *t, enum request req, wint_t ch, int is_key)
{
	enum input_result r;

	if (t->phase == 1) {
		if (!is_key && ch >= 'a' && ch <= 'c')
			t->sel = (int)(ch - 'a');
		req = request_for(ch, is_key);
		if (req == REQ_ENTER) {
			t->ctx->cfg.level = (char)('A' + t->sel);
			if (cmd_save_identity(t->ctx) != 0)
				tui_notice(t, "Je naam en niveau zijn niet bewaard in %s; "
					   "je kunt wel spelen.", t->ctx->cfg.path);
			tui_go(t, SCR_HOME);
			return REQ_NONE;
		}
		if (req == REQ_QUIT || req == REQ_HELP)
			return req;
		tui_list_key(t, req, 3);
		return REQ_NONE;
	}
	if (req == REQ_HELP)
		return req;
	r = input_key(&t->field, ch, is_key);
	if (r == INPUT_CANCEL)
		return REQ_QUIT;
	if (r == INPUT_DONE) {
		char *clean;
		const char *why = config_name_check(buf_str(&t->field.text),
						    &clean);
		if (why) {
			tui_notice(t, "Let op: %s. Typ je naam opnieuw.", why);
			return REQ_NONE;
		}
		free(t->ctx->cfg.name);
		t->ctx->cfg.name = clean;
		t->phase = 1;
		t->sel = t->ctx->cfg.level ? t->ctx->cfg.level - 'A' : 1;
	}
	return REQ_NONE;
}

const struct screen_ops scr_name_ops = {
	.name = "naam", .enter = name_enter, .draw = name_draw, .key = name_key, .text = 1,
};

/* ---- home: new conversation and the trainee's sessions ---- */

/* Tell about feedback newer than the last visit, then remember the visit. */
static void new_feedback(struct tui *t, const char *dir)
{
	int fresh = sessionlist_new_feedback(&t->sessions, dir);

	if (fresh)
		tui_notice(t, "Nieuwe feedback van je coach bij %d sessie(s): open de sessie.", fresh);
}

static void home_enter(struct tui *t)
{
	struct diag d = {0};
	char *dir = path_join(t->ctx->data_dir, "sessions");

	if (t->have_play > 0) {	/* back home: close the session, free its lock */
		play_end(&t->play);
		t->have_play = 0;
	}
	sessionlist_free(&t->sessions);
	sessionlist_scan(&t->sessions, dir, &d);
	new_feedback(t, dir);
	diag_free(&d);
	free(dir);
}

static void home_draw(struct tui *t)
{
	struct lines l = {0};
	char right[160];
	size_t i;
	int row;

	snprintf(right, sizeof right, "%s, niveau %c", t->ctx->cfg.name, t->ctx->cfg.level);
	tui_frame(t, "klantcoach", right, "\xe2\x86\x91\xe2\x86\x93 kiezen, Enter openen, q stoppen");
	lines_add(&l, "Nieuw gesprek oefenen", (size_t)COLS - 4, 0, ROLE_NORMAL, 1);
	lines_blank(&l);
	lines_add(&l, t->sessions.n ? "Je sessies (nieuwste eerst):" : "Je hebt nog geen sessies.",
		  (size_t)COLS - 4, 0, ROLE_HEAD, 0);
	for (i = 0; i < t->sessions.n; i++) {
		const struct sessionlist_item *it = &t->sessions.v[i];
		const struct scenario *sc = it->scenario ? content_scenario(t->c, it->scenario) : NULL;
		struct buf b = {0};
		buf_printf(&b, "%.10s  %-14s %-10s %s%s%s%s", it->started ? it->started : "?",
			   sessionlist_status(it), sc ? sc->persona : "?", sc ? sc->title : it->id,
			   it->ending ? ", einde: " : "", it->ending ? it->ending : "",
			   it->nfeedback ? " [feedback]" : "");
		lines_add(&l, b.s, (size_t)COLS - 4, 0, ROLE_NORMAL, (int)i + 2);
		buf_free(&b);
	}
	row = lines_draw(&l, 2, 2, LINES - 4, COLS - 4, &t->top, t->sel + 1);
	t->cursor_y = row;
	t->cursor_x = 2;
	lines_free(&l);
}

static void open_session(struct tui *t, const struct sessionlist_item *it)
{
	struct diag d = {0};
	int ok;

	if (t->have_play > 0)
		play_end(&t->play);
	t->have_play = 0;
	if (it->stopped) {
		tui_notice(t, "Deze sessie is gestopt zonder resultaat en telt "
			   "niet mee; begin een nieuw gesprek.");
		return;
	}
	ok = !it->damaged &&
	     play_resume(&t->play, t->c, it->path, !it->done, &d) == 0;
	if (ok) {
		t->have_play = 1;
		tui_go(t, session_finished(&t->play.s) ? SCR_REFLECT : SCR_PLAY);
	}
	if (ok && d.n)	/* the last warning says what was repaired */
		tui_notice(t, "%s", d.v[d.n - 1].msg);
	else if (ok && t->play.note && !t->play.done)
		tui_notice(t, "%s", t->play.note);	/* an older version */
	else if (!ok) {
		char *msg = d.n ? diag_format(&d.v[0]) : mem_strdup("sessie is beschadigd");
		tui_notice(t, "%s", msg);
		free(msg);
	}
	diag_free(&d);
}

static enum request home_key(struct tui *t, enum request req, wint_t ch, int is_key)
{
	int count = (int)t->sessions.n + 1;

	(void)ch;
	(void)is_key;
	if (req == REQ_ENTER) {
		if (t->sel == 0)
			tui_go(t, SCR_PERSONA);
		else
			open_session(t, &t->sessions.v[t->sel - 1]);
		return REQ_NONE;
	}
	return tui_list_key(t, req, count);
}

const struct screen_ops scr_home_ops = {
	.name = "start", .enter = home_enter, .draw = home_draw, .key = home_key,
};

/* ---- persona cards ---- */

static void persona_card(struct lines *l, const struct persona *p, int tag, size_t w)
{
	struct buf b = {0};
	size_t i;

	buf_printf(&b, "%s, %d jaar. %s", p->name, p->age, p->household);
	lines_add(l, b.s, w, 0, ROLE_TITLE, tag);
	lines_add(l, p->situation, w, 2, ROLE_NORMAL, tag);
	buf_clear(&b);
	buf_add(&b, "Kanalen: ");
	for (i = 0; i < p->nchannels; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", p->channels[i]);
	lines_add(l, b.s, w, 2, ROLE_DIM, tag);
	buf_clear(&b);
	buf_add(&b, "Op het spel: ");
	for (i = 0; i < p->nneeds; i++)
		buf_printf(&b, "%s%s", i ? "; " : "", persona_need_name(p->needs[i]));
	lines_add(l, b.s, w, 2, ROLE_DIM, tag);
	lines_blank(l);
	buf_free(&b);
}

static void persona_draw(struct tui *t)
{
	struct lines l = {0};
	size_t i;

	tui_frame(t, "klantcoach: kies een klant", NULL,
		  "\xe2\x86\x91\xe2\x86\x93 kiezen, Enter verder, Esc terug");
	for (i = 0; i < t->c->npersonas; i++)
		persona_card(&l, &t->c->personas[i], (int)i + 1, (size_t)COLS - 4);
	t->cursor_y = lines_draw(&l, 2, 2, LINES - 4, COLS - 4, &t->top, t->sel + 1);
	t->cursor_x = 2;
	lines_free(&l);
}

static enum request persona_key(struct tui *t, enum request req, wint_t ch, int is_key)
{
	(void)ch;
	(void)is_key;
	if (req == REQ_ENTER) {
		t->persona = t->sel;
		tui_go(t, SCR_SCENARIO);
		return REQ_NONE;
	}
	if (req == REQ_BACK) {
		tui_go(t, SCR_HOME);
		return REQ_NONE;
	}
	return tui_list_key(t, req, (int)t->c->npersonas);
}

const struct screen_ops scr_persona_ops = {
	.name = "persona", .draw = persona_draw, .key = persona_key,
};

/* ---- scenarios of the chosen persona ---- */

/* Index in c->scs of the n-th scenario of the chosen persona, or -1. */
static int nth_scenario(const struct tui *t, int n)
{
	const char *id = t->c->personas[t->persona].id;
	size_t i;

	for (i = 0; i < t->c->nscs; i++)
		if (strcmp(t->c->scs[i].persona, id) == 0 && n-- == 0)
			return (int)i;
	return -1;
}

/* A scenario's content notice, on its card and before it starts. */
static void notice_line(struct lines *l, const struct scenario *sc, int tag)
{
	struct buf b = {0};

	buf_printf(&b, "Let op: %s", sc->notice);
	lines_add(l, b.s, (size_t)COLS - 4, 2, ROLE_BAD, tag);
	buf_free(&b);
}

static void scenario_draw(struct tui *t)
{
	struct lines l = {0};
	char title[160];
	int n, si;

	snprintf(title, sizeof title, "klantcoach: gesprekken met %s",
		 t->c->personas[t->persona].name);
	tui_frame(t, title, NULL, "\xe2\x86\x91\xe2\x86\x93 kiezen, Enter verder, Esc terug");
	for (n = 0; (si = nth_scenario(t, n)) >= 0; n++) {
		const struct scenario *sc = &t->c->scs[si];
		struct buf b = {0};
		buf_printf(&b, "%s  (%s, niveau %c, %zu stappen)", sc->title, sc->channel,
			   sc->level, sc->nsteps);
		lines_add(&l, b.s, (size_t)COLS - 4, 0, ROLE_TITLE, n + 1);
		lines_add(&l, sc->summary, (size_t)COLS - 4, 2, ROLE_NORMAL, n + 1);
		if (sc->notice)
			notice_line(&l, sc, n + 1);
		lines_blank(&l);
		buf_free(&b);
	}
	t->cursor_y = lines_draw(&l, 2, 2, LINES - 4, COLS - 4, &t->top, t->sel + 1);
	t->cursor_x = 2;
	lines_free(&l);
}

static enum request scenario_key(struct tui *t, enum request req, wint_t ch, int is_key)
{
	int count = 0;

	(void)ch;
	(void)is_key;
	while (nth_scenario(t, count) >= 0)
		count++;
	if (req == REQ_ENTER && count > 0) {
		t->scenario = nth_scenario(t, t->sel);
		tui_go(t, SCR_MODE);
		return REQ_NONE;
	}
	if (req == REQ_BACK) {
		tui_go(t, SCR_PERSONA);
		t->sel = t->persona;
		return REQ_NONE;
	}
	return tui_list_key(t, req, count);
}

const struct screen_ops scr_scenario_ops = {
	.name = "scenario", .draw = scenario_draw, .key = scenario_key,
};

/* ---- mode ---- */

static void mode_enter(struct tui *t)
{
	t->sel = t->ctx->cfg.mode == CONFIG_TOETS;
}

static void mode_draw(struct tui *t)
{
	struct lines l = {0};
	const struct scenario *sc = &t->c->scs[t->scenario];

	tui_frame(t, "klantcoach: oefenen of toets?", sc->title,
		  "\xe2\x86\x91\xe2\x86\x93 kiezen, Enter beginnen, Esc terug");
	lines_add(&l, "Oefenen", (size_t)COLS - 4, 0, ROLE_TITLE, 1);
	lines_add(&l, "Na elke keuze zie je hoe de klant reageert en waarom dat zo is. "
		  "Je mag een stap terug (t) om iets anders te proberen.", (size_t)COLS - 4, 2,
		  ROLE_NORMAL, 1);
	lines_blank(&l);
	lines_add(&l, "Toets", (size_t)COLS - 4, 0, ROLE_TITLE, 2);
	lines_add(&l, "Je ziet alleen de reactie van de klant. Geen uitleg en niet terug; "
		  "alles komt in de reflectie aan het eind.", (size_t)COLS - 4, 2, ROLE_NORMAL, 2);
	if (sc->notice) {
		lines_blank(&l);
		notice_line(&l, sc, 0);
		lines_add(&l, "Je kunt op elk moment stoppen met x; dan "
			  "telt de sessie niet mee.", (size_t)COLS - 4, 2,
			  ROLE_NORMAL, 0);
	}
	t->cursor_y = lines_draw(&l, 2, 2, LINES - 4, COLS - 4, &t->top, t->sel + 1);
	t->cursor_x = 2;
	lines_free(&l);
}

static enum request mode_key(struct tui *t, enum request req, wint_t ch, int is_key)
{
	(void)ch;
	(void)is_key;
	if (req == REQ_OPT1 || req == REQ_OPT2)
		t->sel = req == REQ_OPT2;
	if (req == REQ_ENTER || req == REQ_OPT1 || req == REQ_OPT2) {
		tui_start_play(t, (size_t)t->scenario, t->sel ? CONFIG_TOETS : CONFIG_OEFENEN);
		return REQ_NONE;
	}
	if (req == REQ_BACK) {
		tui_go(t, SCR_SCENARIO);
		return REQ_NONE;
	}
	return tui_list_key(t, req, 2);
}

const struct screen_ops scr_mode_ops = {
	.name = "modus", .enter = mode_enter, .draw = mode_draw, .key = mode_key,
};
