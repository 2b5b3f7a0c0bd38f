/*
 * fuzz_scenario: the input is a scenario INI file; it is written to a temp
 * file and read with scenario_load (inifile scanner, iniparser, scenario
 * sections, options, flags, evidence, next references).
 */
#include "fuzz_util.h"
#include "scenario.h"
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scenario sc;
	struct diag d = {0};
	char path[FZ_PATH];

	fz_write(fz_path(path, "fuzz.ini"), data, size);
	scenario_load(&sc, path, &d);
	scenario_free(&sc);
	fz_diag_done(&d);
	unlink(path);
	return 0;
}
