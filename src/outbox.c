/*
 * outbox: a session's statements on their way to the LRS (see outbox.h
 * for the files). The statement list is small (one per log row), so each
 * change rewrites a whole file atomically instead of appending.
 */
#include "outbox.h"
#include "buf.h"
#include "mem.h"
#include "path.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static char *file(const struct outbox *ob, const char *name)
{
	return path_join(ob->dir, name);
}

static int damaged(const struct outbox *ob, const char *name, int line,
		   const char *what, struct diag *d)
{
	char *p = file(ob, name);

	diag_add(d, DIAG_ERROR, p, line, "uitgaande statements: %s", what);
	free(p);
	return -1;
}

/* Point set at the recorded settings. -1 when they are incomplete. */
static int settings_view(struct outbox *ob)
{
	json_t *s = ob->settings;

	ob->set.homepage = json_string_value(json_object_get(s, "organisatie"));
	ob->set.base = json_string_value(json_object_get(s, "basis-iri"));
	ob->set.learner = json_string_value(json_object_get(s, "cursist-id"));
	ob->set.share_answers =
		json_is_true(json_object_get(s, "antwoorden-delen"));
	return ob->set.homepage && ob->set.base && ob->set.learner ? 0 : -1;
}

void outbox_add(struct outbox *ob, json_t *st, int line)
{
	MEM_GROW(ob->item, ob->cap, ob->n + 1);
	ob->item[ob->n].line = line;
	ob->item[ob->n++].st = st;
}

static int load_statements(struct outbox *ob, struct diag *d)
{
	char *p = file(ob, "statements.jsonl"), *text, *s, *nl;
	int line = 1, rc = 0;

	text = path_read(p, NULL);
	free(p);
	for (s = text; rc == 0 && s && *s; s = nl + 1, line++) {
		json_t *row, *st;
		if ((nl = strchr(s, '\n')) == NULL) {
			rc = damaged(ob, "statements.jsonl", line,
				     "afgebroken regel", d);
			break;
		}
		*nl = '\0';
		row = json_loads(s, 0, NULL);
		st = json_object_get(row, "statement");
		if (!json_is_object(st) ||
		    !json_is_integer(json_object_get(row, "regel")))
			rc = damaged(ob, "statements.jsonl", line,
				     "geen geldige regel", d);
		else
			outbox_add(ob, json_incref(st), (int)json_integer_value(
				json_object_get(row, "regel")));
		json_decref(row);
	}
	free(text);
	return rc;
}

static int load_sent(struct outbox *ob, struct diag *d)
{
	char *p = file(ob, "verzonden"), *text = path_read(p, NULL), *end;
	long v;

	free(p);
	if (text == NULL)
		return 0;
	v = strtol(text, &end, 10);
	free(text);
	if (end == text || v < 0 || (size_t)v > ob->n)
		return damaged(ob, "verzonden", 1, "geen geldig aantal", d);
	ob->sent = (size_t)v;
	return 0;
}

int outbox_open(struct outbox *ob, const char *root, const char *session,
		struct diag *d)
{
	char *p;

	memset(ob, 0, sizeof *ob);
	ob->dir = path_join(root, session);
	p = file(ob, "instellingen.json");
	if (path_isfile(p)) {
		ob->settings = json_load_file(p, 0, NULL);
		if (settings_view(ob) != 0) {
			free(p);
			return damaged(ob, "instellingen.json", 0,
				       "onvolledige instellingen", d);
		}
	}
	free(p);
	if (load_statements(ob, d) != 0)
		return -1;
	return load_sent(ob, d);
}

static int write_file(struct outbox *ob, const char *name, const char *text,
		      struct diag *d)
{
	char *p = file(ob, name);
	int rc = path_mkdirs(ob->dir) == 0 ?
		path_write_atomic(p, text, strlen(text)) : -1;

	if (rc != 0)
		diag_add(d, DIAG_ERROR, p, 0, "kan niet schrijven: %s",
			 strerror(errno));
	free(p);
	return rc;
}

static int save_settings(struct outbox *ob, struct diag *d)
{
	char *text = json_dumps(ob->settings, JSON_INDENT(2) | JSON_SORT_KEYS);
	struct buf b = {0};
	int rc;

	buf_printf(&b, "%s\n", text);
	free(text);
	rc = write_file(ob, "instellingen.json", buf_str(&b), d);
	buf_free(&b);
	return rc;
}

int outbox_save(struct outbox *ob, struct diag *d)
{
	struct buf b = {0};
	size_t i;
	int rc;

	for (i = 0; i < ob->n; i++) {
		json_t *row = json_pack("{s:i, s:O}", "regel", ob->item[i].line,
					"statement", ob->item[i].st);
		char *s = json_dumps(row, JSON_COMPACT | JSON_SORT_KEYS);
		buf_printf(&b, "%s\n", s);
		free(s);
		json_decref(row);
	}
	rc = write_file(ob, "statements.jsonl", buf_str(&b), d);
	buf_free(&b);
	return rc;
}

static void record(struct outbox *ob, const struct xapi_settings *set)
{
	ob->settings = json_pack("{s:s, s:s, s:s, s:b}", "organisatie",
				 set->homepage, "basis-iri", set->base,
				 "cursist-id", set->learner,
				 "antwoorden-delen", set->share_answers);
	settings_view(ob);
}

int outbox_last_line(const struct outbox *ob)
{
	return ob->n ? ob->item[ob->n - 1].line : 0;
}

int outbox_settle(struct outbox *ob, const struct xapi_settings *set,
		  int save, struct diag *d)
{
	if (ob->settings != NULL)
		return 0;
	record(ob, set);
	return save ? save_settings(ob, d) : 0;
}

static char *attachment_name(const char *sha2)
{
	struct buf b = {0};

	buf_printf(&b, "bijlage-%s", sha2);
	return buf_take(&b);
}

char *outbox_attachment(const struct outbox *ob, const char *sha2,
			size_t *n)
{
	char *name = attachment_name(sha2), *p = file(ob, name);
	char *data = path_read(p, n);

	free(p);
	free(name);
	return data;
}

/* Attach the scenario file to the start statement st, keeping its parts
 * in the outbox when save. A file that cannot be read is no attachment. */
static int attach(struct outbox *ob, json_t *st,
		  const struct sessionlog_data *log, const char *scenario,
		  int save, struct diag *d)
{
	size_t n = 0, cut[XAPI_MAX_PARTS + 1], parts, i;
	char *data = scenario ? path_read(scenario, &n) : NULL;
	int rc = 0;

	if (data == NULL)
		return 0;
	parts = xapi_attach_scenario(st, &log->meta, data, n, cut);
	for (i = 0; save && rc == 0 && i < parts; i++) {
		char *name = attachment_name(xapi_scenario_sha2(st, i));
		char *part = mem_strndup(data + cut[i], cut[i + 1] - cut[i]);
		rc = write_file(ob, name, part, d);
		free(part);
		free(name);
	}
	free(data);
	return rc;
}

int outbox_build(struct outbox *ob, const struct sessionlog_data *log,
		 const struct xapi_settings *set,
		 const struct xapi_score *score, const char *scenario,
		 int save, struct diag *d)
{
	int last = outbox_last_line(ob);
	size_t i, before = ob->n;

	if (outbox_settle(ob, set, save, d) != 0)
		return -1;
	for (i = 0; i < log->nev; i++) {
		json_t *st;
		if (log->ev[i].line <= last ||
		    !xapi_makes_statement(log, i, &ob->set))
			continue;
		if ((st = xapi_statement(log, i, &ob->set, score, d)) == NULL)
			return -1;
		if (log->ev[i].type == SL_START &&
		    attach(ob, st, log, scenario, save, d) != 0) {
			json_decref(st);
			return -1;
		}
		outbox_add(ob, st, log->ev[i].line);
	}
	return save && ob->n > before ? outbox_save(ob, d) : 0;
}

static int save_sent(struct outbox *ob, struct diag *d)
{
	char text[32];

	snprintf(text, sizeof text, "%zu\n", ob->sent);
	return write_file(ob, "verzonden", text, d);
}

int outbox_ack(struct outbox *ob, size_t n, struct diag *d)
{
	ob->sent += n;
	return save_sent(ob, d);
}

int outbox_set_aside(struct outbox *ob, const char *msg, struct diag *d)
{
	char *p = file(ob, "apart.jsonl"), *old = path_read(p, NULL), *s;
	json_t *row = json_pack("{s:i, s:s}", "regel",
				ob->item[ob->sent].line, "melding", msg);
	struct buf b = {0};
	int rc;

	free(p);
	s = json_dumps(row, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII);
	buf_printf(&b, "%s%s\n", old ? old : "", s);
	free(s);
	free(old);
	json_decref(row);
	rc = write_file(ob, "apart.jsonl", buf_str(&b), d);
	buf_free(&b);
	return rc == 0 ? outbox_ack(ob, 1, d) : -1;
}

void outbox_free(struct outbox *ob)
{
	size_t i;

	for (i = 0; i < ob->n; i++)
		json_decref(ob->item[i].st);
	free(ob->item);
	json_decref(ob->settings);
	free(ob->dir);
	memset(ob, 0, sizeof *ob);
}
