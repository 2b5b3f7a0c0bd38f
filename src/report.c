/*
 * report: three writers over the same review. Tables come from the session
 * summaries and the per-step counters; charts are hand-made SVG (bars and
 * lines) so the HTML needs nothing outside the file.
 */
#include "report.h"
#include "derived.h"
#include "csvfile.h"
#include "mem.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

int report_parse_format(const char *s)
{
	if (strcmp(s, "csv") == 0)
		return REPORT_CSV;
	if (strcmp(s, "md") == 0)
		return REPORT_MD;
	if (strcmp(s, "html") == 0)
		return REPORT_HTML;
	return -1;
}

void report_html_escape(struct buf *b, const char *s)
{
	char *clean = text_sanitize(s, strlen(s), 0);
	const char *p;

	for (p = clean; *p; p++)
		switch (*p) {
		case '&': buf_add(b, "&amp;"); break;
		case '<': buf_add(b, "&lt;"); break;
		case '>': buf_add(b, "&gt;"); break;
		case '"': buf_add(b, "&quot;"); break;
		case '\'': buf_add(b, "&#39;"); break;
		default: buf_addc(b, *p);
		}
	free(clean);
}

void report_md_escape(struct buf *b, const char *s)
{
	char *clean = text_sanitize(s, strlen(s), 0);
	const char *p;

	for (p = clean; *p; p++) {
		if (strchr("|\\`*_[]#<>&", *p)) {
			if (*p == '<') buf_add(b, "&lt;");
			else if (*p == '>') buf_add(b, "&gt;");
			else if (*p == '&') buf_add(b, "&amp;");
			else { buf_addc(b, '\\'); buf_addc(b, *p); }
		} else {
			buf_addc(b, *p);
		}
	}
	free(clean);
}

void report_csv_cell(struct buf *b, const char *s)
{
	char *clean = text_sanitize(s ? s : "", strlen(s ? s : ""), 1);

	csvfile_safe_field(b, clean);
	free(clean);
}

static void put(FILE *out, struct buf *b)
{
	fwrite(buf_str(b), 1, b->len, out);
	buf_clear(b);
}

static int cmp_count(const void *x, const void *y)
{
	const struct review_count *a = *(const struct review_count *const *)x;
	const struct review_count *b = *(const struct review_count *const *)y;
	int c = strcmp(a->scenario, b->scenario);

	if (c == 0)
		c = strcmp(a->step, b->step);
	return c ? c : a->option - b->option;
}

/* Counters sorted by scenario, step, option (pointers into r->cnt). */
static const struct review_count **sorted_counts(const struct review *r)
{
	const struct review_count **v = mem_calloc(r->ncnt + 1, sizeof *v);
	size_t i;

	for (i = 0; i < r->ncnt; i++)
		v[i] = &r->cnt[i];
	if (r->ncnt)
		qsort(v, r->ncnt, sizeof *v, cmp_count);
	return v;
}

int report_percent(int part, int whole)
{
	return whole ? (part * 100 + whole / 2) / whole : 0;
}

/* Rows of one scenario's counters g[0..n): every option of every step of
 * the current version in file order (nobody chose it: count 0), then the
 * counters that version lacks, in name order. */
static void scenario_rows(const struct review *r,
			  const struct review_count *const *g, size_t n,
			  struct report_step **v, size_t *nv, size_t *cap)
{
	const struct scenario *sc = content_scenario(r->c, g[0]->scenario);
	char *used = mem_calloc(n + 1, 1);
	size_t s, i;
	int o;

	for (s = 0; sc && s < sc->nsteps; s++)
		for (o = 0; o < sc->steps[s].nopt; o++) {
			const struct sc_option *opt = &sc->steps[s].opt[o];
			struct report_step *row;
			for (i = 0; i < n && (used[i] || opt->num != g[i]->option ||
					      strcmp(g[i]->step, sc->steps[s].id)); i++)
				;
			MEM_GROW(*v, *cap, *nv + 1);
			row = &(*v)[(*nv)++];
			*row = (struct report_step){sc->id, sc->steps[s].id,
				opt->text, opt->num, 0, 0, opt->expert};
			if (i < n) {
				used[i] = 1;
				row->count = g[i]->count;
				row->expert = g[i]->expert || opt->expert;
			}
		}
	for (i = 0; i < n; i++)
		if (!used[i]) {
			MEM_GROW(*v, *cap, *nv + 1);
			(*v)[(*nv)++] = (struct report_step){g[i]->scenario,
				g[i]->step, "", g[i]->option, g[i]->count, 0,
				g[i]->expert};
		}
	free(used);
}

/* Each row's total: the sum over the rows of its step (v[0..n) are the
 * rows of one scenario). */
static void step_totals(struct report_step *v, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++)
		for (k = 0; k < n; k++)
			if (strcmp(v[k].step, v[i].step) == 0)
				v[i].total += v[k].count;
}

struct report_step *report_steps(const struct review *r, size_t *n)
{
	const struct review_count **g = sorted_counts(r);
	struct report_step *v = NULL;
	size_t i = 0, j, cap = 0, first;

	*n = 0;
	while (i < r->ncnt) {
		for (j = i; j < r->ncnt && strcmp(g[j]->scenario,
						  g[i]->scenario) == 0; j++)
			;
		first = *n;
		scenario_rows(r, g + i, j - i, &v, n, &cap);
		step_totals(v + first, *n - first);
		i = j;
	}
	free(g);
	return v;
}

/* ---- Markdown ---- */

static void md_cell(struct buf *b, const char *s)
{
	buf_add(b, " ");
	report_md_escape(b, s ? s : "");
	buf_add(b, " |");
}

static void md_sessions(FILE *out, const struct review *r, const struct framework *fw)
{
	struct buf b = {0};
	size_t i, k;

	fputs("## Sessies\n\n| datum | cursist | scenario | modus | status | einde | gezien | gehoord | geholpen |", out);
	for (k = 0; fw && k < fw->ncomps; k++)
		fprintf(out, " %s |", fw->comps[k].name);
	fputs("\n|---|---|---|---|---|---|---|---|---|", out);
	for (k = 0; fw && k < fw->ncomps; k++)
		fputs("---|", out);
	fputc('\n', out);
	for (i = 0; i < r->n; i++) {
		const struct review_session *s = &r->s[i];
		buf_add(&b, "|");
		md_cell(&b, s->started);
		md_cell(&b, s->trainee);
		md_cell(&b, s->scenario);
		md_cell(&b, s->mode);
		md_cell(&b, review_status(s));
		md_cell(&b, s->ending ? s->ending : "-");
		buf_printf(&b, " %d | %d | %d |", s->meters[0], s->meters[1], s->meters[2]);
		for (k = 0; fw && k < fw->ncomps; k++) {
			buf_addc(&b, ' ');
			if (!s->levels || s->fw != fw)
				buf_add(&b, "-");
			else
				review_level_cell(&b, s, k, 0);
			buf_add(&b, " |");
		}
		buf_addc(&b, '\n');
		put(out, &b);
	}
	buf_free(&b);
}

static void md_steps(FILE *out, const struct review *r)
{
	size_t n, i;
	struct report_step *v = report_steps(r, &n);
	struct buf b = {0};

	fputs("\n## Keuzes per stap\n\n| scenario | stap | aantal | % | expert | optie |\n"
	      "|---|---|---|---|---|---|\n", out);
	for (i = 0; i < n; i++) {
		buf_add(&b, "|");
		md_cell(&b, v[i].scenario);
		md_cell(&b, v[i].step);
		buf_printf(&b, " %d | %d%% | %s |", v[i].count,
			   report_percent(v[i].count, v[i].total),
			   v[i].expert ? "ja" : "nee");
		md_cell(&b, v[i].text);
		buf_addc(&b, '\n');
		put(out, &b);
	}
	buf_free(&b);
	free(v);
}

static void md_comps(FILE *out, const struct review *r)
{
	struct buf b = {0};
	size_t i, k;

	fputs("\n## Competenties onder doel\n\n| scenario | competentie | sessies | onder doel |\n"
	      "|---|---|---|---|\n", out);
	for (i = 0; i < r->ncs; i++)
		for (k = 0; r->cs[i].fw && k < r->cs[i].fw->ncomps; k++) {
			buf_add(&b, "|");
			md_cell(&b, r->cs[i].scenario);
			md_cell(&b, r->cs[i].fw->comps[k].name);
			if (r->cs[i].n[k] == 0)
				buf_add(&b, " 0 | n.v.t. in dit scenario |\n");
			else
				buf_printf(&b, " %d | %d (%d%%) |\n", r->cs[i].n[k],
					   r->cs[i].below[k],
					   report_percent(r->cs[i].below[k], r->cs[i].n[k]));
			put(out, &b);
		}
	buf_free(&b);
}

/* With a framework asked for: which levels the report shows, the
 * framework's name escaped by esc for the format. */
static void derived_note(FILE *out, const struct review *r,
			 const struct framework *fw,
			 void (*esc)(struct buf *, const char *))
{
	struct buf b = {0};

	if (fw == NULL)
		return;
	buf_add(&b, "Niveaus in ");
	esc(&b, fw->name);
	buf_printf(&b, ". Bij scenario's in een ander framework zijn ze "
		   "afgeleid, indicatief, via een kruistabel: tussen haakjes het "
		   "aantal waarnemingen, geen oordeel onder %d (te weinig).",
		   DERIVED_MIN_OBS);
	put(out, &b);
	buf_free(&b);
}

/* With a group: its size and the members without sessions, escaped by
 * esc for the format. */
static void group_note(FILE *out, const struct review *r,
		       void (*esc)(struct buf *, const char *))
{
	struct buf b = {0};
	size_t i, none = 0;

	if (r->ingroup == NULL)
		return;
	buf_printf(&b, " Groep van %zu cursisten", r->filter->ngroup);
	for (i = 0; i < r->filter->ngroup; i++)
		if (r->ingroup[i] == 0) {
			buf_add(&b, none++ ? ", " : "; zonder sessies (0): ");
			esc(&b, r->filter->group[i]);
		}
	buf_addc(&b, '.');
	put(out, &b);
	buf_free(&b);
}

/* "N sessies uit M bestanden (K overgeslagen)" */
static void count_line(FILE *out, const struct review *r)
{
	fprintf(out, "%zu sessies uit %zu bestanden", r->nsessions, r->nfiles);
	if (r->nskipped)
		fprintf(out, " (%zu overgeslagen)", r->nskipped);
}

void report_md(FILE *out, const struct review *r, const struct framework *fw)
{
	fputs("# Rapport klantcoach\n\n", out);
	count_line(out, r);
	fputc('.', out);
	group_note(out, r, report_md_escape);
	fputs("\n\n", out);
	if (r->framework) {
		derived_note(out, r, fw, report_md_escape);
		fputs("\n\n", out);
	}
	md_sessions(out, r, fw);
	md_steps(out, r);
	md_comps(out, r);
}

/* ---- HTML ---- */

#define NPALETTE 8
static const char *const palette[NPALETTE] = {
	"#1b7f5f", "#c0392b", "#2e5fa8", "#b7791f", "#6b46c1", "#0f766e", "#9d174d", "#475569",
};

static void html_text(FILE *out, struct buf *b, const char *s)
{
	report_html_escape(b, s ? s : "");
	put(out, b);
}

/* Grouped bars: the three meters of each session, oldest first. */
static void svg_meters(FILE *out, const struct review *r)
{
	size_t i, n = r->n;
	int bw = 6, gw = 3 * bw + 6, h = 120, m;
	struct buf b = {0};

	fprintf(out, "<h2>Meters per sessie</h2>\n<svg role=\"img\" aria-label=\"meters per sessie\" "
		"width=\"%zu\" height=\"%d\" viewBox=\"0 0 %zu %d\">\n", n * (size_t)gw + 40, h + 30,
		n * (size_t)gw + 40, h + 30);
	fprintf(out, "<line x1=\"30\" y1=\"%d\" x2=\"%zu\" y2=\"%d\" stroke=\"#999\"/>\n", h,
		n * (size_t)gw + 35, h);
	for (i = 0; i < n; i++) {
		const struct review_session *s = &r->s[n - 1 - i];
		for (m = 0; m < METER_N; m++) {
			int bh = s->meters[m] * (h - 10) / METER_MAX;
			fprintf(out, "<rect x=\"%zu\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
				"<title>", 32 + i * (size_t)gw + (size_t)(m * bw), h - bh, bw - 1, bh,
				palette[m]);
			struct buf t = {0};
			buf_printf(&t, "%s %s: %s %d", s->started ? s->started : "",
				   s->trainee ? s->trainee : "", scenario_meter_name[m], s->meters[m]);
			html_text(out, &b, t.s);
			buf_free(&t);
			fputs("</title></rect>\n", out);
		}
	}
	for (m = 0; m < METER_N; m++)
		fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>\n",
			40 + m * 80, h + 22, palette[m], scenario_meter_name[m]);
	fputs("</svg>\n", out);
	buf_free(&b);
}

/* Distinct trainees, oldest session first, at most max. */
static size_t trainees(const struct review *r, const char **v, size_t max)
{
	size_t i, k, n = 0;

	for (i = r->n; i-- > 0 && n < max;) {
		const char *t = r->s[i].trainee ? r->s[i].trainee : "";
		for (k = 0; k < n && strcmp(v[k], t) != 0; k++)
			;
		if (k == n)
			v[n++] = t;
	}
	return n;
}

static void svg_growth_one(FILE *out, const struct review *r, const struct framework *fw,
			   const char *who)
{
	struct buf b = {0};
	size_t i, k, n = 0, x;
	int h = 100;

	for (i = 0; i < r->n; i++)
		n += r->s[i].levels && r->s[i].fw == fw && strcmp(r->s[i].trainee ? r->s[i].trainee : "", who) == 0;
	if (n == 0)
		return;
	fputs("<h3>", out);
	html_text(out, &b, who);
	fprintf(out, "</h3>\n<svg role=\"img\" aria-label=\"groei\" width=\"%zu\" height=\"%d\">\n",
		n * 40 + 60, h + 20);
	for (k = 0; k < 4; k++)
		fprintf(out, "<text x=\"2\" y=\"%zu\" font-size=\"10\">%zu</text>"
			"<line x1=\"14\" y1=\"%zu\" x2=\"%zu\" y2=\"%zu\" stroke=\"#ddd\"/>\n",
			(size_t)h - k * 30 + 3, k, (size_t)h - k * 30, n * 40 + 40, (size_t)h - k * 30);
	for (k = 0; k < fw->ncomps; k++) {
		fprintf(out, "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"%s\" points=\"",
			palette[k % NPALETTE]);
		for (i = r->n, x = 0; i-- > 0;) {
			const struct review_session *s = &r->s[i];
			if (!s->levels || s->fw != fw || strcmp(s->trainee ? s->trainee : "", who) != 0)
				continue;
			fprintf(out, "%zu,%d ", 30 + x++ * 40, h - (s->shown[k] < 0 ? 0 : s->shown[k]) * 30);
		}
		fputs("\"><title>", out);
		html_text(out, &b, fw->comps[k].name);
		fputs("</title></polyline>\n", out);
	}
	fputs("</svg>\n", out);
	buf_free(&b);
}

static void svg_growth(FILE *out, const struct review *r, const struct framework *fw)
{
	const char *who[30];
	size_t n = trainees(r, who, 30), i;
	struct buf b = {0};

	if (fw == NULL)
		return;
	fputs("<h2>Groei per competentie</h2>\n<p class=\"legend\">", out);
	for (i = 0; i < fw->ncomps; i++) {
		fprintf(out, "<span style=\"color:%s\">&#9632; ", palette[i % NPALETTE]);
		html_text(out, &b, fw->comps[i].name);
		fputs("</span> ", out);
	}
	fputs("</p>\n", out);
	for (i = 0; i < n; i++)
		svg_growth_one(out, r, fw, who[i]);
	buf_free(&b);
}

/* One stacked bar per step: the share of each option. */
static void svg_steps(FILE *out, const struct review *r)
{
	size_t n, i = 0;
	struct report_step *v = report_steps(r, &n);
	struct buf b = {0};

	fputs("<h2>Keuzes per stap</h2>\n", out);
	while (i < n) {
		size_t j = i;
		int total = v[i].total, x = 0;
		struct buf t = {0};
		fputs("<div class=\"step\"><span>", out);
		buf_printf(&t, "%s / %s", v[i].scenario, v[i].step);
		html_text(out, &b, t.s);
		buf_free(&t);
		fprintf(out, "</span><svg role=\"img\" aria-label=\"verdeling\" width=\"400\" height=\"18\">");
		for (; j < n && strcmp(v[j].scenario, v[i].scenario) == 0 &&
		       strcmp(v[j].step, v[i].step) == 0; j++) {
			int w = total ? v[j].count * 400 / total : 0;
			int pct = report_percent(v[j].count, total);
			char *name = text_short(v[j].text, 60);
			fprintf(out, "<rect x=\"%d\" y=\"0\" width=\"%d\" height=\"18\" fill=\"%s\"%s>"
				"<title>", x, w, palette[(v[j].option - 1) % NPALETTE],
				v[j].expert ? " stroke=\"#000\"" : "");
			html_text(out, &b, name);
			fprintf(out, ": %d (%d%%)%s</title></rect>", v[j].count, pct,
				v[j].expert ? ", expert" : "");
			if (w >= 32)
				fprintf(out, "<text x=\"%d\" y=\"13\" font-size=\"11\" fill=\"#fff\">%d%%</text>",
					x + 4, pct);
			x += w;
			free(name);
		}
		fputs("</svg></div>\n", out);
		i = j;
	}
	buf_free(&b);
	free(v);
}

/* One level cell, coloured when rated against a target. */
static void html_level(FILE *out, struct buf *b, const struct review_session *s,
		       const struct framework *fw, size_t k)
{
	int rated = s->levels && s->fw == fw && s->shown[k] >= 0 &&
		    s->target[k] > 0;

	if (rated)
		fprintf(out, "<td class=\"%s\">",
			s->shown[k] < s->target[k] ? "below" : "ok");
	else
		fputs("<td>", out);
	buf_clear(b);
	if (!s->levels || s->fw != fw)
		buf_add(b, "-");
	else
		review_level_cell(b, s, k, 0);
	buf_add(b, "</td>");
	put(out, b);
}

static void html_table(FILE *out, const struct review *r, const struct framework *fw)
{
	struct buf b = {0};
	size_t i, k;

	fputs("<h2>Sessies</h2>\n<table>\n<tr><th>datum</th><th>cursist</th><th>scenario</th>"
	      "<th>modus</th><th>status</th><th>einde</th><th>gezien</th><th>gehoord</th>"
	      "<th>geholpen</th>", out);
	for (k = 0; fw && k < fw->ncomps; k++) {
		fputs("<th>", out);
		html_text(out, &b, fw->comps[k].name);
		fputs("</th>", out);
	}
	fputs("</tr>\n", out);
	for (i = 0; i < r->n; i++) {
		const struct review_session *s = &r->s[i];
		const char *cells[] = {s->started, s->trainee, s->scenario, s->mode,
				       review_status(s), s->ending ? s->ending : "-"};
		fputs("<tr>", out);
		for (k = 0; k < sizeof cells / sizeof *cells; k++) {
			fputs("<td>", out);
			html_text(out, &b, cells[k]);
			fputs("</td>", out);
		}
		fprintf(out, "<td>%d</td><td>%d</td><td>%d</td>", s->meters[0], s->meters[1],
			s->meters[2]);
		for (k = 0; fw && k < fw->ncomps; k++)
			html_level(out, &b, s, fw, k);
		fputs("</tr>\n", out);
	}
	fputs("</table>\n", out);
	buf_free(&b);
}

void report_html(FILE *out, const struct review *r, const struct framework *fw)
{
	fputs("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<title>Rapport klantcoach</title>\n<style>\n"
	      "body{font-family:sans-serif;margin:2em;color:#222}"
	      "table{border-collapse:collapse;font-size:13px}"
	      "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}"
	      "td.below{background:#fde2e1}td.ok{background:#e3f4ea}"
	      ".step{display:flex;gap:1em;align-items:center;font-size:12px;margin:2px 0}"
	      ".step span{width:22em}.legend span{margin-right:1em}\n"
	      "</style>\n</head>\n<body>\n<h1>Rapport klantcoach</h1>\n", out);
	fputs("<p>", out);
	count_line(out, r);
	fputc('.', out);
	group_note(out, r, report_html_escape);
	fputs("</p>\n", out);
	if (r->framework) {
		fputs("<p>", out);
		derived_note(out, r, fw, report_html_escape);
		fputs("</p>\n", out);
	}
	html_table(out, r, fw);
	svg_meters(out, r);
	svg_growth(out, r, fw);
	svg_steps(out, r);
	fputs("</body>\n</html>\n", out);
}
