/*
 * plain: the line mode (--plain) for screen readers and scripts. Numbered
 * prompts on stdout, one answer per line on stdin, no escape codes. All
 * text from content and logs is sanitised before it is printed.
 */
#ifndef KC_PLAIN_H
#define KC_PLAIN_H
#include "play.h"
#include "view.h"
#include <stdio.h>

/* Print s sanitised (newlines kept), then a newline. */
void plain_line(FILE *fp, const char *prefix, const char *s);
/* Read one answer line into a new string (without newline); NULL at end of
 * input or when interrupted. */
char *plain_read(FILE *in);
/* Ask "Kies what (1-n): " until a number from 1 to n is typed; its index
 * (from 0), or -1 at the end of input. */
int plain_choose(FILE *in, FILE *out, const char *what, size_t n);
/* Print the document v (view_print) and empty it. */
void plain_view(FILE *out, struct view *v);
/* The reflection: phases in PEARLS order, answers saved one by one. */
int plain_reflect(struct play *p, FILE *in, FILE *out);
/* Play p to its end or until the trainee stops; returns the exit code. */
int plain_play(struct play *p, FILE *in, FILE *out);

#endif
