/*
 * fuzz_config: the input is a klantcoach.ini settings file; it is written
 * to a temp file and read with config_load over the built-in defaults.
 */
#include "config.h"
#include "fuzz_util.h"
#include "mem.h"
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct diag d = {0};
	char path[FZ_PATH];

	memset(&c, 0, sizeof c);	/* config_defaults without HOME lookups */
	c.colour = 1;
	c.mode = CONFIG_OEFENEN;
	c.path = mem_strdup(fz_path(path, "klantcoach.ini"));
	fz_write(path, data, size);
	config_load(&c, &d);
	config_free(&c);
	fz_diag_done(&d);
	unlink(path);
	return 0;
}
