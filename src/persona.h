/*
 * persona: a client persona from personas/<id>.ini: who they are, their
 * situation, channels, the needs of the pyramid at stake, and what helps.
 */
#ifndef KC_PERSONA_H
#define KC_PERSONA_H
#include "diag.h"
#include <stddef.h>

#define PERSONA_MAX_HELP 8	/* help1 .. help8 */

struct persona {
	char *id, *file;
	char *name, *household, *situation, *story, *source;
	int age;
	char **channels, **needs, **help;
	size_t nchannels, nneeds, nhelp;
};

/* The Dutch description of a need keyword, or NULL when unknown. */
const char *persona_need_name(const char *key);
/* Load a persona file; problems go to d; 0 or -1. */
int persona_load(struct persona *p, const char *path, struct diag *d);
/* 1 when the persona uses the channel. */
int persona_has_channel(const struct persona *p, const char *channel);
/* Free everything. */
void persona_free(struct persona *p);

#endif
