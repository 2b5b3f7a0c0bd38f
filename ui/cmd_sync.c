/*
 * cmd_sync: klantcoach sync sends the sessions to the organisation's
 * Learning Record Store ([lrs] in the config); sync --toon prints the
 * statements that would be sent, without sending or writing anything;
 * sync --ophalen (a coach) rebuilds the trainees' session logs from the
 * LRS under <gegevens>/opgehaald. klantcoach vergeet removes the
 * trainee's data after confirmation, voiding the statements first.
 * cmd_sync_later runs the same sync in a detached process (at start and
 * at a session's end) that never touches the terminal; one sync at a
 * time holds <gegevens>/outbox/.sync.lock, and each leaves how many
 * sessions wait, and why, in <gegevens>/outbox/.wachtrij for home.
 */
#include "kcconfig.h"
#include "buf.h"
#include "commands.h"
#include "mem.h"
#include "path.h"
#include "pull.h"
#include "sync.h"
#include "text.h"
#include "tstamp.h"
#include "view.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#define QUEUE_FILE "outbox/.wachtrij"	/* "<n>\t<why>\n", for home */

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
	if (r->feedback_gone)
		printf("Feedback ingetrokken door je coach: %zu.\n",
		       r->feedback_gone);
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

/* Hold the data folder's sync lock: the fd, -1 when another sync holds
 * it (and wait is 0), -2 when no lock can be made (go on without). */
static int sync_lock(const struct cli_ctx *ctx, int wait)
{
	char *dir = path_join(ctx->data_dir, "outbox");
	char *p = path_join(dir, ".sync.lock");
	int fd = path_mkdirs(dir) == 0
		 ? open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600) : -1;
	int rc = fd < 0 ? -2 : fd;

	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (wait)
			fputs("klantcoach: wacht op de sync op de "
			      "achtergrond...\n", stderr);
		if (!wait || flock(fd, LOCK_EX) != 0) {
			close(fd);
			rc = -1;
		}
	}
	free(p);
	free(dir);
	return rc;
}

static void sync_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}

/* Why the last sync left statements waiting (new string), or NULL. */
static char *why_waiting(const struct sync_result *r, const struct diag *d)
{
	struct buf b = {0};

	if (r->denied || r->unreachable)
		buf_printf(&b, "het LRS %s (%s)", r->denied ? "weigert de "
			   "inloggegevens" : "is niet bereikbaar",
			   r->message ? r->message : "");
	else if (d->n)
		return diag_format(&d->v[0]);
	return b.len ? buf_take(&b) : NULL;
}

/* Leave for home how many sessions wait and why: "<n>\t<why>\n". A sync
 * that did not send everything counts them again without sending. */
static void record(const struct cli_ctx *ctx, const struct sync_opts *o,
		   const struct sync_result *r, int rc, const struct diag *d)
{
	struct sync_opts count = *o;
	struct sync_result c = {0};
	struct diag ignored = {0};
	char *why = rc != 0 ? why_waiting(r, d) : NULL;
	char *safe = why ? text_sanitize(why, strlen(why), 0) : NULL;
	char *p = path_join(ctx->data_dir, QUEUE_FILE);
	struct buf b = {0};

	count.lrs = NULL;
	if (rc != 0)
		sync_run(&count, &c, &ignored);
	buf_printf(&b, "%zu\t%s\n", c.waiting, safe ? safe : "");
	path_write_atomic(p, buf_str(&b), b.len);
	buf_free(&b);
	free(p);
	free(safe);
	free(why);
	sync_result_free(&c);
	diag_free(&ignored);
}

static int send(struct cli_ctx *ctx, struct sync_opts *o, struct diag *d)
{
	struct sync_result r;
	struct lrs l;
	char *key = NULL;
	int rc = EXIT_BAD, lock = sync_lock(ctx, 1);

	if (lock != -1 && connect(ctx, &l, &key, d) == 0) {
		o->lrs = &l;
		o->progress = stderr;
		o->wait_ms = wait_ms();
		record(ctx, o, &r, sync_run(o, &r, d), d);
		diag_print(d, stderr, 0);
		rc = report(&r, key);
		sync_result_free(&r);
		lrs_close(&l);
	}
	free(key);
	sync_unlock(lock);
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

/* The content and settings a sync builds with, into o. 0, or -1 (said)
 * when [lrs] is not set up. base: new string. */
static int prepare(struct cli_ctx *ctx, struct sync_opts *o,
		   struct xapi_settings *set, struct content *c, char **base)
{
	struct diag d = {0};

	if (settings(ctx, set, base) != 0)
		return -1;
	content_load(c, ctx->content_dir, &d);
	cmd_set_store(ctx, c);
	diag_free(&d);
	o->data_dir = ctx->data_dir;
	o->content = c;
	o->set = set;
	return 0;
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
	if (prepare(ctx, &o, &set, &c, &base) != 0)
		return EXIT_BAD;
	if (ctx->a.toon) {	/* under the lock: never a half-written outbox */
		int lock = sync_lock(ctx, 1);
		rc = sync_run(&o, &r, &d) == 0 ? EXIT_OK : EXIT_BAD;
		sync_unlock(lock);
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

/* The detached process: wait for any other sync, send quietly, record
 * the outcome for home. */
static int background(struct cli_ctx *ctx)
{
	struct xapi_settings set;
	struct sync_opts o = {0};
	struct sync_result r = {0};
	struct content c;
	struct diag d = {0};
	struct lrs l;
	char *base = NULL, *key = NULL;
	int lock = sync_lock(ctx, 1), rc = -1;

	if (lock == -1 || prepare(ctx, &o, &set, &c, &base) != 0)
		return 0;
	o.tries = 2;
	o.wait_ms = wait_ms();
	if (connect(ctx, &l, &key, &d) == 0) {
		o.lrs = &l;
		rc = sync_run(&o, &r, &d);
		lrs_close(&l);
	}
	record(ctx, &o, &r, rc, &d);
	sync_result_free(&r);
	diag_free(&d);
	content_free(&c);
	free(key);
	free(base);
	sync_unlock(lock);
	return 0;
}

/* Leave the terminal, the session's files and the signal handlers. */
static void detach(void)
{
	int fd = open("/dev/null", O_RDWR), i;

	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	setsid();
	for (i = 0; i < 3 && fd >= 0; i++)
		dup2(fd, i);
	for (i = 3; i < 1024; i++)
		close(i);
}

void cmd_sync_later(struct cli_ctx *ctx)
{
	const struct config *c = &ctx->cfg;
	pid_t pid;

	if (!c->lrs.url || !c->lrs.homepage || c->lrs.manual ||
	    learner_id(ctx) != 0)
		return;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid != 0) {		/* the middle process ends at once */
		while (pid > 0 && waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		return;
	}
	if (fork() != 0)
		_exit(0);
	detach();
	_exit(background(ctx));
}

void cmd_sync_waiting(const struct cli_ctx *ctx, struct view *v)
{
	char *p = path_join(ctx->data_dir, QUEUE_FILE);
	char *text = ctx->cfg.lrs.url ? path_read(p, NULL) : NULL;
	char *why = text ? strchr(text, '\t') : NULL;
	unsigned long n = text ? strtoul(text, NULL, 10) : 0;

	if (why && n > 0) {
		why[strcspn(why, "\n")] = '\0';
		view_blank(v);
		view_add(v, why[1] ? VIEW_BAD : VIEW_DIM, 0,
			 "%lu %s op verzending naar het LRS.%s%s", n,
			 n == 1 ? "sessie wacht" : "sessies wachten",
			 why[1] ? " Laatste poging: " : "", why + 1);
	}
	free(text);
	free(p);
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
	int lrs = ctx->cfg.lrs.url != NULL, lock, rc;

	if (ctx->a.argc > 0)
		return cmd_usage("vergeet heeft geen argumenten",
				 ctx->a.argv[0]);
	if (!confirmed(ctx, lrs)) {
		puts("Er is niets verwijderd.");
		return EXIT_BAD;
	}
	lock = lrs ? sync_lock(ctx, 1) : -2;
	rc = (lrs && void_all(ctx) != 0) || remove_data(ctx) != 0 ||
	     (ctx->cfg.learner && store_learner(ctx, NULL) != 0);
	sync_unlock(lock);
	if (rc)
		return EXIT_BAD;
	printf("Je gegevens zijn verwijderd%s.\n", lrs ? " en je statements "
	       "in het LRS zijn ingetrokken" : "");
	return EXIT_OK;
}
