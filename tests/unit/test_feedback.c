/* Unit tests for src/feedback: beside the log, durable, read back. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "feedback.h"
#include "helpers.h"
#include "path.h"

Test(feedback, path_add_load)
{
	char dir[] = "/tmp/kc-fb-XXXXXX", log[96], cmd[96], *fp;
	struct feedback f;
	struct diag d = {0};
	struct stat st;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(log, sizeof log, "%s/s1.csv", dir);
	fp = feedback_path(log);
	cr_assert(strstr(fp, "/s1.feedback.csv"));
	cr_assert_eq(feedback_load(&f, log, &d), 0, "no file is no feedback");
	cr_assert_eq(f.n, 0);
	cr_assert_eq(feedback_add(log, "Ria", 2, "Goed, \"echt\" goed\nnieuwe regel", &d), 0);
	cr_assert_eq(feedback_add(log, "Ria", 0, "Algemeen", &d), 0);
	cr_assert_eq(stat(fp, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	cr_assert_eq(feedback_load(&f, log, &d), 0);
	cr_assert_eq(f.n, 2);
	cr_assert_eq(f.v[0].step, 2);
	cr_assert_str_eq(f.v[0].text, "Goed, \"echt\" goed\nnieuwe regel");
	cr_assert_eq(f.v[1].step, 0);
	cr_assert_str_eq(f.v[1].coach, "Ria");
	feedback_free(&f);
	cr_assert_eq(feedback_add("/nonexistent/dir/x.csv", "Ria", 0, "x", &d), -1);
	cr_assert(strstr(d.v[0].msg, "kan slotbestand niet maken"));
	diag_free(&d);
	free(fp);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(feedback, failed_add_keeps_the_file_readable)
{
	char dir[] = "/tmp/kc-fb-XXXXXX", log[96], cmd[96], *fp, *before, *after;
	struct feedback f;
	struct diag d = {0};
	rlim_t lim;

	setenv("KLANTCOACH_TIME", "1700000000", 1);
	cr_assert_not_null(mkdtemp(dir));
	snprintf(log, sizeof log, "%s/s1.csv", dir);
	fp = feedback_path(log);
	for (lim = 0; lim < 60; lim += 7) {
		limit_file_size(lim);
		cr_assert_eq(feedback_add(log, "Ria", 1, "Een tip die niet past", &d), -1);
		cr_assert_eq(access(fp, F_OK), -1, "limit %d: no new file", (int)lim);
	}
	limit_file_size(RLIM_INFINITY);
	cr_assert_eq(feedback_add(log, "Ria", 1, "Eerste", &d), 0);
	before = path_read(fp, NULL);
	for (lim = strlen(before); lim < strlen(before) + 40; lim += 3) {
		limit_file_size(lim);
		cr_assert_eq(feedback_add(log, "Ria", 2, "Tweede, die niet past", &d), -1);
		limit_file_size(RLIM_INFINITY);
		cr_assert_str_eq((after = path_read(fp, NULL)), before, "limit %d", (int)lim);
		free(after);
	}
	diag_free(&d);
	cr_assert_eq(feedback_load(&f, log, &d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_eq(f.n, 1);
	feedback_free(&f);
	free(before);
	free(fp);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(feedback, torn_row_is_cut_and_empty_file_gets_a_header)
{
	char dir[] = "/tmp/kc-fb-XXXXXX", log[96], cmd[96], *fp, *rest;
	struct feedback f;
	struct diag d = {0};
	FILE *out;

	setenv("KLANTCOACH_TIME", "1700000000", 1);
	cr_assert_not_null(mkdtemp(dir));
	snprintf(log, sizeof log, "%s/s1.csv", dir);
	fp = feedback_path(log);
	cr_assert_not_null((out = fopen(fp, "w")), "an empty file, as a full disk left it");
	fclose(out);
	cr_assert_eq(feedback_add(log, "Ria", 1, "Eerste", &d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_not_null((out = fopen(fp, "a")));
	fputs("2023-11-14T22:13:20Z,Ria,2,\"half", out);
	fclose(out);
	cr_assert_eq(feedback_add(log, "Ria", 0, "Tweede", &d), 0);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(d.v[0].sev, DIAG_WARNING);
	cr_assert(strstr(d.v[0].msg, ".feedback.csv.rest-20231114-221320"), "%s", d.v[0].msg);
	snprintf(cmd, sizeof cmd, "%s.rest-20231114-221320", fp);
	cr_assert_str_eq((rest = path_read(cmd, NULL)), "2023-11-14T22:13:20Z,Ria,2,\"half");
	diag_free(&d);
	cr_assert_eq(feedback_load(&f, log, &d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_eq(f.n, 2);
	cr_assert_str_eq(f.v[1].text, "Tweede");
	feedback_free(&f);
	free(rest);
	free(fp);
}

/* Write a feedback file for log with the given rows after the headers. */
static void write_rows(const char *log, const char *rows)
{
	char *fp = feedback_path(log);
	FILE *f = fopen(fp, "w");

	cr_assert_not_null(f);
	fprintf(f, "klantcoach-feedback,1\ntijd,coach,stap,tekst\n%s", rows);
	fclose(f);
	free(fp);
}

/* Step numbers out of range (negative, zero, too big, overflowing, not a
 * number) are errors with file and line; the limits themselves are fine;
 * a time that is not a time is a warning and the item is kept. */
Test(feedback, numbers_are_range_checked)
{
	static const char *const bad[] = {
		"-1", "0", "10000", "99999999999999999999", "2x", "0x10", "x",
	};
	char dir[] = "/tmp/kc-fb-XXXXXX", log[96], row[128], cmd[96];
	struct feedback f;
	size_t i;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(log, sizeof log, "%s/s1.csv", dir);
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct diag d = {0};
		snprintf(row, sizeof row, "2026-01-31T12:00:00Z,Ria,%s,tekst\n", bad[i]);
		write_rows(log, row);
		cr_assert_eq(feedback_load(&f, log, &d), -1, "step '%s'", bad[i]);
		cr_assert_eq(d.n, 1);
		cr_assert_eq(d.v[0].line, 3);
		cr_assert(strstr(d.v[0].msg, "geen getal van 1 tot en met 9999"), "%s", d.v[0].msg);
		feedback_free(&f);
		diag_free(&d);
	}
	{
		struct diag d = {0};
		write_rows(log, "2026-01-31T12:00:00Z,Ria,1,a\n2026-01-31T12:00:00Z,Ria,9999,b\n"
			   "gisteren,Ria,,c\n");
		cr_assert_eq(feedback_load(&f, log, &d), 0);
		cr_assert_eq(f.n, 3);
		cr_assert_eq(f.v[1].step, 9999);
		cr_assert_eq(d.n, 1);
		cr_assert_eq(d.v[0].sev, DIAG_WARNING);
		cr_assert_eq(d.v[0].line, 5);
		cr_assert(strstr(d.v[0].msg, "tijd 'gisteren' is geen tijd"), "%s", d.v[0].msg);
		feedback_free(&f);
		diag_free(&d);
	}
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(feedback, an_item_from_elsewhere_keeps_its_time)
{
	char dir[64], log[96];
	struct feedback f;
	struct diag d = {0};

	tmpdir_make(dir, "fb");
	snprintf(log, sizeof log, "%s/s1.csv", dir);
	cr_assert_eq(feedback_add_at(log, "2023-11-15T09:00:00Z", "Ria", 1,
				     "Van het LRS", &d), 0);
	cr_assert_eq(feedback_load(&f, log, &d), 0);
	cr_assert_eq(f.n, 1);
	cr_assert_str_eq(f.v[0].time, "2023-11-15T09:00:00Z");
	cr_assert_str_eq(f.v[0].text, "Van het LRS");
	feedback_free(&f);
	diag_free(&d);
	tmpdir_remove(dir);
}

Test(feedback, edits_and_withdrawals_are_appended_and_the_latest_wins)
{
	char dir[] = "/tmp/kc-fb-XXXXXX", log[96], cmd[96];
	struct feedback f;
	struct diag d = {0};

	cr_assert_not_null(mkdtemp(dir));
	snprintf(log, sizeof log, "%s/s1.csv", dir);
	cr_assert_eq(feedback_add(log, "Ria", 2, "Eerste versie", &d), 0);
	cr_assert_eq(feedback_add(log, "Ria", 3, "Ingetrokken", &d), 0);
	cr_assert_eq(feedback_add(log, "Ali", 2, "Van een ander", &d), 0);
	cr_assert_eq(feedback_add(log, "Ria", 2, "Tweede versie", &d), 0);
	cr_assert_eq(feedback_add(log, "Ria", 3, "", &d), 0);
	cr_assert_eq(feedback_add(log, "Ria", 0, "Algemeen", &d), 0);
	cr_assert_eq(feedback_add(log, "Ria", 3, "", &d), 0);
	cr_assert_eq(feedback_load(&f, log, &d), 0);
	cr_assert_eq(f.n, 7, "every row stays in the file");
	cr_assert_str_eq(feedback_current(&f, "Ria", 2), "Tweede versie");
	cr_assert_null(feedback_current(&f, "Ria", 3), "withdrawn");
	cr_assert_null(feedback_current(&f, "Ria", 4));
	cr_assert_str_eq(feedback_current(&f, "Ali", 2), "Van een ander");
	cr_assert_eq(feedback_previous(&f, 0), -1, "the first has none");
	cr_assert_eq(feedback_previous(&f, 2), -1, "another coach's is not");
	cr_assert_eq(feedback_previous(&f, 3), 0, "an edit replaces the first");
	cr_assert_eq(feedback_previous(&f, 4), 1, "a withdrawal, the one before");
	cr_assert_eq(feedback_previous(&f, 5), -1);
	cr_assert_eq(feedback_previous(&f, 6), -1, "withdrawn: nothing left");
	feedback_in_force(&f);
	cr_assert_eq(f.n, 3);
	cr_assert_str_eq(f.v[0].text, "Van een ander");
	cr_assert_str_eq(f.v[1].text, "Tweede versie");
	cr_assert_str_eq(f.v[2].text, "Algemeen");
	feedback_free(&f);
	cr_assert_eq(d.n, 0);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}
