/*
 * review: one pass per log with sessionlog_read. The path in force is kept
 * as a small stack (choices push, undos pop) while reading; at the end of
 * the file it feeds the counters and, when possible, a replay for levels.
 */
#include "review.h"
#include "derived.h"
#include "feedback.h"
#include "mem.h"
#include "path.h"
#include "reflect.h"
#include "sessionlog.h"
#include "text.h"

#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

struct move {
	char *step;
	int option;
	size_t cnt;	/* its counter in review.cnt (once counted) */
};

struct acc {
	struct review_session s;
	struct sessionlog_meta meta;
	struct move *path;
	size_t n, cap;
	int feedback;	/* 0: its folder holds no feedback file for it */
};

/* What a scenario offers of a framework (reflect_offered), computed once
 * for all sessions played on it. */
struct review_offer {
	const struct scenario *sc;
	const struct framework *fw;
	int offer[REVIEW_MAX_COMP];
};

/* A log to read: regular when readdir says it is a regular file. */
struct found {
	const char *path;
	int regular, feedback;
};

static void set(char **dst, const char *v)
{
	free(*dst);
	*dst = mem_strdup(v);
}

static int on_event(void *ctx, const struct sessionlog_event *ev)
{
	struct acc *a = ctx;

	sessionlog_meta_event(&a->meta, ev);
	switch (ev->type) {
	case SL_META:
		a->s.stopped |= sessionlog_is_stop(ev);
		break;
	case SL_START:
		memcpy(a->s.meters, ev->meters, sizeof a->s.meters);
		break;
	case SL_CHOICE:
		MEM_GROW(a->path, a->cap, a->n + 1);
		a->path[a->n].step = mem_strdup(ev->step);
		a->path[a->n++].option = ev->option;
		a->s.think_ms += ev->think_ms > 0 ? ev->think_ms : 0;
		memcpy(a->s.meters, ev->meters, sizeof a->s.meters);
		break;
	case SL_UNDO:
		if (a->n > 0)
			free(a->path[--a->n].step);
		a->s.nundo++;
		a->s.finished = 0;
		memcpy(a->s.meters, ev->meters, sizeof a->s.meters);
		break;
	case SL_END:
		a->s.finished = 1;
		set(&a->s.ending, ev->value);
		break;
	case SL_DONE:
		a->s.done = 1;
		break;
	case SL_ANSWER:
		break;
	}
	return 0;
}

static size_t hash3(const char *a, const char *b, int n)
{
	size_t h = 1469598103934665603ULL;

	for (; *a; a++)
		h = (h ^ (unsigned char)*a) * 1099511628211ULL;
	h = (h ^ 0xff) * 1099511628211ULL;
	for (; *b; b++)
		h = (h ^ (unsigned char)*b) * 1099511628211ULL;
	return (h ^ (size_t)n) * 1099511628211ULL;
}

static void rehash(struct review *r)
{
	size_t i, ns = r->nslot ? r->nslot * 2 : 64;

	free(r->slot);
	r->slot = mem_calloc(ns, sizeof *r->slot);
	r->nslot = ns;
	for (i = 0; i < r->ncnt; i++) {
		size_t h = hash3(r->cnt[i].scenario, r->cnt[i].step, r->cnt[i].option) & (ns - 1);
		while (r->slot[h])
			h = (h + 1) & (ns - 1);
		r->slot[h] = i + 1;
	}
}

static size_t counter(struct review *r, const char *sc, const char *step,
		      int opt)
{
	size_t h;
	struct review_count *c;

	if (r->ncnt * 2 >= r->nslot)
		rehash(r);
	for (h = hash3(sc, step, opt) & (r->nslot - 1); r->slot[h]; h = (h + 1) & (r->nslot - 1)) {
		c = &r->cnt[r->slot[h] - 1];
		if (c->option == opt && strcmp(c->step, step) == 0 && strcmp(c->scenario, sc) == 0)
			return r->slot[h] - 1;
	}
	MEM_GROW(r->cnt, r->capcnt, r->ncnt + 1);
	c = &r->cnt[r->ncnt];
	c->scenario = mem_strdup(sc);
	c->step = mem_strdup(step);
	c->option = opt;
	c->count = c->expert = 0;
	r->slot[h] = ++r->ncnt;
	return r->ncnt - 1;
}

/* Levels carried over the crosswalk cw into to. */
static void derived_levels(struct acc *a, const struct session *s,
			   const struct framework *own,
			   const struct crosswalk *cw,
			   const struct framework *to, char role)
{
	struct derived dv;
	size_t i;

	derived_session(&dv, s, own, cw, to, role);
	for (i = 0; i < to->ncomps; i++) {
		a->s.shown[i] = dv.comps[i].level;
		a->s.target[i] = dv.comps[i].level < 0 ? 0 : dv.comps[i].target;
		a->s.nobs[i] = dv.comps[i].nobs;
	}
	a->s.derived = 1;
	derived_free(&dv);
}

static const int *offered(struct review *r, const struct scenario *sc,
			  const struct framework *fw)
{
	struct review_offer *o;
	size_t i;

	for (i = 0; i < r->noffers; i++)
		if (r->offers[i].sc == sc && r->offers[i].fw == fw)
			return r->offers[i].offer;
	MEM_GROW(r->offers, r->capoffers, r->noffers + 1);
	o = &r->offers[r->noffers++];
	o->sc = sc;
	o->fw = fw;
	reflect_offered(sc, fw, o->offer);
	return o->offer;
}

/* The levels of a finished session s in the review's framework, or in its
 * own framework own when none was asked for. */
static void levels(struct review *r, struct acc *a, const struct session *s,
		   const struct framework *own, char role)
{
	const struct framework *to = own;
	const struct crosswalk *cw = NULL;
	struct reflect rf;
	size_t i;

	if (own && r->framework && strcmp(r->framework, own->id) != 0) {
		to = content_framework(r->c, r->framework);
		cw = to ? content_crosswalk(r->c, own->id, to->id) : NULL;
		if (cw == NULL)
			return;
	}
	if (to == NULL || to->ncomps > REVIEW_MAX_COMP)
		return;
	a->s.fw = to;
	a->s.levels = 1;
	if (cw) {
		derived_levels(a, s, own, cw, to, role);
		return;
	}
	reflect_build_levels(&rf, s, own, role, offered(r, s->sc, own));
	for (i = 0; i < rf.ncomps; i++) {
		const struct reflect_comp *c = &rf.comps[i];
		a->s.shown[i] = c->offer == 0 ? -1 : c->shown;
		a->s.target[i] = c->mark == REFLECT_NA ? 0 : c->target;
	}
	reflect_free(&rf);
}

/* Replay the path when the scenario is here unchanged; fills the levels
 * of a finished session (an unfinished one has no reflection yet). */
static void replay(struct review *r, struct acc *a, const struct scenario *sc)
{
	struct session s;
	int same = strcmp(sc->id, a->s.scenario) == 0;	/* counted under */
	size_t i, k;

	session_start(&s, sc);
	for (i = 0; i < a->n; i++) {
		int st = s.step, o;
		if (st < 0 || strcmp(sc->steps[st].id, a->path[i].step) != 0 ||
		    (o = scenario_option(&sc->steps[st], a->path[i].option)) < 0) {
			session_free(&s);
			return;
		}
		k = same ? a->path[i].cnt : counter(r, sc->id, a->path[i].step,
						    a->path[i].option);
		r->cnt[k].expert |=
			scenario_expert(sc, (size_t)st, s.flags) == o;
		session_choose(&s, o, 0);
	}
	if (session_finished(&s))
		levels(r, a, &s, content_framework(r->c, sc->framework),
		       a->s.level ? a->s.level : sc->level);
	if (s.end >= 0)
		a->s.tone = (int)sc->ends[s.end].tone;
	session_free(&s);
}

static struct review_compstat *compstat(struct review *r, const char *scenario,
					const struct framework *fw)
{
	size_t i;

	for (i = 0; i < r->ncs; i++)
		if (strcmp(r->cs[i].scenario, scenario) == 0)
			return &r->cs[i];
	MEM_GROW(r->cs, r->capcs, r->ncs + 1);
	memset(&r->cs[r->ncs], 0, sizeof *r->cs);
	r->cs[r->ncs].scenario = mem_strdup(scenario);
	r->cs[r->ncs].fw = fw;
	return &r->cs[r->ncs++];
}

static void count_levels(struct review *r, const struct review_session *s)
{
	struct review_compstat *cs;
	size_t i;

	if (!s->levels)
		return;
	cs = compstat(r, s->scenario, s->fw);
	for (i = 0; i < s->fw->ncomps; i++)
		if (s->shown[i] >= 0 && s->target[i] > 0) {
			cs->n[i]++;
			cs->below[i] += s->shown[i] < s->target[i];
		}
}

/* The version of the scenario the session was played on; when it cannot
 * be found the session is listed without levels, with a warning. */
static const struct scenario *played_on(struct review *r, const struct acc *a,
					struct diag *d)
{
	struct diag one = {0};
	const struct scenario *sc;
	size_t i;

	if (a->meta.version == NULL)
		return NULL;
	sc = content_version(r->c, a->s.scenario, a->meta.version, a->s.path,
			     &one);
	for (i = 0; i < one.n; i++)
		diag_add(d, DIAG_WARNING, one.v[i].file, one.v[i].line,
			 "%s; getoond zonder niveaus", one.v[i].msg);
	diag_free(&one);
	return sc;
}

static void finish(struct review *r, struct acc *a, const struct review_opts *o,
		   struct diag *d)
{
	const struct scenario *sc = played_on(r, a, d);
	struct feedback fb;
	size_t i;

	for (i = 0; i < a->n && !a->s.stopped; i++) {
		a->path[i].cnt = counter(r, a->s.scenario, a->path[i].step,
					 a->path[i].option);
		r->cnt[a->path[i].cnt].count++;
	}
	a->s.nchoices = (int)a->n;
	a->s.tone = -1;
	if (sc && !a->s.stopped)
		replay(r, a, sc);
	if (a->feedback) {
		if (feedback_load_current(&fb, a->s.path, d) == 0)
			a->s.nfeedback = (int)fb.n;
		feedback_free(&fb);
	}
	count_levels(r, &a->s);
	r->nsessions++;
	if (o->on_session)
		o->on_session(o->ctx, &a->s);
	if (!o->keep)
		return;
	MEM_GROW(r->s, r->cap, r->n + 1);
	r->s[r->n++] = a->s;
	memset(&a->s, 0, sizeof a->s);
}

static void acc_free(struct acc *a)
{
	size_t i;
	struct review_session *s = &a->s;

	for (i = 0; i < a->n; i++)
		free(a->path[i].step);
	free(a->path);
	sessionlog_meta_free(&a->meta);
	free(s->path); free(s->id); free(s->trainee); free(s->persona);
	free(s->scenario); free(s->mode); free(s->started); free(s->ending);
	memset(a, 0, sizeof *a);
}

/* Move the fields a session list shows from the log's meta into s. */
static void take_meta(struct review_session *s, struct sessionlog_meta *m)
{
	s->trainee = m->trainee;
	s->persona = m->persona;
	s->scenario = m->scenario;
	s->mode = m->mode;
	s->started = m->started;
	s->level = m->level;
	m->trainee = m->persona = m->scenario = m->mode = m->started = NULL;
}

/* Whether two names are the same regardless of case and accents; b is
 * folded already. */
static int same_name(const char *a, const char *b)
{
	char *x = text_fold(a);
	int same = strcmp(x, b) == 0;

	free(x);
	return same;
}

static int wanted(struct review *r, const struct acc *a,
		  const struct review_filter *f)
{
	const char *t = a->s.trainee ? a->s.trainee : "";
	char *ft;
	size_t i;

	if (a->s.scenario == NULL || a->s.started == NULL)
		return 0;
	if (f == NULL)
		return 1;
	if ((f->scenario && strcmp(f->scenario, a->s.scenario) != 0) ||
	    (f->from && strncmp(a->s.started, f->from, 10) < 0) ||
	    (f->to && strncmp(a->s.started, f->to, 10) > 0))
		return 0;
	ft = text_fold(t);
	if (f->trainee && !same_name(f->trainee, ft)) {
		free(ft);
		return 0;
	}
	for (i = 0; i < r->ngfold && strcmp(r->gfold[i], ft) != 0; i++)
		;
	free(ft);
	if (r->ngfold == 0)
		return 1;
	if (i < r->ngfold)
		r->ingroup[i]++;
	return i < r->ngfold;
}

/* Read the log at path (regular: readdir says it is a regular file)
 * into a. */
static int read_log(struct acc *a, const char *path, int regular,
		    struct diag *d)
{
	size_t n;
	char *text = path_read_known(path, regular, &n);
	int rc = -1;

	if (text)
		rc = sessionlog_parse(path, text, n, on_event, a, d);
	else
		path_read_failed(d, DIAG_ERROR, path, PATH_MAX_CSV);
	free(text);
	return rc;
}

static void scan_file(struct review *r, const struct found *f,
		      const struct review_opts *o, struct diag *d)
{
	struct acc a;
	const char *path = f->path, *slash = strrchr(path, '/');
	size_t len;
	int rc;

	memset(&a, 0, sizeof a);
	a.feedback = f->feedback;
	a.s.path = mem_strdup(path);
	slash = slash ? slash + 1 : path;
	len = strlen(slash);
	a.s.id = mem_strndup(slash, len > 4 ? len - 4 : len);
	r->nfiles++;
	rc = read_log(&a, path, f->regular, d);
	take_meta(&a.s, &a.meta);
	if (rc != 0 || a.s.scenario == NULL) {
		if (a.s.scenario == NULL)
			diag_add(d, DIAG_WARNING, path, 0, "geen sessielogboek; overgeslagen");
		r->nskipped++;
	} else if (wanted(r, &a, o->filter)) {
		finish(r, &a, o, d);
	}
	acc_free(&a);
}

static int is_feedback(const char *name, size_t len)
{
	return len > 13 && strcmp(name + len - 13, ".feedback.csv") == 0;
}

static int cmp_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The names of the feedback files in dp, sorted (a first pass over the
 * folder, so that a log without feedback costs no look-up). */
static char **feedback_names(DIR *dp, size_t *n)
{
	struct dirent *e;
	char **v = NULL;
	size_t cap = 0;

	*n = 0;
	while ((e = readdir(dp)) != NULL)
		if (e->d_name[0] != '.' &&
		    is_feedback(e->d_name, strlen(e->d_name))) {
			MEM_GROW(v, cap, *n + 1);
			v[(*n)++] = mem_strdup(e->d_name);
		}
	if (*n)
		qsort(v, *n, sizeof *v, cmp_name);
	rewinddir(dp);
	return v;
}

/* Whether the log file name (len bytes, ending in .csv) has a feedback
 * file among fb[0..n). */
static int has_feedback(char **fb, size_t n, const char *name, size_t len)
{
	struct buf key = {0};
	const char *k;
	int found;

	if (n == 0)
		return 0;
	buf_addn(&key, name, len - 4);
	buf_add(&key, ".feedback.csv");
	k = key.s;
	found = bsearch(&k, fb, n, sizeof *fb, cmp_name) != NULL;
	buf_free(&key);
	return found;
}

/* Logs are read in directory order, one at a time, so memory does not grow
 * with the number of files; lists are sorted afterwards by review_sort.
 * Subfolders are searched too (not through symbolic links, at most
 * MAX_DEPTH deep); there only session logs are read. */
#define MAX_DEPTH 16
static void scan_dir(struct review *r, const char *dir, const struct review_opts *o,
		     struct diag *d, int depth)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	struct stat st;
	char **fb;
	size_t nfb;

	if (dp == NULL) {
		diag_add(d, DIAG_WARNING, dir, 0, "kan map niet lezen");
		return;
	}
	fb = feedback_names(dp, &nfb);
	while ((e = readdir(dp)) != NULL) {
		size_t len = strlen(e->d_name);
		char *path;
		if (e->d_name[0] == '.')
			continue;
		path = path_join(dir, e->d_name);
		if (len >= 5 && strcmp(e->d_name + len - 4, ".csv") == 0) {
			struct found f = {path, e->d_type == DT_REG,
				has_feedback(fb, nfb, e->d_name, len)};
			if (!is_feedback(e->d_name, len) &&
			    (depth == 0 || sessionlog_sniff(path)))
				scan_file(r, &f, o, d);
		} else if (depth < MAX_DEPTH && lstat(path, &st) == 0 &&
			   S_ISDIR(st.st_mode)) {
			scan_dir(r, path, o, d, depth + 1);
		}
		free(path);
		if (o->progress)
			o->progress(o->ctx, r->nfiles);
	}
	closedir(dp);
	text_strv_free(fb, nfb);
}

/* The group's names folded once, and a session counter per name. */
static void group_start(struct review *r, const struct review_filter *f)
{
	size_t i;

	if (f == NULL || f->group == NULL || f->ngroup == 0)
		return;
	r->gfold = mem_calloc(f->ngroup, sizeof *r->gfold);
	r->ingroup = mem_calloc(f->ngroup, sizeof *r->ingroup);
	for (i = 0; i < f->ngroup; i++)
		r->gfold[i] = text_fold(f->group[i]);
	r->ngfold = f->ngroup;
}

int review_scan(struct review *r, const struct content *c, char *const *paths,
		size_t npaths, const struct review_opts *o, struct diag *d)
{
	size_t i, readable = 0;

	memset(r, 0, sizeof *r);
	r->c = c;
	r->framework = o->framework;
	r->filter = o->filter;
	group_start(r, o->filter);
	for (i = 0; i < npaths; i++) {
		if (path_isdir(paths[i])) {
			scan_dir(r, paths[i], o, d, 0);
			readable++;
		} else if (path_isfile(paths[i])) {
			struct found f = {paths[i], 1, 1};
			scan_file(r, &f, o, d);
			readable++;
		} else {
			diag_add(d, DIAG_WARNING, paths[i], 0, "bestaat niet of is geen map of bestand");
		}
	}
	review_sort(r, SORT_DATE);
	return readable ? 0 : -1;
}

const char *review_status(const struct review_session *s)
{
	return sessionlog_status(s->finished, s->done, s->stopped);
}

static int cmp_str0(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static enum review_sort sort_key;

static int cmp_session(const void *x, const void *y)
{
	const struct review_session *a = x, *b = y;
	int c = 0;

	switch (sort_key) {
	case SORT_TRAINEE: c = cmp_str0(a->trainee, b->trainee); break;
	case SORT_PERSONA: c = cmp_str0(a->persona, b->persona); break;
	case SORT_SCENARIO: c = cmp_str0(a->scenario, b->scenario); break;
	case SORT_MODE: c = cmp_str0(a->mode, b->mode); break;
	case SORT_RESULT: c = a->tone - b->tone; break;
	default: break;
	}
	return c ? c : cmp_str0(b->started, a->started) ? cmp_str0(b->started, a->started)
						       : cmp_str0(a->id, b->id);
}

void review_sort(struct review *r, enum review_sort key)
{
	sort_key = key;
	if (r->n)
		qsort(r->s, r->n, sizeof *r->s, cmp_session);
}

const char *review_sort_name(enum review_sort key)
{
	static const char *const names[SORT_COUNT] = {
		"datum", "cursist", "persona", "scenario", "modus", "resultaat",
	};
	return names[key];
}

void review_query_set(struct review_query *q, const char *text)
{
	char *f = text_fold(text ? text : ""), *p = f, *end;
	size_t cap = 0;

	review_query_free(q);
	for (;;) {
		p += strspn(p, " \t");
		if (*p == '\0')
			break;
		if (*p == '"') {	/* "a phrase" is one word */
			p++;
			end = p + strcspn(p, "\"");
		} else {
			end = p + strcspn(p, " \t");
		}
		MEM_GROW(q->words, cap, q->n + 1);
		q->words[q->n++] = mem_strndup(p, (size_t)(end - p));
		p = *end ? end + 1 : end;
	}
	free(f);
}

/* The columns of s folded into one string, separated by a byte no word
 * holds, so that a word never matches across two columns. */
static char *folded_columns(const struct review_session *s)
{
	const char *col[] = {s->trainee, s->persona, s->scenario, s->mode,
			     s->started, review_status(s), s->ending, s->id};
	struct buf b = {0};
	char *f;
	size_t i;

	for (i = 0; i < sizeof col / sizeof *col; i++)
		buf_printf(&b, "%s\x1f", col[i] ? col[i] : "");
	f = text_fold(buf_str(&b));
	buf_free(&b);
	return f;
}

int review_query_match(const struct review_query *q,
		       const struct review_session *s)
{
	char *hay;
	size_t i;
	int all = 1;

	if (q->n == 0)
		return 1;
	hay = folded_columns(s);
	for (i = 0; all && i < q->n; i++)
		all = strstr(hay, q->words[i]) != NULL;
	free(hay);
	return all;
}

void review_query_free(struct review_query *q)
{
	text_strv_free(q->words, q->n);
	q->words = NULL;
	q->n = 0;
}

int review_step_total(const struct review *r, const char *scenario, const char *step)
{
	size_t i;
	int n = 0;

	for (i = 0; i < r->ncnt; i++)
		if (strcmp(r->cnt[i].scenario, scenario) == 0 && strcmp(r->cnt[i].step, step) == 0)
			n += r->cnt[i].count;
	return n;
}

void review_level_cell(struct buf *b, const struct review_session *s,
		       size_t k, int words)
{
	if (s->derived && s->shown[k] < 0)
		buf_printf(b, "te weinig (%d)", s->nobs[k]);
	else if (s->shown[k] < 0)
		buf_add(b, "-");
	else if (s->target[k] == 0)
		buf_printf(b, "%d n.v.t.", s->shown[k]);
	else
		buf_printf(b, "%d/%d%s", s->shown[k], s->target[k], !words ? ""
			   : s->shown[k] < s->target[k] ? " onder" : " ok");
	if (s->derived && s->shown[k] >= 0)
		buf_printf(b, " (%d)", s->nobs[k]);
}

void review_free(struct review *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		struct acc a = {.s = r->s[i]};
		acc_free(&a);
	}
	for (i = 0; i < r->ncnt; i++) {
		free(r->cnt[i].scenario);
		free(r->cnt[i].step);
	}
	for (i = 0; i < r->ncs; i++)
		free(r->cs[i].scenario);
	free(r->cs);
	text_strv_free(r->gfold, r->ngfold);
	free(r->ingroup);
	free(r->s);
	free(r->cnt);
	free(r->slot);
	free(r->offers);
	memset(r, 0, sizeof *r);
}

int review_group_load(const char *path, char ***names, size_t *n,
		      struct diag *d)
{
	FILE *fp = path_fopen_read(path, PATH_MAX_INI);
	char *line = NULL, *p, *end;
	size_t cap = 0, ncap = 0;
	int lineno = 0, rc = 0;

	*names = NULL;
	*n = 0;
	if (fp == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, "kan groep niet lezen: %s",
			 path_strerror(errno));
		return -1;
	}
	while (rc == 0 && getline(&line, &cap, fp) > 0) {
		lineno++;
		for (p = line + (lineno == 1 ? text_bom(line, strlen(line)) : 0);
		     *p == ' ' || *p == '\t'; p++)
			;
		for (end = p + strlen(p); end > p && strchr(" \t\r\n", end[-1]);)
			*--end = '\0';
		if (!text_valid(p, strlen(p))) {
			diag_add(d, DIAG_ERROR, path, lineno, "geen geldige UTF-8");
			rc = -1;
		} else if (*p && *p != '#') {
			MEM_GROW(*names, ncap, *n + 1);
			(*names)[(*n)++] = mem_strdup(p);
		}
	}
	free(line);
	fclose(fp);
	if (rc == 0 && *n == 0) {
		diag_add(d, DIAG_ERROR, path, 0, "geen namen in de groep");
		rc = -1;
	}
	if (rc != 0) {
		text_strv_free(*names, *n);
		*names = NULL;
		*n = 0;
	}
	return rc;
}
