/* Unit tests for src/buf. */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

Test(buf, append_and_take)
{
	struct buf b = {0};
	char *s;
	int i;

	cr_assert_str_eq(buf_str(&b), "");
	for (i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i % 10);
	cr_assert_eq(b.len, 2000);
	buf_clear(&b);
	buf_add(&b, "ab");
	buf_addc(&b, 'c');
	buf_addn(&b, "dxyz", 1);
	s = buf_take(&b);
	cr_assert_str_eq(s, "abcd");
	cr_assert_null(b.s);
	free(s);
	s = buf_take(&b);
	cr_assert_str_eq(s, "");
	free(s);
}

/* buf_addl writes what %ld writes, at both ends of the range too. */
Test(buf, addl_is_printf_ld)
{
	const long v[] = {0, 7, -7, 10, 99, -100, 123456789, LONG_MAX,
			  LONG_MIN, LONG_MIN + 1};
	char want[32];
	size_t i;

	for (i = 0; i < sizeof v / sizeof *v; i++) {
		struct buf b = {0};
		buf_add(&b, "x");
		buf_addl(&b, v[i]);
		snprintf(want, sizeof want, "x%ld", v[i]);
		cr_assert_str_eq(buf_str(&b), want);
		cr_assert_eq(b.len, strlen(want));
		buf_free(&b);
	}
}
