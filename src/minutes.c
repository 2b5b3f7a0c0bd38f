/*
 * minutes: builds the intervisie minutes from the replay state; one table
 * row per step, written as a Markdown table or an HTML table.
 */
#include "minutes.h"
#include "report.h"

/* The cells of one row, escaped for the format. */
static void cells(struct buf *b, enum minutes_format f, const char **cell,
		  int n, int head)
{
	int i;

	buf_add(b, f == MINUTES_MD ? "|" : "<tr>");
	for (i = 0; i < n; i++) {
		if (f == MINUTES_MD) {
			buf_addc(b, ' ');
			report_md_escape(b, cell[i]);
			buf_add(b, " |");
		} else {
			buf_add(b, head ? "<th>" : "<td>");
			report_html_escape(b, cell[i]);
			buf_add(b, head ? "</th>" : "</td>");
		}
	}
	buf_add(b, f == MINUTES_MD ? "\n" : "</tr>\n");
	if (f == MINUTES_MD && head) {
		for (i = 0; i < n; i++)
			buf_add(b, "|---");
		buf_add(b, "|\n");
	}
}

/* "optie 1: 3, optie 2: 0" by the numbers shown, or "niet gestemd";
 * returns whether anyone voted. */
static int votes(struct buf *v, const struct iv_step *s, const int *idx,
		 int n)
{
	int i, any = 0;

	for (i = 0; i < n; i++)
		any |= s->votes[idx[i]] > 0;
	for (i = 0; any && i < n; i++)
		buf_printf(v, "%soptie %d: %d", i ? ", " : "", i + 1,
			   s->votes[idx[i]] > 0 ? s->votes[idx[i]] : 0);
	if (!any)
		buf_add(v, "niet gestemd");
	return any;
}

/* The choice o at step st as "N. text" (N as shown), or none. */
static void choice(struct buf *c, const struct sc_step *st, const int *idx,
		   int n, int o, const char *none)
{
	int i;

	for (i = 0; i < n; i++)
		if (idx[i] == o) {
			buf_printf(c, "%d. %s%s", i + 1, st->opt[o].text,
				   st->opt[o].expert ? " (expert)" : "");
			return;
		}
	buf_add(c, none);
}

static void step_row(struct buf *b, const struct intervisie *iv,
		     size_t i, enum minutes_format f)
{
	const struct iv_step *s = &iv->st[i];
	const struct sc_step *st = &iv->sc->steps[s->step];
	struct buf col[6] = {{0}};
	const char *cell[7];
	int idx[SCENARIO_MAX_OPTS], n = intervisie_offered(iv, s, idx), k;

	buf_printf(&col[0], "%zu", i + 1);
	k = votes(&col[1], s, idx, n);
	choice(&col[2], st, idx, n, intervisie_winner(s->votes, idx, n),
	       k ? "gelijk" : "niet gestemd");
	choice(&col[3], st, idx, n, s->followed, "-");
	choice(&col[4], st, idx, n,
	       scenario_expert(iv->sc, (size_t)s->step, s->flags), "-");
	buf_add(&col[5], s->note ? s->note : "");
	cell[0] = buf_str(&col[0]);
	cell[1] = st->situation;
	for (k = 1; k < 6; k++)
		cell[k + 1] = buf_str(&col[k]);
	cells(b, f, cell, 7, 0);
	for (k = 0; k < 6; k++)
		buf_free(&col[k]);
}

void minutes_write(struct buf *b, const struct intervisie *iv,
		   enum minutes_format f)
{
	const char *head[7] = {"Stap", "Situatie", "Stemmen", "Groep",
			       iv->from_log ? "Cursist" : "Gevolgd", "Expert",
			       "Notitie"};
	size_t i;

	if (f == MINUTES_MD)
		buf_printf(b, "# Intervisie: %s\n\n", iv->sc->title);
	else {
		buf_add(b, "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta "
			"charset=\"utf-8\"><title>Intervisie</title></head>"
			"<body>\n<h1>Intervisie: ");
		report_html_escape(b, iv->sc->title);
		buf_add(b, "</h1>\n<table>\n");
	}
	cells(b, f, head, 7, 1);
	for (i = 0; i < iv->nst; i++)
		if (iv->st[i].followed >= 0)
			step_row(b, iv, i, f);
	if (f == MINUTES_HTML)
		buf_add(b, "</table>\n");
	if (iv->ended) {
		buf_add(b, f == MINUTES_MD ? "\nEinde: " : "<p>Einde: ");
		(f == MINUTES_MD ? report_md_escape : report_html_escape)
			(b, iv->sc->ends[iv->s.end].summary);
		buf_add(b, f == MINUTES_MD ? "\n" : "</p>\n");
	}
	if (f == MINUTES_HTML)
		buf_add(b, "</body></html>\n");
}
