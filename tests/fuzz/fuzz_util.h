/*
 * fuzz_util.h: helpers shared by the libFuzzer targets. Every target writes
 * its input only below one private temp dir (mkdtemp in $TMPDIR or /tmp),
 * made on first use and removed at exit; each input's files are removed
 * after the call. (run.sh points TMPDIR into its build dir and removes it,
 * so even a crash leaves nothing behind.)
 */
#ifndef KC_FUZZ_UTIL_H
#define KC_FUZZ_UTIL_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "diag.h"

static char fz_root[256];

static void fz_cleanup(void)
{
	if (fz_root[0])
		rmdir(fz_root);
}

/* The private temp dir, made on the first call. */
static const char *fz_dir(void)
{
	if (fz_root[0] == '\0') {
		const char *t = getenv("TMPDIR");
		snprintf(fz_root, sizeof fz_root, "%s/kcfuzz.XXXXXX",
			 t && *t == '/' && strlen(t) < 200 ? t : "/tmp");
		if (mkdtemp(fz_root) == NULL)
			abort();
		atexit(fz_cleanup);
	}
	return fz_root;
}

/* fz_dir()/name into out (size FZ_PATH). */
#define FZ_PATH 320
static char *fz_path(char out[FZ_PATH], const char *name)
{
	snprintf(out, FZ_PATH, "%s/%s", fz_dir(), name);
	return out;
}

/* Write n bytes to path; aborts on failure (a harness fault, not a find). */
static void fz_write(const char *path, const void *data, size_t n)
{
	FILE *fp = fopen(path, "wb");

	if (fp == NULL || (n && fwrite(data, 1, n, fp) != n) || fclose(fp) != 0)
		abort();
}

/* Format every problem (as the program prints them), then free the list.
 * A formatted problem must be inert for a terminal: no C0 control, no DEL
 * (text_sanitize shows those, and C1 and bidi controls, as escapes). */
static void fz_diag_done(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);
		const unsigned char *p;
		for (p = (const unsigned char *)s; *p; p++)
			if (*p < 0x20 || *p == 0x7f)
				abort();
		free(s);
	}
	diag_free(d);
}

#endif
