/* Unit tests for src/check: graph rules, flags, expert path, coverage. */
#include <criterion/criterion.h>

#include "check.h"
#include "helpers.h"

static const char *head =
	"[scenario]\ntitle = t\nsummary = s\npersona = proef\nchannel = telefoon\n"
	"level = A\nframework = mini\nstart = a\nquestion1 = q\nquestion2 = q\nquestion3 = q\n";

static const char *opt(char *buf, size_t n, const char *sec, const char *next,
		       const char *extra)
{
	snprintf(buf, n, "[%s]\ntext = t\nresponse = r\nfeedback = f\nnext = %s\n%s", sec,
		 next, extra);
	return buf;
}

/* Load head + body as a scenario into the mini content and check it
 * with fn. */
static int run_with(int (*fn)(const struct content *,
			      const struct scenario *, struct diag *),
		    const char *body, struct diag *d)
{
	struct content c;
	struct diag ld = {0};
	char *text = malloc(strlen(head) + strlen(body) + 1), *p;
	int rc;

	strcpy(text, head);
	strcat(text, body);
	p = tmpfile_with(text, strlen(text), ".ini");
	cr_assert_eq(content_load(&c, FIXTURES "/mini", &ld), 0);
	cr_assert_eq(content_add_path(&c, p, &ld), 0, "load: %s", ld.n ? ld.v[0].msg : "");
	rc = fn(&c, &c.scs[c.nscs - 1], d);
	content_free(&c);
	diag_free(&ld);
	unlink(p);
	free(p);
	free(text);
	return rc;
}

static int run(const char *body, struct diag *d)
{
	return run_with(check_scenario, body, d);
}

static int has(const struct diag *d, const char *part)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strstr(d->v[i].msg, part))
			return 1;
	return 0;
}

static char *two_steps(const char *a1, const char *a2, const char *b1, const char *b2)
{
	static char out[4096];
	char o1[256], o2[256], o3[256], o4[256], o5[256];

	snprintf(out, sizeof out,
		 "[step.a]\nsituation = s\nclient = c\n%s%s"
		 "[step.b]\nsituation = s\nclient = c\n%s%s%s"
		 "[end.z]\ntone = goed\nsummary = s\n",
		 opt(o1, sizeof o1, "step.a.1", a1, "expert = ja\nsets = vlag\n"),
		 opt(o2, sizeof o2, "step.a.2", a2, ""),
		 opt(o3, sizeof o3, "step.b.1", b1, "expert = ja\n"),
		 opt(o4, sizeof o4, "step.b.2", b2, ""),
		 opt(o5, sizeof o5, "step.b.3", b2, "needs = vlag\n"));
	return out;
}

Test(check, valid_graph_has_no_errors)
{
	struct diag d = {0};

	cr_assert_eq(run(two_steps("b", "b", "end.z", "end.z"), &d), 0, "%s", d.n ? d.v[0].msg : "");
	cr_assert(has(&d, "expertpad heeft 2 keuzemomenten"), "short expert path warns");
	cr_assert(has(&d, "minder dan 3 eindes"));
	diag_free(&d);
}

Test(check, unreachable_step)
{
	struct diag d = {0};

	cr_assert_gt(run(two_steps("end.z", "end.z", "end.z", "end.z"), &d), 0);
	cr_assert(has(&d, "stap 'b' is onbereikbaar"));
	diag_free(&d);
}

Test(check, cycle_without_exit)
{
	struct diag d = {0};

	cr_assert_gt(run(two_steps("b", "end.z", "b", "b"), &d), 0);
	cr_assert(has(&d, "vanaf stap 'b' is geen einde te bereiken"));
	cr_assert(has(&d, "expertpad bereikt geen einde") == 0, "library rules skipped on errors");
	diag_free(&d);
}

Test(check, option_counts_and_expert)
{
	struct diag d = {0};
	const char *body =
		"[step.a]\nsituation = s\nclient = c\n[step.a.1]\ntext = t\nresponse = r\n"
		"feedback = f\nnext = end.z\n[end.z]\ntone = goed\nsummary = s\n";

	cr_assert_gt(run(body, &d), 0);
	cr_assert(has(&d, "minder dan 2 opties"));
	cr_assert(has(&d, "geen expertkeuze"));
	diag_free(&d);
}

Test(check, flag_needed_before_set)
{
	struct diag d = {0};
	char body[4096], o1[256], o2[256], o3[256], o4[256];

	snprintf(body, sizeof body,
		 "[step.a]\nsituation = s\nclient = c\n%s%s[step.b]\nsituation = s\nclient = c\n%s%s"
		 "[end.z]\ntone = goed\nsummary = s\n",
		 opt(o1, sizeof o1, "step.a.1", "b", "expert = ja\nneeds = later\n"),
		 opt(o2, sizeof o2, "step.a.2", "b", "expert = ja\n"),
		 opt(o3, sizeof o3, "step.b.1", "end.z", "expert = ja\nsets = later\n"),
		 opt(o4, sizeof o4, "step.b.2", "end.z", ""));
	cr_assert_gt(run(body, &d), 0);
	cr_assert(has(&d, "vlag 'later' is nodig voordat een pad hem kan zetten (stap 'a')"));
	diag_free(&d);
}

Test(check, unknown_references)
{
	struct diag d = {0};
	char body[4096], o1[256], o2[256];

	snprintf(body, sizeof body,
		 "[step.a]\nsituation = s\nclient = c\n%s%s[end.z]\ntone = goed\nsummary = s\n",
		 opt(o1, sizeof o1, "step.a.1", "end.z", "expert = ja\nevidence = +luis.9.9\n"),
		 opt(o2, sizeof o2, "step.a.2", "end.z", ""));
	cr_assert_gt(run(body, &d), 0);
	cr_assert(has(&d, "onbekende indicator 'luis.9.9' in framework mini"));
	diag_free(&d);
}

Test(check, expert_length_and_coverage)
{
	struct content c;
	struct diag d = {0};
	int pos[5], neg[5];

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	cr_assert_eq(check_all(&c, &d), 0);
	cr_assert_eq(check_expert_length(&c.scs[0]), 2);
	check_coverage(&c, &c.fws[0], pos, neg);
	cr_assert_eq(pos[0], 2, "luis.1.1 positive twice");
	cr_assert_eq(neg[0], 1);
	cr_assert_eq(pos[3], 2, "uitl.1.1 positive twice");
	cr_assert_eq(neg[3], 2);
	content_free(&c);
	diag_free(&d);
}

/* Steps a and b: a.1 (expert) and a.2 go to b with extra keys a1 and a2;
 * b.3 has the extra keys b3. */
static const char *branches(const char *a1, const char *a2, const char *b3)
{
	static char out[4096];
	char o1[256], o2[256], o3[256], o4[256], o5[256], x1[128];

	snprintf(x1, sizeof x1, "expert = ja\n%s", a1);
	snprintf(out, sizeof out,
		 "[step.a]\nsituation = s\nclient = c\n%s%s"
		 "[step.b]\nsituation = s\nclient = c\n%s%s%s"
		 "[end.z]\ntone = goed\nsummary = s\n",
		 opt(o1, sizeof o1, "step.a.1", "b", x1),
		 opt(o2, sizeof o2, "step.a.2", "b", a2),
		 opt(o3, sizeof o3, "step.b.1", "end.z", "expert = ja\n"),
		 opt(o4, sizeof o4, "step.b.2", "end.z", ""),
		 opt(o5, sizeof o5, "step.b.3", "end.z", b3));
	return out;
}

/* The warning about option 3 of step b, or NULL. */
static const struct diag_item *never_b3(const struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strstr(d->v[i].msg, "optie 3 van stap 'b' komt nooit in beeld"))
			return &d->v[i];
	return NULL;
}

Test(check, option_whose_flags_are_set_on_different_paths_never_shows)
{
	struct diag d = {0};
	const struct diag_item *w;

	cr_assert_eq(run(branches("sets = x\n", "sets = y\n", "needs = x y\n"), &d), 0);
	w = never_b3(&d);
	cr_assert_not_null(w, "needs x and y, set on different paths");
	cr_assert_eq(w->sev, DIAG_WARNING);
	cr_assert_eq(w->line, 47, "the line of needs: %d", w->line);
	diag_free(&d);
}

Test(check, option_needing_an_unset_flag_that_every_path_sets_never_shows)
{
	struct diag d = {0};

	cr_assert_eq(run(branches("sets = x\n", "sets = x y\n", "needs = !x\n"), &d), 0);
	cr_assert_not_null(never_b3(&d));
	diag_free(&d);
	cr_assert_eq(run(branches("sets = x\n", "sets = y\n", "needs = !x\n"), &d), 0);
	cr_assert_null(never_b3(&d), "a.2 leaves x unset");
	diag_free(&d);
}

Test(check, options_that_can_show_give_no_warning)
{
	struct diag d = {0};

	cr_assert_eq(run(branches("sets = x\n", "sets = y\n", "needs = x !y\n"), &d), 0);
	cr_assert_null(never_b3(&d));
	diag_free(&d);
	cr_assert_eq(run(two_steps("b", "b", "end.z", "end.z"), &d), 0);
	cr_assert(!has(&d, "komt nooit in beeld"));
	diag_free(&d);
}

/* For playing and listing only errors count: check_errors finds the
 * same errors without the walk and scans that can only warn. */
Test(check, check_errors_skips_the_warning_only_rules)
{
	struct diag d = {0};
	const char *body = branches("sets = x\n", "sets = y\n", "needs = x y\n");
	int errors;

	cr_assert_eq(run_with(check_errors, body, &d), 0);
	cr_assert_null(never_b3(&d));
	diag_free(&d);
	cr_assert_eq(run(body, &d), 0);
	cr_assert_not_null(never_b3(&d));
	diag_free(&d);
	body = two_steps("end.z", "end.z", "end.z", "end.z");
	errors = run_with(check_errors, body, &d);
	cr_assert(has(&d, "stap 'b' is onbereikbaar"));
	diag_free(&d);
	cr_assert_eq(run(body, &d), errors);
	diag_free(&d);
}

/* Step id number s of a chain: "a" (the start), then "a2", "a3" and on. */
static const char *link_id(char *buf, size_t n, int s, const char *suffix)
{
	if (s == 1)
		snprintf(buf, n, "a%s", suffix);
	else
		snprintf(buf, n, "a%d%s", s, suffix);
	return buf;
}

/* n steps in a row; option 1 of each but the last sets its own flag, and
 * option 3 of the last needs f1 and not f1 (and tests every other flag). */
static const char *chain(int n)
{
	static char body[16384];
	char o[512], id[16], sec[24], next[24], x[64], needs[256] = "needs = f1 !f1";
	size_t len = 0;
	int s;

	for (s = 1; s < n; s++)
		snprintf(needs + strlen(needs), sizeof needs - strlen(needs), " f%d", s);
	strcat(needs, "\n");
	for (s = 1; s <= n; s++) {
		link_id(next, sizeof next, s + 1, "");
		snprintf(x, sizeof x, "expert = ja\nsets = f%d\n", s);
		len += (size_t)snprintf(body + len, sizeof body - len,
					"[step.%s]\nsituation = s\nclient = c\n",
					link_id(id, sizeof id, s, ""));
		snprintf(sec, sizeof sec, "step.%s", link_id(id, sizeof id, s, ".1"));
		len += (size_t)snprintf(body + len, sizeof body - len, "%s",
					opt(o, sizeof o, sec, s < n ? next : "end.z",
					    s < n ? x : "expert = ja\n"));
		snprintf(sec, sizeof sec, "step.%s", link_id(id, sizeof id, s, ".2"));
		len += (size_t)snprintf(body + len, sizeof body - len, "%s",
					opt(o, sizeof o, sec, s < n ? next : "end.z", ""));
	}
	snprintf(sec, sizeof sec, "step.%s", link_id(id, sizeof id, n, ".3"));
	len += (size_t)snprintf(body + len, sizeof body - len, "%s[end.z]\ntone = goed\nsummary = s\n",
				opt(o, sizeof o, sec, "end.z", needs));
	cr_assert_lt(len, sizeof body);
	return body;
}

Test(check, contradiction_found_among_many_flag_sets)
{
	struct diag d = {0};

	cr_assert_eq(run(chain(12), &d), 0, "%s", d.n ? d.v[0].msg : "");
	cr_assert(has(&d, "optie 3 van stap 'a12' komt nooit in beeld"));
	diag_free(&d);
}

/* 2^15 flag sets at the last step are more than the walk takes: the rule
 * is skipped rather than slow. */
Test(check, too_many_flag_sets_skip_the_rule)
{
	struct diag d = {0};

	cr_assert_eq(run(chain(16), &d), 0, "%s", d.n ? d.v[0].msg : "");
	cr_assert(!has(&d, "komt nooit in beeld"));
	diag_free(&d);
}

/* Every (step, flag set) pair of a and b is reached through the loop
 * b.2 -> a: the walk's table, sized for exactly that many states, still
 * finishes and finds the option that needs vlag and not vlag. */
Test(check, walk_reaching_every_flag_set_of_every_step_finishes)
{
	struct diag d = {0};
	char body[2048], o[5][256];

	snprintf(body, sizeof body,
		 "[step.a]\nsituation = s\nclient = c\n%s%s"
		 "[step.b]\nsituation = s\nclient = c\n%s%s%s"
		 "[end.z]\ntone = goed\nsummary = s\n",
		 opt(o[0], sizeof o[0], "step.a.1", "b", "expert = ja\nsets = vlag\n"),
		 opt(o[1], sizeof o[1], "step.a.2", "b", ""),
		 opt(o[2], sizeof o[2], "step.b.1", "end.z", "expert = ja\n"),
		 opt(o[3], sizeof o[3], "step.b.2", "a", ""),
		 opt(o[4], sizeof o[4], "step.b.3", "a", "needs = vlag !vlag\n"));
	cr_assert_eq(run(body, &d), 0, "%s", d.n ? d.v[0].msg : "");
	cr_assert_not_null(never_b3(&d));
	diag_free(&d);
}

/* Step a with an expert option and another one, each with its evidence. */
static char *rated_body(const char *expert_ev, const char *other_ev)
{
	static char body[2048];
	char o1[256], o2[256], e1[128], e2[128];

	snprintf(e1, sizeof e1, "expert = ja\nevidence = %s\n", expert_ev);
	snprintf(e2, sizeof e2, "evidence = %s\n", other_ev);
	snprintf(body, sizeof body,
		 "[step.a]\nsituation = s\nclient = c\n%s%s[end.z]\ntone = goed\nsummary = s\n",
		 opt(o1, sizeof o1, "step.a.1", "end.z", e1),
		 opt(o2, sizeof o2, "step.a.2", "end.z", e2));
	return body;
}

Test(check, expert_path_below_target_is_an_error)
{
	struct diag d = {0};

	cr_assert_eq(run(rated_body("-luis.1.1 +uitl.1.1", "+luis.1.1"), &d), 1);
	cr_assert(has(&d, "het expertpad eindigt onder doel op Luisteren "
		      "(getoond 0, doel 1 voor functieniveau A)"));
	cr_assert(!has(&d, "Uitleggen"), "Uitleggen is op doel");
	diag_free(&d);
}

Test(check, expert_path_on_target_everywhere_passes)
{
	struct diag d = {0};

	cr_assert_eq(run(rated_body("+luis.1.1 +uitl.1.1", "-luis.1.1 +luis.2.1"), &d), 0);
	cr_assert(!has(&d, "onder doel"));
	cr_assert(!has(&d, "beoordeelt"), "both competencies are rated");
	diag_free(&d);
}

Test(check, fewer_rated_competencies_warn)
{
	struct diag d = {0};

	cr_assert_eq(run(rated_body("+luis.1.1", "-luis.1.1 -uitl.1.1"), &d), 0);
	cr_assert(has(&d, "het scenario beoordeelt 1 van de 2 competenties; "
		      "minimaal 2 aanbevolen"));
	cr_assert_eq(d.v[d.n - 1].sev, DIAG_WARNING);
	diag_free(&d);
}

/* A content notice needs help; help without a notice only warns. */
Test(check, notice_needs_help)
{
	struct diag d = {0};
	char *body = two_steps("b", "b", "end.z", "end.z");
	char with[4200];

	snprintf(with, sizeof with, "notice = Let op.\n%s", body);
	cr_assert_eq(run(with, &d), 1);
	cr_assert(has(&d, "'notice' zonder 'help'"));
	diag_free(&d);
	snprintf(with, sizeof with, "help = Bel 113.\n%s", body);
	cr_assert_eq(run(with, &d), 0);
	cr_assert(has(&d, "'help' zonder 'notice'"));
	diag_free(&d);
	snprintf(with, sizeof with, "notice = Let op.\nhelp = Bel 113.\n%s", body);
	cr_assert_eq(run(with, &d), 0);
	cr_assert_not(has(&d, "zonder 'help'") || has(&d, "zonder 'notice'"));
	diag_free(&d);
}

/* Start keys for [scenario] and n steps in a row ("a", "a2", ...): option
 * 1, the expert's, of each has the keys one, option 2 the keys two. */
static const char *meter_chain(const char *start, int n, const char *one,
			       const char *two)
{
	static char body[8192];
	char o1[512], o2[512], id[16], s1[24], s2[24], next[24], x[128];
	size_t len = (size_t)snprintf(body, sizeof body, "%s", start);
	int s;

	snprintf(x, sizeof x, "expert = ja\n%s", one);
	for (s = 1; s <= n; s++) {
		snprintf(next, sizeof next, "%s",
			 s < n ? link_id(id, sizeof id, s + 1, "") : "end.z");
		snprintf(s1, sizeof s1, "step.%s",
			 link_id(id, sizeof id, s, ".1"));
		snprintf(s2, sizeof s2, "step.%s",
			 link_id(id, sizeof id, s, ".2"));
		len += (size_t)snprintf(body + len, sizeof body - len,
					"[step.%s]\nsituation = s\n"
					"client = c\n%s%s",
					link_id(id, sizeof id, s, ""),
					opt(o1, sizeof o1, s1, next, x),
					opt(o2, sizeof o2, s2, next, two));
	}
	len += (size_t)snprintf(body + len, sizeof body - len,
				"[end.z]\ntone = goed\nsummary = s\n");
	cr_assert_lt(len, sizeof body);
	return body;
}

/* The line of key in section sec of head + body. */
static int line_of(const char *body, const char *sec, const char *key)
{
	const char *p = strstr(body, sec), *q;
	int line = 1;

	cr_assert_not_null(p);
	p = strstr(p, key);
	cr_assert_not_null(p);
	for (q = head; *q; q++)
		line += *q == '\n';
	for (q = body; q < p; q++)
		line += *q == '\n';
	return line;
}

/* The warning whose message has part, or NULL. */
static const struct diag_item *warning(const struct diag *d, const char *part)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strstr(d->v[i].msg, part))
			return &d->v[i];
	return NULL;
}

/* Checking body warns with part, in its file, on the line of key in the
 * section sec ("": the first key after the head). */
static void expect_warning_at(const char *body, const char *part,
			      const char *sec, const char *key)
{
	struct diag d = {0};
	const struct diag_item *w;
	size_t i, n = 0;

	cr_assert_eq(run(body, &d), 0, "%s", d.n ? d.v[0].msg : "");
	w = warning(&d, part);
	cr_assert_not_null(w, "no warning '%s'", part);
	cr_assert_eq(w->sev, DIAG_WARNING);
	cr_assert_not_null(w->file);
	cr_assert_not_null(strstr(w->file, ".ini"), "%s", w->file);
	cr_assert_eq(w->line, line_of(body, sec, key), "line %d", w->line);
	for (i = 0; i < d.n; i++)
		n += strstr(d.v[i].msg, "staat") ||
		     strstr(d.v[i].msg, "vijfde");
	cr_assert_eq(n, 1, "one meter warning, not %zu", n);
	diag_free(&d);
}

/* Checking body gives no meter warning. */
static void expect_no_meter_warning(const char *body)
{
	struct diag d = {0};

	cr_assert_eq(run(body, &d), 0);
	cr_assert_null(warning(&d, "staat"), "a meter stuck");
	diag_free(&d);
}

/* 8 + 1 + 1 reaches 10 after choice 2 of 4 and stays: the line is that of
 * the effect that reached it, a2.1's. */
Test(check, meter_at_the_top_before_the_last_two_choices_warns)
{
	expect_warning_at(meter_chain("gezien = 8\n", 4, "gezien = 1\n", ""),
			  "gezien staat na keuze 2 van 4 tot het einde op 10 "
			  "(opties 1-1-1-1)", "[step.a2.1]", "gezien = 1");
}

/* 7 + 1 + 1 + 1 reaches 10 only at choice 3 of 4; 5 + 1 never does. */
Test(check, meter_with_room_at_the_top_gives_no_warning)
{
	expect_no_meter_warning(meter_chain("gezien = 7\n", 4, "gezien = 1\n",
					    ""));
	expect_no_meter_warning(meter_chain("gezien = 5\n", 4, "gezien = 1\n",
					    "gezien = -1\n"));
}

/* 2 - 1 - 1 is at 0 after choice 2 and stays: a warning on the poor path
 * (the start's line when the start is 0 itself); 3 - 1 - 1 - 1 reaches 0
 * only at choice 3 of 6, which a path of poor choices may. */
Test(check, meter_at_the_bottom_from_the_second_choice_warns)
{
	expect_warning_at(meter_chain("gehoord = 2\n", 4, "", "gehoord = -1\n"),
			  "gehoord staat na keuze 2 van 4 tot het einde op 0 "
			  "(opties 2-2-1-1)", "[step.a2.2]", "gehoord = -1");
	expect_warning_at(meter_chain("geholpen = 0\n", 3, "", ""),
			  "geholpen staat vanaf de start tot het einde op 0",
			  "", "geholpen = 0");
	expect_no_meter_warning(meter_chain("gehoord = 3\n", 6, "",
					    "gehoord = -1\n"));
}

Test(check, effect_over_a_fifth_of_the_scale_warns)
{
	expect_warning_at(meter_chain("", 1, "geholpen = 2\n",
				      "gehoord = -3\n"),
			  "gehoord = -3 is meer dan een vijfde van de schaal "
			  "van 0 tot 10; hoogstens 2", "[step.a.2]",
			  "gehoord = -3");
}

/* 21 steps of two options are 2^21 paths: the walk stops after
 * CHECK_MAX_NODES options, before the paths that start with option 2,
 * which are the only ones at 0 from choice 2 on. */
Test(check, meter_walk_stops_after_its_limit)
{
	struct diag d = {0};

	cr_assert_eq(run(meter_chain("gezien = 2\n", 21, "", "gezien = -1\n"),
			 &d), 0);
	cr_assert_null(warning(&d, "staat"));
	diag_free(&d);
	cr_assert_eq(run(meter_chain("gezien = 2\n", 8, "", "gezien = -1\n"),
			 &d), 0);
	cr_assert_not_null(warning(&d, "gezien staat na keuze 2 van 8 tot het "
				   "einde op 0 (opties 2-2-1-1-1-1-1-1)"));
	diag_free(&d);
}
