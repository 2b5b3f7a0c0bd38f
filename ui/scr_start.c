/*
 * scr_start: the screens before play: the first-run name and level, the
 * home screen (new conversation, the trainee's sessions), persona cards,
 * the scenarios of a persona, and the choice of mode. What they show are
 * startview documents (the scenario cards also in plain mode's picker).
 */
#include "tui.h"
#include "buf.h"
#include "commands.h"
#include "mem.h"
#include "path.h"
#include "startview.h"
#include "viewdraw.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

/* ---- first run: name, then level ---- */

struct name_state {
	int level;		/* the name is given, the level is asked */
	int settings;		/* opened from home, not the first run */
	struct input field;	/* the name being typed */
	char *name;		/* the checked name, stored with the level */
};

static struct name_state *nstate(const struct tui *t)
{
	return tui_private(t, SCR_NAME);
}

/* The picks on the way to a session, read by the next screens. */
struct pick_state {
	int persona, scenario;	/* indices in the content */
};

static struct pick_state *picks(const struct tui *t)
{
	return tui_private(t, SCR_PERSONA);
}

void tui_begin(struct tui *t)
{
	size_t i;

	if (t->start == NULL) {
		tui_go(t, SCR_HOME);
		return;
	}
	picks(t)->scenario = (int)(t->start - t->c->scs);
	for (i = 0; i < t->c->npersonas; i++)
		if (strcmp(t->c->personas[i].id, t->start->persona) == 0)
			picks(t)->persona = (int)i;
	tui_go(t, SCR_MODE);	/* also where a failed start stays */
	if (t->ctx->a.mode && t->start->notice == NULL)	/* else read it */
		tui_start_play(t, (size_t)picks(t)->scenario,
			       t->ctx->cfg.mode);
}

/* The cursor on screen row y of the selection (-1: not in view). */
static void list_cursor(struct tui *t, int y)
{
	t->cursor_y = y < 0 ? 2 : y;
	t->cursor_x = 2;
}

/* Draw the document v from row 2 with the list selection kept in view. */
static void draw_list(struct tui *t, struct view *v)
{
	list_cursor(t, viewdraw(v, 2, 2, LINES - 4, COLS - 4, &t->top,
				t->sel + 1, 0));
	view_free(v);
}

static void name_enter(struct tui *t)
{
	struct name_state *ns = nstate(t);

	ns->level = 0;
	ns->field.multiline = 0;
	t->focus = &ns->field;
	input_set(&ns->field, t->ctx->cfg.name ? t->ctx->cfg.name : "");
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

static void name_cleanup(struct tui *t)
{
	input_free(&nstate(t)->field);
	free(nstate(t)->name);
	nstate(t)->name = NULL;
}

static void name_draw(struct tui *t)
{
	struct name_state *ns = nstate(t);
	struct view v = {0};
	char ask[64];
	int i;

	tui_frame(t, ns->settings ? "klantcoach: instellingen"
		  : "klantcoach: welkom", NULL);
	draw_text(2, 2, COLS - 4, ns->settings ? "Je naam en niveau "
		  "wijzigen. Esc gaat terug zonder iets te wijzigen."
		  : "Welkom bij klantcoach. Dit vragen we maar één keer.",
		  ROLE_TITLE);
	snprintf(ask, sizeof ask, "Wat is je naam? (hoogstens %d tekens)",
		 CONFIG_NAME_MAX);
	draw_text(4, 2, COLS - 4, ask, ROLE_NORMAL);
	draw_role(ROLE_DIM, 1);
	mvhline(6, 2, '_', COLS - 4);
	draw_role(ROLE_DIM, 0);
	if (ns->level == 0) {
		input_draw(&ns->field, 5, 2, 1, COLS - 4);
		getyx(stdscr, t->cursor_y, t->cursor_x);
		return;
	}
	draw_text(5, 2, COLS - 4, buf_str(&ns->field.text), ROLE_NORMAL);
	view_add(&v, VIEW_HEADING, 0, "Wat is je functieniveau?");
	for (i = 0; i < 3; i++)
		view_option(&v, i + 1, level_text[i]);
	t->cursor_y = viewdraw(&v, 8, 2, LINES - 9, COLS - 4, &t->top,
			       t->sel + 1, 0);
	t->cursor_x = 2;
	view_free(&v);
}

static const struct keymap_entry *name_keymap(const struct tui *t)
{
	static const struct keymap_entry name[] = {
		{REQ_FIELD_DONE, "bevestigen"},
		{REQ_FIELD_CANCEL, "stoppen"},
		{REQ_NONE, NULL},
	}, change[] = {
		{REQ_FIELD_DONE, "bevestigen"},
		{REQ_FIELD_CANCEL, "terug"},
		{REQ_NONE, NULL},
	}, level[] = {
		{REQ_UP, "kiezen"}, {REQ_DOWN, "kiezen"},
		{REQ_CHOICE_A, "kiezen"}, {REQ_CHOICE_B, "kiezen"},
		{REQ_CHOICE_C, "kiezen"},
		{REQ_ENTER, "bevestigen"}, {REQ_BACK, "naam"},
		{REQ_NONE, NULL},
	};

	if (nstate(t)->level)
		return level;
	return nstate(t)->settings ? change : name;
}

/* Store the checked name and the chosen level, then go on: home after
 * the settings, else where the start leads. */
static void name_level(struct tui *t)
{
	struct name_state *ns = nstate(t);
	int saved;

	free(t->ctx->cfg.name);
	t->ctx->cfg.name = ns->name;
	ns->name = NULL;
	t->ctx->cfg.level = (char)('A' + t->sel);
	saved = cmd_save_identity(t->ctx) == 0;
	if (ns->settings)
		tui_go(t, SCR_HOME);
	else
		tui_begin(t);
	if (!saved)
		tui_notice(t, "Je naam en niveau zijn niet bewaard in %s; "
			   "je kunt wel spelen.", t->ctx->cfg.path);
	else if (ns->settings)
		tui_notice(t, "Bewaard: %s, niveau %c.", t->ctx->cfg.name,
			   t->ctx->cfg.level);
}

/* Esc at the level asks the name again. */
static void name_again(struct tui *t)
{
	struct name_state *ns = nstate(t);

	ns->level = 0;
	t->focus = &ns->field;
}

static void name_done(struct tui *t)
{
	struct name_state *ns = nstate(t);
	char *clean;
	const char *why = config_name_check(buf_str(&ns->field.text), &clean);

	if (why) {
		tui_notice(t, "Let op: %s. Typ je naam opnieuw.", why);
		return;
	}
	free(ns->name);
	ns->name = clean;
	ns->level = 1;
	t->focus = NULL;
	t->sel = t->ctx->cfg.level ? t->ctx->cfg.level - 'A' : 1;
}

static enum request name_key(struct tui *t, enum request req)
{
	switch (req) {
	case REQ_FIELD_CANCEL:
		if (!nstate(t)->settings)
			return REQ_QUIT;
		tui_go(t, SCR_HOME);
		break;
	case REQ_BACK: name_again(t); break;
	case REQ_FIELD_DONE: name_done(t); break;
	case REQ_CHOICE_A: case REQ_CHOICE_B: case REQ_CHOICE_C:
		t->sel = (int)(req - REQ_CHOICE_A);
		break;
	case REQ_ENTER: name_level(t); break;
	default:
		return nstate(t)->level ? tui_list_key(t, req, 3) : req;
	}
	return REQ_NONE;
}

const struct screen_ops scr_name_ops = {
	.name = "naam", .enter = name_enter, .draw = name_draw,
	.keymap = name_keymap, .key = name_key,
	.private_size = sizeof(struct name_state), .cleanup = name_cleanup,
};

/* ---- home: new conversation and the trainee's sessions ---- */

struct home_state {
	struct sessionlist l;	/* read on entry */
	struct startview_sessions rows;
	struct view_list list;	/* measured on entry, drawn a window at a
				   time */
};

static struct home_state *hstate(const struct tui *t)
{
	return tui_private(t, SCR_HOME);
}

static struct sessionlist *sessions(const struct tui *t)
{
	return &hstate(t)->l;
}

/* Tell about feedback newer than the last visit, then remember the visit. */
static void new_feedback(struct tui *t, const char *dir)
{
	int fresh = sessionlist_new_feedback(sessions(t), dir);

	if (fresh)
		tui_notice(t, "Nieuwe feedback van je coach bij %d sessie(s): open de sessie.", fresh);
}

/* The list to draw: the new conversation, then the sessions read. */
static void home_list(struct tui *t)
{
	struct home_state *hs = hstate(t);

	view_list_free(&hs->list);
	startview_home_head(&hs->list.head, &hs->l);
	hs->rows = (struct startview_sessions){t->c, &hs->l};
	hs->list.n = hs->l.n;
	hs->list.tag0 = 2;
	hs->list.rows = startview_home_rows;
	hs->list.ctx = &hs->rows;
	view_list_measure(&hs->list);
}

static void home_enter(struct tui *t)
{
	struct diag d = {0};
	char *dir = path_join(t->ctx->data_dir, "sessions");

	if (t->have_play > 0) {	/* back home: close the session, free its lock */
		play_end(&t->play);
		t->have_play = 0;
	}
	sessionlist_free(sessions(t));
	sessionlist_scan(sessions(t), dir, &d);
	new_feedback(t, dir);
	diag_free(&d);
	free(dir);
	home_list(t);
}

static void home_cleanup(struct tui *t)
{
	sessionlist_free(sessions(t));
	view_list_free(&hstate(t)->list);
}

static void home_draw(struct tui *t)
{
	struct view_list *l = &hstate(t)->list;
	char right[160];

	snprintf(right, sizeof right, "%s, niveau %c", t->ctx->cfg.name, t->ctx->cfg.level);
	tui_frame(t, "klantcoach", right);
	view_free(&l->tail);
	cmd_sync_waiting(t->ctx, &l->tail);
	list_cursor(t, viewdraw_list(l, 2, 2, LINES - 4, COLS - 4, &t->top,
				     t->sel + 1));
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

/* The keys of the list screens before play; Enter says what it does;
 * more is one more request (REQ_NONE for none). */
#define LIST_KEYMAP(enter, back, more, more_hint) { \
	{REQ_UP, "kiezen"}, {REQ_DOWN, "kiezen"}, \
	{REQ_PGUP, NULL}, {REQ_PGDN, NULL}, {REQ_HOME, NULL}, {REQ_END, NULL}, \
	{REQ_ENTER, enter}, {back, back == REQ_QUIT ? "stoppen" : "terug"}, \
	{more, more_hint}, {REQ_NONE, NULL} }

static const struct keymap_entry *home_keymap(const struct tui *t)
{
	static const struct keymap_entry km[] = LIST_KEYMAP("openen", REQ_QUIT,
		REQ_SETTINGS, "instellingen");

	(void)t;
	return km;
}

static enum request home_key(struct tui *t, enum request req)
{
	int count = (int)sessions(t)->n + 1;

	if (req == REQ_ENTER) {
		if (t->sel == 0)
			tui_go(t, SCR_PERSONA);
		else
			open_session(t, &sessions(t)->v[t->sel - 1]);
		return REQ_NONE;
	}
	if (req == REQ_SETTINGS) {
		nstate(t)->settings = 1;
		tui_go(t, SCR_NAME);
		return REQ_NONE;
	}
	return tui_list_key(t, req, count);
}

const struct screen_ops scr_home_ops = {
	.name = "start", .enter = home_enter, .draw = home_draw,
	.keymap = home_keymap, .key = home_key,
	.private_size = sizeof(struct home_state), .cleanup = home_cleanup,
};

/* ---- persona cards ---- */

static void persona_draw(struct tui *t)
{
	struct view v = {0};
	size_t i;

	tui_frame(t, "klantcoach: kies een klant", NULL);
	for (i = 0; i < t->c->npersonas; i++)
		startview_persona(&v, &t->c->personas[i], (int)i + 1);
	draw_list(t, &v);
}

/* Persona and scenario: Enter goes on, Esc back. */
static const struct keymap_entry *pick_keymap(const struct tui *t)
{
	static const struct keymap_entry km[] = LIST_KEYMAP("verder", REQ_BACK,
		REQ_NONE, NULL);

	(void)t;
	return km;
}

static enum request persona_key(struct tui *t, enum request req)
{
	if (req == REQ_ENTER) {
		picks(t)->persona = t->sel;
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
	.name = "persona", .draw = persona_draw, .keymap = pick_keymap,
	.key = persona_key,
	.private_size = sizeof(struct pick_state),
};

/* ---- scenarios of the chosen persona ---- */

/* Index in c->scs of the n-th scenario of the chosen persona, or -1. */
static int nth_scenario(const struct tui *t, int n)
{
	const struct scenario *sc = content_persona_scenario(t->c,
		t->c->personas[picks(t)->persona].id, (size_t)n);

	return sc ? (int)(sc - t->c->scs) : -1;
}

/* The cursor starts on the first scenario at the trainee's level. */
static void scenario_enter(struct tui *t)
{
	int n, si;

	for (n = 0; (si = nth_scenario(t, n)) >= 0; n++)
		if (t->c->scs[si].level == t->ctx->cfg.level) {
			t->sel = n;
			return;
		}
}

static void scenario_draw(struct tui *t)
{
	struct view v = {0};
	char title[160];
	int n, si;

	snprintf(title, sizeof title, "klantcoach: gesprekken met %s",
		 t->c->personas[picks(t)->persona].name);
	tui_frame(t, title, NULL);
	for (n = 0; (si = nth_scenario(t, n)) >= 0; n++)
		startview_scenario(&v, &t->c->scs[si], n + 1,
				   t->ctx->cfg.level);
	draw_list(t, &v);
}

static enum request scenario_key(struct tui *t, enum request req)
{
	int count = 0;

	while (nth_scenario(t, count) >= 0)
		count++;
	if (req == REQ_ENTER && count > 0) {
		picks(t)->scenario = nth_scenario(t, t->sel);
		tui_go(t, SCR_MODE);
		return REQ_NONE;
	}
	if (req == REQ_BACK) {
		tui_go(t, SCR_PERSONA);
		t->sel = picks(t)->persona;
		return REQ_NONE;
	}
	return tui_list_key(t, req, count);
}

const struct screen_ops scr_scenario_ops = {
	.name = "scenario", .enter = scenario_enter, .draw = scenario_draw,
	.keymap = pick_keymap,
	.key = scenario_key,
};

/* ---- mode ---- */

static void mode_enter(struct tui *t)
{
	t->sel = t->ctx->cfg.mode == CONFIG_TOETS;
}

static void mode_draw(struct tui *t)
{
	const struct scenario *sc = &t->c->scs[picks(t)->scenario];
	struct view v = {0};

	tui_frame(t, "klantcoach: oefenen of toets?", sc->title);
	startview_mode(&v, sc);
	draw_list(t, &v);
}

static const struct keymap_entry *mode_keymap(const struct tui *t)
{
	static const struct keymap_entry km[] = {
		{REQ_UP, "kiezen"}, {REQ_DOWN, "kiezen"},
		{REQ_OPT1, NULL}, {REQ_OPT2, NULL},
		{REQ_ENTER, "beginnen"}, {REQ_BACK, "terug"},
		{REQ_NONE, NULL},
	};

	(void)t;
	return km;
}

static enum request mode_key(struct tui *t, enum request req)
{
	if (req == REQ_OPT1 || req == REQ_OPT2)
		t->sel = req == REQ_OPT2;
	if (req == REQ_ENTER || req == REQ_OPT1 || req == REQ_OPT2) {
		tui_start_play(t, (size_t)picks(t)->scenario, t->sel ? CONFIG_TOETS : CONFIG_OEFENEN);
		return REQ_NONE;
	}
	if (req == REQ_BACK) {	/* back on the scenario chosen */
		int n = 0, si;
		tui_go(t, SCR_SCENARIO);
		while ((si = nth_scenario(t, n)) >= 0 &&
		       si != picks(t)->scenario)
			n++;
		if (si >= 0)
			t->sel = n;
		return REQ_NONE;
	}
	return tui_list_key(t, req, 2);
}

const struct screen_ops scr_mode_ops = {
	.name = "modus", .enter = mode_enter, .draw = mode_draw,
	.keymap = mode_keymap, .key = mode_key,
};
