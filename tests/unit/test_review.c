/* Unit tests for src/review, src/timeline and src/report on a small cohort. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "feedback.h"
#include "play.h"
#include "report.h"
#include "path.h"
#include "reportcsv.h"
#include "reporthtml.h"
#include "review.h"
#include "text.h"
#include "timeline.h"

static struct content c;
static char dir[64];

/* Play path (option indices) for trainee; undo after the first when asked. */
static char *session(const char *who, const int *opts, int n, int undo)
{
	struct play p;
	struct diag d = {0};
	char *path;
	int i;

	cr_assert_eq(play_begin(&p, &c, &c.scs[0],
				&(struct play_who){who, 'B', CONFIG_OEFENEN, 1},
				dir, &d), 0);
	for (i = 0; i < n; i++) {
		cr_assert_eq(play_choose(&p, opts[i]), 0);
		if (undo && i == 0) {
			play_undo(&p);
			play_choose(&p, opts[i]);
		}
	}
	play_log_end(&p);
	path = strdup(p.log.path);
	play_end(&p);
	return path;
}

static void setup(void)
{
	struct diag d = {0};
	int good[] = {0, 0}, poor[] = {2, 1};

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	strcpy(dir, "/tmp/kc-rev-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	free(session("Anna", good, 2, 1));
	free(session("Bram", poor, 2, 0));
	free(session("Anna", poor, 1, 0));
}

static void teardown(void)
{
	char cmd[96];

	content_free(&c);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(review, .init = setup, .fini = teardown);

static void scan(struct review *r, const struct review_filter *f)
{
	struct diag d = {0};
	struct review_opts o = {f, 1, NULL, NULL, NULL, NULL};
	char *paths[] = {dir};

	cr_assert_eq(review_scan(r, &c, paths, 1, &o, &d), 0);
	diag_free(&d);
}

static const struct review_count *find(const struct review *r, const char *step, int opt)
{
	size_t i;

	for (i = 0; i < r->ncnt; i++)
		if (strcmp(r->cnt[i].step, step) == 0 && r->cnt[i].option == opt)
			return &r->cnt[i];
	return NULL;
}

/* Feedback is counted for the log it belongs to, found through the
 * folder's listing and also when the log is named by itself. */
Test(review, feedback_counts_per_log)
{
	struct diag d = {0};
	struct review r;
	struct review_opts o = {NULL, 1, NULL, NULL, NULL, NULL};
	int good[] = {0, 0};
	char *log = session("Cees", good, 2, 0), *paths[] = {log};
	size_t i, with = 0;

	cr_assert_eq(feedback_add(log, "Coach", 1, "Goed gevraagd.", &d), 0);
	cr_assert_eq(feedback_add(log, "Coach", 2, "Mooi.", &d), 0);
	scan(&r, NULL);
	cr_assert_eq(r.n, 4);
	for (i = 0; i < r.n; i++) {
		int mine = strcmp(r.s[i].path, log) == 0;
		cr_assert_eq(r.s[i].nfeedback, mine ? 2 : 0, "%s", r.s[i].path);
		with += mine;
	}
	cr_assert_eq(with, 1);
	review_free(&r);
	cr_assert_eq(review_scan(&r, &c, paths, 1, &o, &d), 0);
	cr_assert_eq(r.n, 1);
	cr_assert_eq(r.s[0].nfeedback, 2);
	cr_assert_eq(d.n, 0);
	review_free(&r);
	free(log);
}

Test(review, counts_levels_and_status)
{
	struct review r;
	size_t i;
	int finished = 0;

	scan(&r, NULL);
	cr_assert_eq(r.n, 3);
	cr_assert_eq(find(&r, "begin", 1)->count, 1, "undone choice counted once");
	cr_assert(find(&r, "begin", 1)->expert);
	cr_assert_eq(find(&r, "begin", 3)->count, 2);
	cr_assert_eq(find(&r, "uitleg", 2)->count, 1);
	cr_assert_eq(review_step_total(&r, "proef-basis", "begin"), 3);
	for (i = 0; i < r.n; i++) {
		finished += r.s[i].finished;
		cr_assert_eq(r.s[i].levels, r.s[i].finished, "levels only after the end");
	}
	cr_assert_eq(finished, 2);
	cr_assert_eq(r.ncs, 1);
	cr_assert_eq(r.cs[0].n[0], 2);
	cr_assert_eq(r.cs[0].below[0], 1, "one of the two finished below target on Luisteren");
	review_sort(&r, SORT_TRAINEE);
	cr_assert_str_eq(r.s[2].trainee, "Bram");
	review_free(&r);
}

Test(review, filters)
{
	struct review r;
	struct review_filter f = {.trainee = "Anna"};

	scan(&r, &f);
	cr_assert_eq(r.n, 2);
	review_free(&r);
	f.trainee = NULL;
	f.scenario = "iets-anders";
	scan(&r, &f);
	cr_assert_eq(r.n, 0);
	review_free(&r);
}

/* COACH-UX 6: names regardless of case and accents, days, a group. */
Test(review, filters_fold_days_and_group)
{
	struct review r;
	char *group[] = {"bram", "Zoë"};
	struct review_filter f = {"ANNA", NULL, NULL, NULL, NULL, 0};

	scan(&r, &f);
	cr_assert_eq(r.n, 2);
	review_free(&r);
	f = (struct review_filter){NULL, NULL, "2999-01-01", NULL, NULL, 0};
	scan(&r, &f);
	cr_assert_eq(r.n, 0, "all started before --van");
	review_free(&r);
	f = (struct review_filter){NULL, NULL, "2000-01-01", "2999-12-31",
				   NULL, 0};
	scan(&r, &f);
	cr_assert_eq(r.n, 3);
	review_free(&r);
	f = (struct review_filter){NULL, NULL, NULL, NULL, group, 2};
	scan(&r, &f);
	cr_assert_eq(r.n, 1);
	cr_assert_str_eq(r.s[0].trainee, "Bram");
	cr_assert_eq(r.ingroup[0], 1);
	cr_assert_eq(r.ingroup[1], 0, "Zoë has no sessions");
	review_free(&r);
}

/* COACH-UX 6: a folder is searched with its subfolders; there, files that
 * are not session logs are passed over without a warning. */
Test(review, subfolders_are_searched)
{
	struct review r;
	struct diag d = {0};
	struct review_opts o = {NULL, 1, NULL, NULL, NULL, NULL};
	char sub[96], cmd[256], *paths[] = {dir};
	FILE *fp;

	snprintf(sub, sizeof sub, "%s/a/b", dir);
	cr_assert_eq(path_mkdirs(sub), 0);
	snprintf(cmd, sizeof cmd, "mv \"$(ls %s/*.csv | head -1)\" %s/", dir, sub);
	cr_assert_eq(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "%s/notities.csv", sub);
	cr_assert_not_null(fp = fopen(cmd, "w"));
	fputs("naam,notitie\n", fp);
	fclose(fp);
	cr_assert_eq(review_scan(&r, &c, paths, 1, &o, &d), 0);
	cr_assert_eq(r.n, 3);
	cr_assert_eq(d.n, 0, "no warning for the notes");
	review_free(&r);
	diag_free(&d);
}

Test(review, group_file)
{
	char path[96], **v;
	size_t n;
	struct diag d = {0};
	FILE *fp;

	snprintf(path, sizeof path, "%s/groep.txt", dir);
	cr_assert_not_null(fp = fopen(path, "w"));
	fputs("\xef\xbb\xbf# groep\n Zoë van der Berg \r\n\nJan\n", fp);
	fclose(fp);
	cr_assert_eq(review_group_load(path, &v, &n, &d), 0);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(v[0], "Zoë van der Berg");
	cr_assert_str_eq(v[1], "Jan");
	text_strv_free(v, n);
	cr_assert_not_null(fp = fopen(path, "w"));
	fputs("# alleen commentaar\n", fp);
	fclose(fp);
	cr_assert_eq(review_group_load(path, &v, &n, &d), -1);
	cr_assert_null(v);
	cr_assert_str_eq(d.v[0].msg, "geen namen in de groep");
	diag_free(&d);
}

Test(review, timeline_has_undo_and_offered_flags)
{
	struct review r;
	struct sessionlog_data data;
	struct timeline tl;
	struct diag d = {0};
	size_t i;

	scan(&r, &(struct review_filter){.trainee = "Anna"});
	for (i = 0; i < r.n && r.s[i].nundo == 0; i++)
		;
	cr_assert_lt(i, r.n);
	cr_assert_eq(sessionlog_load(&data, r.s[i].path, &d), 0);
	cr_assert_eq(timeline_build(&tl, &data, &c.scs[0], &d), 0);
	cr_assert_eq(tl.v[0].kind, TL_CHOICE);
	cr_assert_eq(tl.v[1].kind, TL_UNDO);
	cr_assert_eq(tl.v[2].kind, TL_CHOICE);
	cr_assert_eq(tl.v[3].pos, 2);
	cr_assert_eq(tl.v[3].flags, 1, "flag set by the first choice");
	cr_assert_eq(tl.v[4].kind, TL_END);
	timeline_free(&tl);
	sessionlog_data_free(&data);
	review_free(&r);
}

static char *render(const struct review *r, enum report_format f)
{
	char *text = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&text, &n);
	size_t i;

	if (f == REPORT_CSV) {
		struct reportcsv w;
		reportcsv_init(&w, &c.fws[0], 0);
		for (i = 0; i < r->n; i++)
			reportcsv_add(&w, &r->s[i]);
		for (i = 0; i < RCSV_COUNT; i++)
			reportcsv_write(&w, r, (enum reportcsv_table)i, fp);
		reportcsv_free(&w);
	} else if (f == REPORT_MD) {
		struct spool sp;
		spool_init(&sp, SPOOL_BUDGET);
		for (i = 0; i < r->n; i++)
			report_spool_add(&sp, REPORT_NEWEST, &r->s[i]);
		report_md(fp, r, &c.fws[0], &sp);
		spool_free(&sp);
	} else {
		struct reporthtml w;
		reporthtml_init(&w, &c.fws[0]);
		for (i = 0; i < r->n; i++)
			reporthtml_add(&w, &r->s[i]);
		reporthtml_write(&w, r, fp);
		reporthtml_free(&w);
	}
	fclose(fp);
	return text;
}

Test(review, reports)
{
	struct review r;
	char *csv, *md, *html;

	scan(&r, NULL);
	csv = render(&r, REPORT_CSV);
	md = render(&r, REPORT_MD);
	html = render(&r, REPORT_HTML);
	cr_assert(strstr(csv, ",luis,luis_doel,uitl,uitl_doel\r\n"));
	cr_assert(strstr(csv, "proef-basis,begin,3,Je leest de regels over de termijn voor en zegt dat het nog acht weken kan duren.,2,67,nee\r\n"), "%s", csv);
	cr_assert(strstr(csv, "proef-basis,Luisteren,2,1,50\r\n"));
	cr_assert(strstr(md, "| proef-basis | begin | 2 | 67% | nee | Je leest de regels "
			     "over de termijn voor en zegt dat het nog acht weken kan "
			     "duren. |"), "%s", md);
	cr_assert(strstr(html, "<tr><td>Je leest de regels over de termijn voor "
			       "en zegt dat het nog acht weken kan duren.</td><td "
			       "class=\"num\">2</td><td class=\"num\">67%</td>"),
		  "%s", html);
	cr_assert_eq(report_parse_format("html"), REPORT_HTML);
	cr_assert_eq(report_parse_format("pdf"), -1);
	free(csv);
	free(md);
	free(html);
	review_free(&r);
}

Test(review, escaping)
{
	struct buf b = {0};

	report_html_escape(&b, "<a href=\"x\">&'\x1b[31m");
	cr_assert_str_eq(b.s, "&lt;a href=&quot;x&quot;&gt;&amp;&#39;\\x1b[31m");
	buf_clear(&b);
	report_md_escape(&b, "a|b *c* <i>");
	cr_assert_str_eq(b.s, "a\\|b \\*c\\* &lt;i&gt;");
	buf_clear(&b);
	report_csv_cell(&b, "@SUM(A1)");
	cr_assert_str_eq(b.s, "'@SUM(A1)");
	buf_free(&b);
}

/* A session stopped without result is listed as gestopt, with no levels
 * and no result, and its choices are not counted. */
Test(review, a_stopped_session_counts_nowhere)
{
	struct review r;
	struct review_filter f = {.scenario = "proef-boos"};
	struct diag d = {0};
	struct play p;
	size_t i;

	cr_assert_eq(content_add_path(&c, FIXTURES "/safety/proef-boos.ini", &d), 0);
	for (i = 0; i < 2; i++) {
		cr_assert_eq(play_begin(&p, &c, content_scenario(&c, "proef-boos"),
					&(struct play_who){"Anna", 'B', CONFIG_OEFENEN, 1},
					dir, &d), 0);
		cr_assert_eq(play_choose(&p, 0), 0);
		if (i == 0)
			cr_assert_eq(play_stop(&p), 0);
		else
			cr_assert_eq(play_choose(&p, 0) | play_log_end(&p), 0);
		play_end(&p);
	}
	scan(&r, &f);
	cr_assert_eq(r.n, 2);
	for (i = 0; i < r.n; i++) {
		const struct review_session *s = &r.s[i];
		cr_assert_str_eq(review_status(s), s->stopped ? "gestopt" : "reflectie open");
		cr_assert_eq(s->levels, !s->stopped);
		cr_assert_eq(s->tone, s->stopped ? -1 : TONE_GOED);
		cr_assert_eq(s->nchoices, s->stopped ? 1 : 2);
	}
	cr_assert_eq(r.s[0].stopped + r.s[1].stopped, 1);
	cr_assert_eq(find(&r, "begin", 1)->count, 1, "only the finished one counts");
	cr_assert_eq(r.ncs, 1);
	cr_assert_eq(r.cs[0].n[0], 1);
	review_free(&r);
	diag_free(&d);
}

Test(review, level_cells)
{
	struct review_session s = {0};
	struct buf b = {0};

	s.shown[0] = -1;
	s.shown[1] = 2;
	s.shown[2] = 1;
	s.target[2] = 2;
	review_level_cell(&b, &s, 0, 1);
	buf_add(&b, "|");
	review_level_cell(&b, &s, 1, 1);
	buf_add(&b, "|");
	review_level_cell(&b, &s, 2, 1);
	buf_add(&b, "|");
	review_level_cell(&b, &s, 2, 0);
	cr_assert_str_eq(b.s, "-|2 n.v.t.|1/2 onder|1/2");
	buf_clear(&b);
	s.derived = 1;
	s.nobs[0] = 3;
	s.nobs[2] = 6;
	s.target[2] = 1;
	review_level_cell(&b, &s, 0, 1);
	buf_add(&b, "|");
	review_level_cell(&b, &s, 2, 1);
	cr_assert_str_eq(b.s, "te weinig (3)|1/1 ok (6)");
	buf_free(&b);
}

/* Whether the typed search finds s. */
static int finds(const char *typed, const struct review_session *s)
{
	struct review_query q = {0};
	int m;

	review_query_set(&q, typed);
	m = review_query_match(&q, s);
	review_query_free(&q);
	return m;
}

Test(review, search_folds_case_and_accents_and_wants_every_word)
{
	struct review_session s = {0};

	s.trainee = "Zoë van der Berg";
	s.scenario = "denzell-telefoon";
	s.mode = "toets";
	s.started = "2026-10-26T10:00:00";
	s.finished = s.done = 1;
	cr_assert(finds("zoe", &s));
	cr_assert(finds("ZOË", &s));
	cr_assert(finds("Zoë", &s));
	cr_assert(finds("denzell toets", &s));
	cr_assert(finds("  TOETS   zoe ", &s));
	cr_assert(finds("afgerond", &s), "the status is a column");
	cr_assert(finds("", &s));
	cr_assert(finds(NULL, &s));
	cr_assert_not(finds("denzell oefenen", &s), "every word must match");
	cr_assert_not(finds("yilmaz", &s));
	cr_assert_not(finds("bergdenzell", &s), "never across two columns");
	s.trainee = "Fatma Yılmaz";
	cr_assert(finds("yilmaz", &s));
	cr_assert(finds("YILMAZ fatma", &s));
	cr_assert(finds("\"fatma yilmaz\" toets", &s), "a quoted phrase");
	cr_assert_not(finds("\"yilmaz fatma\"", &s), "a phrase in order");
	cr_assert(finds("\"fatma yil", &s), "an open quote runs to the end");
}
