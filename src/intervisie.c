/*
 * intervisie: the replay state and its record. The path is replayed
 * through a session engine; one iv_step per visited step keeps votes,
 * the option followed, the trainee's choice and the note. Every event is
 * one CSV row appended with fsync, like a session log.
 */
#include "intervisie.h"
#include "buf.h"
#include "csvfile.h"
#include "mem.h"
#include "path.h"
#include "reflect.h"
#include "sha256.h"
#include "text.h"
#include "tstamp.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IV_FORMAT "klantcoach-intervisie"
#define IV_HEAD IV_FORMAT ",1\ngebeurtenis,tijd,stap,optie,aantal,sleutel,waarde\n"

int intervisie_winner(const int *votes, const int *idx, int n)
{
	int i, best = -1, top = 0, shared = 0;

	for (i = 0; i < n; i++) {
		int v = votes[idx[i]];
		if (v > top) {
			top = v;
			best = idx[i];
			shared = 0;
		} else if (v == top && v > 0) {
			shared = 1;
		}
	}
	return shared ? -1 : best;
}

/* Format one row onto b. */
static void format_row(struct buf *b, const char *ev, const char *step, int opt,
		       int count, const char *key, const char *value)
{
	char now[TSTAMP_ISO_LEN];

	tstamp_iso(tstamp_now(), now);
	buf_printf(b, "%s,%s,", ev, now);
	csvfile_field(b, step ? step : "");
	opt > 0 ? buf_printf(b, ",%d,", opt) : buf_add(b, ",,");
	if (count >= 0)
		buf_printf(b, "%d", count);
	buf_addc(b, ',');
	csvfile_field(b, key ? key : "");
	buf_addc(b, ',');
	csvfile_field(b, value ? value : "");
	buf_addc(b, '\n');
}

/* Format one row and make it durable. */
static int row(struct intervisie *iv, const char *ev, const char *step, int opt,
	       int count, const char *key, const char *value)
{
	struct buf b = {0};
	int rc;

	format_row(&b, ev, step, opt, count, key, value);
	rc = path_append(iv->fd, b.s, b.len, 1);
	buf_free(&b);
	return rc;
}

static int setup(struct intervisie *iv, const struct content *c, const struct scenario *sc,
		 struct diag *d)
{
	iv->c = c;
	iv->sc = sc;
	iv->persona = content_persona(c, sc->persona);
	iv->fw = content_framework(c, sc->framework);
	session_start(&iv->s, sc);
	if (iv->persona && iv->fw)
		return 0;
	diag_add(d, DIAG_ERROR, sc->file, 0, "persona of framework ontbreekt");
	return -1;
}

static int take_lock(struct intervisie *iv, const char *path, struct diag *d)
{
	return lock_take(&iv->lock, path, "Dit intervisieverslag is al open in een ander "
			 "venster", "Sluit dat eerst.", d);
}

/* Create the record; a fresh replay shows the options in an order seeded
 * by the record's id, unless fixed (a log replay keeps the log's order). */
static int create(struct intervisie *iv, const char *dir, const char *source,
		  const char *logpath, int fixed, struct diag *d)
{
	char now[TSTAMP_ISO_LEN], uuid[TSTAMP_UUID_LEN], name[160];
	const char *meta[][2] = {
		{"bron", source}, {"scenario", iv->sc->id},
		{"versie", iv->sc->version}, {"anoniem", iv->anon ? "ja" : "nee"},
		{"logboek", logpath ? logpath : ""}, {"sessie", uuid},
		{"volgorde", NULL},
	};
	struct buf head = {0};
	size_t i;
	int rc;

	if (path_mkdirs(dir) != 0 || path_unsafe_dir(dir)) {
		diag_add(d, DIAG_ERROR, dir, 0, "kan hier geen privé verslag bewaren");
		return -1;
	}
	tstamp_iso(tstamp_now(), now);
	tstamp_uuid(uuid);
	if (!iv->from_log)
		session_shuffle(&iv->s, fixed ? NULL : uuid);
	meta[6][1] = iv->s.order ? "geschud" : "vast";
	snprintf(name, sizeof name, "%.4s%.2s%.2s-%.2s%.2s%.2s-intervisie-%s-%.8s.csv", now,
		 now + 5, now + 8, now + 11, now + 14, now + 17, iv->sc->id, uuid);
	iv->path = path_join(dir, name);
	if (take_lock(iv, iv->path, d) != 0)
		return -1;
	iv->fd = path_open_append(iv->path, 1);
	/* the head and meta rows in one write: one fsync, and one of the
	 * folder */
	buf_add(&head, IV_HEAD);
	for (i = 0; i < sizeof meta / sizeof *meta; i++)
		format_row(&head, "meta", NULL, 0, -1, meta[i][0], meta[i][1]);
	rc = iv->fd >= 0 && path_append(iv->fd, head.s, head.len, 1) == 0 ? 0 : -1;
	buf_free(&head);
	if (rc == 0)
		rc = path_sync_parent(iv->path);
	if (rc != 0) {
		diag_add(d, DIAG_ERROR, iv->path, 0,
			 "kan verslag niet schrijven: %s", path_strerror(errno));
		if (iv->fd >= 0)
			unlink(iv->path);	/* no record without its start */
	}
	return rc;
}

int intervisie_begin(struct intervisie *iv, const struct content *c,
		     const struct scenario *sc, int fixed, const char *dir,
		     struct diag *d)
{
	memset(iv, 0, sizeof *iv);
	iv->fd = -1;
	if (setup(iv, c, sc, d) != 0 || content_keep(c, sc, d) != 0)
		return -1;
	return create(iv, dir, sc->id, NULL, fixed, d);
}

/* The one-way reference an anonymous record keeps to its log: "sha256:"
 * and the hash of the log's session id. */
static void log_hash(const char *session, char out[IV_LOGHASH_LEN])
{
	char hex[SHA256_HEX_LEN];

	session = session ? session : "";
	sha256_hex(session, strlen(session), hex);
	snprintf(out, IV_LOGHASH_LEN, "sha256:%s", hex);
}

/* The trainee's path and name from a session log. */
static int load_log(struct intervisie *iv, const struct content *c, const char *logpath,
		    struct diag *d)
{
	struct sessionlog_data data;
	const struct scenario *sc;
	struct session s;
	int rc = -1;

	if (sessionlog_load(&data, logpath, d) == 0) {
		sc = content_version(c, data.meta.scenario, data.meta.version,
				     logpath, d);
		if (sc && setup(iv, c, sc, d) == 0 &&
		    sessionlog_replay(&data, sc, &s, d) == 0) {
			iv->s.order = s.order;	/* the options as the trainee saw them */
			iv->tpath = mem_calloc(s.npath + 1, sizeof *iv->tpath);
			memcpy(iv->tpath, s.path, s.npath * sizeof *s.path);
			iv->ntpath = s.npath;
			session_free(&s);
			iv->realname = mem_strdup(data.meta.trainee ? data.meta.trainee : "");
			log_hash(data.meta.session, iv->loghash);
			iv->trainee = mem_strdup(iv->anon ? "de cursist" : iv->realname);
			iv->from_log = 1;
			rc = 0;
		}
	}
	sessionlog_data_free(&data);
	return rc;
}

int intervisie_begin_log(struct intervisie *iv, const struct content *c,
			 const char *logpath, int anon, const char *dir,
			 struct diag *d)
{
	const char *base = strrchr(logpath, '/');
	char *id;
	int rc;

	memset(iv, 0, sizeof *iv);
	iv->fd = -1;
	iv->anon = anon;
	if (load_log(iv, c, logpath, d) != 0)
		return -1;
	id = mem_strdup(anon ? "logboek" : base ? base + 1 : logpath);
	id[strcspn(id, ".")] = '\0';
	rc = create(iv, dir, id, anon ? iv->loghash : logpath, 0, d);
	free(id);
	return rc;
}

struct iv_step *intervisie_current(struct intervisie *iv)
{
	int i;

	if (iv->nst && iv->st[iv->nst - 1].step == iv->s.step && iv->st[iv->nst - 1].followed < 0)
		return &iv->st[iv->nst - 1];
	MEM_GROW(iv->st, iv->capst, iv->nst + 1);
	memset(&iv->st[iv->nst], 0, sizeof *iv->st);
	iv->st[iv->nst].step = iv->s.step;
	iv->st[iv->nst].flags = iv->s.flags;
	iv->st[iv->nst].followed = -1;
	iv->st[iv->nst].trainee = -1;
	for (i = 0; i < SCENARIO_MAX_OPTS; i++)
		iv->st[iv->nst].votes[i] = -1;
	if (iv->from_log && iv->s.npath < iv->ntpath) {
		iv->st[iv->nst].trainee = iv->tpath[iv->s.npath].opt;
		iv->st[iv->nst].think_ms = iv->tpath[iv->s.npath].think_ms;
	}
	return &iv->st[iv->nst++];
}

int intervisie_vote(struct intervisie *iv, const int votes[SCENARIO_MAX_OPTS])
{
	struct iv_step *cur = intervisie_current(iv);
	const struct sc_step *st = &iv->sc->steps[cur->step];
	int i;

	for (i = 0; i < st->nopt; i++) {
		cur->votes[i] = votes[i];
		if (votes[i] >= 0 && row(iv, "stem", st->id, st->opt[i].num, votes[i], NULL, NULL) != 0)
			return -1;
	}
	return 0;
}

int intervisie_next(const struct intervisie *iv)
{
	const struct iv_step *cur = iv->nst ? &iv->st[iv->nst - 1] : NULL;
	int idx[SCENARIO_MAX_OPTS], n = session_offered(&iv->s, idx);

	if (cur == NULL || cur->step != iv->s.step)
		return -1;
	if (iv->from_log)
		return cur->trainee;
	return intervisie_winner(cur->votes, idx, n);
}

int intervisie_follow(struct intervisie *iv, int opt)
{
	struct iv_step *cur = intervisie_current(iv);
	const struct sc_step *st = &iv->sc->steps[cur->step];

	if (session_choose(&iv->s, opt, 0) != 0)
		return -1;
	cur->followed = opt;
	return row(iv, "volg", st->id, st->opt[opt].num, -1, NULL, NULL);
}

int intervisie_note(struct intervisie *iv, const char *text)
{
	struct iv_step *last = iv->nst ? &iv->st[iv->nst - 1] : NULL;

	if (last == NULL || *text == '\0')
		return 0;
	free(last->note);
	last->note = iv->anon && iv->realname
		? text_hide_name(text, iv->realname, "de cursist")
		: mem_strdup(text);
	return row(iv, "notitie", iv->sc->steps[last->step].id, 0, -1, NULL,
		   last->note);
}

int intervisie_finish(struct intervisie *iv)
{
	if (!session_finished(&iv->s) || iv->ended)
		return 0;
	if (row(iv, "einde", NULL, 0, -1, "einde",
		iv->sc->ends[iv->s.end].id) != 0)
		return -1;
	iv->ended = 1;
	return 0;
}

int intervisie_offered(const struct intervisie *iv, const struct iv_step *s,
		       int *idx)
{
	struct session at = iv->s;	/* read only: the step as it was */

	at.step = s->step;
	at.flags = s->flags;
	return session_offered(&at, idx);
}

/* Add the evidence of option o to net (ncomps rows of 4 levels). */
static void add_evidence(const struct intervisie *iv, const struct sc_option *o, int *net)
{
	size_t e;

	for (e = 0; e < o->nev; e++) {
		int ix = framework_ind(iv->fw, o->ev[e].ind);
		if (ix >= 0)
			net[iv->fw->inds[ix].comp * 4 + (size_t)iv->fw->inds[ix].level] +=
				o->ev[e].positive ? 1 : -1;
	}
}

void intervisie_levels(const struct intervisie *iv, int *group, int *trainee, int *expert)
{
	size_t nc = iv->fw->ncomps, i;
	int *net = mem_calloc(3 * nc * 4, sizeof *net), *out[3] = {group, trainee, expert};
	int who;

	for (i = 0; i < iv->nst; i++) {
		const struct iv_step *s = &iv->st[i];
		const struct sc_step *st = &iv->sc->steps[s->step];
		int idx[SCENARIO_MAX_OPTS], n = intervisie_offered(iv, s, idx);
		int pick[3];
		if (s->followed < 0)
			continue;
		pick[0] = intervisie_winner(s->votes, idx, n);
		pick[1] = iv->from_log ? s->trainee : s->followed;
		pick[2] = scenario_expert(iv->sc, (size_t)s->step, s->flags);
		for (who = 0; who < 3; who++)
			if (pick[who] >= 0)
				add_evidence(iv, &st->opt[pick[who]], net + (size_t)who * nc * 4);
	}
	for (who = 0; who < 3; who++)
		for (i = 0; i < nc; i++)
			out[who][i] = reflect_level(net + ((size_t)who * nc + i) * 4);
	free(net);
}

struct ivrd {
	struct intervisie *iv;
	const struct content *c;
	struct diag *d;
	const char *path;
	char *scenario, *version, *logpath, *session;
	int bad, rec;		/* rec: records seen; 1 and 2 are the headers */
	int shuffled;		/* meta volgorde = geschud */
};

/* 1 when the log at path has the session id behind hash. */
static int log_matches(const char *path, const char *hash)
{
	struct sessionlog_data data;
	struct diag quiet = {0};
	char h[IV_LOGHASH_LEN];
	int yes = 0;

	memset(&data, 0, sizeof data);
	if (sessionlog_sniff(path) &&
	    sessionlog_load(&data, path, &quiet) == 0) {
		log_hash(data.meta.session, h);
		yes = strcmp(h, hash) == 0;
	}
	sessionlog_data_free(&data);
	diag_free(&quiet);
	return yes;
}

/* An anonymous record names its log by hash only: look for it among the
 * logs in the "sessions" folder beside the record's folder. */
static int find_log(struct ivrd *r)
{
	char *dir = mem_strdup(r->path), *slash = strrchr(dir, '/'), *here, *p;
	DIR *dp;
	struct dirent *e;
	int rc = -1;

	slash ? (void)(slash[1] = '\0') : (void)(*dir = '\0');
	here = path_join(*dir ? dir : ".", "../sessions");
	free(dir);
	dp = opendir(here);
	while (dp && rc != 0 && (e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		p = path_join(here, e->d_name);
		if (log_matches(p, r->logpath))
			rc = load_log(r->iv, r->c, p, r->d);
		free(p);
	}
	if (dp)
		closedir(dp);
	if (rc != 0)
		diag_add(r->d, DIAG_ERROR, r->path, 0, "het logboek van deze "
			 "anonieme intervisie staat niet in %s", here);
	free(here);
	return rc;
}

/* Set up from the meta rows once the first event after them arrives. */
static int ready(struct ivrd *r)
{
	struct intervisie *iv = r->iv;
	const struct scenario *sc;

	if (iv->sc)
		return 0;
	if (r->logpath && strncmp(r->logpath, "sha256:", 7) == 0)
		return find_log(r);
	if (r->logpath && *r->logpath)
		return load_log(iv, r->c, r->logpath, r->d);
	if (r->scenario == NULL || r->version == NULL) {
		diag_add(r->d, DIAG_ERROR, r->path, 0,
			 "scenario of versie ontbreekt");
		return -1;
	}
	sc = content_version(r->c, r->scenario, r->version, r->path, r->d);
	if (sc == NULL || setup(iv, r->c, sc, r->d) != 0)
		return -1;
	session_shuffle(&iv->s, r->shuffled ? r->session : NULL);
	return 0;
}

static int apply(struct ivrd *r, char **f)
{
	struct intervisie *iv = r->iv;
	struct iv_step *cur;
	int o;

	if (strcmp(f[0], "einde") == 0) {
		iv->ended = 1;
		return 0;
	}
	if (strcmp(f[0], "notitie") == 0) {
		if (iv->nst) {
			free(iv->st[iv->nst - 1].note);
			iv->st[iv->nst - 1].note = mem_strdup(f[6]);
		}
		return 0;
	}
	if (iv->s.step < 0 || strcmp(iv->sc->steps[iv->s.step].id, f[2]) != 0 ||
	    (o = scenario_option(&iv->sc->steps[iv->s.step], atoi(f[3]))) < 0)
		return -1;
	cur = intervisie_current(iv);
	if (strcmp(f[0], "stem") == 0)
		cur->votes[o] = atoi(f[4]);
	else if (strcmp(f[0], "volg") == 0 && session_choose(&iv->s, o, 0) == 0)
		cur->followed = o;
	else
		return -1;
	return 0;
}

/* 1 when s is a whole number in [lo, hi]. */
static int in_range(const char *s, long lo, long hi)
{
	char *end;
	long v = strtol(s, &end, 10);

	return end != s && *end == '\0' && v >= lo && v <= hi;
}

/* The option and vote count of a stem or volg row are in range. */
static int check_numbers(struct ivrd *r, int line, char **f)
{
	int stem = strcmp(f[0], "stem") == 0;

	if ((stem || strcmp(f[0], "volg") == 0) &&
	    !in_range(f[3], 1, SCENARIO_MAX_OPTS))
		diag_add(r->d, DIAG_ERROR, r->path, line,
			 "optie '%s' is geen getal van 1 tot en met %d",
			 f[3], SCENARIO_MAX_OPTS);
	else if (stem && !in_range(f[4], 0, INTERVISIE_MAX_VOTES))
		diag_add(r->d, DIAG_ERROR, r->path, line,
			 "aantal stemmen '%s' is geen getal van 0 tot en "
			 "met %d", f[4], INTERVISIE_MAX_VOTES);
	else
		return 0;
	return r->bad = -1;
}

int intervisie_sniff(const char *path)
{
	return csvfile_sniff(path, IV_FORMAT);
}

static int resume_row(void *ctx, int line, char **f, size_t n)
{
	struct ivrd *r = ctx;

	if (++r->rec == 1 &&
	    (n != 2 || strcmp(f[0], IV_FORMAT) != 0)) {
		diag_add(r->d, DIAG_ERROR, r->path, line,
			 "is geen klantcoach-intervisieverslag; "
			 "de inhoud wordt niet getoond");
		return r->bad = -1;
	}
	if (r->rec <= 2)
		return 0;
	if (n != 7) {
		diag_add(r->d, DIAG_ERROR, r->path, line, "verwacht 7 velden");
		return r->bad = -1;
	}
	if (check_numbers(r, line, f) != 0)
		return -1;
	if (strcmp(f[0], "meta") == 0) {
		char **dst = strcmp(f[5], "scenario") == 0 ? &r->scenario
			   : strcmp(f[5], "logboek") == 0 ? &r->logpath
			   : strcmp(f[5], "versie") == 0 ? &r->version : NULL;
		if (dst) {	/* a repeated key: the last one counts */
			free(*dst);
			*dst = mem_strdup(f[6]);
		} else if (strcmp(f[5], "anoniem") == 0)
			r->iv->anon = strcmp(f[6], "ja") == 0;
		else if (strcmp(f[5], "sessie") == 0 && !r->session)
			r->session = mem_strdup(f[6]);
		else if (strcmp(f[5], "volgorde") == 0)
			r->shuffled = strcmp(f[6], "geschud") == 0;
		return 0;
	}
	if (ready(r) != 0 || apply(r, f) != 0) {
		diag_add(r->d, DIAG_ERROR, r->path, line, "regel past niet bij het scenario");
		return r->bad = -1;
	}
	return 0;
}

int intervisie_resume(struct intervisie *iv, const struct content *c,
		      const char *path, struct diag *d)
{
	struct ivrd r = {iv, c, d, path, NULL, NULL, NULL, NULL, 0, 0, 0};
	int rc;

	memset(iv, 0, sizeof *iv);
	iv->fd = -1;
	if (take_lock(iv, path, d) != 0)
		return -1;
	rc = csvfile_read(path, resume_row, &r, d, 1);
	if (rc == 0 && !r.bad)
		rc = ready(&r);
	if (rc == 0 && !r.bad) {
		iv->path = mem_strdup(path);
		iv->fd = path_open_append(path, 0);
		if (iv->fd < 0)
			diag_add(d, DIAG_ERROR, path, 0,
				 "kan verslag niet openen: %s",
				 path_strerror(errno));
		rc = iv->fd >= 0 ? csvfile_cut_torn(iv->fd, path, d) : -1;
	}
	free(r.scenario);
	free(r.version);
	free(r.logpath);
	free(r.session);
	return rc == 0 && !r.bad ? 0 : -1;
}

void intervisie_free(struct intervisie *iv)
{
	size_t i;

	for (i = 0; i < iv->nst; i++)
		free(iv->st[i].note);
	free(iv->st);
	free(iv->tpath);
	free(iv->trainee);
	free(iv->realname);
	free(iv->path);
	session_free(&iv->s);
	if (iv->fd >= 0)
		close(iv->fd);
	lock_release(&iv->lock);
	memset(iv, 0, sizeof *iv);
	iv->fd = -1;
}

struct desc {
	char *date, *scenario, *source;
	int steps, ended, anon, ok, rec;
};

static int desc_row(void *ctx, int line, char **f, size_t n)
{
	struct desc *s = ctx;

	(void)line;
	if (++s->rec == 1) {
		s->ok = n == 2 && strcmp(f[0], IV_FORMAT) == 0;
		return s->ok ? 0 : -1;
	}
	if (s->rec == 2 || n != 7)
		return 0;
	if (strcmp(f[0], "meta") == 0 && !s->date)
		s->date = mem_strndup(f[1], 10);
	if (strcmp(f[0], "meta") == 0 && strcmp(f[5], "scenario") == 0)
		s->scenario = mem_strdup(f[6]);
	if (strcmp(f[0], "meta") == 0 && strcmp(f[5], "bron") == 0)
		s->source = mem_strdup(f[6]);
	s->anon |= strcmp(f[0], "meta") == 0 && strcmp(f[5], "anoniem") == 0 && strcmp(f[6], "ja") == 0;
	s->steps += strcmp(f[0], "volg") == 0;
	s->ended |= strcmp(f[0], "einde") == 0;
	return 0;
}

char *intervisie_describe(const char *path, struct diag *d)
{
	struct desc s = {NULL, NULL, NULL, 0, 0, 0, 0, 0};
	struct buf b = {0};

	if (csvfile_read(path, desc_row, &s, d, 1) == 0 && s.ok)
		buf_printf(&b, "%s  %s (%s), %d stappen, %s%s", s.date ? s.date : "?",
			   s.scenario ? s.scenario : "?", s.source ? s.source : "?", s.steps,
			   s.ended ? "afgerond" : "open", s.anon ? ", anoniem" : "");
	free(s.date);
	free(s.scenario);
	free(s.source);
	return b.s ? buf_take(&b) : NULL;
}
