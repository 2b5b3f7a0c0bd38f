/*
 * sessioncache: the summaries of session logs kept in ".sessielijst" in
 * their folder, so that listing a folder does not read every log again.
 * An entry counts only while its log has the same inode, size, mtime and
 * ctime (to the nanosecond) as when it was summarised, and a log changed
 * less than SESSIONCACHE_SETTLE seconds ago is never kept (a second edit
 * in the same clock tick would leave its timestamps as they were). The
 * file is a cache: one that does not parse is ignored and rewritten.
 */
#ifndef KC_SESSIONCACHE_H
#define KC_SESSIONCACHE_H
#include "sessionlist.h"
#include <sys/stat.h>

#define SESSIONCACHE_NAME ".sessielijst"
#define SESSIONCACHE_SETTLE 2

struct sessioncache_entry;

struct sessioncache {
	char *path;	/* of the cache file */
	char *data;	/* its text; entries point into it */
	struct sessioncache_entry *v;
	size_t n, cap, used;	/* entries; how many matched this time */
	struct buf **fresh;	/* lines for the summaries put */
	size_t nfresh, capfresh;
};

/* Load the cache of folder dir (empty when there is none). */
void sessioncache_load(struct sessioncache *c, const char *dir);
/* Fill it from the entry for log name when st still matches it: 0, else
 * -1 (it untouched). A match is kept for the next save. */
int sessioncache_get(struct sessioncache *c, const char *name,
		     const struct stat *st, struct sessionlist_item *it);
/* Keep the summary it of log name (at st) for the next save, when it can
 * be kept (settled, and no tab or newline in its fields). */
void sessioncache_put(struct sessioncache *c, const char *name,
		      const struct stat *st, const struct sessionlist_item *it);
/* Write the cache when the summaries put are more than a sixteenth of
 * those matched, or most entries no longer matched (a new file renamed
 * over the old one; a failure only costs speed next time). */
void sessioncache_save(struct sessioncache *c);
void sessioncache_free(struct sessioncache *c);

#endif
