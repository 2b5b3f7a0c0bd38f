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
#include "reviewview.h"
#include "tui.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
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

struct csv_ctx {
	FILE *out;
	const struct framework *fw;
};

static void csv_row(void *ctx, const struct review_session *s)
{
	const struct csv_ctx *p = ctx;
	report_csv_session(p->out, s, p->fw);
}

static int write_report(struct cli_ctx *ctx, FILE *out, enum report_format f)
{
	struct content c;
	struct review r;
	struct review_filter filt = {ctx->a.trainee, ctx->a.scenario};
	struct review_opts o = {&filt, f != REPORT_CSV, NULL, NULL, NULL,
				ctx->a.framework};
	const struct framework *fw;
	struct csv_ctx pair;
	int rc;

	quiet_content(ctx, &c);
	fw = content_framework(&c, ctx->a.framework ? ctx->a.framework : "kap2023");
	if (ctx->a.framework && fw == NULL) {
		cmd_error("onbekend framework '%s'", ctx->a.framework);
		content_free(&c);
		return EXIT_BAD;
	}
	pair.out = out;
	pair.fw = fw;
	if (f == REPORT_CSV) {
		report_csv_head(out, fw);
		o.on_session = csv_row;
		o.ctx = &pair;
	}
	rc = scan(ctx, &c, &r, &o);
	if (rc == 0) {
		if (f == REPORT_CSV)
			report_csv_tail(out, &r);
		else if (f == REPORT_MD)
			report_md(out, &r, fw);
		else
			report_html(out, &r, fw);
	}
	review_free(&r);
	content_free(&c);
	return rc == 0 ? EXIT_OK : EXIT_BAD;
}

int cmd_report(struct cli_ctx *ctx)
{
	int f = ctx->a.format ? report_parse_format(ctx->a.format) : -1, rc, fd;
	FILE *out = stdout;

	if (f < 0)
		return cmd_usage("report verwacht --format csv, md of html", ctx->a.format);
	if (ctx->a.output) {
		fd = open(ctx->a.output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		out = fd >= 0 ? fdopen(fd, "w") : NULL;
		if (out == NULL) {
			cmd_error("%s: kan niet schrijven: %s", ctx->a.output,
				  path_strerror(errno));
			return EXIT_BAD;
		}
	}
	rc = write_report(ctx, out, (enum report_format)f);
	if (out != stdout && fclose(out) != 0) {
		cmd_error("%s: %s", ctx->a.output, path_strerror(errno));
		rc = EXIT_BAD;
	}
	return rc;
}

/* The coach's name for feedback: config, else the trainee name, else ask. */
static const char *coach_name(struct cli_ctx *ctx)
{
	char *a;

	if (ctx->cfg.coach)
		return ctx->cfg.coach;
	while (ctx->cfg.coach == NULL) {
		fputs("Je naam als coach: ", stdout);
		fflush(stdout);
		if ((a = plain_read(stdin)) == NULL)
			return NULL;
		if (*a)
			ctx->cfg.coach = a;
		else
			free(a);
	}
	return ctx->cfg.coach;
}

/* "f STAP TEKST": feedback on a step (0 = overall). */
static void plain_feedback(struct cli_ctx *ctx, const char *path, const char *a)
{
	struct diag d = {0};
	char *end;
	long step = strtol(a + 1, &end, 10);
	const char *coach;

	while (*end == ' ')
		end++;
	if (end == a + 1 || step < 0 || step > FEEDBACK_MAX_STEP ||
	    *end == '\0') {
		fputs("Typ: f STAP TEKST (STAP 0 = algemene feedback)\n", stdout);
		return;
	}
	if ((coach = coach_name(ctx)) == NULL)
		return;
	if (feedback_add(path, coach, (int)step, end, &d) == 0)
		fputs("Feedback bewaard.\n", stdout);
	diag_print(&d, stderr, 0);
	diag_free(&d);
}

static int plain_session(struct cli_ctx *ctx, struct content *c, const struct review_session *s)
{
	struct diag d = {0};
	char *a;

	if (reviewview_timeline(stdout, c, s->path, &d) != 0)
		diag_print(&d, stderr, 0);
	diag_free(&d);
	for (;;) {
		fputs("\nf STAP TEKST = feedback (STAP 0 = algemeen), g = groei, c = cohort, "
		      "l = lijst, q = stoppen: ", stdout);
		fflush(stdout);
		if ((a = plain_read(stdin)) == NULL || strcmp(a, "q") == 0 || strcmp(a, "l") == 0) {
			int rc = a && strcmp(a, "l") == 0;
			free(a);
			return rc;
		}
		if (a[0] == 'f')
			plain_feedback(ctx, s->path, a);
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

	char *records = path_join(ctx->data_dir, "intervisie");

	reviewview_records(stdout, records);
	free(records);
	while (next) {
		reviewview_list(stdout, r);
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
				reviewview_growth(stdout, r, s->trainee ? s->trainee : "");
			else if (next == 3)
				reviewview_cohort(stdout, r, s->scenario);
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
	struct review_filter filt = {ctx->a.trainee, ctx->a.scenario};
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
