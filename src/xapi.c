/*
 * xapi: one xAPI statement per session-log row (see xapi.h for the
 * mapping). Activity ids: <basis-iri>/scenario/<id> for a scenario,
 * .../stap/<id> for a step, .../reflectie/<key> for a reflection
 * question; ids are percent-encoded outside the unreserved characters.
 */
#include "xapi.h"
#include "buf.h"
#include "mem.h"
#include "scenario.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uuid/uuid.h>

#define ADL "http://adlnet.gov/expapi/"
#define EXT(name) XAPI_PROFILE "/extensions/" name

/* UUID v5 of name in the namespace of session. */
static int v5(const char *session, const char *name, char out[XAPI_UUID_LEN])
{
	uuid_t ns, id;

	if (session == NULL || uuid_parse(session, ns) != 0)
		return -1;
	uuid_generate_sha1(id, ns, name, strlen(name));
	uuid_unparse_lower(id, out);
	return 0;
}

int xapi_statement_id(const char *session, int line, char out[XAPI_UUID_LEN])
{
	char name[24];

	snprintf(name, sizeof name, "%d", line);
	return v5(session, name, out);
}

/* s percent-encoded where it is not an unreserved IRI character. */
static void add_segment(struct buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c))
			buf_addc(b, (char)c);
		else
			buf_printf(b, "%%%02X", c);
	}
}

/* <base>/scenario/<scenario>[/<kind>/<id>] */
static json_t *activity_id(const struct xapi_settings *set,
			   const char *scenario, const char *kind,
			   const char *id)
{
	struct buf b = {0};
	json_t *r;
	size_t n = strlen(set->base);

	buf_addn(&b, set->base, n && set->base[n - 1] == '/' ? n - 1 : n);
	buf_add(&b, "/scenario/");
	add_segment(&b, scenario);
	if (kind) {
		buf_printf(&b, "/%s/", kind);
		add_segment(&b, id);
	}
	r = json_string(buf_str(&b));
	buf_free(&b);
	return r;
}

/* "2023-11-14T22:13:20Z" -> "2023-11-14T22:13:20.000Z": milliseconds, as
 * LRSs compare since/until as strings. */
static json_t *timestamp(const char *t)
{
	size_t n = strlen(t);
	char s[40];

	if (n < 2 || n > 30 || t[n - 1] != 'Z')
		return json_string(t);
	snprintf(s, sizeof s, "%.*s.000Z", (int)(n - 1), t);
	return json_string(s);
}

static json_t *duration(long ms)
{
	char s[48];

	if (ms < 0)
		ms = 0;
	if (ms % 1000)
		snprintf(s, sizeof s, "PT%ld.%03ldS", ms / 1000, ms % 1000);
	else
		snprintf(s, sizeof s, "PT%ldS", ms / 1000);
	return json_string(s);
}

static json_t *verb(const char *id, const char *nl, const char *en)
{
	return json_pack("{s:s, s:{s:s, s:s}}", "id", id, "display",
			 "nl-NL", nl, "en-US", en);
}

/* The log's meta, carried by every statement so a pulled log replays. */
static json_t *context(const struct sessionlog_data *log,
		       const struct xapi_settings *set)
{
	const struct sessionlog_meta *m = &log->meta;
	char level[2] = {m->level, '\0'};
	json_t *meta = json_pack("{s:s, s:s*, s:s, s:s, s:s*, s:s*, s:s}",
				 "niveau", level, "persona", m->persona,
				 "scenario", m->scenario, "versie", m->version,
				 "modus", m->mode, "volgorde", m->order,
				 "begonnen", m->started);

	return json_pack("{s:s, s:s, s:{s:[{s:o}]}, s:{s:o}}",
			 "registration", m->session,
			 "language", "nl-NL", "contextActivities", "parent",
			 "id", activity_id(set, m->scenario, NULL, NULL),
			 "extensions", EXT("sessie"), meta);
}

static json_t *meters(const int m[METER_N])
{
	json_t *o = json_object();
	int i;

	for (i = 0; i < METER_N; i++)
		json_object_set_new(o, scenario_meter_name[i],
				    json_integer(m[i]));
	return o;
}

/* The meters before event i: those of the last event before it that has
 * meters (start, choice, undo). NULL when there is none. */
static const int *meters_before(const struct sessionlog_data *log, size_t i)
{
	while (i-- > 0) {
		enum sessionlog_type t = log->ev[i].type;
		if (t == SL_START || t == SL_CHOICE || t == SL_UNDO)
			return log->ev[i].meters;
	}
	return NULL;
}

/* result.extensions: the meters after event i and their changes. */
static json_t *meter_result(const struct sessionlog_data *log, size_t i)
{
	const int *now = log->ev[i].meters, *was = meters_before(log, i);
	json_t *ext = json_pack("{s:o}", EXT("meters"), meters(now));
	int delta[METER_N], k;

	if (was) {
		for (k = 0; k < METER_N; k++)
			delta[k] = now[k] - was[k];
		json_object_set_new(ext, EXT("meterverandering"),
				    meters(delta));
	}
	return ext;
}

/* The index of the choice that undo event i takes back, or -1: choices
 * in force form a stack, and an undo pops the last. */
static long undone_choice(const struct sessionlog_data *log, size_t i)
{
	size_t j, depth = 0;

	for (j = i; j-- > 0;) {
		if (log->ev[j].type == SL_UNDO)
			depth++;
		else if (log->ev[j].type == SL_CHOICE && depth-- == 0)
			return (long)j;
	}
	return -1;
}

/* definition.choices: the option numbers in the order shown. */
static json_t *choices(const char *shown)
{
	json_t *a = json_array();
	char id[16], label[32];
	int n;

	while (shown && sscanf(shown, "%15s%n", id, &n) == 1) {
		snprintf(label, sizeof label, "optie %s", id);
		json_array_append_new(a, json_pack("{s:s, s:{s:s}}", "id",
			id, "description", "nl-NL", label));
		shown += n;
	}
	return a;
}

static json_t *interaction(const char *type, json_t *choice_list,
			   const char *name)
{
	json_t *def = json_pack("{s:s, s:s, s:{s:s}}", "type",
				ADL "activities/cmi.interaction",
				"interactionType", type, "name", "nl-NL", name);

	if (choice_list)
		json_object_set_new(def, "choices", choice_list);
	return def;
}

/* An activity of the session's scenario: kind NULL for the scenario
 * itself, else "stap" or "reflectie" and its id. */
static json_t *activity(const struct sessionlog_data *log,
			const struct xapi_settings *set, const char *kind,
			const char *id, json_t *definition)
{
	return json_pack("{s:s, s:o, s:o}", "objectType", "Activity", "id",
			 activity_id(set, log->meta.scenario, kind, id),
			 "definition", definition);
}

static json_t *choice_statement(const struct sessionlog_data *log, size_t i,
				const struct xapi_settings *set)
{
	const struct sessionlog_event *e = &log->ev[i];
	json_t *def = interaction("choice", choices(e->value), e->step);
	char opt[16];

	snprintf(opt, sizeof opt, "%d", e->option);
	return json_pack("{s:o, s:o, s:{s:s, s:o, s:o}}",
			 "verb", verb(ADL "verbs/answered", "beantwoordde",
				      "answered"),
			 "object", activity(log, set, "stap", e->step, def),
			 "result", "response", opt,
			 "duration", duration(e->think_ms),
			 "extensions", meter_result(log, i));
}

static json_t *undo_statement(const struct sessionlog_data *log, size_t i,
			      struct diag *d)
{
	long c = undone_choice(log, i);
	char id[XAPI_UUID_LEN];

	if (c < 0 ||
	    xapi_statement_id(log->meta.session, log->ev[c].line, id) != 0) {
		diag_add(d, DIAG_ERROR, log->path, log->ev[i].line,
			 "terug zonder keuze ervoor");
		return NULL;
	}
	return json_pack("{s:o, s:{s:s, s:s}, s:{s:o}}",
			 "verb", verb(XAPI_PROFILE "/verbs/undid", "nam terug",
				      "undid"),
			 "object", "objectType", "StatementRef", "id", id,
			 "result", "extensions", meter_result(log, i));
}

static json_t *scenario_object(const struct sessionlog_data *log,
			       const struct xapi_settings *set)
{
	return activity(log, set, NULL, NULL, json_pack(
		"{s:s, s:{s:s}}", "type", ADL "activities/simulation",
		"name", "nl-NL", log->meta.scenario));
}

static json_t *end_statement(const struct sessionlog_data *log, size_t i,
			     const struct xapi_settings *set,
			     const struct xapi_score *score)
{
	const struct sessionlog_event *e = &log->ev[i];
	json_t *result = json_pack("{s:b, s:{s:o, s:s}}", "completion", 1,
				   "extensions", EXT("meters"),
				   meters(e->meters), EXT("einde"),
				   e->value ? e->value : "");

	if (score && score->rated > 0) {
		json_object_set_new(result, "score", json_pack(
			"{s:f}", "scaled",
			(double)score->reached / score->rated));
		json_object_set_new(result, "success", json_boolean(
			score->reached == score->rated));
	}
	return json_pack("{s:o, s:o, s:o}", "verb",
			 verb(ADL "verbs/completed", "voltooide", "completed"),
			 "object", scenario_object(log, set), "result", result);
}

static json_t *answer_statement(const struct sessionlog_data *log, size_t i,
				const struct xapi_settings *set)
{
	const struct sessionlog_event *e = &log->ev[i];
	json_t *def = interaction("long-fill-in", NULL, e->key);

	return json_pack("{s:o, s:o, s:{s:s}}",
			 "verb", verb(ADL "verbs/answered", "beantwoordde",
				      "answered"),
			 "object", activity(log, set, "reflectie", e->key, def),
			 "result", "response", e->value ? e->value : "");
}

int xapi_makes_statement(const struct sessionlog_data *log, size_t i,
			 const struct xapi_settings *set)
{
	return log->ev[i].type != SL_ANSWER || set->share_answers;
}

/* The verb and what it is about, by the row's type. */
static json_t *body(const struct sessionlog_data *log, size_t i,
		    const struct xapi_settings *set,
		    const struct xapi_score *score, struct diag *d)
{
	switch (log->ev[i].type) {
	case SL_START:
		return json_pack("{s:o, s:o, s:{s:o}}", "verb",
				 verb(ADL "verbs/initialized", "begon",
				      "initialized"),
				 "object", scenario_object(log, set), "result",
				 "extensions", meter_result(log, i));
	case SL_CHOICE:
		return choice_statement(log, i, set);
	case SL_UNDO:
		return undo_statement(log, i, d);
	case SL_END:
		return end_statement(log, i, set, score);
	case SL_ANSWER:
		return answer_statement(log, i, set);
	case SL_DONE:
		return json_pack("{s:o, s:o}", "verb",
				 verb(ADL "verbs/terminated", "rondde af",
				      "terminated"),
				 "object", scenario_object(log, set));
	case SL_META:
		break;
	}
	return NULL;
}

json_t *xapi_statement(const struct sessionlog_data *log, size_t i,
		       const struct xapi_settings *set,
		       const struct xapi_score *score, struct diag *d)
{
	const struct sessionlog_event *e = &log->ev[i];
	char id[XAPI_UUID_LEN];
	json_t *s;

	if (!xapi_makes_statement(log, i, set))
		return NULL;
	if (xapi_statement_id(log->meta.session, e->line, id) != 0) {
		diag_add(d, DIAG_ERROR, log->path, 0,
			 "logboek heeft geen geldige sessie-id (meta sessie)");
		return NULL;
	}
	if ((s = body(log, i, set, score, d)) == NULL)
		return NULL;
	json_object_set_new(s, "id", json_string(id));
	json_object_set_new(s, "actor", json_pack(
		"{s:s, s:s*, s:{s:s, s:s}}", "objectType", "Agent",
		"name", log->meta.trainee, "account", "homePage", set->homepage,
		"name", set->learner));
	json_object_set_new(s, "timestamp", timestamp(e->time));
	json_object_set_new(s, "context", context(log, set));
	return s;
}

/* The way back: statement -> row. */

static const char *str_at(const json_t *o, const char *k1, const char *k2)
{
	const json_t *v = json_object_get(o, k1);

	return json_string_value(k2 ? json_object_get(v, k2) : v);
}

static char *dup_or_empty(const char *s)
{
	return mem_strdup(s ? s : "");
}

/* "PT1.500S" -> 1500; hours and minutes are allowed too. */
static long duration_ms(const char *s)
{
	double v, ms = 0;
	char unit;
	int n;

	if (s == NULL || strncmp(s, "PT", 2) != 0)
		return -1;
	for (s += 2; *s; s += n) {
		if (sscanf(s, "%lf%c%n", &v, &unit, &n) != 2)
			return -1;
		ms += v * (unit == 'H' ? 3600000 : unit == 'M' ? 60000 : 1000);
	}
	return (long)(ms + 0.5);
}

/* "2023-11-14T22:13:20.000Z" -> "2023-11-14T22:13:20Z" */
static char *row_time(const char *t)
{
	struct buf b = {0};

	if (t == NULL || strlen(t) < 19)
		return dup_or_empty(t);
	buf_printf(&b, "%.19sZ", t);
	return buf_take(&b);
}

static void row_meters(const json_t *st, int m[METER_N])
{
	const json_t *o = json_object_get(json_object_get(json_object_get(
		st, "result"), "extensions"), EXT("meters"));
	int i;

	for (i = 0; i < METER_N; i++) {
		json_t *v = json_object_get(o, scenario_meter_name[i]);
		m[i] = json_is_integer(v) ? (int)json_integer_value(v) : -1;
	}
}

/* The ids of definition.choices joined by spaces (the options shown). */
static char *shown(const json_t *def)
{
	const json_t *a = json_object_get(def, "choices");
	struct buf b = {0};
	size_t i;

	for (i = 0; i < json_array_size(a); i++)
		buf_printf(&b, "%s%s", i ? " " : "",
			   str_at(json_array_get(a, i), "id", NULL));
	return buf_take(&b);
}

/* Type, step, option, key and value of a row from verb and object. */
static int row_kind(const json_t *st, struct sessionlog_event *ev,
		    const char **ref)
{
	const char *v = str_at(st, "verb", "id"), *resp;
	const json_t *obj = json_object_get(st, "object");
	const json_t *def = json_object_get(obj, "definition");
	const char *itype = str_at(def, "interactionType", NULL);
	const char *name = str_at(json_object_get(def, "name"), "nl-NL", NULL);

	resp = str_at(st, "result", "response");
	if (v == NULL)
		return -1;
	if (strcmp(v, ADL "verbs/initialized") == 0)
		ev->type = SL_START;
	else if (strcmp(v, ADL "verbs/terminated") == 0)
		ev->type = SL_DONE;
	else if (strcmp(v, XAPI_PROFILE "/verbs/undid") == 0) {
		ev->type = SL_UNDO;
		*ref = str_at(obj, "id", NULL);
	} else if (strcmp(v, ADL "verbs/completed") == 0) {
		ev->type = SL_END;
		ev->key = mem_strdup("einde");
		ev->value = dup_or_empty(json_string_value(json_object_get(
			json_object_get(json_object_get(st, "result"),
					"extensions"), EXT("einde"))));
	} else if (strcmp(v, ADL "verbs/answered") == 0 && itype &&
		   strcmp(itype, "choice") == 0 && name && resp) {
		ev->type = SL_CHOICE;
		ev->step = mem_strdup(name);
		ev->option = atoi(resp);
		ev->value = shown(def);
		ev->key = mem_strdup(*ev->value ? "getoond" : "");
		ev->think_ms = duration_ms(str_at(st, "result", "duration"));
	} else if (strcmp(v, ADL "verbs/answered") == 0 && itype &&
		   strcmp(itype, "long-fill-in") == 0 && name) {
		ev->type = SL_ANSWER;
		ev->key = mem_strdup(name);
		ev->value = dup_or_empty(resp);
	} else {
		return -1;
	}
	return 0;
}

int xapi_row(const json_t *st, struct sessionlog_event *ev, const char **ref)
{
	memset(ev, 0, sizeof *ev);
	ev->think_ms = -1;
	*ref = NULL;
	if (row_kind(st, ev, ref) != 0) {
		free(ev->step);
		free(ev->key);
		free(ev->value);
		memset(ev, 0, sizeof *ev);
		return -1;
	}
	ev->time = row_time(str_at(st, "timestamp", NULL));
	row_meters(st, ev->meters);
	if (ev->step == NULL)
		ev->step = mem_strdup("");
	if (ev->key == NULL)
		ev->key = mem_strdup("");
	if (ev->value == NULL)
		ev->value = mem_strdup("");
	return 0;
}

int xapi_meta(const json_t *st, struct sessionlog_meta *m)
{
	const json_t *ctx = json_object_get(st, "context");
	const json_t *x = json_object_get(json_object_get(ctx, "extensions"),
					  EXT("sessie"));
	const char *level = str_at(x, "niveau", NULL);
	const char *session = str_at(ctx, "registration", NULL);

	memset(m, 0, sizeof *m);
	if (!json_is_object(x) || session == NULL ||
	    str_at(x, "scenario", NULL) == NULL ||
	    str_at(x, "versie", NULL) == NULL)
		return -1;
	m->trainee = dup_or_empty(str_at(st, "actor", "name"));
	m->persona = dup_or_empty(str_at(x, "persona", NULL));
	m->scenario = mem_strdup(str_at(x, "scenario", NULL));
	m->version = mem_strdup(str_at(x, "versie", NULL));
	m->mode = dup_or_empty(str_at(x, "modus", NULL));
	m->session = mem_strdup(session);
	m->order = dup_or_empty(str_at(x, "volgorde", NULL));
	m->started = dup_or_empty(str_at(x, "begonnen", NULL));
	m->level = level ? level[0] : '\0';
	return 0;
}

/* UUID v5 of session and "<kind>-<line>": a statement built from line
 * of a feedback file. */
static int feedback_id(const char *session, const char *kind, int line,
		       char out[XAPI_UUID_LEN])
{
	char name[48];

	snprintf(name, sizeof name, "%s-%d", kind, line);
	return v5(session, name, out);
}

/* The coach, with the coach's own id. */
static json_t *coach_actor(const struct feedback_item *it,
			   const struct xapi_settings *set)
{
	return json_pack("{s:s, s:s, s:{s:s, s:s}}", "objectType", "Agent",
			 "name", it->coach, "account", "homePage",
			 set->homepage, "name", set->learner);
}

json_t *xapi_feedback(const char *session, int start_line,
		      const struct feedback_item *it,
		      const struct xapi_settings *set)
{
	char id[XAPI_UUID_LEN], start[XAPI_UUID_LEN];

	if (feedback_id(session, "feedback", it->line, id) != 0 ||
	    xapi_statement_id(session, start_line, start) != 0)
		return NULL;
	return json_pack(
		"{s:s, s:o, s:o, s:{s:s, s:s}, s:{s:s, s:{s:i}},"
		" s:{s:s, s:s}, s:o}",
		"id", id, "actor", coach_actor(it, set),
		"verb", verb(ADL "verbs/commented", "gaf feedback",
			     "commented"),
		"object", "objectType", "StatementRef", "id", start,
		"result", "response", it->text, "extensions", EXT("stap"),
		it->step, "context", "registration", session, "language",
		"nl-NL", "timestamp", timestamp(it->time));
}

json_t *xapi_feedback_void(const char *session, int replaced,
			   const struct feedback_item *it,
			   const struct xapi_settings *set)
{
	char id[XAPI_UUID_LEN], target[XAPI_UUID_LEN];

	if (feedback_id(session, "intrekking", it->line, id) != 0 ||
	    feedback_id(session, "feedback", replaced, target) != 0)
		return NULL;
	return json_pack(
		"{s:s, s:o, s:o, s:{s:s, s:s}, s:{s:s, s:s, s:{s:i}}, s:o}",
		"id", id, "actor", coach_actor(it, set),
		"verb", verb(ADL "verbs/voided", "trok in", "voided"),
		"object", "objectType", "StatementRef", "id", target,
		"context", "registration", session, "language", "nl-NL",
		"extensions", EXT("stap"), it->step,
		"timestamp", timestamp(it->time));
}

int xapi_feedback_item(const json_t *st, struct feedback_item *it,
		       const char **session)
{
	const char *v = str_at(st, "verb", "id");
	int voids = v && strcmp(v, ADL "verbs/voided") == 0;
	const json_t *step = json_object_get(json_object_get(json_object_get(
		st, voids ? "context" : "result"), "extensions"), EXT("stap"));
	const char *text = voids ? "" : str_at(st, "result", "response");

	memset(it, 0, sizeof *it);
	*session = str_at(json_object_get(st, "context"), "registration",
			  NULL);
	if (v == NULL || (!voids && strcmp(v, ADL "verbs/commented") != 0) ||
	    *session == NULL || !json_is_integer(step) || text == NULL)
		return -1;
	it->time = row_time(str_at(st, "timestamp", NULL));
	it->coach = dup_or_empty(str_at(st, "actor", "name"));
	it->text = mem_strdup(text);
	it->step = (int)json_integer_value(step);
	return voids;
}

json_t *xapi_void(const char *session, const char *target,
		  const struct xapi_settings *set)
{
	char id[XAPI_UUID_LEN];
	struct buf name = {0};
	int rc;

	buf_printf(&name, "vergeet-%s", target);
	rc = v5(session, buf_str(&name), id);
	buf_free(&name);
	if (rc != 0)
		return NULL;
	return json_pack("{s:s, s:{s:s, s:{s:s, s:s}}, s:o, s:{s:s, s:s}}",
			 "id", id, "actor", "objectType", "Agent", "account",
			 "homePage", set->homepage, "name", set->learner,
			 "verb", verb(ADL "verbs/voided", "trok in", "voided"),
			 "object", "objectType", "StatementRef", "id", target);
}

/* Where the part starting at from ends: the last line start within
 * XAPI_PART bytes that a part may start with, else n. */
static size_t part_end(const char *data, size_t n, size_t from)
{
	size_t i, best = 0;

	if (n - from <= XAPI_PART)
		return n;
	for (i = from + 1; i < from + XAPI_PART; i++)
		if (data[i - 1] == '\n' && !strchr("s\r\n", data[i]))
			best = i;
	return best ? best : n;
}

size_t xapi_attach_scenario(json_t *st, const struct sessionlog_meta *m,
			    const char *data, size_t n, size_t *cut)
{
	json_t *a = json_array();
	char sha2[SHA256_HEX_LEN];
	size_t k = 0;

	cut[0] = 0;
	while (cut[k] < n && k < XAPI_MAX_PARTS) {
		size_t end = k + 1 == XAPI_MAX_PARTS ? n
			     : part_end(data, n, cut[k]);
		struct buf b = {0};
		sha256_hex(data + cut[k], end - cut[k], sha2);
		buf_printf(&b, "scenario %s, versie %s, deel %zu", m->scenario,
			   m->version, k + 1);
		json_array_append_new(a, json_pack(
			"{s:s, s:{s:s}, s:s, s:I, s:s}", "usageType",
			XAPI_SCENARIO_FILE, "display", "nl-NL", buf_str(&b),
			"contentType", "text/plain",
			"length", (json_int_t)(end - cut[k]), "sha2", sha2));
		buf_free(&b);
		cut[++k] = end;
	}
	json_object_set_new(st, "attachments", a);
	return k;
}

const char *xapi_scenario_sha2(const json_t *st, size_t i)
{
	const json_t *a = json_object_get(st, "attachments");
	size_t k;

	for (k = 0; k < json_array_size(a); k++) {
		const char *u = str_at(json_array_get(a, k), "usageType", NULL);
		if (u && strcmp(u, XAPI_SCENARIO_FILE) == 0 && i-- == 0)
			return str_at(json_array_get(a, k), "sha2", NULL);
	}
	return NULL;
}
