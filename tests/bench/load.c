/*
 * load.c: times the content loaders on one file, for bench.sh:
 *   load scenario FILE ROUNDS   scenario_parse (no size limit)
 *   load config FILE ROUNDS     config_load (the real loader, 1 MB limit)
 *   load sessions DIR ROUNDS    sessionlist_scan (home list, resume)
 * Prints "ms MEDIAN_MS items N cpu_ms MEDIAN_CPU_MS" (medians over ROUNDS
 * runs; CPU time of the process, system time included) on stdout; exit 1
 * when the file does not load.
 */
#include "config.h"
#include "inifile.h"
#include "mem.h"
#include "path.h"
#include "scenario.h"
#include "sessionlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double clock_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double now_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* One load of file as kind; its time in ms, or -1 when it fails. */
static double once(const char *kind, const char *file, size_t *n)
{
	struct diag d = {0};
	double t0 = now_ms(), t;
	int rc;

	if (strcmp(kind, "scenario") == 0) {
		struct scenario sc;
		size_t len = 0;
		char *data = path_read(file, &len);
		rc = data ? scenario_parse(&sc, file, data, len, &d) : -1;
		*n = sc.nsteps + sc.nends;
		t = now_ms() - t0;
		scenario_free(&sc);
	} else if (strcmp(kind, "sessions") == 0) {
		struct sessionlist l;
		*n = sessionlist_scan(&l, file, &d);
		t = now_ms() - t0;
		rc = *n ? 0 : -1;
		sessionlist_free(&l);
	} else {
		struct config c;
		config_defaults(&c);
		free(c.path);
		c.path = mem_strdup(file);
		rc = config_load(&c, &d) == 0 || d.n > 0 ? 0 : -1;
		*n = d.n;	/* every key is unknown: one message each */
		t = now_ms() - t0;
		config_free(&c);
	}
	if (rc != 0 && strcmp(kind, "scenario") == 0 && d.n)
		fprintf(stderr, "load: %s:%d: %s\n", d.v[0].file, d.v[0].line, d.v[0].msg);
	diag_free(&d);
	return rc == 0 ? t : -1;
}

int main(int argc, char **argv)
{
	double *t, *cpu, c0;
	size_t n = 0;
	int r, rounds;

	if (argc != 4 || (rounds = atoi(argv[3])) < 1) {
		fprintf(stderr, "gebruik: load scenario|config|sessions FILE ROUNDS\n");
		return 2;
	}
	t = mem_calloc((size_t)rounds, sizeof *t);
	cpu = mem_calloc((size_t)rounds, sizeof *cpu);
	for (r = 0; r < rounds; r++) {
		c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
		if ((t[r] = once(argv[1], argv[2], &n)) < 0)
			return 1;
		cpu[r] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
	}
	qsort(t, (size_t)rounds, sizeof *t, cmp_d);
	qsort(cpu, (size_t)rounds, sizeof *cpu, cmp_d);
	printf("ms %.3f items %zu cpu_ms %.3f\n", t[rounds / 2], n, cpu[rounds / 2]);
	free(t);
	free(cpu);
	return 0;
}
