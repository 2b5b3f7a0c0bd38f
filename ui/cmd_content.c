/*
 * cmd_content: the author's commands: list (personas, scenarios and their
 * content notices, tab separated), check (the validator, compiler-style
 * output) and graph (Graphviz DOT of one scenario).
 */
#include "kcconfig.h"
#include "commands.h"
#include "buf.h"
#include "check.h"
#include "mem.h"
#include "text.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cmd_error(const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;
	char *clean;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	clean = text_sanitize(b.s, b.len, 0);
	fprintf(stderr, "klantcoach: %s\n", clean);
	free(clean);
	buf_free(&b);
}

int cmd_usage(const char *msg, const char *arg)
{
	cmd_error("%s%s%s", msg, arg ? ": " : "", arg ? arg : "");
	cli_usage(stderr);
	return EXIT_USAGE;
}

/* Print s made inert for a terminal (a tab-separated field), then end. */
static void put_field(const char *s, const char *end)
{
	char *clean = text_sanitize(s ? s : "", s ? strlen(s) : 0, 0);

	fputs(clean, stdout);
	fputs(end, stdout);
	free(clean);
}

/* Drop scenario i from c (it failed the checker). */
static void drop_scenario(struct content *c, size_t i)
{
	scenario_free(&c->scs[i]);
	memmove(&c->scs[i], &c->scs[i + 1], (c->nscs - i - 1) * sizeof *c->scs);
	c->nscs--;
}

int cmd_load_content(struct cli_ctx *ctx, struct content *c, const char *only)
{
	struct diag d = {0};
	size_t i, dropped = 0;
	int rc = only ? content_load_one(c, ctx->content_dir, only, &d)
		      : content_load(c, ctx->content_dir, &d);

	cmd_set_store(ctx, c);
	for (i = c->nscs; rc >= 0 && i-- > 0;) {
		struct diag one = {0};
		if (check_errors(c, &c->scs[i], &one) > 0) {
			drop_scenario(c, i);
			dropped++;
		}
		diag_free(&one);
	}
	if (rc != 0 || dropped) {
		diag_sort(&d);
		diag_print(&d, stderr, 0);
		if (dropped)
			fprintf(stderr, "klantcoach: %zu scenario('s) met fouten overgeslagen; "
				"draai 'klantcoach check' voor details\n", dropped);
	}
	diag_free(&d);
	return rc < 0 ? -1 : 0;
}

static int steps_on_expert(const struct scenario *sc)
{
	int n = check_expert_length(sc);
	return n < 0 ? (int)sc->nsteps : n;
}

int cmd_list(struct cli_ctx *ctx)
{
	struct content c;
	size_t i, k;

	if (ctx->a.argc > 0)
		return cmd_usage("list heeft geen argumenten", ctx->a.argv[0]);
	if (cmd_load_content(ctx, &c, NULL) != 0) {
		content_free(&c);
		return EXIT_BAD;
	}
	for (i = 0; i < c.npersonas; i++) {
		const struct persona *p = &c.personas[i];
		fputs("persona\t", stdout);
		put_field(p->id, "\t");
		put_field(p->name, "\t");
		printf("%d\t", p->age);
		for (k = 0; k < p->nchannels; k++)
			put_field(p->channels[k],
				  k + 1 < p->nchannels ? "," : "");
		fputs("\t", stdout);
		put_field(p->situation, "\n");
	}
	for (i = 0; i < c.nscs; i++) {
		const struct scenario *sc = &c.scs[i];
		fputs("scenario\t", stdout);
		put_field(sc->id, "\t");
		put_field(sc->persona, "\t");
		put_field(sc->channel, "\t");
		printf("%c\t%d\t", sc->level, steps_on_expert(sc));
		put_field(sc->title, "\n");
		if (sc->notice) {
			fputs("waarschuwing\t", stdout);
			put_field(sc->id, "\t");
			put_field(sc->notice, "\n");
		}
	}
	content_free(&c);
	return EXIT_OK;
}

static void print_coverage(const struct content *c)
{
	size_t f, i;

	for (f = 0; f < c->nfws; f++) {
		const struct framework *fw = &c->fws[f];
		int *pos = mem_calloc(fw->ninds, sizeof *pos);
		int *neg = mem_calloc(fw->ninds, sizeof *neg);
		check_coverage(c, fw, pos, neg);
		fputs("dekking ", stdout);
		put_field(fw->id, " (");
		put_field(fw->name, ")\nindicator\tniveau\tpositief\t"
			  "negatief\ttekst\n");
		for (i = 0; i < fw->ninds; i++) {
			put_field(fw->inds[i].id, "\t");
			printf("%d\t%d\t%d\t", fw->inds[i].level, pos[i],
			       neg[i]);
			put_field(fw->inds[i].text, "\n");
		}
		free(pos);
		free(neg);
	}
}

/* Check only the given paths, with the root's content for references. */
static void check_paths(struct cli_ctx *ctx, struct content *c, struct diag *d)
{
	struct diag rootd = {0};
	int i;

	content_load(c, ctx->content_dir, &rootd);
	diag_free(&rootd);
	for (i = 0; i < ctx->a.argc; i++) {
		size_t before = c->nscs;
		if (content_add_path(c, ctx->a.argv[i], d) == 0 && c->nscs > before)
			check_scenario(c, &c->scs[c->nscs - 1], d);
	}
}

int cmd_check(struct cli_ctx *ctx)
{
	struct content c;
	struct diag d = {0};
	size_t nerr, nwarn;

	if (ctx->a.argc > 0)
		check_paths(ctx, &c, &d);
	else if (content_load(&c, ctx->content_dir, &d) >= 0)
		check_all(&c, &d);
	diag_sort(&d);
	diag_print(&d, stdout, ctx->a.strict);
	nerr = diag_count(&d, DIAG_ERROR);
	nwarn = diag_count(&d, DIAG_WARNING);
	if (ctx->a.coverage)
		print_coverage(&c);
	if (ctx->a.argc > 0)
		printf("%d bestand(en) gecontroleerd", ctx->a.argc);
	else
		printf("%zu scenario's, %zu persona's, %zu frameworks gecontroleerd",
		       c.nscs, c.npersonas, c.nfws);
	printf(": %zu %s, %zu %s\n", nerr, nerr == 1 ? "fout" : "fouten", nwarn,
	       nwarn == 1 ? "waarschuwing" : "waarschuwingen");
	content_free(&c);
	diag_free(&d);
	return nerr || (ctx->a.strict && nwarn) ? EXIT_BAD : EXIT_OK;
}

/* A DOT string literal: quotes and backslashes escaped, shortened. */
static void dot_str(struct buf *b, const char *s, size_t maxw)
{
	char *clean = text_sanitize(s, strlen(s), 0);
	size_t n = text_fit(clean, maxw), i;

	buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		if (clean[i] == '"' || clean[i] == '\\')
			buf_addc(b, '\\');
		buf_addc(b, clean[i]);
	}
	if (clean[n])
		buf_add(b, "...");
	buf_addc(b, '"');
	free(clean);
}

/* A node's DOT id: "s:" for a step or "e:" for an ending, then its id. */
static void dot_node(struct buf *b, const char *kind, const char *id)
{
	struct buf t = {0};

	buf_printf(&t, "%s:%s", kind, id);
	dot_str(b, t.s, SIZE_MAX);
	buf_free(&t);
}

static void graph_option(struct buf *b, const struct scenario *sc, size_t s,
			 const struct sc_option *o, int on_path)
{
	char label[64];

	buf_add(b, "  ");
	dot_node(b, "s", sc->steps[s].id);
	buf_add(b, " -> ");
	if (o->next_end >= 0)
		dot_node(b, "e", sc->ends[o->next_end].id);
	else
		dot_node(b, "s", sc->steps[o->next_step].id);
	buf_add(b, " [label=");
	snprintf(label, sizeof label, "%d. ", o->num);
	{
		struct buf t = {0};
		char *head = mem_strndup(o->text, text_fit(o->text, 40));
		buf_printf(&t, "%s%s%s\n(%+d/%+d/%+d)", label, head, o->text[strlen(head)] ? "..." : "",
			   o->effect[0], o->effect[1], o->effect[2]);
		dot_str(b, t.s, 200);
		free(head);
		buf_free(&t);
	}
	buf_add(b, on_path ? ", color=darkgreen, penwidth=3]\n" : "]\n");
}

static void graph_print(const struct scenario *sc)
{
	struct buf b = {0};
	size_t s, e;
	int i;

	buf_add(&b, "digraph scenario {\n  rankdir=TB;\n  node [shape=box, style=rounded];\n  label=");
	dot_str(&b, sc->title, 80);
	buf_add(&b, ";\n");
	for (s = 0; s < sc->nsteps; s++) {
		buf_add(&b, "  ");
		dot_node(&b, "s", sc->steps[s].id);
		buf_add(&b, " [label=");
		dot_str(&b, sc->steps[s].id, 40);
		buf_add(&b, (int)s == sc->start_step ? ", peripheries=2];\n" : "];\n");
	}
	for (e = 0; e < sc->nends; e++) {
		buf_add(&b, "  ");
		dot_node(&b, "e", sc->ends[e].id);
		buf_add(&b, " [shape=doubleoctagon, label=");
		dot_str(&b, sc->ends[e].id, 40);
		buf_printf(&b, ", xlabel=\"%s\"];\n", scenario_tone_name[sc->ends[e].tone]);
	}
	for (s = 0; s < sc->nsteps; s++)
		for (i = 0; i < sc->steps[s].nopt; i++)
			graph_option(&b, sc, s, &sc->steps[s].opt[i], sc->steps[s].opt[i].expert);
	buf_add(&b, "}\n");
	fputs(b.s, stdout);
	buf_free(&b);
}

int cmd_graph(struct cli_ctx *ctx)
{
	struct content c;
	const struct scenario *sc;
	int rc = EXIT_OK;

	if (ctx->a.argc != 1)
		return cmd_usage("graph verwacht precies één SCENARIO", NULL);
	if (cmd_load_content(ctx, &c, ctx->a.argv[0]) != 0) {
		content_free(&c);
		return EXIT_BAD;
	}
	sc = content_scenario(&c, ctx->a.argv[0]);
	if (sc == NULL) {
		cmd_error("onbekend scenario '%s'; zie 'klantcoach list'",
			  ctx->a.argv[0]);
		rc = EXIT_BAD;
	} else {
		graph_print(sc);
	}
	content_free(&c);
	return rc;
}
