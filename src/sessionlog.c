/*
 * sessionlog: append-only CSV with fsync per event, and a validating
 * reader built on csvfile. Each row is formatted whole and written with a
 * single write(2), so a crash leaves at most one torn last line; a failed
 * write is cut back (path_append) and resuming cuts off a torn line.
 */
#include "sessionlog.h"
#include "buf.h"
#include "csvfile.h"
#include "mem.h"
#include "path.h"
#include "tstamp.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NFIELDS 10
static const char *const header =
	"gebeurtenis,tijd,stap,optie,denktijd_ms,gezien,gehoord,geholpen,sleutel,waarde";
static const char *const type_names[] = {
	"start", "meta", "keuze", "terug", "einde", "antwoord", "klaar",
};

const char *sessionlog_type_name(enum sessionlog_type t)
{
	return type_names[t];
}

/* Format one row at time onto b. */
static void format_row(struct buf *b, const char *time, enum sessionlog_type t,
		       const char *step, int option, long ms, const int *meters,
		       const char *key, const char *value)
{
	int i;

	buf_printf(b, "%s,%s,", type_names[t], time);
	csvfile_field(b, step ? step : "");
	if (option > 0)
		buf_printf(b, ",%d,", option);
	else
		buf_add(b, ",,");
	if (ms >= 0)
		buf_printf(b, "%ld", ms);
	for (i = 0; i < METER_N; i++)
		meters ? buf_printf(b, ",%d", meters[i]) : buf_addc(b, ',');
	buf_addc(b, ',');
	csvfile_field(b, key ? key : "");
	buf_addc(b, ',');
	csvfile_field(b, value ? value : "");
	buf_addc(b, '\n');
}

/* Format one row and make it durable. */
static int put_row(struct sessionlog *w, enum sessionlog_type t, const char *step,
		   int option, long ms, const int *meters, const char *key,
		   const char *value)
{
	char now[TSTAMP_ISO_LEN];
	struct buf b = {0};
	int rc;

	tstamp_iso(tstamp_now(), now);
	format_row(&b, now, t, step, option, ms, meters, key, value);
	rc = path_append(w->fd, b.s, b.len, !w->bulk);
	buf_free(&b);
	return rc;
}

static int open_dir(const char *dir, struct diag *d)
{
	if (path_mkdirs(dir) != 0) {
		diag_add(d, DIAG_ERROR, dir, 0, "kan map niet maken: %s",
			 path_strerror(errno));
		return -1;
	}
	if (path_unsafe_dir(dir)) {
		diag_add(d, DIAG_ERROR, dir, 0, "andere gebruikers kunnen in deze map "
			 "schrijven; logboeken blijven privé, kies een eigen map (chmod 700)");
		return -1;
	}
	return 0;
}

static void format_meta(struct buf *b, const char *time,
			const struct sessionlog_meta *m)
{
	char level[2] = {m->level, 0};
	const char *kv[][2] = {
		{"cursist", m->trainee}, {"niveau", level}, {"persona", m->persona},
		{"scenario", m->scenario}, {"versie", m->version}, {"modus", m->mode},
		{"sessie", m->session}, {"volgorde", m->order},
	};
	size_t i;

	for (i = 0; i < sizeof kv / sizeof *kv; i++)
		format_row(b, time, SL_META, NULL, 0, -1, NULL, kv[i][0],
			   kv[i][1] ? kv[i][1] : "");
}

static int take_lock(struct sessionlog *w, struct diag *d)
{
	return lock_take(&w->lock, w->path, "Deze sessie is al open in een ander venster",
			 "Sluit dat eerst.", d);
}

void sessionlog_file_name(char out[SESSIONLOG_NAME_LEN], const char *time,
			  const struct sessionlog_meta *m)
{
	snprintf(out, SESSIONLOG_NAME_LEN, "%.4s%.2s%.2s-%.2s%.2s%.2s-%s-%.8s.csv",
		 time, time + 5, time + 8, time + 11, time + 14, time + 17,
		 m->scenario, m->session);
}

void sessionlog_format(struct buf *b, const struct sessionlog_data *data)
{
	size_t i;

	buf_printf(b, "%s,%d\n%s\n", SESSIONLOG_FORMAT, SESSIONLOG_VERSION, header);
	for (i = 0; i < data->nev; i++) {
		const struct sessionlog_event *e = &data->ev[i];
		int moves = e->type == SL_CHOICE || e->type == SL_UNDO;
		int meters = moves || e->type == SL_START || e->type == SL_END;

		format_row(b, e->time, e->type, moves ? e->step : NULL,
			   moves ? e->option : 0,
			   e->type == SL_CHOICE ? e->think_ms : -1,
			   meters ? e->meters : NULL, e->key, e->value);
		if (e->type == SL_START)
			format_meta(b, e->time, &data->meta);
	}
}

int sessionlog_create(struct sessionlog *w, const char *dir,
		      const struct sessionlog_meta *m, const int meters[METER_N],
		      struct diag *d)
{
	char now[TSTAMP_ISO_LEN], name[SESSIONLOG_NAME_LEN];
	struct buf head = {0};
	int rc;

	w->fd = -1;
	w->path = NULL;
	w->bulk = 0;
	memset(&w->lock, 0, sizeof w->lock);
	if (open_dir(dir, d) != 0)
		return -1;
	tstamp_iso(tstamp_now(), now);
	sessionlog_file_name(name, now, m);
	w->path = path_join(dir, name);
	if (take_lock(w, d) != 0)
		return -1;
	w->fd = path_open_append(w->path, 1);
	if (w->fd < 0) {
		diag_add(d, DIAG_ERROR, w->path, 0,
			 "kan logboek niet maken: %s", path_strerror(errno));
		return -1;
	}
	/* header, start and meta rows in one write: one fsync, and one of
	 * the folder */
	buf_printf(&head, "%s,%d\n%s\n", SESSIONLOG_FORMAT, SESSIONLOG_VERSION, header);
	format_row(&head, now, SL_START, NULL, 0, -1, meters, NULL, NULL);
	format_meta(&head, now, m);
	rc = path_append(w->fd, head.s, head.len, 1);
	buf_free(&head);
	if (rc == 0)
		rc = path_sync_parent(w->path);
	if (rc != 0) {
		/* No session without its start rows: leave no partial log. */
		diag_add(d, DIAG_ERROR, w->path, 0,
			 "kan logboek niet schrijven: %s; er is geen sessie "
			 "begonnen", path_strerror(errno));
		close(w->fd);
		w->fd = -1;
		unlink(w->path);
	}
	return rc;
}

int sessionlog_append(struct sessionlog *w, const char *path, struct diag *d)
{
	w->path = mem_strdup(path);
	w->bulk = 0;
	memset(&w->lock, 0, sizeof w->lock);
	w->fd = path_open_append(path, 0);
	if (w->fd < 0) {
		diag_add(d, DIAG_ERROR, path, 0, "kan logboek niet openen: %s",
			 path_strerror(errno));
		return -1;
	}
	if (take_lock(w, d) != 0)
		return -1;
	/* A row torn by a full disk or a crash would merge with the next;
	 * cut under the lock, so no other window appends meanwhile. */
	if (csvfile_cut_torn(w->fd, path, d) != 0) {
		close(w->fd);
		w->fd = -1;
		lock_release(&w->lock);
		return -1;
	}
	return 0;
}

int sessionlog_move(struct sessionlog *w, enum sessionlog_type t,
		    const char *step, int option, long think_ms,
		    const int meters[METER_N], const char *shown)
{
	return put_row(w, t, step, option, t == SL_CHOICE ? think_ms : -1, meters,
		       shown ? "getoond" : NULL, shown);
}

void sessionlog_shown(const struct session *s, char *out)
{
	int idx[SCENARIO_MAX_OPTS], n = session_offered(s, idx), i;
	size_t len = 0;

	out[0] = '\0';
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, SESSIONLOG_SHOWN_LEN - len, "%s%d",
					i ? " " : "", s->sc->steps[s->step].opt[idx[i]].num);
}

const char *sessionlog_order_key(const struct sessionlog_meta *m)
{
	return m->order && strcmp(m->order, "geschud") == 0 ? m->session : NULL;
}

int sessionlog_note(struct sessionlog *w, enum sessionlog_type t,
		    const int *meters, const char *key, const char *value)
{
	return put_row(w, t, NULL, 0, -1, meters, key, value);
}

int sessionlog_stop(struct sessionlog *w)
{
	return put_row(w, SL_META, NULL, 0, -1, NULL, "status", "gestopt");
}

int sessionlog_is_stop(const struct sessionlog_event *ev)
{
	return ev->type == SL_META && strcmp(ev->key, "status") == 0 &&
	       strcmp(ev->value, "gestopt") == 0;
}

void sessionlog_close(struct sessionlog *w)
{
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
	lock_release(&w->lock);
	free(w->path);
	w->path = NULL;
}

struct rd {
	const char *path;
	struct diag *d;
	int (*fn)(void *, const struct sessionlog_event *);
	void *ctx;
	int bad;
	int rows;	/* records read so far; the first two are headers */
	int version;	/* format version from the first row */
	char time[TSTAMP_ISO_LEN];	/* the last valid time: rows share it */
};

/* A file whose headers do not match: named, never quoted (it may be a
 * private file that a link points to). */
static int bad_head(struct rd *r, int line, const char *what)
{
	diag_add(r->d, DIAG_ERROR, r->path, line, "%s", what);
	r->bad = 1;
	return -1;
}

static int bad_field(struct rd *r, int line, const char *field, const char *val,
		     const char *want)
{
	diag_add(r->d, DIAG_ERROR, r->path, line, "veld '%s': '%s' is %s", field, val, want);
	r->bad = 1;
	return -1;
}

/* An integer in [lo, hi] or empty (then def). */
static int num_field(struct rd *r, int line, const char *name, const char *v,
		     long lo, long hi, long def, long *out)
{
	char *end;

	const char *p = v;
	long n = 0;

	if (*v == '\0') {
		*out = def;
		return 0;
	}
	while (*p >= '0' && *p <= '9' && p - v < 9)	/* the usual case */
		n = n * 10 + (*p++ - '0');
	if (*p == '\0' && n >= lo && n <= hi) {
		*out = n;
		return 0;
	}
	*out = strtol(v, &end, 10);
	if (*end != '\0' || *out < lo || *out > hi) {
		char want[64];
		snprintf(want, sizeof want, "geen getal van %ld tot en met %ld", lo, hi);
		return bad_field(r, line, name, v, want);
	}
	return 0;
}

/* A version-2 choice names the options shown: distinct numbers 1-4, one
 * of them the option chosen. (A choice without it, written by hand or by
 * a tool, is replayed in the order the session's id gives.) */
static int check_shown(struct rd *r, int line, const struct sessionlog_event *ev)
{
	const char *p = ev->value;
	unsigned seen = 0;
	int n = 0;

	if (strcmp(ev->key, "getoond") != 0)
		return bad_field(r, line, "sleutel", ev->key, "niet 'getoond'");
	while (p[0] >= '1' && p[0] < '1' + SCENARIO_MAX_OPTS && n < SCENARIO_MAX_OPTS &&
	       !(seen & 1u << (p[0] - '0')) && (p[1] == ' ' || p[1] == '\0')) {
		seen |= 1u << (p[0] - '0');
		n++;
		p += p[1] ? 2 : 1;
	}
	if (*p || n == 0 || !(seen & 1u << ev->option))
		return bad_field(r, line, "waarde", ev->value,
				 "geen lijst van getoonde opties met de gekozen optie");
	return 0;
}

static int parse_event(struct rd *r, int line, char **f, struct sessionlog_event *ev)
{
	static const char *const mnames[METER_N] = {"gezien", "gehoord", "geholpen"};
	size_t t;
	long v;
	int i;

	for (t = 0; t < sizeof type_names / sizeof *type_names; t++)
		if (strcmp(f[0], type_names[t]) == 0)
			break;
	if (t == sizeof type_names / sizeof *type_names)
		return bad_field(r, line, "gebeurtenis", f[0], "onbekend");
	if (strcmp(f[1], r->time) != 0) {
		if (tstamp_parse(f[1]) < 0)
			return bad_field(r, line, "tijd", f[1],
					 "geen tijd als 2026-01-31T12:00:00Z");
		memcpy(r->time, f[1], sizeof r->time);
	}
	ev->type = (enum sessionlog_type)t;
	ev->time = f[1];
	ev->step = f[2];
	if (num_field(r, line, "optie", f[3], 1, SCENARIO_MAX_OPTS, 0, &v))
		return -1;
	ev->option = (int)v;
	if (num_field(r, line, "denktijd_ms", f[4], 0, 86400000L * 365, -1, &ev->think_ms))
		return -1;
	for (i = 0; i < METER_N; i++) {
		if (num_field(r, line, mnames[i], f[5 + i], 0, METER_MAX, -1, &v))
			return -1;
		ev->meters[i] = (int)v;
	}
	if ((ev->type == SL_CHOICE || ev->type == SL_UNDO) && (!*ev->step || !ev->option))
		return bad_field(r, line, "stap", ev->step, "leeg of zonder optie");
	ev->key = f[8];
	ev->value = f[9];
	ev->line = line;
	if (ev->type == SL_CHOICE && r->version >= 2 && *ev->key)
		return check_shown(r, line, ev);
	return 0;
}

static int read_row(void *ctx, int line, char **f, size_t n)
{
	struct rd *r = ctx;
	struct sessionlog_event ev;
	char *v[NFIELDS];
	size_t i;

	for (i = 0; i < n && i < NFIELDS; i++)
		v[i] = f[i] ? f[i] : "";
	if (++r->rows == 1) {
		if (n != 2 || strcmp(v[0], SESSIONLOG_FORMAT) != 0 ||
		    (strcmp(v[1], "1") != 0 && strcmp(v[1], "2") != 0))
			return bad_head(r, line, "is geen klantcoach-sessielog"
					" (versie 1 of 2); de inhoud wordt niet "
					"getoond");
		r->version = v[1][0] - '0';
		return 0;
	}
	if (r->rows == 2) {
		if (n != NFIELDS || strcmp(v[0], "gebeurtenis") != 0)
			return bad_head(r, line, "regel 2 is niet de kopregel "
					"gebeurtenis,tijd,...");
		return 0;
	}
	if (n != NFIELDS) {
		diag_add(r->d, DIAG_ERROR, r->path, line, "%zu velden; verwacht %d", n, NFIELDS);
		r->bad = 1;
		return -1;
	}
	if (parse_event(r, line, v, &ev) != 0)
		return -1;
	return r->fn(r->ctx, &ev);
}

int sessionlog_read(const char *path,
		    int (*fn)(void *ctx, const struct sessionlog_event *ev),
		    void *ctx, struct diag *d)
{
	struct rd r = {path, d, fn, ctx, 0, 0, 0, ""};
	int rc = csvfile_read(path, read_row, &r, d, 1);

	return r.bad ? -1 : rc;
}

int sessionlog_parse(const char *path, char *text, size_t len,
		     int (*fn)(void *ctx, const struct sessionlog_event *ev),
		     void *ctx, struct diag *d)
{
	struct rd r = {path, d, fn, ctx, 0, 0, 0, ""};
	int rc = csvfile_parse(path, text, len, read_row, &r, d, 1);

	return r.bad ? -1 : rc;
}

int sessionlog_sniff(const char *path)
{
	return csvfile_sniff(path, SESSIONLOG_FORMAT);
}

static void set_meta(struct sessionlog_meta *m, const char *key, const char *val)
{
	char **dst = NULL;

	if (strcmp(key, "cursist") == 0)
		dst = &m->trainee;
	else if (strcmp(key, "persona") == 0)
		dst = &m->persona;
	else if (strcmp(key, "scenario") == 0)
		dst = &m->scenario;
	else if (strcmp(key, "versie") == 0)
		dst = &m->version;
	else if (strcmp(key, "modus") == 0)
		dst = &m->mode;
	else if (strcmp(key, "sessie") == 0)
		dst = &m->session;
	else if (strcmp(key, "volgorde") == 0)
		dst = &m->order;
	else if (strcmp(key, "niveau") == 0)
		m->level = val[0];
	if (dst) {
		free(*dst);
		*dst = mem_strdup(val);
	}
}

void sessionlog_meta_event(struct sessionlog_meta *m,
			   const struct sessionlog_event *ev)
{
	if (ev->type == SL_META)
		set_meta(m, ev->key, ev->value);
	else if (ev->type == SL_START && m->started == NULL)
		m->started = mem_strdup(ev->time);
}

void sessionlog_meta_free(struct sessionlog_meta *m)
{
	free(m->trainee);
	free(m->persona);
	free(m->scenario);
	free(m->version);
	free(m->mode);
	free(m->session);
	free(m->order);
	free(m->started);
	memset(m, 0, sizeof *m);
}

const char *sessionlog_status(int finished, int done, int stopped)
{
	if (stopped)
		return "gestopt";
	return !finished ? "onderbroken" : done ? "afgerond" : "reflectie open";
}

static int collect(void *ctx, const struct sessionlog_event *ev)
{
	struct sessionlog_data *data = ctx;
	struct sessionlog_event *e;

	sessionlog_meta_event(&data->meta, ev);
	data->stopped |= sessionlog_is_stop(ev);
	if (ev->type == SL_META)
		return 0;
	data->finished |= ev->type == SL_END;
	data->done |= ev->type == SL_DONE;
	if (ev->type == SL_UNDO)
		data->finished = 0;
	MEM_GROW(data->ev, data->cap, data->nev + 1);
	e = &data->ev[data->nev++];
	*e = *ev;
	e->time = mem_strdup(ev->time);
	e->step = mem_strdup(ev->step);
	e->key = mem_strdup(ev->key);
	e->value = mem_strdup(ev->value);
	return 0;
}

int sessionlog_load(struct sessionlog_data *data, const char *path, struct diag *d)
{
	size_t before = diag_count(d, DIAG_ERROR);
	int rc;

	memset(data, 0, sizeof *data);
	data->path = mem_strdup(path);
	rc = sessionlog_read(path, collect, data, d);
	if (rc == 0 && (data->meta.scenario == NULL || data->meta.version == NULL ||
			data->meta.started == NULL)) {
		diag_add(d, DIAG_ERROR, path, 0, "logboek mist start- of metaregels");
		rc = -1;
	}
	return rc == 0 && diag_count(d, DIAG_ERROR) == before ? 0 : -1;
}

static int replay_move(const struct sessionlog_event *ev, struct session *s)
{
	const struct session_move *last = session_last(s);
	char shown[SESSIONLOG_SHOWN_LEN];

	if (ev->type == SL_UNDO)
		return last && strcmp(s->sc->steps[last->step].id, ev->step) == 0 &&
		       s->sc->steps[last->step].opt[last->opt].num == ev->option
		       ? session_undo(s) : -1;
	if (s->step < 0 || strcmp(s->sc->steps[s->step].id, ev->step) != 0)
		return -1;
	sessionlog_shown(s, shown);
	if (*ev->key && strcmp(ev->value, shown) != 0)
		return -1;	/* the trainee saw another order than we would show */
	return session_choose(s, scenario_option(&s->sc->steps[s->step], ev->option),
			      ev->think_ms);
}

int sessionlog_replay(const struct sessionlog_data *data,
		      const struct scenario *sc, struct session *s,
		      struct diag *d)
{
	size_t i;

	if (strcmp(data->meta.version, sc->version) != 0) {
		diag_add(d, DIAG_ERROR, data->path, 0,
			 "gespeeld op versie %s van scenario '%s', niet op "
			 "versie %s (%s)", data->meta.version, sc->id,
			 sc->version, sc->file);
		return -1;
	}
	session_start(s, sc);
	session_shuffle(s, sessionlog_order_key(&data->meta));
	for (i = 0; i < data->nev; i++) {
		const struct sessionlog_event *ev = &data->ev[i];
		if ((ev->type == SL_CHOICE || ev->type == SL_UNDO) && replay_move(ev, s) != 0) {
			diag_add(d, DIAG_ERROR, data->path, ev->line,
				 "%s bij stap '%s' optie %d past niet bij het scenario",
				 type_names[ev->type], ev->step, ev->option);
			session_free(s);
			return -1;
		}
	}
	return 0;
}

int sessionlog_answer_current(const struct sessionlog_data *data, size_t i)
{
	size_t k;

	if (i >= data->nev || data->ev[i].type != SL_ANSWER)
		return 0;
	for (k = i + 1; k < data->nev; k++)
		if (data->ev[k].type == SL_ANSWER &&
		    strcmp(data->ev[k].key, data->ev[i].key) == 0)
			return 0;
	return 1;
}

void sessionlog_data_free(struct sessionlog_data *data)
{
	size_t i;

	for (i = 0; i < data->nev; i++) {
		free(data->ev[i].time);
		free(data->ev[i].step);
		free(data->ev[i].key);
		free(data->ev[i].value);
	}
	free(data->ev);
	free(data->path);
	sessionlog_meta_free(&data->meta);
	memset(data, 0, sizeof *data);
}
