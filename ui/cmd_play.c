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
#include "startview.h"
#include "text.h"
#include "tui.h"

#include <ctype.h>
#include <stdarg.h>
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

/* Store settings (key, value, ..., NULL) in the config file, leaving its
 * other settings. A file with problems (said at the start) is left as it
 * is; a failed write is printed. */
int cmd_save_settings(struct cli_ctx *ctx, ...)
{
	struct config file;
	struct diag d = {0};
	const char *key;
	va_list ap;
	int rc;

	config_defaults(&file);
	free(file.path);
	file.path = ctx->cfg.path ? mem_strdup(ctx->cfg.path) : NULL;
	rc = config_load(&file, &d);
	diag_free(&d);
	if (rc == 0) {
		va_start(ap, ctx);
		while ((key = va_arg(ap, const char *)) != NULL)
			config_set(&file, key, va_arg(ap, const char *), &d,
				   NULL, 0);
		va_end(ap);
		if ((rc = config_save(&file, &d)) != 0)
			diag_print(&d, stderr, 0);
	}
	diag_free(&d);
	config_free(&file);
	return rc;
}

int cmd_save_identity(struct cli_ctx *ctx)
{
	char level[2] = {ctx->cfg.level, 0};

	return cmd_save_settings(ctx, "cursist.naam", ctx->cfg.name,
				 "cursist.niveau", level, (char *)NULL);
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
		a[0] = (char)toupper((unsigned char)a[0]);
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

/* The persona cards, then the choice of one with scenarios (n of them);
 * NULL at the end of input. */
static const struct persona *plain_persona(const struct content *c,
					   size_t *n)
{
	const struct persona *p;
	struct view v = {0};
	size_t i;
	int k;

	view_add(&v, VIEW_HEADING, 0, "Met welke klant ga je praten?");
	for (i = 0; i < c->npersonas; i++)
		startview_persona(&v, &c->personas[i], (int)i + 1);
	plain_view(stdout, &v);
	for (;;) {
		k = plain_choose(stdin, stdout, "een klant", c->npersonas);
		if (k < 0)
			return NULL;
		p = &c->personas[k];
		for (*n = 0; content_persona_scenario(c, p->id, *n); ++*n)
			;
		if (*n)
			return p;
		printf("Met %s zijn geen gesprekken; kies een andere "
		       "klant.\n", p->name);
	}
}

/* Plain mode's way to a scenario, as the screens': a persona, one of its
 * scenarios (those at the trainee's level marked), then the mode unless
 * --mode named it. NULL at the end of input. */
static const struct scenario *plain_pick(struct cli_ctx *ctx,
					 const struct content *c)
{
	const struct scenario *sc;
	const struct persona *p;
	struct view v = {0};
	size_t i, n;
	int k;

	if ((p = plain_persona(c, &n)) == NULL)
		return NULL;
	view_add(&v, VIEW_HEADING, 0, "Gesprekken met %s:", p->name);
	for (i = 0; i < n; i++)
		startview_scenario(&v, content_persona_scenario(c, p->id, i),
				   (int)i + 1, ctx->cfg.level);
	plain_view(stdout, &v);
	if ((k = plain_choose(stdin, stdout, "een gesprek", n)) < 0)
		return NULL;
	sc = content_persona_scenario(c, p->id, (size_t)k);
	if (ctx->a.mode)
		return sc;
	view_add(&v, VIEW_HEADING, 0, "Oefenen of toets?");
	startview_mode(&v, NULL);
	plain_view(stdout, &v);
	if ((k = plain_choose(stdin, stdout, "een modus", 2)) < 0)
		return NULL;
	ctx->cfg.mode = k ? CONFIG_TOETS : CONFIG_OEFENEN;
	return sc;
}

/* The input ended before play began: say so, nothing was started. */
static int ended_early(void)
{
	fputs("\nGestopt voordat het gesprek begon (einde van de invoer); "
	      "er is geen sessie gemaakt.\n", stdout);
	return EXIT_OK;
}

static int play_plain(struct cli_ctx *ctx, struct content *c,
		      const struct scenario *sc)
{
	struct play p;
	struct diag d = {0};
	char *dir;
	int rc;

	if (plain_identity(ctx) != 0 ||
	    (sc == NULL && !(sc = plain_pick(ctx, c))))
		return ended_early();
	dir = cmd_sessions_dir(ctx);
	if (play_begin(&p, c, sc, &(struct play_who){ctx->cfg.name, ctx->cfg.level,
		       ctx->cfg.mode, ctx->cfg.fixed_order}, dir, &d) != 0) {
		diag_print(&d, stderr, 0);
		rc = EXIT_BAD;
	} else {
		fputc('\n', stdout);	/* the prefix cannot hold it */
		plain_line(stdout, "Scenario: ", sc->title);
		fprintf(stdout, "Persona: %s, kanaal: %s, niveau %c, modus: %s\n",
			p.persona->name, sc->channel, sc->level, config_mode_name(p.mode));
		plain_line(stdout, NULL, sc->summary);
		fputs("Typ ? voor hulp.\n", stdout);
		rc = plain_play(&p, stdin, stdout);
	}
	play_end(&p);
	cmd_sync_later(ctx);	/* the session's end */
	diag_free(&d);
	free(dir);
	return rc;
}

/* " (bedoel je X?)" for the candidate nearest to word, or "". */
static const char *did_you_mean(char out[160], const char *word,
				const char *const *cands, size_t n)
{
	long i = text_nearest(word, cands, n);

	*out = '\0';
	if (i >= 0)
		snprintf(out, 160, " (bedoel je %s?)", cands[i]);
	return out;
}

/* No playable scenario id: say so, with the nearest id of the whole
 * library (also of scenarios left out for their errors). */
static void unknown_scenario(const struct cli_ctx *ctx, const char *id)
{
	struct content all;
	struct diag d = {0};
	const char **ids;
	char mean[160];
	size_t i;

	content_load(&all, ctx->content_dir, &d);
	ids = mem_calloc(all.nscs + 1, sizeof *ids);
	for (i = 0; i < all.nscs; i++)
		ids[i] = all.scs[i].id;
	if (content_scenario(&all, id))
		cmd_error("scenario '%s' heeft fouten en kan niet gespeeld "
			  "worden; zie 'klantcoach check'", id);
	else
		cmd_error("onbekend scenario '%s'%s; alle scenario's: "
			  "'klantcoach list'", id,
			  did_you_mean(mean, id, ids, all.nscs));
	free(ids);
	diag_free(&d);
	content_free(&all);
}

int cmd_play(struct cli_ctx *ctx)
{
	struct content c;
	const char *id = ctx->a.argc == 1 ? ctx->a.argv[0] : NULL;
	const struct scenario *sc = NULL;
	int rc = EXIT_BAD;

	if (ctx->a.argc > 1)
		return cmd_usage("play verwacht hoogstens één SCENARIO", NULL);
	if (cmd_load_content(ctx, &c, ctx->a.plain ? id : NULL) != 0 ||
	    (c.nscs == 0 && !id)) {
		if (c.nscs == 0)
			fputs("klantcoach: geen speelbare scenario's\n", stderr);
	} else if (id && (sc = content_scenario(&c, id)) == NULL) {
		unknown_scenario(ctx, id);
	} else {
		if (ctx->a.plain)
			sig_catch(1);
		cmd_sync_later(ctx);	/* the program's start */
		rc = ctx->a.plain ? play_plain(ctx, &c, sc)
				  : tui_main(ctx, &c, sc);
	}
	content_free(&c);
	return rc;
}

/* SESSION is not in l: say so, with the nearest id. */
static void unknown_session(const struct sessionlist *l, const char *arg,
			    const char *dir)
{
	const char **ids = mem_calloc(l->n + 1, sizeof *ids);
	char mean[160];
	size_t i;

	for (i = 0; i < l->n; i++)
		ids[i] = l->v[i].id;
	cmd_error("sessie '%s' niet gevonden in %s%s; je sessies staan op "
		  "het beginscherm van klantcoach", arg, dir,
		  did_you_mean(mean, arg, ids, l->n));
	free(ids);
}

/* Resolve SESSION (id or path) or, with none, the newest unfinished one. */
static char *find_session(const struct cli_ctx *ctx, const char *arg, int unfinished)
{
	struct sessionlist l;
	struct diag d = {0};
	const struct sessionlist_item *it = NULL;
	char *dir, *path = NULL;

	if (arg && strchr(arg, '/'))
		return mem_strdup(arg);
	dir = cmd_sessions_dir(ctx);
	if (arg) {
		sessionlist_scan(&l, dir, &d);
		it = sessionlist_find(&l, arg);
		if (it)
			path = mem_strdup(it->path);
		else
			unknown_session(&l, arg, dir);
		sessionlist_free(&l);
	} else if (unfinished) {
		path = sessionlist_newest_open(dir, &d);
	}
	if (!arg && !path)
		cmd_error("geen onderbroken sessie in %s", dir);
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
	int rc;

	if (p->done) {
		char *id = play_id(p);
		cmd_error("deze sessie is al afgerond; bekijk hem met "
			  "'klantcoach show %s'", id);
		free(id);
		return EXIT_BAD;
	}
	if (!ctx->a.plain)
		return tui_resume(ctx, c, p);	/* syncs at the end itself */
	sig_catch(1);
	if (p->note)
		plain_line(stdout, NULL, p->note);
	rc = plain_play(p, stdin, stdout);
	cmd_sync_later(ctx);	/* the session's end */
	return rc;
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
		char *id = play_id(p);
		cmd_error("deze sessie is nog niet af; speel verder met "
			  "'klantcoach resume %s'", id);
		free(id);
		return EXIT_BAD;
	}
	if (ctx->a.framework && strcmp(ctx->a.framework, p->fw->id) != 0)
		return show_derived(ctx, c, p);
	reflectview_all(&v, p, &d);
	plain_view(stdout, &v);
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
