/*
 * fuzz_intervisie: the input is an intervisie record (CSV); it is written
 * to a temp file and resumed with intervisie_resume against the content in
 * KC_FUZZ_CONTENT (run.sh passes the mini fixture). A record that resumes
 * has every vote count in -1..INTERVISIE_MAX_VOTES and every followed
 * option offered by its step; problem messages are inert (fz_diag_done).
 */
#include "fuzz_util.h"
#include "intervisie.h"
#include <stdint.h>

static struct content c;

static void free_content(void)
{
	content_free(&c);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *root = getenv("KC_FUZZ_CONTENT");
	struct diag d = {0};

	(void)argc;
	(void)argv;
	if (root == NULL || content_load(&c, root, &d) != 0) {
		fputs("fuzz_intervisie: set KC_FUZZ_CONTENT to a content "
		      "root\n", stderr);
		abort();
	}
	atexit(free_content);
	diag_free(&d);
	return 0;
}

static void check(const struct intervisie *iv)
{
	size_t i;
	int o;

	for (i = 0; i < iv->nst; i++) {
		const struct iv_step *st = &iv->st[i];
		for (o = 0; o < SCENARIO_MAX_OPTS; o++)
			if (st->votes[o] < -1 ||
			    st->votes[o] > INTERVISIE_MAX_VOTES)
				abort();
		if (st->followed >= iv->sc->steps[st->step].nopt)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct intervisie iv;
	struct diag d = {0};
	char path[FZ_PATH];

	fz_write(fz_path(path, "record.csv"), data, size);
	if (intervisie_resume(&iv, &c, path, &d) == 0)
		check(&iv);
	intervisie_free(&iv);
	fz_diag_done(&d);
	unlink(path);
	return 0;
}
