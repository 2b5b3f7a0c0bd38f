/*
 * scr_replay: the intervisie screen, made to be read from a distance: one
 * step at a time, large gaps, no tables. Phase 0: read and vote (1-4 or
 * arrows select, + and - change the count); 1: reveal; 2: the group's note;
 * 3: the summary.
 */
#include "tui.h"
#include "buf.h"
#include "mem.h"
#include "path.h"
#include "text.h"

#include <curses.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { RP_VOTE, RP_REVEAL, RP_NOTE, RP_SUMMARY };

static void replay_enter(struct tui *t)
{
	int i;

	t->phase = session_finished(&t->iv->s) ? RP_SUMMARY : RP_VOTE;
	for (i = 0; i < SCENARIO_MAX_OPTS; i++)
		t->votes[i] = 0;
	t->field.multiline = 1;
	input_set(&t->field, "");
}

static void hidden(struct lines *l, const struct intervisie *iv, const char *s, int indent,
		   enum role r)
{
	char *h = iv->anon && iv->realname ? text_hide_name(s, iv->realname, "de cursist")
					   : mem_strdup(s);

	lines_add(l, h, (size_t)COLS - 6, indent, r, 0);
	free(h);
}

static void vote_body(struct tui *t, struct lines *l)
{
	const struct intervisie *iv = t->iv;
	const struct sc_step *st = &iv->sc->steps[iv->s.step];
	int idx[SCENARIO_MAX_OPTS], n = session_offered(&iv->s, idx), i;
	size_t w = (size_t)COLS - 6;

	lines_add(l, st->situation, w, 0, ROLE_NORMAL, 0);
	lines_blank(l);
	lines_add(l, scenario_speaker(st->speaker, iv->persona->name), w, 0,
		  ROLE_HEAD, 0);
	lines_add(l, st->client, w, 2, ROLE_CLIENT, 0);
	lines_blank(l);
	for (i = 0; i < n; i++) {
		struct buf b = {0};
		buf_printf(&b, "%d. %s   [%d stemmen]", i + 1, st->opt[idx[i]].text, t->votes[idx[i]]);
		lines_add_item(l, b.s, w, 0, 3, ROLE_NORMAL, i + 1);
		lines_blank(l);
		buf_free(&b);
	}
}

static void reveal_body(struct tui *t, struct lines *l)
{
	const struct intervisie *iv = t->iv;
	const struct iv_step *cur = &iv->st[iv->nst - 1];
	const struct sc_option *o = &iv->sc->steps[cur->step].opt[cur->followed];
	size_t w = (size_t)COLS - 6;
	struct buf b = {0};
	int m;

	if (iv->from_log)
		buf_printf(&b, "%s koos dit (na %.1f seconden):", iv->trainee,
			   (double)cur->think_ms / 1000.0);
	else
		buf_add(&b, "Jullie volgen:");
	hidden(l, iv, b.s, 0, ROLE_HEAD);
	lines_add(l, o->text, w, 2, ROLE_NORMAL, 0);
	lines_blank(l);
	lines_add(l, scenario_speaker(o->speaker, iv->persona->name), w, 0,
		  ROLE_HEAD, 0);
	lines_add(l, o->response, w, 2, ROLE_CLIENT, 0);
	lines_blank(l);
	buf_clear(&b);
	for (m = 0; m < METER_N; m++)
		buf_printf(&b, "%s%s %d (%+d)", m ? "   " : "", scenario_meter_name[m],
			   iv->s.meters[m], iv->s.meters[m] - t->before[m]);
	lines_add(l, b.s, w, 0, ROLE_METER, 0);
	lines_blank(l);
	lines_add(l, "Waarom", w, 0, ROLE_HEAD, 0);
	lines_add(l, o->feedback, w, 0, ROLE_NORMAL, 0);
	buf_free(&b);
}

static void summary_body(struct tui *t, struct lines *l)
{
	char *text = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&text, &n);
	const struct intervisie *iv = t->iv;
	int *lv = mem_calloc(3 * iv->fw->ncomps, sizeof *lv);
	size_t i;

	intervisie_levels(iv, lv, lv + iv->fw->ncomps, lv + 2 * iv->fw->ncomps);
	fprintf(fp, "Niveau per competentie: groep / %s / expert\n",
		iv->from_log ? "cursist" : "gevolgd pad");
	for (i = 0; i < iv->fw->ncomps; i++)
		fprintf(fp, "  %s: %d / %d / %d\n", iv->fw->comps[i].name, lv[i],
			lv[iv->fw->ncomps + i], lv[2 * iv->fw->ncomps + i]);
	fputs("\nNotities\n", fp);
	for (i = 0; i < iv->nst; i++)
		if (iv->st[i].note)
			fprintf(fp, "  Stap %zu: %s\n", i + 1, iv->st[i].note);
	fprintf(fp, "\nVerslag: %s\n", iv->path);
	fclose(fp);
	if (iv->ended)
		lines_add(l, iv->sc->ends[iv->s.end].summary, (size_t)COLS - 6, 0, ROLE_CLIENT, 0);
	lines_blank(l);
	hidden(l, iv, text, 0, ROLE_NORMAL);
	free(text);
	free(lv);
}

static void replay_draw(struct tui *t)
{
	static const char *const hints[] = {
		"1-4 kiezen, + en - stemmen, Enter onthullen, q stoppen",
		"Enter: notitie van de groep",
		"Enter nieuwe regel, Tab of F2 bewaren, Esc overslaan",
		"Enter of q: klaar",
	};
	struct lines l = {0};
	struct buf title = {0}, right = {0};

	buf_printf(&title, "Intervisie: %s", t->iv->sc->title);
	if (t->phase != RP_SUMMARY)
		buf_printf(&right, "stap %zu", t->iv->s.npath + (t->phase == RP_VOTE ? 1 : 0));
	tui_frame(t, title.s, right.s ? right.s : "", hints[t->phase]);
	if (t->phase == RP_VOTE)
		vote_body(t, &l);
	else if (t->phase == RP_SUMMARY)
		summary_body(t, &l);
	else
		reveal_body(t, &l);
	if (t->phase == RP_NOTE) {
		int h = LINES / 3;
		lines_draw(&l, 2, 3, LINES - 4 - h - 1, COLS - 6, &t->top, 0);
		draw_text(LINES - 2 - h - 1, 3, COLS - 6, "Notitie van de groep:", ROLE_HEAD);
		input_draw(&t->field, LINES - 2 - h, 3, h, COLS - 6);
		getyx(stdscr, t->cursor_y, t->cursor_x);
	} else {
		t->cursor_y = lines_draw(&l, 2, 3, LINES - 4, COLS - 6, &t->top,
					 t->phase == RP_VOTE ? t->sel + 1 : 0);
		t->cursor_x = 3;
	}
	lines_free(&l);
	buf_free(&title);
	buf_free(&right);
}

static void reveal(struct tui *t)
{
	struct intervisie *iv = t->iv;
	int idx[SCENARIO_MAX_OPTS], n = session_offered(&iv->s, idx), o;

	if (intervisie_vote(iv, t->votes) != 0) {
		tui_notice(t, "Kon de stemmen niet bewaren: %s",
			   path_strerror(errno));
		return;
	}
	o = intervisie_next(iv);
	if (o < 0)
		o = idx[t->sel < n ? t->sel : 0];	/* split or no votes: the selection */
	memcpy(t->before, iv->s.meters, sizeof t->before);
	if (intervisie_follow(iv, o) != 0) {
		tui_notice(t, "Kon de stap niet bewaren: %s",
			   path_strerror(errno));
		return;
	}
	if (!iv->from_log && intervisie_winner(t->votes, idx, n) < 0)
		tui_notice(t, "Stemmen verdeeld of overgeslagen: jullie volgen optie %d.", t->sel + 1);
	t->phase = RP_REVEAL;
	t->top = 0;
}

static void after_note(struct tui *t)
{
	if (session_finished(&t->iv->s)) {
		intervisie_finish(t->iv);
		t->phase = RP_SUMMARY;
	} else {
		tui_go(t, SCR_REPLAY);
	}
	t->top = 0;
}

static enum request vote_key(struct tui *t, enum request req, wint_t ch, int is_key)
{
	int idx[SCENARIO_MAX_OPTS], n = session_offered(&t->iv->s, idx);
	int *v = &t->votes[idx[t->sel < n ? t->sel : 0]];

	if (!is_key && (ch == '+' || ch == '=')) {
		*v += *v < 999;
		return REQ_NONE;
	}
	if (!is_key && ch == '-') {
		*v -= *v > 0;
		return REQ_NONE;
	}
	if (req >= REQ_OPT1 && req <= REQ_OPT4) {
		if ((int)(req - REQ_OPT1) < n)
			t->sel = (int)(req - REQ_OPT1);
		return REQ_NONE;
	}
	if (req == REQ_ENTER) {
		reveal(t);
		return REQ_NONE;
	}
	return tui_list_key(t, req, n);
}

static enum request replay_key(struct tui *t, enum request req, wint_t ch, int is_key)
{
	enum input_result r;

	if (t->phase == RP_NOTE) {
		if (req == REQ_HELP)
			return req;
		r = input_key(&t->field, ch, is_key);
		if (r == INPUT_DONE && intervisie_note(t->iv, buf_str(&t->field.text)) != 0)
			tui_notice(t, "Kon de notitie niet bewaren: %s",
				   path_strerror(errno));
		else if (r == INPUT_DONE || r == INPUT_CANCEL)
			after_note(t);
		return REQ_NONE;
	}
	req = request_for(ch, is_key);
	if (t->phase == RP_VOTE)
		return vote_key(t, req, ch, is_key);
	if (req == REQ_ENTER && t->phase == RP_REVEAL) {
		t->phase = RP_NOTE;
		input_set(&t->field, "");
		return REQ_NONE;
	}
	if ((req == REQ_ENTER || req == REQ_QUIT) && t->phase == RP_SUMMARY) {
		t->quit = 1;
		return REQ_NONE;
	}
	return req == REQ_HELP || req == REQ_QUIT ? req : REQ_NONE;
}

const struct screen_ops scr_replay_ops = {
	.name = "intervisie", .enter = replay_enter, .draw = replay_draw, .key = replay_key,
	.text = 1,
};
