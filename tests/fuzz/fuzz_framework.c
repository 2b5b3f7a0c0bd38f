/*
 * fuzz_framework: the input is split at the byte 0x1E (record separator)
 * into framework.csv, competencies.csv, indicators.csv and targets.csv
 * (missing parts are missing files), written into the temp dir, and read
 * with framework_load (libcsv through csvfile, headers, cross-references).
 */
#include "framework.h"
#include "fuzz_util.h"
#include <stdint.h>

#define FZ_SEP 0x1e

static const char *const parts[] = {
	"framework.csv", "competencies.csv", "indicators.csv", "targets.csv",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct framework fw;
	struct diag d = {0};
	char path[FZ_PATH];
	size_t i, start = 0, k;

	for (i = 0; i < 4 && start <= size; i++) {
		const uint8_t *sep = size > start ? memchr(data + start, FZ_SEP, size - start) : NULL;
		size_t end = sep ? (size_t)(sep - data) : size;
		fz_write(fz_path(path, parts[i]), data + start, end - start);
		start = end + 1;
		if (sep == NULL)
			break;
	}
	framework_load(&fw, fz_dir(), &d);
	framework_free(&fw);
	fz_diag_done(&d);
	for (k = 0; k < 4; k++)
		unlink(fz_path(path, parts[k]));
	return 0;
}
