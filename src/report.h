/*
 * report: a review written as CSV (RFC 4180, formula-safe cells), Markdown
 * or one self-contained HTML file with inline SVG charts. Every piece of
 * user text (names, answers, feedback, content) is sanitised and escaped
 * for the format, so it is inert in a terminal, a spreadsheet or a browser.
 */
#ifndef KC_REPORT_H
#define KC_REPORT_H
#include "buf.h"
#include "review.h"
#include <stdio.h>

enum report_format { REPORT_CSV, REPORT_MD, REPORT_HTML };

/* Parse "csv", "md" or "html"; -1 when unknown. */
int report_parse_format(const char *s);
/* CSV, streamed: the header of the sessions table (level columns for the
 * competencies of fw), one row per session as it is scanned, and after the
 * scan the per-step and per-competency tables. */
void report_csv_head(FILE *out, const struct framework *fw);
void report_csv_session(FILE *out, const struct review_session *s,
			const struct framework *fw);
void report_csv_tail(FILE *out, const struct review *r);
/* Markdown or HTML from a review that kept its sessions. */
void report_md(FILE *out, const struct review *r, const struct framework *fw);
void report_html(FILE *out, const struct review *r, const struct framework *fw);
/* Escape s for HTML text and attributes (after sanitising). */
void report_html_escape(struct buf *b, const char *s);
/* Escape s for a Markdown table cell (after sanitising). */
void report_md_escape(struct buf *b, const char *s);
/* A sanitised, formula-safe CSV cell. */
void report_csv_cell(struct buf *b, const char *s);

#endif
