/* Unit tests for src/mem. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
		MEM_GROW(v, cap, i + 1);
		v[i] = (int)i;
	}
	cr_assert_eq(cap, 128, "doubled from 8");
	cr_assert_eq(v[99], 99);
	MEM_GROW(v, cap, 50);
	cr_assert_eq(cap, 128, "never shrinks");
	free(v);
}

Test(mem, growth_leaves_no_null_array)
{
	char *v = NULL;
	size_t cap = 0, none = 0;

	MEM_GROW(v, cap, none);
	cr_assert_not_null(v, "callers may write through p afterwards");
	cr_assert_eq(cap, 8);
	free(v);
}

Test(mem, growth_capacity)
{
	cr_assert_eq(mem_grow_cap(0, 1, 4), 8);
	cr_assert_eq(mem_grow_cap(8, 9, 4), 16);
	cr_assert_eq(mem_grow_cap(16, 16, 4), 16);
	cr_assert_eq(mem_grow_cap(3, 100, 1), 192);
}

static void leave(void)
{
	_exit(3);
}

/* The overflow is caught before any allocation, so this also runs under
 * ASan; the hook runs first (the TUI ends curses there). */
Test(mem, growth_that_overflows_runs_the_hook_and_aborts, .exit_code = 3)
{
	int *v = NULL;
	size_t cap = 0;

	mem_on_fail(leave);
	MEM_GROW(v, cap, SIZE_MAX / 2);
	free(v);
}

Test(mem, reallocarray_overflow_aborts, .signal = SIGABRT)
{
	void *p = mem_reallocarray(NULL, SIZE_MAX / 4 + 1, 8);

	free(p);
}

/* ASan intercepts impossible allocations itself, so this runs unsanitised. */
#ifndef __SANITIZE_ADDRESS__
Test(mem, abort_on_failure, .signal = SIGABRT)
{
	void *p = mem_alloc((size_t)-1 / 2);
	free(p);
}
#endif
