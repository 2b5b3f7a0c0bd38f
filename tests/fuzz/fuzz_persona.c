/*
 * fuzz_persona: the input is a persona INI file; it is written to a temp
 * file and read with persona_load (required texts, age, channels, needs,
 * help lines).
 */
#include "fuzz_util.h"
#include "persona.h"
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct persona p;
	struct diag d = {0};
	char path[FZ_PATH];

	fz_write(fz_path(path, "fuzz.ini"), data, size);
	persona_load(&p, path, &d);
	persona_free(&p);
	fz_diag_done(&d);
	unlink(path);
	return 0;
}
