/*
 * sync: the send loop over all sessions (see sync.h). One batch at a
 * time: the batch size halves on a refusal until the refused statement is
 * alone, and grows back after each success.
 */
#include "sync.h"
#include "buf.h"
#include "feedback.h"
#include "mem.h"
#include "outbox.h"
#include "path.h"
#include "reflect.h"
#include "sessionlog.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The file of the scenario version log was played on (a new string), or
 * NULL when this machine does not have it. */
static char *scenario_file(const struct content *c,
			   const struct sessionlog_data *log)
{
	struct diag quiet = {0};
	const struct scenario *sc = c ? content_version(c, log->meta.scenario,
		log->meta.version, log->path, &quiet) : NULL;

	diag_free(&quiet);
	return sc ? mem_strdup(sc->file) : NULL;
}

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

#define BOUNDARY "klantcoach-bijlage-5e2f81c0"

/* The attachments of st that the outbox has, as parts of a multipart
 * body. */
static void add_parts(struct buf *b, const struct outbox *ob, const json_t *st)
{
	const char *sha2;
	size_t k, len;

	for (k = 0; (sha2 = xapi_scenario_sha2(st, k)) != NULL; k++) {
		char *data = outbox_attachment(ob, sha2, &len);
		if (data == NULL)
			continue;
		buf_printf(b, "--" BOUNDARY "\r\nContent-Type: text/plain\r\n"
			   "Content-Transfer-Encoding: binary\r\n"
			   "X-Experience-API-Hash: %s\r\n\r\n", sha2);
		buf_addn(b, data, len);
		buf_add(b, "\r\n");
		free(data);
	}
}

/* statements [from, from + n) of ob as one JSON array; with attachments
 * (a scenario file on a start), a multipart/mixed body of that array and
 * the files, and *type says so (else NULL). */
static char *batch_text(const struct outbox *ob, size_t from, size_t n,
			const char **type)
{
	json_t *a = json_array();
	struct buf parts = {0}, b = {0};
	char *s;
	size_t i;

	for (i = from; i < from + n; i++) {
		json_array_append(a, ob->item[i].st);
		add_parts(&parts, ob, ob->item[i].st);
	}
	s = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	*type = NULL;
	if (parts.len == 0)
		return s;
	*type = "multipart/mixed; boundary=" BOUNDARY;
	buf_printf(&b, "--" BOUNDARY "\r\nContent-Type: application/json"
		   "\r\n\r\n%s\r\n%s--" BOUNDARY "--\r\n", s,
		   buf_str(&parts));
	free(s);
	buf_free(&parts);
	return buf_take(&b);
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
	const char *type;
	char *body = batch_text(ob, ob->sent, n, &type);
	long wait = o->wait_ms ? o->wait_ms : 1000;
	int try, tries = o->tries ? o->tries : 4;
	enum lrs_status s = LRS_AGAIN;

	for (try = 0; try < tries; try++, wait *= 2) {
		struct lrs_reply rep;
		s = lrs_post(o->lrs, body, type, &rep);
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

/* Send (or, without an LRS, show) what is pending in ob. */
static int deliver(const struct sync_opts *o, struct outbox *ob,
		   const char *id, struct sync_result *r, struct diag *d)
{
	int rc = 0;

	if (o->lrs == NULL)
		show(ob, r);
	else if (ob->sent < ob->n)
		rc = send_pending(o, ob, id, r, d);
	r->pending += ob->n - ob->sent;
	r->waiting += ob->n > ob->sent;
	return rc;
}

/* Build and send (or show) one session; own: its id -> its log. -1
 * stops the whole sync. */
static int one(const struct sync_opts *o, const char *path, json_t *own,
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
		json_object_set_new(own, log.meta.session, json_string(path));
		char *file = scenario_file(o->content, &log);
		rated = rate(o->content, &log, &score);
		if (outbox_build(&ob, &log, o->set, rated ? &score : NULL,
				 file, o->lrs != NULL, d) == 0)
			rc = deliver(o, &ob, log.meta.session, r, d);
		free(file);
		r->sessions++;
	}
	outbox_free(&ob);
	sessionlog_data_free(&log);
	free(root);
	return rc;
}

/* The statements of feedback item i into ob: a text is given as a new
 * statement; an edit or withdrawal then voids the one it replaces. */
static void feedback_row(struct outbox *ob, const struct sessionlog_data *log,
			 const struct feedback *fb, size_t i)
{
	const struct feedback_item *it = &fb->v[i];
	const char *sid = log->meta.session;
	long was = feedback_previous(fb, i);
	json_t *st;

	if (it->text[0] &&
	    (st = xapi_feedback(sid, log->ev[0].line, it, &ob->set)) != NULL)
		outbox_add(ob, st, it->line);
	if (was >= 0 && (st = xapi_feedback_void(sid, fb->v[was].line, it,
						 &ob->set)) != NULL)
		outbox_add(ob, st, it->line);
}

/* The coach's new feedback items on a pulled session into ob. */
static int build_feedback(const struct sync_opts *o, struct outbox *ob,
			  const struct sessionlog_data *log,
			  const struct feedback *fb, struct diag *d)
{
	int last = outbox_last_line(ob);
	size_t i, before = ob->n;

	if (outbox_settle(ob, o->set, o->lrs != NULL, d) != 0)
		return -1;
	for (i = 0; i < fb->n; i++)
		if (fb->v[i].line > last)
			feedback_row(ob, log, fb, i);
	return o->lrs && ob->n > before ? outbox_save(ob, d) : 0;
}

/* A coach's feedback beside a pulled log, as statements to the LRS, in
 * the outbox feedback-<session>. */
static int one_feedback(const struct sync_opts *o, const char *path,
			json_t *own, struct sync_result *r, struct diag *d)
{
	struct sessionlog_data log;
	struct feedback fb = {0};
	struct outbox ob = {0};
	char *root = path_join(o->data_dir, "outbox"), *fp;
	struct buf name = {0};
	int rc = 0;

	(void)own;
	fp = feedback_path(path);
	if (path_isfile(fp) && sessionlog_load(&log, path, d) == 0 &&
	    valid_session(&log)) {
		buf_printf(&name, "feedback-%s", log.meta.session);
		if (feedback_load(&fb, path, d) == 0 &&
		    outbox_open(&ob, root, buf_str(&name), d) == 0 &&
		    build_feedback(o, &ob, &log, &fb, d) == 0)
			rc = deliver(o, &ob, buf_str(&name), r, d);
		outbox_free(&ob);
		feedback_free(&fb);
		sessionlog_data_free(&log);
	}
	buf_free(&name);
	free(fp);
	free(root);
	return rc;
}

/* Session logs only: not the feedback files beside them. */
static int log_name(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return n > 4 && strcmp(e->d_name + n - 4, ".csv") == 0 &&
	       (n < 13 || strcmp(e->d_name + n - 13, ".feedback.csv") != 0);
}

typedef int (*per_log)(const struct sync_opts *, const char *, json_t *,
		       struct sync_result *, struct diag *);

/* fn for every log in <data>/sub, in name order, until one fails. */
static int each_log(const struct sync_opts *o, const char *sub, per_log fn,
		    json_t *own, struct sync_result *r, struct diag *d)
{
	char *dir = path_join(o->data_dir, sub);
	struct dirent **names = NULL;
	int i, n = scandir(dir, &names, log_name, alphasort), rc = 0;

	for (i = 0; i < n; i++) {
		char *p = path_join(dir, names[i]->d_name);
		if (rc == 0 && fn(o, p, own, r, d) != 0)
			rc = -1;
		free(p);
		free(names[i]);
	}
	free(names);
	free(dir);
	return rc;
}

/* Is this item in fb already? */
static int known(const struct feedback *fb, const struct feedback_item *it)
{
	size_t i;

	for (i = 0; i < fb->n; i++)
		if (fb->v[i].step == it->step &&
		    strcmp(fb->v[i].time, it->time) == 0 &&
		    strcmp(fb->v[i].coach, it->coach) == 0 &&
		    strcmp(fb->v[i].text, it->text) == 0)
			return 1;
	return 0;
}

/* Does the LRS still give feedback on session sid by the coach of it at
 * its step (among the commented statements given)? */
static int still_given(const json_t *given, const char *sid,
		       const struct feedback_item *it)
{
	size_t i;
	int found = 0;

	for (i = 0; !found && i < json_array_size(given); i++) {
		struct feedback_item g;
		const char *gsid;
		if (xapi_feedback_item(json_array_get(given, i), &g,
				       &gsid) == 0)
			found = g.step == it->step &&
				strcmp(gsid, sid) == 0 &&
				strcmp(g.coach, it->coach) == 0;
		free(g.time);
		free(g.coach);
		free(g.text);
	}
	return found;
}

/* Does withdrawal it take away feedback in force in fb: the text of that
 * coach at that step, unless it is newer than the withdrawal? */
static int withdraws(const struct feedback *fb,
		     const struct feedback_item *it)
{
	size_t i;

	for (i = 0; i < fb->n; i++)
		if (fb->v[i].step == it->step &&
		    strcmp(fb->v[i].coach, it->coach) == 0)
			return strcmp(fb->v[i].time, it->time) <= 0;
	return 0;
}

/* One feedback statement from the LRS into the feedback file beside the
 * trainee's own log of that session: feedback given, unless the file has
 * it; the voiding of feedback as a withdrawal of the text in force here,
 * unless the LRS still gives feedback of that coach at that step (then
 * it was an edit, and the new text comes with given). */
static void take_feedback(const json_t *st, const json_t *given,
			  json_t *own, struct sync_result *r, struct diag *d)
{
	struct feedback_item it;
	struct feedback fb = {0};
	const char *sid, *log = NULL;
	int kind = xapi_feedback_item(st, &it, &sid), take = 0;

	if (kind >= 0 && it.step >= 0 && it.step <= FEEDBACK_MAX_STEP)
		log = json_string_value(json_object_get(own, sid));
	if (log && feedback_load(&fb, log, d) == 0) {
		if (kind == 0)
			take = !known(&fb, &it);
		else if (!still_given(given, sid, &it)) {
			feedback_in_force(&fb);
			take = withdraws(&fb, &it);
		}
	}
	if (take && feedback_add_at(log, it.time, it.coach, it.step, it.text,
				    d) == 0) {
		r->feedback_in += it.text[0] != '\0';
		r->feedback_gone += it.text[0] == '\0';
	}
	feedback_free(&fb);
	free(it.time);
	free(it.coach);
	free(it.text);
}

/* The statements with this verb that the LRS lets this client read, into
 * all. An LRS that does not let it read (403) has none to give. */
static enum lrs_status fetch_verb(const struct sync_opts *o, const char *verb,
				  json_t *all, struct diag *d)
{
	struct buf q = {0};
	enum lrs_status s;
	char *msg;

	lrs_query_add(&q, "verb", verb);
	lrs_query_add(&q, "limit", "500");
	s = lrs_get_all(o->lrs, buf_str(&q), all, NULL, &msg);
	if (s != LRS_OK && s != LRS_DENIED)
		diag_add(d, DIAG_WARNING, NULL, 0, "feedback uit het LRS "
			 "ophalen lukte niet: %s", msg ? msg : "");
	free(msg);
	buf_free(&q);
	return s;
}

/* The coaches' feedback on the trainee's own sessions: what is given,
 * oldest first (the LRS gives the newest first), then what was voided. */
static void fetch_feedback(const struct sync_opts *o, json_t *own,
			   struct sync_result *r, struct diag *d)
{
	json_t *given = json_array(), *voids = json_array();
	int ok = fetch_verb(o, "http://adlnet.gov/expapi/verbs/commented",
			    given, d) == LRS_OK;
	size_t i;

	for (i = ok ? json_array_size(given) : 0; i-- > 0;)
		take_feedback(json_array_get(given, i), given, own, r, d);
	if (ok && fetch_verb(o, "http://adlnet.gov/expapi/verbs/voided",
			     voids, d) == LRS_OK)
		for (i = 0; i < json_array_size(voids); i++)
			take_feedback(json_array_get(voids, i), given, own,
				      r, d);
	json_decref(given);
	json_decref(voids);
}

int sync_run(const struct sync_opts *o, struct sync_result *r,
	     struct diag *d)
{
	json_t *own = json_object();
	int rc;

	memset(r, 0, sizeof *r);
	rc = each_log(o, "sessions", one, own, r, d);
	if (rc == 0)
		rc = each_log(o, "opgehaald", one_feedback, own, r, d);
	if (rc == 0 && o->lrs && json_object_size(own) > 0)
		fetch_feedback(o, own, r, d);
	json_decref(own);
	return rc == 0 && (o->lrs == NULL || r->pending == 0) ? 0 : -1;
}

/* The statements of session sid voided, through the outbox
 * vergeet-<sid>, with the settings they were built with. */
static int void_session(const struct sync_opts *o, const char *root,
			const char *sid, struct sync_result *r,
			struct diag *d)
{
	struct outbox ob = {0}, vo = {0};
	struct buf name = {0};
	size_t i, before;
	int rc = -1;

	buf_printf(&name, "vergeet-%s", sid);
	if (outbox_open(&ob, root, sid, d) == 0 && ob.settings &&
	    outbox_open(&vo, root, buf_str(&name), d) == 0 &&
	    outbox_settle(&vo, &ob.set, 1, d) == 0) {
		before = vo.n;
		for (i = (size_t)outbox_last_line(&vo); i < ob.n; i++) {
			const char *id = json_string_value(json_object_get(
				ob.item[i].st, "id"));
			json_t *st = id ? xapi_void(sid, id, &vo.set) : NULL;
			if (st)
				outbox_add(&vo, st, (int)i + 1);
		}
		rc = vo.n > before ? outbox_save(&vo, d) : 0;
		if (rc == 0)
			rc = deliver(o, &vo, buf_str(&name), r, d);
		r->sessions++;
	}
	outbox_free(&ob);
	outbox_free(&vo);
	buf_free(&name);
	return rc;
}

static int uuid_name(const struct dirent *e)
{
	char id[XAPI_UUID_LEN];

	return xapi_statement_id(e->d_name, 0, id) == 0;
}

int sync_forget(const struct sync_opts *o, struct sync_result *r,
		struct diag *d)
{
	char *root = path_join(o->data_dir, "outbox");
	struct dirent **names = NULL;
	int i, n = scandir(root, &names, uuid_name, alphasort), rc = 0;

	memset(r, 0, sizeof *r);
	for (i = 0; i < n; i++) {
		if (rc == 0 && void_session(o, root, names[i]->d_name, r,
					    d) != 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	free(root);
	return rc == 0 && r->pending == 0 ? 0 : -1;
}

void sync_result_free(struct sync_result *r)
{
	free(r->message);
	json_decref(r->shown);
	memset(r, 0, sizeof *r);
}
