/*
 * main: parse the command line, run the command, and exit with its code.
 * The only place in the program that exits.
 */
#include "kcconfig.h"
#include "cli.h"
#include "sig.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct cli_ctx ctx = {0};
	int rc;

	setlocale(LC_ALL, "");
	if (cli_parse(argc, argv, &ctx.a) != 0)
		return EXIT_USAGE;
	rc = cli_run(&ctx);
	config_free(&ctx.cfg);
	free(ctx.content_dir);
	free(ctx.data_dir);
	/* After a hangup everything is saved and freed, but the kernel may
	 * still send SIGCONT when our process group is orphaned. Under
	 * LeakSanitizer (the CI builds) that cancels the ptrace stop its
	 * exit-time check waits for, and the check then spins for ever
	 * (sched_yield) with no terminal: leave without exit handlers. */
	if (sig_caught() == SIGHUP) {
		fflush(NULL);
		_exit(rc);
	}
	return rc;
}
