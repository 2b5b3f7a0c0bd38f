/*
 * cohort: test and benchmark helper. Writes a synthetic cohort of session
 * logs by driving the real engine and log writer: N trainees x M sessions,
 * choices from a fixed-seed generator, some sessions left unfinished. It
 * prints its own tally of the choices in force, "scenario,step,option,count"
 * sorted, so tests can compare it with what `klantcoach report` reads back.
 * Usage: cohort ROOT OUTDIR TRAINEES SESSIONS SEED [SCENARIO]
 */
#include "play.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tally {
	char key[160];
	int count;
};

static struct tally *t;
static size_t nt, capt;
static unsigned long long seed;

static unsigned rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

static void count(const char *sc, const char *step, int opt)
{
	char key[160];
	size_t i;

	snprintf(key, sizeof key, "%s,%s,%d", sc, step, opt);
	for (i = 0; i < nt; i++)
		if (strcmp(t[i].key, key) == 0) {
			t[i].count++;
			return;
		}
	if (nt == capt)
		t = realloc(t, (capt = capt ? capt * 2 : 64) * sizeof *t);
	strcpy(t[nt].key, key);
	t[nt++].count = 1;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(((const struct tally *)a)->key, ((const struct tally *)b)->key);
}

static void one(const struct content *c, const struct scenario *sc, const char *dir,
		const char *name)
{
	struct play p;
	struct diag d = {0};
	int n, stop = rnd(5) == 0 ? (int)rnd(4) + 1 : -1, k = 0;
	struct play_who who = {name, "ABC"[rnd(3)],
			       rnd(2) ? CONFIG_TOETS : CONFIG_OEFENEN, 0};
	size_t i;

	if (play_begin(&p, c, sc, &who, dir, &d) != 0) {
		fprintf(stderr, "cohort: cannot write in %s\n", dir);
		exit(1);
	}
	p.log.bulk = 1;
	while (!session_finished(&p.s) && k++ != stop) {
		play_offered(&p, 0, &n);
		play_choose(&p, (int)rnd((unsigned)n));
		if (p.mode == CONFIG_OEFENEN && rnd(8) == 0)
			play_undo(&p);
	}
	if (session_finished(&p.s)) {
		play_log_end(&p);
		if (rnd(2))
			play_answer(&p, 0, "Spannend, maar het ging steeds beter.");
	}
	for (i = 0; i < p.s.npath; i++)
		count(sc->id, sc->steps[p.s.path[i].step].id,
		      sc->steps[p.s.path[i].step].opt[p.s.path[i].opt].num);
	play_end(&p);
	diag_free(&d);
}

int main(int argc, char **argv)
{
	struct content c;
	struct diag d = {0};
	const struct scenario *only = NULL;
	int trainees, sessions, i, j;
	size_t k;

	if (argc < 6 || content_load(&c, argv[1], &d) < 0 || c.nscs == 0) {
		fputs("usage: cohort ROOT OUTDIR TRAINEES SESSIONS SEED [SCENARIO]\n", stderr);
		return 2;
	}
	trainees = atoi(argv[3]);
	sessions = atoi(argv[4]);
	seed = strtoull(argv[5], NULL, 10);
	if (argc > 6 && (only = content_scenario(&c, argv[6])) == NULL)
		return 2;
	for (i = 0; i < trainees; i++)
		for (j = 0; j < sessions; j++) {
			char name[32];
			snprintf(name, sizeof name, "Cursist %02d", i + 1);
			one(&c, only ? only : &c.scs[rnd((unsigned)c.nscs)], argv[2], name);
		}
	qsort(t, nt, sizeof *t, cmp);
	for (k = 0; k < nt; k++)
		printf("%s,%d\n", t[k].key, t[k].count);
	free(t);
	content_free(&c);
	diag_free(&d);
	return 0;
}
