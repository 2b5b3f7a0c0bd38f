/* Unit tests for src/sessionlog: durable writing, strict and tolerant reading, replay. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "helpers.h"
#include "path.h"
#include "mem.h"
#include "sessionlog.h"

static struct scenario sc;
static char dir[64];

static void setup(void)
{
	struct diag d = {0};

	setenv("KLANTCOACH_TIME", "1700000000", 1);
	cr_assert_eq(scenario_load(&sc, FIXTURES "/mini/content/scenarios/proef-basis.ini", &d), 0);
	strcpy(dir, "/tmp/kc-log-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];

	scenario_free(&sc);
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx %s; rm -rf %s", dir, dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(sessionlog, .init = setup, .fini = teardown);

static char *play_log(int undo)
{
	struct sessionlog w;
	struct diag d = {0};
	struct sessionlog_meta m = {"Sanne, \"de\" Vries", "proef", "proef-basis", sc.version,
				    "oefenen", "0123abcd-0000-4000-8000-000000000000", NULL, 'B'};
	struct session s;
	char *sub = path_join(dir, "sessies"), *path;

	session_start(&s, &sc);
	cr_assert_eq(sessionlog_create(&w, sub, &m, s.meters, &d), 0);
	session_choose(&s, 0, 1500);
	cr_assert_eq(sessionlog_move(&w, SL_CHOICE, "begin", 1, 1500, s.meters), 0);
	if (undo) {
		session_undo(&s);
		cr_assert_eq(sessionlog_move(&w, SL_UNDO, "begin", 1, -1, s.meters), 0);
		session_choose(&s, 2, 800);
		cr_assert_eq(sessionlog_move(&w, SL_CHOICE, "begin", 3, 800, s.meters), 0);
	}
	cr_assert_eq(sessionlog_note(&w, SL_ANSWER, NULL, "question1", "Ik zou eerst\nluisteren, =1+1"), 0);
	path = mem_strdup(w.path);
	sessionlog_close(&w);
	session_free(&s);
	free(sub);
	return path;
}

Test(sessionlog, file_is_private_and_named)
{
	char *path = play_log(0);
	struct stat st;

	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	cr_assert(strstr(path, "/sessies/20231114-221320-proef-basis-0123abcd.csv"), "%s", path);
	free(path);
}

Test(sessionlog, exact_rows)
{
	char *path = play_log(0), *text = path_read(path, NULL);

	cr_assert(strstr(text, "klantcoach-sessielog,1\ngebeurtenis,tijd,stap,optie,denktijd_ms,"
			       "gezien,gehoord,geholpen,sleutel,waarde\n"
			       "start,2023-11-14T22:13:20Z,,,,4,4,3,,\n"));
	cr_assert(strstr(text, "meta,2023-11-14T22:13:20Z,,,,,,,cursist,\"Sanne, \"\"de\"\" Vries\"\n"));
	cr_assert(strstr(text, "keuze,2023-11-14T22:13:20Z,begin,1,1500,6,5,3,,\n"));
	cr_assert(strstr(text, "antwoord,2023-11-14T22:13:20Z,,,,,,,question1,\"Ik zou eerst\nluisteren, =1+1\"\n"));
	free(text);
	free(path);
}

Test(sessionlog, load_and_replay_with_undo)
{
	char *path = play_log(1);
	struct sessionlog_data data;
	struct diag d = {0};
	struct session s;

	cr_assert_eq(sessionlog_load(&data, path, &d), 0);
	cr_assert_str_eq(data.meta.trainee, "Sanne, \"de\" Vries");
	cr_assert_eq(data.meta.level, 'B');
	cr_assert_eq(data.nev, 5);
	cr_assert_eq(sessionlog_replay(&data, &sc, &s, &d), 0);
	cr_assert_eq(s.npath, 1);
	cr_assert_eq(s.nundone, 1);
	cr_assert_eq(s.path[0].opt, 2);
	cr_assert_eq(s.path[0].think_ms, 800);
	cr_assert_str_eq(data.ev[4].value, "Ik zou eerst\nluisteren, =1+1");
	session_free(&s);
	sessionlog_data_free(&data);
	free(path);
}

Test(sessionlog, other_version_is_refused)
{
	char *path = play_log(0);
	struct sessionlog_data data;
	struct diag d = {0};
	struct session s;

	cr_assert_eq(sessionlog_load(&data, path, &d), 0);
	free(data.meta.version);
	data.meta.version = mem_strdup("0000000000000000");
	cr_assert_eq(sessionlog_replay(&data, &sc, &s, &d), -1);
	cr_assert(strstr(d.v[0].msg, "gespeeld op versie 0000000000000000 "
			  "van scenario 'proef-basis', niet op versie"),
		  "%s", d.v[0].msg);
	sessionlog_data_free(&data);
	diag_free(&d);
	free(path);
}

static void append(const char *path, const char *text)
{
	FILE *fp = fopen(path, "a");
	fputs(text, fp);
	fclose(fp);
}

Test(sessionlog, torn_last_line_is_ignored_with_warning)
{
	char *path = play_log(0);
	struct sessionlog_data data;
	struct diag d = {0};

	append(path, "keuze,2023-11-14T22:13:20Z,uit");
	cr_assert_eq(sessionlog_load(&data, path, &d), 0);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(d.v[0].sev, DIAG_WARNING);
	cr_assert_eq(d.v[0].line, 14);
	cr_assert_eq(data.nev, 3);
	sessionlog_data_free(&data);
	diag_free(&d);
	free(path);
}

Test(sessionlog, damaged_field_names_line_and_field)
{
	char *path = play_log(0);
	struct sessionlog_data data;
	struct diag d = {0};

	append(path, "keuze,2023-11-14T22:13:20Z,uitleg,9,5,5,5,5,,\n");
	cr_assert_eq(sessionlog_load(&data, path, &d), -1);
	cr_assert_eq(d.v[0].line, 14);
	cr_assert(strstr(d.v[0].msg, "veld 'optie': '9' is geen getal van 1 tot en met 4"), "%s", d.v[0].msg);
	sessionlog_data_free(&data);
	diag_free(&d);
	free(path);
}

Test(sessionlog, not_a_log)
{
	char *p = tmpfile_with("a,b\n", 4, ".csv");
	struct sessionlog_data data;
	struct diag d = {0};

	cr_assert_eq(sessionlog_load(&data, p, &d), -1);
	cr_assert(strstr(d.v[0].msg, "geen klantcoach-sessielog"));
	sessionlog_data_free(&data);
	diag_free(&d);
	unlink(p);
	free(p);
}

Test(sessionlog, refuses_shared_folder)
{
	struct sessionlog w;
	struct diag d = {0};
	struct sessionlog_meta m = {"x", "proef", "proef-basis", "v", "oefenen", "abcdefgh", NULL, 'A'};
	int meters[3] = {5, 5, 5};
	char *sub = path_join(dir, "open");

	cr_assert_eq(path_mkdirs(sub), 0);
	chmod(sub, 0777);
	cr_assert_eq(sessionlog_create(&w, sub, &m, meters, &d), -1);
	cr_assert(strstr(d.v[0].msg, "andere gebruikers kunnen in deze map schrijven"));
	sessionlog_close(&w);
	diag_free(&d);
	free(sub);
}

Test(sessionlog, append_cuts_a_torn_row_and_keeps_it)
{
	char *path = play_log(0), *before = path_read(path, NULL), *after, *copy;
	const char *frag = "keuze,2023-11-14T22:13:20Z,uit";
	struct sessionlog w;
	struct sessionlog_data data;
	struct diag d = {0};
	struct buf name = {0};
	int meters[METER_N] = {5, 5, 5};

	append(path, frag);
	cr_assert_eq(sessionlog_append(&w, path, &d), 0);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(d.v[0].sev, DIAG_WARNING);
	buf_printf(&name, "%s.rest-20231114-221320", path);
	cr_assert(strstr(d.v[0].msg, name.s), "%s", d.v[0].msg);
	cr_assert_str_eq((after = path_read(path, NULL)), before);
	cr_assert_str_eq((copy = path_read(name.s, NULL)), frag);
	cr_assert_eq(sessionlog_move(&w, SL_CHOICE, "begin", 2, 10, meters), 0);
	sessionlog_close(&w);
	diag_free(&d);
	cr_assert_eq(sessionlog_load(&data, path, &d), 0);
	cr_assert_eq(d.n, 0, "the next row is whole");
	cr_assert_eq(data.nev, 4);
	cr_assert_eq(data.ev[3].option, 2);
	sessionlog_data_free(&data);
	buf_free(&name);
	free(before);
	free(after);
	free(copy);
	free(path);
}

/* With room for only lim bytes (limit_file_size), creating a log fails
 * and leaves no file, until the start rows fit. */
Test(sessionlog, create_without_room_leaves_no_file)
{
	struct sessionlog w;
	struct diag d = {0};
	struct sessionlog_meta m = {"x", "proef", "proef-basis", "v", "oefenen",
				    "abcdefgh", NULL, 'A'};
	int meters[METER_N] = {5, 5, 5}, rc = -1, failed = 0;
	rlim_t lim;
	char *sub = path_join(dir, "vol"), cmd[160];

	for (lim = 0; rc != 0; lim += 17) {
		limit_file_size(lim);
		rc = sessionlog_create(&w, sub, &m, meters, &d);
		sessionlog_close(&w);	/* also gives up the lock and its file */
		snprintf(cmd, sizeof cmd, "test \"$(ls -A %s)\" = \"%s\"", sub,
			 rc == 0 ? "20231114-221320-proef-basis-abcdefgh.csv" : "");
		cr_assert_eq(system(cmd), 0, "limit %d, rc %d", (int)lim, rc);
		failed += rc != 0;
	}
	cr_assert_gt(failed, 10);
	cr_assert(strstr(d.v[0].msg, "er is geen sessie begonnen"), "%s", d.v[0].msg);
	diag_free(&d);
	free(sub);
}

/* Whatever a file that is not a session log starts with (one field, the
 * right field count, a right first line and a wrong second), no problem
 * message quotes it: it may be a private file a link points to. */
Test(sessionlog, foreign_file_is_named_not_quoted)
{
	static const char *const texts[] = {
		"GEHEIM-wachtwoord\n",
		"GEHEIM,1\n",
		"root:GEHEIM:0:0:root:/root:/bin/sh\nx\n",
		"a,b,c,d,e,f,g,h,i,GEHEIM\n",
		"klantcoach-sessielog,2\nGEHEIM\n",
		"klantcoach-sessielog,1\nGEHEIM,b,c,d,e,f,g,h,i,j\n",
		"klantcoach-sessielog,1\nGEHEIM\n",
	};
	size_t i, k;

	for (i = 0; i < sizeof texts / sizeof *texts; i++) {
		char *p = tmpfile_with(texts[i], strlen(texts[i]), ".csv");
		struct sessionlog_data data;
		struct diag d = {0};

		cr_assert_eq(sessionlog_load(&data, p, &d), -1, "text %zu", i);
		cr_assert_gt(d.n, 0);
		for (k = 0; k < d.n; k++) {
			cr_assert_str_eq(d.v[k].file, p);
			cr_assert_null(strstr(d.v[k].msg, "GEHEIM"), "text %zu: %s", i,
				       d.v[k].msg);
		}
		cr_assert(strstr(d.v[0].msg, i < 5 ? "is geen klantcoach-sessielog"
					 : "niet de kopregel"), "%s", d.v[0].msg);
		sessionlog_data_free(&data);
		diag_free(&d);
		unlink(p);
		free(p);
	}
}
