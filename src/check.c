/*
 * check: graph and reference rules. All walks are over step indices with
 * small arrays; flags are 64-bit masks, so the "needed before set" rule is
 * a forward data-flow to a fixpoint: in[s] holds every flag some path may
 * have set on arrival at step s.
 */
#include "check.h"
#include "buf.h"
#include "mem.h"
#include "reflect.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ck {
	const struct content *c;
	const struct scenario *sc;
	struct diag *d;
	int errors;
};

static void ck_err(struct ck *k, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void ck_warn(struct ck *k, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void ck_err(struct ck *k, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(k->d, DIAG_ERROR, k->sc->file, line, fmt, ap);
	va_end(ap);
	k->errors++;
}

static void ck_warn(struct ck *k, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(k->d, DIAG_WARNING, k->sc->file, line, fmt, ap);
	va_end(ap);
}

static void check_refs(struct ck *k)
{
	const struct scenario *sc = k->sc;
	const struct persona *p = content_persona(k->c, sc->persona);
	const struct framework *fw = content_framework(k->c, sc->framework);
	size_t s, e;
	int i;

	if (p == NULL)
		ck_err(k, sc->line_persona, "onbekende persona '%s'", sc->persona);
	else if (!persona_has_channel(p, sc->channel))
		ck_warn(k, sc->line_channel, "kanaal '%s' hoort niet bij persona %s",
			sc->channel, p->name);
	if (fw == NULL) {
		ck_err(k, sc->line_framework, "onbekend framework '%s'", sc->framework);
		return;
	}
	for (s = 0; s < sc->nsteps; s++)
		for (i = 0; i < sc->steps[s].nopt; i++) {
			const struct sc_option *o = &sc->steps[s].opt[i];
			for (e = 0; e < o->nev; e++)
				if (framework_ind(fw, o->ev[e].ind) < 0)
					ck_err(k, o->line_ev, "onbekende indicator '%s' in framework %s",
					       o->ev[e].ind, fw->id);
		}
}

static void check_options(struct ck *k)
{
	const struct scenario *sc = k->sc;
	size_t s;
	int i;

	for (s = 0; s < sc->nsteps; s++) {
		const struct sc_step *st = &sc->steps[s];
		int plain = 0, expert = 0;
		for (i = 0; i < st->nopt; i++) {
			int uncond = st->opt[i].needs == 0 && st->opt[i].needs_not == 0;
			plain += uncond;
			expert += uncond && st->opt[i].expert;
		}
		if (st->nopt < 2 || plain < 2)
			ck_err(k, st->line, "stap '%s' heeft minder dan 2 opties zonder voorwaarde",
			       st->id);
		if (expert == 0)
			ck_err(k, st->line, "stap '%s' heeft geen expertkeuze zonder voorwaarde (expert = ja)",
			       st->id);
	}
}

/* Report the steps and endings not reachable from the start. */
static void check_reach(struct ck *k)
{
	const struct scenario *sc = k->sc;
	char *seen = mem_calloc(sc->nsteps + 1, 1);
	char *eseen = mem_calloc(sc->nends + 1, 1);
	size_t s;

	scenario_reach(sc, seen, eseen);
	for (s = 0; s < sc->nsteps; s++)
		if (!seen[s])
			ck_err(k, sc->steps[s].line, "stap '%s' is onbereikbaar vanaf de start",
			       sc->steps[s].id);
	for (s = 0; s < sc->nends; s++)
		if (!eseen[s])
			ck_err(k, sc->ends[s].line, "einde '%s' is onbereikbaar", sc->ends[s].id);
	free(seen);
	free(eseen);
}

/* A content notice needs a text on where help is; help alone warns. */
static void check_safety(struct ck *k)
{
	const struct scenario *sc = k->sc;

	if (sc->notice && !sc->help)
		ck_err(k, sc->line_notice, "'notice' zonder 'help': een "
		       "scenario met een inhoudswaarschuwing noemt ook waar "
		       "hulp is");
	else if (sc->help && !sc->notice)
		ck_warn(k, sc->line_help, "'help' zonder 'notice': geef het "
			"scenario ook een inhoudswaarschuwing");
}

/* Every step must be able to reach an ending. */
static void check_ends(struct ck *k)
{
	const struct scenario *sc = k->sc;
	char *ok = mem_calloc(sc->nsteps, 1);
	int changed = 1, i;
	size_t s;

	while (changed) {
		changed = 0;
		for (s = 0; s < sc->nsteps; s++)
			for (i = 0; !ok[s] && i < sc->steps[s].nopt; i++) {
				const struct sc_option *o = &sc->steps[s].opt[i];
				if (o->next_end >= 0 || (o->next_step >= 0 && ok[o->next_step]))
					ok[s] = 1, changed = 1;
			}
	}
	for (s = 0; s < sc->nsteps; s++)
		if (!ok[s])
			ck_err(k, sc->steps[s].line,
			       "vanaf stap '%s' is geen einde te bereiken (kring zonder uitweg)",
			       sc->steps[s].id);
	free(ok);
}

static void check_flags(struct ck *k)
{
	const struct scenario *sc = k->sc;
	uint64_t *in = mem_calloc(sc->nsteps + 1, sizeof *in), used = 0, set = 0;
	int changed = 1, i, f;
	size_t s;

	while (changed && sc->start_step >= 0) {
		changed = 0;
		for (s = 0; s < sc->nsteps; s++)
			for (i = 0; i < sc->steps[s].nopt; i++) {
				const struct sc_option *o = &sc->steps[s].opt[i];
				uint64_t out = in[s] | o->sets;
				if (o->next_step >= 0 && (in[o->next_step] | out) != in[o->next_step]) {
					in[o->next_step] |= out;
					changed = 1;
				}
			}
	}
	for (s = 0; s < sc->nsteps; s++)
		for (i = 0; i < sc->steps[s].nopt; i++) {
			const struct sc_option *o = &sc->steps[s].opt[i];
			used |= o->needs | o->needs_not;
			set |= o->sets;
			for (f = 0; f < sc->nflags; f++)
				if ((o->needs >> f & 1) && !(in[s] >> f & 1))
					ck_err(k, o->line_needs,
					       "vlag '%s' is nodig voordat een pad hem kan zetten (stap '%s')",
					       sc->flag[f], sc->steps[s].id);
		}
	for (f = 0; f < sc->nflags; f++)
		if ((set >> f & 1) && !(used >> f & 1))
			ck_warn(k, 0, "vlag '%s' wordt gezet maar nergens gebruikt", sc->flag[f]);
	free(in);
}

int check_expert_path(const struct scenario *sc, struct session *s)
{
	session_start(s, sc);
	while (s->step >= 0 && s->npath <= sc->nsteps) {
		int e = scenario_expert(sc, (size_t)s->step, s->flags);
		if (e < 0 || session_choose(s, e, 0) < 0)
			break;
	}
	return session_finished(s) ? (int)s->npath : -1;
}

int check_expert_length(const struct scenario *sc)
{
	struct session s;
	int n = check_expert_path(sc, &s);

	session_free(&s);
	return n;
}

/* The expert path at the scenario's own level ends op or boven doel on
 * every rated competency; fewer than four rated competencies warns. */
static void check_rating(struct ck *k)
{
	const struct scenario *sc = k->sc;
	const struct framework *fw = content_framework(k->c, sc->framework);
	size_t i, rated = 0, want = fw->ncomps < CHECK_MIN_RATED ? fw->ncomps
					   : CHECK_MIN_RATED;
	struct session s;
	struct reflect r;

	check_expert_path(sc, &s);
	reflect_build(&r, &s, fw, sc->level);
	for (i = 0; i < r.ncomps; i++) {
		const struct reflect_comp *c = &r.comps[i];
		rated += c->mark != REFLECT_NA;
		if (c->mark == REFLECT_BELOW)
			ck_err(k, sc->line_start, "het expertpad eindigt onder doel "
			       "op %s (getoond %d, doel %d voor functieniveau %c)",
			       fw->comps[i].name, c->shown, c->target, sc->level);
	}
	if (rated < want)
		ck_warn(k, sc->line_start, "het scenario beoordeelt %zu van de %zu "
			"competenties; minimaal %zu aanbevolen", rated, fw->ncomps,
			want);
	reflect_free(&r);
	session_free(&s);
}

static void check_library(struct ck *k)
{
	const struct scenario *sc = k->sc;
	int n = check_expert_length(sc);

	if (n < 0)
		ck_err(k, sc->line_start, "het expertpad bereikt geen einde");
	else if (n < CHECK_MIN_EXPERT_STEPS)
		ck_warn(k, sc->line_start, "het expertpad heeft %d keuzemomenten; "
			"minimaal %d aanbevolen", n, CHECK_MIN_EXPERT_STEPS);
	if (sc->nends < CHECK_MIN_ENDINGS)
		ck_warn(k, sc->line_start, "minder dan %d eindes",
			CHECK_MIN_ENDINGS);
	if (sc->nquestions < CHECK_MIN_QUESTIONS)
		ck_warn(k, sc->line_start, "minder dan %d reflectievragen "
			"(question1..question%d)", CHECK_MIN_QUESTIONS,
			SCENARIO_MAX_QUESTIONS);
	if (n >= 0)
		check_rating(k);
}

/* One step's length cue: a warning when the expert text is more than
 * CHECK_CUE_RATIO times the mean of the others; 1 when it is the longest.
 * Each option's width is measured once. */
static int step_cue(struct ck *k, const struct sc_step *st, int e)
{
	size_t w[SCENARIO_MAX_OPTS], others = 0, longest = 0;
	int i;
	char ratio[16];

	for (i = 0; i < st->nopt; i++)
		w[i] = text_width(st->opt[i].text);
	for (i = 0; i < st->nopt; i++)
		if (i != e) {
			others += w[i];
			longest = w[i] > longest ? w[i] : longest;
		}
	if (st->nopt > 1 && w[e] * 100 * (size_t)(st->nopt - 1) >
	    CHECK_CUE_RATIO * others) {
		double r = (double)w[e] * (st->nopt - 1) /
			   (double)(others ? others : 1);
		snprintf(ratio, sizeof ratio, "%.1f", r);
		*strchr(ratio, '.') = ',';
		ck_warn(k, st->opt[e].line, "de expertoptie is %s keer zo lang als de "
			"andere opties gemiddeld (hoogstens 1,25)", ratio);
	}
	return w[e] > longest;
}

/* Cues that give the expert option away by its length. */
static void check_cues(struct ck *k)
{
	const struct scenario *sc = k->sc;
	size_t s, steps = 0, longest = 0;
	int i;

	for (s = 0; s < sc->nsteps; s++)
		for (i = 0; i < sc->steps[s].nopt; i++)
			if (sc->steps[s].opt[i].expert) {
				steps++;
				longest += (size_t)step_cue(k, &sc->steps[s], i);
				break;
			}
	if (longest * 100 > CHECK_CUE_LONGEST * steps) {
		ck_warn(k, sc->line_start, "de expertoptie is in %zu van de %zu "
			"stappen de langste (hoogstens 40%%)", longest, steps);
	}
}

/* A line that starts with "(Name)", "(Name:)" or "(Name, ...)" names its
 * own speaker in the text; that belongs in the speaker key. */
static void speaker_in_text(struct ck *k, int line, const char *sec,
			    const char *text)
{
	size_t n;

	if (text[0] != '(' || !(text[1] >= 'A' && text[1] <= 'Z'))
		return;
	n = 1 + strspn(text + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
	if (text[n] == ')' || text[n] == ',' || (text[n] == ':' && text[n + 1] == ')'))
		ck_warn(k, line, "[%s] %s begint met een spreker tussen haakjes; "
			"zet de naam in 'speaker'", sec, strchr(sec, '.') == strrchr(sec, '.')
			? "client" : "response");
}

static void check_speakers(struct ck *k)
{
	const struct scenario *sc = k->sc;
	size_t s;
	int i;

	for (s = 0; s < sc->nsteps; s++) {
		const struct sc_step *st = &sc->steps[s];
		char sec[160];
		snprintf(sec, sizeof sec, "step.%s", st->id);
		speaker_in_text(k, st->line, sec, st->client);
		for (i = 0; i < st->nopt; i++) {
			snprintf(sec, sizeof sec, "step.%s.%d", st->id, st->opt[i].num);
			speaker_in_text(k, st->opt[i].line, sec, st->opt[i].response);
		}
	}
}

/* The walk of check_conditions: a state is a step and the flags set on
 * arrival (only flags some condition tests), kept in an open-addressing
 * set of at least twice the most states this scenario can have. */
struct walk {
	const struct scenario *sc;
	uint64_t used;
	struct { uint64_t flags; int step; } *set, *stack;	/* step + 1 */
	size_t nstates, top;
	size_t max;		/* the most states: steps x flag combinations */
	size_t mask;		/* the set's size (a power of two) - 1 */
	char *shown;		/* per step and option: offered in some state */
};

/* Size the walk: at most nsteps << (flags tested) states, never more than
 * CHECK_MAX_STATES, so a small scenario gets a small table. */
static void walk_size(struct walk *w)
{
	uint64_t used = w->used;
	size_t size = 2;

	w->max = w->sc->nsteps;
	for (; used && w->max < CHECK_MAX_STATES; used &= used - 1)
		w->max *= 2;
	if (w->max > CHECK_MAX_STATES)
		w->max = CHECK_MAX_STATES;
	while (size < 2 * w->max)
		size *= 2;
	w->mask = size - 1;
}

/* Add a state when new; -1 when there are too many to walk. */
static int walk_push(struct walk *w, int step, uint64_t flags)
{
	size_t m = w->mask, h;

	flags &= w->used;
	h = (size_t)((flags * 0x9E3779B97F4A7C15ULL) ^ (uint64_t)step) & m;
	for (; w->set[h].step; h = (h + 1) & m)
		if (w->set[h].step == step + 1 && w->set[h].flags == flags)
			return 0;
	if (w->nstates == w->max)
		return -1;
	w->nstates++;
	w->set[h].step = w->stack[w->top].step = step + 1;
	w->set[h].flags = w->stack[w->top++].flags = flags;
	return 0;
}

/* Visit every state a trainee can reach by options that are offered. */
static int walk_all(struct walk *w)
{
	int i;

	if (walk_push(w, w->sc->start_step, 0) != 0)
		return -1;
	while (w->top > 0) {
		/* pop a state */
		int s = w->stack[--w->top].step - 1;
		uint64_t flags = w->stack[w->top].flags;
		const struct sc_step *st = &w->sc->steps[s];
		for (i = 0; i < st->nopt; i++) {
			const struct sc_option *o = &st->opt[i];
			if (!scenario_offered(o, flags))
				continue;
			w->shown[(size_t)s * SCENARIO_MAX_OPTS + (size_t)i] = 1;
			if (o->next_step >= 0 &&
			    walk_push(w, o->next_step, flags | o->sets) != 0)
				return -1;
		}
	}
	return 0;
}

static void warn_never_shown(struct ck *k, const char *shown)
{
	const struct scenario *sc = k->sc;
	size_t s;
	int i;

	for (s = 0; s < sc->nsteps; s++)
		for (i = 0; i < sc->steps[s].nopt; i++) {
			const struct sc_option *o = &sc->steps[s].opt[i];
			if (!(o->needs | o->needs_not) ||
			    shown[s * SCENARIO_MAX_OPTS + (size_t)i])
				continue;
			ck_warn(k, o->line_needs, "optie %d van stap '%s' komt nooit "
				"in beeld: op geen enkel pad kloppen de voorwaarden "
				"(needs)", o->num, sc->steps[s].id);
		}
}

/* An option whose needs hold on no path is never offered: a warning. Only
 * for graphs without errors; skipped beyond CHECK_MAX_STATES states. */
static void check_conditions(struct ck *k)
{
	const struct scenario *sc = k->sc;
	struct walk w = {sc, 0, NULL, NULL, 0, 0, 0, 0, NULL};
	size_t s;
	int i;

	for (s = 0; s < sc->nsteps; s++)
		for (i = 0; i < sc->steps[s].nopt; i++)
			w.used |= sc->steps[s].opt[i].needs |
				  sc->steps[s].opt[i].needs_not;
	if (w.used == 0 || sc->start_step < 0)
		return;
	walk_size(&w);
	w.set = mem_calloc(w.mask + 1, sizeof *w.set);
	w.stack = mem_calloc(w.max, sizeof *w.stack);
	w.shown = mem_calloc(sc->nsteps * SCENARIO_MAX_OPTS, 1);
	if (walk_all(&w) == 0)
		warn_never_shown(k, w.shown);
	free(w.set);
	free(w.stack);
	free(w.shown);
}

/* The walk of check_meters: every path from the start over the options
 * offered, depth first, with the meters after each choice. */
struct mwalk {
	struct ck *k;
	int (*val)[METER_N];	/* val[i]: after i choices; val[0]: start */
	const struct sc_option **opt;	/* opt[i]: choice i + 1 */
	size_t max;		/* the most choices a path may have */
	long nodes;		/* options left to look at */
	char warned[METER_N][2];	/* per meter: bottom, top reported */
};

/* The first of the n choices of a path after which meter m stays at b to
 * the end (0: from the start), or -1 when the path ends elsewhere. */
static int stuck_from(const struct mwalk *w, size_t n, int m, int b)
{
	size_t i = n;

	if (w->val[n][m] != b)
		return -1;
	while (i > 0 && w->val[i - 1][m] == b)
		i--;
	return (int)i;
}

/* The warning for meter m stuck from choice `from` of a path of n. */
static void meter_warn(struct mwalk *w, size_t n, int m, int from)
{
	const struct scenario *sc = w->k->sc;
	struct buf path = {0};
	char when[48] = "vanaf de start";
	int line = from ? w->opt[from - 1]->line_effect[m] : sc->line_meter[m];
	size_t i;

	for (i = 0; i < n; i++)
		buf_printf(&path, "%s%d", i ? "-" : "", w->opt[i]->num);
	if (from > 0)
		snprintf(when, sizeof when, "na keuze %d van %zu", from, n);
	ck_warn(w->k, line, "%s staat %s tot het einde op %d (opties %s): "
		"de keuzes daarna zijn op de meter niet te zien; kies een "
		"andere startwaarde of kleinere effecten",
		scenario_meter_name[m], when, w->val[n][m], buf_str(&path));
	buf_free(&path);
}

/* A path of n choices ends: warn once per meter and bound when it sits at
 * the top from before its last two choices, or at the bottom from one of
 * its first CHECK_METER_LOW choices (and before its last two). */
static void meter_path(struct mwalk *w, size_t n)
{
	int m, top;

	for (m = 0; m < METER_N; m++)
		for (top = 0; top < 2; top++) {
			int from = stuck_from(w, n, m, top ? METER_MAX : 0);
			if (from < 0 || (size_t)from + 2 > n ||
			    (!top && from > CHECK_METER_LOW) ||
			    w->warned[m][top])
				continue;
			w->warned[m][top] = 1;
			meter_warn(w, n, m, from);
		}
}

/* Walk on from step s with the flags set, after n choices. */
static void meter_walk(struct mwalk *w, int s, uint64_t flags, size_t n)
{
	const struct sc_step *st = &w->k->sc->steps[s];
	int i, m;

	for (i = 0; i < st->nopt && n < w->max && w->nodes-- > 0; i++) {
		const struct sc_option *o = &st->opt[i];
		if (!scenario_offered(o, flags))
			continue;
		w->opt[n] = o;
		for (m = 0; m < METER_N; m++) {
			int v = w->val[n][m] + o->effect[m];
			v = v < 0 ? 0 : v;
			w->val[n + 1][m] = v > METER_MAX ? METER_MAX : v;
		}
		if (o->next_step >= 0)
			meter_walk(w, o->next_step, flags | o->sets, n + 1);
		else
			meter_path(w, n + 1);
	}
}

/* The effects of option o: each at most CHECK_EFFECT_MAX either way. */
static void effect_sizes(struct ck *k, const struct sc_option *o)
{
	int m;

	for (m = 0; m < METER_N; m++)
		if (abs(o->effect[m]) > CHECK_EFFECT_MAX)
			ck_warn(k, o->line_effect[m], "%s = %d is meer dan "
				"een vijfde van de schaal van 0 tot %d; "
				"hoogstens %d", scenario_meter_name[m],
				o->effect[m], METER_MAX, CHECK_EFFECT_MAX);
}

/* Meters that keep telling something: small effects, and no path on which
 * a meter sticks at its top or bottom too early (meter_path). A path
 * through a loop is followed up to twice as many choices as there are
 * steps; the walk stops after CHECK_MAX_NODES options. */
static void check_meters(struct ck *k)
{
	const struct scenario *sc = k->sc;
	struct mwalk w = {k, NULL, NULL, 2 * sc->nsteps, CHECK_MAX_NODES,
			  {{0}}};
	size_t s;
	int i;

	for (s = 0; s < sc->nsteps; s++)
		for (i = 0; i < sc->steps[s].nopt; i++)
			effect_sizes(k, &sc->steps[s].opt[i]);
	w.val = mem_calloc(w.max + 1, sizeof *w.val);
	w.opt = mem_calloc(w.max + 1, sizeof *w.opt);
	memcpy(w.val[0], sc->meter0, sizeof w.val[0]);
	meter_walk(&w, sc->start_step, 0, 0);
	free(w.val);
	free(w.opt);
}

/* The rules in order; the warning-only walks and scans when warnings. */
static int check_run(const struct content *c, const struct scenario *sc,
		     struct diag *d, int warnings)
{
	struct ck k = {c, sc, d, 0};

	check_refs(&k);
	check_safety(&k);
	check_options(&k);
	check_reach(&k);
	check_ends(&k);
	check_flags(&k);
	if (k.errors == 0)
		check_library(&k);
	if (k.errors == 0 && warnings) {
		check_conditions(&k);
		check_cues(&k);
		check_speakers(&k);
		check_meters(&k);
	}
	return k.errors;
}

int check_scenario(const struct content *c, const struct scenario *sc,
		   struct diag *d)
{
	return check_run(c, sc, d, 1);
}

int check_errors(const struct content *c, const struct scenario *sc,
		 struct diag *d)
{
	return check_run(c, sc, d, 0);
}

int check_all(const struct content *c, struct diag *d)
{
	size_t i;
	int n = 0;

	for (i = 0; i < c->nscs; i++)
		n += check_scenario(c, &c->scs[i], d);
	return n;
}

void check_coverage(const struct content *c, const struct framework *fw,
		    int *pos, int *neg)
{
	size_t i, s, e;
	int o;

	memset(pos, 0, fw->ninds * sizeof *pos);
	memset(neg, 0, fw->ninds * sizeof *neg);
	for (i = 0; i < c->nscs; i++) {
		const struct scenario *sc = &c->scs[i];
		if (strcmp(sc->framework, fw->id) != 0)
			continue;
		for (s = 0; s < sc->nsteps; s++)
			for (o = 0; o < sc->steps[s].nopt; o++)
				for (e = 0; e < sc->steps[s].opt[o].nev; e++) {
					const struct sc_evidence *ev = &sc->steps[s].opt[o].ev[e];
					int ix = framework_ind(fw, ev->ind);
					if (ix >= 0)
						(ev->positive ? pos : neg)[ix]++;
				}
	}
}
