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

/* The options of the start step in the order shown for key. */
static void order_for(const char *key, int idx[4], int *n)
{
	struct session s;

	session_start(&s, &sc);
	session_shuffle(&s, key);
	*n = session_offered(&s, idx);
	session_free(&s);
}

Test(session, no_key_shows_the_file_order)
{
	int idx[4], n;

	order_for(NULL, idx, &n);
	cr_assert_eq(n, 3);
	cr_assert(idx[0] == 0 && idx[1] == 1 && idx[2] == 2);
}

Test(session, the_same_key_gives_the_same_permutation)
{
	int a[4], b[4], n, m, i, seen = 0;

	order_for("0123abcd-0000-4000-8000-000000000000", a, &n);
	order_for("0123abcd-0000-4000-8000-000000000000", b, &m);
	cr_assert_eq(n, m);
	for (i = 0; i < n; i++) {
		cr_assert_eq(a[i], b[i]);
		seen |= 1 << a[i];
	}
	cr_assert_eq(seen, 7, "every option exactly once");
}

Test(session, every_option_lands_on_every_place)
{
	int count[3][3] = {{0}}, idx[4], n, k, i, j;
	char key[32];

	for (k = 0; k < 3000; k++) {
		snprintf(key, sizeof key, "sessie-%d", k);
		order_for(key, idx, &n);
		for (i = 0; i < n; i++)
			count[idx[i]][i]++;
	}
	for (i = 0; i < 3; i++)
		for (j = 0; j < 3; j++)
			cr_assert(count[i][j] > 850 && count[i][j] < 1150,
				  "option %d at place %d: %d of 3000", i + 1, j + 1,
				  count[i][j]);
}

Test(session, a_hidden_option_keeps_the_others_in_their_order)
{
	struct session s;
	int all[4], shown[4], want[4], n, m, i, j, k;
	char key[32];

	for (i = 0; i < 200; i++) {
		snprintf(key, sizeof key, "k%d", i);
		session_start(&s, &sc);
		session_shuffle(&s, key);
		cr_assert_eq(session_choose(&s, 2, 0), 0);
		s.flags = ~0ULL;	/* every option of the step offered */
		n = session_offered(&s, all);
		s.flags = 0;		/* the one that needs erkend is hidden */
		m = session_offered(&s, shown);
		for (j = k = 0; j < n; j++)
			if (scenario_offered(&sc.steps[s.step].opt[all[j]], 0))
				want[k++] = all[j];
		cr_assert_eq(m, n - 1);
		cr_assert_eq(k, m);
		cr_assert_arr_eq(shown, want, sizeof *want * (size_t)m);
		session_free(&s);
	}
}
