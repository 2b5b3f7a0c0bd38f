/* Unit tests for src/sync: showing what would be sent (also a coach's
 * feedback), and an LRS that cannot be reached losing nothing. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "feedback.h"
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

Test(sync, a_coachs_feedback_on_a_pulled_log_is_sent_as_statements)
{
	struct sync_opts o = {data, NULL, &set, NULL, NULL, 0, 0, 0};
	struct sync_result r;
	struct diag d = {0};
	char cmd[256], *pulled = path_join(data, "opgehaald/sessie.csv");
	char *own = path_join(data, "sessions/sessie.csv");
	json_t *last;

	snprintf(cmd, sizeof cmd, "mkdir %s/opgehaald && cp %s %s",
		 data, LRS_FIXTURE, pulled);
	cr_assert_eq(system(cmd), 0);
	cr_assert_eq(feedback_add(pulled, "Ria", 2, "Goed gevraagd.", &d), 0);
	/* feedback beside the trainee's own log is no log to send */
	cr_assert_eq(feedback_add(own, "Ria", 0, "Eigen", &d), 0);
	cr_assert_eq(sync_run(&o, &r, &d), 0);
	cr_assert_eq(diag_count(&d, DIAG_WARNING), 0);
	cr_assert_eq(json_array_size(r.shown), 9);
	last = json_array_get(r.shown, 8);
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(
		last, "verb"), "id")), "http://adlnet.gov/expapi/verbs/commented");
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(
		last, "result"), "response")), "Goed gevraagd.");
	sync_result_free(&r);
	free(pulled);
	free(own);
	diag_free(&d);
}
