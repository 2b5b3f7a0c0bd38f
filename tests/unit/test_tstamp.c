/* Unit tests for src/tstamp. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "tstamp.h"

Test(tstamp, iso_roundtrip_and_fixed_clock)
{
	char iso[TSTAMP_ISO_LEN];

	setenv("KLANTCOACH_TIME", "1700000000", 1);
	cr_assert_eq(tstamp_now(), 1700000000);
	tstamp_iso(tstamp_now(), iso);
	cr_assert_str_eq(iso, "2023-11-14T22:13:20Z");
	cr_assert_eq(tstamp_parse(iso), 1700000000);
	cr_assert_eq(tstamp_parse("2023-11-14 22:13:20"), -1);
	cr_assert_eq(tstamp_parse("2023-13-14T22:13:20Z"), -1);
	cr_assert_eq(tstamp_parse("x"), -1);
	unsetenv("KLANTCOACH_TIME");
	cr_assert_gt(tstamp_now(), 1700000000);
}

Test(tstamp, uuid_shape_and_uniqueness)
{
	char a[TSTAMP_UUID_LEN], b[TSTAMP_UUID_LEN];

	tstamp_uuid(a);
	tstamp_uuid(b);
	cr_assert_eq(strlen(a), 36);
	cr_assert_eq(a[14], '4');
	cr_assert(strchr("89ab", a[19]));
	cr_assert_str_neq(a, b);
}

Test(tstamp, monotonic)
{
	long a = tstamp_ms(), b = tstamp_ms();
	cr_assert_geq(b, a);
}
