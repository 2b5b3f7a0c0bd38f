/* Unit tests for src/crosswalk: loading, validation, file names, and the
 * crosswalks under a content root. */
#include <criterion/criterion.h>

#include "content.h"
#include "crosswalk.h"
#include "helpers.h"

Test(crosswalk, loads_fixture_root)
{
	struct content c;
	struct diag d = {0};
	const struct crosswalk *cw;

	cr_assert_eq(content_load(&c, FIXTURES "/crosswalk", &d), 0);
	cr_assert_eq(c.ncws, 1);
	cw = content_crosswalk(&c, "mini", "mono");
	cr_assert_not_null(cw);
	cr_assert_null(content_crosswalk(&c, "mono", "mini"));
	cr_assert_eq(cw->n, 5);
	cr_assert_str_eq(cw->v[1].to, "pra.1.1");
	cr_assert_eq(cw->v[0].weight, 2);
	cr_assert_eq(cw->v[1].weight, 1);
	cr_assert_eq(cw->v[3].weight, 0);
	cr_assert_eq(cw->v[4].line, 6);
	cr_assert_eq(diag_count(&d, DIAG_ERROR), 0);
	cr_assert_eq(d.n, 1);
	cr_assert(strstr(d.v[0].msg, "'uitl.2.1' ontbreekt"), "%s", d.v[0].msg);
	content_free(&c);
	diag_free(&d);
}

Test(crosswalk, bad_file_is_not_used)
{
	struct content c;
	struct diag d = {0};
	static const int lines[] = {3, 4, 5, 6, 8, 9, 10};
	size_t i;

	cr_assert_eq(content_load(&c, FIXTURES "/bad/crosswalk-bad", &d), 2);
	cr_assert_eq(c.ncws, 0);
	cr_assert_eq(d.n, 8);
	for (i = 0; i < 7; i++)
		cr_assert_eq(d.v[i].line, lines[i], "item %zu", i);
	cr_assert(strstr(d.v[2].msg, "moet 1 of 0.5 zijn"));
	cr_assert(strstr(d.v[3].msg, "staat al op regel 2"));
	cr_assert(strstr(d.v[4].msg, "'-' (geen match) staat alleen"));
	cr_assert(strstr(d.v[7].file, "mini-nope.csv"));
	content_free(&c);
	diag_free(&d);
}

static int known(void *ctx, const char *id)
{
	const char *const *v = ctx;

	for (; *v; v++)
		if (strcmp(*v, id) == 0)
			return 1;
	return 0;
}

Test(crosswalk, file_name_names_two_frameworks)
{
	const char *ids[] = {"kap2023", "kcc2007", "a-b", "c", NULL};
	char *from, *to;

	cr_assert_eq(crosswalk_name("kap2023-kcc2007.csv", known, ids, &from, &to), 0);
	cr_assert_str_eq(from, "kap2023");
	cr_assert_str_eq(to, "kcc2007");
	free(from);
	free(to);
	cr_assert_eq(crosswalk_name("a-b-c.csv", known, ids, &from, &to), 0);
	cr_assert_str_eq(from, "a-b");
	cr_assert_str_eq(to, "c");
	free(from);
	free(to);
	cr_assert_eq(crosswalk_name("kap2023-nope.csv", known, ids, &from, &to), -1);
	cr_assert_null(from);
	cr_assert_eq(crosswalk_name("kap2023-kap2023.csv", known, ids, &from,
				    &to), -1);
	cr_assert_eq(crosswalk_name("kap2023.csv", known, ids, &from, &to), -1);
	cr_assert_eq(crosswalk_name("kap2023-kcc2007.txt", known, ids, &from,
				    &to), -1);
}

Test(crosswalk, wrong_header_reads_no_rows)
{
	struct content c;
	struct diag d = {0}, one = {0};
	struct crosswalk cw;
	char *p = tmpfile_with("van,naar\nluis.1.1,hulp.1.1\n", 27, ".csv");

	cr_assert_eq(content_load(&c, FIXTURES "/crosswalk", &d), 0);
	cr_assert_eq(crosswalk_load(&cw, p, content_framework(&c, "mini"),
				    content_framework(&c, "mono"), &one), -1);
	cr_assert_eq(one.n, 1);
	cr_assert_eq(one.v[0].line, 1);
	cr_assert(strstr(one.v[0].msg, "kopregel moet 'from,to,strength,note'"));
	cr_assert_eq(cw.n, 0);
	crosswalk_free(&cw);
	content_free(&c);
	diag_free(&d);
	diag_free(&one);
	unlink(p);
	free(p);
}

Test(crosswalk, bundled_crosswalks_load_clean)
{
	struct content c;
	struct diag d = {0};

	cr_assert_eq(content_load(&c, FIXTURES "/../..", &d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_not_null(content_crosswalk(&c, "kap2023", "kcc2007"));
	cr_assert_not_null(content_crosswalk(&c, "kap2023", "vak2013"));
	content_free(&c);
	diag_free(&d);
}
