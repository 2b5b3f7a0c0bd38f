/* Unit tests for src/session: choices, meters, flags, undo, determinism. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"
#include "session.h"

static struct scenario sc;

static void setup(void)
{
	struct diag d = {0};

	cr_assert_eq(scenario_load(&sc, FIXTURES "/mini/content/scenarios/proef-basis.ini", &d), 0);
}

static void teardown(void)
{
	scenario_free(&sc);
}

TestSuite(session, .init = setup, .fini = teardown);

Test(session, start_state)
{
	struct session s;
	int idx[4];

	session_start(&s, &sc);
	cr_assert_eq(s.step, 0);
	cr_assert_eq(s.meters[METER_GEZIEN], 4);
	cr_assert_eq(session_offered(&s, idx), 3);
	cr_assert_not(session_finished(&s));
	cr_assert_null(session_last(&s));
	session_free(&s);
}

Test(session, choice_moves_meters_and_sets_flags)
{
	struct session s;
	int idx[4];

	session_start(&s, &sc);
	cr_assert_eq(session_choose(&s, 0, 1200), 0);
	cr_assert_eq(s.step, 1);
	cr_assert_eq(s.meters[METER_GEZIEN], 6);
	cr_assert_eq(s.meters[METER_GEHOORD], 5);
	cr_assert_eq(s.flags, 1);
	cr_assert_eq(session_offered(&s, idx), 3, "conditional option now offered");
	cr_assert_eq(session_last(&s)->think_ms, 1200);
	cr_assert_eq(session_choose(&s, 2, 0), 0);
	cr_assert(session_finished(&s));
	cr_assert_eq(s.end, 0);
	cr_assert_eq(s.meters[METER_GEHOLPEN], 6);
	cr_assert_eq(session_choose(&s, 0, 0), -1, "no choices after the end");
	session_free(&s);
}

Test(session, hidden_option_is_refused)
{
	struct session s;
	int idx[4];

	session_start(&s, &sc);
	cr_assert_eq(session_choose(&s, 2, 0), 0, "option 3 skips the flag");
	cr_assert_eq(session_offered(&s, idx), 2);
	cr_assert_eq(session_choose(&s, 2, 0), -1, "needs erkend");
	cr_assert_eq(session_choose(&s, 7, 0), -1);
	session_free(&s);
}

Test(session, meters_are_clamped)
{
	struct session s;

	session_start(&s, &sc);
	s.meters[METER_GEZIEN] = 1;
	cr_assert_eq(session_choose(&s, 1, 0), 0);
	cr_assert_eq(s.meters[METER_GEZIEN], 0);
	cr_assert(session_finished(&s));
	session_free(&s);
	session_start(&s, &sc);
	s.meters[METER_GEZIEN] = 9;
	session_choose(&s, 0, 0);
	cr_assert_eq(s.meters[METER_GEZIEN], 10);
	session_free(&s);
}

Test(session, undo_restores_exactly_and_keeps_the_undone)
{
	struct session s, t;
	char *a, *b;

	session_start(&s, &sc);
	a = session_snapshot(&s);
	cr_assert_eq(session_undo(&s), -1, "nothing to undo");
	session_choose(&s, 0, 10);
	session_choose(&s, 0, 20);
	cr_assert(session_finished(&s));
	cr_assert_eq(session_undo(&s), 0);
	cr_assert_eq(s.step, 1);
	cr_assert_eq(s.end, -1);
	cr_assert_eq(session_undo(&s), 0);
	b = session_snapshot(&s);
	cr_assert_eq(s.nundone, 2);
	cr_assert_eq(s.npath, 0);
	cr_assert_eq(s.flags, 0);
	cr_assert_eq(memcmp(s.meters, sc.meter0, sizeof s.meters), 0);
	cr_assert(strncmp(a, b, strlen(a) - 1) == 0 || strstr(b, "undone"));
	session_start(&t, &sc);
	session_choose(&t, 0, 10);
	session_choose(&t, 0, 20);
	session_undo(&t);
	session_undo(&t);
	free(b);
	b = session_snapshot(&t);
	{
		char *c = session_snapshot(&s);
		cr_assert_str_eq(b, c, "same calls, same state");
		free(c);
	}
	free(a);
	free(b);
	session_free(&s);
	session_free(&t);
}
