/* Unit tests for src/replayview: the exact plain text of the mini
 * scenario's first step (with and without votes), the tally, the reveal
 * and the summary of a fresh replay. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "intervisie.h"
#include "replayview.h"
#include "view_fixture.h"

static struct intervisie iv;

static void setup(void)
{
	struct diag d = {0};

	cr_assert_eq(content_load(&fixture_content, FIXTURES "/mini", &d), 0);
	tmpdir_make(fixture_dir, "replayview");
	cr_assert_eq(intervisie_begin(&iv, &fixture_content,
				      &fixture_content.scs[0], 1, fixture_dir,
				      &d), 0);
}

static void teardown(void)
{
	intervisie_free(&iv);
	content_free(&fixture_content);
	tmpdir_remove(fixture_dir);
}

TestSuite(replayview, .init = setup, .fini = teardown);

static const char step1[] =
	"\n"
	"== Stap 1 ==\n"
	"Situatie: Proef belt voor de derde keer.\n"
	"Proef: Ik wacht nu al weken. Wat is er aan de hand?\n";

Test(replayview, step_with_and_without_votes)
{
	struct view v = {0};
	int votes[SCENARIO_MAX_OPTS] = {0, 1, 3};
	char *s;

	replayview_step(&v, &iv, NULL);
	cr_assert_eq(v.lines[4].role, VIEW_OPTION);
	cr_assert_eq(v.lines[6].tag, 3);
	s = printed(&v);
	cr_assert_str_eq(s + sizeof step1 - 1,
		"1. Je zegt: „U wacht al lang. Dat is vervelend. "
		"Zal ik kijken?”\n"
		"2. Je zegt: „Daar kan ik niets aan doen.”\n"
		"3. Je leest de regels over de termijn voor en zegt dat "
		"het nog acht weken kan duren.\n");
	cr_assert_eq(strncmp(s, step1, sizeof step1 - 1), 0);
	free(s);
	replayview_step(&v, &iv, votes);
	s = printed(&v);
	cr_assert(strstr(s, "kijken?”   [0 stemmen]\n"));
	cr_assert(strstr(s, "doen.”   [1 stem]\n"));
	cr_assert(strstr(s, "duren.   [3 stemmen]\n"));
	free(s);
}

Test(replayview, split_tally_reveal_and_summary)
{
	struct view v = {0};
	int votes[SCENARIO_MAX_OPTS] = {2, 2, 1, -1}, before[METER_N];
	char *s;

	cr_assert_eq(intervisie_vote(&iv, votes), 0);
	cr_assert_eq(intervisie_next(&iv), -1);
	replayview_tally(&v, &iv);
	cr_assert_eq(v.lines[1].role, VIEW_BAD);
	s = printed(&v);
	cr_assert_str_eq(s, "De groep: optie 1: 2 (40%), optie 2: 2 (40%), "
			 "optie 3: 1 (20%)\n"
			 "De stemmen zijn verdeeld: bespreek het verschil.\n");
	free(s);
	memcpy(before, iv.s.meters, sizeof before);
	cr_assert_eq(intervisie_follow(&iv, 1), 0);
	replayview_reveal(&v, &iv, before);
	cr_assert_eq(v.lines[2].role, VIEW_METER);
	s = printed(&v);
	cr_assert(strncmp(s, "Jullie volgen: Je zegt: „Daar kan ik niets aan "
			  "doen.”\nProef: Dan bel ik wel weer.\nMeters: ",
			  strlen("Jullie volgen: Je zegt: „Daar kan ik niets "
				 "aan doen.”\nProef: Dan bel ik wel weer.\n"
				 "Meters: ")) == 0, "%s", s);
	free(s);
	cr_assert_eq(intervisie_note(&iv, "Te snel."), 0);
	replayview_summary(&v, &iv);
	s = printed(&v);
	cr_assert(strstr(s, "\n== Samenvatting ==\nStap 1\n"
			 "groep:    gelijk\n"
			 "gevolgd:  Je zegt: „Daar kan ik niets aan doen.”\n"
			 "expert:   Je zegt: „U wacht al lang. Dat is "
			 "vervelend. Zal ik kijken?” (expert)\n"
			 "Notitie: Te snel.\n"
			 "Niveau per competentie (groep / gevolgd / expert):\n"),
		  "%s", s);
	cr_assert(strstr(s, "Verslag bewaard: "));
	free(s);
}
