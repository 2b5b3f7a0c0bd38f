/* Unit tests for src/reviewview: a session as a table row, and the
 * exact plain text of a timeline of the mini scenario. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reviewview.h"
#include "view_fixture.h"

Test(reviewview, row_is_a_numbered_table_row)
{
	struct review_session s = {0};
	struct view v = {0};
	char *out;

	s.started = "2023-11-14T22:13:20Z";
	s.trainee = "Sanne\x1b[2J";
	s.scenario = "proef-basis";
	s.mode = "oefenen";
	s.finished = s.done = 1;
	s.nfeedback = 2;
	reviewview_row(&v, &s, 7);
	cr_assert_eq(v.lines[0].tag, 7);
	cr_assert(v.lines[0].cells);
	out = printed(&v);
	cr_assert_str_eq(out, "7.\t2023-11-14\tSanne\\x1b[2J\tproef-basis\t"
			 "oefenen\tafgerond\t-\t2\n");
	free(out);
}

Test(reviewview, the_list_has_a_heading_per_column)
{
	struct review r = {0};
	struct review_session s = {0};
	struct view v = {0};
	char *out;

	s.trainee = "Zoë van der Berg-Jansen";
	r.s = &s;
	r.n = r.nfiles = 1;
	reviewview_list(&v, &r);
	cr_assert_eq(v.n, 3);
	cr_assert(v.lines[1].cells);
	cr_assert_eq(v.lines[1].role, VIEW_HEADING);
	out = printed(&v);
	cr_assert_str_eq(out, "Sessies: 1 (uit 1 bestanden)\n"
			 "nr\tdatum\tcursist\tscenario\tmodus\tstatus\t"
			 "einde\tfb\n1.\t\tZoë van der Berg-Jansen\t\t\t"
			 "onderbroken\t-\t\n");
	free(out);
}

/* The TUI's session list: the sessions a search left (shown), numbered
 * from 1, tagged after the intervisie records above them; a window of
 * it builds only its rows, the same as the whole list's. */
Test(reviewview, the_list_on_screen_is_built_a_window_at_a_time)
{
	static char names[300][16];
	struct review_session s[300] = {{0}};
	struct review r = {0};
	int shown[150];
	struct reviewview_sel sel = {&r, shown, 150, 2};
	struct view_list l = {.n = 150, .tag0 = 3, .rows = reviewview_rows,
			      .ctx = &sel};
	size_t i;

	for (i = 0; i < 300; i++) {
		snprintf(names[i], sizeof names[i], "Cursist %zu", i * 7);
		s[i].trainee = names[i];
		s[i].nfeedback = i == 299 ? 12 : 0;
	}
	for (i = 0; i < 150; i++)
		shown[i] = (int)(2 * i + 1);
	r.s = s;
	r.n = 300;
	view_add(&l.head, VIEW_DIM, 2, "verslag 1");
	view_add(&l.head, VIEW_DIM, 2, "verslag 2");
	reviewview_head(&l.head);
	view_list_measure(&l);
	cr_assert_eq(l.columns.width[2], 12, "Cursist 2093");
	cr_assert_eq(l.columns.width[7], 2, "12 feedback, far down");
	window_matches(&l, 0, 25);
	window_matches(&l, 70, 25);
	window_matches(&l, 140, 25);
	{
		struct view v = {0};
		reviewview_rows(&sel, &v, 149, 1);
		cr_assert_eq(v.lines[0].tag, 152);
		cr_assert_str_eq(v.lines[0].text, "150.\t\tCursist 2093\t"
				 "\t\tonderbroken\t-\t12");
		view_free(&v);
	}
	view_list_free(&l);
}

TestSuite(reviewview_timeline, .fini = fixture_end);

/* The printed timeline of the session played so far (caller frees). */
static char *timeline_text(void)
{
	struct view v = {0};
	struct diag d = {0};

	cr_assert_eq(reviewview_timeline(&v, &fixture_content, p.log.path, &d),
		     0);
	diag_free(&d);
	return printed(&v);
}

Test(reviewview_timeline, choice_undo_and_the_options_not_chosen)
{
	char *out;

	fixture_begin(CONFIG_OEFENEN);
	cr_assert_eq(play_choose(&p, 1), 0);
	cr_assert_eq(play_undo(&p), 0);
	cr_assert_eq(play_choose(&p, 0), 0);
	out = timeline_text();
	cr_assert(strstr(out, "Sessie van Sanne\nScenario: Proef belt\n"
			 "Modus: oefenen, begonnen "), "%s", out);
	cr_assert(strstr(out, "\nTeruggenomen bij stap 1, optie 2: Je zegt: "
			 "„Daar kan ik niets aan doen.”\n"), "%s", out);
	cr_assert(strstr(out, "\nGekozen 1 (expert): Je zegt: „U wacht al "
			 "lang. Dat is vervelend. Zal ik kijken?”\n"), "%s", out);
	cr_assert(strstr(out, "\nniet gekozen 2: Je zegt: „Daar kan ik "
			 "niets aan doen.”\n"), "%s", out);
	free(out);
}

Test(reviewview_timeline, meters_named_and_answers_under_their_question)
{
	char *out;

	fixture_begin(CONFIG_OEFENEN);
	cr_assert_eq(play_choose(&p, 0), 0);
	cr_assert_eq(play_choose(&p, 0), 0);
	cr_assert_eq(play_log_end(&p), 0);
	cr_assert_eq(play_answer(&p, 1, "Proef wachtte lang"), 0);
	out = timeline_text();
	cr_assert(strstr(out, "\nStap 1 (0.0 s denktijd, daarna gezien "),
		  "%s", out);
	cr_assert(strstr(out, ", gehoord "), "%s", out);
	cr_assert(strstr(out, "\nEinde na 2 stappen (gezien "), "%s", out);
	cr_assert(strstr(out, "\nWat merkte je aan Proef?: Proef wachtte "
			 "lang\n"), "%s", out);
	cr_assert_null(strstr(out, "question1"), "%s", out);
	free(out);
}
