/* Unit tests for src/pull: statements, in whatever order an LRS returns
 * them, rebuilt into the log they were made from. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lrs_fixture.h"
#include "path.h"
#include "pull.h"

static struct sessionlog_data log_data;
static struct xapi_settings set = {
	"https://leren.voorbeeld.nl", "https://leren.voorbeeld.nl/kc",
	LRS_FIXTURE_LEARNER, 1
};

static void setup(void)
{
	lrs_fixture_load(&log_data);
}

static void teardown(void)
{
	sessionlog_data_free(&log_data);
}

TestSuite(pull, .init = setup, .fini = teardown);

/* Every statement of the fixture, last row first (as an LRS returns
 * them: newest first). */
static json_t *statements(void)
{
	json_t *a = json_array();
	struct diag d = {0};
	size_t i;

	for (i = log_data.nev; i-- > 0;) {
		json_t *s = xapi_statement(&log_data, i, &set, NULL, &d);
		if (s)
			json_array_append_new(a, s);
	}
	cr_assert_eq(diag_count(&d, DIAG_ERROR), 0);
	diag_free(&d);
	return a;
}

static char *rebuilt_text(json_t *a)
{
	struct sessionlog_data log;
	struct diag d = {0};
	struct buf b = {0};

	cr_assert_eq(pull_rebuild(a, &log, &d), 0);
	sessionlog_format(&b, &log);
	sessionlog_data_free(&log);
	diag_free(&d);
	return buf_take(&b);
}

Test(pull, the_statements_give_back_the_log_byte_for_byte)
{
	json_t *a = statements();
	char *want = path_read(LRS_FIXTURE, NULL), *got = rebuilt_text(a);

	cr_assert_str_eq(got, want);
	free(want);
	free(got);
	json_decref(a);
}

Test(pull, answers_not_shared_are_left_out_and_nothing_else)
{
	json_t *a;
	char *want = path_read(LRS_FIXTURE, NULL), *got, *ans, *nl;

	set.share_answers = 0;
	a = statements();
	set.share_answers = 1;
	got = rebuilt_text(a);
	ans = strstr(want, "antwoord,");
	nl = strchr(ans, '\n');
	memmove(ans, nl + 1, strlen(nl + 1) + 1);
	cr_assert_str_eq(got, want);
	free(want);
	free(got);
	json_decref(a);
}

Test(pull, statements_not_built_from_its_rows_are_ignored)
{
	json_t *a = statements(), *other = json_deep_copy(json_array_get(a, 0));
	json_t *foreign = json_deep_copy(json_array_get(a, 1));
	char *want = path_read(LRS_FIXTURE, NULL), *got;

	/* another session's statement, and one of this session whose id
	 * no row gives (like a coach's feedback) */
	json_object_set_new(json_object_get(other, "context"), "registration",
			    json_string("9ff8e9c6-01d6-4e22-99bb-7fdd0b29e788"));
	json_object_set_new(foreign, "id", json_string(
		"00000000-0000-4000-8000-000000000001"));
	json_array_insert_new(a, 3, other);
	json_array_append_new(a, foreign);
	got = rebuilt_text(a);
	cr_assert_str_eq(got, want);
	free(want);
	free(got);
	json_decref(a);
}

Test(pull, a_session_without_its_start_is_refused)
{
	json_t *a = statements();
	struct sessionlog_data log;
	struct diag d = {0};

	json_array_remove(a, json_array_size(a) - 1);	/* the start */
	cr_assert_eq(pull_rebuild(a, &log, &d), -1);
	cr_assert(strstr(d.v[0].msg, "begin"));
	diag_free(&d);
	json_decref(a);
}

Test(pull, the_file_name_is_the_trainees)
{
	char name[SESSIONLOG_NAME_LEN];

	sessionlog_file_name(name, log_data.meta.started, &log_data.meta);
	cr_assert_str_eq(name, "20231114-221320-denzell-telefoon-1ff8e9c6.csv");
}
