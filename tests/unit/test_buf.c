/* Unit tests for src/buf. */
#include <criterion/criterion.h>
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
