/*
 * report: a review written as CSV (RFC 4180, formula-safe cells), Markdown
 * or one self-contained HTML file with inline SVG charts. Every piece of
 * user text (names, answers, feedback, content) is sanitised and escaped
 * for the format, so it is inert in a terminal, a spreadsheet or a browser.
 * The CSV tables are written by reportcsv, the HTML by reporthtml.
 */
#ifndef KC_REPORT_H
#define KC_REPORT_H
#include "buf.h"
#include "review.h"
#include "spool.h"
#include <stdio.h>

enum report_format { REPORT_CSV, REPORT_MD, REPORT_HTML, REPORT_XLSX };

/* Parse "csv", "md", "html" or "xlsx"; -1 when unknown. */
int report_parse_format(const char *s);
/* One row of the per-step tables: an option of a step, with how many
 * chose it, how many chose at that step, and whether it is the expert's. */
struct report_step {
	const char *scenario, *step, *text;
	int option, count, total, expert;
};

/* The per-step rows: per scenario (in name order) every option of every
 * step of its current version in file order, options nobody chose with
 * count 0, then counters of steps or options that version lacks. The
 * strings belong to r and its content; free the array. */
struct report_step *report_steps(const struct review *r, size_t *n);
/* The orders a report lists sessions in: oldest first, newest first
 * (both then by id), or by trainee (folded, text_fold) then oldest first. */
enum report_order { REPORT_OLDEST, REPORT_NEWEST, REPORT_BY_TRAINEE };
/* Add session s to spool sp, to be read back in order o; -1 when the
 * spool cannot write its temporary file. */
int report_spool_add(struct spool *sp, enum report_order o,
		     const struct review_session *s);
/* The next session of sp (after spool_rewind) into *s, its strings valid
 * until the next call: 1, 0 at the end, -1 on a read error. */
int report_spool_next(struct spool *sp, struct review_session *s);
/* part of whole in whole percents, rounded; 0 when whole is 0. */
int report_percent(int part, int whole);
/* Markdown with the sessions of sp (added in REPORT_NEWEST order); -1 when
 * sp cannot be read. */
int report_md(FILE *out, const struct review *r, const struct framework *fw,
	      struct spool *sp);
/* "N sessies uit M bestanden (K overgeslagen)." and with a group its size
 * and the members without sessions, names escaped by esc. */
void report_counts(FILE *out, const struct review *r,
		   void (*esc)(struct buf *, const char *));
/* With a framework asked for: which levels the report shows and that
 * derived levels are indicative (nothing without fw). */
void report_derived_note(FILE *out, const struct review *r,
			 const struct framework *fw,
			 void (*esc)(struct buf *, const char *));
/* Escape s for HTML text and attributes (after sanitising). */
void report_html_escape(struct buf *b, const char *s);
/* Escape s for a Markdown table cell (after sanitising). */
void report_md_escape(struct buf *b, const char *s);
/* A sanitised, formula-safe CSV cell. */
void report_csv_cell(struct buf *b, const char *s);

#endif
