/*
 * fuzz_feedback: the input is a coach's feedback file (CSV); it is written
 * beside a session log's name and read with feedback_load. Every item that
 * loads has a step in 0..FEEDBACK_MAX_STEP, and every problem message is
 * inert for a terminal (fz_diag_done).
 */
#include "feedback.h"
#include "fuzz_util.h"
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feedback f;
	struct diag d = {0};
	char log[FZ_PATH], path[FZ_PATH];
	size_t i;

	fz_path(log, "s.csv");
	fz_write(fz_path(path, "s.feedback.csv"), data, size);
	feedback_load(&f, log, &d);
	for (i = 0; i < f.n; i++)
		if (f.v[i].step < 0 || f.v[i].step > FEEDBACK_MAX_STEP)
			abort();
	feedback_free(&f);
	fz_diag_done(&d);
	unlink(path);
	return 0;
}
