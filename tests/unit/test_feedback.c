/* Unit tests for src/feedback: beside the log, durable, read back. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "feedback.h"

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
