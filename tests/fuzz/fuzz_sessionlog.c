/*
 * fuzz_sessionlog: the input is a session log (CSV); it is written to a
 * temp file and read with sessionlog_load. When KC_FUZZ_SCENARIO names a
 * scenario file (run.sh passes the fixture proef-basis), every log that
 * loads is also replayed against it with sessionlog_replay, as resume does.
 * A log that loads must start with its format line (no skipped header),
 * after a UTF-8 byte-order mark, which is accepted.
 */
#include "fuzz_util.h"
#include "scenario.h"
#include "session.h"
#include "sessionlog.h"
#include <stdint.h>

static struct scenario sc;
static int have_sc;

static void free_sc(void)
{
	scenario_free(&sc);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *p = getenv("KC_FUZZ_SCENARIO");
	struct diag d = {0};

	(void)argc;
	(void)argv;
	if (p && *p) {
		if (scenario_load(&sc, p, &d) != 0) {
			diag_print(&d, stderr, 0);
			abort();
		}
		have_sc = 1;
		atexit(free_sc);
	}
	diag_free(&d);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sessionlog_data log;
	struct session s;
	struct diag d = {0};
	char path[FZ_PATH];
	size_t i;
	int ok;

	fz_write(fz_path(path, "log.csv"), data, size);
	ok = sessionlog_load(&log, path, &d) == 0;
	i = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	for (; i < size && strchr(" \t\r\n", data[i]) && data[i]; i++)
		;	/* what libcsv skips before the first record */
	if (ok && (i == size || (data[i] != 'k' && data[i] != '"')))
		abort();	/* a log that loads starts with its format line */
	if (ok && have_sc) {
		memset(&s, 0, sizeof s);
		sessionlog_replay(&log, &sc, &s, &d);
		session_free(&s);
	}
	sessionlog_data_free(&log);
	fz_diag_done(&d);
	unlink(path);
	return 0;
}
