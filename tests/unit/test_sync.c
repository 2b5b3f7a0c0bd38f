/* Unit tests for src/sync: showing what would be sent, and an LRS that
 * cannot be reached losing nothing. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "lrs_fixture.h"
#include "path.h"
#include "sync.h"

static char data[64];
static struct xapi_settings set = {
	"https://leren.voorbeeld.nl", "https://leren.voorbeeld.nl/kc",
	LRS_FIXTURE_LEARNER, 0
};

static void setup(void)
{
	char cmd[256];

	strcpy(data, "/tmp/kc-sync-XXXXXX");
	cr_assert_not_null(mkdtemp(data));
	snprintf(cmd, sizeof cmd, "mkdir %s/sessions && cp %s %s/sessions/",
		 data, LRS_FIXTURE, data);
	cr_assert_eq(system(cmd), 0);
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf %s", data);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(sync, .init = setup, .fini = teardown);

Test(sync, showing_collects_the_pending_statements_and_writes_nothing)
{
	struct sync_opts o = {data, NULL, &set, NULL, NULL, 0, 0, 0};
	struct sync_result r;
	struct diag d = {0};
	char *ob = path_join(data, "outbox");

	cr_assert_eq(sync_run(&o, &r, &d), 0);
	cr_assert_eq(r.sessions, 1);
	cr_assert_eq(json_array_size(r.shown), 8);
	cr_assert_eq(r.pending, 8);
	cr_assert_not(path_isdir(ob));
	sync_result_free(&r);
	free(ob);
	diag_free(&d);
}

Test(sync, an_unreachable_lrs_keeps_everything)
{
	struct sync_opts o = {data, NULL, &set, NULL, NULL, 50, 2, 1};
	struct sync_result r;
	struct diag d = {0};
	struct lrs l;

	/* port 9 (discard) on loopback: nothing listens there */
	cr_assert_eq(lrs_open(&l, "http://127.0.0.1:9/xAPI", "a:b", NULL,
			      &d), 0);
	o.lrs = &l;
	cr_assert_eq(sync_run(&o, &r, &d), -1);
	cr_assert(r.unreachable);
	cr_assert_eq(r.sent, 0);
	cr_assert_eq(r.pending, 8);
	cr_assert(strstr(r.message, "niet bereikbaar"));
	sync_result_free(&r);
	lrs_close(&l);
	diag_free(&d);
}
