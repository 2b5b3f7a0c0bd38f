/*
 * cmd_replay: intervisie. Opens a fresh scenario, a trainee's session log
 * or an earlier record, then runs the replay on the screens or as numbered
 * prompts (--plain). The plain flow per step: read, votes, reveal, note;
 * what it shows are replayview documents, the same the screen draws.
 */
#include "kcconfig.h"
#include "buf.h"
#include "commands.h"
#include "intervisie.h"
#include "mem.h"
#include "minutes.h"
#include "path.h"
#include "plain.h"
#include "replayview.h"
#include "sessionlog.h"
#include "tui.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* "2 0 5": votes per offered option; empty skips. 0 ok, 1 end of input. */
static int ask_votes(struct intervisie *iv)
{
	int idx[SCENARIO_MAX_OPTS], n = session_offered(&iv->s, idx), votes[SCENARIO_MAX_OPTS];
	char *a, *p, *end;
	int i;

	for (;;) {
		fprintf(stdout, "Stemmen per optie (%d getallen, bijv. '2 0 5'), leeg = overslaan: ", n);
		fflush(stdout);
		if ((a = plain_read(stdin)) == NULL)
			return 1;
		for (i = 0; i < SCENARIO_MAX_OPTS; i++)
			votes[i] = -1;
		for (i = 0, p = a; *a && i < n; i++, p = end) {
			long v = strtol(p, &end, 10);
			if (end == p || v < 0 || v > 999)
				break;
			votes[idx[i]] = (int)v;
		}
		while (*a && *p == ' ')
			p++;
		if (*a == '\0' || (i == n && *p == '\0')) {
			free(a);
			return intervisie_vote(iv, votes) == 0 ? 0 : -1;
		}
		plain_line(stdout, "Niet begrepen: ", a);
		free(a);
	}
}

/* The option to follow: the trainee's, the winner, or the facilitator's. */
static int pick(struct intervisie *iv)
{
	int idx[SCENARIO_MAX_OPTS], n = session_offered(&iv->s, idx), o = intervisie_next(iv);
	char *a, *end;
	long k;

	if (o >= 0)
		return o;
	for (;;) {
		fprintf(stdout, "Welke optie volgen jullie? (1-%d): ", n);
		fflush(stdout);
		if ((a = plain_read(stdin)) == NULL)
			return -1;
		k = strtol(a, &end, 10);
		k = *a && !*end && k >= 1 && k <= n ? k : 0;
		free(a);
		if (k)
			return idx[k - 1];
	}
}

static int note(struct intervisie *iv)
{
	char *a;
	int rc;

	fputs("Notitie van de groep (één regel, leeg = geen): ", stdout);
	fflush(stdout);
	if ((a = plain_read(stdin)) == NULL)
		return 1;
	rc = intervisie_note(iv, a) == 0 ? 0 : -1;
	free(a);
	return rc;
}

/* One step: 0 on, 1 stop (end of input), -1 write error. */
static int plain_step(struct intervisie *iv)
{
	struct view v = {0};
	int before[METER_N], o, rc;

	replayview_step(&v, iv, NULL);
	plain_view(stdout, &v);
	if ((rc = ask_votes(iv)) != 0)
		return rc;
	replayview_tally(&v, iv);
	plain_view(stdout, &v);
	if ((o = pick(iv)) < 0)
		return 1;
	memcpy(before, iv->s.meters, sizeof before);
	if (intervisie_follow(iv, o) != 0)
		return -1;
	replayview_reveal(&v, iv, before);
	plain_view(stdout, &v);
	return note(iv);
}

/* How to go on with an unfinished record: its id, the file name without
 * ".csv" (replay finds it in the intervisie folder). */
static void resume_hint(const struct intervisie *iv)
{
	const char *base = strrchr(iv->path, '/');
	const char *id = base ? base + 1 : iv->path;
	size_t n = strlen(id);

	if (n > 4 && strcmp(id + n - 4, ".csv") == 0)
		n -= 4;
	fprintf(stdout, "\nGestopt. Verder met: klantcoach replay %.*s\n",
		(int)n, id);
}

static int plain_replay(struct intervisie *iv)
{
	struct view v = {0};
	int rc = 0;

	replayview_intro(&v, iv);
	plain_view(stdout, &v);
	while (!session_finished(&iv->s) && rc == 0)
		rc = plain_step(iv);
	if (rc == 0 && intervisie_finish(iv) != 0)
		rc = -1;
	if (rc < 0)
		cmd_error("%s: kan verslag niet schrijven: %s", iv->path,
			  path_strerror(errno));
	if (rc != 0) {
		resume_hint(iv);
		return rc < 0 ? EXIT_BAD : EXIT_OK;
	}
	replayview_summary(&v, iv);
	plain_view(stdout, &v);
	return EXIT_OK;
}

/* What replay's argument names. */
enum replay_arg { ARG_NONE, ARG_SCENARIO, ARG_LOG, ARG_RECORD };

/* What arg names; *file is the file it names (a record id becomes its
 * file in dir, the intervisie folder). */
static enum replay_arg kind_of(const struct content *c, const char *arg,
			       const char *dir, char **file)
{
	struct buf name = {0};

	*file = mem_strdup(arg);
	if (!path_isfile(arg) && content_scenario(c, arg))
		return ARG_SCENARIO;
	if (!path_isfile(arg) && strchr(arg, '/') == NULL) {
		buf_printf(&name, "%s/%s.csv", dir, arg);
		free(*file);
		*file = buf_take(&name);
	}
	if (!path_isfile(*file))
		return ARG_NONE;
	if (sessionlog_sniff(*file))
		return ARG_LOG;
	return intervisie_sniff(*file) ? ARG_RECORD : ARG_NONE;
}

/* replay --verslag: the minutes of the record iv to -o or stdout. */
static int write_minutes(struct cli_ctx *ctx, const struct intervisie *iv)
{
	const char *f = ctx->a.format, *o = ctx->a.output;
	struct buf b = {0};
	FILE *out;
	int rc = EXIT_OK;

	minutes_write(&b, iv, strcmp(f, "md") == 0 ? MINUTES_MD : MINUTES_HTML);
	out = o ? fopen(o, "w") : stdout;
	if (out == NULL || fwrite(b.s, 1, b.len, out) != b.len ||
	    (o && fclose(out) != 0)) {
		cmd_error("%s: kan verslag niet schrijven: %s", o ? o : "-",
			  path_strerror(errno));
		rc = EXIT_BAD;
	} else if (o) {
		fprintf(stderr, "Notulen geschreven: %s\n", o);
	}
	buf_free(&b);
	return rc;
}

int cmd_replay(struct cli_ctx *ctx)
{
	struct content c;
	struct intervisie iv;
	struct diag d = {0};
	char *dir, *file;
	enum replay_arg kind;
	int rc = EXIT_BAD, ok;

	if (ctx->a.argc != 1)
		return cmd_usage("replay verwacht een SCENARIO, LOGBOEK of VERSLAG", NULL);
	if (ctx->a.verslag && (ctx->a.format == NULL ||
	    (strcmp(ctx->a.format, "md") != 0 &&
	     strcmp(ctx->a.format, "html") != 0)))
		return cmd_usage("replay --verslag verwacht --format md of "
				 "html", NULL);
	if (cmd_load_content(ctx, &c, NULL) != 0) {
		content_free(&c);
		return EXIT_BAD;
	}
	dir = path_join(ctx->data_dir, "intervisie");
	kind = kind_of(&c, ctx->a.argv[0], dir, &file);
	if (kind == ARG_NONE || (ctx->a.verslag && kind != ARG_RECORD)) {
		cmd_error("'%s' is geen %s", ctx->a.argv[0], ctx->a.verslag
			  ? "intervisieverslag" : "scenario, sessielogboek of "
			  "intervisieverslag");
		kind = ARG_NONE;
	}
	ok = kind == ARG_SCENARIO
		? intervisie_begin(&iv, &c, content_scenario(&c, ctx->a.argv[0]),
				   ctx->cfg.fixed_order, dir, &d)
	   : kind == ARG_LOG
		? intervisie_begin_log(&iv, &c, file, ctx->a.anoniem, dir, &d)
	   : kind == ARG_RECORD
		? intervisie_resume(&iv, &c, file, &d) : -1;
	if (ok == 0 && ctx->a.verslag)
		rc = write_minutes(ctx, &iv);
	else if (ok == 0 && ctx->a.plain)
		rc = plain_replay(&iv);
	else if (ok == 0) {
		rc = tui_replay(ctx, &c, &iv);
		if (!iv.ended)
			resume_hint(&iv);
	}
	if (kind != ARG_NONE)
		intervisie_free(&iv);
	diag_sort(&d);
	diag_print(&d, stderr, 0);
	diag_free(&d);
	content_free(&c);
	free(dir);
	free(file);
	return rc;
}
