/* Unit tests for src/play: engine and log stay in step, resume, undo rules. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "mem.h"
#include "path.h"
#include "play.h"
#include "sessionlist.h"

static struct content c;
static char dir[64];

static void setup(void)
{
	struct diag d = {0};

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	strcpy(dir, "/tmp/kc-play-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];

	content_free(&c);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(play, .init = setup, .fini = teardown);

Test(play, choose_undo_resume_answers)
{
	struct play p, r;
	struct diag d = {0};
	char *path, *a, *b;
	int n;

	cr_assert_eq(play_begin(&p, &c, &c.scs[0],
				&(struct play_who){"Sanne", 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	cr_assert_not_null(play_offered(&p, 0, &n));
	cr_assert_eq(n, 3);
	cr_assert_eq(play_choose(&p, 0), 0);
	cr_assert_eq(play_undo(&p), 0);
	cr_assert_eq(play_choose(&p, 0), 0);
	cr_assert_eq(play_choose(&p, 2), 0, "flagged option offered");
	cr_assert(session_finished(&p.s));
	cr_assert_eq(play_log_end(&p), 0);
	cr_assert_eq(play_undo(&p), -1, "no undo after the end is logged");
	cr_assert_eq(play_answer(&p, 1, "Mijn antwoord"), 0);
	path = mem_strdup(p.log.path);
	a = play_id(&p);
	cr_assert(strlen(a) > 0 && strstr(path, a) && !strchr(a, '/') &&
		  !strstr(a, ".csv"), "id %s of %s", a, path);
	free(a);
	cr_assert_eq(play_resume(&r, &c, path, 0, &d), 0);
	a = session_snapshot(&p.s);
	b = session_snapshot(&r.s);
	cr_assert_str_eq(a, b, "resumed state equals the original");
	cr_assert(r.ended_logged);
	cr_assert_str_eq(r.answer[1], "Mijn antwoord");
	cr_assert_not(r.done);
	cr_assert_eq(play_done(&p), 0);
	play_end(&r);
	cr_assert_eq(play_resume(&r, &c, path, 0, &d), 0);
	cr_assert(r.done);
	free(a);
	free(b);
	free(path);
	play_end(&r);
	play_end(&p);
}

Test(play, assessment_has_no_undo)
{
	struct play p;
	struct diag d = {0};

	cr_assert_eq(play_begin(&p, &c, &c.scs[0],
				&(struct play_who){"Sanne", 'B', CONFIG_TOETS, 1},
				dir, &d), 0);
	cr_assert_eq(play_choose(&p, 0), 0);
	cr_assert_eq(play_undo(&p), -1);
	cr_assert_eq(play_choose(&p, 9), -1);
	play_end(&p);
}

Test(play, assessment_is_always_shuffled)
{
	struct play p;
	struct diag d = {0};
	char *text;

	cr_assert_eq(play_begin(&p, &c, &c.scs[0],
				&(struct play_who){"Sanne", 'B', CONFIG_TOETS, 1},
				dir, &d), 0);
	cr_assert_neq(p.s.order, 0, "vast is ignored in toets");
	text = path_read(p.log.path, NULL);
	cr_assert(strstr(text, ",volgorde,geschud\n"));
	free(text);
	play_end(&p);
	cr_assert_eq(play_begin(&p, &c, &c.scs[0],
				&(struct play_who){"Sanne", 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	cr_assert_eq(p.s.order, 0, "vast in practice: file order");
	play_end(&p);
}

Test(play, failed_write_rolls_back)
{
	struct play p;
	struct diag d = {0};
	char *before, *after;

	cr_assert_eq(play_begin(&p, &c, &c.scs[0],
				&(struct play_who){"Sanne", 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	before = session_snapshot(&p.s);
	close(p.log.fd);
	p.log.fd = open("/dev/null", O_RDONLY);
	cr_assert_eq(play_choose(&p, 0), -1);
	after = session_snapshot(&p.s);
	cr_assert_str_eq(before, after, "engine unchanged when the log cannot be written");
	free(before);
	free(after);
	play_end(&p);
}

/* Logs whose choices or undos do not fit the scenario: each is refused
 * with the line of the first event that does not fit, and leaves nothing
 * to free (the ASan run of the suite checks for leaks). */
Test(play, damaged_paths_are_refused_without_leaks)
{
	static const struct {
		const char *rows;
		int line;
	} bad[] = {
		{"keuze,begin,1\nkeuze,begin,1\n", 13},		/* wrong step */
		{"keuze,nergens,1\n", 12},			/* unknown step */
		{"keuze,begin,3\nkeuze,uitleg,3\n", 13},	/* not offered */
		{"keuze,begin,1\nterug,begin,2\n", 13},		/* undo of another */
		{"terug,begin,1\n", 12},			/* nothing to undo */
		{"keuze,begin,2\nkeuze,uitleg,1\n", 13},	/* after the end */
		{"keuze,begin,1\nterug,begin,1\nterug,begin,1\n", 14},
	};
	struct play p, r;
	struct diag d = {0};
	char *head;
	size_t i;

	cr_assert_eq(play_begin(&p, &c, &c.scs[0],
				&(struct play_who){"Sanne", 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	head = path_read(p.log.path, NULL);	/* headers, start, meta: 11 lines */
	play_end(&p);
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct buf b = {0};
		char log[96];
		const char *s = bad[i].rows;
		buf_add(&b, head);
		while (*s) {	/* "type,step,option" -> a full row */
			const char *nl = strchr(s, '\n');
			const char *c1 = strchr(s, ','), *c2 = strchr(c1 + 1, ',');
			buf_printf(&b, "%.*s,2026-01-31T12:00:00Z,%.*s,%.*s,0,5,5,5,,\n",
				   (int)(c1 - s), s, (int)(c2 - c1 - 1), c1 + 1,
				   (int)(nl - c2 - 1), c2 + 1);
			s = nl + 1;
		}
		snprintf(log, sizeof log, "%s/kapot%zu.csv", dir, i);
		cr_assert_eq(path_write_atomic(log, b.s, b.len), 0);
		buf_free(&b);
		cr_assert_eq(play_resume(&r, &c, log, 1, &d), -1, "log %zu", i);
		cr_assert_eq(d.n, 1, "log %zu", i);
		cr_assert_eq(d.v[0].line, bad[i].line, "log %zu: line %d", i, d.v[0].line);
		cr_assert(strstr(d.v[0].msg, "past niet bij het scenario"), "%s", d.v[0].msg);
		diag_free(&d);
	}
	free(head);
}

Test(play, a_session_open_for_writing_is_not_resumed_twice)
{
	struct play p, r;
	struct diag d = {0};
	char *path;

	cr_assert_eq(play_begin(&p, &c, &c.scs[0],
				&(struct play_who){"Sanne", 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	cr_assert_eq(play_choose(&p, 0), 0);
	path = mem_strdup(p.log.path);
	cr_assert_eq(play_resume(&r, &c, path, 1, &d), -1, "open in p");
	cr_assert_eq(d.n, 1);
	cr_assert_str_eq(d.v[0].file, path);
	cr_assert(strstr(d.v[0].msg, "Deze sessie is al open in een ander venster (proces "));
	cr_assert(strstr(d.v[0].msg, "). Sluit dat eerst."));
	cr_assert_null(r.log.path, "nothing left open");
	cr_assert_eq(play_resume(&r, &c, path, 0, &d), 0, "reading is always allowed");
	play_end(&r);
	cr_assert_eq(play_choose(&p, 0), 0, "the first window writes on");
	play_end(&p);
	cr_assert_eq(play_resume(&r, &c, path, 1, &d), 0, "free once p is closed");
	cr_assert_eq(r.s.npath, 2, "and it reads what p wrote");
	play_end(&r);
	free(path);
	diag_free(&d);
}

/* Play mini to its end (two choices) and return the log path. */
static char *finished(struct play *p)
{
	struct diag d = {0};

	cr_assert_eq(play_begin(p, &c, &c.scs[0],
				&(struct play_who){"Sanne", 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	cr_assert_eq(play_choose(p, 0), 0);
	cr_assert_eq(play_choose(p, 2), 0);
	cr_assert_eq(play_log_end(p), 0);
	return mem_strdup(p->log.path);
}

static int count(const char *path, const char *needle)
{
	char *text = path_read(path, NULL), *s;
	int n = 0;

	for (s = text; (s = strstr(s, needle)) != NULL; s++)
		n++;
	free(text);
	return n;
}

Test(play, answer_twice_latest_wins)
{
	struct play p, r;
	struct diag d = {0};
	struct sessionlog_data data;
	char *path = finished(&p);
	size_t i, current = 0;

	cr_assert_eq(play_answer(&p, 0, "eerst"), 0);
	cr_assert_eq(play_answer(&p, 0, "eerst"), 0);
	cr_assert_eq(count(path, "\nantwoord,"), 1, "unchanged text writes no second row");
	cr_assert_eq(play_answer(&p, 0, "daarna beter"), 0);
	cr_assert_eq(count(path, "\nantwoord,"), 2, "a changed answer is appended");
	cr_assert_eq(play_resume(&r, &c, path, 0, &d), 0);
	cr_assert_str_eq(r.answer[0], "daarna beter");
	play_end(&r);
	cr_assert_eq(sessionlog_load(&data, path, &d), 0);
	for (i = 0; i < data.nev; i++)
		if (sessionlog_answer_current(&data, i)) {
			cr_assert_str_eq(data.ev[i].value, "daarna beter");
			current++;
		}
	cr_assert_eq(current, 1, "only the latest answer is current");
	sessionlog_data_free(&data);
	free(path);
	play_end(&p);
}

Test(play, drafts_survive_and_close_the_reflection)
{
	struct play p, r;
	struct diag d = {0};
	char *path = finished(&p), concept[256];

	snprintf(concept, sizeof concept, "%s.concept", path);
	cr_assert_eq(play_answer(&p, 1, "opgeslagen"), 0);
	play_keep(&p, 0, "half getypt");
	play_keep(&p, 1, "opgeslagen");
	cr_assert_str_eq(play_text(&p, 0), "half getypt");
	cr_assert_str_eq(play_text(&p, 1), "opgeslagen");
	cr_assert_str_eq(play_text(&p, 2), "");
	cr_assert_null(draft_get(&p.draft, "goed"), "text equal to the answer is no draft");
	cr_assert_eq(play_save_draft(&p, 5), 0);
	cr_assert_eq(count(path, "\nantwoord,"), 1, "a draft is not an answer");
	play_end(&p);	/* as after kill -9: nothing else was written */

	cr_assert_eq(play_resume(&r, &c, path, 1, &d), 0);
	cr_assert_str_eq(play_text(&r, 0), "half getypt");
	cr_assert_eq(r.draft.page, 5);
	play_keep(&r, 2, "nog een");
	cr_assert_eq(play_done(&r), 0);
	cr_assert(r.done);
	cr_assert_not(path_isfile(concept), "the draft is gone once the reflection is closed");
	cr_assert_eq(count(path, "\nantwoord,"), 3, "open drafts became answers");
	cr_assert_eq(count(path, "\nklaar,"), 1);
	cr_assert_eq(play_save_draft(&r, 2), 0);
	cr_assert_not(path_isfile(concept), "no draft after the reflection is closed");
	play_end(&r);
	cr_assert_eq(play_resume(&r, &c, path, 0, &d), 0);
	cr_assert_str_eq(r.answer[0], "half getypt");
	cr_assert_str_eq(r.answer[2], "nog een");
	play_end(&r);
	free(path);
}

/* A scenario with a content notice stops without a result: the status is
 * logged, nothing more can be played, and the session does not resume. */
Test(play, stop_without_result)
{
	struct play p, r;
	struct diag d = {0};
	struct sessionlist l;
	const struct sessionlist_item *it;
	const struct scenario *boos;
	char *path;

	cr_assert_eq(content_add_path(&c, FIXTURES "/safety/proef-boos.ini", &d), 0);
	boos = content_scenario(&c, "proef-boos");
	cr_assert_not_null(boos);
	cr_assert_eq(play_begin(&p, &c, &c.scs[0],
				&(struct play_who){"Sanne", 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	cr_assert_eq(play_stop(&p), -1, "no notice: no stop without result");
	cr_assert_not(p.stopped);
	play_end(&p);
	cr_assert_eq(play_begin(&p, &c, boos,
				&(struct play_who){"Sanne", 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	cr_assert_eq(play_choose(&p, 0), 0);
	cr_assert_eq(play_stop(&p), 0);
	cr_assert(p.stopped);
	cr_assert_eq(play_stop(&p), -1, "stopped once");
	cr_assert_eq(play_choose(&p, 0), -1, "nothing is played after a stop");
	cr_assert_eq(play_undo(&p), -1);
	path = mem_strdup(p.log.path);
	play_end(&p);
	cr_assert_eq(play_resume(&r, &c, path, 1, &d), -1);
	cr_assert(strstr(d.v[d.n - 1].msg, "gestopt zonder resultaat") != NULL);
	cr_assert_eq(play_resume(&r, &c, path, 0, &d), 0, "read-only loads");
	cr_assert(r.stopped);
	cr_assert_not(session_finished(&r.s));
	cr_assert_eq(r.s.npath, 1);
	play_end(&r);
	sessionlist_scan(&l, dir, &d);
	cr_assert_eq(l.n, 2);
	it = sessionlist_find(&l, path);
	cr_assert(it && it->stopped && !it->finished);
	cr_assert_eq(l.v[0].stopped + l.v[1].stopped, 1, "the other is not");
	sessionlist_free(&l);
	free(path);
	diag_free(&d);
}

/* The end once logged cannot be turned into a stop. */
Test(play, no_stop_after_the_end)
{
	struct play p;
	struct diag d = {0};

	cr_assert_eq(content_add_path(&c, FIXTURES "/safety/proef-boos.ini", &d), 0);
	cr_assert_eq(play_begin(&p, &c, content_scenario(&c, "proef-boos"),
				&(struct play_who){"Sanne", 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	cr_assert_eq(play_choose(&p, 0), 0);
	cr_assert_eq(play_choose(&p, 0), 0);
	cr_assert_eq(play_log_end(&p), 0);
	cr_assert_eq(play_stop(&p), -1);
	cr_assert_not(p.stopped);
	play_end(&p);
	diag_free(&d);
}
