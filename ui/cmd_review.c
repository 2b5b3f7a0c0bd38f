/*
 * cmd_review: the coach's commands. review shows sessions, a timeline with
 * feedback, growth and cohort views (screens, or numbered prompts with
 * --plain); report writes CSV, Markdown or HTML.
 */
#include "kcconfig.h"
#include "commands.h"
#include "feedback.h"
#include "mem.h"
#include "path.h"
#include "plain.h"
#include "report.h"
#include "reportcsv.h"
#include "reporthtml.h"
#include "reportxlsx.h"
#include "reviewview.h"
#include "text.h"
#include "tstamp.h"
#include "tui.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The folders to read: the arguments, or the user's own sessions. */
static char **review_dirs(const struct cli_ctx *ctx, size_t *n, char **own)
{
	*own = NULL;
	if (ctx->a.argc > 0) {
		*n = (size_t)ctx->a.argc;
		return ctx->a.argv;
	}
	*own = cmd_sessions_dir(ctx);
	*n = 1;
	return own;
}

/* Load the content (problems are ignored here: logs of scenarios that do
 * not load are still listed, only without levels). */
static void quiet_content(struct cli_ctx *ctx, struct content *c)
{
	struct diag d = {0};

	content_load(c, ctx->content_dir, &d);
	cmd_set_store(ctx, c);
	diag_free(&d);
}

static int scan(struct cli_ctx *ctx, const struct content *c, struct review *r,
		const struct review_opts *o)
{
	struct diag d = {0};
	size_t n;
	char *own, **dirs;
	int rc;

	dirs = review_dirs(ctx, &n, &own);
	rc = review_scan(r, c, dirs, n, o, &d);
	diag_sort(&d);
	diag_print(&d, stderr, 0);
	diag_free(&d);
	free(own);
	return rc;
}

/* One report being made: the content, the scan and the writer of its
 * format, which gets each session as the scan finds it. */
struct job {
	enum report_format f;
	const struct framework *fw;
	struct content c;
	struct review r;
	struct review_filter filt;
	struct reportcsv csv;
	struct reporthtml html;
	struct spool sessions;	/* Markdown and XLSX */
};

static void csv_row(void *ctx, const struct review_session *s)
{
	reportcsv_add(&((struct job *)ctx)->csv, s);
}

static void html_row(void *ctx, const struct review_session *s)
{
	reporthtml_add(&((struct job *)ctx)->html, s);
}

static void spool_row(void *ctx, const struct review_session *s)
{
	struct job *j = ctx;

	(void)report_spool_add(&j->sessions, j->f == REPORT_MD ? REPORT_NEWEST
						: REPORT_OLDEST, s);
}

/* 1 when s is a day as 2026-01-31 (or NULL). */
static int is_day(const char *s)
{
	struct buf day = {0};
	int ok;

	if (s == NULL)
		return 1;
	buf_printf(&day, "%sT00:00:00Z", s);
	ok = strlen(s) == 10 && tstamp_parse(buf_str(&day)) >= 0;
	buf_free(&day);
	return ok;
}

/* The filter of the command line; -1 when the group file is bad. */
static int job_filter(struct cli_ctx *ctx, struct job *j)
{
	struct diag d = {0};
	int rc = 0;

	j->filt = (struct review_filter){ctx->a.trainee, ctx->a.scenario,
					 ctx->a.van, ctx->a.tot, NULL, 0};
	if (ctx->a.groep)
		rc = review_group_load(ctx->a.groep, &j->filt.group,
				       &j->filt.ngroup, &d);
	diag_print(&d, stderr, 0);
	diag_free(&d);
	return rc;
}

/* A filter that names what is not there is an error, not an empty
 * report: an unknown scenario, a trainee without sessions. */
static int job_found(struct cli_ctx *ctx, struct job *j)
{
	if (j->r.nsessions > 0)
		return 0;
	if (ctx->a.scenario && content_scenario(&j->c, ctx->a.scenario) == NULL)
		cmd_error("onbekend scenario '%s'", ctx->a.scenario);
	else if (ctx->a.trainee)
		cmd_error("geen sessies van cursist '%s'%s", ctx->a.trainee,
			  ctx->a.van || ctx->a.tot || ctx->a.scenario ||
			  ctx->a.groep ? " met deze filters" : "");
	else
		return 0;
	return -1;
}

/* Scan the logs; the sessions go to the writer as they are found. */
static int job_scan(struct cli_ctx *ctx, struct job *j)
{
	static void (*const row[])(void *, const struct review_session *) = {
		[REPORT_CSV] = csv_row, [REPORT_MD] = spool_row,
		[REPORT_HTML] = html_row, [REPORT_XLSX] = spool_row,
	};
	struct review_opts o = {&j->filt, 0, row[j->f], NULL, j,
				ctx->a.framework};
	size_t i;

	quiet_content(ctx, &j->c);
	j->fw = content_framework(&j->c, ctx->a.framework ? ctx->a.framework
							   : "kap2023");
	if (ctx->a.framework && j->fw == NULL) {
		cmd_error("onbekend framework '%s'", ctx->a.framework);
		return -1;
	}
	if (job_filter(ctx, j) != 0)
		return -1;
	reportcsv_init(&j->csv, j->fw, ctx->a.excel);
	reporthtml_init(&j->html, j->fw);
	spool_init(&j->sessions, SPOOL_BUDGET);
	if (scan(ctx, &j->c, &j->r, &o) != 0 || job_found(ctx, j) != 0)
		return -1;
	for (i = 0; j->f == REPORT_CSV && i < j->filt.ngroup; i++)
		if (j->r.ingroup[i] == 0)
			reportcsv_absent(&j->csv, j->filt.group[i]);
	return 0;
}

/* Where a report goes. A regular file (or none yet) is written beside it
 * and renamed over it at the end, so a failed report leaves the old one;
 * a special file or a link, or a folder where nothing can be made beside
 * it, is written in place. *tmp: the file written (a new string), NULL
 * when it is path itself. The fd, or -1. */
static int open_out(const char *path, char **tmp)
{
	struct stat st;
	int fd;

	*tmp = NULL;
	if (lstat(path, &st) != 0 ? errno == ENOENT : S_ISREG(st.st_mode)) {
		if ((fd = path_open_beside(path, tmp)) >= 0)
			return fd;
		free(*tmp);
		*tmp = NULL;
	}
	return open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
}

/* Finish what open_out began: in place when all went well, else away.
 * Returns bad, or 1 when the rename fails. */
static int close_out(const char *path, char *tmp, int bad)
{
	if (tmp && bad)
		unlink(tmp);
	else if (tmp && path_replace(tmp, path) != 0)
		bad = 1;
	free(tmp);
	return bad;
}

/* The workbook, to a file made private before libxlsxwriter fills it. */
static int emit_xlsx(struct job *j, const char *path)
{
	const char *err = NULL;
	char *tmp;
	int fd = open_out(path, &tmp), bad;

	if (fd < 0) {
		cmd_error("%s: kan niet schrijven: %s", path,
			  path_strerror(errno));
		return EXIT_BAD;
	}
	close(fd);
	bad = reportxlsx_write(tmp ? tmp : path, &j->r, j->fw, &j->sessions,
			       &err) != 0;
	if (close_out(path, tmp, bad) == 0)
		return EXIT_OK;
	cmd_error("%s: %s", path, err ? err : path_strerror(errno));
	return EXIT_BAD;
}

/* Write table t (CSV) or the whole report to path, or to stdout. */
static int emit(struct job *j, const char *path, enum reportcsv_table t)
{
	FILE *out = stdout;
	char *tmp = NULL;
	int fd, bad = 0;

	if (j->f == REPORT_XLSX)
		return emit_xlsx(j, path);
	if (path) {
		fd = open_out(path, &tmp);
		out = fd >= 0 ? fdopen(fd, "w") : NULL;
		if (out == NULL) {
			cmd_error("%s: kan niet schrijven: %s", path,
				  path_strerror(errno));
			if (fd >= 0)
				close(fd);
			close_out(path, tmp, 1);
			return EXIT_BAD;
		}
	}
	if (j->f == REPORT_CSV)
		bad = reportcsv_write(&j->csv, &j->r, t, out) != 0;
	else if (j->f == REPORT_MD)
		bad = report_md(out, &j->r, j->fw, &j->sessions) != 0;
	else
		bad = reporthtml_write(&j->html, &j->r, out) != 0;
	bad |= fflush(out) != 0 || ferror(out) ||
	       (tmp && fsync(fileno(out)) != 0);
	if (out != stdout && fclose(out) != 0)
		bad = 1;
	if (path)
		bad = close_out(path, tmp, bad);
	if (bad)
		cmd_error("%s: %s", path ? path : "uitvoer", path_strerror(errno));
	return bad ? EXIT_BAD : EXIT_OK;
}

/* -o MAP/ or an existing folder: the CSV tables as files in it. */
static int to_folder(const char *o)
{
	size_t n = strlen(o);

	if (path_isdir(o))
		return 1;
	return n > 1 && o[n - 1] == '/' && path_mkdirs(o) == 0;
}

static int emit_all(struct cli_ctx *ctx, struct job *j)
{
	const char *o = ctx->a.output;
	int t = ctx->a.tabel ? reportcsv_parse_table(ctx->a.tabel)
			     : RCSV_SESSIONS, rc = EXIT_OK, i;
	char *path;

	if (j->f != REPORT_CSV || o == NULL || !to_folder(o))
		return emit(j, o, (enum reportcsv_table)t);
	for (i = 0; i < RCSV_COUNT; i++)
		if (ctx->a.tabel == NULL || i == t) {
			path = path_join(o, reportcsv_file(i));
			rc |= emit(j, path, (enum reportcsv_table)i);
			free(path);
		}
	return rc;
}

int cmd_report(struct cli_ctx *ctx)
{
	int f = ctx->a.format ? report_parse_format(ctx->a.format) : -1, rc;
	struct job j;

	if (f < 0)
		return cmd_usage("report verwacht --format csv, md, html of xlsx",
				 ctx->a.format);
	if (f == REPORT_XLSX && ctx->a.output == NULL)
		return cmd_usage("--format xlsx schrijft naar een bestand: "
				 "geef -o BESTAND", NULL);
	if (ctx->a.tabel && reportcsv_parse_table(ctx->a.tabel) < 0)
		return cmd_usage("--tabel verwacht sessies, stappen of "
				 "competenties", ctx->a.tabel);
	if ((ctx->a.tabel || ctx->a.excel) && f != REPORT_CSV)
		return cmd_usage("--tabel en --excel horen bij --format csv",
				 ctx->a.format);
	if (!is_day(ctx->a.van) || !is_day(ctx->a.tot))
		return cmd_usage("--van en --tot verwachten een datum als "
				 "2026-01-31", is_day(ctx->a.van) ? ctx->a.tot
								   : ctx->a.van);
	memset(&j, 0, sizeof j);
	j.f = (enum report_format)f;
	rc = job_scan(ctx, &j) == 0 ? emit_all(ctx, &j) : EXIT_BAD;
	reportcsv_free(&j.csv);
	reporthtml_free(&j.html);
	spool_free(&j.sessions);
	text_strv_free(j.filt.group, j.filt.ngroup);
	review_free(&j.r);
	content_free(&j.c);
	return rc;
}

/* The coach's name for feedback: from the config, else asked once and
 * stored there (coach.naam); NULL at the end of input. */
static const char *coach_name(struct cli_ctx *ctx)
{
	char *a, *clean;
	const char *why;

	while (ctx->cfg.coach == NULL) {
		printf("Je naam als coach (hoogstens %d tekens; we bewaren hem): ",
		       CONFIG_NAME_MAX);
		fflush(stdout);
		if ((a = plain_read(stdin)) == NULL)
			return NULL;
		why = config_name_check(a, &clean);
		if (why)
			printf("Let op: %s. Typ je naam opnieuw.\n", why);
		free(a);
		if ((ctx->cfg.coach = clean) != NULL &&
		    cmd_save_settings(ctx, "coach.naam", clean, (char *)NULL))
			fputs("klantcoach: je naam als coach is niet bewaard; "
			      "de volgende keer vragen we hem opnieuw\n", stderr);
	}
	return ctx->cfg.coach;
}

/* Whether coach's feedback at step is in force. */
static int has_feedback(const char *path, const char *coach, int step)
{
	struct feedback fb;
	struct diag d = {0};
	int has;

	feedback_load(&fb, path, &d);
	has = feedback_current(&fb, coach, step) != NULL;
	feedback_free(&fb);
	diag_free(&d);
	return has;
}

/* "f STAP TEKST" (feedback; STAP 0 = overall; again on the same step
 * replaces it) or "w STAP" (withdraw): the step must be in the session. */
static void plain_feedback(struct cli_ctx *ctx,
			   const struct review_session *s, const char *a)
{
	struct diag d = {0};
	char *end;
	long step = strtol(a + 1, &end, 10);
	int withdraw = a[0] == 'w';
	const char *coach;

	while (*end == ' ')
		end++;
	if (end == a + 1 || step < 0 || (*end == '\0') != withdraw) {
		fputs(withdraw ? "Typ: w STAP\n"
			       : "Typ: f STAP TEKST (STAP 0 = algemene "
				 "feedback)\n", stdout);
		return;
	}
	if (step > s->nchoices) {
		printf("Stap %ld bestaat niet: deze sessie heeft %d stappen. "
		       "Typ 0 voor algemene feedback.\n", step, s->nchoices);
		return;
	}
	if ((coach = coach_name(ctx)) == NULL)
		return;
	if (withdraw && !has_feedback(s->path, coach, (int)step))
		printf("Bij stap %ld staat geen feedback van jou.\n", step);
	else if (feedback_add(s->path, coach, (int)step, end, &d) == 0)
		fputs(withdraw ? "Feedback ingetrokken.\n"
			       : "Feedback bewaard.\n", stdout);
	diag_print(&d, stderr, 0);
	diag_free(&d);
}

static int plain_session(struct cli_ctx *ctx, struct content *c, const struct review_session *s)
{
	struct diag d = {0};
	char *a;

	struct view v = {0};

	if (reviewview_timeline(&v, c, s->path, &d) != 0)
		diag_print(&d, stderr, 0);
	plain_view(stdout, &v);
	diag_free(&d);
	for (;;) {
		fputs("\nf STAP TEKST = feedback (STAP 0 = algemeen; opnieuw = "
		      "vervangen), w STAP = intrekken, g = groei, c = cohort, "
		      "l = lijst, q = stoppen: ", stdout);
		fflush(stdout);
		if ((a = plain_read(stdin)) == NULL || strcmp(a, "q") == 0 || strcmp(a, "l") == 0) {
			int rc = a && strcmp(a, "l") == 0;
			free(a);
			return rc;
		}
		if (a[0] == 'f' || a[0] == 'w')
			plain_feedback(ctx, s, a);
		else if (strcmp(a, "g") == 0)
			return free(a), 2;
		else if (strcmp(a, "c") == 0)
			return free(a), 3;
		free(a);
	}
}

static int plain_review(struct cli_ctx *ctx, struct content *c, struct review *r)
{
	char *a, *end;
	long n;
	int next = 1;
	struct view v = {0};
	char *records = path_join(ctx->data_dir, "intervisie");

	reviewview_records(&v, records);
	free(records);
	plain_view(stdout, &v);
	while (next) {
		reviewview_list(&v, r);
		plain_view(stdout, &v);
		fputs("Kies een sessie (nummer), s = sorteren, q = stoppen: ", stdout);
		fflush(stdout);
		if ((a = plain_read(stdin)) == NULL || strcmp(a, "q") == 0) {
			free(a);
			break;
		}
		n = strtol(a, &end, 10);
		if (strcmp(a, "s") == 0) {
			static int key;
			review_sort(r, (enum review_sort)(key = (key + 1) % SORT_COUNT));
			fprintf(stdout, "Gesorteerd op %s.\n", review_sort_name((enum review_sort)key));
		} else if (*a && !*end && n >= 1 && (size_t)n <= r->n) {
			const struct review_session *s = &r->s[n - 1];
			next = plain_session(ctx, c, s);
			if (next == 2)
				reviewview_growth(&v, r, s->trainee ? s->trainee : "");
			else if (next == 3)
				reviewview_cohort(&v, r, s->scenario);
			plain_view(stdout, &v);
		} else {
			plain_line(stdout, "Ongeldige keuze: ", a);
		}
		free(a);
	}
	return EXIT_OK;
}

int cmd_review(struct cli_ctx *ctx)
{
	struct content c;
	struct review r;
	struct review_filter filt = {.trainee = ctx->a.trainee,
				     .scenario = ctx->a.scenario};
	struct review_opts o = {&filt, 1, NULL, NULL, NULL, ctx->a.framework};
	int rc = EXIT_BAD;

	memset(&r, 0, sizeof r);
	quiet_content(ctx, &c);
	if (ctx->a.framework && content_framework(&c, ctx->a.framework) == NULL)
		cmd_error("onbekend framework '%s'", ctx->a.framework);
	else if (scan(ctx, &c, &r, &o) == 0)
		rc = ctx->a.plain ? plain_review(ctx, &c, &r) : tui_review(ctx, &c, &r);
	review_free(&r);
	content_free(&c);
	return rc;
}
