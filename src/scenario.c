/*
 * scenario: reads the INI sections [scenario], [step.ID], [step.ID.N] and
 * [end.ID] in two passes (steps and endings first, then options, so order in
 * the file is free), resolves next-references and flag names, and reports
 * every problem with its line.
 */
#include "scenario.h"
#include "buf.h"
#include "inifile.h"
#include "mem.h"
#include "path.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const scenario_meter_name[METER_N] = {"gezien", "gehoord", "geholpen"};
const char *const scenario_tone_name[3] = {"goed", "matig", "slecht"};

struct ld {
	struct scenario *sc;
	struct inifile *f;
	struct diag *d;
	int errors;
	int *sec_step, *sec_end;	/* per section: its step or ending, or -1 */
};

static void err_at(struct ld *l, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void err_at(struct ld *l, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(l->d, DIAG_ERROR, l->f->path, line, fmt, ap);
	va_end(ap);
	l->errors++;
}

/* A required, non-empty text of a section. */
static char *text_of(struct ld *l, const char *sec, const char *key)
{
	const char *v = inifile_get(l->f, sec, key);

	if (v == NULL || *v == '\0') {
		err_at(l, inifile_line(l->f, sec, key), "[%s] mist een tekst voor '%s'",
		       sec, key);
		return mem_strdup("");
	}
	return mem_strdup(v);
}

/* Who speaks a line when it is not the persona: a name, or NULL. */
static char *speaker_of(struct ld *l, const char *sec)
{
	const char *v = inifile_get(l->f, sec, "speaker");

	if (v && (*v == '\0' || strlen(v) > SCENARIO_SPEAKER_MAX ||
		  strpbrk(v, "()\":") != NULL)) {
		err_at(l, inifile_line(l->f, sec, "speaker"),
		       "[%s] speaker = '%s': verwacht een naam van hoogstens 40 tekens "
		       "zonder haakjes, aanhalingstekens of dubbele punt", sec, v);
		return NULL;
	}
	return v ? mem_strdup(v) : NULL;
}

/* An optional text: NULL when absent, an error when present but empty. */
static char *optional_text(struct ld *l, const char *sec, const char *key)
{
	return inifile_get(l->f, sec, key) ? text_of(l, sec, key) : NULL;
}

/* An integer in [lo, hi], default def when absent. */
static int int_of(struct ld *l, const char *sec, const char *key, int lo,
		  int hi, int def)
{
	const char *v = inifile_get(l->f, sec, key);
	char *end;
	long n;

	if (v == NULL)
		return def;
	n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || n < lo || n > hi) {
		err_at(l, inifile_line(l->f, sec, key),
		       "'%s' moet een getal van %d tot en met %d zijn", key, lo, hi);
		return def;
	}
	return (int)n;
}

static const char *const meta_keys[] = {
	"title", "summary", "persona", "channel", "level", "framework", "start",
	"gezien", "gehoord", "geholpen", "question1", "question2", "question3",
	"question4", "question5", "notice", "help", NULL,
};
static const char *const step_keys[] = {"situation", "client", "speaker", NULL};
static const char *const opt_keys[] = {
	"text", "response", "speaker", "next", "gezien", "gehoord", "geholpen", "evidence",
	"feedback", "sets", "needs", "expert", NULL,
};
static const char *const end_keys[] = {"tone", "summary", NULL};

static const char *const channels[] = {
	"telefoon", "balie", "chat", "e-mail", "terugbelafspraak",
};

static int word_in(const char *w, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], w) == 0)
			return (int)i;
	return -1;
}

static void load_meta(struct ld *l)
{
	struct scenario *sc = l->sc;
	const char *fw = inifile_get(l->f, "scenario", "framework"), *lv;
	char key[16];
	int i;

	if (inifile_line(l->f, "scenario", NULL) == 0) {
		err_at(l, 0, "sectie [scenario] ontbreekt");
		return;
	}
	inifile_warn_unknown(l->f, "scenario", meta_keys, l->d);
	sc->title = text_of(l, "scenario", "title");
	sc->summary = text_of(l, "scenario", "summary");
	sc->persona = text_of(l, "scenario", "persona");
	sc->channel = text_of(l, "scenario", "channel");
	sc->start = text_of(l, "scenario", "start");
	sc->framework = mem_strdup(fw && *fw ? fw : "kap2023");
	sc->notice = optional_text(l, "scenario", "notice");
	sc->help = optional_text(l, "scenario", "help");
	sc->line_notice = inifile_line(l->f, "scenario", "notice");
	sc->line_help = inifile_line(l->f, "scenario", "help");
	sc->line_persona = inifile_line(l->f, "scenario", "persona");
	sc->line_framework = inifile_line(l->f, "scenario", fw ? "framework" : NULL);
	sc->line_channel = inifile_line(l->f, "scenario", "channel");
	sc->line_start = inifile_line(l->f, "scenario", "start");
	if (*sc->channel && word_in(sc->channel, channels, sizeof channels / sizeof *channels) < 0)
		err_at(l, inifile_line(l->f, "scenario", "channel"),
		       "onbekend kanaal '%s' (telefoon, balie, chat, e-mail, terugbelafspraak)",
		       sc->channel);
	lv = inifile_get(l->f, "scenario", "level");
	if (lv && (lv[0] == 'A' || lv[0] == 'B' || lv[0] == 'C') && lv[1] == '\0')
		sc->level = lv[0];
	else
		err_at(l, inifile_line(l->f, "scenario", "level"),
		       "'level' moet A, B of C zijn");
	for (i = 0; i < METER_N; i++) {
		sc->meter0[i] = int_of(l, "scenario", scenario_meter_name[i], 0, METER_MAX, 5);
		sc->line_meter[i] = inifile_line(l->f, "scenario",
						 scenario_meter_name[i]);
	}
	sc->questions = mem_calloc(SCENARIO_MAX_QUESTIONS, sizeof *sc->questions);
	for (i = 1; i <= SCENARIO_MAX_QUESTIONS; i++) {
		const char *q;
		snprintf(key, sizeof key, "question%d", i);
		q = inifile_get(l->f, "scenario", key);
		if (q && *q)
			sc->questions[sc->nquestions++] = mem_strdup(q);
	}
}

/* The step or ending (map: l->sec_step or l->sec_end) of the section
 * named kind followed by the n bytes at id; -1 when there is none. */
static int by_section(const struct ld *l, const int *map, const char *kind,
		      const char *id, size_t n)
{
	struct buf b = {0};
	const struct inifile_section *s;

	buf_add(&b, kind);
	buf_addn(&b, id, n);
	s = inifile_section(l->f, buf_str(&b));
	buf_free(&b);
	return s ? map[s - l->f->secs] : -1;
}

static void add_step(struct ld *l, const char *sec, size_t i)
{
	struct sc_step *st = &l->sc->steps[l->sc->nsteps];

	l->sec_step[i] = (int)l->sc->nsteps++;
	memset(st, 0, sizeof *st);
	st->id = mem_strdup(sec + 5);
	st->line = inifile_line(l->f, sec, NULL);
	inifile_warn_unknown(l->f, sec, step_keys, l->d);
	st->situation = text_of(l, sec, "situation");
	st->client = text_of(l, sec, "client");
	st->speaker = speaker_of(l, sec);
}

static void add_end(struct ld *l, const char *sec, size_t i)
{
	struct sc_ending *e = &l->sc->ends[l->sc->nends];
	const char *tone = inifile_get(l->f, sec, "tone");
	int t = tone ? word_in(tone, scenario_tone_name, 3) : -1;

	l->sec_end[i] = (int)l->sc->nends++;
	e->id = mem_strdup(sec + 4);
	e->line = inifile_line(l->f, sec, NULL);
	inifile_warn_unknown(l->f, sec, end_keys, l->d);
	e->summary = text_of(l, sec, "summary");
	if (t < 0)
		err_at(l, inifile_line(l->f, sec, "tone"),
		       "[%s] 'tone' moet goed, matig of slecht zijn", sec);
	e->tone = t < 0 ? TONE_MATIG : (enum sc_tone)t;
}

static int flag_index(struct ld *l, const char *name, int line)
{
	struct scenario *sc = l->sc;
	int i;

	for (i = 0; i < sc->nflags; i++)
		if (strcmp(sc->flag[i], name) == 0)
			return i;
	if (sc->nflags == SCENARIO_MAX_FLAGS) {
		err_at(l, line, "meer dan %d verschillende vlaggen (%s)",
		       SCENARIO_MAX_FLAGS, name);
		return -1;
	}
	sc->flag[sc->nflags] = mem_strdup(name);
	return sc->nflags++;
}

static uint64_t flag_list(struct ld *l, const char *sec, const char *key,
			  uint64_t *negated)
{
	char **w;
	size_t n = text_split(inifile_get(l->f, sec, key), &w), i;
	int line = inifile_line(l->f, sec, key);
	uint64_t mask = 0;

	for (i = 0; i < n; i++) {
		int neg = negated && w[i][0] == '!';
		int k = flag_index(l, w[i] + neg, line);
		if (k < 0)
			continue;
		if (neg)
			*negated |= (uint64_t)1 << k;
		else
			mask |= (uint64_t)1 << k;
	}
	text_strv_free(w, n);
	return mask;
}

static void load_evidence(struct ld *l, const char *sec, struct sc_option *o)
{
	char **w;
	size_t n = text_split(inifile_get(l->f, sec, "evidence"), &w), i;

	o->ev = mem_calloc(n, sizeof *o->ev);
	for (i = 0; i < n; i++) {
		if ((w[i][0] != '+' && w[i][0] != '-') || w[i][1] == '\0') {
			err_at(l, inifile_line(l->f, sec, "evidence"),
			       "bewijs '%s' moet beginnen met + of -, gevolgd door een indicator",
			       w[i]);
			continue;
		}
		o->ev[o->nev].positive = w[i][0] == '+';
		o->ev[o->nev].ix = -1;
		o->ev[o->nev++].ind = mem_strdup(w[i] + 1);
	}
	text_strv_free(w, n);
}

static void resolve_next(struct ld *l, const char *sec, struct sc_option *o)
{
	size_t n = strlen(o->next);

	o->next_step = o->next_end = -1;
	if (strncmp(o->next, "end.", 4) == 0)
		o->next_end = by_section(l, l->sec_end, "", o->next, n);
	else
		o->next_step = by_section(l, l->sec_step, "step.", o->next, n);
	if (*o->next && o->next_step < 0 && o->next_end < 0)
		err_at(l, inifile_line(l->f, sec, "next"),
		       "'next' verwijst naar onbekende stap of einde '%s'", o->next);
}

static void add_option(struct ld *l, const char *sec, struct sc_step *st, int num)
{
	struct sc_option *o;
	const char *ex = inifile_get(l->f, sec, "expert");
	int i;

	if (st->nopt == SCENARIO_MAX_OPTS) {
		err_at(l, inifile_line(l->f, sec, NULL),
		       "stap '%s' heeft meer dan %d opties", st->id,
		       SCENARIO_MAX_OPTS);
		return;
	}
	o = &st->opt[st->nopt++];
	o->num = num;
	o->line = inifile_line(l->f, sec, NULL);
	o->line_ev = inifile_line(l->f, sec, "evidence");
	o->line_needs = inifile_line(l->f, sec, "needs");
	o->line_next = inifile_line(l->f, sec, "next");
	inifile_warn_unknown(l->f, sec, opt_keys, l->d);
	o->text = text_of(l, sec, "text");
	o->response = text_of(l, sec, "response");
	o->speaker = speaker_of(l, sec);
	o->feedback = text_of(l, sec, "feedback");
	o->next = text_of(l, sec, "next");
	for (i = 0; i < METER_N; i++) {
		o->effect[i] = int_of(l, sec, scenario_meter_name[i], -EFFECT_MAX, EFFECT_MAX, 0);
		o->line_effect[i] = inifile_line(l->f, sec,
						 scenario_meter_name[i]);
	}
	load_evidence(l, sec, o);
	o->sets = flag_list(l, sec, "sets", NULL);
	o->needs = flag_list(l, sec, "needs", &o->needs_not);
	if (ex && strcmp(ex, "ja") != 0 && strcmp(ex, "nee") != 0)
		err_at(l, inifile_line(l->f, sec, "expert"), "'expert' moet ja of nee zijn");
	o->expert = ex && strcmp(ex, "ja") == 0;
	resolve_next(l, sec, o);
}

/* Section "step.ID.N": returns N (1-4) and the step index, or 0. */
static int option_section(struct ld *l, const char *sec, int *step)
{
	const char *dot = strrchr(sec, '.');

	if (dot == NULL || dot == sec + 4)
		return 0;
	*step = by_section(l, l->sec_step, "step.", sec + 5,
			   (size_t)(dot - sec - 5));
	if (dot[1] >= '1' && dot[1] <= '4' && dot[2] == '\0')
		return dot[1] - '0';
	return -1;
}

/* Options in the order of their numbers, whatever the file order. */
static void sort_options(struct sc_step *st)
{
	int i, j;

	for (i = 1; i < st->nopt; i++) {
		struct sc_option t = st->opt[i];
		for (j = i; j > 0 && st->opt[j - 1].num > t.num; j--)
			st->opt[j] = st->opt[j - 1];
		st->opt[j] = t;
	}
}

static void load_options(struct ld *l)
{
	size_t i;

	for (i = 0; i < l->f->nsecs; i++) {
		const char *sec = l->f->secs[i].name;
		int step = -1, num;
		if (strncmp(sec, "step.", 5) != 0 || !strchr(sec + 5, '.'))
			continue;
		num = option_section(l, sec, &step);
		if (num < 0)
			err_at(l, l->f->secs[i].line, "optie [%s]: nummer moet "
			       "1 tot en met %d zijn", sec, SCENARIO_MAX_OPTS);
		else if (step < 0)
			err_at(l, l->f->secs[i].line, "optie [%s] hoort bij een onbekende stap", sec);
		else
			add_option(l, sec, &l->sc->steps[step], num);
	}
	for (i = 0; i < l->sc->nsteps; i++)
		sort_options(&l->sc->steps[i]);
}

static void load_sections(struct ld *l)
{
	size_t i, n = l->f->nsecs;
	struct scenario *sc = l->sc;

	sc->steps = mem_calloc(n, sizeof *sc->steps);
	sc->ends = mem_calloc(n, sizeof *sc->ends);
	l->sec_step = mem_calloc(n, sizeof *l->sec_step);
	l->sec_end = mem_calloc(n, sizeof *l->sec_end);
	for (i = 0; i < n; i++)
		l->sec_step[i] = l->sec_end[i] = -1;
	for (i = 0; i < n; i++) {
		const char *sec = l->f->secs[i].name;
		if (strcmp(sec, "scenario") == 0)
			continue;
		if (strncmp(sec, "step.", 5) == 0 && sec[5] && !strchr(sec + 5, '.'))
			add_step(l, sec, i);
		else if (strncmp(sec, "end.", 4) == 0 && sec[4] && !strchr(sec + 4, '.'))
			add_end(l, sec, i);
		else if (strncmp(sec, "step.", 5) != 0)
			err_at(l, l->f->secs[i].line,
			       "onbekende sectie [%s] (verwacht scenario, step.ID, step.ID.N of end.ID)",
			       sec);
	}
	load_options(l);
	free(l->sec_step);
	free(l->sec_end);
	sc->start_step = *sc->start ? scenario_step(sc, sc->start) : -1;
	if (*sc->start && sc->start_step < 0)
		err_at(l, inifile_line(l->f, "scenario", "start"),
		       "'start' verwijst naar onbekende stap '%s'", sc->start);
}

void scenario_hash(const char *data, size_t n, char out[SCENARIO_HASH_LEN])
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)data[i]) * 1099511628211ULL;
	snprintf(out, SCENARIO_HASH_LEN, "%016llx", (unsigned long long)h);
}

static void begin(struct scenario *sc, const char *path)
{
	const char *base = strrchr(path, '/');

	memset(sc, 0, sizeof *sc);
	base = base ? base + 1 : path;
	sc->id = mem_strndup(base, strcspn(base, "."));
	sc->file = mem_strdup(path);
	sc->start_step = -1;
}

/* The scenario in f, which was read with result rc; its version is the
 * hash of the same bytes. */
static int from_ini(struct scenario *sc, struct inifile *f, int rc,
		    struct diag *d)
{
	struct ld l = {sc, f, d, 0, NULL, NULL};
	char version[SCENARIO_HASH_LEN];

	if (rc != 0) {
		inifile_free(f);
		return -1;
	}
	scenario_hash(f->data, f->len, version);
	sc->version = mem_strdup(version);
	load_meta(&l);
	if (l.errors == 0)
		load_sections(&l);
	inifile_free(f);
	return l.errors ? -1 : 0;
}

int scenario_load(struct scenario *sc, const char *path, struct diag *d)
{
	struct inifile f;

	begin(sc, path);
	return from_ini(sc, &f, inifile_load(&f, path, d), d);
}

int scenario_parse(struct scenario *sc, const char *path, char *data,
		   size_t len, struct diag *d)
{
	struct inifile f;

	begin(sc, path);
	return from_ini(sc, &f, inifile_parse(&f, path, data, len, NULL, d), d);
}

int scenario_step(const struct scenario *sc, const char *id)
{
	size_t i;

	for (i = 0; i < sc->nsteps; i++)
		if (strcmp(sc->steps[i].id, id) == 0)
			return (int)i;
	return -1;
}

int scenario_option(const struct sc_step *st, int num)
{
	int i;

	for (i = 0; i < st->nopt; i++)
		if (st->opt[i].num == num)
			return i;
	return -1;
}

const char *scenario_speaker(const char *speaker, const char *persona)
{
	return speaker ? speaker : persona;
}

int scenario_offered(const struct sc_option *o, uint64_t flags)
{
	return (flags & o->needs) == o->needs && (flags & o->needs_not) == 0;
}

int scenario_expert(const struct scenario *sc, size_t s, uint64_t flags)
{
	const struct sc_step *st = &sc->steps[s];
	int i, best = -1;

	for (i = 0; i < st->nopt; i++)
		if (st->opt[i].expert && scenario_offered(&st->opt[i], flags) &&
		    (best < 0 || st->opt[i].num < st->opt[best].num))
			best = i;
	return best;
}

void scenario_reach(const struct scenario *sc, char *steps, char *ends)
{
	int *stack = mem_calloc(sc->nsteps + 1, sizeof *stack), top = 0, i;

	memset(steps, 0, sc->nsteps);
	memset(ends, 0, sc->nends);
	if (sc->start_step >= 0) {
		stack[top++] = sc->start_step;
		steps[sc->start_step] = 1;
	}
	while (top > 0) {
		const struct sc_step *st = &sc->steps[stack[--top]];
		for (i = 0; i < st->nopt; i++) {
			int t = st->opt[i].next_step;
			if (st->opt[i].next_end >= 0)
				ends[st->opt[i].next_end] = 1;
			if (t >= 0 && !steps[t]) {
				steps[t] = 1;
				stack[top++] = t;
			}
		}
	}
	free(stack);
}

static void free_step(struct sc_step *st)
{
	int i;
	size_t k;

	for (i = 0; i < st->nopt; i++) {
		struct sc_option *o = &st->opt[i];
		free(o->text);
		free(o->response);
		free(o->speaker);
		free(o->feedback);
		free(o->next);
		for (k = 0; k < o->nev; k++)
			free(o->ev[k].ind);
		free(o->ev);
	}
	free(st->id);
	free(st->situation);
	free(st->client);
	free(st->speaker);
}

void scenario_free(struct scenario *sc)
{
	size_t i;

	for (i = 0; i < sc->nsteps; i++)
		free_step(&sc->steps[i]);
	for (i = 0; i < sc->nends; i++) {
		free(sc->ends[i].id);
		free(sc->ends[i].summary);
	}
	for (i = 0; i < (size_t)sc->nflags; i++)
		free(sc->flag[i]);
	text_strv_free(sc->questions, sc->nquestions);
	free(sc->steps);
	free(sc->ends);
	free(sc->id);
	free(sc->file);
	free(sc->version);
	free(sc->title);
	free(sc->summary);
	free(sc->persona);
	free(sc->channel);
	free(sc->framework);
	free(sc->start);
	free(sc->notice);
	free(sc->help);
	memset(sc, 0, sizeof *sc);
}
