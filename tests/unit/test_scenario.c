/* Unit tests for src/scenario: loading, options, flags, expert choice. */
#include <criterion/criterion.h>

#include "helpers.h"
#include "scenario.h"

#define BASIS FIXTURES "/mini/content/scenarios/proef-basis.ini"

Test(scenario, loads_fixture)
{
	struct scenario sc;
	struct diag d = {0};
	const struct sc_step *st;

	cr_assert_eq(scenario_load(&sc, BASIS, &d), 0);
	cr_assert_str_eq(sc.id, "proef-basis");
	cr_assert_eq(sc.level, 'B');
	cr_assert_str_eq(sc.framework, "mini");
	cr_assert_eq(sc.nsteps, 2);
	cr_assert_eq(sc.nends, 3);
	cr_assert_eq(sc.nquestions, 3);
	cr_assert_eq(sc.meter0[METER_GEHOLPEN], 3);
	cr_assert_eq(sc.start_step, 0);
	st = &sc.steps[0];
	cr_assert_eq(st->nopt, 3);
	cr_assert_eq(st->opt[0].effect[METER_GEZIEN], 2);
	cr_assert_eq(st->opt[0].nev, 2);
	cr_assert_str_eq(st->opt[0].ev[1].ind, "luis.2.1");
	cr_assert(st->opt[0].ev[1].positive);
	cr_assert_not(st->opt[1].ev[0].positive);
	cr_assert_eq(st->opt[1].next_end, 2);
	cr_assert_eq(st->opt[0].next_step, 1);
	cr_assert_eq(sc.nflags, 1);
	cr_assert_eq(strlen(sc.version), 16);
	scenario_free(&sc);
}

Test(scenario, flags_and_expert)
{
	struct scenario sc;
	struct diag d = {0};
	const struct sc_option *cond;

	cr_assert_eq(scenario_load(&sc, BASIS, &d), 0);
	cond = &sc.steps[1].opt[2];
	cr_assert_not(scenario_offered(cond, 0));
	cr_assert(scenario_offered(cond, sc.steps[0].opt[0].sets));
	cr_assert_eq(scenario_expert(&sc, 0, 0), 0);
	cr_assert_eq(scenario_expert(&sc, 1, 1), 0);
	scenario_free(&sc);
}

Test(scenario, reach_follows_every_option)
{
	struct scenario sc;
	struct diag d = {0};
	char steps[3], ends[3];

	cr_assert_eq(scenario_load(&sc, FIXTURES "/bad/unreachable-step.ini", &d), 0);
	cr_assert_eq(sc.nsteps, 3);
	scenario_reach(&sc, steps, ends);
	cr_assert(steps[0] && steps[1], "begin and uitleg are reachable");
	cr_assert_not(steps[2], "wees is never a target");
	cr_assert(ends[0] && ends[1] && ends[2], "end.matig only via uitleg.2");
	scenario_free(&sc);
}

static int load_text(const char *text, struct scenario *sc, struct diag *d)
{
	char *p = tmpfile_with(text, strlen(text), ".ini");
	int rc = scenario_load(sc, p, d);

	unlink(p);
	free(p);
	return rc;
}

static int has(const struct diag *d, int line, const char *part)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].line == line && strstr(d->v[i].msg, part))
			return 1;
	return 0;
}

Test(scenario, option_order_and_errors)
{
	const char *text =
		"[scenario]\ntitle = t\nsummary = s\npersona = p\nchannel = fax\nlevel = D\nstart = a\n"
		"[step.a]\nsituation = x\nclient = y\n"
		"[step.a.2]\ntext = b\nresponse = r\nfeedback = f\nnext = end.z\ngezien = 9\n"
		"[step.a.1]\ntext = a\nresponse = r\nfeedback = f\nnext = nergens\nevidence = x.1.1\n"
		"[step.a.7]\n[step.b.1]\n[end.z]\ntone = prima\nsummary = s\n";
	struct scenario sc;
	struct diag d = {0};

	cr_assert_eq(load_text(text, &sc, &d), -1);
	cr_assert(has(&d, 5, "onbekend kanaal 'fax'"));
	cr_assert(has(&d, 6, "'level' moet A, B of C zijn"));
	scenario_free(&sc);
	diag_free(&d);
	text = "[scenario]\ntitle = t\nsummary = s\npersona = p\nchannel = chat\nlevel = A\nstart = a\n"
	       "[step.a]\nsituation = x\nclient = y\n"
	       "[step.a.2]\ntext = b\nresponse = r\nfeedback = f\nnext = end.z\ngezien = 9\n"
	       "[step.a.1]\ntext = a\nresponse = r\nfeedback = f\nnext = nergens\nevidence = x.1.1\n"
	       "[step.a.7]\n[step.b.1]\n[end.z]\ntone = prima\nsummary = s\n";
	cr_assert_eq(load_text(text, &sc, &d), -1);
	cr_assert(has(&d, 16, "'gezien' moet een getal van -3 tot en met 3 zijn"));
	cr_assert(has(&d, 21, "onbekende stap of einde 'nergens'"));
	cr_assert(has(&d, 22, "moet beginnen met + of -"));
	cr_assert(has(&d, 23, "nummer moet 1 tot en met 4 zijn"));
	cr_assert(has(&d, 24, "onbekende stap"));
	cr_assert(has(&d, 26, "'tone' moet goed, matig of slecht zijn"));
	cr_assert_eq(sc.steps[0].opt[0].num, 1, "options sorted by number");
	scenario_free(&sc);
	diag_free(&d);
}

Test(scenario, notice_and_help)
{
	struct scenario sc;
	struct diag d = {0};
	const char *text =
		"[scenario]\ntitle = t\nsummary = s\npersona = p\nchannel = chat\nlevel = A\nstart = a\n"
		"notice = \nhelp = Bel 113.\n"
		"[step.a]\nsituation = x\nclient = y\n"
		"[step.a.1]\ntext = a\nresponse = r\nfeedback = f\nnext = end.z\n"
		"[end.z]\ntone = goed\nsummary = s\n";

	cr_assert_eq(scenario_load(&sc, BASIS, &d), 0);
	cr_assert_null(sc.notice, "no notice key: no notice");
	cr_assert_null(sc.help);
	scenario_free(&sc);
	cr_assert_eq(scenario_load(&sc, FIXTURES "/safety/proef-boos.ini", &d), 0);
	cr_assert_str_eq(sc.notice, "Proef wordt boos en scheldt. Je kunt altijd stoppen.");
	cr_assert_str_eq(sc.help, "Praat na met je teamleider. Denk je aan zelfdoding? "
			 "Bel 113 of 0800-0113.");
	cr_assert_eq(sc.line_notice, 16);
	cr_assert_eq(sc.line_help, 17);
	cr_assert_eq(d.n, 0, "notice and help are known keys");
	scenario_free(&sc);
	cr_assert_eq(load_text(text, &sc, &d), -1);
	cr_assert(has(&d, 8, "mist een tekst voor 'notice'"));
	cr_assert_str_eq(sc.help, "Bel 113.");
	scenario_free(&sc);
	diag_free(&d);
}
