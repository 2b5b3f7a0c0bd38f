/* Unit tests for src/reflectview: the exact plain text of the reflection
 * of a mini scenario session, the roles that colour it, and its
 * competency table as the screens draw it. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feedback.h"
#include "mem.h"
#include "reflectview.h"
#include "screen_fixture.h"
#include "view_fixture.h"

/* Play the mini scenario: option 1 (undone), option 3, option 2. */
static void setup(void)
{
	fixture_begin(CONFIG_OEFENEN);
	cr_assert_eq(play_choose(&p, 0), 0);
	cr_assert_eq(play_undo(&p), 0);
	cr_assert_eq(play_choose(&p, 2), 0);
	cr_assert_eq(play_choose(&p, 1), 0);
	cr_assert(session_finished(&p.s));
}

TestSuite(reflectview, .init = setup, .fini = fixture_end);

/* The plain text of what happened (when what) and why (when why). */
static char *what_why(int what, int why)
{
	struct view v = {0};
	struct reflect r;

	reflect_build(&r, &p.s, p.fw, p.level);
	if (what)
		reflectview_what(&v, &p, &r);
	if (why)
		reflectview_why(&v, &p, &r);
	reflect_free(&r);
	return printed(&v);
}

Test(reflectview, end_and_meter_course)
{
	struct view v = {0};
	char *s;

	reflectview_end(&v, &p);
	cr_assert_eq(v.lines[3].role, VIEW_METER);
	cr_assert(v.lines[6].cells);
	s = printed(&v);
	cr_assert_str_eq(s,
		"\n"
		"Einde van het gesprek (matig)\n"
		"Proef weet het nog steeds niet precies.\n"
		"Hoe Proef het ervaart: gezien 4/10, gehoord 3/10, "
		"geholpen 2/10\n"
		"Verloop van de meters:\n"
		"stap\tgezien\tgehoord\tgeholpen\n"
		"start\t4\t4\t3\n"
		"1\t4\t3\t3\n"
		"2\t4\t3\t2\n");
	free(s);
}

Test(reflectview, what_and_why)
{
	char *s = what_why(1, 1);

	cr_assert_str_eq(s,
		"\n"
		"== Wat gebeurde er? ==\n"
		"Jouw pad naast dat van de expert:\n"
		"Stap 1, jij: Je leest de regels over de termijn voor en "
		"zegt dat het nog acht weken kan duren.\n"
		"Expert: Je zegt: „U wacht al lang. Dat is vervelend. "
		"Zal ik kijken?”\n"
		"Stap 2, jij: Je zegt: „Het duurt nog even.”\n"
		"Expert: Je zegt: „Het besluit is klaar. U krijgt het "
		"deze week.”\n"
		"0 van de 2 keuzes gelijk aan de expert.\n"
		"\n"
		"== Waarom? ==\n"
		"Competenties tegen het doel voor niveau B:\n"
		"competentie\tgetoond\tdoel\toordeel\n"
		"Luisteren\t0\t2\tonder doel\n"
		"Uitleggen\t0\t1\tonder doel\n"
		"Laten zien: niets\n"
		"Het tegendeel laten zien (telt tegen het niveau):\n"
		"bij stap 1: Gebruikt eenvoudige woorden (Uitleggen, "
		"niveau 1)\n"
		"bij stap 2: Gebruikt eenvoudige woorden (Uitleggen, "
		"niveau 1)\n"
		"Gemist:\n"
		"bij stap 1 had je kunnen laten zien: Vat samen wat de klant "
		"zegt (Luisteren, niveau 1)\n"
		"bij stap 1 had je kunnen laten zien: Benoemt wat de klant "
		"niet zegt (Luisteren, niveau 2)\n"
		"bij stap 2 had je kunnen laten zien: Gebruikt eenvoudige "
		"woorden (Uitleggen, niveau 1)\n"
		"Teruggenomen keuzes (tellen niet mee voor het niveau):\n"
		"bij stap 1: Vat samen wat de klant zegt (Luisteren, "
		"niveau 1)\n"
		"bij stap 1: Benoemt wat de klant niet zegt (Luisteren, "
		"niveau 2)\n");
	free(s);
}

Test(reflectview, below_target_is_bad_shown_negative_is_evidence)
{
	struct view v = {0};
	struct reflect r;
	size_t i;
	int bad = 0, neg = 0;

	reflect_build(&r, &p.s, p.fw, p.level);
	reflectview_why(&v, &p, &r);
	reflect_free(&r);
	for (i = 0; i < v.n; i++) {
		bad += v.lines[i].role == VIEW_BAD && v.lines[i].cells;
		neg += v.lines[i].role == VIEW_EVIDENCE_NEG;
	}
	cr_assert_eq(bad, 2);
	cr_assert_eq(neg, 2);
	view_free(&v);
}

Test(reflectview, all_with_answers_and_feedback)
{
	struct view v = {0};
	struct diag d = {0};
	char *s;

	cr_assert_eq(play_log_end(&p), 0);
	cr_assert_eq(play_answer(&p, 1, "Eerst luisteren"), 0);
	cr_assert_eq(feedback_add(p.log.path, "Coach Kim", 1, "Goed gedaan.",
				  &d), 0);
	reflectview_all(&v, &p, &d);
	cr_assert_eq(d.n, 0);
	s = printed(&v);
	cr_assert(strncmp(s, "Reflectie: Proef belt\nCursist: Sanne\n",
			  37) == 0);
	cr_assert_not_null(strstr(s, "\n== Hoe voelde het? ==\nVraag: Hoe "
				  "voelde dit gesprek voor jou?\nAntwoord: "
				  "(niet beantwoord)\n"));
	cr_assert_not_null(strstr(s, "\n== Wat neem je mee? ==\nVraag: Wat "
				  "merkte je aan Proef?\nAntwoord: Eerst "
				  "luisteren\n"));
	cr_assert_not_null(strstr(s, "\n== Feedback van je coach ==\nCoach "
				  "Kim bij stap 1 ("));
	cr_assert_not_null(strstr(s, "): Goed gedaan.\n"));
	free(s);
}

/* Choose option k of the current step whatever the order it is offered
 * in (toets shuffles). */
static void choose_option(int k)
{
	const struct sc_option *want = &p.sc->steps[p.s.step].opt[k];
	int i;

	for (i = 0; play_offered(&p, i, NULL) != want; i++)
		cr_assert_not_null(play_offered(&p, i, NULL));
	cr_assert_eq(play_choose(&p, i), 0);
}

/* Toets, with the first evidence of the first option turned negative:
 * step 1 shows the opposite of a level-1 indicator and a level-2 one. */
static void setup_blocked(void)
{
	fixture_begin(CONFIG_TOETS);
	fixture_content.scs[0].steps[0].opt[0].ev[0].positive = 0;
	choose_option(0);
	choose_option(0);
	cr_assert(session_finished(&p.s));
}

TestSuite(reflectview_toets, .init = setup_blocked, .fini = fixture_end);

Test(reflectview_toets, blocked_level_is_explained_next_to_the_table)
{
	char *s = what_why(0, 1);

	cr_assert_not_null(strstr(s,
		"Luisteren\t0\t2\tonder doel\n"
		"Uitleggen\t1\t1\top doel\n"
		"Luisteren: niveau 2 telt niet mee: bij stap 1 liet je het "
		"tegendeel zien van „Vat samen wat de klant zegt” "
		"(niveau 1).\n"
		"Laten zien:\n"
		"bij stap 1: Benoemt wat de klant niet zegt (Luisteren, "
		"niveau 2)\n"
		"bij stap 2: Gebruikt eenvoudige woorden (Uitleggen, "
		"niveau 1)\n"
		"Het tegendeel laten zien (telt tegen het niveau):\n"
		"bij stap 1: Vat samen wat de klant zegt (Luisteren, "
		"niveau 1)\n"), "%s", s);
	free(s);
}

Test(reflectview_toets, each_step_gives_reaction_and_why)
{
	char *s = what_why(1, 0);

	cr_assert_str_eq(s,
		"\n"
		"== Wat gebeurde er? ==\n"
		"Jouw pad naast dat van de expert:\n"
		"Stap 1, jij: Je zegt: „U wacht al lang. Dat is vervelend. "
		"Zal ik kijken?”\n"
		"Proef: Ja, graag.\n"
		"Waarom: Je benoemt het wachten en laat zien dat je "
		"luistert.\n"
		"Expert: dezelfde keuze\n"
		"Stap 2, jij: Je zegt: „Het besluit is klaar. U krijgt het "
		"deze week.”\n"
		"Proef: Eindelijk, dank u.\n"
		"Waarom: Je geeft een helder antwoord.\n"
		"Expert: dezelfde keuze\n"
		"2 van de 2 keuzes gelijk aan de expert.\n");
	free(s);
}

/* ---- the competency table as the screens draw it (ui/viewdraw) ---- */

static void screen_setup(void)
{
	setup();
	screen_open();
}

static void screen_end(void)
{
	screen_close();
	fixture_end();
}

TestSuite(reflectview_screen, .init = screen_setup, .fini = screen_end);

/* Blank on the screen: a space, or the padding of a table cell. */
static int blank(wchar_t c)
{
	return c == L' ' || c == L'\xa0';
}

/* At 60 and 80 columns (the reflection's width is 4 less) every cell
 * starts in its heading's column, also after a name with a two-byte
 * letter, and a long last cell hangs under its column instead of being
 * cut (TRAINEE-UX 19). */
Test(reflectview_screen, competency_table_aligns_at_60_and_80)
{
	static const int width[] = {56, 76};
	static const wchar_t *const head[] = {L"getoond", L"doel", L"oordeel"};
	wchar_t row[SCREEN_COLS + 1];
	struct view v = {0};
	struct reflect r;
	int k, i, y, top, col[3];

	free(fixture_content.fws[0].comps[0].name);
	fixture_content.fws[0].comps[0].name = mem_strdup("Coördineren");
	reflect_build(&r, &p.s, p.fw, p.level);
	r.comps[1].mark = REFLECT_NA;	/* "n.v.t. in dit scenario ..." */
	r.comps[1].offer = 1;
	reflectview_why(&v, &p, &r);
	reflect_free(&r);
	for (k = 0; k < 2; k++) {
		int rows = screen_draw(&v, width[k]);
		for (top = 0; top < rows; top++)
			if (screen_col(screen_row(top, row), head[0]) > 0)
				break;
		cr_assert_lt(top, rows, "the table's headings");
		for (i = 0; i < 3; i++)
			col[i] = screen_col(row, head[i]);
		cr_assert_eq(wcsncmp(screen_row(top + 1, row), L"Coördineren",
				     11), 0, "%ls", row);
		for (y = top + 1; y <= top + 2; y++)
			for (i = 0; i < 3; i++)
				cr_assert(!blank(screen_row(y, row)[col[i]]) &&
					  blank(row[col[i] - 1]),
					  "%d: column %d: %ls", width[k], i,
					  row);
		cr_assert_eq(screen_col(screen_row(top + 2, row), L"n.v.t."),
			     col[2]);
		for (y = top + 3; *screen_row(y, row); y++)
			cr_assert_eq(wcsspn(row, L" "), (size_t)col[2],
				     "hangs: %ls", row);
		cr_assert_gt(y, top + 3, "the cell wraps");
		screen_row(y - 1, row);
		cr_assert_eq(wcscmp(row + wcslen(row) - 2, L"1)"), 0,
			     "not cut: %ls", row);
	}
	view_free(&v);
}
