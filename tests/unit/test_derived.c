/* Unit tests for src/derived: carrying evidence over a crosswalk, the
 * five-observation rule, and the printed form. */
#include <criterion/criterion.h>

#include "derived.h"
#include "helpers.h"

static struct content c;
static const struct framework *mini, *mono;
static const struct crosswalk *cw;

static void setup(void)
{
	struct diag d = {0};

	cr_assert_eq(content_load(&c, FIXTURES "/crosswalk", &d), 0);
	diag_free(&d);
	mini = content_framework(&c, "mini");
	mono = content_framework(&c, "mono");
	cw = content_crosswalk(&c, "mini", "mono");
	cr_assert_not_null(cw);
}

static void teardown(void)
{
	content_free(&c);
}

/* A reflection with the given evidence in force ("+luis.1.1"). */
static void shown(struct reflect *r, const char *const *ev, size_t n)
{
	size_t i;

	memset(r, 0, sizeof *r);
	r->shown = calloc(n, sizeof *r->shown);
	for (i = 0; i < n; i++) {
		r->shown[i].ind = (size_t)framework_ind(mini, ev[i] + 1);
		r->shown[i].positive = ev[i][0] == '+';
	}
	r->nshown = n;
}

TestSuite(derived, .init = setup, .fini = teardown);

Test(derived, carries_positive_on_every_link)
{
	static const char *const ev[] = {"+luis.1.1", "+luis.3.1"};
	struct reflect r;
	struct derived dv;

	shown(&r, ev, 2);
	derived_build(&dv, &r, mini, cw, mono, 'A');
	cr_assert_eq(dv.inds[framework_ind(mono, "hulp.1.1")].pos, 1);
	cr_assert_eq(dv.inds[framework_ind(mono, "pra.1.1")].pos, 1);
	cr_assert_eq(dv.comps[0].nobs, 1);
	cr_assert_eq(dv.comps[1].nobs, 1);
	cr_assert_eq(dv.comps[0].net[1], 2);
	cr_assert_eq(dv.comps[1].net[1], 1);
	cr_assert_eq(dv.comps[0].level, -1);
	cr_assert_eq(dv.comps[0].mark, REFLECT_NA);
	derived_free(&dv);
	reflect_free(&r);
}

Test(derived, negative_only_on_strength_one)
{
	static const char *const ev[] = {"-luis.1.1"};
	struct reflect r;
	struct derived dv;

	shown(&r, ev, 1);
	derived_build(&dv, &r, mini, cw, mono, 'A');
	cr_assert_eq(dv.inds[framework_ind(mono, "hulp.1.1")].neg, 1);
	cr_assert_eq(dv.inds[framework_ind(mono, "pra.1.1")].neg, 0);
	cr_assert_eq(dv.comps[1].nobs, 0);
	cr_assert_eq(dv.comps[0].net[1], -2);
	derived_free(&dv);
	reflect_free(&r);
}

Test(derived, level_from_five_observations)
{
	static const char *const ev[] = {"+luis.1.1", "+luis.2.1", "+luis.2.1",
					 "+luis.1.1", "-luis.2.1"};
	struct reflect r;
	struct derived dv;

	shown(&r, ev, 4);
	derived_build(&dv, &r, mini, cw, mono, 'B');
	cr_assert_eq(dv.comps[0].nobs, 4);
	cr_assert_eq(dv.comps[0].level, -1);
	derived_free(&dv);
	reflect_free(&r);
	shown(&r, ev, 5);
	derived_build(&dv, &r, mini, cw, mono, 'B');
	cr_assert_eq(dv.comps[0].nobs, 5);
	cr_assert_eq(dv.comps[0].net[2], 2);
	cr_assert_eq(dv.comps[0].level, 2);
	cr_assert_eq(dv.comps[0].target, 2);
	cr_assert_eq(dv.comps[0].mark, REFLECT_ON);
	derived_free(&dv);
	reflect_free(&r);
}

Test(derived, resolve_native_derived_and_errors)
{
	const struct framework *to;
	const struct crosswalk *k;
	struct diag d = {0};

	cr_assert_eq(derived_resolve(&c, "mini", "mini", &to, &k, &d), 0);
	cr_assert_eq(to, mini);
	cr_assert_null(k);
	cr_assert_eq(derived_resolve(&c, "mini", "mono", &to, &k, &d), 1);
	cr_assert_eq(k, cw);
	cr_assert_eq(derived_resolve(&c, "mono", "mini", &to, &k, &d), -1);
	cr_assert(strstr(d.v[0].msg, "geen kruistabel van mono naar mini"));
	cr_assert_eq(derived_resolve(&c, "mini", "nope", &to, &k, &d), -1);
	cr_assert(strstr(d.v[1].msg, "onbekend framework 'nope'"));
	diag_free(&d);
}

Test(derived, prints_verdicts_and_counts)
{
	static const char *const ev[] = {"+luis.1.1", "+uitl.1.1"};
	struct reflect r;
	struct derived dv;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	shown(&r, ev, 2);
	derived_build(&dv, &r, mini, cw, mono, 'A');
	derived_print(out, &dv, 'A');
	fclose(out);
	cr_assert_str_eq(buf,
		"\n== Mono (afgeleid, indicatief) ==\n"
		"Afgeleid uit Mini via de kruistabel mini-mono; een oordeel pas "
		"vanaf 5 waarnemingen.\n"
		"Niveaus: 1 = Begin, 2 = Midden, 3 = Top.\n"
		"Competenties (doel voor functieniveau A):\n"
		"competentie\twaarnemingen\tniveau\tdoel\toordeel\n"
		"Helpen\t1\t-\t1\tte weinig waarnemingen\n"
		"Praten\t2\t-\t1\tte weinig waarnemingen\n"
		"Waarnemingen per indicator:\n"
		"  hulp.1.1 (Helpen, niveau 1): 1 waarneming (+1 -0): Vat de vraag samen\n"
		"  pra.1.1 (Praten, niveau 1): 2 waarnemingen (+2 -0): Praat in "
		"gewone woorden\n");
	free(buf);
	derived_free(&dv);
	reflect_free(&r);
}
