/*
 * reporthtml: one pass per section over the kept sessions and the step
 * rows. Bars are plain divs and growth charts small inline SVGs, so the
 * page needs nothing outside the file and prints as it shows. The expert
 * option is marked by its role (green, the word "expert"), never by a
 * colour per option number.
 */
#include "reporthtml.h"
#include "mem.h"
#include "report.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Per scenario: sessions by status, choices, meters at the end. */
struct reporthtml_scstat {
	char *id;
	size_t n, done, open, stopped;
	long choices, expert;
	int nend, meter[METER_N][METER_MAX + 1];
};

#define scstat reporthtml_scstat

/* One trainee's sessions as they are read, by trainee then oldest first:
 * the name as first spelled, the first and last start, and the levels of
 * the latest session with levels (its strings NULL). */
struct trun {
	struct buf fold, name, first, last, lateststart;
	size_t n, done, nlev;
	struct review_session latest;
};

/* What to do with each session of a trainee and at the end of each. */
struct walker {
	void (*session)(void *ctx, const struct trun *t,
			const struct review_session *s);
	void (*end)(void *ctx, const struct trun *t);
	void *ctx;
};

static const char style[] =
	"body{font-family:sans-serif;margin:2em;color:#222;max-width:80em}"
	"table{border-collapse:collapse;font-size:13px;margin:.5em 0}"
	"td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;"
	"vertical-align:top}th{background:#f2f2f2}"
	"td.num,th.num,.pt td{text-align:right}"
	".pt td:first-child{text-align:left}td.date,td.who{white-space:nowrap}"
	"td.below{background:#fde2e1}td.ok{background:#e3f4ea}"
	".wide{overflow-x:auto}.note{background:#fff6d6;padding:.5em}"
	".bar{height:12px;min-width:1px}.expert{background:#1b7f5f}"
	".other{background:#9aa3b2}.barcell{width:14em}"
	".key{display:inline-block;width:1em;height:.8em;margin:0 .3em}"
	"table.step{width:100%}table.step td:first-child{width:55%}"
	".multiples{display:flex;flex-wrap:wrap;gap:.5em}"
	".trainee{break-inside:avoid}svg text{font-size:9px}\n"
	"@page{size:A4 landscape;margin:12mm}\n"
	"@media print{body{margin:0;max-width:none;font-size:9pt}"
	"table{font-size:8pt}.wide{overflow:visible}"
	"tr,.trainee,table.step{break-inside:avoid}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static void text(FILE *out, const char *s)
{
	struct buf b = {0};

	report_html_escape(&b, s ? s : "");
	fwrite(buf_str(&b), 1, b.len, out);
	buf_free(&b);
}

static void cell(FILE *out, const char *s)
{
	fputs("<td>", out);
	text(out, s);
	fputs("</td>", out);
}

static void num(FILE *out, long n)
{
	fprintf(out, "<td class=\"num\">%ld</td>", n);
}

static int cmp_scstat(const void *x, const void *y)
{
	return strcmp(((const struct scstat *)x)->id,
		      ((const struct scstat *)y)->id);
}

static struct scstat *scstat_of(struct reporthtml *w, const char *id)
{
	size_t i;

	for (i = 0; i < w->nst; i++)
		if (strcmp(w->st[i].id, id) == 0)
			return &w->st[i];
	MEM_GROW(w->st, w->capst, w->nst + 1);
	memset(&w->st[w->nst], 0, sizeof *w->st);
	w->st[w->nst].id = mem_strdup(id);
	return &w->st[w->nst++];
}

/* Count session s in the statistics of its scenario. */
static void scstat_add(struct reporthtml *w, const struct review_session *s)
{
	struct scstat *st = scstat_of(w, s->scenario ? s->scenario : "");
	int m, x;

	st->n++;
	st->stopped += s->stopped;
	st->open += !s->stopped && !s->finished;
	st->done += !s->stopped && s->finished;
	for (m = 0; m < METER_N && s->finished && !s->stopped; m++) {
		x = s->meters[m];
		st->meter[m][x < 0 ? 0 : x > METER_MAX ? METER_MAX : x]++;
	}
	st->nend += s->finished && !s->stopped;
}

/* The choices per scenario from the counters; all in name order. */
static void scstats_finish(struct reporthtml *w, const struct review *r)
{
	struct scstat *st;
	size_t i;

	for (i = 0; i < r->ncnt; i++) {
		st = scstat_of(w, r->cnt[i].scenario);
		st->choices += r->cnt[i].count;
		st->expert += r->cnt[i].expert ? r->cnt[i].count : 0;
	}
	if (w->nst)
		qsort(w->st, w->nst, sizeof *w->st, cmp_scstat);
}

/* Below target for competency k over every scenario rated in fw. */
static void below_total(const struct review *r, const struct framework *fw,
			size_t k, int *n, int *below)
{
	size_t i;

	*n = *below = 0;
	for (i = 0; i < r->ncs; i++)
		if (r->cs[i].fw == fw) {
			*n += r->cs[i].n[k];
			*below += r->cs[i].below[k];
		}
}

static void summary(FILE *out, const struct review *r,
		    const struct reporthtml *w)
{
	const struct framework *fw = w->fw;
	const struct scstat *v = w->st;
	size_t i, nv = w->nst, done = 0, open = 0, stopped = 0;
	long choices = 0, expert = 0;
	int n, below;

	for (i = 0; i < nv; i++) {
		done += v[i].done;
		open += v[i].open;
		stopped += v[i].stopped;
		choices += v[i].choices;
		expert += v[i].expert;
	}
	fprintf(out, "<h2>Samenvatting</h2>\n<ul>\n<li>%zu sessies: %zu "
		"afgerond, %zu onderbroken, %zu gestopt.</li>\n<li>Keuzes van "
		"de expert: %d%% van %ld keuzes.</li>\n", w->n, done, open,
		stopped, report_percent((int)expert, (int)choices), choices);
	for (i = 0; fw && i < fw->ncomps; i++) {
		below_total(r, fw, i, &n, &below);
		fputs("<li>", out);
		text(out, fw->comps[i].name);
		if (n)
			fprintf(out, ": %d%% onder doel (%d van %d sessies).</li>\n",
				report_percent(below, n), below, n);
		else
			fputs(": geen sessies met een doel.</li>\n", out);
	}
	fputs("</ul>\n<div class=\"wide\"><table>\n<tr><th>scenario</th>"
	      "<th class=\"num\">sessies</th><th class=\"num\">afgerond</th>"
	      "<th class=\"num\">onderbroken</th><th class=\"num\">gestopt</th>"
	      "<th class=\"num\">keuzes van de expert</th></tr>\n", out);
	for (i = 0; i < nv; i++) {
		fputs("<tr>", out);
		cell(out, v[i].id);
		num(out, (long)v[i].n);
		num(out, (long)v[i].done);
		num(out, (long)v[i].open);
		num(out, (long)v[i].stopped);
		fprintf(out, "<td class=\"num\">%d%%</td></tr>\n",
			report_percent((int)v[i].expert, (int)v[i].choices));
	}
	fputs("</table></div>\n", out);
}

/* Scenarios as rows, competencies as columns: how many below target. */
static void below_table(FILE *out, const struct review *r,
			const struct framework *fw)
{
	size_t i, k;
	const struct review_compstat *cs;

	fputs("<h2>Competenties onder doel</h2>\n<p>Per scenario: sessies "
	      "onder doel van de sessies met een doel voor die competentie."
	      "</p>\n<div class=\"wide\"><table>\n<tr><th>scenario</th>", out);
	for (k = 0; fw && k < fw->ncomps; k++) {
		fputs("<th>", out);
		text(out, fw->comps[k].name);
		fputs("</th>", out);
	}
	fputs("</tr>\n", out);
	for (i = 0; fw && i < r->ncs; i++) {
		cs = &r->cs[i];
		if (cs->fw != fw)
			continue;
		fputs("<tr>", out);
		cell(out, cs->scenario);
		for (k = 0; k < fw->ncomps; k++)
			if (cs->n[k] == 0)
				fputs("<td>n.v.t.</td>", out);
			else
				fprintf(out, "<td class=\"%s\">%d van %d (%d%%)</td>",
					cs->below[k] ? "below" : "ok",
					cs->below[k], cs->n[k],
					report_percent(cs->below[k], cs->n[k]));
		fputs("</tr>\n", out);
	}
	fputs("</table></div>\n", out);
}

/* One level cell, coloured when rated against a target. */
static void level(FILE *out, const struct review_session *s,
		  const struct framework *fw, size_t k)
{
	struct buf b = {0};
	int rated = s->levels && s->fw == fw && s->shown[k] >= 0 &&
		    s->target[k] > 0;

	if (rated)
		fprintf(out, "<td class=\"%s\">",
			s->shown[k] < s->target[k] ? "below" : "ok");
	else
		fputs("<td>", out);
	if (!s->levels || s->fw != fw)
		buf_add(&b, "-");
	else
		review_level_cell(&b, s, k, 0);
	buf_add(&b, "</td>");
	fwrite(buf_str(&b), 1, b.len, out);
	buf_free(&b);
}

static void comp_heads(FILE *out, const struct framework *fw)
{
	size_t k;

	for (k = 0; fw && k < fw->ncomps; k++) {
		fputs("<th>", out);
		text(out, fw->comps[k].name);
		fputs("</th>", out);
	}
	fputs("</tr>\n", out);
}

/* "2026-01-31T12:00:00Z" as "2026-01-31 12:00", unbroken. */
static void date_cell(FILE *out, const char *iso)
{
	char day[17];

	snprintf(day, sizeof day, "%s", iso ? iso : "");
	if (strlen(day) == 16 && day[10] == 'T')
		day[10] = ' ';
	fputs("<td class=\"date\">", out);
	text(out, day);
	fputs("</td>", out);
}

/* Every session, oldest first (at most REPORTHTML_MAX_ROWS). */
static int session_rows(FILE *out, struct reporthtml *w)
{
	const struct framework *fw = w->fw;
	struct review_session one;
	const struct review_session *s = &one;
	size_t k;
	int rc;

	if (spool_rewind(&w->rows) != 0)
		return -1;
	fputs("<div class=\"wide\"><table>\n<tr><th>datum</th><th>cursist</th>"
	      "<th>scenario</th><th>modus</th><th>status</th><th>einde</th>"
	      "<th class=\"num\">gezien</th><th class=\"num\">gehoord</th>"
	      "<th class=\"num\">geholpen</th>", out);
	comp_heads(out, fw);
	while ((rc = report_spool_next(&w->rows, &one)) > 0) {
		fputs("<tr>", out);
		date_cell(out, s->started);
		fputs("<td class=\"who\">", out);
		text(out, s->trainee);
		fputs("</td>", out);
		cell(out, s->scenario);
		cell(out, s->mode);
		cell(out, review_status(s));
		cell(out, s->ending ? s->ending : "-");
		for (k = 0; k < METER_N; k++)
			num(out, s->meters[k]);
		for (k = 0; fw && k < fw->ncomps; k++)
			level(out, s, fw, k);
		fputs("</tr>\n", out);
	}
	fputs("</table></div>\n", out);
	return rc;
}

static int leveled(const struct review_session *s, const struct framework *fw)
{
	return s->levels && s->fw == fw;
}

static void trun_start(struct trun *t, const char *fold,
		       const struct review_session *s)
{
	buf_clear(&t->fold);
	buf_clear(&t->name);
	buf_clear(&t->first);
	buf_add(&t->fold, fold);
	buf_add(&t->name, s->trainee ? s->trainee : "");
	buf_add(&t->first, s->started ? s->started : "");
	t->n = t->done = t->nlev = 0;
}

static void trun_add(struct trun *t, const struct review_session *s,
		     const struct framework *fw)
{
	t->n++;
	t->done += s->finished && !s->stopped;
	buf_clear(&t->last);
	buf_add(&t->last, s->started ? s->started : "");
	if (!leveled(s, fw))
		return;
	t->nlev++;
	t->latest = *s;
	t->latest.path = t->latest.id = t->latest.trainee = NULL;
	t->latest.persona = t->latest.scenario = t->latest.mode = NULL;
	t->latest.started = t->latest.ending = NULL;
	buf_clear(&t->lateststart);
	buf_add(&t->lateststart, s->started ? s->started : "");
}

/* Read every session by trainee, handing each and each trainee's end to
 * wk; 0, or -1 when the spool cannot be read. */
static int walk(struct reporthtml *w, const struct walker *wk)
{
	struct trun t = {0};
	struct review_session s;
	char *fold;
	int rc;

	if (spool_rewind(&w->who) != 0)
		return -1;
	while ((rc = report_spool_next(&w->who, &s)) > 0) {
		fold = text_fold(s.trainee ? s.trainee : "");
		if (t.n && strcmp(fold, buf_str(&t.fold)) != 0)
			wk->end(wk->ctx, &t);
		if (t.n == 0 || strcmp(fold, buf_str(&t.fold)) != 0)
			trun_start(&t, fold, &s);
		free(fold);
		trun_add(&t, &s, w->fw);
		if (wk->session)
			wk->session(wk->ctx, &t, &s);
	}
	if (rc == 0 && t.n)
		wk->end(wk->ctx, &t);
	buf_free(&t.fold);
	buf_free(&t.name);
	buf_free(&t.first);
	buf_free(&t.last);
	buf_free(&t.lateststart);
	return rc;
}

/* The latest levels of t, or "-" for each competency. */
static void latest_levels(FILE *out, const struct trun *t,
			  const struct framework *fw)
{
	size_t k;

	for (k = 0; fw && k < fw->ncomps; k++)
		if (t->nlev)
			level(out, &t->latest, fw, k);
		else
			fputs("<td>-</td>", out);
}

struct rows_ctx {
	FILE *out;
	const struct framework *fw;
	size_t rows;
};

static void trainee_row(void *ctx, const struct trun *t)
{
	struct rows_ctx *c = ctx;

	if (c->rows++ >= REPORTHTML_MAX_TRAINEES)
		return;
	fputs("<tr>", c->out);
	cell(c->out, buf_str(&t->name));
	fprintf(c->out, "<td>%zu</td><td>%zu</td><td>%.10s</td><td>%.10s"
		"</td>", t->n, t->done, buf_str(&t->first), buf_str(&t->last));
	latest_levels(c->out, t, c->fw);
	fputs("</tr>\n", c->out);
}

/* Above REPORTHTML_MAX_ROWS: one short row per trainee (its sessions, the
 * first and last day, the latest levels), said in a note. */
static int trainee_rows(FILE *out, struct reporthtml *w)
{
	struct rows_ctx c = {out, w->fw, 0};
	struct walker wk = {NULL, trainee_row, &c};
	int rc;

	fprintf(out, "<p class=\"note\">%zu sessies: meer dan %d, dus hier "
		"niet per sessie maar per cursist samengevat, met het laatste "
		"niveau. Filter met --trainee, --groep, --scenario, --van of "
		"--tot voor een tabel per sessie (of gebruik de CSV).</p>\n",
		w->n, REPORTHTML_MAX_ROWS);
	fputs("<div class=\"wide\"><table class=\"pt\">\n<tr><th>cursist</th>"
	      "<th>sessies</th><th>afgerond</th><th>eerste</th><th>laatste</th>",
	      out);
	comp_heads(out, w->fw);
	rc = walk(w, &wk);
	fputs("</table></div>\n", out);
	if (c.rows > REPORTHTML_MAX_TRAINEES)
		fprintf(out, "<p class=\"note\">En nog %zu cursisten (na de "
			"eerste %d op naam): niet in deze tabel; zie de CSV of "
			"filter.</p>\n", c.rows - REPORTHTML_MAX_TRAINEES,
			REPORTHTML_MAX_TRAINEES);
	return rc;
}

/* One growth chart being drawn: the sessions with a level for its
 * competency (m, known from the first pass) go to at most
 * REPORTHTML_MAX_POINTS points, each the mean of consecutive sessions. */
struct chart {
	size_t m, p, cnt;
	long sum;
	int target;
	char first[11], last[11];
	struct buf dots, pts;
};

/* Trainees with levels, the charts of the first REPORTHTML_MAX_GROWTH. */
struct growth_ctx {
	FILE *out;
	const struct framework *fw;
	size_t ntr;
	size_t m[REPORTHTML_MAX_GROWTH][REVIEW_MAX_COMP];
	size_t cur[REVIEW_MAX_COMP];
	struct chart ch[REVIEW_MAX_COMP];
};

static void count_session(void *ctx, const struct trun *t,
			  const struct review_session *s)
{
	struct growth_ctx *g = ctx;
	size_t k;

	(void)t;
	for (k = 0; leveled(s, g->fw) && k < g->fw->ncomps; k++)
		g->cur[k] += s->shown[k] >= 0;
}

static void count_end(void *ctx, const struct trun *t)
{
	struct growth_ctx *g = ctx;

	if (t->nlev && g->ntr < REPORTHTML_MAX_GROWTH)
		memcpy(g->m[g->ntr], g->cur, sizeof g->cur);
	g->ntr += t->nlev > 0;
	memset(g->cur, 0, sizeof g->cur);
}

static size_t points(const struct chart *c)
{
	return c->m < REPORTHTML_MAX_POINTS ? c->m : REPORTHTML_MAX_POINTS;
}

/* Draw the point of the sessions gathered in c (bucket b). */
static void point(struct chart *c, size_t b)
{
	size_t nb = points(c);
	int x = nb < 2 ? 90 : 22 + (int)(b * 138 / (nb - 1));
	int y = 70 - (int)((c->sum * 20 + (long)c->cnt / 2) / (long)c->cnt);

	buf_printf(&c->dots, "<circle cx=\"%d\" cy=\"%d\" r=\"2.5\" "
		   "fill=\"#2e5fa8\"/>", x, y);
	buf_printf(&c->pts, "%d,%d ", x, y);
	c->sum = 0;
	c->cnt = 0;
}

static void chart_session(void *ctx, const struct trun *t,
			  const struct review_session *s)
{
	struct growth_ctx *g = ctx;
	struct chart *c;
	size_t k;

	(void)t;
	for (k = 0; leveled(s, g->fw) && k < g->fw->ncomps; k++) {
		c = &g->ch[k];
		if (s->shown[k] < 0 || c->p >= c->m)
			continue;
		if (c->cnt && c->p * points(c) / c->m !=
			      (c->p - 1) * points(c) / c->m)
			point(c, (c->p - 1) * points(c) / c->m);
		c->target = s->target[k];
		snprintf(c->p ? c->last : c->first, 11, "%s",
			 s->started ? s->started : "");
		c->sum += s->shown[k];
		c->cnt++;
		c->p++;
	}
}

/* One small chart: competency k of one trainee, from c. */
static void chart_draw(FILE *out, struct chart *c, const char *name)
{
	int l;

	if (c->cnt)
		point(c, points(c) - 1);
	fputs("<div><div>", out);
	text(out, name);
	fputs("</div><svg role=\"img\" width=\"170\" height=\"95\">", out);
	for (l = 0; l <= 3; l++)
		fprintf(out, "<text x=\"2\" y=\"%d\">%d</text><line x1=\"14\" "
			"y1=\"%d\" x2=\"165\" y2=\"%d\" stroke=\"#ddd\"/>",
			73 - l * 20, l, 70 - l * 20, 70 - l * 20);
	if (c->target > 0)
		fprintf(out, "<line x1=\"14\" y1=\"%d\" x2=\"165\" y2=\"%d\" "
			"stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>",
			70 - c->target * 20, 70 - c->target * 20);
	fputs(buf_str(&c->dots), out);
	fprintf(out, "<polyline fill=\"none\" stroke=\"#2e5fa8\" "
		"stroke-width=\"2\" points=\"%s\"/>", buf_str(&c->pts));
	fprintf(out, "<text x=\"22\" y=\"88\">%s</text><text x=\"160\" "
		"y=\"88\" text-anchor=\"end\">%s</text></svg></div>\n",
		c->m ? c->first : "geen niveau", c->m > 1 ? c->last : "");
}

/* Reset the charts for the trainee with levels numbered ord. */
static void charts_reset(struct growth_ctx *g, size_t ord)
{
	size_t k;

	for (k = 0; k < REVIEW_MAX_COMP; k++) {
		buf_free(&g->ch[k].dots);
		buf_free(&g->ch[k].pts);
		memset(&g->ch[k], 0, sizeof g->ch[k]);
		g->ch[k].m = ord < REPORTHTML_MAX_GROWTH ? g->m[ord][k] : 0;
	}
}

static void chart_end(void *ctx, const struct trun *t)
{
	struct growth_ctx *g = ctx;
	size_t k;

	if (t->nlev) {
		fputs("<div class=\"trainee\"><h3>", g->out);
		text(g->out, buf_str(&t->name));
		fputs("</h3>", g->out);
		if (t->nlev > REPORTHTML_MAX_POINTS)
			fprintf(g->out, "<p class=\"note\">%zu sessies met "
				"niveaus: per grafiek hoogstens %d punten, elk "
				"het gemiddelde van opeenvolgende sessies.</p>",
				t->nlev, REPORTHTML_MAX_POINTS);
		fputs("<div class=\"multiples\">\n", g->out);
		for (k = 0; k < g->fw->ncomps; k++)
			chart_draw(g->out, &g->ch[k], g->fw->comps[k].name);
		fputs("</div></div>\n", g->out);
	}
	charts_reset(g, g->ntr += t->nlev > 0);
}

static void growth_row(void *ctx, const struct trun *t)
{
	struct growth_ctx *g = ctx;

	if (t->nlev == 0)
		return;
	fputs("<tr>", g->out);
	cell(g->out, buf_str(&t->name));
	num(g->out, (long)t->nlev);
	cell(g->out, buf_str(&t->lateststart));
	latest_levels(g->out, t, g->fw);
	fputs("</tr>\n", g->out);
}

/* Charts for every trainee with levels, in two passes: counting, then
 * drawing. */
static int charts(struct reporthtml *w, struct growth_ctx *g)
{
	struct walker draw = {chart_session, chart_end, g};
	int rc;

	g->ntr = 0;
	charts_reset(g, 0);
	rc = walk(w, &draw);
	charts_reset(g, REPORTHTML_MAX_GROWTH);
	return rc;
}

/* Trainees with levels: small multiples up to REPORTHTML_MAX_GROWTH,
 * above that a table of the latest levels, said in a note. */
static int growth(FILE *out, struct reporthtml *w)
{
	struct growth_ctx g;
	struct walker count = {count_session, count_end, &g};
	struct walker table = {NULL, growth_row, &g};
	size_t ntr;
	int rc;

	memset(&g, 0, sizeof g);
	g.out = out;
	g.fw = w->fw;
	if (walk(w, &count) != 0)
		return -1;
	ntr = g.ntr;
	fputs("<h2>Groei per cursist</h2>\n", out);
	if (ntr > REPORTHTML_MAX_GROWTH && w->n > REPORTHTML_MAX_ROWS) {
		fprintf(out, "<p class=\"note\">%zu cursisten met niveaus: "
			"grafieken alleen bij %d of minder. Het laatste niveau "
			"per cursist staat in de tabel onder Sessies; filter met "
			"--trainee of --groep voor grafieken.</p>\n", ntr,
			REPORTHTML_MAX_GROWTH);
		return 0;
	}
	if (ntr <= REPORTHTML_MAX_GROWTH) {
		fputs("<p>Per competentie het niveau (0-3) van elke afgeronde "
		      "sessie, oudste links; rode stippellijn: het doel; onder "
		      "de datum van de eerste en de laatste sessie.</p>\n", out);
		return charts(w, &g);
	}
	fprintf(out, "<p class=\"note\">%zu cursisten met niveaus: "
		"grafieken alleen bij %d of minder. De tabel geeft per "
		"cursist het laatste niveau; filter met --trainee of "
		"--groep voor grafieken.</p>\n<div class=\"wide\"><table>"
		"\n<tr><th>cursist</th><th class=\"num\">sessies met "
		"niveaus</th><th>laatste</th>", ntr, REPORTHTML_MAX_GROWTH);
	comp_heads(out, w->fw);
	rc = walk(w, &table);
	fputs("</table></div>\n", out);
	return rc;
}

/* Per step a table: every option by its text, count, share and a bar,
 * green for the expert's option, grey for the others. */
static void steps(FILE *out, const struct review *r)
{
	size_t n, i;
	struct report_step *v = report_steps(r, &n);

	fputs("<h2>Keuzes per stap</h2>\n<p class=\"legend\">In de volgorde "
	      "van het scenario, met elke optie (0: niemand koos haar). "
	      "<span class=\"key expert\"></span>keuze van de expert "
	      "<span class=\"key other\"></span>andere optie</p>\n", out);
	for (i = 0; i < n; i++) {
		int pct = report_percent(v[i].count, v[i].total);
		if (i == 0 || strcmp(v[i].scenario, v[i - 1].scenario) != 0) {
			fputs("<h3>", out);
			text(out, v[i].scenario);
			fputs("</h3>\n", out);
		}
		if (i == 0 || strcmp(v[i].scenario, v[i - 1].scenario) != 0 ||
		    strcmp(v[i].step, v[i - 1].step) != 0) {
			fputs("<table class=\"step\"><tr><th>stap ", out);
			text(out, v[i].step);
			fputs("</th><th class=\"num\">aantal</th><th class=\"num\">"
			      "%</th><th>verdeling</th></tr>\n", out);
		}
		fputs("<tr><td>", out);
		text(out, v[i].text);
		fprintf(out, "%s</td>", v[i].expert ? " <b>(expert)</b>" : "");
		num(out, v[i].count);
		fprintf(out, "<td class=\"num\">%d%%</td><td class=\"barcell\">"
			"<div class=\"bar %s\" style=\"width:%d%%\"></div></td>"
			"</tr>\n", pct, v[i].expert ? "expert" : "other", pct);
		if (i + 1 == n || strcmp(v[i].scenario, v[i + 1].scenario) != 0 ||
		    strcmp(v[i].step, v[i + 1].step) != 0)
			fputs("</table>\n", out);
	}
	free(v);
}

/* Per scenario and meter: how many finished sessions ended at each value. */
static void meters(FILE *out, const struct scstat *v, size_t nv)
{
	size_t i;
	int m, x, most;

	fprintf(out, "<h2>Meters aan het eind</h2>\n<p>Per scenario: hoeveel "
		"afgeronde sessies eindigden op elke waarde (0-%d); donkerder "
		"is meer.</p>\n<div class=\"wide\"><table>\n<tr><th>scenario"
		"</th><th>meter</th>", METER_MAX);
	for (x = 0; x <= METER_MAX; x++)
		fprintf(out, "<th class=\"num\">%d</th>", x);
	fputs("</tr>\n", out);
	for (i = 0; i < nv; i++)
		for (m = 0; m < METER_N && v[i].nend; m++) {
			fputs("<tr>", out);
			cell(out, m == 0 ? v[i].id : "");
			cell(out, scenario_meter_name[m]);
			for (x = 0, most = 1; x <= METER_MAX; x++)
				most = v[i].meter[m][x] > most ? v[i].meter[m][x] : most;
			for (x = 0; x <= METER_MAX; x++)
				fprintf(out, "<td class=\"num\" style=\"background:"
					"rgba(46,95,168,%.2f)\">%d</td>",
					0.6 * v[i].meter[m][x] / most,
					v[i].meter[m][x]);
			fputs("</tr>\n", out);
		}
	fputs("</table></div>\n", out);
}

void reporthtml_init(struct reporthtml *w, const struct framework *fw)
{
	memset(w, 0, sizeof *w);
	w->fw = fw;
	spool_init(&w->rows, SPOOL_BUDGET);
	spool_init(&w->who, SPOOL_BUDGET);
}

void reporthtml_add(struct reporthtml *w, const struct review_session *s)
{
	scstat_add(w, s);
	if (w->n < REPORTHTML_MAX_ROWS)
		(void)report_spool_add(&w->rows, REPORT_OLDEST, s);
	(void)report_spool_add(&w->who, REPORT_BY_TRAINEE, s);
	w->n++;
}

int reporthtml_write(struct reporthtml *w, const struct review *r,
		     FILE *out)
{
	const struct framework *fw = w->fw;
	int rc;

	scstats_finish(w, r);
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta "
		"charset=\"utf-8\">\n<title>Rapport klantcoach</title>\n"
		"<style>\n%s</style>\n</head>\n<body>\n<h1>Rapport klantcoach"
		"</h1>\n<p>", style);
	report_counts(out, r, report_html_escape);
	fputs("</p>\n", out);
	if (r->framework) {
		fputs("<p>", out);
		report_derived_note(out, r, fw, report_html_escape);
		fputs("</p>\n", out);
	}
	summary(out, r, w);
	below_table(out, r, fw);
	fputs("<h2>Sessies</h2>\n", out);
	if (w->n <= REPORTHTML_MAX_ROWS)
		rc = session_rows(out, w);
	else
		rc = trainee_rows(out, w);
	steps(out, r);
	meters(out, w->st, w->nst);
	if (fw && rc == 0)
		rc = growth(out, w);
	fputs("</body>\n</html>\n", out);
	return rc;
}

void reporthtml_free(struct reporthtml *w)
{
	size_t i;

	for (i = 0; i < w->nst; i++)
		free(w->st[i].id);
	free(w->st);
	spool_free(&w->rows);
	spool_free(&w->who);
	memset(w, 0, sizeof *w);
}
