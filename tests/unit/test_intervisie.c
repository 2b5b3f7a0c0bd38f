/* Unit tests for src/intervisie: vote tally, path rules, record and resume. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "helpers.h"
#include "intervisie.h"
#include "mem.h"
#include "path.h"
#include "play.h"
#include "text.h"

static struct content c;
static char dir[64];

static void setup(void)
{
	struct diag d = {0};

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	strcpy(dir, "/tmp/kc-iv-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[96];

	content_free(&c);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(intervisie, .init = setup, .fini = teardown);

Test(intervisie, winner_rules)
{
	int idx[] = {0, 1, 2};
	int clear[] = {1, 5, 2, -1}, tie[] = {3, 3, 0, -1}, none[] = {0, 0, 0, -1};
	int skipped[] = {-1, -1, -1, -1}, hidden[] = {9, 1, 0, 0};
	int offered[] = {1, 2};

	cr_assert_eq(intervisie_winner(clear, idx, 3), 1);
	cr_assert_eq(intervisie_winner(tie, idx, 3), -1, "a tie: the facilitator picks");
	cr_assert_eq(intervisie_winner(none, idx, 3), -1, "no votes: the facilitator picks");
	cr_assert_eq(intervisie_winner(skipped, idx, 3), -1);
	cr_assert_eq(intervisie_winner(hidden, offered, 2), 1, "only offered options count");
}

Test(intervisie, fresh_follows_majority_and_resumes)
{
	struct intervisie iv, r;
	struct diag d = {0};
	int v1[4] = {1, 4, 0, -1}, v2[4] = {2, 2, -1, -1};
	char *path;

	cr_assert_eq(intervisie_begin(&iv, &c, &c.scs[0], 1, dir, &d), 0);
	cr_assert_eq(intervisie_next(&iv), -1, "no votes yet");
	cr_assert_eq(intervisie_vote(&iv, v1), 0);
	cr_assert_eq(intervisie_next(&iv), 1);
	cr_assert_eq(intervisie_follow(&iv, 1), 0);
	cr_assert(session_finished(&iv.s), "option 2 ends the conversation");
	cr_assert_eq(intervisie_note(&iv, "te snel"), 0);
	cr_assert_eq(intervisie_finish(&iv), 0);
	path = strdup(iv.path);
	cr_assert_eq(intervisie_resume(&r, &c, path, &d), -1, "still open in iv");
	cr_assert(strstr(d.v[d.n - 1].msg, "al open in een ander venster (proces "));
	intervisie_free(&r);
	intervisie_free(&iv);
	cr_assert_eq(intervisie_resume(&r, &c, path, &d), 0);
	cr_assert_eq(r.nst, 1);
	cr_assert_eq(r.st[0].votes[1], 4);
	cr_assert_eq(r.st[0].followed, 1);
	cr_assert_str_eq(r.st[0].note, "te snel");
	cr_assert(r.ended);
	intervisie_free(&r);
	free(path);
	diag_free(&d);
	cr_assert_eq(intervisie_begin(&iv, &c, &c.scs[0], 1, dir, &d), 0);
	intervisie_vote(&iv, v2);
	cr_assert_eq(intervisie_next(&iv), -1, "2 against 2");
	intervisie_free(&iv);
}

Test(intervisie, sniff_knows_a_record_by_its_first_line)
{
	struct intervisie iv;
	struct diag d = {0};
	char *log = tmpfile_with("klantcoach-sessielog,2\n", 23, ".csv");

	cr_assert_eq(intervisie_begin(&iv, &c, &c.scs[0], 1, dir, &d), 0);
	cr_assert(intervisie_sniff(iv.path));
	cr_assert_not(intervisie_sniff(log));
	cr_assert_not(intervisie_sniff(dir));
	intervisie_free(&iv);
	unlink(log);
	free(log);
}

Test(intervisie, log_follows_the_trainee_and_hides_the_name)
{
	struct play p;
	struct intervisie iv;
	struct diag d = {0};
	int votes[4] = {5, 0, 0, -1}, group[2], trainee[2], expert[2];
	char *sessions = path_join(dir, "s"), *records = path_join(dir, "i"), *log, *text;

	cr_assert_eq(play_begin(&p, &c, &c.scs[0],
				&(struct play_who){"Sanne de Vries", 'B', CONFIG_OEFENEN, 1},
				sessions, &d), 0);
	play_choose(&p, 2);
	play_choose(&p, 1);
	play_log_end(&p);
	log = strdup(p.log.path);
	play_end(&p);
	cr_assert_eq(intervisie_begin_log(&iv, &c, log, 1, records, &d), 0);
	cr_assert_str_eq(iv.trainee, "de cursist");
	intervisie_vote(&iv, votes);
	cr_assert_eq(intervisie_next(&iv), 2, "the trainee's option, whatever the votes");
	cr_assert_eq(intervisie_follow(&iv, 2), 0);
	intervisie_vote(&iv, votes);
	cr_assert_eq(intervisie_follow(&iv, intervisie_next(&iv)), 0);
	cr_assert(session_finished(&iv.s));
	cr_assert_eq(intervisie_note(&iv, "sanne en SANNE, De Vries"), 0);
	intervisie_levels(&iv, group, trainee, expert);
	cr_assert_eq(group[0], 2, "the group chose option 1 twice");
	cr_assert_eq(trainee[1], 0);
	cr_assert_eq(expert[0], 2);
	text = path_read(iv.path, NULL);
	cr_assert_null(strstr(text, "Sanne"));
	cr_assert(strstr(text, "anoniem,ja"));
	cr_assert(strstr(text, "De cursist en de cursist, de cursist"),
		  "the note is stored with the name hidden");
	cr_assert_null(strstr(text, "anne"));
	cr_assert_null(strstr(text, log), "no path of the log");
	cr_assert(strstr(text, "logboek,sha256:"));
	free(text);
	text = text_hide_name("zoe, ZOË, Zoë, Zoëlla, van der berg, BERG.",
			      "Zoë van der Berg", "X");
	cr_assert_str_eq(text, "X, X, X, Zoëlla, X, X.",
			 "any case, with or without accents");
	free(text);
	text = text_hide_name("zoe koos dit. Daarna koos ZOË. van der Berg?",
			      "Zoë van der Berg", "de cursist");
	cr_assert_str_eq(text, "De cursist koos dit. Daarna koos de cursist. "
			 "De cursist?", "a capital at the start of a sentence");
	free(text);
	text = text_hide_name("Sanne zei: sanne de vries, Sannerman, de Vries en de klant.",
			      "Sanne de Vries", "X");
	cr_assert_str_eq(text, "X zei: X, Sannerman, X en de klant.");
	free(text);
	intervisie_free(&iv);
	free(log);
	free(sessions);
	free(records);
}

Test(intervisie, resume_cuts_a_torn_row_and_failed_start_leaves_none)
{
	struct intervisie iv, r;
	struct diag d = {0};
	char *before, *after, *path;
	FILE *out;
	rlim_t lim;
	int v1[4] = {1, 4, 0, -1}, rc = -1, failed = 0;

	setenv("KLANTCOACH_TIME", "1700000000", 1);
	cr_assert_eq(intervisie_begin(&iv, &c, &c.scs[0], 1, dir, &d), 0);
	cr_assert_eq(intervisie_vote(&iv, v1), 0);
	before = path_read(iv.path, NULL);
	cr_assert_not_null((out = fopen(iv.path, "a")));
	fputs("volg,2023-11-14T22:13:20Z,beg", out);
	fclose(out);
	path = mem_strdup(iv.path);
	intervisie_free(&iv);	/* the record is free for the next window */
	cr_assert_eq(intervisie_resume(&r, &c, path, &d), 0);
	cr_assert_str_eq((after = path_read(path, NULL)), before);
	cr_assert(strstr(d.v[d.n - 1].msg, "weggehaald en bewaard in"), "%s", d.v[d.n - 1].msg);
	cr_assert_eq(intervisie_follow(&r, 1), 0);
	intervisie_free(&r);
	free(path);
	diag_free(&d);
	free(before);
	free(after);
	for (lim = 0; rc != 0; lim += 23) {
		char cmd[96];
		snprintf(cmd, sizeof cmd, "rm -rf %s/*", dir);
		cr_assert_eq(system(cmd), 0);
		limit_file_size(lim);
		rc = intervisie_begin(&iv, &c, &c.scs[0], 1, dir, &d);
		limit_file_size(RLIM_INFINITY);
		snprintf(cmd, sizeof cmd, "test \"$(ls %s | wc -l)\" = %d", dir, rc == 0);
		cr_assert_eq(system(cmd), 0, "limit %d", (int)lim);
		failed += rc != 0;
		intervisie_free(&iv);
	}
	cr_assert_gt(failed, 5);
	diag_free(&d);
}

/* A copy of the record at path with every "stem" row's fields 4 and 5
 * (option, count) replaced; returns the new path and the line of the
 * first vote. */
static char *with_vote(const char *path, const char *opt, const char *count, int *line)
{
	char *text = path_read(path, NULL), *out = mem_strdup(path), *nl, *p;
	struct buf b = {0};
	int n = 0;

	out[strlen(out) - 4] = '\0';
	buf_printf(&b, "%s-x.csv", out);
	free(out);
	out = buf_take(&b);
	*line = 0;
	for (p = text; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		n++;
		if (strncmp(p, "stem,", 5) == 0) {
			char *f3 = strchr(strchr(strchr(p, ',') + 1, ',') + 1, ',') + 1;
			char *f5 = strchr(strchr(f3, ',') + 1, ',');
			buf_addn(&b, p, (size_t)(f3 - p));
			buf_printf(&b, "%s,%s", opt, count);
			buf_addn(&b, f5, (size_t)(nl + 1 - f5));
			if (!*line)
				*line = n;
		} else {
			buf_addn(&b, p, (size_t)(nl + 1 - p));
		}
	}
	cr_assert_eq(path_write_atomic(out, b.s, b.len), 0);
	buf_free(&b);
	free(text);
	return out;
}

/* Vote counts out of 0..999 (negative, too big, overflowing, not a number)
 * and options out of 1..4 are errors with file and line; the limits are
 * fine. A file that is not a record is named, not quoted. */
Test(intervisie, record_numbers_are_range_checked)
{
	static const char *const bad[][2] = {
		{"1", "-1"}, {"1", "1000"}, {"1", "99999999999999999999"}, {"1", "3x"},
		{"1", ""}, {"0", "1"}, {"5", "1"}, {"x", "1"}, {"99999999999999999999", "1"},
	};
	struct intervisie iv, r;
	struct diag d = {0};
	int v[4] = {1, 4, 0, -1}, line;
	size_t i;
	char *p;

	cr_assert_eq(intervisie_begin(&iv, &c, &c.scs[0], 1, dir, &d), 0);
	cr_assert_eq(intervisie_vote(&iv, v), 0);
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		p = with_vote(iv.path, bad[i][0], bad[i][1], &line);
		cr_assert_eq(intervisie_resume(&r, &c, p, &d), -1, "%s %s", bad[i][0], bad[i][1]);
		cr_assert_eq(d.n, 1, "%s %s", bad[i][0], bad[i][1]);
		cr_assert_eq(d.v[0].line, line);
		cr_assert(strstr(d.v[0].msg, "geen getal van"), "%s", d.v[0].msg);
		intervisie_free(&r);
		diag_free(&d);
		free(p);
	}
	p = with_vote(iv.path, "1", "999", &line);
	cr_assert_eq(intervisie_resume(&r, &c, p, &d), 0);
	cr_assert_eq(r.st[0].votes[0], 999);
	intervisie_free(&r);
	free(p);
	p = tmpfile_with("GEHEIM\n", 7, ".csv");
	cr_assert_eq(intervisie_resume(&r, &c, p, &d), -1);
	cr_assert(strstr(d.v[0].msg, "is geen klantcoach-intervisieverslag"), "%s", d.v[0].msg);
	cr_assert_null(strstr(d.v[0].msg, "GEHEIM"));
	intervisie_free(&r);
	unlink(p);
	free(p);
	diag_free(&d);
	intervisie_free(&iv);
}

/* A meta key that comes twice: the last one counts (and the first is not
 * leaked; the ASan run of the suite checks). */
Test(intervisie, repeated_meta_last_counts)
{
	char rec[512], *p;
	struct intervisie iv;
	struct diag d = {0};

	snprintf(rec, sizeof rec,
		 "klantcoach-intervisie,1\ngebeurtenis,tijd,stap,optie,aantal,sleutel,waarde\n"
		 "meta,2023-11-14T22:13:20Z,,,,scenario,weg\n"
		 "meta,2023-11-14T22:13:20Z,,,,versie,0000000000000000\n"
		 "meta,2023-11-14T22:13:20Z,,,,logboek,/nergens\n"
		 "meta,2023-11-14T22:13:20Z,,,,scenario,proef-basis\n"
		 "meta,2023-11-14T22:13:20Z,,,,versie,%s\n"
		 "meta,2023-11-14T22:13:20Z,,,,logboek,\n"
		 "stem,2023-11-14T22:13:20Z,begin,1,3,,\n", c.scs[0].version);
	p = tmpfile_with(rec, strlen(rec), ".csv");

	cr_assert_eq(intervisie_resume(&iv, &c, p, &d), 0);
	cr_assert_str_eq(iv.sc->id, "proef-basis");
	cr_assert_eq(iv.st[0].votes[0], 3);
	intervisie_free(&iv);
	diag_free(&d);
	unlink(p);
	free(p);
}
