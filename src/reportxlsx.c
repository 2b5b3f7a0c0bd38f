/*
 * reportxlsx: three sheets written in row order, as constant memory mode
 * requires: sessions oldest first (members of a group without sessions
 * last), then the step rows (report_steps), then the competencies. Text
 * is sanitised; it is stored as text, never as a formula.
 */
#include "reportxlsx.h"
#include "mem.h"
#include "report.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

struct sheet {
	lxw_worksheet *ws;
	lxw_format *head, *date;
	lxw_row_t row;
	lxw_col_t col;
};

static void str(struct sheet *sh, const char *s)
{
	char *clean = text_sanitize(s ? s : "", s ? strlen(s) : 0, 1);

	if (*clean)
		worksheet_write_string(sh->ws, sh->row, sh->col, clean, NULL);
	sh->col++;
	free(clean);
}

static void number(struct sheet *sh, double n)
{
	worksheet_write_number(sh->ws, sh->row, sh->col++, n, NULL);
}

/* "2026-01-31T12:00:00Z" as a date; other text stays text. */
static void date(struct sheet *sh, const char *iso)
{
	lxw_datetime t = {0};
	int sec = 0;

	if (iso && sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &t.year, &t.month,
			  &t.day, &t.hour, &t.min, &sec) == 6) {
		t.sec = sec;
		worksheet_write_datetime(sh->ws, sh->row, sh->col++, &t,
					 sh->date);
	} else {
		str(sh, iso);
	}
}

static void next_row(struct sheet *sh)
{
	sh->row++;
	sh->col = 0;
}

/* A new sheet with a frozen header row of the comma-separated names. */
static void start(struct sheet *sh, lxw_workbook *wb, const char *name,
		  const char *cols, lxw_format *head, lxw_format *date)
{
	char *all = mem_strdup(cols), *p, *save = NULL;

	memset(sh, 0, sizeof *sh);
	sh->ws = workbook_add_worksheet(wb, name);
	sh->head = head;
	sh->date = date;
	for (p = strtok_r(all, ",", &save); p; p = strtok_r(NULL, ",", &save))
		worksheet_write_string(sh->ws, 0, sh->col++, p, head);
	worksheet_freeze_panes(sh->ws, 1, 0);
	free(all);
}

static void comp_heads(struct sheet *sh, const struct framework *fw)
{
	char name[80];
	size_t k;

	for (k = 0; fw && k < fw->ncomps; k++) {
		worksheet_write_string(sh->ws, 0, sh->col++, fw->comps[k].id,
				       sh->head);
		snprintf(name, sizeof name, "%s_doel", fw->comps[k].id);
		worksheet_write_string(sh->ws, 0, sh->col++, name, sh->head);
	}
	next_row(sh);
}

static void session(struct sheet *sh, const struct review_session *s,
		    const struct framework *fw)
{
	char level[2] = {s->level, 0};
	size_t k;
	int m;

	str(sh, s->id);
	str(sh, s->trainee);
	str(sh, s->persona);
	str(sh, s->scenario);
	str(sh, s->mode);
	str(sh, level);
	date(sh, s->started);
	str(sh, review_status(s));
	str(sh, s->ending);
	for (m = 0; m < METER_N; m++)
		number(sh, s->meters[m]);
	number(sh, s->nchoices);
	number(sh, s->nundo);
	number(sh, (double)(s->think_ms / 1000));
	number(sh, s->nfeedback);
	for (k = 0; fw && k < fw->ncomps; k++) {
		int rated = s->levels && s->fw == fw && s->shown[k] >= 0;
		if (rated)
			number(sh, s->shown[k]);
		else
			sh->col++;
		if (rated && s->target[k] > 0)
			number(sh, s->target[k]);
		else
			sh->col++;
	}
	next_row(sh);
}

static int sessions(struct sheet *sh, const struct review *r,
		    const struct framework *fw, struct spool *sp)
{
	struct review_session s;
	size_t i;
	int rc;

	comp_heads(sh, fw);
	if (spool_rewind(sp) != 0)
		return -1;
	while ((rc = report_spool_next(sp, &s)) > 0)
		session(sh, &s, fw);
	for (i = 0; r->ingroup && i < r->filter->ngroup; i++)
		if (r->ingroup[i] == 0) {
			sh->col = 1;
			str(sh, r->filter->group[i]);
			sh->col = 7;
			str(sh, "geen sessies");
			sh->col = 12;
			number(sh, 0);
			number(sh, 0);
			number(sh, 0);
			number(sh, 0);
			next_row(sh);
		}
	return rc;
}

static void steps(struct sheet *sh, const struct review *r)
{
	size_t n, i;
	struct report_step *v = report_steps(r, &n);

	next_row(sh);
	for (i = 0; i < n; i++) {
		str(sh, v[i].scenario);
		str(sh, v[i].step);
		number(sh, v[i].option);
		str(sh, v[i].text);
		number(sh, v[i].count);
		number(sh, report_percent(v[i].count, v[i].total));
		str(sh, v[i].expert ? "ja" : "nee");
		next_row(sh);
	}
	free(v);
}

static void comps(struct sheet *sh, const struct review *r)
{
	size_t i, k;

	next_row(sh);
	for (i = 0; i < r->ncs; i++)
		for (k = 0; r->cs[i].fw && k < r->cs[i].fw->ncomps; k++) {
			str(sh, r->cs[i].scenario);
			str(sh, r->cs[i].fw->comps[k].name);
			number(sh, r->cs[i].n[k]);
			number(sh, r->cs[i].below[k]);
			number(sh, report_percent(r->cs[i].below[k],
						  r->cs[i].n[k]));
			next_row(sh);
		}
}

int reportxlsx_write(const char *path, const struct review *r,
		     const struct framework *fw, struct spool *sp,
		     const char **err)
{
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	lxw_format *head, *when;
	struct sheet sh;
	lxw_error e;
	int rc;

	if (wb == NULL) {
		*err = "kan de werkmap niet maken";
		return -1;
	}
	head = workbook_add_format(wb);
	format_set_bold(head);
	when = workbook_add_format(wb);
	format_set_num_format(when, "yyyy-mm-dd hh:mm");
	start(&sh, wb, "sessies", "sessie,cursist,persona,scenario,modus,"
	      "niveau,start,status,einde,gezien,gehoord,geholpen,keuzes,terug,"
	      "denktijd_s,feedback", head, when);
	rc = sessions(&sh, r, fw, sp);
	start(&sh, wb, "stappen", "scenario,stap,optie_id,tekst,aantal,"
	      "procent,expert", head, when);
	steps(&sh, r);
	start(&sh, wb, "competenties", "scenario,competentie,sessies,"
	      "onder_doel,procent_onder_doel", head, when);
	comps(&sh, r);
	e = workbook_close(wb);
	if (e != LXW_NO_ERROR)
		*err = lxw_strerror(e);
	else if (rc < 0)
		*err = "kan het tijdelijke bestand met de sessies niet lezen";
	return e == LXW_NO_ERROR && rc >= 0 ? 0 : -1;
}
