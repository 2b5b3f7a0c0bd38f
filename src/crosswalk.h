/*
 * crosswalk: links from the indicators of one framework to those of
 * another, read from content/frameworks/crosswalk/<from>-<to>.csv with the
 * columns from,to,strength,note. A strength is 1 (the same behaviour) or
 * 0.5 (partly the same). An indicator without a match is listed with "-"
 * as its target and an empty strength. Unknown ids, a link given twice,
 * another strength, and "-" beside a link are errors (the file is then not
 * used); an indicator of the first framework that is not listed at all is
 * a warning. Read-only once loaded.
 */
#ifndef KC_CROSSWALK_H
#define KC_CROSSWALK_H
#include "diag.h"
#include "framework.h"

struct cw_link {
	char *from, *to;	/* indicator ids; to is "-" for no match */
	int weight;		/* 2 = strength 1, 1 = strength 0.5, 0 = none */
	int line;
};

struct crosswalk {
	char *from, *to, *path;	/* framework ids and the file */
	struct cw_link *v;
	size_t n, cap;
};

/* Load path as the crosswalk from framework from to framework to. Problems
 * go to d; 0, or -1 when the crosswalk cannot be used. */
int crosswalk_load(struct crosswalk *cw, const char *path,
		   const struct framework *from, const struct framework *to,
		   struct diag *d);
/* Split a file name "<from>-<to>.csv" at the '-' after which both parts
 * name frameworks for which known(ctx, id) is true; 0 with the ids (to be
 * freed) in *from and *to, or -1. */
int crosswalk_name(const char *base, int (*known)(void *, const char *),
		   void *ctx, char **from, char **to);
/* Free everything. */
void crosswalk_free(struct crosswalk *cw);

#endif
