/*
 * sync: the send loop over all sessions (see sync.h). One batch at a
 * time: the batch size halves on a refusal until the refused statement is
 * alone, and grows back after each success.
 */
#include "sync.h"
#include "buf.h"
#include "mem.h"
#include "outbox.h"
#include "path.h"
#include "reflect.h"
#include "sessionlog.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The rating of a finished session when its scenario is here unchanged. */
static int rate(const struct content *c, const struct sessionlog_data *log,
		struct xapi_score *score)
{
	const struct scenario *sc = c ? content_scenario(c, log->meta.scenario)
				      : NULL;
	const struct framework *fw = sc ? content_framework(c, sc->framework)
					: NULL;
	struct diag quiet = {0};
	struct session s;
	struct reflect r;
	size_t i;
	int ok;

	memset(score, 0, sizeof *score);
	if (!log->finished || fw == NULL)
		return 0;
	ok = sessionlog_replay(log, sc, &s, &quiet) == 0 &&
	     session_finished(&s);
	diag_free(&quiet);
	if (ok) {
		reflect_build(&r, &s, fw, log->meta.level ? log->meta.level
							  : sc->level);
		for (i = 0; i < r.ncomps; i++) {
			score->rated += r.comps[i].mark != REFLECT_NA;
			score->reached += r.comps[i].mark == REFLECT_ON ||
					  r.comps[i].mark == REFLECT_ABOVE;
		}
		reflect_free(&r);
	}
	session_free(&s);
	return ok;
}

static void pause_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

/* statements [from, from + n) of ob as one JSON array. */
static char *batch_text(const struct outbox *ob, size_t from, size_t n)
{
	json_t *a = json_array();
	char *s;
	size_t i;

	for (i = from; i < from + n; i++)
		json_array_append(a, ob->item[i].st);
	s = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	return s;
}

static void note(struct sync_result *r, const char *msg)
{
	free(r->message);
	r->message = mem_strdup(msg ? msg : "");
}

/* Send one batch, trying again after network errors. */
static enum lrs_status send_batch(const struct sync_opts *o,
				  const struct outbox *ob, size_t n,
				  struct sync_result *r)
{
	char *body = batch_text(ob, ob->sent, n);
	long wait = o->wait_ms ? o->wait_ms : 1000;
	int try, tries = o->tries ? o->tries : 4;
	enum lrs_status s = LRS_AGAIN;

	for (try = 0; try < tries; try++, wait *= 2) {
		struct lrs_reply rep;
		s = lrs_post(o->lrs, body, &rep);
		if (s != LRS_OK)
			note(r, rep.message);
		if (s == LRS_AGAIN && try + 1 < tries)
			pause_ms(rep.retry_after >= 0 ? rep.retry_after * 1000
						      : wait);
		lrs_reply_free(&rep);
		if (s != LRS_AGAIN)
			break;
	}
	free(body);
	return s;
}

static int send_pending(const struct sync_opts *o, struct outbox *ob,
			const char *id, struct sync_result *r,
			struct diag *d)
{
	size_t max = o->batch ? o->batch : 50, n = max;

	while (ob->sent < ob->n) {
		enum lrs_status s;
		if (n > ob->n - ob->sent)
			n = ob->n - ob->sent;
		s = send_batch(o, ob, n, r);
		if (s == LRS_OK) {
			if (outbox_ack(ob, n, d) != 0)
				return -1;
			r->sent += n;
			n = n * 2 > max ? max : n * 2;
		} else if (s == LRS_REJECTED && n > 1) {
			n /= 2;
			continue;
		} else if (s == LRS_REJECTED) {
			if (outbox_set_aside(ob, r->message, d) != 0)
				return -1;
			r->set_aside++;
		} else {
			r->denied = s == LRS_DENIED;
			r->unreachable = s == LRS_AGAIN;
			return -1;
		}
		if (o->progress)
			fprintf(o->progress, "sessie %s: %zu van %zu "
				"verzonden\n", id, ob->sent, ob->n);
	}
	return 0;
}

static void show(const struct outbox *ob, struct sync_result *r)
{
	size_t i;

	if (r->shown == NULL)
		r->shown = json_array();
	for (i = ob->sent; i < ob->n; i++)
		json_array_append(r->shown, ob->item[i].st);
}

static int valid_session(const struct sessionlog_data *log)
{
	char id[XAPI_UUID_LEN];

	return xapi_statement_id(log->meta.session, 0, id) == 0;
}

/* Build and send (or show) one session. -1 stops the whole sync. */
static int one(const struct sync_opts *o, const char *path,
	       struct sync_result *r, struct diag *d)
{
	struct sessionlog_data log;
	struct xapi_score score;
	struct outbox ob = {0};
	char *root = path_join(o->data_dir, "outbox");
	int rc = 0, rated;

	if (sessionlog_load(&log, path, d) != 0 || !valid_session(&log)) {
		diag_add(d, DIAG_WARNING, path, 0, "overgeslagen: geen "
			 "bruikbaar logboek voor het LRS");
	} else if (outbox_open(&ob, root, log.meta.session, d) == 0) {
		rated = rate(o->content, &log, &score);
		if (outbox_build(&ob, &log, o->set, rated ? &score : NULL,
				 o->lrs != NULL, d) == 0) {
			if (o->lrs == NULL)
				show(&ob, r);
			else if (ob.sent < ob.n)
				rc = send_pending(o, &ob, log.meta.session,
						  r, d);
		}
		r->pending += ob.n - ob.sent;
		r->sessions++;
	}
	outbox_free(&ob);
	sessionlog_data_free(&log);
	free(root);
	return rc;
}

static int csv_name(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return n > 4 && strcmp(e->d_name + n - 4, ".csv") == 0;
}

int sync_run(const struct sync_opts *o, struct sync_result *r,
	     struct diag *d)
{
	char *dir = path_join(o->data_dir, "sessions");
	struct dirent **names = NULL;
	int i, n = scandir(dir, &names, csv_name, alphasort), rc = 0;

	memset(r, 0, sizeof *r);
	for (i = 0; i < n; i++) {
		char *p = path_join(dir, names[i]->d_name);
		if (rc == 0 && one(o, p, r, d) != 0)
			rc = -1;
		free(p);
		free(names[i]);
	}
	free(names);
	free(dir);
	return rc == 0 && (o->lrs == NULL || r->pending == 0) ? 0 : -1;
}

void sync_result_free(struct sync_result *r)
{
	free(r->message);
	json_decref(r->shown);
	memset(r, 0, sizeof *r);
}
