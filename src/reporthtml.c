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
struct scstat {
	const char *id;
	size_t n, done, open, stopped;
	long choices, expert;
	int nend, meter[METER_N][METER_MAX + 1];
};

/* A session with its trainee folded, to sort by trainee then date. */
struct bywho {
	char *key;
	const struct review_session *s;
};

static const char style[] =
	"body{font-family:sans-serif;margin:2em;color:#222;max-width:80em}"
	"table{border-collapse:collapse;font-size:13px;margin:.5em 0}"
	"td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;"
	"vertical-align:top}th{background:#f2f2f2}"
	"td.num,th.num{text-align:right}td.date,td.who{white-space:nowrap}"
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

static struct scstat *scstat_of(struct scstat **v, size_t *n, size_t *cap,
				const char *id)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i].id, id) == 0)
			return &(*v)[i];
	MEM_GROW(*v, *cap, *n + 1);
	memset(&(*v)[*n], 0, sizeof **v);
	(*v)[*n].id = id;
	return &(*v)[(*n)++];
}

/* The statistics per scenario, in name order. */
static struct scstat *scstats(const struct review *r, size_t *n)
{
	struct scstat *v = NULL, *st;
	size_t cap = 0, i;
	int m, x;

	*n = 0;
	for (i = 0; i < r->n; i++) {
		const struct review_session *s = &r->s[i];
		st = scstat_of(&v, n, &cap, s->scenario);
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
	for (i = 0; i < r->ncnt; i++) {
		st = scstat_of(&v, n, &cap, r->cnt[i].scenario);
		st->choices += r->cnt[i].count;
		st->expert += r->cnt[i].expert ? r->cnt[i].count : 0;
	}
	if (*n)
		qsort(v, *n, sizeof *v, cmp_scstat);
	return v;
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
		    const struct framework *fw, const struct scstat *v,
		    size_t nv)
{
	size_t i, done = 0, open = 0, stopped = 0;
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
		"de expert: %d%% van %ld keuzes.</li>\n", r->n, done, open,
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

/* Every session, oldest first. */
static void session_rows(FILE *out, const struct review *r,
			 const struct framework *fw)
{
	const struct review_session **v = report_by_start(r);
	size_t i, k;


	fputs("<div class=\"wide\"><table>\n<tr><th>datum</th><th>cursist</th>"
	      "<th>scenario</th><th>modus</th><th>status</th><th>einde</th>"
	      "<th class=\"num\">gezien</th><th class=\"num\">gehoord</th>"
	      "<th class=\"num\">geholpen</th>", out);
	comp_heads(out, fw);
	for (i = 0; i < r->n; i++) {
		const struct review_session *s = v[i];
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
	free(v);
}

static int cmp_bywho(const void *x, const void *y)
{
	const struct bywho *a = x, *b = y;
	int c = strcmp(a->key, b->key);

	return c ? c : strcmp(a->s->started, b->s->started);
}

/* The sessions by trainee (folded name), then oldest first. */
static struct bywho *by_trainee(const struct review *r)
{
	struct bywho *v = mem_calloc(r->n + 1, sizeof *v);
	size_t i;

	for (i = 0; i < r->n; i++) {
		v[i].s = &r->s[i];
		v[i].key = text_fold(r->s[i].trainee ? r->s[i].trainee : "");
	}
	if (r->n)
		qsort(v, r->n, sizeof *v, cmp_bywho);
	return v;
}

static void by_trainee_free(struct bywho *v, size_t n)
{
	while (n > 0)
		free(v[--n].key);
	free(v);
}

/* The end of the run of sessions of v[i]'s trainee. */
static size_t run_end(const struct bywho *v, size_t n, size_t i)
{
	size_t j = i;

	while (j < n && strcmp(v[j].key, v[i].key) == 0)
		j++;
	return j;
}

/* Above REPORTHTML_MAX_ROWS: one row per trainee, said in a note. */
static void trainee_rows(FILE *out, const struct review *r,
			 const struct bywho *v)
{
	size_t i = 0, j, k, done;

	fprintf(out, "<p class=\"note\">%zu sessies: meer dan %d, dus hier "
		"niet per sessie maar per cursist samengevat. Filter met "
		"--trainee, --groep, --scenario, --van of --tot voor een tabel "
		"per sessie (of gebruik de CSV).</p>\n", r->n,
		REPORTHTML_MAX_ROWS);
	fputs("<div class=\"wide\"><table>\n<tr><th>cursist</th>"
	      "<th class=\"num\">sessies</th><th class=\"num\">afgerond</th>"
	      "<th>eerste</th><th>laatste</th></tr>\n", out);
	while (i < r->n) {
		j = run_end(v, r->n, i);
		for (k = i, done = 0; k < j; k++)
			done += v[k].s->finished && !v[k].s->stopped;
		fputs("<tr>", out);
		cell(out, v[i].s->trainee);
		num(out, (long)(j - i));
		num(out, (long)done);
		cell(out, v[i].s->started);
		cell(out, v[j - 1].s->started);
		fputs("</tr>\n", out);
		i = j;
	}
	fputs("</table></div>\n", out);
}

static int leveled(const struct review_session *s, const struct framework *fw)
{
	return s->levels && s->fw == fw;
}

/* One small chart: competency k of one trainee's sessions v[0..n). */
static void growth_chart(FILE *out, const struct bywho *v, size_t n,
			 const struct framework *fw, size_t k)
{
	size_t i, m = 0, p = 0;
	int target = 0, l;
	char first[11] = "", last[11] = "";
	struct buf pts = {0};
	int x, y;

	for (i = 0; i < n; i++)
		if (leveled(v[i].s, fw) && v[i].s->shown[k] >= 0) {
			m++;
			target = v[i].s->target[k];
			snprintf(m == 1 ? first : last, 11, "%s", v[i].s->started);
		}
	fputs("<div><div>", out);
	text(out, fw->comps[k].name);
	fputs("</div><svg role=\"img\" width=\"170\" height=\"95\">", out);
	for (l = 0; l <= 3; l++)
		fprintf(out, "<text x=\"2\" y=\"%d\">%d</text><line x1=\"14\" "
			"y1=\"%d\" x2=\"165\" y2=\"%d\" stroke=\"#ddd\"/>",
			73 - l * 20, l, 70 - l * 20, 70 - l * 20);
	if (target > 0)
		fprintf(out, "<line x1=\"14\" y1=\"%d\" x2=\"165\" y2=\"%d\" "
			"stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>",
			70 - target * 20, 70 - target * 20);
	for (i = 0; i < n; i++)
		if (leveled(v[i].s, fw) && v[i].s->shown[k] >= 0) {
			x = m < 2 ? 90 : 22 + (int)(p++ * 138 / (m - 1));
			y = 70 - v[i].s->shown[k] * 20;
			fprintf(out, "<circle cx=\"%d\" cy=\"%d\" r=\"2.5\" "
				"fill=\"#2e5fa8\"/>", x, y);
			buf_printf(&pts, "%d,%d ", x, y);
		}
	fprintf(out, "<polyline fill=\"none\" stroke=\"#2e5fa8\" "
		"stroke-width=\"2\" points=\"%s\"/>", buf_str(&pts));
	buf_free(&pts);
	fprintf(out, "<text x=\"22\" y=\"88\">%s</text><text x=\"160\" "
		"y=\"88\" text-anchor=\"end\">%s</text></svg></div>\n",
		m ? first : "geen niveau", m > 1 ? last : "");
}

/* Trainees with levels: small multiples up to REPORTHTML_MAX_GROWTH,
 * above that a table of the latest levels, said in a note. */
static void growth(FILE *out, const struct review *r,
		   const struct framework *fw, const struct bywho *v)
{
	size_t i = 0, j, k, ntr = 0, last, nlev;

	for (i = 0; i < r->n; i = j) {
		j = run_end(v, r->n, i);
		for (k = i; k < j && !leveled(v[k].s, fw); k++)
			;
		ntr += k < j;
	}
	fputs("<h2>Groei per cursist</h2>\n", out);
	if (ntr <= REPORTHTML_MAX_GROWTH)
		fputs("<p>Per competentie het niveau (0-3) van elke afgeronde "
		      "sessie, oudste links; rode stippellijn: het doel; onder "
		      "de datum van de eerste en de laatste sessie.</p>\n", out);
	else {
		fprintf(out, "<p class=\"note\">%zu cursisten met niveaus: "
			"grafieken alleen bij %d of minder. De tabel geeft per "
			"cursist het laatste niveau; filter met --trainee of "
			"--groep voor grafieken.</p>\n<div class=\"wide\"><table>"
			"\n<tr><th>cursist</th><th class=\"num\">sessies met "
			"niveaus</th><th>laatste</th>", ntr,
			REPORTHTML_MAX_GROWTH);
		comp_heads(out, fw);
	}
	for (i = 0; i < r->n; i = j) {
		j = run_end(v, r->n, i);
		for (k = i, nlev = 0, last = j; k < j; k++)
			if (leveled(v[k].s, fw)) {
				nlev++;
				last = k;
			}
		if (nlev == 0)
			continue;
		if (ntr > REPORTHTML_MAX_GROWTH) {
			fputs("<tr>", out);
			cell(out, v[i].s->trainee);
			num(out, (long)nlev);
			cell(out, v[last].s->started);
			for (k = 0; k < fw->ncomps; k++)
				level(out, v[last].s, fw, k);
			fputs("</tr>\n", out);
			continue;
		}
		fputs("<div class=\"trainee\"><h3>", out);
		text(out, v[i].s->trainee);
		fputs("</h3><div class=\"multiples\">\n", out);
		for (k = 0; k < fw->ncomps; k++)
			growth_chart(out, v + i, j - i, fw, k);
		fputs("</div></div>\n", out);
	}
	if (ntr > REPORTHTML_MAX_GROWTH)
		fputs("</table></div>\n", out);
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

void reporthtml_write(FILE *out, const struct review *r,
		      const struct framework *fw)
{
	size_t nv;
	struct scstat *v = scstats(r, &nv);
	struct bywho *who = by_trainee(r);

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
	summary(out, r, fw, v, nv);
	below_table(out, r, fw);
	fputs("<h2>Sessies</h2>\n", out);
	if (r->n <= REPORTHTML_MAX_ROWS)
		session_rows(out, r, fw);
	else
		trainee_rows(out, r, who);
	steps(out, r);
	meters(out, v, nv);
	if (fw)
		growth(out, r, fw, who);
	fputs("</body>\n</html>\n", out);
	by_trainee_free(who, r->n);
	free(v);
}
