/*
 * fuzz_inifile: the input is an INI file, read with inifile_load (the base
 * reader under scenario, persona and config). Besides crashes it checks
 * inifile.c's promise that it reads values as iniparser does: when the
 * load succeeds (and the file has no byte-order mark, which iniparser 4.1
 * cannot read), iniparser has exactly the sections and keys the scanner
 * indexed, with the same values.
 */
#include "kcconfig.h"
#include "fuzz_util.h"
#include "inifile.h"
#include "text.h"
#include <stdint.h>
#ifdef HAVE_INIPARSER_INIPARSER_H
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif

static int silent(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

static void agree(const struct inifile *f, const char *path)
{
	dictionary *dict;
	size_t i, k;
	char name[2100];

	if (text_bom(f->data, f->len))
		return;
	iniparser_set_error_callback(silent);
	if ((dict = iniparser_load(path)) == NULL ||
	    iniparser_getnsec(dict) != (int)f->nsecs)
		abort();	/* a section iniparser sees differently */
	for (i = 0; i < f->nsecs; i++) {
		const struct inifile_section *s = &f->secs[i];
		if (iniparser_getsecnkeys(dict, s->name) != (int)s->nkeys)
			abort();	/* a key iniparser sees differently */
		for (k = s->key0; k < s->key0 + s->nkeys; k++) {
			const char *v;
			snprintf(name, sizeof name, "%s:%s", s->name, f->keys[k].key);
			v = iniparser_getstring(dict, name, NULL);
			if (v == NULL || strcmp(v, f->keys[k].value) != 0)
				abort();	/* a value read differently */
		}
	}
	iniparser_freedict(dict);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct inifile f;
	struct diag d = {0};
	char path[FZ_PATH];

	fz_write(fz_path(path, "fuzz.ini"), data, size);
	if (inifile_load(&f, path, &d) == 0)
		agree(&f, path);
	inifile_free(&f);
	fz_diag_done(&d);
	unlink(path);
	return 0;
}
