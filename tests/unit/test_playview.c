/* Unit tests for src/playview: the exact plain text of the mini scenario's
 * first step and of a choice in practice and in test mode, and its meters
 * as the screens draw them. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "playview.h"
#include "screen_fixture.h"
#include "view_fixture.h"

/* Choose option n and return the result document's plain text. */
static char *choose(int n)
{
	struct view v = {0};
	const struct sc_option *o = play_offered(&p, n, NULL);
	int before[METER_N];

	memcpy(before, p.s.meters, sizeof before);
	cr_assert_eq(play_choose(&p, n), 0);
	playview_result(&v, &p, o, before);
	return printed(&v);
}

TestSuite(playview, .fini = fixture_end);

Test(playview, first_step)
{
	struct view v = {0};
	char *s;

	fixture_begin(CONFIG_OEFENEN);
	playview_step(&v, &p);
	cr_assert_eq(v.lines[1].role, VIEW_HEADING);
	cr_assert_eq(v.lines[3].role, VIEW_CLIENT);
	cr_assert_eq(v.lines[4].role, VIEW_METER);
	cr_assert_eq(v.lines[6].role, VIEW_OPTION);
	cr_assert_eq(v.lines[8].tag, 3);
	s = printed(&v);
	cr_assert_str_eq(s,
		"\n"
		"Stap 1 van ca. 2\n"
		"Situatie: Proef belt voor de derde keer.\n"
		"Proef: Ik wacht nu al weken. Wat is er aan de hand?\n"
		"Meters: gezien 4/10, gehoord 4/10, geholpen 3/10\n"
		"Wat doe je?\n"
		"1. Je zegt: „U wacht al lang. Dat is vervelend. "
		"Zal ik kijken?”\n"
		"2. Je zegt: „Daar kan ik niets aan doen.”\n"
		"3. Je leest de regels over de termijn voor en zegt dat "
		"het nog acht weken kan duren.\n");
	free(s);
}

Test(playview, result_in_practice_explains)
{
	char *s;

	fixture_begin(CONFIG_OEFENEN);
	s = choose(0);
	cr_assert_str_eq(s,
		"Jij: Je zegt: „U wacht al lang. Dat is vervelend. "
		"Zal ik kijken?”\n"
		"Proef: Ja, graag.\n"
		"Meters: gezien 6/10 (+2), gehoord 5/10 (+1), geholpen 3/10\n"
		"Uitleg: Je benoemt het wachten en laat zien dat je luistert.\n"
		"Indicatoren\n"
		"+ Vat samen wat de klant zegt (Luisteren, niveau 1)\n"
		"+ Benoemt wat de klant niet zegt (Luisteren, niveau 2)\n");
	free(s);
}

Test(playview, result_in_test_mode_only_shows)
{
	char *s;

	fixture_begin(CONFIG_TOETS);
	s = choose(0);
	cr_assert_null(strstr(s, "Uitleg"));
	cr_assert_null(strstr(s, "Indicatoren"));
	cr_assert_not_null(strstr(s, "Meters: "));
	free(s);
}

Test(playview, where_stops_counting_past_the_expert)
{
	struct buf b = {0};

	fixture_begin(CONFIG_OEFENEN);
	playview_where(&b, &p, 2);
	cr_assert_str_eq(buf_str(&b), "stap 2 van ca. 2");
	buf_clear(&b);
	playview_where(&b, &p, 3);
	cr_assert_str_eq(buf_str(&b), "stap 3");
	buf_free(&b);
}

Test(playview, notice_and_help_only_when_named)
{
	struct scenario sc = {0};
	struct view v = {0};
	char *s;

	playview_notice(&v, &sc);
	playview_help(&v, &sc);
	cr_assert_eq(v.n, 0);
	sc.notice = "Proef scheldt.";
	sc.help = "Bel 113.";
	playview_notice(&v, &sc);
	cr_assert_eq(v.lines[1].role, VIEW_BAD);
	playview_help(&v, &sc);
	cr_assert_eq(v.lines[3].role, VIEW_TITLE);
	s = printed(&v);
	cr_assert_str_eq(s,
		"\n"
		"Let op: Proef scheldt.\n"
		"Je kunt op elk moment stoppen met x; dan telt de sessie niet "
		"mee.\n"
		"== Waar vind je hulp? ==\n"
		"Bel 113.\n");
	free(s);
}

Test(playview, stopped_says_it_does_not_count_and_where_help_is)
{
	struct view v = {0};
	struct scenario sc;
	const struct scenario *keep;
	char *s;

	fixture_begin(CONFIG_OEFENEN);
	keep = p.sc;
	sc = *keep;
	sc.help = "Bel 113.";
	p.sc = &sc;
	playview_stopped(&v, &p);
	p.sc = keep;
	s = printed(&v);
	cr_assert_str_eq(s,
		"\n"
		"Gestopt zonder resultaat. Deze sessie telt niet mee.\n"
		"\n"
		"== Waar vind je hulp? ==\n"
		"Bel 113.\n");
	free(s);
}

/* ---- the meters as the screens draw them (ui/viewdraw) ---- */

static void screen_end(void)
{
	screen_close();
	fixture_end();
}

TestSuite(playview_screen, .init = screen_open, .fini = screen_end);

/* The meters at every width from 60 columns up (the play screen's width
 * is 4 less): a change never touches the next meter's name, two columns
 * at the least, also at the widest "10 +2"; at 80 columns all three on
 * one row; on rows of their own the bars line up (TRAINEE-UX 19). */
Test(playview_screen, meters_keep_apart_at_every_width)
{
	static const int now[METER_N] = {10, 10, 10}, before[] = {8, 9, 10};
	wchar_t row[SCREEN_COLS + 1], name[METER_N][16];
	struct view v = {0};
	int w, y, m, c, rows, bar = -1;

	fixture_begin(CONFIG_OEFENEN);
	memcpy(p.s.meters, now, sizeof now);
	playview_meters(&v, &p, before);
	for (m = 0; m < METER_N; m++)
		mbstowcs(name[m], scenario_meter_name[m], 16);
	for (w = 56; w <= SCREEN_COLS - 4; w++) {
		rows = screen_draw(&v, w);
		for (y = 1; y < rows; y++) {
			screen_row(y, row);
			cr_assert_leq(wcslen(row), (size_t)w, "%d: %ls", w,
				      row);
			for (m = 1; m < METER_N; m++)
				if ((c = screen_col(row, name[m])) > 0)
					cr_assert(row[c - 1] == L' ' &&
						  row[c - 2] == L' ',
						  "%d: %ls", w, row);
		}
	}
	cr_assert_eq(screen_draw(&v, 76), 2, "80 columns: one row");
	cr_assert_gt(screen_col(screen_row(1, row), L"10 +2  "), 0, "%ls", row);
	cr_assert_eq(screen_draw(&v, 56), 1 + METER_N, "60: a row each");
	for (y = 1; y <= METER_N; y++) {
		c = screen_col(screen_row(y, row), L"\x2588");
		cr_assert(bar < 0 || c == bar, "bars line up: %ls", row);
		bar = c;
	}
	view_free(&v);
}
