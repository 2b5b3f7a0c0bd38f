/*
 * cmd_sync: klantcoach sync sends the sessions to the organisation's
 * Learning Record Store ([lrs] in the config); sync --toon prints the
 * statements that would be sent, without sending or writing anything;
 * sync --ophalen (a coach) rebuilds the trainees' session logs from the
 * LRS under <gegevens>/opgehaald. klantcoach vergeet removes the
 * trainee's data after confirmation, voiding the statements first.
 */
#include "kcconfig.h"
#include "buf.h"
#include "commands.h"
#include "mem.h"
#include "path.h"
#include "pull.h"
#include "sync.h"
#include "tstamp.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Keep id as [cursist] id in the config file (NULL: remove it). */
static int store_learner(struct cli_ctx *ctx, const char *id)
{
	struct config file;
	struct diag d = {0};
	int rc;

	config_defaults(&file);
	free(file.path);
	file.path = ctx->cfg.path ? mem_strdup(ctx->cfg.path) : NULL;
	rc = config_load(&file, &d);
	if (rc == 0) {
		free(file.learner);
		file.learner = id ? mem_strdup(id) : NULL;
		rc = config_save(&file, &d);
	}
	diag_print(&d, stderr, 0);
	diag_free(&d);
	config_free(&file);
	return rc;
}

/* The stable learner id: made once and kept in the config file. */
static int learner_id(struct cli_ctx *ctx)
{
	char id[TSTAMP_UUID_LEN];

	if (ctx->cfg.learner)
		return 0;
	tstamp_uuid(id);
	if (store_learner(ctx, id) != 0)
		return -1;
	ctx->cfg.learner = mem_strdup(id);
	return 0;
}

/* The settings statements are built with; NULL fields name what is
 * missing. base: new string. */
static int settings(struct cli_ctx *ctx, struct xapi_settings *set,
		    char **base)
{
	const struct config *c = &ctx->cfg;
	const char *missing = !c->lrs.url ? "adres"
			      : !c->lrs.homepage ? "organisatie" : NULL;
	struct buf b = {0};

	if (missing) {
		fprintf(stderr, "klantcoach: geen LRS ingesteld: zet %s onder "
			"[lrs] in %s (zie klantcoach.ini(5))\n", missing,
			c->path ? c->path : "het instellingenbestand");
		return -1;
	}
	if (learner_id(ctx) != 0)
		return -1;
	if (c->lrs.base == NULL)
		buf_printf(&b, "%s/klantcoach", c->lrs.homepage);
	*base = c->lrs.base ? mem_strdup(c->lrs.base) : buf_take(&b);
	set->homepage = c->lrs.homepage;
	set->base = *base;
	set->learner = c->learner;
	set->share_answers = c->lrs.share;
	return 0;
}

/* The key file: [lrs] sleutelbestand, else lrs-sleutel beside the
 * config file (new string). */
static char *keyfile(const struct config *c)
{
	char *dir, *slash, *p;

	if (c->lrs.keyfile || c->path == NULL)
		return c->lrs.keyfile ? mem_strdup(c->lrs.keyfile) : NULL;
	dir = mem_strdup(c->path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	p = path_join(dir, "lrs-sleutel");
	free(dir);
	return p;
}

static int report(const struct sync_result *r, const char *key)
{
	if (r->denied) {
		fprintf(stderr, "klantcoach: het LRS weigert de inloggegevens "
			"(%s). Controleer %s of KLANTCOACH_LRS_SLEUTEL. Er is "
			"niets verloren: %zu statements wachten.\n", r->message,
			key ? key : "het sleutelbestand", r->pending);
		return EXIT_BAD;
	}
	if (r->unreachable) {
		fprintf(stderr, "klantcoach: het LRS is niet bereikbaar (%s). "
			"Er is niets verloren: %zu statements wachten; probeer "
			"het later opnieuw met: klantcoach sync\n",
			r->message ? r->message : "", r->pending);
		return EXIT_BAD;
	}
	printf("Verzonden: %zu statements uit %zu sessies.\n", r->sent,
	       r->sessions);
	if (r->feedback_in)
		printf("Nieuwe feedback van je coach: %zu; zie klantcoach show.\n",
		       r->feedback_in);
	if (r->set_aside)
		printf("Apart gezet: %zu statements die het LRS weigerde (%s); "
		       "zie outbox/*/apart.jsonl in de gegevensmap.\n",
		       r->set_aside, r->message);
	return EXIT_OK;
}

static long wait_ms(void)
{
	const char *v = getenv("KLANTCOACH_LRS_WACHT");
	long ms = v ? strtol(v, NULL, 10) : 0;

	return ms > 0 ? ms : 1000;
}

/* Open the LRS with the credentials. *key: the key file (new string,
 * also on failure). 0, or -1 with the problem printed. */
static int connect(struct cli_ctx *ctx, struct lrs *l, char **key,
		   struct diag *d)
{
	char *cred;
	int rc = -1;

	*key = keyfile(&ctx->cfg);
	cred = lrs_credentials(*key, d);
	if (cred)
		rc = lrs_open(l, ctx->cfg.lrs.url, cred, ctx->cfg.lrs.ca, d);
	if (rc != 0)
		diag_print(d, stderr, 0);
	free(cred);
	return rc;
}

static int send(struct cli_ctx *ctx, struct sync_opts *o, struct diag *d)
{
	struct sync_result r;
	struct lrs l;
	char *key;
	int rc = EXIT_BAD;

	if (connect(ctx, &l, &key, d) == 0) {
		o->lrs = &l;
		o->progress = stderr;
		o->wait_ms = wait_ms();
		sync_run(o, &r, d);
		diag_print(d, stderr, 0);
		rc = report(&r, key);
		sync_result_free(&r);
		lrs_close(&l);
	}
	free(key);
	return rc;
}

static int pulled(const struct pull_result *r, const char *dir)
{
	if (r->denied || r->unreachable) {
		fprintf(stderr, "klantcoach: %s (%s). Er is niets veranderd "
			"in %s.\n", r->denied ? "het LRS weigert de "
			"inloggegevens; controleer het sleutelbestand of "
			"KLANTCOACH_LRS_SLEUTEL" : "het LRS is niet bereikbaar",
			r->message ? r->message : "", dir);
		return EXIT_BAD;
	}
	printf("Opgehaald: %zu sessies, %zu nieuw of bijgewerkt, in %s\n",
	       r->sessions, r->written, dir);
	return EXIT_OK;
}

/* sync --ophalen: the trainees' sessions from the LRS. */
static int fetch(struct cli_ctx *ctx)
{
	struct pull_filter f = {ctx->a.van, ctx->a.trainee, ctx->a.scenario};
	struct pull_opts o = {NULL, NULL, &f, NULL, stderr};
	struct pull_result r;
	struct diag d = {0};
	struct buf day = {0};
	struct lrs l;
	char *key;
	int rc = EXIT_BAD, bad;

	buf_printf(&day, "%sT00:00:00Z", f.from ? f.from : "");
	bad = f.from && (strlen(f.from) != 10 || tstamp_parse(buf_str(&day)) < 0);
	buf_free(&day);
	if (bad)
		return cmd_usage("--van moet een datum als 2026-01-31 zijn",
				 f.from);
	if (ctx->cfg.lrs.url == NULL) {
		fprintf(stderr, "klantcoach: geen LRS ingesteld: zet adres "
			"onder [lrs] in %s (zie klantcoach.ini(5))\n",
			ctx->cfg.path ? ctx->cfg.path : "het instellingenbestand");
		return EXIT_BAD;
	}
	if (connect(ctx, &l, &key, &d) == 0) {
		char *dir = path_join(ctx->data_dir, "opgehaald");
		char *versions = path_join(ctx->data_dir, "versies");

		o.dir = dir;
		o.versions = versions;
		o.lrs = &l;
		pull_run(&o, &r, &d);
		diag_print(&d, stderr, 0);
		rc = pulled(&r, o.dir);
		if (diag_count(&d, DIAG_ERROR))
			rc = EXIT_BAD;
		pull_result_free(&r);
		free(dir);
		free(versions);
		lrs_close(&l);
	}
	free(key);
	diag_free(&d);
	return rc;
}

/* What --toon prints: the pending statements as one JSON array. */
static void show(const struct sync_result *r)
{
	json_t *none = json_array();
	char *s = json_dumps(r->shown ? r->shown : none,
			     JSON_INDENT(2) | JSON_SORT_KEYS);

	printf("%s\n", s);
	free(s);
	json_decref(none);
}

int cmd_sync(struct cli_ctx *ctx)
{
	struct xapi_settings set;
	struct sync_opts o = {0};
	struct sync_result r;
	struct content c;
	struct diag d = {0};
	char *base = NULL;
	int rc = EXIT_BAD;

	if (ctx->a.argc > 0)
		return cmd_usage("sync heeft geen argumenten", ctx->a.argv[0]);
	if (ctx->a.ophalen && ctx->a.toon)
		return cmd_usage("kies --toon of --ophalen", NULL);
	if (ctx->a.ophalen)
		return fetch(ctx);
	if (ctx->a.van)
		return cmd_usage("--van hoort bij sync --ophalen", ctx->a.van);
	if (settings(ctx, &set, &base) != 0)
		return EXIT_BAD;
	content_load(&c, ctx->content_dir, &d);
	cmd_set_store(ctx, &c);
	diag_free(&d);
	o.data_dir = ctx->data_dir;
	o.content = &c;
	o.set = &set;
	if (ctx->a.toon) {
		rc = sync_run(&o, &r, &d) == 0 ? EXIT_OK : EXIT_BAD;
		diag_print(&d, stderr, 0);
		show(&r);
		sync_result_free(&r);
	} else {
		rc = send(ctx, &o, &d);
	}
	diag_free(&d);
	content_free(&c);
	free(base);
	return rc;
}

/* What klantcoach writes in the data folder; vergeet removes these and
 * nothing else (the folder may be shared with other files). */
static const char *const data_parts[] = {
	"sessions", "outbox", "opgehaald", "versies", "intervisie", NULL
};

static int confirmed(const struct cli_ctx *ctx, int lrs)
{
	char line[64];

	printf("Dit verwijdert al je sessies, verslagen, feedback en kopieën "
	       "in %s%s, en je cursist-id.\nTyp ja om door te gaan: ",
	       ctx->data_dir, lrs ? " en trekt je statements in het LRS in "
	       "(voided)" : "");
	fflush(stdout);
	if (fgets(line, sizeof line, stdin) == NULL)
		return 0;
	line[strcspn(line, "\r\n")] = '\0';
	return strcmp(line, "ja") == 0;
}

/* Void every statement sent from here. 0, or -1 with a message. */
static int void_all(struct cli_ctx *ctx)
{
	struct sync_opts o = {0};
	struct sync_result r;
	struct diag d = {0};
	struct lrs l;
	char *key;
	int rc = -1;

	if (connect(ctx, &l, &key, &d) == 0) {
		o.data_dir = ctx->data_dir;
		o.lrs = &l;
		o.progress = stderr;
		o.wait_ms = wait_ms();
		rc = sync_forget(&o, &r, &d);
		diag_print(&d, stderr, 0);
		if (rc != 0)
			fprintf(stderr, "klantcoach: het LRS nam niet alles aan "
				"(%s); er is nog niets verwijderd. Probeer het "
				"later opnieuw.\n", r.message ? r.message : "");
		sync_result_free(&r);
		lrs_close(&l);
	}
	free(key);
	diag_free(&d);
	return rc;
}

static int remove_data(struct cli_ctx *ctx)
{
	size_t i;
	int rc = 0;

	for (i = 0; data_parts[i]; i++) {
		char *p = path_join(ctx->data_dir, data_parts[i]);
		if (path_remove_tree(p) != 0) {
			cmd_error("%s: kan niet verwijderen: %s", p,
				  path_strerror(errno));
			rc = -1;
		}
		free(p);
	}
	rmdir(ctx->data_dir);	/* only when nothing else is in it */
	return rc;
}

int cmd_vergeet(struct cli_ctx *ctx)
{
	int lrs = ctx->cfg.lrs.url != NULL;

	if (ctx->a.argc > 0)
		return cmd_usage("vergeet heeft geen argumenten",
				 ctx->a.argv[0]);
	if (!confirmed(ctx, lrs)) {
		puts("Er is niets verwijderd.");
		return EXIT_BAD;
	}
	if (lrs && void_all(ctx) != 0)
		return EXIT_BAD;
	if (remove_data(ctx) != 0 ||
	    (ctx->cfg.learner && store_learner(ctx, NULL) != 0))
		return EXIT_BAD;
	printf("Je gegevens zijn verwijderd%s.\n", lrs ? " en je statements "
	       "in het LRS zijn ingetrokken" : "");
	return EXIT_OK;
}
