/*
 * draft: reflection text that was typed but not yet saved as an answer,
 * and the reflection page the trainee was on, kept beside the session log
 * in <log>.concept (mode 0600) so that nothing typed is lost in a crash.
 * The whole file is written to a temporary file, fsynced and renamed, so
 * a crash leaves either the old or the new draft, never a mix. The session
 * log itself is never touched.
 *
 * Format (documented in klantcoach(1)):
 *   klantcoach-concept,1
 *   sleutel,tekst
 *   pagina,<reflection page, 0 = the first>
 *   <question key>,<text typed so far>
 */
#ifndef KC_DRAFT_H
#define KC_DRAFT_H
#include "diag.h"
#include <stddef.h>

#define DRAFT_MAX_PAGE 99

struct draft_item {
	char *key, *text;
};

struct draft {
	char *path;		/* <log>.concept */
	struct draft_item *v;
	size_t n, cap;
	int page;		/* reflection page left; 0 when unknown */
	int dirty;		/* changed since the last save */
};

/* An empty draft for the session log at logpath (nothing is read). */
void draft_init(struct draft *d, const char *logpath);
/* Read the draft of the log at logpath; a missing file is an empty draft.
 * A file that cannot be read is moved aside to <log>.concept.onleesbaar
 * (so nothing is lost) with a warning in dg, and -1 is returned; the
 * draft is then empty and usable. */
int draft_load(struct draft *d, const char *logpath, struct diag *dg);
/* The draft text for key, or NULL when there is none. */
const char *draft_get(const struct draft *d, const char *key);
/* Set the text for key; NULL removes it. Marks the draft changed only
 * when something changed. */
void draft_put(struct draft *d, const char *key, const char *text);
/* Remember the page the trainee is on. */
void draft_set_page(struct draft *d, int page);
/* Write the file when something changed since the last save. 0, or -1
 * with errno set (the draft stays changed, so a later save retries). */
int draft_save(struct draft *d);
/* Delete the file and empty the draft. 0 or -1 (errno set). */
int draft_remove(struct draft *d);
/* Free everything. */
void draft_free(struct draft *d);

#endif
