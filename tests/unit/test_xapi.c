/* Unit tests for src/xapi: the statement of every kind of log row. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lrs_fixture.h"

#define SID LRS_FIXTURE_SID
#define P XAPI_PROFILE "/extensions/"
#define SCENARIO "https://leren.voorbeeld.nl/klantcoach/scenario/" \
	"denzell-telefoon"

/* tests/fixtures/lrs/sessie.csv: line 3 is the start, lines 4-11 the
 * meta, lines 12-19 the other events. */
enum { EV_START, EV_C1, EV_C2, EV_UNDO, EV_C3, EV_C4, EV_END, EV_ANSWER,
       EV_DONE, EV_N };

static struct sessionlog_data log_data;
static struct xapi_settings set = {
	"https://leren.voorbeeld.nl", "https://leren.voorbeeld.nl/klantcoach/",
	LRS_FIXTURE_LEARNER, 0
};

static void setup(void)
{
	lrs_fixture_load(&log_data);
	cr_assert_eq(log_data.nev, EV_N);
}

static void teardown(void)
{
	sessionlog_data_free(&log_data);
}

TestSuite(xapi, .init = setup, .fini = teardown);

static json_t *stmt(size_t i, const struct xapi_score *score)
{
	struct diag d = {0};
	json_t *s = xapi_statement(&log_data, i, &set, score, &d);

	cr_assert_eq(diag_count(&d, DIAG_ERROR), 0);
	diag_free(&d);
	return s;
}

/* The string at a JSON path like "result.response" (NULL when absent). */
static const char *str_at(json_t *s, const char *path)
{
	char buf[200], *key, *save;

	snprintf(buf, sizeof buf, "%s", path);
	for (key = strtok_r(buf, ".", &save); key && s;
	     key = strtok_r(NULL, ".", &save))
		s = json_is_array(s) ? json_array_get(s, (size_t)atoi(key))
				     : json_object_get(s, key);
	return json_string_value(s);
}

static long int_at(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	cr_assert(json_is_integer(v), "%s is not an integer", key);
	return (long)json_integer_value(v);
}

Test(xapi, statement_id_is_uuid_v5_of_session_and_line)
{
	char id[XAPI_UUID_LEN];

	/* Python: uuid.uuid5(uuid.UUID(SID), "12") */
	cr_assert_eq(xapi_statement_id(SID, 12, id), 0);
	cr_assert_str_eq(id, "48284e82-d888-5d91-8624-bbfbe3c8e5a2");
	cr_assert_eq(xapi_statement_id("geen-uuid", 12, id), -1);
	cr_assert_eq(xapi_statement_id(NULL, 12, id), -1);
}

Test(xapi, start_is_initialized_with_actor_registration_and_meta)
{
	json_t *s = stmt(EV_START, NULL), *meta, *m;

	/* uuid5(SID, "3"): the start is on line 3 */
	cr_assert_str_eq(str_at(s, "id"),
			 "699680d1-3d0e-592b-89ac-1e302ce3d8a5");
	cr_assert_str_eq(str_at(s, "verb.id"),
			 "http://adlnet.gov/expapi/verbs/initialized");
	cr_assert_str_eq(str_at(s, "actor.account.homePage"), set.homepage);
	cr_assert_str_eq(str_at(s, "actor.account.name"), set.learner);
	cr_assert_str_eq(str_at(s, "actor.name"), "Sanne");
	cr_assert_null(json_object_get(json_object_get(s, "actor"), "mbox"));
	cr_assert_str_eq(str_at(s, "timestamp"), "2023-11-14T22:13:20.000Z");
	cr_assert_str_eq(str_at(s, "context.registration"), SID);
	cr_assert_str_eq(str_at(s, "object.id"),
			 SCENARIO);
	meta = json_object_get(json_object_get(json_object_get(s, "context"),
					       "extensions"), P "sessie");
	cr_assert_str_eq(str_at(meta, "niveau"), "B");
	cr_assert_str_eq(str_at(meta, "versie"), "01e153655208bca6");
	cr_assert_str_eq(str_at(meta, "modus"), "oefenen");
	cr_assert_str_eq(str_at(meta, "volgorde"), "geschud");
	cr_assert_str_eq(str_at(meta, "persona"), "denzell");
	m = json_object_get(json_object_get(json_object_get(s, "result"),
					    "extensions"), P "meters");
	cr_assert_eq(int_at(m, "gezien"), 4);
	cr_assert_eq(int_at(m, "geholpen"), 2);
	json_decref(s);
}

Test(xapi, choice_is_answered_with_option_id_order_shown_and_duration)
{
	json_t *s = stmt(EV_C1, NULL), *ch, *ext, *delta;

	cr_assert_str_eq(str_at(s, "verb.id"),
			 "http://adlnet.gov/expapi/verbs/answered");
	cr_assert_str_eq(str_at(s, "object.id"),
			 SCENARIO "/stap/begin");
	cr_assert_str_eq(str_at(s, "object.definition.interactionType"),
			 "choice");
	ch = json_object_get(json_object_get(json_object_get(s, "object"),
					     "definition"), "choices");
	cr_assert_eq(json_array_size(ch), 4);
	cr_assert_str_eq(str_at(ch, "0.id"), "3");
	cr_assert_str_eq(str_at(ch, "1.id"), "1");
	cr_assert_str_eq(str_at(ch, "2.id"), "4");
	cr_assert_str_eq(str_at(ch, "3.id"), "2");
	cr_assert_str_eq(str_at(s, "result.response"), "3");
	cr_assert_str_eq(str_at(s, "result.duration"), "PT1.500S");
	ext = json_object_get(json_object_get(s, "result"), "extensions");
	delta = json_object_get(ext, P "meterverandering");
	cr_assert_eq(int_at(json_object_get(ext, P "meters"), "gezien"), 3);
	cr_assert_eq(int_at(delta, "gezien"), -1);
	cr_assert_eq(int_at(delta, "gehoord"), -1);
	cr_assert_eq(int_at(delta, "geholpen"), -1);
	json_decref(s);
	s = stmt(EV_C3, NULL);
	cr_assert_str_eq(str_at(s, "result.duration"), "PT0.007S");
	cr_assert_str_eq(str_at(s, "result.response"), "1");
	json_decref(s);
	s = stmt(EV_C4, NULL);
	cr_assert_str_eq(str_at(s, "result.duration"), "PT0S");
	json_decref(s);
}

Test(xapi, undo_refers_to_the_choice_taken_back)
{
	json_t *s = stmt(EV_UNDO, NULL);

	cr_assert_str_eq(str_at(s, "verb.id"), XAPI_PROFILE "/verbs/undid");
	cr_assert_str_eq(str_at(s, "object.objectType"), "StatementRef");
	/* uuid5(SID, "13"): the choice of step vraag on line 13 */
	cr_assert_str_eq(str_at(s, "object.id"),
			 "c3c84235-a52b-5a7e-8b67-915ef4daad67");
	json_decref(s);
}

Test(xapi, end_is_completed_with_scaled_score_and_success)
{
	struct xapi_score some = {4, 3}, all = {3, 3};
	json_t *s = stmt(EV_END, &some), *score, *ext;

	cr_assert_str_eq(str_at(s, "verb.id"),
			 "http://adlnet.gov/expapi/verbs/completed");
	score = json_object_get(json_object_get(s, "result"), "score");
	cr_assert_float_eq(json_real_value(json_object_get(score, "scaled")),
			   0.75, 1e-9);
	cr_assert(json_is_false(json_object_get(json_object_get(s, "result"),
						"success")));
	ext = json_object_get(json_object_get(s, "result"), "extensions");
	cr_assert_str_eq(json_string_value(json_object_get(ext, P "einde")),
			 "opgehangen");
	json_decref(s);
	s = stmt(EV_END, &all);
	cr_assert(json_is_true(json_object_get(json_object_get(s, "result"),
					       "success")));
	json_decref(s);
	s = stmt(EV_END, NULL);
	cr_assert_null(json_object_get(json_object_get(s, "result"), "score"));
	cr_assert_null(json_object_get(json_object_get(s, "result"),
				       "success"));
	json_decref(s);
}

Test(xapi, answers_only_when_sharing_is_allowed)
{
	json_t *s;

	cr_assert_null(stmt(EV_ANSWER, NULL));
	cr_assert_not(xapi_makes_statement(&log_data, EV_ANSWER, &set));
	set.share_answers = 1;
	s = stmt(EV_ANSWER, NULL);
	set.share_answers = 0;
	cr_assert_str_eq(str_at(s, "object.definition.interactionType"),
			 "long-fill-in");
	cr_assert_str_eq(str_at(s, "object.id"),
			 SCENARIO "/reflectie/gevoel");
	cr_assert_str_eq(str_at(s, "result.response"), "Goed, \"echt\"");
	json_decref(s);
}

Test(xapi, done_is_terminated)
{
	json_t *s = stmt(EV_DONE, NULL);

	cr_assert_str_eq(str_at(s, "verb.id"),
			 "http://adlnet.gov/expapi/verbs/terminated");
	cr_assert_str_eq(str_at(s, "timestamp"), "2023-11-14T22:13:28.000Z");
	json_decref(s);
}

Test(xapi, the_same_row_always_gives_the_same_statement)
{
	size_t i;

	for (i = 0; i < EV_N; i++) {
		json_t *a = stmt(i, NULL), *b = stmt(i, NULL);
		char *ta = a ? json_dumps(a, JSON_SORT_KEYS) : NULL;
		char *tb = b ? json_dumps(b, JSON_SORT_KEYS) : NULL;
		cr_assert((ta == NULL) == (tb == NULL));
		if (ta)
			cr_assert_str_eq(ta, tb);
		free(ta);
		free(tb);
		json_decref(a);
		json_decref(b);
	}
}

Test(xapi, ids_outside_unreserved_characters_are_percent_encoded)
{
	json_t *s;
	char *old = log_data.ev[EV_C1].step;

	log_data.ev[EV_C1].step = "stap één/2";
	s = stmt(EV_C1, NULL);
	log_data.ev[EV_C1].step = old;
	cr_assert_str_eq(str_at(s, "object.id"),
			 "https://leren.voorbeeld.nl/klantcoach/scenario/"
			 "denzell-telefoon/stap/stap%20%C3%A9%C3%A9n%2F2");
	json_decref(s);
}

Test(xapi, a_log_without_session_id_makes_no_statement)
{
	struct diag d = {0};
	char *old = log_data.meta.session;

	log_data.meta.session = "kapot";
	cr_assert_null(xapi_statement(&log_data, EV_START, &set, NULL, &d));
	log_data.meta.session = old;
	cr_assert_eq(diag_count(&d, DIAG_ERROR), 1);
	diag_free(&d);
}

/* A coach's settings: the coach's own id. */
static struct xapi_settings coach = {
	"https://leren.voorbeeld.nl", "https://leren.voorbeeld.nl/kc",
	"0c0c0c0c-8d3a-4c55-9a10-0f1e2d3c4b5a", 0
};

/* s has this id and verb, is Coach Ria's on the session and refers to
 * statement ref. */
static void by_coach(json_t *s, const char *id, const char *verb,
		     const char *ref)
{
	char want[80];

	snprintf(want, sizeof want, "http://adlnet.gov/expapi/verbs/%s", verb);
	cr_assert_str_eq(str_at(s, "id"), id);
	cr_assert_str_eq(str_at(s, "verb.id"), want);
	cr_assert_str_eq(str_at(s, "object.objectType"), "StatementRef");
	cr_assert_str_eq(str_at(s, "object.id"), ref);
	cr_assert_str_eq(str_at(s, "actor.account.name"), coach.learner);
	cr_assert_str_eq(str_at(s, "actor.name"), "Coach Ria");
	cr_assert_str_eq(str_at(s, "context.registration"), SID);
}

/* xapi_feedback_item on s gives kind and it back. */
static void comes_back(const json_t *s, int kind,
		       const struct feedback_item *it)
{
	struct feedback_item back;
	const char *sid;

	cr_assert_eq(xapi_feedback_item(s, &back, &sid), kind);
	cr_assert_str_eq(sid, SID);
	cr_assert_str_eq(back.time, it->time);
	cr_assert_str_eq(back.coach, it->coach);
	cr_assert_str_eq(back.text, it->text);
	cr_assert_eq(back.step, it->step);
	free(back.time);
	free(back.coach);
	free(back.text);
}

Test(xapi, feedback_is_commented_on_the_start_and_comes_back)
{
	struct feedback_item it = {"2023-11-15T09:00:00Z", "Coach Ria",
				   "Mooi, \"echt\"", 2, 3};
	json_t *s = xapi_feedback(SID, 3, &it, &coach);

	/* id uuid5(SID, "feedback-3"): never the id of a log row; object
	 * uuid5(SID, "3"): the session's start statement */
	by_coach(s, "b6ee8de0-52b1-57fd-8403-7b01f23f4c2e", "commented",
		 "699680d1-3d0e-592b-89ac-1e302ce3d8a5");
	cr_assert_str_eq(str_at(s, "timestamp"), "2023-11-15T09:00:00.000Z");
	comes_back(s, 0, &it);
	cr_assert_null(xapi_feedback("geen-uuid", 3, &it, &coach));
	json_decref(s);
}

Test(xapi, an_edit_or_withdrawal_voids_the_feedback_it_replaces)
{
	struct feedback_item it = {"2023-11-15T10:00:00Z", "Coach Ria", "",
				   2, 5};
	json_t *s = xapi_feedback_void(SID, 3, &it, &coach), *again;

	/* id uuid5(SID, "intrekking-5"): from the row that withdraws;
	 * object uuid5(SID, "feedback-3"): the statement of the item
	 * replaced */
	by_coach(s, "8f682f7c-7d1e-5359-ae63-a9f60eba3a95", "voided",
		 "b6ee8de0-52b1-57fd-8403-7b01f23f4c2e");
	cr_assert_eq(int_at(json_object_get(json_object_get(s, "context"),
			    "extensions"), P "stap"), 2);
	cr_assert_str_eq(str_at(s, "timestamp"), "2023-11-15T10:00:00.000Z");
	cr_assert_null(json_object_get(s, "result"));
	again = xapi_feedback_void(SID, 3, &it, &coach);
	cr_assert(json_equal(s, again), "built again: the same");
	comes_back(s, 1, &it);
	cr_assert_null(xapi_feedback_void("geen-uuid", 3, &it, &coach));
	json_decref(again);
	json_decref(s);
}

Test(xapi, voiding_a_session_statement_is_no_feedback)
{
	json_t *s = xapi_void(SID, "699680d1-3d0e-592b-89ac-1e302ce3d8a5",
			      &set);
	struct feedback_item back;
	const char *sid;

	cr_assert_eq(xapi_feedback_item(s, &back, &sid), -1);
	json_decref(s);
}

Test(xapi, a_log_statement_is_no_feedback)
{
	json_t *s = stmt(EV_C1, NULL);
	struct feedback_item back;
	const char *sid;

	cr_assert_eq(xapi_feedback_item(s, &back, &sid), -1);
	json_decref(s);
}

Test(xapi, voiding_refers_to_the_statement_and_is_always_the_same)
{
	const char *start = "699680d1-3d0e-592b-89ac-1e302ce3d8a5";
	json_t *s = xapi_void(SID, start, &set), *again;

	/* uuid5(SID, "vergeet-" + the voided id) */
	cr_assert_str_eq(str_at(s, "id"),
			 "1ae3d0ed-8218-5448-a303-e71bd8e939dc");
	cr_assert_str_eq(str_at(s, "verb.id"),
			 "http://adlnet.gov/expapi/verbs/voided");
	cr_assert_str_eq(str_at(s, "object.objectType"), "StatementRef");
	cr_assert_str_eq(str_at(s, "object.id"), start);
	cr_assert_str_eq(str_at(s, "actor.account.name"), set.learner);
	cr_assert_null(json_object_get(s, "timestamp"));
	again = xapi_void(SID, start, &set);
	cr_assert(json_equal(s, again));
	cr_assert_null(xapi_void("geen-uuid", start, &set));
	json_decref(again);
	json_decref(s);
}

Test(xapi, a_scenario_file_goes_in_parts_that_join_to_it)
{
	struct sessionlog_meta m = {.scenario = "s", .version = "v"};
	size_t cut[XAPI_MAX_PARTS + 1], parts, i, n = 0;
	char data[30000], sha2[SHA256_HEX_LEN];
	json_t *st = json_object();

	/* lines of 20 bytes; every third starts with 's' */
	while (n + 20 <= sizeof data) {
		memset(data + n, n / 20 % 3 ? 'x' : 's', 19);
		data[n + 19] = '\n';
		n += 20;
	}
	parts = xapi_attach_scenario(st, &m, data, n, cut);
	cr_assert_eq(parts, 3);
	cr_assert_eq(cut[0], 0);
	cr_assert_eq(cut[parts], n, "the parts join to the whole file");
	for (i = 0; i < parts; i++) {
		cr_assert(cut[i + 1] - cut[i] <= XAPI_PART);
		cr_assert(i == 0 || (data[cut[i] - 1] == '\n' &&
				     data[cut[i]] == 'x'), "part %zu", i);
		sha256_hex(data + cut[i], cut[i + 1] - cut[i], sha2);
		cr_assert_str_eq(xapi_scenario_sha2(st, i), sha2);
	}
	cr_assert_null(xapi_scenario_sha2(st, parts));
	json_decref(st);
}
