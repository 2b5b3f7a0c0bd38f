/* Unit tests for src/mem. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

Test(mem, strings_and_growth)
{
	int *v = NULL;
	size_t cap = 0, i;
	char *s = mem_strndup("abcdef", 3);

	cr_assert_str_eq(s, "abc");
	free(s);
	cr_assert_null(mem_strdup(NULL));
	for (i = 0; i < 100; i++) {
		mem_grow(&v, &cap, i + 1, sizeof *v);
		v[i] = (int)i;
	}
	cr_assert_geq(cap, 100);
	cr_assert_eq(v[99], 99);
	free(v);
}

/* ASan intercepts impossible allocations itself, so this runs unsanitised. */
#ifndef __SANITIZE_ADDRESS__
Test(mem, abort_on_failure, .signal = SIGABRT)
{
	void *p = mem_alloc((size_t)-1 / 2);
	free(p);
}
#endif
