/*
 * reviewview: text views for coaches. All user text (names, answers,
 * feedback) goes through text_sanitize before it is printed.
 */
#include "reviewview.h"
#include "buf.h"
#include "derived.h"
#include "feedback.h"
#include "intervisie.h"
#include "path.h"
#include "mem.h"
#include "plain.h"
#include "text.h"
#include "timeline.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

void reviewview_pad(FILE *out, const char *s, size_t w)
{
	char *clean = text_sanitize(s ? s : "", strlen(s ? s : ""), 0);
	size_t n = text_fit(clean, w), used = 0;
	char *cut = mem_strndup(clean, n);

	used = text_width(cut);
	fputs(cut, out);
	while (used++ < w)
		fputc(' ', out);
	free(cut);
	free(clean);
}

void reviewview_row(FILE *out, const struct review_session *s)
{
	char day[11];

	snprintf(day, sizeof day, "%.10s", s->started ? s->started : "");
	reviewview_pad(out, day, 11);
	reviewview_pad(out, s->trainee, 16);
	reviewview_pad(out, s->persona, 9);
	reviewview_pad(out, s->scenario, 24);
	reviewview_pad(out, s->mode, 8);
	reviewview_pad(out, review_status(s), 15);
	reviewview_pad(out, s->ending ? s->ending : "-", 14);
	if (s->nfeedback)
		fprintf(out, "%d fb", s->nfeedback);
}

void reviewview_list(FILE *out, const struct review *r)
{
	size_t i;

	fprintf(out, "Sessies: %zu (uit %zu bestanden)\n", r->n, r->nfiles);
	for (i = 0; i < r->n; i++) {
		fprintf(out, "%3zu. ", i + 1);
		reviewview_row(out, &r->s[i]);
		fputc('\n', out);
	}
}

static void feedback_for(FILE *out, const struct feedback *fb, int step)
{
	size_t i;

	for (i = 0; i < fb->n; i++) {
		struct buf b = {0};
		if (fb->v[i].step != step)
			continue;
		buf_printf(&b, "    Feedback van %s (%.10s): ", fb->v[i].coach, fb->v[i].time);
		plain_line(out, b.s, fb->v[i].text);
		buf_free(&b);
	}
}

/* The options not chosen, with the numbers the trainee saw. */
static void offered(FILE *out, const struct scenario *sc, const struct timeline_entry *e)
{
	const struct sc_step *st = &sc->steps[e->step];
	int i;

	for (i = 0; i < e->nshown; i++) {
		const struct sc_option *o = &st->opt[e->shown[i]];
		char head[48];
		if (e->shown[i] == e->opt)
			continue;
		snprintf(head, sizeof head, "    niet gekozen %d%s: ", i + 1,
			 o->expert ? " (expert)" : "");
		plain_line(out, head, o->text);
	}
}

static void evidence(FILE *out, const struct content *c, const struct scenario *sc,
		     const struct sc_option *o)
{
	const struct framework *fw = content_framework(c, sc->framework);
	size_t e;

	for (e = 0; fw && e < o->nev; e++) {
		int ix = framework_ind(fw, o->ev[e].ind);
		struct buf b = {0};
		if (ix < 0)
			continue;
		buf_printf(&b, "    %s %s (%s %d)", o->ev[e].positive ? "+" : "-", fw->inds[ix].text,
			   fw->comps[fw->inds[ix].comp].name, fw->inds[ix].level);
		plain_line(out, NULL, b.s);
		buf_free(&b);
	}
}

/* A line of the conversation under its speaker's name. */
static void said(FILE *out, const struct content *c, const struct scenario *sc,
		 const char *speaker, const char *line)
{
	const struct persona *p = content_persona(c, sc->persona);
	char head[96];

	snprintf(head, sizeof head, "  %s: ",
		 scenario_speaker(speaker, p ? p->name : sc->persona));
	plain_line(out, head, line);
}

static void entry(FILE *out, const struct content *c, const struct scenario *sc,
		  const struct timeline_entry *e, const struct feedback *fb)
{
	char head[96];
	const struct sc_option *o = e->opt >= 0 && e->step >= 0 ? &sc->steps[e->step].opt[e->opt] : NULL;

	switch (e->kind) {
	case TL_CHOICE:
		snprintf(head, sizeof head, "\nStap %d (%.1f s denktijd, daarna %d/%d/%d)\n", e->pos,
			 (double)e->think_ms / 1000.0, e->meters[0], e->meters[1], e->meters[2]);
		fputs(head, out);
		plain_line(out, "  Situatie: ", sc->steps[e->step].situation);
		said(out, c, sc, sc->steps[e->step].speaker, sc->steps[e->step].client);
		snprintf(head, sizeof head, "  Gekozen %d%s: ", timeline_shown_number(e),
			 o->expert ? " (expert)" : "");
		plain_line(out, head, o->text);
		said(out, c, sc, o->speaker, o->response);
		offered(out, sc, e);
		evidence(out, c, sc, o);
		feedback_for(out, fb, e->pos);
		break;
	case TL_UNDO:
		snprintf(head, sizeof head, "  Teruggenomen bij stap %d, optie %d: ", e->pos,
			 timeline_shown_number(e));
		plain_line(out, head, o->text);
		break;
	case TL_END:
		fprintf(out, "\nEinde na %d stappen (%d/%d/%d)\n", e->pos, e->meters[0],
			e->meters[1], e->meters[2]);
		break;
	case TL_ANSWER:
		snprintf(head, sizeof head, "  Antwoord %s: ", e->key);
		plain_line(out, head, e->value);
		break;
	}
}

static void mode_line(FILE *out, const struct sessionlog_meta *m)
{
	struct buf b = {0};

	buf_printf(&b, "%s, begonnen %s", m->mode ? m->mode : "?", m->started);
	plain_line(out, "Modus: ", b.s);
	buf_free(&b);
}

int reviewview_timeline(FILE *out, const struct content *c, const char *path,
			struct diag *d)
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
			feedback_load(&fb, path, d);
			plain_line(out, "Sessie van ", data.meta.trainee ? data.meta.trainee : "?");
			plain_line(out, "Scenario: ", sc->title);
			mode_line(out, &data.meta);
			for (i = 0; i < tl.n; i++)
				entry(out, c, sc, &tl.v[i], &fb);
			if (fb.n)
				fputs("\nAlgemene feedback:\n", out);
			feedback_for(out, &fb, 0);
			feedback_free(&fb);
			timeline_free(&tl);
			rc = 0;
		}
	}
	sessionlog_data_free(&data);
	return rc;
}

void reviewview_growth(FILE *out, const struct review *r, const char *trainee)
{
	const struct framework *fw = NULL;
	size_t i, k;
	int derived = 0;

	plain_line(out, "Groei van ", trainee);
	for (i = r->n; i-- > 0;) {
		const struct review_session *s = &r->s[i];
		if (!s->levels || strcmp(s->trainee ? s->trainee : "", trainee) != 0)
			continue;
		if (fw == NULL) {
			fw = s->fw;
			reviewview_pad(out, "datum", 11);
			reviewview_pad(out, "scenario", 24);
			for (k = 0; k < fw->ncomps; k++)
				reviewview_pad(out, fw->comps[k].name, 19);
			fputc('\n', out);
		}
		if (s->fw != fw)
			continue;
		reviewview_pad(out, s->started, 11);
		reviewview_pad(out, s->scenario, 24);
		for (k = 0; k < fw->ncomps; k++) {
			struct buf cell = {0};
			review_level_cell(&cell, s, k, 1);
			reviewview_pad(out, cell.s, 19);
			buf_free(&cell);
		}
		derived += s->derived;
		fputc('\n', out);
	}
	if (fw == NULL)
		fputs("Geen sessies met niveaus voor deze cursist.\n", out);
	if (derived)
		fprintf(out, "Afgeleid, indicatief: tussen haakjes het aantal "
			"waarnemingen; geen oordeel onder %d.\n", DERIVED_MIN_OBS);
}

static void cohort_steps(FILE *out, const struct review *r, const struct scenario *sc)
{
	size_t s, k;
	int o;

	for (s = 0; s < sc->nsteps; s++) {
		int total = review_step_total(r, sc->id, sc->steps[s].id), expert = 0;
		struct buf b = {0};
		if (total == 0)
			continue;
		buf_printf(&b, "\nStap '%s' (%d keer gespeeld)",
			   sc->steps[s].id, total);
		plain_line(out, NULL, b.s);
		buf_free(&b);
		for (o = 0; o < sc->steps[s].nopt; o++) {
			const struct sc_option *opt = &sc->steps[s].opt[o];
			int n = 0;
			char head[64];
			for (k = 0; k < r->ncnt; k++)
				if (r->cnt[k].option == opt->num && strcmp(r->cnt[k].step, sc->steps[s].id) == 0 &&
				    strcmp(r->cnt[k].scenario, sc->id) == 0)
					n = r->cnt[k].count;
			expert += opt->expert ? n : 0;
			snprintf(head, sizeof head, "  %3d (%3d%%)%s ", n,
				 (n * 100 + total / 2) / total, opt->expert ? " expert" : "       ");
			plain_line(out, head, opt->text);
		}
		fprintf(out, "  Niet de expertkeuze: %d%%\n", ((total - expert) * 100 + total / 2) / total);
	}
}

void reviewview_cohort(FILE *out, const struct review *r, const char *scenario)
{
	const struct scenario *sc = content_scenario(r->c, scenario);
	size_t i, k;

	if (sc == NULL) {
		plain_line(out, "Onbekend scenario: ", scenario);
		return;
	}
	plain_line(out, "Cohort: ", sc->title);
	cohort_steps(out, r, sc);
	for (i = 0; i < r->ncs; i++) {
		if (strcmp(r->cs[i].scenario, scenario) != 0)
			continue;
		fputs("\nCompetenties onder doel:\n", out);
		for (k = 0; k < r->cs[i].fw->ncomps; k++) {
			fputs("  ", out);
			reviewview_pad(out, r->cs[i].fw->comps[k].name, 20);
			if (r->cs[i].n[k] == 0) {
				fputs("n.v.t. in dit scenario\n", out);
				continue;
			}
			fprintf(out, "%d van %d sessies (%d%%)\n", r->cs[i].below[k], r->cs[i].n[k],
				r->cs[i].n[k] ? (r->cs[i].below[k] * 100 + r->cs[i].n[k] / 2) / r->cs[i].n[k] : 0);
		}
	}
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void reviewview_records(FILE *out, const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	struct diag d = {0};

	while (dp && (e = readdir(dp)) != NULL)
		if (e->d_name[0] != '.' && strstr(e->d_name, ".csv")) {
			MEM_GROW(names, cap, n + 1);
			names[n++] = path_join(dir, e->d_name);
		}
	if (dp)
		closedir(dp);
	if (n) {
		qsort(names, n, sizeof *names, cmp_name);
		fprintf(out, "Intervisieverslagen: %zu\n", n);
	}
	for (i = 0; i < n; i++) {
		char *line = intervisie_describe(names[i], &d);
		if (line)
			plain_line(out, "  ", line);
		free(line);
		free(names[i]);
	}
	free(names);
	diag_free(&d);
}
