/*
 * fuzz_inifile: the input is an INI file, read with inifile_load (the base
 * reader under scenario, persona and config). Besides crashes it checks
 * inifile.c's promise that the scanner and iniparser agree: when the load
 * succeeds, iniparser has exactly the sections and keys the scanner
 * indexed, so nothing the scanner checked is read differently.
 */
#include "kcconfig.h"
#include "fuzz_util.h"
#include "inifile.h"
#include <stdint.h>
#ifdef HAVE_INIPARSER_INIPARSER_H
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif

static void agree(const struct inifile *f)
{
	dictionary *dict = f->dict;
	size_t i, k, n;

	if (iniparser_getnsec(dict) != (int)f->nsecs)
		abort();	/* a section iniparser sees differently */
	for (i = 0; i < f->nsecs; i++) {
		for (n = 0, k = 0; k < f->nkeys; k++)
			n += f->keys[k].section == f->secs[i].name;
		if (iniparser_getsecnkeys(dict, f->secs[i].name) != (int)n)
			abort();	/* a key iniparser sees differently */
	}
	for (k = 0; k < f->nkeys; k++)	/* iniparser cuts lookups at 1024 */
		if (strlen(f->keys[k].section) + strlen(f->keys[k].key) < 1023 &&
		    inifile_get(f, f->keys[k].section, f->keys[k].key) == NULL)
			abort();	/* an indexed key without a value */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct inifile f;
	struct diag d = {0};
	char path[FZ_PATH];

	fz_write(fz_path(path, "fuzz.ini"), data, size);
	if (inifile_load(&f, path, &d) == 0)
		agree(&f);
	inifile_free(&f);
	fz_diag_done(&d);
	unlink(path);
	return 0;
}
