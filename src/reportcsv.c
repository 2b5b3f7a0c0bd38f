/*
 * reportcsv: three table writers over one review. Session rows are
 * formatted once, spooled with their start and id as the key (members
 * without sessions after the sessions) and copied out in that order at
 * the end; the step and competency tables come from the counters.
 */
#include "reportcsv.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>

static const char *const table_names[RCSV_COUNT] = {
	"sessies", "stappen", "competenties",
};

int reportcsv_parse_table(const char *s)
{
	int i;

	for (i = 0; i < RCSV_COUNT; i++)
		if (strcmp(s, table_names[i]) == 0)
			return i;
	return -1;
}

const char *reportcsv_file(enum reportcsv_table t)
{
	static const char *const files[RCSV_COUNT] = {
		"sessies.csv", "stappen.csv", "competenties.csv",
	};
	return files[t];
}

void reportcsv_init(struct reportcsv *w, const struct framework *fw,
		    int excel)
{
	memset(w, 0, sizeof *w);
	w->fw = fw;
	w->excel = excel;
	w->sep = excel ? ';' : ',';
	spool_init(&w->rows, SPOOL_BUDGET);
}

/* A separator (unless sep is 0: the first cell), then a formula-safe
 * cell, quoted also when it holds ';'. */
static void cell(struct buf *b, char sep, const char *s)
{
	size_t at;

	if (sep)
		buf_addc(b, sep);
	at = b->len;
	report_csv_cell(b, s ? s : "");
	if (b->len > at && b->s[at] != '"' && strchr(b->s + at, ';')) {
		buf_addc(b, '"');
		memmove(b->s + at + 1, b->s + at, b->len - at - 1);
		b->s[at] = '"';
		buf_addc(b, '"');
	}
}

static void num(struct buf *b, char sep, long v)
{
	buf_addc(b, sep);
	buf_addl(b, v);
}

/* Spool row b under "\1 started \0 id", or "\2 id" for a member without
 * sessions (started NULL), so those come last. A failure shows when the
 * table is written. */
static void keep(struct reportcsv *w, struct buf *b, const char *started,
		 const char *id)
{
	struct buf k = {0};

	buf_add(b, "\r\n");
	buf_addc(&k, started ? 1 : 2);
	if (started)
		buf_addn(&k, started, strlen(started) + 1);
	buf_add(&k, id ? id : "");
	(void)spool_add(&w->rows, k.s, k.len, b->s, b->len);
	buf_free(&k);
}

void reportcsv_add(struct reportcsv *w, const struct review_session *s)
{
	struct buf b = {0};
	char level[2] = {s->level, 0};
	const char *cells[] = {s->id, s->trainee, s->persona, s->scenario,
			       s->mode, level, s->started, review_status(s),
			       s->ending};
	const long nums[] = {s->nchoices, s->nundo, s->think_ms / 1000,
			     s->nfeedback};
	size_t i;

	for (i = 0; i < sizeof cells / sizeof *cells; i++)
		cell(&b, i ? w->sep : 0, cells[i]);
	for (i = 0; i < METER_N; i++)
		num(&b, w->sep, s->meters[i]);
	for (i = 0; i < sizeof nums / sizeof *nums; i++)
		num(&b, w->sep, nums[i]);
	for (i = 0; w->fw && i < w->fw->ncomps; i++) {
		int rated = s->levels && s->fw == w->fw && s->shown[i] >= 0;
		buf_addc(&b, w->sep);
		if (rated)
			buf_addl(&b, s->shown[i]);
		buf_addc(&b, w->sep);
		if (rated && s->target[i] > 0)
			buf_addl(&b, s->target[i]);
	}
	keep(w, &b, s->started, s->id);
	buf_free(&b);
}

void reportcsv_absent(struct reportcsv *w, const char *trainee)
{
	struct buf b = {0};
	size_t i;

	cell(&b, w->sep, trainee);	/* after the empty id */
	for (i = 0; i < 6; i++)		/* persona .. start, then status */
		buf_addc(&b, w->sep);
	buf_add(&b, "geen sessies");
	for (i = 0; i < 1 + METER_N; i++)	/* einde, the meters */
		buf_addc(&b, w->sep);
	buf_printf(&b, "%c0%c0%c0%c0", w->sep, w->sep, w->sep, w->sep);
	for (i = 0; w->fw && i < 2 * w->fw->ncomps; i++)
		buf_addc(&b, w->sep);
	keep(w, &b, NULL, trainee);
	buf_free(&b);
}

static void head(const struct reportcsv *w, FILE *out, const char *cols)
{
	const char *p;

	if (w->excel)
		fputs("\xef\xbb\xbf", out);
	for (p = cols; *p; p++)
		fputc(*p == ',' ? w->sep : *p, out);
}

static int sessions(struct reportcsv *w, FILE *out)
{
	struct spool_item it;
	size_t i;
	int rc;

	head(w, out, "sessie,cursist,persona,scenario,modus,niveau,start,"
	     "status,einde,gezien,gehoord,geholpen,keuzes,terug,denktijd_s,"
	     "feedback");
	for (i = 0; w->fw && i < w->fw->ncomps; i++)
		fprintf(out, "%c%s%c%s_doel", w->sep, w->fw->comps[i].id,
			w->sep, w->fw->comps[i].id);
	fputs("\r\n", out);
	if (spool_rewind(&w->rows) != 0)
		return -1;
	while ((rc = spool_next(&w->rows, &it)) > 0)
		fwrite(it.rec, 1, it.rlen, out);
	return rc;
}

static void steps(const struct reportcsv *w, const struct review *r,
		  FILE *out)
{
	size_t n, i;
	struct report_step *v = report_steps(r, &n);
	struct buf b = {0};

	head(w, out, "scenario,stap,optie_id,tekst,aantal,procent,expert\r\n");
	for (i = 0; i < n; i++) {
		buf_clear(&b);
		cell(&b, 0, v[i].scenario);
		cell(&b, w->sep, v[i].step);
		buf_printf(&b, "%c%d", w->sep, v[i].option);
		cell(&b, w->sep, v[i].text);
		buf_printf(&b, "%c%d%c%d%c%s\r\n", w->sep, v[i].count, w->sep,
			   report_percent(v[i].count, v[i].total), w->sep,
			   v[i].expert ? "ja" : "nee");
		fwrite(buf_str(&b), 1, b.len, out);
	}
	buf_free(&b);
	free(v);
}

static void comps(const struct reportcsv *w, const struct review *r,
		  FILE *out)
{
	struct buf b = {0};
	size_t i, k;

	head(w, out, "scenario,competentie,sessies,onder_doel,"
	     "procent_onder_doel\r\n");
	for (i = 0; i < r->ncs; i++)
		for (k = 0; r->cs[i].fw && k < r->cs[i].fw->ncomps; k++) {
			buf_clear(&b);
			cell(&b, 0, r->cs[i].scenario);
			cell(&b, w->sep, r->cs[i].fw->comps[k].name);
			buf_printf(&b, "%c%d%c%d%c%d\r\n", w->sep,
				   r->cs[i].n[k], w->sep, r->cs[i].below[k],
				   w->sep, report_percent(r->cs[i].below[k],
							  r->cs[i].n[k]));
			fwrite(buf_str(&b), 1, b.len, out);
		}
	buf_free(&b);
}

int reportcsv_write(struct reportcsv *w, const struct review *r,
		    enum reportcsv_table t, FILE *out)
{
	int rc = 0;

	if (t == RCSV_SESSIONS)
		rc = sessions(w, out);
	else if (t == RCSV_STEPS)
		steps(w, r, out);
	else
		comps(w, r, out);
	return rc < 0 || ferror(out) ? -1 : 0;
}

void reportcsv_free(struct reportcsv *w)
{
	spool_free(&w->rows);
	memset(w, 0, sizeof *w);
}
