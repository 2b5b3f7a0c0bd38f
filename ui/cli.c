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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct command {
	const char *name;
	int (*run)(struct cli_ctx *);
	const char *args;
	const char *help;
};

static const struct command commands[] = {
	{"play", cmd_play, "[--mode M] [--volgorde V] [SCENARIO]", "een scenario spelen (standaard)"},
	{"resume", cmd_resume, "[SESSIE]", "een onderbroken sessie hervatten"},
	{"show", cmd_show, "[--framework ID] SESSIE", "de reflectie van een sessie tonen"},
	{"list", cmd_list, "", "persona's en scenario's opsommen"},
	{"check", cmd_check, "[--strict] [--coverage] [PAD...]", "inhoud controleren"},
	{"graph", cmd_graph, "SCENARIO", "scenario als Graphviz DOT"},
	{"review", cmd_review, "[--trainee NAAM] [--scenario ID] [--framework ID] [MAP...]", "sessielogboeken bekijken (coach)"},
	{"replay", cmd_replay, "[--anoniem] SCENARIO|LOGBOEK|VERSLAG", "intervisie: samen een scenario of sessie naspelen"},
	{"report", cmd_report, "--format csv|md|html [-o BESTAND] [--framework ID] [MAP...]", "rapport maken (coach)"},
	{"sync", cmd_sync, "[--toon | --ophalen]", "sessies naar of van het LRS van je organisatie"},
	{"vergeet", cmd_vergeet, "", "je gegevens wissen (en je statements in het LRS intrekken)"},
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

enum {
	OPT_PLAIN = 256, OPT_CONTENT, OPT_DATA, OPT_NAME, OPT_CONFIG, OPT_STRICT,
	OPT_COVERAGE, OPT_MODE, OPT_VERSION, OPT_FORMAT, OPT_TRAINEE, OPT_SCENARIO,
	OPT_ANONIEM, OPT_VOLGORDE, OPT_TOON, OPT_FRAMEWORK, OPT_OPHALEN, OPT_VAN
};

static const struct option longopts[] = {
	{"plain", no_argument, NULL, OPT_PLAIN},
	{"content", required_argument, NULL, OPT_CONTENT},
	{"data", required_argument, NULL, OPT_DATA},
	{"name", required_argument, NULL, OPT_NAME},
	{"config", required_argument, NULL, OPT_CONFIG},
	{"strict", no_argument, NULL, OPT_STRICT},
	{"coverage", no_argument, NULL, OPT_COVERAGE},
	{"mode", required_argument, NULL, OPT_MODE},
	{"volgorde", required_argument, NULL, OPT_VOLGORDE},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"output", required_argument, NULL, 'o'},
	{"trainee", required_argument, NULL, OPT_TRAINEE},
	{"scenario", required_argument, NULL, OPT_SCENARIO},
	{"anoniem", no_argument, NULL, OPT_ANONIEM},
	{"toon", no_argument, NULL, OPT_TOON},
	{"framework", required_argument, NULL, OPT_FRAMEWORK},
	{"ophalen", no_argument, NULL, OPT_OPHALEN},
	{"van", required_argument, NULL, OPT_VAN},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0},
};

void cli_usage(FILE *fp)
{
	fputs("gebruik: klantcoach [--plain] [--content MAP] [--data MAP] "
	      "[--name NAAM] [--config BESTAND] [OPDRACHT] [ARGUMENTEN]\n", fp);
}

static void help(void)
{
	size_t i;

	cli_usage(stdout);
	fputs("\nOefen lastige klantcontacten met persona's uit "
	      "'Vakmanschap in dienstverlening'.\n\nOpdrachten:\n", stdout);
	for (i = 0; i < NCOMMANDS; i++)
		printf("  %-7s %-36s %s\n", commands[i].name, commands[i].args,
		       commands[i].help);
	fputs("\nAlgemene opties:\n"
	      "  --plain          regelmodus voor schermlezers en scripts\n"
	      "  --content MAP    map met personas/ en content/\n"
	      "  --data MAP       map voor sessies en verslagen\n"
	      "  --name NAAM      naam van de cursist\n"
	      "  --config BESTAND ander instellingenbestand\n"
	      "  --version        versie tonen\n"
	      "  --help           deze hulp tonen\n"
	      "\nOpties van opdrachten:\n"
	      "  --mode oefenen|toets        modus van play\n"
	      "  --volgorde geschud|vast     play: opties geschud (standaard) of in\n"
	      "                              de volgorde van het bestand (alleen oefenen)\n"
	      "  --strict, --coverage        bij check: waarschuwingen als fout, dekking\n"
	      "  --format csv|md|html        vorm van report\n"
	      "  -o, --output BESTAND        report naar een bestand\n"
	      "  --trainee NAAM              review en report: alleen deze cursist\n"
	      "  --scenario ID               review en report: alleen dit scenario\n"
	      "  --anoniem                   replay: naam van de cursist verbergen\n"
	      "  --toon                      sync: tonen wat verstuurd zou worden\n"
	      "  --framework ID              show, review en report: in dit framework\n"
	      "                              (afgeleid via een kruistabel)\n"
	      "  --ophalen [--van JJJJ-MM-DD] sync: sessies van cursisten ophalen (coach)\n"
	      "\nUitgangscodes: 0 goed, 1 foute invoer of mislukte controle, "
	      "2 verkeerd gebruik.\nMeer: man klantcoach\n", stdout);
}

static int usage_error(const char *what, const char *arg)
{
	cmd_error("%s%s%s", what, arg ? ": " : "", arg ? arg : "");
	cli_usage(stderr);
	return -1;
}

static void set_opt(struct cli_args *a, int c, const char *arg)
{
	switch (c) {
	case OPT_PLAIN: a->plain = 1; break;
	case OPT_CONTENT: a->content = arg; break;
	case OPT_DATA: a->data = arg; break;
	case OPT_NAME: a->name = arg; break;
	case OPT_CONFIG: a->config = arg; break;
	case OPT_STRICT: a->strict = 1; break;
	case OPT_COVERAGE: a->coverage = 1; break;
	case OPT_MODE: a->mode = arg; break;
	case OPT_VOLGORDE: a->order = arg; break;
	case OPT_FORMAT: a->format = arg; break;
	case 'o': a->output = arg; break;
	case OPT_TRAINEE: a->trainee = arg; break;
	case OPT_SCENARIO: a->scenario = arg; break;
	case OPT_ANONIEM: a->anoniem = 1; break;
	case OPT_TOON: a->toon = 1; break;
	case OPT_FRAMEWORK: a->framework = arg; break;
	case OPT_OPHALEN: a->ophalen = 1; break;
	case OPT_VAN: a->van = arg; break;
	case 'h': a->help = 1; break;
	case OPT_VERSION: a->version = 1; break;
	}
}

int cli_parse(int argc, char **argv, struct cli_args *a)
{
	int c;

	memset(a, 0, sizeof *a);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		if (c == '?') {
			if (optopt == 'o')
				return usage_error("optie mist een waarde", "-o");
			if (optopt && optopt < 256)
				return usage_error("onbekende optie", argv[optind - 1]);
			if (optopt)
				return usage_error("optie mist een waarde", argv[optind - 1]);
			return usage_error("onbekende optie", argv[optind - 1]);
		}
		set_opt(a, c, optarg);
	}
	if (a->mode && config_parse_mode(a->mode) < 0)
		return usage_error("--mode moet oefenen of toets zijn", a->mode);
	if (a->order && strcmp(a->order, "geschud") != 0 && strcmp(a->order, "vast") != 0)
		return usage_error("--volgorde moet geschud of vast zijn", a->order);
	if (a->order && strcmp(a->order, "vast") == 0 && a->mode &&
	    strcmp(a->mode, "toets") == 0)
		return usage_error("--volgorde vast kan alleen bij oefenen; "
				   "in de toets zijn de opties altijd geschud", NULL);
	if (optind < argc)
		a->command = argv[optind++];
	a->argv = argv + optind;
	a->argc = argc - optind;
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

static int load_settings(struct cli_ctx *ctx)
{
	struct diag d = {0};
	int rc = 0;

	config_defaults(&ctx->cfg);
	if (ctx->a.config) {
		free(ctx->cfg.path);
		ctx->cfg.path = mem_strdup(ctx->a.config);
	}
	if (config_load_system(&ctx->cfg, &d) != 0 ||
	    config_load(&ctx->cfg, &d) != 0 || config_env(&ctx->cfg, &d) != 0)
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
	if (load_settings(ctx) != 0)
		return EXIT_BAD;
	return commands[i].run(ctx);
}
