/*
 * pull: statements back into session logs (see pull.h). A statement's id
 * is UUID v5 of its session and log line (xapi_statement_id), so trying
 * lines 1, 2, ... finds the line of each: that gives the log order even
 * when many rows share one second, and leaves out anything the program
 * did not build from a log row (feedback, voiding).
 */
#include "pull.h"
#include "buf.h"
#include "mem.h"
#include "path.h"
#include "versions.h"
#include "xapi.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The highest log line tried; a session's log is far shorter. */
#define MAX_LINE 100000

struct placed {
	char id[XAPI_UUID_LEN];
	const json_t *st;
	int line;
};

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct placed *)a)->id,
		      ((const struct placed *)b)->id);
}

static int by_line(const void *a, const void *b)
{
	return ((const struct placed *)a)->line -
	       ((const struct placed *)b)->line;
}

/* The statements of session sid with their log lines, in log order;
 * returns how many. */
static size_t place(const json_t *all, const char *sid, struct placed **out)
{
	struct placed *p = mem_calloc(json_array_size(all) + 1, sizeof *p);
	size_t i, n = 0, found = 0;
	int line;

	for (i = 0; i < json_array_size(all); i++) {
		const json_t *st = json_array_get(all, i);
		const char *id = json_string_value(json_object_get(st, "id"));
		const char *reg = json_string_value(json_object_get(
			json_object_get(st, "context"), "registration"));
		if (id && reg && strcmp(reg, sid) == 0 &&
		    strlen(id) + 1 == XAPI_UUID_LEN) {
			strcpy(p[n].id, id);
			p[n++].st = st;
		}
	}
	qsort(p, n, sizeof *p, by_id);
	for (line = 1; found < n && line <= MAX_LINE; line++) {
		struct placed key, *hit;
		xapi_statement_id(sid, line, key.id);
		hit = bsearch(&key, p, n, sizeof *p, by_id);
		if (hit && hit->line == 0) {
			hit->line = line;
			found++;
		}
	}
	for (i = 0; i < n; i++)	/* not built from a row: to the end, dropped */
		if (p[i].line == 0)
			p[i].line = MAX_LINE + 1;
	qsort(p, n, sizeof *p, by_line);
	*out = p;
	return found;
}

/* An undo's step and option: those of the choice it refers to. */
static void resolve_undo(struct sessionlog_data *log, const struct placed *p,
			 size_t n, size_t i, const char *ref)
{
	size_t k;

	for (k = 0; ref && k < i && k < n; k++)
		if (strcmp(p[k].id, ref) == 0 &&
		    log->ev[k].type == SL_CHOICE) {
			free(log->ev[i].step);
			log->ev[i].step = mem_strdup(log->ev[k].step);
			log->ev[i].option = log->ev[k].option;
		}
}

static void add_rows(struct sessionlog_data *log, const struct placed *p,
		     size_t n)
{
	size_t i;

	MEM_GROW(log->ev, log->cap, n);
	for (i = 0; i < n; i++) {
		struct sessionlog_event *e = &log->ev[log->nev];
		const char *ref;
		if (xapi_row(p[i].st, e, &ref) != 0)
			break;	/* rows stay aligned with p */
		e->line = p[i].line;
		log->nev++;
		if (e->type == SL_UNDO)
			resolve_undo(log, p, n, i, ref);
		log->finished = e->type == SL_END ||
				(log->finished && e->type != SL_UNDO);
		log->done |= e->type == SL_DONE;
	}
}

int pull_rebuild(const json_t *statements, struct sessionlog_data *log,
		 struct diag *d)
{
	struct placed *p = NULL;
	size_t i, n;

	memset(log, 0, sizeof *log);
	for (i = 0; i < json_array_size(statements); i++)
		if (xapi_meta(json_array_get(statements, i), &log->meta) == 0)
			break;
	if (log->meta.session == NULL) {
		diag_add(d, DIAG_ERROR, "LRS", 0, "statements zonder sessie");
		return -1;
	}
	log->path = mem_strdup(log->meta.session);
	n = place(statements, log->meta.session, &p);
	add_rows(log, p, n);
	free(p);
	if (log->nev == 0 || log->ev[0].type != SL_START) {
		diag_add(d, DIAG_ERROR, log->path, 0,
			 "het LRS heeft het begin van deze sessie niet");
		sessionlog_data_free(log);
		return -1;
	}
	return 0;
}

static int stop(struct pull_result *r, enum lrs_status s, char *msg)
{
	r->denied = s == LRS_DENIED;
	r->unreachable = s == LRS_AGAIN;
	free(r->message);
	r->message = msg;
	return -1;
}

static int wanted(const struct sessionlog_meta *m, const struct pull_filter *f)
{
	if (f == NULL)
		return 1;
	if (f->trainee && strcmp(f->trainee, m->trainee) != 0)
		return 0;
	if (f->scenario && strcmp(f->scenario, m->scenario) != 0)
		return 0;
	return f->from == NULL || strncmp(m->started, f->from,
					  strlen(f->from)) >= 0;
}

/* The registrations of the wanted sessions into regs (an array). */
static int find_sessions(const struct pull_opts *o, json_t *regs,
			 struct pull_result *r)
{
	json_t *all = json_array(), *seen = json_object();
	struct buf q = {0};
	enum lrs_status s;
	char *msg;
	size_t i;

	lrs_query_add(&q, "verb", "http://adlnet.gov/expapi/verbs/initialized");
	if (o->filter && o->filter->from) {
		/* stored is never before the start: a safe first cut */
		char since[40];
		snprintf(since, sizeof since, "%.10sT00:00:00.000Z",
			 o->filter->from);
		lrs_query_add(&q, "since", since);
	}
	lrs_query_add(&q, "limit", "500");
	s = lrs_get_all(o->lrs, buf_str(&q), all, NULL, &msg);
	for (i = 0; s == LRS_OK && i < json_array_size(all); i++) {
		struct sessionlog_meta m = {0};
		struct sessionlog_data tmp = {0};
		if (xapi_meta(json_array_get(all, i), &m) != 0)
			continue;
		if (wanted(&m, o->filter) &&
		    json_object_get(seen, m.session) == NULL) {
			json_object_set_new(seen, m.session, json_true());
			json_array_append_new(regs, json_string(m.session));
		}
		tmp.meta = m;
		sessionlog_data_free(&tmp);
	}
	json_decref(all);
	json_decref(seen);
	buf_free(&q);
	return s == LRS_OK ? 0 : stop(r, s, msg);
}

/* Write text to dir/name unless it is there already. 1 written, 0 the
 * same, -1 an error. */
static int save(const char *dir, const char *name, const struct buf *text,
		struct diag *d)
{
	char *p = path_join(dir, name), *old = path_read(p, NULL);
	int rc = 0;

	if (old == NULL || strcmp(old, buf_str(text)) != 0) {
		rc = path_write_atomic(p, buf_str(text), text->len) == 0 ? 1 : -1;
		if (rc < 0)
			diag_add(d, DIAG_ERROR, p, 0, "kan niet schrijven: %s",
				 path_strerror(errno));
	}
	free(old);
	free(p);
	return rc;
}

/* The scenario file attached to st, its parts joined after each is
 * checked against its sha2; -1 when one is missing or damaged. */
static int joined(const json_t *st, const json_t *files, struct buf *out)
{
	char sha2[SHA256_HEX_LEN];
	const char *want;
	size_t i;

	for (i = 0; (want = xapi_scenario_sha2(st, i)) != NULL; i++) {
		const json_t *f = json_object_get(files, want);
		if (json_string_value(f) == NULL)
			return -1;
		sha256_hex(json_string_value(f), json_string_length(f), sha2);
		if (strcmp(sha2, want) != 0)
			return -1;
		buf_addn(out, json_string_value(f), json_string_length(f));
	}
	return i > 0 ? 0 : -1;
}

/* Keep the scenario version attached to the session's start. */
static void keep_version(const struct pull_opts *o, const json_t *all,
			 const json_t *files, const struct sessionlog_data *log,
			 struct diag *d)
{
	size_t i;

	for (i = 0; o->versions && i < json_array_size(all); i++) {
		struct buf b = {0};
		if (joined(json_array_get(all, i), files, &b) == 0)
			versions_keep_data(o->versions, log->meta.scenario,
					   log->meta.version, b.s, b.len, d);
		buf_free(&b);
	}
}

/* Fetch, rebuild and save one session. */
static int one(const struct pull_opts *o, const char *reg,
	       struct pull_result *r, struct diag *d)
{
	json_t *all = json_array(), *files = json_object();
	struct sessionlog_data log;
	char name[SESSIONLOG_NAME_LEN], *msg;
	struct buf q = {0}, text = {0};
	enum lrs_status s;
	int rc = 0;

	lrs_query_add(&q, "registration", reg);
	lrs_query_add(&q, "attachments", "true");
	lrs_query_add(&q, "limit", "500");
	s = lrs_get_all(o->lrs, buf_str(&q), all, files, &msg);
	if (s != LRS_OK)
		rc = stop(r, s, msg);
	else if (pull_rebuild(all, &log, d) == 0) {
		keep_version(o, all, files, &log, d);
		sessionlog_format(&text, &log);
		sessionlog_file_name(name, log.meta.started, &log.meta);
		rc = save(o->dir, name, &text, d);
		r->written += rc > 0;
		if (o->progress)
			fprintf(o->progress, "%s: %zu regels%s\n", name,
				log.nev, rc > 0 ? "" : " (ongewijzigd)");
		sessionlog_data_free(&log);
		rc = rc < 0 ? -1 : 0;
	}
	json_decref(all);
	json_decref(files);
	buf_free(&q);
	buf_free(&text);
	return rc;
}

int pull_run(const struct pull_opts *o, struct pull_result *r,
	     struct diag *d)
{
	json_t *regs = json_array();
	size_t i;
	int rc;

	memset(r, 0, sizeof *r);
	if (path_mkdirs(o->dir) != 0) {
		diag_add(d, DIAG_ERROR, o->dir, 0, "kan map niet maken: %s",
			 path_strerror(errno));
		json_decref(regs);
		return -1;
	}
	rc = find_sessions(o, regs, r);
	for (i = 0; rc == 0 && i < json_array_size(regs); i++) {
		r->sessions++;
		rc = one(o, json_string_value(json_array_get(regs, i)), r, d);
	}
	json_decref(regs);
	return rc;
}

void pull_result_free(struct pull_result *r)
{
	free(r->message);
	memset(r, 0, sizeof *r);
}
