/*
 * reviewview: builders for the coach's documents. Nothing here prints or
 * draws; view sanitises every text from logs, feedback and content.
 */
#include "reviewview.h"
#include "buf.h"
#include "derived.h"
#include "feedback.h"
#include "intervisie.h"
#include "mem.h"
#include "path.h"
#include "reflect.h"
#include "text.h"
#include "timeline.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *or(const char *s, const char *dflt)
{
	return s ? s : dflt;
}

void reviewview_head(struct view *v)
{
	view_row(v, VIEW_HEADING, "nr", "datum", "cursist", "scenario",
		 "modus", "status", "einde", "fb", (char *)NULL);
}

struct view_line *reviewview_row(struct view *v,
				  const struct review_session *s, int n)
{
	struct view_line *ln;

	char num[16], day[11], fb[16] = "";

	snprintf(num, sizeof num, "%d.", n);
	snprintf(day, sizeof day, "%.10s", or(s->started, ""));
	if (s->nfeedback)
		snprintf(fb, sizeof fb, "%d", s->nfeedback);
	ln = view_row(v, VIEW_TEXT, num, day, or(s->trainee, ""),
		      or(s->scenario, ""), or(s->mode, ""), review_status(s),
		      or(s->ending, "-"), fb, (char *)NULL);
	ln->tag = n;
	return ln;
}

void reviewview_rows(const void *ctx, struct view *v, size_t first,
		     size_t count)
{
	const struct reviewview_sel *sel = ctx;
	size_t i;

	for (i = first; i < sel->n && i - first < count; i++)
		reviewview_row(v, &sel->r->s[sel->shown ? (size_t)sel->shown[i]
					     : i], (int)i + 1)->tag +=
			sel->tag_offset;
}

void reviewview_list(struct view *v, const struct review *r)
{
	const struct reviewview_sel all = {r, NULL, r->n, 0};

	view_add(v, VIEW_HEADING, 0, "Sessies: %zu (uit %zu bestanden)", r->n,
		 r->nfiles);
	reviewview_head(v);
	reviewview_rows(&all, v, 0, r->n);
}

static void feedback_for(struct view *v, const struct feedback *fb, int step)
{
	size_t i;

	for (i = 0; i < fb->n; i++)
		if (fb->v[i].step == step)
			view_add(v, VIEW_CLIENT, 4, "Feedback van %s (%.10s): %s",
				 fb->v[i].coach, fb->v[i].time, fb->v[i].text);
}

/* The options not chosen, with the numbers the trainee saw. */
static void offered(struct view *v, const struct scenario *sc,
		    const struct timeline_entry *e)
{
	const struct sc_step *st = &sc->steps[e->step];
	int i;

	for (i = 0; i < e->nshown; i++) {
		const struct sc_option *o = &st->opt[e->shown[i]];
		if (e->shown[i] != e->opt)
			view_add(v, VIEW_DIM, 4, "niet gekozen %d%s: %s", i + 1,
				 o->expert ? " (expert)" : "", o->text);
	}
}

static void evidence(struct view *v, const struct content *c,
		     const struct scenario *sc, const struct sc_option *o)
{
	const struct framework *fw = content_framework(c, sc->framework);
	size_t e;

	for (e = 0; fw && e < o->nev; e++) {
		int ix = framework_ind(fw, o->ev[e].ind), pos = o->ev[e].positive;
		if (ix >= 0)
			view_add(v, pos ? VIEW_EVIDENCE_POS : VIEW_EVIDENCE_NEG,
				 4, "%s %s (%s %d)", pos ? "+" : "-",
				 fw->inds[ix].text,
				 fw->comps[fw->inds[ix].comp].name,
				 fw->inds[ix].level);
	}
}

/* A line of the conversation under its speaker's name. */
static void said(struct view *v, const struct content *c,
		 const struct scenario *sc, const char *speaker,
		 const char *line)
{
	const struct persona *p = content_persona(c, sc->persona);

	view_add(v, VIEW_CLIENT, 2, "%s: %s",
		 scenario_speaker(speaker, p ? p->name : sc->persona), line);
}

/* The meters with their names: "gezien 6, gehoord 4, geholpen 2". */
static void meters(char *out, size_t n, const int value[METER_N])
{
	snprintf(out, n, "%s %d, %s %d, %s %d", scenario_meter_name[0],
		 value[0], scenario_meter_name[1], value[1],
		 scenario_meter_name[2], value[2]);
}

/* A reflection answer under its question's text (the key in the log when
 * the scenario has no such question). */
static void answer(struct view *v, const struct scenario *sc,
		   const struct timeline_entry *e)
{
	struct reflect_question q[REFLECT_MAX_Q];
	size_t i, n = reflect_questions(sc, q);
	const char *label = e->key;

	for (i = 0; i < n; i++)
		if (strcmp(q[i].key, e->key) == 0)
			label = q[i].text;
	view_item(v, VIEW_YOU, 2, label, "%s", e->value);
}

static void choice(struct view *v, const struct content *c,
		   const struct scenario *sc, const struct timeline_entry *e,
		   const struct feedback *fb)
{
	const struct sc_step *st = &sc->steps[e->step];
	const struct sc_option *o = &st->opt[e->opt];

	char m[64];

	view_blank(v);
	meters(m, sizeof m, e->meters);
	view_add(v, VIEW_HEADING, 0, "Stap %d (%.1f s denktijd, daarna %s)",
		 e->pos, (double)e->think_ms / 1000.0, m)->tag = e->pos;
	view_add(v, VIEW_TEXT, 2, "Situatie: %s", st->situation);
	said(v, c, sc, st->speaker, st->client);
	view_add(v, VIEW_YOU, 2, "Gekozen %d%s: %s", timeline_shown_number(e),
		 o->expert ? " (expert)" : "", o->text);
	said(v, c, sc, o->speaker, o->response);
	offered(v, sc, e);
	evidence(v, c, sc, o);
	feedback_for(v, fb, e->pos);
}

static void entry(struct view *v, const struct content *c,
		  const struct scenario *sc, const struct timeline_entry *e,
		  const struct feedback *fb)
{
	const struct sc_option *o = e->opt >= 0 && e->step >= 0
		? &sc->steps[e->step].opt[e->opt] : NULL;
	char m[64];

	switch (e->kind) {
	case TL_CHOICE:
		choice(v, c, sc, e, fb);
		break;
	case TL_UNDO:
		view_add(v, VIEW_DIM, 2, "Teruggenomen bij stap %d, optie %d: "
			 "%s", e->pos, timeline_shown_number(e), o->text);
		break;
	case TL_END:
		meters(m, sizeof m, e->meters);
		view_blank(v);
		view_add(v, VIEW_HEADING, 0, "Einde na %d stappen (%s)",
			 e->pos, m);
		break;
	case TL_ANSWER:
		answer(v, sc, e);
		break;
	}
}

static void session_head(struct view *v, const struct sessionlog_meta *m,
			 const struct scenario *sc)
{
	view_add(v, VIEW_TEXT, 0, "Sessie van %s", or(m->trainee, "?"));
	view_item(v, VIEW_TEXT, 0, "Scenario", "%s", sc->title);
	view_item(v, VIEW_TEXT, 0, "Modus", "%s, begonnen %s", or(m->mode, "?"),
		  or(m->started, ""));
}

int reviewview_timeline(struct view *v, const struct content *c,
			const char *path, struct diag *d)
{
	struct sessionlog_data data;
	struct timeline tl;
	struct feedback fb;
	const struct scenario *sc;
	size_t i;
	int rc = -1;

	if (sessionlog_load(&data, path, d) == 0) {
		sc = content_version(c, data.meta.scenario, data.meta.version,
				     path, d);
		if (sc && timeline_build(&tl, &data, sc, d) == 0) {
			feedback_load_current(&fb, path, d);
			session_head(v, &data.meta, sc);
			for (i = 0; i < tl.n; i++)
				entry(v, c, sc, &tl.v[i], &fb);
			if (fb.n) {
				view_blank(v);
				view_add(v, VIEW_HEADING, 0,
					 "Algemene feedback:");
			}
			feedback_for(v, &fb, 0);
			feedback_free(&fb);
			timeline_free(&tl);
			rc = 0;
		}
	}
	sessionlog_data_free(&data);
	return rc;
}

/* The growth table's head: date, scenario and the competencies. */
static void growth_head(struct view *v, const struct framework *fw)
{
	const char *cells[VIEW_CELLS_MAX] = {"datum", "scenario"};
	size_t k, n = 2;

	for (k = 0; k < fw->ncomps && n < VIEW_CELLS_MAX; k++)
		cells[n++] = fw->comps[k].name;
	view_cells(v, VIEW_HEADING, n, cells);
}

static void growth_row(struct view *v, const struct review_session *s)
{
	struct buf cell[VIEW_CELLS_MAX] = {{0}};
	char day[11];
	const char *cells[VIEW_CELLS_MAX] = {day, or(s->scenario, "")};
	size_t k, n = 2;

	snprintf(day, sizeof day, "%.10s", or(s->started, ""));

	for (k = 0; k < s->fw->ncomps && n < VIEW_CELLS_MAX; k++, n++) {
		review_level_cell(&cell[n], s, k, 1);
		cells[n] = buf_str(&cell[n]);
	}
	view_cells(v, VIEW_TEXT, n, cells);
	for (k = 2; k < n; k++)
		buf_free(&cell[k]);
}

void reviewview_growth(struct view *v, const struct review *r,
		       const char *trainee)
{
	const struct framework *fw = NULL;
	size_t i;
	int derived = 0;

	view_add(v, VIEW_HEADING, 0, "Groei van %s", trainee);
	for (i = r->n; i-- > 0;) {
		const struct review_session *s = &r->s[i];
		if (!s->levels || strcmp(or(s->trainee, ""), trainee) != 0)
			continue;
		if (fw == NULL)
			growth_head(v, fw = s->fw);
		if (s->fw != fw)
			continue;
		growth_row(v, s);
		derived += s->derived;
	}
	if (fw == NULL)
		view_add(v, VIEW_DIM, 0, "Geen sessies met niveaus voor deze "
			 "cursist.");
	if (derived)
		view_add(v, VIEW_DIM, 0, "Afgeleid, indicatief: tussen haakjes "
			 "het aantal waarnemingen; geen oordeel onder %d.",
			 DERIVED_MIN_OBS);
}

/* How many sessions chose option opt at step st of sc. */
static int chosen(const struct review *r, const struct scenario *sc,
		  const struct sc_step *st, const struct sc_option *opt)
{
	size_t k;

	for (k = 0; k < r->ncnt; k++)
		if (r->cnt[k].option == opt->num &&
		    strcmp(r->cnt[k].step, st->id) == 0 &&
		    strcmp(r->cnt[k].scenario, sc->id) == 0)
			return r->cnt[k].count;
	return 0;
}

static void cohort_steps(struct view *v, const struct review *r,
			 const struct scenario *sc)
{
	size_t s;
	int o;

	for (s = 0; s < sc->nsteps; s++) {
		const struct sc_step *st = &sc->steps[s];
		int total = review_step_total(r, sc->id, st->id), expert = 0;
		if (total == 0)
			continue;
		view_blank(v);
		view_add(v, VIEW_HEADING, 0, "Stap '%s' (%d keer gespeeld)",
			 st->id, total);
		for (o = 0; o < st->nopt; o++) {
			const struct sc_option *opt = &st->opt[o];
			int n = chosen(r, sc, st, opt);
			expert += opt->expert ? n : 0;
			view_add(v, opt->expert ? VIEW_GOOD : VIEW_TEXT, 2,
				 "%3d (%3d%%)%s %s", n,
				 (n * 100 + total / 2) / total,
				 opt->expert ? " expert" : "       ", opt->text);
		}
		view_add(v, VIEW_TEXT, 2, "Niet de expertkeuze: %d%%",
			 ((total - expert) * 100 + total / 2) / total);
	}
}

static void below_target(struct view *v, const struct review_compstat *cs)
{
	char cell[64];
	size_t k;

	view_blank(v);
	view_add(v, VIEW_HEADING, 0, "Competenties onder doel:");
	for (k = 0; k < cs->fw->ncomps; k++) {
		int n = cs->n[k], below = cs->below[k];
		if (n == 0)
			snprintf(cell, sizeof cell, "n.v.t. in dit scenario");
		else
			snprintf(cell, sizeof cell, "%d van %d sessies (%d%%)",
				 below, n, (below * 100 + n / 2) / n);
		view_row(v, n == 0 ? VIEW_DIM : below ? VIEW_BAD : VIEW_GOOD,
			 cs->fw->comps[k].name, cell, (char *)NULL);
	}
}

void reviewview_cohort(struct view *v, const struct review *r,
		       const char *scenario)
{
	const struct scenario *sc = content_scenario(r->c, scenario);
	size_t i;

	if (sc == NULL) {
		view_add(v, VIEW_BAD, 0, "Onbekend scenario: %s", scenario);
		return;
	}
	view_add(v, VIEW_HEADING, 0, "Cohort: %s", sc->title);
	cohort_steps(v, r, sc);
	for (i = 0; i < r->ncs; i++)
		if (strcmp(r->cs[i].scenario, scenario) == 0)
			below_target(v, &r->cs[i]);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t reviewview_record_paths(const char *dir, char ***paths)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t n = 0, cap = 0;

	*paths = NULL;
	while (dp && (e = readdir(dp)) != NULL)
		if (e->d_name[0] != '.' && strstr(e->d_name, ".csv")) {
			MEM_GROW(*paths, cap, n + 1);
			(*paths)[n++] = path_join(dir, e->d_name);
		}
	if (dp)
		closedir(dp);
	if (n)
		qsort(*paths, n, sizeof **paths, cmp_name);
	return n;
}

void reviewview_records(struct view *v, const char *dir)
{
	char **names;
	size_t n = reviewview_record_paths(dir, &names), i;
	struct diag d = {0};

	if (n)
		view_add(v, VIEW_HEADING, 0, "Intervisieverslagen: %zu", n);
	for (i = 0; i < n; i++) {
		char *line = intervisie_describe(names[i], &d);
		view_add(v, VIEW_DIM, 2, "%s", line ? line : names[i])->tag =
			(int)i + 1;
		free(line);
	}
	text_strv_free(names, n);
	diag_free(&d);
}
