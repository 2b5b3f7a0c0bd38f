/*
 * main: parse the command line, run the command, and exit with its code.
 * The only place in the program that exits.
 */
#include "kcconfig.h"
#include "cli.h"

#include <locale.h>
#include <stdlib.h>

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
	return rc;
}
