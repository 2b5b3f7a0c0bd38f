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

/* Load head + body as a scenario into the mini content and check it. */
static int run(const char *body, struct diag *d)
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
	rc = check_scenario(&c, &c.scs[c.nscs - 1], d);
	content_free(&c);
	diag_free(&ld);
	unlink(p);
	free(p);
	free(text);
	return rc;
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
