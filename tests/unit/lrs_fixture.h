/* The session log shared by the xapi, outbox and sync tests
 * (tests/fixtures/lrs/sessie.csv) and the settings they build with. */
#ifndef KC_TEST_LRS_FIXTURE_H
#define KC_TEST_LRS_FIXTURE_H
#include <criterion/criterion.h>
#include "xapi.h"

#define LRS_FIXTURE FIXTURES "/lrs/sessie.csv"
#define LRS_FIXTURE_SID "1ff8e9c6-01d6-4e22-99bb-7fdd0b29e788"
#define LRS_FIXTURE_LEARNER "6b2c1f4e-8d3a-4c55-9a10-0f1e2d3c4b5a"

static inline void lrs_fixture_load(struct sessionlog_data *log)
{
	struct diag d = {0};

	cr_assert_eq(sessionlog_load(log, LRS_FIXTURE, &d), 0);
	diag_free(&d);
}
#endif
