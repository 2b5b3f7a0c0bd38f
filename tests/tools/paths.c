/*
 * paths: test helper. Prints, for a scenario, the answers (offered-option
 * numbers as the plain mode shows them) that follow the expert path, or a
 * poor path that always takes the first option the expert would not take
 * (falling back to the expert's when a poor choice would loop).
 * Usage: paths CONTENT-ROOT SCENARIO expert|poor
 */
#include "content.h"
#include "session.h"

#include <stdio.h>
#include <string.h>

static int pick(const struct session *s, int poor, const char *seen)
{
	int idx[SCENARIO_MAX_OPTS], n = session_offered(s, idx), i;
	int expert = scenario_expert(s->sc, (size_t)s->step, s->flags);

	for (i = 0; poor && i < n; i++) {
		const struct sc_option *o = &s->sc->steps[s->step].opt[idx[i]];
		if (idx[i] != expert && (o->next_step < 0 || !seen[o->next_step]))
			return i;
	}
	for (i = 0; i < n; i++)
		if (idx[i] == expert)
			return i;
	return 0;
}

int main(int argc, char **argv)
{
	struct content c;
	struct diag d = {0};
	const struct scenario *sc;
	struct session s;
	char seen[256] = {0};
	int guard = 0;

	if (argc != 4 || content_load(&c, argv[1], &d) < 0 ||
	    (sc = content_scenario(&c, argv[2])) == NULL || sc->nsteps > sizeof seen) {
		fputs("usage: paths ROOT SCENARIO expert|poor\n", stderr);
		return 2;
	}
	session_start(&s, sc);
	while (!session_finished(&s) && guard++ < 100) {
		int idx[SCENARIO_MAX_OPTS], k;
		seen[s.step] = 1;
		k = pick(&s, strcmp(argv[3], "poor") == 0, seen);
		session_offered(&s, idx);
		printf("%d\n", k + 1);
		session_choose(&s, idx[k], 0);
	}
	printf("# einde %s %s\n", sc->ends[s.end].id, scenario_tone_name[sc->ends[s.end].tone]);
	session_free(&s);
	content_free(&c);
	diag_free(&d);
	return 0;
}
