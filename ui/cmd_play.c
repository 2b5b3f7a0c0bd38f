/*
 * cmd_play: the trainee's commands: play (new session), resume (continue
 * one) and show (the reflection of a finished one). Each runs in the
 * terminal screens, or as numbered prompts with --plain.
 */
#include "kcconfig.h"
#include "commands.h"
#include "derived.h"
#include "mem.h"
#include "path.h"
#include "plain.h"
#include "reflectview.h"
#include "sessionlist.h"
#include "sig.h"
#include "tui.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *cmd_sessions_dir(const struct cli_ctx *ctx)
{
	return path_join(ctx->data_dir, "sessions");
}

void cmd_set_store(const struct cli_ctx *ctx, struct content *c)
{
	char *dir = path_join(ctx->data_dir, "versies");

	content_set_store(c, dir);
	free(dir);
}

/* Store name and level in the config file, leaving its other settings.
 * Problems are printed only when nothing could be saved. */
int cmd_save_identity(struct cli_ctx *ctx)
{
	struct config file;
	struct diag d = {0};
	char level[2] = {ctx->cfg.level, 0};
	int rc;

	config_defaults(&file);
	free(file.path);
	file.path = ctx->cfg.path ? mem_strdup(ctx->cfg.path) : NULL;
	rc = config_load(&file, &d);
	if (rc == 0) {
		config_set(&file, "cursist.naam", ctx->cfg.name, &d, NULL, 0);
		config_set(&file, "cursist.niveau", level, &d, NULL, 0);
		rc = config_save(&file, &d);
	}
	if (rc != 0)
		diag_print(&d, stderr, 0);
	diag_free(&d);
	config_free(&file);
	return rc;
}

/* Ask for the name until it can be used; -1 at the end of input. */
static int plain_name(struct cli_ctx *ctx)
{
	char *a, *clean;
	const char *why;

	while (ctx->cfg.name == NULL) {
		printf("Wat is je naam? (hoogstens %d tekens) ", CONFIG_NAME_MAX);
		fflush(stdout);
		if ((a = plain_read(stdin)) == NULL)
			return -1;
		why = config_name_check(a, &clean);
		if (why)
			printf("Let op: %s. Typ je naam opnieuw.\n", why);
		ctx->cfg.name = clean;
		free(a);
	}
	return 0;
}

/* Ask for what is missing of name and level, one line each. Not being
 * able to save them does not stop play. */
static int plain_identity(struct cli_ctx *ctx)
{
	char *a;
	int asked = ctx->cfg.name == NULL || ctx->cfg.level == 0;

	if (plain_name(ctx) != 0)
		return -1;
	while (ctx->cfg.level == 0) {
		fputs("Wat is je functieniveau (A, B of C)? ", stdout);
		fflush(stdout);
		if ((a = plain_read(stdin)) == NULL)
			return -1;
		if ((a[0] == 'A' || a[0] == 'B' || a[0] == 'C') && a[1] == '\0')
			ctx->cfg.level = a[0];
		else
			fputs("Typ A, B of C.\n", stdout);
		free(a);
	}
	if (asked && cmd_save_identity(ctx) != 0)
		fputs("klantcoach: je naam en niveau zijn niet bewaard; je kunt wel "
		      "spelen, maar de volgende keer vragen we ze opnieuw\n", stderr);
	return 0;
}

/* Plain scenario picker: numbered list, one answer. */
static const struct scenario *plain_pick(const struct content *c)
{
	const struct scenario *sc = NULL;
	size_t i;
	char *a, *end;
	long n;

	fputs("Scenario's:\n", stdout);
	for (i = 0; i < c->nscs; i++) {
		char head[160];
		snprintf(head, sizeof head, "  %zu. %s, %s, niveau %c: ", i + 1,
			 c->scs[i].persona, c->scs[i].channel, c->scs[i].level);
		plain_line(stdout, head, c->scs[i].title);
		if (c->scs[i].notice)
			plain_line(stdout, "     Let op: ", c->scs[i].notice);
	}
	while (sc == NULL) {
		fprintf(stdout, "Kies een scenario (1-%zu): ", c->nscs);
		fflush(stdout);
		if ((a = plain_read(stdin)) == NULL)
			return NULL;
		n = strtol(a, &end, 10);
		if (*a && !*end && n >= 1 && (size_t)n <= c->nscs)
			sc = &c->scs[n - 1];
		free(a);
	}
	return sc;
}

static int play_plain(struct cli_ctx *ctx, struct content *c)
{
	const struct scenario *sc;
	struct play p;
	struct diag d = {0};
	char *dir;
	int rc;

	if (ctx->a.argc > 1)
		return cmd_usage("play verwacht hoogstens één SCENARIO", NULL);
	if (plain_identity(ctx) != 0)
		return EXIT_BAD;
	sc = ctx->a.argc ? content_scenario(c, ctx->a.argv[0]) : plain_pick(c);
	if (sc == NULL) {
		if (ctx->a.argc)
			cmd_error("onbekend scenario '%s'; "
				  "zie 'klantcoach list'", ctx->a.argv[0]);
		return EXIT_BAD;
	}
	dir = cmd_sessions_dir(ctx);
	if (play_begin(&p, c, sc, &(struct play_who){ctx->cfg.name, ctx->cfg.level,
		       ctx->cfg.mode, ctx->cfg.fixed_order}, dir, &d) != 0) {
		diag_print(&d, stderr, 0);
		rc = EXIT_BAD;
	} else {
		plain_line(stdout, "\nScenario: ", sc->title);
		fprintf(stdout, "Persona: %s, kanaal: %s, niveau %c, modus: %s\n",
			p.persona->name, sc->channel, sc->level, config_mode_name(p.mode));
		plain_line(stdout, NULL, sc->summary);
		fputs("Typ ? voor hulp.\n", stdout);
		rc = plain_play(&p, stdin, stdout);
	}
	play_end(&p);
	diag_free(&d);
	free(dir);
	return rc;
}

int cmd_play(struct cli_ctx *ctx)
{
	struct content c;
	const char *only = ctx->a.plain && ctx->a.argc == 1 ? ctx->a.argv[0] : NULL;
	int rc;

	if (cmd_load_content(ctx, &c, only) != 0 || (c.nscs == 0 && !only)) {
		if (c.nscs == 0)
			fputs("klantcoach: geen speelbare scenario's\n", stderr);
		content_free(&c);
		return EXIT_BAD;
	}
	if (ctx->a.plain)
		sig_catch(1);
	rc = ctx->a.plain ? play_plain(ctx, &c) : tui_main(ctx, &c, TUI_PLAY);
	content_free(&c);
	return rc;
}

/* Resolve SESSION (id or path) or, with none, the newest unfinished one. */
static char *find_session(const struct cli_ctx *ctx, const char *arg, int unfinished)
{
	struct sessionlist l;
	struct diag d = {0};
	const struct sessionlist_item *it = NULL;
	char *dir, *path = NULL;
	size_t i;

	if (arg && strchr(arg, '/'))
		return mem_strdup(arg);
	dir = cmd_sessions_dir(ctx);
	sessionlist_scan(&l, dir, &d);
	if (arg)
		it = sessionlist_find(&l, arg);
	for (i = 0; unfinished && !arg && i < l.n && !it; i++)
		if (!l.v[i].damaged && !l.v[i].done && !l.v[i].stopped)
			it = &l.v[i];
	if (it)
		path = mem_strdup(it->path);
	else if (arg)
		cmd_error("sessie '%s' niet gevonden in %s", arg, dir);
	else
		cmd_error("geen onderbroken sessie in %s", dir);
	sessionlist_free(&l);
	diag_free(&d);
	free(dir);
	return path;
}

/* Load the session named by arg and hand it to fn. resume: open the log
 * to continue it (and, without arg, take the newest unfinished one). */
static int with_session(struct cli_ctx *ctx, const char *arg, int resume,
			int (*fn)(struct cli_ctx *, struct content *, struct play *))
{
	struct content c;
	struct play p;
	struct diag d = {0};
	char *path = find_session(ctx, arg, resume);
	int rc = EXIT_BAD;

	if (path == NULL)
		return EXIT_BAD;
	if (cmd_load_content(ctx, &c, NULL) == 0 && play_resume(&p, &c, path, resume, &d) == 0) {
		rc = fn(ctx, &c, &p);
		play_end(&p);
	}
	diag_sort(&d);
	diag_print(&d, stderr, 0);
	diag_free(&d);
	content_free(&c);
	free(path);
	return rc;
}

static int continue_session(struct cli_ctx *ctx, struct content *c, struct play *p)
{
	if (p->done) {
		fputs("klantcoach: deze sessie is al afgerond; bekijk hem met 'klantcoach show'\n",
		      stderr);
		return EXIT_BAD;
	}
	if (ctx->a.plain)
		sig_catch(1);
	if (ctx->a.plain && p->note)
		plain_line(stdout, NULL, p->note);
	return ctx->a.plain ? plain_play(p, stdin, stdout) : tui_resume(ctx, c, p);
}

/* show --framework with another framework than the scenario's: the
 * session's evidence carried over a crosswalk. */
static int show_derived(struct cli_ctx *ctx, struct content *c, struct play *p)
{
	struct diag d = {0};
	const struct framework *to;
	const struct crosswalk *cw;
	struct derived dv;
	int rc = derived_resolve(c, p->fw->id, ctx->a.framework, &to, &cw, &d);

	if (rc < 0)
		cmd_error("%s", d.v[0].msg);
	diag_free(&d);
	if (rc < 0)
		return EXIT_BAD;
	plain_line(stdout, "Reflectie: ", p->sc->title);
	plain_line(stdout, "Cursist: ", p->trainee);
	derived_session(&dv, &p->s, p->fw, cw, to, p->level);
	derived_print(stdout, &dv, p->level);
	derived_free(&dv);
	return EXIT_OK;
}

static int show_session(struct cli_ctx *ctx, struct content *c, struct play *p)
{
	struct view v = {0};
	struct diag d = {0};

	if (p->stopped) {
		fputs("klantcoach: deze sessie is gestopt zonder resultaat; "
		      "er is geen reflectie\n", stderr);
		return EXIT_BAD;
	}
	if (!session_finished(&p->s)) {
		fputs("klantcoach: deze sessie is nog niet af; speel verder met "
		      "'klantcoach resume'\n", stderr);
		return EXIT_BAD;
	}
	if (ctx->a.framework && strcmp(ctx->a.framework, p->fw->id) != 0)
		return show_derived(ctx, c, p);
	reflectview_all(&v, p, &d);
	view_print(stdout, &v);
	view_free(&v);
	diag_print(&d, stderr, 0);
	diag_free(&d);
	return EXIT_OK;
}

int cmd_resume(struct cli_ctx *ctx)
{
	if (ctx->a.argc > 1)
		return cmd_usage("resume verwacht hoogstens één SESSIE", NULL);
	return with_session(ctx, ctx->a.argc ? ctx->a.argv[0] : NULL, 1, continue_session);
}

int cmd_show(struct cli_ctx *ctx)
{
	if (ctx->a.argc != 1)
		return cmd_usage("show verwacht precies één SESSIE", NULL);
	return with_session(ctx, ctx->a.argv[0], 0, show_session);
}
