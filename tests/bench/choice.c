/*
 * choice: benchmark helper for tests/bench/bench.sh. Times the cost of one
 * choice at three levels, each repeated and reported as a median:
 *   engine  session_offered + session_choose + session_undo at the current
 *           step, moving on every 8th cycle (pure engine, no I/O);
 *   walk    session_offered + session_choose along real play-throughs,
 *           restarting at the end (pure engine, no I/O);
 *   nosync  play_choose with the real log writer but without fsync
 *           (engine + row formatting + write(2));
 *   durable play_choose with the real log, fsync per choice, as in play.
 * The logged ones run in one practice session that steps back (untimed)
 * when it reaches an end.
 * Usage: choice ROOT SCENARIO DIR N_ENGINE N_DURABLE
 * Prints "name median_ns p90_ns samples" lines.
 */
#include "play.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define REPS 9

static unsigned long long seed = 12345;

static unsigned rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmpd(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void put(const char *name, double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmpd);
	printf("%s %.1f %.1f %zu\n", name, v[n / 2], v[n * 9 / 10], n);
}

/* Engine: REPS repetitions of n choose/undo cycles; per-cycle median. */
static void engine(const struct scenario *sc, long n)
{
	double rep[REPS], walk[REPS];
	struct session s;
	int idx[SCENARIO_MAX_OPTS], k, r;
	long i;

	for (r = 0; r < REPS; r++) {
		double t0;
		session_start(&s, sc);
		t0 = now_ns();
		for (i = 0; i < n; i++) {
			k = session_offered(&s, idx);
			session_choose(&s, idx[i % k], 0);
			session_undo(&s);
			if ((i & 7) == 7) {	/* move on now and then */
				session_choose(&s, idx[rnd((unsigned)k)], 0);
				if (session_finished(&s)) {
					session_free(&s);
					session_start(&s, sc);
				}
			}
			if (s.nundone > 4096)
				s.nundone = 0;	/* keep the undo history small */
		}
		rep[r] = (now_ns() - t0) / (double)n;
		session_free(&s);

		session_start(&s, sc);
		t0 = now_ns();
		for (i = 0; i < n; i++) {
			k = session_offered(&s, idx);
			session_choose(&s, idx[rnd((unsigned)k)], 0);
			if (session_finished(&s)) {
				session_free(&s);
				session_start(&s, sc);
			}
		}
		walk[r] = (now_ns() - t0) / (double)n;
		session_free(&s);
	}
	put("engine", rep, REPS);
	put("walk", walk, REPS);
}

/* play_choose with the real log; per-call samples. */
static void logged(const char *name, const struct content *c, const struct scenario *sc,
		   const char *dir, long n, int bulk)
{
	double *v = malloc((size_t)n * sizeof *v);
	struct play p;
	struct diag d = {0};
	int k;
	long i;

	if (v == NULL)
		exit(1);
	/* One practice session (creating a log costs several fsyncs, which
	 * is not a choice): at the end, step back a random number of steps
	 * (untimed undo rows) and choose on, so every step gets visited. */
	if (play_begin(&p, c, sc, &(struct play_who){"Bench", 'B', CONFIG_OEFENEN, 0},
		       dir, &d) != 0) {
		diag_print(&d, stderr, 0);
		exit(1);
	}
	p.log.bulk = bulk;
	for (i = 0; i < n; i++) {
		double t0;
		if (session_finished(&p.s))
			for (k = (int)rnd((unsigned)p.s.npath) + 1; k > 0; k--)
				if (play_undo(&p) != 0) {
					perror("choice: play_undo");
					exit(1);
				}
		p.s.nundone = 0;	/* keep the undo history small */
		play_offered(&p, 0, &k);
		t0 = now_ns();
		if (play_choose(&p, (int)rnd((unsigned)k)) != 0) {
			perror("choice: play_choose");
			exit(1);
		}
		v[i] = now_ns() - t0;
	}
	play_end(&p);
	put(name, v, (size_t)n);
	free(v);
	diag_free(&d);
}

int main(int argc, char **argv)
{
	struct content c;
	struct diag d = {0};
	const struct scenario *sc;

	if (argc != 6) {
		fputs("usage: choice ROOT SCENARIO DIR N_ENGINE N_DURABLE\n", stderr);
		return 2;
	}
	if (content_load(&c, argv[1], &d) < 0 || (sc = content_scenario(&c, argv[2])) == NULL) {
		diag_print(&d, stderr, 0);
		fprintf(stderr, "choice: no scenario %s in %s\n", argv[2], argv[1]);
		return 1;
	}
	engine(sc, atol(argv[4]));
	logged("nosync", &c, sc, argv[3], atol(argv[4]) / 10 > 0 ? atol(argv[4]) / 10 : 1, 1);
	logged("durable", &c, sc, argv[3], atol(argv[5]), 0);
	content_free(&c);
	diag_free(&d);
	return 0;
}
