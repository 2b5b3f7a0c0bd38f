/* Unit tests for src/outbox: statements built once, with the settings of
 * the first time, kept across reopening; acknowledgements and refusals. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lrs_fixture.h"
#include "outbox.h"
#include "path.h"

#define SID LRS_FIXTURE_SID

static struct sessionlog_data log_data;
static char root[64];
static struct xapi_settings set = {
	"https://leren.voorbeeld.nl", "https://leren.voorbeeld.nl/kc",
	LRS_FIXTURE_LEARNER, 0
};

static void setup(void)
{
	lrs_fixture_load(&log_data);
	strcpy(root, "/tmp/kc-outbox-XXXXXX");
	cr_assert_not_null(mkdtemp(root));
}

static void teardown(void)
{
	char cmd[128];

	sessionlog_data_free(&log_data);
	snprintf(cmd, sizeof cmd, "rm -rf %s", root);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(outbox, .init = setup, .fini = teardown);

static void open_ok(struct outbox *ob)
{
	struct diag d = {0};

	cr_assert_eq(outbox_open(ob, root, SID, &d), 0);
	diag_free(&d);
}

static int mode_of(const char *name)
{
	char *dir = path_join(root, SID), *p = path_join(dir, name);
	struct stat st;
	int m = stat(p, &st) == 0 ? (int)(st.st_mode & 0777) : -1;

	free(dir);
	free(p);
	return m;
}

Test(outbox, builds_one_statement_per_row_privately)
{
	struct xapi_score score = {2, 1};
	struct outbox ob;
	struct diag d = {0};

	open_ok(&ob);
	cr_assert_eq(ob.n, 0);
	cr_assert_eq(outbox_build(&ob, &log_data, &set, &score, NULL, 1, &d), 0);
	cr_assert_eq(ob.n, 8, "nine rows, the answer is not shared");
	cr_assert_eq(ob.item[0].line, 3);
	cr_assert_eq(ob.item[7].line, 19);
	cr_assert_eq(mode_of("statements.jsonl"), 0600);
	cr_assert_eq(mode_of("instellingen.json"), 0600);
	cr_assert_eq(mode_of(""), 0700);
	outbox_free(&ob);
	diag_free(&d);
}

Test(outbox, never_builds_again_and_keeps_the_first_settings)
{
	struct xapi_settings other = set;
	struct outbox ob;
	struct diag d = {0};
	char *first, *again;

	open_ok(&ob);
	outbox_build(&ob, &log_data, &set, NULL, NULL, 1, &d);
	first = json_dumps(ob.item[1].st, JSON_SORT_KEYS);
	outbox_free(&ob);
	other.base = "https://elders.voorbeeld.nl";
	other.share_answers = 1;
	open_ok(&ob);
	cr_assert_eq(ob.n, 8);
	cr_assert_eq(outbox_build(&ob, &log_data, &other, NULL, NULL, 1, &d), 0);
	cr_assert_eq(ob.n, 8, "rows already built are not built again");
	again = json_dumps(ob.item[1].st, JSON_SORT_KEYS);
	cr_assert_str_eq(first, again);
	cr_assert_str_eq(ob.set.base, set.base);
	free(first);
	free(again);
	outbox_free(&ob);
	diag_free(&d);
}

Test(outbox, acknowledgements_and_refusals_survive_reopening)
{
	struct outbox ob;
	struct diag d = {0};
	char *dir, *p, *text;

	open_ok(&ob);
	outbox_build(&ob, &log_data, &set, NULL, NULL, 1, &d);
	cr_assert_eq(outbox_ack(&ob, 3, &d), 0);
	cr_assert_eq(outbox_set_aside(&ob, "HTTP 400: kapot", &d), 0);
	outbox_free(&ob);
	open_ok(&ob);
	cr_assert_eq(ob.sent, 4);
	outbox_free(&ob);
	dir = path_join(root, SID);
	p = path_join(dir, "apart.jsonl");
	text = path_read(p, NULL);
	cr_assert_str_eq(text, "{\"melding\":\"HTTP 400: kapot\","
			 "\"regel\":14}\n");
	free(text);
	free(p);
	free(dir);
	diag_free(&d);
}

Test(outbox, showing_writes_nothing)
{
	struct outbox ob;
	struct diag d = {0};

	open_ok(&ob);
	cr_assert_eq(outbox_build(&ob, &log_data, &set, NULL, NULL, 0, &d), 0);
	cr_assert_eq(ob.n, 8);
	cr_assert_eq(mode_of(""), -1);
	outbox_free(&ob);
	diag_free(&d);
}

Test(outbox, a_damaged_marker_is_an_error_with_the_file)
{
	struct outbox ob;
	struct diag d = {0};
	char *dir = path_join(root, SID), *p = path_join(dir, "verzonden");

	open_ok(&ob);
	outbox_build(&ob, &log_data, &set, NULL, NULL, 1, &d);
	outbox_free(&ob);
	cr_assert_eq(path_write_atomic(p, "99\n", 3), 0);
	cr_assert_eq(outbox_open(&ob, root, SID, &d), -1);
	cr_assert_str_eq(d.v[0].file, p);
	outbox_free(&ob);
	free(p);
	free(dir);
	diag_free(&d);
}

Test(outbox, the_scenario_file_is_attached_to_the_start_and_kept)
{
	const char *file = FIXTURES "/lrs/sessie.csv";	/* any bytes */
	char want[SHA256_HEX_LEN], name[80], *text, *kept;
	size_t n, len;
	struct outbox ob;
	struct diag d = {0};
	const json_t *att;

	text = path_read(file, &n);
	sha256_hex(text, n, want);
	open_ok(&ob);
	cr_assert_eq(outbox_build(&ob, &log_data, &set, NULL, file, 1, &d), 0);
	cr_assert_str_eq(xapi_scenario_sha2(ob.item[0].st, 0), want);
	cr_assert_null(xapi_scenario_sha2(ob.item[0].st, 1), "one part");
	cr_assert_null(xapi_scenario_sha2(ob.item[1].st, 0), "only the start");
	att = json_array_get(json_object_get(ob.item[0].st, "attachments"), 0);
	cr_assert_eq(json_integer_value(json_object_get(att, "length")),
		     (json_int_t)n);
	kept = outbox_attachment(&ob, want, &len);
	cr_assert_eq(len, n);
	cr_assert_eq(memcmp(kept, text, n), 0);
	snprintf(name, sizeof name, "bijlage-%s", want);
	cr_assert_eq(mode_of(name), 0600);
	free(kept);
	free(text);
	outbox_free(&ob);
	diag_free(&d);
}
