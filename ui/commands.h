/*
 * commands: one function per command of the command line. Each returns
 * the exit code (EXIT_OK, EXIT_BAD, EXIT_USAGE from cli.h).
 */
#ifndef KC_COMMANDS_H
#define KC_COMMANDS_H
#include "cli.h"
#include "content.h"

struct view;

int cmd_list(struct cli_ctx *ctx);
int cmd_check(struct cli_ctx *ctx);
int cmd_graph(struct cli_ctx *ctx);
int cmd_play(struct cli_ctx *ctx);
int cmd_resume(struct cli_ctx *ctx);
int cmd_show(struct cli_ctx *ctx);
int cmd_review(struct cli_ctx *ctx);
int cmd_report(struct cli_ctx *ctx);
int cmd_replay(struct cli_ctx *ctx);
int cmd_sync(struct cli_ctx *ctx);
int cmd_vergeet(struct cli_ctx *ctx);
/* Sync with the LRS in a detached process, when [lrs] is set up and
 * automatisch is not nee; returns at once. */
void cmd_sync_later(struct cli_ctx *ctx);
/* Home's line: how many sessions wait for the LRS, and why, after the
 * last sync (nothing when none wait). */
void cmd_sync_waiting(const struct cli_ctx *ctx, struct view *v);

/* The folder of the session logs (new string). */
char *cmd_sessions_dir(const struct cli_ctx *ctx);
/* Tell c where the data folder keeps copies of played scenario versions. */
void cmd_set_store(const struct cli_ctx *ctx, struct content *c);
/* Store the trainee's name and level in the config file. 0 or -1. */
int cmd_save_identity(struct cli_ctx *ctx);
/* Store settings in the config file: key, value pairs ending in NULL
 * (keys as in klantcoach.ini). 0 or -1. */
int cmd_save_settings(struct cli_ctx *ctx, ...);

/* Load the content root of ctx (with only set, just that scenario id);
 * problems are printed to stderr, and scenarios that fail the checker are
 * left out with one warning line. Returns 0, or -1 when there is no usable
 * content. */
int cmd_load_content(struct cli_ctx *ctx, struct content *c, const char *only);
/* Print "klantcoach: <message>" to stderr, made inert for a terminal. */
void cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print a usage error for a command and return EXIT_USAGE. */
int cmd_usage(const char *msg, const char *arg);

#endif
