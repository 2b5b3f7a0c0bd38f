/*
 * cli: option and command tables, parsing, and the resolution of the
 * effective settings (command line > environment > config file > default).
 */
#include "kcconfig.h"
#include "cli.h"
#include "commands.h"
#include "mem.h"
#include "path.h"

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The options that belong to one command (struct command.opts); the
 * general options (--plain, --content, ...) go with every command. */
enum {
	OF_MODE = 1u << 0, OF_VOLGORDE = 1u << 1, OF_STRICT = 1u << 2,
	OF_COVERAGE = 1u << 3, OF_FORMAT = 1u << 4, OF_OUTPUT = 1u << 5,
	OF_TRAINEE = 1u << 6, OF_SCENARIO = 1u << 7, OF_ANONIEM = 1u << 8,
	OF_TOON = 1u << 9, OF_FRAMEWORK = 1u << 10, OF_OPHALEN = 1u << 11,
	OF_VAN = 1u << 12, OF_TABEL = 1u << 13, OF_EXCEL = 1u << 14,
	OF_TOT = 1u << 15, OF_GROEP = 1u << 16, OF_VERSLAG = 1u << 17,
};

/* One command, as tmux's cmd_entry: its name, usage, help line, own
 * options and the function that runs it. */
struct command {
	const char *name;
	const char *args;
	const char *help;
	unsigned opts;
	int (*run)(struct cli_ctx *);
};

static const struct command commands[] = {
	{
		.name = "play",
		.args = "[--mode M] [--volgorde V] [SCENARIO]",
		.help = "een scenario spelen (standaard)",
		.opts = OF_MODE | OF_VOLGORDE,
		.run = cmd_play,
	}, {
		.name = "resume",
		.args = "[--mode M] [--volgorde V] [SESSIE]",
		.help = "een onderbroken sessie hervatten",
		.opts = OF_MODE | OF_VOLGORDE,	/* for new sessions from there */
		.run = cmd_resume,
	}, {
		.name = "show",
		.args = "[--framework ID] SESSIE",
		.help = "de reflectie van een sessie tonen",
		.opts = OF_FRAMEWORK,
		.run = cmd_show,
	}, {
		.name = "list",
		.args = "",
		.help = "persona's en scenario's opsommen",
		.run = cmd_list,
	}, {
		.name = "check",
		.args = "[--strict] [--coverage] [PAD...]",
		.help = "inhoud controleren",
		.opts = OF_STRICT | OF_COVERAGE,
		.run = cmd_check,
	}, {
		.name = "graph",
		.args = "SCENARIO",
		.help = "scenario als Graphviz DOT",
		.run = cmd_graph,
	}, {
		.name = "review",
		.args = "[--trainee NAAM] [--scenario ID] [--framework ID] "
			"[MAP...]",
		.help = "sessielogboeken bekijken (coach)",
		.opts = OF_TRAINEE | OF_SCENARIO | OF_FRAMEWORK,
		.run = cmd_review,
	}, {
		.name = "replay",
		.args = "[--anoniem] [--volgorde V] SCENARIO|LOGBOEK|VERSLAG | "
			"--verslag VERSLAG --format md|html [-o BESTAND]",
		.help = "intervisie: samen een scenario of sessie naspelen",
		.opts = OF_ANONIEM | OF_VOLGORDE | OF_VERSLAG | OF_FORMAT |
			OF_OUTPUT,
		.run = cmd_replay,
	}, {
		.name = "report",
		.args = "--format csv|md|html|xlsx [-o BESTAND|MAP/] [--tabel T] "
			"[--excel] [--trainee NAAM] [--groep BESTAND] "
			"[--scenario ID] [--van D] [--tot D] "
			"[--framework ID] [MAP...]",
		.help = "rapport maken (coach)",
		.opts = OF_FORMAT | OF_OUTPUT | OF_TRAINEE | OF_SCENARIO |
			OF_FRAMEWORK | OF_TABEL | OF_EXCEL | OF_VAN | OF_TOT |
			OF_GROEP,
		.run = cmd_report,
	}, {
		.name = "sync",
		.args = "[--toon | --ophalen [--van D] [--trainee N] "
			"[--scenario ID]]",
		.help = "sessies naar of van het LRS van je organisatie",
		.opts = OF_TOON | OF_OPHALEN | OF_VAN | OF_TRAINEE | OF_SCENARIO,
		.run = cmd_sync,
	}, {
		.name = "vergeet",
		.args = "",
		.help = "je gegevens wissen (en je statements in het LRS "
			"intrekken)",
		.run = cmd_vergeet,
	},
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

/* One option: its long name, its short letter (or 0), the name of its
 * value (NULL for a flag), the field of struct cli_args it sets (an int
 * flag, or a string for a value), for a command's own option its OF_ bit,
 * and its line in --help. */
struct opt_spec {
	const char *name;
	char letter;
	const char *value;
	size_t field;
	unsigned own;
	const char *help;
};

#define FIELD(f) offsetof(struct cli_args, f)
static const struct opt_spec opts[] = {
	{.name = "plain", .field = FIELD(plain),
	 .help = "regelmodus voor schermlezers en scripts"},
	{.name = "content", .value = "MAP", .field = FIELD(content),
	 .help = "map met personas/ en content/"},
	{.name = "data", .value = "MAP", .field = FIELD(data),
	 .help = "map voor sessies en verslagen"},
	{.name = "name", .value = "NAAM", .field = FIELD(name),
	 .help = "naam van de cursist"},
	{.name = "config", .value = "BESTAND", .field = FIELD(config),
	 .help = "ander instellingenbestand"},
	{.name = "version", .field = FIELD(version), .help = "versie tonen"},
	{.name = "help", .letter = 'h', .field = FIELD(help),
	 .help = "deze hulp tonen"},
	{.name = "mode", .value = "oefenen|toets", .field = FIELD(mode),
	 .own = OF_MODE, .help = "play, resume: de modus van een nieuwe sessie"},
	{.name = "volgorde", .value = "geschud|vast", .field = FIELD(order),
	 .own = OF_VOLGORDE, .help = "play, resume, replay: opties geschud "
	 "(standaard)\nof in de volgorde van het bestand (alleen oefenen)"},
	{.name = "strict", .field = FIELD(strict), .own = OF_STRICT,
	 .help = "check: waarschuwingen tellen als fout"},
	{.name = "coverage", .field = FIELD(coverage), .own = OF_COVERAGE,
	 .help = "check: dekking van de indicatoren tonen"},
	{.name = "format", .value = "csv|md|html|xlsx", .field = FIELD(format),
	 .own = OF_FORMAT, .help = "report, replay --verslag: de vorm"},
	{.name = "output", .letter = 'o', .value = "BESTAND",
	 .field = FIELD(output), .own = OF_OUTPUT,
	 .help = "report, replay --verslag: naar een bestand"},
	{.name = "trainee", .value = "NAAM", .field = FIELD(trainee),
	 .own = OF_TRAINEE, .help = "review, report, sync --ophalen: alleen "
	 "deze cursist"},
	{.name = "scenario", .value = "ID", .field = FIELD(scenario),
	 .own = OF_SCENARIO, .help = "review, report, sync --ophalen: alleen "
	 "dit scenario"},
	{.name = "anoniem", .field = FIELD(anoniem), .own = OF_ANONIEM,
	 .help = "replay: naam van de cursist verbergen"},
	{.name = "verslag", .field = FIELD(verslag), .own = OF_VERSLAG,
	 .help = "replay: de notulen van een intervisie schrijven"},
	{.name = "toon", .field = FIELD(toon), .own = OF_TOON,
	 .help = "sync: tonen wat verstuurd zou worden"},
	{.name = "framework", .value = "ID", .field = FIELD(framework),
	 .own = OF_FRAMEWORK, .help = "show, review en report: in dit "
	 "framework\n(afgeleid via een kruistabel)"},
	{.name = "ophalen", .field = FIELD(ophalen), .own = OF_OPHALEN,
	 .help = "sync: sessies van cursisten ophalen (coach)"},
	{.name = "van", .value = "JJJJ-MM-DD", .field = FIELD(van),
	 .own = OF_VAN, .help = "sync --ophalen, report: sessies vanaf die "
	 "dag"},
	{.name = "tot", .value = "JJJJ-MM-DD", .field = FIELD(tot),
	 .own = OF_TOT, .help = "report: sessies tot en met die dag"},
	{.name = "groep", .value = "BESTAND", .field = FIELD(groep),
	 .own = OF_GROEP, .help = "report: alleen de cursisten in dit bestand "
	 "(een naam\nper regel)"},
	{.name = "tabel", .value = "TABEL", .field = FIELD(tabel),
	 .own = OF_TABEL, .help = "report --format csv: sessies (standaard), "
	 "stappen of\ncompetenties"},
	{.name = "excel", .field = FIELD(excel), .own = OF_EXCEL,
	 .help = "report --format csv: met BOM en ';' voor Excel"},
};
#define NOPTS (sizeof opts / sizeof *opts)
#define OPT_BASE 256	/* getopt value of opts[i]: OPT_BASE + i */

void cli_usage(FILE *fp)
{
	fputs("gebruik: klantcoach [--plain] [--content MAP] [--data MAP] "
	      "[--name NAAM] [--config BESTAND] [OPDRACHT] [ARGUMENTEN]\n", fp);
}

/* The --help lines of the general (own 0) or the command options. */
static void help_options(int own)
{
	char label[40];
	const char *h, *nl;
	size_t i;
	int n;

	for (i = 0; i < NOPTS; i++) {
		const struct opt_spec *o = &opts[i];
		if ((o->own != 0) != own)
			continue;
		n = o->letter ? snprintf(label, sizeof label, "-%c, ", o->letter) : 0;
		snprintf(label + n, sizeof label - (size_t)n, "--%s%s%s", o->name,
			 o->value ? " " : "", o->value ? o->value : "");
		for (h = o->help; (nl = strchr(h, '\n')) != NULL; h = nl + 1) {
			printf("  %-26s %.*s\n", label, (int)(nl - h), h);
			label[0] = '\0';
		}
		printf("  %-26s %s\n", label, h);
	}
}

static void help(void)
{
	size_t i;

	cli_usage(stdout);
	fputs("\nOefen lastige klantcontacten met persona's uit "
	      "'Vakmanschap in dienstverlening'.\n\nOpdrachten:\n", stdout);
	for (i = 0; i < NCOMMANDS; i++)
		if (strlen(commands[i].args) > 36)
			printf("  %-7s %s\n  %-7s %s\n", commands[i].name,
			       commands[i].args, "", commands[i].help);
		else
			printf("  %-7s %-36s %s\n", commands[i].name,
			       commands[i].args, commands[i].help);
	fputs("\nAlgemene opties:\n", stdout);
	help_options(0);
	fputs("\nOpties van een opdracht (bij een andere opdracht: verkeerd "
	      "gebruik):\n", stdout);
	help_options(1);
	fputs("\nUitgangscodes: 0 goed, 1 foute invoer of mislukte controle, "
	      "2 verkeerd gebruik.\nMeer: man klantcoach\n", stdout);
}

static int usage_error(const char *what, const char *arg)
{
	cmd_error("%s%s%s", what, arg ? ": " : "", arg ? arg : "");
	cli_usage(stderr);
	return -1;
}

/* Record option i (with its value arg) in a. */
static void set_opt(struct cli_args *a, size_t i, const char *arg)
{
	char *field = (char *)a + opts[i].field;

	if (opts[i].value)
		memcpy(field, &arg, sizeof arg);
	else
		*(int *)(void *)field = 1;
	a->own |= opts[i].own;
}

/* The opts index of getopt's value c (a long option or a letter). */
static size_t opt_index(int c)
{
	size_t i;

	for (i = 0; i < NOPTS && c < OPT_BASE; i++)
		if (opts[i].letter == c)
			return i;
	return (size_t)(c - OPT_BASE);
}

/* getopt_long's table for opts, into lo (NOPTS + 1 entries). */
static void long_options(struct option *lo)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		lo[i] = (struct option){opts[i].name,
			opts[i].value ? required_argument : no_argument,
			NULL, OPT_BASE + (int)i};
	lo[NOPTS] = (struct option){NULL, 0, NULL, 0};
}

/* The values of --mode and --volgorde, and their combination. */
static int check_values(const struct cli_args *a)
{
	if (a->mode && config_parse_mode(a->mode) < 0)
		return usage_error("--mode moet oefenen of toets zijn", a->mode);
	if (a->order && strcmp(a->order, "geschud") != 0 && strcmp(a->order, "vast") != 0)
		return usage_error("--volgorde moet geschud of vast zijn", a->order);
	if (a->order && strcmp(a->order, "vast") == 0 && a->mode &&
	    strcmp(a->mode, "toets") == 0)
		return usage_error("--volgorde vast kan alleen bij oefenen; "
				   "in de toets zijn de opties altijd geschud", NULL);
	return 0;
}

int cli_parse(int argc, char **argv, struct cli_args *a)
{
	struct option lo[NOPTS + 1];
	int c;

	memset(a, 0, sizeof *a);
	long_options(lo);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", lo, NULL)) != -1) {
		if (c == '?') {
			if (optopt == 'o')
				return usage_error("optie mist een waarde", "-o");
			if (optopt && optopt < OPT_BASE)
				return usage_error("onbekende optie", argv[optind - 1]);
			if (optopt)
				return usage_error("optie mist een waarde", argv[optind - 1]);
			return usage_error("onbekende optie", argv[optind - 1]);
		}
		set_opt(a, opt_index(c), optarg);
	}
	if (check_values(a) != 0)
		return -1;
	if (optind < argc)
		a->command = argv[optind++];
	a->argv = argv + optind;
	a->argc = argc - optind;
	return 0;
}

/* An option that belongs to another command is wrong usage: say which
 * and show the command's own usage. 0 when all options fit cmd. */
static int foreign_option(const struct command *cmd, unsigned own)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		if (opts[i].own & own & ~cmd->opts) {
			cmd_error("optie --%s hoort niet bij opdracht %s",
				  opts[i].name, cmd->name);
			fprintf(stderr, "gebruik: klantcoach %s%s%s\n", cmd->name,
				*cmd->args ? " " : "", cmd->args);
			return -1;
		}
	return 0;
}

/* Content root: option, environment or config, else next to the program
 * (an uninstalled build), else the installed data. */
static char *content_root(const struct cli_ctx *ctx)
{
	char exe[4096], *slash, *p;
	ssize_t n;

	if (ctx->a.content)
		return mem_strdup(ctx->a.content);
	if (ctx->cfg.content_dir)
		return mem_strdup(ctx->cfg.content_dir);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			p = path_join(exe, "content/scenarios");
			if (path_isdir(p)) {
				free(p);
				return mem_strdup(exe);
			}
			free(p);
		}
	}
	return mem_strdup(PKGDATADIR);
}

/* The user's own file never locks the trainee out: what it cannot give
 * keeps its default, and its problems are warnings that say how to repair
 * it (config_load). The system file, the environment and the options
 * stay errors: they are the administrator's or given just now. */
static void load_user_file(struct cli_ctx *ctx, struct diag *d)
{
	size_t i, first = d->n;

	if (config_load(&ctx->cfg, d) != 0)
		for (i = first; i < d->n; i++)
			d->v[i].sev = DIAG_WARNING;
}

static int load_settings(struct cli_ctx *ctx)
{
	struct diag d = {0};
	int rc = 0;

	config_defaults(&ctx->cfg);
	if (ctx->a.config) {
		free(ctx->cfg.path);
		ctx->cfg.path = mem_strdup(ctx->a.config);
	}
	if (config_load_system(&ctx->cfg, &d) != 0)
		rc = -1;
	if (rc == 0)
		load_user_file(ctx, &d);
	if (config_env(&ctx->cfg, &d) != 0)
		rc = -1;
	if (ctx->a.name)
		config_set(&ctx->cfg, "cursist.naam", ctx->a.name, &d, "--name", 0);
	if (ctx->a.data)
		config_set(&ctx->cfg, "paden.gegevens", ctx->a.data, &d, "--data", 0);
	if (ctx->a.mode)
		ctx->cfg.mode = (enum config_mode)config_parse_mode(ctx->a.mode);
	if (ctx->a.order)
		ctx->cfg.fixed_order = strcmp(ctx->a.order, "vast") == 0;
	if (diag_count(&d, DIAG_ERROR))
		rc = -1;
	diag_print(&d, stderr, 0);
	diag_free(&d);
	ctx->content_dir = content_root(ctx);
	ctx->data_dir = config_data_dir(&ctx->cfg);
	return rc;
}

int cli_run(struct cli_ctx *ctx)
{
	size_t i;
	const char *name = ctx->a.command ? ctx->a.command : "play";

	if (ctx->a.help) {
		help();
		return EXIT_OK;
	}
	if (ctx->a.version) {
		printf("klantcoach %s\n", PACKAGE_VERSION);
		return EXIT_OK;
	}
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			break;
	if (i == NCOMMANDS) {
		usage_error("onbekende opdracht", name);
		return EXIT_USAGE;
	}
	if (foreign_option(&commands[i], ctx->a.own) != 0)
		return EXIT_USAGE;
	if (load_settings(ctx) != 0)
		return EXIT_BAD;
	return commands[i].run(ctx);
}
