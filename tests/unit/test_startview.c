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
	struct view v = {0};
	char *s;

	setenv("TZ", "UTC", 1);
	tzset();
	startview_home(&v, &fixture_content, &l);
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
