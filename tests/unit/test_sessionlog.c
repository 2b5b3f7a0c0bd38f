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
	char cmd[192];

	scenario_free(&sc);
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx %s; rm -rf %s", dir, dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(sessionlog, .init = setup, .fini = teardown);

/* Choose option index opt and log it with the order it was shown in. */
static void logged_choice(struct sessionlog *w, struct session *s, int opt, long ms)
{
	char shown[SESSIONLOG_SHOWN_LEN];
	const char *step = s->sc->steps[s->step].id;

	sessionlog_shown(s, shown);
	cr_assert_eq(session_choose(s, opt, ms), 0);
	cr_assert_eq(sessionlog_move(w, SL_CHOICE, step, opt + 1, ms, s->meters,
				     shown), 0);
}

/* A log of proef-basis with one choice (or choice, undo, choice); the
 * options are shuffled by the session id when order is "geschud". */
static char *play_log_order(int undo, const char *order)
{
	struct sessionlog w;
	struct diag d = {0};
	char ord[16];
	struct sessionlog_meta m = {"Sanne, \"de\" Vries", "proef", "proef-basis",
				    sc.version, "oefenen",
				    "0123abcd-0000-4000-8000-000000000000", NULL,
				    ord, 'B'};
	struct session s;
	char *sub = path_join(dir, "sessies"), *path;

	snprintf(ord, sizeof ord, "%s", order);
	session_start(&s, &sc);
	session_shuffle(&s, strcmp(order, "geschud") == 0 ? m.session : NULL);
	cr_assert_eq(sessionlog_create(&w, sub, &m, s.meters, &d), 0);
	logged_choice(&w, &s, 0, 1500);
	if (undo) {
		session_undo(&s);
		cr_assert_eq(sessionlog_move(&w, SL_UNDO, "begin", 1, -1, s.meters,
					     NULL), 0);
		logged_choice(&w, &s, 2, 800);
	}
	cr_assert_eq(sessionlog_note(&w, SL_ANSWER, NULL, "question1", "Ik zou eerst\nluisteren, =1+1"), 0);
	path = mem_strdup(w.path);
	sessionlog_close(&w);
	session_free(&s);
	free(sub);
	return path;
}

static char *play_log(int undo)
{
	return play_log_order(undo, "vast");
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

	cr_assert(strstr(text, "klantcoach-sessielog,2\ngebeurtenis,tijd,stap,optie,denktijd_ms,"
			       "gezien,gehoord,geholpen,sleutel,waarde\n"
			       "start,2023-11-14T22:13:20Z,,,,4,4,3,,\n"));
	cr_assert(strstr(text, "meta,2023-11-14T22:13:20Z,,,,,,,cursist,\"Sanne, \"\"de\"\" Vries\"\n"));
	cr_assert(strstr(text, "keuze,2023-11-14T22:13:20Z,begin,1,1500,6,5,3,getoond,1 2 3\n"));
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

/* The stop without result is a meta row; only that row counts as one. */
Test(sessionlog, stop_row)
{
	char *path = play_log(0), *text;
	struct sessionlog w;
	struct sessionlog_data data;
	struct diag d = {0};
	struct sessionlog_event ev = {SL_META, "", "", "status", "gestopt", 0, 0,
				      {0}, 0};

	cr_assert_eq(sessionlog_load(&data, path, &d), 0);
	cr_assert_not(data.stopped);
	sessionlog_data_free(&data);
	cr_assert_eq(sessionlog_append(&w, path, &d), 0);
	cr_assert_eq(sessionlog_stop(&w), 0);
	sessionlog_close(&w);
	text = path_read(path, NULL);
	cr_assert(strstr(text, "meta,2023-11-14T22:13:20Z,,,,,,,status,gestopt\n"));
	cr_assert_eq(sessionlog_load(&data, path, &d), 0);
	cr_assert(data.stopped);
	cr_assert_not(data.finished);
	cr_assert(sessionlog_is_stop(&ev));
	ev.value = "gestart";
	cr_assert_not(sessionlog_is_stop(&ev));
	ev.type = SL_ANSWER;
	ev.value = "gestopt";
	cr_assert_not(sessionlog_is_stop(&ev), "only a meta row");
	sessionlog_data_free(&data);
	free(text);
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
	cr_assert_eq(d.v[0].line, 15);
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
	cr_assert_eq(d.v[0].line, 15);
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
	struct sessionlog_meta m = {"x", "proef", "proef-basis", "v", "oefenen", "abcdefgh", NULL,
				    "vast", 'A'};
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
	cr_assert_eq(sessionlog_move(&w, SL_CHOICE, "begin", 2, 10, meters,
				     "1 2 3"), 0);
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
				    "abcdefgh", NULL, "vast", 'A'};
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
		"klantcoach-sessielog,3\nGEHEIM\n",
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

Test(sessionlog, shuffled_log_replays_in_the_order_shown)
{
	char *path = play_log_order(1, "geschud");
	struct sessionlog_data data;
	struct diag d = {0};
	struct session s;

	cr_assert_eq(sessionlog_load(&data, path, &d), 0);
	cr_assert_str_eq(data.meta.order, "geschud");
	cr_assert_str_eq(sessionlog_order_key(&data.meta), data.meta.session);
	cr_assert_eq(sessionlog_replay(&data, &sc, &s, &d), 0);
	cr_assert_eq(s.order != 0, 1);
	cr_assert_eq(s.path[0].opt, 2);
	session_free(&s);
	sessionlog_data_free(&data);
	free(path);
}

/* Replace the first occurrence of from by to in the file at path. */
static void edit(const char *path, const char *from, const char *to)
{
	char *text = path_read(path, NULL), *at = strstr(text, from);
	FILE *fp = fopen(path, "w");

	cr_assert_not_null(at);
	fwrite(text, 1, (size_t)(at - text), fp);
	fputs(to, fp);
	fputs(at + strlen(from), fp);
	fclose(fp);
	free(text);
}

Test(sessionlog, another_recorded_order_is_refused)
{
	char *path = play_log(0);
	struct sessionlog_data data;
	struct diag d = {0};
	struct session s;

	edit(path, "getoond,1 2 3", "getoond,3 2 1");
	cr_assert_eq(sessionlog_load(&data, path, &d), 0);
	cr_assert_eq(sessionlog_replay(&data, &sc, &s, &d), -1);
	cr_assert(strstr(d.v[0].msg, "past niet bij het scenario"), "%s", d.v[0].msg);
	session_free(&s);
	sessionlog_data_free(&data);
	diag_free(&d);
	free(path);
}

Test(sessionlog, bad_shown_lists_name_the_field)
{
	static const char *const bad[] = {"1 1 2", "5 1", "", "2 3", "1,2", "1  2",
					  "1 2 3 4 1", " 1"};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *path = play_log(0), row[96];
		struct sessionlog_data data;
		struct diag d = {0};

		snprintf(row, sizeof row, "getoond,\"%s\"", bad[i]);
		edit(path, "getoond,1 2 3", row);
		cr_assert_eq(sessionlog_load(&data, path, &d), -1, "%s", bad[i]);
		cr_assert(strstr(d.v[0].msg, "veld 'waarde'"), "%s: %s", bad[i],
			  d.v[0].msg);
		sessionlog_data_free(&data);
		diag_free(&d);
		unlink(path);
		free(path);
	}
}

Test(sessionlog, version_1_log_is_read_in_file_order)
{
	char *path = path_join(dir, "v1.csv");
	struct sessionlog_data data;
	struct diag d = {0};
	struct session s;
	FILE *fp = fopen(path, "w");

	fprintf(fp, "klantcoach-sessielog,1\n"
		"gebeurtenis,tijd,stap,optie,denktijd_ms,gezien,gehoord,geholpen,"
		"sleutel,waarde\n"
		"start,2023-11-14T22:13:20Z,,,,4,4,3,,\n"
		"meta,2023-11-14T22:13:20Z,,,,,,,cursist,Sanne\n"
		"meta,2023-11-14T22:13:20Z,,,,,,,scenario,proef-basis\n"
		"meta,2023-11-14T22:13:20Z,,,,,,,versie,%s\n"
		"meta,2023-11-14T22:13:20Z,,,,,,,sessie,0123abcd\n"
		"keuze,2023-11-14T22:13:20Z,begin,1,1500,6,5,3,,\n"
		"terug,2023-11-14T22:13:20Z,begin,1,,4,4,3,,\n"
		"keuze,2023-11-14T22:13:20Z,begin,3,800,4,4,3,,\n", sc.version);
	fclose(fp);
	cr_assert_eq(sessionlog_load(&data, path, &d), 0, "%s",
		     d.n ? d.v[0].msg : "");
	cr_assert_null(data.meta.order);
	cr_assert_null(sessionlog_order_key(&data.meta));
	cr_assert_eq(sessionlog_replay(&data, &sc, &s, &d), 0);
	cr_assert_eq(s.order, 0);
	cr_assert_eq(s.path[0].opt, 2);
	session_free(&s);
	sessionlog_data_free(&data);
	free(path);
}

Test(sessionlog, sniff_knows_a_log_by_its_first_line)
{
	char *path = play_log(0);
	char *bom = tmpfile_with("\xef\xbb\xbfklantcoach-sessielog,1\n", 25, ".csv");
	char *iv = tmpfile_with("klantcoach-intervisie,1\n", 24, ".csv");
	char *near = tmpfile_with("klantcoach-sessielogboek,2\n", 27, ".csv");

	cr_assert(sessionlog_sniff(path));
	cr_assert(sessionlog_sniff(bom), "a byte-order mark may come first");
	cr_assert_not(sessionlog_sniff(iv));
	cr_assert_not(sessionlog_sniff(near), "the format name ends at the comma");
	cr_assert_not(sessionlog_sniff(dir), "a folder is no log");
	cr_assert_not(sessionlog_sniff("/nonexistent/x.csv"));
	unlink(bom);
	unlink(iv);
	unlink(near);
	free(bom);
	free(iv);
	free(near);
	free(path);
}

/* Fold one event of type t into m. */
static void fold(struct sessionlog_meta *m, enum sessionlog_type t,
		 const char *time, const char *key, const char *value)
{
	struct sessionlog_event ev = {0};

	ev.type = t;
	ev.time = (char[32]){0};
	ev.key = (char[32]){0};
	ev.value = (char[32]){0};
	snprintf(ev.time, 32, "%s", time);
	snprintf(ev.key, 32, "%s", key);
	snprintf(ev.value, 32, "%s", value);
	sessionlog_meta_event(m, &ev);
}

Test(sessionlog, meta_events_fold_into_one_meta)
{
	struct sessionlog_meta m = {0};

	fold(&m, SL_START, "2026-01-31T12:00:00Z", "", "");
	fold(&m, SL_START, "2026-02-01T12:00:00Z", "", "");
	fold(&m, SL_META, "", "cursist", "Sanne");
	fold(&m, SL_META, "", "cursist", "Sanne de Vries");
	fold(&m, SL_META, "", "niveau", "C");
	fold(&m, SL_META, "", "onbekend", "C");
	fold(&m, SL_END, "", "einde", "goed");
	cr_assert_str_eq(m.started, "2026-01-31T12:00:00Z", "the first start");
	cr_assert_str_eq(m.trainee, "Sanne de Vries", "the last meta row counts");
	cr_assert_eq(m.level, 'C');
	cr_assert_null(m.scenario);
	sessionlog_meta_free(&m);
	cr_assert_null(m.trainee);
}

Test(sessionlog, status_words)
{
	cr_assert_str_eq(sessionlog_status(0, 0, 0), "onderbroken");
	cr_assert_str_eq(sessionlog_status(0, 1, 0), "onderbroken");
	cr_assert_str_eq(sessionlog_status(1, 0, 0), "reflectie open");
	cr_assert_str_eq(sessionlog_status(1, 1, 0), "afgerond");
	cr_assert_str_eq(sessionlog_status(0, 0, 1), "gestopt");
	cr_assert_str_eq(sessionlog_status(1, 1, 1), "gestopt");
}
