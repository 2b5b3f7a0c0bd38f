/* Unit tests for src/reflect: the level rule, shown/missed, undo, n.v.t.,
 * and the rating rule (what a scenario offers at the target level). */
#include <criterion/criterion.h>

#include "content.h"
#include "helpers.h"
#include "reflect.h"

static struct content c;

static void setup(void)
{
	struct diag d = {0};
	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
}

static void teardown(void)
{
	content_free(&c);
}

TestSuite(reflect, .init = setup, .fini = teardown);

Test(reflect, level_rule_branches)
{
	int none[4] = {0, 0, 0, 0}, one[4] = {0, 1, 0, 0}, two[4] = {0, 2, 1, 0};
	int three[4] = {0, 1, 1, 1}, gap[4] = {0, 0, 1, 0}, cap[4] = {0, 1, -1, 1};
	int low_neg[4] = {0, -1, 2, 0}, tie[4] = {0, 1, 0, 0};

	cr_assert_eq(reflect_level(none), 0, "no evidence: 0");
	cr_assert_eq(reflect_level(one), 1);
	cr_assert_eq(reflect_level(two), 2);
	cr_assert_eq(reflect_level(three), 3);
	cr_assert_eq(reflect_level(gap), 2, "a level with net 0 below does not block");
	cr_assert_eq(reflect_level(cap), 1, "negative at 2 caps below 2");
	cr_assert_eq(reflect_level(low_neg), 0, "negative at 1 caps everything");
	cr_assert_eq(reflect_level(tie), 1);
}

static void play_path(struct session *s, const int *opts, int n)
{
	int i;

	session_start(s, &c.scs[0]);
	for (i = 0; i < n; i++)
		cr_assert_eq(session_choose(s, opts[i], 0), 0);
}

Test(reflect, good_path_on_target)
{
	struct session s;
	struct reflect r;
	int path[] = {0, 0};

	play_path(&s, path, 2);
	reflect_build(&r, &s, &c.fws[0], 'B');
	cr_assert_eq(r.comps[0].shown, 2);
	cr_assert_eq(r.comps[0].target, 2);
	cr_assert_eq(r.comps[0].mark, REFLECT_ON);
	cr_assert_eq(r.comps[1].shown, 1);
	cr_assert_eq(r.comps[1].mark, REFLECT_ON);
	cr_assert_eq(r.nshown, 3);
	cr_assert_eq(r.nmissed, 0);
	cr_assert_eq(r.diff[0].chosen, r.diff[0].expert);
	reflect_free(&r);
	session_free(&s);
}

Test(reflect, negative_evidence_and_missed)
{
	struct session s;
	struct reflect r;
	int path[] = {2, 1};

	play_path(&s, path, 2);
	reflect_build(&r, &s, &c.fws[0], 'B');
	cr_assert_eq(r.comps[1].net[1], -2);
	cr_assert_eq(r.comps[1].shown, 0);
	cr_assert_eq(r.comps[1].mark, REFLECT_BELOW);
	cr_assert_eq(r.comps[0].shown, 0);
	cr_assert_eq(r.nmissed, 3, "luis.1.1, luis.2.1 at step 1, uitl.1.1 at step 2");
	cr_assert_eq(r.missed[0].pos, 1);
	cr_assert_eq(r.missed[2].pos, 2);
	cr_assert_neq(r.diff[0].chosen, r.diff[0].expert);
	reflect_free(&r);
	session_free(&s);
}

Test(reflect, undone_choices_do_not_count)
{
	struct session s;
	struct reflect r;

	session_start(&s, &c.scs[0]);
	session_choose(&s, 0, 0);
	session_undo(&s);
	session_choose(&s, 2, 0);
	reflect_build(&r, &s, &c.fws[0], 'A');
	cr_assert_eq(r.nundone, 2);
	cr_assert_eq(r.undone[0].pos, 1, "undone at the step it was made");
	cr_assert_eq(r.comps[0].net[1], 0, "undone +luis.1.1 is not counted");
	cr_assert_eq(r.comps[0].shown, 0);
	reflect_free(&r);
	session_free(&s);
}

Test(reflect, competency_without_evidence_is_not_assessable)
{
	struct session s;
	struct reflect r;
	struct framework fw = c.fws[0];
	struct fw_competency comps[3];

	memcpy(comps, fw.comps, 2 * sizeof *comps);
	comps[2] = comps[1];
	comps[2].id = "extra";
	comps[2].name = "Extra";
	fw.comps = comps;
	fw.ncomps = 3;
	session_start(&s, &c.scs[0]);
	session_choose(&s, 0, 0);
	reflect_build(&r, &s, &fw, 'B');
	cr_assert_eq(r.comps[2].mark, REFLECT_NA);
	cr_assert_str_eq(reflect_mark_name(r.comps[2].mark), "n.v.t.");
	reflect_free(&r);
	session_free(&s);
}

Test(reflect, offered_at_target_is_rated)
{
	struct session s;
	struct reflect r;
	int path[] = {2, 1}, offer[2];

	reflect_offered(&c.scs[0], &c.fws[0], offer);
	cr_assert_eq(offer[0], 2, "Luisteren: +luis.2.1 at step 1");
	cr_assert_eq(offer[1], 1, "Uitleggen: only +uitl.1.1");
	play_path(&s, path, 2);
	reflect_build(&r, &s, &c.fws[0], 'B');
	cr_assert_eq(r.comps[0].offer, 2);
	cr_assert_eq(r.comps[0].target, 2);
	cr_assert_eq(r.comps[0].mark, REFLECT_BELOW, "offered at target 2: rated");
	cr_assert_eq(r.comps[1].target, 1);
	cr_assert_eq(r.comps[1].mark, REFLECT_BELOW, "offered at target 1: rated");
	reflect_free(&r);
	session_free(&s);
}

Test(reflect, not_offered_at_target_is_na_with_level_reached)
{
	struct session s;
	struct reflect r;
	int good[] = {0, 0}, poor[] = {2, 1};

	play_path(&s, good, 2);
	reflect_build(&r, &s, &c.fws[0], 'C');
	cr_assert_eq(r.comps[1].target, 2);
	cr_assert_eq(r.comps[1].offer, 1);
	cr_assert_eq(r.comps[1].shown, 1, "the level reached is kept");
	cr_assert_eq(r.comps[1].mark, REFLECT_NA, "target 2 is not offered: n.v.t.");
	cr_assert_eq(r.comps[0].mark, REFLECT_ON, "Luisteren is offered at 2");
	reflect_free(&r);
	session_free(&s);
	play_path(&s, poor, 2);
	reflect_build(&r, &s, &c.fws[0], 'C');
	cr_assert_eq(r.comps[1].shown, 0);
	cr_assert_eq(r.comps[1].mark, REFLECT_NA, "never onder doel when not offered");
	reflect_free(&r);
	session_free(&s);
}

/* Offer levels of the mini framework for a scenario with steps a (start)
 * and b; the body is the steps and endings. */
static void offered_in(const char *body, int offer[2])
{
	static const char *head =
		"[scenario]\ntitle = t\nsummary = s\npersona = proef\n"
		"channel = telefoon\nlevel = B\nframework = mini\nstart = a\n";
	struct content k;
	struct diag d = {0};
	char text[2048], *p;

	snprintf(text, sizeof text, "%s%s", head, body);
	p = tmpfile_with(text, strlen(text), ".ini");
	cr_assert_eq(content_load(&k, FIXTURES "/mini", &d), 0);
	cr_assert_eq(content_add_path(&k, p, &d), 0, "%s", d.n ? d.v[0].msg : "");
	reflect_offered(&k.scs[k.nscs - 1], &k.fws[0], offer);
	content_free(&k);
	diag_free(&d);
	unlink(p);
	free(p);
}

#define OPT(sec, next, extra) "[" sec "]\ntext = t\nresponse = r\nfeedback = f\n" \
	"next = " next "\n" extra
#define STEP(id) "[step." id "]\nsituation = s\nclient = c\n"
#define END "[end.z]\ntone = goed\nsummary = s\n"

Test(reflect, unreachable_option_offers_nothing)
{
	int offer[2];

	offered_in(STEP("a") OPT("step.a.1", "end.z", "evidence = +uitl.1.1\nexpert = ja\n")
		   OPT("step.a.2", "end.z", "evidence = -luis.2.1\n")
		   STEP("b") OPT("step.b.1", "end.z", "evidence = +luis.2.1 +uitl.2.1\n")
		   OPT("step.b.2", "a", "") END, offer);
	cr_assert_eq(offer[0], 0, "negative evidence offers nothing; b is unreachable");
	cr_assert_eq(offer[1], 1, "+uitl.2.1 only at unreachable step b");
}

Test(reflect, reachable_option_offers_even_behind_a_flag)
{
	int offer[2];

	offered_in(STEP("a") OPT("step.a.1", "b", "evidence = +uitl.1.1\nexpert = ja\n")
		   OPT("step.a.2", "b", "")
		   STEP("b") OPT("step.b.1", "end.z", "expert = ja\n")
		   OPT("step.b.2", "end.z", "")
		   OPT("step.b.3", "end.z", "evidence = +luis.2.1 +uitl.2.1\nneeds = nooit\n")
		   END, offer);
	cr_assert_eq(offer[0], 2, "conditions count as met");
	cr_assert_eq(offer[1], 2);
}

Test(reflect, questions_in_pearls_order)
{
	struct reflect_question q[8];
	size_t n = reflect_questions(&c.scs[0], q);

	cr_assert_eq(n, 6);
	cr_assert_str_eq(q[0].key, "gevoel");
	cr_assert_str_eq(q[1].key, "question1");
	cr_assert_str_eq(q[4].key, "goed");
	cr_assert_str_eq(q[5].key, "anders");
}

Test(reflect, negative_at_level_1_blocks_level_2_and_says_where)
{
	struct session s;
	struct reflect r;
	int path[] = {0, 1};

	c.scs[0].steps[0].opt[0].ev[0].positive = 0;	/* -luis.1.1 */
	play_path(&s, path, 2);
	reflect_build(&r, &s, &c.fws[0], 'B');
	cr_assert_eq(r.comps[0].net[1], -1);
	cr_assert_eq(r.comps[0].net[2], 1);
	cr_assert_eq(r.comps[0].shown, 0);
	cr_assert_eq(r.comps[0].blocked, 2);
	cr_assert_eq(r.comps[0].block, 0);
	cr_assert_eq(r.shown[0].pos, 1);
	cr_assert_eq(r.comps[1].blocked, 0, "negative with nothing above");
	cr_assert_eq(r.comps[1].block, -1);
	reflect_free(&r);
	session_free(&s);
}

Test(reflect, nothing_blocked_without_negative)
{
	struct session s;
	struct reflect r;
	int path[] = {0, 0};

	play_path(&s, path, 2);
	reflect_build(&r, &s, &c.fws[0], 'B');
	cr_assert_eq(r.comps[0].blocked, 0);
	cr_assert_eq(r.comps[0].block, -1);
	reflect_free(&r);
	session_free(&s);
}

/* The levels alone of session s (offer given) are those of its whole
 * reflection. */
static void same_levels(const struct session *s, char role, const int *offer)
{
	const struct framework *fw = &c.fws[0];
	struct reflect whole, part;
	size_t i;

	reflect_build(&whole, s, fw, role);
	reflect_build_levels(&part, s, fw, role, offer);
	cr_assert_eq(part.ncomps, whole.ncomps);
	cr_assert_eq(part.nshown, whole.nshown);
	for (i = 0; i < whole.ncomps; i++)
		cr_assert_eq(memcmp(&part.comps[i], &whole.comps[i],
				    sizeof whole.comps[i]), 0,
			     "role %c comp %zu", role, i);
	reflect_free(&whole);
	reflect_free(&part);
}

/* For every path of the mini scenario (two steps) and every role. */
Test(reflect, levels_alone_equal_the_whole_reflection)
{
	const struct scenario *sc = &c.scs[0];
	int offer[16], a, b, k;

	cr_assert_leq(c.fws[0].ncomps, 16);
	reflect_offered(sc, &c.fws[0], offer);
	for (a = 0; a < sc->steps[0].nopt; a++)
		for (b = 0; b < 3; b++) {
			struct session s;
			session_start(&s, sc);
			session_choose(&s, a, 0);
			if (s.step >= 0 && b < sc->steps[s.step].nopt)
				session_choose(&s, b, 0);
			for (k = 0; k < 3; k++)
				same_levels(&s, (char)('A' + k), offer);
			session_free(&s);
		}
}
