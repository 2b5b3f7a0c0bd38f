/*
 * tui: terminal set-up and tear-down, the main loop, the help overlay, the
 * stop dialog, the too-small notice and the one resize path.
 */
#include "tui.h"
#include "buf.h"
#include "commands.h"
#include "mem.h"
#include "path.h"
#include "sig.h"
#include "text.h"
#include "viewdraw.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct screen_ops *const screens[SCR_COUNT] = {
	[SCR_NAME] = &scr_name_ops,
	[SCR_HOME] = &scr_home_ops,
	[SCR_PERSONA] = &scr_persona_ops,
	[SCR_SCENARIO] = &scr_scenario_ops,
	[SCR_MODE] = &scr_mode_ops,
	[SCR_PLAY] = &scr_play_ops,
	[SCR_REFLECT] = &scr_reflect_ops,
	[SCR_REVIEW] = &scr_review_ops,
	[SCR_PAGE] = &scr_page_ops,
	[SCR_FEEDBACK] = &scr_feedback_ops,
	[SCR_REPLAY] = &scr_replay_ops,
};

/* Refuse terminals and locales we cannot draw on, with what to do. */
static int terminal_ok(void)
{
	const char *term = getenv("TERM"), *cs = nl_langinfo(CODESET);

	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0) {
		fprintf(stderr, "klantcoach: deze terminal (TERM=%s) kan geen schermen "
			"tonen; gebruik --plain\n", term && *term ? term : "");
		return 0;
	}
	if (cs == NULL || (strcmp(cs, "UTF-8") != 0 && strcmp(cs, "utf8") != 0)) {
		const char *lang = getenv("LC_ALL");
		if (!lang || !*lang)
			lang = getenv("LANG");
		fprintf(stderr, "klantcoach: de tekenset is %s (LANG/LC_ALL=%s), geen UTF-8; "
			"zet bijvoorbeeld LANG=nl_NL.UTF-8 of LANG=C.UTF-8, of gebruik --plain\n",
			cs ? cs : "onbekend", lang && *lang ? lang : "leeg");
		return 0;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("klantcoach: geen terminal; gebruik --plain voor scripts "
		      "en schermlezers\n", stderr);
		return 0;
	}
	return 1;
}

/* Out of memory: put the terminal back before the message (mem_on_fail). */
static void curses_stop(void)
{
	endwin();
}

/* Clicks and the wheel, unless [scherm] muis = nee. */
static void mouse_start(int mouse)
{
	if (!mouse)
		return;
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
		  BUTTON5_PRESSED, NULL);
	mouseinterval(0);	/* a press acts at once */
}

/* Home and End as tmux, screen and the Linux console send them, also
 * where terminfo does not list them (xterm's entry inside tmux): an
 * unknown sequence would read as Esc and three typed characters. */
static void home_end_keys(void)
{
	define_key("\033[1~", KEY_HOME);
	define_key("\033[4~", KEY_END);
	define_key("\033[H", KEY_HOME);
	define_key("\033[F", KEY_END);
}

static int curses_start(int colour, int mouse)
{
	if (newterm(NULL, stdout, stdin) == NULL) {
		fprintf(stderr, "klantcoach: kan terminal '%s' niet gebruiken; gebruik --plain\n",
			getenv("TERM"));
		return -1;
	}
	mem_on_fail(curses_stop);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	home_end_keys();
	set_escdelay(25);
	timeout(250);
	mouse_start(mouse);
	draw_init(colour);
	return 0;
}

/* Let the screen write what it holds but has not stored yet. */
static void save(struct tui *t)
{
	if (screens[t->scr]->save)
		screens[t->scr]->save(t);
}

void *tui_private(const struct tui *t, enum screen_id s)
{
	return t->private[s];
}

void tui_go(struct tui *t, enum screen_id s)
{
	save(t);
	t->focus = NULL;
	t->scr = s;
	t->sel = t->top = 0;
	t->dirty = 1;
	if (screens[s]->enter)
		screens[s]->enter(t);
}

void tui_notice(struct tui *t, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(t->message);
	t->message = buf_take(&b);
	t->dirty = 1;
}

#define KEYMAP_MAX (2 * REQ_COUNT)

static int keymap_has(const struct keymap_entry *km, int n, enum request r)
{
	while (n-- > 0)
		if (km[n].req == r)
			return 1;
	return 0;
}

static int keymap_add(struct keymap_entry *km, int n,
		      const struct keymap_entry *from)
{
	for (; from->req != REQ_NONE && n < KEYMAP_MAX - 1; from++)
		if (!keymap_has(km, n, from->req))
			km[n++] = *from;
	return n;
}

/* Leave out what no key asks for here (q in a text field types a q). */
static void drop_unreachable(struct keymap_entry *km, int field)
{
	int i, n = 0;

	for (i = 0; km[i].req != REQ_NONE; i++)
		if (request_label(km, km[i].req, field))
			km[n++] = km[i];
	km[n] = km[i];
}

/* The keymap of the screen in its state now: the entries it offers, then
 * those of a focused text field, then the generic ones. */
static void current_keymap(const struct tui *t, struct keymap_entry *km)
{
	const struct screen_ops *s = screens[t->scr];
	const struct keymap_entry *e;
	int n = 0;

	for (e = s->keymap(t); e->req != REQ_NONE && n < KEYMAP_MAX - 1; e++)
		if (!s->offers || s->offers(t, e->req))
			km[n++] = *e;
	if (t->focus)
		n = keymap_add(km, n, input_keymap(t->focus));
	n = keymap_add(km, n, request_generic);
	km[n].req = REQ_NONE;
	km[n].hint = NULL;
	drop_unreachable(km, t->focus != NULL);
}

/* Where the footer drawn last shows which key, for clicks on it. */
static struct footer_map footer;

/* Keep the spans of the n columns of the footer's hints shown whole and
 * the help at column help_x, as screen columns. */
static void footer_spans(int n, int help_x, const char *help)
{
	int i, k = 0;

	for (i = 0; i < footer.n; i++)
		if (footer.v[i].to <= n) {
			footer.v[k] = footer.v[i];
			footer.v[k].from++;	/* the bar starts at column 1 */
			footer.v[k++].to++;
		}
	footer.n = k;
	if (k < FOOTER_SPANS_MAX)
		footer.v[footer.n++] = (struct footer_span){
			help_x, help_x + (int)text_width(help), REQ_HELP};
}

void tui_frame(struct tui *t, const char *title, const char *right)
{
	struct keymap_entry km[KEYMAP_MAX];
	struct buf hints = {0}, help = {0};
	int whole;

	current_keymap(t, km);
	footer.n = 0;
	request_footer(km, t->focus != NULL, &hints, &footer);
	buf_printf(&help, "%s hulp",
		   request_label(km, REQ_HELP, t->focus != NULL));
	draw_bar(0, title, right ? right : "");
	whole = draw_bar(LINES - 1, t->message ? t->message : buf_str(&hints),
			 help.s);
	footer_spans(t->message ? 0 : whole,
		     COLS - (int)text_width(help.s) - 1, help.s);
	buf_free(&hints);
	buf_free(&help);
}

enum request tui_list_key(struct tui *t, enum request req, int count)
{
	switch (req) {
	case REQ_UP: t->sel = t->sel > 0 ? t->sel - 1 : 0; break;
	case REQ_DOWN: t->sel = t->sel + 1 < count ? t->sel + 1 : t->sel; break;
	case REQ_PGUP: t->sel = t->sel > 5 ? t->sel - 5 : 0; break;
	case REQ_PGDN: t->sel = t->sel + 5 < count ? t->sel + 5 : count - 1; break;
	case REQ_HOME: t->sel = 0; break;
	case REQ_END: t->sel = count > 0 ? count - 1 : 0; break;
	default: return req;
	}
	if (t->sel == 0)	/* what comes before the first choice too */
		t->top = 0;
	else if (t->sel == count - 1)	/* and after the last (clamped) */
		t->top = INT_MAX / 2;
	t->dirty = 1;
	return REQ_NONE;
}

static void draw_box(int h, int w, int *y, int *x)
{
	int i;

	*y = (LINES - h) / 2;
	*x = (COLS - w) / 2;
	draw_role(ROLE_BAR, 1);
	for (i = 0; i < h; i++)
		mvhline(*y + i, *x, ' ', w);
	draw_role(ROLE_BAR, 0);
}

/* The keys of the screen in its state now, with what they do. */
static void draw_help(const struct tui *t)
{
	struct keymap_entry km[KEYMAP_MAX];
	int n, i, y, x, w = COLS - 4 < 64 ? COLS - 4 : 64, h, top;
	int field = t->focus != NULL;

	current_keymap(t, km);
	for (n = 0; km[n].req != REQ_NONE; n++)
		;
	top = field ? 5 : 3;
	h = n + top + 1 < LINES - 2 ? n + top + 1 : LINES - 2;
	draw_box(h, w, &y, &x);
	draw_text(y + 1, x + 2, w - 4, "Toetsen (een toets om dit te sluiten)", ROLE_BAR);
	if (field) {
		draw_text(y + 2, x + 2, w - 4, "Je typt in een tekstveld: "
			  "ook ? en q komen in de tekst.", ROLE_BAR);
		draw_text(y + 3, x + 2, w - 4, "Pijlen, Home en End bewegen de "
			  "cursor.", ROLE_BAR);
	}
	for (i = 0; i < n && i < h - top - 1; i++) {
		struct buf keys = {0};
		request_labels(km, km[i].req, field, &keys);
		draw_text(y + top + i, x + 2, 21, buf_str(&keys), ROLE_BAR);
		draw_text(y + top + i, x + 24, w - 26, request_help(km[i].req),
			  ROLE_BAR);
		buf_free(&keys);
	}
}

static void draw_confirm(const struct tui *t)
{
	int y, x, w = COLS - 4 < 56 ? COLS - 4 : 56;

	draw_box(5, w, &y, &x);
	draw_text(y + 1, x + 2, w - 4, t->scr == SCR_REFLECT && !t->play.done
		  ? "Stoppen? Je tekst blijft bewaard als concept;"
		  : "Stoppen? Je keuzes zijn bewaard;", ROLE_BAR);
	draw_text(y + 2, x + 2, w - 4, "later ga je verder waar je was.", ROLE_BAR);
	draw_text(y + 3, x + 2, w - 4, "j = stoppen, een andere toets = doorgaan", ROLE_BAR);
}

static void draw_too_small(void)
{
	char now[32], min[32];
	const char *rows[] = {"Venster te klein", now, min, "q = stoppen"};
	int i;

	snprintf(now, sizeof now, "nu %dx%d", COLS, LINES);
	snprintf(min, sizeof min, "minstens %dx%d", TUI_MIN_COLS, TUI_MIN_LINES);
	for (i = 0; i < 4 && i < LINES; i++)
		mvaddnstr(i, 0, rows[i], COLS);
}

static int too_small(void)
{
	return COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES;
}

static void draw_all(struct tui *t)
{
	erase();
	viewdraw_hits_clear();
	footer.n = 0;
	t->cursor_y = t->cursor_x = -1;
	if (too_small()) {
		draw_too_small();
	} else {
		screens[t->scr]->draw(t);
		if (t->help)
			draw_help(t);
		if (t->confirm_quit)
			draw_confirm(t);
	}
	if (t->cursor_y >= 0 && !t->help && !t->confirm_quit) {
		curs_set(t->focus ? 1 : 0);
		move(t->cursor_y, t->cursor_x > 0 ? t->cursor_x : 0);
	} else {
		curs_set(0);
	}
	refresh();
	t->dirty = 0;
}

static void generic(struct tui *t, enum request req)
{
	switch (req) {
	case REQ_HELP: t->help = 1; break;
	case REQ_REDRAW: clearok(stdscr, TRUE); break;
	case REQ_QUIT:
		if (screens[t->scr]->confirm_quit)
			t->confirm_quit = 1;
		else
			t->quit = 1;
		break;
	default: break;
	}
	t->dirty = 1;
}

/* A mouse event as a request of keymap km: the wheel moves up or down, a
 * click on a row of a list selects it and asks for Enter, a click on a
 * key or hint in the footer asks for its request. */
static enum request mouse_request(struct tui *t,
				  const struct keymap_entry *km)
{
	MEVENT ev;
	enum request req = REQ_NONE;
	int tag = 0;

	if (getmouse(&ev) != OK)
		return REQ_NONE;
	if (ev.bstate & BUTTON4_PRESSED)
		req = REQ_UP;
	else if (ev.bstate & BUTTON5_PRESSED)
		req = REQ_DOWN;
	else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED) &&
		 (tag = viewdraw_hit(ev.y, ev.x)) > 0)
		req = REQ_ENTER;
	else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED) &&
		 ev.y == LINES - 1)
		req = request_footer_at(&footer, ev.x);
	if (req == REQ_NONE ||
	    request_label(km, req, t->focus != NULL) == NULL)
		return REQ_NONE;
	if (tag > 0)
		t->sel = tag - 1;
	return req;
}

static void handle_key(struct tui *t, wint_t ch, int is_key)
{
	struct keymap_entry km[KEYMAP_MAX];
	enum request req;

	current_keymap(t, km);
	req = is_key && ch == KEY_MOUSE ? mouse_request(t, km)
		: request_for(km, ch, is_key, t->focus != NULL);
	if (is_key && ch == KEY_MOUSE && req == REQ_NONE)
		return;
	if (is_key && ch == KEY_MOUSE && req == REQ_FIELD_NEWLINE) {
		ch = '\n';	/* a click on "Enter nieuwe regel" */
		is_key = 0;
	}
	t->dirty = 1;
	if (req == REQ_RESIZE)
		return;
	if (t->message && t->focus == NULL) {
		free(t->message);
		t->message = NULL;
	}
	if (too_small()) {
		t->quit = !is_key && ch == 'q';
		return;
	}
	if (t->help || t->confirm_quit) {
		t->quit = t->confirm_quit && !is_key && (ch == 'j' || ch == 'y');
		t->help = t->confirm_quit = 0;
		return;
	}
	if (t->focus && (req == REQ_NONE || req == REQ_FIELD_NEWLINE)) {
		if (input_key(t->focus, ch, is_key) != INPUT_EDITED)
			return;
		req = REQ_FIELD_EDIT;
	}
	if (req == REQ_NONE)
		return;
	req = screens[t->scr]->key(t, req);
	if (req != REQ_NONE)
		generic(t, req);
}

/* Ctrl-C asks first where q does; pressed again in the dialog it stops. */
static void interrupt(struct tui *t)
{
	if (t->confirm_quit)
		t->quit = 1;
	else
		generic(t, REQ_QUIT);
}

/* The terminal is gone (its window closed) without a SIGHUP reaching us,
 * e.g. when we are not in its session: every read fails at once then, and
 * waiting for keys would only spin. */
static int terminal_gone(void)
{
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};

	return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

/* A session's end (the reflection done, or quitting) hands it to the LRS
 * sync in the background, once. */
static void sync_finished(struct tui *t)
{
	if (t->have_play && (t->play.done || t->quit) && !t->synced) {
		t->synced = 1;
		cmd_sync_later(t->ctx);
	}
}

static int loop(struct tui *t)
{
	wint_t ch;
	int r;

	t->dirty = 1;
	while (!t->quit) {
		if (sig_take(SIGINT))
			interrupt(t);
		if (t->quit || sig_caught())
			break;
		if (t->dirty)
			draw_all(t);
		r = get_wch(&ch);
		if (r == ERR && terminal_gone()) {
			raise(SIGHUP);	/* as if it hung up (see main) */
			break;		/* drafts are saved below */
		}
		if (r == ERR)
			save(t);	/* typing paused (or a signal came) */
		else
			handle_key(t, ch, r == KEY_CODE_YES);
		sync_finished(t);
	}
	save(t);
	mem_on_fail(NULL);
	endwin();
	return EXIT_OK;
}

static void tui_free(struct tui *t)
{
	int s;

	for (s = 0; s < SCR_COUNT; s++) {
		if (t->private[s] && screens[s]->cleanup)
			screens[s]->cleanup(t);
		free(t->private[s]);
	}
	free(t->message);
}

/* A config file with problems (config_load): said on the first screen,
 * since the screens cover what was printed before them. */
static void config_notice(struct tui *t)
{
	const struct config *cfg = &t->ctx->cfg;

	if (cfg->bad_line > 0)
		tui_notice(t, "Let op: regel %d van %s is niet gelezen; de "
			   "standaard geldt. Herstellen: zie na het afsluiten.",
			   cfg->bad_line, cfg->path);
	else if (cfg->bad_line < 0)
		tui_notice(t, "Let op: %s is niet gelezen; de standaard geldt. "
			   "Herstellen: zie na het afsluiten.", cfg->path);
}

/* After the screens are gone: how to repair the config file, and the
 * command that goes on from the session left open, with its id. */
static void quit_notice(const struct tui *t)
{
	char *id;

	if (t->ctx->cfg.bad_line) {
		char *how = config_repair(&t->ctx->cfg);
		char *safe = text_sanitize(how, strlen(how), 0);
		printf("Je instellingen zijn niet (helemaal) gelezen: %s\n", safe);
		free(safe);
		free(how);
	}
	if (t->have_play == 0 || t->play.stopped)
		return;
	id = play_id(&t->play);
	if (t->play.done)
		printf("Je reflectie is bewaard. Terugkijken: klantcoach show "
		       "%s\n", id);
	else
		printf("Gestopt. Je keuzes zijn bewaard. Verder spelen: "
		       "klantcoach resume %s\n", id);
	free(id);
}

/* Set the terminal up, run the loop from screen first (SCR_HOME: where
 * tui_begin leads), restore it. The caller has filled t; what t owns is
 * freed here, borrowed parts are not. */
static int run(struct tui *t, enum screen_id first)
{
	int rc, s;

	if (!terminal_ok())
		return EXIT_BAD;
	sig_catch(0);
	if (curses_start(t->ctx->cfg.colour, !t->ctx->cfg.no_mouse) != 0)
		return EXIT_BAD;
	for (s = 0; s < SCR_COUNT; s++)
		if (screens[s]->private_size)
			t->private[s] = mem_calloc(1, screens[s]->private_size);
	if (first == SCR_HOME)
		tui_begin(t);
	else
		tui_go(t, first);
	if (t->message == NULL)
		config_notice(t);
	rc = loop(t);
	quit_notice(t);
	if (t->have_play > 0)
		play_end(&t->play);
	tui_free(t);
	return rc;
}

static void init(struct tui *t, struct cli_ctx *ctx, struct content *c)
{
	memset(t, 0, sizeof *t);
	t->ctx = ctx;
	t->c = c;
}

int tui_main(struct cli_ctx *ctx, struct content *c,
	     const struct scenario *sc)
{
	struct tui t;

	init(&t, ctx, c);
	t.start = sc;
	return run(&t, ctx->cfg.name && ctx->cfg.level ? SCR_HOME : SCR_NAME);
}

int tui_review(struct cli_ctx *ctx, struct content *c, struct review *r)
{
	struct tui t;

	init(&t, ctx, c);
	t.review = r;
	return run(&t, SCR_REVIEW);
}

int tui_replay(struct cli_ctx *ctx, struct content *c, struct intervisie *iv)
{
	struct tui t;

	init(&t, ctx, c);
	t.iv = iv;
	return run(&t, SCR_REPLAY);
}

int tui_resume(struct cli_ctx *ctx, struct content *c, struct play *p)
{
	struct tui t;
	int rc;

	init(&t, ctx, c);
	t.play = *p;
	t.have_play = -1;	/* borrowed: the caller ends it */
	if (p->note)
		tui_notice(&t, "%s", p->note);
	rc = run(&t, session_finished(&p->s) ? SCR_REFLECT : SCR_PLAY);
	*p = t.play;
	return rc;
}

int tui_start_play(struct tui *t, size_t si, enum config_mode mode)
{
	struct diag d = {0};
	char *dir = path_join(t->ctx->data_dir, "sessions");
	int rc;

	if (t->have_play > 0)
		play_end(&t->play);
	t->have_play = 0;
	t->synced = 0;
	rc = play_begin(&t->play, t->c, &t->c->scs[si],
			&(struct play_who){t->ctx->cfg.name, t->ctx->cfg.level, mode,
					   t->ctx->cfg.fixed_order}, dir, &d);
	if (rc == 0) {
		t->have_play = 1;
		tui_go(t, SCR_PLAY);
	} else {
		char *msg = d.n ? diag_format(&d.v[0]) : mem_strdup("onbekende fout");
		play_end(&t->play);
		tui_notice(t, "%s", msg);
		free(msg);
	}
	diag_free(&d);
	free(dir);
	return rc;
}
