/* Unit tests for src/sync: showing what would be sent (also a coach's
 * feedback, edits and withdrawals), an LRS that cannot be reached losing
 * nothing, and against a scripted LRS: Retry-After, the split on
 * 400/409, the stop on 401, feedback sent once, and a trainee's feedback
 * coming in (edits) and going out of force (withdrawals). */
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

/* A coach's copy of the fixture in <data>/opgehaald (a new path). */
static char *pulled_log(void)
{
	char cmd[256], *p = path_join(data, "opgehaald/sessie.csv");

	snprintf(cmd, sizeof cmd, "mkdir %s/opgehaald && cp %s %s", data,
		 LRS_FIXTURE, p);
	cr_assert_eq(system(cmd), 0);
	return p;
}

Test(sync, a_coachs_feedback_on_a_pulled_log_is_sent_as_statements)
{
	struct sync_opts o = {data, NULL, &set, NULL, NULL, 0, 0, 0};
	struct sync_result r;
	struct diag d = {0};
	char *pulled = pulled_log();
	char *own = path_join(data, "sessions/sessie.csv");
	json_t *last;

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

static const char *verb_of(json_t *st)
{
	return json_string_value(json_object_get(json_object_get(st, "verb"),
						 "id"));
}

static const char *ref_of(json_t *st)
{
	return json_string_value(json_object_get(json_object_get(st,
		"object"), "id"));
}

static const char *id_of(json_t *st)
{
	return json_string_value(json_object_get(st, "id"));
}

#define COMMENTED "http://adlnet.gov/expapi/verbs/commented"
#define VOIDED "http://adlnet.gov/expapi/verbs/voided"

Test(sync, a_coachs_edit_and_withdrawal_void_the_statements_they_replace)
{
	struct sync_opts o = {data, NULL, &set, NULL, NULL, 0, 0, 0};
	struct sync_result r, again;
	struct diag d = {0};
	char *pulled = pulled_log();
	json_t *fb;

	cr_assert_eq(feedback_add(pulled, "Ria", 2, "Eerst", &d), 0);
	cr_assert_eq(feedback_add(pulled, "Ria", 0, "Algemeen", &d), 0);
	cr_assert_eq(feedback_add(pulled, "Ria", 2, "Daarna", &d), 0);
	cr_assert_eq(feedback_add(pulled, "Ria", 0, "", &d), 0);
	/* a withdrawal of nothing gives nothing */
	cr_assert_eq(feedback_add(pulled, "Ria", 1, "", &d), 0);
	cr_assert_eq(sync_run(&o, &r, &d), 0);
	cr_assert_eq(json_array_size(r.shown), 8 + 5);
	fb = r.shown;
	cr_assert_str_eq(verb_of(json_array_get(fb, 8)), COMMENTED);
	cr_assert_str_eq(verb_of(json_array_get(fb, 9)), COMMENTED);
	/* the edit: its text first, then the voiding of the one before */
	cr_assert_str_eq(verb_of(json_array_get(fb, 10)), COMMENTED);
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(
		json_array_get(fb, 10), "result"), "response")), "Daarna");
	cr_assert_str_eq(verb_of(json_array_get(fb, 11)), VOIDED);
	cr_assert_str_eq(ref_of(json_array_get(fb, 11)),
			 id_of(json_array_get(fb, 8)));
	/* the withdrawal: only the voiding */
	cr_assert_str_eq(verb_of(json_array_get(fb, 12)), VOIDED);
	cr_assert_str_eq(ref_of(json_array_get(fb, 12)),
			 id_of(json_array_get(fb, 9)));
	cr_assert_eq(sync_run(&o, &again, &d), 0);
	cr_assert(json_equal(r.shown, again.shown), "built again: the same");
	cr_assert_eq(diag_count(&d, DIAG_WARNING), 0);
	sync_result_free(&r);
	sync_result_free(&again);
	free(pulled);
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

static struct fake_answer take_all(int n, json_t *body)
{
	(void)n;
	(void)body;
	return (struct fake_answer){200, NULL, "[]"};
}

Test(sync, feedback_statements_are_sent_once)
{
	struct fake_lrs f = {.answer = take_all};
	struct sync_result r;
	struct diag d = {0};
	char *pulled = pulled_log();

	cr_assert_eq(feedback_add(pulled, "Ria", 2, "Eerst", &d), 0);
	cr_assert_eq(sync_to(&f, &r, &d), 0);
	cr_assert_eq(r.sent, 8 + 1);
	sync_result_free(&r);
	cr_assert_eq(feedback_add(pulled, "Ria", 2, "Daarna", &d), 0);
	cr_assert_eq(sync_to(&f, &r, &d), 0);
	cr_assert_eq(r.sent, 2, "the edit and the voiding");
	sync_result_free(&r);
	cr_assert_eq(sync_to(&f, &r, &d), 0);
	cr_assert_eq(r.sent, 0, "nothing again");
	sync_result_free(&r);
	free(pulled);
	diag_free(&d);
}

/* The LRS of a coach who edited the feedback at step 2 and withdrew the
 * ones at steps 1 and 0 (statements as the coach built them). */
static char given[8192], voids[8192];

static const char *coach_lrs(const char *request)
{
	return strstr(request, "voided") ? voids
	       : strstr(request, "commented") ? given : FAKE_NONE;
}

static void answer(char *out, json_t *list)
{
	json_t *a = json_pack("{s:o, s:s}", "statements", list, "more", "");
	char *s = json_dumps(a, JSON_COMPACT);

	cr_assert_lt(strlen(s), 8192);
	strcpy(out, s);
	free(s);
	json_decref(a);
}

static void coach_lrs_fill(void)
{
	struct feedback_item edit = {"2023-11-15T10:00:00Z", "Ria", "Daarna",
				     2, 5},
		gone1 = {"2023-11-15T10:00:00Z", "Ria", "", 1, 6},
		gone0 = {"2023-11-15T10:00:00Z", "Ria", "", 0, 7};
	json_t *v = json_pack("[o, o, o]",
		xapi_feedback_void(LRS_FIXTURE_SID, 3, &edit, &set),
		xapi_feedback_void(LRS_FIXTURE_SID, 4, &gone1, &set),
		xapi_feedback_void(LRS_FIXTURE_SID, 2, &gone0, &set));

	/* a query by verb also gives what refers to a match: a voiding */
	answer(given, json_pack("[o, O]", xapi_feedback(LRS_FIXTURE_SID, 3,
			&edit, &set), json_array_get(v, 0)));
	answer(voids, v);
}

Test(sync, a_trainee_gets_the_edit_and_loses_the_withdrawn)
{
	struct fake_lrs f = {.answer = take_all, .get = coach_lrs};
	struct sync_result r;
	struct diag d = {0};
	struct feedback fb;
	char *own = path_join(data, "sessions/sessie.csv");

	coach_lrs_fill();
	cr_assert_eq(feedback_add_at(own, "2023-11-15T09:00:00Z", "Ria", 2,
				     "Eerst", &d), 0);
	cr_assert_eq(feedback_add_at(own, "2023-11-15T09:00:00Z", "Ria", 1,
				     "Bij stap 1", &d), 0);
	/* newer here than the coach's withdrawal: it stays */
	cr_assert_eq(feedback_add_at(own, "2023-11-15T11:00:00Z", "Ria", 0,
				     "Later", &d), 0);
	cr_assert_eq(sync_to(&f, &r, &d), 0);
	cr_assert_eq(r.feedback_in, 1);
	cr_assert_eq(r.feedback_gone, 1);
	sync_result_free(&r);
	cr_assert_eq(feedback_load_current(&fb, own, &d), 0);
	cr_assert_eq(fb.n, 2);
	cr_assert_str_eq(fb.v[0].text, "Later");
	cr_assert_str_eq(fb.v[1].text, "Daarna");
	feedback_free(&fb);
	cr_assert_eq(sync_to(&f, &r, &d), 0);
	cr_assert_eq(r.feedback_in + r.feedback_gone, 0, "nothing twice");
	sync_result_free(&r);
	cr_assert_eq(feedback_load(&fb, own, &d), 0);
	cr_assert_eq(fb.n, 5, "two rows came in, once");
	feedback_free(&fb);
	cr_assert_eq(diag_count(&d, DIAG_WARNING), 0);
	free(own);
	diag_free(&d);
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
