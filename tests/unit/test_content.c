/* Unit tests for src/content: loading a root, look-ups, bad roots. */
#include <criterion/criterion.h>

#include "content.h"

Test(content, loads_mini_root)
{
	struct content c;
	struct diag d = {0};

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	cr_assert_eq(c.npersonas, 1);
	cr_assert_eq(c.nfws, 1);
	cr_assert_eq(c.nscs, 1);
	cr_assert_not_null(content_persona(&c, "proef"));
	cr_assert_not_null(content_framework(&c, "mini"));
	cr_assert_not_null(content_scenario(&c, "proef-basis"));
	cr_assert_null(content_scenario(&c, "nope"));
	content_free(&c);
}

Test(content, empty_root_is_an_error)
{
	struct content c;
	struct diag d = {0};

	cr_assert_eq(content_load(&c, "/nonexistent", &d), -1);
	cr_assert(strstr(d.v[0].msg, "geen inhoud gevonden"));
	content_free(&c);
	diag_free(&d);
}

Test(content, add_path_detects_kind)
{
	struct content c;
	struct diag d = {0};

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	cr_assert_eq(content_add_path(&c, FIXTURES "/mini/personas/proef.ini", &d), 0);
	cr_assert_eq(c.npersonas, 2);
	cr_assert_eq(content_add_path(&c, FIXTURES "/mini/content/frameworks/mini", &d), 0);
	cr_assert_eq(c.nfws, 2);
	cr_assert_eq(content_add_path(&c, FIXTURES "/mini", &d), -1);
	content_free(&c);
	diag_free(&d);
}

Test(content, bundled_content_loads_fast_enough_to_use)
{
	struct content c;
	struct diag d = {0};

	cr_assert_eq(content_load(&c, TOPSRC, &d), 0, "bundled content must load cleanly");
	cr_assert_geq(c.nfws, 1);
	content_free(&c);
	diag_free(&d);
}
