/*
 * report: what every format shares (escapes, the per-step rows, the
 * counts line) and the Markdown writer. Tables come from the session
 * summaries and the per-step counters.
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
	if (strcmp(s, "xlsx") == 0)
		return REPORT_XLSX;
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

/* The string fields of a session, in the order a record holds them. */
static char **strings(struct review_session *s, size_t i)
{
	char **f[] = {&s->path, &s->id, &s->trainee, &s->persona,
		      &s->scenario, &s->mode, &s->started, &s->ending};

	return i < sizeof f / sizeof *f ? f[i] : NULL;
}

/* The record of s: the struct without its strings, then each string as a
 * byte 1 and its text with the NUL, or a byte 0 for NULL. */
static void pack(struct buf *b, const struct review_session *s)
{
	struct review_session bare = *s, full = *s;
	char **f;
	size_t i;

	for (i = 0; (f = strings(&bare, i)) != NULL; i++)
		*f = NULL;
	buf_addn(b, (const char *)&bare, sizeof bare);
	for (i = 0; (f = strings(&full, i)) != NULL; i++)
		if (*f) {
			buf_addc(b, 1);
			buf_addn(b, *f, strlen(*f) + 1);
		} else {
			buf_addc(b, 0);
		}
}

/* The key of s for order o (see spool.h: bytes compare as strcmp on each
 * part). Newest first: the bytes of started inverted, then 0xff. */
static void key(struct buf *b, enum report_order o,
		const struct review_session *s)
{
	const char *started = s->started ? s->started : "", *p;
	char *who;

	if (o == REPORT_BY_TRAINEE) {
		who = text_fold(s->trainee ? s->trainee : "");
		buf_addn(b, who, strlen(who) + 1);
		free(who);
	}
	if (o == REPORT_NEWEST) {
		for (p = started; *p; p++)
			buf_addc(b, (char)(0xff - (unsigned char)*p));
		buf_addc(b, (char)0xff);
	} else {
		buf_addn(b, started, strlen(started) + 1);
	}
	buf_add(b, s->id ? s->id : "");
}

int report_spool_add(struct spool *sp, enum report_order o,
		     const struct review_session *s)
{
	struct buf k = {0}, rec = {0};
	int rc;

	key(&k, o, s);
	pack(&rec, s);
	rc = spool_add(sp, k.s, k.len, rec.s, rec.len);
	buf_free(&k);
	buf_free(&rec);
	return rc;
}

int report_spool_next(struct spool *sp, struct review_session *s)
{
	struct spool_item it;
	char *p, *end;
	char **f;
	size_t i;
	int rc = spool_next(sp, &it);

	if (rc <= 0)
		return rc;
	if (it.rlen < sizeof *s)
		return -1;
	memcpy(s, it.rec, sizeof *s);
	p = it.rec + sizeof *s;
	end = it.rec + it.rlen;
	for (i = 0; (f = strings(s, i)) != NULL; i++) {
		if (p >= end)
			return -1;
		*f = *p++ ? p : NULL;
		if (*f)
			p += strnlen(p, (size_t)(end - p)) + 1;
	}
	return p == end ? 1 : -1;
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

static int md_sessions(FILE *out, const struct framework *fw,
		       struct spool *sp)
{
	struct buf b = {0};
	struct review_session one;
	const struct review_session *s = &one;
	size_t k;
	int rc;

	fputs("## Sessies\n\n| datum | cursist | scenario | modus | status | einde | gezien | gehoord | geholpen |", out);
	for (k = 0; fw && k < fw->ncomps; k++)
		fprintf(out, " %s |", fw->comps[k].name);
	fputs("\n|---|---|---|---|---|---|---|---|---|", out);
	for (k = 0; fw && k < fw->ncomps; k++)
		fputs("---|", out);
	fputc('\n', out);
	while ((rc = report_spool_next(sp, &one)) > 0) {
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
	return rc;
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

void report_derived_note(FILE *out, const struct review *r,
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

void report_counts(FILE *out, const struct review *r,
		   void (*esc)(struct buf *, const char *))
{
	fprintf(out, "%zu sessies uit %zu bestanden", r->nsessions, r->nfiles);
	if (r->nskipped)
		fprintf(out, " (%zu overgeslagen)", r->nskipped);
	fputc('.', out);
	group_note(out, r, esc);
}

int report_md(FILE *out, const struct review *r, const struct framework *fw,
	      struct spool *sp)
{
	int rc;

	fputs("# Rapport klantcoach\n\n", out);
	report_counts(out, r, report_md_escape);
	fputs("\n\n", out);
	if (r->framework) {
		report_derived_note(out, r, fw, report_md_escape);
		fputs("\n\n", out);
	}
	if (spool_rewind(sp) != 0)
		return -1;
	rc = md_sessions(out, fw, sp);
	md_steps(out, r);
	md_comps(out, r);
	return rc;
}
