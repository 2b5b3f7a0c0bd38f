/*
 * cli: the command line. One table of options and one of commands, each
 * command naming its own options (an option of another command is wrong
 * usage); parsing fills struct cli_args. Exit codes: 0 ok, 1 bad input or
 * failed check, 2 wrong usage.
 */
#ifndef KC_CLI_H
#define KC_CLI_H
#include "config.h"

enum { EXIT_OK = 0, EXIT_BAD = 1, EXIT_USAGE = 2 };

struct cli_args {
	int plain, strict, coverage, anoniem, help, version, toon, ophalen;
	int excel, verslag;
	const char *content, *data, *name, *config, *mode, *order, *format,
		*output, *trainee, *scenario, *framework, *van;
	const char *tabel, *tot, *groep;
	unsigned own;		/* the command options given (cli.c's OF_ bits) */
	const char *command;
	char **argv;		/* the command's own arguments */
	int argc;
};

/* Everything a command needs: parsed arguments and the effective config. */
struct cli_ctx {
	struct cli_args a;
	struct config cfg;
	char *content_dir;	/* resolved root holding personas/ and content/ */
	char *data_dir;		/* resolved data folder */
};

/* Parse argv; on wrong usage prints a one-line Dutch error plus the usage
 * line to stderr and returns -1. */
int cli_parse(int argc, char **argv, struct cli_args *a);
/* Run the parsed command; returns the exit code. */
int cli_run(struct cli_ctx *ctx);
/* Print the usage line to fp. */
void cli_usage(FILE *fp);

#endif
