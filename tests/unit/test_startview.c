/* Unit tests for src/startview: the exact plain text of a scenario card
 * (with and without a content notice), the mode choice and a persona
 * card, and the tags that let the screen highlight a whole card. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "startview.h"
#include "view_fixture.h"

static void setup(void)
{
	struct diag d = {0};

	cr_assert_eq(content_load(&fixture_content, FIXTURES "/mini", &d), 0);
}

static void teardown(void)
{
	content_free(&fixture_content);
}

TestSuite(startview, .init = setup, .fini = teardown);

Test(startview, scenario_card_with_and_without_notice)
{
	struct scenario sc = fixture_content.scs[0];
	struct view v = {0};
	char *s;

	startview_scenario(&v, &sc, 3, 'A');
	cr_assert_eq(v.n, 3);
	cr_assert_eq(v.lines[1].tag, 3);
	cr_assert_eq(v.lines[2].role, VIEW_BLANK, "cards stand apart");
	s = printed(&v);
	cr_assert_str_eq(s, "3. Proef belt (telefoon, niveau B, ca. 2 "
			 "stappen)\n"
			 "Proef wil weten hoe lang het nog duurt\n\n");
	free(s);
	sc.notice = "Proef scheldt.";
	startview_scenario(&v, &sc, 1, 0);
	cr_assert_eq(v.lines[2].role, VIEW_BAD);
	cr_assert_eq(v.lines[2].tag, 1);
	s = printed(&v);
	cr_assert(strstr(s, "1. Proef belt (telefoon"), "%s", s);
	cr_assert(strstr(s, "\nLet op: Proef scheldt.\n"), "%s", s);
	cr_assert_null(strstr(s, "jouw niveau"), "no level: no mark");
	free(s);
}

/* A scenario at the trainee's level says so right under its title, in
 * the colour of what is good, as part of the card. */
Test(startview, scenario_at_your_level_is_marked)
{
	struct view v = {0};
	char *s;

	startview_scenario(&v, &fixture_content.scs[0], 2, 'B');
	cr_assert_eq(v.lines[1].role, VIEW_GOOD);
	cr_assert_eq(v.lines[1].tag, 2);
	s = printed(&v);
	cr_assert_str_eq(s, "2. Proef belt (telefoon, niveau B, ca. 2 "
			 "stappen)\n"
			 "Past bij jouw niveau.\n"
			 "Proef wil weten hoe lang het nog duurt\n\n");
	free(s);
}

Test(startview, mode_then_the_notice)
{
	struct scenario sc = fixture_content.scs[0];
	struct view v = {0};
	char *s;

	sc.notice = "Proef scheldt.";
	startview_mode(&v, &sc);
	cr_assert_eq(v.lines[1].tag, 1);
	cr_assert_eq(v.lines[4].tag, 2);
	s = printed(&v);
	cr_assert(strncmp(s, "1. Oefenen\nNa elke keuze", 24) == 0,
		  "%s", s);
	cr_assert(strstr(s, "\n2. Toets\nJe ziet alleen"), "%s", s);
	cr_assert(strstr(s, "\nLet op: Proef scheldt.\nJe kunt op elk "
			 "moment stoppen met x"), "%s", s);
	free(s);
}

/* Plain mode gives the notice as play begins: without a scenario, the
 * mode choice alone. */
Test(startview, mode_without_a_scenario)
{
	struct view v = {0};
	char *s;

	startview_mode(&v, NULL);
	s = printed(&v);
	cr_assert(strstr(s, "\n2. Toets\n"), "%s", s);
	cr_assert_null(strstr(s, "Let op"), "%s", s);
	free(s);
}

Test(startview, persona_card)
{
	struct view v = {0};
	char *s;

	startview_persona(&v, &fixture_content.personas[0], 1);
	cr_assert_eq(v.lines[3].tag, 1);
	cr_assert_eq(v.lines[4].role, VIEW_BLANK);
	s = printed(&v);
	cr_assert(strncmp(s, "1. Proef, ", 10) == 0, "%s", s);
	cr_assert(strstr(s, "\nKanalen: "), "%s", s);
	cr_assert(strstr(s, "\nOp het spel: "), "%s", s);
	free(s);
}

/* The home screen's list of the sessions in l. */
static void home_list(struct view_list *hl, struct startview_sessions *rows,
		      const struct sessionlist *l)
{
	memset(hl, 0, sizeof *hl);
	startview_home_head(&hl->head, l);
	*rows = (struct startview_sessions){&fixture_content, l};
	hl->n = l->n;
	hl->tag0 = 2;
	hl->rows = startview_home_rows;
	hl->ctx = rows;
}

/* Home: a header, then one row per session with when (local time),
 * client name, mode, step reached, status and scenario title; two
 * sessions of the same minute show their seconds. */
Test(startview, home_rows_in_columns)
{
	const struct scenario *sc = &fixture_content.scs[0];
	struct sessionlist_item it[3] = {
		{.id = "b", .scenario = sc->id, .mode = "toets",
		 .started = "2026-11-30T14:05:09Z", .nchoices = 2},
		{.id = "a", .scenario = sc->id, .mode = "toets",
		 .started = "2026-11-30T14:05:01Z", .nchoices = 2},
		{.id = "c", .scenario = sc->id, .mode = "oefenen",
		 .started = "2026-11-29T09:00:00Z", .nchoices = 2,
		 .finished = 1, .ending = "goed"},
	};
	struct sessionlist l = {.v = it, .n = 3};
	struct startview_sessions rows;
	struct view_list hl;
	struct view v = {0};
	char *s;

	setenv("TZ", "UTC", 1);
	tzset();
	home_list(&hl, &rows, &l);
	view_window(&v, &hl, 0, l.n);
	view_list_free(&hl);
	cr_assert(v.lines[2].cells);
	cr_assert_eq(v.lines[2].tag, 0, "the header is not a choice");
	cr_assert_eq(v.lines[3].tag, 2);
	cr_assert_eq(v.lines[5].tag, 4);
	s = printed(&v);
	cr_assert(strstr(s, "Begonnen\tKlant\tModus\tStap\tStatus\t"
			 "Scenario\n"), "%s", s);
	cr_assert(strstr(s, "2026-11-30 14:05:09\tProef\ttoets\t3\t"
			 "onderbroken\tProef belt\n"), "%s", s);
	cr_assert(strstr(s, "2026-11-30 14:05:01\tProef\ttoets\t3\t"),
		  "%s", s);
	cr_assert(strstr(s, "2026-11-29 09:00\tProef\toefenen\t2\t"
			 "reflectie open, einde goed\tProef belt\n"), "%s", s);
	free(s);
}

/* A window of the home list builds only its rows, the same as the
 * whole list's: a row at the window's edge still shows its seconds
 * when its neighbour outside the window started in the same minute. */
Test(startview, home_list_is_built_a_window_at_a_time)
{
	const struct scenario *sc = &fixture_content.scs[0];
	static char when[200][32];
	struct sessionlist_item it[200] = {{0}};
	struct sessionlist l = {.v = it, .n = 200};
	struct startview_sessions rows;
	struct view_list hl;
	struct view v = {0};
	size_t i;

	setenv("TZ", "UTC", 1);
	tzset();
	for (i = 0; i < 200; i++) {
		snprintf(when[i], sizeof when[i], "2026-11-30T%02zu:%02zu:%02zuZ",
			 23 - i / 60 % 24, 59 - i % 60 / 2, 59 - i % 60);
		it[i] = (struct sessionlist_item){.id = "x", .mode = "toets",
			.scenario = i % 3 ? sc->id : NULL,
			.started = when[i], .nchoices = (int)i};
	}
	home_list(&hl, &rows, &l);
	view_list_measure(&hl);
	window_matches(&hl, 0, 20);
	window_matches(&hl, 91, 20);
	window_matches(&hl, 190, 20);
	startview_home_rows(&rows, &v, 91, 1);
	cr_assert_eq(v.lines[0].tag, 93);
	cr_assert(strncmp(v.lines[0].text, "2026-11-30 22:44:28\t", 20) == 0,
		  "%s", v.lines[0].text);
	view_free(&v);
	view_list_free(&hl);
}
