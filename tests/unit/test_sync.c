/* Unit tests for src/sync: showing what would be sent (also a coach's
 * feedback), an LRS that cannot be reached losing nothing, and against a
 * scripted LRS: Retry-After, the split on 400/409, the stop on 401. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fake_lrs.h"
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
	cr_assert_eq(r.waiting, 1, "the session waits");
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

/* Sending to a scripted LRS (fake_lrs.h). */

static char refused[XAPI_UUID_LEN];	/* the statement the LRS refuses */
static int refusal;			/* with this status */

static struct fake_answer busy_then_ok(int n, json_t *body)
{
	(void)body;
	if (n == 0)
		return (struct fake_answer){503, "Retry-After: 1",
					    "{\"message\":\"druk\"}"};
	return (struct fake_answer){200, NULL, "[]"};
}

static struct fake_answer refuse_one(int n, json_t *body)
{
	size_t i;

	(void)n;
	for (i = 0; i < json_array_size(body); i++)
		if (strcmp(json_string_value(json_object_get(
			json_array_get(body, i), "id")), refused) == 0)
			return (struct fake_answer){refusal, NULL,
				"{\"message\":\"statement klopt niet\"}"};
	return (struct fake_answer){200, NULL, "[]"};
}

static struct fake_answer deny(int n, json_t *body)
{
	(void)n;
	(void)body;
	return (struct fake_answer){401, NULL, "{\"message\":\"wie?\"}"};
}

/* Sync the fixture to a fake LRS answering with fn. */
static int sync_to(struct fake_lrs *f, struct sync_result *r,
		   struct diag *d)
{
	struct sync_opts o = {data, NULL, &set, NULL, NULL, 50, 3, 5000};
	char url[64];
	struct lrs l;
	int rc;

	fake_start(f, url);
	cr_assert_eq(lrs_open(&l, url, "a:b", NULL, d), 0);
	o.lrs = &l;
	rc = sync_run(&o, r, d);
	lrs_close(&l);
	fake_stop(f);
	return rc;
}

/* The id of statement i of the fixture. */
static void statement_id(size_t i, char out[XAPI_UUID_LEN])
{
	struct sync_opts o = {data, NULL, &set, NULL, NULL, 0, 0, 0};
	struct sync_result r;
	struct diag d = {0};

	cr_assert_eq(sync_run(&o, &r, &d), 0);
	strcpy(out, json_string_value(json_object_get(
		json_array_get(r.shown, i), "id")));
	sync_result_free(&r);
	diag_free(&d);
}

Test(sync, retry_after_is_honoured_instead_of_the_back_off)
{
	struct fake_lrs f = {.answer = busy_then_ok};
	struct sync_result r;
	struct diag d = {0};
	struct timespec t0, t1;
	double s;

	/* the back-off is 5 s: only Retry-After makes it 1 s */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cr_assert_eq(sync_to(&f, &r, &d), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	cr_assert(s >= 0.95 && s < 4, "waited %.2f s", s);
	cr_assert_eq(f.n, 2, "%d requests", f.n);
	cr_assert_eq(f.sizes[0], 8);
	cr_assert_eq(f.sizes[1], 8, "the same batch again");
	cr_assert_eq(r.sent, 8);
	sync_result_free(&r);
	diag_free(&d);
}

static void refused_is_isolated_and_set_aside(int status)
{
	struct fake_lrs f = {.answer = refuse_one};
	int want[] = {8, 4, 4, 2, 1, 1, 2}, i;
	struct sync_result r;
	struct diag d = {0};
	char *apart = path_join(data, "outbox/" LRS_FIXTURE_SID "/apart.jsonl");
	char *text;

	refusal = status;
	statement_id(4, refused);
	cr_assert_eq(sync_to(&f, &r, &d), 0);
	cr_assert_eq(f.n, 7, "%d requests", f.n);
	for (i = 0; i < 7; i++)
		cr_assert_eq(f.sizes[i], want[i], "request %d: %d statements",
			     i, f.sizes[i]);
	cr_assert_eq(r.sent, 7);
	cr_assert_eq(r.set_aside, 1);
	cr_assert_eq(r.pending, 0);
	cr_assert_eq(r.waiting, 0, "a sent session no longer waits");
	text = path_read(apart, NULL);
	cr_assert_not_null(text);
	cr_assert(strstr(text, "statement klopt niet"), "%s", text);
	cr_assert(strstr(text, "\"regel\":"), "%s", text);
	free(text);
	free(apart);
	sync_result_free(&r);
	diag_free(&d);
}

Test(sync, a_400_splits_the_batch_until_the_refused_one_is_alone)
{
	refused_is_isolated_and_set_aside(400);
}

Test(sync, a_409_conflict_is_split_out_the_same_way)
{
	refused_is_isolated_and_set_aside(409);
}

Test(sync, a_401_stops_and_keeps_everything)
{
	struct fake_lrs f = {.answer = deny};
	struct sync_result r;
	struct diag d = {0};

	cr_assert_eq(sync_to(&f, &r, &d), -1);
	cr_assert(r.denied);
	cr_assert_eq(f.n, 1, "no retry on 401");
	cr_assert_eq(r.sent, 0);
	cr_assert_eq(r.pending, 8);
	sync_result_free(&r);
	diag_free(&d);
}
