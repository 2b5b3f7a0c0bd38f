/* Unit tests for src/timeline: a session log, written here event by event,
 * walked beside the engine on the mini scenario (steps begin and uitleg;
 * begin.1 sets the flag that offers uitleg.3). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "timeline.h"

static struct content c;
static const struct scenario *sc;
static struct sessionlog_event ev[16];
static struct sessionlog_data data;

static void setup(void)
{
	struct diag d = {0};

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	sc = content_scenario(&c, "proef-basis");
	cr_assert_not_null(sc);
	memset(&data, 0, sizeof data);
	data.path = "log.csv";
	data.meta.version = sc->version;	/* no order: file order */
	data.ev = ev;
	diag_free(&d);
}

static void teardown(void)
{
	content_free(&c);
}

TestSuite(timeline, .init = setup, .fini = teardown);

/* Append an event on line 3 + its index; meters 1, 2, 3 + its index. */
static void add(enum sessionlog_type t, char *step, int option, long ms,
		char *key, char *value)
{
	struct sessionlog_event *e = &ev[data.nev];
	int i = (int)data.nev++;

	*e = (struct sessionlog_event){.type = t, .time = "2026-01-31T12:00:00Z",
		.step = step, .option = option, .think_ms = ms,
		.key = key, .value = value, .line = 3 + i,
		.meters = {1 + i, 2 + i, 3 + i}};
}

Test(timeline, choices_undo_end_and_current_answers)
{
	struct timeline tl;
	struct diag d = {0};

	add(SL_CHOICE, "begin", 3, 1500, "getoond", "1 2 3");
	add(SL_UNDO, "begin", 3, -1, "", "");
	add(SL_CHOICE, "begin", 1, 800, "getoond", "1 2 3");
	add(SL_CHOICE, "uitleg", 3, 2000, "getoond", "1 2 3");
	add(SL_END, "", 0, -1, "einde", "goed");
	add(SL_ANSWER, "", 0, -1, "question1", "eerste");
	add(SL_ANSWER, "", 0, -1, "goed", "luisteren");
	add(SL_ANSWER, "", 0, -1, "question1", "tweede");
	add(SL_DONE, "", 0, -1, "", "");
	cr_assert_eq(timeline_build(&tl, &data, sc, &d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_eq(tl.n, 7, "5 moves and ends, 2 current answers");

	cr_assert_eq(tl.v[0].kind, TL_CHOICE);
	cr_assert_eq(tl.v[0].pos, 1);
	cr_assert_eq(tl.v[0].step, 0);
	cr_assert_eq(tl.v[0].opt, 2);
	cr_assert_eq(tl.v[0].think_ms, 1500);
	cr_assert_eq(tl.v[0].nshown, 3);
	cr_assert_eq(timeline_shown_number(&tl.v[0]), 3);
	cr_assert_eq(tl.v[0].meters[2], 3, "meters after the event");

	cr_assert_eq(tl.v[1].kind, TL_UNDO);
	cr_assert_eq(tl.v[1].pos, 1, "the step taken back");
	cr_assert_eq(tl.v[1].opt, 2);
	cr_assert_eq(tl.v[1].nshown, 3, "offered again after the undo");

	cr_assert_eq(tl.v[2].kind, TL_CHOICE);
	cr_assert_eq(tl.v[2].opt, 0);
	cr_assert_eq(tl.v[2].flags, 0);

	cr_assert_eq(tl.v[3].kind, TL_CHOICE);
	cr_assert_eq(tl.v[3].pos, 2);
	cr_assert_eq(tl.v[3].step, 1);
	cr_assert_eq(tl.v[3].flags, 1, "begin.1 set the flag");
	cr_assert_eq(tl.v[3].nshown, 3, "uitleg.3 is offered with the flag");
	cr_assert_eq(timeline_shown_number(&tl.v[3]), 3);

	cr_assert_eq(tl.v[4].kind, TL_END);
	cr_assert_eq(tl.v[4].pos, 2);
	cr_assert_str_eq(tl.v[4].value, "goed");

	cr_assert_eq(tl.v[5].kind, TL_ANSWER);
	cr_assert_str_eq(tl.v[5].key, "goed");
	cr_assert_eq(tl.v[6].kind, TL_ANSWER);
	cr_assert_str_eq(tl.v[6].value, "tweede", "the later answer replaces");
	timeline_free(&tl);
	cr_assert_eq(tl.n, 0);
}

Test(timeline, options_not_offered_are_not_shown)
{
	struct timeline tl;
	struct diag d = {0};

	add(SL_CHOICE, "begin", 3, 1000, "getoond", "1 2 3");
	add(SL_CHOICE, "uitleg", 2, 1000, "getoond", "1 2");
	cr_assert_eq(timeline_build(&tl, &data, sc, &d), 0);
	cr_assert_eq(tl.v[1].flags, 0);
	cr_assert_eq(tl.v[1].nshown, 2, "uitleg.3 needs the flag");
	cr_assert_eq(tl.v[1].shown[0], 0);
	cr_assert_eq(tl.v[1].shown[1], 1);
	cr_assert_eq(timeline_shown_number(&tl.v[1]), 2);
	timeline_free(&tl);
}

Test(timeline, shuffled_log_keeps_the_order_seen)
{
	struct timeline tl;
	struct diag d = {0};
	int seen[SCENARIO_MAX_OPTS] = {0}, i;

	data.meta.order = "geschud";
	data.meta.session = "0123abcd-0000-4000-8000-000000000000";
	add(SL_CHOICE, "begin", 2, 1000, "getoond", "");
	cr_assert_eq(timeline_build(&tl, &data, sc, &d), 0);
	cr_assert_eq(tl.v[0].nshown, 3);
	for (i = 0; i < 3; i++)
		seen[tl.v[0].shown[i]]++;
	cr_assert(seen[0] == 1 && seen[1] == 1 && seen[2] == 1,
		  "each option once");
	cr_assert_eq(tl.v[0].shown[timeline_shown_number(&tl.v[0]) - 1], 1,
		     "the number seen points at the option chosen");
	timeline_free(&tl);
}

Test(timeline, a_move_that_does_not_fit_is_an_error_with_its_line)
{
	struct timeline tl;
	struct diag d = {0};

	add(SL_CHOICE, "begin", 1, 1000, "", "");
	add(SL_CHOICE, "begin", 2, 1000, "", "");
	cr_assert_eq(timeline_build(&tl, &data, sc, &d), -1);
	cr_assert_eq(diag_count(&d, DIAG_ERROR), 1);
	cr_assert_eq(d.v[0].line, 4);
	cr_assert_str_eq(d.v[0].msg, "stap 'begin' optie 2 past niet bij "
			 "scenario 'proef-basis'");
	timeline_free(&tl);
	diag_free(&d);
}

Test(timeline, an_undo_before_any_choice_is_an_error)
{
	struct timeline tl;
	struct diag d = {0};

	add(SL_UNDO, "begin", 1, -1, "", "");
	cr_assert_eq(timeline_build(&tl, &data, sc, &d), -1);
	cr_assert_eq(d.v[0].line, 3);
	timeline_free(&tl);
	diag_free(&d);
}

Test(timeline, another_version_is_only_a_warning)
{
	struct timeline tl;
	struct diag d = {0};

	data.meta.version = "0000000000000000";
	add(SL_CHOICE, "begin", 1, 1000, "", "");
	cr_assert_eq(timeline_build(&tl, &data, sc, &d), 0);
	cr_assert_eq(tl.n, 1);
	cr_assert_eq(diag_count(&d, DIAG_WARNING), 1);
	cr_assert_str_eq(d.v[0].msg, "scenario 'proef-basis' is veranderd sinds "
			 "deze sessie; teksten kunnen afwijken");
	timeline_free(&tl);
	diag_free(&d);
}
