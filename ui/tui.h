/*
 * tui: the ncurses front end. One shared state struct, a table of screens
 * (each an init/draw/key set and the size of its own state, as in ncdu
 * and tig's view_ops), one main loop that draws when dirty, maps keys to
 * requests through the screen's keymap and offers them to the screen
 * first; a focused text field gets the rest. Resize
 * is handled in one place; below the minimum size a notice replaces the
 * screen. Signals end the loop through a flag; the terminal is always
 * restored.
 */
#ifndef KC_TUI_H
#define KC_TUI_H
#include "cli.h"
#include "content.h"
#include "draw.h"
#include "input.h"
#include "intervisie.h"
#include "play.h"
#include "request.h"
#include "review.h"
#include "sessionlist.h"

#define TUI_MIN_COLS 60
#define TUI_MIN_LINES 16

enum screen_id {
	SCR_NAME, SCR_HOME, SCR_PERSONA, SCR_SCENARIO, SCR_MODE, SCR_PLAY,
	SCR_REFLECT, SCR_REVIEW, SCR_PAGE, SCR_FEEDBACK, SCR_REPLAY, SCR_COUNT
};

struct tui;

struct screen_ops {
	const char *name;
	void (*enter)(struct tui *t);
	void (*draw)(struct tui *t);
	/* The requests the screen takes in its state now, with their footer
	 * hints; the footer and the help are made from it. */
	const struct keymap_entry *(*keymap)(const struct tui *t);
	/* Whether it takes request r of its keymap now (may be NULL: all). */
	int (*offers)(const struct tui *t, enum request r);
	/* Handle a request; return REQ_NONE when consumed. */
	enum request (*key)(struct tui *t, enum request req);
	/* Write what the screen holds but has not stored (may be NULL): called
	 * when typing pauses, before leaving the screen and before the end. */
	void (*save)(struct tui *t);
	int confirm_quit;	/* q asks before stopping */
	size_t private_size;	/* bytes of the screen's own state, zeroed
				   at the start; see tui_private */
	void (*cleanup)(struct tui *t);	/* free what the own state holds
					   (may be NULL); called at the end */
};

struct tui {
	struct cli_ctx *ctx;
	struct content *c;
	const struct scenario *start;	/* `play SCENARIO`, else NULL */
	struct play play;
	int have_play;
	int synced;		/* the finished play went to the LRS sync */
	enum screen_id scr;
	int sel, top;		/* selection and scroll of list screens */
	int quit, dirty, help, confirm_quit;
	int cursor_y, cursor_x;
	char *message;		/* one-line notice, e.g. a write error */
	struct input *focus;	/* the text field that has focus, or NULL */
	struct review *review;		/* coach: the scanned sessions */
	struct intervisie *iv;		/* replay: the group's session */
	void *private[SCR_COUNT];	/* each screen's own state */
};

extern const struct screen_ops scr_name_ops, scr_home_ops, scr_persona_ops,
	scr_scenario_ops, scr_mode_ops, scr_play_ops, scr_reflect_ops,
	scr_review_ops, scr_page_ops, scr_feedback_ops, scr_replay_ops;

/* Run the program's screens: after the first-run questions, home, or with
 * sc (one of c's scenarios) that scenario: in the mode of --mode at once,
 * else (or when it has a content notice) on its mode screen. Returns the
 * exit code. */
int tui_main(struct cli_ctx *ctx, struct content *c,
	     const struct scenario *sc);
/* Run the screens on a session loaded for resuming (ownership of p stays
 * with the caller). */
int tui_resume(struct cli_ctx *ctx, struct content *c, struct play *p);
/* Run the coach's screens over a scanned review. */
int tui_review(struct cli_ctx *ctx, struct content *c, struct review *r);
/* Run the intervisie replay screens. */
int tui_replay(struct cli_ctx *ctx, struct content *c, struct intervisie *iv);
/* The own state of screen s (private_size bytes, NULL without). */
void *tui_private(const struct tui *t, enum screen_id s);
/* Where the trainee starts once name and level are known: home, or the
 * scenario tui_main was given. */
void tui_begin(struct tui *t);
/* Switch to a screen (calls its enter). */
void tui_go(struct tui *t, enum screen_id s);
/* Show a one-line notice at the bottom until the next key. */
void tui_notice(struct tui *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Draw the title bar and the key-hint bar every screen shares; the hints
 * come from the screen's keymap. */
void tui_frame(struct tui *t, const char *title, const char *right);
/* Selection movement shared by list screens; returns REQ_NONE if used.
 * On the first choice the view scrolls to the top, on the last to the
 * end, so that the text before and after the choices is in reach. */
enum request tui_list_key(struct tui *t, enum request req, int count);
/* Start a new play-through of scenario index si in the given mode. */
int tui_start_play(struct tui *t, size_t si, enum config_mode mode);

#endif
